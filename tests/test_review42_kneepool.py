"""Coach review 39's KNEE-PAIN-SEATED-MARCHING-DESPITE-POOL: a person with a painful knee (or
peripheral neuropathy) who owns a pool does the week's required aerobic minutes in the water
where the day holds the trip, and seated marching only where it cannot; the check faulting
the old plan, and a property over people whose rules keep impact out of their cardio.

KNEE-PAIN-SEATED-MARCHING-DESPITE-POOL (COACHING.md §1, exercise fit) A 40-year-old woman,
    endurance first, knee pain, a pool, three days of 45 minutes: Monday and Friday "Seated
    cardio 20 min" (seated marching) after home lifting, Wednesday's pool session the only
    required water work - 40 of 60 required aerobic minutes seated, while swimming and pool
    walking are the painful knee's textbook aerobic mode. *Cause:* the block after lifting
    was picked at the 14 minutes the scheduler first gave it, too short for a pool trip
    (library `venue_minutes`: 20), so the impact-free picker (`safety/knee-pain-impact-free-
    cardio`) took seated marching; the aerobic-first growth (`build._grow_joined_blocks`)
    then lengthened that block to 20 minutes without picking again, and stopped it at seated
    marching's 20-minute bout limit. *Decision:* a bout-limited block that grows to a length
    the person's own kit takes (the pool from its trip's 20 minutes, a bike at any length)
    is picked again (`SessionBuilder.kit_takes_block`) and grows past the bout limit as that
    kit's block would: the same plan a bike owner gets. Days too short for the trip keep the
    chair. Check `seated-aerobic-despite-better-kit`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "seated-aerobic-despite-better-kit"

# /tmp/s29/coach39/min/ (docs/planning.md, coach review 39)
SMALLEST = {
    "age": 40,
    "sex": "female",
    "goals": ["endurance"],
    "conditions": ["knee-pain"],
    "equipment": ["pool"],
}
NEUROPATHY = {**SMALLEST, "age": 63, "conditions": ["peripheral-neuropathy"]}
SHORT_DAYS = {**SMALLEST, "minutes_per_session": 30}
POOL_NAME = "Pool walking or aqua jog"
SEATED = ("Seated marching", "Chair aerobic circuit")


def _steady(plan: Any, week: int) -> list[tuple[str, Any, Any]]:
    """(day, session, exercise) of each required steady exercise in `week`."""
    return [
        (d.day.value, s, e)
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if not s.optional and s.modality.value == "endurance"
        for e in s.exercises
        if e.pattern.value == "cardio"
    ]


def _minutes(e: Any) -> float:
    return float(e.work_seconds.max) / 60


def test_smallest_profile_swims_after_lifting_not_seated() -> None:
    """Every week of the 8-week block: Monday and Friday lift and then go to the pool, the
    whole of the required aerobic minutes are pool work, nothing is seated marching, a walk
    or a run, and both lifting days stay."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    for w in plan.weeks:
        steady = _steady(plan, w.week)
        assert steady
        assert all(e.name == POOL_NAME for _, _, e in steady), w.week
        assert not any(e.name in SEATED for _, _, e in steady)
        days = {d.day.value: d for d in w.days}
        for day in ("monday", "friday"):
            kinds = [s.modality.value for s in days[day].sessions if not s.optional]
            assert kinds == ["resistance", "endurance"], (w.week, day)
            pool = days[day].sessions[1]
            assert pool.title == "Pool session"
            # the trip is worth it: at least the venue's least minutes in every week
            assert pool.duration_minutes >= 20
            assert sum(s.duration_minutes for s in days[day].sessions) <= 45
    week1 = sum(_minutes(e) for _, _, e in _steady(plan, 1))
    assert week1 >= 60
    for check in (CHECK, "impact-cardio-for-joint-pain", "cardio-not-real", "vetoed-tag-in-plan"):
        assert not audit_check(check, SMALLEST, plan).faults, check


def test_pool_owner_gets_the_bike_owners_week() -> None:
    """The pool owner's lifting and steady minutes match the same person's with a bike (home
    kit, never a trip): the pool is no longer traded for the chair."""
    pool = builtin_plan(weeks=4, **SMALLEST)
    bike = builtin_plan(weeks=4, **{**SMALLEST, "equipment": ["bike"]})
    for a, b in zip(pool.weeks, bike.weeks, strict=True):
        for da, db in zip(a.days, b.days, strict=True):
            ra = [(s.modality.value, s.duration_minutes) for s in da.sessions if not s.optional]
            rb = [(s.modality.value, s.duration_minutes) for s in db.sessions if not s.optional]
            assert ra == rb, (a.week, da.day)


def test_neuropathy_with_a_pool_too() -> None:
    """Peripheral neuropathy asks for impact-free cardio the same way: the 45-minute lifting
    days end in the pool, not seated."""
    plan = builtin_plan(weeks=4, **NEUROPATHY)
    steady = _steady(plan, 1)
    assert steady
    assert not any(e.name in SEATED for _, _, e in steady)
    assert not audit_check(CHECK, NEUROPATHY, plan).faults
    assert not audit_check("neuropathy-weight-bearing-cardio", NEUROPATHY, plan).faults


def test_a_day_too_short_for_the_trip_keeps_the_chair() -> None:
    """On 30-minute days the block after lifting is 12 minutes, too short for a pool trip:
    seated marching stays there (the fallback), the pool keeps its own day, and the check
    does not ask for a trip the day cannot hold."""
    plan = builtin_plan(weeks=4, **SHORT_DAYS)
    steady = _steady(plan, 1)
    seated = [(day, s) for day, s, e in steady if e.name in SEATED]
    assert seated
    assert all(s.duration_minutes < 20 for _, s in seated)
    assert any(e.name == POOL_NAME for _, _, e in steady)
    assert not audit_check(CHECK, SHORT_DAYS, plan).faults


def test_the_check_faults_the_old_plan() -> None:
    """The old week: Monday's and Friday's 20-minute blocks after lifting seated marching
    (40 of 60 required minutes), Wednesday's pool session the only water work."""
    plan = builtin_plan(weeks=1, **SMALLEST)
    week = plan.weeks[0]
    days = []
    for d in week.days:
        sessions = []
        for i, s in enumerate(d.sessions):
            if i > 0 and s.modality.value == "endurance" and not s.optional:
                s = s.model_copy(
                    update={
                        "title": "Seated cardio",
                        "exercises": [
                            e.model_copy(update={"name": "Seated marching"}) for e in s.exercises
                        ],
                    }
                )
            sessions.append(s)
        days.append(d.model_copy(update={"sessions": sessions}))
    old = plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    assert faults
    assert "40 of 60 required steady minutes" in faults[0].what
    assert not CHECKS[CHECK](parse_profile(SMALLEST), plan, builtin_library()).faults


@st.composite
def impact_free_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose rules keep impact out of their cardio (knee pain, neuropathy) or bar
    running (osteoporosis), with a pool, a bike or neither, on short and long days."""
    return {
        "age": draw(st.integers(25, 75)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(
                st.sampled_from(["endurance", "fat-loss", "general-health", "insulin-sensitivity"])
            )
        ],
        "experience": draw(st.sampled_from(["beginner", "intermediate"])),
        "currently_active": draw(st.booleans()),
        "conditions": [
            draw(st.sampled_from(["knee-pain", "peripheral-neuropathy", "osteoporosis"]))
        ],
        "equipment": draw(st.sampled_from([["pool"], ["bike"], [], ["pool", "dumbbells"]])),
        "days_per_week": draw(st.integers(2, 6)),
        "minutes_per_session": draw(st.sampled_from([30, 40, 45, 50, 60, 75, 90])),
    }


def test_impact_free_cardio_uses_the_better_kit(record_property: Any) -> None:
    audit_property(
        impact_free_people(),
        {
            CHECK: CHECKS[CHECK],
            "impact-cardio-for-joint-pain": CHECKS["impact-cardio-for-joint-pain"],
            "cardio-not-real": CHECKS["cardio-not-real"],
        },
        record_property,
        examples=EXAMPLES,
    )
