"""The review phase: rules that read the built plan and describe it (DESIGN.md v1.1).

It runs after scheduling, filling and progression. Its facts are measured on the plan's
required sessions (the largest value over the weeks of the block, so a dose reached after a
build-up or a start week counts); its rules may only warn, expect effects, note therapy
synergies and declare departures from the source document. Effects are then merged into one
entry per target and timescale (COACHING.md 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from endoprotocol.engine.decisions import Fired, LeafTrace
from endoprotocol.engine.evaluate import _Context
from endoprotocol.engine.facts import Earlier
from endoprotocol.engine.loader import RuleSet
from endoprotocol.engine.model import Departure, Effect, Phase, Rule, Synergy, Warn
from endoprotocol.plan import (
    DayPlan,
    Exercise,
    ExpectedEffect,
    Session,
    Week,
    aerobic_equivalent,
    hard_exposures,
    is_hard_set,
    vigorous_steady_minutes,
)
from endoprotocol.profile import Profile
from endoprotocol.vocab import MAJOR_GROUPS, MODERATE_EQUIVALENT, Modality

# The bands the plan facts count in (docs/rules.md, "Plan facts"): the top of a rep range
# of 6 or fewer is heavy, 7-15 moderate; a rest whose longest end is 90 s or less is short.
HEAVY_REPS_MAX = 6
MODERATE_REPS_MAX = 15
SHORT_REST_MAX_SECONDS = 90
# the source's departure on rests: two minutes or more between sets of a big lift
LONG_REST_MIN_SECONDS = 120
# a demanding set, close to failure (vigorous in EVIDENCE.md 1.2): RIR 3 or less, or RPE 7+
DEMANDING_RIR_MAX = 3
DEMANDING_RPE_MIN = 7
GRADE_ORDER = {"strong": 0, "moderate": 1, "mixed": 2, "low": 3}


@dataclass
class Review:
    """What the review rules said about one plan, with the rules that said it."""

    warnings: list[tuple[Warn, Rule]] = field(default_factory=list)
    effects: list[tuple[Effect, Rule]] = field(default_factory=list)
    synergies: list[tuple[Synergy, Rule]] = field(default_factory=list)
    departures: list[tuple[Departure, Rule]] = field(default_factory=list)
    fired: list[Fired] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)


def strength_exposure_days(days: Iterable[DayPlan]) -> int:
    """WHO 2020 strength days as DESIGN.md v1.1 counts them: the fewest days of the week on
    which any major muscle group gets a hard exposure."""
    exposed = [hard_exposures(d.sessions) for d in days]
    return min(sum(1 for e in exposed if group in e) for group in MAJOR_GROUPS)


def is_demanding_set(exercise: Exercise) -> bool:
    """A set taken close to failure: RIR 3 or less (or RPE 7+ without an RIR)."""
    rir, rpe = exercise.intensity.rir, exercise.intensity.rpe
    if rir is not None:
        return rir.max <= DEMANDING_RIR_MAX
    return rpe is not None and rpe.min >= DEMANDING_RPE_MIN


def _short_rest(exercise: Exercise) -> bool:
    rest = exercise.rest_seconds
    return rest is not None and rest.max <= SHORT_REST_MAX_SECONDS


def _moderate_reps(exercise: Exercise) -> bool:
    reps = exercise.reps
    return reps is not None and HEAVY_REPS_MAX < reps.max <= MODERATE_REPS_MAX


def _steady_minutes(session: Session) -> int:
    """Minutes of steady work (the short end of each range), not warm-up or cool-down."""
    seconds = 0.0
    for e in session.exercises:
        if e.work_seconds is not None:
            seconds += e.work_seconds.min * e.sets
    return int(seconds // 60) if seconds else session.duration_minutes


def week_facts(
    days: Iterable[DayPlan], short_interval_seconds: float = 0, sprint_seconds: float = 0
) -> dict[str, Any]:
    """The plan facts of one week's required sessions; interval work bouts of
    `short_interval_seconds` or less are the short protocols (sprints, one-minute efforts:
    the library's shortest interval protocol), and of `sprint_seconds` or less sprints (the
    library's `sprint_seconds`: the sprint studies' dose; coach review 28,
    SPRINT-GH-CLAIM-WITHOUT-SPRINTS)."""
    facts: dict[str, Any] = dict.fromkeys(_INT_FACTS, 0)
    modalities: set[str] = set()
    for day in days:
        for s in day.sessions:
            if s.optional:
                continue
            # endurance at light effort (an easy walk) is not the dose of any aerobic effect
            if s.modality is not Modality.ENDURANCE or s.intensity_class.value != "light":
                modalities.add(s.modality.value)
            facts["week.aerobic_minutes"] += aerobic_equivalent(s)
            if s.modality is Modality.RESISTANCE:
                _lifting(s, facts)
            elif s.modality is Modality.ENDURANCE and s.intensity_class.value != "light":
                minutes = _steady_minutes(s)
                facts["week.steady_sessions"] += 1
                facts["week.steady_minutes"] += minutes
                facts["session.longest_steady_minutes"] = max(
                    facts["session.longest_steady_minutes"], minutes
                )
                # the dose of intensity-dependent responses (GH above the lactate threshold,
                # IL-6 with duration x intensity): vigorous minutes, and minutes weighted by
                # intensity as WHO counts them (a vigorous minute is two moderate ones)
                # (a tempo session's tempo part alone is vigorous: coach review 27)
                if s.intensity_class.value == "vigorous":
                    facts["session.longest_vigorous_steady_minutes"] = max(
                        facts["session.longest_vigorous_steady_minutes"],
                        int(vigorous_steady_minutes(s)),
                    )
                weighted = (
                    aerobic_equivalent(s)
                    if any(e.work_seconds for e in s.exercises)
                    else minutes * MODERATE_EQUIVALENT[s.intensity_class.value]
                )
                facts["session.most_steady_weighted_minutes"] = max(
                    facts["session.most_steady_weighted_minutes"], round(weighted)
                )
            elif s.modality is Modality.HIIT:
                rounds = sum(e.sets for e in s.exercises if e.pattern.value == "intervals")
                facts["week.interval_sessions"] += 1
                # the session's shortest work bout: 90 s or less are sprints and one-minute
                # efforts, the protocols behind the acute GH and next-day glucose findings
                # (not 4 x 4 minutes); 30 s or less, sprints alone
                shortest = min(
                    (
                        e.work_seconds.max
                        for e in s.exercises
                        if e.pattern.value == "intervals" and e.work_seconds is not None
                    ),
                    default=None,
                )
                if shortest is not None and shortest <= short_interval_seconds:
                    facts["week.short_interval_sessions"] += 1
                if shortest is not None and shortest <= sprint_seconds:
                    facts["week.sprint_interval_sessions"] += 1
                facts["week.interval_rounds"] += rounds
                facts["session.most_interval_rounds"] = max(
                    facts["session.most_interval_rounds"], rounds
                )
    facts["week.aerobic_minutes"] = round(facts["week.aerobic_minutes"])
    facts["week.modalities"] = sorted(modalities)
    return facts


def _lifting(s: Session, facts: dict[str, Any]) -> None:
    facts["week.lifting_sessions"] += 1
    most: dict[str, int] = dict.fromkeys(_SESSION_FACTS, 0)
    for e in s.exercises:
        if not is_hard_set(e):
            continue
        most["session.most_hard_sets"] += e.sets
        if e.reps is not None and e.reps.max <= HEAVY_REPS_MAX:
            facts["week.hard_sets_heavy"] += e.sets
        if _moderate_reps(e):
            facts["week.hard_sets_moderate_reps"] += e.sets
        if _short_rest(e):
            facts["week.hard_sets_short_rest"] += e.sets
            if _moderate_reps(e):
                facts["week.hard_sets_moderate_reps_short_rest"] += e.sets
        if e.sets >= 2:
            # rests and volume only exist between sets: a lift done once has neither
            most["session.most_multi_set_hard_sets"] += e.sets
        if e.compound:
            most["session.most_compound_hard_sets"] += e.sets
            if not _short_rest(e) and e.rest_seconds is not None:
                facts["week.compound_hard_sets_long_rest"] += e.sets
                if e.sets >= 2 and e.rest_seconds.min >= LONG_REST_MIN_SECONDS:
                    facts["week.compound_multi_set_long_rest_sets"] += e.sets
        if not is_demanding_set(e):
            continue
        if e.compound:
            most["session.most_demanding_compound_sets"] += e.sets
            if e.intensity.pct_1rm is not None:
                # with a load set as a share of 1RM: kit that loads the lift, not body weight
                most["session.most_demanding_loaded_compound_sets"] += e.sets
            if _moderate_reps(e):
                most["session.most_demanding_compound_moderate_rep_sets"] += e.sets
        # the metabolically demanding protocol (Kraemer 2005) is multi-joint lifts of
        # moderate reps on short rests: short rests on curls and calf raises after big lifts
        # rested 2-3 minutes are not it (coach review 6, GH-SHORT-REST-CLAIM)
        if e.compound and _moderate_reps(e) and _short_rest(e):
            most["session.most_demanding_compound_short_rest_sets"] += e.sets
    facts["week.hard_sets"] += most["session.most_hard_sets"]
    for name, value in most.items():
        facts[name] = max(facts[name], value)


_SESSION_FACTS = (
    "session.most_hard_sets",
    "session.most_multi_set_hard_sets",
    "session.most_compound_hard_sets",
    "session.most_demanding_compound_sets",
    "session.most_demanding_loaded_compound_sets",
    "session.most_demanding_compound_moderate_rep_sets",
    "session.most_demanding_compound_short_rest_sets",
)
_INT_FACTS = (
    "week.lifting_sessions",
    "week.hard_sets",
    "week.hard_sets_heavy",
    "week.hard_sets_moderate_reps",
    "week.hard_sets_short_rest",
    "week.hard_sets_moderate_reps_short_rest",
    "week.compound_hard_sets_long_rest",
    "week.compound_multi_set_long_rest_sets",
    *_SESSION_FACTS,
    "week.steady_sessions",
    "week.steady_minutes",
    "session.longest_steady_minutes",
    "session.longest_vigorous_steady_minutes",
    "session.most_steady_weighted_minutes",
    "week.interval_sessions",
    "week.short_interval_sessions",
    "week.sprint_interval_sessions",
    "week.interval_rounds",
    "session.most_interval_rounds",
    "week.aerobic_minutes",
)


def plan_facts(
    weeks: Iterable[Week], short_interval_seconds: float = 0, sprint_seconds: float = 0
) -> dict[str, Any]:
    """The block's plan facts: each the largest weekly value, modalities the union
    (`short_interval_seconds` and `sprint_seconds` as in `week_facts`)."""
    merged: dict[str, Any] = dict.fromkeys(_INT_FACTS, 0)
    modalities: set[str] = set()
    for week in weeks:
        one = week_facts(week.days, short_interval_seconds, sprint_seconds)
        for name in _INT_FACTS:
            merged[name] = max(merged[name], one[name])
        modalities.update(one["week.modalities"])
    merged["week.modalities"] = sorted(modalities, key=lambda m: list(Modality).index(Modality(m)))
    return merged


def review(
    profile: Profile,
    rules: RuleSet,
    earlier: Mapping[str, Any],
    weeks: Iterable[Week],
    *,
    trace: bool = True,
    short_interval_seconds: float = 0,
    sprint_seconds: float = 0,
) -> Review:
    """Run the review rules over the built plan; `earlier` are the decisions of the other
    phases (screening, requested sessions), which review rules may read as well. `trace`
    as in `evaluate`; `short_interval_seconds` and `sprint_seconds` as in `week_facts`."""
    facts = {**earlier, **plan_facts(weeks, short_interval_seconds, sprint_seconds)}
    context = _Context(profile, Earlier(facts), rules, tracing=trace)
    out = Review(facts=facts)
    for rule in sorted(
        (r for r in rules.active_rules if r.phase is Phase.REVIEW), key=lambda r: r.full_id
    ):
        leaves: list[LeafTrace] = []
        truth = context.test(rule.when, leaves)
        if not (truth is True or (truth is None and rule.on_unknown == "fire")):
            continue
        fired = Fired(rule, leaves, [], unknown=truth is None)
        out.fired.append(fired)
        for action in rule.then:
            body = action.body
            if isinstance(body, Warn):
                out.warnings.append((body, rule))
                fired.actions.append(f"warns [{body.code}]")
            elif isinstance(body, Effect):
                out.effects.append((body, rule))
                fired.actions.append(
                    f"expects {body.target.value} {body.direction} "
                    f"({body.timescale}, {body.evidence})"
                )
            elif isinstance(body, Synergy):
                out.synergies.append((body, rule))
                fired.actions.append(
                    f"notes a {body.evidence} synergy of {body.therapy.value} "
                    f"with {body.myokine.value}"
                )
            elif isinstance(body, Departure):
                out.departures.append((body, rule))
                fired.actions.append(f"departs from the source: {body.topic}")
    return out


def merge_effects(
    items: Iterable[tuple[Effect, Rule]], present: Iterable[str]
) -> list[ExpectedEffect]:
    """One entry per target and timescale (COACHING.md 5): only modalities in the plan are
    listed; the grade is the best-supported contribution's; differing directions give
    "modulate", and the text keeps each contribution's words, best-supported first."""
    here = set(present)
    groups: dict[tuple[str, str], list[tuple[Effect, Rule]]] = {}
    for effect, rule in items:
        if any(m.value in here for m in effect.modalities):
            groups.setdefault((effect.target.value, effect.timescale), []).append((effect, rule))
    order = list(Modality)
    merged: list[ExpectedEffect] = []
    for _key, group in sorted(groups.items()):
        group.sort(key=lambda er: (GRADE_ORDER[er[0].evidence], er[1].full_id))
        first = group[0][0]
        directions = {e.direction for e, _ in group}
        modalities = {m for e, _ in group for m in e.modalities if m.value in here}
        merged.append(
            ExpectedEffect(
                target=first.target,
                direction=first.direction if len(directions) == 1 else "modulate",
                timescale=first.timescale,
                evidence=first.evidence,
                from_modalities=sorted(modalities, key=order.index),
                explanation=" ".join(dict.fromkeys(e.explanation for e, _ in group)),
                references=sorted({ref for _, r in group for ref in r.references}),
                rules=list(dict.fromkeys(r.full_id for _, r in group)),
            )
        )
    return merged
