"""LIFTING-SETS-FALL-WHILE-BUILDING for trained lifters (branch setsfall30; left open by coach
review 28's vol29 and coach review 29), with its smallest profiles as named tests, a test that
the audit's check faults the old plan, and a property over trained muscle- or strength-first
lifters.

LIFTING-SETS-FALL-WHILE-BUILDING (progression) A 30-year-old man, muscle first, intermediate,
    active, four days (upper/lower), 12 weeks: week 10 is a building week (a load week) with
    the same day types on the same days as week 9, yet Monday's supported one-arm row went
    4 -> 3 sets while the floor press went 4 -> 5: back 11.5 -> 10.5 hard sets a week, chest
    12 -> 13, and no note said a set was cut. *Cause:* the set step (`set_step_lifts`: the
    sets the building weeks added so far go round a session's lifts, one a lift before any
    gets a second) was costed lift by lift: the first lift took every set the step gave it,
    its second new set included, before the next lift asked for its first. Where the day's
    minutes ran out, the earlier lift's second new set had spent the minutes that kept a
    later lift's set of the week before. *Decision:* the step takes the day's room a round at
    a time (`progress._set_step`): every lift gets its next set before any gets the one
    after, so a week never gives one lift a second new set while a lift after it loses the
    set it had. The check is `lifting-sets-fall-while-building`, read lift by lift by
    `required-lift-sets-cut-while-building`.

EFFORT-INCOHERENT beside a passing illness (left open by coach review 29) A 30-year-old man,
    strength first, intermediate, active, with a passing illness: the two light weeks back
    showed every strength lift as "4-6 reps at RIR 6, RPE 4, 49 % 1RM", where 4-6 reps with 6
    in reserve is a 10-12-rep-max load, about 67-75 % 1RM (the intensity table, NSCA 2015).
    *Cause:* the illness's week-scoped holds (`safety/illness-delay`: light, at most 50 %
    1RM and RPE 4 in weeks 1-2) are applied after the weeks are built (`weekly.hold_week`),
    one measure at a time: the load was capped and the RPE too, and the reserve was read
    from the RPE, not from the load. *Decision:* in a week held to light, a set the held
    load leaves far from failure (49 % is about a 30-rep-max load) is a light set at the same
    reps: no RIR, the light zone's RPE 3-4, a light load's rests, the session headed by its
    sets' RPE span (`weekly._far_sets_light`, `intensity.cohere(keep_reps=True)`). The reps
    stay: the session's minutes and the next week's notes were made with them. The moderate
    weeks 3-5 (5-6 reps at RIR 4 shown at 69 %) are left open (docs/planning.md).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS, effort_incoherent, major_group_sets
from endoprotocol.plan import Range
from endoprotocol.planner import progress, weekly
from tests.builtin import audit_check, builtin_library, builtin_plan, plan_of, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "lifting-sets-fall-while-building"
BY_LIFT = "required-lift-sets-cut-while-building"

# the smallest profile: four days, upper/lower
SMALLEST = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days_per_week": 4,
    "currently_active": True,
}
# the profile the vol29 branch left open (six offered days, four of them lifting)
SIXTY = {**SMALLEST, "age": 60, "days_per_week": 6}
# an advanced strength-first lifter on five days: quads 13 -> 11 in week 10
STRENGTH = {**SMALLEST, "goals": ["strength"], "experience": "advanced", "days_per_week": 5}
# a 53-year-old on three full-body days of 90 minutes, 16 weeks: back 12.5 -> 12 in week 14
FULL_BODY = {
    "age": 53,
    "sex": "male",
    "goals": ["strength", "insulin-sensitivity"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 90,
    "currently_active": True,
}
# ... on 105-minute days: since session 31 (HEAVY-LIFTS-NO-RAMP-UP-TIME) the 90-minute days
# hold the ramp-up before their heavy lifts, and the old set step no longer takes a group's
# set there; a quarter of an hour more gives it the room it had
FULL_BODY_LONG = {**FULL_BODY, "minutes_per_session": 105}


def _groups(plan: Any, week: int) -> dict[str, float]:
    return dict(major_group_sets(week_lifting(plan.weeks[week - 1])))


def _sets(plan: Any, week: int, day: str) -> dict[str, int]:
    days = plan.weeks[week - 1].days
    return {
        e.name: e.sets
        for d in days
        if d.day.value == day
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
    }


def _old_set_step(
    session: Any,
    sets: list[int],
    step: int,
    scheme: Any,
    outcome: Any,
    room: Any,
    most: Any = None,
) -> list[int]:
    """The set step as it was before this branch: each lift takes every set the step gives
    it, in order, before the next lift asks for its first (`most`, stack33's hold in a week
    with no set step, is not read)."""
    out = list(sets)
    count = max(len(session.exercises), 1)
    added = step * scheme.set_step_lifts if scheme.set_step_lifts else 0
    for i, ex in enumerate(session.exercises):
        more = (
            added // count + (i < added % count)
            if scheme.set_step_lifts
            else step // scheme.add_sets_every
        )
        cap = progress._set_cap(outcome, ex, session.modality)
        wanted = min(out[i] + more, max(cap, out[i]))
        partner = next((e for e in session.exercises if e.name == ex.paired_with), None)
        out[i] = room.take(ex, out[i], wanted, partner)
    return out


def test_the_smallest_profile_keeps_its_back_sets_in_week_10() -> None:
    plan = builtin_plan(weeks=12, **SMALLEST)
    assert plan.weeks[9].load_change_pct > plan.weeks[8].load_change_pct  # a load week
    # Monday's row keeps week 9's sets (4 before twoset42, session 32, 3 since: the
    # compounds start at 3 and the floor press takes week 9's set step); the floor press is
    # not given a 5th in its place
    assert _sets(plan, 10, "monday")["Supported one-arm dumbbell row"] == 3
    assert _sets(plan, 10, "monday") == _sets(plan, 9, "monday")
    # back 11.5 hard sets a week in weeks 9-11 (was 11.5 -> 10.5 -> 10.5), chest 15 (12
    # before twoset42 started the compounds at 3 sets, session 32; 13 before review 30)
    for week in (9, 10, 11):
        groups = _groups(plan, week)
        assert (groups["back"], groups["chest"]) == (11.5, 15), week
    for name in (CHECK, BY_LIFT):
        verdict = audit_check(name, SMALLEST, plan)
        assert verdict.applies, name
        assert not verdict.faults, verdict.faults


@pytest.mark.parametrize(
    ("data", "weeks"), [(SIXTY, 12), (STRENGTH, 12), (FULL_BODY, 16)], ids=["60", "str", "fb"]
)
def test_the_other_profiles_keep_their_sets(data: dict[str, Any], weeks: int) -> None:
    plan = builtin_plan(weeks=weeks, **data)
    for name in (CHECK, BY_LIFT):
        verdict = audit_check(name, data, plan)
        assert verdict.applies, name
        assert not verdict.faults, verdict.faults


@pytest.mark.parametrize(
    ("data", "weeks", "where", "what"),
    [
        # (week 11 since stack33 moved the set steps to reps weeks: week 10 is a load week)
        # (week 9, shoulders, since twoset42 started trained compounds at 3 sets, session 32)
        (SMALLEST, 12, "week 9", "shoulders 19.5 -> 19"),
        # (week 11 since branch days30 laid six offered days out again: chest 11 -> 10)
        # (week 9 since twoset42, session 32)
        (SIXTY, 12, "week 9", "chest 11 -> 10"),
        # (STRENGTH's old quads 13 -> 11 in week 10 was a load week's set step: since stack33
        # there is none there, and the old step's loss is no longer a group's)
        # (week 9 since branch dl31's A/B/A then B/A/B weeks: back 12.5 -> 12 in week 14 before;
        # on 105-minute days since session 31: `FULL_BODY_LONG`; chest 11 -> 10 since the
        # heavy lifts' ramp-up sets are timed, session 32; since twoset42 no group's hard
        # sets fall with the old step, only a required lift's sets: `BY_LIFT` alone)
        (FULL_BODY_LONG, 16, None, None),
    ],
    ids=["smallest", "60", "fb"],
)
def test_the_check_finds_the_old_set_step(
    monkeypatch: pytest.MonkeyPatch,
    data: dict[str, Any],
    weeks: int,
    where: str | None,
    what: str | None,
) -> None:
    monkeypatch.setattr(progress, "_set_step", _old_set_step)
    old = plan_of(data, weeks=weeks)
    faults = audit_check(CHECK, data, old).faults
    if where is None:
        assert not faults
    else:
        assert [f.where for f in faults][:1] == [where]
        assert what is not None
        assert what in faults[0].what
    assert audit_check(BY_LIFT, data, old).faults


@st.composite
def trained_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people lifting for muscle or strength first: intermediate or advanced,
    active, on two to six days of 45-120 minutes, any kit and (sparse) conditions."""
    data = draw(profiles(max_age=80))
    first = draw(st.sampled_from(["muscle", "strength"]))
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data.pop("days", None)
    data.update(
        days_per_week=draw(st.integers(2, 6)),
        minutes_per_session=draw(st.sampled_from([45, 60, 75, 90, 120])),
    )
    return data


