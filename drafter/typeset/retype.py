"""``drafter format``: re-typeset a Chinese report .docx to GB/T 9704, keeping every character of its text.

What changes: page (A4, margins, 579-twip line pitch), the styles (drafter's own, replacing same-named
ones, theme fonts removed), every body paragraph's shape and every run's font and size by level, leading
spaces or tabs used as indentation (removed; the first-line indent does it), half-width punctuation in
Chinese sentences (made full-width), “ ” — … runs (East Asian font in every slot), page numbers
(— n — in every section's odd and even footers).  What stays: the text, comments, tracked insertions and
deletions (their marks are kept on runs and paragraph marks), highlights, underlines, superscripts,
automatic numbering, tables (their text only gets the body font), pictures and text boxes.

After the work the text is compared with the original (whitespace aside, the changed punctuation folded);
any difference is an error and nothing is written.
"""

from __future__ import annotations

import copy
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]

from drafter.errors import DrafterError, Location
from drafter.typeset.classify import LEVEL_NAMES, SPACES, Classified, classify
from drafter.typeset.punct import comparable, fullwidth
from drafter.typeset.wordfile import (
    Styles,
    body_paragraphs,
    open_docx,
    own_runs,
    para_info,
    paragraph_text,
    style_id,
    text_nodes,
)
from drafter.writers.docx.layout import (
    AMBIGUOUS_PUNCTUATION,
    FOOTER_DISTANCE,
    HEADER_DISTANCE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Fonts,
)
from drafter.writers.docx.oxml import NSMAP, W_NS, insert_ordered, qn
from drafter.writers.docx.styles import PARA_OF, STYLE_OF, Look, block_look, footer_xml, ppr, rpr, styles_xml

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

# Level → the writer's block kind (（1） is body text in 仿宋; a blank line is an empty body paragraph).
KIND_OF = {
    "title": "title",
    "byline": "byline",
    "heading1": "heading1",
    "heading2": "heading2",
    "heading3": "heading3",
    "heading4": "para",
    "para": "para",
    "signature": "signature",
    "date": "date",
    "blank": "para",
}
# Run properties a user's formatting keeps: tracked-change marks, comment/hyperlink character styles,
# highlights, underlines, strike-through, super/subscript, hidden text.
_KEEP_RPR = (
    "w:rStyle",
    "w:strike",
    "w:dstrike",
    "w:vanish",
    "w:highlight",
    "w:u",
    "w:vertAlign",
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rPrChange",
)
_KEEP_PPR = ("w:numPr", "w:sectPr", "w:pPrChange")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass
class Report:
    """What ``format`` did (or would do), in Chinese lines for the terminal."""

    levels: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)
    unclassified: list[tuple[int, str, str]] = field(default_factory=list)  # paragraph, excerpt, why
    spaces_removed: int = 0
    punctuation_changed: int = 0

    def lines(self) -> list[str]:
        out = ["识别结果：" + "，".join(f"{LEVEL_NAMES[k]} {n} 段" for k, n in self.levels.items() if n)]
        out += self.changes
        if self.spaces_removed:
            out.append(f"删去段首用来缩进的空格或制表符 {self.spaces_removed} 个（改用首行缩进 2 字）")
        if self.punctuation_changed:
            out.append(f"中文句子中的半角标点改为全角 {self.punctuation_changed} 处")
        return out


def _parse(xml: str) -> Any:
    """An element from the writer's markup (which relies on the w: prefix declared on the part's root)."""
    wrapped = etree.fromstring(f'<root xmlns:w="{W_NS}" xmlns:r="{NSMAP["r"]}">{xml}</root>')
    return wrapped[0]


# ---------------------------------------------------------------------------------------------
# Styles


def install_styles(word: WordDocument, fonts: Fonts) -> dict[str, str]:
    """Replace the document defaults and the styles drafter defines (same id or same name) with drafter's;
    strip theme fonts from every other style.  Returns old style id → new id."""
    root = word.styles.element
    ours = etree.fromstring(styles_xml(fonts).split("?>", 1)[1].strip().encode("utf-8"))
    new_styles = list(ours.iterchildren(qn("w:style")))
    by_name = {_style_name(s).lower(): s.get(qn("w:styleId")) for s in new_styles}
    ids = {s.get(qn("w:styleId")) for s in new_styles}
    renamed: dict[str, str] = {}
    for old in list(root.iterchildren(qn("w:style"))):
        sid = old.get(qn("w:styleId"))
        target = sid if sid in ids else by_name.get(_style_name(old).lower())
        if target is not None and old.get(qn("w:type")) == _type_of(new_styles, target):
            renamed[sid] = target
            root.remove(old)
    for old in root.findall(qn("w:docDefaults")):
        root.remove(old)
    root.insert(0, ours.find(qn("w:docDefaults")))
    for style in new_styles:
        root.append(style)
    for el in root.iter(qn("w:basedOn"), qn("w:next"), qn("w:link")):
        if el.get(qn("w:val")) in renamed:
            el.set(qn("w:val"), renamed[el.get(qn("w:val"))])
    for rfonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
    return renamed


