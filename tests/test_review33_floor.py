"""Coach review 33's safety kind FLOOR-LIFT-FOR-OLDER-KNEE-PAIN (branch floor33), with its
smallest profile as a named test, a test that the audit's check faults the old plan, and a
property over the people the kind is about (the review's files: /tmp/s26/coach33).

FLOOR-LIFT-FOR-OLDER-KNEE-PAIN (safety) A 76-year-old woman with knee pain (the review's p03
    adds osteoporosis) did a "Dumbbell floor press" ("Lie on the floor with knees bent...") on
    every lifting day, beside the knee-pain warning's "nothing kneeling or on all fours" and
    the osteoporosis warning's "a fall is the main cause of a fracture". Getting down to the
    floor and up again with dumbbells in hand takes a kneel or a deep loaded knee bend, which
    COACHING.md §4 spares a painful knee, and a fall on the way is likelier from 65 and after
    a fall (World Falls Guidelines 2022) and costlier with fragile bones (Too Fit To Fracture
    2014). *Cause:* only the frail rule (80+, not active) forbade the `floor` tag; the knee
    rule forbade `kneeling` alone. *Decision:* `safety/knee-pain-off-the-floor` forbids the
    `floor` tag for knee pain at 65 and over, after a fall or with osteoporosis or a vertebral
    fracture (frail people keep their own, wider rule), and says so in a warning. Each slot
    takes a standing, seated or bench lift: a standing band chest press, a short-range
    dumbbell bench press on a bench (new: the floor press's range, for people the bench
    press's deep stretch is barred to), an incline push-up, or for a trained lifter a
    low-incline push-up on a stair (new). Check `floor-work-for-knee-pain-older`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import floor_work_for_knee_pain_older
from endoprotocol.plan import Plan
from tests.builtin import (
    audit_check,
    builtin_plan,
    exercise_by_name,
    floor_moves,
    week_lifting,
)
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "floor-work-for-knee-pain-older"
RULE = "safety/knee-pain-off-the-floor"

# /tmp/s26/coach33/min/m_floor_work_knee_pain_older.yaml
OLDER_KNEE = {"age": 76, "sex": "female", "goals": ["strength"], "conditions": ["knee-pain"]}
# /tmp/s26/coach33/p03.yaml
P03 = {
    "age": 76,
    "sex": "female",
    "goals": ["bone-density", "strength"],
    "experience": "beginner",
    "currently_active": False,
    "days": ["tuesday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["dumbbells", "bands", "bodyweight"],
    "conditions": ["osteoporosis", "knee-pain"],
}


def _pushes(plan: Plan, week: int = 1) -> list[list[str]]:
    """Each required lifting session's horizontal pushes in a week."""
    return [
        [e.name for e in s.exercises if e.pattern.value == "horizontal-push"]
        for s in week_lifting(plan.weeks[week - 1])
    ]


def _clean(data: dict[str, Any], plan: Plan) -> None:
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_the_smallest_profile_presses_standing_and_nothing_isfloor_moves() -> None:
    plan = builtin_plan(weeks=1, **OLDER_KNEE)
    # the old plan's Dumbbell floor press, on Monday, Wednesday and Friday, is a standing
    # band chest press (the default kit has bands); each lifting day keeps a horizontal push
    assert _pushes(plan) == [["Standing band chest press"]] * 3
    assert floor_moves(plan) == []
    codes = {w.code: w.message for w in plan.warnings}
    assert "nothing in this plan starts on the floor" in codes["knee-pain-off-the-floor"]
    # the knee warning's promise stands beside it
    assert "nothing kneeling or on all fours" in codes["knee-pain-adjustments"]
    rules = {r for s in week_lifting(plan.weeks[0]) for e in s.exercises for r in e.rules}
    assert RULE in rules or any(RULE in s.rules for s in week_lifting(plan.weeks[0]))
    _clean(OLDER_KNEE, plan)


