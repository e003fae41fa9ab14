"""The `endoprotocol` command: sub-commands joined here, plus --version and exit handling."""

from __future__ import annotations

import io
import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from endoprotocol import __version__
from endoprotocol.cli import batch as batch_cmd
from endoprotocol.cli import common
from endoprotocol.cli import effects as effects_cmd
from endoprotocol.cli import plan as plan_cmd
from endoprotocol.cli import profile as profile_cmd
from endoprotocol.cli import rules as rules_cmd
from endoprotocol.cli import schema as schema_cmd
from endoprotocol.cli.common import Terminated, say, silence
from endoprotocol.cli.help import HumanHelp

if TYPE_CHECKING:
    from typing_extensions import Buffer


def _typer() -> typer.Typer:
    return typer.Typer(
        name="endoprotocol",
        help=(
            "Evidence-graded weekly exercise plans from your profile.\n\n"
            "Every line of a plan says which rule made it and which source backs it. "
            "The tool never doses or recommends a therapy.\n\n"
            "Examples:\n\n"
            "  endoprotocol plan --example muscle-trt-45\n\n"
            "  endoprotocol plan --profile me.yaml --format json --pretty\n\n"
            "  endoprotocol rules list\n\n"
            "Shell completion: `endoprotocol --install-completion` adds it to your shell (bash, "
            "zsh, fish or PowerShell); `endoprotocol --show-completion bash` prints the script."
        ),
        no_args_is_help=True,
        cls=HumanHelp,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"endoprotocol {__version__}\n")
        raise typer.Exit(0)


def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Evidence-graded weekly exercise plans from your profile."""
    if ctx.invoked_subcommand not in common.SETTLING_COMMANDS:
        import gc

        gc.enable()  # held off by `cli.main` while loading; see `common.settle`


app = _typer()
app.callback()(root)
app.command("plan", context_settings=plan_cmd.PLAN_SETTINGS)(plan_cmd.plan)
app.command("batch")(batch_cmd.batch)
app.add_typer(rules_cmd.app, name="rules")
app.add_typer(profile_cmd.app, name="profile")
app.command("schema")(schema_cmd.schema)
app.command("effects")(effects_cmd.effects)

# `endoprotocol plan ...` and `endoprotocol batch ...` run through an app holding only that
# command: Typer turns every registered command into Click's objects before dispatching,
# which for the whole tree costs ~13 ms of a ~300 ms plan. Same callback, same settings, so
# the same usage lines, help and errors.
_ALONE: dict[str, Callable[..., None]] = {"plan": plan_cmd.plan, "batch": batch_cmd.batch}


def _app_for(argv: list[str]) -> typer.Typer:
    alone = _ALONE.get(argv[1]) if len(argv) > 1 else None
    if alone is None:
        return app
    slim = _typer()
    slim.callback()(root)
    settings = plan_cmd.PLAN_SETTINGS if argv[1] == "plan" else None
    slim.command(argv[1], context_settings=settings)(alone)
    return slim


_COMPLETION_OPTIONS = ("--show-completion", "--install-completion")
_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_shell(argv: list[str]) -> int | None:
    """Let `--show-completion SHELL` and `--install-completion SHELL` use the shell named.

    Typer's completion options are flags that ask shellingham which shell runs the tool and
    ignore a shell named after them (`--show-completion fish` from bash printed bash's
    script); where no shell can be seen (a cron job, a container), they failed with
    "Shell  not supported". A named shell switches Typer to its completion options that take
    the shell as their value. Returns an exit code when the request is refused (2: an unknown
    shell, or none named and none seen), else None.
    """
    if len(argv) < 2 or argv[1] not in _COMPLETION_OPTIONS:
        return None
    named = argv[2] if len(argv) > 2 and not argv[2].startswith("-") else None
    if named in _SHELLS:
        os.environ["_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"] = "1"
        return None
    choices = ", ".join(_SHELLS)
    if named is not None:
        say(f"usage error: {argv[1]}: no completion for the shell '{named}'")
        say(f"  name one of: {choices}")
        return 2
    import shellingham

    try:
        shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        say(f"usage error: {argv[1]}: cannot tell which shell this is")
        say(f"  name it, e.g. `endoprotocol {argv[1]} bash` (one of: {choices})")
        return 2
    return None


def main() -> None:
    """Console entry point.

    Exit 130 on Ctrl-C and 143 on SIGTERM (both unwind, so a temporary output file is
    removed); closed or unusable standard streams never change the exit code.
    """
    _reopen_closed_streams()
    signal.signal(signal.SIGTERM, _terminate)
    _guard_stdout()
    code = _completion_shell(sys.argv) or 0
    try:
        if code:
            raise SystemExit(code)
        _app_for(sys.argv)(prog_name="endoprotocol")  # also under `python -m`
    except KeyboardInterrupt:
        say("interrupted")
        code = 130
    except Terminated:
        say("terminated")
        code = 143
    except SystemExit as done:
        code = _exit_code(done.code)
    finally:
        for fd, stream in ((1, sys.stdout), (2, sys.stderr)):
            try:
                stream.flush()
            except (OSError, ValueError):
                silence(fd)
    # Everything is unwound by now: output written and flushed, a temporary --output file
    # renamed or removed, worker pools shut. What is left is the interpreter's teardown,
    # whose garbage collection over the loaded packs costs more than the plan itself.
    os._exit(code)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    say(str(code))  # sys.exit("message") prints the message and exits 1
    return 1


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


def _reopen_closed_streams() -> None:
    """Give a closed stdin, stdout or stderr (`<&-`, `>&-`, `2>&-`) /dev/null.

    Otherwise Python has no sys.stdout at all (exit 1 at the first write), and the next file
    opened takes the free descriptor: `--output plan.json` would open as fd 1 and receive
    whatever is printed.
    """
    for fd, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(os.devnull, mode)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    if sys.stdin is None:
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


class _PipeEnd(io.FileIO):
    """stdout's file descriptor; a reader that went away costs nothing and changes nothing.

    A write to a pipe whose reader left points stdout at /dev/null and reports success: the
    run goes on to the exit code it would have had (a failing `rules test` still exits 6),
    with nothing on stderr. Typer's own output (`help`, `schema`) goes through here too.
    """

    def write(self, data: Buffer, /) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            silence(self.fileno())
            return memoryview(data).nbytes


def _guard_stdout() -> None:
    """stdout writes UTF-8 bytes whatever the locale says (JSON, YAML, Markdown, CSV and ics
    are UTF-8 formats; `PYTHONIOENCODING=ascii` made every one of them exit 1), and a pipe
    is watched for a reader that leaves. The table, which is for eyes, falls back to ASCII
    on its own (see `plan.render`)."""
    stream = sys.stdout
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # no real stdout (replaced by a test runner)
    stream.flush()
    terminal = os.isatty(fd)
    raw: io.RawIOBase = (
        io.FileIO(fd, "w", closefd=False) if terminal else _PipeEnd(fd, "w", closefd=False)
    )
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(raw),
        encoding="utf-8",
        errors="strict",
        line_buffering=terminal,  # a terminal does not close early; keep it line-buffered
    )
    common.terminal_encoding = stream.encoding
