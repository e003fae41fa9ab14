"""The exercise library and session designs (rules/library/*.yaml), validated like packs."""

# No `from __future__ import annotations` in this module: pydantic would compile and
# evaluate every field's annotation string while creating each model class, on every run.
import math
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from endoprotocol.engine.loader import (
    LIBRARY_DIR,
    RuleSet,
    _Collector,
    _pack_hash,
    read_document,
    validate_model,
)
from endoprotocol.engine.model import (
    ID_PATTERN,
    Bound,
    Forbid,
    Kebab,
    Position,
    Prescription,
    Tagname,
    Text,
    _Node,
)
from endoprotocol.errors import RulePackError
from endoprotocol.vocab import Equipment, IntensityClass, Modality, Muscle, Pattern, did_you_mean

Level = Literal["beginner", "intermediate", "advanced"]
LEVEL_ORDER: dict[str, int] = {"beginner": 0, "intermediate": 1, "advanced": 2}

# What kind of work an exercise is; the prescription follows the kind (COACHING.md §1).
Kind = Literal[
    "strength",  # a loadable or bodyweight lift done for reps or a hold
    "velocity",  # a loadable lift moved fast and controlled (velocity-intent strength)
    "ballistic",  # jumps, swings, throws, snatches, push press, muscle-ups: by effort, 3-6 reps
    "skill",  # technical bodyweight skills (pistol squat, handstand push-up)
    "drill",  # teaching or warm-up items (dowel hinge): low effort, never hard sets
    "steady-cardio",  # continuous walking, riding, rowing, swimming
    "interval-cardio",  # a modality interval protocols were tested on (bike, treadmill, ...)
    "circuit",  # conditioning moves that are no tested interval modality (thrusters, burpees)
    "balance",
    "mobility",
]
# Each pattern family allows only some kinds, so a typo in the library is a load error.
KINDS_OF_PATTERN: dict[Pattern, frozenset[str]] = {
    Pattern.CARDIO: frozenset({"steady-cardio"}),
    Pattern.INTERVALS: frozenset({"interval-cardio", "circuit"}),
    Pattern.BALANCE: frozenset({"balance"}),
    Pattern.MOBILITY: frozenset({"mobility"}),
}
LIFT_KINDS = frozenset({"strength", "velocity", "ballistic", "skill", "drill"})
# A slot whose reps reach no higher than this is a strength slot: its main lifts are ones
# that can be loaded heavy [NSCA 2015: strength work 1-6 reps].
STRENGTH_REPS = 6
# The library's marks of a lift whose hold or balance gives out before its prime movers: a
# plank held under the load (a renegade row, a weighted push-up), a split stance under it, or
# one weight in one hand while the other holds a rail. Each such lift done for reps carries a
# `min_reps` above a strength slot's few, so it is never a heavy main lift (coach review 38,
# RENEGADE-ROW-AS-HEAVY-LIFT: a renegade row at 4 x 3-6, RPE 7-8, had none)
HOLD_LIMITED_TAGS = frozenset({"loaded-plank", "loaded-split-stance", "one-hand-load"})


