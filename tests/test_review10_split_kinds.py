"""Coach review 10, split kinds of branch split10: each test is the smallest profile that
showed the kind (/tmp/coach10/min), kept once the kind was fixed at its cause, with a property
where the kind is an invariant over people.

T1D-LIFT-CAP  The diabetes rule capped lifting at 3 sessions a week, every two 48 hours
              apart: an advanced lifter with type 1 diabetes on Mon/Tue/Thu/Fri got 2
              full-body days and 2 walks. ADA 2016's 2-3 sessions are a least dose and its
              48 hours are between sessions for the same muscles (lead's decision
              2026-11-30): he gets 4 lifting days, upper/lower.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import diabetes_lifting_days_cut
from endoprotocol.plan import Plan, Session, hard_exposures
from tests.builtin import audit_check, builtin_plan
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
