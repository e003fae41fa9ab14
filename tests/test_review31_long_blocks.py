"""Branch long31: the faults of 13-16-week blocks (the third block, after the second deload,
and the fourth), which the audit did not see while it drew only 4- and 12-week blocks. Each
kind has its smallest profile (16 weeks) as a named test and a test that the audit's check
faults the old plan; a property runs the checks over 13-16-week plans.

TEMPO-JUMPS-AFTER-THE-THIRD-DELOAD (tempo-no-buildup-no-deload) A 62-year-old woman, active,
    intermediate, bone density first, with body weight and a kettlebell: her Wednesday tempo
    run went 35 minutes in week 11, 20 in the week-12 deload and 35 again in week 13, a 15-
    minute rise in one week (11 of 23 tempo plans of 16 weeks at seed 3, 15 of 32 at seed
    21). *Cause:* a deload cuts the tempo part at least 30 % below the week before, in whole
    5-minute steps, while each block starts a step higher than the last (`_tempo_targets`);
    where the session's own minutes cap the top (35 here), the gap between the two grows
    with each block. *Decision:* a building week's tempo part rises at most two steps (10
    minutes, the top of ACSM 2011's 5-10) above the week before
    (`progress.TEMPO_STEPS_MOST`), so the block after a deload resumes one step below its
    last building week: weeks 13-15 are 30, 35, 35.

BODYWEIGHT-HOLD-TAKEN-BACK-UNSAID (bodyweight-block-stops-progressing, week-does-not-progress,
    week-repeats-previous) A 61-year-old advanced man, 75 minutes, body weight, a door anchor
    and dip bars: weeks 9-11 and 13-15 were the same weeks, no lift harder than before the
    deload, and the week-7 note naming the lifts that hold where they are left out the
    hollow body hold (38-45 s from week 6 on). *Cause:* his Friday lifting is held to its
    smallest hard form so a walk follows it, and takes lifts back from its unformed self
    where a week's minutes allow (`forms_refit`); the hold came back, but the note was the
    formed block's, which never had it. *Decision:* a lift taken back that the unformed
    block says holds where it is is named in the note of the first week it holds in
    (`progress._plateau_restated`); the house's reading of such a plan (coach review 29)
    stands: body-weight lifts at their top with no rung left hold and the plan says so.

BODYWEIGHT-RUNG-ALREADY-IN-THE-SESSION (the same three checks; found by the suite's audit at
    seed 15 once it drew 16-week blocks, in a 12-week plan) A 50-year-old advanced woman with
    a door anchor: her Monday held a push-up and a deficit push-up; the push-up held at 10-12
    from week 7 but the note left it out. *Cause:* a lift with a rung open to the person is
    never named as holding (it is to climb), but its rung was already in the session, so it
    could not. *Decision:* such a lift holds at its top and is named with the others.

STEP-UP-NARROWS-AFTER-THE-EXIT (reps-week-narrows-range) A 29-year-old intermediate woman
    with osteoporosis, not active, Thursday and Sunday, bands and a pull-up bar: week 13 (the
    block's first week after the light start's exit) took her low step-up from 10-15 to
    10-14 reps at the same RPE 5-6, with nothing to load. *Cause:* a lift with nothing to
    load keeps the start's reps only while the exit's load cap holds (`_start_reps_kept`);
    week 13 steps the loads at the exit's effort before the effort rises, so the step-up fell
    to its own dose's reps with nothing heavier to make up for it. A 38-year-old with heart
    disease, whose effort a safety rule holds moderate for good, had the same from week 13
    on. *Decision:* past the exit a lift with nothing to load keeps the start's reps while
    its effort stays at the exit's (RPE 5-6), and takes its own dose's reps with the effort's
    rise (week 14: 10-14 at RPE 7-8).
"""

from __future__ import annotations

import os
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Exercise, Plan, Range
from tests.builtin import audit_check, builtin_plan, week_lifting
from tests.strategies import profiles
from tests.test_review27_tempo_kinds import tempo_minutes, tempo_people

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
HELD = "These lifts hold where they are from this week: "

