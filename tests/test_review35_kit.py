"""Coach review 35's HOLD-NOTE-DENIES-A-HARDER-VERSION, its kit half: a held body-weight
lift the person's own kit can load.

HOLD-NOTE-DENIES-A-HARDER-VERSION (progression; COACHING.md §3, §5) An advanced endurance
    athlete with a bike and dumbbells (the review's p11), 8 weeks: from week 5 her
    single-leg calf raise "holds where it is ... with no weight to add", while she owns
    dumbbells. *Cause:* the calf raise had no load cue (`load_with`), so with nothing to load
    it the plan held it at the top of its range. *Decision:* the single-leg calf raise takes
    a dumbbell or kettlebell in hand once every set reaches the top of the range (the other
    hand on a wall), as the pull-up and dip take a dumbbell between the feet: double
    progression by load. The hold notes' own words were
    made true in the same session ("the most this plan asks of it without added weight").
    Check `loadable-lift-held-as-unloaded` (coach review 31's) now reads a lift the person's
    kit loads too.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "loadable-lift-held-as-unloaded"

# /tmp/s27/coach35/min/hold-note-no-weight-with-dumbbells.yaml
ATHLETE = {
    "age": 29,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 6,
    "minutes_per_session": 110,
    "equipment": ["bike", "dumbbells"],
}
CALF = "Single-leg calf raise"


def _calf(plan: Any, week: int) -> Any:
    return next(
        e
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        for e in s.exercises
        if e.name == CALF
    )


def test_a_calf_raise_with_dumbbells_owned_takes_a_load() -> None:
    plan = builtin_plan(weeks=8, **ATHLETE)
    assert not any(CALF in n for w in plan.weeks for n in w.notes if "hold where" in n)
    assert "hold a dumbbell or kettlebell" in (_calf(plan, 2).notes or "")
    # back at the bottom of the range with each new load, up the range between
    assert [_calf(plan, n).reps.min for n in (5, 6, 7)] == [8, 10, 8]
    assert not audit_check(CHECK, ATHLETE, plan).faults


def test_the_check_faults_the_old_hold_note() -> None:
    plan = builtin_plan(weeks=8, **ATHLETE)
    old = plan.model_copy(deep=True)
    old.weeks[4].notes.append(
        f"These lifts hold where they are from this week: {CALF}. Each is at the top of its "
        "rep range."
    )
    faults = audit_check(CHECK, ATHLETE, old).faults
    assert [f.where for f in faults] == [CALF]
    assert "kit loads it" in faults[0].what


@st.composite
def calf_raisers(draw: st.DrawFn) -> dict[str, Any]:
    """People whose plans hold calf raises, with a dumbbell or a kettlebell of their own."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["endurance", "muscle", "strength", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 6)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 90, 110])),
        "equipment": draw(st.sampled_from([["dumbbells"], ["kettlebell"], ["bike", "dumbbells"]])),
    }


def test_no_lift_the_kit_loads_is_said_to_hold(record_property: Any) -> None:
    audit_property(
        calf_raisers(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=8
    )
