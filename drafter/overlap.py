"""Word overlap between wordings, for the planner's self-critical half.

Owns two judgements made on character n-grams, with the n-grams common across the whole phrase library
left out (党员干部, 基层党组织… say nothing about a particular claim):

* :meth:`Overlap.clash` — how much a problem or cause repeats what the achievements above say (a problem
  “信息化监督手段运用不够” under an achievement about 信息化 monitoring contradicts it);
* :meth:`Overlap.fit` — how well a fragment's 表现 matches a user's short problem phrase (课程思政推进不够均衡
  needs a 表现 about 课程思政, not about 党员干部 ideology in general).

Counting the n-grams of a thousand-odd wordings is most of a cold ``drafter render``, so the common set is kept
as JSON in drafter's private cache folder (:func:`drafter.cache.safe_folder`), keyed by a digest of every
wording (or of what they were parsed from: the key of the library's kept parse) and of this module's code: any
change to either means a new entry, and an entry that does not read back as a list of strings is ignored and
counted again.  Writing is best effort.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from drafter.rxprogram import Programs

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_CJK_RUNS = _PROGRAMS.compile(r"[\u4e00-\u9fff]+")
_JINJA = _PROGRAMS.compile(r"{{.*?}}|{%.*?%}")
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
# a phrase with at most FEW_WANTED wanted 2-grams is looked for in a wording, the first LOOKED_FOR times it is
# asked about: past that (a long-running process), the wording's 2-grams are counted once and intersected
FEW_WANTED, LOOKED_FOR = 16, 3
COMMON_SHARE = 0.04  # an n-gram in more than this share of the library's wordings is common
CACHE_FORMAT = 1
MAX_CACHE_BYTES = 4 * 1024 * 1024


# characters that make a three-character run grammar rather than content (的, 和, 对…)
_FUNCTION_CHARS = frozenset("的和在对为中有了是与把将我上下等及其这那也都就从向于被")


def grams(text: str, n: int) -> set[str]:
    """The n-grams of the Chinese runs of ``text``, its Jinja left out."""
    runs = _CJK_RUNS.findall(_JINJA.sub("|", text) if "{" in text else text)
    return {run[i : i + n] for run in runs for i in range(len(run) - n + 1)}


class Overlap:
    """n-gram statistics of one library: which n-grams are too common to count."""

    def __init__(self, texts: Iterable[str], digest: str | None = None) -> None:
        """``digest``, when given, stands for ``texts`` in the cache key: a digest of whatever they are made
        from (the library's kept parse has one), so that they are read only when the set is not kept."""
        wordings = None if digest is not None else list(texts)
        key = _cache_key(wordings, digest)
        common = _load_common(key)
        if common is None:
            wordings = list(texts) if wordings is None else wordings
            common = common_grams(wordings)
            _save_common(key, common)
        self.common = common
        self._specific: dict[tuple[str, int], frozenset[str]] = {}
        self._bigrams: dict[str, frozenset[str]] = {}  # every 2-gram of a wording (fit asks again and again)
        self._plain: dict[str, tuple[str, int]] = {}  # wording → itself with Jinja blanked out, times asked
        self._wanted_of: dict[str, frozenset[str]] = {}
        self._content: dict[str, frozenset[str]] = {}

    def specific(self, text: str, n: int) -> frozenset[str]:
        key = (text, n)
        found = self._specific.get(key)
        if found is None:
            found = self._specific[key] = frozenset(g for g in grams(text, n) if g not in self.common)
        return found

    def content(self, text: str) -> frozenset[str]:
        """The wording's specific three-character runs without a function character (what it says done)."""
        found = self._content.get(text)
        if found is None:
            found = self._content[text] = frozenset(
                g for g in self.specific(text, 3) if not _FUNCTION_CHARS.intersection(g)
            )
        return found

    def clash(self, text: str, achievements: set[str]) -> int:
        """Specific 3-grams ``text`` shares with the achievements' 3-grams, leaving out those with a function
        character (对支部, 的办法, 工作中 say nothing about what was done)."""
        return len(self.content(text) & achievements)

    def _wanted(self, phrase: str) -> frozenset[str]:
        found = self._wanted_of.get(phrase)
        if found is None:
            found = self._wanted_of[phrase] = frozenset(
                g for g in self.specific(phrase, 2) if g not in _PROBLEM_WORDS
            )
        return found

    def subject(self, phrase: str) -> frozenset[str]:
        """The specific 2-grams of the phrase's first half, where a problem title names what it speaks of
        (民办学校 | 党建工作基础薄弱; 课后服务中党员教 | 师作用发挥不够)."""
        mid = (len(phrase) + 1) // 2
        return self._wanted(phrase) & grams(phrase[: mid + 1], 2)

    def words(self, phrase: str) -> int:
        """How many specific 2-grams the phrase has (0: only words every problem uses)."""
        return len(self._wanted(phrase))

    def fit_any(self, wanted: frozenset[str], text: str) -> bool:
        """Whether ``text`` has any of the 2-grams ``wanted``."""
        return any(g in text for g in wanted)

    def fit(self, phrase: str, text: str) -> int:
        """Specific 2-grams of the user's phrase found in a fragment's wording.  A wanted 2-gram is two
        Chinese characters, so it is among the wording's 2-grams exactly when it is in the wording with its
        Jinja blanked out: a short phrase (a user's problem, a finding) is looked for there, and only a long
        one (a cause answered by a measure), or a wording asked about again and again, has every 2-gram of
        the wording counted, once per process."""
        wanted = self._wanted(phrase)
        if not wanted:
            return 0
        found = self._bigrams.get(text)
        if found is None:
            plain, asked = self._plain.get(text) or (_JINJA.sub("|", text), 0)
            if len(wanted) <= FEW_WANTED and asked < LOOKED_FOR:
                self._plain[text] = (plain, asked + 1)
                return sum(1 for g in wanted if g in plain)
            found = self._bigrams[text] = frozenset(grams(text, 2))
        return len(wanted & found)


def common_grams(texts: list[str]) -> frozenset[str]:
    """The 2- and 3-grams found in more than :data:`COMMON_SHARE` of ``texts`` (and in more than 3)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(grams(text, 3) | grams(text, 2))
    limit = max(3, int(len(texts) * COMMON_SHARE))
    return frozenset(g for g, c in counts.items() if c > limit)


def _cache_key(texts: list[str] | None, digest: str | None = None) -> str:
    """A digest of this module's code and of ``digest`` or else every wording."""
    from drafter.cache import code_digest

    key = hashlib.sha256(f"{CACHE_FORMAT}\0{code_digest(Path(__file__))}\0".encode())
    if digest is not None:
        key.update(f"digest\0{digest}".encode())
    else:
        assert texts is not None
        key.update(f"{len(texts)}\0".encode())
        key.update("\0".join(texts).encode("utf-8", "surrogatepass"))
    return key.hexdigest()[:32]


def _load_common(key: str) -> frozenset[str] | None:
    """The kept common set, or None (no cache, no entry, or anything wrong with it)."""
    from drafter.cache import read_entry

    text = read_entry("overlap", key, MAX_CACHE_BYTES)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    common = data.get("common") if isinstance(data, dict) and data.get("format") == CACHE_FORMAT else None
    if not isinstance(common, list) or not all(isinstance(g, str) for g in common):
        return None
    return frozenset(common)


def _save_common(key: str, common: frozenset[str]) -> None:
    from drafter.cache import write_entry

    write_entry(
        "overlap", key, json.dumps({"format": CACHE_FORMAT, "common": sorted(common)}, ensure_ascii=False)
    )


_PROGRAMS.save()
