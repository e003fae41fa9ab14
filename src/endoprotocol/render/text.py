"""Small formatting helpers shared by the renderers."""

from __future__ import annotations

from endoprotocol.plan import Exercise, Intensity, Range


def fmt_range(r: Range | None, unit: str = "") -> str:
    if r is None:
        return ""
    lo, hi = (int(v) if float(v).is_integer() else v for v in (r.min, r.max))
    return f"{lo}{unit}" if lo == hi else f"{lo}-{hi}{unit}"


def fmt_seconds(r: Range | None) -> str:
    if r is None:
        return ""
    if r.min >= 120 and r.min % 60 == 0 and r.max % 60 == 0:
        return fmt_range(Range.of(r.min / 60, r.max / 60), " min")
    return fmt_range(r, " s")


def fmt_intensity(i: Intensity) -> str:
    parts = []
    if i.pct_1rm:
        parts.append(f"{fmt_range(i.pct_1rm)}% 1RM")
    if i.rpe:
        parts.append(f"RPE {fmt_range(i.rpe)}")
    if i.rir:
        parts.append(f"{fmt_range(i.rir)} RIR")
    if i.hr_max_pct:
        parts.append(f"{fmt_range(i.hr_max_pct)}% HRmax")
    return ", ".join(parts)


def fmt_dose(e: Exercise) -> str:
    if e.reps is not None:
        return f"{e.sets} x {fmt_range(e.reps)}"
    work = fmt_seconds(e.work_seconds)
    return f"{e.sets} x {work}" if e.sets > 1 else work
