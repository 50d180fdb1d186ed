"""The document model shared by every writer, and the outline markup templates emit.

Templates never write numbers: they emit *outline markup*, one directive a line::

    ::title 2023年度党组书记抓基层党建工作述职报告
    ::byline 某市发展和改革委员会党组书记、主任　张三
    ::para 开头段落……
    ::h1 主要工作
    ::h2 强化理论武装，筑牢思想根基
    ::item 严格落实“第一议题”制度<TAB>坚持把……
    ::h2p 精力投入还需平衡<TAB>抓党建是……        (a heading run-in with its paragraph)
    ::signature 张三
    ::date 2024年1月5日

:func:`build_document` turns that into a :class:`Document` and numbers it from position:
``h1`` → 一、二、 ; ``h2``/``h2p`` → （一）（二） restarting under each ``h1``; ``h3`` → 1. 2. ;
``item`` → 一是、二是 restarting under each heading.  Leaving a section out renumbers the rest.

Missing facts travel through the text as ``PH_OPEN + label + PH_CLOSE`` sentinels (private-use
characters no user text can contain, see :mod:`drafter.render`) and become placeholder spans here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

PH_OPEN = "\ue000"
PH_CLOSE = "\ue001"
PLACEHOLDER_PREFIX = "待补充："

SpanRole = Literal["body", "heading1", "heading2", "heading3"]
BlockKind = Literal["title", "byline", "heading1", "heading2", "heading3", "para", "signature", "date"]

_CN_DIGITS = "零一二三四五六七八九"


def placeholder_text(label: str) -> str:
    """The visible marker for a missing fact: 【待补充：label】."""
    return f"【{PLACEHOLDER_PREFIX}{label}】"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for headings and 一是…)."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _CN_DIGITS[tens] + "十" + (_CN_DIGITS[ones] if ones else "")
    return str(n)


@dataclass(frozen=True)
class Span:
    """A run of text.  ``placeholder`` holds the fact's label when the span is a missing-fact marker."""

    text: str
    role: SpanRole = "body"
    placeholder: str | None = None


@dataclass
class Block:
    """One paragraph of the draft.  ``number`` is the generated prefix (一、 （一） 1. 一是), already
    included as the first span; it is kept separately for writers that style it."""

    kind: BlockKind
    spans: list[Span]
    number: str = ""
    section: str = ""  # the h1 heading text this block belongs to, for per-section 字数

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def placeholders(self) -> list[str]:
        return [s.placeholder for s in self.spans if s.placeholder is not None]


@dataclass
class Document:
    """The whole draft: blocks in reading order, plus metadata for document properties."""

    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    author: str = ""
    year: int | None = None
    facts: str = (
        ""  # the facts the draft was made from, as JSON: kept in the file for next year's init --from
    )

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @property
    def placeholders(self) -> list[str]:
        return [p for b in self.blocks for p in b.placeholders]

    def word_counts(self) -> list[tuple[str, int]]:
        """字数 per top-level section (title, opening and closing count as “其他”), in order."""
        counts: dict[str, int] = {}
        for b in self.blocks:
            name = b.section or "其他"
            counts[name] = counts.get(name, 0) + count_chars(b.text)
        return list(counts.items())

    @property
    def total_chars(self) -> int:
        return sum(count_chars(b.text) for b in self.blocks)


_WS = re.compile(r"\s+")


def count_chars(text: str) -> int:
    """字数 as WPS/Word show “字符数（不计空格）”: every non-whitespace character."""
    return len(_WS.sub("", text))


def split_spans(text: str, role: SpanRole = "body") -> list[Span]:
    """Split text carrying placeholder sentinels into plain and placeholder spans."""
    spans: list[Span] = []
    pos = 0
    while True:
        start = text.find(PH_OPEN, pos)
        if start < 0:
            break
        end = text.find(PH_CLOSE, start)
        if end < 0:
            break
        if start > pos:
            spans.append(Span(text[pos:start], role))
        label = text[start + 1 : end]
        spans.append(Span(placeholder_text(label), role, placeholder=label))
        pos = end + 1
    if pos < len(text):
        spans.append(Span(text[pos:], role))
    return [s for s in spans if s.text]


