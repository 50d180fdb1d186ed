"""The one root exception type and the diagnostics every stage reports.

Every stage raises :class:`DrafterError` (or a subclass) for bad input; the CLI catches it once,
prints the Chinese message and exits with code 2.  Non-fatal findings are :class:`Diagnostic`
records collected in lists, so that ``drafter check`` can show every problem at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "info"]

SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and optionally a 1-based line and column and a key path."""

    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            parts.append(where)
        elif self.line is not None:
            parts.append(f"第{self.line}行")
        if self.key:
            parts.append(f"键“{self.key}”")
        return "，".join(parts)


@dataclass(frozen=True)
class Diagnostic:
    """One finding: severity, Chinese message, location and a hint on how to fix it."""

    severity: Severity
    message: str
    location: Location = Location()
    hint: str | None = None
    code: str = ""

    def format(self) -> str:
        where = str(self.location)
        text = f"{SEVERITY_LABEL[self.severity]}：{where + '：' if where else ''}{self.message}"
        if self.hint:
            text += f"\n  提示：{self.hint}"
        return text


class DrafterError(Exception):
    """Root of every error drafter raises for bad input or an environment it cannot use.

    ``diagnostics`` carries every problem found (a facts file may have several); ``str()`` gives
    the full Chinese report.  The CLI turns this into exit code 2.
    """

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        self.location = location or Location()
        self.hint = hint
        self.diagnostics = diagnostics or [Diagnostic("error", message, self.location, hint)]
        super().__init__(message)

    def format(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


class FactsError(DrafterError):
    """The facts file cannot be read or does not validate."""


class LibraryError(DrafterError):
    """A fragment file or template is missing or broken."""


class OutputError(DrafterError):
    """The output cannot be written (exists, not writable, a folder...)."""


class UsageError(DrafterError):
    """A command-line argument names something that does not exist (a unit type, a topic…)."""
