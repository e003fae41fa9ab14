"""What every command shares: stderr messages, error mapping, rule loading options."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from endoprotocol.errors import EndoprotocolError, OutputError

T = TypeVar("T")

ISSUES_URL = "https://github.com/endoprotocol/endoprotocol/issues"

RulesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        help="Extra rule pack directory (repeatable). Loaded after the built-in and user packs.",
        metavar="DIR",
    ),
]
NoBuiltinOption = Annotated[
    bool,
    typer.Option(
        "--no-builtin-rules",
        help="Do not load the built-in core pack. The built-in safety pack (screening, "
        "age scope 18-100) always loads.",
    ),
]
NoUserOption = Annotated[
    bool, typer.Option("--no-user-rules", help="Do not load packs from the user rule directory.")
]
AllowSafetyOption = Annotated[
    bool,
    typer.Option(
        "--allow-safety-overrides",
        help="Let user packs disable or override safety rules. A plan made so is marked not "
        "screened (clearance required, moderate at most) and warns; the age scope still applies.",
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")]


def say(text: str) -> None:
    """Write a line to stderr (never through rich markup: user text stays literal)."""
    sys.stderr.write(text.rstrip("\n") + "\n")
    sys.stderr.flush()


def emit(text: str) -> None:
    """Write the requested output to stdout; a failed write (disk full) is an OutputError.

    A closed pipe is not an error (see `app.main`), so BrokenPipeError passes through.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # Drop what is still buffered, so the interpreter's last flush does not fail again.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise OutputError(f"stdout: {exc.strerror or exc}") from None


def run_guarded(action: Callable[[], T], *, debug: bool) -> T:
    """Run a command body; map our errors to their exit codes and bugs to exit 1."""
    try:
        return action()
    except EndoprotocolError as error:
        if debug:
            traceback.print_exc()
        say(error.render())
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        say("interrupted")
        raise typer.Exit(130) from None
    except (typer.Exit, BrokenPipeError, SystemExit):
        raise
    except Exception as error:  # a bug: short message, traceback only with --debug
        if debug:
            traceback.print_exc()
        say(f"internal error: {type(error).__name__}: {error}")
        say(f"  this is a bug in endoprotocol; please report it at {ISSUES_URL}")
        say("  (run again with --debug to see the traceback)")
        raise typer.Exit(1) from None
