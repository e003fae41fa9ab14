"""A week's lifting volume held to the rules' weekly hard sets per major group (COACHING.md
§3: beginners about 4-10 hard sets a group a week), without taking any group below the hard
exposures the week gives it (3+ hard sets on a day, on at least two days where it had them:
COACHING.md §2, WHO 2020's muscle-strengthening days)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from endoprotocol.plan import (
    DayPlan,
    Exercise,
    Session,
    exposed_groups,
    hard_sets_by_muscle,
    is_hard_set,
    muscle_credit,
)
from endoprotocol.vocab import MAJOR_GROUPS, Modality

Where = tuple[int, int, int]  # (day, session, exercise) in the week
MAJOR_MUSCLES = frozenset(m for ms in MAJOR_GROUPS.values() for m in ms)


def _lifting(s: Session) -> bool:
    return s.modality is Modality.RESISTANCE and not s.optional


def _day_sets(day: DayPlan) -> dict[str, float]:
    """Hard sets per muscle on one day's required lifting."""
    return hard_sets_by_muscle(s for s in day.sessions if _lifting(s))


def _groups(sets: dict[str, float]) -> dict[str, float]:
    """Per major group, the sets of its best-trained muscle."""
    return {g: max(sets.get(m, 0.0) for m in ms) for g, ms in MAJOR_GROUPS.items()}


def _summed(per_day: list[dict[str, float]]) -> dict[str, float]:
    week: dict[str, float] = {}
    for sets in per_day:
        for m, n in sets.items():
            week[m] = week.get(m, 0.0) + n
    return week


def group_sets(days: list[DayPlan]) -> dict[str, float]:
    """Hard sets a week for each major group, a group counted by its best-trained muscle."""
    return _groups(_summed([_day_sets(d) for d in days]))


def _exposure_days(per_day: list[dict[str, float]]) -> dict[str, int]:
    """Days with a hard exposure per major group."""
    out: dict[str, int] = {}
    for sets in per_day:
        for g in exposed_groups(sets):
            out[g] = out.get(g, 0) + 1
    return out


def _less(sets: dict[str, float], credit: Mapping[str, float]) -> dict[str, float]:
    """`sets` with one set of a lift of this `credit` taken off."""
    out = dict(sets)
    for m, c in credit.items():
        out[m] = out.get(m, 0.0) - c
    return out


def _with_session(days: list[DayPlan], i: int, j: int, session: Session) -> list[DayPlan]:
    sessions = list(days[i].sessions)
    sessions[j] = session
    out = list(days)
    out[i] = DayPlan(day=days[i].day, sessions=sessions)
    return out


def _with_sets(days: list[DayPlan], at: Where, sets: int) -> list[DayPlan]:
    i, j, k = at
    session = days[i].sessions[j]
    exercises = list(session.exercises)
    exercises[k] = exercises[k].model_copy(update={"sets": sets})
    return _with_session(days, i, j, session.model_copy(update={"exercises": exercises}))


def without_exercise(days: list[DayPlan], at: Where) -> list[DayPlan]:
    """`days` with the exercise at `at` left out."""
    i, j, k = at
    session = days[i].sessions[j]
    exercises = [e for n, e in enumerate(session.exercises) if n != k]
    return _with_session(days, i, j, session.model_copy(update={"exercises": exercises}))


def retimed_days(
    old: list[DayPlan], new: list[DayPlan], retime: Callable[[Session, Session], Session]
) -> list[DayPlan]:
    """`new` (the same days and sessions as `old`, some sessions changed) with each changed
    session given its minutes by `retime(before, after)`."""
    return [
        DayPlan(
            day=o.day,
            sessions=[
                retime(a, b) if a is not b else a
                for a, b in zip(o.sessions, n.sessions, strict=True)
            ],
        )
        for o, n in zip(old, new, strict=True)
    ]


