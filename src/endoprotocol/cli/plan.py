"""`endoprotocol plan`: read a profile, build the plan, render it."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from endoprotocol.cli.common import (
    AllowSafetyOption,
    DebugOption,
    NoBuiltinOption,
    NoCacheOption,
    NoUserOption,
    RulesOption,
    emit,
    run_guarded,
    settle,
)
from endoprotocol.errors import UsageError


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
    CSV = "csv"
    ICS = "ics"


def _bp(value: str | None) -> dict[str, int] | None:
    if value is None:
        return None
    from endoprotocol.profile import parse_blood_pressure

    parsed = parse_blood_pressure(value)
    if parsed is None:
        raise typer.BadParameter(
            "use SYSTOLIC/DIASTOLIC in mmHg, e.g. 128/82", param_hint="--blood-pressure"
        )
    return parsed


def plan(
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile", "-p", help="Profile file (YAML or JSON); '-' reads stdin.", metavar="FILE"
        ),
    ] = None,
    example: Annotated[
        str | None,
        typer.Option(
            "--example",
            "-e",
            help="Run a built-in example profile; 'list' shows them.",
            metavar="NAME",
        ),
    ] = None,
    age: Annotated[int | None, typer.Option(help="Age in years (18-100 planned).")] = None,
    sex: Annotated[str | None, typer.Option(help="male or female.")] = None,
    goal: Annotated[
        list[str] | None,
        typer.Option(
            "--goal",
            help="A goal (repeatable or commas, first = priority); replaces the file's goals.",
        ),
    ] = None,
    therapy: Annotated[
        list[str] | None,
        typer.Option(
            "--therapy",
            help="A current therapy (repeatable or commas), or none; replaces the file's list.",
        ),
    ] = None,
    experience: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced.")
    ] = None,
    days: Annotated[
        list[str] | None,
        typer.Option("--days", help="Training days, e.g. mon,wed,fri (repeatable, or commas)."),
    ] = None,
    days_per_week: Annotated[
        int | None, typer.Option("--days-per-week", help="1-7 days, spread evenly.")
    ] = None,
    minutes: Annotated[int | None, typer.Option(help="Minutes per session (15-180).")] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            "--equipment",
            help="Equipment you have (repeatable or commas); replaces the file's list.",
        ),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            "--condition",
            help="A health condition (repeatable or commas); replaces the file's list.",
        ),
    ] = None,
    pregnancy_week: Annotated[
        int | None,
        typer.Option(
            "--pregnancy-week", help="Week of pregnancy (1-42), with --condition pregnancy."
        ),
    ] = None,
    active: Annotated[
        bool | None,
        typer.Option(
            "--active/--inactive",
            help="Regularly active (30+ min moderate, 3+ days/week, 3+ months).",
        ),
    ] = None,
    blood_pressure: Annotated[
        str | None,
        typer.Option(
            "--blood-pressure", help="Resting blood pressure, e.g. 128/82.", metavar="SYS/DIA"
        ),
    ] = None,
    screening: Annotated[
        list[str] | None,
        typer.Option(
            "--screening",
            help="A PAR-Q+ question answered yes (repeatable or commas), e.g. chest_pain.",
            metavar="KEY",
        ),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default on a terminal), json (default in a pipe), yaml, markdown, "
            "csv (a row per exercise) or ics (a calendar event per session).",
        ),
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent JSON output.")] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE"
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            help="First day of the block for csv and ics (YYYY-MM-DD; default: next Monday).",
            metavar="DATE",
        ),
    ] = None,
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=16, help="Weeks in the block (1-16).")
    ] = 4,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Add which rules fired, on which facts, and what they changed."
        ),
    ] = False,
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    no_cache: NoCacheOption = False,
    width: Annotated[
        int | None, typer.Option("--width", help="Terminal width for the table.", min=60, max=400)
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Build a weekly exercise plan from a profile.

    The profile comes from --profile FILE, --profile - (stdin), --example NAME, or flags;
    flags override the file. A bare `endoprotocol plan` uses the profile saved by
    `endoprotocol profile init`. Output goes to stdout (or --output); messages go to stderr.

    Examples:

      endoprotocol plan --example muscle-trt-45

      endoprotocol plan --age 52 --sex female --goal bone-density --goal strength --days mon,thu

      cat me.yaml | endoprotocol plan --profile - --format json --pretty

      endoprotocol plan -p me.yaml --goal fat-loss --minutes 30 --explain -o plan.json
    """
    if example == "list":
        from endoprotocol.sources import example_names, example_summary

        for name in example_names():
            typer.echo(f"{name:28} {example_summary(name)}")
        return
    flags: dict[str, Any] = {
        "age": age,
        "sex": sex,
        "goals": _items(goal),
        "therapies": _items(therapy),
        "experience": experience,
        "days": _items(days),
        "days_per_week": days_per_week,
        "minutes_per_session": minutes,
        "equipment": _items(equipment),
        "conditions": _items(condition),
        "pregnancy_week": pregnancy_week,
        "currently_active": active,
        "blood_pressure": _bp(blood_pressure),
    }
    flags = {k: v for k, v in flags.items() if v is not None}
    screening = _items(screening)

    def body() -> None:
        from endoprotocol import build_plan, parse_profile
        from endoprotocol.knowledge import load
        from endoprotocol.sources import (
            example_text,
            read_profile_file,
            read_profile_text,
            read_stdin,
            write_atomic,
        )

        data: dict[str, Any] = {}
        if profile is not None and example is not None:
            raise UsageError("give --profile or --example, not both")
        target = None if output in (None, "-") else output  # `-o -` is stdout
        chosen = choose_format(output_format, target)
        if target is not None and profile not in (None, "-") and same_file(target, profile):
            raise UsageError(
                f"--output {target} is the profile file; writing the plan would replace it",
                hint="give another file name",
            )
        first_day = start_date(start, weeks) if chosen in (Format.CSV, Format.ICS) else None
        _note_ignored(chosen, start=start, explain=explain)
        if profile is not None:
            stdin = read_stdin(sys.stdin.buffer) if profile == "-" else None
            data = read_profile_file(profile, stdin)
        elif example is not None:
            data = read_profile_text(example_text(example), f"example {example}")
        bare = profile is None and example is None and not flags and not screening
        if bare:
            from endoprotocol.engine.loader import saved_profile_path

            saved = saved_profile_path()
            if saved.is_file():
                # Only a bare `plan` uses the saved profile: never merged with flags.
                data = read_profile_file(str(saved))
                sys.stderr.write(f"using the saved profile {saved}\n")
        if not data and not flags and not screening:
            raise UsageError(
                "nothing to plan from",
                hint="give --profile FILE, --example NAME (see --example list), flags such as --age 40 --sex female --goal strength, or save one with `endoprotocol profile init`",
            )
        data = merge_flags(data, flags, screening or [])
        person = parse_profile(data)
        loaded = load(
            [Path(r) for r in rules or []],
            builtin=not no_builtin_rules,
            user_dir=not no_user_rules,
            allow_safety_overrides=allow_safety_overrides,
            cache=not no_cache,
        )
        settle()
        result = build_plan(person, loaded.rules, loaded.library, weeks=weeks, explain=explain)
        # colour only for a terminal; a file gets plain text
        color = target is None and sys.stdout.isatty()
        text = render(
            result,
            chosen or (Format.TABLE if color else Format.JSON),
            pretty=pretty,
            width=width,
            explain=explain,
            color=color,
            start=first_day,
        )
        if target is not None:
            write_atomic(target, text)
        else:
            from endoprotocol.cli.common import for_terminal

            emit(for_terminal(text) if chosen in (None, Format.TABLE) and color else text)

    run_guarded(body, debug=debug)


