"""Markdown rendering of a plan (for notes, tickets and printouts)."""

from __future__ import annotations

from endoprotocol.plan import Plan
from endoprotocol.render.text import fmt_dose, fmt_intensity, fmt_seconds


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(plan: Plan) -> str:
    s = plan.screening
    lines = ["# Weekly exercise plan", ""]
    if s.referral_only:
        lines += [
            "> **See a clinician first.** This plan holds only what is safe before you are seen.",
            "",
        ]
    elif s.clearance == "required":
        lines += ["> **Clinician clearance is required before the planned work.**", ""]
    elif s.clearance == "recommended":
        lines += ["> A check-up with a clinician is recommended.", ""]
    lines += [f"Highest intensity allowed: **{s.max_intensity}**", ""]
    lines += [f"- Next step: {step}" for step in s.next_steps]
    lines += [f"- {reason}" for reason in s.reasons]
    lines += [
        "",
        "## Week 1",
        "",
        "| Day | Session | Exercise | Dose | Rest | Intensity |",
        "|---|---|---|---|---|---|",
    ]
    for day in plan.days:
        if not day.sessions:
            lines.append(f"| {day.day.value.capitalize()} | rest | | | | |")
        for s_ in day.sessions:
            label = f"{s_.title} ({s_.modality.value}, ~{s_.duration_minutes} min{', optional' if s_.optional else ''})"
            for e in s_.exercises:
                lines.append(
                    f"| {day.day.value.capitalize()} | {_cell(label)} | {_cell(e.name)} | {fmt_dose(e)} | {fmt_seconds(e.rest_seconds)} | {fmt_intensity(e.intensity)} |"
                )
    advice: dict[str, list[str]] = {}
    for day in plan.days:
        for session in day.sessions:
            for note in session.notes:
                bucket = advice.setdefault(session.modality.value, [])
                if note not in bucket and not note.startswith("Trimmed"):
                    bucket.append(note)
    if advice:
        lines += ["", "## How to do the sessions", ""]
        for modality, notes in advice.items():
            lines += [f"- **{modality}**: {note}" for note in notes]
    lines += ["", "## Weeks", ""]
    lines += [
        f"- Week {w.week}{' (deload)' if w.deload else ''}: {' '.join(w.notes) or ('the week above' if w.week == 1 else 'as week 1')}"
        for w in plan.weeks
    ]
    lines += ["", "## Guidelines", ""]
    lines += [f"- {'✓' if g.met else '✗'} {g.id}: {g.detail}" for g in plan.guidelines]
    if plan.expected_effects:
        lines += [
            "",
            "## Expected effects",
            "",
            "| Target | Effect | Evidence | Why |",
            "|---|---|---|---|",
        ]
        for eff in plan.expected_effects:
            lines.append(
                f"| {eff.target.value} | {eff.direction} ({eff.timescale}) | {eff.evidence} | {_cell(eff.explanation)} [{', '.join(eff.references)}] |"
            )
    if plan.therapy_synergies:
        lines += ["", "## With your current therapy", ""]
        lines += [
            f"- {x.therapy} / {x.myokine.value} ({x.evidence}): {x.explanation}"
            for x in plan.therapy_synergies
        ]
    if plan.departures:
        lines += ["", "## Where this plan departs from the source document", ""]
        lines += [
            f"- **{d.topic}.** The source says: {d.source_says} This plan: {d.plan_does} "
            f"Why: {d.why} [{', '.join(d.references)}]"
            for d in plan.departures
        ]
    if plan.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- **{w.severity}** `{w.code}`: {w.message}" for w in plan.warnings]
    if plan.explanation:
        lines += ["", "## Why (rules that fired)", ""]
        for fired in plan.explanation["fired"]:
            facts = "; ".join(
                f"{f['fact']} {f['op']} {f['value']!r} (you: {f['actual']!r})"
                for f in fired["facts"]
            )
            lines.append(
                f"- `{fired['rule']}` — {fired['because']}" + (f" When: {facts}." if facts else "")
            )
            lines += [f"  - {did}" for did in fired["did"]]
        lines += [f"- changed: {v['what']} (`{v['by']}`)" for v in plan.explanation["vetoed"]]
    lines += ["", "## References", ""]
    lines += [f"- [{r.id}] {r.citation}" for r in plan.references]
    lines += ["", "---", "", plan.disclaimer, ""]
    return "\n".join(lines)
