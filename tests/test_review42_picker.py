"""Coach review 42's LIGHT-CAP-WITH-HARDEST-VARIANT and REP-RANGE-BELOW-OWN-MIN-REPS: the
picker's body-weight variants under a light cap, and reps never below a move's own fewest.

LIGHT-CAP-WITH-HARDEST-VARIANT (safety; COACHING.md §1 and §3) A 30-year-old intermediate
    woman with body weight, the week after a fever (acute illness, weeks 1-2 held light at
    RPE 3-4), read "Single-leg squat to a chair 3 x 8-12", "Deficit push-up 2 x 8-12" and
    "Weighted push-up 3 x 8-12 ... add load when the reps reach the top of the range", all at
    RPE 3-4: 8-12 of them with 6-7 in reserve is a 14-19 rep maximum of the hard form, so
    the light cap is not kept. A 66-year-old with a vertebral fracture (RPE 3-4 all block):
    "Deficit push-up 3 x 10-15" and "Feet-elevated push-up 3 x 10-15". *Cause:* the picker
    ranks the hardest form at the person's level first among moves no kit loads, whatever
    effort the week allows; session 31's step-down (`easier`, `skill_effort`) covered skill
    moves only. *Decision:* the library's `easier` is open to strength moves too (the push-up
    rungs -> push-up, single-leg squat to a chair -> body-weight squat, rear-foot-elevated
    split squat -> split squat, single-leg glute bridge -> glute bridge) with a design field
    `rung_effort: {rpe: 5, rir: 5}`: a week 1 held light (RPE ceiling below 5, or more than 5
    in reserve) takes the rung below, down the ladder while each rung is still short; the
    block climbs it back (one lift a week) in the first load week no longer light, and never
    climbs to such a rung in a light week. Check `hard-variant-under-light-cap`.

REP-RANGE-BELOW-OWN-MIN-REPS (COACHING.md §1 and §3) A 20-year-old beginner man with body
    weight, muscle goal: "Bodyweight squat 3 x 8-12" and "Low step-up 3 x 8-12" though the
    library's `min_reps` is 12 and 10, and "2 x 8-12 RPE 7-8" in week 5. *Cause:*
    `fill.build_exercise` applied `min_reps` only when the slot's top was below it.
    *Decision:* a slot whose range starts below the move's `min_reps` starts at it, up to
    the slot's top where that leaves 2 or more, else `min_reps` + the slot's width, at most
    15 (the squat 12-15, the step-up 10-12); a
    cautious start whose reps end at or below a lift's own fewest keeps the lift's range
    (`progress._reps`), not a one-number one. Check `reps-below-exercise-min`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    exercise_by_name,
    exercises_edited,
)
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
LIGHT = "hard-variant-under-light-cap"
FEWEST = "reps-below-exercise-min"

# /tmp/s32/coach42/min/il1.yaml, v5.yaml and mr1.yaml
IL1 = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["acute-illness"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["bodyweight"],
}
V5 = {**IL1, "age": 66, "conditions": ["vertebral-fracture"]}
MR1 = {
    "age": 20,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "beginner",
    "currently_active": True,
    "days_per_week": 2,
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}
HARD = {
    "Single-leg squat to a chair",
    "Deficit push-up",
    "Feet-elevated push-up",
    "Weighted push-up",
    "Rear-foot-elevated split squat",
}


def _lifts(week: Any) -> list[Any]:
    return [
        e
        for d in week.days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
    ]


def test_week_after_a_fever_takes_the_easier_rungs() -> None:
    """il1: weeks 1-2 (RPE 3-4) hold no harder rung and no "add load" cue, the push-up and
    body-weight squat in their place, with the note saying so; the harder rungs come back
    later in the block, one a week."""
    plan = builtin_plan(weeks=8, **IL1)
    for week in plan.weeks[:2]:
        lifts = _lifts(week)
        assert lifts
        names = {e.name for e in lifts}
        assert not names & HARD, names
        assert {"Push-up", "Bodyweight squat"} <= names
        assert not any("add load" in (e.notes or "") for e in lifts)
        for e in lifts:
            assert not HARD & set(e.alternatives), (e.name, e.alternatives)
    assert any("Push-up in place of Deficit push-up" in n for n in plan.weeks[0].notes)
    later = {e.name for w in plan.weeks[2:] for e in _lifts(w)}
    assert "Single-leg squat to a chair" in later
    assert "Deficit push-up" in later
    assert not audit_check(LIGHT, IL1, plan).faults


def test_fragile_spine_held_light_keeps_the_push_up() -> None:
    """v5: held at RPE 3-4 all block, the push-up every week, no deficit or feet-elevated
    push-up."""
    plan = builtin_plan(weeks=8, **V5)
    for week in plan.weeks:
        names = {e.name for e in _lifts(week)}
        assert "Push-up" in names
        assert not names & HARD, (week.week, names)
    assert not audit_check(LIGHT, V5, plan).faults


def test_beginner_reps_start_at_the_moves_own_fewest() -> None:
    """mr1: the body-weight squat 12-15 and the low step-up 10-12 from week 1, and never
    fewer than a move's `min_reps` in any building week (week 5 too)."""
    plan = builtin_plan(weeks=8, **MR1)
    first = {e.name: e for e in _lifts(plan.weeks[0])}
    assert (first["Bodyweight squat"].reps.min, first["Bodyweight squat"].reps.max) == (12, 15)
    assert (first["Low step-up"].reps.min, first["Low step-up"].reps.max) == (10, 12)
    for week in plan.weeks:
        if week.deload:
            continue
        for e in _lifts(week):
            least = exercise_by_name(e.name).min_reps
            if least is not None and e.reps is not None:
                assert e.reps.min >= least, (week.week, e.name, e.reps)
                assert e.reps.max > e.reps.min, (week.week, e.name, e.reps)
    assert not audit_check(FEWEST, MR1, plan).faults