def test_p03_with_osteoporosis_keeps_off_the_floor_for_all_twelve_weeks() -> None:
    plan = builtin_plan(weeks=12, **P03)
    assert floor_moves(plan) == []
    for week in (1, 5, 9, 12):
        assert _pushes(plan, week) == [["Standing band chest press"]] * 2, week
    codes = {w.code for w in plan.warnings}
    assert {"knee-pain-off-the-floor", "osteoporosis-spine-sparing"} <= codes
    _clean(P03, plan)


@pytest.mark.parametrize(
    ("data", "push"),
    [
        # a bench: the floor press's range on the bench (the bench press's deep stretch is
        # barred from 65 for someone not trained)
        (
            {"age": 70, "sex": "male", "goals": ["strength"], "equipment": ["dumbbells", "bench"]},
            "Short-range dumbbell bench press",
        ),
        # body weight alone, trained: a push-up with the hands on a stair, not on the floor
        (
            {
                "age": 70,
                "sex": "female",
                "goals": ["muscle"],
                "experience": "intermediate",
                "currently_active": True,
                "equipment": ["bodyweight"],
            },
            "Low-incline push-up on a stair",
        ),
        # dumbbells alone: a push-up against a counter, loaded by a dumbbell in a backpack
        # (coach review 42, FALLER-NO-LOADABLE-HORIZONTAL-PRESS: it was the body's weight
        # alone, an incline push-up)
        (
            {"age": 70, "sex": "female", "goals": ["strength"], "equipment": ["dumbbells"]},
            "Counter push-up with a dumbbell in a backpack",
        ),
        # a past fall at 60 with the default kit: both hands on a band are barred (no hand
        # free), so the one-arm band press with the other hand on a wall or counter (coach
        # review 42: it was the unloaded incline push-up)
        (
            {"age": 60, "sex": "female", "goals": ["strength"], "conditions": ["falls-history"]},
            "Supported one-arm band chest press",
        ),
    ],
)
def test_every_kit_keeps_a_horizontal_push_off_the_floor(data: dict[str, Any], push: str) -> None:
    data = {**data, "conditions": ["knee-pain", *data.get("conditions", [])]}
    plan = builtin_plan(weeks=4, **data)
    assert floor_moves(plan) == []
    assert _pushes(plan)[0] == [push]
    assert all(_pushes(plan)), "a lifting day without a horizontal push"
    _clean(data, plan)


def test_the_floor_stays_open_where_the_rule_does_not_reach() -> None:
    """Knee pain at 45 with no fall risk, and osteoporosis at 55 or 70 without knee pain,
    keep the floor open (a prone back extension stays open for the osteoporotic spine). The
    floor press stays at 45 and 55; from 65 fragile bones take no weight to the floor
    (`safety/faller-no-loaded-floor`, coach review 41), so the 70-year-old's press stands."""
    osteoporosis = {"sex": "female", "goals": ["bone-density"], "conditions": ["osteoporosis"]}
    for data in (
        {"age": 45, "sex": "female", "goals": ["strength"], "conditions": ["knee-pain"]},
        {"age": 55, **osteoporosis},
        {"age": 70, **osteoporosis},
    ):
        plan = builtin_plan(weeks=1, **data)
        assert ("Dumbbell floor press" in _pushes(plan)[0]) == (data["age"] < 65)
        assert not any(w.code == "knee-pain-off-the-floor" for w in plan.warnings)
        assert not audit_check(CHECK, data, plan).applies
        if data["age"] >= 65:
            assert "Prone back extension" in floor_moves(plan)


