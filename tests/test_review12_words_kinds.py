"""Coach review 12 (20 new profiles), the wording and rendering kinds: notes and suggestions
that tell the truth. The smallest profiles, asserting what a reader of the plan would notice,
with properties over generated people where an invariant applies.

PROGRESSION-NOTES-DROPPED (wording, table view) The table's "Progression across the block"
    left out each week whose notes all repeated an earlier week's (weeks 6, 9 and 11 of a
    12-week block), though the table shows week 1's sessions only.
WORD-MINREPS-NOTE (wording) "More reps than the slot's few heavy ones" (since review 11 "A higher rep
    range than the slot's") on a step-up in a
    session where every lift did 11-15 reps at a moderate effort (a Triad athlete's cap).
BODYWEIGHT-LOAD-TALK (wording + dose) A body-weight-only plan said "Loads climb this week:
    at most about 60 % of your maximum" in weeks 5-7, and its squat's reps fell 15 -> 13-15
    -> 10-15 as the load ceiling rose with nothing to load.
TRIM-CLAIM-NO-PULL (structure + wording) A trimmed full-body day dropped its only back work
    (a prone back extension, a prone Y raise) and its note still said "this stays one of
    your strength days" while the guideline box counted none.
SUGGESTION-UNFOLLOWABLE (wording) "Short by 110. Add about 110 minutes a week: a walk or swim
    of 20-30 minutes on one or two more days, or longer walks on the days you have" (at most
    60 more, on full 30-minute days), and easy rides suggested to people with no bike.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endoprotocol.errors import OutOfScopeError
from endoprotocol.render.html import render_html
from endoprotocol.render.markdown import render_markdown
from endoprotocol.render.terminal import render_table
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

TRAINED_FOUR_DAYS = {  # /tmp/coach12/min/PROGRESSION-NOTES-DROPPED.yaml
    "age": 30,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "intermediate",
    "days_per_week": 4,
    "minutes_per_session": 60,
    "currently_active": True,
}


def _progression_section(table: str) -> str:
    start = table.index("Progression across the block")
    return table[start : table.index("Guidelines", start)]


def _weeks_with_notes(plan: Any) -> set[int]:
    return {w.week for w in plan.weeks if w.notes}


def test_every_week_with_a_note_is_in_the_tables_progression_list() -> None:
    plan = builtin_plan(weeks=12, **TRAINED_FOUR_DAYS)
    assert {6, 9, 11} <= _weeks_with_notes(plan)
    section = _progression_section(render_table(plan, width=120))
    listed = {int(m) for m in re.findall(r"^Week (\d+) +[A-Z]", section, re.MULTILINE)}
    assert _weeks_with_notes(plan) <= listed
    # a repeated note is shortened, and says where it is in full
    week11 = section[section.rindex("Week 11 ") : section.rindex("Week 12 ")]
    assert "Same loads as last week" in week11
    assert "in full under week 3" in week11


def _check_renderers(plan: Any) -> None:
    noted = _weeks_with_notes(plan)
    if not noted:
        return
    section = _progression_section(render_table(plan, width=120))
    listed = {int(m) for m in re.findall(r"^Week (\d+) +[A-Z]", section, re.MULTILINE)}
    assert noted <= listed, (noted - listed, section)
    markdown = render_markdown(plan)
    start = markdown.index("## Progression across the block")
    block = markdown[start : markdown.find("\n## ", start + 3) % (len(markdown) + 1)]
    rows = [line for line in block.splitlines() if re.match(r"^\| \d+ \|", line)]
    for w in plan.weeks:
        row = next(r for r in rows if r.startswith(f"| {w.week} |"))
        assert bool(w.notes) == (not row.rstrip().endswith("|  |")), row
    page = render_html(plan)
    for w in plan.weeks:
        for note in w.notes:
            # (escaped as the page escapes it: "&" first, then the apostrophe; a note whose
            # first words hold an apostrophe - coach review 40's "last week's" - showed the
            # old order's "&amp;#x27;")
            assert html.escape(note, quote=True)[:40] in page or note[:40] in page


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(profiles(), st.integers(4, 12))
def test_no_renderer_drops_a_weeks_notes(data: dict[str, Any], weeks: int) -> None:
    try:
        plan = builtin_plan(weeks=weeks, **data)
    except OutOfScopeError:
        return
    _check_renderers(plan)


TRIAD_ATHLETE = {  # /tmp/coach12/min/WORD-MINREPS-NOTE.yaml
    "age": 19,
    "sex": "female",
    "goals": ["endurance", "strength"],
    "experience": "intermediate",
    "days_per_week": 6,
    "minutes_per_session": 60,
    "equipment": ["treadmill", "dumbbells"],
    "currently_active": True,
    "conditions": ["low-energy-availability"],
}


def test_no_few_heavy_reps_note_where_every_lift_does_many_reps() -> None:
    plan = builtin_plan(weeks=12, **TRIAD_ATHLETE)
    step_ups = [
        e
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        for e in s.exercises
        if e.name == "Dumbbell step-up to a high box"
    ]
    assert step_ups
    assert all(e.reps is not None and e.reps.min >= 8 for e in step_ups)
    assert not any("higher rep range than the slot" in e.notes for e in step_ups)
    verdict = audit_check("min-reps-note-false", TRIAD_ATHLETE, plan)
    assert not verdict.faults, verdict.faults[:3]


BARBELL_STRENGTH = {  # where the note is true: a 4-6 rep slot, a push-up or lunge above it
    "age": 36,
    "sex": "male",
    "goals": ["strength"],
    "experience": "intermediate",
    "days_per_week": 3,
    "minutes_per_session": 90,
    "equipment": ["barbell", "bench", "pull-up-bar", "dumbbells", "rack"],
    "currently_active": True,
    # (no low-back pain since coach review 24: it holds every lift at 8 reps or more)
    "conditions": ["knee-pain"],
}


def test_the_note_stays_where_the_slot_is_few_and_heavy() -> None:
    plan = builtin_plan(weeks=12, **BARBELL_STRENGTH)
    verdict = audit_check("min-reps-note-false", BARBELL_STRENGTH, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def strength_people(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people with a strength goal, often under a cap that moves reps up (Triad
    signs, osteoporosis, not yet active), with free weights or body weight."""
    data = draw(profiles())
    data["goals"] = list(dict.fromkeys(["strength", *data["goals"]]))[:3]
    data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
    extra = draw(st.sampled_from([[], ["low-energy-availability"], ["osteoporosis"]]))
    data["conditions"] = list(dict.fromkeys([*data["conditions"], *extra]))
    kit = draw(st.sampled_from([["dumbbells"], ["barbell", "bench"], ["bodyweight"], []]))
    data["equipment"] = list(dict.fromkeys([*data["equipment"], *kit]))
    return data


