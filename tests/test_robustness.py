"""Bad input never crashes the tool (issue 9): one clear message, the documented exit code,
nothing on stdout, no traceback, nothing written to --output.

docs/errors.md lists every class of bad input below with its exit code, a real message and the
test that checks it; keep the two in step.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from endoprotocol.yamlio import MAX_BYTES
from tests.strategies import profiles

RunCli = Callable[..., Result]

CONSOLE_SCRIPT = Path(sys.executable).with_name("endoprotocol")
FUZZ_EXAMPLES = int(os.environ.get("ENDOPROTOCOL_FUZZ_EXAMPLES", "300"))
ALLOWED_EXITS = {0, 2, 3, 5}
LABELS = ("usage error:", "invalid profile:", "out of scope:", "cannot write output:")
VALID = "age: 45\nsex: female\ngoals: [strength]\n"
BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def assert_one_clear_message(result: Result, code: int, *fragments: str) -> None:
    """`code`; stdout empty; stderr starts with a label, names every fragment; no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout[:200], result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(LABELS), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


# --- bad profile files ------------------------------------------------------------------------------


class Bad(NamedTuple):
    """A bad profile: its bytes and what the message must say (exit code 3 for all)."""

    name: str
    content: bytes
    says: tuple[str, ...]


def bad(name: str, content: bytes, *says: str) -> Bad:
    return Bad(name, content, says)


BAD_FILES = [
    bad("age-as-text", b"age: forty\nsex: male\ngoals: [muscle]\n", "age: must be a whole number"),
    bad("age-as-list", b"age: [45]\nsex: male\ngoals: [muscle]\n", "age: must be a whole number"),
    bad("goals-as-mapping", b"age: 45\nsex: male\ngoals: {muscle: 1}\n", "goals: must be a list"),
    bad("active-as-text", VALID.encode() + b"currently_active: 'maybe'\n", "currently_active"),
    bad("age-0", b"age: 0\nsex: male\ngoals: [muscle]\n", "age: must be at least 1 (got 0)"),
    bad(
        "age-minus-5", b"age: -5\nsex: male\ngoals: [muscle]\n", "age: must be at least 1 (got -5)"
    ),
    bad("age-250", b"age: 250\nsex: male\ngoals: [muscle]\n", "age: must be at most 120 (got 250)"),
    bad(
        "minutes-0",
        VALID.encode() + b"minutes_per_session: 0\n",
        "minutes_per_session: must be at least 15",
    ),
    bad(
        "days-per-week-0",
        VALID.encode() + b"days_per_week: 0\n",
        "days_per_week: must be at least 1",
    ),
    bad(
        "days-per-week-8",
        VALID.encode() + b"days_per_week: 8\n",
        "days_per_week: must be at most 7",
    ),
    bad(
        "unknown-goal",
        b"age: 45\nsex: male\ngoals: [strenght]\n",
        "goals[0]: unknown value 'strenght'; did you mean 'strength'?",
        "(accepted: muscle,",
    ),
    bad(
        "unknown-therapy",
        VALID.encode() + b"therapies: [gh-peptid]\n",
        "therapies: unknown value 'gh-peptid'; did you mean 'gh-peptide'?",
    ),
    bad(
        "unknown-condition",
        VALID.encode() + b"conditions: [osteoporosiss]\n",
        "conditions[0]: unknown value 'osteoporosiss'; did you mean 'osteoporosis'?",
    ),
    bad(
        "unknown-key",
        VALID.encode() + b"experiance: advanced\n",
        "unknown key 'experiance' in the profile; did you mean 'experience'?",
        "(accepted: age,",
    ),
    bad(
        "male-pregnancy",
        b"age: 30\nsex: male\ngoals: [muscle]\nconditions: [pregnancy]\n",
        "sex is male but the profile lists pregnancy",
    ),
    bad(
        "days-disagree",
        VALID.encode() + b"days: [mon]\ndays_per_week: 3\n",
        "days lists 1 day(s) but days_per_week is 3",
    ),
    bad(
        "none-beside-therapy",
        VALID.encode() + b"therapies: [none, trt]\n",
        "'none' cannot be listed beside a therapy (trt)",
    ),
    bad("empty", b"", "is empty; a profile needs at least age, sex and goals"),
    bad("only-comments", b"# my profile\n\n   \n", "is empty"),
    bad(
        "invalid-utf8",
        VALID.encode() + b"experience: \xff\xfe\n",
        ":4:1: the profile is not valid UTF-8",
    ),
    bad(
        "binary-garbage",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
        "the profile is binary, not YAML or JSON text",
    ),
    bad("utf16", VALID.encode("utf-16"), "the profile is binary"),
    bad("yaml-list", b"- age: 45\n- sex: male\n", "holds a list; a profile is a mapping"),
    bad("yaml-scalar", b"45\n", "holds a single value (45); a profile is a mapping"),
    bad(
        "yaml-syntax",
        b"age: 45\n  sex: male\n",
        ":2:6: YAML syntax: mapping values are not allowed",
    ),
    bad(
        "two-documents",
        VALID.encode() + b"---\nage: 50\n",
        ":4:1: YAML syntax:",
        "expected a single document",
    ),
    bad(
        "duplicate-key",
        VALID.encode() + b"age: 46\n",
        ":4:1: duplicate key 'age' (first given on line 1)",
    ),
    bad("alias-bomb", BOMB.encode(), ":1:4: anchors and aliases (&name / *name) are not allowed"),
    bad(
        "merge-key", b"base: {age: 45}\n<<: {sex: male}\n", ":2:1: merge keys (<<) are not allowed"
    ),
    bad(
        "python-object-tag",
        b"age: !!python/object/apply:os.system ['echo pwned']\nsex: male\ngoals: [muscle]\n",
        ":1:6: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    bad(
        "python-name-tag",
        b"age: !!python/name:os.system ''\nsex: male\ngoals: [muscle]\n",
        ":1:6: unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'",
    ),
    bad(
        "set-tag",
        b"age: 45\nsex: male\ngoals: !!set {muscle: null}\n",
        ":3:8: unsupported YAML tag",
    ),
    bad(
        "deep-nesting",
        b"age: " + b"[" * 5000 + b"]" * 5000 + b"\n",
        "YAML syntax: while increasing flow level, exceeded maximum nesting depth",
    ),
    bad(
        "nesting-under-the-parsers-limit",
        b"age: " + b"[" * 990 + b"]" * 990 + b"\n",
        ":1:69: lists and mappings are nested more than 64 levels deep",
    ),
    bad(
        "control-character",
        b'age: 45\nsex: "fe\\e[2Jmale"\ngoals: [strength]\n',
        ":2:6: sex: text holds the control character '\\x1b'",
    ),
    bad(
        "json-trailing-garbage",
        b'{"age": 45, "sex": "male", "goals": ["muscle"]} }',
        ":1:49: YAML syntax:",
    ),
    bad(
        "too-large",
        b"# " + b"x" * MAX_BYTES + b"\n" + VALID.encode(),
        "larger than 1,000,000 bytes",
    ),
]


