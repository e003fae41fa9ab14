"""Coach review 28's TRAINED-VOLUME-BELOW-MED-NEVER-BUILT (dose), redone on main after branch
volume28 was left unmerged: the smallest profile as a named test, the checks faulting the
old plan's shape, and a property over trained lifters whose first goal is muscle or strength.

An advanced 30-year-old man, muscle first, 3 x 120 minutes, back from a break (not currently
active): on main his chest had 9 hard sets a week in every second week (the weeks that swap
the day types: B/B/A after A/A/B) while 17-44 minutes a day were free, under the trained
lifter's minimum dose of about 10 a major group a week (COACHING.md §2-3); his active twin
the same in weeks 2, 5 and 7. *Causes:* the week that swaps the day types (`_mirror`) takes
each day type from its first session, so a dose set the second A day held was lost; and the
weekly ceiling of 20, holding the shoulders (at 20 by the presses' and rows' half sets),
took a chest-press set. *Decision:* every building week keeps the first goal's dose, up to
what week 1 gave each group, in the minutes its lifting days leave free (never a walk's);
where only the ceiling holds a group under the dose, the over group gives a set of its own
lifts instead (`progress._dose_kept`). A lifter back from a break still holds week 1's sets
through the block (reentry28's decision), and an active lifter's sets past the dose still
wait for WHO's aerobic minutes (w1len28's). Checks `trained-muscle-below-minimum-sets` and
`trained-sets-never-build-with-room`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS, major_group_sets
from endoprotocol.plan import Plan, Week
from tests.builtin import audit_check, builtin_plan, week_lifting, week_lifting_sets
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECKS = ("trained-muscle-below-minimum-sets", "trained-sets-never-build-with-room")

# coach review 28's smallest profile (5 fields)
SMALLEST: dict[str, Any] = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "minutes_per_session": 120,
}
ACTIVE = {**SMALLEST, "currently_active": True}


def groups(week: Week) -> dict[str, float]:
    """A week's hard sets a major group (its best-trained muscle)."""
    return major_group_sets(week_lifting(week))


def chest(plan: Plan) -> list[float]:
    return [groups(w)["chest"] for w in plan.weeks]


def test_the_smallest_profile_keeps_chest_at_the_dose_every_week() -> None:
    plan = builtin_plan(weeks=8, **SMALLEST)
    # was 10, 9, 10, (6), 9, 10, 9, (6): the weeks that swap the day types lost a chest set
    # (week 2 is a re-entry week at RPE 5-6, which the dose is not kept in: see
    # docs/planning.md)
    # (with the floor-pull rotation's B/A/B weeks and coach review 32's F6 set steps for a
    # lifter back from a break, session 26: 10, 11, 10, (6), 11, 10, 12, (6); since stack33
    # week 7, a load step of the re-entry's climb, adds no set: 10, 11, 10, (6), 11, 10, 11)
    assert chest(plan) == [10, 11, 10, 6, 11, 10, 11, 6]
    for week in plan.weeks:
        if week.deload or week.max_intensity != "vigorous":
            continue
        got = groups(week)
        assert min(got.values()) >= 10, (week.week, got)
        assert max(got.values()) <= 20, (week.week, got)
    # the shoulders reach the ceiling in the swapped weeks and stop there
    # (A/B/A then B/A/B since branch dl31; F6's set steps since session 26 took week 7 to
    # 20, and since stack33 week 7 is a load step with no set step beside it)
    assert [groups(w)["shoulders"] for w in plan.weeks if not w.deload] == [
        18,
        19.5,
        18,
        19.5,
        18,
        19.5,
    ]
    # a lifter back from a break holds week 1's sets through the re-entry and the first week
    # at the block's own effort (reentry28), then adds a set step every second building week
    # (coach review 32, F6: 58, 56, 58, (32), 57, 58, 57 before; F6's 62, 61, 63 in weeks 5-7
    # came beside the climb's load steps 2 -> 6.6 -> 17.2 -> 21.8 %, and since stack33 a set
    # step waits for a week with no load step, which this 8-week re-entry does not reach:
    # coach review 33, SETS-AND-LOAD-STEP-TOGETHER)
    assert [week_lifting_sets(w) for w in plan.weeks] == [58, 59, 58, 32, 59, 58, 59, 31]
    for name in CHECKS:
        assert not audit_check(name, SMALLEST, plan).faults, name
    assert audit_check("trained-muscle-below-minimum-sets", SMALLEST, plan).applies
    assert not audit_check("reentry-more-sets-than-active", SMALLEST, plan).faults


def test_the_active_twin_keeps_the_dose_in_the_weeks_that_swap_day_types() -> None:
    plan = builtin_plan(weeks=8, **ACTIVE)
    # was 10, 9, 12, (7), 9, 12, 9, (6)
    # (A/B/A then B/A/B since branch dl31; before it 10, 10, 12, (7), 10, 12, 10, (6))
    # (10, 11, 12, (6), 12, 12, 12, (6) before twoset42, session 32: week 1's compounds keep
    # their dose's 3 sets, so the set steps go to more lifts than the chest's)
    assert chest(plan) == [10, 10, 11, 6, 10, 11, 10, 6]
    # the block still builds, each layout over its own last week (A/B/A in weeks 1, 3 and 6,
    # B/A/B in 2, 5 and 7), its set steps in the reps weeks 3 and 6 since stack33 (58, 62,
    # 64, (34), 66, 68, 66 before: weeks 2 and 5 added sets beside their load steps)
    sets = [week_lifting_sets(w) for w in plan.weeks]
    # (58, 59, 64, (34), 63, 68, 66, (35) before twoset42)
    assert sets == [60, 61, 64, 36, 64, 67, 67, 38]
    assert sets[0] < sets[2] < sets[5]
    assert sets[1] < sets[4] < sets[6]
    for name in CHECKS:
        verdict = audit_check(name, ACTIVE, plan)
        assert verdict.applies, name
        assert not verdict.faults, (name, verdict.faults)


