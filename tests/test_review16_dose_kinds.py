"""Coach review 16's arm-volume kind, with its smallest profile as a named test and a
property over trained lifters.

TRICEPS-OVER-20-HARD-SETS (wrong dose) An advanced 22-year-old on 4 x 90 had the triceps at
    22.5 hard sets a week (30 on 6 x 90): every press and push-up credited them as a
    primary muscle, beside two triceps extensions. Presses now credit the triceps as a
    secondary muscle (0.5 a set, DESIGN.md v1.1), as rows credit the biceps; dips keep
    them primary. Check `arms-over-range-any-week`.
"""

from __future__ import annotations

import os

import pytest

from endoprotocol.audit import arms_over_range_any_week
from endoprotocol.plan import hard_sets_by_muscle, muscle_credit
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import audit_property
from tests.test_dose7_kinds import trained_lifters

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

ARMS = {  # /tmp/coach16/min/TRICEPS-OVER-20-HARD-SETS.yaml
    "age": 22,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "days_per_week": 4,
    "minutes_per_session": 90,
}


def test_presses_count_half_a_set_for_the_triceps() -> None:
    plan = builtin_plan(**ARMS)
    for w in plan.weeks:
        triceps = hard_sets_by_muscle(week_lifting(w)).get("triceps", 0.0)
        # was 22.5 in every building week
        assert triceps <= 20, (w.week, triceps)
    lifts = [e for s in week_lifting(plan.weeks[0]) for e in s.exercises]
    presses = [e for e in lifts if e.pattern.value in ("horizontal-push", "vertical-push")]
    assert presses
    assert all(muscle_credit(e).get("triceps") == 0.5 for e in presses), presses
    # the chest and shoulders keep their full credit from the same presses
    assert all(
        muscle_credit(e).get("chest") == 1.0 or muscle_credit(e).get("shoulders") == 1.0
        for e in presses
    )
    verdict = audit_check("arms-over-range-any-week", ARMS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_trained_lifters_arms_stay_within_twenty(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_lifters(),
        {"arms-over-range-any-week": arms_over_range_any_week},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
