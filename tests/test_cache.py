"""The on-disk cache: reused between runs, invalidated by edits, harmless when broken or off."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_FRAGMENTS

from drafter.cache import cached


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    return folder


def test_second_call_reads_the_cache(cache: Path) -> None:
    calls: list[int] = []
    assert cached("t", "k", lambda: calls.append(1) or {"v": 1}) == {"v": 1}
    assert cached("t", "k", lambda: calls.append(1) or {"v": 2}) == {"v": 1}
    assert calls == [1]
    assert cached("t", "other", lambda: "x") == "x"


def test_corrupt_entry_is_rebuilt(cache: Path) -> None:
    cached("t", "k", lambda: 1)
    for entry in cache.glob("t-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cached("t", "k", lambda: 2) == 2


def test_cache_can_be_turned_off_or_unwritable(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    assert cached("t", "k", lambda: 1) == 1
    assert not cache.exists()
    monkeypatch.delenv("DRAFTER_NO_CACHE")
    cache.parent.joinpath("file").write_text("x")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(cache.parent / "file" / "sub"))
    assert cached("t", "k", lambda: 3) == 3


def test_edited_fragment_file_is_not_served_stale(cache: Path, tmp_path: Path) -> None:
    from drafter.pipeline import _library, cached_library

    folder = tmp_path / "frags"
    shutil.copytree(FIXTURE_FRAGMENTS, folder)
    first = cached_library(folder)
    assert first.get("jw-a") is not None
    path = folder / "结尾.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("jw-a", "jw-b"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    _library.cache_clear()  # a new process
    second = cached_library(folder)
    assert second.get("jw-a") is None and second.get("jw-b") is not None
    assert list(cache.glob("library-*.pickle"))
