"""Coach review 42's OVERTRAINING-RELIEF-REFILLED-WITH-CARDIO: with overtraining signs the
whole week's training load falls, not the lifting alone; the check faulting the old plans,
and a property over active people with overtraining signs.

OVERTRAINING-RELIEF-REFILLED-WITH-CARDIO (SAFETY; Meeusen 2013, EVIDENCE.md §2.4 and §1.8;
    COACHING.md §3) A 30-year-old endurance rider, intermediate, active, Monday and Thursday
    x 60 minutes, a bike: without overtraining signs each day held 30 minutes of lifting and
    a 30-minute ride; with them 22 minutes of lifting and a 38-minute ride, every day still
    60 minutes, and the week-4 deload kept the 38-minute rides. *Cause:* the rule's lighter
    block (`deload_now`, `hold_volume`) cut the lifting's sets, and the steady block after
    lifting took the minutes they freed; nothing cut the aerobic side, and a deload went
    back to its block's first week of steady work, which a held block never left.
    *Decision:* `safety/overtraining-symptoms` sets `aerobic_cut_pct: 33` and
    `deload_cuts_aerobic` (`progress.recovery_aerobic_cut`): each required steady session
    is a third shorter, no day's required sessions run past two thirds of its minutes, a
    week that met WHO's 150 minutes comes down to them (not below) as far as the lighter
    days allow, and a deload week takes the deload's least cut (30 %) off the steady work
    too. Check `overtraining-load-not-reduced`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan, guideline
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "overtraining-load-not-reduced"

# /tmp/s32/coach42/min/ot4.yaml, and ot3.yaml (the same without the condition)
CONTROL = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 2,
    "minutes_per_session": 60,
    "equipment": ["bike"],
}
SMALLEST = {**CONTROL, "conditions": ["overtraining-symptoms"]}
# the review's p12: an advanced endurance-first athlete well above WHO's 150 minutes
P12 = {
    "age": 41,
    "sex": "male",
    "goals": ["endurance", "strength"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["overtraining-symptoms"],
    "days": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
    "minutes_per_session": 90,
    "equipment": ["bike", "rower", "barbell", "rack", "bench", "dumbbells"],
}


def _required(week: Any, modality: str) -> int:
    return sum(
        s.duration_minutes
        for d in week.days
        for s in d.sessions
        if not s.optional and s.modality.value == modality
    )


def _day_minutes(week: Any, day: str) -> int:
    found = next(d for d in week.days if d.day.value == day)
    return sum(s.duration_minutes for s in found.sessions if not s.optional)


def test_smallest_profile_week_is_shorter_not_refilled() -> None:
    """Monday is no longer 60 minutes: the ride is shorter than without the signs (not
    38 minutes in place of 30), the week's required minutes fall by about a third, and the
    week says why."""
    plan = builtin_plan(weeks=4, **SMALLEST)
    control = builtin_plan(weeks=4, **CONTROL)
    first, was = plan.weeks[0], control.weeks[0]
    assert _required(first, "endurance") < _required(was, "endurance")
    assert _day_minutes(first, "monday") <= 40
    total = _required(first, "endurance") + _required(first, "resistance")
    was_total = _required(was, "endurance") + _required(was, "resistance")
    assert total * 100 <= was_total * 75
    assert any("Recovery first" in n for n in first.notes)
    # the guideline names the rule that holds the aerobic minutes, and asks for none back
    aerobic = guideline(plan, "who-2020-aerobic")
    assert "safety/overtraining-symptoms" in aerobic.held_by
    assert not audit_check(CHECK, SMALLEST, plan).faults


def test_smallest_profile_deload_cuts_the_rides() -> None:
    """The week-4 deload's rides are shorter than week 3's, and the week says by how much."""
    plan = builtin_plan(weeks=4, **SMALLEST)
    week3, week4 = plan.weeks[2], plan.weeks[3]
    assert week4.deload
    fell = _required(week3, "endurance") - _required(week4, "endurance")
    assert fell > 0
    assert any(f"takes {fell} minutes off your steady sessions" in n for n in week4.notes)


def test_p12_comes_down_toward_who_not_below() -> None:
    """The athlete far above WHO's 150 minutes loses about a third of his steady minutes in
    week 1 and stays at or above 150; each deload cuts them again."""
    plan = builtin_plan(weeks=8, **P12)
    control = builtin_plan(weeks=8, **{**P12, "conditions": []})
    first = plan.weeks[0]
    have = plan.totals.moderate_equivalent_aerobic_minutes
    was = control.totals.moderate_equivalent_aerobic_minutes
    assert have >= 150
    assert have * 100 <= was * 75
    assert first.notes
    for before, week in zip(plan.weeks, plan.weeks[1:], strict=False):
        if week.deload:
            assert _required(week, "endurance") < _required(before, "endurance")
    assert not audit_check(CHECK, P12, plan).faults


def test_the_check_faults_the_old_plans() -> None:
    """The old form: a plan for overtraining signs whose weeks are those of the same person
    without them (the lifting's cut refilled, the deload's rides kept) faults in week 1 and
    in the deload week."""
    old = builtin_plan(weeks=4, **CONTROL)
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    where = {f.where for f in faults}
    assert "week 1" in where
    assert "week 4" in where


@st.composite
def overtrained_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active people with overtraining signs, every first goal the grid drew, on short and
    long days."""
    return {
        "age": draw(st.integers(20, 60)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(st.sampled_from(["endurance", "fat-loss", "muscle", "strength", "general-health"]))
        ],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": True,
        "conditions": ["overtraining-symptoms"],
        "days_per_week": draw(st.integers(2, 6)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 90, 120])),
    }


def test_overtraining_cuts_the_whole_load(record_property: Any) -> None:
    audit_property(overtrained_people(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
