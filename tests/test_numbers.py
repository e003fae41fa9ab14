"""Numbers and booleans are read as JSON writes them (DESIGN.md v1.1), never as YAML 1.1 would.

YAML 1.1 reads `0170` as octal 120, so a blood pressure of 170/112 written with leading zeros
would pass as 120/74 and the hard stop at 170/112 would never fire. Every form outside the
grammar is refused, naming the field and showing the text as written: exit 3 in a profile,
exit 4 with file:line:col in a rule pack.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endoprotocol.engine.loader import load_rules
from endoprotocol.errors import RulePackError
from endoprotocol.yamlio import parse
from tests.conftest import RunCli, assert_rejected
from tests.packs import PLAN_ARGS, write_pack

BASE = "age: 45\nsex: female\ngoals: [strength]\n"

# (name, YAML value, what YAML 1.1 would have read) -- every form the issue names, and kin.
REFUSED_NUMBERS = [
    ("leading-zero", "045", 37),
    ("octal-0o", "0o55", None),
    ("hex", "0x2d", 45),
    ("binary", "0b101101", 45),
    ("underscore", "4_5", 45),
    ("base-60", "1:05", 65),
    ("inf", ".inf", None),
    ("minus-inf", "-.inf", None),
    ("nan", ".nan", None),
    ("plus-sign", "+45", 45),
    ("bare-point", "45.", 45.0),
    ("thousands-of-digits", "4" * 5000, None),
    ("overflowing-float", "1e999", None),
]


def _profile(cli: RunCli, text: str, *args: str) -> Any:
    return cli("plan", "--profile", "-", "--format", "json", *args, input=text)


@pytest.mark.usefixtures("cached_rules")
@pytest.mark.parametrize(("name", "written", "yaml11"), REFUSED_NUMBERS, ids=lambda v: str(v)[:20])
def test_a_profile_number_outside_the_grammar_is_refused(
    cli: RunCli, name: str, written: str, yaml11: object
) -> None:
    result = _profile(cli, f"age: {written}\nsex: female\ngoals: [strength]\n")
    shown = written if len(written) <= 40 else written[:37] + "..."
    assert_rejected(result, 3, "invalid profile: stdin:1:6: age: ", f"{shown} is not a number here")
    if yaml11 is not None:
        assert f"(YAML 1.1 would read it as {yaml11})" in result.stderr
    assert len(result.stderr) < 600


@pytest.mark.usefixtures("cached_rules")
def test_an_octal_blood_pressure_never_passes_as_a_lower_one(cli: RunCli) -> None:
    """The safety hole itself: 0170/0112 is not 120/74."""
    text = BASE + "blood_pressure: {systolic: 0170, diastolic: 0112}\n"
    result = _profile(cli, text)
    assert_rejected(
        result,
        3,
        "stdin:4:28: blood_pressure.systolic: 0170 is not a number here: leading zeros are "
        "not allowed (YAML 1.1 would read it as 120)",
        "stdin:4:45: blood_pressure.diastolic: 0112",
    )
    # and as JSON on stdin (JSON forbids leading zeros too; YAML would have read it as octal)
    as_json = '{"age": 45, "sex": "female", "goals": ["strength"], "blood_pressure": {"systolic": 0170, "diastolic": 90}}'
    assert_rejected(_profile(cli, as_json), 3, "blood_pressure.systolic: 0170 is not a number")


@pytest.mark.usefixtures("cached_rules")
def test_a_profile_file_is_read_the_same_way(cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "me.yaml"
    source.write_text("age: 1:05\nsex: female\ngoals: [strength]\n")
    result = cli("plan", "--profile", str(source))
    assert_rejected(result, 3, f"{source}:1:6: age: 1:05 is not a number here")


@pytest.mark.usefixtures("cached_rules")
@pytest.mark.parametrize(
    ("written", "says"),
    [("-0", "age: must be at least 1 (got 0)"), ("0", "age: must be at least 1 (got 0)")],
)
def test_valid_integer_forms_are_read_as_numbers(cli: RunCli, written: str, says: str) -> None:
    assert_rejected(_profile(cli, f"age: {written}\nsex: female\ngoals: [strength]\n"), 3, says)


@pytest.mark.usefixtures("cached_rules")
def test_a_float_where_a_whole_number_belongs_is_named(cli: RunCli) -> None:
    result = _profile(cli, "age: 1e3\nsex: female\ngoals: [strength]\n")
    assert_rejected(result, 3, "age: must be a whole number (got 1000.0)")


@pytest.mark.usefixtures("cached_rules")
@pytest.mark.parametrize(
    ("written", "expected"), [("yes", True), ("Yes", True), ("NO", False), ("true", True)]
)
def test_yes_and_no_answer_the_profiles_boolean_fields(
    cli: RunCli, written: str, expected: bool
) -> None:
    text = BASE + f"currently_active: {written}\nscreening: {{bone_joint_problem: {written}}}\n"
    result = _profile(cli, text)
    assert result.exit_code == 0, result.stderr
    profile = json.loads(result.stdout)["profile"]
    assert profile["currently_active"] is expected
    assert profile["screening"]["bone_joint_problem"] is expected


@pytest.mark.usefixtures("cached_rules")
@pytest.mark.parametrize(
    ("text", "says"),
    [
        (BASE + "currently_active: on\n", "currently_active: must be true or false (got 'on')"),
        (BASE + "currently_active: OFF\n", "currently_active: must be true or false (got 'OFF')"),
        (BASE + "conditions: no\n", "conditions[0]: unknown value 'no'"),
        ("age: 45\nsex: yes\ngoals: [strength]\n", "sex: unknown value 'yes'"),
    ],
)
def test_yes_no_is_not_a_boolean_anywhere_else(cli: RunCli, text: str, says: str) -> None:
    assert_rejected(_profile(cli, text), 3, says)


# --- rule packs ------------------------------------------------------------------------------

RULE = """\
rules:
  - id: form
    title: A threshold
    phase: prescribe
    when: {{fact: age, op: ge, value: {value}}}
    then:
      - sessions: {{modality: endurance, per_week: 2, intensity: moderate, title: Walk, focus: f, optional: {flag}}}
    because: test
    references: [who-2020]
