"""Coach review rv12964, kind K9 (COACHING.md §3), kept by its smallest profile.

K9. A 45-year-old advanced triathlete (endurance first, active, 6 x 90 min, pool, bike,
    treadmill, dumbbells) got 306 aerobic minutes and "Treadmill incline intervals 4x240s"
    in every week of 12: the first goal never progressed.
"""

from __future__ import annotations

from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import endurance_does_not_progress
from endoprotocol.plan import Plan, Week
from tests.builtin import builtin_library, builtin_rules

TRIATHLETE = {
    "age": 45,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "days_per_week": 6,
    "minutes_per_session": 90,
    "equipment": ["pool", "bike", "treadmill", "dumbbells"],
    "currently_active": True,
}


def _plan(weeks: int, **data: Any) -> Plan:
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


def _rounds(week: Week) -> int:
    return sum(
        e.sets
        for d in week.days
        for s in d.sessions
        if s.modality.value == "hiit"
        for e in s.exercises
    )


def test_k9_interval_rounds_grow_four_five_six() -> None:
    plan = _plan(12, **TRIATHLETE)
    assert [_rounds(plan.weeks[i]) for i in range(3)] == [4, 5, 6]
    # (the step taken and the rounds in all, coach review 41)
    assert any(
        "1 more round of 4 minutes" in n and "5 in all, building to 6" in n
        for n in plan.weeks[1].notes
    )
    assert any("6 in all - as many as this plan builds them to" in n for n in plan.weeks[2].notes)


def test_k9_an_interval_deload_cuts_from_the_rounds_the_block_reached() -> None:
    # the deload used to cut from week 1's 4 rounds (to 2), twice the cut its note states
    plan = _plan(12, **TRIATHLETE)
    deload = plan.weeks[3]
    assert deload.deload
    cut = round(100 * (1 - _rounds(deload) / _rounds(plan.weeks[2])))
    assert _rounds(plan.weeks[2]) == 6
    assert _rounds(deload) == 4
    assert any(f"about {cut}% fewer" in n for n in deload.notes), deload.notes


def test_k9_the_long_session_lengthens_and_keeps_growing_after_each_deload() -> None:
    plan = _plan(12, **TRIATHLETE)
    steady = [_steady(w) for w in plan.weeks]
    for block in ((0, 1, 2), (4, 5, 6), (8, 9, 10)):
        minutes = [steady[i] for i in block]
        assert minutes == sorted(minutes), (block, steady)
        assert minutes[0] < minutes[-1], (block, steady)
    assert steady[4] > steady[0]  # each block starts higher
    assert steady[8] > steady[4]
    assert steady[3] <= steady[2]  # a deload is not longer
    assert steady[7] <= steady[6]
    assert steady[0] >= 150  # already active: WHO's minimum in week 1 still holds
    # (the long session starts at its day's minutes since coach review 27; the steady work
    # grows into the days' free minutes, `core/steady-grows-into-spare`, and says so)
    assert any("minutes longer in all" in n for n in plan.weeks[1].notes)
    verdict = endurance_does_not_progress(parse_profile(TRIATHLETE), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_k9_triad_signs_hold_the_endurance_minutes_at_week_ones() -> None:
    plan = _plan(
        12,
        **{
            **TRIATHLETE,
            "sex": "female",
            "age": 24,
            "conditions": ["low-energy-availability"],
        },
    )
    assert all(_steady(w) <= _steady(plan.weeks[0]) for w in plan.weeks)
