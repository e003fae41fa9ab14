"""One intensity table for lifting: reps, reps in reserve (RIR), RPE and %1RM that agree.

A set of N reps leaving K in reserve is done with an (N + K)-rep-max load, whose % of 1RM the
library's `intensity_table.reps_to_pct_1rm` gives (NSCA's %1RM-repetition relationship); RPE on
the 0-10 scale is 10 - RIR (Zourdos 2016). The rules prescribe reps and effort; the load
follows from them. When a ceiling caps the load (a safety limit, a cautious start, the week's
intensity class), the set keeps its effort with more reps, up to the table's `max_reps`; past
that the reps stay and the effort falls, and a set with more than `light_above_rir` in reserve
is light: it carries no RIR, its RPE is the light zone's, and it is not a hard set.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from itertools import pairwise

from endoprotocol.plan import Exercise, Intensity, Range, Session
from endoprotocol.planner.library import IntensityTable, Zone
from endoprotocol.vocab import IntensityClass, Modality

ORDER = {IntensityClass.LIGHT: 0, IntensityClass.MODERATE: 1, IntensityClass.VIGOROUS: 2}
# a derived load may sit this far (in %1RM points) over a cap: the table is an estimate
SLACK = 0.5
EMPTY: Mapping[str, float] = {}


def pct_for(table: IntensityTable, rep_max: float) -> float:
    """% of 1RM of a `rep_max`-rep-max load (linear between the table's points; clamped)."""
    points = table.points
    if rep_max <= points[0][0]:
        return float(points[0][1])
    for (r1, p1), (r2, p2) in pairwise(points):
        if rep_max <= r2:
            return p1 + (p2 - p1) * (rep_max - r1) / (r2 - r1)
    return float(points[-1][1])


def rm_for(table: IntensityTable, pct: float) -> float:
    """The repetition maximum of a load of `pct` % 1RM (the inverse of `pct_for`; clamped)."""
    points = table.points
    if pct >= points[0][1]:
        return float(points[0][0])
    for (r1, p1), (r2, p2) in pairwise(points):
        if pct >= p2:
            return r1 + (r2 - r1) * (p1 - pct) / (p1 - p2)
    return float(points[-1][0])


def class_of(ex: Exercise, zones: dict[IntensityClass, Zone]) -> IntensityClass:
    """An item's class: the harder of its RPE's and its %1RM's (ACSM's table, the zones)."""
    found = IntensityClass.LIGHT
    i = ex.intensity
    for cls, zone in zones.items():
        by_rpe = i.rpe is not None and zone.rpe.min is not None and i.rpe.max >= zone.rpe.min
        by_load = (
            i.pct_1rm is not None
            and zone.pct_1rm.min is not None
            and i.pct_1rm.max >= zone.pct_1rm.min
        )
        if (by_rpe or by_load) and ORDER[cls] > ORDER[found]:
            found = cls
    return found


# what `cohere` changes, by what it reads: (table, zones, most_reps, the change), the first
# three kept so that the ids in the key stay theirs while the entry lives
_COHERED: dict[tuple[object, ...], tuple[object, object, object, dict[str, object]]] = {}
_COHERED_MAX = 20_000
_COHERED_FIELDS = ("reps", "intensity", "rest_seconds", "alternatives")


def cohere(
    ex: Exercise,
    table: IntensityTable,
    zones: dict[IntensityClass, Zone],
    ceiling: IntensityClass,
    cap: float | None = None,
    most_reps: Mapping[str, float] = EMPTY,
    keep_reps: bool = False,
) -> Exercise:
    """`_cohere`, remembered: a block asks for the same lift at the same reps, effort, rest
    and cap week after week (~125 times a plan, ~3 of 4 seen before). The result depends
    only on the fields in the key, and changes only `_COHERED_FIELDS`; plan models are
    values, never changed in place, so the change is shared between its exercises."""
    if not most_reps:
        most_reps = EMPTY  # (callers pass a fresh `{}` for none)
    i, reps, rest = ex.intensity, ex.reps, ex.rest_seconds
    key = (
        id(table),
        id(zones),
        id(most_reps),
        ceiling,
        cap,
        keep_reps,
        _pair(i.rpe),
        _pair(i.rir),
        _pair(i.pct_1rm),
        _pair(i.hr_max_pct),
        i.talk_test,
        _pair(reps),
        _pair(rest),
        tuple(ex.alternatives),
    )
    known = _COHERED.get(key)
    if known is None:
        made = _cohere(ex, table, zones, ceiling, cap, most_reps, keep_reps)
        change = {
            name: made.__dict__[name]
            for name in _COHERED_FIELDS
            if made.__dict__[name] is not ex.__dict__[name]
        }
        if len(_COHERED) >= _COHERED_MAX:
            _COHERED.clear()
        _COHERED[key] = (table, zones, most_reps, change)
        return made
    change = known[3]
    return ex.model_copy(update=change) if change else ex


def _pair(r: Range | None) -> tuple[float, float] | None:
    return None if r is None else (r.min, r.max)


def _cohere(
    ex: Exercise,
    table: IntensityTable,
    zones: dict[IntensityClass, Zone],
    ceiling: IntensityClass,
    cap: float | None = None,
    most_reps: Mapping[str, float] = EMPTY,
    keep_reps: bool = False,
) -> Exercise:
    """The exercise with reps, RIR, RPE and %1RM made to agree under `ceiling` and `cap`
    (a %1RM ceiling from a limit, a cautious start or its exit). `most_reps`: exercise name
    -> the most reps its kind is dosed at (ballistic moves: 6), to keep alternatives fitting.
    With `keep_reps` (a week-scoped hold on a week already built: its notes and minutes
    speak of these reps), a capped load does not move the reps: the reserve follows the
    capped load at the same reps, and a set left far from failure is light.

    Only loaded sets taken toward failure (reps and an RIR) are touched; holds, drills and
    movements dosed by kind keep their effort rating. Reps and RIR set the load: a rule's
    %1RM that disagrees with them gives way unless it is a cap. %1RM is set, and reps moved
    for a cap, only where the exercise already had one (a load that can be measured).
    Reps move for a cap on every lift taken toward failure, %1RM or not: a lift set by
    effort alone is loaded by the same table, so it keeps the session's effort with the
    lifts beside it instead of falling to light on its own."""
    i = ex.intensity
    if ex.reps is None or i.rir is None:
        light_top = zones[IntensityClass.LIGHT].rpe.max
        if (
            ex.reps is not None
            and i.rpe is not None
            and light_top is not None
            and i.rpe.max <= light_top
        ):
            # reps far from failure (a drill, a light set): a light load's rest
            return rest_for_load(ex, table, 0.0)
        return ex
    r1, r2 = int(ex.reps.min), int(ex.reps.max)
    k1, k2 = int(i.rir.min), int(i.rir.max)
    if r2 > table.max_reps and i.pct_1rm is None:
        # a move that cannot be loaded heavy, given more reps than the table's most by its
        # library `min_reps` (a body-weight squat's 12-16): its load is the body's and no
        # %1RM cap lowers it, so the range and its effort stay as they are; moving or
        # narrowing them here collapsed 12-16 into "16-16" (coach review 11, reps past 15)
        heavy = pct_for(table, r1 + k1)
        return rest_for_effort(rest_for_load(ex, table, heavy), table, k1, heavy)
    top = zones[ceiling].pct_1rm.max
    cap = min(float(top) if top is not None else 100.0, cap if cap is not None else 100.0)
    heavy = pct_for(table, r1 + k1)
    if heavy > cap + SLACK and k1 <= table.light_above_rir and not keep_reps:
        # the load is capped: keep the effort with more reps, as far as the table allows
        need = math.ceil(rm_for(table, cap) - k1 - 1e-9) - r1
        shift = max(0, min(need, table.max_reps - r2))
        r1, r2 = r1 + shift, r2 + shift
        # a range already at the most reps narrows from below: the set's last reps still
        # reach the effort (15 reps at 60 % leave about 5 in reserve), the first ones do not
        r1 = max(r1, min(r1 + need - shift, r2))
    if heavy > cap + SLACK:
        heavy = min(cap, pct_for(table, r1 + k1))
        k1 = max(k1, math.floor(rm_for(table, heavy) - r1 + 1e-9))
        k2 = max(k2, k1)
    light = min(pct_for(table, r2 + k2), heavy)
    reps = Range.of(r1, r2)
    moved = r2 != ex.reps.max
    # a set with more in reserve than the table's `light_above_rir` is light (a deload's
    # cut reps at the same load): it rests as a light set, not as its rep-max load
    ex = rest_for_load(ex, table, heavy if k1 <= table.light_above_rir else 0.0)
    # and no longer than its effort needs: a set well short of failure (RPE 6 or less) at
    # less than a heavy strength load rests as a moderate effort (coach review 16)
    ex = rest_for_effort(ex, table, k1, heavy)
    if moved:
        # reps moved: an alternative dosed by its kind to fewer reps (a jump, a swing) no
        # longer fits the set (COACHING.md §1, the picker's own rule for the slot)
        ex = ex.model_copy(
            update={"alternatives": [a for a in ex.alternatives if most_reps.get(a, r2) >= r2]}
        )
    if k1 > table.light_above_rir:
        # far from failure: a light set, whatever the rules' effort said
        low = i.pct_1rm.min if i.pct_1rm is not None else light
        light_zone = zones[IntensityClass.LIGHT].rpe
        intensity = i.model_copy(
            update={
                "rir": None,
                "rpe": Range.of(light_zone.min or 0, light_zone.max or light_zone.min or 0),
                "pct_1rm": Range.of(round(min(low, heavy)), round(heavy))
                if i.pct_1rm is not None
                else None,
            }
        )
        return ex.model_copy(update={"reps": reps, "intensity": intensity})
    intensity = i.model_copy(
        update={
            "rir": Range.of(k1, k2),
            "rpe": Range.of(max(10 - k2, 0), max(10 - k1, 0)),
            "pct_1rm": Range.of(round(light), round(heavy)) if i.pct_1rm is not None else None,
        }
    )
    return ex.model_copy(update={"reps": reps, "intensity": intensity})


def rest_for_load(ex: Exercise, table: IntensityTable, pct: float) -> Exercise:
    """`ex` with its rests no longer than its load needs (`rest_by_load`: moderate loads 1-2
    minutes, heavy ones 2-3, only heavy strength sets up to 5; ACSM 2009, NSCA 2015): a
    longer rest ends at the range's top, and one wholly above the range takes the range."""
    found = table.rest_for(pct)
    rest = ex.rest_seconds
    if found is None or found.min is None or found.max is None or rest is None:
        return ex
    if rest.max <= found.max:
        return ex
    low = rest.min if rest.min < found.max else found.min
    return ex.model_copy(update={"rest_seconds": Range.of(low, found.max)})


def rest_for_effort(ex: Exercise, table: IntensityTable, rir: float, pct: float) -> Exercise:
    """`ex` with its rests no longer than its effort needs (`rest_by_effort`: a set stopped
    4 or more reps short of failure, RPE 6 or less, at less than a heavy strength load rests
    60-90 s; coach review 16, LONG-RESTS-KEPT-WHILE-CARDIO-SHORT), as `rest_for_load` caps
    them: a longer rest ends at the range's top, one wholly above it takes the range (a
    single value, a rest held at its short end, takes the range's short end)."""
    found = table.rest_for_effort(rir, pct)
    rest = ex.rest_seconds
    if found is None or found.min is None or found.max is None or rest is None:
        return ex
    if rest.max <= found.max:
        return ex
    if rest.min == rest.max:
        # a rest a trim or a session's smallest form held at its range's short end stays
        # at the short end of the range its effort gives (60 s, not 60-90)
        return ex.model_copy(update={"rest_seconds": Range.of(found.min, found.min)})
    low = rest.min if rest.min < found.max else found.min
    return ex.model_copy(update={"rest_seconds": Range.of(low, found.max)})


def settled_rest(ex: Exercise, table: IntensityTable, light_top: float | None = None) -> Exercise:
    """`ex` with its rests no longer than the load and the effort it is prescribed at need
    (`rest_for_load`, `rest_for_effort`), read from its reps and reps in reserve as
    `cohere` reads them; a set far from failure (no reserve stated, RPE in the light zone)
    rests as a light load (60-90 s) where `light_top` (the light zone's top RPE) is given,
    as `cohere` rests it. Used where a lift is prescribed before the weeks are built (a
    session's first timing, which sizes the steady work after it) and where its rests are
    re-derived for a week (`progress`)."""
    rir, rpe = ex.intensity.rir, ex.intensity.rpe
    if ex.reps is None or ex.rest_seconds is None:
        return ex
    if rir is None:
        if light_top is not None and rpe is not None and rpe.max <= light_top:
            return rest_for_load(ex, table, 0.0)
        return ex
    if rir.min > table.light_above_rir:
        return rest_for_load(ex, table, 0.0)
    heavy = pct_for(table, ex.reps.min + rir.min)
    return rest_for_effort(rest_for_load(ex, table, heavy), table, rir.min, heavy)


def cohere_session(
    session: Session,
    table: IntensityTable,
    zones: dict[IntensityClass, Zone],
    ceiling: IntensityClass,
    caps: dict[bool, float | None],
    most_reps: Mapping[str, float] = EMPTY,
    unloaded: frozenset[str] = frozenset(),
) -> Session:
    """A lifting session whose every set agrees with the table, and whose class and zone are
    those of its hardest item (DESIGN.md v1.1); other modalities are returned unchanged.
    `caps` maps compound (True) or accessory (False) to the %1RM cap in force. A lift named
    in `unloaded` with no %1RM (body weight, a fixture: no load to cap) is held by its effort
    alone: a %1RM cap does not move its reps (coach review 12, BODYWEIGHT-LOAD-TALK: a
    cautious start's exit whose load ceiling rose 60 -> 63 -> 67 % took a body-weight squat
    from 15 to 13-15 to 10-15 reps, less work each week with nothing heavier to lift)."""
    if session.modality is not Modality.RESISTANCE or not session.exercises:
        return session
    exercises = [
        cohere(
            e,
            table,
            zones,
            ceiling,
            None if e.name in unloaded and e.intensity.pct_1rm is None else caps.get(e.compound),
            most_reps,
        )
        for e in session.exercises
    ]
    exercises = holds_within_lifts(exercises, zones)
    cls = max((class_of(e, zones) for e in exercises), key=ORDER.__getitem__)
    # the header's effort is the span of its sets' own RPE (a light start's RPE 3-4 lifts
    # at 40-50 % 1RM are not headed "RPE 5-6" because 50 % touches moderate: coach review
    # 4, N4); heart rate and the talk test describe steady work, not sets
    efforts = [e.intensity.rpe for e in exercises if e.intensity.rpe is not None]
    zone = zones[cls]
    rpe = (
        Range.of(min(r.min for r in efforts), max(r.max for r in efforts))
        if efforts
        else Range.of(zone.rpe.min or 0, zone.rpe.max or 0)
    )
    intensity = Intensity(rpe=rpe)
    return session.model_copy(
        update={"exercises": exercises, "intensity_class": cls, "intensity": intensity}
    )


def holds_within_lifts(
    exercises: list[Exercise], zones: dict[IntensityClass, Zone]
) -> list[Exercise]:
    """Timed holds (a plank, a wall sit: effort only, no reps) are no harder than the lifts of
    their session: when a ceiling has made every loaded lift light (a cautious start's exit
    step, a deload), a hold at a moderate effort would make the session's effort incoherent,
    so it takes the light zone's RPE too."""
    rpes = [e.intensity.rpe.max for e in exercises if e.reps is not None and e.intensity.rpe]
    if not rpes:
        return exercises
    # the zone of the hardest lift: light, or moderate (an osteoporosis exit's loads at about
    # 60 % with a posture hold beside them); vigorous lifts leave the holds alone
    fits = [
        zones[c].rpe
        for c in (IntensityClass.LIGHT, IntensityClass.MODERATE)
        if zones[c].rpe.max is not None and max(rpes) <= (zones[c].rpe.max or 0)
    ]
    if not fits:
        return exercises
    light = fits[0]
    assert light.max is not None
    out = []
    for e in exercises:
        if e.reps is None and e.intensity.rpe is not None and e.intensity.rpe.max > light.max:
            rpe = Range.of(light.min or 0, light.max or light.min or 0)
            e = e.model_copy(update={"intensity": e.intensity.model_copy(update={"rpe": rpe})})
        out.append(e)
    return out
