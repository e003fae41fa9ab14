"""Coach review 26's safety kinds (fresh reviewer on 331c61e, 20 new profiles, /tmp/coach26),
each with its smallest profile as a named test and a property over the people the kind is
about. The review's dose and words kinds are in test_review26_triad_kinds.py and
test_review26_ramp_kinds.py.

OVER45-HARD-STEP (unsafe) A 46-year-old woman, not active, strength first: from week 5 every lift
    at RPE 7-8 and the week classed vigorous, beside the week's own note "This step to harder
    sets waits for the check your screening asks for: ... keep every lift at RPE 5-6". The
    numbers a client follows contradicted the plan's safety note (EVIDENCE.md §2.2, PAR-Q+:
    over 45 and not used to vigorous exercise, consult a qualified exercise professional
    before vigorous work). *Decision:* `safety/parq-over-45-not-used-to-vigorous` sets the
    screening's ceiling at moderate, so the whole block stays at a moderate effort (the lifts
    progress by load, reps and sets; the week the effort would have stepped up names the
    rule). Coach review 4's note-only answer (`vigorous_check_note`) is gone from the rule.
    Check `vigorous-before-check` (it replaced `effort-step-before-check`).

HELD-TARGET-SUGGESTS-FORBIDDEN (unsafe) A 30-year-old man with overtraining symptoms: the block
    holds a third fewer sets (a deload from week 1) and two hard sessions, so no day reaches
    three hard sets a group and WHO's strength days read 0 of 2 - with no rule named and the
    suggestion "a set more on the main lifts, or a second short strength session", exactly
    what the rule holds back (COACHING.md §2). *Decision:* a block that starts with a deload
    and holds it (`deload_now`) holds the strength days: the guideline names the rule and
    suggests nothing. Check `suggestion-against-safety` reads overtraining signs too.

OLDER-DELOAD-WITHOUT-WALKS (dose) A 65-year-old man new to lifting, strength first, 3 x 45
    minutes: the older start's exit sets take the walks after lifting in weeks 5-7 (coach
    review 6's decision, `sets_take_walk`), and week 8's deload, back at one set a lift, kept
    them gone - required aerobic 0 in a week whose lifting took 22 minutes a day, though the
    rule says "a deload keeps it". *Decision:* a deload week's walks stay (its sets are cut
    again). Check `deload-cuts-steady`. (The trade in weeks 5-7 - aerobic 54 -> 0 for two
    strength days from week 7 - is left open: docs/planning.md.)

PREGNANCY-PAST-TERM-BLOCK (unsafe) At pregnancy week 41 or 42 the block ran its full 16 weeks (to
    "pregnancy week 56") with load steps, and no word of the birth; at 38-40 it was cut at
    term with the replan warning. *Decision:* at or past the last week the rules name (41),
    the block is one week with the same warning. Check `pregnancy-block-past-stage` faults a
    block of more than one week at or past term.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS, SAFETY_CHECKS, pregnancy_block_past_stage
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    week_steady_minutes,
    week_top_lift_rpe,
)
from tests.strategies import audit_property, over_45_not_active, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach26/min/over45-hard-step.yaml
OVER_45 = {"age": 46, "sex": "female", "goals": ["strength"]}


def _top_lift_rpe(plan: Any) -> float:
    return max(week_top_lift_rpe(w) for w in plan.weeks)


def test_over_45_and_not_active_no_week_goes_past_moderate() -> None:
    plan = builtin_plan(weeks=8, **OVER_45)
    assert plan.screening.max_intensity == "moderate"
    assert "qualified exercise professional" in " ".join(plan.screening.next_steps)
    assert _top_lift_rpe(plan) <= 6
    assert all(w.max_intensity == "moderate" for w in plan.weeks)
    assert not any(
        s.intensity_class.value == "vigorous"
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
    )
    # the week the effort would have stepped up says what holds it
    said = " ".join(plan.weeks[4].notes)
    assert "safety/parq-over-45-not-used-to-vigorous" in said
    assert not any("waits for the check" in n for w in plan.weeks for n in w.notes)
    # and the block still progresses at that effort
    assert not audit_check("week-does-not-progress", OVER_45, plan).faults
    verdict = audit_check("vigorous-before-check", OVER_45, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_faults_the_old_step() -> None:
    """The same person active is stepped to RPE 7-8 (no check asked); read as the inactive
    person's plan, that step is the fault the check exists for."""
    active = builtin_plan(weeks=8, **OVER_45, currently_active=True)
    assert _top_lift_rpe(active) > 6
    faults = audit_check("vigorous-before-check", OVER_45, active).faults
    assert faults
    assert "RPE" in faults[0].what


def test_under_45_the_effort_still_steps_up() -> None:
    plan = builtin_plan(weeks=8, **{**OVER_45, "age": 44})
    assert plan.screening.max_intensity == "vigorous"
    assert _top_lift_rpe(plan) > 6