def _style_name(style: Any) -> str:
    name = style.find(qn("w:name"))
    return str(name.get(qn("w:val"))) if name is not None else ""


def _type_of(styles: list[Any], style_id: str) -> str | None:
    return next((s.get(qn("w:type")) for s in styles if s.get(qn("w:styleId")) == style_id), None)


# ---------------------------------------------------------------------------------------------
# Paragraphs and runs


def _new_rpr(old: Any, look: Look) -> Any:
    new = _parse(rpr(look))
    if old is not None:
        for tag in _KEEP_RPR:
            kept = old.find(qn(tag))
            if kept is not None:
                insert_ordered(new, copy.deepcopy(kept))
    return new


def _set_rpr(run: Any, look: Look) -> None:
    old = run.find(qn("w:rPr"))
    new = _new_rpr(old, look)
    if old is not None:
        run.replace(old, new)
    else:
        run.insert(0, new)


def _no_numbering(el: Any) -> bool:
    """A w:numPr saying "no list" (numId 0, as LibreOffice writes it)."""
    num = el.find(qn("w:numId")) if el.tag == qn("w:numPr") else None
    return num is not None and num.get(qn("w:val")) == "0"


def _numbering_from_style(p: Any, styles: Styles) -> Any:
    """The w:numPr a paragraph's style gives it (automatic numbering that must survive the restyle)."""
    for style in styles.chain(style_id(p)):
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num is not None:
            return copy.deepcopy(num)
    return None


def restyle_paragraph(p: Any, cls: Classified, fonts: Fonts, styles: Styles) -> None:
    kind = KIND_OF[cls.level]
    old = p.find(qn("w:pPr"))
    inherited = _numbering_from_style(p, styles)
    new = _parse(ppr(PARA_OF[kind], STYLE_OF[kind], block_look(kind, fonts)))
    if old is not None:
        for tag in _KEEP_PPR:
            kept = old.find(qn(tag))
            if kept is not None and not _no_numbering(kept):
                insert_ordered(new, copy.deepcopy(kept))
        mark = old.find(qn("w:rPr"))
        if mark is not None:
            insert_ordered(new, _new_rpr(mark, block_look(kind, fonts)))
        p.replace(old, new)
    else:
        p.insert(0, new)
    if inherited is not None and not _no_numbering(inherited) and new.find(qn("w:numPr")) is None:
        insert_ordered(new, inherited)
    body = block_look(kind, fonts)
    heading = block_look(KIND_OF[cls.run_in_level], fonts) if cls.run_in_level else body
    if cls.run_in:
        _split_runs_at(p, cls.run_in)
    offset = 0
    for run in list(own_runs(p)):
        _set_rpr(run, heading if offset < cls.run_in else body)
        offset += len(_run_text(run))
    for run in list(own_runs(p)):
        _isolate_punctuation(run)


def _run_text(run: Any) -> str:
    return "".join(
        (t.text or "")
        if t.tag == qn("w:t")
        else "\t"
        if t.tag == qn("w:tab")
        else "\n"
        if t.tag in (qn("w:br"), qn("w:cr"))
        else ""
        for t in run
    )


def _simple(run: Any) -> bool:
    """A run holding only text (the kind that can be split without touching fields or drawings)."""
    return all(child.tag in (qn("w:rPr"), qn("w:t")) for child in run)


def _split_run(run: Any, pieces: list[str]) -> list[Any]:
    """Replace a simple run by one run per piece of its text (same properties)."""
    parent = run.getparent()
    index = parent.index(run)
    rpr_el = run.find(qn("w:rPr"))
    out = []
    for offset, piece in enumerate(pieces):
        new = etree.SubElement(parent, qn("w:r"))
        parent.remove(new)
        if rpr_el is not None:
            new.append(copy.deepcopy(rpr_el))
        t = etree.SubElement(new, qn("w:t"))
        t.text = piece
        if piece != piece.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        parent.insert(index + offset, new)
        out.append(new)
    parent.remove(run)
    return out


