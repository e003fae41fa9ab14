"""Fill scheduled sessions with exercises and prescribe each one from the decisions.

Selection is deterministic: candidates are filtered (pattern, equipment, level, vetoes,
the muscles the day trains) and ordered by a stable key; the n-th use of a slot in the week
takes the n-th candidate, so repeated days vary. Prescriptions come from the rules' point
values intersected with their limits; nothing here invents a number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from endoprotocol.engine.decisions import Bound, CautiousStart, Decisions, listed
from endoprotocol.plan import Exercise, Intensity, Range, Selection, Substitution
from endoprotocol.planner.library import (
    LEVEL_ORDER,
    STRENGTH_REPS,
    ExerciseEntry,
    Kind,
    KindPrescription,
    Library,
    RampUp,
    SessionDesignFile,
    Slot,
    Timing,
    Zone,
    reps_within,
)
from endoprotocol.profile import Profile
from endoprotocol.vocab import OLDER_ADULT_AGE, Equipment, IntensityClass, Modality, Pattern

ALTERNATIVES = 3


@dataclass
class Shortfall:
    """Something the rules asked for that could not be planned, and why."""

    what: str
    why: str
    rules: list[str] = field(default_factory=list)
    # for an accessory slot (its movement family's second lift), the kit the `why` names as
    # opening it, simplest first (`Picker.kits_opening`); empty for a compound slot
    kits: list[str] = field(default_factory=list)


# A lifting session trimmed to fit its minutes says what it gave up (COACHING.md §2, time is
# honest): "shorter rests", "paired sets", "fewer sets" and the names of lifts dropped.
TRIM_NOTE = "Trimmed to fit {minutes} minutes: {changes}."
TRIM_NOTE_PATTERN = re.compile(r"^Trimmed to fit (\d+) minutes: (.*)\.$")
SHORTER_RESTS = "shorter rests"


def trim_note(minutes: int, changes: str) -> str:
    """The note of a session trimmed to fit `minutes`, saying what changed."""
    return TRIM_NOTE.format(minutes=minutes, changes=changes)


def trim_changes(note: str) -> tuple[int, list[str]] | None:
    """The minutes and the changes a trim note states, or None for another note."""
    found = TRIM_NOTE_PATTERN.match(note)
    if found is None:
        return None
    return int(found.group(1)), found.group(2).split(", ")


# The movement families a split day promises (COACHING.md §2: full body keeps lower, push
# and pull; upper keeps push and pull; lower keeps squat/lunge and hinge): fine families,
# and the coarse ones a short full-body day keeps when it must lose a fine one. Isolation,
# core and carries have none.
FAMILY: dict[Pattern, tuple[str, str]] = {
    Pattern.SQUAT: ("knee", "lower"),
    Pattern.LUNGE: ("knee", "lower"),
    Pattern.HINGE: ("hip", "lower"),
    Pattern.HORIZONTAL_PUSH: ("push", "push"),
    Pattern.VERTICAL_PUSH: ("push", "push"),
    Pattern.HORIZONTAL_PULL: ("pull", "pull"),
    Pattern.VERTICAL_PULL: ("pull", "pull"),
}


# How many leading ranking keys make two candidates equally good: the n-th use of a slot in
# the week rotates only among those, so every pick is a best candidate (COACHING.md §1); a
# trained lifter's tier reaches to full range, so a second squat day is not a high-box squat
# (`rank_last_tags` hold the first key of both rankings), and to the level of a move no kit can
# load.
TIER = 7
# A beginner's key ranks level and two-sidedness before load: the tier reaches to the load, so
# a beginner's week rotates among their most loadable lifts (never a barbell row, then a towel).
BEGINNER_TIER = 7
# where a trained lifter's ranking key holds the lift's level below theirs (`Picker._key`)
TRAINED_LEVEL_AT = 8
# The longest rest of a lift whose reps were raised to its own `min_reps` (a low step-up's
# 10+ in an older adult's 8-10 slot): a moderate load's 2 minutes (EVIDENCE.md §1.4; coach
# review 42)
RAISED_REST_MAX = 120
# A strength slot's rank for a timed hold: below every move done for reps, ballistic ones too.
UNLOADABLE = 4


def skill_effort_short(
    outcome: Decisions,
    week: int,
    design: SessionDesignFile,
    role: str = "compound",
    *,
    rung: bool = False,
) -> bool:
    """Whether `week`'s lifting (for a lift of `role`) stays short of the effort a skill
    move's sets need (the library's `skill_effort`): its RPE ceiling below that RPE, or its
    reps in reserve above that RIR, by the rules' own dose, a cautious start's dose (its
    exit's effort, the dose it then holds), the week's ceiling and the block's and the week's
    limits. A skill move done with the body's weight cannot be made lighter, so such a week
    takes its `easier` rung (coach review 41, SKILL-MOVES-UNDER-EFFORT-CAP). With `rung`,
    the effort a body-weight strength move with an `easier` rung needs (the library's
    `rung_effort`: short of it is a week held light; coach review 42,
    LIGHT-CAP-WITH-HARDEST-VARIANT)."""
    need = design.rung_effort if rung else design.skill_effort
    if need is None:
        return False
    lifting = Modality.RESISTANCE.value
    rules = outcome.in_week(week)
    tops: list[float] = []
    floors: list[float] = []

    def add(rpe: Bound | None, rir: Bound | None) -> None:
        if rpe is not None and rpe.max is not None:
            tops.append(float(rpe.max))
        if rir is not None and rir.min is not None:
            floors.append(float(rir.min))

    add(outcome.resolve(lifting, role, "rpe")[0], outcome.resolve(lifting, role, "rir")[0])
    add(rules.limit(lifting, role, "rpe")[0], rules.limit(lifting, role, "rir")[0])
    found = outcome.progression.get("cautious_start")
    start = found.value if found is not None else None
    if isinstance(start, CautiousStart):
        exit_end = start.weeks + (start.exit_weeks or 0)
        if week <= start.weeks:
            add(start.rpe, start.rir)
        elif week <= exit_end and (start.exit_rpe is not None or start.exit_rir is not None):
            add(start.exit_rpe, start.exit_rir)
        elif start.then_hold is not None:
            add(start.then_hold.rpe, start.then_hold.rir)
    ceiling = rules.ceiling.value
    if ceiling == "none":
        return True
    zone = design.zones.get(IntensityClass(ceiling))
    if zone is not None and zone.rpe.max is not None:
        tops.append(float(zone.rpe.max))
    return min(tops, default=10.0) < need.rpe or max(floors, default=0.0) > need.rir


@dataclass
class Picker:
    """Chooses exercises for a person, remembering what it has used this week."""

    library: Library
    outcome: Decisions
    profile: Profile
    used: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        have = set(self.profile.equipment) | {Equipment.BODYWEIGHT}
        self.level = LEVEL_ORDER[self.profile.experience.value]
        # entry-level regressions (wall push-up, sit-to-stand) are work sets only for people
        # starting from little: not for trained lifters, nor for an active adult under 65
        # (COACHING.md §1); safety rules that leave nothing else still reach them
        self.no_regressions = self.level > 0 or (
            self.profile.currently_active and self.profile.age < OLDER_ADULT_AGE
        )
        # floor lifts are done apart where a safety rule says so (`floor_lifts_apart`: 65 and
        # over, a past fall, fragile bones, pregnancy, high blood pressure): never paired with
        # a standing lift (`SessionBuilder`), and not rotated in where a lift off the floor
        # serves the slot as well (`pick`)
        apart = self.outcome.param(Modality.RESISTANCE.value, "any", "floor_lifts_apart")
        self.floor_apart = bool(apart is not None and apart.value)
        self.floor_tags = frozenset(self.library.design.floor_tags)
        self.vetoed_pattern = self.outcome.forbidden("pattern")
        self.vetoed_tag = self.outcome.forbidden("tag")
        self.vetoed_exercise = self.outcome.forbidden("exercise")
        # a cautious start's reps: a move capped below them (`max_reps`: a Nordic curl's few
        # supramaximal lowerings) is no start for someone coming back (coach review 9)
        start = self.outcome.progression.get("cautious_start")
        least = (
            start.value.reps.min
            if start is not None and isinstance(start.value, CautiousStart)
            else None
        )
        # nor is it under a safety limit's fewest reps (low-back pain's 8: coach review 24)
        fewest, _ = self.outcome.limit(Modality.RESISTANCE.value, "any", "reps")
        if fewest is not None and fewest.min is not None:
            least = max(least or 0, fewest.min)
        needs = self.library.needs()
        self.possible = [
            e
            for e in self.library.exercises
            if needs[e.id] <= have
            and LEVEL_ORDER[e.level] <= self.level
            and not e.rung_only  # (reached only up a ladder: `harder_rungs`)
            and (least is None or e.max_reps is None or e.max_reps >= least)
        ]
        vetoes = {e.id: self.vetoes_of(e) for e in self.possible}
        self.usable = [e for e in self.possible if not vetoes[e.id]]
        # a stand-in (`instead_of`) only where what it stands in for is not open to them
        usable_ids = {e.id for e in self.usable}
        # the stand-ins held back so (the standing wall elbow press beside an open chin-up):
        # a slot of their pattern is not emptied by the rules alone, and its note says so
        self.held_back = [e for e in self.usable if usable_ids & set(e.instead_of)]
        for name in ("possible", "usable"):
            pool = getattr(self, name)
            ids = {e.id for e in pool}
            setattr(self, name, [e for e in pool if not ids & set(e.instead_of)])
        # per exercise, its primary muscles as text; per pattern, the exercises in order
        # (`candidates` reads them ~50 times a plan, for ~10 slots' pools)
        self.primary = self.library.primary_names()
        self.rank_neutral = frozenset(self.library.design.rank_neutral_tags)
        self.rank_last = frozenset(self.library.design.rank_last_tags)
        # a heavy floor pull's tags, and whether the session being built may hold one
        # (`Slotted.floor_pull`, set by the session builder)
        self.floor_pulls = frozenset(self.library.design.floor_pull_tags)
        self.floor_pull_ok: bool | None = None
        self.by_pattern: dict[tuple[Pattern, bool], list[ExerciseEntry]] = {}
        for vetoed, source in ((True, self.possible), (False, self.usable)):
            for e in source:
                self.by_pattern.setdefault((e.pattern, vetoed), []).append(e)
        self._keys: dict[tuple[str, tuple[str, ...], str, tuple[str, ...]], tuple[int, ...]] = {}
        self.substitutions: list[Substitution] = []
        self.choices: list[Selection] = []
        self.vetoes_applied = sorted({r for found in vetoes.values() for r in found})
        # a ballistic lift only where the slot's reps reach down to its own (never 8-12)
        self.ballistic_fits = {role: self._kind_fits_reps("ballistic", role) for role in ROLES}
        self.top_reps = {role: self._top_reps(role) for role in ROLES}
        # a week 1 whose effort keeps sets short of hard takes a skill move's easier rung
        # (`skill_effort_short`), by role; and the stand-ins so taken, by name, with the skill
        # move each climbs back to once sets may be hard (`progress._rungs_up`)
        self.skill_short = {
            role: skill_effort_short(self.outcome, 1, self.library.design, role) for role in ROLES
        }
        # ... and a harder body-weight rung's (`rung_effort`: a week 1 held light)
        self.rung_short = {
            role: skill_effort_short(self.outcome, 1, self.library.design, role, rung=True)
            for role in ROLES
        }
        self.stood_in: dict[str, ExerciseEntry] = {}

    def on_floor(self, e: ExerciseEntry) -> bool:
        """Whether `e` is done on the floor (the library's `floor_tags`)."""
        return bool(self.floor_tags & set(e.tags))

    def _top_reps(self, role: str) -> float | None:
        reps, _ = self.outcome.resolve(Modality.RESISTANCE.value, role, "reps")
        return None if reps is None else reps.max

    def heaviness(self, e: ExerciseEntry, role: str) -> int:
        """How well the exercise serves the slot's reps (COACHING.md §1): in a strength slot
        a lift a 1RM can be estimated for first, then other loadable lifts, then moves that
        cannot be made heavy enough for a few reps; a ballistic move only when nothing else is
        left, since a strength slot asks for heavy lifts, not for power; and a timed hold (a
        wall sit, a plank) last of all: it has no reps to take heavy, so it is no strength
        work while anything done for reps is left (coach review 11, STRENGTH-SLOT-HOLD)."""
        top = self.top_reps.get(role)
        strength = top is not None and top <= STRENGTH_REPS
        if e.timed and strength:
            return UNLOADABLE
        if e.kind == "ballistic":
            return 3
        if top is None or not strength:
            return 0
        if e.min_reps is not None and e.min_reps > top:
            return 2
        return 0 if e.one_rm else 1

    def takes_heavy(self, e: ExerciseEntry) -> bool:
        """Whether the main lift's dose can be given to `e` as prescribed: false where that
        dose is heavy (`STRENGTH_REPS` reps or fewer) and `e` cannot be taken heavy - a
        timed hold, a move dosed by its kind (a jump, a drill), or one whose `min_reps` lifts
        it above a few reps (a weight held at the chest, a loaded plank)."""
        top = self.top_reps.get("main")
        if top is None or top > STRENGTH_REPS:
            return True
        return not (
            e.timed
            or e.kind not in ("strength", "skill")
            or (e.min_reps is not None and e.min_reps > top)
        )

    def _kind_fits_reps(self, kind: Kind, role: str) -> bool:
        dose = self.library.design.kinds.get(kind)
        # the slot's whole rep range must lie within the movement's few reps: a 6-12 or 8-12
        # hypertrophy slot never gets a jump, swing or push press
        reps, _ = self.outcome.resolve(Modality.RESISTANCE.value, role, "reps")
        if dose is None or reps is None or reps.max is None or dose.reps.max is None:
            return False
        return reps.max <= dose.reps.max

    @cached_property
    def harder_rungs(self) -> dict[str, ExerciseEntry]:
        """Each body-weight lift's next rung (the library's `harder`), by the lift's name,
        where that rung is open to the person: no safety rule forbids it, their kit does it,
        it is a strength lift at most one level above theirs, and they are under 65 (older
        adults stay with their level's lifts). What a lift whose reps and slowed lowering are
        used up moves to (coach review 29, BODYWEIGHT-PROGRESSION-LOOPS). A lift already
        above the person's level has no rung: a beginner moves up once, from their own
        level's form to the next level's (an incline push-up to the floor push-up, not on to
        the deficit push-up in the same block; coach review 30, a design choice). Read once
        per picker: a block is built up to four times a plan."""
        if self.profile.age >= OLDER_ADULT_AGE:
            return {}
        have = set(self.profile.equipment) | {Equipment.BODYWEIGHT}
        ids = {e.id: e for e in self.library.exercises}
        out: dict[str, ExerciseEntry] = {}
        for e in self.library.exercises:
            rung = ids.get(e.harder) if e.harder else None
            if (
                rung is not None
                and LEVEL_ORDER[e.level] <= self.level
                and rung.kind == "strength"
                and set(rung.equipment) <= have
                and LEVEL_ORDER[rung.level] <= self.level + 1
                and not self.vetoes_of(rung)
                # a lift done standing does not move to the floor for people who keep floor
                # work apart (its pairing was made standing; coach review 25's
                # FLOOR-PRESS-PAIRED-AFTER-A-FALL, met again by the incline push-up's rung)
                and not (self.floor_apart and self.on_floor(rung) and not self.on_floor(e))
            ):
                out[e.name] = rung
        return out

    @cached_property
    def skill_stand_ins(self) -> dict[str, ExerciseEntry]:
        """Each move open to the person with an `easier` rung, by id, to that rung where it is
        open to them too (their kit, level and vetoes): what a week whose effort keeps sets
        short of what the move needs takes in its place - a skill move's below hard sets
        (coach review 41, SKILL-MOVES-UNDER-EFFORT-CAP), a harder body-weight rung's in a
        week held light (coach review 42, LIGHT-CAP-WITH-HARDEST-VARIANT)."""
        usable = {e.id: e for e in self.usable}
        return {
            e.id: usable[e.easier]
            for e in self.usable
            if e.easier is not None and e.easier in usable
        }

    def _above(self, e: ExerciseEntry) -> set[str]:
        """The ids whose `easier` ladder leads down to `e` (a stand-in's alternatives are
        easier than it, never a harder rung it stands in for)."""
        out: set[str] = set()
        for start in self.skill_stand_ins:
            at, seen = start, {start}
            while at in self.skill_stand_ins:
                at = self.skill_stand_ins[at].id
                if at == e.id:
                    out.add(start)
                    break
                if at in seen:
                    break
                seen.add(at)
        return out

    def _needs_stand_in(self, e: ExerciseEntry) -> bool:
        """Whether `e` is a harder body-weight rung (not a skill move) in a week 1 short of
        its effort (`rung_short`), with an easier rung open to the person."""
        role = "compound" if e.compound else "accessory"
        return e.kind != "skill" and e.id in self.skill_stand_ins and self.rung_short[role]

    def stand_in_for(self, e: ExerciseEntry, taken: set[str]) -> ExerciseEntry | None:
        """The rung a week 1 short of `e`'s effort takes in its place (`skill_stand_ins`),
        down its `easier` ladder while each rung is still short of its own effort (a pistol
        squat in a light week: the chair squat, then the body-weight squat); None where `e`
        needs no stand-in. A rung already in the session is not taken."""
        role = "compound" if e.compound else "accessory"
        found: ExerciseEntry | None = None
        at = e
        while True:
            short = self.skill_short if at.kind == "skill" else self.rung_short
            below = self.skill_stand_ins.get(at.id)
            if below is None or not short[role] or below.id in taken or below.id == e.id:
                return found
            found = at = below

    def vetoes_of(self, e: ExerciseEntry) -> list[str]:
        """The rules that forbid this exercise (by id, tag or pattern); empty when allowed."""
        found = [self.vetoed_exercise.get(e.id), self.vetoed_pattern.get(e.pattern.value)]
        found += [self.vetoed_tag.get(t) for t in e.tags]
        return sorted({r for r in found if r})

    def kits_opening(self, pattern: Pattern, muscles: set[str]) -> list[str]:
        """The kit that would open an exercise of `pattern` (training only `muscles`) the
        rules allow at the person's level, as `why_not` names it: at most three items, the
        simplest first by the library's `loadability`, then those opening the most."""
        opens: dict[str, int] = {}
        for e in self.library.exercises:
            if (
                e.pattern is pattern
                and e.kind != "drill"
                and self.primary[e.id] <= muscles
                and LEVEL_ORDER[e.level] <= self.level
                and not self.vetoes_of(e)
                and len(e.needs()) == 1
            ):
                kit = next(iter(e.needs())).value
                opens[kit] = opens.get(kit, 0) + 1
        light = self.library.design.loadability
        return sorted(opens, key=lambda k: (light.get(Equipment(k), 0), -opens[k], k))[:3]

    def kit_loads_instead(self, kit: str, name: str) -> bool:
        """Whether `kit`, added to what the person owns, opens a loaded lift of the pattern of
        the body-weight lift `name` that the rules allow at their level: with that kit the
        lift's own slot takes a load, and a session held to one lift of its movement family
        keeps that one (coach review 42: the band chest press a frail 85-year-old gains with
        bands holds the push family, so the band shoulder press bands also open is trimmed)."""
        entry = next((e for e in self.library.exercises if e.name == name), None)
        if entry is None or name not in self.library.unloaded():
            return False
        have = set(self.profile.equipment) | {Equipment.BODYWEIGHT, Equipment(kit)}
        return any(
            e.pattern is entry.pattern
            and e.kind == "strength"
            and Equipment(kit) in e.equipment
            and set(e.equipment) <= have
            and LEVEL_ORDER[e.level] <= self.level
            and not e.rung_only
            and not self.vetoes_of(e)
            and self.library.loadability(e) > 0
            for e in self.library.exercises
        )

    def why_not(self, pattern: Pattern, muscles: set[str]) -> str:
        """Why no exercise of `pattern` (training only `muscles`) could fill a slot, as the
        plan says it: the kit that would open one the rules allow (`kits_opening`), else the
        rules that forbid every one at the person's level, else that every one is above that
        level."""
        words = self.library.design.messages
        at_level = [
            e
            for e in self.library.exercises
            if e.pattern is pattern
            and e.kind != "drill"
            and self.primary[e.id] <= muscles
            and LEVEL_ORDER[e.level] <= self.level
        ]
        kits = self.kits_opening(pattern, muscles)
        if kits:
            # the simplest kit first (the library's loadability: bands before a barbell)
            return words.slot_needs_kit.format(pattern=pattern.value, kit=listed(kits, "or"))
        rules = sorted({r for e in at_level for r in self.vetoes_of(e)})
        if rules:
            return words.slot_ruled_out.format(pattern=pattern.value, rules=", ".join(rules))
        return words.slot_above_level.format(pattern=pattern.value)

    def fits(self, e: ExerciseEntry, role: str, *, drills: bool, regressions: bool = False) -> bool:
        """Whether the exercise may fill a work slot for this person (COACHING.md §1)."""
        if (e.kind == "drill") != drills:
            return False  # drills only when nothing else is left, and then only drills
        if self.no_regressions and e.ladder == "regression" and not regressions:
            return False  # trained or active adults never get entry-level regressions
        return e.kind != "ballistic" or self.ballistic_fits.get(role, False)

    def key(
        self, e: ExerciseEntry, prefer: list[str], role: str, tags: list[str] | None = None
    ) -> tuple[int, ...]:
        """The ranking: tags and muscles the slot prefers, the role, how heavy the lift can be
        for the slot's reps, then level or loadability (remembered: it depends only on its
        arguments and the person)."""
        remembered = (e.id, tuple(prefer), role, tuple(tags or ()))
        found = self._keys.get(remembered)
        if found is None:
            found = self._keys[remembered] = self._key(e, prefer, role, tags)
        return found

    def _key(
        self, e: ExerciseEntry, prefer: list[str], role: str, tags: list[str] | None
    ) -> tuple[int, ...]:
        primary = self.primary[e.id]
        preferred = 0 if not prefer or primary & set(prefer) else 1
        if tags:
            preferred = 0 if set(tags) & set(e.tags) else 1 + preferred
        fits_role = 0 if (role != "accessory") == e.compound else 1
        heavy = self.heaviness(e, role)
        level_gap = self.level - LEVEL_ORDER[e.level]  # the person's own level first
        load = -self.library.loadability(e)
        unilateral = 1 if "unilateral" in e.tags else 0
        last = 1 if self.rank_last & set(e.tags) else 0
        if self.level == 0:
            # a beginner's own level first, then stable lifts before ones where balance or a
            # slip decides the set (a squat before a split squat; a one-arm row braced on a
            # bench before a towel row leaning back from a door: coach review 10), then the
            # most loadable kit they own (a barbell box squat before a wall sit)
            unstable = (
                2
                if "fall-risk" in e.tags
                else int(bool(unilateral) and e.pattern in STANCE_PATTERNS)
            )
            return (
                last,
                preferred,
                fits_role,
                heavy,
                level_gap,
                unstable,
                load,
                len(set(e.tags) - self.rank_neutral),
            )
        # a lift loaded by a share of its 1RM suits every level (its load, not its form, sets
        # how hard it is): a trained lifter's barbell RDL is not a step down; and of two lifts
        # as loadable, the full-range one (a goblet squat before a squat to a high box)
        own_level = 0 if e.one_rm else level_gap
        partial = 1 if "partial-range" in e.tags else 0
        if partial and heavy == 1:
            # ... and in a strength slot a short range is no heavier a squat than a full one
            # taken over the reps it holds: a goblet squat at 8+ before a squat to a high box
            # at 3-6 (coach review 34, PARTIAL-BOX-SQUAT-AS-ADVANCED-MAIN-SQUAT); a painful
            # knee's box squat still comes before a timed hold
            heavy = 2
        # a move no kit can load is made harder only by its form: among them the person's own
        # level comes before two-sidedness, inside the rotation's tier (an advanced lifter with
        # body weight alone squats on one leg, never an air squat; coach review 16,
        # ADVANCED-GETS-BEGINNER-REGRESSIONS); and at one level, a harder rung of its ladder
        # (`progression`: a weighted or deficit push-up) before the level's standard move (the
        # push-up, an intermediate lift since coach review 30, BEGINNER-GETS-FULL-PUSH-UP)
        rung = 0 if e.ladder == "progression" else 1
        form_level = 2 * own_level + rung if load == 0 else 0
        return (
            last,
            preferred,
            fits_role,
            heavy,
            load,
            partial,
            form_level,
            unilateral,
            own_level,
            len(set(e.tags) - self.rank_neutral),
        )

    def candidates(
        self,
        pattern: Pattern,
        muscles: set[str],
        prefer: list[str],
        role: str,
        *,
        with_vetoed: bool = False,
        drills: bool = False,
        tags: list[str] | None = None,
        regressions: bool = True,
    ) -> list[ExerciseEntry]:
        """The exercises that may fill a slot of this pattern, best first. With
        `regressions=False` a trained person's empty pool stays empty (a stand-in for another
        pattern is never an entry-level regression)."""
        source = self.by_pattern.get((pattern, with_vetoed), [])
        pool = [
            e for e in source if self.primary[e.id] <= muscles and self.fits(e, role, drills=drills)
        ]
        if not pool and self.no_regressions and regressions:
            # a regression keeps the pattern the day promises (COACHING.md §2) when safety
            # rules leave a trained person nothing else (a frail 85-year-old's wall push-up)
            pool = [
                e
                for e in source
                if self.primary[e.id] <= muscles
                and self.fits(e, role, drills=drills, regressions=True)
            ]
            # ... and then only the most demanding one (the most muscles it works: an
            # incline push-up, not also a wall push-up on the next day; coach review 5,
            # TRAINED-REGRESSION): a trained lifter repeats it rather than stepping down
            pool.sort(key=lambda e: (self.key(e, prefer, role, tags), -len(e.secondary), e.id))
            return pool[:1]
        pool.sort(key=lambda e: e.id)
        return sorted(pool, key=lambda e: self.key(e, prefer, role, tags))

    def pick(
        self,
        slot_key: str,
        pool: list[ExerciseEntry],
        taken: set[str],
        unvetoed: list[ExerciseEntry] | None = None,
        *,
        rank: tuple[list[str], str] | None = None,
        tier: Callable[[ExerciseEntry], tuple[object, ...]] | None = None,
        tags: list[str] | None = None,
    ) -> tuple[ExerciseEntry, list[str]] | None:
        """The slot's next exercise and its alternatives. With `unvetoed` (the same slot's
        candidates before vetoes), a pick that stands in for a vetoed first choice is recorded
        as a substitution, with the vetoing rules. With `rank` (the slot's preferred muscles
        and role), the week rotates only among the equally good best candidates."""
        free = [e for e in pool if e.id not in taken]
        if not free:
            return None
        # a session kept from a heavy floor pull (`schedule.floor_pull_days`): the lifts it
        # takes instead, where a loaded one is open (a Romanian deadlift, a good morning;
        # coach review 30); with a trap bar as the only load, the trap-bar deadlift stays the
        # session's loaded lower-body lift (`beginner-kit-unused`)
        lighter: list[ExerciseEntry] | None = None
        measurable = self.library.design.load_measurable_from
        if self.floor_pull_ok is False and any(self.floor_pulls & set(e.tags) for e in free):
            lighter = [e for e in free if not self.floor_pulls & set(e.tags)]
            if not any(self.library.loadability(e) >= measurable for e in lighter):
                lighter = None
        turn = self.used.get(slot_key, 0)
        self.used[slot_key] = turn + 1
        if rank is not None:
            prefer, role = rank
            depth = TIER if self.level > 0 else BEGINNER_TIER
            tier = lambda e: self.key(e, prefer, role, tags)[:depth]  # noqa: E731
        best = [e for e in free if tier is None or tier(e) == tier(free[0])]
        if rank is not None and self.level > 0 and len(best) > 1:
            # a trained lifter rotates among the tier's lifts nearest their own level: a
            # beginner's band chest press does not take turns with a banded push-up (a lift
            # loaded by a share of its 1RM counts as every level; coach review 24)
            prefer, role = rank
            gap = {e.id: self.key(e, prefer, role, tags)[TRAINED_LEVEL_AT] for e in best}
            nearest = min(gap.values())
            best = [e for e in best if gap[e.id] == nearest]
        if self.floor_apart and any(not self.on_floor(e) for e in best):
            # a lift done on the floor only where nothing off the floor serves as well: on a
            # short day it cannot pair (coach review 25)
            best = [e for e in best if not self.on_floor(e)]
        if self.profile.age < OLDER_ADULT_AGE and any(e.ladder != "regression" for e in best):
            # one rung of a ladder a week: an adult under 65 who does push-ups does no wall
            # push-ups on another day (those stay the alternative for a set they cannot yet
            # do; COACHING.md §1: regressions come first, not in rotation after the harder
            # version; coach review 24, REGRESSION-IN-ROTATION)
            best = [e for e in best if e.ladder != "regression"]
        elif self.profile.age < OLDER_ADULT_AGE and len(best) > 1:
            # ... and where only entry-level forms are left (a beginner's press: the full
            # push-up is an intermediate lift), the most demanding of them (the most muscles
            # it works: the incline push-up, whose height sets how hard it is), every day,
            # not a wall push-up on the next (coach review 30, BEGINNER-GETS-FULL-PUSH-UP)
            most = max(len(e.secondary) for e in best)
            best = [e for e in best if len(e.secondary) == most]
        if self.floor_pull_ok and any(self.floor_pulls & set(e.tags) for e in best):
            # the session that may hold a heavy floor pull takes it where it is among the best
            best = [e for e in best if self.floor_pulls & set(e.tags)]
        chosen = best[turn % len(best)]
        skill = None
        stand_in = self.stand_in_for(chosen, taken)
        if stand_in is None and self._needs_stand_in(chosen):
            # a harder rung whose easier one is already in the session (a pregnant woman's
            # upper day holding the push-up): the best pick that needs no stand-in instead
            # (coach review 42); none left: the slot stays empty, as one with nothing free
            fits = [e for e in free if e.id != chosen.id and not self._needs_stand_in(e)]
            if not fits:
                return None
            chosen = fits[0]
        if (
            stand_in is not None
            and chosen.kind != "skill"
            and stand_in.name in self.library.unloaded()
        ):
            # ... a harder rung's easier one that no load can be added to (not a skill move's,
            # which climbs back: coach review 41): the slot's best pick that needs no
            # stand-in and takes a load instead, where one is open - a load can be set to
            # the week's effort, the body's weight cannot, and the block's loads then build
            # on it (an osteoporotic 65-year-old's light weeks: a band chest press, not
            # push-ups; coach review 42 beside FALLER-NO-LOADABLE-HORIZONTAL-PRESS)
            loaded = [
                e
                for e in free
                if e.id != chosen.id
                and not self._needs_stand_in(e)
                and e.name not in self.library.unloaded()
            ]
            if loaded:
                chosen, stand_in = loaded[0], None
        if stand_in is not None:
            # a week 1 whose effort keeps sets short of what the move needs: its rung below,
            # which climbs back to it once they may be (coach reviews 41 and 42)
            skill, chosen = chosen, stand_in
            self.stood_in.setdefault(chosen.name, skill)
        if lighter is not None:
            # ... and one kept from it takes, on the turn that would have given it one, the
            # best lift without one: the next of its tier (a Romanian deadlift), else the
            # best of the rest (the rotation's other turns are as they were)
            kept = [e for e in best if not self.floor_pulls & set(e.tags)] or [
                e for e in lighter if tier is None or tier(e) == tier(lighter[0])
            ]
            if self.floor_pulls & set(chosen.tags):
                chosen = kept[turn % len(kept)]
            free, best = lighter, kept
        # a pick whose `min_reps` lifts its sets above a few heavy reps (a pistol squat: 8+)
        # takes no ballistic alternative, whose reps are few and fast (coach review 18: a squat
        # jump offered for a pistol squat done 8-12 times)
        many_reps = (chosen.min_reps or 0) > STRENGTH_REPS
        # (a stand-in's alternatives are easier than it, never the skill move it stands in for)
        others = [
            e.name
            for e in free
            if e.id != chosen.id
            and not (many_reps and e.kind == "ballistic")
            and not (skill is not None and (e.kind == "skill" or e.id in self._above(chosen)))
        ][:ALTERNATIVES]
        self.choices.append(
            Selection(
                slot=slot_key,
                chosen=chosen.name,
                reason=(
                    self._reason(chosen, best, rank)
                    if skill is None
                    else f"the rung below {skill.name} "
                    f"({', '.join(q.value for q in chosen.equipment)}), while the week's "
                    "effort keeps sets short of hard"
                )
                + ("; the week's heavy floor pull is on another day" if lighter else ""),
            )
        )
        would = [e for e in unvetoed or [] if e.id not in taken]
        # the lift the slot would have taken: the turn's pick among the best the vetoes
        # removed, not the turn's place in the whole list (a kickback ranked last is never
        # what an overhead extension's veto left the slot)
        would = [e for e in would if tier is None or tier(e) == tier(would[0])]
        if would:
            first = would[turn % len(would)]
            rules = self.vetoes_of(first)
            if first.id != chosen.id and rules:
                self.substitutions.append(
                    Substitution(replaced=first.name, by=chosen.name, rules=rules)
                )
        return chosen, others

    def _reason(
        self, e: ExerciseEntry, tier: list[ExerciseEntry], rank: tuple[list[str], str] | None
    ) -> str:
        parts: list[str] = []
        if rank is not None:
            prefer, role = rank
            hit = sorted({m.value for m in e.primary} & set(prefer))
            if hit:
                parts.append(f"trains {', '.join(hit)} as the slot asks")
            if (role != "accessory") == e.compound:
                parts.append("compound" if e.compound else "single-joint")
        kit = ", ".join(q.value for q in e.equipment)
        if e.pattern in (Pattern.CARDIO, Pattern.INTERVALS):
            parts.append(f"done on what you own ({kit})")
        elif self.level == 0:
            parts.append(f"a {e.level} exercise ({kit})")
        elif self.library.loadability(e) == 0 and not e.one_rm:
            # no kit loads it: its form is what makes it hard enough (session 14)
            parts.append(f"the hardest form at your level that needs no load ({kit})")
        else:
            parts.append(f"the most loadable kit you own for it ({kit})")
        if len(tier) > 1:
            parts.append(f"rotates across the week among {len(tier)} equally good options")
        return "; ".join(parts)


# the roles a slot's lift is dosed and ranked by (`Slot.dose_role`): a main lift is a
# compound lift whose reps may be its own (a second goal of strength's heavy sets)
ROLES = ("compound", "accessory", "main")
# patterns done standing on the legs, where a one-sided version is a balance task (a split
# squat, a single-leg deadlift, a suitcase carry); a one-arm row or press is not
STANCE_PATTERNS = frozenset({Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE, Pattern.CARRY})


def overlap(a: Bound | None, b: Bound) -> Bound | None:
    """The intersection of two closed ranges, or None when they do not meet."""
    if a is None or a.min is None or a.max is None or b.min is None or b.max is None:
        return None
    low, high = max(a.min, b.min), min(a.max, b.max)
    return Bound.model_construct(min=low, max=high) if low <= high else None


def _range(bound: Bound | None) -> Range | None:
    if bound is None or bound.min is None or bound.max is None:
        return None
    return Range.of(bound.min, bound.max)


def zone_intensity(zone: Zone) -> Intensity:
    return Intensity(
        hr_max_pct=_range(zone.hr_max_pct), rpe=_range(zone.rpe), talk_test=zone.talk_test
    )


def lift_intensity(
    outcome: Decisions,
    role: str,
    zone: Zone,
    entry: ExerciseEntry,
    *,
    measurable_load: bool,
    cap_load: bool = False,
) -> tuple[Intensity, list[str]]:
    """RPE/RIR/%1RM for lifting, never above the session's zone (RPE ~ 10 - RIR).

    %1RM only where a load can be measured; holds and carries get an effort rating only.
    """
    rules: list[str] = []
    found: dict[str, Range | None] = {}
    names = ["rpe"] if entry.timed else ["rpe", "rir"]
    if not entry.timed and measurable_load:
        names.append("pct_1rm")
    for name in names:
        bound, ids = outcome.resolve("resistance", role, name)
        rules += ids
        found[name] = _range(bound)
    top = zone.rpe.max if zone.rpe.max is not None else 10
    rpe, rir, pct = found.get("rpe"), found.get("rir"), found.get("pct_1rm")
    if rpe is not None and rpe.max > top:
        rpe = Range.of(min(rpe.min, top), top)
    heaviest = zone.pct_1rm.max
    # a session lowered to a lighter zone lowers its loads too
    if cap_load and pct is not None and heaviest is not None and pct.max > heaviest:
        pct = Range.of(min(pct.min, heaviest), heaviest)
    if rir is not None and 10 - rir.min > top:
        floor = 10 - top
        rir = Range.of(max(rir.min, floor), max(rir.max, floor))
    return Intensity(rpe=rpe, rir=rir, pct_1rm=pct), rules


def kind_intensity(zone: Zone, dose: KindPrescription) -> Intensity:
    """Effort alone for a movement dosed by its kind: never a %1RM, never above the zone."""
    top = zone.rpe.max if zone.rpe.max is not None else 10
    low, high = dose.rpe.min or 0, dose.rpe.max or top
    return Intensity(rpe=Range.of(min(low, top), min(high, top)))


def midpoint(r: Range | None, default: float = 0) -> float:
    return default if r is None else (r.min + r.max) / 2


def exercise_seconds(ex: Exercise, seconds_per_rep: float, transition: int) -> float:
    """Estimated time of one exercise: work and rest for every set, then the move on."""
    work = _set_work(ex, seconds_per_rep)
    rest = midpoint(ex.rest_seconds)
    return ex.sets * work + max(ex.sets - 1, 0) * rest + transition


def _set_work(ex: Exercise, seconds_per_rep: float) -> float:
    return midpoint(ex.reps) * seconds_per_rep if ex.reps else midpoint(ex.work_seconds)


def pair_seconds(a: Exercise, b: Exercise, timing: Timing) -> float:
    """Estimated time of two lifts done as a pair (COACHING.md §2): rounds of one set of each
    with the move between them (`seconds_within_pair`), then the rest once, the longer of the
    two, so each lift still gets at least its own rest between its sets; one move on."""
    work = a.sets * _set_work(a, timing.seconds_per_rep) + b.sets * _set_work(
        b, timing.seconds_per_rep
    )
    rest = max(midpoint(a.rest_seconds), midpoint(b.rest_seconds))
    rounds = max(a.sets, b.sets)
    switches = min(a.sets, b.sets) * timing.seconds_within_pair
    return work + (rounds - 1) * rest + switches + timing.seconds_between_exercises


def is_heavy_lift(ex: Exercise, ramp: RampUp) -> bool:
    """Whether `ex` is a heavy lift as the library's `timing.ramp_up` says (`heavy_dose`)."""
    i = ex.intensity
    return heavy_dose(ex.reps, i.rir, i.rpe, i.pct_1rm, ramp)


def heavy_dose(
    reps: Range | None,
    rir: Range | None,
    rpe: Range | None,
    pct_1rm: Range | None,
    ramp: RampUp,
) -> bool:
    """Whether a lift dosed so is heavy as the library's `timing.ramp_up` says (NSCA 2015's
    strength work): few reps (`reps_at_most` at the top of its range), taken toward failure
    (a RIR given; a ballistic move or a drill, dosed by effort alone, is none) at a heavy
    load all through its range - its %1RM from `pct_1rm_from` up where one is given, else
    its RPE from `rpe_from` up. (A deload's fewer reps at the loads of a climbing exit's
    5-8 at 70-83 % is no heavier than that week was: 4-6 at 70-83 % and RPE 5-7 is not.)"""
    if reps is None or reps.max > ramp.reps_at_most or rir is None:
        return False
    if pct_1rm is not None:
        return pct_1rm.min >= ramp.pct_1rm_from
    return rpe is not None and rpe.min >= ramp.rpe_from


def role_heavy(outcome: Decisions, role: str, ramp: RampUp) -> bool:
    """Whether the rules dose a lifting role heavy (`heavy_dose` on the reps, RIR, RPE and
    %1RM they resolve to for it, every limit in force narrowing them)."""

    def bound(name: str) -> Range | None:
        found, _rules = outcome.resolve(Modality.RESISTANCE.value, role, name)
        if found is None or found.min is None:
            return None
        return Range.of(found.min, found.max if found.max is not None else found.min)

    return heavy_dose(bound("reps"), bound("rir"), bound("rpe"), bound("pct_1rm"), ramp)


def ramp_up_count(heavy: Iterable[Pattern], ramp: RampUp) -> int:
    """The lighter sets heavy lifts of these movement patterns, in session order, are worked
    up to in (coach reviews 39 and 40, HEAVY-LIFTS-NO-RAMP-UP-TIME): `first_sets` before the
    first and `later_sets` before the first of each other pattern; a heavy lift of a pattern
    already worked up to takes none."""
    patterns = list(dict.fromkeys(heavy))
    if not patterns:
        return 0
    return ramp.first_sets + ramp.later_sets * (len(patterns) - 1)


def ramp_up_sets(exercises: Sequence[Exercise], ramp: RampUp | None) -> int:
    """The ramp-up sets before a session's heavy lifts (`is_heavy_lift`, `ramp_up_count`)."""
    if ramp is None:
        return 0
    return ramp_up_count((e.pattern for e in exercises if is_heavy_lift(e, ramp)), ramp)


def ramp_up_seconds(exercises: Sequence[Exercise], timing: Timing) -> float:
    """The time of a session's ramp-up sets (`ramp_up_sets`): none in a short lifting
    session, whose work sets take less than the ramp-up's `least_work_seconds` (a ramp-up
    there would leave its big lifts one set each)."""
    ramp = timing.ramp_up
    if ramp is None:
        return 0.0
    sets = ramp_up_sets(exercises, ramp)
    if not sets or sets_seconds(exercises, timing) < ramp.least_work_seconds:
        return 0.0
    return float(sets * ramp.seconds_per_set)


def session_seconds(exercises: Sequence[Exercise], timing: Timing) -> float:
    """Estimated time of a session's exercises: their sets (`sets_seconds`) and the
    ramp-up sets before its heavy lifts (`ramp_up_seconds`; COACHING.md §2, time is honest:
    a session's minutes hold them)."""
    return sets_seconds(exercises, timing) + ramp_up_seconds(exercises, timing)


def sets_seconds(exercises: Sequence[Exercise], timing: Timing) -> float:
    """Estimated time of a session's work sets: each exercise in straight sets
    (`exercise_seconds`), except two that name each other in `paired_with`, timed as a pair."""
    by_name = {e.name: e for e in exercises}
    total = 0.0
    # (by name for pairs; a tempo session's two parts may share one exercise's name, and
    # each part is timed: coach review 27)
    timed: set[str] = set()
    for e in exercises:
        if e.paired_with and e.name in timed:
            continue
        timed.add(e.name)
        partner = by_name.get(e.paired_with) if e.paired_with else None
        if partner is not None and partner.paired_with == e.name and partner.name not in timed:
            timed.add(partner.name)
            total += pair_seconds(e, partner, timing)
        else:
            total += exercise_seconds(e, timing.seconds_per_rep, timing.seconds_between_exercises)
    return total


def competes(a: Exercise, b: Exercise) -> bool:
    """Whether two lifts compete, so they may not be paired (COACHING.md §2 pairs a push with a
    pull, or upper with lower): the same movement pattern, or a muscle one trains as a primary
    muscle that the other trains at all (a front squat's glutes in a deadlift, a squat's
    braced trunk in a dead bug); muscles both only assist are no conflict."""
    first, second = set(a.muscles), set(b.muscles)
    return (
        a.pattern is b.pattern
        or bool(first & (second | set(b.secondary_muscles)))
        or bool(second & set(a.secondary_muscles))
    )


def build_exercise(
    entry: ExerciseEntry,
    modality: str,
    role: str,
    intensity: Intensity,
    rules: list[str],
    outcome: Decisions,
    alternatives: list[str],
    notes: list[str],
    above_slot_reps: str,
    dose: KindPrescription | None = None,
    *,
    most_reps: int,
) -> tuple[Exercise | None, list[str]]:
    """Prescribe one exercise from the decisions; None (and why) when a needed value is missing.
    `above_slot_reps` is the note a move gets when its `min_reps` lifts it above the slot's
    reps (`messages.above_slot_reps`); `most_reps` is the most reps a range raised to a
    move's `min_reps` reaches where that leaves a range (the intensity table's `max_reps`)."""
    used: list[str] = list(rules)
    sets_b, ids = outcome.resolve(modality, role, "sets")
    used += ids
    rest_b, ids = outcome.resolve(modality, role, "rest_seconds")
    used += ids
    if entry.timed:
        work_b, ids = outcome.resolve(modality, role, "work_seconds")
        used += ids
        reps_b = None
        if work_b is None:
            return None, [f"no rule sets work_seconds for {modality} ({role})"]
    else:
        reps_b, ids = outcome.resolve(modality, role, "reps")
        used += ids
        work_b = None
        if reps_b is None:
            return None, [f"no rule sets reps for {modality} ({role})"]
    if sets_b is None or sets_b.min is None:
        return None, [f"no rule sets sets for {modality} ({role})"]
    if dose is not None and not entry.timed:
        # the movement's own dose: a ballistic move keeps the slot's reps where they meet its
        # few fast ones; a drill is a teaching item whatever the slot asks
        reps_b = (overlap(reps_b, dose.reps) if entry.kind == "ballistic" else None) or dose.reps
        # full rest: the longer of the slot's and the movement's own
        rest_b = Bound.model_construct(
            min=max(rest_b.min or 0, dose.rest_seconds.min or 0)
            if rest_b
            else dose.rest_seconds.min,
            max=max(rest_b.max or 0, dose.rest_seconds.max or 0)
            if rest_b
            else dose.rest_seconds.max,
        )
        notes = [*notes, dose.note]
    if entry.min_reps is not None and reps_b is not None and (reps_b.max or 0) < entry.min_reps:
        # a move that cannot be loaded heavy is done for reps it can be taken hard over; the
        # note says so only where the slot's reps are few and heavy (1-6; a slot of 6-8 is
        # not "few heavy ones"), and the week as held keeps it only while that is true
        # (`weekly.true_rep_notes`)
        if (reps_b.max or 0) <= STRENGTH_REPS:
            notes = [*notes, above_slot_reps]
        # (at most the intensity table's 15 where that leaves a range: coach review 42)
        most = max(min(entry.min_reps + 4, most_reps), entry.min_reps + 2)
        reps_b = Bound.model_construct(min=entry.min_reps, max=most)
    elif entry.min_reps is not None and reps_b is not None and (reps_b.min or 0) < entry.min_reps:
        # ... and a slot whose range starts below the move's fewest reps starts at them, up
        # to the slot's top where that leaves a range of 2 or more (a low step-up, 10+, in
        # an 8-12 slot: 10-12), else as wide as the slot's (a body-weight squat, 12+, in an
        # 8-12 slot: 12-15), never 8 (coach review 42, REP-RANGE-BELOW-OWN-MIN-REPS: 8
        # squats at RPE 7-8 is a set few can stop at)
        top = reps_b.max or 0
        width = top - (reps_b.min or 0)
        high = top if top - entry.min_reps >= 2 else entry.min_reps + max(width, 2)
        # (within the intensity table's most reps, 15, where that leaves a range: a
        # body-weight squat 12-15, whose top the block reaches and holds at)
        high = max(min(high, most_reps), entry.min_reps + 2)
        reps_b = Bound.model_construct(min=entry.min_reps, max=high)
        if rest_b is not None and (rest_b.max or 0) > RAISED_REST_MAX:
            # ... at a moderate load's rests: a heavier slot's 2-3 minutes do not ride along
            # once its reps climb past a moderate load (`rest-above-load`)
            rest_b = Bound.model_construct(
                min=min(rest_b.min or 0, RAISED_REST_MAX), max=RAISED_REST_MAX
            )
    if entry.max_reps is not None and reps_b is not None and (reps_b.max or 0) > entry.max_reps:
        # a move done for few reps however the slot is dosed (a supramaximal eccentric)
        low, high = reps_within(round(reps_b.min or 1), round(reps_b.max or 0), entry.max_reps)
        reps_b = Bound.model_construct(min=low, max=high)
    # Week 1 starts at the low end of the set range; the block adds sets from there.
    sets = round(sets_b.min)
    ex = Exercise(
        name=entry.name,
        pattern=entry.pattern,
        muscles=list(entry.primary),
        secondary_muscles=list(entry.secondary),
        compound=entry.compound,
        sets=max(sets, 1),
        reps=_range(reps_b),
        work_seconds=_range(work_b),
        rest_seconds=_range(rest_b),
        intensity=intensity,
        notes=" ".join([entry.cue, *notes]).strip(),
        alternatives=alternatives,
        rules=sorted(set(used)),
    )
    return ex, []


def slot_pool(
    picker: Picker,
    slot: Slot,
    muscles: set[str],
    *,
    drills: bool = False,
    regressions: bool = True,
) -> list[ExerciseEntry]:
    return picker.candidates(
        slot.pattern,
        muscles,
        [m.value for m in slot.prefer],
        slot.dose_role,
        drills=drills,
        tags=list(slot.prefer_tags),
        regressions=regressions,
    )
