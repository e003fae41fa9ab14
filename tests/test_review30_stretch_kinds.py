"""Coach review 30's UNSUPPORTED-SINGLE-LEG-STRETCH-FOR-FALLERS-AND-FRAIL: its smallest
profiles as named tests, the check shown faulting the old library, and a property over the
people whose rules keep balance supported.

UNSUPPORTED-SINGLE-LEG-STRETCH-FOR-FALLERS-AND-FRAIL (safety) An 85-year-old man with body
    weight alone (frail: 80+ and not active) and a 70-year-old woman after a fall were given
    an optional Mobility session with "Standing hamstring stretch: place one heel on a low
    step ... and hinge forward from the hips" - a single-leg stance with the trunk tipped
    forward and no hand on anything, beside warnings that say every exercise is done
    standing or seated with support and that unsupported single-leg challenges are left out
    (COACHING.md §4; World Falls Guidelines 2022). *Cause:* the one standing single-leg item
    of the library whose cue named no support, and `stance-unsupported` read a single-leg
    stance only from words such as "single-leg" or "lunge", so "one heel on a low step"
    passed. *Decision:* the stretch keeps a hand on a counter or a wall for everyone (a
    supported stretch is no worse for anyone), and the check reads a heel or foot put up on
    a step, box, bench or chair as a stance on the other leg. Before: both smallest profiles
    faulted `stance-unsupported` in week 1 (the stretch on Saturday and Sunday, and as an
    alternative); after: none.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SAFETY_CHECKS, stance_unsupported
from endoprotocol.plan import Plan
from endoprotocol.planner.library import Library
from endoprotocol.profile import parse_profile
from tests.builtin import builtin_library, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

FRAIL = {"age": 85, "sex": "male", "goals": ["general-health"], "equipment": ["bodyweight"]}
FALLS = {
    "age": 70,
    "sex": "female",
    "goals": ["general-health"],
    "equipment": ["bodyweight"],
    "conditions": ["falls-history"],
}
STRETCH = "Standing hamstring stretch"
OLD_CUE = (
    "Place one heel on a low step, keep that knee soft, and hinge forward from the hips "
    "until you feel the back of the thigh."
)


def _stretch_days(plan: Plan) -> list[str]:
    return [
        d.day.value
        for d in plan.weeks[0].days
        for s in d.sessions
        for e in s.exercises
        if e.name == STRETCH
    ]


def _old_library() -> Library:
    library = builtin_library()
    exercises = tuple(
        e.model_copy(update={"cue": OLD_CUE}) if e.name == STRETCH else e for e in library.exercises
    )
    return Library(exercises, library.design, library.sha256)


@pytest.mark.parametrize("data", [FRAIL, FALLS], ids=["frail-85", "falls-history-70"])
def test_the_standing_hamstring_stretch_keeps_a_hand_on_something(data: dict[str, Any]) -> None:
    plan = builtin_plan(weeks=1, **data)
    # the stretch is still planned for them (it is a good stretch), now held supported
    assert _stretch_days(plan)
    entry = next(e for e in builtin_library().exercises if e.name == STRETCH)
    assert entry.cue.startswith("With one hand on a kitchen counter or a wall")
    verdict = stance_unsupported(parse_profile(data), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_the_check_faults_the_old_unsupported_cue() -> None:
    plan = builtin_plan(weeks=1, **FALLS)
    faults = stance_unsupported(parse_profile(FALLS), plan, _old_library()).faults
    assert ("week 1 sunday 'Mobility' / Standing hamstring stretch") in {f.where for f in faults}
    assert {f.what for f in faults} >= {"Standing hamstring stretch: an unsupported stance"}


@st.composite
def balance_careful_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose rules keep balance supported: 80 and over, after a fall, frail, with
    few kit items so the body-weight mobility and balance items are the ones planned."""
    data = draw(profiles(min_age=60, max_age=95))
    if data["age"] < 80 or draw(st.booleans()):
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "falls-history"]))
    data["equipment"] = draw(
        st.lists(st.sampled_from(["bodyweight", "bands", "dumbbells", "bike"]), max_size=2)
    )
    return data


def test_review30_balance_careful_people_stand_supported(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        balance_careful_people(),
        {"stance-unsupported": SAFETY_CHECKS["stance-unsupported"]},
        record_property,
        examples=EXAMPLES,
    )
