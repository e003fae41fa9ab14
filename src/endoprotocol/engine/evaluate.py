"""Evaluate rules against a profile: phases, merging, the enforce step, and provenance.

Phases run in a fixed order (safety -> prescribe -> adjust -> annotate); every rule of a phase
sees the same facts, so order inside a phase cannot matter. Merging is defined per action:

- sessions: requests for the same modality merge to the larger count; the details come from
  the strongest request (priority, then specificity, then id);
- prescribe / progression: point values, resolved by priority, then specificity (how many
  condition leaves), then id; each loser is recorded as overridden by the winner;
- limit: bounds intersect (the stricter wins);
- cap: the smallest cap wins; require: the most demanding value wins;
- forbid / screen / refuse: safety decisions, applied last by `enforce` so nothing undoes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from endoprotocol.engine.decisions import (
    NOT_SCREENED,
    OPTIONAL_COUNTED_CAP,
    ROLE_FALLBACK,
    Bounded,
    ByRule,
    Decisions,
    Fired,
    LeafTrace,
    ParamKey,
    Rank,
    Removal,
    Resolved,
    Ruled,
    SessionDecision,
    is_hard,
    listed,
)
from endoprotocol.engine.facts import FACTS, Earlier
from endoprotocol.engine.loader import RuleSet, iter_leaves
from endoprotocol.engine.model import (
    PHASE_ORDER,
    AllOf,
    AnyOf,
    Bound,
    Cap,
    ConditionNode,
    Effect,
    Forbid,
    GuidelineTarget,
    Leaf,
    Limit,
    Note,
    NotOf,
    Op,
    Phase,
    Prescription,
    Progression,
    RefOf,
    Refuse,
    Requirement,
    Rule,
    Screen,
    SessionRequest,
    Synergy,
    Warn,
)
from endoprotocol.profile import Profile
from endoprotocol.vocab import (
    CLEARANCE_ORDER,
    INTENSITY_ORDER,
    Ceiling,
    Day,
    IntensityClass,
    Modality,
)

Truth = bool | None  # None: unknown (a fact the profile does not give)

__all__ = ["NOT_SCREENED", "Decisions", "evaluate", "is_hard", "scope_refusal", "specificity"]


# ---- condition evaluation -------------------------------------------------------------------


def _compare(op: Op, actual: Any, value: Any) -> bool:
    if op is Op.EQ:
        return bool(actual == value)
    if op is Op.NE:
        return bool(actual != value)
    if op is Op.LT:
        return bool(actual < value)
    if op is Op.LE:
        return bool(actual <= value)
    if op is Op.GT:
        return bool(actual > value)
    if op is Op.GE:
        return bool(actual >= value)
    if op is Op.BETWEEN:
        return bool(value[0] <= actual <= value[1])
    if op is Op.IN:
        return actual in value
    if op is Op.NOT_IN:
        return actual not in value
    if op is Op.CONTAINS:
        return value in actual
    if op is Op.CONTAINS_ANY:
        return any(v in actual for v in value)
    if op is Op.CONTAINS_ALL:
        return all(v in actual for v in value)
    raise AssertionError(f"unhandled op {op}")  # pragma: no cover


class _Context:
    """One phase's view of the person; each named condition is evaluated once per phase (a
    pack whose named conditions refer to each other twice would otherwise take exponential
    time, and list each leaf exponentially often)."""

    def __init__(
        self, profile: Profile, decisions: Earlier, rules: RuleSet, *, tracing: bool = True
    ) -> None:
        self.profile = profile
        self.decisions = decisions
        self.conditions = rules.conditions
        # without tracing (a plan without --explain) a condition is only a truth value:
        # no leaf records, and `all`/`any` stop at their first deciding child
        self.tracing = tracing
        self._named: dict[str, tuple[Truth, dict[int, LeafTrace]]] = {}
        self._named_truth: dict[str, Truth] = {}
        # each fact read once per phase: the profile and earlier decisions do not change
        # within one, and ~260 leaves per plan read a few dozen facts
        self._facts: dict[str, Any] = {}

    def test(self, node: ConditionNode | None, trace: list[LeafTrace]) -> Truth:
        """The truth of `node`; when tracing, each leaf it tested is added to `trace` once."""
        if not self.tracing:
            return self._value(node)
        truth, leaves = self._truth(node)
        trace.extend(leaves.values())
        return truth

    def _truth(self, node: ConditionNode | None) -> tuple[Truth, dict[int, LeafTrace]]:
        if node is None:
            return True, {}
        if isinstance(node, Leaf):
            leaf = self._leaf(node)
            return leaf.result, {id(node): leaf}
        if isinstance(node, RefOf):
            known = self._named.get(node.ref)
            if known is None:
                known = self._named[node.ref] = self._truth(self.conditions[node.ref])
            return known
        if isinstance(node, NotOf):
            inner, leaves = self._truth(node.not_)
            return (None if inner is None else not inner), leaves
        results: list[Truth] = []
        leaves = {}
        for child in node.all if isinstance(node, AllOf) else node.any:
            result, more = self._truth(child)
            results.append(result)
            leaves.update(more)
        if isinstance(node, AllOf):
            if False in results:
                return False, leaves
            return (None if None in results else True), leaves
        assert isinstance(node, AnyOf)
        if True in results:
            return True, leaves
        return (None if None in results else False), leaves

    def _value(self, node: ConditionNode | None) -> Truth:
        """`_truth`'s truth value alone (the same three-valued logic: in `all`, any false
        child makes it false, else any unknown one unknown; `any` the other way round)."""
        if node is None:
            return True
        if isinstance(node, Leaf):
            return self._leaf_value(node)
        if isinstance(node, RefOf):
            named = self._named_truth
            if node.ref not in named:
                named[node.ref] = self._value(self.conditions[node.ref])
            return named[node.ref]
        if isinstance(node, NotOf):
            inner = self._value(node.not_)
            return None if inner is None else not inner
        # `all` is decided by its first false child, `any` by its first true one; else an
        # unknown child makes it unknown
        deciding = not isinstance(node, AllOf)
        unknown = False
        for child in node.any if deciding else node.all:  # type: ignore[union-attr]
            result = self._value(child)
            if result is deciding:
                return deciding
            unknown = unknown or result is None
        return None if unknown else not deciding

    def _fact(self, name: str) -> Any:
        facts = self._facts
        if name not in facts:
            facts[name] = FACTS[name].get(self.profile, self.decisions)
        return facts[name]

    def _leaf_value(self, leaf: Leaf) -> Truth:
        return _leaf_truth(leaf, self._fact(leaf.fact))

    def _leaf(self, leaf: Leaf) -> LeafTrace:
        actual = self._fact(leaf.fact)
        result = _leaf_truth(leaf, actual)
        return LeafTrace(leaf.fact, leaf.op.value, leaf.value, actual, result, leaf.pos)


def _leaf_truth(leaf: Leaf, actual: Any) -> Truth:
    """A leaf's truth for the person's value (None: the profile does not give it)."""
    if leaf.op is Op.EXISTS:
        return (actual is not None) == (leaf.value is not False)
    if actual is None:
        return None
    return _compare(leaf.op, actual, leaf.value)


def specificity(rule: Rule, rules: RuleSet) -> int:
    """How many condition leaves the rule tests (named conditions expanded)."""

    counted: dict[str, int] = {}  # each named condition counted once, not once per path

    def count(node: ConditionNode | None) -> int:
        total = 0
        for leaf in iter_leaves(node):
            if not isinstance(leaf, RefOf):
                total += 1
            elif leaf.ref in counted:
                total += counted[leaf.ref]
            else:
                counted[leaf.ref] = 0  # a cycle (a load error) counts nothing
                counted[leaf.ref] = count(rules.conditions.get(leaf.ref))
                total += counted[leaf.ref]
        return total

    return count(rule.when)


# ---- decisions ------------------------------------------------------------------------------


@dataclass
class Candidate:
    """A value some rule proposed, with the rule that proposed it."""

    value: Any
    rule: Rule
    rank: Rank


def _rank(rule: Rule, rules: RuleSet) -> Rank:
    return (-rule.priority, -specificity(rule, rules), rule.full_id)


def scope_refusal(profile: Profile, rules: RuleSet) -> Ruled[Refuse] | None:
    """The age scope: the strongest refusal of the built-in scope rules that fire, if any.

    Checked apart from `evaluate`, over every scope rule whether a pack switched it off or
    not: no pack, `disable`, `overrides` or flag changes who the tool plans for.
    """
    context = _Context(profile, Earlier({}), rules)
    found: list[tuple[Rank, Refuse, str]] = []
    for rule in rules.scope:
        truth = context.test(rule.when, [])
        if truth is True or (truth is None and rule.on_unknown == "fire"):
            rank = _rank(rule, rules)
            found += [(rank, a.body, rule.full_id) for a in rule.then if isinstance(a.body, Refuse)]
    if not found:
        return None
    _, refusal, rid = min(found, key=lambda f: f[0])
    return Ruled(refusal, rid)


def evaluate(profile: Profile, rules: RuleSet, *, trace: bool = True) -> Decisions:
    """Run every active rule over the profile, phase by phase, then enforce safety.

    With `trace` (what --explain shows) each fired rule keeps the leaves it tested;
    without, `Fired.trace` is empty and the decisions are the same."""
    merge = _Merge(rules, Decisions())
    decisions = merge.decisions
    if rules.safety_overridden:
        _not_screened(rules.safety_overridden, decisions)
    decided: dict[str, Any] = {}
    by_phase: dict[Phase, list[Rule]] = {p: [] for p in PHASE_ORDER}
    for rule in rules.active_rules:
        by_phase[rule.phase].append(rule)
    for phase in PHASE_ORDER:
        if phase is Phase.REVIEW:
            continue  # runs on the built plan (engine/review.py)
        context = _Context(profile, Earlier(dict(decided)), rules, tracing=trace)
        for rule in sorted(by_phase[phase], key=lambda r: r.full_id):
            leaves: list[LeafTrace] = []
            truth = context.test(rule.when, leaves)
            fires = truth is True or (truth is None and rule.on_unknown == "fire")
            if not fires:
                continue
            fired = Fired(rule, leaves, [], unknown=truth is None)
            decisions.fired.append(fired)
            for action in rule.then:
                fired.actions.append(MERGE[action.kind](action.body, rule, merge))
        if phase is Phase.SAFETY:
            decided.update(_screening_facts(decisions))
        elif phase is Phase.PRESCRIBE:
            decided.update(_plan_facts(decisions))
    _resolve(_main_weighed_with_compound(merge.point), decisions.params)
    resolved: dict[ParamKey, Resolved] = {}
    _resolve({("progression", "any", k): v for k, v in merge.progression.items()}, resolved)
    decisions.progression = {k[2]: v for k, v in resolved.items()}
    enforce(decisions, [list(Day).index(d) for d in profile.training_days()])
    decisions.facts = decided
    decisions.minutes_per_session = profile.minutes_per_session
    return decisions


def _screening_facts(decisions: Decisions) -> dict[str, Any]:
    """What later phases may read: the screening as the enforce step will apply it."""
    return {
        "screening.clearance": decisions.clearance,
        "screening.max_intensity": _ceiling(decisions)[0],
        "screening.referral_only": decisions.referral_only,
        "forbidden.modalities": sorted(decisions.forbidden("modality")),
        "forbidden.tags": sorted(decisions.forbidden("tag")),
    }


def _plan_facts(decisions: Decisions) -> dict[str, Any]:
    vetoed = decisions.forbidden("modality")
    counts: dict[str, int] = {m.value: 0 for m in Modality}
    for (modality, optional), decision in decisions.sessions.items():
        if modality.value not in vetoed and not optional:
            # counted after the caps decided so far, so a split chosen from it fits the week
            cap = decisions.cap("sessions_per_week", modality.value)
            counts[modality.value] += min(decision.per_week, cap[0]) if cap else decision.per_week
    facts: dict[str, Any] = {f"sessions.{m}": n for m, n in counts.items()}
    facts["plan.modalities"] = sorted(m for m, n in counts.items() if n > 0)
    return facts


# ---- merging: one function per action kind --------------------------------------------------


@dataclass
class _Merge:
    """What merging needs besides the decisions: the rule set (for ranks) and the point
    values still to be resolved once every phase has run."""

    rules: RuleSet
    decisions: Decisions

    def __post_init__(self) -> None:
        self.point: dict[ParamKey, list[Candidate]] = {}
        self.progression: dict[str, list[Candidate]] = {}

    def rank(self, rule: Rule) -> Rank:
        return _rank(rule, self.rules)


def _merge_sessions(body: SessionRequest, rule: Rule, merge: _Merge) -> str:
    """Requests for the same modality merge to the larger count; the strongest gives details."""
    rid, rank = rule.full_id, merge.rank(rule)
    skey = (body.modality, body.optional)
    current = merge.decisions.sessions.get(skey)
    if current is None:
        merge.decisions.sessions[skey] = SessionDecision(body, body.per_week, [rid], rank)
    else:
        current.rules.append(rid)
        current.per_week = max(current.per_week, body.per_week)
        if rank < current.rank:
            current.request, current.rank = body, rank
    if rule.phase == "safety":
        decision = merge.decisions.sessions[skey]
        decision.safety_per_week = max(decision.safety_per_week, body.per_week)
    extra = " optional" if body.optional else ""
    return f"asks for {body.per_week}x/week{extra} {body.modality.value} ({body.intensity.value})"


def _merge_prescription(body: Prescription, rule: Rule, merge: _Merge) -> str:
    """Point values: candidates now, resolved by rank once every phase has run."""
    rank = merge.rank(rule)
    for name in sorted(body.model_fields_set - {"modality", "role"}):
        key = (str(body.modality), body.role, name)
        merge.point.setdefault(key, []).append(Candidate(getattr(body, name), rule, rank))
    return f"prescribes {body.modality} ({body.role}): " + _params_text(body, {"modality", "role"})


def _merge_limit(body: Limit, rule: Rule, merge: _Merge) -> str:
    """Bounds intersect: the stricter wins."""
    limits = merge.decisions.limits
    for name in sorted(body.model_fields_set - {"modality", "role", "weeks"}):
        lkey = (str(body.modality), body.role, name)
        new: Bound = getattr(body, name)
        if body.weeks is not None:  # held week by week, after the block is built
            merge.decisions.week_limits.append((body.weeks, lkey, Ruled(new, rule.full_id)))
            continue
        known = limits.get(lkey)
        if known is None:
            limits[lkey] = Bounded(new, [rule.full_id])
        else:
            low = [v for v in (known.bound.min, new.min) if v is not None]
            high = [v for v in (known.bound.max, new.max) if v is not None]
            merged = Bound.model_construct(
                min=max(low) if low else None, max=min(high) if high else None
            )
            limits[lkey] = Bounded(merged, [*known.rules, rule.full_id])
    text = _params_text(body, {"modality", "role", "weeks"})
    when = f" in {body.weeks}" if body.weeks is not None else ""
    return f"limits {body.modality} ({body.role}){when}: {text}"


def _merge_forbid(body: Forbid, rule: Rule, merge: _Merge) -> str:
    """Vetoes are collected; the enforce step applies them last."""
    name = body.vetoes
    text = f"forbids {name.replace('_', ' ')} {getattr(body, name)}"
    if body.weeks is not None:  # held week by week, after the block is built
        merge.decisions.week_forbids.append((body.weeks, Ruled(body, rule.full_id)))
        return f"{text} in {body.weeks}"
    merge.decisions.forbids.append(Ruled(body, rule.full_id))
    return text


def _merge_cap(body: Cap, rule: Rule, merge: _Merge) -> str:
    """The smallest cap wins (then the smaller id). A cap that counts the optional extras
    is also kept apart (`OPTIONAL_COUNTED_CAP`), for the scheduler to hold them with it."""
    rid = rule.full_id
    scope = body.modality.value if body.modality else ""
    names = sorted(body.model_fields_set - {"modality", "counts_optional"})
    if body.counts_optional:
        names.append(OPTIONAL_COUNTED_CAP)
    for name in names:
        value: int = getattr(body, "sessions_per_week" if name == OPTIONAL_COUNTED_CAP else name)
        old = merge.decisions.caps.get((name, scope))
        if old is None or (value, rid) < old:
            merge.decisions.caps[(name, scope)] = Ruled(value, rid)
    return "caps " + _params_text(body, set())


def _merge_requirement(body: Requirement, rule: Rule, merge: _Merge) -> str:
    """The most demanding value wins: the larger one, except a gap, where the smaller does."""
    rid = rule.full_id
    requirements = merge.decisions.requirements
    pairs: list[tuple[str, str, int]] = []
    if body.hours_between is not None and body.modality is not None:
        pairs.append(("hours_between", body.modality.value, body.hours_between))
    if body.hours_between_same_muscle is not None:
        pairs.append(("hours_between_same_muscle", "", body.hours_between_same_muscle))
    if body.days_with is not None and body.at_least is not None:
        pairs.append(("days_with", body.days_with.value, body.at_least))
    if body.rest_days is not None:
        pairs.append(("rest_days", "", body.rest_days))
    if body.light_day_after is not None:
        pairs.append(("light_day_after", body.light_day_after.value, 1))
    if body.non_impact_cardio:
        pairs.append(("non_impact_cardio", "", 1))
    for kind, scope, value in pairs:
        old = requirements.get((kind, scope))
        if old is None or value > old.value or (value == old.value and rid < old.rule):
            requirements[(kind, scope)] = Ruled(value, rid)
    if body.max_days_without_activity is not None:
        old = requirements.get(("max_days_without_activity", ""))
        value = body.max_days_without_activity
        if old is None or value < old.value or (value == old.value and rid < old.rule):
            requirements[("max_days_without_activity", "")] = Ruled(value, rid)
    return "requires " + _params_text(body, set())


def _merge_warn(body: Warn, rule: Rule, merge: _Merge) -> str:
    merge.decisions.warnings.append(ByRule(body, rule))
    return f"warns [{body.code}]"


def _merge_effect(body: Effect, rule: Rule, merge: _Merge) -> str:
    merge.decisions.effects.append(ByRule(body, rule))
    return f"expects {body.target.value} {body.direction} ({body.timescale}, {body.evidence})"


def _merge_synergy(body: Synergy, rule: Rule, merge: _Merge) -> str:
    merge.decisions.synergies.append(ByRule(body, rule))
    return f"notes a {body.evidence} synergy of {body.therapy.value} with {body.myokine.value}"


def _merge_screen(body: Screen, rule: Rule, merge: _Merge) -> str:
    _screen(body, rule.full_id, merge.decisions)
    settings = _params_text(body, {"reason", "next_step"})
    return f"screening: {settings or 'adds a reason'} ({body.reason})"


def _merge_refuse(body: Refuse, rule: Rule, merge: _Merge) -> str:
    """The strongest refusal speaks: priority, then specificity, then id."""
    rank = merge.rank(rule)
    decisions = merge.decisions
    if decisions.refusal is None or rank < decisions.refusal_rank:
        decisions.refusal = Ruled(body, rule.full_id)
        decisions.refusal_rank = rank
    return "refuses: out of scope"


def _merge_progression(body: Progression, rule: Rule, merge: _Merge) -> str:
    """Point values, resolved like prescriptions."""
    rank = merge.rank(rule)
    for name in sorted(body.model_fields_set):
        merge.progression.setdefault(name, []).append(Candidate(getattr(body, name), rule, rank))
    return "progression: " + _params_text(body, set())


def _merge_note(body: Note, rule: Rule, merge: _Merge) -> str:
    merge.decisions.notes.append(Ruled(body, rule.full_id))
    return f"adds a note to {body.modality} sessions"


def _merge_guideline(body: GuidelineTarget, rule: Rule, merge: _Merge) -> str:
    """The stricter bar wins: the higher at_least, the lower at_most."""
    guidelines = merge.decisions.guidelines
    old = guidelines.get(body.id)
    stricter = old is not None and (
        body.bar > old.body.bar if body.at_least is not None else body.bar < old.body.bar
    )
    if old is None or stricter:
        guidelines[body.id] = ByRule(body, rule)
    return f"checks guideline {body.id}"


# Each action kind's merge: records the decision, returns a one-line description for --explain.
MERGE: dict[str, Callable[[Any, Rule, _Merge], str]] = {
    "sessions": _merge_sessions,
    "prescribe": _merge_prescription,
    "limit": _merge_limit,
    "forbid": _merge_forbid,
    "cap": _merge_cap,
    "require": _merge_requirement,
    "warn": _merge_warn,
    "effect": _merge_effect,
    "synergy": _merge_synergy,
    "screen": _merge_screen,
    "refuse": _merge_refuse,
    "progression": _merge_progression,
    "note": _merge_note,
    "guideline": _merge_guideline,
}


def _params_text(body: Any, skip: set[str]) -> str:
    parts = []
    for name in sorted(body.model_fields_set - skip):
        value = getattr(body, name)
        if isinstance(value, Bound):
            lo, hi = value.min, value.max
            value = (
                f"{lo:g}"
                if lo == hi and lo is not None
                else f"{'' if lo is None else f'{lo:g}'}..{'' if hi is None else f'{hi:g}'}"
            )
        elif hasattr(value, "value"):
            value = value.value
        parts.append(f"{name}={value}")
    return ", ".join(parts)


def _screen(body: Screen, rid: str, decisions: Decisions) -> None:
    # Rules of a phase run in id order, so the first rule to reach a level is recorded.
    if body.clearance and CLEARANCE_ORDER[body.clearance] > CLEARANCE_ORDER[decisions.clearance]:
        decisions.clearance = body.clearance
        decisions.limited_by["clearance"] = rid
    if body.referral_only and not decisions.referral_only:
        decisions.referral_only = True
        decisions.limited_by["referral"] = rid
    if (
        body.max_intensity
        and INTENSITY_ORDER[body.max_intensity] < INTENSITY_ORDER[decisions.max_intensity]
    ):
        decisions.max_intensity = body.max_intensity
        decisions.limited_by["intensity"] = rid
    decisions.reasons.append(Ruled(body.reason, rid))
    if body.next_step:
        decisions.next_steps.append(Ruled(body.next_step, rid))
    if body.before_start:
        decisions.before_start.append(Ruled(body.before_start, rid))
    decisions.screening_rules.append(rid)


def _not_screened(touched: list[str], decisions: Decisions) -> None:
    """Safety rules are off, so the screening is incomplete: clearance is required."""
    decisions.screened = False
    decisions.clearance = "required"
    decisions.limited_by["clearance"] = NOT_SCREENED
    decisions.reasons.append(
        Ruled(
            "This plan was not screened: a rule pack switched off or replaced safety rules "
            f"(--allow-safety-overrides): {', '.join(touched)}.",
            NOT_SCREENED,
        )
    )
    decisions.next_steps.append(
        Ruled(
            "See a doctor or a qualified exercise professional before the planned work, and "
            "have them screen you (PAR-Q+) with the full safety rules.",
            NOT_SCREENED,
        )
    )


def _main_weighed_with_compound(
    candidates: dict[ParamKey, list[Candidate]],
) -> dict[ParamKey, list[Candidate]]:
    """The point values to resolve, where a value set for main lifts (`role: main`) competes
    with the same value set for compound lifts, by rank as always: a main lift is a compound
    lift, so a stronger compound prescription (pregnancy's moderate sets, a short session's
    fewer sets and rests) is its value too, and a main-lift dose wins only where it ranks
    first (docs/rules.md, 8.2)."""
    out = dict(candidates)
    for (modality, role, name), group in candidates.items():
        fallback = ROLE_FALLBACK.get(role)
        if fallback is not None:
            out[(modality, role, name)] = [
                *group,
                *candidates.get((modality, fallback, name), []),
            ]
    return out


def _resolve(
    candidates: dict[ParamKey, list[Candidate]],
    into: dict[ParamKey, Resolved],
) -> None:
    for key, group in candidates.items():
        group.sort(key=lambda c: c.rank)
        winner = group[0]
        losers = [
            (c.rule.full_id, c.value) for c in group[1:] if c.rule.full_id != winner.rule.full_id
        ]
        into[key] = Resolved(winner.value, winner.rule.full_id, losers)


# ---- the enforce step ---------------------------------------------------------------------


def _ceiling(decisions: Decisions) -> tuple[Ceiling, list[str]]:
    """The block's intensity ceiling: the screening's, lowered by every `intensity_above`
    veto, by a referral (light) and by required clearance (moderate); with the vetoes that
    lowered it, in the order they did."""
    level = INTENSITY_ORDER[decisions.max_intensity]
    lowered_by: list[str] = []
    for forbid, rid in decisions.forbids:
        if forbid.intensity_above is not None:
            veto = INTENSITY_ORDER[forbid.intensity_above.value]
            if veto < level:
                level = veto
                lowered_by.append(rid)
    if decisions.referral_only:
        level = min(level, INTENSITY_ORDER["light"])
    if decisions.clearance == "required":
        level = min(level, INTENSITY_ORDER["moderate"])
    ceiling: Ceiling = ("none", "light", "moderate", "vigorous")[level]
    return ceiling, lowered_by


def _spaced_days(offered: list[int], gap: int) -> int:
    """How many of the offered weekdays (0-6) can hold a session each, every two of them at
    least `gap` days apart around the week's wrap."""
    days = sorted(set(offered))
    best = 0
    for mask in range(1 << len(days)):
        chosen = [d for i, d in enumerate(days) if mask >> i & 1]
        if len(chosen) > best and all(
            min((b - a) % 7, (a - b) % 7) >= gap
            for i, a in enumerate(chosen)
            for b in chosen[i + 1 :]
        ):
            best = len(chosen)
    return best


