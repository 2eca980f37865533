"""The demo help finders' routing: the same in every language (texts are in content/).

Each option leads to exactly one destination: a question key (q…) or an outcome key (r…).
Briefs say what each text must mean; the writers word them in each language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OptionSpec:
    key: str
    next: str
    brief: str


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    brief: str
    options: tuple[OptionSpec, ...]


@dataclass(frozen=True)
class OutcomeSpec:
    key: str
    brief: str
    pages: tuple[str, ...]  # page keys of tree.py, 1 to 3
    contacts: tuple[str, ...]  # contact keys of tree.py
    emergency: bool = False


@dataclass(frozen=True)
class FinderSpec:
    page_key: str
    questions: tuple[QuestionSpec, ...]
    outcomes: tuple[OutcomeSpec, ...]


VICTIMS_FINDER = FinderSpec(
    page_key="victims-help-finder",
    questions=(
        QuestionSpec(
            "q1",
            "Are you or someone else in danger right now?",
            (
                OptionSpec("k1", "r1", "Yes, there is danger now"),
                OptionSpec("k2", "q2", "No, not right now"),
                OptionSpec("k3", "r1", "I am not sure"),
            ),
        ),
        QuestionSpec(
            "q2",
            "Who needs help?",
            (
                OptionSpec("k1", "q3", "I do"),
                OptionSpec("k2", "r5", "Someone else: a friend, relative or co-worker"),
                OptionSpec("k3", "r6", "A child (under 18)"),
            ),
        ),
        QuestionSpec(
            "q3",
            "What would you most like to know? (hint: choose the closest answer)",
            (
                OptionSpec("k1", "r2", "Can I get help without a residence permit?"),
                OptionSpec("k2", "r2", "Can I get help without going to the police?"),
                OptionSpec("k3", "r3", "Where can I stay, and how do I get money to live on?"),
                OptionSpec("k4", "r4", "Is what happens to me human trafficking?"),
                OptionSpec("k5", "r3", "I am not sure"),
            ),
        ),
    ),
    outcomes=(
        OutcomeSpec(
            "r1",
            "Emergency: call 112 now if you or someone else is in immediate danger; say where "
            "you are. When you are safe, the hotline helps 24/7, anonymously if you wish.",
            pages=("contact-assistance-system", "staying-safe-online"),
            contacts=("emergency", "hotline"),
            emergency=True,
        ),
        OutcomeSpec(
            "r2",
            "You can get help even without a residence permit and without a police report; "
            "help is free and confidential; the Assistance System must tell the police about a "
            "suspected crime, but you decide whether you take part. Call the hotline.",
            pages=("help-even-if", "your-rights", "contact-assistance-system"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r3",
            "Help with a safe place to stay, health care and money to live on is available; "
            "the first step is a call to the hotline, day or night.",
            pages=("what-help-you-can-get", "contact-assistance-system"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r4",
            "The self-check questions help you think about your situation; you do not need to "
            "be sure: a suspicion is enough to call.",
            pages=("am-i-a-victim", "what-help-you-can-get"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r5",
            "Worried about someone: learn the signs, talk to the person in private, do not "
            "confront the exploiter; call the hotline (it can be anonymous) or 112 in danger.",
            pages=("signs-of-trafficking", "contact-assistance-system"),
            contacts=("hotline", "emergency"),
        ),
        OutcomeSpec(
            "r6",
            "A child can never agree to being exploited; a child gets help; call 112 if the "
            "child is in danger, otherwise call the hotline.",
            pages=("child-trafficking", "get-help"),
            contacts=("emergency", "hotline"),
        ),
    ),
)

REFERRAL_GUIDE = FinderSpec(
    page_key="referral-guide",
    questions=(
        QuestionSpec(
            "q1",
            "Is the person in immediate danger?",
            (
                OptionSpec("k1", "r1", "Yes"),
                OptionSpec("k2", "q2", "No"),
                OptionSpec("k3", "r1", "I cannot tell"),
            ),
        ),
        QuestionSpec(
            "q2",
            "Is the person under 18?",
            (
                OptionSpec("k1", "r2", "Yes"),
                OptionSpec("k2", "q3", "No"),
                OptionSpec("k3", "r2", "I do not know"),
            ),
        ),
        QuestionSpec(
            "q3",
            "Has the person agreed to be referred to the Assistance System?",
            (
                OptionSpec("k1", "q4", "Yes"),
                OptionSpec("k2", "r3", "No, or not yet"),
                OptionSpec("k3", "r4", "I have not asked yet"),
            ),
        ),
        QuestionSpec(
            "q4",
            "Does the person have a home municipality in Finland?",
            (
                OptionSpec("k1", "r5", "Yes"),
                OptionSpec("k2", "r6", "No, or I do not know"),
            ),
        ),
    ),
    outcomes=(
        OutcomeSpec(
            "r1",
            "Emergency: call 112 first; once the person is safe, call the hotline to arrange "
            "help (one call can be enough in urgent cases).",
            pages=("referring-to-assistance-system",),
            contacts=("emergency", "hotline"),
            emergency=True,
        ),
        OutcomeSpec(
            "r2",
            "A child: the guardian's or representative's consent, hear the child, child welfare "
            "notification; call the hotline.",
            pages=("child-victims", "referring-to-assistance-system"),
            contacts=("hotline", "emergency"),
        ),
        OutcomeSpec(
            "r3",
            "No consent yet: you can consult the hotline anonymously, without details that "
            "identify the person; respect the person's choice, keep the door open.",
            pages=("anonymous-consultation", "identifying-a-victim"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r4",
            "Ask for consent: explain the services and that the Assistance System must notify "
            "the police of a suspected crime; use an interpreter; then call the hotline.",
            pages=("referring-with-consent", "identifying-a-victim"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r5",
            "Refer now: call the hotline; the home municipality provides the services, the "
            "Assistance System advises it.",
            pages=("referring-to-assistance-system", "home-municipality-duties"),
            contacts=("hotline",),
        ),
        OutcomeSpec(
            "r6",
            "Refer now: call the hotline; the Assistance System arranges the services itself.",
            pages=("referring-to-assistance-system", "what-help-you-can-get"),
            contacts=("hotline",),
        ),
    ),
)

FINDERS = {finder.page_key: finder for finder in (VICTIMS_FINDER, REFERRAL_GUIDE)}
