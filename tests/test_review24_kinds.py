"""Coach review 24's safety kinds (fresh reviewer, 20 new profiles, /tmp/coach24), each with
its smallest profile as a named test and a property over the people the kind is about.

RACK-ASSUMED (unsafe) A 30-year-old intermediate man, strength first, active, 3 days, who
    listed a barbell and nothing else: back and front squats and a floor press at 77-85 %
    1RM, a reverse lunge with the bar on his back; the reviewer's p02 got a bench press
    "with safety arms set" with no rack. COACHING.md §1: doable with what they own. *Cause:*
    the profile had no word for a rack, so a barbell alone stood for one. *Decision:* a new
    fixture, `rack` (a power rack or squat stands with safety arms; an addition to the v1.1
    fixtures, which `machines` - a gym - brings along); the library's racked barbell lifts
    (the bar on the back or the shoulders, the bench, floor and overhead presses) need it,
    and a rule says so when a barbell is listed without one (`barbell-without-rack`). Check
    `not-owned` reads a racked lift from its tags and pattern, not from its listed kit.

LOADED-FLEXION-CUE (unsafe) A 62-year-old man with osteoporosis, machines: the leg press cue
    said to lower the sled "until the hips start to curl" - the tuck that flexes the lumbar
    spine under load (COACHING.md §4: no loaded spinal flexion). *Decision:* the cue stops
    while the lower back and hips stay flat on the pad. Named test on the library.

BP-HOLD-RULE-BYPASSED (safety) A 50-year-old intermediate man with hypertension, dumbbells:
    a renegade row (3 x 8-12 from a held plank) beside the note promising no long static
    holds (EVIDENCE.md 2.3: avoid breath-holding). *Cause:* the rule left out the
    `sustained-hold` tag, not `loaded-plank`. *Decision:* it leaves out both. Check
    `sustained-hold-with-high-bp` reads the library's `loaded-plank` tag too.

OLDEST-FALL-RISK-MOBILITY (safety) An active 85-year-old man, bodyweight and bands: a world's
    greatest stretch (a deep lunge, one hand on the floor, a turn) beside the warning that
    unsupported lunges are left out from 80. *Cause:* the library row lacked `fall-risk`, and
    the audit read "one hand down" as support. *Decision:* tagged; check `stance-unsupported`
    covers everyone from 80 and reads a deep lunge as unsupported whatever the hands do.

LBP-RULE-CONTRADICTED (safety) A 30-year-old intermediate woman with low-back pain, strength
    first, pull-up bar and dumbbells: chin-ups at 3-6 reps (then with a dumbbell between the
    feet) under a warning promising 8 or more reps on every lift "whatever it is lifted
    with". *Decision:* the low-back-pain rule's limit holds 8 reps at least, and the picker
    leaves out moves capped below a limit's fewest reps as it does for a cautious start.
    Check `back-pain-heavy-load` counts body-weight lifts' reps too.

DEPARTURE-CLAIMS-INTERVALS (words) A 30-year-old active woman, insulin sensitivity first,
    dumbbells: the departure said the plan "uses intervals as one option" in a block with
    none (with hypertension a safety rule had left them out). COACHING.md §5. *Decision:*
    the departure with those words needs intervals in the block; an insulin-sensitivity goal
    without them gets one that says the block builds it with steady work and lifting
    (`core/departure-hiit-insulin-moderate-no-intervals`). Check
    `departure-claims-absent-intervals`.

UNREALISABLE-LOAD-STEP (words) A 30-year-old intermediate woman, muscle first, a kettlebell:
    "about 2% more weight" in a load week, which a bell or band cannot give (the next one is
    15-25 % more). *Decision:* a library figure, `fine_load_from` (3: plates, a pin,
    dumbbells), and a pack message, `coarse_load_note`: where every loaded lift of the week
    steps coarsely, the note asks for the next bell or band once the reps have earned it.
    Named test (the note is pack text; `load_change_pct` stays the block's step).

CEILING-HEADLINE-CONTRADICTS-CAUTIOUS-START (words) An inactive 70-year-old woman with
    osteoporosis: "highest intensity allowed: moderate in weeks 1-4, vigorous from week 5"
    at the top of eight light weeks, beside the screening's advice to see a professional
    before any vigorous effort. *Decision:* where the screening asks for that check the line
    says vigorous comes after it (`render.text.ceiling_by_week`). Check
    `ceiling-skips-vigorous-check`.

EFFECT-WITHOUT-DOSE (claims) A 30-year-old man, strength first, body weight only, 2 x 15
    minutes: "testosterone increase, acute, strong" for body-weight circuits (EVIDENCE.md:
    the rise is largest with big muscle mass, volume and moderate-to-heavy loads).
    *Decision:* its dose counts demanding multi-joint sets with a load given as a %1RM
    (`session.most_demanding_loaded_compound_sets`, `dose-loaded-compound-volume`). Check
    `effect-without-dose` covers it.

OLDER-ADVANCED-DOWNGRADED (fit) An advanced 65-year-old man, strength first, dumbbells,
    active: every lunge became a supported low step-up (a beginner's shin-height step) at
    RPE 7-8 - the older-adult rule leaves out split stances with loaded hands, and nothing
    harder with a hand free was in the library. *Decision:* a supported one-dumbbell split
    squat (intermediate, one hand on a rail, 8+ reps), and both supported one-dumbbell
    moves are ranked as one-hand loads. Check `loaded-below-level`.

REGRESSION-IN-ROTATION (fit) A 30-year-old beginner, strength first, body weight: wall
    push-ups and counter-supported squats at RPE 7-8 on one day of the week he did full
    push-ups and air squats on the others (COACHING.md §1: regressions come first, not in
    rotation after the harder version). *Decision:* under 65, a week's rotation holds no
    regression where a harder move of the pattern is in the same tier; the regression stays
    the alternative (`Picker.pick`). Check `regression-beside-harder`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

import endoprotocol.audit as audit_module
from endoprotocol.audit import PROGRESSION_CHECKS, SAFETY_CHECKS, SELECTION_CHECKS, WORD_CHECKS
from endoprotocol.render.text import screening_title
from endoprotocol.vocab import Equipment
from tests.builtin import audit_check, builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

RACKED = {
    "Barbell back squat",
    "Barbell box squat",
    "Barbell front squat",
    "Barbell good morning",
    "Barbell reverse lunge",
    "Barbell bench press",
    "Barbell floor press",
    "Barbell overhead press",
    "Barbell push press",
}

# /tmp/coach24/min/m_rack.yaml
BARBELL_ONLY = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "days_per_week": 3,
    "equipment": ["barbell"],
    "currently_active": True,
}


def _warnings(plan: Any) -> set[str]:
    return {w.code for w in plan.warnings}


def test_a_barbell_without_a_rack_gets_no_racked_lift_and_is_told_why() -> None:
    plan = builtin_plan(weeks=8, **BARBELL_ONLY)
    names = plan_names(plan)
    assert not names & RACKED, names & RACKED
    # the bar is still loaded from the floor
    assert "Conventional barbell deadlift" in names
    assert "barbell-without-rack" in _warnings(plan)
    assert not audit_check("not-owned", BARBELL_ONLY, plan).faults


def test_a_rack_or_a_gym_brings_the_racked_lifts_back() -> None:
    for kit in (["barbell", "rack"], ["barbell", "machines"]):
        plan = builtin_plan(weeks=4, **{**BARBELL_ONLY, "equipment": kit})
        assert plan_names(plan) & RACKED, kit
        assert "barbell-without-rack" not in _warnings(plan)
        assert "rack" in [e.value for e in plan.profile.equipment]


def test_the_library_lists_a_rack_for_every_racked_barbell_lift() -> None:
    for entry in builtin_library().exercises:
        if entry.name in RACKED:
            assert Equipment.RACK in entry.equipment, entry.name


def test_the_check_finds_a_racked_lift_without_a_rack() -> None:
    """The old plan: a back squat for a lifter with a barbell and no rack."""
    plan = builtin_plan(weeks=4, **{**BARBELL_ONLY, "equipment": ["barbell", "rack"]})
    faults = audit_check("not-owned", BARBELL_ONLY, plan).faults
    assert faults
    assert all("rack" in f.what for f in faults)


# /tmp/coach24/min/m_legpress.yaml
def test_the_leg_press_cue_stops_before_the_back_rounds() -> None:
    entry = next(e for e in builtin_library().exercises if e.id == "leg-press")
    assert "hips start to curl" not in entry.cue
    assert "flat against the pad" in entry.cue
    plan = builtin_plan(
        weeks=4,
        age=62,
        sex="male",
        goals=["bone-density"],
        days_per_week=2,
        equipment=["machines"],
        conditions=["osteoporosis"],
    )
    notes = [e.notes for d in plan.weeks[0].days for s in d.sessions for e in s.exercises]
    assert not any("curl" in n and "sled" in n for n in notes)


# /tmp/coach24/min/m_bp_hypertension.yaml
HYPERTENSIVE_DUMBBELLS = {
    "age": 50,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "intermediate",
    "days_per_week": 2,
    "equipment": ["dumbbells"],
    "currently_active": True,
    "conditions": ["hypertension"],
}


def test_no_row_from_a_held_plank_with_high_blood_pressure() -> None:
    for condition in ("hypertension", "cardiovascular-disease"):
        data = {**HYPERTENSIVE_DUMBBELLS, "conditions": [condition]}
        plan = builtin_plan(weeks=8, **data)
        assert "Renegade row" not in plan_names(plan)
        verdict = audit_check("sustained-hold-with-high-bp", data, plan)
        assert verdict.applies
        assert not verdict.faults, verdict.faults


def test_the_check_finds_a_renegade_row_beside_high_blood_pressure() -> None:
    plan = builtin_plan(weeks=4, **{**HYPERTENSIVE_DUMBBELLS, "conditions": []})
    assert "Renegade row" in plan_names(plan)
    faults = audit_check("sustained-hold-with-high-bp", HYPERTENSIVE_DUMBBELLS, plan).faults
    assert any("Renegade row" in f.what for f in faults)


# /tmp/coach24/min/m_wgs.yaml
ACTIVE_85 = {
    "age": 85,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 30,
    "equipment": ["bodyweight", "bands"],
    "currently_active": True,
}


def test_no_deep_lunge_stretch_from_80() -> None:
    plan = builtin_plan(weeks=8, **ACTIVE_85)
    assert "World's greatest stretch" not in plan_names(plan)
    assert "oldest-no-fall-risk" in _warnings(plan)
    verdict = audit_check("stance-unsupported", ACTIVE_85, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_a_deep_lunge_with_a_hand_down_at_85() -> None:
    """The stretch the 79-year-old keeps, read for the 85-year-old."""
    plan = builtin_plan(weeks=4, **{**ACTIVE_85, "age": 79})
    assert "World's greatest stretch" in plan_names(plan)
    faults = audit_check("stance-unsupported", ACTIVE_85, plan).faults
    assert any("World's greatest stretch" in f.what for f in faults)


# /tmp/coach24/min/m_lbp.yaml
BACK_PAIN_PULL_UPS = {
    "age": 30,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "days_per_week": 3,
    "equipment": ["pull-up-bar", "dumbbells"],
    "currently_active": True,
    "conditions": ["low-back-pain"],
}


def test_every_lift_keeps_eight_reps_with_low_back_pain() -> None:
    plan = builtin_plan(weeks=8, **BACK_PAIN_PULL_UPS)
    for week in plan.weeks:
        if week.deload:
            continue
        for d in week.days:
            for s in d.sessions:
                for e in s.exercises if s.modality.value == "resistance" else []:
                    if e.reps is not None:
                        assert e.reps.min >= 8, (week.week, e.name, e.reps)
    verdict = audit_check("back-pain-heavy-load", BACK_PAIN_PULL_UPS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_chin_ups_at_a_few_reps_with_low_back_pain() -> None:
    data = {**BACK_PAIN_PULL_UPS, "conditions": []}
    plan = builtin_plan(weeks=4, **data)
    few = [
        e.name
        for d in plan.weeks[0].days
        for s in d.sessions
        for e in s.exercises
        if e.reps is not None and e.reps.min < 8 and e.name in ("Chin-up", "Pull-up")
    ]
    assert few
    faults = audit_check("back-pain-heavy-load", BACK_PAIN_PULL_UPS, plan).faults
    assert any(f.what.startswith(few[0]) for f in faults)


@st.composite
def review24_people(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone, with the conditions, ages and kits these kinds are about drawn often: high
    blood pressure or heart disease, low-back pain, osteoporosis, 80 and over, and barbell
    kits with and without a rack."""
    data = draw(profiles())
    data.pop("pregnancy_week", None)
    data["conditions"] = draw(
        st.lists(
            st.sampled_from(
                [
                    "hypertension",
                    "cardiovascular-disease",
                    "low-back-pain",
                    "osteoporosis",
                    "knee-pain",
                ]
            ),
            max_size=2,
            unique=True,
        )
    )
    if draw(st.booleans()):
        data["age"] = draw(st.integers(80, 100))
    data["equipment"] = draw(
        st.sampled_from(
            [
                ["barbell"],
                ["barbell", "bench"],
                ["barbell", "rack", "bench"],
                ["barbell", "dumbbells", "machines"],
                ["dumbbells"],
                ["bodyweight", "bands"],
                ["pull-up-bar", "dumbbells"],
            ]
        )
    )
    return data


