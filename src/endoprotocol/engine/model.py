"""The rule language as pydantic models (extra="forbid" everywhere).

A rule is `when` (a condition tree) + `then` (a closed list of actions). Conditions are
`all` / `any` / `not` around leaves `{fact, op, value}` and named conditions `{ref: name}`.
Each action is a one-key mapping (`sessions:`, `prescribe:`, `forbid:` ...); see docs/rules.md.
"""

# No `from __future__ import annotations` in this module: pydantic would compile and
# evaluate every field's annotation string while creating each model class, on every run.
import re
import string
from collections.abc import Sequence
from functools import cached_property
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from endoprotocol.vocab import (
    Ceiling,
    Clearance,
    Day,
    Direction,
    EffectTarget,
    Evidence,
    IntensityClass,
    Modality,
    Pattern,
    Role,
    Severity,
    SynergyEvidence,
    Therapy,
    Timescale,
    Vocab,
)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Kebab = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1, max_length=600)]
# Numbers and flags are strict: "2" is text, never quietly 2 (yamlio reads numbers as JSON does).
StrictNumber = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Flag = Annotated[bool, Field(strict=True)]


class Phase(Vocab):
    SAFETY = "safety"
    PRESCRIBE = "prescribe"
    ADJUST = "adjust"
    ANNOTATE = "annotate"
    # after the plan is built: reads plan facts, may only describe the plan (engine/review.py)
    REVIEW = "review"


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


class Op(Vocab):
    EQ = "eq"
    NE = "ne"
    LT = "lt"
    LE = "le"
    GT = "gt"
    GE = "ge"
    BETWEEN = "between"
    IN = "in"
    NOT_IN = "not_in"
    CONTAINS = "contains"
    CONTAINS_ANY = "contains_any"
    CONTAINS_ALL = "contains_all"
    EXISTS = "exists"


class Position(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)
    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, defer_build=True)
    _pos: Position | None = PrivateAttr(default=None)

    @property
    def pos(self) -> Position | None:
        # read from pydantic's private dict directly: `self._pos` goes through
        # BaseModel.__getattr__, and evaluation reads positions for every condition leaf
        private = self.__pydantic_private__
        return private.get("_pos") if private else None


# ---- conditions -----------------------------------------------------------------------------


class Leaf(_Node):
    """Compare one fact with a value: `{fact: age, op: ge, value: 65}`."""

    fact: Annotated[str, Field(min_length=1)]
    op: Op
    value: Any = None


class AllOf(_Node):
    all: "list[ConditionNode]" = Field(min_length=1)


class AnyOf(_Node):
    any: "list[ConditionNode]" = Field(min_length=1)


class NotOf(_Node):
    not_: "ConditionNode" = Field(alias="not")
    model_config = ConfigDict(populate_by_name=True)


class RefOf(_Node):
    """Use a named condition from the pack's `conditions:` section."""

    ref: Kebab


def _condition_kind(raw: Any) -> str | None:
    if isinstance(raw, dict):
        for key in ("all", "any", "not", "ref"):
            if key in raw:
                return key
        return "leaf"
    if isinstance(raw, BaseModel):
        return {AllOf: "all", AnyOf: "any", NotOf: "not", RefOf: "ref", Leaf: "leaf"}.get(type(raw))
    return None


ConditionNode = Annotated[
    Annotated[Leaf, Tag("leaf")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[RefOf, Tag("ref")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition is a mapping: {fact, op, value}, all, any, not or ref",
    ),
]
# No `model_rebuild()` here: with `defer_build` pydantic resolves the forward reference to
# `ConditionNode` from this module the first time a condition is validated (a cold pack
# load), instead of building every condition schema at import, on every run.


# ---- value shapes used by actions -----------------------------------------------------------


class Bound(_Node):
    """A lower and/or upper limit; YAML `{min: 8, max: 12}`, `[8, 12]` or a single number."""

    min: StrictNumber | None = None
    max: StrictNumber | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, raw: Any) -> Any:
        if isinstance(raw, list) and len(raw) == 2:
            return {"min": raw[0], "max": raw[1]}
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return {"min": raw, "max": raw}
        return raw

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min is None and self.max is None:
            raise ValueError("give min, max or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError(
                "min_gt_max",
                "min ({low}) is greater than max ({high})",
                {"low": f"{self.min:g}", "high": f"{self.max:g}"},
            )
        return self


def make_bound(low: float | None, high: float | None) -> Bound:
    """`Bound.model_construct(min=low, max=high)` without pydantic's general path (same
    fields, fields set and private attributes): the evaluator makes one for every
    parameter it resolves, ~140 per plan."""
    made = Bound.__new__(Bound)
    object.__setattr__(made, "__dict__", {"min": low, "max": high})
    object.__setattr__(made, "__pydantic_fields_set__", {"min", "max"})
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", {"_pos": None})
    return made


ModalityOrAll = Modality | Literal["all"]


class EdgesScale(_Node):
    """Warm-up and cool-down scaled to a short session (`prescribe: {modality: all,
    edges_scale: ...}`): a session of M minutes keeps `work_minutes` of work before its
    warm-up plus cool-down grow, so together they take at most M - `work_minutes`, never
    less than `least_minutes` (the brief form) nor less than a limit asks (a safety rule's
    long warm-up wins), and never more than their own lengths. One more minute in a session
    so adds at most one minute of warm-up and cool-down, never takes a minute of work."""

    work_minutes: Annotated[int, Field(strict=True, ge=0, le=180)]
    least_minutes: Annotated[int, Field(strict=True, ge=0, le=60)]


class RestScale(_Node):
    """Rests scaled to a short session's work (`prescribe: {modality: resistance, role: ...,
    rest_scale: ...}`): with `work_minutes`' low end of work or less (the person's minutes
    less the session's warm-up and cool-down) a lift rests `short_seconds`; from there its
    rests grow evenly to the rules' own at the top of `work_minutes`. Never longer than the
    rules' own, and every limit still narrows them. A minute more of work so never lengthens
    the rests by more than a few seconds a set."""

    short_seconds: Bound
    work_minutes: Bound

    @model_validator(mode="after")
    def _spans_work(self) -> Self:
        low, high = self.work_minutes.min, self.work_minutes.max
        if low is None or high is None or high <= low:
            raise ValueError("rest_scale: work_minutes is a range [from, to] with to > from")
        if self.short_seconds.min is None or self.short_seconds.max is None:
            raise ValueError("rest_scale: short_seconds is a range [low, high]")
        return self


class WeekRange(_Node):
    """The weeks of the block (1-based, inclusive) a `limit` or `forbid` holds in; without
    `to`, to the end of the block."""

    from_: Annotated[int, Field(strict=True, ge=1, le=52, alias="from")]
    to: Annotated[int, Field(strict=True, ge=1, le=52)] | None = None

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.to is not None and self.to < self.from_:
            raise ValueError(f"weeks: 'to' ({self.to}) comes before 'from' ({self.from_})")
        return self

    def covers(self, week: int) -> bool:
        return self.from_ <= week and (self.to is None or week <= self.to)

    def __str__(self) -> str:
        return f"weeks {self.from_}-{'' if self.to is None else self.to}"


# What a week-scoped `limit` may bound: what each exercise of a built week carries.
WEEK_LIMITS = frozenset({"sets", "reps", "rest_seconds", "rpe", "rir", "pct_1rm", "hr_max_pct"})
# What a week-scoped `forbid` may veto: whole sessions, or everything above an intensity.
WEEK_FORBIDS = frozenset({"modality", "intensity_above"})


class _Bounds(_Node):
    """The numeric parameters both `prescribe` and `limit` may name, for a modality (and role)."""

    modality: ModalityOrAll
    role: Role = "any"
    sets: Bound | None = None
    reps: Bound | None = None
    rest_seconds: Bound | None = None
    rpe: Bound | None = None
    rir: Bound | None = None
    pct_1rm: Bound | None = None
    hr_max_pct: Bound | None = None
    minutes: Bound | None = None
    warmup_minutes: Bound | None = None
    cooldown_minutes: Bound | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not (self.model_fields_set - {"modality", "role", "weeks"}):
            what = "a prescription sets" if isinstance(self, Prescription) else "a limit bounds"
            raise ValueError(f"{what} at least one parameter")
        return self


