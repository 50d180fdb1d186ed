"""How a 前后矛盾 phrase (templates/主题.yaml) is found in a wording: owns the loose match.

A pair's phrases were written from one wording each (“定期听取”, “过问不多”), while the library says the same
thing in other words too: “定期在党委会上听取”, “过问得不多”, “党委书记的主业”.  Round 32 found such a claim
and its denial in one draft because the literal phrase was in neither.  A phrase of MIN_LOOSE or more
characters, with no punctuation in it, is therefore also found with a few characters put in at one place
(at most GAP, none of them punctuation, so both halves stay in one clause), never before its first two or
after its last two characters, nor right after a negation (“组织生活不经常” is not found in “参加组织生活不够
经常”: who does not attend is not who does not hold it).  A shorter phrase (“走访”, “蹲点”) is found only as
written: two characters apart mean too little.

Phrases come from data a user may bring: each is escaped, and the pattern has no nested repetition.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_LOOSE = 4  # characters a phrase needs before it is also found with a gap
GAP = 5  # characters that may stand between the two halves of a phrase
_CLAUSE_BREAKS = "，。；：、！？,.;:!?\n"
_NEGATIONS = "不没未无非"  # no gap right after one of these: a negation keeps its word
_GAP_RE = f"[^{re.escape(_CLAUSE_BREAKS)}]{{1,{GAP}}}"


@lru_cache(maxsize=8192)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    """The gapped forms of ``phrase`` (None when it is found only as written)."""
    if len(phrase) < MIN_LOOSE or any(c in _CLAUSE_BREAKS for c in phrase):
        return None
    forms = [
        re.escape(phrase[:cut]) + _GAP_RE + re.escape(phrase[cut:])
        for cut in range(2, len(phrase) - 1)
        if phrase[cut - 1] not in _NEGATIONS
    ]
    return re.compile("|".join(forms)) if forms else None


def says(phrase: str, text: str) -> bool:
    """Whether ``text`` says ``phrase``: as written, or (a long one) with a few characters put in."""
    if phrase in text:
        return True
    if phrase[:2] not in text or phrase[-2:] not in text:  # cheap: both ends must be there
        return False
    pattern = _pattern(phrase)
    return pattern is not None and pattern.search(text) is not None


def says_any(phrases: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` says one of ``phrases``."""
    return any(says(p, text) for p in phrases)
