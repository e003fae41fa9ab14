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

from dataclasses import dataclass, field
from typing import Any

from endoprotocol.engine.facts import FACTS, Decisions
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
from endoprotocol.vocab import INTENSITY_ORDER, IntensityClass, Modality

Truth = bool | None  # None: unknown (a fact the profile does not give)

CLEARANCE_ORDER = {"none": 0, "recommended": 1, "required": 2}
# Stands in for the safety rules a pack switched off (--allow-safety-overrides).
NOT_SCREENED = "engine/not-screened"


# ---- condition evaluation -------------------------------------------------------------------


@dataclass(frozen=True)
class LeafTrace:
    """One leaf of a fired rule: what it tested, the person's value, and the result."""

    fact: str
    op: str
    value: Any
    actual: Any
    result: Truth
    where: str


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

    def __init__(self, profile: Profile, decisions: Decisions, rules: RuleSet) -> None:
        self.profile = profile
        self.decisions = decisions
        self.conditions = rules.conditions
        self._named: dict[str, tuple[Truth, dict[int, LeafTrace]]] = {}

    def test(self, node: ConditionNode | None, trace: list[LeafTrace]) -> Truth:
        """The truth of `node`; each leaf it tested is added to `trace` once."""
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

    def _leaf(self, leaf: Leaf) -> LeafTrace:
        actual = FACTS[leaf.fact].get(self.profile, self.decisions)
        result: Truth
        if leaf.op is Op.EXISTS:
            result = (actual is not None) == (leaf.value is not False)
        elif actual is None:
            result = None
        else:
            result = _compare(leaf.op, actual, leaf.value)
        where = str(leaf.pos) if leaf.pos else "?"
        return LeafTrace(leaf.fact, leaf.op.value, leaf.value, actual, result, where)


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
    rank: tuple[int, int, str]  # (-priority, -specificity, id): smallest wins


@dataclass
class Resolved:
    value: Any
    rule: str
    overridden: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class SessionDecision:
    request: SessionRequest
    per_week: int
    rules: list[str]
    rank: tuple[int, int, str]
    lowered: bool = False  # the enforce step lowered its intensity class


@dataclass
class Removal:
    """Something the enforce step took out or cut, and the rule that made it."""

    what: str
    rule: str


@dataclass
class Fired:
    rule: Rule
    trace: list[LeafTrace]
    actions: list[str]
    unknown: bool = False


@dataclass
class Outcome:
    """Everything the planner needs, with the rule ids behind each decision."""

    clearance: str = "none"
    screened: bool = True  # false when a pack switched safety rules off
    referral_only: bool = False
    max_intensity: str = "vigorous"
    reasons: list[tuple[str, str]] = field(default_factory=list)
    next_steps: list[tuple[str, str]] = field(default_factory=list)
    screening_rules: list[str] = field(default_factory=list)
    limited_by: dict[str, str] = field(default_factory=dict)  # which rule set each ceiling
    refusal: tuple[Refuse, str] | None = None
    refusal_rank: tuple[int, int, str] = (0, 0, "")
    sessions: dict[tuple[Modality, bool], SessionDecision] = field(default_factory=dict)
    params: dict[tuple[str, str, str], Resolved] = field(default_factory=dict)
    limits: dict[tuple[str, str, str], tuple[Bound, list[str]]] = field(default_factory=dict)
    forbids: list[tuple[Forbid, str]] = field(default_factory=list)
    caps: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    requirements: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    warnings: list[tuple[Warn, Rule]] = field(default_factory=list)
    effects: list[tuple[Effect, Rule]] = field(default_factory=list)
    synergies: list[tuple[Synergy, Rule]] = field(default_factory=list)
    notes: list[tuple[Note, str]] = field(default_factory=list)
    guidelines: dict[str, tuple[GuidelineTarget, Rule]] = field(default_factory=dict)
    progression: dict[str, Resolved] = field(default_factory=dict)
    fired: list[Fired] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    # the decisions earlier phases made readable as facts; the review phase reads them too
    facts: dict[str, Any] = field(default_factory=dict)

    # -- lookups the planner uses --
    def param(self, modality: str, role: str, name: str) -> Resolved | None:
        """The winning point value, most specific scope first (role, then modality, then all)."""
        for key in _scopes(modality, role, name):
            if key in self.params:
                return self.params[key]
        return None

    def limit(self, modality: str, role: str, name: str) -> tuple[Bound | None, list[str]]:
        low: float | None = None
        high: float | None = None
        rules: list[str] = []
        for key in _scopes(modality, role, name):
            if key in self.limits:
                bound, ids = self.limits[key]
                if bound.min is not None:
                    low = bound.min if low is None else max(low, bound.min)
                if bound.max is not None:
                    high = bound.max if high is None else min(high, bound.max)
                rules += ids
        if low is None and high is None:
            return None, []
        return Bound.model_construct(min=low, max=high), rules

    def requirement(self, kind: str, scope: str = "") -> tuple[int, str] | None:
        return self.requirements.get((kind, scope))

    def cap(self, kind: str, scope: str = "") -> tuple[int, str] | None:
        return self.caps.get((kind, scope))

    def forbidden(self, kind: str) -> dict[str, str]:
        """Vetoed values of one kind (modality, pattern, tag, exercise) -> the vetoing rule."""
        out: dict[str, str] = {}
        for forbid, rule in self.forbids:
            value = getattr(forbid, kind)
            if value is not None:
                out.setdefault(str(value), rule)
        return out


