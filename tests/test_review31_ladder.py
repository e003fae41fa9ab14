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

BODYWEIGHT-LEAP-TO-SINGLE-LEG (COACHING.md §1 stable versions first; §3 one thing at a time)
    A 55-year-old man with body weight alone, capped at moderate effort, 12 weeks: after four
    re-entry weeks, week 5 swapped four lifts for harder versions at once, the bodyweight
    squat for a single-leg squat to a chair (one leg and a balance task in one step, past the
    split squat). *Cause:* the ladder (`progress._rungs_up`) moved every lift whose reps and
    slowed lowering were used up in the same week, and the library's squat rung was the
    single-leg squat. *Decision:* one lift moves up a rung in a week (the others wait at
    their top, not said to hold); the bodyweight squat's next rung is the pause squat (both
    feet down, a 2-second pause at the bottom; `rung_only`: never picked for a slot), where
    its ladder ends. Checks `rungs-climb-together`, `rung-leaps-to-single-leg`.
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
RUNG_CUE = "A harder version of "
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
    # week 2 is the mirrored week (B/A/B): its first weighted push-up is on Full body B
    assert any(w.startswith("week 2 Full body ") and w.endswith(f"/ {WEIGHTED}") for w in wheres)
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


# coach review 31's smallest profile of BODYWEIGHT-LEAP-TO-SINGLE-LEG (M2)
CAPPED = {"age": 55, "sex": "male", "goals": ["general-health"], "equipment": ["bodyweight"]}
HARDER = "Harder versions this week"


def _moves(plan: Plan) -> dict[int, list[str]]:
    """Each week's rung changes as its note says them ("Pause squat for Bodyweight squat")."""
    out: dict[int, list[str]] = {}
    for w in plan.weeks:
        for n in w.notes:
            if n.startswith(HARDER):
                listed = n.split(": ", 1)[1].split(". ", 1)[0]
                out[w.week] = listed.split("; ")
    return out


def test_the_capped_beginner_moves_one_lift_up_at_a_time_to_a_pause_squat() -> None:
    plan = builtin_plan(weeks=12, **CAPPED)
    # week 5 held four changes; now one a week, the squat first (since session 26 the rungs
    # come in the block's load weeks, 5, 7 and 10, its reps weeks between: his re-entry's
    # held effort step no longer restarts the alternation in week 5)
    assert _moves(plan) == {
        5: ["Pause squat for Bodyweight squat"],
        7: ["Push-up for Incline push-up"],
        10: ["Single-leg glute bridge for Glute bridge"],
    }
    names = {e.name for w in plan.weeks for s in week_lifting(w) for e in s.exercises}
    assert "Single-leg squat to a chair" not in names
    a5 = next(s for s in week_lifting(plan.weeks[4]) if s.title == "Full body A")
    squat, push = a5.exercises[0], a5.exercises[1]
    assert (squat.name, squat.alternatives) == ("Pause squat", ["Bodyweight squat"])
    assert squat.reps is not None
    # (the body-weight squat's own reps since coach review 42: 12-15 from its `min_reps`)
    assert (squat.reps.min, squat.reps.max) == (12, 15)
    assert "hold the bottom position for 2 seconds" in squat.notes
    # the push-up waits at its top with the slow lowering, and is not said to hold
    assert push.name == "Incline push-up"
    assert push.reps is not None
    # (its own fewest reps are 10: 10-12 since coach review 42)
    assert (push.reps.min, push.reps.max) == (11, 12)
    assert SLOWED in push.notes
    assert "Incline push-up" not in " ".join(n for n in plan.weeks[4].notes if HELD in n)
    for check in (
        "rungs-climb-together",
        "rung-leaps-to-single-leg",
        "bodyweight-block-stops-progressing",
        "week-does-not-progress",
        "week-repeats-previous",
    ):
        assert not audit_check(check, CAPPED, plan).faults, check


def test_the_pause_squat_is_never_picked_for_week_one() -> None:
    """The pause squat is reached only up the squat's ladder."""
    for person in (CAPPED, {**CAPPED, "age": 30, "experience": "intermediate"}):
        plan = builtin_plan(weeks=1, **person)
        names = {e.name for s in week_lifting(plan.weeks[0]) for e in s.exercises}
        assert "Pause squat" not in names


def test_the_checks_fault_the_old_week_five() -> None:
    plan = builtin_plan(weeks=6, **CAPPED)
    old = plan.model_copy(deep=True)
    # the old week 5: four lifts up at once, the squat to a single-leg squat to a chair
    swaps = {
        "Pause squat": "Single-leg squat to a chair",
        "Incline push-up": "Push-up",
        "Glute bridge": "Single-leg glute bridge",
        "Low step-up": "Split squat",
    }
    for s in week_lifting(old.weeks[4]):
        for e in s.exercises:
            if e.name in swaps and RUNG_CUE not in e.notes:
                e.notes = f"{e.notes} {RUNG_CUE}{e.name}."
            e.name = swaps.get(e.name, e.name)
    together = audit_check("rungs-climb-together", CAPPED, old).faults
    assert [f.where for f in together] == ["week 5"]
    assert "4 lifts move up a rung at once" in together[0].what
    leaps = audit_check("rung-leaps-to-single-leg", CAPPED, old).faults
    assert [f.where for f in leaps] == ["week 5 Bodyweight squat"]
    assert "Single-leg squat to a chair" in leaps[0].what


@st.composite
def bodyweight_people(draw: st.DrawFn) -> dict[str, Any]:
    """People under 65 whose lifts all move their body weight alone (the ladder is theirs)."""
    data = draw(profiles(max_age=64))
    data["equipment"] = ["bodyweight"]
    return data


def test_review31_one_rung_at_a_time(record_property: pytest.RecordProperty) -> None:
    audit_property(
        bodyweight_people(),
        {
            name: CHECKS[name]
            for name in (
                "rungs-climb-together",
                "rung-leaps-to-single-leg",
                "week-does-not-progress",
                "week-repeats-previous",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=16,
    )
