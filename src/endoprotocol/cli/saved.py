"""The saved profile: where `profile init` may write it, how it is written, and how `plan`
starts from it.

The file holds health data, so it is created readable by its owner only (mode 600, in a
folder created 700), written whole or not at all (a temporary file, then a rename), and an
existing file is never replaced unless the person said so (`--force`, or yes when asked):
without that, the new file is linked into place, which fails if a file appeared meanwhile.

`plan` combines the saved profile and flags only when told to (`--from-saved`); flags alone
make the profile, and a note on stderr says the saved one was not used and how to use it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from endoprotocol.errors import SaveError, UsageError

MODE = 0o600
FOLDER_MODE = 0o700


def saved_path() -> Path:
    from endoprotocol.engine.loader import saved_profile_path

    return saved_profile_path()


def where_hint(target: Path, fix: str) -> str:
    """What to do when `target` cannot be written: `fix` the place, or choose another."""
    elsewhere = "save it elsewhere with `--output FILE` and plan with `--profile FILE`"
    if target != saved_path():
        return f"{fix}, or choose another --output"
    chooser = ", set XDG_CONFIG_HOME to a writable folder" if sys.platform == "linux" else ""
    return f"{fix}{chooser}, or {elsewhere}"


def check_destination(target: Path) -> None:
    """Raise SaveError now, before any question is asked, when `target` cannot be written:
    it is a folder, a parent is a file, or the nearest existing folder is not writable."""
    try:
        if target.is_dir():
            raise SaveError(
                f"{target} is a folder, not a file",
                hint=where_hint(target, f"move the folder {target} away"),
            )
        existing = target.parent
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir():
            raise SaveError(
                f"{target}: {existing} is a file, not a folder",
                hint=where_hint(target, f"move the file {existing} away"),
            )
        if not os.access(existing, os.W_OK | os.X_OK):
            raise SaveError(
                f"{target}: the folder {existing} is not writable",
                hint=where_hint(target, f"make {existing} writable"),
            )
    except OSError as exc:  # a name too long, a symlink loop, a folder we may not look in
        raise SaveError(
            f"{target}: {exc.strerror or exc}", hint=where_hint(target, "choose another place")
        ) from None


def save(target: Path, text: str, *, replace: bool) -> None:
    """Write `text` to `target` with mode 600, whole or not at all.

    `replace` False: an existing file is left alone and this raises SaveError.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(
            _reason(target, exc), hint=where_hint(target, "fix what the message names")
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), MODE)
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    except OSError as exc:
        raise SaveError(
            _reason(target, exc), hint=where_hint(target, "fix what the message names")
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # gone after a replace; the spare name after a link


def _link_new(tmp: str, target: Path) -> None:
    """Put `tmp` at `target` only if nothing is there (never replaces a file)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise SaveError(
            f"{target} already exists; it was not replaced", hint="add --force to replace it"
        ) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # a file system without hard links: check, then rename (a small race, not a loss)
        if os.path.lexists(target):
            raise SaveError(
                f"{target} already exists; it was not replaced", hint="add --force to replace it"
            ) from None
        os.replace(tmp, target)


def _reason(target: Path, exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(target) else ""
    if isinstance(exc, NotADirectoryError | FileExistsError) and where:
        return f"{target}: a part of the path{where} is a file, not a folder"
    return f"{target}: {exc.strerror or exc}{where}"


# --- `plan` and the saved profile --------------------------------------------------------------


def plan_start(*, from_saved: bool, flagged: bool) -> dict[str, Any]:
    """The profile data `plan` starts from when no --profile or --example is given.

    A bare `plan` and `plan --from-saved ...` start from the saved profile; flags alone start
    from nothing, and when a saved profile exists a note says it was not used.
    """
    from endoprotocol.cli.common import say
    from endoprotocol.sources import read_profile_file

    saved = saved_path()
    if from_saved:
        if not saved.is_file():
            raise UsageError(
                f"--from-saved: there is no saved profile at {saved}",
                hint="save one with `endoprotocol profile init`, or drop --from-saved",
            )
    elif flagged:
        if saved.is_file():
            say(
                f"note: the saved profile {saved} was not used: flags alone make this profile; "
                "add --from-saved to start from it and change only the flagged fields"
            )
        return {}
    elif not saved.is_file():
        return {}
    data = read_profile_file(str(saved))
    say(f"using the saved profile {saved}")
    return data
