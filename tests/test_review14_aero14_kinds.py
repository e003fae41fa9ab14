"""Coach review 14's aerobic kinds (branch aero14), each with its smallest profile as a named
test and a property over the people the kind is about.

EXTRA-SETS-BEFORE-WHO-AEROBIC (wrong structure) A muscle-first intermediate on 3 x 60 had
    glutes at 19 and shoulders at 18.5 hard sets in week 1 (an Arnold press, an overhead
    press and a lateral raise at 3 sets on top of the presses' and rows' credit) while her
    walks after lifting gave 56 of WHO's 150 minutes. COACHING.md §2 orders the first goal's
    minimum dose, then WHO's minimums, then more for the first goal: week 1's sets past about
    12 a group now come off lifts on days with a walk after lifting (never a muscle under
    10, a lift under 2 sets or a WHO strength day), and the walk takes the minutes, until
    the walks reach the target. Check `extra-sets-before-who-aerobic`.
AEROBIC-FLAT-NEVER-BUILDS (wrong dose) An 88-year-old general-health beginner on 3 x 30 had
    one required 10-minute walk a week for 12 weeks and no week said why. Her days hold the
    older warm-up, strength and balance work the safety rules put first, so the walk cannot
    grow within them; week 1 now says so, with a way to build up outside them. Check
    `aerobic-flat-never-builds`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    aerobic_flat_never_builds,
    extra_sets_before_who_aerobic,
    major_group_sets,
)
from endoprotocol.plan import hard_sets_by_muscle
from tests.builtin import (
    audit_check,
    builtin_plan,
    guideline,
    required_sessions,
    week_lifting,
    week_lifting_sets,
)
from tests.strategies import audit_property, profiles
from tests.test_dose7_kinds import trained_lifters

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

EXTRA_SETS = {  # /tmp/coach14/min/EXTRA-SETS-BEFORE-WHO-AEROBIC.yaml
    "age": 40,
    "sex": "female",
    "goals": ["muscle"],
    "experience": "intermediate",
    "currently_active": True,
    "minutes_per_session": 60,
}

FIT_70 = {  # /tmp/coach14/profiles/05-fit-70-strength-htn.yaml
    "age": 70,
    "sex": "male",
    "goals": ["strength", "muscle"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["hypertension"],
    "blood_pressure": {"systolic": 138, "diastolic": 84},
    "days": ["monday", "tuesday", "thursday", "friday"],
    "minutes_per_session": 75,
    "equipment": ["barbell", "dumbbells", "machines", "bodyweight", "bike"],
    "screening": {"heart_condition_or_high_blood_pressure": True, "prescribed_medication": True},
}

FLAT = {  # /tmp/coach14/min/AEROBIC-FLAT-NEVER-BUILDS.yaml
    "age": 88,
    "sex": "female",
    "goals": ["general-health"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}


def test_a_dosed_lifter_gives_her_extra_shoulder_sets_to_the_walks() -> None:
    plan = builtin_plan(**EXTRA_SETS)
    groups = major_group_sets(week_lifting(plan.weeks[0]))
    # shoulders were at 18.5 (three shoulder lifts at 3 sets beside the presses and rows)
    assert groups["shoulders"] <= 15, groups
    # the dose stays: every major muscle 10 or more, the hamstrings too (the squats' glute
    # credit does not hide them)
    muscles = hard_sets_by_muscle(week_lifting(plan.weeks[0]))
    for m in ("chest", "back", "quads", "hamstrings", "glutes", "shoulders"):
        assert muscles[m] >= 10, (m, muscles)
    for s in week_lifting(plan.weeks[0]):
        assert all(e.sets >= 2 for e in s.exercises), s.exercises
    # the walks after lifting take the minutes: 56 -> 65 required aerobic minutes
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.value >= 62, aerobic
    walks = [
        s
        for day in ("monday", "wednesday", "friday")
        for s in required_sessions(plan, day)
        if s.modality.value == "endurance"
    ]
    assert sum(s.duration_minutes for s in walks) >= 62
    assert guideline(plan, "who-2020-strength").met
    # the mirrored week keeps the dose too
    assert min(major_group_sets(week_lifting(plan.weeks[1])).values()) >= 10
    verdict = audit_check("extra-sets-before-who-aerobic", EXTRA_SETS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_a_lifter_nine_minutes_short_meets_who_in_week_one() -> None:
    """Coach review 14, plan 05: 141 of 150 with back at 18 and hips at 16.5."""
    plan = builtin_plan(**FIT_70)
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.met, aerobic
    assert aerobic.value >= 150, aerobic
    assert min(major_group_sets(week_lifting(plan.weeks[0])).values()) >= 10
    # since coach review 17 (TRAINED-VOLUME-STARTS-AT-CEILING) week 1 starts near the
    # dose's top whatever the walks need (48+ -> 45 sets), and the block then adds sets
    # into the minutes that frees (45, 46, 47): the walks take them only up to WHO's 150.
    # Since knee lifts credit the glutes at half (session 15) week 1's back squat keeps its
    # third set and its rides reached 159, every day holding its 75 minutes, so the block
    # added no sets. Since coach review 41 (SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT) the rides
    # after lifting stop at WHO's 150 and the minutes past it are the block's added sets'
    # (week 3: 45 -> 49)
    assert aerobic.value == 150, aerobic
    sets = [week_lifting_sets(w) for w in plan.weeks[:3]]
    assert sets == [45, 45, 49], sets
    for week in plan.weeks[:3]:
        for day in week.days:
            if any(not s.optional for s in day.sessions):
                used = sum(s.duration_minutes for s in day.sessions if not s.optional)
                assert used <= 75, (week.week, day.day, used)


def test_dosed_lifters_hold_no_set_past_the_dose_while_aerobic_is_short(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_lifters(),
        {"extra-sets-before-who-aerobic": extra_sets_before_who_aerobic},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


def test_an_inactive_persons_flat_walk_says_why() -> None:
    """Since coach review 16 her two 30-minute lifting days are their main lifts with a
    7-minute walk after each (required aerobic 10 -> 24); from week 9 the older start's
    exit sets take those walks back (OLDER-ONE-SET's decision), and that week says so, so
    week 1 says the steady work "grows no further than about 24 minutes a week in this
    block" (it said "stays at about", which week 9 would make false)."""
    plan = builtin_plan(**FLAT)
    aerobic = guideline(plan, "who-2020-aerobic")
    assert not aerobic.met
    # was 10; 24 on branch aero16, 22 on the merged main: coach review 16 gives her a
    # counter-supported hip hinge (10-15 reps) in place of the dowel drill, a minute a day;
    # 20 since coach review 30 gives her a pull, the standing wall elbow press
    # (FRAIL-PREGNANT-NO-PULL)
    assert aerobic.value == 20
    notes = " ".join(plan.weeks[0].notes)
    assert "grows no further than about 20 minutes a week in this block" in notes
    assert "5 minutes longer every week or two" in notes
    # since coach review 17 (FIRST-GOAL-AEROBIC-ABSENT) the older start's exit sets no
    # longer take the walks after her main lifts (the first goal's aerobic dose comes
    # first): her sets rise only as far as the walk's spare minutes allow
    assert not any("minutes shorter" in n for n in plan.weeks[8].notes), plan.weeks[8].notes
    verdict = audit_check("aerobic-flat-never-builds", FLAT, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_a_build_up_that_grows_says_nothing_of_a_flat_walk() -> None:
    data = {**FLAT, "age": 50, "minutes_per_session": 60}
    plan = builtin_plan(**data)
    assert not any("in this block: your days" in n for w in plan.weeks for n in w.notes)
    verdict = audit_check("aerobic-flat-never-builds", data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


@st.composite
def inactive_aerobic_built(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active whose first goal is built on aerobic work, on 2-5 days of
    20-90 minutes."""
    data = draw(profiles())
    data["currently_active"] = False
    first = draw(
        st.sampled_from(
            ["general-health", "insulin-sensitivity", "fat-loss", "endurance", "stress-resilience"]
        )
    )
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 5))
    data["minutes_per_session"] = draw(st.integers(20, 90))
    return data


def test_inactive_people_build_up_or_are_told_why_not(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        inactive_aerobic_built(),
        {"aerobic-flat-never-builds": aerobic_flat_never_builds},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
