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
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from drafter.cache import code_digest, file_stamp, write_entry
from drafter.cachefiles import read_parsed
from drafter.library import Family, Fragment, RoleFile, Variant, Years
from drafter.registry import Registry

FORMAT = 3
MAX_BYTES = 64 * 1024 * 1024


def key_for(folder: Path, files: list[Path], reg: Registry) -> str:
    """The cache key of ``folder`` parsed against ``reg``; OSError when a file cannot be read as one (a FIFO
    or device is never read here: the loader refuses it with its own message)."""
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
    root = os.path.join(os.path.abspath(folder), "")
    # the folder itself: a parse keeps each entry's file and line for messages, and a copy of the same files
    # elsewhere (a reinstall, a second checkout) must not report the first copy's paths
    digest.update(f"{root}\0".encode())
    for name, content in file_stamp(files):  # names relative to the folder (the files are in it)
        relative = name[len(root) :] if name.startswith(root) else os.path.relpath(name, folder)
        digest.update(f"{relative}\0{content}\0".encode())
    return digest.hexdigest()[:32]


# Each heading, intro, fragment and family is one JSON array of its dataclass fields in order (decoding arrays
# is about twice as quick as objects with a key per field).  The values many entries share are written once,
# in tables, and a field holds an index into them: ``file`` into the file names, ``years`` into the spans
# ([first, last]) and the fields listed here into the lists (read back as tuples; ``variants``, nearly all
# different, is kept in place).
_SHARED: dict[type, tuple[str, ...]] = {
    Variant: ("voice", "unit_types", "kinds"),
    Fragment: ("voice", "unit_types", "kinds", "needs", "pairs", "tags", "claims", "causes"),
    Family: ("voice", "unit_types", "kinds"),
}


class _Writer:
    """The tables and the arrays of :func:`to_json`."""

    def __init__(self) -> None:
        self.files: dict[str, int] = {}
        self.spans: dict[tuple[int | None, int | None], int] = {}
        self.lists: dict[tuple[str, ...], int] = {}

    def rows(self, items: list[Variant] | list[Fragment] | list[Family]) -> list[list[Any]]:
        return [self.row(item) for item in items]

    def row(self, obj: Variant | Fragment | Family) -> list[Any]:
        """``obj`` as an array of its fields."""
        shared = _SHARED[type(obj)]
        out: list[Any] = []
        for name in type(obj).__dataclass_fields__:
            value = getattr(obj, name)
            if name == "years":
                value = self.spans.setdefault((value.first, value.last), len(self.spans))
            elif name == "file":
                value = self.files.setdefault(value, len(self.files))
            elif name in shared:
                value = self.lists.setdefault(tuple(value), len(self.lists))
            out.append(value)
        return out


def to_json(roles: dict[str, RoleFile]) -> str:
    out = _Writer()
    body = {
        role: {
            "headings": out.rows(rf.headings),
            "intros": out.rows(rf.intros),
            "fragments": out.rows(rf.fragments),
            "families": out.rows(rf.families),
            "role_intros": {r: out.rows(vs) for r, vs in rf.role_intros.items()},
        }
        for role, rf in roles.items()
    }
    tables = {"files": list(out.files), "spans": list(out.spans), "lists": list(out.lists)}
    return json.dumps({"format": FORMAT, **tables, "roles": body}, ensure_ascii=False)


Entry = TypeVar("Entry", Variant, Fragment, Family)


@lru_cache(maxsize=256)
def _span(first: int | None, last: int | None) -> Years:
    return Years(first, last)  # frozen: one object per span is shared by every entry that has it


class _Reader:
    """Makes dataclass instances from the arrays :class:`_Writer` wrote, through the dataclass's own
    ``__init__``: filling ``__dict__`` directly would be quicker to load, but Python then cannot use its fast
    attribute access on the instance, and drafting reads fragments' attributes far more often than a cold
    start builds them.  The tables are read into dicts by index: an index that is not one is a KeyError,
    and the entry is not used."""

    def __init__(self, data: dict[str, Any]) -> None:
        files, spans, lists = data["files"], data["spans"], data["lists"]
        if not all(isinstance(f, str) for f in files) or not all(
            isinstance(x, str) for v in lists for x in v
        ):
            raise ValueError("another shape")
        self.files: dict[int, str] = dict(enumerate(files))
        self.spans: dict[int, Years] = {i: _span(*span) for i, span in enumerate(spans)}
        self.lists: dict[int, tuple[str, ...]] = {i: tuple(v) for i, v in enumerate(lists)}

    def many(self, cls: type[Entry], rows: list[list[Any]]) -> list[Entry]:
        names = list(cls.__dataclass_fields__)
        shared = [names.index(n) for n in _SHARED[cls]]
        years = names.index("years")
        file = names.index("file") if "file" in names else None
        variants = names.index("variants") if "variants" in names else None
        files, spans, lists = self.files, self.spans, self.lists
        out: list[Entry] = []
        for row in rows:
            if not isinstance(row, list) or len(row) != len(names):
                raise ValueError("another shape")
            for i in shared:
                row[i] = lists[row[i]]
            row[years] = spans[row[years]]
            if file is not None:
                row[file] = files[row[file]]
            if variants is not None:
                row[variants] = tuple(row[variants])
            out.append(cls(*row))
        return out


def from_json(text: str) -> dict[str, RoleFile]:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    read = _Reader(data)
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