def test_few_heavy_reps_note_is_true(record_property: pytest.RecordProperty) -> None:
    audit_property(
        strength_people(),
        {"min-reps-note-false": audit_check_fn("min-reps-note-false")},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


def audit_check_fn(name: str) -> Any:
    from endoprotocol.audit import CHECKS

    return CHECKS[name]


OLDER_BODYWEIGHT = {  # /tmp/coach12/min/BODYWEIGHT-LOAD-TALK.yaml
    "age": 70,
    "sex": "male",
    "goals": ["general-health"],
    "days_per_week": 2,
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
    "currently_active": True,
}


def test_a_body_weight_plan_never_speaks_of_loads_climbing() -> None:
    plan = builtin_plan(weeks=12, **OLDER_BODYWEIGHT)
    said = " ".join(n for w in plan.weeks for n in w.notes)
    assert "Loads climb" not in said
    assert "% of your maximum" not in said
    assert "The effort rises this week" in " ".join(plan.weeks[4].notes)
    verdict = audit_check("load-talk-without-load", OLDER_BODYWEIGHT, plan)
    assert verdict.applies is False or not verdict.faults, verdict.faults


def test_a_body_weight_lifts_reps_do_not_fall_as_the_load_ceiling_rises() -> None:
    plan = builtin_plan(weeks=12, **OLDER_BODYWEIGHT)

    def squat(week: int) -> Any:
        lifts = [
            e
            for d in plan.weeks[week - 1].days
            for s in d.sessions
            for e in s.exercises
            if e.name == "Bodyweight squat"
        ]
        return lifts[0]

    # the exit weeks (5-7): the effort rises, the reps keep their range, then climb
    tops = [squat(w).reps.max for w in (5, 6, 7)]
    lows = [squat(w).reps.min for w in (5, 6, 7)]
    assert tops == sorted(tops), tops
    assert lows == sorted(lows), lows
    # weeks 6 and 7 go on with the body-weight progression: a slower lowering, more reps
    assert "over 3 seconds" in squat(6).notes
    assert squat(7).reps.min > squat(6).reps.min
    for name in ("week-does-not-progress", "week-repeats-previous"):
        assert not audit_check(name, OLDER_BODYWEIGHT, plan).faults


@st.composite
def body_weight_people(draw: st.DrawFn) -> dict[str, Any]:
    """People with nothing to load, often on a cautious start (65+ and new to lifting,
    osteoporosis, low energy availability) or a beginner's effort step."""
    data = draw(profiles())
    data["equipment"] = draw(st.sampled_from([["bodyweight"], [], ["pull-up-bar"]]))
    extra = draw(st.sampled_from([[], ["osteoporosis"], ["low-energy-availability"]]))
    data["conditions"] = [
        c for c in dict.fromkeys([*data["conditions"], *extra]) if c != "pregnancy"
    ]
    data.pop("pregnancy_week", None)
    if draw(st.booleans()):
        data["age"] = draw(st.integers(65, 85))
        data["experience"] = "beginner"
    return data


def test_no_load_talk_without_a_load(record_property: pytest.RecordProperty) -> None:
    audit_property(
        body_weight_people(),
        {"load-talk-without-load": audit_check_fn("load-talk-without-load")},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )


POOL_NEUROPATHY = {  # /tmp/coach12/min/TRIM-CLAIM-NO-PULL.yaml
    "age": 63,
    "sex": "female",
    "goals": ["endurance"],
    "days_per_week": 3,
    "minutes_per_session": 45,
    "equipment": ["pool", "bodyweight"],
    "conditions": ["peripheral-neuropathy"],
}


def test_a_trimmed_day_keeps_its_back_work_and_claims_no_strength_day_it_is_not() -> None:
    plan = builtin_plan(weeks=10, **POOL_NEUROPATHY)
    for week in plan.weeks:
        lifting = [s for d in week.days for s in d.sessions if s.modality.value == "resistance"]
        assert lifting
        for s in lifting:
            # every full-body day keeps a lift for the back, a hard one outside a deload (a
            # deload's lift at one set does fewer reps and may be light: coach review 16,
            # DELOAD-CUTS-ONLY-ACCESSORIES)
            assert any(
                "back" in {m.value for m in e.muscles}
                and (e.intensity.rir is not None or week.deload)
                for e in s.exercises
            ), (week.week, s.title, [e.name for e in s.exercises])
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    said = " ".join(n for d in plan.days for s in d.sessions for n in s.notes)
    if not strength.met:
        assert "still counts toward their strength days" not in said
        # the smallest hard form says the day is no strength day; since coach review 30 the
        # first goal's 20-minute bout holds these days to their main lifts, whose note claims
        # no strength day at all
        assert "does not count as a strength day" in said or "Trimmed to its main lifts" in said
    verdict = audit_check("claim-strength-day-false", POOL_NEUROPATHY, plan)
    assert not verdict.faults, verdict.faults[:3]


@st.composite
def aerobic_first_people(draw: st.DrawFn) -> dict[str, Any]:
    """People whose first goal is aerobic, with short-ish days and home kit: their lifting
    days are held to the smallest hard form that carries the strength-day claim."""
    data = draw(profiles())
    first = draw(st.sampled_from(["endurance", "insulin-sensitivity", "fat-loss"]))
    data["goals"] = list(dict.fromkeys([first, *data["goals"]]))[:3]
    data["minutes_per_session"] = draw(st.integers(35, 50))
    data.pop("days", None)
    data["days_per_week"] = draw(st.integers(2, 4))
    kit = draw(st.sampled_from([["pool", "bodyweight"], ["bodyweight"], ["dumbbells"], []]))
    data["equipment"] = kit
    return data


def test_strength_day_claims_are_true(record_property: pytest.RecordProperty) -> None:
    audit_property(
        aerobic_first_people(),
        {"claim-strength-day-false": audit_check_fn("claim-strength-day-false")},
        record_property,
        examples=EXAMPLES,
        weeks=8,
    )


PREGNANT_THIRTY = {  # /tmp/coach12/min/SUGGESTION-UNFOLLOWABLE.yaml
    "age": 34,
    "sex": "female",
    "goals": ["general-health"],
    "days_per_week": 3,
    "minutes_per_session": 30,
    "conditions": ["pregnancy"],
    "pregnancy_week": 32,
}


def test_the_aerobic_suggestion_closes_the_gap_she_is_told() -> None:
    plan = builtin_plan(weeks=8, **PREGNANT_THIRTY)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert not aerobic.met
    text = aerobic.suggestion or ""
    gap = aerobic.target - aerobic.value
    assert f"Add about {gap} minutes" in text
    # no bike, no pool: walks only, each no longer than her 30-minute sessions
    assert "ride" not in text
    assert "swim" not in text
    assert "one or two more days" not in text
    found = re.search(r"(\d+) more days? a week with a brisk walk of about (\d+) minutes", text)
    assert found, text
    # the plan keeps one day a week light (core/recovery-rest-day), so three more days of
    # walks and the rest said plainly (coach review 13, SUGGEST-ON-LIGHT-DAYS)
    assert int(found[1]) * int(found[2]) >= gap or "light for recovery" in text
    assert int(found[2]) <= 30
    verdict = audit_check("suggestion-does-not-close", PREGNANT_THIRTY, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_rides_are_suggested_only_with_a_bike() -> None:
    short_days = {"age": 39, "sex": "female", "goals": ["fat-loss"], "days_per_week": 3}
    plan = builtin_plan(weeks=4, **short_days, minutes_per_session=25)
    said = next(g for g in plan.guidelines if g.id == "who-2020-aerobic").suggestion or ""
    assert "ride" not in said
    biked = builtin_plan(weeks=4, **short_days, minutes_per_session=25, equipment=["bike"])
    said = next(g for g in biked.guidelines if g.id == "who-2020-aerobic").suggestion or ""
    assert "bike ride" in said  # (an easy ride until coach review 38)


def test_aerobic_suggestions_close_their_gap(record_property: pytest.RecordProperty) -> None:
    audit_property(
        profiles(),
        {"suggestion-does-not-close": audit_check_fn("suggestion-does-not-close")},
        record_property,
        examples=EXAMPLES,
    )
