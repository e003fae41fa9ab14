"""Coach review 9 (20 new profiles): the smallest profiles of its two unsafe kinds and its
wording kind, kept once each kind was fixed at its cause, with properties over the people
each kind is about.

MALE-BSI-IGNORED (unsafe) A 30-year-old male runner with a past stress fracture got a
    50-minute tempo run at RPE 7-8, "no medical clearance needed" and no word on the
    fracture: a bone-stress injury was a RED-S sign for women only. (Since coach review 20
    a lone fracture asks for a bone-health check and keeps impact out, without a RED-S hold.)
FALLS-HANDS-FULL (unsafe) People with a past fall got a dumbbell step-up with a dumbbell in
    each hand and a farmer carry, so no hand was free to steady them; the plan's own
    warning said single-leg lifts keep a hand free.
CLEARANCE-WORDS (wording) A pregnant woman with type 1 diabetes, held to light activity,
    read "this plan stays at moderate" in one of her screening reasons.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import (
    bone_stress_unscreened,
    carry_hands_full,
    face_down_when_barred,
    runner_only_walks,
    screening_words_contradict,
    stance_unsupported,
    vetoed_tag_in_plan,
)
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

MALE_BONE_STRESS = {  # /tmp/coach9/min/MALE-BSI-IGNORED.yaml
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["treadmill"],
    "days": ["monday", "wednesday", "saturday"],
    "minutes_per_session": 60,
    "conditions": ["stress-fracture-history"],
}


def test_a_man_with_a_past_stress_fracture_is_screened_and_kept_off_impact() -> None:
    """Since coach review 20 (STRESS-FRACTURE-ALONE-WITHHOLDS-AEROBIC) the fracture alone is
    one point on the Triad Cumulative Risk Assessment, full clearance: a bone-health check
    and no impact until then (safety/bone-stress-history), no RED-S hold on 3 days."""
    plan = builtin_plan(**MALE_BONE_STRESS)
    assert plan.screening.clearance == "recommended"
    assert any("stress fracture" in r for r in plan.screening.reasons)
    assert any("bone" in step for step in plan.screening.next_steps)
    codes = {w.code for w in plan.warnings}
    assert "bone-stress-history" in codes
    assert "red-s-risk" not in codes
    names = plan_names(plan)
    assert not {"Treadmill run", "Steady run"} & names
    verdict = bone_stress_unscreened(parse_profile(MALE_BONE_STRESS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def bone_stress_people(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone, often a runner with a treadmill, with a past stress fracture."""
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "stress-fracture-history"]))
    if draw(st.booleans()):
        data["goals"] = ["endurance", *[g for g in data["goals"] if g != "endurance"]][:4]
        data["equipment"] = list(dict.fromkeys([*data["equipment"], "treadmill"]))
    return data


def test_a_past_stress_fracture_is_always_screened(record_property: pytest.RecordProperty) -> None:
    audit_property(
        bone_stress_people(),
        {"bone-stress-unscreened": bone_stress_unscreened},
        record_property,
        examples=EXAMPLES,
    )