def _scopes(modality: str, role: str, name: str) -> list[tuple[str, str, str]]:
    """Where a parameter may be set, most specific first; duplicates removed."""
    keys = [
        (modality, role, name),
        (modality, "any", name),
        ("all", role, name),
        ("all", "any", name),
    ]
    return list(dict.fromkeys(keys))


def _rank(rule: Rule, rules: RuleSet) -> tuple[int, int, str]:
    return (-rule.priority, -specificity(rule, rules), rule.full_id)


def scope_refusal(profile: Profile, rules: RuleSet) -> tuple[Refuse, str] | None:
    """The age scope: the strongest refusal of the built-in scope rules that fire, if any.

    Checked apart from `evaluate`, over every scope rule whether a pack switched it off or
    not: no pack, `disable`, `overrides` or flag changes who the tool plans for.
    """
    context = _Context(profile, Decisions({}), rules)
    found: list[tuple[tuple[int, int, str], Refuse, str]] = []
    for rule in rules.scope:
        truth = context.test(rule.when, [])
        if truth is True or (truth is None and rule.on_unknown == "fire"):
            rank = _rank(rule, rules)
            found += [(rank, a.body, rule.full_id) for a in rule.then if isinstance(a.body, Refuse)]
    if not found:
        return None
    _, refusal, rid = min(found, key=lambda f: f[0])
    return refusal, rid


def evaluate(profile: Profile, rules: RuleSet) -> Outcome:
    """Run every active rule over the profile, phase by phase, then enforce safety."""
    outcome = Outcome()
    if rules.safety_overridden:
        _not_screened(rules.safety_overridden, outcome)
    point: dict[tuple[str, str, str], list[Candidate]] = {}
    progression: dict[str, list[Candidate]] = {}
    decided: dict[str, Any] = {}
    by_phase: dict[Phase, list[Rule]] = {p: [] for p in PHASE_ORDER}
    for rule in rules.active_rules:
        by_phase[rule.phase].append(rule)
    for phase in PHASE_ORDER:
        if phase is Phase.REVIEW:
            continue  # runs on the built plan (engine/review.py)
        context = _Context(profile, Decisions(dict(decided)), rules)
        for rule in sorted(by_phase[phase], key=lambda r: r.full_id):
            trace: list[LeafTrace] = []
            truth = context.test(rule.when, trace)
            fires = truth is True or (truth is None and rule.on_unknown == "fire")
            if not fires:
                continue
            fired = Fired(rule, trace, [], unknown=truth is None)
            outcome.fired.append(fired)
            for action in rule.then:
                fired.actions.append(
                    _apply(action.kind, action.body, rule, rules, outcome, point, progression)
                )
        if phase is Phase.SAFETY:
            decided.update(_screening_facts(outcome))
        elif phase is Phase.PRESCRIBE:
            decided.update(_plan_facts(outcome))
    _resolve(point, outcome.params)
    resolved: dict[tuple[str, str, str], Resolved] = {}
    _resolve({("progression", "any", k): v for k, v in progression.items()}, resolved)
    outcome.progression = {k[2]: v for k, v in resolved.items()}
    enforce(outcome)
    outcome.facts = decided
    return outcome


