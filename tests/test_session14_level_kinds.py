"""Session 14's level kinds, each with its smallest profile as a named test and a property over
the people the kind is about.

ADVANCED-GETS-BEGINNER-REGRESSIONS (coach review 16, left open then) An advanced man with body
    weight only had air squats, glute bridges and a rail-held low step-up as his leg work at
    RPE 7-8, which no trained lifter reaches in 8-16 reps. A move no kit can load is made hard
    only by its form, so among such moves the trained ranking puts the person's own level
    before two-sidedness, inside the rotation's tier (`fill.Picker._key`, `form_level`), and
    the library gained the trained lifter's body-weight squat and split squat (a single-leg
    squat to a chair, a rear-foot-elevated split squat). Check `unloadable-below-level`.
OLDER-RETURNING-SKILL-MOVES (found on the way) With the level first, a 74-year-old advanced
    lifter who is not training now got a pistol squat; she already had a handstand push-up
    against a wall, and other older people a renegade row as an alternative. From 65 (or after
    a fall), until the person is active and trained, balance-skill moves are left out with
    jumps and landings (`safety/older-adult-no-jumping`); the audit's standard says so too
    (`vetoed-tag-in-plan`).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import unloadable_below_level, vetoed_tag_in_plan
from tests.builtin import audit_check, builtin_plan, exercise_by_name, plan_names, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

ADVANCED_BODYWEIGHT = {
    "age": 28,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "equipment": ["bodyweight"],
}
OLDER_RETURNING = {
    "age": 74,
    "sex": "female",
    "goals": ["stress-resilience"],
    "experience": "advanced",
    "currently_active": False,
    "days": ["friday", "saturday"],
    "minutes_per_session": 60,
    "equipment": ["bodyweight"],
}
BEGINNER_MOVES = {"Bodyweight squat", "Glute bridge", "Low step-up", "Wall sit", "Push-up"}


def _work_names(plan: Any) -> set[str]:
    return {
        e.name for w in plan.weeks for s in week_lifting(w) if not s.optional for e in s.exercises
    }


def test_an_advanced_lifter_with_body_weight_only_trains_legs_on_one_leg() -> None:
    plan = builtin_plan(**ADVANCED_BODYWEIGHT)
    names = _work_names(plan)
    assert not names & BEGINNER_MOVES, sorted(names & BEGINNER_MOVES)
    # his squat, split squat and hinge are his own level's or the one below it
    legs = {n for n in names if exercise_by_name(n).pattern.value in ("squat", "lunge", "hinge")}
    assert legs
    assert all(exercise_by_name(n).level != "beginner" for n in legs), legs
    assert "Rear-foot-elevated split squat" in names
    verdict = audit_check("unloadable-below-level", ADVANCED_BODYWEIGHT, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_an_intermediate_lifter_gets_the_chair_squat_not_the_pistol() -> None:
    data = {**ADVANCED_BODYWEIGHT, "experience": "intermediate"}
    plan = builtin_plan(**data)
    names = _work_names(plan)
    assert "Pistol squat" not in plan_names(plan)  # above his level
    assert "Single-leg squat to a chair" in names
    # a chair in the plan carries its sturdy-chair note
    verdict = audit_check("chair-unsafe", data, plan)
    assert not verdict.faults, verdict.faults[:3]


def test_a_beginner_keeps_the_stable_two_legged_squat() -> None:
    """A beginner starts on the stable two-legged squat (COACHING.md §1: stable, simple
    versions before unstable or technical ones) and keeps it until its reps and its slowed
    lowering are used up. From then on (the lead's decision, session 23) moving one rung up
    the library's ladder - the single-leg squat to a chair - is the progression COACHING.md §3
    asks for, so this test reads the weeks before the ladder's first rung, not the whole
    block (coach review 29, BODYWEIGHT-PROGRESSION-LOOPS: tests/test_review30_bodyweight_ladder.py).
    Since coach review 31 (BODYWEIGHT-LEAP-TO-SINGLE-LEG) that rung is the pause squat, still
    two-legged: no single-leg squat in the whole block."""
    plan = builtin_plan(**{**ADVANCED_BODYWEIGHT, "experience": "beginner"})
    harder = {"Single-leg squat to a chair", "Rear-foot-elevated split squat"}
    first_rung = next(
        w.week
        for w in plan.weeks
        if any(n.startswith("Harder versions this week") for n in w.notes)
    )
    start = {
        e.name
        for w in plan.weeks
        if w.week < first_rung
        for s in week_lifting(w)
        for e in s.exercises
    }
    assert "Bodyweight squat" in start
    assert not start & harder
    # the rung comes only after the squat stood at the top of its range, its lowering slowed
    before = [
        e
        for w in plan.weeks
        if w.week < first_rung and not w.deload
        for s in week_lifting(w)
        for e in s.exercises
        if e.name == "Bodyweight squat"
    ]
    top = before[-1]
    assert top.reps is not None
    # (its range starts at the squat's own 12 reps, to 15: coach review 42,
    # REP-RANGE-BELOW-OWN-MIN-REPS; its top week holds 14-15)
    assert (top.reps.min, top.reps.max) == (14, 15)
    assert "Lower each rep slowly" in top.notes
    # and the two-legged squat stays the rung's alternative
    rung = next(
        e
        for w in plan.weeks
        if w.week >= first_rung
        for s in week_lifting(w)
        for e in s.exercises
        if e.name == "Pause squat"
    )
    assert rung.alternatives == ["Bodyweight squat"]
    assert not plan_names(plan, alternatives=False) & harder


def test_a_returning_74_year_old_gets_no_pistol_or_handstand() -> None:
    plan = builtin_plan(**OLDER_RETURNING)
    names = plan_names(plan)
    assert not names & {"Pistol squat", "Wall handstand push-up", "Renegade row"}
    warning = next(w for w in plan.warnings if w.code == "older-adult-no-jumping")
    assert "pistol squat" in warning.message
    for check in ("vetoed-tag-in-plan", "unloadable-below-level"):
        verdict = audit_check(check, OLDER_RETURNING, plan)
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


@st.composite
def trained_light_kit_people(draw: st.DrawFn) -> dict[str, Any]:
    """Intermediate and advanced lifters whose kit loads little or nothing (body weight, a
    pull-up bar, bands), of every age and condition the generator gives."""
    data = draw(profiles())
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["equipment"] = draw(
        st.sampled_from([["bodyweight"], ["pull-up-bar"], ["bands"], ["bodyweight", "bench"]])
    )
    return data


def test_trained_lifters_never_get_beginner_body_weight_moves_below_an_open_harder_one(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_light_kit_people(),
        {"unloadable-below-level": unloadable_below_level},
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def older_not_training_people(draw: st.DrawFn) -> dict[str, Any]:
    """People from 65 who are not both active and trained, on light kits."""
    data = draw(trained_light_kit_people())
    data["age"] = draw(st.integers(65, 100))
    if draw(st.booleans()):
        data["currently_active"] = False
    else:
        data["experience"] = "beginner"
    return data


def test_older_people_not_training_get_no_balance_skill_moves(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        older_not_training_people(),
        {"vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )
