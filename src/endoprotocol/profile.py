"""The person's profile: the input contract of DESIGN.md (v1), validated and normalized."""

# No `from __future__ import annotations` in this module: pydantic would compile and
# evaluate every field's annotation string while creating each model class, on every run.
import contextlib
import re
from collections.abc import Collection
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from endoprotocol.errors import MAX_SHOWN, ProfileError
from endoprotocol.vocab import (
    IMPLIED_EQUIPMENT,
    SCREENING_QUESTIONS,
    Condition,
    Day,
    Equipment,
    Experience,
    Goal,
    Sex,
    Therapy,
    YesNo,
    canonical,
    normalize,
    suggest,
)

# Evenly spread training days for `days_per_week` (DESIGN.md: 3 -> Mon/Wed/Fri).
SPREAD: dict[int, tuple[Day, ...]] = {
    1: (Day.MONDAY,),
    2: (Day.MONDAY, Day.THURSDAY),
    3: (Day.MONDAY, Day.WEDNESDAY, Day.FRIDAY),
    4: (Day.MONDAY, Day.TUESDAY, Day.THURSDAY, Day.FRIDAY),
    5: (Day.MONDAY, Day.TUESDAY, Day.WEDNESDAY, Day.FRIDAY, Day.SATURDAY),
    6: tuple(Day)[:6],
    7: tuple(Day),
}
WEEK: tuple[Day, ...] = tuple(Day)


def _one_of(enum: type[StrEnum]) -> BeforeValidator:
    def check(raw: object) -> StrEnum:
        try:
            return normalize(enum, raw)
        except ValueError as exc:
            raise PydanticCustomError("vocabulary", str(exc)) from None

    return BeforeValidator(check)


def _as_list(raw: object) -> object:
    """Accept a single value or a comma-separated string where a list is expected."""
    if isinstance(raw, str):
        return [part for part in (p.strip() for p in raw.split(",")) if part]
    return raw


AsList = BeforeValidator(_as_list)


_BP_TEXT = re.compile(r"\s*(\d{2,3})\s*/\s*(\d{2,3})\s*")


def parse_blood_pressure(text: str) -> dict[str, int] | None:
    """`128/82` -> {systolic: 128, diastolic: 82}; None when the text is not in that form."""
    match = _BP_TEXT.fullmatch(text)
    if not match:
        return None
    return {"systolic": int(match.group(1)), "diastolic": int(match.group(2))}


def _bp_text(raw: object) -> object:
    """Accept `128/82` in a file as well as on the command line."""
    if isinstance(raw, str):
        parsed = parse_blood_pressure(raw)
        if parsed is None:
            raise PydanticCustomError(
                "blood_pressure",
                "use systolic/diastolic in mmHg, e.g. 128/82 (got {raw})",
                {"raw": repr(raw)},
            )
        return parsed
    return raw


def _yes_no(raw: object) -> object:
    """A plain yes/no in a profile answers a true-or-false field (DESIGN.md v1.1)."""
    return raw.answer if isinstance(raw, YesNo) else raw


# A boolean field: true/false, or yes/no as written in a YAML profile (never 'on'/'off').
YesNoFlag = Annotated[bool, BeforeValidator(_yes_no), Field(strict=True)]

