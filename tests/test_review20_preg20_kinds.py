"""Coach review 20's kind on branch preg20, with its smallest profile as a named test and a
property over the people the kind is about.

PREGNANCY-STRENGTH-CROWDS-OUT-AEROBIC (vulnerable-group dose; K2) A pregnant 29-year-old,
    endurance first, 3 x 25 minutes (/tmp/coach20/min/): Monday and Friday held a 20-minute
    "Short strength" session and no steady work, Wednesday a 25-minute walk - 15 required
    aerobic minutes a week on one day, and a note that the steady work cannot grow because
    the strength fills the days. At 30 minutes the same person gets a 20-minute walk and
    the 10-minute strength session on those days (40); without the pregnancy, a walk
    follows each lifting session (27). p04 (week 33, prediabetes, 5 x 25): 45 of 150.
    COACHING.md §4 pregnancy: aerobic minutes first (150 over 3+ days), strength 2-3 short
    sessions; §2: the 150 reached by steady work after lifting or longer steady sessions
    [Mottola 2019, WHO 2020]. *Cause:* with steady work first (`steady_first`) the short
    strength session joins a walk's day only when the walk keeps the library's least
    steady session (its warm-up and cool-down and 10 minutes of work: 20 minutes on a
    25-minute day) beside the session's 10; 20 + 10 > 25, so the scheduler gave up steady
    work first for the whole week (`Scheduler.run`, `placed`) and the strength session,
    placed first, took each day alone at its full 20 minutes. *Decision:* the pregnancy
    guideline's `steady_first_walk_minutes: 5` (rules/safety/pregnancy.yaml): a walk
    leading a day the short strength session joins may be as short as its warm-up,
    cool-down and five brisk minutes (WHO 2020: bouts of any length), so a 25-minute day
    holds a 15-minute walk and the 10-minute session (`Scheduler._floor_before`). Check
    `aerobic-first-crowded-by-strength` (WEEK_CHECKS).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    PROGRESSION_CHECKS,
    SAFETY_CHECKS,
    WEEK_CHECKS,
    aerobic_first_crowded_by_strength,
)
from endoprotocol.engine.model import GuidelineTarget
from endoprotocol.planner.schedule import Scheduler
from tests.builtin import audit_check, guideline, plan_of, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach20/min/PREGNANCY-STRENGTH-CROWDS-OUT-AEROBIC.yaml
PREGNANT_SHORT_DAYS = {
    "age": 29,
    "sex": "female",
    "goals": ["endurance"],
    "minutes_per_session": 25,
    "conditions": ["pregnancy"],
}
# /tmp/coach20/profiles/p04.yaml
P04 = {
    "age": 29,
    "sex": "female",
    "goals": ["insulin-sensitivity", "endurance"],
    "experience": "intermediate",
    "days_per_week": 5,
    "minutes_per_session": 25,
    "equipment": ["treadmill", "bands", "bodyweight"],
    "currently_active": True,
    "conditions": ["pregnancy", "prediabetes"],
    "pregnancy_week": 33,
}
CHECK = "aerobic-first-crowded-by-strength"


def _old_planner(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner before the fix: no guideline's `steady_first_walk_minutes`, so a walk
    the short strength session joins keeps the library's least steady session."""
    monkeypatch.setattr(Scheduler, "_steady_first_walk", lambda self: None)


def _kinds(plan: Any, day: str, week: int = 1) -> list[str]:
    return [s.modality.value for s in required_sessions(plan, day, week)]


