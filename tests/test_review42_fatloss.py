"""Coach review 39's FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR: an active person whose first goal is fat
loss gets weekly aerobic minutes past WHO's 150 where the days leave room; the check faulting
the old plan, and a property over fat-loss-first people.

FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR (COACHING.md §2: safety, the first goal's dose, WHO's
    minimums, then more for the first goal) A 36-year-old man, fat loss then endurance,
    active, 3 days of 120 minutes: 150 required aerobic minutes a week with 237 of his 360
    minutes used, every week - WHO's floor for a goal whose own dose is aerobic minutes
    (ACSM's weight-loss stand, Donnelly 2009: 150-250 a week give only modest loss, more than
    250 a clinically meaningful one). *Cause:* every aerobic guideline's fill stopped at
    WHO's bar; only an endurance-first goal had "more for the first goal"
    (`first_goal_aerobic_bar`). *Decision:* `core/fat-loss-first-aerobic-past-who`: for an
    active fat-loss-first person, week 1's free minutes take required steady work up to 200
    (`first_goal_aerobic_minutes`; the lifting keeps its minutes, every cap, veto and safety
    hold wins, people building up keep their build-up), and it grows 5 minutes a building
    week into the time the days still leave (`steady_grows_into_spare` with
    `steady_grows_keeps_lifting`); week 1 says why (`first_goal_aerobic_note`). Check
    `fat-loss-first-at-who-floor`.
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
CHECK = "fat-loss-first-at-who-floor"
RULE = "core/fat-loss-first-aerobic-past-who"

# docs/planning.md, coach review 39's left-open list
SMALLEST = {
    "age": 36,
    "sex": "male",
    "goals": ["fat-loss", "endurance"],
    "currently_active": True,
    "minutes_per_session": 120,
}


def _required_aerobic(week: Any) -> float:
    from endoprotocol.plan import aerobic_equivalent

    return sum(aerobic_equivalent(s) for d in week.days for s in d.sessions if not s.optional)


def _lifting_minutes(week: Any) -> dict[str, int]:
    return {
        d.day.value: sum(
            s.duration_minutes
            for s in d.sessions
            if s.modality.value == "resistance" and not s.optional
        )
        for d in week.days
    }


def test_smallest_profile_walks_past_who_floor() -> None:
    """Week 1 holds about 200 required aerobic minutes (150 before), a steady block after
    Friday's lifting carrying the fat-loss rule, the lifting keeping the minutes it had;
    the steady work grows in the building weeks and never falls below week 1's; week 1
    says why, naming WHO's 150 and the position stand."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    first = plan.weeks[0]
    assert 195 <= _required_aerobic(first) <= 250
    building = [w for w in plan.weeks if not w.deload]
    assert _required_aerobic(building[-1]) > _required_aerobic(first)
    assert all(_required_aerobic(w) >= _required_aerobic(first) for w in building)
    assert any(RULE in s.rules for d in first.days for s in d.sessions)
    # the lifting the rules ask for keeps its minutes (Monday 42, Friday 35 before)
    lifting = _lifting_minutes(first)
    assert lifting["monday"] >= 42
    assert lifting["friday"] >= 35
    said = [n for n in first.notes if "Your first goal is fat loss" in n]
    assert len(said) == 1
    assert "WHO's 150" in said[0]
    assert "position stand" in said[0]
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert aerobic.met
    assert aerobic.value >= 195
    assert "donnelly-2009" in {r.id for r in plan.references}
    assert not audit_check(CHECK, SMALLEST, plan).faults


def test_people_building_up_keep_their_build_up() -> None:
    """Not yet active: the cautious build-up to WHO's 150 (COACHING.md §4), no fill past it,
    no note, and the check does not apply."""
    profile = {**SMALLEST, "currently_active": False}
    plan = builtin_plan(weeks=8, **profile)
    assert _required_aerobic(plan.weeks[0]) < 150
    assert all(_required_aerobic(w) <= 160 for w in plan.weeks)
    assert not any("Your first goal is fat loss" in n for w in plan.weeks for n in w.notes)
    assert not audit_check(CHECK, profile, plan).applies


def test_safety_caps_still_win() -> None:
    """Triad signs hold the aerobic minutes (no week above week 1's, few steady sessions):
    no fill past WHO's floor, and the check does not apply."""
    profile = {**SMALLEST, "sex": "female", "conditions": ["low-energy-availability"]}
    plan = builtin_plan(weeks=8, **profile)
    assert not any(RULE in s.rules for w in plan.weeks for d in w.days for s in d.sessions)
    assert not audit_check(CHECK, profile, plan).applies


def test_muscle_first_walks_stay_at_who() -> None:
    """A lifting-first person's walks stay levelled at WHO's 150 (coach review 41,
    surplus41): the fat-loss rule is for a fat-loss FIRST goal only."""
    profile = {**SMALLEST, "goals": ["muscle", "fat-loss"], "experience": "advanced"}
    plan = builtin_plan(weeks=8, **profile)
    assert not any(RULE in s.rules for w in plan.weeks for d in w.days for s in d.sessions)
    assert not audit_check("surplus-aerobic-before-first-goal", profile, plan).faults


def test_the_check_faults_the_old_plan() -> None:
    """The old week: Friday's steady block after lifting gone (150 required minutes, the
    day's minutes free) - the check names the week and the free minutes."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    weeks = []
    for w in plan.weeks:
        days = [
            d.model_copy(
                update={
                    "sessions": [
                        s
                        for s in d.sessions
                        if not (d.day.value == "friday" and s.modality.value == "endurance")
                    ]
                }
            )
            for d in w.days
        ]
        weeks.append(w.model_copy(update={"days": days}))
    old = plan.model_copy(update={"weeks": weeks})
    assert _required_aerobic(old.weeks[6]) < 195
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    assert faults
    assert faults[0].where == "week 7"
    assert "friday" in faults[0].what


@st.composite
def fat_loss_first(draw: st.DrawFn) -> dict[str, Any]:
    """Fat loss first, alone or with one or two other goals, active or not, any experience,
    3-6 days of 45-120 minutes, a few kits."""
    others = draw(
        st.sampled_from(
            [
                [],
                ["endurance"],
                ["muscle"],
                ["strength"],
                ["insulin-sensitivity"],
                ["muscle", "endurance"],
                ["general-health", "strength"],
            ]
        )
    )
    return {
        "age": draw(st.integers(20, 70)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": ["fat-loss", *others],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(3, 6)),
        "minutes_per_session": draw(st.sampled_from([45, 60, 90, 120])),
        "equipment": draw(
            st.sampled_from(
                [
                    ["bodyweight"],
                    ["bodyweight", "dumbbells", "bands"],
                    ["machines", "barbell", "dumbbells", "treadmill", "bike"],
                    ["bodyweight", "bike"],
                ]
            )
        ),
    }


def test_fat_loss_first_gets_more_than_who(record_property: Any) -> None:
    audit_property(
        fat_loss_first(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=8
    )
