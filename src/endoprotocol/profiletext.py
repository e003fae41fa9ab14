"""A profile as commented YAML: the file `endoprotocol profile init` saves.

Every field is written with a comment saying what it means (the model's own field
descriptions) and, for a closed vocabulary, which values it accepts, so a person can edit the
file by hand. Fields left at "unknown" (blood pressure, pregnancy week) are shown commented
out. The text loads back, through the same reader as any profile file, to an equal Profile.
"""

from __future__ import annotations

import json
import re
import textwrap
from enum import StrEnum
from typing import Any

from endoprotocol.profile import SPREAD, Profile, Screening
from endoprotocol.vocab import Condition, Day, Equipment, Experience, Goal, Sex, Therapy

WIDTH = 95

# The closed vocabulary behind each field that has one: the accepted values are listed from
# the enums, never copied by hand.
VOCABULARY: dict[str, type[StrEnum]] = {
    "sex": Sex,
    "goals": Goal,
    "therapies": Therapy,
    "experience": Experience,
    "days": Day,
    "equipment": Equipment,
    "conditions": Condition,
}

HEADER = """\
# Your endoprotocol profile, saved by `endoprotocol profile init`.
# A bare `endoprotocol plan` plans from it; `endoprotocol plan --from-saved --minutes 30` starts
# from it and changes only the fields given as flags. Edit it freely: it is checked on every use
# (`endoprotocol profile show` prints it). It holds health data: it is readable by you only.
"""


def accepted(name: str) -> str:
    """The accepted values of a field with a closed vocabulary, comma-separated ('' if none)."""
    vocabulary = VOCABULARY.get(name)
    return ", ".join(v.value for v in vocabulary) if vocabulary else ""


def commented_yaml(person: Profile) -> str:
    """The profile as YAML, a comment above each field; loads back to an equal Profile."""
    data = person.model_dump(mode="json")
    blocks = [HEADER]
    for name, field in Profile.model_fields.items():
        about = field.description or name
        value = data[name]
        if name == "days" and value is None:
            continue  # days_per_week says it
        if name == "days_per_week":
            if person.days is not None:
                continue  # the listed days say it
            spread = ", ".join(d.value for d in SPREAD[person.days_per_week])
            about = f"{about.rstrip('.')}; {person.days_per_week} means {spread}."
        if name == "screening":
            blocks.append(_screening(about, person.screening))
            continue
        lines = _comment(about)
        if accepted(name):
            lines += _comment(f"Accepted: {accepted(name)}.")
        if value is None:
            if name == "pregnancy_week" and "pregnancy" not in data["conditions"]:
                continue  # only a pregnancy has a week
            example = {"blood_pressure": "{systolic: 128, diastolic: 82}"}.get(name, "20")
            lines.append(f"# {name}: {example}    (not given: unknown)")
        else:
            lines.append(f"{name}: {_flow(value)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks).replace("\n\n\n", "\n\n") + "\n"


def _screening(about: str, answers: Screening) -> str:
    lines = [*_comment(about), "screening:"]
    for name, field in Screening.model_fields.items():
        lines += _comment(field.description or name, indent="  ")
        lines.append(f"  {name}: {_flow(getattr(answers, name))}")
    return "\n".join(lines)


def _comment(text: str, indent: str = "") -> list[str]:
    prefix = f"{indent}# "
    return textwrap.wrap(
        text, WIDTH, initial_indent=prefix, subsequent_indent=prefix, break_on_hyphens=False
    )


_PLAIN = re.compile(r"[a-z][a-z0-9-]*")
_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _flow(value: Any) -> str:
    """A value in YAML flow style: `[a, b]`, `{systolic: 128, diastolic: 82}`, `true`, `45`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        # vocabulary values are plain kebab-case; anything else is quoted as a JSON string
        plain = _PLAIN.fullmatch(value) and value not in _WORDS
        return value if plain else json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no YAML form for {type(value).__name__}")  # pragma: no cover - a bug
