"""Quick option conversion (`cli.coerce`) gives Typer's own answer, or leaves it to Typer.

The quick converter saves building a pydantic adapter for every option of a run; it must
never change what a command receives, nor any error a person sees.
"""

from __future__ import annotations

import enum
from typing import Any

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st

from endoprotocol.cli.app import app
from endoprotocol.cli.coerce import _DECLINE, QuickConverter, quick_value
from tests.conftest import RunCli

typer_core = pytest.importorskip("typer._coercion")


def _params() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def walk(command: Any, path: str) -> None:
        for param in command.params:
            if hasattr(param, "type_descriptor"):
                found.append((f"{path} {param.name}", param))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(app), "endoprotocol")
    return found


PARAMS = _params()
NAMES = [name for name, _ in PARAMS]


CONVERTERS: dict[int, Any] = {}
CTX = typer.Context(typer.main.get_command(app))


def _typer_answer(param: Any, value: Any) -> tuple[str, Any]:
    converter = CONVERTERS.get(id(param))
    if converter is None:
        converter = CONVERTERS[id(param)] = typer_core.build_runtime_param(param.type_descriptor)
    ctx = CTX
    try:
        return "value", converter.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the kind and text of Typer's error are the answer
        return type(exc).__name__, str(exc)


def _values(param: Any) -> st.SearchStrategy[Any]:
    annotation = param.type_descriptor.annotation
    words = st.text(max_size=12) | st.from_regex(r"-?[0-9]{1,12}", fullmatch=True)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        names = [str(m.value) for m in annotation]
        words = words | st.sampled_from(names) | st.sampled_from(names).map(str.upper)
    one = words | st.integers(-(10**10), 10**10) | st.booleans()
    return one | st.lists(words, max_size=3) | st.lists(words, max_size=3).map(tuple)


@pytest.mark.parametrize(("name", "param"), PARAMS, ids=NAMES)
@settings(max_examples=30, deadline=None)  # a busy machine must not fail it
@given(data=st.data())
def test_quick_conversion_is_typers_or_declines(name: str, param: Any, data: st.DataObject) -> None:
    value = data.draw(_values(param), label="value")
    descriptor = param.type_descriptor
    quick = quick_value(descriptor.annotation, descriptor.parameter_info, value, CTX)
    if quick is _DECLINE:
        return
    kind, answer = _typer_answer(param, value)
    assert kind == "value", f"{name}: quick gave {quick!r} where Typer refuses {value!r}"
    assert answer == quick, name
    assert type(answer) is type(quick), name


@pytest.mark.parametrize(("name", "param"), PARAMS, ids=NAMES)
def test_an_option_not_given_is_typers_none(name: str, param: Any) -> None:
    assert QuickConverter(param).coerce(None, param=param, ctx=CTX) == _typer_answer(param, None)[1]


def test_the_quick_cases_are_taken() -> None:
    """The plain cases a plan run meets are answered without Typer's adapter."""
    by_name = dict(PARAMS)
    cases = [
        ("endoprotocol plan example", "muscle-trt-45", "muscle-trt-45"),
        ("endoprotocol plan goal", ("strength", "muscle"), ["strength", "muscle"]),
        ("endoprotocol plan weeks", "12", 12),
        ("endoprotocol plan age", "45", 45),
    ]
    for name, value, expected in cases:
        descriptor = by_name[name].type_descriptor
        got = quick_value(descriptor.annotation, descriptor.parameter_info, value, None)
        assert got == expected, name
        assert type(got) is type(expected), name
    output_format = by_name["endoprotocol plan output_format"].type_descriptor
    chosen = quick_value(output_format.annotation, output_format.parameter_info, "json", None)
    assert chosen is not _DECLINE
    assert chosen.value == "json"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--weeks", "0"), "--weeks"),
        (("--weeks", "x"), "--weeks"),
        (("--age", "4.5"), "--age"),
        (("--format", "pdf"), "--format"),
    ],
)
def test_refused_values_keep_typers_usage_error(
    cli: RunCli, args: tuple[str, ...], message: str
) -> None:
    result = cli("plan", "--example", "muscle-trt-45", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
