"""Week-scoped `limit` and `forbid` (DESIGN.md v1.1): they hold only in their weeks, are
applied week by week by the enforce step, and each week reports its own `max_intensity`."""

from __future__ import annotations

from pathlib import Path

import pytest

from endoprotocol import build_plan, load_rules
from endoprotocol.errors import RulePackError
from endoprotocol.plan import Plan
from tests.builtin import builtin_library
from tests.test_engine import BASE_RULES, PERSON, make_pack

HIIT = """
  - id: intervals
    title: Intervals twice
    phase: prescribe
    then:
      - sessions: {modality: hiit, per_week: 2, intensity: vigorous, title: Intervals, focus: bike}
      - prescribe: {modality: resistance, role: compound, rpe: [7, 8]}
    because: test
    references: [t-ref]
"""


def plan_with(tmp_path: Path, rule: str, weeks: int = 4) -> Plan:
    pack = make_pack(tmp_path, "t", {"rules.yaml": BASE_RULES + HIIT + rule})
    rules = load_rules([pack], builtin=False, user_dir=False)
    return build_plan(PERSON, rules, builtin_library(), weeks=weeks, explain=True)


def modalities_in(plan: Plan, week: int) -> set[str]:
    return {s.modality.value for d in plan.weeks[week - 1].days for s in d.sessions}


def test_without_week_scoped_rules_every_week_has_the_blocks_ceiling(tmp_path: Path) -> None:
    plan = plan_with(tmp_path, "")
    assert [w.max_intensity for w in plan.weeks] == ["vigorous"] * 4
    assert all("hiit" in modalities_in(plan, n) for n in range(1, 5))


def test_a_week_scoped_ceiling_holds_in_its_weeks_only(tmp_path: Path) -> None:
    plan = plan_with(
        tmp_path,
        """
  - id: re-entry
    title: Nothing vigorous in the first two weeks
    phase: safety
    then:
      - forbid: {intensity_above: moderate, weeks: {from: 1, to: 2}}
    because: test
    references: [t-ref]
""",
    )
    assert [w.max_intensity for w in plan.weeks] == ["moderate", "moderate", "vigorous", "vigorous"]
    assert plan.screening.max_intensity == "vigorous"  # the block's ceiling is unchanged
    for n in (1, 2):
        week = plan.weeks[n - 1]
        assert "hiit" not in modalities_in(plan, n)
        for day in week.days:
            for s in day.sessions:
                assert s.intensity_class.value != "vigorous", (n, s.title)
                for e in s.exercises:
                    assert e.intensity.rpe is None or e.intensity.rpe.max <= 6, (n, e.name)
    assert "hiit" in modalities_in(plan, 3)
    assert plan.days == plan.weeks[0].days  # week 1 is the week the plan shows
    changed = next(w for w in plan.warnings if w.code == "plan-changed-by-safety-rule")
    assert "t/re-entry" in changed.rules
    assert plan.explanation is not None
    assert any(c.by == "t/re-entry" and "week 1" in c.what for c in plan.explanation.vetoed)


def test_a_week_scoped_modality_veto_ends(tmp_path: Path) -> None:
    plan = plan_with(
        tmp_path,
        """
  - id: no-intervals-yet
    title: No intervals in week 1
    phase: safety
    then:
      - forbid: {modality: hiit, weeks: {from: 1, to: 1}}
    because: test
    references: [t-ref]
""",
    )
    assert "hiit" not in modalities_in(plan, 1)
    assert "hiit" in modalities_in(plan, 2)
    assert plan.totals.sessions_by_modality["hiit"] == 0  # totals are week 1's


def test_a_week_scoped_limit_narrows_the_exercises_of_its_weeks(tmp_path: Path) -> None:
    plan = plan_with(
        tmp_path,
        """
  - id: cautious-start
    title: Moderate effort for three weeks
    phase: adjust
    then:
      - limit: {modality: resistance, rpe: [5, 6], reps: [10, 15], weeks: {from: 1, to: 3}}
    because: test
    references: [t-ref]
""",
    )

    def lifts(n: int) -> list:  # type: ignore[type-arg]
        return [
            e
            for d in plan.weeks[n - 1].days
            for s in d.sessions
            if s.modality.value == "resistance"
            for e in s.exercises
        ]

    for n in (1, 2, 3):
        for e in lifts(n):
            assert e.intensity.rpe is None or e.intensity.rpe.max <= 6, (n, e.name)
            assert e.reps is None or e.reps.min >= 10, (n, e.name)
    assert any("t/cautious-start" in e.rules for e in lifts(1))  # what it narrowed, it names
    assert any(e.reps is not None and e.reps.min < 10 for e in lifts(4))  # over after week 3


@pytest.mark.parametrize(
    ("action", "says"),
    [
        ("forbid: {intensity_above: light, weeks: {from: 3, to: 2}}", "comes before"),
        ("forbid: {tag: jumping, weeks: {from: 1, to: 2}}", "modality or intensity_above"),
        ("limit: {modality: endurance, minutes: [10, 20], weeks: {from: 1}}", "bounds only"),
        ("forbid: {intensity_above: light, weeks: {from: 0}}", "greater than or equal to 1"),
    ],
)
def test_bad_week_scopes_are_pack_errors(tmp_path: Path, action: str, says: str) -> None:
    rule = f"""
  - id: bad
    title: Bad
    phase: safety
    then:
      - {action}
    because: test
    references: [t-ref]
"""
    pack = make_pack(tmp_path, "t", {"rules.yaml": BASE_RULES + rule})
    with pytest.raises(RulePackError) as caught:
        load_rules([pack], builtin=False, user_dir=False)
    assert says in str(caught.value.render() if hasattr(caught.value, "render") else caught.value)
