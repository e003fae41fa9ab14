"""Coach reviews 5 and 6, branch prog7: weeks that say how to load them, and lifts with no
load to add that progress anyway. Each test is the smallest profile that showed the kind
(/tmp/coach6/min/SILENT-WEEK.yaml, /tmp/coach5/min/BW-LOAD-PROG.yaml), kept once the kind
was fixed at its cause, with a property where the kind is an invariant over profiles.

SILENT-WEEK A trained type 1 diabetic lifter held at a moderate effort: the reps week turned
    the load-derived 8-11 into 8-9 (the intensity table derived the reps again from the
    capped load after the range had moved) and the week carried no note.
BW-LOAD-PROG A body-weight-only beginner was told "New load this week: about 2% above week
    1" in weeks 2, 5, 7 and 10 while week 2 was identical to week 1.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import (
    Verdict,
    deload_cut_misstated,
    load_note_without_load,
    reps_week_narrows_range,
    week_changes_unexplained,
    week_repeats_previous,
)
from endoprotocol.engine.decisions import Ruled, WeekRules
from endoprotocol.plan import Exercise, Intensity, Plan, Range
from endoprotocol.planner.weekly import _rested
from endoprotocol.vocab import Muscle, Pattern
from tests.builtin import builtin_library, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROG7_EXAMPLES", "25"))

HELD_AT_MODERATE = {  # /tmp/coach6/min/SILENT-WEEK.yaml
    "age": 29,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "conditions": ["type-1-diabetes"],
    "days": ["monday", "thursday"],
    "minutes_per_session": 45,
    "equipment": ["barbell", "rack"],
    "currently_active": True,
}

BODYWEIGHT_ONLY = {  # /tmp/coach5/min/BW-LOAD-PROG.yaml
    "age": 30,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "beginner",
    "days": ["monday", "thursday"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
    "currently_active": True,
}


def _lift(plan: Plan, week: int, title: str, name: str) -> Exercise:
    return next(
        e
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.title == title
        for e in s.exercises
        if e.name == name
    )


def _clean(verdict: Verdict) -> None:
    assert verdict.applies
    assert not verdict.faults, verdict.faults


# ---- SILENT-WEEK ----------------------------------------------------------------------------


def test_a_capped_reps_week_works_inside_the_derived_range_and_says_so() -> None:
    """The moderate cap sets the back squat's range once (8-11 at 65-67 %); the reps week
    moves its bottom up inside it (10-11), never its top down, and says: same loads, work
    toward the top. The accessories' 8-12 become 10-12 under the same note."""
    plan = builtin_plan(**HELD_AT_MODERATE)
    squat = [_lift(plan, w, "Full body A", "Barbell back squat") for w in (1, 2, 3)]
    assert [(e.reps.min, e.reps.max) for e in squat if e.reps] == [(8, 11), (8, 11), (10, 11)]
    curl = _lift(plan, 3, "Full body A", "Barbell curl")
    assert curl.reps is not None
    assert (curl.reps.min, curl.reps.max) == (10, 12)
    assert any("start higher" in n for n in plan.weeks[2].notes)
    profile = parse_profile(HELD_AT_MODERATE)
    for check in (reps_week_narrows_range, week_changes_unexplained):
        _clean(check(profile, plan, builtin_library()))


def test_a_load_week_does_not_claim_a_higher_percentage_it_does_not_show() -> None:
    """Week 2's note gives the weight step and says the %1RM shown stays the same (the
    maximum grew with the reps); the %1RM shown is week 1's."""
    plan = builtin_plan(**HELD_AT_MODERATE)
    one, two = (_lift(plan, w, "Full body A", "Barbell back squat") for w in (1, 2))
    assert one.intensity.pct_1rm == two.intensity.pct_1rm
    note = next(n for n in plan.weeks[1].notes if n.startswith("New load"))
    assert "2% more weight than in week 1" in note
    assert "the %1RM shown stays the same" in note


def test_the_checks_find_a_silent_or_narrowing_week() -> None:
    """On the fixed plan, the reps week's note taken away, or its range narrowed from the
    top as before the fix, is found."""
    plan = builtin_plan(**HELD_AT_MODERATE)
    profile, library = parse_profile(HELD_AT_MODERATE), builtin_library()
    silent = plan.model_copy(deep=True)
    silent.weeks[2].notes = []
    faults = week_changes_unexplained(profile, silent, library).faults
    assert [f.where for f in faults] == ["week 3"]
    narrowed = plan.model_copy(deep=True)
    for day in narrowed.weeks[2].days:
        for s in day.sessions:
            s.exercises = [
                e.model_copy(update={"reps": Range.of(8, 9)})
                if e.name.startswith("Barbell f")
                else e
                for e in s.exercises
            ]
    faults = reps_week_narrows_range(profile, narrowed, library).faults
    assert faults
    assert faults[0].where == "week 3"


def _exercise(rpe: tuple[float, float], rir: tuple[float, float] | None) -> Exercise:
    return Exercise(
        name="Kettlebell swing",
        pattern=Pattern.HINGE,
        muscles=[Muscle.GLUTES],
        compound=True,
        sets=3,
        reps=Range.of(6, 6),
        work_seconds=None,
        rest_seconds=Range.of(120, 180),
        intensity=Intensity(rpe=Range.of(*rpe), rir=Range.of(*rir) if rir else None),
        notes="",
        alternatives=[],
        rules=[],
    )


