"""Coach review 32's day-layout kind (branch day32), with its smallest profile as a named
test, a test that the audit's check faults the old plan, and a property over the people it
can reach.

LIFTING-DAY-GIVES-WAY-IN-LONGER-BLOCKS (first goal) A 52-year-old advanced woman, strength
    first, not yet active, six 75-minute days (no Friday) with body weight, bands and a
    bench: the 4-week plan lifts on 5 days (Upper/Lower/Upper/Lower/Upper, a walk after
    each, a 30-minute walk on Sunday); the 8- and 12-week plans lifted on 4, Wednesday a
    30-minute walk alone and Monday's walk optional. *Cause:* when the scheduler gives a
    strength-first goal's lifting day to WHO's aerobic minutes, `build_plan` builds the
    week with every lifting day kept as well and keeps it when it holds the aerobic minutes
    of the week that gave way (`_holds_aerobic`). That was read week by week. A person not
    yet active builds up to the aerobic bar, and the two long walks of the week that gave
    way reached 150 minutes in week 6 while the week with five lifting days reached 149
    that week and 152 from week 7, after giving more in every week before. A 4-week block ends
    before the build-up does and never saw week 6. *Decision:* the kept week holds the
    aerobic minutes when, counted up to the bar week by week, it has given at least as many
    of them by the end of every week, and its fullest week holds as many as the other's
    fullest, or the bar. Check `lifting-days-fewer-in-longer-block`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import build
from endoprotocol.audit import WEEK_CHECKS
from endoprotocol.build import _required, measure
from endoprotocol.plan import Plan, Week
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
AEROBIC = "moderate_equivalent_aerobic_minutes"
CHECK = "lifting-days-fewer-in-longer-block"

# the audit's smallest profile (drawn once the audit planned 8-week blocks)
STRENGTH_52 = {
    "age": 52,
    "sex": "female",
    "goals": ["strength"],
    "experience": "advanced",
    "currently_active": False,
    "days": ["monday", "tuesday", "wednesday", "thursday", "saturday", "sunday"],
    "equipment": ["bodyweight", "bands", "bench"],
    "minutes_per_session": 75,
}


def lifting_days(week: Week) -> list[str]:
    """The days of a week with required lifting."""
    return [
        d.day.value
        for d in week.days
        if any(s.modality.value == "resistance" and not s.optional for s in d.sessions)
    ]


def aerobic(plan: Plan) -> list[int]:
    """Each week's required moderate-equivalent aerobic minutes (WHO 2020's reading)."""
    return [measure(AEROBIC, _required(w.days)) for w in plan.weeks]


def _week_by_week(kept: list[Week], gave: list[Week], bar: int) -> bool:
    """The old comparison: every week on its own."""
    return all(
        measure(AEROBIC, _required(k.days)) >= min(bar, measure(AEROBIC, _required(g.days)))
        for k, g in zip(kept, gave, strict=True)
    )


@pytest.mark.parametrize("weeks", [8, 12])
def test_the_smallest_profile_lifts_on_the_same_days_in_a_longer_block(weeks: int) -> None:
    short = builtin_plan(weeks=4, **STRENGTH_52)
    plan = builtin_plan(weeks=weeks, **STRENGTH_52)
    five = ["monday", "tuesday", "wednesday", "thursday", "saturday"]
    assert lifting_days(short.weeks[0]) == five
    # every week lifts on the five days, as the 4-week plan does (it lifted on 4)
    assert all(lifting_days(w) == five for w in plan.weeks)
    # week 1 is the 4-week plan's week 1: Wednesday's upper day and its walk are back, and
    # Monday's walk is required again
    assert plan.weeks[0].model_dump() == short.weeks[0].model_dump()
    wednesday = plan.weeks[0].days[2]
    assert [(s.title, s.duration_minutes, s.optional) for s in wednesday.sessions] == [
        ("Upper body", 35, False),
        ("Brisk walk", 12, False),
    ]
    # no lifting day gave way to the aerobic minutes, and WHO's minutes are still reached
    # in the block, a week after the walks alone reached them (152 from week 7, 149 in
    # week 6; 150 from week 6 before)
    assert not any(
        w.code == "plan-adjusted" and "a lifting day gave way" in w.message for w in plan.warnings
    )
    minutes = aerobic(plan)
    assert minutes[:8] == [84, 113, 122, 122, 139, 149, 152, 152]
    who = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert who.reached_in_week == 7
    for name in (CHECK, "lifting-day-given-up-with-room", "week-one-emptier-than-one-week-plan"):
        assert not audit_check(name, STRENGTH_52, plan).faults, name


def test_the_kept_week_is_read_on_running_totals() -> None:
    """`build._holds_minutes` on the smallest profile's weekly aerobic minutes, a kept week
    that never reaches the bar, and one that falls behind: both still give way."""
    kept = [84, 113, 122, 122, 139, 149, 152, 152]
    gave = [80, 98, 114, 114, 132, 150, 150, 150]
    assert not all(k >= min(150, g) for k, g in zip(kept, gave, strict=True))  # week by week
    assert build._holds_minutes(kept, gave, 150)
    # a kept week a few minutes short of the bar in its fullest week gives way
    assert not build._holds_minutes([84, 113, 122, 122, 139, 145, 145, 145], gave, 150)
    # ... and one behind on the running total (week 1)
    assert not build._holds_minutes([70, 113, 122, 122, 139, 150, 150, 150], gave, 150)
    # the 4-week block, which ends before either reaches the bar, keeps its lifting days
    assert build._holds_minutes(kept[:4], gave[:4], 150)


def test_the_check_faults_the_old_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "_holds_aerobic", _week_by_week)
    old = builtin_plan(weeks=8, **STRENGTH_52)
    assert lifting_days(old.weeks[0]) == ["monday", "tuesday", "thursday", "saturday"]
    faults = audit_check(CHECK, STRENGTH_52, old).faults
    assert [(f.where, f.what) for f in faults] == [
        (
            "week 1",
            "lifts on 4 days (monday, tuesday, thursday, saturday), where the 4-week plan "
            "lifts on 5 (monday, tuesday, wednesday, thursday, saturday); wednesday no "
            "longer lifts, while the lifting days leave 90 minutes idle in every week "
            "(sunday: 60 minutes of aerobic work alone)",
        )
    ]
    # the two checks that found it in the audit fault it too
    assert audit_check("lifting-day-given-up-with-room", STRENGTH_52, old).faults
    assert audit_check("week-one-emptier-than-one-week-plan", STRENGTH_52, old).faults


def test_a_longer_block_without_the_room_may_still_give_a_day_way() -> None:
    """A 65-year-old advanced strength-first man, not yet active, on 5 x 60 minutes with
    dumbbells: at full length the week with five lifting days would hold 129 aerobic
    minutes, the one with three 131, and the lifting days leave few minutes idle. WHO's
    minutes come before more of the first goal (COACHING.md §2), so the 8-week block lifts
    on 3 days; the 4-week block, which ends before the build-up does, on 5 (left open in
    docs/planning.md). The check reads it as a day given way without the room to keep it."""
    data = {
        "age": 65,
        "sex": "male",
        "goals": ["strength", "muscle"],
        "experience": "advanced",
        "minutes_per_session": 60,
        "equipment": ["dumbbells"],
        "currently_active": False,
        "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
    }
    plan = builtin_plan(weeks=8, **data)
    assert lifting_days(plan.weeks[0]) == ["monday", "wednesday", "friday"]
    assert len(lifting_days(builtin_plan(weeks=4, **data).weeks[0])) == 5
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_check_does_not_apply_to_a_four_week_block() -> None:
    plan = builtin_plan(weeks=4, **STRENGTH_52)
    assert not audit_check(CHECK, STRENGTH_52, plan).applies


@st.composite
def lifting_first_builders(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people whose first goal is muscle or strength, not yet active (they build up
    to WHO's aerobic minutes), on five to seven days long enough for lifting and a walk:
    the people whose lifting day can give way to the aerobic minutes."""
    data = draw(profiles(max_age=79))
    first = draw(st.sampled_from(["strength", "muscle"]))
    data["goals"] = [first, *[g for g in data["goals"] if g != first]][:3]
    data["currently_active"] = False
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["conditions"] = []
    data["therapies"] = []
    data.pop("pregnancy_week", None)
    data.pop("days_per_week", None)
    data["days"] = draw(
        st.lists(
            st.sampled_from(
                ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            ),
            min_size=5,
            max_size=7,
            unique=True,
        )
    )
    data["minutes_per_session"] = draw(st.sampled_from([60, 75, 90]))
    return data


@pytest.mark.parametrize("weeks", [8, 12])
def test_a_longer_block_keeps_the_four_week_lifting_days(
    weeks: int, record_property: pytest.RecordProperty
) -> None:
    audit_property(
        lifting_first_builders(),
        {
            CHECK: WEEK_CHECKS[CHECK],
            "lifting-day-given-up-with-room": WEEK_CHECKS["lifting-day-given-up-with-room"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=weeks,
    )
