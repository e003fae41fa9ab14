"""Safe YAML/JSON reading that keeps positions and refuses the format's traps.

- `yaml.CSafeLoader` when libyaml is present, the pure-Python SafeLoader otherwise; both get
  the same resolvers (below), so the outcome never depends on which one is installed.
- Numbers and booleans follow JSON's grammar, not YAML 1.1's: an integer is
  `-?(0|[1-9][0-9]*)`, a float JSON's number, a boolean `true`/`false`. YAML 1.1 would read
  `0170` as octal 120 and `1:05` as 65, silently; here every form outside the grammar that
  YAML 1.1 or 1.2 would read as a number (leading zeros, `0o`/`0x`/`0b`, `_`, base 60,
  `.inf`, `.nan`, a leading `+`) is a problem naming the field and showing the text as
  written. `yes`/`no`/`on`/`off` are not booleans: a profile may use yes/no for its own
  boolean fields (they arrive as `YesNo` text), a pack may not use them at all.
  The resolvers run on the text of each plain scalar, so the text is there for the message.
- Anchors and aliases are refused outright: they are how "billion laughs" bombs work, and
  rule packs and profiles are short enough to write out.
- Nesting deeper than MAX_DEPTH is refused (checked on the event stream, before any
  recursive step could overflow the stack).
- Duplicate keys are errors (PyYAML silently keeps the last one).
- Files over MAX_BYTES are refused before parsing.
- Every mapping entry and list item keeps its 1-based line and column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from endoprotocol.vocab import YesNo

MAX_BYTES = 1_000_000
MAX_DEPTH = 64  # profiles nest 2 levels, rule packs about 12
MAX_DIGITS = 20  # no field needs more; Python refuses to read an int of 4,300+ digits

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_NUMBER_LIKE = "tag:endoprotocol,2024:number-like"
_YES_NO = "tag:endoprotocol,2024:yes-no"

# C0 controls but tab and line feed, DEL, C1 controls: escapes such as "\e[31m" or "\r"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_YES = {"yes", "Yes", "YES"}  # as PyYAML read them: these cases only
_NO = {"no", "No", "NO"}
_ON_OFF = {"on", "On", "ON", "off", "Off", "OFF"}
# Every form YAML 1.1 or 1.2 reads as a number (signs, leading zeros, bases, `_`, base 60,
# bare points, exponents, infinities and NaN); those outside _INT/_FLOAT are refused.
_NUMBER_FORMS = re.compile(
    r"""(?x)
    (?: [-+]?(?:
        0[bB][0-1_]+ | 0[oO][0-7_]+ | 0[xX][0-9a-fA-F_]+
      | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
      | (?:[0-9][0-9_]*(?:\.[0-9_]*)? | \.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?
      | \.(?:inf|Inf|INF)
    )
    | [-+]?\.(?:nan|NaN|NAN)
    )\Z"""
)


def _resolving(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """`base` with the grammar above in place of YAML 1.1's implicit types (no timestamps,
    no `=`; merge keys stay recognised so that they can be refused)."""
    loader: type[yaml.SafeLoader] = type(
        f"Json{base.__name__}", (base,), {"yaml_implicit_resolvers": {}}
    )
    words = "|".join(sorted(_TRUE | _FALSE))
    resolvers = [
        (f"{_TAG}null", r"(?:~|null|Null|NULL|)\Z"),
        (f"{_TAG}bool", rf"(?:{words})\Z"),
        (f"{_TAG}int", _INT.pattern),
        (f"{_TAG}float", _FLOAT.pattern),
        (_YES_NO, rf"(?:{'|'.join(sorted(_YES | _NO | _ON_OFF))})\Z"),
        (_NUMBER_LIKE, _NUMBER_FORMS.pattern),
        (f"{_TAG}merge", r"<<\Z"),
    ]
    for tag, pattern in resolvers:
        loader.add_implicit_resolver(tag, re.compile(pattern), None)
    return loader


try:
    _Loader: type[yaml.SafeLoader] = _resolving(yaml.CSafeLoader)  # type: ignore[arg-type]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = _resolving(yaml.SafeLoader)
_PureLoader: type[yaml.SafeLoader] = _resolving(yaml.SafeLoader)


class Refused(str):
    """The text of a value already reported as a problem, kept so the rest can be checked."""

    __slots__ = ()


class YamlProblem(Exception):
    """A problem with the text itself, at a 1-based line and column (and, for a single
    value, the path of the field it is in: the caller names the field)."""

    def __init__(
        self, message: str, line: int, col: int, code: str, path: Path_ | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.code = code
        self.path = path


@dataclass
class Document:
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # Values written outside the number/boolean grammar, each with its path: kept as
    # `Refused` text so that the rest of the document can still be checked.
    problems: list[YamlProblem] = field(default_factory=list)

    def position(self, path: Path_) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def path_of(self, loc: tuple[Any, ...]) -> Path_:
        """The part of a pydantic error location that exists in the document (union tags and
        missing fields dropped)."""
        node = self.data
        path: list[str | int] = []
        for part in loc:
            if (isinstance(node, dict) and part in node) or (
                isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
            ):
                node = node[part]
                path.append(part)
        return tuple(path)

    def locate(self, loc: tuple[Any, ...]) -> tuple[int, int]:
        """Map a pydantic error location onto the document."""
        return self.position(self.path_of(loc))

    def already_reported(self, loc: tuple[Any, ...]) -> bool:
        """Whether a pydantic error at `loc` is about a value already reported as a problem."""
        path = self.path_of(loc)
        return any(p.path is not None and path[: len(p.path)] == p.path for p in self.problems)


def field_name(path: Path_) -> str:
    """`('blood_pressure', 'systolic')` -> `blood_pressure.systolic`; `('goals', 1)` -> `goals[1]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def decode(raw: bytes, what: str) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            f"{what} is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", 1, 1, "too-large"
        )
    if b"\x00" in raw:
        raise YamlProblem(f"{what} is binary, not YAML or JSON text", 1, 1, "not-text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            f"{what} is not valid UTF-8 (byte {exc.start})", line, 1, "not-utf8"
        ) from None


def _mark(node_or_mark: Any) -> tuple[int, int]:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def parse(text: str, *, yes_no: bool = False, pure: bool = False) -> Document:
    """Parse one YAML (or JSON) document, keeping positions; raise YamlProblem on any trap.

    `yes_no`: plain yes/no arrive as `YesNo` text and on/off as text (profiles); otherwise
    yes/no/on/off are problems (rule packs). `pure`: use the pure-Python loader even when libyaml is present.
    Problems with single values are collected in `Document.problems`, not raised.
    """
    loader = _PureLoader if pure else _Loader
    # The event pass finds anchors and aliases before composing (which would share or expand
    # them) and stops deep nesting before the recursive pure-Python composer meets it. A text
    # without '&' and '*' holds no anchor or alias, and libyaml's composer has its own nesting
    # limit, so with libyaml such a text is composed directly (one pass instead of two) and
    # the builder checks the depth.
    single_pass = loader is not _PureLoader and "&" not in text and "*" not in text
    try:
        depth = 0
        for event in () if single_pass else yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line, col = _mark(event.start_mark)
                raise YamlProblem(
                    "anchors and aliases (&name / *name) are not allowed; write the value out",
                    line,
                    col,
                    "yaml-alias",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        line, col = _mark(exc.problem_mark) if exc.problem_mark else (1, 1)
        problem = exc.problem or "malformed YAML"
        # PyYAML's context says what it was reading ("while parsing a flow sequence"), the
        # problem what it found; in that order they read as one sentence.
        text = f"{exc.context}, {problem}" if exc.context else problem
        raise YamlProblem(f"YAML syntax: {text}", line, col, "yaml-syntax") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax: {exc}", 1, 1, "yaml-syntax") from None
    doc = Document(data=None)
    if node is None:
        return doc
    doc.positions[()] = _mark(node)
    doc.data = _Builder(doc, yes_no).build(node, ())
    return doc


_PLAIN_TAGS = {f"{_TAG}map", f"{_TAG}seq"}


def _too_deep(mark: Any) -> YamlProblem:
    line, col = _mark(mark)
    return YamlProblem(
        f"lists and mappings are nested more than {MAX_DEPTH} levels deep", line, col, "too-deep"
    )


def number_problem(text: str) -> str | None:
    """Why `text` is not a number in the grammar above, or None when it is one."""
    if _INT.match(text):
        digits = len(text.lstrip("-"))
        return None if digits <= MAX_DIGITS else f"it has {digits:,} digits; at most {MAX_DIGITS}"
    if _FLOAT.match(text):
        value = float(text)
        return None if math.isfinite(value) else "it is too large to be a number"
    bare = text.lstrip("+-")
    if bare.lower() in {".inf", ".nan"}:
        return "infinity and NaN are not numbers a plan can use"
    if "_" in bare:
        return "digit separators (_) are not allowed"
    if ":" in bare:
        return "base-60 numbers such as 1:05 are not allowed"
    if bare[:2].lower() in {"0x", "0o", "0b"}:
        return "hexadecimal, octal and binary forms are not allowed"
    if text.startswith("+"):
        return "a leading + is not allowed"
    if bare.startswith(".") or re.search(r"\.(?![0-9])", bare):
        return "a decimal point needs a digit on both sides (0.5, 5.0)"
    if len(bare) > 1 and bare[0] == "0" and bare[1].isdigit():
        return "leading zeros are not allowed"
    return "it is not written as a JSON number"


def _yaml11_reading(text: str) -> str:
    """What YAML 1.1 (PyYAML's default) would have silently made of `text`, when a number."""
    if len(text) > 40:
        return ""
    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # pragma: no cover - a scalar that parsed once
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float) or repr(value) == text:
        return ""
    return f" (YAML 1.1 would read it as {value})"


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


class _Builder:
    def __init__(self, doc: Document, yes_no: bool) -> None:
        self.doc = doc
        self.yes_no = yes_no

    def problem(self, node: yaml.Node, path: Path_, message: str, code: str) -> None:
        line, col = _mark(node)
        self.doc.problems.append(YamlProblem(message, line, col, code, path))

    def build(self, node: yaml.Node, path: Path_, depth: int = 1) -> Any:
        """`depth`: the collection levels down to `node` (1 for the top), as `parse` counts."""
        doc = self.doc
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if depth > MAX_DEPTH:  # a document that skipped the event pass (see `parse`)
                raise _too_deep(node.start_mark)
            if node.tag not in _PLAIN_TAGS:
                line, col = _mark(node)
                raise YamlProblem(f"unsupported YAML tag {node.tag!r}", line, col, "yaml-tag")
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == f"{_TAG}merge":
                    line, col = _mark(key_node)
                    raise YamlProblem("merge keys (<<) are not allowed", line, col, "yaml-alias")
                key = self.build(key_node, path, depth + 1)
                if isinstance(key, list | dict):
                    line, col = _mark(key_node)
                    raise YamlProblem("a key must be a plain value", line, col, "yaml-syntax")
                if key in out:
                    line, col = _mark(key_node)
                    first = doc.positions.get((*path, key), (0, 0))[0]
                    raise YamlProblem(
                        f"duplicate key {_shown(str(key))!r} (first given on line {first}); "
                        "YAML would silently keep only the last one",
                        line,
                        col,
                        "duplicate-key",
                    )
                doc.positions[(*path, key)] = _mark(key_node)
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                doc.positions[(*path, index)] = _mark(item)
                items.append(self.build(item, (*path, index), depth + 1))
            return items
        return self.scalar(node, path)

    def scalar(self, node: yaml.Node, path: Path_) -> Any:
        tag, text = node.tag, str(node.value)
        if tag == f"{_TAG}str":
            control = _CONTROL.search(text)
            if control is None:
                return text
            self.problem(
                node,
                path,
                f"text holds the control character {control.group()!r}, which would reach "
                "terminals and calendars as is; remove it (tabs and line breaks are fine)",
                "control-character",
            )
            return Refused(text)
        if tag == f"{_TAG}null":
            return None
        if tag == f"{_TAG}bool" and text in _TRUE | _FALSE:
            return text in _TRUE
        if tag in {f"{_TAG}int", f"{_TAG}float", _NUMBER_LIKE}:
            reason = number_problem(text)
            if reason is None:
                return int(text) if tag == f"{_TAG}int" and _INT.match(text) else float(text)
            self.problem(
                node,
                path,
                f"{_shown(text)} is not a number here: {reason}"
                f"{_yaml11_reading(text)}; write a plain number such as 170, -2, 0.5 or 1e3, "
                "or quote it if it is text",
                "bad-number",
            )
            return Refused(text)
        if tag == _YES_NO or tag == f"{_TAG}bool":
            if self.yes_no and text in _YES | _NO:
                return YesNo(text)
            if self.yes_no and text in _ON_OFF:
                return text  # plain text to a profile: its fields say what they accept
            self.problem(
                node,
                path,
                f"{_shown(text)} is not a boolean here: write true or false, "
                f"or quote '{_shown(text)}' if it is text (YAML 1.1 would read it as a boolean)",
                "bad-boolean",
            )
            return Refused(text)
        line, col = _mark(node)
        raise YamlProblem(f"unsupported YAML tag {tag!r}", line, col, "yaml-tag")
