"""Layout findings for ``drafter lint 文件.docx``: page, margins, line pitch, fonts and sizes per level,
first-line indent, page numbers, measured against GB/T 9704-2012 and drafter's fonts.

Each finding says where (第几节 / 第几段, and how many more paragraphs share it), what is wrong, and how
to fix it (by hand in Word/WPS, or all at once with ``drafter format`` / ``drafter lint --fix``).  Paragraph
numbers count the body's paragraphs as the text checks do.  Fonts are matched by family (仿宋 for
仿宋_GB2312 or 仿宋), so a document in the free stand-ins passes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.lint.checks import Finding
from drafter.typeset.classify import LEVEL_NAMES, SPACES, Classified, classify
from drafter.typeset.wordfile import (
    Styles,
    body_paragraphs,
    open_docx,
    own_runs,
    para_info,
    paragraph_text,
    ppr_value,
    run_value,
)
from drafter.writers.docx.layout import (
    INDENT_2_CHARS,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SZ_BODY,
    SZ_TITLE,
    Fonts,
)
from drafter.writers.docx.oxml import qn

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

SOURCE = "GB/T 9704-2012《党政机关公文格式》5.2 版面、7.3 正文、7.5 页码"
FIX = "运行 drafter format（或 drafter lint --fix）可一次改好"
TOLERANCE = 57  # twips: 1 mm
LINE_RANGE = (560, 590)  # exact line spacing 28–29.5 pt gives 22 lines on the page
FAMILY_OF = {
    "title": "小标宋",
    "byline": "楷体",
    "heading1": "黑体",
    "heading2": "楷体",
    "heading3": "仿宋",
    "heading4": "仿宋",
    "para": "仿宋",
    "signature": "仿宋",
    "date": "仿宋",
}
_INDENTED = ("heading1", "heading2", "heading3", "heading4", "para")


@dataclass(frozen=True)
class _Issue:
    rule: str
    message: str
    suggestion: str


def _mm(twips: int) -> str:
    return f"{twips / 56.7:.0f} 毫米"


def check_layout(path: Path, fonts: Fonts | None = None) -> list[Finding]:
    """Every layout finding in the .docx at ``path``."""
    return check_document(open_docx(path), fonts or Fonts())


def check_document(word: WordDocument, fonts: Fonts) -> list[Finding]:
    findings = _page_findings(word)
    styles = Styles(word)
    paragraphs = body_paragraphs(word)
    levels = classify([para_info(p, styles) for p in paragraphs])
    grouped: dict[tuple[str, str], list[tuple[int, str, _Issue]]] = {}
    for number, (p, cls) in enumerate(zip(paragraphs, levels, strict=True), start=1):
        for issue in _paragraph_issues(p, cls, styles, fonts):
            grouped.setdefault((issue.rule, issue.message), []).append((number, paragraph_text(p), issue))
    for hits in grouped.values():
        number, text, issue = hits[0]
        more = f"（共 {len(hits)} 段，首见于此）" if len(hits) > 1 else ""
        findings.append(
            Finding(
                issue.rule,
                "warning",
                issue.message + more,
                number,
                1,
                text.strip()[:24],
                issue.suggestion,
                SOURCE,
            )
        )
    findings += _footer_findings(word)
    return findings


def _page_findings(word: WordDocument) -> list[Finding]:
    out: list[Finding] = []
    for index, section in enumerate(word.sections, start=1):
        where = f"第{index}节" if len(word.sections) > 1 else "页面设置"
        width, height = _twips(section.page_width), _twips(section.page_height)
        if width > height:  # a landscape page for a wide table: A4 turned, margins are the author's choice
            width, height = height, width
            if abs(width - PAGE_WIDTH) > TOLERANCE or abs(height - PAGE_HEIGHT) > TOLERANCE:
                out.append(
                    Finding(
                        "layout-page",
                        "warning",
                        f"{where}：横向页面不是 A4",
                        0,
                        1,
                        where,
                        "布局 → 纸张大小 → A4；" + FIX,
                        SOURCE,
                    )
                )
            continue
        if abs(width - PAGE_WIDTH) > TOLERANCE or abs(height - PAGE_HEIGHT) > TOLERANCE:
            out.append(
                Finding(
                    "layout-page",
                    "warning",
                    f"{where}：纸张不是 A4（{_mm(width)} × {_mm(height)}）",
                    0,
                    1,
                    where,
                    "布局 → 纸张大小 → A4（210 × 297 毫米）；" + FIX,
                    SOURCE,
                )
            )
        wanted = {
            "上": (section.top_margin, MARGIN_TOP),
            "下": (section.bottom_margin, MARGIN_BOTTOM),
            "左": (section.left_margin, MARGIN_LEFT),
            "右": (section.right_margin, MARGIN_RIGHT),
        }
        wrong = [
            f"{side} {_mm(_twips(got))}（应为 {_mm(want)}）"
            for side, (got, want) in wanted.items()
            if abs(_twips(got) - want) > TOLERANCE
        ]
        if wrong:
            out.append(
                Finding(
                    "layout-margin",
                    "warning",
                    f"{where}：页边距不对：" + "，".join(wrong),
                    0,
                    1,
                    where,
                    "布局 → 页边距 → 自定义：上 37、下 35、左 28、右 26 毫米；" + FIX,
                    SOURCE,
                )
            )
    return out


def _twips(length: Any) -> int:
    return int(length.twips) if length is not None else 0


def _paragraph_issues(p: Any, cls: Classified, styles: Styles, fonts: Fonts) -> Iterable[_Issue]:
    if cls.level == "blank":
        return
    name = LEVEL_NAMES[cls.level]
    text = paragraph_text(p)
    yield from _line_issue(p, styles, name)
    if cls.level in _INDENTED:
        if text[:1] in SPACES:
            yield _Issue(
                "layout-indent", f"{name}用空格或制表符缩进", "删去段首空格，改用“首行缩进 2 字符”；" + FIX
            )
        elif not _indented(p, styles):
            yield _Issue(
                "layout-indent", f"{name}没有首行缩进 2 字", "段落 → 特殊格式：首行缩进，2 字符；" + FIX
            )
    yield from _font_issues(p, cls, styles, fonts, name)


def _line_issue(p: Any, styles: Styles, name: str) -> Iterable[_Issue]:
    rule = ppr_value(p, styles, "w:spacing", "w:lineRule")
    line = ppr_value(p, styles, "w:spacing", "w:line")
    exact = rule == "exact" and line is not None and LINE_RANGE[0] <= int(line) <= LINE_RANGE[1]
    if not exact:
        shown = (
            f"固定值 {int(line) / 20:g} 磅"
            if rule == "exact" and line
            else (f"{int(line) / 240:g} 倍行距" if line else "单倍行距")
        )
        yield _Issue(
            "layout-line",
            f"{name}行距为{shown}，每页不是 22 行",
            f"段落 → 行距：固定值 {LINE_PITCH / 20:g} 磅；" + FIX,
        )


def _indented(p: Any, styles: Styles) -> bool:
    chars = ppr_value(p, styles, "w:ind", "w:firstLineChars")
    if chars is not None and chars != "0":
        return int(chars) == 200
    first = ppr_value(p, styles, "w:ind", "w:firstLine")
    return first is not None and abs(int(first) - INDENT_2_CHARS) <= 40


def _font_issues(p: Any, cls: Classified, styles: Styles, fonts: Fonts, name: str) -> Iterable[_Issue]:
    family = FAMILY_OF[cls.level]
    wanted_size = SZ_TITLE if cls.level == "title" else SZ_BODY
    heading_family = FAMILY_OF.get(cls.run_in_level or "", family)
    offset = 0
    seen_font = seen_size = False
    for run in own_runs(p):
        text = "".join(t.text or "" for t in run.iterchildren(qn("w:t")))
        start, offset = offset, offset + len(text)
        if not text.strip():
            continue
        expected = heading_family if start < cls.run_in else family
        font = _east_asia(run, p, styles)
        if not seen_font and not _matches(font, expected, fonts):
            seen_font = True
            yield _Issue(
                "layout-font",
                f"{name}的字体是“{font or '未指定（由主题决定）'}”，应为{expected}",
                f"选中后把“中文字体”设为{expected}；" + FIX,
            )
        size = run_value(run, p, styles, "w:sz", "w:val")
        if not seen_size and (size is None or int(size) != wanted_size):
            seen_size = True
            shown = f"{int(size) / 2:g} 磅" if size else "未指定"
            yield _Issue(
                "layout-size",
                f"{name}的字号为{shown}，应为{'二号（22 磅）' if wanted_size == SZ_TITLE else '三号（16 磅）'}",
                "开始 → 字号；" + FIX,
            )


def _east_asia(run: Any, p: Any, styles: Styles) -> str:
    if run_value(run, p, styles, "w:rFonts", "w:eastAsiaTheme") and not _own_east_asia(run):
        return ""
    return run_value(run, p, styles, "w:rFonts", "w:eastAsia") or ""


def _own_east_asia(run: Any) -> bool:
    rfonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return rfonts is not None and rfonts.get(qn("w:eastAsia")) is not None


def _matches(font: str, family: str, fonts: Fonts) -> bool:
    configured = {"小标宋": fonts.title, "黑体": fonts.heading1, "楷体": fonts.heading2, "仿宋": fonts.body}
    return bool(font) and (family in font or font == configured[family])


def _footer_findings(word: WordDocument) -> list[Finding]:
    section = word.sections[0]
    footers = [section.footer]
    if word.settings.odd_and_even_pages_header_footer:
        footers.append(section.even_page_footer)
    for footer in footers:
        element = footer._element if not footer.is_linked_to_previous else None
        if element is None or not _has_page_field(element):
            return [
                Finding(
                    "layout-page-number",
                    "warning",
                    "页脚没有页码（或单双页之一没有）",
                    0,
                    1,
                    "页脚",
                    "插入 → 页码 → 页面底端，格式“— 1 —”，4 号宋体，单页居右、双页居左；" + FIX,
                    SOURCE,
                )
            ]
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        if "—" not in text:
            return [
                Finding(
                    "layout-page-number",
                    "info",
                    "页码两边没有一字线（应为“— 1 —”）",
                    0,
                    1,
                    "页脚",
                    "在页码前后各加“— ”和“ —”；" + FIX,
                    SOURCE,
                )
            ]
    return []


def _has_page_field(element: Any) -> bool:
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr")) or "" for f in element.iter(qn("w:fldSimple"))]
    return any("PAGE" in i.upper() for i in instructions)
