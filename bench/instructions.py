"""Instruction counts of the CLI figures and of a plan in process: the load-independent bench.

    python bench/instructions.py [--people 40]

Wall and CPU times on a shared 2-core machine move with its load; the number of
instructions a run executes does not (with one hash seed, which this sets, the same run
gives the same count; with random seeds a plan's count moves by about 2 %). This runs each command once under valgrind's
cachegrind without cache simulation and prints its instruction count (the `I refs` line)
and its ratio to the import floor's. Counts are not times (importing and unmarshalling run
at a different pace per instruction from planning), but they rank changes reliably:
measure a change here, then quote CPU medians from bench/run.py at a quiet moment.

Rows:
- the dependency import floor (`import typer, yaml, rich.console; from pydantic import
  BaseModel`), and the floor plus one pydantic model class: defining the first class
  imports pydantic's field and plugin machinery, which every tool that validates with
  pydantic pays and the floor does not include;
- `plan --format json` and `--format table` on a warm pack cache (primed first, in a
  temporary cache directory);
- `build_plan` + `to_json` in process, per plan: (N people planned) minus (setup only),
  over N, for a mixed cohort (bench/make_cohort.py, seed 1).

Needs valgrind (`apt install valgrind`); exits 2 without it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = "import typer, yaml, rich.console; from pydantic import BaseModel"
FIRST_MODEL = FLOOR + "\nclass A(BaseModel):\n    x: str = 'a'\n"
VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
TOOL = str(Path(sys.executable).parent / "endoprotocol")
PLAN = [TOOL, "plan", "--example", "muscle-trt-45", "--no-user-rules"]

IN_PROCESS = """
import contextlib, json, os, random, sys
sys.path.insert(0, {here!r})
import make_cohort, endoprotocol
from endoprotocol.engine.loader import builtin_rules_dir
from endoprotocol.errors import EndoprotocolError
rules = endoprotocol.load_rules([], user_dir=False)
library = endoprotocol.load_library(builtin_rules_dir())
rng = random.Random(1)
people = []
for _ in range({people}):
    with contextlib.suppress(EndoprotocolError):
        people.append(endoprotocol.parse_profile(json.loads(json.dumps(make_cohort.person(rng)))))
for person in people[:3]:  # the first plans build pydantic's schemas: not counted
    with contextlib.suppress(EndoprotocolError):
        endoprotocol.build_plan(person, rules, library).to_json()
if {run}:
    for person in people:
        with contextlib.suppress(EndoprotocolError):
            endoprotocol.build_plan(person, rules, library).to_json()
"""


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """The instructions one run executes (valgrind's `I refs`)."""
    done = subprocess.run(
        [*VALGRIND, *argv],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"failed: {' '.join(argv)}\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=40)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        sys.exit(2)
    with tempfile.TemporaryDirectory(prefix="endoprotocol-bench-") as cache:
        # as an installed tool runs: modules compiled once, not on every run
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["ENDOPROTOCOL_CACHE_DIR"] = cache
        env["COLUMNS"] = "100"
        # one hash seed: set and dict orders (and so a few code paths) stay the same run to run
        env["PYTHONHASHSEED"] = "0"
        for fmt in ("json", "table"):  # prime the cache and the compiled modules
            subprocess.run([*PLAN, "--format", fmt], env=env, capture_output=True, check=True)
        floor = instructions([sys.executable, "-c", FLOOR], env)
        rows = [
            ("import floor", floor),
            (
                "floor + one pydantic model class",
                instructions([sys.executable, "-c", FIRST_MODEL], env),
            ),
            ("plan --format json (warm cache)", instructions([*PLAN, "--format", "json"], env)),
            ("plan --format table (warm cache)", instructions([*PLAN, "--format", "table"], env)),
        ]
        for name, count in rows:
            print(f"{name:<36} {count / 1e6:>9,.1f} M  {count / floor:.2f}x floor")
        code = {
            run: IN_PROCESS.format(here=str(HERE), people=args.people, run=run) for run in (1, 0)
        }
        planned = instructions([sys.executable, "-c", code[1]], env)
        setup = instructions([sys.executable, "-c", code[0]], env)
        per_plan = (planned - setup) / args.people
        print(f"{'in process, per plan':<36} {per_plan / 1e6:>9,.1f} M  ({args.people} people)")


if __name__ == "__main__":
    main()