# the smallest profiles of the 16-week audit (seed 3, 300 plans)
TEMPO = {
    "age": 62,
    "sex": "female",
    "goals": ["bone-density"],
    "experience": "intermediate",
    "currently_active": True,
    "equipment": ["bodyweight", "kettlebell"],
}
BODYWEIGHT = {
    "age": 61,
    "sex": "male",
    "goals": ["general-health", "endurance"],
    "experience": "advanced",
    "minutes_per_session": 75,
    "equipment": ["bodyweight", "door-anchor", "dip-bars"],
}
STEP_UP = {
    "age": 29,
    "sex": "female",
    "goals": ["strength"],
    "experience": "intermediate",
    "currently_active": False,
    "conditions": ["osteoporosis"],
    "days": ["thursday", "sunday"],
    "equipment": ["bodyweight", "bands", "door-anchor", "pull-up-bar"],
}
# the second plan of the same kind (seed 3): her effort held moderate by a safety rule
STEP_UP_HELD = {
    "age": 38,
    "sex": "female",
    "goals": ["strength", "bone-density"],
    "experience": "advanced",
    "currently_active": False,
    "conditions": ["osteoporosis", "poor-sleep", "cardiovascular-disease"],
    "days": ["tuesday", "wednesday", "thursday", "friday"],
    "equipment": ["bodyweight", "bands", "door-anchor"],
}


def _faults(name: str, data: dict[str, Any], plan: Plan) -> list[str]:
    return [f"{f.where}: {f.what}" for f in audit_check(name, data, plan).faults]


# ---- the tempo part after the second and third deloads -------------------------------------


