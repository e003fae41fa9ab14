"""The audit reads some faults from the plan's words: the phrases it looks for must be the
packs' own, and none of its module-level names may be bound twice (a second EASY_WORDS
once silently narrowed `vigorous-steady-untrue` to the word "easy")."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from endoprotocol import audit
from endoprotocol.engine.loader import builtin_rules_dir

PACK_TEXT = "\n".join(
    p.read_text(encoding="utf-8").lower() for p in sorted(builtin_rules_dir().rglob("*.yaml"))
)

# phrases of the packs' notes and effect texts that audit checks match (HEAVIER_PROMISES also
# holds old wordings the packs no longer use, kept so a check still catches their return)
PHRASES = [
    audit.FULL_DAYS_SAID,
    audit.SETS_NOTE_WORDS,
    audit.LIGHTER_BLOCK_WORDS,
    audit.REPS_UP_WORDS,
    audit.HELD_WORDS,
    audit.HEAVY_BONE_CLAIM,
    audit.SHORT_REST_GH_CLAIM,
    audit.HEAVIER_PROMISES[-1],
    *audit.DOSE_DISCLAIMERS,
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_each_phrase_the_audit_reads_is_in_the_packs(phrase: str) -> None:
    """Rewording a note in YAML must not leave a check matching words no plan says."""
    assert phrase.lower() in PACK_TEXT


def test_the_audit_binds_each_module_level_name_once() -> None:
    tree = ast.parse(Path(audit.__file__).read_text(encoding="utf-8"))
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
    assert [n for n, count in names.items() if count > 1] == []
