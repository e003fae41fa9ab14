"""The README and docs stay true: every `endoprotocol ...` command they show is run.

Each code block of README.md and docs/*.md that shows a command is one case. Its commands run
in order, in-process, in a scratch folder holding `me.yaml` and `client.yaml` (copies of a
built-in example), `./my-pack` (the pack the README shows, tests/fixtures/my-pack) and
`tests/` (the repository's, for `tests/fixtures/...`), with the user directory isolated.
A run must not be a usage error (2) or a bug (1); where the block shows output after a
`$ endoprotocol ...` line, each shown line must appear, in order, in what the command printed
(lines holding `...` or `…` stand for what is left out; numbers, such as rule counts, and the
checkout's path are compared loosely).

A block right after a `<!-- not run: why -->` comment needs something the reader makes first
(a pack written step by step, a shell variable); its commands are only parsed, so an option
that no longer exists still fails.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer

from endoprotocol.cli.app import app
from tests.conftest import RunCli

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"(?P<mark><!--\s*not run(?P<why>[^\n]*?)-->\s*\n)?```(?P<lang>[a-z]*)\n(?P<body>.*?)```",
    re.S,
)
PROGRAM = re.compile(r"^(\$ )?(\.venv/bin/)?endoprotocol( |$)")


@dataclass
class Command:
    words: list[str]
    stdin: str | None = None  # `cat FILE | endoprotocol ...`
    shown: list[str] = field(default_factory=list)  # the output the document shows


@dataclass
class Block:
    where: str
    run: bool
    commands: list[Command]


def _command(line: str) -> Command | None:
    text = line.strip().removeprefix("$ ")
    stdin = None
    piped = re.match(r"cat (\S+) \| (.*)", text)
    if piped:
        stdin, text = piped.group(1), piped.group(2)
    if not PROGRAM.match(text):
        return None
    words = shlex.split(text, comments=True)
    return Command(words=words[1:], stdin=stdin)


def _blocks() -> list[Block]:
    found = []
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            commands: list[Command] = []
            current: Command | None = None
            for line in match.group("body").splitlines():
                command = _command(line)
                if command is not None:
                    commands.append(command)
                    current = command if line.startswith("$ ") else None
                elif line.startswith("$ "):
                    current = None  # another program (export, cp): not ours to check
                elif current is not None:
                    current.shown.append(line)
            if commands:
                line_no = text[: match.start("body")].count("\n")
                where = f"{path.relative_to(ROOT)}:{line_no}"
                found.append(Block(where, run=match.group("mark") is None, commands=commands))
    return found


BLOCKS = _blocks()


def _loose(line: str) -> str:
    line = line.rstrip().replace(str(ROOT), "<root>").replace("/work/main", "<root>")
    return re.sub(r"\d+", "0", line)


def _assert_shown(command: Command, printed: str) -> None:
    """Each shown line appears in `printed`, in order (a line may stand anywhere after the last)."""
    lines = [_loose(line) for line in printed.splitlines()]
    at = 0
    for want in command.shown:
        if "..." in want or "…" in want or not want.strip():
            continue
        target = _loose(want)
        try:
            at = lines.index(target, at) + 1
        except ValueError:
            pytest.fail(f"`endoprotocol {shlex.join(command.words)}` no longer prints {want!r}")


def _parse_only(words: list[str]) -> None:
    """Parse a command line the way the program would, without running it."""
    command = typer.main.get_command(app)
    path = ["endoprotocol"]
    rest = list(words)
    while rest and rest[0] in getattr(command, "commands", {}):
        path.append(rest[0])
        command = command.commands[rest.pop(0)]  # type: ignore[attr-defined]
    try:
        command.make_context(" ".join(path), list(rest))
    except Exception as error:  # the parser's own usage errors
        pytest.fail(f"`{' '.join(path)} {shlex.join(rest)}` does not parse: {error}")


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    example = ROOT / "src" / "endoprotocol" / "examples" / "muscle-trt-45.yaml"
    for name in ("me.yaml", "client.yaml"):
        shutil.copy(example, tmp_path / name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "my-pack", tmp_path / "my-pack")
    (tmp_path / "tests").symlink_to(ROOT / "tests", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_shows_the_two_setup_commands_and_how_to_run_after() -> None:
    assert "make run" in README
    assert "make test" in README
    assert ".venv/bin/endoprotocol" in README
    assert sum(len(b.commands) for b in BLOCKS) >= 20


def test_the_readme_shows_every_format() -> None:
    from endoprotocol.cli.plan import Format

    shown = {
        word
        for b in BLOCKS
        if b.where.startswith("README")
        for c in b.commands
        for flag, word in zip(c.words, c.words[1:], strict=False)
        if flag in ("--format", "-f")
    }
    assert {f.value for f in Format} <= shown


def test_the_readme_pack_is_the_fixture_pack() -> None:
    for name in ("pack.yaml", "rules.yaml"):
        body = (ROOT / "tests" / "fixtures" / "my-pack" / name).read_text(encoding="utf-8")
        for line in body.splitlines():
            if line.strip() and not line.startswith("#"):
                assert line in README, (name, line)


@pytest.mark.parametrize("block", [b for b in BLOCKS if b.run], ids=lambda b: b.where)
@pytest.mark.usefixtures("scratch")
def test_every_documented_command_runs(cli: RunCli, block: Block) -> None:
    for command in block.commands:
        given = Path(command.stdin).read_bytes() if command.stdin else None
        result = cli(*command.words, input=given)
        said = f"`endoprotocol {shlex.join(command.words)}` ({block.where})"
        assert result.exit_code not in (1, 2), (said, result.exit_code, result.stderr[-500:])
        assert "Traceback" not in result.stderr, said
        _assert_shown(command, result.stdout + result.stderr)


@pytest.mark.parametrize("block", [b for b in BLOCKS if not b.run], ids=lambda b: b.where)
def test_commands_not_run_still_parse(block: Block) -> None:
    for command in block.commands:
        _parse_only(command.words)


def test_markdown_with_explain_says_why(cli: RunCli) -> None:
    result = cli("plan", "--example", "older-adult-72", "--format", "markdown", "--explain")
    assert result.exit_code == 0, result.stderr
    assert "## Why (rules that fired)" in result.stdout
    assert "`safety/older-adult-balance`" in result.stdout
    assert "(you: 72)" in result.stdout
