"""The built-in rules and exercise library, loaded once on first use (never at import time).

Test modules call `builtin_rules()` / `builtin_library()` inside tests, so collecting them
reads nothing from disk and an `ENDOPROTOCOL_RULES_DIR` in the environment is never picked up.
"""

from __future__ import annotations

from functools import cache

import pytest

from endoprotocol import Library, RuleSet, load_library, load_rules
from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir
from endoprotocol.planner.library import ExerciseEntry


@cache
def builtin_rules() -> RuleSet:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return load_rules(user_dir=False)


@cache
def builtin_library() -> Library:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return load_library(builtin_rules_dir())


def exercise_by_name(name: str) -> ExerciseEntry:
    """The built-in library's exercise of that (display) name."""
    return _by_name()[name]


@cache
def _by_name() -> dict[str, ExerciseEntry]:
    return {e.name: e for e in builtin_library().exercises}
