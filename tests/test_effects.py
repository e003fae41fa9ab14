"""Effects that describe the plan, the review phase, departures and the source claims
(issue 18; COACHING.md 5; DESIGN.md v1.1).

Properties over generated profiles: no effect without its dose in the plan, nothing about the
body's own testosterone on TRT (or its own GH/IGF-1 on a GH-axis therapy), one entry per
target and timescale, the self-check on every plan, and plan JSON with departures valid
against `schema plan`. The doses are measured here independently of engine/review.py.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from endoprotocol import build_plan, parse_profile
from endoprotocol.engine.loader import departures_of
from endoprotocol.errors import OutOfScopeError
from endoprotocol.plan import Exercise, Plan, Session
from endoprotocol.render.calendar import render_csv, render_ics
from tests.builtin import builtin_library, builtin_rules
from tests.conftest import RunCli
from tests.packs import PLAN_ARGS, write_pack
from tests.strategies import profiles

EXAMPLES = int(os.environ.get("ENDOPROTOCOL_PROPERTY_EXAMPLES", "200"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
CLAIMS_IN_SOURCE = 80  # counted in the commit that listed them


def plan_of(data: dict[str, Any]) -> Plan | None:
    try:
        return build_plan(parse_profile(data), builtin_rules(), builtin_library())
    except OutOfScopeError:
        return None


# ---- the doses, measured independently -------------------------------------------------


def required(plan: Plan, modality: str) -> list[Session]:
    return [
        s
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if not s.optional and s.modality.value == modality
    ]


def hard(e: Exercise) -> bool:
    rir, rpe = e.intensity.rir, e.intensity.rpe
    return rir.min <= 4 if rir is not None else rpe is not None and rpe.max >= 6


def moderate_reps(e: Exercise) -> bool:
    return e.reps is not None and 7 <= e.reps.max <= 15


def demanding(e: Exercise) -> bool:
    rir, rpe = e.intensity.rir, e.intensity.rpe
    return rir.max <= 3 if rir is not None else rpe is not None and rpe.min >= 7


def short_rest_volume(plan: Plan) -> bool:
    """Lifting sessions with 12+ demanding (RIR 3 or less) compound sets of moderate reps and
    12+ of them with rests of 90 s or less (the most of each over the block, as the facts
    count; about four big lifts x three sets: coach review 11, GH-ACUTE-LOW-DOSE)."""
    moderate = short = 0
    for s in required(plan, "resistance"):
        sets = [
            e for e in s.exercises if hard(e) and demanding(e) and moderate_reps(e) and e.compound
        ]
        moderate = max(moderate, sum(e.sets for e in sets))
        short = max(
            short,
            sum(e.sets for e in sets if e.rest_seconds is not None and e.rest_seconds.max <= 90),
        )
    return moderate >= 12 and short >= 12


def steady_work_minutes(plan: Plan) -> int:
    """Minutes of work in the longest required steady session at moderate effort or above."""
    best = 0
    for s in required(plan, "endurance"):
        if s.intensity_class.value == "light":
            continue
        seconds = sum(e.work_seconds.min * e.sets for e in s.exercises if e.work_seconds)
        best = max(best, int(seconds // 60) if seconds else s.duration_minutes)
    return best


def steady_weighted_minutes(plan: Plan, *, vigorous_only: bool = False) -> int:
    """The longest required steady session's work weighted by intensity (moderate 1,
    vigorous 2: duration x intensity), or its vigorous minutes alone."""
    best = 0
    weight = {"light": 0, "moderate": 1, "vigorous": 2}
    for s in required(plan, "endurance"):
        cls = s.intensity_class.value
        if vigorous_only and cls != "vigorous":
            continue
        seconds = sum(e.work_seconds.min * e.sets for e in s.exercises if e.work_seconds)
        minutes = int(seconds // 60) if seconds else s.duration_minutes
        best = max(best, minutes if vigorous_only else minutes * weight[cls])
    return best


def dosed(plan: Plan, modality: str) -> bool:
    if modality == "endurance":
        return steady_work_minutes(plan) > 0
    return bool(required(plan, modality))


# Effects whose own dose is narrower than "the modality is in the plan".
RULE_DOSE = {
    "core/growth-hormone-acute-lifting": short_rest_volume,
    "core/cortisol-acute-lifting": short_rest_volume,
    # IL-6 with duration x intensity; GH only above about the lactate threshold (vigorous)
    "core/il-6-steady-work": lambda plan: steady_weighted_minutes(plan) >= 60,
    "core/il-6-short-steady": lambda plan: 40 <= steady_weighted_minutes(plan) < 60,
    "core/growth-hormone-acute-steady": lambda plan: (
        steady_weighted_minutes(plan, vigorous_only=True) >= 20
    ),
    "core/insulin-sensitivity-intervals": lambda plan: bool(required(plan, "hiit")),
    "core/insulin-sensitivity-regular-lifting": lambda plan: max(_weekly(plan, "resistance")) >= 2,
}


def _weekly(plan: Plan, modality: str) -> list[int]:
    return [
        sum(
            1 for d in w.days for s in d.sessions if not s.optional and s.modality.value == modality
        )
        for w in plan.weeks
    ]


@SETTINGS
@given(profiles())
def test_no_effect_without_its_dose_in_the_plan(data: dict[str, Any]) -> None:
    plan = plan_of(data)
    if plan is None:
        return
    seen: set[tuple[str, str]] = set()
    for e in plan.expected_effects:
        key = (e.target.value, e.timescale)
        assert key not in seen, f"two entries for {key}"
        seen.add(key)
        assert e.from_modalities, e
        for m in e.from_modalities:
            assert dosed(plan, m.value), (e.target.value, m.value)
        for rid in e.rules:
            if rid in RULE_DOSE:
                assert RULE_DOSE[rid](plan), (rid, e.target.value)
        if e.target.value == "il_6" and e.timescale == "acute" and e.evidence == "strong":
            assert steady_work_minutes(plan) >= 40
    # the GH rise of short-rest work is claimed exactly when that work is in the plan
    gh_rules = {r for e in plan.expected_effects for r in e.rules}
    own_gh = not {"gh-peptide", "tesamorelin"} & set(data["therapies"])
    assert ("core/growth-hormone-acute-lifting" in gh_rules) == (own_gh and short_rest_volume(plan))


@SETTINGS
@given(profiles())
def test_therapy_aware_effects_and_the_self_check(data: dict[str, Any]) -> None:
    plan = plan_of(data)
    if plan is None:
        return
    targets = {e.target.value for e in plan.expected_effects}
    codes = {w.code for w in plan.warnings}
    if "trt" in data["therapies"]:
        assert "testosterone" not in targets
        assert "therapy-sets-testosterone" in codes
    if {"gh-peptide", "tesamorelin"} & set(data["therapies"]):
        assert not {"growth_hormone", "igf_1"} & targets
        assert "therapy-sets-growth-hormone" in codes
    # every plan has the weekly self-check, except a referral-only one (coach review 3, K12)
    assert ("self-check" in codes) is not plan.screening.referral_only
    therapies = set(data["therapies"])
    assert {s.therapy for s in plan.therapy_synergies} <= therapies
    ids = [d.id for d in plan.departures]
    assert ids == sorted(set(ids))
    if therapies:
        assert "core/therapy-not-replaced" in ids
    cited = {r.id for r in plan.references}
    for d in plan.departures:
        assert d.references
        assert set(d.references) <= cited


def test_plan_json_with_departures_validates_against_schema_plan(cli: RunCli) -> None:
    schema = json.loads(cli("schema", "plan").stdout)
    assert "departures" in schema["properties"]
    for example in ("muscle-trt-45", "metabolic-t2d-62", "bone-hrt-58"):
        result = cli("plan", "--example", example, "--format", "json", "--no-user-rules")
        plan = json.loads(result.stdout)
        assert plan["departures"], example
        jsonschema.Draft202012Validator(schema).validate(plan)
        assert list(plan).index("departures") == list(plan).index("therapy_synergies") + 1
        for d in plan["departures"]:
            assert set(d) >= {"topic", "source_says", "plan_does", "why", "references"}
    yaml_out = cli("plan", "--example", "muscle-trt-45", "--format", "yaml", "--no-user-rules")
    assert "departures:" in yaml_out.stdout


def test_ics_carries_departures_in_the_first_event_and_csv_does_not() -> None:
    plan = build_plan(parse_profile(_example("muscle-trt-45")), builtin_rules(), builtin_library())
    assert plan.departures
    ics = render_ics(plan, date(2027, 1, 4)).replace("\r\n ", "")
    events = ics.split("BEGIN:VEVENT")[1:]
    assert "departs from the source document" in events[0]
    assert not any("departs from the source document" in e for e in events[1:])
    topic = plan.departures[0].topic
    assert topic in events[0]
    csv = render_csv(plan, date(2027, 1, 4))
    assert "departs" not in csv
    assert topic not in csv


def _example(name: str) -> dict[str, Any]:
    import yaml

    from endoprotocol import examples

    text = (Path(examples.__file__).parent / f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


# ---- the issue's own examples -----------------------------------------------------------


def _plan(**data: Any) -> Plan:
    base: dict[str, Any] = {"age": 40, "sex": "male", "currently_active": True}
    plan = plan_of({**base, **data})
    assert plan is not None
    return plan


def test_a_heavy_long_rest_strength_plan_is_not_told_about_the_short_rest_gh_surge() -> None:
    plan = _plan(
        goals=["strength"],
        experience="advanced",
        equipment=["barbell", "dumbbells", "machines"],
        days_per_week=3,
        minutes_per_session=75,
    )
    (gh,) = [
        e
        for e in plan.expected_effects
        if e.target.value == "growth_hormone" and e.timescale == "acute"
    ]
    assert gh.rules == ["core/growth-hormone-acute-lifting-long-rests"]
    assert gh.evidence == "moderate"
    assert "core/rest-on-heavy-compounds" in {d.id for d in plan.departures}


def test_a_ten_minute_walk_is_not_a_strong_il6_claim() -> None:
    plan = _plan(goals=["muscle"], experience="intermediate", days_per_week=3)
    for e in plan.expected_effects:
        if e.target.value == "il_6" and e.timescale == "acute":
            assert "endurance" not in {m.value for m in e.from_modalities} or (
                steady_work_minutes(plan) >= 20
            )
            if e.evidence == "strong":
                assert steady_work_minutes(plan) >= 40


def test_cortisol_is_one_entry_per_timescale() -> None:
    plan = _plan(
        goals=["fat-loss", "muscle"],
        experience="advanced",
        equipment=["barbell", "dumbbells", "bike"],
        days_per_week=5,
        minutes_per_session=60,
    )
    cortisol = [e for e in plan.expected_effects if e.target.value == "cortisol"]
    assert len(cortisol) == len({e.timescale for e in cortisol}) <= 2
    long_term = [e for e in cortisol if e.timescale == "long_term"]
    if long_term and len(long_term[0].rules) > 1:
        assert long_term[0].evidence == "moderate"  # the best-supported of moderate and mixed


def test_directions_that_differ_merge_to_modulate() -> None:
    plan = _plan(goals=["endurance", "muscle"], experience="intermediate", days_per_week=5)
    acute_t = [
        e
        for e in plan.expected_effects
        if e.target.value == "testosterone" and e.timescale == "acute"
    ]
    if acute_t and {"resistance", "endurance"} <= {m.value for m in acute_t[0].from_modalities}:
        assert acute_t[0].direction == "modulate"
        assert "Steady aerobic sessions" in acute_t[0].explanation
        assert "After lifting" in acute_t[0].explanation


# ---- the source document mapped ---------------------------------------------------------


def test_every_listed_source_claim_is_mapped_to_a_rule_or_departure() -> None:
    claims = [c for c in builtin_rules().claims if c.full_id.startswith("core/")]
    assert len(claims) == CLAIMS_IN_SOURCE
    assert len({c.full_id for c in claims}) == len(claims)
    rule_ids = {r.full_id for r in builtin_rules().rules}
    departures = departures_of(builtin_rules().rules)
    for claim in claims:
        assert claim.encoded_by or claim.departed_by, claim.id
        assert set(claim.encoded_by) <= rule_ids, claim.id
        assert set(claim.departed_by) <= set(departures), claim.id
    # every departure replaces some claim
    named = {d for c in claims for d in c.departed_by}
    assert named == set(departures)


def test_the_issue_s_missing_pieces_are_encoded() -> None:
    by_id = {c.id: c for c in builtin_rules().claims}
    assert "core/trt-irisin" in by_id["synergy-irisin-trt-peptides"].encoded_by
    assert "core/gh-axis-myostatin" in by_id["synergy-myostatin-t-gh"].encoded_by
    assert by_id["endurance-less-anabolic"].encoded_by == [
        "core/testosterone-acute-steady-contrast"
    ]
    assert by_id["il6-chronic-inflammation"].encoded_by == ["core/il-6-long-term-inflammation"]
    assert by_id["listen-and-adjust"].encoded_by == ["core/self-check"]
    for departure in (
        "rest-on-heavy-compounds",
        "hiit-insulin-moderate",
        "no-resting-hormone-rise",
    ):
        assert f"core/{departure}" in departures_of(builtin_rules().rules)


# ---- the rule language -------------------------------------------------------------------

REVIEW_RULE = """\
rules:
  - id: {rid}
    title: A review rule
    phase: {phase}
    when: {{fact: week.lifting_sessions, op: ge, value: 1}}
    then:
      - {action}
    because: test
    references: [kraemer-2005]
