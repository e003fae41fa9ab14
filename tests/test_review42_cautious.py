"""Coach review 42's CAUTIOUS-START-WALKS-SHRINK: an aerobic-first person's cautious start
builds the walks up and never gives them to the start's added lifting sets; the check
faulting the old form, and a property over people not yet active.

CAUTIOUS-START-WALKS-SHRINK (COACHING.md §2 and §4) The review's p04, a 66-year-old man with
    heart disease and high blood pressure, insulin sensitivity then fat loss first, a
    beginner not yet active, Mon/Wed/Fri x 40 minutes: 46 required aerobic minutes in weeks
    1-2, 20 from week 3 to week 12 (46 again only in the deloads), under a week-1 note that
    the walks "grow no further than about 46 minutes". *Cause:* the older beginner's light
    start (`safety/older-beginner-lighter-start`) has `sets_take_walk`, so its exit's second
    set (week 3) took the 13-minute walk after lifting on Monday and Friday
    (`progress._progress_weeks`' `walks_give`, the walk going whole where its least left
    room for less than half the step). *Decision:* where the first goal is insulin
    sensitivity or fat loss (their dose is the aerobic minutes), a cautious start's added
    sets take only the days' free minutes (`core/cardiometabolic-first-walks-kept`,
    `walks_before_start_sets`, `progress._walks_first_goal`); the first goal wins. General
    health and endurance keep coach reviews 6, 32 and 38's set exits (the lead's trade).
    Check `aerobic-first-walks-shrink`.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS, _required_aerobic
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "aerobic-first-walks-shrink"

# the smallest profile showing it: 56 -> 44 required aerobic minutes in week 3 before
SMALLEST = {"age": 65, "sex": "male", "goals": ["insulin-sensitivity"]}
# the review's p04
P04 = {
    "age": 66,
    "sex": "male",
    "goals": ["insulin-sensitivity", "fat-loss"],
    "experience": "beginner",
    "currently_active": False,
    "conditions": ["cardiovascular-disease", "hypertension"],
    "blood_pressure": {"systolic": 138, "diastolic": 86},
    "days": ["monday", "wednesday", "friday"],
    "minutes_per_session": 40,
    "equipment": ["bike", "dumbbells", "bodyweight"],
}


def _building(plan: Any) -> list[float]:
    return [_required_aerobic(w) for w in plan.weeks if not w.deload]


def test_smallest_profile_walks_never_shrink() -> None:
    plan = builtin_plan(weeks=12, **SMALLEST)
    minutes = _building(plan)
    assert all(b >= a for a, b in itertools.pairwise(minutes)), minutes
    # the build-up still grows toward WHO's 150
    assert minutes[-1] > minutes[0]
    assert not audit_check(CHECK, SMALLEST, plan).faults


def test_p04_keeps_its_46_minutes_as_the_note_says() -> None:
    plan = builtin_plan(weeks=12, **P04)
    assert [round(_required_aerobic(w)) for w in plan.weeks] == [46] * 12
    assert any("grows no further than about 46 minutes" in n for n in plan.weeks[0].notes)
    # Monday's and Friday's walk after lifting stays every week
    for w in plan.weeks:
        for d in w.days:
            if d.day.value in ("monday", "friday"):
                assert any(s.modality.value == "endurance" for s in d.sessions), w.week
    assert not audit_check(CHECK, P04, plan).faults


def test_the_check_faults_the_old_plan() -> None:
    """The old week 3 onward: the walks after lifting gone for the start's second set."""
    plan = builtin_plan(weeks=12, **P04)
    weeks = []
    for w in plan.weeks:
        if w.week >= 3 and not w.deload:
            days = [
                d.model_copy(
                    update={
                        "sessions": [
                            s
                            for s in d.sessions
                            if not (
                                d.day.value in ("monday", "friday")
                                and s.modality.value == "endurance"
                            )
                        ]
                    }
                )
                for d in w.days
            ]
            w = w.model_copy(update={"days": days})
        weeks.append(w)
    old = plan.model_copy(update={"weeks": weeks})
    assert round(_required_aerobic(old.weeks[2])) == 20
    faults = CHECKS[CHECK](parse_profile(P04), old, builtin_library()).faults
    assert [f.where for f in faults] == ["week 3"]


@st.composite
def aerobic_first_starts(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "age": draw(st.integers(40, 85)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["insulin-sensitivity", "fat-loss"]))],
        "experience": "beginner",
        "currently_active": False,
        "conditions": draw(
            st.sampled_from([[], ["cardiovascular-disease"], ["hypertension"], ["type-2-diabetes"]])
        ),
        "days_per_week": draw(st.integers(2, 4)),
        "minutes_per_session": draw(st.sampled_from([30, 40, 45, 60])),
    }


def test_aerobic_first_walks_never_shrink(record_property: Any) -> None:
    audit_property(
        aerobic_first_starts(),
        {CHECK: CHECKS[CHECK]},
        record_property,
        examples=EXAMPLES,
        weeks=12,
    )
