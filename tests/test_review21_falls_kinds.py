"""Coach review 21's safety kind, fixed by the lead, with its smallest profile as a named test
and a property over everyone who has fallen (the review's files: /tmp/coach21).

FALLS-HISTORY-BOTH-HANDS-LOADED (safety pick) After a fall the plan's own warning promises
    that standing lifts keep a hand free ("never both hands on a load or a band"), and coach
    review 18 held the squats and hinges to it; the presses, raises, curls and holds did not:
    a 100-year-old got a band overhead press and a band lateral raise standing on the band,
    a 67-year-old a farmer hold with a heavy dumbbell in each hand and an Arnold press. Every
    lift done standing with a free load in both hands is tagged `hands-bound` now (the
    falls and frailty rules veto it), and the library has its supported one-arm forms (a
    hand on a counter) and a seated dumbbell press. Check `faller-hands-bound`, which reads
    the library for such lifts as well as the tag (`audit.standing_two_hand_lifts`).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import faller_hands_bound, frail_hands_bound, standing_two_hand_lifts
from tests.builtin import audit_check, builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach21/min/FALLS-HISTORY-BOTH-HANDS-LOADED.yaml
FALLEN_100 = {
    "age": 100,
    "sex": "male",
    "goals": ["strength"],
    "equipment": ["bands"],
    "conditions": ["falls-history"],
}
# coach review 21's p07, cut to what shows the kind: trained, dumbbells and a gym
FALLEN_67 = {
    "age": 67,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["dumbbells", "bench", "machines"],
    "conditions": ["falls-history"],
}


def _clean(data: dict[str, Any], plan: Any) -> None:
    verdict = audit_check("faller-hands-bound", data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_every_standing_lift_with_both_hands_loaded_is_tagged() -> None:
    """The library's own reading and its tags agree: the falls and frailty rules veto the
    tag, so an untagged standing two-hand lift would reach someone who has fallen."""
    library = builtin_library()
    tagged = {e.name for e in library.exercises if {"hands-bound", "hands-full-walk"} & set(e.tags)}
    assert standing_two_hand_lifts(library) <= tagged
    assert {"Band overhead press", "Dumbbell farmer hold", "Arnold press"} <= tagged


def test_a_100_year_old_who_fell_presses_and_raises_one_arm_with_a_hand_on_a_counter() -> None:
    plan = builtin_plan(weeks=4, **FALLEN_100)
    names = plan_names(plan)
    assert "Band overhead press" not in names
    assert "Band lateral raise" not in names
    assert "Supported one-arm band shoulder press" in names
    _clean(FALLEN_100, plan)


def test_a_trained_67_year_old_who_fell_holds_no_dumbbell_in_each_hand() -> None:
    plan = builtin_plan(weeks=4, **FALLEN_67)
    names = plan_names(plan)
    assert not names & {"Dumbbell farmer hold", "Arnold press", "Dumbbell overhead press"}
    presses = {
        "Supported one-arm dumbbell shoulder press",
        "Seated dumbbell shoulder press",
        "Machine shoulder press",
    }
    assert names & presses
    warning = next(w for w in plan.warnings if w.code == "falls-history")
    assert "never both hands on a load or a band" in warning.message
    _clean(FALLEN_67, plan)


def test_the_check_finds_an_untagged_standing_two_hand_lift() -> None:
    plan = builtin_plan(weeks=4, **FALLEN_67)
    session = next(
        s for d in plan.weeks[0].days for s in d.sessions if s.modality.value == "resistance"
    )
    session.exercises[0].name = "Dumbbell farmer carry"  # tagged hands-full-walk only
    faults = audit_check("faller-hands-bound", FALLEN_67, plan).faults
    assert any(f.what == "Dumbbell farmer carry: no hand free" for f in faults)


@st.composite
def fallen(draw: st.DrawFn) -> dict[str, Any]:
    """People who have fallen, any age, with the free weights and bands the kind is about."""
    data = draw(profiles(min_age=40))
    data["conditions"] = [*(c for c in data["conditions"] if c != "falls-history"), "falls-history"]
    data["equipment"] = sorted(
        {*data["equipment"], *draw(st.sets(st.sampled_from(["dumbbells", "bands", "barbell"])))}
    )
    return data


def test_no_one_who_has_fallen_lifts_standing_with_both_hands_loaded(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        fallen(),
        {"faller-hands-bound": faller_hands_bound, "frail-hands-bound": frail_hands_bound},
        record_property,
        examples=EXAMPLES,
    )
