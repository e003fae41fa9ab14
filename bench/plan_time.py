"""build_plan's time per plan, in process (CPU seconds, which a busy machine disturbs less).

    python bench/plan_time.py [--people 200] [--rules-pack DIR]

Uses only the public API that every version has (load_rules, load_library, parse_profile,
build_plan), so it runs against an older checkout too: `PYTHONPATH=OLD/src python
bench/plan_time.py` gives the "before" figure of bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import contextlib

import make_cohort


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rules-pack", type=Path, default=None)
    args = parser.parse_args()

    import endoprotocol
    from endoprotocol.engine.loader import builtin_rules_dir
    from endoprotocol.errors import EndoprotocolError

    extra = [args.rules_pack] if args.rules_pack else []
    rules = endoprotocol.load_rules(extra, user_dir=False)
    library = endoprotocol.load_library(builtin_rules_dir())
    rng = random.Random(1)
    people = []
    for _ in range(args.people):
        with contextlib.suppress(EndoprotocolError):
            people.append(
                endoprotocol.parse_profile(json.loads(json.dumps(make_cohort.person(rng))))
            )
    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        planned = 0
        for person in people:
            try:
                endoprotocol.build_plan(person, rules, library).to_json()
                planned += 1
            except EndoprotocolError:
                pass
        rounds.append((time.process_time() - start) / max(planned, 1))
    print(
        f"build_plan + to_json: median {statistics.median(rounds) * 1000:.1f} ms CPU per plan "
        f"(rounds {', '.join(f'{r * 1000:.1f}' for r in rounds)}; {planned} plans, "
        f"{len(rules.rules)} rules)"
    )


if __name__ == "__main__":
    main()
