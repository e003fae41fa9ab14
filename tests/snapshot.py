"""Snapshot (golden) files: compared byte for byte, written only when asked.

`ENDOPROTOCOL_UPDATE_GOLDEN=1 pytest ...` writes the files; without it a missing file is a
failure, so a snapshot can never pass by creating itself.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

UPDATE_ENV = "ENDOPROTOCOL_UPDATE_GOLDEN"


def updating() -> bool:
    return os.environ.get(UPDATE_ENV) == "1"


def check_snapshot(path: Path, text: str) -> None:
    """`text` equals the file at `path`; with the update variable set, the file is rewritten."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"snapshot {path} is missing; create it with {UPDATE_ENV}=1 and read it")
    assert text == path.read_text(encoding="utf-8"), (
        f"{path.name} changed; rerun with {UPDATE_ENV}=1 if on purpose and read the diff"
    )
