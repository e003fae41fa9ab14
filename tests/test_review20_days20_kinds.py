"""Coach review 20's kind on branch days20, with its smallest profile as a named test and a
property over the people the kind is about.

OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE (week) A 24-year-old woman with irregular periods (Female
    Athlete Triad signs), bone density first, the default three days (/tmp/coach20/min/):
    the Triad's cap of two hard sessions left Monday and Friday lifting and offered
    Wednesday blank, while her two optional balance sessions went on Tuesday and Saturday,
    days she did not offer. Reviewer p05 (Mon/Tue/Thu/Fri) had Tuesday and Friday blank and
    the balance practice on Wednesday and Saturday; p19 (dizziness: light until cleared,
    Mon/Wed/Sat) had Saturday blank and optional rides on Tuesday, Thursday and Friday; a
    light hold on a 3-day lifter (uncontrolled blood pressure) left all three offered days
    blank and the walks on the three others. COACHING.md §2: sessions go on the days the
    person offered, and the week uses the time it is given; §3: light-only plans keep
    their weeks. *Cause:* `Scheduler.place` ordered an optional extra's days with the days
    not offered first ("free days first, so it never crowds a main session"), and
    `_ensure_activity_gaps` put its walk on the gap's last day whatever the days offered.
    *Decision:* an optional extra goes first to an offered day that holds no required
    session and has the minutes for the whole extra after the extras already there
    (`_optional_room`), then to a free day not offered, then beside a main session; a gap's
    walk takes an offered day of the gap when there is one; a last pass
    (`_offered_days_first`) moves an extra still on a day not offered to an offered day
    left empty when the week's own rules allow it there; and every optional extra on a day
    not offered says why (`_say_why_away`, `messages.optional_away_*`): every offered day
    already holds a session, the free offered day follows intervals and stays light, or a
    rule's limit on days without activity put it there. The renderers show that note with
    its session (`render.text.own_note`). Check `offered-day-empty-extras-elsewhere`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import WEEK_CHECKS, offered_day_empty_extras_elsewhere
from endoprotocol.engine.evaluate import evaluate
from endoprotocol.plan import Plan
from endoprotocol.planner.schedule import Scheduler, Slotted
from endoprotocol.render.markdown import render_markdown
from endoprotocol.render.text import own_note, session_advice
from endoprotocol.vocab import IntensityClass, Modality
from tests.builtin import audit_check, builtin_library, builtin_rules, plan_of
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "offered-day-empty-extras-elsewhere"
AWAY = "On a day you did not offer: each day you offered already holds another session."
# a light routine alone on its day says its own short warm-up (coach review 40,
# BALANCE-SESSION-MINUTES-EMPTY: `core/light-session-warm-up`)
LIGHT_WARM_UP = ("When a balance practice opens your day", "When a mobility session opens your day")

# /tmp/coach20/min/OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE.yaml (default days: Mon/Wed/Fri)
TRIAD = {
    "age": 24,
    "sex": "female",
    "goals": ["bone-density"],
    "conditions": ["menstrual-irregularity"],
}
# /tmp/coach20/profiles/p05.yaml (explicit days)
P05 = {
    "age": 24,
    "sex": "female",
    "goals": ["muscle", "bone-density"],
    "experience": "intermediate",
    "days": ["monday", "tuesday", "thursday", "friday"],
    "minutes_per_session": 45,
    "equipment": ["barbell", "machines", "dumbbells", "bench"],
    "currently_active": True,
    "conditions": ["menstrual-irregularity", "low-energy-availability"],
}
# /tmp/coach20/profiles/p19.yaml (a light hold drops the interval day)
P19 = {
    "age": 47,
    "sex": "female",
    "goals": ["endurance", "general-health"],
    "experience": "intermediate",
    "days": ["monday", "wednesday", "saturday"],
    "minutes_per_session": 45,
    "equipment": ["treadmill", "bike"],
    "currently_active": True,
    "screening": {"dizziness_or_fainting": True},
}
# a light hold on a lifter: every offered day lost its lifting (audit seed 3)
HELD_LIFTER = {
    "age": 37,
    "sex": "female",
    "goals": ["muscle"],
    "minutes_per_session": 30,
    "equipment": ["machines", "treadmill", "bike"],
    "conditions": ["prediabetes"],
    "blood_pressure": {"systolic": 168, "diastolic": 102},
}
# type 2 diabetes: no more than two days in a row without activity (audit seed 3)
DIABETES = {
    "age": 52,
    "sex": "male",
    "goals": ["muscle"],
    "experience": "beginner",
    "minutes_per_session": 75,
    "equipment": ["barbell", "bench", "pull-up-bar", "trap-bar", "kettlebell"],
    "conditions": ["low-energy-availability", "type-2-diabetes"],
}


def _week(plan: Plan, week: int = 1) -> dict[str, list[tuple[str, bool]]]:
    return {
        d.day.value: [(s.modality.value, s.optional) for s in d.sessions]
        for d in plan.weeks[week - 1].days
    }


def _notes(plan: Plan, day: str, week: int = 1) -> list[list[str]]:
    """The day's sessions' notes, without a light routine's own warm-up note."""
    found = next(d for d in plan.weeks[week - 1].days if d.day.value == day)
    return [[n for n in s.notes if not n.startswith(LIGHT_WARM_UP)] for s in found.sessions]


