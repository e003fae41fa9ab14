"""Coach review 30's F2 (branch osteo30), with its smallest profile as a named test, a test
that the audit's check faults the old plan, and a property over people whose light start ends
inside the block.

OSTEOPOROSIS-EXIT-STEPS-REPS-AND-EFFORT-AT-ONCE (dose and progression) A 64-year-old woman
    with osteoporosis, active, intermediate, barbell, 16 weeks: the conventional deadlift went
    week 11 3 x 12-13 at RPE 5-6 and 62-64 % 1RM (the exit's last building week), week 12
    deload, week 13 3 x 14-15 at RPE 7-8 and the same 62-64 %, under "The cautious start is
    over". Reps and effort rose together, into long sets near failure of a loaded hinge
    (COACHING.md §3, one thing at a time; §4, no loaded spinal flexion). *Cause:* the way
    into the block's own dose (`EndSteps`) takes the block's effort first at the last
    building week's loads; at a load capped near 64 % the table then sets 14-15 reps for 2-3
    in reserve. The same person not active was held at a moderate effort by the screening
    and had a smooth exit (week 13 3 x 8-9 at 66-67 %, RPE 6). *Decision:* where a light
    start's exit ends below the block's own effort, the block's first week takes one more
    load step (at most a tenth) at the exit's moderate effort, the reps falling with the
    load, and the effort rises the building week after at those loads, with no load step
    beside it; the reps it brings never pass where the exit left them. Check
    `exit-steps-reps-and-effort`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS
from endoprotocol.plan import Exercise, Plan, Range
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "exit-steps-reps-and-effort"
DEADLIFT = "Conventional barbell deadlift"

# coach review 30's smallest profile (min/m_osteo_exit.yaml, 7 fields)
OSTEO_EXIT = {
    "age": 64,
    "sex": "female",
    "goals": ["bone-density"],
    "conditions": ["osteoporosis"],
    "equipment": ["barbell"],
    "experience": "intermediate",
    "currently_active": True,
}


def _lift(plan: Plan, week: int, name: str = DEADLIFT) -> Exercise:
    """The first required `name` of `week` (1-based)."""
    return next(
        e
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if not s.optional
        for e in s.exercises
        if e.name == name
    )


def _dose(e: Exercise) -> tuple[Any, ...]:
    """A lift's sets, reps, RPE and %1RM, as a person reads them."""
    i = e.intensity
    return (
        e.sets,
        (e.reps.min, e.reps.max) if e.reps else None,
        (i.rpe.min, i.rpe.max) if i.rpe else None,
        (i.pct_1rm.min, i.pct_1rm.max) if i.pct_1rm else None,
    )


