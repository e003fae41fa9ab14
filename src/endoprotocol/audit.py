"""The coach's audit: checks a finished plan against the coaching standard (COACHING.md).

Each check is named after the fault kind it looks for and returns a list of `Fault`s (empty
when the plan is clean), plus whether it applied to this person at all, so that a run over
many profiles can report how many cases each check really saw. The expectations here are
written from COACHING.md §4 and EVIDENCE.md, independently of the rule packs: a pack that
forgets a veto is caught, not excused.

Shapes: every check takes `(profile, plan, library)` and returns `Verdict(applies, faults)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from endoprotocol.plan import Exercise, Plan, Session
from endoprotocol.planner.library import ExerciseEntry, Library
from endoprotocol.profile import Profile
from endoprotocol.vocab import Condition, Experience

INTENSITY_RANK = {"none": 0, "light": 1, "moderate": 2, "vigorous": 3}
# The highest RPE (0-10) each class allows (ACSM, EVIDENCE.md §1.2: 5-6 moderate, 7-8 vigorous).
RPE_CEILING = {"none": 0.0, "light": 4.0, "moderate": 6.0, "vigorous": 10.0}
TRIAD_SIGNS = {
    Condition.MENSTRUAL_IRREGULARITY,
    Condition.LOW_ENERGY_AVAILABILITY,
    Condition.STRESS_FRACTURE_HISTORY,
}
FIRST_TRIMESTER_WEEKS = 12


@dataclass(frozen=True)
class Fault:
    check: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.where}: {self.what}"


@dataclass
class Verdict:
    applies: bool
    faults: list[Fault] = field(default_factory=list)


Check = Callable[[Profile, Plan, Library], Verdict]


# ---- who the person is (COACHING.md §4) -----------------------------------------------------


def is_frail(p: Profile) -> bool:
    """DESIGN.md v1.1: 80 or over and not currently active."""
    return p.age >= 80 and not p.currently_active


def has_triad_signs(p: Profile) -> bool:
    """Female Athlete Triad signs, or RED-S signs in a man (low energy availability)."""
    if p.sex.value == "female":
        return bool(TRIAD_SIGNS & set(p.conditions))
    return Condition.LOW_ENERGY_AVAILABILITY in p.conditions


def needs_falls_prevention(p: Profile) -> bool:
    return p.age >= 65 or Condition.FALLS_HISTORY in p.conditions


def forbidden_tags(p: Profile) -> dict[str, str]:
    """Library tags the coaching standard keeps out for this person -> the reason."""
    out: dict[str, str] = {}

    def ban(reason: str, *tags: str) -> None:
        for tag in tags:
            out.setdefault(tag, reason)

    conditions = set(p.conditions)
    if Condition.PREGNANCY in conditions:
        ban(
            "pregnancy",
            "jumping",
            "high-impact",
            "ballistic",
            "fall-risk",
            "chair",
            "skill",
            "breath-holding-prone",
        )
        if p.pregnancy_week is None or p.pregnancy_week > FIRST_TRIMESTER_WEEKS:
            ban("pregnancy after the first trimester", "supine", "prone", "head-down")
    if has_triad_signs(p):
        ban("Triad/RED-S signs", "jumping", "high-impact", "ballistic", "skill")
    if conditions & {Condition.OSTEOPOROSIS, Condition.VERTEBRAL_FRACTURE}:
        ban("osteoporosis", "spinal-flexion", "twisting", "jumping", "squat-to-press", "fall-risk")
    if Condition.VERTEBRAL_FRACTURE in conditions:
        ban("vertebral fracture", "high-impact", "heavy-spinal-load", "ballistic")
    trained = p.currently_active and p.experience is not Experience.BEGINNER
    if needs_falls_prevention(p) and not trained:
        ban("65+ or a past fall, not active and trained", "jumping", "high-impact", "ballistic")
    if Condition.FALLS_HISTORY in conditions:
        ban("a past fall", "fall-risk")
    if is_frail(p):
        ban(
            "frail (80+, not active)",
            "floor",
            "supine",
            "prone",
            "head-down",
            "fall-risk",
            "chair",
            "skill",
            "ballistic",
        )
    if Condition.KNEE_PAIN in conditions:
        ban("knee pain", "jumping", "high-impact", "knee-dominant-deep", "step-cardio")
    if Condition.SHOULDER_PAIN in conditions:
        ban("shoulder pain", "overhead", "bar-on-back", "horizontal-end-range")
    if Condition.LOW_BACK_PAIN in conditions:
        ban("low-back pain", "spinal-flexion", "heavy-spinal-load", "twisting")
    if Condition.PERIPHERAL_NEUROPATHY in conditions:
        ban("peripheral neuropathy", "jumping", "high-impact", "step-cardio")
    return out


def intervals_forbidden(p: Profile) -> str | None:
    """Why this person may not do interval training, or None."""
    conditions = set(p.conditions)
    if Condition.PREGNANCY in conditions:
        return "pregnancy"
    if has_triad_signs(p):
        return "Triad/RED-S signs"
    if Condition.VERTEBRAL_FRACTURE in conditions:
        return "vertebral fracture"
    return None


def intensity_ceiling(p: Profile, plan: Plan) -> str:
    """The stricter of the plan's own screening ceiling and the standard's for this person."""
    ceiling = plan.screening.max_intensity
    if (
        Condition.PREGNANCY in p.conditions
        or has_triad_signs(p)
        or Condition.VERTEBRAL_FRACTURE in p.conditions
        or is_frail(p)
    ):
        ceiling = min(ceiling, "moderate", key=INTENSITY_RANK.__getitem__)
    return ceiling


# ---- walking the plan -----------------------------------------------------------------------


def sessions(plan: Plan) -> Iterator[tuple[str, Session]]:
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                yield f"week {week.week} {day.day.value} '{s.title}'", s


def exercises(plan: Plan) -> Iterator[tuple[str, Session, Exercise]]:
    for where, s in sessions(plan):
        for e in s.exercises:
            yield f"{where} / {e.name}", s, e


def _by_name(library: Library) -> dict[str, ExerciseEntry]:
    return {e.name: e for e in library.exercises}


# ---- the checks -----------------------------------------------------------------------------


def vetoed_tag_in_plan(p: Profile, plan: Plan, library: Library) -> Verdict:
    """No exercise, nor any alternative offered, carries a tag the standard forbids."""
    banned = forbidden_tags(p)
    verdict = Verdict(applies=bool(banned))
    if not banned:
        return verdict
    entries = _by_name(library)
    for where, _s, e in exercises(plan):
        for name in [e.name, *e.alternatives]:
            entry = entries.get(name)
            for tag in entry.tags if entry else []:
                if tag in banned:
                    label = name if name == e.name else f"alternative {name}"
                    verdict.faults.append(
                        Fault("vetoed-tag-in-plan", where, f"{label} is {tag} ({banned[tag]})")
                    )
    return verdict


def session_above_ceiling(p: Profile, plan: Plan, library: Library) -> Verdict:
    """No session, and no prescribed effort, above the person's intensity ceiling."""
    ceiling = intensity_ceiling(p, plan)
    verdict = Verdict(applies=ceiling != "vigorous")
    top = RPE_CEILING[ceiling]
    for where, s in sessions(plan):
        if INTENSITY_RANK[s.intensity_class.value] > INTENSITY_RANK[ceiling]:
            verdict.faults.append(
                Fault("session-above-ceiling", where, f"{s.intensity_class.value} > {ceiling}")
            )
        for e in s.exercises:
            rpe = e.intensity.rpe
            if rpe is not None and rpe.max > top:
                verdict.faults.append(
                    Fault(
                        "session-above-ceiling",
                        f"{where} / {e.name}",
                        f"RPE up to {rpe.max:g} above the {ceiling} ceiling ({top:g})",
                    )
                )
    return verdict


def intervals_where_forbidden(p: Profile, plan: Plan, library: Library) -> Verdict:
    """No interval session and no interval exercise where the standard forbids them."""
    why = intervals_forbidden(p)
    verdict = Verdict(applies=why is not None)
    if why is None:
        return verdict
    for where, s in sessions(plan):
        if s.modality.value == "hiit" or any(e.pattern.value == "intervals" for e in s.exercises):
            verdict.faults.append(Fault("intervals-where-forbidden", where, why))
    return verdict


def suggestion_against_safety(p: Profile, plan: Plan, library: Library) -> Verdict:
    """Referral plans suggest nothing; no suggestion proposes what a safety rule holds back."""
    held = plan.screening.referral_only or has_triad_signs(p)
    verdict = Verdict(applies=held or any(g.held_by for g in plan.guidelines))
    for g in plan.guidelines:
        if g.suggestion is None:
            continue
        if plan.screening.referral_only:
            verdict.faults.append(
                Fault("suggestion-against-safety", g.id, "a referral-only plan suggests more")
            )
        elif g.held_by:
            verdict.faults.append(
                Fault("suggestion-against-safety", g.id, f"suggests past {g.held_by}")
            )
        elif has_triad_signs(p) and g.id == "who-2020-aerobic":
            verdict.faults.append(
                Fault("suggestion-against-safety", g.id, "suggests more endurance with Triad signs")
            )
    return verdict


