"""Stage 1 of ``drafter mine``: turning a raw seed text into clean lines.

Owns the removal of the download sites' noise (paywall markers anywhere in a line, advertisement lines,
word counters, “此处隐藏N个字”, “资源描述” headers), Traditional → Simplified conversion (opencc, loaded
lazily and only run on lines that hold a Traditional character), full-width punctuation in Chinese text
and stray whitespace.  Every kept line remembers its 1-based line number in the source file, so a mined
fragment can say where it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
# Chinese letters and the full-width punctuation they sit next to.
_WIDE = f"{CJK}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014"

_PAYWALL = re.compile(r"#{1,3}\s*paid\s*(?:begin|end)\s*#{1,3}", re.IGNORECASE)
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_COUNTER = re.compile(r"[（(]\s*(?:全文|本文)?共?\s*\d+\s*字\s*[）)]|[（(]?此处隐藏\d+个字[）)]?")
_RESOURCE = re.compile(r"^\s*资源描述")
# Advertisement cues: one strong cue is enough, weak ones must come in pairs, so that a report line
# mentioning 工会会员 or a unit's 公众号 is kept.
_AD_STRONG = re.compile(
    r"【[^】]*(?:公众号|素材库|代笔|资料库|会员)[^】]*】|素材库|代笔|svip|谨防假冒|添加客服|会员群|网盘群",
    re.IGNORECASE,
)
_AD_WEAK = re.compile(r"会员|公众号[:：]|客服|一键|更新材料|资料库|加微信|微信号|原创|接单")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TRAD_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})

_ASCII_PUNCT = re.compile("[,:;().?!\"「」『』]")
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
    counters: int = 0
    resource_lines: int = 0
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


@lru_cache(maxsize=1)
def _converter() -> tuple[Any, frozenset[str]]:
    """The opencc t2s converter and the set of characters that make a line need it."""
    try:
        import opencc
        from opencc import OpenCC
    except ImportError:
        raise DrafterError("提取片段需要繁简转换组件 opencc-python-reimplemented，但没有安装",
                           hint="运行 pip install opencc-python-reimplemented 后再试（正常安装 drafter 时会自动装上）") from None

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
    if _AD_STRONG.search(line):
        return True
    return len(set(_AD_WEAK.findall(line))) >= 2


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
    """Clean one line; an empty result means the line is dropped."""
    stats = stats if stats is not None else CleanStats()
    line = _INVISIBLE.sub("", raw)
    line, n = _PAYWALL.subn("", line)
    stats.paywall_markers += n
    line = line.translate(_FULLWIDTH_DIGITS)
    if not line.strip():
        stats.blank_lines += 1
        return ""
    converted = to_simplified(line)
    if converted != line:
        stats.traditional_lines += 1
        line = converted
    if is_ad(line):
        stats.ad_lines += 1
        return ""
    if _RESOURCE.match(line):
        stats.resource_lines += 1
        return ""
    line, n = _COUNTER.subn("", line)
    stats.counters += n
    line, n = punctuate(line)
    stats.punctuation += n
    line = tidy_spaces(line)
    if not line:
        stats.blank_lines += 1
    return line


def clean(raw: str) -> CleanText:
    """Clean a whole text; blank and noise lines are left out, kept lines keep their line numbers."""
    out = CleanText()
    for no, raw_line in enumerate(raw.splitlines(), start=1):
        text = clean_line(raw_line, out.stats)
        if text:
            out.lines.append(Line(no, text))
    return out
