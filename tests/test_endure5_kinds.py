"""Coach reviews 3 and 4, kinds K13 and K4, kept by their smallest profiles.

K13  An endurance-first week whose aerobic dose never grows: 30F, endurance, intermediate,
     active, Mon/Wed/Sat x 60, bike: 26/26/50 minutes of steady work in all 12 weeks; review
     4's plan 11 (23F, type 1 diabetes, five days of 60) held 150 aerobic minutes W1-W12
     while its two lifting days used 42-45 of their 60 minutes.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import PROGRESSION_CHECKS, WEEK_CHECKS, endurance_does_not_progress
from endoprotocol.plan import Plan, Week
from tests.builtin import builtin_library, builtin_rules, week_steady_minutes
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "200"))

ENDURANCE_FLAT = {
    "age": 30,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "intermediate",
    "days": ["monday", "wednesday", "saturday"],
    "minutes_per_session": 60,
    "equipment": ["bike"],
    "currently_active": True,
}
T1D_ENDURANCE = {
    "age": 23,
    "sex": "female",
    "goals": ["endurance", "mood-cognition"],
    "experience": "intermediate",
    "days": ["monday", "wednesday", "thursday", "saturday", "sunday"],
    "minutes_per_session": 60,
    "equipment": ["bike", "treadmill", "bodyweight", "pool"],
    "currently_active": True,
    "conditions": ["type-1-diabetes"],
}


def _plan(data: dict[str, Any], weeks: int = 12) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def _steady(week: Week) -> float:
    return sum(
        e.work_seconds.max / 60
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
        if e.work_seconds is not None
    )


def _aerobic(plan: Plan) -> int:
    return next(g.value for g in plan.guidelines if g.id == "who-2020-aerobic")


def test_k13_steady_work_grows_into_the_lifting_days_free_minutes() -> None:
    """Plan 11 of review 4: 150 minutes flat; now a steady block joins a lifting day in
    week 2 and the week's steady work rises in each block's building weeks."""
    plan = _plan(T1D_ENDURANCE)
    assert _aerobic(plan) >= 150  # WHO's minimum is still met in week 1
    steady = [_steady(w) for w in plan.weeks]
    # at least WHO's 150 (an active endurance-first person's free minutes take more steady
    # work since coach review 17, ENDURANCE-FIRST-IDLE-DAYS)
    assert steady[0] >= 150
    for block in ((0, 1, 2), (4, 5, 6), (8, 9, 10)):
        minutes = [steady[i] for i in block]
        assert minutes == sorted(minutes), (block, steady)
        # (a block that starts with the days full says so and progresses by effort: the
        # 10 % step fills these 60-minute days by week 3, coach review 28)
        full = any("keep their minutes this week" in n for i in block for n in plan.weeks[i].notes)
        assert minutes[0] < minutes[-1] or full, (block, steady)
        for a, b in itertools.pairwise(block):
            # about 5-10 minutes a session a week: for an active adult whose first goal is
            # endurance about 10 % of week 1's steady minutes a week, in 5-minute steps
            # (coach review 28, ENDURANCE-TIME-LEFT-IDLE: 180 -> 200 here, 10 a day)
            step = max(10, 0.10 * week_steady_minutes(plan.weeks[0]))
            assert steady[b] - steady[a] <= step, steady
    assert steady[3] <= steady[2]
    assert steady[7] <= steady[6]
    assert max(steady) > 150
    # the week says its steady work grew (since aero17 the long session grows first)
    assert any(
        "minutes longer in all this week" in n or "session is about 5 minutes longer" in n
        for n in plan.weeks[1].notes
    )
    for w in plan.weeks:  # never past the day's minutes
        for d in w.days:
            assert sum(s.duration_minutes for s in d.sessions if not s.optional) <= 60
    verdict = endurance_does_not_progress(parse_profile(T1D_ENDURANCE), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_k13_full_days_keep_their_minutes_and_say_how_to_progress() -> None:
    """m12: each offered day is full in week 1 (30 minutes of lifting at its smallest full
    form and a 30-minute ride; a 60-minute tempo ride), so the minutes stay and each block's
    second week says the progression is by effort. Since coach review 27 the tempo ride's
    tempo part starts at 20 of its 50 minutes of work and grows 5 a building week (the rest
    is moderate riding), so WHO's 150 is read in week 11 (130 in week 1), not from a 50-minute
    tempo effort in week 1."""
    plan = _plan(ENDURANCE_FLAT)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert (aerobic.value, aerobic.reached_in_week) == (130, 11)
    assert {_steady(w) for w in plan.weeks} == {_steady(plan.weeks[0])}
    for number in (2, 6, 10):
        notes = " ".join(plan.weeks[number - 1].notes)
        assert "keep their minutes this week" in notes, (number, notes)
        assert "by effort" in notes, (number, notes)
    verdict = endurance_does_not_progress(parse_profile(ENDURANCE_FLAT), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


@st.composite
def active_endurance_first(draw: st.DrawFn) -> dict[str, Any]:
    """Active people whose first goal is endurance, on any days and minutes."""
    data = draw(profiles(max_age=79))
    data["goals"] = list(dict.fromkeys(["endurance", *data["goals"]]))[:4]
    data["currently_active"] = True
    return data


def test_k13_an_active_endurance_first_persons_aerobic_dose_rises(
    record_property: pytest.RecordProperty,
) -> None:
    checks = {
        "endurance-does-not-progress": PROGRESSION_CHECKS["endurance-does-not-progress"],
        "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        "week-does-not-progress": PROGRESSION_CHECKS["week-does-not-progress"],
        "first-goal-crowded-out": WEEK_CHECKS["first-goal-crowded-out"],
    }

    def week_one_keeps_its_minutes(_profile: Any, plan: Plan) -> None:
        # growth never takes a week below week 1's steady work (a deload goes back to it)
        steady = [_steady(w) for w in plan.weeks]
        assert min(steady) >= steady[0] - 1e-9, steady

    audit_property(
        active_endurance_first(),
        checks,
        record_property,
        examples=max(EXAMPLES // 4, 10),
        weeks=12,
        extra=week_one_keeps_its_minutes,
    )


# on 30-minute days a walk and the short strength session now share each day (branch aero7,
# K4), and from coach review 20 on 20- and 25-minute days too, the walk at five brisk
# minutes (PREGNANCY-STRENGTH-CROWDS-OUT-AEROBIC), and since coach review 41 on 22-minute
# days as well (ONE-MORE-MINUTE-LESS-TRAINING: their warm-up and cool-down grow with the
# session, 7 minutes, not the full 10, so a 5-minute walk fits beside the 10-minute
# strength session); on 18-minute days (15 with the brief warm-up and cool-down) they do
# not fit together, so lifting comes first and the walks that do not fit are reported
PREGNANT_THREE_SHORT_DAYS = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "conditions": ["pregnancy"],
    "pregnancy_week": 30,
    "days": ["tuesday", "thursday", "saturday"],
    "minutes_per_session": 18,
    "equipment": ["bodyweight"],
    "currently_active": False,
}


def test_k4_a_walk_that_does_not_fit_says_the_day_already_holds_a_session() -> None:
    plan = _plan(PREGNANT_THREE_SHORT_DAYS)
    said = [w.message for w in plan.warnings if w.code == "could-not-plan"]
    endurance = [m for m in said if "endurance sessions" in m]
    assert endurance, said
    assert "recovery-spacing" not in endurance[0]
    assert "Tuesday and Saturday already hold another session" in endurance[0]
    assert "one more day" in endurance[0]