def test_no_inactive_person_over_45_gets_vigorous_work(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        over_45_not_active(max_age=100),
        {"vigorous-before-check": PROGRESSION_CHECKS["vigorous-before-check"]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


# /tmp/coach26/min/held-suggestion.yaml
OVERTRAINED = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "conditions": ["overtraining-symptoms"],
}


def test_overtraining_holds_the_strength_days_and_suggests_no_more_sets() -> None:
    plan = builtin_plan(weeks=4, **OVERTRAINED)
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    assert not strength.met
    assert strength.held_by == ["safety/overtraining-symptoms"]
    assert strength.suggestion is None
    assert "a set more" not in strength.detail
    assert "safety/overtraining-symptoms" in strength.detail
    verdict = audit_check("suggestion-against-safety", OVERTRAINED, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_faults_a_strength_suggestion_beside_overtraining() -> None:
    plan = builtin_plan(weeks=4, **OVERTRAINED)
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    strength.held_by = []
    strength.suggestion = "a set more on the main lifts"
    faults = audit_check("suggestion-against-safety", OVERTRAINED, plan).faults
    assert [f.where for f in faults] == ["who-2020-strength"]


@st.composite
def overtrained(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles())
    data["conditions"] = [
        *(c for c in data["conditions"] if c != "overtraining-symptoms"),
        "overtraining-symptoms",
    ][-3:]
    return data


def test_no_overtrained_person_is_told_to_add_sets(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        overtrained(),
        {"suggestion-against-safety": SAFETY_CHECKS["suggestion-against-safety"]},
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )


# /tmp/coach26/min/pregnancy-past-term.yaml
PAST_TERM = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["pregnancy"],
    "pregnancy_week": 41,
}


@pytest.mark.parametrize("week", [40, 41, 42])
def test_a_block_at_or_past_term_is_one_week_with_the_replan_warning(week: int) -> None:
    profile = {**PAST_TERM, "pregnancy_week": week}
    plan = builtin_plan(weeks=16, **profile)
    assert len(plan.weeks) == 1
    replan = [w for w in plan.warnings if w.code == "pregnancy-replan"]
    assert replan
    assert "after the birth" in replan[0].message
    verdict = audit_check("pregnancy-block-past-stage", profile, plan)
    assert not verdict.faults, verdict.faults


def test_the_check_faults_a_long_block_past_term() -> None:
    from endoprotocol import parse_profile

    long_block = builtin_plan(weeks=4, **{**PAST_TERM, "pregnancy_week": 30})
    verdict = pregnancy_block_past_stage(parse_profile(PAST_TERM), long_block, builtin_library())
    assert verdict.faults
    assert "at or past term" in verdict.faults[0].what


@st.composite
def near_term(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles(max_age=45))
    data["sex"] = "female"
    data["therapies"] = [t for t in data["therapies"] if t != "menopausal-hrt"]
    data["conditions"] = [*(c for c in data["conditions"] if c != "pregnancy"), "pregnancy"][-3:]
    data["pregnancy_week"] = draw(st.integers(36, 42))
    return data


def test_no_pregnancy_block_runs_past_term(record_property: pytest.RecordProperty) -> None:
    audit_property(
        near_term(),
        {"pregnancy-block-past-stage": SAFETY_CHECKS["pregnancy-block-past-stage"]},
        record_property,
        examples=EXAMPLES,
        weeks=16,
    )


# /tmp/coach26/min/cautious-load-pct.yaml
OLDER_STRENGTH = {"age": 65, "sex": "male", "goals": ["strength"]}


def test_an_older_beginners_deload_keeps_the_walks() -> None:
    plan = builtin_plan(weeks=8, **OLDER_STRENGTH)
    assert plan.weeks[7].deload
    assert week_steady_minutes(plan.weeks[7]) >= week_steady_minutes(plan.weeks[0]) > 0
    verdict = audit_check("deload-cuts-steady", OLDER_STRENGTH, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_faults_a_deload_without_its_walks() -> None:
    plan = builtin_plan(weeks=8, **OLDER_STRENGTH)
    for day in plan.weeks[7].days:
        day.sessions = [s for s in day.sessions if s.modality.value != "endurance" or s.optional]
    faults = audit_check("deload-cuts-steady", OLDER_STRENGTH, plan).faults
    assert [f.where for f in faults] == ["week 8, monday", "week 8, wednesday", "week 8, friday"]


@st.composite
def older_newcomers(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles(min_age=65, max_age=90))
    data["experience"] = "beginner"
    data["currently_active"] = False
    return data


def test_no_older_newcomers_deload_drops_steady_work(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        older_newcomers(),
        {"deload-cuts-steady": PROGRESSION_CHECKS["deload-cuts-steady"]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
