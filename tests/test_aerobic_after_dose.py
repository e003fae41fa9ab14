"""Coach review rv12964, K1: aerobic work starved once lifting is the first goal.

COACHING.md §2 gives the week's time in order: safety, the first goal's minimum effective
dose (about 10 hard sets per major group a week for trained lifters), the WHO minimums (150
aerobic minutes), then more for the first goal. A 35-year-old intermediate muscle-first
lifter with 3 x 60 minutes got 0 required aerobic minutes in every week while the back had
18 hard sets; now each full-body day lifts in its smallest full form and a steady block
follows it (guideline field `lifting_shortens_past_dose`, docs/planning.md).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import aerobic_starved_past_minimum_dose
from endoprotocol.plan import Plan, is_hard_set, muscle_credit
from endoprotocol.vocab import MAJOR_GROUPS
from tests.builtin import builtin_library, builtin_rules

MUSCLE_FIRST = {
    "age": 35,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 60,
    "equipment": ["barbell", "bench", "bodyweight"],
    "currently_active": True,
}


def _plan(data: dict[str, Any], weeks: int = 12) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def _aerobic(plan: Plan, week: int) -> float:
    """Required steady minutes of a week (work only: a block after lifting has no warm-up)."""
    return sum(
        e.work_seconds.min / 60
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
        for e in s.exercises
        if e.work_seconds is not None
    )


def _group_sets(plan: Plan, week: int) -> dict[str, float]:
    sets: dict[str, float] = {}
    for d in plan.weeks[week - 1].days:
        for s in d.sessions:
            if s.modality.value != "resistance":
                continue
            for e in s.exercises:
                if is_hard_set(e):
                    for m, credit in muscle_credit(e).items():
                        sets[m] = sets.get(m, 0) + credit * e.sets
    return {g: max(sets.get(m, 0.0) for m in ms) for g, ms in MAJOR_GROUPS.items()}


def test_muscle_first_lifter_gets_aerobic_minutes_once_the_minimum_dose_is_met() -> None:
    plan = _plan(MUSCLE_FIRST)
    # before: 0 required aerobic minutes in every week
    assert _aerobic(plan, 1) >= 45
    # the sets the block adds take a walk's minutes down to the least steady work, never
    # below (branch dose7, TRAINED-SETS-FLAT: the first goal's dose before the walks)
    for week in plan.weeks:
        for d in week.days:
            for s in d.sessions:
                if s.modality.value == "endurance" and not s.optional:
                    assert all(
                        e.work_seconds.min >= 10 * 60
                        for e in s.exercises
                        if e.work_seconds is not None
                    ), (week.week, d.day)
    target = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert target.value >= 45
    # every lifting day keeps its lifting, and a steady block follows it
    for d in plan.weeks[0].days:
        kinds = [s.modality.value for s in d.sessions if not s.optional]
        if "resistance" in kinds:
            assert kinds == ["resistance", "endurance"], (d.day, kinds)
    # the first goal keeps its minimum effective dose: about 10 hard sets per major group a
    # week, at least 10 on average over the two-week rotation (full body A/B/A, then B/A/B:
    # the chest gets 12, then 9)
    building = [w.week for w in plan.weeks if not w.deload]
    for week in building:
        assert min(_group_sets(plan, week).values()) >= 9, week
    for week, after in pairwise(building):
        if after == week + 1:
            one, two = _group_sets(plan, week), _group_sets(plan, after)
            assert min((one[g] + two[g]) / 2 for g in one) >= 10, (week, after)
    verdict = aerobic_starved_past_minimum_dose(plan.profile, plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_two_lifting_days_keep_their_sessions() -> None:
    # two days cannot carry a trained lifter's minimum dose in their smallest form: no
    # shortening there (lifting_yields_above: 3)
    plan = _plan({**MUSCLE_FIRST, "days": ["monday", "thursday"]})
    lifting = [
        s
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]
    assert len(lifting) == 2
    assert all(s.duration_minutes >= 50 for s in lifting)
