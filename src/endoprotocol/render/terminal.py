"""The terminal view: screening first, then the week, effects, warnings and sources."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from endoprotocol.plan import Plan
from endoprotocol.render.text import fmt_dose, fmt_intensity, fmt_seconds

EVIDENCE_STYLE = {"strong": "green", "moderate": "cyan", "mixed": "yellow", "low": "magenta"}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "info": "cyan"}
CLEARANCE_STYLE = {"none": "green", "recommended": "yellow", "required": "bold red"}


def render_table(
    plan: Plan, *, width: int | None = None, color: bool = False, explain: bool = False
) -> str:
    """Render the plan for a terminal; plain text when `color` is false (pipes, tests)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width or 110,
        force_terminal=color,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    console.print(_screening(plan))
    if any(d.sessions for d in plan.days):
        console.print(_week(plan))
    else:
        console.print(
            Panel(
                Text("No sessions are planned. Follow the next steps above first."),
                title="Week 1",
                border_style="red",
            )
        )
    advice = _session_notes(plan)
    if advice is not None:
        console.print(advice)
    planned = any(d.sessions for w in plan.weeks for d in w.days)
    for week in plan.weeks[1:] if planned else []:
        label = f"Week {week.week}" + (" (deload)" if week.deload else "")
        notes = " ".join(week.notes) or "Same as week 1."
        console.print(Text(f"{label}: ", style="bold") + Text(notes))
    console.print(_totals(plan))
    if plan.expected_effects:
        console.print(_effects(plan))
    if plan.therapy_synergies:
        console.print(_synergies(plan))
    if plan.departures:
        console.print(_departures(plan))
    if plan.warnings:
        console.print(_warnings(plan))
    console.print(_references(plan))
    if explain and plan.explanation:
        console.print(_explanation(plan))
    console.print(Panel(Text(plan.disclaimer), title="Please read", border_style="dim"))
    return buffer.getvalue()


def _screening(plan: Plan) -> Panel:
    s = plan.screening
    lines = Text()
    if s.referral_only:
        lines.append(
            "SEE A CLINICIAN FIRST: this plan holds only what is safe before you are seen.\n",
            style="bold red",
        )
    elif s.clearance == "required":
        lines.append("Clinician clearance is required before the planned work.\n", style="bold red")
    elif s.clearance == "recommended":
        lines.append("A check-up with a clinician is recommended.\n", style="yellow")
    else:
        lines.append("No medical clearance needed for this plan.\n", style="green")
    lines.append(f"Highest intensity allowed: {s.max_intensity}\n")
    for step in s.next_steps:
        lines.append(f"-> {step}\n", style="bold")
    for reason in s.reasons:
        lines.append(f"- {reason}\n")
    p = plan.profile
    who = f"{p['age']}-year-old {p['sex']}, goals: {', '.join(p['goals'])}"
    if p["therapies"]:
        who += f"; therapies: {', '.join(p['therapies'])}"
    return Panel(
        lines, title=f"Screening — {escape(who)}", border_style=CLEARANCE_STYLE[s.clearance]
    )


def _week(plan: Plan) -> Table:
    table = Table(title="Week 1", show_lines=True, expand=True)
    table.add_column("Day", style="bold", no_wrap=True)
    table.add_column("Session")
    table.add_column("Exercises")
    for day in plan.days:
        if not day.sessions:
            table.add_row(day.day.value.capitalize(), Text("Rest", style="dim"), "")
            continue
        for i, s in enumerate(day.sessions):
            head = Text(s.title, style="bold")
            head.append(
                f"\n{s.modality.value}, {s.intensity_class.value}, ~{s.duration_minutes} min"
            )
            if s.optional:
                head.append("\noptional", style="dim")
            head.append(f"\n{s.focus}", style="dim")
            for note in s.notes:
                if note.startswith("Trimmed"):
                    head.append(f"\n{note}", style="yellow")
            rows = Text()
            for e in s.exercises:
                rest = f", rest {fmt_seconds(e.rest_seconds)}" if e.rest_seconds else ""
                intensity = fmt_intensity(e.intensity)
                rows.append(f"{e.name}", style="bold")
                rows.append(f"  {fmt_dose(e)}{rest}")
                if intensity:
                    rows.append(f"  ({intensity})")
                rows.append("\n")
            table.add_row(day.day.value.capitalize() if i == 0 else "", head, rows)
    return table


def _session_notes(plan: Plan) -> Panel | None:
    """Advice attached to sessions, once per modality instead of under every session."""
    seen: dict[str, list[str]] = {}
    for day in plan.days:
        for s in day.sessions:
            for note in s.notes:
                if not note.startswith("Trimmed"):
                    bucket = seen.setdefault(s.modality.value, [])
                    if note not in bucket:
                        bucket.append(note)
    if not seen:
        return None
    body = Text()
    for modality, notes in seen.items():
        body.append(f"{modality}\n", style="bold")
        for note in notes:
            body.append(f"  - {note}\n")
    return Panel(body, title="How to do the sessions", border_style="dim")


