"""Coach review 31's body-weight ladder kinds (branch ladder31), each with its smallest profile
as a named test, a test that the audit's check faults the old plan, and a property over
generated people.

LOADABLE-LIFT-FROZEN (COACHING.md §3 double progression, §5 every sentence true) An advanced
    30-year-old man with body weight alone, 8 weeks: the plan gave him a "Weighted push-up",
    cued to wear a loaded backpack and "add load when the reps reach the top of the range",
    then slowed its lowering as for a lift with no load, named it in week 7's note among the
    lifts that hold "with no weight to add", and kept it at 3 x 10-12 to the end. *Cause:* the
    library counts a lift as unloaded from its kit alone, and the backpack is no kit.
    *Decision:* an exercise done with a load the person adds (`added_load`) is not unloaded;
    it progresses by load like a dumbbell lift. Check `loadable-lift-held-as-unloaded`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_library, builtin_plan, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# coach review 31's smallest profile of LOADABLE-LIFT-FROZEN (M4)
ADVANCED = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "equipment": ["bodyweight"],
}
HELD = "These lifts hold where they are from this week: "
SLOWED = "Lower each rep slowly"
WEIGHTED = "Weighted push-up"


def _weighted(plan: Plan) -> dict[int, tuple[int, int, bool]]:
    """Each week's weighted push-up (Wednesday's Full body A): its rep range and whether its
    lowering is slowed."""
    out = {}
    for week in plan.weeks:
        for s in week_lifting(week):
            for e in s.exercises:
                if e.name == WEIGHTED and e.reps is not None:
                    out[week.week] = (int(e.reps.min), int(e.reps.max), SLOWED in e.notes)
    return out


def test_the_weighted_push_up_takes_load_and_is_never_said_to_hold() -> None:
    plan = builtin_plan(weeks=8, **ADVANCED)
    pushes = _weighted(plan)
    assert set(pushes) == set(range(1, 9))
    # never the slower lowering of a lift with no load (weeks 2 and 5 had it), and never
    # named among the lifts that hold (week 7 did)
    assert not any(slowed for _, _, slowed in pushes.values())
    held = " ".join(n for w in plan.weeks for n in w.notes if HELD in n)
    assert held
    assert WEIGHTED not in held
    # double progression: reps toward the top, then more load from the bottom of the range
    assert pushes[6] == (10, 12, False)
    assert pushes[7] == (8, 12, False)
    assert "New load this week" in " ".join(plan.weeks[6].notes)
    assert [w.load_change_pct for w in plan.weeks][-2:] == [6, 6]
    assert "add load when the reps reach the top" in next(
        e.notes for s in week_lifting(plan.weeks[0]) for e in s.exercises if e.name == WEIGHTED
    )
    for check in (
        "loadable-lift-held-as-unloaded",
        "bodyweight-block-stops-progressing",
        "load-note-without-load",
        "week-does-not-progress",
    ):
        assert not audit_check(check, ADVANCED, plan).faults, check


def test_the_library_counts_a_worn_load_as_a_load() -> None:
    library = builtin_library()
    assert WEIGHTED not in library.unloaded()
    assert "Push-up" in library.unloaded()


def test_the_check_faults_the_old_frozen_push_up() -> None:
    plan = builtin_plan(weeks=8, **ADVANCED)
    verdict = audit_check("loadable-lift-held-as-unloaded", ADVANCED, plan)
    assert verdict.applies
    assert not verdict.faults
    old = plan.model_copy(deep=True)
    # the old plan: the push-up slowed from week 2 and named in week 7's hold note
    for week in old.weeks[1:]:
        for s in week_lifting(week):
            for e in s.exercises:
                if e.name == WEIGHTED:
                    e.notes = f"{e.notes} Lower each rep slowly, over 3 seconds."
    old.weeks[6].notes = [f"{HELD}Pistol squat and {WEIGHTED}. Each is at the top of its range."]
    faults = audit_check("loadable-lift-held-as-unloaded", ADVANCED, old).faults
    wheres = {f.where for f in faults}
    assert "week 2 Full body A / Weighted push-up" in wheres
    assert WEIGHTED in wheres
    assert any("no weight to add" in f.what for f in faults)


@st.composite
def trained_bodyweight_people(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people with body weight alone (the weighted push-up is an intermediate
    progression: they are the people who get it)."""
    data = draw(profiles(max_age=64))
    data["equipment"] = ["bodyweight"]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    return data


def test_review31_a_worn_load_progresses_by_load(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_bodyweight_people(),
        {
            name: CHECKS[name]
            for name in (
                "loadable-lift-held-as-unloaded",
                "load-note-without-load",
                "load-talk-without-load",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
