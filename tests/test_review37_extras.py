"""Coach review 37's EXTRAS-BEFORE-WHO-MINUTES: an active trained lifting-first person under
65 whose week holds no aerobic minute drops the core and isolation extras for the least walk
after lifting, on two or more lifting days; the check faulting the old week, and a property
over such lifters.

EXTRAS-BEFORE-WHO-MINUTES (week; COACHING.md §2, who gets the time first) A 30-year-old
    man, muscle first, advanced and active, three 45-minute days: every group at 10-16 hard
    sets, dead bugs, Russian twists and a lateral raise at two sets, 0 required aerobic
    minutes. *Cause:* coach review 19's extras form left active lifters under 65 to the
    past-the-dose trims, which read only days with a walk. *Decision:* they take the form
    too where the week has two lifting days or more (`TRAINED_DOSE_DAYS`): walks of 7, 7 and
    12 minutes, every group still at its dose. Check `extras-before-who-aerobic` (grid of
    208 trained active lifting-first plans: 18 faulty before, 0 after).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS, MAJOR_GROUPS
from endoprotocol.plan import hard_sets_by_muscle
from endoprotocol.planner import schedule
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "extras-before-who-aerobic"

# /tmp/s28/coach37/min/EXTRAS-BEFORE-WHO-MINUTES.yaml
ACTIVE_MUSCLE = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "currently_active": True,
}
EXTRAS = {"Dumbbell dead bug", "Russian twist", "Single-leg calf raise", "Dumbbell biceps curl"}


def _required(week: Any, modality: str) -> list[Any]:
    return [
        s for d in week.days for s in d.sessions if s.modality.value == modality and not s.optional
    ]


def test_the_extras_give_the_least_walk_its_minutes() -> None:
    plan = builtin_plan(weeks=4, **ACTIVE_MUSCLE)
    week = plan.weeks[0]
    walks = _required(week, "endurance")
    assert len(walks) == 3
    assert sum(s.duration_minutes for s in walks) >= 20
    lifted = {e.name for s in _required(week, "resistance") for e in s.exercises}
    assert not lifted & EXTRAS
    sets = hard_sets_by_muscle(_required(week, "resistance"))
    assert all(max(sets.get(m, 0) for m in ms) >= 10 for ms in MAJOR_GROUPS.values())
    assert not audit_check(CHECK, ACTIVE_MUSCLE, plan).faults


def test_a_one_day_lifter_keeps_the_extras_minutes() -> None:
    one_day = {**ACTIVE_MUSCLE, "days_per_week": 1}
    plan = builtin_plan(weeks=1, **one_day)
    assert not _required(plan.weeks[0], "endurance")
    assert not audit_check("one-lifting-day-trimmed-for-a-walk", one_day, plan).faults


def test_the_check_faults_the_old_week(monkeypatch: Any) -> None:
    """The scheduler as it was: an active lifter under 65 was left out of the extras form
    (as now for fewer lifting days than `TRAINED_DOSE_DAYS`)."""
    monkeypatch.setattr(schedule, "TRAINED_DOSE_DAYS", 99)
    plan = builtin_plan(weeks=4, **ACTIVE_MUSCLE)
    assert not _required(plan.weeks[0], "endurance")
    faults = audit_check(CHECK, ACTIVE_MUSCLE, plan).faults
    assert faults
    assert "0 of 150" in faults[0].what


@st.composite
def active_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Active trained lifting-first people under 65, two to five days."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["muscle", "strength"]))],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": True,
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60])),
        "equipment": draw(
            st.sampled_from(
                [["dumbbells", "bands"], ["barbell", "dumbbells", "machines", "bench", "rack"]]
            )
        ),
    }


def test_no_extras_before_who_minutes(record_property: Any) -> None:
    audit_property(active_lifters(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
