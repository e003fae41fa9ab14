"""Small formatting helpers shared by the renderers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from endoprotocol.plan import Exercise, Intensity, Plan, Range, ScreeningOutcome, Warning
from endoprotocol.vocab import INTENSITY_ORDER, Modality


@dataclass(frozen=True)
class View:
    """How a plan is shown as text: the width in columns and what to include."""

    width: int = 80
    color: bool = False
    ascii: bool = False  # a dumb terminal: plain box characters and bars
    compact: bool = False  # header, screening, warnings and the week only
    full: bool = False  # every expected effect in full, with sources
    alternatives: bool = False  # the alternatives to each exercise
    explain: bool = False


def fmt_range(r: Range | None, unit: str = "") -> str:
    if r is None:
        return ""
    lo, hi = (int(v) if float(v).is_integer() else v for v in (r.min, r.max))
    return f"{lo}{unit}" if lo == hi else f"{lo}-{hi}{unit}"


def fmt_seconds(r: Range | None) -> str:
    if r is None:
        return ""
    if r.min >= 120 and r.min % 60 == 0 and r.max % 60 == 0:
        return fmt_range(Range.of(r.min / 60, r.max / 60), " min")
    return fmt_range(r, " s")


def fmt_intensity(i: Intensity) -> str:
    parts = []
    if i.pct_1rm:
        parts.append(f"{fmt_range(i.pct_1rm)}% 1RM")
    if i.rpe:
        parts.append(f"RPE {fmt_range(i.rpe)}")
    if i.rir:
        parts.append(f"{fmt_range(i.rir)} RIR")
    if i.hr_max_pct:
        parts.append(f"{fmt_range(i.hr_max_pct)}% HRmax")
    return ", ".join(parts)


def fmt_dose(e: Exercise) -> str:
    if e.reps is not None:
        return f"{e.sets} x {fmt_range(e.reps)}"
    work = fmt_seconds(e.work_seconds)
    return f"{e.sets} x {work}" if e.sets > 1 else work


def fmt_effort(i: Intensity) -> str:
    """How hard, as a person reads it: %1RM, RPE, RIR and %HRmax (the talk test is left to the
    session's advice)."""
    return fmt_intensity(i)


def fmt_days(days: list[str]) -> str:
    return ", ".join(d[:3].capitalize() for d in days)


def header_lines(plan: Plan) -> list[str]:
    """Who the plan is for, in a few short lines; the first is the title."""
    p = plan.profile
    active = "active" if p.get("currently_active") else "not yet regularly active"
    lines = [
        f"Weekly exercise plan: {p['age']}-year-old {p['sex']}, "
        f"{p.get('experience', 'beginner')}, {active}",
        f"Goals (first = priority): {', '.join(p['goals'])}",
    ]
    health = [f"therapies: {', '.join(p.get('therapies') or []) or 'none'}"]
    if p.get("conditions"):
        health.append(f"conditions: {', '.join(p['conditions'])}")
    if p.get("pregnancy_week"):
        health.append(f"pregnancy week {p['pregnancy_week']}")
    lines.append("; ".join(health).capitalize())
    days = p.get("days") or []
    lines.append(
        f"Days: {fmt_days(days) if days else p.get('days_per_week', '?')}; "
        f"{p.get('minutes_per_session', '?')} min a session; {len(plan.weeks)}-week block"
    )
    if not screening_boxed(plan.screening):
        lines.append(screening_title(plan))
    return lines


def screening_boxed(s: ScreeningOutcome) -> bool:
    """Whether the screening gets its own box at the top: a clinician to see, a referral, or
    something to wait for before week 1 (a passing illness)."""
    return s.clearance != "none" or s.referral_only or bool(s.before_start)


def ceiling_by_week(plan: Plan) -> str:
    """The highest intensity allowed, week by week where week-scoped rules hold the first
    weeks lower than the block (light in weeks 1-2, moderate in weeks 3-4, vigorous from
    week 5), else the block's one ceiling."""
    runs: list[tuple[str, int, int]] = []
    for w in plan.weeks:
        if runs and runs[-1][0] == w.max_intensity:
            runs[-1] = (w.max_intensity, runs[-1][1], w.week)
        else:
            runs.append((w.max_intensity, w.week, w.week))
    # a screening that asks for a professional's check before vigorous efforts (PAR-Q+: over
    # 45 and not used to them) allows vigorous only after that check: the line says so, as
    # the week that first steps past moderate does (coach review 24,
    # CEILING-HEADLINE-CONTRADICTS-CAUTIOUS-START: "vigorous from week 5" above an inactive
    # 70-year-old's eight light weeks)
    checked = any(VIGOROUS.search(step) for step in plan.screening.next_steps)
    text: str = plan.screening.max_intensity
    top: str = text
    if len(runs) > 1:
        parts = []
        for i, (ceiling, first, last) in enumerate(runs):
            if i == len(runs) - 1 and first < last:
                parts.append(f"{ceiling} from week {first}")
            else:
                parts.append(
                    f"{ceiling} in week {first}"
                    if first == last
                    else f"{ceiling} in weeks {first}-{last}"
                )
        text, top = ", ".join(parts), runs[-1][0]
    elif runs and INTENSITY_ORDER[runs[0][0]] < INTENSITY_ORDER[text]:
        # every week of a short block held below the screening's ceiling (a passing
        # illness's two light weeks in a 2-week block): the line gives the block's ceiling,
        # not one no week of it reaches (block lengths the audit did not draw, session 24)
        ceiling, first, last = runs[0]
        text = (
            f"{ceiling} in week {first}" if first == last else f"{ceiling} in weeks {first}-{last}"
        )
    return f"{text} {AFTER_CHECK}" if checked and top == "vigorous" else text


VIGOROUS = re.compile(r"\bvigorous\b", re.IGNORECASE)
AFTER_CHECK = "(after a qualified exercise professional's check)"


def screening_title(plan: Plan) -> str:
    """One line: what the person must do or wait for before training, and the highest
    intensity allowed (week by week when the first weeks are held lower)."""
    s = plan.screening
    ceiling = f"highest intensity allowed: {ceiling_by_week(plan)}"
    if s.referral_only and s.max_intensity == "none":
        return "SEE A CLINICIAN FIRST: no exercise is planned until then"
    if s.referral_only:
        return f"SEE A CLINICIAN FIRST: this plan holds only what is safe until then; {ceiling}"
    if s.clearance == "required":
        verdict = "Clinician clearance is required before the planned work"
    elif s.clearance == "recommended":
        verdict = "A check-up with a clinician is recommended"
    else:
        verdict = "No medical clearance needed"
    if s.before_start:
        return f"NOT YET: {' '.join(s.before_start)} {verdict}; {ceiling}"
    return f"{verdict}; {ceiling}"


def warnings_by_rank(plan: Plan) -> tuple[list[Warning], list[Warning]]:
    """High and medium warnings (shown before the week), then the informational ones."""
    first = [w for w in plan.warnings if w.severity in ("high", "medium")]
    first.sort(key=lambda w: w.severity != "high")  # stable: the plan's order within a severity
    return first, [w for w in plan.warnings if w.severity not in ("high", "medium")]


# Notes about one session, shown with it rather than in the advice said once per kind of
# session: a trim ("Trimmed to fit ..."), the extras a walk took (`past_dose_extras_note`:
# "Left out so that the walk ..."; coach review 36), and why an optional extra is on a day
# the person did not offer (`messages.optional_away_*`; coach review 20)
OWN_NOTE_PREFIXES = ("Trimmed", "Left out", "On a day you did not offer")


def own_note(note: str) -> bool:
    """Whether a session's note is about that session alone (`OWN_NOTE_PREFIXES`)."""
    return note.startswith(OWN_NOTE_PREFIXES)


def session_advice(plan: Plan) -> list[tuple[list[str], str]]:
    """Advice attached to week 1's sessions, each said once with the kinds of session it is for
    (an empty list: every kind in the week). Notes about one session (`own_note`: a trim, a
    day not offered) stay with it."""
    kinds: list[str] = []
    notes: dict[str, list[str]] = {}
    for day in plan.days:
        for s in day.sessions:
            if s.modality.value not in kinds:
                kinds.append(s.modality.value)
            for note in s.notes:
                if not own_note(note):
                    bucket = notes.setdefault(note, [])
                    if s.modality.value not in bucket:
                        bucket.append(s.modality.value)
    return [
        ([] if len(modalities) == len(kinds) else sorted(modalities, key=kinds.index), note)
        for note, modalities in notes.items()
    ]


@dataclass(frozen=True)
class WeekLoad:
    """One week of the block as the progression chart shows it."""

    week: int
    deload: bool
    lifting_sets: int
    aerobic_minutes: int
    notes: list[str]

    @property
    def label(self) -> str:
        return f"Week {self.week}" + (" deload" if self.deload else "")


def repeated_note(note: str, first_week: int) -> str:
    """A note said again in a later week, shortened to its first clause with the week that
    gave it in full ("Same loads as last week (in full under week 3)."): the week keeps its
    line, so a reader of week 1's sessions still learns what that week changes."""
    head = re.split(r"[;:]| - |, ", note, maxsplit=1)[0].rstrip(" .")
    return f"{head} (in full under week {first_week})."


def block_progress(plan: Plan) -> list[WeekLoad]:
    """Each week's lifting sets and moderate-equivalent aerobic minutes, with every note of
    that week: a note new that week in full, one repeated from an earlier week shortened to
    its first clause with the week that says it in full (the table view shows week 1's
    sessions only, so each later week's notes are the reader's guide to it)."""
    from endoprotocol.build import compute_totals

    said: dict[str, int] = {}
    rows = []
    for w in plan.weeks:
        sets = sum(
            e.sets
            for d in w.days
            for s in d.sessions
            if s.modality is Modality.RESISTANCE
            for e in s.exercises
        )
        fresh = [n if n not in said else repeated_note(n, said[n]) for n in w.notes]
        for n in w.notes:
            said.setdefault(n, w.week)
        rows.append(
            WeekLoad(
                week=w.week,
                deload=w.deload,
                lifting_sets=sets,
                aerobic_minutes=compute_totals(w.days).moderate_equivalent_aerobic_minutes,
                notes=fresh,
            )
        )
    return rows


def departures(plan: Plan) -> list[dict[str, Any]]:
    """The plan's `departures` (DESIGN.md v1.1) as plain dicts; empty when the plan has none."""
    found = getattr(plan, "departures", None) or (plan.model_extra or {}).get("departures") or []
    return [d.to_data() if hasattr(d, "to_data") else dict(d) for d in found]
