"""One error hierarchy; each error knows its exit code and the message a person reads.

    EndoprotocolError                 exit 1  (a bug: report it)
    ├── UsageError                    exit 2  unknown option, unparsable flag, nothing to plan from
    ├── ProfileError                  exit 3  the profile parses but fails validation
    │   └── ProfileInputError         exit 3  the profile file cannot be read or parsed
    ├── RulePackError                 exit 4  a rule pack or library file is invalid
    ├── OutOfScopeError               exit 5  the person is outside what the tool plans for
    ├── OutputError                   exit 2  the requested output cannot be written
    │   └── SaveError                 exit 2  the profile cannot be saved where asked
    └── Interrupted                   exit 130 the answers to `profile init` ended (EOF, Ctrl-C)

Checks that ran and found failures (`rules test`) exit 6 (CHECKS_FAILED); interrupted runs
exit 130, terminated ones (SIGTERM) 143 (Ctrl-C and SIGTERM are handled by the CLI).
Messages never contain a traceback; `--debug` shows one.
"""

from __future__ import annotations

from dataclasses import dataclass

CHECKS_FAILED = 6
MAX_SHOWN = 50  # errors listed in one message; the rest are counted


class EndoprotocolError(Exception):
    """Base of every error the tool raises on purpose."""

    exit_code = 1
    label = "error"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def render(self) -> str:
        """The whole text for stderr: the message and, when known, what to do next."""
        text = f"{self.label}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class UsageError(EndoprotocolError):
    exit_code = 2
    label = "usage error"


class ProfileError(EndoprotocolError):
    exit_code = 3
    label = "invalid profile"


class ProfileInputError(ProfileError):
    """The profile source itself is unusable (missing, binary, not YAML/JSON, too big)."""


@dataclass(frozen=True, order=True)
class PackDiagnostic:
    """One compiler-style problem in a rule pack: `path:line:col: error: message [code]`."""

    path: str
    line: int
    col: int
    message: str
    code: str
    severity: str = "error"

    def __str__(self) -> str:
        message = self.message if len(self.message) <= 500 else self.message[:497] + "..."
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {message} [{self.code}]"


class RulePackError(EndoprotocolError):
    exit_code = 4
    label = "invalid rule pack"

    def __init__(self, diagnostics: list[PackDiagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        count = len(self.diagnostics)
        summary = f"{count} error{'s' if count != 1 else ''} in rule packs"
        super().__init__(summary)

    def render(self) -> str:
        lines = [str(d) for d in self.diagnostics[:MAX_SHOWN]]
        if len(self.diagnostics) > MAX_SHOWN:
            lines.append(f"... and {len(self.diagnostics) - MAX_SHOWN} more")
        lines.append(f"{self.label}: {self.message}")
        return "\n".join(lines)


class OutOfScopeError(EndoprotocolError):
    exit_code = 5
    label = "out of scope"


class OutputError(EndoprotocolError):
    exit_code = 2
    label = "cannot write output"


class SaveError(OutputError):
    label = "cannot save the profile"


class Interrupted(EndoprotocolError):
    """A question got no answer (end of input, Ctrl-C, Ctrl-D): nothing was saved."""

    exit_code = 130
    label = "interrupted"
