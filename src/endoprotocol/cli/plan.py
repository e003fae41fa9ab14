"""`endoprotocol plan`: read a profile, build the plan, render it.

No `from __future__ import annotations` here: Typer reads `plan`'s signature on every run
(twice: `inspect.signature(eval_str=True)` and `get_type_hints`), and ~35 annotations kept
as strings are compiled and evaluated each time; written out, they are objects already.
"""

import os
import sys
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
from endoprotocol.vocab import (
    SCREENING_QUESTIONS,
    Condition,
    Equipment,
    Experience,
    Goal,
    Therapy,
)

if TYPE_CHECKING:
    from endoprotocol.render.text import View as View

# The PAR-Q+ questions `--screening` answers yes: the profile's own `screening` keys.
SCREENING_KEYS = SCREENING_QUESTIONS


def _values(values: Iterable[object]) -> str:
    """Accepted values for a help text: `a, b or c`."""
    names = [str(getattr(v, "value", v)) for v in values]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    YAML = "yaml"
    MARKDOWN = "markdown"
    CSV = "csv"
    ICS = "ics"
    HTML = "html"


# `plan` lets Click pass unknown words through (`allow_extra_args`) so that they are
# refused here with the fix, not with Click's bare "unexpected extra argument"
PLAN_SETTINGS: dict[str, Any] = {"allow_extra_args": True}


def _refuse_extra_arguments(words: list[str]) -> None:
    """Raise UsageError (exit 2) for words `plan` does not take, naming them; a word that
    is a profile file (or is named like one) is shown with `--profile`, the way a file is
    given."""
    if not words:
        return
    first = words[0]
    if Path(first).suffix.lower() in (".yaml", ".yml", ".json") or Path(first).is_file():
        raise UsageError(
            f"unexpected argument '{first}': a profile file is given with --profile",
            hint=f"endoprotocol plan --profile {first}",
        )
    shown = " ".join(words)
    raise UsageError(
        f"unexpected argument{'s' if len(words) > 1 else ''} '{shown}'",
        hint="options start with - or --; see `endoprotocol plan --help`",
    )


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
    ctx: typer.Context,
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
    from_saved: Annotated[
        bool,
        typer.Option(
            "--from-saved",
            help="Start from the profile saved by `profile init` and change only the fields "
            "given as flags. Without it, flags alone make the profile.",
        ),
    ] = False,
    age: Annotated[
        int | None, typer.Option(help="Age in years (18-100 are planned).", metavar="N")
    ] = None,
    sex: Annotated[str | None, typer.Option(help="male or female.", metavar="SEX")] = None,
    goal: Annotated[
        list[str] | None,
        typer.Option(
            "--goal",
            help=f"A goal: {_values(Goal)}. Repeatable or commas, first = priority, 1-4; "
            "replaces the file's goals.",
            metavar="GOAL",
        ),
    ] = None,
    therapy: Annotated[
        list[str] | None,
        typer.Option(
            "--therapy",
            help=f"A current therapy: {_values(Therapy)}, or none. Repeatable or commas; "
            "replaces the file's list.",
            metavar="THERAPY",
        ),
    ] = None,
    experience: Annotated[
        str | None,
        typer.Option(help=f"Training experience: {_values(Experience)}.", metavar="LEVEL"),
    ] = None,
    days: Annotated[
        list[str] | None,
        typer.Option(
            "--days",
            help="Training days: monday-sunday or mon-sun, e.g. mon,wed,fri (repeatable or "
            "commas).",
            metavar="DAY",
        ),
    ] = None,
    days_per_week: Annotated[
        int | None,
        typer.Option("--days-per-week", help="1-7 days, spread evenly.", metavar="N"),
    ] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Minutes per session (15-180).", metavar="N")
    ] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            "--equipment",
            help=f"Equipment you have: {_values(Equipment)}. Repeatable or commas; replaces "
            "the file's list.",
            metavar="ITEM",
        ),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            "--condition",
            help=f"A health condition: {_values(Condition)}. Repeatable or commas; replaces "
            "the file's list.",
            metavar="CONDITION",
        ),
    ] = None,
    pregnancy_week: Annotated[
        int | None,
        typer.Option(
            "--pregnancy-week",
            help="Week of pregnancy (1-42), with --condition pregnancy.",
            metavar="N",
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
            help=f"A PAR-Q+ question answered yes: {_values(SCREENING_KEYS)}. Repeatable or "
            "commas.",
            metavar="KEY",
        ),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default on a terminal), json (default in a pipe), yaml, markdown, "
            "csv (a row per exercise), ics (a calendar event per session) or html (a printable "
            "report with charts).",
            metavar="FORMAT",
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
        int,
        typer.Option("--weeks", min=1, max=16, help="Weeks in the block (1-16).", metavar="N"),
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
        int | None,
        typer.Option(
            "--width",
            help="Columns for the table, 40-400 (default: the terminal's width, or $COLUMNS, "
            "else 80).",
            min=40,
            max=400,
            metavar="N",
            show_default=False,
        ),
    ] = None,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="No colour in the table (also when NO_COLOR is set or TERM=dumb).",
        ),
    ] = False,
    compact: Annotated[
        bool,
        typer.Option(
            "--compact",
            help="Table and markdown: only who it is for, screening, warnings and the week.",
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Table and markdown: the full text of every expected effect, with sources "
            "(default: one line per target).",
        ),
    ] = False,
    alternatives: Annotated[
        bool,
        typer.Option(
            "--alternatives",
            help="Table and markdown: list the alternatives to each exercise.",
        ),
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Build a weekly exercise plan from a profile.

    The profile comes from --profile FILE, --profile - (stdin), --example NAME, or flags;
    flags override the file. A bare `endoprotocol plan` uses the profile saved by
    `endoprotocol profile init`; with flags, add --from-saved to start from it (flags alone
    never borrow from it). Output goes to stdout (or --output); messages go to stderr.

    Examples:

      endoprotocol plan --example muscle-trt-45

      endoprotocol plan --age 52 --sex female --goal bone-density --goal strength --days mon,thu

      cat me.yaml | endoprotocol plan --profile - --format json --pretty

      endoprotocol plan -p me.yaml --goal fat-loss --minutes 30 --explain -o plan.json

      endoprotocol plan --from-saved --days-per-week 4

      endoprotocol plan --example older-adult-72 --compact --no-color --width 80
    """
    if example == "list":
        from endoprotocol.sources import example_names, example_summary

        for name in example_names():
            typer.echo(f"{name:28} {example_summary(name)}")
        return
    flags = profile_flags(
        age=age,
        sex=sex,
        goal=goal,
        therapy=therapy,
        experience=experience,
        days=days,
        days_per_week=days_per_week,
        minutes=minutes,
        equipment=equipment,
        condition=condition,
        pregnancy_week=pregnancy_week,
        active=active,
        blood_pressure=blood_pressure,
    )
    screening = _items(screening)

    def body() -> None:
        _refuse_extra_arguments(ctx.args)
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
        if from_saved and (profile is not None or example is not None):
            raise UsageError(
                f"give --from-saved or --{'profile' if profile is not None else 'example'}, "
                "not both"
            )
        target = None if output in (None, "-") else output  # `-o -` is stdout
        chosen = choose_format(output_format, target)
        if target is not None and profile not in (None, "-") and same_file(target, profile):
            raise UsageError(
                f"--output {target} is the profile file; writing the plan would replace it",
                hint="give another file name",
            )
        first_day = start_date(start, weeks) if chosen in (Format.CSV, Format.ICS) else None
        _note_ignored(chosen, start=start, explain=explain)
        _note_table_only(chosen, compact=compact, full=full, alternatives=alternatives)
        if profile is not None:
            stdin = read_stdin(sys.stdin.buffer) if profile == "-" else None
            data = read_profile_file(profile, stdin)
        elif example is not None:
            data = read_profile_text(example_text(example), f"example {example}")
        if profile is None and example is None:
            from endoprotocol.cli.saved import plan_start

            # the saved profile: for a bare `plan`, or under flags with --from-saved only
            data = plan_start(from_saved=from_saved, flagged=bool(flags or screening))
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
        # a terminal gets the table by default; colour only there, and never when refused
        terminal = target is None and sys.stdout.isatty()
        from endoprotocol.render.text import View

        looks = View(
            width=width or terminal_width(terminal),
            color=terminal and not no_color and wants_color(),
            ascii=os.environ.get("TERM") == "dumb",
            compact=compact,
            full=full,
            alternatives=alternatives,
        )
        text = render(
            result,
            chosen or (Format.TABLE if terminal else Format.JSON),
            pretty=pretty,
            width=looks.width,
            explain=explain,
            color=looks.color,
            start=first_day,
            looks=looks,
        )
        if target is not None:
            write_atomic(target, text)
        else:
            from endoprotocol.cli.common import for_terminal

            emit(for_terminal(text) if chosen in (None, Format.TABLE) and terminal else text)

    run_guarded(body, debug=debug)


def profile_flags(
    *,
    age: int | None,
    sex: str | None,
    goal: list[str] | None,
    therapy: list[str] | None,
    experience: str | None,
    days: list[str] | None,
    days_per_week: int | None,
    minutes: int | None,
    equipment: list[str] | None,
    condition: list[str] | None,
    pregnancy_week: int | None,
    active: bool | None,
    blood_pressure: str | None,
) -> dict[str, Any]:
    """The profile fields given as flags (`plan`, `profile init`), keyed as in a profile
    file; fields not given are left out. Raises UsageError for a malformed blood pressure."""
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
    return {k: v for k, v in flags.items() if v is not None}


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
    ".html": Format.HTML,
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


def wants_color() -> bool:
    """False when the environment refuses colour: NO_COLOR set to anything but the empty
    string (no-color.org), or a dumb terminal."""
    return not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def terminal_width(terminal: bool) -> int:
    """The table's width: $COLUMNS when it is a positive number, else the terminal's own
    width, else 80 (a pipe or a file)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if terminal:
        try:
            return os.get_terminal_size(sys.stdout.fileno()).columns or 80
        except (OSError, ValueError):
            pass
    return 80


def _note_table_only(fmt: Format | None, *, compact: bool, full: bool, alternatives: bool) -> None:
    from endoprotocol.cli.common import say

    if fmt in (None, Format.TABLE, Format.MARKDOWN):
        return
    for flag, given in (("--compact", compact), ("--full", full), ("--alternatives", alternatives)):
        if given:
            say(f"note: {flag} shapes the table and markdown; {fmt.value} leaves it out")


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
    looks: "View | None" = None,
) -> str:
    if fmt is Format.JSON:
        return str(result.to_json(pretty=pretty)) + "\n"
    if fmt is Format.YAML:
        import yaml

        data = result.to_data()
        if result.explanation is None:
            del data["explanation"]
        return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    if fmt in (Format.CSV, Format.ICS):
        from endoprotocol.render.calendar import render_csv, render_ics

        first = start or start_date(None, len(result.weeks))
        return render_csv(result, first) if fmt is Format.CSV else render_ics(result, first)
    if fmt is Format.HTML:
        from endoprotocol.render.html import render_html

        return render_html(result)
    from endoprotocol.render.text import View

    looks = looks or View(width=width or 80, color=color)
    if fmt is Format.MARKDOWN:
        from endoprotocol.render.markdown import render_markdown

        return render_markdown(
            result, compact=looks.compact, full=looks.full, alternatives=looks.alternatives
        )
    from endoprotocol.render.terminal import render_table

    return render_table(
        result,
        width=width or looks.width,
        color=color,
        explain=explain,
        ascii=looks.ascii,
        compact=looks.compact,
        full=looks.full,
        alternatives=looks.alternatives,
    )
