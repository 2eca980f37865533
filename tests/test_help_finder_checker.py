"""The graph checker that guards publishing: each flow below breaks exactly one rule."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from help_finder.checker import check_flow
from help_finder.flow import (
    Flow,
    Option,
    Outcome,
    Question,
    all_routes,
    parse_trail,
    replay,
)

LIVE_PAGE = SimpleNamespace(live=True)


def question(key, *options, hint=""):
    return Question(key=key, text=f"Question {key}", options=tuple(options), hint=hint)


def option(key, next_key):
    return Option(key=key, label=f"Answer {key}", next=next_key)


def outcome(key, emergency=False, pages=(LIVE_PAGE,)):
    return Outcome(key=key, title=f"Outcome {key}", is_emergency=emergency, pages=pages)


def valid_flow() -> Flow:
    return Flow(
        questions=(
            question("q1", option("k1", "r1"), option("k2", "q2")),
            question("q2", option("k1", "r2"), option("k2", "q3")),
            question("q3", option("k1", "r2"), option("k2", "r3")),
        ),
        outcomes=(outcome("r1", emergency=True), outcome("r2"), outcome("r3")),
    )


def rules(flow: Flow) -> list[str]:
    return [problem.rule for problem in check_flow(flow)]


def test_a_valid_flow_has_no_problems():
    assert check_flow(valid_flow()) == []


def test_option_without_destination():
    flow = valid_flow()
    flow = replace(
        flow, questions=(question("q1", option("k1", "r1"), option("k2", "")), *flow.questions[1:])
    )
    # q2 and q3 become unreachable as well: only the option's own rule and reachability.
    problems = check_flow(flow)
    assert problems[0].rule == "no_destination"
    assert (problems[0].question, problems[0].option, problems[0].field) == (0, 1, "next")


def test_destination_that_does_not_exist():
    flow = valid_flow()
    flow = replace(
        flow,
        questions=(
            *flow.questions[:2],
            question("q3", option("k1", "r2"), option("k2", "r9")),
        ),
        outcomes=(*flow.outcomes[:2], outcome("r3")),
    )
    # r3 is then unreachable; the broken option is reported where it is.
    problems = [p for p in check_flow(flow) if p.rule == "missing_destination"]
    assert [(p.question, p.option) for p in problems] == [(2, 1)]
    assert "r9" in problems[0].message


def test_destination_page_not_live():
    flow = valid_flow()
    flow = replace(
        flow,
        outcomes=(
            *flow.outcomes[:2],
            outcome("r3", pages=(LIVE_PAGE, SimpleNamespace(live=False))),
        ),
    )
    problems = check_flow(flow)
    assert [(p.rule, p.outcome, p.field) for p in problems] == [("page_not_live", 2, "pages")]


def test_deleted_destination_page():
    flow = valid_flow()
    flow = replace(flow, outcomes=(*flow.outcomes[:2], outcome("r3", pages=(None,))))
    assert rules(flow) == ["page_not_live"]


def test_unreachable_question():
    flow = valid_flow()
    flow = replace(flow, questions=(*flow.questions, question("q4", option("k1", "r2"))))
    problems = check_flow(flow)
    assert [(p.rule, p.question) for p in problems] == [("unreachable_question", 3)]


def test_cycle():
    flow = valid_flow()
    flow = replace(
        flow,
        questions=(
            *flow.questions[:2],
            question("q3", option("k1", "r2"), option("k2", "r3"), option("k3", "q2")),
        ),
    )
    problems = check_flow(flow)
    assert [(p.rule, p.question, p.option) for p in problems] == [("cycle", 2, 2)]


def test_path_deeper_than_six_questions():
    chain = [question(f"q{n}", option("k1", f"q{n + 1}"), option("k2", "r2")) for n in range(2, 8)]
    chain.append(question("q8", option("k1", "r2")))
    flow = Flow(
        questions=(question("q1", option("k1", "r1"), option("k2", "q2")), *chain),
        outcomes=(outcome("r1", emergency=True), outcome("r2")),
    )
    problems = check_flow(flow)
    assert {p.rule for p in problems} == {"too_deep"}
    assert sorted(p.question for p in problems) == [6, 7]  # q7 and q8 are 7th and 8th


def test_six_questions_deep_is_allowed():
    chain = [question(f"q{n}", option("k1", f"q{n + 1}"), option("k2", "r2")) for n in range(2, 6)]
    chain.append(question("q6", option("k1", "r2")))
    flow = Flow(
        questions=(question("q1", option("k1", "r1"), option("k2", "q2")), *chain),
        outcomes=(outcome("r1", emergency=True), outcome("r2")),
    )
    assert check_flow(flow) == []


def test_emergency_outcome_not_reachable_from_the_first_question():
    flow = valid_flow()
    flow = replace(
        flow,
        questions=(
            question("q1", option("k1", "q2"), option("k2", "q3")),
            question("q2", option("k1", "r2"), option("k2", "r1")),
            flow.questions[2],
        ),
    )
    problems = check_flow(flow)
    assert [(p.rule, p.question) for p in problems] == [("emergency_unreachable", 0)]


def test_no_emergency_outcome():
    flow = valid_flow()
    flow = replace(flow, outcomes=(outcome("r1"), *flow.outcomes[1:]))
    assert rules(flow) == ["emergency_unreachable"]


def test_two_emergency_outcomes():
    flow = valid_flow()
    flow = replace(flow, outcomes=(*flow.outcomes[:2], outcome("r3", emergency=True)))
    problems = check_flow(flow)
    assert [(p.rule, p.outcome) for p in problems] == [("several_emergencies", 2)]


def test_duplicate_key():
    flow = valid_flow()
    flow = replace(flow, outcomes=(*flow.outcomes[:2], outcome("r2")))
    assert "duplicate_key" in rules(flow)


def test_badly_formed_keys():
    flow = valid_flow()
    flow = replace(
        flow,
        questions=(
            question("q1", option("k1", "r1"), option("k1", "q2")),
            *flow.questions[1:],
        ),
    )
    assert rules(flow) == ["bad_option_key"]


def test_no_questions():
    assert "no_questions" in rules(Flow(questions=(), outcomes=(outcome("r1", emergency=True),)))


# --- Replaying a trail ---------------------------------------------------------------------


def test_replay_follows_the_answers():
    position = replay(valid_flow(), ["k2", "k2", "k2"])
    assert position.node.key == "r3"
    assert position.trail == ("k2", "k2", "k2")
    assert [a.question.key for a in position.answers] == ["q1", "q2", "q3"]
    assert [a.trail for a in position.answers] == [(), ("k2",), ("k2", "k2")]


@pytest.mark.parametrize(
    ("trail", "node", "kept"),
    [
        (["k9"], "q1", ()),  # unknown key
        (["k2", "k9", "k1"], "q2", ("k2",)),  # stops at the first that does not fit
        (["k1", "k1", "k1"], "r1", ("k1",)),  # answers after an outcome are ignored
        ([], "q1", ()),
    ],
)
def test_replay_lands_on_the_furthest_valid_step(trail, node, kept):
    position = replay(valid_flow(), trail)
    assert position.node.key == node
    assert position.trail == kept


def test_parse_trail_is_bounded_and_stops_at_garbage():
    assert parse_trail("k1.k2") == ["k1", "k2"]
    assert parse_trail("k1.<script>.k2") == ["k1"]
    assert len(parse_trail(".".join(["k1"] * 5000))) == 7
    assert parse_trail("") == []


def test_all_routes_lists_every_path_and_its_end():
    routes = all_routes(valid_flow())
    ends = [(tuple(o.key for _q, o in steps), end.key) for steps, end in routes]
    assert ends == [
        (("k1",), "r1"),
        (("k2", "k1"), "r2"),
        (("k2", "k2", "k1"), "r2"),
        (("k2", "k2", "k2"), "r3"),
    ]
