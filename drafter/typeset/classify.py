"""Which level each paragraph of a report is, from its text (and its style name as a hint).

Levels follow GB/T 9704 and 《党政机关公文格式》 practice: title, byline (a name or unit under the title),
``一、`` heading1, ``（一）`` heading2, ``1.`` heading3, ``（1）`` heading4, body (``一是``/``二是`` items are
body text), signature and date at the end, blank.  A heading that runs on into its paragraph (“（一）加强
学习。全年……”) is body text with a run-in heading of that level.  What cannot be told apart safely is
body text, and listed as unclassified (a styled heading without a number, a short line without end
punctuation in the body).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Level = Literal[
    "title", "byline", "heading1", "heading2", "heading3", "heading4", "para", "signature", "date", "blank"
]

LEVEL_NAMES: dict[str, str] = {
    "title": "标题",
    "byline": "署名行",
    "heading1": "一级标题",
    "heading2": "二级标题",
    "heading3": "三级标题",
    "heading4": "四级标题",
    "para": "正文",
    "signature": "落款",
    "date": "成文日期",
    "blank": "空行",
}

_NUM = "一二三四五六七八九十百零〇"
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"
HEADING_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("heading1", re.compile(f"^[{_NUM}]+[、.．]")),
    ("heading2", re.compile(f"^[（(][{_NUM}]+[）)]")),
    ("heading3", re.compile(r"^[0-9０-９]{1,2}[.．、](?![0-9０-９])")),
    ("heading4", re.compile(r"^[（(][0-9０-９]{1,2}[）)]")),
)
_DATE = re.compile(
    r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
_END = "。！？；：…"
_STYLE_LEVELS = (
    ("title", re.compile(r"^(title|标题)$", re.I)),
    ("byline", re.compile(r"^(subtitle|副标题)$", re.I)),
    ("heading1", re.compile(r"^(heading|标题)\s*1$", re.I)),
    ("heading2", re.compile(r"^(heading|标题)\s*2$", re.I)),
    ("heading3", re.compile(r"^(heading|标题)\s*3$", re.I)),
    ("heading4", re.compile(r"^(heading|标题)\s*4$", re.I)),
    ("signature", re.compile(r"^(signature|签名)$", re.I)),
    ("date", re.compile(r"^(date|日期)$", re.I)),
)
TITLE_MAX = 60  # characters: longer first lines are body text
BYLINE_MAX = 40
SIGNATURE_MAX = 30


@dataclass(frozen=True)
class Para:
    """What the classifier reads of a paragraph."""

    text: str
    style: str = ""  # the style's name (not id), e.g. "Heading 1", "标题 1", "Normal"
    centered: bool = False
    right: bool = False
    numbered: bool = False  # Word numbers it automatically (the “一、” is not in the text)


@dataclass(frozen=True)
class Classified:
    level: Level
    run_in: int = 0  # characters of a run-in heading at the start of a body paragraph
    run_in_level: Level | None = None
    doubt: str = ""  # why the level is a guess (reported as unclassified)


def heading_level(text: str) -> Level | None:
    """The heading level a paragraph's number marks, or None."""
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level  # type: ignore[return-value]
    return None


def style_level(style: str) -> Level | None:
    for level, pattern in _STYLE_LEVELS:
        if pattern.match(style.strip()):
            return level  # type: ignore[return-value]
    return None


def _run_in(text: str) -> int:
    """Characters of a heading sentence that runs on into body text (“（一）加强学习。全年……”), or 0."""
    for mark in "。！？":
        cut = text.find(mark)
        if 0 < cut < len(text) - 1 and cut <= 60:
            return cut + 1
    return 0


def classify(paragraphs: Sequence[Para]) -> list[Classified]:
    """The level of every paragraph, in order."""
    texts = [p.text.strip(SPACES) for p in paragraphs]
    out: list[Classified] = [Classified("blank") if not t else Classified("para") for t in texts]
    filled = [i for i, t in enumerate(texts) if t]
    if not filled:
        return out
    head = _classify_head(paragraphs, texts, filled)
    tail = _classify_tail(paragraphs, texts, filled, head)
    for i in filled:
        if head <= i < tail:
            out[i] = _classify_body(paragraphs[i], texts[i])
        else:
            out[i] = _head_or_tail(paragraphs[i], texts[i], i, filled, head)
    return out


def _head_or_tail(p: Para, text: str, i: int, filled: list[int], head: int) -> Classified:
    if i < head:
        return (
            Classified("title") if i == filled[0] or style_level(p.style) == "title" else Classified("byline")
        )
    return Classified("date") if _DATE.match(text.replace(" ", "")) else Classified("signature")


def _classify_head(paragraphs: Sequence[Para], texts: list[str], filled: list[int]) -> int:
    """Index of the first body paragraph: after the title (and its continuation lines) and a byline."""
    first = filled[0]
    p, text = paragraphs[first], texts[first]
    styled = style_level(p.style)
    is_title = styled == "title" or (
        len(text) <= TITLE_MAX
        and text[-1] not in _END + "，"
        and heading_level(text) is None
        and (p.centered or styled in (None, "heading1") or "报告" in text or "总结" in text)
    )
    if not is_title:
        return first
    index = filled.index(first) + 1
    while index < len(filled):
        i = filled[index]
        q, line = paragraphs[i], texts[i]
        kind = style_level(q.style)
        plain = len(line) <= BYLINE_MAX and line[-1] not in _END + "，" and heading_level(line) is None
        if kind in ("title", "byline") or (plain and q.centered):
            index += 1
            continue
        break
    return filled[index] if index < len(filled) else len(paragraphs)


def _classify_tail(paragraphs: Sequence[Para], texts: list[str], filled: list[int], head: int) -> int:
    """Index of the signature block (date and the name or unit right before it) at the end."""
    last = filled[-1]
    if last < head or not _DATE.match(texts[last].replace(" ", "")):
        if last >= head and style_level(paragraphs[last].style) == "signature":
            return last
        return len(paragraphs)
    start = last
    before = [i for i in filled if head <= i < last]
    if before:
        i = before[-1]
        line = texts[i]
        if len(line) <= SIGNATURE_MAX and line[-1] not in _END + "，、" and heading_level(line) is None:
            start = i
    return start


def _classify_body(p: Para, text: str) -> Classified:
    level = heading_level(text)
    if level is not None:
        cut = _run_in(text)
        if cut and level != "heading1":
            return Classified("para", cut, level)
        return Classified(level)
    styled = style_level(p.style)
    if styled in ("heading1", "heading2", "heading3", "heading4") and p.numbered:
        return Classified(styled)
    if styled in ("heading1", "heading2", "heading3", "heading4"):
        return Classified("para", doubt=f"样式为“{p.style}”，但没有“一、（一）1.（1）”这样的序号，按正文排")
    if len(text) <= 25 and text[-1] not in _END + "，、" and not text.startswith(("一是", "二是", "三是")):
        return Classified("para", doubt="短行，没有结尾标点，也没有序号：像小标题，按正文排")
    return Classified("para")
