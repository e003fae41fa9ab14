"""Coach review 43's CARDIO-NAMED-WRONG (words; COACHING.md §1, names tell the truth).

(a) A 40-year-old stress-first man who owns a bike: every "Easy recovery" session's focus
    said "an unhurried walk and gentle mobility" while its steady part was a stationary-bike
    ride. *Cause:* the rule's focus named a walk, and the picker takes the person's own kit
    for the steady part. *Decision:* the focus names no activity ("easy aerobic work at a
    chatting pace, and gentle mobility"), true of a walk, a ride or a swim.
(b) An advanced muscle-first man with machines and a rower on two 90-minute days: "Left out
    so that the walk after this session gets their minutes: Machine biceps curl ..." before
    a rowing session. *Cause:* the note's words were fixed. *Decision:* "the aerobic session
    after this one". Check `activity-named-wrong`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, sessions_edited
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "activity-named-wrong"

BIKE_STRESS = {"age": 40, "sex": "male", "goals": ["stress-resilience"], "equipment": ["bike"]}
ROWER_LIFTER = {
    "age": 40,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["machines", "rower"],
    "days": ["saturday", "sunday"],
    "minutes_per_session": 90,
}


def _sessions(plan: Any) -> list[Any]:
    return [s for w in plan.weeks for d in w.days for s in d.sessions]


def test_a_recovery_ride_is_not_called_a_walk() -> None:
    plan = builtin_plan(weeks=4, **BIKE_STRESS)
    recovery = [s for s in _sessions(plan) if s.title == "Easy recovery"]
    assert recovery
    assert any("bike" in e.name.lower() for s in recovery for e in s.exercises)
    for s in recovery:
        assert "walk" not in s.focus.lower(), s.focus
    assert not audit_check(CHECK, BIKE_STRESS, plan).faults


def test_extras_left_out_before_a_row_name_no_walk() -> None:
    plan = builtin_plan(weeks=4, **ROWER_LIFTER)
    notes = [n for s in _sessions(plan) for n in s.notes if n.startswith("Left out so that")]
    assert notes
    for n in notes:
        assert "walk" not in n, n
    assert any("the aerobic session after this one" in n for n in notes)
    verdict = audit_check(CHECK, ROWER_LIFTER, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_the_check_faults_the_old_words() -> None:
    """The old focus on the ride, and the old note before the row."""
    for data, title, field, old in (
        (BIKE_STRESS, "Easy recovery", "focus", "an unhurried walk and gentle mobility"),
        (
            ROWER_LIFTER,
            "Upper body",
            "notes",
            ["Left out so that the walk after this session gets their minutes: a curl."],
        ),
    ):
        old_plan = sessions_edited(
            builtin_plan(weeks=1, **data),
            lambda _day, s, title=title, field=field, old=old: (
                s.model_copy(update={field: old}) if s.title == title else s
            ),
        )
        faults = audit_check(CHECK, data, old_plan).faults
        assert faults, title
        assert title in faults[0].where


@st.composite
def kit_cardio_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose steady work may be a ride, a row, a swim or a walk: the cardio kits, the
    goals that add recovery days or past-dose extras, lifting on two to four days."""
    return {
        "age": draw(st.integers(20, 70)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": draw(
            st.sampled_from(
                [["stress-resilience"], ["muscle"], ["strength", "stress-resilience"], ["mood"]]
            )
        ),
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 4)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 90])),
        "equipment": draw(
            st.sampled_from([["bike"], ["machines", "rower"], ["pool"], ["dumbbells", "bike"]])
        ),
    }


def test_steady_work_is_named_for_what_it_is(record_property: Any) -> None:
    audit_property(
        kit_cardio_people(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=4
    )
