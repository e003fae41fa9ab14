"""Block lengths the audit did not draw (session 24).

At 6 weeks and 300 profiles (seed 3) `held-start-sets-frozen` faulted 7 of 17 plans. Each
was an older beginner's light start (four weeks at RPE 3-4) whose exit steps its effort up a
step a week - RPE 3-4, then 5, then 5-6 (coach review rv12964, K2) - and whose block ends in
the exit's second week, before any set is a hard one. The plan keeps the staging its note
promises; the check asked for the first dose too early. Its dose test now reads the weeks
from the exit's third week on, so a 12-week block of the same person is held to it from
week 7.

At 2 weeks `illness-start-not-held` faulted 3 of 3 plans: the verdict at the top printed the
screening's "highest intensity allowed: moderate" over a block whose every week a passing
illness holds light; it now gives the block's own ceiling ("light in weeks 1-2")."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from endoprotocol.audit import CHECKS
from endoprotocol.plan import Plan
from endoprotocol.render.text import screening_title
from tests.builtin import audit_check, plan_of, week_lifting
from tests.strategies import audit_property, profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "30"))
CHECK = "held-start-sets-frozen"

# the smallest of the seven (audit seed 3, --weeks 6)
OLDER_BEGINNER = {
    "age": 73,
    "sex": "male",
    "goals": ["strength", "fat-loss"],
    "equipment": ["bodyweight", "bands", "door-anchor", "pull-up-bar", "bike"],
}


def _sets_and_top_rpe(plan: Plan, week: int) -> tuple[int, float]:
    lifts = [e for s in week_lifting(plan.weeks[week - 1]) for e in s.exercises]
    return sum(e.sets for e in lifts), max(e.intensity.rpe.max for e in lifts if e.intensity.rpe)


def test_a_six_week_block_ends_inside_the_exit_it_promised() -> None:
    plan = plan_of(OLDER_BEGINNER, weeks=6)
    assert "from week 5 the loads climb" in plan.weeks[0].notes[0]
    (w2_sets, _w2_rpe), (w3_sets, w3_rpe), (w5_sets, w5_rpe), (_w6_sets, w6_rpe) = (
        _sets_and_top_rpe(plan, w) for w in (2, 3, 5, 6)
    )
    assert w3_rpe <= 4
    # the sets step first, in the light start's reps week (week 3; the exit's first week
    # before coach review 32, OLDER-START-EXIT-STACKS-STEPS) ...
    assert w3_sets > w2_sets
    assert w5_sets == w3_sets
    assert w5_rpe <= 4
    assert w5_rpe < w6_rpe <= 6  # ... then the effort, a step at a time
    verdict = audit_check(CHECK, OLDER_BEGINNER, plan)
    assert verdict.applies
    assert not verdict.faults


def test_the_same_person_over_twelve_weeks_reaches_the_first_dose() -> None:
    """Held to the dose from the exit's third week (week 7): it is there."""
    plan = plan_of(OLDER_BEGINNER, weeks=12)
    _sets, w7_rpe = _sets_and_top_rpe(plan, 7)
    assert w7_rpe >= 6
    verdict = audit_check(CHECK, OLDER_BEGINNER, plan)
    assert verdict.applies
    assert not verdict.faults


def test_light_starts_hold_their_staging_in_short_blocks(record_property: Any) -> None:
    """Older people not yet active (the light start's people), blocks of 5-7 weeks."""

    @st.composite
    def older(draw: st.DrawFn) -> dict[str, Any]:
        data = draw(profiles(min_age=65, max_age=90))
        data["currently_active"] = False
        return data

    for weeks in (5, 6, 7):
        audit_property(
            older(), {CHECK: CHECKS[CHECK]}, record_property, examples=EXAMPLES // 3, weeks=weeks
        )


# at 2 weeks (300 profiles, seed 3) `illness-start-not-held` faulted 3 of 3 plans: the
# smallest of them
ILL = {
    "age": 62,
    "sex": "female",
    "goals": ["fat-loss", "strength"],
    "experience": "advanced",
    "equipment": ["dip-bars"],
    "conditions": ["acute-illness"],
}


def test_a_two_week_illness_block_says_light_at_the_top() -> None:
    """A passing illness holds weeks 1-2 light. A 4-week block's verdict said so ("light in
    weeks 1-2, moderate from week 3"); a 1- or 2-week block, every week light, printed the
    screening's own "moderate", which no week of it reaches."""
    for weeks in (1, 2):
        plan = plan_of(ILL, weeks=weeks)
        assert {w.max_intensity for w in plan.weeks} == {"light"}
        title = screening_title(plan)
        assert title.endswith("highest intensity allowed: light in " + WEEKS_SAID[weeks])
        assert not audit_check("illness-start-not-held", ILL, plan).faults
    four = screening_title(plan_of(ILL, weeks=4))
    assert four.endswith("light in weeks 1-2, moderate from week 3")


WEEKS_SAID = {1: "week 1", 2: "weeks 1-2"}


def test_short_blocks_never_print_a_ceiling_no_week_reaches(record_property: Any) -> None:
    """Over generated people (a passing illness drawn often), in 1- and 2-week blocks."""

    @st.composite
    def ill(draw: st.DrawFn) -> dict[str, Any]:
        data = draw(profiles())
        if draw(st.booleans()):
            data["conditions"] = [*data["conditions"], "acute-illness"]
        return data

    def ceiling_said(_profile: Any, plan: Plan) -> None:
        if plan.screening.referral_only:
            return
        said = screening_title(plan).rsplit("highest intensity allowed: ", 1)[1].split()[0]
        assert said in {w.max_intensity for w in plan.weeks}, screening_title(plan)

    checks = {"illness-start-not-held": CHECKS["illness-start-not-held"]}
    for weeks in (1, 2):
        audit_property(
            ill(), checks, record_property, examples=EXAMPLES // 2, weeks=weeks, extra=ceiling_said
        )
