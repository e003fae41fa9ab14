"""The plan: the JSON output contract of DESIGN.md (schema_version 1.1), as pydantic models.

Field order is the contract's key order. Rendering lives in `endoprotocol.render`.
"""

# No `from __future__ import annotations` in this module: pydantic would compile and
# evaluate every field's annotation string while creating each model class, on every run.
import json
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from types import UnionType
from typing import Any, Literal, NamedTuple, Self, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticUndefined, to_json

from endoprotocol.vocab import (
    AEROBIC,
    MAJOR_GROUPS,
    MODERATE_EQUIVALENT,
    Ceiling,
    Clearance,
    Condition,
    Day,
    Direction,
    EffectTarget,
    Equipment,
    Evidence,
    Experience,
    Goal,
    IntensityClass,
    Modality,
    Muscle,
    Pattern,
    Severity,
    Sex,
    SynergyEvidence,
    Therapy,
    Timescale,
)


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    def __init__(self, /, **data: Any) -> None:
        """Validated by pydantic once its schemas are built (`another_plan`); before that,
        in a process's first plan, made directly: validating would build every plan
        model's schema (~10 ms of a one-plan CLI run). The direct way does what validation
        does to the values the planner passes (text to enum members, whole floats to int;
        test_plan_properties checks the JSON is what validation would give) and raises
        TypeError for a missing required field or an unknown one."""
        cls = type(self)
        if cls.__pydantic_complete__:  # from a process's second plan on: see `another_plan`
            BaseModel.__init__(self, **data)
            return
        layout = _LAYOUTS.get(cls) or _layout(cls)
        values: dict[str, Any] = {}
        for field in layout.fields:
            name = field.name
            if name in data:
                value = data[name]
                values[name] = value if field.convert is None else field.convert(value)
            elif field.required:
                raise TypeError(f"{cls.__name__}() needs {name}")
            else:
                values[name] = field.default if field.factory is None else field.factory()
        if len(data) > len(values) or not data.keys() <= values.keys():
            unknown = sorted(set(data) - values.keys())
            raise TypeError(f"{cls.__name__}() has no field {', '.join(unknown)}")
        object.__setattr__(self, "__dict__", values)
        object.__setattr__(self, "__pydantic_fields_set__", set(data))
        object.__setattr__(self, "__pydantic_extra__", None)
        object.__setattr__(
            self, "__pydantic_private__", dict(layout.private) if layout.private else None
        )

    # pydantic calls a model's own `__init__` from validation, with the raw input, unless
    # the method carries the marker its base `__init__` has: with it, `model_validate` and
    # `model_validate_json` (reading a plan back) still validate every nested model. Should
    # a pydantic release drop the marker, test_plan_properties' round trip fails.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    def __copy__(self) -> Self:
        """pydantic's shallow copy (and so `model_copy`), without its three generic
        `copy.copy` calls: the planner copies ~360 sessions, exercises and intensities per
        plan. Same result: the fields, the fields set and the private attributes copied."""
        return self._copied(self.__dict__.copy(), set(self.__pydantic_fields_set__))

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's `model_copy` for the shallow case in one step: the fields with
        `update` laid over them (not validated, as in pydantic), the fields set joined with
        the updated names. The planner makes ~330 such copies a plan (each week's sessions
        and lifts); a deep copy is pydantic's own."""
        if deep:
            return super().model_copy(update=update, deep=True)
        if not update:
            return self.__copy__()
        return self._copied(
            {**self.__dict__, **update}, self.__pydantic_fields_set__ | update.keys()
        )

    def _copied(self, fields: dict[str, Any], fields_set: set[str]) -> Self:
        cls = type(self)
        made = cls.__new__(cls)
        extra = self.__pydantic_extra__
        private = self.__pydantic_private__
        object.__setattr__(made, "__dict__", fields)
        object.__setattr__(made, "__pydantic_extra__", None if extra is None else dict(extra))
        object.__setattr__(made, "__pydantic_fields_set__", fields_set)
        object.__setattr__(
            made,
            "__pydantic_private__",
            None
            if private is None
            else {k: v for k, v in private.items() if v is not PydanticUndefined},
        )
        return made

    def to_data(self) -> dict[str, Any]:
        """The JSON shape as plain dicts, lists, str, int, float, bool and None: what
        `model_dump(mode="json")` gives, without building pydantic's serializer."""
        data: dict[str, Any] = json.loads(self.to_json_text())
        return data

    def to_json_text(self, *, pretty: bool = False) -> str:
        """This model's JSON, as `model_dump_json` writes it (test_plan_properties checks
        the bytes): the model tree is turned into dicts in Python, model by model (scalars
        and lists of them are handed over as they are), then written by pydantic-core's
        schema-less writer. No serializer schema is built, which on a process's first plan
        is ~10 ms of a CLI run."""
        return to_json(_tree(self), indent=2 if pretty else None).decode()


