"""Coach review 31, MYOSTATIN-FALL-WITHOUT-HEAVY-LIFTING (COACHING.md §5: an effect is
listed only when the plan holds the dose that produces it). Nine of the review's twenty
plans never asked for a set above RPE 6 - a not-yet-active person's four re-entry weeks,
pregnancy's, a clearance's or high blood pressure's moderate cap, a light start - and each
still listed the long-term fall in muscle myostatin, "Nine weeks of heavy lifting cut its
gene activity in muscle by about a third" (Roth 2003, EVIDENCE.md §0: grade mixed). The
rule read two or more lifting sessions with six hard sets (RIR 4 or less) in one; the trial
is weeks of heavy lifting. It now needs six multi-joint sets close to failure (RIR 3 or
less, `dose-compound-volume`) in a session, and so do the TRT and GH-axis myostatin
synergies that cite the same trial."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan
from tests.builtin import audit_check, plan_of
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "claim-without-dose"

# the review's smallest profile (min/M3_MYOSTATIN-WITHOUT-HEAVY-LIFTING.yaml): not yet
# active, so the four weeks are a re-entry at RPE 5-6
REENTRY = {"age": 28, "sex": "female", "goals": ["strength"]}
# min/M3b: pregnancy holds every week at a moderate effort, whatever the block's length
PREGNANT = {**REENTRY, "conditions": ["pregnancy"]}
# an active trained lifter: heavy sets close to failure from week 1
TRAINED = {
    "age": 40,
    "sex": "male",
    "goals": ["strength"],
    "experience": "advanced",
    "currently_active": True,
    "equipment": ["barbell", "bench"],
}


def _myostatin(plan: Plan) -> list[str]:
    return [e.explanation for e in plan.expected_effects if e.target.value == "myostatin"]


def _top_rpe(plan: Plan) -> float:
    return max(
        e.intensity.rpe.max
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
        for e in s.exercises
        if e.intensity.rpe is not None
    )


def test_a_re_entry_at_rpe_5_6_promises_no_myostatin_fall() -> None:
    plan = plan_of(REENTRY, weeks=4)
    assert _top_rpe(plan) <= 6  # the review's premise: nothing above RPE 6 in the block
    assert not _myostatin(plan)
    verdict = audit_check(CHECK, REENTRY, plan)
    assert verdict.applies
    assert not verdict.faults


def test_pregnancy_at_a_moderate_cap_promises_no_myostatin_fall() -> None:
    for weeks in (4, 12):
        plan = plan_of(PREGNANT, weeks=weeks)
        assert _top_rpe(plan) <= 6
        assert not _myostatin(plan)


def test_the_same_person_once_she_lifts_close_to_failure_keeps_it() -> None:
    """The 12-week block leaves the re-entry in week 5 and lifts at RIR 2-3 from then on,
    the dose the trial used: the entry comes back, with its words."""
    plan = plan_of(REENTRY, weeks=12)
    assert _top_rpe(plan) >= 7
    (text,) = _myostatin(plan)
    assert "weeks of heavy lifting" in text.lower()


def test_a_trained_lifter_on_trt_keeps_the_effect_and_the_synergy() -> None:
    data = {**TRAINED, "therapies": ["trt"]}
    plan = plan_of(data, weeks=4)
    assert _myostatin(plan)
    assert any(s.myokine == "myostatin" for s in plan.therapy_synergies)
    assert not audit_check(CHECK, data, plan).faults


def test_a_trt_synergy_without_the_dose_is_gone_too() -> None:
    data = {**REENTRY, "sex": "male", "therapies": ["trt"]}
    plan = plan_of(data, weeks=4)
    assert not any(s.myokine == "myostatin" for s in plan.therapy_synergies)


def test_the_check_faults_the_old_claim_on_a_moderate_plan() -> None:
    """The old rule's entry, put back on the re-entry plan, is what the check reports."""
    heavy = plan_of(REENTRY, weeks=12)
    (old,) = [e for e in heavy.expected_effects if e.target.value == "myostatin"]
    plan = plan_of(REENTRY, weeks=4)
    shaped = plan.model_copy(update={"expected_effects": [*plan.expected_effects, old]})
    faults = audit_check(CHECK, REENTRY, shaped).faults
    assert [f.what for f in faults] == [
        "credits weeks of heavy lifting; no session holds 6 multi-joint sets close to "
        "failure (RIR 3 or less)"
    ]


def test_no_plan_credits_heavy_lifting_it_does_not_hold(record_property: Any) -> None:
    """Over generated profiles (blocks of 4 weeks: re-entries, caps and light starts are
    most of them), no effect or synergy text credits a dose the plan lacks."""
    audit_property(
        profiles(dense=True) | st.just(PREGNANT) | st.just(REENTRY),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=4,
    )