class ExerciseEntry(_Node):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: Text
    pattern: Pattern
    primary: list[Muscle] = Field(min_length=1)
    secondary: list[Muscle] = []
    compound: Annotated[bool, Field(strict=True)]
    equipment: list[Equipment] = Field(min_length=1)
    level: Level
    impact: Literal["none", "low", "high"]
    timed: Annotated[bool, Field(strict=True)]
    tags: list[Tagname] = []
    kind: Kind
    # whether a one-repetition maximum can sensibly be estimated, so a %1RM may be prescribed
    one_rm: Annotated[bool, Field(strict=True)] = False
    # a regression is an entry point (sit-to-stand, wall push-up): beginners' work sets only
    ladder: Literal["regression", "standard", "progression"] = "standard"
    # steady cardio: what a session of it is called ("Bike ride"), and its longest sensible bout
    session_title: Text | None = None
    # steady cardio that can reach a vigorous effort: what a vigorous session of it is called
    # ("Tempo ride"); absent for cardio that tops out at moderate (walking, marching)
    tempo_title: Text | None = None
    # steady cardio held at a light effort (an easy recovery day, a light ceiling): what the
    # exercise and its session are called then, and its cue (COACHING.md §1: a walk at RPE
    # 3-4 is an easy walk, not a brisk one); absent where the usual words fit a light effort
    light_name: Text | None = None
    light_title: Text | None = None
    light_cue: Text | None = None
    # the fewest reps a hard set of it can have: a move that cannot be loaded heavy (push-up,
    # bodyweight squat) reaches a hard effort only over more reps than a strength slot's few
    min_reps: Annotated[int | None, Field(strict=True, ge=2, le=30)] = None
    # the most reps a set of it is ever given, week 1 and every later week (a supramaximal
    # eccentric such as the Nordic hamstring curl is done for few slow reps, never to fatigue)
    max_reps: Annotated[int | None, Field(strict=True, ge=2, le=30)] = None
    # a body-weight lift that owned kit can add a little load to (a dumbbell held between the
    # feet on a chin-up or dip), and how: said in place of the slower lowering once its reps
    # reach their top, where the person owns one of `load_with` (coach review 9)
    load_with: list[Equipment] = []
    load_cue: Text | None = None
    max_minutes: Annotated[int | None, Field(strict=True, ge=5, le=180)] = None
    # steady cardio whose bout is short (`max_minutes`) but which a block may outgrow after it
    # is chosen (the lifting's trim gives the block its minutes): what the block is called
    # and how it is done past the bout (seated marching past 20 minutes is a chair-based
    # circuit, COACHING.md §1; coach review 32, SEATED-MARCHING-PAST-25-MIN)
    long_name: Text | None = None
    long_cue: Text | None = None
    # exercises (by id) this one stands in for: it is chosen only where none of them is open
    # to the person (kit, level, vetoes), so a barbell floor press serves a kit without a bench
    # or a shoulder that may not press deep, never in place of the bench press itself
    instead_of: list[Annotated[str, Field(pattern=ID_PATTERN)]] = []
    # the next rung of a body-weight lift's ladder (by id, the same pattern): what a lift with
    # no load to add moves to once its reps and its slowed lowering are used up (coach review
    # 29, BODYWEIGHT-PROGRESSION-LOOPS)
    harder: Annotated[str, Field(pattern=ID_PATTERN)] | None = None
    # a body-weight lift done with a load the person adds themselves (a backpack of books or
    # plates on a push-up): its load rises like any loaded lift's (double progression: reps
    # to the top of the range, then a little more load), so it is not in `unloaded` and never
    # held as a lift with no weight to add (coach review 31, LOADABLE-LIFT-FROZEN)
    added_load: Annotated[bool, Field(strict=True)] = False
    # a rung reached only by moving up a ladder (another entry's `harder`), never picked for
    # a slot in week 1: a step between two lifts (the pause squat between the bodyweight
    # squat and harder squats; coach review 31, BODYWEIGHT-LEAP-TO-SINGLE-LEG)
    rung_only: Annotated[bool, Field(strict=True)] = False
    # a skill move's rung below (by id, the same pattern; a strength move): what a week whose
    # lifting effort stays below a hard set (`SessionDesignFile.skill_effort`: a re-entry's
    # moderate weeks, an illness's light ones) takes in its place. Done with the body's
    # weight, a skill cannot be made lighter, so a set of 8-12 with 4-5 in reserve is a set
    # few can do as written; the move comes back up the ladder once sets may be hard (coach
    # review 41, SKILL-MOVES-UNDER-EFFORT-CAP). On a body-weight strength move (a deficit,
    # feet-elevated or weighted push-up, a single-leg squat to a chair, a rear-foot-elevated
    # split squat), the rung a week held light takes (`SessionDesignFile.rung_effort`): such a
    # rung cannot be done for its reps that far from failure either (coach review 42,
    # LIGHT-CAP-WITH-HARDEST-VARIANT)
    easier: Annotated[str, Field(pattern=ID_PATTERN)] | None = None
    cue: Text

    @model_validator(mode="after")
    def _no_overlap(self) -> Self:
        both = set(self.primary) & set(self.secondary)
        if both:
            raise ValueError(f"muscles listed as both primary and secondary: {sorted(both)}")
        return self

    @model_validator(mode="after")
    def _kind_fits(self) -> Self:
        allowed = KINDS_OF_PATTERN.get(self.pattern, LIFT_KINDS)
        if self.kind not in allowed:
            raise ValueError(
                f"kind '{self.kind}' does not fit pattern '{self.pattern.value}' "
                f"(allowed: {', '.join(sorted(allowed))})"
            )
        # the safety pack vetoes by tag, so a kind it must see carries the tag too
        for kind in ("ballistic", "skill"):
            if self.kind == kind and kind not in self.tags:
                raise ValueError(f"a {kind} exercise needs the '{kind}' tag (safety vetoes use it)")
        if "ballistic" in self.tags and self.kind in ("strength", "velocity", "drill"):
            raise ValueError(f"a ballistic-tagged exercise cannot be of kind '{self.kind}'")
        if self.one_rm and (self.kind not in ("strength", "velocity") or self.timed):
            raise ValueError("one_rm: true only for strength or velocity lifts done for reps")
        if self.one_rm and Equipment.BANDS in self.equipment:
            raise ValueError("one_rm: true cannot be estimated for a band exercise")
        if (self.session_title is not None) != (self.kind == "steady-cardio"):
            raise ValueError("session_title is required for steady cardio and only there")
        if self.tempo_title is not None and self.kind != "steady-cardio":
            raise ValueError("tempo_title is only for steady cardio")
        light = (self.light_name, self.light_title, self.light_cue)
        if any(x is not None for x in light) and self.kind != "steady-cardio":
            raise ValueError("light_name, light_title and light_cue are only for steady cardio")
        if (self.long_name is None) != (self.long_cue is None):
            raise ValueError("long_name and long_cue go together")
        if self.long_name is not None and self.max_minutes is None:
            raise ValueError("long_name and long_cue are for steady cardio with max_minutes")
        if self.min_reps is not None and (self.timed or self.kind not in ("strength", "skill")):
            raise ValueError("min_reps is only for strength or skill moves done for reps")
        limited = sorted(HOLD_LIMITED_TAGS & set(self.tags))
        if (
            limited
            and not self.timed
            and self.kind in ("strength", "skill")
            and (self.min_reps or 0) <= STRENGTH_REPS
        ):
            raise ValueError(
                f"a lift tagged {', '.join(limited)} is limited by its hold or balance: it needs "
                f"min_reps above {STRENGTH_REPS}, so it is never a heavy main lift"
            )
        if self.max_reps is not None and (self.timed or self.kind not in ("strength", "skill")):
            raise ValueError("max_reps is only for strength or skill moves done for reps")
        if (
            self.min_reps is not None
            and self.max_reps is not None
            and self.min_reps > self.max_reps
        ):
            raise ValueError("min_reps cannot be above max_reps")
        if self.easier is not None and (self.kind not in ("strength", "skill") or self.timed):
            raise ValueError(
                "easier is only for skill and strength moves done for reps (the rung a capped "
                "week takes)"
            )
        if bool(self.load_with) != (self.load_cue is not None):
            raise ValueError("load_with and load_cue go together")
        if self.load_with and (self.timed or self.kind not in ("strength", "skill")):
            raise ValueError("load_with is only for strength or skill moves done for reps")
        return self

    @property
    def work_set(self) -> bool:
        """Whether it may be a hard work set at all (drills are teaching items)."""
        return self.kind != "drill"

    def needs(self) -> set[Equipment]:
        return set(self.equipment) - {Equipment.BODYWEIGHT}


class ExerciseFile(_Node):
    exercises: list[ExerciseEntry] = Field(min_length=1)


class Slot(_Node):
    """One place in a session: a movement pattern, its role, and muscles to favour."""

    pattern: Pattern
    role: Literal["compound", "accessory"]
    prefer: list[Muscle] = []
    # exercises carrying one of these tags come first (the spine-care split's back-extensor
    # work); a muscle preference alone cannot tell a back extension from a row
    prefer_tags: list[Tagname] = []
    # the session's main lift (its first compound slot): dosed by the rules' `role: main`
    # prescriptions where one outranks the compound dose (a second goal of strength's heavy
    # sets beside a muscle goal's 6-12; coach review 37, STRENGTH-SECOND-GOAL-UNDOSED), else
    # exactly as the compound lifts
    main: bool = False

    @model_validator(mode="after")
    def _main_is_compound(self) -> Self:
        if self.main and self.role != "compound":
            raise ValueError("only a compound slot can be a session's main lift")
        return self

    @property
    def dose_role(self) -> str:
        """The role whose prescriptions dose the slot's lift: `main` for the main slot."""
        return "main" if self.main else self.role


