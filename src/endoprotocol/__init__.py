"""endoprotocol: personalized, evidence-graded weekly exercise plans from YAML rules."""

from __future__ import annotations

__version__ = "0.1.0"

from endoprotocol.build import build_plan
from endoprotocol.engine.loader import RuleSet, load_rules
from endoprotocol.plan import Plan
from endoprotocol.planner.library import Library, load_library
from endoprotocol.profile import Profile, parse_profile

__all__ = [
    "Library",
    "Plan",
    "Profile",
    "RuleSet",
    "__version__",
    "build_plan",
    "load_library",
    "load_rules",
    "parse_profile",
]
