"""Coach review 40's NON-DELOAD-WEEKS-IDENTICAL (progression): no building week is a silent
copy of the week before; the check faulting the old block, and a property over blocks
longer than one mesocycle.

NON-DELOAD-WEEKS-IDENTICAL (COACHING.md §3) A 50-year-old man with heart disease, endurance
    first, intermediate and active, a bike only, 8 weeks: weeks 5, 6 and 7 the same line for
    line (2 x 10-12 body-weight lifts at RPE 6 with a slowed lowering, rides of 25, 45 and 25
    minutes at RPE 5-6). *Cause:* the lifts held at their top with no harder rung, the rides
    filled the 45-minute days, the heart-disease rule capped effort at moderate and the
    block's set step waits for WHO's aerobic minutes; `week-repeats-previous` passed the
    whole week on the lifts' "hold where they are" note. *Decision:* the first building week
    that would repeat the week before moves its moderate steady sessions to the upper part
    of their band (RPE 6, 70-76 % HRmax), for good (`progress.standing_weeks_step`); a later
    week with nothing left open says so and why (`messages.week_stands`). Check
    `non-deload-weeks-identical`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "non-deload-weeks-identical"

# /tmp/s30/coach40/min/NON-DELOAD-WEEKS-IDENTICAL.yaml
HEART_ENDURANCE = {
    "age": 50,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["bike"],
    "conditions": ["cardiovascular-disease"],
}


def _rides(week: Any) -> list[Any]:
    return [
        s
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    ]


def test_the_smallest_profile_steps_its_rides_then_says_why() -> None:
    plan = builtin_plan(weeks=8, **HEART_ENDURANCE)
    assert not audit_check(CHECK, HEART_ENDURANCE, plan).faults
    assert not audit_check("week-repeats-previous", HEART_ENDURANCE, plan).faults
    week5, week6, week7 = plan.weeks[4:7]
    assert _rides(week5)  # the rides the step reads (not an empty all())
    assert _rides(week6)
    assert all(s.intensity.rpe is not None for s in _rides(week5) + _rides(week6))
    assert all(s.intensity.rpe.min == 5 for s in _rides(week5))
    # week 6 rides in the upper part of the same moderate band: no cap passed
    assert all(s.intensity.rpe.min == s.intensity.rpe.max == 6 for s in _rides(week6))
    assert all(s.intensity.hr_max_pct.max == 76 for s in _rides(week6))
    assert any("upper part" in n for n in week6.notes)
    # week 7 has nothing left open, and says so
    messages = builtin_library().design.messages
    assert messages.week_stands in week7.notes


def test_the_check_faults_the_old_block() -> None:
    plan = builtin_plan(weeks=8, **HEART_ENDURANCE)
    # the old block: weeks 6 and 7 week 5's sessions, with no word of their own
    week5 = plan.weeks[4]
    old_weeks = [
        *plan.weeks[:5],
        *(
            week5.model_copy(update={"week": n, "notes": []})
            for n in (plan.weeks[5].week, plan.weeks[6].week)
        ),
        plan.weeks[7],
    ]
    old = plan.model_copy(update={"weeks": old_weeks})
    faults = CHECKS[CHECK](parse_profile(HEART_ENDURANCE), old, builtin_library()).faults
    assert [f.where for f in faults] == ["week 6", "week 7"]
    assert "steady effort could still step up" in faults[0].what
    # a repeated week whose effort is used up still faults without its word
    quiet = [w.model_copy(update={"notes": []}) if w.week == 7 else w for w in plan.weeks]
    faults = CHECKS[CHECK](
        parse_profile(HEART_ENDURANCE),
        plan.model_copy(update={"weeks": quiet}),
        builtin_library(),
    ).faults
    assert [f.where for f in faults] == ["week 7"]
    assert "do not say why" in faults[0].what


@st.composite
def capped_endurance(draw: st.DrawFn) -> dict[str, Any]:
    """Endurance-first and health-first people whose effort a rule may cap at moderate,
    with short days."""
    return {
        "age": draw(st.integers(35, 85)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": draw(st.sampled_from([["endurance"], ["endurance", "general-health"]])),
        "experience": draw(st.sampled_from(["beginner", "intermediate"])),
        "currently_active": draw(st.booleans()),
        "equipment": draw(st.sampled_from([["bike"], ["bodyweight"], ["bike", "treadmill"]])),
        "conditions": draw(st.sampled_from([[], ["cardiovascular-disease"]])),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60])),
    }


def test_building_weeks_step_or_say_why(record_property: Any) -> None:
    audit_property(
        capped_endurance(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=8
    )