def referral_plan_not_empty(p: Profile, plan: Plan, library: Library) -> Verdict:
    """A referral-only plan holds nothing above light intensity."""
    verdict = Verdict(applies=plan.screening.referral_only)
    if not plan.screening.referral_only:
        return verdict
    for where, s in sessions(plan):
        if INTENSITY_RANK[s.intensity_class.value] > INTENSITY_RANK["light"]:
            verdict.faults.append(
                Fault("referral-plan-not-empty", where, f"{s.intensity_class.value} session")
            )
    return verdict


def triad_load_not_held(p: Profile, plan: Plan, library: Library) -> Verdict:
    """Triad/RED-S: at most 2 hard sessions a week, endurance minutes never above week 1's."""
    verdict = Verdict(applies=has_triad_signs(p))
    if not verdict.applies:
        return verdict
    first = None
    for week in plan.weeks:
        hard = [
            s
            for d in week.days
            for s in d.sessions
            if s.modality.value in ("resistance", "hiit") or s.intensity_class.value == "vigorous"
        ]
        if len(hard) > 2:
            verdict.faults.append(
                Fault("triad-load-not-held", f"week {week.week}", f"{len(hard)} hard sessions")
            )
        minutes = sum(
            s.duration_minutes
            for d in week.days
            for s in d.sessions
            if s.modality.value == "endurance"
        )
        first = minutes if first is None else first
        if minutes > first:
            verdict.faults.append(
                Fault(
                    "triad-load-not-held",
                    f"week {week.week}",
                    f"{minutes} endurance minutes, above week 1's {first}",
                )
            )
    if plan.screening.clearance == "none":
        verdict.faults.append(Fault("triad-load-not-held", "screening", "no clearance advised"))
    return verdict


def pregnancy_strength_not_moderate(p: Profile, plan: Plan, library: Library) -> Verdict:
    """Pregnancy: strength sets at moderate effort, 4+ reps in reserve, 8+ reps a set."""
    verdict = Verdict(applies=Condition.PREGNANCY in p.conditions)
    if not verdict.applies:
        return verdict
    for where, s, e in exercises(plan):
        if s.modality.value != "resistance":
            continue
        rir, reps = e.intensity.rir, e.reps
        if rir is not None and rir.min < 4:
            verdict.faults.append(
                Fault("pregnancy-strength-not-moderate", where, f"RIR {rir.min:g}")
            )
        if reps is not None and reps.min < 8:
            verdict.faults.append(
                Fault("pregnancy-strength-not-moderate", where, f"{reps.min:g} reps")
            )
    return verdict


def falls_prevention_missing(p: Profile, plan: Plan, library: Library) -> Verdict:
    """Falls prevention: balance on 3+ days, reported honestly in who-2020-balance."""
    verdict = Verdict(applies=needs_falls_prevention(p) and not plan.screening.referral_only)
    if not verdict.applies or plan.screening.max_intensity == "none":
        return verdict
    balance_days = sum(
        1 for d in plan.days if any(s.modality.value == "balance" for s in d.sessions)
    )
    required_days = sum(
        1
        for d in plan.days
        if any(s.modality.value == "balance" and not s.optional for s in d.sessions)
    )
    if balance_days < 3:
        verdict.faults.append(
            Fault("falls-prevention-missing", "week 1", f"balance on {balance_days} day(s)")
        )
    for g in plan.guidelines:
        if g.id == "who-2020-balance" and (
            g.met != (required_days >= 3) or g.met_with_optional != (balance_days >= 3)
        ):
            verdict.faults.append(
                Fault(
                    "falls-prevention-missing",
                    g.id,
                    f"reports met={g.met}/{g.met_with_optional} for {required_days} required "
                    f"and {balance_days} total balance days",
                )
            )
    return verdict


