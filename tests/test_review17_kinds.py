"""Coach review 17's kinds fixed by the lead, each with its smallest profile as a named test and
a property over the people the kind is about (the review's files: /tmp/coach17).

FRAIL-ROW-UNSUPPORTED (unsafe pick) An 80-year-old with bands rowed with a standing band
    pull-apart, both hands on the band and nothing to hold, while her warning promised that
    rows lean on a counter or bench. The library gains a supported one-arm band row (stand on
    the band, the free hand on a counter); the pull-apart, the door-anchored standing band row,
    the straight-arm cable pulldown, the suspension-trainer row and the split-stance band
    presses are `hands-bound`, which frailty vetoes. Check `frail-row-unsupported`.
LBP-UNSUPPORTED-BENT-OVER (unsafe pick) Low-back pain got a bent-over dumbbell reverse fly,
    a set held in an unsupported forward lean. `safety/low-back-pain` forbids `bent-over`;
    check `bent-over-unfit` applies to low-back pain.
BENCH-NOT-OWNED (not doable) The dumbbell skull crusher and chest fly, done lying on a bench,
    listed dumbbells only. They need a bench; `not-owned` reads "on a bench" in a cue.
FRONT-HOLD-SQUAT-IN-STRENGTH-SLOT (prescription) A goblet squat at 3 x 4-6: one weight held
    at the chest limits the load long before the legs. The goblet squats' `min_reps` is 8, so
    a strength slot takes a lift that can be loaded heavy. Check `front-hold-strength-set`.
HRT-ESTROGEN-NOT-THERAPY-AWARE (effects) A woman on menopausal HRT was shown an effect on her
    own estradiol. Effects on it need `own-estrogen`; an info warning says the therapy sets
    it. Check `estrogen-on-hrt`.
AEROBIC-LONG-TERM-CLAIM-WITHOUT-DOSE (effects) Two walks of 18-19 minutes claimed long-term
    insulin sensitivity ("strong"), BDNF, cortisol and catecholamine effects. Regular aerobic
    training is two or more steady sessions holding 90+ minutes a week. Check
    `long-term-steady-claim-without-dose`.
SYNERGY-NAMES-ABSENT-DOSE (therapy text) "Heavy lifting may lower myostatin" beside 8-12 reps
    at RPE 5-6; "IL-6 from long aerobic work" beside 14-minute walks. The myostatin notes need
    the myostatin effect's dose and say "regular lifting"; the IL-6 notes need the acute IL-6
    dose; the BDNF note a 20-minute session. Check `synergy-without-dose`.
HIIT-WARNING-MISSTATES-REASON (words) An inactive beginner without a bike was told to list
    one "to add" intervals that her base weeks keep out of the whole block. The warning now
    says intervals start after the base. Check `interval-reason-untrue`.
LOAD-NOTE-CITES-ABSENT-1RM (words) "The %1RM shown stays the same" in weeks that show none,
    and "40-50 percent of your maximum" told to a frail woman dosed by effort alone. An
    `effort_load_note` speaks of no %1RM; frail people get the start told in effort. Check
    `pct-1rm-words-without-one`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    bent_over_unfit,
    estrogen_on_hrt,
    frail_row_unsupported,
    front_hold_strength_set,
    interval_reason_untrue,
    long_term_steady_claim_without_dose,
    not_owned,
    pct_1rm_words_without_one,
    synergy_without_dose,
)
from tests.builtin import audit_check, builtin_plan, plan_names, week_lifting
from tests.strategies import audit_property, profiles
from tests.test_review12_kinds import frail_people

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

FRAIL_BANDS = {"age": 80, "sex": "female", "goals": ["mood-cognition"], "equipment": ["bands"]}
BACK_PAIN = {
    "age": 45,
    "sex": "female",
    "goals": ["muscle"],
    "days": ["wednesday", "saturday", "sunday"],
    "conditions": ["low-back-pain"],
}
NO_BENCH = {"age": 30, "sex": "male", "goals": ["endurance"], "minutes_per_session": 90}
STRENGTH_DUMBBELLS = {
    "age": 40,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
}
HRT = {"age": 55, "sex": "female", "goals": ["bone-density"], "therapies": ["menopausal-hrt"]}
TWO_SHORT_WALKS = {"age": 55, "sex": "male", "goals": ["fat-loss"], "days_per_week": 2}
TRT_LIGHT = {"age": 48, "sex": "male", "goals": ["muscle"], "therapies": ["trt"]}
INACTIVE_SIX_DAYS = {"age": 26, "sex": "female", "goals": ["fat-loss"], "days_per_week": 6}
FRAIL_DEFAULT = {"age": 80, "sex": "female", "goals": ["strength"]}


def _clean(check: str, data: dict[str, Any], plan: Any) -> None:
    verdict = audit_check(check, data, plan)
    assert verdict.applies, check
    assert not verdict.faults, verdict.faults[:3]


def test_a_frail_woman_with_bands_rows_with_a_hand_on_the_counter() -> None:
    plan = builtin_plan(weeks=4, **FRAIL_BANDS)
    pulls = {
        e.name
        for w in plan.weeks
        for s in week_lifting(w)
        for e in s.exercises
        if e.pattern.value == "horizontal-pull"
    }
    assert pulls == {"Supported one-arm band row"}
    names = plan_names(plan)
    assert not names & {"Band pull-apart", "Standing band chest press", "Standing band row"}
    _clean("frail-row-unsupported", FRAIL_BANDS, plan)
    _clean("frail-hands-bound", FRAIL_BANDS, plan)


def test_a_painful_back_gets_no_bent_over_fly() -> None:
    plan = builtin_plan(weeks=4, **BACK_PAIN)
    assert "Bent-over dumbbell reverse fly" not in plan_names(plan)
    warning = next(w for w in plan.warnings if w.code == "low-back-pain-adjustments")
    assert "bent over" in warning.message
    _clean("bent-over-unfit", BACK_PAIN, plan)


def test_no_bench_no_lying_on_a_bench() -> None:
    plan = builtin_plan(weeks=4, **NO_BENCH)
    names = plan_names(plan)
    assert not names & {"Dumbbell lying triceps extension", "Dumbbell chest fly"}
    _clean("not-owned", NO_BENCH, plan)


def test_a_strength_slot_squat_is_not_a_goblet_hold() -> None:
    plan = builtin_plan(**STRENGTH_DUMBBELLS)
    for w in plan.weeks:
        for s in week_lifting(w):
            for e in s.exercises:
                if e.name == "Goblet squat" and e.reps is not None:
                    assert e.reps.min >= 8, (w.week, e.reps)
    squats = [
        e
        for w in plan.weeks
        for s in week_lifting(w)
        for e in s.exercises
        if e.pattern.value == "squat" and e.reps is not None and e.reps.max <= 6
    ]
    assert squats  # the strength weeks keep a heavy squat
    verdict = audit_check("front-hold-strength-set", STRENGTH_DUMBBELLS, plan)
    assert not verdict.faults, verdict.faults[:3]
    _clean("partial-range-for-trained", STRENGTH_DUMBBELLS, plan)


def test_hrt_is_told_the_therapy_sets_her_estradiol() -> None:
    plan = builtin_plan(weeks=4, **HRT)
    assert all(e.target.value != "estrogen" for e in plan.expected_effects)
    warning = next(w for w in plan.warnings if w.code == "therapy-sets-estrogen")
    assert "set by the therapy" in warning.message
    _clean("estrogen-on-hrt", HRT, plan)


def test_two_short_walks_claim_no_long_term_aerobic_effect() -> None:
    plan = builtin_plan(weeks=4, **TWO_SHORT_WALKS)
    steady_long = [
        e
        for e in plan.expected_effects
        if e.timescale == "long_term" and any(m.value == "endurance" for m in e.from_modalities)
    ]
    # only the no-change claim on resting growth hormone names steady work
    assert all(e.direction == "no_change" for e in steady_long), steady_long
    insulin = next(
        e
        for e in plan.expected_effects
        if e.target.value == "insulin_sensitivity" and e.timescale == "long_term"
    )
    assert [m.value for m in insulin.from_modalities] == ["resistance"]
    _clean("long-term-steady-claim-without-dose", TWO_SHORT_WALKS, plan)


def test_four_rides_a_week_keep_their_long_term_claims() -> None:
    data = {
        "age": 40,
        "sex": "female",
        "goals": ["endurance"],
        "currently_active": True,
        "days_per_week": 4,
        "minutes_per_session": 60,
        "equipment": ["bike"],
    }
    plan = builtin_plan(weeks=4, **data)
    targets = {
        e.target.value
        for e in plan.expected_effects
        if e.timescale == "long_term" and any(m.value == "endurance" for m in e.from_modalities)
    }
    assert {"insulin_sensitivity", "bdnf"} <= targets
    _clean("long-term-steady-claim-without-dose", data, plan)


def test_trt_at_light_loads_hears_no_heavy_lifting() -> None:
    plan = builtin_plan(weeks=4, **TRT_LIGHT)
    texts = " ".join(s.explanation for s in plan.therapy_synergies)
    assert "Heavy lifting may" not in texts
    _clean("synergy-without-dose", TRT_LIGHT, plan)


def test_the_interval_warning_names_the_base_weeks_not_the_kit() -> None:
    plan = builtin_plan(weeks=4, **INACTIVE_SIX_DAYS)
    said = next(w.message for w in plan.warnings if w.code == "could-not-plan")
    assert "start in week 9, after these 4 weeks" in said
    assert "to add them" not in said
    _clean("interval-reason-untrue", INACTIVE_SIX_DAYS, plan)
    # a 12-week block reaches the intervals' weeks: there the kit is the reason
    longer = builtin_plan(weeks=12, **INACTIVE_SIX_DAYS)
    said = next(w.message for w in longer.warnings if w.code == "could-not-plan")
    assert "list one in your equipment to add them" in said


def test_a_frail_start_speaks_of_effort_not_of_a_maximum() -> None:
    plan = builtin_plan(weeks=4, **FRAIL_DEFAULT)
    start = next(w for w in plan.warnings if w.code == "older-beginner-start")
    assert "maximum" not in start.message.replace("not by a share of your maximum", "")
    assert "percent" not in start.message
    for w in plan.weeks:
        for note in w.notes:
            assert "%1RM shown" not in note, (w.week, note)
    _clean("pct-1rm-words-without-one", FRAIL_DEFAULT, plan)


def test_a_barbell_lifter_still_reads_the_1rm_load_note() -> None:
    data = {
        "age": 35,
        "sex": "male",
        "goals": ["strength"],
        "experience": "intermediate",
        "currently_active": True,
        "equipment": ["barbell", "bench"],
    }
    plan = builtin_plan(**data)
    notes = " ".join(n for w in plan.weeks for n in w.notes)
    assert "the %1RM shown stays the same" in notes
    _clean("pct-1rm-words-without-one", data, plan)


# ---- properties ---------------------------------------------------------------------------


@st.composite
def frail_people_with_kit(draw: st.DrawFn) -> dict[str, Any]:
    """Frail people on kits with bands, a door anchor, cables, machines or suspension straps."""
    data = draw(frail_people())
    kit = draw(
        st.sampled_from(
            [
                ["bands"],
                ["bands", "door-anchor"],
                ["suspension-trainer"],
                ["machines"],
                ["dumbbells", "kettlebell", "suspension-trainer"],
            ]
        )
    )
    data["equipment"] = kit
    return data


def test_frail_people_row_leaning_on_something(record_property: pytest.RecordProperty) -> None:
    audit_property(
        frail_people_with_kit(),
        {
            "frail-row-unsupported": frail_row_unsupported,
            "pct-1rm-words-without-one": pct_1rm_words_without_one,
        },
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def back_pain_people(draw: st.DrawFn) -> dict[str, Any]:
    data = draw(profiles())
    data["conditions"] = list(dict.fromkeys([*data["conditions"], "low-back-pain"]))
    return data


def test_back_pain_never_bends_over_a_load(record_property: pytest.RecordProperty) -> None:
    audit_property(
        back_pain_people(),
        {"bent-over-unfit": bent_over_unfit, "not-owned": not_owned},
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def trained_strength_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Trained lifters with a strength goal on small dumbbell or kettlebell kits."""
    data = draw(profiles(max_age=64))
    data["goals"] = ["strength", *(g for g in data["goals"] if g != "strength")][:3]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data["equipment"] = draw(
        st.sampled_from([["dumbbells"], ["kettlebell"], ["dumbbells", "bands"], ["dumbbells"]])
    )
    return data


