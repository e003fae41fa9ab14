"""The enforce step, week by week: week-scoped vetoes, ceilings and limits (DESIGN.md v1.1).

A `forbid` or `limit` with `weeks: {from, to}` holds only in those weeks (re-entry weeks,
cautious starts that end). The block is built from week one; each built week is then held to
what is in force in it, last, so that nothing the planner does can undo a safety rule.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise

from endoprotocol.engine.decisions import (
    Decisions,
    Removal,
    WeekRules,
    fill_placeholders,
    listed,
    narrow,
)
from endoprotocol.plan import DayPlan, Exercise, Intensity, Range, Session, Week, hard_exposures
from endoprotocol.planner.fill import TRIM_NOTE, ramp_up_seconds, trim_changes
from endoprotocol.planner.intensity import (
    EMPTY,
    ORDER,
    class_of,
    cohere,
    holds_within_lifts,
    rest_for_load,
    settled_rest,
)
from endoprotocol.planner.library import (
    STRENGTH_REPS,
    ExerciseEntry,
    IntensityTable,
    Timing,
    Zone,
)
from endoprotocol.vocab import INTENSITY_ORDER, MAJOR_GROUPS, IntensityClass, Modality

# the parameters of an exercise a week-scoped limit may narrow
EXERCISE_LIMITS = ("sets", "reps", "rest_seconds", "rpe", "rir", "pct_1rm", "hr_max_pct")


# A lifting load no hard set can be done with: the table's most reps (15) with four in
# reserve is a 19-rep maximum, about 61 % of 1RM (rules/library/sessions.yaml's
# intensity_table, NSCA), so below 60 % every set a plan prescribes is far from failure.
NO_HARD_SET_PCT = 60.0


def no_hard_sets(rules: WeekRules, modality: str) -> str | None:
    """The rule of a week-scoped %1RM limit on lifting that leaves no set hard (below
    `NO_HARD_SET_PCT`: an acute illness's first step back, 59 % in weeks 3-4), or None."""
    if modality != Modality.RESISTANCE.value:
        return None
    bound, ids = rules.limit(modality, "compound", "pct_1rm")
    if bound is None or bound.max is None or bound.max >= NO_HARD_SET_PCT or not ids:
        return None
    return ids[0]


def dropped_in_week(session: Session, rules: WeekRules) -> bool:
    """Whether the week-scoped rules in force (`rules`) leave `session` out of its week
    altogether, as the enforce step (`hold_week`) does: its modality forbidden that week, a
    week held to no activity, or an interval session above the week's ceiling (an interval
    session is vigorous by what it is; it is never held lower). The progression reads it
    too: interval rounds step only in the weeks that hold the intervals (coach review 41)."""
    if session.modality.value in rules.vetoed:
        return True
    ceiling = INTENSITY_ORDER[rules.ceiling.value]
    return ceiling == 0 or (
        INTENSITY_ORDER[session.intensity_class.value] > ceiling
        and session.modality is Modality.HIIT
    )


def hold_week(
    week: Week,
    decisions: Decisions,
    zones: dict[IntensityClass, Zone],
    table: IntensityTable,
    *,
    most_reps: Mapping[str, float] = EMPTY,
    unloaded: frozenset[str] = frozenset(),
) -> list[Removal]:
    """Hold one built week to the decisions in force in it; what it removed or changed. A
    lift whose reps or effort a week-scoped limit changed rests no longer than its new load
    needs (`table.rest_by_load`), within the limit's own rest bounds. In a week held to
    light, a set of a lifting session the hold made light that the held load leaves far
    from failure is a light set at the same reps (`_far_sets_light`, with `most_reps` and
    `unloaded` as the weeks were built with)."""
    rules = decisions.in_week(week.week)
    week.max_intensity = rules.ceiling.value
    removals: list[Removal] = []
    days = []
    for day in week.days:
        kept = []
        for session in day.sessions:
            held = _hold(session, rules, zones, week.week, removals, table)
            if (
                held is not None
                and held is not session
                and held.modality is Modality.RESISTANCE
                and rules.ceiling.value == IntensityClass.LIGHT.value
                and session.intensity_class is not IntensityClass.LIGHT
            ):
                held = _far_sets_light(held, rules, zones, table, most_reps, unloaded)
            elif held is not None and held is not session and held.modality is Modality.RESISTANCE:
                held = _capped_loads_rederived(held, session, rules, zones, table, most_reps)
            if held is not None:
                kept.append(held)
        days.append(DayPlan(day=day.day, sessions=kept))
    week.days = days
    return removals


def _hold(
    session: Session,
    rules: WeekRules,
    zones: dict[IntensityClass, Zone],
    number: int,
    removals: list[Removal],
    table: IntensityTable,
) -> Session | None:
    modality = session.modality.value
    if modality in rules.vetoed:
        removals.append(Removal(f"{modality} sessions in week {number}", rules.vetoed[modality]))
        return None
    ceiling, limiter = rules.ceiling
    level = INTENSITY_ORDER[session.intensity_class.value]
    if dropped_in_week(session, rules):
        removals.append(Removal(f"{modality} sessions in week {number} (above {ceiling})", limiter))
        return None
    changed: list[str] = []
    light_top = zones[IntensityClass.LIGHT].rpe.max or 0.0
    exercises = [
        _limit_exercise(e, modality, rules, changed, table, light_top) for e in session.exercises
    ]
    update: dict[str, object] = {"exercises": exercises}
    if level > INTENSITY_ORDER[ceiling]:
        zone = zones[IntensityClass(ceiling)]
        update["intensity_class"] = IntensityClass(ceiling)
        update["intensity"] = _cap(session.intensity, zone)
        update["exercises"] = [
            _rested(
                e.model_copy(update={"intensity": _cap(e.intensity, zone)}),
                modality,
                rules,
                table,
                light_top,
            )
            for e in exercises
        ]
        changed.append(limiter)
        removals.append(
            Removal(f"{modality} intensity lowered to {ceiling} in week {number}", limiter)
        )
    if not changed:
        return session
    update["rules"] = sorted({*session.rules, *changed})
    return session.model_copy(update=update)  # keeps its first_week


def _far_sets_light(
    held: Session,
    rules: WeekRules,
    zones: dict[IntensityClass, Zone],
    table: IntensityTable,
    most_reps: Mapping[str, float],
    unloaded: frozenset[str],
) -> Session:
    """The lifting session `held` (a week's hold to light that lowered its class, applied
    measure by measure) with each set the held load leaves far from failure made a light
    set, its reps kept: read through the intensity table at the capped %1RM
    (`cohere(keep_reps=True)`), a set with more than `light_above_rir` in reserve carries no
    RIR and the light zone's RPE, and rests as a light load, within the week's rest limits
    (COACHING.md §3: when safety caps one of them, the others are derived again from the
    capped value). Coach review 29 (left open), EFFORT-INCOHERENT beside a passing illness:
    a strength lift's 4-6 reps at RIR 2-3 held to RPE 4 and 50 % 1RM read "4-6 reps at RIR
    6, 49 % 1RM", where a load for 10-12 reps (4-6 and 6 in reserve) is about 67-75 %; at
    49 % (about 30 reps at most) the same reps are a light set. Sets that stay within reach
    of failure are left as the hold made them: moving their reps here would change what the
    week's notes and the next week's compare (left open, docs/planning.md)."""
    ceiling = IntensityClass(rules.ceiling.value)
    caps: dict[bool, float | None] = {}
    for compound, role in ((True, "compound"), (False, "accessory")):
        bound, _ = rules.limit(held.modality.value, role, "pct_1rm")
        caps[compound] = float(bound.max) if bound is not None and bound.max is not None else None
    light_top = zones[IntensityClass.LIGHT].rpe.max or 0.0
    exercises = []
    for e in held.exercises:
        cap = None if e.name in unloaded and e.intensity.pct_1rm is None else caps[e.compound]
        read = cohere(e, table, zones, ceiling, cap, most_reps, keep_reps=True)
        if e.intensity.rir is not None and read.intensity.rir is None:
            e = _rested(read, held.modality.value, rules, table, light_top)
        exercises.append(e)
    if all(a is b for a, b in zip(exercises, held.exercises, strict=True)):
        return held
    return held.model_copy(update={"exercises": exercises, "intensity": _headed(held, exercises)})


def _headed(session: Session, exercises: list[Exercise]) -> Intensity:
    """`session`'s header effort made the span of `exercises`' own RPE, as `cohere_session`
    heads it (a session of items with no effort rating keeps its header's)."""
    efforts = [e.intensity.rpe for e in exercises if e.intensity.rpe is not None]
    if not efforts:
        return session.intensity
    rpe = Range.of(min(r.min for r in efforts), max(r.max for r in efforts))
    return session.intensity.model_copy(update={"rpe": rpe})


def _capped_loads_rederived(
    held: Session,
    built: Session,
    rules: WeekRules,
    zones: dict[IntensityClass, Zone],
    table: IntensityTable,
    most_reps: Mapping[str, float],
) -> Session:
    """The lifting session `held` (a week's hold above light: a week-scoped %1RM limit, or
    a ceiling at moderate, applied measure by measure to `built`) with each lift whose %1RM
    the hold lowered, or whose reps in reserve it raised, read again through the intensity
    table at the same reps (`cohere(keep_reps=True)`, as `_far_sets_light` reads a light
    week: the week's notes speak of these reps): the reserve and the RPE follow the load, a
    set the capped load leaves far from failure is a light set, a lift with no %1RM shown
    (body weight, a lift set by effort alone) keeps the effort the hold gave it, and where
    every lift with a %1RM shown is light the lifts set by effort and the holds beside them
    take the light effort too (`_by_effort_light`, `holds_within_lifts`);
    the header's effort and class are read from the sets again (COACHING.md §3: when safety
    caps one of them, the others are derived again from the capped value). Coach
    review 39, ILLNESS-EXIT-LOAD-LEAP: an acute illness's moderate weeks climb back a
    %1RM step a week, and "10-12 reps at RIR 4-5" was left beside a 59 % ceiling where that
    load leaves about ten reps in reserve; a strength lift's 5-6 reps at RIR 4 held to the
    moderate zone's 69 % read "about 75-77 %"."""
    ceiling = IntensityClass(rules.ceiling.value)
    light_top = zones[IntensityClass.LIGHT].rpe.max or 0.0
    exercises = []
    for e, was in zip(held.exercises, built.exercises, strict=True):
        now, before = e.intensity.pct_1rm, was.intensity.pct_1rm
        if now is None or before is None or e.intensity.rir is None:
            # no load shown (body weight, a lift set by effort alone): the hold set its
            # effort, and no %1RM stands beside it to disagree
            exercises.append(e)
            continue
        lowered = now.max < before.max or (
            was.intensity.rir is not None and e.intensity.rir.min > was.intensity.rir.min
        )
        if lowered:
            cap = now.max
            made = cohere(e, table, zones, ceiling, cap, most_reps, keep_reps=True)
            if made.intensity == e.intensity:
                exercises.append(e)
                continue
            read = _rested(made, held.modality.value, rules, table, light_top)
            e = _single_rest_kept(e, read)
        exercises.append(e)
    exercises = holds_within_lifts(_by_effort_light(exercises, light_top, zones, table), zones)
    intensity = _headed(held, exercises)
    cls = max(
        (class_of(e, zones) for e in exercises), key=ORDER.__getitem__, default=held.intensity_class
    )
    return held.model_copy(
        update={"exercises": exercises, "intensity": intensity, "intensity_class": cls}
    )


def deload_no_heavier(
    weeks: Sequence[Week],
    decisions: Decisions,
    zones: dict[IntensityClass, Zone],
    table: IntensityTable,
    *,
    most_reps: Mapping[str, float] = EMPTY,
) -> None:
    """Each deload week's lifts no heavier than the same lift of the same session the week
    before (a deload keeps or lightens the loads; COACHING.md §3): where a week-scoped hold
    lowered the week before a deload and not the deload itself (an acute illness's weeks
    7-8 at four reps in reserve, a deload in week 8 built on week 7's loads before the
    hold), the deload's %1RM shown is brought down to the week before's and its reserve and
    RPE read again from it (`_capped_loads_rederived`). Runs on the held weeks."""
    for before, week in pairwise(weeks):
        if not week.deload or before.deload:
            continue
        was: dict[tuple[str, str, str], float] = {}
        for d in before.days:
            for s in d.sessions:
                for e in s.exercises:
                    if e.intensity.pct_1rm is not None:
                        was[(d.day.value, s.title, e.name)] = e.intensity.pct_1rm.max
        rules = decisions.in_week(week.week)
        days = []
        for d in week.days:
            sessions = []
            for s in d.sessions:
                capped = _capped_to(s, d.day.value, was)
                if capped is not s:
                    s = _capped_loads_rederived(capped, s, rules, zones, table, most_reps)
                sessions.append(s)
            days.append(DayPlan(day=d.day, sessions=sessions))
        week.days = days


def _capped_to(session: Session, day: str, was: Mapping[tuple[str, str, str], float]) -> Session:
    """`session` with each lift's %1RM shown no higher than `was` holds for it (day,
    session title, lift), or `session` itself when none is higher."""
    if session.modality is not Modality.RESISTANCE:
        return session
    exercises = []
    for e in session.exercises:
        pct, top = e.intensity.pct_1rm, was.get((day, session.title, e.name))
        if pct is not None and top is not None and pct.max > top:
            low = Range.of(min(pct.min, top), top)
            e = e.model_copy(update={"intensity": e.intensity.model_copy(update={"pct_1rm": low})})
        exercises.append(e)
    if all(a is b for a, b in zip(exercises, session.exercises, strict=True)):
        return session
    return session.model_copy(update={"exercises": exercises})


def _single_rest_kept(before: Exercise, after: Exercise) -> Exercise:
    """`after` (`before` read again at a lighter load) with a rest a trim held to one value
    kept at one value: the short end of its new range."""
    was, now = before.rest_seconds, after.rest_seconds
    if was is None or now is None or was.min != was.max or now.min == now.max:
        return after
    return after.model_copy(update={"rest_seconds": Range.of(now.min, now.min)})


def _by_effort_light(
    exercises: list[Exercise],
    light_top: float,
    zones: dict[IntensityClass, Zone],
    table: IntensityTable,
) -> list[Exercise]:
    """`exercises` with the lifts set by effort alone (no %1RM shown: body weight, a lift
    loaded by feel) at the light zone's effort, reps kept, where every lift with a %1RM
    shown is light: the week's load step made the session a light one, and a lift beside
    them at a moderate effort would split it (as a cautious start's exit step holds its
    body-weight lifts to the loaded lifts' effort: COACHING.md §3, coherent intensity)."""
    shown = [e for e in exercises if e.reps is not None and e.intensity.pct_1rm is not None]
    if not shown or any(e.intensity.rpe is None or e.intensity.rpe.max > light_top for e in shown):
        return exercises
    zone = zones[IntensityClass.LIGHT].rpe
    rpe = Range.of(zone.min or 0, zone.max or zone.min or 0)
    out = []
    for e in exercises:
        i = e.intensity
        if e.reps is not None and i.pct_1rm is None and i.rpe is not None and i.rpe.max > light_top:
            light = e.model_copy(
                update={"intensity": i.model_copy(update={"rpe": rpe, "rir": None})}
            )
            e = _single_rest_kept(e, rest_for_load(light, table, 0.0))  # rests as a light set
        out.append(e)
    return out


def _limit_exercise(
    e: Exercise,
    modality: str,
    rules: WeekRules,
    changed: list[str],
    table: IntensityTable,
    light_top: float,
) -> Exercise:
    role = "compound" if e.compound else "accessory"
    update: dict[str, object] = {}
    intensity: dict[str, object] = {}
    used: list[str] = []
    for name in EXERCISE_LIMITS:
        bound, ids = rules.limit(modality, role, name)
        if bound is None:
            continue
        if name == "sets":
            low, _ = narrow(e.sets, e.sets, bound)
            if low is not None and round(low) != e.sets:
                update["sets"], used = max(round(low), 1), used + ids
            continue
        holder = e.intensity if name in ("rpe", "rir", "pct_1rm", "hr_max_pct") else e
        current: Range | None = getattr(holder, name)
        if current is None:
            continue
        low, high = narrow(current.min, current.max, bound)
        assert low is not None
        assert high is not None
        if (low, high) != (current.min, current.max):
            narrowed = Range.of(low, high)
            (intensity if holder is e.intensity else update)[name] = narrowed
            used += ids
    if not used:
        return e
    if intensity:
        update["intensity"] = e.intensity.model_copy(update=intensity)
    changed += used
    update["rules"] = sorted({*e.rules, *used})
    return _rested(e.model_copy(update=update), modality, rules, table, light_top)


def _rested(
    e: Exercise, modality: str, rules: WeekRules, table: IntensityTable, light_top: float
) -> Exercise:
    """A lift held lighter rests no longer than its new load needs (`table.rest_by_load`:
    its reps plus reps in reserve, or a light load for reps far from failure: RPE at most
    `light_top`, the light zone's), within the week's own limits on rest."""
    if e.reps is None:
        return e
    rir, rpe = e.intensity.rir, e.intensity.rpe
    if rir is not None:
        rested = settled_rest(e, table)
    elif rpe is not None and rpe.max <= light_top:
        rested = rest_for_load(e, table, 0.0)  # reps far from failure: a light load's rest
    else:
        # reps dosed by effort alone above light (a swing, a jump: full rests, COACHING.md
        # §1): no load to read a rest from, as in `intensity.cohere`
        rested = e
    role = "compound" if e.compound else "accessory"
    bound, _ = rules.limit(modality, role, "rest_seconds")
    if rested.rest_seconds is not None and bound is not None:
        low, high = narrow(rested.rest_seconds.min, rested.rest_seconds.max, bound)
        if low is not None and high is not None:
            rested = rested.model_copy(update={"rest_seconds": Range.of(low, high)})
    return rested


def _cap(intensity: Intensity, zone: Zone) -> Intensity:
    """An intensity no harder than the zone: each measure's top brought down to the zone's."""
    update: dict[str, object] = {}
    for name in ("rpe", "pct_1rm", "hr_max_pct"):
        value: Range | None = getattr(intensity, name)
        top = getattr(zone, name).max
        if value is not None and top is not None and value.max > top:
            update[name] = Range.of(min(value.min, top), top)
    if (
        intensity.rir is not None
        and zone.rpe.max is not None
        and 10 - intensity.rir.min > zone.rpe.max
    ):
        floor = 10 - zone.rpe.max
        update["rir"] = Range.of(max(intensity.rir.min, floor), max(intensity.rir.max, floor))
    return intensity.model_copy(update=update) if update else intensity


# Words that promise a moderate or brisk pace in a steady session's focus line.
MODERATE_PACE_WORDS = ("brisk", "breathe faster")


def name_long_steady(week: Week, entries: Sequence[ExerciseEntry]) -> None:
    """Steady cardio the library allows only in short bouts (`max_minutes`) whose work grew
    past that bout after it was chosen (the lifting's trim or the aerobic fill gave its block
    the minutes) is done as the entry's longer form, `long_name` with `long_cue` (seated
    marching past 20 minutes is a chair-based aerobic circuit: COACHING.md §1, no one is asked
    for 25+ minutes of marching; coach review 32, SEATED-MARCHING-PAST-25-MIN). The minutes,
    effort and session title stay. Runs on the week as built, before the light names."""
    by_name = {e.name: e for e in entries if e.long_name is not None}
    if not by_name:
        return

    def long_form(ex: Exercise) -> Exercise:
        entry = by_name.get(ex.name)
        if (
            entry is None
            or entry.max_minutes is None
            or ex.work_seconds is None
            or (ex.work_seconds.max or 0) <= entry.max_minutes * 60
        ):
            return ex
        return ex.model_copy(update={"name": entry.long_name, "notes": entry.long_cue})

    days = []
    for day in week.days:
        sessions = []
        for session in day.sessions:
            exercises = [long_form(ex) for ex in session.exercises]
            changed = exercises != session.exercises
            sessions.append(
                session.model_copy(update={"exercises": exercises}) if changed else session
            )
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def name_light_steady(
    week: Week, entries: Sequence[ExerciseEntry], light_top: float, kept: str | None = None
) -> None:
    """Steady cardio held at a light effort (its RPE tops out at `light_top`, the light
    zone's: an easy recovery day, a week a light ceiling holds) is named for that effort
    (COACHING.md §1, names tell the truth): a library entry's `light_name`, `light_cue` and,
    where the session carries the entry's usual title, its `light_title` ("Easy walk", not
    "Brisk walk ... talk but not sing"). Notes that open with `kept` (how to walk where a
    rule asks for impact-free cardio: coach review 31) keep that opening before the light
    cue. Runs last, on the week as it is held."""
    by_name = {e.name: e for e in entries if e.kind == "steady-cardio"}
    days = []
    for day in week.days:
        sessions = []
        for session in day.sessions:
            exercises, title = [], session.title
            for ex in session.exercises:
                entry = by_name.get(ex.name)
                rpe = ex.intensity.rpe
                if entry is None or rpe is None or rpe.max is None or rpe.max > light_top:
                    exercises.append(ex)
                    continue
                update: dict[str, object] = {}
                if entry.light_name:
                    update["name"] = entry.light_name
                if entry.light_cue:
                    opening = kept if kept and ex.notes.startswith(kept) else None
                    update["notes"] = f"{opening} {entry.light_cue}" if opening else entry.light_cue
                if entry.light_title and title == entry.session_title:
                    title = entry.light_title
                exercises.append(ex.model_copy(update=update))
            focus = session.focus
            held = exercises != session.exercises or title != session.title
            steady = [ex for ex in exercises if ex.name in by_name]
            light = bool(steady) and all(
                ex.intensity.rpe is not None
                and ex.intensity.rpe.max is not None
                and ex.intensity.rpe.max <= light_top
                for ex in steady
            )
            if (held or light) and any(w in focus.lower() for w in MODERATE_PACE_WORDS):
                # the request's words promised a brisk pace (and minutes that count toward
                # the aerobic target, which a light effort does not: coach review 20,
                # LIGHT-SESSION-TEXT-CLAIMS-MODERATE); say what the day holds
                focus = f"{title} at an easy, unhurried pace: a light effort"
            sessions.append(
                session.model_copy(update={"exercises": exercises, "title": title, "focus": focus})
            )
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def true_rep_notes(week: Week, entries: Sequence[ExerciseEntry], above_slot_reps: str) -> None:
    """A lift that cannot be taken for a few very heavy reps (its `min_reps`) carries the note
    `above_slot_reps` ("More reps than the slot's few heavy ones ...") only while the claim
    holds in this week as it is held (coach review 12, WORD-MINREPS-NOTE): its session still
    has strength lifts at few reps (1-6) and this lift's reps are above them. A ceiling that
    moves every lift to 11-15 reps (a moderate cap, re-entry weeks) leaves no heavy slot to
    be above, so the note goes. Runs last, after `hold_week`."""
    note = above_slot_reps.strip()
    strength = {e.name for e in entries if e.kind == "strength"}
    days = []
    for day in week.days:
        sessions = []
        for session in day.sessions:
            if not any(note in ex.notes for ex in session.exercises):
                sessions.append(session)
                continue
            heavy = [
                ex.reps.max
                for ex in session.exercises
                if ex.name in strength
                and note not in ex.notes
                and ex.reps is not None
                and ex.reps.max <= STRENGTH_REPS
            ]
            exercises = []
            for ex in session.exercises:
                if note in ex.notes and not (
                    heavy and ex.reps is not None and ex.reps.min > max(heavy)
                ):
                    text = " ".join(ex.notes.replace(note, " ").split())
                    ex = ex.model_copy(update={"notes": text})
                exercises.append(ex)
            sessions.append(session.model_copy(update={"exercises": exercises}))
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def true_trim_notes(week: Week, budget: int) -> None:
    """A lifting session's trim note ("Trimmed to fit 22 minutes: ...") names minutes the
    session has in this week: no fewer than its own (where the block's added sets made it
    longer than week 1's trim - an exit's sets took a 22-minute day to 32 minutes - the lifts
    it left out are still left out, now to fit the longer session; coach review 25,
    NOTES-THAT-ARE-NOT-TRUE: "Trimmed to fit 22 minutes" on a 35-minute session), and no
    more than its day's `budget` minutes leave it beside the day's other required sessions
    (a walk after it that the week's freed minutes took: coach review 36,
    TRIM-NOTE-MISSTATES-MINUTES, "Trimmed to fit 45 minutes" on a 32-minute session with a
    9-minute walk after it on a 45-minute day). Runs last, after `hold_week`."""
    days = []
    for day in week.days:
        sessions = []
        for session in day.sessions:
            notes = list(session.notes)
            room = budget - sum(
                s.duration_minutes for s in day.sessions if s is not session and not s.optional
            )
            for i, note in enumerate(notes):
                found = trim_changes(note)
                if found is None:
                    continue
                said = max(min(found[0], room), session.duration_minutes)
                if said != found[0]:
                    notes[i] = TRIM_NOTE.format(minutes=said, changes=", ".join(found[1]))
            if notes != session.notes:
                session = session.model_copy(update={"notes": notes})
            sessions.append(session)
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def groups_trained(sessions: Sequence[Session]) -> set[str]:
    """The major groups `sessions`' lifts train as a primary muscle, in any set."""
    muscles = {
        m.value
        for s in sessions
        if s.modality is Modality.RESISTANCE
        for e in s.exercises
        for m in e.muscles
    }
    return {g for g, names in MAJOR_GROUPS.items() if muscles & set(names)}


def holds_heavy_main_lift(session: Session, kinds: Mapping[str, str]) -> bool:
    """Whether a lifting session holds a heavy main lift: a compound lift done for reps,
    `STRENGTH_REPS` or fewer, that is a lift (`kinds`: the library's kind by exercise name;
    a jump or a drill keeps its own few reps)."""
    return any(
        e.compound
        and e.reps is not None
        and e.reps.max <= STRENGTH_REPS
        and kinds.get(e.name, "strength") not in ("ballistic", "drill")
        for e in session.exercises
    )


def true_heavy_notes(
    week: Week,
    heavy_only: Collection[str],
    light_only: Collection[str] = (),
    kinds: Mapping[str, str] | None = None,
) -> None:
    """A note about heavy sets (a rule's `heavy_sets_only` note: bone's "the heavy sets of
    about five on your big lifts") stays only on a lifting session that holds a heavy set in
    this week, a lift prescribed `STRENGTH_REPS` reps or fewer; elsewhere a safety cap (an
    older or fractured spine's 8 or more reps, a first vigorous effort held moderate) or a
    cautious start took them, and the note would promise loading the session does not give
    (coach review 39, BONE-FIVES-CUE-WITHOUT-HEAVY-SETS: a 67-year-old with a vertebral
    fracture read it on all 32 sessions, every set 10-15 reps). A `no_heavy_sets_only` note
    (`light_only`: a later goal of strength that waits) stays only on a lifting session that
    holds no heavy main lift (`holds_heavy_main_lift`) that week (coach review 37,
    STRENGTH-SECOND-GOAL-UNDOSED). (The ramp-up before heavy lifts, `true_ramp_up_notes`,
    reads a heavy lift by its load too: it is about working up to a heavy load, this note
    about sets of about five.)"""
    if not heavy_only and not light_only:
        return
    days = []
    for day in week.days:
        sessions = []
        for s in day.sessions:
            if s.modality is Modality.RESISTANCE:
                heavy = any(e.reps is not None and e.reps.max <= STRENGTH_REPS for e in s.exercises)
                gone = set() if heavy else set(heavy_only)
                if holds_heavy_main_lift(s, kinds or {}):
                    gone |= set(light_only)
                if gone & set(s.notes):
                    s = s.model_copy(update={"notes": [n for n in s.notes if n not in gone]})
            sessions.append(s)
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def true_warm_up_notes(week: Week, warm_up: Collection[str]) -> None:
    """A note about a session's own warm-up (a rule's `warm_up` note: from 65, "take at least
    ten minutes to warm up") stays only on the first session of its day that says it: a
    session after required work that already said it and warmed up (a 5-minute ride after the
    lifting) shares that warm-up and is listed without one, so the note would ask for more
    warm-up than the block has minutes (coach review 42, WORDS-CONTRADICT-PLAN). After an
    optional session, which may be skipped, the note stays. Runs on each week as finally
    held."""
    if not warm_up:
        return
    days = []
    for day in week.days:
        said: set[str] = set()
        sessions = []
        for s in day.sessions:
            gone = said & set(s.notes)
            if gone:
                s = s.model_copy(update={"notes": [n for n in s.notes if n not in gone]})
            if not s.optional:
                said |= set(warm_up) & set(s.notes)
            sessions.append(s)
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def true_ramp_up_notes(
    week: Week, timing: Timing, text: str | None, short_text: str | None = None
) -> None:
    """A lifting session holding a heavy lift this week (`fill.is_heavy_lift`) says to work
    up to it in lighter ramp-up sets (`messages.ramp_up`, `text`, filled with the ramp-up's
    sets and seconds: the time every timing of a session counts for them,
    `fill.ramp_up_seconds`); a session with none this week (a safety cap, a cautious start,
    a held week took them) says nothing of them (COACHING.md §2, time is honest; coach
    reviews 39 and 40, HEAVY-LIFTS-NO-RAMP-UP-TIME). The ramp-up sets are no exercise of the
    plan, so they are never hard sets. On a day the ramp-up is scaled down for
    (`build._ramp_up_for_day`, which passes `short_text` there) the note is `short_text`, a brief ramp-up whose {seconds} is the time held before the first
    heavy lift. Runs last, on each week as finally held."""
    ramp = timing.ramp_up
    if ramp is None or not text:
        return
    if short_text:
        said = fill_placeholders(
            short_text,
            {
                "seconds": str(ramp.first_sets * ramp.seconds_per_set),
                "reps": str(ramp.reps_at_most),
            },
        )
    else:
        said = fill_placeholders(
            text,
            {
                "first": str(ramp.first_sets),
                "later": str(ramp.later_sets),
                "seconds": str(ramp.seconds_per_set),
                "reps": str(ramp.reps_at_most),
            },
        )
    days = []
    for day in week.days:
        sessions = []
        for s in day.sessions:
            if s.modality is Modality.RESISTANCE:
                notes = [n for n in s.notes if n != said]
                if ramp_up_seconds(s.exercises, timing):
                    notes.append(said)
                if notes != s.notes:
                    s = s.model_copy(update={"notes": notes})
            sessions.append(s)
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days


def true_strength_day_notes(week: Week, claim: str, partial: str | None) -> None:
    """A lifting session held to its smallest hard form says "this stays one of your
    strength days" (`messages.exposure_form`, its `{changes}` filled) only in a week whose
    day, as built, gives every major group its lifts train three or more hard sets (the
    plan's own count, `plan.hard_exposures`: WHO 2020's strength days as the guideline reads
    them, day by day for each group); elsewhere the note becomes `partial` with the groups
    that do get them (coach review 12, TRIM-CLAIM-NO-PULL: a day with no back work read as a
    strength day while the guideline box counted none). An upper- or lower-body day is read
    against its own groups (coach review 33, STRENGTH-DAY-COUNT-CONTRADICTS: a Saturday
    upper and a Sunday lower day each said it did not count while the guideline counted
    one day for every group). Runs last, after `hold_week`."""
    head, _, tail = claim.partition("{changes}")
    days = []
    for day in week.days:
        required = [s for s in day.sessions if not s.optional]
        exposed = hard_exposures(required)
        if groups_trained(required) <= exposed:
            days.append(day)
            continue
        sessions = []
        for session in day.sessions:
            notes = []
            for note in session.notes:
                if note.startswith(head) and note.endswith(tail) and len(note) > len(head + tail):
                    changes = note[len(head) : len(note) - len(tail)]
                    named = [g for g in MAJOR_GROUPS if g in exposed]
                    groups = (
                        f"reached by the {listed(named)}" if named else "reached by none this week"
                    )
                    text = partial or "Trimmed to its smallest hard form ({changes})."
                    note = fill_placeholders(text, {"changes": changes, "groups": groups})
                notes.append(note)
            sessions.append(session.model_copy(update={"notes": notes}))
        days.append(DayPlan(day=day.day, sessions=sessions))
    week.days = days
