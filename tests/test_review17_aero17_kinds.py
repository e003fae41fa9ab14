"""Coach review 17's kinds on branch aero17, each with its smallest profile as a named test
and a property over the people the kind is about.

SHORTFALL-ADVICE-SKIPS-RAMP (safety: progression) An 84-year-old frail man, not active,
    was told in the WHO aerobic guideline's suggestion to "Add about 96 minutes a week: 3
    more days a week with a brisk walk of about 35 minutes", all at once, though COACHING.md
    §2 has people not active build up from about 15-30 minutes (ACSM 2011: 5-10 minutes more
    every week or two). *Cause:* `build._gap_plan` sized the way to the whole gap and read
    nothing of the person's activity. *Decision:* for a person not yet active, or pregnant,
    the way is a build-up to the same destination: one bout no longer than the steady
    build-up's first length (20 minutes), then about 5-10 minutes more a week
    (`messages.gap_build_up`). Check `shortfall-advice-skips-ramp`.
TRIM-WITH-IDLE-MINUTES (time is not honest) A 30-year-old fat-loss woman on 3 x 60 had
    both lifting days "Trimmed to its smallest hard form (shorter rests, fewer sets, without
    ...) so that steady work follows it" in week 1 with 46-47 of 60 minutes used. *Cause:*
    the form is sized for week 6's full-length walk, and the not-yet-active build-up keeps
    the walk short in weeks 1-5 without giving the lifting anything back. *Decision:* each
    building week's lifting takes back from its session as it was before any trim what its
    day leaves - sets, then the lifts left out, then pairs apart, then rests
    (`progress.forms_refit`); the note says what it still gives up, and goes when nothing
    is. Check `trim-with-idle-minutes`. Coach review 26 (POOR-SLEEP-LIFTING-SHRINKS) narrowed
    it: a lift gets back only what every later building week keeps, and minutes a later
    week's walk fills are the walk's, not idle by the trim.
SHORT-DAY-KEEPS-EXTRAS (dose) A 38-year-old general-health man on Saturday and Sunday x 25
    minutes, body weight, had an upper day of incline push-ups, towel rows and a prone Y
    raise with a 5-minute walk after it (and a lower day with a step-up beside its squat,
    a 7-minute walk). *Cause:* the smallest hard form freed the guideline's five-minute
    walk, so the main-lifts form (coach review 16) was never tried, though on a split day
    the form is no strength day anyway. *Decision:* where the smallest hard form leaves a
    walk shorter than the least steady block (10 minutes) and is no strength day, the day
    is its main lifts when they free more (`SessionBuilder.build`); a week's refit never
    puts a main-lifts day's extras back. Check `short-day-keeps-extras`.
FIRST-GOAL-AEROBIC-ABSENT (goal) A 65-year-old mood-first woman on 2 x 20 had light lifting
    (15 minutes) and falls prevention's balance practice (5) on both days and 0 required
    aerobic minutes in every week, nothing named. *Cause:* the main lifts at two sets could
    not free the five-minute walk beside the balance practice, so the day kept its trimmed
    lifting; and an older start's exit sets took a walk after lifting for good. *Decision:*
    safety's balance stays, the main lifts go down to one set where two cannot free the
    walk (`SessionBuilder.build`), and for a first goal built on aerobic work (or after a
    main-lifts day) an exit's sets rise only as far as the walk's spare minutes allow, the
    walk stays (`progress.build_weeks`). Check `first-goal-aerobic-absent`.
ENDURANCE-FIRST-IDLE-DAYS (structure) A 30-year-old active endurance-first man on 4 x 90 had
    lifting-only days of 40 and 33 minutes once WHO's 150 aerobic minutes were met. *Cause:*
    the aerobic fill stops at WHO's bar. *Decision:* for an active endurance-first person
    the fill goes on to WHO's upper 300 in the days' free minutes (a steady block after
    the lifting; `first_goal_aerobic_bar` on the aerobic-first target), within every cap.
    Check `endurance-first-idle-days`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build as build_module
from endoprotocol.audit import (
    PROGRESSION_CHECKS,
    SAFETY_CHECKS,
    WEEK_CHECKS,
    shortfall_advice_skips_ramp,
)
from endoprotocol.planner.schedule import Scheduler
from endoprotocol.planner.sessions import SessionBuilder
from tests.builtin import audit_check, builtin_plan, guideline, plan_of, required_sessions
from tests.strategies import audit_property, profiles
from tests.test_aero7_kinds import aerobic_first_people

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach17/min/*.yaml: the smallest profiles of the kinds
RAMP = {"age": 84, "sex": "male", "goals": ["strength"]}
IDLE = {"age": 30, "sex": "female", "goals": ["fat-loss"], "minutes_per_session": 60}
ABSENT = {
    "age": 65,
    "sex": "female",
    "goals": ["mood-cognition"],
    "minutes_per_session": 20,
    "days_per_week": 2,
}
ENDURANCE = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "minutes_per_session": 90,
    "currently_active": True,
    "days_per_week": 4,
}
EXTRAS = {
    "age": 38,
    "sex": "male",
    "goals": ["general-health"],
    "days": ["saturday", "sunday"],
    "minutes_per_session": 25,
    "equipment": ["bodyweight"],
}


# ---- SHORTFALL-ADVICE-SKIPS-RAMP -----------------------------------------------------------


def test_a_frail_man_is_told_to_build_up_not_to_add_96_minutes_at_once() -> None:
    plan = builtin_plan(weeks=4, **RAMP)
    aerobic = guideline(plan, "who-2020-aerobic")
    assert not aerobic.met
    text = aerobic.suggestion
    assert text is not None
    assert "step by step" in text
    # one 20-minute walk first (the steady build-up's first length), then 5-10 minutes a week
    assert "start with one brisk walk of about 20 minutes a week" in text
    assert "add about 5 to 10 minutes a week" in text
    verdict = audit_check("shortfall-advice-skips-ramp", RAMP, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_ramp_check_finds_the_old_all_at_once_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without the build-up (the old way: the whole gap at once), the check flags it."""
    monkeypatch.setattr(build_module, "_gap_first_bout", lambda *_: None)
    plan = plan_of(RAMP, weeks=4)
    assert "Add about 96 minutes a week: 3 more days" in (
        guideline(plan, "who-2020-aerobic").suggestion or ""
    )
    faults = audit_check("shortfall-advice-skips-ramp", RAMP, plan).faults
    assert len(faults) == 1


