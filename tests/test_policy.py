"""The scope and safety policy (DESIGN.md v1.1), for every command that loads packs.

- The age scope (18-100, exit 5) holds whatever packs, `disable`, `overrides`,
  `--no-builtin-rules` or `--allow-safety-overrides` say.
- `--no-builtin-rules` drops the core pack only: the safety pack always loads.
- Safety rules are switched off or replaced only with `--allow-safety-overrides`; a plan made
  so is not screened: `screening.performed` is false, clearance is required, a high warning
  lists the rules, and `generator.safety_overrides_allowed` is true.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from endoprotocol import load_rules
from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir
from tests.conftest import RunCli, assert_rejected
from tests.packs import PLAN_ARGS, write_pack

OWN = ("--no-builtin-rules", "--no-user-rules", "-f", "json")

# A pack that asks for vigorous intervals for everyone, citing a source the safety pack brings.
HIIT_FOR_ALL = """
rules:
  - id: intervals
    title: Intervals for everyone
    phase: prescribe
    then:
      - sessions: {modality: hiit, per_week: 2, intensity: vigorous, title: Intervals, focus: conditioning}
      - prescribe: {modality: hiit, work_seconds: 60, rest_seconds: 60, rounds: 6, hr_max_pct: [85, 90], minutes: [20, 30]}
    because: testing that no pack outranks the safety pack
    references: [who-2020]
"""

OVERRIDE_UNDER_18 = """
rules:
  - id: let-kids-in
    title: Remove the age limit
    phase: safety
    overrides: safety/under-18
    then:
      - warn: {code: none, severity: info, message: nothing}
    because: testing the guard
    references: [who-2020]
