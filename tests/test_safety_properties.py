"""The safety promises hold for every person (issue 12), over generated profiles.

Profiles are drawn so that every condition and vulnerable group appears often: pregnancy
(with and without a known week), Triad/RED-S signs, osteoporosis and vertebral fracture,
65+ and frail (80+, inactive), a past fall, joint pain and neuropathy, referral triggers.
Each plan runs through the coach's audit (`endoprotocol.audit`), whose expectations are
written from COACHING.md §4, and through the rule engine's own vetoes; the test summary
prints how many plans each check really applied to.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endoprotocol import build_plan, load_library, load_rules, parse_profile
from endoprotocol.audit import SAFETY_CHECKS, audit
from endoprotocol.engine.evaluate import evaluate
from endoprotocol.engine.loader import builtin_rules_dir
from endoprotocol.errors import OutOfScopeError
from endoprotocol.plan import Plan
from endoprotocol.profile import Profile
from tests.strategies import profiles

RULES = load_rules(user_dir=False)
LIBRARY = load_library(builtin_rules_dir())
BY_NAME = {e.name: e for e in LIBRARY.exercises}
EXAMPLES = int(os.environ.get("ENDOPROTOCOL_SAFETY_EXAMPLES", "250"))
VULNERABLE = [
    "pregnancy",
    "menstrual-irregularity",
    "low-energy-availability",
    "stress-fracture-history",
    "osteoporosis",
    "vertebral-fracture",
    "falls-history",
    "knee-pain",
    "shoulder-pain",
    "low-back-pain",
    "peripheral-neuropathy",
]


@st.composite
def vulnerable_profiles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid profile that belongs to at least one group COACHING.md §4 protects."""
    data = draw(profiles(dense=True))
    group = draw(st.sampled_from([*VULNERABLE, "older", "frail"]))
    if group == "older":
        data["age"] = draw(st.integers(65, 100))
    elif group == "frail":
        data["age"] = draw(st.integers(80, 100))
        data["currently_active"] = False
    else:
        if group in ("pregnancy", "menstrual-irregularity"):
            data["sex"] = "female"
        data["conditions"] = list(dict.fromkeys([group, *data["conditions"]]))
    if data["sex"] == "male":
        data["conditions"] = [
            c for c in data["conditions"] if c not in ("pregnancy", "menstrual-irregularity")
        ]
        data["therapies"] = [t for t in data["therapies"] if t != "menopausal-hrt"]
    if "pregnancy" not in data["conditions"]:
        data.pop("pregnancy_week", None)
    elif "pregnancy_week" not in data and draw(st.booleans()):
        data["pregnancy_week"] = draw(st.integers(1, 42))
    data["age"] = max(18, min(100, data["age"]))
    return data


def _plan(data: dict[str, Any]) -> tuple[Profile, Plan] | None:
    profile = parse_profile(data)
    try:
        return profile, build_plan(profile, RULES, LIBRARY, weeks=6)
    except OutOfScopeError:
        return None


def test_safety_promises_hold_for_every_vulnerable_person(
    record_property: pytest.RecordProperty,
) -> None:
    applied: Counter[str] = Counter()
    cases = 0

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(vulnerable_profiles())
    def check(data: dict[str, Any]) -> None:
        nonlocal cases
        built = _plan(data)
        if built is None:
            return
        profile, plan = built
        cases += 1
        faults = []
        for name, verdict in audit(profile, plan, LIBRARY, SAFETY_CHECKS).items():
            applied[name] += verdict.applies
            faults += verdict.faults
        # and nothing the engine itself vetoed for this person reaches the plan
        vetoed = evaluate(profile, RULES).forbidden("tag")
        for week in plan.weeks:
            for day in week.days:
                for s in day.sessions:
                    for e in s.exercises:
                        for name in [e.name, *e.alternatives]:
                            bad = set(BY_NAME[name].tags) & set(vetoed)
                            assert not bad, (week.week, day.day, name, bad)
        assert not faults, "\n".join(map(str, faults))

    check()
    record_property("cases", cases)
    for name in SAFETY_CHECKS:
        record_property(f"check:{name}", applied[name])
        assert applied[name] > 0, f"check {name} never applied; the strategy misses its group"
