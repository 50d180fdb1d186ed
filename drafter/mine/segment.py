"""Stage 2 of ``drafter mine``: recovering a report's outline from its clean lines.

Owns heading recognition (一、 （一） 〔一〕 1. 1、 （1） and unnumbered themed headings such as
“强化政治引领　筑牢思想根基” or “一是理论学习更加扎实” on a line of their own), the heading hierarchy
(levels follow the order in which numbering styles first appear, so a report numbered only with 1、
works too), a heading and its body on one line (“（一）精力投入还需平衡。抓党建是……”), the splitting of a
paragraph into its 一是/二是… (also after a comma), 首先/其次…, 第一，/第二，…, ①② and inline （1）（2）
items, each with its lead phrase, a byline under the title (“某村党总支书记　张某某”: not a heading),
and three repairs of texts copied from the web: a hard-wrapped text
is joined back into paragraphs, a whole report written on one line is cut before its headings, and
a paragraph is cut where it turns to the causes of the problems (究其原因…) or, at the very end, to a
closing sentence.  The role fields are left empty; :mod:`drafter.mine.classify` fills them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from drafter.mine.clean import Line

CN_NUM = "一二三四五六七八九十"
_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(f"^([{CN_NUM}]{{1,3}})[、．.]\\s*")),
    ("（一）", re.compile(f"^[（(]([{CN_NUM}]{{1,3}})[）)]\\s*")),
    ("〔一〕", re.compile(f"^[〔【\\[]([{CN_NUM}]{{1,3}})[〕】\\]]\\s*")),
    ("1.", re.compile(r"^(\d{1,2})[.．、](?![\d.．])\s*")),
    ("（1）", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
)
_SENTENCE = re.compile("[。！？]")
_ITEM_AFTER_HEADING = re.compile("(?<=[\u4e00-\u9fff])(?:一是|首先，)")
_CLAUSE_END = re.compile("[。！？；：]")
_BYLINE = re.compile(
    r"^[^。，；！？]{0,24}(?:书记|主任|局长|院长|校长|园长|所长|站长|经理|董事长|负责人|述职人|汇报人)"
    r"[\s\u3000：:]*[\u4e00-\u9fff]{2,4}$|^(?:述职人|汇报人|报告人)[：:\s\u3000]"
)
_TITLE_WORDS = re.compile("报告|总结|述职|汇报|发言|材料")
_NOT_HEADING = re.compile(r"^\d{4}年\d{1,2}月(\d{1,2}日)?$|^[（(]?此致|^特此|^附件|[：:]$")
_ITEM_SERIES: tuple[tuple[str, ...], ...] = (
    tuple(f"{n}是" for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")),
    tuple(f"（{n}）" for n in range(1, 21)),
    tuple(f"第{n}，" for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")),
    tuple(f"第{n}、" for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")),
    tuple(chr(c) for c in range(0x2460, 0x2474)),
)
_BOUNDARY = "。；：！？"
# a paragraph that starts with one item marker (“二是……”, “②……”): a list written one item per line
_LONE_ITEM = re.compile("^(?:[一二三四五六七八九十]是|[\u2460-\u2473])(?=[^，。；：]{2,40}[，。；：])")
_SOFT_BOUNDARY = _BOUNDARY + "，"  # “…主体责任，一是…”: 一是 may follow a comma
# a sentence that turns from the problems to their causes starts a paragraph of its own
_CAUSE_START = re.compile(
    "(?<=[。；！？])(?=(?:(?:产生|出现|存在)(?:以上|上述|这些)?(?:问题|不足)的(?:主要)?原因|究其原因|"
    "分析(?:其)?原因|(?:问题|不足)(?:产生|存在)的(?:主要)?原因))"
)
# one whole report written on a single line: split it before 一、二、… that follow a sentence end
_RUN_ON = 120
_RUN_ON_HEADING = re.compile(f"(?<=[。！？])(?=[{CN_NUM}]{{1,2}}、)")
_RUN_ON_CUT = re.compile(
    f"(?<=[。！？])(?=[{CN_NUM}]{{1,2}}、|[（〔][{CN_NUM}]{{1,2}}[）〕])"
    f"|(?<=[\u4e00-\u9fff])(?=[（〔][{CN_NUM}]{{1,2}}[）〕])"
)
_RUN_ON_TITLE = re.compile(
    r"^([^。！？]{4,60}?(?:报告|总结|述职|汇报))(?:[。\s]|(?=\d{4}年|今年|一年来|本年|本人|各位|按照|根据|近年来|"
    f"[{CN_NUM}]{{1,2}}、))"
)
_MAX_HEADING = 50
_MAX_LEAD = 40


@dataclass
class Item:
    """One 一是/首先/① item of a paragraph."""

    marker: str
    lead: str  # the item's lead phrase, without closing punctuation
    body: str  # what follows the lead ('' when the item is a single short sentence)
    line: int
    sep: str = "。"  # the punctuation between lead and body as written
    role: str = ""
    confidence: float = 0.0

    @property
    def full(self) -> str:
        """The item's text without its marker."""
        return f"{self.lead}{self.sep}{self.body}" if self.body else self.lead + "。"


