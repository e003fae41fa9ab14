"""Coach review 42's WORDS-CONTRADICT-PLAN and LISTED-TREADMILL-DROPPED-FOR-KNEE: every
sentence agrees with the plan or session it is attached to, and an owned treadmill stays in
the plan when a rule vetoes its incline walk; the checks faulting the old forms, and a
property over generated profiles.

WORDS-CONTRADICT-PLAN (COACHING.md §1 and §2), three forms. (a) A 30-year-old woman with an
    acute illness, body weight only, 6 weeks: WHO's strength line said "Held back ... in
    weeks 1-4 ...; from week 5 the required sessions give 2. The plan reaches it in week 3."
    *Cause:* the hold's last week counted the illness's 59 % 1RM limit of weeks 3-4, which
    holds back loaded lifts only (`_week_hold`). *Decision:* the hold the detail names ends
    before the week the plan itself reaches the guideline (`build._held_end`). Check
    `guideline-reached-week-contradicts`. (b) A 70-year-old man with a bike, 3 days of 30
    minutes: the 5-minute rides after the lifting said "Take at least ten minutes to warm
    up". *Cause:* a rule's note goes on every session of its modality. *Decision:* a note
    marked `warm_up` is said once a day, on the first required session carrying it
    (`weekly.true_warm_up_notes`). (c) A 58-year-old with peripheral neuropathy and a
    treadmill: "keep to even ground away from steep slopes" beside "Set a moderate
    incline". *Decision:* where a rule asks for impact-free cardio (so a walk is said with
    that fallback), an uphill walk gives way to its level twin (`SessionBuilder._level_twin`).
    Check `note-contradicts-session`.
LISTED-TREADMILL-DROPPED-FOR-KNEE (COACHING.md §1) A 45-year-old woman with knee pain who
    listed only a treadmill walked outdoors: the library's only treadmill walk was the
    incline one, which knee pain vetoes. *Decision:* a level treadmill walk in the library,
    a stand-in (`instead_of`) for the incline one. Check `owned-machine-dropped`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan, exercises_edited
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
REACHED = "guideline-reached-week-contradicts"
NOTE = "note-contradicts-session"
MACHINE = "owned-machine-dropped"

# /tmp/s32/coach42/min/il2.yaml (--weeks 6)
IL2 = {
    "age": 30,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["acute-illness"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["bodyweight"],
}
# /tmp/s32/coach42/min/wu1.yaml
WU1 = {
    "age": 70,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "beginner",
    "currently_active": True,
    "days_per_week": 3,
    "minutes_per_session": 30,
    "equipment": ["bike"],
}
# /tmp/s32/coach42/min/n1.yaml
N1 = {
    "age": 58,
    "sex": "male",
    "goals": ["insulin-sensitivity"],
    "experience": "beginner",
    "currently_active": False,
    "conditions": ["type-2-diabetes", "peripheral-neuropathy", "retinopathy"],
    "days_per_week": 3,
    "minutes_per_session": 40,
    "equipment": ["treadmill", "dumbbells"],
}
# /tmp/s32/coach42/min/k2.yaml
K2 = {
    "age": 45,
    "sex": "female",
    "goals": ["general-health"],
    "experience": "beginner",
    "currently_active": True,
    "conditions": ["knee-pain"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["treadmill"],
}
TEN_MINUTES = "Take at least ten minutes to warm up"


def _strength(plan: Any) -> Any:
    return next(g for g in plan.guidelines if g.id == "who-2020-strength")


def _steady(plan: Any, *, required: bool = True) -> list[Any]:
    return [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "endurance" and (not required or not s.optional)
    ]


def test_illness_strength_line_says_the_weeks_the_plan_keeps() -> None:
    """The body-weight plan reaches WHO's two strength days in week 3: the line says the
    hold is weeks 1-2 and week 3 gives 2, not "weeks 1-4; from week 5"."""
    for weeks in (4, 6):
        plan = builtin_plan(weeks=weeks, **IL2)
        strength = _strength(plan)
        assert strength.reached_in_week == 3
        assert "Held back on purpose in weeks 1-2" in strength.detail
        assert "from week 3 the required sessions give 2." in strength.detail
        assert "weeks 1-4" not in strength.detail
        assert "week 5" not in strength.detail
        assert not audit_check(REACHED, IL2, plan).faults


def test_short_ride_after_lifting_is_not_told_to_warm_up_ten_minutes() -> None:
    """Monday's and Friday's 5-minute rides follow the lifting and share its warm-up: no
    ten-minute warm-up note on them; the lifting and Wednesday's ride, which open their
    days, keep it."""
    plan = builtin_plan(weeks=4, **WU1)
    for week in plan.weeks:
        for d in week.days:
            required = [s for s in d.sessions if not s.optional]
            for i, s in enumerate(required):
                said = any(TEN_MINUTES in n for n in s.notes)
                if s.modality.value in ("resistance", "endurance"):
                    # said on the first required session of its modalities, only there
                    first = not any(
                        o.modality.value in ("resistance", "endurance") for o in required[:i]
                    )
                    assert said == first, (week.week, d.day, s.title)
                if s.duration_minutes < 10:
                    assert not said
    monday = plan.weeks[0].days[0].sessions
    ride = next(s for s in monday if s.title == "Bike ride")
    assert ride.duration_minutes == 5
    assert not any(TEN_MINUTES in n for n in ride.notes)
    assert any(TEN_MINUTES in n for n in monday[0].notes)
    assert not audit_check(NOTE, WU1, plan).faults


def test_neuropathy_walks_on_a_level_belt() -> None:
    """The walk told to keep to even ground away from steep slopes is the level treadmill
    walk, not the incline one with "set a moderate incline"."""
    plan = builtin_plan(weeks=4, **N1)
    walks = [e for s in _steady(plan, required=False) for e in s.exercises]
    assert any(e.name == "Treadmill walk" for e in walks)
    for e in walks:
        assert e.name != "Treadmill incline walk"
        if "even ground" in (e.notes or ""):
            assert "incline" not in (e.notes or "").lower()
    assert not audit_check(NOTE, N1, plan).faults


def test_knee_pain_keeps_the_owned_treadmill() -> None:
    """The knee may not walk uphill, so the required walks are on the level treadmill walk,
    not outdoor brisk walks; no uphill walk is planned or offered."""
    plan = builtin_plan(weeks=4, **K2)
    required = _steady(plan)
    assert required
    names = {e.name for s in required for e in s.exercises}
    assert names == {"Treadmill walk"}
    for s in _steady(plan, required=False):
        for e in s.exercises:
            assert e.name != "Treadmill incline walk"
            assert "Treadmill incline walk" not in e.alternatives
            assert "flat" in (e.notes or "")
    assert not audit_check(MACHINE, K2, plan).faults
    assert not audit_check("vetoed-tag-in-plan", K2, plan).faults


def _renamed(plan: Any, old: str, new: str) -> Any:
    """The plan with every exercise named `old` renamed `new`."""
    return exercises_edited(
        plan,
        lambda e: e.model_copy(update={"name": new}) if e.name == old else e,
        every_week=True,
    )


def test_the_checks_fault_the_old_forms() -> None:
    library = builtin_library()
    # (a) the old strength line
    plan = builtin_plan(weeks=6, **IL2)
    old_line = (
        "WHO 2020 muscle-strengthening days a week: the required sessions give 0. Held back "
        "on purpose in weeks 1-4 by safety rule(s) safety/illness-delay; from week 5 the "
        "required sessions give 2. The plan reaches it in week 3."
    )
    guidelines = [
        g.model_copy(update={"detail": old_line}) if g.id == "who-2020-strength" else g
        for g in plan.guidelines
    ]
    old = plan.model_copy(update={"guidelines": guidelines})
    faults = CHECKS[REACHED](parse_profile(IL2), old, library).faults
    assert faults
    assert "reached in week 3" in faults[0].what
    # (b) the ten-minute warm-up note back on the 5-minute rides
    plan = builtin_plan(weeks=1, **WU1)
    week = plan.weeks[0]
    days = [
        d.model_copy(
            update={
                "sessions": [
                    s.model_copy(update={"notes": [f"{TEN_MINUTES}.", *s.notes]})
                    if s.duration_minutes < 10 and s.modality.value == "endurance"
                    else s
                    for s in d.sessions
                ]
            }
        )
        for d in week.days
    ]
    old = plan.model_copy(update={"weeks": [week.model_copy(update={"days": days})]})
    faults = CHECKS[NOTE](parse_profile(WU1), old, library).faults
    assert len(faults) == 2
    assert "told to warm up 10" in faults[0].what
    # (c) the incline walk under "keep to even ground"
    old = _renamed(builtin_plan(weeks=1, **N1), "Treadmill walk", "Treadmill incline walk")
    faults = CHECKS[NOTE](parse_profile(N1), old, library).faults
    assert faults
    assert "uphill" in faults[0].what
    # kind 2: outdoor walks in place of the owned treadmill
    old = _renamed(builtin_plan(weeks=1, **K2), "Treadmill walk", "Brisk walk")
    faults = CHECKS[MACHINE](parse_profile(K2), old, library).faults
    assert faults
    assert "treadmill" in faults[0].what


@st.composite
def people(draw: st.DrawFn) -> dict[str, Any]:
    """People who draw the kinds often: older adults on short days (warm-up notes on short
    blocks), a passing illness (a held guideline), neuropathy or knee pain with a treadmill
    (level walks)."""
    kind = draw(st.sampled_from(["older", "illness", "walker"]))
    profile: dict[str, Any] = {
        "age": draw(st.integers(65, 85) if kind == "older" else st.integers(25, 75)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["general-health", "strength", "insulin-sensitivity"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([30, 35, 45, 60])),
        "equipment": draw(
            st.sampled_from(
                [["bike"], ["treadmill"], ["bodyweight"], ["dumbbells"], ["treadmill", "dumbbells"]]
            )
        ),
    }
    if kind == "illness":
        profile["conditions"] = ["acute-illness"]
    elif kind == "walker":
        profile["conditions"] = draw(
            st.sampled_from([["knee-pain"], ["peripheral-neuropathy"], ["type-2-diabetes"]])
        )
    return profile


def test_words_agree_with_the_plan(record_property: Any) -> None:
    audit_property(
        people(),
        {name: CHECKS[name] for name in (REACHED, NOTE, MACHINE)},
        record_property,
        examples=EXAMPLES,
        weeks=6,
    )
