"""The command line under attack (issue 14): streams, paths, dates, flags that did nothing,
unbounded messages, and check commands' exit codes. Each kind at its smallest input."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import RunCli, assert_rejected
from tests.packs import write_pack
from tests.test_robustness import CONSOLE_SCRIPT, _blocked_reading_a_pipe, needs_console_script

PERSON = ("--age", "40", "--sex", "female", "--goal", "strength")


# --- check commands ------------------------------------------------------------------------------

TEST_PACK = """\
rules:
  - id: r
    title: A note
    phase: annotate
    then:
      - note: {{modality: all, text: Hello.}}
    because: test
    references: [who-2020]
tests:
  - name: t
    profile: {profile}
    expect: {{no_modalities: [resistance]}}
"""


def test_a_failing_pack_test_is_exit_6_not_1(cli: RunCli, tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "mine",
        {"rules.yaml": TEST_PACK.format(profile="{age: 40, sex: male, goals: [strength]}")},
    )
    result = cli("rules", "test", "--no-user-rules", str(pack))
    assert result.exit_code == 6, result.stderr
    assert "FAIL mine: t" in result.stdout


def test_an_invalid_test_profile_is_a_pack_error(cli: RunCli, tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "mine",
        {"rules.yaml": TEST_PACK.format(profile="{age: 250, sex: male, goals: [strength]}")},
    )
    result = cli("rules", "test", "--no-user-rules", str(pack))
    assert_rejected(
        result,
        4,
        f"{pack / 'rules.yaml'}:10:5: error: pack test 't': invalid profile: age: must be at most "
        "120 (got 250) [invalid-test-profile]",
    )


def test_an_unknown_phase_is_a_usage_error(cli: RunCli) -> None:
    assert_rejected(
        cli("rules", "list", "--phase", "saftey"), 2, "no phase 'saftey'", "did you mean 'safety'?"
    )


# --- the saved profile ------------------------------------------------------------------------------


def test_a_saved_profile_that_is_not_utf8_is_exit_3(cli: RunCli) -> None:
    from endoprotocol.engine.loader import saved_profile_path

    saved = saved_profile_path()
    saved.parent.mkdir(parents=True)
    saved.write_bytes(b"age: 45\nsex: \xff\n")
    assert_rejected(cli("profile", "show"), 3, "is not valid UTF-8 (byte 13)")
    assert_rejected(cli("plan"), 3, "is not valid UTF-8")


# --- dates --------------------------------------------------------------------------------------------


def test_a_start_near_year_9999_is_a_usage_error(cli: RunCli) -> None:
    result = cli("plan", *PERSON, "-f", "ics", "--start", "9999-12-20")
    assert_rejected(
        result, 2, "--start 9999-12-20 is too late: a 4-week block would end after 9999-12-31"
    )
    late = cli("plan", *PERSON, "-f", "ics", "--start", "9999-11-29")
    assert late.exit_code == 0, late.stderr


def test_nothing_is_dated_before_start(cli: RunCli) -> None:
    result = cli("plan", *PERSON, "-f", "csv", "--start", "2027-01-06")  # a Wednesday
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "note: the block starts on Monday 2027-01-11, the first Monday on or after --start 2027-01-06\n"
    )
    dates = [date.fromisoformat(row["date"]) for row in csv.DictReader(io.StringIO(result.stdout))]
    assert min(dates) >= date(2027, 1, 6)


# --- flags that did nothing or the wrong thing ------------------------------------------------------------


def test_output_extension_chooses_the_format(cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = cli("plan", *PERSON, "-o", str(target), "--start", "2027-01-04")
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith("BEGIN:VCALENDAR")


def test_a_format_that_contradicts_the_extension_is_refused(cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = cli("plan", *PERSON, "-f", "json", "-o", str(target))
    assert_rejected(result, 2, f"--format json does not match --output {target}")
    assert not target.exists()


def test_output_dash_is_stdout(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("plan", *PERSON, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (
            ("-f", "markdown", "--explain"),
            "note: --explain shows in table, json and yaml output; markdown leaves it out",
        ),
        (
            ("-f", "json", "--start", "2027-01-04"),
            "note: --start dates only csv and ics output; json has no dates",
        ),
    ],
)
def test_a_flag_the_format_cannot_show_is_said(
    cli: RunCli, args: tuple[str, ...], note: str
) -> None:
    result = cli("plan", *PERSON, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == note + "\n"


def test_list_flags_repeat_and_take_commas_alike(cli: RunCli) -> None:
    import json

    repeated = cli(
        "plan", *PERSON, "--goal", "muscle", "--days", "mon", "--days", "wed", "-f", "json"
    )
    commas = cli(
        "plan", *PERSON[:4], "--goal", "strength,muscle", "--days", "mon,wed", "-f", "json"
    )
    assert repeated.exit_code == commas.exit_code == 0, (repeated.stderr, commas.stderr)
    one, two = json.loads(repeated.stdout)["profile"], json.loads(commas.stdout)["profile"]
    assert one["days"] == two["days"] == ["monday", "wednesday"]
    assert one["goals"] == two["goals"] == ["strength", "muscle"]


def test_output_onto_the_profile_is_refused(cli: RunCli, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("age: 45\nsex: female\ngoals: [strength]\n")
    result = cli("plan", "-p", str(profile), "-o", str(tmp_path / "." / "me.yaml"))
    assert_rejected(result, 2, "is the profile file; writing the plan would replace it")
    assert profile.read_text().startswith("age: 45")


# --- OS path errors -----------------------------------------------------------------------------------


def test_path_errors_are_named_not_bugs(cli: RunCli, tmp_path: Path) -> None:
    long = str(tmp_path / ("x" * 300))
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert_rejected(cli("plan", "-p", long), 3, "File name too long")
    assert_rejected(cli("plan", "-p", str(loop)), 3, "Too many levels of symbolic links")
    assert_rejected(
        cli("plan", *PERSON, "-o", long), 2, "cannot write output:", "File name too long"
    )
    assert_rejected(cli("plan", *PERSON, "-o", str(loop)), 2, "cannot write output:", "loop")
    assert len(cli("plan", "-p", long).stderr) < 400


# --- bounded messages -----------------------------------------------------------------------------------


def test_a_huge_value_and_many_bad_items_give_a_bounded_message(cli: RunCli) -> None:
    huge = "age: 45\nsex: female\ngoals: ['" + "x" * 1_000_000 + "']\n"
    assert_rejected(
        cli("plan", "-p", "-", input=huge[:999_000] + "']\n"), 3, "goals[0]: unknown value"
    )
    many = "age: 45\nsex: female\ngoals: [strength]\nconditions: ["
    many += ",".join(f"b{i}" for i in range(100_000)) + "]\n"
    result = cli("plan", "-p", "-", input=many)
    assert result.exit_code == 3
    assert len(result.stderr) < 60_000
    assert "... and " in result.stderr
    assert " more" in result.stderr


# --- streams, encodings and signals (a real process) ---------------------------------------------------------


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # the return code is what is checked
        [str(CONSOLE_SCRIPT), *args],
        capture_output=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


@needs_console_script
@pytest.mark.parametrize(
    ("closed", "args", "code"),
    [
        (1, ["plan", "--example", "muscle-trt-45", "-f", "json"], 0),  # >&-
        (1, ["plan", "--age", "10", "--sex", "male", "--goal", "strength"], 5),
        (2, ["plan", "--age", "250", "--sex", "male", "--goal", "strength"], 3),  # 2>&-
        (0, ["plan", "-p", "-"], 3),  # <&-: an empty stdin
    ],
)
def test_a_closed_standard_stream_keeps_the_exit_code(
    closed: int, args: list[str], code: int
) -> None:
    script = f"import os, sys; os.close({closed}); os.execv(sys.argv[1], sys.argv[1:])"
    done = subprocess.run(
        [sys.executable, "-c", script, str(CONSOLE_SCRIPT), *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == code, done.stderr
    assert b"Traceback" not in done.stderr


@needs_console_script
def test_a_stderr_pipe_without_reader_keeps_the_exit_code() -> None:
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "plan", "--age", "250", "--sex", "male", "--goal", "strength"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    process.stderr.close()
    assert process.wait(timeout=120) == 3


@needs_console_script
def test_a_closed_stdout_pipe_keeps_a_failing_checks_exit_code(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "mine",
        {"rules.yaml": TEST_PACK.format(profile="{age: 40, sex: male, goals: [strength]}")},
    )
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "rules", "test", "--no-user-rules", str(pack)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    assert process.wait(timeout=120) == 6
    assert process.stderr.read() == b""


@needs_console_script
@pytest.mark.parametrize("fmt", ["json", "yaml", "markdown", "csv", "ics", "table"])
def test_a_stdout_that_cannot_encode_utf8(fmt: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = _run(["plan", "--example", "muscle-trt-45", "-f", fmt, "--start", "2027-01-04"], env=env)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("utf-8")  # UTF-8 bytes (the table on a terminal falls back to ASCII)


def test_the_table_falls_back_to_ascii_for_an_ascii_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from endoprotocol.cli import common

    monkeypatch.setattr(common, "terminal_encoding", "ascii")
    text = common.for_terminal("┏━━┓ Moderate — 65–75% ≥ 3 café\n")
    assert text == "+--+ Moderate - 65-75% >= 3 cafe\n"


@needs_console_script
def test_sigterm_exits_143_like_ctrl_c() -> None:
    if not Path("/proc/self/wchan").exists():
        pytest.skip("needs /proc/<pid>/wchan (Linux)")
    process = subprocess.Popen(
        [str(CONSOLE_SCRIPT), "plan", "--profile", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while not _blocked_reading_a_pipe(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 143
    assert stdout == b""
    assert stderr.decode() == "terminated\n"


def test_sigterm_while_writing_output_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from endoprotocol import sources
    from endoprotocol.cli.common import Terminated

    def terminated(_fd: int) -> None:
        raise Terminated

    monkeypatch.setattr(sources.os, "fsync", terminated)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Terminated):
        sources.write_atomic(str(folder / "plan.json"), "{}")
    assert list(folder.iterdir()) == []
