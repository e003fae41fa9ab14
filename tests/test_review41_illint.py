"""Coach review 41's INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS (safety): interval rounds
step only in the weeks that hold the intervals, the first interval session after a passing
illness starts at the protocol's starting rounds, and the rounds notes say the step the
sessions take; the checks faulting the old plans, and a property over generated profiles.

INTERVALS-RESUME-AT-FULL-DOSE-AFTER-ILLNESS (PAR-Q+: after an illness, build back gradually;
    EVIDENCE.md 1.5: start intervals once a week and build; COACHING.md §3: interval rounds
    are added week by week) A 30-year-old endurance athlete back from an acute illness, 4
    days, a bike: `safety/illness-delay` keeps intervals out of weeks 1-5 (no intervals in
    weeks 1-2, nothing above moderate in weeks 3-5), yet week 2 said "One more 4-minute round
    this week (if last week's all felt controlled), building to six", week 4 "Your interval
    work has 3 rounds in all this deload week instead of 5", and the first interval session
    (week 6) held 5 rounds of 4 minutes (the review's p11: "Treadmill incline intervals 6 x
    240 s, RPE 8-9", the full six). Beside it, without illness: a newcomer's 10 x 1 went
    6 -> 7 rounds under "Two more interval rounds this week ... building to the full ten" and
    stayed at 7 (the day's minutes held no more). *Cause:* `progress.build_weeks` stepped an
    interval session's rounds by the building weeks since its first week, counted whether or
    not the week's rules kept it (the enforce step, `weekly.hold_week`, drops it afterwards),
    and the notes read the rounds of the sessions as built, before that; the rounds note was
    one fixed sentence whatever the step. *Decision:* the rounds step only in the building
    weeks whose rules keep the session (`progress._rounds_step`, `weekly.dropped_in_week`),
    from the first building week that holds it; the notes read the rounds the weeks' rules
    keep (`progress._held_rounds`), and `rounds_note` says the step taken, the rounds in all
    and what they build to (the rules' top, or what the day's minutes hold), with
    `rounds_top_note` in the week they get there. Checks `interval-rounds-without-intervals`,
    `interval-return-at-full-dose`, `rounds-note-unkept`.
"""

from __future__ import annotations

import os
import re
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
NAMES = ("interval-rounds-without-intervals", "interval-return-at-full-dose", "rounds-note-unkept")

# /tmp/s31/coach41/min/m-interval-phantom-rounds.yaml
SMALLEST = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["acute-illness"],
    "equipment": ["bike"],
    "days_per_week": 4,
}
# the review's p11
P11 = {
    "age": 30,
    "sex": "male",
    "goals": ["endurance"],
    "experience": "advanced",
    "currently_active": True,
    "conditions": ["acute-illness"],
    "days": ["monday", "tuesday", "wednesday", "friday", "saturday"],
    "minutes_per_session": 60,
    "equipment": ["bike", "treadmill"],
}
# a newcomer's 10 x 1 from week 9, on 45-minute days beside a steady ride
NEWCOMER = {
    "age": 35,
    "sex": "female",
    "goals": ["insulin-sensitivity"],
    "experience": "beginner",
    "currently_active": False,
    "equipment": ["bike"],
    "days_per_week": 4,
    "minutes_per_session": 45,
}
# what a week note says of the interval rounds
ROUNDS_WORDS = re.compile(r"\bmore (?:4-minute |interval )?rounds?\b|\brounds? in all\b")
STEP = re.compile(r"(\d+) more rounds?\b.*?, (\d+) in all")


def _rounds(week: Any) -> list[int]:
    """Each interval session's rounds (a steady part after them is none)."""
    return [
        sum(e.sets for e in s.exercises if e.pattern.value == "intervals")
        for d in week.days
        for s in d.sessions
        if s.modality.value == "hiit"
    ]


def _rounds_said(week: Any) -> list[str]:
    return [n for n in week.notes if ROUNDS_WORDS.search(n)]


def test_smallest_profile_intervals_start_at_four_rounds_in_week_6() -> None:
    """No interval session and no word of rounds in weeks 1-5; the first session, in week 6,
    is the 4 x 4's four rounds, as the same athlete's week 1 without the illness."""
    plan = builtin_plan(weeks=6, **SMALLEST)
    for week in plan.weeks[:5]:
        assert not _rounds(week), week.week
        assert not _rounds_said(week), (week.week, week.notes)
    assert _rounds(plan.weeks[5]) == [4]
    healthy = builtin_plan(weeks=1, **{**SMALLEST, "conditions": []})
    assert _rounds(healthy.weeks[0]) == [4]
    for name in NAMES:
        assert not audit_check(name, SMALLEST, plan).faults, name


