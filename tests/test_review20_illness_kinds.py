"""A passing illness, drawn by the coach's audit since coach review 20 (it was left out since
session 15 for the faults it brought out), each fault kind with the smallest profile the
audit found as a named test and a property over the people back from an illness.

ILLNESS-LOAD-LEAP (dose) The illness's moderate weeks 3-4 ended in one leap: a lifter's
    dumbbell bench press went from 64-69 % of a maximum at RPE 6 to 65-80 % at RPE 7-8 in
    week 5. `safety/illness-delay` now keeps week 5 moderate too and caps week 6 at 79 %, so
    the loads climb back a step a week (ACSM 2009: 2-10 % at a time). Check
    `load-jump-week-on-week`.
ILLNESS-NOTES-UNTRUE (words) Week 3 said lifting stays moderate "from here on" though the
    hold ended in week 5, and the screening's "this step to harder sets waits for the
    professional's check" stood in week 3, where the hold kept every lift moderate, not in the
    week the lifts went past moderate. The held note now says how long the hold lasts
    ("through week 5"). The check note that waited for the first week no rule holds is gone
    since coach review 26 (over 45 and not active, no week goes past moderate): check
    `vigorous-before-check`.
"""

from __future__ import annotations

import os
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    load_jump_week_on_week,
    steady_block_too_short,
    vigorous_before_check,
)
from tests.builtin import audit_check, builtin_plan, week_top_lift_rpe
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CAUTIOUS_STARTS = ("pregnancy", "osteoporosis", "vertebral-fracture")

# the audit's smallest profiles (seed 3, 500 plans, 12-week blocks)
LIFTER = {
    "age": 36,
    "sex": "male",
    "goals": ["endurance", "muscle", "stress-resilience"],
    "experience": "advanced",
    "days_per_week": 7,
    "minutes_per_session": 90,
    "equipment": ["dumbbells", "bench"],
    "conditions": ["knee-pain", "acute-illness"],
}
OVER_45 = {
    "age": 62,
    "sex": "female",
    "goals": ["fat-loss", "strength"],
    "experience": "advanced",
    "equipment": ["dip-bars"],
    "conditions": ["acute-illness"],
}


def _bench_top_pct(week: Any) -> float:
    return max(
        e.intensity.pct_1rm.max
        for d in week.days
        for s in d.sessions
        for e in s.exercises
        if e.name == "Dumbbell bench press" and e.intensity.pct_1rm is not None
    )


def test_loads_climb_back_a_step_a_week_after_an_illness() -> None:
    plan = builtin_plan(weeks=12, **LIFTER)
    ceilings = [w.max_intensity for w in plan.weeks[:7]]
    assert ceilings == ["light", "light", "moderate", "moderate", "moderate", *["vigorous"] * 2]
    tops = [_bench_top_pct(w) for w in plan.weeks[2:8]]  # weeks 3-8
    assert tops[2] <= 69  # week 5 still moderate, not the leap to 80 it was
    # the plan's own load comes back a step a week, at most a tenth of the load a week
    # since coach review 27 (REENTRY-EXIT-LOAD-JUMP); since session 30 (coach review 39,
    # ILLNESS-EXIT-LOAD-LEAP) 59 % in weeks 3-4, and every set four reps short of failure
    # through week 8: 67 by week 7 (75 before)
    assert max(tops[:2]) <= 59
    assert max(tops) == 67
    building = [t for w, t in zip(plan.weeks[2:8], tops, strict=True) if not w.deload]
    assert all(b - a <= 10 for a, b in pairwise(building)), tops
    verdict = audit_check("load-jump-week-on-week", LIFTER, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    warning = next(w for w in plan.warnings if w.code == "acute-illness-delay")
    assert "the next three moderate" in warning.message


def test_the_notes_say_how_long_the_hold_lasts() -> None:
    # under 45 the illness's hold on effort ends in week 8 (week 5 before session 30: the
    # sets stay four reps short of failure through week 8), and week 3 says so
    plan = builtin_plan(weeks=12, **{**OVER_45, "age": 40})
    held = [n for n in plan.weeks[2].notes if n.startswith("Lifting stays at a moderate effort")]
    assert held
    assert "through week 8" in held[0]
    assert "from here on" not in held[0]


def test_over_45_the_hold_lasts_the_block_and_names_the_screening() -> None:
    # coach review 26, OVER45-HARD-STEP: over 45 and not active, the PAR-Q+ check holds every
    # week at a moderate effort, so the hold that starts with the illness lasts the block
    plan = builtin_plan(weeks=12, **OVER_45)
    held = [n for n in plan.weeks[2].notes if n.startswith("Lifting stays at a moderate effort")]
    assert held
    assert "from here on" in held[0]
    assert "safety/parq-over-45-not-used-to-vigorous" in held[0]
    assert max(week_top_lift_rpe(w) for w in plan.weeks) <= 6
    verdict = audit_check("vigorous-before-check", OVER_45, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


@st.composite
def recovering(draw: st.DrawFn) -> dict[str, Any]:
    """People back from a passing illness (no hard stop), lifters often. Without a bone
    condition's cautious start: its exit in a once-a-week block raises sets, load and effort
    in one week with or without an illness (docs/planning.md, "Left open")."""
    data = draw(profiles())
    data["conditions"] = [
        *(c for c in data["conditions"] if c not in CAUTIOUS_STARTS),
        "acute-illness",
    ][-3:]
    data.pop("pregnancy_week", None)
    data.pop("screening", None)
    if draw(st.booleans()):
        data["goals"] = ["strength", *(g for g in data["goals"] if g != "strength")][:4]
    return data


def test_after_an_illness_loads_step_and_notes_hold_true(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        recovering(),
        {
            "load-jump-week-on-week": load_jump_week_on_week,
            "vigorous-before-check": vigorous_before_check,
            "steady-block-too-short": steady_block_too_short,
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
