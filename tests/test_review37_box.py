"""Coach review 37's BOX-NOT-OWNED: the cues that ask for a box name a stand-in a home has,
the check faulting the old cue, and a property over dumbbell and gym kits.

BOX-NOT-OWNED (words; COACHING.md §1) A 40-year-old woman, strength first, trained, dumbbells
    (the review's p11 and p12): "Dumbbell step-up to a high box" ("Plant one foot on a
    knee-height box") and "Dumbbell squat to a high box", and no box is kit a profile can
    list. *Decision:* the cues name a sturdy bench or the second stair of a staircase (the
    squat: a box or a sturdy bench, touched, not sat on; no chair, which pregnancy and
    frailty keep out); the barbell box squat a box or a bench. Check `cue-needs-a-box`
    (seed 3: 163 of 186 plans before, 0 after).
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "cue-needs-a-box"

# /tmp/s28/coach37/min/BOX-NOT-OWNED.yaml
NO_BOX = {"age": 40, "sex": "female", "goals": ["strength"], "experience": "intermediate"}


def _box_lifts(plan: Any) -> list[Any]:
    return [
        e
        for d in plan.weeks[0].days
        for s in d.sessions
        for e in s.exercises
        if "box" in (e.notes or "")
    ]


def test_a_box_cue_names_a_stand_in() -> None:
    plan = builtin_plan(weeks=1, **NO_BOX)
    lifts = _box_lifts(plan)
    assert lifts, "the smallest profile keeps a lift done to a box"
    assert all("bench" in e.notes or "stair" in e.notes for e in lifts)
    assert not audit_check(CHECK, NO_BOX, plan).faults


def test_the_check_faults_the_old_cue() -> None:
    plan = builtin_plan(weeks=1, **NO_BOX)
    old_cue = "Plant one foot on a knee-height box, lean slightly forward, and drive up."
    name = _box_lifts(plan)[0].name
    library = builtin_library()
    old = dataclasses.replace(
        library,
        exercises=tuple(
            e.model_copy(update={"cue": old_cue}) if e.name == name else e
            for e in library.exercises
        ),
    )
    faults = CHECKS[CHECK](parse_profile(NO_BOX), plan, old).faults
    assert faults
    assert name in faults[0].what


@st.composite
def box_kits(draw: st.DrawFn) -> dict[str, Any]:
    """Lifters with dumbbells or a gym, beginners to advanced."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "bone-density", "fat-loss"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "days_per_week": draw(st.integers(2, 5)),
        "equipment": draw(
            st.sampled_from([["dumbbells"], ["barbell", "rack", "bench", "dumbbells"]])
        ),
    }


def test_box_cues_name_a_stand_in(record_property: Any) -> None:
    audit_property(box_kits(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
