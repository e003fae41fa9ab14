"""`Decisions`: what the rules decided for one person, fully resolved, each with its rule.

This is the one hand-off from the engine to the planner: `evaluate()` returns it and the
planner reads nothing else from the engine. Every value is typed and carries the rule id(s)
that produced it; the intensity ceiling and the vetoes are applied once, by the enforce step,
before the planner sees them. Reading a decision (a parameter's point value narrowed by every
limit that applies to it) lives here too, so the planner never walks the raw tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

from endoprotocol.engine.model import (
    Bound,
    CautiousStart,
    Effect,
    EffortStep,
    Forbid,
    GuidelineTarget,
    Note,
    Position,
    Refuse,
    Rule,
    SessionRequest,
    Synergy,
    Warn,
    WeekRange,
    fill_placeholders,
    filled_pattern,
    listed,
    make_bound,
)
from endoprotocol.vocab import INTENSITY_ORDER, Ceiling, Clearance, Modality

__all__ = [
    "MAIN_ROLE",
    "NOT_SCREENED",
    "OPTIONAL_COUNTED_CAP",
    "ROLE_FALLBACK",
    "Bound",
    "Bounded",
    "ByRule",
    "CautiousStart",
    "Decisions",
    "EffortStep",
    "Fired",
    "LeafTrace",
    "Removal",
    "Resolved",
    "Ruled",
    "SessionDecision",
    "WeekRules",
    "fill_placeholders",
    "filled_pattern",
    "is_hard",
    "listed",
    "narrow",
    "scopes",
]

T = TypeVar("T")

# Stands in for the safety rules a pack switched off (--allow-safety-overrides).
NOT_SCREENED = "engine/not-screened"
# The kind a `sessions_per_week` cap with `counts_optional` is also kept under: it holds a
# modality's sessions a week with the optional extras counted (coach review 26).
OPTIONAL_COUNTED_CAP = "sessions_per_week_with_optional"

Rank = tuple[int, int, str]  # (-priority, -specificity, id): the smallest wins
ParamKey = tuple[str, str, str]  # (modality or "all", role or "any", parameter name)


class Ruled(NamedTuple, Generic[T]):
    """A decided value and the id of the rule that decided it."""

    value: T
    rule: str


class ByRule(NamedTuple, Generic[T]):
    """An action's body and the rule (with its references) that emitted it."""

    body: T
    rule: Rule


class Bounded(NamedTuple):
    """The intersection of every limit on one parameter, and the rules that set them."""

    bound: Bound
    rules: list[str]


@dataclass
class WeekRules:
    """What holds in one week of the block: its intensity ceiling, the modalities vetoed in
    it, and its week-scoped limits (`forbid`/`limit` with `weeks`)."""

    ceiling: Ruled[Ceiling]
    vetoed: dict[str, str]
    limits: list[tuple[ParamKey, Ruled[Bound]]]

    def limit(self, modality: str, role: str, name: str) -> tuple[Bound | None, list[str]]:
        """Every week-scoped limit on the parameter, intersected; None when there is none."""
        if not self.limits:  # most weeks: asked ~700 times per plan
            return None, []
        keys = set(scopes(modality, role, name))
        found = [Bounded(b, [rid]) for key, (b, rid) in self.limits if key in keys]
        return _intersect(found)


@dataclass(frozen=True)
class LeafTrace:
    """One leaf of a fired rule: what it tested, the person's value, and the result."""

    fact: str
    op: str
    value: Any
    actual: Any
    result: bool | None
    at: Position | None  # where the leaf is defined

    @property
    def where(self) -> str:
        """`file:line` of the leaf, or `?` (made only when asked: --explain reads it; a plan
        tests thousands of leaves)."""
        return str(self.at) if self.at else "?"


@dataclass
class Fired:
    """A rule that fired, the leaves that made it fire, and what each of its actions did."""

    rule: Rule
    trace: list[LeafTrace]
    actions: list[str]
    unknown: bool = False


@dataclass
class Resolved:
    """A point value: the winner, its rule, and every loser it overrode."""

    value: Any
    rule: str
    overridden: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class SessionDecision:
    """The merged request for one (modality, optional) pair."""

    request: SessionRequest
    per_week: int
    rules: list[str]
    rank: Rank
    lowered: bool = False  # the enforce step lowered its intensity class
    # the most sessions a safety rule asked for (falls prevention's two strength days): the
    # planner never gives one of those away to another goal
    safety_per_week: int = 0


@dataclass
class Removal:
    """Something the enforce step took out or cut, and the rule that made it."""

    what: str
    rule: str


