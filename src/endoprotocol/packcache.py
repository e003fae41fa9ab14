"""The compiled-pack cache: validated rules and library kept as plain JSON between runs.

Reading YAML with positions and cross-checking the packs is most of a plan's time; their
result only changes when a pack file, the library, the options, the tool or Python change,
so it is kept in the user cache directory (`ENDOPROTOCOL_CACHE_DIR` overrides it), one file
per key. Only compiled rules are kept, never profiles or plans.

Plain data only (JSON, never pickle): a cache file is data, so the worst a damaged or
planted one can do is fail validation. It is trusted only when its key matches (sha256 of
every pack and library file's bytes, the load options, the tool's version, a stamp of its
source files and Python's version) and its checksum holds; then its models are validated
again (pydantic, no YAML). A corrupt, stale or unreadable entry is ignored and rebuilt; an
unwritable cache directory is skipped silently.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from endoprotocol import __version__
from endoprotocol.engine.loader import (
    Pack,
    RuleSet,
    _ConditionEntry,
    builtin_rules_dir,
    pack_dirs,
    user_rules_dir,
)
from endoprotocol.engine.model import PackTest, Position, ReferenceEntry, Rule, _Node
from endoprotocol.errors import PackDiagnostic
from endoprotocol.planner.library import ExerciseEntry, Library, SessionDesignFile
from endoprotocol.yamlio import MAX_BYTES

CACHE_ENV = "ENDOPROTOCOL_CACHE_DIR"
FORMAT = 1  # bump when the layout below changes
_MAGIC = b"endoprotocol-packs"


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
    try:
        raw = _entry(key).read_bytes()
    except OSError:
        return None
    header, _, body = raw.partition(b"\n")
    if header != _MAGIC + b" " + hashlib.sha256(body).hexdigest().encode():
        return None  # truncated, edited or not ours
    try:
        data = json.loads(body)
        if data.get("key") != key or data.get("format") != FORMAT:
            return None
        return _ruleset_from(data["rules"]), _library_from(data["library"])
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, ValidationError):
        return None


_RULES = TypeAdapter(list[Rule])
_TESTS = TypeAdapter(list[PackTest])
_REFERENCES = TypeAdapter(list[ReferenceEntry])
_EXERCISES = TypeAdapter(list[ExerciseEntry])


def _ruleset_from(data: dict[str, Any]) -> RuleSet:
    place = _Placer(data["files"])
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
    rules = _RULES.validate_python([r["model"] for r in data["rules"]])
    for rule, stored in zip(rules, data["rules"], strict=True):
        rule._pack = stored["pack"]
        place(rule, stored["pos"])
    conditions = {}
    for name, stored in data["conditions"].items():
        node = _ConditionEntry.model_validate(stored["model"]).root
        place(node, stored["pos"])
        conditions[name] = node
    refs = _REFERENCES.validate_python([r["model"] for r in data["references"]])
    for ref, stored in zip(refs, data["references"], strict=True):
        place(ref, stored["pos"])
    tests = _TESTS.validate_python([t["model"] for t in data["tests"]])
    for test, stored in zip(tests, data["tests"], strict=True):
        place(test, stored["pos"])
    return RuleSet(
        packs=packs,
        rules=rules,
        conditions=conditions,
        references={r.id: r for r in refs},
        tests=[(packs[t["pack"]], test) for t, test in zip(data["tests"], tests, strict=True)],
        disabled=dict(data["disabled"]),
        overridden=dict(data["overridden"]),
        allow_safety_overrides=bool(data["allow"]),
        notices=[PackDiagnostic(*n) for n in data["notices"]],
    )


def _library_from(data: dict[str, Any]) -> Library:
    place = _Placer(data["files"])
    exercises = _EXERCISES.validate_python([e["model"] for e in data["exercises"]])
    for entry, stored in zip(exercises, data["exercises"], strict=True):
        place(entry, stored["pos"])
    design = SessionDesignFile.model_validate(data["design"]["model"])
    place(design, data["design"]["pos"])
    return Library(tuple(exercises), design, str(data["sha256"]))


class _Placer:
    """Gives the nodes of a revalidated model back their file:line, in walk order."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.made: dict[tuple[int, int, int], Position] = {}

    def __call__(self, model: Any, flat: list[int]) -> None:
        found = iter(range(0, len(flat), 3))

        def visit(node: _Node) -> None:
            i = next(found)
            if flat[i] < 0:
                return
            at = (flat[i], flat[i + 1], flat[i + 2])
            pos = self.made.get(at)
            if pos is None:
                pos = Position(path=self.files[at[0]], line=at[1], col=at[2])
                self.made[at] = pos
            node._pos = pos

        _walk(model, visit)
        if next(found, None) is not None:
            raise ValueError("cached positions do not fit the model")


def _walk(node: Any, visit: Callable[[_Node], None]) -> None:
    """Every model node under `node`, in the order `_attach_positions` visits them."""
    if isinstance(node, _Node):
        visit(node)
        for name in _field_names(type(node)):
            _walk(getattr(node, name), visit)
    elif isinstance(node, list | tuple):
        for item in node:
            _walk(item, visit)
    elif isinstance(node, dict):
        for item in node.values():
            _walk(item, visit)


@cache
def _field_names(cls: type[BaseModel]) -> tuple[str, ...]:
    return tuple(cls.model_fields)


# ---- writing ---------------------------------------------------------------------------------


def write(key: str, rules: RuleSet, library: Library) -> None:
    """Store the compiled packs; an unwritable cache directory is skipped silently."""
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


class _Recorder:
    def __init__(self) -> None:
        self.files: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, model: BaseModel, root: Any = None) -> dict[str, Any]:
        """The model's data and its nodes' positions (walked from `root`, default the model)."""
        flat: list[int] = []

        def visit(node: _Node) -> None:
            pos = node.pos
            if pos is None:
                flat.extend((-1, 0, 0))
                return
            if pos.path not in self.index:
                self.index[pos.path] = len(self.files)
                self.files.append(pos.path)
            flat.extend((self.index[pos.path], pos.line, pos.col))

        _walk(model if root is None else root, visit)
        data = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
        return {"model": data, "pos": flat}


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
        "rules": [{"pack": r._pack, **record(r)} for r in rules.rules],
        "conditions": {
            name: record(_ConditionEntry(node), node) for name, node in rules.conditions.items()
        },
        "references": [record(r) for r in rules.references.values()],
        "tests": [{"pack": pack_index[id(p)], **record(t)} for p, t in rules.tests],
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