class Prescription(_Bounds):
    """Point values for one modality (and role); resolved by priority, specificity, id."""

    work_seconds: Bound | None = None
    rounds: Bound | None = None
    talk_test: Text | None = None
    exercises: Bound | None = None
    split: Kebab | None = None
    start_week: Annotated[int, Field(strict=True, ge=1, le=52)] | None = None
    # How many steady sessions a week may run at a vigorous effort when a guideline's
    # aerobic minutes are otherwise short (its top is used; WHO 2020 counts them double).
    vigorous_sessions: Bound | None = None
    # The work minutes of such a vigorous (tempo) session: it lasts what the target still
    # needs, at least the low end and at most the top.
    tempo_minutes: Bound | None = None
    # Endurance: the longest a required moderate steady session may run while a guideline's
    # aerobic minutes are still short once every other way was tried (its top is used): past
    # `minutes`' top by no more than the week still needs, within the day's minutes and
    # every limit (WHO 2020 counts the week's total; coach review 40,
    # STEADY-CAP-LEAVES-WHO-SHORT).
    stretch_minutes: Bound | None = None
    # Resistance: loads by effort (RPE/RIR) alone, never a %1RM, for people for whom a
    # one-repetition maximum can be neither tested nor estimated safely.
    effort_only: Flag | None = None
    # Resistance: lifts done on the floor are never paired with standing ones, and leave the
    # week's rotation where a lift off the floor serves the slot as well (people a fall or a
    # drop in blood pressure on getting up would harm most).
    floor_lifts_apart: Flag | None = None
    # Resistance: the hard sets a week each major group gets (DESIGN.md v1.1 credit: 1 a set
    # for a primary muscle, 0.5 for a secondary one); its top is the most a week holds once
    # every group keeps its hard exposures (3+ hard sets on two days), so later sets of a
    # group come down, never below the accessories' least sets (COACHING.md §3 volume).
    weekly_hard_sets: Bound | None = None
    # Warm-up and cool-down on short sessions: they grow with the session's minutes past
    # the work it keeps (`EdgesScale`; coach review 41, ONE-MORE-MINUTE-LESS-TRAINING).
    edges_scale: EdgesScale | None = None
    # Resistance: rests scaled to a short session's work (`RestScale`; coach review 41).
    rest_scale: RestScale | None = None


class Limit(_Bounds):
    """Bounds that intersect with every other limit and the prescription (stricter wins);
    with `weeks`, only in those weeks of the block."""

    weeks: WeekRange | None = None

    @model_validator(mode="after")
    def _not_main_lifts_alone(self) -> Self:
        # a limit is a safety bound on every lift of its kind: main lifts are compound lifts,
        # held by the compound (or `any`) limits; the weeks re-read limits by compound or not
        if self.role == "main":
            raise ValueError("a limit is for compound, accessory or any lifts, not main alone")
        return self

    @model_validator(mode="after")
    def _week_scoped_fits_a_week(self) -> Self:
        named = self.model_fields_set - {"modality", "role", "weeks"}
        if self.weeks is not None and not named <= WEEK_LIMITS:
            raise ValueError(
                "a limit with weeks bounds only "
                + ", ".join(sorted(WEEK_LIMITS))
                + f"; not {', '.join(sorted(named - WEEK_LIMITS))}"
            )
        return self


class SessionRequest(_Node):
    """Ask for sessions of a modality each week."""

    modality: Modality
    per_week: Annotated[int, Field(strict=True, ge=1, le=14)]
    intensity: IntensityClass
    title: Text
    focus: Text
    optional: Flag = False
    # Pin required sessions to these days (DESIGN.md v1.1: only days the person offered;
    # a pinned day the person did not offer leaves the session unplanned, with a warning).
    days: list[Day] | None = Field(default=None, min_length=1, max_length=7)


Tagname = Literal[
    "spinal-flexion",
    "twisting",
    "overhead",
    "jumping",
    "supine",
    "high-impact",
    "breath-holding-prone",
    "heavy-spinal-load",
    "knee-dominant-deep",
    "floor",
    "prone",
    "unilateral",
    "power",
    "head-down",
    # stops short of the full range on purpose (a squat to a knee-height box): what a
    # painful knee or a new lifter needs, and what a trained lifter ranks after full range
    "partial-range",
    # trains the back extensors with the spine kept neutral (prone back extension, wall
    # posture hold): the spine-care split asks for one in every session
    "back-extensor",
    # a loaded position bent forward over the hips (bent-over fly or row, a band good morning
    # looped behind the neck)
    "bent-over",
    # fast, explosive moves (jumps, swings, throws, snatches, push press, thrusters, muscle-ups)
    "ballistic",
    # technical skills that need coaching and fresh legs (muscle-up, snatch, pistol squat)
    "skill",
    # unsupported single-leg, moving or eyes-closed work where a slip ends in a fall, or
    # climbing onto a platform that moves (the assisted pull-up machine's pad)
    "fall-risk",
    # a split or single-leg stance under a load that fills the hands or sits on the back (a
    # barbell reverse lunge, a Bulgarian split squat with dumbbells): no hand free to steady
    "loaded-split-stance",
    # walking with a load in each hand or racked on both shoulders (farmer and front-rack
    # carries): a trip with no hand free to catch oneself
    "hands-full-walk",
    # a standing squat or hinge whose load or band fills both hands or sits behind the neck
    # (a goblet squat, a banded squat, a band good morning): no hand free to hold a counter;
    # frail people squat and hinge with a hand on support (coach review 12, FRAIL-BOTH-HANDS)
    "hands-bound",
    # the chest and belly rest on a pad (a chest-supported machine row): not in later pregnancy
    "belly-on-pad",
    # body weight borne through the hands on a chair or bench that could tip
    "chair",
    # the body's weight pressed up through the hands beside or behind the hips (dips, bench
    # dips, a chair press-up through the armrests): not with a painful shoulder
    "dip",
    # a barbell resting across the upper back
    "bar-on-back",
    # a load racked on the front of the shoulders, elbows high (front squat, front-rack carry)
    "front-rack",
    # the shoulder taken to the end of horizontal extension under load (deep pressing, dips)
    "horizontal-end-range",
    # repeated stepping up and down as aerobic work
    "step-cardio",
    # walking or running up a slope (a treadmill incline): more load on a painful knee
    "uphill",
    # a static hold of large muscles kept for many seconds (wall sit, planks, hanging)
    "sustained-hold",
    # loads its muscles little whoever does it (a hip hinge at a counter): ranked after any
    # lift that serves the slot as well, so it stands in only where those are ruled out
    "low-load",
    # squatting into an overhead press in one fast, loaded movement (thrusters)
    "squat-to-press",
    # a weight moved while holding a plank (renegade rows, plank drags, a band-resisted push-up)
    "loaded-plank",
    # a two-legged lift loaded by one weight in one hand while the other rests on a counter
    # (the supported one-dumbbell squat): less load than its kit gives two hands, so ranked one
    # step less loadable (`one_hand_load_tags`); a faller's loaded squat and hinge
    "one-hand-load",
    # the body's weight rests on one or both knees: kneeling, half-kneeling, on all fours
    # (a kneeling pulldown or cable crunch, bird dog, the assisted pull-up machine's pad)
    "kneeling",
    # the body hangs from a bar with the feet off the ground (pull-ups, dead hang)
    "hanging",
    # the lower back rounds forward and back again under load, stroke after stroke, for
    # minutes on end (the catch of a rowing stroke): not with a painful back (coach review
    # 38, LBP-ROWER-OVER-BIKE)
    "repeated-spinal-flexion",
    # a heavy bar pulled from the floor (the conventional and trap-bar deadlifts): a week
    # holds one at most twice and never on two lifting days in a row, the other hinge slots
    # taking a lighter hinge (coach review 30, HEAVY-CONVENTIONAL-DEADLIFT-EVERY-LIFTING-DAY)
    "heavy-floor-pull",
    # a free weight (dumbbell, kettlebell, barbell, plate or loaded backpack) taken to the
    # floor and used there, lying, sitting, kneeling or in a plank (a dumbbell floor press, a
    # hip thrust, a weighted push-up): not after a fall, nor with fragile bones from 65
    # (coach review 41, FALLER-UNDER-80-FLOOR-PRESS-WITH-WEIGHTS)
    "loaded-floor",
    # a standing squat with both feet down and nothing to hold, as deep as is comfortable (the
    # bodyweight and pause squats): not for the oldest fallers, who squat with a hand on a
    # counter (coach review 41, OLDEST-FALLER-FREE-SQUAT)
    "unsupported-squat",
]


class Forbid(_Node):
    """A veto (safety phase only). Exactly one of the fields."""

    modality: Modality | None = None
    pattern: Pattern | None = None
    tag: Tagname | None = None
    exercise: Kebab | None = None
    intensity_above: IntensityClass | None = None
    weeks: WeekRange | None = None  # only in those weeks of the block

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        named = self.model_fields_set - {"weeks"}
        if len(named) != 1:
            raise ValueError(
                "forbid takes exactly one of: modality, pattern, tag, exercise, intensity_above"
            )
        if self.weeks is not None and not named <= WEEK_FORBIDS:
            raise ValueError("a forbid with weeks vetoes a modality or intensity_above only")
        return self

    @property
    def vetoes(self) -> str:
        """The field this veto sets (modality, pattern, tag, exercise or intensity_above)."""
        (name,) = self.model_fields_set - {"weeks"}
        return name


