"""The repetition check: phrases of four or more characters used too often for their length.

Reviewers mark drafts down for rhythm (“带头” thirteen times in 2,100 characters, the same 四字格 three times).
:func:`repeated_phrases` counts every run of ``size`` Chinese characters and reports the longest phrases used
more than ``per_thousand`` times per 1,000 characters (and at least ``minimum`` times).  Fixed political
formulations (习近平新时代中国特色社会主义思想, 全面从严治党 …) may recur and are not counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drafter.rxprogram import Programs

# Standard formulations a report must repeat as they are; never a rhythm problem.
FIXED_TERMS = (
    "习近平新时代中国特色社会主义思想",
    "习近平总书记",
    "党中央",
    "全面从严治党",
    "基层党组织",
    "党组织",
    "党支部",
    "党员干部",
    "党风廉政建设",
    "中央八项规定",
    "两个确立",
    "两个维护",
    "第一议题",
    "三会一课",
    "主题党日",
    "中心组学习",
    "意识形态",
    "党建工作",
    "基层党建",
    "抓基层党建",
    "主体责任",
    "第一责任人",
    "全会精神",
    "党的二十大",
    "二十届三中全会",
    "二十届四中全会",
    "待补充",
    "党纪学习教育",
    "主题教育",
    "党史学习教育",
    "中央八项规定精神学习教育",
    "八项规定",
    "全面深化改革",
    "中国式现代化",
)
_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_NOT_CJK = _PROGRAMS.compile(r"[^\u4e00-\u9fff]+")
DEFAULT_SIZE = 4
DEFAULT_RATE = 2.0  # times per 1,000 characters
DEFAULT_MINIMUM = 3


@dataclass(frozen=True)
class Repeat:
    phrase: str
    count: int
    allowed: float  # how many the text's length allows


def _runs(text: str) -> list[str]:
    for term in sorted(FIXED_TERMS, key=len, reverse=True):
        text = text.replace(term, "|")
    return [r for r in _NOT_CJK.split(text) if r]


def repeated_phrases(
    text: str, *, size: int = DEFAULT_SIZE, per_thousand: float = DEFAULT_RATE, minimum: int = DEFAULT_MINIMUM
) -> list[Repeat]:
    """Phrases of ``size`` or more characters used more often than the length allows, most frequent first;
    a longer phrase stands for the shorter ones inside it.  Linear in the text's length."""
    runs = _runs(text)
    length = sum(len(r) for r in runs)
    allowed = max(float(minimum - 1), per_thousand * length / 1000)
    counts: Counter[str] = Counter()
    for run in runs:
        counts.update(run[i : i + size] for i in range(len(run) - size + 1))
    frequent = {g: c for g, c in counts.items() if c > allowed}
    if not frequent:
        return []
    # grow each frequent n-gram (from its first occurrence) into the longest phrase that recurs as often
    joined = "|".join(runs)
    found: dict[str, int] = {}
    for gram, count in frequent.items():
        at = joined.find(gram)
        phrase = gram
        while at + len(phrase) < len(joined) and joined[at + len(phrase)] != "|":
            longer = joined[at : at + len(phrase) + 1]
            if joined.count(longer) < count:
                break
            phrase = longer
        found[phrase] = max(found.get(phrase, 0), count)
    kept = [p for p in found if not any(p != q and p in q and found[q] >= found[p] for q in found)]
    return sorted((Repeat(p, found[p], allowed) for p in kept), key=lambda r: (-r.count, r.phrase))


_PROGRAMS.save()
