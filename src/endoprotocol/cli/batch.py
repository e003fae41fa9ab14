"""`endoprotocol batch`: plan every profile of a JSONL file, in order, as a stream."""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from endoprotocol.cli.common import (
    AllowSafetyOption,
    DebugOption,
    NoBuiltinOption,
    NoCacheOption,
    NoUserOption,
    RulesOption,
    run_guarded,
    say,
    settle,
)
from endoprotocol.errors import UsageError


def batch(
    source: Annotated[
        str,
        typer.Argument(
            help="JSONL file: one profile (a JSON object) per line; '-' reads stdin.",
            metavar="IN.jsonl",
        ),
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="Where the results go ('-': stdout, the default).",
            metavar="OUT.jsonl",
        ),
    ] = "-",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, max=256, help="Worker processes.")
    ] = 1,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first line that cannot be planned.")
    ] = False,
    summary: Annotated[
        str | None,
        typer.Option(
            "--summary",
            help="Also write a CSV row per person: line, clearance, sessions and minutes by "
            "modality, guidelines met, warning codes.",
            metavar="FILE.csv",
        ),
    ] = None,
    no_plans: Annotated[
        bool,
        typer.Option("--no-plans", help="Keep only the --summary (full plans are ~150 kB each)."),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue an interrupted run: skip the lines already in --output (or in "
            "--summary with --no-plans) and append.",
        ),
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run on Dask: 'local' starts a local cluster, else a scheduler address "
            "(tcp://host:8786). Needs the extra: pip install 'endoprotocol[dask]'.",
            metavar="SCHEDULER",
        ),
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=16, help="Weeks in each block (1-16).")
    ] = 4,
    explain: Annotated[
        bool, typer.Option("--explain", help="Add the explanation to every plan.")
    ] = False,
    age: Annotated[int | None, typer.Option(help="Replaces every line's age.")] = None,
    sex: Annotated[str | None, typer.Option(help="Replaces every line's sex.")] = None,
    goal: Annotated[
        list[str] | None, typer.Option("--goal", help="Replaces every line's goals.")
    ] = None,
    therapy: Annotated[
        list[str] | None, typer.Option("--therapy", help="Replaces every line's therapies.")
    ] = None,
    condition: Annotated[
        list[str] | None, typer.Option("--condition", help="Replaces every line's conditions.")
    ] = None,
    equipment: Annotated[
        list[str] | None, typer.Option("--equipment", help="Replaces every line's equipment.")
    ] = None,
    experience: Annotated[
        str | None, typer.Option(help="Replaces every line's experience.")
    ] = None,
    days: Annotated[
        list[str] | None, typer.Option("--days", help="Replaces every line's training days.")
    ] = None,
    days_per_week: Annotated[
        int | None, typer.Option("--days-per-week", help="Replaces every line's days.")
    ] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Replaces every line's minutes per session.")
    ] = None,
    pregnancy_week: Annotated[
        int | None,
        typer.Option("--pregnancy-week", help="Replaces every line's week of pregnancy."),
    ] = None,
    blood_pressure: Annotated[
        str | None,
        typer.Option(
            "--blood-pressure", help="Replaces every line's blood pressure.", metavar="SYS/DIA"
        ),
    ] = None,
    active: Annotated[
        bool | None, typer.Option("--active/--inactive", help="Replaces every line's activity.")
    ] = None,
    screening: Annotated[
        list[str] | None,
        typer.Option(
            "--screening", help="A PAR-Q+ question answered yes on every line.", metavar="KEY"
        ),
    ] = None,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """Plan a cohort: one profile per input line, one JSON object per output line, in order.

    Each output line is {"line": n, "plan": {...}} (the plan `plan --format json` prints) or
    {"line": n, "error": "...", "exit_code": 3}; lines count from 1 and blank lines are
    skipped. A bad line never stops the run (--fail-fast does). Exit 0 when every line
    planned, else the highest exit code among the failed lines. `plan`'s options apply to
    every line. On a terminal, a progress bar and a closing summary go to stderr.

    Examples:

      endoprotocol batch cohort.jsonl -o plans.jsonl --jobs 2

      endoprotocol batch cohort.jsonl --no-plans --summary cohort.csv

      cat cohort.jsonl | endoprotocol batch - --weeks 8 > plans.jsonl
    """
    from endoprotocol.cli.plan import _bp, _items

    flags: dict[str, Any] = {
        "age": age,
        "sex": sex,
        "pregnancy_week": pregnancy_week,
        "blood_pressure": _bp(blood_pressure),
        "goals": _items(goal),
        "therapies": _items(therapy),
        "conditions": _items(condition),
        "equipment": _items(equipment),
        "experience": experience,
        "days": _items(days),
        "days_per_week": days_per_week,
        "minutes_per_session": minutes,
        "currently_active": active,
    }

    def body() -> None:
        from endoprotocol import cohort

        if no_plans and summary is None:
            raise UsageError("--no-plans keeps only the summary", hint="add --summary FILE.csv")
        if resume and not no_plans and output == "-":
            # with --no-plans the summary file is what is continued
            raise UsageError("--resume continues a file", hint="give --output OUT.jsonl")
        settings = cohort.Settings(
            rules=tuple(str(r) for r in rules or []),
            builtin=not no_builtin_rules,
            user_dir=not no_user_rules,
            allow_safety_overrides=allow_safety_overrides,
            cache=not no_cache,
            weeks=weeks,
            explain=explain,
            flags={k: v for k, v in flags.items() if v is not None},
            screening=tuple(_items(screening) or []),
            plans=not no_plans,
            summary=summary is not None,
        )
        cohort.knowledge_for(settings)  # a broken pack stops the run before any line (exit 4)
        settle()
        done = 0
        if resume:
            done = (
                cohort.resume_point(Path(summary), csv_rows=True)
                if no_plans and summary is not None
                else cohort.resume_point(Path(output))
            )
        with ExitStack() as stack:
            stream = _open_input(source, stack)
            out = None if no_plans else _open_output(output, resume, stack)
            table = None
            if summary is not None:
                table = stack.enter_context(
                    open(summary, "a" if resume else "w", encoding="utf-8", newline="")
                )
                if table.tell() == 0:
                    table.write(cohort.csv_text([cohort.SUMMARY_HEADER]))
            lines = cohort.numbered_lines(stream, done)
            if dask is not None:
                from endoprotocol.cohort_dask import run_dask

                results = run_dask(settings, lines, scheduler=dask)
            else:
                results = cohort.run_local(settings, lines, jobs=jobs)
            started = time.perf_counter()
            with _progress(source, stream) as tick:
                tally = cohort.write_results(
                    results, out=out, summary=table, fail_fast=fail_fast, progress=tick
                )
            if out is not None:
                out.flush()
        if sys.stderr.isatty():
            spent = time.perf_counter() - started
            rate = (tally.planned + tally.failed) / spent if spent > 0 else 0.0
            codes = ", ".join(f"{n} with exit {c}" for c, n in sorted(tally.codes.items()))
            say(
                f"planned {tally.planned:,}, failed {tally.failed:,}"
                + (f" ({codes})" if codes else "")
                + f" in {spent:.1f} s ({rate:,.0f} lines/s)"
            )
        if tally.worst:
            raise typer.Exit(tally.worst)

    run_guarded(body, debug=debug)