def test_the_tempo_resumes_after_a_deload_without_a_jump() -> None:
    plan = builtin_plan(weeks=16, **TEMPO)
    minutes = tempo_minutes(plan)
    # (it was 20, 35, 35, 35, 20 from week 12: 20 -> 35 in week 13)
    # (and 35 in weeks 7, 10, 11, 14 and 15 before coach review 37's TEMPO-PAST-ITS-MINUTES:
    # the 45-minute session's tempo part leaves 5 moderate minutes, so it tops at 30)
    assert minutes == [20, 25, 30, 20, 25, 30, 30, 20, 30, 30, 30, 20, 30, 30, 30, 20]
    assert all(b - a <= 10 for a, b in pairwise(minutes))
    verdict = audit_check("tempo-no-buildup-no-deload", TEMPO, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_tempo_check_faults_the_old_jump() -> None:
    plan = builtin_plan(weeks=16, **TEMPO)
    old = plan.model_copy(deep=True)
    for week in old.weeks[12:15]:
        s = next(s for d in week.days for s in d.sessions if s.title == "Tempo run")
        run, *_ = s.exercises
        s.exercises = [run.model_copy(update={"work_seconds": Range.of(35 * 60)})]
    assert tempo_minutes(old)[11:15] == [20, 35, 35, 35]
    assert _faults("tempo-no-buildup-no-deload", TEMPO, old) == [
        "week 13: the tempo work rises 20 -> 35 minutes in one week"
    ]


# ---- a body-weight hold taken back into a day's smallest form ------------------------------


def _held_note(plan: Plan) -> tuple[int, str]:
    return next((w.week, n) for w in plan.weeks for n in w.notes if n.startswith(HELD))


def _hold(plan: Plan, week: int) -> Exercise:
    return next(
        e
        for s in week_lifting(plan.weeks[week - 1])
        for e in s.exercises
        if e.name == "Hollow body hold"
    )


BODYWEIGHT_CHECKS = (
    "bodyweight-block-stops-progressing",
    "week-does-not-progress",
    "week-repeats-previous",
)


def test_a_hold_taken_back_is_named_among_the_lifts_that_hold() -> None:
    plan = builtin_plan(weeks=16, **BODYWEIGHT)
    week, note = _held_note(plan)
    # (week 7 until session 26: his re-entry's end, whose effort step the over-45 rule
    # holds, took the ranges back to their bottom in week 5 and so the lifts held later;
    # now week 5 goes on with the block's alternation and every lift is at its top then)
    assert week == 5
    # (the note named eight lifts, not the hold that was held at 38-45 s from week 6)
    assert "Hollow body hold" in note
    for number in (5, 6, 7, 9, 10, 11, 13, 14, 15):
        assert _hold(plan, number).work_seconds == Range.of(38, 45)
    # said once: no later week repeats the note
    assert sum(n.startswith(HELD) for w in plan.weeks for n in w.notes) == 1
    for name in BODYWEIGHT_CHECKS:
        assert not audit_check(name, BODYWEIGHT, plan).faults, name
        # (his weighted push-up takes added load since branch ladder31, so the body-weight
        # check reads the plan without it, as the plan was when this was found)
        verdict = audit_check(name, BODYWEIGHT, _unloaded(plan))
        assert verdict.applies, name
        assert not verdict.faults, verdict.faults


def _unloaded(plan: Plan) -> Plan:
    """The plan without its weighted push-up: every lift left moves the body's weight."""
    bare = plan.model_copy(deep=True)
    for week in bare.weeks:
        for session in week_lifting(week):
            session.exercises = [e for e in session.exercises if e.name != "Weighted push-up"]
    return bare


def test_the_checks_fault_the_old_note() -> None:
    plan = builtin_plan(weeks=16, **BODYWEIGHT)
    old = _unloaded(plan)
    week = old.weeks[4]  # the hold note's week (week 7 before session 26)
    week.notes = [n.replace("Hollow body hold, ", "") for n in week.notes]
    assert _faults("bodyweight-block-stops-progressing", BODYWEIGHT, old) == [
        "weeks 5-7: no lift harder than before the week-4 deload, and the plan does not say "
        "the lifts hold",
        "weeks 9-11: no lift harder than before the week-8 deload, and the plan does not say "
        "the lifts hold",
        "weeks 13-15: no lift harder than before the week-12 deload, and the plan does not "
        "say the lifts hold",
    ]
    assert _faults("week-does-not-progress", BODYWEIGHT, old) == [
        "week 11: identical to week 10",
        "week 14: identical to week 13",
    ]
    assert _faults("week-repeats-previous", BODYWEIGHT, old) == [
        "week 10: the same required sessions as week 9",
        "week 11: the same required sessions as week 10",
        "week 14: the same required sessions as week 13",
        "week 15: the same required sessions as week 14",
    ]


# found by the suite's audit (seed 15, 100 profiles) once it drew 16-week blocks: a 12-week plan
PUSH_UP = {
    "age": 50,
    "sex": "female",
    "goals": ["stress-resilience"],
    "experience": "advanced",
    "minutes_per_session": 60,
    "equipment": ["door-anchor"],
    "days": ["monday", "wednesday", "friday", "saturday", "sunday"],
    "conditions": ["cardiovascular-disease"],
}


def test_a_lift_whose_rung_is_taken_is_named_among_the_lifts_that_hold() -> None:
    """Her push-up's next rung, the deficit push-up, is on the same day: it cannot take it,
    so it holds at 10-12 from week 7 like the others, and the note says so (it did not).
    Since the merge of pull31 a press never shares a day with itself or its rung; since
    session 26 her re-entry's held effort step no longer takes week 5's ranges back to their
    bottom, and the lifts hold from week 5."""
    plan = builtin_plan(weeks=12, **PUSH_UP)
    week, note = _held_note(plan)
    assert week == 5
    assert "Deficit push-up" in note
    # since branch pull31 (same-press-twice-in-session) the push-up no longer shares a day
    # with its own rung: her Monday presses once, and the rung it climbed to holds
    for w in plan.weeks:
        for session in week_lifting(w):
            names = {e.name for e in session.exercises}
            assert not {"Push-up", "Deficit push-up"} <= names, (w.week, session.title)
    for name in BODYWEIGHT_CHECKS:
        assert not audit_check(name, PUSH_UP, plan).faults, name


def test_a_day_kept_whole_says_nothing_more() -> None:
    """The same man at 90 minutes: nothing is held to a smaller form, one note as before."""
    plan = builtin_plan(weeks=16, **{**BODYWEIGHT, "minutes_per_session": 90})
    assert sum(n.startswith(HELD) for w in plan.weeks for n in w.notes) <= 1
    for name in BODYWEIGHT_CHECKS:
        assert not audit_check(name, BODYWEIGHT, plan).faults, name


# ---- a lift with nothing to load past a light start's exit ---------------------------------


def _step_up(plan: Plan, week: int) -> Exercise:
    return next(
        e
        for s in week_lifting(plan.weeks[week - 1])
        for e in s.exercises
        if e.name == "Low step-up"
    )


def _dose(e: Exercise) -> tuple[float, float, float]:
    assert e.reps is not None
    assert e.intensity.rpe is not None
    return (e.reps.min, e.reps.max, e.intensity.rpe.max)


def test_the_step_up_keeps_its_reps_until_its_effort_rises() -> None:
    plan = builtin_plan(weeks=16, **STEP_UP)
    # the exit's last building week, the block's first (its loads step) and the effort's
    # rise: 10-15 at RPE 6 (it was 10-14 in week 13), then 10-14 at RPE 8
    assert _dose(_step_up(plan, 11)) == (10, 15, 6)
    assert _dose(_step_up(plan, 13)) == (10, 15, 6)
    assert _dose(_step_up(plan, 14)) == (10, 14, 8)
    verdict = audit_check("reps-week-narrows-range", STEP_UP, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults
    assert not audit_check("exit-steps-reps-and-effort", STEP_UP, plan).faults


def test_a_step_up_whose_effort_is_held_keeps_the_starts_reps() -> None:
    plan = builtin_plan(weeks=16, **STEP_UP_HELD)
    doses = [_dose(_step_up(plan, n)) for n in (11, 13, 14, 15)]
    # (it was 10-14 from week 13 on, at the same RPE 6)
    assert doses == [(10, 15, 6), (10, 15, 6), (10, 15, 6), (12, 15, 6)]
    assert not _faults("reps-week-narrows-range", STEP_UP_HELD, plan)


def test_the_reps_check_faults_the_old_step_up() -> None:
    plan = builtin_plan(weeks=16, **STEP_UP)
    old = plan.model_copy(deep=True)
    for s in week_lifting(old.weeks[12]):
        s.exercises = [
            e.model_copy(update={"reps": Range.of(10, 14)}) if e.name == "Low step-up" else e
            for e in s.exercises
        ]
    # (the old week 13's load figure, which did not count the exit's last step: session
    # 27's LOAD-STEP-UNCOUNTED)
    old.weeks[12].load_change_pct = old.weeks[10].load_change_pct
    faults = _faults("reps-week-narrows-range", STEP_UP, old)
    assert faults == [
        "week 13: Low step-up on Full body B (spine care): 10-15 -> 10-14 at the same load"
    ]


# ---- the properties: 13-16-week plans --------------------------------------------------------


@st.composite
def clear_tempo_people(draw: st.DrawFn) -> dict[str, Any]:
    """Review 27's people a tempo session is for, with nothing that holds their effort or
    their weeks (no conditions, screening answers or blood pressure): so that most plans
    drawn hold a tempo session."""
    data = draw(tempo_people())
    for field in ("conditions", "screening", "blood_pressure", "pregnancy_week"):
        data.pop(field, None)
    return data


@st.composite
def bodyweight_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose lifts move little but their body weight: body weight with fixtures."""
    data = draw(profiles())
    fixtures = ["door-anchor", "dip-bars", "pull-up-bar", "bands"]
    data["equipment"] = ["bodyweight", *draw(st.lists(st.sampled_from(fixtures), unique=True))]
    return data


@st.composite
def exit_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose light start exits inside the block: osteoporosis (trained, active or not,
    some sleeping poorly or with heart disease, whose effort a rule holds moderate) and
    beginners of 65 or over."""
    data = draw(profiles())
    data.pop("pregnancy_week", None)
    if draw(st.booleans()):
        data["age"] = draw(st.integers(65, 79))
        data["experience"] = "beginner"
        data["conditions"] = [c for c in data["conditions"] if c != "pregnancy"]
        return data
    more = draw(st.sampled_from([[], [], ["poor-sleep"], ["cardiovascular-disease"]]))
    data["conditions"] = ["osteoporosis", *more]
    data["age"] = draw(st.integers(18, 64))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data.pop("screening", None)
    data.pop("blood_pressure", None)
    return data


def _long_property(
    people: st.SearchStrategy[dict[str, Any]],
    names: tuple[str, ...],
    record_property: pytest.RecordProperty,
) -> None:
    """The audit's checks `names` hold on the plans of the people `people` draws, each at a
    block length of 13-16 weeks drawn with them (`audit_property` plans every profile at one
    length); each check applies to some plan."""
    from hypothesis import HealthCheck, given, settings

    from endoprotocol import build_plan, parse_profile
    from endoprotocol.audit import audit
    from endoprotocol.errors import OutOfScopeError
    from tests.builtin import builtin_library, builtin_rules

    checks = {name: CHECKS[name] for name in names}
    applied = dict.fromkeys(checks, 0)
    lengths: set[int] = set()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(people, st.integers(13, 16))
    def check(data: dict[str, Any], weeks: int) -> None:
        profile = parse_profile(data)
        try:
            plan = build_plan(profile, builtin_rules(), builtin_library(), weeks=weeks)
        except OutOfScopeError:
            return
        lengths.add(weeks)
        faults = []
        for name, verdict in audit(profile, plan, builtin_library(), checks).items():
            applied[name] += verdict.applies
            faults += verdict.faults
        assert not faults, f"--weeks {weeks}: " + "\n".join(map(str, faults))

    check()
    record_property("lengths", sorted(lengths))
    for name in checks:
        record_property(f"check:{name}", applied[name])
        assert applied[name] > 0, f"check {name} never applied; the strategy misses its group"


def test_long_tempo_blocks_build_without_a_jump(record_property: pytest.RecordProperty) -> None:
    _long_property(clear_tempo_people(), ("tempo-no-buildup-no-deload",), record_property)


def test_long_bodyweight_blocks_progress_or_say_they_hold(
    record_property: pytest.RecordProperty,
) -> None:
    _long_property(bodyweight_people(), BODYWEIGHT_CHECKS, record_property)


def test_long_blocks_after_an_exit_keep_their_reps(record_property: pytest.RecordProperty) -> None:
    _long_property(
        exit_people(),
        ("reps-week-narrows-range", "exit-steps-reps-and-effort", "bodyweight-reps-leave-dose"),
        record_property,
    )