def _totals(plan: Plan) -> Table:
    t = plan.totals
    table = Table(title="Week 1 totals and guidelines", show_header=False, expand=True)
    table.add_column("What", style="bold")
    table.add_column("Value")
    sessions = ", ".join(f"{k} {v}" for k, v in t.sessions_by_modality.items() if v)
    table.add_row("Sessions", sessions or "none")
    table.add_row("Aerobic (moderate-equivalent)", f"{t.moderate_equivalent_aerobic_minutes} min")
    table.add_row("Strength days / balance days", f"{t.strength_days} / {t.balance_days}")
    for g in plan.guidelines:
        mark = Text("met", style="green") if g.met else Text("not met", style="yellow")
        table.add_row(g.id, mark + Text(f" — {g.detail}"))
    return table


def _effects(plan: Plan) -> Table:
    table = Table(title="Expected hormonal and myokine effects", expand=True, show_lines=True)
    table.add_column("Effect", no_wrap=True, min_width=24)
    table.add_column("Why (evidence grade and sources)", ratio=1)
    for e in plan.expected_effects:
        head = Text(e.target.value.replace("_", "-"), style="bold")
        head.append(f"\n{e.direction.replace('_', ' ')}, {e.timescale.replace('_', '-')}")
        head.append(f"\nevidence: {e.evidence}", style=EVIDENCE_STYLE[e.evidence])
        why = Text(e.explanation)
        why.append(f"\nfrom {', '.join(m.value for m in e.from_modalities)}", style="dim")
        why.append(f"  [{', '.join(e.references)}]", style="dim")
        table.add_row(head, why)
    return table


def _departures(plan: Plan) -> Table:
    table = Table(title="Where this plan departs from the source document", expand=True)
    table.add_column("Topic", ratio=1, min_width=14)
    table.add_column("The source says", ratio=2, min_width=20)
    table.add_column("This plan", ratio=2, min_width=20)
    table.add_column("Why", ratio=2, min_width=20)
    for d in plan.departures:
        table.add_row(
            d.topic,
            d.source_says,
            d.plan_does,
            Text(d.why + "  [" + ", ".join(d.references) + "]"),
        )
    return table


def _synergies(plan: Plan) -> Table:
    table = Table(title="With your current therapy (no advice to change it)", expand=True)
    table.add_column("Therapy", no_wrap=True)
    table.add_column("Myokine", no_wrap=True)
    table.add_column("Evidence", no_wrap=True)
    table.add_column("What is known", ratio=1, min_width=30)
    for s in plan.therapy_synergies:
        table.add_row(
            s.therapy,
            s.myokine.value,
            s.evidence,
            Text(s.explanation + "  [" + ", ".join(s.references) + "]"),
        )
    return table


def _warnings(plan: Plan) -> Table:
    table = Table(title="Warnings", expand=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column("Message", ratio=1, min_width=30)
    for w in plan.warnings:
        table.add_row(Text(w.severity, style=SEVERITY_STYLE[w.severity]), w.code, Text(w.message))
    return table


def _references(plan: Plan) -> Panel:
    body = Text()
    for r in plan.references:
        body.append(f"[{r.id}] ", style="bold")
        body.append(r.citation + "\n")
    return Panel(body, title="References", border_style="dim")


def _explanation(plan: Plan) -> Panel:
    assert plan.explanation is not None
    parts: list[Text] = []
    for f in plan.explanation["fired"]:
        t = Text(f"{f['rule']}", style="bold")
        t.append(f" ({f['phase']}, {f['defined_at']})\n")
        for fact in f["facts"]:
            t.append(
                f"   {fact['fact']} {fact['op']} {fact['value']!r}: you have {fact['actual']!r} -> {fact['result']}\n"
            )
        for did in f["did"]:
            t.append(f"   => {did}\n")
        parts.append(t)
    for v in plan.explanation["vetoed"]:
        parts.append(Text(f"changed: {v['what']} by {v['by']}\n", style="yellow"))
    for d in plan.explanation["disabled"]:
        parts.append(Text(f"disabled: {d['rule']} by pack {d['by_pack']}\n", style="yellow"))
    for r in plan.explanation["replaced"]:
        parts.append(Text(f"replaced: {r['rule']} by {r['by']}\n", style="yellow"))
    for o in plan.explanation["overridden"]:
        losers = ", ".join(x["rule"] for x in o["overridden"])
        parts.append(Text(f"{o['parameter']}: {o['winner']} overrides {losers}\n", style="cyan"))
    return Panel(Group(*parts), title="Why (--explain)", border_style="dim")
