"""Build the block of weeks from week 1: progression, deloads, and late-starting sessions."""

from __future__ import annotations

import functools
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

from endoprotocol.engine.decisions import (
    Bound,
    CautiousStart,
    Decisions,
    EffortStep,
    fill_placeholders,
    filled_pattern,
    listed,
)
from endoprotocol.plan import (
    DayPlan,
    Exercise,
    Intensity,
    Range,
    Session,
    Week,
    aerobic_equivalent,
    exposed_groups,
    hard_sets_by_muscle,
    is_hard_set,
    primary_groups,
)
from endoprotocol.planner.fill import (
    FAMILY,
    SHORTER_RESTS,
    exercise_seconds,
    midpoint,
    pair_seconds,
    ramp_up_seconds,
    session_seconds,
    skill_effort_short,
    trim_changes,
    trim_note,
)
from endoprotocol.planner.intensity import ORDER, SLACK, cohere_session, settled_rest
from endoprotocol.planner.library import (
    ExerciseEntry,
    SessionDesignFile,
    Timing,
    Zone,
    reps_within,
)
from endoprotocol.planner.volume import (
    MAJOR_MUSCLES,
    group_sets,
    hold_weekly_volume,
    is_extra,
    raise_weekly_volume,
    retimed_days,
    touches,
    trim_past_dose,
    without_exercise,
)
from endoprotocol.planner.weekly import dropped_in_week, no_hard_sets
from endoprotocol.vocab import INTENSITY_ORDER, MAJOR_GROUPS, Day, IntensityClass, Modality, Pattern

_V = TypeVar("_V")  # a per-lift value (sets, a rep range) carried over to a rung

# the week notes a progression carries (rules/core/progression.yaml), read as plain text
NOTES = (
    "load_note",
    "deload_note",
    "reps_note",
    "cautious_end_note",
    "exit_effort_waits_note",
    "exit_effort_note",
    "dose_climb_start_note",
    "dose_climb_note",
    "mirror_note",
    "build_up_note",
    "build_up_done_note",
    "build_up_flat_note",
    "steady_shorter_note",
    "steady_to_intervals_note",
    "steady_to_intervals_part_note",
    "sets_note",
    "rounds_note",
    "rounds_top_note",
    "return_rounds_note",
    "deload_reps_note",
    "deload_one_set_note",
    "deload_steady_note",
    "deload_rounds_note",
    "deload_now_note",
    "effort_held_note",
    "vigorous_check_note",
    "steady_grows_note",
    "days_full_note",
    "idle_time_note",
    "first_goal_aerobic_note",
    "steady_flat_note",
    "steady_flat_full_why",
    "steady_flat_lifting_why",
    "steady_flat_room_why",
    "build_up_flat_full_why",
    "flat_rest_day_why",
    "flat_capped_why",
    "flat_practice_why",
    "unloaded_reps_note",
    "unloaded_tempo_note",
    "unloaded_tempo_cue",
    "unloaded_load_note",
    "unloaded_plateau_note",
    "unloaded_light_hold_note",
    "unloaded_rung_note",
    "unloaded_rung_cue",
    "effort_load_note",
    "coarse_load_note",
    "moved_load_note",
    "climb_reps_note",
    "no_load_reps_note",
    "no_load_deload_note",
    "deload_hold_note",
    "no_load_deload_now_note",
    "no_load_deload_reps_note",
    "tempo_note",
    "tempo_deload_note",
    "free_minutes_note",
    "ceiling_cut_note",
    "past_dose_extras_note",
    "start_fewer_lifts_note",
    "aerobic_cut_note",
    "aerobic_floor_note",
)


# The share of a cautious start's exit step (its added sets' minutes) that must fit beside the
# walk after lifting, at its least, for the walk to stay where the walk is the first goal's
# dose (`aerobic_led`): below it the walk gives way for the week (OLDER-ONE-SET: a 13-minute
# walk, 3 minutes above its least, for 9 minutes of sets);
# at or above it the sets rise as far as those minutes allow and the rest wait (coach review
# 38, WALKS-DROPPED-FOR-EXTRA-SETS: two 18-minute walks went for 9 minutes of sets beside 8
# free ones, required aerobic 72 -> 22). A design choice: most of the step fits.
EXIT_STEP_MOSTLY_FITS = 0.5


def aerobic_led(outcome: Decisions) -> bool:
    """Whether the first goal's own dose is the aerobic minutes: a guideline holds its
    lifting days to their smallest hard form (`lifting_exposure_sets`: general or
    cardiometabolic health, fat loss, and the aerobic-first goals). A lifting-first person's
    exit sets are their first goal's dose, which comes before WHO's minutes."""
    return any(t.lifting_exposure_sets for t, _ in outcome.guidelines.values())


def aerobic_first(outcome: Decisions) -> bool:
    """Whether the first goal's dose is the aerobic backbone (a guideline whose lifting yields
    to it: endurance, stress, mood, health), so the walk after lifting is that dose and keeps
    its minutes (coach reviews 3 and 17)."""
    return any(t.lifting_yields_to_first_goal for t, _ in outcome.guidelines.values())


def give_way_least(outcome: Decisions, timing: Timing) -> int:
    """The least work a walk after lifting shortens to when a later week's lifting grows
    into it (`_walk_gives_way_or_goes`, `_flex_gives_way`): the few brisk minutes of the
    library's `walk_gives_way_minutes` where the person's aerobic guideline makes a walk of
    a few brisk minutes after lifting its own (`lifting_exposure_walk_minutes`,
    `lifting_extras_yield_walk_minutes`, `steady_first_walk_minutes`: WHO 2020 counts bouts
    of any length); else the library's least steady work, and a week whose lifting leaves
    less leaves the walk out (COACHING.md §1, cardio is real: a bone-first re-entry's walk
    after lifting read 5-9 minutes in the weeks its exit's longer rests, and later the
    ramp-up before its heavy lifts, grew the lifting; session 31)."""
    few = any(
        t.lifting_exposure_walk_minutes is not None
        or t.lifting_extras_yield_walk_minutes is not None
        or t.steady_first_walk_minutes is not None
        for t, _ in outcome.guidelines.values()
    )
    if few:
        return timing.walk_gives_way_minutes
    return timing.min_work_minutes.get(Modality.ENDURANCE, 10)


def _guideline_at_least(outcome: Decisions, measure: str, default: int) -> int:
    """The highest `at_least` of the guidelines on `measure` (`default` when none)."""
    return max(
        (
            g.body.at_least
            for g in outcome.guidelines.values()
            if g.body.measure == measure and g.body.at_least is not None
        ),
        default=default,
    )


