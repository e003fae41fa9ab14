"""Shared fixtures: an isolated user directory, an in-process CLI, and the built-in rules."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

import endoprotocol
from endoprotocol import knowledge
from endoprotocol.cli.app import app
from endoprotocol.engine import loader
from endoprotocol.engine.loader import CONFIG_ENV, RULES_ENV, builtin_rules_dir
from endoprotocol.packcache import CACHE_ENV
from endoprotocol.planner import library as planner_library

RunCli = Callable[..., Result]

# The test command must give the same verdict on every clean clone, so by default the
# properties draw the same examples each run (hypothesis' derandomize, no example database).
# ENDOPROTOCOL_EXPLORE=1 draws new ones each run, to hunt for faults the fixed ones miss.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("ENDOPROTOCOL_EXPLORE") else "ci")


def assert_rejected(result: Result, code: int, *fragments: str) -> None:
    """Refused with `code`; stderr names each fragment; nothing on stdout; no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout[:200], result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.fixture(scope="session")
def _shared_pack_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pack-cache")


@pytest.fixture(autouse=True)
def _isolated_user_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _shared_pack_cache: Path
) -> Path:
    """No test reads the real user's rule packs, nor an override of the built-in ones, nor
    writes to the real user's cache (the compiled-pack cache is shared by a session's tests:
    its key covers every file it depends on).

    The tool's own variable decides on every platform; XDG_CONFIG_HOME is set as well so
    that nothing else reached through platformdirs touches the real home either.
    """
    config = tmp_path / "xdg-config"
    config.mkdir()
    monkeypatch.setenv(CONFIG_ENV, str(config / "endoprotocol"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv(CACHE_ENV, str(_shared_pack_cache))
    monkeypatch.delenv(RULES_ENV, raising=False)
    return config


@pytest.fixture
def cli() -> RunCli:
    """`cli("plan", "--age", "40", input=...)` runs the app in-process.

    The result has .exit_code, .stdout and .stderr (kept apart); `input` feeds stdin.
    """
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None) -> Result:
        return runner.invoke(app, list(args), input=input)

    return run


@pytest.fixture(scope="session")
def ruleset() -> endoprotocol.RuleSet:
    """The built-in rule packs only (no user directory, no environment override)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return endoprotocol.load_rules(user_dir=False)


@pytest.fixture(scope="session")
def library() -> endoprotocol.Library:
    """The built-in exercise library."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return endoprotocol.load_library(builtin_rules_dir())


@pytest.fixture
def cached_rules(
    monkeypatch: pytest.MonkeyPatch,
    ruleset: endoprotocol.RuleSet,
    library: endoprotocol.Library,
) -> None:
    """The CLI plans from the session's built-in rules instead of reading them from disk.

    For tests of the profile path run hundreds of times: loading is most of a run's time.
    """
    monkeypatch.setattr(loader, "load_rules", lambda *_args, **_kwargs: ruleset)
    monkeypatch.setattr(planner_library, "load_library", lambda *_args, **_kwargs: library)
    # `knowledge` binds both names when it is first imported: patched there too, and put
    # back after the test (imported for the first time under this fixture, it would keep
    # the stand-ins, and a later test's --rules pack would be silently ignored)
    monkeypatch.setattr(knowledge, "load_rules", lambda *_args, **_kwargs: ruleset)
    monkeypatch.setattr(knowledge, "load_library", lambda *_args, **_kwargs: library)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print how many generated cases each fuzz test ran (recorded as a `cases` property)."""
    rows = [
        (report.nodeid, value)
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == "cases"
    ]
    if rows:
        terminalreporter.write_sep("-", f"fuzz cases: {sum(v for _, v in rows)}")
        for nodeid, value in sorted(rows):
            terminalreporter.write_line(f"{value:6} {nodeid}")
    checks = [
        (report.nodeid, name.removeprefix("check:"), value)
        for report in terminalreporter.stats.get("passed", [])
        for name, value in getattr(report, "user_properties", [])
        if name.startswith("check:")
    ]
    if checks:
        terminalreporter.write_sep("-", "audit checks: plans each check applied to")
        for nodeid, name, value in sorted(checks):
            terminalreporter.write_line(f"{value:6} {name}  ({nodeid.split('::')[-1]})")
