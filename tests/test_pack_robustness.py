"""Bad rule packs through `plan --rules` (exit 4, positions, nothing on stdout) and a fuzzer
for the pack loader: whatever the bytes, the loader answers with a pack or RulePackError."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir, load_rules
from endoprotocol.errors import RulePackError
from tests.conftest import RunCli
from tests.packs import PLAN_ARGS, write_pack
from tests.test_rule_language import BAD, EXPECTED_ERRORS

FUZZ_EXAMPLES = int(os.environ.get("ENDOPROTOCOL_FUZZ_EXAMPLES", "300"))
PLAN = [*PLAN_ARGS]


def test_every_pack_error_class_through_plan_is_exit_4_with_positions(
    cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "plan.json"
    result = cli(*PLAN, "--rules", str(BAD), "--output", str(out))
    assert result.exit_code == 4
    assert result.stdout == ""
    assert not out.exists(), "nothing is written when the packs are invalid"
    for name, line, col, code, _ in EXPECTED_ERRORS:
        assert f"{BAD / name}:{line}:{col}: error: " in result.stderr, (name, line, code)
        assert f"[{code}]" in result.stderr
    assert "Traceback" not in result.stderr


def _pack(root: Path, files: dict[str, str | None]) -> Path:
    return write_pack(root, "fuzzed", files)


def test_an_unreadable_rule_file_is_exit_4(cli: RunCli, tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"gone.yaml": None})
    result = cli(*PLAN, "--rules", str(pack))
    assert result.exit_code == 4
    assert f"{pack / 'gone.yaml'}:1:1: error: cannot read file" in result.stderr
    assert "[unreadable]" in result.stderr


def test_a_pack_with_zero_rules_is_exit_4(cli: RunCli, tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"rules.yaml": "rules: []\n"})
    result = cli(*PLAN, "--rules", str(pack))
    assert result.exit_code == 4
    assert (
        f"{pack / 'pack.yaml'}:1:1: error: pack 'fuzzed' holds no rules [empty-pack]"
        in result.stderr
    )


def test_a_folder_without_a_manifest_is_exit_4(cli: RunCli, tmp_path: Path) -> None:
    result = cli(*PLAN, "--rules", str(tmp_path))
    assert result.exit_code == 4
    assert "[missing-manifest]" in result.stderr


SEED = (builtin_rules_dir() / "core" / "hiit.yaml").read_text(encoding="utf-8")


@st.composite
def mutated_rule_files(draw: st.DrawFn) -> str:
    """A real rule file with lines dropped, duplicated, re-indented or with bytes replaced."""
    lines = SEED.splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "dup", "indent", "dedent", "char", "swap-value"]))
        if kind == "drop":
            del lines[i]
        elif kind == "dup":
            lines.insert(i, lines[i])
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:]
        elif kind == "char" and lines[i]:
            j = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = (
                lines[i][:j]
                + draw(st.sampled_from(list(":-[]{}&*!#|>'\"0 \tno1e3")))
                + lines[i][j + 1 :]
            )
        elif kind == "swap-value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = (
                key
                + ": "
                + draw(
                    st.sampled_from(
                        [
                            *["no", "1e3", "[]", "{}", "-1", "null", "~", "'x'", "[1, 2, 3]"],
                            # numbers and booleans outside JSON's grammar (DESIGN.md v1.1)
                            *["0170", "1:05", "0x1f", "0o17", "1_000", ".inf", ".nan", "+3"],
                            *["9" * 5000, "1e999", "-0", "1.5e1", "on", "off", "Yes"],
                            # depth and control characters (issue 14)
                            *["[" * 200 + "]" * 200, '"\\e[31mred"', '"a\\rb"', "{ref: x}"],
                        ]
                    )
                )
            )
    return "\n".join(lines) + "\n"


REFERENCES = (builtin_rules_dir() / "core" / "references.yaml").read_text(encoding="utf-8")

# The safety pack always loads (DESIGN.md v1.1); the fuzzer loads a one-rule stand-in for it.
STUB_SAFETY = """
rules:
  - id: under-18
    title: A stand-in for the age scope
    phase: safety
    when: {fact: age, op: lt, value: 18}
    then:
      - refuse: {message: out of scope, instead: see the real safety pack}
    because: The loader fuzzer needs a built-in safety pack, not the real one's load time.
    references: [stub-scope]
"""


def _load_one(text: str) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        # alone (a stand-in safety pack, no core, ~50x faster), with the references it cites
        pack = _pack(root, {"rules.yaml": text, "references.yaml": REFERENCES})
        stub_ref = "references:\n  - {id: stub-scope, citation: A stand-in.}\n"
        write_pack(root / "builtin", "safety", {"scope.yaml": STUB_SAFETY}, stub_ref)
        try:
            with mock.patch.dict(os.environ, {RULES_ENV: str(root / "builtin")}):
                load_rules([pack], builtin=False, user_dir=False)
        except RulePackError as error:
            rendered = error.render()
            assert ": error: " in rendered
            for d in error.diagnostics:
                assert d.line >= 1
                assert d.col >= 1
    finally:
        shutil.rmtree(root)


def _fuzz(strategy: st.SearchStrategy[Any]) -> int:
    seen: list[int] = []

    @settings(
        max_examples=FUZZ_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def check(text: str) -> None:
        seen.append(1)
        _load_one(text)

    check()
    return len(seen)


def test_fuzz_mutated_rule_files(record_property: Any) -> None:
    count = _fuzz(mutated_rule_files())
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


def test_fuzz_arbitrary_rule_file_text(record_property: Any) -> None:
    count = _fuzz(
        st.text(max_size=400) | st.sampled_from(["rules:\n  - {}\n", "rules: 3\n", "- a\n- b\n"])
    )
    record_property("cases", count)
    assert count >= FUZZ_EXAMPLES


@pytest.mark.parametrize(
    "text", ["rules:\n  - id: x\n    when: {all: []}\n", "conditions: {a: {ref: a}}\nrules: []\n"]
)
def test_degenerate_trees_are_errors_not_crashes(text: str) -> None:
    _load_one(text)
