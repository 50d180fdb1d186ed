"""Stage 1 of ``drafter mine``: turning a raw seed text into clean lines.

Owns applying :mod:`drafter.noise` to a text — noise lines dropped (advertisements, paywall and
hidden-text notices, site furniture, addresses, page markers, a table of contents; a document site's
numbered pages joined back; the separators of a compilation of sample texts remembered, see
:meth:`CleanText.documents`), noise inside lines
removed (##paidbegin##, word counters, “此处隐藏N个字”, pinyin annotations 发(fā)展, addresses) —,
Traditional → Simplified conversion (opencc, loaded lazily and only run on lines that hold a
Traditional character), full-width punctuation in Chinese text and stray whitespace.  Every kept line
remembers its 1-based line number in the source file, so a mined fragment can say where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter import noise
from drafter.errors import DrafterError

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
# Chinese letters and the full-width punctuation they sit next to.
_WIDE = f"{CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014"

_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TRAD_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
# 〝 〞 (double prime quotation marks) stand for “ ” in texts converted from some word processors
_PRIME_QUOTES = str.maketrans({"〝": "“", "〞": "”", "〟": "”"})

_ASCII_PUNCT = re.compile('[,:;().?!"「」『』]')
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")
_PARENS = re.compile(r"\(([^()]{0,60})\)")
_PERIOD = re.compile(f"(?<=[{CJK}”’）])\\.(?=$|[{CJK}“‘（\\s])")
_QMARK = re.compile(f"(?<=[{CJK}])\\?")
_EXCL = re.compile(f"(?<=[{CJK}])!")
_SPACE_NEAR_WIDE = re.compile(f"(?<=[{_WIDE}])\\s+|\\s+(?=[{_WIDE}])")
_SPACES = re.compile("[^\\S\u3000]+|\u3000{2,}")
_SENTENCE_END = re.compile("[。；！？]")


@dataclass
class CleanStats:
    """What the cleaner removed or changed in one text."""

    paywall_markers: int = 0
    ad_lines: int = 0
    counters: int = 0  # word counters and hidden-text / paywall notices inside a line
    resource_lines: int = 0  # site furniture: 资源描述, 下载, 上一篇, 收藏 举报…
    paywall_lines: int = 0
    page_markers: int = 0
    toc_lines: int = 0
    addresses: int = 0
    pinyin: int = 0
    traditional_lines: int = 0
    punctuation: int = 0
    blank_lines: int = 0

    def add(self, other: CleanStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Line:
    """One kept line: its 1-based number in the source file and its cleaned text."""

    no: int
    text: str


@dataclass
class CleanText:
    lines: list[Line] = field(default_factory=list)
    stats: CleanStats = field(default_factory=CleanStats)
    separators: list[int] = field(default_factory=list)  # source lines such as “篇2” between sample texts

    def documents(self) -> list[list[Line]]:
        """The kept lines as one list per document: a compilation of sample texts (“……述职报告 篇1”,
        “篇2”…) is cut at its separators; any other text is one document."""
        docs: list[list[Line]] = [[]]
        cuts = iter(sorted(self.separators))
        cut = next(cuts, None)
        for line in self.lines:
            if cut is not None and line.no > cut:
                if docs[-1]:
                    docs.append([])
                while cut is not None and line.no > cut:
                    cut = next(cuts, None)
            docs[-1].append(line)
        return [d for d in docs if d] or [[]]


@lru_cache(maxsize=1)
def _converter() -> tuple[Any, frozenset[str]]:
    """The opencc t2s converter and the set of characters that make a line need it."""
    try:
        import opencc
        from opencc import OpenCC
    except ImportError:
        raise DrafterError(
            "提取片段需要繁简转换组件 opencc-python-reimplemented，但没有安装",
            hint="运行 pip install opencc-python-reimplemented 后再试（正常安装 drafter 时会自动装上）",
        ) from None

    gate: set[str] = set()
    try:
        table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
        for row in table.read_text(encoding="utf-8").splitlines():
            key, _, value = row.partition("\t")
            if key and value.split() and value.split()[0] != key:
                gate.add(key)
    except (OSError, ValueError):
        gate = set()  # unknown layout of the package: convert every line with Chinese in it
    return OpenCC("t2s"), frozenset(gate)


def to_simplified(text: str) -> str:
    """Traditional → Simplified; lines without a Traditional character are returned unchanged."""
    converter, gate = _converter()
    if gate and gate.isdisjoint(text):
        return text
    if not gate and not _CJK_RE.search(text):
        return text
    out: str = converter.convert(text)
    return out


def is_ad(line: str) -> bool:
    """True for a download site's advertisement line (公众号, 素材库, 代笔, 会员…)."""
    return noise.is_ad(line)


