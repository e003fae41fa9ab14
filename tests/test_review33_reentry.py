"""Coach review 33's RE-ENTRY-EXIT-WEEK-GOES-BACKWARD: its smallest profile as a named
test, the check faulting the old plan, and a property over people back from a break whose
effort a rule holds at moderate.

RE-ENTRY-EXIT-WEEK-GOES-BACKWARD (progression; COACHING.md §3) A 50-year-old woman, fat
    loss first, not active, 8 weeks: her re-entry weeks (1-4, RPE 5-6) end into the block's
    own dose in week 5, whose one change is the effort; the over-45 rule
    (`safety/parq-over-45-not-used-to-vigorous`) holds the effort at moderate, so week 5 was
    week 2 again: 8-12 reps at week 3's loads (+2 %) after week 3's 10-12. *Cause:* the
    first week after a re-entry counts as a dose change, which starts the block's
    load/reps alternation again without a load step. *Decision:* where a rule holds the
    effort at moderate in that week, it is no dose change and the alternation goes on: week
    5 takes the next load step (+4 %) with the ranges back at their bottom, week 6 the reps,
    week 7 the next load (+6 % by the end, +4 % before). Check `reps-reset-without-load`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "reps-reset-without-load"

# /tmp/s26/coach33/min/m_reentry_flat.yaml
BACK_AT_50 = {"age": 50, "sex": "female", "goals": ["fat-loss"]}


def _press(week: Any) -> Any:
    return next(
        e for s in week_lifting(week) for e in s.exercises if e.name == "Dumbbell floor press"
    )


def test_the_week_after_the_reentry_takes_a_load_step() -> None:
    plan = builtin_plan(weeks=8, **BACK_AT_50)
    loads = [w.load_change_pct for w in plan.weeks]
    assert loads == [0.0, 2.0, 2.0, 2.0, 4.0, 4.0, 6.0, 6.0]
    assert _press(plan.weeks[2]).reps.min == 10  # week 3, the reps week
    assert _press(plan.weeks[4]).reps.min == 8  # week 5: a new load, back at the bottom
    assert "New load this week" in " ".join(plan.weeks[4].notes)
    # the effort stays moderate all block, and the week says which rule holds it
    assert all(_press(w).intensity.rpe.max <= 6 for w in plan.weeks)
    assert not audit_check(CHECK, BACK_AT_50, plan).faults
    assert not audit_check("week-does-not-progress", BACK_AT_50, plan).faults


def test_the_check_faults_the_old_week_5() -> None:
    plan = builtin_plan(weeks=8, **BACK_AT_50)
    old = plan.model_copy(deep=True)
    # week 2 again, at week 3's loads and without a note of a new load (the old week 5)
    notes = [n for n in old.weeks[4].notes if "New load" not in n]
    old.weeks[4] = old.weeks[1].model_copy(update={"week": 5, "notes": notes})
    old.weeks[4].load_change_pct = old.weeks[2].load_change_pct
    faults = audit_check(CHECK, BACK_AT_50, old).faults
    assert [f.where for f in faults][:1] == ["week 5"]
    assert "Dumbbell floor press 10 -> 8" in faults[0].what


@st.composite
def held_reentries(draw: st.DrawFn) -> dict[str, Any]:
    """People over 45, not active, any experience and goal: their re-entry or light start
    ends while the over-45 rule holds their effort at moderate."""
    return {
        "age": draw(st.integers(46, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(
                st.sampled_from(
                    ["fat-loss", "general-health", "strength", "muscle", "insulin-sensitivity"]
                )
            )
        ],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": False,
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60, 75])),
    }


def test_no_building_week_resets_its_reps_at_the_same_loads(record_property: Any) -> None:
    audit_property(
        held_reentries(),
        {name: CHECKS[name] for name in (CHECK, "week-does-not-progress", "reps-note-unkept")},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
