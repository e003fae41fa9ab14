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
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SELECTION_CHECKS
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
