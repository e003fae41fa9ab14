"""Coach review 27's WEEK1-CHANGES-WITH-BLOCK-LENGTH (branch w1len28): the same person's week 1
was emptier in a longer block. Each decision has its smallest profile as a named test, the
audit's check `week-one-emptier-than-one-week-plan` faults the old-shaped plan, and a property
holds it over generated profiles.

(a) A masters cyclist (60, endurance first, active, a bike and dumbbells, four 90-minute days)
    rode 90 / 75 / 65 minutes on his long day in week 1 at 1 / 8 / 16 weeks: the long session
    started a few 5-minute steps short in a longer block. It now starts at what its day holds
    (what he already does) at every block length; his steady work grows into his days' free
    minutes instead (`core/steady-grows-into-spare`).
(b) A walk week 1 has room for is kept in week 1 (a 35-year-old with osteoporosis had a
    5-minute walk after each lifting day at 1 week and none at 4: a later week's lifting ran
    a minute over the day, and the walk went from the whole block); a later week whose
    lifting runs over shortens it that week, to the few brisk minutes a walk after lifting
    may hold, or leaves it out that week only.
(c) A 48-year-old (insulin sensitivity, Saturday and Sunday x 60) lifts 40 / 30 minutes at 1
    week and 25 / 19 at 8: the longer block starts lower so that its walks' build-up fits the
    days (legitimate progression, not undone); week 1 now says which minutes it leaves free
    and the week they are full by.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "week-one-emptier-than-one-week-plan"

# the coach's smallest profile (coach review 27)
SMALLEST = {
    "age": 48,
    "sex": "male",
    "goals": ["insulin-sensitivity"],
    "days": ["saturday", "sunday"],
    "minutes_per_session": 60,
}
# the masters cyclist: an active older endurance person on a bike, a long day
CYCLIST = {
    "age": 60,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "days_per_week": 4,
    "minutes_per_session": 90,
    "equipment": ["bike", "dumbbells"],
    "currently_active": True,
}
# a walk after lifting the 4-week block dropped (seed 3 of the audit)
WALK_DROPPED = {
    "age": 35,
    "sex": "female",
    "goals": ["strength"],
    "experience": "advanced",
    "days_per_week": 2,
    "equipment": ["dumbbells", "bench"],
    "conditions": ["prediabetes", "osteoporosis"],
}


def _minutes(plan: Plan, day: str, modality: str, week: int = 1) -> int:
    return sum(
        s.duration_minutes
        for s in required_sessions(plan, day, week)
        if s.modality.value == modality
    )


def test_the_smallest_profile_starts_lower_and_says_so() -> None:
    one, eight = builtin_plan(weeks=1, **SMALLEST), builtin_plan(weeks=8, **SMALLEST)
    # the one-week plan fills both days with lifting and a 20-minute walk
    assert (_minutes(one, "saturday", "resistance"), _minutes(one, "sunday", "resistance")) == (
        40,
        30,
    )
    # the 8-week block starts its lifting lower so the walks' build-up fits (not undone) ...
    assert (
        _minutes(eight, "saturday", "resistance"),
        _minutes(eight, "sunday", "resistance"),
    ) == (25, 19)
    assert _minutes(eight, "saturday", "endurance") == _minutes(one, "saturday", "endurance")
    # ... and week 1 says which minutes it leaves free, and when they are used
    said = " ".join(eight.weeks[0].notes)
    assert "15 minutes free on Saturday and 21 on Sunday" in said
    assert "(by week 6)" in said
    full = [w for w in eight.weeks if not w.deload and w.week >= 6]
    assert all(
        sum(s.duration_minutes for s in required_sessions(eight, d, w.week)) == 60
        for w in full
        for d in ("saturday", "sunday")
    )
    assert not any("minutes free on" in n for n in one.weeks[0].notes)
    verdict = audit_check(CHECK, SMALLEST, eight)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


@pytest.mark.parametrize("weeks", [1, 8, 16])
def test_the_masters_cyclist_keeps_his_90_minute_ride(weeks: int) -> None:
    plan = builtin_plan(weeks=weeks, **CYCLIST)
    assert _minutes(plan, "friday", "endurance") == 90
    # no later week rides longer than the day holds
    assert all(_minutes(plan, "friday", "endurance", w.week) <= 90 for w in plan.weeks)
    if weeks > 1:
        assert not audit_check(CHECK, CYCLIST, plan).faults


def test_a_walk_week_one_has_room_for_is_kept() -> None:
    one, block = builtin_plan(weeks=1, **WALK_DROPPED), builtin_plan(weeks=12, **WALK_DROPPED)
    for plan in (one, block):
        assert _minutes(plan, "monday", "endurance") == 5
        assert _minutes(plan, "thursday", "endurance") == 5
    # a later week whose lifting runs a minute over the day leaves the walk out that week
    # only, and says its steady work is shorter
    for before, week in zip(block.weeks, block.weeks[1:], strict=False):
        day = sum(s.duration_minutes for s in required_sessions(block, "monday", week.week))
        assert day <= 45
        if not _minutes(block, "monday", "endurance", week.week) and _minutes(
            block, "monday", "endurance", before.week
        ):
            assert any("shorter in all" in n for n in week.notes), week.week
    assert not audit_check(CHECK, WALK_DROPPED, block).faults


def test_the_check_faults_old_shaped_plans() -> None:
    # the cyclist's long ride started short in a longer block (75 minutes at 8 weeks)
    plan = builtin_plan(weeks=8, **CYCLIST)
    old = plan.model_copy(deep=True)
    friday = next(d for d in old.weeks[0].days if d.day.value == "friday")
    friday.sessions[0] = friday.sessions[0].model_copy(update={"duration_minutes": 75})
    faults = audit_check(CHECK, CYCLIST, old).faults
    assert [f.what for f in faults] == [
        "the long steady session is 75 minutes, against 90 in the one-week plan"
    ]
    # the walk after lifting dropped from week 1
    plan = builtin_plan(weeks=12, **WALK_DROPPED)
    old = plan.model_copy(deep=True)
    for d in old.weeks[0].days:
        d.sessions = [s for s in d.sessions if s.optional or s.modality.value != "endurance"]
    faults = audit_check(CHECK, WALK_DROPPED, old).faults
    assert [(f.where, f.what) for f in faults] == [
        (f"week 1 {day}", "no walk or ride, where the one-week plan has Brisk walk (5 minutes)")
        for day in ("monday", "thursday")
    ]
    # week 1's lifting lower with nothing said
    plan = builtin_plan(weeks=8, **SMALLEST)
    old = plan.model_copy(deep=True)
    old.weeks[0].notes = [n for n in old.weeks[0].notes if "minutes free on" not in n]
    faults = audit_check(CHECK, SMALLEST, old).faults
    assert [(f.where, f.what) for f in faults] == [
        (
            "week 1 saturday",
            "lifting 25 minutes against 40 in the one-week plan, 15 minutes left free and "
            "the week's notes do not say so",
        ),
        (
            "week 1 sunday",
            "lifting 19 minutes against 30 in the one-week plan, 21 minutes left free and "
            "the week's notes do not say so",
        ),
    ]


def test_the_check_needs_the_one_week_plan() -> None:
    """Without a way to build the one-week plan the check does not apply (it never guesses
    which rules made the plan)."""
    from endoprotocol.audit import week_one_emptier_than_one_week_plan
    from endoprotocol.profile import parse_profile
    from tests.builtin import builtin_library

    plan = builtin_plan(weeks=8, **CYCLIST)
    verdict = week_one_emptier_than_one_week_plan(parse_profile(CYCLIST), plan, builtin_library())
    assert not verdict.applies


@st.composite
def week_one_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose week 1 can differ with the block's length: active endurance people with a
    long day, and anyone lifting on days with time for a walk."""
    data = draw(profiles(max_age=90))
    if draw(st.booleans()):
        data["currently_active"] = True
        data["goals"] = ["endurance", *(g for g in data["goals"] if g != "endurance")][:3]
        data["equipment"] = list(dict.fromkeys([*data["equipment"], "bike"]))
    data["minutes_per_session"] = draw(st.sampled_from([30, 45, 60, 75, 90, 120]))
    return data


def test_week_one_is_no_emptier_than_the_one_week_plan(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        week_one_people(),
        {CHECK: PROGRESSION_CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
