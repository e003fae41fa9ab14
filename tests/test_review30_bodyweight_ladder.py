"""Coach review 29's BODYWEIGHT-PROGRESSION-LOOPS, the body-weight ladder of branch bw29 ported
to main (session 23, branch bwladder30): the smallest profile as named tests, the audit's check
faulting the old plan, and a property over generated people whose lifts all move their body
weight alone.

BODYWEIGHT-PROGRESSION-LOOPS (COACHING.md §3, progression every week; blocks longer than 4
    weeks keep progressing after each deload) A 30-year-old man with body weight alone, 12
    weeks: weeks 9 and 11 went back to week 6's 3 x 8-12 with a 3-second lowering, below week
    7's 10-12, week 10 was week 7 again, and nothing after week 7 was harder. *Cause:* a load
    week puts every lift back at the bottom of its range, for the load it adds; a lift with no
    load to add had only its one slower lowering, used once in each block. *Decision:* such a
    lift never starts lower than the last building week had it at the same effort
    (`progress._held_at_top`); once its reps and slowed lowering are used up it moves to the
    next rung of its library ladder (`harder`: a single-leg squat to a chair for the squat, the
    floor push-up for the incline push-up a beginner starts on since coach review 30's
    BEGINNER-GETS-FULL-PUSH-UP, a single-leg glute bridge, a split squat for the low step-up;
    open to the person, from a lift of their own level to one at most one level above theirs,
    under 65 - `Picker.harder_rungs`), which climbs
    its reps, slows, and climbs again (`progress._rungs_up`); a lift with no rung left holds
    at its top and the plan names it (`unloaded_plateau_note`). A beginner keeps the stable
    two-legged squat until the ladder's condition is met (the lead's decision, session 23;
    tests/test_session14_level_kinds.py). Check `bodyweight-block-stops-progressing`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# the review's smallest profile
BODYWEIGHT = {"age": 30, "sex": "male", "goals": ["general-health"], "equipment": ["bodyweight"]}
PREGNANT = {**BODYWEIGHT, "sex": "female", "conditions": ["pregnancy"]}
RUNGS = {
    "Pause squat",
    "Calf raise off a step",
    "Single-leg squat to a chair",
    "Push-up",
    "Deficit push-up",
    "Single-leg glute bridge",
    "Split squat",
    "Rear-foot-elevated split squat",
    "Single-leg calf raise",
}
HELD = "These lifts hold where they are from this week: "
HARDER = "Harder versions this week"


def _squat_days(plan: Plan) -> dict[int, tuple[str, int, int, bool]]:
    """Each building week's squat on Full body A: its name, rep range and slowed lowering."""
    out = {}
    for week in plan.weeks:
        if week.deload:
            continue
        a = next(s for s in week_lifting(week) if s.title == "Full body A")
        squat = next(e for e in a.exercises if e.pattern.value == "squat")
        assert squat.reps is not None
        slowed = "Lower each rep slowly" in squat.notes
        out[week.week] = (squat.name, int(squat.reps.min), int(squat.reps.max), slowed)
    return out


def _names(plan: Plan) -> set[str]:
    return {e.name for w in plan.weeks for s in week_lifting(w) for e in s.exercises}


def test_the_smallest_profile_moves_up_to_a_harder_squat_after_week_7() -> None:
    plan = builtin_plan(weeks=12, **BODYWEIGHT)
    squats = _squat_days(plan)
    # (since coach review 42 the squat's reps start at its own fewest, 12: 12-15, not 8-12)
    assert squats[6] == ("Bodyweight squat", 12, 15, True)
    assert squats[7] == ("Bodyweight squat", 14, 15, True)
    # weeks 9 and 11 were week 6's reps again, below week 7; now a harder squat that climbs
    # (since coach review 31 the pause squat, one lift up a week: the push-up in week 11)
    assert squats[9] == ("Pause squat", 12, 15, False)
    assert squats[10] == ("Pause squat", 14, 15, False)
    assert squats[11] == ("Pause squat", 12, 15, True)
    said = " ".join(plan.weeks[8].notes)
    assert HARDER in said
    assert "Pause squat for Bodyweight squat." in said
    assert "Push-up for Incline push-up." in " ".join(plan.weeks[10].notes)
    # the door row and the prone Y raise have no harder rung: they hold at their top, said
    assert f"{HELD}Prone Y raise and Towel door row." in said
    a9 = next(s for s in week_lifting(plan.weeks[8]) if s.title == "Full body A")
    row = next(e for e in a9.exercises if e.name == "Towel door row")
    assert row.reps is not None
    assert (row.reps.min, row.reps.max) == (10, 12)
    squat = next(e for e in a9.exercises if e.pattern.value == "squat")
    assert squat.alternatives == ["Bodyweight squat"]
    assert "hold the bottom position" in squat.notes


def test_the_slow_lowering_is_said_new_only_when_it_is() -> None:
    plan = builtin_plan(weeks=12, **BODYWEIGHT)
    tempo = [w.week for w in plan.weeks if any("lower each rep slowly, over" in n for n in w.notes)]
    # weeks 2 and 6 slow the first lifts; week 11 slows the harder ones (weeks 9 and 11
    # said it again as if new)
    assert tempo == [2, 6, 11]