@dataclass
class Paragraph:
    """A body paragraph: the words before its first item, then its items."""

    line: int
    intro: str
    items: list[Item] = field(default_factory=list)
    tail: bool = False  # the report's last paragraph, after its last section already had a body
    role: str = ""  # role of ``intro`` (or of the whole paragraph when it has no items)
    confidence: float = 0.0

    @property
    def text(self) -> str:
        return self.intro + "".join(i.marker + i.full for i in self.items)


@dataclass
class Section:
    """A heading and what follows it up to the next heading; ``sections[0]`` is the preamble."""

    heading: str
    number: str
    style: str
    level: int
    line: int
    parent: int | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[int] = field(default_factory=list)
    role: str = ""
    confidence: float = 0.0

    @property
    def is_root(self) -> bool:
        return self.level == 0


@dataclass
class Outline:
    title: str = ""
    title_line: int = 0
    sections: list[Section] = field(default_factory=list)

    def ancestors(self, index: int) -> Iterator[Section]:
        parent = self.sections[index].parent
        while parent is not None:
            yield self.sections[parent]
            parent = self.sections[parent].parent

    def items(self) -> Iterator[tuple[Section, Paragraph, Item]]:
        for sec in self.sections:
            for para in sec.paragraphs:
                for item in para.items:
                    yield sec, para, item


def numbering(text: str) -> tuple[str, str, str] | None:
    """(style, number as written, rest) if the line starts with a heading number."""
    for style, pattern in _STYLES:
        m = pattern.match(text)
        if m:
            return style, m.group(0).strip(), text[m.end() :]
    return None


def split_heading(rest: str) -> tuple[str, str]:
    """Split a numbered line into its heading and the body written on the same line (also when the
    body's first item follows the heading with no punctuation: “存在的问题一是……”)."""
    item = _ITEM_AFTER_HEADING.search(rest[:_MAX_HEADING])
    if item and not _SENTENCE.search(rest[: item.start()]):
        return rest[: item.start()].strip().rstrip("：；，"), rest[item.start() :].strip()
    m = _SENTENCE.search(rest)
    if m and m.start() <= _MAX_HEADING:
        return rest[: m.start()].strip(), rest[m.end() :].strip()
    if len(rest) <= _MAX_HEADING:
        return rest.strip().rstrip("：；，"), ""
    m = _CLAUSE_END.search(rest) or re.search("，", rest)
    if m and m.start() <= _MAX_HEADING:
        return rest[: m.start()].strip(), rest[m.end() :].strip()
    return rest[:_MAX_HEADING], rest[_MAX_HEADING:]


def _plain_heading(text: str, has_next: bool) -> bool:
    """An unnumbered themed heading: short, no sentence punctuation, followed by more text."""
    if not has_next or len(text) < 4 or len(text) > 32 or _NOT_HEADING.search(text):
        return False
    if _SENTENCE.search(text) or "；" in text:
        return False
    if any(text.startswith(m) for m in item_starts()) and (len(text) > 20 or re.search("[，、：]", text)):
        return False
    return not text.endswith(("，", "、"))


def item_starts() -> tuple[str, ...]:
    return (*(s[0] for s in _ITEM_SERIES), "首先")


def _at_boundary(text: str, pos: int, boundary: str = _BOUNDARY) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " ”’）":
        j -= 1
    return j < 0 or text[j] in boundary


def _series_positions(text: str, markers: Sequence[str]) -> list[tuple[int, str]]:
    """Positions of consecutive markers (一是, 二是, …) that each start a sentence (一是 may also
    follow a comma)."""
    found: list[tuple[int, str]] = []
    start = 0
    boundary = _SOFT_BOUNDARY if markers[0] == "一是" else _BOUNDARY
    for marker in markers:
        pos = text.find(marker, start)
        while pos != -1 and not _at_boundary(text, pos, boundary):
            pos = text.find(marker, pos + 1)
        if pos == -1:
            break
        found.append((pos, marker))
        start = pos + len(marker)
    return found


