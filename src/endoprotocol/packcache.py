"""The compiled-pack cache: validated rules and library kept as plain JSON between runs.

Reading YAML with positions and cross-checking the packs is most of a plan's time; their
result only changes when a pack file, the library, the options, the tool or Python change,
so it is kept in the user cache directory (`ENDOPROTOCOL_CACHE_DIR` overrides it), one file
per key. Only compiled rules are kept, never profiles or plans.

Plain data only (JSON, never pickle): a cache file is data, and reading it can only make
the tool's own models, enums and plain values; no name in it is imported or called. It is
trusted only when its key matches (sha256 of every pack and library file's bytes, the load
options, the tool's version, a stamp of its source files and Python's version) and its
checksum holds; then its nodes are built directly from the data the packs were validated
into when the entry was written (no YAML, no second validation: revalidating was half of a
warm plan's load). Unknown classes, enums, enum values or fields make it a miss. A
corrupt, stale or unreadable entry is ignored and rebuilt; an unwritable cache directory
is skipped silently. The eight entries used last are kept (reading one counts as a use);
writing a new one removes older ones, so editing a pack does not grow the cache without end. (An entry edited by hand with its checksum recomputed is trusted as
far as its layout goes, like an edited pack file would be; the checksum guards against
damage, not against someone who can write to the user's own directories.)
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticUndefined, from_json

from endoprotocol import __version__
from endoprotocol.engine.loader import (
    Pack,
    RuleSet,
    builtin_rules_dir,
    pack_dirs,
    user_rules_dir,
)
from endoprotocol.engine.model import PackTest, Position, ReferenceEntry, Rule, _Node
from endoprotocol.errors import PackDiagnostic
from endoprotocol.planner.library import ExerciseEntry, Library, SessionDesignFile
from endoprotocol.yamlio import MAX_BYTES

CACHE_ENV = "ENDOPROTOCOL_CACHE_DIR"
FORMAT = 2  # bump when the layout below changes
KEEP = 8  # entries kept: a new one (an edited pack, another tool version) ends the oldest
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a run that died
_MAGIC = b"endoprotocol-packs"
M = TypeVar("M", bound=BaseModel)


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("endoprotocol"))


# ---- the key ---------------------------------------------------------------------------------


def key_for(extra: Iterable[Path], *, builtin: bool, user_dir: bool, allow: bool) -> str:
    """A hash of everything a load reads or depends on."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{__version__}|{sys.version}|{_source_stamp()}".encode())
    digest.update(f"|{builtin}|{user_dir}|{allow}".encode())
    roots = [builtin_rules_dir()]
    if user_dir:
        roots += pack_dirs(user_rules_dir())
    roots += list(extra)
    for root in roots:
        _hash_tree(digest, root)
    return digest.hexdigest()


def _hash_tree(digest: Any, root: Path) -> None:
    """The root's resolved path (positions name it) and every file under it, bytes included."""
    try:
        resolved = root.resolve()
    except (OSError, RuntimeError):
        resolved = root
    digest.update(f"\0root\0{root}\0{resolved}\0".encode())
    if not root.is_dir():
        digest.update(b"missing" if not root.exists() else _file_bytes(root))
        return
    for path in sorted(root.rglob("*")):
        digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
        digest.update(_file_bytes(path))


def _file_bytes(path: Path) -> bytes:
    """A file's bytes; for anything that is not a small regular file, a marker that differs."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return b"dir"
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return f"special:{info.st_mode}:{info.st_size}:{info.st_mtime_ns}".encode()
        return path.read_bytes()
    except OSError as exc:
        return f"unreadable:{exc.errno}".encode()


@cache
def _source_stamp() -> str:
    """The tool's own modules (size and mtime): an edited checkout is a different tool."""
    package = Path(__file__).resolve().parent
    parts = []
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            info = path.stat()
            parts.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _entry(key: str) -> Path:
    return cache_dir() / f"packs-{key[:40]}.json"


# ---- reading ---------------------------------------------------------------------------------


