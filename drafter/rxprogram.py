"""Compiled regular expressions kept as data, the way Jinja's bytecode cache keeps compiled templates.

Compiling a pattern is done by Python's ``re`` compiler, in Python: a class such as ``[\\u4e00-\\u9fff]`` alone
costs most of a millisecond, and the shipped lint rules were a twentieth of a cold ``drafter render``.  What it
produces is small: a list of integers (the program ``_sre`` runs), the group count and the group names.
:func:`program` gives that data for a compiled pattern, as JSON can hold it, and :func:`from_program` makes the
pattern from it again without the compiler.

Safety: :func:`program` returns data only when the pattern rebuilt from it is equal to the compiled one
(``re.Pattern`` equality compares the source, the flags and the program), and ``_sre`` validates every program
it is given (``RuntimeError`` for one it cannot run), so a damaged entry is refused, never run.  The data belong
to one Python: callers key their cache entries on :data:`VERSION`.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from typing import Any

_sre: Any = importlib.import_module("_sre")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")


def _version() -> str:
    """This Python's regular-expression engine and compiler: what decides whether a kept program is valid."""
    from drafter.cachefiles import content_digest

    digest = hashlib.sha256(f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}".encode())
    for module in (_compiler, _parser):
        try:
            digest.update(content_digest(module.__file__).encode())
        except (OSError, TypeError, AttributeError):
            digest.update(b"?")
    return digest.hexdigest()[:16]


VERSION = _version()
MAX_BYTES = 4 * 1024 * 1024


def from_program(pattern: str, flags: int, data: list[Any]) -> re.Pattern[str]:
    """The pattern ``pattern`` made from its program; ValueError, TypeError or RuntimeError when ``data`` is
    not one (another shape, or a program ``_sre`` refuses)."""
    if not isinstance(pattern, str) or not isinstance(data, list) or len(data) != 4:
        raise ValueError("not a program")
    code, groups, names, index = data
    if not all(type(c) is int for c in code):
        raise ValueError("not a program")
    compiled: re.Pattern[str] = _sre.compile(
        pattern, int(flags), code, int(groups), {str(k): int(v) for k, v in names.items()}, tuple(index)
    )
    return compiled


def program(compiled: re.Pattern[str]) -> list[Any] | None:
    """The data :func:`from_program` makes ``compiled`` from, or None when this Python's compiler is not the
    one this module knows (the pattern is then simply compiled each time)."""
    try:
        parsed = _parser.parse(compiled.pattern, compiled.flags)
        code = [int(c) for c in _compiler._code(parsed, compiled.flags)]  # opcodes are int subclasses
        names = dict(parsed.state.groupdict)
        index: list[str | None] = [None] * parsed.state.groups
        for name, i in names.items():
            index[i] = name
        data: list[Any] = [code, parsed.state.groups - 1, names, index]
        if from_program(compiled.pattern, compiled.flags, data) != compiled:
            return None
        return data
    except Exception:  # another compiler's internals: no program, nothing kept
        return None


class Programs:
    """The patterns one module compiles when it is imported, made from programs kept in drafter's cache
    (``<cache>/regex/<key>.json``, one entry per module and Python).  An entry maps each pattern's source and
    flags to its program, so a pattern edited in the code is simply compiled (and kept) anew; :meth:`save`
    writes the entry when something was compiled, keeping only the patterns this run asked for."""

    def __init__(self, module: str) -> None:
        from drafter.cachefiles import read_entry

        self.key = hashlib.sha256(f"{VERSION}\0{module}".encode()).hexdigest()[:32]
        self.kept: dict[str, Any] = {}
        self.used: set[str] = set()
        self.changed = False
        text = read_entry("regex", self.key, MAX_BYTES)
        if text is not None:
            try:
                kept = json.loads(text)
                self.kept = kept if isinstance(kept, dict) else {}
            except ValueError:
                self.kept = {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the kept program when there is a sound one."""
        name = f"{flags}\0{pattern}"
        self.used.add(name)
        data = self.kept.get(name)
        if isinstance(data, list) and len(data) == 5:
            try:
                return from_program(pattern, data[0], data[1:])
            except (ValueError, TypeError, KeyError, AttributeError, RuntimeError):
                pass  # damaged or foreign: compiled below, and kept again
        compiled = re.compile(pattern, flags)
        found = program(compiled)
        if found is not None:
            self.kept[name] = [compiled.flags, *found]
            self.changed = True
        return compiled

    def save(self) -> None:
        """Keep the programs (best effort) when one was compiled or a pattern is no longer asked for."""
        from drafter.cachefiles import write_entry

        if self.changed or set(self.kept) != self.used:
            write_entry("regex", self.key, json.dumps({k: self.kept[k] for k in self.used if k in self.kept}))
