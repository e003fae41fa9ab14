"""Plans for a cohort: one profile per JSONL line in, one result per line out, in order.

The work for one line is a pure function of the line and the run's `Settings`
(`plan_line`), so it can run in this process, in worker processes (`run_local`) or on a
Dask cluster (`endoprotocol.cohort_dask`) with the same bytes out. Lines are read,
planned and written as a stream: at most a fixed number of chunks are in flight, so memory
does not grow with the input.
"""

from __future__ import annotations

import csv
import io
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from endoprotocol.errors import EndoprotocolError
from endoprotocol.knowledge import Knowledge, load
from endoprotocol.plan import ready_for_many
from endoprotocol.vocab import Modality
from endoprotocol.yamlio import MAX_BYTES

# The summary CSV's columns (one row per input line).
MODALITIES = [m.value for m in Modality]
GUIDELINES = ["who-2020-aerobic", "who-2020-strength", "who-2020-balance", "ada-2016-activity-gap"]
SUMMARY_HEADER = [
    "line",
    "exit_code",
    "clearance",
    "referral_only",
    *(f"sessions_{m}" for m in MODALITIES),
    *(f"minutes_{m}" for m in MODALITIES),
    *(f"met_{g}" for g in GUIDELINES),
    "warnings",
    "error",
]


@dataclass(frozen=True)
class Settings:
    """What applies to every line: `plan`'s options (pickled to worker processes)."""

    rules: tuple[str, ...] = ()
    builtin: bool = True
    user_dir: bool = True
    allow_safety_overrides: bool = False
    cache: bool = True
    weeks: int = 4
    explain: bool = False
    flags: dict[str, Any] = field(default_factory=dict)
    screening: tuple[str, ...] = ()
    plans: bool = True  # False: --no-plans (only the summary is kept)
    summary: bool = False

    @property
    def packs(self) -> tuple[object, ...]:
        """What decides the rules and library loaded."""
        return (self.rules, self.builtin, self.user_dir, self.allow_safety_overrides, self.cache)

    def load(self) -> Knowledge:
        return load(
            [Path(r) for r in self.rules],
            builtin=self.builtin,
            user_dir=self.user_dir,
            allow_safety_overrides=self.allow_safety_overrides,
            cache=self.cache,
        )


@dataclass(frozen=True)
class LineResult:
    """One line's outcome: its JSONL text (None with --no-plans on success), its exit code
    (0 planned) and its summary row (when a summary is asked for)."""

    line: int
    text: str | None
    exit_code: int
    row: list[str] | None = None


# The rules and library each process plans with: loaded once per process (a forked worker
# inherits the parent's, frozen out of the collector's reach; a spawned one loads its own,
# from the pack cache).
_loaded: dict[tuple[object, ...], Knowledge] = {}


def knowledge_for(settings: Settings) -> Knowledge:
    found = _loaded.get(settings.packs)
    if found is None:
        found = _loaded[settings.packs] = settings.load()
    return found


def plan_line(settings: Settings, line: int, raw: bytes) -> LineResult:
    """Plan one input line. Never raises for a bad line: its error is the result."""
    from endoprotocol.build import build_plan
    from endoprotocol.cli.plan import merge_flags
    from endoprotocol.profile import parse_profile
    from endoprotocol.sources import read_profile_text

    try:
        try:
            data = read_profile_text(raw.rstrip(b"\r\n"), f"line {line}")
            person = parse_profile(merge_flags(data, settings.flags, list(settings.screening)))
            known = knowledge_for(settings)
            plan = build_plan(
                person, known.rules, known.library, weeks=settings.weeks, explain=settings.explain
            )
        except EndoprotocolError as error:
            return _failed(settings, line, error.render(), error.exit_code)
        except RecursionError:
            return _failed(settings, line, "invalid profile: nested too deeply", 3)
        text = f'{{"line":{line},"plan":{plan.to_json()}}}' if settings.plans else None
        return LineResult(line, text, 0, summary_row(line, plan) if settings.summary else None)
    except Exception as error:  # a bug: reported on its line, the run goes on
        return _failed(settings, line, f"internal error: {type(error).__name__}: {error}", 1)


