"""The reference tables of `endoprotocol effects` as a terminal table or Markdown."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table

from endoprotocol.reference import EffectTables, OutcomeRow

OUTCOME_COLUMNS = ("Target", "Modality", "Timescale", "Direction", "Evidence", "When", "Refs")
SYNERGY_COLUMNS = ("Therapy", "Myokine", "Evidence", "What is proposed", "Refs")


def _outcome_cells(row: OutcomeRow, *, action: bool) -> list[str]:
    cells = [
        row.target,
        row.modality,
        row.timescale.replace("_", "-"),
        row.direction.replace("_", " "),
        row.evidence,
        row.when,
    ]
    if action:
        cells.append(row.explanation)
    cells.append(", ".join(row.references))
    return cells


def render_effects_table(tables: EffectTables, *, width: int | None = None) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or 140, no_color=True, highlight=False, emoji=False)
    hormones = Table(title="Hormonal outcome by modality", show_lines=True)
    for name in OUTCOME_COLUMNS:
        hormones.add_column(name)
    for row in tables.hormones:
        hormones.add_row(*_outcome_cells(row, action=False))
    console.print(hormones)
    myokines = Table(title="Myokines and their actions", show_lines=True)
    for name in (*OUTCOME_COLUMNS[:-1], "Action", "Refs"):
        myokines.add_column(name)
    for row in tables.myokines:
        myokines.add_row(*_outcome_cells(row, action=True))
    console.print(myokines)
    synergies = Table(
        title="Therapy synergies (shown in a plan only with that therapy)", show_lines=True
    )
    for name in SYNERGY_COLUMNS:
        synergies.add_column(name)
    for s in tables.synergies:
        synergies.add_row(s.therapy, s.myokine, s.evidence, s.explanation, ", ".join(s.references))
    console.print(synergies)
    for ref in tables.references:
        console.print(f"[{ref.id}] {ref.citation}", markup=False)
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_effects_markdown(tables: EffectTables) -> str:
    lines = ["# Expected effects: the reference tables", ""]
    lines += ["## Hormonal outcome by modality", ""]
    lines += ["| " + " | ".join(OUTCOME_COLUMNS) + " |", "|" + "---|" * len(OUTCOME_COLUMNS)]
    lines += [
        "| " + " | ".join(_md(c) for c in _outcome_cells(r, action=False)) + " |"
        for r in tables.hormones
    ]
    columns = (*OUTCOME_COLUMNS[:-1], "Action", "Refs")
    lines += ["", "## Myokines and their actions", ""]
    lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += [
        "| " + " | ".join(_md(c) for c in _outcome_cells(r, action=True)) + " |"
        for r in tables.myokines
    ]
    lines += ["", "## Therapy synergies", ""]
    lines += ["| " + " | ".join(SYNERGY_COLUMNS) + " |", "|" + "---|" * len(SYNERGY_COLUMNS)]
    lines += [
        "| "
        + " | ".join(
            _md(c)
            for c in (s.therapy, s.myokine, s.evidence, s.explanation, ", ".join(s.references))
        )
        + " |"
        for s in tables.synergies
    ]
    lines += ["", "## References", ""]
    lines += [f"- [{r.id}] {_md(r.citation)}" for r in tables.references]
    return "\n".join(lines) + "\n"
