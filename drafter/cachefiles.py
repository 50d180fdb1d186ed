"""drafter's cache folder and the JSON entries kept in it, without Jinja: what a command that only needs a
parsed data file (the registry for ``drafter --help``, ``schema`` or ``init``) can use without loading the
template engine.  Also the content digests that key those entries (:func:`file_stamp`), kept there too, so
that a cold start need not read every fragment file to know that none changed.  :mod:`drafter.cache`
re-exports all of it and adds Jinja's compiled templates; the rules that make the cache fail safe are
described there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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


def file_stamp(paths: list[Path]) -> tuple[tuple[str, str], ...]:
    """Name and content digest of each file: what decides whether something parsed from them is current
    (content, not size and modification time, which an edit can leave unchanged).  Within one process a
    file whose inode, size, modification and change times are unchanged is not read again (a batch drafts
    thousands of reports with one library); any write changes the change time, which no one can set back.
    The same holds across processes: digests are kept in the cache (:class:`_Digests`), so a cold start reads
    only the files that changed since a run saw them.  OSError for a file that cannot be read, or is not a
    regular file (a FIFO or device is never opened: reading one could wait forever)."""
    return tuple((name, _DIGESTS.of(name)) for name in map(os.path.abspath, paths))


def content_digest(path: Path | str) -> str:
    """The SHA-256 of one file's content as :func:`file_stamp` finds it (read again only when its stat
    changed): what the cache keys use for source files too; OSError as for file_stamp."""
    return _DIGESTS.of(os.path.abspath(path))


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
    return tuple((name, _DIGESTS.of(name)) for name in sorted(found))


_Stat = tuple[str, int, int, int, int]  # absolute name, inode, size, modification and change time (ns)


class _Digests:
    """SHA-256 of files, read again only when a file's :data:`_Stat` changed: within the process, and across
    processes through ``<cache>/stamps/index.json`` (name → inode, size, times and digest; JSON, checked
    when read, anything unexpected ignored).  New digests are written there when an entry they key is
    written or read back (:func:`write_entry`, :func:`read_parsed`): a folder that never parses leaves
    nothing behind.  Kept for at most :data:`MAX_STAMPS` files: past that only those this process asked
    about are written back."""

    def __init__(self) -> None:
        self.known: dict[_Stat, str] = {}
        self.kept: dict[str, list[Any]] | None = None  # read from the cache on first use
        self.changed = False

    def of(self, name: str) -> str:
        """The digest of the file ``name`` (an absolute path); OSError when it cannot be read."""
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file: {name}")
        key = (name, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        digest = self.known.get(key)
        if digest is None:
            digest = self._kept_digest(key)
            if digest is None:
                with open(name, "rb") as file:
                    digest = hashlib.sha256(file.read()).hexdigest()
                self._keep(key, digest)
            self.known[key] = digest
        return digest

    def _kept_digest(self, key: _Stat) -> str | None:
        if self.kept is None:
            self.kept = _read_stamps()
        entry = self.kept.get(key[0])
        if entry is not None and tuple(entry[:4]) == key[1:]:
            return str(entry[4])
        return None

    def _keep(self, key: _Stat, digest: str) -> None:
        assert self.kept is not None  # _kept_digest read it
        if len(self.kept) >= MAX_STAMPS:
            self.kept = {k[0]: [*k[1:], d] for k, d in self.known.items()}
        self.kept[key[0]] = [*key[1:], digest]
        self.changed = True

    def save(self) -> None:
        """Write the digests back when new ones were worked out (best effort)."""
        if self.changed and self.kept is not None:
            self.changed = False
            write_entry(STAMPS, STAMPS_KEY, json.dumps({"format": 1, "files": self.kept}, ensure_ascii=False))


STAMPS, STAMPS_KEY = "stamps", "index"
MAX_STAMPS = 20_000
MAX_STAMP_BYTES = 16 * 1024 * 1024


def _read_stamps() -> dict[str, list[Any]]:
    """The kept digests by file name (empty when there are none or they do not read back as written)."""
    data = read_parsed(STAMPS, STAMPS_KEY, MAX_STAMP_BYTES, json.loads)
    files = data.get("files") if isinstance(data, dict) and data.get("format") == 1 else None
    if not isinstance(files, dict):
        return {}
    return {
        name: entry
        for name, entry in files.items()
        if isinstance(entry, list)
        and len(entry) == 5
        and all(type(n) is int for n in entry[:4])
        and isinstance(entry[4], str)
    }


_DIGESTS = _Digests()


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
        parsed = parse(text)
    except errors:
        return None
    if kind != STAMPS:
        _DIGESTS.save()
    return parsed


def write_entry(kind: str, key: str, text: str) -> None:
    """Keep ``text`` as ``<cache>/<kind>/<key>.json`` (atomically; silently nothing when the cache is off or
    cannot be written).  Entries of the same kind not written for a week go; new file digests
    (:class:`_Digests`) are kept with it."""
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
        if kind != STAMPS:
            _DIGESTS.save()
        newest = (folder / f"{key}.json").stat().st_mtime
        for old in folder.glob("*.json"):
            if old.name != f"{key}.json" and old.stat().st_mtime < newest - 7 * 86400:
                with contextlib.suppress(OSError):
                    old.unlink()
