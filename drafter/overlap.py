"""Word overlap between wordings, for the planner's self-critical half.

Owns two judgements made on character n-grams, with the n-grams common across the whole phrase library
left out (党员干部, 基层党组织… say nothing about a particular claim):

* :meth:`Overlap.clash` — how much a problem or cause repeats what the achievements above say (a problem
  “信息化监督手段运用不够” under an achievement about 信息化 monitoring contradicts it);
* :meth:`Overlap.fit` — how well a fragment's 表现 matches a user's short problem phrase (课程思政推进不够均衡
  needs a 表现 about 课程思政, not about 党员干部 ideology in general);
* :class:`DoneClauses` — which clause of a measure says again, clause by clause, what one clause of the work
  reported done says (“主题党日每月按固定时间开展” after “主题党日我坚持固定日期”), its words weighed by how rare
  they are in the library.

Counting the n-grams of a thousand-odd wordings is most of a cold ``drafter render``, so the common set (and the
set of frequent 2-grams the clause check weighs lower) is kept as JSON in drafter's private cache folder
(:func:`drafter.cache.safe_folder`), keyed by a digest of every wording (or of what they were parsed from: the key of the library's kept parse) and of this module's code: any
change to either means a new entry, and an entry that does not read back as a list of strings is ignored and
counted again.  Writing is best effort.

A library folder may instead bring its counted sets as a file, :data:`COMMON_FILE` (the shipped library does):
then they are read from it and not counted.  Counted afresh, they drift with every fragment added: the share
limits move, a word at the edge turns common or specific, and a fit of three words elsewhere in the library
becomes two (sessions 15–18 mended two to four fragments after each data merge).  The file is written by
``drafter fragments common --write`` (:func:`frozen_text` of a :func:`counted`) when a maintainer decides to count again;
:func:`read_frozen` reads it back.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from drafter.errors import LibraryError, Location
from drafter.rxprogram import Programs

Counted = tuple[frozenset[str], frozenset[str]]  # the common n-grams, the frequent 2-grams

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_CJK_RUNS = _PROGRAMS.compile(r"[\u4e00-\u9fff]+")
_JINJA = _PROGRAMS.compile(r"{{.*?}}|{%.*?%}")
# what ends a clause: a pause or a stop, a bracket — not a list's 、 (“我把返乡青年、致富能手和退役军人作为培养
# 重点” is one claim) nor a quotation mark (把“第一议题”学习落到分工上)
_CLAUSE_BREAKS = _PROGRAMS.compile(r"[，；。：！？,;:!?（）()\n]+")
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
# a specific 2-gram in more than this share of the wordings is frequent (主题, 党日, 每月, 固定): it weighs 1 in
# the clause check, a rarer one (列成, 攻关, 外出, 合并) 2
FREQUENT_SHARE = 0.02
# the weight of specific 2-grams a measure's clause shares with one clause of the work reported done, from
# which it says that work again: “主题党日每月按固定时间开展” / “主题党日我坚持固定日期” (主题 党日 固定: 3),
# “由党员骨干认领攻关任务” / “党员骨干牵头攻关项目” (员骨 攻关: 4), not “丰富主题党日内容” (主题 党日: 2)
CLAUSE_REPEAT = 3
CLAUSE_PHRASE = 4  # …in two runs or more, the longest this long (a phrase, not only everyday words)…
CLAUSE_SHARE = 0.35  # …covering this share of the measure's clause; or in runs covering CLAUSE_COVER of it
CLAUSE_COVER, CLAUSE_SHORT = 0.6, 8
_CONDITION_ENDS = ("的", "时")  # a clause ending so leads to the next (凡涉及村民利益的，…; 谋划项目时，…)
CACHE_FORMAT = 2
# a library folder's counted common and frequent sets (read instead of counting), its two section headers, and
# how many words a line of it holds
COMMON_FILE = "常用字串.txt"
COMMON_SECTION, FREQUENT_SECTION = "[常用]", "[较常用]"
WORDS_PER_LINE = 20
_FILE_HEAD = (
    "# 片段库里的常用字串：[常用] 是超过 4% 的措辞里都有的两字、三字串（党员、书记、支部……），[较常用] 是超过 2% 的",
    "# 两字串。判断问题和措施是否说的同一件事时，常用字串不算数。",
    "# 这个文件固定下来，是为了加几条片段时不至于改变别处的判断；片段库大改以后，用",
    "#   drafter fragments common --write",
    "# 重新统计（先用 drafter fragments common 看会变哪些）。",
)
_GRAM = _PROGRAMS.compile(r"[\u4e00-\u9fff]{2,3}")
MAX_CACHE_BYTES = 4 * 1024 * 1024


# characters that make a three-character run grammar rather than content (的, 和, 对…)
_FUNCTION_CHARS_TEXT = "的和在对为中有了是与把将我上下等及其这那也都就从向于被"
_FUNCTION_CHARS = frozenset(_FUNCTION_CHARS_TEXT)


def grams(text: str, n: int) -> set[str]:
    """The n-grams of the Chinese runs of ``text``, its Jinja left out."""
    runs = _CJK_RUNS.findall(_JINJA.sub("|", text) if "{" in text else text)
    return {run[i : i + n] for run in runs for i in range(len(run) - n + 1)}


def shared_runs(clause: str, done: str) -> list[str]:
    """The runs of two characters or more of ``clause`` found in ``done``, each as long as it goes, left to
    right (主题党日每月按固定时间开展 / 主题党日我坚持固定日期: 主题党日, 固定)."""
    runs: list[str] = []
    i = 0
    while i < len(clause) - 1:
        end = i + 2
        while end <= len(clause) and clause[i:end] in done:
            end += 1
        if end > i + 2:
            runs.append(clause[i : end - 1])
            i = end - 1
        else:
            i += 1
    return runs


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` (its Jinja left out): the runs between ，；。：！？ and brackets."""
    plain = _JINJA.sub("|", text) if "{" in text else text
    return [c for c in _CLAUSE_BREAKS.split(plain) if _CJK_RUNS.search(c)]