class Cap(_Node):
    """Upper limits on the week; the smallest cap wins. `modality` narrows the cap.
    `counts_optional` makes a `sessions_per_week` cap hold the optional extras of the
    modality too (they count as done, COACHING.md §2), beside the required sessions."""

    modality: Modality | None = None
    sessions_per_week: Annotated[int, Field(strict=True, ge=0, le=14)] | None = None
    hard_sessions_per_week: Annotated[int, Field(strict=True, ge=0, le=14)] | None = None
    counts_optional: Flag = False

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not (self.model_fields_set - {"modality", "counts_optional"}):
            raise ValueError("a cap sets sessions_per_week or hard_sessions_per_week")
        if self.counts_optional and self.sessions_per_week is None:
            raise ValueError("counts_optional goes with sessions_per_week")
        if self.sessions_per_week is not None and self.modality is None:
            raise ValueError("sessions_per_week caps one modality; add 'modality'")
        if self.hard_sessions_per_week is not None and self.modality is not None:
            raise ValueError("hard_sessions_per_week counts every modality; drop 'modality'")
        return self


class Requirement(_Node):
    """Constraints the week must meet; the most demanding value wins."""

    hours_between: Annotated[int, Field(strict=True, ge=24, le=168)] | None = None
    modality: Modality | None = None
    hours_between_same_muscle: Annotated[int, Field(strict=True, ge=24, le=168)] | None = None
    days_with: Modality | None = None
    at_least: Annotated[int, Field(strict=True, ge=1, le=7)] | None = None
    rest_days: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    max_days_without_activity: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    light_day_after: Modality | None = None
    # steady cardio with no impact (a bike, a rower, the pool, seated marching) before
    # weight-bearing work wherever one fits the session (coach review 19, neuropathy)
    non_impact_cardio: Literal[True] | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        given = self.model_fields_set
        if "hours_between" in given and "modality" not in given:
            raise ValueError("hours_between needs the modality it spaces")
        if "modality" in given and "hours_between" not in given:
            raise ValueError("modality goes with hours_between")
        if ("days_with" in given) != ("at_least" in given):
            raise ValueError("days_with and at_least go together")
        if not given:
            raise ValueError("a requirement needs at least one field")
        return self


class Warn(_Node):
    code: Kebab
    severity: Severity
    message: Text


class Effect(_Node):
    target: EffectTarget
    direction: Direction
    timescale: Timescale
    evidence: Evidence
    modalities: list[Modality] = Field(min_length=1)
    explanation: Text


class Synergy(_Node):
    therapy: Therapy
    myokine: EffectTarget
    evidence: SynergyEvidence
    explanation: Text


class Departure(_Node):
    """Where the plan deliberately departs from the source document, in plain words (review
    phase only). Its full id is `<pack>/<id>`; claims name it in `departed_by`."""

    id: Kebab
    topic: Text
    source_says: Text
    plan_does: Text
    why: Text


class Screen(_Node):
    """A screening outcome (safety phase only)."""

    clearance: Clearance | None = None
    referral_only: Flag | None = None
    max_intensity: Ceiling | None = None
    reason: Text
    next_step: Text | None = None
    # what must happen before week 1 starts (a passing illness: rest until well); the plan's
    # weeks count from that day
    before_start: Text | None = None


class Refuse(_Node):
    """Out of scope (safety phase only): no plan at all, exit 5, with what to do instead."""

    message: Text
    instead: Text


NOTE_FIELDS = {
    "load_note": {"load_change_pct"},
    "effort_load_note": {"load_change_pct"},
    "moved_load_note": {"load_change_pct"},
    "climb_reps_note": {"load_change_pct"},
    "unloaded_reps_note": {"reps_step"},
    "unloaded_tempo_note": {"seconds"},
    "unloaded_tempo_cue": {"seconds"},
    "unloaded_load_note": set(),
    "unloaded_plateau_note": {"names", "seconds"},
    "unloaded_light_hold_note": {"names", "seconds"},
    "unloaded_rung_note": {"changes"},
    "unloaded_rung_cue": {"name"},
    "deload_note": {"volume_cut_pct"},
    "reps_note": set(),
    "mirror_note": set(),
    "build_up_note": {"full_week"},
    "build_up_done_note": set(),
    "build_up_flat_note": {"minutes", "why"},
    "build_up_flat_full_why": set(),
    "flat_rest_day_why": {"days"},
    "flat_capped_why": {"days", "count"},
    "flat_practice_why": {"days", "practice"},
    "steady_shorter_note": {"minutes"},
    "steady_to_intervals_note": {"minutes"},
    "steady_to_intervals_part_note": {"minutes"},
    "cautious_end_note": set(),
    "exit_effort_waits_note": set(),
    "exit_effort_note": set(),
    "dose_climb_start_note": {"step", "until"},
    "dose_climb_note": {"load_change_pct"},
    "sets_note": set(),
    "deload_reps_note": {"volume_cut_pct"},
    "deload_one_set_note": set(),
    "deload_steady_note": {"minutes"},
    "aerobic_cut_note": {"minutes"},
    "aerobic_floor_note": {"minutes", "floor"},
    "deload_rounds_note": {"rounds", "before"},
    "deload_now_note": {"volume_cut_pct"},
    "no_load_reps_note": set(),
    "no_load_deload_note": {"volume_cut_pct"},
    "no_load_deload_now_note": {"volume_cut_pct"},
    "no_load_deload_reps_note": {"volume_cut_pct"},
    "deload_hold_note": set(),
    "replan_note": {"week", "pregnancy_week"},
    "adopt_note": {"week", "pregnancy_week"},
    "rounds_note": {"added", "rounds", "top"},
    "rounds_top_note": {"added", "rounds"},
    "return_rounds_note": {"rounds", "top"},
    "long_session_note": set(),
    "steady_grows_note": {"minutes"},
    "days_full_note": set(),
    "steady_flat_note": {"minutes", "why"},
    "steady_flat_full_why": set(),
    "steady_flat_lifting_why": set(),
    "steady_flat_room_why": {"minutes", "days"},
    "effort_held_note": {"rule", "until"},
    "vigorous_check_note": set(),
    "tempo_note": {"title", "minutes", "step"},
    "tempo_deload_note": {"title", "minutes"},
    "free_minutes_note": {"free", "full"},
    "ceiling_cut_note": {"lifts", "most"},
    "past_dose_extras_note": {"lifts"},
    "start_fewer_lifts_note": {"lifts"},
}


class HeldDose(_Node):
    """The dose a cautious start moves to and then holds to the end of the block (frailty,
    a vertebral fracture: light weeks first, then moderate effort, nothing heavier)."""

    reps: Bound
    rpe: Bound
    rir: Bound
    pct_1rm: Bound
    note: Text
    # said in its place in a plan with nothing to load (body weight only): no talk of weight
    unloaded_note: Text | None = None


class CautiousStart(_Node):
    """The first `weeks` of a block at a moderate dose: lifting reps, RPE, RIR and %1RM are
    replaced by these (they must agree), then the block's own prescription takes over - or,
    with `then_hold`, that dose from the week after the start to the end of the block."""

    weeks: Annotated[int, Field(strict=True, ge=1, le=16)]
    reps: Bound
    rpe: Bound
    rir: Bound
    pct_1rm: Bound
    note: Text
    # said in place of `note` in a week with no lift that has an external load (body weight,
    # a fixture): no loads or share of a maximum to speak of (coach review 12,
    # BODYWEIGHT-LOAD-TALK); may use {reps} as `note` does
    unloaded_note: Text | None = None
    # The way out: over `exit_weeks` after the start, the load ceiling rises in equal steps
    # from the start's top %1RM to `exit_pct_1rm`'s top; `exit_note` may use {pct_1rm}.
    exit_weeks: Annotated[int, Field(strict=True, ge=1, le=12)] | None = None
    exit_pct_1rm: Bound | None = None
    exit_note: Text | None = None
    # said once, in the exit's first building week, in place of `exit_note` where no lift has
    # an external load: the effort that rises, and how the body-weight lifts go on from there
    unloaded_exit_note: Text | None = None
    # the effort the exit holds while its loads climb (COACHING.md §3: what the notes promise,
    # e.g. moderate, RPE 5-6); without it the block's own effort would return under the cap
    exit_rpe: Bound | None = None
    exit_rir: Bound | None = None
    # the sets the exit brings each lift to (COACHING.md §3: the set count exits with the
    # effort): at least `min` from its first week, rising in equal steps to `max` by its
    # last building week, within the day's minutes, and kept after the exit
    exit_sets: Bound | None = None
    # the weeks after the start over which `exit_sets` rise (default `exit_weeks`): a start
    # that holds its dose (`then_hold`) has no exit of loads, but its sets still leave the
    # start's one set a lift (coach review 14, FROZEN-ONE-SET-AFTER-LIGHT-START)
    exit_sets_weeks: Annotated[int, Field(strict=True, ge=1, le=12)] | None = None
    # said in an exit week whose lifts gain sets ({sets}: the most a lift may have this week),
    # in place of the block's own `sets_note`
    exit_sets_note: Text | None = None
    then_hold: HeldDose | None = None

    @model_validator(mode="after")
    def _one_way_out(self) -> Self:
        if self.then_hold is not None and self.exit_weeks is not None:
            raise ValueError(
                "a cautious start either holds a dose (then_hold) or exits (exit_weeks)"
            )
        if self.exit_sets_note is not None:
            problem = placeholder_problem(self.exit_sets_note, {"sets"})
            if problem:
                raise ValueError(f"exit_sets_note: {problem}")
        return self