def enforce(decisions: Decisions, offered: list[int] | None = None) -> None:
    """Apply every safety veto and cap last, so no rule of a later phase can undo them.

    With the `offered` weekdays, a capped modality that a rule also spaces (`hours_between`)
    is cut to what those days can hold so spaced, and the message names that number: the
    week planned is the week the message states (coach review 5, DIAB-LIFT-CAP)."""
    ceiling, lowered_by = _ceiling(decisions)
    decisions.max_intensity = ceiling
    decisions.screening_rules += lowered_by
    decisions.intensity_rule = limiter = _intensity_rule(decisions)
    vetoed = decisions.forbidden("modality")
    max_level = INTENSITY_ORDER[ceiling]
    left_out: list[str] = []  # a hard stop (ceiling none): every session waits for a clinician
    for key in sorted(decisions.sessions, key=lambda k: (k[0].value, k[1])):
        decision = decisions.sessions[key]
        modality = key[0].value
        if modality in vetoed:
            decisions.removals.append(Removal(f"{modality} sessions", vetoed[modality]))
            del decisions.sessions[key]
            continue
        level = INTENSITY_ORDER[decision.request.intensity.value]
        if max_level == 0:
            if modality not in left_out:
                left_out.append(modality)
            del decisions.sessions[key]
        elif level > max_level and key[0] is Modality.HIIT:
            decisions.removals.append(
                Removal(f"{modality} sessions (above {ceiling} intensity)", limiter)
            )
            del decisions.sessions[key]
        elif level > max_level:
            decision.request = decision.request.model_copy(
                update={"intensity": IntensityClass(ceiling)}
            )
            decision.rules.append(limiter)
            decision.lowered = True
            decisions.removals.append(
                Removal(f"{modality} intensity lowered to {ceiling}", limiter)
            )
    if left_out:
        names = listed(left_out, "or")
        decisions.removals.append(
            Removal(f"no {names} sessions before a clinician has seen you", limiter)
        )
    for key, decision in sorted(
        decisions.sessions.items(), key=lambda kv: (kv[0][0].value, kv[0][1])
    ):
        cap = decisions.cap("sessions_per_week", key[0].value)
        if cap is not None and decision.per_week > cap.value:
            value = cap.value
            why = ""
            spacing = decisions.requirements.get(("hours_between", key[0].value))
            if offered and spacing is not None and not key[1] and value > 0:
                room = _spaced_days(offered, -(-spacing.value // 24))
                if room < value:
                    why = (
                        f": {cap.value} at most, and your training days hold {room} that are"
                        f" {spacing.value} hours apart"
                    )
                    value = room
            decisions.removals.append(
                Removal(
                    f"{key[0].value} sessions cut from {decision.per_week} to {value} a week{why}",
                    cap.rule,
                )
            )
            decision.per_week = value
            decision.rules.append(cap.rule)
            if value == 0:
                del decisions.sessions[key]
    _cap_hard_sessions(decisions)


def _intensity_rule(decisions: Decisions) -> str:
    """The rule behind the intensity ceiling the enforce step applies."""
    for forbid, rid in decisions.forbids:
        if (
            forbid.intensity_above is not None
            and forbid.intensity_above.value == decisions.max_intensity
        ):
            return rid
    for reason in ("intensity", "referral", "clearance"):
        if reason in decisions.limited_by:
            return decisions.limited_by[reason]
    return decisions.screening_rules[0] if decisions.screening_rules else "engine/enforce"


def _cap_hard_sessions(decisions: Decisions) -> None:
    cap = decisions.cap("hard_sessions_per_week")
    if cap is None:
        return
    limit, rid = cap

    def hard_total() -> int:
        return sum(
            d.per_week
            for (m, optional), d in decisions.sessions.items()
            if not optional and is_hard(m, d.request.intensity.value)
        )

    # Cut the weakest request first: lowest priority, then least specific, then by id.
    while hard_total() > limit:
        hard = [
            (d.rank, k)
            for k, d in decisions.sessions.items()
            if not k[1] and is_hard(k[0], d.request.intensity.value) and d.per_week > 0
        ]
        _, key = max(hard)
        decision = decisions.sessions[key]
        decision.per_week -= 1
        decision.rules.append(rid)
        decisions.removals.append(
            Removal(f"one {key[0].value} session (hard sessions capped at {limit} a week)", rid)
        )
        if decision.per_week == 0:
            del decisions.sessions[key]
