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
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol.audit import SAFETY_CHECKS
from endoprotocol.engine.evaluate import evaluate
from endoprotocol.plan import Plan
from endoprotocol.profile import Profile
from tests.builtin import builtin_rules, exercise_by_name
from tests.strategies import audit_property, profiles

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


def _no_engine_veto_in_plan(profile: Profile, plan: Plan) -> None:
    """Nothing the engine itself vetoed for this person reaches the plan, alternatives too."""
    vetoed = evaluate(profile, builtin_rules()).forbidden("tag")
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                for e in s.exercises:
                    for name in [e.name, *e.alternatives]:
                        bad = set(exercise_by_name(name).tags) & set(vetoed)
                        assert not bad, (week.week, day.day, name, bad)


def test_safety_promises_hold_for_every_vulnerable_person(
    record_property: pytest.RecordProperty,
) -> None:
    audit_property(
        vulnerable_profiles(),
        SAFETY_CHECKS,
        record_property,
        examples=EXAMPLES,
        weeks=6,
        extra=_no_engine_veto_in_plan,
    )
