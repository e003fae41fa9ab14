"""The rule language: pack errors reported compiler-style, every op, every action's validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from endoprotocol.cli.app import app
from endoprotocol.engine.evaluate import _Context
from endoprotocol.engine.facts import Earlier
from endoprotocol.engine.loader import check_leaf, load_rules
from endoprotocol.engine.model import (
    Bound,
    Cap,
    Effect,
    Forbid,
    Leaf,
    Limit,
    Prescription,
    Requirement,
    Rule,
    Screen,
    SessionRequest,
    Synergy,
    Warn,
)
from endoprotocol.errors import RulePackError
from endoprotocol.profile import parse_profile
from tests.packs import write_pack

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad-pack"

# Every kind of pack error, with the exact position it must be reported at.
EXPECTED_ERRORS = [
    ("syntax.yaml", 4, 1, "yaml-syntax", "YAML syntax"),
    ("dupkey.yaml", 4, 5, "duplicate-key", "duplicate key 'title'"),
    ("pack.yaml", 6, 5, "reference-conflict", "reference 'acsm-2009'"),
    ("rules.yaml", 7, 5, "unknown-field", "did you mean 'priority'?"),
    ("rules.yaml", 16, 36, "wrong-type", "per_week"),
    ("rules.yaml", 22, 5, "unknown-fact", "unknown fact 'agee'; did you mean 'age'?"),
    ("rules.yaml", 30, 5, "op-mismatch", "op 'contains' does not fit fact 'age'"),
    ("rules.yaml", 38, 5, "bad-value", "fact 'age' is a whole number; 1000.0 is not one"),
    ("rules.yaml", 43, 5, "unknown-reference", "did you mean 'acsm-2009'?"),
    ("rules.yaml", 57, 5, "duplicate-rule-id", "rule 'bad/dup' is defined twice"),
    ("rules.yaml", 68, 43, "min-gt-max", "min (12) is greater than max (8)"),
    ("rules.yaml", 75, 9, "safety-action-outside-safety", "'forbid' is a safety action"),
    (
        "rules.yaml",
        81,
        5,
        "unknown-condition",
        "unknown named condition 'oldr'; did you mean 'older'?",
    ),
    ("rules.yaml", 90, 82, "bad-boolean", "no is not a boolean here: write true or false"),
    ("rules.yaml", 97, 9, "unknown-action", "an action is a mapping with exactly one key"),
]


def test_validate_reports_every_error_of_a_pack_in_one_run() -> None:
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(BAD)])
    assert result.exit_code == 4
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(lines) == len(EXPECTED_ERRORS)
    for name, line, col, code, fragment in EXPECTED_ERRORS:
        prefix = f"{BAD / name}:{line}:{col}: error: "
        hits = [x for x in lines if x.startswith(prefix) and x.endswith(f"[{code}]")]
        assert hits, f"no {code} error at {name}:{line}:{col}; got:\n" + "\n".join(lines)
        assert any(fragment in x for x in hits), hits
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.rstrip().endswith("15 errors in rule packs")


def test_rule_ids_appear_inside_the_messages() -> None:
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(BAD)])
    assert "rule 'bad/unknown-fact'" in result.stderr
    assert "rule 'bad/unknown-field'" in result.stderr


def test_builtin_packs_validate_cleanly() -> None:
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules"])
    assert result.exit_code == 0, result.stderr
    assert "ok:" in result.stderr


def _write_pack(root: Path, rules_yaml: str, name: str = "mine") -> Path:
    return write_pack(root, name, {"rules.yaml": rules_yaml})


def test_alias_bombs_and_python_tags_are_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\nrules: []\n"
    pack = _write_pack(tmp_path, bomb)
    with pytest.raises(RulePackError) as info:
        load_rules([pack], builtin=True, user_dir=False)
    assert "[yaml-alias]" in info.value.render()
    pack2 = _write_pack(tmp_path, "rules: !!python/object/apply:os.system [ls]\n", name="other")
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack2)])
    assert result.exit_code == 4
    assert "[yaml-tag]" in result.stderr


def test_oversized_rule_file_is_refused(tmp_path: Path) -> None:
    pack = _write_pack(tmp_path, "# " + "x" * 1_100_000 + "\nrules: []\n")
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack)])
    assert result.exit_code == 4
    assert "[too-large]" in result.stderr


def test_pack_with_no_rules_is_an_error(tmp_path: Path) -> None:
    pack = _write_pack(tmp_path, "rules: []\n")
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack)])
    assert result.exit_code == 4
    assert (
        f"{pack / 'pack.yaml'}:1:1: error: pack 'mine' holds no rules [empty-pack]" in result.stderr
    )


def test_a_later_phase_fact_cannot_be_read_early(tmp_path: Path) -> None:
    pack = _write_pack(
        tmp_path,
        """rules:
  - id: too-early
    title: Reads a decision before it is made
    phase: safety
    when: {fact: screening.clearance, op: eq, value: required}
    then:
      - warn: {code: x, severity: info, message: hi}
    because: test
    references: [who-2020]
