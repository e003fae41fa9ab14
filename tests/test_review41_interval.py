"""Coach review 41's INTERVAL-DAY-STEADY-JUMP: the week's added steady minutes go to the easy
days, the long session first, and a steady block after intervals grows last and at most about
10 % a week; the check faulting the old growth, and a property over endurance, fat-loss and
general-health firsts.

INTERVAL-DAY-STEADY-JUMP (COACHING.md §2-3) A 30-year-old woman, endurance first, advanced
    and active, 7 days of 120 minutes with a treadmill: Monday held the 4 x 4 treadmill
    incline intervals and then a "Treadmill run" whose work went 28 -> 43 -> 65 minutes in
    weeks 1-3 (+54 %, +51 %) while the rounds rose 4 -> 5 -> 6, and 43 -> 65 again in weeks
    5-6; Thursday's and Friday's runs held 80 and Sunday's long run moved 80 -> 90 -> 93 on a
    120-minute day. *Cause:* the growth into spare minutes (`schedule._grow_room`, then
    `progress._growth`) treated the interval day's block as one more steady session's own
    day: it came first in day order, before the long session, took most of the room, and the
    spread growth handed it 5 minutes a round like any easy session until the long session
    was full. *Decision:* a steady block on a day with intervals (or a vigorous steady
    session) grows last - after the long session and the other steady sessions, the long
    session's remainder included - and at most `beside_hard_step_pct` (10 %) of its week-1
    minutes a building week in whole 5-minute steps (at least one); no block joins such a day
    (`core/endurance-first-trained-volume`). Check `interval-day-steady-jump`.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from endoprotocol.plan import Range
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "interval-day-steady-jump"

SMALLEST = {
    "age": 30,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 7,
    "minutes_per_session": 120,
    "equipment": ["treadmill"],
}


def _work(s: Any) -> float:
    """A steady session's minutes of steady work."""
    return sum(
        e.work_seconds.max / 60
        for e in s.exercises
        if e.pattern.value == "cardio" and e.work_seconds is not None
    )


def _steady(plan: Any, day: str) -> list[float]:
    """Each week's steady work of the day's required steady session (0: none that week)."""
    out = []
    for w in plan.weeks:
        d = next(d for d in w.days if d.day.value == day)
        runs = [s for s in d.sessions if s.modality.value == "endurance" and not s.optional]
        out.append(_work(runs[0]) if runs else 0.0)
    return out


def _week_steady(plan: Any) -> list[float]:
    return [
        sum(
            _work(s)
            for d in w.days
            for s in d.sessions
            if s.modality.value == "endurance" and not s.optional
        )
        for w in plan.weeks
    ]


def test_smallest_profile_run_after_intervals_stays_short() -> None:
    """Monday's run after the 4 x 4 intervals holds its 28 minutes while the rounds rise and
    the long run has room; Sunday's long run takes the growth, and the week still grows each
    building week."""
    plan = builtin_plan(weeks=6, **SMALLEST)
    monday = plan.weeks[0].days[0]
    assert [s.modality.value for s in monday.sessions] == ["hiit", "endurance"]
    rounds = [w.days[0].sessions[0].exercises[0].sets for w in plan.weeks]
    assert rounds[:3] == [4, 5, 6]
    after = _steady(plan, "monday")
    assert after[:3] == [28, 28, 28]
    for before, now in itertools.pairwise(after):
        assert now - before <= 5
    long_run = _steady(plan, "sunday")
    assert long_run[0] == 80
    assert long_run[1] > long_run[0]
    assert long_run[2] > long_run[1]
    assert long_run[2] - long_run[0] > after[2] - after[0]
    total = _week_steady(plan)
    for number in (1, 2, 4, 5):  # weeks 2, 3, 5, 6 (week 4 is the deload)
        if not plan.weeks[number].deload and not plan.weeks[number - 1].deload:
            assert total[number] > total[number - 1]
    assert not audit_check(CHECK, SMALLEST, plan).faults
    assert not audit_check("endurance-first-time-left-idle", SMALLEST, plan).faults
    assert not audit_check("endurance-does-not-progress", SMALLEST, plan).faults


def test_no_block_joins_the_interval_day() -> None:
    """The interval day keeps its one steady block every week: the growth adds none there."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    for w in plan.weeks:
        monday = w.days[0]
        steady = [s for s in monday.sessions if s.modality.value == "endurance"]
        assert len(steady) == 1


def _with_monday_run(plan: Any, minutes: dict[int, int]) -> Any:
    """`plan` with Monday's run after the intervals given `minutes` of work in the weeks
    named (week number -> minutes): the old growth."""
    weeks = []
    for w in plan.weeks:
        if w.week not in minutes:
            weeks.append(w)
            continue
        days = []
        for d in w.days:
            if d.day.value == "monday":
                sessions = []
                for s in d.sessions:
                    if s.modality.value == "endurance":
                        work = minutes[w.week]
                        exercises = [
                            e.model_copy(update={"work_seconds": Range.of(work * 60)})
                            if e.pattern.value == "cardio"
                            else e
                            for e in s.exercises
                        ]
                        s = s.model_copy(update={"exercises": exercises, "duration_minutes": work})
                    sessions.append(s)
                d = d.model_copy(update={"sessions": sessions})
            days.append(d)
        weeks.append(w.model_copy(update={"days": days}))
    return plan.model_copy(update={"weeks": weeks})


def test_the_check_faults_the_old_growth() -> None:
    """The plan as it was (Monday's run 28 -> 43 -> 65, 43 -> 65 after the deload) faults in
    weeks 2, 3 and 6; the deload's exit (week 5 against week 4) does not."""
    plan = builtin_plan(weeks=6, **SMALLEST)
    old = _with_monday_run(plan, {2: 43, 3: 65, 5: 43, 6: 65})
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    assert [f.where for f in faults] == [
        "week 2 monday 'Treadmill run'",
        "week 3 monday 'Treadmill run'",
        "week 6 monday 'Treadmill run'",
    ]
    assert "28 -> 43" in faults[0].what
    assert "sunday" in faults[0].what
    # a step of 5 a week is the block's own pace
    slow = _with_monday_run(plan, {2: 33, 3: 38, 5: 33, 6: 38})
    assert not CHECKS[CHECK](parse_profile(SMALLEST), slow, builtin_library()).faults


@st.composite
def aerobic_firsts(draw: st.DrawFn) -> dict[str, Any]:
    """Trained, active people whose first goal is endurance (most draws), fat loss or general
    health, on 4-7 days of 60-120 minutes (mostly the long days where the steady work has
    room to grow) with cardio kit or none: the interval days."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["endurance"] * 4 + ["fat-loss", "general-health"]))],
        "experience": draw(st.sampled_from(["intermediate", "advanced", "advanced"])),
        "currently_active": True,
        "days_per_week": draw(st.integers(4, 7)),
        "minutes_per_session": draw(st.sampled_from([60, 90, 105, 120, 120, 120])),
        "equipment": draw(
            st.sampled_from([["treadmill"], ["bike"], ["treadmill", "bike"], ["rower"], []])
        ),
    }


def test_interval_day_blocks_grow_slowly(record_property: Any) -> None:
    audit_property(
        aerobic_firsts(),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
