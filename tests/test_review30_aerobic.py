"""Coach review 30's aerobic kinds (branch aerobic30), each with its smallest profile as a
named test, a test that the audit's check faults the old plan, and a property over the
aerobic-first people (endurance, stress-resilience or mood-cognition first).

ENDURANCE-ATHLETE-LONG-DAYS-ARE-WALKS (F7, the modality does not fit the person) A 30-year-old
    advanced, active man, endurance first, with a pool and 120-minute days had "Pool walking
    or aqua jog: 80 min" as his only long session; with a bike, a treadmill and a pool (the
    review's p12) two of three long sessions were walks (pool walking 80 minutes, an incline
    walk 80-95 minutes). *Cause:* a runner's required steady pool was sorted run-first, but
    the picker rotated over the whole tier of options as good by kit and level, walks with
    no training pace among them. *Decision:* a trained, active endurance-first person's
    required steady sessions above light effort rotate only among work with a training pace
    (a run, ride, swim or row: the library's entries with a tempo form) where any is open; a
    walk only where nothing else is, or where a rule asking for impact-free work leaves
    nothing else. Optional extras and light days may stay easy walks (DESIGN.md v1.1).
    Check `trained-endurance-given-walks`.

FIRST-GOAL-AEROBIC-BACKBONE-YIELDS-TO-LIFTING (F4, priority of time) A 35-year-old woman,
    mood first, on one day of the default 45 minutes had a 36-minute full body and a 9-minute
    walk; an endurance-first advanced man on 3 x 45 had two 32-minute full-body days with
    13-minute add-ons. *Cause:* the scheduler held an aerobic-first person's lifting day to
    its smallest hard form only until the few brisk minutes of a walk (5) fitted after it.
    *Decision:* the first goal's own session is one continuous steady bout of 20 minutes
    (the core pack's `backbone_walk_minutes`; its BDNF entry gives the acute rise to 20+
    minutes): on a day with room for it and the least lifting work, the walk after the
    lifting is at least that long and the lifting takes what is left (its smallest hard
    form, else its main lifts, down to one set); on shorter days, while no day of the week
    holds the bout, a lifting day gives way to a steady session of the whole day when
    another lifting day remains. Check `aerobic-first-backbone-squeezed`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SELECTION_CHECKS, WEEK_CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
AEROBIC_FIRST = ["endurance", "stress-resilience", "mood-cognition"]

# coach review 30's smallest profile for F7 (min/m_endurance_poolwalk.yaml)
POOL_ATHLETE = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["pool"],
    "minutes_per_session": 120,
}
# the review's p12: bike, treadmill, pool and dumbbells, 7 x 120
KIT_ATHLETE = {
    **POOL_ATHLETE,
    "days_per_week": 7,
    "equipment": ["bike", "treadmill", "pool", "dumbbells"],
}
WALKS = {"Pool walking or aqua jog", "Treadmill incline walk", "Brisk walk"}
# coach review 30's smallest profile for F4 (min/m_mood_1day.yaml: 45 minutes by default)
MOOD_ONE_DAY = {"age": 35, "sex": "female", "goals": ["mood-cognition"], "days_per_week": 1}
# the review's second case for F4
ENDURANCE_3X45 = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 3,
    "minutes_per_session": 45,
}


def _day(plan: Plan, week: int, day: str) -> dict[str, int]:
    """A day's required minutes by modality."""
    out: dict[str, int] = {}
    for d in plan.weeks[week - 1].days:
        if d.day.value == day:
            for s in d.sessions:
                if not s.optional:
                    out[s.modality.value] = out.get(s.modality.value, 0) + s.duration_minutes
    return out


def test_the_mood_first_day_walks_twenty_minutes_before_lifting_takes_the_rest() -> None:
    """What she would notice: Monday's walk is 20 minutes (was 9), the full body 25 (was
    36); the plan now claims the acute BDNF rise, whose dose (20+ minutes) it holds."""
    plan = builtin_plan(weeks=4, **MOOD_ONE_DAY)
    for week in (1, 2, 3):
        monday = _day(plan, week, "monday")
        assert monday["endurance"] >= 20
        assert monday["resistance"] + monday["endurance"] <= 45
    assert _day(plan, 1, "monday") == {"resistance": 25, "endurance": 20}
    assert any(e.target.value == "bdnf" and e.timescale == "acute" for e in plan.expected_effects)
    assert not audit_check("aerobic-first-backbone-squeezed", MOOD_ONE_DAY, plan).faults


def test_the_endurance_athletes_lifting_days_hold_a_real_run() -> None:
    """3 x 45, endurance first: each lifting day's run is 20 minutes or more (were 13)."""
    plan = builtin_plan(weeks=4, **ENDURANCE_3X45)
    lifting_days = [
        d.day.value
        for d in plan.weeks[0].days
        if any(s.modality.value == "resistance" and not s.optional for s in d.sessions)
    ]
    assert lifting_days
    for day in lifting_days:
        assert _day(plan, 1, day)["endurance"] >= 20
    assert not audit_check("aerobic-first-backbone-squeezed", ENDURANCE_3X45, plan).faults


def test_two_short_days_give_one_to_the_bout() -> None:
    """2 x 30, stress first: no day holds 20 minutes of walking and a lifting session, so
    one day is a 30-minute walk and the other keeps its lifting."""
    profile = {
        "age": 40,
        "sex": "male",
        "goals": ["stress-resilience"],
        "days_per_week": 2,
        "minutes_per_session": 30,
    }
    plan = builtin_plan(weeks=4, **profile)
    days = [_day(plan, 1, d.day.value) for d in plan.weeks[0].days]
    days = [d for d in days if d]
    assert any(d.get("endurance", 0) >= 20 and "resistance" not in d for d in days)
    assert any("resistance" in d for d in days)
    assert not audit_check("aerobic-first-backbone-squeezed", profile, plan).faults