""",
    )
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack)])
    assert result.exit_code == 4
    assert ":5:5: error:" in result.stderr
    assert "[fact-not-yet-decided]" in result.stderr


# ---- ops ----------------------------------------------------------------------------------

PERSON = parse_profile(
    {
        "age": 50,
        "sex": "female",
        "goals": ["strength", "bone-density"],
        "conditions": ["knee-pain"],
        "currently_active": True,
    }
)


def _truth(leaf: dict[str, Any], profile: Any = PERSON) -> bool | None:
    node = Leaf.model_validate(leaf)
    assert check_leaf(node) is None, check_leaf(node)
    context = _Context(profile, Earlier({}), _EmptyRules())  # type: ignore[arg-type]
    return context.test(node, [])


class _EmptyRules:
    conditions: dict[str, Any] = {}


@pytest.mark.parametrize(
    ("leaf", "expected"),
    [
        ({"fact": "age", "op": "eq", "value": 50}, True),
        ({"fact": "age", "op": "eq", "value": 51}, False),
        ({"fact": "age", "op": "ne", "value": 51}, True),
        ({"fact": "age", "op": "lt", "value": 50}, False),
        ({"fact": "age", "op": "le", "value": 50}, True),
        ({"fact": "age", "op": "gt", "value": 49}, True),
        ({"fact": "age", "op": "ge", "value": 51}, False),
        ({"fact": "age", "op": "between", "value": [45, 64]}, True),
        ({"fact": "age", "op": "between", "value": [18, 49]}, False),
        ({"fact": "age", "op": "in", "value": [40, 50, 60]}, True),
        ({"fact": "age", "op": "not_in", "value": [40, 50, 60]}, False),
        ({"fact": "sex", "op": "in", "value": ["female"]}, True),
        ({"fact": "goals", "op": "contains", "value": "strength"}, True),
        ({"fact": "goals", "op": "contains", "value": "endurance"}, False),
        ({"fact": "goals", "op": "contains_any", "value": ["endurance", "bone-density"]}, True),
        ({"fact": "goals", "op": "contains_all", "value": ["strength", "endurance"]}, False),
        ({"fact": "goals", "op": "contains_all", "value": ["strength", "bone-density"]}, True),
        ({"fact": "currently_active", "op": "eq", "value": True}, True),
        ({"fact": "conditions", "op": "exists"}, True),
    ],
)
def test_every_op(leaf: dict[str, Any], expected: bool) -> None:
    assert _truth(leaf) is expected


def test_a_missing_optional_fact_is_unknown_not_false() -> None:
    leaf = {"fact": "blood_pressure.systolic", "op": "ge", "value": 160}
    assert _truth(leaf) is None
    assert _truth({"fact": "blood_pressure.systolic", "op": "exists"}) is False
    assert _truth({"fact": "blood_pressure.systolic", "op": "exists", "value": False}) is True
    with_bp = parse_profile(
        {**PERSON.normalized(), "blood_pressure": {"systolic": 165, "diastolic": 95}}
    )
    assert _truth(leaf, with_bp) is True


def test_unknown_propagates_through_all_any_and_not() -> None:
    unknown = Leaf.model_validate({"fact": "blood_pressure.systolic", "op": "ge", "value": 160})
    true = Leaf.model_validate({"fact": "age", "op": "eq", "value": 50})
    false = Leaf.model_validate({"fact": "age", "op": "eq", "value": 1})
    ctx = _Context(PERSON, Earlier({}), _EmptyRules())  # type: ignore[arg-type]
    from endoprotocol.engine.model import AllOf, AnyOf, NotOf

    assert ctx.test(AllOf(all=[true, unknown]), []) is None
    assert ctx.test(AllOf(all=[false, unknown]), []) is False
    assert ctx.test(AnyOf(any=[true, unknown]), []) is True
    assert ctx.test(AnyOf(any=[false, unknown]), []) is None
    assert ctx.test(NotOf.model_validate({"not": unknown}), []) is None


@pytest.mark.parametrize(
    ("leaf", "code"),
    [
        ({"fact": "agee", "op": "eq", "value": 1}, "unknown-fact"),
        ({"fact": "age", "op": "contains", "value": 1}, "op-mismatch"),
        ({"fact": "goals", "op": "lt", "value": 1}, "op-mismatch"),
        ({"fact": "age", "op": "eq", "value": "1e3"}, "bad-value"),
        ({"fact": "age", "op": "eq", "value": True}, "bad-value"),
        ({"fact": "age", "op": "between", "value": [60, 50]}, "bad-value"),
        ({"fact": "age", "op": "between", "value": [1, 2, 3]}, "bad-value"),
        ({"fact": "sex", "op": "eq", "value": "mail"}, "bad-value"),
        ({"fact": "goals", "op": "contains", "value": "fat_loss"}, "bad-value"),
        ({"fact": "currently_active", "op": "eq", "value": "no"}, "bad-value"),
        ({"fact": "goals", "op": "contains_any", "value": []}, "bad-value"),
    ],
)
def test_leaf_checks(leaf: dict[str, Any], code: str) -> None:
    problem = check_leaf(Leaf.model_validate(leaf))
    assert problem is not None
    assert problem[1] == code


# ---- actions ------------------------------------------------------------------------------

GOOD = {
    SessionRequest: {
        "modality": "hiit",
        "per_week": 2,
        "intensity": "vigorous",
        "title": "t",
        "focus": "f",
    },
    Prescription: {"modality": "resistance", "role": "compound", "reps": [8, 12], "sets": 3},
    Limit: {"modality": "resistance", "pct_1rm": {"max": 80}},
    Forbid: {"tag": "jumping"},
    Cap: {"modality": "hiit", "sessions_per_week": 2},
    Requirement: {"hours_between": 48, "modality": "hiit"},
    Warn: {"code": "a-code", "severity": "high", "message": "m"},
    Effect: {
        "target": "il_6",
        "direction": "increase",
        "timescale": "acute",
        "evidence": "strong",
        "modalities": ["endurance"],
        "explanation": "e",
    },
    Synergy: {
        "therapy": "trt",
        "myokine": "myostatin",
        "evidence": "speculative",
        "explanation": "e",
    },
    Screen: {"clearance": "required", "max_intensity": "moderate", "reason": "r"},
}

BAD_ACTIONS = [
    (SessionRequest, {"per_week": 0}),
    (SessionRequest, {"intensity": "extreme"}),
    (SessionRequest, {"per_week": "2"}),
    (Prescription, {"reps": [12, 8]}),
    (Prescription, {"modality": "yoga"}),
    (Prescription, {"role": "primary"}),
    (Limit, {"pct_1rm": {}}),
    (Forbid, {"tag": "jumping", "modality": "hiit"}),
    (Forbid, {"tag": "spinning"}),
    (Cap, {"sessions_per_week": -1}),
    (Cap, {"modality": "hiit", "hard_sessions_per_week": 2, "sessions_per_week": None}),
    (Requirement, {"hours_between": 48, "modality": None}),
    (Requirement, {"hours_between": 12}),
    (Warn, {"code": "Not Kebab"}),
    (Warn, {"severity": "critical"}),
    (Effect, {"target": "dopamine"}),
    (Effect, {"modalities": []}),
    (Effect, {"evidence": "proven"}),
    (Synergy, {"evidence": "strong"}),
    (Synergy, {"therapy": "steroids"}),
    (Screen, {"clearance": "maybe"}),
    (Screen, {"max_intensity": "extreme"}),
]


@pytest.mark.parametrize("model", list(GOOD))
def test_each_action_accepts_a_valid_body(model: type[Any]) -> None:
    model.model_validate(GOOD[model])


@pytest.mark.parametrize(("model", "change"), BAD_ACTIONS)
def test_each_action_rejects_a_bad_body(model: type[Any], change: dict[str, Any]) -> None:
    body = {**GOOD[model], **change}
    body = {k: v for k, v in body.items() if v is not None}
    with pytest.raises(ValidationError):
        model.model_validate(body)


def test_forbid_and_screen_are_refused_outside_the_safety_phase(tmp_path: Path) -> None:
    pack = _write_pack(
        tmp_path,
        """rules:
  - id: sneaky
    title: A screening outcome from a prescribe rule
    phase: adjust
    then:
      - screen: {clearance: none, reason: all fine}
    because: test
    references: [who-2020]
