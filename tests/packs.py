"""Writing small rule packs for tests, and the plan command line the pack tests run."""

from __future__ import annotations

from pathlib import Path

# A plan for a simple profile, with only the built-in packs plus whatever `--rules` adds.
PLAN_ARGS = (
    "plan",
    "--age",
    "40",
    "--sex",
    "male",
    "--goal",
    "strength",
    "--no-user-rules",
    "-f",
    "json",
)


def write_pack(root: Path, name: str, files: dict[str, str | None], manifest: str = "") -> Path:
    """Create `root/name` with a pack.yaml (plus `manifest` lines) and the given files.

    A file whose text is None becomes a broken link, i.e. an unreadable rule file.
    """
    pack = root / name
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        f'name: {name}\nversion: "1.0"\ndescription: test pack {name}\n{manifest}'
    )
    for filename, text in files.items():
        target = pack / filename
        if text is None:
            target.symlink_to(root / "does-not-exist.yaml")
        else:
            target.write_text(text)
    return pack