"""


def hiit_pack(root: Path, manifest: str = "") -> Path:
    return write_pack(root, "mine", {"rules.yaml": HIIT_FOR_ALL}, manifest)


def plan_of(cli: RunCli, *args: str) -> dict[str, Any]:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    plan: dict[str, Any] = json.loads(result.stdout)
    return plan


def sessions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for week in plan["weeks"] for day in week["days"] for s in day["sessions"]]


# ---- the age scope --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "extra", "says", "rule"),
    [
        ("10", (), "aged 18 to 100", "safety/under-18"),
        ("16", ("--therapy", "trt"), "anyone under 18", "safety/minor-on-therapy"),
        ("101", (), "aged 18 to 100", "safety/over-100"),
    ],
    ids=["under-18", "minor-on-therapy", "over-100"],
)
def test_out_of_scope_ages_are_refused_without_the_builtin_packs(
    cli: RunCli, tmp_path: Path, age: str, extra: tuple[str, ...], says: str, rule: str
) -> None:
    pack = hiit_pack(tmp_path)
    result = cli(
        "plan",
        "--age",
        age,
        "--sex",
        "male",
        "--goal",
        "strength",
        *extra,
        *OWN,
        "--rules",
        str(pack),
    )
    assert_rejected(result, 5, "out of scope: ", says, "hint: ", f"[{rule}]")


def test_a_child_is_told_what_to_do_instead(cli: RunCli, tmp_path: Path) -> None:
    pack = hiit_pack(tmp_path)
    result = cli(
        "plan", "--age", "10", "--sex", "female", "--goal", "fat-loss", *OWN, "--rules", str(pack)
    )
    assert_rejected(result, 5, "young people need a different kind of plan", "ages 5-17 the WHO")


@pytest.mark.parametrize("no_builtin", [False, True], ids=["with-core", "no-builtin-rules"])
@pytest.mark.parametrize("how", ["disable", "overrides"])
def test_switching_off_the_age_check_needs_the_flag_and_even_then_changes_nothing(
    cli: RunCli, tmp_path: Path, how: str, no_builtin: bool
) -> None:
    if how == "disable":
        pack = hiit_pack(tmp_path, "disable: [safety/under-18]\n")
    else:
        pack = write_pack(tmp_path, "mine", {"rules.yaml": OVERRIDE_UNDER_18})
    child = ("plan", "--age", "10", "--sex", "male", "--goal", "strength", "--no-user-rules")
    flags = (*child, *(["--no-builtin-rules"] if no_builtin else []), "--rules", str(pack))
    without = cli(*flags)
    assert_rejected(without, 4, "safety rule 'safety/under-18'", "[safety-override]")
    with_flag = cli(*flags, "--allow-safety-overrides")
    assert_rejected(with_flag, 5, "out of scope: ", "aged 18 to 100", "[safety/under-18]")


def test_validate_says_that_switching_off_a_scope_rule_changes_nothing(
    cli: RunCli, tmp_path: Path
) -> None:
    pack = hiit_pack(tmp_path, "disable: [safety/under-18]\n")
    result = cli("rules", "validate", "--no-user-rules", "--allow-safety-overrides", str(pack))
    assert result.exit_code == 0, result.stderr
    assert "rule 'safety/under-18' is part of the age scope" in result.stderr
    assert "[scope-rule]" in result.stderr


def test_pack_tests_of_an_out_of_scope_profile_cannot_plan(cli: RunCli, tmp_path: Path) -> None:
    tests = "tests:\n  - name: a child\n    profile: {age: 10, sex: male, goals: [strength]}\n    expect: {}\n"
    pack = write_pack(
        tmp_path, "mine", {"rules.yaml": HIIT_FOR_ALL + tests}, "disable: [safety/under-18]\n"
    )
    result = cli("rules", "test", "--no-user-rules", "--allow-safety-overrides", str(pack))
    assert result.exit_code != 0
    assert "FAIL mine: a child" in result.stdout
    assert "could not plan: endoprotocol plans for adults aged 18 to 100" in result.stdout


def test_the_api_keeps_the_scope_too(tmp_path: Path) -> None:
    from endoprotocol import build_plan, load_library, parse_profile
    from endoprotocol.errors import OutOfScopeError

    pack = hiit_pack(tmp_path, "disable: [safety/under-18]\n")
    rules = load_rules([pack], builtin=False, user_dir=False, allow_safety_overrides=True)
    child = parse_profile({"age": 10, "sex": "male", "goals": ["strength"]})
    with pytest.raises(OutOfScopeError) as info:
        build_plan(child, rules, load_library(builtin_rules_dir()))
    assert "[safety/under-18]" in (info.value.hint or "")


# ---- --no-builtin-rules drops the core pack only ---------------------------------------------


def test_no_builtin_rules_keeps_the_safety_pack(cli: RunCli, tmp_path: Path) -> None:
    plan = plan_of(
        cli,
        "plan",
        "--age",
        "40",
        "--sex",
        "male",
        "--goal",
        "strength",
        *OWN,
        "--rules",
        str(hiit_pack(tmp_path)),
    )
    assert [p["name"] for p in plan["generator"]["rule_packs"]] == ["safety", "mine", "library"]
    assert plan["screening"]["performed"] is True


def test_chest_pain_and_a_cardiac_event_are_a_referral_whatever_the_pack(
    cli: RunCli, tmp_path: Path
) -> None:
    plan = plan_of(
        cli,
        "plan",
        "--age",
        "55",
        "--sex",
        "male",
        "--goal",
        "endurance",
        "--screening",
        "chest_pain",
        "--condition",
        "recent-cardiac-event",
        *OWN,
        "--rules",
        str(hiit_pack(tmp_path)),
    )
    screening = plan["screening"]
    assert screening["referral_only"] is True
    assert screening["clearance"] == "required"
    assert screening["max_intensity"] in ("none", "light")
    assert screening["performed"] is True
    assert not [s for s in sessions(plan) if s["modality"] == "hiit"]
    assert all(s["intensity_class"] == "light" for s in sessions(plan))
    codes = {w["code"] for w in plan["warnings"]}
    assert {"chest-pain-referral", "recent-cardiac-event"} <= codes


def test_a_pack_cannot_stand_in_for_the_safety_pack(cli: RunCli, tmp_path: Path) -> None:
    fake = write_pack(tmp_path, "safety", {"rules.yaml": HIIT_FOR_ALL})
    result = cli(*PLAN_ARGS, "--no-builtin-rules", "--rules", str(fake))
    assert_rejected(result, 4, "pack name 'safety' is loaded twice", "[duplicate-pack]")


def copy_builtin(root: Path, *folders: str, leave_out: str = "") -> Path:
    for name in folders:
        target = root / name
        target.mkdir(parents=True)
        for f in (builtin_rules_dir() / name).iterdir():
            if f.name != leave_out:
                (target / f.name).write_bytes(f.read_bytes())
    return root


def test_a_builtin_folder_without_the_safety_pack_is_refused(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RULES_ENV, str(copy_builtin(tmp_path / "builtin", "core", "library")))
    result = cli(*PLAN_ARGS)
    assert_rejected(result, 4, "no built-in 'safety' pack here", "[missing-pack]")


def test_a_safety_pack_without_the_age_scope_is_refused(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_builtin(tmp_path / "builtin", "core", "library")
    monkeypatch.setenv(RULES_ENV, str(copy_builtin(root, "safety", leave_out="scope.yaml")))
    result = cli(*PLAN_ARGS)
    assert_rejected(result, 4, "the age scope is missing", "[missing-scope]")


def test_the_safety_packs_sources_are_word_for_word_those_of_the_core_pack() -> None:
    def entries(pack: str) -> dict[str, dict[str, Any]]:
        text = (builtin_rules_dir() / pack / "references.yaml").read_text(encoding="utf-8")
        return {e["id"]: e for e in yaml.safe_load(text)["references"]}

    safety, core = entries("safety"), entries("core")
    assert safety, "the safety pack brings its own sources"
    for rid, entry in safety.items():
        assert entry == core[rid], rid
    rules = load_rules(builtin=False, user_dir=False)
    cited = {ref for r in rules.rules for ref in r.references}
    assert cited == set(safety)


# ---- switching safety rules off: an unscreened plan ------------------------------------------

PREGNANT = ("plan", "--age", "31", "--sex", "female", "--goal", "strength")
PREGNANT += ("--condition", "pregnancy", "--no-user-rules", "-f", "json")


def test_switching_off_a_safety_rule_without_the_flag_is_exit_4(
    cli: RunCli, tmp_path: Path
) -> None:
    pack = hiit_pack(tmp_path, "disable: [safety/pregnancy]\n")
    result = cli(*PREGNANT, "--rules", str(pack))
    assert_rejected(
        result,
        4,
        "pack 'mine' disables safety rule 'safety/pregnancy'",
        "needs --allow-safety-overrides",
        "[safety-override]",
    )


@pytest.mark.parametrize("no_builtin", [False, True], ids=["with-core", "no-builtin-rules"])
def test_a_plan_with_a_safety_rule_switched_off_is_not_screened(
    cli: RunCli, tmp_path: Path, no_builtin: bool
) -> None:
    pack = hiit_pack(tmp_path, "disable: [safety/pregnancy]\n")
    plan = plan_of(
        cli,
        *PREGNANT,
        *(["--no-builtin-rules"] if no_builtin else []),
        "--rules",
        str(pack),
        "--allow-safety-overrides",
    )
    assert plan["schema_version"] == "1.1"
    assert plan["generator"]["safety_overrides_allowed"] is True
    screening = plan["screening"]
    assert screening["performed"] is False
    assert screening["clearance"] == "required"
    assert any("not screened" in reason for reason in screening["reasons"])
    assert any("safety/pregnancy" in reason for reason in screening["reasons"])
    assert screening["next_steps"]
    # `required` keeps its meaning: moderate at most, so no intervals and nothing vigorous
    assert screening["max_intensity"] == "moderate"
    assert not [s for s in sessions(plan) if s["intensity_class"] == "vigorous"]
    assert not [s for s in sessions(plan) if s["modality"] == "hiit"]
    warning = next(w for w in plan["warnings"] if w["code"] == "safety-rules-overridden")
    assert warning["severity"] == "high"
    assert warning["rules"] == ["safety/pregnancy"]
    assert "safety/pregnancy" in warning["message"]
    assert "not screened" in warning["message"]
    assert plan["warnings"][0]["severity"] == "high"
    # the pregnancy rule's own advice is gone with it: that is what the flag allows
    assert "pregnancy-stop-signs" not in {w["code"] for w in plan["warnings"]}


def test_the_flag_alone_does_not_unscreen_a_plan(cli: RunCli, tmp_path: Path) -> None:
    plan = plan_of(cli, *PLAN_ARGS, "--rules", str(hiit_pack(tmp_path)), "--allow-safety-overrides")
    assert plan["generator"]["safety_overrides_allowed"] is True
    assert plan["screening"]["performed"] is True
    assert plan["screening"]["clearance"] == "none"
    assert "safety-rules-overridden" not in {w["code"] for w in plan["warnings"]}


def test_a_normal_plan_is_screened(cli: RunCli) -> None:
    plan = plan_of(cli, *PLAN_ARGS)
    assert plan["schema_version"] == "1.1"
    assert plan["screening"]["performed"] is True
    assert plan["generator"]["safety_overrides_allowed"] is False
    assert not any("not screened" in reason for reason in plan["screening"]["reasons"])


# ---- the same policy for every command -------------------------------------------------------

COMMANDS = [
    ("plan", "--age", "40", "--sex", "male", "--goal", "strength", "-f", "json"),
    ("rules", "list"),
    ("rules", "show", "safety/pregnancy"),
    ("rules", "validate"),
    ("rules", "test"),
]


def command_id(command: tuple[str, ...]) -> str:
    return " ".join(command[:2]) if command[0] == "rules" else command[0]


@pytest.mark.parametrize("command", COMMANDS, ids=command_id)
def test_every_command_needs_the_flag_to_switch_off_a_safety_rule(
    cli: RunCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    pack = hiit_pack(tmp_path, "disable: [safety/pregnancy]\n")
    where = [str(pack)] if command[1] in ("validate", "test") else ["--rules", str(pack)]
    result = cli(*command, "--no-user-rules", *where)
    assert_rejected(result, 4, "safety rule 'safety/pregnancy'", "[safety-override]")
    allowed = cli(*command, "--no-user-rules", *where, "--allow-safety-overrides")
    assert allowed.exit_code == 0, allowed.stderr


@pytest.mark.parametrize("command", COMMANDS[:3], ids=command_id)
def test_every_command_keeps_the_safety_pack_without_the_builtin_rules(
    cli: RunCli, tmp_path: Path, command: tuple[str, ...]
) -> None:
    pack = hiit_pack(tmp_path)
    result = cli(*command, "--no-user-rules", "--no-builtin-rules", "--rules", str(pack))
    assert result.exit_code == 0, result.stderr
    assert "safety/pregnancy" in result.stdout or command[0] == "plan"
    assert "core/" not in result.stdout


def test_rules_list_marks_a_switched_off_safety_rule(cli: RunCli, tmp_path: Path) -> None:
    pack = hiit_pack(tmp_path, "disable: [safety/pregnancy]\n")
    result = cli(
        "rules", "list", "--no-user-rules", "--rules", str(pack), "--allow-safety-overrides"
    )
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("safety/pregnancy "))
    assert "(disabled)" in line
