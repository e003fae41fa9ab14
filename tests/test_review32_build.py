"""Coach review 32's F6 (branch build33), with its two smallest profiles as named tests, tests
that the audit's check faults the old plans, and a property over trained lifting-first people.

TRAINED-SETS-NEVER-BUILD (progression) A trained muscle-first lifter's sets stayed flat for the
    whole block with room to build (COACHING.md §3: trained lifters build toward about 10-20
    hard sets per muscle a week across the mesocycle, Schoenfeld 2017; §2: more for the first
    goal comes before aerobic minutes past WHO's 150, which no step asks for).
    (a) `{age: 30, sex: male, goals: [muscle], experience: advanced, days_per_week: 4,
    minutes_per_session: 90}`, back from a break, 12 weeks: 56 hard sets in every building
    week (chest 10, back 11, quads and hamstrings 12, shoulders 14: far under the ceiling of
    20), days using 69-82 of 90 minutes from week 6. *Cause:* `core/sets-grow-for-trained-
    lifters` fired only for active lifters (reentry28 held a re-entry's sets flat).
    *Decision:* a lifting-first re-entry of 45 or younger (the one whose block reaches its own
    vigorous dose) gets the set step too, from the building week after its first own week
    (that week steps the effort alone), every second building week (half the active lifter's
    rate, so it never outgrows him): 50, 50, 50, (29), 53, 53, 56, (31), 56, 59, 59.
    (b) The same man active on 5 x 75, 8 weeks: 71-72 sets every week beside 190 of 150
    aerobic minutes, every day full. *Cause:* week 1's walks after lifting were sized by the
    scheduler beside walks that `_with_dose` had lengthened with the minutes of the sets past
    the dose, so the week held 40 minutes past WHO's 150, and the set step may take only free
    minutes. *Decision:* the set step may take a walk's minutes past the week's target
    (`Room.past`: an even share a lifting day, the same every week of a day layout, never
    below the least steady work or the week below 150): 71, 76, 76, (41), 79, 76, 79, aerobic
    190, 174, 175, (190), 165, 175, 165; from week 3 each layout holds a group at the weekly
    ceiling of 20 (shoulders by the presses' half sets; quads and hamstrings), so the flat
    weeks after it are the ceiling's, not idle minutes. Check
    `first-goal-sets-flat-with-room`.
"""

from __future__ import annotations

import os
from itertools import pairwise
from typing import Any

import pytest

import endoprotocol.planner.progress as progress
from endoprotocol.audit import CHECKS
from endoprotocol.plan import DayPlan, Plan, Week, aerobic_equivalent
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import audit_property
from tests.test_review29_volume_kinds import _flat, groups, trained_lifters

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "first-goal-sets-flat-with-room"
# the weekly ceiling of hard sets per major group (rules/core/progression.yaml,
# trained-dose-before-walks: weekly_hard_sets [10, 20])
CEILING = 20

# the reviewer's smallest profiles
RETURNING = {
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "advanced",
    "days_per_week": 4,
    "minutes_per_session": 90,
}
ACTIVE_FIVE = {**RETURNING, "currently_active": True, "days_per_week": 5, "minutes_per_session": 75}


def lifting_sets(week: Week) -> int:
    return sum(e.sets for s in week_lifting(week) for e in s.exercises)


def aerobic(week: Week) -> float:
    return sum(aerobic_equivalent(s) for d in week.days for s in d.sessions if not s.optional)


def building(plan: Plan) -> list[Week]:
    return [w for w in plan.weeks if not w.deload]


def _lifting(s: Any) -> bool:
    return bool(s.modality.value == "resistance" and not s.optional)


def held_flat(plan: Plan, first: int) -> Plan:
    """The plan with the lifting of every building week from week `first` on held at that
    week's (the old re-entry's block: its sets never built), each week keeping its own walks
    and other sessions."""
    old = plan.model_copy(deep=True)
    base = old.weeks[first - 1]
    for week in old.weeks[first:]:
        if week.deload:
            continue
        for d, b in zip(week.days, base.days, strict=True):
            lifts = iter([s for s in b.sessions if _lifting(s)])
            d.sessions = [next(lifts, s) if _lifting(s) else s for s in d.sessions]
    return old