class EffortStep(_Node):
    """From `from_week` on, every lift taken for reps moves to this effort (RPE, RIR), where
    no cautious start's dose is in force and the week's safety ceiling allows it (COACHING.md
    §3: a healthy beginner's sets move closer to failure after the re-entry weeks); `note`
    is said in the first week that takes it."""

    from_week: Annotated[int, Field(strict=True, ge=2, le=16)]
    rpe: Bound
    rir: Bound
    note: Text
    # in place of `note` in a week with no lift that has an external load (no "loads go up")
    unloaded_note: Text | None = None


class Progression(_Node):
    """How the block of weeks progresses (point values), and the advice each week carries.

    `load_note` may use {load_change_pct}; `deload_note` may use {volume_cut_pct}.
    """

    load_increase_pct: Bound | None = None
    # lifts with no external load to raise (the library's loadability 0: body weight, a
    # fixture) progress by reps in each load week instead: their rep range moves up by this
    # many (both ends, adding up across the block) to the intensity table's `max_reps`, and
    # once there the lowering slows to `unloaded_tempo_seconds` (coach review 5, BW-LOAD-PROG)
    unloaded_reps_step: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    # reps a rep range keeps over a limit's minimum when the limit lifts it wholly above its
    # own top (`Decisions.resolve`; coach review 33, REP-RANGE-COLLAPSED-STALLS-MAIN-LIFTS)
    reps_room: Annotated[int, Field(strict=True, ge=0, le=6)] | None = None
    # the most a lift's load rises from one building week to the next where a cautious
    # start's dose changes (its exit, and the way into the block's own dose after it), in %
    # of the load (coach review 12, LOAD-JUMP-OSTEO; coach review 27, REENTRY-EXIT-LOAD-JUMP)
    dose_change_load_step_pct: Annotated[int, Field(strict=True, ge=1, le=20)] | None = None
    # and the most a %1RM ceiling shown rises over the last building week's on that way, in
    # points of 1RM (coach review 12, LOAD-JUMP-OSTEO: a reps week's shows less at one load)
    load_step_points: Annotated[int, Field(strict=True, ge=1, le=20)] | None = None
    unloaded_tempo_seconds: Annotated[int, Field(strict=True, ge=2, le=6)] | None = None
    # said in a load week whose unloaded lifts step up ({reps_step}), or reach the top of
    # their reps and slow down instead ({seconds})
    unloaded_reps_note: Text | None = None
    unloaded_tempo_note: Text | None = None
    # added to such a lift's own notes from the week it slows down
    unloaded_tempo_cue: Text | None = None
    # said in a load week where such a lift at its top takes a little load from the person's
    # own kit instead (the library's `load_with` and `load_cue`)
    unloaded_load_note: Text | None = None
    # said once, in the first building week whose body-weight lifts hold at their top (the
    # rep range's top with the slowed lowering): they do not start lower again after a
    # deload (coach review 29, BODYWEIGHT-PROGRESSION-LOOPS)
    unloaded_plateau_note: Text | None = None
    # the same, in a light start's week (RPE 3-4, its exit's while they stay there): the
    # lifts hold at that effort, and its rise is their next step (coach review 34,
    # BODYWEIGHT-WEEK-STEPS-BACK); without it such a week goes by `unloaded_plateau_note`
    unloaded_light_hold_note: Text | None = None
    # said in the week a body-weight lift with reps and slowed lowering used up moves to the
    # next rung of its ladder (the library's `harder`), and added to that rung's own notes
    unloaded_rung_note: Text | None = None
    unloaded_rung_cue: Text | None = None
    # `load_note` for a week whose lifts show no %1RM (loads set by effort alone): it speaks
    # of no %1RM (coach review 17, LOAD-NOTE-CITES-ABSENT-1RM)
    effort_load_note: Text | None = None
    coarse_load_note: Text | None = None
    # `load_note` for a load week whose lifts' %1RM stands away from week 1's (a cautious
    # start's exit, an effort step): it does not say the %1RM shown stays the same (coach
    # review 26's residue, checked by `load-note-pct-false`)
    moved_load_note: Text | None = None
    # `reps_note` for a reps week whose loads rise all the same (a safety hold's end, an
    # effort step): it does not say "same loads as last week"
    climb_reps_note: Text | None = None
    deload_every_weeks: Annotated[int, Field(strict=True, ge=2, le=12)] | None = None
    deload_volume_cut_pct: Bound | None = None
    deload_now: Flag | None = None
    add_sets_every_weeks: Annotated[int, Field(strict=True, ge=1, le=12)] | None = None
    # true: lifting sets the block adds (and a cautious start's exit sets) may take the
    # minutes of a required steady block after lifting on the same day, down to the
    # library's least steady work (COACHING.md §2: the first goal's minimum dose, and an
    # older person's strength days, before more aerobic minutes)
    sets_take_walk: Flag | None = None
    # true: a cautious start's added sets (its exit's, the block's set step) never take the
    # walk after lifting, whatever `sets_take_walk` says: they use free minutes only (coach
    # review 42, CAUTIOUS-START-WALKS-SHRINK)
    walks_before_start_sets: Flag | None = None
    # the hard sets a week each major group gets in every building week where the day's
    # minutes allow (a trained lifter's minimum effective dose, COACHING.md §2-3): sets
    # are added one at a time to the lifts that train a group below it
    group_dose_sets: Annotated[int, Field(strict=True, ge=1, le=40)] | None = None
    # while week 1's required aerobic minutes are short of the guideline: a major group's
    # hard sets past this (the dose's top, COACHING.md §2: the first goal's minimum, then
    # WHO's minimums, then more) come off lifts on days with a steady block after lifting,
    # never taking a group under `group_dose_sets` nor a lift under `past_dose_least_sets`;
    # the block takes the minutes (coach review 14, EXTRA-SETS-BEFORE-WHO-AEROBIC)
    group_dose_most: Annotated[int, Field(strict=True, ge=1, le=40)] | None = None
    past_dose_least_sets: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    # the set step of a building week: each lifting session adds one set to this many more
    # lifts than the building week before (its main lifts first, round the session), in
    # place of a set on every lift each `add_sets_every_weeks`; a deload holds the step
    set_step_lifts: Annotated[int, Field(strict=True, ge=1, le=6)] | None = None
    add_rounds_per_week: Annotated[int, Field(strict=True, ge=0, le=4)] | None = None
    # an interval protocol with no round progression (no `add_rounds_per_week`) that comes
    # back after building weeks whose week-scoped rules left it out (a passing illness's
    # weeks 1-5): its first building week back holds this share of each session's rounds,
    # rounded up and at least `return_least_rounds`, rising evenly to the full rounds over
    # `return_rounds_weeks` building weeks (coach review 42,
    # FIXED-INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS); `return_rounds_note` ({rounds},
    # the rounds now; {top}, the full rounds) is said in that first week
    return_rounds_pct: Annotated[int, Field(strict=True, ge=10, le=100)] | None = None
    return_rounds_weeks: Annotated[int, Field(strict=True, ge=1, le=4)] | None = None
    return_least_rounds: Annotated[int, Field(strict=True, ge=1, le=10)] | None = None
    # true: the block's lifting sets never grow past week 1's (no added sets; after a
    # `deload_now` week the building weeks keep its sets, and later deloads cut from them)
    hold_volume: Flag | None = None
    # false: required steady sessions keep week 1's minutes all block (no build-up, no growth)
    aerobic_build_up: Flag | None = None
    # recovery from overtraining (coach review 42, OVERTRAINING-RELIEF-REFILLED-WITH-CARDIO):
    # each week's required steady sessions are this share (%) shorter than the block built
    # them, and no day's required sessions run past this share below its offered minutes,
    # so the lifting's cut is not refilled with aerobic minutes; a week that held WHO's
    # aerobic bar keeps it (it comes down to the bar, not below); said by `aerobic_cut_note`
    # ({minutes}: the week's steady minutes) or, where the bar stops the cut,
    # `aerobic_floor_note` ({minutes}, {floor}: the bar)
    aerobic_cut_pct: Annotated[int, Field(strict=True, ge=1, le=90)] | None = None
    aerobic_cut_note: Text | None = None
    aerobic_floor_note: Text | None = None
    # with `aerobic_cut_pct`: a deload week cuts the steady minutes too, by the deload's
    # least cut (`deload_volume_cut_pct`) against the week before, below the bar for that
    # week (said by `deload_steady_note`)
    deload_cuts_aerobic: Flag | None = None
    # active people with an aerobic first goal (COACHING.md §3): the step, in minutes, their
    # steady work grows by each building week (`steady_grows_into_spare`)
    long_session_step_minutes: Annotated[int, Field(strict=True, ge=1, le=15)] | None = None
    # accepted and unused since coach review 27 (WEEK1-CHANGES-WITH-BLOCK-LENGTH): the long
    # session no longer starts short in a longer block, so it has no least minutes or note
    long_session_min_minutes: Annotated[int, Field(strict=True, ge=10, le=180)] | None = None
    long_session_note: Text | None = None
    # active people with an aerobic first goal whose week 1 already meets the aerobic
    # guideline (coach review 3, K13): the required steady sessions grow into the minutes
    # their days leave, `long_session_step_minutes` a building week over the week's
    # sessions (a lifting day's block first, then a steady session's own day); a block that
    # joins a day later starts at the library's least steady work for one step
    steady_grows_into_spare: Flag | None = None
    # active adults whose first goal is endurance (coach review 28, ENDURANCE-TIME-LEFT-IDLE):
    # the week's steady work grows this share (in %) of week 1's required steady minutes a
    # building week, in whole `long_session_step_minutes` steps (at least one), spread over
    # the growing sessions a step at a time (the long session, then the blocks after lifting)
    steady_step_pct: Annotated[int, Field(strict=True, ge=1, le=20)] | None = None
    # ... the week's long session (the last offered day's steady session without lifting)
    # may grow past the steady sessions' minutes up to this, within its day
    long_session_most_minutes: Annotated[int, Field(strict=True, ge=20, le=240)] | None = None
    # said in week 1 when it leaves more than `idle_share_pct` % of the offered minutes
    # unused ({unused}, {offered}: minutes a week; coach review 28, ENDURANCE-TIME-LEFT-IDLE)
    idle_time_note: Text | None = None
    idle_share_pct: Annotated[int, Field(strict=True, ge=1, le=100)] | None = None
    # ... and a steady block after lifting grows to at most this
    after_lifting_most_minutes: Annotated[int, Field(strict=True, ge=5, le=120)] | None = None
    # ... and a steady block that shares its day with intervals (or a vigorous steady session)
    # grows last, once the steady-only sessions are full, and at most this share (%) of its
    # week-1 minutes a building week, in whole `long_session_step_minutes` steps (at least
    # one; coach review 41, INTERVAL-DAY-STEADY-JUMP)
    beside_hard_step_pct: Annotated[int, Field(strict=True, ge=1, le=20)] | None = None
    # said in a building week whose steady minutes grew ({minutes}: by how much)
    steady_grows_note: Text | None = None
    # active people whose first goal is fat loss (coach review 39,
    # FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR): once the aerobic guideline's bar (WHO's 150) is met,
    # the days' free minutes take required steady work up to this many moderate-equivalent
    # minutes a week - the lifting the rules ask for keeps its minutes, every cap, veto and
    # safety hold on the aerobic minutes wins, people building up keep their build-up
    # (ACSM's weight-loss stand, Donnelly 2009: 200-300 a week keep weight off, 225-420 for
    # clinically meaningful loss; WHO 2020: past 300 more benefit)
    first_goal_aerobic_minutes: Annotated[int, Field(strict=True, ge=1, le=1000)] | None = None
    # said in week 1 when its required aerobic minutes pass the aerobic guideline's bar
    # ({minutes}: week 1's required moderate-equivalent minutes; {bar}: the guideline's)
    first_goal_aerobic_note: Text | None = None
    # with `steady_grows_into_spare`: the growth takes only the minutes the days leave free -
    # a lifting day's lifting keeps its minutes, not cut to its smallest full form for the
    # steady block (a fat-loss first goal's lifting is WHO's strength days and muscle kept
    # while losing fat, not a surplus to trade; coach review 39)
    steady_grows_keeps_lifting: Flag | None = None
    # said once a block when the steady minutes cannot grow (every offered day is full)
    days_full_note: Text | None = None
    # a vigorous (tempo) steady session (`tempo_minutes`): its tempo work starts at the
    # low end of `tempo_minutes` and grows this many minutes a building week to the top, a
    # later block starting a step higher; a deload week goes back to week 1's tempo
    # minutes, and at least the deload's least cut (`deload_volume_cut_pct`) below the
    # week before; the session's other minutes are at a moderate effort (coach review 27,
    # TEMPO-NO-BUILDUP-NO-DELOAD)
    tempo_step_minutes: Annotated[int, Field(strict=True, ge=1, le=15)] | None = None
    # said in a building week whose tempo work grew ({title}: the session, {minutes}: its
    # tempo minutes this week, {step}: by how much)
    tempo_note: Text | None = None
    # said in a deload week that cuts the tempo work ({title}, {minutes})
    tempo_deload_note: Text | None = None
    # said in week 1 of a block that leaves minutes free on lifting days for later weeks'
    # growth ({free}: the minutes and days, {full}: the week each day is at its longest by;
    # coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH)
    free_minutes_note: Text | None = None
    # said in a building week whose weekly hard-set ceiling still takes a lift below its sets
    # of the last building week with the same day types ({lifts}: those lifts, {most}: the
    # ceiling; coach review 29, OSTEO-BUILD-WEEK-CUTS-SETS)
    ceiling_cut_note: Text | None = None
    # with `group_dose_most`: where the sets past the dose are off and week 1's aerobic
    # minutes are still short, the extras (isolation and core lifts that are no major
    # group's main work) on days with a walk after lifting are left out, one at a time,
    # and the session says so ({lifts}: those left out; COACHING.md §2, the WHO minimums
    # before more for the first goal; coach review 36, ACCESSORIES-BEFORE-WHO-AEROBIC);
    # without it they stay at `past_dose_least_sets`
    past_dose_extras_note: Text | None = None
    # with `group_dose_most`: where week 1's compound lifts at their dose's fewest sets take
    # a major group past the weekly ceiling (`weekly_hard_sets`' top), a lift is left out
    # (an extra, or a compound the session already trains the same groups with) before
    # compound sets go under the dose, and the session says so ({lifts}: those left out;
    # COACHING.md §2-3, fewer lifts done for more sets; coach review 41,
    # TRAINED-TWO-SET-COMPOUNDS-WITH-FREE-TIME)
    start_fewer_lifts_note: Text | None = None
    # ... while a group has this many hard sets a week or more (the weekly ceiling's edge:
    # week 1 starts below it, so the block has sets to add; coach review 17); without it,
    # only past the ceiling
    start_fewer_lifts_from: Annotated[int, Field(strict=True, ge=1, le=40)] | None = None
    # said in a week whose rep ranges move up at the same load (double progression)
    reps_note: Text | None = None
    # said in a week that adds lifting sets, or interval rounds, to the last building week
    sets_note: Text | None = None
    # the rounds' step against the last building week that held the intervals: {added},
    # the rounds added per session; {rounds}, a session's rounds now; {top}, the most they
    # build to (the rules' top, or fewer where the day's minutes hold fewer); said in the
    # week they reach it, `rounds_top_note` (coach review 41: the note says the step the
    # session takes, and a week with no interval session says none)
    rounds_note: Text | None = None
    rounds_top_note: Text | None = None
    return_rounds_note: Text | None = None
    # said in a deload week whose lifts are already at one set: the reps are cut instead
    deload_reps_note: Text | None = None
    # said in a deload week beside `deload_note` when some lift already at one set keeps
    # it with fewer reps, while the others lose sets (coach review 16, DELOAD-ADDS-SETS)
    deload_one_set_note: Text | None = None
    # said in a deload week whose required steady minutes ({minutes}: "12 minutes") or
    # interval rounds ({rounds}, {before}) fall against the week before: the stated cut is
    # the real one, the aerobic work's too (coach review 33, DELOAD-CUT-NOT-STATED)
    deload_steady_note: Text | None = None
    deload_rounds_note: Text | None = None
    # said in week 1 when `deload_now` and `hold_volume` make the whole block hold week 1's
    # lighter sets: week 1 is no lighter than the weeks after it, the block is (coach
    # review 4, N3); {volume_cut_pct}: the cut against the plan's usual sets
    deload_now_note: Text | None = None
    # the three notes above as said in a plan with nothing to load (every required lift
    # body weight alone): no "same loads", no loads that creep up (coach reviews 13 and 15,
    # BODYWEIGHT-LOAD-TALK)
    no_load_reps_note: Text | None = None
    no_load_deload_note: Text | None = None
    no_load_deload_now_note: Text | None = None
    no_load_deload_reps_note: Text | None = None
    # a deload week of a plan with nothing to lift: what it does instead of a cut (the
    # steady work holds at last week's; coach review 16, LOAD-CHANGE-WITHOUT-LIFTING)
    deload_hold_note: Text | None = None
    # pregnancy: the block ends before it reaches any of these pregnancy weeks (the rules of
    # the next stage, or birth, apply from there); `replan_note` ({week}: the block's last
    # week, {pregnancy_week}: when to plan again) is a medium warning when it does
    replan_at_pregnancy_weeks: list[Annotated[int, Field(strict=True, ge=2, le=43)]] | None = None
    replan_note: Text | None = None
    # pregnancy: a block that runs past one of these pregnancy weeks is planned, from its
    # first week, with the rules that apply from that week (a stage whose rules only take
    # things away, so keeping them early is safe); `adopt_note` ({week}: the block's weeks,
    # {pregnancy_week}: the stage's first week) is a medium warning when it does (coach
    # review 10: a first-trimester block cut to 3 weeks although it held nothing week 13 bars)
    adopt_at_pregnancy_weeks: list[Annotated[int, Field(strict=True, ge=2, le=43)]] | None = None
    adopt_note: Text | None = None
    # re-entry and cautious starts that end (COACHING.md §3)
    cautious_start: CautiousStart | None = None
    # said in the week after a cautious start, when the block's own dose takes over
    cautious_end_note: Text | None = None
    # a light start's exit that ends below the block's own effort (coach review 30,
    # OSTEOPOROSIS-EXIT-STEPS-REPS-AND-EFFORT-AT-ONCE): the block's first week takes one more
    # load step at the exit's effort (`exit_effort_waits_note`, said in place of
    # `cautious_end_note`), and the effort rises the building week after at those loads
    # (`exit_effort_note`)
    exit_effort_waits_note: Text | None = None
    exit_effort_note: Text | None = None
    # a re-entry whose loads climb to the block's own dose after it (coach review 29): said
    # in its effort step's week ({step}: the most a week's load rises, %; {until}: " in week
    # N" where the block gets there) and in each week of the climb ({load_change_pct})
    dose_climb_start_note: Text | None = None
    dose_climb_note: Text | None = None
    # a beginner's effort steps up after the first weeks (`effort_step`)
    effort_step: EffortStep | None = None
    # said when the lifting effort would rise (the end of a cautious start, an effort step)
    # but a safety rule holds the week at a moderate effort or below ({rule}: its id)
    effort_held_note: Text | None = None
    # said in the first week whose lifts go past a moderate effort, when the screening asks
    # for an exercise professional's check before vigorous efforts (PAR-Q+, coach review 4,
    # N2): the step waits for that check
    vigorous_check_note: Text | None = None
    # said in a mirror week (Lower/Upper/Lower after Upper/Lower/Upper)
    mirror_note: Text | None = None
    # said while required steady sessions build up ({full_week}: when they reach full length)
    build_up_note: Text | None = None
    build_up_done_note: Text | None = None
    # said in week 1 of a build-up whose required steady minutes cannot grow in the block
    # (the offered days hold nothing more; coach review 14, AEROBIC-FLAT-NEVER-BUILDS):
    # {minutes}, week 1's aerobic minutes; {why}, what holds them, the one true of the plan
    # (coach review 26, FLAT-NOTE-FALSE)
    build_up_flat_note: Text | None = None
    # its {why} when the offered days are full (as `steady_flat_full_why`)
    build_up_flat_full_why: Text | None = None
    # said in a week whose required steady minutes fall against the week before
    # ({minutes}: by how much; coach review 10, STEADY-LONGER-FALSE)
    steady_shorter_note: Text | None = None
    # the same where an interval session took a steady session's day and the lifting is as
    # it was (coach review 28, NOTE-BLAMES-LIFTING)
    steady_to_intervals_note: Text | None = None
    steady_to_intervals_part_note: Text | None = None
    # said in week 1 of a block whose required steady work no building week raises, short
    # of the aerobic bar with no safety rule holding it, when no other note says why (coach
    # review 18, AEROBIC-FLAT-UNEXPLAINED): {minutes}, week 1's steady work; {why}, one of
    # the reasons below, the one true of the plan
    steady_flat_note: Text | None = None
    # every offered day full (its free minutes under the least steady block in some
    # building week, a steady session as long as the rules make one, a rest day the rules
    # keep, or the weekly cap of steady sessions reached)
    steady_flat_full_why: Text | None = None
    # the same, said for a first goal built on lifting: its lifting keeps its minutes
    steady_flat_lifting_why: Text | None = None
    # some offered day still free in every building week ({minutes} a week in all, on
    # {days}): the plan does not lengthen the steady work into them
    steady_flat_room_why: Text | None = None
    # added to either note's {why} for offered days their minutes do not hold (coach
    # review 26, FLAT-NOTE-FALSE: "no minutes left" beside an empty Sunday or three days of
    # balance practice alone): a day the rules' rest days keep light ({days}); a day with
    # minutes free that the weekly cap of steady sessions leaves without one ({count}: the
    # cap); a day whose minutes a light practice takes ({practice}: its name)
    flat_rest_day_why: Text | None = None
    flat_capped_why: Text | None = None
    flat_practice_why: Text | None = None
    load_note: Text | None = None
    deload_note: Text | None = None

    @model_validator(mode="after")
    def _known_placeholders(self) -> Self:
        if self.replan_at_pregnancy_weeks is not None and self.replan_note is None:
            raise ValueError("replan_at_pregnancy_weeks needs a replan_note to tell the person")
        if self.adopt_at_pregnancy_weeks is not None and self.adopt_note is None:
            raise ValueError("adopt_at_pregnancy_weeks needs an adopt_note to tell the person")
        for name, allowed in NOTE_FIELDS.items():
            text = getattr(self, name)
            if text is not None:
                problem = placeholder_problem(text, allowed)
                if problem:
                    raise ValueError(f"{name}: {problem}")
        return self