def touches(e: Exercise, group: str) -> float:
    """The hard-set credit a set of `e` gives major group `group` (1 as a primary muscle, 0.5
    as a secondary one; DESIGN.md v1.1)."""
    credit = muscle_credit(e)
    return max(credit.get(m, 0.0) for m in MAJOR_GROUPS[group])


def _best_cut(
    days: list[DayPlan],
    per_day: list[dict[str, float]],
    group: str,
    totals: dict[str, float],
    most: float,
    keep: dict[str, int],
    least_sets: Callable[[Exercise], int],
    *,
    dose: float = 0.0,
    open_days: frozenset[int] | None = None,
    full_days: int = 0,
    banned: frozenset[Where] = frozenset(),
    kept: Mapping[str, float] | None = None,
) -> Where | None:
    """The set to take off for `group`: see `hold_weekly_volume`. A trial cut is read from
    the day's and the week's tallies less one set of the lift (sets count at 1 or 0.5, so
    the sums are exact), not from a rebuilt week. With `dose`, no group the week gives that
    many goes under it; with `open_days`, only lifts on those days; with `full_days`, the
    week keeps that many days on which every major group has a hard exposure; with `kept`,
    no major group goes under the hard sets it names."""
    best: tuple[tuple[float, ...], Where] | None = None
    week = _summed(per_day)
    exposed = [exposed_groups(sets) for sets in per_day]
    exposure_days = _exposure_days(per_day)
    full = [len(e) == len(MAJOR_GROUPS) for e in exposed]
    for i, d in enumerate(days):
        if open_days is not None and i not in open_days:
            continue
        day_sets = _groups(per_day[i])[group]
        for j, s in enumerate(d.sessions):
            if not _lifting(s):
                continue
            for k, e in enumerate(s.exercises):
                if not touches(e, group) or not is_hard_set(e) or e.sets <= least_sets(e):
                    continue
                if (i, j, k) in banned:
                    continue
                credit = muscle_credit(e)
                # the group counts by its best-trained muscle: the cut must lower that
                after = max(week.get(m, 0.0) - credit.get(m, 0.0) for m in MAJOR_GROUPS[group])
                touch = totals[group] - after
                if touch <= 0:
                    continue
                if kept and any(
                    max(week.get(m, 0.0) - credit.get(m, 0.0) for m in ms) < kept.get(g, 0.0)
                    for g, ms in MAJOR_GROUPS.items()
                    if touches(e, g)
                ):
                    continue
                # only the groups this lift trains can lose the day's exposure
                on_day = exposed_groups(_less(per_day[i], credit))
                if any(
                    exposure_days.get(g, 0) - (g in exposed[i]) + (g in on_day) < n
                    for g, n in keep.items()
                    if g in exposed[i] and g not in on_day
                ):
                    continue
                # every muscle of a major group keeps the dose (a group counted by its
                # best-trained muscle would hide the hamstrings under the squats' glutes)
                if dose and any(
                    c > 0 and week.get(m, 0.0) - c < dose
                    for m, c in credit.items()
                    if m in MAJOR_MUSCLES
                ):
                    continue
                if (
                    full_days
                    and full[i]
                    and len(on_day) < len(MAJOR_GROUPS)
                    and sum(full) - 1 < full_days
                ):
                    continue
                spared = sum(touches(e, g) for g, n in totals.items() if g != group and n <= most)
                key = (
                    -day_sets,
                    float(e.compound),
                    -float(e.sets),
                    spared,
                    -touch,
                    -float(i),
                    -float(k),
                )
                if best is None or key < best[0]:
                    best = (key, (i, j, k))
    return best[1] if best is not None else None


