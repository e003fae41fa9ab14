"""The user directory is located through the tool's own variable, on every platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from endoprotocol.engine import loader


def test_the_tools_own_variable_locates_the_user_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(loader.CONFIG_ENV, str(tmp_path / "mine"))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert loader.user_rules_dir() == tmp_path / "mine" / "rules"
    assert loader.saved_profile_path() == tmp_path / "mine" / "profile.yaml"


def test_tests_never_see_the_real_user_directory() -> None:
    assert "xdg-config" in str(loader.user_rules_dir())