"""


def _rule_pack(tmp_path: Path, value: str = "65", flag: str = "false") -> Path:
    return write_pack(tmp_path, "forms", {"rules.yaml": RULE.format(value=value, flag=flag)})


@pytest.mark.parametrize(("name", "written", "yaml11"), REFUSED_NUMBERS, ids=lambda v: str(v)[:20])
def test_a_pack_number_outside_the_grammar_is_exit_4_at_its_position(
    cli: RunCli, tmp_path: Path, name: str, written: str, yaml11: object
) -> None:
    pack = _rule_pack(tmp_path, value=written)
    shown = written if len(written) <= 40 else written[:37] + "..."
    result = cli(*PLAN_ARGS, "--rules", str(pack))
    assert_rejected(
        result,
        4,
        f"{pack / 'rules.yaml'}:5:38: error: rule 'forms/form': rules.0.when.value: {shown} is not a number here",
        "[bad-number]",
    )
    assert len(result.stderr) < 1000


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "OFF"])
def test_yes_no_on_off_in_a_pack_are_exit_4(cli: RunCli, tmp_path: Path, word: str) -> None:
    pack = _rule_pack(tmp_path, flag=word)
    result = cli(*PLAN_ARGS, "--rules", str(pack))
    assert_rejected(
        result,
        4,
        f"{pack / 'rules.yaml'}:7:108: error: rule 'forms/form': rules.0.then.0.sessions.optional: {word} is not "
        "a boolean here: write true or false",
        "[bad-boolean]",
    )


def test_valid_number_forms_load_in_a_pack(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "forms",
        {
            "rules.yaml": RULE.format(value="-0", flag="true").replace(
                "    because:",
                "      - prescribe: {modality: resistance, pct_1rm: [6e1, 7.5e1], rpe: [5, 7.5]}\n"
                "    because:",
            )
        },
    )
    ruleset = load_rules([pack], builtin=True, user_dir=False)
    rule = ruleset.rule("forms/form")
    assert rule is not None
    prescription = rule.then[1].body
    assert prescription.pct_1rm.min == 60.0  # type: ignore[attr-defined]
    assert prescription.pct_1rm.max == 75.0  # type: ignore[attr-defined]
    assert prescription.rpe.max == 7.5  # type: ignore[attr-defined]


def test_every_bad_value_of_a_file_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    text = RULE.format(value="0x41", flag="on").replace("title: A threshold", "titel: x")
    pack = write_pack(tmp_path, "forms", {"rules.yaml": text})
    with pytest.raises(RulePackError) as info:
        load_rules([pack], builtin=True, user_dir=False)
    codes = sorted(d.code for d in info.value.diagnostics)
    # the bad number and boolean once each (no second 'wrong-type' for the same value) and the
    # typo further on still found
    assert codes == ["bad-boolean", "bad-number", "missing-field", "unknown-field"]


# --- both YAML loaders, one grammar ------------------------------------------------------------

FORMS = st.sampled_from(
    [
        "0170",
        "-0",
        "0",
        "12",
        "1.5",
        "1e3",
        "1E+3",
        "-2.5e-3",
        "0o17",
        "0x1f",
        "0b11",
        "1_000",
        "1:05",
        "190:20:30",
        ".inf",
        "-.Inf",
        ".NaN",
        "+1",
        ".5",
        "5.",
        "yes",
        "No",
        "ON",
        "off",
        "true",
        "FALSE",
        "~",
        "null",
        "2024-01-05",
        "1.0.0",
    ]
) | st.from_regex(r"[-+]?[0-9_.:xobeE]{1,8}", fullmatch=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FORMS, st.booleans())
def test_both_loaders_read_every_form_alike_and_never_as_yaml_1_1_would(
    form: str, yes_no: bool
) -> None:
    text = f"value: {form}\n"
    try:
        fast = parse(text, yes_no=yes_no)
    except Exception as error:  # the same refusal is expected from both
        with pytest.raises(type(error)):
            parse(text, yes_no=yes_no, pure=True)
        return
    pure = parse(text, yes_no=yes_no, pure=True)
    assert fast.data == pure.data
    assert [p.message for p in fast.problems] == [p.message for p in pure.problems]
    value = fast.data["value"]
    if isinstance(value, bool):
        assert form in {"true", "True", "TRUE", "false", "False", "FALSE"}
    elif isinstance(value, int):
        assert re.fullmatch(r"-?(0|[1-9][0-9]*)", form)
    elif isinstance(value, float):
        assert re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?", form)
    elif value is not None and not fast.problems:
        # left as text: then YAML 1.1 would not have read it as a number either (yes/no/on/off
        # are text to a profile, whose boolean fields take yes/no)
        yaml11 = yaml.safe_load(text)["value"]
        assert isinstance(yaml11, bool) or not isinstance(yaml11, int | float), form
        assert not isinstance(yaml11, bool) or (
            yes_no and form.lower() in {"yes", "no", "on", "off"}
        )