def test_an_active_person_may_still_add_the_minutes_as_they_are() -> None:
    data = {**RAMP, "age": 40, "currently_active": True}
    plan = builtin_plan(weeks=4, **data)
    text = guideline(plan, "who-2020-aerobic").suggestion or ""
    assert "step by step" not in text
    assert not audit_check("shortfall-advice-skips-ramp", data, plan).applies


@st.composite
def building_up_people(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active (pregnant or not), any age, goals, days and kit."""
    data = draw(profiles())
    data["currently_active"] = False
    return data


def test_a_shortfall_never_asks_someone_not_active_for_it_all_at_once(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        building_up_people(),
        {"shortfall-advice-skips-ramp": SAFETY_CHECKS["shortfall-advice-skips-ramp"]},
        record_property,
        examples=EXAMPLES,
    )
    assert shortfall_advice_skips_ramp is SAFETY_CHECKS["shortfall-advice-skips-ramp"]


# ---- TRIM-WITH-IDLE-MINUTES ----------------------------------------------------------------


def _day_minutes(plan: Any, day: str, week: int) -> int:
    return sum(s.duration_minutes for s in required_sessions(plan, day, week))


def test_a_build_up_week_holds_the_lifting_its_later_weeks_keep() -> None:
    """Coach review 26 (POOR-SLEEP-LIFTING-SHRINKS) changed this decision: the build-up's
    first weeks no longer take the whole session back only to lose it set by set as the walks
    grow (36, 32, 31, 27, 23 sets); they hold the lifting week 6 keeps, and the walk grows
    into the minutes it leaves."""
    plan = builtin_plan(weeks=8, **IDLE)
    for day in ("monday", "friday"):
        lift6, walk6 = required_sessions(plan, day, 6)
        assert any(n.startswith("Trimmed to its smallest hard form") for n in lift6.notes)
        held = [(e.name, e.sets) for e in lift6.exercises]
        for week in (1, 2, 3, 5):
            lift, walk = required_sessions(plan, day, week)
            assert lift.modality.value == "resistance"
            assert walk.modality.value == "endurance"
            assert [(e.name, e.sets) for e in lift.exercises] == held, (day, week)
            # (46-47 of 60 minutes before the refit: the rests take some back)
            assert _day_minutes(plan, day, week) >= 48, (day, week)
        assert walk6.duration_minutes > required_sessions(plan, day, 1)[1].duration_minutes
        assert _day_minutes(plan, day, 6) == 60
    # still two WHO strength days
    assert guideline(plan, "who-2020-strength").value == 2
    verdict = audit_check("trim-with-idle-minutes", IDLE, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_idle_check_finds_minutes_no_walk_grows_into(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without the refit (week 6's form all block), week 1's free minutes are the ones
    the walk grows into by week 6, not idle by the trim (coach review 26); with every walk
    held at its week-1 length all block nothing fills them, and week 1 and 2's lifting days
    are flagged."""
    # (keyword arguments too: the ladder's `roots`, coach review 29)
    monkeypatch.setattr(build_module, "forms_refit", lambda block, *_, **__: block)
    plan = plan_of(IDLE, weeks=8)
    assert _day_minutes(plan, "monday", 1) == 46
    assert not audit_check("trim-with-idle-minutes", IDLE, plan).faults
    first = {d.day: [s.duration_minutes for s in d.sessions] for d in plan.weeks[0].days}
    for week in plan.weeks:
        for d in week.days:
            for s, minutes in zip(d.sessions, first[d.day], strict=False):
                if s.modality.value == "endurance" and not s.optional:
                    s.duration_minutes = minutes
    faults = audit_check("trim-with-idle-minutes", IDLE, plan).faults
    assert [f.where for f in faults][:2] == ["week 1 monday", "week 1 friday"]


def test_a_formed_lifting_day_never_leaves_its_minutes_idle(
    record_property: pytest.RecordProperty,
) -> None:
    """People whose first goal is built on aerobic work (fat loss and general health too),
    on two to five days of 30-90 minutes, any activity."""
    audit_property(
        aerobic_first_people(30, 90, goals=("fat-loss", "general-health")),
        {
            "trim-with-idle-minutes": WEEK_CHECKS["trim-with-idle-minutes"],
            "aerobic-first-crowded-by-lifting": WEEK_CHECKS["aerobic-first-crowded-by-lifting"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
            "deload-cut-misstated": PROGRESSION_CHECKS["deload-cut-misstated"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# ---- SHORT-DAY-KEEPS-EXTRAS ----------------------------------------------------------------


def test_short_split_days_lift_their_main_lifts_then_walk() -> None:
    plan = builtin_plan(weeks=4, **EXTRAS)
    upper, walk = required_sessions(plan, "saturday")
    assert upper.title == "Upper body"
    names = [e.name for e in upper.exercises]
    assert "Prone Y raise" not in names  # kept with a 5-minute walk before
    assert len(names) == 2  # a push and a pull
    assert all(e.sets <= 2 for e in upper.exercises)
    assert any(n.startswith("Trimmed to its main lifts") for n in upper.notes)
    assert walk.duration_minutes >= 10  # 5 before
    lower, walk = required_sessions(plan, "sunday")
    assert "Low step-up" not in [e.name for e in lower.exercises]
    assert walk.duration_minutes >= 9  # 7 before
    # 12 required aerobic minutes a week before
    assert guideline(plan, "who-2020-aerobic").value >= 20
    verdict = audit_check("short-day-keeps-extras", EXTRAS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_short_day_check_finds_the_old_extras(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without the main-lifts form (the smallest hard form kept), both days flag."""
    monkeypatch.setattr(
        SessionBuilder, "_main_lifts_form", lambda self, exercises, *_: (exercises, [], [])
    )
    plan = plan_of(EXTRAS, weeks=4)
    faults = audit_check("short-day-keeps-extras", EXTRAS, plan).faults
    # (since session 33 the old Saturday's trim takes a press left out whole back at two
    # sets, `SessionBuilder._trim`, which fills its 25 minutes: no walk follows, so only
    # Sunday's 6-minute walk beside the kept step-up shows the old form)
    assert [f.where for f in faults][:1] == ["week 1 sunday"]
    assert "Low step-up" in faults[0].what


@st.composite
def short_day_people(draw: st.DrawFn) -> dict[str, Any]:
    """Aerobic-first people (fat loss and general health too) on one to four days of 15-30
    minutes, adjacent or not (split days), any kit and activity."""
    data = draw(aerobic_first_people(15, 30, goals=("fat-loss", "general-health")))
    data.pop("days_per_week", None)
    data["days"] = draw(
        st.lists(
            st.sampled_from(["monday", "tuesday", "wednesday", "saturday", "sunday"]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    return data


def test_a_short_aerobic_first_day_keeps_no_extras_before_a_short_walk(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        short_day_people(),
        {
            "short-day-keeps-extras": WEEK_CHECKS["short-day-keeps-extras"],
            "aerobic-first-extras-before-walk": WEEK_CHECKS["aerobic-first-extras-before-walk"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# ---- FIRST-GOAL-AEROBIC-ABSENT -------------------------------------------------------------


def test_an_older_mood_first_woman_walks_after_her_main_lifts_and_balance() -> None:
    plan = builtin_plan(weeks=12, **ABSENT)
    for week in (1, 5, 9):
        for day in ("monday", "thursday"):
            # (the practice ends the day as its cool-down, after the walk: coach review 28,
            # STRESS-BACKBONE-SQUEEZED)
            lift, walk, balance = required_sessions(plan, day, week)
            assert lift.modality.value == "resistance"
            assert balance.modality.value == "balance"  # falls prevention kept
            assert walk.modality.value == "endurance"
            assert walk.duration_minutes >= 5
            assert all(e.sets == 1 for e in lift.exercises)
            assert len(lift.exercises) == 4  # a knee lift, a hinge, a push and a pull
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.value >= 10  # 0 before, every week
    verdict = audit_check("first-goal-aerobic-absent", ABSENT, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_absent_check_finds_the_old_week(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with the main lifts at two sets only (the old planner), every building week
    has no aerobic minutes and is flagged."""
    original = SessionBuilder._main_lifts_form

    def two_sets(self: Any, exercises: Any, fewest: int, unpairable: Any) -> Any:
        return original(self, exercises, max(fewest, 2), unpairable)

    monkeypatch.setattr(SessionBuilder, "_main_lifts_form", two_sets)
    plan = plan_of(ABSENT, weeks=4)
    assert guideline(plan, "who-2020-aerobic").value == 0
    faults = audit_check("first-goal-aerobic-absent", ABSENT, plan).faults
    assert [f.where for f in faults] == ["week 1", "week 2", "week 3"]


def test_an_aerobic_first_goal_always_gets_aerobic_minutes(
    record_property: pytest.RecordProperty,
) -> None:
    """People whose first goal is endurance, stress or mood, on two to five days of 20-45
    minutes, any age (older adults' falls prevention too), kit and activity."""
    audit_property(
        aerobic_first_people(20, 45),
        {
            "first-goal-aerobic-absent": WEEK_CHECKS["first-goal-aerobic-absent"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
            "falls-prevention-missing": SAFETY_CHECKS["falls-prevention-missing"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


# ---- ENDURANCE-FIRST-IDLE-DAYS -------------------------------------------------------------


def test_an_endurance_first_lifting_day_takes_a_steady_block_after_the_lifting() -> None:
    plan = builtin_plan(weeks=4, **ENDURANCE)
    for day in ("monday", "thursday"):
        lift, walk = required_sessions(plan, day)
        assert lift.modality.value == "resistance"
        assert walk.modality.value == "endurance"  # lifting only, 40 and 33 of 90 before
        assert lift.duration_minutes + walk.duration_minutes >= 75
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.value >= 240  # 150 before
    assert guideline(plan, "who-2020-strength").value == 2  # the strength days stay
    verdict = audit_check("endurance-first-idle-days", ENDURANCE, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_endurance_idle_check_finds_the_old_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with the fill stopping at WHO's 150 (the old planner), both lifting days flag."""
    monkeypatch.setattr(Scheduler, "_endurance_first", lambda self: False)
    plan = plan_of(ENDURANCE, weeks=4)
    # (150 while the long session started a step short in a longer block; it starts at its
    # day's minutes since coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH)
    assert 150 <= guideline(plan, "who-2020-aerobic").value < 240
    faults = audit_check("endurance-first-idle-days", ENDURANCE, plan).faults
    assert [f.where for f in faults] == ["week 1 monday", "week 1 thursday"]


@st.composite
def active_endurance_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active endurance-first people on two to six days of 45-120 minutes, any kit."""
    data = draw(aerobic_first_people(45, 120))
    data["goals"] = ["endurance", *(g for g in data["goals"] if g != "endurance")][:3]
    data["currently_active"] = True
    data["days_per_week"] = draw(st.integers(2, 6))
    return data


def test_an_endurance_first_week_leaves_no_lifting_day_idle(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        active_endurance_people(),
        {
            "endurance-first-idle-days": WEEK_CHECKS["endurance-first-idle-days"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