def _open_input(source: str, stack: ExitStack) -> IO[bytes]:
    if source == "-":
        return sys.stdin.buffer
    from endoprotocol.errors import ProfileInputError

    try:
        return stack.enter_context(open(source, "rb"))
    except OSError as exc:
        raise ProfileInputError(f"cannot read {source}: {exc.strerror or exc}") from None


def _open_output(output: str, resume: bool, stack: ExitStack) -> IO[str]:
    if output == "-":
        return sys.stdout
    from endoprotocol.errors import OutputError

    try:
        return stack.enter_context(open(output, "a" if resume else "w", encoding="utf-8"))
    except OSError as exc:
        raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None


class _progress:
    """A rich progress bar on stderr while lines are planned, only when stderr is a terminal."""

    def __init__(self, source: str, stream: IO[bytes]) -> None:
        self.active = sys.stderr.isatty()
        self.source = source
        self.stream = stream
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not self.active:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.bar.start()
        total = None
        if self.source != "-":
            try:
                total = Path(self.source).stat().st_size
            except OSError:
                total = None
        task = self.bar.add_task("planning", total=total)

        def tick(_result: object) -> None:
            try:
                position = self.stream.tell() if total is not None else None
            except OSError:
                position = None
            if position is not None:
                self.bar.update(task, completed=position)
            else:
                self.bar.advance(task)

        return tick

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
