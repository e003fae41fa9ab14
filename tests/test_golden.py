"""Golden plans: six representative profiles, their JSON and terminal rendering frozen.

A golden file changes only on purpose: after changing rules or the planner, regenerate with
`ENDOPROTOCOL_UPDATE_GOLDEN=1 pytest tests/test_golden.py` and read the diff. Each profile
also carries hand-written expectations that hold whatever the exact exercises are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from endoprotocol import Library, Plan, RuleSet, build_plan, parse_profile
from endoprotocol.render.terminal import render_table
from tests.snapshot import UPDATE_ENV, check_snapshot

GOLDEN = Path(__file__).parent / "golden"

PROFILES: dict[str, dict[str, Any]] = {
    "gym-intermediate-muscle": {
        "age": 34,
        "sex": "male",
        "goals": ["muscle"],
        "experience": "intermediate",
        "days_per_week": 4,
        "minutes_per_session": 60,
        "equipment": ["barbell", "dumbbells", "machines"],
        "currently_active": True,
    },
    "home-beginner-fat-loss": {
        "age": 41,
        "sex": "female",
        "goals": ["fat-loss", "general-health"],
        "days_per_week": 3,
        "minutes_per_session": 40,
        "equipment": ["dumbbells", "bands", "bodyweight"],
    },
    "bodyweight-older-adult": {
        "age": 70,
        "sex": "male",
        "goals": ["general-health", "strength"],
        "days": ["monday", "wednesday", "friday"],
        "minutes_per_session": 45,
        "equipment": ["bodyweight"],
        "currently_active": True,
    },
    "trt-advanced-strength": {
        "age": 52,
        "sex": "male",
        "goals": ["strength", "insulin-sensitivity"],
        "therapies": ["trt"],
        "experience": "advanced",
        "days_per_week": 5,
        "minutes_per_session": 75,
        "equipment": ["barbell", "dumbbells", "machines", "bike"],
        "currently_active": True,
    },
    "osteoporosis-hrt": {
        "age": 60,
        "sex": "female",
        "goals": ["bone-density", "strength"],
        "therapies": ["menopausal-hrt"],
        "conditions": ["osteoporosis", "low-back-pain"],
        "days_per_week": 3,
        "minutes_per_session": 45,
        "equipment": ["dumbbells", "bands", "bodyweight"],
    },
    "chest-pain-referral": {
        "age": 58,
        "sex": "male",
        "goals": ["general-health"],
        "screening": {"chest_pain": True},
    },
}

# Hand-written expectations: (min, max) resistance sessions, HIIT allowed, clearance.
EXPECT: dict[str, tuple[tuple[int, int], bool, str]] = {
    "gym-intermediate-muscle": ((3, 4), True, "none"),
    "home-beginner-fat-loss": ((2, 3), False, "none"),
    "bodyweight-older-adult": ((2, 3), False, "none"),
    "trt-advanced-strength": ((3, 5), True, "none"),  # active, no disease: ACSM needs no clearance
    "osteoporosis-hrt": ((2, 3), False, "none"),  # not a disease in the ACSM algorithm
    "chest-pain-referral": ((0, 0), False, "required"),
}


def _plan(ruleset: RuleSet, library: Library, name: str) -> Plan:
    return build_plan(parse_profile(PROFILES[name]), ruleset, library)


def _check(path: Path, text: str) -> None:
    check_snapshot(path, text)


@pytest.mark.parametrize("name", list(PROFILES))
def test_golden_json(ruleset: RuleSet, library: Library, name: str) -> None:
    plan = _plan(ruleset, library, name)
    data = json.loads(plan.to_json())
    data["generator"]["rule_packs"] = [
        {"name": p["name"], "version": p["version"]} for p in data["generator"]["rule_packs"]
    ]
    _check(GOLDEN / f"{name}.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("name", ["gym-intermediate-muscle", "chest-pain-referral"])
def test_golden_terminal(ruleset: RuleSet, library: Library, name: str) -> None:
    text = render_table(_plan(ruleset, library, name), width=100, color=False)
    _check(GOLDEN / f"{name}.txt", text)


@pytest.mark.parametrize("name", list(PROFILES))
def test_hand_written_expectations(ruleset: RuleSet, library: Library, name: str) -> None:
    plan = _plan(ruleset, library, name)
    (low, high), hiit_allowed, clearance = EXPECT[name]
    lifting = [s for d in plan.days for s in d.sessions if s.modality.value == "resistance"]
    assert low <= len(lifting) <= high, len(lifting)
    if not hiit_allowed:
        assert not any(s.modality.value == "hiit" for d in plan.days for s in d.sessions)
    assert plan.screening.clearance == clearance
    budget = PROFILES[name].get("minutes_per_session", 45)
    for day in plan.days:
        assert sum(s.duration_minutes for s in day.sessions) <= budget
    for s in lifting:
        # a loaded carry is a finisher (it may close the session after single-joint work)
        compound = [e.compound for e in s.exercises if e.pattern.value != "carry"]
        if "spine care" in s.title:
            compound = compound[1:]  # the posture or back-extensor work opens the session
        assert compound == sorted(compound, reverse=True), "compound lifts first"
        patterns = {e.pattern.value for e in s.exercises}
        assert patterns & {"squat", "hinge", "lunge"} or patterns & {
            "horizontal-push",
            "horizontal-pull",
            "vertical-push",
            "vertical-pull",
        }
    if name == "chest-pain-referral":
        assert plan.screening.referral_only
        assert plan.screening.max_intensity == "none"
        assert not any(d.sessions for d in plan.days)
        assert any(
            "urgent" in step.lower() or "emergency" in step.lower()
            for step in plan.screening.next_steps
        )


def test_a_missing_golden_file_fails_and_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(UPDATE_ENV, raising=False)
    with pytest.raises(pytest.fail.Exception, match="missing"):
        _check(tmp_path / "new.json", "{}\n")
    assert not (tmp_path / "new.json").exists()
