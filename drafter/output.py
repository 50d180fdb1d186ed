"""Writing results to disk without ever losing a user's earlier draft, even with several runs at once.

Owns output naming (beside the facts file, from 单位 and 年度), refusal to overwrite without ``--force``,
a backup of every replaced version when ``--force`` is given, and the atomic write itself.  This is the
one write service of render, batch, init, mine and the sample regeneration.

How a file is placed (no check-then-act anywhere, so parallel runs cannot race):

* the data go to a hidden temporary file ``.~drafter-<host>-<pid>-*.tmp`` in the target's folder (created
  with ``O_EXCL``, never through a symlink), flushed to disk;
* it is then *hard-linked* to the target name, which fails if the name exists: create-without-overwrite
  in one system call (file systems without hard links get an ``O_EXCL`` claim of the name instead);
* with ``--force``, the version found at the name is first linked to a free backup name (again an
  exclusive link: two runs never claim the same backup), then moved aside by one ``rename`` (only one run
  can move a given version), and the loop retries — every version some run replaced ends up in a backup;
* a symlink at the target or a backup name is never written through;
* temporary files are removed on every exit Python sees (errors, Ctrl-C, SIGTERM via the CLI); those of a
  process killed outright are swept by the next write into the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import secrets
import stat
import tempfile
import time
import unicodedata
from pathlib import Path

from drafter.errors import Location, OutputError, os_reason
from drafter.facts import Facts

EXTENSIONS = {"docx": ".docx", "md": ".md", "txt": ".txt"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
TEMP_PREFIX = ".~drafter-"
_MAX_ROUNDS = 1000  # replace attempts per write: only reached if other runs write the same file endlessly
_NO_LINK = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}


def _visible(text: str) -> str:
    """``text`` without format characters (RLO and other bidi controls, zero-width spaces and joiners, BOM):
    they hide or reorder what a file name shows (``报告\u202excod.exe``)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def default_name(facts: Facts, fmt: str) -> str:
    """某市发改委2024年度述职报告.docx — from 单位 and 年度, safe on Windows."""
    unit = facts.get("单位.简称") or facts.get("单位.全称") or (facts.path.stem if facts.path else "drafter")
    year = f"{facts.year}年度" if facts.year else ""
    kind = "党建工作总结" if facts.kind == "党建工作总结" else "述职报告"
    name = _UNSAFE.sub("", _visible(f"{unit}{year}{kind}"))[:80].strip(" .") or "述职报告"
    return name + EXTENSIONS[fmt]


def default_path(facts: Facts, fmt: str) -> Path:
    folder = facts.path.parent if facts.path else Path.cwd()
    return folder / default_name(facts, fmt)


def backup_path(path: Path, number: int = 1) -> Path:
    """``稿子.bak.docx`` for the first backup, ``稿子.bak2.docx``… after it."""
    return path.with_name(f"{path.stem}.bak{'' if number == 1 else number}{path.suffix}")


def check_target(path: Path, *, force: bool) -> None:
    """Raise OutputError if ``path`` cannot or must not be written (the early, friendly check; the write
    itself decides atomically again)."""
    try:
        _check_target(path, force=force)
    except OSError as exc:  # e.g. a name too long for the file system
        raise OutputError(
            f"无法使用这个输出路径：{os_reason(exc)}",
            location=Location(path),
            hint="换一个短一些的文件名或路径，用 -o 指定",
        ) from None


def _check_target(path: Path, *, force: bool) -> None:
    if path.is_symlink():
        raise _symlink_error(path)
    if path.is_dir():
        raise OutputError(
            "输出路径是一个文件夹",
            location=Location(path),
            hint="请在 -o 后面写文件名，例如 -o 述职报告.docx",
        )
    parent = path.parent
    if not parent.exists():
        raise OutputError(
            f"输出文件夹“{parent}”不存在", location=Location(path), hint="先建好文件夹，或换一个 -o 路径"
        )
    if not parent.is_dir():
        raise OutputError(
            f"“{parent}”是一个文件，不是文件夹，不能在它下面写文件",
            location=Location(path),
            hint="检查 -o 后面的路径，或换一个文件夹",
        )
    if not os.access(parent, os.W_OK):
        raise OutputError(
            f"没有权限在文件夹“{parent}”里写文件",
            location=Location(path),
            hint="换一个文件夹（如桌面或“文档”），或用 -o 指定路径",
        )
    if path.exists():
        with contextlib.suppress(FileNotFoundError):  # removed meanwhile by another run: then it is free
            _check_existing(path, force=force)


def _check_existing(path: Path, *, force: bool) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        raise _symlink_error(path)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(
            "输出路径已被占用，而且不是普通文件，没有写入",
            location=Location(path),
            hint="用 -o 另起一个文件名",
        )
    if not force:
        raise _exists_error(path)
    if not (info.st_mode & stat.S_IWUSR) or not _still_writable(path, info):
        raise OutputError(
            "已有的文件是只读的，没有覆盖",
            location=Location(path),
            hint="取消该文件的只读属性，或用 -o 另起文件名",
        )


def _still_writable(path: Path, info: os.stat_result) -> bool:
    """Whether the file ``lstat`` saw as ``info`` may be written: True when it is, and when it was removed or
    replaced meanwhile (another forced run moved it aside: a file that appears in its place between
    ``os.access`` failing and a second look is that run's, not the user's read-only file)."""
    if os.access(path, os.W_OK):
        return True
    try:
        now = path.lstat()
    except FileNotFoundError:
        return True
    return (now.st_ino, now.st_dev) != (info.st_ino, info.st_dev)


def _exists_error(path: Path) -> OutputError:
    return OutputError(
        "文件已存在，为免覆盖您之前的稿子，没有写入",
        location=Location(path),
        hint=f"用 -o 另起文件名；确需覆盖请加 --force（旧文件会备份为 {backup_path(path).name}）",
    )


def _symlink_error(path: Path) -> OutputError:
    return OutputError(
        "输出路径是一个符号链接（快捷方式），为免写到别处，没有写入",
        location=Location(path),
        hint="用 -o 另起一个文件名，或先删除这个链接",
    )


def _new_file_mode(path: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what the umask allows.

    (A temporary file is created 0600; without this every draft would be private to its owner.)"""
    try:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@functools.lru_cache(maxsize=1)
def _host_tag() -> str:
    # the host name: os.uname()'s, as platform.node() gives it where there is one (platform, and the socket
    # module it may fall back on, are loaded only elsewhere)
    if hasattr(os, "uname"):
        node = os.uname().nodename
    else:
        import platform

        node = platform.node()
    return hashlib.sha256(node.encode("utf-8", "replace")).hexdigest()[:8]


def _set_hidden(path: str, hidden: bool) -> None:
    """Windows does not hide dot files: set or clear the hidden attribute there (no-op elsewhere)."""
    if os.name != "nt":
        return
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is not None:
        windll.kernel32.SetFileAttributesW(path, 0x2 if hidden else 0x80)


def _write_temp(folder: Path, data: bytes, mode: int) -> str:
    """A complete, flushed copy of ``data`` in a new hidden temporary file of ``folder``; its name."""
    fd, name = tempfile.mkstemp(
        dir=folder, prefix=f"{TEMP_PREFIX}{_host_tag()}-{os.getpid()}-", suffix=".tmp"
    )
    try:
        _set_hidden(name, True)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, mode)
        _set_hidden(name, False)  # links and renames carry the attribute along
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


_SWEPT: set[tuple[int, str]] = set()


def sweep_stale(folder: Path) -> None:
    """Remove temporary files that runs killed outright (SIGKILL, power loss) left in ``folder``.

    Only files of this machine whose process is gone are touched (POSIX; on Windows ``os.kill`` would end
    the process, so files older than a day are removed there)."""
    key = (os.getpid(), os.path.abspath(folder))
    if key in _SWEPT:  # once per folder and process: a batch writes thousands of drafts into one folder
        return
    _SWEPT.add(key)
    tag = f"{TEMP_PREFIX}{_host_tag()}-"
    try:
        names = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for name in names:
        full = folder / name
        if os.name == "nt":
            with contextlib.suppress(OSError):
                if full.lstat().st_mtime < time.time() - 86400:
                    full.unlink()
            continue
        pid_text = name[len(tag) :].split("-", 1)[0] if name.startswith(tag) else ""
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _pid_alive(int(pid_text)):
            with contextlib.suppress(OSError):
                full.unlink()


def _link(src: str | Path, dst: Path) -> bool:
    """Create ``dst`` as another name of ``src`` only if ``dst`` does not exist: True if made, False if the
    name is taken.  Where hard links are not supported, an exclusive claim of the name plus a rename."""
    try:
        if os.name == "nt":
            os.rename(src, dst)  # Windows' rename never replaces an existing file
            return True
        os.link(src, dst, follow_symlinks=False)
        return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
    try:
        fd = os.open(dst, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    os.replace(src, dst)
    return True


def _same_content(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.lstat(), b.lstat()
        if not (stat.S_ISREG(sa.st_mode) and stat.S_ISREG(sb.st_mode)):
            return False
        if (sa.st_ino, sa.st_dev) == (sb.st_ino, sb.st_dev):
            return True
        return sa.st_size == sb.st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _claim_backup(version: Path, target: Path) -> tuple[Path, bool]:
    """Keep ``version`` (the file at ``target``, or a copy moved aside) under a free backup name of ``target``;
    (the backup, whether this call made it).

    ``稿子.bak.docx``, else ``稿子.bak2.docx``…: an earlier backup with other content is never replaced (it
    may hold the user's edits), one with the same content is reused."""
    for number in range(1, 10_000):
        candidate = backup_path(target, number)
        if _copy_exclusive(version, candidate):
            return candidate, True
        if _same_content(candidate, version):
            return candidate, False
    raise OutputError("备份文件太多，没有写入", location=Location(target), hint="清理旧的 .bak 备份后再试")


def _copy_exclusive(version: Path, candidate: Path) -> bool:
    """``candidate`` as a new name of ``version``; False if the name is taken."""
    try:
        if os.name != "nt":
            os.link(version, candidate, follow_symlinks=False)
            return True
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
    copy = _write_temp(candidate.parent, version.read_bytes(), _new_file_mode(version))
    try:
        return _link(copy, candidate)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(copy)


class _Placement:
    """One placement of a finished temporary file at its target, with what it did so far (backups it made,
    versions it moved aside), so that a failure can put everything back."""

    def __init__(self, tmp: str, path: Path, *, force: bool, backup: bool) -> None:
        self.tmp, self.path, self.force, self.backup = tmp, path, force, backup
        self.kept: Path | None = None
        self.made: list[Path] = []  # backups this placement created
        self.asides: list[Path] = []  # versions it took off the name, newest last

    def run(self) -> Path | None:
        for _ in range(_MAX_ROUNDS):
            if _link(self.tmp, self.path):
                return self.kept
            if not self.force:
                raise _exists_error(self.path)
            self._move_aside()
        raise OutputError(
            "同时有太多次写入同一个文件，没有写入", location=Location(self.path), hint="稍后再试"
        )

    def _keep(self, version: Path) -> Path:
        kept, made = _claim_backup(version, self.path)
        self.kept = self.kept or kept
        if made:
            self.made.append(kept)
        return kept

    def _move_aside(self) -> None:
        """Back up the version now at the name and take it off (one rename: only one run can)."""
        path = self.path
        first: Path | None = None
        try:
            _check_existing(path, force=True)
            if self.backup:
                first = self._keep(path)
        except FileNotFoundError:  # another run moved it away meanwhile
            return
        aside = path.with_name(f"{TEMP_PREFIX}{_host_tag()}-{os.getpid()}-{secrets.token_hex(6)}.old")
        try:
            os.rename(path, aside)
        except FileNotFoundError:  # another run moved it first and keeps it
            return
        self.asides.append(aside)
        if self.backup and (first is None or not _same_content(aside, first)):
            self._keep(aside)  # a different version arrived between the backup and the move

    def undo(self) -> None:
        """After a failure: the newest version moved aside goes back to its name (if still free), and the
        backups made of it go away, so that the folder is as it was."""
        if self.asides and _link_quietly(self.asides[-1], self.path):
            for made in self.made:
                if _same_content(made, self.path):
                    with contextlib.suppress(OSError):
                        made.unlink()
        elif not self.asides:
            for made in self.made:
                with contextlib.suppress(OSError):
                    made.unlink()

    def cleanup(self) -> None:
        for aside in self.asides:
            with contextlib.suppress(OSError):
                aside.unlink()


def _link_quietly(src: Path, dst: Path) -> bool:
    try:
        return _link(src, dst)
    except OSError:
        return False


def write_atomic(path: Path, data: bytes, *, force: bool = False, backup: bool = True) -> Path | None:
    """Write ``data`` to ``path`` atomically; return the backup path if an old file was kept.

    Nothing at ``path`` changes unless the whole new file is on disk, an existing file is replaced only
    with ``force`` and then kept as a backup first (``backup=False`` is for generated files nobody edits by
    hand, such as the bundled samples)."""
    check_target(path, force=force)
    sweep_stale(path.parent)
    tmp = ""
    placement: _Placement | None = None
    try:
        tmp = _write_temp(path.parent, data, _new_file_mode(path))
        placement = _Placement(tmp, path, force=force, backup=backup)
        try:
            return placement.run()
        except BaseException:
            placement.undo()
            raise
    except PermissionError as exc:
        raise OutputError(
            "写入被拒绝：文件可能正在 Word/WPS 中打开，或没有写权限",
            location=Location(path),
            hint="关闭正在打开这个文件的程序后再试，或用 -o 另起文件名；原有的文件没有改动",
        ) from exc
    except OSError as exc:
        raise OutputError(
            f"写入失败：{os_reason(exc)}",
            location=Location(path),
            hint="检查磁盘空间和路径；原有的文件没有改动",
        ) from exc
    finally:
        if placement is not None:
            placement.cleanup()
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