@pytest.mark.parametrize("weeks", [8, 10, 12, 14, 16])
def test_trained_lifting_never_falls_while_building(
    record_property: pytest.RecordProperty, weeks: int
) -> None:
    audit_property(
        trained_lifters(),
        {
            CHECK: PROGRESSION_CHECKS[CHECK],
            BY_LIFT: PROGRESSION_CHECKS[BY_LIFT],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=weeks,
    )


# the smallest profile of the illness's light weeks
ILL = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["acute-illness"],
}


def _light_week_faults(data: dict[str, Any], plan: Any) -> list[Any]:
    light = {f"week {w.week} " for w in plan.weeks if w.max_intensity == "light"}
    faults = audit_check("effort-incoherent", data, plan).faults
    return [f for f in faults if any(f.where.startswith(w) for w in light)]


def test_the_illness_light_weeks_hold_light_sets_at_their_reps() -> None:
    plan = builtin_plan(weeks=4, **ILL)
    for week in plan.weeks[:2]:
        assert week.max_intensity == "light"
        for s in week_lifting(week):
            assert s.intensity.rpe == Range.of(3, 4)
            for e in s.exercises:
                if e.intensity.pct_1rm is None or e.reps is None:
                    continue
                # the reps the week was built with, a light set at the capped load
                assert e.reps.max <= 6, e.name
                assert e.intensity.rir is None, e.name
                assert e.intensity.rpe == Range.of(3, 4), e.name
                assert e.intensity.pct_1rm.max <= 50, e.name
    assert not _light_week_faults(ILL, plan)
    for name in ("session-effort-misstated", "effort-split-in-session", "reps-note-unkept"):
        assert not audit_check(name, ILL, plan).faults, name