def test_the_check_faults_the_old_plan() -> None:
    """The review's plan: the band chest press back to a dumbbell floor press, and a glute
    bridge offered as an alternative."""
    plan = builtin_plan(weeks=1, **OLDER_KNEE)
    old = plan.model_copy(deep=True)
    floor = exercise_by_name("Dumbbell floor press")
    for s in week_lifting(old.weeks[0]):
        s.exercises = [
            e.model_copy(update={"name": floor.name, "notes": floor.cue})
            if e.name == "Standing band chest press"
            else e
            for e in s.exercises
        ]
    first = week_lifting(old.weeks[0])[0]
    first.exercises[0] = first.exercises[0].model_copy(update={"alternatives": ["Glute bridge"]})
    faults = audit_check(CHECK, OLDER_KNEE, old).faults
    squat = first.exercises[0].name
    assert [(f.where, f.what) for f in faults] == [
        (
            f"week 1 monday 'Full body A' / {squat}",
            "alternative Glute bridge starts on the floor (knee pain at 65 and over)",
        ),
        *(
            (
                f"week 1 {day} '{title}' / Dumbbell floor press",
                "Dumbbell floor press starts on the floor (knee pain at 65 and over)",
            )
            # (full body runs A/B/A since the floor-pull rotation, session 26)
            for day, title in (
                ("monday", "Full body A"),
                ("wednesday", "Full body B"),
                ("friday", "Full body A"),
            )
        ),
    ]


def test_the_check_reads_the_words_when_a_tag_is_missing() -> None:
    """An entry that forgot its `floor` tag still reads as floor work from its cue."""
    entry = exercise_by_name("Dumbbell floor press")
    untagged = entry.model_copy(update={"tags": [t for t in entry.tags if t != "floor"]})
    from endoprotocol.audit import is_floor_work

    assert is_floor_work(untagged)
    assert not is_floor_work(exercise_by_name("Short-range dumbbell bench press"))
    assert not is_floor_work(exercise_by_name("Incline push-up"))
    assert not is_floor_work(exercise_by_name("Low-incline push-up on a stair"))
    assert not is_floor_work(exercise_by_name("Pike push-up on a stair"))


def test_a_trained_lifter_with_body_weight_alone_presses_up_on_a_stair_not_from_a_chair() -> None:
    """With the floor barred, a trained lifter's vertical push is the pike push-up with the
    hands on a stair, not the seated chair press-up (a frail or older beginner's regression);
    a painful shoulder keeps the short-range bench press (the floor press's range)."""
    data = {
        "age": 28,
        "sex": "female",
        "goals": ["strength", "mood-cognition"],
        "experience": "intermediate",
        "equipment": ["bodyweight", "treadmill", "pull-up-bar"],
        "conditions": ["knee-pain", "falls-history"],
    }
    plan = builtin_plan(weeks=4, **data)
    first = week_lifting(plan.weeks[0])[0]
    pushes = [e.name for e in first.exercises if e.pattern.value.endswith("push")]
    assert pushes == ["Low-incline push-up on a stair", "Pike push-up on a stair"]
    for name in ("trained-gets-regression", CHECK):
        assert not audit_check(name, data, plan).faults, name
    shoulder = {
        "age": 95,
        "sex": "male",
        "goals": ["insulin-sensitivity", "endurance", "bone-density"],
        "days_per_week": 3,
        "minutes_per_session": 30,
        "equipment": ["dumbbells", "bench"],
        "currently_active": True,
        "conditions": ["knee-pain", "shoulder-pain"],
    }
    plan = builtin_plan(weeks=1, **shoulder)
    assert _pushes(plan)[0] == ["Short-range dumbbell bench press"]
    assert not audit_check("joint-pain-move-unfit", shoulder, plan).faults


@st.composite
def older_knee_pain(draw: st.DrawFn) -> dict[str, Any]:
    """People with knee pain and what makes a fall likely or costly: 65 and over, a past
    fall, osteoporosis or a vertebral fracture (one or more), any kit and level."""
    data = draw(profiles())
    risk = draw(
        st.sampled_from(
            [
                ["65+"],
                ["falls-history"],
                ["osteoporosis"],
                ["vertebral-fracture"],
                ["65+", "osteoporosis"],
            ]
        )
    )
    if "65+" in risk:
        data["age"] = draw(st.integers(65, 100))
    wanted = ["knee-pain", *(r for r in risk if r != "65+")]
    data["conditions"] = [*(c for c in data["conditions"] if c not in wanted), *wanted][-3:]
    return data


def test_older_knee_pain_plans_hold_nothingfloor_moves(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        older_knee_pain(),
        {CHECK: floor_work_for_knee_pain_older},
        record_property,
        examples=EXAMPLES,
    )
