"""The 20-plan coach review's selection kinds: each test is the smallest profile that showed a
fault kind, kept once the kind was fixed at its cause (a library tag, a rule, the picker).

K6  A painful shoulder was sent lap swimming (overhead pulling its own warning excludes).
K10 Triad/RED-S signs got a renegade row and a Russian twist.
K12 A frail 96-year-old with osteoporosis and only bands got no pull and no back-extensor work.
K5  An active beginner with a barbell and a bench got a wall sit, wall push-ups and a chair.
K9b An advanced lifter with dumbbells squatted to a knee-height box (an entry-level form).
"""

from __future__ import annotations

from endoprotocol import parse_profile
from endoprotocol.audit import (
    beginner_kit_unused,
    bone_session_lacks_posture_or_pull,
    joint_pain_move_unfit,
    partial_range_for_trained,
    regression_for_trained,
    triad_technical_or_twisting,
)
from tests.builtin import builtin_library, builtin_plan, plan_names

_plan = builtin_plan


_names = plan_names


# ---- K6: joint pain and the cardio and lifts that load the painful joint


SHOULDER = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["shoulder-pain"],
    "days_per_week": 3,
    "minutes_per_session": 45,
    "equipment": ["pool", "bodyweight"],
    "currently_active": True,
}


def test_a_painful_shoulder_walks_or_jogs_in_the_pool_and_is_never_sent_lap_swimming() -> None:
    plan = _plan(**SHOULDER)
    names = _names(plan)
    assert "Lap swimming" not in names
    assert "Swim intervals" not in names
    assert "Pool walking or aqua jog" in _names(plan, alternatives=False)
    verdict = joint_pain_move_unfit(parse_profile(SHOULDER), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_a_triathlete_without_shoulder_pain_still_swims() -> None:
    plan = _plan(
        age=45,
        sex="male",
        goals=["endurance"],
        experience="advanced",
        days_per_week=6,
        minutes_per_session=90,
        equipment=["pool", "bike", "treadmill", "dumbbells"],
        currently_active=True,
    )
    assert "Lap swimming" in _names(plan)


def test_a_painful_knee_gets_no_jumps_deep_loaded_bends_or_step_cardio() -> None:
    profile = {
        "age": 50,
        "sex": "male",
        "goals": ["fat-loss"],
        "conditions": ["knee-pain"],
        "days_per_week": 4,
        "minutes_per_session": 60,
        "equipment": ["barbell", "bench", "dumbbells", "bodyweight"],
        "experience": "advanced",
        "currently_active": True,
    }
    plan = _plan(**profile)
    verdict = joint_pain_move_unfit(parse_profile(profile), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


# ---- K10: Triad/RED-S signs and technical or rotating lifts

TRIAD = {
    "age": 20,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "intermediate",
    "conditions": ["low-energy-availability"],
    "days_per_week": 3,
    "minutes_per_session": 60,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def test_triad_signs_get_no_renegade_row_and_no_russian_twist() -> None:
    plan = _plan(**TRIAD)
    names = _names(plan)
    assert "Renegade row" not in names
    assert "Russian twist" not in names
    assert "Supported one-arm dumbbell row" in names  # the horizontal pull is still there
    verdict = triad_technical_or_twisting(parse_profile(TRIAD), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_osteoporosis_gets_no_renegade_row_and_no_russian_twist() -> None:
    profile = {
        "age": 58,
        "sex": "female",
        "goals": ["bone-density"],
        "experience": "intermediate",
        "conditions": ["osteoporosis"],
        "days_per_week": 3,
        "minutes_per_session": 50,
        "equipment": ["dumbbells"],
        "currently_active": True,
    }
    plan = _plan(**profile)
    names = _names(plan)
    assert "Renegade row" not in names
    assert "Russian twist" not in names


# ---- K12: bands alone still give a pull and posture work


FRAIL_BANDS = {
    "age": 96,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["osteoporosis"],
    "days_per_week": 2,
    "minutes_per_session": 20,
    "equipment": ["bands"],
    "currently_active": False,
}


def test_a_frail_96_year_old_with_bands_gets_a_pull_and_posture_work_every_session() -> None:
    plan = _plan(**FRAIL_BANDS)
    assert not [w for w in plan.warnings if w.code == "could-not-plan"]
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                if s.modality.value != "resistance":
                    continue
                names = [e.name for e in s.exercises]
                # since coach review 17 her row leans on a counter (the pull-apart binds
                # both hands, FRAIL-ROW-UNSUPPORTED)
                assert "Supported one-arm band row" in names, names
                assert "Standing wall posture hold" in names, names
    verdict = bone_session_lacks_posture_or_pull(
        parse_profile(FRAIL_BANDS), plan, builtin_library()
    )
    assert verdict.applies
    assert not verdict.faults


# ---- K5: a beginner's barbell and bench are used


BEGINNER_BARBELL = {
    "age": 25,
    "sex": "male",
    "goals": ["strength"],
    "experience": "beginner",
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
    "equipment": ["barbell", "bench", "bodyweight", "rack"],
    "currently_active": True,
}


def test_an_active_beginner_with_a_barbell_squats_presses_hinges_and_rows_with_it() -> None:
    plan = _plan(**BEGINNER_BARBELL)
    names = _names(plan, alternatives=False)
    assert {
        "Barbell box squat",
        "Barbell bench press",
        "Barbell Romanian deadlift",
        "Barbell bent-over row",
    } <= names
    for unfit in (
        "Wall sit",
        "Wall push-up",
        "Incline push-up",
        "Seated chair press-up",
        "Towel door row",
        "Wall-supported march",
        "Prone floor lat pull",
    ):
        assert unfit not in names
    verdict = beginner_kit_unused(parse_profile(BEGINNER_BARBELL), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_an_inactive_older_beginner_may_still_start_from_an_incline_push_up() -> None:
    plan = _plan(
        age=70,
        sex="female",
        goals=["general-health"],
        days_per_week=2,
        minutes_per_session=45,
        equipment=["bodyweight"],
        currently_active=False,
    )
    assert _names(plan, alternatives=False) & {"Incline push-up", "Wall push-up"}


# ---- K9b: a trained lifter's squat is a full-range one


ADVANCED_DUMBBELLS = {
    "age": 45,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 60,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def test_an_advanced_lifter_with_dumbbells_squats_full_range_not_to_a_high_box() -> None:
    """The high-box squat ranked first for a trained lifter only because it carries no
    caution tag; it is an entry-level form (a regression), so a full-range squat leads: the
    dumbbell front squat, the intermediate lifter's dumbbell squat since coach review 34
    (PARTIAL-BOX-SQUAT-AS-ADVANCED-MAIN-SQUAT), ahead of the beginner's goblet squat."""
    plan = _plan(**ADVANCED_DUMBBELLS)
    names = _names(plan, alternatives=False)
    assert "Dumbbell squat to a high box" not in names
    assert "Dumbbell front squat" in names
    for check in (partial_range_for_trained, regression_for_trained):
        verdict = check(parse_profile(ADVANCED_DUMBBELLS), plan, builtin_library())
        assert verdict.applies
        assert not verdict.faults


def test_a_painful_knee_may_still_squat_to_a_high_box() -> None:
    """With deep knee bends vetoed, the high-box squat is what keeps the squat pattern."""
    plan = _plan(**{**ADVANCED_DUMBBELLS, "conditions": ["knee-pain"]})
    names = _names(plan, alternatives=False)
    assert "Goblet squat" not in names
    assert "Dumbbell squat to a high box" in names
