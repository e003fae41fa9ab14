"""Coach review 41's SKILL-MOVES-UNDER-EFFORT-CAP: a week whose lifting effort stays short of
hard sets takes a body-weight skill move's rung below, which climbs back to the skill move
once sets may be hard; the check faulting the old plans, and a property over trained people
training with their body's weight or bands.

SKILL-MOVES-UNDER-EFFORT-CAP (COACHING.md §1, safety) A detrained advanced lifter, 30, general
    health, body weight only, on a re-entry start: "Pistol squat 3 x 8-12, RPE 5-6, 4-5 RIR"
    and "Wall handstand push-up 3 x 8-12, RPE 5-6, 4-5 RIR" - a 12-17 rep maximum on one leg
    or upside down, which almost no one has, so the set is taken to failure or done with
    broken form; the same man active, the week after a fever: "Pistol squat 3 x 6-10 RPE
    3-4", "Wall handstand push-up ... Kick up into a handstand" in a light week. *Cause:* the
    picker ranks the hardest rung first for an advanced lifter whatever effort the week
    allows, and a move whose load is the body's cannot be made lighter. *Decision:* a week
    whose RPE ceiling is below 7 or that keeps more than 3 reps in reserve (the library's
    `skill_effort`; `fill.skill_effort_short`: the rules' dose, a cautious start's, the week's
    ceiling and limits) takes the skill move's `easier` rung (a single-leg squat to a chair, a
    pike push-up), and the first load week whose effort no longer is short climbs back to the
    skill move (`progress._rungs_up`), at the bottom of its range at an ordinary speed, one
    lift a week; the first short week and the week it comes back say so. Check
    `skill-move-under-effort-cap`.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import strategies as st

from endoprotocol import parse_profile
from endoprotocol.audit import CHECKS
from endoprotocol.planner.library import ExerciseEntry
from tests.builtin import audit_check, builtin_library, builtin_plan
from tests.strategies import audit_property

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "skill-move-under-effort-cap"

# /tmp/s31/coach41/min/m-skill-moves-at-capped-effort.yaml
SMALLEST = {
    "age": 30,
    "sex": "male",
    "goals": ["general-health"],
    "experience": "advanced",
    "equipment": ["bodyweight"],
}
# /tmp/s31/coach41/min/m-skill-moves-at-capped-effort-illness.yaml
ILLNESS = {**SMALLEST, "currently_active": True, "conditions": ["acute-illness"]}
ACTIVE = {**SMALLEST, "currently_active": True}

PISTOL, CHAIR = "Pistol squat", "Single-leg squat to a chair"
HANDSTAND, PIKE = "Wall handstand push-up", "Pike push-up"
SKILLS = {PISTOL, HANDSTAND}
SLOWER = "Lower each rep slowly"


def _lifts(week: Any) -> dict[str, Any]:
    """The week's required lifts by name (the first of each)."""
    found: dict[str, Any] = {}
    for d in week.days:
        for s in d.sessions:
            if s.modality.value == "resistance" and not s.optional:
                for e in s.exercises:
                    found.setdefault(e.name, e)
    return found


def test_smallest_profile_reentry_takes_easier_rungs_then_the_skills() -> None:
    """The re-entry's moderate weeks squat to a chair and pike, each with only easier
    alternatives; week 3 (sets may be hard) brings the pistol back at the bottom of its range
    at an ordinary speed, and the handstand push-up follows in the next load week (one lift
    a week), each with its easier rung as its alternative. Week 1 says why, week 3 says
    the pistol is back."""
    plan = builtin_plan(weeks=8, **SMALLEST)
    for week in plan.weeks[:2]:
        lifts = _lifts(week)
        assert not SKILLS & set(lifts)
        assert lifts[CHAIR].intensity.rpe.max <= 6
        assert lifts[PIKE].intensity.rpe.max <= 6
        assert not SKILLS & set(lifts[CHAIR].alternatives + lifts[PIKE].alternatives)
    said = " ".join(plan.weeks[0].notes)
    assert f"{CHAIR} in place of {PISTOL}" in said
    assert f"{PIKE} in place of {HANDSTAND}" in said
    assert "cannot be made lighter" in said
    third = _lifts(plan.weeks[2])
    pistol = third[PISTOL]
    assert pistol.intensity.rpe.min >= 7
    assert pistol.reps.min == third["Deficit push-up"].reps.min
    assert SLOWER not in pistol.notes
    assert pistol.alternatives == [CHAIR]
    assert any(f"{PISTOL} in place of {CHAIR}" in n for n in plan.weeks[2].notes)
    back = next(w for w in plan.weeks if HANDSTAND in _lifts(w))
    assert back.week > 3
    assert not back.deload
    assert _lifts(back)[HANDSTAND].alternatives == [PIKE]
    assert SLOWER not in _lifts(back)[HANDSTAND].notes
    assert any(f"{HANDSTAND} in place of {PIKE}" in n for n in back.notes)
    # and every week of the block is free of the fault
    assert not audit_check(CHECK, SMALLEST, plan).faults


