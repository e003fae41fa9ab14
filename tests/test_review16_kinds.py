"""Coach review 16's kinds (branch deload16), each with its smallest profile as a named test and
a property over the people the kind is about.

DELOAD-ADDS-SETS (wrong dose, wrong words) An 18-year-old beginner's week 4 said "about 7%
    fewer sets" while Wednesday's floor press, RDL and row and Friday's step-up went 1 -> 2
    sets and her hamstrings 4 -> 5 hard sets a week (27 -> 25 sets in all). The deload was cut
    from the template's sets, not from the week the weekly ceiling had held. A deload now
    starts from the sets of the week before it and cuts each lift (2 -> 1, 3 -> 2; a lift at
    one set does fewer reps). Check `deload-adds-sets`.
DELOAD-CUTS-ONLY-ACCESSORIES (wrong dose) A 38-year-old with overtraining signs kept squat,
    press, RDL, row and step-up at 2 sets in his deload and reached "about 36% fewer sets" by
    dropping six accessories. Every main lift now loses its share of sets. Check
    `deload-spares-main-lifts`.
ADDED-SETS-NOTE-BUT-SETS-FLAT (wrong words) The same 18-year-old's weeks 2 and 3 said "One more
    set on some of the smaller lifts" at 27 -> 27 -> 27 sets, week 3 set for set week 1: the
    ceiling cut a mirrored week's days differently, and the note read each lift's most sets
    by day type. The note now needs the week's lifts to hold more sets in all than the same
    sessions before them. Check `sets-note-unkept`, widened.
LOAD-CHANGE-WITHOUT-LIFTING (wrong numbers) A 40-year-old with uncontrolled hypertension
    (light walks only, no lifting) had `load_change_pct` 2 from week 2 and a week-4 "deload"
    identical to week 3. A week without lifting keeps 0. The block keeps its deload weeks
    (DESIGN.md: blocks of 4+ weeks contain one), and a deload with nothing to lift says what
    it does: the walks hold at last week's length (`deload_hold_note`). Check
    `load-change-without-lifting`.
NOTE-BLAMES-LIFTING-FOR-SHORTER-CARDIO (wrong words) A 22-year-old advanced lifter (6 x 90)
    read "steady sessions are 24 minutes shorter ... this week's lifting takes more of the
    days' time" in week 3 while the days had 29-32 minutes free: the mirrored week 2 had
    lengthened the walks into minutes its shorter lower days freed. The mirror now keeps the
    week's steady minutes (past the aerobic bar), and a day's steady work takes back what it
    lost where the day has the time. Check `steady-note-unkept`, widened.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    _lifts_by_place,
    deload_adds_sets,
    deload_spares_main_lifts,
    load_change_without_lifting,
    sets_note_unkept,
    steady_note_unkept,
)
from endoprotocol.planner.volume import group_sets
from tests.builtin import (
    audit_check,
    builtin_plan,
    week_lifting,
    week_lifting_sets,
    week_steady_minutes,
)
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

BEGINNER = {"age": 18, "sex": "female", "goals": ["muscle"]}  # /tmp/s13/min16/DELOAD-ADDS-SETS
OVERTRAINED = {  # /tmp/s13/min16/DELOAD-CUTS-ONLY-ACCESSORIES.yaml
    "age": 38,
    "sex": "male",
    "goals": ["strength"],
    "conditions": ["overtraining-symptoms"],
}
WALKS_ONLY = {  # /tmp/s13/min16/LOAD-CHANGE-WITHOUT-LIFTING.yaml
    "age": 40,
    "sex": "male",
    "goals": ["general-health"],
    "conditions": ["uncontrolled-hypertension"],
}
SIX_DAYS = {  # /tmp/s13/min16/NOTE-BLAMES-LIFTING-FOR-SHORTER-CARDIO.yaml
    "age": 22,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "days_per_week": 6,
    "minutes_per_session": 90,
    "currently_active": True,
}


# ---- DELOAD-ADDS-SETS


def test_a_beginners_deload_gives_no_lift_more_sets_than_the_week_before() -> None:
    plan = builtin_plan(**BEGINNER)
    week3, week4 = plan.weeks[2], plan.weeks[3]
    assert week4.deload
    was, now = _lifts_by_place(week3), _lifts_by_place(week4)
    assert set(now) == set(was)  # the deload keeps the week's layout and lifts
    assert all(now[k].sets <= was[k].sets for k in now), [
        (k, was[k].sets, now[k].sets) for k in now if now[k].sets > was[k].sets
    ]
    # Wednesday's floor press, RDL and row were 1 -> 2 sets: they keep one, with fewer reps.
    # Since knee lifts credit the glutes at half (session 15) week 3 has fewer one-set lifts
    # (Monday's row, Wednesday's lateral raise, Friday's overhead press: the week runs
    # A/B/A since branch dl31, so B's lateral raise is on Wednesday): the same holds
    ones = [k for k in now if was[k].sets == 1]
    assert [k[2] for k in ones] == [
        "Supported one-arm dumbbell row",
        "Dumbbell lateral raise",
        "Dumbbell overhead press",
    ]
    for k in ones:
        before, after = was[k], now[k]
        assert after.sets == 1
        assert after.reps is not None
        assert before.reps is not None
        assert after.reps.max < before.reps.max
    # 27 -> 25 sets ("about 7% fewer") became 27 -> 19 (30 %); 30 -> 18 since session 15
    assert (week_lifting_sets(week3), week_lifting_sets(week4)) == (30, 18)
    assert "Deload week: about 40% fewer sets" in " ".join(week4.notes)
    assert any("already at one set" in n for n in week4.notes)
    # every major group falls; hamstrings/glutes went 4 -> 5 on the old plan
    before_groups, after_groups = group_sets(week3.days), group_sets(week4.days)
    assert all(after_groups[g] < n for g, n in before_groups.items()), (
        before_groups,
        after_groups,
    )
    assert after_groups["hamstrings/glutes"] == 5.5
    verdict = audit_check("deload-adds-sets", BEGINNER, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_deload_check_finds_a_lift_given_a_set() -> None:
    plan = builtin_plan(**BEGINNER)
    # the old week 4: Wednesday's floor press at one set more than in week 3
    was = next(d for d in plan.weeks[2].days if d.day.value == "wednesday")
    wednesday = next(d for d in plan.weeks[3].days if d.day.value == "wednesday")
    sets = next(e.sets for s in was.sessions for e in s.exercises if e.name.endswith("press"))
    press = next(e for s in wednesday.sessions for e in s.exercises if e.name.endswith("press"))
    press.sets = sets + 1
    verdict = audit_check("deload-adds-sets", BEGINNER, plan)
    assert [f.check for f in verdict.faults] == ["deload-adds-sets"]


# ---- DELOAD-CUTS-ONLY-ACCESSORIES


def test_an_overtrained_lifters_deload_cuts_the_main_lifts() -> None:
    plan = builtin_plan(**OVERTRAINED)
    week3, week4 = plan.weeks[2], plan.weeks[3]
    assert week4.deload
    was, now = _lifts_by_place(week3), _lifts_by_place(week4)
    main = [k for k in was if was[k].compound]
    assert {k[2] for k in main} >= {
        "Dumbbell squat to a high box",
        "Dumbbell floor press",
        "Dumbbell Romanian deadlift",
        "Supported one-arm dumbbell row",
        "Supported dumbbell low step-up",
    }
    # every main lift at 2 sets was kept at 2: now 2 -> 1; the farmer carry keeps its one
    # set with a shorter hold
    for k in main:
        if k[2] == "Dumbbell farmer carry":
            assert (was[k].sets, now[k].sets) == (1, 1)
            assert now[k].work_seconds is not None
            assert was[k].work_seconds is not None
            assert now[k].work_seconds.max < was[k].work_seconds.max
        else:
            assert (k, was[k].sets, now[k].sets) == (k, 2, 1)
    # the accessories stay, lighter: the curl keeps its one set with fewer reps
    curl = ("monday", "Full body A", "Dumbbell biceps curl")
    assert now[curl].sets == 1
    assert now[curl].reps is not None
    assert was[curl].reps is not None
    assert now[curl].reps.max < was[curl].reps.max
    assert (week_lifting_sets(week3), week_lifting_sets(week4)) == (28, 16)
    assert "about 43% fewer sets" in " ".join(week4.notes)
    # every major group falls (chest, quads and hamstrings did not move before)
    before_groups, after_groups = group_sets(week3.days), group_sets(week4.days)
    assert all(after_groups[g] < n for g, n in before_groups.items() if n)
    verdict = audit_check("deload-spares-main-lifts", OVERTRAINED, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_main_lift_check_finds_a_squat_left_as_it_was() -> None:
    plan = builtin_plan(**OVERTRAINED)
    week3 = _lifts_by_place(plan.weeks[2])
    for k, e in _lifts_by_place(plan.weeks[3]).items():
        if e.compound:
            e.sets = week3[k].sets
    verdict = audit_check("deload-spares-main-lifts", OVERTRAINED, plan)
    assert verdict.faults
    assert {f.check for f in verdict.faults} == {"deload-spares-main-lifts"}


@st.composite
def deloading_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """People whose block lifts and deloads: a lifting first goal at any experience, often
    with overtraining signs, on 2-6 days of 30-120 minutes."""
    data = draw(profiles(max_age=79))
    first = draw(st.sampled_from(["muscle", "strength", "bone-density", "general-health"]))
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    if draw(st.booleans()):
        data["conditions"] = ["overtraining-symptoms"]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 6))
    data["minutes_per_session"] = draw(st.integers(30, 120))
    return data


def test_deloads_cut_every_lift_from_the_week_before(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        deloading_lifters(),
        {
            "deload-adds-sets": deload_adds_sets,
            "deload-spares-main-lifts": deload_spares_main_lifts,
        },
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


# ---- ADDED-SETS-NOTE-BUT-SETS-FLAT


def test_a_beginner_at_her_ceiling_is_not_told_of_more_sets() -> None:
    plan = builtin_plan(**BEGINNER)
    sets = [week_lifting_sets(w) for w in plan.weeks[:3]]
    assert sets == [30, 30, 30]  # 27 before knee lifts credited the glutes at half
    # set for set
    assert {k: e.sets for k, e in _lifts_by_place(plan.weeks[2]).items()} == {
        k: e.sets for k, e in _lifts_by_place(plan.weeks[0]).items()
    }
    for week in plan.weeks:
        assert not any("One more set" in n for n in week.notes), (week.week, week.notes)
    # the weeks say how they do progress: a new load, then higher rep ranges
    assert any(n.startswith("New load this week") for n in plan.weeks[1].notes)
    assert any(n.startswith("Same loads as last week") for n in plan.weeks[2].notes)


def test_the_sets_note_check_finds_the_flat_weeks() -> None:
    """The old plan's weeks 2 and 3: the note over a reshuffled and an identical week."""
    plan = builtin_plan(**BEGINNER)
    note = "One more set on some of the smaller lifts this week (up to three)."
    for week in plan.weeks[1:3]:
        week.notes.append(note)
    verdict = audit_check("sets-note-unkept", BEGINNER, plan)
    assert verdict.applies
    assert [f.where for f in verdict.faults] == ["week 2", "week 3"]


