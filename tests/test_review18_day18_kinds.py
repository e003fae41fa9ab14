"""Coach review 18's kind on branch day18, with its smallest profile as a named test and a
property over the people the kind is about.

LIFT-DAY-GIVEN-UP-WITH-IDLE-MINUTES (dose, first goal) A 24-year-old advanced, active
    muscle-first woman on 5 x 100 minutes lost Saturday's lifting day to a 60-minute walk
    ("a lifting day gave way to other work, toward the guideline's 150 aerobic minutes a
    week (core/who-2020-aerobic-target)"), while the four lifting days kept left 151 of
    their minutes idle in week 1 (Wednesday's upper day 39 of 100 with nothing after it);
    chest, back, quads and hamstrings at 10 hard sets a week. COACHING.md §2: the first
    goal's dose comes before "more" for WHO, and the week uses the time it is given.
    *Cause:* `Scheduler.run` gives a lifting day way when the week with one fewer holds
    more aerobic minutes, counted on its estimate of each lifting session's minutes (every
    slot of the split day, one mesocycle's sets added: 77 for the upper day) - 149 against
    150 - while the sessions as built take 34-49; and `Scheduler.refill`, which gives the
    built lifting's unused minutes to steady blocks, counted the growth of steady sessions
    already there that it then never built. *Decision:* for a muscle- or strength-first goal
    (`lifting_reserves_growth`) the week is built again with every lifting day kept
    (`keep_lifting_days`), and kept when it holds, in every week, the aerobic minutes of the
    week that gave way or the guideline's 150 (`build._holds_aerobic`); `refill` adds new
    blocks only (`_fill_aerobic(grow_existing=False)`). Check `lifting-day-given-up-with-room`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build as build_module
from endoprotocol.audit import (
    PROGRESSION_CHECKS,
    WEEK_CHECKS,
    lifting_day_given_up_with_room,
)
from tests.builtin import audit_check, builtin_plan, guideline, plan_of, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach18/min/LIFT-DAY-GIVEN-UP-WITH-IDLE-MINUTES.yaml
GIVEN_UP = {
    "age": 24,
    "sex": "female",
    "goals": ["muscle"],
    "experience": "advanced",
    "minutes_per_session": 100,
    "currently_active": True,
    "days_per_week": 5,
}
OFFERED = ("monday", "tuesday", "wednesday", "friday", "saturday")
GAVE_WAY = "a lifting day gave way to other work"


def _lifting_days(plan: Any, week: int) -> list[str]:
    return [
        day
        for day in OFFERED
        if any(s.modality.value == "resistance" for s in required_sessions(plan, day, week))
    ]


# ---- LIFT-DAY-GIVEN-UP-WITH-IDLE-MINUTES ---------------------------------------------------


def test_a_trained_lifter_keeps_her_fifth_lifting_day_and_still_meets_who_aerobic() -> None:
    plan = builtin_plan(weeks=4, **GIVEN_UP)
    assert not any(GAVE_WAY in w.message for w in plan.warnings)
    for week in (1, 2, 3, 4):
        # four lifting days before, Saturday a 60-minute walk alone
        assert _lifting_days(plan, week) == list(OFFERED), week
    for day in OFFERED:
        lift, walk = required_sessions(plan, day)
        assert lift.modality.value == "resistance"
        assert walk.modality.value == "endurance"  # a conditioning block after the lifting
        assert lift.duration_minutes + walk.duration_minutes <= 100
    # Wednesday's upper day had nothing after it (39 of 100 minutes used); since coach
    # review 41 (SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT) the walks after lifting stop at WHO's
    # 150, level: 30 minutes after each lifting day (Wednesday's 23 and Saturday's 64 before)
    # (the lifting 36 -> 38 minutes since twoset42, session 32: compounds at 3 sets)
    # (37 since session 33: raised ranges at a moderate load's rests)
    assert [s.duration_minutes for s in required_sessions(plan, "wednesday")] == [37, 30]
    assert [s.duration_minutes for s in required_sessions(plan, "saturday")] == [37, 30]
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.met
    assert aerobic.value == 150  # 190 before coach review 41 (150 before 24, then 188)
    assert guideline(plan, "who-2020-strength").value == 2
    sets = plan.totals.hard_sets_by_muscle
    # 10 each before; the dose stays within 10-20 (COACHING.md §3); quads 10 -> 12 and
    # hamstrings 10 -> 11 after the merge with the glute credit of knee lifts (session 15);
    # since twoset42 (session 32: compounds at 3 sets, a doubled lift left out) chest 13 -> 12,
    # back 14 -> 12, hamstrings 11 -> 13
    assert {g: sets[g] for g in ("chest", "back", "quads", "hamstrings", "shoulders")} == {
        "chest": 12,
        "back": 12,
        "quads": 12,
        "hamstrings": 13,
        "shoulders": 19.5,  # 20 before coach review 24's level rotation
    }
    verdict = audit_check("lifting-day-given-up-with-room", GIVEN_UP, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults
    for name in ("group-over-range-any-week", "weekly-volume-above-range", "same-muscle-too-soon"):
        assert not audit_check(name, GIVEN_UP, plan).faults, name


def test_the_room_check_finds_the_old_given_up_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with the week that gave way always kept (the old planner), the check flags
    Saturday's walk: the kept lifting days leave 115 minutes idle in every week against its
    57 (121 before session 31's ramp-up before heavy lifts, which the lifting days' minutes
    hold; 60 and 124 before session 30's levelled steady blocks, `Scheduler._level_blocks`,
    moved 3 of its minutes to a block after lifting; 120 before coach review 34's
    SETS-AND-REPS-STEP-TOGETHER kept a lift's range in the week its set steps; 123 before the
    glute credit of knee lifts, session 15, added lower-body sets; 117 before coach review
    24's level rotation)."""
    monkeypatch.setattr(build_module, "_holds_aerobic", lambda *_: False)
    plan = plan_of(GIVEN_UP, weeks=4)
    assert any(GAVE_WAY in w.message for w in plan.warnings)
    assert _lifting_days(plan, 1) == ["monday", "tuesday", "wednesday", "friday"]
    assert guideline(plan, "who-2020-aerobic").value == 150
    faults = audit_check("lifting-day-given-up-with-room", GIVEN_UP, plan).faults
    assert [f.where for f in faults] == ["saturday"]
    assert "57 minutes" in faults[0].what
    # (95 since twoset42, session 32: the kept days' compounds at 3 sets)
    # (99 since session 33: raised ranges at a moderate load's rests)
    assert "99 minutes idle" in faults[0].what


