"""CSV (one row per exercise) and iCalendar (one event per session) views of a plan.

Both are pure functions of the plan and a start date: the same input gives the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date, timedelta

from endoprotocol.plan import Plan
from endoprotocol.render.text import fmt_dose, fmt_intensity, fmt_seconds

CSV_COLUMNS = (
    "week",
    "date",
    "day",
    "session",
    "modality",
    "intensity_class",
    "optional",
    "duration_minutes",
    "exercise",
    "pattern",
    "dose",
    "rest",
    "intensity",
)


def _dates(plan: Plan, start: date) -> list[tuple[int, date, int]]:
    """(week number, date, weekday index) for every day of the block, from a Monday."""
    monday = start - timedelta(days=start.weekday())
    return [
        (week.week, monday + timedelta(days=7 * (week.week - 1) + index), index)
        for week in plan.weeks
        for index in range(7)
    ]


def render_csv(plan: Plan, start: date) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for week_number, day_date, index in _dates(plan, start):
        day = plan.weeks[week_number - 1].days[index]
        for s in day.sessions:
            for e in s.exercises:
                writer.writerow(
                    (
                        week_number,
                        day_date.isoformat(),
                        day.day.value,
                        s.title,
                        s.modality.value,
                        s.intensity_class.value,
                        str(s.optional).lower(),
                        s.duration_minutes,
                        e.name,
                        e.pattern.value,
                        fmt_dose(e),
                        fmt_seconds(e.rest_seconds),
                        fmt_intensity(e.intensity),
                    )
                )
    return out.getvalue()


def _escape(text: str) -> str:
    # packs cannot hold control characters (refused at load); a stray CR is dropped anyway,
    # since a raw one would end the content line
    text = text.replace("\r", "")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """RFC 5545 lines are at most 75 octets; longer ones continue after a space."""
    raw = line.encode("utf-8")
    parts: list[str] = []
    # a continuation line carries a leading space: 74 octets of text, not 75
    while len(raw) > (75 if not parts else 74):
        cut = 75 if not parts else 74
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(raw[:cut].decode("utf-8"))
        raw = raw[cut:]
    parts.append(raw.decode("utf-8"))
    return [parts[0], *(" " + p for p in parts[1:])]


def departure_lines(plan: Plan) -> list[str]:
    """Where the plan departs from the source document, one plain line each."""
    if not plan.departures:
        return []
    lines = ["Where this plan departs from the source document:"]
    for d in plan.departures:
        lines.append(
            f"- {d.topic}: the source says {_lower_first(d.source_says)} "
            f"This plan {_lower_first(d.plan_does)} Why: {d.why}"
        )
    return lines


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def render_ics(plan: Plan, start: date) -> str:
    """All-day events, one per session, with the exercises in the description."""
    stamp = f"{start.strftime('%Y%m%d')}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//endoprotocol//weekly plan//EN",
        "CALSCALE:GREGORIAN",
    ]
    first = True
    for week_number, day_date, index in _dates(plan, start):
        day = plan.weeks[week_number - 1].days[index]
        for position, s in enumerate(day.sessions):
            summary = f"{s.title} ({s.modality.value}, ~{s.duration_minutes} min)"
            if s.optional:
                summary += " - optional"
            body = [f"{e.name}: {fmt_dose(e)}" for e in s.exercises]
            body += s.notes
            if first:  # said once, in the block's first event (DESIGN.md v1.1)
                body += departure_lines(plan)
                first = False
            body.append(plan.disclaimer)
            uid = hashlib.sha256(
                f"{day_date.isoformat()}/{position}/{summary}".encode()
            ).hexdigest()[:24]
            end = day_date + timedelta(days=1)
            event = [
                "BEGIN:VEVENT",
                f"UID:{uid}@endoprotocol",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{day_date.strftime('%Y%m%d')}",
                f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
                f"SUMMARY:{_escape(summary)}",
                f"DESCRIPTION:{_escape(chr(10).join(body))}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
            for line in event:
                lines.extend(_fold(line))
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
