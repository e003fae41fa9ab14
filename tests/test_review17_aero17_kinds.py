"""Coach review 17's kinds on branch aero17, each with its smallest profile as a named test
and a property over the people the kind is about.

SHORTFALL-ADVICE-SKIPS-RAMP (safety: progression) An 84-year-old frail man, not active,
    was told in the WHO aerobic guideline's suggestion to "Add about 96 minutes a week: 3
    more days a week with a brisk walk of about 35 minutes", all at once, though COACHING.md
    §2 has people not active build up from about 15-30 minutes (ACSM 2011: 5-10 minutes more
    every week or two). *Cause:* `build._gap_plan` sized the way to the whole gap and read
    nothing of the person's activity. *Decision:* for a person not yet active, or pregnant,
    the way is a build-up to the same destination: one bout no longer than the steady
    build-up's first length (20 minutes), then about 5-10 minutes more a week
    (`messages.gap_build_up`). Check `shortfall-advice-skips-ramp`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build as build_module
from endoprotocol.audit import SAFETY_CHECKS, shortfall_advice_skips_ramp
from tests.builtin import audit_check, builtin_plan, guideline, plan_of
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach17/min/*.yaml: the smallest profiles of the kinds
RAMP = {"age": 84, "sex": "male", "goals": ["strength"]}


# ---- SHORTFALL-ADVICE-SKIPS-RAMP -----------------------------------------------------------


def test_a_frail_man_is_told_to_build_up_not_to_add_96_minutes_at_once() -> None:
    plan = builtin_plan(weeks=4, **RAMP)
    aerobic = guideline(plan, "who-2020-aerobic")
    assert not aerobic.met
    text = aerobic.suggestion
    assert text is not None
    assert "step by step" in text
    # one 20-minute walk first (the steady build-up's first length), then 5-10 minutes a week
    assert "start with one brisk walk of about 20 minutes a week" in text
    assert "add about 5 to 10 minutes a week" in text
    verdict = audit_check("shortfall-advice-skips-ramp", RAMP, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_ramp_check_finds_the_old_all_at_once_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without the build-up (the old way: the whole gap at once), the check flags it."""
    monkeypatch.setattr(build_module, "_gap_first_bout", lambda *_: None)
    plan = plan_of(RAMP, weeks=4)
    assert "Add about 96 minutes a week: 3 more days" in (
        guideline(plan, "who-2020-aerobic").suggestion or ""
    )
    faults = audit_check("shortfall-advice-skips-ramp", RAMP, plan).faults
    assert len(faults) == 1


def test_an_active_person_may_still_add_the_minutes_as_they_are() -> None:
    data = {**RAMP, "age": 40, "currently_active": True}
    plan = builtin_plan(weeks=4, **data)
    text = guideline(plan, "who-2020-aerobic").suggestion or ""
    assert "step by step" not in text
    assert not audit_check("shortfall-advice-skips-ramp", data, plan).applies


@st.composite
def building_up_people(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active (pregnant or not), any age, goals, days and kit."""
    data = draw(profiles())
    data["currently_active"] = False
    return data


def test_a_shortfall_never_asks_someone_not_active_for_it_all_at_once(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        building_up_people(),
        {"shortfall-advice-skips-ramp": SAFETY_CHECKS["shortfall-advice-skips-ramp"]},
        record_property,
        examples=EXAMPLES,
    )
    assert shortfall_advice_skips_ramp is SAFETY_CHECKS["shortfall-advice-skips-ramp"]