def hold_weekly_volume(
    days: list[DayPlan],
    most: float,
    least_sets: int,
    retime: Callable[[Session, Session], Session],
    *,
    strength_days: int = 2,
    least_of: Callable[[Exercise], int] | None = None,
    kept: Mapping[str, float] | None = None,
    dose: float = 0.0,
    floors: Mapping[Where, int] | None = None,
    spared: frozenset[Where] = frozenset(),
) -> list[DayPlan]:
    """`days` with lifting sets taken off, one at a time, while a major group gets more than
    `most` hard sets a week, the group furthest over first. A set comes off a lift that
    trains the group (a lift keeps `least_sets`, one at least: novices progress on one to
    three, ACSM 2009), never where a group would lose a hard exposure it needs (on
    `strength_days` days, WHO 2020's strength days from the rules, or on as many as it had
    if fewer). On the day the group is trained most, an accessory goes before a compound
    (the heavy lifts keep the sets the rules give them), then the lift with the most sets,
    then the lift whose cut spares the groups within `most`, a primary muscle's lift before
    a secondary one's, later days and lifts before earlier ones.
    `retime` gives a changed session its minutes. With `least_of`, a lift also keeps the
    sets it names for it (a ceiling on the sets the block adds, never below week 1's). With
    `kept` (the hard sets each major group had in the last building week of the same day
    types), no cut takes a group under them: the ceiling takes back only sets the week
    added, not another group's (coach review 26: a week adding sets took a beginner's back
    10 -> 9.5 hard sets, its chest 8 -> 7). With `dose`, no cut takes a major muscle the
    week gives that many hard sets under it: a group over `most` only by other lifts'
    secondary credit gives the set from its own lifts, not from a lift that carries another
    group's dose (coach review 28: shoulders at 20 by the presses' half sets took chest's
    press set, chest 10 -> 9). With `floors` (each lift's sets, by its place in `days`, in
    that same week), no lift goes under them: a lift keeps the sets it had, even where they
    count as hard sets only from this week (a cautious start's exit step raising the
    effort), so the ceiling takes back only the sets this week added (coach review 29,
    OSTEO-BUILD-WEEK-CUTS-SETS: a wall posture hold 2 -> 1 and a row 3 -> 2 in an exit's
    building week, unsaid). The lifts at `spared` are neither counted nor cut: work a safety
    rule adds to the dose (the posture and back-extensor work a spine-care session opens
    with; EVIDENCE.md, osteoporosis: "Add posture and back-extensor work")."""

    def day_sets(i: int, day: DayPlan) -> dict[str, float]:
        if not spared:
            return _day_sets(day)
        return hard_sets_by_muscle(
            s.model_copy(
                update={
                    "exercises": [e for k, e in enumerate(s.exercises) if (i, j, k) not in spared]
                }
            )
            for j, s in enumerate(day.sessions)
            if _lifting(s)
        )

    per_day = [day_sets(i, d) for i, d in enumerate(days)]

    def floor(e: Exercise) -> int:
        return max(least_sets, least_of(e)) if least_of is not None else least_sets

    totals = _groups(_summed(per_day))
    if all(n <= most for n in totals.values()):
        return days  # most weeks: nothing over the ceiling
    keep = {g: min(n, strength_days) for g, n in _exposure_days(per_day).items()}
    out = days
    while True:
        cut = None
        # the group furthest over first; one whose sets cannot come down leaves the next
        for group in sorted((g for g in totals if totals[g] > most), key=lambda g: -totals[g]):
            banned = spared | frozenset(
                (i, j, k)
                for (i, j, k), n in (floors or {}).items()
                if out[i].sessions[j].exercises[k].sets <= n
            )
            cut = _best_cut(
                out, per_day, group, totals, most, keep, floor, dose=dose, kept=kept, banned=banned
            )
            if cut is not None:
                break
        if cut is None:
            break
        i, j, k = cut
        out = _with_sets(out, cut, out[i].sessions[j].exercises[k].sets - 1)
        per_day[i] = day_sets(i, out[i])
        totals = _groups(_summed(per_day))
    return days if out is days else retimed_days(days, out, retime)