def _clean(data: dict[str, Any], plan: Plan) -> None:
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults


def test_the_triad_week_puts_balance_on_the_offered_wednesday() -> None:
    plan = plan_of(TRIAD, weeks=4)
    for week in range(1, 5):
        assert _week(plan, week) == {
            "monday": [("resistance", False)],
            "tuesday": [],
            "wednesday": [("balance", True)],  # blank before; Tuesday held it
            "thursday": [],
            "friday": [("resistance", False)],
            "saturday": [("balance", True)],
            "sunday": [],
        }, week
        # the one extra still on a day not offered says why; Wednesday's needs no note
        assert _notes(plan, "saturday", week) == [[AWAY]]
        assert _notes(plan, "wednesday", week) == [[]]
    _clean(TRIAD, plan)


def test_p05s_offered_tuesday_and_friday_take_the_balance_practice() -> None:
    plan = plan_of(P05, weeks=4)
    week = _week(plan)
    assert week["tuesday"] == [("balance", True)]
    assert week["friday"] == [("balance", True)]
    assert week["wednesday"] == week["saturday"] == []
    assert [m for m, optional in week["monday"] + week["thursday"] if not optional] == [
        "resistance",
        "resistance",
    ]
    # every extra on an offered day: no note on where it is
    notes = [n for d in plan.weeks[0].days for s in d.sessions for n in s.notes]
    assert not any(n.startswith("On a day you did not offer") for n in notes)
    _clean(P05, plan)


def test_p19s_offered_saturday_takes_an_easy_ride() -> None:
    plan = plan_of(P19, weeks=4)
    week = _week(plan)
    assert week["saturday"] == [("endurance", True)]  # blank before
    assert week["monday"] == week["wednesday"] == [("endurance", False)]
    # two rides and the mobility cannot join the offered days' 45 minutes: they stay on
    # days not offered, each saying why
    for day in ("tuesday", "thursday", "friday"):
        assert _week(plan)[day], day
        assert _notes(plan, day) == [[AWAY]], day
    _clean(P19, plan)


def test_a_held_lifters_walks_go_on_the_three_days_she_offered() -> None:
    plan = plan_of(HELD_LIFTER, weeks=4)
    assert _week(plan) == {
        "monday": [("endurance", True)],
        "tuesday": [],
        "wednesday": [("endurance", True)],
        "thursday": [],
        "friday": [("endurance", True)],
        "saturday": [],
        "sunday": [],
    }
    _clean(HELD_LIFTER, plan)


def test_the_diabetes_gap_walk_takes_the_offered_wednesday() -> None:
    """No more than two days without activity: the walk that breaks Tuesday to Thursday goes
    on offered Wednesday (it was on Thursday), and the gaps stay within two days."""
    plan = plan_of(DIABETES, weeks=4)
    week = _week(plan)
    assert week["wednesday"] == [("recovery", True)]
    assert week["thursday"] == []
    _clean(DIABETES, plan)


def test_the_note_stays_with_its_session_in_the_renderers() -> None:
    plan = plan_of(TRIAD, weeks=1)
    assert own_note(AWAY)
    assert all(note != AWAY for _, note in session_advice(plan))
    text = render_markdown(plan)
    saturday = text.index("### Saturday: Balance practice")
    assert text.index(f"_{AWAY}_", saturday) < text.index("| 1 |", saturday)
    assert text.count(AWAY) == 1


def test_the_check_finds_the_old_week(monkeypatch: pytest.MonkeyPatch) -> None:
    """Placed as before (days not offered first, no last pass), the Triad week leaves
    Wednesday blank and the check says so."""
    monkeypatch.setattr(Scheduler, "_optional_room", lambda self, day, s: False)
    monkeypatch.setattr(Scheduler, "_offered_days_first", lambda self: None)
    plan = plan_of(TRIAD, weeks=4)
    assert _week(plan)["wednesday"] == []
    faults = audit_check(CHECK, TRIAD, plan).faults
    assert [f.where for f in faults] == [f"week {w} wednesday" for w in (1, 2, 3, 4)]
    assert "optional 'Balance practice' is on tuesday" in faults[0].what


