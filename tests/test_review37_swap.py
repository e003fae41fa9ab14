"""Coach review 37's LBP-SWAP-CHANGES-MUSCLE: a swap note names only a lift the slot would
have taken, a triceps slot keeps the triceps where a painful shoulder rules out the overhead
extension, the two checks faulting the old shapes, and a property over painful joints.

LBP-SWAP-CHANGES-MUSCLE (selection and words; COACHING.md §1, §5) A 42-year-old woman,
    strength first, low-back pain, Tuesday and Saturday: Saturday's overhead triceps
    extension said "In place of Bent-over dumbbell reverse fly (safety/low-back-pain)", and the
    session was the same without the low-back rule: the lateral raise above it already
    isolates the shoulders, so the fly was never open to the slot (the note was read against
    the slot's candidates before its own filters). *Decision:* the would-be lift is read
    through the slot's own filters and among the turn's best; an isolation slot with no lift
    for its muscle even without the vetoes records no swap. Check `swap-names-lift-not-open`.
    The same read showed the kind the reviewer named: with a painful shoulder and a home kit
    of dumbbells the triceps slot took a hammer curl, nothing else training the triceps being
    open. *Decision:* a supported one-arm dumbbell kickback (tagged `low-load`: ranked after
    the overhead extension wherever that is open). Check `swap-changes-muscle`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
NOT_OPEN = "swap-names-lift-not-open"
CHANGES = "swap-changes-muscle"

# /tmp/s28/coach37/min/LBP-SWAP-CHANGES-MUSCLE.yaml
LOW_BACK = {
    "age": 42,
    "sex": "female",
    "goals": ["strength"],
    "conditions": ["low-back-pain"],
    "days": ["tuesday", "saturday"],
}
SHOULDER = {
    "age": 52,
    "sex": "female",
    "goals": ["strength"],
    "conditions": ["shoulder-pain"],
    "days": ["monday", "thursday"],
}


def _lifts(plan: Any, day: str) -> list[Any]:
    return [
        e
        for d in plan.weeks[0].days
        if d.day.value == day
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
    ]


def test_a_swap_note_names_a_lift_the_slot_would_have_taken() -> None:
    plan = builtin_plan(weeks=1, **LOW_BACK)
    saturday = _lifts(plan, "saturday")
    assert not any("reverse fly" in e.notes for e in saturday)
    without = builtin_plan(weeks=1, **{k: v for k, v in LOW_BACK.items() if k != "conditions"})
    # the low-back rule changes nothing on Saturday: no note may say it did
    assert [e.name for e in saturday] == [e.name for e in _lifts(without, "saturday")]
    assert not any("In place of" in e.notes for e in saturday)
    assert not audit_check(NOT_OPEN, LOW_BACK, plan).faults


def test_a_painful_shoulder_keeps_the_triceps_slot_on_the_triceps() -> None:
    plan = builtin_plan(weeks=1, **SHOULDER)
    thursday = _lifts(plan, "thursday")
    names = [e.name for e in thursday]
    assert "Hammer curl" not in names
    kickback = next(e for e in thursday if e.name == "Supported one-arm dumbbell kickback")
    assert "In place of Dumbbell overhead triceps extension (safety/shoulder-pain)" in (
        kickback.notes
    )
    assert not audit_check(CHANGES, SHOULDER, plan).faults


def test_the_kickback_waits_behind_the_overhead_extension() -> None:
    plan = builtin_plan(weeks=1, **{k: v for k, v in SHOULDER.items() if k != "conditions"})
    names = {e.name for d in plan.weeks[0].days for s in d.sessions for e in s.exercises}
    assert "Dumbbell overhead triceps extension" in names
    assert "Supported one-arm dumbbell kickback" not in names


def _with(plan: Any, day: str, name: str, update: dict[str, Any]) -> Any:
    """The plan with one exercise of `day` in week 1 changed."""
    week = plan.weeks[0]
    days = []
    for d in week.days:
        sessions = []
        for s in d.sessions:
            exercises = [
                e.model_copy(update=update) if d.day.value == day and e.name == name else e
                for e in s.exercises
            ]
            sessions.append(s.model_copy(update={"exercises": exercises}))
        days.append(d.model_copy(update={"sessions": sessions}))
    return plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})


def test_the_checks_fault_the_old_shapes() -> None:
    library = builtin_library()
    plan = builtin_plan(weeks=1, **LOW_BACK)
    old = _with(
        plan,
        "saturday",
        "Dumbbell overhead triceps extension",
        {"notes": "In place of Bent-over dumbbell reverse fly (safety/low-back-pain)."},
    )
    faults = CHECKS[NOT_OPEN](parse_profile(LOW_BACK), old, library).faults
    assert faults
    assert "shoulders" in faults[0].what
    plan = builtin_plan(weeks=1, **SHOULDER)
    old = _with(
        plan,
        "thursday",
        "Supported one-arm dumbbell kickback",
        {
            "name": "Hammer curl",
            "notes": "In place of Dumbbell overhead triceps extension (safety/shoulder-pain).",
        },
    )
    faults = CHECKS[CHANGES](parse_profile(SHOULDER), old, library).faults
    assert faults
    assert "kickback" in faults[0].what


@st.composite
def sore_joints(draw: st.DrawFn) -> dict[str, Any]:
    """Lifters with a painful back or shoulder, or a past fall, on a home kit or a gym."""
    return {
        "age": draw(st.integers(18, 90)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["strength", "muscle", "general-health"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "days_per_week": draw(st.integers(2, 4)),
        "conditions": [draw(st.sampled_from(["low-back-pain", "shoulder-pain", "falls-history"]))],
        "equipment": draw(
            st.sampled_from(
                [["dumbbells", "bands"], ["dumbbells"], ["barbell", "dumbbells", "machines"]]
            )
        ),
    }


def test_swaps_keep_their_slot(record_property: Any) -> None:
    audit_property(
        sore_joints(),
        {NOT_OPEN: CHECKS[NOT_OPEN], CHANGES: CHECKS[CHANGES]},
        record_property,
        examples=EXAMPLES,
    )
