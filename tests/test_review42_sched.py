"""Coach review 42's two schedule kinds: a lifting day traded for four minutes of walking,
and an offered day left empty while WHO's aerobic minutes are short.

LIFTING-DAY-TRADED-FOR-FOUR-MINUTES (COACHING.md §2 and §3) A 40-year-old woman, mood
    first, not active, 3 x 30 minutes, 6 weeks: from week 3 "a second steady session takes
    one lifting day's place ... one lifting day a week remains". Required aerobic minutes
    went 42 -> 46 -> 50 while the hard sets per muscle halved and WHO's two strength days
    were given up. *Cause:* the aerobic-first backbone's trade (K1b, guideline field
    `lifting_yields_to_backbone`) reads week 1's steady work in the scheduler before the
    walks after each short lifting day are placed: it saw one 20-minute walk (the
    build-up's start) where the built week holds 42 minutes. *Decision:* the block is also
    built with every lifting day kept, and that one is taken when its week 1 already holds
    more than the build-up's start or its own steady work grows in every building week
    from the trade's week on (`build._backbone_grows`). Check
    `lifting-day-traded-while-walks-have-room`.

WHO-SHORT-WITH-OFFERED-DAY-EMPTY (COACHING.md §2) A 27-year-old woman, strength first,
    active, 7 x 30 minutes, kettlebell: 75 of 150 WHO minutes and Sunday - the day the plan
    keeps light for recovery - held nothing, not even the easy walk the advice allows.
    *Cause:* the optional walks are asked at moderate effort and a moderate walk does not
    fit the one rest day (`core/recovery-rest-day`), so nothing was placed there.
    *Decision:* while the aerobic guideline is short, an offered day holding nothing takes
    the optional walk as an easy, light one (`Scheduler._easy_walks_on_light_days`); the
    rest day stays a rest day. Check `who-short-with-empty-offered-day`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan, Week
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
TRADED = "lifting-day-traded-while-walks-have-room"
EMPTY = "who-short-with-empty-offered-day"

# /tmp/s32/coach42/min/md1.yaml (--weeks 6)
MD1 = {
    "age": 40,
    "sex": "female",
    "goals": ["mood-cognition"],
    "experience": "beginner",
    "currently_active": False,
    "days_per_week": 3,
    "minutes_per_session": 30,
}
# /tmp/s32/coach42/min/e7_30.yaml
E7_30 = {
    "age": 27,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 7,
    "minutes_per_session": 30,
    "equipment": ["kettlebell"],
}


def _lifting_days(week: Week) -> list[str]:
    return [
        d.day.value
        for d in week.days
        if any(s.modality.value == "resistance" and not s.optional for s in d.sessions)
    ]


def test_md1_keeps_two_strength_days_in_every_week() -> None:
    """Both short full-body days stay in every week, each with its walk after it; no week
    says a steady session takes a lifting day's place, and no warning gives up WHO's two
    strength days."""
    plan = builtin_plan(weeks=6, **MD1)
    for week in plan.weeks:
        assert _lifting_days(week) == ["monday", "friday"], week.week
        assert not any("takes one lifting day's place" in n for n in week.notes), week.notes
    assert not any("gives way to a second steady session" in w.message for w in plan.warnings)
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    assert "not met from then on" not in strength.detail
    assert not audit_check(TRADED, MD1, plan).faults


def test_the_traded_check_faults_the_old_plan() -> None:
    """The old form: from week 3 Friday's lifting is gone (a walk in its place)."""
    plan = builtin_plan(weeks=6, **MD1)
    weeks = []
    for week in plan.weeks:
        if week.week >= 3:
            days = [
                d.model_copy(
                    update={"sessions": [s for s in d.sessions if s.modality.value != "resistance"]}
                )
                if d.day.value == "friday"
                else d
                for d in week.days
            ]
            week = week.model_copy(update={"days": days})
        weeks.append(week)
    old = plan.model_copy(update={"weeks": weeks})
    faults = CHECKS[TRADED](parse_profile(MD1), old, builtin_library()).faults
    assert faults
    assert faults[0].where == "week 3"


