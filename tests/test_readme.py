"""The README stays true: its commands exist and every flag it shows is one the tool takes."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import RunCli

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    {
        line.split("#")[0].strip().removeprefix("$ ")
        for block in re.findall(r"```(?:sh|text)\n(.*?)```", README, re.S)
        for line in block.splitlines()
        if line.strip().removeprefix("$ ").startswith("endoprotocol ")
    }
)


def test_the_readme_shows_the_two_setup_commands_and_a_plan() -> None:
    assert "make run" in README
    assert "make test" in README
    assert len(COMMANDS) >= 8


@pytest.mark.parametrize("command", COMMANDS)
def test_every_readme_command_uses_real_subcommands_and_flags(cli: RunCli, command: str) -> None:
    words = shlex.split(command.split("|")[0])[1:]
    path = []
    for word in words:
        if word.startswith("-"):
            break
        path.append(word)
        if word in {"plan", "batch", "schema", "show", "validate", "test", "list", "init", "facts"}:
            break
    helped = cli(*path, "--help")
    assert helped.exit_code == 0, (path, helped.stderr)
    for flag in (w.split("=")[0] for w in words if w.startswith("--")):
        assert flag in helped.stdout, (command, flag)


def test_markdown_with_explain_says_why(cli: RunCli) -> None:
    result = cli("plan", "--example", "older-adult-72", "--format", "markdown", "--explain")
    assert result.exit_code == 0, result.stderr
    assert "## Why (rules that fired)" in result.stdout
    assert "`safety/older-adult-balance`" in result.stdout
    assert "(you: 72)" in result.stdout
