"""Coach review 10, split kinds of branch split10: each test is the smallest profile that
showed the kind (/tmp/coach10/min), kept once the kind was fixed at its cause, with a property
where the kind is an invariant over people.

T1D-LIFT-CAP  The diabetes rule capped lifting at 3 sessions a week, every two 48 hours
              apart: an advanced lifter with type 1 diabetes on Mon/Tue/Thu/Fri got 2
              full-body days and 2 walks. ADA 2016's 2-3 sessions are a least dose and its
              48 hours are between sessions for the same muscles (lead's decision
              2026-11-30): he gets 4 lifting days, upper/lower.
ADJACENT-SPLIT-ONCE  An endurance-first lifter on Tue/Wed/Fri/Sat got intervals on
              Wednesday (placed first) and Upper/Lower on adjacent Friday and Saturday: each
              muscle once a week for 12 weeks, WHO strength 1 of 2. Placed before the
              intervals, lifting takes Tuesday and Friday (full body, 72 h apart).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    diabetes_lifting_days_cut,
    group_once_a_week_avoidable,
    intervals_crowded,
    same_muscle_too_soon,
)
from endoprotocol.plan import Plan, Session, hard_exposures
from tests.builtin import audit_check, builtin_plan, guideline
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_REVIEW10_EXAMPLES", "30"))


def _lifting(plan: Plan, week: int = 1) -> list[tuple[str, Session]]:
    return [
        (d.day.value, s)
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]


# ---- T1D-LIFT-CAP: diabetes spaces the same muscles 48 h apart, it does not cap lifting days

T1D_LIFTER = {  # /tmp/coach10/min/T1D-LIFT-CAP.yaml
    "age": 24,
    "sex": "male",
    "goals": ["muscle"],
    "conditions": ["type-1-diabetes"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["barbell", "dumbbells", "bench"],
    "days": ["monday", "tuesday", "thursday", "friday"],
    "minutes_per_session": 60,
}


def test_a_lifter_with_type_1_diabetes_keeps_four_lifting_days() -> None:
    plan = builtin_plan(**T1D_LIFTER)
    verdict = audit_check("diabetes-lifting-days-cut", T1D_LIFTER, plan)
    assert verdict.applies
    assert not verdict.faults
    lifting = _lifting(plan)
    assert [d for d, _s in lifting] == ["monday", "tuesday", "thursday", "friday"]
    assert {s.title for _d, s in lifting} == {"Upper body", "Lower body"}
    # each muscle 48 h or more apart: no group hard on two days in a row
    for week in plan.weeks:
        exposed = [hard_exposures(d.sessions, primary_only=True) for d in week.days]
        assert not any(exposed[i] & exposed[(i + 1) % 7] for i in range(7))
    said = " ".join(w.message for w in plan.warnings)
    assert "resistance sessions cut" not in said
    # the glucose notes and the moderate cap for disease-active people stay
    codes = {w.code for w in plan.warnings}
    assert {"diabetes-glucose-safety", "break-up-sitting"} <= codes
    assert plan.screening.max_intensity == "moderate"


def test_the_diabetes_check_finds_the_old_cut() -> None:
    """The old plan's shape, made from the fixed one: two lifting days taken out and the
    old message put back."""
    doctored = builtin_plan(**T1D_LIFTER).model_copy(deep=True)
    for week in doctored.weeks:
        for d in week.days:
            if d.day.value in ("tuesday", "friday"):
                d.sessions[:] = [s for s in d.sessions if s.modality.value != "resistance"]
    verdict = audit_check("diabetes-lifting-days-cut", T1D_LIFTER, doctored)
    assert [f.where for f in verdict.faults] == ["week 1"]
    changed = next(w for w in doctored.warnings if w.code == "plan-changed-by-safety-rule")
    changed.message += (
        " Changed by a rule: resistance sessions cut from 4 to 2 a week: 3 at most, and your"
        " training days hold 2 that are 48 hours apart (safety/diabetes-exercise-safety)."
    )
    verdict = audit_check("diabetes-lifting-days-cut", T1D_LIFTER, doctored)
    assert [f.where for f in verdict.faults] == ["plan", "week 1"]


@st.composite
def trained_diabetic_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Trained, active lifters with type 1 or type 2 diabetes, muscle or strength first,
    on 4-6 named days of 45-90 minutes (the check's case)."""
    data = draw(profiles())
    data["conditions"] = sorted(
        {*data["conditions"], draw(st.sampled_from(["type-1-diabetes", "type-2-diabetes"]))}
    )
    data["goals"] = list(
        dict.fromkeys([draw(st.sampled_from(["strength", "muscle"])), *data["goals"]])
    )[:3]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data["minutes_per_session"] = draw(st.integers(45, 90))
    data.pop("days_per_week", None)
    data["days"] = draw(
        st.lists(
            st.sampled_from(
                ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            ),
            min_size=4,
            max_size=6,
            unique=True,
        )
    )
    return data


def test_diabetes_never_cuts_lifting_days(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_diabetic_lifters(),
        {"diabetes-lifting-days-cut": diabetes_lifting_days_cut},
        record_property,
        examples=EXAMPLES,
    )


# ---- ADJACENT-SPLIT-ONCE: lifting takes days 48 h apart before the intervals take theirs

ENDURANCE_LIFTER = {  # /tmp/coach10/min/ADJACENT-SPLIT-ONCE.yaml
    "age": 33,
    "sex": "female",
    "goals": ["endurance", "strength"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["treadmill", "dumbbells"],
    "days": ["tuesday", "wednesday", "friday", "saturday"],
    "minutes_per_session": 60,
}


def _required(plan: Plan, modality: str, week: int = 1) -> list[str]:
    return [
        d.day.value
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == modality and not s.optional
    ]


def test_an_endurance_first_lifter_lifts_on_days_apart() -> None:
    """Tue/Wed/Fri/Sat: lifting on Tuesday and Friday (full body, 72 h apart), the
    intervals on Wednesday, steady work on Saturday and after each lift; every major group
    trained on two days, WHO's two strength days met (it read 1 of 2 all block)."""
    plan = builtin_plan(**ENDURANCE_LIFTER)
    for name in ("group-once-a-week-avoidable", "split-leaves-half-one-day"):
        verdict = audit_check(name, ENDURANCE_LIFTER, plan)
        assert verdict.applies, name
        assert not verdict.faults, name
    for week in plan.weeks:
        lifting = _lifting(plan, week.week)
        assert [d for d, _s in lifting] == ["tuesday", "friday"]
        assert all(s.title.startswith("Full body") for _d, s in lifting)
        # the first goal keeps its sessions: intervals once, steady work on the other days
        assert _required(plan, "hiit", week.week) == ["wednesday"]
        assert "saturday" in _required(plan, "endurance", week.week)
    strength = guideline(plan, "who-2020-strength")
    assert strength.met
    assert strength.value == 2
    assert not audit_check("intervals-crowded", ENDURANCE_LIFTER, plan).faults
    assert not audit_check("same-muscle-too-soon", ENDURANCE_LIFTER, plan).faults


def test_the_once_a_week_check_finds_the_old_split() -> None:
    """The old plan's shape, made from the fixed one: Tuesday keeps only its lower-body
    lifts and Friday only its upper-body lifts."""
    plan = builtin_plan(**ENDURANCE_LIFTER)
    doctored = plan.model_copy(deep=True)
    keep = {"tuesday": {"quads", "hamstrings", "glutes"}, "friday": {"chest", "back", "shoulders"}}
    for d in doctored.weeks[0].days:
        for s in d.sessions:
            if s.modality.value == "resistance" and d.day.value in keep:
                s.exercises[:] = [
                    e for e in s.exercises if {m.value for m in e.muscles} <= keep[d.day.value]
                ]
    verdict = audit_check("group-once-a-week-avoidable", ENDURANCE_LIFTER, doctored)
    assert [f.where for f in verdict.faults] == ["week 1"]


@st.composite
def aerobic_first_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Active endurance-first people of 20-50 with no condition, who also lift, on 4-5 named
    days of 45-90 minutes with two adjacent days among them (the kind's case), with a
    treadmill or a bike for the intervals."""
    data = draw(profiles())
    data.update(age=draw(st.integers(20, 50)), conditions=[], therapies=[])
    data["equipment"] = sorted(
        {*data.get("equipment", []), draw(st.sampled_from(["treadmill", "bike"]))}
    )
    data["goals"] = ["endurance", draw(st.sampled_from(["strength", "muscle", "general-health"]))]
    data["currently_active"] = True
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["minutes_per_session"] = draw(st.integers(45, 90))
    data.pop("days_per_week", None)
    week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    start = draw(st.integers(0, 6))
    pair = [week[start], week[(start + 1) % 7]]
    others = draw(
        st.lists(
            st.sampled_from([d for d in week if d not in pair]),
            min_size=2,
            max_size=3,
            unique=True,
        )
    )
    data["days"] = [d for d in week if d in pair or d in others]
    return data


def test_lifting_never_leaves_a_group_once_when_days_allow_two(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        aerobic_first_lifters(),
        {
            "group-once-a-week-avoidable": group_once_a_week_avoidable,
            "intervals-crowded": intervals_crowded,
            "same-muscle-too-soon": same_muscle_too_soon,
        },
        record_property,
        examples=EXAMPLES,
    )