def _split_runs_at(p: Any, cut: int) -> None:
    offset = 0
    for run in list(own_runs(p)):
        text = _run_text(run)
        if offset < cut < offset + len(text) and _simple(run):
            _split_run(run, [text[: cut - offset], text[cut - offset :]])
            return
        offset += len(text)


def _isolate_punctuation(run: Any) -> None:
    """“ ” ‘ ’ — … · in runs of their own whose every font slot names the East Asian font."""
    text = _run_text(run)
    if not any(ch in AMBIGUOUS_PUNCTUATION for ch in text):
        return
    if all(ch in AMBIGUOUS_PUNCTUATION for ch in text):
        _east_asian_everywhere(run)
        return
    if not _simple(run):
        return
    pieces: list[str] = []
    for ch in text:
        if pieces and (ch in AMBIGUOUS_PUNCTUATION) == (pieces[-1][-1] in AMBIGUOUS_PUNCTUATION):
            pieces[-1] += ch
        else:
            pieces.append(ch)
    for new in _split_run(run, pieces):
        if _run_text(new)[0] in AMBIGUOUS_PUNCTUATION:
            _east_asian_everywhere(new)


def _east_asian_everywhere(run: Any) -> None:
    rfonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if rfonts is not None and rfonts.get(qn("w:eastAsia")):
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rfonts.set(qn(attr), rfonts.get(qn("w:eastAsia")))


def edit_text(p: Any, change: Callable[[str], list[str]]) -> int:
    """Apply ``change`` (the paragraph's w:t text → one replacement string per character) to the w:t nodes
    in place; returns how many characters changed."""
    nodes = text_nodes(p)
    full = "".join(t.text or "" for t in nodes)
    new = change(full)
    changed = sum(a != b for a, b in zip(full, new, strict=True))
    if not changed:
        return 0
    position = 0
    for t in nodes:
        length = len(t.text or "")
        t.text = "".join(new[position : position + length])
        position += length
        if t.text != t.text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return changed


def _strip_leading(text: str) -> list[str]:
    chars = list(text)
    for i, ch in enumerate(text):
        if ch not in SPACES:
            break
        chars[i] = ""
    return chars


def _drop_leading_tabs(p: Any) -> int:
    removed = 0
    for run in list(own_runs(p)):
        for child in list(run):
            if child.tag == qn("w:tab"):
                run.remove(child)
                removed += 1
            elif child.tag == qn("w:t") and (child.text or "").strip(SPACES):
                return removed
    return removed


# ---------------------------------------------------------------------------------------------
# Tables, sections, footers


def restyle_tables(word: WordDocument, fonts: Fonts) -> int:
    """Cells keep their sizes and layout; their text gets the body font (仿宋) and the Latin font."""
    count = 0
    for table in word.element.body.iter(qn("w:tbl")):
        for run in table.iter(qn("w:r")):
            rpr_el = run.find(qn("w:rPr"))
            if rpr_el is None:
                rpr_el = etree.SubElement(run, qn("w:rPr"))
                run.remove(rpr_el)
                run.insert(0, rpr_el)
            rfonts = etree.Element(qn("w:rFonts"))
            for attr, name in (
                ("w:ascii", fonts.latin),
                ("w:hAnsi", fonts.latin),
                ("w:eastAsia", fonts.body),
                ("w:cs", fonts.latin),
                ("w:hint", "eastAsia"),
            ):
                rfonts.set(qn(attr), name)
            insert_ordered(rpr_el, rfonts)
            count += 1
    return count


def _landscape(section: Any) -> bool:
    width, height = section.page_width, section.page_height
    return width is not None and height is not None and int(width) > int(height)


def _even_header_like_odd(section: Any, report: Report) -> None:
    """Odd and even pages now differ (for the page numbers): a header the document had on every page is
    copied to the even pages, so it does not disappear there."""
    header, even = section.header, section.even_page_header
    if header.is_linked_to_previous or not even.is_linked_to_previous:
        return
    if not "".join(t.text or "" for t in header._element.iter(qn("w:t"))).strip():
        return
    even.is_linked_to_previous = False
    target = even._element
    for child in list(target):
        target.remove(child)
    for child in header._element:
        target.append(copy.deepcopy(child))
    report.changes.append("页眉：原有的页眉同样放到双页上（GB/T 9704 公文一般不用页眉，可自行删去）")


