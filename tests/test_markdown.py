"""Markdown follows the terminal view's order and carries each exercise's cue."""

from __future__ import annotations

from endoprotocol import Library, Plan, RuleSet, build_plan, parse_profile
from endoprotocol.render.markdown import render_markdown
from endoprotocol.sources import example_text, read_profile_text


def _plan(ruleset: RuleSet, library: Library, name: str) -> Plan:
    data = read_profile_text(example_text(name), name)
    return build_plan(parse_profile(data), ruleset, library)


def test_sections_come_in_the_terminal_order(ruleset: RuleSet, library: Library) -> None:
    text = render_markdown(_plan(ruleset, library, "metabolic-t2d-62"))
    order = [
        "# Weekly exercise plan",
        "## Screening",
        "## Warnings",
        "## Week 1",
        "### Monday:",
        "## Other notes",
        "## Progression across the block",
        "## Guidelines (week 1)",
        "## Expected effects",
        "## References",
        "\n---\n",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    warnings = text[text.index("## Warnings") : text.index("## Week 1")]
    assert "`diabetes-glucose-safety`" in warnings
    assert "**info**" not in warnings


def test_each_exercise_row_has_its_dose_and_cue(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    text = render_markdown(plan)
    for day in plan.days:
        for s in day.sessions:
            for e in s.exercises:
                # (an exercise may have more than one row: a tempo ride's two parts)
                rows = [line for line in text.splitlines() if f"| {e.name} |" in line]
                assert any(e.notes.replace("|", "\\|") in row for row in rows)
    assert "Alternatives" not in text
    assert "| Alternatives |" in render_markdown(plan, alternatives=True)


def test_compact_and_full(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    compact = render_markdown(plan, compact=True)
    assert "## Week 1" in compact
    assert "### Monday" not in compact
    assert "## References" not in compact
    effect = plan.expected_effects[0].explanation
    assert effect not in render_markdown(plan)
    assert effect in render_markdown(plan, full=True)


def test_a_referral_says_so_first(ruleset: RuleSet, library: Library) -> None:
    plan = build_plan(
        parse_profile(
            {
                "age": 58,
                "sex": "male",
                "goals": ["general-health"],
                "screening": {"chest_pain": True},
            }
        ),
        ruleset,
        library,
    )
    text = render_markdown(plan)
    assert text.index("SEE A CLINICIAN FIRST") < text.index("## Week 1")
    assert "No sessions are planned" in text
