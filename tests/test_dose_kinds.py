"""The dose review's named profiles (COACHING.md §3 and §5): each is the smallest profile that
showed a fault kind, kept as a test once the kind was fixed at its cause.

1. Frailty and a vertebral fracture stayed at RPE 3-4 for a whole 12-week block.
2. The osteoporosis exit raised the %1RM lifts while lifts set by effort alone (and holds)
   stayed light, or stood still from one exit week to the next.
3. A half-hour walk was credited with a "strong" acute growth hormone rise and an IL-6 rise.
"""

from __future__ import annotations

import itertools
from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import effect_without_dose, effort_split_in_session, held_start_never_moves
from endoprotocol.plan import Exercise, Plan
from endoprotocol.vocab import Modality
from tests.builtin import builtin_library, builtin_rules


def _plan(weeks: int, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def _work(plan: Plan, week: int) -> list[Exercise]:
    """The lifts and holds of a week's lifting sessions (drills, balance and mobility aside)."""
    return [
        e
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.pattern.value not in ("balance", "mobility")
        and (e.intensity.rpe or e.reps)
        and not (e.intensity.rpe and e.intensity.rpe.max <= 3)
    ]


def _rpe_tops(plan: Plan, week: int) -> set[float]:
    return {e.intensity.rpe.max for e in _work(plan, week) if e.intensity.rpe is not None}


# ---- 1. frailty and a vertebral fracture: light first, then moderate effort, held


FRAIL = {"age": 80, "sex": "female", "goals": ["general-health"]}
FRACTURE = {
    "age": 60,
    "sex": "female",
    "goals": ["bone-density"],
    "conditions": ["vertebral-fracture"],
}


def test_a_frail_80_year_old_moves_from_light_to_moderate_effort_after_eight_weeks() -> None:
    plan = _plan(12, **FRAIL)
    assert all(top <= 4 for w in range(1, 9) for top in _rpe_tops(plan, w))
    for week in (9, 10, 11):
        work = _work(plan, week)
        assert work
        for e in work:
            rpe = e.intensity.rpe
            assert rpe is not None
            assert 5 <= rpe.min <= rpe.max <= 6, (week, e.name, rpe)
            assert e.intensity.pct_1rm is None, e.name  # effort only: no 1RM for frail people
            if e.reps is not None:
                assert e.reps.min >= 10
                assert e.reps.max <= 15
    assert any("Moderate effort from week 9" in n for n in plan.weeks[8].notes)
    assert not any("all block" in n for w in plan.weeks for n in w.notes if "ight" in n)
    frail = next(w for w in plan.warnings if w.code == "frail-older-adult")
    assert "physiotherapist or doctor" in frail.message
    verdict = held_start_never_moves(parse_profile(FRAIL), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_a_vertebral_fracture_moves_to_moderate_effort_and_no_higher() -> None:
    plan = _plan(12, **FRACTURE)
    assert all(top <= 4 for top in _rpe_tops(plan, 1))
    tops = set().union(*(_rpe_tops(plan, w) for w in (9, 10, 11)))
    assert tops
    assert min(tops) >= 5
    assert max(tops) <= 6
    assert plan.screening.max_intensity == "moderate"
    verdict = held_start_never_moves(parse_profile(FRACTURE), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_the_held_check_sees_a_block_that_stays_light() -> None:
    plan = _plan(12, **FRAIL)
    light = plan.weeks[0].days
    stuck = plan.model_copy(
        update={"weeks": [w.model_copy(update={"days": light}) for w in plan.weeks]}
    )
    faults = held_start_never_moves(parse_profile(FRAIL), stuck, builtin_library()).faults
    assert faults
    assert "still RPE 4" in faults[0].what


# ---- 2. the osteoporosis exit: every lift and hold at one effort, every week a step


BONES = {"age": 67, "sex": "female", "goals": ["bone-density"], "conditions": ["osteoporosis"]}
BODYWEIGHT = {
    "age": 72,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "beginner",
    "equipment": ["bodyweight"],
}


def test_the_osteoporosis_exit_raises_every_lift_together() -> None:
    plan = _plan(12, **BONES)
    for week in (9, 10, 11):
        work = _work(plan, week)
        assert any(e.intensity.pct_1rm is not None for e in work)
        assert any(e.intensity.pct_1rm is None for e in work)
        # week 9 is the first load step out of the light weeks (about 54 %, still light:
        # coach review 12, LOAD-JUMP-OSTEO; a tenth of the load, coach review 27); every
        # lift and hold moves to moderate together with 59 % in week 10
        for e in work:  # %1RM lifts, lifts by effort alone and holds alike
            rpe = e.intensity.rpe
            assert rpe is not None
            assert rpe.min >= (3 if week == 9 else 5), (week, e.name, rpe)
    pcts = [
        max(e.intensity.pct_1rm.max for e in _work(plan, w) if e.intensity.pct_1rm)
        for w in (9, 10, 11)
    ]
    assert pcts == sorted(pcts)
    # steps of at most a tenth of the load (coach review 27, REENTRY-EXIT-LOAD-JUMP): 54, 59
    assert pcts[0] <= 55 < 59 <= pcts[1]
    assert all(b <= a * 1.1 + 0.5 for a, b in zip(pcts, pcts[1:], strict=False))  # noqa: RUF007
    assert pcts[-1] <= 70
    verdict = effort_split_in_session(parse_profile(BONES), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_an_effort_only_exit_still_changes_every_week() -> None:
    plan = _plan(12, **BODYWEIGHT)
    assert all(e.intensity.pct_1rm is None for e in _work(plan, 9))
    # an older beginner's exit runs weeks 5-8 (four light weeks first; coach review K2);
    # with nothing to load its later weeks change by a slower lowering and more reps, not
    # by reps that fall as the load ceiling rises (coach review 12, BODYWEIGHT-LOAD-TALK)
    shapes = [
        [(e.reps, e.intensity.rpe, e.intensity.rir, e.notes) for e in _work(plan, w)]
        for w in (4, 5, 6, 7)
    ]
    assert all(a != b for a, b in itertools.pairwise(shapes))
    # week 5 is the first load step (still light); the effort is moderate from week 6
    assert min(_rpe_tops(plan, 6)) >= 5


# ---- 3. acute GH and IL-6 claims need their dose


WALKER = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "days_per_week": 3,
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}
RIDER = {
    "age": 50,
    "sex": "female",
    "goals": ["endurance"],
    "days_per_week": 4,
    "minutes_per_session": 90,
    "currently_active": True,
    "equipment": ["dumbbells", "bodyweight", "bands", "bike"],
}


def _acute(plan: Plan, target: str) -> list[str]:
    return [
        m.value
        for e in plan.expected_effects
        if e.target.value == target and e.timescale == "acute"
        for m in e.from_modalities
    ]


def test_a_half_hour_walk_claims_no_acute_gh_or_il_6_rise() -> None:
    plan = _plan(4, **WALKER)
    walks = [s for d in plan.days for s in d.sessions if s.title == "Brisk walk" and not s.optional]
    assert walks  # the dose that used to be credited is there
    assert "endurance" not in _acute(plan, "growth_hormone")
    assert "endurance" not in _acute(plan, "il_6")
    # (no claim is left for effect-without-dose to check: the assertions above are the test)


def test_long_steady_rides_keep_the_marked_il_6_rise() -> None:
    plan = _plan(4, **RIDER)
    il6 = next(
        e for e in plan.expected_effects if e.target.value == "il_6" and e.timescale == "acute"
    )
    assert il6.evidence == "strong"
    assert "core/il-6-steady-work" in il6.rules
    verdict = effect_without_dose(parse_profile(RIDER), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_the_dose_check_catches_a_gh_claim_from_a_walk() -> None:
    plan = _plan(4, **RIDER)
    gh = [
        e
        for e in plan.expected_effects
        if e.target.value == "growth_hormone" and e.timescale == "acute"
    ]
    walked = _plan(4, **WALKER)
    claim = gh[0].model_copy(
        update={"from_modalities": [*gh[0].from_modalities, Modality.ENDURANCE]}
    )
    bad = walked.model_copy(update={"expected_effects": [*walked.expected_effects, claim]})
    faults = effect_without_dose(parse_profile(WALKER), bad, builtin_library()).faults
    assert faults
    assert faults[0].where == "growth_hormone"
