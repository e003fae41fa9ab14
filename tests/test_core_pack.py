"""The core pack (rules/core): training knowledge, read back through finished plans.

Every expected value below is written by hand from the sources (EVIDENCE.md, the source
document, the issue) - never read back from the YAML - so a rule that drifts from the
evidence fails here.

The standard profile trains five days a week (Mon/Tue/Wed/Fri/Sat) for an hour, is
currently active and has a full gym; only goal and experience vary. On five days:

- lifting: 3 / 4 / 5 sessions (beginner / intermediate / advanced) when muscle or strength
  comes first; otherwise 2 for beginners and 3 for trained lifters;
- the days left after lifting take, in order, a steady session, an interval session (fat
  loss, insulin sensitivity, endurance), a second steady session; beginners build an aerobic
  base first (intervals from week 9) and get one more steady session meanwhile.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from endoprotocol import build_plan, load_library, load_rules, parse_profile
from endoprotocol.engine.loader import RuleSet, builtin_rules_dir
from endoprotocol.plan import Plan
from endoprotocol.planner.intensity import pct_for
from endoprotocol.planner.library import Library
from tests.conftest import RunCli
from tests.packs import write_pack

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"
DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|ug|iu|IU|ml|mL)\b")
HYPE = re.compile(r"dramatic|boost T\b|boost testosterone|optimi[sz]e GH|skyrocket", re.IGNORECASE)

GOALS = [
    "muscle",
    "strength",
    "fat-loss",
    "insulin-sensitivity",
    "stress-resilience",
    "bone-density",
    "endurance",
    "mood-cognition",
    "general-health",
]
LEVELS = ["beginner", "intermediate", "advanced"]
LIFTING = {"muscle", "strength"}
INTERVAL_GOALS = {"fat-loss", "insulin-sensitivity", "endurance"}
AEROBIC_GOALS = INTERVAL_GOALS | {"stress-resilience", "mood-cognition", "general-health"}

# ---- hand-written expectations (five training days) -----------------------------------

# Resistance sessions a week: ACSM 2009 / NSCA ranges, top of the range when lifting leads.
LIFTING_SESSIONS = {
    ("lifting", "beginner"): 3,
    ("lifting", "intermediate"): 4,
    ("lifting", "advanced"): 5,
    ("other", "beginner"): 2,
    ("other", "intermediate"): 3,
    ("other", "advanced"): 3,
}

# Compound lifts: (sets, reps, %1RM, rest seconds), each (low, high).
Dose = tuple[tuple[int, int], tuple[int, int], tuple[int, int], tuple[int, int]]
# a beginner's compounds: three sets, or fewer (down to one) where the weekly ceiling of
# about 10 hard sets a major group takes sets off (core/resistance-dose-beginner, K6)
# a beginner's sets stop 4-5 reps short of failure (RPE 5-6): they rest as a moderate effort,
# 60-90 s (the library's `rest_by_effort`; coach review 16), not the rule's 60-120
NOVICE: Dose = ((1, 3), (8, 12), (60, 70), (60, 90))
COMPOUND_DOSE: dict[tuple[str, str], Dose] = {
    ("muscle", "intermediate"): ((3, 5), (8, 12), (67, 80), (120, 180)),
    ("muscle", "advanced"): ((3, 5), (6, 12), (67, 85), (120, 180)),
    ("strength", "intermediate"): ((3, 5), (4, 6), (80, 85), (120, 300)),
    ("strength", "advanced"): ((3, 5), (3, 6), (80, 90), (120, 300)),
    ("other", "intermediate"): ((3, 4), (8, 12), (65, 75), (90, 120)),
    ("other", "advanced"): ((3, 4), (6, 10), (70, 80), (120, 180)),
    # bone density first, trained: LIFTMOR's heavy sets of about five (core/bone-dose-trained)
    ("bone-density", "intermediate"): ((3, 5), (5, 6), (80, 85), (120, 180)),
    ("bone-density", "advanced"): ((3, 5), (5, 6), (80, 85), (120, 180)),
}


# The library's splits open with their compound slots (big lifts first): how many per day.
COMPOUND_SLOTS = {
    "Full body A": 4,
    "Full body B": 4,
    "Full body": 4,
    "Upper body": 4,
    "Lower body": 3,
}


def expected_lifting(goal: str, level: str) -> int:
    return LIFTING_SESSIONS[("lifting" if goal in LIFTING else "other", level)]


def expected_intervals_week_one(goal: str, level: str) -> int:
    # Beginners build an aerobic base first; on five days trained lifters have two free
    # days after three lifting sessions, enough for one interval session.
    return 1 if goal in INTERVAL_GOALS and level != "beginner" else 0


def expected_compound_dose(goal: str, level: str) -> Dose:
    if level == "beginner":
        return NOVICE
    key = goal if goal in LIFTING or goal == "bone-density" else "other"
    return COMPOUND_DOSE[(key, level)]


# ---- helpers ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(user_dir=False)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(builtin_rules_dir())


def profile(goals: list[str], experience: str = "beginner", **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "age": 40,
        "sex": "male",
        "goals": goals,
        "experience": experience,
        "days_per_week": 5,
        "minutes_per_session": 60,
        "currently_active": True,
        "equipment": ["barbell", "dumbbells", "machines", "bike", "bodyweight", "bands"],
    }
    data.update(extra)
    return data


def plan_for(rules: RuleSet, library: Library, data: dict[str, Any], weeks: int = 4) -> Plan:
    return build_plan(parse_profile(data), rules, library, weeks=weeks)


def sessions(plan: Plan, modality: str, *, optional: bool | None = None) -> list[Any]:
    return [
        s
        for d in plan.days
        for s in d.sessions
        if s.modality.value == modality and (optional is None or s.optional is optional)
    ]


def block_has(plan: Plan, modality: str) -> bool:
    return any(s.modality.value == modality for w in plan.weeks for d in w.days for s in d.sessions)


def effect(plan: Plan, target: str, timescale: str, modality: str) -> list[str]:
    """Evidence grades of the effects on `target` that name `modality`."""
    return [
        e.evidence
        for e in plan.expected_effects
        if e.target.value == target
        and e.timescale == timescale
        and modality in {m.value for m in e.from_modalities}
    ]


def codes(plan: Plan) -> set[str]:
    return {w.code for w in plan.warnings}


# ---- every goal x every experience level ----------------------------------------------------

COMBOS = [(g, lv) for g in GOALS for lv in LEVELS]


@pytest.mark.parametrize(("goal", "level"), COMBOS)
def test_modality_mix_by_goal_and_experience(
    rules: RuleSet, library: Library, goal: str, level: str
) -> None:
    plan = plan_for(rules, library, profile([goal], level))
    lifting = len(sessions(plan, "resistance"))
    # ACSM's range is the ceiling; WHO's two days the floor; lifting-first goals keep three
    # (their minimum effective dose) and every other lifting day gives way to the WHO
    # aerobic minutes when five 60-minute days cannot hold both (COACHING.md §2)
    floor = 3 if goal in LIFTING else 2
    assert floor <= lifting <= expected_lifting(goal, level)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    if not aerobic.met:
        assert lifting == floor, (lifting, aerobic.detail)
    if goal not in LIFTING:
        # five hour-long days are time enough: required sessions meet WHO, or come within
        # the few minutes a steady range ends short of its session
        assert aerobic.value >= 140, aerobic.detail
    assert len(sessions(plan, "hiit")) == expected_intervals_week_one(goal, level)
    if goal in AEROBIC_GOALS:
        assert sessions(plan, "endurance", optional=False)
    # aerobic work is always on offer, if only as optional brisk walks
    assert sessions(plan, "endurance")
    assert "could-not-plan" not in codes(plan), plan.warnings
    lifting_class = "moderate" if level == "beginner" else "vigorous"
    assert {s.intensity_class.value for s in sessions(plan, "resistance")} == {lifting_class}


@pytest.mark.parametrize(("goal", "level"), COMBOS)
def test_compound_dose_by_goal_and_experience(
    rules: RuleSet, library: Library, goal: str, level: str
) -> None:
    plan = plan_for(rules, library, profile([goal], level))
    (sets_lo, sets_hi), reps, pct, rest = expected_compound_dose(goal, level)
    # a session trimmed to fit its minutes rests at the short end of the range
    lifts = [
        (e, any("shorter rests" in n for n in s.notes))
        for s in sessions(plan, "resistance")
        for e in s.exercises[: COMPOUND_SLOTS[s.title]]
    ]
    assert lifts
    least_reps = {x.name: x.min_reps for x in library.exercises}
    # since coach review 17 (TRAINED-VOLUME-STARTS-AT-CEILING) a trained lifting-first
    # week 1 starts near the dose: a compound of a group past 12 hard sets may start at two
    # (`past_dose_least_sets`), and the block adds its sets back
    if goal in LIFTING and level != "beginner":
        sets_lo = min(sets_lo, 2)
    for e, trimmed in lifts:
        assert sets_lo <= e.sets <= sets_hi, (e.name, e.sets)
        least = least_reps.get(e.name)
        if e.reps is not None and least is not None and least > reps[0]:
            # a balance-limited or unloadable move in a heavy slot keeps its own least reps
            # (coach review 8: a split stance is never a 3-6-rep lift), and since coach
            # review 42 a slot whose range starts below them starts at them
            assert e.reps.min == least, e.name
            continue
        if e.reps is not None:
            assert (e.reps.min, e.reps.max) == reps, e.name
        if e.rest_seconds is not None and e.reps is not None:
            got = (e.rest_seconds.min, e.rest_seconds.max)
            if trimmed:
                # a trimmed session's rests are held at one value within the range, or back
                # at the whole range where the week leaves the day's minutes (coach review 16)
                assert got == rest or rest[0] <= got[0] == got[1] <= rest[1], (e.name, got)
            else:
                assert got == rest, e.name
        if e.intensity.pct_1rm is not None:
            # the load follows the reps and reps in reserve (the library's intensity table),
            # and lands on or beside the rule's %1RM band, never far from it
            load, rir = e.intensity.pct_1rm, e.intensity.rir
            assert rir is not None, e.name
            assert e.reps is not None, e.name
            table = library.design.intensity_table
            assert load.max == round(pct_for(table, e.reps.min + rir.min)), e.name
            assert load.min == round(pct_for(table, e.reps.max + rir.max)), e.name
            assert load.min <= pct[1], (e.name, load, pct)
            assert load.max >= pct[0] - 5, (e.name, load, pct)


def entry(plan: Plan, target: str, timescale: str) -> Any:
    """The one effect entry for a target and timescale, or None."""
    found = [
        e for e in plan.expected_effects if e.target.value == target and e.timescale == timescale
    ]
    assert len(found) <= 1, found
    return found[0] if found else None


def declared_grade(rules: RuleSet, rule_id: str) -> str:
    rule = rules.rule(rule_id)
    assert rule is not None, rule_id
    (grade,) = {a.body.evidence for a in rule.then if a.kind == "effect"}  # type: ignore[attr-defined]
    return str(grade)


@pytest.mark.parametrize(("goal", "level"), COMBOS)
def test_effects_carry_honest_grades(
    rules: RuleSet, library: Library, goal: str, level: str
) -> None:
    """Each entry merges the rules whose dose is in the plan (COACHING.md 5); the rules keep
    the EVIDENCE.md grades, and an entry carries its best-supported rule's grade."""
    plan = plan_for(rules, library, profile([goal], level))
    insulin = entry(plan, "insulin_sensitivity", "long_term")
    assert insulin.evidence == "strong"
    assert "core/insulin-sensitivity-regular-lifting" in insulin.rules
    # the lifting rule's "mixed" comes only with sets close to failure (coach review 31):
    # a beginner's moderate sets leave at most the steady-work rule's "low"
    myostatin = entry(plan, "myostatin", "long_term")
    if myostatin is not None and "core/myostatin-lifting" in myostatin.rules:
        assert myostatin.evidence == "mixed"
    elif myostatin is not None:
        assert myostatin.rules == ["core/myostatin-steady-work"]
        assert myostatin.evidence == "low"
    assert declared_grade(rules, "core/myostatin-lifting") == "mixed"
    assert entry(plan, "testosterone", "long_term").evidence == "mixed"
    assert declared_grade(rules, "core/testosterone-acute-lifting-men") == "strong"
    assert declared_grade(rules, "core/decorin-after-lifting") == "low"
    assert declared_grade(rules, "core/irisin-proposed") == "mixed"
    assert declared_grade(rules, "core/il-6-steady-work") == "strong"
    assert declared_grade(rules, "core/il-6-short-steady") == "moderate"
    if block_has(plan, "hiit"):
        # moderately, never "dramatically", and the plan says it departs from the source
        assert declared_grade(rules, "core/insulin-sensitivity-intervals") == "moderate"
        assert "core/insulin-sensitivity-intervals" in insulin.rules
        assert "core/hiit-insulin-moderate" in {d.id for d in plan.departures}
        assert entry(plan, "irisin", "acute").evidence == "low"
        assert entry(plan, "growth_hormone", "acute").evidence == "strong"
    else:
        assert not any(
            "hiit" in {m.value for m in e.from_modalities} for e in plan.expected_effects
        )
    for e in plan.expected_effects:
        assert e.evidence in {"strong", "moderate", "mixed", "low"}
        assert e.references
        grades = [declared_grade(rules, r) for r in e.rules]
        assert e.evidence == min(grades, key=["strong", "moderate", "mixed", "low"].index)


# ---- experience-specific details --------------------------------------------------------


def test_beginners_build_an_aerobic_base_before_intervals(rules: RuleSet, library: Library) -> None:
    plan = plan_for(rules, library, profile(["insulin-sensitivity"], "beginner"), weeks=10)
    hiit_weeks = [
        w.week
        for w in plan.weeks
        if any(s.modality.value == "hiit" for d in w.days for s in d.sessions)
    ]
    assert hiit_weeks == [9, 10]
    assert all(
        len([s for d in plan.weeks[w - 1].days for s in d.sessions if s.modality.value == "hiit"])
        == 1
        for w in hiit_weeks
    )


def test_currently_inactive_trained_lifters_also_wait_for_intervals(
    rules: RuleSet, library: Library
) -> None:
    plan = plan_for(rules, library, profile(["fat-loss"], "intermediate", currently_active=False))
    assert not block_has(plan, "hiit")


def test_older_beginners_start_light_at_40_to_49_percent_for_10_to_15_reps(
    rules: RuleSet, library: Library
) -> None:
    plan = plan_for(rules, library, profile(["strength"], "beginner", age=70, days_per_week=3))
    lifts = [e for s in sessions(plan, "resistance") for e in s.exercises if e.reps is not None]
    assert lifts
    for e in lifts:
        assert e.reps is not None
        assert (e.reps.min, e.reps.max) == (10, 15)
        assert 1 <= e.sets <= 2
        if e.intensity.pct_1rm is not None:
            # light: under ACSM's moderate 50 % (coach review 5, LIGHT-CALLED-MODERATE)
            assert (e.intensity.pct_1rm.min, e.intensity.pct_1rm.max) == (40, 49)


def test_accessories_rest_60_to_90_seconds_for_muscle(rules: RuleSet, library: Library) -> None:
    # 90-minute days: on hour-long full-body days the lifting now shortens to its smallest
    # full form (rests at the short end) so that a steady block follows it (coach review K1)
    plan = plan_for(rules, library, profile(["muscle"], "intermediate", minutes_per_session=90))
    accessories = [
        e
        for s in sessions(plan, "resistance")
        for e in s.exercises
        if not e.compound and e.reps is not None
    ]
    for e in accessories:
        assert e.rest_seconds is not None
        assert (e.rest_seconds.min, e.rest_seconds.max) == (60, 90)
        assert e.reps is not None
        assert (e.reps.min, e.reps.max) == (8, 12)


@pytest.mark.parametrize(
    ("days", "minutes", "split_titles"),
    [
        (3, 60, {"Full body A", "Full body B"}),
        # on five hour-long days the four upper/lower days shorten to their smallest forms,
        # which carry the minimum dose, and steady blocks after them meet WHO's minutes
        # (coach review 3 K3; a fourth lifting day used to give way instead)
        (5, 60, {"Upper body", "Lower body"}),
        (5, 90, {"Upper body", "Lower body"}),
    ],
)
def test_full_body_for_three_lifting_days_upper_lower_from_four(
    rules: RuleSet, library: Library, days: int, minutes: int, split_titles: set[str]
) -> None:
    # intermediate muscle: 3 lifting days on 3 days, 4 on 5 long days
    plan = plan_for(
        rules,
        library,
        profile(["muscle"], "intermediate", days_per_week=days, minutes_per_session=minutes),
    )
    assert {s.title for s in sessions(plan, "resistance")} == split_titles


# ---- HIIT dosing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("goals", "level", "work", "rest", "hr", "rpe"),
    [
        (["fat-loss"], "intermediate", (60, 60), (60, 60), (85, 90), (7, 8)),  # 10 x 1 min
        (["endurance"], "intermediate", (240, 240), (180, 180), (90, 95), (8, 9)),  # 4 x 4 min
        (["insulin-sensitivity"], "advanced", (20, 30), (120, 240), (90, 100), (9, 10)),  # sprints
    ],
)
def test_interval_protocol_follows_goal_and_experience(
    rules: RuleSet,
    library: Library,
    goals: list[str],
    level: str,
    work: tuple[int, int],
    rest: tuple[int, int],
    hr: tuple[int, int],
    rpe: tuple[int, int],
) -> None:
    """Coach review 15, INTERVALS-RPE-HRMAX-MISMATCH: 4 x 4 at 90-95 % HRmax was rated RPE
    7-8 and all-out sprints too (the vigorous zone's RPE); a protocol's bouts carry the
    effort of their heart-rate band."""
    plan = plan_for(rules, library, profile(goals, level))
    (session,) = sessions(plan, "hiit")
    assert session.intensity_class.value == "vigorous"
    (ex,) = session.exercises
    assert ex.work_seconds is not None
    assert ex.rest_seconds is not None
    assert (ex.work_seconds.min, ex.work_seconds.max) == work
    assert (ex.rest_seconds.min, ex.rest_seconds.max) == rest
    assert ex.intensity.hr_max_pct is not None
    assert (ex.intensity.hr_max_pct.min, ex.intensity.hr_max_pct.max) == hr
    assert ex.intensity.rpe is not None
    assert (ex.intensity.rpe.min, ex.intensity.rpe.max) == rpe
    # the session's own effort says the same as its bouts
    assert session.intensity.rpe == ex.intensity.rpe


def test_intervals_never_on_consecutive_days_and_never_next_to_hard_days(
    rules: RuleSet, library: Library
) -> None:
    for days in (3, 4, 5, 6, 7):
        for goals in (["fat-loss"], ["insulin-sensitivity", "endurance"]):
            plan = plan_for(rules, library, profile(goals, "advanced", days_per_week=days))
            hard = [
                any(s.modality.value in {"hiit", "resistance"} for s in d.sessions)
                for d in plan.days
            ]
            hiit = [any(s.modality.value == "hiit" for s in d.sessions) for d in plan.days]
            assert sum(hiit) <= 3
            for i, is_hiit in enumerate(hiit):
                if is_hiit:
                    assert not hard[(i + 1) % 7], (days, goals)
                    assert not hard[(i - 1) % 7], (days, goals)


# ---- balancing against the days available -----------------------------------------------


def test_two_days_get_two_lifting_sessions_with_conditioning_after_and_short_walks(
    rules: RuleSet, library: Library
) -> None:
    plan = plan_for(
        rules, library, profile(["fat-loss", "endurance"], "intermediate", days_per_week=2)
    )
    lifting_days = {
        d.day for d in plan.days for s in d.sessions if s.modality.value == "resistance"
    }
    assert len(lifting_days) == 2
    assert not block_has(plan, "hiit")
    # the aerobic minutes come from steady blocks after lifting on the person's own days
    blocks = [
        (d.day, s)
        for d in plan.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    ]
    assert blocks
    assert {day for day, _ in blocks} <= lifting_days
    walks = sessions(plan, "endurance", optional=True)
    assert walks
    # easy aerobic extras on the machine the person owns, titled for what is done
    assert all(s.title == "Bike ride" for s in walks), [s.title for s in walks]
    assert all(s.exercises[0].name == "Stationary bike steady ride" for s in walks)
    assert all(s.duration_minutes <= 40 for s in walks)
    assert "could-not-plan" not in codes(plan)