""",
    )
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack)])
    assert result.exit_code == 4
    assert (
        f"{pack / 'rules.yaml'}:6:9: error: rule 'mine/sneaky': 'screen' is a safety action"
        in result.stderr
    )


def test_bound_shorthands() -> None:
    assert Bound.model_validate([8, 12]).max == 12
    assert Bound.model_validate(3).min == 3
    with pytest.raises(ValidationError):
        Bound.model_validate(["8", 12])


def test_rule_needs_a_reference() -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(
            {
                "id": "x",
                "title": "t",
                "phase": "prescribe",
                "then": [{"warn": GOOD[Warn]}],
                "because": "b",
                "references": [],
            }
        )


def test_validate_warns_about_equal_priority_setters_that_can_overlap(tmp_path: Path) -> None:
    setter = """
  - id: {id}
    title: sets reps
    phase: prescribe
    when: {{fact: age, op: ge, value: {age}}}
    then:
      - prescribe: {{modality: resistance, role: compound, reps: [8, 12]}}
    because: test
    references: [who-2020]
"""
    pack = _write_pack(
        tmp_path, "rules:" + setter.format(id="a", age=18) + setter.format(id="b", age=40)
    )
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(pack)])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "[overlapping-setters]" in line]
    assert any("'mine/b'" in w and "resistance/compound reps at priority 0" in w for w in warnings)
    assert all(": warning: " in w for w in warnings)
    # disjoint conditions (eq on different values) cannot overlap
    from endoprotocol.engine.loader import _may_overlap

    def rule(sex: str) -> Rule:
        return Rule.model_validate(
            {
                "id": f"r-{sex}",
                "title": "t",
                "phase": "prescribe",
                "when": {"fact": "sex", "op": "eq", "value": sex},
                "then": [{"prescribe": {"modality": "resistance", "reps": [8, 12]}}],
                "because": "b",
                "references": ["who-2020"],
            }
        )

    assert not _may_overlap(rule("male"), rule("female"))
    assert _may_overlap(rule("male"), rule("male"))


def test_a_pregnancy_replan_week_needs_its_note(tmp_path: Path) -> None:
    """The plan can only tell the person when to plan again if the pack says it in words."""
    from tests.packs import write_pack

    rule = """rules:
  - id: replan
    title: replan without a note
    phase: safety
    then:
      - progression: {replan_at_pregnancy_weeks: [13]}
    because: a test
    references: [acog-2020]
"""
    pack = write_pack(tmp_path, "t", {"rules.yaml": rule})
    with pytest.raises(RulePackError) as err:
        load_rules([pack], user_dir=False)
    assert any("replan_note" in str(d) for d in err.value.diagnostics), err.value.render()
