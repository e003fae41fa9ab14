"""The facts a rule may test: profile fields, arithmetic on them, and earlier decisions.

Python only computes here; every threshold a rule compares against lives in YAML.
Each fact has a kind (which ops fit it), an accepted vocabulary when it is an enum or a
list of enum values, and the first phase that may read it (decisions are made by rules
of an earlier phase).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from endoprotocol.engine.model import Op, Phase, Tagname
from endoprotocol.profile import Profile
from endoprotocol.vocab import (
    SCREENING_QUESTIONS,
    Condition,
    Day,
    Equipment,
    Experience,
    Goal,
    Modality,
    Sex,
    Therapy,
)

Kind = Literal["int", "bool", "enum", "list"]

# What each kind of fact can be compared with.
OPS_FOR: dict[Kind, frozenset[Op]] = {
    "int": frozenset(
        {Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE, Op.BETWEEN, Op.IN, Op.NOT_IN, Op.EXISTS}
    ),
    "bool": frozenset({Op.EQ, Op.NE, Op.EXISTS}),
    "enum": frozenset({Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS}),
    "list": frozenset({Op.CONTAINS, Op.CONTAINS_ANY, Op.CONTAINS_ALL, Op.EXISTS}),
}


@dataclass(frozen=True)
class Earlier:
    """Decisions of earlier phases that later phases may read as facts."""

    values: Mapping[str, Any]


Getter = Callable[[Profile, Earlier], Any]


@dataclass(frozen=True)
class Fact:
    name: str
    kind: Kind
    description: str
    get: Getter
    vocabulary: tuple[str, ...] = ()
    available_from: Phase = Phase.SAFETY


def _values(enum: type[Any]) -> tuple[str, ...]:
    return tuple(e.value for e in enum)


def _screening_getter(question: str) -> Getter:
    return lambda p, d: bool(getattr(p.screening, question))


def _decision(name: str) -> Getter:
    return lambda p, d: d.values.get(name)


def _back_to_back(p: Profile) -> bool:
    """True when the 2-3 training days form one run of consecutive days in the repeating
    week (Sat+Sun, Mon-Tue-Wed, Sun+Mon): each muscle can then be trained hard once."""
    days = {tuple(Day).index(x) for x in p.training_days()}
    if not 2 <= len(days) <= 3:
        return False
    return any(all((start + k) % 7 in days for k in range(len(days))) for start in days)


def _bp(part: str) -> Getter:
    return lambda p, d: None if p.blood_pressure is None else getattr(p.blood_pressure, part)


_FACTS: list[Fact] = [
    Fact("age", "int", "age in years", lambda p, d: p.age),
    Fact("sex", "enum", "sex", lambda p, d: p.sex.value, _values(Sex)),
    Fact("goals", "list", "all goals", lambda p, d: [g.value for g in p.goals], _values(Goal)),
    Fact("primary_goal", "enum", "the first goal", lambda p, d: p.goals[0].value, _values(Goal)),
    Fact("goal_count", "int", "how many goals", lambda p, d: len(p.goals)),
    Fact(
        "therapies",
        "list",
        "current hormonal therapies",
        lambda p, d: [t.value for t in p.therapies],
        _values(Therapy),
    ),
    Fact("has_therapy", "bool", "any therapy listed", lambda p, d: bool(p.therapies)),
    Fact(
        "experience",
        "enum",
        "training experience",
        lambda p, d: p.experience.value,
        _values(Experience),
    ),
    Fact(
        "days",
        "list",
        "training days",
        lambda p, d: [x.value for x in p.training_days()],
        _values(Day),
    ),
    Fact("days_per_week", "int", "training days per week", lambda p, d: len(p.training_days())),
    Fact(
        "days_back_to_back",
        "bool",
        "2-3 training days, all in one run of consecutive days (Sunday to Monday counts)",
        lambda p, d: _back_to_back(p),
    ),
    Fact("minutes_per_session", "int", "minutes per session", lambda p, d: p.minutes_per_session),
    Fact(
        "weekly_minutes_available",
        "int",
        "days per week x minutes per session",
        lambda p, d: len(p.training_days()) * p.minutes_per_session,
    ),
    Fact(
        "equipment",
        "list",
        "equipment available",
        lambda p, d: [e.value for e in p.equipment],
        _values(Equipment),
    ),
    Fact(
        "currently_active",
        "bool",
        "regularly active for 3+ months",
        lambda p, d: p.currently_active,
    ),
    Fact(
        "pregnancy_week",
        "int",
        "week of pregnancy (unknown when not given)",
        lambda p, d: p.pregnancy_week,
    ),
    Fact("blood_pressure.systolic", "int", "resting systolic BP (mmHg)", _bp("systolic")),
    Fact("blood_pressure.diastolic", "int", "resting diastolic BP (mmHg)", _bp("diastolic")),
    Fact(
        "conditions",
        "list",
        "health conditions",
        lambda p, d: [c.value for c in p.conditions],
        _values(Condition),
    ),
    Fact(
        "screening.yes_count",
        "int",
        "how many PAR-Q+ questions were answered yes",
        lambda p, d: sum(bool(getattr(p.screening, q)) for q in SCREENING_QUESTIONS),
    ),
    *(
        Fact(
            f"screening.{q}", "bool", f"PAR-Q+ answer: {q.replace('_', ' ')}", _screening_getter(q)
        )
        for q in SCREENING_QUESTIONS
    ),
    # Decisions made by safety rules, readable from the prescribe phase on.
    Fact(
        "screening.clearance",
        "enum",
        "clearance decided by the safety rules",
        _decision("screening.clearance"),
        ("none", "recommended", "required"),
        Phase.PRESCRIBE,
    ),
    Fact(
        "screening.max_intensity",
        "enum",
        "highest intensity allowed by the safety rules",
        _decision("screening.max_intensity"),
        ("none", "light", "moderate", "vigorous"),
        Phase.PRESCRIBE,
    ),
    Fact(
        "screening.referral_only",
        "bool",
        "a hard stop fired in the safety rules",
        _decision("screening.referral_only"),
        (),
        Phase.PRESCRIBE,
    ),
    Fact(
        "forbidden.modalities",
        "list",
        "modalities vetoed by the safety rules",
        _decision("forbidden.modalities"),
        _values(Modality),
        Phase.PRESCRIBE,
    ),
    Fact(
        "forbidden.tags",
        "list",
        "exercise tags vetoed by the safety rules",
        _decision("forbidden.tags"),
        tuple(get_args(Tagname)),
        Phase.PRESCRIBE,
    ),
    # Decisions of the prescribe phase, readable from the adjust phase on.
    Fact(
        "plan.modalities",
        "list",
        "modalities requested by the prescribe rules",
        _decision("plan.modalities"),
        _values(Modality),
        Phase.ADJUST,
    ),
    *(
        Fact(
            f"sessions.{m.value}",
            "int",
            f"{m.value} sessions per week requested by the prescribe rules",
            _decision(f"sessions.{m.value}"),
            (),
            Phase.ADJUST,
        )
        for m in Modality
    ),
]

# Plan facts, measured on the built plan by engine/review.py (required sessions; the largest
# value over the weeks of the block): readable by review rules only.
REVIEW_FACTS: tuple[tuple[str, str], ...] = (
    ("week.lifting_sessions", "required lifting sessions in a week"),
    ("week.hard_sets", "hard lifting sets in a week (RIR 4 or less; drills never count)"),
    ("week.hard_sets_heavy", "hard sets of heavy reps (top of the range 6 or fewer) in a week"),
    (
        "week.hard_sets_moderate_reps",
        "hard sets of moderate reps (top of the range 7-15) in a week",
    ),
    ("week.hard_sets_short_rest", "hard sets with rests of 90 s or less in a week"),
    (
        "week.hard_sets_moderate_reps_short_rest",
        "hard sets of moderate reps with rests of 90 s or less in a week",
    ),
    (
        "week.compound_hard_sets_long_rest",
        "hard sets of compound lifts with rests longer than 90 s in a week",
    ),
    (
        "week.compound_multi_set_long_rest_sets",
        "hard sets of compound lifts done for two or more sets with rests of 2 min or more",
    ),
    (
        "session.most_multi_set_hard_sets",
        "the most hard sets from lifts done for two or more sets, in one session",
    ),
    ("session.most_hard_sets", "the most hard sets in one lifting session"),
    ("session.most_compound_hard_sets", "the most hard compound sets in one lifting session"),
    (
        "session.most_demanding_compound_sets",
        "the most demanding compound sets (RIR 3 or less, or RPE 7+) in one session",
    ),
    (
        "session.most_demanding_loaded_compound_sets",
        "the most demanding compound sets with a load given as a %1RM (kit, not body weight) "
        "in one session",
    ),
    (
        "session.most_demanding_compound_moderate_rep_sets",
        "the most demanding compound sets of moderate reps in one session",
    ),
    (
        "session.most_demanding_compound_short_rest_sets",
        "the most demanding multi-joint sets of moderate reps with rests of 90 s or less in one session",
    ),
    ("week.steady_sessions", "required steady aerobic sessions at moderate or vigorous effort"),
    ("week.steady_minutes", "minutes of steady aerobic work in those sessions in a week"),
    ("session.longest_steady_minutes", "minutes of steady aerobic work in the longest session"),
    (
        "session.longest_vigorous_steady_minutes",
        "minutes of steady aerobic work at a vigorous effort in the longest such session",
    ),
    (
        "session.most_steady_weighted_minutes",
        "steady aerobic minutes of one session weighted by intensity (moderate 1, vigorous 2)",
    ),
    ("week.interval_sessions", "required interval sessions in a week"),
    (
        "week.short_interval_sessions",
        "required interval sessions in a week with work bouts of 90 s or less (sprints, "
        "one-minute efforts)",
    ),
    (
        "week.sprint_interval_sessions",
        "required interval sessions in a week with sprint work bouts (the library's "
        "sprint_seconds: 30 s or less)",
    ),
    ("week.interval_rounds", "interval work bouts in a week"),
    ("session.most_interval_rounds", "the most interval work bouts in one session"),
    (
        "week.aerobic_minutes",
        "moderate-equivalent aerobic minutes of the required sessions (vigorous counts double)",
    ),
)

_FACTS += [
    Fact(name, "int", text, _decision(name), (), Phase.REVIEW) for name, text in REVIEW_FACTS
]
_FACTS.append(
    Fact(
        "week.modalities",
        "list",
        "modalities of the required sessions in the block (endurance at moderate effort or above)",
        _decision("week.modalities"),
        _values(Modality),
        Phase.REVIEW,
    )
)

FACTS: dict[str, Fact] = {f.name: f for f in _FACTS}