@pytest.mark.parametrize("days", [1, 2, 3, 4, 5, 6, 7])
@pytest.mark.parametrize("level", LEVELS)
def test_hard_sessions_fit_days_and_experience(
    rules: RuleSet, library: Library, days: int, level: str
) -> None:
    cap = {"beginner": 4, "intermediate": 5, "advanced": 6}[level]
    plan = plan_for(
        rules,
        library,
        profile(["muscle", "insulin-sensitivity", "endurance"], level, days_per_week=days),
    )
    hard_days = [
        d for d in plan.days if any(s.modality.value in {"hiit", "resistance"} for s in d.sessions)
    ]
    assert len(hard_days) <= min(days, cap)
    assert len(sessions(plan, "resistance")) >= min(days, 2)
    rest_days = [
        d for d in plan.days if all(s.intensity_class.value == "light" for s in d.sessions)
    ]
    assert rest_days


def test_lifting_is_kept_before_intervals_when_days_run_short(
    rules: RuleSet, library: Library
) -> None:
    # strength first: three lifting days fill the three training days, so no intervals
    plan = plan_for(
        rules, library, profile(["strength", "insulin-sensitivity"], "advanced", days_per_week=3)
    )
    assert len(sessions(plan, "resistance")) == 3
    assert not block_has(plan, "hiit")
    # insulin sensitivity first: two lifting days, and the third day is steady cardio (with
    # steady blocks after lifting toward the WHO minutes)
    plan = plan_for(
        rules, library, profile(["insulin-sensitivity", "strength"], "advanced", days_per_week=3)
    )
    assert len(sessions(plan, "resistance")) == 2
    steady_days = {
        d.day
        for d in plan.weeks[0].days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    }
    lifting_days = {
        d.day for d in plan.weeks[0].days for s in d.sessions if s.modality.value == "resistance"
    }
    assert steady_days - lifting_days, "a training day of its own for steady cardio"
    assert not block_has(plan, "hiit")


# ---- guidelines, progression, recovery -------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "ids"),
    [
        (40, {"who-2020-aerobic", "who-2020-strength"}),
        (70, {"who-2020-aerobic", "who-2020-strength", "who-2020-balance"}),
    ],
)
def test_who_2020_targets_are_checked(
    rules: RuleSet, library: Library, age: int, ids: set[str]
) -> None:
    plan = plan_for(
        rules, library, profile(["general-health"], "beginner", age=age, days_per_week=3)
    )
    assert {g.id for g in plan.guidelines} == ids
    strength = next(g for g in plan.guidelines if g.id == "who-2020-strength")
    if age < 65:
        # three sets of each big lift: every major group has a hard exposure on two days
        assert strength.met, strength.detail
    else:
        # an older beginner's light start has no hard sets yet: the safety rule is named
        assert not strength.met
        assert strength.held_by == ["safety/older-beginner-lighter-start"]
        assert strength.suggestion is None


def test_a_short_aerobic_week_is_reported_with_a_practical_suggestion(
    rules: RuleSet, library: Library
) -> None:
    plan = plan_for(rules, library, profile(["muscle"], "advanced", minutes_per_session=30))
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert not aerobic.met
    assert "walk" in aerobic.detail.lower()


def test_every_fourth_week_is_a_deload_with_loads_kept(rules: RuleSet, library: Library) -> None:
    plan = plan_for(rules, library, profile(["strength"], "intermediate"), weeks=8)
    assert [w.week for w in plan.weeks if w.deload] == [4, 8]
    assert plan.weeks[1].load_change_pct == 2  # the smallest step of 2-10 %
    assert plan.weeks[3].load_change_pct == plan.weeks[2].load_change_pct

    def lifting_sets(week: int) -> int:
        return sum(
            e.sets
            for d in plan.weeks[week].days
            for s in d.sessions
            if s.modality.value == "resistance"
            for e in s.exercises
        )

    assert lifting_sets(3) <= 0.7 * lifting_sets(2)  # at least 30 % fewer lifting sets
    (note,) = [n for n in plan.weeks[3].notes if "fewer sets" in n]
    real = round(100 * (1 - lifting_sets(3) / lifting_sets(2)))
    assert f"about {real}% fewer sets" in note  # the note states the real cut