class SplitDay(_Node):
    title: Text
    focus: Text
    muscles: list[Muscle] = Field(min_length=1)
    slots: list[Slot] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_main_lift(self) -> Self:
        if sum(slot.main for slot in self.slots) > 1:
            raise ValueError(f"'{self.title}' has more than one main slot")
        return self


class Split(_Node):
    id: Kebab
    description: Text
    days: list[SplitDay] = Field(min_length=1)
    # placed only when a rule chooses it (pregnancy's short strength session), never tried
    # as another split when the chosen one does not fit the week
    chosen_only: bool = False


class Zone(_Node):
    """An intensity class (ACSM, EVIDENCE.md §1.2): its %HRmax, RPE (0-10), %1RM and talk
    test. `steady_hr_max_pct` is the %HRmax of a continuous session in this zone where it is
    narrower than the zone (a tempo ride holds the lower part of vigorous; 88-95 % HRmax is
    interval work: coach review 12, TEMPO-HR-CEILING)."""

    hr_max_pct: Bound
    rpe: Bound
    pct_1rm: Bound
    talk_test: Text
    steady_hr_max_pct: Bound | None = None


class RestByLoad(_Node):
    """A set done below `below_pct_1rm` % of 1RM rests within `rest_seconds` at most."""

    below_pct_1rm: Annotated[float, Field(strict=True, gt=0, le=100)]
    rest_seconds: Bound

    @model_validator(mode="after")
    def _both_ends(self) -> Self:
        if self.rest_seconds.min is None or self.rest_seconds.max is None:
            raise ValueError("rest_seconds needs both ends, e.g. [60, 120]")
        return self


class RestByEffort(RestByLoad):
    """A set stopped with at least `rir_at_least` reps in reserve, at a load under
    `below_pct_1rm` % of 1RM, rests within `rest_seconds` at most (its effort, not the dose
    the rules give at full effort, sets how long it needs)."""

    rir_at_least: Annotated[int, Field(strict=True, ge=0, le=20)]


class IntensityTable(_Node):
    """Reps to load, and where a set stops being near failure (sessions.yaml `intensity_table`).

    `reps_to_pct_1rm` maps a repetition maximum (reps to failure) to its load in % of 1RM,
    decreasing as reps grow; `light_above_rir`: more reps in reserve than this is a light
    set; `max_reps`: the most reps a set is moved to when a ceiling lowers its load;
    `rest_by_load`: the longest rest a set needs for its load (ACSM 2009, NSCA 2015);
    `rest_by_effort`: the longest rest a set well short of failure needs (a moderate effort)."""

    # keys are not strict: the pack cache stores this table as JSON, whose keys are text
    reps_to_pct_1rm: dict[
        Annotated[int, Field(ge=1, le=100)],
        Annotated[float, Field(strict=True, gt=0, le=100)],
    ] = Field(min_length=2)
    light_above_rir: Annotated[int, Field(strict=True, ge=1, le=20)]
    max_reps: Annotated[int, Field(strict=True, ge=1, le=100)]
    rest_by_load: list[RestByLoad] = Field(default_factory=list)
    rest_by_effort: list[RestByEffort] = Field(default_factory=list)

    def rest_for(self, pct: float) -> Bound | None:
        """The rest range (seconds) a set done at `pct` % of 1RM needs at most: the first
        entry of `rest_by_load` whose `below_pct_1rm` the load is under, lightest first."""
        for entry in sorted(self.rest_by_load, key=lambda e: e.below_pct_1rm):
            if pct < entry.below_pct_1rm:
                return entry.rest_seconds
        return None

    def rest_for_effort(self, rir: float, pct: float) -> Bound | None:
        """The rest range (seconds) a set stopped `rir` reps short of failure at `pct` % of
        1RM needs at most: the shortest of the `rest_by_effort` entries it falls under."""
        found = [
            e.rest_seconds
            for e in self.rest_by_effort
            if rir >= e.rir_at_least and pct < e.below_pct_1rm
        ]
        return min(found, key=lambda b: b.max or 0) if found else None

    @cached_property
    def points(self) -> list[tuple[int, float]]:
        """The (reps, %1RM) points in order of reps, sorted once: read for every lifted set."""
        return sorted(self.reps_to_pct_1rm.items())

    @model_validator(mode="after")
    def _decreasing(self) -> Self:
        points = sorted(self.reps_to_pct_1rm.items())
        if points[0][1] != 100 or points[0][0] != 1:
            raise ValueError("reps_to_pct_1rm must start at 1: 100")
        for (r1, p1), (r2, p2) in pairwise(points):
            if p2 >= p1:
                raise ValueError(
                    f"reps_to_pct_1rm must fall as reps grow ({r1}: {p1:g} then {r2}: {p2:g})"
                )
        return self


class RampUp(_Node):
    """The lighter sets a lifter works up in before a heavy lift (NSCA 2015's specific
    warm-up; coach reviews 39 and 40, HEAVY-LIFTS-NO-RAMP-UP-TIME): which lifts are heavy,
    how many such sets come before them, and the time each takes. They are no work sets (no
    hard sets, never an exercise of the plan), but the session's minutes hold them."""

    # a heavy lift: prescribed this many reps or fewer, taken toward failure (it carries a
    # RIR: a ballistic move or a drill dosed by effort alone is none) at a load of
    # `pct_1rm_from` % 1RM or more at the heavy end of its range, or - where no %1RM is
    # given - RPE `rpe_from` or more
    reps_at_most: Annotated[int, Field(strict=True, ge=1, le=12)]
    pct_1rm_from: Annotated[int, Field(strict=True, ge=40, le=100)]
    rpe_from: Annotated[float, Field(ge=1, le=10)]
    # the lighter sets before the session's first heavy lift, and before the first heavy
    # lift of each other movement pattern after it (a lift of a pattern already worked up
    # to takes none)
    first_sets: Annotated[int, Field(strict=True, ge=0, le=6)]
    later_sets: Annotated[int, Field(strict=True, ge=0, le=6)]
    # one such set of a few reps with the short rest and the load change after it
    seconds_per_set: Annotated[int, Field(strict=True, ge=0, le=300)]
    # on days of this many minutes or fewer no ramp-up is timed or said: minutes of ramp-up
    # sets would leave a short day's big lifts one set each
    short_day_minutes: Annotated[int, Field(strict=True, ge=0, le=60)] = 0
    # from days longer than `short_day_minutes` up to days of this many minutes the ramp-up
    # grows with the day: each set's time is `seconds_per_set` scaled by where the day lies
    # between the two (brief sets on a 31-minute day, the whole ramp-up from this day on), so
    # one more minute a session never buys ramp-up time worth more than that minute (coach
    # review 41, ONE-MORE-MINUTE-LESS-TRAINING, seen with the ramp-up in session 32); 0
    # leaves the ramp-up whole on every longer day
    full_day_minutes: Annotated[int, Field(strict=True, ge=0, le=120)] = 0
    # nor in a session whose work sets take less than this (a short lifting block beside a
    # run or a walk on a longer day): the same reason
    least_work_seconds: Annotated[int, Field(strict=True, ge=0, le=3600)] = 0