_Convert = Callable[[Any], Any]
# how a field's value is written: as it is, as a model, as a list of models, or walked
_AS_IS, _MODEL, _MODELS, _WALK = range(4)


class _Field(NamedTuple):
    name: str
    required: bool
    default: Any
    factory: Callable[[], Any] | None
    skip: Callable[[Any], bool] | None  # the field's `exclude_if`
    convert: _Convert | None  # what validation would do to a value the planner passes
    write: int


class _Layout(NamedTuple):
    fields: tuple[_Field, ...]  # in declaration order, which is the JSON key order
    private: tuple[tuple[str, Any], ...]


_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type[_Out]) -> _Layout:
    fields = []
    for name, info in cls.model_fields.items():
        factory: Callable[[], Any] | None = info.default_factory  # type: ignore[assignment]
        default = info.default
        if factory is None and isinstance(default, list | dict | set):
            factory = default.copy  # a fresh container each time, as pydantic copies it
        required = factory is None and default is PydanticUndefined
        annotation = info.annotation
        fields.append(
            _Field(
                name,
                required,
                default,
                factory,
                info.exclude_if,
                _conversion(annotation),
                _writing(annotation),
            )
        )
    private = tuple((name, attr.get_default()) for name, attr in cls.__private_attributes__.items())
    made = _Layout(tuple(fields), private)
    _LAYOUTS[cls] = made
    return made


def _conversion(annotation: Any) -> _Convert | None:
    """What validation would do to a value the planner passes for this field: its text
    made into the field's enum member (lists too), a whole float made an int."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        enum = annotation
        return lambda value: value if type(value) is enum else enum(value)
    if annotation is int:
        return _int
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is list and args:
        item = _conversion(args[0])
        if item is not None:
            return lambda value: [item(v) for v in value]
    if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:
        inner = _conversion(next(a for a in args if a is not type(None)))
        if inner is not None:
            return lambda value: None if value is None else inner(value)
    return None


def _int(value: Any) -> Any:
    return int(value) if type(value) is float and value.is_integer() else value


_SCALARS = (str, int, float, bool, type(None))


def _writing(annotation: Any) -> int:
    """How `_tree` writes a field of this type (scalars and enums need nothing)."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, UnionType) or origin is Literal:
        kinds = {_writing(a) for a in args} if origin is not Literal else {_AS_IS}
        if kinds == {_AS_IS}:
            return _AS_IS
        models = [a for a in args if a is not type(None)]
        is_model = len(models) == 1 and isinstance(models[0], type)
        return _MODEL if is_model and issubclass(models[0], _Out) else _WALK
    if origin is list or origin is dict:
        inner = _writing(args[-1]) if args else _WALK
        if inner == _AS_IS:
            return _AS_IS
        return _MODELS if origin is list and inner == _MODEL else _WALK
    if isinstance(annotation, type):
        if issubclass(annotation, _Out):
            return _MODEL
        if issubclass(annotation, _SCALARS):  # StrEnums are str
            return _AS_IS
    return _WALK