def test_warm_up_and_cool_down_are_part_of_every_session(rules: RuleSet, library: Library) -> None:
    plan = plan_for(rules, library, profile(["general-health"]))
    fired = {r for d in plan.days for s in d.sessions for r in s.rules}
    assert "core/warm-up-and-cool-down" in fired


# ---- sex-specific notes -----------------------------------------------------------------


def test_women_read_about_the_healthy_female_range(rules: RuleSet, library: Library) -> None:
    plan = plan_for(rules, library, profile(["muscle"], "intermediate", sex="female"))
    (t,) = [e for e in plan.expected_effects if e.target.value == "testosterone"]
    assert t.direction == "modulate"
    assert t.evidence == "mixed"
    assert "female range" in t.explanation
    assert any(e.target.value == "growth_hormone" for e in plan.expected_effects)
    if entry(plan, "estrogen", "long_term") is None:  # only with regular steady sessions
        assert len(sessions(plan, "endurance", optional=False)) < 2


FIVE_STEADY_SESSIONS = """\
rules:
  - id: five-steady
    title: Five steady sessions
    phase: prescribe
    when: {fact: age, op: ge, value: 18}
    then:
      - sessions: {modality: endurance, per_week: 5, intensity: moderate, title: Steady ride, focus: aerobic base}
    because: test
    references: [who-2020]
"""


def test_endurance_volume_warning_follows_planned_sessions_and_names_each_sex_s_risk(
    rules: RuleSet, library: Library, tmp_path: Path
) -> None:
    """The volume-and-fuel note reads the planned endurance sessions, not the goal."""
    for sex in ("female", "male"):
        plan = plan_for(rules, library, profile(["endurance"], "intermediate", sex=sex))
        assert "endurance-volume-and-fuel" not in {w.code for w in plan.warnings}
    pack = write_pack(tmp_path, "volume", {"rules.yaml": FIVE_STEADY_SESSIONS})
    more = load_rules([pack], user_dir=False)
    for sex, word in (("female", "menstrual"), ("male", "testosterone")):
        plan = plan_for(
            more, library, profile(["muscle"], "intermediate", sex=sex, days_per_week=6)
        )
        (w,) = [w for w in plan.warnings if w.code == "endurance-volume-and-fuel"]
        assert word in w.message
        assert w.references


# ---- therapies --------------------------------------------------------------------------

SYNERGIES = {
    "trt": {
        ("testosterone", "low"),
        ("myostatin", "speculative"),
        ("irisin", "speculative"),
        ("bdnf", "speculative"),
        ("decorin", "speculative"),
    },
    "gh-peptide": {
        ("il_6", "speculative"),
        ("irisin", "speculative"),
        ("myostatin", "speculative"),
        ("bdnf", "speculative"),
        ("decorin", "speculative"),
    },
    "tesamorelin": {
        ("il_6", "speculative"),
        ("irisin", "speculative"),
        ("myostatin", "speculative"),
        ("bdnf", "speculative"),
        ("decorin", "speculative"),
    },
    "menopausal-hrt": {("estrogen", "speculative"), ("bdnf", "speculative")},
}


@pytest.mark.parametrize("therapy", sorted(SYNERGIES))
def test_synergies_appear_only_for_the_listed_therapy(
    rules: RuleSet, library: Library, therapy: str
) -> None:
    sex = "female" if therapy == "menopausal-hrt" else "male"
    # intermediate: the myostatin notes need sets close to failure (coach review 31)
    data = profile(["general-health"], "intermediate", therapies=[therapy], sex=sex)
    plan = plan_for(rules, library, data)
    got = {(s.myokine.value, s.evidence) for s in plan.therapy_synergies}
    assert got == SYNERGIES[therapy]
    assert {s.therapy for s in plan.therapy_synergies} == {therapy}
    for s in plan.therapy_synergies:
        assert "not advice to start, stop or change" in s.explanation
        assert not DOSE.search(s.explanation)
        assert s.references


