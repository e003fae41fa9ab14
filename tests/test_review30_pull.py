"""Coach review 30's FRAIL-PREGNANT-NO-PULL (branch pull30, session 23): its smallest
profiles as named tests, the check shown faulting the old plan, and a property over
body-weight-only frail and pregnant people.

FRAIL-PREGNANT-NO-PULL (the slot's muscle is honoured; full body keeps a pull, COACHING.md
    §1-2) An 85-year-old woman (not active) and a pregnant woman at 20 weeks, each with body
    weight alone, had no pull at all: "Full body A" was squat, push and hinge, the pregnant
    woman's "Short strength" squat and push, and the plan said it could not plan the pull.
    The coach would not sign p02 (pregnant, week 26, body weight and a bike) nor p14 (90, body
    weight) for it. *Cause:* the library's one body-weight pull, the towel door row, leans back
    from a door and is tagged `fall-risk`, which the frail-older-adult, oldest-no-fall-risk,
    pregnancy and osteoporosis rules forbid, and nothing stood in. *Decision (lead, session
    23; the safety review):* a standing pull with no lean away from support, the standing
    wall elbow press (back to a wall, the elbows press back into it; the wall carries the
    body). It is the pull of last resort: chosen only where no row or pull-down is open
    (`instead_of`), so people who can row keep their row; a row slot whose rows are all
    closed takes a chin-up before it where the person can do one (`fallbacks`); it is a
    lighter single-joint move, and a session's smallest hard form keeps it as the day's only
    pull. Check `promised-pull-absent`.
    Before (main's planner and library with the new check, `rules audit --profiles 500`):
    16 of 444 plans at seed 3 and 19 of 445 at seed 21 faulty; 0 after.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import Library, build_plan, parse_profile
from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan, Session
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    builtin_rules,
    week_lifting,
)
from tests.strategies import audit_property, profiles
from tests.test_review29_heading_kinds import BODYWEIGHT, FRAIL
from tests.test_review29_heading_kinds import PREGNANT as REVIEW29_PREGNANT

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# the review's smallest profiles (review 29's, the pregnant one at a known week); a man who
# may lean back from a door (BODYWEIGHT) keeps his towel door row
PREGNANT = {**REVIEW29_PREGNANT, "pregnancy_week": 20}
# the knock-ons the audit found with the wall press alone (seed 21 and seed 3)
PREGNANT_WITH_BAR = {
    "age": 43,
    "sex": "female",
    "goals": ["insulin-sensitivity", "stress-resilience"],
    "experience": "advanced",
    "conditions": ["low-energy-availability", "type-2-diabetes", "pregnancy"],
    "equipment": ["pull-up-bar"],
    "minutes_per_session": 15,
}
SPINE_CARE = {
    "age": 82,
    "sex": "male",
    "goals": ["fat-loss"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["low-back-pain", "osteoporosis"],
    "days": ["monday", "friday", "saturday"],
    "equipment": ["bodyweight", "bench", "bike"],
    "minutes_per_session": 60,
}

WALL = "Standing wall elbow press"
PULLS = {"horizontal-pull", "vertical-pull"}


def _lifting(plan: Plan, week: int = 0) -> list[Session]:
    return week_lifting(plan.weeks[week])


def _pulls(s: Session) -> list[str]:
    return [e.name for e in s.exercises if e.pattern.value in PULLS]


def _without_wall_press() -> Library:
    library = builtin_library()
    return replace(
        library, exercises=tuple(x for x in library.exercises if x.id != "wall-elbow-press")
    )


def _old_plan(data: dict[str, Any]) -> Plan:
    """The one-week plan the library before this review made: no pull they may do."""
    return build_plan(parse_profile(data), builtin_rules(), _without_wall_press(), weeks=1)


# ---- the smallest profiles ------------------------------------------------------------------


def test_a_frail_85_year_old_presses_back_into_a_wall_on_both_days() -> None:
    """Before: Full body A "squat, push, hinge" and B "hinge, lunge, push", no pull, and
    "Could not plan the horizontal-pull slot". After: one set of the wall elbow press on both
    days, in place of the towel door row her rule rules out, and no could-not-plan."""
    plan = builtin_plan(weeks=1, **FRAIL)
    by_title = {s.title: s for s in _lifting(plan)}
    a, b = by_title["Full body A"], by_title["Full body B"]
    for s in (a, b):
        assert _pulls(s) == [WALL]
        assert "pull" in s.focus
    press = next(e for e in a.exercises if e.name == WALL)
    assert press.sets == 1
    assert "In place of Towel door row (safety/frail-older-adult)" in press.notes
    assert "back to a wall" in press.notes
    assert not [w for w in plan.warnings if w.code == "could-not-plan"]
    old = {s.title: s for s in _lifting(_old_plan(FRAIL))}
    assert not _pulls(old["Full body A"])
    assert not _pulls(old["Full body B"])


def test_a_pregnant_woman_rows_at_the_wall_in_every_short_strength_session() -> None:
    """Before: "Short strength" was squat and push (6 minutes). After: squat, push and the
    wall elbow press at 2 x 10-12, RPE 5-6 (pregnancy's moderate effort), 10 minutes."""
    plan = builtin_plan(weeks=1, **PREGNANT)
    sessions = _lifting(plan)
    assert len(sessions) == 2
    for s in sessions:
        assert s.title == "Short strength"
        assert s.focus == "squat, push, row"
        assert _pulls(s) == [WALL]
        press = next(e for e in s.exercises if e.name == WALL)
        assert press.sets == 2
        assert press.reps is not None
        assert (press.reps.min, press.reps.max) == (10, 12)
        assert press.intensity.rpe is not None
        assert press.intensity.rpe.max <= 6
        assert s.duration_minutes == 10
    for s in _lifting(_old_plan(PREGNANT)):
        assert not _pulls(s)
        # (6 and 6 before session 33: the old form's moves start at their own fewest reps too)
        assert s.duration_minutes in (6, 7)


def test_a_man_who_may_lean_back_keeps_his_towel_door_row() -> None:
    plan = builtin_plan(weeks=4, **BODYWEIGHT)
    names = {e.name for w in plan.weeks for s in week_lifting(w) for e in s.exercises}
    assert "Towel door row" in names
    assert WALL not in names


def test_a_pregnant_woman_with_a_bar_takes_a_chin_up_before_the_wall() -> None:
    """A real compound pull she can do comes first: her row slot takes a chin-up (a row slot
    falls back to the vertical pull), never the wall press while a chin-up is open."""
    plan = builtin_plan(weeks=4, **PREGNANT_WITH_BAR)
    for week in plan.weeks:
        for s in week_lifting(week):
            pulls = _pulls(s)
            assert pulls
            assert WALL not in pulls
            assert set(pulls) <= {"Chin-up", "Pull-up"}
            assert "pull" in s.focus
    assert not audit_check("pull-not-a-pull", PREGNANT_WITH_BAR, plan).faults


def test_a_spine_care_day_keeps_its_pull_in_its_smallest_form() -> None:
    """An 82-year-old with osteoporosis, body weight, a bench and a bike: the smallest hard
    form beside a walk left the wall press out (its back already had the posture hold).
    The day's only pull stays, with the posture hold."""
    plan = builtin_plan(weeks=4, **SPINE_CARE)
    for week in plan.weeks:
        for s in week_lifting(week):
            assert _pulls(s) == [WALL]
            assert s.exercises[0].name == "Standing wall posture hold"
    for name in ("bone-session-lacks-posture-or-pull", "split-pattern-missing", "pair-unsound"):
        assert not audit_check(name, SPINE_CARE, plan).faults


def test_the_wall_press_is_the_pull_of_last_resort() -> None:
    """It stands in for every row and pull-down in the library (a row added later must join
    its `instead_of`), is a lighter single-joint move, and carries no tag a frail or
    pregnant person's rules forbid."""
    library = builtin_library()
    wall = next(x for x in library.exercises if x.id == "wall-elbow-press")
    real = {
        x.id
        for x in library.exercises
        if x.pattern.value in PULLS and x.compound and x.kind == "strength"
    }
    assert set(wall.instead_of) == real
    assert not wall.compound
    assert [q.value for q in wall.equipment] == ["bodyweight"]
    assert not wall.tags


# ---- the check --------------------------------------------------------------------------------


def test_the_check_faults_the_old_plans() -> None:
    old = _old_plan(FRAIL)
    faults = audit_check("promised-pull-absent", FRAIL, old).faults
    assert [(f.where, f.what) for f in faults] == [
        ("week 1 monday 'Full body A'", "no pull"),
        ("week 1 friday 'Full body B'", "no pull"),
    ]
    old = _old_plan(PREGNANT)
    faults = audit_check("promised-pull-absent", PREGNANT, old).faults
    assert [f.where for f in faults] == [
        "week 1 monday 'Short strength'",
        "week 1 friday 'Short strength'",
    ]
    for data in (FRAIL, PREGNANT):
        verdict = audit_check("promised-pull-absent", data, builtin_plan(weeks=1, **data))
        assert verdict.applies
        assert not verdict.faults


# ---- the property ----------------------------------------------------------------------------


@st.composite
def bodyweight_frail_or_pregnant(draw: st.DrawFn) -> dict[str, Any]:
    """People with body weight alone (sometimes a cardio machine) whom the towel door row's
    lean is closed to: 80 and over and not active, or pregnant."""
    data = draw(profiles())
    data["equipment"] = [
        "bodyweight",
        *draw(st.lists(st.sampled_from(["bike", "treadmill", "pool"]), max_size=1)),
    ]
    if draw(st.booleans()):
        data["age"] = draw(st.integers(80, 100))
        data["currently_active"] = False
        data["conditions"] = [c for c in data["conditions"] if c != "pregnancy"]
        data.pop("pregnancy_week", None)
    else:
        data["sex"] = "female"
        data["age"] = draw(st.integers(18, 45))
        kept = [c for c in data["conditions"] if c != "menstrual-irregularity"]
        data["conditions"] = [*kept, "pregnancy"] if "pregnancy" not in kept else kept
        data["therapies"] = []
    return data


def _every_full_body_session_pulls(profile: Any, plan: Plan) -> None:
    for week in plan.weeks:
        for s in week_lifting(week):
            if s.title.startswith(("Full body", "Short strength")):
                assert _pulls(s), f"week {week.week} {s.title}: no pull"


def test_review30_frail_and_pregnant_people_pull(record_property: pytest.RecordProperty) -> None:
    audit_property(
        bodyweight_frail_or_pregnant(),
        {
            name: CHECKS[name]
            for name in ("promised-pull-absent", "split-pattern-missing", "pair-unsound")
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
        extra=_every_full_body_session_pulls,
    )