def test_illness_form_keeps_the_handstand_out_of_the_hold() -> None:
    """The week after a fever has no kick-up into a handstand and no pistol: the hold's
    light and moderate weeks (RIR 4+ through week 8) keep the easier rungs, and in a 12-week
    block the pistol comes back in the first load week after the hold (week 10; week 9 is a
    reps week), at an ordinary speed."""
    plan = builtin_plan(weeks=12, **ILLNESS)
    for week in plan.weeks[:8]:
        lifts = _lifts(week)
        assert not SKILLS & set(lifts), week.week
        assert not any("handstand" in e.notes.lower() for e in lifts.values())
    assert PIKE in _lifts(plan.weeks[0])
    # the light weeks take the chair squat's own rung below too (coach review 42,
    # LIGHT-CAP-WITH-HARDEST-VARIANT): the body-weight squat in week 1
    assert CHAIR not in _lifts(plan.weeks[0])
    assert "Bodyweight squat" in _lifts(plan.weeks[0])
    first = next(w for w in plan.weeks if PISTOL in _lifts(w))
    assert first.week == 10
    assert SLOWER not in _lifts(first)[PISTOL].notes
    assert not audit_check(CHECK, ILLNESS, plan).faults


def test_active_lifter_keeps_the_skill_moves() -> None:
    """The same man in training lifts at RPE 7-8: his week 1 keeps the pistol and the
    handstand push-up, and no note speaks of easier versions."""
    plan = builtin_plan(weeks=4, **ACTIVE)
    assert set(_lifts(plan.weeks[0])) >= SKILLS
    assert not any("easier versions" in n for w in plan.weeks for n in w.notes)
    verdict = audit_check(CHECK, ACTIVE, plan)
    assert verdict.applies
    assert not verdict.faults


def _renamed(plan: Any, names: dict[str, str], weeks: int) -> Any:
    """The plan with its first `weeks` weeks' lifts renamed (`names`: stand-in -> skill)."""
    out = []
    for week in plan.weeks:
        if week.week > weeks:
            out.append(week)
            continue
        days = []
        for d in week.days:
            sessions = [
                s.model_copy(
                    update={
                        "exercises": [
                            e.model_copy(update={"name": names.get(e.name, e.name)})
                            for e in s.exercises
                        ]
                    }
                )
                for s in d.sessions
            ]
            days.append(d.model_copy(update={"sessions": sessions}))
        out.append(week.model_copy(update={"days": days}))
    return plan.model_copy(update={"weeks": out})


def test_the_check_faults_the_old_plans() -> None:
    """The old re-entry weeks (the skill moves at RPE 5-6, 4-5 in reserve) and the old
    illness weeks (a handstand push-up in a week held light)."""
    old = _renamed(builtin_plan(weeks=4, **SMALLEST), {CHAIR: PISTOL, PIKE: HANDSTAND}, 2)
    faults = CHECKS[CHECK](parse_profile(SMALLEST), old, builtin_library()).faults
    assert {f.where.split(" / ")[-1] for f in faults} == SKILLS
    assert {f.where.split()[1] for f in faults} == {"1", "2"}
    assert "at RPE 5-6" in faults[0].what
    sick = _renamed(builtin_plan(weeks=2, **ILLNESS), {PIKE: HANDSTAND}, 1)
    faults = CHECKS[CHECK](parse_profile(ILLNESS), sick, builtin_library()).faults
    assert faults
    assert "in a week held light" in faults[0].what


def test_easier_is_only_for_skill_moves() -> None:
    """The library's `easier` is the rung below of a move done for reps: a skill move, or
    since coach review 42 a strength lift (a deficit push-up's push-up); a timed hold cannot
    carry it."""
    plank = next(e for e in builtin_library().exercises if e.id == "forearm-plank")
    data = plank.model_dump(mode="json", exclude={"pos"}, exclude_none=True)
    with pytest.raises(ValueError, match="easier is only for skill and strength moves"):
        ExerciseEntry.model_validate({**data, "easier": "incline-plank"})


@st.composite
def trained_at_home(draw: st.DrawFn) -> dict[str, Any]:
    """Trained people under 65 (advanced most often: their plans hold skill moves) with their
    body's weight or bands, active or coming back, with a recovery condition or none (the
    caps that keep sets short of hard)."""
    return {
        "age": draw(st.integers(18, 64)),
        "sex": draw(st.sampled_from(["male", "female"])),
        "goals": [
            draw(st.sampled_from(["general-health", "strength", "muscle", "fat-loss", "endurance"]))
        ],
        "experience": draw(st.sampled_from(["intermediate", "advanced", "advanced", "advanced"])),
        "currently_active": draw(st.booleans()),
        "conditions": draw(
            st.sampled_from([[], ["acute-illness"], ["overtraining-symptoms"], ["chronic-stress"]])
        ),
        "equipment": draw(
            st.sampled_from(
                [["bodyweight"], ["bodyweight"], ["bands"], ["bodyweight", "pull-up-bar"]]
            )
        ),
        "days_per_week": draw(st.integers(2, 5)),
        "minutes_per_session": draw(st.sampled_from([30, 45, 60])),
    }


def test_skill_moves_only_where_sets_may_be_hard(record_property: Any) -> None:
    audit_property(
        trained_at_home(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES, weeks=8
    )
