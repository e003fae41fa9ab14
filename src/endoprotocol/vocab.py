"""The closed vocabularies of the contracts, and forgiving matching of what people type.

Every enum's values are the kebab-case spellings of DESIGN.md. `normalize` accepts common
spellings (`Male`, `fat_loss`, `Fat Loss`, `tues`) and `suggest` finds near misses.
"""

from __future__ import annotations

import difflib
import operator
from enum import StrEnum
from typing import Literal, TypeVar

E = TypeVar("E", bound=StrEnum)


class Vocab(StrEnum):
    """A `StrEnum` whose `.value` is read in C: the planner reads ~4,000 member values per
    plan, and enum's own `value` descriptor (Python code, there so that a member may be
    called `value`) was ~8 % of a plan's time. No vocabulary has a member named `value`."""


# set after the class body, where the enum machinery would take it for a member
setattr(Vocab, "value", property(operator.attrgetter("_value_")))  # noqa: B010


class Sex(Vocab):
    MALE = "male"
    FEMALE = "female"


class Goal(Vocab):
    MUSCLE = "muscle"
    STRENGTH = "strength"
    FAT_LOSS = "fat-loss"
    INSULIN_SENSITIVITY = "insulin-sensitivity"
    STRESS_RESILIENCE = "stress-resilience"
    BONE_DENSITY = "bone-density"
    ENDURANCE = "endurance"
    MOOD_COGNITION = "mood-cognition"
    GENERAL_HEALTH = "general-health"


class Therapy(Vocab):
    TRT = "trt"
    GH_PEPTIDE = "gh-peptide"
    TESAMORELIN = "tesamorelin"
    MENOPAUSAL_HRT = "menopausal-hrt"


class Experience(Vocab):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Day(Vocab):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class Equipment(Vocab):
    BARBELL = "barbell"
    DUMBBELLS = "dumbbells"
    MACHINES = "machines"
    BODYWEIGHT = "bodyweight"
    BANDS = "bands"
    KETTLEBELL = "kettlebell"
    BIKE = "bike"
    ROWER = "rower"
    TREADMILL = "treadmill"
    POOL = "pool"
    # fixtures (DESIGN.md v1.1)
    PULL_UP_BAR = "pull-up-bar"
    DIP_BARS = "dip-bars"
    BENCH = "bench"
    DOOR_ANCHOR = "door-anchor"
    TRAP_BAR = "trap-bar"
    SUSPENSION_TRAINER = "suspension-trainer"
    # a power rack or squat stands with safety arms: where a barbell lift starts from a rack
    # (an addition to the v1.1 fixtures: coach review 24, RACK-ASSUMED)
    RACK = "rack"


# `machines` means a gym (DESIGN.md v1.1): it brings these fixtures along (a gym's racks
# too), but not a barbell and not cardio machines, which a person lists on their own.
IMPLIED_EQUIPMENT: dict[Equipment, tuple[Equipment, ...]] = {
    Equipment.MACHINES: (
        Equipment.BENCH,
        Equipment.PULL_UP_BAR,
        Equipment.DIP_BARS,
        Equipment.RACK,
    ),
}


class Condition(Vocab):
    HYPERTENSION = "hypertension"
    UNCONTROLLED_HYPERTENSION = "uncontrolled-hypertension"
    CARDIOVASCULAR_DISEASE = "cardiovascular-disease"
    RECENT_CARDIAC_EVENT = "recent-cardiac-event"
    PREDIABETES = "prediabetes"
    TYPE_1_DIABETES = "type-1-diabetes"
    TYPE_2_DIABETES = "type-2-diabetes"
    PREGNANCY = "pregnancy"
    OSTEOPOROSIS = "osteoporosis"
    VERTEBRAL_FRACTURE = "vertebral-fracture"
    KNEE_PAIN = "knee-pain"
    LOW_BACK_PAIN = "low-back-pain"
    SHOULDER_PAIN = "shoulder-pain"
    MENSTRUAL_IRREGULARITY = "menstrual-irregularity"
    LOW_ENERGY_AVAILABILITY = "low-energy-availability"
    STRESS_FRACTURE_HISTORY = "stress-fracture-history"
    CHRONIC_STRESS = "chronic-stress"
    POOR_SLEEP = "poor-sleep"
    OVERTRAINING_SYMPTOMS = "overtraining-symptoms"
    LOW_TESTOSTERONE_SYMPTOMS = "low-testosterone-symptoms"
    RETINOPATHY = "retinopathy"
    PERIPHERAL_NEUROPATHY = "peripheral-neuropathy"
    ACUTE_ILLNESS = "acute-illness"
    FALLS_HISTORY = "falls-history"


