"""A parsed fragment folder kept as JSON in drafter's private cache folder, so a cold start need not parse
hundreds of YAML files again.

Owns the JSON form of :class:`drafter.library.RoleFile` and its contents.  JSON (not pickle): loading it runs
no code.  The file name is a digest of everything the parse depends on — the content of every fragment file,
the registry the library is checked against, and the code that parses — so an edit anywhere means a new
entry; a file that does not read back exactly as written (truncated, foreign, another shape) is ignored and
the folder parsed again.  Writing is best effort: a full disk or a read-only cache only skips the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from drafter.cache import code_digest, file_stamp, write_entry
from drafter.cachefiles import read_parsed
from drafter.library import Family, Fragment, RoleFile, Variant, Years
from drafter.registry import Registry

FORMAT = 2
MAX_BYTES = 64 * 1024 * 1024


def key_for(folder: Path, files: list[Path], reg: Registry) -> str:
    """The cache key of ``folder`` parsed against ``reg``; OSError when a file cannot be read as one."""
    for path in files:  # a FIFO or device is never read here: the loader refuses it with its own message
        if not stat.S_ISREG(path.stat().st_mode):
            raise OSError(f"not a regular file: {path}")
    here = Path(__file__).resolve().parent
    shape = json.dumps(
        {
            "roles": list(reg.roles),
            "topics": {r: sorted(t) for r, t in reg.topics.items()},
            "types": sorted(reg.unit_types),
            "kinds": sorted(reg.kinds),
            "practices": sorted(reg.practices),
        },
        ensure_ascii=False,
        sort_keys=True,
    )
    digest = hashlib.sha256(f"{FORMAT}\0{code_digest(here / 'library.py', here / 'libcache.py')}\0".encode())
    digest.update(shape.encode("utf-8"))
    for name, content in file_stamp(files):
        digest.update(f"{os.path.relpath(name, folder)}\0{content}\0".encode())
    return digest.hexdigest()[:32]


def _years(y: Years) -> list[int | None]:
    return [y.first, y.last]


# Each heading, intro, fragment and family is one JSON array of its dataclass fields in order (decoding arrays
# is about twice as quick as objects with a key per field); the fields listed here are kept as lists and read
# back as tuples, ``years`` is [first, last], and ``file`` is an index into the entry's list of file names
# (the same few hundred paths would otherwise be repeated for every fragment).
_TUPLES: dict[type, tuple[str, ...]] = {
    Variant: ("voice", "unit_types", "kinds"),
    Fragment: ("voice", "unit_types", "kinds", "needs", "pairs", "tags", "variants", "claims"),
    Family: ("voice", "unit_types", "kinds"),
}


def _row(obj: Variant | Fragment | Family, files: dict[str, int]) -> list[Any]:
    """``obj`` as an array of its fields."""
    out: list[Any] = []
    for name in type(obj).__dataclass_fields__:
        value = getattr(obj, name)
        if name == "years":
            value = _years(value)
        elif name == "file":
            value = files.setdefault(value, len(files))
        out.append(value)
    return out


def to_json(roles: dict[str, RoleFile]) -> str:
    files: dict[str, int] = {}

    def rows(items: list[Variant] | list[Fragment] | list[Family]) -> list[list[Any]]:
        return [_row(item, files) for item in items]

    body = {
        role: {
            "headings": rows(rf.headings),
            "intros": rows(rf.intros),
            "fragments": rows(rf.fragments),
            "families": rows(rf.families),
            "role_intros": {r: rows(vs) for r, vs in rf.role_intros.items()},
        }
        for role, rf in roles.items()
    }
    return json.dumps({"format": FORMAT, "files": list(files), "roles": body}, ensure_ascii=False)


Entry = TypeVar("Entry", Variant, Fragment, Family)


@lru_cache(maxsize=256)
def _span(first: int | None, last: int | None) -> Years:
    return Years(first, last)  # frozen: one object per span is shared by every entry that has it


class _Reader:
    """Makes dataclass instances from the arrays :func:`_row` wrote, through the dataclass's own ``__init__``:
    filling ``__dict__`` directly would be quicker to load, but Python then cannot use its fast attribute
    access on the instance, and drafting reads fragments' attributes far more often than a cold start builds
    them."""

    def __init__(self, files: list[str]) -> None:
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ValueError("no list of files")
        self.files = files

    def many(self, cls: type[Entry], rows: list[list[Any]]) -> list[Entry]:
        names = list(cls.__dataclass_fields__)
        tuples = [names.index(n) for n in _TUPLES[cls]]
        years = names.index("years")
        file = names.index("file") if "file" in names else None
        out: list[Entry] = []
        for row in rows:
            if not isinstance(row, list) or len(row) != len(names):
                raise ValueError("another shape")
            for i in tuples:
                row[i] = tuple(row[i])
            row[years] = _span(*row[years])
            if file is not None:
                index = row[file]
                if not isinstance(index, int) or not 0 <= index < len(self.files):
                    raise ValueError("no such file")
                row[file] = self.files[index]
            out.append(cls(*row))
        return out


def from_json(text: str) -> dict[str, RoleFile]:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    read = _Reader(data["files"])
    roles: dict[str, RoleFile] = {}
    for role, raw in data["roles"].items():
        roles[role] = RoleFile(
            role,
            read.many(Variant, raw["headings"]),
            read.many(Variant, raw["intros"]),
            read.many(Fragment, raw["fragments"]),
            read.many(Family, raw["families"]),
            {r: read.many(Variant, vs) for r, vs in raw["role_intros"].items()},
        )
    return roles


def load(key: str) -> dict[str, RoleFile] | None:
    """The cached parse, or None (no cache, no entry, or anything wrong with it)."""
    return read_parsed("library", key, MAX_BYTES, from_json)


def save(key: str, roles: dict[str, RoleFile]) -> None:
    """Keep the parse (atomically; silently nothing when the cache cannot be written).  Older entries go."""
    with contextlib.suppress(ValueError, TypeError):
        write_entry("library", key, to_json(roles))
