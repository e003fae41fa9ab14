"""Coach review 31's joint-pain cardio kind (branch knee31), with its smallest profile as a named
test, a test that the audit's check faults the old plan, and a property over the people the
kind is about (the review's files: /tmp/s24/coach31).

KNEE-PAIN-WALKS-DESPITE-POOL (safety pick) A 48-year-old man with knee pain who owns a pool
    walked briskly for 18 minutes after each home lifting session, with no word on shoes or
    ground; the pool held only its own days. With a bike instead, the same man rode after
    lifting. *Cause:* the pool is a trip, so a short block after lifting at home is not taken
    there (library `venue_minutes`), and nothing asked for impact-free cardio for a knee, so
    the block fell to the walk. *Decision:* `safety/knee-pain-impact-free-cardio` asks for
    cardio without impact (`require: {non_impact_cardio: true}`, as peripheral neuropathy
    does) when a bike, pool or rower is owned: the block after lifting is seated cardio and
    the pool keeps its days. Without such kit `safety/knee-pain-walking` keeps walking, on
    level ground in cushioned shoes (COACHING.md §1's own fallback). A walk given where a
    rule asks for impact-free cardio and no such option fits (a frail or pregnant person,
    whom the chair is barred to) opens with how to walk: shoes and ground (library
    `messages.impact_free_fallback`). Check `impact-cardio-for-joint-pain`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import impact_cardio_for_joint_pain
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, exercise_by_name, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "impact-cardio-for-joint-pain"

# /tmp/s24/coach31/min/M5_KNEE-PAIN-WALK-DESPITE-POOL.yaml
KNEE_POOL = {
    "age": 48,
    "sex": "male",
    "goals": ["fat-loss"],
    "equipment": ["pool"],
    "conditions": ["knee-pain"],
}


def _clean(data: dict[str, Any], plan: Plan) -> None:
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def _required_steady(plan: Plan, week: int = 1) -> dict[str, list[Any]]:
    """Each day's required steady sessions of a week, by day."""
    return {
        d.day.value: [s for s in d.sessions if not s.optional and s.modality.value == "endurance"]
        for d in plan.weeks[week - 1].days
    }


def test_knee_pain_with_a_pool_does_the_block_after_lifting_seated() -> None:
    plan = builtin_plan(weeks=1, **KNEE_POOL)
    # (18 on both days before session 33: Friday's lifting moves start at their own fewest
    # reps, a minute more of it)
    for day, minutes in (("monday", 18), ("friday", 17)):
        lift, cardio = required_sessions(plan, day)
        assert lift.modality.value == "resistance"
        assert (cardio.title, cardio.duration_minutes) == ("Seated cardio", minutes)
        assert [e.name for e in cardio.exercises] == ["Seated marching"]
        assert "safety/knee-pain-impact-free-cardio" in cardio.rules
    wednesday = required_sessions(plan, "wednesday")
    assert [e.name for s in wednesday for e in s.exercises] == ["Pool walking or aqua jog"]
    steady = {e.name for days in _required_steady(plan).values() for s in days for e in s.exercises}
    assert "Brisk walk" not in steady
    warning = next(w for w in plan.warnings if w.code == "knee-pain-impact-free-cardio")
    assert "seated cardio" in warning.message
    _clean(KNEE_POOL, plan)


def test_knee_pain_with_a_bike_still_rides_and_without_kit_still_walks_on_the_level() -> None:
    bike = {**KNEE_POOL, "equipment": ["bike"]}
    plan = builtin_plan(weeks=1, **bike)
    steady = {e.name for days in _required_steady(plan).values() for s in days for e in s.exercises}
    assert steady == {"Stationary bike steady ride"}
    _clean(bike, plan)
    bare = {**KNEE_POOL, "equipment": []}
    plan = builtin_plan(weeks=1, **bare)
    walks = [s for days in _required_steady(plan).values() for s in days]
    assert walks
    assert {e.name for s in walks for e in s.exercises} == {"Brisk walk"}
    for s in walks:
        # safety/knee-pain-walking's note: COACHING.md §1's fallback, walking in proper shoes
        assert any("level, even ground" in n and "supportive shoes" in n for n in s.notes)
    assert not any(w.code == "knee-pain-impact-free-cardio" for w in plan.warnings)
    _clean(bare, plan)


def test_a_frail_knee_walks_only_with_word_on_shoes_and_ground() -> None:
    """An 82-year-old not active, whom the chair is barred to: the 18-minute block after
    balance practice at home is too short a trip for the pool and has no seated option, so it
    is a walk, and the walk says how."""
    frail = {**KNEE_POOL, "age": 82, "sex": "female", "goals": ["general-health"]}
    plan = builtin_plan(weeks=1, **frail)
    walks = [
        e
        for days in _required_steady(plan).values()
        for s in days
        for e in s.exercises
        if e.name == "Brisk walk"
    ]
    assert walks
    for e in walks:
        assert e.notes.startswith("No impact-free option fits this block, so it is a walk")
        assert "supportive shoes" in e.notes
        assert "even ground" in e.notes
    _clean(frail, plan)


def test_the_check_faults_the_old_plan() -> None:
    """The review's plan: both blocks after lifting a brisk walk with only the walk's cue."""
    plan = builtin_plan(weeks=1, **KNEE_POOL)
    old = plan.model_copy(deep=True)
    walk = exercise_by_name("Brisk walk")
    for days in _required_steady(old).values():
        for s in days:
            s.exercises = [
                e.model_copy(update={"name": walk.name, "notes": walk.cue})
                if e.name == "Seated marching"
                else e
                for e in s.exercises
            ]
    faults = audit_check(CHECK, KNEE_POOL, old).faults
    assert [(f.where, f.what) for f in faults] == [
        (
            f"week 1 {day} 'Seated cardio' / Brisk walk",
            what,
        )
        for day in ("monday", "friday")
        for what in (
            "Brisk walk (low impact) for knee-pain while Seated marching fits it (pool owned)",
            "Brisk walk for knee-pain without saying which shoes and what ground",
        )
    ]


@st.composite
def joint_pain(draw: st.DrawFn) -> dict[str, Any]:
    """People with knee pain or peripheral neuropathy (or both), with impact-free kit, other
    kit or none."""
    data = draw(profiles())
    wanted = draw(
        st.sampled_from(
            [["knee-pain"], ["peripheral-neuropathy"], ["knee-pain", "peripheral-neuropathy"]]
        )
    )
    data["conditions"] = [*(c for c in data["conditions"] if c not in wanted), *wanted][-3:]
    kit = draw(
        st.sampled_from(
            [[], ["pool"], ["bike"], ["rower"], ["pool", "dumbbells"], ["treadmill"], ["bands"]]
        )
    )
    data["equipment"] = kit
    return data


def test_joint_pain_cardio_has_no_impact_where_it_fits_and_walks_say_how(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        joint_pain(), {CHECK: impact_cardio_for_joint_pain}, record_property, examples=EXAMPLES
    )