def raise_weekly_volume(
    days: list[DayPlan],
    least: float,
    grow: Callable[[int, Session, Exercise], bool],
    retime: Callable[[int, Session, Session], Session],
    *,
    most: float | None = None,
) -> list[DayPlan]:
    """`days` with lifting sets added, one at a time, while a major group gets fewer than
    `least` hard sets a week (a trained lifter's minimum effective dose, COACHING.md §2-3),
    the group furthest under first. A set goes to a hard lift that trains the group as a
    primary muscle, the lift with the fewest sets first, then earlier days and lifts;
    `grow(day, session, lift)` says whether one more set fits (the rules' top for the lift,
    the day's minutes) and takes its time. `retime(day, before, after)` gives a changed
    session its minutes. With `most` (the weekly ceiling), no set goes to a lift whose set
    would take a major group it trains past it (a chest press's half set for the
    shoulders)."""
    out = days
    while True:
        totals = group_sets(out)
        added = False
        for group in sorted((g for g in totals if totals[g] < least), key=lambda g: totals[g]):
            spots = sorted(
                (
                    (e.sets, i, k, j)
                    for i, d in enumerate(out)
                    for j, s in enumerate(d.sessions)
                    if _lifting(s)
                    for k, e in enumerate(s.exercises)
                    if touches(e, group) >= 1
                    and is_hard_set(e)
                    and (
                        most is None
                        or all(totals[g] + touches(e, g) <= most for g in totals if touches(e, g))
                    )
                )
            )
            for sets, i, k, j in spots:
                session = out[i].sessions[j]
                if grow(i, session, session.exercises[k]):
                    out = _with_sets(out, (i, j, k), sets + 1)
                    added = True
                    break
            if added:
                break
        if not added:
            break
    if out is days:
        return days
    result = []
    for i, (old, new) in enumerate(zip(days, out, strict=True)):
        sessions = [
            retime(i, a, b) if a is not b else a
            for a, b in zip(old.sessions, new.sessions, strict=True)
        ]
        result.append(DayPlan(day=old.day, sessions=sessions))
    return result


def is_extra(e: Exercise) -> bool:
    """An isolation or core lift that trains no major group as a primary muscle (a curl, a
    triceps extension, a calf raise, a woodchop): more for the first goal, never part of a
    major group's dose (COACHING.md §2-3)."""
    return not e.compound and not any(
        c >= 1 and m in MAJOR_MUSCLES for m, c in muscle_credit(e).items()
    )


def _extra_cut(
    days: list[DayPlan], open_days: frozenset[int], least_sets: int, banned: frozenset[Where]
) -> Where | None:
    """The extra (`is_extra`) on `open_days` to take a set off: one above `least_sets`, the
    one with the most sets first, then later days and lifts."""
    spots = [
        (e.sets, i, k, j)
        for i, d in enumerate(days)
        if i in open_days
        for j, s in enumerate(d.sessions)
        if _lifting(s)
        for k, e in enumerate(s.exercises)
        if is_extra(e) and is_hard_set(e) and e.sets > least_sets and (i, j, k) not in banned
    ]
    if not spots:
        return None
    _, i, k, j = max(spots)
    return (i, j, k)


