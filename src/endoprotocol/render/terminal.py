"""The terminal view: what matters first, fitted to the terminal's width.

Order: header, screening (unless no clearance is needed), high and medium warnings, the week,
each session's exercises, other notes, progression across the block, guidelines, effects,
therapy notes, departures, references, the explanation (with --explain), the disclaimer.
`compact` stops after the week. Every line fits `width` columns: rich wraps each block to the
console's width, and lists use a two-column grid so wrapped lines hang under their text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from endoprotocol.plan import Exercise, ExpectedEffect, Plan, Session, Warning
from endoprotocol.render.text import (
    View,
    block_progress,
    departures,
    fmt_dose,
    fmt_effort,
    fmt_seconds,
    header_lines,
    own_note,
    screening_boxed,
    screening_title,
    session_advice,
    warnings_by_rank,
)

EVIDENCE_STYLE = {"strong": "green", "moderate": "cyan", "mixed": "yellow", "low": "magenta"}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "info": "cyan"}
CLEARANCE_STYLE = {"none": "green", "recommended": "yellow", "required": "bold red"}
NARROWEST = 40


@cache
def _measure() -> Console:
    """A console that only wraps text (made on first use: a console costs ~4 ms)."""
    return Console(width=400, color_system=None, legacy_windows=False)


def render_table(
    plan: Plan,
    *,
    width: int | None = None,
    color: bool = False,
    explain: bool = False,
    compact: bool = False,
    full: bool = False,
    alternatives: bool = False,
    ascii: bool = False,
) -> str:
    """Render the plan for a terminal `width` columns wide (default 80); plain text when
    `color` is false (pipes, files, tests, NO_COLOR)."""
    view = View(
        width=max(width or View.width, NARROWEST),
        color=color,
        ascii=ascii,
        compact=compact,
        full=full,
        alternatives=alternatives,
        explain=explain,
    )
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=view.width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        legacy_windows=False,
    )
    console.print(Group(*_sections(plan, view)))  # one print: the same lines, one pass
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def _sections(plan: Plan, view: View) -> list[RenderableType]:
    parts: list[RenderableType] = [_header(plan)]
    if screening_boxed(plan.screening):
        parts.append(_screening(plan, view))
    high, info = warnings_by_rank(plan)
    if high:
        parts += [_heading("Warnings", view), _warnings(high)]
    parts += [_heading("Week 1", view), _week(plan, view)]
    if view.compact:
        if info:
            parts += [_heading("Other notes", view), _warnings(info)]
        return parts
    if any(d.sessions for d in plan.days):
        parts += [_heading("Sessions", view), *_sessions(plan, view)]
    advice = session_advice(plan)
    if advice:
        parts += [_heading("How to do the sessions", view), _advice(advice)]
    if info:
        parts += [_heading("Other notes", view), _warnings(info)]
    if any(d.sessions for w in plan.weeks for d in w.days):
        parts += [_heading("Progression across the block", view), _progression(plan, view)]
    parts += [_heading("Guidelines (week 1)", view), _guidelines(plan)]
    if plan.expected_effects:
        parts += [_heading("Expected effects", view), _effects(plan, view)]
    if plan.therapy_synergies:
        parts += [_heading("With your current therapy (no advice to change it)", view)]
        parts.append(_synergies(plan))
    left = departures(plan)
    if left:
        parts += [_heading("Where this plan departs from the source", view), _departures(left)]
    parts += [_heading("References", view), _references(plan, view)]
    if view.explain and plan.explanation:
        parts += [_heading("Why (--explain)", view), _explanation(plan)]
    parts.append(_disclaimer(plan, view))
    return parts


def _heading(title: str, view: View) -> Group:
    rule = Rule(
        Text(title, style="bold"), align="left", characters="-" if view.ascii else "─", style="dim"
    )
    return Group(Text(""), rule)


def _hanging(text: Text, view: View, indent: int = 2) -> Text:
    """`text` wrapped to the width, its second and later lines indented (a hanging indent)."""
    lines = text.wrap(_measure(), view.width - indent)
    out = Text()
    for i, line in enumerate(lines):
        if i:
            out.append("\n" + " " * indent)
        out.append_text(line)
    return out


def _items(rows: Sequence[tuple[Text | str, Text | str]], *, gap: int = 1) -> _Items:
    """A list whose wrapped lines hang under their text, not under the bullet."""
    return _Items(
        [
            (Text(m) if isinstance(m, str) else m, Text(t) if isinstance(t, str) else t)
            for m, t in rows
        ],
        gap,
    )


class _Items:
    """Two columns, as a rich grid with an unwrapped mark column and a folding text column
    would draw them (the marks' widest width, `gap` spaces, the text wrapped to the rest),
    without the grid's layout machinery: a plan prints ~40 such lists, and laying them out
    as tables was most of the table view's time."""

    def __init__(self, rows: list[tuple[Text, Text]], gap: int) -> None:
        self.rows = rows
        self.gap = gap
        self.mark_width = max((m.cell_len for m, _ in rows), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = max(options.max_width - self.mark_width - self.gap, 1)
        text_options = options.update(width=room, overflow="fold", height=None)
        mark_options = options.update(width=self.mark_width, no_wrap=True, height=None)
        blank = Segment(" " * (self.mark_width + self.gap))
        gap = Segment(" " * self.gap)
        new_line = Segment.line()
        for mark, text in self.rows:
            marks = console.render_lines(mark, mark_options, pad=True)
            for i, line in enumerate(console.render_lines(text, text_options, pad=False)):
                if i < len(marks):
                    yield from marks[i]
                    yield gap
                else:
                    yield blank
                yield from line
                yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        texts = [Measurement.get(console, options, t) for _, t in self.rows]
        side = self.mark_width + self.gap
        return Measurement(
            side + max((m.minimum for m in texts), default=1),
            side + max((m.maximum for m in texts), default=1),
        )


def _header(plan: Plan) -> Group:
    title, *rest = header_lines(plan)
    lines: list[RenderableType] = [Text(title, style="bold")]
    lines += [Text(line) for line in rest]
    return Group(*lines)


def _screening(plan: Plan, view: View) -> Panel:
    s = plan.screening
    style = CLEARANCE_STYLE["required" if s.before_start else s.clearance]
    body: list[RenderableType] = [Text(screening_title(plan), style=style)]
    if s.next_steps:
        body.append(Text("What to do", style="bold"))
        body.append(_items([(Text("->", style="bold"), Text(step)) for step in s.next_steps]))
    if s.reasons:
        body.append(Text("Why", style="bold"))
        body.append(_items([("-", Text(reason)) for reason in s.reasons]))
    return Panel(
        Group(*body),
        title="Screening",
        title_align="left",
        border_style=style,
        box=box.ASCII if view.ascii else box.ROUNDED,
    )


def _warnings(warnings: list[Warning]) -> _Items:
    rows = []
    for w in warnings:
        text = Text(w.code, style="bold")
        text.append(f": {w.message}")
        rows.append((Text(w.severity.upper(), style=SEVERITY_STYLE[w.severity]), text))
    return _items(rows)


def _week(plan: Plan, view: View) -> RenderableType:
    if not any(d.sessions for d in plan.days):
        return Padding(
            Text(
                "No sessions are planned. Follow the screening's next steps first.",
                style="bold red",
            ),
            (0, 0, 0, 1),
        )
    table = Table(
        box=box.ASCII if view.ascii else box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=False,
    )
    table.add_column("Day", no_wrap=True, style="bold")
    table.add_column("Session", ratio=1)
    table.add_column("Type", ratio=1)
    table.add_column("Min", justify="right", no_wrap=True)
    for day in plan.days:
        name = day.day.value[:3].capitalize()
        if not day.sessions:
            table.add_row(name, Text("rest", style="dim"), "", "")
            continue
        for i, s in enumerate(day.sessions):
            title = Text(s.title)
            if s.optional:
                title.append(" (optional)", style="dim")
            table.add_row(
                name if i == 0 else "",
                title,
                f"{s.modality.value}, {s.intensity_class.value}",
                str(s.duration_minutes),
            )
    return table


def _sessions(plan: Plan, view: View) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for day in plan.days:
        for s in day.sessions:
            parts.append(_session(day.day.value.capitalize(), s, view))
    return parts


def _session(day: str, s: Session, view: View) -> Group:
    head = Text(f"{day}: ", style="bold")
    head.append(s.title, style="bold")
    head.append(
        f"  {s.modality.value}, {s.intensity_class.value}, ~{s.duration_minutes} min"
        + (", optional" if s.optional else "")
    )
    lines: list[RenderableType] = [head]
    if s.focus:
        lines.append(Padding(Text(f"focus: {s.focus}", style="dim"), (0, 0, 0, 2)))
    for note in s.notes:
        if own_note(note):
            lines.append(Padding(Text(note, style="yellow"), (0, 0, 0, 2)))
    rows = [(Text(f"{n}.", style="dim"), _exercise(e, view)) for n, e in enumerate(s.exercises, 1)]
    if rows:
        lines.append(Padding(_items(rows), (0, 0, 0, 1)))
    lines.append(Text(""))
    return Group(*lines)


def _exercise(e: Exercise, view: View) -> Text:
    text = Text(e.name, style="bold")
    dose = [fmt_dose(e)]
    if e.rest_seconds:
        dose.append(f"rest {fmt_seconds(e.rest_seconds)}")
    effort = fmt_effort(e.intensity)
    if effort:
        dose.append(effort)
    text.append(": " + ", ".join(d for d in dose if d))
    if e.notes:
        text.append("\n" + e.notes, style="italic")
    if view.alternatives and e.alternatives:
        text.append("\nor: " + ", ".join(e.alternatives), style="dim")
    return text


def _advice(advice: list[tuple[list[str], str]]) -> _Items:
    rows = []
    for modalities, note in advice:
        text = Text(f"{', '.join(modalities)}: ", style="bold") if modalities else Text()
        text.append(note)
        rows.append(("-", text))
    return _items(rows)


def _progression(plan: Plan, view: View) -> Group:
    rows = block_progress(plan)
    label_width = max(len(r.label) for r in rows)
    sets_width = len(str(max(r.lifting_sets for r in rows)))
    minutes_width = len(str(max(r.aerobic_minutes for r in rows)))
    # two bars side by side, each with its number: the rest of the line split evenly
    room = view.width - label_width - sets_width - minutes_width - 6
    bar = max(room // 2, 4)
    most_sets = max((r.lifting_sets for r in rows), default=0) or 1
    most_minutes = max((r.aerobic_minutes for r in rows), default=0) or 1
    full, empty = ("#", ".") if view.ascii else ("█", "·")
    legend = Text(
        "lifting sets a week (left) and moderate-equivalent aerobic minutes (right)",
        style="dim",
    )
    lines: list[RenderableType] = [legend]
    for r in rows:
        line = Text(r.label.ljust(label_width) + " ", style="bold" if r.deload else "")
        n = round(bar * r.lifting_sets / most_sets)
        line.append(full * n, style="cyan")
        line.append(empty * (bar - n), style="dim")
        line.append(f" {r.lifting_sets:>{sets_width}}  ")
        m = round(bar * r.aerobic_minutes / most_minutes)
        line.append(full * m, style="green")
        line.append(empty * (bar - m), style="dim")
        line.append(f" {r.aerobic_minutes:>{minutes_width}}")
        lines.append(line)
    notes = [
        (Text(f"Week {r.week}", style="bold"), Text(" ".join(r.notes))) for r in rows if r.notes
    ]
    if notes:
        lines.append(Text(""))
        lines.append(_items(notes))
    return Group(*lines)


def _guidelines(plan: Plan) -> _Items:
    rows = []
    for g in plan.guidelines:
        mark = Text("met", style="green") if g.met else Text("not met", style="yellow")
        text = Text(g.id, style="bold")
        text.append(f": {g.detail}")
        rows.append((mark, text))
    return _items(rows)


def _effects(plan: Plan, view: View) -> RenderableType:
    if view.full:
        rows = []
        for e in plan.expected_effects:
            text = Text(e.target.value.replace("_", "-"), style="bold")
            text.append(
                f": {e.direction.replace('_', ' ')}, {e.timescale.replace('_', '-')}, evidence "
            )
            text.append(e.evidence, style=EVIDENCE_STYLE[e.evidence])
            text.append(f"\n{e.explanation}")
            text.append(
                f"\nfrom {', '.join(m.value for m in e.from_modalities)}"
                f" [{', '.join(e.references)}]",
                style="dim",
            )
            rows.append(("-", text))
        return _items(rows)
    by_target: dict[str, list[ExpectedEffect]] = {}
    for e in plan.expected_effects:
        by_target.setdefault(e.target.value.replace("_", "-"), []).append(e)
    width = max(len(t) for t in by_target)
    lines: list[tuple[Text, Text]] = []
    for target, effects in by_target.items():
        text = Text()
        said: set[tuple[str, str, str]] = set()
        for e in effects:
            key = (e.direction, e.timescale, e.evidence)
            if key in said:
                continue  # the same effect from another modality's rule
            if said:
                text.append("; ")
            said.add(key)
            text.append(f"{e.direction.replace('_', ' ')} {e.timescale.replace('_', '-')} (")
            text.append(e.evidence, style=EVIDENCE_STYLE[e.evidence])
            text.append(")")
        lines.append((Text(target.ljust(width), style="bold"), text))
    return Group(_items(lines), Text("--full shows why, and the sources.", style="dim"))


def _synergies(plan: Plan) -> _Items:
    rows = []
    for s in plan.therapy_synergies:
        text = Text(f"{s.therapy} / {s.myokine.value}", style="bold")
        text.append(f" ({s.evidence}): {s.explanation} [{', '.join(s.references)}]")
        rows.append(("-", text))
    return _items(rows)


def _departures(items: list[dict[str, Any]]) -> _Items:
    rows = []
    for d in items:
        text = Text(str(d.get("topic", "")), style="bold")
        for label, key in (("The source says", "source_says"), ("This plan", "plan_does")):
            if d.get(key):
                text.append(f"\n{label}: {d[key]}")
        if d.get("why"):
            text.append(f"\nWhy: {d['why']}")
        if d.get("references"):
            text.append(f" [{', '.join(map(str, d['references']))}]", style="dim")
        rows.append(("-", text))
    return _items(rows)


def _references(plan: Plan, view: View) -> Group:
    lines = []
    for r in plan.references:
        text = Text(f"[{r.id}]", style="bold")
        text.append(f" {r.citation}")
        lines.append(_hanging(text, view))
    return Group(*lines)


def _disclaimer(plan: Plan, view: View) -> Panel:
    return Panel(
        Text(plan.disclaimer),
        title="Please read",
        title_align="left",
        border_style="dim",
        box=box.ASCII if view.ascii else box.ROUNDED,
    )


def _explanation(plan: Plan) -> Group:
    assert plan.explanation is not None
    parts: list[RenderableType] = []
    for f in plan.explanation["fired"]:
        t = Text(f"{f['rule']}", style="bold")
        t.append(f" ({f['phase']}, {f['defined_at']})")
        rows: list[tuple[Text | str, Text | str]] = []
        for fact in f["facts"]:
            rows.append(
                (
                    "",
                    Text(
                        f"{fact['fact']} {fact['op']} {fact['value']!r}: "
                        f"you have {fact['actual']!r} -> {fact['result']}"
                    ),
                )
            )
        rows += [("=>", Text(did)) for did in f["did"]]
        parts.append(t)
        if rows:
            parts.append(Padding(_items(rows), (0, 0, 0, 2)))
    for v in plan.explanation["vetoed"]:
        parts.append(Text(f"changed: {v['what']} by {v['by']}", style="yellow"))
    for d in plan.explanation["disabled"]:
        parts.append(Text(f"disabled: {d['rule']} by pack {d['by_pack']}", style="yellow"))
    for r in plan.explanation["replaced"]:
        parts.append(Text(f"replaced: {r['rule']} by {r['by']}", style="yellow"))
    for o in plan.explanation["overridden"]:
        losers = ", ".join(x["rule"] for x in o["overridden"])
        parts.append(Text(f"{o['parameter']}: {o['winner']} overrides {losers}", style="cyan"))
    return Group(*parts)