"""


@pytest.mark.parametrize(
    ("phase", "action", "code"),
    [
        (
            "review",
            "sessions: {modality: hiit, per_week: 1, intensity: vigorous, title: X, focus: Y}",
            "action-outside-review",
        ),
        ("review", "cap: {hard_sessions_per_week: 1}", "action-outside-review"),
        ("review", "prescribe: {modality: resistance, sets: 3}", "action-outside-review"),
        (
            "annotate",
            "warn: {code: early, severity: info, message: too early}",
            "fact-not-yet-decided",
        ),
    ],
)
def test_review_rules_may_only_describe_the_plan(
    cli: RunCli, tmp_path: Path, phase: str, action: str, code: str
) -> None:
    write_pack(
        tmp_path, "extra", {"r.yaml": REVIEW_RULE.format(rid="r", phase=phase, action=action)}
    )
    result = cli(*PLAN_ARGS, "--rules", str(tmp_path / "extra"))
    assert result.exit_code == 4, result.stdout
    assert f"[{code}]" in result.stderr
    assert "r.yaml:" in result.stderr


DEPARTURE = "departure: {id: d, topic: T, source_says: S, plan_does: P, why: W}"


def test_a_departure_outside_the_review_phase_is_a_pack_error(cli: RunCli, tmp_path: Path) -> None:
    text = REVIEW_RULE.format(rid="r", phase="annotate", action=DEPARTURE).replace(
        "{fact: week.lifting_sessions, op: ge, value: 1}", "{fact: age, op: ge, value: 18}"
    )
    write_pack(tmp_path, "extra", {"r.yaml": text})
    result = cli(*PLAN_ARGS, "--rules", str(tmp_path / "extra"))
    assert result.exit_code == 4
    assert "[review-action-outside-review]" in result.stderr


def test_a_pack_declares_a_departure_and_maps_a_claim(cli: RunCli, tmp_path: Path) -> None:
    rules = REVIEW_RULE.format(rid="r", phase="review", action=DEPARTURE)
    claims = """\
