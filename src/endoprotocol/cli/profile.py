"""`endoprotocol profile init|show|path`: a saved profile for a bare `endoprotocol plan`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from endoprotocol.cli.common import DebugOption, emit, run_guarded, say
from endoprotocol.errors import Interrupted, ProfileError, ProfileInputError, UsageError

app = typer.Typer(
    help=(
        "Save your profile once, then plan with a bare `endoprotocol plan`, or with "
        "`endoprotocol plan --from-saved --minutes 30` to change a field for one plan.\n\n"
        "Examples:\n\n"
        "  endoprotocol profile init --age 52 --sex female --goal bone-density --days mon,thu\n\n"
        "  endoprotocol profile init            (asks every question in plain words)\n\n"
        "  endoprotocol profile show"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("init")
def init(
    age: Annotated[int | None, typer.Option(help="Age in years.", metavar="N")] = None,
    sex: Annotated[str | None, typer.Option(help="male or female.", metavar="SEX")] = None,
    goal: Annotated[
        list[str] | None,
        typer.Option(
            "--goal", help="A goal (repeatable or commas, first = priority).", metavar="GOAL"
        ),
    ] = None,
    therapy: Annotated[
        list[str] | None,
        typer.Option(
            "--therapy",
            help="A current therapy (repeatable or commas), or none.",
            metavar="THERAPY",
        ),
    ] = None,
    experience: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced.", metavar="LEVEL")
    ] = None,
    days: Annotated[
        list[str] | None,
        typer.Option(
            "--days", help="Training days, e.g. mon,wed,fri (repeatable or commas).", metavar="DAYS"
        ),
    ] = None,
    days_per_week: Annotated[
        int | None, typer.Option("--days-per-week", help="1-7 days, spread evenly.", metavar="N")
    ] = None,
    minutes: Annotated[
        int | None, typer.Option(help="Minutes per session (15-180).", metavar="N")
    ] = None,
    equipment: Annotated[
        list[str] | None,
        typer.Option(
            "--equipment", help="Equipment you have (repeatable or commas).", metavar="ITEM"
        ),
    ] = None,
    condition: Annotated[
        list[str] | None,
        typer.Option(
            "--condition", help="A health condition (repeatable or commas).", metavar="CONDITION"
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
        bool | None, typer.Option("--active/--inactive", help="Regularly active for 3+ months.")
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
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Save to FILE instead of the saved-profile location (then plan with "
            "--profile FILE); '-' prints the profile to stdout.",
            metavar="FILE",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing file without asking.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Save your profile; with no profile flags, asks every question in plain words.

    The wizard asks age, sex, goals, experience, activity, days, minutes, equipment,
    conditions (and the week of a pregnancy), therapies, blood pressure and the seven PAR-Q+
    questions, shows the accepted values, and asks again when an answer is refused. Enter keeps
    the [default]; Ctrl-C or Ctrl-D stops without saving (exit 130). With flags, only the
    missing age, sex or goals are asked. The file is commented YAML, readable by you only
    (mode 600); an existing one is replaced only with --force or when you say yes.

    Examples:

    \b
      endoprotocol profile init
      endoprotocol profile init --age 45 --sex male --goal muscle --days mon,wed,fri
      endoprotocol profile init -o me.yaml   # then: endoprotocol plan --profile me.yaml
    """
    from endoprotocol.cli.plan import _items, profile_flags

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
    yes = _items(screening)
    if yes:
        flags["screening"] = dict.fromkeys(yes, True)

    def body() -> None:
        from endoprotocol.cli import saved, wizard
        from endoprotocol.profile import parse_profile, problems_with
        from endoprotocol.profiletext import commented_yaml

        to_stdout = output == Path("-")
        target = output or saved.saved_path()
        replace: bool | None = True
        if not to_stdout:
            saved.check_destination(target)
            replace = force or _may_replace(target, interactive=not flags)
            if replace is None:
                say(f"kept {target} as it was; nothing was saved")
                return
        try:
            if flags:
                # Flags are answers too: a bad one, or a contradiction among them, is refused
                # before anything is asked. The model looks for contradictions only in a whole
                # profile, so missing required answers get stand-ins that contradict nothing.
                wrong = problems_with({**wizard.STAND_INS, **flags}, flags)
                if wrong:
                    raise ProfileError("\n".join(wrong))
                missing = tuple(q for q in wizard.QUESTIONS if q.required and q.field not in flags)
                person = (
                    wizard.ask_profile(
                        wizard.ask_on_stdin, wizard.tell_on_stderr, given=flags, questions=missing
                    )
                    if missing
                    else parse_profile(flags)
                )
            else:
                say(
                    "Your profile, one question at a time. Enter keeps the [default]; "
                    "Ctrl-C stops without saving."
                )
                person = wizard.ask_profile(wizard.ask_on_stdin, wizard.tell_on_stderr)
        except KeyboardInterrupt:
            if sys.stdin.isatty():
                sys.stderr.write("\n")  # after the ^C the terminal shows
            raise Interrupted("stopped at your request; nothing was saved") from None
        if to_stdout:
            emit(commented_yaml(person))
            return
        saved.save(target, commented_yaml(person), replace=bool(replace))
        say(f"saved {target} (readable by you only)")
        say(
            "plan with: endoprotocol plan"
            if output is None
            else f"plan with: endoprotocol plan --profile {target}"
        )

    run_guarded(body, debug=debug)


def _may_replace(target: Path, *, interactive: bool) -> bool | None:
    """False when `target` does not exist; else True if the person says to replace it, None
    if they say no. Without a terminal (and not in the wizard) nobody can be asked: an error."""
    if not target.exists():
        return False
    if not (interactive or sys.stdin.isatty()):
        raise UsageError(
            f"a saved profile already exists at {target}", hint="add --force to replace it"
        )
    from endoprotocol.cli.wizard import ask_on_stdin

    say(f"A profile is already saved at {target}.")
    while True:
        try:
            answer = ask_on_stdin("Replace it when the questions are done? [y/N]: ")
        except EOFError:
            raise Interrupted(
                "the answers ended before saying whether to replace it; nothing was saved"
            ) from None
        except KeyboardInterrupt:
            raise Interrupted("stopped at your request; nothing was saved") from None
        word = answer.strip().lower()
        if word in ("y", "yes"):
            return True
        if word in ("", "n", "no"):
            return None
        say("  please answer yes or no")


@app.command("show")
def show(debug: DebugOption = False) -> None:
    """Print the saved profile.

    Example:

      endoprotocol profile show
    """

    def body() -> None:
        from endoprotocol.engine.loader import saved_profile_path

        target = saved_profile_path()
        if not target.is_file():
            raise UsageError(
                "no saved profile yet", hint="create one with `endoprotocol profile init`"
            )
        try:
            raw = target.read_bytes()
            sys.stdout.write(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ProfileInputError(
                f"the saved profile {target} is not valid UTF-8 (byte {exc.start})",
                hint="replace it with `endoprotocol profile init --force`",
            ) from None
        except OSError as exc:
            raise ProfileInputError(
                f"cannot read the saved profile {target}: {exc.strerror or exc}"
            ) from None

    run_guarded(body, debug=debug)


@app.command("path")
def path() -> None:
    """Print where the saved profile and user rule packs live.

    Example:

      endoprotocol profile path
    """
    from endoprotocol.engine.loader import saved_profile_path, user_rules_dir

    sys.stdout.write(f"profile: {saved_profile_path()}\nrule packs: {user_rules_dir()}\n")
