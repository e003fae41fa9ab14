"""The compiled-pack cache: used when it matches, rebuilt when stale or damaged, never trusted
otherwise, skipped when it cannot be written, and never changing a plan."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import endoprotocol
from endoprotocol import knowledge, packcache
from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir
from endoprotocol.engine.model import Rule
from endoprotocol.errors import EndoprotocolError
from endoprotocol.packcache import CACHE_ENV
from endoprotocol.sources import example_names, example_text, read_profile_text


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(where))
    return where


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("packs-*.json")) if where.is_dir() else []


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the packs were read from YAML")

    monkeypatch.setattr(knowledge, "load_rules", refuse)


def test_a_miss_writes_an_entry_and_a_hit_reads_no_yaml(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = endoprotocol.load(user_dir=False)
    assert len(_entries(cache)) == 1
    _no_yaml(monkeypatch)
    second = endoprotocol.load(user_dir=False)
    assert [r.full_id for r in second.rules.rules] == [r.full_id for r in first.rules.rules]
    assert second.rules.rules[0].pos == first.rules.rules[0].pos
    assert second.library.sha256 == first.library.sha256


def _same_nodes(a: object, b: object, where: str) -> None:
    """The same models (class, fields, fields set, private attributes, position) and the
    same enum members, all the way down."""
    assert type(a) is type(b), where
    if isinstance(a, BaseModel):
        assert isinstance(b, BaseModel)
        assert a.model_fields_set == b.model_fields_set, where
        fields = type(a).model_fields
        assert [k for k in vars(a) if k in fields] == [k for k in vars(b) if k in fields], where
        assert a.__pydantic_private__ == b.__pydantic_private__, where
        for name in type(a).model_fields:
            _same_nodes(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, list | tuple):
        assert isinstance(b, list | tuple)
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same_nodes(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert isinstance(b, dict)
        assert list(a) == list(b), where
        for (k, x), (j, y) in zip(a.items(), b.items(), strict=True):
            assert type(k) is type(j), where
            _same_nodes(x, y, f"{where}[{k!r}]")
    else:
        assert a == b, where


def test_cached_nodes_are_the_validated_ones(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = endoprotocol.load(user_dir=False, cache=False)
    endoprotocol.load(user_dir=False)
    _no_yaml(monkeypatch)
    cached = endoprotocol.load(user_dir=False)
    _same_nodes(fresh.rules.rules, cached.rules.rules, "rules")
    _same_nodes(fresh.rules.conditions, cached.rules.conditions, "conditions")
    _same_nodes(fresh.rules.references, cached.rules.references, "references")
    _same_nodes([t for _, t in fresh.rules.tests], [t for _, t in cached.rules.tests], "tests")
    _same_nodes(fresh.library.exercises, cached.library.exercises, "exercises")
    _same_nodes(fresh.library.design, cached.library.design, "design")
    assert [r.full_id for r in cached.rules.rules] == [r.full_id for r in fresh.rules.rules]


def test_cached_packs_plan_byte_for_byte_like_fresh_ones(cache: Path) -> None:
    fresh = endoprotocol.load(user_dir=False, cache=False)
    endoprotocol.load(user_dir=False)
    cached = endoprotocol.load(user_dir=False)
    assert cached.rules is not fresh.rules
    planned = 0
    for name in example_names():
        person = endoprotocol.parse_profile(read_profile_text(example_text(name), name))
        for explain in (False, True):
            try:
                a = endoprotocol.build_plan(person, fresh.rules, fresh.library, explain=explain)
            except EndoprotocolError:
                continue
            b = endoprotocol.build_plan(person, cached.rules, cached.library, explain=explain)
            assert a.to_json() == b.to_json(), name
            planned += 1
    assert planned >= 4


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"not a cache\n" + raw,
        lambda raw: raw.replace(b'"priority":', b'"priority" :', 1),  # checksum no longer holds
        lambda raw: b"",
    ],
)
def test_a_damaged_entry_is_rebuilt_not_trusted(cache: Path, damage: object) -> None:
    endoprotocol.load(user_dir=False)
    [entry] = _entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    loaded = endoprotocol.load(user_dir=False)
    assert loaded.rules.rule("safety/under-18") is not None
    assert entry.read_bytes() == good  # written again


def _bad_phase(body: dict[str, Any]) -> None:
    body["rules"]["rules"][0]["f"]["phase"]["v"] = "no-such-phase"


def _unknown_class(body: dict[str, Any]) -> None:
    body["rules"]["rules"][0]["$m"] = "Planted"


def _unknown_enum(body: dict[str, Any]) -> None:
    body["rules"]["rules"][0]["f"]["phase"]["$e"] = "Planted"


def _unknown_field(body: dict[str, Any]) -> None:
    body["rules"]["rules"][0]["f"]["planted"] = 1


def _missing_field(body: dict[str, Any]) -> None:
    del body["rules"]["rules"][0]["f"]["because"]


def _not_a_rule(body: dict[str, Any]) -> None:
    body["rules"]["rules"][0] = body["rules"]["references"][0]


@pytest.mark.parametrize(
    "plant",
    [_bad_phase, _unknown_class, _unknown_enum, _unknown_field, _missing_field, _not_a_rule],
)
def test_an_entry_with_a_valid_checksum_but_unknown_models_is_rebuilt(
    cache: Path, plant: Any
) -> None:
    endoprotocol.load(user_dir=False)
    [entry] = _entries(cache)
    good = entry.read_bytes()
    body = json.loads(good.partition(b"\n")[2])
    plant(body)
    raw = json.dumps(body).encode()
    entry.write_bytes(
        b"endoprotocol-packs " + hashlib.sha256(raw).hexdigest().encode() + b"\n" + raw
    )
    loaded = endoprotocol.load(user_dir=False)
    assert {r.phase.value for r in loaded.rules.rules} <= {
        "safety",
        "prescribe",
        "adjust",
        "annotate",
        "review",
    }
    assert all(type(r) is Rule and r.because for r in loaded.rules.rules)
    assert entry.read_bytes() == good  # written again


def test_an_entry_for_another_key_is_not_used(cache: Path) -> None:
    endoprotocol.load(user_dir=False)
    [entry] = _entries(cache)
    key = packcache.key_for([], builtin=True, user_dir=False, allow=False)
    other = packcache.key_for([], builtin=True, user_dir=False, allow=True)
    assert key != other
    shutil.copy(entry, packcache._entry(other))
    assert packcache.read(other) is None  # the key inside the entry is checked


def test_a_pack_edit_is_a_miss_and_the_plan_sees_it(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), rules)
    monkeypatch.setenv(RULES_ENV, str(rules))
    before = endoprotocol.load(user_dir=False)
    hiit = rules / "core" / "hiit.yaml"
    hiit.write_text(hiit.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = endoprotocol.load(user_dir=False)
    assert len(_entries(cache)) == 2
    sha = {p.name: p.sha256 for p in before.rules.packs}
    assert {p.name: p.sha256 for p in after.rules.packs}["core"] != sha["core"]


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    loaded = endoprotocol.load(user_dir=False)
    assert loaded.rules.rule("safety/under-18") is not None


def test_no_cache_neither_reads_nor_writes(
    cache: Path, cli: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("plan", "--age", "40", "--sex", "female", "--goal", "strength", "-f", "json")
    result = cli(*args, "--no-cache")  # type: ignore[operator]
    assert result.exit_code == 0, result.stderr
    assert _entries(cache) == []
    assert cli(*args).exit_code == 0  # type: ignore[operator]
    assert len(_entries(cache)) == 1
    _no_yaml(monkeypatch)
    assert cli(*args).exit_code == 0  # type: ignore[operator]
    with pytest.raises(AssertionError):
        endoprotocol.load(user_dir=False, cache=False)


def test_the_cache_keeps_the_newest_entries_only(cache: Path) -> None:
    """Each pack edit writes its own entry; older ones go once there are more than KEEP, so
    a pack author's cache does not grow with every save. Other files stay."""
    import os

    cache.mkdir(parents=True)
    for n in range(packcache.KEEP + 3):
        old = cache / f"packs-{n:040d}.json"
        old.write_bytes(b"old")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    left_by_a_dead_run = cache / ".packs-dead.tmp"
    left_by_a_dead_run.write_bytes(b"")
    os.utime(left_by_a_dead_run, (1_000_000, 1_000_000))
    unrelated = cache / "notes.txt"
    unrelated.write_text("mine")
    endoprotocol.load(user_dir=False)
    kept = _entries(cache)
    assert len(kept) == packcache.KEEP
    newest_old = {cache / f"packs-{n:040d}.json" for n in range(4, packcache.KEEP + 3)}
    assert newest_old < set(kept)  # the new entry plus the 7 newest old ones
    assert not left_by_a_dead_run.exists()
    assert unrelated.read_text() == "mine"


def test_an_entry_in_use_outlives_newer_ones(cache: Path, tmp_path: Path) -> None:
    """Reading an entry renews it: a checkout planned with every day keeps its entry while
    other checkouts or pack edits write more than KEEP new ones."""
    import os

    endoprotocol.load(user_dir=False)
    (used,) = _entries(cache)
    os.utime(used, (1_000_000, 1_000_000))  # written long ago
    for n in range(packcache.KEEP):
        newer = cache / f"packs-{n:040d}.json"
        newer.write_bytes(b"other")
        os.utime(newer, (2_000_000 + n, 2_000_000 + n))
    endoprotocol.load(user_dir=False)  # a hit: no entry is written, the used one renewed
    assert used.stat().st_mtime > 2_000_000 + packcache.KEEP
    packcache.prune(cache, keep=cache / "packs-none.json")
    assert used.exists()
    assert len(_entries(cache)) == packcache.KEEP
