"""Coach review 40's STEADY-CAP-LEAVES-WHO-SHORT: a week short of WHO's aerobic minutes
leaves no offered day that holds a required steady session with a steady block's minutes
unused; the check faulting the old plans, and a property over few-day weeks.

STEADY-CAP-LEAVES-WHO-SHORT (COACHING.md §2, who gets the time first and Targets; §1, notes
    tell the truth) A 30-year-old man, general health first, two days of 150 minutes (the
    review's p19 was 26, active, mood first, Tue/Fri): every walk stopped at 60 minutes
    (`core/endurance-session-length`), 120 of WHO's 150 minutes in every week with a third
    of each day empty, and the active person's note said the days had no minutes left.
    *Cause:* the steady sessions' 20-60 minutes (`core/endurance-session-length`, ACSM's
    length for 3-5 days a week) held whatever the week still lacked of WHO's 150, and the
    aerobic fill gave its first block the longest length, so a person not yet active built
    the shorter one up slower. The same cap on three days of 75 minutes: both lifting days
    full, the free day's walk at 60 with 15 minutes left (audit seed 21, 139 of 150).
    *Decision:* a week still short once every block, free day and shortened lifting day was
    tried lengthens its required moderate steady sessions past 60, up to the rule's
    `stretch_minutes` top (90), by no more than the shortfall and within the day (a person
    building up: `Scheduler._stretch_steady`, the build-up's full lengths; a person already
    active: `walks_take_free_minutes` on the week as built); one offered day keeps its 150-minute single session
    (`core/endurance-session-length-one-day`: 90 of 150 would still be short); the blocks
    the fill adds are levelled (`Scheduler._level_blocks`): 75 + 75. Check
    `steady-capped-with-room`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from endoprotocol.plan import aerobic_equivalent
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "steady-capped-with-room"

# /tmp/s30/coach40/min/STEADY-CAP-LEAVES-WHO-SHORT.yaml
TWO_DAYS = {
    "age": 30,
    "sex": "male",
    "goals": ["general-health"],
    "days_per_week": 2,
    "minutes_per_session": 150,
}
TWO_DAYS_ACTIVE = {**TWO_DAYS, "currently_active": True}
# audit seed 21: three offered days of 75 minutes, the free day's walk stopped at 60
PULL_UP_BAR = {
    "age": 53,
    "sex": "male",
    "goals": ["stress-resilience", "strength"],
    "experience": "advanced",
    "currently_active": True,
    "minutes_per_session": 75,
    "equipment": ["bodyweight", "bands", "door-anchor", "pull-up-bar", "dip-bars"],
}
# ... without its pull-up bar: no heavy lift, so no ramp-up in the days' minutes (since
# session 31 the bar's band-assisted pull-up at 3-6 reps is worked up to, and the three
# days are full three minutes short of 150: `PULL_UP_BAR`)
THREE_DAYS = {**PULL_UP_BAR, "equipment": ["bodyweight", "bands", "door-anchor", "dip-bars"]}


def _required_aerobic(week: Any) -> float:
    return sum(aerobic_equivalent(s) for d in week.days for s in d.sessions if not s.optional)


def _walks(week: Any) -> list[int]:
    return [
        s.duration_minutes
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    ]


def test_the_smallest_profile_keeps_building_past_120() -> None:
    plan = builtin_plan(weeks=10, **TWO_DAYS)
    weekly = [_required_aerobic(w) for w in plan.weeks]
    assert max(weekly) >= 150
    # the two walks grow alike (no 90 beside a 60 that holds the build-up back)
    last = _walks(plan.weeks[-1])
    assert len(last) == 2
    assert max(last) - min(last) <= 1
    assert not audit_check(CHECK, TWO_DAYS, plan).faults


def test_an_active_two_day_week_meets_who_in_week_one() -> None:
    plan = builtin_plan(weeks=8, **TWO_DAYS_ACTIVE)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert aerobic.met
    assert not any("grows no further" in n for w in plan.weeks for n in w.notes)
    # past the 60-minute cap by no more than the shortfall, never past 90
    assert max(_walks(plan.weeks[0])) <= 90
    assert _required_aerobic(plan.weeks[0]) < 150 + 10
    assert not audit_check(CHECK, TWO_DAYS_ACTIVE, plan).faults


def test_three_days_free_walk_grows_past_60_to_meet_who() -> None:
    """(Since session 31 the review's kit is without its pull-up bar: `PULL_UP_BAR`.)"""
    plan = builtin_plan(weeks=8, **THREE_DAYS)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert aerobic.met
    assert aerobic.reached_in_week == 1
    walks = _walks(plan.weeks[0])
    # the free day's walk past the 60-minute cap, no further than the day's 75
    assert 60 < max(walks) <= 75
    # by no more than the shortfall: the week's required aerobic minutes stop at the target
    assert 150 <= _required_aerobic(plan.weeks[0]) < 150 + 10
    assert not audit_check(CHECK, THREE_DAYS, plan).faults


def test_three_days_with_a_heavy_pull_up_stay_an_honest_shortfall() -> None:
    """The review's own kit, with its pull-up bar: Friday's band-assisted pull-up at 3-6
    reps and RPE 8 is a heavy lift, worked up to in ramp-up sets its minutes hold (session
    31, HEAVY-LIFTS-NO-RAMP-UP-TIME), so the three days are full a few minutes short of 150:
    the free day's walk takes its whole 75 minutes, every offered day is full, and the plan
    says the steady work grows no further."""
    plan = builtin_plan(weeks=8, **PULL_UP_BAR)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert not aerobic.met
    assert 140 <= _required_aerobic(plan.weeks[0]) < 150
    assert max(_walks(plan.weeks[0])) == 75
    for d in plan.weeks[0].days:
        required = [s for s in d.sessions if not s.optional]
        if required:
            assert sum(s.duration_minutes for s in required) == 75, d.day
    assert any("grows no further" in n for n in plan.weeks[0].notes)
    friday = next(d for d in plan.weeks[0].days if d.day.value == "friday").sessions[0]
    assert any("ramp-up sets" in n for n in friday.notes)
    assert not audit_check(CHECK, PULL_UP_BAR, plan).faults


def test_full_days_stay_an_honest_shortfall() -> None:
    full = {**TWO_DAYS_ACTIVE, "minutes_per_session": 60}
    plan = builtin_plan(weeks=8, **full)
    assert _required_aerobic(plan.weeks[0]) < 150
    assert not audit_check(CHECK, full, plan).faults


def _capped(session: Any, most: int) -> Any:
    """The session as the old 60-minute cap left it."""
    if session.modality.value != "endurance" or session.optional:
        return session
    cut = 0
    exercises = []
    for e in session.exercises:
        if e.work_seconds is not None and e.work_seconds.max > most * 60:
            cut += (e.work_seconds.max - most * 60) // 60
            e = e.model_copy(
                update={
                    "work_seconds": e.work_seconds.model_copy(
                        update={"min": most * 60, "max": most * 60}
                    )
                }
            )
        exercises.append(e)
    return session.model_copy(
        update={"exercises": exercises, "duration_minutes": session.duration_minutes - cut}
    )


def test_the_check_faults_the_old_walks() -> None:
    plan = builtin_plan(weeks=1, **TWO_DAYS_ACTIVE)
    week = plan.weeks[0]
    days = [
        d.model_copy(update={"sessions": [_capped(s, 60) for s in d.sessions]}) for d in week.days
    ]
    old = plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})
    assert _required_aerobic(old.weeks[0]) <= 120
    faults = CHECKS[CHECK](parse_profile(TWO_DAYS_ACTIVE), old, builtin_library()).faults
    assert faults
    assert "unused beside its steady session" in faults[0].what


@st.composite
def few_days(draw: st.DrawFn) -> dict[str, Any]:
    """One to four offered days with time to spare, every first goal."""
    return {
        "age": draw(st.integers(18, 79)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(
                st.sampled_from(
                    [
                        "general-health",
                        "mood-cognition",
                        "stress-resilience",
                        "insulin-sensitivity",
                        "endurance",
                        "fat-loss",
                        "muscle",
                        "bone-density",
                    ]
                )
            )
        ],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(1, 4)),
        "minutes_per_session": draw(st.sampled_from([75, 90, 120, 150, 180])),
    }


def test_steady_work_takes_the_room_it_has(record_property: Any) -> None:
    audit_property(few_days(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=8)
