"""Issue 16: a week that serves the first goal and fills the time it is given.

Each test is a profile from the issue's "done when" or a fault kind found in review, with
the exact expectation a coach would check.
"""

from __future__ import annotations

import json
import os
from itertools import pairwise
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import strategies as st

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import WEEK_CHECKS
from endoprotocol.plan import Plan, Session, is_hard_set, muscle_credit
from tests.builtin import builtin_library, builtin_rules
from tests.conftest import RunCli
from tests.packs import write_pack
from tests.strategies import audit_property, profiles

HARD = {"resistance", "hiit"}


def plan(weeks: int = 4, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def guideline(p: Plan, gid: str) -> Any:
    return next(g for g in p.guidelines if g.id == gid)


def on(p: Plan, day: str) -> list[Session]:
    return next(d.sessions for d in p.days if d.day.value == day)


def muscle_days(p: Plan, week: int = 0) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in p.weeks[week].days:
        for s in d.sessions:
            if s.modality.value == "resistance":
                for e in s.exercises:
                    for m in e.muscles:
                        out.setdefault(m.value, set()).add(d.day.value)
    return out


def exposure_days(p: Plan, muscle: str, week: int = 0) -> set[str]:
    """Days with a hard exposure of `muscle`: 3+ hard sets (DESIGN.md v1.1 credit)."""
    out = set()
    for d in p.weeks[week].days:
        sets = sum(
            muscle_credit(e).get(muscle, 0) * e.sets
            for s in d.sessions
            if s.modality.value == "resistance"
            for e in s.exercises
            if is_hard_set(e)
        )
        if sets >= 3:
            out.add(d.day.value)
    return out


def test_weekend_endurance_rider_gets_his_aerobic_minutes_on_his_own_two_days() -> None:
    p = plan(
        age=48,
        sex="male",
        goals=["endurance"],
        experience="intermediate",
        currently_active=True,
        days=["saturday", "sunday"],
        minutes_per_session=120,
        equipment=["bike"],
    )
    aerobic = guideline(p, "who-2020-aerobic")
    assert aerobic.met, aerobic.detail
    assert aerobic.value >= 150
    for day in ("saturday", "sunday"):
        kinds = {s.modality.value for s in on(p, day) if not s.optional}
        assert "endurance" in kinds, day
    # strength inside those days, as an upper and a lower day (adjacent days)
    lifts = [s.title for d in p.days for s in d.sessions if s.modality.value == "resistance"]
    assert sorted(lifts) == ["Lower body", "Upper body"]
    for d in p.days:
        for s in d.sessions:
            if s.optional:
                assert s.duration_minutes <= 40, (d.day, s.title)
                assert s.intensity_class.value in ("light", "moderate"), (d.day, s.title)
            else:
                assert d.day.value in ("saturday", "sunday"), (d.day, s.title)


@pytest.mark.parametrize("minutes", [{}, {"minutes_per_session": 60}], ids=["default", "60"])
def test_fat_loss_on_five_days_meets_who_with_required_sessions_and_spaces_intervals(
    minutes: dict[str, int],
) -> None:
    # issue 16's profile (the default 45 minutes) and a roomier one: with 45 minutes the
    # lifting shortens to its smallest full form and one steady ride runs at a vigorous
    # effort, so the required sessions reach 150 moderate-equivalent minutes (v1.1 counting)
    p = plan(
        age=30,
        sex="male",
        goals=["fat-loss"],
        experience="intermediate",
        currently_active=True,
        days_per_week=5,
        equipment=["barbell", "dumbbells", "machines", "bike"],
        **minutes,
    )
    assert guideline(p, "who-2020-aerobic").met
    # quads and hamstrings each get a hard exposure (3+ hard sets) on two days
    for muscle in ("quads", "hamstrings"):
        assert len(exposure_days(p, muscle)) >= 2, (muscle, muscle_days(p))
    hinge_days = {
        d.day.value
        for d in p.days
        for s in d.sessions
        if s.modality.value == "resistance" and any(e.pattern.value == "hinge" for e in s.exercises)
    }
    assert len(hinge_days) >= 2, hinge_days
    days = p.days
    for i, d in enumerate(days):
        if any(s.modality.value == "hiit" for s in d.sessions):
            for j in ((i - 1) % 7, (i + 1) % 7):
                assert not any(s.modality.value in HARD for s in days[j].sessions), (i, j)
            after = days[(i + 1) % 7]
            assert all(s.intensity_class.value == "light" for s in after.sessions)


def test_three_consecutive_days_all_lift_rotating_upper_and_lower() -> None:
    # a strength-first lifter on Monday-Wednesday lifts on all three days, Upper/Lower/Upper
    # and then Lower/Upper/Lower, no muscle group on two days in a row (coach review 30,
    # CONSECUTIVE-DAYS-LOSE-A-LIFTING-DAY, reversing coach review kind 3's full body A/B with
    # the middle day for aerobic work: COACHING.md §2, consecutive-day blocks still get every
    # lifting day asked for, by rotating emphasis; docs/planning.md "Three back-to-back days")
    p = plan(
        age=35,
        sex="female",
        goals=["strength"],
        experience="intermediate",
        currently_active=True,
        days=["monday", "tuesday", "wednesday"],
        equipment=["barbell", "dumbbells"],
    )
    assert "could-not-plan" not in {w.code for w in p.warnings}
    titles = []
    for week in range(2):
        lifting = {
            d.day.value: s.title
            for d in p.weeks[week].days
            for s in d.sessions
            if s.modality.value == "resistance"
        }
        assert list(lifting) == ["monday", "tuesday", "wednesday"]
        titles.append(list(lifting.values()))
        for muscle in ("chest", "back", "shoulders", "quads", "hamstrings"):
            ordered = sorted(
                ["monday", "tuesday", "wednesday"].index(x) for x in exposure_days(p, muscle, week)
            )
            assert all(b - a >= 2 for a, b in pairwise(ordered)), muscle
    assert titles == [
        ["Upper body", "Lower body", "Upper body"],
        ["Lower body", "Upper body", "Lower body"],
    ]
    assert not any("gave way" in w.message for w in p.warnings)


def test_no_week_is_upper_upper_lower_without_its_mirror() -> None:
    # fat-loss weeks (full body after lifting gives way) and strength weeks on consecutive
    # days (Upper/Lower/Upper, mirrored)
    cases = [
        {
            "goals": ["fat-loss"],
            "days_per_week": days,
            "equipment": ["barbell", "dumbbells", "machines", "bike"],
        }
        for days in (3, 4, 5)
    ] + [
        {"goals": ["strength"], "days": days, "equipment": ["barbell", "dumbbells"]}
        for days in (["monday", "tuesday", "wednesday"], ["friday", "saturday", "sunday"])
    ]
    for case in cases:
        p = plan(
            age=30, sex="male", experience="intermediate", currently_active=True, weeks=2, **case
        )
        days = case.get("days_per_week", case.get("days"))
        counts = [muscle_days(p, w) for w in range(2)]
        for muscle in ("quads", "chest"):
            over_two = sum(len(c.get(muscle, set())) for c in counts)
            # Upper/Upper/Lower twice would give a group only 2; its mirror gives 3
            assert over_two >= 3, (days, muscle, counts)


def test_optional_extras_never_take_minutes_from_required_sessions() -> None:
    p = plan(
        age=40, sex="female", goals=["general-health"], days_per_week=3, minutes_per_session=30
    )
    for d in p.days:
        required = sum(s.duration_minutes for s in d.sessions if not s.optional)
        assert sum(s.duration_minutes for s in d.sessions) <= 30
        for s in d.sessions:
            if s.optional:
                assert s.duration_minutes <= 40
        assert required <= 30


def test_people_not_yet_active_build_steady_work_up_and_reach_the_target() -> None:
    p = plan(
        weeks=8,
        age=50,
        sex="female",
        goals=["general-health"],
        days_per_week=4,
        minutes_per_session=60,
    )

    def steady(w: int) -> int:
        return sum(
            s.duration_minutes
            for d in p.weeks[w].days
            for s in d.sessions
            if s.modality.value == "endurance" and not s.optional
        )

    assert steady(0) < steady(1) < steady(2)
    aerobic = guideline(p, "who-2020-aerobic")
    assert not aerobic.met
    assert aerobic.reached_in_week is not None
    assert aerobic.reached_in_week <= 7
    active = plan(
        age=50,
        sex="female",
        goals=["general-health"],
        days_per_week=4,
        minutes_per_session=60,
        currently_active=True,
    )
    assert guideline(active, "who-2020-aerobic").met


def test_diabetes_and_prediabetes_are_checked_against_the_ada_activity_gap() -> None:
    for condition in ("type-2-diabetes", "prediabetes"):
        spread = plan(age=50, sex="male", goals=["general-health"], conditions=[condition])
        gap = guideline(spread, "ada-2016-activity-gap")
        assert (gap.comparison, gap.target) == ("at_most", 2)
        assert gap.met, gap.detail
        assert "break-up-sitting" in {w.code for w in spread.warnings}
    two_days = plan(
        age=50,
        sex="male",
        goals=["general-health"],
        conditions=["type-2-diabetes"],
        days=["monday", "tuesday"],
    )
    gap = guideline(two_days, "ada-2016-activity-gap")
    # Wednesday to Sunday hold no required activity: reported, with the optional walks
    # that close it and a suggestion the person can follow
    assert not gap.met
    assert gap.value == 5
    assert gap.met_with_optional
    assert gap.suggestion is not None
    assert "walk" in gap.suggestion


def test_back_to_back_days_say_they_limit_frequency_and_suggest_a_day_apart() -> None:
    p = plan(
        age=35,
        sex="female",
        goals=["muscle"],
        days=["saturday", "sunday"],
        currently_active=True,
        experience="intermediate",
    )
    (w,) = [w for w in p.warnings if w.code == "back-to-back-training-days"]
    assert "add one day away from them" in w.message
    spread = plan(age=35, sex="female", goals=["muscle"], days=["monday", "thursday"])
    assert "back-to-back-training-days" not in {w.code for w in spread.warnings}


# ---- the coach's audit, week structure (COACHING.md §2) -------------------------------------

WEEK_EXAMPLES = int(os.environ.get("ENDOPROTOCOL_WEEK_EXAMPLES", "150"))


@st.composite
def active_profiles(draw: st.DrawFn) -> dict[str, Any]:
    """Generated profiles, one in three made active and trained, so the aerobic and
    interval checks see people who should meet WHO in week 1."""
    data = draw(profiles())
    if draw(st.integers(0, 2)) == 0:
        data["currently_active"] = True
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
        if draw(st.booleans()):
            # ready for intervals, so the interval checks see them
            data["goals"] = [
                draw(st.sampled_from(["endurance", "insulin-sensitivity", "fat-loss"]))
            ]
            data["equipment"] = list(dict.fromkeys([*data["equipment"], "bike"]))
            data.update(conditions=[], age=min(data["age"], 64))
            for key in ("screening", "pregnancy_week", "blood_pressure"):
                data.pop(key, None)
        elif data.get("minutes_per_session", 60) > 20 and draw(st.booleans()):
            # lifting first on three roomy days (coach review K1; short days left as drawn), so
            # aerobic-starved-past-minimum-dose sees weeks whose lifting could make room
            data["goals"] = [draw(st.sampled_from(["muscle", "strength"])), *data["goals"][1:]]
            data["goals"] = list(dict.fromkeys(data["goals"]))
            data.pop("days", None)
            data.update(
                days_per_week=3, minutes_per_session=draw(st.sampled_from([45, 60, 75, 90]))
            )
    return data


def test_week_standard_holds_for_generated_profiles(
    record_property: pytest.RecordProperty,
) -> None:
    # session-cut-misstated applies to lifters whose sessions a rule caps, and
    # diabetes-lifting-days-cut to trained diabetic lifters on 4+ days: their own properties
    # (tests/test_dose6_kinds.py, tests/test_review10_split_kinds.py);
    # lifting-days-fewer-in-longer-block reads blocks longer than 4 weeks only, these plans
    # are 4 weeks (tests/test_review32_day.py, at 8 and 12 weeks); and
    # marching-past-its-minutes: people with neuropathy or knee pain, whom general profiles
    # seldom draw, in tests/test_review32_seat.py
    own = (
        *LIFTING_WEEK_CHECKS,
        "session-cut-misstated",
        "diabetes-lifting-days-cut",
        "lifting-days-fewer-in-longer-block",
        "marching-past-its-minutes",
    )
    checks = {k: v for k, v in WEEK_CHECKS.items() if k not in own}
    audit_property(active_profiles(), checks, record_property, examples=WEEK_EXAMPLES)


# the checks about lifting-first weeks of a given shape, which general profiles seldom draw
LIFTING_WEEK_CHECKS = ("short-days-underdosed", "major-group-underdosed-for-trained")


@st.composite
def lifting_first_weeks(draw: st.DrawFn) -> dict[str, Any]:
    """Active, trained, lifting-first people on four or more short days (short-days-
    underdosed) or four or five long days with a muscle goal (coach review K11)."""
    data = draw(profiles())
    first = draw(st.sampled_from(["muscle", "strength"]))
    data.pop("days", None)
    data.update(
        currently_active=True,
        experience=draw(st.sampled_from(["intermediate", "advanced"])),
        goals=list(dict.fromkeys([first, "muscle", *data["goals"]]))[:4],
    )
    if draw(st.booleans()):
        data.update(
            days_per_week=draw(st.integers(4, 6)),
            minutes_per_session=draw(st.sampled_from([15, 20])),
        )
    else:
        data.update(
            days_per_week=draw(st.integers(4, 5)),
            minutes_per_session=draw(st.sampled_from([60, 75, 90])),
        )
    return data


def test_lifting_first_week_shapes_hold_the_standard(
    record_property: pytest.RecordProperty,
) -> None:
    checks = {k: WEEK_CHECKS[k] for k in LIFTING_WEEK_CHECKS}
    audit_property(lifting_first_weeks(), checks, record_property, examples=60)


def test_a_day_held_for_intervals_after_the_base_weeks_has_steady_work_until_then() -> None:
    # found by aerobic-missed-with-time: a 61-year-old active beginner with five offered days
    # had Wednesday empty for 8 weeks, kept for intervals that start in week 9
    p = plan(
        weeks=12,
        age=61,
        sex="female",
        goals=["general-health", "insulin-sensitivity", "stress-resilience"],
        experience="beginner",
        days_per_week=5,
        minutes_per_session=30,
        equipment=["machines", "treadmill", "bike", "kettlebell"],
        currently_active=True,
    )
    offered = {d.value for d in p.profile.days}
    for week in p.weeks:
        for d in week.days:
            if d.day.value in offered:
                assert any(not s.optional for s in d.sessions), (week.week, d.day)
    wednesday = [
        {s.modality.value for s in d.sessions}
        for w in p.weeks
        for d in w.days
        if d.day.value == "wednesday"
    ]
    assert wednesday[0] == {"endurance"}
    assert "hiit" in wednesday[-1]
    assert "endurance" not in wednesday[-1]


def test_three_back_to_back_days_rotate_the_lifting_for_a_muscle_first_goal() -> None:
    # coach review 30, CONSECUTIVE-DAYS-LOSE-A-LIFTING-DAY: Monday-Wednesday was full body A
    # and B with the middle day for aerobic work (coach review kind 3), each group on two
    # days but at 6 hard sets a week for chest and quads. Every day now lifts, the emphasis
    # rotating week by week, and the note says so.
    p = plan(weeks=4, age=30, sex="male", goals=["muscle"], days=["monday", "tuesday", "wednesday"])
    for week in p.weeks:
        lifts = {
            d.day.value: s.title
            for d in week.days
            for s in d.sessions
            if s.modality.value == "resistance"
        }
        assert set(lifts) == {"monday", "tuesday", "wednesday"}, (week.week, lifts)
    # over the two-week rotation each half of the body gets three days, never two in a row
    for muscle in ("chest", "quads"):
        on = [exposure_days(p, muscle, w) for w in (0, 1)]
        assert sum(len(x) for x in on) == 3, (muscle, on)
        assert all("tuesday" not in x or len(x) == 1 for x in on), (muscle, on)
    assert not any(w.code == "plan-adjusted" and "gave way" in w.message for w in p.warnings)
    (note,) = [w for w in p.warnings if w.code == "back-to-back-training-days"]
    assert "Every day you offered lifts" in note.message
    assert "add a day away from them" in note.message


def test_three_back_to_back_days_still_lift_first_and_last_for_other_goals() -> None:
    # a fat-loss first goal puts WHO's aerobic minutes before a third lifting day: full body
    # on the first and last day, and the middle day's aerobic work at a moderate effort
    # (coach review 30, HARD-MIDDLE-DAY: no tempo session between two lifting days)
    data: dict[str, Any] = {
        "age": 30,
        "sex": "male",
        "goals": ["fat-loss"],
        "experience": "intermediate",
        "currently_active": True,
        "days": ["monday", "tuesday", "wednesday"],
        "equipment": ["dumbbells", "treadmill"],
    }
    p = plan(**data)
    for week in p.weeks:
        tuesday = [s for s in week.days[1].sessions if not s.optional]
        assert [s.modality.value for s in tuesday] == ["endurance"]
        assert tuesday[0].intensity_class.value != "vigorous"
    check = WEEK_CHECKS["hard-day-between-hard-days"]
    verdict = check(parse_profile(data), p, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_four_back_to_back_days_lose_no_lifting_day_to_spacing() -> None:
    # coach review, kind 1: a trained lifter offering Monday-Thursday lost the third lifting
    # day the rules ask for (full body cannot go on consecutive days, and Upper/Lower/Upper
    # leaves the legs one day); Upper, Lower, then Full body gives every group two days.
    # Coach review 30 (HARD-MIDDLE-DAY) took the tempo run off Wednesday, between Tuesday's
    # and Thursday's lifting: a general-health goal puts WHO's aerobic minutes before a third
    # lifting day, so the week is now full body on Monday and Thursday, the tempo run on
    # Tuesday and a walk on Wednesday - a lifting day given to the aerobic minutes, never
    # to spacing, every group still on two days
    data: dict[str, Any] = {
        "age": 30,
        "sex": "male",
        "goals": ["general-health"],
        "experience": "intermediate",
        "currently_active": True,
        "days": ["monday", "tuesday", "wednesday", "thursday"],
        "minutes_per_session": 60,
    }
    p = plan(**data)
    lifts = [
        (d.day.value, s.title)
        for d in p.days
        for s in d.sessions
        if s.modality.value == "resistance"
    ]
    assert lifts == [("monday", "Full body A"), ("thursday", "Full body B")]
    for muscle in ("chest", "back", "shoulders", "quads", "hamstrings"):
        assert len(exposure_days(p, muscle)) >= 2, muscle
    gave_way = [w.message for w in p.warnings if "gave way" in w.message]
    assert gave_way
    assert all("aerobic minutes" in m for m in gave_way)
    assert guideline(p, "who-2020-aerobic").met
    assert not WEEK_CHECKS["hard-day-between-hard-days"](
        parse_profile(data), p, builtin_library()
    ).faults
    check = WEEK_CHECKS["lifting-day-lost-to-spacing"]
    assert not check(parse_profile(data), p, builtin_library()).faults


def test_an_endurance_first_person_with_two_short_days_gets_an_aerobic_session() -> None:
    # coach review, kind 2: two 30-minute days both went to lifting and the endurance goal
    # had no session at all; one day now holds the first goal's steady session, and the
    # plan says that WHO's second strength day gave way for it
    p = plan(age=30, sex="male", goals=["endurance"], days_per_week=2, minutes_per_session=30)
    required = [
        (d.day.value, s.modality.value) for d in p.days for s in d.sessions if not s.optional
    ]
    # (since coach review 16 the lifting day is its main lifts with a 10-minute walk after
    # them: the first goal's aerobic work before WHO's strength days on 30-minute days)
    assert sorted(m for _, m in required) == ["endurance", "endurance", "resistance"]
    assert any(
        w.code == "plan-adjusted" and "first goal's aerobic session" in w.message
        for w in p.warnings
    )
    strength = guideline(p, "who-2020-strength")
    assert not strength.met
    assert strength.value == 0  # 1 before: the main lifts at two sets give no group three


def test_six_fifteen_minute_days_split_the_body_for_a_real_weekly_dose() -> None:
    # coach review, kind 4: a muscle-first beginner with 6 x 15 minutes had three full-body
    # days of one set per lift (3 hard sets a week for the quads); four short sessions split
    # upper and lower body, two or three sets a lift, give every major group 4+ hard sets
    p = plan(age=30, sex="male", goals=["muscle"], days_per_week=6, minutes_per_session=15)
    lifts = [s for d in p.days for s in d.sessions if s.modality.value == "resistance"]
    assert sorted(s.title for s in lifts) == ["Lower body"] * 2 + ["Upper body"] * 2
    for s in lifts:
        assert all(e.sets >= 2 for e in s.exercises), s.title
        assert s.duration_minutes <= 15
    weekly = p.totals.hard_sets_by_muscle
    for muscle in ("chest", "back", "shoulders", "quads", "hamstrings"):
        assert weekly[muscle] >= 4, (muscle, weekly)


def test_a_mirrored_week_keeps_the_steady_block_after_lifting() -> None:
    # a week whose lifting uses a split's two days unequally (A/A/B here) swaps them every
    # second week; a steady block after lifting gives minutes only when the day would
    # overrun, and the mirror still comes (it once shrank the block below its least and
    # dropped the mirror)
    p = plan(
        weeks=2,
        age=28,
        sex="female",
        goals=["insulin-sensitivity"],
        experience="intermediate",
        currently_active=True,
        days=["tuesday", "wednesday", "thursday", "saturday"],
        minutes_per_session=90,
        equipment=["barbell", "bench", "pull-up-bar", "trap-bar", "treadmill"],
    )
    for week in p.weeks:
        for d in week.days:
            assert sum(s.duration_minutes for s in d.sessions) <= 90
    titles = [
        [s.title for d in w.days for s in d.sessions if s.modality.value == "resistance"]
        for w in p.weeks
    ]
    assert sorted(titles[0]) == ["Full body A", "Full body A", "Full body B"]
    assert sorted(titles[1]) == ["Full body A", "Full body B", "Full body B"]


FAMILIES = {
    "lower": {"squat", "lunge", "hinge"},
    "push": {"horizontal-push", "vertical-push"},
    "pull": {"horizontal-pull", "vertical-pull"},
}


def test_a_fifteen_minute_full_body_day_keeps_lower_push_and_pull() -> None:
    # coach review: a 70-year-old's 15-minute "Full body A" kept two lower-body lifts and
    # lost its pull; sets are cut and a second lower-body lift goes first
    p = plan(age=70, sex="female", goals=["general-health"], minutes_per_session=15)
    days = [s for d in p.days for s in d.sessions if s.modality.value == "resistance"]
    assert days
    for s in days:
        have = {e.pattern.value for e in s.exercises}
        for family, patterns in FAMILIES.items():
            assert have & patterns, (s.title, family, have)


def test_a_short_session_pairs_lifts_before_losing_a_family_or_a_set() -> None:
    # a 74-year-old's 30 minutes hold a 10-minute warm-up: the pull stays. It used to stay at
    # a set fewer than the rules' range; now the squat and the press are paired (COACHING.md
    # §2: pairs before fewer sets). Since a full-body day keeps its hinge beside its squat
    # (coach review 5, GROUP-ONCE) a lift may then give one set, after the pairs, never below
    # two, and no knee or hip lift goes
    p = plan(
        age=74,
        sex="male",
        goals=["bone-density", "general-health"],
        experience="intermediate",
        currently_active=True,
        days_per_week=5,
        minutes_per_session=30,
    )
    for s in (s for d in p.days for s in d.sessions if s.modality.value == "resistance"):
        have = {e.pattern.value for e in s.exercises}
        assert all(have & patterns for patterns in FAMILIES.values()), (s.title, have)
        note = " ".join(s.notes)
        assert "paired sets" in note
        assert "fewer sets" not in note or note.index("paired sets") < note.index("fewer sets")
        assert all(e.sets >= 2 for e in s.exercises)
        assert have & {"squat", "lunge"}, (s.title, have)
        assert "hinge" in have, (s.title, have)
        assert any(e.paired_with for e in s.exercises)


def test_a_frail_trained_person_keeps_the_push_through_a_supported_regression() -> None:
    # an 82-year-old "advanced" man, not active, bodyweight only: safety leaves no push but
    # the wall push-up, which trained lifters never got, so the push slot stood empty
    p = plan(
        age=82,
        sex="male",
        goals=["mood-cognition"],
        experience="advanced",
        days_per_week=6,
        minutes_per_session=20,
        equipment=["bodyweight"],
    )
    pushes = {
        e.name
        for d in p.days
        for s in d.sessions
        if s.modality.value == "resistance"
        for e in s.exercises
        if e.pattern.value in FAMILIES["push"]
    }
    assert pushes
    assert all(e not in {"Push-up", "Decline push-up"} for e in pushes)


def test_who_strength_counts_days_with_three_hard_sets_per_major_group() -> None:
    # DESIGN.md v1.1: a light start's sets are not hard sets; the rule holding them is named
    older = plan(weeks=12, age=70, sex="female", goals=["general-health"])
    strength = guideline(older, "who-2020-strength")
    assert (strength.met, strength.value) == (False, 0)
    assert strength.held_by == ["safety/older-beginner-lighter-start"]
    assert strength.suggestion is None
    # a beginner's three sets of each big lift on two full-body days meet it in week 1
    beginner = plan(age=40, sex="male", goals=["general-health"], currently_active=True)
    assert guideline(beginner, "who-2020-strength").met


def test_pregnancy_aerobic_minutes_come_before_a_third_lifting_day() -> None:
    # coach review: a muscle-first pregnant woman with three 30-minute days got three
    # lifting days and no required aerobic minutes; the pregnancy guideline (a safety rule)
    # now takes a lifting day above two for its conditioning sessions
    p = plan(
        age=29,
        sex="female",
        goals=["muscle"],
        conditions=["pregnancy"],
        pregnancy_week=22,
        minutes_per_session=30,
    )
    lifting = [d for d in p.days if any(s.modality.value == "resistance" for s in d.sessions)]
    assert len(lifting) == 2
    aerobic = guideline(p, "who-2020-aerobic")
    assert aerobic.value > 0
    changed = next(w for w in p.warnings if w.code == "plan-changed-by-safety-rule")
    assert "a lifting day gave way" in changed.message
    assert "safety/pregnancy" in " ".join(changed.rules)


PINNED_RIDE = """
rules:
  - id: long-ride-on-saturday
    title: The long ride is on Saturday
    phase: adjust
    priority: 30
    then:
      - sessions:
          modality: endurance
          per_week: 1
          intensity: moderate
          title: Long ride
          focus: the week's long steady ride
          days: [{day}]
    because: A pack author's club rides on Saturdays.
    references: [who-2020]
"""


def test_a_pack_pins_a_required_session_to_an_offered_day(tmp_path: Path, cli: RunCli) -> None:
    # DESIGN.md v1.1: a pack may pin a required session, only to an offered day
    pack = write_pack(tmp_path, "club", {"rules.yaml": PINNED_RIDE.format(day="monday")})
    args = (
        "plan",
        "--age",
        "40",
        "--sex",
        "male",
        "--goal",
        "general-health",
        "--days",
        "monday,wednesday,saturday",
        "--no-user-rules",
        "-f",
        "json",
        "--rules",
        str(pack),
    )
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    days = json.loads(result.stdout)["weeks"][0]["days"]
    # the requested steady session stands alone on Monday, where lifting would otherwise
    # go (steady blocks after lifting come from the WHO fill, which is not pinned)
    alone = [
        d["day"]
        for d in days
        if [x["modality"] for x in d["sessions"] if not x["optional"]] == ["endurance"]
    ]
    assert alone == ["monday"], days
    # pinned to a day the person did not offer: not planned, and the warning says so
    other = write_pack(tmp_path, "club2", {"rules.yaml": PINNED_RIDE.format(day="sunday")})
    result = cli(*args[:-1], str(other))
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert not any(
        d["day"] == "sunday" and not s["optional"]
        for d in plan["weeks"][0]["days"]
        for s in d["sessions"]
    )
    warned = next(w for w in plan["warnings"] if w["code"] == "could-not-plan")
    assert "endurance" in warned["message"]


def test_frail_people_get_no_lean_back_towel_row() -> None:
    # second coach review: a towel door row (lean back on a towel round the handles) was
    # given to a frail 80-year-old; it is a fall risk and tagged so
    p = plan(weeks=2, age=80, sex="female", goals=["general-health"])
    names = {e.name for w in p.weeks for d in w.days for s in d.sessions for e in s.exercises}
    assert "Towel door row" not in names


def test_a_passing_illness_eases_back_light_then_moderate_then_the_plan() -> None:
    p = plan(
        weeks=6,
        age=30,
        sex="female",
        goals=["general-health"],
        conditions=["acute-illness"],
        currently_active=True,
        experience="intermediate",
    )
    assert [w.max_intensity for w in p.weeks] == [
        "light",
        "light",
        "moderate",
        "moderate",
        "moderate",  # the loads climb back a step a week (coach review 20's audit)
        "vigorous",
    ]
    titles = {s.title for w in p.weeks[:2] for d in w.days for s in d.sessions}
    assert not any("Tempo" in t for t in titles)


def test_low_energy_availability_keeps_steady_sessions_short_and_adds_no_extras() -> None:
    # second coach review: with Triad/RED-S signs the plan filled 90-minute days with 80-minute
    # walks (240 minutes a week), widening the energy deficit the rule exists to stop
    p = plan(
        age=22,
        sex="female",
        goals=["endurance", "strength"],
        conditions=["low-energy-availability", "menstrual-irregularity", "stress-fracture-history"],
        experience="advanced",
        currently_active=True,
        days_per_week=6,
        minutes_per_session=90,
    )
    steady = [s for d in p.days for s in d.sessions if s.modality.value == "endurance"]
    assert steady
    assert all(s.duration_minutes <= 45 for s in steady)
    assert not any(s.optional for s in steady)


def test_a_trained_upper_lower_lifter_trains_chest_as_much_as_half_his_back() -> None:
    # coach review K11: a 52-year-old advanced lifter on TRT, four 75-minute days, had chest
    # at 6 hard sets a week against back 21, shoulders 18 and triceps 18: each upper day
    # gave chest one press and then a reverse pec deck and a lateral raise. The upper day
    # now holds a second chest press before the arm and rear-delt isolation.
    data = {
        "age": 52,
        "sex": "male",
        "goals": ["strength", "muscle"],
        "therapies": ["trt"],
        "experience": "advanced",
        "currently_active": True,
        "days": ["monday", "tuesday", "thursday", "friday"],
        "minutes_per_session": 75,
        "equipment": [
            "barbell",
            "dumbbells",
            "machines",
            "bench",
            "pull-up-bar",
            "bodyweight",
            "rower",
        ],
    }
    p = plan(weeks=2, **data)
    for d in p.weeks[0].days:
        for s in d.sessions:
            if s.title == "Upper body":
                chest = [e for e in s.exercises if "chest" in {m.value for m in e.muscles}]
                assert len(chest) >= 2, [e.name for e in s.exercises]
    weekly = p.totals.hard_sets_by_muscle
    groups = {
        "chest": weekly["chest"],
        "back": weekly["back"],
        "quads": weekly["quads"],
        "hamstrings/glutes": max(weekly["hamstrings"], weekly["glutes"]),
        "shoulders": weekly["shoulders"],
    }
    assert min(groups.values()) >= 10, groups
    assert min(groups.values()) >= max(groups.values()) / 2, groups
    check = WEEK_CHECKS["major-group-underdosed-for-trained"]
    verdict = check(parse_profile(data), p, builtin_library())
    assert verdict.applies
    assert not verdict.faults


def test_a_fifteen_minute_lower_day_keeps_its_hinge() -> None:
    # audit K-trim (short-days-underdosed, seed 7): a 75-year-old with bands and 15-minute
    # days lost 5 minutes to falls-prevention balance practice, and each lower day was
    # trimmed to one wall sit: no hinge, back 3 hard sets a week. A lower day now cuts
    # rests, then sets, then extras, and keeps a knee lift and a hinge.
    data = {
        "age": 75,
        "sex": "male",
        "currently_active": True,
        "days_per_week": 4,
        "equipment": ["bodyweight", "bands"],
        "experience": "intermediate",
        "goals": ["strength", "fat-loss", "bone-density"],
        "minutes_per_session": 15,
    }
    p = plan(weeks=4, **data)
    lower = [s for d in p.weeks[0].days for s in d.sessions if s.title.startswith("Lower body")]
    assert lower
    for s in lower:
        patterns = {e.pattern.value for e in s.exercises}
        assert "hinge" in patterns, [e.name for e in s.exercises]
        assert patterns & {"squat", "lunge"}, [e.name for e in s.exercises]
    check = WEEK_CHECKS["short-days-underdosed"]
    assert not check(parse_profile(data), p, builtin_library()).faults
    assert not WEEK_CHECKS["split-pattern-missing"](
        parse_profile(data), p, builtin_library()
    ).faults


def _group_sets(p: Plan) -> dict[str, float]:
    weekly = p.totals.hard_sets_by_muscle
    return {
        "chest": weekly.get("chest", 0),
        "back": weekly.get("back", 0),
        "quads": weekly.get("quads", 0),
        "hamstrings/glutes": max(weekly.get("hamstrings", 0), weekly.get("glutes", 0)),
        "shoulders": weekly.get("shoulders", 0),
    }


def test_a_fifteen_minute_upper_day_pairs_its_press_and_row(cli: RunCli) -> None:
    # audit short-days-underdosed (seed 7, 2,000 profiles): a 97-year-old advanced lifter on
    # five 15-minute days. Falls prevention's balance practice takes 5 of each upper day's
    # minutes, and straight sets left a press at 2 sets and a row at 1: back 3 hard sets a
    # week. The press and the row are now paired (COACHING.md §2: one set of each in turn,
    # the rest once after both), so the row keeps its second set: back 5 (6 since coach
    # review 24: Friday's hinge is a second Romanian deadlift, the back's half credit, where a
    # beginner's hip thrust took turns with it).
    data = {
        "age": 97,
        "sex": "male",
        "currently_active": True,
        "days": ["tuesday", "wednesday", "thursday", "friday", "saturday"],
        "equipment": ["dumbbells", "bench", "treadmill"],
        "experience": "advanced",
        "goals": ["muscle", "bone-density", "strength"],
        "minutes_per_session": 15,
    }
    p = plan(weeks=4, **data)
    upper = [s for d in p.weeks[0].days for s in d.sessions if s.title == "Upper body"]
    assert len(upper) == 2
    for s in upper:
        press, row = s.exercises[:2]
        assert (press.pattern.value, row.pattern.value) == ("horizontal-push", "horizontal-pull")
        assert s.duration_minutes <= 10  # balance practice keeps its 5 of the day's 15
        if press.name != "Dumbbell bench press":
            # Thursday's press: since coach review 25 no floor press at 97 where a bench lift
            # serves (it would not pair with a standing row), and the incline press that
            # takes its place trains the shoulders the row does, so they do not pair
            assert press.paired_with is None
            assert row.paired_with is None
            continue
        assert press.paired_with == row.name
        assert row.paired_with == press.name
        assert row.sets == press.sets == 2
        assert f"Paired with {row.name}: do one set of each in turn" in press.notes
        assert any("paired sets" in n for n in s.notes)
    groups = _group_sets(p)
    # (5 again since the floor press day rows in straight sets, coach review 25)
    assert groups["back"] == 5, groups  # 3 in straight sets
    assert groups["chest"] == 4, groups
    # (the shoulders 3.5 since Thursday's floor press is done in straight sets)
    assert min(groups.values()) >= 3.5, groups
    profile = parse_profile(data)
    verdict = WEEK_CHECKS["short-days-underdosed"](profile, p, builtin_library())
    assert verdict.applies
    assert not verdict.faults
    paired = WEEK_CHECKS["pair-unsound"](profile, p, builtin_library())
    assert paired.applies
    assert not paired.faults
    # the person sees it: the JSON names the partner, the table says how
    out = cli("plan", "--format", "json", "--weeks", "1", *_flags(data))
    tuesday = next(d for d in json.loads(out.stdout)["days"] if d["day"] == "tuesday")
    press, row = tuesday["sessions"][0]["exercises"]
    assert (press["paired_with"], row["paired_with"]) == (row["name"], press["name"])
    # an addition to the contract (DESIGN.md: new keys only): optional, and written only on a
    # paired lift, so every other exercise's JSON is as it was
    schema = json.loads(cli("schema", "plan").stdout)
    exercise = schema["$defs"]["Exercise"]
    assert "paired_with" in exercise["properties"]
    assert "paired_with" not in exercise.get("required", [])
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(out.stdout)))
    assert not errors
    assert all(
        "paired_with" not in e
        for d in json.loads(out.stdout)["days"]
        for s in d["sessions"]
        if s["modality"] != "resistance"
        for e in s["exercises"]
    )
    table = cli("plan", "--format", "table", "--weeks", "1", *_flags(data)).stdout
    assert "Paired with Chest-supported dumbbell row" in " ".join(table.split())


