"""Coach review 41's two safety kinds for people who have fallen: their smallest profiles as
named tests, each check faulting the old plan, and a property over older people, fallers and
fragile bones (the review's files: /tmp/s31/coach41).

FALLER-UNDER-80-FLOOR-PRESS-WITH-WEIGHTS (safety) A 65-year-old woman after a fall, with
    dumbbells, did a "Dumbbell floor press: Lie on the floor with knees bent..." on both
    lifting days; the review's p03 (78, osteoporosis and a past fall, 30 minutes) did it on
    Monday and Friday for all 12 weeks, at 40-49 % and then up to 64 % 1RM - while the plan's
    own warning for fallers of 80 and over names getting down to the floor and back up,
    weights in hand, as one of the likeliest moments for another fall. *Cause:* only frailty,
    80+ after a fall and knee pain with a fall risk kept anyone off the floor; a faller under
    80 (or fragile bones from 65) kept every floor lift, in straight sets
    (`safety/floor-lifts-apart`). *Decision:* after a fall at any age, and with osteoporosis
    or a vertebral fracture from 65, no exercise takes a free weight to the floor (the
    library's new `loaded-floor` tag: floor presses, hip thrusts, a weighted push-up, a
    renegade row, a Russian twist or dead bug with a dumbbell, a rollout), by
    `safety/faller-no-loaded-floor`; body-weight floor work (a glute bridge, a lying stretch,
    a push-up) stays, hands free to use a chair on the way down and up. Check
    `faller-loaded-floor-work`.

OLDEST-FALLER-FREE-SQUAT (safety) An active 80-year-old woman after a fall, body weight
    only, squatted free-standing ("push the hips back and down as low as is comfortable");
    the review's p16 (85, bands and a pool) got the bodyweight squat "In place of Banded
    squat (safety/falls-history)" while the hinge of the same session kept a hand on a
    counter and the oldest's warning promised that supported versions stay. *Cause:* the
    free squat carried no tag that any 80+ faller's rule vetoed (only frailty's
    `knee-dominant-deep` kept it out), and the picker ranks it before the counter-supported
    squat, a regression. *Decision:* the library tags the bodyweight and pause squats
    `unsupported-squat`; `safety/oldest-faller-supported-squat` vetoes it at 80 and over
    after a fall (the frail rule too), so the squat is the counter-supported one, a supported
    one-dumbbell squat, a machine or a wall sit. Check `faller-unsupported-lower-body`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import (
    CHECKS,
    SQUAT_SUPPORT,
    forbidden_tags,
    is_loaded_floor_work,
    squat_support_needed,
)
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    exercise_by_name,
    floor_moves,
    week_lifting,
)
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
FLOOR_CHECK = "faller-loaded-floor-work"
SQUAT_CHECK = "faller-unsupported-lower-body"

# /tmp/s31/coach41/min/m-faller-under-80-floor-press.yaml
FALLER_65 = {
    "age": 65,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["falls-history"],
    "equipment": ["dumbbells"],
}
# /tmp/s31/coach41/profiles/p03.yaml
P03 = {
    "age": 78,
    "sex": "female",
    "goals": ["bone-density", "general-health"],
    "experience": "beginner",
    "currently_active": False,
    "conditions": ["osteoporosis", "falls-history"],
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight", "dumbbells"],
}
# /tmp/s31/coach41/min/m-oldest-faller-free-squat.yaml
FALLER_80 = {
    "age": 80,
    "sex": "female",
    "goals": ["general-health"],
    "currently_active": True,
    "conditions": ["falls-history"],
    "equipment": ["bodyweight"],
}
# /tmp/s31/coach41/profiles/p16.yaml
P16 = {
    "age": 85,
    "sex": "female",
    "goals": ["mood-cognition", "general-health"],
    "experience": "beginner",
    "currently_active": True,
    "conditions": ["falls-history"],
    "days": ["tuesday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["bands", "pool"],
}

FLOOR_PRESS = "Dumbbell floor press"
FREE_SQUAT = "Bodyweight squat"
# the words a horizontal push off the floor is done with
OFF_THE_FLOOR = ("bench", "counter", "wall", "stair", "standing", "band")


def _lifts(plan: Any, pattern: str | None = None) -> list[Any]:
    """Every exercise of every week's required lifting, of `pattern` if given."""
    return [
        e
        for w in plan.weeks
        for s in week_lifting(w)
        for e in s.exercises
        if pattern is None or e.pattern.value == pattern
    ]