def read(key: str) -> tuple[RuleSet, Library] | None:
    """The cached rules and library for `key`, or None when absent or not to be trusted."""
    entry = _entry(key)
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    header, _, body = raw.partition(b"\n")
    if header != _MAGIC + b" " + hashlib.sha256(body).hexdigest().encode():
        return None  # truncated, edited or not ours
    try:
        # pydantic-core's JSON reader (the same JSON, read in Rust): a third of the time of
        # `json.loads` on a ~0.6 MB entry
        data = from_json(body)
        if type(data) is not dict:
            return None
        if data.get("key") != key or data.get("format") != FORMAT:
            return None
        found = _ruleset_from(data["rules"]), _library_from(data["library"])
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    # a use counts as new for `prune`: the entries kept are the ones read or written last
    with contextlib.suppress(OSError):
        os.utime(entry)
    return found


def _ruleset_from(data: dict[str, Any]) -> RuleSet:
    make = _Builder(data["files"])
    packs = [
        Pack(
            name=p["name"],
            version=p["version"],
            description=p["description"],
            path=Path(p["path"]),
            sha256=p["sha256"],
            builtin=p["builtin"],
            disable=list(p["disable"]),
            requires=list(p["requires"]),
        )
        for p in data["packs"]
    ]
    rules = [make.node(r, Rule) for r in data["rules"]]
    conditions = {name: make.node(node, _Node) for name, node in data["conditions"].items()}
    refs = [make.node(r, ReferenceEntry) for r in data["references"]]
    tests = [(packs[t["pack"]], make.node(t["test"], PackTest)) for t in data["tests"]]
    return RuleSet(
        packs=packs,
        rules=rules,
        conditions=conditions,
        references={r.id: r for r in refs},
        tests=tests,
        disabled=dict(data["disabled"]),
        overridden=dict(data["overridden"]),
        allow_safety_overrides=bool(data["allow"]),
        notices=[PackDiagnostic(*n) for n in data["notices"]],
    )


def _library_from(data: dict[str, Any]) -> Library:
    make = _Builder(data["files"])
    exercises = tuple(make.node(e, ExerciseEntry) for e in data["exercises"])
    design = make.node(data["design"], SessionDesignFile)
    return Library(exercises, design, str(data["sha256"]))


# ---- the layout ------------------------------------------------------------------------------
#
# Every model node is written as {"$m": class name, "f": {field: value}, "s": [fields set]
# (left out when all are), "p": [file, line, col] (left out when it has no position), "x":
# {private attribute: value} (left out when all are defaults)}; an enum member as {"$e":
# enum name, "v": value}; a dict whose keys are not all plain text, or one with a key
# starting with "$", as {"$p": [[key, value], ...]}. Reading builds the nodes directly
# (no second validation: the entry was validated when written, its checksum holds and its
# key names every input), and refuses any class, enum or field it does not know.


def _node_classes() -> dict[str, type[_Node]]:
    found: dict[str, type[_Node]] = {}
    ambiguous: set[str] = set()
    todo: list[type[_Node]] = [_Node]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        name = cls.__qualname__
        if name in found and found[name] is not cls:
            ambiguous.add(name)
        found[name] = cls
    for name in ambiguous:
        del found[name]
    return found


@cache
def _registry() -> tuple[dict[str, type[_Node]], dict[str, type[Enum]]]:
    from endoprotocol import vocab
    from endoprotocol.engine import model
    from endoprotocol.planner import library

    enums: dict[str, type[Enum]] = {}
    for module in (vocab, model, library):
        for value in vars(module).values():
            is_enum = isinstance(value, type) and issubclass(value, Enum) and value is not Enum
            if is_enum and enums.setdefault(value.__qualname__, value) is not value:
                raise RuntimeError(f"two enums named {value.__qualname__}")
    return _node_classes(), enums


@cache
def _shape(cls: type[_Node]) -> tuple[tuple[str, ...], dict[str, Any]]:
    """A class's field names, in order, and its private attributes' defaults."""
    private = {
        name: attr.get_default()
        for name, attr in (cls.__private_attributes__ or {}).items()
        if attr.get_default() is not PydanticUndefined
    }
    return tuple(cls.model_fields), private


