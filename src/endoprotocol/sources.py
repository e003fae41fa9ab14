"""Reading profiles from files, stdin and flags; examples; atomic output."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from endoprotocol.errors import OutputError, ProfileInputError, UsageError
from endoprotocol.yamlio import MAX_BYTES, YamlProblem, decode, field_name, parse

EXAMPLES_PACKAGE = "endoprotocol.examples"


def read_profile_text(raw: bytes, where: str) -> dict[str, Any]:
    """Parse profile bytes (YAML or JSON) into a mapping, or raise ProfileInputError."""
    if len(raw) > MAX_BYTES:
        raise ProfileInputError(
            f"{where} is larger than {MAX_BYTES:,} bytes, the limit for a profile; "
            "is it the right file?"
        )
    try:
        doc = parse(decode(raw, "the profile"), yes_no=True)
    except YamlProblem as problem:
        raise ProfileInputError(
            f"{where}:{problem.line}:{problem.col}: {problem.message}"
        ) from None
    if doc.problems:
        from endoprotocol.profile import bounded

        raise ProfileInputError(
            bounded(
                [
                    f"{where}:{p.line}:{p.col}: {field_name(p.path or ())[:100]}: {p.message}"
                    for p in doc.problems
                ]
            )
        )
    if doc.data is None:
        raise ProfileInputError(f"{where} is empty; a profile needs at least age, sex and goals")
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"a single value ({doc.data!r:.40})"
        raise ProfileInputError(
            f"{where} holds {kind}; a profile is a mapping such as 'age: 45' on separate lines"
        )
    return doc.data


def read_stdin(stream: BinaryIO) -> bytes:
    """Read stdin, but never more than one byte over the size limit (it may be endless)."""
    return stream.read(MAX_BYTES + 1)


def read_profile_file(path: str, stdin: bytes | None = None) -> dict[str, Any]:
    """Read `--profile PATH` (`-` for stdin, whose bytes the caller passes in)."""
    if path == "-":
        return read_profile_text(stdin or b"", "stdin")
    target = Path(path)
    shown = _short(path)
    try:
        if target.is_dir():
            raise ProfileInputError(f"{shown} is a directory; give the path of a profile file")
        with target.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ProfileInputError(f"profile file {shown} does not exist") from None
    except OSError as exc:  # a name too long, a symlink loop, permissions
        raise ProfileInputError(
            f"cannot read profile file {shown}: {exc.strerror or exc}"
        ) from None
    return read_profile_text(raw, shown)


def _short(path: str) -> str:
    """A path for a message: whole when reasonable, else its start and end."""
    return path if len(path) <= 200 else f"{path[:100]}...{path[-60:]}"


def example_names() -> list[str]:
    folder = resources.files(EXAMPLES_PACKAGE)
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def example_text(name: str) -> bytes:
    names = example_names()
    if name not in names:
        from endoprotocol.vocab import did_you_mean

        hint = did_you_mean(name, names, trail=" ")
        raise UsageError(
            f"no built-in example named '{name}'",
            hint=f"{hint}available: {', '.join(names)} (or --example list)",
        )
    return resources.files(EXAMPLES_PACKAGE).joinpath(f"{name}.yaml").read_bytes()


def example_summary(name: str) -> str:
    first = example_text(name).decode().splitlines()[0]
    return first.lstrip("# ").strip()


def write_atomic(path: str, text: str) -> None:
    """Write the whole text or nothing: a temp file in the same folder, then a rename.

    The new file keeps the old one's permissions (or the umask's, when new). A symlink is
    followed, so the file it points at is replaced, not the link. A device or pipe
    (`/dev/null`, a FIFO) cannot be replaced and is written to directly.
    """
    shown = _short(path)
    try:
        target, mode = _output_target(Path(path), shown)
    except (OSError, RuntimeError) as exc:  # a name too long; a symlink loop (RuntimeError)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"{shown}: {reason}") from None
    if target is None:
        _write_through(Path(path), text)
        return
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{shown}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{shown}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _output_target(target: Path, shown: str) -> tuple[Path | None, int]:
    """The file to replace and the mode it gets; None for a device or pipe (written through)."""
    if target.exists() and not target.is_file() and not target.is_dir():
        return None, 0
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent
    if not folder.is_dir():
        state = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"{shown}: {_short(str(folder))} {state}")
    if target.is_dir():
        raise OutputError(f"{shown}: it is a directory")
    try:
        return target, stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return target, 0o666 & ~umask


def _write_through(target: Path, text: str) -> None:
    try:
        with target.open("w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{_short(str(target))}: {exc.strerror or exc}") from None
