"""Coach review 37's OLDEST-HEAVY-NO-CAUTION: its smallest profile as a named test, the check
faulting the old plan, and a property over people of 80 and over.

OLDEST-HEAVY-NO-CAUTION (safety; COACHING.md §4, EVIDENCE.md §2.6) An active 82-year-old
    woman, strength and bone, trained (the review's p18), had every main lift at 4-6 reps
    and 77-85 % 1RM at RPE 7-8 in weeks 1-4, and a 95-year-old (the smallest profile) 3 x
    4-6 dumbbell front squats, with no word of supervision. *Cause:* no rule held the
    oldest people's loading; the older-adult rules cover balance, falls, jumping and the
    floor. *Decision:* a safety rule, `safety/oldest-no-heavy-sets`: from 80, every lift at
    8 or more reps, about 75 % 1RM at most and two or more in reserve (Nelson 2007's 8-15
    reps at moderate to somewhat hard effort), with a warning that heavier sets belong to
    supervised training (Watson 2018's trial supervised every session). Check
    `oldest-heavy-sets` (seed 3: 25 of 95 plans before, 0 after; seed 21: 18 of 106, 0
    after); review 29's `bone-first-never-heavy` no longer reads people of 80 and over.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "oldest-heavy-sets"

# /tmp/s28/coach37/min/OLDEST-HEAVY-NO-CAUTION.yaml
OLDEST = {
    "age": 95,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
}


def test_the_oldest_lift_at_eight_reps_or_more_and_are_told_why() -> None:
    plan = builtin_plan(weeks=4, **OLDEST)
    lifts = [
        e
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
    ]
    assert lifts
    assert min(e.reps.min for e in lifts if e.reps is not None) >= 8
    assert max(e.intensity.pct_1rm.max for e in lifts if e.intensity.pct_1rm) <= 75
    warning = next(w for w in plan.warnings if w.code == "oldest-no-heavy-sets")
    assert "supervised" in warning.message
    assert not audit_check(CHECK, OLDEST, plan).faults


def test_seventy_nine_keeps_the_heavy_sets_open() -> None:
    plan = builtin_plan(weeks=4, **{**OLDEST, "age": 79})
    assert not any(w.code == "oldest-no-heavy-sets" for w in plan.warnings)
    reps = [
        e.reps.min
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.reps is not None
    ]
    assert min(reps) < 8


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=4, **OLDEST)
    old = plan.model_copy(deep=True)
    monday = next(d for d in old.weeks[0].days if d.day.value == "monday")
    squat = monday.sessions[0].exercises[0]
    monday.sessions[0].exercises[0] = squat.model_copy(
        update={"reps": squat.reps.model_copy(update={"min": 4, "max": 6})}
    )
    faults = audit_check(CHECK, OLDEST, old).faults
    assert [f.where for f in faults] == [f"week 1 monday '{monday.sessions[0].title}'"]
    assert "95-year-old" in faults[0].what


@st.composite
def oldest(draw: st.DrawFn) -> dict[str, Any]:
    """People of 80 and over, trained or not, with every goal that doses lifting."""
    return {
        "age": draw(st.integers(80, 100)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "bone-density", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 4)),
        "equipment": draw(
            st.sampled_from([["dumbbells"], ["barbell", "rack", "bench", "machines"], ["bands"]])
        ),
    }


def test_no_heavy_sets_from_eighty(record_property: Any) -> None:
    audit_property(oldest(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
