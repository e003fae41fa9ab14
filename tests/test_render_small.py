"""Every renderer on one small plan (one day a week, one week), checked against snapshots.

Small enough to read in a review: a renderer change shows up as a short diff here, not in the
large golden plans. Snapshots are written only with ENDOPROTOCOL_UPDATE_GOLDEN=1; a missing
one fails.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from endoprotocol import Library, Plan, RuleSet, build_plan, parse_profile
from endoprotocol.render.calendar import render_csv, render_ics
from endoprotocol.render.markdown import render_markdown
from endoprotocol.render.terminal import render_table

SNAPSHOTS = Path(__file__).parent / "golden" / "small"
UPDATE = os.environ.get("ENDOPROTOCOL_UPDATE_GOLDEN") == "1"
SMALL = {
    "age": 35,
    "sex": "female",
    "goals": ["general-health"],
    "days": ["wednesday"],
    "minutes_per_session": 30,
    "equipment": ["bodyweight"],
}


@pytest.fixture
def small(ruleset: RuleSet, library: Library) -> Plan:
    return build_plan(parse_profile(SMALL), ruleset, library, weeks=1)


RENDERERS = {
    "table.txt": lambda p: render_table(p, width=100),
    "plan.md": render_markdown,
    "plan.csv": lambda p: render_csv(p, date(2027, 1, 4)),
    "plan.ics": lambda p: render_ics(p, date(2027, 1, 4)),
}


@pytest.mark.parametrize("name", list(RENDERERS))
def test_each_renderer_on_a_small_plan(small: Plan, name: str) -> None:
    text = RENDERERS[name](small)
    path = SNAPSHOTS / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{name} is missing; create it with ENDOPROTOCOL_UPDATE_GOLDEN=1"
    assert text == path.read_bytes().decode("utf-8"), f"{name} changed"


def test_the_small_plan_is_small(small: Plan) -> None:
    assert len(small.weeks) == 1
    assert sum(len(d.sessions) for d in small.days) <= 7  # one required, the rest optional
