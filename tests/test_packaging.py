"""The wheel carries the built-in rules: install it into a fresh venv outside the repo and plan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_plans(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("endoprotocol-*.whl"))
    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    dropped = {"ENDOPROTOCOL_RULES_DIR", "ENDOPROTOCOL_CONFIG_DIR", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env["ENDOPROTOCOL_CONFIG_DIR"] = str(tmp_path / "config" / "endoprotocol")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [
            str(target / "bin" / "endoprotocol"),
            "plan",
            "--example",
            "muscle-trt-45",
            "--format",
            "json",
        ],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert {p["name"] for p in plan["generator"]["rule_packs"]} >= {"core", "safety"}
    where = subprocess.run(
        [
            str(python),
            "-c",
            "from endoprotocol.engine.loader import builtin_rules_dir as d; print(d())",
        ],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(target)), where
    assert str(ROOT) not in where