claims:
  - id: c
    section: Intro
    kind: effect
    says: Something the source asserts.
    encoded_by: [core/self-check]
    departed_by: [extra/d]
"""
    write_pack(tmp_path, "extra", {"r.yaml": rules, "claims.yaml": claims})
    result = cli(*PLAN_ARGS, "--rules", str(tmp_path / "extra"))
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    (mine,) = [d for d in plan["departures"] if d["id"] == "extra/d"]
    assert mine == {
        "topic": "T",
        "source_says": "S",
        "plan_does": "P",
        "why": "W",
        "references": ["kraemer-2005"],
        "id": "extra/d",
        "rules": ["extra/r"],
    }


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("encoded_by", "[core/no-such-rule]", "unknown-rule"),
        ("departed_by", "[core/no-such-departure]", "unknown-departure"),
    ],
)
def test_a_claim_naming_what_does_not_exist_is_a_pack_error(
    cli: RunCli, tmp_path: Path, field: str, value: str, code: str
) -> None:
    claims = f"""\
claims:
  - id: c
    section: Intro
    kind: number
    says: A number.
    {field}: {value}
"""
    write_pack(
        tmp_path,
        "extra",
        {
            "r.yaml": REVIEW_RULE.format(rid="r", phase="review", action=DEPARTURE),
            "claims.yaml": claims,
        },
    )
    result = cli(*PLAN_ARGS, "--rules", str(tmp_path / "extra"))
    assert result.exit_code == 4
    assert f"[{code}]" in result.stderr


def test_an_unmapped_claim_is_a_pack_error(cli: RunCli, tmp_path: Path) -> None:
    claims = "claims:\n  - {id: c, section: Intro, kind: effect, says: An effect.}\n"
    write_pack(
        tmp_path,
        "extra",
        {
            "r.yaml": REVIEW_RULE.format(rid="r", phase="review", action=DEPARTURE),
            "claims.yaml": claims,
        },
    )
    result = cli(*PLAN_ARGS, "--rules", str(tmp_path / "extra"))
    assert result.exit_code == 4
    assert "encoded_by" in result.stderr


# ---- endoprotocol effects -----------------------------------------------------------------


def test_the_effects_command_shows_the_reference_tables(cli: RunCli) -> None:
    result = cli("effects", "--format", "json", "--no-user-rules")
    assert result.exit_code == 0, result.stderr
    tables = json.loads(result.stdout)
    assert set(tables) == {"hormones", "myokines", "synergies", "references"}
    hormones = {(r["target"], r["modality"]) for r in tables["hormones"]}
    assert ("insulin_sensitivity", "hiit") in hormones
    assert ("testosterone", "endurance") in hormones  # the anabolic contrast
    assert {r["target"] for r in tables["myokines"]} == {
        "il_6",
        "irisin",
        "myostatin",
        "bdnf",
        "decorin",
    }
    pairs = {(s["therapy"], s["myokine"]) for s in tables["synergies"]}
    assert {("trt", "irisin"), ("gh-peptide", "myostatin"), ("tesamorelin", "myostatin")} <= pairs
    assert {s["evidence"] for s in tables["synergies"]} <= {"speculative", "low"}
    cited = {r["id"] for r in tables["references"]}
    for row in [*tables["hormones"], *tables["myokines"], *tables["synergies"]]:
        assert row["evidence"]
        assert set(row["references"]) <= cited
    table = cli("effects", "--no-user-rules")
    assert table.exit_code == 0
    assert "Hormonal outcome by modality" in table.stdout
    assert "Myokines and their actions" in table.stdout
    markdown = cli("effects", "-f", "markdown", "--no-user-rules")
    assert "## Therapy synergies" in markdown.stdout
    assert "| trt | irisin | speculative |" in markdown.stdout
    assert cli("effects", "-f", "xml").exit_code == 2


def test_table_and_markdown_show_the_departures(cli: RunCli) -> None:
    for fmt in ("table", "markdown"):
        result = cli("plan", "--example", "muscle-trt-45", "-f", fmt, "--no-user-rules")
        assert result.exit_code == 0
        assert "departs from the source" in result.stdout
        assert "Rest between" in result.stdout