def _loaded_floor(plan: Any) -> list[str]:
    """Every exercise and alternative of the plan tagged `loaded-floor`."""
    return [name for name in floor_moves(plan) if "loaded-floor" in exercise_by_name(name).tags]


def test_smallest_faller_presses_off_the_floor() -> None:
    """The 65-year-old after a fall: no floor press, nor any weight taken to the floor, on
    any day; the push is still there, done against a counter or a wall, and the warning
    says why and what stays."""
    plan = builtin_plan(weeks=4, **FALLER_65)
    pushes = _lifts(plan, "horizontal-push")
    assert pushes
    assert all(e.name != FLOOR_PRESS for e in pushes)
    assert all(any(w in e.notes.lower() for w in OFF_THE_FLOOR) for e in pushes)
    assert _loaded_floor(plan) == []
    warning = next(w for w in plan.warnings if w.code == "faller-no-loaded-floor")
    assert "takes a weight down to the floor" in warning.message
    assert "glute bridge" in warning.message
    verdict = audit_check(FLOOR_CHECK, FALLER_65, plan)
    assert verdict.applies
    assert not verdict.faults


def test_body_weight_floor_work_stays_for_a_faller_under_80() -> None:
    """The decision's other half: a glute bridge is still on offer (the floor itself is not
    barred below 80 without knee pain), and nothing the rule left is loaded."""
    plan = builtin_plan(weeks=4, **FALLER_65)
    floor = floor_moves(plan)
    assert "Glute bridge" in floor
    assert not any("loaded-floor" in exercise_by_name(n).tags for n in floor)
    assert not any(w.code == "oldest-faller-off-the-floor" for w in plan.warnings)


def test_the_reviewers_p03_never_presses_on_the_floor() -> None:
    """p03's Monday and Friday floor press, all 12 weeks, is gone; both days keep a push."""
    plan = builtin_plan(weeks=12, **P03)
    assert _lifts(plan, "horizontal-push")
    assert all(e.name != FLOOR_PRESS for e in _lifts(plan))
    assert _loaded_floor(plan) == []
    for w in plan.weeks:
        for s in week_lifting(w):
            assert any(e.pattern.value == "horizontal-push" for e in s.exercises), (w.week, s.title)
    assert not audit_check(FLOOR_CHECK, P03, plan).faults


def test_the_line_fragile_bones_from_65_and_not_before() -> None:
    """Osteoporosis at 70 without a fall keeps weights off the floor; at 55 (no fall, sound
    enough balance) and for a healthy 70-year-old the floor press stays open."""
    at_70 = {**FALLER_65, "age": 70, "conditions": ["osteoporosis"]}
    plan = builtin_plan(weeks=1, **at_70)
    assert _loaded_floor(plan) == []
    assert any(w.code == "faller-no-loaded-floor" for w in plan.warnings)
    for kept in ({**at_70, "age": 55}, {**FALLER_65, "age": 70, "conditions": []}):
        plan = builtin_plan(weeks=1, **kept)
        assert not any(w.code == "faller-no-loaded-floor" for w in plan.warnings)
        assert not audit_check(FLOOR_CHECK, kept, plan).applies
        assert FLOOR_PRESS in {e.name for e in _lifts(plan)} | set(floor_moves(plan))


def test_the_library_tags_every_weight_taken_to_the_floor_and_every_free_squat() -> None:
    """The tags and the checks' word readings agree, both ways: an entry that takes a free
    weight to the floor carries `loaded-floor` (and `floor`), and every squat or lunge with
    nothing to hold is vetoed for the oldest fallers by some tag of its own."""
    oldest = parse_profile(FALLER_80)
    assert squat_support_needed(oldest)
    barred = set(forbidden_tags(oldest))
    for e in builtin_library().exercises:
        assert is_loaded_floor_work(e) == ("loaded-floor" in e.tags), e.id
        if "loaded-floor" in e.tags:
            assert "floor" in e.tags, e.id
        if e.pattern.value in ("squat", "lunge") and not SQUAT_SUPPORT.search(f"{e.name} {e.cue}"):
            assert barred & set(e.tags), e.id


