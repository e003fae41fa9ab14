"""The built-in rules and exercise library, loaded once on first use (never at import time).

Test modules call `builtin_rules()` / `builtin_library()` inside tests, so collecting them
reads nothing from disk and an `ENDOPROTOCOL_RULES_DIR` in the environment is never picked up.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from endoprotocol import Library, Plan, RuleSet, build_plan, load_library, load_rules, parse_profile
from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir
from endoprotocol.planner.library import ExerciseEntry


@cache
def builtin_rules() -> RuleSet:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return load_rules(user_dir=False)


@cache
def builtin_library() -> Library:
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(RULES_ENV, raising=False)
        return load_library(builtin_rules_dir())


def exercise_by_name(name: str) -> ExerciseEntry:
    """The built-in library's exercise of that (display) name."""
    return _by_name()[name]


def floor_moves(plan: Plan) -> list[str]:
    """Every exercise and alternative of the plan whose library entry is tagged `floor`."""
    return [
        name
        for week in plan.weeks
        for d in week.days
        for s in d.sessions
        for e in s.exercises
        for name in [e.name, *e.alternatives]
        if "floor" in exercise_by_name(name).tags
    ]


@cache
def _by_name() -> dict[str, ExerciseEntry]:
    # steady cardio held light is printed by its light name ("Easy walk")
    light = {e.light_name: e for e in builtin_library().exercises if e.light_name}
    return {**light, **{e.name: e for e in builtin_library().exercises}}


def builtin_plan(weeks: int = 12, **data: Any) -> Plan:
    """The plan the built-in packs make for the profile `data` (a dict as in a profile file)."""
    return build_plan(parse_profile(data), builtin_rules(), builtin_library(), weeks=weeks)


def plan_of(data: dict[str, Any], weeks: int = 12, rules: RuleSet | None = None) -> Plan:
    """The plan for the profile `data`, with the built-in packs or the given `rules`."""
    return build_plan(parse_profile(data), rules or builtin_rules(), builtin_library(), weeks=weeks)


def week_lifting(week: Any) -> list[Any]:
    """The required lifting sessions of one week of a plan, in day order."""
    return [
        s
        for d in week.days
        for s in d.sessions
        if s.modality.value == "resistance" and not s.optional
    ]


def week_steady_minutes(week: Any) -> int:
    """Minutes of a week's required steady (endurance) sessions."""
    return sum(
        s.duration_minutes
        for d in week.days
        for s in d.sessions
        if s.modality.value == "endurance" and not s.optional
    )


def week_top_lift_rpe(week: Any) -> float:
    """The highest RPE of a week's required lifts taken for reps."""
    return max(
        e.intensity.rpe.max
        for s in week_lifting(week)
        for e in s.exercises
        if e.reps is not None and e.intensity.rpe is not None
    )


def week_lifting_sets(week: Any) -> int:
    """The sets of a week's required lifting, every lift counted."""
    return sum(e.sets for s in week_lifting(week) for e in s.exercises)


def guideline(plan: Plan, gid: str) -> Any:
    """The plan's check of the guideline `gid` (`who-2020-aerobic`, ...)."""
    return next(g for g in plan.guidelines if g.id == gid)


def required_sessions(plan: Plan, day: str, week: int = 1) -> list[Any]:
    """The required sessions of one day (`"monday"`) of a week, in order."""
    found = next(d for d in plan.weeks[week - 1].days if d.day.value == day)
    return [s for s in found.sessions if not s.optional]


def audit_check(name: str, data: dict[str, Any], plan: Plan) -> Any:
    """The coach's audit check `name` run on `plan` for the profile `data` (its Verdict)."""
    from endoprotocol.audit import CHECKS, one_week_plans

    def one_week(profile: Any) -> Plan:
        return build_plan(profile, builtin_rules(), builtin_library(), weeks=1)

    with one_week_plans(one_week):
        return CHECKS[name](parse_profile(data), plan, builtin_library())


def plan_names(plan: Plan, *, alternatives: bool = True) -> set[str]:
    """Every exercise name in every week of the plan, with the alternatives offered unless
    `alternatives` is False."""
    found: set[str] = set()
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                for e in s.exercises:
                    found.add(e.name)
                    if alternatives:
                        found.update(e.alternatives)
    return found


def sessions_edited(
    plan: Plan, edit: Callable[[str, Any], Any], *, every_week: bool = False
) -> Plan:
    """`plan` with each session replaced by `edit(day name, session)`: week 1 alone (a
    one-week plan, the usual "old form" a check is shown to fault), or every week."""
    weeks = plan.weeks if every_week else plan.weeks[:1]
    return plan.model_copy(
        update={
            "weeks": [
                w.model_copy(
                    update={
                        "days": [
                            d.model_copy(
                                update={"sessions": [edit(d.day.value, s) for s in d.sessions]}
                            )
                            for d in w.days
                        ]
                    }
                )
                for w in weeks
            ]
        }
    )


def exercises_edited(plan: Plan, edit: Callable[[Any], Any], *, every_week: bool = False) -> Plan:
    """`sessions_edited` with each exercise replaced by `edit(exercise)`."""
    return sessions_edited(
        plan,
        lambda _day, s: s.model_copy(update={"exercises": [edit(e) for e in s.exercises]}),
        every_week=every_week,
    )
