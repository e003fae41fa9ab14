"""`Decisions`: the one typed hand-off from the engine to the planner (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

from endoprotocol.engine.decisions import Bounded, Decisions, Resolved, Ruled
from endoprotocol.engine.evaluate import MERGE
from endoprotocol.engine.model import ACTION_TYPES, Bound

SRC = Path(__file__).resolve().parents[1] / "src" / "endoprotocol"


def test_every_action_kind_has_one_merge_function() -> None:
    # `departure` is a review-phase action: the review step (engine/review.py) collects it
    kinds = {next(iter(t.model_fields)) for t in ACTION_TYPES} - {"departure"}
    assert kinds == set(MERGE)


def test_the_planner_reads_nothing_from_the_engine_but_decisions() -> None:
    """Planner modules import `engine.decisions` only (the library loader reads YAML)."""
    offenders = []
    for path in sorted((SRC / "planner").glob("*.py")):
        if path.name == "library.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and (node.module or "").startswith("endoprotocol.engine")
                and node.module != "endoprotocol.engine.decisions"
            ):
                offenders.append(f"{path.name}: {node.module}")
    assert offenders == []


def test_a_parameter_reads_its_point_value_narrowed_by_every_limit() -> None:
    decisions = Decisions()
    decisions.params[("resistance", "any", "reps")] = Resolved(
        Bound.model_construct(min=6, max=12), "p/wide"
    )
    decisions.limits[("all", "any", "reps")] = Bounded(
        Bound.model_construct(min=8, max=15), ["s/a"]
    )
    decisions.limits[("resistance", "compound", "reps")] = Bounded(
        Bound.model_construct(min=None, max=10), ["s/b"]
    )
    bound, rules = decisions.resolve("resistance", "compound", "reps")
    assert bound is not None
    assert (bound.min, bound.max) == (8, 10)
    assert rules == ["p/wide", "s/b", "s/a"]


def test_caps_and_requirements_name_their_rule() -> None:
    decisions = Decisions()
    decisions.caps[("sessions_per_week", "hiit")] = Ruled(1, "safety/x")
    cap = decisions.cap("sessions_per_week", "hiit")
    assert cap is not None
    assert cap.value == 1
    assert cap.rule == "safety/x"
    assert decisions.cap("sessions_per_week", "endurance") is None
