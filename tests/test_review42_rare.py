"""Session 32, branch rare42: HEAVY-TEMPLATE-REDOSE-TIMING, two existing audit checks
faulting rare strength-first profiles under a moderate intensity ceiling (found in session
31 by strength41, docs/planning.md "Left open (found, not changed)").

HEAVY-TEMPLATE-REDOSE-TIMING (COACHING.md §2, time is honest; who gets the time first)
    `day-over-minutes`: a 64-year-old intermediate strength-first man with type 2 diabetes,
    one 75-minute day with dumbbells, had a 76-minute Monday in weeks 3 and 6 (the reps
    weeks). `steady-shrinks-past-dose`: a 70-year-old advanced woman, strength then muscle,
    type 2 diabetes, two 75-minute days with a kettlebell, walked 54 minutes after lifting
    in week 1 and 53 in weeks 3, 5, 6 and 7 while the week was short of WHO's 150.
    *Cause:* the rules dose the main lifts heavy (3-6 reps, long rests) and the moderate
    ceiling of active people with a metabolic disease re-doses them in every week
    (`intensity.cohere_session`: 8-10 reps, 60-90 s rests). Each week was timed from the
    heavy template (`progress._retimed`), whose minutes time a dose no week does (the
    one-day template: 100 minutes on a 75-minute day): the week's change from it is always
    a cut, so the day's spare minutes never bounded a reps week's growth, and the
    template's roundings were carried into every week. The walks after lifting were sized
    in week 1 beside the template's minutes (`progress._with_dose`), too short for week 1's
    day, and the weeks' lifting grew into the minutes they left, which week 1's walk
    then took (`walks_take_free_minutes`) and the reps weeks' did not.
    *Decision:* where a safety ceiling holds moderate all block (no cautious start), a
    template it re-doses (a lift's reps all above the template's: `progress._redosed`)
    keeps its minutes before rounding (`_exactly_timed`), every week is timed from it as
    re-dosed, and week 1's walks and the mirrored week are sized beside it
    (`progress._as_held`, `_held_mirror`). Checks: the existing `day-over-minutes` and
    `steady-shrinks-past-dose`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan, week_steady_minutes
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
DAY_OVER = "day-over-minutes"
STEADY = "steady-shrinks-past-dose"

# the smallest profiles (docs/planning.md, session 31, branch strength41, "Left open")
ONE_DAY = {
    "age": 64,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 1,
    "minutes_per_session": 75,
    "conditions": ["type-2-diabetes"],
    "equipment": ["dumbbells"],
}
TWO_DAYS = {
    "age": 70,
    "sex": "female",
    "goals": ["strength", "muscle"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 2,
    "minutes_per_session": 75,
    "conditions": ["type-2-diabetes"],
    "equipment": ["kettlebell"],
}


def _lifting(week: Any) -> list[Any]:
    return [
        s
        for d in week.days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]


def test_one_day_reps_weeks_fit_the_day() -> None:
    """The one 75-minute day: every week's session fits its 75 minutes (weeks 3 and 6 were
    76), its reps weeks keep the higher reps (the progression is not given up for the
    minute), and every lift is dosed at the moderate ceiling's 8 reps or more."""
    plan = builtin_plan(weeks=8, **ONE_DAY)
    for w in plan.weeks:
        lifting = _lifting(w)
        assert len(lifting) == 1
        assert lifting[0].duration_minutes <= 75, w.week
        assert all(e.reps is None or e.reps.min >= 8 for e in lifting[0].exercises)
    first, third = _lifting(plan.weeks[0])[0], _lifting(plan.weeks[2])[0]
    assert [e.name for e in first.exercises] == [e.name for e in third.exercises]
    assert any(
        b.reps.min > a.reps.min
        for a, b in zip(first.exercises, third.exercises, strict=True)
        if a.reps is not None and b.reps is not None
    )
    assert not audit_check(DAY_OVER, ONE_DAY, plan).faults