@dataclass(repr=False, eq=False)  # 30 fields: no generated __repr__/__eq__ to compile
class Decisions:
    """Everything the planner needs, with the rule ids behind each decision."""

    # screening: set by safety rules, then capped by the enforce step
    clearance: Clearance = "none"
    screened: bool = True  # false when a pack switched safety rules off
    referral_only: bool = False
    max_intensity: Ceiling = "vigorous"  # the block's ceiling, computed once by `enforce`
    intensity_rule: str = "engine/enforce"  # the rule behind that ceiling
    reasons: list[Ruled[str]] = field(default_factory=list)
    next_steps: list[Ruled[str]] = field(default_factory=list)
    before_start: list[Ruled[str]] = field(default_factory=list)  # wait for this, then week 1
    screening_rules: list[str] = field(default_factory=list)
    limited_by: dict[str, str] = field(default_factory=dict)  # which rule set each ceiling
    refusal: Ruled[Refuse] | None = None
    refusal_rank: Rank = (0, 0, "")
    # prescriptions
    sessions: dict[tuple[Modality, bool], SessionDecision] = field(default_factory=dict)
    params: dict[ParamKey, Resolved] = field(default_factory=dict)
    limits: dict[ParamKey, Bounded] = field(default_factory=dict)
    week_limits: list[tuple[WeekRange, ParamKey, Ruled[Bound]]] = field(default_factory=list)
    progression: dict[str, Resolved] = field(default_factory=dict)
    # vetoes and caps (the enforce step applies them)
    forbids: list[Ruled[Forbid]] = field(default_factory=list)
    week_forbids: list[tuple[WeekRange, Ruled[Forbid]]] = field(default_factory=list)
    caps: dict[tuple[str, str], Ruled[int]] = field(default_factory=dict)
    requirements: dict[tuple[str, str], Ruled[int]] = field(default_factory=dict)
    # annotations
    warnings: list[ByRule[Warn]] = field(default_factory=list)
    effects: list[ByRule[Effect]] = field(default_factory=list)
    synergies: list[ByRule[Synergy]] = field(default_factory=list)
    notes: list[Ruled[Note]] = field(default_factory=list)
    guidelines: dict[str, ByRule[GuidelineTarget]] = field(default_factory=dict)
    # provenance for --explain
    fired: list[Fired] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    # the decisions earlier phases made readable as facts; the review phase reads them too
    facts: dict[str, Any] = field(default_factory=dict)
    # the person's minutes per session (what `edges_scale` scales the warm-up against)
    minutes_per_session: int | None = None

    # -- reading a decision ------------------------------------------------------------------
    def param(self, modality: str, role: str, name: str) -> Resolved | None:
        """The winning point value, most specific scope first (role, then modality, then all)."""
        for key in scopes(modality, role, name):
            if key in self.params:
                return self.params[key]
        return None

    def limit(self, modality: str, role: str, name: str) -> tuple[Bound | None, list[str]]:
        """Every limit on a parameter intersected (the stricter wins)."""
        return _intersect(
            [self.limits[k] for k in scopes(modality, role, name) if k in self.limits]
        )

    def resolve(self, modality: str, role: str, name: str) -> tuple[Bound | None, list[str]]:
        """A parameter's value: the winning point value, narrowed by every limit."""
        point = self.param(modality, role, name)
        limit, limit_rules = self.limit(modality, role, name)
        rules = [point.rule] if point else []
        if point is None or not isinstance(point.value, Bound):
            return (
                limit if limit and limit.min is not None and limit.max is not None else None
            ), limit_rules
        low, high = point.value.min, point.value.max
        if name == "rest_seconds":
            low, high, scaled = self._rest_scaled(modality, role, low, high)
            rules += scaled
        if limit is not None:
            rules += limit_rules
            was_top = high
            low, high = narrow(low, high, limit)
            room = self.progression.get("reps_room")
            if (
                name == "reps"
                and room is not None
                and isinstance(room.value, int)
                and was_top is not None
                and limit.min is not None
                and was_top < limit.min
                and low == high
                and low is not None
            ):
                # a rep range a limit's minimum moved wholly above its own top (strength's
                # 4-6 under low-back pain's or pregnancy's 8 or more) keeps room to progress
                # in: the pack's `reps_room` reps over the minimum, within the limit's top
                # (coach review 33, REP-RANGE-COLLAPSED-STALLS-MAIN-LIFTS: 3 x 8 every week,
                # its reps weeks the week before again)
                high = low + room.value
                if limit.max is not None:
                    high = min(high, limit.max)
        return make_bound(low, high), rules

    def _rest_scaled(
        self, modality: str, role: str, low: float | None, high: float | None
    ) -> tuple[float | None, float | None, list[str]]:
        """A rest range scaled to a short session's work by `rest_scale`: its short rests at
        the scale's low end of work minutes or less, the rules' own at its top, evenly
        between (to 5 s); never longer than the rules' own. Unscaled without a scale."""
        scale = self.param(modality, role, "rest_scale")
        if scale is None or self.minutes_per_session is None or low is None or high is None:
            return low, high, []
        value = scale.value
        work = self.minutes_per_session - self.warmup_and_cooldown(modality)[0]
        start, end = float(value.work_minutes.min), float(value.work_minutes.max)
        share = min(max((work - start) / (end - start), 0.0), 1.0)

        def scaled(short: float, own: float) -> float:
            if own <= short:
                return own
            return min(own, 5 * round((short + share * (own - short)) / 5))

        new_low = scaled(value.short_seconds.min, low)
        new_high = max(scaled(value.short_seconds.max, high), new_low)
        if (new_low, new_high) == (low, high):
            return low, high, []
        return new_low, new_high, [scale.rule]

    def warmup_and_cooldown(self, modality: str) -> tuple[int, list[str]]:
        """Minutes of warm-up plus cool-down a session of `modality` starts and ends with:
        their low ends, scaled to a short session by `edges_scale` (the minutes past the
        work it keeps, at least its brief form and every limit's minimum: a safety rule's
        long warm-up wins)."""
        total = 0
        floor = 0
        rules: list[str] = []
        for name in ("warmup_minutes", "cooldown_minutes"):
            bound, ids = self.resolve(modality, "any", name)
            if bound is not None and bound.min is not None:
                total += int(bound.min)
                rules += ids
            limit, _ = self.limit(modality, "any", name)
            if limit is not None and limit.min is not None:
                floor += int(limit.min)
        scale = self.param(modality, "any", "edges_scale")
        if scale is not None and self.minutes_per_session is not None:
            room = max(
                self.minutes_per_session - scale.value.work_minutes,
                scale.value.least_minutes,
                floor,
            )
            if room < total:
                total = room
                rules = [*rules, scale.rule]
        return total, rules

    def min_sets(self, role: str) -> int:
        """The fewest work sets a lift of `role` gets (the low end of its set range)."""
        bound, _ = self.resolve(Modality.RESISTANCE.value, role, "sets")
        return int(bound.min) if bound is not None and bound.min is not None else 1

    def requirement(self, kind: str, scope: str = "") -> Ruled[int] | None:
        return self.requirements.get((kind, scope))

    def cap(self, kind: str, scope: str = "") -> Ruled[int] | None:
        return self.caps.get((kind, scope))

    def forbidden(self, kind: str) -> dict[str, str]:
        """Vetoed values of one kind (modality, pattern, tag, exercise) -> the vetoing rule."""
        out: dict[str, str] = {}
        for forbid, rule in self.forbids:
            value = getattr(forbid, kind)
            if value is not None:
                out.setdefault(str(value), rule)
        return out

    def in_week(self, week: int) -> WeekRules:
        """What holds in `week`: the block's ceiling lowered by any week-scoped
        `forbid: {intensity_above}` in force, the modalities vetoed that week, its limits."""
        ceiling: Ruled[Ceiling] = Ruled(self.max_intensity, self.intensity_rule)
        vetoed: dict[str, str] = {}
        for weeks, (forbid, rid) in self.week_forbids:
            if not weeks.covers(week):
                continue
            above = forbid.intensity_above
            if above is not None and INTENSITY_ORDER[above.value] < INTENSITY_ORDER[ceiling.value]:
                ceiling = Ruled(above.value, rid)
            if forbid.modality is not None:
                vetoed.setdefault(forbid.modality.value, rid)
        limits = [(key, bound) for weeks, key, bound in self.week_limits if weeks.covers(week)]
        return WeekRules(ceiling, vetoed, limits)


