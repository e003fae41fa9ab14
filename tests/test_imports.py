"""Nothing loads rule packs or the exercise library at import time (issue 13).

Importing a module must not read YAML: collection stays fast, and a test's isolation (an
autouse fixture setting the user directory) is in force before anything is read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import importlib, pkgutil, sys
from pathlib import Path
import endoprotocol
from endoprotocol.engine import loader
from endoprotocol.planner import library

def refuse(*args, **kwargs):
    raise SystemExit("read at import time")

loader.load_rules = refuse
library.load_library = refuse
for info in pkgutil.walk_packages(endoprotocol.__path__, "endoprotocol."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
for path in sorted(Path("tests").glob("*.py")):
    importlib.import_module("tests." + path.stem)
print("ok")
"""


def test_no_module_loads_rules_at_import_time() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
