"""Coach review 25's kinds (fresh reviewer on the session's own work, 20 new profiles,
/tmp/coach25), each with its smallest profile as a named test and a property over the people
the kind is about.

FALLS-HANDS-BOUND-LEAK (unsafe) A 40-year-old woman who has fallen, the default kit: a bent-over
    dumbbell reverse fly, both hands loaded, under the falls warning "never both hands on a
    load or a band"; with bands and a door anchor, a standing band face pull. *Cause:* ten
    standing two-hand moves lacked `hands-bound` (the reverse fly, face pulls, Pallof presses,
    triceps pushdowns, the cable chest press, fly and woodchop), and the audit read "dumbbells
    hanging" as hanging from a bar and an anchored band as a support. *Decision:* tagged
    (anchored two-hand moves included, which session 17 had left open); `faller-hands-bound`
    reads cables and anchored bands as loads in the hands.

FLOOR-PRESS-PAIRED-AFTER-A-FALL (unsafe) A 65-year-old man who has fallen, 30-minute days: a
    dumbbell floor press paired with a standing squat (one set of each in turn, the rest after
    both) - every round a trip to the floor and up with no rest. *Decision:* for people 65 and
    over, after a fall, with fragile bones, in pregnancy or with high blood pressure or heart
    disease, a floor lift is never paired (`sessions.FLOOR_APART_CONDITIONS`). Check
    `floor-paired-with-standing`.

SHOULDER-NOTE-CONTRADICTS-HEAVY-PRESS (words) With shoulder pain the warning said "deep or heavy
    chest pressing" was left out beside a barbell floor press at 77-85 % 1RM. COACHING.md §4
    asks only that heavy *deep* horizontal pressing wait; the floor stops the press short.
    *Decision:* the warning says deep pressing is left out and the floor press stays.

FRACTURE-PLAN-CUES-A-HEAVY-CARRY (words) A vertebral fracture's RPE 3-4 farmer carry cued
    "pick up a heavy dumbbell in each hand". *Decision:* the carry and the hold ask for the
    load the session's effort sets; `hard-cue-on-easy-week` reads a "heavy" load in a cue.

TRAINED-PREGNANT-LIFTER-GETS-REGRESSION (fit) An advanced lifter at week 20 with dumbbells: an
    incline push-up, a beginner's regression, as every session's only press (no lying or
    face-down work from the second trimester). *Decision:* the library's `fallbacks` let a
    horizontal push take a vertical press, which a trained lifter gets before a regression.
    Check `trained-gets-regression` reads the fallback's pattern too.

NOTES-THAT-ARE-NOT-TRUE (words) An older beginner's lifting "Trimmed to fit 22 minutes" in weeks
    whose added sets made it 32-35 minutes. *Decision:* a week's trim note names the
    session's own minutes where they grew (`weekly.true_trim_notes`). Check
    `trim-note-minutes-false`.

EFFECT-TEXT-FOR-ABSENT-PROTOCOL (claims) An advanced 30-year-old endurance man on 4 days with a
    bike, whose only intervals were 4 x 4 minutes: the acute GH effect quoted a 30-second
    sprint's peak and the next-day glucose effect all-out sprints (COACHING.md §5: an effect
    is about a dose the plan holds). *Decision:* a fact for interval sessions with work bouts
    of 90 s or less (`week.short_interval_sessions`); the sprint-told effects need one, and
    long intervals get the GH rise told from the intensity finding. Check
    `effect-cites-absent-protocol`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SAFETY_CHECKS, SELECTION_CHECKS, WORD_CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan, plan_names
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach25/min/k1c.yaml
FALLEN_40 = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["falls-history"],
}
TWO_HAND_MOVES = {
    "Bent-over dumbbell reverse fly",
    "Band face pull",
    "Band Pallof press",
    "Band triceps pushdown",
    "Cable face pull",
    "Cable Pallof press",
    "Cable triceps pushdown",
    "Standing cable chest press",
    "Standing cable fly",
    "Cable woodchop",
}


def test_no_two_hand_standing_move_after_a_fall() -> None:
    for kit in ([], ["bands", "door-anchor"], ["machines", "dumbbells"]):
        data = {**FALLEN_40, **({"equipment": kit} if kit else {})}
        plan = builtin_plan(weeks=8, **data)
        assert not plan_names(plan) & TWO_HAND_MOVES, (kit, plan_names(plan) & TWO_HAND_MOVES)
        verdict = audit_check("faller-hands-bound", data, plan)
        assert verdict.applies
        assert not verdict.faults, verdict.faults


def test_the_library_binds_both_hands_of_each_two_hand_move() -> None:
    for entry in builtin_library().exercises:
        if entry.name in TWO_HAND_MOVES:
            assert "hands-bound" in entry.tags, entry.name


def test_the_check_finds_a_reverse_fly_or_face_pull_after_a_fall() -> None:
    """The plans of the same people without the fall, read as fallers'."""
    found = set()
    for kit in ([], ["bands", "door-anchor"], ["machines", "dumbbells"]):
        data = {**FALLEN_40, "conditions": [], **({"equipment": kit} if kit else {})}
        plan = builtin_plan(weeks=8, **data)
        faults = audit_check("faller-hands-bound", FALLEN_40, plan).faults
        found |= {name for f in faults for name in TWO_HAND_MOVES if name in f.what}
    assert found