def _flags(data: dict[str, Any]) -> list[str]:
    return [
        "--age",
        str(data["age"]),
        "--sex",
        data["sex"],
        "--active" if data["currently_active"] else "--inactive",
        "--days",
        ",".join(data["days"]),
        "--equipment",
        ",".join(data["equipment"]),
        "--experience",
        data["experience"],
        "--goal",
        ",".join(data["goals"]),
        "--minutes",
        str(data["minutes_per_session"]),
    ]


def test_a_session_with_time_keeps_straight_sets() -> None:
    # pairing is a way to fit a short day (COACHING.md §2), not a change for people whose
    # sessions fit: the K11 lifter's 75-minute days have no pair
    p = plan(
        weeks=2,
        age=52,
        sex="male",
        goals=["strength", "muscle"],
        experience="advanced",
        currently_active=True,
        days=["monday", "tuesday", "thursday", "friday"],
        minutes_per_session=75,
        equipment=["barbell", "dumbbells", "machines", "bench", "pull-up-bar"],
    )
    assert all(
        e.paired_with is None
        for w in p.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
    )


@pytest.mark.parametrize(
    ("equipment", "presses"),
    [
        (["bodyweight"], {"Weighted push-up", "Deficit push-up", "Feet-elevated push-up"}),
        (["barbell", "rack"], {"Barbell floor press"}),
    ],
)
def test_a_trained_lifter_without_a_bench_gets_two_chest_presses(
    equipment: list[str], presses: set[str]
) -> None:
    # the library held one chest press at a trained level for these kits (a push-up), so four
    # upper/lower days gave chest 9 hard sets a week against 21 for back and the hamstrings;
    # major-group-underdosed-for-trained exempted them. Weighted, deficit and feet-elevated
    # push-ups and a barbell floor press now give each upper day two chest presses.
    data = {
        "age": 30,
        "sex": "male",
        "goals": ["muscle"],
        "experience": "advanced",
        "currently_active": True,
        "days": ["monday", "tuesday", "thursday", "friday"],
        "minutes_per_session": 60,
        "equipment": equipment,
    }
    p = plan(weeks=2, **data)
    names = set()
    for d in p.weeks[0].days:
        for s in d.sessions:
            if s.title == "Upper body":
                chest = [e for e in s.exercises if "chest" in {m.value for m in e.muscles}]
                assert len(chest) >= 2, [e.name for e in s.exercises]
                names |= {e.name for e in chest}
    assert names & presses, names
    groups = _group_sets(p)
    # 9 with one press a day; 15 with two, and 10-12 since coach review 14 (sets past about
    # 12 give their minutes to the walks while the aerobic minutes are short)
    assert 10 <= groups["chest"] <= 15, groups
    assert min(groups.values()) >= 10, groups
    assert min(groups.values()) >= max(groups.values()) / 2, groups
    verdict = WEEK_CHECKS["major-group-underdosed-for-trained"](
        parse_profile(data), p, builtin_library()
    )
    assert verdict.applies
    assert not verdict.faults