def test_short_pregnancy_days_walk_first_and_strength_after() -> None:
    plan = plan_of(PREGNANT_SHORT_DAYS, weeks=4)
    for week in range(1, 5):
        for day in ("monday", "friday"):
            # a walk leads the day and the short strength session follows it (was the
            # strength alone, 20 minutes)
            walk, lift = required_sessions(plan, day, week)
            assert (walk.modality.value, lift.modality.value) == ("endurance", "resistance")
            assert walk.duration_minutes == 15
            assert lift.title == "Short strength"
            # (the deload week halves the sets)
            assert lift.duration_minutes <= (10 if week < 4 else 5)
            assert lift.duration_minutes >= (10 if week < 4 else 1)
            assert all(e.sets == (2 if week < 4 else 1) for e in lift.exercises)
            # squat, push and row, as on a 30-minute day
            assert len(lift.exercises) == 3
        assert _kinds(plan, "wednesday", week) == ["endurance"]
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.value == 25  # 15 before, on one day; now over three
    assert aerobic.held_by == []
    assert "grows no further than about 25 minutes" in " ".join(plan.weeks[0].notes)
    verdict = audit_check(CHECK, PREGNANT_SHORT_DAYS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults
    for name in ("pregnancy-aerobic-crowded-out", "day-over-minutes", "steady-block-too-short"):
        assert not audit_check(name, PREGNANT_SHORT_DAYS, plan).faults, name


def test_the_30_minute_week_and_the_week_without_pregnancy_are_unchanged() -> None:
    thirty = plan_of({**PREGNANT_SHORT_DAYS, "minutes_per_session": 30}, weeks=4)
    for day in ("monday", "friday"):
        walk, lift = required_sessions(thirty, day)
        assert (walk.duration_minutes, lift.duration_minutes) == (20, 10)
    assert guideline(thirty, "who-2020-aerobic").value == 40
    data = {**PREGNANT_SHORT_DAYS, "conditions": []}
    plain = plan_of(data, weeks=4)
    assert guideline(plain, "who-2020-aerobic").value == 27
    assert _kinds(plain, "monday") == ["resistance", "endurance"]
    assert not audit_check(CHECK, data, plain).applies


def test_p04_walks_on_every_offered_day() -> None:
    plan = plan_of(P04, weeks=4)
    offered = ("monday", "tuesday", "wednesday", "friday", "saturday")
    for day in offered:
        assert _kinds(plan, day)[0] == "endurance", day
    lifting = [d for d in offered if "resistance" in _kinds(plan, d)]
    assert len(lifting) == 2  # two short strength sessions kept
    assert guideline(plan, "who-2020-aerobic").value == 55  # 45 before
    assert not audit_check(CHECK, P04, plan).faults


def test_the_check_finds_the_old_week(monkeypatch: pytest.MonkeyPatch) -> None:
    _old_planner(monkeypatch)
    plan = plan_of(PREGNANT_SHORT_DAYS, weeks=4)
    assert _kinds(plan, "monday") == ["resistance"]
    assert guideline(plan, "who-2020-aerobic").value == 15
    faults = audit_check(CHECK, PREGNANT_SHORT_DAYS, plan).faults
    assert [f.where for f in faults] == [
        f"week {w} {d}" for w in range(1, 4) for d in ("monday", "friday")
    ]
    assert "a walk of 5 brisk minutes and the 10-minute session" in faults[0].what
    # the reviewer's p04: Monday and Friday of 25 minutes held strength alone, 45 of 150
    old = plan_of(P04, weeks=4)
    assert guideline(old, "who-2020-aerobic").value == 45
    assert [f.where for f in audit_check(CHECK, P04, old).faults][:2] == [
        "week 1 monday",
        "week 1 friday",
    ]


@pytest.mark.parametrize(("minutes", "days"), [(15, 3), (18, 3), (25, 6)])
def test_the_check_leaves_days_a_walk_cannot_share(minutes: int, days: int) -> None:
    """A 15-minute day (5 minutes' brief warm-up and cool-down, a walk of 5 brisk minutes
    and the 10-minute session make 20) and an 18-minute one keep the strength alone; so
    does a six-day week whose five steady sessions (their weekly cap) leave the sixth
    offered day to the strength session. (A 22-minute day held its full warm-up and
    cool-down, 25 in all; since coach review 41 its warm-up and cool-down grow with the
    session, 7 minutes, and the walk and the session share it.)"""
    data = {**PREGNANT_SHORT_DAYS, "minutes_per_session": minutes, "days_per_week": days}
    plan = plan_of(data, weeks=4)
    alone = [
        d.day.value
        for d in plan.weeks[0].days
        if [s.modality.value for s in d.sessions if not s.optional] == ["resistance"]
    ]
    assert alone  # the strength session alone on a day
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_a_short_body_weight_session_leaves_a_walk_after_it() -> None:
    """A 19-minute day cannot hold a walk of five brisk minutes before the 10-minute
    session (5 + 5 + 10 = 20), so the strength comes first, and the minutes it leaves take
    a walk of a few brisk minutes after it (none before). This was the 24-minute day with
    its full warm-up and cool-down (since coach review 30 the session holds its row, 16 ->
    20 minutes, which left 4, and the walk went; since review 31 it keeps its two sets of
    each at the short end of their rests, and a 5-minute walk follows it,
    tests/test_review31_pull.py); since coach review 41 a 24-minute day's warm-up and
    cool-down grow with it (9 minutes), and the walk leads that day."""
    data = {**PREGNANT_SHORT_DAYS, "minutes_per_session": 19, "equipment": ["bodyweight"]}
    plan = plan_of(data, weeks=4)
    for week in range(1, 4):
        lift, walk = required_sessions(plan, "monday", week)
        assert (lift.modality.value, walk.modality.value) == ("resistance", "endurance")
        assert lift.duration_minutes + walk.duration_minutes <= 19
        assert walk.duration_minutes >= 5
    for name in (CHECK, "steady-block-too-short", "day-over-minutes"):
        assert not audit_check(name, data, plan).faults, name


# (22 before coach review 41: a 22-minute day now holds the walk and the session together)
@pytest.mark.parametrize(("minutes", "walk"), [(15, 15), (18, 18)])
def test_two_short_days_give_one_to_a_walk(minutes: int, walk: int) -> None:
    """Two days too short for a walk and the strength session together held strength
    alone on both and no aerobic minute: one of them is now a walk (the pregnancy
    guideline's `lifting_yields_to_first_goal`), the strength goes to fewer days."""
    data = {**PREGNANT_SHORT_DAYS, "minutes_per_session": minutes, "days_per_week": 2}
    plan = plan_of(data, weeks=4)
    assert _kinds(plan, "monday") == ["resistance"]
    (steady,) = required_sessions(plan, "thursday")
    assert (steady.modality.value, steady.duration_minutes) == ("endurance", walk)
    assert guideline(plan, "who-2020-aerobic").value > 0  # 0 before
    # said in words that hold whatever the goals (not "the first goal's aerobic session")
    said = [w.message for w in plan.warnings if w.code == "plan-changed-by-safety-rule"]
    assert any(
        "gave way to a steady session" in m and "aerobic minutes come first" in m for m in said
    )
    assert not any("first goal" in m for m in said)
    assert not audit_check(CHECK, data, plan).faults
    # the old week (Thursday's strength session as Monday's) is flagged on Thursday
    doctored = plan.model_copy(deep=True)
    for week in doctored.weeks:
        days = {d.day.value: d for d in week.days}
        days["thursday"].sessions[:] = [
            s.model_copy(deep=True) for s in days["monday"].sessions if not s.optional
        ]
    faults = audit_check(CHECK, data, doctored).faults
    assert [f.where for f in faults] == ["week 1 thursday", "week 2 thursday", "week 3 thursday"]
    assert "no required aerobic session in the week" in faults[0].what


def test_the_walk_minutes_go_with_steady_first() -> None:
    base = {
        "id": "who-2020-aerobic",
        "measure": "moderate_equivalent_aerobic_minutes",
        "at_least": 150,
        "label": "aerobic",
        "suggestion": "more",
    }
    assert GuidelineTarget(**base, steady_first=True, steady_first_walk_minutes=5)
    with pytest.raises(ValueError, match="goes with steady_first"):
        GuidelineTarget(**base, steady_first_walk_minutes=5)


@st.composite
def pregnant_short_days(draw: st.DrawFn) -> dict[str, Any]:
    """Pregnant people of 18-45, any goals, kit and activity, week unknown or 5-40, on one to
    seven days of 15-40 minutes: the days the kind is about and the 30-40-minute days the
    planner already did right."""
    data = draw(profiles(min_age=18, max_age=45))
    data["sex"] = "female"
    data["conditions"] = ["pregnancy", *draw(st.lists(st.sampled_from(["prediabetes"])))]
    data["therapies"] = []
    data.pop("pregnancy_week", None)
    if draw(st.booleans()):
        data["pregnancy_week"] = draw(st.integers(5, 40))
    data.pop("days", None)
    data.update(
        days_per_week=draw(st.integers(1, 7)),
        minutes_per_session=draw(st.integers(15, 40)),
    )
    return data


def test_no_short_pregnancy_day_gives_strength_the_walk_minutes(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        pregnant_short_days(),
        {
            CHECK: WEEK_CHECKS[CHECK],
            "pregnancy-aerobic-crowded-out": SAFETY_CHECKS["pregnancy-aerobic-crowded-out"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
    assert aerobic_first_crowded_by_strength is WEEK_CHECKS[CHECK]