def test_a_trained_lifters_sets_note_is_kept_where_it_is_said() -> None:
    plan = builtin_plan(**SIX_DAYS)
    said = [w.week for w in plan.weeks if any("One more set" in n for n in w.notes)]
    # was weeks 2, 3, 5, 6, 7, 9, 10, 11: weeks 2 and 3 hold 81 and 89 sets, below or at week 1's;
    # then weeks 6, 9 and 10. Since coach review 17 (TRAINED-VOLUME-STARTS-AT-CEILING) week 1
    # starts near the dose, so the block adds sets in each building week but the mirrored
    # weeks 2 and 8 (72, 69, 76 sets in weeks 1-3). Since knee lifts credit the glutes at
    # half (session 15) week 1 starts lower (71, 76, 75): the mirrored week 2 adds sets too.
    # Since coach review 29 (OSTEO-BUILD-WEEK-CUTS-SETS) the weekly ceiling takes no lift below
    # its sets of the last building week with the same day types: week 7 holds week 5's 81
    # sets (the ceiling had taken sets off some lifts to give others one more). Since coach
    # review 30 (HARD-MIDDLE-DAY) Friday's tempo run between Thursday's and Saturday's lifting
    # is a moderate walk and Thursday's walk after lifting takes the rest of WHO's minutes:
    # Thursday's lower day keeps its week-1 sets, and week 7 adds sets again. Since coach
    # review 33 (SETS-AND-LOAD-STEP-TOGETHER) the set steps come in the reps weeks alone (3, 6,
    # 9, 11), the load weeks 2, 5, 7 and 10 keep the sets of the week before: 71, 72, 74,
    # (40), 74, 75, 74, (42), 80, 78, 85
    assert said == [3, 6, 9, 11]
    verdict = audit_check("sets-note-unkept", SIX_DAYS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


@st.composite
def set_growers(draw: st.DrawFn) -> dict[str, Any]:
    """Lifters whose block adds sets (beginners every four weeks, trained and active lifters
    every week) on 3-6 days, where mirrored weeks and the weekly ceiling meet."""
    data = draw(profiles(max_age=64))
    data["experience"] = draw(st.sampled_from(["beginner", "intermediate", "advanced"]))
    data["currently_active"] = draw(st.booleans())
    first = draw(st.sampled_from(["muscle", "strength"]))
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(3, 6))
    data["minutes_per_session"] = draw(st.integers(30, 120))
    return data


