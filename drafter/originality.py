"""Originality: how much of a draft is shared with the sample reports, or with sibling drafts.

A draft's share with another text is the fraction of its 13-character n-grams (whitespace removed) that
also occur in the other text.  ``drafter render`` reports the largest share against any single seed in
seeds/; ``drafter compare`` and ``drafter batch`` report every pair of drafts above a threshold.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import ge, mul
from pathlib import Path

from drafter.resources import data_dir

N = 13
_WS = re.compile(r"\s+")


def grams(text: str, n: int = N) -> frozenset[str]:
    """The set of n-character substrings of ``text`` with whitespace removed (``str.split`` breaks on
    exactly the characters ``\\s`` matches, and is quicker)."""
    flat = "".join(text.split())
    return frozenset({flat[i : i + n] for i in range(len(flat) - n + 1)})


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


def fingerprint(text: str, sample: int = 4) -> frozenset[int]:
    """A compact stand-in for :func:`grams`: CRC-32 of each n-gram, keeping those ≡ 0 mod ``sample``.

    Hash sampling keeps about 1/``sample`` of the n-grams, the same ones in every draft, so shares
    between fingerprints estimate shares between full n-gram sets at a fraction of the memory (a batch of
    a thousand drafts stays small).  ``sample=1`` keeps them all.
    """
    flat = _WS.sub("", text)
    out = set()
    for i in range(len(flat) - N + 1):
        h = zlib.crc32(flat[i : i + N].encode("utf-8"))
        if h % sample == 0:
            out.add(h)
    return frozenset(out)


def pairwise_fingerprints(prints: Mapping[str, frozenset[int]], threshold: float = 0.0) -> list[Overlap]:
    """For every pair, |A ∩ B| / min(|A|, |B|), highest first; only pairs at or above ``threshold``."""
    shares = PairwiseShares(threshold)
    for name in sorted(prints):
        shares.add(name, prints[name])
    return shares.overlaps()


class PairwiseShares:
    """:func:`pairwise_fingerprints`, worked out as each fingerprint is added: ``drafter batch`` compares each
    draft with those before it while the next ones are being drafted, instead of all of them at the end.

    Each fingerprint becomes a bitmap over the distinct hashes seen so far, so a pair costs one AND and a
    popcount: a thousand drafts (half a million pairs) take about a second.  A bitmap is filled in as bytes
    (ORing a growing integer bit by bit was half the time), a new one is ANDed with all the earlier ones in
    one pass of ``map``, and only pairs whose count can reach the threshold are looked at one by one."""

    def __init__(self, threshold: float = 0.0) -> None:
        self.threshold = threshold
        self._position: dict[int, int] = {}
        self._names: list[str] = []
        self._maps: list[int] = []
        self._sizes: list[int] = []
        self._found: list[Overlap] = []

    def add(self, name: str, fingerprint: frozenset[int]) -> None:
        """Compare ``name`` (a name not added before) with every fingerprint added so far."""
        bits = [self._position.setdefault(h, len(self._position)) for h in fingerprint]
        buf = bytearray(len(self._position) // 8 + 1)
        for b in bits:
            buf[b >> 3] |= 1 << (b & 7)
        bitmap, size, threshold = int.from_bytes(buf, "little"), len(fingerprint), self.threshold
        shared = list(map(int.bit_count, map(bitmap.__and__, self._maps)))
        smaller = list(map(min, repeat(size), self._sizes))
        # shared / smaller >= threshold needs shared + 1 > threshold * smaller: that (with room for rounding)
        # picks the pairs, and the ratio itself decides, computed as for every pair
        maybe = map(ge, map((1).__add__, shared), map(mul, repeat(threshold), smaller))
        for k in compress(range(len(shared)), maybe):
            if smaller[k]:
                ratio = shared[k] / smaller[k]
                if ratio >= threshold:
                    first, second = sorted((self._names[k], name))
                    self._found.append(Overlap(first, second, ratio))
        self._names.append(name)
        self._maps.append(bitmap)
        self._sizes.append(size)

    def overlaps(self) -> list[Overlap]:
        """The pairs at or above the threshold, highest share first (then by name)."""
        return sorted(self._found, key=lambda o: (-o.share, o.a, o.b))


def pairwise(texts: Mapping[str, str], threshold: float = 0.0) -> list[Overlap]:
    """For every pair of texts, the share of the smaller one's n-grams found in the other, exactly."""
    return pairwise_fingerprints({name: fingerprint(text, 1) for name, text in texts.items()}, threshold)


DRAFT_SUFFIXES = (".docx", ".md", ".txt")


def compare_drafts(paths: Iterable[Path], threshold: float) -> tuple[list[Overlap], list[Overlap], int]:
    """For drafts on disk (files, or folders searched for .docx/.md/.txt): each one's largest share with a
    seed, the pairs sharing at least ``threshold``, and how many drafts were read."""
    from drafter.errors import DrafterError
    from drafter.lint.readers import read_paragraphs

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in DRAFT_SUFFIXES)
        else:
            files.append(path)
    if not files:
        raise DrafterError("没有找到稿子（.docx、.md、.txt）", hint="给出稿子文件，或它们所在的文件夹")
    texts = {str(f): "\n".join(read_paragraphs(f)) for f in files}
    seeds = []
    for name, text in texts.items():
        best = against_seeds(text)
        if best is not None:
            seeds.append(Overlap(name, best.b, best.share))
    return seeds, pairwise(texts, threshold), len(texts)