_LINE_STAT = {
    "ad": "ad_lines",
    "furniture": "resource_lines",
    "paywall": "paywall_lines",
    "page": "page_markers",
    "toc": "toc_lines",
    "url": "addresses",
}
_INLINE_STAT = {
    "marker": "paywall_markers",
    "paywall": "counters",
    "counter": "counters",
    "url": "addresses",
    "pinyin": "pinyin",
}


def _parens(m: re.Match[str]) -> str:
    inner = m.group(1)
    if _CJK_RE.search(inner) or re.fullmatch(r"\s*\d{1,3}\s*", inner):
        return f"（{inner}）"
    return m.group(0)


def _quotes(line: str) -> str:
    if line.count('"') % 2:
        return line
    parts = line.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


def punctuate(line: str) -> tuple[str, int]:
    """Full-width ，：；（）“”。？！ in a line of Chinese text; returns the line and the change count."""
    if not _ASCII_PUNCT.search(line) or not _CJK_RE.search(line):
        return line, 0
    before = line
    line = line.translate(_TRAD_QUOTES)
    line = _COMMA.sub("，", line)
    line = _COLON.sub("：", line)
    line = line.replace(";", "；")
    line = _PARENS.sub(_parens, line)
    line = _PERIOD.sub("。", line)
    line = _QMARK.sub("？", line)
    line = _EXCL.sub("！", line)
    line = _quotes(line)
    changed = sum(a != b for a, b in zip(before, line, strict=True))  # every change is one character
    return line, changed


def tidy_spaces(line: str) -> str:
    """Strip the line; drop spaces next to Chinese text, except one between the halves of a short
    themed heading (“强化政治引领　筑牢思想根基”); collapse the rest."""
    line = line.strip()
    if not line:
        return line
    heading_like = len(line) <= 40 and not _SENTENCE_END.search(line)
    if heading_like:
        line = re.sub(f"(?<=[{CJK}])[ \\t\u3000]+(?=[{CJK}])", "\u3000", line)
        line = re.sub(f"(?<=[{_WIDE}])[ \\t]+|[ \\t]+(?=[{_WIDE}])", "", line)
        line = line.replace("\u3000\u3000", "\u3000")
    else:
        line = _SPACE_NEAR_WIDE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def clean_line(raw: str, stats: CleanStats | None = None) -> str:
    """Clean one line; an empty result means the line is dropped.  In a long line, the spaces before
    a heading number (“……报告 一、履行职责情况 1、抓责任落实……”) become :data:`BREAK`."""
    stats = stats if stats is not None else CleanStats()
    line = _INVISIBLE.sub("", raw).translate(_FULLWIDTH_DIGITS).translate(_PRIME_QUOTES)
    if len(line) >= _LONG_LINE:
        line = _SPACED_HEADING.sub(BREAK, line)
    if not line.strip():
        stats.blank_lines += 1
        return ""
    converted = to_simplified(line)
    if converted != line:
        stats.traditional_lines += 1
        line = converted
    line, removed = noise.strip_inline(line)
    for kind, n in removed.items():
        setattr(stats, _INLINE_STAT[kind], getattr(stats, _INLINE_STAT[kind]) + n)
    whole = noise.noise_line(line)
    if whole is not None:
        setattr(stats, _LINE_STAT[whole], getattr(stats, _LINE_STAT[whole]) + 1)
        return ""
    line, n = punctuate(line)
    stats.punctuation += n
    line = tidy_spaces(line)
    if not line:
        stats.blank_lines += 1
    return line


def _toc_block(lines: list[str], head: int) -> int:
    """How many lines after a “目录” line are its entries: short heading-like lines whose text comes
    back later in the report (entries without leader dots and page numbers)."""
    body = "".join(lines[head + 1 :])
    n = 0
    for line in lines[head + 1 :]:
        text = line.strip()
        if not text:
            n += 1
            continue
        key = re.sub(r"^[（(〔]?[一二三四五六七八九十\d]{1,3}[、.．）)〕]\s*", "", text)
        if len(text) > 40 or _SENTENCE_END.search(text) or len(key) < 2 or body.count(key) < 2:
            break
        n += 1
    return n


_ENTRY_NUMBER = re.compile(r"^\s*[（(〔]?[一二三四五六七八九十\d]{1,3}[、.．）)〕]\s*")


