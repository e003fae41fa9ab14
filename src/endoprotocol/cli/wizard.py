"""The questions `endoprotocol profile init` asks: every profile field, in plain words.

An answer is read the way a value in a profile file is read (the same YAML reader, so `045`
or `1:05` is refused, not taken as 37 or 65), then checked by the Profile model itself together
with the answers before it, so a contradiction (male and pregnant) is caught at the answer that
makes it. A refused answer is asked again with the model's reason; Enter keeps the default.
Only the order, the wording and the forgiving shortcuts (`y`, a bare number of days, `none`)
live here: what is valid is the model's business.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from endoprotocol.errors import Interrupted, ProfileError, UsageError
from endoprotocol.profile import Profile, Screening, problems_with
from endoprotocol.profiletext import accepted
from endoprotocol.vocab import Condition, canonical

# An answer longer than this is refused (and a line that never ends is not read whole).
MAX_ANSWER = 1000
# Bad answers in a row before giving up: piped answers must not loop for ever.
MAX_TRIES = 10
WIDTH = 78

# Required answers that contradict no other field (only male has contradictions), for checking
# flags before the questions that would give the real ones.
STAND_INS: dict[str, Any] = {"age": 40, "sex": "female", "goals": ["general-health"]}

# value: read as in a profile file; yes-no: also y/n; days: a number is days_per_week
Kind = Literal["value", "yes-no", "days"]
Ask = Callable[[str], str]
Tell = Callable[[str], None]


@dataclass(frozen=True)
class Question:
    """One question; `field` is a Profile field, or `screening.<question>` for PAR-Q+."""

    field: str
    text: str
    hint: str = ""
    kind: Kind = "value"
    required: bool = False
    # `none` means an empty list (conditions); elsewhere it keeps its vocabulary meaning
    # (equipment `none` is bodyweight; therapies `none` the model reads itself).
    none_is_empty: bool = False
    # Text before the question (a section heading).
    intro: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        """The profile keys this question sets (days sets either days or days_per_week)."""
        top = self.field.split(".")[0]
        return ("days", "days_per_week") if top == "days" else (top,)

    @property
    def default(self) -> str:
        """What Enter means, in the words of the answer (from the model's own default)."""
        if self.field == "days":  # a number of days, spread evenly
            return str(Profile.model_fields["days_per_week"].default)
        if self.required:
            return ""
        top, _, sub = self.field.partition(".")
        value = (Screening.model_fields[sub] if sub else Profile.model_fields[top]).default
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "none"
        return "unknown" if value is None else str(value)


def _values(field: str, extra: str = "") -> str:
    return f"Accepted: {accepted(field)}.{extra}"


QUESTIONS: tuple[Question, ...] = (
    Question(
        "age", "How old are you, in years?", "Plans are made for ages 18 to 100.", required=True
    ),
    Question(
        "sex",
        "Your sex, for the physiology the evidence was measured on: male or female?",
        required=True,
    ),
    Question(
        "goals",
        "What do you train for? 1 to 4 goals, the most important first, separated by commas.",
        _values("goals"),
        required=True,
    ),
    Question(
        "experience",
        "How experienced are you with strength training: beginner (new to regular training), "
        "intermediate (you train regularly) or advanced (years of structured training)?",
    ),
    Question(
        "currently_active",
        "For the last 3 months or more, have you done 30+ minutes of moderate activity "
        "(brisk walking or more) on 3 or more days a week? yes or no.",
        kind="yes-no",
    ),
    Question(
        "days",
        "Which days can you train? Day names separated by commas (mon, wed, fri), or just how "
        "many days a week (1-7), spread evenly.",
        _values("days"),
        kind="days",
    ),
    Question("minutes_per_session", "How many minutes do you have for a session (15-180)?"),
    Question(
        "equipment",
        "What can you train with? Separate the items with commas; include fixtures such as a "
        "pull-up-bar, bench or trap-bar.",
        _values(
            "equipment",
            " 'machines' means a gym: bench, pull-up-bar and dip-bars come with it "
            "(a barbell and cardio machines do not).",
        ),
    ),
    Question(
        "conditions",
        "Which health conditions should the plan respect? Separate them by commas, or none.",
        _values("conditions"),
        none_is_empty=True,
    ),
    Question(
        "pregnancy_week",
        "Which week of pregnancy are you in (1-42)? Enter if you would rather not say: then "
        "the plan leaves out lying on your back throughout.",
    ),
    Question(
        "therapies",
        "Do you already use a hormonal therapy? Separate them by commas, or none. (The plan "
        "notes how training interacts with it; it never doses or starts one.)",
        _values("therapies"),
    ),
    Question(
        "blood_pressure",
        "Your resting blood pressure as systolic/diastolic in mmHg, e.g. 128/82? "
        "Enter if you do not know it.",
    ),
    *(
        Question(
            f"screening.{name}",
            field.description or name,
            kind="yes-no",
            intro=(
                "The seven PAR-Q+ health questions (answer yes or no). Answer honestly: a yes "
                "makes the plan more careful and says whom to see first."
                if index == 0
                else ""
            ),
        )
        for index, (name, field) in enumerate(Screening.model_fields.items())
    ),
)


def asked(question: Question, person: Profile | None) -> bool:
    """Whether to ask `question` given the profile so far (a week only for a pregnancy)."""
    if question.field == "pregnancy_week":
        return person is not None and Condition.PREGNANCY in person.conditions
    return True


def ask_profile(
    ask: Ask,
    tell: Tell,
    *,
    given: dict[str, Any] | None = None,
    questions: tuple[Question, ...] = QUESTIONS,
) -> Profile:
    """Ask `questions` in order on top of `given` (answers from flags) and return the profile.

    `ask(prompt)` returns one line of answer; it raises EOFError at the end of the answers
    (Interrupted follows) and KeyboardInterrupt passes through.
    """
    answers: dict[str, Any] = dict(given or {})
    person: Profile | None = None
    for question in questions:
        if not asked(question, person):
            continue
        if question.intro:
            tell("")
            for line in _wrapped(question.intro, ""):
                tell(line)
        answers = _ask_until_accepted(question, answers, ask, tell)
        if not problems_with(answers, Profile.model_fields):
            person = Profile.model_validate(answers)
    if person is None:  # pragma: no cover - the required questions come first
        raise ProfileError("the profile is not complete")
    return person


def _ask_until_accepted(
    question: Question, answers: dict[str, Any], ask: Ask, tell: Tell
) -> dict[str, Any]:
    tell("")
    for line in _wrapped(question.text, ""):
        tell(line)
    if question.hint:
        for line in _wrapped(question.hint, "  "):
            tell(line)
    shown = f" [{question.default}]" if question.default else ""
    prompt = f"{question.field.split('.')[-1]}{shown}: "
    reasons: list[str] = []
    for _ in range(MAX_TRIES):
        try:
            text = ask(prompt)
        except EOFError:
            raise Interrupted(
                f"the answers ended at '{question.field}'; nothing was saved",
                hint="answer every question (Enter keeps the [default]), or give the profile "
                "as flags, e.g. `endoprotocol profile init --age 40 --sex female --goal strength`",
            ) from None
        updated, reasons = _answer(question, answers, text)
        if question.kind == "yes-no":  # asked as yes or no, so refused as yes or no
            reasons = [r.replace("must be true or false", "must be yes or no") for r in reasons]
        if not reasons:
            return updated
        for reason in reasons:
            tell(f"  not accepted: {reason}")
        tell("  please answer again")
    raise ProfileError(
        f"{question.field}: no accepted answer after {MAX_TRIES} tries; the last was refused "
        f"because {'; '.join(reasons)}"
    )


def _answer(
    question: Question, answers: dict[str, Any], text: str
) -> tuple[dict[str, Any], list[str]]:
    """The answers with this one added, and why the model refuses it ([] when it does not)."""
    text = text.strip()
    if question.kind == "yes-no":
        text = {"y": "yes", "n": "no"}.get(text.lower(), text)
    if len(text) > MAX_ANSWER:
        return answers, [f"the answer is longer than {MAX_ANSWER} characters"]
    updated = {k: v for k, v in answers.items() if k not in question.keys}
    top, _, sub = question.field.partition(".")
    if sub:  # a PAR-Q+ question: one answer inside `screening`
        updated[top] = {k: v for k, v in dict(answers.get(top) or {}).items() if k != sub}
    if not text:
        if question.required:
            return answers, ["an answer is needed"]
        return updated, problems_with(updated, question.keys)
    try:
        value = [] if question.none_is_empty and canonical(text) == "none" else _read(text)
    except ValueError as exc:
        return answers, [str(exc)]
    if question.kind == "days" and isinstance(value, int) and not isinstance(value, bool):
        updated["days_per_week"] = value
    elif sub:
        updated[top][sub] = value
    else:
        updated[top] = value
    return updated, problems_with(updated, question.keys)


def _read(text: str) -> Any:
    """An answer as a profile file would hold it (raises ValueError with the reason)."""
    from endoprotocol.yamlio import YamlProblem, parse

    try:
        doc = parse(text, yes_no=True)
    except YamlProblem as problem:
        raise ValueError(problem.message.splitlines()[0]) from None
    if doc.problems:
        raise ValueError(doc.problems[0].message)
    return doc.data


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )


# --- the terminal -------------------------------------------------------------------------------


def ask_on_stdin(prompt: str) -> str:
    """Show `prompt` on stderr and read one answer line from stdin (a terminal or a pipe)."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    try:
        line = sys.stdin.readline(MAX_ANSWER + 2)
        if line == "":
            sys.stderr.write("\n")  # end the prompt's line before the message
            raise EOFError
        if not line.endswith("\n") and len(line) > MAX_ANSWER:
            rest = line
            while rest and not rest.endswith("\n"):  # skip the rest of an overlong line
                rest = sys.stdin.readline(MAX_ANSWER)
    except UnicodeDecodeError:
        raise UsageError(
            "the answers on stdin are not UTF-8 text; nothing was saved",
            hint="type the answers, or give the profile as flags",
        ) from None
    if not sys.stdin.isatty():
        sys.stderr.write("\n")  # the answer is not echoed: end the prompt's line
    return line.rstrip("\r\n")


def tell_on_stderr(text: str) -> None:
    from endoprotocol.cli.common import say

    say(text)
