"""Load rule packs from YAML with positions; report every problem compiler-style.

A pack is a directory holding `pack.yaml` (the manifest), optionally `references.yaml`,
and rule files (`*.yaml`, searched recursively, read in sorted order — although the outcome
never depends on order). All problems of all packs are collected and raised together as one
RulePackError (exit 4), each as `path:line:col: error: message [code]`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field, RootModel, ValidationError

from endoprotocol.engine.facts import FACTS, OPS_FOR, Fact
from endoprotocol.engine.model import (
    ID_PATTERN,
    PHASE_ORDER,
    REVIEW_ACTIONS,
    REVIEW_ONLY,
    SAFETY_ONLY,
    AllOf,
    AnyOf,
    ConditionNode,
    Departure,
    Leaf,
    Manifest,
    NotOf,
    Op,
    PackTest,
    Phase,
    Position,
    Prescription,
    ReferenceEntry,
    RefOf,
    Rule,
    SourceClaim,
    _Node,
)
from endoprotocol.errors import PackDiagnostic, RulePackError
from endoprotocol.vocab import suggest
from endoprotocol.yamlio import MAX_BYTES, Document, Refused, YamlProblem, decode, parse

RULES_ENV = "ENDOPROTOCOL_RULES_DIR"
# The user's endoprotocol folder (rule packs, saved profile), when set; else platformdirs'.
CONFIG_ENV = "ENDOPROTOCOL_CONFIG_DIR"
# The built-in pack that always loads: `--no-builtin-rules` drops the others (the core pack).
# It holds the screening and the age scope (DESIGN.md v1.1, "Scope and safety policy").
SAFETY_PACK = "safety"
MANIFEST = "pack.yaml"
REFERENCES = "references.yaml"
LIBRARY_DIR = "library"

M = TypeVar("M", bound=BaseModel)

_PYDANTIC_CODES = {
    "extra_forbidden": "unknown-field",
    "missing": "missing-field",
    "min_gt_max": "min-gt-max",
    "enum": "invalid-value",
    "literal_error": "invalid-value",
    "string_pattern_mismatch": "invalid-value",
    "condition": "invalid-condition",
    "action": "unknown-action",
}


def builtin_rules_dir() -> Path:
    """Where the built-in packs live: env override, then package data, then the checkout."""
    override = os.environ.get(RULES_ENV)
    if override:
        return Path(override)
    packaged = Path(str(resources.files("endoprotocol").joinpath("_rules")))
    if packaged.is_dir():
        return packaged
    # Editable installs do not see hatch's force-included data: fall back to the checkout.
    return Path(__file__).resolve().parents[3] / "rules"


def user_config_dir() -> Path:
    """The user's endoprotocol folder (rule packs, saved profile): `ENDOPROTOCOL_CONFIG_DIR`
    when set, else the platform's config folder (XDG on Linux, Library on macOS, AppData)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("endoprotocol"))


def user_rules_dir() -> Path:
    return user_config_dir() / "rules"


def saved_profile_path() -> Path:
    return user_config_dir() / "profile.yaml"


@dataclass
class Pack:
    name: str
    version: str
    description: str
    path: Path
    sha256: str
    builtin: bool
    disable: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)


@dataclass
class RuleSet:
    """Everything the loaded packs define, validated and cross-checked."""

    packs: list[Pack]
    rules: list[Rule]
    conditions: dict[str, ConditionNode]
    references: dict[str, ReferenceEntry]
    tests: list[tuple[Pack, PackTest]]
    disabled: dict[str, str]  # rule id -> pack that disabled it
    overridden: dict[str, str]  # rule id -> rule that overrides it
    allow_safety_overrides: bool
    notices: list[PackDiagnostic]
    # the source document's claims and how the packs honour them (`claims:` in rule files)
    claims: list[SourceClaim] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id: dict[str, Rule] = {}
        self._indexed: tuple[int, ...] = ()
        self._derived: dict[str, list[Rule] | list[str]] = {}

    def _fresh(self) -> None:
        """Forget the index and derived lists when the rules, disables or overrides changed
        (tests build and edit rule sets by hand); a loaded rule set never changes."""
        stamp = (id(self.rules), len(self.rules), len(self.disabled), len(self.overridden))
        if stamp != self._indexed:
            self._by_id = {}
            for r in self.rules:
                self._by_id.setdefault(r.full_id, r)
            self._derived = {}
            self._indexed = stamp

    def rule(self, full_id: str) -> Rule | None:
        """The rule with this full id: a dict lookup (a plan asks thousands of times)."""
        self._fresh()
        return self._by_id.get(full_id)

    @property
    def active_rules(self) -> list[Rule]:
        self._fresh()
        if "active" not in self._derived:
            gone = set(self.disabled) | set(self.overridden)
            self._derived["active"] = [r for r in self.rules if r.full_id not in gone]
        return list(self._derived["active"])  # type: ignore[arg-type]

    @property
    def scope(self) -> list[Rule]:
        """The age scope: the built-in packs' refusals, disabled or replaced or not.

        The scope is not the packs' to change: it is checked before any pack rule runs.
        """
        self._fresh()
        if "scope" not in self._derived:
            builtin = {p.name for p in self.packs if p.builtin}
            self._derived["scope"] = [
                r
                for r in self.rules
                if r._pack in builtin and any(a.kind == "refuse" for a in r.then)
            ]
        return list(self._derived["scope"])  # type: ignore[arg-type]

    @property
    def safety_overridden(self) -> list[str]:
        """Safety rules a pack switched off or replaced (only ever with the flag)."""
        self._fresh()
        if "safety" not in self._derived:
            touched = {*self.disabled, *self.overridden}
            self._derived["safety"] = sorted(
                r.full_id for r in self.rules if r.full_id in touched and r.is_safety
            )
        return list(self._derived["safety"])  # type: ignore[arg-type]