def _leading_toc(lines: list[Line]) -> int:
    """How many lines at the start of a document are a table of contents without a “目录” line: at least
    three short numbered heading lines, two or more of which come back later as the start of a line."""
    run = 0
    for line in lines:
        if len(line.text) > 30 or _SENTENCE_END.search(line.text):
            break
        run += 1
    while run and not _ENTRY_NUMBER.match(lines[run - 1].text):  # the title and 尊敬的各位领导： stay
        run -= 1
    numbered = [_ENTRY_NUMBER.sub("", ln.text) for ln in lines[:run] if _ENTRY_NUMBER.match(ln.text)]
    if run < 3 or len(numbered) < 0.6 * run:
        return 0
    later = [_ENTRY_NUMBER.sub("", ln.text) for ln in lines[run:]]
    back = sum(1 for key in numbered if len(key) >= 2 and any(ln.startswith(key) for ln in later))
    return run if back >= 2 else 0


def _drop_leading_tocs(text: CleanText) -> None:
    """Drop the table of contents at the start of each document of the text (see :func:`_leading_toc`)."""
    kept: list[Line] = []
    for doc in text.documents():
        n = _leading_toc(doc)
        text.stats.toc_lines += n
        kept.extend(doc[n:])
    text.lines = kept


def clean(raw: str) -> CleanText:
    """Clean a whole text; blank and noise lines are left out, kept lines keep their line numbers."""
    out = CleanText()
    raw_lines = raw.splitlines()
    skip = 0
    for no, raw_line in enumerate(raw_lines, start=1):
        if skip:
            skip -= 1
            out.stats.toc_lines += 1
            continue
        if noise.TOC_HEAD.match(raw_line.strip()):
            skip = _toc_block(raw_lines, no - 1)
        if noise.COMPILATION.match(raw_line.strip()):
            out.separators.append(no)
        text = clean_line(raw_line, out.stats)
        if text:
            out.lines.append(Line(no, text))
    out.lines = [
        Line(ln.no, part.strip())
        for ln in _join_pages(out.lines, out.stats)
        for part in ln.text.split(BREAK)
        if part.strip()
    ]
    _drop_leading_tocs(out)
    return out


_PAGE_PREFIX = re.compile(r"^(\d{1,2})、")
BREAK = "\ue000"
"""Marks, inside a cleaned line, where a run-on text put a heading after a space; :func:`clean` cuts there."""
_LONG_LINE = 120
_SPACED_HEADING = re.compile(
    r"[ \t\u3000]+(?=[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[、．](?!\d))"
)
_PAGE_MIN = 100
_TERMINAL = tuple("。！？；：”’）")
# a page that starts with a heading or an item starts afresh, even after a heading cut off by the page end
_STRUCTURE_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,2}[、是]|[（(〔][一二三四五六七八九十\d]{1,2}[）)〕]|\d{1,2}[、.．]|首先|[①-⑳])"
)


def _join_pages(lines: list[Line], stats: CleanStats) -> list[Line]:
    """A document site's pages: long lines numbered “1、” “2、” “3、”…, each cut wherever the page ended,
    often mid-sentence or mid-word (“…重温入党” / “2、誓词在系统内…”).  The numbers go, and a page that
    goes on with the sentence of the page before is joined to it (its segments then carry that page's
    line number); other texts are returned unchanged."""
    final = len(lines) - 1  # the last page may be short
    found = [
        (k, _PAGE_PREFIX.match(ln.text))
        for k, ln in enumerate(lines)
        if len(ln.text) >= _PAGE_MIN or k == final
    ]
    pages = [k for k, m in found if m]
    numbers = [int(m.group(1)) for _, m in found if m]
    if len(pages) < 2 or numbers != list(range(1, len(pages) + 1)):
        return lines
    cut = sum(1 for k in pages[1:] if not lines[k - 1].text.split(BREAK)[-1].endswith(_TERMINAL))
    if 2 * cut < len(pages) - 1:  # numbered paragraphs that end their sentences: not pages
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        if k not in pages:
            out.append(line)
            continue
        text = _PAGE_PREFIX.sub("", line.text, count=1)
        stats.page_markers += 1
        tail = out[-1].text.split(BREAK)[-1] if out else ""
        if tail and not tail.endswith(_TERMINAL) and not _STRUCTURE_START.match(text):
            out[-1] = Line(out[-1].no, out[-1].text + text)  # the page goes on with the sentence
        else:
            out.append(Line(line.no, text))
    return out
