"""Searching the phrase library like a 素材库: ranked matches for a Chinese query, two characters and up.

A fragment scores for each whole-query occurrence (in its lead more than in its text) and, for longer
queries, for each of the query's character bigrams it contains, so 谈心谈话 also finds 谈心 and 谈话.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.library import Fragment, Library

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Hit:
    fragment: Fragment
    score: float
    terms: tuple[str, ...]  # what to highlight


def _bigrams(text: str) -> list[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]


def search(library: Library, query: str, *, role: str | None = None, limit: int = 20) -> list[Hit]:
    """Fragments matching ``query`` (words separated by spaces must all match), best first."""
    words = [w for w in _SPACE.split(query.strip()) if w]
    if not words:
        return []
    hits: list[Hit] = []
    for frag in library.fragments(role):
        haystack = frag.lead + "\n" + frag.text
        score = 0.0
        terms: list[str] = []
        for word in words:
            whole = 3 * frag.lead.count(word) + haystack.count(word)
            grams = [g for g in _bigrams(word) if g in haystack] if len(word) > 2 else []
            if not whole and (len(word) <= 2 or len(grams) < max(1, (len(word) - 1) // 2)):
                score = 0
                break
            score += 10 * whole + len(grams)
            terms.extend([word] if whole else grams)
        if score:
            hits.append(Hit(frag, score, tuple(dict.fromkeys(terms))))
    hits.sort(key=lambda h: (-h.score, h.fragment.role, h.fragment.id))
    return hits[:limit]


def matches_tag(fragment: Fragment, tag: str) -> bool:
    """A tag is any of a fragment's voice, unit types, extra tags, or a year it is current in."""
    if tag in fragment.voice or tag in fragment.unit_types or tag in fragment.tags:
        return True
    return tag.isdigit() and int(tag) in fragment.years
