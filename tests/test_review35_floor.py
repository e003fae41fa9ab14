"""Coach review 35's safety kind FALLS-RULE-PUTS-A-90-YEAR-OLD-ON-THE-FLOOR, with its
smallest profile as a named test, the check faulting the old plan, and a property over the
people the kind is about (the review's files: /tmp/s27/coach35).

FALLS-RULE-PUTS-A-90-YEAR-OLD-ON-THE-FLOOR (safety) An active 90-year-old man after a fall
    (the review's p16: intermediate, 2 x 30 minutes, dumbbells) did a "Dumbbell floor press"
    at 77-85 % 1RM on both lifting days, and the falls rule itself swapped his standing
    reverse fly for a face-down "Prone Y raise" on the floor. A past fall is the strongest
    sign of the next one and the risk climbs steeply with age (World Falls Guidelines 2022);
    getting down to the floor and up again with weights in hand is one of the likeliest
    moments for it. *Cause:* only the frail rule (80+, not active) and knee pain kept anyone
    off the floor. *Decision:* `safety/oldest-faller-off-the-floor` forbids the `floor` tag
    at 80 and over after a fall (frail people keep their own, wider rule), and says so in a
    warning; presses go to an incline or stair push-up, back work to a supported row.
    Check `floor-work-for-knee-pain-older` now reads these people too (`floor_barred`).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from tests.builtin import (
    audit_check,
    builtin_plan,
    exercise_by_name,
    floor_moves,
    week_lifting,
)
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "floor-work-for-knee-pain-older"
RULE = "safety/oldest-faller-off-the-floor"

# /tmp/s27/coach35/min/floor-work-90-falls.yaml
FALLER_90 = {
    "age": 90,
    "sex": "male",
    "goals": ["strength"],
    "currently_active": True,
    "equipment": ["dumbbells"],
    "conditions": ["falls-history"],
}
# /tmp/s27/coach35/p16.yaml
P16 = {
    "age": 90,
    "sex": "male",
    "goals": ["strength", "general-health"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 2,
    "minutes_per_session": 30,
    "equipment": ["dumbbells", "bodyweight"],
    "conditions": ["falls-history"],
}


def test_the_oldest_faller_keeps_off_the_floor() -> None:
    plan = builtin_plan(weeks=4, **FALLER_90)
    assert floor_moves(plan) == []
    assert any(w.code == "oldest-faller-off-the-floor" for w in plan.warnings)
    pushes = {
        e.name
        for s in week_lifting(plan.weeks[0])
        for e in s.exercises
        if e.pattern.value == "horizontal-push"
    }
    assert pushes  # the press slot is kept, off the floor
    assert not audit_check(CHECK, FALLER_90, plan).faults


def test_the_reviewers_plan_has_no_floor_press_or_prone_raise() -> None:
    plan = builtin_plan(weeks=8, **P16)
    names = {e.name for w in plan.weeks for s in week_lifting(w) for e in s.exercises}
    assert "Dumbbell floor press" not in names
    assert "Prone Y raise" not in names
    assert floor_moves(plan) == []
    verdict = audit_check(CHECK, P16, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_rule_is_not_for_younger_fallers_or_the_frail() -> None:
    younger = builtin_plan(weeks=1, **{**FALLER_90, "age": 75})
    assert not any(w.code == "oldest-faller-off-the-floor" for w in younger.warnings)
    frail = builtin_plan(weeks=1, **{**FALLER_90, "currently_active": False})
    assert not any(w.code == "oldest-faller-off-the-floor" for w in frail.warnings)
    assert floor_moves(frail) == []  # the frail rule's own


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=1, **FALLER_90)
    old = plan.model_copy(deep=True)
    floor = exercise_by_name("Dumbbell floor press")
    first = week_lifting(old.weeks[0])[0]
    push = next(i for i, e in enumerate(first.exercises) if e.pattern.value == "horizontal-push")
    first.exercises[push] = first.exercises[push].model_copy(
        update={"name": floor.name, "notes": floor.cue}
    )
    faults = audit_check(CHECK, FALLER_90, old).faults
    assert faults
    assert "80 and over after a fall" in faults[0].what


@st.composite
def oldest_fallers(draw: st.DrawFn) -> dict[str, Any]:
    """People of 80 and over with a past fall, active or not, any goal, experience and kit."""
    return {
        "age": draw(st.integers(80, 100)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "general-health", "bone-density", "muscle"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(1, 5)),
        "equipment": draw(
            st.sampled_from(
                [["dumbbells"], ["bodyweight"], ["bands"], ["barbell", "dumbbells", "bench"]]
            )
        ),
        "conditions": ["falls-history"],
    }


def test_no_floor_work_for_the_oldest_fallers(record_property: Any) -> None:
    from endoprotocol.audit import CHECKS

    audit_property(
        oldest_fallers(),
        {CHECK: CHECKS[CHECK], "vetoed-tag-in-plan": CHECKS["vetoed-tag-in-plan"]},
        record_property,
        examples=EXAMPLES,
    )