def test_the_progression_check_faults_the_old_loop() -> None:
    plan = builtin_plan(weeks=12, **BODYWEIGHT)
    assert not audit_check("bodyweight-block-stops-progressing", BODYWEIGHT, plan).faults
    old = plan.model_copy(deep=True)
    # main's plan before the ladder: weeks 9 and 11 as week 6, week 10 as week 7
    for later, earlier in ((8, 5), (9, 6), (10, 5)):
        old.weeks[later] = plan.weeks[earlier].model_copy(
            update={"week": later + 1, "notes": []}, deep=True
        )
    faults = audit_check("bodyweight-block-stops-progressing", BODYWEIGHT, old).faults
    wheres = {f.where for f in faults}
    assert "week 9 Full body A / Bodyweight squat" in wheres
    assert "week 11 Full body A / Incline push-up" in wheres
    assert "weeks 9-11" in wheres
    assert any("8-12 at RPE 8, slowed against 10-12, slowed" in f.what for f in faults)


def test_older_adults_hold_rather_than_climb() -> None:
    """At 65 and over no lift moves up a rung: the lifts hold at their top, said once."""
    person = {**BODYWEIGHT, "age": 70}
    plan = builtin_plan(weeks=12, **person)
    assert not _names(plan) & RUNGS
    assert not any(n.startswith(HARDER) for w in plan.weeks for n in w.notes)
    held = [w.week for w in plan.weeks for n in w.notes if n.startswith(HELD)]
    assert held
    assert "Bodyweight squat" in " ".join(n for w in plan.weeks for n in w.notes if HELD in n)
    for check in ("bodyweight-block-stops-progressing", "week-does-not-progress"):
        assert not audit_check(check, person, plan).faults


def test_a_pregnant_woman_holds_at_her_top_with_the_note() -> None:
    """Pregnancy's safety rules close every rung that is single-leg or fall-risk work, lying
    on the back or face down: those lifts hold at their top and the plan says so; weeks that
    keep the week before's lifting are no fault once the hold is said. The pause squat (coach
    review 31: both feet down, a pause at the bottom) is none of these and is open to her."""
    plan = builtin_plan(weeks=12, **PREGNANT)
    assert _names(plan) & RUNGS <= {"Pause squat"}
    said = [n for w in plan.weeks for n in w.notes if n.startswith(HELD)]
    assert said
    for check in (
        "bodyweight-block-stops-progressing",
        "week-does-not-progress",
        "week-repeats-previous",
    ):
        assert not audit_check(check, PREGNANT, plan).faults


def test_a_lifter_with_dumbbells_takes_no_rung() -> None:
    """A plan with kit to load keeps loading it: the ladder is for lifts with nothing to add."""
    person = {**BODYWEIGHT, "equipment": ["bodyweight", "dumbbells", "bands"]}
    plan = builtin_plan(weeks=12, **person)
    assert not any(n.startswith((HARDER, HELD)) for w in plan.weeks for n in w.notes)


@st.composite
def bodyweight_only_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose lifts all move their body weight alone."""
    data = draw(profiles())
    data["equipment"] = ["bodyweight"]
    return data


def test_review30_bodyweight_blocks_keep_progressing(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        bodyweight_only_people(),
        {
            name: CHECKS[name]
            for name in (
                "bodyweight-block-stops-progressing",
                "week-does-not-progress",
                "week-repeats-previous",
                "chair-unsafe",
                "vetoed-tag-in-plan",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=16,
    )


def test_a_beginners_push_up_reached_by_the_ladder_is_no_start_above_level() -> None:
    """Coach review 30's BEGINNER-GETS-FULL-PUSH-UP starts a beginner on the incline push-up;
    the ladder moves them to the floor push-up once its reps and slow lowering are used up
    (week 9 here), with the incline push-up as its alternative and the move said. The
    beginner-press check reads that as progression; a push-up from week 1 still faults."""
    plan = builtin_plan(weeks=12, **BODYWEIGHT)
    pushes = {
        (w.week, e.name, tuple(e.alternatives))
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if e.name == "Push-up"
    }
    assert min(week for week, _, _ in pushes) == 11  # (one lift up a week: coach review 31)
    assert all(alts == ("Incline push-up",) for _, _, alts in pushes)
    assert not audit_check("beginner-full-bodyweight-press", BODYWEIGHT, plan).faults
    early = plan.model_copy(deep=True)
    for d in early.weeks[0].days:
        for s in d.sessions:
            for e in s.exercises:
                if e.name == "Incline push-up":
                    e.name = "Push-up"
    faults = audit_check("beginner-full-bodyweight-press", BODYWEIGHT, early).faults
    assert faults
    assert all(f.where.startswith("week 1 ") for f in faults)


def test_after_a_fall_a_standing_press_paired_with_a_squat_stays_off_the_floor() -> None:
    """Found by the suite's property at the merge: a 46-year-old beginner who had fallen,
    one 15-minute day, pairs his squat with the incline push-up; the ladder took the press
    to the floor push-up from week 5, a trip to the floor and up again each round (coach
    review 25, FLOOR-PRESS-PAIRED-AFTER-A-FALL). A rung that moves a standing lift to the
    floor is closed to people who keep floor work apart: the incline push-up holds."""
    person = {
        "age": 46,
        "sex": "male",
        "goals": ["muscle"],
        "experience": "beginner",
        "minutes_per_session": 15,
        "equipment": [],
        "conditions": ["falls-history"],
        "days_per_week": 1,
    }
    plan = builtin_plan(weeks=8, **person)
    presses = {
        (w.week, e.name, e.paired_with)
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if "push-up" in e.name.lower()
    }
    assert {name for _, name, _ in presses} == {"Incline push-up"}
    assert not audit_check("floor-paired-with-standing", person, plan).faults
