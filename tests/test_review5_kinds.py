"""Coach review 5: each test is the smallest profile that showed a fault kind
(/tmp/coach5/min), kept once the kind was fixed at its cause, with a property where the kind
is an invariant over people.

OSTEO-FLEXION-HOLD (unsafe) A 60-year-old with osteoporosis got a hollow body hold (the
    shoulders lifted and held off the floor: a held trunk curl) while the same plan said it
    leaves out crunches; the library had not tagged the hold `spinal-flexion`, so the
    osteoporosis veto never reached it.
SHOULDER-RENEGADE A trained 35-year-old with shoulder pain rowed from a plank on dumbbells (a
    renegade row: body weight on one painful shoulder while the other rows).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import joint_pain_move_unfit, trunk_flexion_unfit, vetoed_tag_in_plan
from tests.builtin import builtin_library, builtin_plan, exercise_by_name, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_REVIEW5_EXAMPLES", "40"))

OSTEO_BODYWEIGHT = {  # /tmp/coach5/min/OSTEO-FLEXION-HOLD.yaml
    "age": 60,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "conditions": ["osteoporosis"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 45,
    "equipment": ["bodyweight"],
    "currently_active": True,
}


def test_osteoporosis_trains_the_trunk_without_a_held_curl() -> None:
    """The hollow body hold is gone (nor offered as an alternative): the trunk is trained
    with a neutral spine (dead bug, the prone back extension), as the warning promises."""
    plan = builtin_plan(**OSTEO_BODYWEIGHT)
    assert "Hollow body hold" not in plan_names(plan)
    picked = plan_names(plan, alternatives=False)
    assert "Dead bug" in picked
    # (the standing wall posture hold since coach review 25 where it serves: with fragile
    # bones a floor lift leaves the rotation for a lift off the floor)
    assert picked & {"Prone back extension", "Standing wall posture hold"}
    assert "spinal-flexion" in exercise_by_name("Hollow body hold").tags
    profile = parse_profile(OSTEO_BODYWEIGHT)
    for check in (trunk_flexion_unfit, vetoed_tag_in_plan):
        verdict = check(profile, plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults


SHOULDER_DUMBBELLS = {  # /tmp/coach5/min/SHOULDER-RENEGADE.yaml
    "age": 35,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "advanced",
    "conditions": ["shoulder-pain"],
    "days": ["monday", "friday"],
    "minutes_per_session": 60,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def test_a_painful_shoulder_rows_supported_not_from_a_plank() -> None:
    plan = builtin_plan(**SHOULDER_DUMBBELLS)
    names = plan_names(plan)
    assert "Renegade row" not in names
    assert "Weighted push-up" not in names
    assert "Supported one-arm dumbbell row" in plan_names(plan, alternatives=False)
    warning = next(w.message for w in plan.warnings if w.code == "shoulder-pain-adjustments")
    assert "from a plank" in warning
    verdict = joint_pain_move_unfit(parse_profile(SHOULDER_DUMBBELLS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


@st.composite
def fragile_spine_or_shoulder(draw: st.DrawFn) -> dict[str, Any]:
    """Osteoporosis, a vertebral fracture, low-back pain or shoulder pain, often with a kit
    whose core and pulling work holds flexion or plank moves (body weight, dumbbells, a bar)."""
    data = draw(profiles())
    condition = draw(
        st.sampled_from(["osteoporosis", "vertebral-fracture", "low-back-pain", "shoulder-pain"])
    )
    data["conditions"] = list(dict.fromkeys([condition, *data["conditions"]]))
    kit = draw(st.sampled_from([["bodyweight"], ["dumbbells"], ["pull-up-bar", "machines"], []]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_fragile_spines_never_curl_and_painful_shoulders_never_plank_with_a_load(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        fragile_spine_or_shoulder(),
        {
            "trunk-flexion-unfit": trunk_flexion_unfit,
            "joint-pain-move-unfit": joint_pain_move_unfit,
            "vetoed-tag-in-plan": vetoed_tag_in_plan,
        },
        record_property,
        examples=EXAMPLES,
    )


# ---- coach review 6 --------------------------------------------------------------------------

SHORT_REST_ON_SMALL_LIFTS = {  # /tmp/coach6/min/GH-SHORT-REST-CLAIM-b.yaml
    "age": 39,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
    "equipment": ["barbell", "bench"],
    "currently_active": True,
}


def test_short_rests_on_small_lifts_after_long_rested_big_ones_claim_no_large_gh_release() -> None:
    """GH-SHORT-REST-CLAIM: the big lifts rest 2-3 minutes and only the curl, calf raise and
    rollout rest 90 s or less; Kraemer 2005's large release needs multi-joint lifts of
    moderate reps on short rests, so the plan says its lifting brings a smaller rise, and
    neither the growth hormone nor the cortisol text credits short-rest lifting."""
    from endoprotocol.audit import claim_without_dose

    plan = builtin_plan(**SHORT_REST_ON_SMALL_LIFTS)
    texts = [e.explanation.lower() for e in plan.expected_effects]
    assert not any("short-rest lifting" in t for t in texts)
    gh = [
        e
        for e in plan.expected_effects
        if e.target.value == "growth_hormone" and e.timescale == "acute"
    ]
    assert gh
    assert "rises less" in gh[0].explanation
    profile = parse_profile(SHORT_REST_ON_SMALL_LIFTS)
    verdict = claim_without_dose(profile, plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults
