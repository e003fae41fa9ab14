"""Coach review 3, the safety kinds: each test is the smallest profile that showed a fault
kind (/tmp/coach3/min), kept once the kind was fixed at its cause, and each kind that is an
invariant over people has a property.

K1  A frail 84-year-old got a kneeling cable crunch and the assisted pull-up machine
    ("kneel on the counterweighted pad") beside a warning that promised standing or
    supported work only; knee pain got cat-camel and downward dog on hands and knees.
K7  An acutely ill person's plan opened with "No medical clearance needed; highest intensity
    allowed: vigorous", and the hold sat in a warning further down.
K12 A referral-only cardiac plan told the person to "start light to moderate and build up",
    asked how their (non-existent) sessions go, and spoke of "above none intensity".
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import (
    illness_start_not_held,
    kneeling_or_hanging_unfit,
    referral_plan_invites_exercise,
)
from endoprotocol.plan import Plan
from endoprotocol.render.terminal import render_table
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_COACH3_EXAMPLES", "40"))


_plan = builtin_plan


_names = plan_names


def _warning(plan: Plan, code: str) -> str:
    return next(w.message for w in plan.warnings if w.code == code)


# ---- K1: kneeling (and hanging) for frail people and painful knees --------------------------

FRAIL_KNEELING = {  # /tmp/coach3/min/m01-frail-kneeling.yaml
    "age": 84,
    "sex": "male",
    "goals": ["strength"],
    "experience": "beginner",
    "days": ["monday", "thursday"],
    "minutes_per_session": 30,
    "equipment": ["machines"],
    "currently_active": False,
}


def test_a_frail_84_year_old_pulls_down_seated_and_trains_his_trunk_standing() -> None:
    """The assisted pull-up machine (kneel on a moving pad) and the kneeling cable crunch gave
    way to the seated lat pulldown, as a coach would pick; no dead hang is offered as an
    alternative either. (The standing cable Pallof press that took the crunch's place holds
    the cable in both hands with nothing to steady him: `hands-bound` since coach review 25,
    so frailty leaves it out too.)"""
    plan = _plan(**FRAIL_KNEELING)
    names = _names(plan)
    for unfit in ("Kneeling cable crunch", "Assisted pull-up machine", "Dead hang"):
        assert unfit not in names
    picked = _names(plan, alternatives=False)
    assert "Lat pulldown" in picked
    assert "Cable Pallof press" not in names
    assert "nothing kneeling" in _warning(plan, "frail-older-adult")
    verdict = kneeling_or_hanging_unfit(parse_profile(FRAIL_KNEELING), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


KNEE_BANDS = {
    "age": 45,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["knee-pain"],
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["bands", "door-anchor", "bodyweight"],
    "currently_active": False,
}


def test_a_painful_knee_is_never_asked_to_kneel_or_go_on_all_fours() -> None:
    """Before: the kneeling band pull-down, cat-camel and downward dog (from hands and knees)."""
    plan = _plan(weeks=4, **KNEE_BANDS)
    names = _names(plan)
    for unfit in ("Band pull-down", "Cat-camel", "Downward dog", "Bird dog"):
        assert unfit not in names
    assert "Single-arm band pull-down" in names
    assert "nothing kneeling" in _warning(plan, "knee-pain-adjustments")
    verdict = kneeling_or_hanging_unfit(parse_profile(KNEE_BANDS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


@st.composite
def frail_or_painful_knee(draw: st.DrawFn) -> dict[str, Any]:
    """A frail person or a painful knee, often with a kit that holds kneeling or hanging
    moves (machines, a band in a door anchor, a pull-up bar)."""
    data = draw(profiles())
    if draw(st.booleans()):
        data.update(age=draw(st.integers(80, 100)), currently_active=False)
    else:
        data["conditions"] = list(dict.fromkeys(["knee-pain", *data["conditions"]]))
    kit = draw(
        st.sampled_from([["machines"], ["bands", "door-anchor", "pull-up-bar"], ["bodyweight"], []])
    )
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_frail_people_and_painful_knees_never_kneel_and_frail_people_never_hang(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        frail_or_painful_knee(),
        {"kneeling-or-hanging-unfit": kneeling_or_hanging_unfit},
        record_property,
        examples=EXAMPLES,
    )


# ---- K7: a passing illness holds the start, at the top of the plan --------------------------

ILL = {  # /tmp/coach3/min/m09-illness-topbox.yaml
    "age": 26,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "intermediate",
    "conditions": ["acute-illness"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 45,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def test_an_ill_person_is_told_at_the_top_to_rest_until_well_and_week_1_is_light() -> None:
    plan = _plan(**ILL)
    hold = " ".join(plan.screening.before_start)
    assert "symptoms" in hold
    assert "fever" in hold
    assert plan.screening.clearance == "none"
    assert plan.screening.max_intensity == "vigorous"  # the block's ceiling, from week 6
    # moderate through week 5 since coach review 20: the loads climb back a step a week
    assert [w.max_intensity for w in plan.weeks[:6]] == [
        "light",
        "light",
        "moderate",
        "moderate",
        "moderate",
        "vigorous",
    ]
    top = render_table(plan, width=140).split("Warnings")[0]
    assert "NOT YET: Rest from exercise until you are free of symptoms and fever" in top
    assert "light in weeks 1-2, moderate in weeks 3-5, vigorous from week 6" in top
    assert "No medical clearance needed; highest intensity allowed: vigorous" not in top
    verdict = illness_start_not_held(parse_profile(ILL), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_the_illness_hold_is_in_the_json_screening() -> None:
    screening = _plan(weeks=4, **ILL).model_dump(mode="json")["screening"]
    assert screening["before_start"] == [
        "Rest from exercise until you are free of symptoms and fever; week 1 starts on the "
        "first day you are."
    ]


@st.composite
def ill(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys(["acute-illness", *data["conditions"]]))
    return data


def test_every_ill_person_waits_until_well_and_starts_light(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        ill(),
        {"illness-start-not-held": illness_start_not_held},
        record_property,
        examples=EXAMPLES,
    )


# ---- K12: a referral-only plan suggests no exercise -----------------------------------------

CARDIAC = {  # /tmp/coach3/min/m10-cardiac-referral-wording.yaml
    "age": 61,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "conditions": ["recent-cardiac-event"],
    "days": ["monday"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
    "currently_active": False,
}


def test_a_referral_only_cardiac_plan_points_to_rehab_and_nowhere_else() -> None:
    plan = _plan(**CARDIAC)
    assert plan.screening.referral_only
    assert plan.screening.next_steps == [
        "Ask your cardiologist or GP for a referral to supervised cardiac rehabilitation."
    ]
    assert len(plan.screening.reasons) == 1
    assert "cardiac rehabilitation" in plan.screening.reasons[0]
    codes = {w.code for w in plan.warnings}
    assert "self-check" not in codes
    changed = _warning(plan, "plan-changed-by-safety-rule")
    assert "before a clinician has seen you" in changed
    assert "none intensity" not in changed
    top = render_table(plan, width=140).split("Warnings")[0]
    assert "SEE A CLINICIAN FIRST: no exercise is planned until then" in top
    verdict = referral_plan_invites_exercise(parse_profile(CARDIAC), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


@st.composite
def hard_stop(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles())
    cause = draw(st.sampled_from(["cardiac", "chest-pain", "bp"]))
    if cause == "cardiac":
        data["conditions"] = list(dict.fromkeys(["recent-cardiac-event", *data["conditions"]]))
    elif cause == "chest-pain":
        data["screening"] = {**data.get("screening", {}), "chest_pain": True}
    else:
        data["blood_pressure"] = {"systolic": draw(st.integers(180, 230)), "diastolic": 112}
    return data


def test_no_referral_only_plan_invites_exercise(record_property: pytest.RecordProperty) -> None:
    audit_property(
        hard_stop(),
        {"referral-plan-invites-exercise": referral_plan_invites_exercise},
        record_property,
        examples=EXAMPLES,
    )
