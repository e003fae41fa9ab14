"""Coach review 32's held-start kind (branch held32), with its smallest profiles as named
tests, a test that the audit's check faults the old plan, and a property over the people
whose light start holds a moderate dose.

HELD-START-LOAD-LEAP (safety) An 85-year-old woman (frail by age, general health first) and a
    66-year-old woman with a vertebral fracture (bone density first), 12 weeks: weeks 1-8 lift
    at RPE 3-4, one set, `load_change_pct` 0 -> 2 -> 4 -> 6; week 9 went to RPE 5-6 and its
    load to 40.6 % more than week 1 (+33 % in one week; week 10 said "about 43% more weight
    than in week 1"). ACSM 2009 raises a load 2-10 % at a time (EVIDENCE.md §1.4) and
    COACHING.md §3 steps one thing at a time, the more so for the groups whose start holds.
    *Cause:* `true_load_change` reads a held dose's load from its %1RM top (`then_hold`'s 65 %
    against the start's 49 %) in its first week, whole. *Decision:* the held dose's first week
    raises the effort alone, at the last building week's loads; its loads climb toward the
    held %1RM only in the block's load weeks, at most a tenth of the load a week with the
    block's own step counted in (`progress._held_climb`); its note says so (a body-weight
    plan's, `unloaded_note`, talks of no weight). Check `held-start-load-leap`: none of the
    load checks read this plan (`load-jump-week-on-week` reads a %1RM shown, and an
    effort-only plan shows none; `reentry-exit-load-jump` skips held starts;
    `held-start-stacks-changes` reads a load step only beside a set step).
"""

from __future__ import annotations

import os
from itertools import pairwise
from typing import Any

import pytest

import endoprotocol.planner.progress as progress
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property
from tests.test_review28_kinds import held_start_people  # (any kit: profiles() draws it)

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# the reviewer's smallest profiles
FRAIL = {"age": 85, "sex": "female", "goals": ["general-health"]}
SPINE = {
    "age": 66,
    "sex": "female",
    "goals": ["bone-density"],
    "conditions": ["vertebral-fracture"],
}


def _rise(before: float, after: float) -> float:
    """The load's rise from one week to the next, a share of the first's load."""
    return (1 + after / 100) / (1 + before / 100) - 1


def _top_rpe(plan: Any, week: int) -> float:
    return max(
        e.intensity.rpe.max
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
        if e.intensity.rpe is not None
    )


@pytest.mark.parametrize("data", [FRAIL, SPINE], ids=["frail-85", "vertebral-fracture-66"])
def test_a_held_start_raises_its_effort_before_its_load(data: dict[str, Any]) -> None:
    """Week 9 was RPE 5-6 at 40.6 % more load than week 1 (week 8: 6.0 %). Now week 9 steps
    the effort alone at week 8's loads, and no building week adds more than a tenth."""
    plan = builtin_plan(12, **data)
    loads = [w.load_change_pct for w in plan.weeks]
    assert _top_rpe(plan, 8) == 4
    assert _top_rpe(plan, 9) == 6
    assert loads[8] == loads[7] == 6.0  # week 9 keeps week 8's loads
    assert loads[9] > loads[8]  # the loads then climb, week 10
    building = [w for w in plan.weeks if not w.deload]
    for before, week in pairwise(building):
        assert _rise(before.load_change_pct, week.load_change_pct) <= 0.10 + 0.01, week.week
    assert not any("43% more weight" in n for w in plan.weeks for n in w.notes)
    assert "a tenth at a time" in " ".join(plan.weeks[8].notes)
    assert not audit_check("held-start-load-leap", data, plan).faults


def test_a_held_start_with_nothing_to_load_talks_of_no_weight() -> None:
    """A frail person with body weight alone: the held note speaks of effort, not weights."""
    data = {**FRAIL, "equipment": ["bodyweight"]}
    plan = builtin_plan(12, **data)
    notes = " ".join(plan.weeks[8].notes)
    assert "Moderate effort from week 9" in notes
    assert "weight" not in notes.replace("body weight", "")


def test_the_check_finds_the_old_week_nine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner as it was: the held dose's %1RM top taken whole in its first week."""

    def old(factor: float, found: float, steps: tuple[float, float], share: float) -> float:
        return max(factor, found)

    monkeypatch.setattr(progress, "_held_climb", old)
    plan = builtin_plan(12, **FRAIL)
    assert plan.weeks[8].load_change_pct == 40.6
    faults = audit_check("held-start-load-leap", FRAIL, plan).faults
    assert [f.where for f in faults] == ["week 9"]
    assert "32.6 %" in faults[0].what


@pytest.mark.parametrize("weeks", [12, 16])
def test_review32_held_starts_step_their_loads(
    weeks: int, record_property: pytest.RecordProperty
) -> None:
    audit_property(
        held_start_people(),
        {
            "held-start-load-leap": CHECKS["held-start-load-leap"],
            "held-start-stacks-changes": CHECKS["held-start-stacks-changes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=weeks,
    )