class Timing(_Node):
    """Arithmetic constants for estimating how long a session takes."""

    seconds_per_rep: Annotated[float, Field(strict=True, gt=0, le=10)]
    seconds_between_exercises: Annotated[int, Field(strict=True, ge=0, le=300)]
    # the move from one lift of a pair to the other (both set up before the pair starts)
    seconds_within_pair: Annotated[int, Field(strict=True, ge=0, le=120)]
    min_work_minutes: dict[Modality, Annotated[int, Field(strict=True, ge=1, le=120)]]
    # the least work a walk after lifting, sized to week 1's room, keeps in a later week
    # whose lifting runs over the day (coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH)
    walk_gives_way_minutes: Annotated[int, Field(strict=True, ge=1, le=30)] = 5
    # the ramp-up sets before heavy lifts (None: a library that times none)
    ramp_up: RampUp | None = None


class ModalityDesign(_Node):
    """How a non-resistance session is built: which patterns fill it and how many."""

    patterns: list[Pattern] = Field(min_length=1)
    exercises: Annotated[int, Field(strict=True, ge=1, le=12)]


class KindPrescription(_Node):
    """How a kind of movement is dosed wherever it appears (reps, rest, effort)."""

    reps: Bound
    rest_seconds: Bound
    rpe: Bound
    note: Text


class IntervalProtocol(_Node):
    """An interval protocol, recognised by its work bouts, and the exercises it was tested on."""

    name: Text
    tested_on: Text
    work_seconds: Bound
    exercises: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(min_length=1)
    # the longest of its work bouts that is an all-out sprint, the dose of the sprint
    # studies an effect may quote (None: the protocol has no sprints)
    sprint_seconds: Annotated[int, Field(strict=True, ge=1, le=120)] | None = None


class SkillEffort(_Node):
    """The effort a skill move's sets need (`SessionDesignFile.skill_effort`): a week whose
    lifting may not reach `rpe` (its RPE ceiling below it), or must keep more than `rir` reps
    in reserve, takes each skill move's `easier` rung in its place."""

    rpe: Annotated[int, Field(strict=True, ge=1, le=10)]
    rir: Annotated[int, Field(strict=True, ge=0, le=10)]


class GapActivity(_Node):
    """Steady work an aerobic suggestion may name (`{activity}`), and the kit it needs (none:
    open to everyone)."""

    needs: Equipment | None = None
    text: Text
    # what it is called in pregnancy, where a bike is a stationary bike (None: its `text`;
    # an activity needing a bike with no such words is not named in pregnancy)
    pregnancy_text: Text | None = None


