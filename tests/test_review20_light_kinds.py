"""Coach review 20's kinds about plans held light until a clinician clears the person, fixed
by the lead, each with its smallest profile as a named test and a property over the people
the kind is about (the review's files: /tmp/coach20).

LIGHT-HOLD-KEEPS-RUN (safety pick) A trained woman who had fainted was held at light effort
    "until a clinician has cleared you", the hold promising easy walks, and her endurance
    day was a 35-minute run at RPE 3-4: the hold lowered the effort and kept the run. The
    clearance hold now vetoes high-impact moves (`safety/light-until-cleared`), and
    dizziness or fainting also vetoes fall-risk ones (`safety/parq-dizziness`): a walk, or a
    ride on a bike. Check `light-hold-keeps-run`.
LIGHT-SESSION-TEXT-CLAIMS-MODERATE (words) Under the same hold her optional rides at RPE 3-4
    told her to "breathe faster" and that the minutes counted toward her weekly aerobic
    target, which counts none of them. A steady session held light is worded as light
    whatever its kit (walks already were). Check `light-steady-claims-moderate`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import light_hold_keeps_run, light_steady_claims_moderate
from tests.builtin import audit_check, builtin_plan, guideline, required_sessions
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

# /tmp/coach20/min/LIGHT-HOLD-KEEPS-RUN.yaml
FAINTED_RUNNER = {
    "age": 47,
    "sex": "female",
    "goals": ["endurance"],
    "experience": "intermediate",
    "currently_active": True,
    "screening": {"dizziness_or_fainting": True},
}
# /tmp/coach20/min/LIGHT-SESSION-TEXT-CLAIMS-MODERATE.yaml
FAINTED_RIDER = {
    "age": 47,
    "sex": "female",
    "goals": ["endurance"],
    "equipment": ["bike"],
    "screening": {"dizziness_or_fainting": True},
}


def _clean(check: str, data: dict[str, Any], plan: Any) -> None:
    verdict = audit_check(check, data, plan)
    assert verdict.applies, check
    assert not verdict.faults, verdict.faults[:3]


def _steady(plan: Any, week: int = 1) -> list[Any]:
    return [
        s for d in plan.weeks[week - 1].days for s in d.sessions if s.modality.value == "endurance"
    ]


# ---- LIGHT-HOLD-KEEPS-RUN


def test_a_trained_runner_held_light_after_fainting_walks() -> None:
    plan = builtin_plan(weeks=4, **FAINTED_RUNNER)
    assert plan.screening.clearance == "required"
    assert plan.screening.max_intensity == "light"
    for week in range(1, 5):
        for session in _steady(plan, week):
            names = {e.name for e in session.exercises}
            names |= {a for e in session.exercises for a in e.alternatives}
            assert not any("run" in n.lower() or "jog" in n.lower() for n in names), names
            assert "run" not in session.title.lower(), session.title
    monday = required_sessions(plan, "monday")
    assert [(s.title, s.intensity_class.value) for s in monday] == [("Easy walk", "light")]
    _clean("light-hold-keeps-run", FAINTED_RUNNER, plan)


def test_the_check_finds_a_run_kept_under_the_hold() -> None:
    plan = builtin_plan(weeks=4, **FAINTED_RUNNER)
    session = required_sessions(plan, "monday")[0]
    session.exercises[0].name = "Steady run"
    faults = audit_check("light-hold-keeps-run", FAINTED_RUNNER, plan).faults
    assert {f.what for f in faults} == {
        "Steady run is high-impact (before clearance)",
        "Steady run is fall-risk (after dizziness or fainting)",
    }


def test_after_an_illness_the_light_weeks_say_an_easy_jog_is_one_way() -> None:
    """A passing illness holds weeks 1-2 light, not the whole block: a trained runner's easy
    jog at talk-and-sing pace is an easy session, and the warning now says so instead of
    promising walks only."""
    data = {**FAINTED_RUNNER, "conditions": ["acute-illness"]}
    data.pop("screening")
    plan = builtin_plan(weeks=4, **data)
    warning = next(w for w in plan.warnings if w.code == "acute-illness-delay")
    assert "an easy jog if running is your training" in warning.message


@st.composite
def held_until_cleared(draw: st.DrawFn) -> dict[str, Any]:
    """People whose PAR-Q+ answers hold them light until a clinician clears them, trained
    and runners often (the people the kind was about)."""
    data = draw(profiles())
    data["screening"] = {
        **data.get("screening", {}),
        draw(st.sampled_from(["dizziness_or_fainting", "chest_pain"])): True,
    }
    if draw(st.booleans()):
        data["goals"] = ["endurance", *(g for g in data["goals"] if g != "endurance")][:4]
        data["experience"] = draw(st.sampled_from(["intermediate", "advanced"]))
        data["currently_active"] = True
    return data


def test_no_one_held_until_cleared_runs_jumps_or_risks_a_fall(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        held_until_cleared(),
        {"light-hold-keeps-run": light_hold_keeps_run},
        record_property,
        examples=EXAMPLES,
    )


# ---- LIGHT-SESSION-TEXT-CLAIMS-MODERATE


def test_light_rides_are_worded_light_and_claim_no_aerobic_minutes() -> None:
    plan = builtin_plan(weeks=4, **FAINTED_RIDER)
    assert guideline(plan, "who-2020-aerobic").value == 0
    optional = [s for s in _steady(plan) if s.optional]
    assert optional, "the hold keeps its optional easy rides"
    for session in optional:
        assert session.focus == "Bike ride at an easy, unhurried pace: a light effort"
    _clean("light-steady-claims-moderate", FAINTED_RIDER, plan)


def test_the_words_check_finds_a_light_ride_said_to_count() -> None:
    plan = builtin_plan(weeks=4, **FAINTED_RIDER)
    session = next(s for s in _steady(plan) if s.optional)
    session.focus = "Bike ride; it counts toward your weekly aerobic minutes"
    faults = audit_check("light-steady-claims-moderate", FAINTED_RIDER, plan).faults
    assert len(faults) == 1
    assert "held at RPE 4 or less" in faults[0].what


def test_steady_work_held_light_is_never_worded_moderate(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        held_until_cleared(),
        {"light-steady-claims-moderate": light_steady_claims_moderate},
        record_property,
        examples=EXAMPLES,
    )