class Overlap:
    """n-gram statistics of one library: which n-grams are too common to count."""

    def __init__(
        self, texts: Iterable[str], digest: str | None = None, frozen: Counted | None = None
    ) -> None:
        """``digest``, when given, stands for ``texts`` in the cache key: a digest of whatever they are made
        from (the library's kept parse has one), so that they are read only when the set is not kept.
        ``frozen``, when given, are the common and frequent sets read from the library's :data:`COMMON_FILE`:
        nothing is counted."""
        if frozen is None:
            wordings = None if digest is not None else list(texts)
            key = _cache_key(wordings, digest)
            frozen = _load_common(key)
            if frozen is None:
                wordings = list(texts) if wordings is None else wordings
                frozen = counted(wordings)
                _save_common(key, *frozen)
        self.common, self.frequent = frozen
        self._specific: dict[tuple[str, int], frozenset[str]] = {}
        self._bigrams: dict[str, frozenset[str]] = {}  # every 2-gram of a wording (fit asks again and again)
        self._plain: dict[str, tuple[str, int]] = {}  # wording → itself with Jinja blanked out, times asked
        self._wanted_of: dict[str, frozenset[str]] = {}
        self._content: dict[str, frozenset[str]] = {}
        self._clause_words: dict[str, frozenset[str]] = {}
        self._clauses: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        # (measure clause, done clause) → DoneClauses' two readings of it, which depend on the two texts alone
        self.in_runs: dict[tuple[str, str], bool] = {}
        self.covered: dict[tuple[str, str], bool] = {}
        self.field: dict[str, frozenset[str]] = {}  # unit type → its field's words (Selector._field_words)

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

    def clause_words(self, clause: str) -> frozenset[str]:
        """The clause's specific 2-grams without a function character (合并 and 能合 of 能合并的, not 并的); once
        per clause and process (the same wordings' clauses are indexed for draft after draft)."""
        found = self._clause_words.get(clause)
        if found is None:
            found = self._clause_words[clause] = frozenset(
                g for g in self.specific(clause, 2) if not _FUNCTION_CHARS.intersection(g)
            )
        return found

    def clauses_of(self, text: str) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each clause of ``text`` (:func:`clauses`) with its :meth:`clause_words`, worked out once per text and
        process: a draft's done work is mostly the library's wordings, which many drafts share."""
        found = self._clauses.get(text)
        if found is None:
            found = self._clauses[text] = tuple((c, self.clause_words(c)) for c in clauses(text))
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


def frozen_text(found: Counted, wordings: int) -> str:
    """The :data:`COMMON_FILE` for the common and frequent sets ``found`` (:func:`counted`) of a library of
    ``wordings`` wordings, under a comment saying what they are."""
    common, frequent = found
    lines = [*_FILE_HEAD, f"# 统计自 {wordings} 条措辞", COMMON_SECTION]
    lines += _wrapped(common)
    lines.append(FREQUENT_SECTION)
    lines += _wrapped(frequent)
    return "\n".join(lines) + "\n"


def _wrapped(found: frozenset[str]) -> list[str]:
    words = sorted(found)
    return [" ".join(words[i : i + WORDS_PER_LINE]) for i in range(0, len(words), WORDS_PER_LINE)]


def read_frozen(path: Path) -> Counted:
    """The common and frequent sets of a :data:`COMMON_FILE` (any encoding drafter reads), or a
    :class:`~drafter.errors.LibraryError` naming the line that is not a section header nor words of two or
    three Chinese characters."""
    from drafter.yamlio import FileKind, read_text

    kind = FileKind(
        "常用字串文件",
        LibraryError,
        missing_hint="检查 --fragments 指向的文件夹",
        example="参照 fragments/常用字串.txt",
        any_encoding=True,  # a maintainer may save it from Notepad in GBK
        max_bytes=MAX_CACHE_BYTES,
    )
    text, _ = read_text(path, kind)
    found: dict[str, set[str]] = {COMMON_SECTION: set(), FREQUENT_SECTION: set()}
    section: set[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if line.strip() in found:
            section = found[line.strip()]
            continue
        bad = [w for w in words if not _GRAM.fullmatch(w)]
        if section is None or bad:
            raise LibraryError(
                f"常用字串文件这一行读不懂：{line.strip()[:30]}",
                location=Location(path, number),
                hint=f"每行是 {COMMON_SECTION} 或 {FREQUENT_SECTION}，或者用空格隔开的两三个汉字；"
                "可以删掉这个文件，或用 drafter fragments common --write 重写",
            )
        section.update(words)
    return frozenset(found[COMMON_SECTION]), frozenset(found[FREQUENT_SECTION])


def common_grams(texts: list[str]) -> frozenset[str]:
    """The 2- and 3-grams found in more than :data:`COMMON_SHARE` of ``texts`` (and in more than 3)."""
    return counted(texts)[0]


def counted(texts: list[str]) -> Counted:
    """The common 2- and 3-grams (:func:`common_grams`), and the 2-grams in more than :data:`FREQUENT_SHARE`
    of ``texts`` that are not common: both from one count."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(grams(text, 3) | grams(text, 2))
    limit = max(3, int(len(texts) * COMMON_SHARE))
    often = max(2, int(len(texts) * FREQUENT_SHARE))
    common = frozenset(g for g, c in counts.items() if c > limit)
    frequent = frozenset(g for g, c in counts.items() if len(g) == 2 and often < c <= limit)
    return common, frequent


class DoneClauses:
    """The clauses of the work a draft reports done, indexed by their specific 2-grams, to find the clause of a
    measure that says one of them again (round 27: “由党员骨干认领攻关任务” after “党员骨干牵头攻关项目4项”,
    “能合并的会议合并开” after “能合并的合并”).  Words alone do not tell a repeat from something new said of
    the same subject: one said in other words (“外出党员纳入线上学习群” after “外出党员通过微信群跟着学”) is
    not found."""

    def __init__(self, overlap: Overlap, done: Iterable[str]) -> None:
        self._overlap = overlap
        self._done: list[str] = []
        self._index: dict[str, list[int]] = {}
        self._found: dict[str, str | None] = {}  # measure clause → the done clause it repeats, or None
        index = self._index
        for text in done:
            for clause, words in overlap.clauses_of(text):
                n = len(self._done)
                self._done.append(clause)
                for g in words:
                    found = index.get(g)
                    if found is None:
                        index[g] = [n]
                    else:
                        found.append(n)

    def repeated(self, clause: str) -> str | None:
        """The done clause ``clause`` says again, if any, of those it shares a specific word with (most weight
        first): :meth:`_in_runs` or :meth:`_covered` by it."""
        if clause not in self._found:
            weights: Counter[int] = Counter()
            frequent = self._overlap.frequent
            for g in self._overlap.clause_words(clause):
                for n in self._index.get(g, ()):
                    weights[n] += 1 if g in frequent else 2
            self._found[clause] = next(
                (
                    self._done[n]
                    for n, w in weights.most_common()
                    if (w >= CLAUSE_REPEAT and self._in_runs(clause, self._done[n]))
                    or self._covers(clause, self._done[n])
                ),
                None,
            )
        return self._found[clause]

    def _in_runs(self, clause: str, done: str) -> bool:
        """``clause`` shares its specific words with ``done`` in two runs or more, one of them a phrase of
        CLAUSE_PHRASE characters, covering CLAUSE_SHARE of it: a subject and what is done about it (主题党日 …
        固定 in 主题党日每月按固定时间开展; not 农村 … 民办学校 in a long clause on 党建指导清单 for them, nor
        外出党员 alone: the same subject, something new done).  Once per pair of clauses and process (the
        library's wordings meet again in draft after draft)."""
        known = self._overlap.in_runs.get((clause, done))
        if known is None:
            known = self._overlap.in_runs[clause, done] = self._runs_share(clause, done)
        return known

    def _runs_share(self, clause: str, done: str) -> bool:
        """:meth:`_in_runs`, worked out."""
        found = [r.strip(_FUNCTION_CHARS_TEXT) for r in shared_runs(clause, done)]
        runs = [r for r in dict.fromkeys(found) if self._overlap.clause_words(r)]
        runs = [r for r in runs if not any(r != o and r in o for o in runs)]  # 课程 within 课程建设: once
        return (
            len(runs) >= 2
            and max(map(len, runs)) >= CLAUSE_PHRASE
            and sum(map(len, runs)) >= CLAUSE_SHARE * len(clause)
        )

    def _covers(self, clause: str, done: str) -> bool:
        """:meth:`_covered`, once per pair of clauses and process."""
        known = self._overlap.covered.get((clause, done))
        if known is None:
            known = self._overlap.covered[clause, done] = self._covered(clause, done)
        return known

    @staticmethod
    def _covered(clause: str, done: str) -> bool:
        """Runs of ``done``, one a phrase of CLAUSE_PHRASE characters, cover CLAUSE_COVER of ``clause``
        (能合并的会议合并开 / 能合并的合并; 对发现的共性问题及时督促整改 / 对发现的问题建立台账、督促整改) — not a
        clause shorter than CLAUSE_SHORT (接受党员监督: a phrase, no claim) nor a condition leading to the next
        clause (凡涉及村民利益的)."""
        if len(clause) < CLAUSE_SHORT or clause.endswith(_CONDITION_ENDS):
            return False
        runs = shared_runs(clause, done)
        return max(map(len, runs), default=0) >= CLAUSE_PHRASE and sum(map(len, runs)) >= CLAUSE_COVER * len(
            clause
        )

    def repeats(self, text: str) -> list[tuple[str, str]]:
        """Each clause of ``text`` that says a done clause again, with that clause."""
        out: list[tuple[str, str]] = []
        for clause, _ in self._overlap.clauses_of(text):
            done = self.repeated(clause)
            if done is not None:
                out.append((clause, done))
        return out


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


def _load_common(key: str) -> Counted | None:
    """The kept common and frequent sets, or None (no cache, no entry, or anything wrong with it)."""
    from drafter.cache import read_entry

    text = read_entry("overlap", key, MAX_CACHE_BYTES)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return None
    common, frequent = data.get("common"), data.get("frequent")
    if not (isinstance(common, list) and isinstance(frequent, list)):
        return None
    if not all(isinstance(g, str) for g in (*common, *frequent)):
        return None
    return frozenset(common), frozenset(frequent)


def _save_common(key: str, common: frozenset[str], frequent: frozenset[str]) -> None:
    from drafter.cache import write_entry

    data = {"format": CACHE_FORMAT, "common": sorted(common), "frequent": sorted(frequent)}
    write_entry("overlap", key, json.dumps(data, ensure_ascii=False))


_PROGRAMS.save()