# /tmp/coach25/min/fl_6530general-health.yaml
FALLEN_65 = {
    "age": 65,
    "sex": "male",
    "goals": ["general-health"],
    "conditions": ["falls-history"],
    "minutes_per_session": 30,
}


def _floor_pairs(plan: Any) -> list[tuple[str, str]]:
    names = {e.name: e for e in builtin_library().exercises}
    floor = {"floor", "kneeling"}
    return [
        (e.name, e.paired_with)
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if e.paired_with and floor & set(names[e.name].tags)
    ]


# The same man without the fall: 65 alone keeps the floor press, done apart (since coach
# review 41 a past fall takes no weight to the floor at all: `safety/faller-no-loaded-floor`)
AGED_65 = {key: value for key, value in FALLEN_65.items() if key != "conditions"}


def test_a_floor_press_is_never_paired_with_a_standing_lift_from_65() -> None:
    plan = builtin_plan(weeks=8, **AGED_65)
    assert "Dumbbell floor press" in plan_names(plan, alternatives=False)
    assert not _floor_pairs(plan)
    verdict = audit_check("floor-paired-with-standing", AGED_65, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_after_a_fall_the_floor_press_is_gone_and_nothing_on_the_floor_pairs() -> None:
    plan = builtin_plan(weeks=8, **FALLEN_65)
    assert "Dumbbell floor press" not in plan_names(plan)
    assert not _floor_pairs(plan)
    verdict = audit_check("floor-paired-with-standing", FALLEN_65, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_a_floor_press_paired_with_a_squat() -> None:
    plan = builtin_plan(weeks=4, **AGED_65)
    monday = next(d for d in plan.weeks[0].days if d.day.value == "monday")
    lifts = next(s for s in monday.sessions if s.modality.value == "resistance")
    press = next(e for e in lifts.exercises if e.name == "Dumbbell floor press")
    standing = next(e for e in lifts.exercises if e is not press and not e.paired_with)
    press.paired_with, standing.paired_with = standing.name, press.name
    faults = audit_check("floor-paired-with-standing", AGED_65, plan).faults
    assert any("Dumbbell floor press" in f.where for f in faults)


# /tmp/coach25/min/k2a.yaml
SORE_SHOULDER = {
    "age": 30,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["barbell", "rack"],
    "conditions": ["shoulder-pain"],
}


def test_the_shoulder_warning_says_what_the_floor_press_is() -> None:
    plan = builtin_plan(weeks=4, **SORE_SHOULDER)
    warning = next(w for w in plan.warnings if w.code == "shoulder-pain-adjustments")
    assert "heavy chest pressing" not in warning.message
    assert "a floor press, which the floor stops short, stays" in warning.message
    assert "Barbell floor press" in plan_names(plan, alternatives=False)


# /tmp/coach25/min/vf_g.yaml
FRACTURE = {
    "age": 60,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["vertebral-fracture"],
    "minutes_per_session": 60,
}


def test_no_cue_asks_for_a_heavy_load_on_an_easy_day() -> None:
    plan = builtin_plan(weeks=8, **FRACTURE)
    notes = [e.notes for w in plan.weeks for d in w.days for s in d.sessions for e in s.exercises]
    assert not any("heavy dumbbell" in n for n in notes)
    assert not audit_check("hard-cue-on-easy-week", FRACTURE, plan).faults


def test_the_check_finds_a_heavy_carry_cue_on_an_easy_day() -> None:
    plan = builtin_plan(weeks=4, **FRACTURE)
    lifts = next(
        s for d in plan.weeks[0].days for s in d.sessions if s.modality.value == "resistance"
    )
    lifts.exercises[0].notes = "Pick up a heavy dumbbell in each hand and walk."
    faults = audit_check("hard-cue-on-easy-week", FRACTURE, plan).faults
    assert any(lifts.exercises[0].name in f.where for f in faults)


# /tmp/coach25/min/k4a.yaml
PREGNANT_ADVANCED = {
    "age": 30,
    "sex": "female",
    "goals": ["strength"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["dumbbells"],
    "conditions": ["pregnancy"],
    "pregnancy_week": 20,
}


def test_a_pregnant_advanced_lifter_presses_standing_not_on_an_incline_push_up() -> None:
    plan = builtin_plan(weeks=8, **PREGNANT_ADVANCED)
    names = plan_names(plan, alternatives=False)
    assert "Incline push-up" not in names
    assert names & {"Dumbbell overhead press", "Standing dumbbell high-incline press"}
    verdict = audit_check("trained-gets-regression", PREGNANT_ADVANCED, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_the_incline_push_up_while_a_standing_press_is_open() -> None:
    plan = builtin_plan(weeks=4, **{**PREGNANT_ADVANCED, "equipment": ["bodyweight"]})
    assert "Incline push-up" in plan_names(plan, alternatives=False)
    faults = audit_check("trained-gets-regression", PREGNANT_ADVANCED, plan).faults
    assert any("Incline push-up" in f.what for f in faults)


@st.composite
def careful_people(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone, with falls, fragile bones, pregnancy (past the first trimester), high blood
    pressure, shoulder pain and a vertebral fracture drawn often, on short and long days."""
    data = draw(profiles())
    data.pop("pregnancy_week", None)
    pool = ["falls-history", "osteoporosis", "hypertension", "shoulder-pain", "vertebral-fracture"]
    if data["sex"] == "female":
        pool.append("pregnancy")
    data["conditions"] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
    if "pregnancy" in data["conditions"]:
        data["pregnancy_week"] = draw(st.integers(14, 36))
        data["age"] = draw(st.integers(18, 45))
    return data


def test_review25_kinds_hold_over_careful_people(record_property: pytest.RecordProperty) -> None:
    audit_property(
        careful_people(),
        {
            "faller-hands-bound": SAFETY_CHECKS["faller-hands-bound"],
            "floor-paired-with-standing": SAFETY_CHECKS["floor-paired-with-standing"],
            "hard-cue-on-easy-week": WORD_CHECKS["hard-cue-on-easy-week"],
            "trained-gets-regression": SELECTION_CHECKS["trained-gets-regression"],
            "trim-note-minutes-false": WORD_CHECKS["trim-note-minutes-false"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# /tmp/coach25/min/k7.yaml
OLDER_BEGINNER_40 = {
    "age": 65,
    "sex": "female",
    "goals": ["general-health"],
    "minutes_per_session": 40,
}


def test_a_trim_note_names_the_minutes_its_session_has_that_week() -> None:
    plan = builtin_plan(weeks=8, **OLDER_BEGINNER_40)
    lifting = [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance"
    ]
    trimmed = [s for s in lifting if any(n.startswith("Trimmed to fit") for n in s.notes)]
    assert trimmed
    assert max(s.duration_minutes for s in trimmed) > 22  # the block's sets made them longer
    verdict = audit_check("trim-note-minutes-false", OLDER_BEGINNER_40, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_a_trim_note_shorter_than_its_session() -> None:
    plan = builtin_plan(weeks=8, **OLDER_BEGINNER_40)
    session = next(
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if any(n.startswith("Trimmed to fit") for n in s.notes)
    )
    session.notes = [
        "Trimmed to fit 5 minutes: Standing calf raise." if n.startswith("Trimmed") else n
        for n in session.notes
    ]
    assert audit_check("trim-note-minutes-false", OLDER_BEGINNER_40, plan).faults


# /tmp/coach25/min/hi3_4.yaml
LONG_INTERVALS = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "days_per_week": 4,
    "equipment": ["bike"],
}


def _interval_work(plan: Any) -> set[float]:
    return {
        e.work_seconds.max
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "hiit"
        for e in s.exercises
        if e.work_seconds is not None
    }


def test_long_intervals_claim_no_sprint_findings() -> None:
    plan = builtin_plan(weeks=8, **LONG_INTERVALS)
    assert _interval_work(plan)
    assert min(_interval_work(plan)) > 90
    hiit = [e for e in plan.expected_effects if any(m.value == "hiit" for m in e.from_modalities)]
    acute = [e for e in hiit if e.timescale == "acute"]
    assert not any("sprint" in e.explanation.lower() for e in acute)
    assert not any(e.target.value == "insulin_sensitivity" for e in acute)
    gh = next(e for e in hiit if e.target.value == "growth_hormone" and e.timescale == "acute")
    assert gh.explanation.startswith("Hard intervals of a minute or more")
    verdict = audit_check("effect-cites-absent-protocol", LONG_INTERVALS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_a_sprint_claim_beside_long_intervals() -> None:
    plan = builtin_plan(weeks=8, **LONG_INTERVALS)
    gh = next(
        e
        for e in plan.expected_effects
        if e.target.value == "growth_hormone" and e.timescale == "acute"
    )
    gh.explanation = "Intervals: a 30-second sprint brings a much larger growth hormone peak."
    faults = audit_check("effect-cites-absent-protocol", LONG_INTERVALS, plan).faults
    assert [f.where for f in faults] == ["effect growth_hormone acute"]


@st.composite
def interval_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active trained people with cardio kit, on 3-6 days of 30-90 minutes: whoever the
    rules give intervals, short or long."""
    data = draw(profiles())
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data["conditions"] = []
    data.pop("pregnancy_week", None)
    data.pop("blood_pressure", None)
    data.pop("screening", None)
    data["age"] = draw(st.integers(18, 55))
    data["goals"] = [draw(st.sampled_from(["endurance", "fat-loss", "insulin-sensitivity"]))]
    data["equipment"] = draw(st.sampled_from([["bike"], ["treadmill"], ["bike", "treadmill"]]))
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(3, 6))
    data["minutes_per_session"] = draw(st.integers(30, 90))
    return data


def test_interval_effects_hold_over_interval_people(record_property: pytest.RecordProperty) -> None:
    audit_property(
        interval_people(),
        {"effect-cites-absent-protocol": WORD_CHECKS["effect-cites-absent-protocol"]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
