"""`endoprotocol profile init` with no flags: the wizard, answered through stdin.

Answers go in one per line, in the order the questions come: age, sex, goals, experience,
currently active, days, minutes, equipment, conditions, (pregnancy week), therapies, blood
pressure, then the seven PAR-Q+ questions. An empty line keeps the default.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from endoprotocol.cli import wizard
from endoprotocol.engine.loader import CONFIG_ENV
from endoprotocol.profile import Profile, Screening, parse_profile
from endoprotocol.profiletext import VOCABULARY
from endoprotocol.sources import read_profile_text
from tests.conftest import RunCli, assert_rejected
from tests.strategies import profiles

SCREENING = list(Screening.model_fields)


def answers(*lines: str, screening: tuple[str, ...] = ("",) * 7) -> str:
    """The wizard's input: `lines` up to blood pressure, then the PAR-Q+ answers."""
    return "\n".join([*lines, *screening]) + "\n"


# age, sex, goals, experience, active, days, minutes, equipment, conditions, therapies, bp
PLAIN = answers("45", "male", "muscle", "", "", "", "", "", "", "", "")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    return tmp_path / "xdg-config" / "endoprotocol" / "profile.yaml"


def load(path: Path) -> Profile:
    """The saved file read the way `plan` reads a profile file."""
    return parse_profile(read_profile_text(path.read_bytes(), str(path)))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- a whole interview ---------------------------------------------------------------------------


