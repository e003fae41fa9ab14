"""The command line: thin typer commands over the library."""

from __future__ import annotations

import sys


def main() -> None:
    """Console entry point. `endoprotocol --version` answers before Typer (and Click, rich
    and pydantic behind it) is imported: a version check in a script costs only Python's
    start-up."""
    if sys.argv[1:] == ["--version"]:
        from endoprotocol import __version__

        try:
            sys.stdout.write(f"endoprotocol {__version__}\n")
            sys.stdout.flush()
        except (OSError, ValueError, AttributeError):
            pass  # a closed or gone stdout never changes the exit code
        return
    from endoprotocol.cli.app import main as run

    run()