def _split(day: Any, *, lifting: int, steady: int) -> None:
    """Set a day's lifting and required steady sessions to these minutes (an old plan's
    split of the day)."""
    for s in day.sessions:
        if s.modality.value == "resistance":
            s.duration_minutes = lifting
        elif s.modality.value == "endurance" and not s.optional:
            s.duration_minutes = steady


def test_the_backbone_check_faults_the_old_split() -> None:
    """Monday as the old planner split it: a 36-minute full body and a 9-minute walk."""
    plan = builtin_plan(weeks=1, **MOOD_ONE_DAY)
    old = plan.model_copy(deep=True)
    monday = next(d for d in old.weeks[0].days if d.day.value == "monday")
    _split(monday, lifting=36, steady=9)
    faults = audit_check("aerobic-first-backbone-squeezed", MOOD_ONE_DAY, old).faults
    assert [f.where for f in faults] == ["week 1 monday"]
    assert "36 minutes of lifting and a steady session of 9" in faults[0].what
    # an endurance athlete's lifting day with a 13-minute add-on
    three = builtin_plan(weeks=1, **ENDURANCE_3X45)
    token = three.model_copy(deep=True)
    day = next(
        d for d in token.weeks[0].days if any(s.modality.value == "resistance" for s in d.sessions)
    )
    _split(day, lifting=32, steady=13)
    faults = audit_check("aerobic-first-backbone-squeezed", ENDURANCE_3X45, token).faults
    assert [f.where for f in faults] == [f"week 1 {day.day.value}"]
    assert "32 minutes of lifting and a steady session of 13" in faults[0].what


def _required_steady(plan: Plan) -> list[tuple[int, str, str, int]]:
    """Every required steady session's exercises, as (week, day, exercise, minutes)."""
    return [
        (w.week, d.day.value, e.name, round((e.work_seconds.max if e.work_seconds else 0) / 60))
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
    ]


def test_the_pool_athletes_long_session_is_a_swim() -> None:
    """What he would notice: every required pool session, the long one included, is lap
    swimming; no required session is pool walking."""
    plan = builtin_plan(weeks=4, **POOL_ATHLETE)
    steady = _required_steady(plan)
    assert steady
    assert {name for _, _, name, _ in steady} == {"Lap swimming"}
    longest = max(minutes for _, _, _, minutes in steady)
    assert longest >= 80  # the long session keeps its minutes
    assert not audit_check("trained-endurance-given-walks", POOL_ATHLETE, plan).faults


def test_the_kit_athletes_long_sessions_use_his_machines() -> None:
    """p12: the long sessions are a ride, a swim and a run, no walk among them."""
    plan = builtin_plan(weeks=4, **KIT_ATHLETE)
    names = {name for _, _, name, _ in _required_steady(plan)}
    assert not names & WALKS
    assert {"Stationary bike steady ride", "Lap swimming", "Treadmill run"} <= names


def test_the_check_faults_the_old_plan() -> None:
    """The old planner's long session, pool walking, swapped back into the plan."""
    plan = builtin_plan(weeks=1, **POOL_ATHLETE)
    library = builtin_library()
    walk = next(e for e in library.exercises if e.name == "Pool walking or aqua jog")
    old = plan.model_copy(deep=True)
    long = max(
        (s for d in old.weeks[0].days for s in d.sessions if s.modality.value == "endurance"),
        key=lambda s: s.duration_minutes,
    )
    long.exercises = [
        long.exercises[0].model_copy(update={"name": walk.name, "notes": walk.cue}),
        *long.exercises[1:],
    ]
    faults = audit_check("trained-endurance-given-walks", POOL_ATHLETE, old).faults
    assert len(faults) == 1
    assert "Pool walking or aqua jog (80 min)" in faults[0].what
    assert "Lap swimming" in faults[0].what


def test_a_beginner_and_an_inactive_athlete_may_still_walk() -> None:
    """The check reads only the trained and active: a beginner is not faulted for pool
    walking (lap swimming is above a beginner's level, coach review 10)."""
    beginner = {**POOL_ATHLETE, "experience": "beginner"}
    verdict = audit_check("trained-endurance-given-walks", beginner, builtin_plan(1, **beginner))
    assert not verdict.applies


@st.composite
def aerobic_first_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose first goal is built on aerobic work (endurance, stress or mood), more of
    them trained and active, with cardio kit often listed."""
    data = draw(profiles(max_age=79))
    first = draw(st.sampled_from(AEROBIC_FIRST))
    data["goals"] = [first, *[g for g in data["goals"] if g != first]][:3]
    if draw(st.booleans()):
        data["currently_active"] = True
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    kit = draw(st.lists(st.sampled_from(["pool", "treadmill", "bike", "rower"]), max_size=3))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_aerobic_first_people_get_their_bout_first(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        aerobic_first_people(),
        {
            "aerobic-first-backbone-squeezed": WEEK_CHECKS["aerobic-first-backbone-squeezed"],
            "aerobic-first-extras-before-walk": WEEK_CHECKS["aerobic-first-extras-before-walk"],
            "first-goal-aerobic-squeezed": WEEK_CHECKS["first-goal-aerobic-squeezed"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )


def test_trained_endurance_people_get_paced_steady_work(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        aerobic_first_people(),
        {"trained-endurance-given-walks": SELECTION_CHECKS["trained-endurance-given-walks"]},
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