def test_a_lifter_back_from_a_break_builds_sets_after_the_reentry() -> None:
    """56 hard sets in every building week before; now the re-entry weeks and the first week
    at the block's own effort hold week 1's sets, and every second building week after adds
    some (half the rate of the same man in training), each group within 20."""
    plan = builtin_plan(12, **RETURNING)
    sets = [lifting_sets(w) for w in plan.weeks]
    # (50, 50, 50, (29), 53, 53, 56, (31), 56, 59, 59 before stack33: weeks 5 and 7 added
    # sets beside the climb's load steps; now the steps the block has counted come in its
    # first week with no load step, the reps week 10: coach review 33,
    # SETS-AND-LOAD-STEP-TOGETHER)
    assert sets == [50, 50, 50, 29, 50, 50, 50, 29, 50, 59, 59, 33]
    loads = [w.load_change_pct for w in plan.weeks]
    # week 3 steps the effort alone: no set beside it
    assert "re-entry weeks are over" in " ".join(plan.weeks[2].notes)
    assert sets[2] == sets[1]
    # weeks 5-9 climb back to the block's own loads, a load step each building week
    assert all(loads[n] > loads[n - 1] for n in (4, 5, 6, 8))
    # the set step in week 10, at week 9's loads
    assert loads[9] == loads[8]
    assert sets[9] > sets[8]
    assert "One more set on some lifts" in " ".join(plan.weeks[9].notes)
    for before, week in pairwise(building(plan)):
        assert lifting_sets(week) >= lifting_sets(before), week.week
    for week in plan.weeks:
        assert max(groups(week).values()) <= CEILING, week.week
    assert not audit_check(CHECK, RETURNING, plan).faults
    # never more than the same man in training (reentry28's decision holds)
    assert not audit_check("reentry-more-sets-than-active", RETURNING, plan).faults


def test_an_active_lifter_gives_the_walks_past_150_to_his_sets() -> None:
    """71-72 sets every week beside 190 of 150 aerobic minutes before; now the weeks of each
    day layout build, the walks past WHO's 150 giving the minutes, and no week falls under
    150 or takes a group past 20. Since coach review 41 (SURPLUS-WALKS-WHILE-FIRST-GOAL-FLAT)
    week 1's walks after lifting stop at WHO's 150, level (30 minutes each), so the days keep
    the minutes past it free for the sets from the start."""
    plan = builtin_plan(8, **ACTIVE_FIVE)
    sets = [lifting_sets(w) for w in plan.weeks]
    # (71, 76, 76, (41), 79, 76, 79, (43) before stack33: weeks 2, 5 and 7 added sets beside
    # their load steps; now the set steps come in the reps weeks 3 and 6; week 6 76 -> 77
    # since review 41, its lower days' walks no longer the longest)
    # (71, 72, 74, (39), 74, 75, 74, (40) on base32, the ramp-up's minutes merged in; since
    # twoset42, session 32, the mirrored weeks' lower-body days keep their compounds at 3)
    # (71, 75, 72, 43, 77, 73, 77, 47 before session 33: moves start at their own fewest
    # reps, and a raised range takes a moderate load's rests, so weeks 3 and 6 hold more)
    assert sets == [71, 75, 74, 43, 77, 76, 77, 47]
    # weeks 3 and 5 against the first week of their day layouts (U/L/U/L/U, then L/U/L/U/L)
    assert sets[2] > sets[0]
    assert sets[4] > sets[1]
    minutes = [round(aerobic(w)) for w in plan.weeks]
    # (190, 186, 175, 190, 180, 175, 180, 186 before review 41: the walks past 150 gave
    # minutes to the set step week by week)
    assert minutes == [150] * 8
    walks = [
        s.duration_minutes
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    ]
    assert walks == [30] * 5
    for week in plan.weeks:
        assert max(groups(week).values()) <= CEILING, week.week
    # from there each layout holds a group at the ceiling (shoulders 20; quads and
    # hamstrings 20), which every further set of its lifts would pass
    assert groups(plan.weeks[2])["shoulders"] == CEILING
    # (quads before stack33; since then week 5, a load step, takes its lower days' sets from
    # the week before's and hamstrings/glutes are the group at 20)
    # (19 for a while in session 32, the ramp-up sets' minutes taking that last set; 20
    # again since twoset42 started the compounds at 3)
    assert groups(plan.weeks[4])["hamstrings/glutes"] == CEILING
    for week in plan.weeks:
        for d in week.days:
            assert sum(s.duration_minutes for s in d.sessions if not s.optional) <= 75
    assert not audit_check(CHECK, ACTIVE_FIVE, plan).faults


