"""Coach review 32's exit kind (branch exit33), with its smallest profile as a named test, a
test that the audit's check faults the old plan, and properties over the people whose light
start ends in an exit of loads (older beginners, osteoporosis).

OLDER-START-EXIT-STACKS-STEPS A 70-year-old beginner (endurance first), 12 weeks: after the
    deload, week 5 went from one set a lift to two (10 -> 20 sets) beside the exit's first load
    step (`load_change_pct` 2.0 -> 12.4) and its reps moved 13-15 -> 15; week 7 went to three
    sets on some lifts (20 -> 26) beside the next load step (22.8 -> 33.2). COACHING.md §3 steps
    one thing at a time; ACSM 2009 raises a load 2-10 % at a time (EVIDENCE.md §1.4). *Cause:*
    the exit's set steps (`progress._exit_sets`) fell in its first and last building weeks,
    and every building week of the exit is a load step (`progress._exit_cap`). *Decision:*
    the exit keeps its load steps; its sets step apart from them, in reps weeks, as the held
    dose's do: the second set in the light start's last reps week (same loads, higher reps,
    still light), the third in the first reps week after the exit
    (`progress._exit_set_steps`). Check `exit-steps-stacked`.
"""

from __future__ import annotations

import os
from itertools import pairwise
from typing import Any

import pytest

import endoprotocol.planner.progress as progress
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, audit_property_lengths
from tests.test_review31_long_blocks import exit_people

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "exit-steps-stacked"

# the reviewer's smallest profile, and an osteoporosis start of one set a lift
OLDER = {"age": 70, "sex": "male", "goals": ["endurance"]}
OSTEO = {"age": 68, "sex": "female", "goals": ["bone-density"], "conditions": ["osteoporosis"]}


def _sets(plan: Any, week: int) -> int:
    return sum(
        e.sets
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
    )


def _lifts(plan: Any, week: int) -> list[Any]:
    return [
        e
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
    ]


def _stacked(plan: Any) -> list[int]:
    """Building weeks whose lifting sets rise by more than a tenth beside a load step."""
    building = [w for w in plan.weeks if not w.deload]
    return [
        week.week
        for before, week in pairwise(building)
        if _sets(plan, week.week) > 1.1 * _sets(plan, before.week)
        and week.load_change_pct > before.load_change_pct + 1.0
    ]


def test_an_older_beginner_adds_sets_in_weeks_without_a_load_step() -> None:
    """Week 5 went 10 -> 20 sets beside load 2.0 -> 12.4 %, week 7 20 -> 26 beside 22.8 ->
    33.2 %. Now the second set comes in week 3 (a reps week of the light start: same loads,
    the same 10-15 reps - coach review 34, SETS-AND-REPS-STEP-TOGETHER - still RPE 3-4 and a
    light session), weeks 5-7 step the loads alone, and the third set waits for week 11, a
    reps week."""
    plan = builtin_plan(12, **OLDER)
    loads = [w.load_change_pct for w in plan.weeks]
    sets = [_sets(plan, n) for n in range(1, 13)]
    assert sets[:3] == [10, 10, 20]
    assert loads[1] == loads[2] == 2.0  # week 3 keeps week 2's loads
    assert all(e.sets == 2 and e.reps.min == 10 for e in _lifts(plan, 3))
    assert all(e.intensity.rpe.max <= 4 for e in _lifts(plan, 3))
    assert {s.intensity_class.value for d in plan.weeks[2].days for s in d.sessions} >= {"light"}
    assert any(n.startswith("More sets this week") for n in plan.weeks[2].notes)
    # the exit's load steps come alone
    assert sets[4] == sets[5] == sets[6] == 20
    assert loads[2] < loads[4] < loads[5] < loads[6]
    # the third set in a reps week after the exit, at the loads of the week before
    assert sets[10] > sets[9]
    assert loads[10] == loads[9]
    assert _stacked(plan) == []
    assert not audit_check(CHECK, OLDER, plan).faults


@pytest.mark.parametrize("weeks", [4, 8, 12, 16])
@pytest.mark.parametrize("data", [OLDER, OSTEO], ids=["older-beginner-70", "osteoporosis-68"])
def test_no_exit_week_steps_sets_and_load_together(data: dict[str, Any], weeks: int) -> None:
    plan = builtin_plan(weeks, **data)
    assert _stacked(plan) == []
    assert not audit_check(CHECK, data, plan).faults


def test_an_osteoporosis_start_adds_its_second_set_in_week_six() -> None:
    """The osteoporosis start's last reps week (week 6) brings each lift to two sets at the
    loads of week 5; its exit (weeks 9-11) then steps the loads alone."""
    plan = builtin_plan(12, **OSTEO)
    assert [_sets(plan, n) for n in (5, 6, 7, 9, 10, 11)] == [10, 20, 20, 20, 20, 20]
    assert plan.weeks[5].load_change_pct == plan.weeks[4].load_change_pct
    loads = [plan.weeks[n - 1].load_change_pct for n in (9, 10, 11)]
    assert loads == sorted(loads)
    assert len(set(loads)) == 3


def test_a_four_week_osteoporosis_plan_is_unchanged() -> None:
    """A block that ends before week 6 holds the osteoporosis start's one set a lift."""
    plan = builtin_plan(4, **OSTEO)
    assert [_sets(plan, n) for n in range(1, 5)] == [10, 10, 10, 10]


def test_the_check_finds_the_old_weeks_five_and_seven(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner as it was: the exit's set steps in its first and last building weeks."""

    def old(*args: Any, **kwargs: Any) -> None:
        return None

    monkeypatch.setattr(progress, "_exit_set_steps", old)
    plan = builtin_plan(12, **OLDER)
    assert [plan.weeks[n].load_change_pct for n in (2, 4)] == [2.0, 12.4]
    faults = audit_check(CHECK, OLDER, plan).faults
    assert [f.where for f in faults] == ["week 5", "week 7"]
    assert "10 -> 20" in faults[0].what


def test_review32_exits_step_one_thing_at_a_time(record_property: pytest.RecordProperty) -> None:
    audit_property(
        exit_people(),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


def test_review32_exits_step_one_thing_at_a_time_any_length(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property_lengths(
        exit_people(),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        shortest=5,
        longest=16,
    )
