"""Safe YAML/JSON reading that keeps positions and refuses the format's traps.

- `yaml.CSafeLoader` when libyaml is present, the pure-Python SafeLoader otherwise.
- Anchors and aliases are refused outright: they are how "billion laughs" bombs work, and
  rule packs and profiles are short enough to write out.
- Duplicate keys are errors (PyYAML silently keeps the last one).
- Files over MAX_BYTES are refused before parsing.
- Every mapping entry and list item keeps its 1-based line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_BYTES = 1_000_000

Path_ = tuple[str | int, ...]

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


class YamlProblem(Exception):
    """A problem with the text itself, at a 1-based line and column."""

    def __init__(self, message: str, line: int, col: int, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.code = code


@dataclass
class Document:
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

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


def parse(text: str) -> Document:
    """Parse one YAML (or JSON) document, keeping positions; raise YamlProblem on any trap."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line, col = _mark(event.start_mark)
                raise YamlProblem(
                    "anchors and aliases (&name / *name) are not allowed; write the value out",
                    line,
                    col,
                    "yaml-alias",
                )
        node = yaml.compose(text, Loader=_Loader)
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
    doc.data = _build(node, (), doc)
    return doc


_constructor = yaml.constructor.SafeConstructor()


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _build(node: yaml.Node, path: Path_, doc: Document) -> Any:
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        line, col = _mark(node)
        raise YamlProblem(f"unsupported YAML tag {node.tag!r}", line, col, "yaml-tag")
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                line, col = _mark(key_node)
                raise YamlProblem("merge keys (<<) are not allowed", line, col, "yaml-alias")
            key = _build(key_node, path, doc)
            if isinstance(key, list | dict):
                line, col = _mark(key_node)
                raise YamlProblem("a key must be a plain value", line, col, "yaml-syntax")
            if key in out:
                line, col = _mark(key_node)
                first = doc.positions.get((*path, key), (0, 0))[0]
                raise YamlProblem(
                    f"duplicate key {key!r} (first given on line {first}); "
                    "YAML would silently keep only the last one",
                    line,
                    col,
                    "duplicate-key",
                )
            doc.positions[(*path, key)] = _mark(key_node)
            out[key] = _build(value_node, (*path, key), doc)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            doc.positions[(*path, index)] = _mark(item)
            items.append(_build(item, (*path, index), doc))
        return items
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        line, col = _mark(node)
        raise YamlProblem(
            f"unsupported YAML tag {node.tag!r}: {exc.problem}", line, col, "yaml-tag"
        ) from None
