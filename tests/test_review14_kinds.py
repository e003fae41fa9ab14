"""Session 12's kinds: coach review 13's VOLUME-OVER-CAP and coach review 14's faults, each
with its smallest profile as a named test and a property over the people the kind is about.

VOLUME-OVER-CAP (wrong dose) An advanced strength-then-muscle lifter on 4 x 90 had 21 hard
    sets a week for the back from week 1 (two rows, a chin-up, a pull-up and a reverse fly),
    above the 10-20 range the README promises; an advanced bone-density-first lifter had no
    ceiling at all, and a muscle-first lifter's mirrored week stacked the hips to 21. The
    ceiling now holds every trained lifter's every week, and an accessory's set comes off
    before a compound's.
UNSAFE-FALLS-TREADMILL-NO-RAILS (unsafe) An 88-year-old who had fallen was told to walk a
    treadmill incline "without holding the rails", and an active 80-year-old who had fallen
    ran on a treadmill (the outdoor run was already kept from him; the belt was not).
OLDER-ADULT-ONE-STRENGTH-DAY (wrong structure) That 80-year-old's full-body day lost its
    band high-incline press, the day's only shoulder lift, to a trim that still counted the
    push pattern as covered by a push-up, so the day stopped counting as a strength day and
    WHO's two strength days fell to one.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    group_over_range_any_week,
    major_group_sets,
    support_let_go,
    trim_drops_groups_last_lift,
    vetoed_tag_in_plan,
)
from tests.builtin import (
    audit_check,
    builtin_plan,
    guideline,
    plan_names,
    required_sessions,
    week_lifting,
)
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

ADVANCED_BACK = {  # coach review 13, plan 01
    "age": 27,
    "sex": "male",
    "goals": ["strength", "muscle"],
    "experience": "advanced",
    "days": ["monday", "tuesday", "thursday", "friday"],
    "minutes_per_session": 90,
    "equipment": ["barbell", "dumbbells", "bench", "pull-up-bar", "dip-bars", "trap-bar"],
    "currently_active": True,
    "therapies": ["trt"],
}


def test_an_advanced_lifters_back_stays_within_twenty_hard_sets() -> None:
    plan = builtin_plan(weeks=8, **ADVANCED_BACK)
    for week in range(1, 9):
        sets = major_group_sets(week_lifting(plan.weeks[week - 1]))
        assert max(sets.values()) <= 20, (week, sets)
    # the set comes off Friday's reverse fly, an accessory, on the back's busier day. Since
    # coach review 17 (TRAINED-VOLUME-STARTS-AT-CEILING) week 1 starts near the dose: the
    # extras go to two sets first, then the rows and pulls (back 20 -> 14 in week 1), and the
    # block builds the back again (14, 14, 17 in weeks 1-3); was rows and pulls at 3
    friday = {e.name: e.sets for s in required_sessions(plan, "friday") for e in s.exercises}
    assert friday["Bent-over dumbbell reverse fly"] <= 2
    # (since twoset42, session 32, the compounds keep 3 sets and Friday's pull-up, the
    # second lift for the back beside the row, is left out with a note: back 16 in week 1)
    assert friday["Barbell bent-over row"] >= 3
    assert "Pull-up" not in friday
    notes = [n for s in required_sessions(plan, "friday") for n in s.notes]
    assert any(n.startswith("Left out") and "Pull-up" in n for n in notes)
    monday = {e.name: e.sets for s in required_sessions(plan, "monday") for e in s.exercises}
    assert min(monday["Barbell bent-over row"], monday["Chin-up"]) >= 2
    back = [major_group_sets(week_lifting(plan.weeks[w]))["back"] for w in range(3)]
    assert back[2] > back[0], back
    # and the week still carries the trained dose: every major group 10 or more
    assert min(major_group_sets(week_lifting(plan.weeks[0])).values()) >= 10


def test_a_trained_lifter_whose_first_goal_is_not_lifting_has_the_ceiling_too() -> None:
    """Audit seed 3: an advanced bone-density-first woman on 5 x 90 with a full rack had the
    back at 21 in week 1; the trained ceiling came only with a lifting first goal."""
    data = {
        "age": 46,
        "sex": "female",
        "goals": ["bone-density", "strength"],
        "experience": "advanced",
        "days_per_week": 5,
        "minutes_per_session": 90,
        "equipment": ["barbell", "dumbbells", "machines", "trap-bar"],
        "currently_active": False,
    }
    plan = builtin_plan(weeks=12, **data)
    verdict = audit_check("group-over-range-any-week", data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


@st.composite
def trained_people_with_long_days(draw: st.DrawFn) -> dict[str, Any]:
    """Intermediate and advanced people of any first goal, with a full rack and 3-5 days of
    60-120 minutes: the weeks with room to stack sets on a group."""
    data = draw(profiles(max_age=70))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["equipment"] = draw(
        st.sampled_from(
            [
                ["barbell", "dumbbells", "bench", "pull-up-bar", "dip-bars", "trap-bar"],
                ["barbell", "dumbbells", "machines", "bodyweight", "pull-up-bar", "bench"],
                ["dumbbells", "machines", "bands", "pull-up-bar"],
            ]
        )
    )
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(3, 5))
    data["minutes_per_session"] = draw(st.integers(60, 120))
    return data


def test_no_week_gives_a_major_group_more_than_twenty_hard_sets(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        trained_people_with_long_days(),
        {"group-over-range-any-week": group_over_range_any_week},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


FELL_TREADMILL = {  # /tmp/coach14/min/UNSAFE-FALLS-TREADMILL-NO-RAILS.yaml
    "age": 88,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["falls-history"],
    "equipment": ["treadmill"],
}

FELL_ACTIVE_80 = {  # /tmp/coach14/min/OLDER-ADULT-ONE-STRENGTH-DAY.yaml
    "age": 80,
    "sex": "male",
    "goals": ["endurance", "strength"],
    "experience": "intermediate",
    "currently_active": True,
    "conditions": ["falls-history"],
    "days_per_week": 5,
    "minutes_per_session": 60,
    "equipment": ["bodyweight", "bands", "treadmill"],
}


def _notes(plan: Any) -> list[str]:
    return [e.notes for w in plan.weeks for d in w.days for s in d.sessions for e in s.exercises]


def test_a_woman_who_fell_keeps_a_hand_on_the_treadmill_rail() -> None:
    plan = builtin_plan(weeks=8, **FELL_TREADMILL)
    notes = _notes(plan)
    assert any("Treadmill" in n or "rail" in n for n in notes)
    assert not any("without holding" in n for n in notes)
    assert any("rest a hand lightly on the rail" in n for n in notes)
    assert not audit_check("support-let-go", FELL_TREADMILL, plan).faults


def test_an_active_80_year_old_who_fell_walks_rather_than_runs() -> None:
    plan = builtin_plan(weeks=8, **FELL_ACTIVE_80)
    assert not {n for n in plan_names(plan) if "run" in n.lower().split()}
    assert not audit_check("support-let-go", FELL_ACTIVE_80, plan).faults


def test_an_80_year_olds_trimmed_full_body_day_keeps_its_shoulder_lift() -> None:
    plan = builtin_plan(weeks=8, **FELL_ACTIVE_80)
    monday = [e.name for s in required_sessions(plan, "monday") for e in s.exercises]
    # the split-stance band press is `hands-bound`, which a past fall vetoes since coach
    # review 18, and so is the two-footed band overhead press since coach review 21 (both
    # hands on the band): the shoulder lift is pressed one arm at a time, a hand on a counter
    assert "Supported one-arm band shoulder press" in monday
    strength = guideline(plan, "who-2020-strength")
    assert strength.value >= 2, strength.detail
    assert not audit_check("trim-drops-groups-last-lift", FELL_ACTIVE_80, plan).faults


@st.composite
def people_kept_off_falls(draw: st.DrawFn) -> dict[str, Any]:
    """People whose rules keep them off moves where a slip ends in a fall (a past fall,
    fragile bones, 80 and over), with a treadmill among their kit."""
    data = draw(profiles(min_age=40))
    if draw(st.booleans()):
        data["age"] = draw(st.integers(80, 100))
    else:
        extra = draw(st.sampled_from(["falls-history", "osteoporosis", "vertebral-fracture"]))
        data["conditions"] = sorted({*data["conditions"], extra})
    data["equipment"] = sorted({*data["equipment"], "treadmill"})
    return data


def test_people_kept_off_falls_are_never_told_to_let_go_or_run(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        people_kept_off_falls(),
        {"support-let-go": support_let_go, "vetoed-tag-in-plan": vetoed_tag_in_plan},
        record_property,
        examples=EXAMPLES,
    )


@st.composite
def people_on_trimmed_days(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone on 2-6 days of 15-60 minutes: the days whose lifting is trimmed to fit."""
    data = draw(profiles())
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 6))
    data["minutes_per_session"] = draw(st.integers(15, 60))
    return data


