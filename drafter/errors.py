"""The one root exception type and the diagnostics every stage reports.

Every stage raises :class:`DrafterError` (or a subclass) for bad input; the CLI catches it once,
prints the Chinese message and exits with code 2.  Non-fatal findings are :class:`Diagnostic`
records collected in lists, so that ``drafter check`` can show every problem at once.  :func:`os_reason`
words an operating-system error in Chinese for any message about reading or writing a file.
"""

from __future__ import annotations

import errno
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


_OS_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一级不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EACCES: "权限不够",
    errno.EPERM: "权限不够，操作不被允许",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已满",
    errno.EFBIG: "文件太大",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EBUSY: "文件正被其他程序使用",
    errno.ETXTBSY: "文件正被其他程序使用",
    errno.EIO: "磁盘读写出错",
    errno.EXDEV: "不能跨磁盘改名",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.EINVAL: "文件名不合法",
    errno.ELOOP: "符号链接太多层或成环",
    errno.EEXIST: "文件已存在",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.ENXIO: "不是普通文件（设备或管道）",
    errno.ENODEV: "不是普通文件（设备）",
}
_WINDOWS_REASONS = {
    32: "文件正被其他程序使用（可能在 Word/WPS 中打开）",
    112: "磁盘已满",
    206: "文件名太长",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an operating-system error (never the English strerror alone)."""
    reason = _OS_REASONS.get(exc.errno or -1)
    if reason is None:
        winerror = getattr(exc, "winerror", None)
        reason = _WINDOWS_REASONS.get(winerror or -1, f"系统错误（错误码 {exc.errno}）")
    return reason
