"""`endoprotocol effects`: the reference tables the loaded packs define."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from endoprotocol.cli.common import (
    DebugOption,
    NoBuiltinOption,
    NoUserOption,
    RulesOption,
    emit,
    run_guarded,
)


class EffectsFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def effects(
    format: Annotated[
        EffectsFormat,
        typer.Option("--format", "-f", help="table (default), json or markdown."),
    ] = EffectsFormat.TABLE,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    debug: DebugOption = False,
) -> None:
    """Show the reference tables the rule packs define: hormonal outcome by modality,
    myokines and their actions, and therapy synergies, with grades and references.

    A plan lists only the effects whose dose it holds; these tables list them all.

    Examples:

      endoprotocol effects

      endoprotocol effects --format markdown > effects.md
    """

    def body() -> None:
        from endoprotocol.engine.loader import load_rules
        from endoprotocol.reference import effect_tables
        from endoprotocol.render.effects import render_effects_markdown, render_effects_table

        ruleset = load_rules(
            [Path(r) for r in rules or []], builtin=not no_builtin_rules, user_dir=not no_user_rules
        )
        tables = effect_tables(ruleset)
        if format is EffectsFormat.JSON:
            emit(tables.model_dump_json(indent=2) + "\n")
        elif format is EffectsFormat.MARKDOWN:
            emit(render_effects_markdown(tables))
        else:
            emit(render_effects_table(tables))

    run_guarded(body, debug=debug)
