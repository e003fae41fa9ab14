"""Coach review 42's SPINE-FRACTURE-LOADED-FLEXION-AND-PLANK and
LOADED-TWIST-FOR-OLDER-BONE-GOAL (safety): no rowing machine and no loaded plank after a
vertebral fracture, no rowing machine with osteoporosis, and no loaded bending or twisting
of the spine for a bone-density goal from 65; the checks faulting the old plans, and
properties over people with fragile or possibly fragile bones.

SPINE-FRACTURE-LOADED-FLEXION-AND-PLANK (COACHING.md §4) A 60-year-old woman after a
    vertebral fracture, with a rower, 2 days of 45 minutes: "Rowing session 12 min -
    Rowing machine steady row" after each lifting session and optional 40-minute rows; a
    40-year-old after one, body weight only: week 1 Thursday "Weighted push-up: 1x10-15,
    RPE 3-4 - wear a backpack loaded ... high on the upper back". *Cause:*
    `safety/vertebral-fracture` forbade neither `loaded-plank` nor
    `repeated-spinal-flexion` (only low-back and shoulder pain did). *Decision:*
    `safety/low-bone-density-no-rowing` (osteoporosis or a vertebral fracture, with a
    rower): the rower is vetoed and a warning says why; `safety/vertebral-fracture` also
    vetoes `loaded-plank`. Check `spine-fracture-loaded-flexion`.

LOADED-TWIST-FOR-OLDER-BONE-GOAL (COACHING.md §4) A 70-year-old woman, goal bone density,
    dumbbells: "Russian twist: 2x8-12, RPE 7-8 - sit leaning back with a dumbbell at the
    chest and rotate". *Cause:* spine-sparing vetoes reached only a named osteoporosis or
    fracture. *Decision:* `safety/older-bone-goal-spine-sparing` (bone-density goal from
    65): no `spinal-flexion`, no `twisting`. Check `older-bone-goal-loaded-twist`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS, forbidden_tags
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    exercises_edited,
    plan_names,
)
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
SPINE = "spine-fracture-loaded-flexion"
TWIST = "older-bone-goal-loaded-twist"

# /tmp/s32/coach42/min/vr.yaml
ROWER = {
    "age": 60,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "currently_active": True,
    "conditions": ["vertebral-fracture"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["rower"],
}
# /tmp/s32/coach42/min/v6.yaml
BACKPACK = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["vertebral-fracture"],
    "days_per_week": 2,
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}
# /tmp/s32/coach42/min/rt1.yaml
TWIST_70 = {
    "age": 70,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 2,
    "minutes_per_session": 60,
    "equipment": ["dumbbells"],
}
ROWING = {"Rowing machine steady row", "Rower intervals"}
LOADED_PLANKS = {"Weighted push-up", "Band-resisted push-up", "Renegade row"}
BENDS_OR_TWISTS = {"Russian twist", "Crunch", "Cable woodchop", "Cable crunch", "Hollow hold"}


def _sessions(plan: Any) -> list[Any]:
    return [s for w in plan.weeks for d in w.days for s in d.sessions]


def test_fracture_with_a_rower_walks_instead_and_is_told_why() -> None:
    """vr.yaml: no rowing session, required or optional, and no row offered as an
    alternative; the cardio after lifting is a brisk walk, a warning says why the rower is
    left out, and the spine-care split and the physiotherapist warning stay."""
    plan = builtin_plan(weeks=4, **ROWER)
    assert not ROWING & plan_names(plan)
    titles = {s.title for s in _sessions(plan) if s.modality.value == "endurance"}
    assert titles
    assert not any("Rowing" in t for t in titles)
    assert "Brisk walk" in titles
    codes = {w.code for w in plan.warnings}
    assert "low-bone-density-no-rowing" in codes
    assert "vertebral-fracture-physiotherapy" in codes
    lifting = [s for s in _sessions(plan) if s.modality.value == "resistance"]
    assert lifting
    assert all("(spine care)" in s.title for s in lifting)
    assert not audit_check(SPINE, ROWER, plan).faults


def test_fracture_light_start_has_no_backpack_push_up() -> None:
    """v6.yaml: no weighted or band-loaded push-up in any week, nor as an alternative, and
    the warning names them; an unloaded push-up still trains the chest."""
    plan = builtin_plan(weeks=8, **BACKPACK)
    names = plan_names(plan)
    assert not LOADED_PLANKS & names
    assert any("push-up" in n.lower() for n in names)
    warning = next(w for w in plan.warnings if w.code == "vertebral-fracture-physiotherapy")
    assert "no push-ups or planks with a weight or band on your back" in warning.message
    assert not audit_check(SPINE, BACKPACK, plan).faults


def test_osteoporosis_with_a_rower_rows_no_more() -> None:
    """The decision for osteoporosis without a fracture: its rule already keeps loaded
    spinal flexion out, and a rowing stroke is that, so the rower goes too; a loaded
    push-up (a neutral spine held, not bent) stays open to it."""
    person = {**ROWER, "conditions": ["osteoporosis"], "equipment": ["rower", "bands"]}
    plan = builtin_plan(weeks=4, **person)
    assert not ROWING & plan_names(plan)
    assert "low-bone-density-no-rowing" in {w.code for w in plan.warnings}
    assert not audit_check(SPINE, person, plan).faults
    banned = forbidden_tags(parse_profile(person), 4)
    assert "repeated-spinal-flexion" in banned
    assert "loaded-plank" not in banned


def test_rower_stays_without_fragile_bones() -> None:
    person = {**ROWER, "conditions": []}
    plan = builtin_plan(weeks=2, **person)
    assert ROWING & plan_names(plan)
    assert not audit_check(SPINE, person, plan).applies


def test_older_bone_goal_trains_the_core_without_twisting() -> None:
    """rt1.yaml: Thursday's core slot holds a spine-sparing move (the dead bug) where the
    Russian twist was, no crunch or twist is offered anywhere, and a warning says why."""
    plan = builtin_plan(weeks=4, **TWIST_70)
    names = plan_names(plan)
    assert not BENDS_OR_TWISTS & names
    core = [
        e.name
        for s in _sessions(plan)
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.pattern.value == "core"
    ]
    assert core
    assert "older-bone-goal-spine-sparing" in {w.code for w in plan.warnings}
    assert not audit_check(TWIST, TWIST_70, plan).faults


def test_younger_bone_goal_keeps_the_core_library() -> None:
    """At 60 with no diagnosis the veto does not reach: the check does not apply."""
    person = {**TWIST_70, "age": 60}
    plan = builtin_plan(weeks=2, **person)
    assert "older-bone-goal-spine-sparing" not in {w.code for w in plan.warnings}
    assert not audit_check(TWIST, person, plan).applies


def _swap(plan: Any, pattern: str, name: str) -> Any:
    """The plan with the first exercise of `pattern` in week 1 renamed `name` (the old
    form)."""
    done: list[str] = []

    def swapped(e: Any) -> Any:
        if done or e.pattern.value != pattern:
            return e
        done.append(e.name)
        return e.model_copy(update={"name": name, "alternatives": []})

    old = exercises_edited(plan, swapped)
    assert done
    return old


def test_the_checks_fault_the_old_plans() -> None:
    library = builtin_library()
    rowed = _swap(builtin_plan(weeks=1, **ROWER), "cardio", "Rowing machine steady row")
    faults = CHECKS[SPINE](parse_profile(ROWER), rowed, library).faults
    assert faults
    assert "rowing stroke" in faults[0].what
    loaded = _swap(builtin_plan(weeks=1, **BACKPACK), "horizontal-push", "Weighted push-up")
    faults = CHECKS[SPINE](parse_profile(BACKPACK), loaded, library).faults
    assert faults
    assert "loaded plank" in faults[0].what
    twisted = _swap(builtin_plan(weeks=1, **TWIST_70), "core", "Russian twist")
    faults = CHECKS[TWIST](parse_profile(TWIST_70), twisted, library).faults
    assert faults
    assert "Russian twist" in faults[0].what


@st.composite
def fragile_spines(draw: st.DrawFn) -> dict[str, Any]:
    """People with a vertebral fracture, osteoporosis or a bone-density goal, 40-85, with a
    rower, body weight, dumbbells or bands, on 2-4 days."""
    condition = draw(st.sampled_from([["vertebral-fracture"], ["osteoporosis"], []]))
    goal = (
        "bone-density"
        if not condition
        else draw(st.sampled_from(["bone-density", "general-health", "strength", "endurance"]))
    )
    return {
        "age": draw(st.integers(40, 85)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [goal],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "conditions": condition,
        "days_per_week": draw(st.integers(2, 4)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60])),
        "equipment": draw(
            st.sampled_from(
                [["rower"], ["bodyweight"], ["dumbbells"], ["bands"], ["rower", "dumbbells"]]
            )
        ),
    }


def test_fragile_spines_neither_row_nor_twist(record_property: Any) -> None:
    audit_property(
        fragile_spines(),
        {SPINE: CHECKS[SPINE], TWIST: CHECKS[TWIST]},
        record_property,
        examples=EXAMPLES,
    )
