"""Two trims that picker42's raised rep ranges exposed (session 33; audit seed 21).

TRIM-THEN-FORM-LOSES-A-GROUP (COACHING.md §2, who gets the time first: WHO's two strength
    days beside its aerobic minutes) A 98-year-old fat-loss-first woman on 3 x 60 minutes
    with a barbell: her body-weight squat now runs 12-15 reps, so Monday's trim to the
    lifting's minutes left out the deficit push-up (a landmine press still covers the push
    family) while keeping three sets a lift, and the smallest hard form then cut every lift
    to two sets anyway. The day lost its chest sets - no strength day - for 3 more minutes of
    walking. *Decision:* where the trimmed session's form is no strength day, the untrimmed
    session's own form (at the form's sets) is taken when it is one and frees the walk
    (`SessionBuilder._session`). Check `strength-day-trimmed-for-a-short-walk`.

DROPPED-LIFT-FITS-AT-FEWER-SETS (COACHING.md §2: the first goal's dose before WHO's minutes)
    A 40-year-old advanced woman, muscle then fat loss, one day with a barbell: the
    rear-foot-elevated split squat at 3 x 8-12 no longer fit the day beside the pistol squat,
    so it was left out and a 6-minute walk took its minutes in every week. *Decision:* a lift
    the trim leaves out whole comes back at the most sets (two at least) the lifting's
    minutes still hold (`SessionBuilder._trim`). Check `one-lifting-day-trimmed-for-a-walk`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan, sessions_edited, week_lifting
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
SHORT_WALK = "strength-day-trimmed-for-a-short-walk"
ONE_DAY = "one-lifting-day-trimmed-for-a-walk"

OLDEST = {
    "age": 98,
    "sex": "female",
    "goals": ["fat-loss"],
    "experience": "intermediate",
    "currently_active": True,
    "days_per_week": 3,
    "minutes_per_session": 60,
    "equipment": ["barbell", "bench", "pull-up-bar", "trap-bar", "treadmill"],
}
ONE_DAY_LIFTER = {
    "age": 40,
    "sex": "female",
    "goals": ["muscle", "fat-loss"],
    "experience": "advanced",
    "days_per_week": 1,
    "equipment": ["barbell", "bench", "pull-up-bar", "trap-bar", "bodyweight"],
}


def test_oldest_fat_loss_day_keeps_its_chest_sets() -> None:
    """Monday's smallest hard form keeps the deficit push-up beside the landmine press (the
    chest's hard sets), every major group three hard sets, with a walk after it."""
    plan = builtin_plan(weeks=12, **OLDEST)
    monday = next(d for d in plan.weeks[0].days if d.day.value == "monday")
    lift = next(s for s in monday.sessions if s.modality.value == "resistance")
    names = [e.name for e in lift.exercises]
    assert "Deficit push-up" in names, names
    assert "Landmine press" in names, names
    assert not any("deficit push-up" in n for n in lift.notes), lift.notes
    assert any(s.modality.value == "endurance" for s in monday.sessions)
    assert not audit_check(SHORT_WALK, OLDEST, plan).faults


def test_one_day_lifter_keeps_the_split_squat_at_two_sets() -> None:
    """The split squat comes back at two sets in weeks 1-2 (no longer left out for the
    walk), and the session's note says fewer sets, not the lift's name."""
    plan = builtin_plan(weeks=8, **ONE_DAY_LIFTER)
    for week in plan.weeks[:2]:
        (lift,) = week_lifting(week)
        split = [e for e in lift.exercises if e.name == "Rear-foot-elevated split squat"]
        assert split, [e.name for e in lift.exercises]
        assert split[0].sets == 2
        assert not any("Rear-foot-elevated split squat" in n for n in lift.notes), lift.notes
    assert not audit_check(ONE_DAY, ONE_DAY_LIFTER, plan).faults


def test_the_checks_fault_the_old_sessions() -> None:
    """The old forms: Monday without the deficit push-up, and the one-day session with
    the split squat named as left out beside its walk."""

    def without_push_up(day: str, s: Any) -> Any:
        if day != "monday" or s.modality.value != "resistance":
            return s
        kept = [e for e in s.exercises if e.name != "Deficit push-up"]
        return s.model_copy(update={"exercises": kept})

    old = sessions_edited(builtin_plan(weeks=1, **OLDEST), without_push_up)
    assert audit_check(SHORT_WALK, OLDEST, old).faults

    def split_squat_trimmed(_day: str, s: Any) -> Any:
        if s.modality.value != "resistance":
            return s
        kept = [e for e in s.exercises if e.name != "Rear-foot-elevated split squat"]
        note = "Trimmed to fit 34 minutes: Rear-foot-elevated split squat."
        return s.model_copy(update={"exercises": kept, "notes": [*s.notes, note]})

    old = sessions_edited(builtin_plan(weeks=1, **ONE_DAY_LIFTER), split_squat_trimmed)
    assert any(s.modality.value == "endurance" for d in old.weeks[0].days for s in d.sessions)
    assert audit_check(ONE_DAY, ONE_DAY_LIFTER, old).faults


@st.composite
def kit_rich_people(draw: st.DrawFn) -> dict[str, Any]:
    """One- to three-day people with barbell kit and long days, first goals that trade
    lifting for walks (fat loss, general health) or that keep it (muscle, strength), and
    older ages whose reps run high."""
    first = draw(st.sampled_from(["fat-loss", "general-health", "muscle", "strength"]))
    second = draw(st.sampled_from([[], ["fat-loss"], ["muscle"]]))
    return {
        "age": draw(st.sampled_from([30, 40, 70, 98])),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [first, *[g for g in second if g != first]],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(1, 3)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 75])),
        "equipment": draw(
            st.sampled_from(
                [
                    ["barbell", "bench", "pull-up-bar", "trap-bar", "treadmill"],
                    ["barbell", "bench", "pull-up-bar", "trap-bar", "bodyweight"],
                    ["dumbbells", "bench", "bodyweight"],
                ]
            )
        ),
    }


def test_trims_keep_groups_and_lifts_that_fit(record_property: Any) -> None:
    audit_property(
        kit_rich_people(),
        {SHORT_WALK: CHECKS[SHORT_WALK], ONE_DAY: CHECKS[ONE_DAY]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