class Modality(Vocab):
    RESISTANCE = "resistance"
    HIIT = "hiit"
    ENDURANCE = "endurance"
    RECOVERY = "recovery"
    BALANCE = "balance"
    MOBILITY = "mobility"


class IntensityClass(Vocab):
    LIGHT = "light"
    MODERATE = "moderate"
    VIGOROUS = "vigorous"


# The PAR-Q+ general-health questions as the profile's `screening` keys, in order
# (EVIDENCE.md 2.2); `profile.Screening` has one field per key, with the question's words.
# Named here so that `plan --help` can list them without creating the profile's models.
SCREENING_QUESTIONS: tuple[str, ...] = (
    "heart_condition_or_high_blood_pressure",
    "chest_pain",
    "dizziness_or_fainting",
    "other_chronic_condition",
    "prescribed_medication",
    "bone_joint_problem",
    "supervised_activity_only",
)

INTENSITY_ORDER: dict[str, int] = {"none": 0, "light": 1, "moderate": 2, "vigorous": 3}
# The highest intensity a plan (or one of its weeks) may contain; "none" plans nothing.
Ceiling = Literal["none", "light", "moderate", "vigorous"]
# Whether the person should see a clinician: the plan stands / check-up advised / required.
Clearance = Literal["none", "recommended", "required"]
CLEARANCE_ORDER: dict[str, int] = {"none": 0, "recommended": 1, "required": 2}
# How loud a warning is; warnings are listed in this order.
Severity = Literal["high", "medium", "info"]
SEVERITY_ORDER: dict[str, int] = {"high": 0, "medium": 1, "info": 2}
# Expected effects: which way, over what time, and how strong the evidence is.
Direction = Literal["increase", "decrease", "improve", "modulate", "no_change"]
Timescale = Literal["acute", "long_term"]
Evidence = Literal["strong", "moderate", "mixed", "low"]
# A therapy synergy is speculative unless a human trial backs it (then low).
SynergyEvidence = Literal["speculative", "low"]
# Which lifts of a session a prescription or limit is about. `main` is a session's main lift
# (its split day's `main` slot): a prescription for it is weighed against those for
# `compound` by priority, and whatever it leaves unset, the compound value gives.
Role = Literal["compound", "accessory", "main", "any"]


class Pattern(Vocab):
    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"
    HORIZONTAL_PUSH = "horizontal-push"
    VERTICAL_PUSH = "vertical-push"
    HORIZONTAL_PULL = "horizontal-pull"
    VERTICAL_PULL = "vertical-pull"
    CARRY = "carry"
    CORE = "core"
    ISOLATION = "isolation"
    CARDIO = "cardio"
    INTERVALS = "intervals"
    BALANCE = "balance"
    MOBILITY = "mobility"


PULL_PATTERNS = frozenset({Pattern.HORIZONTAL_PULL, Pattern.VERTICAL_PULL})
PUSH_PATTERNS = frozenset({Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH})


class Muscle(Vocab):
    CHEST = "chest"
    BACK = "back"
    SHOULDERS = "shoulders"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    CALVES = "calves"
    CORE = "core"


class EffectTarget(Vocab):
    TESTOSTERONE = "testosterone"
    GROWTH_HORMONE = "growth_hormone"
    IGF_1 = "igf_1"
    INSULIN_SENSITIVITY = "insulin_sensitivity"
    CORTISOL = "cortisol"
    CATECHOLAMINES = "catecholamines"
    IL_6 = "il_6"
    IRISIN = "irisin"
    MYOSTATIN = "myostatin"
    BDNF = "bdnf"
    DECORIN = "decorin"
    ESTROGEN = "estrogen"


