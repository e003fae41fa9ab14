"""Coach review 35's KETTLEBELL-TOLD-TO-ADD-2-PERCENT: its smallest profile as a named test,
the check faulting the old note, and a property over people whose only load is a bell, a
band or one they add themselves.

KETTLEBELL-TOLD-TO-ADD-2-PERCENT (words; COACHING.md §5) A 20-year-old with one kettlebell
    on a 4-day split (the review's p13): the load weeks said "about 2 % more weight", which
    a bell cannot do (3 days, or not active, gave the whole-bell note). *Cause:* the note is
    the whole-bell one only where every loaded lift steps coarsely, and his Friday held a
    "Weighted push-up" (a backpack: `added_load`), which counted as finely loadable.
    *Decision:* a load the person adds steps coarsely too (a book or a bottle at a time):
    `Library.coarse_loaded` names it, so his weeks say to move up a whole bell once the reps
    have earned it. Check `percent-step-for-coarse-load`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "percent-step-for-coarse-load"

# /tmp/s27/coach35/min/kettlebell-told-2pct.yaml
ONE_BELL = {
    "age": 20,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 4,
    "equipment": ["kettlebell"],
}


def test_a_kettlebell_load_week_says_a_whole_bell() -> None:
    plan = builtin_plan(weeks=4, **ONE_BELL)
    notes = " ".join(plan.weeks[1].notes)
    assert "whole bell" in notes
    assert "2% more weight" not in notes
    verdict = audit_check(CHECK, ONE_BELL, plan)
    assert not verdict.faults


def test_the_check_faults_the_old_note() -> None:
    plan = builtin_plan(weeks=4, **ONE_BELL)
    old = plan.model_copy(deep=True)
    old.weeks[1].notes = [
        "New load this week: about 2% more weight than in week 1 on the lifts you load."
        if n.startswith("New load this week")
        else n
        for n in old.weeks[1].notes
    ]
    faults = audit_check(CHECK, ONE_BELL, old).faults
    assert [f.where for f in faults] == ["week 2"]
    assert "Kettlebell" in faults[0].what


@st.composite
def coarse_kit(draw: st.DrawFn) -> dict[str, Any]:
    """Trained and new lifters whose only loads are a kettlebell or bands."""
    return {
        "age": draw(st.integers(18, 60)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "fat-loss", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 6)),
        "equipment": draw(
            st.sampled_from([["kettlebell"], ["bands"], ["kettlebell", "pull-up-bar"]])
        ),
    }


def test_no_percent_step_where_every_load_is_coarse(record_property: Any) -> None:
    audit_property(coarse_kit(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
