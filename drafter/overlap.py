"""Word overlap between wordings, for the planner's self-critical half.

Owns two judgements made on character n-grams, with the n-grams common across the whole phrase library
left out (党员干部, 基层党组织… say nothing about a particular claim):

* :meth:`Overlap.clash` — how much a problem or cause repeats what the achievements above say (a problem
  “信息化监督手段运用不够” under an achievement about 信息化 monitoring contradicts it);
* :meth:`Overlap.fit` — how well a fragment's 表现 matches a user's short problem phrase (课程思政推进不够均衡
  needs a 表现 about 课程思政, not about 党员干部 ideology in general).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_CJK_RUNS = re.compile(r"[\u4e00-\u9fff]+")
_JINJA = re.compile(r"{{.*?}}|{%.*?%}")
# words of self-criticism that every problem uses: no evidence of what it is about
_PROBLEM_WORDS = frozenset(
    (
        "不够",
        "还不",
        "不足",
        "存在",
        "问题",
        "有待",
        "进一步",
        "不强",
        "不高",
        "不到",
        "不平",
        "不均",
        "不深",
        "不实",
        "不紧",
        "不多",
        "不少",
        "推进",
        "工作",
        "党建",
        "加强",
        "提升",
    )
)
COMMON_SHARE = 0.04  # an n-gram in more than this share of the library's wordings is common


def grams(text: str, n: int) -> set[str]:
    out: set[str] = set()
    for run in _CJK_RUNS.findall(_JINJA.sub("|", text)):
        out.update(run[i : i + n] for i in range(len(run) - n + 1))
    return out


class Overlap:
    """n-gram statistics of one library: which n-grams are too common to count."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            total += 1
            counts.update(grams(text, 3) | grams(text, 2))
        limit = max(3, int(total * COMMON_SHARE))
        self.common = frozenset(g for g, c in counts.items() if c > limit)
        self._specific: dict[tuple[str, int], frozenset[str]] = {}

    def specific(self, text: str, n: int) -> frozenset[str]:
        key = (text, n)
        found = self._specific.get(key)
        if found is None:
            found = self._specific[key] = frozenset(g for g in grams(text, n) if g not in self.common)
        return found

    def clash(self, text: str, achievements: set[str]) -> int:
        """Specific 3-grams ``text`` shares with the achievements' 3-grams."""
        return len(self.specific(text, 3) & achievements)

    def _wanted(self, phrase: str) -> frozenset[str]:
        return frozenset(g for g in self.specific(phrase, 2) if g not in _PROBLEM_WORDS)

    def words(self, phrase: str) -> int:
        """How many specific 2-grams the phrase has (0: only words every problem uses)."""
        return len(self._wanted(phrase))

    def fit(self, phrase: str, text: str) -> int:
        """Specific 2-grams of the user's phrase found in a fragment's wording."""
        return len(self._wanted(phrase) & grams(text, 2))