def trim_past_dose(
    days: list[DayPlan],
    dose: float,
    most: float,
    least_sets: int,
    retime: Callable[[Session, Session], Session],
    *,
    open_days: frozenset[int],
    strength_days: int,
    enough: Callable[[list[DayPlan]], bool],
    accept: Callable[[list[DayPlan]], bool] = lambda days: True,
    drop_extras: tuple[Callable[[list[DayPlan]], bool], Callable[[list[DayPlan]], bool]]
    | None = None,
    least_of: Callable[[Exercise], int] | None = None,
) -> list[DayPlan]:
    """`days` with lifting sets taken off, one at a time, while a major group gets more than
    `most` hard sets a week and `enough(days)` (with the changed sessions retimed) is false:
    the first goal's dose is met, so sets past its top give way to WHO's aerobic minutes
    (COACHING.md §2; coach review 14, EXTRA-SETS-BEFORE-WHO-AEROBIC). A set comes off only
    a lift on `open_days` (a day whose steady block after lifting takes the minutes), never
    taking a group the week gives `dose` under it, a lift under `least_sets`, a group below
    its hard exposures on `strength_days` days, or the week below as many days with every
    group exposed (WHO's strength days), nor where `accept` refuses the week after the cut
    (a mirrored week's dose). The extras (`is_extra`: isolation and core lifts that are no
    major group's main work) come down to `least_sets` first, most sets first (coach review
    15, CAP-AND-TRIM-CUT-MAIN-LIFTS: a woodchop kept 3 sets while the deadlift went to 2);
    then the sets past the dose, in `hold_weekly_volume`'s order; with `drop_extras` (its own
    `accept`: an extra left out never lengthens another week's lifting, so it reads only the
    dose; and its own `enough`, which counts the days' free minutes the walks will take),
    then the extras themselves, one lift at a time, the most sets and the last first,
    never taking a group the week gives `dose` under it by their secondary credit (coach review 36,
    ACCESSORIES-BEFORE-WHO-AEROBIC: a strength-first man with controlled hypertension on 2 x
    60 minutes kept a curl, calf raises, a woodchop and a carry, 12 extra sets, while his
    walks after lifting were 13 and 12 minutes, 25 of 150). With `least_of`, a lift keeps
    the sets it names for it in place of `least_sets` (a trained lifter's compound its
    dose's fewest, `progress._start_near_dose`)."""
    per_day = [_day_sets(d) for d in days]
    keep = {g: min(n, strength_days) for g, n in _exposure_days(per_day).items()}
    full_days = min(
        strength_days,
        sum(1 for sets in per_day if len(exposed_groups(sets)) == len(MAJOR_GROUPS)),
    )

    def floor(e: Exercise) -> int:
        return min(least_sets if least_of is None else least_of(e), e.sets)

    def timed(out: list[DayPlan]) -> list[DayPlan]:
        return days if out is days else retimed_days(days, out, retime)

    def extra(out: list[DayPlan], banned: frozenset[Where]) -> Where | None:
        return _extra_cut(out, open_days, least_sets, banned)

    def past_dose(out: list[DayPlan], banned: frozenset[Where]) -> Where | None:
        totals = _groups(_summed(per_day))
        for group in sorted((g for g in totals if totals[g] > most), key=lambda g: -totals[g]):
            cut = _best_cut(
                out,
                per_day,
                group,
                totals,
                most,
                keep,
                floor,
                dose=dose,
                open_days=open_days,
                full_days=full_days,
                banned=banned,
            )
            if cut is not None:
                return cut
        return None

    out = days
    banned: set[Where] = set()
    # the extras first (a lift that is no major group's main work: core, arms, calves),
    # then the sets past the dose
    for find in (extra, past_dose):
        while not enough(timed(out)):
            cut = find(out, frozenset(banned))
            if cut is None:
                break
            i, j, k = cut
            trial = _with_sets(out, cut, out[i].sessions[j].exercises[k].sets - 1)
            if not accept(trial):
                banned.add(cut)
                continue
            out = trial
            per_day[i] = _day_sets(out[i])
    if drop_extras is None:
        return timed(out)
    drop_accept, drop_enough = drop_extras
    refused: set[Where] = set()
    while not drop_enough(timed(out)):
        cut = _extra_cut(out, open_days, 0, frozenset(refused))
        if cut is None:
            break
        trial = without_exercise(out, cut)
        before = _groups(_summed(per_day))
        after = _groups(_summed([_day_sets(d) for d in trial]))
        if not drop_accept(trial) or any(
            after.get(g, 0.0) < min(dose, n) for g, n in before.items()
        ):
            refused.add(cut)
            continue
        out = trial
        per_day[cut[0]] = _day_sets(out[cut[0]])
        # (the lifts after it move up a place: what was refused is read again)
        refused.clear()
    return timed(out)
