"""Dose and progression (COACHING.md §3) over generated profiles: every building week
differs from the one before, and a deload says the cut it really makes. Case counts are
printed in the test summary."""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from endoprotocol import build_plan, load_library, load_rules, parse_profile
from endoprotocol.audit import PROGRESSION_CHECKS, audit
from endoprotocol.engine.loader import builtin_rules_dir
from endoprotocol.errors import OutOfScopeError
from tests.strategies import profiles

RULES = load_rules(user_dir=False)
LIBRARY = load_library(builtin_rules_dir())
EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "200"))


def test_every_building_week_progresses_and_deloads_say_their_real_cut(
    record_property: pytest.RecordProperty,
) -> None:
    applied: Counter[str] = Counter()
    cases = 0

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(profiles())
    def check(data: dict[str, Any]) -> None:
        nonlocal cases
        profile = parse_profile(data)
        try:
            plan = build_plan(profile, RULES, LIBRARY, weeks=8)
        except OutOfScopeError:
            return
        cases += 1
        faults = []
        for name, verdict in audit(profile, plan, LIBRARY, PROGRESSION_CHECKS).items():
            applied[name] += verdict.applies
            faults += verdict.faults
        assert not faults, "\n".join(map(str, faults))

    check()
    record_property("cases", cases)
    for name in PROGRESSION_CHECKS:
        record_property(f"check:{name}", applied[name])
        assert applied[name] > 0, name


def test_a_muscle_block_alternates_load_and_reps_and_keeps_going_after_the_deload() -> None:
    plan = build_plan(
        parse_profile(
            {
                "age": 40,
                "sex": "male",
                "goals": ["muscle"],
                "experience": "intermediate",
                "currently_active": True,
                "days_per_week": 3,
                "equipment": ["barbell", "dumbbells"],
            }
        ),
        RULES,
        LIBRARY,
        weeks=6,
    )
    loads = [w.load_change_pct for w in plan.weeks]
    assert loads == [0, 2, 2, 2, 4, 4]
    first = plan.weeks[0].days[0].sessions[0].exercises[0]
    third = plan.weeks[2].days[0].sessions[0].exercises[0]
    assert first.reps is not None
    assert third.reps is not None
    assert third.reps.min > first.reps.min
    assert third.reps.max == first.reps.max
    deload = plan.weeks[3]
    assert deload.deload
    assert any("fewer sets" in n for n in deload.notes)
