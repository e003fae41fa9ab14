"""One load for rules and library: the id index, and the library in the plan's provenance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import endoprotocol
from endoprotocol.engine.loader import RULES_ENV, RuleSet, builtin_rules_dir

PERSON = {"age": 40, "sex": "female", "goals": ["strength"]}


def test_rule_lookup_is_an_index_that_agrees_with_the_list(ruleset: RuleSet) -> None:
    for rule in ruleset.rules:
        assert ruleset.rule(rule.full_id) is rule
    assert ruleset.rule("core/no-such-rule") is None
    assert ruleset.rule("") is None


def test_the_index_follows_a_replaced_rule_list(ruleset: RuleSet) -> None:
    import dataclasses

    fewer = dataclasses.replace(ruleset, rules=ruleset.rules[:3])
    assert fewer.rule(ruleset.rules[5].full_id) is None
    fewer.rules = ruleset.rules
    assert fewer.rule(ruleset.rules[5].full_id) is ruleset.rules[5]


def test_full_id_is_computed_once(ruleset: RuleSet) -> None:
    rule = ruleset.rules[0]
    assert rule.full_id == f"{rule._pack}/{rule.id}"
    assert rule.__dict__["full_id"] == rule.full_id  # kept on the instance after first read


def _plan_packs(tmp_path: Path) -> dict[str, str]:
    loaded = endoprotocol.load(user_dir=False, cache=False)
    plan = endoprotocol.build_plan(endoprotocol.parse_profile(PERSON), *vars(loaded).values())
    return {p.name: p.sha256 for p in plan.generator.rule_packs}


def test_a_library_edit_changes_the_plans_provenance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), rules)
    monkeypatch.setenv(RULES_ENV, str(rules))
    before = _plan_packs(tmp_path)
    assert set(before) == {"core", "safety", "library"}
    exercises = rules / "library" / "exercises.yaml"
    exercises.write_text(exercises.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    after = _plan_packs(tmp_path)
    assert after["library"] != before["library"]
    assert {k: v for k, v in after.items() if k != "library"} == {
        k: v for k, v in before.items() if k != "library"
    }


def test_load_returns_the_rules_and_library_the_separate_loaders_give() -> None:
    loaded = endoprotocol.load(user_dir=False, cache=False)
    assert [r.full_id for r in loaded.rules.rules] == [
        r.full_id for r in endoprotocol.load_rules(user_dir=False).rules
    ]
    library = endoprotocol.load_library(builtin_rules_dir())
    assert loaded.library.sha256 == library.sha256
    assert len(loaded.library.sha256) == 64
