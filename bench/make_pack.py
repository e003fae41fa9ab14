"""Write a large rule pack for the planning benchmark: the core pack's rules, copied.

    python bench/make_pack.py OUT_DIR [--rules 4000]

Each copy renames its rules, named conditions and departures (`-c<k>` suffix) and cites
the core pack's references, so the pack loads beside the built-in packs and every copy
fires where its original does: evaluation, resolution and provenance all see N rules.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "rules" / "core"


def _renamed(node: Any, suffix: str, names: set[str]) -> Any:
    if isinstance(node, dict):
        out = {k: _renamed(v, suffix, names) for k, v in node.items()}
        if set(out) == {"ref"} and out["ref"] in names:
            out["ref"] = f"{out['ref']}{suffix}"
        return out
    if isinstance(node, list):
        return [_renamed(item, suffix, names) for item in node]
    return node


def write_pack(out: Path, count: int) -> int:
    """Write the pack to `out`; returns the number of rules written."""
    files = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(CORE.glob("*.yaml"))
        if p.name not in {"pack.yaml", "references.yaml"}
    ]
    originals = [(f.get("conditions") or {}, f.get("rules") or []) for f in files]
    out.mkdir(parents=True, exist_ok=True)
    (out / "pack.yaml").write_text(
        "name: bulk\nversion: '1.0'\ndescription: Copies of the core rules, for the benchmark.\n"
        "requires: [core]\n",
        encoding="utf-8",
    )
    written = 0
    copy = 0
    while written < count:
        copy += 1
        suffix = f"-c{copy}"
        conditions: dict[str, Any] = {}
        rules: list[dict[str, Any]] = []
        for conds, file_rules in originals:
            names = set(conds)
            for name, cond in conds.items():
                conditions[f"{name}{suffix}"] = _renamed(cond, suffix, names)
            for rule in file_rules:
                if written >= count:
                    break
                body = _renamed(rule, suffix, names)
                body["id"] = f"{rule['id']}{suffix}"
                body.pop("overrides", None)
                for action in body.get("then") or []:
                    # a departure is declared once across the packs: each copy its own
                    if isinstance(action, dict) and isinstance(action.get("departure"), dict):
                        action["departure"]["id"] = f"{action['departure']['id']}{suffix}"
                rules.append(body)
                written += 1
        # named conditions of all files share one namespace per copy
        all_names = {n for conds, _ in originals for n in conds}
        rules = [_renamed(r, "", set()) for r in rules]
        for rule in rules:
            _fix_refs(rule, suffix, all_names)
        text = yaml.safe_dump(
            {"conditions": conditions, "rules": rules}, sort_keys=False, allow_unicode=True
        )
        (out / f"copy-{copy:03d}.yaml").write_text(text, encoding="utf-8")
    return written


def _fix_refs(node: Any, suffix: str, names: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("ref")
        if isinstance(ref, str) and ref in names:
            node["ref"] = f"{ref}{suffix}"
        for value in node.values():
            _fix_refs(value, suffix, names)
    elif isinstance(node, list):
        for item in node:
            _fix_refs(item, suffix, names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rules", type=int, default=4000)
    args = parser.parse_args()
    print(f"{write_pack(args.out, args.rules)} rules in {args.out}")


if __name__ == "__main__":
    main()
