"""Coach review 38's KNEE-FLOOR-RULE-BROKEN-BY-HIP-THRUST (safety): a hip thrust is set up
sitting on the floor, so people the standard keeps off the floor never get one, nor as an
alternative; the check faulting the old library, and a property over those people.

KNEE-FLOOR-RULE-BROKEN-BY-HIP-THRUST (SAFETY; COACHING.md §4) A 50-year-old woman with knee
    pain and osteoporosis, dumbbells and a bench (the review's p06 in short): the plan warned
    that nothing starts on the floor, no bridges, and Friday's second lift was a dumbbell hip
    thrust - a bridge set up sitting on the floor with the back against a bench. *Cause:* the
    library tagged the hip thrusts `supine` but not `floor`, and their cues spoke only of the
    bench ("upper back on a bench"), which the audit read as off the floor. *Decision:* both
    hip thrusts carry `floor` and their cues say the set-up (sit on the floor, back against
    the bench); the audit counts a lift set up sitting on the floor, and any hip thrust, as
    floor work whatever bench the back rests on. Check `floor-work-for-knee-pain-older`
    (grid of 648 one-week plans of knee pain with fragile bones, a past fall or 65+: 648
    faulty before, 0 after).
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
CHECK = "floor-work-for-knee-pain-older"
HIP_THRUSTS = {"Dumbbell hip thrust", "Barbell hip thrust"}

# /tmp/s29/coach38/min/KNEE-FLOOR-RULE-BROKEN-BY-HIP-THRUST.yaml
KNEE_BONES = {
    "age": 50,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["knee-pain", "osteoporosis"],
    "equipment": ["dumbbells", "bench"],
}


def _named(plan: Any) -> set[str]:
    return {
        n
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        for n in [e.name, *e.alternatives]
    }


def test_no_hip_thrust_for_a_painful_knee_with_fragile_bones() -> None:
    plan = builtin_plan(weeks=4, **KNEE_BONES)
    assert not HIP_THRUSTS & _named(plan)
    assert any(w.code == "knee-pain-off-the-floor" for w in plan.warnings)
    assert not audit_check(CHECK, KNEE_BONES, plan).faults


def test_a_healthy_lifter_keeps_the_hip_thrust() -> None:
    plan = builtin_plan(
        weeks=1, age=50, sex="female", goals=["strength"], equipment=["dumbbells", "bench"]
    )
    assert "Dumbbell hip thrust" in _named(plan)


def test_the_check_faults_the_old_library() -> None:
    library = builtin_library()
    old_cue = "Upper back on a bench and a dumbbell over the hips, drive the hips up."
    old = dataclasses.replace(
        library,
        exercises=tuple(
            e.model_copy(update={"tags": ["supine"], "cue": old_cue})
            if e.name == "Dumbbell hip thrust"
            else e
            for e in library.exercises
        ),
    )
    plan = builtin_plan(
        weeks=1, age=50, sex="female", goals=["strength"], equipment=["dumbbells", "bench"]
    )
    faults = CHECKS[CHECK](parse_profile(KNEE_BONES), plan, old).faults
    assert any("Dumbbell hip thrust" in f.what for f in faults)


@st.composite
def kept_off_the_floor(draw: st.DrawFn) -> dict[str, Any]:
    """Knee pain with fragile bones, a past fall or 65+, and a kit with a bench."""
    conditions = ["knee-pain"]
    extra = draw(st.sampled_from(["osteoporosis", "falls-history", ""]))
    return {
        "age": draw(st.integers(65, 90)) if not extra else draw(st.integers(40, 90)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "bone-density", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(1, 4)),
        "conditions": conditions + ([extra] if extra else []),
        "equipment": draw(
            st.sampled_from(
                [["dumbbells", "bench"], ["barbell", "dumbbells", "bench", "rack"], ["machines"]]
            )
        ),
    }


def test_nobody_kept_off_the_floor_gets_floor_work(record_property: Any) -> None:
    audit_property(kept_off_the_floor(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