def _tree(model: _Out) -> dict[str, Any]:
    """A plan model as nested dicts, its written fields in order (see `to_json_text`)."""
    values = model.__dict__
    out: dict[str, Any] = {}
    for field in (_LAYOUTS.get(type(model)) or _layout(type(model))).fields:
        value = values[field.name]
        if field.skip is not None and field.skip(value):
            continue
        write = field.write
        if write == _AS_IS:
            out[field.name] = value
        elif write == _MODELS:
            out[field.name] = [_tree(item) for item in value]
        elif write == _MODEL:
            out[field.name] = None if value is None else _tree(value)
        else:
            out[field.name] = _walk(value)
    return out


def _walk(value: Any) -> Any:
    """Any value (a field typed `Any`): models inside it written as `_tree` writes them."""
    if isinstance(value, _Out):
        return _tree(value)
    if isinstance(value, list | tuple):
        return [_walk(item) for item in value]
    if isinstance(value, dict):
        return {key: _walk(item) for key, item in value.items()}
    return value


class Range(_Out):
    """A numeric range; min == max when the value is fixed."""

    # Whole numbers are kept as ints (`8`, not `8.0`) when the range is made, so that JSON
    # serialisation needs no Python hook: a plan holds thousands of ranges.
    min: int | float
    max: int | float

    @classmethod
    def of(cls, low: float, high: float | None = None) -> "Range":
        """The range low-high (high defaults to low). Ranges are values, never changed
        after they are made, so equal ones are shared: a plan asks for ~500, of a few
        dozen different ones."""
        pair = (_whole(low), _whole(low if high is None else high))
        made = _RANGES.get(pair) if cls is Range else None
        if made is None:
            # built as validation would build it (two numbers, whole ones as ints)
            made = cls.__new__(cls)
            object.__setattr__(made, "__dict__", {"min": pair[0], "max": pair[1]})
            object.__setattr__(made, "__pydantic_fields_set__", {"min", "max"})
            object.__setattr__(made, "__pydantic_extra__", None)
            object.__setattr__(made, "__pydantic_private__", None)
            if cls is Range and len(_RANGES) < 10_000:
                _RANGES[pair] = made
        return made


_RANGES: dict[tuple[int | float, int | float], Range] = {}


def _whole(value: float) -> int | float:
    if type(value) is int:  # most values: nothing to convert
        return value
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
    muscles: list[Muscle] = Field(description="The primary muscles (DESIGN.md v1.1).")
    secondary_muscles: list[Muscle] = Field(
        default_factory=list,
        description="Muscles the exercise also trains (v1.1); a hard set counts half for each.",
    )
    compound: bool
    sets: int = Field(ge=1)
    reps: Range | None
    work_seconds: Range | None
    rest_seconds: Range | None
    intensity: Intensity
    notes: str
    alternatives: list[str]
    rules: list[str]
    # only paired lifts carry one: not noise on every other exercise
    paired_with: str | None = Field(
        default=None,
        exclude_if=_absent,
        description="The exercise of the same session this one is paired with (an addition "
        "to the v1.1 contract): one set of each in turn, the rest after both (COACHING.md §2).",
    )


def muscle_credit(exercise: Exercise) -> Mapping[str, float]:
    """What one hard set of `exercise` counts for each muscle (DESIGN.md v1.1): 1 for each
    primary muscle, 0.5 for each secondary one. Callers multiply by the hard sets.

    The mapping is shared between lifts with the same muscles (the planner and the review
    ask ~600 times a plan, for a few dozen lifts): read it, never change it."""
    key = (tuple(exercise.muscles), tuple(exercise.secondary_muscles))
    credit = _CREDITS.get(key)
    if credit is None:
        credit = dict.fromkeys((m.value for m in key[1]), 0.5)
        credit.update(dict.fromkeys((m.value for m in key[0]), 1.0))
        _CREDITS[key] = credit
    return credit