def _press_sets(plan: Plan, week: int, day: str, sets: int) -> Plan:
    """The plan with one day's chest press at `sets` in one week (main's shape)."""
    old = plan.model_copy(deep=True)
    for d in old.weeks[week - 1].days:
        if d.day.value != day:
            continue
        for s in d.sessions:
            s.exercises = [
                e.model_copy(update={"sets": sets}) if e.name == "Dumbbell floor press" else e
                for e in s.exercises
            ]
    return old


def test_the_minimum_check_faults_the_old_plan() -> None:
    plan = builtin_plan(weeks=8, **SMALLEST)
    # main's week 5: Monday's floor press two sets short, chest 9 with the lifting days free
    # for a set (Monday's own set step fills its day since coach review 32, F6, and its
    # floor press is at 4 since the B/A/B weeks)
    old = _press_sets(plan, 5, "monday", 2)
    assert groups(old.weeks[4])["chest"] == 9
    faults = audit_check("trained-muscle-below-minimum-sets", SMALLEST, old).faults
    assert [(f.where, f.what) for f in faults] == [
        # (since branch dl31's B/A/B weeks the check no longer read Monday as free for a set;
        # since stack33 week 5, a load step, takes no set step on Monday either)
        ("week 5 chest", "9 hard sets a week while monday, wednesday, friday could hold more")
    ]


def test_the_minimum_check_leaves_moderate_weeks_and_full_days_alone() -> None:
    plan = builtin_plan(weeks=8, **SMALLEST)
    # the re-entry's moderate weeks (a cap) are not read
    assert not audit_check(
        "trained-muscle-below-minimum-sets", SMALLEST, _press_sets(plan, 2, "monday", 3)
    ).faults
    # a day with no free minutes in the busiest week of its lifting cannot take a set
    short = {**SMALLEST, "minutes_per_session": 60}
    old = _press_sets(plan, 5, "monday", 3)
    assert not audit_check("trained-muscle-below-minimum-sets", short, old).faults


def _flat(plan: Plan) -> Plan:
    """The plan with every building week at the sets of the first week of its day layout
    (a block that never builds)."""
    old = plan.model_copy(deep=True)
    first: dict[Any, Week] = {}
    for n, week in enumerate(old.weeks):
        if week.deload:
            continue
        layout = tuple((d.day.value, s.title) for d in week.days for s in week_lifting_of(d))
        if layout in first:
            old.weeks[n] = week.model_copy(update={"days": first[layout].days})
        else:
            first[layout] = week
    return old


def week_lifting_of(day: Any) -> list[Any]:
    return [s for s in day.sessions if s.modality.value == "resistance" and not s.optional]


def test_the_build_check_faults_a_flat_block() -> None:
    plan = builtin_plan(weeks=8, **ACTIVE)
    flat = _flat(plan)
    # (58, 62 before stack33: week 2, a load step, no longer adds sets)
    # (58, 59 before twoset42, session 32, kept week 1's compounds at 3 sets)
    assert [week_lifting_sets(w) for w in flat.weeks if not w.deload] == [60, 61, 60, 61, 60, 61]
    faults = audit_check("trained-sets-never-build-with-room", ACTIVE, flat).faults
    assert [f.where for f in faults] == ["weeks"]
    assert faults[0].what.startswith(
        "60 lifting sets in week 1 and no more in any later week of the same days, while week 1 "
    )


def test_the_build_check_keeps_the_recorded_decisions() -> None:
    """A lifter back from a break holds week 1's sets (reentry28), and sets past the dose wait
    for WHO's aerobic minutes (w1len28): neither is read as a block that never builds."""
    returning = builtin_plan(weeks=8, **SMALLEST)
    assert not audit_check("trained-sets-never-build-with-room", SMALLEST, returning).applies
    flat = _flat(builtin_plan(weeks=8, **ACTIVE))
    # the same flat block with the walks taken out: short of WHO's 150 every week
    for week in flat.weeks:
        for d in week.days:
            d.sessions = [s for s in d.sessions if s.modality.value != "endurance"]
    assert not audit_check("trained-sets-never-build-with-room", ACTIVE, flat).faults


@st.composite
def trained_lifters(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people whose first goal is muscle or strength, active or back from a break,
    on 2-5 days of 45-120 minutes: the people the dose and its growth are for."""
    data = draw(profiles(max_age=64))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    first = draw(st.sampled_from(["muscle", "strength"]))
    data["goals"] = [first, *[g for g in data["goals"] if g != first]][:3]
    data["currently_active"] = draw(st.booleans())
    if draw(st.booleans()):
        # (half of them without conditions or screening answers, so the block's own
        # vigorous weeks, the weeks the checks read, come often)
        data["conditions"] = []
        data.pop("screening", None)
        data.pop("blood_pressure", None)
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 5))
    data["minutes_per_session"] = draw(st.sampled_from([45, 60, 75, 90, 120]))
    return data


def test_trained_lifters_keep_the_dose_and_build(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_lifters(),
        {name: PROGRESSION_CHECKS[name] for name in CHECKS},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )
