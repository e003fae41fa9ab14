"""endoprotocol: personalized, evidence-graded weekly exercise plans from YAML rules.

The public API is loaded lazily so that `endoprotocol --help` and `--version` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "build_plan": "endoprotocol.build",
    "load": "endoprotocol.knowledge",
    "Knowledge": "endoprotocol.knowledge",
    "load_rules": "endoprotocol.engine.loader",
    "RuleSet": "endoprotocol.engine.loader",
    "Plan": "endoprotocol.plan",
    "Library": "endoprotocol.planner.library",
    "load_library": "endoprotocol.planner.library",
    "Profile": "endoprotocol.profile",
    "parse_profile": "endoprotocol.profile",
}

__all__ = [
    "Knowledge",
    "Library",
    "Plan",
    "Profile",
    "RuleSet",
    "__version__",
    "build_plan",
    "load",
    "load_library",
    "load_rules",
    "parse_profile",
]

if TYPE_CHECKING:
    from endoprotocol.build import build_plan
    from endoprotocol.engine.loader import RuleSet, load_rules
    from endoprotocol.knowledge import Knowledge, load
    from endoprotocol.plan import Plan
    from endoprotocol.planner.library import Library, load_library
    from endoprotocol.profile import Profile, parse_profile


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'endoprotocol' has no attribute {name!r}")