def merge_flags(
    data: dict[str, Any], flags: dict[str, Any], screening: list[str]
) -> dict[str, Any]:
    """Flags replace the file's values; a list flag replaces the whole list.

    A flag replaces the file's value under any spelling of its key (`minutes:` for
    `--minutes`), and `--days` / `--days-per-week` replace both of the file's day keys.
    Everything else is passed on untouched, so validation still reports the file's own
    problems (a key given twice, an unknown key, a malformed screening).
    """
    from endoprotocol.profile import profile_key
    from endoprotocol.vocab import canonical

    def field(key: object) -> object:
        return profile_key(key) if isinstance(key, str) else key

    def answer(key: object) -> object:
        return canonical(key).replace("-", "_") if isinstance(key, str) else key

    replaced = set(flags)
    if replaced & {"days", "days_per_week"}:
        replaced |= {"days", "days_per_week"}
    merged = {k: v for k, v in data.items() if field(k) not in replaced}
    merged.update(flags)
    if screening:
        keys = [k for k in merged if field(k) == "screening"]
        if len(keys) > 1:
            return merged  # given twice in the file: validation says so
        given = merged.pop(keys[0]) if keys else None
        if given is not None and not isinstance(given, dict):
            merged[keys[0]] = given  # malformed in the file: validation says so
            return merged
        yes = {canonical(k).replace("-", "_") for k in screening}
        answers = {k: v for k, v in (given or {}).items() if answer(k) not in yes}
        answers.update(dict.fromkeys(yes, True))
        merged[keys[0] if keys else "screening"] = answers
    return merged