def test_the_smallest_profile_steps_the_load_then_the_effort() -> None:
    plan = builtin_plan(weeks=16, **OSTEO_EXIT)
    # the exit's last building week and its deload are as they were
    assert _dose(_lift(plan, 11)) == (3, (12, 13), (5, 6), (62, 64))
    assert plan.weeks[11].deload
    # week 13: one more load step at the exit's moderate effort, fewer reps (was 14-15 at
    # RPE 7-8 and 62-64 %)
    assert _dose(_lift(plan, 13)) == (3, (8, 9), (5, 6), (66, 67))
    # week 14: the block's own effort at those loads; the reps rise with it, still fewer
    # than the exit's 12-13
    assert _dose(_lift(plan, 14)) == (3, (10, 11), (7, 8), (66, 67))
    assert plan.weeks[13].load_change_pct == plan.weeks[12].load_change_pct
    # the Romanian deadlift on the other day goes the same way
    assert _dose(_lift(plan, 13, "Barbell Romanian deadlift"))[1:] == ((8, 9), (5, 6), (66, 67))
    notes13, notes14 = " ".join(plan.weeks[12].notes), " ".join(plan.weeks[13].notes)
    assert "one more step at the same moderate effort" in notes13
    assert "next week the effort moves up" in notes13
    assert "full effort this week" in notes14
    assert "at last week's loads" in notes14
    verdict = audit_check(CHECK, OSTEO_EXIT, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_same_person_not_active_is_unchanged() -> None:
    """Held at a moderate effort by the screening, the inactive twin's exit never raised its
    effort: its week 13 is still the load step it was (3 x 8-9 at 66-67 %, RPE 6)."""
    profile = {k: v for k, v in OSTEO_EXIT.items() if k != "currently_active"}
    plan = builtin_plan(weeks=16, **profile)
    assert _dose(_lift(plan, 13)) == (3, (8, 9), (6, 6), (66, 67))
    assert _dose(_lift(plan, 14)) == (3, (8, 9), (6, 6), (66, 67))
    assert not audit_check(CHECK, profile, plan).faults


def _old_shaped(plan: Plan, week: int, reps: tuple[int, int], pct: tuple[int, int]) -> Plan:
    """The plan with `week`'s deadlifts at `reps` and `pct` % 1RM, RPE 7-8 (2-3 in reserve)."""
    old = plan.model_copy(deep=True)
    for d in old.weeks[week - 1].days:
        for s in d.sessions:
            s.exercises = [
                e.model_copy(
                    update={
                        "reps": Range.of(*reps),
                        "intensity": e.intensity.model_copy(
                            update={
                                "rpe": Range.of(7, 8),
                                "rir": Range.of(2, 3),
                                "pct_1rm": Range.of(*pct),
                            }
                        ),
                    }
                )
                if e.name == DEADLIFT
                else e
                for e in s.exercises
            ]
    return old


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=16, **OSTEO_EXIT)
    # the old week 13: 14-15 reps at RPE 7-8, the exit's 62-64 %
    old = _old_shaped(plan, 13, (14, 15), (62, 64))
    faults = audit_check(CHECK, OSTEO_EXIT, old).faults
    assert [f.where for f in faults] == [f"week 13 'Full body A (spine care)' / {DEADLIFT}"]
    assert faults[0].what == (
        "the first week of the full dose raises reps and effort together (12-13 reps at RPE 6 "
        "-> 14-15 at RPE 8, against week 11)"
    )
    # a later effort rise whose reps pass where the exit left them (12-13)
    late = _old_shaped(plan, 14, (14, 15), (62, 64))
    faults = audit_check(CHECK, OSTEO_EXIT, late).faults
    assert [f.where for f in faults] == [f"week 14 'Full body A (spine care)' / {DEADLIFT}"]
    assert "past the 13 the exit closed at in week 11" in faults[0].what


def test_the_check_reads_only_starts_that_end_with_an_exit() -> None:
    """A re-entry (moderate weeks with no exit) is not read by this check (left open in
    docs/planning.md); a plan that ends before the exit does has nothing to read."""
    reentry = {"age": 40, "sex": "male", "goals": ["strength"], "experience": "advanced"}
    assert not audit_check(CHECK, reentry, builtin_plan(weeks=8, **reentry)).applies
    assert not audit_check(CHECK, OSTEO_EXIT, builtin_plan(weeks=12, **OSTEO_EXIT)).applies


@st.composite
def exit_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose lifting starts light and exits inside a 16-week block: osteoporosis,
    mostly active and trained with nothing else held (so the block's own effort is above the
    exit's: the people the old plan faulted), and beginners of 65 or over; some with a hold
    beside it (a vertebral fracture, frailty) that the check leaves."""
    data = draw(profiles())
    kind = draw(st.sampled_from(["osteoporosis", "osteoporosis", "older-beginner", "held"]))
    conditions = [c for c in data["conditions"] if c != "pregnancy"]
    data.pop("pregnancy_week", None)
    if kind == "older-beginner":
        data["age"] = draw(st.integers(65, 79))
        data["experience"] = "beginner"
    elif kind == "held":
        conditions += ["osteoporosis", "vertebral-fracture"]
    else:
        conditions = ["osteoporosis"]
        data["currently_active"] = draw(st.sampled_from([True, True, False]))
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
        data["age"] = draw(st.integers(18, 64))
        data.pop("screening", None)
        data.pop("blood_pressure", None)
    data["conditions"] = list(dict.fromkeys(conditions))
    return data


def test_no_exit_steps_reps_and_effort_together(record_property: pytest.RecordProperty) -> None:
    audit_property(
        exit_people(),
        {CHECK: PROGRESSION_CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=16,
    )