@st.composite
def short_lifting_weeks(draw: st.DrawFn) -> dict[str, Any]:
    """People on two to six lifting days of 15 to 30 minutes, from any age (65 and over:
    falls prevention's balance practice shares the day), the sessions pairing fits."""
    data = draw(profiles())
    data.pop("days", None)
    first = draw(st.sampled_from(["muscle", "strength", "general-health", "bone-density"]))
    data.update(
        goals=list(dict.fromkeys([first, *data["goals"]]))[:4],
        days_per_week=draw(st.integers(2, 6)),
        minutes_per_session=draw(st.sampled_from([15, 20, 25, 30])),
    )
    return data


def test_pairs_are_sound_and_never_take_a_hard_set(
    record_property: pytest.RecordProperty, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pairing is a step of the trim (COACHING.md §2: shorter rests or pairs, then fewer sets,
    # then fewer exercises) and saves time at every step, so week 1 of a plan with pairs
    # holds at least the hard sets of every major group (by its best-trained muscle) that
    # straight sets gave. Since full-body days keep both lower lifts (coach review 5,
    # GROUP-ONCE), a paired week can hold more lifts than the beginner's weekly ceiling
    # allows, and the set the ceiling takes may carry a minor muscle's half credit (core 5.5
    # straight, 5 paired, with every major group as high or higher)
    from endoprotocol.planner import sessions
    from endoprotocol.vocab import MAJOR_GROUPS

    def groups(sets: dict[str, float]) -> dict[str, float]:
        return {g: max(sets.get(m, 0) for m in ms) for g, ms in MAJOR_GROUPS.items()}

    def straight(profile: Any, p: Plan) -> None:
        with monkeypatch.context() as m:
            m.setattr(sessions, "_next_pair", lambda kept, unpairable: None)
            before = build_plan(profile, builtin_rules(), builtin_library(), weeks=1)
        after = groups(p.totals.hard_sets_by_muscle)
        for group, sets in groups(before.totals.hard_sets_by_muscle).items():
            assert after[group] >= sets, (group, sets, after)

    checks = {"pair-unsound": WEEK_CHECKS["pair-unsound"]}
    audit_property(short_lifting_weeks(), checks, record_property, examples=40, extra=straight)
