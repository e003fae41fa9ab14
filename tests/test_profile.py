"""The profile contract (DESIGN.md, "The profile"): what a person may write, and what they hear
when it is wrong.

Every profile goes in the way a person gives it — YAML on `plan --profile -` — and the test
reads what they would see: the exit code, the normalized profile in the JSON plan, or the
message on stderr naming the field.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from typer.testing import Result

from endoprotocol import parse_profile
from endoprotocol.errors import ProfileError
from endoprotocol.vocab import Condition, Equipment, Experience, Goal, Therapy
from tests.conftest import RunCli, assert_rejected

# Loading the rule packs from disk is covered by test_cli; here only the profile path matters.
pytestmark = pytest.mark.usefixtures("cached_rules")

BASE: dict[str, Any] = {"age": 45, "sex": "female", "goals": ["strength"]}
GOALS = ", ".join(g.value for g in Goal)


def plan_from(cli: RunCli, profile: dict[str, Any] | str, *flags: str) -> Result:
    text = profile if isinstance(profile, str) else yaml.safe_dump(profile, sort_keys=False)
    return cli("plan", "--profile", "-", "--format", "json", *flags, input=text)


def planned_profile(cli: RunCli, profile: dict[str, Any] | str, *flags: str) -> dict[str, Any]:
    """The normalized profile the plan reports; fails unless the plan was produced cleanly."""
    result = plan_from(cli, profile, *flags)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    normalized: dict[str, Any] = json.loads(result.stdout)["profile"]
    return normalized


def with_(**changes: Any) -> dict[str, Any]:
    return {**BASE, **changes}


# --- required fields ----------------------------------------------------------------------


@pytest.mark.parametrize("field", ["age", "sex", "goals"])
def test_a_missing_required_field_is_named(cli: RunCli, field: str) -> None:
    profile = {k: v for k, v in BASE.items() if k != field}
    assert_rejected(plan_from(cli, profile), 3, f"{field}: is required")


# --- age -------------------------------------------------------------------------------------


@pytest.mark.parametrize("age", [18, 45, 100])
def test_ages_18_to_100_are_planned(cli: RunCli, age: int) -> None:
    assert planned_profile(cli, with_(age=age))["age"] == age


@pytest.mark.parametrize(
    ("age", "problem"),
    [
        (0, "must be at least 1 (got 0)"),
        (-5, "must be at least 1 (got -5)"),
        (121, "must be at most 120 (got 121)"),
        (250, "must be at most 120 (got 250)"),
        ("forty", "must be a whole number (got 'forty')"),
        ("40", "must be a whole number (got '40')"),
        (40.5, "must be a whole number (got 40.5)"),
        (True, "must be a whole number (got True)"),
        (None, "must be a whole number (got nothing (null))"),
    ],
)
def test_an_impossible_age_is_refused(cli: RunCli, age: object, problem: str) -> None:
    assert_rejected(plan_from(cli, with_(age=age)), 3, f"age: {problem}")


# --- sex -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "sex"),
    [("male", "male"), ("female", "female"), ("Male", "male"), ("FEMALE", "female"), ("m", "male")],
)
def test_sex_accepts_common_spellings(cli: RunCli, typed: str, sex: str) -> None:
    profile = {"age": 45, "sex": typed, "goals": ["strength"]}
    assert planned_profile(cli, profile)["sex"] == sex


def test_an_unknown_sex_lists_the_accepted_values(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(sex="other")),
        3,
        "sex: unknown value 'other'",
        "(accepted: male, female)",
    )


# --- goals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "goals"),
    [
        (["muscle"], ["muscle"]),
        ("muscle", ["muscle"]),
        ("muscle, strength", ["muscle", "strength"]),
        (["fat_loss"], ["fat-loss"]),
        (["Fat Loss"], ["fat-loss"]),
        (["INSULIN_SENSITIVITY", "mood"], ["insulin-sensitivity", "mood-cognition"]),
        (["muscle", "strength", "muscle"], ["muscle", "strength"]),
        (
            ["muscle", "strength", "endurance", "bone-density"],
            ["muscle", "strength", "endurance", "bone-density"],
        ),
    ],
)
def test_goals_are_normalized_in_priority_order(
    cli: RunCli, typed: object, goals: list[str]
) -> None:
    assert planned_profile(cli, with_(goals=typed))["goals"] == goals


def test_every_goal_is_accepted(cli: RunCli) -> None:
    for goal in Goal:
        assert parse_profile(with_(goals=[goal.value])).goals == [goal]


@pytest.mark.parametrize(
    ("goals", "problem"),
    [
        ([], "goals: needs at least 1 item(s)"),
        (
            ["muscle", "strength", "endurance", "fat-loss", "bone-density"],
            "goals: allows at most 4",
        ),
        ({"muscle": 1}, "goals: must be a list"),
        (["muscle", 5], "goals[1]: expected one of"),
    ],
)
def test_goal_count_and_type_are_checked(cli: RunCli, goals: object, problem: str) -> None:
    assert_rejected(plan_from(cli, with_(goals=goals)), 3, problem)


def test_an_unknown_goal_suggests_the_nearest_and_lists_all(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(goals=["strength", "musle"])),
        3,
        "goals[1]: unknown value 'musle'; did you mean 'muscle'?",
        f"(accepted: {GOALS})",
    )


# --- therapies ---------------------------------------------------------------------------------


@pytest.mark.parametrize("therapy", [t.value for t in Therapy])
def test_every_therapy_is_accepted(cli: RunCli, therapy: str) -> None:
    assert planned_profile(cli, with_(therapies=[therapy]))["therapies"] == [therapy]


@pytest.mark.parametrize("none", [[], ["none"], "none", ["None"]])
def test_no_therapy_is_reported_as_an_empty_list(cli: RunCli, none: object) -> None:
    assert planned_profile(cli, with_(therapies=none))["therapies"] == []


@pytest.mark.parametrize(
    ("typed", "therapy"),
    [
        ("TRT", "trt"),
        ("hrt", "menopausal-hrt"),
        ("CJC-1295", "gh-peptide"),
        ("gh_peptide", "gh-peptide"),
    ],
)
def test_therapy_aliases(cli: RunCli, typed: str, therapy: str) -> None:
    assert planned_profile(cli, with_(therapies=[typed]))["therapies"] == [therapy]


def test_none_beside_a_therapy_is_a_contradiction(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(therapies=["none", "trt"])),
        3,
        "therapies: 'none' cannot be listed beside a therapy (trt)",
    )


def test_an_unknown_therapy_suggests_the_nearest(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(therapies=["tesamorelinn"])),
        3,
        "therapies: unknown value 'tesamorelinn'; did you mean 'tesamorelin'?",
        "(accepted: trt, gh-peptide, tesamorelin, menopausal-hrt, none)",
    )


# --- experience --------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [e.value for e in Experience])
def test_every_experience_level_is_accepted(cli: RunCli, level: str) -> None:
    assert planned_profile(cli, with_(experience=level))["experience"] == level


def test_an_unknown_experience_level_is_named(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(experience="expert")),
        3,
        "experience: unknown value 'expert'",
        "(accepted: beginner, intermediate, advanced)",
    )


# --- days and days_per_week ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per_week", "days"),
    [
        (1, ["monday"]),
        (2, ["monday", "thursday"]),
        (3, ["monday", "wednesday", "friday"]),
        (7, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
    ],
)
def test_days_per_week_spreads_the_days_evenly(cli: RunCli, per_week: int, days: list[str]) -> None:
    normalized = planned_profile(cli, with_(days_per_week=per_week))
    assert normalized["days"] == days
    assert normalized["days_per_week"] == per_week


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        (["fri", "tues", "mon"], ["monday", "tuesday", "friday"]),
        ("Mon, Thurs", ["monday", "thursday"]),
        (["saturday", "Sunday"], ["saturday", "sunday"]),
        (["mon", "monday"], ["monday"]),
    ],
)
def test_days_are_normalized_monday_first(cli: RunCli, typed: object, days: list[str]) -> None:
    normalized = planned_profile(cli, with_(days=typed))
    assert normalized["days"] == days
    assert normalized["days_per_week"] == len(days)


def test_days_and_an_agreeing_days_per_week_are_fine(cli: RunCli) -> None:
    normalized = planned_profile(cli, with_(days=["mon", "thu"], days_per_week=2))
    assert normalized["days"] == ["monday", "thursday"]


def test_days_and_days_per_week_disagreeing_is_a_contradiction(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(days=["mon", "thu"], days_per_week=4)),
        3,
        "days lists 2 day(s) but days_per_week is 4",
    )


@pytest.mark.parametrize(
    ("per_week", "problem"),
    [
        (0, "days_per_week: must be at least 1 (got 0)"),
        (8, "days_per_week: must be at most 7 (got 8)"),
        ("three", "days_per_week: must be a whole number"),
    ],
)
def test_days_per_week_out_of_range_is_refused(cli: RunCli, per_week: object, problem: str) -> None:
    assert_rejected(plan_from(cli, with_(days_per_week=per_week)), 3, problem)


def test_an_empty_day_list_is_refused(cli: RunCli) -> None:
    assert_rejected(plan_from(cli, with_(days=[])), 3, "days must list at least one day")


def test_an_unknown_day_is_named(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(days=["mon", "funday"])),
        3,
        "days[1]: unknown value 'funday'; did you mean 'sunday'?",
    )


# --- minutes_per_session ---------------------------------------------------------------------


@pytest.mark.parametrize("minutes", [15, 60, 180])
def test_minutes_within_15_to_180_are_planned(cli: RunCli, minutes: int) -> None:
    assert (
        planned_profile(cli, with_(minutes_per_session=minutes))["minutes_per_session"] == minutes
    )


@pytest.mark.parametrize(
    ("minutes", "problem"),
    [(0, "at least 15 (got 0)"), (14, "at least 15 (got 14)"), (181, "at most 180 (got 181)")],
)
def test_minutes_out_of_range_are_refused(cli: RunCli, minutes: int, problem: str) -> None:
    assert_rejected(
        plan_from(cli, with_(minutes_per_session=minutes)),
        3,
        f"minutes_per_session: must be {problem}",
    )


# --- equipment -------------------------------------------------------------------------------


def test_all_equipment_is_accepted(cli: RunCli) -> None:
    everything = [e.value for e in Equipment]
    assert planned_profile(cli, with_(equipment=everything))["equipment"] == everything


def test_equipment_aliases(cli: RunCli) -> None:
    normalized = planned_profile(
        cli, with_(equipment=["Dumbbell", "resistance_bands", "kettlebells"])
    )
    assert normalized["equipment"] == ["dumbbells", "bands", "kettlebell"]


def test_unknown_equipment_lists_what_is_accepted(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(equipment=["barbel"])),
        3,
        "equipment[0]: unknown value 'barbel'; did you mean 'barbell'?",
        "(accepted: barbell, dumbbells, machines, bodyweight, bands, kettlebell, bike, rower, treadmill, pool, pull-up-bar, dip-bars, bench, door-anchor, trap-bar, suspension-trainer, rack)",
    )


# --- currently_active --------------------------------------------------------------------------


@pytest.mark.parametrize("active", [True, False])
def test_currently_active_is_a_yes_or_no(cli: RunCli, active: bool) -> None:
    assert planned_profile(cli, with_(currently_active=active))["currently_active"] is active


def test_currently_active_must_be_true_or_false(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(currently_active="sometimes")),
        3,
        "currently_active: must be true or false (got 'sometimes')",
    )


# --- blood_pressure ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [{"systolic": 128, "diastolic": 82}, {"Sys": 128, "dia": 82}, "128/82", "128 / 82"],
)
def test_blood_pressure_as_a_mapping_or_as_text(cli: RunCli, given: object) -> None:
    normalized = planned_profile(cli, with_(blood_pressure=given))
    assert normalized["blood_pressure"] == {"systolic": 128, "diastolic": 82}


def test_blood_pressure_is_unknown_when_absent(cli: RunCli) -> None:
    assert planned_profile(cli, BASE)["blood_pressure"] is None


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        (
            {"systolic": 80, "diastolic": 90},
            "blood_pressure: systolic (80) must be higher than diastolic (90)",
        ),
        (
            {"systolic": 301, "diastolic": 90},
            "blood_pressure.systolic: must be at most 300 (got 301)",
        ),
        (
            {"systolic": 120, "diastolic": 20},
            "blood_pressure.diastolic: must be at least 30 (got 20)",
        ),
        ({"systolic": 120}, "blood_pressure.diastolic: is required"),
        (
            {"systolik": 120, "diastolic": 80},
            "unknown key 'systolik' in blood_pressure; did you mean 'systolic'?",
        ),
        ("high", "blood_pressure: use systolic/diastolic in mmHg, e.g. 128/82 (got 'high')"),
        (12, "blood_pressure: must be a mapping of keys to values (got 12)"),
    ],
)
def test_impossible_blood_pressure_is_refused(cli: RunCli, given: object, problem: str) -> None:
    assert_rejected(plan_from(cli, with_(blood_pressure=given)), 3, problem)


# --- conditions --------------------------------------------------------------------------------


def test_every_condition_is_accepted_for_women(cli: RunCli) -> None:
    for condition in Condition:
        profile = parse_profile(with_(conditions=[condition.value]))
        assert profile.conditions == [condition]


def test_condition_aliases(cli: RunCli) -> None:
    normalized = planned_profile(cli, with_(conditions=["T2D", "high blood pressure", "Knee_Pain"]))
    assert normalized["conditions"] == ["type-2-diabetes", "hypertension", "knee-pain"]


def test_an_unknown_condition_suggests_the_nearest(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(conditions=["knee-pian"])),
        3,
        "conditions[0]: unknown value 'knee-pian'; did you mean 'knee-pain'?",
        "acute-illness, falls-history)",
    )


@pytest.mark.parametrize(
    ("conditions", "therapies", "named"),
    [
        (["pregnancy"], [], "pregnancy"),
        (["menstrual-irregularity"], [], "menstrual-irregularity"),
        ([], ["menopausal-hrt"], "menopausal-hrt"),
        (["pregnant", "knee-pain"], ["hrt"], "pregnancy, menopausal-hrt"),
    ],
)
def test_female_only_items_contradict_male(
    cli: RunCli, conditions: list[str], therapies: list[str], named: str
) -> None:
    profile = with_(sex="male", conditions=conditions, therapies=therapies)
    assert_rejected(
        plan_from(cli, profile),
        3,
        f"sex is male but the profile lists {named}, which applies to female physiology only",
    )


# --- screening -----------------------------------------------------------------------------------


def test_screening_answers_default_to_no(cli: RunCli) -> None:
    screening = planned_profile(cli, BASE)["screening"]
    assert set(screening.values()) == {False}
    assert len(screening) == 7


def test_a_screening_answer_is_kept(cli: RunCli) -> None:
    normalized = planned_profile(cli, with_(screening={"Bone Joint Problem": True}))
    assert normalized["screening"]["bone_joint_problem"] is True


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        (
            {"chest_pian": True},
            "screening: unknown key 'chest_pian' in screening; did you mean 'chest_pain'?",
        ),
        ({"chest_pain": "yes"}, "screening.chest_pain: must be true or false (got 'yes')"),
        (["chest_pain"], "screening: must be a mapping of keys to values (got ['chest_pain'])"),
    ],
)
def test_malformed_screening_is_refused(cli: RunCli, given: object, problem: str) -> None:
    assert_rejected(plan_from(cli, with_(screening=given)), 3, problem)


# --- keys ------------------------------------------------------------------------------------------


def test_an_unknown_key_suggests_the_nearest_and_lists_all(cli: RunCli) -> None:
    assert_rejected(
        plan_from(cli, with_(equipmnt=["bands"])),
        3,
        "unknown key 'equipmnt' in the profile; did you mean 'equipment'?",
        "(accepted: age, sex, goals, therapies, experience, days, days_per_week, "
        "minutes_per_session, equipment, currently_active, blood_pressure, conditions, "
        "pregnancy_week, screening)",
    )


def test_key_spellings_and_short_names_are_accepted(cli: RunCli) -> None:
    text = "Age: 45\nSex: Female\ngoal: strength\nminutes: 30\nDays-Per-Week: 2\nactive: true\n"
    normalized = planned_profile(cli, text)
    assert (normalized["minutes_per_session"], normalized["days_per_week"]) == (30, 2)
    assert normalized["currently_active"] is True


def test_a_key_given_twice_under_two_spellings_is_refused(cli: RunCli) -> None:
    assert_rejected(
        plan_from(
            cli, "age: 45\nsex: female\ngoals: [strength]\nminutes: 30\nminutes_per_session: 40\n"
        ),
        3,
        "'minutes_per_session' is given twice in the profile",
    )


# --- defaults --------------------------------------------------------------------------------------


def test_defaults_fill_everything_but_age_sex_and_goals(cli: RunCli) -> None:
    assert planned_profile(cli, BASE) == {
        "age": 45,
        "sex": "female",
        "goals": ["strength"],
        "therapies": [],
        "experience": "beginner",
        "days": ["monday", "wednesday", "friday"],
        "days_per_week": 3,
        "minutes_per_session": 45,
        "equipment": ["bodyweight", "dumbbells", "bands"],
        "currently_active": False,
        "blood_pressure": None,
        "conditions": [],
        "screening": {
            "heart_condition_or_high_blood_pressure": False,
            "chest_pain": False,
            "dizziness_or_fainting": False,
            "other_chronic_condition": False,
            "prescribed_medication": False,
            "bone_joint_problem": False,
            "supervised_activity_only": False,
        },
    }


def test_a_json_profile_is_read_like_yaml(cli: RunCli) -> None:
    text = json.dumps({"age": 52, "sex": "Male", "goals": ["Fat Loss"], "days": ["tues", "thu"]})
    normalized = planned_profile(cli, text)
    assert (normalized["sex"], normalized["goals"]) == ("male", ["fat-loss"])
    assert normalized["days"] == ["tuesday", "thursday"]


# --- the library API -------------------------------------------------------------------------------


def test_parse_profile_names_every_bad_field_at_once() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile({"age": 0, "sex": "x", "goals": ["muscle"], "minutes_per_session": 5})
    assert caught.value.exit_code == 3
    lines = caught.value.message.splitlines()
    assert [line.split(":")[0] for line in lines] == ["age", "sex", "minutes_per_session"]


def test_parse_profile_refuses_a_non_mapping() -> None:
    with pytest.raises(ProfileError, match="a profile must be a mapping"):
        parse_profile(["age", 45])
