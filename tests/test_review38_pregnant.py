"""Coach review 38's ACTIVE-PREGNANT-TOLD-TO-BUILD-UP (words): its smallest profile as a named
test, the inactive pregnant woman's build-up kept, the check faulting the old advice, and a
property over pregnant women, active or not.

ACTIVE-PREGNANT-TOLD-TO-BUILD-UP (COACHING.md §2; Mottola 2019, ACOG 2020) A 30-year-old
    woman, general health, pregnant, currently active: the WHO aerobic line said "build up
    to them step by step ... start with one brisk walk of about 20 minutes a week", where an
    active woman who is not pregnant got "2 more days a week with a brisk walk of about 40
    minutes"; with a bike, her plan's sessions and extras were bike rides and the advice
    named brisk walks alone. *Cause:* `build._gap_first_bout` put every pregnant woman on a
    build-up, active or not, and `_gap_plan` left the ride out in pregnancy. *Decision:* an
    active pregnant woman gets the direct advice; an inactive one keeps the build-up; in
    pregnancy the ride is a "stationary bike ride" (as the plan's are), and the steady work
    the plan's own sessions use is named first. The pregnancy safety texts are unchanged.
    Check `active-told-to-build-up` (seed 3: 13 of 335 plans before, 0 after; seed 21: 6 of
    351 before, 0 after).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, guideline
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "active-told-to-build-up"

# the review's smallest profile (coach review 38)
ACTIVE_PREGNANT = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["pregnancy"],
    "currently_active": True,
}
WITH_BIKE = {
    **ACTIVE_PREGNANT,
    "equipment": ["dumbbells", "bands", "bike"],
    "days": ["monday", "tuesday", "thursday", "saturday"],
    "minutes_per_session": 45,
}
OLD_ADVICE = (
    "Add about 30 minutes a week: build up to them step by step, not all at once: start with "
    "one brisk walk of about 20 minutes a week on a day you did not offer, then add about 5 to "
    "10 minutes a week (a few minutes onto a walk, or one more walk; the plan's own steady "
    "sessions growing counts toward it) until you have 1 more day a week with a brisk walk of "
    "about 30 minutes (days you did not offer). Any length of bout counts."
)


def _advice(plan: Any) -> str:
    said = guideline(plan, "who-2020-aerobic").suggestion
    assert said is not None
    return str(said)


def test_an_active_pregnant_woman_gets_the_direct_advice() -> None:
    plan = builtin_plan(weeks=4, **ACTIVE_PREGNANT)
    said = _advice(plan)
    assert "step by step" not in said
    assert "start with" not in said
    assert "more days a week with a brisk walk of about" in said
    assert not audit_check(CHECK, ACTIVE_PREGNANT, plan).faults


def test_her_advice_names_the_rides_her_plan_holds() -> None:
    plan = builtin_plan(weeks=4, **WITH_BIKE)
    titles = {s.title for d in plan.weeks[0].days for s in d.sessions if s.title.endswith("ride")}
    assert titles == {"Bike ride"}
    said = _advice(plan)
    assert "with a stationary bike ride or brisk walk of about" in said
    assert "step by step" not in said
    assert not audit_check(CHECK, WITH_BIKE, plan).faults


def test_an_inactive_pregnant_woman_keeps_the_build_up() -> None:
    inactive = {**WITH_BIKE, "currently_active": False}
    plan = builtin_plan(weeks=4, **inactive)
    said = _advice(plan)
    assert "build up to them step by step" in said
    assert "start with one stationary bike ride of about 20 minutes" in said
    assert not audit_check(CHECK, inactive, plan).faults


def test_the_check_faults_the_old_advice() -> None:
    plan = builtin_plan(weeks=4, **WITH_BIKE)
    old = plan.model_copy(deep=True)
    target = next(g for g in old.guidelines if g.id == "who-2020-aerobic")
    target.suggestion = OLD_ADVICE
    faults = audit_check(CHECK, WITH_BIKE, old).faults
    assert len(faults) == 2  # a build-up, and brisk walks alone beside bike rides
    assert "build up" in faults[0].what
    assert "names no ride" in faults[1].what


@st.composite
def pregnant_women(draw: st.DrawFn) -> dict[str, Any]:
    """Pregnant women, active or not, with or without a bike, on two to five days."""
    return {
        "age": draw(st.integers(18, 45)),
        "sex": "female",
        "goals": [draw(st.sampled_from(["general-health", "fat-loss", "strength", "endurance"]))],
        "conditions": ["pregnancy"],
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([20, 30, 45, 60])),
        "equipment": draw(st.sampled_from([["bodyweight"], ["dumbbells", "bands", "bike"]])),
    }


def test_aerobic_advice_fits_the_woman(record_property: Any) -> None:
    audit_property(pregnant_women(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