FALLEN_FRAIL = {  # /tmp/coach9/min/FALLS-HANDS-FULL.yaml
    "age": 85,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "currently_active": False,
    "equipment": ["dumbbells"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 30,
    "conditions": ["falls-history"],
}
FALLEN_TRAINED = {  # /tmp/coach9/min/FALLS-HANDS-FULL-trained.yaml
    "age": 70,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["dumbbells"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
    "conditions": ["falls-history"],
}
HANDS_FULL = {
    "Dumbbell low step-up",
    "Dumbbell farmer carry",
    "Kettlebell farmer carry",
    "Kettlebell front-rack carry",
}


@pytest.mark.parametrize("profile", [FALLEN_FRAIL, FALLEN_TRAINED], ids=["frail", "trained"])
def test_after_a_fall_one_hand_stays_free(profile: dict[str, Any]) -> None:
    plan = builtin_plan(**profile)
    assert not HANDS_FULL & plan_names(plan)
    person = parse_profile(profile)
    for check in (carry_hands_full, stance_unsupported, vetoed_tag_in_plan):
        verdict = check(person, plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


def test_a_trained_lifter_after_a_fall_keeps_a_loaded_step_up_with_a_rail() -> None:
    """The loaded step stays for a trained lifter, with one dumbbell and a hand on a rail."""
    plan = builtin_plan(**FALLEN_TRAINED)
    assert "Supported dumbbell low step-up" in plan_names(plan)
    warning = next(w.message for w in plan.warnings if w.code == "falls-history")
    assert "carried in one hand" in warning


@st.composite
def fallen_people(draw: st.DrawFn) -> dict[str, Any]:
    """People 40-95 after a fall, often on kits that hold carries and loaded steps."""
    data = draw(profiles(min_age=40, max_age=95))
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "falls-history"]))
    kit = draw(st.sampled_from([["dumbbells"], ["kettlebell"], ["dumbbells", "kettlebell"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_no_one_after_a_fall_walks_or_steps_with_both_hands_full(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        fallen_people(),
        {"carry-hands-full": carry_hands_full, "stance-unsupported": stance_unsupported},
        record_property,
        examples=EXAMPLES,
    )


PREGNANT_T1D = {  # /tmp/coach9/min/CLEARANCE-WORDS.yaml
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "currently_active": True,
    "conditions": ["pregnancy", "type-1-diabetes"],
    "days": ["tuesday", "saturday"],
}


def test_screening_reasons_never_claim_a_ceiling_the_plan_does_not_hold() -> None:
    plan = builtin_plan(**PREGNANT_T1D)
    assert plan.screening.max_intensity == "light"
    assert not any("stays at moderate" in r for r in plan.screening.reasons)
    verdict = screening_words_contradict(parse_profile(PREGNANT_T1D), plan, builtin_library())
    assert not verdict.faults, verdict.faults


def test_screening_words_match_the_ceiling(record_property: pytest.RecordProperty) -> None:
    audit_property(
        profiles(dense=True),
        {"screening-words-contradict": screening_words_contradict},
        record_property,
        examples=EXAMPLES,
    )


VERTEBRAL_GYM = {  # /tmp/coach9/profiles/05: the hack squat's sled rests on the shoulders
    "age": 69,
    "sex": "male",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["vertebral-fracture"],
    "equipment": ["dumbbells", "machines"],
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 60,
}


@pytest.mark.parametrize("condition", ["vertebral-fracture", "low-back-pain"])
def test_no_sled_on_the_shoulders_with_a_fragile_or_painful_spine(condition: str) -> None:
    plan = builtin_plan(**{**VERTEBRAL_GYM, "conditions": [condition]})
    assert "Machine hack squat" not in plan_names(plan)
    assert "Leg press" in plan_names(plan)


def test_a_hypertensive_lifter_rests_as_a_circuit() -> None:
    """Controlled hypertension: moderate loads in circuit format (NSCA, EVIDENCE.md
    hypertension), so no lifting rest is longer than 90 seconds, even on a strength goal
    whose heavy sets would rest 2-5 minutes."""
    plan = builtin_plan(
        age=66,
        sex="male",
        goals=["strength", "general-health"],
        conditions=["hypertension"],
        blood_pressure={"systolic": 138, "diastolic": 86},
        experience="intermediate",
        currently_active=True,
        equipment=["kettlebell", "bodyweight", "pull-up-bar"],
        days_per_week=3,
        minutes_per_session=50,
    )
    rests = [
        e.rest_seconds.max
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.rest_seconds is not None
    ]
    assert rests
    assert max(rests) <= 90


SWIMMER = {  # /tmp/coach9/min/RUNNER-WALKS-POOL.yaml
    "age": 29,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["pool"],
    "days": ["sunday"],
    "minutes_per_session": 90,
}


def test_a_trained_swimmers_required_pool_session_is_a_swim() -> None:
    """RUNNER-WALKS' pool form: the required steady session started from pool walking (the
    first id of two equal options); now work with a training pace leads."""
    plan = builtin_plan(**SWIMMER)
    required = [
        e.name
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
    ]
    assert required == ["Lap swimming"]
    verdict = runner_only_walks(parse_profile(SWIMMER), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_no_row_with_the_belly_on_a_pad_in_later_pregnancy() -> None:
    """Review 9 note: week 30, a gym: `Chest-supported machine row` ("chest on the pad") is
    left out after the first trimester; a seated cable or one-arm row stands in."""
    profile = {
        "age": 31,
        "sex": "female",
        "goals": ["muscle"],
        "conditions": ["pregnancy"],
        "pregnancy_week": 30,
        "experience": "advanced",
        "currently_active": True,
        "equipment": ["machines", "dumbbells", "barbell"],
        "days": ["monday", "wednesday", "friday"],
        "minutes_per_session": 75,
    }
    plan = builtin_plan(**profile)
    assert "Chest-supported machine row" not in plan_names(plan)
    verdict = face_down_when_barred(parse_profile(profile), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