@pytest.mark.parametrize("case", BAD_FILES, ids=lambda case: case.name)
def test_a_bad_profile_file_is_refused_cleanly(cli: RunCli, tmp_path: Path, case: Bad) -> None:
    source = tmp_path / "profile.yaml"
    source.write_bytes(case.content)
    target = tmp_path / "plan.json"
    result = cli("plan", "--profile", str(source), "--output", str(target))
    assert_one_clear_message(result, 3, *case.says)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile.yaml", "xdg-config"]


@pytest.mark.parametrize("case", BAD_FILES, ids=lambda case: case.name)
def test_the_same_bad_profile_on_stdin_is_refused_the_same_way(cli: RunCli, case: Bad) -> None:
    result = cli("plan", "--profile", "-", input=case.content)
    assert_one_clear_message(result, 3, *case.says)


def test_stdin_is_read_no_further_than_the_size_limit(
    cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An endless stdin (`yes | endoprotocol plan -p -`) is cut off, not read into memory."""
    asked: list[int] = []

    class Endless:
        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            assert size > 0, "stdin read without a limit"
            return b"y" * size

    from endoprotocol import sources

    real = sources.read_stdin
    monkeypatch.setattr(sources, "read_stdin", lambda _stream: real(Endless()))  # type: ignore[arg-type]
    result = cli("plan", "--profile", "-")
    assert_one_clear_message(result, 3, "stdin is larger than 1,000,000 bytes")
    assert asked == [MAX_BYTES + 1]


def test_a_file_at_the_size_limit_is_still_read(cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "profile.yaml"
    padding = MAX_BYTES - len(VALID) - 3
    source.write_bytes(b"# " + b"x" * padding + b"\n" + VALID.encode())
    assert source.stat().st_size == MAX_BYTES
    result = cli("plan", "--profile", str(source), "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_a_utf8_bom_is_accepted(cli: RunCli) -> None:
    result = cli(
        "plan", "--profile", "-", "--format", "json", input=b"\xef\xbb\xbf" + VALID.encode()
    )
    assert result.exit_code == 0, result.stderr


def test_a_missing_profile_file(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert_one_clear_message(
        cli("plan", "--profile", str(missing)), 3, f"profile file {missing} does not exist"
    )


def test_a_directory_instead_of_a_profile_file(cli: RunCli, tmp_path: Path) -> None:
    assert_one_clear_message(
        cli("plan", "--profile", str(tmp_path)),
        3,
        f"{tmp_path} is a directory; give the path of a profile file",
    )


def test_every_problem_in_a_profile_is_named_at_once(cli: RunCli) -> None:
    text = "age: 0\nsex: robot\ngoals: [muscle]\nminutes_per_session: 500\n"
    result = cli("plan", "--profile", "-", input=text)
    assert_one_clear_message(result, 3, "age:", "sex:", "minutes_per_session:")
    assert len(result.stderr.splitlines()) == 3


# --- output that cannot be written ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "fragment"),
    [
        ("missing/plan.json", "missing does not exist"),
        ("a-file/plan.json", "a-file is not a folder"),
        ("a-folder", "it is a directory"),
    ],
)
def test_output_that_cannot_be_written_is_a_usage_error(
    cli: RunCli, tmp_path: Path, where: str, fragment: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "a-folder").mkdir()
    result = cli("plan", "--example", "muscle-trt-45", "--output", str(tmp_path / where))
    assert_one_clear_message(result, 2, "cannot write output:", fragment)
    assert (tmp_path / "a-file").read_text() == "not a folder"
    assert list((tmp_path / "a-folder").iterdir()) == []


def test_output_to_a_device_writes_through_it(cli: RunCli) -> None:
    """`-o /dev/null` must write to the device, never rename a file over it (as root, it could)."""
    if not Path("/dev/null").is_char_device():
        pytest.skip("needs /dev/null")
    result = cli("plan", "--example", "muscle-trt-45", "--output", "/dev/null")
    assert result.exit_code == 0, result.stderr
    assert Path("/dev/null").is_char_device()


def run_console(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(CONSOLE_SCRIPT), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


needs_console_script = pytest.mark.skipif(
    not CONSOLE_SCRIPT.exists(), reason=f"console script not installed at {CONSOLE_SCRIPT}"
)


@needs_console_script
@pytest.mark.parametrize(
    ("args", "read_first"),
    [
        (("plan", "--example", "muscle-trt-45", "--format", "json"), 0),
        (
            ("plan", "--example", "muscle-trt-45", "--format", "json", "--pretty", "--weeks", "16"),
            10,
        ),
        (("plan", "--example", "muscle-trt-45", "--format", "markdown", "--weeks", "16"), 10),
        (("schema", "plan"), 0),
        (("plan", "--example", "list"), 0),
        (("--help",), 0),
    ],
    ids=["closed-before-writing", "closed-after-10-bytes", "markdown", "schema", "list", "help"],
)
def test_a_reader_that_closes_the_pipe_early_ends_the_run_quietly(
    args: tuple[str, ...], read_first: int
) -> None:
    """`endoprotocol plan ... | head -c 10`: exit 0, no BrokenPipeError on stderr."""
    process = run_console(*args)
    assert process.stdout is not None
    assert process.stderr is not None
    if read_first:
        assert len(process.stdout.read(read_first)) == read_first
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0, stderr
    assert stderr == ""


@needs_console_script
def test_a_full_disk_on_stdout_is_an_output_error() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(CONSOLE_SCRIPT), "plan", "--example", "muscle-trt-45", "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    stderr = done.stderr.decode()
    assert done.returncode == 2, stderr
    assert stderr == "cannot write output: stdout: No space left on device\n"


def _blocked_reading_a_pipe(pid: int) -> bool:
    try:
        return "pipe" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


@needs_console_script
def test_ctrl_c_exits_130_without_a_traceback() -> None:
    if not Path("/proc/self/wchan").exists():
        pytest.skip("needs /proc/<pid>/wchan to see when the process waits on stdin (Linux)")
    process = run_console(
        "plan",
        "--profile",
        "-",
        stdin=subprocess.PIPE,
        # as a shell starts a foreground job: SIGINT handled, even where this test run was
        # itself started in the background with SIGINT ignored (inherited over exec)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 20
    while not _blocked_reading_a_pipe(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stdout == b""
    assert stderr.decode() == "interrupted\n"


# --- markup safety ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "literal"),
    [
        (("--age", "40", "--sex", "male", "--goal", "[red]x[/red]"), "'[red]x[/red]'"),
        (("--example", "[bold]boom[/bold]"), "'[bold]boom[/bold]'"),
        (
            ("--age", "40", "--sex", "[link=http://x]m[/link]", "--goal", "muscle"),
            "[link=http://x]m[/link]",
        ),
    ],
)
def test_user_text_in_messages_is_printed_literally(
    cli: RunCli, args: tuple[str, ...], literal: str
) -> None:
    result = cli("plan", *args)
    assert result.exit_code in {2, 3}
    assert literal in result.stderr
    assert "\x1b[" not in result.stderr


def test_markup_in_a_profile_key_is_printed_literally(cli: RunCli) -> None:
    result = cli("plan", "--profile", "-", input=VALID + "'[bold]k[/bold]': 1\n")
    assert_one_clear_message(result, 3, "unknown key '[bold]k[/bold]'")


# --- fuzzing ----------------------------------------------------------------------------------------------

# No shrink phase: shrinking re-plans hundreds of profiles (minutes), and a failing example
# is already a complete reproducer: it is printed as the exact input that was fed.
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_outcome(result: Result) -> None:
    """The invariant of every run: a documented exit, stdout only on success, no crash."""
    assert result.exit_code in ALLOWED_EXITS, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    if result.exit_code == 0:
        assert result.stderr == ""
        json.loads(result.stdout)
    else:
        assert result.stdout == ""
        assert result.stderr.startswith(LABELS) or "Usage:" in result.stderr, result.stderr


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["none", "Male", "fat_loss", "tues", "128/82", "yes", "1e3", "[red]x"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=8,
)


@st.composite
def mutated_profiles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid profile with one to three things broken, as a person might break it."""
    profile: dict[str, Any] = draw(profiles())
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(sorted(profile)))
        action = draw(st.sampled_from(["drop", "replace", "add", "typo", "upper"]))
        if action == "drop":
            profile.pop(key, None)
        elif action == "replace":
            profile[key] = draw(VALUES)
        elif action == "add":
            profile[draw(st.text(min_size=1, max_size=15))] = draw(VALUES)
        elif action == "typo" and key in profile and len(key) > 2:
            at = draw(st.integers(0, len(key) - 1))
            profile[key[:at] + key[at + 1 :]] = profile.pop(key)
        elif action == "upper" and key in profile:
            profile[key.upper()] = profile.pop(key)
    return profile


