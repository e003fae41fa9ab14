"""Coach review 8 (20 new profiles after the session's merges): the smallest profile of its
unsafe kind, kept once the kind was fixed at its cause, with a property over older lifters.

OLDER-HEAVY-LUNGE (unsafe) A 65-year-old trained lifter got `Barbell reverse lunge 3 x 3-6,
    RPE 7-8` with the bar on his back: a split stance stepping backwards under a near-maximal
    load, which no rule reached for an older adult without a past fall, and a unilateral
    balance-limited lift dosed as a heavy main lift.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import runner_only_walks, stance_unsupported, vetoed_tag_in_plan
from endoprotocol.plan import Plan
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

OLDER_STRENGTH_BARBELL = {  # /tmp/coach8/min/OLDER-HEAVY-LUNGE.yaml
    "age": 65,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["barbell"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
}
LOADED_SPLIT = {
    "Barbell reverse lunge",
    "Bulgarian split squat",
    "Dumbbell walking lunge",
    "Dumbbell reverse lunge",
    "Dumbbell step-up to a high box",
    "Banded split squat",
    "Dumbbell single-leg Romanian deadlift",
}


@pytest.mark.parametrize(
    "profile",
    [OLDER_STRENGTH_BARBELL, {**OLDER_STRENGTH_BARBELL, "age": 70, "experience": "intermediate"}],
    ids=["65-advanced", "70-intermediate"],
)
def test_from_65_no_split_stance_is_loaded_on_the_back_or_in_both_hands(
    profile: dict[str, Any],
) -> None:
    plan = builtin_plan(**profile)
    assert not LOADED_SPLIT & plan_names(plan)
    warning = next(w.message for w in plan.warnings if w.code == "older-adult-balance")
    assert "without a bar on the back or weights in both hands" in warning
    person = parse_profile(profile)
    for check in (stance_unsupported, vetoed_tag_in_plan):
        verdict = check(person, plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


def test_a_younger_strength_lifters_lunge_is_dosed_for_eight_reps_or_more() -> None:
    """A split stance is balance-limited: in a 3-6-rep strength slot it keeps 8+ reps."""
    plan = builtin_plan(**{**OLDER_STRENGTH_BARBELL, "age": 35})
    lunges = [
        e
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if e.pattern.value == "lunge" and e.reps is not None
    ]
    assert lunges
    assert all(e.reps is not None and e.reps.min >= 8 for e in lunges), lunges[:1]


@st.composite
def older_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """People 65-90, often trained and active, on kits that hold loaded lunges."""
    data = draw(profiles(min_age=65, max_age=90))
    if draw(st.booleans()):
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
        data["currently_active"] = True
    kit = draw(st.sampled_from([["barbell"], ["dumbbells"], ["kettlebell"], ["bands"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_older_lifters_never_lunge_under_a_load(record_property: pytest.RecordProperty) -> None:
    audit_property(
        older_lifters(),
        {"stance-unsupported": stance_unsupported, "vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )


RUNNER_TREADMILL = {  # /tmp/coach8/min/RUNNER-WALKS.yaml
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["treadmill"],
    "days": ["saturday"],
    "minutes_per_session": 60,
}


def _steady(plan: Plan, *, optional: bool) -> set[str]:
    return {
        e.name
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "endurance" and s.optional is optional
        for e in s.exercises
    }


def test_a_trained_endurance_first_person_with_a_treadmill_runs() -> None:
    """RUNNER-WALKS: the easy and moderate steady pool kept only low-impact options, so a
    trained runner got incline walks; now the run leads their required sessions (the
    optional extras stay walks, as DESIGN.md v1.1 has them)."""
    plan = builtin_plan(**RUNNER_TREADMILL)
    assert "Treadmill run" in _steady(plan, optional=False)
    assert "Treadmill run" not in _steady(plan, optional=True)
    verdict = runner_only_walks(parse_profile(RUNNER_TREADMILL), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_knee_pain_keeps_the_runner_walking() -> None:
    plan = builtin_plan(**{**RUNNER_TREADMILL, "conditions": ["knee-pain"]})
    assert "Treadmill run" not in plan_names(plan)


@st.composite
def trained_endurance(draw: st.DrawFn) -> dict[str, Any]:
    """Trained, active people whose first goal is endurance, on cardio kit."""
    data = draw(profiles(max_age=64))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data["goals"] = ["endurance", *[g for g in data["goals"] if g != "endurance"]][:4]
    kit = draw(st.sampled_from([["treadmill"], ["treadmill", "bike"], ["rower"], ["pool"], []]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_trained_endurance_people_are_not_held_to_walks(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_endurance(),
        {"runner-only-walks": runner_only_walks, "vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )
