"""Issue 12: each hole found in review, as the smallest profile that showed it.

Every test names the exact expectation (vetoed names absent, intensity, clearance, warning
code, exit code); the property module `test_safety_properties.py` guards each whole kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from endoprotocol import build_plan, parse_profile
from endoprotocol.plan import Exercise, Plan, Session
from tests.builtin import builtin_library, builtin_rules, exercise_by_name
from tests.conftest import RunCli, assert_rejected


def plan(weeks: int = 4, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def all_sessions(p: Plan) -> list[Session]:
    return [s for w in p.weeks for d in w.days for s in d.sessions]


def all_exercises(p: Plan) -> list[Exercise]:
    return [e for s in all_sessions(p) for e in s.exercises]


def names_offered(p: Plan) -> set[str]:
    """Every exercise planned or offered as an alternative, in any week."""
    return {n for e in all_exercises(p) for n in [e.name, *e.alternatives]}


def tags_offered(p: Plan) -> set[str]:
    return {t for n in names_offered(p) for t in set(exercise_by_name(n).tags)}


def codes(p: Plan) -> set[str]:
    return {w.code for w in p.warnings}


# ---- pregnancy --------------------------------------------------------------------------

PREGNANT = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["pregnancy"],
    "equipment": ["bodyweight"],
}


def test_pregnancy_has_no_jumps_swings_head_down_or_face_down_work() -> None:
    p = plan(**PREGNANT)
    offered = names_offered(p)
    for name in (
        "Squat jump",
        "Decline push-up",
        "Kettlebell swing",
        "Prone floor lat pull",
        "Back extension (45-degree bench)",
    ):
        assert name not in offered
    assert not tags_offered(p) & {
        "jumping",
        "ballistic",
        "high-impact",
        "fall-risk",
        "supine",
        "prone",
        "head-down",
        "chair",
    }
    assert p.screening.clearance == "recommended"
    assert p.screening.max_intensity == "moderate"
    assert "hiit" not in {s.modality.value for s in all_sessions(p)}


def test_pregnancy_strength_is_moderate_and_coherent_on_a_full_gym() -> None:
    p = plan(
        **{**PREGNANT, "goals": ["strength"], "equipment": ["barbell", "dumbbells", "machines"]}
    )
    lifts = [e for s in all_sessions(p) if s.modality.value == "resistance" for e in s.exercises]
    assert lifts
    for e in lifts:
        assert e.reps is not None or e.work_seconds is not None
        if e.reps is not None:
            assert e.reps.min >= 10, e
        if e.intensity.rir is not None:
            assert e.intensity.rir.min >= 4, e
        if e.intensity.pct_1rm is not None:
            assert e.intensity.pct_1rm.max <= 65, e
        assert e.intensity.rpe is not None
        assert e.intensity.rpe.max <= 6
    assert any("care provider may allow more" in n for s in all_sessions(p) for n in s.notes)


def test_pregnancy_week_lets_supine_work_back_only_in_the_first_trimester() -> None:
    gym = {**PREGNANT, "equipment": ["dumbbells", "bodyweight"]}
    early = plan(**gym, pregnancy_week=8)
    late = plan(**gym, pregnancy_week=20)
    unknown = plan(**gym)
    assert "supine" in tags_offered(early)
    assert "supine" not in tags_offered(late)
    assert "supine" not in tags_offered(unknown)


def test_pregnancy_week_needs_pregnancy_and_a_week_in_range(cli: RunCli) -> None:
    base = ["plan", "--age", "30", "--sex", "female", "--goal", "general-health"]
    assert_rejected(
        cli(*base, "--profile", "-", input="{pregnancy_week: 20}\n"),
        3,
        "pregnancy_week",
        "pregnancy",
    )
    assert_rejected(
        cli(*base, "--condition", "pregnancy", "--profile", "-", input="{pregnancy_week: 43}\n"),
        3,
        "pregnancy_week",
        "42",
    )


# ---- Female Athlete Triad / RED-S -------------------------------------------------------

TRIAD = {
    "age": 24,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 6,
    "conditions": ["low-energy-availability", "menstrual-irregularity"],
    "equipment": ["bike", "dumbbells"],
}


def test_triad_signs_get_provisional_clearance_and_a_held_load() -> None:
    p = plan(**TRIAD)
    assert p.screening.clearance == "recommended"
    assert p.screening.max_intensity == "moderate"
    assert any(r.startswith("Provisional clearance") for r in p.screening.reasons)
    assert "female-athlete-triad" in codes(p)
    assert "hiit" not in {s.modality.value for s in all_sessions(p)}
    for week in p.weeks:
        hard = [
            s
            for d in week.days
            for s in d.sessions
            if s.modality.value in ("resistance", "hiit") or s.intensity_class.value == "vigorous"
        ]
        assert len(hard) <= 2, week.week
    assert not tags_offered(p) & {"jumping", "high-impact", "ballistic", "skill"}
    aerobic = next(g for g in p.guidelines if g.id == "who-2020-aerobic")
    assert not aerobic.met
    assert aerobic.suggestion is None
    assert aerobic.held_by == ["safety/female-athlete-triad"]
    assert "safety/female-athlete-triad" in aerobic.detail


def test_red_s_in_a_man_is_held_the_same_way() -> None:
    p = plan(**{**TRIAD, "sex": "male", "conditions": ["low-energy-availability"]})
    assert p.screening.max_intensity == "moderate"
    assert "red-s-risk" in codes(p)
    assert "hiit" not in {s.modality.value for s in all_sessions(p)}


# ---- osteoporosis with a vertebral fracture ---------------------------------------------


def test_vertebral_fracture_fat_loss_is_moderate_spine_sparing_with_back_work() -> None:
    p = plan(
        age=66,
        sex="female",
        goals=["fat-loss"],
        experience="intermediate",
        currently_active=True,
        conditions=["osteoporosis", "vertebral-fracture"],
        equipment=["dumbbells", "bands", "bodyweight", "kettlebell"],
    )
    assert p.screening.max_intensity == "moderate"
    assert p.screening.clearance in ("recommended", "required")
    assert any("physiotherapist" in s for s in p.screening.next_steps)
    kinds = {s.modality.value for s in all_sessions(p)}
    assert "hiit" not in kinds
    offered = names_offered(p)
    assert not {"Cat-camel", "Dumbbell thrusters (intervals)", "Kettlebell swing"} & offered
    assert not tags_offered(p) & {"spinal-flexion", "twisting", "squat-to-press", "ballistic"}
    lifting = [s for s in all_sessions(p) if s.modality.value == "resistance"]
    assert lifting
    assert all("spine care" in s.title for s in lifting)
    for s in lifting:
        assert any(e.pattern.value == "isolation" and "back" in e.muscles for e in s.exercises), (
            s.title
        )


# ---- older adults -----------------------------------------------------------------------


def test_an_inactive_72_year_old_gets_no_jumps_or_dips() -> None:
    p = plan(age=72, sex="male", goals=["general-health"], equipment=["bodyweight", "dumbbells"])
    assert not tags_offered(p) & {"jumping", "high-impact", "ballistic", "horizontal-end-range"}
    assert not {"Squat jump", "Parallel-bar dip", "Bench dip"} & names_offered(p)


def test_frail_people_stay_standing_or_supported_at_moderate_at_most() -> None:
    p = plan(age=84, sex="female", goals=["general-health"], equipment=["bodyweight", "bands"])
    assert p.screening.max_intensity == "moderate"
    assert not tags_offered(p) & {"floor", "supine", "prone", "head-down", "fall-risk", "chair"}
    assert "frail-older-adult" in codes(p)


def test_balance_for_falls_prevention_is_required_on_offered_days_and_reported_honestly() -> None:
    p = plan(
        age=70,
        sex="female",
        goals=["general-health"],
        days=["monday", "wednesday", "friday"],
        currently_active=True,
        experience="intermediate",
    )
    required = {
        d.day.value
        for d in p.days
        for s in d.sessions
        if s.modality.value == "balance" and not s.optional
    }
    assert required == {"monday", "wednesday", "friday"}
    balance = next(g for g in p.guidelines if g.id == "who-2020-balance")
    assert (balance.met, balance.met_with_optional, balance.value) == (True, True, 3)
    assert balance.reached_in_week == 1


def test_a_past_fall_brings_falls_prevention_at_any_age() -> None:
    p = plan(age=45, sex="male", goals=["strength"], conditions=["falls-history"])
    assert "falls-history" in codes(p)
    assert "fall-risk" not in tags_offered(p)
    assert sum(1 for d in p.days if any(s.modality.value == "balance" for s in d.sessions)) >= 3


# ---- joints -----------------------------------------------------------------------------


def test_shoulder_pain_drops_bar_on_back_deep_pressing_and_overhead_pulling() -> None:
    p = plan(
        age=40,
        sex="male",
        goals=["muscle"],
        experience="advanced",
        currently_active=True,
        days_per_week=4,
        conditions=["shoulder-pain"],
        equipment=["barbell", "dumbbells", "machines", "bodyweight"],
    )
    offered = names_offered(p)
    for name in ("Barbell back squat", "Barbell bench press", "Pull-up", "Lat pulldown"):
        assert name not in offered
    assert not tags_offered(p) & {"overhead", "bar-on-back", "horizontal-end-range"}


@pytest.mark.parametrize("condition", ["knee-pain", "peripheral-neuropathy"])
def test_knee_pain_and_neuropathy_get_no_step_up_cardio(condition: str) -> None:
    extra = ["type-2-diabetes"] if condition == "peripheral-neuropathy" else []
    p = plan(
        age=58,
        sex="male",
        goals=["endurance", "fat-loss"],
        days_per_week=5,
        conditions=[condition, *extra],
        equipment=["bodyweight"],
    )
    cardio = [e for e in all_exercises(p) if e.pattern.value in ("cardio", "intervals")]
    assert cardio
    assert not {"Low step-ups for cardio", "Fast step-up intervals"} & names_offered(p)
    assert "step-cardio" not in tags_offered(p)


# ---- contradictions ---------------------------------------------------------------------


def test_referral_only_plans_suggest_nothing() -> None:
    p = plan(
        age=55,
        sex="male",
        goals=["fat-loss"],
        conditions=["recent-cardiac-event"],
        screening={"chest_pain": True},
    )
    assert p.screening.referral_only
    assert p.guidelines
    for g in p.guidelines:
        assert g.suggestion is None
        assert "Add" not in g.detail


def test_low_testosterone_symptoms_bring_a_check_up_not_a_referral_or_a_therapy() -> None:
    p = plan(age=50, sex="male", goals=["muscle"], conditions=["low-testosterone-symptoms"])
    assert p.screening.clearance == "recommended"
    assert not p.screening.referral_only
    (w,) = [w for w in p.warnings if w.code == "low-testosterone-symptoms"]
    assert w.severity == "medium"
    assert "does not suggest starting any hormone" in w.message
    assert any(s.modality.value == "resistance" for s in all_sessions(p))


def test_very_old_inactive_people_are_capped_at_moderate() -> None:
    assert plan(age=92, sex="male", goals=["general-health"]).screening.max_intensity in (
        "moderate",
        "light",
        "none",
    )
