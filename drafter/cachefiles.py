"""drafter's cache folder and the JSON entries kept in it, without Jinja: what a command that only needs a
parsed data file (the registry for ``drafter --help``, ``schema`` or ``init``) can use without loading the
template engine.  :mod:`drafter.cache` re-exports all of it and adds Jinja's compiled templates; the rules
that make the cache fail safe are described there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
# what a damaged or foreign entry can raise while it is read back into objects: it is then simply not used
PARSE_ERRORS: tuple[type[Exception], ...] = (ValueError, KeyError, TypeError, AttributeError)


def cache_dir() -> Path | None:
    """The user's cache folder for drafter (not checked or created; see :func:`safe_folder`)."""
    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    if os.environ.get("DRAFTER_CACHE_DIR"):
        return Path(os.environ["DRAFTER_CACHE_DIR"])
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def _private(path: Path) -> bool:
    """True if ``path`` is a real folder owned by this user that no one else may write to."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if os.name == "nt" or not hasattr(os, "getuid"):
        return True  # %LOCALAPPDATA% is the user's own; NTFS ACLs are not modelled here
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def safe_folder(*parts: str) -> Path | None:
    """``cache_dir()/parts…``, created private if needed, or None when it is off, cannot be made, or is
    not safe to load from (another owner, writable by others, a symlink)."""
    root = cache_dir()
    if root is None:
        return None
    folder = root.joinpath(*parts)
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    for level in (root, folder):
        if not _private(level):
            return None
    return folder


_DIGESTS: dict[tuple[str, int, int, int, int], str] = {}


def file_stamp(paths: list[Path]) -> tuple[tuple[str, str], ...]:
    """Name and content digest of each file: what decides whether something parsed from them is current
    (content, not size and modification time, which an edit can leave unchanged).  Within one process a
    file whose inode, size, modification and change times are unchanged is not read again (a batch drafts
    thousands of reports with one library); any write changes the change time, which no one can set back."""
    return tuple((name, _content_digest(name)) for name in map(os.path.abspath, paths))


def folder_stamp(folder: Path, suffix: str) -> tuple[tuple[str, str], ...]:
    """:func:`file_stamp` of every file below ``folder`` whose name ends in ``suffix``, sorted by name, as
    ``Path.rglob`` finds them (folders behind a symlink are not entered) but without building a Path for
    each: a long-running process asks before every draft whether its fragment folder changed."""
    found: list[str] = []
    pending = [os.path.abspath(folder)]
    while pending:
        top = pending.pop()
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            if entry.name.endswith(suffix):
                found.append(entry.path)
            try:
                inside = entry.is_dir(follow_symlinks=False)
            except OSError:
                inside = False
            if inside:
                pending.append(entry.path)
    return tuple((name, _content_digest(name)) for name in sorted(found))


def _content_digest(name: str) -> str:
    """SHA-256 of the file ``name`` (an absolute path), read again only when its stat says it changed."""
    info = os.stat(name)
    key = (name, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    digest = _DIGESTS.get(key)
    if digest is None:
        with open(name, "rb") as file:
            digest = _DIGESTS[key] = hashlib.sha256(file.read()).hexdigest()
    return digest


def read_entry(kind: str, key: str, max_bytes: int) -> str | None:
    """The text kept as ``<cache>/<kind>/<key>.json``, or None (no cache, no entry, a symlink, too big, or
    unreadable).  The caller checks that the text reads back as what it wrote."""
    folder = safe_folder(kind)
    if folder is None:
        return None
    path = folder / f"{key}.json"
    try:
        if path.is_symlink() or path.stat().st_size > max_bytes:
            return None
        return path.read_bytes().decode("utf-8")  # no newline translation: entries are one line of JSON
    except (OSError, ValueError):
        return None


def read_parsed(
    kind: str,
    key: str,
    max_bytes: int,
    parse: Callable[[str], T],
    errors: tuple[type[Exception], ...] = PARSE_ERRORS,
) -> T | None:
    """:func:`read_entry` read back with ``parse``; None when there is no entry or it does not parse."""
    text = read_entry(kind, key, max_bytes)
    if text is None:
        return None
    try:
        return parse(text)
    except errors:
        return None


def write_entry(kind: str, key: str, text: str) -> None:
    """Keep ``text`` as ``<cache>/<kind>/<key>.json`` (atomically; silently nothing when the cache is off or
    cannot be written).  Entries of the same kind not written for a week go."""
    folder = safe_folder(kind)
    if folder is None:
        return
    with contextlib.suppress(OSError, ValueError):
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".json", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, folder / f"{key}.json")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        newest = (folder / f"{key}.json").stat().st_mtime
        for old in folder.glob("*.json"):
            if old.name != f"{key}.json" and old.stat().st_mtime < newest - 7 * 86400:
                with contextlib.suppress(OSError):
                    old.unlink()