def test_review24_safety_kinds_hold_over_generated_people(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        review24_people(),
        {
            "not-owned": SELECTION_CHECKS["not-owned"],
            "sustained-hold-with-high-bp": SAFETY_CHECKS["sustained-hold-with-high-bp"],
            "stance-unsupported": SAFETY_CHECKS["stance-unsupported"],
            "back-pain-heavy-load": SAFETY_CHECKS["back-pain-heavy-load"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# /tmp/coach24/min/m_dep.yaml
INSULIN_FIRST = {
    "age": 30,
    "sex": "female",
    "goals": ["insulin-sensitivity"],
    "days_per_week": 3,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def _holds_intervals(plan: Any) -> bool:
    return any(s.modality.value == "hiit" for w in plan.weeks for d in w.days for s in d.sessions)


def test_the_insulin_departure_claims_no_intervals_the_block_does_not_hold() -> None:
    for conditions in ([], ["hypertension"]):
        data = {**INSULIN_FIRST, "conditions": conditions}
        plan = builtin_plan(weeks=16, **data)
        assert not _holds_intervals(plan)
        departures = {d.id: d.plan_does for d in plan.departures}
        assert "core/hiit-insulin-moderate" not in departures
        assert "holds no intervals" in departures["core/hiit-insulin-moderate-without-intervals"]
        verdict = audit_check("departure-claims-absent-intervals", data, plan)
        assert not verdict.faults, verdict.faults


def test_a_block_with_intervals_keeps_the_departure_that_says_so() -> None:
    data = {**INSULIN_FIRST, "goals": ["fat-loss", "insulin-sensitivity"], "equipment": ["bike"]}
    plan = builtin_plan(weeks=8, **{**data, "experience": "intermediate"})
    departures = {d.id for d in plan.departures}
    if _holds_intervals(plan):
        assert "core/hiit-insulin-moderate" in departures
    else:
        assert "core/hiit-insulin-moderate-without-intervals" in departures


def test_the_check_finds_a_departure_that_claims_absent_intervals() -> None:
    plan = builtin_plan(weeks=4, **INSULIN_FIRST)
    departure = next(
        d for d in plan.departures if d.id == "core/hiit-insulin-moderate-without-intervals"
    )
    departure.plan_does = "Expects a moderate gain, and uses intervals as one option."
    faults = audit_check("departure-claims-absent-intervals", INSULIN_FIRST, plan).faults
    assert [f.where for f in faults] == [f"departure {departure.id}"]


# /tmp/coach24/min/m_kb.yaml
KETTLEBELL_ONLY = {
    "age": 30,
    "sex": "female",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days_per_week": 3,
    "equipment": ["kettlebell"],
    "currently_active": True,
}


def _notes(plan: Any) -> list[str]:
    return [n for w in plan.weeks for n in w.notes]


def test_a_kettlebell_load_week_asks_for_the_next_bell_not_two_per_cent() -> None:
    for kit in (["kettlebell"], ["bands"], ["kettlebell", "bands"]):
        plan = builtin_plan(weeks=8, **{**KETTLEBELL_ONLY, "equipment": kit})
        notes = _notes(plan)
        assert not any("% more weight" in n for n in notes), (kit, notes)
        assert any("a whole bell or band at a time" in n for n in notes), kit


def test_dumbbells_keep_the_per_cent_step() -> None:
    plan = builtin_plan(weeks=8, **{**KETTLEBELL_ONLY, "equipment": ["kettlebell", "dumbbells"]})
    notes = _notes(plan)
    assert any("% more weight" in n for n in notes)
    assert not any("a whole bell or band at a time" in n for n in notes)


# /tmp/coach24/min/m_ceil.yaml
INACTIVE_70_OSTEOPOROSIS = {
    "age": 70,
    "sex": "female",
    "goals": ["bone-density"],
    "days_per_week": 2,
    "conditions": ["osteoporosis"],
}


def test_the_top_line_offers_vigorous_only_after_the_check() -> None:
    # since coach review 26 (OVER45-HARD-STEP) the screening's check holds the whole block
    # at moderate: the line offers no vigorous weeks at all, so it needs no qualifier
    plan = builtin_plan(weeks=8, **INACTIVE_70_OSTEOPOROSIS)
    title = screening_title(plan)
    assert "vigorous" not in title.split("highest intensity allowed:")[1]
    assert "moderate" in title
    verdict = audit_check("ceiling-skips-vigorous-check", INACTIVE_70_OSTEOPOROSIS, plan)
    assert not verdict.faults, verdict.faults
    # an active person is not asked for the check, and the line has no qualifier
    active = builtin_plan(
        weeks=4, age=70, sex="female", goals=["bone-density"], currently_active=True
    )
    assert "professional" not in screening_title(active)


def test_the_check_finds_a_ceiling_line_without_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The old line (no qualifier) under the screening's advice to see a professional first."""
    plan = builtin_plan(weeks=8, **INACTIVE_70_OSTEOPOROSIS)
    old = "No medical clearance needed; highest intensity allowed: moderate in weeks 1-4, "
    monkeypatch.setattr(audit_module, "screening_title", lambda _plan: old + "vigorous from week 5")
    faults = audit_check("ceiling-skips-vigorous-check", INACTIVE_70_OSTEOPOROSIS, plan).faults
    assert [f.where for f in faults] == ["top of the plan"]
    # and the line as rendered carries the qualifier for any step that names vigorous efforts
    # (a pack whose screening still allows vigorous weeks beside such a step)
    plan.screening.next_steps = ["Before vigorous efforts, see someone."]
    plan.screening.max_intensity = "vigorous"
    for week in plan.weeks:
        week.max_intensity = "vigorous"
    assert "professional" in screening_title(plan)


# /tmp/coach24/min/m_t.yaml
BODYWEIGHT_SHORT = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "days_per_week": 2,
    "minutes_per_session": 15,
    "equipment": ["bodyweight"],
}


def _acute_testosterone_rise(plan: Any) -> bool:
    return any(
        e.target.value == "testosterone" and e.timescale == "acute" and e.direction == "increase"
        for e in plan.expected_effects
    )


def test_no_acute_testosterone_claim_for_body_weight_circuits() -> None:
    for weeks in (4, 5, 8):
        plan = builtin_plan(weeks=weeks, **BODYWEIGHT_SHORT)
        assert not _acute_testosterone_rise(plan), weeks
    loaded = builtin_plan(
        weeks=4,
        **{
            **BODYWEIGHT_SHORT,
            "equipment": ["barbell", "machines"],
            "minutes_per_session": 60,
            "experience": "intermediate",
            "currently_active": True,
        },
    )
    assert _acute_testosterone_rise(loaded)
    assert not audit_check("effect-without-dose", BODYWEIGHT_SHORT, loaded).faults


def test_review24_word_kinds_hold_over_generated_people(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        review24_people(),
        {
            "departure-claims-absent-intervals": WORD_CHECKS["departure-claims-absent-intervals"],
            # (the ceiling line's qualifier has no vigorous week left to qualify since coach
            # review 26 held these people at moderate: the check that replaced it)
            "vigorous-before-check": PROGRESSION_CHECKS["vigorous-before-check"],
            "effect-without-dose": PROGRESSION_CHECKS["effect-without-dose"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# /tmp/coach24/min/m_adv.yaml (the report's smallest: dumbbells, three days)
ADVANCED_65 = {
    "age": 65,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "days_per_week": 3,
    "equipment": ["dumbbells"],
    "currently_active": True,
}


def _lunges(plan: Any) -> set[str]:
    return {
        e.name
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.pattern.value == "lunge"
    }


def test_an_advanced_65_year_old_keeps_a_split_squat_with_a_hand_free() -> None:
    plan = builtin_plan(weeks=4, **ADVANCED_65)
    assert _lunges(plan) == {"Supported one-dumbbell split squat"}
    verdict = audit_check("loaded-below-level", ADVANCED_65, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults
    # at 60 the two-dumbbell step-up is open and comes first; a beginner at 70 keeps the
    # supported low step-up
    assert _lunges(builtin_plan(weeks=4, **{**ADVANCED_65, "age": 60})) == {
        "Dumbbell step-up to a high box"
    }
    beginner = {**ADVANCED_65, "age": 70, "experience": "beginner", "currently_active": False}
    assert _lunges(builtin_plan(weeks=4, **beginner)) <= {"Supported dumbbell low step-up"}


def test_the_check_finds_only_beginner_lunges_for_an_advanced_lifter() -> None:
    beginner = {**ADVANCED_65, "age": 70, "experience": "beginner", "currently_active": False}
    plan = builtin_plan(weeks=4, **beginner)
    assert "Supported dumbbell low step-up" in _lunges(plan)
    faults = audit_check("loaded-below-level", ADVANCED_65, plan).faults
    assert any("Supported one-dumbbell split squat" in f.what for f in faults)


# /tmp/coach24/min/m_reg.yaml
BODYWEIGHT_BEGINNER = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "days_per_week": 3,
    "equipment": ["bodyweight"],
}


def test_no_wall_push_up_in_the_week_of_push_ups() -> None:
    plan = builtin_plan(weeks=6, **BODYWEIGHT_BEGINNER)
    names = plan_names(plan, alternatives=False)
    # (the full push-up is an intermediate lift since coach review 30, BEGINNER-GETS-FULL-
    # PUSH-UP: a beginner presses on an incline every day, never also on a wall)
    assert "Incline push-up" in names
    assert not names & {"Wall push-up", "Push-up", "Counter-supported squat"}
    # the regressions stay the alternatives for a set he cannot yet do
    assert "Wall push-up" in plan_names(plan)
    verdict = audit_check("regression-beside-harder", BODYWEIGHT_BEGINNER, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_an_older_beginner_may_still_rotate_the_ladder() -> None:
    older = {**BODYWEIGHT_BEGINNER, "age": 70}
    assert not audit_check(
        "regression-beside-harder", older, builtin_plan(weeks=4, **older)
    ).applies


def test_review24_fit_kinds_hold_over_generated_people(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        review24_people(),
        {
            "loaded-below-level": SELECTION_CHECKS["loaded-below-level"],
            "regression-beside-harder": SELECTION_CHECKS["regression-beside-harder"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
