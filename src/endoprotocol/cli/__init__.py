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
    # No garbage collection while the modules and packs load: they allocate tens of
    # thousands of objects that all live until exit, and every collection would scan them
    # again (about a sixth of a plan's time). `common.settle()` freezes what was loaded and
    # switches the collector back on; commands that load no packs switch it on at once
    # (`app.root`).
    import gc

    gc.disable()
    from endoprotocol.cli.app import main as run

    run()
