"""Coach review 36's LOAD-NOTE-NAMES-KIT-NOT-OWNED: its smallest profile as a named test, the
check faulting the old note, and a property over people loaded by body weight, a backpack,
a kettlebell or bands.

LOAD-NOTE-NAMES-KIT-NOT-OWNED (words; COACHING.md §5, §1) A 30-year-old man, muscle first,
    trained and active, body weight only: weeks 2, 5 and 7 said "a kettlebell or band steps
    up a whole bell or band at a time, so move to the next one", and he owns neither.
    *Cause:* review 35's fix of KETTLEBELL-TOLD-TO-ADD-2-PERCENT counted a load the person
    adds (his backpack push-up) as a coarse load, so a week whose one loaded lift was the
    backpack push-up read as a kettlebell-and-band week. *Decision:* a load the person adds
    steps neither way (`Library.added_loaded`): the whole-step note needs a lift loaded by a
    kettlebell or band, and every lift loaded by kit is one; a body-weight week with a
    backpack push-up takes the few-per-cent note, as review 31 decided for it, and a
    kettlebell week with one still moves up a whole bell. Check
    `whole-step-without-coarse-kit` (seed 3: 21 of 422 plans before, 0 after; seed 21: 22
    of 420 before, 0 after).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "whole-step-without-coarse-kit"

# /tmp/s28/coach36/min/load-note-names-kit-not-owned.yaml
BODY_WEIGHT = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["bodyweight"],
}


def _load_notes(plan: Any, week: int) -> list[str]:
    return [n for n in plan.weeks[week - 1].notes if n.startswith("New load this week")]


def test_body_weight_load_weeks_name_no_bell_or_band() -> None:
    plan = builtin_plan(weeks=8, **BODY_WEIGHT)
    said = [n for week in (2, 5, 7) for n in _load_notes(plan, week)]
    assert said, "the load weeks keep their load note"
    assert not any("bell" in n or "band" in n for n in said)
    assert all("% more weight" in n for n in said)
    assert not audit_check(CHECK, BODY_WEIGHT, plan).faults


def test_a_kettlebell_week_with_a_backpack_push_up_still_moves_a_whole_bell() -> None:
    one_bell = {**BODY_WEIGHT, "goals": ["strength"], "days_per_week": 4}
    one_bell["equipment"] = ["kettlebell"]
    plan = builtin_plan(weeks=4, **one_bell)
    assert "Weighted push-up" in {
        e.name for d in plan.weeks[1].days for s in d.sessions for e in s.exercises
    }
    assert any("whole bell" in n for n in _load_notes(plan, 2))


def test_the_check_faults_the_old_note() -> None:
    plan = builtin_plan(weeks=4, **BODY_WEIGHT)
    old = plan.model_copy(deep=True)
    old.weeks[1].notes = [
        "New load this week where the reps have earned it: a kettlebell or band steps up a "
        "whole bell or band at a time, so move to the next one on a lift once every set "
        "reached the top of its range last week."
        if n.startswith("New load this week")
        else n
        for n in old.weeks[1].notes
    ]
    faults = audit_check(CHECK, BODY_WEIGHT, old).faults
    assert [f.where for f in faults] == ["week 2"]


@st.composite
def home_loads(draw: st.DrawFn) -> dict[str, Any]:
    """Trained and new lifters loaded by body weight, a backpack, a kettlebell or bands."""
    return {
        "age": draw(st.integers(18, 60)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "fat-loss", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 6)),
        "equipment": draw(
            st.sampled_from(
                [
                    ["bodyweight"],
                    ["bodyweight", "pull-up-bar"],
                    ["bodyweight", "bike", "treadmill"],
                    ["kettlebell"],
                    ["bands"],
                    ["kettlebell", "dumbbells"],
                ]
            )
        ),
    }


def test_load_notes_name_only_owned_steps(record_property: Any) -> None:
    checks = {name: CHECKS[name] for name in (CHECK, "percent-step-for-coarse-load")}
    audit_property(home_loads(), checks, record_property, examples=EXAMPLES)
