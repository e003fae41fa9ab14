"""`endoprotocol rules list|show|validate|test|facts`: read, check and test rule packs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from endoprotocol.cli.common import (
    AllowSafetyOption,
    DebugOption,
    NoBuiltinOption,
    NoUserOption,
    RulesOption,
    run_guarded,
    say,
)
from endoprotocol.errors import CHECKS_FAILED, UsageError

app = typer.Typer(
    help="List, show, validate, test and audit rule packs.\n\nExamples:\n\n  endoprotocol rules list\n\n  endoprotocol rules show core/resistance-base\n\n  endoprotocol rules validate ./my-pack",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _load(  # type: ignore[no-untyped-def]
    rules: list[Path] | None,
    no_builtin: bool,
    no_user: bool,
    allow: bool = False,
    cache: bool = True,
):
    """The rules and library, through the one loader every command uses."""
    from endoprotocol.knowledge import load

    return load(
        [Path(r) for r in rules or []],
        builtin=not no_builtin,
        user_dir=not no_user,
        allow_safety_overrides=allow,
        cache=cache,
    )


@app.command("list")
def list_rules(
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    phase: Annotated[
        str | None,
        typer.Option(
            help="Only rules of this phase: safety, prescribe, adjust, annotate or review.",
            metavar="PHASE",
        ),
    ] = None,
    allow_safety_overrides: AllowSafetyOption = False,
    debug: DebugOption = False,
) -> None:
    """List every rule: id, phase, priority, title and where it is defined.

    Example:

      endoprotocol rules list --phase safety
    """

    def body() -> None:
        from endoprotocol.engine.model import PHASE_ORDER

        if phase is not None and phase not in {p.value for p in PHASE_ORDER}:
            from endoprotocol.vocab import did_you_mean

            names = [p.value for p in PHASE_ORDER]
            raise UsageError(
                f"no phase {phase[:40]!r}",
                hint=did_you_mean(phase, names, trail=" ") + f"phases: {', '.join(names)}",
            )
        ruleset = _load(rules, no_builtin_rules, no_user_rules, allow_safety_overrides).rules

        for rule in sorted(ruleset.rules, key=lambda r: (PHASE_ORDER.index(r.phase), r.full_id)):
            if phase and rule.phase.value != phase:
                continue
            where = f"{rule.pos.path}:{rule.pos.line}" if rule.pos else "?"
            state = " (disabled)" if rule.full_id in ruleset.disabled else ""
            sys.stdout.write(
                f"{rule.full_id:44} {rule.phase.value:9} {rule.priority:>4}  {rule.title}{state}  [{where}]\n"
            )

    run_guarded(body, debug=debug)


@app.command("show")
def show(
    rule_id: Annotated[
        str, typer.Argument(help="Full rule id, e.g. core/resistance-base.", metavar="ID")
    ],
    rules: RulesOption = None,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    debug: DebugOption = False,
) -> None:
    """Show one rule as written, where it is defined, and its references in full.

    Example:

      endoprotocol rules show safety/under-18
    """

    def body() -> None:
        from endoprotocol.vocab import did_you_mean

        ruleset = _load(rules, no_builtin_rules, no_user_rules, allow_safety_overrides).rules
        rule = ruleset.rule(rule_id)
        if rule is None:
            ids = [r.full_id for r in ruleset.rules]
            raise UsageError(
                f"no rule '{rule_id}'",
                hint=did_you_mean(rule_id, ids, trail=" ") + "see `endoprotocol rules list`",
            )
        assert rule.pos is not None
        lines = Path(rule.pos.path).read_text(encoding="utf-8").splitlines()
        start = rule.pos.line - 1
        end = start + 1
        indent = len(lines[start]) - len(lines[start].lstrip(" -"))
        while end < len(lines) and (
            not lines[end].strip()
            or (
                len(lines[end]) - len(lines[end].lstrip()) >= indent
                and not lines[end].lstrip().startswith("- id:")
            )
        ):
            end += 1
        out = [
            f"# {rule.full_id} — defined at {rule.pos.path}:{rule.pos.line}",
            *lines[start:end],
            "",
            "# references",
        ]
        out += [f"[{ref}] {ruleset.references[ref].citation}" for ref in rule.references]
        sys.stdout.write("\n".join(line.rstrip() for line in out).rstrip() + "\n")

    run_guarded(body, debug=debug)


@app.command("validate")
def validate(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Pack directories to check (default: every loaded pack).", metavar="DIR"
        ),
    ] = None,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    debug: DebugOption = False,
) -> None:
    """Check rule packs: exit 0, or every error as path:line:col and exit 4.

    The built-in packs are always loaded too, so user packs may cite their references
    and override their rules.

    Examples:

      endoprotocol rules validate

      endoprotocol rules validate ./my-pack ./other-pack
    """

    def body() -> None:
        # validate reads every file afresh: it is the command that checks them
        ruleset = _load(
            list(dirs or []), False, no_user_rules, allow_safety_overrides, cache=False
        ).rules
        for notice in ruleset.notices:
            say(str(notice))
        say(
            f"ok: {len(ruleset.rules)} rules in {len(ruleset.packs)} packs ({', '.join(p.name for p in ruleset.packs)})"
        )

    run_guarded(body, debug=debug)


@app.command("test")
def run_tests(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Pack directories whose tests to run (default: all loaded packs).",
            metavar="DIR",
        ),
    ] = None,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    debug: DebugOption = False,
) -> None:
    """Run the example profiles inside packs (`tests:`) and report like a test runner.

    Exit 0 when every test passes, 6 when any fails, 4 when a pack is invalid (an invalid
    test profile included).

    Example:

      endoprotocol rules test ./my-pack
    """

    def body() -> None:
        from endoprotocol.packtests import run_pack_tests

        loaded = _load(list(dirs or []), False, no_user_rules, allow_safety_overrides)
        ruleset = loaded.rules
        only = {p.resolve() for p in dirs or []}
        results = run_pack_tests(ruleset, only, library=loaded.library)
        failed = 0
        for result in results:
            mark = "PASS" if result.ok else "FAIL"
            sys.stdout.write(f"{mark} {result.pack}: {result.name}\n")
            for problem in result.problems:
                sys.stdout.write(f"     {problem}\n")
            failed += not result.ok
        sys.stdout.write(f"{len(results) - failed} passed, {failed} failed\n")
        if not results:
            say("no pack tests found")
        if failed:
            raise typer.Exit(CHECKS_FAILED)

    run_guarded(body, debug=debug)


@app.command("audit")
def audit_rules(
    rules: RulesOption = None,
    profiles: Annotated[
        int,
        typer.Option(
            "--profiles",
            min=1,
            max=100_000,
            help="How many profiles to plan (1-100000).",
            metavar="N",
        ),
    ] = 200,
    seed: Annotated[
        int,
        typer.Option(
            "--seed", help="Seed of the generated profiles (any whole number).", metavar="N"
        ),
    ] = 15,
    no_builtin_rules: NoBuiltinOption = False,
    no_user_rules: NoUserOption = False,
    allow_safety_overrides: AllowSafetyOption = False,
    debug: DebugOption = False,
) -> None:
    """Run the coach's audit (COACHING.md) over generated profiles with the loaded packs.

    Prints each fault kind with how many plans showed it and the smallest profile that did.
    Exit 0 when every plan is clean, 6 when any check found a fault, 4 when a pack is invalid.

    Example:

      endoprotocol rules audit --rules ./my-pack --profiles 500 --seed 7
    """

    def body() -> None:
        import json

        from endoprotocol.auditrun import run_audit

        loaded = _load(rules, no_builtin_rules, no_user_rules, allow_safety_overrides)
        ruleset, library = loaded.rules, loaded.library
        planned, kinds = run_audit(ruleset, library, profiles, seed)
        failed = [k for k in kinds.values() if k.plans]
        for kind in kinds.values():
            mark = "FAIL" if kind.plans else "ok  "
            sys.stdout.write(
                f"{mark} {kind.check:34} {kind.plans:5} faulty of {kind.applied:5} plans it applied to\n"
            )
            if kind.example is not None:
                sys.stdout.write(
                    f"     smallest: {json.dumps(kind.example, sort_keys=True)}"
                    f" (--weeks {kind.weeks})\n"
                )
                sys.stdout.write(f"     {kind.first}\n")
        sys.stdout.write(
            f"{planned} plans audited (seed {seed}); {len(failed)} fault kind(s) found\n"
        )
        if failed:
            raise typer.Exit(6)

    run_guarded(body, debug=debug)


@app.command("facts")
def facts() -> None:
    """List the facts rules can test, with their kind, accepted values and phase.

    Example:

      endoprotocol rules facts | grep screening
    """
    from endoprotocol.engine.facts import FACTS

    for fact in FACTS.values():
        values = f" [{', '.join(fact.vocabulary)}]" if fact.vocabulary else ""
        sys.stdout.write(
            f"{fact.name:42} {fact.kind:5} from {fact.available_from.value:9} {fact.description}{values}\n"
        )
