"""What every plan is made from: the rule packs and the exercise library, loaded in one call.

`load()` finds the packs (built-in, user directory, `--rules`), reads and checks them, reads
the library, checks that the rules name only exercises and splits the library has, and —
unless told not to — keeps the validated result in the user cache directory (see
`endoprotocol.packcache`), so the next run skips YAML and the cross-checks altogether.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from endoprotocol.engine.loader import RuleSet, builtin_rules_dir, load_rules
from endoprotocol.planner.library import Library, check_rule_references, load_library


@dataclass(frozen=True)
class Knowledge:
    """The loaded rule set and exercise library (their hashes go into `generator`)."""

    rules: RuleSet
    library: Library


def load(
    extra_dirs: Iterable[Path] = (),
    *,
    builtin: bool = True,
    user_dir: bool = True,
    allow_safety_overrides: bool = False,
    cache: bool = True,
) -> Knowledge:
    """Load rules and library; RulePackError (exit 4) on any problem in either.

    `cache=False` (`--no-cache`) neither reads nor writes the cache. A cache entry is used
    only when its key — every pack and library file's bytes, the options, the tool's and
    Python's versions — matches and its checksum holds; anything else is rebuilt.
    """
    extra = [Path(d) for d in extra_dirs]
    key = None
    if cache:
        from endoprotocol import packcache

        key = packcache.key_for(
            extra, builtin=builtin, user_dir=user_dir, allow=allow_safety_overrides
        )
        found = packcache.read(key)
        if found is not None:
            return Knowledge(*found)
    rules = load_rules(
        extra, builtin=builtin, user_dir=user_dir, allow_safety_overrides=allow_safety_overrides
    )
    library = load_library(builtin_rules_dir())
    check_rule_references(rules, library)
    if key is not None:
        from endoprotocol import packcache

        packcache.write(key, rules, library)
    return Knowledge(rules, library)
