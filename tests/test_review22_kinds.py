"""Coach review 22's kinds (fresh reviewer, 20 new profiles, /tmp/coach22), each with its
smallest profile as a named test and a property over the people the kind is about.

AEROBIC-CUT-TO-GROW-SETS (dose order) A trained 40-year-old man, strength first, advanced,
    active, Saturday and Sunday x 120 minutes with a barbell and dumbbells: 116 of 150
    aerobic minutes, and from week 3 the walks after lifting shortened (Sunday 65 -> 61 ->
    58 -> 56 minutes) so that deadlift, lunge and ab-wheel sets could grow, his hamstrings
    and glutes already at 12.5 hard sets in week 1; the reviewer's p18 (68, strength and
    bone density) lost 36 % of his aerobic minutes over 12 weeks. COACHING.md §2: the first
    goal's minimum dose, then WHO's aerobic minimum, then more for the first goal; §3:
    aerobic sessions lengthen toward the target. *Cause:* a building week's added sets could
    take the walk's minutes (down to its least work) whenever week 1 left any group under
    the dose - for any lift. *Decision:* the walk's minutes go only to sets toward the dose:
    a set of a lift training, as a primary muscle, a group week 1 leaves under it, as far
    as it is under (`progress.Room.give` and `under`, shared by the week's days); every
    other set grows into free minutes only. Check `walk-cut-for-sets-past-dose`.

OPTIONAL-EXTRAS-SKIP-RAMP (progression safety) A 40-year-old woman not yet active, general
    health, the default 3 x 45 minutes: the plan's advice said to start with one brisk walk
    of about 20 minutes a week and add 5-10 minutes a week, while week 1 listed three
    optional 40-minute brisk walks (90 minutes of brisk work) that never grew; a pregnant
    inactive woman (p09) got three in a row. COACHING.md §2: people not active build up from
    about 15-30 minutes; §3: aerobic sessions lengthen gradually. *Cause:* optional extras
    were sized once, at their full length, for everyone; only required steady sessions
    followed the build-up. *Decision:* for a person not yet active the optional walks and
    rides start at the build-up's first bout (20 minutes of work, in day order) and grow by
    at most 10 minutes of work a building week, an extra that would hold under 10 minutes
    waiting for a later week; the steps count from the first week above light (a passing
    illness), and where a rule holds the required steady work (Triad/RED-S signs) the extras
    stay at the first bout (`progress._extras_ramped`). Check `build-up-extras-skip-ramp`.

SHORTFALL-ADVICE-NO-FOLLOWABLE-DAY (text) A 40-year-old woman not yet active who offered
    all seven days, and (p06) a woman with chronic stress whose only days not offered are
    the two the plan keeps light, were told to start their build-up "on a day you did not
    offer". COACHING.md §2: a way to close the shortfall that the person can follow; DESIGN.md
    v1.1: no suggestion proposes what a rule forbids. *Decision:* the first bout goes to an
    offered day left free, else after a session on a day with time for it, else to a day
    not offered that no rule keeps light, else after a session on a day with 10 minutes or
    more to spare (shortened to them), else it is added to one of the person's days, which
    then runs longer (`messages.gap_where_longer`). Check `shortfall-advice-no-day`.

TARGET-HOLD-MISATTRIBUTED (text) A 40-year-old woman with chronic stress on 5 x 15 minutes:
    her WHO strength days (0 of 2) were "held back on purpose" by the stress rule, with no
    advice - the same week without the stress said 0 of 2 with advice. The rule caps hard
    sessions at three a week, room for two strength days; the 15-minute days keep them at 0.
    *Decision:* a cap on hard (or lifting) sessions a week holds the strength days only
    below the target (`build._held_by`). Check `strength-hold-misattributed`.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import PROGRESSION_CHECKS, WEEK_CHECKS, major_group_sets
from tests.builtin import audit_check, builtin_plan, builtin_rules, guideline
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach22/min/AEROBIC-CUT-TO-GROW-SETS.yaml
TRAINED_TWO_LONG_DAYS = {
    "age": 40,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "days": ["saturday", "sunday"],
    "minutes_per_session": 120,
    "equipment": ["barbell", "dumbbells"],
    "currently_active": True,
}


def _steady(plan: Any, week: int, day: str) -> int:
    found = next(d for d in plan.weeks[week - 1].days if d.day.value == day)
    return sum(
        s.duration_minutes
        for s in found.sessions
        if s.modality.value == "endurance" and not s.optional
    )


def _lifting(plan: Any, week: int) -> list[Any]:
    return [
        s
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]


def test_the_walks_keep_their_minutes_while_the_sets_past_the_dose_grow() -> None:
    plan = builtin_plan(weeks=12, **TRAINED_TWO_LONG_DAYS)
    assert not guideline(plan, "who-2020-aerobic").met
    week_one = major_group_sets(_lifting(plan, 1))
    assert week_one["hamstrings/glutes"] >= 10
    # (since coach review 27 the minutes week 1's sets past the dose give up go to the back's
    # tenth set before the walk: COACHING.md §2, the first goal's dose before WHO's minutes)
    assert week_one["back"] >= 10
    building = [w.week for w in plan.weeks if not w.deload]
    # Sunday's lower-body day trains groups week 1 already doses: its walk never shortens
    assert {_steady(plan, w, "sunday") for w in building} == {_steady(plan, 1, "sunday")}
    # Saturday's walk gives a set's minutes once, for the back's set toward its dose (in
    # week 1 since coach review 27, where it was week 3)
    saturday = [_steady(plan, w, "saturday") for w in building]
    assert min(saturday) >= _steady(plan, 1, "saturday") - 5
    # and the block still builds: the back reaches its dose, the loads climb
    assert major_group_sets(_lifting(plan, 3))["back"] >= 10
    assert any(w.load_change_pct > 0 for w in plan.weeks)
    verdict = audit_check("walk-cut-for-sets-past-dose", TRAINED_TWO_LONG_DAYS, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_check_finds_a_walk_cut_for_a_dosed_group() -> None:
    """Week 3's Sunday walk 4 minutes shorter with the deadlift a set up: the old week."""
    plan = builtin_plan(weeks=4, **TRAINED_TWO_LONG_DAYS)
    sunday = next(d for d in plan.weeks[2].days if d.day.value == "sunday")
    for s in sunday.sessions:
        if s.modality.value == "endurance" and not s.optional:
            s.duration_minutes -= 4
        if s.modality.value == "resistance":
            for e in s.exercises:
                if e.name == "Conventional barbell deadlift":
                    e.sets += 1
    faults = audit_check("walk-cut-for-sets-past-dose", TRAINED_TWO_LONG_DAYS, plan).faults
    assert [f.where for f in faults] == ["week 3 sunday"]
    assert "Conventional barbell deadlift" in faults[0].what


