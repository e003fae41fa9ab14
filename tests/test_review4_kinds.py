"""The fourth coach review's kinds (the same 20 profiles, after the third review's fixes):
each test is the smallest profile that showed a fault kind, kept once it was fixed.

N1  A 4-minute "Brisk walk" after Saturday's lifting closed the last minutes of WHO's target.
N3  An overtrained lifter's week 1 said "Deload week: 33% fewer sets"; weeks 2-3 held the same.
N4  A light start's RPE 3-4 lifting sessions were headed "moderate, RPE 5-6" with a heart-rate zone.
"""

from __future__ import annotations

from endoprotocol import parse_profile
from endoprotocol.audit import (
    first_deload_not_lighter,
    session_effort_misstated,
    steady_block_too_short,
)
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


OSTEO_START = {
    "age": 55,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "conditions": ["osteoporosis"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
    "equipment": ["barbell"],
    "currently_active": True,
}


def test_a_light_start_is_headed_with_its_own_light_effort() -> None:
    """N4: during the osteoporosis light start every lift is RPE 3-4 at 40-50 % 1RM; the
    sessions were headed "moderate, RPE 5-6" with a heart-rate zone and a talk test."""
    plan = builtin_plan(**OSTEO_START)
    week_one = [
        s for d in plan.weeks[0].days for s in d.sessions if s.modality.value == "resistance"
    ]
    assert week_one
    for s in week_one:
        assert s.intensity.rpe is not None
        assert (s.intensity.rpe.min, s.intensity.rpe.max) == (3, 4)
        assert s.intensity.hr_max_pct is None
        assert s.intensity.talk_test is None
    verdict = session_effort_misstated(parse_profile(OSTEO_START), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults


OVERTRAINED = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "conditions": ["overtraining-symptoms"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 60,
    "equipment": ["barbell"],
    "currently_active": True,
}


def test_an_overtrained_lifters_lighter_block_is_not_called_a_lighter_week() -> None:
    """N3: week 1 said "Deload week: about 33% fewer sets" while weeks 2 and 3 kept the same
    32 sets (the whole block holds week 1's volume); the note now says the block is lighter."""
    plan = builtin_plan(**OVERTRAINED)
    first = " ".join(plan.weeks[0].notes)
    assert "Deload week:" not in first
    assert "lighter block" in first.lower()
    verdict = first_deload_not_lighter(parse_profile(OVERTRAINED), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults
