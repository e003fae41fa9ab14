"""Coach review 14, LOAD-WORDS-NOTHING-TO-LOAD (wrong words): a 66-year-old whose only kit
was her body weight read "For bone, keep adding load over the weeks" on every lifting day and
a start in "light loads (about 40 to 50 percent of your maximum)" whose "loads then climb",
while no week changed a load. The bone note and the older beginner's start are now chosen by
the kit: with nothing that loads, they speak of effort, reps and a slower lowering."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import load_talk_without_load, load_words_without_kit
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

BONE_BODY_WEIGHT = {  # /tmp/coach14/min/LOAD-WORDS-NOTHING-TO-LOAD.yaml
    "age": 66,
    "sex": "female",
    "goals": ["bone-density"],
    "equipment": ["bodyweight"],
}


def _texts(plan: Any) -> list[str]:
    notes = [n for w in plan.weeks for d in w.days for s in d.sessions for n in s.notes]
    return notes + [w.message for w in plan.warnings]


def test_a_body_weight_bone_plan_speaks_of_reps_not_load() -> None:
    plan = builtin_plan(weeks=12, **BONE_BODY_WEIGHT)
    assert all(w.load_change_pct == 0 for w in plan.weeks)
    texts = _texts(plan)
    assert not any("adding load" in t or "percent of your maximum" in t for t in texts)
    assert any(t.startswith("For bone, keep making each lift harder") for t in texts)
    start = next(w.message for w in plan.warnings if w.code == "older-beginner-start")
    assert "easy effort" in start
    assert "slower lowering" in start
    assert not audit_check("load-words-without-kit", BONE_BODY_WEIGHT, plan).faults


def test_a_body_weight_plans_weeks_never_say_same_loads() -> None:
    """Coach reviews 13 and 15 (BODYWEIGHT-LOAD-TALK): the reps week and the deload week of a
    plan with nothing to load said "Same loads as last week" and "same loads"."""
    plan = builtin_plan(weeks=12, **BONE_BODY_WEIGHT)
    notes = [n for w in plan.weeks for n in w.notes]
    assert not any("same loads" in n.lower() for n in notes)
    # (its deload cuts sets of the same lifts; a lift at one set does fewer reps: coach review 16)
    assert any(n.startswith("Deload week: about") and "of the same lifts" in n for n in notes)


def test_the_same_woman_with_dumbbells_is_told_to_add_load() -> None:
    data = {**BONE_BODY_WEIGHT, "equipment": ["bodyweight", "dumbbells"]}
    plan = builtin_plan(weeks=12, **data)
    texts = _texts(plan)
    assert "For bone, keep adding load over the weeks." in texts
    start = next(w.message for w in plan.warnings if w.code == "older-beginner-start")
    assert "40 to 50 percent of your maximum" in start


@st.composite
def people_with_nothing_to_load(draw: st.DrawFn) -> dict[str, Any]:
    """People whose kit adds no load (body weight, a bar to hang from, a bench, machines for
    cardio), often with bone density among their goals or aged 65 and over."""
    data = draw(profiles())
    data["equipment"] = draw(
        st.lists(
            st.sampled_from(
                ["bodyweight", "pull-up-bar", "dip-bars", "bench", "bike", "treadmill", "pool"]
            ),
            max_size=4,
            unique=True,
        )
    )
    if draw(st.booleans()):
        data["goals"] = ["bone-density", *(g for g in data["goals"] if g != "bone-density")][:4]
    if draw(st.booleans()):
        data["age"] = draw(st.integers(65, 90))
    return data


def test_no_plan_with_nothing_to_load_speaks_of_load(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        people_with_nothing_to_load(),
        {
            "load-words-without-kit": load_words_without_kit,
            "load-talk-without-load": load_talk_without_load,
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