def placeholder_problem(text: str, allowed: set[str]) -> str | None:
    """Why `text` is not a note with only the `allowed` plain placeholders, or None.

    str.format would follow `{0.__class__}` into internals, honour a width spec that allocates
    gigabytes and crash on a lone brace; so notes are parsed here (with the standard
    library's own parser of the syntax) and filled in as text by `fill_placeholders`.
    """
    accepted = ", ".join("{" + a + "}" for a in sorted(allowed))
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError:
        return f"a lone {{ or }}; write {{{{ or }}}} for a brace, or use {accepted}"
    for _literal, name, spec, conversion in pieces:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            return f"may only use {accepted}; not {shown[:40]}"
    return None


# units a pack's text writes after a number placeholder ("{minutes} minutes"): said in the
# singular after a value of 1 ("1 minute shorter", not "1 minutes shorter")
COUNTED_UNITS = ("minutes", "sets", "seconds", "reps", "weeks", "days", "sessions", "rounds")
_PLURAL_AFTER_ONE = re.compile(rf"^( (?:more )?)({'|'.join(COUNTED_UNITS)})\b")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """`text` with each checked placeholder replaced by its value, as plain text. A unit
    the text writes straight after a placeholder whose value is "1" is said in the singular
    (`COUNTED_UNITS`: "{minutes} minutes" with 1 reads "1 minute")."""
    out: list[str] = []
    after_one = False
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        if after_one:
            literal = _PLURAL_AFTER_ONE.sub(lambda m: m.group(1) + m.group(2)[:-1], literal)
        value = values[name] if name is not None else ""
        out.append(literal + value)
        after_one = value == "1"
    return "".join(out)


