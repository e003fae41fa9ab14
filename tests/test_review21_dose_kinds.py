"""The CI run of session 16 drew a trained lifter whose split could not take another back set
where the minutes were: `trained-muscle-under-dose-with-room` asked a set of the lower day.

UNDER-DOSE-ROOM-ON-THE-OTHER-DAY (audit) An 18-year-old trained, muscle first, body weight
    only, on Monday and Tuesday (64 minutes): Monday's upper day is full (62 minutes) with
    back at 9 hard sets, Tuesday's lower day has 5 minutes free but no back lift. Another set
    goes on a lift of the group, so only a day holding one can take it; the check reads that.
"""

from __future__ import annotations

from tests.builtin import audit_check, builtin_plan

# drawn by tests/test_week_structure.py::test_week_standard_holds_for_generated_profiles
SPLIT_TWO_DAYS = {
    "age": 18,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "minutes_per_session": 64,
    "equipment": [],
    "currently_active": True,
    "days": ["monday", "tuesday"],
}


def test_a_full_upper_day_is_not_faulted_for_room_on_the_lower_day() -> None:
    plan = builtin_plan(weeks=4, **SPLIT_TWO_DAYS)
    titles = [s.title for d in plan.weeks[0].days for s in d.sessions if not s.optional]
    assert titles == ["Upper body", "Lower body"]
    verdict = audit_check("trained-muscle-under-dose-with-room", SPLIT_TWO_DAYS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_still_finds_room_on_a_day_that_holds_the_groups_lift() -> None:
    """Trim Monday's last lift away: Monday, which holds the back lifts, has room now, and the
    back's 9 sets are a fault again (and the shoulders', which lost the push-up's share)."""
    plan = builtin_plan(weeks=4, **SPLIT_TWO_DAYS)
    monday = next(d for d in plan.weeks[0].days if d.day.value == "monday")
    upper = monday.sessions[0]
    upper.exercises = [e for e in upper.exercises if e.name != "Weighted push-up"]
    upper.duration_minutes -= 12
    faults = audit_check("trained-muscle-under-dose-with-room", SPLIT_TWO_DAYS, plan).faults
    assert "week 1 back" in [f.where for f in faults]
