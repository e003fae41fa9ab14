"""The faults an 8-week block showed (branch short31). The audit planned only 4- and 12-week
blocks while people ask for 1-16 weeks; with 8-week blocks (`BLOCK_WEEKS = (8,)`, 300
profiles) main showed four faults at seed 3, two at seed 21 and one more of the same kinds at
seed 5, each in one plan. Each kind has its smallest profile as a named test, a test that its
check faults the old plan, and a property over 5-10-week plans.

EXTRA-OVER-THE-DAY (`day-over-minutes`, `steady-note-unkept`) An 87-year-old's 45-minute
    Saturday held 48 minutes in weeks 5-7: the full-body session grew 23 -> 27 minutes with
    the block's added sets beside an 8-minute optional mobility routine the scheduler had
    sized against week 1, and the walk stayed at 13 minutes, its note saying lifting took
    the time while 5 of the day's minutes were free of required work. *Cause:* optional
    extras were sized once, against week 1. *Decision:* each week holds its extras to what
    its required sessions leave (DESIGN.md v1.1: optional sessions never take a required
    session's minutes): an optional walk or ride shortens to its least work, a routine, or a
    walk still over, is left out that week and the week says so (`extras_fit_days`); the walk
    then keeps week 1's 14 minutes.

REST-KEPT-PAST-REPS-WEEK (`rest-above-load`) An 18-year-old intermediate's week-7 single-leg
    Romanian deadlift rested up to 180 s on 12-14 reps at RIR 2-3 (a load that needs at most
    120 s). Week 6, a reps week, had kept week 5's rests at the same weight (coach review
    29); week 7 kept week 6's in turn. *Decision:* a week keeps last week's rests only where
    they are what last week's own load and effort need (`_rests_refit`).

CLIMB-SAID-UNDER-LIGHT-HOLD (`load-change-misses-pct`) A 70-year-old whose doctor asked for
    supervised activity only (the block held light) read "Loads climb this week: at most about
    54 %" in weeks 5-7 of his cautious start's exit while every lift stayed at 49 % and the
    load change at +2 %. *Decision:* the exit's climb is read under the week's ceiling; where
    the ceiling holds the loads, the week names the rule instead (`week_held`).

TEMPO-GROWTH-READ-AS-FLAT (`endurance-does-not-progress`, the check) A 50-year-old
    endurance-first runner's second block grew the tempo part of his tempo run 25 -> 30 -> 35
    minutes in a 60-minute session, the rounds at six and the steady days full; the check read
    the block as flat. It now counts the vigorous steady minutes (each counts two moderate
    ones, DESIGN.md v1.1).

START-LONGER-THAN-BLOCK (`older-start-never-exits`, the check) A 78-year-old osteoporosis
    beginner's 8-week plan is all cautious start (eight weeks at 40-49 % 1RM; its exit is
    from week 9), so it has no exit whose sets the check could read; the check applies where
    a building week's loads or effort stand above week 1's.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS, STEADY_LIFTING_WORDS, STEADY_SHORTER_WORDS
from endoprotocol.plan import DayPlan, Plan, Range, Week
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property_lengths, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# seed 3's smallest profile, reduced (three goals, 45 minutes and the kit were not needed:
# the default is 45 minutes)
EXTRA: dict[str, Any] = {
    "age": 87,
    "sex": "male",
    "goals": ["strength"],
    "currently_active": True,
    "days": ["monday", "tuesday", "saturday", "sunday"],
}
# seed 3's (seed 5's was a 34-year-old of the same kind)
REST: dict[str, Any] = {
    "age": 18,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 60,
    "equipment": ["bodyweight", "bike"],
}
HELD: dict[str, Any] = {
    "age": 70,
    "sex": "male",
    "goals": ["bone-density"],
    "experience": "beginner",
    "days_per_week": 3,
    "minutes_per_session": 15,
    "equipment": ["barbell", "bench", "pull-up-bar", "trap-bar"],
    "conditions": ["type-2-diabetes", "hypertension", "stress-fracture-history"],
    "screening": {"supervised_activity_only": True},
}
# seed 21's
TEMPO: dict[str, Any] = {
    "age": 50,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 4,
    "minutes_per_session": 60,
    "equipment": ["bodyweight", "dumbbells", "bands", "treadmill"],
}
START: dict[str, Any] = {
    "age": 78,
    "sex": "female",
    "goals": ["muscle", "strength", "endurance"],
    "experience": "beginner",
    "currently_active": True,
    "conditions": ["peripheral-neuropathy", "osteoporosis"],
    "days_per_week": 1,
    "minutes_per_session": 60,
    "equipment": ["dumbbells", "bench", "machines"],
}


def _day(week: Week, name: str) -> DayPlan:
    return next(d for d in week.days if d.day.value == name)


def _with_day(plan: Plan, number: int, day: DayPlan) -> Plan:
    """`plan` with week `number`'s day of `day`'s name replaced by `day`."""
    weeks = [
        w.model_copy(update={"days": [day if d.day == day.day else d for d in w.days]})
        if w.week == number
        else w
        for w in plan.weeks
    ]
    return plan.model_copy(update={"weeks": weeks})


def _with_note(plan: Plan, number: int, note: str) -> Plan:
    weeks = [
        w.model_copy(update={"notes": [*w.notes, note]}) if w.week == number else w
        for w in plan.weeks
    ]
    return plan.model_copy(update={"weeks": weeks})


# ---- EXTRA-OVER-THE-DAY -------------------------------------------------------------------


def test_the_87_year_olds_saturday_keeps_to_its_45_minutes() -> None:
    plan = builtin_plan(weeks=8, **EXTRA)
    for week in plan.weeks:
        for day in week.days:
            assert sum(s.duration_minutes for s in day.sessions) <= 45, (week.week, day.day)
        saturday = _day(week, "saturday")
        walk = next(s for s in saturday.sessions if s.title == "Brisk walk")
        assert walk.duration_minutes == 14, week.week  # 13 in weeks 5-7 before
        mobility = [s.duration_minutes for s in saturday.sessions if s.optional]
        left_out = "The optional mobility on Saturday is left out this week"
        said = any(left_out in n for n in week.notes)
        # weeks 3 and 5-7: full body 27 + walk 14 leave 4 minutes, and the routine's least is
        # 5 (week 3 holds the start's set step since coach review 32)
        busy = week.week in (3, 5, 6, 7)
        assert mobility == ([] if busy else [8]), week.week
        assert said == busy, week.week
    for name in ("day-over-minutes", "steady-note-unkept"):
        assert not audit_check(name, EXTRA, plan).faults


def test_the_checks_fault_the_old_saturday() -> None:
    plan = builtin_plan(weeks=8, **EXTRA)
    mobility = next(s for s in _day(plan.weeks[3], "saturday").sessions if s.optional)
    saturday = _day(plan.weeks[4], "saturday")
    sessions = [
        s.model_copy(update={"duration_minutes": 13}) if s.title == "Brisk walk" else s
        for s in saturday.sessions
    ]
    old = _with_day(plan, 5, DayPlan(day=saturday.day, sessions=[*sessions, mobility]))
    old = _with_note(
        old, 5, f"Your steady sessions are 1 minute {STEADY_SHORTER_WORDS}: {STEADY_LIFTING_WORDS}."
    )
    over = audit_check("day-over-minutes", EXTRA, old).faults
    assert [(f.where, f.what) for f in over] == [("week 5 saturday", "48 minutes of 45")]
    unkept = audit_check("steady-note-unkept", EXTRA, old).faults
    assert any(f.where == "week 5 saturday" for f in unkept)


# ---- REST-KEPT-PAST-REPS-WEEK -------------------------------------------------------------

RDL = "Wall-supported single-leg Romanian deadlift"


def _rdl(week: Week) -> Any:
    friday = _day(week, "friday")
    return next(e for s in friday.sessions for e in s.exercises if e.name == RDL)


def test_a_hold_week_after_a_reps_week_rests_as_its_load_needs() -> None:
    plan = builtin_plan(weeks=8, **REST)
    week6, week7 = _rdl(plan.weeks[5]), _rdl(plan.weeks[6])
    # the reps week keeps week 5's rests at week 5's weight (coach review 29)
    assert week6.reps.min == 12
    assert week6.rest_seconds.max == 180
    # the week after reads its own load: 12-14 reps at RIR 2-3 rest at most 120 s (180 before)
    assert week7.reps.min == 12
    assert week7.rest_seconds.max == 120
    assert not audit_check("rest-above-load", REST, plan).faults


def test_the_rest_check_faults_the_old_week_seven() -> None:
    plan = builtin_plan(weeks=8, **REST)
    friday = _day(plan.weeks[6], "friday")
    sessions = [
        s.model_copy(
            update={
                "exercises": [
                    e.model_copy(update={"rest_seconds": Range.of(120, 180)})
                    if e.name == RDL
                    else e
                    for e in s.exercises
                ]
            }
        )
        for s in friday.sessions
    ]
    old = _with_day(plan, 7, DayPlan(day=friday.day, sessions=sessions))
    faults = audit_check("rest-above-load", REST, old).faults
    assert [f.where for f in faults] == [f"week 7 friday 'Full body B' / {RDL}"]


# ---- CLIMB-SAID-UNDER-LIGHT-HOLD ----------------------------------------------------------


def test_a_block_held_light_names_its_rule_where_the_start_would_climb() -> None:
    plan = builtin_plan(weeks=8, **HELD)
    for week in plan.weeks[4:7]:
        assert not any("Loads climb" in n for n in week.notes), week.week
        assert any("safety/alert-supervised-only" in n for n in week.notes), week.week
        assert week.load_change_pct == plan.weeks[3].load_change_pct
        for d in week.days:
            for s in d.sessions:
                for e in s.exercises:
                    pct = e.intensity.pct_1rm
                    assert pct is None or pct.max <= 49, (week.week, e.name)
    assert not audit_check("load-change-misses-pct", HELD, plan).faults


def test_the_load_check_faults_the_old_climb_note() -> None:
    plan = builtin_plan(weeks=8, **HELD)
    old = _with_note(plan, 5, "Loads climb this week: at most about 54 % of your maximum.")
    faults = audit_check("load-change-misses-pct", HELD, old).faults
    assert [f.where for f in faults] == ["week 5"]


# ---- the two checks' readings --------------------------------------------------------------


def _tempo_minutes(week: Week) -> float:
    return sum(
        e.work_seconds.max / 60
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
        if e.work_seconds is not None and e.intensity.rpe is not None and e.intensity.rpe.min >= 7
    )


def test_a_growing_tempo_part_is_a_rising_aerobic_dose() -> None:
    plan = builtin_plan(weeks=8, **TEMPO)
    assert [_tempo_minutes(w) for w in plan.weeks[4:7]] == [25, 30, 35]
    assert not audit_check("endurance-does-not-progress", TEMPO, plan).faults
    # the same block with week 5's tempo run every week is flat
    friday = _day(plan.weeks[4], "friday")
    flat = _with_day(_with_day(plan, 6, friday), 7, friday)
    faults = audit_check("endurance-does-not-progress", TEMPO, flat).faults
    assert [f.where for f in faults] == ["weeks 5-7"]


def test_an_eight_week_plan_that_is_all_cautious_start_has_no_exit_to_read() -> None:
    eight = builtin_plan(weeks=8, **START)
    assert not audit_check("older-start-never-exits", START, eight).applies
    twelve = builtin_plan(weeks=12, **START)
    verdict = audit_check("older-start-never-exits", START, twelve)
    assert verdict.applies
    assert not verdict.faults


# ---- properties over 5-10-week plans -------------------------------------------------------


def test_days_keep_their_minutes_and_notes_their_word_at_5_to_10_weeks(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property_lengths(
        profiles(),
        {
            name: PROGRESSION_CHECKS[name]
            for name in (
                "day-over-minutes",
                "steady-note-unkept",
                "rest-above-load",
                "load-change-misses-pct",
            )
        },
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def _aerobic_or_older_starts(draw: st.DrawFn) -> dict[str, Any]:
    """Active endurance-first people (a tempo run, interval rounds), or older beginners (a
    cautious start that may outlast the block)."""
    if draw(st.booleans()):
        data = draw(profiles(max_age=64))
        data["currently_active"] = True
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
        data["goals"] = ["endurance"]
        kit = draw(st.sampled_from(["treadmill", "bike", "rower"]))
        data["equipment"] = list(dict.fromkeys([*data["equipment"], kit]))
        data.pop("days", None)
        data["days_per_week"] = draw(st.integers(3, 5))
        data["minutes_per_session"] = draw(st.sampled_from([45, 60, 75]))
        return data
    data = draw(profiles(min_age=65, max_age=85))
    data["experience"] = "beginner"
    data["conditions"] = draw(st.sampled_from([[], ["osteoporosis"]]))
    data.pop("screening", None)
    return data


def test_aerobic_and_start_checks_hold_at_5_to_10_weeks(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property_lengths(
        _aerobic_or_older_starts(),
        {
            name: PROGRESSION_CHECKS[name]
            for name in ("endurance-does-not-progress", "older-start-never-exits")
        },
        record_property,
        examples=EXAMPLES,
    )


# ---- the audit draws 8-week blocks ---------------------------------------------------------


def test_the_audit_draws_8_week_blocks_and_keeps_the_others_lengths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quarter of the cohort's plans are 8 weeks long and a quarter 16; the others keep
    the 4 or 12 weeks they were drawn at before 8 and 16 were added, so a seed's numbers
    stay comparable."""
    import random

    from endoprotocol import auditrun

    def lengths(seed: int) -> list[int]:
        drawn = random.Random(f"block-weeks-{seed}")
        added = random.Random(f"added-block-weeks-{seed}")
        later = [w for w in auditrun.BLOCK_WEEKS if w not in auditrun.FIRST_WEEKS]
        return [auditrun._block_weeks(drawn, added, later) for _ in range(300)]

    now = lengths(3)
    monkeypatch.setattr(auditrun, "BLOCK_WEEKS", (4, 12))
    before = lengths(3)
    assert set(now) == {4, 8, 12, 16}
    # each added length takes its share: a quarter of 300 with four lengths
    assert 45 <= now.count(8) <= 105
    assert 45 <= now.count(16) <= 105
    assert all(n == b for n, b in zip(now, before, strict=True) if n not in (8, 16))


# seed 3's 8-week draw with `BLOCK_WEEKS = (4, 8, 12)` (main's fault at 8, 9 and 12 weeks)
OTHER_SPLIT: dict[str, Any] = {
    "age": 34,
    "sex": "male",
    "goals": ["general-health", "strength", "bone-density"],
    "experience": "intermediate",
    "currently_active": False,
    "days_per_week": 4,
    "minutes_per_session": 60,
    "equipment": ["bodyweight", "pool"],
}


def test_a_returning_lifter_is_compared_with_his_twin_day_for_day() -> None:
    """Active, he lifts the pike push-up at 4-6 reps on an upper-body day; back from a break,
    his build-up gives him two full-body days whose slots are 8-12 reps. The re-entry ends in
    week 3 (RIR 4 -> 2, its note says so): the twin's upper day says nothing of his dose."""
    plan = builtin_plan(weeks=8, **OTHER_SPLIT)
    titles = {s.title for w in plan.weeks for d in w.days for s in d.sessions if s.exercises}
    assert "Upper body" not in titles
    assert {"Full body A", "Full body B"} <= titles
    assert not audit_check("reentry-never-reaches-first-goal-dose", OTHER_SPLIT, plan).applies