def test_no_therapy_no_synergy(rules: RuleSet, library: Library) -> None:
    plan = plan_for(rules, library, profile(["general-health"]))
    assert plan.therapy_synergies == []


def test_menopausal_hrt_adds_the_bone_loading_cue(rules: RuleSet, library: Library) -> None:
    plan = plan_for(
        rules,
        library,
        profile(["general-health"], therapies=["menopausal-hrt"], sex="female", age=56),
    )
    assert "core/goal-bone-density-loading-note" in {
        r for s in sessions(plan, "resistance") for r in s.rules
    }


# ---- provenance and wording -------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        profile(["muscle", "insulin-sensitivity"], "intermediate", therapies=["trt"]),
        profile(["fat-loss", "endurance"], "advanced", therapies=["gh-peptide"], sex="female"),
        profile(["stress-resilience"], therapies=["tesamorelin"]),
        profile(["bone-density", "mood-cognition"], therapies=["menopausal-hrt"], sex="female"),
        profile(["general-health"], age=72, days_per_week=3),
    ],
)
def test_every_effect_synergy_and_warning_reference_resolves(
    rules: RuleSet, library: Library, data: dict[str, Any]
) -> None:
    plan = plan_for(rules, library, data)
    cited = {r.id for r in plan.references}
    items = [*plan.expected_effects, *plan.therapy_synergies, *plan.warnings]
    core_items = [i for i in items if any(r.startswith("core/") for r in i.rules)]
    assert core_items
    for item in core_items:
        assert item.references, item
        assert set(item.references) <= cited, item
        assert set(item.references) <= set(rules.references)


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


YAML_FILES = sorted(RULES_DIR.rglob("*.yaml"))


@pytest.mark.parametrize(
    "path", YAML_FILES, ids=[str(p.relative_to(RULES_DIR)) for p in YAML_FILES]
)
def test_no_hype_and_no_dose_in_any_rule_file(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in _strings(data):
        assert not HYPE.search(text), (path.name, text)
        assert not DOSE.search(text), (path.name, text)


@pytest.mark.parametrize(
    "text", ["a dramatic rise", "will boost testosterone", "optimise GH", "Skyrocket"]
)
def test_the_hype_pattern_catches_hype(text: str) -> None:
    assert HYPE.search(text)


@pytest.mark.parametrize("text", ["take 100 mg", "2.5mL", "4 IU", "250 mcg"])
def test_the_dose_pattern_catches_doses(text: str) -> None:
    assert DOSE.search(text)


@pytest.mark.parametrize("text", ["10 min at 90% HRmax", "a moderate effect", "5.6 mmol/L"])
def test_the_patterns_leave_ordinary_text_alone(text: str) -> None:
    assert not DOSE.search(text)
    assert not HYPE.search(text)


def test_every_test_in_the_built_in_packs_passes(cli: RunCli) -> None:
    """The packs' own worked examples (`rules test`) stay true as the planner changes."""
    result = cli("rules", "test", "--no-user-rules")
    assert result.exit_code == 0, result.stdout[-2000:]
    assert " 0 failed" in result.stdout


@pytest.mark.parametrize(
    ("therapy", "own", "code"),
    [
        ("trt", {"testosterone"}, "therapy-sets-testosterone"),
        ("gh-peptide", {"growth_hormone", "igf_1"}, "therapy-sets-growth-hormone"),
        ("tesamorelin", {"growth_hormone", "igf_1"}, "therapy-sets-growth-hormone"),
    ],
)
def test_effects_say_nothing_about_the_hormone_a_therapy_sets(
    rules: RuleSet, library: Library, therapy: str, own: set[str], code: str
) -> None:
    """COACHING.md §5 (coach review): a man on TRT was told how his own testosterone rises."""
    plan = plan_for(rules, library, profile(["muscle"], "intermediate", therapies=[therapy]))
    assert not {e.target.value for e in plan.expected_effects} & own
    (w,) = [w for w in plan.warnings if w.code == code]
    assert w.severity == "info"
    assert "does not replace" in w.message
    without = plan_for(rules, library, profile(["muscle"], "intermediate"))
    assert {e.target.value for e in without.expected_effects} & own
