"""The shipped lint rules kept as JSON in drafter's private cache folder, so a cold ``drafter render`` or
``drafter lint`` need not compose and validate ``rules.yaml`` again.

Parsing the shipped file (:func:`drafter.lint.rules.shipped_rules`) composes its YAML, checks every rule's
fields, refuses patterns that could backtrack for ever and runs each rule's examples — about a sixth of a cold
render.  All of that depends only on the file's text and the code that parses it, so the result is kept under a
digest of both (and of the YAML library's version): a rule set is written only after that full parse succeeded,
and an edit to the file or the parser means a new entry.  Each pattern is kept with its compiled program
(:mod:`drafter.rxprogram`, keyed on this Python's regular-expression engine), so loading an entry does not run
the ``re`` compiler either; an entry that does not read back exactly as written is ignored
and the file parsed again.  JSON, not pickle: loading it runs no code.  Writing is best effort.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from drafter import rxprogram
from drafter.lint.rules import Rule, RuleSet, shipped_rules, shipped_text

FORMAT = 2  # 2: each pattern with its compiled program (drafter.rxprogram)
MAX_BYTES = 4 * 1024 * 1024
_PATTERNS = ("pattern", "context", "current")  # the fields that hold compiled regular expressions
_TUPLES = ("examples_fire", "examples_pass")


@lru_cache(maxsize=1)
def shipped() -> RuleSet:
    """The shipped rules: from the cache when the file and the parser are unchanged, else parsed (and kept)."""
    text = shipped_text()
    key = _key(text)
    kept = _load(key)
    if kept is not None:
        return kept
    ruleset = shipped_rules()
    _save(key, ruleset)
    return ruleset


def _key(text: str) -> str:
    from drafter.cache import code_digest

    here = Path(__file__).resolve().parent
    code = code_digest(
        here / "rules.py", here / "rulecache.py", here.parent / "facts.py", here.parent / "yamlio.py"
    )
    digest = hashlib.sha256(f"{FORMAT}\0{code}\0{yaml.__version__}\0{rxprogram.VERSION}\0".encode())
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:32]


def to_json(ruleset: RuleSet) -> str:
    rules = []
    for rule in ruleset.rules:
        out = {f.name: getattr(rule, f.name) for f in dataclasses.fields(Rule)}
        for name in _PATTERNS:
            compiled = out[name]
            out[name] = (
                None if compiled is None else [compiled.pattern, compiled.flags, rxprogram.program(compiled)]
            )
        rules.append(out)
    return json.dumps(
        {"format": FORMAT, "rules": rules, "disabled": [list(d) for d in ruleset.disabled]},
        ensure_ascii=False,
    )


def from_json(text: str) -> RuleSet:
    """The rule set written by :func:`to_json`; ValueError, KeyError or TypeError when it is not one."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    names = {f.name for f in dataclasses.fields(Rule)}
    rules = []
    for raw in data["rules"]:
        if set(raw) != names:
            raise ValueError("another shape")
        values: dict[str, Any] = dict(raw)
        for name in _PATTERNS:
            if values[name] is not None:
                pattern, flags, program = values[name]
                values[name] = (
                    re.compile(pattern, flags)
                    if program is None
                    else rxprogram.from_program(pattern, flags, program)
                )
        for name in _TUPLES:
            values[name] = tuple(values[name])
        rules.append(Rule(**values))
    disabled = tuple((str(rule_id), str(where)) for rule_id, where in data["disabled"])
    return RuleSet(tuple(rules), disabled)


def _load(key: str) -> RuleSet | None:
    """The kept rule set, or None (no cache, no entry, or anything wrong with it)."""
    from drafter.cachefiles import PARSE_ERRORS, read_parsed

    return read_parsed("lint", key, MAX_BYTES, from_json, (*PARSE_ERRORS, RuntimeError, re.error))


def _save(key: str, ruleset: RuleSet) -> None:
    from drafter.cache import write_entry

    with contextlib.suppress(ValueError, TypeError):
        write_entry("lint", key, to_json(ruleset))