def test_p11_climbs_a_round_a_week_from_its_return() -> None:
    """p11's treadmill 4 x 4 starts at four rounds in week 6 (it was six) and adds one in
    week 7, said with the step and the rounds in all; the week-8 deload speaks of rounds
    the athlete did, and weeks 2-4 say nothing of rounds."""
    plan = builtin_plan(weeks=8, **P11)
    assert [_rounds(w) for w in plan.weeks] == [[], [], [], [], [], [4], [5], [3]]
    for week in plan.weeks[:5]:
        assert not _rounds_said(week), (week.week, week.notes)
    assert not _rounds_said(plan.weeks[5])
    step = [n for n in plan.weeks[6].notes if STEP.search(n)]
    assert step, plan.weeks[6].notes
    assert STEP.search(step[0]).groups() == ("1", "5")  # type: ignore[union-attr]
    assert any("3 rounds in all this deload week instead of 5" in n for n in plan.weeks[7].notes)
    for name in NAMES:
        assert not audit_check(name, P11, plan).faults, name


def test_newcomer_notes_say_the_step_the_sessions_take() -> None:
    """Every rounds note of the newcomer's 16 weeks states the step its sessions take and
    the rounds in all, and a note that builds to a number is followed by rounds that get
    there (they were "Two more" at 6 -> 7 and "the full ten" at a day that holds 7)."""
    plan = builtin_plan(weeks=16, **NEWCOMER)
    said = 0
    building = []
    for week in plan.weeks:
        for note in week.notes:
            found = STEP.search(note)
            if found is None:
                continue
            said += 1
            before = next(w for w in reversed(building) if _rounds(w))
            added, in_all = (int(g) for g in found.groups())
            assert max(_rounds(week)) == in_all, (week.week, note)
            assert max(_rounds(week)) - max(_rounds(before)) == added, (week.week, note)
        if not week.deload:
            building.append(week)
    assert said >= 2
    for name in NAMES:
        assert not audit_check(name, NEWCOMER, plan).faults, name


def _with(plan: Any, number: int, notes: list[str] | None = None, rounds: int | None = None) -> Any:
    """`plan` with week `number`'s notes extended by `notes` and its interval rounds set."""
    weeks = []
    for week in plan.weeks:
        if week.week == number:
            days = []
            for d in week.days:
                sessions = []
                for s in d.sessions:
                    if rounds is not None and s.modality.value == "hiit":
                        s = s.model_copy(
                            update={
                                "exercises": [
                                    e.model_copy(update={"sets": rounds})
                                    if e.pattern.value == "intervals"
                                    else e
                                    for e in s.exercises
                                ]
                            }
                        )
                    sessions.append(s)
                days.append(d.model_copy(update={"sessions": sessions}))
            week = week.model_copy(update={"days": days, "notes": [*week.notes, *(notes or [])]})
        weeks.append(week)
    return plan.model_copy(update={"weeks": weeks})


def test_the_checks_fault_the_old_plans() -> None:
    profile = parse_profile(SMALLEST)
    library = builtin_library()
    plan = builtin_plan(weeks=6, **SMALLEST)
    # week 2's old note, with no interval session that week
    old = _with(
        plan,
        2,
        [
            "One more 4-minute round this week (if last week's all felt controlled), building to six."
        ],
    )
    faults = CHECKS["interval-rounds-without-intervals"](profile, old, library).faults
    assert [f.where for f in faults] == ["week 2"]
    # week 6's first session at the rounds weeks 2-5 had built
    old = _with(plan, 6, rounds=5)
    faults = CHECKS["interval-return-at-full-dose"](profile, old, library).faults
    assert [f.where for f in faults] == ["week 6"]
    assert "holds 5 rounds" in faults[0].what
    # the newcomer's "Two more" of 6 -> 7 rounds, and "the full ten" of rounds held at 7
    newcomer = builtin_plan(weeks=16, **NEWCOMER)
    grew = next(
        w
        for a, w in zip(newcomer.weeks, newcomer.weeks[1:], strict=False)
        if _rounds(a) and _rounds(w) and max(_rounds(w)) - max(_rounds(a)) == 1
    )
    old = _with(
        newcomer,
        grew.week,
        [
            "Two more interval rounds this week (if last week's all felt controlled), "
            "building to the full ten."
        ],
    )
    faults = CHECKS["rounds-note-unkept"](parse_profile(NEWCOMER), old, library).faults
    assert any("says 2 more round(s)" in f.what for f in faults)
    assert any("build to 10" in f.what for f in faults)


@st.composite
def interval_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose first goal asks for intervals, most of them trained and active (their
    intervals from week 1), some newcomers (from week 9), most back from an illness, with
    an interval kit, on 4-6 days (fewer leave no day for intervals)."""
    return {
        "age": draw(st.integers(20, 60)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["endurance", "endurance", "endurance", "fat-loss"]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.sampled_from([True, True, False])),
        "conditions": draw(st.sampled_from([["acute-illness"], ["acute-illness"], []])),
        "equipment": [draw(st.sampled_from(["bike", "treadmill", "rower"]))],
        "days_per_week": draw(st.integers(4, 6)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60, 90])),
    }


def test_interval_rounds_follow_the_sessions(record_property: Any) -> None:
    audit_property(
        interval_people(),
        {name: CHECKS[name] for name in NAMES},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