def pack_dirs(root: Path) -> list[Path]:
    """A pack directory itself, or the pack directories directly inside `root`."""
    if (root / MANIFEST).is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / MANIFEST).is_file())


def _pack_hash(files: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        with contextlib.suppress(OSError, _NotPlain):  # reported by the loader
            digest.update(read_regular_file(path))
    return digest.hexdigest()


class _Collector:
    def __init__(self) -> None:
        self.diagnostics: list[PackDiagnostic] = []
        self.notices: list[PackDiagnostic] = []
        self.pack = ""  # the pack being read, for messages

    def error(self, path: Path | str, pos: tuple[int, int], message: str, code: str) -> None:
        self.diagnostics.append(PackDiagnostic(str(path), pos[0], pos[1], message, code))

    def notice(self, path: Path | str, pos: tuple[int, int], message: str, code: str) -> None:
        self.notices.append(PackDiagnostic(str(path), pos[0], pos[1], message, code, "warning"))


class _NotPlain(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def read_regular_file(path: Path) -> bytes:
    """A rule file's bytes: a regular file only (a FIFO would block, /dev/zero never ends),
    checked against the size limit before reading, and never read past it."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise _NotPlain(
            "not a regular file (a device, pipe or socket); use a plain file", "unreadable"
        )
    if info.st_size > MAX_BYTES:
        raise _NotPlain(
            f"the file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}", "too-large"
        )
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def read_document(path: Path, out: _Collector) -> Document | None:
    """Read and parse one YAML file, reporting problems; None when it cannot be used."""
    try:
        raw = read_regular_file(path)
    except _NotPlain as problem:
        out.error(path, (1, 1), problem.message, problem.code)
        return None
    except OSError as exc:
        out.error(path, (1, 1), f"cannot read file: {exc.strerror or exc}", "unreadable")
        return None
    try:
        doc = parse(decode(raw, "the file"))
    except YamlProblem as problem:
        out.error(path, (problem.line, problem.col), problem.message, problem.code)
        return None
    for found in doc.problems:
        loc = found.path or ()
        where = ".".join(str(part) for part in loc)
        message = f"{_rule_prefix(doc, loc, out)}{where}: {found.message}"
        out.error(path, (found.line, found.col), message, found.code)
    return doc


def validate_model(
    model: type[M], doc: Document, path: Path, out: _Collector, at: tuple[Any, ...] = ()
) -> M | None:
    """Validate a document (or the part of it at `at`) against a model.

    Each pydantic error becomes a diagnostic at the error's YAML position.
    """
    data: Any = doc.data
    for part in at:
        data = data[part]
    data = {} if data is None and not at else data
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            err["loc"] = (*at, *err["loc"])
            if doc.already_reported(tuple(err["loc"])):
                continue
            code = _PYDANTIC_CODES.get(err["type"])
            if code is None:
                code = (
                    "wrong-type" if err["type"].endswith(("_type", "_parsing")) else "invalid-value"
                )
            loc = tuple(err["loc"])
            where = ".".join(str(p) for p in _clean_loc(doc, loc))
            message = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                message = f"unknown field '{loc[-1]}'"
                known = _known_fields(doc, loc)
                if known:
                    near = suggest(str(loc[-1]), known)
                    message += f"; did you mean '{near}'?" if near else ""
                    message += f" (accepted: {', '.join(known)})"
            elif "input" in err and code in {"wrong-type", "invalid-value"}:
                shown = repr(err["input"])
                message += f" (got {shown if len(shown) <= 60 else shown[:57] + '...'})"
                if isinstance(err["input"], bool):
                    message += "; quote it if it is text"
                elif isinstance(err["input"], str) and _looks_numeric(err["input"]):
                    message += "; that is a number written as text: drop the quotes"
            prefix = _rule_prefix(doc, loc, out)
            out.error(path, doc.locate(loc), f"{prefix}{where}: {message}", code)
        return None
    _attach_positions(result, doc, at, path)
    return result


def _rule_prefix(doc: Document, loc: tuple[Any, ...], out: _Collector) -> str:
    """`rule 'pack/id': ` when `loc` is inside a rule, so the message names it."""
    rule_id = _rule_id_at(doc, loc)
    if not rule_id:
        return ""
    return f"rule '{out.pack}/{rule_id}': " if out.pack else f"rule '{rule_id}': "


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _clean_loc(doc: Document, loc: tuple[Any, ...]) -> list[Any]:
    """The error location as the YAML path, with the field it is about (which may be absent)."""
    found = list(doc.path_of(loc))
    if loc and len(found) < len(loc) and (not found or found[-1] != loc[-1]):
        found.append(loc[-1])
    return found


def _known_fields(doc: Document, loc: tuple[Any, ...]) -> list[str]:
    """The fields accepted where an unknown key sits: those of the best-matching model."""
    holder = doc.data
    for part in _clean_loc(doc, loc)[:-1]:
        holder = holder[part]
    if not isinstance(holder, dict):
        return []
    keys = set(holder) - {loc[-1]}
    best: list[str] = []
    best_score = -1
    for model in _node_models():
        fields = [f.alias or name for name, f in model.model_fields.items()]
        if keys - set(fields):
            continue
        score = len(keys & set(fields))
        if score > best_score:
            best, best_score = fields, score
    return best


def _node_models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    stack: list[type[BaseModel]] = [_Node]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.append(sub)
                stack.append(sub)
    return seen


def _rule_id_at(doc: Document, loc: tuple[Any, ...]) -> str | None:
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = doc.data.get("rules") if isinstance(doc.data, dict) else None
        if isinstance(rules, list) and 0 <= loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rid = rules[loc[1]].get("id")
            return str(rid) if rid is not None else None
    return None


def _attach_positions(node: Any, doc: Document, path: tuple[Any, ...], file: Path) -> None:
    """Give every model node its file:line, so explanations can point at the YAML."""
    if isinstance(node, _Node):
        line, col = doc.position(path)
        node._pos = Position(path=str(file), line=line, col=col)
        for name, info in type(node).model_fields.items():
            # a field absent from the YAML takes its nearest ancestor's position
            _attach_positions(getattr(node, name), doc, (*path, info.alias or name), file)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _attach_positions(item, doc, (*path, i), file)
    elif isinstance(node, dict):
        for key, item in node.items():
            _attach_positions(item, doc, (*path, key), file)


# ---- cross-checks ---------------------------------------------------------------------------


def iter_leaves(node: ConditionNode | None) -> Iterator[Leaf | RefOf]:
    if node is None:
        return
    if isinstance(node, Leaf | RefOf):
        yield node
    elif isinstance(node, AllOf):
        for child in node.all:
            yield from iter_leaves(child)
    elif isinstance(node, AnyOf):
        for child in node.any:
            yield from iter_leaves(child)
    elif isinstance(node, NotOf):
        yield from iter_leaves(node.not_)


def check_leaf(leaf: Leaf) -> tuple[str, str] | None:
    """Check a leaf against the fact registry: (message, code) when it is wrong."""
    fact = FACTS.get(leaf.fact)
    if fact is None:
        near = suggest(leaf.fact, list(FACTS))
        hint = f"; did you mean '{near}'?" if near else "; see `endoprotocol rules facts`"
        return f"unknown fact '{leaf.fact}'{hint}", "unknown-fact"
    if leaf.op not in OPS_FOR[fact.kind]:
        fits = ", ".join(sorted(o.value for o in OPS_FOR[fact.kind]))
        return (
            f"op '{leaf.op.value}' does not fit fact '{leaf.fact}' ({fact.kind}); use one of: {fits}",
            "op-mismatch",
        )
    problem = _check_value(fact, leaf.op, leaf.value)
    return (problem, "bad-value") if problem else None


def _check_value(fact: Fact, op: Op, value: Any) -> str | None:
    name = fact.name
    if op is Op.EXISTS:
        return (
            None
            if value is None or isinstance(value, bool)
            else "exists takes true, false or no value"
        )
    if op in {Op.BETWEEN, Op.IN, Op.NOT_IN, Op.CONTAINS_ANY, Op.CONTAINS_ALL}:
        if not isinstance(value, list) or not value:
            return f"op '{op.value}' needs a non-empty list as value (got {value!r})"
        items = value
        if op is Op.BETWEEN and len(value) != 2:
            return f"between needs [low, high] (got {value!r})"
    else:
        items = [value]
    if any(isinstance(item, Refused) for item in items):
        return None  # written outside the number/boolean grammar: reported where it was read
    for item in items:
        if fact.kind == "int":
            if isinstance(item, bool) or not isinstance(item, int):
                return f"fact '{name}' is a whole number; {item!r} is not one"
        elif fact.kind == "bool":
            if not isinstance(item, bool):
                return f"fact '{name}' is true or false; {item!r} is neither"
        else:
            if not isinstance(item, str) or (fact.vocabulary and item not in fact.vocabulary):
                near = suggest(str(item), list(fact.vocabulary)) if fact.vocabulary else None
                hint = f"; did you mean '{near}'?" if near else ""
                accepted = f" (accepted: {', '.join(fact.vocabulary)})" if fact.vocabulary else ""
                return f"{item!r} is not a value of fact '{name}'{hint}{accepted}"
    if op is Op.BETWEEN and items[0] > items[1]:
        return f"between [{items[0]}, {items[1]}]: low is greater than high"
    return None


def _pos(node: _Node, fallback: Path) -> tuple[str, tuple[int, int]]:
    pos = node.pos
    return (pos.path, (pos.line, pos.col)) if pos else (str(fallback), (1, 1))


def load_rules(
    extra_dirs: Iterable[Path] = (),
    *,
    builtin: bool = True,
    user_dir: bool = True,
    allow_safety_overrides: bool = False,
) -> RuleSet:
    """Load the built-in packs, the user's packs and `extra_dirs`; raise RulePackError.

    `builtin=False` (`--no-builtin-rules`) drops the built-in core pack only: the built-in
    safety pack always loads, and only `allow_safety_overrides` lets a pack disable or replace
    its rules. Its age scope applies even then (see `RuleSet.scope`).
    """
    roots: list[tuple[Path, bool]] = []
    out = _Collector()
    base = builtin_rules_dir()
    found = pack_dirs(base)
    if not found:
        out.error(base, (1, 1), "no built-in rule packs found here", "missing-pack")
    elif not any(p.name == SAFETY_PACK for p in found):
        out.error(
            base,
            (1, 1),
            f"no built-in '{SAFETY_PACK}' pack here; every plan needs its screening and age scope",
            "missing-pack",
        )
    roots += [(p, True) for p in found if builtin or p.name == SAFETY_PACK]
    if user_dir:
        roots += [(p, False) for p in pack_dirs(user_rules_dir())]
    for extra in extra_dirs:
        found = pack_dirs(extra)
        if not found:
            out.error(
                extra, (1, 1), f"no {MANIFEST} here or in its sub-directories", "missing-manifest"
            )
        roots += [(p, False) for p in found]
    ruleset = _load(roots, out, allow_safety_overrides)
    if not ruleset.scope:
        where = base / SAFETY_PACK / MANIFEST
        out.error(
            where,
            (1, 1),
            "the built-in packs refuse no one: the age scope is missing",
            "missing-scope",
        )
        raise RulePackError(out.diagnostics)
    _note_scope_overrides(ruleset)
    return ruleset


def _note_scope_overrides(ruleset: RuleSet) -> None:
    """Switching off a scope rule is allowed with the flag but changes nothing: say so."""
    packs = {p.name: p for p in ruleset.packs}
    for rule in ruleset.scope:
        if rule.full_id in ruleset.disabled:
            where: tuple[str, tuple[int, int]] = (
                str(packs[ruleset.disabled[rule.full_id]].path / MANIFEST),
                (1, 1),
            )
        elif (by := ruleset.rule(ruleset.overridden.get(rule.full_id, ""))) is not None:
            where = _pos(by, Path("?"))
        else:
            continue
        ruleset.notices.append(
            PackDiagnostic(
                where[0],
                *where[1],
                f"rule '{rule.full_id}' is part of the age scope, which applies whatever packs "
                "say; switching it off or replacing it changes nothing",
                "scope-rule",
                "warning",
            )
        )


def _load(roots: list[tuple[Path, bool]], out: _Collector, allow: bool) -> RuleSet:
    packs: list[Pack] = []
    rules: list[Rule] = []
    conditions: dict[str, tuple[ConditionNode, Path]] = {}
    references: dict[str, tuple[ReferenceEntry, Path]] = {}
    tests: list[tuple[Pack, PackTest]] = []
    claims: list[SourceClaim] = []
    seen_dirs: set[Path] = set()
    for directory, is_builtin in roots:
        if directory.resolve() in seen_dirs:
            continue
        seen_dirs.add(directory.resolve())
        pack = _load_pack(directory, is_builtin, out, rules, conditions, references, tests, claims)
        if pack is not None:
            if any(p.name == pack.name for p in packs):
                out.error(
                    directory / MANIFEST,
                    (1, 1),
                    f"pack name '{pack.name}' is loaded twice",
                    "duplicate-pack",
                )
            packs.append(pack)
    loaded = {p.name for p in packs}
    for pack in packs:
        for needed in pack.requires:
            if needed not in loaded:
                out.error(
                    pack.path / MANIFEST,
                    (1, 1),
                    f"pack '{pack.name}' requires pack '{needed}', which is not loaded",
                    "missing-required-pack",
                )
    refs = {k: v[0] for k, v in references.items()}
    conds = {k: v[0] for k, v in conditions.items()}
    _cross_check(rules, conds, refs, out)
    disabled, overridden = _disable_and_override(packs, rules, out, allow)
    # a rule that overrides another (or a disabled one) does not compete with it
    _check_overlaps([r for r in rules if r.full_id not in disabled | overridden.keys()], out)
    if out.diagnostics:
        raise RulePackError(out.diagnostics)
    rules.sort(key=lambda r: r.full_id)
    _check_claims(claims, rules, out)
    if out.diagnostics:
        raise RulePackError(out.diagnostics)
    return RuleSet(
        packs, rules, conds, refs, tests, disabled, overridden, allow, out.notices, claims
    )


def _load_pack(
    directory: Path,
    is_builtin: bool,
    out: _Collector,
    rules: list[Rule],
    conditions: dict[str, tuple[ConditionNode, Path]],
    references: dict[str, tuple[ReferenceEntry, Path]],
    tests: list[tuple[Pack, PackTest]],
    claims: list[SourceClaim],
) -> Pack | None:
    manifest_path = directory / MANIFEST
    out.pack = ""
    doc = read_document(manifest_path, out)
    manifest = validate_model(Manifest, doc, manifest_path, out) if doc else None
    if manifest is None:
        return None
    files = sorted(
        p
        for p in [*directory.rglob("*.yaml"), *directory.rglob("*.yml")]
        # not is_dir(): a broken link is reported as unreadable rather than skipped
        if not p.is_dir() and LIBRARY_DIR not in p.relative_to(directory).parts
    )
    for other in sorted(directory.rglob("*.json")):
        # never skip a file silently: JSON is YAML, but packs are read from .yaml/.yml only
        out.notice(other, (1, 1), "ignored: rule files end in .yaml or .yml", "ignored-file")
    out.pack = manifest.name
    pack = Pack(
        name=manifest.name,
        version=manifest.version,
        description=manifest.description,
        path=directory,
        sha256=_pack_hash(files, directory),
        builtin=is_builtin,
        disable=list(manifest.disable),
        requires=list(manifest.requires),
    )
    entries = [(r, manifest_path) for r in manifest.references]
    ref_path = directory / REFERENCES
    if ref_path.is_file():
        ref_doc = read_document(ref_path, out)
        if ref_doc is not None:
            ref_file = validate_model(_ReferenceFile, ref_doc, ref_path, out)
            if ref_file is not None:
                entries += [(r, ref_path) for r in ref_file.references]
    for entry, path in entries:
        known = references.get(entry.id)
        if known and known[0].citation != entry.citation:
            where, pos = _pos(entry, path)
            out.error(
                where,
                pos,
                f"reference '{entry.id}' is already defined in {known[1]} with a different citation",
                "reference-conflict",
            )
        elif not known:
            references[entry.id] = (entry, path)
    rule_count = 0
    unusable = 0
    for path in files:
        if path.name in {MANIFEST, REFERENCES}:
            continue
        doc = read_document(path, out)
        if doc is None:
            unusable += 1
            continue
        shell = validate_model(_RuleFileShell, doc, path, out)
        if shell is None:
            continue
        rule_count += len(shell.rules)
        # Entries are validated one by one so that one bad rule does not hide the others'
        # problems from the cross-checks.
        for name in shell.conditions:
            cond = validate_model(_condition_entry(), doc, path, out, ("conditions", name))
            if cond is None:
                continue
            _attach_positions(cond.root, doc, ("conditions", name), path)
            if name in conditions:
                out.error(
                    path,
                    doc.position(("conditions", name)),
                    f"named condition '{name}' is already defined in {conditions[name][1]}",
                    "duplicate-condition",
                )
            else:
                conditions[name] = (cond.root, path)
        for index in range(len(shell.rules)):
            rule = validate_model(Rule, doc, path, out, ("rules", index))
            if rule is not None:
                rule._pack = pack.name
                rules.append(rule)
        for index in range(len(shell.tests)):
            test = validate_model(PackTest, doc, path, out, ("tests", index))
            if test is not None:
                tests.append((pack, test))
        for index in range(len(shell.claims)):
            claim = validate_model(SourceClaim, doc, path, out, ("claims", index))
            if claim is not None:
                claim._pack = pack.name
                claims.append(claim)
    if rule_count == 0 and not unusable:  # an unreadable file already explains the emptiness
        out.error(manifest_path, (1, 1), f"pack '{pack.name}' holds no rules", "empty-pack")
    return pack


def departures_of(rules: Iterable[Rule]) -> dict[str, tuple[Departure, Rule]]:
    """Every departure the rules declare, by full id (`<pack>/<id>`); the first one wins."""
    found: dict[str, tuple[Departure, Rule]] = {}
    for rule in rules:
        for action in rule.then:
            if isinstance(action.body, Departure):
                full = f"{rule._pack}/{action.body.id}" if rule._pack else action.body.id
                found.setdefault(full, (action.body, rule))
    return found


def _check_departures(rules: list[Rule], out: _Collector) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        for action in rule.then:
            if not isinstance(action.body, Departure):
                continue
            full = f"{rule._pack}/{action.body.id}"
            if full in seen and seen[full] is not rule:
                where, pos = _pos(action, Path("?"))
                out.error(
                    where,
                    pos,
                    f"rule '{rule.full_id}': departure '{full}' is already declared by rule '{seen[full].full_id}'",
                    "duplicate-departure",
                )
            seen.setdefault(full, rule)


def _check_claims(claims: list[SourceClaim], rules: list[Rule], out: _Collector) -> None:
    """Claim ids are unique, and each names rules and departures that exist."""
    _check_departures(rules, out)
    seen: dict[str, SourceClaim] = {}
    for claim in claims:
        if claim.full_id in seen:
            where, pos = _pos(claim, Path("?"))
            out.error(
                where,
                pos,
                f"claim '{claim.full_id}' is listed twice (first at {seen[claim.full_id].pos})",
                "duplicate-claim",
            )
        seen.setdefault(claim.full_id, claim)
    rule_ids = {r.full_id for r in rules}
    departures = departures_of(rules)
    for claim in claims:
        where, pos = _pos(claim, Path("?"))
        for rid in claim.encoded_by:
            if rid not in rule_ids:
                near = suggest(rid, sorted(rule_ids))
                hint = f"; did you mean '{near}'?" if near else ""
                out.error(
                    where,
                    pos,
                    f"claim '{claim.full_id}': encoded_by names unknown rule '{rid}'{hint}",
                    "unknown-rule",
                )
        for did in claim.departed_by:
            if did not in departures:
                near = suggest(did, sorted(departures))
                hint = f"; did you mean '{near}'?" if near else ""
                out.error(
                    where,
                    pos,
                    f"claim '{claim.full_id}': departed_by names unknown departure '{did}'{hint}",
                    "unknown-departure",
                )


class _RuleFileShell(_Node):
    """The top level of a rule file; entries are validated one at a time."""

    conditions: dict[Annotated[str, Field(pattern=ID_PATTERN)], Any] = {}
    rules: list[Any] = []
    tests: list[Any] = []
    claims: list[Any] = []


@cache
def _condition_entry() -> type[RootModel[ConditionNode]]:
    """The model of one named condition, made when a pack is first read from YAML: a
    parametrized RootModel costs 1-2 ms to create, and a run with a warm pack cache reads no
    YAML."""

    class _ConditionEntry(RootModel[ConditionNode]):
        pass

    return _ConditionEntry


class _ReferenceFile(_Node):
    references: list[ReferenceEntry]


MAX_CONDITION_DEPTH = 100  # condition levels, named conditions expanded; keeps the stack safe


def _cross_check(
    rules: list[Rule],
    conditions: dict[str, ConditionNode],
    references: dict[str, ReferenceEntry],
    out: _Collector,
) -> None:
    seen: dict[str, Rule] = {}
    named = _check_named_conditions(conditions, out)
    for rule in rules:
        where, pos = _pos(rule, Path("?"))
        if rule.full_id in seen:
            first = seen[rule.full_id].pos
            out.error(
                where,
                pos,
                f"rule '{rule.full_id}' is defined twice (first at {first})",
                "duplicate-rule-id",
            )
        seen.setdefault(rule.full_id, rule)
        for ref in rule.references:
            if ref not in references:
                near = suggest(ref, list(references))
                hint = f"; did you mean '{near}'?" if near else ""
                out.error(
                    where,
                    pos,
                    f"rule '{rule.full_id}': unknown reference '{ref}'{hint}",
                    "unknown-reference",
                )
        for action in rule.then:
            if action.kind in SAFETY_ONLY and not rule.is_safety:
                w, p = _pos(action, Path(where))
                out.error(
                    w,
                    p,
                    f"rule '{rule.full_id}': '{action.kind}' is a safety action; only rules in phase 'safety' may use it",
                    "safety-action-outside-safety",
                )
            elif rule.phase is Phase.REVIEW and action.kind not in REVIEW_ACTIONS:
                w, p = _pos(action, Path(where))
                allowed = ", ".join(sorted(REVIEW_ACTIONS))
                out.error(
                    w,
                    p,
                    f"rule '{rule.full_id}': a 'review' rule runs after the plan is built and may only describe it ({allowed}); '{action.kind}' would change the plan",
                    "action-outside-review",
                )
            elif action.kind in REVIEW_ONLY and rule.phase is not Phase.REVIEW:
                w, p = _pos(action, Path(where))
                out.error(
                    w,
                    p,
                    f"rule '{rule.full_id}': '{action.kind}' describes the built plan; only rules in phase 'review' may use it",
                    "review-action-outside-review",
                )
        _check_condition(rule, conditions, named, out)


@dataclass
class _Named:
    """What a named condition reads once expanded: its facts and its depth in levels."""

    facts: frozenset[str] = frozenset()
    depth: int = 0


def _leaves_at_depth(node: ConditionNode | None) -> Iterator[tuple[Leaf | RefOf, int]]:
    """Every leaf and reference of a tree with its depth (1 for a lone leaf)."""
    stack: list[tuple[ConditionNode, int]] = [(node, 1)] if node is not None else []
    while stack:
        current, depth = stack.pop()
        if isinstance(current, Leaf | RefOf):
            yield current, depth
        elif isinstance(current, AllOf | AnyOf):
            children = current.all if isinstance(current, AllOf) else current.any
            stack.extend((child, depth + 1) for child in reversed(children))
        elif isinstance(current, NotOf):
            stack.append((current.not_, depth + 1))


def _check_named_conditions(
    conditions: dict[str, ConditionNode], out: _Collector
) -> dict[str, _Named]:
    """Check each named condition once (never once per path that reaches it, which grows
    exponentially when conditions refer to each other twice): its leaves, its references,
    cycles (reported once, where the loop closes), and its depth once expanded."""
    done: dict[str, _Named] = {}

    def refs(name: str) -> list[RefOf]:
        return [leaf for leaf, _ in _leaves_at_depth(conditions[name]) if isinstance(leaf, RefOf)]

    for name, cond in conditions.items():
        for leaf, _ in _leaves_at_depth(cond):
            w, p = _pos(leaf, Path("?"))
            if isinstance(leaf, Leaf):
                problem = check_leaf(leaf)
                if problem:
                    out.error(w, p, f"condition '{name}': {problem[0]}", problem[1])
            elif leaf.ref not in conditions:
                near = suggest(leaf.ref, list(conditions))
                hint = f"; did you mean '{near}'?" if near else ""
                out.error(
                    w,
                    p,
                    f"condition '{name}': unknown named condition '{leaf.ref}'{hint}",
                    "unknown-condition",
                )
    for root in conditions:
        if root in done:
            continue
        # depth-first without recursion: a chain of thousands of names cannot overflow
        stack: list[tuple[str, Iterator[RefOf]]] = [(root, iter(refs(root)))]
        path = [root]
        while stack:
            name, pending = stack[-1]
            for ref in pending:
                if ref.ref not in conditions or ref.ref in done:
                    continue
                if ref.ref in path:
                    loop = " -> ".join([*path[path.index(ref.ref) :], ref.ref])
                    w, p = _pos(ref, Path("?"))
                    out.error(
                        w,
                        p,
                        f"named condition '{ref.ref}' refers to itself ({loop})",
                        "condition-cycle",
                    )
                    continue
                stack.append((ref.ref, iter(refs(ref.ref))))
                path.append(ref.ref)
                break
            else:
                stack.pop()
                path.pop()
                done[name] = _expand(conditions[name], done)
                # reported where the limit is first crossed, not again in each user of it
                if done[name].depth > MAX_CONDITION_DEPTH and not _too_deep(refs(name), done):
                    w, p = _pos(conditions[name], Path("?"))
                    out.error(
                        w,
                        p,
                        f"condition '{name}' nests {done[name].depth} levels deep once its named "
                        f"conditions are expanded; at most {MAX_CONDITION_DEPTH}",
                        "condition-too-deep",
                    )
    return done


def _too_deep(refs: list[RefOf], named: dict[str, _Named]) -> bool:
    return any(named.get(r.ref, _Named()).depth > MAX_CONDITION_DEPTH for r in refs)


def _expand(node: ConditionNode | None, named: dict[str, _Named]) -> _Named:
    facts: set[str] = set()
    depth = 0
    for leaf, at in _leaves_at_depth(node):
        if isinstance(leaf, Leaf):
            facts.add(leaf.fact)
            depth = max(depth, at)
        else:
            inner = named.get(leaf.ref, _Named())
            facts |= inner.facts
            depth = max(depth, at + inner.depth)
    return _Named(frozenset(facts), depth)


def _check_condition(
    rule: Rule,
    conditions: dict[str, ConditionNode],
    named: dict[str, _Named],
    out: _Collector,
) -> None:
    phase_index = PHASE_ORDER.index(rule.phase)
    for leaf, _ in _leaves_at_depth(rule.when):
        where, pos = _pos(leaf, Path("?"))
        if isinstance(leaf, RefOf):
            if leaf.ref not in conditions:
                near = suggest(leaf.ref, list(conditions))
                hint = f"; did you mean '{near}'?" if near else ""
                out.error(
                    where,
                    pos,
                    f"rule '{rule.full_id}': unknown named condition '{leaf.ref}'{hint}",
                    "unknown-condition",
                )
                continue
            facts = sorted(named.get(leaf.ref, _Named()).facts)
            via = f" (through named condition '{leaf.ref}')"
        else:
            problem = check_leaf(leaf)
            if problem:
                out.error(where, pos, f"rule '{rule.full_id}': {problem[0]}", problem[1])
                continue
            facts, via = [leaf.fact], ""
        for name in facts:
            fact = FACTS.get(name)
            if fact and PHASE_ORDER.index(fact.available_from) > phase_index:
                out.error(
                    where,
                    pos,
                    f"rule '{rule.full_id}': fact '{name}'{via} is decided in phase '{fact.available_from.value}'; a '{rule.phase.value}' rule runs before it",
                    "fact-not-yet-decided",
                )
    depth = _expand(rule.when, named).depth
    used = [leaf for leaf, _ in _leaves_at_depth(rule.when) if isinstance(leaf, RefOf)]
    if depth > MAX_CONDITION_DEPTH and not _too_deep(used, named):
        where, pos = _pos(rule, Path("?"))
        out.error(
            where,
            pos,
            f"rule '{rule.full_id}': its condition nests {depth} levels deep once named "
            f"conditions are expanded; at most {MAX_CONDITION_DEPTH}",
            "condition-too-deep",
        )


def _touchable(
    target: str,
    by_id: dict[str, Rule],
    who: str,
    verb: str,
    where: tuple[Path | str, tuple[int, int]],
    out: _Collector,
    allow: bool,
) -> Rule | None:
    """The rule a pack disables or a rule overrides, if it exists and may be touched."""
    rule = by_id.get(target)
    if rule is None:
        near = suggest(target, list(by_id))
        hint = f"; did you mean '{near}'?" if near else ""
        out.error(*where, f"{who} {verb} unknown rule '{target}'{hint}", "unknown-rule")
        return None
    if rule.is_safety and not allow:
        out.error(
            *where,
            f"{who} {verb} safety rule '{target}'; that needs --allow-safety-overrides",
            "safety-override",
        )
        return None
    return rule


def _disable_and_override(
    packs: list[Pack], rules: list[Rule], out: _Collector, allow: bool
) -> tuple[dict[str, str], dict[str, str]]:
    by_id = {r.full_id: r for r in rules}
    disabled: dict[str, str] = {}
    overridden: dict[str, str] = {}
    for pack in packs:
        for target in pack.disable:
            where = (pack.path / MANIFEST, (1, 1))
            if _touchable(target, by_id, f"pack '{pack.name}'", "disables", where, out, allow):
                disabled[target] = pack.name
    for rule in rules:
        if rule.overrides is None:
            continue
        who = f"rule '{rule.full_id}'"
        if _touchable(rule.overrides, by_id, who, "overrides", _pos(rule, Path("?")), out, allow):
            overridden[rule.overrides] = rule.full_id
    return disabled, overridden


def _check_overlaps(rules: list[Rule], out: _Collector) -> None:
    """Warn when two rules set the same point value at the same priority (order would matter)."""
    setters: dict[tuple[str, str, str, str], list[Rule]] = {}
    for rule in rules:
        for action in rule.then:
            body = action.body
            if not isinstance(body, Prescription):
                continue
            for param in sorted(body.model_fields_set - {"modality", "role"}):
                # every phase competes for a point value, so overlaps across phases count too
                key = (
                    "",
                    str(body.modality),
                    str(body.role),
                    param,
                )
                setters.setdefault(key, []).append(rule)
    for (_phase, modality, role, param), group in sorted(setters.items()):
        by_priority: dict[int, list[Rule]] = {}
        for rule in group:
            by_priority.setdefault(rule.priority, []).append(rule)
        for priority, same in by_priority.items():
            if len(same) < 2:
                continue
            same.sort(key=lambda r: r.full_id)
            for other in same[1:]:
                if _may_overlap(same[0], other):
                    where, pos = _pos(other, Path("?"))
                    out.notice(
                        where,
                        pos,
                        f"rules '{same[0].full_id}' and '{other.full_id}' both set {modality}/{role} {param} at priority {priority}; when both fire, specificity then id decides",
                        "overlapping-setters",
                    )


def _may_overlap(a: Rule, b: Rule) -> bool:
    """Conservative: two rules cannot overlap only if they test one fact with eq on different values."""

    def eqs(rule: Rule) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if isinstance(rule.when, Leaf) and rule.when.op is Op.EQ:
            found[rule.when.fact] = rule.when.value
        elif isinstance(rule.when, AllOf):
            for child in rule.when.all:
                if isinstance(child, Leaf) and child.op is Op.EQ:
                    found[child.fact] = child.value
        return found

    ea, eb = eqs(a), eqs(b)
    return not any(ea[k] != eb[k] for k in ea.keys() & eb.keys())
