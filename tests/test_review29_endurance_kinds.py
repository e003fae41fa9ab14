"""Coach review 28's ENDURANCE-TIME-LEFT-IDLE (session 22, branch end29): the smallest profile
as a named test, the audit's check faulting the old-shaped plan, and a property over active
people whose first goal is endurance.

ENDURANCE-TIME-LEFT-IDLE (structure: first goal) `{age: 30, sex: male, goals: [endurance],
    currently_active: true, days_per_week: 6, minutes_per_session: 120}` used 407 of the 720
    offered minutes a week: four brisk walks held at the endurance goal's 90 minutes
    (`core/endurance-goal-session-length`; Saturday's 70, where week 1 reached the first
    goal's 300 aerobic minutes), lifting days with no aerobic part, and the steady work grew
    5 minutes a building week (`core/long-session-grows`), 340 -> 365 minutes by week 11 of
    12. *Decision:* `core/endurance-first-trained-volume` (active, under 65) grows the week's
    steady minutes about 10 % of week 1's a building week, spread 5 minutes at a time over a
    long session that may pass 90 minutes (up to 150 and its day) and the blocks after
    lifting; week 1 is unchanged. From 65 the 5-minute step stays and week 1 says why the
    time stays free (`core/endurance-first-older-time-said`). Check
    `endurance-first-time-left-idle`.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS
from endoprotocol.plan import Plan, Week
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "endurance-first-time-left-idle"
RULE = "core/endurance-first-trained-volume"
OLDER_RULE = "core/endurance-first-older-time-said"

# coach review 28's smallest profile (p12 among its 20)
IDLE = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "currently_active": True,
    "days_per_week": 6,
    "minutes_per_session": 120,
}


def _required(week: Week, *modalities: str) -> list[tuple[str, int]]:
    """(day, minutes) of a week's required sessions of the given modalities."""
    return [
        (d.day.value, s.duration_minutes)
        for d in week.days
        for s in d.sessions
        if not s.optional and s.modality.value in modalities
    ]


def steady_minutes(week: Week) -> int:
    return sum(m for _, m in _required(week, "endurance"))


def used_minutes(week: Week) -> int:
    return sum(s.duration_minutes for d in week.days for s in d.sessions if not s.optional)


def long_session(week: Week) -> int:
    return max((m for _, m in _required(week, "endurance")), default=0)


def lifting_days_with_steady(week: Week) -> list[str]:
    lifting = {day for day, _ in _required(week, "resistance")}
    return sorted({day for day, _ in _required(week, "endurance")} & lifting)


def hard_aerobic_share(week: Week) -> float:
    """The share of a week's required aerobic work minutes at RPE 7 or more (the hard side
    of an 80/20 split)."""
    hard = easy = 0.0
    for d in week.days:
        for s in d.sessions:
            if s.optional or s.modality.value not in ("endurance", "hiit"):
                continue
            for e in s.exercises:
                if e.work_seconds is None:
                    continue
                minutes = e.work_seconds.max / 60 * (e.sets or 1)
                rpe = e.intensity.rpe
                if rpe is not None and rpe.min >= 7:
                    hard += minutes
                else:
                    easy += minutes
    return hard / (hard + easy) if hard + easy else 0.0


