"""The fourth coach review's kinds (the same 20 profiles, after the third review's fixes):
each test is the smallest profile that showed a fault kind, kept once it was fixed.

N1  A 4-minute "Brisk walk" after Saturday's lifting closed the last minutes of WHO's target.
"""

from __future__ import annotations

from endoprotocol import parse_profile
from endoprotocol.audit import steady_block_too_short
from tests.builtin import builtin_library, builtin_plan

FIVE_DAY_BEGINNER = {
    "age": 18,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "beginner",
    "days": ["monday", "tuesday", "thursday", "friday", "saturday"],
    "minutes_per_session": 75,
    "equipment": ["barbell"],
    "currently_active": False,
}


def test_the_last_minutes_of_the_aerobic_target_are_a_real_walk_not_four_minutes() -> None:
    plan = builtin_plan(**FIVE_DAY_BEGINNER)
    after_lifting = [
        s
        for w in plan.weeks
        if not w.deload
        for d in w.days
        for s in d.sessions[1:]
        if s.modality.value == "endurance" and not s.optional
    ]
    assert after_lifting  # the walks after lifting are still there
    for s in after_lifting:
        work = sum(e.work_seconds.max * e.sets for e in s.exercises if e.work_seconds)
        assert work >= 10 * 60, (s.title, work)
    verdict = steady_block_too_short(parse_profile(FIVE_DAY_BEGINNER), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults
