"""Evaluation: phases, safety-first conflict resolution, provenance, user packs, pack tests.

Each test builds its own small packs (without the built-in core pack) so the conflicts are
real and the expectations do not depend on the shipped knowledge. The built-in safety pack
always loads (DESIGN.md v1.1); the test person triggers none of its rules.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endoprotocol import build_plan, load_rules, parse_profile
from endoprotocol.cli.app import app
from endoprotocol.engine.evaluate import evaluate
from endoprotocol.errors import RulePackError
from endoprotocol.plan import Change, DisabledRule, ReplacedRule
from tests.builtin import builtin_library
from tests.packs import PLAN_ARGS, write_pack

PERSON = parse_profile(
    {
        "age": 40,
        "sex": "female",
        "goals": ["strength", "insulin-sensitivity"],
        "days_per_week": 5,
        "minutes_per_session": 60,
        "experience": "intermediate",
        "currently_active": True,
        # intervals are planned only on the machine their protocol was tested on
        "equipment": ["bodyweight", "dumbbells", "bands", "bike"],
    }
)

# Vigorous sessions, so that no class ceiling moves the reps these tests read: under a
# moderate ceiling every lift (also one set by effort alone) keeps its effort with more reps.
BASE_RULES = """
rules:
  - id: base
    title: Lift twice
    phase: prescribe
    then:
      - sessions: {modality: resistance, per_week: 2, intensity: vigorous, title: Lift, focus: all}
      - prescribe: {modality: resistance, role: compound, sets: 3, reps: [8, 12], rest_seconds: [90, 120], rir: [2, 3]}
      - prescribe: {modality: resistance, role: accessory, sets: 2, reps: [10, 15], rest_seconds: [60, 90], work_seconds: [20, 40]}
      - prescribe: {modality: hiit, work_seconds: 60, rest_seconds: 60, rounds: 6, hr_max_pct: [85, 90], minutes: [20, 30]}
      - require: {hours_between_same_muscle: 48}
    because: a base so plans build
    references: [t-ref]
"""


T_REF = 'references:\n  - {id: t-ref, citation: "Test A. A test source. J Test. 2020;1:1."}\n'


def make_pack(
    root: Path, name: str, files: dict[str, str | None], extra_manifest: str = ""
) -> Path:
    """A pack that defines the reference `t-ref` its test rules cite."""
    return write_pack(root, name, files, T_REF + extra_manifest)


def plan_for(*packs: Path, allow: bool = False, profile=PERSON):  # type: ignore[no-untyped-def]
    rules = load_rules(list(packs), builtin=False, user_dir=False, allow_safety_overrides=allow)
    return build_plan(profile, rules, builtin_library(), explain=True)


def modalities(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.modality.value for d in plan.days for s in d.sessions]


def test_safety_veto_beats_a_goal_request_whatever_its_priority(tmp_path: Path) -> None:
    pack = make_pack(
        tmp_path,
        "t",
        {
            "base.yaml": BASE_RULES,
            "goal.yaml": """
rules:
  - id: hiit-for-insulin
    title: Intervals for insulin sensitivity
    phase: prescribe
    priority: 999
    when: {fact: goals, op: contains, value: insulin-sensitivity}
    then:
      - sessions: {modality: hiit, per_week: 2, intensity: vigorous, title: Intervals, focus: bursts}
    because: test
    references: [t-ref]
  - id: no-hiit-when-active-female
    title: A veto that matches the person
    phase: safety
    when: {fact: sex, op: eq, value: female}
    then:
      - forbid: {modality: hiit}
    because: test
    references: [t-ref]
""",
        },
    )
    plan = plan_for(pack)
    assert "hiit" not in modalities(plan)
    assert plan.explanation is not None
    assert (
        Change(what="hiit sessions", by="t/no-hiit-when-active-female") in plan.explanation.vetoed
    )
    changed = [w for w in plan.warnings if w.code == "plan-changed-by-safety-rule"]
    assert changed
    assert "t/no-hiit-when-active-female" in changed[0].rules


def test_the_smaller_of_two_caps_wins(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: lots-of-hiit
    title: Three interval sessions
    phase: prescribe
    then:
      - sessions: {modality: hiit, per_week: 3, intensity: vigorous, title: Intervals, focus: bursts}
    because: test
    references: [t-ref]
  - id: cap-two
    title: At most two
    phase: adjust
    then:
      - cap: {modality: hiit, sessions_per_week: 2}
    because: test
    references: [t-ref]
  - id: cap-one
    title: At most one
    phase: annotate
    then:
      - cap: {modality: hiit, sessions_per_week: 1}
    because: test
    references: [t-ref]
"""
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    assert modalities(plan).count("hiit") == 1
    assert any(v["by"] == "t/cap-one" for v in plan.explanation["vetoed"])


def test_two_goals_asking_for_the_same_modality_merge_to_the_larger_count(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: strength-lifts-three
    title: Strength wants three
    phase: prescribe
    when: {fact: goals, op: contains, value: strength}
    then:
      - sessions: {modality: resistance, per_week: 3, intensity: moderate, title: Lift, focus: all}
    because: test
    references: [t-ref]
"""
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    assert modalities(plan).count("resistance") == 3


def _setter(rule_id: str, reps: list[int], when: str, priority: int = 0) -> str:
    return f"""
  - id: {rule_id}
    title: sets reps
    phase: adjust
    priority: {priority}
    when: {when}
    then:
      - prescribe: {{modality: resistance, role: compound, reps: {reps}}}
    because: test
    references: [t-ref]
"""


def compound_reps(plan) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    ex = next(e for d in plan.days for s in d.sessions for e in s.exercises if e.compound)
    return (ex.reps.min, ex.reps.max)


def test_equal_priority_point_values_go_to_the_more_specific_rule_then_the_id(
    tmp_path: Path,
) -> None:
    one_leaf = "{fact: age, op: ge, value: 18}"
    two_leaves = "{all: [{fact: age, op: ge, value: 18}, {fact: sex, op: eq, value: female}]}"
    rules = (
        BASE_RULES
        + _setter("b-specific", [4, 6], two_leaves)
        + _setter("a-general", [12, 15], one_leaf)
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    assert compound_reps(plan) == (4, 6)
    entry = next(
        o for o in plan.explanation["overridden"] if o["parameter"] == "resistance/compound/reps"
    )
    assert entry["winner"] == "t/b-specific"
    assert {o["rule"] for o in entry["overridden"]} >= {"t/a-general"}
    # same specificity: the smaller id wins
    rules = BASE_RULES + _setter("b-rule", [4, 6], one_leaf) + _setter("a-rule", [12, 15], one_leaf)
    plan = plan_for(make_pack(tmp_path / "2", "t", {"r.yaml": rules}))
    assert compound_reps(plan) == (12, 15)


def test_priority_beats_specificity(tmp_path: Path) -> None:
    one_leaf = "{fact: age, op: ge, value: 18}"
    two_leaves = "{all: [{fact: age, op: ge, value: 18}, {fact: sex, op: eq, value: female}]}"
    rules = (
        BASE_RULES
        + _setter("specific", [4, 6], two_leaves)
        + _setter("important", [12, 15], one_leaf, priority=5)
    )
    assert compound_reps(plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))) == (12, 15)


def test_a_limit_narrows_the_winning_prescription(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: at-most-ten
    title: Limit reps
    phase: safety
    then:
      - limit: {modality: resistance, reps: {max: 10}}
    because: test
    references: [t-ref]
"""
    )
    assert compound_reps(plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))) == (8, 10)


def _user_pack(root: Path, rule_text: str, manifest: str = "") -> Path:
    return write_pack(root, "user", {"rules.yaml": rule_text}, manifest)


SAFETY_PACK = """
rules:
  - id: no-hiit
    title: No intervals
    phase: safety
    then:
      - forbid: {modality: hiit}
    because: test
    references: [t-ref]
  - id: want-hiit
    title: Intervals please
    phase: prescribe
    then:
      - sessions: {modality: hiit, per_week: 1, intensity: vigorous, title: Intervals, focus: bursts}
    because: test
    references: [t-ref]
"""


def test_a_user_pack_may_disable_and_override_ordinary_rules(tmp_path: Path) -> None:
    base = make_pack(
        tmp_path,
        "t",
        {"base.yaml": BASE_RULES + _setter("reps", [8, 12], "{fact: age, op: ge, value: 18}")},
    )
    user = _user_pack(
        tmp_path,
        """
rules:
  - id: my-reps
    title: My rep range
    phase: adjust
    priority: 1
    overrides: t/reps
    then:
      - prescribe: {modality: resistance, role: compound, reps: [5, 5]}
    because: I like fives
    references: [t-ref]
""",
    )
    plan = plan_for(base, user)
    assert compound_reps(plan) == (5, 5)
    assert plan.explanation is not None
    assert ReplacedRule(rule="t/reps", by="user/my-reps") in plan.explanation.replaced
    fired = {f["rule"] for f in plan.explanation["fired"]}
    assert "t/reps" not in fired
    assert "user/my-reps" in fired


def test_disable_in_a_manifest_turns_a_rule_off(tmp_path: Path) -> None:
    base = make_pack(
        tmp_path,
        "t",
        {"base.yaml": BASE_RULES, "s.yaml": SAFETY_PACK.replace("no-hiit", "x-no-hiit")},
    )
    user = _user_pack(
        tmp_path, BASE_RULES.replace("id: base", "id: mine"), manifest="disable: [t/want-hiit]\n"
    )
    plan = plan_for(base, user)
    assert plan.explanation is not None
    assert DisabledRule(rule="t/want-hiit", by_pack="user") in plan.explanation.disabled
    assert "t/want-hiit" not in {f["rule"] for f in plan.explanation["fired"]}


def test_weakening_a_safety_rule_needs_the_flag_and_is_reported(tmp_path: Path) -> None:
    base = make_pack(tmp_path, "t", {"base.yaml": BASE_RULES, "s.yaml": SAFETY_PACK})
    user = _user_pack(
        tmp_path, BASE_RULES.replace("id: base", "id: mine"), manifest="disable: [t/no-hiit]\n"
    )
    with pytest.raises(RulePackError) as info:
        plan_for(base, user)
    assert "safety-override" in info.value.render()
    assert "needs --allow-safety-overrides" in info.value.render()
    plan = plan_for(base, user, allow=True)
    # t/no-hiit vetoes nothing now; the unscreened plan's moderate ceiling drops the intervals
    hiit_removed_by = {v["by"] for v in plan.explanation["vetoed"] if v["what"].startswith("hiit")}
    assert hiit_removed_by == {"engine/not-screened"}
    assert plan.screening.performed is False
    assert plan.generator.safety_overrides_allowed is True
    warning = next(w for w in plan.warnings if w.code == "safety-rules-overridden")
    assert warning.severity == "high"
    assert "t/no-hiit" in warning.message


def test_overriding_a_safety_rule_without_the_flag_is_exit_4_on_the_cli(tmp_path: Path) -> None:
    user = _user_pack(
        tmp_path,
        """
rules:
  - id: let-kids-in
    title: Remove the age limit
    phase: safety
    overrides: safety/under-18
    then:
      - warn: {code: none, severity: info, message: nothing}
    because: testing the guard
    references: [who-2020]
""",
    )
    result = CliRunner().invoke(
        app,
        [*PLAN_ARGS, "--rules", str(user)],
    )
    assert result.exit_code == 4
    assert "overrides safety rule 'safety/under-18'" in result.stderr
    assert result.stdout == ""


ORDER_RULES = [
    _setter("r-one", [6, 8], "{fact: age, op: ge, value: 18}"),
    _setter("r-two", [10, 12], "{fact: age, op: ge, value: 18}"),
    _setter(
        "r-three",
        [3, 5],
        "{all: [{fact: age, op: ge, value: 18}, {fact: sex, op: eq, value: female}]}",
    ),
    """
  - id: r-cap
    title: cap
    phase: annotate
    then:
      - cap: {modality: resistance, sessions_per_week: 2}
    because: test
    references: [t-ref]
  - id: r-more
    title: more
    phase: prescribe
    then:
      - sessions: {modality: resistance, per_week: 4, intensity: moderate, title: Lift, focus: all}
    because: test
    references: [t-ref]
""",
]


def test_the_outcome_does_not_depend_on_rule_or_file_order(tmp_path: Path) -> None:
    outputs = set()
    for n, order in enumerate(itertools.permutations(range(len(ORDER_RULES)))):
        if n % 5:  # 24 permutations; every fifth keeps the test quick but covers all positions
            continue
        files = {"a.yaml": BASE_RULES}
        for position, index in enumerate(order):
            files[f"{chr(ord('z') - position)}.yaml"] = "rules:\n" + ORDER_RULES[index]
        pack = make_pack(tmp_path / str(n), "t", files)
        plan = plan_for(pack)
        body = json.loads(plan.to_json())
        body["generator"]["rule_packs"] = []  # the hash covers file names, which differ here
        for item in body["explanation"]["fired"]:
            item["defined_at"] = None
            for fact in item["facts"]:
                fact["where"] = None
        outputs.add(json.dumps(body, sort_keys=True))
    assert len(outputs) == 1
    plan_json = json.loads(next(iter(outputs)))
    compound = next(
        e for d in plan_json["days"] for s in d["sessions"] for e in s["exercises"] if e["compound"]
    )
    assert compound["reps"] == {"min": 3, "max": 5}
    assert (
        sum(1 for d in plan_json["days"] for s in d["sessions"] if s["modality"] == "resistance")
        == 2
    )


def test_explain_shows_each_leaf_with_the_persons_value(tmp_path: Path) -> None:
    rules = BASE_RULES + _setter(
        "older",
        [10, 15],
        "{all: [{fact: age, op: ge, value: 18}, {fact: blood_pressure.systolic, op: ge, value: 140}]}",
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    fired = {f["rule"]: f for f in plan.explanation["fired"]}
    assert "t/older" not in fired  # blood pressure unknown -> the rule does not fire
    rules = BASE_RULES + _setter("adult", [10, 15], "{fact: age, op: ge, value: 18}")
    pack = make_pack(tmp_path / "b", "t", {"r.yaml": rules})
    plan = plan_for(pack)
    leaf = next(f for f in plan.explanation["fired"] if f["rule"] == "t/adult")["facts"][0]
    assert leaf["fact"] == "age"
    assert leaf["actual"] == 40
    assert leaf["result"] is True
    lines = rules.splitlines()
    when = lines.index("    when: {fact: age, op: ge, value: 18}", lines.index("  - id: adult"))
    assert leaf["where"] == f"{pack / 'r.yaml'}:{when + 1}"


def test_on_unknown_fire_makes_a_safety_rule_fire_without_the_fact(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: unknown-bp
    title: Be careful when blood pressure is unknown
    phase: safety
    on_unknown: fire
    when: {fact: blood_pressure.systolic, op: ge, value: 160}
    then:
      - screen: {clearance: recommended, reason: blood pressure not given}
    because: test
    references: [t-ref]
"""
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    assert plan.screening.clearance == "recommended"
    fired = {f["rule"]: f for f in plan.explanation["fired"]}
    assert fired["t/unknown-bp"]["fired_on_unknown"] is True
    assert fired["t/base"]["fired_on_unknown"] is False


def test_later_phases_read_earlier_decisions(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: cautious
    title: Everyone needs clearance here
    phase: safety
    then:
      - screen: {clearance: required, reason: test}
  - id: gentle-when-cleared
    title: Fewer reps when clearance is required
    phase: prescribe
    when: {fact: screening.clearance, op: eq, value: required}
    then:
      - prescribe: {modality: resistance, role: compound, reps: [12, 15]}
    priority: 10
    because: test
    references: [t-ref]
""".replace("reason: test}\n", "reason: test}\n    because: test\n    references: [t-ref]\n", 1)
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    assert compound_reps(plan) == (12, 15)
    assert plan.screening.max_intensity == "moderate"


def test_user_pack_changes_a_real_plan_and_its_tests_run(tmp_path: Path) -> None:
    user = _user_pack(
        tmp_path,
        """
rules:
  - id: daily-walk
    title: A walk every day
    phase: annotate
    then:
      - require: {max_days_without_activity: 1}
      - sessions: {modality: recovery, per_week: 1, intensity: light, title: Easy walk, focus: stroll, optional: true}
    because: Walking most days is an easy habit.
    references: [who-2020]
tests:
  - name: a walk appears
    profile: {age: 40, sex: male, goals: [strength], days_per_week: 2}
    expect: {fires: [user/daily-walk], modalities: [recovery]}
  - name: a wrong expectation is reported
    profile: {age: 40, sex: male, goals: [strength], days_per_week: 2}
    expect: {no_modalities: [recovery]}
""",
    )
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "plan",
            "--age",
            "40",
            "--sex",
            "male",
            "--goal",
            "strength",
            "--days-per-week",
            "2",
            "--rules",
            str(user),
            "--no-user-rules",
            "--explain",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert any(s["modality"] == "recovery" for d in plan["days"] for s in d["sessions"])
    assert any(f["rule"] == "user/daily-walk" for f in plan["explanation"]["fired"])
    assert any(
        p["name"] == "user" and len(p["sha256"]) == 64 for p in plan["generator"]["rule_packs"]
    )
    result = runner.invoke(app, ["rules", "test", str(user), "--no-user-rules"])
    assert result.exit_code == 6  # checks ran and found failures
    assert "PASS user: a walk appears" in result.stdout
    assert "FAIL user: a wrong expectation is reported" in result.stdout
    assert "expected no recovery sessions" in result.stdout
    assert "1 passed, 1 failed" in result.stdout


def test_evaluation_is_pure_and_repeatable() -> None:
    rules = load_rules(user_dir=False)
    first = evaluate(PERSON, rules)
    second = evaluate(PERSON, rules)
    assert [f.rule.full_id for f in first.fired] == [f.rule.full_id for f in second.fired]
    a = build_plan(PERSON, rules, builtin_library()).to_json()
    b = build_plan(PERSON, rules, builtin_library()).to_json()
    assert a == b


def test_exercise_count_talk_test_and_minute_limits_reach_the_plan(tmp_path: Path) -> None:
    rules = (
        BASE_RULES
        + """
  - id: shape
    title: Short lifting sessions and a custom talk test
    phase: prescribe
    then:
      - prescribe: {modality: resistance, exercises: 3}
      - sessions: {modality: endurance, per_week: 1, intensity: moderate, title: Walk, focus: walk}
      - prescribe: {modality: endurance, talk_test: "Hum a tune while you walk."}
      - limit: {modality: endurance, minutes: {max: 25}}
    because: test
    references: [t-ref]
"""
    )
    plan = plan_for(make_pack(tmp_path, "t", {"r.yaml": rules}))
    lifting = [s for d in plan.days for s in d.sessions if s.modality.value == "resistance"]
    assert lifting
    assert all(len(s.exercises) <= 3 for s in lifting)
    walk = next(s for d in plan.days for s in d.sessions if s.modality.value == "endurance")
    assert walk.intensity.talk_test == "Hum a tune while you walk."
    assert walk.duration_minutes <= 25


def test_a_required_pack_must_be_loaded(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "t", {"r.yaml": BASE_RULES}, extra_manifest="requires: [clinic]\n")
    with pytest.raises(RulePackError) as info:
        plan_for(pack)
    assert (
        "pack 't' requires pack 'clinic', which is not loaded [missing-required-pack]"
        in info.value.render()
    )


def test_unknown_exercise_and_split_names_are_pack_errors(tmp_path: Path) -> None:
    user = _user_pack(
        tmp_path,
        """
rules:
  - id: no-burpee
    title: No burpees
    phase: safety
    then:
      - forbid: {exercise: burpee}
    because: test
    references: [who-2020]
  - id: odd-split
    title: A split that does not exist
    phase: adjust
    then:
      - prescribe: {modality: resistance, split: push-pull-legs}
    because: test
    references: [who-2020]
""",
    )
    result = CliRunner().invoke(app, ["rules", "validate", "--no-user-rules", str(user)])
    assert result.exit_code == 4
    assert (
        "rule 'user/no-burpee': no exercise 'burpee' in the library; did you mean 'burpees'? [unknown-exercise]"
        in result.stderr
    )
    assert "rule 'user/odd-split': no split 'push-pull-legs' in the library" in result.stderr
    assert f"{user / 'rules.yaml'}:7:9: error:" in result.stderr
