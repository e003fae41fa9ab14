"""The coach review's safety kinds (rv12964), each kept as the smallest profile that showed it.

K7. Uncontrolled hypertension (172/104, "a doctor should assess it before you train") got a
    full progressive strength plan from week 1, wall sits and planks included.
K4. Overtraining signs: after a one-week deload the volume more than doubled.
"""

from __future__ import annotations

from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import (
    clearance_required_not_light,
    recovery_volume_grows,
    sustained_hold_with_high_bp,
)
from endoprotocol.plan import Plan
from endoprotocol.render.terminal import render_table
from tests.builtin import builtin_library, builtin_rules


def _plan(weeks: int, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def _lifting_sets(plan: Plan, week: int) -> int:
    return sum(
        e.sets
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
    )


# ---- K7: clearance required means light activity until cleared

UNCONTROLLED_BP = {
    "age": 55,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["uncontrolled-hypertension"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["bodyweight"],
    "currently_active": False,
    "blood_pressure": {"systolic": 172, "diastolic": 104},
}


def test_uncontrolled_blood_pressure_gets_light_activity_only_until_cleared() -> None:
    plan = _plan(12, **UNCONTROLLED_BP)
    assert plan.screening.clearance == "required"
    assert plan.screening.max_intensity == "light"
    sessions = [s for w in plan.weeks for d in w.days for s in d.sessions]
    assert sessions, "light walks and mobility stay"
    assert not [s for s in sessions if s.modality.value in ("resistance", "hiit")]
    assert all(s.intensity_class.value == "light" for s in sessions)
    names = {e.name for s in sessions for e in s.exercises}
    assert not names & {"Wall sit", "Incline plank", "Forearm plank"}
    assert any(w.code == "light-until-cleared" for w in plan.warnings)
    lib = builtin_library()
    verdict = clearance_required_not_light(parse_profile(UNCONTROLLED_BP), plan, lib)
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_the_top_of_the_plan_says_a_clinician_must_clear_them_first() -> None:
    plan = _plan(4, **UNCONTROLLED_BP)
    text = render_table(plan, width=100, color=False)
    head = text[: text.index("Warnings")]
    assert "clearance is required" in head
    assert "light" in head
    assert plan.model_dump(mode="json")["screening"]["clearance"] == "required"


def test_dizziness_or_fainting_also_holds_light_activity_until_cleared() -> None:
    data = {"age": 35, "sex": "female", "goals": ["fat-loss"]}
    plan = _plan(4, **data, screening={"dizziness_or_fainting": True})
    assert plan.screening.clearance == "required"
    assert not [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
    ]


def test_controlled_hypertension_trains_without_long_static_holds() -> None:
    data = {
        "age": 58,
        "sex": "male",
        "goals": ["general-health"],
        "conditions": ["hypertension"],
        "currently_active": True,
        "equipment": ["bodyweight"],
        "blood_pressure": {"systolic": 132, "diastolic": 84},
    }
    plan = _plan(4, **data)
    assert any(s.modality.value == "resistance" for d in plan.days for s in d.sessions)
    verdict = sustained_hold_with_high_bp(parse_profile(data), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


# ---- K4: overtraining signs hold the volume of the lighter first week

OVERTRAINED = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "conditions": ["overtraining-symptoms"],
    "days_per_week": 2,
    "minutes_per_session": 90,
    "equipment": ["barbell", "bench"],
    "currently_active": True,
}


def test_overtraining_signs_never_lift_more_sets_than_the_lighter_first_week() -> None:
    plan = _plan(12, **OVERTRAINED)
    # week 1 starts the lighter block: not flagged a deload, since the weeks after keep it
    assert not plan.weeks[0].deload
    assert "a lighter block" in " ".join(plan.weeks[0].notes).lower()
    first = _lifting_sets(plan, 1)
    assert all(_lifting_sets(plan, w) <= first for w in range(2, 13))
    rpes = [
        e.intensity.rpe.max
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.intensity.rpe is not None
    ]
    assert max(rpes) <= 7
    verdict = recovery_volume_grows(parse_profile(OVERTRAINED), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_chronic_stress_does_not_add_sets_across_the_block() -> None:
    data = {**OVERTRAINED, "conditions": ["chronic-stress"]}
    plan = _plan(12, **data)
    first = _lifting_sets(plan, 1)
    assert all(_lifting_sets(plan, w) <= first for w in range(2, 13))
