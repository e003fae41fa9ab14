"""Help reads like the docs: human metavars, accepted values, examples, shell completion."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from endoprotocol.cli.plan import SCREENING_KEYS
from endoprotocol.profile import Screening
from endoprotocol.vocab import Condition, Equipment, Goal, Therapy
from tests.conftest import RunCli
from tests.test_cli import COMMANDS

PYTHON_TYPE = re.compile(r"<(int|str|float|bool|list|Path|path|int range|float range)[^>]*>")


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "endoprotocol")
def test_help_shows_no_python_types(cli: RunCli, path: tuple[str, ...]) -> None:
    shown = cli(*path, "--help").stdout
    assert not PYTHON_TYPE.search(shown), PYTHON_TYPE.findall(shown)


def test_plan_help_names_its_values(cli: RunCli) -> None:
    shown = " ".join(cli("plan", "--help").stdout.split())
    for metavar in ("--goal GOAL", "--days DAY", "--weeks N", "--start DATE", "--profile FILE"):
        assert metavar in shown
    for vocabulary in (Goal, Therapy, Equipment, Condition):
        for member in vocabulary:
            # a long value may be broken at its hyphen by the help's line wrapping
            assert member.value in shown.replace("- ", "-"), member
    assert tuple(Screening.model_fields) == SCREENING_KEYS  # the same questions, in order


def test_root_help_creates_no_profile_or_plan_models() -> None:
    """`--help` lists the commands without importing the models (it stays under the
    dependencies' own import time)."""
    probe = (
        "import sys; sys.argv = ['endoprotocol', '--help']\n"
        "from endoprotocol.cli import app\n"
        "try:\n    app.app()\nexcept SystemExit:\n    pass\n"
        "heavy = {'endoprotocol.profile', 'endoprotocol.plan', 'endoprotocol.engine.model'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_script(cli: RunCli, shell: str) -> None:
    result = cli("--show-completion", shell)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    assert "endoprotocol" in result.stdout
    assert "_ENDOPROTOCOL_COMPLETE" in result.stdout


def test_completion_is_documented(cli: RunCli) -> None:
    assert "--install-completion" in cli("--help").stdout


def test_completion_completes_commands_and_values() -> None:
    from typer.testing import CliRunner

    from endoprotocol.cli.app import app

    def complete(words: str) -> list[str]:
        env = {
            "_ENDOPROTOCOL_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        result = CliRunner().invoke(app, [], env=env, prog_name="endoprotocol")
        return result.stdout.split()

    assert complete("endoprotocol pl") == ["plan"]
    assert complete("endoprotocol plan --format m") == ["markdown"]
