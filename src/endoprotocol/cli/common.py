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
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read the rule packs afresh and do not keep them in the cache "
        "(ENDOPROTOCOL_CACHE_DIR, else the user cache directory).",
    ),
]


def settle() -> None:
    """After loading: move what exists now (modules, packs, library) out of the garbage
    collector's reach, and switch the collector back on (`cli.main` holds it off while
    loading). What was loaded never becomes garbage, so scanning it again and again (and
    once more at exit) is wasted time."""
    import gc

    gc.freeze()
    # A plan's objects are short-lived and mostly freed by reference counting: the young
    # generation is collected every 10,000 allocations instead of 700 (a batch spent ~5 %
    # of its time in those collections); cyclic garbage is still collected.
    gc.set_threshold(10_000, 20, 20)
    gc.enable()


# Commands that load packs and call `settle()` themselves; any other command switches the
# collector back on before it runs (see `app.root`).
SETTLING_COMMANDS = frozenset({"plan", "batch"})


# What stdout's locale could encode before `app.main` made it write UTF-8 (None: UTF-8).
terminal_encoding: str | None = None


def for_terminal(text: str) -> str:
    """`text` as plain ASCII when the terminal's encoding cannot show it (box drawing becomes
    +-|, accents are dropped, dashes become -, anything else ?)."""
    try:
        text.encode(terminal_encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        import unicodedata

        text = unicodedata.normalize("NFKD", text.translate(_ASCII))
        text = "".join(c for c in text if not unicodedata.combining(c))
        return text.encode("ascii", "replace").decode("ascii")
    return text


_ASCII = str.maketrans(
    {
        **{chr(c): "+" for c in range(0x2500, 0x2580)},
        **dict.fromkeys("─━═╌╍┄┅", "-"),
        **dict.fromkeys("│┃║╎╏┆┇", "|"),
        **dict.fromkeys("–—−", "-"),
        **dict.fromkeys("‘’", "'"),
        **dict.fromkeys("“”", '"'),
        "•": "*",
        "…": "...",
        "≥": ">=",
        "≤": "<=",
        "×": "x",
        "█": "#",
        "·": ".",
    }
)


class Terminated(BaseException):
    """SIGTERM arrived (see `app.main`): unwinds like Ctrl-C, so temporary files go; exit 143."""


# Control characters but line feed and tab, shown as escapes: a message never moves the
# cursor, clears the screen or colours the terminal, whatever text it quotes.
_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def say(text: str) -> None:
    """Write a line to stderr (never through rich markup: user text stays literal).

    A stderr nobody reads (closed, or a pipe whose reader left) must not change the exit
    code: the message is dropped and later ones go to /dev/null.
    """
    try:
        sys.stderr.write(text.rstrip("\n").translate(_CONTROL) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        silence(2)


def silence(fd: int) -> None:
    """Point `fd` at /dev/null, so that no later write (nor the interpreter's last flush) fails."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


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
            silence(sys.stdout.fileno())
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
    except Terminated:
        say("terminated")
        raise typer.Exit(143) from None
    except (typer.Exit, BrokenPipeError, SystemExit):
        raise
    except Exception as error:  # a bug: short message, traceback only with --debug
        if debug:
            traceback.print_exc()
        say(f"internal error: {type(error).__name__}: {error}")
        say(f"  this is a bug in endoprotocol; please report it at {ISSUES_URL}")
        say("  (run again with --debug to see the traceback)")
        raise typer.Exit(1) from None
