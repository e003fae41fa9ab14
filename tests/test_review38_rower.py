"""Coach review 38's LBP-ROWER-OVER-BIKE (safety): with low-back pain the rowing machine is
left out and the steady work is on the bike, in the pool or a walk; the check faulting the
old rule set, and a property over people with a painful back and a rower.

LBP-ROWER-OVER-BIKE (SAFETY; clinical judgement) A 40-year-old man, endurance first, low-back
    pain, a bike and a rower: every required steady session was a row (the review's p14, on
    5 x 120 minutes: 75- to 110-minute rows straight after Romanian deadlifts), the bike only
    in optional extras. *Cause:* nothing in the low-back rule reached cardio: it keeps loaded
    bending out of the lifting, and a rowing stroke bends the lower back forward under load
    at every catch. *Decision:* the rower entries carry `repeated-spinal-flexion`, and
    `safety/low-back-pain-no-rowing` vetoes it with a warning that says why and that the
    cardio is a ride, a swim or a walk. Check `vetoed-tag-in-plan` (the audit's standard
    bans the tag for low-back pain): grid of 360 one-week plans of low-back pain with a
    rower, 360 faulty before, 0 after.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, builtin_rules, plan_of
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "vetoed-tag-in-plan"

# /tmp/s29/coach38/min/LBP-ROWER-OVER-BIKE.yaml
BACK_ROWER = {
    "age": 40,
    "sex": "male",
    "goals": ["endurance"],
    "conditions": ["low-back-pain"],
    "equipment": ["bike", "rower"],
}


def _steady(plan: Any) -> list[str]:
    return [
        e.name
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value in ("endurance", "hiit")
        for e in s.exercises
    ]


def test_a_painful_back_rides_instead_of_rowing() -> None:
    plan = builtin_plan(weeks=4, **BACK_ROWER)
    steady = _steady(plan)
    assert steady
    assert not any("Row" in n for n in steady)
    assert "Stationary bike steady ride" in steady
    assert any(w.code == "low-back-pain-no-rowing" for w in plan.warnings)
    assert not audit_check(CHECK, BACK_ROWER, plan).faults


def test_a_healthy_back_keeps_the_rower() -> None:
    plan = builtin_plan(weeks=1, **{k: v for k, v in BACK_ROWER.items() if k != "conditions"})
    assert any("Row" in n for n in _steady(plan))


def test_the_check_faults_the_old_rules() -> None:
    rules = builtin_rules()
    old = dataclasses.replace(
        rules, rules=[r for r in rules.rules if r.id != "low-back-pain-no-rowing"]
    )
    plan = plan_of(BACK_ROWER, weeks=1, rules=old)
    faults = audit_check(CHECK, BACK_ROWER, plan).faults
    assert any("Rowing machine" in f.where for f in faults)


@st.composite
def sore_backs_with_rowers(draw: st.DrawFn) -> dict[str, Any]:
    """Low-back pain and a rower, with or without other cardio kit."""
    return {
        "age": draw(st.integers(18, 85)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["endurance", "fat-loss", "general-health", "muscle"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 6)),
        "conditions": ["low-back-pain"],
        "equipment": draw(
            st.sampled_from([["rower"], ["bike", "rower"], ["dumbbells", "rower", "pool"]])
        ),
    }


def test_no_rowing_for_a_painful_back(record_property: Any) -> None:
    audit_property(
        sore_backs_with_rowers(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES
    )
