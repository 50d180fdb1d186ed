"""Stage 5 of ``drafter mine``: grouping near-identical fragments.

Owns what “near-identical” means and doing it in linear time.  Two texts are near-identical when the
Jaccard similarity of their character 4-gram sets (slots, digits, punctuation and spaces taken out)
reaches ``threshold``, or when most of the shorter one (60 % of its 4-grams) lies inside the longer one
(containment: a paragraph copied into a longer item, or reworded with sentences added — seeds 000 and
002 share five such paragraphs; unrelated fragments of the same topic stay below 40 %).  Candidates are not found by comparing every pair: exact
copies go through an index keyed by the normalised text, near copies through an index keyed by the
clause hashes (CRC-32, stable across runs) of each group's first text, queried with the few smallest
clause hashes of the new text; every key remembers at most a fixed number of groups, so each text is
compared with a bounded number of groups and the cost grows linearly with the number of texts.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

_SLOT = re.compile(r"\{\{[^}]*\}\}")
_NOISE = re.compile(r"[\W\d_A-Za-z]+")
_CLAUSE = re.compile(r"[，。；：、！？,;:!?]+")
SHINGLE = 4
SKETCH = 6  # smallest clause hashes used to query the index
BUCKET_CAP = 8  # groups remembered per clause hash
MIN_CLAUSE = 4
CONTAINMENT = 0.6  # share of the shorter text's 4-grams found in the longer one
MIN_CONTAINED = 40  # containment only counts for texts with at least this many 4-grams


def normalize(text: str) -> str:
    """The text with slots, digits, Latin letters, punctuation and spaces taken out."""
    return _NOISE.sub("", _SLOT.sub("", text))


def shingles(text: str) -> frozenset[str]:
    t = normalize(text)
    if len(t) <= SHINGLE:
        return frozenset((t,)) if t else frozenset()
    return frozenset(t[i : i + SHINGLE] for i in range(len(t) - SHINGLE + 1))


def clause_keys(text: str) -> list[int]:
    """Stable hashes of the text's clauses, smallest first."""
    keys = {
        zlib.crc32(c.encode("utf-8"))
        for c in map(normalize, _CLAUSE.split(_SLOT.sub("", text)))
        if len(c) >= MIN_CLAUSE
    }
    return sorted(keys)


def similar(a: frozenset[str], b: frozenset[str], threshold: float) -> float:
    """Similarity in [0, 1] if ``a`` and ``b`` are near-identical, else 0."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jac = inter / (len(a) + len(b) - inter)
    if jac >= threshold:
        return jac
    small = min(len(a), len(b))
    if threshold < 1.0 and small >= MIN_CONTAINED and inter / small >= CONTAINMENT:
        return inter / small * 0.99
    return 0.0


@dataclass
class Group:
    first: int
    grams: frozenset[str]
    members: list[int] = field(default_factory=list)


def dedupe(texts: Sequence[str], threshold: float = 0.5) -> list[list[int]]:
    """Group the indices of near-identical texts; groups come in order of their first member."""
    groups: list[Group] = []
    exact: dict[str, int] = {}
    index: dict[int, list[int]] = {}
    for i, text in enumerate(texts):
        key = normalize(text)
        hit = exact.get(key)
        if hit is not None:
            groups[hit].members.append(i)
            continue
        if threshold >= 1.0:
            exact[key] = len(groups)
            groups.append(Group(i, frozenset(), [i]))
            continue
        grams = shingles(text)
        keys = clause_keys(text)
        candidates = sorted({g for h in keys[:SKETCH] for g in index.get(h, ())})
        best, best_sim = -1, 0.0
        for g in candidates:
            sim = similar(grams, groups[g].grams, threshold)
            if sim > best_sim:
                best, best_sim = g, sim
        if best >= 0:
            groups[best].members.append(i)
            exact[key] = best
            continue
        g = len(groups)
        groups.append(Group(i, grams, [i]))
        exact[key] = g
        for h in keys:
            bucket = index.setdefault(h, [])
            if len(bucket) < BUCKET_CAP:
                bucket.append(g)
    return [grp.members for grp in groups]
