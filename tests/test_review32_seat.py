"""Coach review 32's SEATED-MARCHING-PAST-25-MIN (F2), with its smallest profile as a named
test, a test that the audit's check faults the old plan, and a property over the people who
get seated or standing marching or step-ups as steady cardio.

SEATED-MARCHING-PAST-25-MIN (cardio is real) A 58-year-old man with peripheral neuropathy,
    active and intermediate, muscle first, 3 x 60 minutes, no kit: the required "Seated
    cardio" after lifting was `Seated marching` for 25 minutes on Wednesday and Friday (26-28
    with a treadmill), at RPE 5-6, 64-76 % HRmax. COACHING.md §1: "No one is asked for 25+
    minutes of marching in place or step-ups"; neuropathy without a bike or pool gets "a
    seated or chair-based aerobic circuit". *Cause:* the picker chose seated marching for a
    20-minute block (its library bout, `max_minutes: 20`), then the lifting's trim gave the
    block the minutes the lifting no longer used, past that bout. *Decision:* a block grown
    past its exercise's bout keeps its minutes, effort and title, and is done as the entry's
    longer form (`long_name`, `long_cue`): seated marching past 20 minutes is a chair aerobic
    circuit of seated moves changed every few minutes. Check `marching-past-its-minutes`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import WEEK_CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, exercise_by_name
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "marching-past-its-minutes"

# /tmp/s24/coach32/min/M2_SEATED-MARCHING-PAST-25-MIN.yaml
NEUROPATHY = {
    "age": 58,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["peripheral-neuropathy"],
    "minutes_per_session": 60,
}


def _seated(plan: Plan, week: int = 1) -> dict[str, tuple[int, list[str]]]:
    """Each day's required "Seated cardio": its minutes and exercise names."""
    return {
        d.day.value: (s.duration_minutes, [e.name for e in s.exercises])
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if not s.optional and s.title == "Seated cardio"
    }


def test_neuropathy_seated_cardio_past_twenty_minutes_is_a_chair_circuit() -> None:
    plan = builtin_plan(weeks=1, **NEUROPATHY)
    seated = _seated(plan)
    # the minutes stay (the aerobic target is the same); the 20-minute block stays a drill
    assert seated == {
        "monday": (20, ["Seated marching"]),
        "wednesday": (25, ["Chair aerobic circuit"]),
        "friday": (25, ["Chair aerobic circuit"]),
    }
    circuit = next(
        e
        for d in plan.weeks[0].days
        for s in d.sessions
        for e in s.exercises
        if e.name == "Chair aerobic circuit"
    )
    # a circuit of seated moves, at the same moderate effort
    assert "chair" in circuit.notes
    assert "heel and toe taps" in circuit.notes
    assert circuit.intensity.rpe is not None
    assert circuit.intensity.rpe.max == 6
    verdict = audit_check(CHECK, NEUROPATHY, plan)
    assert verdict.applies
    assert not verdict.faults


def test_with_a_treadmill_too_no_seated_marching_past_its_bout() -> None:
    data = {**NEUROPATHY, "equipment": ["treadmill"]}
    plan = builtin_plan(weeks=8, **data)
    for week in plan.weeks:
        for minutes, names in _seated(plan, week.week).values():
            assert minutes <= 20 or names == ["Chair aerobic circuit"], (week.week, names)
    assert not audit_check(CHECK, data, plan).faults


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=1, **NEUROPATHY)
    marching = exercise_by_name("Seated marching")
    # the plan as it was: the 25-minute blocks held one seated-marching drill
    old = plan.model_copy(deep=True)
    for d in old.weeks[0].days:
        for s in d.sessions:
            s.exercises = [
                e.model_copy(update={"name": marching.name, "notes": marching.cue})
                if e.name == "Chair aerobic circuit"
                else e
                for e in s.exercises
            ]
    faults = audit_check(CHECK, NEUROPATHY, old).faults
    assert [f.where for f in faults] == [
        "week 1 wednesday 'Seated cardio'",
        "week 1 friday 'Seated cardio'",
    ]
    assert "25 minutes of Seated marching" in faults[0].what


def test_the_library_says_what_a_long_block_of_marching_is() -> None:
    marching = exercise_by_name("Seated marching")
    assert marching.max_minutes == 20
    assert marching.long_name == "Chair aerobic circuit"
    assert "march" not in marching.long_name.lower()


@st.composite
def marching_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose steady cardio may be seated or standing marching: peripheral neuropathy or
    knee pain, with or without a pool or treadmill, most of them trained and active with a
    lifting goal first (the lifting days carry the cardio), 30-90 minutes a session."""
    data = draw(profiles(min_age=30, max_age=85))
    data["conditions"] = draw(
        st.sampled_from(
            [
                ["peripheral-neuropathy"],
                ["knee-pain"],
                ["type-2-diabetes", "peripheral-neuropathy"],
                ["peripheral-neuropathy", "knee-pain"],
            ]
        )
    )
    data.pop("pregnancy_week", None)
    data.pop("screening", None)
    data.pop("blood_pressure", None)
    data["currently_active"] = draw(st.sampled_from([True, True, False]))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced", "beginner"]))
    first = draw(st.sampled_from(["muscle", "strength", "insulin-sensitivity", "general-health"]))
    data["goals"] = [first, *[g for g in data["goals"] if g != first]][:3]
    data["equipment"] = draw(
        st.sampled_from([[], ["treadmill"], ["dumbbells"], ["pool"], ["dumbbells", "treadmill"]])
    )
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 5))
    data["minutes_per_session"] = draw(st.sampled_from([30, 40, 45, 50, 60, 75, 90]))
    return data


def test_no_required_marching_past_its_bout(record_property: pytest.RecordProperty) -> None:
    audit_property(
        marching_people(),
        {CHECK: WEEK_CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