_CREDITS: dict[tuple[tuple[Muscle, ...], tuple[Muscle, ...]], dict[str, float]] = {}


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
    # The first week of the block the session is done (rules may start it later); it travels
    # with the session from week one to the weeks built from it, and is not part of the JSON.
    _first_week: int = PrivateAttr(default=1)
    # The last week it is done, when it only holds a day until a later session starts there
    # (steady work on the day intervals take over after the base weeks); None: every week.
    _last_week: int | None = PrivateAttr(default=None)
    # A tempo session's moderate part as the builder made it (coach review 27): the weeks
    # that size the tempo part give it the session's other minutes; None for other sessions.
    _easy_part: Exercise | None = PrivateAttr(default=None)
    # A walk after lifting sized to the room week 1 leaves, which a later week whose lifting
    # runs over its day shortens in that week only (coach review 27): the minutes it had
    # when sized to the block's tightest week (the lifting's room is read with those).
    _give_floor: int | None = PrivateAttr(default=None)
    # A lifting session's minutes before their rounding to whole minutes, where the planner
    # keeps them (a template the rules re-dose in week 1: `progress._redosed`), so a week
    # timed from it carries no rounding of the template's; None: its whole minutes.
    _exact_minutes: float | None = PrivateAttr(default=None)

    # read from the private store directly: pydantic reaches a private attribute through
    # its `__getattr__` fallback, and the planner reads these ~150 times a plan
    @property
    def first_week(self) -> int:
        private = self.__pydantic_private__
        return 1 if private is None else private.get("_first_week", 1)

    @property
    def last_week(self) -> int | None:
        private = self.__pydantic_private__
        return None if private is None else private.get("_last_week")

    @property
    def easy_part(self) -> Exercise | None:
        private = self.__pydantic_private__
        return None if private is None else private.get("_easy_part")

    @property
    def give_floor(self) -> int | None:
        private = self.__pydantic_private__
        return None if private is None else private.get("_give_floor")

    @property
    def exact_minutes(self) -> float | None:
        """The session's minutes before rounding (`_exact_minutes`) where they are kept and
        still round to its `duration_minutes` (a later change of its minutes drops them)."""
        private = self.__pydantic_private__
        exact = None if private is None else private.get("_exact_minutes")
        if exact is None or max(1, round(exact)) != self.duration_minutes:
            return None
        return float(exact)

    def timed_at(self, exact: float) -> "Session":
        """This session, `exact` minutes long before rounding (whole minutes, at least 1)."""
        made = self.model_copy(update={"duration_minutes": max(1, round(exact))})
        made._exact_minutes = exact
        return made

    def giving_way(self, floor: int) -> "Session":
        """This session, a walk that a later week's lifting may shorten, `floor` minutes
        long when sized to the block's tightest week."""
        made = self.model_copy()
        made._give_floor = max(0, floor)
        return made

    def with_easy_part(self, part: Exercise | None) -> "Session":
        """This session, carrying `part` as its tempo session's moderate part."""
        made = self.model_copy()
        made._easy_part = part
        return made

    def from_week(self, week: int, until: int | None = None) -> "Session":
        """This session, first done in `week` of the block (and last in `until`)."""
        later = self.model_copy()
        later._first_week = week
        later._last_week = until
        return later


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
    max_intensity: Ceiling
    reasons: list[str]
    next_steps: list[str]
    performed: bool = Field(
        default=True,
        description="False when a rule pack switched off or replaced safety rules "
        "(--allow-safety-overrides): the plan was not screened, so clearance is required "
        "(an addition of contract v1.1).",
    )
    before_start: list[str] = Field(
        default_factory=list,
        description="What must happen before week 1 starts, in plain words (an addition of "
        "contract v1.1): a passing illness holds the start until the person is free of "
        "symptoms and fever, and the weeks count from that day. Empty when the plan can start "
        "now.",
    )


