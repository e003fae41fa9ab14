"""The compiled-pack cache: used when it matches, rebuilt when stale or damaged, never trusted
otherwise, skipped when it cannot be written, and never changing a plan."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import endoprotocol
from endoprotocol import knowledge, packcache
from endoprotocol.engine.loader import RULES_ENV, builtin_rules_dir
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


def test_an_entry_with_a_valid_checksum_but_invalid_models_is_rebuilt(cache: Path) -> None:
    endoprotocol.load(user_dir=False)
    [entry] = _entries(cache)
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    body["rules"]["rules"][0]["model"]["phase"] = "no-such-phase"
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
