"""The public API: what `import endoprotocol` promises."""

from __future__ import annotations

import subprocess
import sys
import types

import endoprotocol


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
