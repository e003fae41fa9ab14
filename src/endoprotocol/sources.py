"""Reading profiles from files, stdin and flags; examples; atomic output."""

from __future__ import annotations

import contextlib
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from endoprotocol.errors import OutputError, ProfileInputError, UsageError
from endoprotocol.yamlio import YamlProblem, decode, parse

EXAMPLES_PACKAGE = "endoprotocol.examples"


def read_profile_text(raw: bytes, where: str) -> dict[str, Any]:
    """Parse profile bytes (YAML or JSON) into a mapping, or raise ProfileInputError."""
    try:
        doc = parse(decode(raw, where))
    except YamlProblem as problem:
        raise ProfileInputError(
            f"{where}:{problem.line}:{problem.col}: {problem.message}"
        ) from None
    if doc.data is None:
        raise ProfileInputError(f"{where} is empty; a profile needs at least age, sex and goals")
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"a single value ({doc.data!r:.40})"
        raise ProfileInputError(
            f"{where} holds {kind}; a profile is a mapping such as 'age: 45' on separate lines"
        )
    return doc.data


def read_profile_file(path: str, stdin: bytes | None = None) -> dict[str, Any]:
    """Read `--profile PATH` (`-` for stdin)."""
    if path == "-":
        return read_profile_text(stdin or b"", "stdin")
    target = Path(path)
    if target.is_dir():
        raise ProfileInputError(f"{path} is a directory; give the path of a profile file")
    try:
        with target.open("rb") as handle:
            raw = handle.read(2_000_000)
    except FileNotFoundError:
        raise ProfileInputError(f"profile file {path} does not exist") from None
    except OSError as exc:
        raise ProfileInputError(f"cannot read profile file {path}: {exc.strerror or exc}") from None
    return read_profile_text(raw, path)


def example_names() -> list[str]:
    folder = resources.files(EXAMPLES_PACKAGE)
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def example_text(name: str) -> bytes:
    names = example_names()
    if name not in names:
        from endoprotocol.vocab import suggest

        near = suggest(name, names)
        hint = f"did you mean '{near}'? " if near else ""
        raise UsageError(
            f"no built-in example named '{name}'",
            hint=f"{hint}available: {', '.join(names)} (or --example list)",
        )
    return resources.files(EXAMPLES_PACKAGE).joinpath(f"{name}.yaml").read_bytes()


def example_summary(name: str) -> str:
    first = example_text(name).decode().splitlines()[0]
    return first.lstrip("# ").strip()


def write_atomic(path: str, text: str) -> None:
    """Write the whole text or nothing: a temp file in the same folder, then a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {path}: it is a directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
