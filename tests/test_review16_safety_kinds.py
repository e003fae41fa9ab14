"""Coach review 16's safety kinds, each with its smallest profile as a named test and a
property over the people the kind is about (the review's files: /tmp/coach16).

OSTEO-SPINE-BENT-OVER-ROW (unsafe pick) With osteoporosis, a vertebral fracture or later
    pregnancy the one-arm dumbbell row was cued "brace one hand on a bench or just above
    your knee": with the hand on the knee it is the loaded, unsupported forward lean the
    plans' own warnings leave out, and it carried no `bent-over` tag. The one-arm rows
    (dumbbell and kettlebell) are now done supported, the free hand on a bench, a counter or
    a table. Check `bent-over-unfit` reads "above your knee".
FRAIL-HINGE-BOTH-HANDS-ON-DOWEL (unsafe pick) An 80-year-old not yet active got the hip
    hinge drill with a dowel held along the spine, both hands behind the back, as her only
    hinge, while her warning promised a hand on a counter. The drill is tagged
    `hands-bound`, and a counter-supported hip hinge (`low-load`: it ranks after every lift
    that serves the slot as well) is her hinge. Check `frail-hands-bound` reads drills too.
OLDER-SPLIT-SQUAT-UNDER-BAR (unsafe pick) A 65-year-old with machines got a Smith machine
    split squat although his warning says lunges are planned without a bar on the back.
    It is tagged `loaded-split-stance` and `fall-risk`; `stance-unsupported` no longer
    counts a Smith machine as support.
LBP-HEAVY-HINGE-VIA-DUMBBELLS (unsafe dose) With low-back pain the barbell deadlift was
    vetoed as heavy spinal load and the same hinge came back with dumbbells at 3-6 reps and
    77-87 % 1RM. Every lift now stays at about 70 % 1RM at most, RPE 7, 3 reps in reserve
    (`safety/low-back-pain`). Check `back-pain-heavy-load`.
LIGHT-START-CUE-MAKE-LAST-REPS-HARD (wrong words, safety edge) Sessions at RPE 3-4 said
    "choose a load that makes the last reps of each set hard". The cue now sends the load
    to the week's own effort. Check `hard-cue-on-easy-week`.
KNEE-WALKING-NOTE-ON-ROWING (wrong words) A man with knee pain and only a rower had every
    rowing session say "walk on level, even ground"; the walking rule looked for a bike or
    a pool only. With a rower the note and the warning speak of a shorter slide
    (`safety/knee-pain-rowing`). Check `joint-note-other-cardio`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    back_pain_heavy_load,
    bent_over_unfit,
    frail_hands_bound,
    hard_cue_on_easy_week,
    joint_note_other_cardio,
    stance_unsupported,
    vetoed_tag_in_plan,
)
from tests.builtin import audit_check, builtin_plan, plan_names, week_lifting
from tests.strategies import audit_property, profiles
from tests.test_review12_dose_kinds import cautious_starters
from tests.test_review12_kinds import frail_people

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

OSTEO = {"age": 40, "sex": "female", "goals": ["strength"], "conditions": ["osteoporosis"]}
PREGNANT_DUMBBELLS = {
    "age": 31,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["pregnancy"],
    "pregnancy_week": 24,
    "equipment": ["dumbbells"],
}
FRAIL = {"age": 80, "sex": "female", "goals": ["strength"]}
OLDER_MACHINES = {"age": 65, "sex": "male", "goals": ["strength"], "equipment": ["machines"]}
BACK_PAIN = {
    "age": 40,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["low-back-pain"],
}
LIGHT_START = {"age": 65, "sex": "female", "goals": ["strength"]}
KNEE_ROWER = {
    "age": 40,
    "sex": "male",
    "goals": ["fat-loss"],
    "conditions": ["knee-pain"],
    "equipment": ["rower"],
}


def _lifts(plan: Any) -> list[Any]:
    return [e for w in plan.weeks for s in week_lifting(w) for e in s.exercises]


@pytest.mark.parametrize("data", [OSTEO, PREGNANT_DUMBBELLS], ids=["osteoporosis", "pregnant"])
def test_rows_lean_on_support_never_on_the_knee(data: dict[str, Any]) -> None:
    plan = builtin_plan(**data)
    rows = [e for e in _lifts(plan) if e.pattern.value == "horizontal-pull"]
    # every lifting day keeps its row (the pregnant short day had none left to pick)
    assert rows
    assert all("knee" not in (e.notes or "") for e in rows)
    verdict = audit_check("bent-over-unfit", data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_frail_womans_hinge_keeps_her_hands_on_the_counter() -> None:
    plan = builtin_plan(**FRAIL)
    names = plan_names(plan)
    assert "Hip hinge drill with a dowel" not in names
    hinges = {e.name for e in _lifts(plan) if e.pattern.value == "hinge"}
    # one hand on the counter and one dumbbell in the other since coach review 18 (her
    # default kit holds dumbbells; the counter hinge loads the muscles little)
    assert hinges == {"Supported one-arm dumbbell Romanian deadlift"}
    for check in ("frail-hands-bound", "bent-over-unfit"):
        verdict = audit_check(check, FRAIL, plan)
        assert verdict.applies
        assert not verdict.faults, verdict.faults[:3]


def test_a_healthy_beginner_keeps_the_glute_bridge_over_the_counter_hinge() -> None:
    plan = builtin_plan(age=30, sex="female", goals=["muscle"], equipment=["bodyweight"])
    names = plan_names(plan, alternatives=False)
    assert "Glute bridge" in names
    assert "Counter-supported hip hinge" not in names


def test_a_65_year_old_never_split_squats_under_a_bar() -> None:
    plan = builtin_plan(**OLDER_MACHINES)
    assert "Smith machine split squat" not in plan_names(plan)
    verdict = audit_check("stance-unsupported", OLDER_MACHINES, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_painful_back_gets_no_heavy_hinge_with_any_implement() -> None:
    plan = builtin_plan(**BACK_PAIN)
    lifts = _lifts(plan)
    hinges = [e for e in lifts if e.pattern.value == "hinge"]
    assert hinges
    for e in lifts:
        if e.intensity.pct_1rm is not None:
            assert e.intensity.pct_1rm.max <= 70, e
        assert e.intensity.rpe is not None
        assert e.intensity.rpe.max <= 7, e
    # a dumbbell Romanian deadlift was 3 x 3-6 at 77-87 % 1RM
    for w in plan.weeks:
        if not w.deload:
            for s in week_lifting(w):
                for e in s.exercises:
                    assert e.reps is None or e.reps.min >= 8, (w.week, e.name, e.reps)
    warning = next(w for w in plan.warnings if w.code == "low-back-pain-adjustments")
    assert "physiotherapist" in warning.message
    verdict = audit_check("back-pain-heavy-load", BACK_PAIN, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_a_light_start_never_asks_for_hard_last_reps() -> None:
    plan = builtin_plan(**LIGHT_START)
    notes = " ".join(n for w in plan.weeks for s in week_lifting(w) for n in s.notes)
    assert "makes the last reps of each set hard" not in notes
    assert "the effort this week gives it" in notes
    verdict = audit_check("hard-cue-on-easy-week", LIGHT_START, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def spine_care_people(draw: st.DrawFn) -> dict[str, Any]:
    """Low bone density, later pregnancy or frailty, on kits with dumbbells or a kettlebell
    (the one-arm rows)."""
    data = draw(profiles())
    kind = draw(st.sampled_from(["osteoporosis", "vertebral-fracture", "pregnancy", "frail"]))
    if kind == "pregnancy":
        data["sex"] = "female"
        data["age"] = min(data["age"], 45)
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "pregnancy"]))
        data["pregnancy_week"] = draw(st.integers(min_value=13, max_value=40))
    elif kind == "frail":
        data["age"] = draw(st.integers(80, 100))
        data["currently_active"] = False
    else:
        data["conditions"] = list(dict.fromkeys([*data["conditions"], kind]))
    kit = draw(st.sampled_from([["dumbbells"], ["kettlebell"], ["dumbbells", "bench"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_no_row_braced_on_the_knee_for_spine_care_pregnancy_or_frailty(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        spine_care_people(),
        {"bent-over-unfit": bent_over_unfit, "vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )


def test_frail_people_hinge_with_a_hand_free(record_property: pytest.RecordProperty) -> None:
    audit_property(
        frail_people(),
        {"frail-hands-bound": frail_hands_bound},
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def older_machine_people(draw: st.DrawFn) -> dict[str, Any]:
    """People of 65-95 or with a past fall, with machines or a barbell among their kit."""
    data = draw(profiles(min_age=40, max_age=95))
    if data["age"] < 65:
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "falls-history"]))
    kit = draw(st.sampled_from([["machines"], ["barbell"], ["machines", "dumbbells"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_older_people_never_split_squat_under_a_bar(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        older_machine_people(),
        {"stance-unsupported": stance_unsupported},
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def back_pain_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """People with low-back pain, any level, with loadable kit."""
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "low-back-pain"]))
    data["experience"] = draw(st.sampled_from(["beginner", "intermediate", "advanced"]))
    kit = draw(st.sampled_from([["dumbbells"], ["barbell", "machines"], ["kettlebell"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_painful_backs_lift_moderate_loads(record_property: pytest.RecordProperty) -> None:
    audit_property(
        back_pain_lifters(),
        {"back-pain-heavy-load": back_pain_heavy_load},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


def test_cautious_starts_carry_no_hard_cue(record_property: pytest.RecordProperty) -> None:
    audit_property(
        cautious_starters(),
        {"hard-cue-on-easy-week": hard_cue_on_easy_week},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


def test_a_rowers_knee_note_speaks_of_rowing() -> None:
    plan = builtin_plan(**KNEE_ROWER)
    rows = [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if any("row" in e.name.lower() for e in s.exercises) and s.modality.value == "endurance"
    ]
    assert rows
    for s in rows:
        knee = [n for n in s.notes if n.startswith("For your knee")]
        assert knee
        assert all("rower" in n and "shorten the slide" in n for n in knee), knee
    warning = next(w for w in plan.warnings if w.code == "knee-pain-cardio")
    assert "rower" in warning.message
    verdict = audit_check("joint-note-other-cardio", KNEE_ROWER, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]
    # the old walking-only note on the same sessions is what the check finds
    for s in rows:
        s.notes = ["For your knee: walk on level, even ground in cushioned, supportive shoes."]
    verdict = audit_check("joint-note-other-cardio", KNEE_ROWER, plan)
    assert verdict.faults


@st.composite
def knee_pain_cardio(draw: st.DrawFn) -> dict[str, Any]:
    """People with knee pain and one cardio machine or none."""
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "knee-pain"]))
    kit = draw(st.sampled_from([[], ["rower"], ["treadmill"], ["bike"], ["rower", "treadmill"]]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_joint_notes_speak_of_the_cardio_planned(record_property: pytest.RecordProperty) -> None:
    audit_property(
        knee_pain_cardio(),
        {"joint-note-other-cardio": joint_note_other_cardio},
        record_property,
        examples=EXAMPLES,
    )
