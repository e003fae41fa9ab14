"""Turn placed sessions into plan sessions: exercises, prescriptions, durations, notes."""

from __future__ import annotations

from dataclasses import dataclass

from endoprotocol.engine.evaluate import Outcome
from endoprotocol.plan import Exercise, Intensity, Range, Session
from endoprotocol.planner.fill import (
    Picker,
    Shortfall,
    build_exercise,
    exercise_seconds,
    lift_intensity,
    min_sets,
    resolve,
    slot_pool,
    zone_intensity,
)
from endoprotocol.planner.library import ExerciseEntry, Library
from endoprotocol.planner.schedule import Slotted
from endoprotocol.vocab import Modality, Muscle, Pattern


@dataclass
class Built:
    session: Session | None
    shortfalls: list[Shortfall]


class SessionBuilder:
    def __init__(self, outcome: Outcome, library: Library, picker: Picker) -> None:
        self.outcome = outcome
        self.library = library
        self.picker = picker
        self.timing = library.design.timing

    def notes_for(self, modality: Modality) -> tuple[list[str], list[str]]:
        texts, rules = [], []
        for note, rid in self.outcome.notes:
            if note.modality in ("all", modality):
                texts.append(note.text)
                rules.append(rid)
        return texts, rules

    def _edges(self, modality: str) -> tuple[int, list[str]]:
        total = 0
        rules: list[str] = []
        for name in ("warmup_minutes", "cooldown_minutes"):
            bound, ids = resolve(self.outcome, modality, "any", name)
            if bound is not None and bound.min is not None:
                total += int(bound.min)
                rules += ids
        return total, rules

    def build(self, slot: Slotted) -> Built:
        if slot.modality is Modality.RESISTANCE:
            return self._resistance(slot)
        return self._conditioning(slot)

    def _resistance(self, slot: Slotted) -> Built:
        assert slot.split_day is not None
        zone = self.library.design.zones[slot.intensity]  # type: ignore[index]
        muscles = slot.muscles()
        exercises: list[Exercise] = []
        shortfalls: list[Shortfall] = []
        taken: set[str] = set()
        notes, note_rules = self.notes_for(slot.modality)
        for s in slot.split_day.slots:
            pool = slot_pool(self.picker, s, muscles)
            picked = self.picker.pick(f"{s.pattern.value}/{s.role}", pool, taken)
            if picked is None:
                shortfalls.append(
                    Shortfall(
                        f"the {s.pattern.value} slot of '{slot.title}'",
                        "every exercise of that pattern is vetoed, needs equipment you do not have, or is above your level",
                        self.picker.vetoes_applied,
                    )
                )
                continue
            entry, alternatives = picked
            taken.add(entry.id)
            intensity, i_rules = lift_intensity(self.outcome, s.role, zone)
            ex, missing = build_exercise(
                entry, "resistance", s.role, intensity, i_rules, self.outcome, alternatives, []
            )
            if ex is None:
                shortfalls.append(Shortfall(f"{entry.name}", "; ".join(missing)))
                continue
            exercises.append(ex)
        edges, edge_rules = self._edges("resistance")
        exercises, trimmed = self._trim(exercises, slot.minutes - edges)
        if trimmed:
            notes.append(f"Trimmed to fit {slot.minutes} minutes: {trimmed}.")
        if not exercises:
            return Built(None, shortfalls)
        duration = edges + self._seconds(exercises) / 60
        rules = sorted({*slot.rules, *note_rules, *edge_rules})
        return Built(
            Session(
                modality=slot.modality,
                title=slot.title,
                focus=slot.focus + (" — " + " ".join(notes) if notes else ""),
                intensity_class=slot.intensity,
                optional=slot.optional,
                duration_minutes=max(1, round(duration)),
                intensity=zone_intensity(zone),
                exercises=exercises,
                rules=rules,
            ),
            shortfalls,
        )

    def _seconds(self, exercises: list[Exercise]) -> float:
        return sum(
            exercise_seconds(e, self.timing.seconds_per_rep, self.timing.seconds_between_exercises)
            for e in exercises
        )

    def _trim(self, exercises: list[Exercise], minutes: float) -> tuple[list[Exercise], str]:
        """Fit the budget: drop accessories from the end, then cut sets, then drop compounds."""
        budget = minutes * 60
        dropped: list[str] = []
        kept = list(exercises)
        while kept and self._seconds(kept) > budget:
            accessories = [i for i, e in enumerate(kept) if not e.compound]
            if accessories:
                dropped.append(kept.pop(accessories[-1]).name)
                continue
            floor = min_sets(self.outcome, "compound")
            reducible = [i for i, e in enumerate(kept) if e.sets > floor]
            if reducible:
                i = reducible[-1]
                kept[i] = kept[i].model_copy(update={"sets": kept[i].sets - 1})
                continue
            dropped.append(kept.pop().name)
        text = ", ".join(dropped)
        if (kept and len(kept) == len(exercises) and self._seconds(exercises) > budget) or (
            kept != exercises and not dropped
        ):
            text = "fewer sets"
        return kept, text

    def _conditioning(self, slot: Slotted) -> Built:
        design = self.library.design.designs.get(slot.modality.value)  # type: ignore[call-overload]
        zone = self.library.design.zones[slot.intensity]  # type: ignore[index]
        notes, note_rules = self.notes_for(slot.modality)
        modality = slot.modality.value
        edges, edge_rules = self._edges(modality)
        taken: set[str] = set()
        exercises: list[Exercise] = []
        shortfalls: list[Shortfall] = []
        all_muscles = {m.value for m in Muscle}
        patterns = design.patterns if design else [Pattern.CARDIO]
        count = design.exercises if design else 1
        for i in range(count):
            pattern = patterns[i % len(patterns)]
            pool = self.picker.candidates(pattern, all_muscles, [], "accessory")
            if slot.intensity == "light":
                pool = [e for e in pool if e.impact != "high"] or pool
            picked = self.picker.pick(f"{modality}/{pattern.value}/{i}", pool, taken)
            if picked is None:
                shortfalls.append(
                    Shortfall(
                        f"a {pattern.value} exercise for '{slot.title}'",
                        "every option is vetoed or needs equipment you do not have",
                        self.picker.vetoes_applied,
                    )
                )
                continue
            entry, alternatives = picked
            taken.add(entry.id)
            intensity = zone_intensity(zone)
            rules: list[str] = []
            if slot.modality is Modality.HIIT:
                hr, ids = resolve(self.outcome, "hiit", "any", "hr_max_pct")
                if hr is not None and hr.min is not None and hr.max is not None:
                    intensity = Intensity(
                        hr_max_pct=Range.of(hr.min, hr.max),
                        rpe=intensity.rpe,
                        talk_test=intensity.talk_test,
                    )
                    rules += ids
            ex = self._timed_exercise(
                entry, modality, slot, edges, intensity, alternatives, rules, count
            )
            if ex is None:
                shortfalls.append(
                    Shortfall(entry.name, f"no rule sets the work for {modality} sessions")
                )
                continue
            exercises.append(ex)
        if not exercises:
            return Built(None, shortfalls)
        duration = edges + self._seconds(exercises) / 60
        return Built(
            Session(
                modality=slot.modality,
                title=slot.title,
                focus=slot.focus + (" — " + " ".join(notes) if notes else ""),
                intensity_class=slot.intensity,
                optional=slot.optional,
                duration_minutes=max(1, round(min(duration, max(slot.minutes, 1)))),
                intensity=zone_intensity(zone)
                if slot.modality is not Modality.HIIT
                else exercises[0].intensity,
                exercises=exercises,
                rules=sorted(
                    {
                        *slot.rules,
                        *note_rules,
                        *edge_rules,
                        *(r for e in exercises for r in e.rules),
                    }
                ),
            ),
            shortfalls,
        )

    def _timed_exercise(
        self,
        entry: ExerciseEntry,
        modality: str,
        slot: Slotted,
        edges: int,
        intensity: Intensity,
        alternatives: list[str],
        rules: list[str],
        count: int,
    ) -> Exercise | None:
        work_b, ids = resolve(self.outcome, modality, "any", "work_seconds")
        rules = rules + ids
        rest_b, ids = resolve(self.outcome, modality, "any", "rest_seconds")
        rules += ids
        rounds_b, ids = resolve(self.outcome, modality, "any", "rounds")
        rules += ids
        sets_b, ids = resolve(self.outcome, modality, "any", "sets")
        rules += ids
        available = max(slot.minutes - edges, 1) * 60 / count
        if work_b is None or work_b.min is None or work_b.max is None:
            # steady work fills the session's time
            if rounds_b is None and sets_b is None:
                work = Range.of(
                    round(available * 0.8 / 60) * 60 or 60, round(available / 60) * 60 or 60
                )
                sets = 1
                rest = None
            else:
                return None
        else:
            work = Range.of(work_b.min, work_b.max)
            rest = (
                Range.of(rest_b.min, rest_b.max)
                if rest_b and rest_b.min is not None and rest_b.max is not None
                else None
            )
            per = (work.min + work.max) / 2 + ((rest.min + rest.max) / 2 if rest else 0)
            planned = rounds_b if rounds_b is not None else sets_b
            top = int(planned.max) if planned and planned.max is not None else 1
            low = int(planned.min) if planned and planned.min is not None else 1
            sets = max(min(top, int(available // per)), min(low, 1))
        return Exercise(
            name=entry.name,
            pattern=entry.pattern,
            muscles=list(entry.primary),
            compound=entry.compound,
            sets=max(sets, 1),
            reps=None,
            work_seconds=work,
            rest_seconds=rest,
            intensity=intensity,
            notes=entry.cue,
            alternatives=alternatives,
            rules=sorted(set(rules)),
        )
