"""Coach review 20's kind on branch triad20, with its smallest profile as a named test and a
property over the people the kind is about.

STRESS-FRACTURE-ALONE-WITHHOLDS-AEROBIC (clearance / dose / text) A 31-year-old man, muscle
    first, with a past stress fracture and nothing else (/tmp/coach20/min/) got the whole
    RED-S package: "Provisional clearance", a moderate ceiling, two hard sessions a week, the
    moderate dose held all block "with signs of low energy availability", every WHO aerobic
    minute held back by safety/energy-deficit-no-added-cardio ("energy your body is short
    of"), and a next step about "running volume or speed" for a man who does not run. The
    same for women (safety/female-athlete-triad) and for older men with a general-health goal
    (safety/male-red-s). EVIDENCE.md 2.5: the Triad Cumulative Risk Assessment scores one
    stress fracture 1 point, and 0-1 points mean full clearance; the tool screens and refers.
    *Decision:* the Triad and RED-S signs are scored (rules/safety/energy-availability.yaml,
    `triad-signs`, `male-red-s-signs`, `bone-stress-with-another-sign`): low energy
    availability and, in a woman, irregular or missing periods each hold the package alone
    (the flag cannot tell restriction from an eating disorder, or a few irregular cycles
    from missing periods, which score 2); a past stress fracture holds it only beside heavy
    endurance training, overtraining signs or, in a man under 50, low-T symptoms. Alone it
    gives safety/bone-stress-history: a check-up recommended, a next step asking for a
    bone-health check (and about two or more fractures or a hip, pelvis or sacrum site), no
    running or jumping until then, and the plan otherwise what it would be without the
    fracture. The package's texts name no sign ("the signs in your answers").
    Check `red-s-package-without-signs`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import (
    SAFETY_CHECKS,
    bone_stress_unscreened,
    has_triad_signs,
    red_s_package_without_signs,
)
from endoprotocol.plan import Warning
from endoprotocol.profile import parse_profile
from tests.builtin import audit_check, builtin_library, builtin_plan, guideline, plan_names
from tests.strategies import audit_property, profiles
from tests.test_review9_kinds import MALE_BONE_STRESS

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))

CHECK = "red-s-package-without-signs"
# /tmp/coach20/min/STRESS-FRACTURE-ALONE-WITHHOLDS-AEROBIC.yaml
LIFTER = {"age": 31, "sex": "male", "goals": ["muscle"], "conditions": ["stress-fracture-history"]}
# /tmp/coach20/profiles/p20.yaml
P20 = {
    "age": 31,
    "sex": "male",
    "goals": ["muscle", "strength"],
    "experience": "intermediate",
    "days": ["thursday"],
    "minutes_per_session": 150,
    "equipment": ["barbell", "machines", "dumbbells", "bench", "pull-up-bar", "trap-bar"],
    "currently_active": True,
    "conditions": ["stress-fracture-history"],
}
# /tmp/coach9/min/MALE-BSI-IGNORED.yaml: the runner coach review 9 screened
RUNNER = MALE_BONE_STRESS
PACKAGE_CODES = {"female-athlete-triad", "red-s-risk", "energy-deficit-no-added-cardio"}
RUNS = {"Treadmill run", "Steady run", "Easy run"}


def _codes(plan: Any) -> set[str]:
    return {w.code for w in plan.warnings}


def _without_fracture(data: dict[str, Any]) -> dict[str, Any]:
    rest = [c for c in data["conditions"] if c != "stress-fracture-history"]
    return {**data, "conditions": rest}


def _weeks(plan: Any) -> list[Any]:
    return [
        (d.day.value, s.title, s.duration_minutes, s.intensity_class.value, s.optional)
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
    ]


@pytest.mark.parametrize("data", [LIFTER, P20], ids=["smallest", "p20"])
def test_a_past_stress_fracture_alone_keeps_the_plan_and_asks_for_a_bone_check(
    data: dict[str, Any],
) -> None:
    plan = builtin_plan(weeks=4, **data)
    screening = plan.screening
    assert screening.clearance == "recommended"
    assert screening.max_intensity == "vigorous"
    assert not any("provisional" in r.lower() for r in screening.reasons)
    assert any("bone-health check" in step for step in screening.next_steps)
    assert not any("running volume" in step for step in screening.next_steps)
    assert "bone-stress-history" in _codes(plan)
    assert not PACKAGE_CODES & _codes(plan)
    aerobic = guideline(plan, "who-2020-aerobic")
    assert aerobic.held_by == []
    assert aerobic.value > 0
    assert not any("energy" in n for w in plan.weeks for n in w.notes)
    # the weeks are the ones the same person without the fracture gets
    assert _weeks(plan) == _weeks(builtin_plan(weeks=4, **_without_fracture(data)))
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_the_smallest_profile_uses_its_three_offered_days() -> None:
    plan = builtin_plan(weeks=4, **LIFTER)
    days = {d.day.value for d in plan.weeks[0].days if any(not s.optional for s in d.sessions)}
    assert {"monday", "wednesday", "friday"} <= days


def test_the_runner_walks_until_the_bone_check_without_a_red_s_hold() -> None:
    plan = builtin_plan(weeks=4, **RUNNER)
    assert plan.screening.clearance == "recommended"
    assert "red-s-risk" not in _codes(plan)
    assert not RUNS & plan_names(plan)
    verdict = bone_stress_unscreened(parse_profile(RUNNER), plan, builtin_library())
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


@pytest.mark.parametrize(
    "data",
    [
        {**RUNNER, "days": None, "days_per_week": 5},
        {"age": 28, "sex": "male", "goals": ["strength"], "conditions": []},
        {"age": 35, "sex": "male", "goals": ["muscle"], "conditions": []},
        {"age": 22, "sex": "female", "goals": ["strength"], "conditions": []},
    ],
    ids=["heavy-endurance", "overtraining", "low-t-under-50", "irregular-periods"],
)
def test_a_second_sign_beside_the_fracture_brings_the_package(data: dict[str, Any]) -> None:
    second = {
        28: ["overtraining-symptoms"],
        35: ["low-testosterone-symptoms"],
        22: ["menstrual-irregularity"],
    }.get(data["age"], [])
    data = {k: v for k, v in data.items() if v is not None}
    data["conditions"] = ["stress-fracture-history", *second]
    plan = builtin_plan(weeks=4, **data)
    assert has_triad_signs(parse_profile(data))
    assert plan.screening.max_intensity == "moderate"
    assert any(r.startswith("Provisional clearance") for r in plan.screening.reasons)
    assert {"female-athlete-triad", "red-s-risk"} & _codes(plan)
    assert "bone-stress-history" in _codes(plan)
    assert not audit_check(CHECK, data, plan).faults


@pytest.mark.parametrize(
    "data",
    [
        {"age": 33, "sex": "male", "goals": ["muscle"], "conditions": ["low-energy-availability"]},
        {
            "age": 24,
            "sex": "female",
            "goals": ["bone-density"],
            "conditions": ["menstrual-irregularity"],
        },
        {
            "age": 24,
            "sex": "female",
            "goals": ["muscle", "bone-density"],
            "conditions": ["low-energy-availability", "menstrual-irregularity"],
        },
    ],
    ids=["lea-man", "periods-woman", "lea-and-periods"],
)
def test_true_triad_and_red_s_pictures_keep_the_package(data: dict[str, Any]) -> None:
    plan = builtin_plan(weeks=4, **data)
    assert plan.screening.max_intensity == "moderate"
    assert "energy-deficit-no-added-cardio" in _codes(plan)
    assert "safety/energy-deficit-no-added-cardio" in guideline(plan, "who-2020-aerobic").held_by
    verdict = audit_check(CHECK, data, plan)
    assert verdict.applies
    assert not verdict.faults, verdict.faults[:3]


def test_the_package_texts_name_no_sign_the_person_did_not_give() -> None:
    """A man with low energy availability alone: nothing says stress fracture, running or
    low-T symptoms (the old reason listed all three)."""
    data = {
        "age": 33,
        "sex": "male",
        "goals": ["muscle"],
        "conditions": ["low-energy-availability"],
    }
    plan = builtin_plan(weeks=4, **data)
    said = " ".join([*plan.screening.reasons, *plan.screening.next_steps]).lower()
    assert "stress fracture" not in said
    assert "running" not in said
    assert "testosterone" not in said


def test_the_check_finds_the_old_package_on_a_lone_fracture() -> None:
    """The old plan's words and hold, put back on today's plan, are each a fault."""
    plan = builtin_plan(weeks=4, **LIFTER)
    doctored = plan.model_copy(deep=True)
    doctored.screening.reasons.append(
        "Provisional clearance: low energy availability, a past stress fracture, or "
        "low-testosterone symptoms alongside heavy endurance training can be signs of relative "
        "energy deficiency in sport (RED-S)."
    )
    doctored.warnings.append(
        Warning(
            code="energy-deficit-no-added-cardio",
            severity="info",
            message="None of your goals needs aerobic training, and with signs of low energy "
            "availability extra walks or rides would burn energy your body is short of.",
            references=[],
            rules=["safety/energy-deficit-no-added-cardio"],
        )
    )
    aerobic = next(g for g in doctored.guidelines if g.id == "who-2020-aerobic")
    aerobic.held_by = ["safety/energy-deficit-no-added-cardio", "safety/male-red-s"]
    faults = [str(f) for f in audit_check(CHECK, LIFTER, doctored).faults]
    assert any("Provisional clearance" in f for f in faults)
    assert any("low energy availability" in f and "not given" in f for f in faults)
    assert any("low-testosterone symptoms" in f for f in faults)
    assert any("held by safety/energy-deficit-no-added-cardio" in f for f in faults)


@st.composite
def red_s_sign_people(draw: st.DrawFn) -> dict[str, Any]:
    """Anyone with one or two of the Triad/RED-S signs, often a past stress fracture alone,
    sometimes endurance first on 3-6 days, sometimes with lifting goals only."""
    data = draw(profiles(max_age=64))
    pool = ["stress-fracture-history", "low-energy-availability", "overtraining-symptoms"]
    pool.append(
        "menstrual-irregularity" if data["sex"] == "female" else "low-testosterone-symptoms"
    )
    signs = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
    if draw(st.booleans()):
        signs = ["stress-fracture-history"]
    data["conditions"] = list(dict.fromkeys([*signs, *data["conditions"]]))
    shape = draw(st.sampled_from(["as-drawn", "endurance", "lifting"]))
    if shape == "endurance":
        data["goals"] = ["endurance", *[g for g in data["goals"] if g != "endurance"]][:4]
        data.pop("days", None)
        data["days_per_week"] = draw(st.integers(3, 6))
    elif shape == "lifting":
        # no goal built on aerobic work: the package adds no steady session
        data["goals"] = draw(
            st.lists(
                st.sampled_from(["muscle", "strength", "bone-density"]), min_size=1, unique=True
            )
        )
    return data


def test_red_s_package_only_with_its_signs(record_property: pytest.RecordProperty) -> None:
    audit_property(
        red_s_sign_people(),
        {
            CHECK: red_s_package_without_signs,
            "bone-stress-unscreened": bone_stress_unscreened,
            "triad-load-not-held": SAFETY_CHECKS["triad-load-not-held"],
            "energy-deficit-added-cardio": SAFETY_CHECKS["energy-deficit-added-cardio"],
        },
        record_property,
        examples=EXAMPLES,
    )
