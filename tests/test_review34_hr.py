"""Coach review 34's HR-ZONE-AFTER-USE-RPE (safety-related text): its smallest profile as a
named test, the check faulting the old plan, and a property over people told to judge effort
by feel.

HR-ZONE-AFTER-USE-RPE (safety; EVIDENCE.md 1.2, COACHING.md §5) A 50-year-old woman on
    prescribed medication: her screening says to judge effort "by how hard it feels or the
    talk test rather than heart rate", and every walk said "RPE 5-6, 64-76% HRmax". On a
    beta-blocker that zone may be out of reach, and chasing it means working harder than
    meant; an 81-year-old on blood-pressure medicines (p19) read the same. *Cause:* the
    aerobic zone table gives every steady and interval session a %HRmax, and the rules that
    ask for effort by feel only added a note. *Decision:* those rules
    (`safety/parq-medication-effort-by-feel`, `safety/hypertension-controlled`) prescribe
    `effort_only` for endurance and HIIT work, which `SessionBuilder` reads as no %HRmax in
    the session or its exercises (RPE and the talk test stay), and the session names the
    rule. Check `hr-zone-despite-feel-advice`.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Range
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "hr-zone-despite-feel-advice"

# /tmp/s27/coach34/min/m_hr_zone_after_use_rpe.yaml
ON_MEDICATION = {
    "age": 50,
    "sex": "female",
    "goals": ["general-health"],
    "screening": {"prescribed_medication": True},
}
# p19's kind: controlled blood pressure on its medicines, a pool
BP_81 = {
    "age": 81,
    "sex": "female",
    "goals": ["general-health"],
    "conditions": ["hypertension"],
    "blood_pressure": {"systolic": 132, "diastolic": 80},
    "equipment": ["pool", "bodyweight"],
    "screening": {"heart_condition_or_high_blood_pressure": True, "prescribed_medication": True},
}


def _aerobic(plan: Any) -> list[Any]:
    return [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value in ("endurance", "hiit", "recovery")
    ]


def test_walks_on_medication_are_judged_by_feel() -> None:
    plan = builtin_plan(weeks=4, **ON_MEDICATION)
    walks = _aerobic(plan)
    assert walks
    for s in walks:
        assert s.intensity.hr_max_pct is None
        assert s.intensity.rpe is not None  # the effort is still given, by feel
        assert all(e.intensity.hr_max_pct is None for e in s.exercises)
        assert "safety/parq-medication-effort-by-feel" in s.rules
    assert "rather than heart rate" in " ".join(plan.screening.next_steps)
    assert not audit_check(CHECK, ON_MEDICATION, plan).faults


def test_blood_pressure_medicines_give_no_heart_rate_zone() -> None:
    plan = builtin_plan(weeks=4, **BP_81)
    walks = _aerobic(plan)
    assert walks
    assert all(s.intensity.hr_max_pct is None for s in walks)
    assert all("safety/hypertension-controlled" in s.rules for s in walks)
    assert not audit_check(CHECK, BP_81, plan).faults


def test_without_the_advice_the_zone_stays() -> None:
    plain = {"age": 50, "sex": "female", "goals": ["general-health"]}
    plan = builtin_plan(weeks=1, **plain)
    assert any(s.intensity.hr_max_pct is not None for s in _aerobic(plan))
    assert not audit_check(CHECK, plain, plan).applies


def test_the_check_faults_the_old_walks() -> None:
    plan = builtin_plan(weeks=1, **ON_MEDICATION)
    old = plan.model_copy(deep=True)
    walk = next(s for s in _aerobic(old))
    walk.intensity = walk.intensity.model_copy(update={"hr_max_pct": Range.of(64, 76)})
    faults = audit_check(CHECK, ON_MEDICATION, old).faults
    assert len(faults) == 1
    assert "HRmax" in faults[0].what


@st.composite
def told_to_go_by_feel(draw: st.DrawFn) -> dict[str, Any]:
    """People on prescribed medication or with controlled high blood pressure, any goal,
    age, experience and kit (a bike and a pool give intervals and swims their zones too)."""
    data: dict[str, Any] = {
        "age": draw(st.integers(18, 90)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(
                st.sampled_from(
                    [
                        "endurance",
                        "insulin-sensitivity",
                        "general-health",
                        "fat-loss",
                        "mood-cognition",
                    ]
                )
            )
        ],
        "experience": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "currently_active": draw(st.booleans()),
        "days_per_week": draw(st.integers(2, 6)),
        "equipment": draw(st.sampled_from([["bodyweight"], ["bike", "dumbbells"], ["pool"]])),
    }
    if draw(st.booleans()):
        data["screening"] = {"prescribed_medication": True}
    else:
        data["conditions"] = ["hypertension"]
        data["blood_pressure"] = {
            "systolic": draw(st.integers(125, 155)),
            "diastolic": draw(st.integers(75, 95)),
        }
    return data


def test_no_heart_rate_zone_beside_advice_to_go_by_feel(record_property: Any) -> None:
    audit_property(told_to_go_by_feel(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
