"""The shipped registry kept as JSON in drafter's private cache folder, so a cold start need not parse the
structure files (``templates/*/kind.yaml``, ``主题.yaml``, ``单位类型.yaml``, ``年度.yaml``, ``做法.yaml``) again.

Owns the JSON form of :class:`drafter.registry.Registry`.  JSON (not pickle): loading it runs no code.  The file
name is a digest of everything the parse depends on — the name and content of every structure file, the code
that parses them and the YAML library's version — so an edit anywhere means a new entry.  Only a parse that
succeeded is kept (a file with an error is parsed every time, and its message names the file and line), and
only one that reads back equal to itself; an entry that does not read back as a registry (truncated, foreign,
another shape) is ignored and the files parsed again.  A user's ``--templates`` folder is never cached here.
Writing is best effort: a full disk or a read-only cache only skips the cache.  Jinja is not loaded: the
registry is what ``drafter --help``, ``schema`` and ``init`` need.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from drafter import __version__
from drafter.cachefiles import content_digest, file_stamp, read_parsed, write_entry
from drafter.registry import (
    FactSpec,
    Kind,
    Layout,
    Registry,
    SectionSpec,
    Topic,
    UnitType,
    YearInfo,
    load_registry,
    structure_files,
)

FORMAT = 5
MAX_BYTES = 8 * 1024 * 1024


def shipped(folder: Path) -> Registry:
    """The registry of the shipped templates ``folder``: from the cache while its structure files and the
    parser are unchanged, else parsed (and kept)."""
    try:
        key: str | None = key_for(folder)
    except OSError:  # a file is missing or unreadable: the parse says which, with its own message
        key = None
    kept = load(key) if key else None
    if kept is not None:
        return kept
    reg = load_registry(folder)
    if key:
        save(key, reg)
    return reg


def key_for(folder: Path) -> str:
    """The cache key of ``folder``'s structure files; OSError when one cannot be read."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{yaml.__version__}\0".encode())
    for source in (here / "registry.py", here / "regcache.py", here / "yamlio.py"):
        with contextlib.suppress(OSError):
            digest.update(content_digest(source).encode())
    # absolute names: a kind keeps the folder it was read from; a FIFO or device is never read here (file_stamp
    # raises OSError), the parse refuses it with its own message
    for name, content in file_stamp(structure_files(folder)):
        digest.update(f"\0{name}\0{content}".encode())
    return digest.hexdigest()[:32]


def _plain(value: Any) -> Any:
    return dataclasses.asdict(value)


def to_json(reg: Registry) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "kinds": [_plain(k) for k in reg.kinds.values()],
            "unit_types": [_plain(t) for t in reg.unit_types.values()],
            "topics": {role: [_plain(t) for t in topics.values()] for role, topics in reg.topics.items()},
            "years": [_plain(y) for y in reg.years.values()],
            "common": _plain(reg.common),
            "common_from": reg.common_from,
            "practices": reg.practices,
            "practice_words": reg.practice_words,
            "practice_facts": reg.practice_facts,
            "wordings": reg.wordings,
        },
        ensure_ascii=False,
    )


def _tuples(raw: dict[str, Any], *names: str) -> dict[str, Any]:
    """``raw`` (freshly parsed, used once) with the named lists as tuples."""
    for name in names:
        raw[name] = tuple(raw[name])
    return raw


def _facts(raw: list[dict[str, Any]]) -> tuple[FactSpec, ...]:
    return tuple(FactSpec(**f) for f in raw)


def _kind(raw: dict[str, Any]) -> Kind:
    raw = _tuples(raw, "avoid", "own_words")
    raw["sections"] = tuple(
        SectionSpec(**_tuples(s, "required", "optional", "leads")) for s in raw["sections"]
    )
    raw["facts"] = _facts(raw["facts"])
    raw["org_avoid"] = {k: tuple(v) for k, v in raw["org_avoid"].items()}
    raw["layouts"] = tuple(
        Layout(**{**x, "intros": None if x["intros"] is None else tuple(x["intros"])}) for x in raw["layouts"]
    )
    return Kind(**raw)


def _unit_type(raw: dict[str, Any]) -> UnitType:
    raw = _tuples(raw, "aliases", "avoid")
    raw["outline"] = {k: tuple(v) for k, v in raw["outline"].items()}
    raw["facts"] = _facts(raw["facts"])
    raw["name_avoid"] = {k: tuple(v) for k, v in raw["name_avoid"].items()}
    return UnitType(**raw)


def _year(raw: dict[str, Any]) -> YearInfo:
    return YearInfo(**_tuples(raw, "plenums", "required", "sources", "wanted"))


def from_json(text: str) -> Registry:
    """The registry written by :func:`to_json`; ValueError, KeyError or TypeError when it is not one."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    years = [_year(y) for y in data["years"]]
    if any(not isinstance(y.year, int) for y in years):
        raise ValueError("a year without its number")
    return Registry(
        kinds={k.name: k for k in map(_kind, data["kinds"])},
        unit_types={t.name: t for t in map(_unit_type, data["unit_types"])},
        topics={
            role: {
                t.name: t
                for t in (
                    Topic(**_tuples(raw, "keywords", "causes", "merge_into", "denials")) for raw in topics
                )
            }
            for role, topics in data["topics"].items()
        },
        years={y.year: y for y in years if y.year is not None},
        common=_year(data["common"]),
        common_from=int(data["common_from"]),
        practices={str(k): str(v) for k, v in data["practices"].items()},
        practice_words={k: tuple(v) for k, v in data["practice_words"].items()},
        practice_facts={k: tuple(v) for k, v in data["practice_facts"].items()},
        wordings={k: {kk: tuple(vv) for kk, vv in v.items()} for k, v in data["wordings"].items()},
    )


def same(a: Registry, b: Registry) -> bool:
    """True if two registries hold equal data in the same order (Registry itself compares by identity)."""
    fields = dataclasses.fields(Registry)
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields) and to_json(a) == to_json(b)


def load(key: str) -> Registry | None:
    """The cached parse, or None (no cache, no entry, or anything wrong with it)."""
    return read_parsed("registry", key, MAX_BYTES, from_json)


def save(key: str, reg: Registry) -> None:
    """Keep the parse, if it reads back as itself (a value JSON cannot hold, such as a date in an example,
    means it is parsed every time); silently nothing when the cache cannot be written."""
    with contextlib.suppress(ValueError, TypeError, KeyError):
        text = to_json(reg)
        if same(from_json(text), reg):
            write_entry("registry", key, text)