def test_the_floor_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=1, **FALLER_65)
    old = plan.model_copy(deep=True)
    press = exercise_by_name(FLOOR_PRESS)
    first = week_lifting(old.weeks[0])[0]
    push = next(i for i, e in enumerate(first.exercises) if e.pattern.value == "horizontal-push")
    first.exercises[push] = first.exercises[push].model_copy(
        update={"name": press.name, "notes": press.cue}
    )
    faults = audit_check(FLOOR_CHECK, FALLER_65, old).faults
    assert faults
    assert "a weight on the floor (a past fall)" in faults[0].what


def test_smallest_oldest_faller_squats_with_a_hand_on_the_counter() -> None:
    """The active 80-year-old after a fall: every squat and lunge (and alternative) keeps a
    hand on a counter or rail, or sits back to a chair or a wall; the swap names its rule."""
    plan = builtin_plan(weeks=4, **FALLER_80)
    squats = _lifts(plan, "squat")
    assert squats
    assert {e.name for e in squats} == {"Counter-supported squat"}
    assert all(FREE_SQUAT not in e.alternatives for e in _lifts(plan))
    assert any("safety/oldest-faller-supported-squat" in e.notes for e in squats)
    assert any(w.code == "oldest-faller-supported-squat" for w in plan.warnings)
    verdict = audit_check(SQUAT_CHECK, FALLER_80, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_reviewers_p16_squat_is_supported_like_her_hinge() -> None:
    plan = builtin_plan(weeks=12, **P16)
    names = {e.name for e in _lifts(plan)}
    assert FREE_SQUAT not in names
    assert "Pause squat" not in names
    tuesday = next(s for s in week_lifting(plan.weeks[0]) if s.title == "Full body A")
    squat = next(e for e in tuesday.exercises if e.pattern.value == "squat")
    assert squat.name == "Counter-supported squat"
    assert not audit_check(SQUAT_CHECK, P16, plan).faults


def test_the_free_squat_stays_below_80_and_without_a_fall() -> None:
    """The rule's line: a 79-year-old after a fall, and an active 85-year-old who has not
    fallen, keep the bodyweight squat open (their warnings promise no more)."""
    for kept in ({**FALLER_80, "age": 79}, {**FALLER_80, "age": 85, "conditions": []}):
        plan = builtin_plan(weeks=1, **kept)
        assert not any(w.code == "oldest-faller-supported-squat" for w in plan.warnings)
        assert not audit_check(SQUAT_CHECK, kept, plan).applies
        assert FREE_SQUAT in {e.name for e in _lifts(plan)} | {
            a for e in _lifts(plan) for a in e.alternatives
        }


def test_the_squat_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=1, **FALLER_80)
    old = plan.model_copy(deep=True)
    free = exercise_by_name(FREE_SQUAT)
    first = week_lifting(old.weeks[0])[0]
    slot = next(i for i, e in enumerate(first.exercises) if e.pattern.value == "squat")
    first.exercises[slot] = first.exercises[slot].model_copy(
        update={"name": free.name, "notes": free.cue}
    )
    faults = audit_check(SQUAT_CHECK, FALLER_80, old).faults
    assert faults
    assert "nothing to hold (80 and over after a fall)" in faults[0].what


@st.composite
def older_and_fragile(draw: st.DrawFn) -> dict[str, Any]:
    """People of 60-95 with a past fall, fragile bones, knee pain or none of these, active or
    not (80+ and not active is frail), on body weight, dumbbells, bands or a full gym."""
    return {
        "age": draw(st.integers(60, 95)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["general-health", "strength", "bone-density", "muscle"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "conditions": draw(
            st.sampled_from(
                [
                    ["falls-history"],
                    ["osteoporosis"],
                    ["falls-history", "osteoporosis"],
                    ["falls-history", "knee-pain"],
                    ["vertebral-fracture"],
                    [],
                ]
            )
        ),
        "equipment": draw(
            st.sampled_from(
                [
                    ["bodyweight"],
                    ["dumbbells"],
                    ["bands"],
                    ["dumbbells", "bench"],
                    ["barbell", "rack", "bench", "dumbbells", "machines", "kettlebell", "bands"],
                ]
            )
        ),
    }


def test_fallers_keep_weights_off_the_floor_and_squat_supported(record_property: Any) -> None:
    audit_property(
        older_and_fragile(),
        {
            FLOOR_CHECK: CHECKS[FLOOR_CHECK],
            SQUAT_CHECK: CHECKS[SQUAT_CHECK],
            "vetoed-tag-in-plan": CHECKS["vetoed-tag-in-plan"],
        },
        record_property,
        examples=EXAMPLES,
    )
