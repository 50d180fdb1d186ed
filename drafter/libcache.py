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
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from drafter.cache import code_digest, file_stamp, write_entry
from drafter.cachefiles import read_parsed
from drafter.library import Family, Fragment, RoleFile, Variant, Years
from drafter.registry import Registry

FORMAT = 1
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


def _variant(v: Variant) -> dict[str, Any]:
    return {
        "text": v.text,
        "voice": v.voice,
        "unit_types": v.unit_types,
        "years": _years(v.years),
        "kinds": v.kinds,
    }


def _fragment(f: Fragment) -> dict[str, Any]:
    out = {k: getattr(f, k) for k in Fragment.__dataclass_fields__}
    out["years"] = _years(f.years)
    return out


def _family(f: Family) -> dict[str, Any]:
    out = {k: getattr(f, k) for k in Family.__dataclass_fields__}
    out["years"] = _years(f.years)
    return out


def to_json(roles: dict[str, RoleFile]) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "roles": {
                role: {
                    "headings": [_variant(v) for v in rf.headings],
                    "intros": [_variant(v) for v in rf.intros],
                    "fragments": [_fragment(f) for f in rf.fragments],
                    "families": [_family(f) for f in rf.families],
                    "role_intros": {r: [_variant(v) for v in vs] for r, vs in rf.role_intros.items()},
                }
                for role, rf in roles.items()
            },
        },
        ensure_ascii=False,
    )


T = TypeVar("T")


@lru_cache(maxsize=256)
def _span(first: int | None, last: int | None) -> Years:
    return Years(first, last)  # frozen: one object per span is shared by every entry that has it


def _built(cls: Callable[..., T], raw: dict[str, Any], *names: str) -> T:
    """A ``cls`` holding ``raw`` (freshly parsed, used once) with its lists as tuples and its years as
    :class:`Years`.  Built through the dataclass's own ``__init__``: filling ``__dict__`` directly would be
    quicker to load, but Python then cannot use its fast attribute access on the instance, and drafting reads
    fragments' attributes far more often than a cold start builds them."""
    for name in names:
        raw[name] = tuple(raw[name])
    raw["years"] = _span(*raw["years"])
    return cls(**raw)


def from_json(text: str) -> dict[str, RoleFile]:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    roles: dict[str, RoleFile] = {}
    lists = ("voice", "unit_types", "kinds")
    frag_lists = (*lists, "needs", "pairs", "tags", "variants", "claims")
    for role, raw in data["roles"].items():
        roles[role] = RoleFile(
            role,
            [_built(Variant, v, *lists) for v in raw["headings"]],
            [_built(Variant, v, *lists) for v in raw["intros"]],
            [_built(Fragment, f, *frag_lists) for f in raw["fragments"]],
            [_built(Family, f, *lists) for f in raw["families"]],
            {r: [_built(Variant, v, *lists) for v in vs] for r, vs in raw["role_intros"].items()},
        )
    return roles


def load(key: str) -> dict[str, RoleFile] | None:
    """The cached parse, or None (no cache, no entry, or anything wrong with it)."""
    return read_parsed("library", key, MAX_BYTES, from_json)


def save(key: str, roles: dict[str, RoleFile]) -> None:
    """Keep the parse (atomically; silently nothing when the cache cannot be written).  Older entries go."""
    with contextlib.suppress(ValueError, TypeError):
        write_entry("library", key, to_json(roles))
