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
from drafter.facts import Facts, os_reason

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


def _free_backup_path(path: Path) -> Path:
    """``稿子.bak.docx``, or ``稿子.bak2.docx``… when an earlier, different backup already holds that name.

    A second ``--force`` must not replace the first backup: it may hold the user's edits."""
    candidate = backup_path(path)
    number = 1
    while candidate.exists() and not _same_bytes(candidate, path):
        number += 1
        candidate = path.with_name(f"{path.stem}.bak{number}{path.suffix}")
    return candidate


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.is_file() and a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def check_target(path: Path, *, force: bool) -> None:
    """Raise OutputError if ``path`` cannot or must not be written."""
    try:
        _check_target(path, force=force)
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(f"无法使用这个输出路径：{os_reason(exc)}", location=Location(path),
                          hint="换一个短一些的文件名或路径，用 -o 指定") from None


def _check_target(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise OutputError("输出路径是一个文件夹", location=Location(path),
                          hint="请在 -o 后面写文件名，例如 -o 述职报告.docx")
    parent = path.parent
    if not parent.exists():
        raise OutputError(f"输出文件夹“{parent}”不存在", location=Location(path),
                          hint="先建好文件夹，或换一个 -o 路径")
    if not parent.is_dir():
        raise OutputError(f"“{parent}”是一个文件，不是文件夹，不能在它下面写文件", location=Location(path),
                          hint="检查 -o 后面的路径，或换一个文件夹")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"没有权限在文件夹“{parent}”里写文件", location=Location(path),
                          hint="换一个文件夹（如桌面或“文档”），或用 -o 指定路径")
    if path.exists() or path.is_symlink():
        if not path.is_file():
            raise OutputError("输出路径已被占用，而且不是普通文件，没有写入", location=Location(path),
                              hint="用 -o 另起一个文件名")
        if not force:
            raise OutputError(
                "文件已存在，为免覆盖您之前的稿子，没有写入", location=Location(path),
                hint=f"用 -o 另起文件名；确需覆盖请加 --force（旧文件会备份为 {backup_path(path).name}）",
            )
        if not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
            raise OutputError("已有的文件是只读的，没有覆盖", location=Location(path),
                              hint="取消该文件的只读属性，或用 -o 另起文件名")


def _new_file_mode(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what the umask allows.

    (A temporary file is created 0600; without this every draft would be private to its owner.)"""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, force: bool = False, backup: bool = True) -> Path | None:
    """Write ``data`` to ``path`` atomically; return the backup path if an old file was kept.

    Nothing at ``path`` changes unless the whole new file is on disk: the data go to a temporary file
    ``.drafter-*`` in the same folder, which is renamed over ``path`` at the end (and removed on any
    failure).  An old file is copied to a backup first; an earlier, different backup is never replaced.
    ``backup=False`` is for generated files nobody edits by hand (the bundled samples)."""
    check_target(path, force=force)
    kept: Path | None = None
    new_backup = False  # a backup this call created (removed again if the write fails)
    tmp_name = ""
    done = False
    try:
        mode = _new_file_mode(path)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".drafter-", suffix=path.suffix,
                                         delete=False) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        if backup and path.exists():
            kept = _free_backup_path(path)
            new_backup = not kept.exists()
            shutil.copy2(path, kept)
        os.replace(tmp_name, path)
        done = True
    except PermissionError as exc:
        raise OutputError("写入被拒绝：文件可能正在 Word/WPS 中打开，或没有写权限", location=Location(path),
                          hint="关闭正在打开这个文件的程序后再试，或用 -o 另起文件名；原有的文件没有改动") from exc
    except OSError as exc:
        raise OutputError(f"写入失败：{os_reason(exc)}", location=Location(path),
                          hint="检查磁盘空间和路径；原有的文件没有改动") from exc
    finally:
        if tmp_name and os.path.exists(tmp_name):
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        if not done and new_backup and kept is not None:
            with contextlib.suppress(OSError):
                kept.unlink()
    return kept
