"""Coach review 30's selection kinds (branch select30; /tmp/s23/coach30/REPORT.md F5 and F6),
each with its smallest profile as a named test, a test that the audit's check faults the old
plan, and a property over the people the kind is about.

BEGINNER-GETS-FULL-PUSH-UP (fit; coherent intensity) A 60-year-old beginner woman with body
    weight alone had "Push-up: 3 x 8-12, RPE 5-6, 4-5 RIR" on both lifting days: 8-12 full
    push-ups with 4-5 in reserve need a 12-17-rep maximum, which few untrained women have, so
    reps and reserve could not both be met (COACHING.md §1 "beginners get stable, simple
    versions before ... technical ones", §3). *Cause:* the library listed the full push-up as
    a beginner lift, so it outranked the incline push-up (an entry-level `regression`) for
    everyone under 65. *Decision:* the push-up is an intermediate lift; a beginner presses on
    an incline (whose height sets how hard it is), every lifting day, the wall push-up staying
    its alternative; a trained lifter's ranking keeps a harder rung of the push-up (`ladder:
    progression`, the decline push-up now one) before the plain push-up, so trained plans are
    unchanged. Check `beginner-full-bodyweight-press`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SELECTION_CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, plan_names, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/s23/coach30/min/m_beginner_pushup.yaml (beginner and not active are the defaults)
BEGINNER_PUSHUP = {
    "age": 60,
    "sex": "female",
    "goals": ["general-health"],
    "equipment": ["bodyweight"],
}
FULL_PRESSES = {
    "Push-up",
    "Decline push-up",
    "Weighted push-up",
    "Deficit push-up",
    "Feet-elevated push-up",
    "Pike push-up",
}


def _presses(plan: Plan) -> list[tuple[int, str, str, Any]]:
    """Each required lifting session's horizontal presses: (week, session, name, exercise)."""
    return [
        (week.week, s.title, e.name, e)
        for week in plan.weeks
        for s in week_lifting(week)
        for e in s.exercises
        if e.pattern.value == "horizontal-push"
    ]


def test_the_smallest_profile_presses_on_an_incline_every_lifting_day() -> None:
    plan = builtin_plan(weeks=4, **BEGINNER_PUSHUP)
    presses = _presses(plan)
    # was "Push-up: 3 x 8-12, RPE 5-6, 4-5 RIR" on Monday and Friday of every week
    assert {name for _w, _t, name, _e in presses} == {"Incline push-up"}
    assert {title for w, title, *_ in presses if w == 1} == {"Full body A", "Full body B"}
    first = presses[0][3]
    assert first.sets == 3
    assert first.reps is not None
    # (its 8-12 slot starts at the incline push-up's own 10 reps: coach review 42,
    # REP-RANGE-BELOW-OWN-MIN-REPS)
    assert (first.reps.min, first.reps.max) == (10, 12)
    assert first.intensity.rpe is not None
    assert first.intensity.rpe.min == 5
    # the wall push-up is the alternative for a set she cannot yet do, never a day's press
    assert first.alternatives == ["Wall push-up"]
    assert not plan_names(plan) & FULL_PRESSES
    verdict = audit_check("beginner-full-bodyweight-press", BEGINNER_PUSHUP, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_an_active_beginner_with_shoulder_pain_presses_on_an_incline() -> None:
    """The review's p20 (60, beginner, active, shoulder pain, a bike and a rower): the
    near-maximal floor press is gone; the incline push-up is the high-incline press the
    shoulder-pain warning promises."""
    person = {
        **BEGINNER_PUSHUP,
        "conditions": ["shoulder-pain"],
        "currently_active": True,
        "equipment": ["bike", "rower"],
    }
    plan = builtin_plan(weeks=4, **person)
    assert {name for *_, name, _e in _presses(plan)} == {"Incline push-up"}
    assert not audit_check("beginner-full-bodyweight-press", person, plan).faults


def test_trained_lifters_keep_their_push_up_rungs() -> None:
    """An intermediate and an advanced lifter with body weight alone press as before: the
    push-up's harder rungs, never the plain push-up, nor an incline or wall push-up."""
    for level in ("intermediate", "advanced"):
        person = {**BEGINNER_PUSHUP, "age": 30, "experience": level, "currently_active": True}
        names = {name for *_, name, _e in _presses(builtin_plan(weeks=4, **person))}
        assert names, level
        assert names <= FULL_PRESSES - {"Push-up", "Pike push-up"}, (level, names)


def test_the_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=4, **BEGINNER_PUSHUP)
    old = plan.model_copy(deep=True)
    for week in old.weeks:
        for s in week_lifting(week):
            for i, e in enumerate(s.exercises):
                if e.name == "Incline push-up":
                    s.exercises[i] = e.model_copy(update={"name": "Push-up"})
    faults = audit_check("beginner-full-bodyweight-press", BEGINNER_PUSHUP, old).faults
    assert {f.where for f in faults} == {
        f"week {n} {day} '{title}' / Push-up"
        for n in (1, 2, 3, 4)
        for day, title in (("monday", "Full body A"), ("friday", "Full body B"))
    }
    # trained lifters are not what it reads
    trained = {**BEGINNER_PUSHUP, "experience": "intermediate"}
    assert not audit_check("beginner-full-bodyweight-press", trained, old).applies


@st.composite
def beginners(draw: st.DrawFn) -> dict[str, Any]:
    """Beginners of any age, active or not, often with body weight alone or little kit and
    often with shoulder pain: the people a body-weight press is for."""
    data = draw(profiles())
    data["experience"] = "beginner"
    data["equipment"] = draw(
        st.sampled_from([[], ["bodyweight"], ["bands"], ["bike", "rower"], data["equipment"]])
    )
    if draw(st.booleans()):
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "shoulder-pain"]))
    return data


def test_no_beginner_gets_a_full_body_weight_press(record_property: pytest.RecordProperty) -> None:
    audit_property(
        beginners(),
        {
            name: SELECTION_CHECKS[name]
            for name in (
                "beginner-full-bodyweight-press",
                "regression-beside-harder",
                "unstable-pick-over-stable",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
