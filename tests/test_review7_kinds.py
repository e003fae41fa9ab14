"""Coach review 7 (20 new profiles, weighted to the people who need the most care): each test
is the smallest profile that showed a fault kind (/tmp/coach7/min), kept once the kind was
fixed at its cause, with a property where the kind is an invariant over people.

BAND-SPLIT-FALLS (unsafe) A 70-year-old after a fall and a frail 88-year-old split-squatted
    on a band with both hands on its ends: the banded split squat, the reverse and lateral
    lunges and the body-weight split squat were not tagged `fall-risk`, so the falls, frailty,
    pregnancy and bone rules never reached them.
NEURO-FALL-RISK (unsafe) Peripheral neuropathy kept `fall-risk` work (a step-up to a high box,
    a single-leg Romanian deadlift with dumbbells): the neuropathy rule forbade only impact.
LBP-RENEGADE (unsafe) Low-back pain got a renegade row (a loaded plank) as a pull.
PULLOVER-AS-PULL With dumbbells and a bench but no bar, a pullover (one joint, lying across a
    bench) was a full-body day's only pull.
SHORT-DAY-ONE-SET On 20-minute days every big lift fell to one set while curls, calf raises
    and core holds stayed (eight lifts x one set); a recovery block's cut did the same.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import (
    alternative_unfit,
    day_over_minutes,
    joint_pain_move_unfit,
    lifts_spread_thin,
    pull_not_a_pull,
    stance_unsupported,
    vetoed_tag_in_plan,
    week_changes_unexplained,
)
from tests.builtin import builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

AFTER_A_FALL_BANDS = {  # /tmp/coach7/min/BAND-SPLIT-FALLS.yaml
    "age": 70,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "conditions": ["falls-history"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 30,
    "equipment": ["bands"],
    "currently_active": True,
}
FRAIL_BANDS = {  # /tmp/coach7/min/BAND-SPLIT-FALLS-frail.yaml
    "age": 88,
    "sex": "female",
    "goals": ["general-health"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 30,
    "equipment": ["bands"],
}
NEUROPATHY_DUMBBELLS = {  # /tmp/coach7/min/NEURO-FALL-RISK.yaml
    "age": 57,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "intermediate",
    "conditions": ["peripheral-neuropathy"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 45,
    "equipment": ["dumbbells"],
    "currently_active": True,
}
LOW_BACK_DUMBBELLS = {  # /tmp/coach7/min/LBP-RENEGADE.yaml
    "age": 42,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "intermediate",
    "conditions": ["low-back-pain"],
    "days": ["monday", "saturday"],
    "minutes_per_session": 45,
    "equipment": ["dumbbells"],
    "currently_active": True,
}

UNSUPPORTED = {
    "Banded split squat",
    "Split squat",
    "Reverse lunge",
    "Lateral lunge",
    "Dumbbell reverse lunge",
    "Dumbbell single-leg Romanian deadlift",
    "Dumbbell step-up to a high box",
}


@pytest.mark.parametrize("profile", [AFTER_A_FALL_BANDS, FRAIL_BANDS], ids=["falls", "frail"])
def test_after_a_fall_or_when_frail_no_split_stance_is_unsupported(profile: dict[str, Any]) -> None:
    plan = builtin_plan(**profile)
    assert not UNSUPPORTED & plan_names(plan)
    verdict = stance_unsupported(parse_profile(profile), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_neuropathy_keeps_single_leg_and_high_step_work_supported() -> None:
    plan = builtin_plan(**NEUROPATHY_DUMBBELLS)
    assert not UNSUPPORTED & plan_names(plan)
    warning = next(w.message for w in plan.warnings if w.code == "neuropathy-foot-care")
    assert "unsupported single-leg or split-stance work" in warning
    verdict = stance_unsupported(parse_profile(NEUROPATHY_DUMBBELLS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_painful_back_never_rows_from_a_plank() -> None:
    plan = builtin_plan(**LOW_BACK_DUMBBELLS)
    names = plan_names(plan)
    assert "Renegade row" not in names
    assert "Weighted push-up" not in names
    assert "Supported one-arm dumbbell row" in plan_names(plan, alternatives=False)
    warning = next(w.message for w in plan.warnings if w.code == "low-back-pain-adjustments")
    assert "from a plank" in warning
    verdict = joint_pain_move_unfit(parse_profile(LOW_BACK_DUMBBELLS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_healthy_trained_lifter_still_lunges() -> None:
    """The tag reaches only people whose rules keep balance supported."""
    plan = builtin_plan(**{**NEUROPATHY_DUMBBELLS, "conditions": [], "age": 35})
    assert UNSUPPORTED & plan_names(plan)


@st.composite
def balance_careful_or_back_pain(draw: st.DrawFn) -> dict[str, Any]:
    """A past fall, fragile bones, neuropathy, pregnancy, frailty or a painful back, on the
    kits that hold lunges and loaded planks (bands, dumbbells, a kettlebell, a barbell)."""
    data = draw(profiles())
    condition = draw(
        st.sampled_from(
            [
                "falls-history",
                "osteoporosis",
                "peripheral-neuropathy",
                "low-back-pain",
                "pregnancy",
                "frail",
            ]
        )
    )
    if condition == "frail":
        data["age"] = draw(st.integers(80, 100))
        data["currently_active"] = False
    elif condition == "pregnancy":
        data["sex"] = "female"
        data["age"] = draw(st.integers(18, 45))
        data["therapies"] = []
        data["conditions"] = [c for c in data["conditions"] if c != "pregnancy"]
        data["conditions"].append("pregnancy")
    else:
        data["conditions"] = list(dict.fromkeys([condition, *data["conditions"]]))
    if "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_week", None)
    kit = draw(st.sampled_from([["bands"], ["dumbbells"], ["kettlebell"], ["barbell"], []]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_careful_balance_and_painful_backs_get_supported_stances_and_no_loaded_plank(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        balance_careful_or_back_pain(),
        {
            "stance-unsupported": stance_unsupported,
            "joint-pain-move-unfit": joint_pain_move_unfit,
            "vetoed-tag-in-plan": vetoed_tag_in_plan,
        },
        record_property,
        examples=EXAMPLES,
    )


PULLOVER_NO_BAR = {  # /tmp/coach7/min/PULLOVER-AS-PULL.yaml
    "age": 24,
    "sex": "female",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days": ["monday", "friday"],
    "minutes_per_session": 50,
    "equipment": ["dumbbells", "bench"],
    "currently_active": True,
}


def test_with_no_bar_the_vertical_pull_is_a_row_not_a_pullover() -> None:
    plan = builtin_plan(**PULLOVER_NO_BAR)
    assert "Dumbbell pullover" not in plan_names(plan, alternatives=False)
    stand_ins = [
        e
        for w in plan.weeks[:1]
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if "Stands in for a vertical-pull exercise: those your equipment allows work one joint"
        in e.notes
    ]
    assert stand_ins
    assert all("row" in e.name.lower() for e in stand_ins)
    verdict = pull_not_a_pull(parse_profile(PULLOVER_NO_BAR), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


SHORT_DAYS = {  # /tmp/coach7/min/SHORT-DAY-ONE-SET-2day.yaml
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "days": ["tuesday", "thursday"],
    "minutes_per_session": 20,
    "equipment": ["dumbbells"],
    "currently_active": True,
}
RECOVERING_SHORT_DAYS = {  # found by `lifts-spread-thin` at audit seed 3
    "age": 21,
    "sex": "female",
    "goals": ["endurance"],
    "conditions": ["overtraining-symptoms"],
    "days": ["tuesday", "friday", "saturday", "sunday"],
    "minutes_per_session": 20,
    "equipment": ["dumbbells", "kettlebell", "suspension-trainer", "bands"],
}


def test_twenty_minute_days_keep_the_big_lifts_at_two_sets_and_let_extras_go() -> None:
    plan = builtin_plan(weeks=12, **SHORT_DAYS)
    week = plan.weeks[0]
    lifting = [s for d in week.days for s in d.sessions if s.modality.value == "resistance"]
    assert len(lifting) == 2
    for s in lifting:
        big = [e for e in s.exercises if e.compound]
        assert len(big) >= 4
        assert all(e.sets >= 2 for e in big[:4]), [(e.name, e.sets) for e in s.exercises]
        assert s.duration_minutes <= 20
    verdict = lifts_spread_thin(parse_profile(SHORT_DAYS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_recovery_block_cuts_an_extra_before_a_big_lift_falls_to_one_set() -> None:
    plan = builtin_plan(weeks=4, **RECOVERING_SHORT_DAYS)
    verdict = lifts_spread_thin(parse_profile(RECOVERING_SHORT_DAYS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def short_days(draw: st.DrawFn) -> dict[str, Any]:
    """People under 65 with 15-25 minute days, often recovering (overtraining, stress, poor
    sleep: the block's sets are held or cut)."""
    data = draw(profiles(max_age=64))
    data["minutes_per_session"] = draw(st.integers(15, 25))
    extra = draw(st.sampled_from([[], ["overtraining-symptoms"], ["chronic-stress"]]))
    data["conditions"] = list(dict.fromkeys([*extra, *data["conditions"]]))
    return data


def test_short_days_never_spread_the_big_lifts_thin(record_property: pytest.RecordProperty) -> None:
    audit_property(
        short_days(),
        {"lifts-spread-thin": lifts_spread_thin, "pull-not-a-pull": pull_not_a_pull},
        record_property,
        examples=EXAMPLES,
        weeks=6,
    )


# ---- two faults of the merged branches, found by the audit at seed 21 ---------------------

RECOVERING_92 = {  # day-over-minutes: an overtraining block's days ran 1-2 minutes over
    "age": 92,
    "sex": "male",
    "goals": ["insulin-sensitivity"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["knee-pain", "prediabetes", "overtraining-symptoms"],
    "days": ["tuesday", "wednesday", "thursday"],
    "minutes_per_session": 45,
    "equipment": ["bodyweight", "bike"],
}
OLDER_SEVEN_DAYS = {  # week-changes-unexplained: the week after a mirrored deload
    "age": 66,
    "sex": "female",
    "goals": ["muscle", "bone-density", "strength"],
    "experience": "beginner",
    "days_per_week": 7,
    "minutes_per_session": 90,
    "equipment": ["bodyweight"],
}


def test_a_recovery_block_never_grows_a_day_past_its_minutes() -> None:
    """The overtraining hold keeps week 1's lighter sets every week, so each week's lifting
    is costed against week 1's session, not its fuller template (which left room a ride
    after lifting had already taken)."""
    plan = builtin_plan(**RECOVERING_92)
    verdict = day_over_minutes(parse_profile(RECOVERING_92), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    for week in plan.weeks:
        for day in week.days:
            assert sum(s.duration_minutes for s in day.sessions if not s.optional) <= 45


def test_the_week_after_a_mirrored_deload_says_the_days_swap_back() -> None:
    plan = builtin_plan(**OLDER_SEVEN_DAYS)
    verdict = week_changes_unexplained(parse_profile(OLDER_SEVEN_DAYS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    after = next(
        w for i, w in enumerate(plan.weeks[1:], 1) if plan.weeks[i - 1].deload and not w.deload
    )
    assert any("swap" in n for n in after.notes), after.notes


STRENGTH_CHIN_UPS = {  # alternative-unfit at audit seed 11: a muscle-up for an 8-rep chin-up
    "age": 53,
    "sex": "female",
    "goals": ["strength", "fat-loss", "bone-density"],
    "therapies": ["menopausal-hrt"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["chronic-stress"],
    "days_per_week": 2,
    "equipment": ["barbell", "bench", "pull-up-bar", "trap-bar", "dip-bars", "treadmill"],
}


def test_a_body_weight_lift_whose_reps_step_up_drops_alternatives_dosed_for_fewer() -> None:
    """A chin-up's alternatives fit its reps in every week (no bar muscle-up, a ballistic
    move dosed for few reps, for an 8-rep chin-up). Since coach review 9 (BW-STRENGTH-DRIFT)
    the strength slot's chin-up no longer steps past its 3-6 at all."""
    plan = builtin_plan(**STRENGTH_CHIN_UPS)
    verdict = alternative_unfit(parse_profile(STRENGTH_CHIN_UPS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    chin_ups = [
        e
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if e.name == "Chin-up" and e.reps is not None
    ]
    assert chin_ups
    assert all(e.reps is not None and e.reps.max <= 6 for e in chin_ups)
