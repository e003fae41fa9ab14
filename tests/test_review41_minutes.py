"""Coach review 41's ONE-MORE-MINUTE-LESS-TRAINING: giving a person one more minute a session
never gives them less training in week 1; the check faulting the old rules' plans, and a
property over people with short days.

ONE-MORE-MINUTE-LESS-TRAINING (COACHING.md §2, time is honest) A 40-year-old man, general
    health, 3 days of 20 minutes: each lifting day held 4 lifts x 2 sets (~15 minutes)
    and a 5-6-minute walk, 16 hard sets and 26 aerobic minutes a week; with 21 minutes,
    4 lifts x 1 set (~14 minutes) and the mid-week walk fell from 15 brisk minutes to 11:
    8 hard sets and 25 minutes. *Cause:* `core/short-sessions-fewer-sets` gave sessions of
    20 minutes or less a brief warm-up (3 + 2) and short rests (60-90 s); from 21 minutes
    the full 5 + 5 of `core/warm-up-and-cool-down` took half the session and the goal's
    rests came back whole. The same cliff sat at 29 -> 30 minutes from 65
    (`safety/older-adult-warm-up`'s ten minutes start at 30) and at a 15 -> 16-minute tempo
    session (its easy part jumped from 0 to 5 minutes). *Decision:* the warm-up and
    cool-down grow with the session (`core/warm-up-grows-with-the-session`, rule field
    `edges_scale`: a session keeps 15 minutes of work, the minutes past it go to the
    warm-up and cool-down up to their full length; from 65 the ten-minute warm-up grows
    toward ten under 30 minutes, `safety/older-adult-warm-up-short-sessions`); the short
    rests grow evenly to the goal's own as the work grows from 15 to 20 minutes
    (`core/short-sessions-shorter-rests`, rule field `rest_scale`); a tempo session's easy
    part grows a minute at a time (`progress.tempo_room`). Check
    `more-minutes-less-training`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from endoprotocol import Plan, build_plan, load_rules, parse_profile
from endoprotocol.audit import CHECKS, one_week_plans
from endoprotocol.plan import is_hard_set
from endoprotocol.vocab import Goal
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.packs import write_pack
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "more-minutes-less-training"

# /tmp/s31/task_minutes41.md
SMALLEST = {"age": 40, "sex": "male", "goals": ["general-health"]}
OLDER = {"age": 70, "sex": "male", "goals": ["general-health"]}
# the audit's seed-3 profile: a trained lifter on two 20-minute days
TRAINED = {
    "age": 61,
    "sex": "male",
    "goals": ["muscle", "general-health", "insulin-sensitivity"],
    "experience": "advanced",
    "equipment": ["bodyweight", "pool"],
    "currently_active": True,
    "conditions": ["prediabetes"],
    "days": ["monday", "tuesday"],
}
TEMPO = {
    "age": 30,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "intermediate",
    "currently_active": True,
}


def _with(data: dict[str, Any], minutes: int) -> dict[str, Any]:
    return {**data, "minutes_per_session": minutes}


def _week(data: dict[str, Any], minutes: int) -> Any:
    return builtin_plan(weeks=1, **_with(data, minutes)).weeks[0]


def _required(week: Any, modality: str) -> list[Any]:
    return [
        s for d in week.days for s in d.sessions if not s.optional and s.modality.value == modality
    ]


def _hard_sets(week: Any) -> int:
    return sum(e.sets for s in _required(week, "resistance") for e in s.exercises if is_hard_set(e))


def _brisk_minutes(session: Any) -> int:
    return sum(e.work_seconds.max for e in session.exercises if e.work_seconds) // 60


def test_smallest_profile_gets_no_less_training_from_20_to_30_minutes() -> None:
    """Each minute from 20 to 30 gives the 40-year-old no less training in week 1, and at
    21 minutes the lifting is no less than at 20 and the mid-week walk keeps its 15 brisk
    minutes (it was 11): the warm-up and cool-down take 6 minutes, not 10."""
    for minutes in range(20, 31):
        data = _with(SMALLEST, minutes)
        assert not audit_check(CHECK, data, builtin_plan(weeks=8, **data)).faults, minutes
    at20, at21 = _week(SMALLEST, 20), _week(SMALLEST, 21)
    assert _hard_sets(at21) >= _hard_sets(at20) == 16
    walk = next(s for s in _required(at21, "endurance") if s.duration_minutes == 21)
    assert _brisk_minutes(walk) == 15
    assert "core/warm-up-grows-with-the-session" in walk.rules
    for s in _required(at21, "resistance"):
        assert all(e.sets >= 2 for e in s.exercises)
        # the short rests of a 15-minute work session, as at 20 minutes
        assert all(e.rest_seconds is not None and e.rest_seconds.max <= 90 for e in s.exercises)


def test_older_adult_warm_up_grows_to_ten_minutes_at_30() -> None:
    """From 65 the ten-minute warm-up (safety) holds from 30 minutes; below it grows with the
    session, so a 70-year-old's walk alone on its day keeps 10 brisk minutes from 20 to 30
    minutes (at 29 it was 19, at 30 10: a minute more cost nine of them) and the warm-up
    and cool-down are 15 minutes at 30."""
    brisk = []
    for minutes in (20, 25, 29, 30):
        week = _week(OLDER, minutes)
        alone = [
            s
            for d in week.days
            for s in d.sessions
            if not s.optional and s.modality.value == "endurance" and d.sessions[0] is s
        ]
        assert alone, minutes
        walk = alone[0]
        brisk.append(_brisk_minutes(walk))
        edges = walk.duration_minutes - _brisk_minutes(walk)
        assert edges == min(15, max(5, minutes - 15)), minutes
        if 20 < minutes < 30:
            assert "safety/older-adult-warm-up-short-sessions" in walk.rules
    assert brisk == sorted(brisk)
    assert "safety/older-adult-warm-up" in _required(_week(OLDER, 30), "endurance")[0].rules


def test_trained_lifter_keeps_the_short_rests_past_20_minutes() -> None:
    """A trained lifter's 21-minute days held two lifts each at 2-3-minute rests (11 hard
    sets) where 20 minutes held six lifts at 60-90 s (18); the rests now grow from the short
    ones as the work grows (the goal's own from 30 minutes), so 21 minutes hold at least as
    many hard sets, and no minute more from 20 to 35 costs more than the whole sets a trim
    works in."""
    at20, at21 = _week(TRAINED, 20), _week(TRAINED, 21)
    # (18 at 20 minutes before session 33: moves start at their own fewest reps)
    assert _hard_sets(at21) >= _hard_sets(at20) == 17
    for minutes in range(20, 36):
        data = _with(TRAINED, minutes)
        assert not audit_check(CHECK, data, builtin_plan(weeks=4, **data)).faults, minutes
    rests = [e.rest_seconds.max for s in _required(at21, "resistance") for e in s.exercises]
    assert rests
    assert max(rests) <= 90
    assert any(
        "core/short-sessions-shorter-rests" in e.rules
        for s in _required(at21, "resistance")
        for e in s.exercises
    )


def test_tempo_session_keeps_its_tempo_minutes_a_minute_longer() -> None:
    """A 15-minute tempo session held 10 tempo minutes; at 16 it held 6 and 5 easy ones (17
    moderate-equivalent minutes against 20): its easy part now grows a minute at a time."""
    tempo = []
    for minutes in (15, 16, 17, 20):
        (run,) = [s for s in _required(_week(TEMPO, minutes), "endurance") if "Tempo" in s.title]
        tempo.append(run.exercises[0].work_seconds.max // 60)
    assert tempo == [10, 10, 10, 10]


def _old_rules(tmp_path: Path) -> Any:
    """The built-in packs as they were: no `edges_scale` or `rest_scale`, and the short
    rests held by sessions of 20 minutes or less."""
    old = """
rules:
  - id: old-short-rests
    title: The short rests of days of 20 minutes or less, as they were
    phase: adjust
    priority: 50
    when: {fact: minutes_per_session, op: le, value: 20}
    then:
      - prescribe: {modality: resistance, role: compound, rest_seconds: [60, 90]}
      - prescribe: {modality: resistance, role: accessory, rest_seconds: [45, 60]}
    because: test
    references: [t-ref]
"""
    manifest = (
        'references:\n  - {id: t-ref, citation: "Test A. A test source. J Test. 2020;1:1."}\n'
        "disable: [core/warm-up-grows-with-the-session, core/short-sessions-shorter-rests]\n"
    )
    pack = write_pack(tmp_path, "old", {"rules.yaml": old}, manifest)
    return load_rules([pack], user_dir=False)


def test_the_check_faults_the_old_rules(tmp_path: Path) -> None:
    """With the old packs the 40-year-old's 21-minute week held 8 hard sets and 25 aerobic
    minutes against 16 and 26 at 20 minutes: the check faults it; with the packs as they
    are it does not."""
    rules = _old_rules(tmp_path)
    library = builtin_library()

    def old_week(profile: Any) -> Plan:
        return build_plan(profile, rules, library, weeks=1)

    data = _with(SMALLEST, 20)
    profile = parse_profile(data)
    plan = build_plan(profile, rules, library, weeks=8)
    with one_week_plans(old_week):
        faults = CHECKS[CHECK](profile, plan, library).faults
    assert faults
    assert "with 21 minutes a session 8 hard sets" in faults[0].what
    assert not audit_check(CHECK, data, builtin_plan(weeks=8, **data)).faults


@st.composite
def short_days(draw: st.DrawFn) -> dict[str, Any]:
    """People of any age, goal and experience on days of 15-44 minutes."""
    return {
        "age": draw(st.integers(18, 90)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from([g.value for g in Goal]))],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(1, 7)),
        "minutes_per_session": draw(st.integers(15, 44)),
    }


def test_more_minutes_never_less_training(record_property: Any) -> None:
    audit_property(short_days(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