SexField = Annotated[Sex, _one_of(Sex)]
GoalField = Annotated[Goal, _one_of(Goal)]
ExperienceField = Annotated[Experience, _one_of(Experience)]
DayField = Annotated[Day, _one_of(Day)]
EquipmentField = Annotated[Equipment, _one_of(Equipment)]
ConditionField = Annotated[Condition, _one_of(Condition)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


class BloodPressure(_Strict):
    """Resting blood pressure in mmHg."""

    systolic: Annotated[int, Field(ge=60, le=300, strict=True)]
    diastolic: Annotated[int, Field(ge=30, le=200, strict=True)]

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        aliases = {"sys": "systolic", "dia": "diastolic"}
        return _normalize_keys(data, list(cls.model_fields), aliases, "blood_pressure")

    @model_validator(mode="after")
    def _systolic_above_diastolic(self) -> Self:
        if self.systolic <= self.diastolic:
            raise ValueError(
                f"systolic ({self.systolic}) must be higher than diastolic ({self.diastolic})"
            )
        return self


class Screening(_Strict):
    """PAR-Q+ general-health answers; an omitted answer counts as "no"."""

    # Each description is the PAR-Q+ question in plain words (EVIDENCE.md 2.2): the wizard
    # asks it and the saved profile's comments repeat it.
    heart_condition_or_high_blood_pressure: YesNoFlag = Field(
        default=False,
        description="Has a doctor ever said you have a heart condition or high blood pressure?",
    )
    chest_pain: YesNoFlag = Field(
        default=False,
        description="Do you feel pain in your chest at rest, during daily activities, "
        "or when you do physical activity?",
    )
    dizziness_or_fainting: YesNoFlag = Field(
        default=False,
        description="In the last 12 months, have you lost your balance because of dizziness, "
        "or lost consciousness? (Answer no if it came from over-breathing in hard exercise.)",
    )
    other_chronic_condition: YesNoFlag = Field(
        default=False,
        description="Has a doctor diagnosed another chronic medical condition "
        "(other than heart disease or high blood pressure)?",
    )
    prescribed_medication: YesNoFlag = Field(
        default=False,
        description="Are you taking prescribed medication for a chronic medical condition?",
    )
    bone_joint_problem: YesNoFlag = Field(
        default=False,
        description="Do you have, or have you had in the last 12 months, a bone, joint or "
        "soft-tissue problem that more physical activity could make worse?",
    )
    supervised_activity_only: YesNoFlag = Field(
        default=False,
        description="Has a doctor said you should only do medically supervised physical activity?",
    )

    @model_validator(mode="before")
    @classmethod
    def _known_questions(cls, data: Any) -> Any:
        return _normalize_keys(data, list(cls.model_fields), {}, "screening")


if tuple(Screening.model_fields) != SCREENING_QUESTIONS:  # pragma: no cover - a broken edit
    raise RuntimeError("profile.Screening and vocab.SCREENING_QUESTIONS name different questions")

_KEY_ALIASES = {
    "goal": "goals",
    "therapy": "therapies",
    "condition": "conditions",
    "minutes": "minutes_per_session",
    "active": "currently_active",
    "bp": "blood_pressure",
    "parq": "screening",
}


def profile_key(raw: str) -> str:
    """The field a profile key means: `Minutes`, `minutes-per-session` -> `minutes_per_session`."""
    key = canonical(raw).replace("-", "_")
    return _KEY_ALIASES.get(key, key)


def _normalize_keys(data: Any, known: list[str], aliases: dict[str, str], where: str) -> Any:
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for raw_key, value in data.items():
        if not isinstance(raw_key, str):
            raise PydanticCustomError(
                "unknown_key", "keys must be text, got {key}", {"key": repr(raw_key)}
            )
        key = canonical(raw_key).replace("-", "_")
        key = aliases.get(key, key)
        if key not in known:
            near = suggest(key.replace("_", "-"), [k.replace("_", "-") for k in known])
            hint = f"; did you mean '{near.replace('-', '_')}'?" if near else ""
            raise PydanticCustomError(
                "unknown_key",
                "unknown key '{key}' in {where}{hint} (accepted: {accepted})",
                {"key": raw_key, "where": where, "hint": hint, "accepted": ", ".join(known)},
            )
        if key in out:
            raise PydanticCustomError(
                "duplicate_key", "'{key}' is given twice in {where}", {"key": key, "where": where}
            )
        out[key] = value
    return out


class Profile(_Strict):
    """Who the plan is for. Required: age, sex, goals; everything else has a default."""

    # Each description says what the field means; `schema profile` shows them and the saved
    # profile (`profile init`) writes each as the comment above its field.
    age: Annotated[
        int,
        Field(ge=1, le=120, strict=True, description="Age in years; plans are made for 18 to 100."),
    ]
    sex: SexField = Field(
        description="The physiology the evidence was measured on: male or female."
    )
    goals: Annotated[
        list[GoalField],
        AsList,
        Field(
            min_length=1,
            max_length=4,
            description="What you train for: 1 to 4 goals, the first is the highest priority.",
        ),
    ]
    therapies: Annotated[
        list[Therapy],
        AsList,
        Field(
            description="Hormonal therapies you already use ([] for none); the plan notes how "
            "training interacts with them and never doses or starts one."
        ),
    ] = []
    experience: ExperienceField = Field(
        default=Experience.BEGINNER,
        description="Your strength-training experience: beginner (new to regular training), "
        "intermediate (trains regularly), or advanced (years of structured training).",
    )
    days: Annotated[list[DayField] | None, AsList] = Field(
        default=None,
        description="The days you can train; when absent, days_per_week days spread evenly.",
    )
    days_per_week: Annotated[int, Field(ge=1, le=7, strict=True)] = Field(
        default=3, description="How many days a week you can train (1-7), when days is absent."
    )
    minutes_per_session: Annotated[int, Field(ge=15, le=180, strict=True)] = Field(
        default=45, description="Minutes you have for one session (15-180)."
    )
    equipment: Annotated[list[EquipmentField], AsList] = Field(
        default=[Equipment.BODYWEIGHT, Equipment.DUMBBELLS, Equipment.BANDS],
        description="What you can train with; machines means a gym and brings bench, "
        "pull-up-bar, dip-bars and rack (not a barbell, not cardio machines).",
    )
    currently_active: YesNoFlag = Field(
        default=False,
        description="Whether you have done 30+ minutes of moderate activity on 3+ days a week "
        "for the last 3+ months (ACSM 2015 screening).",
    )
    blood_pressure: Annotated[BloodPressure | None, BeforeValidator(_bp_text)] = Field(
        default=None,
        description="Resting blood pressure in mmHg (systolic over diastolic); unknown when "
        "absent.",
    )
    conditions: Annotated[list[ConditionField], AsList] = Field(
        default=[],
        description="Health conditions the plan must respect ([] for none); some change what "
        "is planned, some stop the plan until a clinician has seen you.",
    )
    pregnancy_week: Annotated[int | None, Field(ge=1, le=42, strict=True)] = Field(
        default=None,
        description="Week of pregnancy (1-42), only with the pregnancy condition; "
        "unknown when absent, and then supine work is left out throughout.",
    )
    screening: Screening = Field(
        default=Screening(),
        description="Your answers to the seven PAR-Q+ health questions (true = yes); an "
        "omitted answer counts as no.",
    )

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise PydanticCustomError(
                "not_a_mapping",
                "a profile must be a mapping of keys to values (got {kind})",
                {"kind": type(data).__name__},
            )
        data = _normalize_keys(data, list(cls.model_fields), _KEY_ALIASES, "the profile")
        # Only `days` given: the number of distinct days is the number of days per week
        # (`[mon, monday]` is one day). A bad day name is left for the `days` field to report.
        if data.get("days") is not None and "days_per_week" not in data:
            days = _as_list(data["days"])
            if isinstance(days, list) and days:
                with contextlib.suppress(ValueError):
                    data["days_per_week"] = len({normalize(Day, d) for d in days})
        return data

    @field_validator("therapies", mode="before")
    @classmethod
    def _therapies(cls, raw: Any) -> Any:
        raw = _as_list(raw)
        if not isinstance(raw, list):
            return raw
        out: list[Therapy] = []
        saw_none = False
        for item in raw:
            if isinstance(item, str) and canonical(item) == "none":
                saw_none = True
                continue
            try:
                out.append(normalize(Therapy, item, also=("none",)))
            except ValueError as exc:
                raise PydanticCustomError("vocabulary", str(exc)) from None
        if saw_none and out:
            raise PydanticCustomError(
                "contradiction",
                "'none' cannot be listed beside a therapy ({therapy})",
                {"therapy": ", ".join(out)},
            )
        return out

    @field_validator("goals", "therapies", "days", "equipment", "conditions", mode="after")
    @classmethod
    def _dedupe(cls, items: list[Any] | None) -> list[Any] | None:
        return None if items is None else list(dict.fromkeys(items))

    @model_validator(mode="after")
    def _implied_equipment(self) -> Self:
        # the echoed profile lists what `machines` brings, so every reader sees the same kit
        extra = [i for e in self.equipment for i in IMPLIED_EQUIPMENT.get(e, ())]
        if any(i not in self.equipment for i in extra):
            # the model is frozen for callers; this is the last step of its own construction
            object.__setattr__(self, "equipment", list(dict.fromkeys([*self.equipment, *extra])))
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.days is not None:
            if not self.days:
                raise PydanticCustomError("days", "days must list at least one day")
            if len(self.days) != self.days_per_week:
                raise PydanticCustomError(
                    "contradiction",
                    "days lists {n} day(s) but days_per_week is {k}; give one or make them agree",
                    {"n": len(self.days), "k": self.days_per_week},
                )
        if self.sex == Sex.MALE:
            female_only = {Condition.PREGNANCY, Condition.MENSTRUAL_IRREGULARITY}
            clash = [c.value for c in self.conditions if c in female_only]
            if Therapy.MENOPAUSAL_HRT in self.therapies:
                clash.append(Therapy.MENOPAUSAL_HRT.value)
            if clash:
                raise PydanticCustomError(
                    "contradiction",
                    "sex is male but the profile lists {items}, which applies to female "
                    "physiology only",
                    {"items": ", ".join(clash)},
                )
        if self.pregnancy_week is not None and Condition.PREGNANCY not in self.conditions:
            raise PydanticCustomError(
                "contradiction",
                "pregnancy_week ({week}) is given but conditions do not list pregnancy",
                {"week": self.pregnancy_week},
            )
        if (
            Condition.UNCONTROLLED_HYPERTENSION in self.conditions
            and Condition.HYPERTENSION in self.conditions
        ):
            pass  # both may be listed; the uncontrolled one is the stricter and wins in rules
        return self

    def training_days(self) -> tuple[Day, ...]:
        """The days the person trains, Monday first."""
        chosen = set(self.days) if self.days is not None else set(SPREAD[self.days_per_week])
        return tuple(d for d in WEEK if d in chosen)

    def normalized(self) -> dict[str, Any]:
        """The profile as the plan reports it: defaults filled in, days resolved."""
        data = self.model_dump(mode="json")
        if data["pregnancy_week"] is None:
            del data["pregnancy_week"]  # only pregnancies may carry one; not noise for all
        data["days"] = [d.value for d in self.training_days()]
        data["days_per_week"] = len(data["days"])
        return data


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "profile"


def parse_profile(data: Any) -> Profile:
    """Validate raw profile data, or raise ProfileError naming every bad field."""
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(describe_validation(exc)) from None


_PLAIN: dict[str, str] = {
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list, e.g. [a, b]",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "string_type": "must be text",
    "extra_forbidden": "is not a known key",
}


def _shown(value: object) -> str:
    """The offending input, short enough for one line."""
    if value is None:
        return "nothing (null)"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _plain(err: ErrorDetails) -> str:
    """Pydantic's message in the words of the profile format, with what was given."""
    kind, ctx = err["type"], err.get("ctx", {})
    if kind == "missing":
        return "is required"
    if kind in _PLAIN:
        return f"{_PLAIN[kind]} (got {_shown(err.get('input'))})"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']} (got {_shown(err.get('input'))})"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']} (got {_shown(err.get('input'))})"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item(s)"
    if kind == "too_long":
        return f"allows at most {ctx['max_length']} items (got {ctx['actual_length']})"
    return err["msg"].removeprefix("Value error, ")