def _bare(cls: type[M], fields: dict[str, Any], given: set[str], private: Any) -> M:
    """What `model_construct` does, without defaults to fill in (every field is given) and
    without the per-instance hook that sets private defaults (given here at once): the
    four attributes pydantic keeps on an instance."""
    node = cls.__new__(cls)
    _set_dict(node, fields)
    _set_fields_set(node, given)
    _set_extra(node, None)
    _set_private(node, private)
    return node


# BaseModel keeps these four in slots (`__dict__` too): their descriptors' setters are what
# `object.__setattr__` ends up calling, without its lookup on the way (~2,500 nodes a load)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


_NESTED = (list, dict)


class _Builder:
    """Builds nodes from the layout above, sharing one Position per file:line:col."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.nodes, self.enums = _registry()
        self.positions: dict[tuple[int, int, int], Position] = {}
        self.members: dict[str, dict[Any, Enum]] = {}
        # per class name: the class, its field names and its private defaults
        self.classes: dict[str, tuple[type[_Node], tuple[str, ...], dict[str, Any]]] = {}

    def node(self, raw: Any, expected: type[_Node]) -> Any:
        made = self.value(raw)
        if not isinstance(made, expected):
            raise ValueError(f"expected a {expected.__name__}")
        return made

    def value(self, raw: Any) -> Any:
        # JSON gives exact lists and dicts; text, numbers and null are kept as they are
        kind = type(raw)
        if kind is list:
            value = self.value
            return [value(v) if type(v) in _NESTED else v for v in raw]
        if kind is not dict:
            return raw
        if "$m" in raw:
            return self._model(raw)
        if "$e" in raw:
            return self._member(raw["$e"], raw["v"])
        if "$p" in raw:
            return {self.value(k): self.value(v) for k, v in raw["$p"]}
        return {k: self.value(v) for k, v in raw.items()}

    def _member(self, enum: str, value: Any) -> Enum:
        """The enum member with this value: a dict lookup per enum (a load reads ~2,000),
        not the enum's own call; an unknown enum or value is refused (ValueError)."""
        members = self.members.get(enum)
        if members is None:
            members = self.members[enum] = {m.value: m for m in self.enums[enum]}
        found = members.get(value)
        if found is None:
            raise ValueError(f"{enum} has no member {value!r}")
        return found

    def _model(self, raw: dict[str, Any]) -> _Node:
        name = raw["$m"]
        known = self.classes.get(name)
        if known is None:
            cls = self.nodes[name]
            known = self.classes[name] = (cls, *_shape(cls))
        cls, names, defaults = known
        stored = raw["f"]
        if len(stored) != len(names):
            raise ValueError(f"{cls.__name__}: fields do not match")
        value = self.value
        fields = {}
        for field in names:  # in the class's order
            item = stored[field]
            fields[field] = value(item) if type(item) in _NESTED else item
        given = raw.get("s")
        private = dict(defaults)
        extra = raw.get("x")
        if extra:
            if not extra.keys() <= defaults.keys():
                raise ValueError(f"{cls.__name__}: unknown private attribute")
            private.update(extra)
        at = raw.get("p")
        if at is not None:
            private["_pos"] = self._position(*at)
        return _bare(cls, fields, set(names if given is None else given), private)

    def _position(self, file: int, line: int, col: int) -> Position:
        key = (file, line, col)
        pos = self.positions.get(key)
        if pos is None:
            fields = {"path": self.files[file], "line": line, "col": col}
            pos = _bare(Position, fields, set(fields), None)
            self.positions[key] = pos
        return pos


# ---- writing ---------------------------------------------------------------------------------