@dataclass(frozen=True)
class Scheme:
    """The progression decisions, read once from the outcome."""

    load_step_pct: float
    deload_every: int | None
    deload_cut_pct: float
    deload_now: bool
    add_sets_every: int | None
    add_rounds: int
    hold_volume: bool
    load_note: str | None
    deload_note: str | None
    deload_now_note: str | None
    reps_note: str | None
    cautious: CautiousStart | None
    cautious_end_note: str | None
    exit_effort_waits_note: str | None
    exit_effort_note: str | None
    mirror_note: str | None
    build_up_note: str | None
    build_up_done_note: str | None
    build_up_flat_note: str | None
    sets_note: str | None
    rounds_note: str | None
    deload_reps_note: str | None
    effort_held_note: str | None = None
    deload_one_set_note: str | None = None
    deload_steady_note: str | None = None
    deload_rounds_note: str | None = None
    rounds_top_note: str | None = None
    return_rounds_note: str | None = None
    # a fixed interval protocol's return after weeks its rules left it out
    # (`return_rounds_pct`, `return_rounds_weeks`, `return_least_rounds`; 0: none)
    return_pct: int = 0
    return_weeks: int = 0
    return_least: int = 0
    vigorous_check_note: str | None = None
    steady_grows_note: str | None = None
    days_full_note: str | None = None
    # said in week 1 when it leaves more than `idle_share_pct` % of the offered minutes
    # unused (coach review 28, ENDURANCE-TIME-LEFT-IDLE)
    idle_time_note: str | None = None
    idle_share_pct: int = 0
    # said in week 1 when its required aerobic minutes pass the aerobic guideline's bar
    # (`first_goal_aerobic_minutes`: coach review 39, FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR)
    first_goal_aerobic_note: str | None = None
    steady_flat_note: str | None = None
    steady_flat_full_why: str | None = None
    steady_flat_lifting_why: str | None = None
    steady_flat_room_why: str | None = None
    build_up_flat_full_why: str | None = None
    flat_rest_day_why: str | None = None
    flat_capped_why: str | None = None
    flat_practice_why: str | None = None
    unloaded_reps_note: str | None = None
    unloaded_tempo_note: str | None = None
    unloaded_tempo_cue: str | None = None
    unloaded_load_note: str | None = None
    unloaded_plateau_note: str | None = None
    unloaded_light_hold_note: str | None = None
    unloaded_rung_note: str | None = None
    unloaded_rung_cue: str | None = None
    effort_load_note: str | None = None
    coarse_load_note: str | None = None
    moved_load_note: str | None = None
    climb_reps_note: str | None = None
    steady_shorter_note: str | None = None
    steady_to_intervals_note: str | None = None
    steady_to_intervals_part_note: str | None = None
    no_load_reps_note: str | None = None
    no_load_deload_note: str | None = None
    deload_hold_note: str | None = None
    no_load_deload_now_note: str | None = None
    no_load_deload_reps_note: str | None = None
    tempo_note: str | None = None
    tempo_deload_note: str | None = None
    free_minutes_note: str | None = None
    dose_climb_start_note: str | None = None
    dose_climb_note: str | None = None
    ceiling_cut_note: str | None = None
    past_dose_extras_note: str | None = None
    # a lighter block to recover: every required steady session this share shorter, the
    # bar met in week 1 kept (`recovery_aerobic_cut`), a deload cutting it too
    aerobic_cut_pct: int | None = None
    aerobic_cut_note: str | None = None
    aerobic_floor_note: str | None = None
    deload_cuts_aerobic: bool = False
    start_fewer_lifts_note: str | None = None
    # week 1's start near the dose leaves a lift out while a group has this many hard sets
    # a week or more (the ceiling's edge; `start_fewer_lifts_note`)
    start_fewer_lifts_from: int | None = None
    # a tempo session's tempo work (coach review 27): week 1's minutes (the low end of the
    # rules' `tempo_minutes`), the most it grows to, and its step a building week (0: held)
    tempo_low: int = 0
    tempo_top: int = 0
    tempo_step: int = 0
    # lifts with no external load: reps added in each load week, then a slower lowering
    unloaded_reps_step: int = 0
    # the most a lift's load rises a building week, as a share of the load, where a cautious
    # start's dose changes: through its exit and into the block's own dose
    # (`dose_change_load_step_pct` / 100; without the core pack, ACSM 2009's 2-10 % a step
    # read as 10 %)
    dose_load_step: float = 0.10
    # and the most a %1RM ceiling shown rises over the last building week's on that way, in
    # points of 1RM (`load_step_points`: a reps week shows a lower %1RM at the same load)
    load_step_points: float = 10.0
    unloaded_tempo_seconds: int = 0
    steady_grows: bool = False
    effort_step: EffortStep | None = None
    long_step: int = 0
    # `steady_step_pct`, `long_session_most_minutes`, `after_lifting_most_minutes` (coach
    # review 28, ENDURANCE-TIME-LEFT-IDLE): 0 without them
    steady_step_pct: int = 0
    long_most: int = 0
    after_lifting_most: int = 0
    # `beside_hard_step_pct` (coach review 41, INTERVAL-DAY-STEADY-JUMP): 0 without it (a
    # steady block beside intervals then grows one `long_step` a week at most)
    beside_hard_step_pct: int = 0
    # the aerobic guideline's bar (WHO 2020's 150): the long session's start keeps the week at it
    aerobic_target: int = 0
    # the strength guideline's days (WHO 2020's 2): the weekly volume hold keeps a group's
    # hard exposures on that many days
    strength_days: int = 2
    # lifting sets may take a required steady block's minutes after lifting, down to the
    # library's least steady work (`sets_take_walk`)
    sets_take_walk: bool = False
    # a cautious start's added sets never take the walk after lifting
    # (`walks_before_start_sets`)
    walks_before_start_sets: bool = False
    # each major group's hard sets a week in a building week, where the minutes allow
    group_dose_sets: int | None = None
    # week 1's sets past the dose go to the walk after lifting while aerobic minutes are short
    group_dose_most: int | None = None
    past_dose_least_sets: int = 2
    # each building week, one set more on this many lifts of a session (`set_step_lifts`)
    set_step_lifts: int | None = None

    @classmethod
    def from_outcome(cls, outcome: Decisions) -> Scheme:
        p = outcome.progression

        def get(name: str) -> object:
            return p[name].value if name in p else None

        load = get("load_increase_pct")
        cut = get("deload_volume_cut_pct")
        tempo = outcome.param(Modality.ENDURANCE.value, "any", "tempo_minutes")
        low = int(tempo.value.min or 0) if tempo is not None else 0
        top = int(tempo.value.max or low) if tempo is not None else 0
        return cls(
            tempo_low=low,
            tempo_top=top,
            # recovery-limited people hold the block's volume, and a hold on the aerobic
            # minutes (Triad/RED-S) stops its growth: the tempo work stays at week 1's
            tempo_step=int(v)
            if isinstance(v := get("tempo_step_minutes"), int)
            and get("aerobic_build_up") is not False
            and not get("hold_volume")
            else 0,
            load_step_pct=float(load.min or 0) if isinstance(load, Bound) else 0.0,
            deload_every=int(v) if isinstance(v := get("deload_every_weeks"), int) else None,
            deload_cut_pct=float(cut.min or 0) if isinstance(cut, Bound) else 0.0,
            deload_now=bool(get("deload_now")),
            add_sets_every=int(v) if isinstance(v := get("add_sets_every_weeks"), int) else None,
            add_rounds=int(v) if isinstance(v := get("add_rounds_per_week"), int) else 0,
            hold_volume=bool(get("hold_volume")),
            # a hold on the aerobic minutes (Triad/RED-S: none above week 1's) stops growth
            long_step=int(v)
            if isinstance(v := get("long_session_step_minutes"), int)
            and get("aerobic_build_up") is not False
            else 0,
            steady_step_pct=int(v) if isinstance(v := get("steady_step_pct"), int) else 0,
            long_most=int(v) if isinstance(v := get("long_session_most_minutes"), int) else 0,
            after_lifting_most=int(v)
            if isinstance(v := get("after_lifting_most_minutes"), int)
            else 0,
            beside_hard_step_pct=int(v) if isinstance(v := get("beside_hard_step_pct"), int) else 0,
            idle_share_pct=int(v) if isinstance(v := get("idle_share_pct"), int) else 0,
            # recovery-limited people hold the block's volume (`hold_volume`): no growth
            steady_grows=get("steady_grows_into_spare") is True
            and get("aerobic_build_up") is not False
            and not get("hold_volume"),
            aerobic_target=_guideline_at_least(outcome, "moderate_equivalent_aerobic_minutes", 0),
            strength_days=_guideline_at_least(outcome, "strength_days", 2),
            unloaded_reps_step=int(v) if isinstance(v := get("unloaded_reps_step"), int) else 0,
            dose_load_step=v / 100
            if isinstance(v := get("dose_change_load_step_pct"), int)
            else 0.10,
            load_step_points=float(v) if isinstance(v := get("load_step_points"), int) else 10.0,
            unloaded_tempo_seconds=int(v)
            if isinstance(v := get("unloaded_tempo_seconds"), int)
            else 0,
            sets_take_walk=get("sets_take_walk") is True,
            walks_before_start_sets=get("walks_before_start_sets") is True,
            aerobic_cut_pct=v if isinstance(v := get("aerobic_cut_pct"), int) else None,
            deload_cuts_aerobic=get("deload_cuts_aerobic") is True,
            group_dose_sets=v if isinstance(v := get("group_dose_sets"), int) else None,
            group_dose_most=v if isinstance(v := get("group_dose_most"), int) else None,
            past_dose_least_sets=v if isinstance(v := get("past_dose_least_sets"), int) else 2,
            start_fewer_lifts_from=v
            if isinstance(v := get("start_fewer_lifts_from"), int)
            else None,
            set_step_lifts=v if isinstance(v := get("set_step_lifts"), int) else None,
            return_pct=v if isinstance(v := get("return_rounds_pct"), int) else 0,
            return_weeks=v if isinstance(v := get("return_rounds_weeks"), int) else 1,
            return_least=v if isinstance(v := get("return_least_rounds"), int) else 1,
            cautious=v if isinstance(v := get("cautious_start"), CautiousStart) else None,
            effort_step=v if isinstance(v := get("effort_step"), EffortStep) else None,
            **{name: v if isinstance(v := get(name), str) else None for name in NOTES},
        )

    def growth_step(self, steady_minutes: int) -> int:
        """The minutes a building week adds to the week's steady work (`steady_grows`):
        `long_step`, or with `steady_step_pct` that share of week 1's required steady
        minutes (`steady_minutes`) in whole `long_step` steps, at least one (coach review
        28, ENDURANCE-TIME-LEFT-IDLE: about 10 % a week)."""
        if not self.steady_step_pct or not self.long_step:
            return self.long_step
        share = steady_minutes * self.steady_step_pct // 100
        return max(share // self.long_step, 1) * self.long_step

    def beside_hard_step(self, minutes: int) -> int:
        """The most a steady block that shares its day with intervals (or a vigorous steady
        session) grows a building week, from its week-1 `minutes`: `beside_hard_step_pct` of
        them in whole `long_step` steps, at least one (coach review 41,
        INTERVAL-DAY-STEADY-JUMP: a treadmill run after 4 x 4 intervals went 28 -> 43 -> 65
        minutes while the long run had room)."""
        share = minutes * self.beside_hard_step_pct // 100
        return max(share // self.long_step, 1) * self.long_step if self.long_step else 0

    def plateau_said(self, names: Sequence[str], light: bool = False) -> str:
        """`unloaded_plateau_note` naming `names` (the body-weight lifts that hold where they
        are from a week on), or with `light` `unloaded_light_hold_note` (they hold at their
        top at a light start's easy effort); "" without the note."""
        note = self.unloaded_light_hold_note if light else self.unloaded_plateau_note
        if not note:
            return ""
        return fill_placeholders(
            note, {"names": listed(names, "and"), "seconds": f"{self.unloaded_tempo_seconds}"}
        )

    def is_deload(self, week: int) -> bool:
        if self.deload_now and week == 1:
            return True
        return self.deload_every is not None and week % self.deload_every == 0


def _set_cap(outcome: Decisions, ex: Exercise, modality: Modality) -> int:
    """The most sets the rules allow this exercise (the top of its prescribed range)."""
    bound, _ = outcome.resolve(modality.value, "compound" if ex.compound else "accessory", "sets")
    return int(bound.max) if bound is not None and bound.max is not None else ex.sets


def _progress_session(
    session: Session,
    scheme: Scheme,
    outcome: Decisions,
    deload: bool,
    step: int,
    reps_week: bool,
    room: Room,
    round_step: int = 0,
    round_share: float = 1.0,
    reps_floor: float = 1,
    held: bool = False,
    week_one: bool = False,
    most_reserve: int | None = None,
    derived: Session | None = None,
    exit_sets: int = 0,
    drills: frozenset[str] = frozenset(),
    last_sets: Mapping[str, int] | None = None,
    most_sets: Mapping[str, int] | None = None,
    step_most: Mapping[str, int] | None = None,
    last_ranges: Mapping[str, Range] | None = None,
) -> Session:
    """One session in a later week. `step` counts the building weeks that add sets so far
    (those after any cautious start; deloads do not
    count); in a `reps_week` (double progression) lifting rep ranges start higher at the
    same load; `round_step` counts them since the session's first week; `round_share` (a
    fixed interval protocol's return, `_return_share`) the share of its rounds it holds;
    `held` (a cautious
    start in force) keeps the lifting volume where it started. Sets added across
    the block (trained lifters) and interval rounds added for newcomers stop at the rules' top and when the day's minutes (`room`) are used up. A
    deload cuts the session's lifting sets by the rules' cut, as a whole; a lift already at
    one set has its reps cut, never past `most_reserve` reps in reserve. A cautious start's
    exit brings each lift to `exit_sets` first, within the day's minutes. `derived`: the
    session as the intensity table sets it under the week's load cap (a reps week's ranges
    move up inside those, not inside the template's). `last_sets` (a deload after a
    building week): each lift's sets in that week's same session, which the deload cuts
    lift by lift (`_deload_cut`) instead of cutting the template's sets as a whole.
    `most_sets` (a held start's week with no set step of its own, `_held_sets_most`): the
    most sets the exit brings each lift to, by name. `step_most` (a week that takes no set
    step, `_type_most`): each lift's most sets on this day type in the last building week,
    which the set step does not pass. `last_ranges` (a deload): each lift's range in the
    last building week's same session; a lift that kept its range there (a set was its
    step, `_set_keeps_range`) keeps it in the deload too."""
    if deload and last_sets is not None and session.modality is Modality.RESISTANCE:
        # the deload starts from the sets the lifter did last week, so no lift gets more
        # than it had then (coach review 16, DELOAD-ADDS-SETS: a beginner's held week had
        # 1-set lifts that the template's cut gave 2)
        session = session.model_copy(
            update={
                "exercises": [
                    e.model_copy(update={"sets": last_sets[e.name]}) if e.name in last_sets else e
                    for e in session.exercises
                ]
            }
        )
        exit_sets = 0
    exercises: list[Exercise] = []
    # the exit's sets go round the lifts a set at a time, so each lift gets its next set
    # before any gets the one after
    exited = [ex.sets for ex in session.exercises]
    # the strength lifts first, a teaching drill and a posture hold last: where the day's
    # minutes run out, the push-ups and step-ups have their sets, not the dowel drill (coach
    # review 15, HELD-START-RISE-GOES-TO-DRILL)
    order = sorted(
        range(len(session.exercises)),
        key=lambda i: (
            session.exercises[i].name in drills,
            not session.exercises[i].compound,
            i,
        ),
    )
    # recovery-limited people hold week 1's sets (`hold_volume`): the exit leaves them too
    if session.modality is Modality.RESISTANCE and not scheme.hold_volume:
        for level in range(2, exit_sets + 1):
            for i in order:
                ex = session.exercises[i]
                if most_sets is not None and level > most_sets.get(ex.name, level):
                    continue  # a held start's lift at last week's sets: no step this week
                if exited[i] < level:
                    exited[i] = room.take(ex, exited[i], level, dose=True)
                    if exited[i] < level:
                        break  # no extra before the lifts ahead of it have theirs
            else:
                continue
            break
    # the set step (`set_step_lifts`): the sets the building weeks added so far go round the
    # session's lifts in order, one set a lift before any gets a second
    if (
        session.modality is Modality.RESISTANCE
        and scheme.add_sets_every
        and not deload
        and not held
        and not scheme.hold_volume
    ):
        exited = _set_step(session, exited, step, scheme, outcome, room, step_most)
    for i, (ex, sets) in enumerate(zip(session.exercises, exited, strict=True)):
        update: dict[str, object] = {}
        if session.modality is Modality.HIIT and scheme.add_rounds:
            # the rounds the building weeks reached; a deload cuts from them, not from week 1's
            wanted = min(sets + scheme.add_rounds * round_step, max(_rounds_cap(outcome), sets))
            sets = room.take(ex, sets, wanted)
        if (
            session.modality is Modality.HIIT
            and round_share < 1
            and ex.pattern is Pattern.INTERVALS
        ):
            sets = min(sets, _returned_rounds(ex, round_share, scheme.return_least))
        if deload and session.modality not in (Modality.RESISTANCE, Modality.BALANCE):
            # (balance practice keeps its sets: its holds at RPE 3-4 are not the hard work a
            # deload rests, and a session that keeps its minutes with fewer holds would be
            # mostly warm-up - coach review 40, BALANCE-SESSION-MINUTES-EMPTY)
            sets = max(1, math.floor(sets * (1 - scheme.deload_cut_pct / 100)))
        if reps_week and session.modality is Modality.RESISTANCE:
            # reps, or a timed hold's seconds, start about halfway up their range
            name = "reps" if ex.reps is not None else "work_seconds"
            current = getattr(ex, name)
            if name == "reps" and derived is not None and derived.exercises[i].name == ex.name:
                # a cap that holds the load set the range once (8-11 from a strength
                # slot's 4-7): the reps week works inside it (coach review 6, SILENT-WEEK),
                # with the alternatives that still fit it
                current = derived.exercises[i].reps or current
                update["alternatives"] = derived.exercises[i].alternatives
            if (
                current is not None
                and current.max > current.min
                # (a deload after a set step: the lift kept its range last week)
                and not (last_ranges is not None and last_ranges.get(ex.name) == current)
            ):
                update[name] = _toward_top(current)
        if sets != ex.sets:
            update["sets"] = sets
        # (an exercise is a value: one this week leaves as it was is shared, not copied)
        exercises.append(ex.model_copy(update=update) if update else ex)
    from_last = deload and last_sets is not None
    if (
        session.modality is Modality.RESISTANCE
        and scheme.hold_volume
        and scheme.deload_now
        and not week_one
        and not from_last
    ):
        # recovery first (overtraining signs): the building weeks keep the sets of the
        # lighter week 1 (sets only: the reps and effort progress as usual), and a later
        # deload cuts from there
        exercises = _cut_sets(exercises, scheme.deload_cut_pct, reps_floor, reps_too=False)
    if deload and session.modality is Modality.RESISTANCE and from_last:
        exercises = _deload_cut(exercises, scheme.deload_cut_pct, reps_floor, most_reserve, drills)
    elif deload and session.modality is Modality.RESISTANCE:
        exercises = _cut_sets(
            exercises, scheme.deload_cut_pct, reps_floor, most_reserve=most_reserve
        )
    return session.model_copy(update={"exercises": exercises})


def _set_step(
    session: Session,
    sets: list[int],
    step: int,
    scheme: Scheme,
    outcome: Decisions,
    room: Room,
    most: Mapping[str, int] | None = None,
) -> list[int]:
    """Each lift's sets in `session` (now `sets`) after the set step of `step` building
    weeks: the sets added so far go round the lifts in order (`set_step_lifts` a week), or
    each lift gains one every `add_sets_every` building weeks, up to the rules' top for the
    lift. The day's `room` is taken a round at a time - every lift gets its next set before
    any gets the one after - so a week whose step asks one lift for a second new set never
    spends on it the minutes that kept a later lift's set of the week before (coach review
    29, LIFTING-SETS-FALL-WHILE-BUILDING: a 53-year-old's Friday deadlift 3 -> 4 sets took
    the row's 3rd, back 12.5 -> 12 hard sets in a building week). In a week with no set step
    of its own, `most` (by name) holds each lift at the sets it had on this day type in the
    last building week, so a day with more minutes does not fill in beside a load step a set
    an earlier day had no room for (coach review 33, SETS-AND-LOAD-STEP-TOGETHER)."""
    out = list(sets)
    count = max(len(session.exercises), 1)
    added = step * scheme.set_step_lifts if scheme.set_step_lifts else 0
    wanted = [
        min(
            n
            + (
                added // count + (i < added % count)
                if scheme.set_step_lifts
                else step // (scheme.add_sets_every or 1)
            ),
            max(_set_cap(outcome, ex, session.modality), n),
            max((most or {}).get(ex.name, n + added + step), n),
        )
        for i, (ex, n) in enumerate(zip(session.exercises, sets, strict=True))
    ]
    for level in range(1, max((w - n for w, n in zip(wanted, sets, strict=True)), default=0) + 1):
        for i, ex in enumerate(session.exercises):
            goal = min(wanted[i], sets[i] + level)
            if out[i] >= goal:
                continue
            # a paired lift's partner as this week has it so far (grown already, or not yet)
            partner = next(
                (
                    e.model_copy(update={"sets": out[k]}) if out[k] != e.sets else e
                    for k, e in enumerate(session.exercises)
                    if e.name == ex.paired_with
                ),
                None,
            )
            out[i] = room.take(ex, out[i], goal, partner, step=True)
    return out


def _type_most(weeks: list[Week], session: Session) -> dict[str, int] | None:
    """Each lift's most sets, by name, in the last building week's required lifting sessions
    titled as `session` (on any day: a mirrored week moves a day type to other days); None
    with no building week yet or none of that title."""
    last = next((w for w in reversed(weeks) if not w.deload), None)
    if last is None or session.modality is not Modality.RESISTANCE or session.optional:
        return None
    most: dict[str, int] = {}
    for d in last.days:
        for s in d.sessions:
            if s.modality is Modality.RESISTANCE and not s.optional and s.title == session.title:
                for e in s.exercises:
                    most[e.name] = max(most.get(e.name, 0), e.sets)
    return most or None


def _last_session(weeks: list[Week], day: Day, session: Session) -> Session | None:
    """The last building week's lifting session of that day and title (None: no building
    week yet, or that day held no such session)."""
    last = next((w for w in reversed(weeks) if not w.deload), None)
    if last is None or session.modality is not Modality.RESISTANCE:
        return None
    return next(
        (
            s
            for d in last.days
            if d.day is day
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            and s.title == session.title
            and s.optional == session.optional
        ),
        None,
    )


def _latest_session(weeks: list[Week], day: Day, session: Session) -> Session | None:
    """The latest building week's lifting session of that day and title (`_last_session`
    of the latest week that held one: a mirrored week's day holds the other day type)."""
    return next(
        (found for w in reversed(weeks) if (found := _last_session([w], day, session)) is not None),
        None,
    )


def _set_keeps_range(session: Session, last: Session | None) -> Session:
    """`session` (a reps week's lifting, its sets final) with each lift that has more sets
    than in `last` (the latest building week's session of its day and title) at the same
    effort back at the rep range (or hold time) and intensity it had there: one step a lift
    a week, so a lift whose set is its step does not also start its range higher at the
    same load (coach review 34, SETS-AND-REPS-STEP-TOGETHER: a 70-year-old's light start
    went 1 x 10-15 -> 2 x 13-15 in week 3, an advanced lifter's squat 3 x 3-6 -> 4 x 5-6;
    COACHING.md §3). The other lifts take the reps step as before."""
    if last is None:
        return session
    was = {e.name: e for e in last.exercises}
    out = []
    for e in session.exercises:
        prev = was.get(e.name)
        name = "reps" if e.reps is not None else "work_seconds"
        now, then = getattr(e, name), None if prev is None else getattr(prev, name)
        if (
            prev is not None
            and e.sets > prev.sets
            and e.intensity.rpe == prev.intensity.rpe
            and now is not None
            and then is not None
            and now.min > then.min
        ):
            e = e.model_copy(update={name: then, "intensity": prev.intensity})
        out.append(e)
    return session.model_copy(update={"exercises": out})


def _last_sets(weeks: list[Week], day: Day, session: Session) -> dict[str, int] | None:
    """Each lift's sets in `_last_session`, by name: what a deload cuts."""
    same = _last_session(weeks, day, session)
    return None if same is None else {e.name: e.sets for e in same.exercises}


def _last_ranges(weeks: list[Week], day: Day, session: Session) -> dict[str, Range] | None:
    """Each lift's rep range (or a timed hold's seconds) in `_last_session`, by name: a
    deload keeps the range a lift held there when its set step kept it from the reps step."""
    same = _last_session(weeks, day, session)
    if same is None:
        return None
    return {
        e.name: got
        for e in same.exercises
        if (got := e.reps if e.reps is not None else e.work_seconds) is not None
    }


def _rung_sets(
    last: dict[str, _V] | None, ladder: Mapping[tuple[str, str], Rung], session: Session
) -> dict[str, _V] | None:
    """`_last_sets` with each lift on a rung of its ladder (`_rungs_up`) found under its own
    name too: the deload builds the session from its lifts before the rungs are taken."""
    if last is None:
        return None
    more = {
        name: last[rung.entry.name]
        for (title, name), rung in ladder.items()
        if title == session.title and rung.entry.name in last
    }
    return {**last, **more}


def _one_set_lighter(days: list[DayPlan], before: Week) -> bool:
    """Whether some lift at one set in `before` keeps one set in `days` (a deload) with
    fewer reps or a shorter hold: what `deload_one_set_note` says."""

    def ones(ds: list[DayPlan]) -> dict[tuple[Day, str, str], Exercise]:
        return {
            (d.day, s.title, e.name): e
            for d in ds
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
            if e.sets == 1
        }

    was = ones(before.days)
    for key, e in ones(days).items():
        old = was.get(key)
        if old is None:
            continue
        now_top = e.reps or e.work_seconds
        old_top = old.reps or old.work_seconds
        if now_top is not None and old_top is not None and now_top.max < old_top.max:
            return True
    return False


def _rounds_cap(outcome: Decisions) -> int:
    """The interval protocol's full dose: the top of the rules' rounds."""
    bound, _ = outcome.resolve(Modality.HIIT.value, "any", "rounds")
    return int(bound.max) if bound is not None and bound.max is not None else 0


@dataclass
class Room:
    """Seconds a session may still grow by this week (the day's minutes minus what the day
    already holds); added sets and rounds take from it, one set at a time. `give` is the
    seconds of the day's walk after lifting that only a set toward the first goal's minimum
    dose may take: a set of a lift training one of the `under` groups (those week 1 leaves
    under the dose) as a primary muscle, or a cautious start's exit sets (`dose`); every
    other set grows into free minutes only (COACHING.md §2: the dose, then WHO's aerobic
    minimum, then more for the first goal; coach review 22, AEROBIC-CUT-TO-GROW-SETS: a
    deadlift set for hamstrings already at 12.5 hard sets took four minutes of a walk with
    the week 34 minutes short)."""

    seconds: float
    timing: Timing
    give: float = 0.0
    # the hard sets each group still needs to reach the dose this week, shared by the
    # week's days (a set that takes the walk's minutes counts toward them)
    under: dict[str, float] = field(default_factory=dict)
    # seconds of the day's walk after lifting that the week's aerobic minutes hold past
    # WHO's target: the block's set step (more for the first goal, which comes before
    # aerobic minutes no step asks for) may take them (coach review 32,
    # TRAINED-SETS-NEVER-BUILD: 71-72 sets all block beside 190 of 150 aerobic minutes)
    past: float = 0.0

    @property
    def left(self) -> float:
        """Every second left, the walk's included."""
        return self.seconds + self.give

    def take(
        self,
        ex: Exercise,
        sets: int,
        wanted: int,
        partner: Exercise | None = None,
        *,
        dose: bool = False,
        step: bool = False,
    ) -> int:
        while sets < wanted:
            per_set = _set_seconds(ex, sets, self.timing, partner)
            needed = [g for g, n in self.under.items() if n > 0 and touches(ex, g) >= 1]
            if per_set <= self.seconds:
                self.seconds -= per_set
            elif (dose or needed) and per_set <= self.left:
                self.give -= per_set - self.seconds
                self.seconds = 0.0
            elif step and per_set <= self.seconds + self.past:
                # a set of the block's set step in the walk's minutes past WHO's target
                self.past -= per_set - self.seconds
                self.seconds = 0.0
            else:
                break
            for g in needed:
                self.under[g] -= 1
            sets += 1
        return sets


def _set_seconds(ex: Exercise, sets: int, timing: Timing, partner: Exercise | None) -> float:
    """What one more set of `ex` (now at `sets`) costs: its work and one more rest; in a pair,
    its work and the move to the partner while the partner has a set in that round, and the
    round's rest only when the set opens a new round."""

    def cost(n: int) -> float:
        one = ex.model_copy(update={"sets": n})
        if partner is None:
            return exercise_seconds(one, timing.seconds_per_rep, 0)
        return pair_seconds(one, partner, timing)

    return cost(sets + 1) - cost(sets)


def _one_more_set(room: Room, outcome: Decisions, session: Session, ex: Exercise) -> bool:
    """Whether one more set of `ex` fits the rules' top for it and the day's `room` (its
    time taken if so)."""
    if ex.sets >= _set_cap(outcome, ex, session.modality):
        return False
    partner = next((e for e in session.exercises if e.name == ex.paired_with), None)
    cost = _set_seconds(ex, ex.sets, room.timing, partner)
    # a minute kept back: the session was timed to whole minutes once already this week
    if cost > room.seconds - 60:
        return False
    room.seconds -= cost
    return True


def _retimed(before: Session, after: Session, timing: Timing, spare: int) -> Session:
    """`after` with its minutes changed by what its sets and reps changed (DESIGN.md timing:
    the same arithmetic that timed week 1), growing by at most the day's `spare` minutes.
    Steady sessions are timed by their build-up."""
    if after.modality not in (Modality.RESISTANCE, Modality.HIIT):
        return after

    def seconds(s: Session) -> float:
        return session_seconds(s.exercises, timing)

    delta = min((seconds(after) - seconds(before)) / 60, spare)
    exact = before.exact_minutes
    if exact is not None:
        # (a re-dosed template's minutes before rounding: no rounding carried, `_redosed`)
        return after.timed_at(exact + delta)
    return after.model_copy(
        update={"duration_minutes": max(1, round(before.duration_minutes + delta))}
    )


def _exactly_timed(
    template: Session, redose: Callable[[Session], Session], edges: int, timing: Timing
) -> Session:
    """`template`, keeping its minutes before rounding (`Session.exact_minutes`) where week 1
    re-doses it (`_redosed`): its work sets and ramp-up (`fill.session_seconds`) and the
    warm-up and cool-down it holds (`edges`, or none where it shares its day's), read from
    its whole minutes (a session trimmed to its slot keeps them as they are). Every week is
    timed from it, so a template's rounding is not carried into the weeks (session 32,
    rare42: a one-day template's 71.5 minutes, said 72, then 99 said 100, made the reps
    weeks' 74.7 minutes 76 on a 75-minute day)."""
    if _redosed(template, redose(template)) is None or template.exact_minutes is not None:
        return template
    work = session_seconds(template.exercises, timing) / 60
    for edge in (edges, 0):
        if abs(template.duration_minutes - (edge + work)) <= 0.5:
            return template.timed_at(edge + work)
    return template


def _redosed(template: Session, held: Session) -> Session | None:
    """`held` (a lifting template as week 1 holds it, `settled`) where the rules re-dose the
    template: a lift whose reps there all lie above the template's (heavy main lifts at 3-6
    under a moderate ceiling become 8-10, with the moderate rests); else None. The template's
    own minutes time a dose no week does (a 75-minute day's template at 100 minutes), so a
    week timed from it carries the template's roundings and is not bounded by the day's
    spare minutes (its change from the template is a cut). (Session 32, rare42: a 64-year-
    old's one 75-minute day was 76 minutes in its reps weeks.)"""
    if template.modality is not Modality.RESISTANCE or held is template:
        return None
    for a, b in zip(template.exercises, held.exercises, strict=True):
        if a.reps is not None and b.reps is not None and b.reps.min > a.reps.max:
            return held
    return None


def _toward_top(r: Range) -> Range:
    """A range whose bottom has moved about halfway toward its top (double progression)."""
    low = r.min + max(1, math.ceil((r.max - r.min) / 2))
    return Range.of(min(low, r.max), r.max)


def _cautious(session: Session, start: CautiousStart) -> Session:
    """A lifting session at the cautious start's moderate dose: each lift takes the start's
    reps, and its RPE, RIR and %1RM move to the start's - never above what a safety rule
    already allowed (RPE and %1RM only come down, RIR only goes up). Drills keep theirs."""
    if session.modality is not Modality.RESISTANCE:
        return session

    def lower(cur: Range | None, to: Bound) -> Range | None:
        if cur is None:
            return None
        want = _range(to)
        return Range.of(min(want.min, cur.max), min(want.max, cur.max))

    def higher(cur: Range | None, to: Bound) -> Range | None:
        if cur is None:
            return None
        want = _range(to)
        return Range.of(max(want.min, cur.min), max(want.max, cur.min))

    exercises = []
    for ex in session.exercises:
        i = ex.intensity
        if _easy(ex):
            exercises.append(ex)  # a drill or an easy hold: not a work set
            continue
        exercises.append(
            ex.model_copy(
                update={
                    "reps": _reps(ex.reps, start.reps),
                    "intensity": i.model_copy(
                        update={
                            "rpe": lower(i.rpe, start.rpe),
                            "rir": higher(i.rir, start.rir),
                            "pct_1rm": lower(i.pct_1rm, start.pct_1rm),
                        }
                    ),
                }
            )
        )
    rpe_top = start.rpe.max if start.rpe.max is not None else 10
    lowered = session.intensity_class is IntensityClass.VIGOROUS and rpe_top <= 6
    cls = IntensityClass.MODERATE if lowered else session.intensity_class
    return session.model_copy(update={"exercises": exercises, "intensity_class": cls})


def _start_reps_kept(
    session: Session,
    unloaded: frozenset[str],
    start: CautiousStart,
    most_rpe: float | None = None,
) -> Session:
    """A lifting session of a cautious start's exit week whose lifts without an external load
    (`_unloaded_lift`) take the start's reps again where their own are fewer (a slot's 8-12
    after the start's 10-15); loaded lifts are left to the exit's load ceiling. With
    `most_rpe`, only the lifts whose effort is at most that (a week after the exit: those
    still at the exit's effort)."""
    if session.modality is not Modality.RESISTANCE:
        return session
    want = _range(start.reps)
    exercises = []
    for ex in session.exercises:
        rpe = ex.intensity.rpe
        if most_rpe is not None and (rpe is None or rpe.max > most_rpe):
            exercises.append(ex)
            continue
        if _unloaded_lift(ex, unloaded) and ex.reps is not None and ex.reps.max < want.max:
            ex = ex.model_copy(update={"reps": _reps(ex.reps, start.reps)})
        exercises.append(ex)
    return session.model_copy(update={"exercises": exercises})


def _reps(cur: Range | None, to: Bound) -> Range | None:
    """The start's reps, raised to the lift's own minimum where that fits inside them (a safety
    rule's minimum, like 10+ reps for an older beginner, still holds)."""
    if cur is None:
        return None
    want = _range(to)
    low = max(want.min, cur.min)
    if low >= want.max and cur.min > want.min:
        # a lift whose own fewest reps (`min_reps`: a body-weight squat's 12) reach the
        # start's top keeps its own range, not a one-number one (coach review 42)
        return cur
    return Range.of(low, want.max) if low <= want.max else want


def reps_week_range(r: Range) -> Range:
    """A lift's reps in a reps week of double progression (`_toward_top`), for timing a
    session before the weeks are built."""
    return _toward_top(r) if r.max > r.min else r


def start_reps(cur: Range | None, to: Bound) -> Range | None:
    """A lift's reps in a cautious start's weeks (`_reps`), for timing a session before the
    weeks are built."""
    return _reps(cur, to)


# Drills and easy holds are prescribed at or below this RPE and carry no RIR.
DRILL_RPE = 4


def _easy(ex: Exercise) -> bool:
    """Whether `ex` is prescribed as a drill or an easy hold (no RIR, RPE `DRILL_RPE` or
    less): no work set."""
    i = ex.intensity
    return i.rir is None and i.rpe is not None and i.rpe.max <= DRILL_RPE


def _range(bound: Bound) -> Range:
    low = bound.min if bound.min is not None else bound.max
    high = bound.max if bound.max is not None else bound.min
    assert low is not None  # a Bound has at least one end
    assert high is not None
    return Range.of(low, high)


def _cut_sets(
    exercises: list[Exercise],
    cut_pct: float,
    reps_floor: float = 1,
    reps_too: bool = True,
    most_reserve: int | None = None,
) -> list[Exercise]:
    """Take the session's total sets down by about `cut_pct` %, one set at a time from the
    exercise with the most sets (ties from the end), none below one set, and a big lift
    (squat, lunge, hinge, push, pull) not below two while an accessory after the first
    exercise can be dropped instead; with `reps_too`, a session already at one set a lift
    has its reps cut instead."""
    total = sum(e.sets for e in exercises)
    target = max(len(exercises), math.floor(total * (1 - cut_pct / 100)))
    out = list(exercises)
    while sum(e.sets for e in out) > target:
        i = max(range(len(out)), key=lambda k: (out[k].sets, k))
        if out[i].sets <= 1:
            break
        # (never the last hard lift of a major group: the only back work stays, at fewer
        # sets; coach review 12, TRIM-CLAIM-NO-PULL)
        extras = [
            k
            for k, e in enumerate(out)
            if k > 0
            and e.pattern not in FAMILY
            and primary_groups([e]) <= primary_groups(out[:k] + out[k + 1 :])
        ]
        if out[i].sets == 2 and out[i].pattern in FAMILY and extras:
            # a big lift keeps its second set while an accessory (a curl, a core hold) can go
            # instead (coach review 7, SHORT-DAY-ONE-SET: five lifts at one set beside two
            # accessories in a recovery block)
            gone = out.pop(extras[-1]).name
            out = [
                e.model_copy(update={"paired_with": None}) if e.paired_with == gone else e
                for e in out
            ]
            continue
        out[i] = out[i].model_copy(update={"sets": out[i].sets - 1})
    if reps_too and sum(e.sets for e in out) == total and cut_pct > 0:
        # every lift is at one set: fewer reps at the same load (what leaves the set goes
        # into reserve), so the week is still lighter and shorter
        out = [_fewer_reps(e, cut_pct, reps_floor, most_reserve) for e in out]
    return out


def _deload_cut(
    exercises: list[Exercise],
    cut_pct: float,
    reps_floor: float = 1,
    most_reserve: int | None = None,
    drills: frozenset[str] = frozenset(),
) -> list[Exercise]:
    """A deload's lifts, each lighter than in the building week it follows (EVIDENCE.md
    §1.8: sets cut by about 30-50 %, the loads kept): a lift with two sets or more keeps
    `cut_pct` % fewer, rounded down (2 -> 1, 3 -> 2, 4 -> 2, 5 -> 3), so every lift and
    every major group does less, the main lifts too (coach review 16,
    DELOAD-CUTS-ONLY-ACCESSORIES: the squat, press, hinge and row kept two sets while six
    accessories went); a lift already at one set keeps it with about `cut_pct` % fewer reps
    (`_fewer_reps`). Teaching drills (`drills`) keep theirs: they are no work sets."""
    keep = (100 - cut_pct) / 100
    out = []
    for e in exercises:
        if e.name in drills or cut_pct <= 0:
            out.append(e)
        elif e.sets >= 2:
            out.append(e.model_copy(update={"sets": max(1, math.floor(e.sets * keep + 1e-9))}))
        else:
            out.append(_fewer_reps(e, cut_pct, reps_floor, most_reserve))
    return out


def _fewer_reps(
    ex: Exercise, cut_pct: float, floor: float = 1, most_reserve: int | None = None
) -> Exercise:
    """`ex` with about `cut_pct` % fewer reps (never below `floor`, a safety rule's or a
    cautious start's least reps), or shorter holds. A set taken toward failure keeps its
    load, so each rep taken off goes into reserve - up to `most_reserve` (the intensity
    table's `light_above_rir`), where a set stops being worked (coach review 3, K11: "1 x 8,
    RPE 1-4, 6-9 RIR"). The cut stops there while that still takes two reps off the top (the
    set at RPE 4-5); a set with less left to cut is made light instead, at the rules' cut
    (no RIR, the light zone's RPE), never left half-way."""
    keep = 1 - cut_pct / 100
    if ex.reps is not None:
        low = max(floor, round(ex.reps.min * keep))
        high = max(low, round(ex.reps.max * keep))
        rir = ex.intensity.rir
        update: dict[str, object] = {}
        if rir is not None:
            # the same load: each rep taken off is one more in reserve
            more = Range.of(rir.min + ex.reps.min - low, rir.max + ex.reps.max - high)
            if most_reserve is not None and more.max > most_reserve:
                # the range keeps a width of effort: RIR up to one below the most at its
                # low end and the most at its top (RPE 4-5 from a set at 5-6)
                kept_low = max(low, ex.reps.min - max(most_reserve - 1 - rir.min, 0))
                kept_high = max(kept_low, high, ex.reps.max - max(most_reserve - rir.max, 0))
                # a cut of two reps or more at the top (one may come back when a load
                # ceiling moves the set up a rep, intensity.cohere)
                if kept_high <= ex.reps.max - 2:
                    low, high = kept_low, kept_high
                    more = Range.of(rir.min + ex.reps.min - low, rir.max + ex.reps.max - high)
                else:
                    # nothing left to cut at a working effort: a light set (the table
                    # drops its RIR and gives it the light zone's RPE)
                    more = Range.of(
                        max(more.min, most_reserve + 1), max(more.max, most_reserve + 1)
                    )
            update["intensity"] = ex.intensity.model_copy(update={"rir": more})
        update["reps"] = Range.of(low, high)
        return ex.model_copy(update=update)
    if ex.work_seconds is not None:
        w = ex.work_seconds
        return ex.model_copy(
            update={
                "work_seconds": Range.of(max(5, round(w.min * keep)), max(5, round(w.max * keep)))
            }
        )
    return ex


def _interval_steady_part(session: Session) -> Exercise | None:
    """An interval session's steady part after its rounds (`_intervals_keep_steady`)."""
    if session.modality is not Modality.HIIT:
        return None
    return next((e for e in session.exercises if e.pattern is Pattern.CARDIO), None)


def _intervals_keep_steady(
    made: list[tuple[Session, Session]],
    templates: list[Session],
    budget: int,
    held_last: int | None,
) -> list[Session]:
    """A day's sessions (each with its week-1 template) where an interval session that took
    the day of a steady session after the base weeks (`first_week`, the steady session's
    `last_week`) holds a steady part after its rounds: the minutes that steady session last
    held (`held_last`, else its template's) beyond the interval session's, within the day's
    free minutes. A work minute of the rounds counts two moderate minutes and its recovery
    none, so the week's moderate-equivalent aerobic minutes hold as the rounds grow and the
    steady part shrinks (coach review 28, INTERVALS-START-CUTS-AEROBIC: the first 4 x 60 s
    session, 18 minutes, took Friday's 30-minute ride and left 12 minutes of the day empty;
    64 -> 52 moderate-equivalent minutes). The part is steady work on the intervals' own
    machine at a moderate effort (the session's `easy_part`, built with it), counted at
    moderate (`plan.work_class`)."""
    used = sum(s.duration_minutes for s, _ in made if not s.optional)
    out = []
    for session, template in made:
        held = (
            next(
                (
                    t
                    for t in templates
                    if t.modality is Modality.ENDURANCE
                    and not t.optional
                    and t.last_week is not None
                    and t.last_week < template.first_week
                ),
                None,
            )
            if session.modality is Modality.HIIT
            and not session.optional
            and template.first_week > 1
            and _interval_steady_part(session) is None
            else None
        )
        ride = session.easy_part if held is not None else None
        if held is not None and ride is not None:
            had = held_last if held_last is not None else held.duration_minutes
            part = min(budget - used, had - session.duration_minutes)
            if part > 0:
                # (the steady session's rules: the day's steady work is theirs)
                steady = ride.model_copy(
                    update={
                        "work_seconds": Range.of(part * 60),
                        "rules": sorted({*ride.rules, *held.rules}),
                    }
                )
                session = session.model_copy(
                    update={
                        "duration_minutes": session.duration_minutes + part,
                        "exercises": [*session.exercises, steady],
                        "rules": sorted({*session.rules, *held.rules}),
                    }
                )
                used += part
        out.append(session)
    return out


def _steady_minutes(days: list[DayPlan]) -> list[int]:
    return [
        s.duration_minutes
        for d in days
        for s in d.sessions
        if s.modality is Modality.ENDURANCE and not s.optional
    ]


def _shorter_note(scheme: Scheme, days: list[DayPlan], last: list[DayPlan]) -> str | None:
    """The note template a week whose required steady minutes fell against `last` says,
    naming what took them (`_steady_fell_for`): `steady_shorter_note` for lifting,
    `steady_to_intervals_note` for an interval session; None where no one thing did."""
    cause = _steady_fell_for(days, last)
    if cause == "lifting":
        return scheme.steady_shorter_note
    if cause == "intervals":
        kept = any(_interval_steady_part(s) for d in days for s in d.sessions)
        return (kept and scheme.steady_to_intervals_part_note) or scheme.steady_to_intervals_note
    return None


def _steady_fell_for(days: list[DayPlan], last: list[DayPlan]) -> str | None:
    """What took the required steady minutes each day lost against `last`: "lifting" where
    every such day's required lifting minutes grew, "intervals" where every such day's
    interval minutes grew and its lifting did not, None for anything else (no day lost any,
    or the causes differ or are neither). Coach review 28, NOTE-BLAMES-LIFTING: a ride that
    became an interval session was said to give way to lifting that had not changed."""

    def minutes(day: DayPlan, modality: Modality) -> int:
        return sum(
            s.duration_minutes for s in day.sessions if s.modality is modality and not s.optional
        )

    causes = set()
    for now, was in zip(days, last, strict=True):
        if minutes(now, Modality.ENDURANCE) >= minutes(was, Modality.ENDURANCE):
            continue
        if minutes(now, Modality.RESISTANCE) > minutes(was, Modality.RESISTANCE):
            causes.add("lifting")
        elif minutes(now, Modality.HIIT) > minutes(was, Modality.HIIT):
            causes.add("intervals")
        else:
            return None
    return causes.pop() if len(causes) == 1 else None


def _reps_rose(days: list[DayPlan], last: list[DayPlan]) -> bool:
    """Whether the rep ranges (or hold times) "start higher" than in `last`: some lift's
    range starts higher and no lift's range ends lower, for lifts on the same day type. A
    range whose top falls (a cap moving it back, coach review 5, REP-NOTE-MISMATCH: 11-13 ->
    11-12) is not a range that starts higher."""

    def by_lift(ds: list[DayPlan]) -> dict[tuple[str, str], tuple[float, float]]:
        return {
            (s.title, e.name): (r.min, r.max)
            for d in ds
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
            if (r := e.reps or e.work_seconds) is not None
        }

    was, now = by_lift(last), by_lift(days)
    pairs = [(was[k], v) for k, v in now.items() if k in was]
    return any(n[0] > w[0] for w, n in pairs) and not any(n[1] < w[1] for w, n in pairs)


def _with_reps(note: str, days: list[DayPlan], start: CautiousStart) -> str:
    """A cautious start's note with `{reps}` put in: the span of the week's rep ranges on
    required lifts taken toward failure (coach review 5, REP-NOTE-MISMATCH: the note said
    8-12 over 11-13, pregnancy's least reps meeting the start's), or the start's own reps
    when the week holds none."""
    if "{reps}" not in note:
        return note
    ranges = [
        e.reps
        for d in days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE and not s.optional
        for e in s.exercises
        if e.reps is not None and e.intensity.rir is not None
    ]
    span = (
        Range.of(min(r.min for r in ranges), max(r.max for r in ranges))
        if ranges
        else _range(start.reps)
    )
    text = f"{span.min:g}-{span.max:g}" if span.max > span.min else f"{span.min:g}"
    return fill_placeholders(note, {"reps": text})


def _top_effort(days: list[DayPlan]) -> float:
    """The highest RPE of a required lift taken for reps (0 when none): what a cautious
    start's end must raise for its note to promise the full dose (a beginner's own dose may
    be the start's moderate effort again; a timed hold's effort is not a lift's)."""
    return max(
        (
            e.intensity.rpe.max
            for d in days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE and not s.optional
            for e in s.exercises
            if e.intensity.rpe is not None and e.intensity.rir is not None and e.reps is not None
        ),
        default=0.0,
    )


def _lifting_sets(days: list[DayPlan]) -> int:
    return sum(
        e.sets
        for d in days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE
        for e in s.exercises
    )


def _lifting_layout(days: list[DayPlan]) -> tuple[tuple[Day, str], ...]:
    """The week's lifting sessions as (day, title): which day type falls on which day."""
    return tuple(
        (d.day, s.title) for d in days for s in d.sessions if s.modality is Modality.RESISTANCE
    )


def _sets_by_place(days: list[DayPlan], same: list[DayPlan]) -> dict[tuple[int, int, int], int]:
    """Each lift of `days` (by its place: day, session and exercise index) found in `same`
    (a week with the same day types on the same days) on the same day in the same day type,
    with the sets it has there."""
    was = {
        (d.day, s.title, e.name): e.sets
        for d in same
        for s in d.sessions
        if s.modality is Modality.RESISTANCE
        for e in s.exercises
    }
    return {
        (i, j, k): was[key]
        for i, d in enumerate(days)
        for j, s in enumerate(d.sessions)
        if s.modality is Modality.RESISTANCE
        for k, e in enumerate(s.exercises)
        if (key := (d.day, s.title, e.name)) in was
    }


def _places(
    days: list[DayPlan], pairs: frozenset[tuple[str, str]]
) -> frozenset[tuple[int, int, int]]:
    """The places (day, session and exercise index) of `days`' lifts named in `pairs` by
    (session title, exercise name)."""
    return frozenset(
        (i, j, k)
        for i, d in enumerate(days)
        for j, s in enumerate(d.sessions)
        if s.modality is Modality.RESISTANCE
        for k, e in enumerate(s.exercises)
        if (s.title, e.name) in pairs
    )


def _without(days: list[DayPlan], pairs: frozenset[tuple[str, str]]) -> list[DayPlan]:
    """`days` without the lifts named in `pairs` by (session title, exercise name)."""
    if not pairs:
        return days
    return [
        DayPlan(
            day=d.day,
            sessions=[
                s.model_copy(
                    update={"exercises": [e for e in s.exercises if (s.title, e.name) not in pairs]}
                )
                for s in d.sessions
            ],
        )
        for d in days
    ]


def _cut_below(days: list[DayPlan], floors: Mapping[tuple[int, int, int], int]) -> list[str]:
    """The names of the lifts of `days` with fewer sets than `floors` gives their place, in
    the week's order, each once."""
    found = [
        days[i].sessions[j].exercises[k].name
        for (i, j, k), n in sorted(floors.items())
        if days[i].sessions[j].exercises[k].sets < n
    ]
    return list(dict.fromkeys(found))


def _named(names: list[str]) -> str:
    """Names in a sentence: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _sets_grew(days: list[DayPlan], building: list[Week]) -> bool:
    """Whether the week really adds sets (what "one more set on some lifts" says): its lifts
    have more sets in all than in the same sessions before them - the last building
    week with the same days of each type (`_lifting_layout`), lift by lift on each day; or,
    where none has (the first mirrored week), the first session of the same type in the last
    building week, which a mirrored session is made from. The week's total is not the
    measure: a mirrored week (B/A/B after A/B/A) changes it while no lift gains a set (coach
    review 5, SET-NOTE-FALSE); nor is one lift's rise: a weekly ceiling that cuts the
    days of a mirrored week differently moves sets between lifts while the week stays at the
    same sets (coach review 16, ADDED-SETS-NOTE-BUT-SETS-FLAT: 27 -> 27 -> 27 sets, week 3
    set for set week 1, the note said in weeks 2 and 3)."""
    if not building:
        return False
    layout = _lifting_layout(days)
    same = next((w for w in reversed(building) if _lifting_layout(w.days) == layout), None)
    pairs: list[tuple[int, int]] = []
    if same is not None:
        was = {
            (d.day, s.title, e.name): e.sets
            for d in same.days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
        }
        pairs = [
            (was[k], e.sets)
            for d in days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
            if (k := (d.day, s.title, e.name)) in was
        ]
    else:
        first: dict[str, dict[str, int]] = {}
        for d in building[-1].days:
            for s in d.sessions:
                if s.modality is Modality.RESISTANCE and s.title not in first:
                    first[s.title] = {e.name: e.sets for e in s.exercises}
        pairs = [
            (first[s.title][e.name], e.sets)
            for d in days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE and s.title in first
            for e in s.exercises
            if e.name in first[s.title]
        ]
    return sum(n for _, n in pairs) > sum(w for w, _ in pairs)


def _reps_cut(before: list[DayPlan], after: list[DayPlan]) -> int:
    """How much the lifting reps (top of each range, times sets) fell, in %."""

    def total(days: list[DayPlan]) -> float:
        return sum(
            e.sets * e.reps.max
            for d in days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
            if e.reps is not None
        )

    was = total(before)
    return round(100 * (1 - total(after) / was)) if was else 0


def _held_rounds(days: list[DayPlan], outcome: Decisions, week: int) -> list[int]:
    """The rounds of each interval session of week `week` (as `days` holds it) that the
    week's rules keep: the enforce step leaves out those the week-scoped rules drop
    (`dropped_in_week`: a passing illness's weeks 1-5), so the notes never speak of them
    (coach review 41, INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS: weeks 2-4 said "One more
    4-minute round" and a deload's "4 rounds in all" with no interval session in them). A
    steady part after the last round (`_intervals_keep_steady`) is no round."""
    rules = outcome.in_week(week)
    return [
        sum(e.sets for e in s.exercises if e.pattern is Pattern.INTERVALS)
        for d in days
        for s in d.sessions
        if s.modality is Modality.HIIT and not dropped_in_week(s, rules)
    ]


def _rounds(days: list[DayPlan], outcome: Decisions, week: int) -> int:
    """The week's interval rounds in all, of the sessions its rules keep (`_held_rounds`)."""
    return sum(_held_rounds(days, outcome, week))


def _rounds_step(template: Session, number: int, scheme: Scheme, outcome: Decisions) -> int:
    """The steps of `add_rounds_per_week` an interval session has taken by week `number`:
    one a building week after the first building week whose rules keep it, counted only in
    weeks whose rules keep it (`dropped_in_week`). Weeks that leave the intervals out (a
    passing illness's weeks 1-5) step none, so the rounds start at the session's own where
    the intervals first stand, and climb from there (coach review 41,
    INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS: the first session, in week 6, held the six
    rounds of 4 minutes that weeks never held had built; PAR-Q+, build back gradually;
    EVIDENCE.md 1.5, start and build). Where no week leaves them out, the building weeks
    since the session's first week, as before."""
    held = [
        n
        for n in range(template.first_week, number + 1)
        if not scheme.is_deload(n) and not dropped_in_week(template, outcome.in_week(n))
    ]
    return max(len(held) - 1, 0)


def _return_share(template: Session, number: int, scheme: Scheme, outcome: Decisions) -> float:
    """The share of its rounds an interval session that does not climb holds in week
    `number` (1.0: all): after building weeks whose rules left it out (`dropped_in_week`: a
    passing illness's weeks 1-5), the first building week that keeps it holds
    `return_rounds_pct` % of them, rising evenly to all of them over `return_rounds_weeks`
    building weeks; a deload reads the share of the building week before it. Coach review 42,
    FIXED-INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS: a fat-loss lifter's first session
    after the illness's five weeks without intervals held the sprints' full 6 x 30 s
    all-out, an intermediate's the full 10 x 1 minute. A session whose rounds climb
    (`add_rounds_per_week`, with room on its day) restarts at its own first rounds instead
    (`_rounds_step`; the caller tells them apart, `_rounds_climb`)."""
    if not scheme.return_pct:
        return 1.0
    weeks = range(template.first_week, number + 1)
    gap = [n for n in weeks if dropped_in_week(template, outcome.in_week(n))]
    if not gap:
        return 1.0
    back = [n for n in weeks if n > gap[-1] and not scheme.is_deload(n)]
    step = max(len(back) - 1, 0)
    if step >= scheme.return_weeks:
        return 1.0
    return (scheme.return_pct + (100 - scheme.return_pct) * step / scheme.return_weeks) / 100


def _rounds_climb(session: Session, room: Room, outcome: Decisions, scheme: Scheme) -> bool:
    """Whether the interval session's rounds climb from where they stand: its protocol adds
    rounds and the day's minutes (`room`, tried on a copy) hold more than it has. A 4 x 4
    on a 30-minute day starts at the three rounds the day holds and stays there: a single
    dose, which returns from an illness as one (`_return_share`)."""
    if not scheme.add_rounds:
        return False
    trial = replace(room, under=dict(room.under))
    most = _rounds_cap(outcome)
    return any(
        trial.take(e, e.sets, max(most, e.sets)) > e.sets
        for e in session.exercises
        if e.pattern is Pattern.INTERVALS
    )


def _returned_rounds(ex: Exercise, share: float, least: int) -> int:
    """An interval exercise's rounds at `share` of its own (`_return_share`): rounded up, at
    least `least` (never more than its own)."""
    return min(ex.sets, max(math.ceil(ex.sets * share - 1e-9), least))


def _mirror(
    week_one: list[DayPlan],
    budget: int,
    least_block: int,
    short: float = 0.0,
    *,
    dose_first: bool = False,
) -> dict[int, Session | None]:
    """For a split whose two day types are not used equally (Upper/Lower/Upper), the
    sessions that swap in every second week (Lower/Upper/Lower), so that over two weeks each
    muscle group gets the same number of hard exposures (COACHING.md §2). Maps id(session)
    -> the session that takes its place; empty when no mirror is needed or it would not fit
    the day's minutes. Swapping whole day types keeps every same-muscle spacing.
    A steady block after lifting on a day the swap makes longer than its minutes gives the
    excess; the minutes that a shorter swapped-in session frees go to the steady blocks only
    as far as they give those back, and take the week up to the aerobic guideline where it
    is `short` of it: past that the week's steady minutes hold, so the week after the mirror
    has no shorter steady work to explain (coach review 16,
    NOTE-BLAMES-LIFTING-FOR-SHORTER-CARDIO: walks 13 -> 25 -> 13 minutes on a 90-minute day
    that had the time, the week after said its lifting took it).
    With `dose_first` (a muscle- or strength-first goal) and day types that train different
    major groups, a block the swap would leave under its least work is left out of the
    mirrored week (mapped to None) rather than the mirror: the first goal's lifting comes
    before WHO's aerobic minutes (COACHING.md §2), and without the mirror a group of
    Upper/Lower/Upper on three back-to-back days would be trained on one day every week
    (coach review 30, CONSECUTIVE-DAYS-LOSE-A-LIFTING-DAY)."""
    # a lifting day that gives way within the block (`last_week`) is not mirrored
    lifts = [
        s
        for d in week_one
        for s in d.sessions
        if s.modality is Modality.RESISTANCE and s.last_week is None
    ]
    titles = list(dict.fromkeys(s.title for s in lifts))
    if len(titles) != 2:
        return {}
    counts = {t: sum(1 for s in lifts if s.title == t) for t in titles}
    if counts[titles[0]] == counts[titles[1]]:
        return {}
    first = {t: next(s for s in lifts if s.title == t) for t in titles}
    # a walk gives way only to a mirror that rotates emphasis: day types that train
    # different major groups (Upper/Lower), not full body A and B
    groups = [
        {
            g
            for g, ms in MAJOR_GROUPS.items()
            if {m.value for e in first[t].exercises for m in e.muscles} & set(ms)
        }
        for t in titles
    ]
    dose_first = dose_first and groups[0] != groups[1]
    swap: dict[int, Session | None] = {
        id(s): first[titles[1] if s.title == titles[0] else titles[0]] for s in lifts
    }
    freed: list[tuple[Session, int]] = []  # a block and the minutes its day's swap frees
    given = 0.0  # minutes the blocks gave to longer lifting sessions
    for day in week_one:
        total = sum(
            (swapped.duration_minutes if (swapped := swap[id(s)]) is not None else 0)
            if id(s) in swap
            else s.duration_minutes
            for s in day.sessions
        )
        was = sum(s.duration_minutes for s in day.sessions)
        if total == was:
            continue
        # a steady block on the day takes up the difference: it gives minutes to a longer
        # lifting session that would overrun the day
        block = next(
            (
                s
                for s in day.sessions
                if s.modality is Modality.ENDURANCE and not s.optional and id(s) not in swap
            ),
            None,
        )
        if block is not None:
            if total > budget:
                if block.duration_minutes + budget - total < least_block:
                    if not dose_first:
                        return {}
                    swap[id(block)] = None  # its minutes go to the blocks a swap frees
                    given += block.duration_minutes
                    continue
                swap[id(block)] = _resized_steady(block, block.duration_minutes + budget - total)
                given += total - budget
            elif was > total:
                freed.append((block, was - total))
        elif total > budget:
            return {}
    # the freed minutes: what the blocks gave, and what the week is short of the target
    left = given + max(0.0, short)
    for block, minutes in freed:
        take = int(min(minutes, left))
        if take <= 0:
            break
        swap[id(block)] = _resized_steady(block, block.duration_minutes + take)
        left -= take
    if groups[0] == groups[1] and short > 0:
        # day types that train the same groups (full body A and B) rotate no emphasis: a
        # swapped week whose lifting leaves its steady work shorter than the week it swaps,
        # while the week is short of the aerobic target, is not taken (B/A/B after A/B/A on
        # 48-minute days: the copies of Wednesday's B, longer than Friday's A, took the walks
        # 43 -> 40 minutes; coach review 30, HEAVY-CONVENTIONAL-DEADLIFT-EVERY-LIFTING-DAY,
        # whose A/B/A order made such weeks)
        after = [
            DayPlan(
                day=d.day,
                sessions=[x for s in d.sessions if (x := swap.get(id(s), s)) is not None],
            )
            for d in week_one
        ]
        if sum(_steady_minutes(after)) < sum(_steady_minutes(week_one)):
            return {}
    return swap


def _resized_steady(session: Session, minutes: int) -> Session:
    """A steady session lasting `minutes`: its steady work changes by the same amount (in a
    tempo session, its last part first: the moderate part, then the tempo part)."""
    delta = minutes - session.duration_minutes
    cardio = [
        i
        for i, ex in enumerate(session.exercises)
        if ex.pattern is Pattern.CARDIO and ex.work_seconds is not None
    ]
    if len(cardio) > 1:
        parts = list(session.exercises)
        left: float = delta * 60
        for i in reversed(cardio):
            work = parts[i].work_seconds
            assert work is not None
            low = max(60, work.min + left)
            change = low - work.min
            parts[i] = parts[i].model_copy(
                update={"work_seconds": Range.of(low, max(60, work.max + change))}
            )
            left -= change
            if not left:
                break
        return session.model_copy(update={"duration_minutes": minutes, "exercises": parts})
    exercises = [
        ex.model_copy(
            update={
                "work_seconds": Range.of(
                    max(60, ex.work_seconds.min + delta * 60),
                    max(60, ex.work_seconds.max + delta * 60),
                )
            }
        )
        if ex.pattern is Pattern.CARDIO and ex.work_seconds is not None
        else ex
        for ex in session.exercises
    ]
    return session.model_copy(update={"duration_minutes": minutes, "exercises": exercises})


@dataclass(frozen=True)
class BuildUp:
    """People not yet active: steady sessions start at `start_minutes` (the guideline's
    `build_up_from_minutes`) and reach full length in `weeks` building steps. A steady
    session that joins the week later (`joins_note`: the aerobic-first backbone's second
    session) does not start again at `start_minutes`: it takes what the week's total has
    grown by, at least `least_minutes` of work (the library's least steady work)."""

    weeks: int
    start_minutes: int
    least_minutes: int = 10
    joins_note: str | None = None
    # the optional extras' step a building week (`build_up_extras_step_minutes`); None: the
    # extras are not built up
    extras_step: int | None = None
    # the most a required steady session's work grows a building week
    # (`build_up_step_minutes`); None: the build-up takes `weeks` steps whatever the distance
    step: int | None = None

    def covering(self, distances: Iterable[float]) -> BuildUp:
        """The build-up with as many steps as its longest distance needs (`distances`: the
        minutes of work each required steady session grows by, from the ramp's start or,
        for one joining the week later, from nothing) at no more than `step` minutes a
        step, and never fewer than `weeks` (COACHING.md §3, ACSM 2011: 5-10 minutes every
        1-2 weeks; coach review 26, STEADY-RAMP-TOO-STEEP: on 90-minute days a walk went
        20 -> 35 -> 50 -> 65 -> 80 minutes to be full in week 6)."""
        if self.step is None:
            return self
        longest = max(distances, default=0.0)
        steps = math.ceil(longest / self.step - 1e-9) + 1
        return replace(self, weeks=max(self.weeks, steps))

    def total(self, start: float, full: float, step: int) -> float:
        """The week's steady work in building step `step` (1-based; deloads hold a step),
        growing in equal steps from `start` (week 1's) to `full` in `weeks` steps."""
        if step >= self.weeks:
            return full
        return start + (full - start) * (max(step, 1) - 1) / max(self.weeks - 1, 1)

    def joining_week(
        self, start: float, full: float, is_deload: Callable[[int], bool], last: int
    ) -> int | None:
        """The first week (1..`last`) whose steady total has grown past `start` by the least
        steady work, so a session joining the week then holds at least that; None: not
        within the block."""
        step = 0
        for week in range(1, last + 1):
            step += 0 if is_deload(week) else 1
            if self.total(start, full, step) - start >= self.least_minutes:
                return week
        return None


def _build_up(session: Session, week: int, ramp: BuildUp) -> Session:
    """A required steady session shortened for a build-up week: its work grows in equal
    steps from the ramp's start in week 1 to its full length in `ramp.weeks`."""
    weeks_to_full = ramp.weeks
    if (
        session.optional
        or session.modality is not Modality.ENDURANCE
        or week >= weeks_to_full
        or not session.exercises
    ):
        return session
    exercises = []
    saved = 0
    for ex in session.exercises:
        if ex.pattern is not Pattern.CARDIO or ex.work_seconds is None:
            exercises.append(ex)
            continue
        full = ex.work_seconds.max / 60
        start = min(full, ramp.start_minutes)
        minutes = round(start + (full - start) * (week - 1) / max(weeks_to_full - 1, 1))
        saved += round(full - minutes)
        exercises.append(
            ex.model_copy(update={"work_seconds": Range.of(minutes * 60, minutes * 60)})
        )
    return session.model_copy(
        update={
            "exercises": exercises,
            "duration_minutes": max(session.duration_minutes - saved, 1),
        }
    )


def _extras_ramped(
    week_one: list[DayPlan], step: int, ramp: BuildUp, spread: bool = False
) -> dict[int, int]:
    """People building up (not yet active): the work minutes of each optional moderate steady
    extra (by id) in building step `step`, 0 where it waits for a later week. The extras'
    weekly work starts at the build-up's first length (`start_minutes`: one walk of about
    20 minutes) and grows by at most `extras_step` minutes a building step to their full
    total, filling them in order (the days furthest from a required session first, then
    day order); an extra left under the library's least steady work (`least_minutes`)
    waits; with `spread` (a limit on days without activity) each extra first gets that
    least work, so the first bouts cover the most days (coach review 22,
    OPTIONAL-EXTRAS-SKIP-RAMP: an inactive 40-year-old's week 1 listed three optional
    40-minute brisk walks while its advice said to start with one of about 20 minutes a
    week)."""
    placed = [
        (i, s)
        for i, d in enumerate(week_one)
        for s in d.sessions
        if s.optional
        and s.modality is Modality.ENDURANCE
        and s.intensity_class is not IntensityClass.LIGHT
        and _work_minutes(s) > 0
    ]
    if not placed or ramp.extras_step is None:
        return {}
    step_minutes = ramp.extras_step
    # the first bouts go where they break the longest run of days without a required
    # session (ADA 2016: no more than two days in a row without activity; coach review 23,
    # RAMP-EXTRAS-LEAVE-ADA-GAP: a Monday/Tuesday week's first walks went on Wednesday and
    # Thursday, leaving Friday to Monday idle), then in day order
    busy = [i for i, d in enumerate(week_one) if any(not s.optional for s in d.sessions)]

    def apart(i: int) -> int:
        return min((min(abs(i - b), 7 - abs(i - b)) for b in busy), default=0)

    extras = [s for i, s in sorted(placed, key=lambda t: (-apart(t[0]), t[0]))]

    def fill(total: float) -> dict[int, int]:
        out: dict[int, int] = {}
        if spread:
            # (a limit on days without activity: each extra first gets the least steady
            # work, so the bouts cover the most days, then they grow in the same order)
            for s in extras:
                out[id(s)] = (
                    min(round(_work_minutes(s)), ramp.least_minutes)
                    if total >= ramp.least_minutes
                    else 0
                )
                total -= out[id(s)]
        for s in extras:
            have = out.get(id(s), 0)
            if have or not spread:
                work = min(round(_work_minutes(s)) - have, math.floor(total))
                if have or work >= ramp.least_minutes:
                    out[id(s)] = have + max(work, 0)
                    total -= max(work, 0)
                else:
                    out[id(s)] = 0
        return out

    # each step grows from what the step before held (an extra that waited makes that
    # less than its aim), so no week adds more than the step
    out = fill(ramp.start_minutes)
    for _ in range(max(step, 1) - 1):
        out = fill(sum(out.values()) + step_minutes)
    return out


def _steady(session: Session) -> bool:
    return session.modality is Modality.ENDURANCE and not session.optional


def _joined_minutes(
    week_one: list[DayPlan], number: int, step: int, ramp: BuildUp, start: float
) -> dict[int, int]:
    """The work minutes of each steady session that joined the week after week 1 (by id),
    in week `number` (building step `step`): what the week's steady total has grown to
    (`BuildUp.total`, from week 1's `start`) beyond the other steady sessions' own
    build-up, at least the least steady work, at most the session's full length. The
    build-up is the week's, so a joining session does not start again at the ramp's
    start (a second 20-minute walk would double the week at once)."""
    done = [
        s
        for d in week_one
        for s in d.sessions
        if _steady(s) and s.first_week <= number <= (s.last_week or number)
    ]
    late = [s for s in done if s.first_week > 1]
    if not late:
        return {}
    have = sum(_work_minutes(_build_up(s, step, ramp)) for s in done if s.first_week == 1)
    left = ramp.total(start, sum(_work_minutes(s) for s in done), step) - have
    joined = {}
    for s in late:
        minutes = int(min(_work_minutes(s), max(ramp.least_minutes, round(left))))
        joined[id(s)] = minutes
        left -= minutes
    return joined


def _work_minutes(session: Session) -> float:
    return sum(
        ex.work_seconds.max / 60
        for ex in session.exercises
        if ex.pattern is Pattern.CARDIO and ex.work_seconds is not None
    )


def _tempo_work(session: Session) -> int:
    """A tempo session's minutes of work at the tempo effort (its first steady part), 0 for
    any other session."""
    if session.easy_part is None:
        return 0
    first = next(
        (e for e in session.exercises if e.pattern is Pattern.CARDIO and e.work_seconds),
        None,
    )
    return round(first.work_seconds.max / 60) if first and first.work_seconds else 0


# the least moderate part a tempo session keeps once its tempo part has grown into its work:
# a tempo run is a hard part inside an easier session, never the whole of it (coach review
# 37, TEMPO-PAST-ITS-MINUTES: a 45-minute session's tempo part grew to all 35 of its work
# minutes under a note that the rest stayed moderate)
TEMPO_EASY_LEAST_MINUTES = 5


def tempo_room(work: float) -> float:
    """The most tempo minutes a session of `work` minutes holds: all but the moderate part's
    least (`TEMPO_EASY_LEAST_MINUTES`), or all of it where the work is no more than twice
    that; in between the moderate part grows a minute for each minute of work past twice
    that, so a minute more of work never takes a tempo minute away (coach review 41,
    ONE-MORE-MINUTE-LESS-TRAINING: 10 tempo minutes in a 15-minute session, 6 and 5 easy in
    a 16-minute one)."""
    easy = min(max(work - 2 * TEMPO_EASY_LEAST_MINUTES, 0), TEMPO_EASY_LEAST_MINUTES)
    return work - easy


def _tempo_sized(session: Session, tempo: int) -> Session:
    """A tempo session whose tempo part holds `tempo` minutes of its work, leaving its
    moderate part at least `TEMPO_EASY_LEAST_MINUTES` (all of its work at most where the work
    is shorter), the rest in its moderate part (coach review 27,
    TEMPO-NO-BUILDUP-NO-DELOAD)."""
    easy = session.easy_part
    cardio = [e for e in session.exercises if e.pattern is Pattern.CARDIO and e.work_seconds]
    if easy is None or not cardio:
        return session
    total = round(sum(e.work_seconds.max for e in cardio if e.work_seconds) / 60)
    hard = max(min(tempo, round(tempo_room(total))), 1)
    parts = [cardio[0].model_copy(update={"work_seconds": Range.of(hard * 60)})]
    if total > hard:
        part = cardio[1] if len(cardio) > 1 else easy
        parts.append(part.model_copy(update={"work_seconds": Range.of((total - hard) * 60)}))
    others = [e for e in session.exercises if all(e is not c for c in cardio)]
    return session.model_copy(update={"exercises": [*others, *parts]})


# the most steps (`tempo_step_minutes`) a tempo part grows from one week to the next: two
# steps of 5 are the top of ACSM 2011's 5-10 minutes every week or two (long31; the audit's
# TEMPO_STEP_MOST)
TEMPO_STEPS_MOST = 2


def _tempo_targets(count: int, scheme: Scheme) -> dict[int, int]:
    """The tempo work of each building week (COACHING.md §3, ACSM 2011: aerobic work
    lengthened gradually): week 1's minutes plus a step each building week to the top,
    each later block starting a step higher (the wave of `_growth`)."""
    blocks, _ = mesocycles(count, scheme)
    return {
        number: min(scheme.tempo_top, scheme.tempo_low + (b + k) * scheme.tempo_step)
        for b, weeks in enumerate(blocks)
        for k, number in enumerate(weeks)
    }


def _tempo_of(days: list[DayPlan]) -> tuple[str, int] | None:
    """The week's tempo session (title) and its tempo minutes; None without one."""
    for d in days:
        for s in d.sessions:
            if _steady(s) and s.easy_part is not None:
                return s.title, _tempo_work(s)
    return None


def mesocycles(count: int, scheme: Scheme) -> tuple[list[list[int]], dict[int, int]]:
    """The block's building weeks in mesocycles, and each deload week -> the one it closes."""
    blocks: list[list[int]] = [[]]
    deloads: dict[int, int] = {}
    for number in range(1, count + 1):
        if scheme.is_deload(number):
            if blocks[-1]:
                deloads[number] = len(blocks) - 1
                blocks.append([])
        else:
            blocks[-1].append(number)
    return [b for b in blocks if b], deloads


def _growth(
    week_one: list[DayPlan], count: int, scheme: Scheme, grows: Mapping[int, tuple[int, int]]
) -> dict[int, dict[int, int]]:
    """Coach review 3, K13: the minutes of each steady session that grows into its day's
    spare minutes (`grows`: id -> (week-1 minutes, minutes it joins with; 0 week-1 minutes:
    it joins later)), week by week. Each building week the week's steady minutes are
    `scheme.long_step` higher than the last (COACHING.md §3: 5-10 minutes every 1-2 weeks),
    a deload going back to its block's first week and each later block starting a step
    higher; the growth goes first to a lifting day's block, then to a steady session's own
    day, in day order, and to a block beside intervals last (`beside_hard`; with
    `steady_step_pct`, `_spread_by_step`). A session joining a day takes one step for its
    least minutes, and 1:1 after that. Returns week -> id -> minutes (0: not done that
    week)."""
    if not scheme.steady_grows or not scheme.long_step or not grows:
        return {}
    lifting_days = {
        id(s)
        for d in week_one
        if any(o.modality is Modality.RESISTANCE and not o.optional for o in d.sessions)
        for s in d.sessions
    }
    # a block beside intervals grows last (coach review 41, INTERVAL-DAY-STEADY-JUMP)
    hard = beside_hard(week_one)
    # (spread a step at a time, `steady_step_pct`: the long session, on its own day, first)
    spread = bool(scheme.steady_step_pct)
    order = sorted(
        (s for d in week_one for s in d.sessions if id(s) in grows),
        key=lambda s: (
            id(s) in hard,
            (id(s) in lifting_days) == spread,
            grows[id(s)][0] == 0,
        ),
    )
    blocks, deloads = mesocycles(count, scheme)
    step = scheme.growth_step(week_one_steady(week_one, grows))
    if scheme.steady_step_pct and step > scheme.long_step:
        # a spread step no bigger than the room shared over the block's building steps
        # (rounded up to whole `long_step`s), so that every block still grows where the
        # room is short and the last one reaches the room the lifting days gave up
        room = sum(s.duration_minutes - grows[id(s)][0] for s in order)
        steps = max((b + len(w) - 1 for b, w in enumerate(blocks)), default=0)
        if steps:
            share = -(-room // (steps * scheme.long_step)) * scheme.long_step
            step = max(min(step, share), scheme.long_step)
    wanted = dict.fromkeys(range(1, count + 1), 0)  # a first-week deload starts nothing
    for b, weeks in enumerate(blocks):
        for k, number in enumerate(weeks):
            wanted[number] = (b + k) * step
    for number, b in deloads.items():
        wanted[number] = wanted[blocks[b][0]] if b < len(blocks) else 0
    out: dict[int, dict[int, int]] = {}
    if scheme.steady_step_pct:
        spread_sizes = _spread_by_step(order, grows, hard, sorted(set(wanted.values())), scheme)
        return {number: spread_sizes[extra] for number, extra in wanted.items()}
    for number, extra in wanted.items():
        left = extra
        sizes: dict[int, int] = {}
        for s in order:
            base, joins = grows[id(s)]
            full = s.duration_minutes
            if base:
                take = max(0, min(full - base, left))
                sizes[id(s)] = base + take
                left -= take
            elif left >= step and full >= joins:
                sizes[id(s)] = min(full, joins + left - step)
                left -= sizes[id(s)] - joins + step
            else:
                sizes[id(s)] = 0
        out[number] = sizes
    return out


def week_one_steady(week_one: list[DayPlan], grows: Mapping[int, tuple[int, int]]) -> int:
    """Week 1's minutes of required steady sessions (a growing session at its week-1
    minutes, one joining later at none)."""
    return sum(
        grows[id(s)][0] if id(s) in grows else s.duration_minutes
        for d in week_one
        for s in d.sessions
        if s.modality is Modality.ENDURANCE and not s.optional
    )


def beside_hard(days: list[DayPlan]) -> set[int]:
    """The required steady sessions (by id) that share their day with intervals or with a
    vigorous steady session: the day's hard work comes first and the steady block after it
    stays an easy addition (coach review 41, INTERVAL-DAY-STEADY-JUMP; COACHING.md §2-3:
    hard days hard, easy days easy)."""

    def hard(o: Session) -> bool:
        return o.modality is Modality.HIIT or (
            o.modality is Modality.ENDURANCE and o.intensity_class is IntensityClass.VIGOROUS
        )

    out: set[int] = set()
    for d in days:
        required = [s for s in d.sessions if not s.optional]
        for s in required:
            if (
                _steady(s)
                and s.intensity_class is not IntensityClass.VIGOROUS
                and any(o is not s and hard(o) for o in required)
            ):
                out.add(id(s))
    return out


def _spread_by_step(
    order: list[Session],
    grows: Mapping[int, tuple[int, int]],
    hard: set[int],
    extras: list[int],
    scheme: Scheme,
) -> dict[int, dict[int, int]]:
    """Each of the block's growths (`extras`, rising a step at a time) spread over the growing
    sessions (`_spread_growth`): first over the sessions on easy days, the long session
    first, then what they cannot take over the blocks beside intervals (`hard`), each of
    those at most `Scheme.beside_hard_step` above what it held a step before (coach review
    41, INTERVAL-DAY-STEADY-JUMP: the added minutes go to the easy days, and the work after
    the intervals grows no faster than about 10 % a week). Returns extra -> id -> minutes."""
    easy = [s for s in order if id(s) not in hard]
    after = [s for s in order if id(s) in hard]
    held = {id(s): grows[id(s)][0] for s in after}
    out: dict[int, dict[int, int]] = {}
    for extra in extras:
        sizes = _spread_growth(easy, grows, extra, scheme.long_step)
        used = sum(sizes[id(s)] - grows[id(s)][0] for s in easy)
        most = {
            id(s): held[id(s)] + scheme.beside_hard_step(grows[id(s)][0] or grows[id(s)][1])
            for s in after
        }
        later = _spread_growth(after, grows, extra - used, scheme.long_step, most)
        held.update(later)
        out[extra] = {**sizes, **later}
    return out


def _spread_growth(
    order: list[Session],
    grows: Mapping[int, tuple[int, int]],
    extra: int,
    unit: int,
    most: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """`extra` minutes of growth spread over the growing sessions `unit` minutes at a time,
    round the sessions in `order` (coach review 28, ENDURANCE-TIME-LEFT-IDLE: a 10 % step
    goes to the long session and the blocks after lifting alike, so no one session jumps);
    a session joining a day takes its least minutes (`grows`) at once. Each up to its most
    (its built minutes, or less where `most` gives less). Returns id -> minutes (0: not
    done that week)."""
    sizes = {id(s): grows[id(s)][0] for s in order}
    left = extra
    moved = True
    while left > 0 and moved:
        moved = False
        for s in order:
            base, joins = grows[id(s)]
            now = sizes[id(s)]
            full = min(s.duration_minutes, (most or {}).get(id(s), s.duration_minutes))
            if not now and not base:
                if joins <= left and joins <= full:
                    sizes[id(s)] = joins
                    left -= joins
                    moved = True
                continue
            add = min(unit, full - now, left)
            if add > 0:
                sizes[id(s)] = now + add
                left -= add
                moved = True
    return sizes


def _tighter(caps: dict[bool, float | None], cap: float | None) -> dict[bool, float | None]:
    if cap is None:
        return caps
    return {k: cap if v is None else min(v, cap) for k, v in caps.items()}


# a start's dose held to the end of the block (`then_hold`) is read as a start this long: the
# longest block a cautious start may name (engine/model.py `CautiousStart.weeks`, 1-16)
HELD_START_WEEKS = 16


def _dose_changes(start: CautiousStart | None, week: int) -> bool:
    """Whether `week` changes the lifting dose: each exit step of a cautious start and the
    first week of the block's own dose after it."""
    if start is None or start.weeks >= HELD_START_WEEKS:
        return False
    return start.weeks < week <= start.weeks + (start.exit_weeks or 0) + 1


def _dose_as_active(start: CautiousStart | None) -> bool:
    """Whether week 1's sets are the block's own dose (`group_dose_sets`): with no cautious
    start, or a re-entry's (moderate weeks that end into the block's own dose, with no exit
    or sets of their own). Its weeks take that dose at their moderate effort, so a lifter
    back from a break never has more sets than the same lifter in training (coach review
    27, REENTRY-MORE-SETS-THAN-ACTIVE: 60 a week where the active lifter had 48-52)."""
    return start is None or (
        start.weeks < HELD_START_WEEKS
        and start.then_hold is None
        and start.exit_weeks is None
        and start.exit_sets is None
    )


def _load_only_step(start: CautiousStart | None, week: int) -> bool:
    """Whether `week` is a later step of a cautious start's exit, or the week after it,
    whose change of dose is the %1RM ceiling's (the exit's effort is set in its first week).
    For a plan with nothing to load such a week changes no dose by itself, so the block's
    own alternation of more reps and a slower lowering goes on in it instead of starting
    again at the bottom of the range (coach review 12, BODYWEIGHT-LOAD-TALK); an effort
    that still rises after the exit is said by its own note."""
    if start is None or start.weeks >= HELD_START_WEEKS or not start.exit_weeks:
        return False
    return start.weeks + 1 < week <= start.weeks + start.exit_weeks + 1


def _dose_in_force(start: CautiousStart | None, week: int) -> CautiousStart | None:
    """The cautious dose that replaces the block's own in `week`: the start's in its weeks,
    then the dose it holds (`then_hold`) to the end of the block, else none."""
    if start is None:
        return None
    if week <= start.weeks:
        return start
    hold = start.then_hold
    if hold is None:
        return None
    return CautiousStart(
        weeks=HELD_START_WEEKS,
        reps=hold.reps,
        rpe=hold.rpe,
        rir=hold.rir,
        pct_1rm=hold.pct_1rm,
        note=hold.note,
    )


def _exit_cap(start: CautiousStart | None, week: int, scheme: Scheme) -> float | None:
    """The %1RM ceiling of a week in a cautious start's exit: it starts at the exit's bottom
    and rises in equal steps to its top over the exit's building weeks (e.g. 55 -> 62.5 ->
    70 % over weeks 9-11, week 12 a deload), never more than a load step a week above the
    start's own ceiling. A deload in the exit holds the step before it (`build_weeks` reads
    it as its last building week). Starting at the bottom makes the first step a real one
    for every lift."""
    if start is None or start.exit_weeks is None or start.exit_pct_1rm is None:
        return None
    step = week - start.weeks
    if step < 1 or step > start.exit_weeks:
        return None
    top = start.exit_pct_1rm.max or start.pct_1rm.max or 0
    low = min(start.exit_pct_1rm.min or top, top)
    exit_weeks = range(start.weeks + 1, start.weeks + start.exit_weeks + 1)
    building = [w for w in exit_weeks if not scheme.is_deload(w)] or list(exit_weeks)
    done = max(1, sum(1 for w in building if w <= week))
    cap = top if len(building) == 1 else low + (top - low) * (done - 1) / (len(building) - 1)
    # never more than a tenth of the load a week above the start's own ceiling (coach
    # review 12, LOAD-JUMP-OSTEO, and coach review 27, REENTRY-EXIT-LOAD-JUMP: ACSM 2009
    # raises a load 2-10 % at a time; the 49 -> 55 % first step was 12 %)
    if start.pct_1rm.max is not None:
        cap = min(cap, round(start.pct_1rm.max * (1 + scheme.dose_load_step) ** done, 1))
    return cap


def _climb_held(pct: float, outcome: Decisions, week: int, design: SessionDesignFile) -> float:
    """`pct` (a cautious start's %1RM in `week`) no higher than the top of the zone the
    week's ceiling holds it to (light: 49 %; the enforce step, `hold_week`, caps the loads
    there)."""
    ceiling = outcome.in_week(week).ceiling.value
    zone = next((z for c, z in design.zones.items() if c.value == ceiling), None)
    if zone is None or zone.pct_1rm.max is None:
        return pct
    return min(pct, float(zone.pct_1rm.max))


def _start_end(start: CautiousStart | None) -> int | None:
    """The last week of a cautious start and its exit, for a start that ends into the
    block's own dose (None: no start, or one held to the end of the block)."""
    if start is None or start.weeks >= HELD_START_WEEKS or start.then_hold is not None:
        return None
    return start.weeks + (start.exit_weeks or 0)


def _role_tops(days: list[DayPlan]) -> dict[bool, float]:
    """The highest %1RM top a week's required lifts are given, compound lifts and the
    others apart (the two load caps `cohere_session` reads)."""
    out: dict[bool, float] = {}
    for e in _required_lifts(days):
        if e.intensity.pct_1rm is not None:
            out[e.compound] = max(out.get(e.compound, 0.0), e.intensity.pct_1rm.max)
    return out


@dataclass
class EndSteps:
    """The way from a cautious start (and its exit) into the block's own dose, a building
    week at a time (coach review 27, REENTRY-EXIT-LOAD-JUMP: a trained lifter's re-entry
    went from 2 % to 17 % more load than week 1 in the week its effort went RPE 5-6 -> 7-8).
    After a lay-off one thing steps at a time: where the block's own effort is higher than
    the start's, its first week takes that effort at the loads of the last building week;
    from there a week's loads rise at most `step` (a share of the load: ACSM 2009's 2-10 %)
    above those of the last week that set them (`tops`: its %1RM tops by role; `load`: its
    block load steps, %, which the new week's own steps count against), until the block's
    own %1RM is below the cap."""

    tops: dict[bool, float]
    load: float
    step: float
    points: float  # the most a %1RM shown rises over the last building week's

    def caps(self, load: float, shown: dict[bool, float], *, held: bool) -> dict[bool, float]:
        """A building week's %1RM caps, by role, at block load steps `load` (%): `held`,
        the loads of `tops` (an effort step's week); never more than `points` above the
        last building week's %1RM tops (`shown`: a reps week's, lower at the same load)."""
        grow = (1 if held else 1 + self.step) * (1 + self.load / 100) / (1 + load / 100)
        return {
            role: round(min(top * grow, shown.get(role, 100.0) + self.points), 1)
            for role, top in self.tops.items()
        }


def _effort_rises(
    outcome: Decisions,
    week: int,
    setting: tuple[EffortStep | None, float | None],
    tops: tuple[float, float],
    zones: dict[IntensityClass, Zone],
) -> bool:
    """Whether `week`'s lifting effort is set above the last building week's top RPE
    (`tops`: the block's own, week 1's template, and that week's) from a moderate or harder
    one: by an effort step (`setting`'s step) or by the block's own effort, within the
    rules' RPE limit and the week's hold at moderate. An exit week (`setting`'s exit cap in
    force) is not one: its effort (`exit_rpe`) is a ceiling the loads reach a step at a
    time - RPE 3-4 becomes moderate at 10-15 reps only with a heavier load (the intensity
    table has no 15-rep set at 49 % 1RM four reps short of failure)."""
    step, exit_cap = setting
    own, was = tops
    limits = _effort_limits(outcome)
    light_top = zones[IntensityClass.LIGHT].rpe.max or 0.0
    moderate_top = zones[IntensityClass.MODERATE].rpe.max or 0.0
    if exit_cap is not None:
        return False  # an exit's effort is a ceiling its loads reach, a step at a time
    top = float(step.rpe.max) if step is not None and step.rpe.max is not None else own
    top = min(top, limits[0])
    if _held_by(outcome, week, limits, moderate_top) is not None:
        top = min(top, moderate_top)
    return was > light_top and top > was


def _exit_sets(
    start: CautiousStart | None,
    week: int,
    scheme: Scheme,
    *,
    base: int = 0,
    topped_from: int | None = None,
) -> int:
    """The sets a cautious start's exit brings each lift to in `week` (0: none): its
    `exit_sets` bottom in the exit's first building week, rising in equal steps (rounded
    down) to the top by its last building week, and the top from then on (a deload is given
    the last building week's; `build_weeks` starts its cut from the bottom). A start that
    holds its dose (`then_hold`) raises its sets the same way over `exit_sets_weeks`, from the
    building week after its effort rises: that week keeps its sets, so one thing steps at a
    time (coach review 28, FRAIL-HOLD-ADDS-SETS-AND-LOAD: an 82-year-old's week 9 doubled
    the sets in the week RPE 3-4 became 5-6, and the sets took his walks that week too), and
    each of its steps in one of the block's reps weeks (`_reps_weeks_after`), so no set step
    comes beside a load step (session 22: his week 10 doubled the sets beside a 2 % load
    step). A start that exits through its loads (`exit_weeks`) steps its sets apart from
    them too (`_exit_set_steps`; `base`: its argument; `topped_from`: the first reps week
    after the exit, from which its sets go on to their top, None before it has come)."""
    span = start.exit_sets_weeks or start.exit_weeks if start is not None else None
    if start is None or start.exit_sets is None or span is None:
        return 0
    if start.then_hold is None and start.exit_weeks is not None:
        topped = topped_from is not None and week >= topped_from
        steps = _exit_set_steps(start, week, scheme, base=base, topped=topped)
        if steps is not None:
            return steps
    if week <= start.weeks:
        return 0
    low = int(start.exit_sets.min or 1)
    top = max(int(start.exit_sets.max or low), low)
    exit_weeks = range(start.weeks + 1, start.weeks + span + 1)
    building = [w for w in exit_weeks if not scheme.is_deload(w)]
    if start.then_hold is not None and building:
        if week <= building[0]:
            return 0  # the held dose's first week: its effort step alone
        # its set steps come in the block's reps weeks, never beside a load step
        building = _reps_weeks_after(scheme, building[0], len(building) - 1)
        if not building or week >= building[-1]:
            return top
        done = [w for w in building if w <= week]
        if not done:
            return 0  # the start's own sets until the first step
        return low + (top - low) * (len(done) - 1) // (len(building) - 1)
    if week > exit_weeks[-1] or not building or week >= building[-1]:
        return top
    done = [w for w in building if w <= week]
    if not done:
        return low
    if len(building) == 1:
        return top
    return low + (top - low) * (len(done) - 1) // (len(building) - 1)


def _exit_set_steps(
    start: CautiousStart, week: int, scheme: Scheme, *, base: int, topped: bool
) -> int | None:
    """The sets a light start that exits through its loads (`exit_weeks`: an older
    beginner's, osteoporosis's) brings each lift to in `week`, in weeks that step no load
    (coach review 32, OLDER-START-EXIT-STACKS-STEPS: a 70-year-old's week 5 went from one
    set a lift to two beside the exit's first load step, and week 7 to three beside the
    next; COACHING.md §3, one thing at a time). Every building week of the exit steps the
    load, so the first level of `exit_sets` above week 1's sets (`base`: the fewest a
    required lift has) comes in the start's last reps week (its loads held, its reps
    higher, the effort still light), and the top waits for the first reps week after the
    exit (`topped`: that week has come, `build_weeks` tells). None where the start has no
    reps week (the exit's own steps then, as before)."""
    if start.exit_sets is None or start.exit_weeks is None:
        return None
    low = int(start.exit_sets.min or 1)
    top = max(int(start.exit_sets.max or low), low)
    first = next((level for level in range(low, top + 1) if level > base), None)
    if first is None:
        return top  # week 1's lifts have the top already: nothing to add
    in_start = [w for w in _reps_weeks_after(scheme, 1, start.weeks) if w <= start.weeks]
    if not in_start:
        return None
    if week < in_start[-1]:
        return 0
    if week <= start.weeks + start.exit_weeks:
        return first
    return top if topped else first


def exit_base(days: list[DayPlan]) -> int:
    """The fewest sets week 1 (`days`) gives a required lift (0 with no lifting): a light
    start's exit adds sets from the first level of its `exit_sets` above it."""
    return min((e.sets for e in _required_lifts(days)), default=0)


def _held_sets_most(
    start: CautiousStart | None,
    week: int,
    weeks: list[Week],
    scheme: Scheme,
    *,
    base: int = 0,
    topped_from: int | None = None,
) -> dict[str, int] | None:
    """For a building `week` of a start that holds its dose (`then_hold`) in which its exit
    takes no set step (`_exit_sets` no higher than in the last building week of `weeks`):
    each required lift's most sets in that last building week, by name, which the week's
    exit sets do not pass; None otherwise. The exit's set steps come in reps weeks only, so
    that no set step comes beside a load step; but where a day's minutes or the weekly
    hard-set ceiling held some lifts below the step's sets in its own week, a later load
    week whose day types swap (A/A/B, then B/B/A) filled them in beside its new load
    (16-week blocks: a frail 80-year-old's week 15 rose 34 -> 38 sets beside a load step
    of 2.7 points; COACHING.md §3, one thing at a time). The same for a start that exits
    through its loads once its first set step is past (`_exit_set_steps`; `base` and
    `topped_from`: `_exit_sets`' arguments), so a lift the
    step's week had no minutes for does not catch up beside the exit's load steps (coach
    review 32, OLDER-START-EXIT-STACKS-STEPS)."""
    if start is None or start.exit_sets is None:
        return None
    exits = start.then_hold is None and start.exit_weeks is not None
    if start.then_hold is None and not exits:
        return None
    last = next((w for w in reversed(weeks) if not w.deload), None)
    if last is None or (not exits and last.week <= start.weeks):
        return None
    now = _exit_sets(start, week, scheme, base=base, topped_from=topped_from)
    was = _exit_sets(start, last.week, scheme, base=base, topped_from=topped_from)
    if now > was or (exits and not was):
        return None  # the week's own set step (or, for an exit, none yet)
    most: dict[str, int] = {}
    # (an exit's: the most of any building week so far, since a mirrored week's day types
    # hold other lifts than the week before's)
    for built in [w for w in weeks if not w.deload] if exits else [last]:
        for day in built.days:
            for session in day.sessions:
                if session.modality is not Modality.RESISTANCE or session.optional:
                    continue
                for ex in session.exercises:
                    most[ex.name] = max(most.get(ex.name, 0), ex.sets)
    return most


def _reps_weeks_after(scheme: Scheme, first: int, count: int) -> list[int]:
    """The first `count` weeks after `first` that are the block's reps weeks: its building
    weeks after week 1 alternate new load (the 1st, 3rd, ...) and more reps (the 2nd, 4th,
    ...), deloads aside, where no cautious start's dose change starts the alternation again
    (a held start has none)."""
    out: list[int] = []
    built = 0
    week = 1
    while len(out) < count:
        week += 1
        if scheme.is_deload(week):
            continue
        built += 1
        if built % 2 == 0 and week > first:
            out.append(week)
    return out


def _exit_cost(sessions: list[Session], exit_sets: int, scheme: Scheme, timing: Timing) -> float:
    """Seconds the day's required lifts need to reach a cautious start's first exit sets
    (the bottom of `exit_sets`, or this week's sets if fewer)."""
    start = scheme.cautious
    if start is None or start.exit_sets is None or not exit_sets or scheme.hold_volume:
        return 0.0
    least = min(exit_sets, int(start.exit_sets.min or 1))
    return sum(
        _set_seconds(ex, n, timing, None)
        for s in sessions
        if s.modality is Modality.RESISTANCE and not s.optional
        for ex in s.exercises
        for n in range(ex.sets, least)
    )


def _walks_give(week_one: list[DayPlan], scheme: Scheme) -> bool:
    """Whether lifting sets may take the minutes of the walks after lifting
    (`sets_take_walk`): only while week 1's required steady work is short of the aerobic
    guideline, so the sets never take a week below a target it meets."""
    if not scheme.sets_take_walk:
        return False
    aerobic = sum(aerobic_equivalent(s) for d in week_one for s in d.sessions if _steady(s))
    return aerobic < scheme.aerobic_target


def _walks_first_goal(scheme: Scheme, outcome: Decisions) -> bool:
    """Whether a cautious start's walks are its first goal's dose (`walks_before_start_sets`:
    insulin sensitivity or fat loss first, `core/cardiometabolic-first-walks-kept`), so that
    lifting sets added by the start (its exit's `exit_sets`, the block's set step) take only the days' free
    minutes and never the walk after lifting (`sets_take_walk` does not apply): a cautious
    start builds its aerobic minutes up toward WHO's 150 over its first weeks (COACHING.md
    §2, the first goal's dose first; §4, cautious starts build over 4-8 weeks) and never
    takes them away while the lifting grows (coach review 42, CAUTIOUS-START-WALKS-SHRINK)."""
    return scheme.cautious is not None and scheme.walks_before_start_sets


def _dose_reached(week_one: list[DayPlan], scheme: Scheme) -> bool:
    """Whether week 1 already gives every major group it trains the first goal's minimum
    dose (`group_dose_sets`): from there the block's added sets are "more for the first
    goal", which comes after WHO's aerobic minimum (COACHING.md §2), so they no longer take
    a walk's minutes (coach reviews 8 and 12, WHO-AEROBIC-CROWDED / SETS-OVER-AEROBIC: a
    muscle-first lifter's walks after lifting shrank 92 -> 71 minutes as sets grew 54 -> 65).
    A cautious start's exit sets keep their own rule (OLDER-ONE-SET); a re-entry's weeks
    take the block's own dose (`_dose_as_active`)."""
    if scheme.group_dose_sets is None or not _dose_as_active(scheme.cautious):
        return False
    dosed = {g: n for g, n in group_sets(week_one).items() if n > 0}
    return bool(dosed) and all(n >= scheme.group_dose_sets for n in dosed.values())


def _sets_wait_for_aerobic(week_one: list[DayPlan], scheme: Scheme, outcome: Decisions) -> bool:
    """Whether the block's added sets wait for WHO's aerobic minutes: a trained lifting-first
    person (`group_dose_sets`) whose required sessions hold no steady work at all while the
    aerobic target is short, with no rule holding aerobic work (a veto of it, a cap of none,
    a light or no ceiling). Week 1 already gave the first goal's dose what the days'
    minutes allow (`_with_dose`, its walks giving way); the sets a building week adds are
    more for the first goal, which comes after WHO's minimums (COACHING.md §2; README:
    "WHO's minimums come before more for the first goal"), so those weeks progress by load
    and reps (coach review 17, SETS-GROW-WITH-ZERO-AEROBIC: a 65-year-old's walk after
    lifting gave way to the warm-up, the balance work and the dose, and weeks 2-3 added sets
    with 0 required aerobic minutes)."""
    if scheme.group_dose_sets is None or not scheme.aerobic_target:
        return False
    endurance = Modality.ENDURANCE.value
    if (
        endurance in outcome.forbidden("modality")
        or any(scope == endurance and not cap.value for (_, scope), cap in outcome.caps.items())
        or outcome.max_intensity in ("none", "light")
    ):
        return False
    return not any(_steady(s) for d in week_one for s in d.sessions if not s.optional)


def _past_target_share(
    week_one: list[DayPlan],
    number: int,
    mirror: Mapping[int, Session | None] | None,
    scheme: Scheme,
) -> int:
    """The whole minutes of its walk after lifting each lifting day of week `number` may
    give the set step (`Room.past`): the moderate-equivalent aerobic minutes the week's
    required sessions hold past the aerobic guideline's target, as the week starts (its
    week-1 sessions begun by then, the mirrored week's where `mirror` is given), shared
    evenly by the days with such a walk, a minute kept back on each for the session's
    timing to whole minutes. The same share every week of a day layout, so a week whose
    step is larger never takes a set a day had the week before; 0 at or under the
    target."""
    total = 0.0
    walks = 0
    for day in week_one:
        todays = []
        for session in day.sessions:
            if session.optional or not session.first_week <= number <= (
                session.last_week or number
            ):
                continue
            today = mirror.get(id(session), session) if mirror is not None else session
            if today is not None:
                todays.append(today)
                total += aerobic_equivalent(today)
        walks += _steady_after_lifting(todays) is not None
    past = total - scheme.aerobic_target
    if past <= 0 or not walks:
        return 0
    return max(0, math.floor(past / walks) - 1)


def _steady_after_lifting(sessions: list[Session]) -> Session | None:
    """The required steady block that follows a day's required lifting (none without both)."""
    if not any(s.modality is Modality.RESISTANCE and not s.optional for s in sessions):
        return None
    return next(
        (
            s
            for s in reversed(sessions)
            if s.modality is Modality.ENDURANCE and not s.optional and _steady(s)
        ),
        None,
    )


def _walk_gives_way(sessions: list[Session], budget: int, least: int) -> list[Session]:
    """A day whose lifting grew into the minutes of its steady block after lifting: the
    block shortens by what the day is over its minutes, never below `least` minutes of work
    (the library's least steady work)."""
    over = sum(s.duration_minutes for s in sessions if not s.optional) - budget
    walk = _steady_after_lifting(sessions)
    if over <= 0 or walk is None:
        return sessions
    cut = min(over, max(0, math.floor(_work_minutes(walk)) - least))
    if cut <= 0:
        return sessions
    return [_resized_steady(s, s.duration_minutes - cut) if s is walk else s for s in sessions]


def _flex_gives_way(
    sessions: list[Session], budget: int, least: int, leave: bool = True
) -> list[Session]:
    """A day whose walk after lifting is sized to week 1's room (`Session.give_floor`) and
    whose lifting this week runs over its minutes: the walk shortens by what the day is
    over, to `least` minutes of work, and where that is still over the day it is left out
    this week only (its week-1 minutes stay; the week's note says its steady work is
    shorter). Coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH: such a walk used to be
    sized to the block's tightest week, so a longer block's week 1 had a shorter walk, or
    none, where the one-week plan had room for it."""
    walk = _steady_after_lifting(sessions)
    if walk is None or walk.give_floor is None:
        return sessions
    if not leave:
        return _walk_gives_way(sessions, budget, least)
    return _walk_gives_way_or_goes(sessions, budget, least)


def _sized_to_week_one(sessions: list[Session], timing: Timing) -> bool:
    """Whether the day's walk after lifting is sized to week 1's room (`Session.give_floor`)
    beside lifting whose heavy weeks hold a ramp-up (`fill.ramp_up_seconds`) that its
    first weeks do not: each later week whose lifting runs over the day shortens the walk or
    leaves it out in that week only (`_flex_gives_way`), so week 1 keeps it (coach review
    27, WEEK1-CHANGES-WITH-BLOCK-LENGTH; session 31: a re-entry's 75-minute day lost its
    week-1 walk to the ramp-up of its heavy weeks)."""
    walk = _steady_after_lifting(sessions)
    return (
        walk is not None
        and walk.give_floor is not None
        and any(
            ramp_up_seconds(s.exercises, timing)
            for s in sessions
            if s.modality is Modality.RESISTANCE and not s.optional
        )
    )


def _walk_gives_way_or_goes(sessions: list[Session], budget: int, least: int) -> list[Session]:
    """`_walk_gives_way` to `least` minutes of work, and where the day is still over its
    minutes the walk after lifting is left out (never a walk of a minute or two: the audit's
    `steady-block-too-short`)."""
    sessions = _walk_gives_way(sessions, budget, least)
    if sum(s.duration_minutes for s in sessions if not s.optional) <= budget:
        return sessions
    walk = _steady_after_lifting(sessions)
    return [s for s in sessions if s is not walk]


def _steady_kept(days: list[DayPlan], last: list[DayPlan], budget: int) -> list[DayPlan]:
    """`days` whose required steady work on a day that fell short of `last` week's on the
    same day is lengthened back toward it, by as many minutes as the day still has free:
    steady work gives way only to time the day no longer has, never to a swap of day types
    or a lighter week whose days have the minutes (coach review 16,
    NOTE-BLAMES-LIFTING-FOR-SHORTER-CARDIO: walks 25 -> 13 minutes on 90-minute days with
    29 minutes free, said to be taken by lifting). Plans whose steady minutes step on their
    own (growth into free minutes) are not given this."""
    out = []
    for day, before in zip(days, last, strict=True):
        was = sum(s.duration_minutes for s in before.sessions if _steady(s))
        now = sum(s.duration_minutes for s in day.sessions if _steady(s))
        free = budget - sum(s.duration_minutes for s in day.sessions if not s.optional)
        block = _steady_after_lifting(day.sessions) or next(
            (s for s in day.sessions if _steady(s)), None
        )
        if block is None or was <= now or free <= 0:
            out.append(day)
            continue
        longer = _resized_steady(block, block.duration_minutes + min(was - now, free))
        out.append(
            DayPlan(day=day.day, sessions=[longer if s is block else s for s in day.sessions])
        )
    return out


def _exit_effort(session: Session, start: CautiousStart) -> Session:
    """A lifting session of an exit week at no more than the exit's effort (`exit_rpe`, at
    least `exit_rir` in reserve): the loads climb under the exit's cap while the effort stays
    what its note promises, so the table then sets the reps (COACHING.md §3: effort rises
    stepwise, never above the notes). Effort only comes down, never up."""
    if session.modality is not Modality.RESISTANCE or start.exit_rpe is None:
        return session
    top = _range(start.exit_rpe)
    floor = _range(start.exit_rir) if start.exit_rir is not None else None
    exercises = []
    for ex in session.exercises:
        i = ex.intensity
        update: dict[str, object] = {}
        if i.rpe is not None and i.rpe.max > top.max:
            update["rpe"] = Range.of(min(i.rpe.min, top.min), top.max)
        if i.rir is not None and floor is not None and i.rir.min < floor.min:
            update["rir"] = Range.of(floor.min, max(i.rir.max, floor.max))
        if update:
            ex = ex.model_copy(update={"intensity": i.model_copy(update=update)})
        exercises.append(ex)
    cls = session.intensity_class
    if cls is IntensityClass.VIGOROUS and top.max <= 6:
        cls = IntensityClass.MODERATE
    return session.model_copy(update={"exercises": exercises, "intensity_class": cls})


def _effort_limits(outcome: Decisions) -> tuple[float, float, str | None]:
    """The rules' lifting RPE ceiling and RIR floor (a safety `limit`, e.g. overtraining's
    RPE 7), and the rule that sets the ceiling."""
    rpe, rpe_rule = outcome.limit(Modality.RESISTANCE.value, "any", "rpe")
    rir, _ = outcome.limit(Modality.RESISTANCE.value, "any", "rir")
    top = float(rpe.max) if rpe is not None and rpe.max is not None else 10.0
    floor = float(rir.min) if rir is not None and rir.min is not None else 0.0
    rule = rpe_rule[0] if isinstance(rpe_rule, list) and rpe_rule else None
    return top, floor, rule


def _stepped(
    session: Session,
    step: EffortStep,
    rpe_top: float,
    rir_floor: float,
    zones: dict[IntensityClass, Zone],
) -> Session:
    """A lifting session whose sets taken for reps move to the step's effort, within the
    rules' RPE ceiling and RIR floor; drills, easy holds and timed holds keep theirs. The
    intensity table then sets each %1RM from the reps and the reserve; the session's class
    rises to the zone of the stepped RPE (the zones' table, EVIDENCE.md §1.2)."""
    if session.modality is not Modality.RESISTANCE:
        return session
    rpe, rir = _range(step.rpe), _range(step.rir)
    rpe = Range.of(min(rpe.min, rpe_top), min(rpe.max, rpe_top))
    rir = Range.of(max(rir.min, rir_floor), max(rir.max, rir_floor))
    exercises = []
    for ex in session.exercises:
        i = ex.intensity
        if i.rir is None or ex.reps is None:
            exercises.append(ex)  # a drill, an easy or a timed hold: not stepped
            continue
        exercises.append(
            ex.model_copy(update={"intensity": i.model_copy(update={"rpe": rpe, "rir": rir})})
        )
    cls = max(
        [session.intensity_class, *(c for c, z in zones.items() if _reaches(rpe.max, z))],
        key=ORDER.__getitem__,
    )
    return session.model_copy(update={"exercises": exercises, "intensity_class": cls})


def _reaches(rpe: float, zone: Zone) -> bool:
    return zone.rpe.min is not None and rpe >= zone.rpe.min


def _held_by(
    outcome: Decisions, week: int, limits: tuple[float, float, str | None], moderate_top: float
) -> str | None:
    """The rule that holds `week`'s lifting at a moderate effort or below: the week's
    intensity ceiling, else an RPE limit, the block's or the week's own, at the top of a
    moderate effort (`moderate_top`, the moderate zone's RPE) or below; None when nothing
    does."""
    rules = outcome.in_week(week)
    ceiling = rules.ceiling
    if INTENSITY_ORDER[ceiling.value] <= INTENSITY_ORDER["moderate"] and ceiling.rule:
        return ceiling.rule
    if limits[0] <= moderate_top and limits[2]:
        return limits[2]
    # a week-scoped RPE limit at moderate or below (an acute illness's step back, week 5)
    rpe, by = rules.limit(Modality.RESISTANCE.value, "any", "rpe")
    if rpe is not None and rpe.max is not None and rpe.max <= moderate_top and by:
        return by[0]
    return None


def _held_until(
    outcome: Decisions,
    week: int,
    limits: tuple[float, float, str | None],
    moderate_top: float,
    count: int,
) -> str:
    """How long a hold on `week`'s lifting effort (`_held_by`) lasts, in a week note's words:
    " from here on" when it holds to the end of a block of `count` weeks, else " through
    week N" (an acute illness's moderate weeks 3-4 end before the block does: coach review
    20's audit drew them, and "from here on" was untrue from week 5)."""
    last = week
    while last < count and _held_by(outcome, last + 1, limits, moderate_top) is not None:
        last += 1
    return " from here on" if last >= count else f" through week {last}"


def _effort_step(
    scheme: Scheme, outcome: Decisions, week: int, cautious: bool, moderate_top: float
) -> tuple[EffortStep | None, str | None]:
    """The effort step in force in `week` (None before its week, while a cautious start's
    dose or exit holds the lifts, or when a rule holds the week at moderate), and the rule
    that holds it back, if one does."""
    step = scheme.effort_step
    if step is None or week < step.from_week or cautious:
        return None, None
    held = _held_by(outcome, week, _effort_limits(outcome), moderate_top)
    if held is not None:
        return None, held
    top, _, rule = _effort_limits(outcome)
    if step.rpe.min is not None and top < step.rpe.min:
        return None, rule
    return step, None


def _exit_one_effort(session: Session, unloaded: frozenset[str]) -> Session | None:
    """An exit week's lifting session at one effort, or None when it already is: where every
    lift with an external load is still light under the exit's load step (about 55 % for 15
    reps feels easy), the lifts, holds and carries set by effort take that effort too, not the
    exit's moderate one beside them (COACHING.md §3, coherent intensity; coach review 12,
    LOAD-JUMP-OSTEO's first exit step meeting BODYWEIGHT-LOAD-TALK's body-weight lifts)."""
    if session.modality is not Modality.RESISTANCE:
        return None
    rated = [e for e in session.exercises if e.intensity.rpe is not None]
    # the lifts the load step governs: an external load, taken for reps
    loaded = [e for e in rated if e.name not in unloaded and e.reps is not None]
    if not loaded or any(e.intensity.rpe.max > DRILL_RPE for e in loaded if e.intensity.rpe):
        return None
    easy = loaded[0].intensity
    # the rest (body-weight lifts, timed holds and carries) set by effort alone
    harder = [
        e for e in rated if e not in loaded and e.intensity.rpe and e.intensity.rpe.min > DRILL_RPE
    ]
    if not harder:
        return None
    exercises = [
        e.model_copy(
            update={"intensity": e.intensity.model_copy(update={"rpe": easy.rpe, "rir": easy.rir})}
        )
        if e in harder
        else e
        for e in session.exercises
    ]
    return session.model_copy(update={"exercises": exercises})


def _loads_rose(days: list[DayPlan], building: list[Week]) -> bool:
    """Whether a week's required lifts stand at a higher %1RM, against week 1's, than in
    any building week before (the median of the lifts in both, as `true_load_change` reads
    a week's loads: a reps week's lower %1RM shown is the same load)."""
    first = _pct_tops(building[0].days)
    factor = _pct_factor(_pct_tops(days), first)
    before = [f for w in building if (f := _pct_factor(_pct_tops(w.days), first)) is not None]
    return factor is not None and factor > max([1.0, *before]) + 0.005


def _load_capped(session: Session, cap: float) -> Session:
    """Every measured load of a lifting session at most `cap` % 1RM."""
    if session.modality is not Modality.RESISTANCE:
        return session
    exercises = []
    for ex in session.exercises:
        pct = ex.intensity.pct_1rm
        if pct is not None and pct.max > cap:
            pct = Range.of(min(pct.min, cap - 5), cap)  # a band, as the zones have
            ex = ex.model_copy(
                update={"intensity": ex.intensity.model_copy(update={"pct_1rm": pct})}
            )
        exercises.append(ex)
    return session.model_copy(update={"exercises": exercises})


def _unloaded_lift(ex: Exercise, unloaded: frozenset[str]) -> bool:
    """A lift with no external load to raise (body weight, a fixture; no %1RM), taken for
    reps and not a drill."""
    drill = _easy(ex)
    return (
        ex.name in unloaded and ex.reps is not None and ex.intensity.pct_1rm is None and not drill
    )


def _reps_stepped(
    session: Session,
    unloaded: frozenset[str],
    step: int,
    count: int,
    most: int,
    cue: str,
    most_reps: Mapping[str, float],
    tops: Mapping[str, float] | None = None,
    load_cues: Mapping[str, str] | None = None,
) -> tuple[Session, bool, bool, bool]:
    """A lifting session whose lifts without an external load have their rep ranges moved up
    by `step` reps for each of `count` load weeks (both ends), no further than `most` (the
    table's `max_reps`), nor than the lift's own top in `tops` (the top its slot gave it in
    week 1, or its library `max_reps`: coach review 9, BW-STRENGTH-DRIFT and
    NORDIC-REP-DRIFT): a load week's step for a lift with no load to add (coach review 5,
    BW-LOAD-PROG). A lift already at its most before the last load week slows its lowering
    instead: `cue` is added to its notes from then on. Also whether the last load week moved
    some such lift, and whether some such lift is slowed. A stepped lift keeps only the
    alternatives whose kind is dosed up to its new top (`most_reps`: never a muscle-up
    offered for an 8-rep chin-up). A lift in `load_cues` (owned kit can load it) takes its
    cue, a little load, in place of the slower lowering; the last flag says whether one did."""
    if session.modality is not Modality.RESISTANCE or step <= 0 or count <= 0:
        return session, False, False, False
    exercises, moved, slowed, weighted = [], False, False, False
    for ex in session.exercises:
        if _unloaded_lift(ex, unloaded) and ex.reps is not None:
            ceiling = min(most, int((tops or {}).get(ex.name, most)))
            room = max(0, ceiling - int(ex.reps.max))
            shift = min(step * count, room)
            moved = moved or shift > min(step * (count - 1), room)
            update: dict[str, object] = {}
            if shift:
                top = ex.reps.max + shift
                update["reps"] = Range.of(ex.reps.min + shift, top)
                update["alternatives"] = [
                    a for a in ex.alternatives if most_reps.get(a, top) >= top
                ]
            if cue and step * (count - 1) >= room:
                added = (load_cues or {}).get(ex.name)
                weighted = weighted or added is not None
                slowed = slowed or added is None
                update["notes"] = f"{ex.notes} {added or cue}".strip()
            ex = ex.model_copy(update=update)
        exercises.append(ex)
    return session.model_copy(update={"exercises": exercises}), moved, slowed, weighted


def _held_at_top(
    session: Session,
    built: list[Week],
    unloaded: frozenset[str],
    cue: str,
    on_rungs: frozenset[str] | set[str] = frozenset(),
    reps_week: bool = False,
    teaching: frozenset[str] = frozenset(),
    easy: frozenset[str] | None = None,
) -> tuple[Session, dict[str, Range], bool]:
    """A lifting session whose lifts with no load to add (`_unloaded_lift`, or such a timed
    hold) never start lower than the last building week had them at the same effort: a
    load week has nothing to give them, so a range it takes back to its bottom is an easier
    week, not a new load (coach review 29, BODYWEIGHT-PROGRESSION-LOOPS: weeks 9 and 11 went
    back to 8-12 below week 7's 10-12). A lift whose reps the slowed lowering (`cue`) already
    followed keeps the higher range; one whose lowering slows this week for the first time
    starts at the bottom of its range with it, as the tempo note says. With `easy` (the lifts
    the session's template itself gives as a drill or an easy hold, RPE 4 or less with no
    RIR), a lift at such an effort this week is a drill only when it is one of those or a
    teaching drill: a light start (RPE 3-4, no RIR) and its exit prescribe every work set so,
    and their lifts hold at their top too (coach review 34, BODYWEIGHT-WEEK-STEPS-BACK: an
    85-year-old's weeks 5 and 7 went back from 13-15 to 10-15 at RPE 3-4, the lowering slowed
    since week 2). Also whether a lift was held (each held lift's name with the range the
    week gave it, its bottom), and whether one slows for the first time this week."""
    if session.modality is not Modality.RESISTANCE:
        return session, {}, False
    before: dict[tuple[str, str], Exercise] = {}
    slowed_at: dict[tuple[str, str], Exercise] = {}  # the latest with its lowering slowed
    for week in built:
        # each lift as the latest building week that held it had it on this day type (a
        # mirrored week's day type is not in the week before; a lift on two day types may
        # have two ranges)
        for d in week.days:
            for s in d.sessions:
                if s.modality is Modality.RESISTANCE and not s.optional:
                    for e in s.exercises:
                        before[(s.title, e.name)] = e
                        if cue and cue in (e.notes or ""):
                            slowed_at[(s.title, e.name)] = e
    exercises: list[Exercise] = []
    held: dict[str, Range] = {}
    fresh = False
    for ex in session.exercises:
        i = ex.intensity
        drill = _easy(ex) and (easy is None or ex.name in easy or ex.name in teaching)
        prev = before.get((session.title, ex.name))
        slowed = bool(cue) and cue in (ex.notes or "")
        was_slowed = prev is not None and bool(cue) and cue in (prev.notes or "")
        # (a lift moved up its ladder last week shows there under its rung's name)
        fresh = fresh or (slowed and not was_slowed and ex.name not in on_rungs)
        name = "reps" if ex.reps is not None else "work_seconds"
        now, then = getattr(ex, name), None if prev is None else getattr(prev, name)
        if (
            ex.name in unloaded
            and i.pct_1rm is None
            and prev is not None
            and now is not None
            and then is not None
            and prev.intensity.rpe == i.rpe
            and then.max == now.max
            and (then.min > now.min or (reps_week and then.min == now.min))
            and (name == "work_seconds" or drill or ex.name in teaching or (slowed and was_slowed))
        ):
            # (in a reps week, a lift already at the range it had: at its top all the same;
            # a teaching drill, or a drill or easy hold of the template's, keeps its range
            # without a word - it is no hard set: a light plan's wall sit went back from 45-60
            # to 30-60 s, coach review 34)
            if ex.name not in teaching and not drill:
                held[ex.name] = now
            ex = ex.model_copy(update={name: then})
        elif (
            not reps_week
            and not drill
            and ex.name in unloaded
            and i.pct_1rm is None
            and prev is not None
            and now is not None
            and then is not None
            and name == "reps"
            and prev.intensity.rpe == i.rpe
            and then == now
            and slowed
            and was_slowed
            and _toward_top(now) != now
        ):
            # a lift whose day type came only in load weeks (a mirrored week's) had no reps
            # week: it climbs its reps now, where it would otherwise stand still
            ex = ex.model_copy(update={name: _toward_top(now)})
        elif (
            (last := slowed_at.get((session.title, ex.name))) is not None
            and not slowed
            and not drill
            and ex.name in unloaded
            and i.pct_1rm is None
            and ex.reps is not None
            and last.reps is not None
            and last.intensity.rpe == i.rpe
            and last.reps.max == ex.reps.max
            and last.reps.min >= ex.reps.min
        ):
            # a new dose at the same effort (a re-entry's weeks ending with the effort held)
            # takes the lift on from where it was, its lowering slowed, not from its start
            held[ex.name] = ex.reps
            ex = ex.model_copy(update={"reps": last.reps, "notes": f"{ex.notes} {cue}".strip()})
        exercises.append(ex)
    if exercises == session.exercises:
        return session, held, fresh
    return session.model_copy(update={"exercises": exercises}), held, fresh


@dataclass
class Rung:
    """A body-weight lift moved up its ladder (`ExerciseEntry.harder`): the rung it is on,
    the load weeks since it moved there (the week it moved is 0), the week that last counted,
    the range it starts at (the lift's bottom), and what the last building week gave it."""

    entry: ExerciseEntry
    bottom: Range
    since: int
    loads: int = 0
    counted: int = 0
    reps: Range | None = None
    slowed: bool = False
    # the sets the last building week gave it: a deload that cuts them keeps its reps
    sets: int = 0


def _rungs_up(
    session: Session,
    number: int,
    deload: bool,
    reps_week: bool,
    held: Mapping[str, Range],
    rungs: Mapping[str, ExerciseEntry],
    ladder: dict[tuple[str, str], Rung],
    cue: str,
    said: str,
    pair_words: str = "",
    taken: Sequence[tuple[str, str]] = (),
    returns: Mapping[str, ExerciseEntry] | None = None,
    short: Mapping[tuple[bool, bool], bool] | None = None,
    returned: list[tuple[str, str]] | None = None,
) -> tuple[Session, list[tuple[str, str]], bool]:
    """A lifting session whose body-weight lifts with reps and slowed lowering used up take
    the next rung of their ladder (`rungs`, by name: what is open to the person), and keep
    it in every later week (`ladder`, by session title and the lift's own name): a new rung
    starts at the bottom of the lift's range at an ordinary lowering, climbs its reps, then
    slows its lowering from the bottom again, climbs its reps again, and only then takes the
    next rung - or holds at its top where none is left (coach review 29,
    BODYWEIGHT-PROGRESSION-LOOPS: weeks 9 and 11 went back to week 6's 3 x 8-12 and the
    library's split squat and deficit push-up were never used). `said` is added to a rung's
    notes ({name}: the lift it is harder than). Also the rungs taken this week (the lift's
    name, the rung's) and whether a rung's lowering slows for the first time. One lift moves up
    a rung in a week (`taken`: the rungs the week's earlier sessions took; the same lift on
    another day type takes the same rung): the others wait at their top for a later week,
    so a week never changes several lifts at once (COACHING.md §3, one thing at a time;
    coach review 31, BODYWEIGHT-LEAP-TO-SINGLE-LEG: four lifts moved up in one week).
    A stand-in a week 1 short of a skill move's effort took (`returns`: its name -> the
    skill move, `Picker.stood_in`) climbs back to the skill move in the first load week
    whose effort is no longer short (`short`, by whether the lift is compound and whether
    the move it stands in for is a skill move: `fill.skill_effort_short`), whatever its reps, as a new rung: at the bottom of its range
    at an ordinary lowering; such climbs are added to `returned` too (coach review 41,
    SKILL-MOVES-UNDER-EFFORT-CAP)."""
    if session.modality is not Modality.RESISTANCE or not (rungs or returns):
        return session, [], False
    names = {e.name for e in session.exercises}
    moved: list[tuple[str, str]] = []

    def may_climb(pair: tuple[str, str]) -> bool:
        week = [*taken, *moved]
        return not week or pair in week

    def too_light(entry: ExerciseEntry, ex: Exercise) -> bool:
        # a harder rung with an easier one (`easier`) is not climbed to (nor comes back) in a
        # week short of its effort, by the week's dose or by the lift's own effort as held
        # (a light start's exit steps its reps first, at the start's RPE 3-4): a light
        # week's push-up does not become a deficit push-up (coach review 42,
        # LIGHT-CAP-WITH-HARDEST-VARIANT)
        if entry.easier is None:
            return False
        rpe = ex.intensity.rpe
        return (short or {}).get((ex.compound, entry.kind == "skill"), False) or (
            entry.kind != "skill" and rpe is not None and rpe.max <= DRILL_RPE
        )

    fresh = False
    exercises: list[Exercise] = []
    renamed: dict[str, str] = {}
    for ex in session.exercises:
        key = (session.title, ex.name)
        rung = ladder.get(key)
        if rung is None:
            up = rungs.get(ex.name)
            back = (returns or {}).get(ex.name)
            if back is not None:
                # a skill move's stand-in goes back to it once sets may be hard
                up = None
                if (
                    deload
                    or reps_week
                    or ex.reps is None
                    or (short or {}).get((ex.compound, back.kind == "skill"), False)
                    or too_light(back, ex)
                    or back.name in names
                    or not may_climb((ex.name, back.name))
                ):
                    exercises.append(ex)
                    continue
                rung = ladder[key] = Rung(back, held.get(ex.name, ex.reps), number, counted=number)
                if (ex.name, back.name) not in moved:
                    moved.append((ex.name, back.name))
                if returned is not None and (ex.name, back.name) not in returned:
                    returned.append((ex.name, back.name))
            elif (
                deload
                or reps_week
                or ex.name not in held
                or up is None
                or up.name in names
                or not may_climb((ex.name, up.name))
                or too_light(up, ex)
            ):
                exercises.append(ex)
                continue
            else:
                rung = ladder[key] = Rung(up, held[ex.name], number, counted=number)
                if (ex.name, up.name) not in moved:
                    moved.append((ex.name, up.name))
        elif rung.counted != number:
            rung.counted = number
            if not deload and not reps_week and number > rung.since:
                rung.loads += 1
                up = rungs.get(rung.entry.name)
                if (
                    rung.loads >= 2
                    and up is not None
                    and up.name not in names
                    and may_climb((rung.entry.name, up.name))
                    and not too_light(up, ex)
                ):
                    if (rung.entry.name, up.name) not in moved:
                        moved.append((rung.entry.name, up.name))
                    rung.entry, rung.since, rung.loads = up, number, 0
        if deload:
            # the deload's own cut of the lift's reps, at the rung's lowering; one that cuts
            # its sets keeps the rung's reps of the week before (not the easier lift's range:
            # a light start's exit gave a pause squat 12-16 there, after its 14-15)
            reps, slowed = ex.reps, rung.slowed
            if rung.reps is not None and ex.reps is not None and ex.sets < rung.sets:
                reps = rung.reps
        elif reps_week:
            reps, slowed = _toward_top(rung.bottom), rung.loads >= 1
        elif rung.loads == 0:
            reps, slowed = rung.bottom, False
        elif rung.loads == 1:
            reps, slowed = rung.bottom, True
            fresh = fresh or not rung.slowed
        else:
            reps, slowed = _toward_top(rung.bottom), True
        if not deload:
            rung.reps, rung.slowed, rung.sets = reps, slowed, ex.sets
        e = rung.entry
        notes = f"{e.cue} {fill_placeholders(said, {'name': ex.name})}".strip()
        if slowed and cue:
            notes = f"{notes} {cue}"
        renamed[ex.name] = e.name
        exercises.append(
            ex.model_copy(
                update={
                    "name": e.name,
                    "pattern": e.pattern,
                    "muscles": list(e.primary),
                    "secondary_muscles": list(e.secondary),
                    "compound": e.compound,
                    "reps": reps,
                    "notes": notes,
                    "alternatives": [ex.name],
                }
            )
        )
    if not renamed:
        return session, moved, fresh
    out: list[Exercise] = []
    for was, x in zip(session.exercises, exercises, strict=True):
        partner = was.paired_with
        if partner is not None and (partner in renamed or was.name in renamed):
            # a pair keeps saying how it is done, with its partner's name as it now is
            new = renamed.get(partner, partner)
            said_old, said_new = pair_words.format(partner=partner), pair_words.format(partner=new)
            notes = x.notes.replace(said_old, "").strip() if said_old in x.notes else x.notes
            if pair_words and said_new not in notes:
                notes = f"{notes} {said_new}".strip()
            x = x.model_copy(update={"paired_with": new, "notes": notes})
        out.append(x)
    return session.model_copy(update={"exercises": out}), moved, fresh


def _tops(
    template: Session,
    rep_caps: Mapping[str, int],
    first_tops: Mapping[tuple[str, str], float],
) -> dict[str, float]:
    """Each lift's most reps in any week: the top of the range its slot gave it (the
    template's), or the lower top it was first shown with (COACHING.md §3: a strength
    slot's lift stays at 1-6 reps, a hypertrophy slot's within its dose), and no more than
    its library `max_reps`."""
    out: dict[str, float] = {}
    for e in template.exercises:
        if e.reps is not None:
            top = min(float(e.reps.max), float(rep_caps.get(e.name, e.reps.max)))
            out[e.name] = min(top, first_tops.get((template.title, e.name), top))
    return out


def _within_caps(session: Session, rep_caps: Mapping[str, int]) -> Session:
    """The session with no lift above its library `max_reps` (a cautious start's reps, or a
    capped load's, moved down to end at it)."""
    if not rep_caps or session.modality is not Modality.RESISTANCE:
        return session
    exercises, changed = [], False
    for e in session.exercises:
        cap = rep_caps.get(e.name)
        if cap is not None and e.reps is not None and e.reps.max > cap:
            low, high = reps_within(int(e.reps.min), int(e.reps.max), cap)
            e = e.model_copy(update={"reps": Range.of(low, high)})
            changed = True
        exercises.append(e)
    return session.model_copy(update={"exercises": exercises}) if changed else session


def _required_lifts(days: list[DayPlan]) -> Iterator[Exercise]:
    """Every exercise of the days' required lifting sessions."""
    for d in days:
        for s in d.sessions:
            if s.modality is Modality.RESISTANCE and not s.optional:
                yield from s.exercises


def _has_external_load(days: list[DayPlan], unloaded: frozenset[str]) -> bool:
    """Whether some required lift has an external load (kit that loads it, or a %1RM)."""
    return any(
        e.name not in unloaded or e.intensity.pct_1rm is not None for e in _required_lifts(days)
    )


def _coarse_only(
    days: list[DayPlan], unloaded: frozenset[str], coarse: frozenset[str], added: frozenset[str]
) -> bool:
    """Whether every required lift of the week loaded by kit is loaded by kit whose load
    steps coarsely (`Library.coarse_loaded`: a kettlebell, bands), and one is: a load the
    person adds (`Library.added_loaded`: a backpack) counts for neither."""
    loaded = [e.name for e in _required_lifts(days) if e.name not in unloaded | added]
    return bool(loaded) and all(name in coarse for name in loaded)


def shows_pct_1rm(days: list[DayPlan]) -> bool:
    """Whether some required lift of the week is given a %1RM."""
    return any(e.intensity.pct_1rm is not None for e in _required_lifts(days))


def _pct_tops(days: list[DayPlan]) -> dict[str, float]:
    """Each required lift given a %1RM, by name: the top of its range (the load it is
    prescribed at most), averaged where the lift recurs in the week."""
    found: dict[str, list[float]] = {}
    for e in _required_lifts(days):
        if e.intensity.pct_1rm is not None:
            found.setdefault(e.name, []).append(e.intensity.pct_1rm.max)
    return {name: sum(v) / len(v) for name, v in found.items()}


def _pct_factor(tops: dict[str, float], first: dict[str, float]) -> float | None:
    """How far a week's prescribed %1RM stands from week 1's, as a factor: the median over
    the lifts in both weeks of the ratio of their tops, or of the weeks' median tops where
    no lift is in both. None where either week gives no lift a %1RM."""
    if not tops or not first:
        return None
    common = [tops[n] / first[n] for n in tops if n in first and first[n] > 0]
    if common:
        return statistics.median(common)
    base = statistics.median(first.values())
    return statistics.median(tops.values()) / base if base > 0 else None


def _stated_pct(start: CautiousStart | None, week: int, scheme: Scheme) -> float | None:
    """The %1RM a cautious start's dose gives its lifts at most in `week`, as its notes say
    it ("about 40-49 %", "at most about 55 %"): the start's (or the held dose's) top, then
    each exit step's ceiling; None in the block's own weeks."""
    dose = _dose_in_force(start, week)
    if dose is not None and dose.pct_1rm.max is not None:
        return float(dose.pct_1rm.max)
    return _exit_cap(start, week, scheme)


def _waited_pct(start: CautiousStart | None, scheme: Scheme) -> float | None:
    """The %1RM a light start's exit gives its lifts at most in the block's first week when
    the exit's effort waits (`build_weeks`' `waited`, said by `exit_effort_waits_note`): one
    more load step (`dose_load_step`, at most a tenth) over the exit's last ceiling, no
    higher than the exit's top; None without such an exit. Coach review 33's audit: an
    osteoporosis start's week 13 of 16 said the loads take one more step (ranges 11-15 ->
    8-12 at the same effort) while its `load_change_pct` stayed at week 11's 41 %."""
    if start is None or not start.exit_weeks or start.exit_pct_1rm is None:
        return None
    last = _exit_cap(start, start.weeks + start.exit_weeks, scheme)
    top = start.exit_pct_1rm.max or start.pct_1rm.max
    if last is None or top is None:
        return None
    return min(float(top), round(last * (1 + scheme.dose_load_step), 1))


def _with_dose(
    week_one: list[DayPlan],
    scheme: Scheme,
    outcome: Decisions,
    design: SessionDesignFile,
    budget: int,
    least_walk: int,
    settled: Callable[[Session], Session],
    redose: Callable[[Session], Session],
) -> list[DayPlan]:
    """Week 1 with lifting sets added until each major group has `group_dose_sets` hard
    sets a week (a trained lifter's minimum dose, COACHING.md §2-3), within each lift's
    range and each day's minutes: what the day leaves, and with `sets_take_walk` the minutes
    of its steady block after lifting above the least steady work (that block shortens).
    `settled` gives a session as week 1 will hold it (the day's minutes are read from it);
    `redose` gives it so where the block's ceiling re-doses it in every week (`_redosed`;
    else the session itself), and the walks are sized beside that."""
    assert scheme.group_dose_sets is not None
    rooms = []
    # the seconds of each day's room that are its walk's (`sets_take_walk`)
    walks_part: list[float] = []
    for day in week_one:
        spare = max(0, budget - sum(settled(s).duration_minutes for s in day.sessions))
        walk = _steady_after_lifting(day.sessions) if _walks_give(week_one, scheme) else None
        if walk is not None:
            # (less the ramp-up the lifting's heavy weeks hold: a walk sized to a cautious
            # start's first weeks gives those minutes back to them, so sets may not take
            # them too; an 84-minute re-entry lifted more sets than the same lifter active,
            # its walk down to 6 minutes; session 31)
            ramp = sum(
                ramp_up_seconds(s.exercises, design.timing)
                for s in day.sessions
                if s.modality is Modality.RESISTANCE and not s.optional
            )
            walk_part = max(0, math.floor(_work_minutes(walk) - ramp / 60) - least_walk)
            spare += walk_part
            walks_part.append(walk_part * 60.0)
        else:
            walks_part.append(0.0)
        rooms.append(Room(spare * 60, design.timing))
    # the sets are counted and costed on week 1 as built, then written into the template
    built = [DayPlan(day=d.day, sessions=[settled(s) for s in d.sessions]) for d in week_one]
    raised = raise_weekly_volume(
        built,
        scheme.group_dose_sets,
        lambda i, session, ex: _one_more_set(rooms[i], outcome, session, ex),
        lambda i, a, b: b,
    )
    dosed = raised
    raised = _past_dose_to_walks(built, dosed, scheme, design, budget, least_walk)
    if raised is not dosed and any(n < scheme.group_dose_sets for n in group_sets(raised).values()):
        # the minutes the sets past the dose's top free go to the groups still under the
        # dose first, then to the walk (COACHING.md §2: the first goal's minimum dose before
        # WHO's minutes; coach review 27: a strength-first lifter's quads gave their 11th
        # and 12th sets to the walk while chest stayed at 9)
        for i, (a, b) in enumerate(zip(dosed, raised, strict=True)):
            rooms[i].seconds += max(0.0, _lifting_seconds(a, design) - _lifting_seconds(b, design))
        raised = raise_weekly_volume(
            raised,
            scheme.group_dose_sets,
            lambda i, session, ex: _one_more_set(rooms[i], outcome, session, ex),
            lambda i, a, b: b,
        )
    walked = raised
    raised, fewer = _start_near_dose(
        built, walked, scheme, outcome, design, budget, rooms, walks_part
    )
    # the days whose sets came off for the walk after lifting: the walk takes the minutes;
    # the sets week 1 gives up to start near the dose leave their minutes free for the
    # block's added sets, unless the week is short of the aerobic target
    cut = {
        i
        for i, (a, b) in enumerate(zip(dosed, walked, strict=True))
        if _lifting_sets([b]) < _lifting_sets([a])
    }
    started = {
        i
        for i, (b, c) in enumerate(zip(walked, raised, strict=True))
        if _lifting_sets([c]) < _lifting_sets([b])
    } - cut
    if raised is built:
        if scheme.cautious is not None:
            return week_one
        return _levelled_as_held(
            week_one,
            redose,
            lambda held: _walks_levelled(
                held, budget, scheme.aerobic_target, list(range(len(week_one))), least_walk
            ),
        )
    out: list[DayPlan] = []
    for day, now in zip(week_one, raised, strict=True):
        sessions = []
        for template, grown in zip(day.sessions, now.sessions, strict=True):
            # (an extra the walk took is left out: `trim_past_dose(drop_extras=...)`)
            sets = {e.name: e.sets for e in grown.exercises}
            if [sets.get(e.name) for e in template.exercises] != [
                e.sets for e in template.exercises
            ]:
                left = fewer.get(len(out), [])
                gone = [e.name for e in template.exercises if e.name not in sets]
                notes = list(template.notes)
                walks_took = [n for n in gone if n not in left]
                if walks_took and scheme.past_dose_extras_note:
                    notes.append(
                        fill_placeholders(
                            scheme.past_dose_extras_note, {"lifts": _named(walks_took)}
                        )
                    )
                fewer_here = [n for n in gone if n in left]
                if fewer_here and scheme.start_fewer_lifts_note:
                    notes.append(
                        fill_placeholders(
                            scheme.start_fewer_lifts_note, {"lifts": _named(fewer_here)}
                        )
                    )
                after = template.model_copy(
                    update={
                        "exercises": [
                            e.model_copy(update={"sets": sets[e.name]})
                            for e in template.exercises
                            if e.name in sets
                        ],
                        "notes": notes,
                    }
                )
                template = _retimed(template, after, design.timing, budget)
            sessions.append(template)
        sessions = _as_held(
            sessions, redose, lambda held: _walk_gives_way(held, budget, least_walk)
        )
        out.append(DayPlan(day=day.day, sessions=sessions))
    # the walks after lifting take the minutes the days leave free only as far as the week is
    # short of the aerobic target, a minute at a time to the shortest walk (the days whose
    # sets came off for a walk, then those whose sets came off to start near the dose, first
    # among equals): the dose is in, so WHO's minutes come before the block's added sets
    # (COACHING.md §2; coach review 21, ACTIVE-AEROBIC-SHORT-WITH-FREE-MINUTES: a lower-body
    # day built 21 minutes under its slot, its walk 39 minutes with the week 12 minutes
    # short, and the free minutes went to the sets the block added), and past the target
    # no step asks for more aerobic minutes of a lifting-first person: what the days leave
    # then is the first goal's, for the block's added sets, or stays free (coach review 41,
    # SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT: the days whose sets came off for the walk gave it
    # every free minute, walks of 13, 30, 54, 53 and 54 minutes, 204 of 150)
    out = _levelled_as_held(
        out,
        redose,
        lambda held: _walks_levelled(
            held,
            budget,
            scheme.aerobic_target,
            [
                *sorted(cut),
                *sorted(started),
                *(j for j in range(len(out)) if j not in started | cut),
            ],
            least_walk,
            level=scheme.cautious is None,
        ),
    )
    if scheme.cautious is not None:
        # a re-entry's day whose walk was sized beside its moderate first weeks gives the
        # block's own lifting the minutes it is over by (coach review 27: 38 + 8 of 45), down
        # to the few brisk minutes a walk may hold, or the walk goes (session 22: a 27-year-
        # old's 5-minute walk beside 30-minute days became 1 minute, and 0 in a deload)
        least = give_way_least(outcome, design.timing)
        out = [
            DayPlan(
                day=d.day,
                sessions=d.sessions
                if _sized_to_week_one(d.sessions, design.timing)
                else _walk_gives_way_or_goes(d.sessions, budget, least),
            )
            for d in out
        ]
    return out


def _held(
    sessions: list[Session], redose: Callable[[Session], Session]
) -> tuple[list[Session], dict[int, Session]]:
    """A day's `sessions` with each lifting template that the block's ceiling re-doses
    (`_redosed` on what `redose` gives: the session as week 1 holds it, or itself where no
    ceiling holds all block) as week 1 holds it, and a map from each such session's id
    back to its template."""
    held = []
    back: dict[int, Session] = {}
    for x in sessions:
        h = _redosed(x, redose(x)) if x.modality is Modality.RESISTANCE else None
        if h is not None:
            back[id(h)] = x
        held.append(h if h is not None else x)
    return held, back


def _as_held(
    sessions: list[Session],
    redose: Callable[[Session], Session],
    change: Callable[[list[Session]], list[Session]],
) -> list[Session]:
    """A day's `sessions` changed by `change` (a walk after lifting sized to the day's
    minutes), which reads each lifting template that week 1 re-doses (`_redosed`) as week 1
    holds it: the template's own minutes time a heavier dose than any week does, so a walk
    sized beside them is too short for week 1's day and the weeks' lifting grows into the
    minutes it leaves (session 32, rare42: a 70-year-old's walks 54 -> 53 minutes in the
    reps weeks). The templates are kept in what `change` returns."""
    held, back = _held(sessions, redose)
    return [back.get(id(x), x) for x in change(held)]


def _levelled_as_held(
    days: list[DayPlan],
    redose: Callable[[Session], Session],
    level: Callable[[list[DayPlan]], list[DayPlan]],
) -> list[DayPlan]:
    """`days` whose walks `level` (`_walks_levelled`) sizes beside the lifting as week 1
    holds it (`_as_held`), the lifting templates kept."""
    held = [_held(d.sessions, redose) for d in days]
    levelled = level([DayPlan(day=d.day, sessions=h) for d, (h, _) in zip(days, held, strict=True)])
    return [
        DayPlan(day=n.day, sessions=[back.get(id(x), x) for x in n.sessions])
        for n, (_, back) in zip(levelled, held, strict=True)
    ]


def _held_mirror(
    week_one: list[DayPlan],
    redose: Callable[[Session], Session],
    mirror: Callable[[list[DayPlan]], dict[int, Session | None]],
) -> dict[int, Session | None]:
    """`mirror` (`_mirror`) read on week 1 with each lifting template that week 1 re-doses
    (`_redosed`) as week 1 holds it, its map given back in the templates: the minutes a
    swap of day types frees or takes are those of the lifts the person does, not of the
    heavier templates (session 32, rare42: full body A/B/A under a moderate ceiling, the
    B/A/B weeks' walks 134 -> 132 minutes)."""
    back: dict[int, Session] = {}
    held_days = []
    for d in week_one:
        sessions, found = _held(d.sessions, redose)
        back.update(found)
        held_days.append(DayPlan(day=d.day, sessions=sessions))
    if not back:
        return mirror(week_one)
    return {
        id(back[k]) if k in back else k: None if v is None else back.get(id(v), v)
        for k, v in mirror(held_days).items()
    }


def _walks_levelled(
    days: list[DayPlan],
    budget: int,
    target: float,
    order: list[int],
    least: int,
    *,
    level: bool = True,
) -> list[DayPlan]:
    """`days` (a trained lifting-first person's week 1) whose moderate walks after lifting
    hold the week at the aerobic `target` where the days allow, and level: short of it,
    they lengthen a minute at a time, the shortest first, into what each day's required
    sessions leave of its `budget` minutes; past it, they shorten a minute at a time, the
    longest first, to no less than `least` minutes of work; then a minute at a time moves
    from the longest walk to the shortest while that one's day has a minute to spare (ties
    go in `order`). WHO's 150 minutes come before more for the first goal, and no step asks
    a lifting-first person for aerobic minutes past them (COACHING.md §2): what the days
    leave past the target is the block's added sets', or stays free; and level walks leave
    every day type of the rotation (`_mirror`) minutes to grow into, where one long walk
    held a day's minutes that the lower days of the mirrored week then lacked (coach
    review 41, SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT: walks of 13, 30, 54, 53 and 54 minutes
    after lifting sessions of 36-39, 204 of 150 aerobic minutes). Without `level` (a
    re-entry's week, whose walks its own moderate weeks sized) they only lengthen."""
    walks = {
        i: w
        for i in order
        if (w := _steady_after_lifting(days[i].sessions)) is not None
        and w.intensity_class is IntensityClass.MODERATE
        and sum(ex.work_seconds is not None for ex in w.exercises) == 1
    }
    if not walks:
        return days
    change = dict.fromkeys(walks, 0)
    spare = {
        i: budget - sum(s.duration_minutes for s in days[i].sessions if not s.optional)
        for i in walks
    }

    def length(i: int) -> int:
        return walks[i].duration_minutes + change[i]

    def can_grow(i: int) -> bool:
        return change[i] < spare[i]

    def can_shrink(i: int) -> bool:
        return _work_minutes(walks[i]) + change[i] - 1 >= least

    short = target - _week_aerobic(days)
    while short >= 0.5:
        open_days = [i for i in walks if can_grow(i)]
        if not open_days:
            break
        change[min(open_days, key=lambda i: (length(i), order.index(i)))] += 1
        short -= 1
    while level and short <= -1:
        open_days = [i for i in walks if can_shrink(i)]
        if not open_days:
            break
        change[max(open_days, key=lambda i: (length(i), -order.index(i)))] -= 1
        short += 1
    # (a day whose lifting was trimmed to fit its slot takes its free minutes back for its
    # rests and sets, `rests_refit`: levelling gives its walk none of them)
    trimmed = {
        i
        for i in walks
        if any(
            trim_changes(note) is not None
            for x in days[i].sessions
            if x.modality is Modality.RESISTANCE
            for note in x.notes
        )
    }
    while level:
        longest = max(walks, key=lambda i: (length(i), -order.index(i)))
        shortest = min(
            (i for i in walks if can_grow(i) and i not in trimmed),
            key=lambda i: (length(i), order.index(i)),
            default=None,
        )
        if shortest is None or length(longest) - length(shortest) < 2 or not can_shrink(longest):
            break
        change[longest] -= 1
        change[shortest] += 1
    out = list(days)
    for i, more in change.items():
        if more:
            out[i] = DayPlan(
                day=days[i].day,
                sessions=[
                    _resized_steady(s, s.duration_minutes + more) if s is walks[i] else s
                    for s in days[i].sessions
                ],
            )
    return out


def _lifting_seconds(day: DayPlan, design: SessionDesignFile) -> float:
    """The timed seconds of a day's required lifting sets."""
    return sum(
        session_seconds(s.exercises, design.timing)
        for s in day.sessions
        if s.modality is Modality.RESISTANCE and not s.optional
    )


def _week_aerobic(days: list[DayPlan]) -> float:
    """Moderate-equivalent minutes of the week's required steady work."""
    return sum(aerobic_equivalent(s) for d in days for s in d.sessions if _steady(s))


def _walk_takes_back(
    sessions: list[Session], budget: int, most: int | None = None
) -> list[Session]:
    """A day whose lifting gave sets up: its steady block after lifting lengthens by what
    the day's required sessions now leave of its minutes (at most `most` minutes)."""
    spare = budget - sum(s.duration_minutes for s in sessions if not s.optional)
    if most is not None:
        spare = min(spare, most)
    walk = _steady_after_lifting(sessions)
    if spare <= 0 or walk is None:
        return sessions
    return [_resized_steady(s, s.duration_minutes + spare) if s is walk else s for s in sessions]


def _past_dose_to_walks(
    built: list[DayPlan],
    raised: list[DayPlan],
    scheme: Scheme,
    design: SessionDesignFile,
    budget: int,
    least_walk: int,
) -> list[DayPlan]:
    """Week 1 (`raised`, at the first goal's dose) with the sets past the dose's top
    (`group_dose_most`) taken off lifts on days with a steady block after lifting, while the
    week's required aerobic minutes are short of the guideline (COACHING.md §2: the first
    goal's minimum dose, then WHO's minimums, then more for the first goal; coach review 14,
    EXTRA-SETS-BEFORE-WHO-AEROBIC: a muscle-first lifter's glutes at 19 and shoulders at
    18.5 hard sets with 56 of 150 aerobic minutes). It stops once the walks, lengthened into
    the minutes freed, reach the target. `built` is week 1 before the dose (its sessions
    timed as built)."""
    if (
        scheme.group_dose_most is None
        or scheme.group_dose_sets is None
        or not scheme.aerobic_target
        or _week_aerobic(built) >= scheme.aerobic_target
    ):
        return raised
    open_days = frozenset(i for i, d in enumerate(raised) if _steady_after_lifting(d.sessions))
    if not open_days:
        return raised
    timing = design.timing

    def retime(a: Session, b: Session) -> Session:
        return _retimed(a, b, timing, budget)

    def settled(day: DayPlan, before: DayPlan) -> DayPlan:
        sessions = _walk_gives_way(day.sessions, budget, least_walk)
        if _lifting_sets([day]) < _lifting_sets([before]):
            sessions = _walk_takes_back(sessions, budget)
        return DayPlan(day=day.day, sessions=sessions)

    def enough(days: list[DayPlan]) -> bool:
        week = [settled(d, t) for d, t in zip(days, timed, strict=True)]
        return _week_aerobic(week) >= scheme.aerobic_target

    def enough_with_free(days: list[DayPlan]) -> bool:
        # (an extra is left out only where the walks, given every day's free minutes as
        # `_with_dose` then gives them, still fall short: coach review 21's free minutes
        # come first)
        week = [
            DayPlan(
                day=d.day,
                sessions=_walk_takes_back(_walk_gives_way(d.sessions, budget, least_walk), budget),
            )
            for d in days
        ]
        return _week_aerobic(week) >= scheme.aerobic_target

    # the raise left its sessions untimed: time them against week 1 as built first
    timed = retimed_days(built, raised, retime)
    accept = _mirror_keeps_dose(timed, scheme.group_dose_sets, retime)

    trimmed = trim_past_dose(
        timed,
        scheme.group_dose_sets,
        scheme.group_dose_most,
        scheme.past_dose_least_sets,
        retime,
        open_days=open_days,
        strength_days=scheme.strength_days,
        enough=enough_with_free,
        accept=accept,
        drop_extras=(
            _mirror_keeps_dose(timed, scheme.group_dose_sets, retime, minutes=False),
            enough_with_free,
        )
        if scheme.past_dose_extras_note
        else None,
    )
    if trimmed is timed:
        return raised
    # back to the raise's shape: sessions keep week 1's timing, with the trimmed sets
    return [
        DayPlan(
            day=r.day,
            sessions=[
                a.model_copy(update={"exercises": t.exercises}) if a.exercises != t.exercises else a
                for a, t in zip(r.sessions, t_day.sessions, strict=True)
            ],
        )
        for r, t_day in zip(raised, trimmed, strict=True)
    ]


def _start_near_dose(
    built: list[DayPlan],
    raised: list[DayPlan],
    scheme: Scheme,
    outcome: Decisions,
    design: SessionDesignFile,
    budget: int,
    rooms: list[Room],
    walks_part: list[float],
) -> tuple[list[DayPlan], dict[int, list[str]]]:
    """Week 1 (`raised`: at the first goal's dose where the minutes allow, after the walks'
    trim) starting each major group near that dose: while a group has more than the dose's
    top (`group_dose_most`), sets come off on any lifting day - the extras (core, arms,
    calves) first, then the sets past the dose in `hold_weekly_volume`'s order, never taking
    a major muscle under the dose, a lift under `past_dose_least_sets` (a compound lift
    under its prescribed fewest sets, `_compound_least_sets`), a group off its strength
    days or the mirrored week under its dose - and the minutes freed then give the groups
    still under the dose their sets, round after round while that changes the week (a
    chest press's set lifts the shoulders too), never past the weekly ceiling (COACHING.md
    §2-3: trained lifters start about 10 a group and build toward 10-20 a set at a time;
    coach review 17, TRAINED-VOLUME-STARTS-AT-CEILING: shoulders 20 and glutes 18 in week
    1 while chest and quads sat at 9, so the block added nothing). A compound lift at its
    dose's fewest sets is the dose, not past it: where those sets take a group past the
    weekly ceiling (`weekly_hard_sets`' top), a lift is left out first - a compound the
    session already trains the same groups with, or an extra, `_fewer_lifts` - and only
    then do compound sets go under the dose (coach review 41, TRAINED-TWO-SET-COMPOUNDS-
    WITH-FREE-TIME: an advanced strength-first lifter on 6 x 120 minutes started every
    upper-body lift at 2 sets beside 37-76 free minutes, as the shoulders' half sets of
    the presses and rows held 19.5). What is left free is the room the block's added sets
    grow into; but first a compound lift still under its dose's fewest sets (a second push
    on an accessory slot, dosed 2-3 sets there) gets its sets up to them where the day's
    free minutes (not its walk's: `walks_part`) and the ceiling, in this week and the
    mirrored one, allow (`_up_to_least`); all this for an active lifter (a re-entry's
    moderate start keeps the old floor). `rooms` are each day's seconds left after the
    dose (taken from as sets are added back). `built` is week 1 before the dose (its
    sessions timed). Also returns the lifts left out, by day."""
    if scheme.group_dose_most is None or scheme.group_dose_sets is None:
        return raised, {}
    most, dose = float(scheme.group_dose_most), float(scheme.group_dose_sets)
    timing = design.timing
    # (a re-entry's week 1 is its moderate start, held under its active twin's sets,
    # reentry28: its lifts start near the dose at `past_dose_least_sets` as before)
    ceiling = _weekly_ceiling(outcome) if scheme.cautious is None else None
    compound_least = scheme.past_dose_least_sets
    if scheme.cautious is None:
        compound_least = max(compound_least, _compound_least_sets(outcome))

    def retime(a: Session, b: Session) -> Session:
        return _retimed(a, b, timing, budget)

    lifting_days = frozenset(
        i
        for i, d in enumerate(built)
        if any(x.modality is Modality.RESISTANCE and not x.optional for x in d.sessions)
    )

    def start(
        least: int, cap: float | None, spare: list[Room]
    ) -> tuple[list[DayPlan], dict[int, list[str]]]:
        """Week 1 started near the dose with compound lifts kept at `least` sets, under the
        ceiling `cap` (none: the start as coach review 17 made it); `spare` the rooms."""

        def least_of(e: Exercise) -> int:
            return least if e.compound else scheme.past_dose_least_sets

        def grow(i: int, session: Session, ex: Exercise) -> bool:
            return _one_more_set(spare[i], outcome, session, ex)

        def back_to_raise(now: list[DayPlan], trimmed: list[DayPlan]) -> list[DayPlan]:
            """`now` (the raise's shape) with `trimmed`'s sets, the freed seconds to the
            rooms."""
            out: list[DayPlan] = []
            for i, (r, t_day) in enumerate(zip(now, trimmed, strict=True)):
                sessions = []
                for a, t in zip(r.sessions, t_day.sessions, strict=True):
                    if [e.sets for e in a.exercises] != [e.sets for e in t.exercises]:
                        freed = session_seconds(a.exercises, timing) - session_seconds(
                            t.exercises, timing
                        )
                        spare[i].seconds += max(0.0, freed)
                        a = a.model_copy(update={"exercises": t.exercises})
                    sessions.append(a)
                out.append(DayPlan(day=r.day, sessions=sessions))
            return out

        now = raised
        for _ in range(START_ROUNDS):
            if all(n <= most for n in group_sets(now).values()):
                break
            timed = retimed_days(built, now, retime)
            trimmed = trim_past_dose(
                timed,
                dose,
                most,
                scheme.past_dose_least_sets,
                retime,
                open_days=lifting_days,
                strength_days=scheme.strength_days,
                enough=lambda days: all(n <= most for n in group_sets(days).values()),
                # (no walk takes these minutes: only the mirrored week's dose is kept)
                accept=_mirror_keeps_dose(timed, dose, retime, minutes=False),
                least_of=least_of,
            )
            if trimmed is timed:
                break
            # back to the raise's shape, the freed seconds given to the day's room
            now = raise_weekly_volume(
                back_to_raise(now, trimmed), dose, grow, lambda i, a, b: b, most=cap
            )
        dropped: dict[int, list[str]] = {}
        edge = float(scheme.start_fewer_lifts_from or cap or 0)
        if cap is None or all(n < edge for n in group_sets(now).values()):
            return _up_to_least(now, least, cap, spare, walks_part, outcome), dropped
        now, dropped = _fewer_lifts(built, now, dose, edge, cap, retime, spare, timing, grow)
        if any(n > cap for n in group_sets(now).values()):
            # no lift can go: sets under the dose come off, to the ceiling
            timed = retimed_days(built, now, retime)
            held = hold_weekly_volume(
                timed,
                cap,
                scheme.past_dose_least_sets,
                retime,
                strength_days=scheme.strength_days,
                dose=dose,
            )
            if held is not timed:
                now = back_to_raise(now, held)
        return _up_to_least(now, least, cap, spare, walks_part, outcome), dropped

    if compound_least <= scheme.past_dose_least_sets:
        return start(compound_least, ceiling, rooms)
    kept = [replace(r) for r in rooms]
    out, dropped = start(compound_least, ceiling, kept)
    # the first goal's minimum dose (about 10 hard sets a group) comes before a compound
    # lift's third set: where the compounds at their fewest sets leave a group under the
    # dose that the start as it was (two sets a lift) reaches, that start stands
    spare = [replace(r) for r in rooms]
    old, _ = start(scheme.past_dose_least_sets, None, spare)
    now, before = group_sets(out), group_sets(old)
    # ... and WHO's aerobic minutes come before sets past the dose's top: where the week is
    # short of the aerobic target, the walks after lifting lengthen into the minutes the
    # days leave free (`_walks_levelled`), and the compounds' third sets may not take the
    # minutes the old start left them (review 14's `extra-sets-before-who-aerobic`)
    short = scheme.aerobic_target - _week_aerobic(raised)
    walk_days = [i for i, d in enumerate(raised) if _steady_after_lifting(d.sessions)]

    def walks_can_take(spare_rooms: list[Room]) -> float:
        return sum(max(0.0, spare_rooms[i].seconds - walks_part[i]) / 60 for i in walk_days)

    if (
        any(now[g] < min(dose, before[g]) for g in now)
        or (short > 0 and walks_can_take(kept) < min(short, walks_can_take(spare)))
        or (scheme.aerobic_target and not walk_days and _week_aerobic(raised) <= 0)
    ):
        out, dropped, kept = old, {}, spare
    for room, chosen in zip(rooms, kept, strict=True):
        room.seconds = chosen.seconds
    return out, dropped


def _up_to_least(
    days: list[DayPlan],
    least: int,
    ceiling: float | None,
    rooms: list[Room],
    walks_part: list[float],
    outcome: Decisions,
) -> list[DayPlan]:
    """Week 1 with each hard compound lift under `least` sets (the trained dose's fewest for
    a compound lift) given a set at a time, the lift with the fewest sets and the earlier
    day first, where the day's room less its walk's part (`walks_part`: a set here takes
    no minute from WHO's aerobic minutes) holds it and no major group it trains passes the
    weekly `ceiling`, in this week or in the week that swaps its day types
    (`_mirror_group_sets`) (coach review 41, TRAINED-TWO-SET-COMPOUNDS-WITH-FREE-TIME: an
    intermediate lifter's second push, on an accessory slot dosed 2-3 sets, stayed at 2
    beside 31 free minutes)."""
    out = days
    while True:
        totals = group_sets(out)
        mirror = _mirror_group_sets(out)
        spots = sorted(
            (e.sets, i, j, k)
            for i, d in enumerate(out)
            for j, s in enumerate(d.sessions)
            if s.modality is Modality.RESISTANCE and not s.optional
            for k, e in enumerate(s.exercises)
            if e.compound and is_hard_set(e) and e.sets < least
        )
        added = False
        for sets, i, j, k in spots:
            session = out[i].sessions[j]
            ex = session.exercises[k]
            if ceiling is not None and any(
                totals[g] + touches(ex, g) > ceiling for g in totals if touches(ex, g)
            ):
                continue
            exercises = list(session.exercises)
            exercises[k] = ex.model_copy(update={"sets": sets + 1})
            trial = list(out)
            trial[i] = DayPlan(
                day=out[i].day,
                sessions=[
                    x.model_copy(update={"exercises": exercises}) if n == j else x
                    for n, x in enumerate(out[i].sessions)
                ],
            )
            if ceiling is not None and mirror is not None:
                after = _mirror_group_sets(trial) or {}
                if any(n > ceiling and n > mirror.get(g, 0.0) for g, n in after.items()):
                    continue
            free = Room(rooms[i].seconds - walks_part[i], rooms[i].timing)
            if not _one_more_set(free, outcome, session, ex):
                continue
            rooms[i].seconds -= rooms[i].seconds - walks_part[i] - free.seconds
            out = trial
            added = True
            break
        if not added:
            return out


def _mirror_group_sets(days: list[DayPlan]) -> dict[str, float] | None:
    """Hard sets a week per major group of the week that swaps `days`' day types (`_mirror`:
    each lifting session replaced by the first of the other type), None without one."""
    lifts = [
        s
        for d in days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE and not s.optional and s.last_week is None
    ]
    titles = list(dict.fromkeys(s.title for s in lifts))
    if len(titles) != 2 or len({sum(s.title == t for s in lifts) for t in titles}) == 1:
        return None
    first = {t: next(s for s in lifts if s.title == t) for t in titles}
    sets = hard_sets_by_muscle(
        first[titles[1] if s.title == titles[0] else titles[0]] for s in lifts
    )
    return {g: max(sets.get(m, 0.0) for m in ms) for g, ms in MAJOR_GROUPS.items()}


def _fewer_lifts(
    built: list[DayPlan],
    raised: list[DayPlan],
    dose: float,
    edge: float,
    ceiling: float,
    retime: Callable[[Session, Session], Session],
    rooms: list[Room],
    timing: Timing,
    grow: Callable[[int, Session, Exercise], bool],
) -> tuple[list[DayPlan], dict[int, list[str]]]:
    """Week 1 (`raised`, compound lifts at their dose's fewest sets) with lifts left out,
    one at a time, while a major group has `edge` hard sets a week or more (the weekly
    ceiling's edge, `start_fewer_lifts_from`: week 1 starts below it, so the block has sets
    to add, coach review 17), never past the weekly `ceiling` when a set is given back: a
    lift that trains the group furthest over, first a compound whose session already
    trains every major group it trains as a primary muscle with an earlier compound (a
    second row, a second push), then an extra (`is_extra`) - on the day the group has the most
    sets, the session's last such lift, the latest day first - never taking a major muscle
    the week gives the `dose` under it, a day's hard exposure of a group, or the mirrored
    week's dose (`_mirror_keeps_dose`). The freed seconds go to the day's room, and the
    groups under the dose get their sets back within the ceiling (COACHING.md §2-3: fewer
    lifts done for more sets, at the dose the rules give a trained lifter's compound lifts,
    rather than every lift at two sets; coach review 41). Also returns the lifts left out,
    by day."""
    dropped: dict[int, list[str]] = {}
    refused: set[tuple[int, int, str]] = set()

    def day_sets(d: DayPlan) -> dict[str, float]:
        return hard_sets_by_muscle(
            s for s in d.sessions if s.modality is Modality.RESISTANCE and not s.optional
        )

    def redundant(s: Session, k: int) -> bool:
        own = primary_groups([s.exercises[k]])
        return bool(own) and any(e.compound and own <= primary_groups([e]) for e in s.exercises[:k])

    while True:
        totals = group_sets(raised)
        over = sorted((g for g, n in totals.items() if n >= edge), key=lambda g: -totals[g])
        if not over:
            break
        timed = retimed_days(built, raised, retime)
        accept = _mirror_keeps_dose(timed, dose, retime, minutes=False)
        week = _summed_muscles(raised)
        cut: tuple[int, int, int] | None = None
        for group in over:
            spots: list[tuple[tuple[float, ...], tuple[int, int, int]]] = []
            for i, d in enumerate(raised):
                on_day = group_sets([d])[group]
                for j, s in enumerate(d.sessions):
                    if s.modality is not Modality.RESISTANCE or s.optional:
                        continue
                    for k, e in enumerate(s.exercises):
                        if not touches(e, group) or (i, j, e.name) in refused:
                            continue
                        if e.compound and redundant(s, k):
                            kind = 0.0
                        elif is_extra(e):
                            kind = 1.0
                        else:
                            continue
                        spots.append(((kind, -on_day, -float(k), -float(i)), (i, j, k)))
            for _, at in sorted(spots):
                i, j, k = at
                e = raised[i].sessions[j].exercises[k]
                trial = without_exercise(raised, at)
                after = _summed_muscles(trial)
                kept = all(
                    after.get(m, 0.0) >= min(dose, n) for m, n in week.items() if m in MAJOR_MUSCLES
                ) and exposed_groups(day_sets(raised[i])) <= exposed_groups(day_sets(trial[i]))
                if kept and accept(retimed_days(timed, without_exercise(timed, at), retime)):
                    cut = at
                    break
                refused.add((i, j, e.name))
            if cut is not None:
                break
        if cut is None:
            break
        i, j, k = cut
        session = raised[i].sessions[j]
        dropped.setdefault(i, []).append(session.exercises[k].name)
        left = without_exercise(raised, cut)
        rooms[i].seconds += max(
            0.0,
            session_seconds(session.exercises, timing)
            - session_seconds(left[i].sessions[j].exercises, timing),
        )
        raised = raise_weekly_volume(left, dose, grow, lambda i, a, b: b, most=ceiling)
    return raised, dropped


def _summed_muscles(days: list[DayPlan]) -> dict[str, float]:
    """Hard sets a week per muscle on the days' required lifting."""
    return hard_sets_by_muscle(
        s for d in days for s in d.sessions if s.modality is Modality.RESISTANCE and not s.optional
    )


def _weekly_ceiling(outcome: Decisions) -> float | None:
    """The rules' weekly hard sets per major group's top (`weekly_hard_sets`), if any."""
    bound, _ = outcome.resolve(Modality.RESISTANCE.value, "any", "weekly_hard_sets")
    return float(bound.max) if bound is not None and bound.max is not None else None


def _compound_least_sets(outcome: Decisions) -> int:
    """The fewest sets the rules prescribe a compound lift (the low end of its range: 3 for
    a trained lifter's dose, rules/core/resistance.yaml); 1 without a prescription."""
    bound, _ = outcome.resolve(Modality.RESISTANCE.value, "compound", "sets")
    return int(bound.min) if bound is not None and bound.min is not None else 1


# rounds of `_start_near_dose` (each trims past the dose and gives the groups under it sets)
START_ROUNDS = 4


def _mirror_keeps_dose(
    timed: list[DayPlan],
    dose: float,
    retime: Callable[[Session, Session], Session],
    *,
    minutes: bool = True,
) -> Callable[[list[DayPlan]], bool]:
    """Whether a week 1 with sets taken off keeps the week that swaps its day types
    (`_mirror`) at the dose where it had it, and (with `minutes`) its lifting taking no
    more minutes than before against this week's (its steady minutes hold): `timed` is
    week 1 before the cuts, its sessions timed."""

    def mirrored(days: list[DayPlan]) -> tuple[dict[str, float], int]:
        """Hard sets by muscle of the week that swaps day types (`_mirror`), if any, and
        how many more minutes its lifting takes than this week's (sessions retimed)."""
        lifts = [
            retime(a, b) if a is not b else a
            for o, d in zip(timed, days, strict=True)
            for a, b in zip(o.sessions, d.sessions, strict=True)
            if b.modality is Modality.RESISTANCE and not b.optional and b.last_week is None
        ]
        titles = list(dict.fromkeys(s.title for s in lifts))
        if len(titles) != 2 or len({sum(s.title == t for s in lifts) for t in titles}) == 1:
            return {}, 0
        first = {t: next(s for s in lifts if s.title == t) for t in titles}
        swapped = [first[titles[1] if s.title == titles[0] else titles[0]] for s in lifts]
        longer = sum(s.duration_minutes for s in swapped) - sum(s.duration_minutes for s in lifts)
        return hard_sets_by_muscle(swapped), longer

    mirror_before, longer_before = mirrored(timed)

    def accept(days: list[DayPlan]) -> bool:
        # the week that swaps day types keeps the dose where it had it, and its lifting
        # takes no more of the walks' minutes than before (its steady minutes hold)
        after, longer = mirrored(days)
        return (not minutes or longer <= max(longer_before, 0)) and all(
            after.get(m, 0.0) >= min(dose, n)
            for m, n in mirror_before.items()
            if m in MAJOR_MUSCLES
        )

    return accept


# a rest held short of its range is raised in steps of this many seconds (`_rests_refit`)
REST_STEP = 15


def rests_refit(
    weeks: list[Week],
    budget: int,
    rests: Mapping[str, Range],
    design: SessionDesignFile,
    held: frozenset[int] = frozenset(),
) -> list[Week]:
    """The block with the fit run again on each week as it finally is (coach review 16,
    HEAVY-REST-CLIPPED-WITH-TIME-LEFT): a lifting session its trim held to the short end of
    its rests gets them back where the week's cuts (a recovery rule, a ceiling, a lighter
    effort) left the day's minutes free (`_rests_refit`). Run last, once every steady block
    has its minutes: WHO's aerobic minutes come before longer rests (COACHING.md §2)."""
    out: list[Week] = []
    for week in weeks:
        before = out[-1].days if out and week.deload else None
        # (`held`: weeks under a week-scoped hold, whose loads the hold sets: none of them,
        # nor a week after one, keeps a reps week's rests)
        building = [w for w in out if not w.deload]
        last = (
            _same_load_rests(week, building)
            if not held
            or (week.week not in held and building[-1:] and building[-1].week not in held)
            else {}
        )
        if not rests and not last:
            out.append(week)
            continue
        days = [
            _rests_refit(d, budget, rests, design, before[i] if before else None, last)
            for i, d in enumerate(week.days)
        ]
        out.append(week.model_copy(update={"days": days}))
    return out


def _same_load_rests(week: Week, building: list[Week]) -> dict[tuple[str, str], Exercise]:
    """The rests of the main lifts (compound, taken toward failure: 3 or fewer reps in
    reserve) in the building week before `week`, by session title and lift, where `week` is
    a building week at that week's loads (a reps week: its `load_change_pct` no higher).
    The rest a set needs follows the weight on the bar (ACSM 2009, NSCA 2015); a reps week
    reads a lower %1RM from its higher reps at the same weight, and its rests fell with it
    (coach review 29, HEAVY-REST-CUT-WITH-TIME-IDLE: 120-180 s -> 60-120 s in week 6 with
    17-28 minutes of the day unused)."""
    if week.deload or not building or week.load_change_pct > building[-1].load_change_pct:
        return {}
    found: dict[tuple[str, str], Exercise] = {}
    for d in building[-1].days:
        for s in d.sessions:
            if s.modality is not Modality.RESISTANCE or s.optional:
                continue
            for e in s.exercises:
                rir = e.intensity.rir
                if e.compound and e.rest_seconds is not None and rir is not None and rir.min <= 3:
                    found.setdefault((s.title, e.name), e)
    return found


def _rests_refit(
    day: DayPlan,
    budget: int,
    rests: Mapping[str, Range],
    design: SessionDesignFile,
    before: DayPlan | None = None,
    last: Mapping[tuple[str, str], Exercise] | None = None,
) -> DayPlan:
    """COACHING.md §2, time is honest, read the other way (coach review 16,
    HEAVY-REST-CLIPPED-WITH-TIME-LEFT: an overtraining block's lifting at 34 of 60 minutes
    alone on its day, still "Trimmed to fit 60 minutes: shorter rests" with 3-6-rep squats
    and deadlifts on 120 s): a lifting session its trim held to the short end of its rests
    gets them back - each lift's prescribed rests (`rests`, by name, before the trim) as its
    load and effort this week need them (`intensity.settled_rest`) - while the day's
    minutes (`budget`, every session of the day counted) hold them: the main lifts first,
    in session order, then the others. A deload's session (`before`: the day in the week
    before it) takes no more minutes than it did there. The trim's note then says shorter
    rests only where a lift still has them, and goes when nothing else was trimmed. `last`
    (a reps week: its main lifts' rests in the building week before, at the same loads,
    `_same_load_rests`): a main lift resting less than it did there gets those rests back
    the same way, trimmed or not."""
    sessions = list(day.sessions)
    changed = False
    for k, s in enumerate(sessions):
        if s.modality is not Modality.RESISTANCE:
            continue
        said = [(i, trim_changes(n)) for i, n in enumerate(s.notes)]
        trims = [(i, found) for i, found in said if found and SHORTER_RESTS in found[1]]
        table = design.intensity_table
        light_top = design.zones[IntensityClass.LIGHT].rpe.max
        # (the same lift at the same effort, its reps no lower: last week's weight, where
        # last week's rests are the ones that weight needed, not ones it kept in turn from
        # the week before: a hold week after a reps week reads the reps week's lighter load,
        # coach review 31, REST-KEPT-PAST-REPS-WEEK)
        kept_rests = {
            e.name: was.rest_seconds
            for e in s.exercises
            if (was := (last or {}).get((s.title, e.name))) is not None
            and was.rest_seconds is not None
            and e.rest_seconds is not None
            and e.intensity.rir == was.intensity.rir
            and e.reps is not None
            and was.reps is not None
            and e.reps.min >= was.reps.min
            and was.rest_seconds.max > e.rest_seconds.max
            and settled_rest(was, table, light_top).rest_seconds == was.rest_seconds
        }
        if not trims and not kept_rests:
            continue
        most = budget - sum(x.duration_minutes for x in sessions if x is not s)
        if before is not None:
            # a deload is no longer than the week before it (COACHING.md §3)
            then = next((x for x in before.sessions if x.title == s.title), None)
            most = min(most, then.duration_minutes if then is not None else s.duration_minutes)
        exercises = list(s.exercises)
        full: dict[int, Range] = {}
        for i, e in enumerate(exercises):
            if e.name in kept_rests:
                full[i] = kept_rests[e.name]  # the rests of the same loads last week
                continue
            prescribed = rests.get(e.name) if trims else None
            if prescribed is None or e.rest_seconds is None:
                continue
            restored = settled_rest(
                e.model_copy(update={"rest_seconds": prescribed}), table, light_top
            )
            if restored.rest_seconds is not None and midpoint(restored.rest_seconds) > midpoint(
                e.rest_seconds
            ):
                full[i] = restored.rest_seconds
        if not full:
            continue
        seconds = session_seconds(exercises, design.timing)
        kept = list(exercises)
        short = set(full)
        order = sorted(full, key=lambda i: (not exercises[i].compound, i))

        def fits(
            trial: list[Exercise],
            base: float = seconds,
            at: int = s.duration_minutes,
            most: int = most,
        ) -> bool:
            extra = (session_seconds(trial, design.timing) - base) / 60
            return round(at + extra) <= most

        for i in order:
            trial = [
                *kept[:i],
                kept[i].model_copy(update={"rest_seconds": full[i]}),
                *kept[i + 1 :],
            ]
            if fits(trial):
                kept = trial
                short.discard(i)
        raised = False
        for i in order:
            # a lift whose full range does not fit rests as long as the minutes allow, at
            # one value still short of its range (the note keeps saying so)
            rest = kept[i].rest_seconds
            if i not in short or rest is None:
                continue
            for point in range(int(full[i].max) - REST_STEP, int(rest.max), -REST_STEP):
                trial = [
                    *kept[:i],
                    kept[i].model_copy(update={"rest_seconds": Range.of(point, point)}),
                    *kept[i + 1 :],
                ]
                if fits(trial):
                    kept, raised = trial, True
                    break
        if len(short) == len(full) and not raised:
            continue
        minutes = round(s.duration_minutes + (session_seconds(kept, design.timing) - seconds) / 60)
        notes = list(s.notes)
        if not short:
            for i, (limit, changes) in reversed(trims):
                others = [c for c in changes if c != SHORTER_RESTS]
                if others:
                    notes[i] = trim_note(limit, ", ".join(others))
                else:
                    del notes[i]
        sessions[k] = s.model_copy(
            update={"exercises": kept, "duration_minutes": max(1, minutes), "notes": notes}
        )
        changed = True
    return DayPlan(day=day.day, sessions=sessions) if changed else day


def _dose_kept(
    days: list[DayPlan],
    week_one: list[DayPlan],
    scheme: Scheme,
    most: float | None,
    outcome: Decisions,
    design: SessionDesignFile,
    budget: int,
    first: Mapping[str, float],
) -> list[DayPlan]:
    """A building week with lifting sets added, one at a time, while a major group it
    trains is under the first goal's minimum dose (`group_dose_sets`) and under what week 1
    gave it (`first`: the dose lives in week 1, `_with_dose`; a set past it that a reps
    week's shorter rests leave room for is gone again in the next load week, the
    `lifting-sets-fall-while-building` kind), in the minutes its
    lifting days leave free once their steady sessions reach their full length (never a
    walk's: past week 1 the dose takes no more of WHO's aerobic minutes than week 1 gave
    it), within each lift's prescribed range, and never taking a group past the weekly
    ceiling (`weekly_hard_sets`' top, `most`). Week 1 carries the dose (`_with_dose`), but
    the week that swaps the day types (`_mirror`) takes each day type from its first
    session, losing a dose set the second session of that type held, and the ceiling's cut
    of a group at it by other lifts' secondary credit can take a press set another group's
    dose needs: an advanced 30-year-old on 3 x 120 minutes had chest at 9 in every second
    week with 10-41 minutes a day free (coach review 28, TRAINED-VOLUME-BELOW-MED-NEVER-BUILT;
    COACHING.md §2-3). Where the ceiling alone holds the group under the dose (the
    shoulders at 20 by the presses' and rows' half sets), the set goes in and the ceiling
    takes its set back from the over group's own lifts (`hold_weekly_volume(dose=...)`);
    where it cannot, the week stays as it was."""
    assert scheme.group_dose_sets is not None
    dose = float(scheme.group_dose_sets)
    before = group_sets(days)
    target = {g: min(dose, first.get(g, 0.0)) for g in before}
    if all(n >= target[g] for g, n in before.items()):
        return days

    def free(i: int) -> int:
        """Day i's minutes left once its steady sessions reach their full length."""
        steady = sum(s.duration_minutes for s in days[i].sessions if _steady(s))
        full = sum(s.duration_minutes for s in week_one[i].sessions if _steady(s))
        used = sum(s.duration_minutes for s in days[i].sessions) - steady + max(steady, full)
        return max(0, budget - used)

    def raised(ceiling: float | None) -> list[DayPlan]:
        rooms = [Room(free(i) * 60, design.timing) for i in range(len(days))]
        totals = dict(before)

        def grow(i: int, session: Session, ex: Exercise) -> bool:
            credit = {g: touches(ex, g) for g in totals}
            # only for a group under its week-1 dose (a lift whose primary group has it)
            if not any(c >= 1 and totals[g] < target[g] for g, c in credit.items()):
                return False
            if ceiling is not None and any(
                c and totals[g] + c > ceiling for g, c in credit.items()
            ):
                return False
            if not _one_more_set(rooms[i], outcome, session, ex):
                return False
            for g, c in credit.items():
                totals[g] += c
            return True

        def retime(i: int, a: Session, b: Session) -> Session:
            spare = max(0, budget - sum(s.duration_minutes for s in days[i].sessions))
            return _retimed(a, b, design.timing, spare)

        return raise_weekly_volume(days, dose, grow, retime)

    out = raised(most)
    if most is not None and any(n < target[g] for g, n in group_sets(out).items()):
        # a group at the ceiling only by a set's secondary credit (the shoulders' half set
        # of a chest press) gives that set back from its own lifts, so one group at the
        # ceiling does not hold another under the dose; where it cannot, the ceiling holds
        traded = hold_weekly_volume(
            raised(None),
            most,
            1,
            lambda a, b: _retimed(a, b, design.timing, 0),
            strength_days=scheme.strength_days,
            dose=dose,
        )
        if all(n <= max(most, before[g]) for g, n in group_sets(traded).items()):
            out = traded
    return out


def build_weeks(
    week_one: list[DayPlan],
    count: int,
    outcome: Decisions,
    design: SessionDesignFile,
    budget: int = 180,
    build_up: BuildUp | None = None,
    extras_ramp: BuildUp | None = None,
    most_reps: Mapping[str, float] | None = None,
    grows: Mapping[int, tuple[int, int]] | None = None,
    unloaded: frozenset[str] = frozenset(),
    rep_caps: Mapping[str, int] | None = None,
    load_cues: Mapping[str, str] | None = None,
    drills: frozenset[str] = frozenset(),
    coarse: frozenset[str] = frozenset(),
    added: frozenset[str] = frozenset(),
    leave_walks: bool = True,
    spared: frozenset[tuple[str, str]] = frozenset(),
    rungs: Mapping[str, ExerciseEntry] | None = None,
    returns: Mapping[str, ExerciseEntry] | None = None,
) -> list[Week]:
    """Weeks 1..count; a session of week one appears from its `first_week` on;
    `budget` is the day's minutes (a mirrored week must fit them); with `build_up`, required
    steady sessions start short and reach their full length over its weeks (people not yet
    active), and `week_one` is the full-length template; with `extras_ramp` (a person not
    yet active) the optional walks and rides start at one short bout and grow by steps
    (`_extras_ramped`) in the weeks above light, and stay at that bout where no `build_up`
    lets the required ones grow; `most_reps` maps an exercise name to
    the most reps its kind is dosed at, so alternatives still fit when a cap moves the reps;
    `grows` maps a steady session that grows into its day's spare minutes (its template is
    the longest it grows to) to its week-1 minutes and the minutes it joins with;
    `unloaded` names the exercises with no external load, which progress by reps and then
    tempo in place of load (`unloaded_reps_step`), never past the top of their week-1 range;
    `rep_caps` maps an exercise name to the most reps a set of it is ever given (`max_reps`);
    `load_cues` maps a body-weight lift the person's kit can load to how (`load_cue`);
    `drills` names the teaching drills, which a cautious start's exit sets reach last;
    `coarse` names the lifts whose load steps a whole bell or band at a time
    (`Library.coarse_loaded`), whose load weeks say so (`coarse_load_note`), and `added`
    the lifts loaded by what the person adds (`Library.added_loaded`), which count for
    neither a fine nor a coarse week; with
    `leave_walks`, a walk sized to week 1's room (`Session.give_floor`) that a week's lifting
    still runs over at its least is left out that week (`_flex_gives_way`); `spared` names
    by (session title, exercise name) the lifts a safety rule adds to the dose (the posture
    and back-extensor work a spine-care day opens with), which the weekly hard-set ceiling
    neither counts nor cuts (`hold_weekly_volume`); `rungs` maps a body-weight lift to the
    next rung of its ladder open to the person (`Picker.harder_rungs`), taken once its reps
    and slowed lowering are used up (`_rungs_up`); `returns` maps the stand-in a week 1 short
    of a skill move's effort took to that skill move (`Picker.stood_in`), which it goes back
    to in the first load week whose effort is no longer short, each week in between saying
    why (the library's `messages.skill_steps_down`, then `skill_returns`; coach review 41)."""
    scheme = Scheme.from_outcome(outcome)
    least_walk = design.timing.min_work_minutes.get(Modality.ENDURANCE, 10)
    # the least work a later week's lifting shortens a walk sized to week 1's room to
    # (`Session.give_floor`; the library's `walk_gives_way_minutes` where a few brisk
    # minutes are a walk for this person, else its least steady work: `give_way_least`)
    give_least = give_way_least(outcome, design.timing)
    limit_caps: dict[bool, float | None] = {}
    for compound, role in ((True, "compound"), (False, "accessory")):
        bound, _ = outcome.limit(Modality.RESISTANCE.value, role, "pct_1rm")
        limit_caps[compound] = float(bound.max) if bound and bound.max is not None else None

    def settled(session: Session) -> Session:
        """A lifting session as week 1 holds it: every set agreeing with the table under
        the session's class and the rules' load limits (its rests follow the loads), timed
        from the session as built."""
        if session.modality is not Modality.RESISTANCE:
            return session
        cohered = cohere_session(
            session,
            design.intensity_table,
            design.zones,
            session.intensity_class,
            limit_caps,
            most_reps or {},
        )
        return _retimed(session, cohered, design.timing, 0)

    # a safety ceiling held all block (no cautious start, whose heavier weeks come later)
    # re-doses a heavier template in every week: its weeks are timed from it as re-dosed
    # (`_redosed`)
    redose_holds = (
        scheme.cautious is None and outcome.max_intensity == IntensityClass.MODERATE.value
    )

    def redose(session: Session) -> Session:
        return settled(session) if redose_holds else session

    edges = outcome.warmup_and_cooldown(Modality.RESISTANCE.value)[0]
    week_one = [
        DayPlan(
            day=d.day,
            sessions=[_exactly_timed(x, redose, edges, design.timing) for x in d.sessions],
        )
        for d in week_one
    ]
    if (
        scheme.group_dose_sets
        and _dose_as_active(scheme.cautious)
        and not scheme.hold_volume
        and not scheme.deload_now
    ):
        # week 1 (and so every week built from it) gives each major group the minimum dose;
        # a day's room is read from week 1 as built (its rests follow the loads)
        week_one = _with_dose(
            week_one, scheme, outcome, design, budget, least_walk, settled, redose
        )
    # a steady block the mirror shortens keeps the library's least steady work
    # (read beside the lifting as week 1 holds it, `_held_mirror`)
    mirror = _held_mirror(
        week_one,
        redose,
        lambda held: _mirror(
            held,
            budget,
            design.timing.min_work_minutes.get(Modality.ENDURANCE, 10),
            scheme.aerobic_target - _week_aerobic(week_one),
            dose_first=any(t.lifting_reserves_growth for t, _ in outcome.guidelines.values()),
        ),
    )
    growth = _growth(week_one, count, scheme, grows or {}) if build_up is None else {}
    # (an active person's long steady session starts at what its day holds, at every block
    # length: it grows into free minutes, `growth`, or holds and progresses by effort; it
    # no longer starts shorter in a longer block - coach review 27,
    # WEEK1-CHANGES-WITH-BLOCK-LENGTH: a 90-minute ride was 75 at 8 weeks, 65 at 16)
    # a tempo session's tempo minutes a building week, and the last each one held
    tempo_targets = _tempo_targets(count, scheme) if scheme.tempo_low else {}
    tempo_blocks = mesocycles(count, scheme)
    tempo_last: dict[int, int] = {}
    full_said = -1  # the last block whose full days were said
    if build_up is not None:
        # as many building steps as the longest way to a session's full length needs at
        # the rules' most a step (a session joining later grows from nothing)
        build_up = build_up.covering(
            _work_minutes(s)
            - (min(_work_minutes(s), build_up.start_minutes) if s.first_week == 1 else 0)
            for d in week_one
            for s in d.sessions
            if _steady(s)
        )
    # the full length a build-up reaches: the template's required steady minutes (a
    # minute's rounding spared)
    full_steady = sum(_steady_minutes(week_one)) - 1
    ramp_week = 0  # the build-up step: it does not advance in a deload week
    # the most work each required steady session (by its day and place there) held so far
    ramp_most: dict[tuple[Day, int], float] = {}
    extras_step = 0  # the optional extras' step: nor in a week held light
    # a limit on days without activity (ADA 2016) spreads the extras' first bouts
    spread_extras = outcome.requirement("max_days_without_activity") is not None
    # week 1's steady work: the start of the week's total that joining sessions grow from
    ramp_start = (
        sum(
            _work_minutes(_build_up(s, 1, build_up))
            for d in week_one
            for s in d.sessions
            if _steady(s) and s.first_week == 1
        )
        if build_up is not None
        else 0.0
    )
    built_weeks_so_far, mirrored = 0, False
    full_week, steps = 0, 0
    while build_up is not None and steps < build_up.weeks:
        full_week += 1
        steps += 0 if scheme.is_deload(full_week) else 1
    weeks: list[Week] = []
    # the minutes a steady session that holds a day until intervals start there last had
    # (by day): what the interval session's steady part keeps (`_intervals_keep_steady`)
    held_last: dict[Day, int] = {}
    # (not a cautious start's walks where the first goal's dose is the aerobic minutes: its
    # build-up grows them and the start's set steps take only free minutes; coach review
    # 42, CAUTIOUS-START-WALKS-SHRINK: a 66-year-old insulin-sensitivity-first beginner's
    # walks after lifting went 46 -> 20 required aerobic minutes for the exit's second set)
    walks_give = (
        _walks_give(week_one, scheme)
        and not _dose_reached(week_one, scheme)
        and not _walks_first_goal(scheme, outcome)
    )
    # the walks after lifting give the block's set step the minutes a week holds past WHO's
    # aerobic target (a trained lifting-first person's sets past the dose, which only the
    # aerobic minutes the target needs come before: COACHING.md §2; coach review 32,
    # TRAINED-SETS-NEVER-BUILD); not in a build-up, whose walks grow to the target
    past_gives = bool(
        scheme.group_dose_sets
        and scheme.add_sets_every
        and scheme.sets_take_walk
        and scheme.aerobic_target
        and build_up is None
        and not aerobic_first(outcome)
        and not scheme.hold_volume
    )
    # the groups whose sets may take a walk's minutes: those week 1 leaves under the first
    # goal's dose, as far as they are under it (any group, any number of sets, where the
    # rules give no dose)
    dose_sets = scheme.group_dose_sets
    under_dose = {
        g: math.inf if dose_sets is None else dose_sets - n
        for g, n in group_sets(week_one).items()
        if dose_sets is None or n < dose_sets
    }
    sets_wait = _sets_wait_for_aerobic(week_one, scheme, outcome)
    most_sets, _ = outcome.resolve(Modality.RESISTANCE.value, "any", "weekly_hard_sets")
    weekly_most = float(most_sets.max) if most_sets and most_sets.max is not None else None
    # a lift keeps at least one set under the ceiling, or what a limit on sets asks
    fewest, _ = outcome.limit(Modality.RESISTANCE.value, "any", "sets")
    least_sets = max(1, int(fewest.min)) if fewest and fewest.min is not None else 1
    # each lift's fewest sets in week 1 (the trained ceiling never cuts below them)
    first_sets: dict[str, int] = {}
    for d in week_one:
        for x in d.sessions:
            for e in x.exercises:
                first_sets[e.name] = min(first_sets.get(e.name, e.sets), e.sets)
    least, _ = outcome.limit(Modality.RESISTANCE.value, "any", "reps")
    reps_floor = float(least.min) if least is not None and least.min is not None else 1.0
    load = 0.0
    built = 0  # progressing (non-deload) weeks so far
    built_at: dict[int, int] = {}  # week -> `built` in that week
    phase = 0  # building weeks since the dose last changed: odd add load, even add reps
    reps_week = False
    load_weeks = 0  # load weeks so far: lifts without an external load step their reps
    # load weeks since the dose last changed: a new dose (the end of a start) starts at an
    # ordinary lowering, and the next load week slows it again
    slow_weeks = 0
    tempo_cue = (
        fill_placeholders(
            scheme.unloaded_tempo_cue, {"seconds": f"{scheme.unloaded_tempo_seconds}"}
        )
        if scheme.unloaded_tempo_cue and scheme.unloaded_tempo_seconds
        else ""
    )
    last_building = 0  # the latest week that was not a deload
    # week 1's lifting sessions, by template, in a block held at week 1's lighter sets
    shrunk: dict[int, Session] = {}
    # each lifting template the rules re-dose in week 1 (`_redosed`), as re-dosed: the
    # weeks' minutes are retimed from it, not from the heavier template
    redosed: dict[int, Session] = {}
    for d in week_one:
        for x in d.sessions:
            if (as_held := _redosed(x, redose(x))) is not None:
                redosed[id(x)] = as_held
    effort_limits = _effort_limits(outcome)
    moderate_top = design.zones[IntensityClass.MODERATE].rpe.max or 0.0
    step_said = False  # the effort step's note (or why it is held) is said once
    # the body-weight lifts whose hold at their top is said (once each), and those said to
    # hold while a light start lasts (said again as for good where they hold after it)
    plateau_said: set[str] = set()
    light_said: set[str] = set()
    # body-weight lifts moved up their ladder, by session title and the lift's own name
    ladder: dict[tuple[str, str], Rung] = {}
    check_said = False  # the screening's check before vigorous lifting is said once
    # each lift's top where it first appears, by session title: a lift with no load to add
    # never steps past it (coach review 9, BW-STRENGTH-DRIFT)
    first_tops: dict[tuple[str, str], float] = {}
    # whether any required lift has an external load: without one, an exit step that only
    # raises the %1RM ceiling is no change of dose (`_load_only_step`)
    loaded = _has_external_load(week_one, unloaded)
    # the way into the block's own dose after a cautious start ends (`EndSteps`): the last
    # week of the start and its exit, the block's own lifting effort, the steps so far, and
    # each building week's caps
    start_end = _start_end(scheme.cautious)
    # a first goal whose dose is the aerobic backbone keeps the walk after its lifting
    backbone_first = aerobic_first(outcome)
    # the share of an exit step that must fit beside the walk for the walk to stay: most
    # of it where the walk is the first goal's dose, all of it where the sets are
    mostly_fits = EXIT_STEP_MOSTLY_FITS if aerobic_led(outcome) else 1.0
    own_effort = _top_effort(week_one)
    end_steps: EndSteps | None = None
    end_caps: dict[int, dict[bool, float]] = {}
    # the first reps week after a light start's exit: from it, the exit's sets go on to
    # their top (`_exit_sets`' `topped_from`), in a week that steps no load
    exit_topped_at: int | None = None
    exit_end = _start_end(scheme.cautious)
    # a re-entry (moderate weeks that end straight into the block's own dose) whose last
    # loads sit below that dose climbs back to it: after its effort step every building week
    # is a load week of at most a tenth, with fewer reps each time, until the block's own
    # %1RM tops (by role, as week 1's template holds them within the rules' caps) are
    # reached; a reps week would only move it away (coach review 29,
    # REENTRY-STRENGTH-NEVER-RETURNS: a strength block's 3-6 reps at 77-87 % never came
    # back after the re-entry's 8-12 at 63-67 %)
    own_dose = [
        DayPlan(
            day=d.day,
            sessions=[
                cohere_session(
                    x,
                    design.intensity_table,
                    design.zones,
                    x.intensity_class,
                    limit_caps,
                    most_reps or {},
                    unloaded,
                )
                for x in d.sessions
            ],
        )
        for d in week_one
    ]
    # each lift's %1RM top at the block's own dose: a climb whose lifts mostly stand there
    # (the median, as `true_load_change` reads a week's loads) while a session's main lift,
    # heavier (a second goal of strength's heavy sets), still climbs steps the block's load
    # for the others, whose climb is over (coach review 37, STRENGTH-SECOND-GOAL-UNDOSED: a
    # re-entry's week 7 took its main lifts 77 -> 85 % at 7 -> 4 reps under the week 6 load)
    own_pcts = _pct_tops(own_dose)
    climb_to: dict[bool, float] = (
        {
            role: min(top, limit_caps.get(role) or 100.0)
            for role, top in _role_tops(own_dose).items()
        }
        if start_end is not None
        and _dose_as_active(scheme.cautious)
        # (not beside another week-scoped hold past the start: a passing illness's weeks
        # climb back by their own rule, `safety/illness-delay`, applied after the weeks)
        and not any(
            outcome.in_week(w).limits or outcome.in_week(w).ceiling.value != outcome.max_intensity
            for w in range(start_end + 1, count + 1)
        )
        else {}
    )
    climb_full: int | None = None  # the week the climb reaches the block's own dose
    # a light start's exit ends at a moderate effort with its reps near the top of a long
    # range (about 12-13 at 62-64 % 1RM out of osteoporosis's exit): were the block's own
    # effort to come at those loads, the reps would climb with it (14-15 at RPE 7-8), two
    # changes in one week into long sets near failure (coach review 30,
    # OSTEOPOROSIS-EXIT-STEPS-REPS-AND-EFFORT-AT-ONCE). So the block's first week takes one
    # more load step (at most a tenth) at the exit's effort, the reps falling with the load,
    # and the effort rises the building week after at those loads, with no load step beside
    # it (COACHING.md §3: one thing at a time); `waited` is the first week's number
    load_first = (
        start_end is not None
        and scheme.cautious is not None
        and scheme.cautious.exit_weeks is not None
        and scheme.cautious.exit_rpe is not None
        # (with a load to step: a body-weight block's exit has no load step to take first)
        and loaded
    )
    waited: int | None = None
    climb_said: tuple[int, int] | None = None  # (week index, note index) of its start note
    # the week the set step counts its building weeks from: a cautious start's last week
    # (its exit's), and for a re-entry (`_dose_as_active`) the block's first week after it,
    # which steps the effort alone - one thing at a time after a lay-off - so a re-entry's
    # sets build a building week behind the same lifter in training (coach review 32,
    # TRAINED-SETS-NEVER-BUILD)
    # and a re-entry's step comes every second building week from there (half the rate of
    # the same lifter in training: the first of each pair adds it), so its block never
    # outgrows theirs (reentry28's REENTRY-MORE-SETS-THAN-ACTIVE)
    reentry_sets = int(start_end is not None and _dose_as_active(scheme.cautious))
    # the building weeks (`built`) counted at the latest week that stepped no load: the set
    # step counts its weeks only up to there, so a load week keeps the sets of the week
    # before and the steps it would have added come in the next reps week, beside that
    # week's higher reps at the same loads (coach review 33, SETS-AND-LOAD-STEP-TOGETHER: a
    # 40-year-old intermediate's week 2 added a set beside a 2 % load step; COACHING.md §3,
    # one thing at a time), as a held start's and a light start's exit sets do
    # (`_exit_sets`, `_exit_set_steps`)
    set_built = 0
    sets_from = (
        scheme.cautious.weeks + (scheme.cautious.exit_weeks or 0) + reentry_sets
        if scheme.cautious
        else 0
    )
    # by week, whether its lifting stays short of a skill move's effort, by whether the lift
    # is compound (`fill.skill_effort_short`)
    stood_said: set[str] = set()  # the stand-ins said (`messages.skill_steps_down`)
    # ... and by whether the stand-in's move is a skill move (`skill_effort`) or a harder
    # body-weight rung (`rung_effort`: coach review 42)
    shorts = {
        w: {
            (compound, skill): skill_effort_short(outcome, w, design, role, rung=not skill)
            for compound, role in ((True, "compound"), (False, "accessory"))
            for skill in (True, False)
        }
        for w in range(1, count + 1)
    }
    for number in range(1, count + 1):
        deload = scheme.is_deload(number)
        notes: list[str] = []
        # Double progression: building weeks alternate new load (back at the bottom of the
        # rep ranges) and more reps at that load; a deload holds both, and the week after it
        # carries on from where the block was.
        # A deload keeps the rep targets of the week before it. A week whose dose changes
        # (a cautious start ending, each step of its exit) starts the alternation again.
        reps_week = reps_week if deload else False
        climbing = (
            end_steps is not None
            and not deload
            and start_end is not None
            and number > start_end + 1
            and _below_dose(end_steps.tops, climb_to)
            # (a week a rule holds at a moderate effort has a dose of its own: a trained
            # lifter over 45 and not active, the screening's hold)
            and _held_by(outcome, number, effort_limits, moderate_top) is None
        )
        # the building week after a first week whose effort waited: its effort step alone
        effort_due = (
            waited is not None
            and not deload
            and not any(w.week > waited and not w.deload for w in weeks)
        )
        # a re-entry's moderate weeks end into the block's own dose, whose one change is the
        # effort; where a rule holds the effort at moderate all block (over 45 and not used
        # to vigorous work), that week changes nothing and the block's alternation goes on:
        # it was the re-entry's week 2 again, after its reps week (coach review 33,
        # RE-ENTRY-EXIT-WEEK-GOES-BACKWARD: a 50-year-old's week 5 back to 8-12 reps at
        # week 3's loads)
        reentry_end_held = (
            scheme.cautious is not None
            and _dose_as_active(scheme.cautious)
            and number == scheme.cautious.weeks + 1
            and _held_by(outcome, number, effort_limits, moderate_top) is not None
        )
        # the climb's last steps are the main lifts' alone: the other lifts are back at
        # their own dose, and the week is a building week for them (its load step counts)
        climb_for_main_only = (
            climbing
            and bool(weeks)
            and _at_own_dose(next(w for w in reversed(weeks) if not w.deload).days, own_pcts)
        )
        dose_change = (
            (
                _dose_changes(scheme.cautious, number)
                and (loaded or not _load_only_step(scheme.cautious, number))
                and not reentry_end_held
            )
            or (climbing and not climb_for_main_only)
            or effort_due
        )
        # the mirror week alternates with the building weeks; a deload keeps the last one's
        # the week after a mirrored deload that goes back to the usual days swaps them too
        back_from_mirror = bool(weeks) and weeks[-1].deload and mirrored
        swapped_back = bool(weeks) and mirrored and not deload
        if not deload:
            mirrored = built_weeks_so_far % 2 == 1
            built_weeks_so_far += 1
        back_from_mirror = back_from_mirror and not deload and not mirrored
        swapped_back = swapped_back and not mirrored
        if number > 1 and not deload:
            built += 1
            phase = 0 if dose_change else phase + 1
            slow_weeks = 0 if dose_change else slow_weeks
            if phase % 2 == 1:
                load += scheme.load_step_pct
                load_weeks += 1
                slow_weeks += 1
            elif phase:
                reps_week = True
        if not deload:
            ramp_week += 1
        built_at[number] = built
        set_built_before = set_built
        # (a trained lifter's step, `set_step_lifts`; a beginner's step every four building
        # weeks is left as it was)
        if (reps_week or not scheme.set_step_lifts) and not deload:
            set_built = built
        # the cautious start's dose and its %1RM caps, and an exit step's cap, hold all week;
        # a deload holds the dose of the building week before it (it never takes the next
        # step of an exit: its loads are the last week's, as its note says)
        ref = last_building if deload and last_building else number
        if not deload:
            last_building = number
        if (
            exit_topped_at is None
            and reps_week
            and not deload
            and exit_end is not None
            and number > exit_end
        ):
            exit_topped_at = number
        sets_base = exit_base(weeks[0].days if weeks else week_one)
        start = _dose_in_force(scheme.cautious, ref)
        caps = _tighter(dict(limit_caps), start.pct_1rm.max if start else None)
        exit_cap = _exit_cap(scheme.cautious, ref, scheme)
        caps = _tighter(caps, exit_cap)
        floor = max(reps_floor, start.reps.min or 1) if start else reps_floor
        # a beginner's effort step (COACHING.md §3): from its week, where no cautious dose
        # or exit holds the lifts and the week's safety ceiling allows a vigorous effort;
        # else the rule that holds it is named in the week's note
        step, step_held = _effort_step(
            scheme, outcome, ref, start is not None or exit_cap is not None, moderate_top
        )
        if start_end is not None and start is None and weeks:
            # past a cautious start's own weeks, on the way to the block's own dose: an
            # effort step first, at the last building week's loads, and the loads at most a
            # tenth higher than the last week that set them
            if end_steps is None:
                end_week = next((w for w in reversed(weeks) if not w.deload), weeks[-1])
                end_steps = EndSteps(
                    _role_tops(end_week.days),
                    load,
                    scheme.dose_load_step,
                    scheme.load_step_points,
                )
            if not deload and reps_week and end_caps:
                # a reps week keeps last week's loads: its ranges move inside that week's
                end_caps[number] = end_caps[max(end_caps)]
            elif not deload:
                before_this = next(w for w in reversed(weeks) if not w.deload)
                last_top = _top_effort(before_this.days)
                rises = _effort_rises(
                    outcome, ref, (step, exit_cap), (own_effort, last_top), design.zones
                )
                if (
                    rises
                    and load_first
                    and start_end is not None
                    and number > start_end
                    and not any(w.week > start_end and not w.deload for w in weeks)
                ):
                    # the block's first week: a load step at the exit's effort, the effort
                    # next building week (above)
                    rises, waited, step = False, number, None
                end_caps[number] = end_steps.caps(load, _role_tops(before_this.days), held=rises)
                if climbing and climb_full is None and not _below_dose(end_caps[number], climb_to):
                    climb_full = number
            for is_compound, end_cap in end_caps.get(ref, {}).items():
                now = caps.get(is_compound)
                caps[is_compound] = end_cap if now is None else min(now, end_cap)
        days = []
        starting: set[str] = set()
        rounds_tops: list[int] = []  # each interval session's most rounds (`rounds_note`)
        returning: list[int] = []  # the full rounds of sessions on a return (`_return_share`)
        joined = (
            _joined_minutes(week_one, number, max(ramp_week, 1), build_up, ramp_start)
            if build_up is not None
            else {}
        )
        joining = False  # a steady session joins the week's build-up this week
        # a build-up's optional walks and rides grow with it, from one short bout, counted
        # from the first week above light (a passing illness's light weeks hold them light)
        if (
            extras_ramp is not None
            and build_up is not None
            and not scheme.is_deload(number)
            and INTENSITY_ORDER[outcome.in_week(number).ceiling.value] > INTENSITY_ORDER["light"]
        ):
            extras_step += 1
        extras = (
            _extras_ramped(week_one, max(extras_step, 1), extras_ramp, spread_extras)
            if extras_ramp is not None
            else {}
        )
        # a lift without an external load steps its reps this week, or is at the most reps
        stepped, topped, weighted = False, False, False
        # whether this week's lifting stays short of a skill move's effort, by whether the
        # lift is compound, and the skill moves that come back this week (stand-in, skill)
        skill_short = shorts[number]
        # a stand-in whose skill move comes back in a later week of the block is not held
        # at its top for good
        comes_back = {
            c: any(not shorts[w][c] for w in range(number + 1, count + 1)) for c in shorts[number]
        }
        returned: list[tuple[str, str]] = []
        # body-weight lifts held at their top with no rung left, one whose lowering slows for
        # the first time, and the rungs taken this week (the lift, the rung)
        plateaued: set[str] = set()
        slowed_fresh = False
        climbed: list[tuple[str, str]] = []
        # (either main-lifts note: the aerobic-built first goal's, or the one a day that is
        # no strength day anyway gets; coach review 32)
        main_heads = tuple(
            t.partition("{changes}")[0]
            for t in (
                design.messages.main_lifts_form,
                design.messages.main_lifts_form_no_strength_day,
            )
            if t
        )
        # the sets this week still owes the groups under the dose (all the week's days)
        week_under = dict(under_dose)
        held_most = (
            _held_sets_most(
                scheme.cautious,
                number,
                weeks,
                scheme,
                base=sets_base,
                topped_from=exit_topped_at,
            )
            if not deload
            else None
        )
        # each lifting day's share of the week's aerobic minutes past the target
        past_share = (
            _past_target_share(week_one, number, mirror if mirrored else None, scheme)
            if past_gives and not deload
            else 0
        )
        for day in week_one:
            # this week's sessions of the day: those begun by now, mirrored where it applies
            todays = []
            origin: dict[int, Session] = {}  # each session of the day -> its week-1 template
            for session in day.sessions:
                first = session.first_week
                if number < first or number > (session.last_week or number):
                    continue
                if growth.get(number, {}).get(id(session)) == 0:
                    continue  # a steady session that joins the day in a later week
                if number == first and first > 1:
                    if id(session) in joined:
                        joining = True
                    else:
                        starting.add(session.modality.value)
                today = mirror.get(id(session), session) if mirrored else session
                if today is None and deload:
                    # a deload's lighter lifting leaves the block its room again
                    today = session
                if today is None:
                    continue  # a steady block the mirrored lifting leaves no room for
                todays.append(today)
                origin[id(today)] = session
            # minutes the day has left; added sets and retimed sessions share them (beside
            # each re-dosed template's minutes as week 1 holds it, `_redosed`)
            spare = max(0, budget - sum(redosed.get(id(x), x).duration_minutes for x in todays))
            # a walk sized to week 1's room leaves this week's lifting the room it had with
            # the walk sized to the block's tightest week (`give_floor`), and then shortens
            # by what the day runs over (below)
            flex = _steady_after_lifting(todays)
            give_at = flex.give_floor if flex is not None else None
            if flex is not None and give_at is not None and scheme.group_dose_sets is None:
                spare += max(0, flex.duration_minutes - give_at)
            else:
                flex = None
            # (the walk after lifting that only some sets may take: not one that gives way)
            walk = _steady_after_lifting(todays) if walks_give and flex is None else None
            exit_sets = _exit_sets(
                scheme.cautious,
                ref,
                scheme,
                base=sets_base,
                topped_from=exit_topped_at,
            )
            if deload and exit_sets and scheme.cautious and scheme.cautious.exit_sets:
                # a deload cuts from the exit's bottom, so its cut against the building week
                # before stays within the rules' range (the day's room would otherwise give
                # it more sets to start from than that week held)
                exit_sets = min(exit_sets, int(scheme.cautious.exit_sets.min or 1))
            give_seconds: float = 0  # a walk's minutes that only added sets may take
            if walk is not None:
                # the steady block after lifting gives way to the sets, down to its least
                # work; where an exit's first sets need more, it goes for the week
                give = max(0, math.floor(_work_minutes(walk)) - least_walk)
                # (a deload as the building week before it: its cut is from those sets)
                # (not for a first goal built on aerobic work, nor after a short day's main
                # lifts: that walk is the first goal's aerobic dose, which comes before the
                # exit's strength sets; coach review 17, FIRST-GOAL-AEROBIC-ABSENT)
                main_day = backbone_first or (
                    bool(main_heads)
                    and any(
                        n.startswith(main_heads)
                        for x in todays
                        if x.modality is Modality.RESISTANCE
                        for n in x.notes
                    )
                )
                if (
                    # (and only for a step of which the walk at its least leaves room for
                    # less than half: a walk never goes whole for a minute or two of sets,
                    # which wait for the next week's minutes instead; coach review 38,
                    # WALKS-DROPPED-FOR-EXTRA-SETS: 18-minute walks went for 9 minutes of
                    # sets where 8 were free)
                    _exit_cost(todays, exit_sets, scheme, design.timing)
                    > (spare + give) * 60 / mostly_fits
                    and not main_day
                    # a deload cuts the exit's sets again: its walk stays (docs/rules.md,
                    # `sets_take_walk`; coach review 26 found week 8's walks gone too)
                    and not deload
                ):
                    spare += walk.duration_minutes
                    todays = [x for x in todays if x is not walk]
                else:
                    give_seconds = give * 60
            # the walk's minutes past WHO's target that the set step may take (`Room.past`)
            past_walk = (
                _steady_after_lifting(todays)
                if past_share > 0 and walk is None and flex is None
                else None
            )
            past_seconds = (
                60.0 * min(past_share, max(0, math.floor(_work_minutes(past_walk)) - least_walk))
                if past_walk is not None
                else 0.0
            )
            room = Room(spare * 60, design.timing, give_seconds, week_under, past_seconds)
            sessions: list[Session] = []
            made_from: list[Session] = []  # each of `sessions`' week-1 template
            for template in todays:
                session = template
                if id(template) in extras:
                    work = extras[id(template)]
                    if not work:
                        continue  # it joins in a later week of the build-up
                    cut = round(_work_minutes(session)) - work
                    session = _resized_steady(session, session.duration_minutes - cut)
                if id(template) in joined:
                    short = round(_work_minutes(session)) - joined[id(template)]
                    session = _resized_steady(session, session.duration_minutes - short)
                elif build_up is not None:
                    session = _build_up(session, max(ramp_week, 1), build_up)
                    own = origin.get(id(template), template)
                    if own is not template and _steady(own) and ramp_week < build_up.weeks:
                        # a mirrored week's block is at least its own session's build-up,
                        # cut only where the swapped-in lifting leaves it less: a mirror that
                        # shortens the block does not shorten its ramp (coach review 26,
                        # STEADY-RAMP-TOO-STEEP: 27 -> 38 -> 41 -> 55 minutes on a 90-minute
                        # day); one that lengthens it ramps to its own length
                        swapped = _work_minutes(template)
                        ramped = max(
                            _work_minutes(session),
                            min(
                                swapped, _work_minutes(_build_up(own, max(ramp_week, 1), build_up))
                            ),
                        )
                        session = _resized_steady(
                            template, template.duration_minutes - round(swapped - ramped)
                        )
                if build_up is not None and build_up.step and _steady(session):
                    # no more than the build-up's step above the most it held before (none
                    # in a deload): a week whose lifting held it shorter is caught up from
                    # by steps, not at once (COACHING.md §3; coach review 26)
                    key = (day.day, sum(1 for x in sessions if _steady(x)))
                    most = ramp_most.get(key, math.inf) + (0 if deload else build_up.step)
                    if _work_minutes(session) > most:
                        session = _resized_steady(
                            session,
                            session.duration_minutes - math.ceil(_work_minutes(session) - most),
                        )
                if growth.get(number, {}).get(id(template)):
                    session = _resized_steady(session, growth[number][id(template)])
                if session.easy_part is not None and scheme.tempo_low and _steady(session):
                    # the tempo part grows a step a building week; a deload takes it back
                    # to its block's first week's, and at least the deload's least cut below
                    # the week before (coach review 27, TEMPO-NO-BUILDUP-NO-DELOAD)
                    tempo_key = id(origin.get(id(template), template))
                    was = tempo_last.get(tempo_key)
                    if deload and was is not None:
                        # back to the closing block's first week, and at least the deload's
                        # least cut below the week before (in whole steps where it grows)
                        cut = math.floor(was * (1 - scheme.deload_cut_pct / 100))
                        if scheme.tempo_step:
                            cut -= cut % scheme.tempo_step
                        closes = tempo_blocks[1].get(number)
                        first = (
                            tempo_blocks[0][closes][0]
                            if closes is not None and closes < len(tempo_blocks[0])
                            else 1
                        )
                        want = max(min(tempo_targets.get(first, scheme.tempo_low), cut), 1)
                    else:
                        want = tempo_targets.get(number, scheme.tempo_low)
                        if was is not None and scheme.tempo_step:
                            # never more than two steps above the week before (ACSM 2011's
                            # 5-10 minutes): the block after a deload resumes from about its
                            # last building week, where the deload's cut and the wave's higher
                            # start would jump it (a third block: 20 -> 35 minutes)
                            want = min(want, was + TEMPO_STEPS_MOST * scheme.tempo_step)
                    session = _tempo_sized(session, want)
                    tempo_last[tempo_key] = _tempo_work(session)
                if start is not None:
                    # the start's dose first; double progression then works inside it
                    session = _cautious(session, start)
                elif exit_cap is not None and scheme.cautious is not None:
                    # a lift with nothing to load keeps the start's reps through the exit:
                    # its effort rises with the same body weight, so fewer reps would be
                    # less work, not more (coach review 12, BODYWEIGHT-LOAD-TALK)
                    session = _start_reps_kept(session, unloaded, scheme.cautious)
                if step is not None:
                    session = _stepped(session, step, *effort_limits[:2], design.zones)
                session, moved, top, heavier = _reps_stepped(
                    session,
                    unloaded,
                    scheme.unloaded_reps_step,
                    load_weeks,
                    design.intensity_table.max_reps,
                    tempo_cue if slow_weeks else "",
                    most_reps or {},
                    _tops(template, rep_caps or {}, first_tops),
                    load_cues,
                )
                stepped, topped = stepped or moved, topped or top
                weighted = weighted or heavier
                ceiling = (
                    session.intensity_class
                    if exit_cap is not None or step is not None
                    else template.intensity_class
                )
                derived = (
                    cohere_session(
                        session,
                        design.intensity_table,
                        design.zones,
                        ceiling,
                        caps,
                        most_reps or {},
                        unloaded,
                    )
                    if reps_week and session.modality is Modality.RESISTANCE
                    else None
                )
                # a fixed interval protocol's return after weeks without it (coach review 42)
                share = (
                    _return_share(template, number, scheme, outcome)
                    if template.modality is Modality.HIIT
                    and not dropped_in_week(template, outcome.in_week(number))
                    else 1.0
                )
                if share < 1 and _rounds_climb(session, room, outcome, scheme):
                    share = 1.0  # its own first rounds are its return (`_rounds_step`)
                if share < 1 and not deload:
                    # the rounds it climbs back to: the session's own (its `rounds_note`)
                    returning.append(
                        sum(e.sets for e in session.exercises if e.pattern is Pattern.INTERVALS)
                    )
                session = _progress_session(
                    session,
                    scheme,
                    outcome,
                    deload,
                    # sets grow from the end of a cautious start, one step at a time (not
                    # the whole start's worth at once); an exit's loads and effort climb
                    # first, its own `exit_sets` the only sets it adds (coach review 12)
                    0
                    if exit_cap is not None or sets_wait
                    else max(set_built - built_at.get(sets_from, 0) + reentry_sets, 0)
                    // (1 + reentry_sets),
                    reps_week,
                    room,
                    round_step=_rounds_step(template, number, scheme, outcome)
                    if template.modality is Modality.HIIT
                    else 0,
                    round_share=share,
                    reps_floor=floor,
                    held=start is not None,
                    week_one=number == 1,
                    most_reserve=design.intensity_table.light_above_rir,
                    derived=derived,
                    exit_sets=exit_sets,
                    most_sets=_rung_sets(held_most, ladder, session),
                    step_most=_rung_sets(
                        _type_most(weeks, session)
                        if scheme.set_step_lifts and set_built == set_built_before
                        else None,
                        ladder,
                        session,
                    )
                    if not deload
                    else None,
                    drills=drills,
                    last_sets=_rung_sets(_last_sets(weeks, day.day, session), ladder, session)
                    if deload
                    else None,
                    last_ranges=_rung_sets(_last_ranges(weeks, day.day, session), ladder, session)
                    if deload
                    else None,
                )
                if session.modality is Modality.HIIT and scheme.add_rounds and not deload:
                    # the most rounds the session builds to: the rules' top, or as many as
                    # the day's minutes hold beside the rest of its day (a trial on what the
                    # day has left; its rounds note says it, coach review 41)
                    trial = replace(room, under=dict(room.under))
                    most = _rounds_cap(outcome)
                    rounds_tops.append(
                        sum(
                            trial.take(e, e.sets, max(most, e.sets))
                            for e in session.exercises
                            if e.pattern is Pattern.INTERVALS
                        )
                    )
                if exit_cap is not None and scheme.cautious is not None:
                    session = _exit_effort(_load_capped(session, exit_cap), scheme.cautious)
                elif waited == number and scheme.cautious is not None:
                    session = _exit_effort(session, scheme.cautious)
                session = cohere_session(
                    session,
                    design.intensity_table,
                    design.zones,
                    session.intensity_class
                    if exit_cap is not None or step is not None or waited == number
                    else template.intensity_class,
                    caps,
                    most_reps or {},
                    unloaded,
                )
                session = _within_caps(session, rep_caps or {})
                if exit_cap is not None and (easier := _exit_one_effort(session, unloaded)):
                    # the body-weight lifts follow the loaded lifts' effort (and rests)
                    session = _within_caps(
                        cohere_session(
                            easier,
                            design.intensity_table,
                            design.zones,
                            session.intensity_class,
                            caps,
                            most_reps or {},
                            unloaded,
                        ),
                        rep_caps or {},
                    )
                if (
                    start_end is not None
                    and number > start_end
                    and not deload  # (a deload keeps the week before's reps, its own cut)
                    and scheme.cautious is not None
                    and scheme.cautious.exit_rpe is not None
                    and scheme.cautious.exit_rpe.max is not None
                ):
                    # and after it, while its effort stays at the exit's (the block's first
                    # week, whose loads step first; a rule holding the effort moderate): the
                    # loaded lifts' fewer reps come with a heavier load, its own would not
                    # (long31: a low step-up 10-15 -> 10-14 at the same effort, week 13)
                    session = _start_reps_kept(
                        session, unloaded, scheme.cautious, float(scheme.cautious.exit_rpe.max)
                    )
                if session.modality is Modality.RESISTANCE:
                    built_before = [w for w in weeks if not w.deload]
                    on_rungs = {k[1] for k in ladder if k[0] == session.title}
                    at_top: dict[str, Range] = {}
                    if not deload:  # (a deload's own cut stands)
                        session, at_top, fresh = _held_at_top(
                            session,
                            built_before,
                            unloaded,
                            tempo_cue,
                            on_rungs,
                            reps_week,
                            drills,
                            frozenset(e.name for e in template.exercises if _easy(e)),
                        )
                        slowed_fresh = slowed_fresh or fresh
                    session, rungs_taken, fresh = _rungs_up(
                        session,
                        number,
                        deload,
                        reps_week,
                        at_top,
                        rungs or {},
                        ladder,
                        tempo_cue,
                        scheme.unloaded_rung_cue or "",
                        design.messages.paired,
                        climbed,
                        returns,
                        skill_short,
                        returned,
                    )
                    slowed_fresh = slowed_fresh or fresh
                    climbed.extend(t for t in rungs_taken if t not in climbed)
                    on_rungs = {k[1] for k in ladder if k[0] == session.title}
                    here = {e.name for e in session.exercises}

                    compound_of = {e.name: e.compound for e in session.exercises}
                    # the lifts held light (RPE 4 or less): a harder rung with an easier one
                    # waits while they are (`too_light` in `_rungs_up`; coach review 42)
                    light_held = {
                        e.name
                        for e in session.exercises
                        if e.intensity.rpe is not None and e.intensity.rpe.max <= DRILL_RPE
                    }

                    def no_rung(
                        name: str,
                        here: set[str] = here,
                        compound_of: dict[str, bool] = compound_of,
                        comes_back: dict[tuple[bool, bool], bool] = comes_back,
                        light_held: set[str] = light_held,
                    ) -> bool:
                        # no rung open, or the rung is already a lift of the session: the
                        # lift holds for good (one whose rung waits for a later week does not,
                        # nor a skill move's stand-in whose skill move comes back in the block);
                        # a light week's lift whose rung waits for a week no longer light
                        # holds while the week is light
                        def waits(rung: ExerciseEntry | None) -> bool:
                            return (
                                rung is not None
                                and name in light_held
                                and rung.easier is not None
                                and rung.kind != "skill"
                            )

                        up = (rungs or {}).get(name)
                        if waits(up):
                            up = None
                        back = (returns or {}).get(name)
                        if (
                            up is None
                            and back is not None
                            and not waits(back)
                            and comes_back.get(
                                (compound_of.get(name, True), back.kind == "skill"), False
                            )
                        ):
                            up = back
                        return up is None or up.name in here

                    plateaued.update(n for n in at_top if n not in on_rungs and no_rung(n))
                    plateaued.update(
                        r.entry.name
                        for k, r in ladder.items()
                        if k[0] == session.title
                        and r.loads >= 2
                        and r.since < number
                        and not reps_week
                        and not deload
                        and no_rung(r.entry.name)
                    )
                for e in session.exercises:
                    if e.reps is not None:
                        first_tops.setdefault((session.title, e.name), float(e.reps.max))
                # the free minutes, and the walk's minutes that its added sets took (those
                # past WHO's target too)
                past_used = past_seconds - room.past
                took = max(0, spare * 60 + give_seconds - room.left + past_used) / 60
                # growth is costed against the session as week 1 holds it where a hold cuts
                # its template every week (an overtraining block keeps week 1's lighter
                # sets): the template's own minutes would leave room the day does not have
                # and against the template as week 1 re-doses it, where it does (its heavy
                # lifts under a moderate ceiling: a week's growth is read from the lifts the
                # person does, so the day's spare minutes bound it; session 32, rare42)
                base = shrunk.get(id(template), redosed.get(id(template), template))
                session = _retimed(base, session, design.timing, max(spare, math.ceil(took)))
                if (
                    number == 1
                    and scheme.deload_now
                    and scheme.hold_volume
                    and session.modality is Modality.RESISTANCE
                ):
                    shrunk[id(template)] = session
                grew = max(0, session.duration_minutes - base.duration_minutes)
                give_seconds -= max(0, max(0, grew - spare) * 60 - past_used)
                past_seconds = room.past
                spare = max(0, spare - grew)
                sessions.append(session)
                made_from.append(origin.get(id(template), template))
            for session, template in zip(sessions, made_from, strict=True):
                if template.last_week is not None and template.modality is Modality.ENDURANCE:
                    held_last[day.day] = session.duration_minutes
            sessions = _intervals_keep_steady(
                list(zip(sessions, made_from, strict=True)),
                day.sessions,
                budget,
                held_last.get(day.day),
            )
            days.append(DayPlan(day=day.day, sessions=sessions))
        if weekly_most is not None:
            # the weekly hard sets per major group (COACHING.md §3: about 4-10 for a
            # beginner, 10-20 for a trained lifter), exposures kept; a trained lifter's
            # ceiling takes off the sets the block added first, then, where a week still
            # stacks past it (a mirrored week's second A day), week 1's own
            retimed = lambda a, b: _retimed(a, b, design.timing, 0)  # noqa: E731
            # a building week keeps each group's hard sets of the last building week with
            # the same day types: the ceiling takes back what this week added, not what
            # another group had (coach review 26, POOR-SLEEP-LIFTING-SHRINKS)
            layout = _lifting_layout(days)
            same = next(
                (w for w in reversed(weeks) if not w.deload and _lifting_layout(w.days) == layout),
                None,
            )
            # (the posture work a safety rule adds is neither counted nor cut: `spared`)
            spared_at = _places(days, spared)
            kept = (
                group_sets(_without(same.days, spared)) if same is not None and not deload else None
            )
            # and each lift its own sets of that week: sets that count as hard only from
            # this week (an exit step's effort) are no sets this week added (coach review
            # 29, OSTEO-BUILD-WEEK-CUTS-SETS)
            floors = _sets_by_place(days, same.days) if same is not None and not deload else None
            if scheme.group_dose_sets:
                days = hold_weekly_volume(
                    days,
                    weekly_most,
                    least_sets,
                    retimed,
                    strength_days=scheme.strength_days,
                    least_of=lambda e: first_sets.get(e.name, 0),
                    kept=kept,
                    floors=floors,
                    spared=spared_at,
                )
            held_to_most = functools.partial(
                hold_weekly_volume,
                most=weekly_most,
                least_sets=least_sets,
                retime=retimed,
                strength_days=scheme.strength_days,
                kept=kept,
                spared=spared_at,
            )
            days = held_to_most(days, floors=floors)
            if floors is not None:
                # where last week's sets themselves are now past the ceiling (they count as
                # hard sets from this week's effort on), it takes them too, and says so
                floored = days
                days = held_to_most(days)
                taken = _cut_below(days, floors) if days is not floored else []
                if taken and scheme.ceiling_cut_note:
                    notes.append(
                        fill_placeholders(
                            scheme.ceiling_cut_note,
                            {"lifts": _named(taken), "most": f"{weekly_most:g}"},
                        )
                    )
        if (
            scheme.group_dose_sets
            and _dose_as_active(scheme.cautious)
            and not deload
            and start is None
            and exit_cap is None
            and not sets_wait
            and not scheme.hold_volume
            and not scheme.deload_now
            # under a hold at moderate the loads stay light and the rests short, so the sets
            # one such week fits would not all fit the next (a safety rule holds the dose)
            and outcome.in_week(number).ceiling.value == IntensityClass.VIGOROUS.value
        ):
            # every building week no cautious dose holds keeps the first goal's dose where
            # its free minutes allow (the week that swaps the day types, a week the
            # ceiling cut by another group's secondary credit)
            days = _dose_kept(
                days,
                week_one,
                scheme,
                weekly_most,
                outcome,
                design,
                budget,
                group_sets(weeks[0].days) if weeks else group_sets(days),
            )
        if scheme.sets_take_walk:
            days = [
                DayPlan(day=d.day, sessions=_walk_gives_way(d.sessions, budget, least_walk))
                for d in days
            ]
        days = [
            DayPlan(
                day=d.day, sessions=_flex_gives_way(d.sessions, budget, give_least, leave_walks)
            )
            for d in days
        ]
        if weeks and not growth:
            days = _steady_kept(days, weeks[-1].days, budget)
        if reps_week and not deload and weeks:
            # a lift whose set is its step this week keeps last week's range, read once the
            # week's sets are final (the weekly ceiling above may take back a set)
            days = [
                DayPlan(
                    day=d.day,
                    sessions=[
                        _retimed(
                            x,
                            _set_keeps_range(x, _latest_session(weeks, d.day, x)),
                            design.timing,
                            0,
                        )
                        for x in d.sessions
                    ],
                )
                for d in days
            ]
        for d in days:
            # what each required steady session (by its day and place) holds, as the week
            # finally is: the build-up's next step grows from it
            for k, x in enumerate(x for x in d.sessions if _steady(x)):
                ramp_most[(d.day, k)] = max(ramp_most.get((d.day, k), 0.0), _work_minutes(x))
        planned = any(d.sessions for d in days)  # an empty (referral) week gets no advice
        lighter_block = False  # week 1 starts a lighter block: no deload flag (below)
        lifting = any(x.modality is Modality.RESISTANCE for d in days for x in d.sessions)
        # a week with nothing to load says its notes without loads (BODYWEIGHT-LOAD-TALK)
        no_load = lifting and not _has_external_load(days, unloaded)
        deload_note = (no_load and scheme.no_load_deload_note) or scheme.deload_note
        deload_now_note = (no_load and scheme.no_load_deload_now_note) or scheme.deload_now_note
        deload_reps_note = (no_load and scheme.no_load_deload_reps_note) or scheme.deload_reps_note
        # (a week after one with nothing to load - a mirrored week whose only loaded lift,
        # a loaded backpack's push-up, is on the other day type - has no "last week's loads"
        # to keep: coach review 31, LOADABLE-LIFT-FROZEN)
        unloaded_before = (
            bool(weeks)
            and any(x.modality is Modality.RESISTANCE for d in weeks[-1].days for x in d.sessions)
            and not _has_external_load(weeks[-1].days, unloaded)
        )
        reps_note = ((no_load or unloaded_before) and scheme.no_load_reps_note) or scheme.reps_note
        if planned and deload and deload_note and lifting:
            # the note states the cut this week really makes, against the week before
            before = _lifting_sets(weeks[-1].days) if weeks else _lifting_sets(week_one)
            after = _lifting_sets(days)
            cut = round(100 * (1 - after / before)) if before else 0
            held_block = number == 1 and scheme.deload_now and scheme.hold_volume
            if cut > 0 and held_block and deload_now_note:
                # every week after holds these sets: the block is lighter, not week 1
                lighter_block = True
                notes.append(fill_placeholders(deload_now_note, {"volume_cut_pct": f"{cut}"}))
            elif cut > 0:
                notes.append(fill_placeholders(deload_note, {"volume_cut_pct": f"{cut}"}))
                if scheme.deload_one_set_note and weeks and _one_set_lighter(days, weeks[-1]):
                    notes.append(scheme.deload_one_set_note)
            elif deload_reps_note and (
                reps_cut := _reps_cut(weeks[-1].days if weeks else week_one, days)
            ):
                notes.append(fill_placeholders(deload_reps_note, {"volume_cut_pct": f"{reps_cut}"}))
        # a tempo part's change: a deload's cut against the week before, a building week's
        # growth against the last building week (after a deload the block starts lower)
        tempo_now = _tempo_of(days)
        last_week = _tempo_of(weeks[-1].days) if weeks else None
        tempo_cut = tempo_now is not None and last_week is not None and tempo_now[1] < last_week[1]
        last_built = [w for w in weeks if not w.deload]
        tempo_before = _tempo_of(last_built[-1].days) if last_built and not deload else None
        if planned and deload and tempo_cut and tempo_now and scheme.tempo_deload_note:
            notes.append(
                fill_placeholders(
                    scheme.tempo_deload_note,
                    {"title": tempo_now[0], "minutes": f"{tempo_now[1]}"},
                )
            )
        if (
            planned
            and not deload
            and tempo_now is not None
            and tempo_before is not None
            and tempo_now[1] > tempo_before[1]
            and scheme.tempo_note
        ):
            notes.append(
                fill_placeholders(
                    scheme.tempo_note,
                    {
                        "title": tempo_now[0],
                        "minutes": f"{tempo_now[1]}",
                        "step": f"{tempo_now[1] - tempo_before[1]}",
                    },
                )
            )
        # a deload's aerobic cut, said as the lifting's is (coach review 33,
        # DELOAD-CUT-NOT-STATED: runs 51 -> 33 and 45 -> 33 minutes and intervals 6 -> 4
        # rounds under a note of fewer sets alone)
        steady_fell = (
            sum(_steady_minutes(weeks[-1].days)) - sum(_steady_minutes(days))
            if planned and deload and weeks
            else 0
        )
        if steady_fell > 0 and scheme.deload_steady_note:
            notes.append(
                fill_placeholders(
                    scheme.deload_steady_note,
                    {"minutes": f"{steady_fell} minute{'s' if steady_fell != 1 else ''}"},
                )
            )
        # (the rounds of the sessions the weeks' rules keep: coach review 41)
        rounds_now = _rounds(days, outcome, number)
        rounds_before = (
            _rounds(weeks[-1].days, outcome, weeks[-1].week) if planned and deload and weeks else 0
        )
        if 0 < rounds_now < rounds_before and scheme.deload_rounds_note:
            notes.append(
                fill_placeholders(
                    scheme.deload_rounds_note,
                    {"rounds": f"{rounds_now}", "before": f"{rounds_before}"},
                )
            )
        if (
            planned
            and deload
            and not lifting
            and not rounds_now
            and not tempo_cut
            and steady_fell <= 0
            and scheme.deload_hold_note
        ):
            # nothing to lift: the deload week holds the steady work at last week's (a build-up
            # pauses) - the block keeps its deload weeks (DESIGN.md) and says what they do
            # (coach review 16, LOAD-CHANGE-WITHOUT-LIFTING); a tempo part cut this week has
            # its own note, and the week holds nothing
            notes.append(scheme.deload_hold_note)
        elif planned and not deload and number > 1 and lifting and not dose_change:
            if reps_week and reps_note and _reps_rose(days, weeks[-1].days):
                notes.append(reps_note)
            elif not reps_week and scheme.load_step_pct:
                # a new load only where a required lift has one to raise; lifts without
                # an external load step their reps, or slow down at the most reps
                if scheme.load_note and _has_external_load(days, unloaded):
                    # where no lift shows a %1RM, the note says nothing of one; where every
                    # loaded lift steps a whole bell or band at a time, it says so
                    said = (
                        (_coarse_only(days, unloaded, coarse, added) and scheme.coarse_load_note)
                        or (not shows_pct_1rm(days) and scheme.effort_load_note)
                        or scheme.load_note
                    )
                    notes.append(fill_placeholders(said, {"load_change_pct": f"{load:g}"}))
                if stepped and scheme.unloaded_reps_note:
                    notes.append(
                        fill_placeholders(
                            scheme.unloaded_reps_note,
                            {"reps_step": f"{scheme.unloaded_reps_step}"},
                        )
                    )
                if (
                    topped
                    and slowed_fresh
                    and scheme.unloaded_tempo_seconds
                    and scheme.unloaded_tempo_note
                ):
                    notes.append(
                        fill_placeholders(
                            scheme.unloaded_tempo_note,
                            {"seconds": f"{scheme.unloaded_tempo_seconds}"},
                        )
                    )
                if weighted and scheme.unloaded_load_note:
                    notes.append(scheme.unloaded_load_note)
        if planned and not deload and lifting:
            # a body-weight lift's next rung, and the lifts that hold at their top, are said
            # in the week they happen, a new dose's week too
            ladder_climbs = [c for c in climbed if c not in returned]
            if ladder_climbs and scheme.unloaded_rung_note:
                notes.append(
                    fill_placeholders(
                        scheme.unloaded_rung_note,
                        {"changes": "; ".join(f"{new} for {old}" for old, new in ladder_climbs)},
                    )
                )
            if returned and design.messages.skill_returns:
                notes.append(
                    fill_placeholders(
                        design.messages.skill_returns,
                        {"changes": "; ".join(f"{new} in place of {old}" for old, new in returned)},
                    )
                )
            # a light start's week (and its exit's, while its lifts stay at the start's easy
            # effort): the hold lasts while the effort does, and the effort's rise is the next
            # step (coach review 34, BODYWEIGHT-WEEK-STEPS-BACK), not "the most this plan can
            # ask"
            light_now = (
                scheme.cautious is not None
                and scheme.cautious.rpe.max is not None
                and scheme.cautious.rpe.max <= DRILL_RPE
                and all(
                    e.intensity.rpe is not None and e.intensity.rpe.max <= DRILL_RPE
                    for d in days
                    for s in d.sessions
                    if s.modality is Modality.RESISTANCE and not s.optional
                    for e in s.exercises
                    if e.name in plateaued
                )
            )
            if light_now and scheme.unloaded_light_hold_note:
                new_held = sorted(plateaued - light_said)
                if new_held:
                    notes.append(scheme.plateau_said(new_held, light=True))
                    light_said.update(new_held)
            else:
                new_held = sorted(plateaued - plateau_said)
                if new_held and scheme.unloaded_plateau_note:
                    notes.append(scheme.plateau_said(new_held))
                    plateau_said.update(new_held)
        # the first week short of a skill move's effort says which easier versions stand in
        # for it, and why (once: the stand-in stays until the week that says it comes back)
        standing = [
            c
            for c in dict.fromkeys(
                f"{e.name} in place of {(returns or {})[e.name].name}"
                for d in days
                for x in d.sessions
                if x.modality is Modality.RESISTANCE and not x.optional
                for e in x.exercises
                if e.name in (returns or {})
                and skill_short[(e.compound, (returns or {})[e.name].kind == "skill")]
            )
            if c not in stood_said
        ]
        if planned and standing and design.messages.skill_steps_down:
            notes.append(
                fill_placeholders(
                    design.messages.skill_steps_down, {"changes": "; ".join(standing)}
                )
            )
            stood_said.update(standing)
        building = [w for w in weeks if not w.deload]
        if planned and not deload and building:
            last = building[-1].days
            exiting = _exit_sets(
                scheme.cautious,
                number,
                scheme,
                base=sets_base,
                topped_from=exit_topped_at,
            )
            if (
                scheme.cautious is not None
                and scheme.cautious.exit_sets_note
                and exiting
                > _exit_sets(
                    scheme.cautious,
                    building[-1].week,
                    scheme,
                    base=sets_base,
                    topped_from=exit_topped_at,
                )
                and _sets_grew(days, building)
            ):
                # the start's exit raised the sets: its own words, not the block's
                notes.append(
                    fill_placeholders(scheme.cautious.exit_sets_note, {"sets": f"{exiting}"})
                )
            elif (
                scheme.sets_note
                and (set_built > set_built_before or not scheme.set_step_lifts)
                and _sets_grew(days, building)
            ):
                # (only a week that takes a set step: a load week's layout may hold more
                # sets than the last week of its layout, which is no step of its own)
                notes.append(scheme.sets_note)
            # the rounds' step a session takes against the last building week, both as the
            # weeks' rules keep them (none where that week left the intervals out: they
            # start this week), and what they build to (coach review 41, the note says the
            # step the sessions take: "Two more" was said of 6 -> 7 rounds, "building to the
            # full ten" of rounds the day's minutes held at 7)
            rounds_at = max(_held_rounds(days, outcome, number), default=0)
            rounds_was = max(_held_rounds(last, outcome, building[-1].week), default=0)
            rounds_tops.extend(returning)
            if (
                scheme.return_rounds_note
                and returning
                and not rounds_was
                and 0 < rounds_at < max(returning)
            ):
                # the first week back: the rounds it holds and the session's own it climbs to
                notes.append(
                    fill_placeholders(
                        scheme.return_rounds_note,
                        {"rounds": f"{rounds_at}", "top": f"{max(returning)}"},
                    )
                )
            if scheme.rounds_note and rounds_was and rounds_at > rounds_was:
                rounds_top = max(rounds_at, *rounds_tops) if rounds_tops else rounds_at
                notes.append(
                    fill_placeholders(
                        scheme.rounds_top_note
                        if scheme.rounds_top_note and rounds_at >= rounds_top
                        else scheme.rounds_note,
                        {
                            "added": f"{rounds_at - rounds_was}",
                            "rounds": f"{rounds_at}",
                            "top": f"{rounds_top}",
                        },
                    )
                )
            # against the week before, a deload included: a block starts above it
            grew = sum(_steady_minutes(days)) - sum(_steady_minutes(weeks[-1].days))
            if growth and grew > 0 and scheme.steady_grows_note:
                notes.append(fill_placeholders(scheme.steady_grows_note, {"minutes": f"{grew}"}))
            block_no = sum(1 for w in weeks if w.deload)
            if (
                scheme.steady_grows
                and scheme.days_full_note
                and build_up is None
                and not weeks[-1].deload
                and grew <= 0
                and _rounds(days, outcome, number) <= _rounds(last, outcome, building[-1].week)
                and _steady_minutes(days)
                and full_said != block_no
            ):
                notes.append(scheme.days_full_note)
                full_said = block_no
        # the real change of the week's required steady minutes against the week before
        # (coach review 10, STEADY-LONGER-FALSE): a build-up note only where they grew, and
        # a week whose lifting takes some of them says they are shorter
        change = sum(_steady_minutes(days)) - sum(_steady_minutes(weeks[-1].days)) if weeks else 0
        if planned and build_up is not None and change > 0 and ramp_week > 1:
            if ramp_week < build_up.weeks and scheme.build_up_note:
                notes.append(fill_placeholders(scheme.build_up_note, {"full_week": f"{full_week}"}))
            elif (
                ramp_week == build_up.weeks
                and scheme.build_up_done_note
                and sum(_steady_minutes(days)) >= full_steady
                # (nor below a week before it: a walk sized to week 1's room that this
                # week's lifting shortened by a minute has not reached it; session 31)
                and sum(_steady_minutes(days))
                >= max((sum(_steady_minutes(w.days)) for w in weeks), default=0)
            ):
                # only a week whose steady work is the template's full length says so: a
                # week whose lifting took some of it has not reached it (coach review 15,
                # OLDER-BEGINNER-WALKS-HALVED: "full length" at 40 of 86 minutes)
                notes.append(scheme.build_up_done_note)
        if planned and change < 0 and not deload:
            # said with what took them, where one thing did (coach review 28)
            shorter = _shorter_note(scheme, days, weeks[-1].days)
            if shorter:
                notes.append(fill_placeholders(shorter, {"minutes": f"{-change}"}))
        # a week a safety rule holds to light says so, in place of the dose's own effort
        held = outcome.in_week(number).ceiling
        light = held.value in ("light", "none") and held.value != outcome.max_intensity
        if planned and light:
            text = design.messages.week_held
            notes.insert(0, fill_placeholders(text, {"intensity": held.value, "rule": held.rule}))
        # a week with nothing to load says what its lifts do instead of loads climbing
        # (coach review 12, BODYWEIGHT-LOAD-TALK)
        week_loaded = _has_external_load(days, unloaded)
        if planned and lifting and scheme.cautious is not None:
            if number <= scheme.cautious.weeks:
                said = scheme.cautious.note
                if not week_loaded and scheme.cautious.unloaded_note:
                    said = scheme.cautious.unloaded_note
                # (nor where a week-scoped load limit leaves no set hard - an illness's
                # weeks 3-4 at 59 % 1RM: the start's "moderate effort, 4-5 in reserve"
                # would ask for the heavier loads the limit holds back; session 30)
                loads_held = week_loaded and no_hard_sets(
                    outcome.in_week(number), Modality.RESISTANCE.value
                )
                if not light and not loads_held:
                    notes.append(_with_reps(said, days, scheme.cautious))
            elif (hold := scheme.cautious.then_hold) is not None:
                if not light:
                    # the held dose, said every week like the start (its weights' climb only
                    # where the plan loads a lift)
                    said = (
                        hold.unloaded_note if not week_loaded and hold.unloaded_note else hold.note
                    )
                    notes.append(said)
            elif deload:
                pass  # the deload note says it: the last week's loads, fewer sets
            elif (cap := _exit_cap(scheme.cautious, number, scheme)) is not None:
                # the week's ceiling caps the climb: a block a safety rule holds light keeps
                # its loads at the light zone's top, so its exit weeks say no climb they do
                # not make (coach review 31, CLIMB-SAID-UNDER-LIGHT-HOLD)
                shown = _climb_held(cap, outcome, number, design)
                prior = max((w for w in range(1, number) if not scheme.is_deload(w)), default=0)
                stated = _stated_pct(scheme.cautious, prior, scheme) if prior else None
                climbs = stated is None or shown > _climb_held(stated, outcome, prior, design)
                if not week_loaded:
                    # no load to climb: the exit's first week says the effort rises, and
                    # later weeks' own notes say how the body-weight lifts go on
                    first_exit = not any(w.week > scheme.cautious.weeks for w in building)
                    if first_exit and scheme.cautious.unloaded_exit_note:
                        notes.append(scheme.cautious.unloaded_exit_note)
                elif scheme.cautious.exit_note and climbs:
                    notes.append(
                        fill_placeholders(scheme.cautious.exit_note, {"pct_1rm": f"{shown:.0f}"})
                    )
                elif shown < cap and not light:
                    # the rule that holds the loads where they are is named instead
                    text = design.messages.week_held
                    notes.insert(
                        0, fill_placeholders(text, {"intensity": held.value, "rule": held.rule})
                    )
            elif (
                number == scheme.cautious.weeks + (scheme.cautious.exit_weeks or 0) + 1
                and not deload
                and scheme.effort_step is None
                and (rule := _held_by(outcome, number, effort_limits, moderate_top)) is not None
                and scheme.effort_held_note
            ):
                # the start ends, but a safety rule keeps the effort moderate: say so
                until = _held_until(outcome, number, effort_limits, moderate_top, count)
                notes.append(
                    fill_placeholders(scheme.effort_held_note, {"rule": rule, "until": until})
                )
            elif (
                number == scheme.cautious.weeks + (scheme.cautious.exit_weeks or 0) + 1
                and scheme.cautious_end_note
                and building
                # against the last building week: a deload between them changes nothing
                and _top_effort(days) > _top_effort(building[-1].days)
                and (step is None or step_said)
                and _held_by(outcome, number, effort_limits, moderate_top) is None
            ):
                if (
                    scheme.dose_climb_start_note
                    and end_steps is not None
                    and _below_dose(_role_tops(days), climb_to)
                ):
                    # the loads still climb to the full dose: said with when (below)
                    climb_said = (len(weeks), len(notes))
                    notes.append(scheme.dose_climb_start_note)
                else:
                    notes.append(scheme.cautious_end_note)
            elif number == waited and scheme.exit_effort_waits_note:
                # the block's first week after a light start's exit: one more load step at
                # the exit's effort, the effort next building week (coach review 30)
                notes.append(scheme.exit_effort_waits_note)
            elif (
                effort_due
                and scheme.exit_effort_note
                and building
                and _top_effort(days) > _top_effort(building[-1].days)
            ):
                notes.append(scheme.exit_effort_note)
        if climbing and end_steps is not None and not _rose(_role_tops(days), end_steps.tops):
            # the loads did not climb (something else holds them): the climb is over
            climbing, climb_to = False, {}
        if climbing and planned and lifting and week_loaded and scheme.dose_climb_note:
            notes.append(
                fill_placeholders(scheme.dose_climb_note, {"load_change_pct": f"{load:g}"})
            )
        if (
            planned
            and lifting
            and not deload
            and building
            and scheme.load_note
            and week_loaded
            and start_end is not None
            and number == start_end + 1
            and scheme.cautious_end_note not in notes
            and _loads_rose(days, building)
        ):
            # the block's own dose begins with its loads a step up and the same effort (an
            # exit ends into a moderate block): the load note says the step, as in any
            # load week (coach review 27: the end's loads climbed unsaid)
            said = (not shows_pct_1rm(days) and scheme.effort_load_note) or scheme.load_note
            notes.append(fill_placeholders(said, {"load_change_pct": f"{load:g}"}))
        if planned and lifting and not deload and not step_said and scheme.effort_step:
            if step is not None:
                unloaded_step = scheme.effort_step.unloaded_note
                notes.append(
                    unloaded_step if unloaded_step and not week_loaded else scheme.effort_step.note
                )
                step_said = True
            elif step_held is not None and scheme.effort_held_note:
                until = _held_until(outcome, number, effort_limits, moderate_top, count)
                notes.append(
                    fill_placeholders(scheme.effort_held_note, {"rule": step_held, "until": until})
                )
                step_said = True
        if (
            planned
            and lifting
            and not check_said
            and scheme.vigorous_check_note
            and _top_effort(days) > moderate_top
            # past moderate as the week is held: not a week a rule keeps at moderate (an
            # acute illness's weeks 3-4), where the step is still to come
            and _held_by(outcome, number, effort_limits, moderate_top) is None
        ):
            # the first week whose lifts go past moderate: the screening's check comes first
            notes.append(scheme.vigorous_check_note)
            check_said = True
        if (
            planned
            and mirror
            # the week that swaps the day types back says so too where nothing else is said
            # of it: its sessions differ from last week's (a type done twice, its sessions cut
            # apart by the weekly ceiling, is now done once), and a silent week leaves that
            # unexplained (16-week blocks: a 66-year-old's held body-weight weeks 13-15)
            and (mirrored or back_from_mirror or (swapped_back and not notes))
            and not deload
            and scheme.mirror_note
        ):
            notes.append(scheme.mirror_note)
        if planned and joining and build_up is not None and build_up.joins_note:
            notes.append(build_up.joins_note)
        for modality in sorted(starting):
            notes.append(
                f"{modality.upper() if modality == 'hiit' else modality.capitalize()} sessions start this week after the base-building weeks."
            )
        if end_steps is not None and not deload and not reps_week:
            # a week that set its loads: the next week's steps from them
            end_steps.tops, end_steps.load = _role_tops(days) or end_steps.tops, load
        # a week 1 that starts a lighter block (overtraining signs, `deload_now` with the
        # volume held: its sets cut, and every building week after it keeps them) is the
        # block's first week, not a deload, so it carries no deload flag (coach review 5,
        # DELOAD-FLAG-FAKE); its note says the block is lighter. A week 1 whose lifts are
        # already at one set cuts reps instead, which the weeks after do not keep: a deload
        weeks.append(
            # an empty (referral-only) week has nothing to deload or load
            Week(
                week=number,
                deload=deload and planned and not lighter_block,
                # a load change only where a required lift has a load to change
                # (none in a week without lifting: nothing to load, coach review 16,
                # LOAD-CHANGE-WITHOUT-LIFTING)
                load_change_pct=round(load, 1)
                if planned and lifting and _has_external_load(days, unloaded)
                else 0.0,
                notes=notes,
                days=days,
            )
        )
    if climb_said is not None:
        at, index = climb_said
        start_notes = weeks[at].notes
        until = f" in week {climb_full}" if climb_full is not None else ""
        start_notes[index] = fill_placeholders(
            start_notes[index], {"step": f"{100 * scheme.dose_load_step:g}", "until": until}
        )
    return weeks


def _at_own_dose(days: list[DayPlan], own: Mapping[str, float]) -> bool:
    """Whether a week's lifts given a %1RM mostly stand at their own dose (`own`, by name:
    the block's own %1RM tops within the rules' caps): the median of their tops' ratios to
    it within `intensity.SLACK` points of 1 (the median, as `true_load_change` reads a
    week's loads)."""
    tops = _pct_tops(days)
    ratios = [tops[n] / own[n] for n in tops if n in own and own[n] > 0]
    return bool(ratios) and statistics.median(ratios) >= 1 - SLACK / 100


def _rose(tops: Mapping[bool, float], before: Mapping[bool, float]) -> bool:
    """Whether some role's %1RM top (`tops`) stands above the one `before` (by more than the
    intensity table's estimate, `intensity.SLACK`)."""
    return any(top > before.get(role, 100.0) + SLACK for role, top in tops.items())


def _below_dose(tops: Mapping[bool, float], dose: Mapping[bool, float]) -> bool:
    """Whether some role's %1RM top (`tops`) sits under the block's own (`dose`), by more
    than `intensity.SLACK`: a top that close counts as reaching it."""
    return any(tops.get(role, top) < top - SLACK for role, top in dose.items())


def _held_dose_week(start: CautiousStart | None, week: int) -> bool:
    """Whether `week` is past a light start that then holds a moderate dose (`then_hold`:
    frailty, a vertebral fracture), in that held dose."""
    return (
        start is not None
        and start.then_hold is not None
        and start.weeks < HELD_START_WEEKS
        and week > start.weeks
    )


def _held_climb(factor: float, found: float, steps: tuple[float, float], share: float) -> float:
    """The load factor (against week 1) of a held dose's week: the held dose's %1RM
    (`found`, its top against the start's) is reached a step at a time, never more than
    `share` of the load (ACSM 2009's 2-10 %, EVIDENCE.md §1.4) above the week before with the
    block's own load step (`steps`: the week before's and this week's, %) counted in, and only
    in a week the block steps its load: the held dose's first week raises the effort alone
    and a reps week keeps its loads, so no load step comes beside the effort step or a set
    step (COACHING.md §3, one thing at a time; coach review 32, HELD-START-LOAD-LEAP: an
    85-year-old's week 9 took 6 -> 41 % more load than week 1 with RPE 3-4 -> 5-6)."""
    before, now = steps
    if now <= before:
        return factor
    return min(found, factor * (1 + share) * (1 + before / 100) / (1 + now / 100))


def true_load_change(weeks: list[Week], outcome: Decisions, unloaded: frozenset[str]) -> None:
    """Each week's `load_change_pct` (DESIGN.md: the load change against week 1) made the
    real change of the load the week prescribes, read once the week-scoped holds are applied
    (coach review 26, CAUTIOUS-LOAD-PCT-FROZEN: a cautious start's exit climbed 40-49 % ->
    65-70 % 1RM, each week saying "Loads climb this week", while the field kept the block's
    2 %). The block's load steps (`build_weeks`: the weight added as the reps earn it, the
    %1RM shown kept) are multiplied by how far the %1RM the week's required lifts are given
    stands from week 1's (`_pct_factor`). That is read in each week that sets a load - a
    load week, a week whose dose changes (a cautious start's end, each step of its exit), a
    week whose week-scoped ceiling or limits change - and a reps week or a deload keeps the
    week before's: the same loads, as their notes say (their %1RM shown moves with the rep
    range alone). Where week 1 gives no lift a %1RM (bands, a kettlebell: loads that step a
    whole band or bell), the %1RM a cautious start's dose gives (`_stated_pct`), which its
    notes state, so such a block reports its load steps and its start's climb as any other.
    A load note in a week where the %1RM moved says the same change, without "the %1RM shown
    stays the same" where it stands away from week 1's (`moved_load_note`); a reps week whose
    loads rise all the same (a hold's end, an effort step) does not say "same loads"
    (`climb_reps_note`), and a reps week's loads never fall by its reading (its %1RM shown
    falls with its higher reps at the same load)."""
    if not weeks:
        return
    scheme = Scheme.from_outcome(outcome)
    start = scheme.cautious
    first = _pct_tops(weeks[0].days)
    first_dose = _stated_pct(start, 1, scheme)
    templates = [
        t
        for t in (
            scheme.load_note,
            scheme.effort_load_note,
            scheme.coarse_load_note,
            scheme.dose_climb_note,
        )
        if t
    ]
    factor = 1.0
    last: tuple[float, object] | None = None
    before_pct: float | None = None  # the week before's load change, as finally reported
    for week in weeks:
        steps = week.load_change_pct  # the block's load steps, as `build_weeks` counts them
        rules = outcome.in_week(week.week)
        held = (rules.ceiling.value, [(key, bound.value) for key, bound in rules.limits])
        # a re-entry's climb back to the block's own dose (`build_weeks`, said by
        # `dose_climb_note`): its loads follow the %1RM shown, the block's steps held
        climb = scheme.dose_climb_note is not None and (
            fill_placeholders(scheme.dose_climb_note, {"load_change_pct": f"{steps:g}"})
            in week.notes
        )
        # a light start's exit whose effort waits: the block's first week takes one more
        # load step at the exit's effort (`build_weeks`, said by `exit_effort_waits_note`)
        waits = (
            scheme.exit_effort_waits_note is not None
            and scheme.exit_effort_waits_note in week.notes
        )
        if (
            last is not None
            and not week.deload
            and ((steps, held) != last or _dose_changes(start, week.week) or climb or waits)
        ):
            dose = _waited_pct(start, scheme) if waits else _stated_pct(start, week.week, scheme)
            found = (
                _pct_factor(_pct_tops(week.days), first)
                if first
                else dose / first_dose
                if dose is not None and first_dose
                else None
            )
            if found is not None and _held_dose_week(start, week.week):
                # a held dose's loads climb toward its own in the block's load weeks alone,
                # a tenth of the load a week with the block's step counted in; its first
                # week raises the effort alone (coach review 32, HELD-START-LOAD-LEAP)
                factor = _held_climb(factor, found, (last[0], steps), scheme.dose_load_step)
            elif found is not None and (last[0] != steps or found > factor):
                # a reps week (no load step) keeps its loads unless a hold's end or a dose
                # step raises them: its %1RM shown falls with the higher reps at one load
                factor = found
        last = (steps, held)
        lifting = any(s.modality is Modality.RESISTANCE for d in week.days for s in d.sessions)
        if factor == 1 or not lifting or not _has_external_load(week.days, unloaded):
            before_pct = week.load_change_pct
            continue
        week.load_change_pct = round(((1 + steps / 100) * factor - 1) * 100, 1)
        # the load note's "the %1RM shown stays the same" is week 1's %1RM; where the week's
        # stands elsewhere, the note that says the weight follows it (`moved_load_note`)
        said = {
            fill_placeholders(t, {"load_change_pct": f"{steps:g}"}): (
                scheme.moved_load_note
                if t == scheme.load_note and scheme.moved_load_note and abs(factor - 1) >= 0.01
                else t
            )
            for t in templates
        }
        if (
            scheme.climb_reps_note
            and before_pct is not None
            and week.load_change_pct > before_pct + 0.5
        ):
            # a reps week whose loads rise anyway (a hold's end, an effort step) does not say
            # "same loads as last week" (`load-note-pct-false`)
            said[scheme.reps_note or ""] = scheme.climb_reps_note
        week.notes = [
            fill_placeholders(said[n], {"load_change_pct": f"{round(week.load_change_pct)}"})
            if n in said
            else n
            for n in week.notes
        ]
        before_pct = week.load_change_pct


def extras_fit_days(
    weeks: list[Week], budget: int, least: Mapping[Modality, int], note: str | None
) -> list[Week]:
    """The block with each week's optional extras held to what its days' required sessions
    leave of the person's `budget` minutes (DESIGN.md v1.1: optional sessions never take
    minutes from a required session). The scheduler sizes the extras against week 1; a later
    week whose required sessions grew into those minutes (a lifting block's added sets)
    shortens an optional walk or ride there to no less than its `least` work, and leaves
    out one that still does not fit, or a routine, that week, saying so (`note`, with the
    extra's title and day). Coach review 31, EXTRA-OVER-THE-DAY: an 87-year-old's Saturday
    of 45 minutes held 48 in weeks 5-7, its full-body session grown 23 -> 27 minutes beside
    an 8-minute optional mobility routine."""
    out: list[Week] = []
    for week in weeks:
        days, notes = [], list(week.notes)
        for day in week.days:
            sessions = list(day.sessions)
            over = sum(s.duration_minutes for s in sessions) - budget
            for s in [x for x in reversed(sessions) if x.optional]:
                if over <= 0:
                    break
                floor = least.get(s.modality, 10)
                if s.modality is Modality.ENDURANCE and s.duration_minutes - over >= floor:
                    sessions[sessions.index(s)] = _resized_steady(s, s.duration_minutes - over)
                    over = 0
                    continue
                sessions.remove(s)
                over -= s.duration_minutes
                if note:
                    said = fill_placeholders(
                        note, {"title": s.title.lower(), "day": day.day.value.capitalize()}
                    )
                    if said not in notes:
                        notes.append(said)
            days.append(
                day if sessions == day.sessions else DayPlan(day=day.day, sessions=sessions)
            )
        changed = any(d is not o for d, o in zip(days, week.days, strict=True))
        out.append(week.model_copy(update={"days": days, "notes": notes}) if changed else week)
    return out


def walks_take_free_minutes(
    weeks: list[Week], outcome: Decisions, budget: int, longest: int
) -> list[Week]:
    """The block with each day's required moderate steady session (a block after lifting, or
    a day's own walk or ride) lengthened into what the day's sessions (an optional extra's
    too) leave free of the person's `budget` minutes in week 1 (the block as built: its
    lifting can come out shorter than its slot), each later week by as much of that as its
    own day leaves free (coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH: the least of
    every building week made a longer block's week 1 shorter than the one-week plan's; a
    first goal built on aerobic work keeps the least of every building week, the same in
    each), day by day while week 1's required steady work is short of the aerobic
    guideline, up to `longest` minutes (the rules' longest steady session) (COACHING.md §2: people
    already active meet WHO 2020's aerobic minutes in week 1 when time allows, by steady
    work after lifting; coach review 21, ACTIVE-AEROBIC-SHORT-WITH-FREE-MINUTES: a
    lower-body day built 21 minutes under its slot left its walk at 39 minutes and the
    week 12 minutes short). For people already active: a build-up's walks grow by steps
    and are not given this."""
    scheme = Scheme.from_outcome(outcome)
    if not weeks or not scheme.aerobic_target:
        return weeks
    backbone_first = aerobic_first(outcome)
    out = [w.model_copy(update={"days": list(w.days)}) for w in weeks]
    for index in range(len(out[0].days)):
        short = math.ceil(scheme.aerobic_target - _week_aerobic(out[0].days))
        if short <= 0:
            break
        walks = [
            next(
                (
                    s
                    for s in reversed(w.days[index].sessions)
                    if _steady(s) and s.intensity_class is IntensityClass.MODERATE
                ),
                None,
            )
            for w in out
        ]
        if walks[0] is None:
            continue  # (a later week without it, its lifting taking the day, keeps none)
        free = [budget - sum(s.duration_minutes for s in w.days[index].sessions) for w in out]
        most = min(longest - walk.duration_minutes for walk in walks if walk is not None)
        # week 1 takes the minutes it leaves free (coach review 27,
        # WEEK1-CHANGES-WITH-BLOCK-LENGTH: the same as the one-week plan's week); a later
        # week whose lifting leaves fewer takes those (a deload no more than week 1). A first
        # goal built on aerobic work takes what every building week leaves, the same in each:
        # its steady work, the first goal's dose, never falls below week 1's (coach review 3)
        building = [r for r, w in zip(free, out, strict=True) if not w.deload] or free
        more = min(short, min(building) if backbone_first else free[0], most)
        if more <= 0:
            continue
        for w, walk, room in zip(out, walks, free, strict=True):
            day = w.days[index]
            grow = min(more, room)
            if grow <= 0 or walk is None:
                continue
            w.days[index] = DayPlan(
                day=day.day,
                sessions=[
                    _resized_steady(s, s.duration_minutes + grow) if s is walk else s
                    for s in day.sessions
                ],
            )
    return _shorter_said(out, scheme)


def _shorter_said(weeks: list[Week], scheme: Scheme) -> list[Week]:
    """`weeks` whose building weeks say their required steady minutes are shorter than the
    week before's exactly where they are, with what took them (`steady_shorter_note` for
    lifting, `steady_to_intervals_note` for an interval session: `_steady_fell_for`), read
    again after a pass that lengthened some weeks' walks more than others."""
    said_before = [
        filled_pattern(note, "minutes")
        for note in (
            scheme.steady_shorter_note,
            scheme.steady_to_intervals_note,
            scheme.steady_to_intervals_part_note,
        )
        if note
    ]
    if not said_before:
        return weeks
    out = list(weeks)
    for i in range(1, len(out)):
        week = out[i]
        notes = [n for n in week.notes if not any(p.fullmatch(n) for p in said_before)]
        change = sum(_steady_minutes(week.days)) - sum(_steady_minutes(out[i - 1].days))
        note = _shorter_note(scheme, week.days, out[i - 1].days)
        if note and change < 0 and not week.deload and any(d.sessions for d in week.days):
            said = fill_placeholders(note, {"minutes": f"{-change}"})
            was = next(
                (k for k, n in enumerate(week.notes) if any(p.fullmatch(n) for p in said_before)),
                len(notes),
            )
            notes.insert(min(was, len(notes)), said)
        if notes != week.notes:
            out[i] = week.model_copy(update={"notes": notes})
    return out


def flat_steady_said(
    weeks: list[Week],
    outcome: Decisions,
    budget: int,
    offered: frozenset[Day],
    least: int,
    longest: int,
    rest_days: int,
    building_up: bool = False,
) -> list[Week]:
    """The block with week 1 saying why the required steady work grows no further, when it
    does not, it is short of the aerobic bar and holds some, no safety rule holds the
    aerobic minutes (the caller leaves those out: the guideline names the rule) and the
    block has two or more building weeks (a one-week block has nothing to grow; coach
    review 26, FLAT-NOTE-FALSE). COACHING.md §2-3: a plan that cannot progress says why and
    how to progress instead.

    With `building_up` (a person not yet active): the build-up's note
    (`build_up_flat_note`), where no week of the block raises week 1's aerobic minutes
    (coach review 14, AEROBIC-FLAT-NEVER-BUILDS: an 88-year-old's 10-minute walk for 12
    weeks, said nowhere). Otherwise `steady_flat_note`, where no building week raises the
    required steady work (nor the interval rounds) and no other note already says why (the
    full days' note) (coach review 18, AEROBIC-FLAT-UNEXPLAINED: an active 88-year-old's
    18 + 25 + 18 minutes every week, said nowhere). The reason is the one true of the plan
    (`_flat_why`)."""
    scheme = Scheme.from_outcome(outcome)
    note = scheme.build_up_flat_note if building_up else scheme.steady_flat_note
    building = [w for w in weeks if not w.deload]
    if not note or not scheme.aerobic_target or len(building) < 2:
        return weeks
    first = _week_aerobic(weeks[0].days)
    if not first or first >= scheme.aerobic_target:
        return weeks
    if building_up:
        # no week's aerobic minutes above week 1's
        if any(_week_aerobic(w.days) > first for w in weeks[1:]):
            return weeks
        minutes = first
        full_why = scheme.build_up_flat_full_why
    else:

        def work(days: list[DayPlan]) -> float:
            return sum(_work_minutes(s) for d in days for s in d.sessions if _steady(s))

        def tempo(days: list[DayPlan]) -> int:
            found = _tempo_of(days)
            return found[1] if found else 0

        # (a tempo part that grows is steady work progressing by effort: coach review 27)
        steady, rounds = work(weeks[0].days), _rounds(weeks[0].days, outcome, weeks[0].week)
        hard = tempo(weeks[0].days)
        if any(
            work(w.days) > steady
            or _rounds(w.days, outcome, w.week) > rounds
            or tempo(w.days) > hard
            for w in building
        ):
            return weeks
        # the notes that already say why (their words up to the first placeholder)
        said = [t.split("{")[0] for t in (scheme.days_full_note,) if t]
        if any(n.startswith(text) for w in weeks for n in w.notes for text in said):
            return weeks
        minutes = steady
        full_why = scheme.steady_flat_lifting_why or scheme.steady_flat_full_why
    why = _flat_why(weeks, outcome, scheme, budget, offered, least, longest, rest_days, full_why)
    if why is None:
        return weeks
    text = fill_placeholders(note, {"minutes": f"{round(minutes)}", "why": why})
    return [weeks[0].model_copy(update={"notes": [*weeks[0].notes, text]}), *weeks[1:]]


def _required_minutes(day: DayPlan) -> int:
    return sum(s.duration_minutes for s in day.sessions if not s.optional)


def idle_time_said(
    weeks: list[Week], outcome: Decisions, budget: int, offered: frozenset[Day]
) -> list[Week]:
    """The block with week 1 saying how many of the offered minutes (`budget` on each
    `offered` day) it leaves unused, where that is more than `idle_share_pct` % of them
    (`idle_time_note`; coach review 28, ENDURANCE-TIME-LEFT-IDLE: the time is left free for
    a reason the note gives, not by accident)."""
    scheme = Scheme.from_outcome(outcome)
    if not weeks or not scheme.idle_time_note or not scheme.idle_share_pct:
        return weeks
    first = weeks[0]
    total = budget * len(offered)
    unused = sum(max(budget - _required_minutes(d), 0) for d in first.days if d.day in offered)
    if unused * 100 <= scheme.idle_share_pct * total:
        return weeks
    text = fill_placeholders(scheme.idle_time_note, {"unused": f"{unused}", "offered": f"{total}"})
    return [first.model_copy(update={"notes": [*first.notes, text]}), *weeks[1:]]


def first_goal_aerobic_said(weeks: list[Week], outcome: Decisions) -> list[Week]:
    """The block with week 1 saying why its required aerobic minutes pass the aerobic
    guideline's bar (`first_goal_aerobic_note`: the first goal's own weekly minutes past
    WHO's floor, `first_goal_aerobic_minutes`; coach review 39,
    FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR), where they pass it by at least a few minutes."""
    scheme = Scheme.from_outcome(outcome)
    if not weeks or not scheme.first_goal_aerobic_note or not scheme.aerobic_target:
        return weeks
    first = weeks[0]
    minutes = round(
        sum(aerobic_equivalent(s) for d in first.days for s in d.sessions if not s.optional)
    )
    if minutes < scheme.aerobic_target + FIRST_GOAL_AEROBIC_SAID_PAST:
        return weeks
    text = fill_placeholders(
        scheme.first_goal_aerobic_note,
        {"minutes": f"{minutes}", "bar": f"{scheme.aerobic_target}"},
    )
    return [first.model_copy(update={"notes": [*first.notes, text]}), *weeks[1:]]


# the fewest minutes past the aerobic guideline's bar that `first_goal_aerobic_said` names
# (a walk rounded to whole minutes passes the bar by a few without any first-goal fill)
FIRST_GOAL_AEROBIC_SAID_PAST = 10


def free_minutes_said(
    weeks: list[Week], outcome: Decisions, budget: int, offered: frozenset[Day], least: int
) -> list[Week]:
    """The block with week 1 naming the offered lifting days it leaves `least` or more
    minutes free on, which a later week's sessions grow into until the day is full (within
    `least`), and the week each day is at its longest by (`free_minutes_note`). A longer block starts its lifting lower so that the later weeks'
    growth (more sets, longer walks) fits the day - legitimate progression (coach reviews
    17 and 26) - and week 1 says so, rather than look emptier than the same person's
    one-week plan with no reason given (coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH:
    a 48-year-old's Saturday 40 -> 25 lifting minutes at 8 weeks, 15 minutes free)."""
    note = Scheme.from_outcome(outcome).free_minutes_note
    if not note or len(weeks) < 2:
        return weeks
    free: list[tuple[Day, int, int]] = []  # (day, minutes free in week 1, week full by)
    for k, day in enumerate(weeks[0].days):
        lifting = any(s.modality is Modality.RESISTANCE and not s.optional for s in day.sessions)
        if day.day not in offered or not lifting:
            continue
        first = _required_minutes(day)
        used = [_required_minutes(w.days[k]) for w in weeks]
        most = max(used)
        # (a day the block never fills is not sized for its growth: its lifting simply
        # leaves minutes over, as it would in a one-week plan)
        if budget - first < least or most <= first or most < budget - least:
            continue
        free.append((day.day, budget - first, weeks[used.index(most)].week))
    if not free:
        return weeks
    names = [d.value.capitalize() for d, _, _ in free]
    parts = [f"{free[0][1]} minutes free on {names[0]}"] + [
        f"{m} on {n}" for (_, m, _), n in zip(free[1:], names[1:], strict=True)
    ]
    said = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    full = {w for _, _, w in free}
    by = (
        f"week {full.pop()}"
        if len(full) == 1
        else ", ".join(f"week {w} on {n}" for n, (_, _, w) in zip(names, free, strict=True))
    )
    text = fill_placeholders(note, {"free": said, "full": by})
    return [weeks[0].model_copy(update={"notes": [*weeks[0].notes, text]}), *weeks[1:]]


# what a day may hold and still be free of the week's lifting, steady and interval work
LIGHT_PRACTICE = frozenset({Modality.BALANCE, Modality.MOBILITY, Modality.RECOVERY})


def _flat_why(
    weeks: list[Week],
    outcome: Decisions,
    scheme: Scheme,
    budget: int,
    offered: frozenset[Day],
    least: int,
    longest: int,
    rest_days: int,
    full_why: str | None,
) -> str | None:
    """Why week 1's required steady work cannot grow in the block, as each offered day says
    it: a day with `least` minutes free in no building week, or a steady session of the
    `longest` minutes, is full (`full_why`); a day with minutes free in every building week
    is room the plan leaves (`steady_flat_room_why`). Days held by something else than
    their minutes are named with what holds them (coach review 26, FLAT-NOTE-FALSE: "no
    minutes left" beside an empty Sunday, or three days of balance practice alone): a day
    of light practice alone that fills its minutes (`flat_practice_why`), a day with nothing
    above light that is one of the `rest_days` the rules keep light (`flat_rest_day_why`;
    every such day is one while they are no more than those), and a day with minutes free
    and no steady session while the week holds the most steady sessions the rules allow
    (`flat_capped_why`). None: no reason the pack words is true."""
    building = [w for w in weeks if not w.deload]
    cap = outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
    count = sum(1 for d in weeks[0].days for s in d.sessions if _steady(s))

    def required(index: int) -> list[Session]:
        return [s for s in weeks[0].days[index].sessions if not s.optional]

    def light(sessions: list[Session]) -> bool:
        return all(
            INTENSITY_ORDER[s.intensity_class.value] <= INTENSITY_ORDER["light"] for s in sessions
        )

    light_days = sum(
        1 for i, d in enumerate(weeks[0].days) if d.day in offered and light(required(i))
    )
    free: dict[Day, int] = {}
    rest: list[Day] = []
    capped: list[Day] = []
    practice: dict[Day, list[str]] = {}
    for index, day in enumerate(weeks[0].days):
        if day.day not in offered:
            continue
        sessions = required(index)
        room = min(
            budget - sum(s.duration_minutes for s in w.days[index].sessions if not s.optional)
            for w in building
        )
        only_practice = (
            bool(sessions)
            and light(sessions)
            and all(s.modality in LIGHT_PRACTICE for s in sessions)
        )
        if room < least:
            if only_practice:
                practice[day.day] = [s.title.lower() for s in sessions]
            continue
        if any(_steady(s) and s.duration_minutes >= longest for s in sessions):
            continue  # as long as the rules make a steady session
        if light(sessions) and light_days <= max(rest_days, 1):
            if not any(_steady(s) for s in sessions):
                rest.append(day.day)
            continue  # a day the rules keep light for recovery
        if cap is not None and not any(_steady(s) for s in sessions) and count >= cap[0]:
            capped.append(day.day)
            continue  # the week holds the most steady sessions the rules allow
        free[day.day] = room

    def days(found: Iterable[Day]) -> str:
        return listed([d.value.capitalize() for d in found])

    if free and scheme.steady_flat_room_why:
        why = fill_placeholders(
            scheme.steady_flat_room_why,
            {"minutes": f"{sum(free.values())}", "days": days(free)},
        )
    elif not free and full_why:
        why = full_why
    else:
        return None
    parts = [why]
    if practice:
        if not scheme.flat_practice_why:
            return None
        names = list(dict.fromkeys(n for titles in practice.values() for n in titles))
        parts.append(
            fill_placeholders(
                scheme.flat_practice_why, {"days": days(practice), "practice": listed(names)}
            )
        )
    if rest:
        if not scheme.flat_rest_day_why:
            return None
        parts.append(fill_placeholders(scheme.flat_rest_day_why, {"days": days(rest)}))
    if capped and cap is not None:
        if not scheme.flat_capped_why:
            return None
        parts.append(
            fill_placeholders(
                scheme.flat_capped_why, {"days": days(capped), "count": f"{int(cap[0])}"}
            )
        )
    return listed(parts)


FORM_CHANGE_WORDS = ("shorter rests", "paired sets", "fewer sets")


def true_sets_notes(weeks: list[Week], outcome: Decisions) -> list[Week]:
    """The block with each building week's "one more set" note (`sets_note`) kept only where
    its lifts, as finally built, hold more sets than the same sessions of the building weeks
    before them (`_sets_grew`): `forms_refit` gives a held session its sets back week by
    week after the notes were written, so a week the note was right about against the held
    week before can stand level with the refitted one (session 14: an endurance-first
    beginner's week 6 said "one more set" at 15 -> 15 sets)."""
    note = Scheme.from_outcome(outcome).sets_note
    if not note:
        return weeks
    out: list[Week] = []
    for week in weeks:
        if note in week.notes and not week.deload:
            building = [w for w in out if not w.deload]
            if not _sets_grew(week.days, building):
                week = week.model_copy(update={"notes": [n for n in week.notes if n != note]})
        out.append(week)
    return out


# a required lift by its day, its session's title and its name
_LiftKey = tuple[Day, str, str]


def _root(name: str, roots: Mapping[str, str] | None) -> str:
    """The lift a rung of a ladder moved up from, down to the first (`roots`: rung name ->
    the lift below it); the name itself off any ladder."""
    seen = {name}
    while roots and name in roots and roots[name] not in seen:
        name = roots[name]
        seen.add(name)
    return name


def _lift_sets(days: list[DayPlan]) -> dict[_LiftKey, int]:
    """Each required lift's sets by day, session title and name."""
    return {
        (d.day, s.title, e.name): e.sets
        for d in days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE and not s.optional
        for e in s.exercises
    }


def forms_refit(
    weeks: list[Week],
    unformed: list[Week],
    budget: int,
    design: SessionDesignFile,
    hold_volume: bool = False,
    deload_cut_pct: float = 0.0,
    roots: Mapping[str, str] | None = None,
    plateau: Callable[[Sequence[str]], str] | None = None,
) -> list[Week]:
    """The block with each lifting session held to a smaller form (the smallest hard form,
    or the main lifts, "so that steady work follows it") sized to its own week's walk (coach
    review 17, TRIM-WITH-IDLE-MINUTES: a form sized for week 6's full-length walk left 10-17
    minutes of the day unused in weeks 1-5 while the not-yet-active build-up kept the walk
    short). `unformed`: the same block built with those sessions as they were before the
    form. In a building week whose day has minutes the form does not need (the build-up's
    shorter walks; a re-entry week's shorter rests, the walk being sized by the longest
    week), the session takes them back from its unformed self, as far as they go: first its
    sets (one at a time, in session order), then the lifts it left out (in their order),
    then its pairs apart, then its rests; all of it, and it is the unformed session, note
    and all. What it still gives up is said in the form's note; nothing given back, the
    week is as it was (`_form_refit`).

    A lift gets back only the sets (and a lift left out comes back only where) every later
    building week with the same day types keeps them (coach review 26,
    POOR-SLEEP-LIFTING-SHRINKS: the sets the first weeks' short walks left room for went
    again as the walks grew, 20 -> 16 sets a week, the hamstrings 3 -> 2 hard sets): the
    first weeks are sized for the lifting the later weeks hold, and the minutes they still
    leave are the ones the walk grows into (the rests take what they can). With
    `hold_volume` (recovery) no week holds more lifting sets than week 1 gave (as refitted)
    or it already held either. A deload is cut from the week before it as refitted, each
    lift by `deload_cut_pct` rounded down (2 -> 1, 3 -> 2), as far as the deload's unformed
    self holds them (coach review 26: a deload cut from the form, not from the week as
    lifted, cut 58 % where its rule cuts 30).

    A body-weight lift taken back that the unformed block says holds where it is (`plateau`
    writes that note for a list of names) is named in the note of the week it first holds in
    the block as refitted (`_plateau_restated`)."""
    building = [i for i, w in enumerate(weeks) if not w.deload]
    refitted: dict[int, Week] = {}

    def refit(index: int, caps: Mapping[_LiftKey, int] | None, first: int | None) -> Week:
        week, full = weeks[index], unformed[index]
        # with `hold_volume` no week holds more lifting sets than week 1 gave (as refitted)
        # or it already held: a recovery block's volume never grows
        most = max(first or 0, _lifting_sets(week.days))
        days = list(week.days)
        for i, (d, f) in enumerate(zip(week.days, full.days, strict=True)):
            others = _lifting_sets(week.days) - sum(
                e.sets for s in d.sessions if s.modality is Modality.RESISTANCE for e in s.exercises
            )
            allowed = None if first is None or not hold_volume else most - others
            day_caps = (
                None
                if caps is None
                else {(t, n): sets for (day, t, n), sets in caps.items() if day is d.day}
            )
            days[i] = _form_refit(d, f, budget, design, allowed, day_caps, roots=roots)
            week = week.model_copy(update={"days": days})
        return week

    # each lift's fewest sets in the later building weeks of each layout (0: a week without it)
    later: dict[tuple[tuple[Day, str], ...], dict[_LiftKey, int]] = {}
    first: int | None = None
    for _ in range(3):
        # (with `hold_volume`, week 1's sets bound the later weeks and the later weeks week
        # 1's, so the sizing is read again from week 1 as refitted until it holds)
        later.clear()
        for index in reversed(building):
            layout = _lifting_layout(weeks[index].days)
            caps = later.get(layout)
            week = refit(index, caps, first if index != building[0] else None)
            refitted[index] = week
            # (a lift on a rung of its ladder counts as the lift it moved up from: the later
            # weeks' rung keeps the earlier weeks' sets of the lift)
            held = {
                (day, t, _root(n, roots)): sets
                for (day, t, n), sets in _lift_sets(week.days).items()
            }
            kept = later.setdefault(layout, dict(held))
            for key in set(kept) | set(held):
                kept[key] = min(kept.get(key, 0), held.get(key, 0))
        now = _lifting_sets(refitted[building[0]].days) if building else None
        if not hold_volume or now == first:
            break
        first = now
    out: list[Week] = []
    for index, week in enumerate(weeks):
        if not week.deload:
            out.append(refitted[index])
            continue
        if out and not out[-1].deload:
            # a deload is cut from the week before it as refitted, lift by lift
            keep = (100 - deload_cut_pct) / 100
            caps = {
                key: sets if sets < 2 else max(1, math.floor(sets * keep + 1e-9))
                for key, sets in _lift_sets(out[-1].days).items()
            }
            week = week.model_copy(
                update={
                    "days": [
                        _form_refit(
                            d,
                            f,
                            budget,
                            design,
                            None,
                            {(t, n): sets for (day, t, n), sets in caps.items() if day is d.day},
                            rests=False,
                        )
                        for d, f in zip(week.days, unformed[index].days, strict=True)
                    ]
                }
            )
        if out:
            # a deload's stated cut is the one it makes on the week before as refitted
            week = week.model_copy(update={"notes": _deload_cut_restated(week, out[-1])})
        out.append(week)
    return _plateau_restated(out, weeks, unformed, plateau) if plateau is not None else out


def _plateau_names(
    note: str, plateau: Callable[[Sequence[str]], str], names: set[str]
) -> list[str] | None:
    """The lifts of `names` a note written by `plateau` (`unloaded_plateau_note`) says hold
    where they are, or None when the note is not one (or names a lift not in `names`)."""
    head, _, tail = plateau(["\0"]).partition("\0")
    if not (note.startswith(head) and note.endswith(tail)) or len(note) <= len(head) + len(tail):
        return None
    text = note[len(head) : len(note) - len(tail)]
    # (read as a list of the candidate names, and kept only when it writes the text again)
    flat = f", {text.replace(' and ', ', ')}, "
    said = sorted(n for n in names if f", {n.replace(' and ', ', ')}, " in flat)
    return said if listed(said, "and") == text else None


def _plateau_restated(
    weeks: list[Week],
    formed: list[Week],
    unformed: list[Week],
    plateau: Callable[[Sequence[str]], str],
) -> list[Week]:
    """The refitted block (`forms_refit`) whose notes name the body-weight lifts it took
    back from its unformed self that the unformed block says hold where they are (at the top
    of their range, slowed, no rung left), in the first week they hold in it and have not been
    named (long31, BODYWEIGHT-BLOCK-STOPS-PROGRESSING: a hollow body hold taken back into a
    day's smallest form held at 38-45 s from week 7 on, unnamed among the eight lifts the
    week's note said hold, so weeks 9-11 looked like a block that stopped unsaid)."""
    out: list[Week] = []
    said: set[str] = set()  # named in the notes as refitted
    held: set[str] = set()  # named in the unformed block's notes so far
    for week, before, full in zip(weeks, formed, unformed, strict=True):
        lifts = {
            e.name
            for d in full.days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
        }
        at: int | None = None  # where the unformed week says it
        for k, n in enumerate(full.notes):
            names = _plateau_names(n, plateau, lifts)
            if names:
                held.update(names)
                at = k
        present, was = _required_lift_names(week), _required_lift_names(before)
        own: tuple[int, list[str]] | None = None
        for k, n in enumerate(week.notes):
            names = _plateau_names(n, plateau, present | was | lifts)
            if names:
                own = (k, names)
                said.update(names)
        new = sorted((held & (present - was)) - said)
        if week.deload or not new:
            out.append(week)
            continue
        notes = list(week.notes)
        if own is not None:
            notes[own[0]] = plateau(sorted({*own[1], *new}))
        else:
            notes.insert(min(at if at is not None else len(notes), len(notes)), plateau(new))
        said.update(new)
        out.append(week.model_copy(update={"notes": notes}))
    return out


def _required_lift_names(week: Week) -> set[str]:
    """The names of a week's lifts in its required lifting sessions."""
    return {
        e.name
        for d in week.days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE and not s.optional
        for e in s.exercises
    }


DELOAD_CUT = re.compile(r"(-?\d+)% fewer sets")


def _deload_cut_restated(week: Week, before: Week) -> list[str]:
    """A deload week's notes with their "N% fewer sets" the cut it makes on `before`."""
    was, now = _lifting_sets(before.days), _lifting_sets(week.days)
    real = round(100 * (1 - now / was)) if was else 0
    return [
        DELOAD_CUT.sub(f"{real}% fewer sets", n, count=1) if n.startswith("Deload week") else n
        for n in week.notes
    ]


def _form_refit(
    day: DayPlan,
    full: DayPlan,
    budget: int,
    design: SessionDesignFile,
    most_sets: int | None = None,
    caps: Mapping[tuple[str, str], int] | None = None,
    rests: bool = True,
    roots: Mapping[str, str] | None = None,
) -> DayPlan:
    """`day` with its smaller-form lifting given back what its minutes hold (`forms_refit`),
    its lifting sets `most_sets` at most; with `caps`, each lift (by session title and name)
    given back the sets they give at most (none where they give none); without `rests`, no
    rest given back (a deload's lighter sets keep the rests their effort has)."""
    sessions = list(day.sessions)
    changed = False
    mains = [
        t
        for t in (design.messages.main_lifts_form, design.messages.main_lifts_form_no_strength_day)
        if t
    ]
    templates = [t for t in (design.messages.exposure_form, *mains) if t]
    for k, s in enumerate(sessions):
        if s.modality is not Modality.RESISTANCE or s.optional:
            continue
        said = [
            (i, t)
            for i, n in enumerate(s.notes)
            for t in templates
            if n.startswith(t.partition("{changes}")[0]) and n.endswith(t.partition("{changes}")[2])
        ]
        if not said:
            continue
        whole = next(
            (
                x
                for x in full.sessions
                if x.title == s.title and x.modality is Modality.RESISTANCE and not x.optional
            ),
            None,
        )
        if whole is None:
            continue
        spare = budget - sum(x.duration_minutes for x in sessions if not x.optional)
        if spare < 1:
            continue
        seconds = session_seconds(s.exercises, design.timing)

        def fits(
            trial: list[Exercise], base: float = seconds, s: Session = s, spare: int = spare
        ) -> bool:
            if most_sets is not None and sum(e.sets for e in trial) > most_sets:
                return False
            extra = (session_seconds(trial, design.timing) - base) / 60
            return round(s.duration_minutes + extra) <= s.duration_minutes + spare

        kept = list(s.exercises)
        by_name = {e.name: e for e in whole.exercises}

        def most(e: Exercise, title: str = s.title, by_name: dict[str, Exercise] = by_name) -> int:
            """The most sets `e` may be given back (the unformed session's, or a cap)."""
            whole_sets = by_name[e.name].sets if e.name in by_name else 0
            if caps is None:
                return whole_sets
            return min(whole_sets, caps.get((title, _root(e.name, roots)), 0))

        # the sets first, one at a time round the lifts in session order
        grown = True
        while grown:
            grown = False
            for i, e in enumerate(kept):
                target = by_name.get(e.name)
                if target is None or e.sets >= most(e):
                    continue
                trial = [*kept[:i], e.model_copy(update={"sets": e.sets + 1}), *kept[i + 1 :]]
                if fits(trial):
                    kept, grown = trial, True
        # then the lifts the form left out, each in its place in the session as it was (not
        # on a short day held to its main lifts: its extras stay out, coach review 17,
        # SHORT-DAY-KEEPS-EXTRAS)
        order = [e.name for e in whole.exercises]
        main_only = any(t in mains for _, t in said)
        for e in whole.exercises:
            if main_only or any(x.name == e.name for x in kept) or most(e) < 1:
                continue
            at = order.index(e.name)
            index = sum(1 for x in kept if x.name in order and order.index(x.name) < at)
            back = e.model_copy(update={"paired_with": None, "sets": min(e.sets, most(e))})
            trial = [*kept[:index], back, *kept[index:]]
            if fits(trial):
                kept = trial
        # then lifts it paired apart again
        for e in list(kept):
            target = by_name.get(e.name)
            if e.paired_with is None or target is None or target.paired_with is not None:
                continue
            partner = e.paired_with
            trial = [
                x.model_copy(update={"paired_with": None}) if x.name in (e.name, partner) else x
                for x in kept
            ]
            if fits(trial):
                kept = trial
        # then the rests, as the session before the form had them
        for i, e in enumerate(kept):
            target = by_name.get(e.name)
            if (
                not rests
                or target is None
                or target.rest_seconds is None
                or e.rest_seconds is None
                or midpoint(target.rest_seconds) <= midpoint(e.rest_seconds)
            ):
                continue
            trial = [
                *kept[:i],
                e.model_copy(update={"rest_seconds": target.rest_seconds}),
                *kept[i + 1 :],
            ]
            if fits(trial):
                kept = trial
        if kept == list(s.exercises):
            continue
        left = [e.name for e in whole.exercises if not any(x.name == e.name for x in kept)]
        words = []
        if any(
            e.rest_seconds is not None
            and (t := by_name.get(e.name)) is not None
            and t.rest_seconds is not None
            and midpoint(e.rest_seconds) < midpoint(t.rest_seconds)
            for e in kept
        ):
            words.append("shorter rests")
        if any(
            e.paired_with is not None
            and (t := by_name.get(e.name)) is not None
            and t.paired_with is None
            for e in kept
        ):
            words.append("paired sets")
        if any((t := by_name.get(e.name)) is not None and e.sets < t.sets for e in kept):
            words.append("fewer sets")
        minutes = max(
            1, round(s.duration_minutes + (session_seconds(kept, design.timing) - seconds) / 60)
        )
        if not words and not left:
            # (timed as the form was, from its own minutes: the fit above held it)
            sessions[k] = whole.model_copy(update={"duration_minutes": minutes})
            changed = True
            continue
        # the form's note says what the session still gives up (a trim's changes of the
        # session as it was, too)
        trimmed = [
            c for n in whole.notes if (found := trim_changes(n)) is not None for c in found[1]
        ]
        parts: list[str] = []
        gone: list[str] = []
        for part in [*trimmed, *words]:
            if part in FORM_CHANGE_WORDS:
                if part not in parts:
                    parts.append(part)
            elif part not in gone:
                gone.append(part)
        gone += [n for n in left if n not in gone]
        if gone:
            parts.append("without " + " and ".join(n[0].lower() + n[1:] for n in gone))
        notes = list(s.notes)
        i, template = said[0]
        notes[i] = fill_placeholders(template, {"changes": ", ".join(parts)})
        # the header's effort spans the sets' own, the lifts given back too
        efforts = [e.intensity.rpe for e in kept if e.intensity.rpe is not None]
        intensity = s.intensity
        if efforts and intensity.rpe is not None:
            intensity = intensity.model_copy(
                update={"rpe": Range.of(min(r.min for r in efforts), max(r.max for r in efforts))}
            )
        sessions[k] = s.model_copy(
            update={
                "exercises": kept,
                "duration_minutes": minutes,
                "notes": notes,
                "intensity": intensity,
            }
        )
        changed = True
    return DayPlan(day=day.day, sessions=sessions) if changed else day


def _standing_signature(week: Week) -> tuple[object, ...]:
    """A week's required sessions as the person does them: each session's title and minutes,
    and each exercise's name, sets, reps, hold, effort and notes (a slowed lowering), with
    the week's load change (`standing_weeks_step`)."""
    return (
        week.load_change_pct,
        tuple(
            (
                d.day,
                s.title,
                s.duration_minutes,
                tuple(
                    (e.name, e.sets, e.reps, e.work_seconds, e.intensity, e.notes)
                    for e in s.exercises
                ),
            )
            for d in week.days
            for s in d.sessions
            if not s.optional
        ),
    )


def _effort_open(session: Session) -> bool:
    """Whether a required moderate steady session's effort band has an upper part to step
    into (its RPE bottom below its top)."""
    rpe = session.intensity.rpe
    return (
        _steady(session)
        and session.intensity_class is IntensityClass.MODERATE
        and rpe is not None
        and rpe.min < rpe.max
    )


def _upper_half(intensity: Intensity) -> Intensity:
    """`intensity` at the top of its RPE band and in the upper half of its heart-rate band:
    never above either band's top, so no cap the band was set under is passed."""
    update: dict[str, object] = {}
    if intensity.rpe is not None:
        update["rpe"] = Range.of(intensity.rpe.max)
    hr = intensity.hr_max_pct
    if hr is not None and hr.min < hr.max:
        update["hr_max_pct"] = Range.of(round((hr.min + hr.max) / 2), hr.max)
    return intensity.model_copy(update=update) if update else intensity


def _effort_stepped(session: Session) -> Session:
    """A moderate steady session moved to the upper part of its effort band
    (`_upper_half`), its exercises with it."""
    band = session.intensity.rpe
    exercises = [
        e.model_copy(update={"intensity": _upper_half(e.intensity)})
        if e.intensity.rpe is not None and e.intensity.rpe == band
        else e
        for e in session.exercises
    ]
    return session.model_copy(
        update={"intensity": _upper_half(session.intensity), "exercises": exercises}
    )


def _days_stepped(week: Week) -> list[DayPlan]:
    """`week`'s days with every open moderate steady session stepped (`_effort_stepped`)."""
    return [
        DayPlan(
            day=d.day, sessions=[_effort_stepped(s) if _effort_open(s) else s for s in d.sessions]
        )
        for d in week.days
    ]


def standing_weeks_step(
    weeks: list[Week],
    step_note: str | None,
    stands_note: str | None,
    same_effort: str | None = None,
) -> list[Week]:
    """The block with no building week a silent copy of the week before (COACHING.md §3:
    each non-deload week differs from the one before in sets, reps, load or effort, minutes
    or rounds; blocks longer than 4 weeks keep progressing after each deload). Coach review
    40, NON-DELOAD-WEEKS-IDENTICAL: a 50-year-old with heart disease, endurance first, had
    weeks 5-7 the same line for line - his body-weight lifts at the top of their range with
    no harder version, his rides filling his 45-minute days, his effort capped at moderate.

    The first building week whose required sessions equal the week before's takes the one
    step that costs no minutes and passes no cap: its moderate steady sessions (a band such
    as RPE 5-6) move to the upper part of their band (RPE 6, the heart-rate band's upper
    half), and keep it in every later week (`step_note`, said in that week). A building week
    still the same as the one before, with nothing left open, says so and why
    (`stands_note`). The step's week drops a note that asks for the same effort at the same
    minutes (`same_effort`: `days_full_note`), which the step replaces. Referral-only and
    light-only blocks keep their weeks with their own words (COACHING.md §3)."""
    if not any(
        INTENSITY_ORDER[s.intensity_class.value] > INTENSITY_ORDER["light"]
        for w in weeks
        for d in w.days
        for s in d.sessions
        if not s.optional
    ):
        return weeks
    out = list(weeks)
    stepped = False
    for i in range(1, len(out)):
        week = out[i]
        if stepped:
            week = out[i] = week.model_copy(update={"days": _days_stepped(week)})
        if week.deload or _standing_signature(week) != _standing_signature(out[i - 1]):
            continue
        open_ = [s for d in week.days for s in d.sessions if _effort_open(s)]
        if open_ and step_note:
            stepped = True
            days = _days_stepped(week)
            top = _effort_stepped(open_[0]).intensity
            effort = [f"RPE {top.rpe.max:g}"] if top.rpe is not None else []
            if top.hr_max_pct is not None:
                hr = top.hr_max_pct
                effort.append(f"heart rate {hr.min:g}-{hr.max:g}% HRmax")
            text = fill_placeholders(step_note, {"effort": ", ".join(effort)})
            kept = [n for n in week.notes if not same_effort or n != same_effort]
            out[i] = week.model_copy(update={"days": days, "notes": [*kept, text]})
        elif stands_note and stands_note not in week.notes:
            out[i] = week.model_copy(update={"notes": [*week.notes, stands_note]})
    return out


def recovery_aerobic_cut(
    weeks: list[Week],
    outcome: Decisions,
    budget: int,
    least: int,
) -> list[Week]:
    """The block with its aerobic side lighter too where a rule asks for a lighter block to
    recover (`aerobic_cut_pct`; coach review 42, OVERTRAINING-RELIEF-REFILLED-WITH-CARDIO:
    with overtraining signs the lifting held about a third fewer sets and the steady block
    after it took the freed minutes, 30 -> 38 minutes, so the week was as long as without
    the signs, and the deloads cut the lifting alone). Meeusen 2013 asks for the whole
    training load to fall. In each week every required steady session is `aerobic_cut_pct`
    shorter than built, and no day's required sessions run past that share below the
    offered `budget` (the lifting's freed minutes stay free); never below the `least`
    steady work (a session already shorter keeps its length: a ten-minute walk after
    lifting stays, as its day's trim and form notes were written for it). A week whose required steady
    work held the aerobic guideline's bar (WHO 2020's 150 moderate-equivalent minutes) comes
    down to the bar, not below: the minutes cut past it go back, the most-cut session first,
    as far as the lighter day allows (`aerobic_floor_note`), in a block whose week 1 met it;
    a week below the bar is cut all the same (its guideline already
    says it is short). With `deload_cuts_aerobic`, a deload week then takes the deload's
    least cut (`deload_volume_cut_pct`) off each steady session against the week before,
    below the bar for that one week, and says so (`deload_steady_note`)."""
    scheme = Scheme.from_outcome(outcome)
    pct = scheme.aerobic_cut_pct
    if pct is None or not weeks:
        return weeks
    deload_too = scheme.deload_cuts_aerobic
    cut_note, floor_note = scheme.aerobic_cut_note, scheme.aerobic_floor_note
    day_most = budget * (100 - pct) // 100
    bar = scheme.aerobic_target
    # (the bar holds where week 1 met it: a build-up that reaches it later is cut the same
    # share all block, so its steps stay steps)
    if _week_aerobic(weeks[0].days) < bar:
        bar = 0
    out: list[Week] = []
    last_steady: int | None = None
    last_lengths: dict[tuple[int, int], int] = {}
    for week in weeks:
        days = [d.model_copy(update={"sessions": list(d.sessions)}) for d in week.days]
        before = _week_aerobic(days)
        cuts: list[tuple[int, int, int]] = []  # (day, index, minutes cut)
        for i, day in enumerate(days):
            for k, s in enumerate(day.sessions):
                if s.modality is not Modality.ENDURANCE or s.duration_minutes <= least:
                    continue
                # (an optional ride or walk offered beside the plan is a third shorter too,
                # so the offer does not put back what the plan took off)
                others = sum(
                    o.duration_minutes for o in day.sessions if not o.optional and o is not s
                )
                target = s.duration_minutes * (100 - pct) // 100
                if not s.optional:
                    target = min(target, day_most - others)
                target = max(target, least)
                if target < s.duration_minutes:
                    if not s.optional:
                        cuts.append((i, k, s.duration_minutes - target))
                    day.sessions[k] = _resized_steady(s, target)
        floored = False
        if bar and before >= bar and _week_aerobic(days) < bar:
            # down to the bar, not below: minutes go back, the most-cut session first
            for i, k, cut in sorted(cuts, key=lambda c: -c[2]):
                back = 0
                # (within the lighter day: the lifting's freed minutes stay free)
                while (
                    back < cut
                    and _week_aerobic(days) < bar
                    and _required_minutes(days[i]) < day_most
                ):
                    s = days[i].sessions[k]
                    days[i].sessions[k] = _resized_steady(s, s.duration_minutes + 1)
                    back += 1
            floored = _week_aerobic(days) >= bar
        notes = list(week.notes)
        if week.deload and deload_too and scheme.deload_cut_pct:
            for i, day in enumerate(days):
                for k, s in enumerate(day.sessions):
                    if not _steady(s) or s.duration_minutes <= least:
                        continue
                    # (from the week before's session at its place, where it was shorter:
                    # a deload's lighter lifting leaves its day more room)
                    was = min(s.duration_minutes, last_lengths.get((i, k), s.duration_minutes))
                    target = max(least, int(was * (100 - scheme.deload_cut_pct) // 100))
                    if target < s.duration_minutes:
                        day.sessions[k] = _resized_steady(s, target)
            if scheme.deload_steady_note and last_steady is not None:
                head = scheme.deload_steady_note.split("{minutes}")[0]
                notes = [n for n in notes if not n.startswith(head)]
                fell = last_steady - sum(_steady_minutes(days))
                if fell > 0:
                    notes.append(
                        fill_placeholders(
                            scheme.deload_steady_note,
                            {"minutes": f"{fell} minute{'s' if fell != 1 else ''}"},
                        )
                    )
        minutes = sum(_steady_minutes(days))
        said = floor_note if floored else cut_note
        if week.week == 1 and cuts and said:
            # (the floor note names the moderate-equivalent minutes the bar counts)
            shown = math.floor(_week_aerobic(days)) if floored else minutes
            notes.append(fill_placeholders(said, {"minutes": f"{shown}", "floor": f"{bar}"}))
        if not week.deload:
            last_steady = minutes
            last_lengths = {
                (i, k): s.duration_minutes
                for i, d in enumerate(days)
                for k, s in enumerate(d.sessions)
                if _steady(s)
            }
        out.append(week.model_copy(update={"days": days, "notes": notes}))
    return _steady_words_kept(out, scheme)


def _steady_words_kept(weeks: list[Week], scheme: Scheme) -> list[Week]:
    """`weeks` without the notes on the required steady minutes' change (longer, full
    length, shorter) that the cut weeks no longer keep: a build-up's step the least steady
    work holds, a fall the cut evened out (`recovery_aerobic_cut`)."""
    longer = [scheme.build_up_note, scheme.steady_grows_note]
    full = [scheme.build_up_done_note]
    shorter = [
        scheme.steady_shorter_note,
        scheme.steady_to_intervals_note,
        scheme.steady_to_intervals_part_note,
    ]

    def heads(templates: list[str | None]) -> list[str]:
        return [t.split("{")[0] for t in templates if t and len(t.split("{")[0]) >= 12]

    said_longer, said_full, said_shorter = heads(longer), heads(full), heads(shorter)
    out = weeks[:1]
    most = sum(_steady_minutes(weeks[0].days)) if weeks else 0
    for week in weeks[1:]:
        was, now = sum(_steady_minutes(out[-1].days)), sum(_steady_minutes(week.days))
        kept = [
            n
            for n in week.notes
            if not (
                (any(n.startswith(h) for h in said_longer) and now <= was)
                or (any(n.startswith(h) for h in said_full) and (now <= was or now < most))
                or (any(n.startswith(h) for h in said_shorter) and now >= was)
            )
        ]
        most = max(most, now)
        out.append(week if kept == week.notes else week.model_copy(update={"notes": kept}))
    return out