def narrow(
    low: float | None, high: float | None, limit: Bound
) -> tuple[float | None, float | None]:
    """A range moved inside a limit: each end raised to its minimum, lowered to its maximum."""
    if limit.min is not None:
        low = max(low or limit.min, limit.min)
        high = max(high or limit.min, limit.min)
    if limit.max is not None:
        high = min(high if high is not None else limit.max, limit.max)
        low = min(low if low is not None else limit.max, limit.max)
    return low, high


def _intersect(found: list[Bounded]) -> tuple[Bound | None, list[str]]:
    low: float | None = None
    high: float | None = None
    rules: list[str] = []
    for bound, ids in found:
        if bound.min is not None:
            low = bound.min if low is None else max(low, bound.min)
        if bound.max is not None:
            high = bound.max if high is None else min(high, bound.max)
        rules += ids
    if low is None and high is None:
        return None, []
    return make_bound(low, high), rules


# A session's main lift is a compound lift first: what is set or limited for compound lifts
# holds for it wherever nothing is set for `main` itself (the evaluation weighs the two
# roles' prescriptions together by priority: `evaluate._main_weighed_with_compound`).
MAIN_ROLE = "main"
ROLE_FALLBACK = {MAIN_ROLE: "compound"}


@cache
def scopes(modality: str, role: str, name: str) -> tuple[ParamKey, ...]:
    """Where a parameter may be set, most specific first; duplicates removed (a few hundred
    distinct answers, asked ~1,400 times per plan). A main lift's scope falls back to the
    compound lifts' before `any`."""
    roles = [role, ROLE_FALLBACK[role]] if role in ROLE_FALLBACK else [role]
    keys = [
        *((modality, r, name) for r in roles),
        (modality, "any", name),
        *(("all", r, name) for r in roles),
        ("all", "any", name),
    ]
    return tuple(dict.fromkeys(keys))


def is_hard(modality: Modality, intensity: str) -> bool:
    """DESIGN.md: a hard session is resistance or HIIT, or any vigorous session."""
    return modality in (Modality.RESISTANCE, Modality.HIIT) or intensity == "vigorous"