def test_sets_notes_are_said_only_where_the_sets_rise(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        set_growers(),
        {"sets-note-unkept": sets_note_unkept},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


# ---- LOAD-CHANGE-WITHOUT-LIFTING


def test_walks_only_have_no_load_change_and_a_deload_that_says_it_holds() -> None:
    plan = builtin_plan(**WALKS_ONLY)
    assert not any(week_lifting(w) for w in plan.weeks)
    # was 0, 2, 2, 2, 2, 4, 4, 4, 4, 6, 6, 8 ("load +2% vs week 1" in the report)
    assert [w.load_change_pct for w in plan.weeks] == [0.0] * 12
    # week 4 was a "deload" identical to week 3 that said nothing: the block keeps its
    # deloads (DESIGN.md) and each says the walks hold at last week's length
    assert [w.week for w in plan.weeks if w.deload] == [4, 8, 12]
    assert [week_steady_minutes(w) for w in plan.weeks[:6]] == [70, 74, 80, 80, 86, 90]
    for w in plan.weeks:
        said = any("nothing grows this week" in n for n in w.notes)
        assert said == w.deload, (w.week, w.notes)
    verdict = audit_check("load-change-without-lifting", WALKS_ONLY, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_load_change_check_finds_the_old_numbers() -> None:
    plan = builtin_plan(**WALKS_ONLY)
    plan.weeks[1].load_change_pct = 2.0
    plan.weeks[3].deload = True
    plan.weeks[3].days = plan.weeks[2].days
    plan.weeks[3].notes = []  # the old deload said nothing of what it did
    verdict = audit_check("load-change-without-lifting", WALKS_ONLY, plan)
    assert [f.where for f in verdict.faults] == ["week 2", "week 4"]


@st.composite
def unloaded_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose plan may hold no lifting: uncontrolled blood pressure, PAR-Q+ answers that
    ask for clearance first, or an aerobic first goal, over any age and experience."""
    data = draw(profiles(dense=True))
    data["conditions"] = draw(
        st.lists(
            st.sampled_from(
                ["uncontrolled-hypertension", "hypertension", "knee-pain", "type-2-diabetes"]
            ),
            min_size=1,
            max_size=2,
            unique=True,
        )
    )
    data.pop("pregnancy_week", None)
    first = draw(st.sampled_from(["general-health", "endurance", "mood-cognition", "fat-loss"]))
    data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
    return data


def test_no_load_change_without_a_load_and_no_empty_deload(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        unloaded_people(),
        {"load-change-without-lifting": load_change_without_lifting},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


# ---- NOTE-BLAMES-LIFTING-FOR-SHORTER-CARDIO


def test_a_mirrored_week_keeps_the_walks_the_days_have_time_for() -> None:
    plan = builtin_plan(**SIX_DAYS)
    # week 2 lengthened Monday's and Wednesday's walks 13 -> 25 into the minutes the lower days
    # freed, and week 3 went back to 13 "because lifting takes the time": 152 -> 128; 146
    # since coach review 27 (Friday's tempo run keeps its day's 60 minutes, its tempo part
    # 20 of them in week 1 and the rest moderate, where it was 42 minutes of tempo). Since
    # coach review 30 (HARD-MIDDLE-DAY) Friday is a moderate 60-minute walk, not a tempo run
    # between two lifting days, and Thursday's walk after lifting held 51-53 minutes: the
    # week's steady minutes were 169-171, their 2-minute change said where it happens.
    # Since coach review 41 (SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT) the walks after lifting
    # stop at WHO's 150, level at 25 minutes beside Friday's 60-minute walk: 160 minutes
    # every week, none shorter than the week before (the lower days' Nordic curl, a heavy
    # lift, has held its ramp-up sets in its minutes since session 31 too)
    minutes = [week_steady_minutes(w) for w in plan.weeks]
    assert set(minutes) == {160}
    for before, week in zip(plan.weeks, plan.weeks[1:], strict=False):
        if week.deload:
            continue
        fell = week_steady_minutes(week) < week_steady_minutes(before)
        assert fell == any("shorter in all" in n for n in week.notes), (week.week, week.notes)
    monday = [
        s.duration_minutes
        for w in plan.weeks
        for s in w.days[0].sessions
        if s.modality.value == "endurance"
    ]
    assert monday == [25] * 12
    verdict = audit_check("steady-note-unkept", SIX_DAYS, plan)
    assert not verdict.faults, verdict.faults


def test_the_steady_check_finds_the_old_reason() -> None:
    """The old week 3: Monday's walk 25 -> 13 with 29 of its 90 minutes free, the note blaming
    lifting (since coach review 41 the walks are 25 minutes every week: week 2's is set 12
    minutes longer, so week 3's falls by 12 with 25 minutes free)."""
    plan = builtin_plan(**SIX_DAYS)
    monday_walk = next(s for s in plan.weeks[1].days[0].sessions if s.modality.value == "endurance")
    monday_walk.duration_minutes += 12
    plan.weeks[2].notes.append(
        "Your steady sessions are 12 minutes shorter in all this week than last week: "
        "this week's lifting takes more of the days' time."
    )
    verdict = audit_check("steady-note-unkept", SIX_DAYS, plan)
    assert [f.where for f in verdict.faults] == ["week 3 monday"]


OVERTRAINED_RUNNER = {  # audit seed 3: a first-week deload let the long run start at 85, then 80
    "age": 77,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "advanced",
    "conditions": ["overtraining-symptoms"],
    "currently_active": True,
    "days_per_week": 6,
    "minutes_per_session": 90,
    "equipment": ["dumbbells", "bench", "trap-bar", "bands", "treadmill"],
}


def test_a_first_week_deload_starts_the_long_session_where_its_block_does() -> None:
    plan = builtin_plan(**OVERTRAINED_RUNNER)
    runs = [week_steady_minutes(w) for w in plan.weeks[:3]]
    # was 240 -> 235: "lifting takes the time"; since coach review 27 the long session
    # starts at its day's minutes and a recovery-limited block holds its steady volume
    # (`hold_volume`: no growth into free minutes), so week 2 is no shorter either
    assert runs[0] == runs[1]
    # (week 3 equal too before session 33; its reps step now adds under a minute to
    # Thursday's lifting - the split squat starts at its own 8 reps - and the run after it,
    # sized to week 1's room since coach review 27 (`_flex_gives_way`), gives that minute:
    # 199 -> 198 minutes, noticed and left in docs/planning.md)
    assert runs[1] - 1 <= runs[2] <= runs[1]
    assert not any("shorter in all" in n for n in plan.weeks[1].notes)


def _lifters_on_long_days() -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def draw_one(draw: st.DrawFn) -> dict[str, Any]:
        data = draw(profiles(max_age=79))
        data.pop("days", None)
        data["days_per_week"] = draw(st.integers(3, 6))
        data["minutes_per_session"] = draw(st.integers(45, 120))
        first = draw(st.sampled_from(["muscle", "strength", "endurance", "general-health"]))
        data["goals"] = [first, *(g for g in data["goals"] if g != first)][:3]
        return data

    return draw_one()


def test_shorter_steady_notes_name_a_reason_that_holds(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        _lifters_on_long_days(),
        {"steady-note-unkept": steady_note_unkept},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
