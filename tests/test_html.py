"""The HTML report (`--format html`): sections, escaping, self-containment, chart numbers.

Two levels. Parser-level tests read the page with `html.parser`. Browser tests load it in
Debian's headless Chromium (`make test` installs it when missing) and check the DOM it
dumps, a screenshot that is not blank and the page count of a print to PDF; they skip only
when no Chromium can be found. No pixel goldens.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from endoprotocol import Library, Plan, RuleSet, build_plan, parse_profile
from endoprotocol.build import compute_totals
from endoprotocol.errors import OutOfScopeError
from endoprotocol.render.html import OPTIONAL_SECTIONS, SECTIONS, render_html
from endoprotocol.vocab import Muscle
from tests.conftest import RunCli
from tests.strategies import profiles

PROFILES: dict[str, dict[str, Any]] = {
    "muscle-trt": {
        "age": 45,
        "sex": "male",
        "goals": ["muscle", "insulin-sensitivity"],
        "therapies": ["trt"],
        "experience": "intermediate",
        "days": ["monday", "tuesday", "thursday", "saturday"],
        "minutes_per_session": 60,
        "equipment": ["barbell", "dumbbells", "machines", "bodyweight", "bike"],
        "currently_active": True,
        "blood_pressure": {"systolic": 128, "diastolic": 82},
    },
    "referral": {
        "age": 58,
        "sex": "male",
        "goals": ["strength"],
        "screening": {"chest_pain": True},
    },
    "pregnancy": {
        "age": 31,
        "sex": "female",
        "goals": ["general-health"],
        "conditions": ["pregnancy"],
        "pregnancy_week": 20,
        "days_per_week": 4,
    },
    "t2d-older": {
        "age": 71,
        "sex": "female",
        "goals": ["insulin-sensitivity", "bone-density"],
        "conditions": ["type-2-diabetes", "hypertension"],
        "blood_pressure": {"systolic": 150, "diastolic": 92},
        "days_per_week": 3,
    },
}


@pytest.fixture(scope="module")
def plans(ruleset: RuleSet, library: Library) -> dict[str, Plan]:
    return {
        name: build_plan(parse_profile(profile), ruleset, library, weeks=4)
        for name, profile in PROFILES.items()
    }


# --- reading the page back ------------------------------------------------------------------


@dataclass
class Page:
    """What a test needs from a page: section ids in order, attributes, text, charts."""

    sections: list[str] = field(default_factory=list)
    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: str = ""
    charts: dict[str, dict[str, str]] = field(default_factory=dict)
    # per chart: the attributes of each element inside it that carries data-*
    chart_parts: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)

    def attrs(self, name: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == name]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.chunks: list[str] = []
        self.chart: str | None = None
        self.depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.page.tags.append((tag, a))
        if tag in ("section", "header", "footer") and "id" in a:
            self.page.sections.append(a["id"])
        if tag == "svg" and "data-chart" in a:
            self.chart = a["data-chart"]
            self.page.charts[self.chart] = a
            self.page.chart_parts[self.chart] = []
            self.page.titles[self.chart] = []
            self.depth = 0
        elif self.chart is not None:
            if tag == "svg":
                self.depth += 1
            if any(k.startswith("data-") for k in a):
                self.page.chart_parts[self.chart].append(a)
            self.in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "svg" and self.chart is not None:
            if self.depth == 0:
                self.chart = None
            else:
                self.depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)
        if self.chart is not None and self.in_title:
            self.page.titles[self.chart].append(data)


def read_page(text: str) -> Page:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.page.text = "".join(reader.chunks)
    return reader.page


def expected_sections(plan: Plan) -> list[str]:
    present = set(SECTIONS) - OPTIONAL_SECTIONS
    if getattr(plan, "departures", None):
        present.add("departures")
    if plan.explanation:
        present.add("explanation")
    return [s for s in SECTIONS if s in present]


def num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def assert_charts_match(page: Page, plan: Plan) -> None:
    """Every chart's numbers are the plan's own numbers."""
    assert set(page.charts) == {"intensity-minutes", "muscle-sets", "block"}
    t = plan.totals
    minutes = page.charts["intensity-minutes"]
    for k in ("light", "moderate", "vigorous"):
        assert minutes[f"data-{k}"] == num(t.minutes_by_intensity[k]), k
    assert minutes["data-moderate-equivalent"] == num(t.moderate_equivalent_aerobic_minutes)
    aerobic = next(g for g in plan.guidelines if g.id == "who-2020-aerobic")
    assert minutes["data-who-target"] == num(aerobic.target) == "150"
    marks = [p for p in page.chart_parts["intensity-minutes"] if "data-mark" in p]
    assert [(m["data-mark"], m["data-value"]) for m in marks] == [("WHO", "150")]
    titles = " ".join(page.titles["intensity-minutes"])
    assert f"Moderate (all sessions): {num(t.minutes_by_intensity['moderate'])} min" in titles

    bars = {
        p["data-label"].lower(): p["data-sets"]
        for p in page.chart_parts["muscle-sets"]
        if "data-sets" in p
    }
    assert bars == {m.value: num(t.hard_sets_by_muscle.get(m.value, 0)) for m in Muscle}
    band = page.charts["muscle-sets"]
    low, high = (4, 10) if plan.profile["experience"] == "beginner" else (10, 20)
    assert (band["data-band-min"], band["data-band-max"]) == (str(low), str(high))

    weeks = [p for p in page.chart_parts["block"] if "data-week" in p]
    assert page.charts["block"]["data-weeks"] == str(len(plan.weeks))
    assert [int(w["data-week"]) for w in weeks] == [w.week for w in plan.weeks]
    for part, week in zip(weeks, plan.weeks, strict=True):
        counted = compute_totals(week.days)  # each week counted as `totals` counts week 1
        assert part["data-deload"] == str(week.deload).lower()
        assert part["data-load-change-pct"] == num(week.load_change_pct)
        assert part["data-hard-sets"] == num(sum(counted.hard_sets_by_muscle.values()))
        assert part["data-aerobic-minutes"] == str(counted.moderate_equivalent_aerobic_minutes)
    # week 1 is the plan's own totals: the sum of the bars of hard sets per muscle
    assert weeks[0]["data-hard-sets"] == num(sum(t.hard_sets_by_muscle.values()))
    assert weeks[0]["data-aerobic-minutes"] == str(t.moderate_equivalent_aerobic_minutes)


# --- parser-level ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PROFILES))
def test_every_section_in_the_terminal_order(name: str, plans: dict[str, Plan]) -> None:
    plan = plans[name]
    page = read_page(render_html(plan))
    assert page.sections == expected_sections(plan)
    assert plan.disclaimer in page.text
    for r in plan.references:
        assert r.citation in page.text
    for w in plan.warnings:
        assert w.message in page.text
    for d in plan.days:
        for s in d.sessions:
            for e in s.exercises:
                assert e.name in page.text
                assert e.notes in page.text  # the cue
            for note in s.notes:
                assert note in page.text


@pytest.mark.parametrize("name", list(PROFILES))
def test_charts_carry_the_plans_numbers(name: str, plans: dict[str, Plan]) -> None:
    assert_charts_match(read_page(render_html(plans[name])), plans[name])


def test_a_referral_puts_the_clinician_first(plans: dict[str, Plan]) -> None:
    plan = plans["referral"]
    assert plan.screening.referral_only
    text = render_html(plan)
    page = read_page(text)
    box = next(a for t, a in page.tags if a.get("id") == "screening")
    assert "clearance-required" in box["class"]
    assert box["data-referral-only"] == "true"
    assert page.sections.index("screening") < page.sections.index("week")
    assert text.index("See a clinician first") < text.index('id="week"')
    for step in plan.screening.next_steps:
        assert step in page.text
    assert "No sessions are planned" in page.text


def test_high_and_medium_warnings_come_before_the_week(plans: dict[str, Plan]) -> None:
    plan = plans["t2d-older"]
    text = render_html(plan)
    serious = [w for w in plan.warnings if w.severity in ("high", "medium")]
    assert serious, "the profile should raise a high or medium warning"
    week = text.index('<section id="week"')
    for w in serious:
        assert text.index(f'data-code="{w.code}"') < week
    for w in plan.warnings:
        if w.severity == "info":
            assert text.index(f'data-code="{w.code}"') > week


def test_all_text_is_escaped(plans: dict[str, Plan]) -> None:
    hostile = '<script>alert("x")</script> & <img src="https://evil.example/a.png">'
    plan = plans["muscle-trt"].model_copy(deep=True)
    plan.warnings[0].message = hostile
    plan.references[0].citation = hostile
    plan.days[0].sessions[0].exercises[0].name = hostile
    plan.days[0].sessions[0].exercises[0].notes = hostile
    plan.disclaimer = hostile
    object.__setattr__(plan.profile, "goals", [hostile])
    text = render_html(plan)
    page = read_page(text)
    assert not page.attrs("script")
    assert not page.attrs("img")
    assert "<script" not in text
    assert "<img" not in text
    assert page.text.count(hostile) >= 5


def test_no_external_assets_and_no_script(plans: dict[str, Plan]) -> None:
    for plan in plans.values():
        text = render_html(plan)
        page = read_page(text)
        for _, attrs in page.tags:
            for key in ("src", "href", "xlink:href", "action", "srcset", "data", "poster"):
                value = attrs.get(key, "")
                assert not re.match(r"\s*(https?:|//|ftp:|file:)", value, re.I), (key, value)
        assert all(a["href"].startswith("#") for a in page.attrs("a") if "href" in a)
        for tag in ("script", "link", "img", "iframe", "object", "embed"):
            assert not page.attrs(tag), tag
        style = re.search(r"<style>(.*?)</style>", text, re.S)
        assert style is not None
        assert "url(" not in style[1]
        assert "@import" not in style[1]
        assert "@media print" in style[1]
        # every internal link lands on an element of the page
        ids = {a["id"] for _, a in page.tags if "id" in a}
        assert {a["href"][1:] for a in page.attrs("a")} <= ids


def test_same_plan_same_bytes(ruleset: RuleSet, library: Library, plans: dict[str, Plan]) -> None:
    again = build_plan(parse_profile(PROFILES["muscle-trt"]), ruleset, library, weeks=4)
    assert render_html(again) == render_html(plans["muscle-trt"])
    assert render_html(plans["pregnancy"]) == render_html(plans["pregnancy"])


def test_departures_render_when_present_and_are_left_out_when_absent(
    plans: dict[str, Plan],
) -> None:
    plan = plans["muscle-trt"]
    assert ("departures" in read_page(render_html(plan)).sections) == bool(plan.departures)
    departure = {
        "topic": "Fasted training",
        "source_says": "Train fasted <always>",
        "plan_does": "Eat as usual",
        "why": "No benefit shown & a hypo risk",
        "references": [plan.references[0].id],
    }
    with_them = plan.model_copy(update={"departures": [departure]})
    page = read_page(render_html(with_them))
    assert page.sections == expected_sections(with_them)
    assert "departures" in page.sections
    assert "Train fasted <always>" in page.text
    assert "No benefit shown & a hypo risk" in page.text
    assert page.sections.index("departures") < page.sections.index("references")
    empty = plan.model_copy(update={"departures": []})
    assert "departures" not in read_page(render_html(empty)).sections


def test_cli_writes_html_to_a_file_and_to_stdout(cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.html"
    result = cli("plan", "--example", "muscle-trt-45", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["plan.html"]  # no temp file left behind
    shown = cli("plan", "--example", "muscle-trt-45", "--format", "html")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == written
    by_name = out / "again.html"  # the extension alone picks the format, as for the others
    assert cli("plan", "--example", "muscle-trt-45", "-o", str(by_name)).exit_code == 0
    assert by_name.read_text(encoding="utf-8") == written
    clash = cli("plan", "--example", "muscle-trt-45", "-f", "json", "-o", str(target))
    assert clash.exit_code == 2
    assert target.read_text(encoding="utf-8") == written


def test_explain_adds_the_rules_that_fired(cli: RunCli) -> None:
    result = cli("plan", "--example", "older-adult-72", "-f", "html", "--explain")
    assert result.exit_code == 0, result.stderr
    assert "explanation" in read_page(result.stdout).sections


# --- in a real browser ----------------------------------------------------------------------

CHROMIUM = next(
    (p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).is_file()), None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium found (install Debian's `chromium`; `make test` does this)",
)
# A Chromium that reaches for nothing: no network services, no GPU, a throw-away profile.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# A 4-week plan prints on 2 to 15 A4 pages (measured: 4 for a referral, 10-12 for the examples).
PAGES = range(2, 16)


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    profile = tmp / "chromium-profile"
    profile.mkdir(exist_ok=True)
    started = time.monotonic()
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert time.monotonic() - started < 60
    return done


@pytest.fixture(scope="module")
def report_files(plans: dict[str, Plan], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    for name, plan in plans.items():
        (folder / f"{name}.html").write_text(render_html(plan), encoding="utf-8")
    return folder


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("name", ["muscle-trt", "referral"])
def test_chromium_loads_every_section_and_chart(
    name: str, plans: dict[str, Plan], report_files: Path, tmp_path: Path
) -> None:
    page_file = report_files / f"{name}.html"
    done = chromium(tmp_path, "--dump-dom", page_file.as_uri())
    page = read_page(done.stdout.decode("utf-8"))
    assert page.sections == expected_sections(plans[name])
    assert [a["data-chart"] for a in page.attrs("svg") if "data-chart" in a] == [
        "block",
        "intensity-minutes",
        "muscle-sets",
    ]
    assert_charts_match(page, plans[name])


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("name", ["muscle-trt", "referral"])
def test_chromium_screenshot_is_not_blank(name: str, report_files: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    chromium(
        tmp_path,
        "--hide-scrollbars",
        "--window-size=800,1000",
        f"--screenshot={shot}",
        (report_files / f"{name}.html").as_uri(),
    )
    image = read_png(shot.read_bytes())
    assert (image.width, image.height) == (800, 1000)
    colours = image.colours()
    white = colours.get((255, 255, 255), 0)
    assert len(colours) > 20  # text, rules and boxes, not a flat page
    assert 0.02 < 1 - white / (image.width * image.height) < 0.9
    if name == "referral":
        # the red box of a referral sits on the first screen
        assert colours.get((0xA3, 0x14, 0x1B), 0) > 1000


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("name", list(PROFILES))
def test_chromium_prints_within_the_page_range(
    name: str, report_files: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "plan.pdf"
    chromium(
        tmp_path,
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        (report_files / f"{name}.html").as_uri(),
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages in PAGES, pages


# --- a tiny PNG reader (8-bit RGB/RGBA, non-interlaced: what Chromium writes) -----------------


@dataclass
class Png:
    width: int
    height: int
    channels: int
    rows: list[bytes]

    def pixels(self) -> Iterator[tuple[int, ...]]:
        c = self.channels
        for row in self.rows:
            for i in range(0, len(row), c):
                yield tuple(row[i : i + 3])

    def colours(self) -> dict[tuple[int, ...], int]:
        counts: dict[tuple[int, ...], int] = {}
        for px in self.pixels():
            counts[px] = counts.get(px, 0) + 1
        return counts


def read_png(data: bytes) -> Png:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0), (depth, interlace)
    assert colour_type in (2, 6), colour_type
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind, line, previous, channels)
        rows.append(bytes(line))
        previous = line
    return Png(width, height, channels, rows)


def _unfilter(kind: int, line: bytearray, up: bytearray, bpp: int) -> None:
    if kind == 0:
        return
    n = len(line)
    if kind == 2:
        for i in range(n):
            line[i] = (line[i] + up[i]) & 0xFF
        return
    for i in range(n):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + up[i]) >> 1)) & 0xFF
        elif kind == 4:
            upper_left = up[i - bpp] if i >= bpp else 0
            p = left + up[i] - upper_left
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - upper_left)
            pred = left if pa <= pb and pa <= pc else up[i] if pb <= pc else upper_left
            line[i] = (line[i] + pred) & 0xFF
        else:
            raise AssertionError(f"unknown PNG filter {kind}")


# --- over generated profiles ----------------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles(dense=True))
def test_any_plan_renders_a_page_whose_charts_are_its_numbers(
    profile: dict[str, Any], ruleset: RuleSet, library: Library
) -> None:
    try:
        person = parse_profile(profile)
        plan = build_plan(person, ruleset, library, weeks=4)
    except OutOfScopeError:
        return  # an age out of scope has no plan to render
    text = render_html(plan)
    page = read_page(text)
    assert page.sections == expected_sections(plan)
    assert_charts_match(page, plan)
    assert text == render_html(plan)