def test_a_week_held_lighter_rests_an_effort_dosed_lift_as_the_table_does() -> None:
    """`weekly._rested` read a lift with reps and no RIR as light whatever its RPE, so a
    swing dosed by effort (RPE 7-8) lost its full rest in a week a rule held; now, as in
    `intensity.cohere`, only reps far from failure (RPE within the light zone) rest as a
    light load, and an effort-dosed lift keeps its rest."""
    table = builtin_library().design.intensity_table
    rules = WeekRules(ceiling=Ruled("moderate", "test"), vetoed={}, limits=[])
    hard = _rested(_exercise((7, 8), None), "resistance", rules, table, 4.0)
    assert hard.rest_seconds == Range.of(120, 180)
    light = _rested(_exercise((3, 4), None), "resistance", rules, table, 4.0)
    assert light.rest_seconds is not None
    assert light.rest_seconds.max < 120
    loaded = _rested(_exercise((6, 7), (3, 4)), "resistance", rules, table, 4.0)
    assert loaded.rest_seconds is not None
    assert loaded.rest_seconds.max <= 180


# ---- BW-LOAD-PROG ---------------------------------------------------------------------------


def test_body_weight_lifts_keep_their_range_and_slow_down() -> None:
    """No "new load" on a plan with nothing to load. A body-weight lift's 8-12 is its
    slot's whole range, so (coach review 9, BW-STRENGTH-DRIFT: rep steps stay inside the
    slot's dose) its first load week already slows the lowering to 3 seconds (its notes say
    so) instead of stepping to 10-14; reps weeks move the bottom up inside 8-12. The load
    change reads 0 and the deload still cuts sets."""
    plan = builtin_plan(**BODYWEIGHT_ONLY)
    # (week 7 moves the squat, its reps and slowed lowering used up, to its next rung: coach
    # review 29, tests/test_review29_bodyweight_kinds.py)
    squat = [_lift(plan, w, "Full body A", "Bodyweight squat") for w in range(1, 7)]
    ranges = [(e.reps.min, e.reps.max) for e in squat if e.reps]
    # (the squat's slot is 8-12, but the body-weight squat starts at its own 12 reps, to the
    # intensity table's 15: coach review 42, REP-RANGE-BELOW-OWN-MIN-REPS)
    assert ranges[0] == (12, 15)
    assert ranges[1] == (12, 15)
    assert all(top <= 15 for _, top in ranges)
    assert "over 3 seconds" not in squat[0].notes
    assert "Lower each rep slowly, over 3 seconds." in squat[1].notes
    assert not any("move up by 2 reps" in n for w in plan.weeks for n in w.notes)
    assert any("keep their rep range" in n for n in plan.weeks[1].notes)
    assert not any("new load" in n.lower() for w in plan.weeks for n in w.notes)
    assert all(w.load_change_pct == 0 for w in plan.weeks)
    profile = parse_profile(BODYWEIGHT_ONLY)
    for check in (week_repeats_previous, deload_cut_misstated):
        _clean(check(profile, plan, builtin_library()))


def test_the_checks_find_a_load_note_without_load_and_a_repeated_week() -> None:
    plan = builtin_plan(**BODYWEIGHT_ONLY)
    profile, library = parse_profile(BODYWEIGHT_ONLY), builtin_library()
    assert load_note_without_load(profile, plan, library).faults == []
    doctored = plan.model_copy(deep=True)
    doctored.weeks[1] = plan.weeks[0].model_copy(
        update={"week": 2, "notes": ["New load this week: about 2% above week 1."]}
    )
    assert [f.where for f in load_note_without_load(profile, doctored, library).faults] == [
        "week 2"
    ]
    assert [f.where for f in week_repeats_previous(profile, doctored, library).faults] == ["week 2"]


def test_a_plan_with_a_load_still_says_new_load() -> None:
    """A dumbbell plan keeps its load note (the step is for lifts with nothing to add)."""
    plan = builtin_plan(**{**BODYWEIGHT_ONLY, "equipment": ["dumbbells"]})
    assert any(n.startswith("New load") for n in plan.weeks[1].notes)
    assert plan.weeks[1].load_change_pct == 2


@st.composite
def few_kits(draw: st.DrawFn) -> dict[str, Any]:
    """A profile, often with body weight only or little kit (the plans that progress by
    reps and tempo), and often held at a moderate effort (a load cap)."""
    data = draw(profiles())
    kit = draw(st.sampled_from([["bodyweight"], ["bands"], ["pull-up-bar"], None]))
    if kit is not None:
        data["equipment"] = kit
    if draw(st.booleans()):
        data["conditions"] = list(dict.fromkeys([*data["conditions"], "type-1-diabetes"]))
    return data


def test_every_week_that_changes_says_how_to_load_it(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        few_kits(),
        {
            "week-changes-unexplained": week_changes_unexplained,
            "reps-week-narrows-range": reps_week_narrows_range,
            "load-note-without-load": load_note_without_load,
            "week-repeats-previous": week_repeats_previous,
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