def test_strength_slots_hold_no_goblet_hold(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_strength_lifters(),
        {"front-hold-strength-set": front_hold_strength_set},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


@st.composite
def therapy_users(draw: st.DrawFn) -> dict[str, Any]:
    """People on a hormone therapy, often on few or short days (the doses most often absent)."""
    data = draw(profiles())
    if data["sex"] == "female":
        data["therapies"] = [draw(st.sampled_from(["menopausal-hrt", "gh-peptide", "tesamorelin"]))]
        if data["therapies"] == ["menopausal-hrt"]:
            data["age"] = max(data["age"], 45)
            data["conditions"] = [c for c in data["conditions"] if c != "pregnancy"]
            data.pop("pregnancy_week", None)
    else:
        data["therapies"] = [draw(st.sampled_from(["trt", "gh-peptide", "tesamorelin"]))]
    data["minutes_per_session"] = draw(st.sampled_from([20, 30, 45, 60, 90]))
    return data


def test_effects_and_therapy_notes_rest_on_the_dose(record_property: pytest.RecordProperty) -> None:
    audit_property(
        therapy_users(),
        {
            "long-term-steady-claim-without-dose": long_term_steady_claim_without_dose,
            "synergy-without-dose": synergy_without_dose,
            "estrogen-on-hrt": estrogen_on_hrt,
        },
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def base_builders(draw: st.DrawFn) -> dict[str, Any]:
    """Beginners or inactive people with an interval goal and often without a bike."""
    data = draw(profiles(max_age=60))
    data["goals"] = draw(st.sampled_from([["fat-loss"], ["insulin-sensitivity"], ["endurance"]]))
    data["conditions"] = []
    data.pop("pregnancy_week", None)
    data.pop("screening", None)
    data.pop("blood_pressure", None)
    if draw(st.booleans()):
        data["experience"] = "beginner"
    else:
        data["currently_active"] = False
    data["equipment"] = [e for e in data["equipment"] if e not in ("bike", "treadmill")]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(5, 6))
    data["minutes_per_session"] = draw(st.integers(30, 90))
    return data


def test_interval_warnings_give_the_true_reason(record_property: pytest.RecordProperty) -> None:
    audit_property(
        base_builders(),
        {"interval-reason-untrue": interval_reason_untrue},
        record_property,
        examples=EXAMPLES,
    )
