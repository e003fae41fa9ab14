"""The terminal view: what matters first, every line within the width, colour only when wanted.

Snapshots (tests/golden/terminal/NAME-WIDTH.txt) freeze the view without colour at 80 and
120 columns for the built-in examples and the profiles in tests/fixtures/profiles (a
referral-only and a pregnancy plan among them). Each snapshot also gets hand-written checks
that hold whatever the exact exercises are. Regenerate with ENDOPROTOCOL_UPDATE_GOLDEN=1.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from endoprotocol import Library, Plan, RuleSet, build_plan, parse_profile
from endoprotocol.errors import OutOfScopeError
from endoprotocol.render.terminal import render_table
from endoprotocol.sources import example_names, example_text, read_profile_text
from tests.conftest import RunCli
from tests.snapshot import check_snapshot
from tests.strategies import profiles

SNAPSHOTS = Path(__file__).parent / "golden" / "terminal"
FIXTURES = Path(__file__).parent / "fixtures" / "profiles"
PROFILES = [*example_names(), *sorted(p.stem for p in FIXTURES.glob("*.yaml"))]
WIDTHS = [80, 120]
WEEK = re.compile(r"^Week 1 ─", re.M)
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")


def _profile_text(name: str) -> tuple[bytes, str]:
    path = FIXTURES / f"{name}.yaml"
    if path.exists():
        return path.read_bytes(), str(path)
    return example_text(name), f"example {name}"


def _plan(ruleset: RuleSet, library: Library, name: str) -> Plan:
    text, origin = _profile_text(name)
    return build_plan(parse_profile(read_profile_text(text, origin)), ruleset, library)


def _before_the_week(text: str) -> str:
    found = WEEK.search(text)
    assert found, "the view has no Week 1 section"
    return text[: found.start()]


def test_the_snapshot_set_covers_a_referral_and_a_pregnancy(
    ruleset: RuleSet, library: Library
) -> None:
    assert len(PROFILES) >= 6
    plans = [_plan(ruleset, library, name) for name in PROFILES]
    assert any(p.screening.referral_only for p in plans)
    assert any("pregnancy" in p.profile["conditions"] for p in plans)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PROFILES)
def test_terminal_view_snapshot(ruleset: RuleSet, library: Library, name: str, width: int) -> None:
    plan = _plan(ruleset, library, name)
    text = render_table(plan, width=width, color=False)
    check_snapshot(SNAPSHOTS / f"{name}-{width}.txt", text)

    assert not ANSI_SGR.search(text)
    too_wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    head = _before_the_week(text)
    if plan.screening.clearance != "none" or plan.screening.referral_only:
        assert "Screening" in head
        for step in plan.screening.next_steps:
            assert step.split()[0] in head
    for w in plan.warnings:
        if w.severity in ("high", "medium"):
            assert f"{w.code}:" in head, f"{w.severity} warning {w.code} is not before the week"
        else:
            assert f"{w.code}:" not in head, f"{w.code} (info) comes before the week"
    if plan.screening.referral_only:
        assert "SEE A CLINICIAN FIRST" in head
        assert "No sessions are planned" in text
    else:
        for day in plan.days:
            for s in day.sessions:
                for e in s.exercises:
                    assert e.name.split()[0] in text
    assert text.rstrip().endswith("╯"), "the disclaimer comes last"


@pytest.mark.parametrize("width", [40, 60, 100, 200])
def test_no_line_is_wider_than_the_width(ruleset: RuleSet, library: Library, width: int) -> None:
    for name in PROFILES:
        text = render_table(
            _plan(ruleset, library, name), width=width, full=True, alternatives=True
        )
        assert max(cell_len(line) for line in text.splitlines()) <= width, name


def test_the_order_of_the_sections(ruleset: RuleSet, library: Library) -> None:
    text = render_table(_plan(ruleset, library, "metabolic-t2d-62"), width=100)
    order = [
        "Weekly exercise plan:",
        "Screening",
        "Warnings ─",
        "Week 1 ─",
        "Sessions ─",
        "Other notes ─",
        "Progression across the block ─",
        "Guidelines (week 1) ─",
        "Expected effects ─",
        "References ─",
        "Please read",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_exercises_show_dose_rest_effort_and_a_cue(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    text = render_table(plan, width=400)
    lift = next(e for d in plan.days for s in d.sessions for e in s.exercises if e.reps)
    assert re.search(rf"{re.escape(lift.name)}: \d+ x [\d-]+, rest [\d-]+ (s|min), ", text)
    assert lift.notes in text
    assert "or: " not in text
    with_alternatives = render_table(plan, width=400, alternatives=True)
    assert f"or: {', '.join(lift.alternatives)}" in with_alternatives


def test_compact_stops_after_the_week(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "metabolic-t2d-62")
    text = render_table(plan, width=80, compact=True)
    assert "Week 1 ─" in text
    assert "diabetes-glucose-safety" in text
    for later in ("Sessions ─", "Progression", "Expected effects", "References ─"):
        assert later not in text
    assert len(text.splitlines()) < len(render_table(plan, width=80).splitlines()) / 3


def test_effects_are_one_line_per_target_unless_full(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    short = render_table(plan, width=400)
    long = render_table(plan, width=400, full=True)
    targets = {e.target.value.replace("_", "-") for e in plan.expected_effects}
    section = short[short.index("Expected effects ─") : short.index("References ─")]
    assert len([line for line in section.splitlines() if line.split(" ")[0] in targets]) == len(
        targets
    )
    assert plan.expected_effects[0].explanation not in short
    flat = " ".join(long.split())  # a long explanation may wrap even at 400 columns
    assert all(" ".join(e.explanation.split()) in flat for e in plan.expected_effects)


def test_progression_marks_the_deload(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    text = render_table(plan, width=80)
    deloads = [w.week for w in plan.weeks if w.deload]
    assert deloads
    for week in deloads:
        assert re.search(rf"^Week {week} deload █", text, re.M)


def test_departures_are_shown_when_the_plan_has_them(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "muscle-trt-45")
    object.__setattr__(plan, "departures", [])
    assert "departs from the source" not in render_table(plan)
    departure = {
        "topic": "Rest between sets",
        "source_says": "30 seconds for growth hormone.",
        "plan_does": "1-3 minutes.",
        "why": "Longer rests build more muscle.",
        "references": ["schoenfeld-2016"],
    }
    object.__setattr__(plan, "departures", [departure])
    text = render_table(plan, width=80)
    assert "Where this plan departs from the source" in text
    assert "The source says: 30 seconds" in text
    assert "[schoenfeld-2016]" in text


def test_a_dumb_terminal_gets_plain_characters(ruleset: RuleSet, library: Library) -> None:
    text = render_table(_plan(ruleset, library, "muscle-trt-45"), width=80, ascii=True)
    assert not re.search("[\u2500-\u259f\u00b7]", text), "box drawing or block characters"
    assert "#" in text
    assert "+---" in text


def test_colour_is_used_only_when_asked(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library, "metabolic-t2d-62")
    assert ANSI_SGR.search(render_table(plan, color=True))
    assert not ANSI_SGR.search(render_table(plan, color=False))


# --- the real command on a pseudo-terminal --------------------------------------------------------


def _on_a_terminal(*args: str, columns: int = 90, **env: str) -> str:
    """Run `endoprotocol` with stdout on a pseudo-terminal `columns` wide; return what it
    printed."""
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    environ.update({"TERM": "xterm-256color", **env})
    process = subprocess.Popen(
        [sys.executable, "-m", "endoprotocol", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environ,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            raise AssertionError("no output from the command on the pseudo-terminal")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(60) == 0, process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


PERSON = ("plan", "--example", "metabolic-t2d-62")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_gets_the_table_in_colour_at_its_own_width() -> None:
    shown = _on_a_terminal(*PERSON, columns=90)
    assert ANSI_SGR.search(shown), "the check below could not see colour if there were any"
    plain = ANSI_SGR.sub("", shown)
    assert "Week 1 ─" in plain
    assert max(cell_len(line) for line in plain.splitlines()) <= 90


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("args", "env"),
    [((), {"NO_COLOR": "1"}), (("--no-color",), {}), ((), {"TERM": "dumb"})],
    ids=["NO_COLOR=1", "--no-color", "TERM=dumb"],
)
def test_no_colour_codes_when_colour_is_refused(args: tuple[str, ...], env: dict[str, str]) -> None:
    shown = _on_a_terminal(*PERSON, *args, **env)
    assert "Week 1" in shown
    assert "\x1b[" not in shown


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_columns_sets_the_width_on_a_terminal() -> None:
    shown = ANSI_SGR.sub("", _on_a_terminal(*PERSON, "--compact", columns=150, COLUMNS="80"))
    assert max(cell_len(line) for line in shown.splitlines()) == 80


# --- over generated profiles -----------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles(dense=True), width=st.integers(40, 160), full=st.booleans())
def test_any_plan_fits_any_width_with_what_matters_first(
    ruleset: RuleSet, library: Library, data: dict[str, object], width: int, full: bool
) -> None:
    try:
        plan = build_plan(parse_profile(data), ruleset, library)
    except OutOfScopeError:
        return
    text = render_table(plan, width=width, full=full, alternatives=full)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    head = _before_the_week(text)
    for w in plan.warnings:
        if w.severity == "high":
            assert f"{w.code}:" in head
    if plan.screening.clearance != "none":
        assert "Screening" in head


# --- through the command ---------------------------------------------------------------------------


def test_a_table_in_a_file_or_pipe_is_80_columns_without_colour(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    result = cli("plan", "--example", "muscle-trt-45", "-o", str(tmp_path / "plan.txt"))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "plan.txt").read_text(encoding="utf-8")
    assert max(cell_len(line) for line in text.splitlines()) == 80
    assert "\x1b[" not in text
    piped = cli("plan", "--example", "muscle-trt-45", "-f", "table", "--compact").stdout
    assert max(cell_len(line) for line in piped.splitlines()) <= 80
    assert "Sessions ─" not in piped


def test_view_flags_say_when_the_format_ignores_them(cli: RunCli) -> None:
    result = cli("plan", "--example", "muscle-trt-45", "-f", "json", "--compact", "--full")
    assert result.exit_code == 0
    assert "note: --compact shapes the table and markdown; json leaves it out" in result.stderr
    assert "note: --full" in result.stderr


def test_no_color_is_accepted_for_every_format(cli: RunCli) -> None:
    result = cli("plan", "--example", "muscle-trt-45", "-f", "markdown", "--no-color")
    assert result.exit_code == 0
    assert result.stderr == ""
