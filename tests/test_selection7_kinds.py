"""Coach review 5's TRAINED-REGRESSION, fixed at its causes (the library and the picker), with
the smallest profile that showed it and a property over trained people on little kit.

A pregnant advanced lifter on body weight got a dowel drill as her only hinge, a wall push-up
beside an incline push-up (the wall push-up standing in for an overhead press), and no pull
at all, with a warning that could not say why. Now the library holds a wall-supported
single-leg Romanian deadlift (a standing hinge that pregnancy, frailty and most pain leave
open), a trained lifter whose pattern only has regressions left gets the most demanding one
and only that one (never a regression as a stand-in for another pattern), and a slot left
empty names the kit that would fill it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import drill_as_hard_set, regression_for_trained, trained_steps_down
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "25"))

PREGNANT_ADVANCED_BODYWEIGHT = {  # /tmp/coach5/min/TRAINED-REGRESSION.yaml
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "advanced",
    "conditions": ["pregnancy"],
    "pregnancy_week": 30,
    "days": ["monday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["bodyweight"],
    "currently_active": True,
}


def test_a_pregnant_advanced_lifter_on_body_weight_hinges_and_never_steps_down() -> None:
    plan = builtin_plan(**PREGNANT_ADVANCED_BODYWEIGHT)
    names = plan_names(plan, alternatives=False)
    assert "Wall push-up" not in names
    assert "Hip hinge drill with a dowel" not in names
    assert "Incline push-up" in names
    # pregnancy's short strength session is a squat, a push and a row (branch aero7, K4):
    # the row was an empty slot naming the kit that would fill it until coach review 30
    # gave her a pull she may do with body weight, the standing wall elbow press
    # (FRAIL-PREGNANT-NO-PULL, tests/test_review30_pull.py)
    assert "Standing wall elbow press" in names
    assert not any(
        "horizontal-pull" in w.message for w in plan.warnings if w.code == "could-not-plan"
    )


def test_a_trained_lifter_on_body_weight_hinges_on_one_leg_with_a_hand_on_the_wall() -> None:
    plan = builtin_plan(
        age=35,
        sex="female",
        goals=["general-health"],
        experience="advanced",
        currently_active=True,
        equipment=["bodyweight"],
        days_per_week=2,
        minutes_per_session=45,
    )
    assert "Wall-supported single-leg Romanian deadlift" in plan_names(plan, alternatives=False)
    person = parse_profile(PREGNANT_ADVANCED_BODYWEIGHT)
    for check in (trained_steps_down, regression_for_trained, drill_as_hard_set):
        verdict = check(person, plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


def test_a_beginner_keeps_the_two_legged_bridge_and_the_wall_push_up_stays_for_the_old() -> None:
    """The new standing hinge is an intermediate's lift: a 72-year-old beginner on body
    weight still bridges and presses from a wall."""
    plan = builtin_plan(
        age=72,
        sex="female",
        goals=["general-health"],
        experience="beginner",
        days=["monday", "thursday"],
        minutes_per_session=45,
        equipment=["bodyweight"],
    )
    names = plan_names(plan, alternatives=False)
    assert "Wall-supported single-leg Romanian deadlift" not in names
    assert "Wall push-up" in names


@st.composite
def trained_on_little_kit(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people whose rules and kit leave few lifts: body weight, bands or nothing,
    often pregnant (no lying face down or on the back) or with a painful shoulder."""
    data = draw(profiles(max_age=64))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["equipment"] = draw(st.sampled_from([[], ["bodyweight"], ["bands"], ["pull-up-bar"]]))
    extra = draw(st.sampled_from([[], ["shoulder-pain"], ["knee-pain"]]))
    if data["sex"] == "female" and draw(st.booleans()):
        extra = [*extra, "pregnancy"]
        data["pregnancy_week"] = draw(st.integers(14, 40))
    data["conditions"] = list(dict.fromkeys([*extra, *data["conditions"]]))
    if "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_week", None)
    return data


def test_trained_lifters_on_little_kit_never_step_down_to_another_regression(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_on_little_kit(),
        {
            "trained-steps-down": trained_steps_down,
            "regression-for-trained": regression_for_trained,
            "drill-as-hard-set": drill_as_hard_set,
        },
        record_property,
        examples=EXAMPLES,
    )
