"""`endoprotocol profile init|show|path`: a saved profile for a bare `endoprotocol plan`."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from endoprotocol.cli.common import DebugOption, run_guarded, say
from endoprotocol.errors import ProfileInputError, UsageError

app = typer.Typer(
    help=(
        "Save your profile once, then plan with a bare `endoprotocol plan`.\n\n"
        "Examples:\n\n"
        "  endoprotocol profile init --age 52 --sex female --goal bone-density --days mon,thu\n\n"
        "  endoprotocol profile init            (asks for each answer)\n\n"
        "  endoprotocol profile show"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _ask(label: str, default: str | None = None) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            f"{label} is needed and stdin is not a terminal to ask on",
            hint="give it as a flag, e.g. `endoprotocol profile init --age 40 --sex female --goal strength`",
        )
    answer: str = typer.prompt(label, default=default, err=True)
    return answer


@app.command("init")
def init(
    age: Annotated[int | None, typer.Option(help="Age in years.")] = None,
    sex: Annotated[str | None, typer.Option(help="male or female.")] = None,
    goal: Annotated[list[str] | None, typer.Option("--goal", help="A goal (repeatable).")] = None,
    therapy: Annotated[
        list[str] | None, typer.Option("--therapy", help="A current therapy (repeatable).")
    ] = None,
    experience: Annotated[
        str | None, typer.Option(help="beginner, intermediate or advanced.")
    ] = None,
    days: Annotated[str | None, typer.Option(help="Training days, e.g. mon,wed,fri.")] = None,
    minutes: Annotated[int | None, typer.Option(help="Minutes per session (15-180).")] = None,
    equipment: Annotated[
        list[str] | None, typer.Option("--equipment", help="Equipment (repeatable).")
    ] = None,
    condition: Annotated[
        list[str] | None, typer.Option("--condition", help="A health condition (repeatable).")
    ] = None,
    active: Annotated[
        bool | None, typer.Option("--active/--inactive", help="Regularly active for 3+ months.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing saved profile.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Validate and save your profile; asks for age, sex and goals when not given.

    Example:

      endoprotocol profile init --age 45 --sex male --goal muscle --therapy trt --days mon,wed,fri
    """

    def body() -> None:
        import yaml

        from endoprotocol.engine.loader import saved_profile_path
        from endoprotocol.profile import parse_profile
        from endoprotocol.sources import write_atomic

        target = saved_profile_path()
        if target.exists() and not force:
            raise UsageError(
                f"a saved profile already exists at {target}", hint="add --force to replace it"
            )
        data: dict[str, Any] = {
            "age": age if age is not None else _ask("Age in years"),
            "sex": sex or _ask("Sex (male or female)"),
            "goals": goal
            or [
                g.strip() for g in _ask("Goals, most important first (comma-separated)").split(",")
            ],
        }
        optional: dict[str, Any] = {
            "therapies": therapy,
            "experience": experience,
            "days": [d for d in days.split(",") if d.strip()] if days else None,
            "minutes_per_session": minutes,
            "equipment": equipment,
            "conditions": condition,
            "currently_active": active,
        }
        data.update({k: v for k, v in optional.items() if v is not None})
        if isinstance(data["age"], str):
            data["age"] = int(data["age"]) if data["age"].strip().isdigit() else data["age"]
        person = parse_profile(data)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "# saved by `endoprotocol profile init`; used by a bare `endoprotocol plan`\n"
        text += yaml.safe_dump(person.normalized(), sort_keys=False)
        write_atomic(str(target), text)
        say(f"saved {target}")

    run_guarded(body, debug=debug)


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