def test_two_days_walks_hold_through_the_reps_weeks() -> None:
    """The two 75-minute days: the walks after lifting never fall below week 1's in a
    building week (54 -> 53 minutes in weeks 3, 5, 6 and 7), every day within its 75
    minutes, while the week is short of WHO's 150."""
    plan = builtin_plan(weeks=8, **TWO_DAYS)
    first = week_steady_minutes(plan.weeks[0])
    assert first > 0
    for w in plan.weeks[1:]:
        if not w.deload:
            assert week_steady_minutes(w) >= first, w.week
        for d in w.days:
            assert sum(s.duration_minutes for s in d.sessions if not s.optional) <= 75
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert not aerobic.met
    assert audit_check(STEADY, TWO_DAYS, plan).applies
    assert not audit_check(STEADY, TWO_DAYS, plan).faults
    assert not audit_check(DAY_OVER, TWO_DAYS, plan).faults


def _with_week(plan: Any, index: int, change: Any) -> Any:
    weeks = list(plan.weeks)
    week = weeks[index]
    weeks[index] = week.model_copy(
        update={
            "days": [
                d.model_copy(update={"sessions": [change(s) for s in d.sessions]})
                for d in week.days
            ]
        }
    )
    return plan.model_copy(update={"weeks": weeks})


def test_the_checks_fault_the_old_forms() -> None:
    """The plans as the template's timing made them: week 3's session one minute over the
    one 75-minute day, and week 3's walk a minute shorter than week 1's."""
    plan = builtin_plan(weeks=8, **ONE_DAY)
    over = _with_week(
        plan,
        2,
        lambda s: (
            s.model_copy(update={"duration_minutes": 76}) if s.modality.value == "resistance" else s
        ),
    )
    faults = CHECKS[DAY_OVER](parse_profile(ONE_DAY), over, builtin_library()).faults
    assert faults
    assert "76 minutes of 75" in faults[0].what

    plan = builtin_plan(weeks=8, **TWO_DAYS)
    shorter = _with_week(
        plan,
        2,
        lambda s: (
            s.model_copy(update={"duration_minutes": s.duration_minutes - 1})
            if s.modality.value == "endurance" and not s.optional
            else s
        ),
    )
    faults = CHECKS[STEADY](parse_profile(TWO_DAYS), shorter, builtin_library()).faults
    assert faults
    assert faults[0].where == "week 3"


def test_redosed_names_only_a_template_moved_to_higher_reps() -> None:
    """`_redosed` names only a template whose lifts the rules move to a higher rep range (3-6
    to the ceiling's 8 or more); a template held at its own reps is timed from its own
    minutes, as before."""
    from endoprotocol.planner.progress import _redosed

    plan = builtin_plan(weeks=1, **ONE_DAY)
    session = _lifting(plan.weeks[0])[0]
    assert _redosed(session, session) is None
    heavy = session.model_copy(
        update={
            "exercises": [
                e.model_copy(update={"reps": e.reps.model_copy(update={"min": 3, "max": 6})})
                if e.reps is not None
                else e
                for e in session.exercises
            ]
        }
    )
    assert _redosed(heavy, session) is session
    assert _redosed(session, heavy) is None


@st.composite
def capped_strength_first(draw: st.DrawFn) -> dict[str, Any]:
    """Trained strength- or muscle-first people under a moderate ceiling (a metabolic or
    heart disease, or high blood pressure, while active; older ages), 1-6 days of 45-90
    minutes, with a kit that loads a lift heavy."""
    return {
        "age": draw(st.integers(55, 80)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": draw(
            st.sampled_from(
                [
                    ["strength"],
                    ["strength", "muscle"],
                    ["muscle", "strength"],
                    ["strength", "general-health"],
                ]
            )
        ),
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": True,
        "conditions": draw(
            st.sampled_from(
                [
                    ["type-2-diabetes"],
                    ["hypertension"],
                    ["cardiovascular-disease"],
                    ["type-2-diabetes", "hypertension"],
                ]
            )
        ),
        "days_per_week": draw(st.integers(1, 6)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 75, 90])),
        "equipment": draw(
            st.sampled_from(
                [
                    ["dumbbells"],
                    ["kettlebell"],
                    ["barbell", "rack"],
                    ["dumbbells", "bench"],
                    ["barbell", "rack", "dumbbells", "bench"],
                ]
            )
        ),
    }


def test_capped_strength_first_days_and_walks_hold(record_property: Any) -> None:
    audit_property(
        capped_strength_first(),
        {name: CHECKS[name] for name in (DAY_OVER, STEADY)},
        record_property,
        examples=EXAMPLES,
    )