# Friendly spellings people use; keys are already in canonical form (see `_canonical`).
ALIASES: dict[type[StrEnum], dict[str, str]] = {
    Sex: {"m": "male", "man": "male", "f": "female", "woman": "female"},
    Goal: {
        "hypertrophy": "muscle",
        "muscle-gain": "muscle",
        "weight-loss": "fat-loss",
        "insulin": "insulin-sensitivity",
        "stress": "stress-resilience",
        "bone": "bone-density",
        "bones": "bone-density",
        "cardio": "endurance",
        "mood": "mood-cognition",
        "cognition": "mood-cognition",
        "health": "general-health",
        "general": "general-health",
    },
    Therapy: {
        "testosterone": "trt",
        "testosterone-replacement-therapy": "trt",
        "cjc-1295": "gh-peptide",
        "ipamorelin": "gh-peptide",
        "cjc-1295-ipamorelin": "gh-peptide",
        "gh-peptides": "gh-peptide",
        "hrt": "menopausal-hrt",
        "mht": "menopausal-hrt",
    },
    Experience: {"novice": "beginner", "new": "beginner", "experienced": "advanced"},
    Day: {
        "mon": "monday",
        "tue": "tuesday",
        "tues": "tuesday",
        "wed": "wednesday",
        "thu": "thursday",
        "thur": "thursday",
        "thurs": "thursday",
        "fri": "friday",
        "sat": "saturday",
        "sun": "sunday",
    },
    Equipment: {
        "dumbbell": "dumbbells",
        "band": "bands",
        "resistance-bands": "bands",
        "machine": "machines",
        "kettlebells": "kettlebell",
        "body-weight": "bodyweight",
        "none": "bodyweight",
        "bicycle": "bike",
        "swimming-pool": "pool",
        "pullup-bar": "pull-up-bar",
        "chin-up-bar": "pull-up-bar",
        "chinup-bar": "pull-up-bar",
        "dip-station": "dip-bars",
        "dip-bar": "dip-bars",
        "dips": "dip-bars",
        "weight-bench": "bench",
        "hex-bar": "trap-bar",
        "trx": "suspension-trainer",
        "suspension-trainers": "suspension-trainer",
        "gym": "machines",
    },
    Condition: {
        "high-blood-pressure": "hypertension",
        "t1d": "type-1-diabetes",
        "t2d": "type-2-diabetes",
        "type-1": "type-1-diabetes",
        "type-2": "type-2-diabetes",
        "pregnant": "pregnancy",
    },
}


class YesNo(str):
    """`yes`/`no` as written in a YAML profile: text everywhere, a boolean where a field is
    true-or-false (see yamlio)."""

    __slots__ = ()

    @property
    def answer(self) -> bool:
        return self.lower() == "yes"


def canonical(text: str) -> str:
    """Lower-case, trimmed, with `_` and spaces as `-` (`Fat_Loss` -> `fat-loss`)."""
    return "-".join(text.strip().lower().replace("_", " ").split())


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest accepted spelling to `word`, if one is close enough to be a typo."""
    hits = difflib.get_close_matches(canonical(word), choices, n=1, cutoff=0.6)
    return hits[0] if hits else None


def did_you_mean(word: str, choices: list[str], *, lead: str = "", trail: str = "") -> str:
    """The one "did you mean" hint: `lead + "did you mean 'x'?" + trail` for the accepted
    spelling nearest to `word`, or "" when none is near enough to be a typo."""
    near = suggest(word, choices)
    return f"{lead}did you mean '{near}'?{trail}" if near else ""


def normalize(enum: type[E], raw: object, also: tuple[str, ...] = ()) -> E:
    """Map what a person typed onto the enum, or raise ValueError naming the accepted values.

    `also` names words the caller accepts besides the enum (e.g. `none`), for the message.
    """
    if not isinstance(raw, str):
        accepted = ", ".join([*(e.value for e in enum), *also])
        raise ValueError(f"expected one of {accepted}, got {raw!r}")
    key = canonical(raw)
    key = ALIASES.get(enum, {}).get(key, key)
    try:
        return enum(key)
    except ValueError:
        pass
    choices = [e.value for e in enum] + list(also)
    near = suggest(raw, choices + list(ALIASES.get(enum, {})))
    near = ALIASES.get(enum, {}).get(near, near) if near else None
    hint = f"; did you mean '{near}'?" if near else ""
    raise ValueError(f"unknown value {raw!r}{hint} (accepted: {', '.join(choices)})")


# Aerobic minutes (WHO 2020): the modalities that count, and what a minute of each intensity
# class is worth in moderate-equivalent minutes (vigorous counts double, light not at all).
AEROBIC: tuple[Modality, ...] = (Modality.ENDURANCE, Modality.HIIT, Modality.RECOVERY)
MODERATE_EQUIVALENT: dict[str, int] = {"light": 0, "moderate": 1, "vigorous": 2}


# WHO 2020's older adults (COACHING.md §4: falls prevention from 65): the planner's own
# reading of the age the rule packs' older-adult rules fire at
OLDER_ADULT_AGE = 65

# The major muscle groups WHO 2020 and COACHING.md §2 ask to train (hamstrings and glutes as
# one), by the muscles that count for each.
MAJOR_GROUPS: dict[str, tuple[str, ...]] = {
    "chest": ("chest",),
    "back": ("back",),
    "quads": ("quads",),
    "hamstrings/glutes": ("hamstrings", "glutes"),
    "shoulders": ("shoulders",),
}
