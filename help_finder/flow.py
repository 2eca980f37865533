"""A help finder's routing as a plain graph: built from the page, checked, and replayed.

Nothing here touches the database or the request, so the checker and the replay are
tested on small hand-made flows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

QUESTION_KEY = re.compile(r"^q[0-9]{1,3}$")
OUTCOME_KEY = re.compile(r"^r[0-9]{1,3}$")
OPTION_KEY = re.compile(r"^k[0-9]{1,2}$")
#: The most questions on any path, from the first question to an outcome.
MAX_DEPTH = 6
#: A trail longer than this cannot be a real path; the rest is ignored.
MAX_TRAIL = MAX_DEPTH + 1


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    next: str


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    options: tuple[Option, ...]
    hint: str = ""

    def option(self, key: str) -> Option | None:
        return next((option for option in self.options if option.key == key), None)


@dataclass(frozen=True)
class Outcome:
    key: str
    title: str
    is_emergency: bool = False
    text: Any = ""  # rich text
    pages: tuple[Any, ...] = ()  # Wagtail pages (None where the chosen page is gone)
    contacts: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Flow:
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...] = ()

    @property
    def first(self) -> Question | None:
        return self.questions[0] if self.questions else None

    def node(self, key: str) -> Question | Outcome | None:
        for node in (*self.questions, *self.outcomes):
            if node.key == key:
                return node
        return None


@dataclass(frozen=True)
class Answer:
    question: Question
    option: Option
    trail: tuple[str, ...]  # the trail that leads to this question (for "Change")


@dataclass
class Position:
    """Where a trail of answers leads: the furthest valid step and the answers on the way."""

    node: Question | Outcome
    answers: list[Answer] = field(default_factory=list)

    @property
    def trail(self) -> tuple[str, ...]:
        return tuple(answer.option.key for answer in self.answers)


def parse_trail(raw: str) -> list[str]:
    """The option keys of an ``a=k1.k2`` parameter, up to the first one that is malformed."""
    keys = []
    for key in raw[: MAX_TRAIL * 4].split(".")[:MAX_TRAIL]:
        if not OPTION_KEY.match(key):
            break
        keys.append(key)
    return keys


def replay(flow: Flow, trail: list[str]) -> Position | None:
    """Walk the trail from the first question; stop at the first answer that does not fit."""
    if flow.first is None:
        return None
    position = Position(node=flow.first)
    for key in trail:
        question = position.node
        if not isinstance(question, Question):
            break
        option = question.option(key)
        destination = flow.node(option.next) if option else None
        if destination is None:
            break
        position.answers.append(Answer(question, option, position.trail))
        position.node = destination
    return position


def all_routes(flow: Flow) -> list[tuple[list[tuple[Question, Option]], Question | Outcome | None]]:
    """Every path of answers from the first question and where it ends.

    A path ends at an outcome, at None (a missing destination), or at a question met again
    (a cycle). Used by the editor's read-only routes panel.
    """
    routes: list[tuple[list[tuple[Question, Option]], Question | Outcome | None]] = []

    def walk(question: Question, path: list[tuple[Question, Option]]) -> None:
        for option in question.options:
            step = [*path, (question, option)]
            destination = flow.node(option.next)
            seen = {q.key for q, _o in step}
            if isinstance(destination, Question) and destination.key not in seen:
                walk(destination, step)
            else:
                routes.append((step, destination))

    if flow.first is not None:
        walk(flow.first, [])
    return routes