class Week(_Out):
    week: int = Field(ge=1)
    deload: bool
    load_change_pct: float
    max_intensity: Ceiling = Field(
        default="vigorous",
        description="The highest intensity this week may contain (v1.1): the block's "
        "screening.max_intensity, lowered in the weeks a week-scoped safety rule holds.",
    )
    notes: list[str]
    days: list[DayPlan] = Field(min_length=7, max_length=7)


class Totals(_Out):
    sessions_by_modality: dict[str, int]
    minutes_by_modality: dict[str, int]
    minutes_by_intensity: dict[str, int]
    moderate_equivalent_aerobic_minutes: int = Field(
        description="Work minutes at their own intensity (v1.1): steady work at its class, "
        "interval work bouts double, recoveries, warm-ups and cool-downs light (zero)."
    )
    strength_days: int = Field(
        description="Days of week 1 with a lifting session, required or optional; the "
        "who-2020-strength guideline counts otherwise: the fewest days on which any major "
        "muscle group gets three or more hard sets (v1.1)."
    )
    balance_days: int
    hard_sets_by_muscle: dict[str, int | float] = Field(
        description="Hard sets (RIR 4 or less) a week: 1 for each primary muscle, 0.5 for "
        "each secondary one (v1.1)."
    )


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


class _Keyed(_Out):
    """Also readable as `x["field"]`, as when these parts of the plan were dicts; kept so
    renderers written against the dicts keep working while they move to attributes."""

    def __getitem__(self, key: str) -> Any:
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        """`x.get("field", default)`, as on the dicts these parts once were."""
        return getattr(self, key, default) if key in type(self).model_fields else default


class PlanBloodPressure(_Keyed):
    systolic: int
    diastolic: int


class PlanScreeningAnswers(_Keyed):
    """The PAR-Q+ answers the plan was made with (an omitted answer counted as "no")."""

    heart_condition_or_high_blood_pressure: bool
    chest_pain: bool
    dizziness_or_fainting: bool
    other_chronic_condition: bool
    prescribed_medication: bool
    bone_joint_problem: bool
    supervised_activity_only: bool


class PlanProfile(_Keyed):
    """The normalized profile actually used: defaults filled in, days resolved, implied
    equipment listed, `therapies: []` for none; `pregnancy_week` only when given."""

    age: int
    sex: Sex
    goals: list[Goal]
    therapies: list[Therapy]
    experience: Experience
    days: list[Day]
    days_per_week: int
    minutes_per_session: int
    equipment: list[Equipment]
    currently_active: bool
    blood_pressure: PlanBloodPressure | None
    conditions: list[Condition]
    # only pregnancies carry one: not noise for everyone else (pydantic >= 2.12)
    pregnancy_week: int | None = Field(default=None, exclude_if=lambda week: week is None)
    screening: PlanScreeningAnswers


class LeafFact(_Keyed):
    """One condition leaf of a fired rule: what it tested, the person's value, the result."""

    fact: str
    op: str
    value: Any
    actual: Any
    result: bool | None
    where: str


class FiredRule(_Keyed):
    rule: str
    phase: str
    priority: int
    defined_at: str | None
    because: str
    fired_on_unknown: bool
    facts: list[LeafFact]
    did: list[str]


class Change(_Keyed):
    """Something the enforce step removed, cut or lowered, and the rule that did it."""

    what: str
    by: str


class LosingValue(_Keyed):
    rule: str
    value: Any


class OverriddenParameter(_Keyed):
    parameter: str
    winner: str
    value: Any
    overridden: list[LosingValue]


class DisabledRule(_Keyed):
    rule: str
    by_pack: str


class ReplacedRule(_Keyed):
    rule: str
    by: str


class Substitution(_Keyed):
    """An exercise that stands in for the first choice a rule vetoed."""

    replaced: str
    by: str
    rules: list[str]