def test_the_room_check_leaves_a_day_that_had_to_give_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same week with the lifting days filled to their minutes (nothing idle) is not
    flagged: a lifting day may give way when the days cannot hold the minutes otherwise."""
    monkeypatch.setattr(build_module, "_holds_aerobic", lambda *_: False)
    plan = plan_of(GIVEN_UP, weeks=4)
    for week in plan.weeks:
        for d in week.days:
            required = [s for s in d.sessions if not s.optional]
            if any(s.modality.value == "resistance" for s in required):
                required[0].duration_minutes += 100 - sum(s.duration_minutes for s in required)
    verdict = audit_check("lifting-day-given-up-with-room", GIVEN_UP, plan)
    assert verdict.applies
    assert not verdict.faults


def test_an_endurance_first_week_is_not_the_room_checks_business() -> None:
    data = {**GIVEN_UP, "goals": ["endurance", "muscle"]}
    plan = builtin_plan(weeks=4, **data)
    assert not audit_check("lifting-day-given-up-with-room", data, plan).applies


@st.composite
def trained_lifting_first_people(draw: st.DrawFn) -> dict[str, Any]:
    """Trained, active people whose first goal is muscle or strength, on four to seven days
    of 45-150 minutes: weeks long enough to lift and walk on the same day."""
    data = draw(profiles(max_age=80))
    first = draw(st.sampled_from(["muscle", "strength"]))
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(4, 7))
    data["minutes_per_session"] = draw(st.integers(45, 150))
    return data


def test_a_lifting_first_week_gives_up_no_lifting_day_it_has_room_to_keep(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_lifting_first_people(),
        {
            "lifting-day-given-up-with-room": WEEK_CHECKS["lifting-day-given-up-with-room"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
            "same-muscle-too-soon": WEEK_CHECKS["same-muscle-too-soon"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
    assert lifting_day_given_up_with_room is WEEK_CHECKS["lifting-day-given-up-with-room"]
