"""The `endoprotocol` command: sub-commands joined here, plus --version and exit handling."""

from __future__ import annotations

import io
import os
import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from endoprotocol import __version__
from endoprotocol.cli import plan as plan_cmd
from endoprotocol.cli import profile as profile_cmd
from endoprotocol.cli import rules as rules_cmd
from endoprotocol.cli import schema as schema_cmd

if TYPE_CHECKING:
    from typing_extensions import Buffer

app = typer.Typer(
    name="endoprotocol",
    help=(
        "Evidence-graded weekly exercise plans from your profile.\n\n"
        "Every line of a plan says which rule made it and which source backs it. "
        "The tool never doses or recommends a therapy.\n\n"
        "Examples:\n\n"
        "  endoprotocol plan --example muscle-trt-45\n\n"
        "  endoprotocol plan --profile me.yaml --format json --pretty\n\n"
        "  endoprotocol rules list"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"endoprotocol {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Evidence-graded weekly exercise plans from your profile."""


app.command("plan")(plan_cmd.plan)
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(profile_cmd.app, name="profile")
app.command("schema")(schema_cmd.schema)


def main() -> None:
    """Console entry point: exit 130 on Ctrl-C, end quietly when the reader closes the pipe."""
    _guard_stdout()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        _quiet_pipe()
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_pipe()


class _PipeEnd(io.FileIO):
    """stdout's file descriptor; a reader that went away ends the program with exit 0.

    Typer turns a BrokenPipeError that reaches it into exit 1, and `help` or `schema`
    output never passes through our own error handling, so the pipe is watched here,
    below every writer. SystemExit is not an OSError, so nothing on the way up eats it.
    """

    def write(self, data: Buffer, /) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            _quiet_pipe()


def _guard_stdout() -> None:
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # no real stdout (closed, or replaced by a test runner)
    if os.isatty(fd):
        return  # a terminal does not close early; keep its line buffering as it is
    stream.flush()
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_PipeEnd(fd, "w", closefd=False)),
        encoding=stream.encoding,
        errors=stream.errors,
    )


def _quiet_pipe() -> NoReturn:
    # Point stdout at devnull so the interpreter's final flush cannot raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    sys.exit(0)