def test_the_check_leaves_an_offered_day_after_intervals_for_a_brisk_walk() -> None:
    """An offered day left empty after intervals (the light day after them) cannot take a
    moderate brisk walk, so the walk on a day not offered is no fault there; a light one
    could go, and is."""
    plan = plan_of(TRIAD, weeks=1)
    week = plan.weeks[0]
    days = {d.day.value: d for d in week.days}
    balance = days["wednesday"].sessions[0]
    lift = days["monday"].sessions[0]
    days["wednesday"].sessions = []
    days["tuesday"].sessions = [lift.model_copy(update={"modality": Modality.HIIT})]
    days["saturday"].sessions = [
        balance.model_copy(update={"intensity_class": IntensityClass.MODERATE})
    ]
    library = builtin_library()
    profile = parse_profile(TRIAD)
    assert not offered_day_empty_extras_elsewhere(profile, plan, library).faults
    days["saturday"].sessions = [balance]
    faults = offered_day_empty_extras_elsewhere(profile, plan, library).faults
    assert [f.where for f in faults] == ["week 1 wednesday"]


def _scheduler(data: dict[str, Any]) -> Scheduler:
    profile = parse_profile(data)
    return Scheduler(evaluate(profile, builtin_rules()), profile, builtin_library())


def _slot(modality: Modality, intensity: str, optional: bool) -> Slotted:
    return Slotted(modality, intensity, modality.value.capitalize(), "", optional, ["test"])


def test_an_offered_day_after_intervals_keeps_a_brisk_walk_off_and_says_so() -> None:
    """Monday's intervals keep offered Tuesday light: the moderate brisk walk on Saturday
    stays there and says why; a light mobility routine on Sunday moves to Tuesday."""
    sched = _scheduler({**TRIAD, "days": ["monday", "tuesday", "thursday"]})
    days = sched.week.days
    days[0] = [_slot(Modality.HIIT, "vigorous", False)]
    days[3] = [_slot(Modality.RESISTANCE, "moderate", False)]
    walk = _slot(Modality.ENDURANCE, "moderate", True)
    routine = _slot(Modality.MOBILITY, "light", True)
    days[5], days[6] = [walk], [routine]
    sched._offered_days_first()
    assert days[1] == [routine]
    assert days[5] == [walk]
    assert days[6] == []
    days[1] = []  # as if the routine were not there: Tuesday is the free offered day
    sched._say_why_away()
    assert walk.notes == [
        "On a day you did not offer: each day you offered already holds another session or, "
        "after intervals, stays light (Tuesday)."
    ]


def test_a_gap_walk_on_a_day_not_offered_names_the_rule_s_limit() -> None:
    """Type 2 diabetes: no more than two days in a row without activity. A walk the gap
    put on a day not offered says so."""
    sched = _scheduler({**DIABETES, "days": ["monday", "tuesday"]})
    days = sched.week.days
    days[0] = [_slot(Modality.RESISTANCE, "moderate", False)]
    days[1] = [_slot(Modality.RESISTANCE, "moderate", False)]
    sched._ensure_activity_gaps()
    walks = [(d, s) for d in range(7) for s in days[d] if s.optional]
    assert [d for d, _ in walks] == [4]  # Wednesday-Thursday, then Friday; Sat-Sun
    sched._say_why_away()
    assert walks[0][1].notes == [
        "On a day you did not offer, so that no more than 2 days in a row go by without activity."
    ]


@st.composite
def people_with_days_to_spare(draw: st.DrawFn) -> dict[str, Any]:
    """People whose rules remove sessions from the days they offer (Triad or RED-S signs,
    a light hold until cleared, uncontrolled blood pressure) or who have optional extras to
    place (bone density, general health, stress resilience, 65 and over), on default or
    named days."""
    data = draw(profiles())
    cause = draw(
        st.sampled_from(
            [
                {"conditions": ["menstrual-irregularity"]},
                {"conditions": ["low-energy-availability"]},
                {"conditions": ["uncontrolled-hypertension"]},
                {"screening": {"dizziness_or_fainting": True}},
                {},
            ]
        )
    )
    if "conditions" in cause:
        if cause["conditions"] == ["menstrual-irregularity"] and (
            data["sex"] == "male" or "pregnancy" in data["conditions"]
        ):
            cause = {"conditions": ["low-energy-availability"]}
        data["conditions"] = list(dict.fromkeys([*data["conditions"], *cause["conditions"]]))
    if "screening" in cause:
        data["screening"] = {**data.get("screening", {}), **cause["screening"]}
    extra = draw(st.sampled_from(["bone-density", "general-health", "stress-resilience"]))
    data["goals"] = list(dict.fromkeys([*data["goals"], extra]))[:4]
    if draw(st.booleans()):
        data.pop("days", None)
        data["days_per_week"] = draw(st.integers(1, 6))
    return data


def test_no_offered_day_is_empty_while_extras_sit_elsewhere(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        people_with_days_to_spare(),
        {
            CHECK: WEEK_CHECKS[CHECK],
            "required-on-unoffered-day": WEEK_CHECKS["required-on-unoffered-day"],
            "optional-extra-oversized": WEEK_CHECKS["optional-extra-oversized"],
        },
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
    assert offered_day_empty_extras_elsewhere is WEEK_CHECKS[CHECK]
