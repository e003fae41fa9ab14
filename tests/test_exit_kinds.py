"""Coach review rv12964, kinds K3 and K2 (COACHING.md §3), each kept by its smallest profile.

K3. The osteoporosis exit jumped from RPE 3-4 in week 8 to 7-8 (a vigorous session) in week
    10, under a note promising a moderate effort.
K2. A 65-year-old inactive beginner lifted at RPE 3-4 for eight weeks, and the WHO strength
    guideline told her to wait for a professional although the plan stepped up by itself.
"""

from __future__ import annotations

from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import exit_effort_jumps, older_start_too_long
from endoprotocol.plan import Plan
from tests.builtin import builtin_library, builtin_rules


def _plan(weeks: int, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def _lift_rpe_tops(plan: Plan, week: int) -> list[float]:
    return [
        e.intensity.rpe.max
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.reps is not None and e.intensity.rir is not None and e.intensity.rpe is not None
    ]


OSTEO = {
    "age": 58,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "conditions": ["osteoporosis"],
    "days_per_week": 3,
    "minutes_per_session": 50,
    "equipment": ["dumbbells"],
    "currently_active": True,
}

OLDER_BEGINNER = {
    "age": 65,
    "sex": "female",
    "goals": ["general-health"],
    "days_per_week": 3,
    "minutes_per_session": 45,
    "equipment": ["dumbbells"],
    "currently_active": False,
}


def test_k3_osteoporosis_exit_stays_at_the_promised_moderate_effort() -> None:
    plan = _plan(12, **OSTEO)
    for week in (9, 10, 11):
        tops = _lift_rpe_tops(plan, week)
        # week 9's first load step (about 55 %, coach review 12) is still light: no lift
        # is taken toward failure yet; the effort reaches moderate with 60 % in week 10
        assert tops or week == 9
        assert max(tops, default=0) <= 6, (week, tops)
        classes = {
            s.intensity_class.value
            for d in plan.weeks[week - 1].days
            for s in d.sessions
            if s.modality.value == "resistance"
        }
        assert "vigorous" not in classes
        assert any("moderate effort" in n for n in plan.weeks[week - 1].notes)
    # stepwise (coach review 12): week 9's loaded lifts open at 55 % and an easy RPE 5 at
    # most (LOAD-JUMP-OSTEO), week 10 at a moderate RPE 5-6; a body-weight lift (the prone
    # back extension) has no load to cap and keeps the start's 10-15 reps
    # (BODYWEIGHT-LOAD-TALK)
    loaded = [
        e.intensity.rpe.max
        for d in plan.weeks[8].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.intensity.pct_1rm is not None and e.intensity.rpe is not None
    ]
    assert loaded
    assert max(loaded) <= 5
    assert max(_lift_rpe_tops(plan, 10)) in (5, 6)
    verdict = exit_effort_jumps(parse_profile(OSTEO), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_k2_older_beginner_light_for_four_weeks_then_moderate() -> None:
    plan = _plan(12, **OLDER_BEGINNER)
    assert "four weeks" in " ".join(plan.weeks[0].notes)
    assert max(_lift_rpe_tops(plan, 7)) == 6  # moderate effort inside the exit
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    assert "until a professional advises" not in strength.detail
    assert "week 5" in strength.detail
    verdict = older_start_too_long(parse_profile(OLDER_BEGINNER), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults
