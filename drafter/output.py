"""Writing results to disk without ever losing a user's earlier draft.

Owns output naming (beside the facts file, from 单位 and 年度), refusal to overwrite without ``--force``,
a backup of the replaced file when ``--force`` is given, and atomic writes (a temporary file in the same
folder, then a rename), so an interrupted run never leaves a half-written .docx.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from drafter.errors import Location, OutputError
from drafter.facts import Facts

EXTENSIONS = {"docx": ".docx", "md": ".md", "txt": ".txt"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def default_name(facts: Facts, fmt: str) -> str:
    """某市发改委2024年度述职报告.docx — from 单位 and 年度, safe on Windows."""
    unit = facts.get("单位.简称") or facts.get("单位.全称") or (facts.path.stem if facts.path else "drafter")
    year = f"{facts.year}年度" if facts.year else ""
    kind = "党建工作总结" if facts.kind == "党建工作总结" else "述职报告"
    name = _UNSAFE.sub("", f"{unit}{year}{kind}")[:80] or "述职报告"
    return name + EXTENSIONS[fmt]


def default_path(facts: Facts, fmt: str) -> Path:
    folder = facts.path.parent if facts.path else Path.cwd()
    return folder / default_name(facts, fmt)


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.bak{path.suffix}")


def check_target(path: Path, *, force: bool) -> None:
    """Raise OutputError if ``path`` cannot or must not be written."""
    if path.is_dir():
        raise OutputError("输出路径是一个文件夹", location=Location(path),
                          hint="请在 -o 后面写文件名，例如 -o 述职报告.docx")
    parent = path.parent
    if not parent.exists():
        raise OutputError("输出文件夹不存在", location=Location(parent), hint="先建好文件夹，或换一个 -o 路径")
    if not os.access(parent, os.W_OK):
        raise OutputError("没有权限在这个文件夹里写文件", location=Location(parent),
                          hint="换一个文件夹（如桌面或“文档”），或用 -o 指定路径")
    if path.exists():
        if not force:
            raise OutputError(
                "文件已存在，为免覆盖您之前的稿子，没有写入", location=Location(path),
                hint=f"用 -o 另起文件名；确需覆盖请加 --force（旧文件会备份为 {backup_path(path).name}）",
            )
        if not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
            raise OutputError("已有的文件是只读的，没有覆盖", location=Location(path),
                              hint="取消该文件的只读属性，或用 -o 另起文件名")


def write_atomic(path: Path, data: bytes, *, force: bool = False, backup: bool = True) -> Path | None:
    """Write ``data`` to ``path`` atomically; return the backup path if an old file was kept.

    ``backup=False`` is for generated files nobody edits by hand (the bundled samples)."""
    check_target(path, force=force)
    kept: Path | None = None
    tmp_name = ""
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".drafter-", suffix=path.suffix,
                                         delete=False) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if backup and path.exists():
            kept = backup_path(path)
            shutil.copy2(path, kept)
        os.replace(tmp_name, path)
    except PermissionError as exc:
        raise OutputError("写入被拒绝：文件可能正在 Word/WPS 中打开，或没有写权限", location=Location(path),
                          hint="关闭正在打开这个文件的程序后再试，或用 -o 另起文件名") from exc
    except OSError as exc:
        raise OutputError(f"写入失败：{exc.strerror or exc}", location=Location(path),
                          hint="检查磁盘空间和路径") from exc
    finally:
        if tmp_name and os.path.exists(tmp_name):
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return kept
