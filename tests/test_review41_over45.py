"""Coach review 41's OVER-45-MODERATE-CAP-NEVER-LIFTS: the over-45 hold names its way on.

OVER-45-MODERATE-CAP-NEVER-LIFTS (COACHING.md §3: a plan says when a cautious start ends;
    EVIDENCE.md 2.2: PAR-Q+ asks people over 45 who are not used to vigorous-to-maximal
    exercise to see a qualified exercise professional first) A 46-year-old man, muscle
    first, not yet active: every session sat at RPE 5-6 for the whole block under a week-5
    note that "a safety rule of this plan holds it there", and nothing said how the hold
    ever ends (at 44 the same plan goes to RPE 7-8 from week 5). *Decision:* the hold stays
    (the plan cannot know when the professional's check has happened, and numbers above the
    hold beside a note asking to wait would contradict it; coach review 26), and the rule's
    warning and screening next step now name the way on: after about three months of
    regular training (the profile's own meaning of active) and that check, a plan made as a
    regularly active person lifts the hold. The tests below check that the way on is real.
"""

from __future__ import annotations

from typing import Any

from tests.builtin import builtin_plan

# /tmp/s31/coach41/min/m-over-45-moderate-forever.yaml
SMALLEST: dict[str, Any] = {"age": 46, "sex": "male", "goals": ["muscle"]}
CODE = "over-45-vigorous-check"


def _lift_rpe_tops(plan: Any) -> list[float]:
    """The top RPE of every required lifting session's header, week by week."""
    return [
        s.intensity.rpe.max
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional and s.intensity.rpe
    ]


def test_the_hold_says_how_it_ends() -> None:
    plan = builtin_plan(weeks=8, **SMALLEST)
    warning = next(w for w in plan.warnings if w.code == CODE)
    assert "whole block" in warning.message
    assert "--active" in warning.message
    assert "three months" in warning.message
    assert any("--active" in step for step in plan.screening.next_steps)
    # the hold itself stands: no lifting session above moderate in any week
    tops = _lift_rpe_tops(plan)
    assert tops
    assert max(tops) <= 6


def test_the_way_on_lifts_the_hold() -> None:
    """The plan the warning points to (the same person, made as active) has no hold and
    takes the lifts to RPE 7-8 after its own start."""
    plan = builtin_plan(weeks=8, **{**SMALLEST, "currently_active": True})
    assert all(w.code != CODE for w in plan.warnings)
    assert plan.screening.max_intensity == "vigorous"
    assert max(_lift_rpe_tops(plan)) >= 8
