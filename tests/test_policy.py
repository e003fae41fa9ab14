"""The scope and safety policy (DESIGN.md v1.1), for every command that loads packs."""

from __future__ import annotations

from typing import Any

import yaml

from endoprotocol import load_rules
from endoprotocol.engine.loader import builtin_rules_dir


def test_the_safety_packs_sources_are_word_for_word_those_of_the_core_pack() -> None:
    def entries(pack: str) -> dict[str, dict[str, Any]]:
        text = (builtin_rules_dir() / pack / "references.yaml").read_text(encoding="utf-8")
        return {e["id"]: e for e in yaml.safe_load(text)["references"]}

    safety, core = entries("safety"), entries("core")
    assert safety, "the safety pack brings its own sources"
    for rid, entry in safety.items():
        assert entry == core[rid], rid
    rules = load_rules(user_dir=False)
    cited = {ref for r in rules.rules if r.full_id.startswith("safety/") for ref in r.references}
    assert cited == set(safety)