def _all_free_to_walks(
    days: list[DayPlan], budget: int, *args: object, **kwargs: object
) -> list[DayPlan]:
    """Week 1's walks after lifting as they were before coach review 41: each takes every
    minute its day leaves free."""
    return [
        DayPlan(day=d.day, sessions=progress._walk_takes_back(d.sessions, budget)) for d in days
    ]


def test_the_check_faults_the_old_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """The old shapes: a re-entry's block held at its first sets, and the active block whose
    walks past 150 kept their minutes (the planner without `Room.past`)."""
    flat = held_flat(builtin_plan(12, **RETURNING), 3)
    assert {lifting_sets(w) for w in building(flat)} == {50}
    faults = audit_check(CHECK, RETURNING, flat).faults
    assert [f.where for f in faults] == ["weeks"]
    assert faults[0].what.startswith("50 lifting sets in week 3 and no more")

    monkeypatch.setattr(progress, "_past_target_share", lambda *args: 0)
    # (and since coach review 41 the walks after lifting stop at WHO's 150: the old shape's
    # walks took every minute the days left free)
    monkeypatch.setattr(progress, "_walks_levelled", _all_free_to_walks)
    old = builtin_plan(8, **ACTIVE_FIVE)
    # (72 in the mirrored weeks before twoset42, session 32)
    assert [lifting_sets(w) for w in building(old)] == [71, 75, 71, 75, 71, 75]
    # (190 before the ramp-up merge, 184 on base32; the compounds at 3 since twoset42)
    # (174 before session 33's raised ranges at a moderate load's rests)
    assert round(aerobic(old.weeks[0])) == 178
    faults = audit_check(CHECK, ACTIVE_FIVE, old).faults
    assert [f.where for f in faults] == ["weeks"]
    assert faults[0].what.startswith("71 lifting sets in week 1 and no more")
    # the walks' minutes past 150 are what the check counts: no day has free minutes
    assert "(23 min)" in faults[0].what  # (24 before twoset42)
    assert not audit_check("trained-sets-never-build-with-room", ACTIVE_FIVE, old).faults


def test_the_check_leaves_weeks_short_of_who_alone() -> None:
    """Sets past the dose wait for WHO's aerobic minutes (w1len28): a flat block with no walks
    at all shows no room."""
    flat = _flat(builtin_plan(12, **RETURNING))
    for week in flat.weeks:
        for d in week.days:
            d.sessions = [s for s in d.sessions if s.modality.value != "endurance"]
    assert not audit_check(CHECK, RETURNING, flat).faults


@pytest.mark.parametrize("weeks", [8, 12])
def test_review32_trained_lifters_build_their_sets(
    weeks: int, record_property: pytest.RecordProperty
) -> None:
    audit_property(
        trained_lifters(),
        {
            name: CHECKS[name]
            for name in (
                CHECK,
                "reentry-more-sets-than-active",
                "trained-sets-never-build-with-room",
                "lifting-sets-fall-while-building",
                "sets-jump-week-on-week",
                "day-over-minutes",
            )
        },
        record_property,
        examples=EXAMPLES,
        weeks=weeks,
    )
