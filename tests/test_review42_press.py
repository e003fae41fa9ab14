"""Coach review 42's FALLER-NO-LOADABLE-HORIZONTAL-PRESS: a person no weight may go to the
floor with, who owns dumbbells, a kettlebell or bands, presses with a load off the floor; the
check faulting the old plan, and a property over older fallers and fragile bones.

FALLER-NO-LOADABLE-HORIZONTAL-PRESS (COACHING.md §1 exercise fit, §3 progression; EVIDENCE.md
    older adults: progressive resistance) A 72-year-old woman after a fall, strength first,
    dumbbells and no bench: since falls41 (`safety/faller-no-loaded-floor`) her dumbbell floor
    press was an incline push-up on Monday and Friday and a wall push-up on Wednesday for all
    8 weeks - the body's weight, nothing to add. *Cause:* the library held no loadable press
    off the floor for a kit without a bench, and the standing band chest press binds both
    hands to the band (`hands-bound`, barred after a fall). *Decision:* three stand-ins
    (`instead_of`: only where the floor, bench or two-handed band press is not open): a
    supported one-arm band chest press (band anchored behind, the free hand on a wall or
    counter) and a counter push-up with a dumbbell or a kettlebell in a backpack
    (`loaded-plank`, so back, shoulder, blood-pressure, pregnancy and - new - frailty rules
    leave it out). A dumbbell pressed forward standing is not one: gravity loads the front
    of the shoulder holding it up, not the chest pressing it out. Check
    `faller-press-unloadable`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS, is_floor_work
from tests.builtin import audit_check, builtin_library, builtin_plan, exercise_by_name
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "faller-press-unloadable"

SMALLEST = {
    "age": 72,
    "sex": "female",
    "goals": ["strength"],
    "conditions": ["falls-history"],
    "equipment": ["dumbbells"],
}
FRAGILE = {**SMALLEST, "age": 70, "conditions": ["osteoporosis"]}
WITH_BANDS = {
    "age": 66,
    "sex": "male",
    "goals": ["muscle"],
    "conditions": ["falls-history"],
    "equipment": ["dumbbells", "bands"],
}
BANDS_ONLY = {**SMALLEST, "equipment": ["bands"]}
KETTLEBELL = {**SMALLEST, "goals": ["bone-density"], "equipment": ["kettlebell"]}
TRAINED = {**SMALLEST, "experience": "intermediate", "currently_active": True}

DUMBBELL_PACK = "Counter push-up with a dumbbell in a backpack"
KETTLEBELL_PACK = "Counter push-up with a kettlebell in a backpack"
BAND_PRESS = "Supported one-arm band chest press"
NEW = (DUMBBELL_PACK, KETTLEBELL_PACK, BAND_PRESS)
UNLOADED = {"Incline push-up", "Wall push-up"}


def _presses(plan: Any) -> list[Any]:
    """Every horizontal push of the plan's lifting sessions, week by week."""
    return [
        e
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.pattern.value == "horizontal-push"
    ]


