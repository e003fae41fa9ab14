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


# what only that shell's completion script holds
SHELL_SCRIPT_MARK = {
    "bash": "complete -o default -F _endoprotocol_completion endoprotocol",
    "zsh": "#compdef endoprotocol",
    "fish": "complete --command endoprotocol",
}


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point (`cli.app.main`), which reads the completion options first."""
    return subprocess.run(
        [sys.executable, "-m", "endoprotocol", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_named_shells_script(shell: str) -> None:
    """The shell named is the shell served, whichever shell runs the tool (Typer alone
    printed the running shell's script, or "Shell  not supported" where it saw none)."""
    result = _tool("--show-completion", shell)
    assert result.returncode == 0, result.stderr
    assert "_ENDOPROTOCOL_COMPLETE" in result.stdout
    assert SHELL_SCRIPT_MARK[shell] in result.stdout
    others = [mark for other, mark in SHELL_SCRIPT_MARK.items() if other != shell]
    assert not any(mark in result.stdout for mark in others)


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_completion_for_an_unknown_shell_is_exit_2_naming_it(option: str) -> None:
    result = _tool(option, "tcsh")
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"usage error: {option}: no completion for the shell 'tcsh'" in result.stderr
    assert "bash, zsh, fish, powershell, pwsh" in result.stderr
    assert "Traceback" not in result.stderr


def test_completion_with_no_shell_named_or_seen_is_exit_2_saying_to_name_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shellingham

    from endoprotocol.cli.app import _completion_shell

    def unseen() -> tuple[str, str]:
        raise shellingham.ShellDetectionFailure

    monkeypatch.setattr(shellingham, "detect_shell", unseen)
    assert _completion_shell(["endoprotocol", "--show-completion"]) == 2
    said = capsys.readouterr().err
    assert "usage error: --show-completion: cannot tell which shell this is" in said
    assert "endoprotocol --show-completion bash" in said
    assert _completion_shell(["endoprotocol", "plan", "--show-completion"]) is None


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