def setup_sections(word: WordDocument, fonts: Fonts, report: Report) -> None:
    from docx.shared import Twips

    word.settings.odd_and_even_pages_header_footer = True
    for index, section in enumerate(word.sections):
        if _landscape(section):  # a wide table's page stays landscape: A4 turned, its margins as they were
            section.page_width, section.page_height = Twips(PAGE_HEIGHT), Twips(PAGE_WIDTH)
            report.changes.append(f"第{index + 1}节是横向页面，保持横向（A4），页边距未改")
        else:
            section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
            section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
            section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
        section.gutter = Twips(0)
        sect = section._sectPr
        grid = sect.find(qn("w:docGrid"))
        if grid is None:
            grid = insert_ordered(sect, etree.Element(qn("w:docGrid")))
        grid.attrib.clear()
        grid.set(qn("w:linePitch"), str(LINE_PITCH))
        title_pg = sect.find(qn("w:titlePg"))
        if title_pg is not None:
            sect.remove(title_pg)
            report.changes.append("首页也显示页码（取消了“首页不同”）")
        if index:
            section.footer.is_linked_to_previous = True
            section.even_page_footer.is_linked_to_previous = True
            continue
        _even_header_like_odd(section, report)
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            element = footer._element
            for child in list(element):
                element.remove(child)
            part = etree.fromstring(footer_xml(fonts, odd=odd).split("?>", 1)[1].strip().encode("utf-8"))
            element.append(part.find(qn("w:p")))
    report.changes.append("页面：A4，上 37 毫米、下 35 毫米、左 28 毫米、右 26 毫米，每页 22 行、每行 28 字")
    report.changes.append("页码：4 号宋体“— 1 —”，单页居右、双页居左")


def _theme_and_font_table(word: WordDocument, fonts: Fonts) -> None:
    """A theme whose fonts are the document's (added when missing, as LibreOffice leaves it out); a font
    table naming drafter's fonts and only those other fonts the document still uses."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from drafter.writers.docx.skeleton import font_table_xml, theme_xml

    part = word.part
    themes = [
        rel.target_part
        for rel in part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.THEME and not rel.is_external
    ]
    if themes:
        themes[0]._blob = _theme_fonts(themes[0].blob, fonts)
    else:
        theme = Part(
            PackURI("/word/theme/theme1.xml"),
            CONTENT_TYPE.OFC_THEME,
            theme_xml(fonts).encode("utf-8"),
            part.package,
        )
        part.relate_to(theme, RELATIONSHIP_TYPE.THEME)
    tables = [
        rel.target_part
        for rel in part.rels.values()
        if rel.reltype == RELATIONSHIP_TYPE.FONT_TABLE and not rel.is_external
    ]
    ours = etree.fromstring(font_table_xml(fonts).split("?>", 1)[1].strip().encode("utf-8"))
    if tables:
        used = _fonts_in_use(word)
        old = etree.fromstring(tables[0].blob)
        names = {f.get(qn("w:name")) for f in ours}
        for entry in old.iterchildren(qn("w:font")):
            if entry.get(qn("w:name")) in used and entry.get(qn("w:name")) not in names:
                ours.append(copy.deepcopy(entry))
        tables[0]._blob = etree.tostring(ours, xml_declaration=True, encoding="UTF-8", standalone=True)


def _theme_fonts(blob: bytes, fonts: Fonts) -> bytes:
    """An existing theme with drafter's fonts as its heading and body fonts, and no per-script fonts."""
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root = etree.fromstring(blob)
    for tag, east_asia in (("majorFont", fonts.heading1), ("minorFont", fonts.body)):
        for font_set in root.iter(ns + tag):
            for child in list(font_set):
                if child.tag == ns + "font":
                    font_set.remove(child)
                elif child.tag in (ns + "latin", ns + "cs"):
                    child.set("typeface", fonts.latin)
                elif child.tag == ns + "ea":
                    child.set("typeface", east_asia)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _fonts_in_use(word: WordDocument) -> set[str]:
    roots = [word.element, word.styles.element]
    roots += [
        rel.target_part.element
        for rel in word.part.rels.values()
        if not rel.is_external and hasattr(rel.target_part, "element")
    ]
    used: set[str] = set()
    for root in roots:
        for rfonts in root.iter(qn("w:rFonts")):
            used |= {v for k, v in rfonts.attrib.items() if k.endswith(("ascii", "hAnsi", "eastAsia", "cs"))}
    return used


