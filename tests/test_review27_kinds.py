"""Load notes true of the numbers beside them (coach review 26's residue, session 20), each
kind with its smallest profile as a named test and a property over the people it is about.

LOAD-NOTE-PCT-FALSE (words) Once `weeks[].load_change_pct` became the real load change
    against week 1 (coach review 26, CAUTIOUS-LOAD-PCT-FROZEN), two week notes no longer
    matched it. A beginner's effort step took the lifts from 63-67 % to 65-75 % of 1RM, and
    the next load week still said "the %1RM shown stays the same: your maximum has grown with
    the reps you added" (56 of 233 cohort plans with a load note). And an acute illness's
    light weeks ended in a reps week that said "Same loads as last week" while the lifts went
    49 % -> 69 % 1RM (`load_change_pct` 2 -> 43.6), as did its effort step in week 6 (69 % ->
    79 %). *Decision:* `progress.true_load_change`, which knows how far each week's %1RM
    stands from week 1's, says `moved_load_note` in a load week whose %1RM is not week 1's
    (the weight follows that %1RM and the reps added) and `climb_reps_note` in a reps week
    whose loads rise all the same. Check `load-note-pct-false`.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import pytest
from hypothesis import strategies as st

import endoprotocol.planner.progress as progress
from endoprotocol import Plan
from endoprotocol.audit import PROGRESSION_CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

CHECK = "load-note-pct-false"
KEPT_PCT = "the %1RM shown stays the same"
SAME_LOADS = "Same loads as last week"

# a beginner whose effort steps up in week 5 (RPE 5-6 -> 7-8; 63-67 % -> 65-75 % 1RM)
BEGINNER = {"age": 30, "sex": "female", "goals": ["muscle"], "experience": "beginner"}
# an acute illness: two light weeks (49 % 1RM, RPE 4), three moderate, then the plan's own
ILLNESS = {
    "age": 35,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 60,
    "equipment": ["barbell", "dumbbells", "rack", "bench"],
    "currently_active": True,
    "conditions": ["acute-illness"],
}


def _old_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner as it was: neither note exists, so the old words are said."""
    real = progress.Scheme.from_outcome

    def without(outcome: Any) -> progress.Scheme:
        return dataclasses.replace(real(outcome), moved_load_note=None, climb_reps_note=None)

    monkeypatch.setattr(progress.Scheme, "from_outcome", staticmethod(without))


def _said(plan: Plan, words: str) -> list[int]:
    return [w.week for w in plan.weeks if any(words in n for n in w.notes)]


def test_a_beginners_load_week_after_the_effort_step_does_not_keep_the_pct() -> None:
    plan = builtin_plan(8, **BEGINNER)
    week6 = plan.weeks[5]
    assert week6.load_change_pct > 10  # the effort step's heavier %1RM and a load step
    assert any(n.startswith("New load this week") for n in week6.notes)
    assert not any(KEPT_PCT in n for n in week6.notes)
    assert any("%1RM shown, which is not week 1's" in n for n in week6.notes)
    # week 2's load week keeps week 1's %1RM and still says so
    assert any(KEPT_PCT in n for n in plan.weeks[1].notes)
    verdict = audit_check(CHECK, BEGINNER, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_check_finds_the_beginners_old_note(monkeypatch: pytest.MonkeyPatch) -> None:
    _old_notes(monkeypatch)
    plan = builtin_plan(8, **BEGINNER)
    faults = audit_check(CHECK, BEGINNER, plan).faults
    assert [f.where for f in faults] == ["week 6"]
    assert "stays the same" in faults[0].what


def test_an_illness_return_says_its_loads_climb_where_they_do() -> None:
    plan = builtin_plan(8, **ILLNESS)
    pct = [w.load_change_pct for w in plan.weeks]
    assert pct[2] > pct[1] + 20  # the light weeks end: 49 % -> 69 % 1RM
    assert pct[5] > pct[4] + 10  # the effort step: 69 % -> 79 % 1RM
    assert _said(plan, "Loads climb this week with the %1RM shown") == [3, 6]
    assert not set(_said(plan, SAME_LOADS)) & {3, 6}
    assert f"about {round(pct[2])}% more weight than in week 1" in " ".join(plan.weeks[2].notes)
    assert not audit_check(CHECK, ILLNESS, plan).faults


def test_the_check_finds_the_illness_returns_old_same_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _old_notes(monkeypatch)
    plan = builtin_plan(8, **ILLNESS)
    faults = audit_check(CHECK, ILLNESS, plan).faults
    assert {f.where for f in faults} >= {"week 3", "week 6"}
    assert any("same loads as last week" in f.what for f in faults)


def test_a_reps_week_that_keeps_its_loads_still_says_same_loads() -> None:
    plan = builtin_plan(8, **BEGINNER)
    # week 3 (and 7): a reps week after a load week, at that week's loads
    assert {3, 7} <= set(_said(plan, SAME_LOADS))
    assert plan.weeks[2].load_change_pct == plan.weeks[1].load_change_pct


@st.composite
def load_stepping_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose %1RM moves across a block: beginners (the effort step), not-yet-active
    and older people (a cautious start's exit), an acute illness's return."""
    data = draw(profiles())
    data["experience"] = draw(st.sampled_from(["beginner", "intermediate"]))
    data["currently_active"] = draw(st.booleans())
    if draw(st.booleans()):
        data["conditions"] = sorted({*data.get("conditions", []), "acute-illness"})
    data["equipment"] = draw(
        st.sampled_from(
            [["barbell", "rack", "bench", "dumbbells"], ["dumbbells"], ["machines", "bike"]]
        )
    )
    return data


def test_review27_load_notes_hold_over_load_stepping_people(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        load_stepping_people(),
        {CHECK: PROGRESSION_CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
