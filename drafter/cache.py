"""A small on-disk cache for work that only depends on shipped or user files (the parsed phrase library).

Parsing and checking the library's YAML and Jinja is most of a cold ``drafter render``; the result is
pickled under the user's cache folder, keyed by drafter's version and each source file's name, size and
modification time, so any edit invalidates it.  Every failure (no cache folder, a read-only home, a
corrupt or foreign entry) silently falls back to doing the work.  ``DRAFTER_NO_CACHE=1`` turns it off;
``DRAFTER_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from drafter import __version__

T = TypeVar("T")


def cache_dir() -> Path | None:
    if os.environ.get("DRAFTER_NO_CACHE"):
        return None
    if os.environ.get("DRAFTER_CACHE_DIR"):
        return Path(os.environ["DRAFTER_CACHE_DIR"])
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def file_stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of each file: what decides whether a cache entry is current."""
    out = []
    for path in paths:
        st = path.stat()
        out.append((str(path.resolve()), st.st_mtime_ns, st.st_size))
    return tuple(out)


def cached(kind: str, key: object, build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same ``kind`` and ``key``."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(repr((__version__, kind, key)).encode("utf-8")).hexdigest()[:32]
    path = folder / f"{kind}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except Exception:  # missing, unreadable, corrupt or from another version: rebuild
        pass
    value = build()
    with contextlib.suppress(Exception):
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tmp-", delete=False) as tmp:
            pickle.dump(value, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    return value