def _order_positions(text: str) -> list[tuple[int, str]]:
    """首先 … 其次 … (再次 …) 最后."""
    found: list[tuple[int, str]] = []
    start = 0
    for marker in ("首先", "其次", "再次", "再者", "最后"):
        pos = text.find(marker, start)
        while pos != -1 and not _at_boundary(text, pos):
            pos = text.find(marker, pos + 1)
        if pos != -1:
            if not found and marker != "首先":
                return []
            found.append((pos, marker))
            start = pos + len(marker)
    return found


def _lead_and_body(text: str) -> tuple[str, str, str]:
    """(lead, separator, body): the first sentence, or its first clause when the sentence is long."""
    text = text.strip().lstrip("，、：")
    m = re.search("[。！？；]", text)
    if not m:
        sentence, end, body = text, "。", ""
    else:
        sentence, body = text[: m.start()], text[m.end() :]
        end = "。" if m.group(0) == "；" else m.group(0)
    sentence, sep = sentence.strip(), "。"
    if len(sentence) > _MAX_LEAD:
        cut = sentence.find("，")
        if 4 <= cut <= _MAX_LEAD:
            body = sentence[cut + 1 :] + end + body
            sentence, sep = sentence[:cut], "，"
    body = body.strip()
    if body.endswith("；"):
        body = body[:-1] + "。"
    return sentence.strip("，、；： "), sep, body


def split_items(text: str, line: int) -> Paragraph:
    """Split a paragraph into its intro and its items (at least two markers in order)."""
    best: list[tuple[int, str]] = []
    for series in _ITEM_SERIES:
        if series[0] not in text:
            continue
        found = _series_positions(text, series)
        if len(found) > len(best):
            best = found
    if len(best) < 2 and "首先" in text:
        best = _order_positions(text)
    if len(best) < 2:
        lone = _LONE_ITEM.match(text)
        if not lone:
            return Paragraph(line, text)
        best = [(0, lone.group(0))]  # one item of a list written one item per line
    para = Paragraph(line, text[: best[0][0]].strip())
    for k, (pos, marker) in enumerate(best):
        end = best[k + 1][0] if k + 1 < len(best) else len(text)
        lead, sep, body = _lead_and_body(text[pos + len(marker) : end])
        para.items.append(Item(marker, lead, body, line, sep))
    return para


def _is_title(text: str, index: int) -> bool:
    return (
        index == 0
        and len(text) <= 60
        and not _SENTENCE.search(text)
        and (bool(_TITLE_WORDS.search(text)) or numbering(text) is None)
    )


def paragraphs_of(text: str, line: int) -> list[Paragraph]:
    """A body line as paragraphs: split where it turns to the causes of the problems, then into items."""
    cuts = [0, *(m.start() for m in _CAUSE_START.finditer(text)), len(text)]
    return [split_items(text[a:b].strip(), line) for a, b in pairwise(cuts) if text[a:b].strip()]


_TERMINAL = tuple("。！？；：”’）)】」…")


def _wrap_width(lines: list[Line]) -> int:
    """The line width of a hard-wrapped text (copied from a PDF or a page viewer), or 0 when the text
    is not hard-wrapped: most long lines stop mid-sentence, at (nearly) the same length."""
    open_lines = [len(ln.text) for ln in lines if len(ln.text) >= 15 and not ln.text.endswith(_TERMINAL)]
    long_lines = sum(1 for ln in lines if len(ln.text) >= 15)
    if len(open_lines) < 5 or len(open_lines) < 0.4 * long_lines:
        return 0
    width = max(set(open_lines), key=lambda w: (sum(1 for n in open_lines if abs(n - w) <= 2), w))
    near = sum(1 for n in open_lines if abs(n - width) <= 2)
    wider = sum(1 for ln in lines if len(ln.text) > width + 2)  # a wrapped text has (almost) none
    return width if near >= 0.6 * len(open_lines) and wider <= 0.1 * long_lines else 0


def unwrap(lines: list[Line]) -> list[Line]:
    """Join the lines of a hard-wrapped text back into paragraphs (each keeps its first line number);
    a text that is not hard-wrapped is returned as it is."""
    width = _wrap_width(lines)
    if not width:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        if k and _continues(lines[k - 1].text, line.text, width):
            out[-1] = Line(out[-1].no, out[-1].text + line.text)
        else:
            out.append(line)
    return out


