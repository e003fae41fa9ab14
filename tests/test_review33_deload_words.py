"""Coach review 33's DELOAD-CUT-NOT-STATED: its smallest profile as a named test, the check
faulting the old notes, and a property over active, trained people with steady and
interval work.

DELOAD-CUT-NOT-STATED (words; COACHING.md §3, "a deload whose stated cut is the real one")
    A 35-year-old advanced runner on a treadmill, 90-minute days, 4 weeks: the week-4 deload
    said "about 33% fewer sets" (and its tempo cut), while his Monday and Friday runs went
    51 -> 33 and 45 -> 33 minutes; a 7 x 120 endurance athlete's intervals also went 6 -> 4
    rounds. *Cause:* the deload's notes spoke only for the lifting and the tempo part; the
    steady build-up goes back to its block's first week in a deload, and the interval
    rounds are cut with the sets, both unsaid. *Decision:* a deload week whose required
    steady minutes or interval rounds fall against the week before says so, with the
    numbers (`deload_steady_note`, `deload_rounds_note` in rules/core/progression.yaml);
    the cuts themselves are kept (Bell 2022: a deload cuts volume). Check
    `deload-aerobic-cut-unsaid`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "deload-aerobic-cut-unsaid"

# /tmp/s26/coach33/min/m_deload_note_misses_aerobic.yaml
RUNNER = {
    "age": 35,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["treadmill"],
    "minutes_per_session": 90,
}


def _steady(week: Any) -> int:
    return sum(
        s.duration_minutes
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    )


def test_the_runners_deload_says_its_shorter_runs() -> None:
    plan = builtin_plan(weeks=4, **RUNNER)
    fell = _steady(plan.weeks[2]) - _steady(plan.weeks[3])
    assert fell == 30
    said = " ".join(plan.weeks[3].notes)
    assert "about 33% fewer sets" in said
    assert "This deload week takes 30 minutes off your steady sessions" in said
    assert not audit_check(CHECK, RUNNER, plan).faults
    # the building weeks say nothing of a deload
    assert not any("deload week takes" in n for w in plan.weeks[:3] for n in w.notes)


def test_the_check_faults_the_old_notes() -> None:
    plan = builtin_plan(weeks=4, **RUNNER)
    old = plan.model_copy(deep=True)
    old.weeks[3].notes = [n for n in old.weeks[3].notes if "deload week takes" not in n]
    faults = audit_check(CHECK, RUNNER, old).faults
    assert [f.where for f in faults] == ["week 4"]
    assert "30 minutes shorter than week 3's" in faults[0].what


@st.composite
def trained_aerobic_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active, trained adults with endurance first and long days: their steady work grows
    into the days' free minutes through the building weeks (`steady_grows_into_spare`),
    and some hold interval sessions."""
    second = draw(st.sampled_from([None, "strength", "muscle", "fat-loss", "general-health"]))
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": ["endurance", *([second] if second else [])],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": True,
        "days_per_week": draw(st.integers(3, 6)),
        "minutes_per_session": draw(st.integers(60, 120)),
        "equipment": draw(
            st.sampled_from(
                [[], ["treadmill"], ["bike"], ["dumbbells", "bike"], ["barbell", "rower"]]
            )
        ),
    }


def test_every_deload_says_its_aerobic_cut(record_property: Any) -> None:
    audit_property(
        trained_aerobic_people(),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