def _screening_facts(outcome: Outcome) -> dict[str, Any]:
    """What later phases may read: the screening as the enforce step will apply it."""
    ceiling = INTENSITY_ORDER[outcome.max_intensity]
    for forbid, _rid in outcome.forbids:
        if forbid.intensity_above is not None:
            ceiling = min(ceiling, INTENSITY_ORDER[forbid.intensity_above.value])
    if outcome.referral_only:
        ceiling = min(ceiling, INTENSITY_ORDER["light"])
    if outcome.clearance == "required":
        ceiling = min(ceiling, INTENSITY_ORDER["moderate"])
    effective = next(k for k, v in INTENSITY_ORDER.items() if v == ceiling)
    return {
        "screening.clearance": outcome.clearance,
        "screening.max_intensity": effective,
        "screening.referral_only": outcome.referral_only,
        "forbidden.modalities": sorted(outcome.forbidden("modality")),
        "forbidden.tags": sorted(outcome.forbidden("tag")),
    }


def _plan_facts(outcome: Outcome) -> dict[str, Any]:
    vetoed = outcome.forbidden("modality")
    counts: dict[str, int] = {m.value: 0 for m in Modality}
    for (modality, optional), decision in outcome.sessions.items():
        if modality.value not in vetoed and not optional:
            # counted after the caps decided so far, so a split chosen from it fits the week
            cap = outcome.cap("sessions_per_week", modality.value)
            counts[modality.value] += min(decision.per_week, cap[0]) if cap else decision.per_week
    facts: dict[str, Any] = {f"sessions.{m}": n for m, n in counts.items()}
    facts["plan.modalities"] = sorted(m for m, n in counts.items() if n > 0)
    return facts


def _apply(
    kind: str,
    body: Any,
    rule: Rule,
    rules: RuleSet,
    outcome: Outcome,
    point: dict[tuple[str, str, str], list[Candidate]],
    progression: dict[str, list[Candidate]],
) -> str:
    """Record one action's decision; return a one-line description for --explain."""
    rid = rule.full_id
    rank = _rank(rule, rules)
    if isinstance(body, SessionRequest):
        skey = (body.modality, body.optional)
        current = outcome.sessions.get(skey)
        if current is None:
            outcome.sessions[skey] = SessionDecision(body, body.per_week, [rid], rank)
        else:
            current.rules.append(rid)
            current.per_week = max(current.per_week, body.per_week)
            if rank < current.rank:
                current.request, current.rank = body, rank
        extra = " optional" if body.optional else ""
        return (
            f"asks for {body.per_week}x/week{extra} {body.modality.value} ({body.intensity.value})"
        )
    if isinstance(body, Prescription):
        for name in sorted(body.model_fields_set - {"modality", "role"}):
            key = (str(body.modality), body.role, name)
            point.setdefault(key, []).append(Candidate(getattr(body, name), rule, rank))
        return f"prescribes {body.modality} ({body.role}): " + _params_text(
            body, {"modality", "role"}
        )
    if isinstance(body, Limit):
        for name in sorted(body.model_fields_set - {"modality", "role"}):
            lkey = (str(body.modality), body.role, name)
            new: Bound = getattr(body, name)
            known = outcome.limits.get(lkey)
            if known is None:
                outcome.limits[lkey] = (new, [rid])
            else:
                low = [v for v in (known[0].min, new.min) if v is not None]
                high = [v for v in (known[0].max, new.max) if v is not None]
                merged = Bound.model_construct(
                    min=max(low) if low else None, max=min(high) if high else None
                )
                outcome.limits[lkey] = (merged, [*known[1], rid])
        return f"limits {body.modality} ({body.role}): " + _params_text(body, {"modality", "role"})
    if isinstance(body, Forbid):
        outcome.forbids.append((body, rid))
        (name,) = body.model_fields_set
        return f"forbids {name.replace('_', ' ')} {getattr(body, name)}"
    if isinstance(body, Cap):
        scope = body.modality.value if body.modality else ""
        for name in sorted(body.model_fields_set - {"modality"}):
            cap_value: int = getattr(body, name)
            cap_old = outcome.caps.get((name, scope))
            if cap_old is None or (cap_value, rid) < cap_old:
                outcome.caps[(name, scope)] = (cap_value, rid)
        return "caps " + _params_text(body, set())
    if isinstance(body, Requirement):
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
        for kind_, scope, value in pairs:
            old_req = outcome.requirements.get((kind_, scope))
            if old_req is None or value > old_req[0] or (value == old_req[0] and rid < old_req[1]):
                outcome.requirements[(kind_, scope)] = (value, rid)
        if body.max_days_without_activity is not None:
            old_req = outcome.requirements.get(("max_days_without_activity", ""))
            value = body.max_days_without_activity
            if old_req is None or value < old_req[0] or (value == old_req[0] and rid < old_req[1]):
                outcome.requirements[("max_days_without_activity", "")] = (value, rid)
        return "requires " + _params_text(body, set())
    if isinstance(body, Warn):
        outcome.warnings.append((body, rule))
        return f"warns [{body.code}]"
    if isinstance(body, Effect):
        outcome.effects.append((body, rule))
        return f"expects {body.target.value} {body.direction} ({body.timescale}, {body.evidence})"
    if isinstance(body, Synergy):
        outcome.synergies.append((body, rule))
        return f"notes a {body.evidence} synergy of {body.therapy.value} with {body.myokine.value}"
    if isinstance(body, Screen):
        _screen(body, rid, outcome)
        settings = _params_text(body, {"reason", "next_step"})
        return f"screening: {settings or 'adds a reason'} ({body.reason})"
    if isinstance(body, Refuse):
        # the strongest refusal speaks: priority, then specificity, then id
        if outcome.refusal is None or rank < outcome.refusal_rank:
            outcome.refusal = (body, rid)
            outcome.refusal_rank = rank
        return "refuses: out of scope"
    if isinstance(body, Progression):
        for name in sorted(body.model_fields_set):
            progression.setdefault(name, []).append(Candidate(getattr(body, name), rule, rank))
        return "progression: " + _params_text(body, set())
    if isinstance(body, Note):
        outcome.notes.append((body, rid))
        return f"adds a note to {body.modality} sessions"
    if isinstance(body, GuidelineTarget):
        old_g = outcome.guidelines.get(body.id)
        # the stricter bar wins: the higher at_least, the lower at_most
        stricter = old_g is not None and (
            body.bar > old_g[0].bar if body.at_least is not None else body.bar < old_g[0].bar
        )
        if old_g is None or stricter:
            outcome.guidelines[body.id] = (body, rule)
        return f"checks guideline {body.id}"
    raise AssertionError(f"unhandled action {kind}")  # pragma: no cover


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