class Messages(_Node):
    """Texts the plan uses for its own warnings; `{name}` placeholders are filled in."""

    changed_by_rule: Text  # {what}, {rule}
    could_not_plan: Text  # {what}, {why}
    week_held: Text  # {intensity}, {rule}
    safety_rules_overridden: Text  # {rules}
    paired: Text  # {partner}: how a paired lift is done
    slot_needs_kit: Text  # {pattern}, {kit}: why a lifting slot stayed empty
    slot_ruled_out: Text  # {pattern}, {rules}
    slot_above_level: Text  # {pattern}
    stands_in_no_kit: Text  # {pattern}: a fallback pattern's lift, none of its own owned
    stands_in_single_joint: Text  # {pattern}: a fallback lift before single-joint moves
    stands_in_ruled_out: Text  # {pattern}, {rules}, {by}: safety rules hold the slot's pattern
    stands_in_entry_level: Text  # {pattern}: only an entry-level form of it, below the person
    # {stand_in}: a slot left empty where its stand-in would be a second push beside no pull
    # (coach review 29, NAME-PROMISES-MISSING-PULL)
    stand_in_unbalanced: Text | None = None
    # {pattern}, {rules}, {by}, {held}: safety rules hold the slot's pattern but for a
    # single-joint last resort (`instead_of`) kept back for the stand-in (coach review 30,
    # FRAIL-PREGNANT-NO-PULL: a chin-up before the wall elbow press)
    stands_in_before_last_resort: Text | None = None
    exposure_form: Text  # {changes}: a lifting session held to its smallest hard form
    # {first}, {later}, {seconds}, {reps}: work up to a session's heavy lifts in lighter sets, and
    # the time each takes in the session's minutes (`timing.ramp_up`; coach reviews 39, 40)
    ramp_up: Text | None = None
    # {seconds}, {reps}: in place of `ramp_up` on a day the ramp-up is scaled down for
    # (`timing.ramp_up.full_day_minutes`): a brief ramp-up, {seconds} before the first heavy lift
    ramp_up_short: Text | None = None
    above_slot_reps: Text  # a move with `min_reps` above its slot's reps (it cannot go heavy)
    # {changes}, {groups}: in place of `exposure_form` in a week whose day, as built, does
    # not give every major group three hard sets (no strength-day claim; coach review 12)
    exposure_form_partial: Text | None = None
    # {changes}: a short day's lifting held to its main lifts so that a walk follows it
    # (coach review 16, AEROBIC-FIRST-GOAL-CROWDED-BY-LIFTING)
    main_lifts_form: Text | None = None
    # {changes}: the same form for a first goal not built on aerobic work (general health,
    # insulin sensitivity, fat loss), taken only on a day that is no strength day anyway
    # (coach review 32, STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS); without it, `main_lifts_form`
    main_lifts_form_no_strength_day: Text | None = None
    # how an aerobic shortfall closes on the person's own days (a guideline's `{how}`;
    # coach review 12, SUGGESTION-UNFOLLOWABLE)
    gap_free_days: Text | None = None  # {activity}, {minutes}, {days}: offered days left free
    gap_room: Text | None = None  # {minutes}: spare minutes on days with sessions
    gap_new_days: Text | None = None  # {count} ("2 more days"), {activity}, {minutes}
    gap_left: Text | None = None  # {minutes}, {session}: what the week cannot hold
    # {minutes}, {session}, {light}: what the week cannot hold once its light days are kept
    gap_light_days: Text | None = None
    # {activity}, {minutes}, {where}, {full}: for a person whose plan builds up (not yet
    # active, or pregnant), the way there step by step from one short bout, never all the
    # minutes at once (coach review 17, SHORTFALL-ADVICE-SKIPS-RAMP); `{where}` is one of
    # the three places below
    gap_build_up: Text | None = None
    # the build-up's start alone, where the days hold none of the minutes (what they cannot
    # hold follows it)
    gap_build_up_start: Text | None = None
    gap_where_free: Text | None = None  # {day}: an offered day left free
    gap_where_room: Text | None = None  # after a session on a day with minutes to spare
    gap_where_new: Text | None = None  # a day the person did not offer
    # no day free, none with time to spare, none not offered that no rule keeps light
    gap_where_longer: Text | None = None
    # why an optional extra is on a day the person did not offer (coach review 20,
    # OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE): every offered day already holds a session; or
    # {days}, the offered days left free, stay light after intervals; or a rule keeps no
    # more than {days} days in a row without activity
    optional_away_full: Text | None = None
    # a tempo session with minutes past its tempo work (coach review 27): its focus
    # ({title}), and the notes that open its tempo part and its moderate part
    tempo_focus: Text | None = None
    # the focus of a tempo session that is all tempo work (a short day's session)
    tempo_whole_focus: Text | None = None
    tempo_part: Text | None = None
    tempo_easy_part: Text | None = None
    # the steady part after an interval session's rounds, where the session took a steady
    # session's day (coach review 28, INTERVALS-START-CUTS-AEROBIC)
    interval_steady_part: Text | None = None
    # a walk given to someone whose rules ask for cardio without impact, where no impact-free
    # option fits the block: how to walk (coach review 31, KNEE-PAIN-WALKS-DESPITE-POOL)
    impact_free_fallback: Text | None = None
    # the balance practice that ends an aerobic-first person's day as its cool-down (coach
    # review 28, STRESS-BACKBONE-SQUEEZED)
    practice_cools_down: Text | None = None
    optional_away_light: Text | None = None  # {days}
    # {title}, {day}: an optional extra a later week leaves out, its day's required sessions
    # having grown into its minutes (coach review 31, EXTRA-OVER-THE-DAY)
    optional_gives_way: Text | None = None
    optional_away_gap: Text | None = None  # {days}
    # a building week that would repeat the week before: its moderate steady sessions step
    # to the upper part of their effort band ({effort}), and a week with nothing left open
    # says why (coach review 40, NON-DELOAD-WEEKS-IDENTICAL; `progress.standing_weeks_step`)
    steady_effort_step: Text | None = None
    week_stands: Text | None = None
    # the first week whose effort keeps skill moves out (`skill_effort`): {changes} lists "stand-in
    # in place of skill"; and the week a skill move comes back: {changes} lists "skill in
    # place of stand-in" (coach review 41, SKILL-MOVES-UNDER-EFFORT-CAP)
    skill_steps_down: Text | None = None
    skill_returns: Text | None = None
    # the steady work `{activity}` names, in order, each only where its kit is owned
    gap_activities: list[GapActivity] = []

    @model_validator(mode="after")
    def _placeholders(self) -> Self:
        wanted = {
            "changed_by_rule": {"what", "rule"},
            "could_not_plan": {"what", "why"},
            "week_held": {"intensity", "rule"},
            "safety_rules_overridden": {"rules"},
            "paired": {"partner"},
            "slot_needs_kit": {"pattern", "kit"},
            "slot_ruled_out": {"pattern", "rules"},
            "slot_above_level": {"pattern"},
            "stands_in_no_kit": {"pattern"},
            "stands_in_single_joint": {"pattern"},
            "stands_in_ruled_out": {"pattern", "rules", "by"},
            "stands_in_entry_level": {"pattern"},
            "exposure_form": {"changes"},
            "ramp_up": {"first", "later", "seconds", "reps"},
            "ramp_up_short": {"seconds", "reps"},
            "above_slot_reps": set(),
            "exposure_form_partial": {"changes", "groups"},
            "main_lifts_form": {"changes"},
            "main_lifts_form_no_strength_day": {"changes"},
            "gap_free_days": {"activity", "minutes", "days"},
            "gap_room": {"minutes"},
            "gap_new_days": {"count", "activity", "minutes"},
            "gap_left": {"minutes", "session"},
            "gap_light_days": {"minutes", "session", "light"},
            "gap_build_up": {"activity", "minutes", "where", "full"},
            "gap_build_up_start": {"activity", "minutes", "where"},
            "gap_where_free": {"day"},
            "gap_where_room": set(),
            "gap_where_new": set(),
            "gap_where_longer": set(),
            "optional_away_full": set(),
            "tempo_focus": {"title"},
            "stand_in_unbalanced": {"stand_in"},
            "stands_in_before_last_resort": {"pattern", "rules", "by", "held"},
            "tempo_whole_focus": {"title"},
            "tempo_part": set(),
            "tempo_easy_part": set(),
            "interval_steady_part": set(),
            "impact_free_fallback": set(),
            "practice_cools_down": set(),
            "optional_away_light": {"days"},
            "optional_gives_way": {"title", "day"},
            "optional_away_gap": {"days"},
            "steady_effort_step": {"effort"},
            "week_stands": set(),
            "skill_steps_down": {"changes"},
            "skill_returns": {"changes"},
        }
        for field, names in wanted.items():
            if getattr(self, field) is None:
                continue
            used = {n for _, n, _, _ in string.Formatter().parse(getattr(self, field)) if n}
            if used != names:
                raise ValueError(
                    f"messages.{field} takes the placeholders {sorted(names)}, not {sorted(used)}"
                )
        return self


