"""`endoprotocol profile init|show|path` and the bare `endoprotocol plan` that uses it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunCli


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
    assert "goals:\n- bone-density" in saved.read_text()
    result = cli("plan", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["profile"]["age"] == 52
    assert plan["profile"]["days"] == ["monday", "thursday"]
    assert "using the saved profile" in result.stderr


def test_flags_never_merge_with_the_saved_profile(cli: RunCli) -> None:
    assert (
        cli("profile", "init", "--age", "52", "--sex", "female", "--goal", "strength").exit_code
        == 0
    )
    result = cli("plan", "--age", "30", "--sex", "male", "--goal", "endurance", "-f", "json")
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert (profile["age"], profile["sex"], profile["goals"]) == (30, "male", ["endurance"])
    assert "saved profile" not in result.stderr
    # a single flag is not a full profile: it fails rather than borrowing from the saved one
    result = cli("plan", "--age", "30", "-f", "json")
    assert result.exit_code == 3
    assert "sex" in result.stderr


def test_init_refuses_to_overwrite_without_force_and_validates(cli: RunCli) -> None:
    assert cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle").exit_code == 0
    again = cli("profile", "init", "--age", "41", "--sex", "male", "--goal", "muscle")
    assert again.exit_code == 2
    assert "--force" in again.stderr
    bad = cli("profile", "init", "--age", "41", "--sex", "male", "--goal", "musle", "--force")
    assert bad.exit_code == 3
    assert "did you mean 'muscle'" in bad.stderr


def test_init_without_a_terminal_asks_for_flags(cli: RunCli) -> None:
    result = cli("profile", "init", input="")
    assert result.exit_code == 2
    assert "not a terminal" in result.stderr


def test_show_and_path(cli: RunCli, tmp_path: Path) -> None:
    assert cli("profile", "show").exit_code == 2
    cli("profile", "init", "--age", "40", "--sex", "male", "--goal", "muscle")
    shown = cli("profile", "show")
    assert shown.exit_code == 0
    assert "age: 40" in shown.stdout
    where = cli("profile", "path")
    assert str(tmp_path / "xdg-config") in where.stdout