def _continues(prev: str, text: str, width: int) -> bool:
    """In a hard-wrapped text, ``text`` goes on from ``prev``: ``prev`` is a full line — even when it
    happens to end with 。, a paragraph ending exactly at the margin being rarer than a sentence doing
    so — and ``text`` is neither numbered, nor a short unpunctuated heading after a finished sentence,
    nor a list that starts after a numbered heading."""
    if len(prev) < width - 2 or numbering(text) is not None:
        return False
    if prev.endswith(_TERMINAL) and len(text) < width - 2 and not text.endswith(_TERMINAL):
        return False
    return not (numbering(prev) is not None and text.startswith(item_starts()))


def split_run_on(lines: list[Line]) -> list[Line]:
    """A report written on one line becomes one line per title, preamble and 一、 section (all keep the
    source line number); other lines are returned as they are."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if len(text) < _RUN_ON or not _RUN_ON_HEADING.search(text):
            out.append(line)
            continue
        title = _RUN_ON_TITLE.match(text) if not out else None
        if title:
            out.append(Line(line.no, title.group(1)))
            text = text[title.end() :].strip()
        out.extend(Line(line.no, part.strip()) for part in _RUN_ON_CUT.split(text) if part.strip())
    return out


def segment(lines: list[Line]) -> Outline:
    """Build the outline: title, preamble (``sections[0]``), then every heading with its body."""
    lines = split_run_on(unwrap(lines))
    outline = Outline()
    root = Section("", "", "", 0, lines[0].no if lines else 0, None)
    outline.sections.append(root)
    stack: list[str] = []  # numbering styles, outermost first
    current = 0
    last_at_level: dict[int, int] = {0: 0}
    for k, line in enumerate(lines):
        text = line.text
        if _is_title(text, k):
            outline.title, outline.title_line = text, line.no
            continue
        if k <= 2 and _BYLINE.match(text):  # “林庄村党总支书记　张振华” under the title: not a heading
            continue
        found = numbering(text)  # a line starting with ① is a list paragraph, never a heading
        if found is not None and found[0] == "（1）" and "（2）" in found[2]:
            found = None  # （1）…（2）… in one line: a list paragraph
        style = number = body = heading = ""
        if found is not None:
            style, number, rest = found
            heading, body = split_heading(rest)
        elif _plain_heading(text, k + 1 < len(lines)):
            style, heading = "plain", text
        if not style:
            outline.sections[current].paragraphs.extend(paragraphs_of(text, line.no))
            continue
        if style in stack:
            del stack[stack.index(style) + 1 :]
        else:
            stack.append(style)
        level = len(stack)
        parent = last_at_level.get(level - 1, 0)
        section = Section(heading, number, style, level, line.no, parent)
        outline.sections.append(section)
        current = len(outline.sections) - 1
        outline.sections[parent].children.append(current)
        last_at_level[level] = current
        for deeper in [lv for lv in last_at_level if lv > level]:
            del last_at_level[deeper]
        if body:
            section.paragraphs.extend(paragraphs_of(body, line.no))
    _mark_tail(outline)
    return outline


_CLOSING_START = re.compile(
    "(?:^|(?<=[。！？]))(?=(?:在今后的工作中|今后，|新的一年|新的征程上|总之|以上(?:述职|报告)|展望))"
)


def _split_closing(outline: Outline) -> None:
    """A closing sentence written at the end of the report's last item becomes a paragraph of its own."""
    paras = outline.sections[-1].paragraphs
    if not paras or not paras[-1].items:
        return
    item = paras[-1].items[-1]
    m = _CLOSING_START.search(item.body)
    if m:
        closing = item.body[m.start() :].strip()
        item.body = item.body[: m.start()].strip()
        paras.append(Paragraph(item.line, closing))


def _mark_tail(outline: Outline) -> None:
    """The last paragraph of a report with headings is a closing candidate when its section already
    had a body before it (a heading with its own body, then this paragraph)."""
    _split_closing(outline)
    if len(outline.sections) < 2:
        if len(outline.sections[0].paragraphs) >= 2:
            last = outline.sections[0].paragraphs[-1]
            last.tail = not last.items
        return
    last_section = outline.sections[-1]
    if len(last_section.paragraphs) >= 2 and not last_section.paragraphs[-1].items:
        last_section.paragraphs[-1].tail = True
