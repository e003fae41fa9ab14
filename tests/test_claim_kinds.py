"""Coach review rv12964, kind K8 (COACHING.md §5): effect and therapy-synergy texts claimed a
dose the plan did not contain - the HRT bone-loading note credited heavy lifting with impact
to a plan that forbids impact and lifts light, and the lifting catecholamine text spoke of
hard sets in blocks without sets close to failure."""

from __future__ import annotations

from typing import Any

from endoprotocol import build_plan, parse_profile
from endoprotocol.audit import claim_without_dose
from endoprotocol.plan import Plan
from tests.builtin import builtin_library, builtin_rules


def _plan(weeks: int, **data: Any) -> Plan:
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


HRT_FRACTURE = {
    "age": 66,
    "sex": "female",
    "goals": ["bone-density"],
    "therapies": ["menopausal-hrt"],
    "conditions": ["vertebral-fracture"],
    "days_per_week": 2,
    "minutes_per_session": 45,
    "equipment": ["dumbbells"],
}


def test_k8_hrt_note_says_the_plan_lacks_the_heavy_loading_dose() -> None:
    plan = _plan(12, **HRT_FRACTURE)
    hrt = [s for s in plan.therapy_synergies if s.therapy == "menopausal-hrt"]
    bone = [s for s in hrt if "bone" in s.explanation]
    assert len(bone) == 1
    assert "does not contain that dose" in bone[0].explanation
    verdict = claim_without_dose(parse_profile(HRT_FRACTURE), plan, builtin_library())
    assert verdict.applies  # the check must see this plan, or the test proves nothing
    assert not verdict.faults


def test_k8_light_lifting_claims_no_catecholamine_rise_near_failure() -> None:
    plan = _plan(12, **HRT_FRACTURE)
    for effect in plan.expected_effects:
        if effect.target.value == "catecholamines":
            assert "during hard sets" not in effect.explanation
            assert "during sets taken close to failure" not in effect.explanation