class Selection(_Keyed):
    """Why an exercise was chosen for a slot."""

    slot: str
    chosen: str
    reason: str


class Explanation(_Keyed):
    """`--explain`: the fired rules, the facts that fired them, what each did, and what
    vetoed, overrode, disabled or replaced what."""

    fired: list[FiredRule]
    vetoed: list[Change]
    overridden: list[OverriddenParameter]
    disabled: list[DisabledRule]
    replaced: list[ReplacedRule]
    substituted: list[Substitution] = []
    selected: list[Selection] = []


class Plan(_Out):
    """A weekly plan with its screening, effects, warnings and the evidence behind each line."""

    schema_version: Literal["1.1"] = "1.1"
    generator: Generator
    profile: PlanProfile
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
    explanation: Explanation | None = None

    def to_json(self, *, pretty: bool = False) -> str:
        """The JSON text; `explanation` appears only when it was asked for. Written by
        pydantic's serializer once the plan models' schemas are built (`another_plan`),
        else by `direct_json`: the same bytes."""
        if Plan.__pydantic_complete__:
            skip = {"explanation"} if self.explanation is None else set()
            return self.model_dump_json(indent=2 if pretty else None, exclude=skip)
        return self.direct_json(pretty=pretty)

    def direct_json(self, *, pretty: bool = False) -> str:
        """`to_json` without pydantic's serializer (see `_Out.to_json_text`)."""
        data = _tree(self)
        if self.explanation is None:
            del data["explanation"]
        return to_json(data, indent=2 if pretty else None).decode()


_PLANS_MADE = 0


def another_plan() -> None:
    """Count a plan built in this process (`build_plan` calls it). At the second, build the
    plan models' pydantic schemas (~25 ms, once): from then on they validate and write in
    pydantic-core, faster per plan than the direct way a one-plan run uses."""
    global _PLANS_MADE
    _PLANS_MADE += 1
    if _PLANS_MADE == 2:
        ready_for_many()


def ready_for_many() -> None:
    """Build the plan models' pydantic schemas now (idempotent): `batch` calls it before
    its worker processes fork, so that they inherit the schemas instead of each building
    them."""
    for model in _all_models(_Out):
        model.model_rebuild()


def _all_models(base: type[_Out]) -> list[type[_Out]]:
    found = []
    for sub in base.__subclasses__():
        found += [sub, *_all_models(sub)]
    return found


# ---- hard sets and hard exposures (DESIGN.md v1.1) --------------------------------------------
# Defined with the plan so the planner and the review read one definition.

HARD_RIR_MAX = 4  # DESIGN.md v1.1: a hard set is a work set at RIR 4 or less
HARD_RPE_MIN = 6  # timed work without an RIR: RPE 6 or more


def is_hard_set(exercise: Exercise) -> bool:
    """A work set at RIR 4 or less (or RPE 6+ for timed work without an RIR)."""
    rir, rpe = exercise.intensity.rir, exercise.intensity.rpe
    if rir is not None:
        return rir.min <= HARD_RIR_MAX
    return rpe is not None and rpe.max >= HARD_RPE_MIN


# the hard sets on one day that make a hard exposure of a major group
HARD_EXPOSURE_SETS = 3


def hard_sets_by_muscle(
    sessions: Iterable[Session], *, primary_only: bool = False
) -> dict[str, float]:
    """Hard sets per muscle over `sessions`' lifting, each set counted with `muscle_credit`
    (DESIGN.md v1.1); with `primary_only`, only the sets a muscle gets as primary."""
    sets: dict[str, float] = {}
    for s in sessions:
        if s.modality is not Modality.RESISTANCE:
            continue
        for e in s.exercises:
            if not is_hard_set(e):
                continue
            for m, credit in muscle_credit(e).items():
                if not (primary_only and credit < 1):
                    sets[m] = sets.get(m, 0) + credit * e.sets
    return sets


