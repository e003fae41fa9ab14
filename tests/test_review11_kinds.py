"""Coach review 11 (20 new profiles, weighted to exercise fit and words): the smallest
profiles of the kinds fixed in the library and the rules, with properties over the people
each kind is about.

RETINO-SWAPS (unsafe, borderline) With retinopathy, a barbell lifter's squat and deadlifts
    were swapped for a wall sit and a barbell good morning, and the ab wheel and the
    barbell row stayed: holds and braced lifts the warning itself promised to leave out.
BAND-NECK-SHOULDER (wrong fit) A band good morning, the band looped behind the neck, for a
    lifter with shoulder pain under a note that promised no bar on the back.
GH-ACUTE-LOW-DOSE (claim) Nine body-weight sets in a 20-minute session earned "a large growth
    hormone release", graded strong.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import claim_without_dose, joint_pain_move_unfit, vetoed_tag_in_plan
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

RETINOPATHY_BARBELL = {  # /tmp/coach11/min/RETINO-SWAPS.yaml
    "age": 55,
    "sex": "male",
    "goals": ["strength"],
    "conditions": ["retinopathy"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["barbell"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
}


def test_retinopathy_leaves_out_holds_and_braced_lifts() -> None:
    plan = builtin_plan(weeks=12, **RETINOPATHY_BARBELL)
    straining = {
        "Wall sit",
        "Barbell good morning",
        "Barbell bent-over row",
        "Ab wheel rollout",
        "Barbell back squat",
        "Conventional barbell deadlift",
    }
    assert not straining & plan_names(plan)
    warning = next(w.message for w in plan.warnings if w.code == "retinopathy-precautions")
    assert "long static holds" in warning
    verdict = vetoed_tag_in_plan(parse_profile(RETINOPATHY_BARBELL), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def retinopathy_people(draw: st.DrawFn) -> dict[str, Any]:
    """People with retinopathy, often with a barbell or bands."""
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "retinopathy"]))
    kit = draw(st.sampled_from([["barbell"], ["bands"], ["barbell", "machines"], []]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_no_straining_pick_with_retinopathy(record_property: pytest.RecordProperty) -> None:
    audit_property(
        retinopathy_people(),
        {"vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )


SHOULDER_BANDS = {  # /tmp/coach11/min/BAND-NECK-SHOULDER.yaml
    "age": 24,
    "sex": "male",
    "goals": ["muscle"],
    "conditions": ["shoulder-pain"],
    "experience": "beginner",
    "currently_active": True,
    "equipment": ["bands"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 45,
}


def test_a_painful_shoulder_gets_no_band_behind_the_neck() -> None:
    plan = builtin_plan(weeks=12, **SHOULDER_BANDS)
    assert "Band good morning" not in plan_names(plan)
    person = parse_profile(SHOULDER_BANDS)
    for check in (joint_pain_move_unfit, vetoed_tag_in_plan):
        verdict = check(person, plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


SHORT_BODYWEIGHT_DAY = {  # /tmp/coach11/min/GH-ACUTE-LOW-DOSE.yaml
    "age": 35,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "currently_active": False,
    "equipment": ["bodyweight"],
    "days": ["wednesday"],
    "minutes_per_session": 20,
}


def test_a_short_body_weight_session_claims_only_a_smaller_growth_hormone_rise() -> None:
    plan = builtin_plan(weeks=12, **SHORT_BODYWEIGHT_DAY)
    fired = {r for e in plan.expected_effects for r in e.rules}
    assert "core/growth-hormone-acute-lifting" not in fired
    assert "core/growth-hormone-acute-lifting-long-rests" in fired
    verdict = claim_without_dose(parse_profile(SHORT_BODYWEIGHT_DAY), plan, builtin_library())
    assert not verdict.faults, verdict.faults


def test_effects_claim_only_the_dose_the_plan_holds(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        profiles(),
        {"claim-without-dose": claim_without_dose},
        record_property,
        examples=EXAMPLES,
    )


PREGNANT_BANDS = {  # /tmp/coach11/min/PREG-STRENGTH-ZERO.yaml
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["pregnancy"],
    "pregnancy_week": 20,
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["bands"],
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 40,
}


def test_zero_strength_days_says_how_a_day_is_counted() -> None:
    """She lifts twice a week; the WHO count reads 0 because each group gets two moderate
    sets, and the check now says so instead of leaving '0' beside her strength sessions."""
    plan = builtin_plan(weeks=4, **PREGNANT_BANDS)
    check = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    assert check.value == 0
    assert "three or more hard sets" in check.detail
    lifting = [
        s
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]
    assert len(lifting) >= 2
