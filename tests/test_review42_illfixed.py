"""Coach review 42's FIXED-INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS (safety): an interval
protocol with a single dose (no round progression) comes back after a passing illness's
weeks without intervals at about half its rounds and climbs back to them over two building
weeks, said in plain words; the check faulting the old plans, and a property over generated
profiles.

FIXED-INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS (PAR-Q+: after an illness, build back
    gradually; COACHING.md §3-4) A 30-year-old advanced lifter with fat loss first, back from
    an acute illness, 5 days, a bike: `safety/illness-delay` keeps intervals out of weeks 1-5,
    and week 6 went straight to the sprint protocol's full 6 x 30 s all-out, as his week 1
    would without the illness; an intermediate's 10 x 1 minute came back at all ten.
    *Cause:* coach review 41 made the rounds step only in weeks that hold the intervals
    (`progress._rounds_step`), so a protocol that adds rounds (the 4 x 4) restarts at its
    first rounds; a protocol with one dose has no first rounds below it, and nothing made
    its return shorter. *Decision:* the illness rule's `return_rounds_pct: 50`,
    `return_rounds_weeks: 2`, `return_least_rounds: 3` (`progress._return_share`): the
    first building week that holds such a session after weeks its rules left it out holds
    half its rounds (at least three), rising evenly to all of them over two building weeks
    (6: 3, 5, 6; 10: 5, 8, 10); `return_rounds_note` says it in that week and the
    `rounds_note` / `rounds_top_note` the rule carries say each step after it. Check
    `fixed-intervals-return-at-full-dose` (beside coach review 41's checks, which must stay
    clean).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
NAMES = (
    "fixed-intervals-return-at-full-dose",
    "interval-return-at-full-dose",
    "rounds-note-unkept",
    "interval-rounds-without-intervals",
)

SMALLEST = {
    "age": 30,
    "sex": "male",
    "goals": ["fat-loss"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["acute-illness"],
    "equipment": ["bike"],
    "days_per_week": 5,
}
# the intermediate's 10 x 1 minute
TEN_BY_ONE = {**SMALLEST, "experience": "intermediate"}


def _rounds(week: Any) -> list[int]:
    """Each interval session's rounds (a steady part after them is none)."""
    return [
        sum(e.sets for e in s.exercises if e.pattern.value == "intervals")
        for d in week.days
        for s in d.sessions
        if s.modality.value == "hiit"
    ]


def test_smallest_profile_sprints_come_back_at_half() -> None:
    """Week 6's sprints are 3 of the 6 (they were all six), with a note saying why; week 7
    climbs to 5 with the step said, the deload cuts from those, and week 9 is back at six,
    as many as the same lifter's plan without the illness holds from week 1."""
    plan = builtin_plan(weeks=10, **SMALLEST)
    assert [_rounds(w) for w in plan.weeks] == [[], [], [], [], [], [3], [5], [3], [6], [6]]
    healthy = builtin_plan(weeks=1, **{**SMALLEST, "conditions": []})
    assert _rounds(healthy.weeks[0]) == [6]
    back = [n for n in plan.weeks[5].notes if "Intervals are back this week" in n]
    assert back, plan.weeks[5].notes
    assert "3 of their 6 rounds" in back[0]
    assert any("2 more rounds" in n and "5 in all" in n for n in plan.weeks[6].notes)
    assert any("6 in all - as many as" in n for n in plan.weeks[8].notes)
    for name in NAMES:
        assert not audit_check(name, SMALLEST, plan).faults, name


def test_ten_by_one_comes_back_at_five() -> None:
    """The intermediate's 10 x 1 minute comes back at 5, then 8, then all ten."""
    plan = builtin_plan(weeks=10, **TEN_BY_ONE)
    assert [_rounds(w) for w in plan.weeks][5:] == [[5], [8], [5], [10], [10]]
    for name in NAMES:
        assert not audit_check(name, TEN_BY_ONE, plan).faults, name


def test_healthy_and_progressing_plans_unchanged() -> None:
    """Without the illness the sprints keep their six from week 1 and no return note is
    said; the 4 x 4 (a protocol that adds rounds) still restarts at its own four."""
    healthy = builtin_plan(weeks=6, **{**SMALLEST, "conditions": []})
    assert all(_rounds(w) for w in healthy.weeks)
    assert not any("Intervals are back" in n for w in healthy.weeks for n in w.notes)
    endurance = {**SMALLEST, "goals": ["endurance"], "experience": "intermediate"}
    plan = builtin_plan(weeks=6, **{**endurance, "days_per_week": 4})
    assert _rounds(plan.weeks[5]) == [4]


def _with_rounds(plan: Any, number: int, rounds: int) -> Any:
    """`plan` with week `number`'s interval rounds set to `rounds` and no return note."""
    weeks = []
    for week in plan.weeks:
        if week.week == number:
            days = [
                d.model_copy(
                    update={
                        "sessions": [
                            s.model_copy(
                                update={
                                    "exercises": [
                                        e.model_copy(update={"sets": rounds})
                                        if e.pattern.value == "intervals"
                                        else e
                                        for e in s.exercises
                                    ]
                                }
                            )
                            if s.modality.value == "hiit"
                            else s
                            for s in d.sessions
                        ]
                    }
                )
                for d in week.days
            ]
            notes = [n for n in week.notes if "Intervals are back" not in n]
            week = week.model_copy(update={"days": days, "notes": notes})
        weeks.append(week)
    return plan.model_copy(update={"weeks": weeks})


def test_the_check_faults_the_old_plan() -> None:
    """Week 6's sprints at the full six (the old plan) fault; at five they do not."""
    profile = parse_profile(SMALLEST)
    library = builtin_library()
    plan = builtin_plan(weeks=6, **SMALLEST)
    old = _with_rounds(plan, 6, 6)
    faults = CHECKS["fixed-intervals-return-at-full-dose"](profile, old, library).faults
    assert [f.where for f in faults] == ["week 6"]
    assert "holds 6 rounds" in faults[0].what
    assert "(6 rounds)" in faults[0].what
    shorter = _with_rounds(plan, 6, 5)
    assert not CHECKS["fixed-intervals-return-at-full-dose"](profile, shorter, library).faults
    # the twin check reads the twin's first rounds, which a single dose shares: blind here
    assert not CHECKS["interval-return-at-full-dose"](profile, old, library).faults


@st.composite
def illness_interval_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active trained people back from an illness whose goals ask for intervals (the
    sprints for advanced metabolic goals, the 10 x 1 or the 4 x 4 otherwise), mostly with
    a bike (the kit most goals plan intervals on), on 4-6 days (three leave no day for
    intervals)."""
    return {
        "age": draw(st.integers(20, 60)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(st.sampled_from(["fat-loss", "insulin-sensitivity", "endurance", "fat-loss"]))
        ],
        "experience": draw(st.sampled_from(["intermediate", "advanced", "advanced"])),
        "currently_active": True,
        "conditions": ["acute-illness"],
        "equipment": draw(st.sampled_from([["bike"], ["bike"], ["treadmill"], ["bike", "rower"]])),
        "days_per_week": draw(st.integers(4, 6)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60, 90])),
    }


def test_fixed_intervals_return_short(record_property: Any) -> None:
    audit_property(
        illness_interval_people(),
        {name: CHECKS[name] for name in NAMES},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
