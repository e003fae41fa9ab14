"""Coach review 12 (20 profiles, read by a strength coach): the dose and progression kinds,
each as its smallest profile with what a person would notice, and a property over the
people the kind is about.

LOAD-JUMP-OSTEO (borderline unsafe) An osteoporosis light start went from a deload at
    40-49 % 1RM and RPE 3-4 straight to 60 % at RPE 5 with more sets in week 9: load, sets
    and effort all up in one week.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import Plan, parse_profile
from endoprotocol.audit import load_jump_week_on_week
from tests.builtin import builtin_library, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))


def _pct_tops(plan: Plan, week: int) -> dict[str, float]:
    """Each required lift's %1RM ceiling in `week`, by name."""
    return {
        e.name: float(e.intensity.pct_1rm.max)
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
        if e.intensity.pct_1rm is not None and e.intensity.pct_1rm.max is not None
    }


# ---- LOAD-JUMP-OSTEO -------------------------------------------------------------------

BONES_TWO_DAYS = {  # /tmp/coach12/min/LOAD-JUMP-OSTEO.yaml
    "age": 60,
    "sex": "female",
    "goals": ["bone-density"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "conditions": ["osteoporosis"],
}


def test_osteoporosis_exit_climbs_a_step_a_week_out_of_the_deload() -> None:
    plan = builtin_plan(weeks=12, **BONES_TWO_DAYS)
    assert plan.weeks[7].deload
    light = max(_pct_tops(plan, 7).values())
    tops = [max(_pct_tops(plan, w).values()) for w in (9, 10, 11)]
    # week 9 is one step above the light weeks (about 55 %, not 60 %), then 60s, then 70
    assert light < 50
    assert tops[0] <= 55
    assert tops == sorted(tops)
    steps = [b - a for a, b in zip([light, *tops[:-1]], tops, strict=True)]
    assert all(step <= 10 for step in steps), steps
    note = next(n for n in plan.weeks[8].notes if "Loads climb" in n)
    assert "one step" in note
    verdict = load_jump_week_on_week(parse_profile(BONES_TWO_DAYS), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_trained_re_entry_reaches_its_heavy_loads_a_step_at_a_time() -> None:
    # (44: over 45 and not active, the PAR-Q+ check holds the block at moderate since coach
    # review 26, OVER45-HARD-STEP, so the heavy loads never come)
    data = {
        "age": 44,
        "sex": "male",
        "goals": ["strength"],
        "experience": "intermediate",
        "days_per_week": 3,
    }
    plan = builtin_plan(weeks=12, **data)
    # re-entry weeks 1-2 at 60-69 %; week 3 takes the block's effort at week 2's loads, and
    # the loads then rise a tenth at most a week (coach review 27, REENTRY-EXIT-LOAD-JUMP):
    # 67 -> 70 -> 75 -> 80 % by week 10, not 85 % in week 3
    assert max(_pct_tops(plan, 2).values()) <= 69
    assert max(_pct_tops(plan, 3).values()) == max(_pct_tops(plan, 2).values())
    assert max(_pct_tops(plan, 5).values()) <= 79
    assert max(_pct_tops(plan, 10).values()) >= 80
    verdict = load_jump_week_on_week(parse_profile(data), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def cautious_starters(draw: st.DrawFn) -> dict[str, Any]:
    """People whose block starts cautiously: osteoporosis, older beginners, people not
    active (re-entry), and week-scoped holds (an acute illness)."""
    data = draw(profiles())
    kind = draw(st.sampled_from(["osteoporosis", "older", "re-entry", "illness"]))
    if kind == "osteoporosis":
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "osteoporosis"]))
    elif kind == "older":
        data["age"] = draw(st.integers(65, 79))
        data["experience"] = "beginner"
    elif kind == "re-entry":
        data["currently_active"] = False
    else:
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "acute-illness"]))
    return data


def test_no_load_jumps_for_cautious_starters(record_property: pytest.RecordProperty) -> None:
    audit_property(
        cautious_starters(),
        {"load-jump-week-on-week": load_jump_week_on_week},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