def test_e7_30_sunday_holds_an_easy_walk() -> None:
    """The seventh day, kept light for recovery, holds an optional easy walk (light effort,
    RPE 3-4); the rest day stays light, every other day keeps its session."""
    plan = builtin_plan(weeks=2, **E7_30)
    for week in plan.weeks:
        assert all(d.sessions for d in week.days), week.week
        sunday = week.days[6].sessions
        assert len(sunday) == 1
        walk = sunday[0]
        assert walk.modality.value == "endurance"
        assert walk.optional
        assert walk.intensity_class.value == "light"
        assert walk.title == "Easy walk"
    assert not audit_check(EMPTY, E7_30, plan).faults


def test_e7_25_and_e7_45_also_fill_the_light_day() -> None:
    for minutes in (25, 45):
        data = {**E7_30, "minutes_per_session": minutes}
        plan = builtin_plan(weeks=1, **data)
        assert plan.weeks[0].days[6].sessions, minutes
        assert not audit_check(EMPTY, data, plan).faults


def test_the_empty_day_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=1, **E7_30)
    week = plan.weeks[0]
    days = [
        d.model_copy(update={"sessions": []}) if d.day.value == "sunday" else d for d in week.days
    ]
    old: Plan = plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})
    faults = CHECKS[EMPTY](parse_profile(E7_30), old, builtin_library()).faults
    assert faults
    assert "sunday" in faults[0].where


@st.composite
def aerobic_first_not_active(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active whose first goal is aerobic, on two to four short days."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["endurance", "stress-resilience", "mood-cognition"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate"])),
        "currently_active": False,
        "days_per_week": draw(st.integers(2, 4)),
        "minutes_per_session": draw(st.sampled_from([20, 25, 30, 35, 40, 45])),
        "equipment": draw(
            st.sampled_from([["bodyweight"], ["dumbbells", "bands", "bodyweight"], ["kettlebell"]])
        ),
    }


@st.composite
def many_short_days(draw: st.DrawFn) -> dict[str, Any]:
    """People on five to seven short days, where the rest day may be an offered one."""
    active = draw(st.booleans())
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(st.sampled_from(["strength", "muscle", "general-health", "fat-loss", "endurance"]))
        ],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])) if active else "beginner",
        "currently_active": active,
        "days_per_week": draw(st.integers(5, 7)),
        "minutes_per_session": draw(st.sampled_from([20, 25, 30, 45, 60])),
        "equipment": draw(
            st.sampled_from([["kettlebell"], ["dumbbells", "bench"], ["bodyweight"]])
        ),
    }


def test_no_lifting_day_traded_while_walks_have_room(record_property: Any) -> None:
    audit_property(
        aerobic_first_not_active(),
        {TRADED: CHECKS[TRADED]},
        record_property,
        examples=EXAMPLES,
        weeks=6,
    )


def test_no_offered_day_empty_while_who_is_short(record_property: Any) -> None:
    audit_property(
        many_short_days(), {EMPTY: CHECKS[EMPTY]}, record_property, examples=EXAMPLES, weeks=1
    )


def test_the_trade_stays_for_a_week_held_at_the_build_ups_start() -> None:
    """`build._backbone_grows` keeps K1b's trade where it was meant: a block built with every
    lifting day kept whose week 1 holds no more than the build-up's start (20 minutes) and
    whose steady work stays there; it keeps the lifting days for md1's block (42 minutes in
    week 1) and for a block whose own steady work grows from the trade's week on."""
    from endoprotocol.build import _backbone_grows

    kept = builtin_plan(weeks=6, **MD1).weeks
    assert _backbone_grows(kept, 3, 20)

    def walk_minutes(week: Week, minutes: int) -> Week:
        days = []
        for d in week.days:
            sessions = [
                s.model_copy(
                    update={
                        "exercises": [
                            e.model_copy(
                                update={
                                    "work_seconds": e.work_seconds.model_copy(
                                        update={"min": minutes * 60, "max": minutes * 60}
                                    )
                                }
                            )
                            if e.work_seconds is not None
                            else e
                            for e in s.exercises
                        ]
                    }
                )
                if s.modality.value == "endurance" and not s.optional and d.day.value == "wednesday"
                else s
                for s in d.sessions
                if not (s.modality.value == "endurance" and d.day.value != "wednesday")
            ]
            days.append(d.model_copy(update={"sessions": sessions}))
        return week.model_copy(update={"days": days})

    flat = [walk_minutes(w, 20) for w in kept]
    assert not _backbone_grows(flat, 3, 20)
    growing = [walk_minutes(w, 20 if w.week < 3 else 25) for w in kept]
    assert _backbone_grows(growing, 3, 20)
