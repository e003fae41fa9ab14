"""The plan: the JSON output contract of DESIGN.md (schema_version 1.1), as pydantic models.

Field order is the contract's key order. Rendering lives in `endoprotocol.render`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from endoprotocol.vocab import Day, EffectTarget, IntensityClass, Modality, Muscle, Pattern

Clearance = Literal["none", "recommended", "required"]
MaxIntensity = Literal["none", "light", "moderate", "vigorous"]
Direction = Literal["increase", "decrease", "improve", "modulate", "no_change"]
Timescale = Literal["acute", "long_term"]
Evidence = Literal["strong", "moderate", "mixed", "low"]
SynergyEvidence = Literal["speculative", "low"]
Severity = Literal["high", "medium", "info"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Range(_Out):
    """A numeric range; min == max when the value is fixed."""

    # Whole numbers are kept as ints (`8`, not `8.0`) when the range is made, so that JSON
    # serialisation needs no Python hook: a plan holds thousands of ranges.
    min: int | float
    max: int | float

    @classmethod
    def of(cls, low: float, high: float | None = None) -> Range:
        high = low if high is None else high
        return cls(min=_whole(low), max=_whole(high))


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _absent(value: object) -> bool:
    return value is None


class Intensity(_Out):
    """How hard: any of RPE (0-10), RIR, %1RM, %HRmax, or a talk-test description.

    Only the measures given are written (`exclude_if`, per field, rather than a wrapping
    serializer around every instance)."""

    rpe: Range | None = Field(default=None, exclude_if=_absent)
    rir: Range | None = Field(default=None, exclude_if=_absent)
    pct_1rm: Range | None = Field(default=None, exclude_if=_absent)
    hr_max_pct: Range | None = Field(default=None, exclude_if=_absent)
    talk_test: str | None = Field(default=None, exclude_if=_absent)


class Exercise(_Out):
    name: str
    pattern: Pattern
    muscles: list[Muscle]
    compound: bool
    sets: int = Field(ge=1)
    reps: Range | None
    work_seconds: Range | None
    rest_seconds: Range | None
    intensity: Intensity
    notes: str
    alternatives: list[str]
    rules: list[str]


class Session(_Out):
    modality: Modality
    title: str
    focus: str
    intensity_class: IntensityClass
    optional: bool
    duration_minutes: int = Field(ge=0)
    intensity: Intensity
    exercises: list[Exercise]
    rules: list[str]
    notes: list[str] = Field(
        default_factory=list,
        description="Advice for this session (an addition to the v1 contract).",
    )


class DayPlan(_Out):
    day: Day
    sessions: list[Session]


class GeneratorPack(_Out):
    name: str
    version: str
    sha256: str


class Generator(_Out):
    name: Literal["endoprotocol"] = "endoprotocol"
    version: str
    rule_packs: list[GeneratorPack]
    safety_overrides_allowed: bool = False


class ScreeningOutcome(_Out):
    clearance: Clearance
    referral_only: bool
    max_intensity: MaxIntensity
    reasons: list[str]
    next_steps: list[str]
    performed: bool = Field(
        default=True,
        description="False when a rule pack switched off or replaced safety rules "
        "(--allow-safety-overrides): the plan was not screened, so clearance is required "
        "(an addition of contract v1.1).",
    )


class Week(_Out):
    week: int = Field(ge=1)
    deload: bool
    load_change_pct: float
    notes: list[str]
    days: list[DayPlan] = Field(min_length=7, max_length=7)


class Totals(_Out):
    sessions_by_modality: dict[str, int]
    minutes_by_modality: dict[str, int]
    minutes_by_intensity: dict[str, int]
    moderate_equivalent_aerobic_minutes: int
    strength_days: int
    balance_days: int
    hard_sets_by_muscle: dict[str, int]


class GuidelineCheck(_Out):
    """A guideline measured on the plan (DESIGN.md v1.1).

    `met` and `value` count week 1's required sessions only; `met_with_optional` adds the
    optional extras. `reached_in_week` is the first week whose required sessions meet it.
    `suggestion` is null when the target is met, when a safety rule in force is what holds
    it back (`held_by` names the rules), and in referral-only plans.
    """

    id: str
    met: bool
    detail: str
    value: int
    target: int
    comparison: Literal["at_least", "at_most"] = "at_least"
    met_with_optional: bool
    reached_in_week: int | None
    suggestion: str | None = None
    held_by: list[str] = []


class ExpectedEffect(_Out):
    target: EffectTarget
    direction: Direction
    timescale: Timescale
    evidence: Evidence
    from_modalities: list[Modality]
    explanation: str
    references: list[str]
    rules: list[str]


class TherapySynergy(_Out):
    therapy: str
    myokine: EffectTarget
    explanation: str
    evidence: SynergyEvidence
    references: list[str]
    rules: list[str]


class Departure(_Out):
    """Where the plan deliberately departs from the source document, in plain words
    (DESIGN.md v1.1). `id` and `rules` are additions to the contract's fields."""

    topic: str
    source_says: str
    plan_does: str
    why: str
    references: list[str]
    id: str = Field(description="The departure's stable id, `<pack>/<id>`.")
    rules: list[str] = []


class Warning(_Out):
    code: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    severity: Severity
    message: str
    references: list[str]
    rules: list[str]


class Reference(_Out):
    id: str
    citation: str


class Plan(_Out):
    """A weekly plan with its screening, effects, warnings and the evidence behind each line."""

    schema_version: Literal["1.1"] = "1.1"
    generator: Generator
    profile: dict[str, Any]
    screening: ScreeningOutcome
    days: list[DayPlan] = Field(min_length=7, max_length=7)
    weeks: list[Week] = Field(min_length=1)
    totals: Totals
    guidelines: list[GuidelineCheck]
    expected_effects: list[ExpectedEffect]
    therapy_synergies: list[TherapySynergy]
    departures: list[Departure] = Field(
        default_factory=list,
        description="Where the plan departs from the source document (contract v1.1).",
    )
    warnings: list[Warning]
    references: list[Reference]
    disclaimer: str
    explanation: dict[str, Any] | None = None

    def to_json(self, *, pretty: bool = False) -> str:
        """The JSON text; `explanation` appears only when it was asked for."""
        exclude = {"explanation"} if self.explanation is None else set()
        return self.model_dump_json(indent=2 if pretty else None, exclude=exclude)