def _items(values: list[str] | None) -> list[str] | None:
    """A list flag, repeated and/or comma-separated alike: `--goal a,b` is `--goal a --goal b`."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


# Formats named by a file's extension: `-o plan.ics` writes a calendar, not JSON.
EXTENSIONS = {
    ".json": Format.JSON,
    ".yaml": Format.YAML,
    ".yml": Format.YAML,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".csv": Format.CSV,
    ".ics": Format.ICS,
    ".txt": Format.TABLE,
}


def choose_format(given: Format | None, output: str | None) -> Format | None:
    """The format asked for: `-f`, else the output file's known extension, else None (the
    default: a table on a terminal, JSON elsewhere). `-f` contradicting a known extension is
    a usage error rather than a calendar file full of JSON."""
    implied = EXTENSIONS.get(Path(output).suffix.lower()) if output else None
    if given is not None and implied is not None and given is not implied:
        raise UsageError(
            f"--format {given.value} does not match --output {output}, which names a "
            f"{implied.value} file",
            hint=f"drop --format, or name the file with the extension of {given.value}",
        )
    return given or implied


def same_file(output: str, profile: str) -> bool:
    try:
        return Path(output).resolve() == Path(profile).resolve() or (
            Path(output).exists() and Path(output).samefile(profile)
        )
    except (OSError, RuntimeError):
        return False  # the read or the write reports its own error


def _note_ignored(fmt: Format | None, *, start: str | None, explain: bool) -> None:
    """Say on stderr when a flag cannot show in the chosen format, rather than drop it."""
    from endoprotocol.cli.common import say

    shown = fmt.value if fmt else "the default format"
    if start is not None and fmt not in (Format.CSV, Format.ICS):
        say(f"note: --start dates only csv and ics output; {shown} has no dates")
    if explain and fmt in (Format.MARKDOWN, Format.CSV, Format.ICS):
        say(f"note: --explain shows in table, json and yaml output; {shown} leaves it out")


def start_date(text: str | None, weeks: int = 4) -> date:
    """The block's first day, always a Monday: the first Monday on or after `--start` (said on
    stderr when that moves it), or the next Monday. Nothing is dated before `--start`, and the
    block must end by 9999-12-31. (The CLI may read the clock; the renderers never do.)"""
    if text is None:
        today = date.today()
        return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    try:
        given = date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--start {text[:40]!r} is not a date", hint="use YYYY-MM-DD, e.g. 2027-01-04"
        ) from None
    # the last day of the block, and the day after it (an all-day event's end), must exist
    latest = date.max - timedelta(days=7 * weeks)
    last_monday = latest - timedelta(days=latest.weekday())
    if given > last_monday:
        raise UsageError(
            f"--start {given.isoformat()} is too late: a {weeks}-week block would end after "
            f"{date.max.isoformat()}",
            hint=f"start on {last_monday.isoformat()} or earlier",
        )
    monday = given + timedelta(days=(7 - given.weekday()) % 7)
    if monday != given:
        from endoprotocol.cli.common import say

        say(
            f"note: the block starts on Monday {monday.isoformat()}, the first Monday on or "
            f"after --start {given.isoformat()}"
        )
    return monday


def render(
    result: Any,
    fmt: Format,
    *,
    pretty: bool,
    width: int | None,
    explain: bool,
    color: bool = False,
    start: date | None = None,
) -> str:
    if fmt is Format.JSON:
        return str(result.to_json(pretty=pretty)) + "\n"
    if fmt is Format.YAML:
        import yaml

        data = result.model_dump(
            mode="json", exclude={"explanation"} if result.explanation is None else set()
        )
        return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    if fmt in (Format.CSV, Format.ICS):
        from endoprotocol.render.calendar import render_csv, render_ics

        first = start or start_date(None, len(result.weeks))
        return render_csv(result, first) if fmt is Format.CSV else render_ics(result, first)
    if fmt is Format.MARKDOWN:
        from endoprotocol.render.markdown import render_markdown

        return render_markdown(result)
    from endoprotocol.render.terminal import render_table

    return render_table(result, width=width, color=color, explain=explain)
