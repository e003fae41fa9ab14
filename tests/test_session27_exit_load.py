"""The last load step of a light start's exit, counted in `load_change_pct` (found by the
audit after coach review 33, left open in session 26, fixed in session 27).

LOAD-STEP-UNCOUNTED (progression; DESIGN.md `load_change_pct`, COACHING.md §3) A 25-year-old
    woman with osteoporosis and bands, 16 weeks: her light start (weeks 1-8) climbs out over
    weeks 9-11 (41 % more load than week 1 by week 11), the deload holds week 12, and week
    13 says "the loads take one more step at the same moderate effort" with every range
    11-15 -> 8-12. Its `load_change_pct` stayed at 41 %: with no %1RM shown for a band, the
    figure reads the dose the start states, and the block's first week after the exit
    states none. *Decision:* that week's dose is one more load step (a tenth) over the
    exit's last ceiling, no higher than the exit's top (`_waited_pct`): 65 -> 70 % 1RM,
    41 -> 51.4 %. Check `load-change-misses-pct` (coach review 26's), whose words now read
    "the loads take one more step" as a load step too.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "load-change-misses-pct"

BANDS_OSTEO = {
    "age": 25,
    "sex": "female",
    "goals": ["bone-density"],
    "conditions": ["osteoporosis"],
    "equipment": ["bands"],
}


def test_the_exits_last_step_is_counted() -> None:
    plan = builtin_plan(weeks=16, **BANDS_OSTEO)
    loads = [w.load_change_pct for w in plan.weeks]
    assert loads[8:] == [16.6, 28.3, 41.0, 41.0, 51.4, 51.4, 54.3, 54.3]
    assert "one more step" in " ".join(plan.weeks[12].notes)
    assert not audit_check(CHECK, BANDS_OSTEO, plan).faults
    assert not audit_check("reps-reset-without-load", BANDS_OSTEO, plan).faults


def test_the_check_faults_the_old_figure() -> None:
    plan = builtin_plan(weeks=16, **BANDS_OSTEO)
    old = plan.model_copy(deep=True)
    old.weeks[12].load_change_pct = old.weeks[10].load_change_pct  # 41 %, as before
    faults = audit_check(CHECK, BANDS_OSTEO, old).faults
    assert [f.where for f in faults] == ["week 13"]
    assert "41" in faults[0].what
    # the reps reset at the same figure is the other reading of the same fault
    assert audit_check("reps-reset-without-load", BANDS_OSTEO, old).faults


@st.composite
def light_starts(draw: st.DrawFn) -> dict[str, Any]:
    """People whose light start has an exit: osteoporosis or a past vertebral fracture, any
    age and kit (bands and body weight give no %1RM, a gym does)."""
    return {
        "age": draw(st.integers(18, 85)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["bone-density", "strength", "general-health"]))],
        "conditions": [draw(st.sampled_from(["osteoporosis", "vertebral-fracture"]))],
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 5)),
        "equipment": draw(
            st.sampled_from(
                [["bands"], ["bands", "door-anchor"], ["dumbbells"], ["barbell", "dumbbells"]]
            )
        ),
    }


def test_every_load_step_said_is_counted(record_property: Any) -> None:
    audit_property(
        light_starts(),
        {name: CHECKS[name] for name in (CHECK, "reps-reset-without-load")},
        record_property,
        examples=EXAMPLES,
        weeks=16,
    )