def serialize(profile: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(profile, allow_nan=True)
    return yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)


@st.composite
def corrupted_texts(draw: st.DrawFn) -> str:
    """A valid profile's YAML or JSON text with a few characters cut, doubled or replaced."""
    text = serialize(draw(profiles()), draw(st.booleans()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        edit = draw(st.sampled_from(["cut", "insert", "replace"]))
        piece = draw(st.sampled_from(list(":-[]{},'\"&*!|>#%@`\n\t ")) | st.text(max_size=3))
        if edit == "cut":
            text = text[:at] + text[at + 1 :]
        elif edit == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + 1 :]
    return text


def fuzz(
    strategy: st.SearchStrategy[Any], feed: Callable[[Any], Result], examples: int = FUZZ_EXAMPLES
) -> int:
    """Run `feed` on `examples` drawn inputs, checking each outcome; return the count."""
    seen: list[int] = []

    @settings(FUZZ, max_examples=examples)
    @given(strategy)
    def check(value: Any) -> None:
        seen.append(1)
        check_outcome(feed(value))

    check()
    return len(seen)


@pytest.mark.usefixtures("cached_rules")
def test_fuzz_mutated_profiles(cli: RunCli, record_property: Any) -> None:
    count = fuzz(
        st.tuples(mutated_profiles(), st.booleans()),
        lambda drawn: cli("plan", "--profile", "-", input=serialize(*drawn)),
    )
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


@pytest.mark.usefixtures("cached_rules")
def test_fuzz_corrupted_profile_texts(cli: RunCli, record_property: Any) -> None:
    count = fuzz(corrupted_texts(), lambda text: cli("plan", "--profile", "-", input=text))
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


@pytest.mark.usefixtures("cached_rules")
def test_fuzz_arbitrary_text_and_bytes(cli: RunCli, record_property: Any) -> None:
    count = fuzz(
        st.text(max_size=300) | st.binary(max_size=300),
        lambda raw: cli("plan", "--profile", "-", input=raw),
    )
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


# Numbers and booleans as a person might write them (DESIGN.md v1.1): the JSON forms plan, every
# other form that YAML 1.1 or 1.2 reads as a number is refused, showing the text as written.
WRITTEN_FORMS = (
    st.sampled_from(
        [
            *["0170", "045", "1:05", "0o55", "0x2d", "4_5", ".inf", "-.inf", ".nan", "+45", "45."],
            *["-0", "0", "45", "1e3", "4.5e1", "yes", "No", "on", "OFF", "true", "9" * 5000],
        ]
    )
    | st.from_regex(r"[-+]?[0-9_.:xobeE]{1,8}", fullmatch=True)
    | st.integers(-(10**30), 10**30).map(str)
)
FORM_FIELDS = ["age", "minutes_per_session", "currently_active", "blood_pressure"]


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, str]:
    """A valid profile's YAML with one number or boolean written in a drawn form."""
    profile: dict[str, Any] = draw(profiles())
    key = draw(st.sampled_from(FORM_FIELDS))
    form = draw(WRITTEN_FORMS)
    profile.pop(key, None)
    text = yaml.safe_dump(profile, sort_keys=False)
    if key == "blood_pressure":
        return form, text + f"blood_pressure: {{systolic: {form}, diastolic: 60}}\n"
    return form, text + f"{key}: {form}\n"


