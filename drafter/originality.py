"""Originality: how much of a draft is shared with the sample reports, or with sibling drafts.

A draft's share with another text is the fraction of its 13-character n-grams (whitespace removed) that
also occur in the other text.  ``drafter render`` reports the largest share against any single seed in
seeds/; ``drafter compare`` and ``drafter batch`` report every pair of drafts above a threshold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter.resources import data_dir

N = 13
_WS = re.compile(r"\s+")


def grams(text: str, n: int = N) -> frozenset[str]:
    """The set of n-character substrings of ``text`` with whitespace removed."""
    flat = _WS.sub("", text)
    return frozenset(flat[i : i + n] for i in range(len(flat) - n + 1))


def share(draft: frozenset[str], other: frozenset[str]) -> float:
    """Fraction of the draft's n-grams found in the other text (0 when the draft is shorter than n)."""
    return len(draft & other) / len(draft) if draft else 0.0


@dataclass(frozen=True)
class Overlap:
    """The share of ``a`` found in ``b``."""

    a: str
    b: str
    share: float


@lru_cache(maxsize=4)
def seed_grams(folder: Path | None = None) -> tuple[tuple[str, frozenset[str]], ...]:
    """n-grams of every seed report (cached: a batch compares thousands of drafts with the same seeds)."""
    folder = folder or data_dir("seeds")
    out = []
    for path in sorted(folder.glob("*.txt")):
        out.append((path.name, grams(path.read_text(encoding="utf-8", errors="replace"))))
    return tuple(out)


def against_seeds(text: str, folder: Path | None = None) -> Overlap | None:
    """The seed that shares the most with ``text``, or None when there are no seeds."""
    mine = grams(text)
    best: Overlap | None = None
    for name, theirs in seed_grams(folder):
        value = share(mine, theirs)
        if best is None or value > best.share:
            best = Overlap("稿子", name, value)
    return best


def pairwise(texts: Mapping[str, str], threshold: float = 0.0) -> list[Overlap]:
    """For every pair of drafts, the larger of the two directional shares, highest first.

    An inverted index from n-gram to drafts keeps this near linear in the total text when drafts differ.
    """
    sets = {name: grams(text) for name, text in texts.items()}
    index: dict[str, list[str]] = {}
    for name, gs in sets.items():
        for g in gs:
            index.setdefault(g, []).append(name)
    common: dict[tuple[str, str], int] = {}
    for names in index.values():
        if len(names) < 2:
            continue
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                key = (a, b) if a < b else (b, a)
                common[key] = common.get(key, 0) + 1
    out = []
    for (a, b), count in common.items():
        value = count / max(1, min(len(sets[a]), len(sets[b])))
        if value >= threshold:
            out.append(Overlap(a, b, value))
    return sorted(out, key=lambda o: (-o.share, o.a, o.b))


def names(items: Iterable[Overlap]) -> list[str]:
    return [f"{o.a} ~ {o.b}" for o in items]