class SessionDesignFile(_Node):
    splits: list[Split] = Field(min_length=1)
    zones: dict[IntensityClass, Zone]
    # the patterns whose work a heart-rate zone describes (steady cardio, intervals); a
    # stretch or a balance hold carries an effort and a talk test, not a heart rate
    heart_rate_patterns: list[Pattern] = Field(min_length=1)
    intensity_table: IntensityTable
    timing: Timing
    designs: dict[Literal["hiit", "endurance", "recovery", "balance", "mobility"], ModalityDesign]
    disclaimer: Text
    messages: Messages
    kinds: dict[Kind, KindPrescription] = {}
    # the effort a skill move's sets need: below it, each skill move takes its `easier` rung
    # (None: skill moves are planned at any effort)
    skill_effort: SkillEffort | None = None
    # the effort a body-weight strength move with an `easier` rung needs (a deficit push-up,
    # a single-leg squat to a chair): below it - a week held light - it takes that rung
    # (coach review 42, LIGHT-CAP-WITH-HARDEST-VARIANT; None: never)
    rung_effort: SkillEffort | None = None
    interval_protocols: list[IntervalProtocol] = []
    loadability: dict[Equipment, Annotated[int, Field(strict=True, ge=0, le=10)]]
    load_measurable_from: Annotated[int, Field(strict=True, ge=0, le=10)]
    # the least loadability whose load goes up in small steps (plates, a pin, the next pair
    # of dumbbells); a lift loaded only by kit below it (a kettlebell, bands) steps a whole
    # bell or band at a time, so a load week tells it so (`coarse_load_note`; coach review
    # 24, UNREALISABLE-LOAD-STEP). 0: every loaded lift steps finely
    fine_load_from: Annotated[int, Field(strict=True, ge=0, le=10)] = 0
    # kit that lives at a venue the person travels to (a pool): the least minutes a steady
    # block there lasts when it shares its day with a session done elsewhere (coach review
    # 18, TOKEN-POOL-SESSION); a shorter block takes a walk or the person's home kit
    venue_minutes: dict[Equipment, Annotated[int, Field(strict=True, ge=1, le=120)]] = {}
    # tags that say who may do a lift, not how demanding it is: the picker's ranking leaves
    # them out of its count of a lift's caveats (coach review 12: `hands-bound` had swapped a
    # deadlift day for everyone)
    rank_neutral_tags: list[str] = []
    # tags of lifts that load their muscles little: ranked after every lift that serves the
    # slot as well otherwise (coach review 16, the counter-supported hip hinge)
    rank_last_tags: list[str] = []
    # tags of a heavy floor pull (a conventional or trap-bar deadlift), and the lifting
    # sessions of a week whose hinge slot takes one (`schedule.floor_pull_days`): the other
    # hinge slots take a lighter loaded hinge (coach review 30)
    floor_pull_tags: list[str] = []
    floor_pulls_a_week: int = 1
    # tags of lifts whose kit one hand holds (a supported one-dumbbell squat): one step less
    # loadable than the kit's `loadability`, so two-handed lifts of the same kit come first for
    # everyone they are open to (coach review 18, FALLS-HISTORY-HANDS-BOUND)
    one_hand_load_tags: list[str] = []
    # tags of lifts done on the floor (not on a bench): where a safety rule keeps floor lifts
    # apart (`floor_lifts_apart`), they are never paired with a standing lift and leave the
    # week's rotation to a lift off the floor that serves as well (coach review 25)
    floor_tags: list[str] = []
    # The pattern that stands in when every exercise of a slot's own pattern is vetoed or
    # out of reach, so the session keeps the movement family (e.g. a row for a pull-up).
    fallbacks: dict[Pattern, Pattern] = {}
    # the words of a lifting session's focus line that name a movement, and the patterns
    # whose exercises honour each: a session's focus says only those it holds (coach
    # review 29, NAME-PROMISES-MISSING-PULL)
    focus_patterns: dict[str, list[Pattern]] = {}
    # DESIGN.md v1.1: the longest an optional extra may be, by modality (0: never optional)
    optional_minutes: dict[Modality, Annotated[int, Field(strict=True, ge=0, le=180)]] = {}
    references: list[Kebab] = []

    @model_validator(mode="after")
    def _complete(self) -> Self:
        missing = {c.value for c in IntensityClass} - {z.value for z in self.zones}
        if missing:
            raise ValueError(f"zones missing: {sorted(missing)}")
        return self