def exposed_groups(sets: dict[str, float]) -> set[str]:
    """The major groups one day's `hard_sets_by_muscle` gives a hard exposure: 3+ hard sets
    of the group's best-trained muscle."""
    out: set[str] = set()
    for group, muscles in MAJOR_GROUPS.items():
        for m in muscles:
            if sets.get(m, 0) >= HARD_EXPOSURE_SETS:
                out.add(group)
                break
    return out


def primary_groups(exercises: Iterable[Exercise]) -> set[str]:
    """The major groups `exercises` train as a primary muscle in hard sets: a trim or a
    deload drops no accessory that is the last of these for a group (the only back work;
    coach review 12, TRIM-CLAIM-NO-PULL)."""
    muscles = {m.value for e in exercises if is_hard_set(e) for m in e.muscles}
    return {g for g, members in MAJOR_GROUPS.items() if muscles & set(members)}


def hard_exposures(sessions: Iterable[Session], *, primary_only: bool = False) -> set[str]:
    """The major groups with a hard exposure in one day's `sessions`: 3+ hard sets, counted
    with `muscle_credit` (DESIGN.md v1.1). With `primary_only`, only the sets a muscle gets
    as primary count: the spacing rule's reading, since a lift loading a muscle as secondary
    (a hinge for the back extensors) is how a split rotates emphasis."""
    return exposed_groups(hard_sets_by_muscle(sessions, primary_only=primary_only))


# the top of the moderate zone's RPE (EVIDENCE.md §1.2, the one intensity table of DESIGN.md
# v1.1: RPE 5-6 moderate, 7-8 vigorous)
MODERATE_RPE_TOP = 6


def work_class(session: Session, exercise: Exercise) -> str:
    """The intensity class one item's work counts at (DESIGN.md v1.1: aerobic minutes count
    work at its own intensity; a session's class is that of its hardest item): the
    session's, except the moderate part of a tempo session - steady work in a vigorous
    endurance session prescribed at a moderate RPE (coach review 27) - and the steady part
    after an interval session's rounds (coach review 28)."""
    cls = session.intensity_class.value
    rpe = exercise.intensity.rpe
    if (
        cls == "vigorous"
        and (
            session.modality is Modality.ENDURANCE
            or (session.modality is Modality.HIIT and exercise.pattern is Pattern.CARDIO)
        )
        and rpe is not None
        and rpe.max <= MODERATE_RPE_TOP
    ):
        return "moderate"
    return cls


def aerobic_equivalent(session: Session) -> float:
    """Moderate-equivalent aerobic minutes of one session (DESIGN.md v1.1, WHO 2020).

    Only work counts, at its own intensity: steady work at the session's class (moderate 1,
    vigorous 2 per minute; a tempo session's moderate part at moderate, `work_class`),
    interval work bouts at the session's class, recoveries between bouts light; warm-up and
    cool-down are light and count zero. Timed work counts the short end of its range (what
    the plan asks at least). Sessions other than endurance, intervals and recovery count
    zero."""
    if session.modality not in AEROBIC:
        return 0.0
    weighted = sum(
        MODERATE_EQUIVALENT[work_class(session, e)] * e.work_seconds.min * e.sets
        for e in session.exercises
        if e.work_seconds
    )
    return weighted / 60


def work_minutes_by_class(session: Session) -> dict[str, float]:
    """A session's minutes of timed work by the intensity class each item counts at
    (`work_class`): a tempo session's tempo part vigorous, its other part moderate."""
    found: dict[str, float] = {}
    for e in session.exercises:
        if e.work_seconds:
            cls = work_class(session, e)
            found[cls] = found.get(cls, 0.0) + e.work_seconds.min * e.sets / 60
    return found


def vigorous_steady_minutes(session: Session) -> float:
    """Minutes of a required steady session's work at a vigorous effort (its tempo part)."""
    if session.modality is not Modality.ENDURANCE:
        return 0.0
    return work_minutes_by_class(session).get("vigorous", 0.0)
