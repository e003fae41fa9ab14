"""Coach review 18's kinds on branch words18, each with its smallest profile as a named test
and a property over the people the kind is about.

TOKEN-POOL-SESSION (wording: feasibility) An 88-year-old with a pool had a required "Pool
    session" of 6 minutes of pool walking after a home lifting circuit and balance practice
    on Monday and Friday. *Cause:* the steady picker ranks the kit the person listed first,
    with no least length for kit at a venue the person travels to. *Decision:* a steady
    session that shares its day with other required sessions takes kit at a venue (the
    library's `venue_minutes`: a pool, 20 minutes) only when it lasts that long; otherwise a
    walk or the person's home kit (`SessionBuilder._steady_pool`). A pool session on a day of
    its own keeps its length. Check `token-venue-block`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SELECTION_CHECKS, WEEK_CHECKS
from endoprotocol.planner.sessions import SessionBuilder
from tests.builtin import audit_check, builtin_plan, plan_of, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach18/min/*.yaml: the smallest profiles of the kinds
POOL = {
    "age": 88,
    "sex": "male",
    "goals": ["endurance"],
    "minutes_per_session": 30,
    "equipment": ["pool"],
}
# coach review 18's p05: the same man with a bike too
POOL_AND_BIKE = {
    "age": 88,
    "sex": "male",
    "goals": ["endurance", "mood-cognition"],
    "experience": "intermediate",
    "days": ["monday", "wednesday", "thursday", "saturday"],
    "minutes_per_session": 30,
    "equipment": ["bike", "pool", "bodyweight"],
    "currently_active": True,
    "conditions": ["hypertension", "poor-sleep"],
    "blood_pressure": {"systolic": 134, "diastolic": 78},
}


def _steady_work(plan: Any, week: int) -> list[int]:
    """The work minutes of each required steady session of a week, in day order."""
    return [
        int(e.work_seconds.max // 60)
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
        if e.work_seconds is not None
    ]


# ---- TOKEN-POOL-SESSION ----------------------------------------------------------------------


def test_an_88_year_olds_6_minute_pool_block_becomes_a_walk() -> None:
    plan = builtin_plan(weeks=4, **POOL)
    for week in (1, 2, 3, 4):
        for day in ("monday", "friday"):
            sessions = required_sessions(plan, day, week)
            assert [s.title for s in sessions] == [
                "Full body A" if day == "monday" else "Full body B",
                "Balance practice",
                "Brisk walk",
            ], (day, week)
            walk = sessions[-1]
            assert walk.duration_minutes == 6
            assert [e.name for e in walk.exercises] == ["Brisk walk"]
            assert walk.exercises[0].work_seconds is not None
            assert walk.exercises[0].work_seconds.max == 360
        # the pool session on a day of its own keeps its pool and its length
        wednesday = required_sessions(plan, "wednesday", week)
        assert wednesday[0].title == "Pool session"
        assert wednesday[0].duration_minutes == 25
        assert [e.name for e in wednesday[0].exercises] == ["Pool walking or aqua jog"]
    assert sum(_steady_work(plan, 1)) == 22  # the minutes are the same, walked
    verdict = audit_check("token-venue-block", POOL, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults
    assert not audit_check("cardio-not-real", POOL, plan).faults


def test_a_short_block_beside_lifting_takes_the_bike_the_person_owns() -> None:
    plan = builtin_plan(weeks=4, **POOL_AND_BIKE)
    monday = required_sessions(plan, "monday", 1)
    assert [s.title for s in monday] == ["Full body A", "Balance practice", "Bike ride"]
    assert monday[-1].duration_minutes == 7
    assert [e.name for e in monday[-1].exercises] == ["Stationary bike steady ride"]
    assert not audit_check("token-venue-block", POOL_AND_BIKE, plan).faults
    assert not audit_check("cardio-not-real", POOL_AND_BIKE, plan).faults


def test_the_venue_check_finds_the_old_pool_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with the old picker (no least length for a pool), Monday and Friday are flagged
    in every week."""
    old = SessionBuilder._steady_pool
    monkeypatch.setattr(
        SessionBuilder,
        "_steady_pool",
        lambda self, pool, minutes, block=None: old(self, pool, minutes),
    )
    plan = plan_of(POOL, weeks=4)
    assert required_sessions(plan, "monday", 1)[-1].title == "Pool session"
    faults = audit_check("token-venue-block", POOL, plan).faults
    assert len(faults) == 8
    assert faults[0].where == "week 1 monday 'Pool session'"
    assert "6 minutes at the venue (least 20)" in faults[0].what


@st.composite
def pool_people(draw: st.DrawFn) -> dict[str, Any]:
    """People with a pool in their kit, any age, goals, days and conditions."""
    data = draw(profiles())
    data["equipment"] = sorted({*data["equipment"], "pool"})
    return data


def test_no_token_pool_block(record_property: pytest.RecordProperty) -> None:
    audit_property(
        pool_people(),
        {
            "token-venue-block": WEEK_CHECKS["token-venue-block"],
            "cardio-not-real": SELECTION_CHECKS["cardio-not-real"],
        },
        record_property,
        examples=EXAMPLES,
    )