def test_the_wizard_asks_every_field_re_asks_bad_answers_and_saves_what_was_meant(
    cli: RunCli, saved: Path
) -> None:
    text = answers(
        "forty", "45",                     # age: not a number, then a number
        "female",
        "musle, strength", "muscle, strength",   # a typo: the model's suggestion shows
        "expert", "intermediate",
        "maybe", "y",                      # currently active: yes or no
        "mon,wed,fri,sat",
        "045", "200", "60",                # leading zero, out of range, fine
        "barbell, pull-up-bar, bench, trap-bar",
        "knee-pain, pregnancy",
        "50", "20",                        # pregnancy week, asked because pregnant
        "none",
        "80/120", "128/82",                # systolic below diastolic, then right
        screening=("no", "n", "", "", "yes", "", "sometimes", "no"),
    )  # fmt: skip
    result = cli("profile", "init", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    err = result.stderr
    # each refusal gives the model's reason and asks again
    assert "age: must be a whole number (got 'forty')" in err
    assert "did you mean 'muscle'?" in err
    assert "unknown value 'expert'" in err
    assert "screening.currently_active" not in err
    assert "currently_active: must be yes or no (got 'maybe')" in err
    assert "leading zeros are not allowed" in err
    assert "minutes_per_session: must be at most 180 (got 200)" in err
    assert "pregnancy_week: must be at most 42 (got 50)" in err
    assert "systolic (80) must be higher than diastolic (120)" in err
    assert "screening.supervised_activity_only: must be yes or no (got 'sometimes')" in err
    assert err.count("please answer again") == 9
    # the accepted values of every vocabulary are shown
    flat = " ".join(err.split())
    for enum in VOCABULARY.values():
        for value in enum:
            assert value.value in flat, value
    assert f"saved {saved}" in err
    assert load(saved) == Profile.model_validate(
        {
            "age": 45,
            "sex": "female",
            "goals": ["muscle", "strength"],
            "experience": "intermediate",
            "currently_active": True,
            "days": ["monday", "wednesday", "friday", "saturday"],
            "minutes_per_session": 60,
            "equipment": ["barbell", "pull-up-bar", "bench", "trap-bar"],
            "conditions": ["knee-pain", "pregnancy"],
            "pregnancy_week": 20,
            "therapies": [],
            "blood_pressure": {"systolic": 128, "diastolic": 82},
            "screening": {"prescribed_medication": True},
        }
    )


def test_every_profile_field_and_every_parq_question_is_asked() -> None:
    asked = {q.field for q in wizard.QUESTIONS}
    fields = set(Profile.model_fields) - {"screening", "days_per_week"}  # days asks both
    assert {f for f in asked if "." not in f} == fields
    parq = {f.removeprefix("screening.") for f in asked if f.startswith("screening.")}
    assert parq == set(SCREENING)
    # in the order the brief gives: the three required ones first, PAR-Q+ last
    order = [q.field for q in wizard.QUESTIONS]
    assert order[:3] == ["age", "sex", "goals"]
    assert order[-7:] == [f"screening.{name}" for name in SCREENING]


def test_enter_keeps_every_default(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input=PLAIN)
    assert result.exit_code == 0, result.stderr
    assert load(saved) == Profile.model_validate({"age": 45, "sex": "male", "goals": ["muscle"]})
    # the defaults shown are the model's
    for shown in ("experience [beginner]", "days [3]", "minutes_per_session [45]",
                  "equipment [bodyweight, dumbbells, bands]", "conditions [none]",
                  "blood_pressure [unknown]", "chest_pain [no]"):  # fmt: skip
        assert shown in result.stderr


def test_a_number_of_days_is_days_per_week_and_a_male_is_not_asked_a_pregnancy_week(
    cli: RunCli, saved: Path
) -> None:
    text = answers("60", "m", "bone, health", "", "yes", "4", "30", "machines", "", "", "")
    result = cli("profile", "init", input=text)
    assert result.exit_code == 0, result.stderr
    person = load(saved)
    assert person.days is None
    assert person.days_per_week == 4
    assert person.goals == ["bone-density", "general-health"]
    # machines brings its fixtures, and the file lists them (DESIGN.md v1.1)
    assert {"machines", "bench", "pull-up-bar", "dip-bars"} <= set(person.equipment)
    assert "pregnancy_week" not in result.stderr


def test_a_contradiction_is_refused_at_the_answer_that_makes_it(cli: RunCli, saved: Path) -> None:
    text = answers("45", "male", "muscle", "", "", "", "", "", "pregnancy", "none", "", "")
    result = cli("profile", "init", input=text)
    assert result.exit_code == 0, result.stderr
    assert "sex is male but the profile lists pregnancy" in result.stderr
    assert load(saved).conditions == []
    text = answers("45", "male", "muscle", "", "", "", "", "", "", "menopausal-hrt", "trt", "")
    result = cli("profile", "init", "--force", input=text)
    assert result.exit_code == 0, result.stderr
    assert "lists menopausal-hrt" in result.stderr
    assert load(saved).therapies == ["trt"]


def test_the_age_scope_is_said_and_left_to_plan(cli: RunCli, saved: Path) -> None:
    # the model takes 1-120; plans are made for 18-100, which `plan` enforces (exit 5)
    text = answers("16", "female", "strength", *[""] * 8)
    result = cli("profile", "init", input=text)
    assert result.exit_code == 0, result.stderr
    assert "Plans are made for ages 18 to 100." in result.stderr
    assert cli("plan", "-f", "json").exit_code == 5


def test_a_required_question_needs_an_answer(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input="\n" + PLAIN)
    assert result.exit_code == 0, result.stderr
    assert "not accepted: an answer is needed" in result.stderr


def test_endless_bad_answers_stop_with_an_invalid_profile(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input="old\n" * 100)
    assert_rejected(result, 3, "age: no accepted answer after 10 tries", "got 'old'")
    assert not saved.exists()


def test_an_overlong_answer_is_refused_and_the_rest_of_its_line_skipped(
    cli: RunCli, saved: Path
) -> None:
    result = cli("profile", "init", input="4" * 5000 + "\n" + PLAIN)
    assert result.exit_code == 0, result.stderr
    assert "longer than 1000 characters" in result.stderr
    assert load(saved).age == 45


def test_answers_that_are_not_utf8_are_a_usage_error(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input=b"\xff\xfe45\n")
    assert_rejected(result, 2, "not UTF-8")
    assert not saved.exists()


def test_control_characters_in_an_answer_are_refused_never_echoed(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input="\x1b[31m\n" + PLAIN)
    assert result.exit_code == 0, result.stderr
    assert "control characters are not allowed" in result.stderr
    assert "\x1b" not in result.stderr


# --- the file ------------------------------------------------------------------------------------


def test_the_file_is_commented_yaml_readable_by_its_owner_only(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", input=PLAIN)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    lines = saved.read_text(encoding="utf-8").splitlines()
    keys = [line.split(":")[0] for line in lines if line and not line.startswith((" ", "#"))]
    assert keys == [
        "age", "sex", "goals", "therapies", "experience", "days_per_week",
        "minutes_per_session", "equipment", "currently_active", "conditions", "screening",
    ]  # fmt: skip
    # every field, top level and PAR-Q+ alike, has a comment right above it
    for index, line in enumerate(lines):
        if line.strip() and not line.strip().startswith("#"):
            assert lines[index - 1].strip().startswith("#"), line
    # unknown fields are shown, commented out, so a person can fill them in
    assert "# blood_pressure: {systolic: 128, diastolic: 82}    (not given: unknown)" in lines


def test_the_flag_driven_file_is_the_same_commented_yaml(cli: RunCli, saved: Path) -> None:
    result = cli(
        "profile", "init", "--age", "45", "--sex", "female", "--goal", "muscle",
        "--condition", "pregnancy", "--pregnancy-week", "12", "--blood-pressure", "118/76",
        "--days-per-week", "2", "--screening", "chest_pain", "--equipment", "machines,barbell",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    person = load(saved)
    assert person.pregnancy_week == 12
    assert person.blood_pressure is not None
    assert person.blood_pressure.systolic == 118
    assert person.screening.chest_pain is True
    assert person.days_per_week == 2
    assert "# Week of pregnancy (1-42)" in saved.read_text()


@pytest.mark.parametrize(
    "profile",
    [
        {"age": 45, "sex": "male", "goals": "muscle"},
        {"age": 30, "sex": "female", "goals": "fat-loss,endurance", "days": "tue,sat"},
        {
            "age": 70, "sex": "female", "goals": ["bone-density"], "therapies": ["menopausal-hrt"],
            "conditions": ["osteoporosis", "falls-history"], "currently_active": True,
            "blood_pressure": "150/95", "equipment": ["suspension-trainer", "door-anchor"],
            "screening": dict.fromkeys(SCREENING, True),
        },
    ],
)  # fmt: skip
def test_the_commented_yaml_loads_back_to_the_same_profile(profile: dict[str, Any]) -> None:
    from endoprotocol.profiletext import commented_yaml

    person = Profile.model_validate(profile)
    text = commented_yaml(person)
    assert parse_profile(read_profile_text(text.encode(), "saved")) == person


def test_output_saves_elsewhere_with_the_same_care(cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    result = cli("profile", "init", "-o", str(target), input=PLAIN)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert f"plan with: endoprotocol plan --profile {target}" in result.stderr
    planned = cli("plan", "--profile", str(target), "-f", "json")
    assert planned.exit_code == 0, planned.stderr


# --- never overwrite without asking ----------------------------------------------------------------


def test_an_existing_profile_is_replaced_only_when_the_person_says_yes(
    cli: RunCli, saved: Path
) -> None:
    assert cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle").exit_code == 0
    saved.chmod(0o644)
    before = saved.read_bytes()
    # no (or Enter): kept, nothing asked
    for no in ("n\n", "\n", "no\n"):
        result = cli("profile", "init", input=no + PLAIN)
        assert result.exit_code == 0, result.stderr
        assert "A profile is already saved at" in result.stderr
        assert "kept" in result.stderr
        assert "How old" not in result.stderr
        assert saved.read_bytes() == before
    # an unclear answer is asked again; yes replaces after the questions, and mode 600 again
    result = cli("profile", "init", input="perhaps\ny\n" + PLAIN)
    assert result.exit_code == 0, result.stderr
    assert "please answer yes or no" in result.stderr
    assert load(saved).age == 45
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    # --force replaces without asking
    result = cli("profile", "init", "--force", input=answers("50", *PLAIN.splitlines()[1:11]))
    assert result.exit_code == 0, result.stderr
    assert "already saved" not in result.stderr
    assert load(saved).age == 50


def test_flags_without_a_terminal_never_replace_without_force(cli: RunCli, saved: Path) -> None:
    assert cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle").exit_code == 0
    again = cli("profile", "init", "--age", "41", "--sex", "male", "--goal", "muscle")
    assert_rejected(again, 2, f"a saved profile already exists at {saved}", "--force")
    assert load(saved).age == 40


def test_a_file_that_appears_during_the_questions_is_not_replaced(
    cli: RunCli, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = wizard.ask_on_stdin

    def ask_while_another_saves(prompt: str) -> str:
        if prompt.startswith("supervised_activity_only"):
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text("age: 99\n")
        return real(prompt)

    monkeypatch.setattr(wizard, "ask_on_stdin", ask_while_another_saves)
    result = cli("profile", "init", input=PLAIN)
    assert_rejected(result, 2, f"{saved} already exists; it was not replaced", "--force")
    assert saved.read_text() == "age: 99\n"
    assert leftovers(saved.parent) == ["profile.yaml"]


# --- stopping: EOF and Ctrl-C leave nothing ----------------------------------------------------------


@pytest.mark.parametrize("given", [0, 2, 5, 12, 17])
def test_end_of_input_at_any_question_exits_130_and_saves_nothing(
    cli: RunCli, saved: Path, given: int
) -> None:
    text = "".join(line + "\n" for line in PLAIN.splitlines()[:given])
    result = cli("profile", "init", input=text)
    assert_rejected(result, 130, "interrupted: the answers ended at", "nothing was saved")
    assert leftovers(saved.parent) == []


def test_end_of_input_at_the_replace_question_keeps_the_old_file(cli: RunCli, saved: Path) -> None:
    assert cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle").exit_code == 0
    before = saved.read_bytes()
    result = cli("profile", "init", input="")
    assert_rejected(result, 130, "nothing was saved")
    assert saved.read_bytes() == before


def test_ctrl_c_at_a_question_exits_130_and_saves_nothing(
    cli: RunCli, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = wizard.ask_on_stdin

    def interrupted_at_minutes(prompt: str) -> str:
        if prompt.startswith("minutes_per_session"):
            raise KeyboardInterrupt
        return real(prompt)

    monkeypatch.setattr(wizard, "ask_on_stdin", interrupted_at_minutes)
    result = cli("profile", "init", input=PLAIN)
    assert_rejected(result, 130, "interrupted: stopped at your request; nothing was saved")
    assert leftovers(saved.parent) == []


def test_ctrl_c_while_saving_leaves_no_file_and_no_temporary_file(
    cli: RunCli, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = cli("profile", "init", input=PLAIN)
    assert result.exit_code == 130, result.stderr
    assert leftovers(saved.parent) == []


# --- where it cannot be written: exit 2, before any question ---------------------------------------


def test_a_config_path_that_is_a_file_is_exit_2_naming_it(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config-file"
    config.write_text("not a folder\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv(CONFIG_ENV, str(config / "endoprotocol"))
    for args in (["profile", "init"], ["profile", "init", "--age", "40", "--sex", "m", "--goal", "muscle"]):  # fmt: skip
        result = cli(*args, input=PLAIN)
        assert_rejected(
            result, 2, "cannot save the profile:", f"{config} is a file, not a folder", "hint:"
        )
        assert "How old" not in result.stderr


def test_a_saved_profile_path_that_is_a_folder_is_exit_2(cli: RunCli, saved: Path) -> None:
    saved.mkdir(parents=True)
    result = cli("profile", "init", input=PLAIN)
    assert_rejected(result, 2, f"{saved} is a folder, not a file")


def test_an_output_under_a_file_is_exit_2(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    result = cli("profile", "init", "-o", str(tmp_path / "plain" / "me.yaml"), input=PLAIN)
    assert_rejected(result, 2, "is a file, not a folder", "or choose another --output")


def _without_root_powers() -> None:
    """In the child before exec: drop the capabilities that let root ignore permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so a mode-555 folder binds it as anyone."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_read_only_home_is_exit_2_with_a_message_naming_the_path(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o555)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.pop(CONFIG_ENV, None)
    env["HOME"] = str(home)
    env.pop("ENDOPROTOCOL_RULES_DIR", None)
    as_root = os.geteuid() == 0
    if as_root and not sys.platform.startswith("linux"):
        pytest.skip("root ignores folder permissions, and only Linux lets the test drop that")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "endoprotocol", "profile", "init"],
            input=PLAIN,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            preexec_fn=_without_root_powers if as_root else None,
        )
    finally:
        home.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert f"cannot save the profile: {home}/.config/endoprotocol/profile.yaml" in result.stderr
    assert f"the folder {home} is not writable" in result.stderr
    assert "Traceback" not in result.stderr
    assert "How old" not in result.stderr
    assert list(home.iterdir()) == []


# --- once in a real terminal ----------------------------------------------------------------------


class Terminal:
    """`endoprotocol ARGS` on a pseudo-terminal (its controlling terminal, so Ctrl-C is a real
    SIGINT from the line discipline), answered the way a person would."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import pty

        self.seen = ""
        self._read_to = 0
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the tool
            try:
                # as a shell starts a foreground job: Ctrl-C on, even where this test run
                # was itself started in the background with SIGINT ignored (inherited over exec)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.execve(sys.executable, [sys.executable, "-m", "endoprotocol", *args], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def expect(self, text: str, timeout: float = 30.0) -> None:
        """Wait until `text` shows after what was expected before."""
        import select
        import time

        deadline = time.monotonic() + timeout
        while text not in self.seen[self._read_to :]:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not ready:
                self.kill()
                raise AssertionError(f"no {text!r} on the terminal; it shows:\n{self.seen}")
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            if not chunk:
                raise AssertionError(f"the tool ended before {text!r}:\n{self.seen}")
            self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        self._read_to = self.seen.index(text, self._read_to) + len(text)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def exit_code(self, timeout: float = 30.0) -> int:
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._drain()

            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"the tool did not end:\n{self.seen}")

    def _drain(self) -> None:
        """Read what the terminal shows now, so the child never blocks on a full terminal."""
        import select

        while select.select([self.fd], [], [], 0.05)[0]:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")

    def kill(self) -> None:
        import signal

        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "ENDOPROTOCOL_RULES_DIR"}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "xdg-config"), "TERM": "dumb"}
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_in_a_terminal_the_wizard_is_answered_and_ctrl_c_saves_nothing(
    terminal_env: dict[str, str], saved: Path
) -> None:
    term = Terminal(["profile", "init"], terminal_env)
    term.expect("age: ")
    term.type("52\n")
    term.expect("sex: ")
    term.type("female\n")
    term.expect("goals: ")
    term.type("bone-densty\n")  # typed wrong: the reason, then the question again
    term.expect("did you mean 'bone-density'?")
    term.expect("goals: ")
    term.type("bone-density, strength\n")
    for prompt, answer in [
        ("experience [beginner]: ", "\n"),
        ("currently_active [no]: ", "yes\n"),
        ("days [3]: ", "mon,thu\n"),
        ("minutes_per_session [45]: ", "40\n"),
        ("equipment [bodyweight, dumbbells, bands]: ", "dumbbells, bench\n"),
        ("conditions [none]: ", "osteoporosis\n"),
        ("therapies [none]: ", "menopausal-hrt\n"),
        ("blood_pressure [unknown]: ", "124/80\n"),
        *[(f"{name} [no]: ", "no\n") for name in SCREENING],
    ]:
        term.expect(prompt)
        term.type(answer)
    term.expect("saved ")
    assert term.exit_code() == 0, term.seen
    assert "40\n" in term.seen  # the terminal echoed what was typed
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    person = load(saved)
    assert person.goals == ["bone-density", "strength"]
    assert person.conditions == ["osteoporosis"]
    assert person.therapies == ["menopausal-hrt"]

    saved.unlink()
    term = Terminal(["profile", "init"], terminal_env)
    term.expect("age: ")
    term.type("52\n")
    term.expect("sex: ")
    term.type("\x03")  # Ctrl-C
    assert term.exit_code() == 130, term.seen
    assert "interrupted: stopped at your request; nothing was saved" in term.seen
    assert "Traceback" not in term.seen
    assert leftovers(saved.parent) == []


def test_output_dash_prints_the_profile_and_saves_nothing(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", "-o", "-", input=PLAIN)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Your endoprotocol profile")
    assert parse_profile(read_profile_text(result.stdout.encode(), "stdout")).age == 45
    assert "How old" in result.stderr  # the questions stay on stderr
    assert not saved.parent.exists()


# --- flags and questions together -------------------------------------------------------------------


def test_with_some_flags_only_the_missing_required_fields_are_asked(
    cli: RunCli, saved: Path
) -> None:
    result = cli(
        "profile", "init", "--age", "61", "--minutes", "30", "--condition", "type-2-diabetes",
        input="mal\nmale\ninsulin, fat-loss\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "How old" not in result.stderr
    assert "unknown value 'mal'" in result.stderr
    assert "experience" not in result.stderr  # optional fields keep the defaults
    person = load(saved)
    assert (person.age, person.sex, person.minutes_per_session) == (61, "male", 30)
    assert person.goals == ["insulin-sensitivity", "fat-loss"]
    assert person.conditions == ["type-2-diabetes"]


def test_a_bad_flag_is_refused_before_any_question(cli: RunCli, saved: Path) -> None:
    result = cli("profile", "init", "--age", "40", "--equipment", "jetpack", input="male\n")
    assert_rejected(result, 3, "equipment[0]: unknown value 'jetpack'")
    assert "Your sex" not in result.stderr
    assert not saved.exists()


def test_a_contradiction_among_the_flags_is_refused_before_any_question(
    cli: RunCli, saved: Path
) -> None:
    result = cli(
        "profile", "init", "--sex", "male", "--condition", "pregnancy", input="40\nmuscle\n"
    )
    assert_rejected(result, 3, "sex is male but the profile lists pregnancy")
    assert "How old" not in result.stderr
    assert not saved.exists()


# --- every valid profile can be said, saved and read back ------------------------------------------


def _spoken(value: Any) -> str:
    """A profile value as a person would type it."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value) if value else "[]"
    if isinstance(value, dict):
        return f"{value['systolic']}/{value['diastolic']}"
    return str(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles(min_age=1, max_age=120, dense=True))
def test_every_valid_profile_can_be_answered_saved_and_read_back(profile: dict[str, Any]) -> None:
    from endoprotocol.profiletext import commented_yaml

    expected = Profile.model_validate(profile)
    spoken = {k: _spoken(v) for k, v in profile.items() if k != "screening"}
    if "days_per_week" in spoken:
        spoken["days"] = spoken.pop("days_per_week")
    for name, answer in profile.get("screening", {}).items():
        spoken[name] = _spoken(answer)

    def ask(prompt: str) -> str:
        return spoken.get(prompt.split(" ")[0].removesuffix(":"), "")

    person = wizard.ask_profile(ask, lambda _text: None)
    assert person == expected
    text = commented_yaml(person)
    assert parse_profile(read_profile_text(text.encode(), "saved")) == expected
