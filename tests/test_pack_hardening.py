"""Hostile rule packs (issue 14): each kind of attack, at its smallest, is a pack error with a
position (exit 4) or a plan, never a crash, a hang, a huge allocation or leaked internals."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from endoprotocol.engine.loader import load_rules
from endoprotocol.errors import RulePackError
from tests.conftest import RunCli, assert_rejected
from tests.packs import PLAN_ARGS, write_pack

RULE = """\
  - id: {id}
    title: A rule
    phase: {phase}
    {when}
    then:
      - {action}
    because: test
    references: [who-2020]
"""


def rule(
    id: str = "r",
    action: str = "note: {modality: all, text: Hello.}",
    when: str = "",
    phase: str = "annotate",
) -> str:
    return RULE.format(id=id, phase=phase, when=when or "# no condition", action=action)


def _plan(cli: RunCli, tmp_path: Path, text: str, *args: str) -> tuple[Path, object]:
    pack = write_pack(tmp_path, "attack", {"rules.yaml": text})
    return pack, cli(*PLAN_ARGS, "--rules", str(pack), *args)


# --- named conditions that expand exponentially ------------------------------------------------


def _chain(length: int) -> str:
    """c0 is a leaf; each next condition is `any` of the previous one twice (2^length paths)."""
    lines = ["conditions:", "  c0: {fact: age, op: ge, value: 18}"]
    lines += [f"  c{i}: {{any: [{{ref: c{i - 1}}}, {{ref: c{i - 1}}}]}}" for i in range(1, length)]
    return "\n".join(lines) + "\nrules:\n" + rule(when=f"when: {{ref: c{length - 1}}}")


def test_named_conditions_are_checked_and_evaluated_once(cli: RunCli, tmp_path: Path) -> None:
    started = time.monotonic()
    _, result = _plan(cli, tmp_path, _chain(30), "--explain")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert time.monotonic() - started < 30
    fired = json.loads(result.stdout)["explanation"]["fired"]  # type: ignore[attr-defined]
    mine = next(f for f in fired if f["rule"] == "attack/r")
    assert len(mine["facts"]) == 1, "the one leaf is listed once, not 2^29 times"


def test_named_conditions_nested_too_deep_are_exit_4(cli: RunCli, tmp_path: Path) -> None:
    pack, result = _plan(cli, tmp_path, _chain(60))
    assert_rejected(
        result,  # type: ignore[arg-type]
        4,
        f"{pack / 'rules.yaml'}:52:3: error: condition 'c50' nests 101 levels deep once its named "
        "conditions are expanded; at most 100 [condition-too-deep]",
    )


def test_a_cycle_of_named_conditions_is_reported_once(tmp_path: Path) -> None:
    text = "conditions:\n  a: {ref: b}\n  b: {any: [{ref: a}, {ref: a}]}\nrules:\n" + rule(
        when="when: {ref: a}"
    )
    pack = write_pack(tmp_path, "attack", {"rules.yaml": text})
    with pytest.raises(RulePackError) as info:
        load_rules([pack], builtin=False, user_dir=False)
    cycles = [d for d in info.value.diagnostics if d.code == "condition-cycle"]
    assert len(cycles) == 2  # the two references that close the loop, once each
    assert "named condition 'a' refers to itself (a -> b -> a)" in cycles[0].message


# --- files that are not plain, or are huge --------------------------------------------------------


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "sparse-1.5gb"])
def test_a_rule_file_that_is_not_a_plain_small_file_is_exit_4(
    cli: RunCli, tmp_path: Path, kind: str
) -> None:
    pack = write_pack(tmp_path, "attack", {"rules.yaml": "rules:\n" + rule()})
    target = pack / "more.yaml"
    if kind == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("needs /dev/zero")
        target.symlink_to("/dev/zero")
        says = "not a regular file (a device, pipe or socket); use a plain file [unreadable]"
    elif kind == "fifo":
        os.mkfifo(target)
        says = "not a regular file (a device, pipe or socket); use a plain file [unreadable]"
    else:
        with target.open("wb") as handle:
            handle.truncate(1_500_000_000)  # sparse: no disk used
        says = "the file is 1,500,000,000 bytes; the limit is 1,000,000 [too-large]"
    result = cli(*PLAN_ARGS, "--rules", str(pack))
    assert_rejected(result, 4, f"{target}:1:1: error: {says}")


# --- text that reaches str.format ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note", "says"),
    [
        ("a lone { brace", "load_note: a lone { or }"),
        ("{0.__class__}", "load_note: may only use {load_change_pct}; not {0.__class__}"),
        ("{load_change_pct:>999999999}", "not {load_change_pct:>999999999}"),
        ("{load_change_pct!r}", "not {load_change_pct!r}"),
        ("{load_change_pct.real}", "not {load_change_pct.real}"),
    ],
)
def test_progression_notes_use_only_plain_placeholders(
    cli: RunCli, tmp_path: Path, note: str, says: str
) -> None:
    action = f"progression: {{load_increase_pct: [2, 5], load_note: '{note}'}}"
    pack, result = _plan(cli, tmp_path, "rules:\n" + rule(action=action, phase="prescribe"))
    assert_rejected(result, 4, f"{pack / 'rules.yaml'}:", says)  # type: ignore[arg-type]


def test_a_placeholder_is_filled_in_as_text(cli: RunCli, tmp_path: Path) -> None:
    action = (
        "progression: {load_increase_pct: [2, 5], priority: 1, "
        "load_note: 'Add {{load}} ({load_change_pct}%)'}"
    )
    text = "rules:\n" + rule(action=action, phase="prescribe").replace(
        "    phase: prescribe", "    phase: prescribe\n    priority: 100"
    ).replace(", priority: 1", "")
    _, result = _plan(cli, tmp_path, text, "--weeks", "3")
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    notes = [n for w in json.loads(result.stdout)["weeks"] for n in w["notes"]]  # type: ignore[attr-defined]
    assert any(n.startswith("Add {load} (") and n.endswith("%)") for n in notes), notes


# --- depth, control characters -------------------------------------------------------------------------


def test_nesting_just_under_the_parsers_limit_is_exit_4_at_its_position(
    cli: RunCli, tmp_path: Path
) -> None:
    text = "rules:\n" + rule() + "extra: " + "[" * 990 + "]" * 990 + "\n"
    pack, result = _plan(cli, tmp_path, text)
    assert_rejected(
        result,  # type: ignore[arg-type]
        4,
        f"{pack / 'rules.yaml'}:10:71: error: lists and mappings are nested more than 64 "
        "levels deep [too-deep]",
    )


@pytest.mark.parametrize("escape", ["\\e[31m", "\\r", "\\x07", "\\u009b"])
def test_control_characters_in_pack_text_are_exit_4(
    cli: RunCli, tmp_path: Path, escape: str
) -> None:
    action = f'note: {{modality: all, text: "red{escape}text"}}'
    pack, result = _plan(cli, tmp_path, "rules:\n" + rule(action=action))
    assert_rejected(
        result,  # type: ignore[arg-type]
        4,
        f"{pack / 'rules.yaml'}:7:37: error: rule 'attack/r': rules.0.then.0.note.text: "
        "text holds the control character",
        "[control-character]",
    )
    assert "\x1b" not in result.stderr  # type: ignore[attr-defined]


# --- .yml files, ignored files ---------------------------------------------------------------------------


def test_yml_files_are_read_and_hashed_like_yaml(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, "attack", {"rules.yml": "rules:\n" + rule(id="from-yml")})
    ruleset = load_rules([pack], builtin=True, user_dir=False)
    assert ruleset.rule("attack/from-yml") is not None
    before = next(p.sha256 for p in ruleset.packs if p.name == "attack")
    (pack / "rules.yml").write_text("rules:\n" + rule(id="from-yml", phase="adjust"))
    after = next(p.sha256 for p in load_rules([pack], user_dir=False).packs if p.name == "attack")
    assert before != after


def test_a_json_file_in_a_pack_is_not_skipped_silently(cli: RunCli, tmp_path: Path) -> None:
    pack = write_pack(tmp_path, "attack", {"rules.yaml": "rules:\n" + rule()})
    (pack / "more.json").write_text('{"rules": []}')
    result = cli("rules", "validate", "--no-user-rules", str(pack))
    assert result.exit_code == 0, result.stderr
    assert (
        f"{pack / 'more.json'}:1:1: warning: ignored: rule files end in .yaml or .yml [ignored-file]"
        in result.stderr
    )


# --- overlap warnings ------------------------------------------------------------------------------------


def test_a_rule_that_overrides_another_is_not_an_overlap(cli: RunCli, tmp_path: Path) -> None:
    setter = "prescribe: {modality: resistance, role: compound, reps: [8, 12]}"
    text = (
        "rules:\n"
        + rule(id="a", action=setter, phase="prescribe")
        + rule(id="b", action=setter, phase="prescribe").replace(
            "    because:", "    overrides: attack/a\n    because:"
        )
    )
    pack = write_pack(tmp_path, "attack", {"rules.yaml": text})
    result = cli("rules", "validate", "--no-user-rules", str(pack))
    assert result.exit_code == 0, result.stderr
    overlaps = [x for x in result.stderr.splitlines() if "[overlapping-setters]" in x]
    assert not [x for x in overlaps if "'attack/a'" in x], overlaps