SAFETY_CHECKS: dict[str, Check] = {
    "vetoed-tag-in-plan": vetoed_tag_in_plan,
    "session-above-ceiling": session_above_ceiling,
    "intervals-where-forbidden": intervals_where_forbidden,
    "suggestion-against-safety": suggestion_against_safety,
    "referral-plan-not-empty": referral_plan_not_empty,
    "triad-load-not-held": triad_load_not_held,
    "pregnancy-strength-not-moderate": pregnancy_strength_not_moderate,
    "falls-prevention-missing": falls_prevention_missing,
}


# ---- dose and progression (COACHING.md §3) ----------------------------------------------


def _week_signature(plan: Plan, index: int) -> tuple[object, ...]:
    week = plan.weeks[index]
    lifting = any(s.modality.value == "resistance" for d in week.days for s in d.sessions)
    return (
        week.load_change_pct if lifting else None,  # a load change without lifting is no change
        tuple(
            (
                s.title,
                s.duration_minutes,
                tuple(
                    (
                        e.name,
                        e.sets,
                        (e.reps.min, e.reps.max) if e.reps else None,
                        (e.work_seconds.min, e.work_seconds.max) if e.work_seconds else None,
                    )
                    for e in s.exercises
                ),
            )
            for d in week.days
            for s in d.sessions
        ),
    )


def week_does_not_progress(p: Profile, plan: Plan, library: Library) -> Verdict:
    """Each non-deload week differs from the one before (sets, reps, load, minutes, rounds);
    referral-only and light-only plans keep their weeks."""
    above_light = any(
        INTENSITY_RANK[s.intensity_class.value] > INTENSITY_RANK["light"]
        for _where, s in sessions(plan)
    )
    verdict = Verdict(applies=above_light and len(plan.weeks) > 1)
    if not verdict.applies:
        return verdict
    for i in range(1, len(plan.weeks)):
        if plan.weeks[i].deload:
            continue
        if _week_signature(plan, i) == _week_signature(plan, i - 1):
            verdict.faults.append(
                Fault(
                    "week-does-not-progress",
                    f"week {plan.weeks[i].week}",
                    f"identical to week {plan.weeks[i - 1].week}",
                )
            )
    return verdict


def deload_cut_misstated(p: Profile, plan: Plan, library: Library) -> Verdict:
    """A deload week's note states the cut in lifting sets that the week really makes."""
    verdict = Verdict(applies=any(w.deload for w in plan.weeks[1:]))

    def lifting_sets(index: int) -> int:
        return sum(
            e.sets
            for d in plan.weeks[index].days
            for s in d.sessions
            if s.modality.value == "resistance"
            for e in s.exercises
        )

    for i, week in enumerate(plan.weeks):
        if not week.deload or i == 0:
            continue
        before, after = lifting_sets(i - 1), lifting_sets(i)
        real = round(100 * (1 - after / before)) if before else 0
        for note in week.notes:
            stated = re.search(r"(-?\d+)% fewer sets", note)
            if stated and int(stated.group(1)) != real:
                verdict.faults.append(
                    Fault(
                        "deload-cut-misstated",
                        f"week {week.week}",
                        f"says {stated.group(1)}% fewer sets, cuts {real}%",
                    )
                )
    return verdict


PROGRESSION_CHECKS: dict[str, Check] = {
    "week-does-not-progress": week_does_not_progress,
    "deload-cut-misstated": deload_cut_misstated,
}


ALL_CHECKS: dict[str, Check] = {**SAFETY_CHECKS, **PROGRESSION_CHECKS}


def audit(
    p: Profile, plan: Plan, library: Library, checks: dict[str, Check] | None = None
) -> dict[str, Verdict]:
    """Run the checks (default: every check) on one plan: check name -> verdict."""
    return {name: check(p, plan, library) for name, check in (checks or ALL_CHECKS).items()}