_END_PUNCT = "。！？；：，、"


def _with_stop(lead: str) -> str:
    """A lead phrase followed by a full stop unless it already ends in punctuation."""
    lead = lead.strip()
    if not lead or lead[-1] in _END_PUNCT or lead.endswith(PH_CLOSE):
        return lead + ("。" if lead.endswith(PH_CLOSE) else "")
    return lead + "。"


class MarkupError(ValueError):
    """A template emitted a line that is not outline markup (a template bug, not user input)."""


def build_document(markup: str) -> Document:
    """Parse outline markup into a numbered :class:`Document`."""
    doc = Document()
    h1 = h2 = h3 = item = 0
    section = ""
    for lineno, raw in enumerate(markup.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("::"):
            raise MarkupError(f"输出的第 {lineno} 行不以 :: 标记开头（“{line[:40]}”）")
        directive, _, rest = line[2:].partition(" ")
        rest = rest.strip()
        lead, tab, body = rest.partition("\t")
        if directive == "title":
            doc.title = rest.replace(PH_OPEN, "【").replace(PH_CLOSE, "】")
            doc.blocks.append(Block("title", split_spans(rest)))
        elif directive == "byline":
            doc.blocks.append(Block("byline", split_spans(rest)))
        elif directive == "h1":
            h1 += 1
            h2 = h3 = item = 0
            number = chinese_number(h1) + "、"
            section = rest.replace(PH_OPEN, "").replace(PH_CLOSE, "")
            doc.blocks.append(
                Block("heading1", [Span(number, "heading1"), *split_spans(rest, "heading1")], number, section)
            )
        elif directive == "h2":
            h2 += 1
            h3 = item = 0
            number = f"（{chinese_number(h2)}）"
            doc.blocks.append(
                Block("heading2", [Span(number, "heading2"), *split_spans(rest, "heading2")], number, section)
            )
        elif directive == "h3":
            h3 += 1
            item = 0
            number = f"{h3}."
            doc.blocks.append(
                Block("heading3", [Span(number, "heading3"), *split_spans(rest, "heading3")], number, section)
            )
        elif directive == "h2p":
            h2 += 1
            h3 = item = 0
            number = f"（{chinese_number(h2)}）"
            head = _with_stop(lead) if tab else ""
            text = body if tab else rest
            spans = [Span(number, "heading2"), *split_spans(head, "heading2"), *split_spans(text)]
            doc.blocks.append(Block("para", spans, number, section))
        elif directive == "item":
            item += 1
            number = chinese_number(item) + "是"
            head = _with_stop(lead) if tab else ""
            text = body if tab else rest
            doc.blocks.append(Block("para", [Span(number), *split_spans(head + text)], number, section))
        elif directive == "para":
            doc.blocks.append(Block("para", split_spans(rest), "", section))
        elif directive == "signature":
            section = ""
            doc.author = rest.replace(PH_OPEN, "【").replace(PH_CLOSE, "】")
            doc.blocks.append(Block("signature", split_spans(rest)))
        elif directive == "date":
            doc.blocks.append(Block("date", split_spans(rest)))
        elif directive == "closing":
            section = ""
            doc.blocks.append(Block("para", split_spans(rest), "", section))
        else:
            raise MarkupError(f"输出的第 {lineno} 行用了不认识的标记 ::{directive}")
    _merge_spans(doc)
    return doc


def _merge_spans(doc: Document) -> None:
    """Join neighbouring plain spans of the same role so writers emit fewer runs."""
    for block in doc.blocks:
        merged: list[Span] = []
        for span in block.spans:
            if (
                merged
                and span.placeholder is None
                and merged[-1].placeholder is None
                and merged[-1].role == span.role
            ):
                merged[-1] = Span(merged[-1].text + span.text, span.role)
            else:
                merged.append(span)
        block.spans = merged
