"""The benchmark: every figure of bench/README.md in one command.

    python bench/run.py [--repeat 7] [--people 200] [--quick]

Runs each command `--repeat` times, interleaved (one run of each per round, so a busy
machine slows them alike), and prints for each: the median wall time, the spread
(min-max), the median CPU time (user + system of the child), and the ratio of the medians
to the dependency import floor measured in the same rounds:

    python -c "import typer, yaml, rich.console; from pydantic import BaseModel"

Warm runs share one pack cache; cold runs get an empty cache directory each time. Batch
figures are plans per second over a generated mixed cohort (bench/make_cohort.py), also
as CPU seconds per plan, which a busy machine disturbs less than wall time. The 4,000-rule
figure plans one profile with bench/make_pack.py's pack beside the built-in ones.
Targets are in issue 20 and bench/README.md; nothing here fails on a number.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_cohort  # noqa: E402
import make_pack  # noqa: E402

BIN = Path(sys.executable).parent
TOOL = str(BIN / "endoprotocol")
FLOOR = [sys.executable, "-c", "import typer, yaml, rich.console; from pydantic import BaseModel"]


@dataclass
class Figure:
    name: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    per: int = 1  # plans per run (batch figures)


def timed(argv: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run (its output discarded; a failure stops the bench)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        done = subprocess.run(
            argv, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0,):
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr[-500:]!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--people", type=int, default=200, help="cohort size for batch")
    parser.add_argument("--rules", type=int, default=4000, help="rules in the large pack")
    parser.add_argument("--quick", action="store_true", help="3 rounds, 60 people")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.people = 3, 60
    work = Path(tempfile.mkdtemp(prefix="endoprotocol-bench-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> None:
    import random

    cohort = work / "cohort.jsonl"
    rng = random.Random(1)
    with cohort.open("w", encoding="utf-8") as out:
        import json

        for _ in range(args.people):
            out.write(json.dumps(make_cohort.person(rng)) + "\n")
    pack = work / "bulk"
    make_pack.write_pack(pack, args.rules)
    warm = work / "warm-cache"
    # Bytecode is cached as an installed tool's is (pip compiles a wheel's modules when it
    # installs them): with PYTHONDONTWRITEBYTECODE set, a source checkout would compile
    # every module on every run (~100 ms), which no user pays. The warm-up runs below write it.
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ENDOPROTOCOL_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    base["COLUMNS"] = "100"
    warm_env = {**base, "ENDOPROTOCOL_CACHE_DIR": str(warm)}
    plan = [TOOL, "plan", "--example", "muscle-trt-45", "--no-user-rules"]
    bulk = [*plan, "--format", "json", "--rules", str(pack)]
    # fill the warm cache for every rule set used below (and the bytecode of every module)
    for argv in (plan, bulk, [*plan, "--format", "table"]):
        subprocess.run(argv, env=warm_env, stdout=subprocess.DEVNULL, check=True)

    def cold_env() -> dict[str, str]:
        fresh = Path(tempfile.mkdtemp(dir=work, prefix="cold-"))
        return {**base, "ENDOPROTOCOL_CACHE_DIR": str(fresh)}

    batch = [TOOL, "batch", str(cohort), "--no-user-rules", "-o", os.devnull]
    cases: list[tuple[Figure, Callable[[], tuple[float, float]]]] = [
        (Figure("import floor"), lambda: timed(FLOOR, warm_env)),
        (Figure("plan --format json"), lambda: timed([*plan, "--format", "json"], warm_env)),
        (
            Figure("plan --format json, cold cache"),
            lambda: timed([*plan, "--format", "json"], cold_env()),
        ),
        (Figure("plan --format table"), lambda: timed([*plan, "--format", "table"], warm_env)),
        (Figure("--help"), lambda: timed([TOOL, "--help"], warm_env)),
        (Figure("--version"), lambda: timed([TOOL, "--version"], warm_env)),
        (Figure("4,000-rule pack, plan json"), lambda: timed(bulk, warm_env)),
        (Figure("4,000-rule pack, cold cache"), lambda: timed(bulk, cold_env())),
        (
            Figure("batch --jobs 1", per=args.people),
            lambda: timed([*batch, "--jobs", "1"], warm_env),
        ),
        (
            Figure("batch --jobs 2", per=args.people),
            lambda: timed([*batch, "--jobs", "2"], warm_env),
        ),
    ]
    for round_ in range(args.repeat):
        for figure, measure in cases:
            wall, cpu = measure()
            figure.wall.append(wall)
            figure.cpu.append(cpu)
        print(f"round {round_ + 1}/{args.repeat} done", file=sys.stderr)
    report([f for f, _ in cases], args)


def report(figures: list[Figure], args: argparse.Namespace) -> None:
    floor = statistics.median(figures[0].wall)
    floor_cpu = statistics.median(figures[0].cpu)
    print(
        f"{args.repeat} interleaved rounds; load average now "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; Python {sys.version.split()[0]}\n"
    )
    print(
        "| figure | median (wall) | spread (min-max) | x floor (wall) | CPU median | x floor (CPU) |"
    )
    print("|---|---|---|---|---|---|")
    for f in figures:
        wall, cpu = statistics.median(f.wall), statistics.median(f.cpu)
        spread = f"{min(f.wall) * 1000:.0f}-{max(f.wall) * 1000:.0f} ms"
        if f.per > 1:
            print(
                f"| {f.name} ({f.per} plans) | {f.per / wall:.1f} plans/s | {spread} | "
                f"- | {cpu / f.per * 1000:.1f} ms CPU/plan | - |"
            )
            continue
        print(
            f"| {f.name} | {wall * 1000:.0f} ms | {spread} | {wall / floor:.2f} | "
            f"{cpu * 1000:.0f} ms | {cpu / floor_cpu:.2f} |"
        )
    one = next(f for f in figures if f.name == "batch --jobs 1")
    two = next(f for f in figures if f.name == "batch --jobs 2")
    print(
        f"\nbatch --jobs 2 / --jobs 1 throughput: "
        f"{statistics.median(one.wall) / statistics.median(two.wall):.2f}x; "
        f"CPU per plan --jobs 2 / --jobs 1: "
        f"{statistics.median(two.cpu) / statistics.median(one.cpu):.2f}"
    )


if __name__ == "__main__":
    main()