def _screen(body: Screen, rid: str, outcome: Outcome) -> None:
    # Rules of a phase run in id order, so the first rule to reach a level is recorded.
    if body.clearance and CLEARANCE_ORDER[body.clearance] > CLEARANCE_ORDER[outcome.clearance]:
        outcome.clearance = body.clearance
        outcome.limited_by["clearance"] = rid
    if body.referral_only and not outcome.referral_only:
        outcome.referral_only = True
        outcome.limited_by["referral"] = rid
    if (
        body.max_intensity
        and INTENSITY_ORDER[body.max_intensity] < INTENSITY_ORDER[outcome.max_intensity]
    ):
        outcome.max_intensity = body.max_intensity
        outcome.limited_by["intensity"] = rid
    outcome.reasons.append((body.reason, rid))
    if body.next_step:
        outcome.next_steps.append((body.next_step, rid))
    outcome.screening_rules.append(rid)


def _not_screened(touched: list[str], outcome: Outcome) -> None:
    """Safety rules are off, so the screening is incomplete: clearance is required."""
    outcome.screened = False
    outcome.clearance = "required"
    outcome.limited_by["clearance"] = NOT_SCREENED
    outcome.reasons.append(
        (
            "This plan was not screened: a rule pack switched off or replaced safety rules "
            f"(--allow-safety-overrides): {', '.join(touched)}.",
            NOT_SCREENED,
        )
    )
    outcome.next_steps.append(
        (
            "See a doctor or a qualified exercise professional before the planned work, and "
            "have them screen you (PAR-Q+) with the full safety rules.",
            NOT_SCREENED,
        )
    )


def _resolve(
    candidates: dict[tuple[str, str, str], list[Candidate]],
    into: dict[tuple[str, str, str], Resolved],
) -> None:
    for key, group in candidates.items():
        group.sort(key=lambda c: c.rank)
        winner = group[0]
        losers = [
            (c.rule.full_id, c.value) for c in group[1:] if c.rule.full_id != winner.rule.full_id
        ]
        into[key] = Resolved(winner.value, winner.rule.full_id, losers)


