"""Coach review 32's STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS (F5), with its smallest profile as a
named test, tests that the audit's checks fault the old plan, and a property over the people
whose first goal is general health, insulin sensitivity or fat loss on short days.

STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS (the week serves the first goal) A 40-year-old
    general-health man, active, 3 x 30 minutes: both lifting days were trimmed to their main
    lifts at two sets (18 and 20 minutes) for brisk walks of 10 and 12 minutes, so WHO's
    strength days were 0 of 2 and the aerobic minutes 42 of 150; the trim note said the
    aerobic work "your first goal is built on" comes first. For general health, insulin
    sensitivity and fat loss WHO's two strength days are the first goal's dose as much as
    its 150 minutes (COACHING.md §2 (3); WHO 2020, ADA 2016: EVIDENCE.md §1.1, §1.6); a
    strength day traded for a walk that leaves the week short of 150 reaches neither target.
    *Decision:* such a day keeps its strength day: its main lifts at their smallest hard
    form (every major group three hard sets) where that still frees a walk's few minutes,
    else its lifting as it is with no walk (`lifting_keeps_strength_days` on
    core/who-2020-aerobic-target-health-first). The main-lifts form is left to days that are
    no strength day anyway, with a note whose reason is theirs. Checks
    `strength-day-trimmed-for-a-short-walk` and `trim-reason-untrue-for-goal`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import WEEK_CHECKS, WORD_CHECKS
from endoprotocol.plan import Plan, hard_exposures
from endoprotocol.planner.schedule import Scheduler
from endoprotocol.vocab import MAJOR_GROUPS
from tests.builtin import audit_check, builtin_plan, guideline, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
TRADE = "strength-day-trimmed-for-a-short-walk"
WORDS = "trim-reason-untrue-for-goal"

# /tmp/s24/coach32: F5's smallest profile
HEALTH = {
    "age": 40,
    "sex": "male",
    "goals": ["general-health"],
    "currently_active": True,
    "minutes_per_session": 30,
}
# coach review 17's SHORT-DAY-KEEPS-EXTRAS: an upper and a lower day on Saturday and Sunday,
# neither a strength day in any case (a split day trains half the body)
SPLIT = {
    "age": 38,
    "sex": "male",
    "goals": ["general-health"],
    "currently_active": True,
    "days": ["saturday", "sunday"],
    "minutes_per_session": 25,
}
# coach review 16's AEROBIC-FIRST-GOAL-CROWDED-BY-LIFTING: a first goal built on aerobic work
MOOD = {"age": 40, "sex": "male", "goals": ["mood-cognition"], "minutes_per_session": 20}


def _strength_days(plan: Plan, week: int = 1) -> list[str]:
    """The days of a week whose required sessions give every major group three hard sets."""
    return [
        d.day.value
        for d in plan.weeks[week - 1].days
        if set(MAJOR_GROUPS) <= hard_exposures(s for s in d.sessions if not s.optional)
    ]


def _old_planner(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner as it was: no lifting day is marked to keep its strength day, so a short
    day is cut to its main lifts with the aerobic-built goal's note."""
    mark = Scheduler._mark_exposure_forms

    def marked(self: Scheduler) -> None:
        mark(self)
        for day in self.week.days:
            for slotted in day:
                slotted.keeps_strength_day = False

    monkeypatch.setattr(Scheduler, "_mark_exposure_forms", marked)


def test_short_general_health_days_stay_strength_days_with_a_walk_after() -> None:
    plan = builtin_plan(weeks=1, **HEALTH)
    # both lifting days count for WHO again (0 of 2 before), and each still has a walk
    assert guideline(plan, "who-2020-strength").value == 2
    assert _strength_days(plan) == ["monday", "friday"]
    for day, walk in (("monday", 6), ("friday", 8)):
        lift, after = required_sessions(plan, day)
        assert lift.modality.value == "resistance"
        assert lift.duration_minutes + after.duration_minutes == 30
        assert (after.title, after.duration_minutes) == ("Brisk walk", walk)
        # its four main lifts, a squat or lunge, a hinge, a push and a pull, mostly at 3 sets
        assert len(lift.exercises) == 4
        assert sorted(e.sets for e in lift.exercises) == [2, 3, 3, 3]
        (note,) = [n for n in lift.notes if n.startswith("Trimmed")]
        assert "still counts toward their strength days" in note
        assert "built on" not in note
    # the walks shrink from 10 and 12 minutes to 6 and 8: 34 aerobic minutes, not 42; the
    # plan still names the shortfall and the walks on the other days that close it
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.value == 34
    assert not aerobic.met
    assert "brisk walk" in aerobic.suggestion
    for check in (TRADE, WORDS):
        verdict = audit_check(check, HEALTH, plan)
        assert verdict.applies
        assert not verdict.faults


