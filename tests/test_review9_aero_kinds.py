"""Coach review 9: aerobic work the person's goals and safety call for, and no more.

LEA-ADDED-CARDIO (/tmp/coach9/min/LEA-ADDED-CARDIO.yaml: 20F, strength, intermediate,
active, low energy availability, machines, Mon/Wed/Fri x 60): a required 35-minute walk on
Wednesday and two optional walks, added only to close WHO's aerobic minutes. Decision (lead,
2026-11-30; COACHING.md §2 safety before the WHO minimums, §4 Triad/RED-S load held down
until energy availability is assessed): with Triad or RED-S signs and no aerobic-led goal, no
steady work is added and the WHO target names the rule that holds it back
(`safety/energy-deficit-no-added-cardio`).
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import SAFETY_CHECKS
from endoprotocol.engine.loader import RuleSet
from endoprotocol.plan import Plan
from tests.builtin import builtin_library, builtin_rules
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "200"))

LEA = {
    "age": 20,
    "sex": "female",
    "goals": ["strength"],
    "conditions": ["low-energy-availability"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["machines"],
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 60,
}
HOLD = "safety/energy-deficit-no-added-cardio"


def _plan(data: dict[str, Any], rules: RuleSet | None = None, weeks: int = 12) -> Plan:
    return build_plan(parse_profile(data), rules or builtin_rules(), builtin_library(), weeks=weeks)


def _guideline(plan: Plan, gid: str) -> Any:
    return next(g for g in plan.guidelines if g.id == gid)


def _check(name: str, data: dict[str, Any], plan: Plan) -> Any:
    return SAFETY_CHECKS[name](parse_profile(data), plan, builtin_library())


def _steady(plan: Plan) -> list[Any]:
    return [
        s for w in plan.weeks for d in w.days for s in d.sessions if s.modality.value == "endurance"
    ]


def test_lea_added_cardio_strength_athlete_gets_no_walks() -> None:
    plan = _plan(LEA)
    verdict = _check("energy-deficit-added-cardio", LEA, plan)
    assert verdict.applies
    assert not verdict.faults
    # no steady session, required or optional, in any week (was a 35-minute walk on
    # Wednesday and two optional walks)
    assert not _steady(plan)
    aerobic = _guideline(plan, "who-2020-aerobic")
    assert not aerobic.met
    assert aerobic.value == 0  # was 35
    assert HOLD in aerobic.held_by
    assert aerobic.suggestion is None
    assert "Held back on purpose" in aerobic.detail
    # the Triad's own care stays: two moderate strength days, the referral
    assert _guideline(plan, "who-2020-strength").value == 2
    assert plan.screening.clearance == "recommended"
    codes = {w.code for w in plan.warnings}
    assert {"female-athlete-triad", "energy-deficit-no-added-cardio"} <= codes


def test_lea_added_cardio_the_check_finds_the_old_shape() -> None:
    """Built without the new safety rule (the old planner), the walks are flagged."""
    rules = builtin_rules()
    old = dataclasses.replace(rules, rules=[r for r in rules.rules if r.full_id != HOLD])
    plan = _plan(LEA, rules=old, weeks=4)
    faults = _check("energy-deficit-added-cardio", LEA, plan).faults
    assert any("week 1 wednesday" in f.where and "required" in f.what for f in faults)


def test_lea_with_an_aerobic_goal_keeps_the_triad_caps_only() -> None:
    data = {**LEA, "goals": ["strength", "general-health"]}
    plan = _plan(data, weeks=4)
    assert not _check("energy-deficit-added-cardio", data, plan).applies
    assert HOLD not in _guideline(plan, "who-2020-aerobic").held_by


@st.composite
def energy_deficit_people(draw: st.DrawFn) -> dict[str, Any]:
    """People with Triad or RED-S signs whose goals are lifting (and maybe bone density), on
    one to six days of any length, any kit and activity."""
    data = draw(profiles())
    sign = draw(
        st.sampled_from(["low-energy-availability", "menstrual-irregularity"])
        if data["sex"] == "female"
        else st.just("low-energy-availability")
    )
    data["conditions"] = [sign, *(c for c in data["conditions"] if c != sign)]
    data["goals"] = draw(
        st.lists(st.sampled_from(["muscle", "strength", "bone-density"]), min_size=1, unique=True)
    )
    return data


def test_energy_deficit_never_adds_cardio(record_property: pytest.RecordProperty) -> None:
    checks = {"energy-deficit-added-cardio": SAFETY_CHECKS["energy-deficit-added-cardio"]}
    audit_property(
        energy_deficit_people(),
        checks,
        record_property,
        examples=max(EXAMPLES // 4, 10),
        weeks=4,
    )