def test_the_smallest_profile_grows_into_its_offered_time() -> None:
    """What the athlete notices: week 1 as before (417 of 720 minutes; the review read 407 on its older HEAD), then a longer
    Saturday walk and an easy walk after Monday's lifting, 30 minutes more each building
    week (about 10 % of week 1's 340 steady minutes), all of it easy."""
    plan = builtin_plan(weeks=4, **IDLE)
    first, second, third, deload = plan.weeks
    assert used_minutes(first) == 417
    assert steady_minutes(first) == 340
    assert [steady_minutes(w) for w in plan.weeks] == [340, 370, 400, 340]
    assert [used_minutes(w) for w in (second, third)] == [447, 479]
    # the long session passes the endurance goal's 90 minutes
    assert long_session(third) == 100
    assert dict(_required(third, "endurance"))["saturday"] == 100
    # the lifting day takes an easy block after its lifting
    assert lifting_days_with_steady(first) == []
    assert lifting_days_with_steady(third) == ["monday"]
    # the rule is named on the sessions it grows, and the weeks say the growth
    saturday = next(d for d in third.days if d.day.value == "saturday").sessions[0]
    assert saturday.duration_minutes == 100
    assert "30 minutes longer" in " ".join(second.notes)
    assert deload.deload
    # every week stays easy: no minute above RPE 6 for this beginner lifter
    assert all(hard_aerobic_share(w) == 0 for w in plan.weeks)
    verdict = audit_check(CHECK, IDLE, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_a_longer_block_keeps_growing_and_never_jumps() -> None:
    """12 weeks: the weekly steady minutes rise at most about 10 % a week (the step is 10 %
    of week 1's), the long session reaches 120 (its day) by week 11, and each deload goes
    back to its block's first week."""
    plan = builtin_plan(weeks=12, **IDLE)
    steady = [steady_minutes(w) for w in plan.weeks]
    assert steady[0] == 340
    assert max(steady) > 400
    for before, now in itertools.pairwise(steady):
        assert now - before <= 0.10 * steady[0], steady
    assert long_session(plan.weeks[10]) == 120
    for week in plan.weeks:
        if week.deload:
            assert steady_minutes(week) <= steady[week.week - 2], steady
    assert not audit_check(CHECK, IDLE, plan).faults


def test_week_one_is_the_same_at_every_block_length() -> None:
    """Coach review 27's WEEK1-CHANGES-WITH-BLOCK-LENGTH: the growth changes no week 1."""
    firsts = [builtin_plan(weeks=n, **IDLE).weeks[0] for n in (1, 4, 8, 12)]
    assert {used_minutes(w) for w in firsts} == {417}
    assert {long_session(w) for w in firsts} == {90}


def _old_shaped(plan: Plan) -> Plan:
    """The plan as the old planner grew it: each building week's steady work 5 minutes more
    than the week before (the block's growth taken back, 5 a week added on Monday)."""
    old = plan.model_copy(deep=True)
    first = old.weeks[0]
    for week in old.weeks[1:]:
        week.days = [d.model_copy(deep=True) for d in first.days]
    return old


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=4, **IDLE)
    old = _old_shaped(plan)
    faults = audit_check(CHECK, IDLE, old).faults
    assert [f.where for f in faults] == ["week 2", "week 3"]
    assert "303 of the 720 offered minutes unused" in faults[0].what
    assert "340 -> 340 minutes" in faults[0].what


@pytest.mark.parametrize("age", [65, 72])
def test_older_people_keep_the_small_step_and_are_told_why(age: int) -> None:
    """From 65 the steady work keeps its 5-minute step (Nelson 2007: progress gradually);
    week 1 says how much of the offered time stays free and why."""
    profile = {**IDLE, "age": age}
    plan = builtin_plan(weeks=4, **profile)
    steady = [steady_minutes(w) for w in plan.weeks]
    assert all(b - a <= 10 for a, b in itertools.pairwise(steady)), steady
    assert long_session(plan.weeks[2]) <= 90
    said = " ".join(plan.weeks[0].notes)
    assert "of the 720 minutes you offered unused, and the plan keeps it that way" in said
    assert not audit_check(CHECK, profile, plan).faults


def test_people_not_yet_active_keep_their_build_up() -> None:
    """Not active: the build-up from about 20 minutes (COACHING.md §2) is unchanged, and the
    check does not apply."""
    profile = {**IDLE, "currently_active": False}
    plan = builtin_plan(weeks=4, **profile)
    assert steady_minutes(plan.weeks[0]) < 340
    assert not audit_check(CHECK, profile, plan).applies


@st.composite
def endurance_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active people whose first goal is endurance, on 3-7 days of 45-180 minutes."""
    data = draw(profiles())
    data["currently_active"] = True
    rest = [g for g in data["goals"] if g != "endurance"]
    data["goals"] = ["endurance", *rest[:2]]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(3, 7))
    data["minutes_per_session"] = draw(st.sampled_from([45, 60, 75, 90, 120, 150, 180]))
    return data


def test_no_endurance_first_week_leaves_its_time_idle(
    record_property: pytest.RecordProperty,
) -> None:
    def gentle(_profile: Any, plan: Plan) -> None:
        # the weekly steady minutes rise at most about 10 % a week (in 5-minute steps)
        steady = [steady_minutes(w) for w in plan.weeks]
        for before, now in itertools.pairwise(steady):
            assert now - before <= max(10, 0.10 * steady[0] + 5), steady

    audit_property(
        endurance_people(),
        {
            CHECK: PROGRESSION_CHECKS[CHECK],
            "endurance-does-not-progress": PROGRESSION_CHECKS["endurance-does-not-progress"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
        extra=gentle,
    )
