"""Coach review 33's REP-RANGE-COLLAPSED-STALLS-MAIN-LIFTS: its smallest profile as a named
test, the check faulting the old plan, and a property over the people whose safety rules
set a floor on reps.

REP-RANGE-COLLAPSED-STALLS-MAIN-LIFTS (progression; COACHING.md §3) A 40-year-old woman,
    strength first, intermediate, active, with low-back pain, 8 weeks: strength's rep range
    (4-6) met the low-back rule's floor of 8 reps, and the engine moved the range inside the
    limit as one number, so every main lift sat at 3 x 8 at about 70 % 1RM; the reps weeks
    (3 and 6) repeated weeks 2 and 5 on the main lifts while saying "the rep ranges start
    higher", and the load rose only every other week. *Cause:* `narrow` moves a range below
    a limit's minimum to that minimum at both ends. *Decision:* a rep range a limit's
    minimum moves wholly above its own top keeps the pack's `reps_room` (2, a design choice) reps over
    the minimum, within the limit's top (`Decisions.resolve`): 8-10 reps, so reps weeks step
    8-10 -> 9-10 and load weeks start again at 8. The %1RM shown follows the reps (about
    66-70 %, under the rule's 70 % cap). Check `rep-range-without-room`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "rep-range-without-room"

# /tmp/s26/coach33/min/m_rep_range_collapsed.yaml
LOW_BACK = {
    "age": 40,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["low-back-pain"],
}


def _main_lift(week: Any) -> Any:
    return next(
        e for s in week_lifting(week) for e in s.exercises if e.name == "Dumbbell floor press"
    )


def test_the_low_back_strength_block_steps_its_reps() -> None:
    plan = builtin_plan(weeks=8, **LOW_BACK)
    reps = [(_main_lift(w).reps.min, _main_lift(w).reps.max) for w in plan.weeks]
    assert reps[0] == (8, 10)  # not one number
    assert reps[2] == (9, 10)  # week 3, a reps week, starts higher
    assert reps[4] == (8, 10)  # week 5, a load week, starts again at the bottom
    assert all(low >= 8 for low, _ in reps)  # the low-back floor holds
    for w in plan.weeks:
        pct = _main_lift(w).intensity.pct_1rm
        assert pct is not None
        assert pct.max <= 70  # the rule's cap holds
    assert not audit_check(CHECK, LOW_BACK, plan).faults
    assert not audit_check("reps-note-unkept", LOW_BACK, plan).faults


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=8, **LOW_BACK)
    old = plan.model_copy(deep=True)
    # every range as the old engine made it: one number, 8 reps
    for week in old.weeks:
        for s in week_lifting(week):
            for e in s.exercises:
                if e.reps is not None and e.intensity.rir is not None and e.reps.min >= 8:
                    e.reps = e.reps.model_copy(update={"min": 8, "max": 8})
    faults = audit_check(CHECK, LOW_BACK, old).faults
    assert [f.where for f in faults] == ["week 3", "week 6"]
    assert "Dumbbell floor press 8" in faults[0].what


@st.composite
def floored_reps_people(draw: st.DrawFn) -> dict[str, Any]:
    """Trained adults whose heavy rep ranges a safety rule's floor of 8 reps lifts: low-back
    pain with strength, muscle or bone first."""
    return {
        "age": draw(st.integers(20, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "bone-density"]))],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": True,
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 75, 90])),
        "conditions": ["low-back-pain"],
    }


def test_no_reps_week_leaves_a_one_number_range(record_property: Any) -> None:
    audit_property(
        floored_reps_people(),
        {name: CHECKS[name] for name in (CHECK, "reps-note-unkept", "week-does-not-progress")},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