# ---- the enforce step ---------------------------------------------------------------------


def enforce(outcome: Outcome) -> None:
    """Apply every safety veto and cap last, so no rule of a later phase can undo them."""
    for forbid, rid in outcome.forbids:
        if forbid.intensity_above is not None:
            ceiling = forbid.intensity_above.value
            if INTENSITY_ORDER[ceiling] < INTENSITY_ORDER[outcome.max_intensity]:
                outcome.max_intensity = ceiling
                outcome.screening_rules.append(rid)
    if outcome.referral_only and INTENSITY_ORDER[outcome.max_intensity] > INTENSITY_ORDER["light"]:
        outcome.max_intensity = "light"
    if (
        outcome.clearance == "required"
        and INTENSITY_ORDER[outcome.max_intensity] > INTENSITY_ORDER["moderate"]
    ):
        outcome.max_intensity = "moderate"
    vetoed = outcome.forbidden("modality")
    max_level = INTENSITY_ORDER[outcome.max_intensity]
    limiter = _intensity_rule(outcome)
    for key in sorted(outcome.sessions, key=lambda k: (k[0].value, k[1])):
        decision = outcome.sessions[key]
        modality = key[0].value
        if modality in vetoed:
            outcome.removals.append(Removal(f"{modality} sessions", vetoed[modality]))
            del outcome.sessions[key]
            continue
        level = INTENSITY_ORDER[decision.request.intensity.value]
        if max_level == 0 or (level > max_level and key[0] is Modality.HIIT):
            outcome.removals.append(
                Removal(f"{modality} sessions (above {outcome.max_intensity} intensity)", limiter)
            )
            del outcome.sessions[key]
        elif level > max_level:
            decision.request = decision.request.model_copy(
                update={"intensity": IntensityClass(outcome.max_intensity)}
            )
            decision.rules.append(limiter)
            decision.lowered = True
            outcome.removals.append(
                Removal(f"{modality} intensity lowered to {outcome.max_intensity}", limiter)
            )
    for key, decision in sorted(
        outcome.sessions.items(), key=lambda kv: (kv[0][0].value, kv[0][1])
    ):
        cap = outcome.cap("sessions_per_week", key[0].value)
        if cap is not None and decision.per_week > cap[0]:
            outcome.removals.append(
                Removal(
                    f"{key[0].value} sessions cut from {decision.per_week} to {cap[0]} a week",
                    cap[1],
                )
            )
            decision.per_week = cap[0]
            decision.rules.append(cap[1])
            if cap[0] == 0:
                del outcome.sessions[key]
    _cap_hard_sessions(outcome)


def _intensity_rule(outcome: Outcome) -> str:
    """The rule behind the intensity ceiling the enforce step applies."""
    for forbid, rid in outcome.forbids:
        if (
            forbid.intensity_above is not None
            and forbid.intensity_above.value == outcome.max_intensity
        ):
            return rid
    for reason in ("intensity", "referral", "clearance"):
        if reason in outcome.limited_by:
            return outcome.limited_by[reason]
    return outcome.screening_rules[0] if outcome.screening_rules else "engine/enforce"


def is_hard(modality: Modality, intensity: str) -> bool:
    """DESIGN.md: a hard session is resistance or HIIT, or any vigorous session."""
    return modality in (Modality.RESISTANCE, Modality.HIIT) or intensity == "vigorous"


def _cap_hard_sessions(outcome: Outcome) -> None:
    cap = outcome.cap("hard_sessions_per_week")
    if cap is None:
        return
    limit, rid = cap

    def hard_total() -> int:
        return sum(
            d.per_week
            for (m, optional), d in outcome.sessions.items()
            if not optional and is_hard(m, d.request.intensity.value)
        )

    # Cut the weakest request first: lowest priority, then least specific, then by id.
    while hard_total() > limit:
        hard = [
            (d.rank, k)
            for k, d in outcome.sessions.items()
            if not k[1] and is_hard(k[0], d.request.intensity.value) and d.per_week > 0
        ]
        _, key = max(hard)
        decision = outcome.sessions[key]
        decision.per_week -= 1
        decision.rules.append(rid)
        outcome.removals.append(
            Removal(f"one {key[0].value} session (hard sessions capped at {limit} a week)", rid)
        )
        if decision.per_week == 0:
            del outcome.sessions[key]