def filled_pattern(text: str, name: str) -> re.Pattern[str]:
    """A pattern matching `text` filled with any whole number for placeholder `name` (and
    its unit in the singular after 1, as `fill_placeholders` writes it); `text` must have
    no other placeholder."""
    pattern = re.escape(text)
    for unit in COUNTED_UNITS:
        pattern = pattern.replace(re.escape("{" + name + "} " + unit), rf"\d+\ {unit[:-1]}s?")
    return re.compile(pattern.replace(re.escape("{" + name + "}"), r"\d+"))


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """Items as a sentence lists them: 'a', 'a and b', 'a, b and c' ("" for none)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


class Note(_Node):
    """A line of advice attached to every session of a modality. With `heavy_sets_only`, a
    resistance session says it only in a week where it holds a heavy set (a lift prescribed
    6 reps or fewer, NSCA 2015's strength range): advice about heavy sets is not true of a
    session a safety cap keeps at 8 or more (coach review 39,
    BONE-FIVES-CUE-WITHOUT-HEAVY-SETS)."""

    modality: ModalityOrAll
    text: Text
    heavy_sets_only: Flag = False
    # the other way round: said only on a resistance session that holds no heavy main lift
    # that week (a compound lift done for 6 reps or fewer): a goal of strength's heavy sets
    # held back by a safety cap, a cautious start or a held week says that the goal waits
    # (coach review 37, STRENGTH-SECOND-GOAL-UNDOSED)
    no_heavy_sets_only: Flag = False
    # a note about the session's own warm-up: said once a day, on the first required session
    # that carries it; a session after it shares its warm-up (coach review 42,
    # WORDS-CONTRADICT-PLAN: "take at least ten minutes to warm up" on a 5-minute ride after
    # the lifting)
    warm_up: Flag = False

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if self.heavy_sets_only and self.no_heavy_sets_only:
            raise ValueError("a note is heavy_sets_only or no_heavy_sets_only, not both")
        return self


class GuidelineTarget(_Node):
    """A guideline the plan is checked against; the planner measures, the rule sets the bar."""

    id: Kebab
    measure: Literal[
        "moderate_equivalent_aerobic_minutes",
        "strength_days",
        "balance_days",
        "days_without_activity",
    ]
    # exactly one of: the plan must reach at least / stay at most this value
    at_least: Annotated[int, Field(strict=True, ge=0, le=2000)] | None = None
    at_most: Annotated[int, Field(strict=True, ge=0, le=2000)] | None = None
    label: Text
    suggestion: Text
    # How the measure counts, said when the target is not met and the plan holds sessions of
    # the kind it counts (a WHO strength day needs 3+ hard sets for every major group, so
    # lighter strength sessions read as 0: coach review 11, PREG-STRENGTH-ZERO).
    counting: Text | None = None
    # The planner adds required sessions of this modality, only on the person's own days and
    # within every cap and veto, until the target is met when time allows (COACHING.md §2).
    fill_with: Modality | None = None
    # People not currently active start steady sessions at `build_up_from_minutes` and reach
    # their full length in `build_up_weeks` steps (a deload week holds its step).
    build_up_weeks: Annotated[int, Field(strict=True, ge=1, le=16)] | None = None
    build_up_from_minutes: Annotated[int, Field(strict=True, ge=5, le=60)] | None = None
    # With a build-up: the optional walks and rides above light grow by at most this many
    # minutes of work a building week from one bout of `build_up_from_minutes` (coach review
    # 22, OPTIONAL-EXTRAS-SKIP-RAMP); without it they are not built up.
    build_up_extras_step_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    # With a build-up: no required steady session's work grows by more than this many
    # minutes a building week, so a session with far to go reaches its full length after
    # `build_up_weeks` (the build-up takes as many steps as its longest distance needs;
    # COACHING.md §3, ACSM 2011: 5-10 minutes every 1-2 weeks; coach review 26,
    # STEADY-RAMP-TOO-STEEP); without it the build-up takes `build_up_weeks` steps whatever
    # the distance.
    build_up_step_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    # When the target is still short, lifting sessions beyond this many give their day to it
    # (COACHING.md §2: the WHO minimums come before more for a goal that is not lifting).
    lifting_yields_above: Annotated[int, Field(strict=True, ge=0, le=7)] | None = None
    # When the target is still short, lifting sessions shorten to their smallest full form
    # (every pattern the split day promises, each at the rules' fewest sets, rests at the
    # short end) so a steady block can follow them on the same day.
    lifting_shortens: bool = False
    # ... only in a week holding at least this many required lifting sessions: fewer are
    # all the dose a first goal built on lifting gets (bone answers to progressive lifting on
    # two or more days), so one lifting day keeps its minutes before the WHO aerobic minutes
    # (COACHING.md §2: the first goal's minimum dose, then WHO's; coach review 35,
    # BEST-BONE-LIFT-TRIMMED-FOR-A-WALK).
    lifting_shortens_from: Annotated[int, Field(strict=True, ge=1, le=7)] | None = None
    # Lifting sessions keep the minutes a mesocycle's added sets need (one set more per
    # exercise, within its range) before the target fills the rest of the day: the first
    # goal's dose comes before the WHO minimums (COACHING.md §2) when that goal is lifting.
    lifting_reserves_growth: bool = False
    # A lifting-first goal's sessions beyond its minimum effective dose give the rest of the
    # day to the target: with at least `lifting_yields_above` lifting days (the days that
    # carry the minimum dose), they shorten to their smallest full form with one
    # mesocycle's added sets kept, and a steady block follows (COACHING.md §2: the WHO
    # minimums come before more for the first goal).
    lifting_shortens_past_dose: bool = False
    # The same for a week of upper- and lower-body days: with at least this many of them
    # (each half on two days), every compound at three sets in week 1, their smallest full
    # forms carry the minimum dose too (two presses, two pulls, two knee lifts and a hinge
    # on each half's two days: 12 hard sets a week per major group), so they shorten the same
    # way and a steady block follows each (COACHING.md §2 steps 2-4; §3 trained 10-20).
    split_days_past_dose: Annotated[int, Field(strict=True, ge=2, le=7)] | None = None
    # The minimum effective dose (hard sets a week for each major group) those shortened
    # split days must still give once built; a kit whose exercises give less (a drill in a
    # pull slot) keeps the days' minutes instead.
    split_days_dose_sets: Annotated[int, Field(strict=True, ge=1, le=40)] | None = None
    # The first goal is built on aerobic work: a week the lifting days would leave without
    # any required aerobic session gives one lifting day to it, even below WHO's two
    # (COACHING.md §2: the first goal's dose comes before the WHO minimums).
    lifting_yields_to_first_goal: bool = False
    # Endurance first: once the aerobic bar is met, a lifting day's minutes that no week
    # uses take a steady block after the lifting up to this many moderate-equivalent minutes
    # a week (WHO 2020's upper 300: more for the first goal before later goals, COACHING.md
    # §2 (4); coach review 17, ENDURANCE-FIRST-IDLE-DAYS).
    first_goal_aerobic_bar: Annotated[int, Field(strict=True, ge=1, le=1000)] | None = None
    # The first goal is built on aerobic work and the person builds up (not yet active): when
    # the week's required steady work cannot grow past `build_up_from_minutes`, one lifting
    # day (above the strength days safety asks for, and never the last one) gives way to a
    # second steady session from the week the build-up's weekly total first holds it (the
    # library's least steady work more than week 1's), so the backbone grows by the
    # build-up's steps instead of standing still (COACHING.md §2: the first goal's minimum
    # dose before the WHO minimums; ACSM 2011: 5-10 minutes every 1-2 weeks).
    # `backbone_note` is that week's note; `backbone_detail` is said in the WHO strength
    # guideline's detail ({week}: the week the lifting day gives way).
    lifting_yields_to_backbone: bool = False
    # The first goal is built on aerobic work (coach review 5, AEROBIC-GOAL-CROWDED): while
    # the target is short, a lifting session is built at its smallest form that still gives
    # every major group the day trains a hard exposure (3+ hard sets, DESIGN.md v1.1) - each
    # lift down to this many sets where other lifts' sets complete a group's count, rests at
    # the short end - and the minutes it frees go to steady work after it.
    lifting_exposure_sets: Annotated[int, Field(strict=True, ge=1, le=5)] | None = None
    # The least brisk minutes of the steady block that follows such a day (its lifting held
    # to a smallest form): WHO 2020 counts bouts of any length, so a short day's few
    # minutes after lifting are worth a walk; without it, the library's least steady work.
    lifting_exposure_walk_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    # On a day too short for the smallest hard form to free that walk (or whose lifting
    # gives no group a hard exposure to keep), the lifting is its main lifts - one lift of
    # each movement family the split day promises, at `lifting_exposure_sets` sets at most,
    # core and isolation extras left out, non-competing lifts paired - and a brisk walk
    # takes the minutes left (coach review 16, AEROBIC-FIRST-GOAL-CROWDED-BY-LIFTING).
    lifting_main_lifts: bool = False
    # With `lifting_main_lifts`, for a first goal whose dose is WHO's two strength days as
    # much as its aerobic minutes (general or cardiometabolic health, fat loss): a day that
    # counts as a strength day (every major group 3+ hard sets) is not cut to main lifts
    # below it for the walk. Its main lifts are held to their smallest hard form instead
    # where that frees the walk; otherwise the day keeps its lifting and no walk follows.
    # The main-lifts form is left to days that are no strength day anyway (a split day, a
    # light start), and says so (`messages.main_lifts_form_no_strength_day`). Trading a
    # strength day for a walk that leaves the week short of the 150 minutes gives up one WHO
    # minimum and reaches none (COACHING.md §2 (3); coach review 32,
    # STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS).
    lifting_keeps_strength_days: bool = False
    # A first goal whose dose is the aerobic backbone (endurance, stress, mood: coach review
    # 30, FIRST-GOAL-AEROBIC-BACKBONE-YIELDS-TO-LIFTING): while the target is short, each
    # offered lifting day's steady work after its lifting is one continuous session of at
    # least this many minutes (the day's whole minutes on a day too short for it and a
    # short lifting session), and the lifting takes what is left - its smallest hard form,
    # else its main lifts, down to one set each.
    backbone_walk_minutes: Annotated[int, Field(strict=True, ge=1, le=60)] | None = None
    # A lifting-first week whose required sessions hold no aerobic minute at all (coach
    # review 19, ACCESSORIES-BEFORE-WHO-AEROBIC: from 65 the older warm-up and the balance
    # practice leave no room for the least steady block after the lifting's smallest full
    # form): each offered day's lifting drops its accessory extras (core and isolation lifts
    # no group's hard exposure needs) and takes its rests at the short end - its main lifts
    # keep their sets, the first goal's dose - when that frees a brisk walk of at least this
    # many minutes after it (COACHING.md §2: WHO's minimums before more for the first goal).
    lifting_extras_yield_walk_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    # With `lifting_extras_yield_walk_minutes`, for a beginner (coach review 31,
    # WHO-AEROBIC-CROWDED-OUT-BY-THIRD-LIFT-DAY): a beginner's minimum dose (about 4 hard
    # sets a week per major group, COACHING.md §2) and WHO's two strength days are carried
    # by two full-body days, so in a week of three or more whose required sessions hold no
    # aerobic minute each offered lifting day is held to its smallest hard form - every
    # group it gives 3+ hard sets keeps them, each lift down to this many sets, rests at the
    # short end - when that frees the walk's few brisk minutes, which then follow it.
    beginner_past_dose_sets: Annotated[int, Field(strict=True, ge=1, le=5)] | None = None
    # Steady work takes each offered day first and lifting follows it on the same day, at
    # the rules' short session length (pregnancy, COACHING.md §4: aerobic minutes first,
    # strength in short sessions; coach review coach3, K4).
    steady_first: bool = False
    # With `steady_first`: the least brisk minutes of a walk that leads a day the short
    # strength session follows. On a day too short for the library's least steady session
    # and that strength session together, the walk shortens to its warm-up, cool-down and
    # this many brisk minutes, and the strength follows it, rather than the strength taking
    # the day alone with no steady work; on a day too short even for that, a required walk
    # of this many minutes may follow the strength (WHO 2020 counts bouts of any length;
    # coach review 20, PREGNANCY-STRENGTH-CROWDS-OUT-AEROBIC).
    steady_first_walk_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] | None = None
    backbone_note: Text | None = None
    backbone_detail: Text | None = None

    @model_validator(mode="after")
    def _one_bar(self) -> Self:
        if (self.at_least is None) == (self.at_most is None):
            raise ValueError("a guideline takes exactly one of: at_least, at_most")
        if self.fill_with is not None and self.at_least is None:
            raise ValueError("fill_with goes with at_least (a target to fill up to)")
        if (self.build_up_weeks is None) != (self.build_up_from_minutes is None):
            raise ValueError("build_up_weeks and build_up_from_minutes go together")
        if self.build_up_extras_step_minutes is not None and self.build_up_weeks is None:
            raise ValueError("build_up_extras_step_minutes goes with build_up_weeks")
        if self.build_up_step_minutes is not None and self.build_up_weeks is None:
            raise ValueError("build_up_step_minutes goes with build_up_weeks")
        if self.lifting_keeps_strength_days and not self.lifting_main_lifts:
            raise ValueError("lifting_keeps_strength_days goes with lifting_main_lifts")
        if (
            self.lifting_exposure_walk_minutes is not None or self.lifting_main_lifts
        ) and self.lifting_exposure_sets is None:
            raise ValueError(
                "lifting_exposure_walk_minutes and lifting_main_lifts go with lifting_exposure_sets"
            )
        if (
            self.beginner_past_dose_sets is not None
            and self.lifting_extras_yield_walk_minutes is None
        ):
            raise ValueError("beginner_past_dose_sets goes with lifting_extras_yield_walk_minutes")
        if self.steady_first_walk_minutes is not None and not self.steady_first:
            raise ValueError("steady_first_walk_minutes goes with steady_first")
        if self.lifting_yields_to_backbone and (
            self.build_up_weeks is None
            or self.backbone_note is None
            or self.backbone_detail is None
        ):
            raise ValueError(
                "lifting_yields_to_backbone needs build_up_weeks, backbone_note and backbone_detail"
            )
        return self

    @property
    def bar(self) -> int:
        """The target value, whichever way it is compared."""
        value = self.at_least if self.at_least is not None else self.at_most
        assert value is not None
        return value

    def met_by(self, value: int) -> bool:
        return value >= self.bar if self.at_least is not None else value <= self.bar


class _ActionBase(_Node):
    """One step of `then:`: a mapping with exactly one key naming the action."""

    @property
    def kind(self) -> str:
        return next(iter(type(self).model_fields))

    @property
    def body(self) -> _Node:
        value = getattr(self, self.kind)
        assert isinstance(value, _Node)
        return value


class SessionsAction(_ActionBase):
    sessions: SessionRequest


class PrescribeAction(_ActionBase):
    prescribe: Prescription


class LimitAction(_ActionBase):
    limit: Limit


class ForbidAction(_ActionBase):
    forbid: Forbid


class CapAction(_ActionBase):
    cap: Cap


class RequireAction(_ActionBase):
    require: Requirement


class WarnAction(_ActionBase):
    warn: Warn


class EffectAction(_ActionBase):
    effect: Effect


class SynergyAction(_ActionBase):
    synergy: Synergy


class DepartureAction(_ActionBase):
    departure: Departure


class ScreenAction(_ActionBase):
    screen: Screen


class RefuseAction(_ActionBase):
    refuse: Refuse


class ProgressionAction(_ActionBase):
    progression: Progression


class NoteAction(_ActionBase):
    note: Note


class GuidelineAction(_ActionBase):
    guideline: GuidelineTarget


ACTION_TYPES: tuple[type[_ActionBase], ...] = (
    SessionsAction,
    PrescribeAction,
    LimitAction,
    ForbidAction,
    CapAction,
    RequireAction,
    WarnAction,
    EffectAction,
    SynergyAction,
    ScreenAction,
    RefuseAction,
    ProgressionAction,
    NoteAction,
    GuidelineAction,
    DepartureAction,
)
ACTION_NAMES: tuple[str, ...] = tuple(next(iter(t.model_fields)) for t in ACTION_TYPES)
SAFETY_ONLY: frozenset[str] = frozenset({"forbid", "screen", "refuse"})
# A review rule runs after the plan is built, so it may only describe it (DESIGN.md v1.1).
REVIEW_ACTIONS: frozenset[str] = frozenset({"warn", "effect", "synergy", "departure"})
REVIEW_ONLY: frozenset[str] = frozenset({"departure"})


def _action_kind(raw: Any) -> str | None:
    if isinstance(raw, dict) and len(raw) == 1:
        key = next(iter(raw))
        return key if key in ACTION_NAMES else None
    if isinstance(raw, _ActionBase):
        return raw.kind
    return None


Action = Annotated[
    Annotated[SessionsAction, Tag("sessions")]
    | Annotated[PrescribeAction, Tag("prescribe")]
    | Annotated[LimitAction, Tag("limit")]
    | Annotated[ForbidAction, Tag("forbid")]
    | Annotated[CapAction, Tag("cap")]
    | Annotated[RequireAction, Tag("require")]
    | Annotated[WarnAction, Tag("warn")]
    | Annotated[EffectAction, Tag("effect")]
    | Annotated[SynergyAction, Tag("synergy")]
    | Annotated[ScreenAction, Tag("screen")]
    | Annotated[RefuseAction, Tag("refuse")]
    | Annotated[ProgressionAction, Tag("progression")]
    | Annotated[NoteAction, Tag("note")]
    | Annotated[GuidelineAction, Tag("guideline")]
    | Annotated[DepartureAction, Tag("departure")],
    Discriminator(
        _action_kind,
        custom_error_type="action",
        custom_error_message="an action is a mapping with exactly one key, one of: "
        + ", ".join(ACTION_NAMES),
    ),
]


class Rule(_Node):
    """One rule. Its full id is `<pack>/<id>`."""

    id: Kebab
    title: Text
    phase: Phase
    priority: Annotated[int, Field(strict=True, ge=-1000, le=1000)] = 0
    when: ConditionNode | None = None
    then: list[Action] = Field(min_length=1)
    because: Text
    references: list[Kebab] = Field(min_length=1)
    on_unknown: Literal["skip", "fire"] = "skip"
    overrides: str | None = None

    _pack: str = PrivateAttr(default="")

    @cached_property
    def full_id(self) -> str:
        # Computed once: evaluation reads it thousands of times per plan, and a private
        # attribute goes through pydantic's __getattr__ on every read. The loader sets
        # `_pack` right after validation, before anything reads the id.
        return f"{self._pack}/{self.id}" if self._pack else self.id

    @property
    def is_safety(self) -> bool:
        return self.phase is Phase.SAFETY


class SourceClaim(_Node):
    """One claim of a source document (a sentence asserting an effect, a number or a
    prescription) and how the packs honour it: the rules that encode it, the departures that
    replace it, or both. Its full id is `<pack>/<id>`."""

    id: Kebab
    section: Text
    kind: Literal["effect", "number", "prescription"]
    says: Text
    encoded_by: list[Annotated[str, Field(min_length=1)]] = []
    departed_by: list[Annotated[str, Field(min_length=1)]] = []

    _pack: str = PrivateAttr(default="")

    @model_validator(mode="after")
    def _mapped(self) -> Self:
        if not self.encoded_by and not self.departed_by:
            raise ValueError(
                "a claim names the rules that encode it (encoded_by), the "
                "departures that replace it (departed_by), or both"
            )
        return self

    @property
    def full_id(self) -> str:
        return f"{self._pack}/{self.id}" if self._pack else self.id


class ReferenceEntry(_Node):
    id: Kebab
    citation: Text
    url: str | None = None
    verified: Flag = True
    note: Text | None = None


class PackTestExpect(_Node):
    """What a pack test expects of the plan for its profile."""

    fires: list[str] = []
    not_fires: list[str] = []
    modalities: list[Modality] = []
    no_modalities: list[Modality] = []
    warnings: list[Kebab] = []
    no_warnings: list[Kebab] = []
    clearance: Clearance | None = None
    referral_only: Flag | None = None
    max_intensity: Ceiling | None = None


class PackTest(_Node):
    name: Text
    profile: dict[str, Any]
    expect: PackTestExpect


class Manifest(_Node):
    """`pack.yaml`: who the pack is, what it cites, and what it turns off."""

    name: Kebab
    version: Annotated[str, Field(pattern=r"^\d+\.\d+(\.\d+)?$")]
    description: Text
    references: list[ReferenceEntry] = []
    disable: list[str] = []
    requires: list[Kebab] = []