def _drop_styles_with_effects(word: WordDocument) -> None:
    """Word 2010's copy of the styles part would contradict the new styles (Word regenerates it)."""
    part = word.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)


# ---------------------------------------------------------------------------------------------
# The whole document


def all_text(word: WordDocument) -> str:
    """Every paragraph's text in the body, tables included, for the before/after comparison."""
    return "\n".join(paragraph_text(p) for p in word.element.body.iter(qn("w:p")))


def _wants_blank_line(previous: str, level: str) -> bool:
    """A line's space (not a new paragraph: the text stays as it is) between the title block and the body,
    and before the signature, where the document has no empty paragraph there."""
    if previous in ("title", "byline"):
        return level not in ("title", "byline", "blank")
    return (
        previous not in ("blank", "signature")
        and level in ("signature", "date")
        and (level == "signature" or previous != "signature")
    )


_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def _valid_comment_dates(word: WordDocument) -> None:
    """Comments and tracked changes keep their text; a date that is not a real date (LibreOffice writes
    0-00-00T00:00:00Z for comments without one) is dropped, as the attribute is optional."""
    parts = [
        word.part,
        *(
            rel.target_part
            for rel in word.part.rels.values()
            if not rel.is_external and rel.reltype.endswith("/comments")
        ),
    ]
    for part in parts:
        element = getattr(part, "element", None)
        if element is None:
            element = getattr(part, "_element", None)
        if element is None:
            continue
        for node in element.iter():
            date = node.get(qn("w:date"))
            if date is not None and not _DATE_TIME.match(date):
                del node.attrib[qn("w:date")]


def retype_document(word: WordDocument, fonts: Fonts) -> Report:
    """Re-typeset ``word`` in place; what was done."""
    report = Report()
    styles = Styles(word)
    paragraphs = body_paragraphs(word)
    levels = classify([para_info(p, styles) for p in paragraphs])
    for number, (p, cls) in enumerate(zip(paragraphs, levels, strict=True), start=1):
        report.levels[cls.level] += 1
        if cls.doubt:
            report.unclassified.append((number, paragraph_text(p).strip()[:20], cls.doubt))
        report.spaces_removed += _drop_leading_tabs(p) + edit_text(p, _strip_leading)
        report.punctuation_changed += edit_text(p, lambda text: list(fullwidth(text)))
    previous = "blank"
    for p, cls in zip(paragraphs, levels, strict=True):
        restyle_paragraph(p, cls, fonts, styles)
        if _wants_blank_line(previous, cls.level):
            spacing = p.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
            spacing.set(qn("w:before"), str(LINE_PITCH))
        previous = cls.level
    renamed = install_styles(word, fonts)
    for el in word.element.body.iter(qn("w:pStyle")):
        if el.get(qn("w:val")) in renamed:
            el.set(qn("w:val"), renamed[el.get(qn("w:val"))])
    cells = restyle_tables(word, fonts)
    if cells:
        report.changes.append(f"表格中的文字改用{fonts.body}（{cells} 处），字号和表格布局不变")
    setup_sections(word, fonts, report)
    _valid_comment_dates(word)
    _drop_styles_with_effects(word)
    _theme_and_font_table(word, fonts)
    for num in list(word.styles.element.iter(qn("w:numPr"))):
        if _no_numbering(num):
            num.getparent().remove(num)
    report.changes.insert(
        0,
        "字体字号：标题 2 号"
        + fonts.title
        + "，一级标题 3 号"
        + fonts.heading1
        + "，二级标题 3 号"
        + fonts.heading2
        + "，三级标题和正文 3 号"
        + fonts.body
        + "；行距固定 28.95 磅，首行缩进 2 字",
    )
    return report


def retype(path: Path, fonts: Fonts | None = None) -> tuple[bytes, Report]:
    """The bytes of ``path`` re-typeset, and the report; raises DrafterError if the text would change."""
    fonts = fonts or Fonts()
    word = open_docx(path)
    before = all_text(word)
    report = retype_document(word, fonts)
    after = all_text(word)
    if comparable(before) != comparable(after):
        raise DrafterError(
            "排版后的文字与原文不一致，为安全起见没有写入",
            location=Location(path),
            hint="请把这个文件反馈给 drafter 的维护者",
        )
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), report


def dry_run_report(path: Path, fonts: Fonts | None = None) -> Report:
    """What :func:`retype` would do, without writing anything."""
    return retype(path, fonts)[1]


__all__ = ["Report", "dry_run_report", "retype", "retype_document"]
