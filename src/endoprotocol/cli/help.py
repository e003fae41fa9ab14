"""Help that reads like the docs: `--goal GOAL`, `--weeks N`, `ID`, never `<list[str]>`.

Typer writes a parameter's Python type beside it in `--help` (`--age <int>`, `ID <str>`,
`--weeks <int range>`). Options that name their own metavar keep it; every other option gets
one made from its name (`--goal GOAL`), or `N` for a number; arguments show their metavar
alone. The accepted values are listed in each option's help text instead. The root group
applies this to the whole command tree, so command modules need not remember it.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup

from endoprotocol.cli.coerce import quicken

NUMBERS = (int, float)


def human_metavar(param: Any) -> str:
    """The metavar a person reads: N for numbers, else the parameter's name in capitals."""
    described = getattr(param, "type_descriptor", None)
    if getattr(described, "annotation", None) in NUMBERS:
        return "N"
    return str(param.name or "value").upper().replace("_", "-")


def humanize(command: Any) -> None:
    """Give every parameter of `command` and its sub-commands a human metavar (idempotent)."""
    for param in getattr(command, "params", []):
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        if param.metavar is None:
            param.metavar = human_metavar(param)
        if param.param_type_name == "argument":
            # the metavar already names it; Typer would append the Python type
            param.display_type_rich = _no_type
    for sub in getattr(command, "commands", {}).values():
        humanize(sub)


def _no_type(ctx: Any = None) -> None:
    return None


class HumanHelp(TyperGroup):
    """The root group: humanizes the tree before any help or usage is written.

    Before it reads its arguments, it gives every parameter of the tree a quick converter
    (`cli.coerce`), so a run builds no pydantic adapter for an option it was not given or
    for a plain value.
    """

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            humanize(command)
            # the command's own help option too: made here with this context, whose help
            # option names every sub-context inherits (no command sets its own)
            quicken(command, command.get_params(ctx))
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quicken(self, self.get_params(ctx))
        return list(super().parse_args(ctx, args))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        humanize(self)
        super().format_help(ctx, formatter)
