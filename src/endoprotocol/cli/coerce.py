"""Option values converted without building a pydantic TypeAdapter when the answer is plain.

Typer (0.2x) converts every option value through a pydantic `TypeAdapter` built for that
option on first use, and it builds one even for an option left at `None`: a `plan` run
imported Typer's adapter module (pydantic's types, validators and plugin loader) and built
26 adapters, about 45 ms of CPU time, a fifth of a warm `plan --format json` (bench/README.md).

`quicken(command)` gives each of a command's parameters a converter that answers the
plain cases itself, with exactly Typer's result:

- no value given: `None`, or `()` for a repeatable option (what Typer's converter returns
  before it looks at the type);
- text for a `str` option, or a list of texts for a `list[str]` one: the text itself;
- a whole number in plain digits for an `int` option, inside its `min`/`max`;
- a choice for an `Enum` option, through Typer's own choice matching.

Anything else (a path, a number written another way, a value out of range, a wrong
choice) goes to Typer's own converter, built then, so every error message is Typer's. A
test compares both converters over every parameter of the command tree. With a Typer
that has no such converter (`_runtime_param`), `quicken` leaves the command alone.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Final, get_args, get_origin

_DECLINE: Final = object()
_DIGITS: Final = re.compile(r"(?:0|[1-9][0-9]{0,8})\Z")


def quick_value(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """Typer's conversion of `value` for a plain case, or `_DECLINE` for Typer to do it.

    `annotation` is the option's type with `None` taken off (Typer's type descriptor),
    `info` its `ParameterInfo`; `value` is never `None` here.
    """
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None):
        return _DECLINE
    if annotation is str:
        return value if type(value) is str else _DECLINE
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        if isinstance(value, (list, tuple)) and all(type(item) is str for item in value):
            return list(value)
        return _DECLINE
    if annotation is int:
        return _whole_number(value, info)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _choice(annotation, info, value, ctx)
    return _DECLINE


def _whole_number(value: Any, info: Any) -> Any:
    if type(value) is int:
        number = value
    elif type(value) is str and _DIGITS.match(value):
        number = int(value)
    else:
        return _DECLINE
    if getattr(info, "clamp", False):
        return _DECLINE
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if (low is not None and number < low) or (high is not None and number > high):
        return _DECLINE
    return number


def _choice(annotation: type[enum.Enum], info: Any, value: Any, ctx: Any) -> Any:
    from typer._param_types import coerce_cli_choice

    try:
        return coerce_cli_choice(
            value,
            choices=tuple(annotation),
            case_sensitive=getattr(info, "case_sensitive", True),
            ctx=ctx,
        )
    except ValueError:
        return _DECLINE


class QuickConverter:
    """Stands in for Typer's converter of one parameter (its `coerce`), Typer's own behind it."""

    __slots__ = ("_param", "_typer")

    def __init__(self, param: Any) -> None:
        self._param = param
        self._typer: Any = None

    def typer_converter(self) -> Any:
        """Typer's own converter for this parameter, built on first use."""
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self._param.type_descriptor)
        return self._typer

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """The converted value, as Typer's `RuntimeParam.coerce` returns it."""
        if value is None:
            return () if (param.multiple or param.nargs == -1) else None
        descriptor = param.type_descriptor
        quick = quick_value(descriptor.annotation, descriptor.parameter_info, value, ctx)
        if quick is not _DECLINE:
            return quick
        return self.typer_converter().coerce(value, param=param, ctx=ctx)


def quicken(command: Any, params: Any = None) -> None:
    """Install a `QuickConverter` on every parameter of `command` and its sub-commands.

    `params` are the command's own parameters when they are more than `command.params`
    (a group's `get_params(ctx)` adds the completion options).
    """
    for param in getattr(command, "params", []) if params is None else params:
        if (
            getattr(param, "_runtime_param", _DECLINE) is None
            and hasattr(param, "get_runtime_param")
            and hasattr(param, "type_descriptor")
        ):
            param._runtime_param = QuickConverter(param)
    for sub in getattr(command, "commands", {}).values():
        quicken(sub)