@dataclass(frozen=True)
class Library:
    exercises: tuple[ExerciseEntry, ...]
    design: SessionDesignFile
    # sha256 of the library's files (sorted by name), recorded in `generator.rule_packs` so
    # that an edit to the library changes the plan's provenance, as a pack edit does.
    sha256: str = ""

    def loadability(self, entry: ExerciseEntry) -> int:
        """How finely the exercise's load can be set and progressed (library data)."""
        steps = self._loadabilities.get(entry.name)
        if steps is None or steps[0] is not entry:  # an entry from outside this library
            return self._entry_loadability(entry)
        return steps[1]

    def venue_least(self, entry: ExerciseEntry) -> int:
        """The least minutes a block of this exercise lasts beside a session done elsewhere:
        the largest `venue_minutes` of the kit it needs (0: none needs a trip)."""
        return max((self.design.venue_minutes.get(q, 0) for q in entry.equipment), default=0)

    def _entry_loadability(self, entry: ExerciseEntry) -> int:
        rank = max((self.design.loadability.get(q, 0) for q in entry.equipment), default=0)
        if rank and set(entry.tags) & set(self.design.one_hand_load_tags):
            return rank - 1
        return rank

    @cached_property
    def _loadabilities(self) -> dict[str, tuple[ExerciseEntry, int]]:
        # read per candidate by the picker's sort key, thousands of times a plan
        return {e.name: (e, self._entry_loadability(e)) for e in self.exercises}

    def needs(self) -> Mapping[str, frozenset[Equipment]]:
        """Exercise id -> the kit it needs beyond body weight; made once per library."""
        return self._needs

    @cached_property
    def _needs(self) -> dict[str, frozenset[Equipment]]:
        return {e.id: frozenset(e.needs()) for e in self.exercises}

    def primary_names(self) -> Mapping[str, frozenset[str]]:
        """Exercise id -> its primary muscles as text; made once per library (the picker
        reads it for every candidate of every slot)."""
        return self._primary_names

    @cached_property
    def _primary_names(self) -> dict[str, frozenset[str]]:
        return {e.id: frozenset(m.value for m in e.primary) for e in self.exercises}

    def safety_work(self) -> frozenset[tuple[str, str]]:
        """The lifts a safety split's day asks for by tag (the spine-care days' posture and
        back-extensor work: EVIDENCE.md, osteoporosis, "Add posture and back-extensor work"),
        as (day title, exercise name): work added to the dose, which the weekly hard-set
        ceiling neither counts nor cuts (coach review 29, OSTEO-BUILD-WEEK-CUTS-SETS). Made
        once per library (a plan builds its weeks about 20 times)."""
        return self._safety_work

    @cached_property
    def _safety_work(self) -> frozenset[tuple[str, str]]:
        return frozenset(
            (day.title, e.name)
            for split in self.design.splits
            for day in split.days
            for slot in day.slots
            if slot.prefer_tags
            for e in self.exercises
            if set(slot.prefer_tags) & set(e.tags)
        )

    def interval_protocol(self, work: Bound | None) -> IntervalProtocol | None:
        """The protocol whose work bouts contain `work`'s longest, if the library knows it."""
        if work is None or work.max is None:
            return None
        for protocol in self.design.interval_protocols:
            low, high = protocol.work_seconds.min, protocol.work_seconds.max
            if (low is None or low <= work.max) and (high is None or work.max <= high):
                return protocol
        return None

    @cached_property
    def heavy_patterns(self) -> frozenset[Pattern]:
        """The movement patterns with a lift the library lets be done heavy: a strength lift
        done for reps whose own least reps (`min_reps`) do not lift it above the ramp-up's
        heavy reps (no split-stance lunge is one: its balance gives out first). The
        scheduler times a ramp-up only before these (`timing.ramp_up`)."""
        ramp = self.design.timing.ramp_up
        most = ramp.reps_at_most if ramp is not None else STRENGTH_REPS
        return frozenset(
            e.pattern
            for e in self.exercises
            if e.kind == "strength" and not e.timed and (e.min_reps is None or e.min_reps <= most)
        )

    def most_reps(self) -> Mapping[str, float]:
        """Exercise name -> the most reps its kind is dosed at (kinds with a dose only).
        Made once per library (read-only: shared by every plan)."""
        return self._most_reps

    @cached_property
    def _most_reps(self) -> dict[str, float]:
        kinds = self.design.kinds
        most = {
            e.name: float(dose.reps.max)
            for e in self.exercises
            if (dose := kinds.get(e.kind)) is not None and dose.reps.max is not None
        }
        for name, cap in self.rep_caps().items():
            most[name] = min(most.get(name, float(cap)), float(cap))
        return most

    def rep_caps(self) -> Mapping[str, int]:
        """Exercise name -> the most reps a set of it is ever given (`max_reps`); made once
        per library (read-only)."""
        return self._rep_caps

    @cached_property
    def _rep_caps(self) -> dict[str, int]:
        return {e.name: e.max_reps for e in self.exercises if e.max_reps is not None}

    def load_cues(self, owned: Iterable[Equipment]) -> dict[str, str]:
        """Body-weight lift name -> how to add a little load with kit the person owns
        (`load_with`, `load_cue`); only lifts with no external load of their own."""
        have = set(owned)
        return {
            e.name: e.load_cue
            for e in self.exercises
            if e.load_cue is not None and have & set(e.load_with) and self.loadability(e) == 0
        }

    @cached_property
    def _unloaded(self) -> frozenset[str]:
        return frozenset(
            e.name for e in self.exercises if self.loadability(e) == 0 and not e.added_load
        )

    @cached_property
    def _coarse(self) -> frozenset[str]:
        least = self.design.fine_load_from
        return frozenset(e.name for e in self.exercises if 0 < self.loadability(e) < least)

    def coarse_loaded(self) -> frozenset[str]:
        """Names of the exercises whose kit's load only steps coarsely (their loadability
        above 0 and below `fine_load_from`: a kettlebell, bands); made once per library."""
        return self._coarse

    @cached_property
    def _added(self) -> frozenset[str]:
        return frozenset(e.name for e in self.exercises if e.added_load)

    def added_loaded(self) -> frozenset[str]:
        """Names of the exercises loaded by what the person adds themselves (`added_load`: a
        backpack on a push-up), which neither make a week's load step fine nor coarse: a
        kettlebell week with a backpack push-up still moves up a whole bell (coach review
        35, KETTLEBELL-TOLD-TO-ADD-2-PERCENT), and a body-weight week with one is no kettlebell
        or band week (coach review 36, LOAD-NOTE-NAMES-KIT-NOT-OWNED); made once per
        library."""
        return self._added

    @cached_property
    def _drills(self) -> frozenset[str]:
        return frozenset(e.name for e in self.exercises if e.kind == "drill")

    def drills(self) -> frozenset[str]:
        """Names of the teaching drills (`kind: drill`: never hard sets, COACHING.md §1);
        made once per library."""
        return self._drills

    def unloaded(self) -> frozenset[str]:
        """Names of the exercises with no external load to raise (every piece of their
        equipment has loadability 0: body weight, a bar to hang from, a bench, and no load
        the person adds themselves, `added_load`); made once per library."""
        return self._unloaded

    def split(self, split_id: str) -> Split | None:
        return next((s for s in self.design.splits if s.id == split_id), None)


def focus_items(focus: str) -> list[str]:
    """The items of a focus line: "squat, push, hinge, pull" or "pushing and pulling"."""
    items: list[str] = []
    for part in focus.split(","):
        items.extend(w.strip() for w in part.split(" and "))
    return [w for w in items if w]


def absent_focus_words(
    focus: str, held: Iterable[Pattern], vocab: Mapping[str, list[Pattern]]
) -> list[str]:
    """The focus line's movement words (`vocab`) that no pattern in `held` honours."""
    have = set(held)
    return [w for w in focus_items(focus) if w in vocab and not have & set(vocab[w])]