def write(key: str, rules: RuleSet, library: Library) -> None:
    """Store the compiled packs; an unwritable cache directory is skipped silently, and so
    are packs holding a value the layout cannot keep."""
    try:
        body = json.dumps(
            {
                "format": FORMAT,
                "key": key,
                "rules": _ruleset_data(rules),
                "library": _library_data(library),
            },
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
    except (TypeError, ValueError):
        return
    header = _MAGIC + b" " + hashlib.sha256(body).hexdigest().encode()
    target = _entry(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".packs-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n" + body)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError:
        return
    prune(target.parent, keep=target)


def prune(directory: Path, *, keep: Path) -> None:
    """Remove all but the `KEEP` newest entries (by modification time, which `read` renews on
    every use; `keep` always stays)
    and temporary files older than `STALE_TEMP_SECONDS`.

    Every pack edit, option set and tool version writes its own ~0.6 MB entry, so a pack
    author's cache would otherwise grow with every save. Files that are not entries are left
    alone, and so is anything that cannot be read or removed.
    """
    entries: list[tuple[float, Path]] = []
    try:
        with os.scandir(directory) as found:
            for item in found:
                name = item.name
                with contextlib.suppress(OSError):
                    if name.startswith("packs-") and name.endswith(".json"):
                        entries.append((item.stat().st_mtime, Path(item.path)))
                    elif (
                        name.startswith(".packs-")
                        and name.endswith(".tmp")
                        and item.stat().st_mtime < time.time() - STALE_TEMP_SECONDS
                    ):
                        os.unlink(item.path)
    except OSError:
        return
    entries.sort(reverse=True)
    for _, path in entries[KEEP:]:
        if path != keep:
            with contextlib.suppress(OSError):
                path.unlink()


class _Recorder:
    """Writes nodes in the layout above, numbering the files their positions name."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.index: dict[str, int] = {}
        self.nodes, self.enums = _registry()

    def __call__(self, value: Any) -> Any:
        if isinstance(value, _Node):
            return self._model(value)
        if isinstance(value, Enum):
            name = type(value).__qualname__
            if self.enums.get(name) is not type(value):
                raise TypeError(f"enum {name} cannot be cached")
            return {"$e": name, "v": value.value}
        if isinstance(value, list):
            return [self(v) for v in value]
        if isinstance(value, dict):
            if all(type(k) is str and not k.startswith("$") for k in value):
                return {k: self(v) for k, v in value.items()}
            return {"$p": [[self(k), self(v)] for k, v in value.items()]}
        if value is None or type(value) in (str, int, float, bool):
            return value
        raise TypeError(f"{type(value).__name__} cannot be cached")

    def _model(self, node: _Node) -> dict[str, Any]:
        cls = type(node)
        name = cls.__qualname__
        if self.nodes.get(name) is not cls:
            raise TypeError(f"model {name} cannot be cached")
        names, defaults = _shape(cls)
        out: dict[str, Any] = {"$m": name, "f": {k: self(getattr(node, k)) for k in names}}
        if node.model_fields_set != set(names):
            out["s"] = sorted(node.model_fields_set)
        pos = node.pos
        if pos is not None:
            if pos.path not in self.index:
                self.index[pos.path] = len(self.files)
                self.files.append(pos.path)
            out["p"] = [self.index[pos.path], pos.line, pos.col]
        private = node.__pydantic_private__ or {}
        extra = {
            k: self(private[k]) for k in defaults if k != "_pos" and private.get(k) != defaults[k]
        }
        if extra:
            out["x"] = extra
        return out


def _ruleset_data(rules: RuleSet) -> dict[str, Any]:
    record = _Recorder()
    pack_index = {id(p): i for i, p in enumerate(rules.packs)}
    data = {
        "packs": [
            {
                "name": p.name,
                "version": p.version,
                "description": p.description,
                "path": str(p.path),
                "sha256": p.sha256,
                "builtin": p.builtin,
                "disable": p.disable,
                "requires": p.requires,
            }
            for p in rules.packs
        ],
        "rules": [record(r) for r in rules.rules],
        "conditions": {name: record(node) for name, node in rules.conditions.items()},
        "references": [record(r) for r in rules.references.values()],
        "tests": [{"pack": pack_index[id(p)], "test": record(t)} for p, t in rules.tests],
        "disabled": rules.disabled,
        "overridden": rules.overridden,
        "allow": rules.allow_safety_overrides,
        "notices": [[n.path, n.line, n.col, n.message, n.code, n.severity] for n in rules.notices],
    }
    data["files"] = record.files
    return data


def _library_data(library: Library) -> dict[str, Any]:
    record = _Recorder()
    data: dict[str, Any] = {
        "exercises": [record(e) for e in library.exercises],
        "design": record(library.design),
        "sha256": library.sha256,
    }
    data["files"] = record.files
    return data