def _renamed(plan: Any, swap: dict[str, str], reps: tuple[int, int] | None = None) -> Any:
    """Week 1 of `plan` with its lifts renamed by `swap` (and their reps set to `reps`)."""

    def renamed(e: Any) -> Any:
        update: dict[str, Any] = {"name": swap.get(e.name, e.name)}
        if reps is not None and e.reps is not None and e.name in swap:
            update["reps"] = e.reps.model_copy(update={"min": reps[0], "max": reps[1]})
        return e.model_copy(update=update)

    return exercises_edited(plan, renamed)


def test_the_checks_fault_the_old_forms() -> None:
    """The old il1 week 1 (the deficit push-up and the chair squat at RPE 3-4) and the old
    mr1 week 1 (the body-weight squat at 8-12)."""
    plan = builtin_plan(weeks=1, **IL1)
    old = _renamed(
        plan, {"Push-up": "Deficit push-up", "Bodyweight squat": "Single-leg squat to a chair"}
    )
    faults = CHECKS[LIGHT](parse_profile(IL1), old, builtin_library()).faults
    assert faults
    assert any("Deficit push-up" in f.where for f in faults)
    assert any("Push-up is open" in f.what for f in faults)
    plan = builtin_plan(weeks=1, **MR1)
    old = _renamed(plan, {"Bodyweight squat": "Bodyweight squat"}, reps=(8, 12))
    faults = CHECKS[FEWEST](parse_profile(MR1), old, builtin_library()).faults
    assert faults
    assert "(12)" in faults[0].what


@st.composite
def capped_people(draw: st.DrawFn) -> dict[str, Any]:
    """People with body weight or bands, under a light or cautious cap or none, and
    beginners: the variants and reps the two checks read."""
    experience = draw(st.sampled_from(["beginner", "intermediate", "advanced"]))
    condition = draw(
        st.sampled_from([[], ["acute-illness"], ["vertebral-fracture"], ["pregnancy"]])
    )
    return {
        "age": draw(st.sampled_from([25, 40, 66])) if condition != ["pregnancy"] else 30,
        "sex": "female"
        if condition == ["pregnancy"]
        else draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["general-health", "muscle", "strength", "fat-loss"]))],
        "experience": experience,
        "currently_active": draw(st.booleans()),
        "conditions": condition,
        "days_per_week": draw(st.integers(2, 4)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60])),
        "equipment": draw(st.sampled_from([["bodyweight"], ["bands"], ["bodyweight", "bench"]])),
    }


def test_variants_fit_the_cap_and_reps_their_fewest(record_property: Any) -> None:
    audit_property(
        capped_people(),
        {LIGHT: CHECKS[LIGHT], FEWEST: CHECKS[FEWEST]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
