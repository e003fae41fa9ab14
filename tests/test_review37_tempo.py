"""Coach review 37's TEMPO-PAST-ITS-MINUTES (words): its smallest profile as a named test, the
check faulting the old session, and a property over people with a tempo session.

TEMPO-PAST-ITS-MINUTES A 47-year-old man, insulin sensitivity first, trained and active (the
    review's p19 in short): week 7's Wednesday "Tempo run" was one 35-minute run at RPE 7-8
    in a 45-minute session, under the note "the rest of the session stays at a moderate
    pace". *Cause:* the tempo part grew a step a building week into the session's fixed
    work minutes (`_tempo_sized` capped it at all of them). *Decision:* the tempo part
    leaves the moderate part 5 minutes at least (`tempo_room`; all of the work only where
    it is 10 minutes or less): week 7 holds week 6's 30 minutes. Check
    `tempo-past-its-minutes` reads the note against the session (seed 3: 21 of 43 plans
    before, 0 after); `tempo-no-buildup-no-deload` reads the room the same way.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from tests.builtin import audit_check, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "tempo-past-its-minutes"

# /tmp/s28/coach37/min/TEMPO-PAST-ITS-MINUTES.yaml
TEMPO = {
    "age": 47,
    "sex": "male",
    "goals": ["insulin-sensitivity"],
    "experience": "intermediate",
    "currently_active": True,
}


def _tempo(plan: Any, week: int) -> Any:
    return next(s for d in plan.weeks[week - 1].days for s in d.sessions if s.title == "Tempo run")


def test_the_tempo_part_leaves_a_moderate_part() -> None:
    plan = builtin_plan(weeks=8, **TEMPO)
    for week in range(1, 9):
        session = _tempo(plan, week)
        easy = [e for e in session.exercises if e.intensity.rpe and e.intensity.rpe.max <= 6]
        assert easy, week
        assert sum(e.work_seconds.max for e in easy if e.work_seconds) >= 5 * 60
    assert not audit_check(CHECK, TEMPO, plan).faults


def test_the_check_faults_the_old_session() -> None:
    plan = builtin_plan(weeks=8, **TEMPO)
    old = plan.model_copy(deep=True)
    session = _tempo(old, 6)
    session.exercises = [e for e in session.exercises if e.name != "Brisk walk"]
    faults = audit_check(CHECK, TEMPO, old).faults
    assert [f.where for f in faults] == ["week 6 wednesday 'Tempo run'"]


@st.composite
def tempo_people(draw: st.DrawFn) -> dict[str, Any]:
    """Active, trained people whose first goal takes a tempo session."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [draw(st.sampled_from(["insulin-sensitivity", "fat-loss", "endurance"]))],
        "experience": draw(st.sampled_from(["intermediate", "advanced"])),
        "currently_active": True,
        "days_per_week": draw(st.integers(3, 6)),
        "minutes_per_session": draw(st.integers(20, 60)),
    }


def test_tempo_notes_hold(record_property: Any) -> None:
    audit_property(tempo_people(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES)