def held_focus(
    focus: str,
    held: Iterable[Pattern],
    vocab: Mapping[str, list[Pattern]],
    fallbacks: Mapping[Pattern, Pattern],
) -> str:
    """The focus line with only the movements `held` trains: a word none of its patterns
    honours gives way to the word of the pattern that stood in for it (a squat for a
    lunge) where no other word names that, or is dropped (coach review 29,
    NAME-PROMISES-MISSING-PULL). The line is unchanged when every word is honoured."""
    have = list(dict.fromkeys(held))
    absent = absent_focus_words(focus, have, vocab)
    if not absent:
        return focus
    items = focus_items(focus)
    named = {p for w in items if w in vocab and w not in absent for p in vocab[w]}
    kept: list[str] = []
    for w in items:
        if w not in absent:
            kept.append(w)
            continue
        stand_in = next(
            (fallbacks[p] for p in vocab[w] if p in fallbacks and fallbacks[p] in have),
            None,
        )
        if stand_in is None or stand_in in named:
            continue
        word = next((v for v, ps in vocab.items() if stand_in in ps and v not in kept), None)
        if word is not None:
            kept.append(word)
            named |= set(vocab[word])
    if not kept:
        return focus
    if len(kept) > 1 and "," not in focus and " and " in focus:
        return f"{', '.join(kept[:-1])} and {kept[-1]}"
    return ", ".join(kept)


def reps_within(low: int, high: int, cap: int | None) -> tuple[int, int]:
    """A rep range moved down to end at `cap` (an exercise's `max_reps`), keeping its width
    where it can but starting at no fewer than half the cap: 8-12 under 6 is 3-6."""
    if cap is None or high <= cap:
        return low, high
    return min(cap, max(low - (high - cap), math.ceil(cap / 2))), cap


def _at(pos: Position | None) -> tuple[int, int]:
    """A node's line and column for a diagnostic (1, 1 where it has no position)."""
    return (pos.line, pos.col) if pos else (1, 1)


def load_library(rules_dir: Path) -> Library:
    """Read and validate the exercise library and session designs; RulePackError on problems."""
    out = _Collector()
    base = rules_dir / LIBRARY_DIR
    exercises: list[ExerciseEntry] = []
    design: SessionDesignFile | None = None
    ex_path = base / "exercises.yaml"
    doc = read_document(ex_path, out)
    if doc is not None:
        parsed = validate_model(ExerciseFile, doc, ex_path, out)
        if parsed is not None:
            exercises = parsed.exercises
            seen: dict[str, ExerciseEntry] = {}
            for entry in exercises:
                for key in (f"id:{entry.id}", f"name:{entry.name.lower()}"):
                    if key in seen:
                        out.error(
                            ex_path,
                            _at(entry.pos),
                            f"exercise '{entry.id}' repeats the id or name of '{seen[key].id}'",
                            "duplicate-exercise",
                        )
                    seen[key] = entry
    design_path = base / "sessions.yaml"
    doc = read_document(design_path, out)
    if doc is not None:
        design = validate_model(SessionDesignFile, doc, design_path, out)
    if design is not None:
        kinds = {e.id: e.kind for e in exercises}
        for protocol in design.interval_protocols:
            for ex_id in protocol.exercises:
                if kinds.get(ex_id) != "interval-cardio":
                    out.error(
                        design_path,
                        _at(protocol.pos),
                        f"interval protocol '{protocol.name}': '{ex_id}' is not an "
                        "interval-cardio exercise of the library",
                        "unknown-exercise",
                    )
        patterns = {e.id: e.pattern for e in exercises}
        for entry in exercises:
            if entry.harder is not None and patterns.get(entry.harder) is not entry.pattern:
                out.error(
                    ex_path,
                    _at(entry.pos),
                    f"exercise '{entry.id}': harder names '{entry.harder}', which is not "
                    f"another {entry.pattern.value} exercise of the library",
                    "unknown-exercise",
                )
            if entry.easier is not None and (
                patterns.get(entry.easier) is not entry.pattern
                or kinds.get(entry.easier) != "strength"
            ):
                out.error(
                    ex_path,
                    _at(entry.pos),
                    f"exercise '{entry.id}': easier names '{entry.easier}', which is not "
                    f"another {entry.pattern.value} strength exercise of the library",
                    "unknown-exercise",
                )
            for ex_id in entry.instead_of:
                if ex_id not in kinds or ex_id == entry.id:
                    out.error(
                        ex_path,
                        _at(entry.pos),
                        f"exercise '{entry.id}': instead_of names '{ex_id}', which is not "
                        "another exercise of the library",
                        "unknown-exercise",
                    )
            rank = max((design.loadability.get(q, 0) for q in entry.equipment), default=0)
            if entry.one_rm and rank < design.load_measurable_from:
                out.error(
                    ex_path,
                    _at(entry.pos),
                    f"exercise '{entry.id}' has one_rm: true but its equipment's load cannot "
                    f"be measured (loadability {rank} < {design.load_measurable_from})",
                    "one-rm-not-measurable",
                )
    if out.diagnostics or design is None:
        raise RulePackError(out.diagnostics)
    digest = _pack_hash([ex_path, design_path], base)
    return Library(tuple(sorted(exercises, key=lambda e: e.id)), design, digest)


def check_rule_references(ruleset: RuleSet, library: Library) -> None:
    """Rules that name an exercise or a split the library lacks are pack errors (exit 4)."""
    out = _Collector()
    exercises = sorted(e.id for e in library.exercises)
    splits = sorted(s.id for s in library.design.splits)
    for rule in ruleset.rules:
        for action in rule.then:
            body = action.body
            name, known, code = "", exercises, ""
            if isinstance(body, Forbid) and body.exercise and body.exercise not in exercises:
                name, known, code = body.exercise, exercises, "unknown-exercise"
            elif isinstance(body, Prescription) and body.split and body.split not in splits:
                name, known, code = body.split, splits, "unknown-split"
            if not code:
                continue
            hint = did_you_mean(name, known, lead="; ")
            pos = action.pos
            where = (pos.path, (pos.line, pos.col)) if pos else ("?", (1, 1))
            kind = code.removeprefix("unknown-")
            out.error(
                where[0],
                where[1],
                f"rule '{rule.full_id}': no {kind} '{name}' in the library{hint}",
                code,
            )
    if out.diagnostics:
        raise RulePackError(out.diagnostics)
