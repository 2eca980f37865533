"""The rules a help finder must meet before it can be published.

The same checker guards publishing (the page form) and is unit-tested rule by rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .flow import (
    MAX_DEPTH,
    OPTION_KEY,
    OUTCOME_KEY,
    QUESTION_KEY,
    Flow,
    Question,
)


@dataclass(frozen=True)
class Problem:
    """One broken rule, and where to show it: a question, an option of one, or an outcome."""

    rule: str
    message: str
    question: int | None = None  # index in flow.questions
    option: int | None = None  # index in that question's options
    outcome: int | None = None  # index in flow.outcomes
    field: str = ""  # the block field the message belongs next to


def check_flow(flow: Flow) -> list[Problem]:
    problems: list[Problem] = []
    problems += _check_keys(flow)
    problems += _check_destinations(flow)
    problems += _check_pages(flow)
    problems += _check_reachability(flow)
    cycles = _check_cycles(flow)
    problems += cycles
    if not cycles:
        problems += _check_depth(flow)
    problems += _check_emergency(flow)
    return problems


def _check_keys(flow: Flow) -> list[Problem]:
    problems = []
    if not flow.questions:
        problems.append(Problem("no_questions", _("Add at least one question.")))
    seen: set[str] = set()
    for qi, question in enumerate(flow.questions):
        if not QUESTION_KEY.match(question.key):
            problems.append(
                Problem("bad_key", _("A question key is q and a number, e.g. q1."), qi, field="key")
            )
        elif question.key in seen:
            problems.append(
                Problem("duplicate_key", _("Another step has this key."), qi, field="key")
            )
        seen.add(question.key)
        if not question.options:
            problems.append(
                Problem("no_options", _("Add at least one answer."), qi, field="options")
            )
        option_keys: set[str] = set()
        for oi, option in enumerate(question.options):
            if not OPTION_KEY.match(option.key) or option.key in option_keys:
                problems.append(
                    Problem(
                        "bad_option_key",
                        _("Answer keys are k and a number, different in each question."),
                        qi,
                        oi,
                        field="key",
                    )
                )
            option_keys.add(option.key)
    for ri, outcome in enumerate(flow.outcomes):
        if not OUTCOME_KEY.match(outcome.key):
            problems.append(
                Problem(
                    "bad_key",
                    _("An outcome key is r and a number, e.g. r1."),
                    outcome=ri,
                    field="key",
                )
            )
        elif outcome.key in seen:
            problems.append(
                Problem("duplicate_key", _("Another step has this key."), outcome=ri, field="key")
            )
        seen.add(outcome.key)
    return problems


def _check_destinations(flow: Flow) -> list[Problem]:
    problems = []
    for qi, question in enumerate(flow.questions):
        for oi, option in enumerate(question.options):
            if not option.next:
                problems.append(
                    Problem(
                        "no_destination",
                        _("Choose where this answer leads: a question key or an outcome key."),
                        qi,
                        oi,
                        field="next",
                    )
                )
            elif flow.node(option.next) is None:
                problems.append(
                    Problem(
                        "missing_destination",
                        _("There is no question or outcome with the key “%(key)s”.")
                        % {"key": option.next},
                        qi,
                        oi,
                        field="next",
                    )
                )
    return problems


def _check_pages(flow: Flow) -> list[Problem]:
    problems = []
    for ri, outcome in enumerate(flow.outcomes):
        if any(page is None or not page.live for page in outcome.pages):
            problems.append(
                Problem(
                    "page_not_live",
                    _("A recommended page is deleted or not published. Choose a live page."),
                    outcome=ri,
                    field="pages",
                )
            )
    return problems


def _reachable(flow: Flow) -> set[str]:
    if flow.first is None:
        return set()
    reached = {flow.first.key}
    queue = [flow.first]
    while queue:
        question = queue.pop()
        for option in question.options:
            node = flow.node(option.next)
            if node is not None and node.key not in reached:
                reached.add(node.key)
                if isinstance(node, Question):
                    queue.append(node)
    return reached


def _check_reachability(flow: Flow) -> list[Problem]:
    reached = _reachable(flow)
    problems = [
        Problem(
            "unreachable_question",
            _("No answer leads to this question."),
            qi,
            field="key",
        )
        for qi, question in enumerate(flow.questions)
        if question.key not in reached
    ]
    problems += [
        Problem(
            "unreachable_outcome",
            _("No answer leads to this outcome."),
            outcome=ri,
            field="key",
        )
        for ri, outcome in enumerate(flow.outcomes)
        if outcome.key not in reached
    ]
    return problems


def _check_cycles(flow: Flow) -> list[Problem]:
    """An answer that leads back to a question already on its path is a loop."""
    index = {question.key: qi for qi, question in enumerate(flow.questions)}
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    problems = []

    def visit(question: Question) -> None:
        state[question.key] = "open"
        for oi, option in enumerate(question.options):
            node = flow.node(option.next)
            if not isinstance(node, Question):
                continue
            if state.get(node.key) == "open":
                problems.append(
                    Problem(
                        "cycle",
                        _("This answer leads back to an earlier question: the finder would loop."),
                        index[question.key],
                        oi,
                        field="next",
                    )
                )
            elif node.key not in state:
                visit(node)
        state[question.key] = "done"

    for question in flow.questions:
        if question.key not in state:
            visit(question)
    return problems


def _check_depth(flow: Flow) -> list[Problem]:
    """Call only on a flow without cycles."""
    if flow.first is None:
        return []
    depth: dict[str, int] = {}

    def deepest(question: Question) -> int:
        """The most questions on a path from the first question to this one (inclusive)."""
        return depth.get(question.key, 0)

    # Longest path by relaxing edges in a depth-first order from the first question.
    order: list[Question] = []
    seen: set[str] = set()

    def post_order(question: Question) -> None:
        seen.add(question.key)
        for option in question.options:
            node = flow.node(option.next)
            if isinstance(node, Question) and node.key not in seen:
                post_order(node)
        order.append(question)

    post_order(flow.first)
    depth[flow.first.key] = 1
    for question in reversed(order):  # a topological order
        for option in question.options:
            node = flow.node(option.next)
            if isinstance(node, Question) and question.key in depth:
                depth[node.key] = max(deepest(node), deepest(question) + 1)

    index = {question.key: qi for qi, question in enumerate(flow.questions)}
    return [
        Problem(
            "too_deep",
            _("This question can be question number %(depth)s on a path; at most %(max)s.")
            % {"depth": number, "max": MAX_DEPTH},
            index[key],
            field="key",
        )
        for key, number in depth.items()
        if number > MAX_DEPTH
    ]


def _check_emergency(flow: Flow) -> list[Problem]:
    emergencies = [ri for ri, outcome in enumerate(flow.outcomes) if outcome.is_emergency]
    if not emergencies:
        return [
            Problem(
                "emergency_unreachable",
                _("Mark one outcome as the emergency outcome (112)."),
                field="outcomes",
            )
        ]
    problems = [
        Problem(
            "several_emergencies",
            _("Only one outcome can be the emergency outcome."),
            outcome=ri,
            field="is_emergency",
        )
        for ri in emergencies[1:]
    ]
    emergency_key = flow.outcomes[emergencies[0]].key
    first = flow.first
    if first is not None and not any(option.next == emergency_key for option in first.options):
        problems.append(
            Problem(
                "emergency_unreachable",
                _(
                    "The first question must have an answer that leads straight to the "
                    "emergency outcome."
                ),
                0,
                field="options",
            )
        )
    return problems