@st.composite
def trained_lifters_with_long_days(draw: st.DrawFn) -> dict[str, Any]:
    """Trained, active muscle- or strength-first people of any age with loads to add, on two
    to four days of 60-120 minutes: days that hold lifting and a walk after it."""
    data = draw(profiles())
    data["goals"] = [
        draw(st.sampled_from(["strength", "muscle"])),
        *draw(st.lists(st.sampled_from(["bone-density", "general-health", "endurance"]))),
    ]
    data["goals"] = list(dict.fromkeys(data["goals"]))
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    data["currently_active"] = True
    data["conditions"] = []
    data.pop("screening", None)
    data.pop("blood_pressure", None)
    data.pop("pregnancy_week", None)
    data.pop("days", None)
    data["equipment"] = draw(
        st.lists(
            st.sampled_from(["barbell", "dumbbells", "bench", "machines", "trap-bar", "bands"]),
            min_size=1,
            unique=True,
        )
    )
    data.update(
        days_per_week=draw(st.integers(2, 4)),
        minutes_per_session=draw(st.integers(60, 120)),
    )
    return data


def test_no_walk_is_cut_for_sets_past_the_dose(record_property: pytest.RecordProperty) -> None:
    audit_property(
        trained_lifters_with_long_days(),
        {
            "walk-cut-for-sets-past-dose": WEEK_CHECKS["walk-cut-for-sets-past-dose"],
            "day-over-minutes": PROGRESSION_CHECKS["day-over-minutes"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# /tmp/coach22/min/OPTIONAL-EXTRAS-SKIP-RAMP.yaml
NOT_YET_ACTIVE = {"age": 40, "sex": "female", "goals": ["general-health"]}


def _extra_work(plan: Any, week: int) -> list[tuple[str, float]]:
    return [
        (d.day.value, e.work_seconds.max / 60)
        for d in plan.weeks[week - 1].days
        for s in d.sessions
        if s.optional and s.modality.value == "endurance" and s.intensity_class.value != "light"
        for e in s.exercises
        if e.work_seconds is not None
    ]


def test_an_inactive_persons_optional_walks_start_with_one_short_bout_and_grow() -> None:
    plan = builtin_plan(weeks=8, **NOT_YET_ACTIVE)
    assert not plan.profile.currently_active
    # week 1: the one walk of about 20 minutes the advice starts with
    assert _extra_work(plan, 1) == [("tuesday", 20.0)]
    advice = guideline(plan, "who-2020-aerobic").suggestion
    assert "start with one brisk walk of about 20 minutes a week" in advice
    totals = [sum(m for _, m in _extra_work(plan, w.week)) for w in plan.weeks]
    building = [t for t, w in zip(totals, plan.weeks, strict=True) if not w.deload]
    assert all(0 < b - a <= 10 for a, b in itertools.pairwise(building) if b != a)
    assert building[-1] > building[0]
    assert not audit_check("build-up-extras-skip-ramp", NOT_YET_ACTIVE, plan).faults


def test_an_active_persons_extras_are_unchanged() -> None:
    active = {**NOT_YET_ACTIVE, "currently_active": True}
    plan = builtin_plan(weeks=4, **active)
    work = _extra_work(plan, 1)
    assert work
    assert all(m >= 30 for _, m in work)
    assert not audit_check("build-up-extras-skip-ramp", active, plan).applies


def test_the_ramp_check_finds_the_old_week() -> None:
    plan = builtin_plan(weeks=4, **NOT_YET_ACTIVE)
    for d in plan.weeks[0].days:
        for s in d.sessions:
            if s.optional and s.modality.value == "endurance":
                for e in s.exercises:
                    if e.work_seconds is not None:
                        e.work_seconds = e.work_seconds.model_copy(
                            update={"min": 1800, "max": 1800}
                        )
    faults = audit_check("build-up-extras-skip-ramp", NOT_YET_ACTIVE, plan).faults
    assert [f.where for f in faults] == ["week 1"]


@st.composite
def not_yet_active(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active, of any age, goals, kit, conditions and days."""
    data = draw(profiles())
    data["currently_active"] = False
    data.pop("pregnancy_week", None)
    return data


def test_no_build_up_lists_more_optional_brisk_work_than_its_steps(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        not_yet_active(),
        {"build-up-extras-skip-ramp": WEEK_CHECKS["build-up-extras-skip-ramp"]},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


# /tmp/coach22/min/SHORTFALL-ADVICE-NO-FOLLOWABLE-DAY.yaml, and p06's light-days variant
EVERY_DAY_OFFERED = {"age": 40, "sex": "female", "goals": ["general-health"], "days_per_week": 7}
STRESSED_SHORT_DAYS = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "days_per_week": 5,
    "minutes_per_session": 15,
    "conditions": ["chronic-stress"],
}


@pytest.mark.parametrize("data", [EVERY_DAY_OFFERED, STRESSED_SHORT_DAYS])
def test_the_first_bout_goes_where_the_person_can_do_it(data: dict[str, Any]) -> None:
    plan = builtin_plan(weeks=4, **data)
    advice = guideline(plan, "who-2020-aerobic").suggestion
    assert advice is not None
    assert "did not offer" not in advice
    assert "start with one brisk walk of about" in advice
    verdict = audit_check("shortfall-advice-no-day", data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_seven_days_with_time_to_spare_start_after_a_session() -> None:
    advice = guideline(builtin_plan(weeks=4, **EVERY_DAY_OFFERED), "who-2020-aerobic").suggestion
    assert advice is not None
    assert "about 15 minutes a week after a session on a day with time to spare" in advice


def test_full_days_and_light_kept_days_add_the_bout_to_a_day() -> None:
    advice = guideline(builtin_plan(weeks=4, **STRESSED_SHORT_DAYS), "who-2020-aerobic").suggestion
    assert advice is not None
    assert "added to one of your days (that day then runs longer" in advice


def test_three_days_offered_still_start_on_a_day_not_offered() -> None:
    data = {**EVERY_DAY_OFFERED, "days_per_week": 3}
    advice = guideline(builtin_plan(weeks=4, **data), "who-2020-aerobic").suggestion
    assert advice is not None
    assert "on a day you did not offer" in advice
    assert not audit_check("shortfall-advice-no-day", data, builtin_plan(weeks=4, **data)).faults


def test_the_stress_cap_no_longer_claims_the_strength_days() -> None:
    plan = builtin_plan(weeks=4, **STRESSED_SHORT_DAYS)
    strength = guideline(plan, "who-2020-strength")
    assert not strength.met
    assert strength.held_by == []
    assert strength.suggestion
    calm = {**STRESSED_SHORT_DAYS, "conditions": []}
    assert guideline(builtin_plan(weeks=4, **calm), "who-2020-strength").value == strength.value
    assert not audit_check("strength-hold-misattributed", STRESSED_SHORT_DAYS, plan).faults


def test_the_hold_check_finds_the_old_words() -> None:
    plan = builtin_plan(weeks=4, **STRESSED_SHORT_DAYS)
    guideline(plan, "who-2020-strength").held_by = ["safety/chronic-stress-recovery"]
    faults = audit_check("strength-hold-misattributed", STRESSED_SHORT_DAYS, plan).faults
    assert [f.where for f in faults] == ["who-2020-strength"]


@st.composite
def short_of_aerobic_minutes(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone on many or short days, often with a recovery condition: the weeks whose
    suggestion has to find a day, and whose strength days a recovery cap may be blamed for."""
    data = draw(profiles())
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(4, 7))
    data["minutes_per_session"] = draw(st.integers(15, 45))
    data["conditions"] = draw(
        st.lists(st.sampled_from(["chronic-stress", "poor-sleep", "knee-pain"]), unique=True)
    )
    data.pop("pregnancy_week", None)
    return data


def test_no_suggestion_names_a_day_the_person_cannot_use(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        short_of_aerobic_minutes(),
        {
            "shortfall-advice-no-day": WEEK_CHECKS["shortfall-advice-no-day"],
            "strength-hold-misattributed": WEEK_CHECKS["strength-hold-misattributed"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )


# ---- coach review 23 (fresh reviewer on 2a51d97, /tmp/coach23): two kinds of today's work ----
#
# SHORTFALL-ADVICE-BROKEN-SENTENCE (text) A woman not yet active on 6 x 20 minutes was told to
#     build up "until you have the last 84 minutes need sessions longer than your 20 minutes":
#     where the days hold none of the minutes, the build-up's start stands alone and what the
#     days cannot hold follows it (`messages.gap_build_up_start`). Check
#     `shortfall-advice-broken`.
# RAMP-EXTRAS-LEAVE-ADA-GAP (clinical) A man with type 2 diabetes, not yet active, on Monday
#     and Tuesday: the build-up's first walks went on Wednesday and Thursday, Friday to Monday
#     idle. The first bouts now go to the days furthest from a required session, and with a
#     limit on days without activity each extra first gets the least steady work (10
#     minutes), so the week's first 20 minutes are two walks. Check
#     `activity-gap-with-extras`.

SIX_SHORT_DAYS = {
    "age": 40,
    "sex": "female",
    "goals": ["general-health"],
    "days_per_week": 6,
    "minutes_per_session": 20,
}
DIABETES_TWO_DAYS = {
    "age": 50,
    "sex": "male",
    "goals": ["general-health"],
    "conditions": ["type-2-diabetes"],
    "days": ["monday", "tuesday"],
}


def test_advice_for_days_that_hold_none_of_the_minutes_reads_as_sentences() -> None:
    plan = builtin_plan(weeks=4, **SIX_SHORT_DAYS)
    advice = guideline(plan, "who-2020-aerobic").suggestion
    assert advice is not None
    assert "until you have the last" not in advice
    assert "then add about 5 to 10 minutes a week" in advice
    assert "; the last " in advice
    verdict = audit_check("shortfall-advice-broken", SIX_SHORT_DAYS, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_broken_sentence_check_finds_the_old_words() -> None:
    plan = builtin_plan(weeks=4, **SIX_SHORT_DAYS)
    aerobic = guideline(plan, "who-2020-aerobic")
    aerobic.suggestion = "start with one walk, until you have the last 84 minutes need sessions"
    faults = audit_check("shortfall-advice-broken", SIX_SHORT_DAYS, plan).faults
    assert [f.where for f in faults] == ["who-2020-aerobic"]


def test_the_first_bouts_of_a_build_up_with_diabetes_break_the_longest_idle_run() -> None:
    plan = builtin_plan(weeks=6, **DIABETES_TWO_DAYS)
    for w in plan.weeks:
        active = [bool(d.sessions) for d in w.days]
        run = longest = 0
        for k in range(14):
            run = 0 if active[k % 7] else run + 1
            longest = max(longest, run)
        assert longest <= 2, (w.week, active)
    first = _extra_work(plan, 1)
    assert sum(m for _, m in first) <= 20
    assert all(m >= 10 for _, m in first)
    assert not audit_check("activity-gap-with-extras", DIABETES_TWO_DAYS, plan).faults
    assert not audit_check("build-up-extras-skip-ramp", DIABETES_TWO_DAYS, plan).faults


@st.composite
def not_yet_active_with_diabetes(draw: st.DrawFn) -> dict[str, Any]:
    """People not yet active with diabetes or prediabetes, on one to three days."""
    data = draw(not_yet_active())
    data["conditions"] = [draw(st.sampled_from(["type-2-diabetes", "prediabetes"]))]
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(1, 3))
    return data


def test_no_build_up_with_diabetes_leaves_three_idle_days(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        not_yet_active_with_diabetes(),
        {
            "activity-gap-with-extras": WEEK_CHECKS["activity-gap-with-extras"],
            "build-up-extras-skip-ramp": WEEK_CHECKS["build-up-extras-skip-ramp"],
            "shortfall-advice-broken": WEEK_CHECKS["shortfall-advice-broken"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


def test_the_extras_step_is_the_packs_and_goes_with_a_build_up() -> None:
    """The ramp's step is rule-pack data (`build_up_extras_step_minutes`): every built-in
    guideline with a build-up sets 10, and the field is refused without a build-up."""
    from endoprotocol.engine.model import GuidelineTarget

    targets = [
        t
        for r in builtin_rules().rules
        for action in r.then
        if (t := getattr(action, "guideline", None)) is not None and t.build_up_weeks is not None
    ]
    assert targets
    assert {t.build_up_extras_step_minutes for t in targets} == {10}
    base = {
        "id": "who-2020-aerobic",
        "measure": "moderate_equivalent_aerobic_minutes",
        "at_least": 150,
        "label": "aerobic",
        "suggestion": "more",
    }
    assert GuidelineTarget(
        **base, build_up_weeks=5, build_up_from_minutes=20, build_up_extras_step_minutes=10
    )
    with pytest.raises(ValueError, match="goes with build_up_weeks"):
        GuidelineTarget(**base, build_up_extras_step_minutes=10)
