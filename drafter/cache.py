"""drafter's on-disk cache: Jinja's compiled fragments and report templates, and JSON entries (the parsed
library, its common n-grams, the shipped registry, the shipped lint rules, compiled regular expressions) written
and read through :func:`write_entry` and :func:`read_entry` (in :mod:`drafter.cachefiles`, which does not load
Jinja), so that a cold start need not redo that work.  Nothing is pickled (a pickle from a shared
or planted folder would run code, and a stale one would serve old output).

Owns the cache folder and the rules that make the cache fail safe:

* the folder is used only if it belongs to the user and nobody else can write to it (POSIX); drafter
  creates it private (0700).  Any other folder — a shared ``DRAFTER_CACHE_DIR``, one made by another
  user — means no cache;
* entries are keyed on content: Jinja checks each entry against the SHA-1 of the fragment's source, and
  the folder name carries a digest of drafter's version, Jinja's version and the code generator's source,
  so a code change starts a fresh folder;
* a missing, truncated or foreign entry is ignored and rebuilt; a full or read-only disk only skips
  caching.

``DRAFTER_NO_CACHE=1`` turns it off; ``DRAFTER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import jinja2
import jinja2.bccache

from drafter import __version__
from drafter.cachefiles import (
    _private,
    cache_dir,
    content_digest,
    file_stamp,
    folder_stamp,
    read_entry,
    safe_folder,
    write_entry,
)

__all__ = [
    "SafeBytecodeCache",
    "cache_dir",
    "cached",
    "code_digest",
    "content_digest",
    "file_stamp",
    "folder_stamp",
    "prune",
    "read_entry",
    "safe_folder",
    "write_entry",
]

T = TypeVar("T")


def prune(keep: Path) -> None:
    """Remove what older drafters left beside ``keep`` in the cache folder: pickles, and compiled-template
    folders of other code versions (each upgrade would otherwise leave one behind)."""
    root = keep.parent
    if not _private(root):
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(root):
            if entry.is_symlink():
                continue
            if entry.name.endswith(".pickle") and entry.is_file():
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
            elif entry.is_dir() and entry.name.startswith("jinja") and entry.name != keep.name:
                shutil.rmtree(entry.path, ignore_errors=True)


def code_digest(*sources: Path) -> str:
    """A short digest of drafter's and Jinja's versions and the given source files (the code that
    decides what a cache entry means), by their content digests (:func:`content_digest`)."""
    digest = hashlib.sha256(f"{__version__}\0{jinja2.__version__}".encode())
    for source in sources:
        with contextlib.suppress(OSError):
            digest.update(content_digest(source).encode())
    return digest.hexdigest()[:16]


def cached(kind: str, key: object, build: Callable[[], T]) -> T:
    """``build()``.  Kept for callers written when parsed data was pickled here: nothing is stored."""
    del kind, key
    return build()


class SafeBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file bytecode cache that never fails a render: an unreadable, truncated or foreign entry
    is treated as missing, and a failed write (full disk, read-only folder) is skipped."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # truncated marshal data, a folder in the file's place, …: compile afresh
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(Exception):
            super().dump_bytecode(bucket)