@pytest.mark.usefixtures("cached_rules")
def test_fuzz_numbers_as_written(cli: RunCli, record_property: Any) -> None:
    from endoprotocol.yamlio import number_problem

    def feed(drawn: tuple[str, str]) -> Result:
        form, text = drawn
        result = cli("plan", "--profile", "-", input=text)
        words = {"yes", "no", "on", "off", "true", "false"}
        if form.lower() not in words and number_problem(form) is not None:
            try:
                yaml11 = yaml.safe_load(f"v: {form}")["v"]
            except (yaml.YAMLError, ValueError):  # PyYAML itself fails on 4,300+ digits
                yaml11 = None
            if isinstance(yaml11, int | float):  # YAML 1.1 would have read a number: refused
                assert result.exit_code == 3, (form, result.stderr)
                assert f"{form[:37]}" in result.stderr
                assert "is not a number here" in result.stderr
        return result

    count = fuzz(written_forms(), feed, examples=FUZZ_EXAMPLES // 3)
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES // 3


FLAG_TEXT = st.text(max_size=12) | st.sampled_from(["40", "-1", "0", "mon,wed", "120/80", "none"])
FLAGS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "--age",
                "--sex",
                "--goal",
                "--therapy",
                "--experience",
                "--days",
                "--days-per-week",
                "--minutes",
                "--equipment",
                "--condition",
                "--blood-pressure",
                "--screening",
            ]
        ),
        FLAG_TEXT,
    ),
    max_size=6,
)


@pytest.mark.usefixtures("cached_rules")
def test_fuzz_flag_values(cli: RunCli, record_property: Any) -> None:
    def feed(pairs: list[tuple[str, str]]) -> Result:
        args = ["--age", "40", "--sex", "female", "--goal", "strength"]
        for flag, value in pairs:
            args += [flag, value]
        return cli("plan", *args)

    count = fuzz(FLAGS, feed)
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


# --- docs/errors.md stays true ---------------------------------------------------------------------------

ERRORS_DOC = Path(__file__).parents[1] / "docs" / "errors.md"


def test_errors_doc_names_only_tests_that_exist() -> None:
    import importlib
    import re

    named = set(re.findall(r"`(test_\w+)::(test_\w+)", ERRORS_DOC.read_text(encoding="utf-8")))
    assert len(named) > 20
    for module, function in sorted(named):
        assert hasattr(importlib.import_module(f"tests.{module}"), function), (module, function)


def test_errors_doc_covers_every_bad_file_case() -> None:
    doc = ERRORS_DOC.read_text(encoding="utf-8")
    missing = [case.name for case in BAD_FILES if f"[{case.name}]" not in doc]
    assert missing == []
