"""Coach review 40's BALANCE-SESSION-MINUTES-EMPTY: a balance session alone on its day takes
a short warm-up of its own and holds at least half its minutes in holds and rests; the check
faulting the old sessions, and a property over older people.

BALANCE-SESSION-MINUTES-EMPTY (COACHING.md §1 and §2) A 70-year-old man, general health,
    3 days of 45 minutes: Monday's "Balance practice ~5 min" after lifting held each hold
    2 x 20-40 s, Sunday's optional "Balance practice ~15 min" alone on its day held each
    hold once (about 2-3 minutes with rests); the review's p20 (76, 60-minute days) had a
    required Friday "Balance practice ~20 min" of three single holds, counted as one of
    WHO's three balance days. *Cause:* a session that opens its day carries the day's
    warm-up and cool-down, and from 65 on days of 30 minutes or more that was the older
    adult's long one (`safety/older-adult-warm-up`: 10 + 5, and a 10-minute cool-down with
    uncontrolled blood pressure), so the rules' 15-20 minutes left the holds 0-5 of them.
    *Decision:* a session of light balance or mobility holds alone on its day takes a short
    warm-up and cool-down of its own (`core/light-session-warm-up`: 3 + 2, its first holds
    with support and easy marching); the long warm-up (and uncontrolled blood pressure's long
    cool-down) stays for every session with moderate or harder work, which a balance session
    on the same day follows; a deload leaves balance sets alone. Check
    `balance-minutes-empty`.
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
CHECK = "balance-minutes-empty"

# /tmp/s30/coach40/min/BALANCE-SESSION-MINUTES-EMPTY.yaml
SMALLEST = {"age": 70, "sex": "male", "goals": ["general-health"]}
# the review's p20: a required balance day on a 60-minute offered day
P20 = {
    "age": 76,
    "sex": "male",
    "goals": ["bone-density", "strength"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 6,
    "minutes_per_session": 60,
    "equipment": ["barbell", "dumbbells", "rower", "bench", "pull-up-bar", "rack"],
    "conditions": ["overtraining-symptoms", "poor-sleep"],
}


def _balance(plan: Any) -> list[tuple[int, Any, int, Any]]:
    """(week, day, index on the day, session) of every balance session."""
    return [
        (w.week, d, i, s)
        for w in plan.weeks
        for d in w.days
        for i, s in enumerate(d.sessions)
        if s.modality.value == "balance"
    ]


def _holds_seconds(s: Any) -> float:
    """The session's holds and rests at the top of their ranges."""
    return sum(
        e.sets * (e.work_seconds.max + (e.rest_seconds.max if e.rest_seconds else 0))
        for e in s.exercises
    )


TEN_MINUTES = "Take at least ten minutes to warm up"
UNCONTROLLED = {**SMALLEST, "conditions": ["uncontrolled-hypertension"]}


def test_smallest_profile_optional_practice_fits_the_optional_cap() -> None:
    """Sunday's optional practice alone on its day: at most the 15 minutes of an optional
    routine (DESIGN.md v1.1), at least half of them holds and rests, two sets or more of
    each hold, and its warm-up the light session's own, not the older adult's ten minutes."""
    plan = builtin_plan(weeks=4, **SMALLEST)
    sessions = _balance(plan)
    alone = [s for _, d, i, s in sessions if d.day.value == "sunday" and i == 0]
    joined = [s for _, d, i, s in sessions if i > 0]
    assert alone
    assert joined
    for s in alone:
        assert s.optional
        assert 10 <= s.duration_minutes <= 15
        assert all(e.sets >= 2 for e in s.exercises)
        assert _holds_seconds(s) >= 30 * s.duration_minutes
        assert _holds_seconds(s) > max(_holds_seconds(j) for j in joined)
        assert "core/light-session-warm-up" in s.rules
        assert "safety/older-adult-warm-up" not in s.rules
        assert not any(TEN_MINUTES in n for n in s.notes)
        assert any("about three minutes" in n for n in s.notes)
    assert not audit_check(CHECK, SMALLEST, plan).faults
    assert not audit_check("optional-extra-oversized", SMALLEST, plan).faults


def test_moderate_work_keeps_the_long_warm_up() -> None:
    """The lifting and the walks keep the older adult's ten-minute warm-up (a walk alone on
    its day: 10 + 5 minutes around its brisk minutes), and a balance session on a day with
    them follows them rather than leading the day on its short warm-up."""
    plan = builtin_plan(weeks=4, **SMALLEST)
    for w in plan.weeks:
        for d in w.days:
            for i, s in enumerate(d.sessions):
                if s.modality.value in ("resistance", "endurance"):
                    assert "safety/older-adult-warm-up" in s.rules
                    # said on the session that warms up; one after required moderate work
                    # on the day shares its warm-up and is not told it again (coach review
                    # 42, WORDS-CONTRADICT-PLAN)
                    after = any(
                        not o.optional and o.modality.value in ("resistance", "endurance")
                        for o in d.sessions[:i]
                    )
                    assert any(TEN_MINUTES in n for n in s.notes) != after, (w.week, d.day)
                if s.modality.value in ("balance", "mobility") and i == 0:
                    assert all(o.modality.value in ("balance", "mobility") for o in d.sessions), (
                        w.week,
                        d.day,
                    )
    wednesday = plan.weeks[0].days[2].sessions[0]
    assert wednesday.modality.value == "endurance"
    assert wednesday.duration_minutes == 15 + wednesday.exercises[0].work_seconds.max // 60


def test_uncontrolled_blood_pressure_alone_practice_holds_its_minutes() -> None:
    """With uncontrolled blood pressure the walks and lifting keep their ten-minute cool-down
    (`safety/bp-uncontrolled-cool-down`), and a balance practice alone on its day its short
    one: it held 4 holds in 30 minutes before (a 20-minute warm-up and cool-down)."""
    plan = builtin_plan(weeks=4, **UNCONTROLLED)
    alone = [s for _, _, i, s in _balance(plan) if i == 0]
    assert alone
    for s in alone:
        assert "safety/bp-uncontrolled-cool-down" not in s.rules
        assert _holds_seconds(s) >= 30 * s.duration_minutes
    walks = [
        s for w in plan.weeks for d in w.days for s in d.sessions if s.modality.value == "endurance"
    ]
    assert walks
    assert all("safety/bp-uncontrolled-cool-down" in s.rules for s in walks)
    assert not audit_check(CHECK, UNCONTROLLED, plan).faults
    assert not audit_check("optional-extra-oversized", UNCONTROLLED, plan).faults


def test_required_balance_day_holds_a_real_dose() -> None:
    """p20's Friday, one of WHO's three balance days, alone on a 60-minute day: every hold
    two sets or more, nine sets in all, at least half its minutes holds and rests."""
    plan = builtin_plan(weeks=4, **P20)
    required_alone = [s for _, _, i, s in _balance(plan) if i == 0 and not s.optional]
    assert required_alone
    for s in required_alone:
        assert all(e.sets >= 2 for e in s.exercises)
        assert sum(e.sets for e in s.exercises) >= 9
        assert _holds_seconds(s) >= 30 * s.duration_minutes
    assert not audit_check(CHECK, P20, plan).faults


def test_the_check_faults_the_old_sessions() -> None:
    plan = builtin_plan(weeks=1, **SMALLEST)
    week = plan.weeks[0]
    days = []
    for d in week.days:
        sessions = []
        for i, s in enumerate(d.sessions):
            if s.modality.value == "balance" and i == 0:
                # the old shape: 15 minutes listed, three holds done once
                s = s.model_copy(
                    update={
                        "duration_minutes": 15,
                        "exercises": [e.model_copy(update={"sets": 1}) for e in s.exercises[:3]],
                    }
                )
            sessions.append(s)
        days.append(d.model_copy(update={"sessions": sessions}))
    old = plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    assert faults
    assert "listed 15 min" in faults[0].what


@st.composite
def older_people(draw: st.DrawFn) -> dict[str, Any]:
    """People of 65 and over (balance practice on three days), on short and long days."""
    return {
        "age": draw(st.integers(65, 90)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["general-health", "strength", "bone-density"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "conditions": draw(st.sampled_from([[], ["falls-history"], ["hypertension"]])),
        "days_per_week": draw(st.integers(1, 6)),
        "minutes_per_session": draw(st.sampled_from([20, 30, 45, 60, 90])),
    }


def test_balance_sessions_hold_their_minutes(record_property: Any) -> None:
    audit_property(older_people(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
