"""Markdown rendering of a plan (for notes, tickets and printouts), in the terminal view's
order: who it is for, screening, high and medium warnings, the week, each session with its
cues, other notes, progression, guidelines, effects, therapy notes, departures, references."""

from __future__ import annotations

from typing import Any

from endoprotocol.plan import Exercise, Plan, Warning
from endoprotocol.render.text import (
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


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(
    plan: Plan, *, compact: bool = False, full: bool = False, alternatives: bool = False
) -> str:
    """The plan as Markdown; `compact` stops after the week, `full` gives every effect's
    explanation, `alternatives` adds a column of alternatives to each exercise."""
    title, *who = header_lines(plan)
    lines = [f"# {title}", ""]
    lines += [f"{line}  " for line in who[:-1]] + who[-1:] + [""]
    lines += _screening(plan)
    high, info = warnings_by_rank(plan)
    if high:
        lines += ["## Warnings", "", *_warnings(high), ""]
    lines += ["## Week 1", "", *_week(plan), ""]
    if compact:
        if info:
            lines += ["## Other notes", "", *_warnings(info), ""]
        return "\n".join(lines)
    lines += _sessions(plan, alternatives)
    advice = session_advice(plan)
    if advice:
        lines += ["## How to do the sessions", ""]
        for modalities, note in advice:
            lines.append(f"- **{', '.join(modalities)}**: {note}" if modalities else f"- {note}")
        lines.append("")
    if info:
        lines += ["## Other notes", "", *_warnings(info), ""]
    if any(d.sessions for w in plan.weeks for d in w.days):
        lines += _progression(plan)
    lines += ["## Guidelines (week 1)", ""]
    lines += [
        f"- {'✓ met' if g.met else '✗ not met'} `{g.id}`: {g.detail}" for g in plan.guidelines
    ]
    lines.append("")
    if plan.expected_effects:
        lines += ["## Expected effects", "", *_effects(plan, full), ""]
    if plan.therapy_synergies:
        lines += ["## With your current therapy (no advice to change it)", ""]
        lines += [
            f"- **{x.therapy} / {x.myokine.value}** ({x.evidence}): {x.explanation} "
            f"[{', '.join(x.references)}]"
            for x in plan.therapy_synergies
        ]
        lines.append("")
    left = departures(plan)
    if left:
        lines += ["## Where this plan departs from the source", "", *_departures(left), ""]
    lines += ["## References", ""]
    lines += [f"- [{r.id}] {r.citation}" for r in plan.references]
    lines.append("")
    if plan.explanation:
        lines += _explanation(plan)
    lines += ["---", "", plan.disclaimer, ""]
    return "\n".join(lines)


def _screening(plan: Plan) -> list[str]:
    s = plan.screening
    if not screening_boxed(s):
        return []
    lines = ["## Screening", "", f"> **{screening_title(plan)}**", ""]
    lines += [f"- **Next step:** {step}" for step in s.next_steps]
    lines += [f"- {reason}" for reason in s.reasons]
    return [*lines, ""]


def _warnings(warnings: list[Warning]) -> list[str]:
    return [f"- **{w.severity}** `{w.code}`: {w.message}" for w in warnings]


def _week(plan: Plan) -> list[str]:
    if not any(d.sessions for d in plan.days):
        return ["No sessions are planned. Follow the screening's next steps first."]
    lines = ["| Day | Session | Type | Minutes |", "|---|---|---|---:|"]
    for day in plan.days:
        name = day.day.value.capitalize()
        if not day.sessions:
            lines.append(f"| {name} | rest | | |")
        for s in day.sessions:
            title = s.title + (" (optional)" if s.optional else "")
            lines.append(
                f"| {name} | {_cell(title)} | {s.modality.value}, {s.intensity_class.value} "
                f"| {s.duration_minutes} |"
            )
    return lines


def _sessions(plan: Plan, alternatives: bool) -> list[str]:
    lines: list[str] = []
    for day in plan.days:
        for s in day.sessions:
            lines += [
                f"### {day.day.value.capitalize()}: {s.title}",
                "",
                f"{s.modality.value}, {s.intensity_class.value}, ~{s.duration_minutes} min"
                + (", optional" if s.optional else "")
                + (f"; focus: {s.focus}" if s.focus else ""),
                "",
            ]
            lines += [f"_{note}_" for note in s.notes if own_note(note)]
            if not s.exercises:
                continue
            head = "| # | Exercise | Sets x reps | Rest | Effort | Cue |"
            rule = "|---:|---|---|---|---|---|"
            if alternatives:
                head, rule = head + " Alternatives |", rule + "---|"
            lines += [head, rule]
            lines += [_exercise(n, e, alternatives) for n, e in enumerate(s.exercises, 1)]
            lines.append("")
    return lines


def _exercise(n: int, e: Exercise, alternatives: bool) -> str:
    row = (
        f"| {n} | {_cell(e.name)} | {fmt_dose(e)} | {fmt_seconds(e.rest_seconds)} "
        f"| {fmt_effort(e.intensity)} | {_cell(e.notes)} |"
    )
    return row + (f" {_cell(', '.join(e.alternatives))} |" if alternatives else "")


def _progression(plan: Plan) -> list[str]:
    lines = [
        "## Progression across the block",
        "",
        "| Week | Deload | Lifting sets | Aerobic minutes (moderate-equivalent) | New this week |",
        "|---:|---|---:|---:|---|",
    ]
    for r in block_progress(plan):
        lines.append(
            f"| {r.week} | {'yes' if r.deload else ''} | {r.lifting_sets} "
            f"| {r.aerobic_minutes} | {_cell(' '.join(r.notes))} |"
        )
    return [*lines, ""]


def _effects(plan: Plan, full: bool) -> list[str]:
    if full:
        lines = ["| Target | Effect | Evidence | Why |", "|---|---|---|---|"]
        for e in plan.expected_effects:
            lines.append(
                f"| {e.target.value} | {e.direction} ({e.timescale}) | {e.evidence} "
                f"| {_cell(e.explanation)} [{', '.join(e.references)}] |"
            )
        return lines
    by_target: dict[str, list[str]] = {}
    for e in plan.expected_effects:
        said = by_target.setdefault(e.target.value, [])
        text = f"{e.direction.replace('_', ' ')} {e.timescale.replace('_', '-')} ({e.evidence})"
        if text not in said:
            said.append(text)
    lines = [f"- **{target}**: {'; '.join(said)}" for target, said in by_target.items()]
    return [*lines, "", "_`--full` gives each effect's explanation and sources._"]


def _departures(items: list[dict[str, Any]]) -> list[str]:
    lines = []
    for d in items:
        text = f"- **{d.get('topic', '')}**"
        if d.get("source_says"):
            text += f" The source says: {d['source_says']}"
        if d.get("plan_does"):
            text += f" This plan: {d['plan_does']}"
        if d.get("why"):
            text += f" Why: {d['why']}"
        if d.get("references"):
            text += f" [{', '.join(map(str, d['references']))}]"
        lines.append(text)
    return lines


def _explanation(plan: Plan) -> list[str]:
    assert plan.explanation is not None
    lines = ["## Why (rules that fired)", ""]
    for fired in plan.explanation["fired"]:
        facts = "; ".join(
            f"{f['fact']} {f['op']} {f['value']!r} (you: {f['actual']!r})" for f in fired["facts"]
        )
        lines.append(
            f"- `{fired['rule']}` — {fired['because']}" + (f" When: {facts}." if facts else "")
        )
        lines += [f"  - {did}" for did in fired["did"]]
    lines += [f"- changed: {v['what']} (`{v['by']}`)" for v in plan.explanation["vetoed"]]
    return [*lines, ""]
