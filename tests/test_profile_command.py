"""`endoprotocol profile init|show|path` and the bare `endoprotocol plan` that uses it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunCli, assert_rejected


def test_init_saves_a_validated_profile_that_a_bare_plan_uses(cli: RunCli, tmp_path: Path) -> None:
    result = cli(
        "profile",
        "init",
        "--age",
        "52",
        "--sex",
        "Female",
        "--goal",
        "bone_density",
        "--days",
        "mon,thu",
    )
    assert result.exit_code == 0, result.stderr
    saved = tmp_path / "xdg-config" / "endoprotocol" / "profile.yaml"
    assert saved.is_file()
    assert "\ngoals: [bone-density]\n" in saved.read_text()
    result = cli("plan", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["profile"]["age"] == 52
    assert plan["profile"]["days"] == ["monday", "thursday"]
    assert "using the saved profile" in result.stderr


def test_flags_alone_never_borrow_from_the_saved_profile_and_say_so(cli: RunCli) -> None:
    assert (
        cli("profile", "init", "--age", "52", "--sex", "female", "--goal", "strength").exit_code
        == 0
    )
    result = cli("plan", "--age", "30", "--sex", "male", "--goal", "endurance", "-f", "json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert (profile["age"], profile["sex"], profile["goals"]) == (30, "male", ["endurance"])
    assert "was not used" in result.stderr
    assert "--from-saved" in result.stderr
    # a single flag is not a full profile: it fails rather than borrowing from the saved one,
    # and the note says how to borrow
    result = cli("plan", "--age", "30", "-f", "json")
    assert result.exit_code == 3
    assert "sex: is required" in result.stderr
    assert "add --from-saved to start from it" in result.stderr


def test_from_saved_starts_from_the_saved_profile_and_flags_change_only_their_fields(
    cli: RunCli,
) -> None:
    init = cli(
        "profile", "init", "--age", "52", "--sex", "female", "--goal", "bone-density,strength",
        "--days", "mon,thu", "--minutes", "60", "--condition", "knee-pain",
    )  # fmt: skip
    assert init.exit_code == 0, init.stderr
    result = cli(
        "plan", "--from-saved", "--days-per-week", "4", "--goal", "fat-loss",
        "--screening", "bone_joint_problem", "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    # the flags replace their fields (a list flag the whole list; days-per-week both day keys)
    assert profile["goals"] == ["fat-loss"]
    assert profile["days_per_week"] == 4
    assert profile["screening"]["bone_joint_problem"] is True
    # everything else comes from the saved profile
    assert (profile["age"], profile["sex"], profile["minutes_per_session"]) == (52, "female", 60)
    assert profile["conditions"] == ["knee-pain"]
    assert "using the saved profile" in result.stderr
    assert "not used" not in result.stderr
    # with no flags it is the bare `plan`
    bare = json.loads(cli("plan", "-f", "json").stdout)
    same = json.loads(cli("plan", "--from-saved", "-f", "json").stdout)
    assert bare == same


def test_from_saved_needs_a_saved_profile_and_no_other_source(cli: RunCli) -> None:
    missing = cli("plan", "--from-saved", "--age", "40")
    assert_rejected(missing, 2, "--from-saved: there is no saved profile at", "profile init")
    clash = cli("plan", "--from-saved", "--example", "muscle-trt-45")
    assert_rejected(clash, 2, "give --from-saved or --example, not both")
    clash = cli("plan", "--from-saved", "--profile", "-", input="age: 40\n")
    assert_rejected(clash, 2, "give --from-saved or --profile, not both")


def test_a_profile_file_or_example_with_flags_says_nothing_of_the_saved_one(cli: RunCli) -> None:
    assert (
        cli("profile", "init", "--age", "52", "--sex", "female", "--goal", "muscle").exit_code == 0
    )
    result = cli("plan", "--example", "muscle-trt-45", "--minutes", "30", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "saved profile" not in result.stderr


def test_plan_help_explains_how_saved_profile_and_flags_combine(cli: RunCli) -> None:
    helped = cli("plan", "--help").stdout
    assert "--from-saved" in helped
    assert "flags alone make the profile" in " ".join(helped.split())


def test_init_refuses_to_overwrite_without_force_and_validates(cli: RunCli) -> None:
    assert cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle").exit_code == 0
    again = cli("profile", "init", "--age", "41", "--sex", "male", "--goal", "muscle")
    assert again.exit_code == 2
    assert "--force" in again.stderr
    bad = cli("profile", "init", "--age", "41", "--sex", "male", "--goal", "musle", "--force")
    assert bad.exit_code == 3
    assert "did you mean 'muscle'" in bad.stderr


def test_init_with_no_answers_on_stdin_is_interrupted_and_saves_nothing(
    cli: RunCli, tmp_path: Path
) -> None:
    result = cli("profile", "init", input="")
    assert_rejected(result, 130, "interrupted: the answers ended at 'age'", "nothing was saved")
    assert not (tmp_path / "xdg-config" / "endoprotocol").exists()


def test_show_and_path(cli: RunCli, tmp_path: Path) -> None:
    assert cli("profile", "show").exit_code == 2
    cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle")
    shown = cli("profile", "show")
    assert shown.exit_code == 0
    assert "age: 40" in shown.stdout
    where = cli("profile", "path")
    assert str(tmp_path / "xdg-config") in where.stdout