def test_a_trim_keeps_every_groups_last_lift_while_sets_can_go(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        people_on_trimmed_days(),
        {"trim-drops-groups-last-lift": trim_drops_groups_last_lift},
        record_property,
        examples=EXAMPLES,
    )


DRILL_FIRST = {  # /tmp/coach15/min/HELD-START-RISE-GOES-TO-DRILL.yaml
    "age": 88,
    "sex": "female",
    "goals": ["general-health"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}


def test_a_held_starts_extra_sets_never_go_to_a_drill_first() -> None:
    """Coach review 15, HELD-START-RISE-GOES-TO-DRILL: from week 9 an 88-year-old's extra sets
    went to a dowel hinge drill and a wall posture hold while her push-ups and step-up stayed
    at one set. The exit's sets now reach the strength lifts first, then extras, and a drill
    last; where the 30-minute day has no room for a step-up's second set, nothing behind it
    takes one."""
    plan = builtin_plan(weeks=12, **DRILL_FIRST)
    for week in plan.weeks:
        for s in week_lifting(week):
            strength = [e.sets for e in s.exercises if e.compound and "drill" not in e.name]
            extras = [e.sets for e in s.exercises if not e.compound or "drill" in e.name]
            if strength and extras:
                assert max(extras) <= min(strength), (week.week, s.title, s.exercises)