def test_smallest_profile_presses_with_a_dumbbell_every_week() -> None:
    """What she notices: every press of the 8 weeks is the counter push-up with a dumbbell
    in her backpack - a load she can raise - never a wall push-up alone, never the floor."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    presses = _presses(plan)
    assert len(presses) >= 16
    assert {e.name for e in presses} == {DUMBBELL_PACK}
    for e in presses:
        assert "In place of Dumbbell floor press (safety/faller-no-loaded-floor)" in e.notes
        assert "counter" in e.notes
    assert not audit_check(CHECK, SMALLEST, plan).faults
    assert not audit_check("faller-loaded-floor-work", SMALLEST, plan).faults
    assert not audit_check("vetoed-tag-in-plan", SMALLEST, plan).faults


def test_fragile_bones_at_70_and_a_trained_faller_press_with_load() -> None:
    """Osteoporosis at 70 (the floor rule from 65) is served the same; a trained faller's
    press is the loaded one too, ahead of the deficit and feet-elevated push-ups."""
    for data in (FRAGILE, TRAINED):
        plan = builtin_plan(weeks=8, **data)
        assert {e.name for e in _presses(plan)} == {DUMBBELL_PACK}, data
        assert not audit_check(CHECK, data, plan).faults


def test_band_owners_press_one_arm_with_a_hand_on_support() -> None:
    """With bands (alone or with dumbbells), the one-arm band press with the free hand on a
    wall or counter: never the two-handed band press the falls rule keeps out."""
    for data in (WITH_BANDS, BANDS_ONLY):
        plan = builtin_plan(weeks=8, **data)
        names = {e.name for e in _presses(plan)}
        assert names == {BAND_PRESS}, data
        assert "Standing band chest press" not in {
            n for e in _presses(plan) for n in [e.name, *e.alternatives]
        }
        assert not audit_check(CHECK, data, plan).faults


def test_kettlebell_owner_loads_the_counter_push_up() -> None:
    plan = builtin_plan(weeks=8, **KETTLEBELL)
    assert {e.name for e in _presses(plan)} == {KETTLEBELL_PACK}
    assert not audit_check(CHECK, KETTLEBELL, plan).faults


def test_the_new_presses_stay_off_the_floor_and_keep_a_hand_free() -> None:
    """The library entries: none starts on the floor or takes a weight there; the band press
    binds one hand only; the backpack presses are loaded planks (the rules that bar those
    bar them); each stands in only where the presses it replaces are not open."""
    for name in NEW:
        entry = exercise_by_name(name)
        assert entry.pattern.value == "horizontal-push"
        assert entry.level == "beginner"
        assert not is_floor_work(entry)
        assert not {"floor", "loaded-floor", "hands-bound", "supine", "prone"} & set(entry.tags)
        assert entry.instead_of
        assert builtin_library().loadability(entry) > 0
    assert "band-chest-press" in exercise_by_name(BAND_PRESS).instead_of
    assert "unilateral" in exercise_by_name(BAND_PRESS).tags
    for name in (DUMBBELL_PACK, KETTLEBELL_PACK):
        entry = exercise_by_name(name)
        assert "loaded-plank" in entry.tags
        assert "dumbbell-floor-press" in entry.instead_of


def test_nobody_else_changes_press() -> None:
    """The floor press stays where the floor rule does not reach (40, and 70 with neither a
    fall nor fragile bones), the bench press with a bench, the two-handed band press without
    a fall; a frail 85-year-old and a faller with high blood pressure keep the unloaded
    push-ups (no loaded plank for them), and the frail one with bands gets the band press."""
    keep = [
        ({"age": 40, "sex": "female", "goals": ["strength"], "equipment": ["dumbbells"]}, None),
        ({"age": 70, "sex": "female", "goals": ["strength"], "equipment": ["dumbbells"]}, None),
        ({**SMALLEST, "equipment": ["dumbbells", "bench"]}, None),
        ({"age": 50, "sex": "male", "goals": ["muscle"], "equipment": ["bands"]}, None),
    ]
    for data, _ in keep:
        names = {e.name for e in _presses(builtin_plan(weeks=4, **data))}
        assert names
        assert not names & set(NEW), data
    frail = {"age": 85, "sex": "female", "goals": ["general-health"], "equipment": ["dumbbells"]}
    high_bp = {**SMALLEST, "conditions": ["falls-history", "hypertension"]}
    for data in (frail, high_bp):
        plan = builtin_plan(weeks=4, **data)
        assert {e.name for e in _presses(plan)} <= UNLOADED, data
        assert not audit_check(CHECK, data, plan).faults
    frail_bands = {**frail, "equipment": ["bands"]}
    assert {e.name for e in _presses(builtin_plan(weeks=4, **frail_bands))} == {BAND_PRESS}


def test_the_check_faults_the_old_plan() -> None:
    """The old plan: the incline and wall push-ups in place of the loaded press."""
    plan = builtin_plan(weeks=2, **SMALLEST)
    incline = exercise_by_name("Incline push-up")
    weeks = []
    for w in plan.weeks:
        days = []
        for d in w.days:
            sessions = []
            for s in d.sessions:
                exercises = [
                    e.model_copy(update={"name": incline.name, "notes": incline.cue})
                    if e.name == DUMBBELL_PACK
                    else e
                    for e in s.exercises
                ]
                sessions.append(s.model_copy(update={"exercises": exercises}))
            days.append(d.model_copy(update={"sessions": sessions}))
        weeks.append(w.model_copy(update={"days": days}))
    old = plan.model_copy(update={"weeks": weeks})
    verdict = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library())
    assert verdict.applies
    assert verdict.faults
    assert "Incline push-up" in verdict.faults[0].what
    assert DUMBBELL_PACK in verdict.faults[0].what
    # with body weight alone there is nothing to load: the check does not apply
    bodyweight = {**SMALLEST, "equipment": ["bodyweight"]}
    assert not CHECKS[CHECK](parse_profile(bodyweight), old, builtin_library()).applies


@st.composite
def fallers(draw: st.DrawFn) -> dict[str, Any]:
    """Older people under the floor rule (a past fall, fragile bones from 65, both), with a
    kit that loads a press and no bench."""
    return {
        "age": draw(st.integers(60, 95)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "general-health", "bone-density"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate"])),
        "currently_active": draw(st.booleans()),
        "conditions": draw(
            st.sampled_from(
                [["falls-history"], ["osteoporosis"], ["falls-history", "osteoporosis"]]
            )
        ),
        "equipment": draw(
            st.sampled_from([["dumbbells"], ["dumbbells", "bands"], ["bands"], ["kettlebell"]])
        ),
        "days_per_week": draw(st.integers(2, 4)),
    }


def test_fallers_press_with_load(record_property: Any) -> None:
    audit_property(fallers(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)


def test_no_kit_named_for_a_press_it_would_not_keep() -> None:
    """A frail 80-year-old with body weight alone: 'Full body A' presses with an incline
    push-up and has no vertical push. With bands its push is the one-arm band chest press
    and the day, held to one lift a family, keeps no band shoulder press - so the plan no
    longer says bands would add a vertical push (could-not-plan-held-slot)."""
    frail = {
        "age": 80,
        "sex": "female",
        "goals": ["general-health"],
        "experience": "intermediate",
        "days_per_week": 2,
        "minutes_per_session": 45,
        "equipment": ["bodyweight"],
    }
    plan = builtin_plan(weeks=1, **frail)
    said = " ".join(w.message for w in plan.warnings if w.code == "could-not-plan")
    assert "vertical-push slot of 'Full body A'" not in said
    assert not audit_check("could-not-plan-held-slot", frail, plan).faults
    with_bands = builtin_plan(weeks=1, **{**frail, "equipment": ["bodyweight", "bands"]})
    first = next(
        s for d in with_bands.weeks[0].days for s in d.sessions if s.title == "Full body A"
    )
    names = [e.name for e in first.exercises]
    assert BAND_PRESS in names
    assert not any(e.pattern.value == "vertical-push" for e in first.exercises)
