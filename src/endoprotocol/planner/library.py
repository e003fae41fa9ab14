"""The exercise library and session designs (rules/library/*.yaml), validated like packs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from endoprotocol.engine.loader import (
    LIBRARY_DIR,
    RuleSet,
    _Collector,
    read_document,
    validate_model,
)
from endoprotocol.engine.model import (
    ID_PATTERN,
    Bound,
    Forbid,
    Kebab,
    Prescription,
    Tagname,
    Text,
    _Node,
)
from endoprotocol.errors import RulePackError
from endoprotocol.vocab import Equipment, IntensityClass, Modality, Muscle, Pattern, suggest

Level = Literal["beginner", "intermediate", "advanced"]
LEVEL_ORDER: dict[str, int] = {"beginner": 0, "intermediate": 1, "advanced": 2}


class ExerciseEntry(_Node):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    name: Text
    pattern: Pattern
    primary: list[Muscle] = Field(min_length=1)
    secondary: list[Muscle] = []
    compound: Annotated[bool, Field(strict=True)]
    equipment: list[Equipment] = Field(min_length=1)
    level: Level
    impact: Literal["none", "low", "high"]
    timed: Annotated[bool, Field(strict=True)]
    tags: list[Tagname] = []
    cue: Text

    @model_validator(mode="after")
    def _no_overlap(self) -> Self:
        both = set(self.primary) & set(self.secondary)
        if both:
            raise ValueError(f"muscles listed as both primary and secondary: {sorted(both)}")
        return self

    def needs(self) -> set[Equipment]:
        return set(self.equipment) - {Equipment.BODYWEIGHT}


class ExerciseFile(_Node):
    exercises: list[ExerciseEntry] = Field(min_length=1)


class Slot(_Node):
    """One place in a session: a movement pattern, its role, and muscles to favour."""

    pattern: Pattern
    role: Literal["compound", "accessory"]
    prefer: list[Muscle] = []


class SplitDay(_Node):
    title: Text
    focus: Text
    muscles: list[Muscle] = Field(min_length=1)
    slots: list[Slot] = Field(min_length=1)


class Split(_Node):
    id: Kebab
    description: Text
    days: list[SplitDay] = Field(min_length=1)


class Zone(_Node):
    hr_max_pct: Bound
    rpe: Bound
    pct_1rm: Bound
    talk_test: Text


class Timing(_Node):
    """Arithmetic constants for estimating how long a session takes."""

    seconds_per_rep: Annotated[float, Field(strict=True, gt=0, le=10)]
    seconds_between_exercises: Annotated[int, Field(strict=True, ge=0, le=300)]
    min_work_minutes: dict[Modality, Annotated[int, Field(strict=True, ge=1, le=120)]]


class ModalityDesign(_Node):
    """How a non-resistance session is built: which patterns fill it and how many."""

    patterns: list[Pattern] = Field(min_length=1)
    exercises: Annotated[int, Field(strict=True, ge=1, le=12)]


class SessionDesignFile(_Node):
    splits: list[Split] = Field(min_length=1)
    zones: dict[IntensityClass, Zone]
    timing: Timing
    designs: dict[Literal["hiit", "endurance", "recovery", "balance", "mobility"], ModalityDesign]
    disclaimer: Text
    loadability: dict[Equipment, Annotated[int, Field(strict=True, ge=0, le=10)]]
    load_measurable_from: Annotated[int, Field(strict=True, ge=0, le=10)]
    # The pattern that stands in when every exercise of a slot's own pattern is vetoed or
    # out of reach, so the session keeps the movement family (e.g. a row for a pull-up).
    fallbacks: dict[Pattern, Pattern] = {}
    references: list[Kebab] = []

    @model_validator(mode="after")
    def _complete(self) -> Self:
        missing = {c.value for c in IntensityClass} - {z.value for z in self.zones}
        if missing:
            raise ValueError(f"zones missing: {sorted(missing)}")
        return self


@dataclass(frozen=True)
class Library:
    exercises: tuple[ExerciseEntry, ...]
    design: SessionDesignFile

    def loadability(self, entry: ExerciseEntry) -> int:
        """How finely the exercise's load can be set and progressed (library data)."""
        return max((self.design.loadability.get(q, 0) for q in entry.equipment), default=0)

    def split(self, split_id: str) -> Split | None:
        return next((s for s in self.design.splits if s.id == split_id), None)


def load_library(rules_dir: Path) -> Library:
    """Read and validate the exercise library and session designs; RulePackError on problems."""
    out = _Collector()
    base = rules_dir / LIBRARY_DIR
    exercises: list[ExerciseEntry] = []
    design: SessionDesignFile | None = None
    ex_path = base / "exercises.yaml"
    doc = read_document(ex_path, out)
    if doc is not None:
        parsed = validate_model(ExerciseFile, doc, ex_path, out)
        if parsed is not None:
            exercises = parsed.exercises
            seen: dict[str, ExerciseEntry] = {}
            for entry in exercises:
                for key in (f"id:{entry.id}", f"name:{entry.name.lower()}"):
                    if key in seen:
                        pos = entry.pos
                        out.error(
                            ex_path,
                            (pos.line, pos.col) if pos else (1, 1),
                            f"exercise '{entry.id}' repeats the id or name of '{seen[key].id}'",
                            "duplicate-exercise",
                        )
                    seen[key] = entry
    design_path = base / "sessions.yaml"
    doc = read_document(design_path, out)
    if doc is not None:
        design = validate_model(SessionDesignFile, doc, design_path, out)
    if out.diagnostics or design is None:
        raise RulePackError(out.diagnostics)
    return Library(tuple(sorted(exercises, key=lambda e: e.id)), design)


def check_rule_references(ruleset: RuleSet, library: Library) -> None:
    """Rules that name an exercise or a split the library lacks are pack errors (exit 4)."""
    out = _Collector()
    exercises = sorted(e.id for e in library.exercises)
    splits = sorted(s.id for s in library.design.splits)
    for rule in ruleset.rules:
        for action in rule.then:
            body = action.body
            name, known, code = "", exercises, ""
            if isinstance(body, Forbid) and body.exercise and body.exercise not in exercises:
                name, known, code = body.exercise, exercises, "unknown-exercise"
            elif isinstance(body, Prescription) and body.split and body.split not in splits:
                name, known, code = body.split, splits, "unknown-split"
            if not code:
                continue
            near = suggest(name, known)
            hint = f"; did you mean '{near}'?" if near else ""
            pos = action.pos
            where = (pos.path, (pos.line, pos.col)) if pos else ("?", (1, 1))
            kind = code.removeprefix("unknown-")
            out.error(
                where[0],
                where[1],
                f"rule '{rule.full_id}': no {kind} '{name}' in the library{hint}",
                code,
            )
    if out.diagnostics:
        raise RulePackError(out.diagnostics)