def describe_validation(exc: ValidationError) -> str:
    """One line per problem, each starting with the field it is about."""
    lines = [_line(err) for err in exc.errors(include_url=False)]
    return bounded(list(dict.fromkeys(lines)))


def problems_with(data: dict[str, Any], fields: Collection[str]) -> list[str]:
    """What validating `data` says about `fields`, one line each as in `describe_validation`;
    [] when they are fine. Other fields may be missing (a profile given one answer at a time).

    A problem of the whole profile (a contradiction) counts too: the model looks for those only
    once every field is valid, so it is about the fields given last.
    """
    try:
        Profile.model_validate(data)
    except ValidationError as exc:
        return list(
            dict.fromkeys(
                _line(err)
                for err in exc.errors(include_url=False)
                if not _clean(err["loc"]) or _clean(err["loc"])[0] in fields
            )
        )
    return []


def _clean(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The location without pydantic's validator steps (`function-before[...]`)."""
    return tuple(p for p in loc if not (isinstance(p, str) and "[" in p))


def _line(err: ErrorDetails) -> str:
    loc = _clean(err["loc"])
    msg = _plain(err)
    line = f"{_loc(loc)}: {msg}" if loc else msg
    return line if len(line) <= 1000 else line[:997] + "..."


def bounded(lines: list[str]) -> str:
    """At most MAX_SHOWN lines (all problems are still found), then how many more."""
    shown = lines[:MAX_SHOWN]
    if len(lines) > MAX_SHOWN:
        shown.append(f"... and {len(lines) - MAX_SHOWN} more")
    return "\n".join(shown)
