"""One vocabulary: each closed set of words is declared once, in vocab.py (issue 13)."""

from __future__ import annotations

import re
from pathlib import Path

from endoprotocol.vocab import did_you_mean

SRC = Path(__file__).resolve().parents[1] / "src" / "endoprotocol"

# the first words of each vocabulary vocab.py declares
DECLARED_ONCE = {
    "clearance": '"none", "recommended", "required"',
    "ceiling": '"none", "light", "moderate", "vigorous"',
    "severity": '"high", "medium", "info"',
    "evidence": '"strong", "moderate", "mixed", "low"',
    "synergy evidence": '"speculative", "low"',
    "direction": '"increase", "decrease"',
    "timescale": '"acute", "long_term"',
    "role": '"compound", "accessory", "any"',
}


def test_each_vocabulary_is_declared_in_vocab_only() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "vocab.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name, words in DECLARED_ONCE.items():
            if re.search(r"Literal\[" + re.escape(words), text):
                found.append(f"{path.relative_to(SRC)}: {name}")
    assert found == []


def test_did_you_mean_names_the_nearest_spelling_or_nothing() -> None:
    assert did_you_mean("safty", ["safety", "prescribe"]) == "did you mean 'safety'?"
    assert did_you_mean("safty", ["safety"], lead="; ", trail=" ") == "; did you mean 'safety'? "
    assert did_you_mean("zzz", ["safety", "prescribe"], lead="; ") == ""