def test_every_building_week_keeps_both_strength_days() -> None:
    plan = builtin_plan(weeks=4, **HEALTH)
    for week in plan.weeks:
        if not week.deload:
            assert _strength_days(plan, week.week) == ["monday", "friday"], week.week
    assert not audit_check(TRADE, HEALTH, plan).faults


def test_the_checks_fault_the_old_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    _old_planner(monkeypatch)
    old = builtin_plan(weeks=1, **HEALTH)
    # the plan the coach read: main lifts at two sets, walks of 10 and 12 minutes
    assert guideline(old, "who-2020-strength").value == 0
    assert guideline(old, "who-2020-aerobic").value == 42
    faults = audit_check(TRADE, HEALTH, old).faults
    assert [f.where for f in faults] == ["week 1 monday", "week 1 friday"]
    assert "10-minute walk" in faults[0].what
    assert "0 of 2 strength days" in faults[0].what
    words = audit_check(WORDS, HEALTH, old).faults
    assert [f.where for f in words] == [
        "week 1 monday 'Full body A'",
        "week 1 friday 'Full body B'",
    ]
    assert "general-health" in words[0].what


def test_a_day_that_is_no_strength_day_anyway_gives_its_own_reason() -> None:
    # an upper and a lower day: the main lifts and a walk, as review 17 decided, with words
    # true of a general-health goal
    plan = builtin_plan(weeks=1, **SPLIT)
    notes = [
        n
        for s in required_sessions(plan, "saturday")
        if s.modality.value == "resistance"
        for n in s.notes
        if n.startswith("Trimmed to its main lifts")
    ]
    assert notes
    assert "would not give every major muscle group three hard sets anyway" in notes[0]
    assert "built on" not in notes[0]
    assert not audit_check(WORDS, SPLIT, plan).faults
    assert not audit_check(TRADE, SPLIT, plan).faults


def test_an_aerobic_built_first_goal_keeps_its_reason() -> None:
    plan = builtin_plan(weeks=1, **MOOD)
    notes = [
        n
        for d in plan.weeks[0].days
        for s in d.sessions
        for n in s.notes
        if n.startswith("Trimmed to its main lifts")
    ]
    assert notes
    assert all("the aerobic work your first goal is built on comes first" in n for n in notes)
    assert not audit_check(WORDS, MOOD, plan).applies


@st.composite
def short_health_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose first goal is general health, insulin sensitivity or fat loss, on 2-5
    days of 20-45 minutes: the days too short for a whole session and a walk."""
    data = draw(profiles(min_age=18, max_age=85))
    first = draw(st.sampled_from(["general-health", "insulin-sensitivity", "fat-loss"]))
    data["goals"] = [first, *[g for g in data["goals"] if g != first]][:3]
    data.pop("pregnancy_week", None)
    data["conditions"] = [c for c in data["conditions"] if c != "pregnancy"]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 5))
    data["minutes_per_session"] = draw(st.sampled_from([20, 25, 30, 35, 40, 45]))
    data["currently_active"] = draw(st.sampled_from([True, True, False]))
    return data


def test_no_strength_day_trimmed_for_a_short_walk(record_property: pytest.RecordProperty) -> None:
    audit_property(
        short_health_people(),
        {TRADE: WEEK_CHECKS[TRADE], WORDS: WORD_CHECKS[WORDS]},
        record_property,
        examples=EXAMPLES,
    )