def test_the_check_finds_the_old_light_weeks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weekly, "_far_sets_light", lambda held, *args: held)
    old = plan_of(ILL, weeks=4)
    faults = _light_week_faults(ILL, old)
    assert faults
    assert "4-6 reps at RIR 6-6" in faults[0].what
    assert "not 49-49" in faults[0].what


@st.composite
def ill_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """People back from a passing illness who lift: any goal (muscle or strength first half
    the time), any experience, mostly active, on two to six days."""
    data = draw(profiles(max_age=80))
    if draw(st.booleans()):
        first = draw(st.sampled_from(["muscle", "strength"]))
        data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    data["currently_active"] = draw(st.sampled_from([True, True, False]))
    conditions = [c for c in data["conditions"] if c != "pregnancy"][:2]
    data["conditions"] = [*conditions, "acute-illness"]
    data.pop("pregnancy_week", None)
    data.pop("screening", None)
    data.pop("days", None)
    data.update(
        days_per_week=draw(st.integers(2, 6)),
        minutes_per_session=draw(st.sampled_from([30, 45, 60, 90])),
    )
    return data


def test_light_weeks_after_an_illness_are_coherent(
    record_property: pytest.RecordProperty,
) -> None:
    def light_weeks_coherent(profile: Any, plan: Any) -> None:
        light = {w.week for w in plan.weeks if w.max_intensity == "light"}
        verdict = effort_incoherent(profile, plan, builtin_library())
        bad = [f for f in verdict.faults if int(f.where.split()[1]) in light]
        assert not bad, "\n".join(map(str, bad))

    audit_property(
        ill_lifters(),
        {
            name: PROGRESSION_CHECKS[name]
            for name in ("session-effort-misstated", "effort-split-in-session", "reps-note-unkept")
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
        extra=light_weeks_coherent,
    )
