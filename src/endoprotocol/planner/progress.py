"""Build the block of weeks from week 1: progression, deloads, and late-starting sessions."""

from __future__ import annotations

from dataclasses import dataclass

from endoprotocol.engine.evaluate import Outcome
from endoprotocol.engine.model import Bound, fill_placeholders
from endoprotocol.plan import DayPlan, Exercise, Session, Week
from endoprotocol.planner.fill import resolve
from endoprotocol.vocab import Modality


@dataclass(frozen=True)
class Scheme:
    """The progression decisions, read once from the outcome."""

    load_step_pct: float
    deload_every: int | None
    deload_cut_pct: float
    deload_now: bool
    add_sets_every: int | None
    add_rounds: int
    load_note: str | None
    deload_note: str | None

    @classmethod
    def from_outcome(cls, outcome: Outcome) -> Scheme:
        p = outcome.progression

        def get(name: str) -> object:
            return p[name].value if name in p else None

        load = get("load_increase_pct")
        cut = get("deload_volume_cut_pct")
        return cls(
            load_step_pct=float(load.min or 0) if isinstance(load, Bound) else 0.0,
            deload_every=int(v) if isinstance(v := get("deload_every_weeks"), int) else None,
            deload_cut_pct=float(cut.min or 0) if isinstance(cut, Bound) else 0.0,
            deload_now=bool(get("deload_now")),
            add_sets_every=int(v) if isinstance(v := get("add_sets_every_weeks"), int) else None,
            add_rounds=int(v) if isinstance(v := get("add_rounds_per_week"), int) else 0,
            load_note=v if isinstance(v := get("load_note"), str) else None,
            deload_note=v if isinstance(v := get("deload_note"), str) else None,
        )

    def is_deload(self, week: int) -> bool:
        if self.deload_now and week == 1:
            return True
        return self.deload_every is not None and week % self.deload_every == 0


def _set_cap(outcome: Outcome, ex: Exercise, modality: Modality) -> int:
    """The most sets the rules allow this exercise (the top of its prescribed range)."""
    bound, _ = resolve(outcome, modality.value, "compound" if ex.compound else "accessory", "sets")
    return int(bound.max) if bound is not None and bound.max is not None else ex.sets


def _progress_session(
    session: Session, scheme: Scheme, outcome: Outcome, deload: bool, built_weeks: int
) -> Session:
    exercises = []
    for ex in session.exercises:
        sets = ex.sets
        if session.modality is Modality.RESISTANCE and scheme.add_sets_every and not deload:
            sets = min(
                sets + (built_weeks // scheme.add_sets_every),
                max(_set_cap(outcome, ex, session.modality), sets),
            )
        if session.modality is Modality.HIIT and not deload:
            sets += scheme.add_rounds * built_weeks
        if deload:
            sets = max(1, round(sets * (1 - scheme.deload_cut_pct / 100)))
        exercises.append(ex.model_copy(update={"sets": sets}))
    return session.model_copy(update={"exercises": exercises})


def build_weeks(
    week_one: list[DayPlan], start_weeks: dict[int, int], count: int, outcome: Outcome
) -> list[Week]:
    """Weeks 1..count. `start_weeks` maps id(session) -> first week the session appears."""
    scheme = Scheme.from_outcome(outcome)
    weeks: list[Week] = []
    load = 0.0
    built = 0  # progressing (non-deload) weeks so far
    for number in range(1, count + 1):
        deload = scheme.is_deload(number)
        notes: list[str] = []
        if number > 1 and not deload and not scheme.is_deload(number - 1):
            load += scheme.load_step_pct
            built += 1
        days = []
        starting: set[str] = set()
        for day in week_one:
            sessions = []
            for session in day.sessions:
                first = start_weeks.get(id(session), 1)
                if number < first:
                    continue
                if number == first and first > 1:
                    starting.add(session.modality.value)
                sessions.append(_progress_session(session, scheme, outcome, deload, built))
            days.append(DayPlan(day=day.day, sessions=sessions))
        planned = any(d.sessions for d in days)  # an empty (referral) week gets no advice
        lifting = any(x.modality is Modality.RESISTANCE for d in days for x in d.sessions)
        if planned and deload and scheme.deload_note:
            notes.append(
                fill_placeholders(
                    scheme.deload_note, {"volume_cut_pct": f"{scheme.deload_cut_pct:g}"}
                )
            )
        elif (
            planned
            and not deload
            and number > 1
            and lifting
            and scheme.load_step_pct
            and scheme.load_note
        ):
            notes.append(fill_placeholders(scheme.load_note, {"load_change_pct": f"{load:g}"}))
        for modality in sorted(starting):
            notes.append(
                f"{modality.upper() if modality == 'hiit' else modality.capitalize()} sessions start this week after the base-building weeks."
            )
        weeks.append(
            Week(week=number, deload=deload, load_change_pct=round(load, 1), notes=notes, days=days)
        )
    return weeks
