"""The HTML report: one self-contained, printable page to hand to a coach or clinician.

No network and no external assets: the stylesheet is inline, the charts are inline SVG drawn
from the plan's own numbers, and there is no script. The page is a pure function of the plan
(same plan, same bytes), and every piece of text from the plan is HTML-escaped.

Sections follow the terminal view's order; each is an element with a stable id (`SECTIONS`),
and each chart is an `<svg data-chart=...>` whose numbers sit in `data-*` attributes and
`<title>` elements, so tests and other tools can read them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from endoprotocol.build import compute_totals
from endoprotocol.plan import DayPlan, Exercise, Plan, Session, Week
from endoprotocol.render.text import (
    ceiling_by_week,
    fmt_dose,
    fmt_intensity,
    fmt_seconds,
    own_note,
)
from endoprotocol.vocab import Muscle

# The page's sections in order (ids); `departures` and `explanation` appear only when the
# plan carries them.
SECTIONS = (
    "header",
    "screening",
    "warnings",
    "week",
    "sessions",
    "progression",
    "guidelines",
    "effects",
    "therapy",
    "notes",
    "departures",
    "references",
    "explanation",
    "disclaimer",
)
OPTIONAL_SECTIONS = frozenset({"departures", "explanation"})

# Hard sets per muscle a week that the evidence supports (COACHING.md §3, Schoenfeld 2017):
# trained lifters build from about 10 toward 20; beginners grow on about 4-10.
VOLUME_BAND = {"beginner": (4, 10), "intermediate": (10, 20), "advanced": (10, 20)}
WHO_AEROBIC_MINUTES = 150  # WHO 2020, moderate-equivalent minutes a week (the lower bound)

CLEARANCE_TEXT = {
    "none": "No medical clearance is needed for this plan.",
    "recommended": "A check-up with a clinician is recommended before starting.",
    "required": "A clinician must clear this person before the planned work.",
}

STYLE = """
:root { --ink: #1a1a1a; --muted: #555; --line: #c9c9c9; --soft: #f4f4f2;
  --ok: #1e6b34; --warn: #8a5a00; --bad: #a3141b; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem;
  margin: 2rem 0 .8rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
.muted, .meta { color: var(--muted); font-size: .9em; }
.who { display: grid; grid-template-columns: 11rem 1fr; gap: .1rem .8rem; margin: .6rem 0; }
.who dt { font-weight: 600; }
.who dd { margin: 0; }
.box h2 { margin-top: 0; }
.box { border: 2px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.clearance-none { border-color: var(--ok); }
.clearance-recommended { border-color: var(--warn); background: #fff8e6; }
.clearance-required { border: 4px solid var(--bad); background: #fdecec; }
.clearance-required .verdict { font-size: 1.3rem; color: var(--bad); }
.verdict { font-weight: 700; font-size: 1.1rem; margin: 0 0 .4rem; }
.warning { border-left: 5px solid var(--line); padding: .3rem .7rem; margin: .5rem 0;
  background: var(--soft); }
.severity-high { border-left-color: var(--bad); background: #fdecec; }
.severity-medium { border-left-color: var(--warn); background: #fff8e6; }
.badge { display: inline-block; border: 1px solid; border-radius: 3px; padding: 0 .35rem;
  font-size: .8em; font-weight: 600; white-space: nowrap; }
.evidence-strong { color: #1e6b34; background: #e6f4ea; }
.evidence-moderate { color: #1a4f8a; background: #e8f0fb; }
.evidence-mixed { color: #8a5a00; background: #fff3d6; }
.evidence-low { color: #6b2a78; background: #f5e9f7; }
.evidence-speculative { color: #555; background: #f0f0f0; }
.met-yes { color: var(--ok); } .met-no { color: var(--bad); }
.grid td { width: 14.28%; font-size: .88em; }
.grid .rest { color: var(--muted); }
.grid .s { margin-bottom: .35rem; }
.tag { font-size: .8em; color: var(--muted); font-style: italic; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: .8rem 0;
  overflow-x: auto; }
.card table { font-size: .9em; margin-bottom: .3rem; }
.alt { font-size: .85em; color: var(--muted); }
figure { margin: 1rem 0; }
figcaption { font-size: .9em; color: var(--muted); }
svg { max-width: 100%; height: auto; font-family: inherit; }
.deload-row { background: #eef3fb; }
.refs li { margin-bottom: .25rem; }
footer { margin-top: 2rem; border-top: 2px solid var(--ink); padding-top: .6rem; }
@media screen and (max-width: 45rem) {
  body { padding: .8rem; }
  .grid thead { display: none; }
  .grid tr, .grid td { display: block; width: auto; }
  .grid td::before { content: attr(data-day); display: block; font-weight: 600; }
  .who { grid-template-columns: 8rem 1fr; }
}
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.3; max-width: none; padding: 0; }
  h2 { margin: 1.1rem 0 .5rem; }
  th, td { padding: .15rem .3rem; }
  .card { padding: .4rem .6rem; margin: .5rem 0; }
  #effects table, .card table { font-size: .92em; }
  .refs { columns: 2; column-gap: 1.2rem; font-size: .85em; padding-left: 1.2rem; }
  .refs li { break-inside: avoid; }
  * { background: transparent !important; box-shadow: none !important; }
  .box, .warning, .badge, th, .deload-row { print-color-adjust: exact;
    -webkit-print-color-adjust: exact; }
  #progression, #effects { break-before: page; }
  .card, figure, .warning, .box, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(plan: Plan) -> str:
    """The plan as one self-contained HTML page (UTF-8 text, ends with a newline)."""
    who = _who_line(plan)
    body = [
        _header(plan),
        _screening(plan),
        _warnings(plan),
        _week(plan),
        _sessions(plan),
        _progression(plan),
        _guidelines(plan),
        _effects(plan),
        _therapy(plan),
        _notes(plan),
        _departures(plan),
        _references(plan),
        _explanation(plan),
        _disclaimer(plan),
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{_e(_generator(plan))}">\n'
        f"<title>Weekly exercise plan — {_e(who)}</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        + "".join(part for part in body if part)
        + "</body>\n</html>\n"
    )


# --- text helpers -------------------------------------------------------------------------


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _num(value: float) -> str:
    """A number as the JSON shows it: integers without a decimal point."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _words(value: str) -> str:
    return value.replace("_", " ").replace("-", " ")


def _list(values: Iterable[object]) -> str:
    return ", ".join(str(v) for v in values) or "none"


def _section(sid: str, title: str, inner: str) -> str:
    return f'<section id="{sid}">\n<h2>{_e(title)}</h2>\n{inner}</section>\n'


def _generator(plan: Plan) -> str:
    return f"{plan.generator.name} {plan.generator.version}"


def _who_line(plan: Plan) -> str:
    p = plan.profile
    return f"{p.get('age', '?')}-year-old {p.get('sex', '?')}, goals: {_list(p.get('goals', []))}"


def _ref_links(ids: Sequence[str]) -> str:
    if not ids:
        return ""
    links = ", ".join(f'<a href="#ref-{_e(r)}">{_e(r)}</a>' for r in ids)
    return f' <span class="muted">[{links}]</span>'


def _field(item: object, name: str) -> Any:
    """A field of a model or of a plain mapping (departures may arrive as either)."""
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


# --- sections -----------------------------------------------------------------------------


def _header(plan: Plan) -> str:
    p = plan.profile
    rows: list[tuple[str, str]] = [
        ("Person", f"{p.get('age', '?')}-year-old {p.get('sex', '?')}"),
        ("Goals", _list(p.get("goals", []))),
        ("Experience", str(p.get("experience", ""))),
        ("Therapies", _list(p.get("therapies", []))),
        ("Conditions", _list(p.get("conditions", []))),
    ]
    if p.get("pregnancy_week") is not None:
        rows.append(("Pregnancy week", str(p["pregnancy_week"])))
    bp = p.get("blood_pressure")
    if isinstance(bp, dict) and "systolic" in bp:
        rows.append(("Blood pressure", f"{bp['systolic']}/{bp.get('diastolic', '?')} mmHg"))
    days = p.get("days") or []
    rows += [
        ("Days offered", _list(str(d) for d in days) if days else str(p.get("days_per_week", ""))),
        ("Minutes a session", str(p.get("minutes_per_session", ""))),
        ("Equipment", _list(p.get("equipment", []))),
        ("Block", f"{len(plan.weeks)} week{'s' if len(plan.weeks) != 1 else ''}"),
    ]
    packs = ", ".join(
        f"{pk.name} {pk.version} (sha256 {pk.sha256[:12]})" for pk in plan.generator.rule_packs
    )
    made = f"{_generator(plan)}, plan schema {plan.schema_version}; rule packs: {packs or 'none'}"
    if plan.generator.safety_overrides_allowed:
        made += "; safety rules were overridden"
    facts = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return (
        '<header id="header">\n<h1>Weekly exercise plan</h1>\n'
        f'<dl class="who">{facts}</dl>\n'
        f'<p class="meta">Made by {_e(made)}.</p>\n</header>\n'
    )


def _screening(plan: Plan) -> str:
    s = plan.screening
    if s.referral_only:
        verdict = "See a clinician first: this plan holds only what is safe before you are seen."
    elif not s.performed:
        verdict = "This plan was not screened: a clinician must clear this person first."
    else:
        verdict = CLEARANCE_TEXT[s.clearance]
    parts = [
        *(f'<p class="verdict">Not yet: {_e(x)}</p>' for x in s.before_start),
        f'<p class="verdict">{_e(verdict)}</p>',
        f"<p>Clearance: <strong>{_e(s.clearance)}</strong>. Highest intensity allowed: "
        f"<strong>{_e(ceiling_by_week(plan))}</strong>.</p>",
    ]
    if s.next_steps:
        steps = "".join(f"<li><strong>{_e(x)}</strong></li>" for x in s.next_steps)
        parts.append(f"<h3>Next steps</h3><ul>{steps}</ul>")
    if s.reasons:
        reasons = "".join(f"<li>{_e(x)}</li>" for x in s.reasons)
        parts.append(f"<h3>Why</h3><ul>{reasons}</ul>")
    return (
        f'<section id="screening" class="box clearance-{_e(s.clearance)}" '
        f'data-clearance="{_e(s.clearance)}" data-referral-only="{str(s.referral_only).lower()}">\n'
        "<h2>Screening</h2>\n" + "\n".join(parts) + "\n</section>\n"
    )


def _warnings(plan: Plan) -> str:
    shown = [w for w in plan.warnings if w.severity in ("high", "medium")]
    shown.sort(key=lambda w: 0 if w.severity == "high" else 1)  # stable: plan order within
    if not shown:
        return _section(
            "warnings", "Warnings", '<p class="muted">No high or medium warnings.</p>\n'
        )
    items = "".join(
        f'<div class="warning severity-{_e(w.severity)}" data-code="{_e(w.code)}">'
        f"<strong>{_e(w.severity.upper())}</strong> <code>{_e(w.code)}</code>: "
        f"{_e(w.message)}{_ref_links(w.references)}</div>\n"
        for w in shown
    )
    return _section("warnings", "Warnings", items)


def _session_line(s: Session) -> str:
    tag = ' <span class="tag">optional</span>' if s.optional else ""
    return (
        f'<div class="s"><strong>{_e(s.title)}</strong>{tag}<br>'
        f'<span class="muted">{_e(s.modality.value)}, {_e(s.intensity_class.value)}, '
        f"~{s.duration_minutes} min</span></div>"
    )


def _week(plan: Plan) -> str:
    head = "".join(f"<th>{_e(d.day.value.capitalize())}</th>" for d in plan.days)
    cells = "".join(
        f'<td data-day="{_e(d.day.value.capitalize())}">'
        + (
            "".join(_session_line(s) for s in d.sessions)
            if d.sessions
            else '<span class="rest">Rest</span>'
        )
        + "</td>"
        for d in plan.days
    )
    inner = f'<table class="grid"><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody></table>\n'
    if not any(d.sessions for d in plan.days):
        inner += (
            "<p><strong>No sessions are planned. Follow the next steps above first.</strong></p>\n"
        )
    return _section("week", "Week 1", inner)


def _effort(e: Exercise) -> str:
    parts = [fmt_intensity(e.intensity)]
    if e.intensity.talk_test:
        parts.append(e.intensity.talk_test)
    return "; ".join(p for p in parts if p)


def _exercise_row(e: Exercise) -> str:
    alternatives = (
        f'<div class="alt">or: {_e(", ".join(e.alternatives))}</div>' if e.alternatives else ""
    )
    return (
        f"<tr><td><strong>{_e(e.name)}</strong>{alternatives}</td>"
        f"<td>{_e(fmt_dose(e))}</td><td>{_e(fmt_seconds(e.rest_seconds))}</td>"
        f"<td>{_e(_effort(e))}</td><td>{_e(e.notes)}</td></tr>"
    )


def _session_card(day: DayPlan, s: Session) -> str:
    target = fmt_intensity(s.intensity)
    meta = f"{s.modality.value}, {s.intensity_class.value}, about {s.duration_minutes} min"
    if s.optional:
        meta += ", optional"
    lines = [
        f'<article class="card" data-day="{_e(day.day.value)}" '
        f'data-modality="{_e(s.modality.value)}">',
        f"<h3>{_e(day.day.value.capitalize())}: {_e(s.title)}</h3>",
        f'<p class="meta">{_e(meta)}. Focus: {_e(s.focus)}.'
        + (f" Target: {_e(target)}." if target else "")
        + (f" {_e(s.intensity.talk_test)}" if s.intensity.talk_test else "")
        + "</p>",
    ]
    if s.exercises:
        rows = "".join(_exercise_row(e) for e in s.exercises)
        lines.append(
            "<table><thead><tr><th>Exercise</th><th>Sets x reps</th><th>Rest</th>"
            f"<th>Effort</th><th>Cue</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    trimmed = [n for n in s.notes if own_note(n)]  # this session's own
    if trimmed:
        lines.append("<ul>" + "".join(f"<li>{_e(n)}</li>" for n in trimmed) + "</ul>")
    lines.append("</article>")
    return "\n".join(lines) + "\n"


def _how_to(plan: Plan) -> str:
    """Advice attached to sessions, once per modality (as the terminal shows it)."""
    advice: dict[str, list[str]] = {}
    for day in plan.days:
        for s in day.sessions:
            for note in s.notes:
                bucket = advice.setdefault(s.modality.value, [])
                if not own_note(note) and note not in bucket:
                    bucket.append(note)
    items = "".join(
        f"<li><strong>{_e(modality)}</strong>: {_e(note)}</li>"
        for modality, notes in advice.items()
        for note in notes
    )
    return f"<h3>How to do the sessions</h3>\n<ul>{items}</ul>\n" if items else ""


def _sessions(plan: Plan) -> str:
    cards = [_session_card(d, s) for d in plan.days for s in d.sessions]
    inner = "".join(cards) or '<p class="muted">No sessions are planned.</p>\n'
    return _section("sessions", "Sessions of week 1", inner + _how_to(plan))


DELOAD_ROW = ' class="deload-row"'


def _progression(plan: Plan) -> str:
    rows = []
    for w in plan.weeks:
        ceiling = getattr(w, "max_intensity", None)
        # every week's notes in full; a week with none repeats the week before it
        notes = " ".join(w.notes) or (
            "The week above." if w.week == 1 else f"As week {w.week - 1}."
        )
        rows.append(
            f"<tr{DELOAD_ROW if w.deload else ''}><td>{w.week}</td>"
            f"<td>{'deload' if w.deload else ''}</td><td>{_signed(w.load_change_pct)}%</td>"
            + (f"<td>{_e(ceiling)}</td>" if ceiling is not None else "")
            + f"<td>{_e(notes)}</td></tr>"
        )
    ceiling_head = (
        "<th>Highest intensity</th>"
        if any(getattr(w, "max_intensity", None) is not None for w in plan.weeks)
        else ""
    )
    table = (
        "<table><thead><tr><th>Week</th><th>Deload</th><th>Load vs week 1</th>"
        f"{ceiling_head}<th>What changes</th></tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
    )
    return _section("progression", "Progression across the block", block_chart(plan) + table)


def _guidelines(plan: Plan) -> str:
    rows = "".join(
        f'<tr data-guideline="{_e(g.id)}"><td><code>{_e(g.id)}</code></td>'
        f'<td class="{"met-yes" if g.met else "met-no"}">{"met" if g.met else "not met"}</td>'
        f"<td>{g.value} ({_e(_words(g.comparison))} {g.target})</td><td>{_e(g.detail)}</td></tr>"
        for g in plan.guidelines
    )
    table = (
        "<table><thead><tr><th>Guideline</th><th>Week 1</th><th>Value (target)</th>"
        f"<th>Detail</th></tr></thead><tbody>{rows}</tbody></table>\n"
    )
    return _section("guidelines", "Guidelines", table + minutes_chart(plan) + sets_chart(plan))


def _badge(grade: str) -> str:
    return f'<span class="badge evidence-{_e(grade)}">evidence: {_e(grade)}</span>'


def _effects(plan: Plan) -> str:
    if not plan.expected_effects:
        return _section("effects", "Expected effects", '<p class="muted">None listed.</p>\n')
    rows = "".join(
        f'<tr data-evidence="{_e(x.evidence)}"><td><strong>{_e(_words(x.target.value))}</strong>'
        f'<div class="muted">{_e(_words(x.direction))}, {_e(_words(x.timescale))}</div></td>'
        f"<td>{_badge(x.evidence)}</td><td>{_e(x.explanation)}"
        f'<div class="muted">from {_e(_list(m.value for m in x.from_modalities))}</div>'
        f"{_ref_links(x.references)}</td></tr>"
        for x in plan.expected_effects
    )
    table = (
        "<table><thead><tr><th>Target</th><th>Evidence</th><th>Why</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>\n"
    )
    return _section("effects", "Expected hormonal and myokine effects", table)


def _therapy(plan: Plan) -> str:
    if not plan.therapy_synergies:
        inner = '<p class="muted">No current therapy was given; nothing to note.</p>\n'
    else:
        inner = (
            "<p>What is known about training alongside the current therapy. "
            "This plan gives no advice to start, change or dose a therapy.</p>\n<ul>"
            + "".join(
                f"<li><strong>{_e(x.therapy)}</strong> and {_e(_words(x.myokine.value))} "
                f"{_badge(x.evidence)}: {_e(x.explanation)}{_ref_links(x.references)}</li>"
                for x in plan.therapy_synergies
            )
            + "</ul>\n"
        )
    return _section("therapy", "Therapy notes", inner)


def _notes(plan: Plan) -> str:
    info = [w for w in plan.warnings if w.severity == "info"]
    if not info:
        return _section("notes", "Notes", '<p class="muted">No further notes.</p>\n')
    items = "".join(
        f'<li data-code="{_e(w.code)}"><code>{_e(w.code)}</code>: {_e(w.message)}'
        f"{_ref_links(w.references)}</li>"
        for w in info
    )
    return _section("notes", "Notes", f"<ul>{items}</ul>\n")


def _departures(plan: Plan) -> str:
    items = getattr(plan, "departures", None) or []
    if not items:
        return ""
    rows = "".join(
        f"<tr><td><strong>{_e(_field(d, 'topic') or '')}</strong></td>"
        f"<td>{_e(_field(d, 'source_says') or '')}</td><td>{_e(_field(d, 'plan_does') or '')}</td>"
        f"<td>{_e(_field(d, 'why') or '')}{_ref_links(list(_field(d, 'references') or []))}</td></tr>"
        for d in items
    )
    table = (
        "<p>Where this plan deliberately departs from the source document, and why.</p>\n"
        "<table><thead><tr><th>Topic</th><th>The source says</th><th>The plan does</th>"
        f"<th>Why</th></tr></thead><tbody>{rows}</tbody></table>\n"
    )
    return _section("departures", "Departures from the source document", table)


def _references(plan: Plan) -> str:
    items = "".join(
        f'<li id="ref-{_e(r.id)}"><strong>[{_e(r.id)}]</strong> {_e(r.citation)}</li>'
        for r in plan.references
    )
    return _section("references", "References", f'<ol class="refs">{items}</ol>\n')


def _explanation(plan: Plan) -> str:
    if not plan.explanation:
        return ""
    items = []
    for fired in plan.explanation.get("fired", []):
        did = "".join(f"<li>{_e(x)}</li>" for x in fired.get("did", []))
        items.append(
            f"<li><code>{_e(fired.get('rule', ''))}</code>: {_e(fired.get('because', ''))}"
            + (f"<ul>{did}</ul>" if did else "")
            + "</li>"
        )
    for v in plan.explanation.get("vetoed", []):
        items.append(
            f"<li>changed: {_e(v.get('what', ''))} (<code>{_e(v.get('by', ''))}</code>)</li>"
        )
    return _section("explanation", "Why (rules that fired)", f"<ul>{''.join(items)}</ul>\n")


def _disclaimer(plan: Plan) -> str:
    return (
        f'<footer id="disclaimer"><h2>Please read</h2>\n<p>{_e(plan.disclaimer)}</p>\n'
        f'<p class="meta">{_e(_generator(plan))}</p></footer>\n'
    )


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _num(value)


# --- charts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    key: str  # the data-* name of this bar's number
    css: str  # fill colour


def _hbar_chart(
    chart: str,
    title: str,
    bars: Sequence[Bar],
    unit: str,
    *,
    marks: Sequence[tuple[str, float]] = (),
    band: tuple[float, float] | None = None,
    data: Sequence[tuple[str, str]] = (),
) -> str:
    """A horizontal bar chart with optional reference lines (`marks`) and a shaded band."""
    label_w, width, row_h, top = 190, 640, 24, 28
    plot_w = width - label_w - 50
    height = top + row_h * len(bars) + 26
    peak = max([b.value for b in bars] + [v for _, v in marks] + [band[1] if band else 0] + [1])
    scale = plot_w / (peak * 1.08)

    def x(v: float) -> float:
        return round(label_w + v * scale, 1)

    attrs = "".join(f' data-{k}="{_e(v)}"' for k, v in data)
    out = [
        f'<svg viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" data-chart="{chart}"{attrs}>',
        f"<title>{_e(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="600">{_e(title)}</text>',
    ]
    if band is not None:
        lo, hi = band
        out.append(
            f'<rect x="{x(lo)}" y="{top - 4}" width="{round(x(hi) - x(lo), 1)}" '
            f'height="{row_h * len(bars) + 8}" fill="#e3f1e6" stroke="#8dbf98" '
            f'data-band-min="{_num(lo)}" data-band-max="{_num(hi)}">'
            f"<title>Target band: {_num(lo)}-{_num(hi)} {_e(unit)}</title></rect>"
        )
    for i, b in enumerate(bars):
        y = top + i * row_h
        w = round(b.value * scale, 1)
        out.append(
            f'<g data-{b.key}="{_num(b.value)}" data-label="{_e(b.label)}">'
            f"<title>{_e(b.label)}: {_num(b.value)} {_e(unit)}</title>"
            f'<text x="{label_w - 6}" y="{y + 15}" font-size="12" text-anchor="end">'
            f"{_e(b.label)}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 8}" fill="{b.css}"/>'
            f'<text x="{round(label_w + w + 4, 1)}" y="{y + 15}" font-size="12">'
            f"{_num(b.value)}</text></g>"
        )
    bottom = top + row_h * len(bars)
    out.append(
        f'<line x1="{label_w}" y1="{top - 4}" x2="{label_w}" y2="{bottom + 4}" stroke="#333"/>'
    )
    for name, value in marks:
        out.append(
            f'<g data-mark="{_e(name)}" data-value="{_num(value)}">'
            f"<title>{_e(name)}: {_num(value)} {_e(unit)}</title>"
            f'<line x1="{x(value)}" y1="{top - 6}" x2="{x(value)}" y2="{bottom + 6}" '
            f'stroke="#a3141b" stroke-width="2" stroke-dasharray="5 3"/>'
            f'<text x="{x(value)}" y="{bottom + 20}" font-size="11" text-anchor="middle" '
            f'fill="#a3141b">{_e(name)} {_num(value)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>\n"


INTENSITY_FILL = {"light": "#9ecae1", "moderate": "#4292c6", "vigorous": "#08519c"}


def minutes_chart(plan: Plan) -> str:
    """Week 1's minutes by intensity class, and its aerobic moderate-equivalent minutes
    against the WHO line (`totals`; the WHO target from the plan's guideline when present)."""
    t = plan.totals
    aerobic = next((g for g in plan.guidelines if g.id == "who-2020-aerobic"), None)
    target = aerobic.target if aerobic is not None else WHO_AEROBIC_MINUTES
    bars = [
        Bar(f"{k.capitalize()} (all sessions)", t.minutes_by_intensity.get(k, 0), k, fill)
        for k, fill in INTENSITY_FILL.items()
    ]
    bars.append(
        Bar(
            "Aerobic, moderate-equivalent",
            t.moderate_equivalent_aerobic_minutes,
            "moderate-equivalent",
            "#41ab5d",
        )
    )
    if aerobic is not None:
        bars.append(Bar("Aerobic, required only", aerobic.value, "required", "#74c476"))
    data = [(k, _num(t.minutes_by_intensity.get(k, 0))) for k in INTENSITY_FILL]
    data += [
        ("moderate-equivalent", _num(t.moderate_equivalent_aerobic_minutes)),
        ("who-target", _num(target)),
    ]
    svg = _hbar_chart(
        "intensity-minutes",
        "Week 1: minutes a week by intensity",
        bars,
        "min",
        marks=[("WHO", target)],
        data=data,
    )
    return _figure(
        svg,
        "Minutes of every session by its intensity class, including lifting. The WHO line "
        f"({_num(target)} minutes) applies to aerobic minutes, where a vigorous minute counts "
        "as two; the guideline above counts the required sessions only.",
    )


def sets_chart(plan: Plan) -> str:
    """Week 1's hard sets per muscle group (`totals.hard_sets_by_muscle`) against the volume
    band for the person's experience."""
    by_muscle = plan.totals.hard_sets_by_muscle
    names = [m.value for m in Muscle] + sorted(set(by_muscle) - {m.value for m in Muscle})
    bars = [Bar(n.capitalize(), by_muscle.get(n, 0), "sets", "#6a51a3") for n in names]
    experience = str(plan.profile.get("experience", "beginner"))
    lo, hi = VOLUME_BAND.get(experience, VOLUME_BAND["beginner"])
    svg = _hbar_chart(
        "muscle-sets",
        "Week 1: hard sets per muscle group",
        bars,
        "sets",
        band=(lo, hi),
        data=[("band-min", _num(lo)), ("band-max", _num(hi)), ("experience", experience)],
    )
    return _figure(
        svg,
        f"Hard sets a week per muscle group; the shaded band ({lo}-{hi} sets) is what the "
        f"evidence supports for {experience} lifters (Schoenfeld 2017). Muscles with no bar "
        "get no direct work this week.",
    )


@dataclass(frozen=True)
class WeekVolume:
    week: int
    deload: bool
    hard_sets: float
    aerobic_minutes: int
    load_change_pct: float


def week_volume(week: Week) -> WeekVolume:
    """A week's hard sets (summed over the muscle groups, as chart (b) shows them) and its
    moderate-equivalent aerobic minutes, counted as `totals` counts week 1."""
    totals = compute_totals(week.days)
    return WeekVolume(
        week.week,
        week.deload,
        sum(totals.hard_sets_by_muscle.values()),
        totals.moderate_equivalent_aerobic_minutes,
        week.load_change_pct,
    )


def block_chart(plan: Plan) -> str:
    """Hard sets and aerobic minutes in each week of the block, the load change against week
    1 under each week, deload weeks shaded."""
    series = [week_volume(w) for w in plan.weeks]
    width, left, panel_h, gap, top = 640, 70, 90, 34, 30
    col = (width - left - 10) / len(series)
    peak_sets = max([v.hard_sets for v in series] + [1])
    peak_min = max([v.aerobic_minutes for v in series] + [1])
    height = top + 2 * panel_h + gap + 44
    out = [
        f'<svg viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" data-chart="block" '
        f'data-weeks="{len(series)}">',
        "<title>Volume and load across the block</title>",
        '<text x="0" y="16" font-size="14" font-weight="600">'
        "Volume and load across the block</text>",
        f'<text x="{left - 6}" y="{top + 12}" font-size="11" text-anchor="end">hard sets</text>',
        f'<text x="{left - 6}" y="{top + panel_h + gap + 12}" font-size="11" '
        'text-anchor="end">aerobic min</text>',
    ]
    base1 = top + panel_h
    base2 = top + 2 * panel_h + gap
    for i, v in enumerate(series):
        x0 = round(left + i * col, 1)
        bw = round(col * 0.5, 1)
        bx = round(x0 + (col - bw) / 2, 1)
        cx = round(x0 + col / 2, 1)
        h1 = round((panel_h - 16) * v.hard_sets / peak_sets, 1)
        h2 = round((panel_h - 16) * v.aerobic_minutes / peak_min, 1)
        label = f"Week {v.week}" + (" (deload)" if v.deload else "")
        group = [
            f'<g data-week="{v.week}" data-deload="{str(v.deload).lower()}" '
            f'data-hard-sets="{_num(v.hard_sets)}" data-aerobic-minutes="{v.aerobic_minutes}" '
            f'data-load-change-pct="{_num(v.load_change_pct)}">',
            f"<title>{_e(label)}: {_num(v.hard_sets)} hard sets, {v.aerobic_minutes} aerobic minutes "
            f"(moderate-equivalent), load {_signed(v.load_change_pct)}% vs week 1</title>",
        ]
        if v.deload:
            group.append(
                f'<rect x="{x0}" y="{top - 4}" width="{round(col, 1)}" '
                f'height="{base2 - top + 8}" fill="#eef3fb" stroke="#9db7dd" '
                'stroke-dasharray="4 3"/>'
                f'<text x="{cx}" y="{top + 8}" font-size="11" text-anchor="middle" '
                'fill="#1a4f8a">deload</text>'
            )
        group += [
            f'<rect x="{bx}" y="{round(base1 - h1, 1)}" width="{bw}" height="{h1}" fill="#6a51a3"/>',
            f'<text x="{cx}" y="{round(base1 - h1 - 3, 1)}" font-size="11" '
            f'text-anchor="middle">{_num(v.hard_sets)}</text>',
            f'<rect x="{bx}" y="{round(base2 - h2, 1)}" width="{bw}" height="{h2}" fill="#41ab5d"/>',
            f'<text x="{cx}" y="{round(base2 - h2 - 3, 1)}" font-size="11" '
            f'text-anchor="middle">{v.aerobic_minutes}</text>',
            f'<text x="{cx}" y="{base2 + 16}" font-size="12" text-anchor="middle">W{v.week}</text>',
            # in whole percent: a cautious start's climb (+37.4 %) fits a week's column
            f'<text x="{cx}" y="{base2 + 32}" font-size="11" text-anchor="middle">'
            f"load {_signed(round(v.load_change_pct))}%</text>",
            "</g>",
        ]
        out.append("".join(group))
    for base in (base1, base2):
        out.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>')
    out.append("</svg>")
    return _figure(
        "".join(out),
        "Hard sets in each week (summed over the muscle groups, as in the chart of hard sets "
        "per muscle) and aerobic minutes (moderate-equivalent), with the load against week 1 "
        "under each week; deload weeks are shaded.",
    )
