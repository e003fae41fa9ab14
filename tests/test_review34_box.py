"""Coach review 34's PARTIAL-BOX-SQUAT-AS-ADVANCED-MAIN-SQUAT (branch box34): its smallest
profile as a named test, the audit's check faulting the old plan, and a property over the
trained lifters the kind is about (the review's files: /tmp/s27/coach34).

PARTIAL-BOX-SQUAT-AS-ADVANCED-MAIN-SQUAT (exercise fit; COACHING.md §1, the level fits the
    person and each pattern gets its best candidate) A 30-year-old advanced man, strength
    first, dumbbells only: his only squat was "Dumbbell squat to a high box" (to a
    knee-height box; the library's beginner, partial-range item), 4 x 3-6 at RPE 7-8 when
    active. With a muscle goal the same man got a goblet squat, so the choice followed the
    rep slot, not the lifter. *Cause:* the goblet squat's `min_reps` (8: the bell held at
    the chest gives out before the legs) ranked it below every lift loadable for 3-6 reps,
    and the library held no full-range dumbbell squat that is; coach review 17 had decided
    the box squat was right there, and `partial-range-for-trained` let it pass. *Decision:*
    the library gains the dumbbell front squat (a bell on each shoulder, carried by the trunk
    and shoulders, not the arms; intermediate, full depth, effort-based), the trained
    ranking counts a partial-range lift no heavier than a full-range one taken over the reps
    it holds, and the check counts any full-range lift of the same pattern and kit. Knee
    pain keeps the box squat (deep knee bends are vetoed); shoulder pain (the front rack is
    vetoed) and the rules that veto breath-holding-prone lifts keep a goblet squat at 8+.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, builtin_plan, exercise_by_name, plan_names, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "partial-range-for-trained"
BOX = "Dumbbell squat to a high box"
FRONT = "Dumbbell front squat"
GOBLET = "Goblet squat"

# /tmp/s27/coach34/min/m_advanced_partial_box_squat.yaml
ADVANCED = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "equipment": ["dumbbells"],
}
# ... and active, as the review's note has it: his squat at 4 x 3-6, RPE 7-8
ACTIVE = {**ADVANCED, "currently_active": True}


def _squats(plan: Plan, week: int = 1) -> list[tuple[str, int, float, float]]:
    """Each required squat-pattern work set of a week: name, sets and rep range."""
    return [
        (e.name, e.sets, e.reps.min, e.reps.max)
        for s in week_lifting(plan.weeks[week - 1])
        for e in s.exercises
        if e.pattern.value == "squat" and e.reps is not None
    ]


def _work_names(plan: Plan) -> set[str]:
    return plan_names(plan, alternatives=False)


def test_the_advanced_lifter_squats_full_range_with_heavy_dumbbells() -> None:
    plan = builtin_plan(weeks=12, **ACTIVE)
    # before: Monday's "Dumbbell squat to a high box" 4 x 3-6, Friday's 3 x 3-6; since
    # session 31 (HEAVY-LIFTS-NO-RAMP-UP-TIME) Monday's 45 minutes hold the ramp-up before its
    # four heavy lifts, and its trim takes the squat's fourth set
    assert _squats(plan) == [(FRONT, 3, 3, 6), (FRONT, 3, 3, 6)]
    first = next(e for e in week_lifting(plan.weeks[0])[0].exercises if e.name == FRONT)
    rpe = first.intensity.rpe
    assert rpe is not None
    assert (rpe.min, rpe.max) == (7, 8)
    assert first.intensity.pct_1rm is None  # effort sets its load: no %1RM for the rack
    assert "front of the shoulders" in first.notes
    assert BOX not in _work_names(plan)
    entry = exercise_by_name(FRONT)
    assert entry.level == "intermediate"
    assert "partial-range" not in entry.tags
    assert entry.min_reps is None  # it holds a strength slot's few heavy reps
    verdict = audit_check(CHECK, ACTIVE, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    for name in ("front-hold-strength-set", "trained-gets-regression", "vetoed-tag-in-plan"):
        assert not audit_check(name, ACTIVE, plan).faults, name


def test_the_review_profile_as_written_starts_with_the_same_squat() -> None:
    """Not stated active, he re-enters at 3 x 8-12 (the review's table): the same full-range
    squat, and the minutes of every session as they were."""
    plan = builtin_plan(weeks=4, **ADVANCED)
    assert _squats(plan) == [(FRONT, 3, 8, 12), (FRONT, 3, 8, 12)]
    minutes = [s.duration_minutes for d in plan.weeks[0].days for s in d.sessions if not s.optional]
    assert minutes == [27, 15, 31, 7, 28, 13]  # as with the box squat
    assert not audit_check(CHECK, ADVANCED, plan).faults


def test_the_squat_follows_the_lifter_not_the_rep_slot() -> None:
    """With a muscle goal (6-12 reps) he used to get the goblet squat, with strength the box
    squat: now the same full-range squat in both."""
    muscle = {**ACTIVE, "goals": ["muscle"]}
    plan = builtin_plan(weeks=4, **muscle)
    assert {name for name, *_ in _squats(plan)} == {FRONT}
    assert BOX not in _work_names(plan)


def test_a_painful_knee_keeps_the_box_squat_and_a_painful_shoulder_a_goblet_squat() -> None:
    # deep knee bends are vetoed: the box squat's short range is the knee's squat (as before)
    knee = {**ACTIVE, "conditions": ["knee-pain"]}
    plan = builtin_plan(weeks=4, **knee)
    # (Monday's squat at 3 sets since session 31: its ramp-up, as above)
    assert _squats(plan) == [(BOX, 3, 3, 6), (BOX, 3, 3, 6)]
    assert FRONT not in plan_names(plan)
    assert not audit_check(CHECK, knee, plan).faults
    # the front rack is vetoed with shoulder pain: the full-range goblet squat at the reps it
    # holds, saying why its reps are above the slot's (before: the box squat at 3 x 3-6)
    shoulder = {**ACTIVE, "conditions": ["shoulder-pain"]}
    plan = builtin_plan(weeks=4, **shoulder)
    assert _squats(plan) == [(GOBLET, 4, 8, 12), (GOBLET, 3, 8, 12)]
    goblet = next(e for e in week_lifting(plan.weeks[0])[0].exercises if e.name == GOBLET)
    assert "A higher rep range than the slot's" in goblet.notes
    assert "hold or balance" in goblet.notes
    assert FRONT not in plan_names(plan)
    for name in (CHECK, "front-hold-strength-set", "min-reps-note-false", "vetoed-tag-in-plan"):
        assert not audit_check(name, shoulder, plan).faults, name


def test_the_safety_rules_keep_the_front_squat_out() -> None:
    """Breath-holding-prone lifts are vetoed in pregnancy and with uncontrolled blood
    pressure, a front rack with shoulder pain, both hands on a load after a fall and for frail
    people, and deep knee bends with knee pain: none of these plans holds the front squat."""
    cases: list[dict[str, Any]] = [
        {**ACTIVE, "sex": "female", "conditions": ["pregnancy"], "pregnancy_week": 20},
        {**ACTIVE, "blood_pressure": {"systolic": 170, "diastolic": 100}},
        {**ACTIVE, "conditions": ["falls-history"]},
        {**ACTIVE, "age": 70, "conditions": ["osteoporosis", "falls-history"]},
        {**ACTIVE, "age": 85, "currently_active": False},
    ]
    for data in cases:
        plan = builtin_plan(weeks=4, **data)
        assert FRONT not in plan_names(plan), data
        assert not audit_check("vetoed-tag-in-plan", data, plan).faults, data


def test_a_beginner_keeps_the_goblet_squat() -> None:
    """The front squat is an intermediate lift: beginners keep their own squats."""
    data = {**ACTIVE, "experience": "beginner", "goals": ["muscle"]}
    plan = builtin_plan(weeks=4, **data)
    assert FRONT not in plan_names(plan)
    assert GOBLET in _work_names(plan)


def test_the_check_faults_the_old_plan() -> None:
    """The review's plan: the front squat back to the squat to a high box."""
    plan = builtin_plan(weeks=4, **ACTIVE)
    old = plan.model_copy(deep=True)
    box = exercise_by_name(BOX)
    for week in old.weeks:
        for s in week_lifting(week):
            s.exercises = [
                e.model_copy(update={"name": box.name, "notes": box.cue}) if e.name == FRONT else e
                for e in s.exercises
            ]
    faults = audit_check(CHECK, ACTIVE, old).faults
    assert len(faults) == sum(1 for w in old.weeks for _ in _squats(old, w.week))
    assert faults[0].where == f"week 1 monday 'Full body A' / {BOX}"
    # (the full-range lift named is one that holds the set's 3-6 reps)
    assert faults[0].what == f"{BOX} while {FRONT} is open"


def test_the_check_faults_review_17s_shape_too() -> None:
    """Shoulder pain's old plan: the box squat at 3 x 3-6 while the goblet squat, full range
    at 8+ reps, is open (coach review 17 let this pass; review 34 does not)."""
    shoulder = {**ACTIVE, "conditions": ["shoulder-pain"]}
    plan = builtin_plan(weeks=1, **shoulder)
    old = plan.model_copy(deep=True)
    box = exercise_by_name(BOX)
    for s in week_lifting(old.weeks[0]):
        s.exercises = [
            e.model_copy(
                update={
                    "name": box.name,
                    "notes": box.cue,
                    "reps": e.reps.model_copy(update={"min": 3, "max": 6}),
                }
            )
            if e.name == GOBLET and e.reps is not None
            else e
            for e in s.exercises
        ]
    faults = audit_check(CHECK, shoulder, old).faults
    assert [f.what for f in faults] == [f"{BOX} while {GOBLET} is open"] * 2


@st.composite
def trained_dumbbell_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Intermediate and advanced lifters whose kit holds dumbbells (and maybe more), any
    goals with strength or bone density often first, any conditions."""
    data = draw(profiles())
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    if "dumbbells" not in data["equipment"]:
        data["equipment"] = [*data["equipment"], "dumbbells"]
    if draw(st.booleans()):
        first = draw(st.sampled_from(["strength", "bone-density"]))
        data["goals"] = [first, *(g for g in data["goals"] if g != first)][:4]
    return data


def test_trained_lifters_never_squat_partial_range_while_a_full_range_squat_is_open(
    record_property: Any,
) -> None:
    audit_property(
        trained_dumbbell_lifters(),
        {
            name: CHECKS[name]
            for name in (
                CHECK,
                "front-hold-strength-set",
                "trained-gets-regression",
                "vetoed-tag-in-plan",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
