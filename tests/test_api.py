"""The public API: what `import endoprotocol` promises."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import endoprotocol
from endoprotocol.errors import UsageError


def test_all_lists_exactly_the_public_names() -> None:
    assert set(endoprotocol.__all__) == {
        "Knowledge",
        "Library",
        "Plan",
        "Profile",
        "RuleSet",
        "__version__",
        "build_plan",
        "load",
        "load_library",
        "load_rules",
        "parse_profile",
    }
    for name in endoprotocol.__all__:
        assert getattr(endoprotocol, name) is not None
    own = {
        n
        for n, v in vars(endoprotocol).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert own <= set(endoprotocol.__all__) | {
        "annotations",
        "import_module",
        "TYPE_CHECKING",
        "Any",
    }


def test_the_library_plans_without_the_cli() -> None:
    rules = endoprotocol.load_rules(user_dir=False)
    from endoprotocol.engine.loader import builtin_rules_dir

    library = endoprotocol.load_library(builtin_rules_dir())
    profile = endoprotocol.parse_profile({"age": 30, "sex": "female", "goals": ["strength"]})
    plan = endoprotocol.build_plan(profile, rules, library, weeks=2)
    assert isinstance(plan, endoprotocol.Plan)
    assert len(plan.weeks) == 2


def test_help_does_not_import_the_engine() -> None:
    code = "import sys, endoprotocol.cli.app; print('endoprotocol.engine.evaluate' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version_answers_without_importing_typer_or_pydantic() -> None:
    code = (
        "import sys; sys.argv = ['endoprotocol', '--version']; from endoprotocol.cli import main; "
        "main(); print(sorted(m for m in ('typer', 'pydantic', 'rich', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == f"endoprotocol {endoprotocol.__version__}\n[]\n"


@pytest.mark.parametrize("weeks", [0, -1, 17])
def test_a_block_length_outside_1_to_16_is_a_clean_error(
    weeks: int, ruleset: endoprotocol.RuleSet, library: endoprotocol.Library
) -> None:
    person = endoprotocol.parse_profile({"age": 40, "sex": "male", "goals": ["muscle"]})
    with pytest.raises(UsageError, match="1 to 16 weeks"):
        endoprotocol.build_plan(person, ruleset, library, weeks=weeks)


def test_the_plan_schema_describes_the_profile_and_the_explanation() -> None:
    schema = endoprotocol.Plan.model_json_schema(mode="serialization")
    defs = schema["$defs"]
    profile = defs["PlanProfile"]["properties"]
    assert {"age", "sex", "goals", "days", "equipment", "screening"} <= set(profile)
    explanation = defs["Explanation"]["properties"]
    assert set(explanation) == {
        "fired",
        "vetoed",
        "overridden",
        "disabled",
        "replaced",
        "substituted",
        "selected",
    }
    assert set(defs["FiredRule"]["properties"]) >= {"rule", "facts", "did"}
    assert set(defs["Substitution"]["properties"]) == {"replaced", "by", "rules"}


def test_a_session_that_starts_later_is_absent_until_its_week(
    ruleset: endoprotocol.RuleSet, library: endoprotocol.Library
) -> None:
    """Start weeks travel with the session (no side table keyed by id())."""
    person = endoprotocol.parse_profile(
        {
            "age": 40,
            "sex": "male",
            "goals": ["fat-loss"],
            "days": ["mon", "tue", "wed", "fri", "sat"],
            "minutes_per_session": 60,
            "currently_active": True,
            "equipment": ["barbell", "dumbbells", "machines", "bike"],
        }
    )
    plan = endoprotocol.build_plan(person, ruleset, library, weeks=12)
    by_week = [{s.modality.value for d in w.days for s in d.sessions} for w in plan.weeks]
    starts = [n for n, w in enumerate(by_week, 1) if "hiit" in w]
    assert starts == list(range(9, 13)), by_week  # core/hiit-base-weeks-first: week 9
    assert "first_week" not in plan.to_json()
