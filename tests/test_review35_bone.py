"""Coach review 35's BEST-BONE-LIFT-TRIMMED-FOR-A-WALK: its smallest profile as a named test,
the check faulting the old session, and a property over people who lift on one day a week.

BEST-BONE-LIFT-TRIMMED-FOR-A-WALK (week; COACHING.md §2, who gets the time first) A
    31-year-old man, bone first, one 90-minute day with a barbell and a trap bar (the
    review's p20): his one lifting session was trimmed to 41 minutes - the trap-bar deadlift
    and four more lifts left out - so that a walk after it could grow to 51 minutes, with 29
    minutes of the day unused in week 1. *Cause:* WHO's aerobic target for goals that are
    neither lifting, aerobic nor health first (bone density) shortens lifting sessions to
    their smallest full form while the 150 minutes are short (`lifting_shortens`), whatever
    the number of lifting days. *Decision:* bone answers to progressive lifting on two or
    more days; one lifting day is all the bone dose the week holds, below the minimum, so it
    keeps its minutes (step 2 before step 3): the guideline's `lifting_shortens_from: 2`.
    The walk takes what the lifting leaves. Check `one-lifting-day-trimmed-for-a-walk`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "one-lifting-day-trimmed-for-a-walk"

# /tmp/s27/coach35/min/bone-lift-trimmed-for-a-walk.yaml
ONE_BONE_DAY = {
    "age": 31,
    "sex": "male",
    "goals": ["bone-density"],
    "days_per_week": 1,
    "minutes_per_session": 90,
    "equipment": ["barbell", "trap-bar"],
}


def _monday(plan: Any, week: int) -> list[Any]:
    return next(d.sessions for d in plan.weeks[week - 1].days if d.day.value == "monday")


def test_one_bone_day_keeps_its_lifts_and_walks_after() -> None:
    plan = builtin_plan(weeks=8, **ONE_BONE_DAY)
    for week in (1, 6):
        lift, walk = _monday(plan, week)[:2]
        names = [e.name for e in lift.exercises]
        assert "Trap-bar deadlift" in names
        assert not any(n.startswith("Trimmed to fit") for n in lift.notes)
        assert walk.modality.value == "endurance"
        assert lift.duration_minutes + walk.duration_minutes <= 90
    # the walk still builds up over the block, in what the lifting leaves
    first, sixth = _monday(plan, 1)[1], _monday(plan, 6)[1]
    assert first.duration_minutes < sixth.duration_minutes
    assert not audit_check(CHECK, ONE_BONE_DAY, plan).faults


def test_two_bone_days_still_shorten_for_the_walk() -> None:
    # two lifting days carry the bone dose: WHO's minutes come before more lifting there
    two = {**ONE_BONE_DAY, "days_per_week": 2}
    plan = builtin_plan(weeks=4, **two)
    lifting = [
        s for d in plan.weeks[0].days for s in d.sessions if s.modality.value == "resistance"
    ]
    assert len(lifting) == 2
    assert all(any(n.startswith("Trimmed to fit") for n in s.notes) for s in lifting)
    walks = [s for d in plan.weeks[0].days for s in d.sessions if s.title == "Brisk walk"]
    assert len(walks) >= 2


def test_the_check_faults_the_old_session() -> None:
    plan = builtin_plan(weeks=4, **ONE_BONE_DAY)
    old = plan.model_copy(deep=True)
    lift = _monday(old, 1)[0]
    lift.notes = [
        *lift.notes,
        "Trimmed to fit 41 minutes: shorter rests, Standing calf raise, Barbell curl, "
        "Dead bug, Trap-bar deadlift, Wall push-up.",
    ]
    faults = audit_check(CHECK, ONE_BONE_DAY, old).faults
    assert [f.where for f in faults] == ["week 1 monday 'Full body'"]
    assert "Brisk walk" in faults[0].what


@st.composite
def one_lifting_day(draw: st.DrawFn) -> dict[str, Any]:
    """People whose first goal is built on lifting, offering one day a week."""
    return {
        "age": draw(st.integers(18, 80)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["bone-density", "strength", "muscle"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": 1,
        "minutes_per_session": draw(st.integers(30, 120)),
        "equipment": draw(
            st.sampled_from(
                [
                    ["barbell", "trap-bar"],
                    ["dumbbells"],
                    ["bodyweight"],
                    ["barbell", "rack", "bench", "dumbbells", "machines"],
                ]
            )
        ),
    }


def test_one_lifting_day_is_not_trimmed_for_a_walk(record_property: Any) -> None:
    audit_property(one_lifting_day(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