def _failed(settings: Settings, line: int, message: str, code: int) -> LineResult:
    text = json.dumps(
        {"line": line, "error": message, "exit_code": code},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    row = None
    if settings.summary:
        # one physical line per row: the hint joins the message
        flat = " ".join(part.strip() for part in message.splitlines())
        row = [str(line), str(code)] + [""] * (len(SUMMARY_HEADER) - 3) + [flat]
    return LineResult(line, text, code, row)


def summary_row(line: int, plan: Any) -> list[str]:
    totals = plan.totals
    met = {g.id: g.met for g in plan.guidelines}
    return [
        str(line),
        "0",
        str(plan.screening.clearance),
        _flag(plan.screening.referral_only),
        *(str(totals.sessions_by_modality.get(m, 0)) for m in MODALITIES),
        *(str(totals.minutes_by_modality.get(m, 0)) for m in MODALITIES),
        *(_flag(met[g]) if g in met else "" for g in GUIDELINES),
        " ".join(w.code for w in plan.warnings),
        "",
    ]


def _flag(value: bool) -> str:
    return "true" if value else "false"


def csv_text(rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# ---- reading the input ---------------------------------------------------------------------


def numbered_lines(stream: IO[bytes], start_after: int = 0) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) for each non-blank line after `start_after`; numbers count every
    physical line from 1, so blank lines keep the numbering of the file.

    A line longer than a profile may be is never held whole: its first MAX_BYTES + 1 bytes
    stand for it (the profile reader refuses them as too large) and the rest is skipped."""
    limit = MAX_BYTES + 1
    number = 0
    while raw := stream.readline(limit):
        number += 1
        rest = raw
        while len(rest) == limit and not rest.endswith(b"\n"):
            rest = stream.readline(limit)  # drain an oversized line in bounded reads
        if number <= start_after or not raw.strip():
            continue
        yield number, raw


def chunked(items: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def plan_chunk(settings: Settings, chunk: list[tuple[int, bytes]]) -> list[LineResult]:
    return [plan_line(settings, n, raw) for n, raw in chunk]


# ---- running ---------------------------------------------------------------------------------


def run_local(
    settings: Settings,
    lines: Iterable[tuple[int, bytes]],
    *,
    jobs: int = 1,
    chunk_size: int = 16,
) -> Iterator[LineResult]:
    """Results in input order. `jobs > 1`: worker processes, with at most `4 * jobs` chunks
    in flight (bounded memory whatever the input's length)."""
    if jobs <= 1:
        for n, raw in lines:
            yield plan_line(settings, n, raw)
        return
    knowledge_for(settings)  # loaded before the fork: workers share it
    ready_for_many()  # and the plan models' schemas, built once rather than per worker
    chunks = chunked(lines, chunk_size)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
        pending: deque[Future[list[LineResult]]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(plan_chunk, settings, chunk))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _init_worker() -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which cleans up and stops them."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass
class Tally:
    """What the run did, for the exit code and the closing summary."""

    planned: int = 0
    failed: int = 0
    worst: int = 0
    codes: dict[int, int] = field(default_factory=dict)

    def add(self, result: LineResult) -> None:
        if result.exit_code == 0:
            self.planned += 1
            return
        self.failed += 1
        self.worst = max(self.worst, result.exit_code)
        self.codes[result.exit_code] = self.codes.get(result.exit_code, 0) + 1


def write_results(
    results: Iterable[LineResult],
    *,
    out: IO[str] | None,
    summary: IO[str] | None,
    fail_fast: bool = False,
    progress: Callable[[LineResult], None] | None = None,
) -> Tally:
    """Write each result as it arrives, in order; stop after the first failure with
    `fail_fast`."""
    tally = Tally()
    for result in results:
        if out is not None and result.text is not None:
            out.write(result.text + "\n")
        if summary is not None and result.row is not None:
            summary.write(csv_text([result.row]))
        tally.add(result)
        if progress is not None:
            progress(result)
        if fail_fast and result.exit_code:
            break
    return tally


def resume_point(path: Path, *, csv_rows: bool = False) -> int:
    """The last line number already written to `path` (0 when none), after cutting off a
    last record that an interruption left unfinished."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return 0
    end = raw.rfind(b"\n") + 1
    if end < len(raw):
        with path.open("r+b") as handle:
            handle.truncate(end)
    last = 0
    for record in raw[:end].splitlines():
        if csv_rows:
            head = record.split(b",", 1)[0]
            if head.isdigit():
                last = int(head)
            continue
        try:
            value = json.loads(record)
        except ValueError:
            continue
        if isinstance(value, dict) and isinstance(value.get("line"), int):
            last = value["line"]
    return last
