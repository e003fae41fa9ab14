"""Coach review 18's kinds fixed by the lead, each with its smallest profile as a named test and
a property over the people the kind is about (the review's files: /tmp/coach18).

FALLS-HISTORY-HANDS-BOUND (unsafe pick) A 76-year-old with osteoporosis and a past fall
    squatted and hinged holding two dumbbells, and a 70-year-old faller had a banded squat, a
    band good morning and a split-stance band press: both hands on the load and none free to
    catch a stumble, while the falls warning said loads are held in one hand. A past fall
    vetoes `hands-bound` at any age (the frail rule's reason); the library gains a supported
    one-dumbbell squat and a supported one-arm dumbbell Romanian deadlift (`one-hand-load`,
    ranked one step less loadable than their kit, so everyone else keeps the two-handed
    lifts). Check `faller-hands-bound`.
BAND-PUSHUP-WHERE-LOADED-PLANK-BARRED (unsafe pick) Shoulder pain got a band-resisted
    push-up at RPE 7-8 beside a warning that said push-ups with extra weight were left out:
    the band is a load on a plank, and the entry was not tagged `loaded-plank`. Check
    `loaded-plank-unfit` reads the words, so an untagged loaded push-up shows.
SKILL-MOVE-AS-HEAVY-LIFT (prescription) An advanced body-weight lifter's pistol squat went
    from 8-12 reps at RIR 4-5 to 3-6 reps at RIR 2-3 with the same body weight. Balance ends
    a one-legged set before the muscles do: the pistol, the single-leg squat to a chair and
    the dumbbell single-leg Romanian deadlift take `min_reps: 8`, as the split stances have.
    Check `balance-limited-heavy-set`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    balance_limited_heavy_set,
    faller_hands_bound,
    loaded_plank_unfit,
    vetoed_tag_in_plan,
)
from tests.builtin import (
    audit_check,
    builtin_library,
    builtin_plan,
    plan_names,
    week_lifting,
)
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach18/min/FALLS-HISTORY-HANDS-BOUND.yaml
FALLER = {"age": 65, "sex": "female", "goals": ["general-health"], "conditions": ["falls-history"]}
# /tmp/coach18/profiles/p04.yaml, in short: the reviewer's first plan that showed it
FALLER_OSTEOPOROSIS = {
    "age": 76,
    "sex": "female",
    "goals": ["bone-density", "strength"],
    "experience": "beginner",
    "currently_active": False,
    "days": ["tuesday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["dumbbells", "bands", "bench"],
    "conditions": ["osteoporosis", "falls-history"],
}
# /tmp/coach18/min/BAND-PUSHUP-WHERE-LOADED-PLANK-BARRED.yaml
SHOULDER = {
    "age": 42,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days_per_week": 4,
    "conditions": ["shoulder-pain"],
}
# /tmp/coach18/min/SKILL-MOVE-AS-HEAVY-LIFT.yaml
PISTOL = {
    "age": 35,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "equipment": ["bodyweight"],
}


def _clean(check: str, data: dict[str, Any], plan: Any) -> None:
    verdict = audit_check(check, data, plan)
    assert verdict.applies, check
    assert not verdict.faults, verdict.faults[:3]


def _lifts(plan: Any) -> list[Any]:
    return [e for w in plan.weeks for s in week_lifting(w) for e in s.exercises]


# ---- FALLS-HISTORY-HANDS-BOUND


def test_a_faller_squats_and_hinges_with_a_hand_free() -> None:
    plan = builtin_plan(weeks=4, **FALLER)
    names = plan_names(plan)
    assert not names & {
        "Dumbbell squat to a high box",
        "Dumbbell Romanian deadlift",
        "Goblet squat",
        "Banded squat",
        "Band good morning",
        "Standing band chest press",
    }
    # her dumbbells still load the hinge, one in one hand, the other hand on a counter
    assert "Supported one-arm dumbbell Romanian deadlift" in names
    warning = next(w for w in plan.warnings if w.code == "falls-history")
    assert "never both hands on a load or a band" in warning.message
    _clean("faller-hands-bound", FALLER, plan)
    _clean("vetoed-tag-in-plan", FALLER, plan)


def test_a_faller_with_fragile_bones_keeps_loaded_lower_lifts() -> None:
    plan = builtin_plan(weeks=4, **FALLER_OSTEOPOROSIS)
    lower = {e.name for e in _lifts(plan) if e.pattern.value in ("squat", "hinge")}
    assert "Dumbbell Romanian deadlift" not in lower
    assert "Dumbbell squat to a high box" not in lower
    # bone loading needs load (Too Fit To Fracture): the squat is the supported one-dumbbell
    # squat and the hip lift the supported one-arm dumbbell Romanian deadlift, not body
    # weight alone (the dumbbell hip thrust, set up sitting on the floor, takes a weight to
    # the floor, which a past fall rules out: coach review 41)
    assert lower == {"Supported one-dumbbell squat", "Supported one-arm dumbbell Romanian deadlift"}
    _clean("faller-hands-bound", FALLER_OSTEOPOROSIS, plan)


def test_people_who_can_use_both_hands_keep_two_handed_lifts() -> None:
    """The one-hand lifts rank one step less loadable than their kit: a 40-year-old with
    dumbbells and no fall still goblet-squats and deadlifts with two dumbbells."""
    library = builtin_library()
    squat = next(e for e in library.exercises if e.id == "supported-dumbbell-squat")
    goblet = next(e for e in library.exercises if e.id == "goblet-squat")
    assert library.loadability(squat) == library.loadability(goblet) - 1
    data = {"age": 40, "sex": "female", "goals": ["muscle"], "equipment": ["dumbbells"]}
    names = plan_names(builtin_plan(weeks=4, **data), alternatives=False)
    assert "Supported one-dumbbell squat" not in names
    assert "Supported one-arm dumbbell Romanian deadlift" not in names
    assert "Dumbbell Romanian deadlift" in names


def test_the_faller_check_finds_two_dumbbells() -> None:
    plan = builtin_plan(weeks=1, **FALLER)
    hinge = next(e for e in _lifts(plan) if e.pattern.value == "hinge")
    hinge.name = "Dumbbell Romanian deadlift"
    verdict = audit_check("faller-hands-bound", FALLER, plan)
    assert [f.what for f in verdict.faults] == ["Dumbbell Romanian deadlift: no hand free"]
    press = next(e for e in _lifts(plan) if e.pattern.value == "horizontal-push")
    press.name = "Standing band chest press"  # tagged, not a squat or hinge
    verdict = audit_check("faller-hands-bound", FALLER, plan)
    assert len(verdict.faults) == 2


@st.composite
def fallers(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "falls-history"]))
    if draw(st.booleans()):
        data["equipment"] = draw(
            st.sampled_from(
                [
                    ["dumbbells"],
                    ["bands"],
                    ["dumbbells", "bands", "bench"],
                    ["kettlebell", "bands", "door-anchor"],
                    ["barbell", "dumbbells", "machines"],
                ]
            )
        )
    return data


def test_fallers_keep_a_hand_free(record_property: pytest.RecordProperty) -> None:
    audit_property(
        fallers(),
        {"faller-hands-bound": faller_hands_bound, "vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )


# ---- BAND-PUSHUP-WHERE-LOADED-PLANK-BARRED


def test_a_painful_shoulder_gets_no_band_resisted_push_up() -> None:
    plan = builtin_plan(weeks=4, **SHOULDER)
    assert "Band-resisted push-up" not in plan_names(plan)
    warning = next(w for w in plan.warnings if w.code == "shoulder-pain-adjustments")
    assert "extra weight from a plank" in warning.message
    _clean("loaded-plank-unfit", SHOULDER, plan)


def test_the_loaded_plank_check_reads_the_words() -> None:
    """An untagged loaded push-up shows: the check reads the name and the cue."""
    plan = builtin_plan(weeks=1, **SHOULDER)
    press = next(e for e in _lifts(plan) if e.pattern.value == "horizontal-push")
    press.name = "Band-resisted push-up"
    verdict = audit_check("loaded-plank-unfit", SHOULDER, plan)
    assert [f.check for f in verdict.faults] == ["loaded-plank-unfit"]
    assert "shoulder pain" in verdict.faults[0].what


@st.composite
def loaded_plank_barred(draw: st.DrawFn) -> dict[str, Any]:
    """Shoulder or low-back pain, or pregnancy past the first trimester, with bands owned."""
    data = draw(profiles())
    why = draw(st.sampled_from(["shoulder-pain", "low-back-pain", "pregnancy"]))
    if why == "pregnancy":
        data["sex"] = "female"
        data["age"] = draw(st.integers(18, 45))
        data["pregnancy_week"] = draw(st.integers(14, 30))
        data["therapies"] = []
    data["conditions"] = [why]
    data["equipment"] = list(dict.fromkeys([*data["equipment"], "bands"]))
    return data


def test_loaded_planks_stay_out_where_barred(record_property: pytest.RecordProperty) -> None:
    audit_property(
        loaded_plank_barred(),
        {"loaded-plank-unfit": loaded_plank_unfit},
        record_property,
        examples=EXAMPLES,
    )


# ---- SKILL-MOVE-AS-HEAVY-LIFT


def test_a_pistol_squat_is_never_a_three_to_six_rep_set() -> None:
    plan = builtin_plan(**PISTOL)
    pistols = [e for e in _lifts(plan) if e.name == "Pistol squat"]
    assert pistols  # the advanced lifter still squats on one leg
    assert all(e.reps is not None and e.reps.min >= 8 for e in pistols)
    # the strength block still has heavy sets where a lift can be loaded by the body alone
    # at low reps (push and pull variations are not limited by balance)
    _clean("balance-limited-heavy-set", PISTOL, plan)


def test_every_balance_limited_lift_has_eight_reps_at_least() -> None:
    """Library data: a one-legged lift (unilateral, and fall-risk or skill) that is not a
    ballistic move has `min_reps` 8 or more."""
    short = [
        (e.id, e.min_reps)
        for e in builtin_library().exercises
        if e.pattern.value in ("squat", "hinge", "lunge")
        and "unilateral" in e.tags
        and {"fall-risk", "skill"} & set(e.tags)
        and e.kind != "ballistic"
        and (e.min_reps is None or e.min_reps < 8)
    ]
    assert short == []


def test_the_balance_check_finds_a_heavy_pistol() -> None:
    plan = builtin_plan(weeks=4, **PISTOL)
    pistol = next(e for e in _lifts(plan) if e.name == "Pistol squat")
    assert pistol.reps is not None
    pistol.reps = pistol.reps.model_copy(update={"min": 3, "max": 6})
    verdict = audit_check("balance-limited-heavy-set", PISTOL, plan)
    assert [f.what for f in verdict.faults] == ["3-6 reps of a lift balance limits"]


@st.composite
def strength_lifters_on_light_kit(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles(max_age=64))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = draw(st.booleans())
    data["goals"] = ["strength", *(g for g in data["goals"] if g != "strength")][:3]
    data["equipment"] = draw(
        st.sampled_from([["bodyweight"], ["dumbbells"], ["bodyweight", "bands"], ["kettlebell"]])
    )
    return data


def test_balance_limited_lifts_keep_their_reps(record_property: pytest.RecordProperty) -> None:
    audit_property(
        strength_lifters_on_light_kit(),
        {"balance-limited-heavy-set": balance_limited_heavy_set},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
