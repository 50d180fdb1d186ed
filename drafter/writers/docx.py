"""The Word (.docx) writer: renders a :class:`drafter.model.Document` in GB/T 9704-2012 layout.

This is the only module that imports python-docx.  It owns the page setup (A4, 37/35/28/26 mm
margins, exact 579-twip lines giving 22 lines x 28 characters), the font table (every East Asian
font explicit, no theme fonts, zh-CN language), the odd/even ``— 1 —`` page-number footers, the
yellow highlight and Word comment on every missing-fact placeholder, and a byte-reproducible
package (fixed timestamps, fixed zip entry order and dates).  The caller writes the bytes.

python-docx builds the parts that depend only on the fonts once per process and font set (the
skeleton); each draft's body, comments and core properties are then written as XML text, which is
what python-docx itself would have serialised, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, get_args

from drafter.errors import DrafterError, Location
from drafter.model import PH_CLOSE, PH_OPEN, Document, Span, SpanRole

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.part import Part
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph

# python-docx is imported inside the functions that build the package skeleton: the skeleton is cached
# on disk (drafter.cache), so a cold `drafter render` usually never needs to import python-docx at all.

__all__ = ["Fonts", "render_docx"]

# ---------------------------------------------------------------------------------------------
# Layout figures (twips unless stated; see docs/design gbt9704.md)

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
HEADER_DISTANCE, FOOTER_DISTANCE = 851, 1423
LINE_PITCH = 579  # exact line height: 22 lines fill the 225 mm type area
_CHAR = 320  # one 16 pt character
INDENT_2_CHARS = 2 * _CHAR
PAGE_NUMBER_INDENT = 280  # one 14 pt character
CONDENSE = -5  # w:spacing in twentieths of a point: 28 x (16 - 0.25) pt fits the 156 mm line

SZ_TITLE = 44  # half-points: 二号 22 pt
SZ_BODY = 32  # 三号 16 pt
SZ_PAGE_NUMBER = 28  # 四号 14 pt
SZ_COMMENT = 21  # 五号 10.5 pt

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
COMMENT_AUTHOR = "drafter"

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# XML 1.0 cannot carry C0 controls (but tab, LF, CR), lone surrogates or U+FFFE/FFFF; the model's
# placeholder sentinels (private-use U+E000/E001) must never reach Word either, where they show as boxes.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff" + PH_OPEN + PH_CLOSE + "]")


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF) and stray
    placeholder sentinels."""
    return _FORBIDDEN.sub("", text)


# ---------------------------------------------------------------------------------------------
# Fonts


_FONT_KEYS: dict[str, str] = {
    "标题": "title",
    "一级": "heading1",
    "二级": "heading2",
    "正文": "body",
    "页码": "page_number",
    "西文": "latin",
}


@dataclass(frozen=True)
class Fonts:
    """Font names for each element; the defaults are the conventional 公文 fonts."""

    title: str = "方正小标宋简体"  # 二号 22 pt, centred
    heading1: str = "黑体"  # 一、 level, 三号 16 pt
    heading2: str = "楷体_GB2312"  # （一） level and run-in （一） headings; also the byline
    body: str = "仿宋_GB2312"  # body 16 pt; heading3 (1.) uses it in bold
    page_number: str = "宋体"  # 四号 14 pt
    latin: str = "Times New Roman"  # w:ascii / w:hAnsi: digits and Latin letters

    @classmethod
    def with_overrides(cls, pairs: Mapping[str, str]) -> Fonts:
        """Defaults with some names replaced.  Keys are 标题 一级 二级 正文 页码 西文 or field names."""
        names = {f.name for f in fields(cls)}
        changes: dict[str, str] = {}
        for key, value in pairs.items():
            name = _FONT_KEYS.get(str(key).strip(), str(key).strip())
            if name not in names:
                raise DrafterError(
                    f"未知的字体设置项“{key}”",
                    location=Location(key=str(key)),
                    hint="可用的键："
                    + "、".join(_FONT_KEYS)
                    + "（也可写 "
                    + "、".join(_FONT_KEYS.values())
                    + "）",
                )
            font = clean_text(value).strip() if isinstance(value, str) else ""
            if not font:
                raise DrafterError(
                    f"字体设置项“{key}”的字体名为空或不是文字",
                    location=Location(key=str(key)),
                    hint="写出字体名称，例如：正文: 仿宋_GB2312",
                )
            changes[name] = font
        return replace(cls(), **changes)


# ---------------------------------------------------------------------------------------------
# Raw OOXML builders (python-docx has no East Asian font setter; element order follows the schema)


def _el(tag: str, **attrs: str | int) -> BaseOxmlElement:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    return OxmlElement(tag, attrs={qn(f"w:{k}"): str(v) for k, v in attrs.items()})


@dataclass(frozen=True)
class _Look:
    """Character formatting of one run (or of a style / paragraph mark)."""

    east_asia: str
    latin: str
    size: int = SZ_BODY
    bold: bool = False
    condensed: bool = True
    highlight: bool = False


def _rfonts(look: _Look) -> BaseOxmlElement:
    return _el(
        "w:rFonts",
        ascii=look.latin,
        hAnsi=look.latin,
        eastAsia=look.east_asia,
        cs=look.latin,
        hint="eastAsia",
    )


def _rpr(look: _Look) -> BaseOxmlElement:
    """A complete w:rPr in schema order: explicit fonts, size, zh-CN language."""
    rpr = _el("w:rPr")
    rpr.append(_rfonts(look))
    if look.bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    rpr.append(_el("w:spacing", val=CONDENSE if look.condensed else 0))
    rpr.append(_el("w:sz", val=look.size))
    rpr.append(_el("w:szCs", val=look.size))
    if look.highlight:
        rpr.append(_el("w:highlight", val="yellow"))
    rpr.append(_el("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    return rpr


@dataclass(frozen=True)
class _Para:
    """Paragraph formatting of a block kind (or of a style)."""

    jc: str = "both"
    first_line: bool = False  # first-line indent of two characters
    right: int = 0  # right indent in twips (whole characters of 16 pt)
    line: int = LINE_PITCH  # exact line height; 0 means single (auto)
    keep_next: bool = False
    outline: int | None = None
    left: int = 0  # left indent in twips (footer only)


def _ppr(para: _Para, *, style: str | None = None, mark: _Look | None = None) -> BaseOxmlElement:
    """A complete w:pPr in schema order."""
    ppr = _el("w:pPr")
    if style:
        ppr.append(_el("w:pStyle", val=style))
    if para.keep_next:
        ppr.append(_el("w:keepNext"))
    ppr.append(_el("w:widowControl", val=0))
    # No hanging punctuation (Word's 允许标点溢出边界 off): a ，or 。 at a line end must not stick out past
    # the 156 mm type area as a 29th character.  (LibreOffice 7.4 reads this element inverted and hangs
    # punctuation anyway; see tests/test_libreoffice.py.)
    ppr.append(_el("w:overflowPunct", val=0))
    ppr.append(_el("w:autoSpaceDE", val=0))
    ppr.append(_el("w:autoSpaceDN", val=0))
    if para.line:
        ppr.append(_el("w:spacing", before=0, after=0, line=para.line, lineRule="exact"))
    else:
        ppr.append(_el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    ind: dict[str, str | int] = {"left": para.left, "right": para.right}
    if para.right and para.right % _CHAR == 0:  # whole 16 pt characters: say so for Word too
        ind["rightChars"] = para.right // _CHAR * 100
    if para.first_line:
        ind.update(firstLine=INDENT_2_CHARS, firstLineChars=200)
    else:
        ind.update(firstLine=0, firstLineChars=0)
    ppr.append(_el("w:ind", **ind))
    ppr.append(_el("w:jc", val=para.jc))
    if para.outline is not None:
        ppr.append(_el("w:outlineLvl", val=para.outline))
    if mark is not None:
        ppr.append(_rpr(mark))
    return ppr


def _set_ppr(p: Paragraph, ppr: BaseOxmlElement) -> None:
    old = p._p.pPr
    if old is not None:
        p._p.remove(old)
    p._p.insert(0, ppr)


# ---------------------------------------------------------------------------------------------
# Block kinds → styles, paragraph and run formatting


_STYLE_OF: dict[str, str | None] = {
    "title": "Title",
    "byline": "Subtitle",
    "heading1": "Heading1",
    "heading2": "Heading2",
    "heading3": "Heading3",
    "para": None,  # Normal (正文)
    "signature": "Signature",
    "date": "Date",
}

_PARA_OF: dict[str, _Para] = {
    "title": _Para(jc="center"),
    "byline": _Para(jc="center"),
    "heading1": _Para(first_line=True, keep_next=True, outline=0),
    "heading2": _Para(first_line=True, keep_next=True, outline=1),
    "heading3": _Para(first_line=True, keep_next=True, outline=2),
    "para": _Para(first_line=True),
    "signature": _Para(jc="right", right=INDENT_2_CHARS),
    "date": _Para(jc="right", right=INDENT_2_CHARS),
}


def _block_look(kind: str, fonts: Fonts) -> _Look:
    """Formatting of the plain text of a block kind (also its paragraph mark and style)."""
    if kind == "title":
        return _Look(fonts.title, fonts.latin, SZ_TITLE, condensed=False)
    if kind in ("byline", "heading2"):
        return _Look(fonts.heading2, fonts.latin)
    if kind == "heading1":
        return _Look(fonts.heading1, fonts.latin)
    if kind == "heading3":
        return _Look(fonts.body, fonts.latin, bold=True)
    return _Look(fonts.body, fonts.latin)


def _span_look(kind: str, span: Span, fonts: Fonts) -> _Look:
    """A span's formatting: its role picks the font inside body-level blocks (run-in headings)."""
    if kind in ("title", "byline"):
        look = _block_look(kind, fonts)
    elif span.role == "heading1":
        look = _Look(fonts.heading1, fonts.latin)
    elif span.role == "heading2":
        look = _Look(fonts.heading2, fonts.latin)
    elif span.role == "heading3":
        look = _Look(fonts.body, fonts.latin, bold=True)
    else:
        look = _block_look(kind, fonts)
    return replace(look, highlight=span.placeholder is not None)


# ---------------------------------------------------------------------------------------------
# Styles part


_KEEP_STYLES = ("DefaultParagraphFont", "TableNormal", "NoList")


def _style(
    style_id: str,
    name: str,
    ppr: BaseOxmlElement | None,
    rpr: BaseOxmlElement | None,
    *,
    kind: str = "paragraph",
    based_on: str | None = "Normal",
    next_style: str | None = None,
    priority: int | None = None,
    default: bool = False,
    qformat: bool = True,
) -> BaseOxmlElement:
    attrs: dict[str, str] = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = "1"
    style = _el("w:style", **attrs)
    style.append(_el("w:name", val=name))
    if based_on:
        style.append(_el("w:basedOn", val=based_on))
    if next_style:
        style.append(_el("w:next", val=next_style))
    if priority is not None:
        style.append(_el("w:uiPriority", val=priority))
    if qformat:
        style.append(_el("w:qFormat"))
    if ppr is not None:
        style.append(ppr)
    if rpr is not None:
        style.append(rpr)
    return style


def _setup_styles(word: WordDocument, fonts: Fonts) -> None:
    """Keep only the default styles, then define every style used with explicit fonts and sizes."""
    from docx.oxml.ns import qn

    styles = word.styles.element
    body = _block_look("para", fonts)

    # docDefaults: explicit fonts, 16 pt, zh-CN; single spacing so parts without a style stay sane.
    for old in styles.findall(qn("w:docDefaults")):
        styles.remove(old)
    defaults = _el("w:docDefaults")
    rpr_default = _el("w:rPrDefault")
    rpr_default.append(_rpr(replace(body, condensed=False)))
    ppr_default = _el("w:pPrDefault")
    ppr_inner = _el("w:pPr")
    ppr_inner.append(_el("w:overflowPunct", val=0))
    ppr_inner.append(_el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    ppr_default.append(ppr_inner)
    defaults.append(rpr_default)
    defaults.append(ppr_default)
    styles.insert(0, defaults)

    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEEP_STYLES:
            styles.remove(style)

    new: list[BaseOxmlElement] = [
        _style(
            "Normal", "Normal", _ppr(_PARA_OF["para"]), _rpr(body), based_on=None, priority=0, default=True
        ),
        _style(
            "Title",
            "Title",
            _ppr(_PARA_OF["title"]),
            _rpr(_block_look("title", fonts)),
            next_style="Subtitle",
            priority=10,
        ),
        _style(
            "Subtitle",
            "Subtitle",
            _ppr(_PARA_OF["byline"]),
            _rpr(_block_look("byline", fonts)),
            next_style="Normal",
            priority=11,
        ),
    ]
    for level in (1, 2, 3):
        kind = f"heading{level}"
        new.append(
            _style(
                f"Heading{level}",
                f"heading {level}",
                _ppr(_PARA_OF[kind]),
                _rpr(_block_look(kind, fonts)),
                next_style="Normal",
                priority=9,
            )
        )
    new += [
        _style(
            "Signature",
            "Signature",
            _ppr(_PARA_OF["signature"]),
            _rpr(body),
            next_style="Date",
            qformat=False,
        ),
        _style("Date", "Date", _ppr(_PARA_OF["date"]), _rpr(body), next_style="Normal", qformat=False),
        _style(
            "Footer",
            "footer",
            _ppr(_Para(jc="right", line=0)),
            _rpr(_Look(fonts.page_number, fonts.page_number, SZ_PAGE_NUMBER, condensed=False)),
            priority=99,
            qformat=False,
        ),
        _style(
            "CommentText",
            "annotation text",
            _ppr(_Para(jc="left", line=0)),
            _rpr(replace(body, size=SZ_COMMENT, condensed=False)),
            qformat=False,
        ),
        _style(
            "CommentReference",
            "annotation reference",
            None,
            _rpr(replace(body, size=SZ_COMMENT, condensed=False)),
            kind="character",
            based_on="DefaultParagraphFont",
            qformat=False,
        ),
    ]
    for style in new:
        styles.append(style)

    # Belt and braces: no theme font may survive anywhere in the styles part.
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)


# ---------------------------------------------------------------------------------------------
# Package-level setup


def _setup_package(word: WordDocument, fonts: Fonts) -> None:
    """Drop template leftovers (Word 2010 styles copy, US-Letter thumbnail) and fix settings."""
    from docx.oxml.ns import qn

    part = word.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]

    settings = word.settings
    settings.odd_and_even_pages_header_footer = True
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")

    # Font table: declare the Chinese fonts with the GB2312 charset so Word substitutes a Chinese
    # face (not a Japanese or Latin one) when a conventional font such as 仿宋_GB2312 is missing.
    for rel in part.rels.values():
        if rel.reltype.endswith("/fontTable") and not rel.is_external:
            _extend_font_table(rel.target_part, fonts)


def _extend_font_table(table_part: Part, fonts: Fonts) -> None:
    """python-docx loads the font table as an opaque part: parse, extend and re-store its XML."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    element = parse_xml(table_part.blob)
    known = {f.get(qn("w:name")) for f in element.findall(qn("w:font"))}
    chinese = (fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.page_number)
    for name in dict.fromkeys(chinese):
        if name in known:
            continue
        font = _el("w:font", name=name)
        if name.endswith("_GB2312"):
            font.append(_el("w:altName", val=name.removesuffix("_GB2312")))
        font.append(_el("w:charset", val="86"))
        font.append(_el("w:family", val="auto"))
        font.append(_el("w:pitch", val="variable"))
        element.append(font)
    table_part._blob = serialize_part_xml(element)


def _setup_section(word: WordDocument) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Twips

    section = word.sections[0]
    section.page_width = Twips(PAGE_WIDTH)
    section.page_height = Twips(PAGE_HEIGHT)
    section.top_margin = Twips(MARGIN_TOP)
    section.bottom_margin = Twips(MARGIN_BOTTOM)
    section.left_margin = Twips(MARGIN_LEFT)
    section.right_margin = Twips(MARGIN_RIGHT)
    section.header_distance = Twips(HEADER_DISTANCE)
    section.footer_distance = Twips(FOOTER_DISTANCE)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = _el("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:linePitch"), str(LINE_PITCH))  # no w:type: see the design note


def _field_run(look: _Look, child: BaseOxmlElement) -> BaseOxmlElement:
    run = _el("w:r")
    run.append(_rpr(look))
    run.append(child)
    return run


def _text_el(text: str) -> BaseOxmlElement:
    t = _el("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _fill_footer(p: Paragraph, look: _Look, *, odd: bool) -> None:
    """`— PAGE —` in 宋体 14 pt: odd pages right, even pages left, one character in."""
    from docx.oxml.ns import qn

    para = (
        _Para(jc="right", right=PAGE_NUMBER_INDENT, line=0)
        if odd
        else _Para(jc="left", left=PAGE_NUMBER_INDENT, line=0)
    )
    ppr = _ppr(para, style="Footer", mark=look)
    _set_ppr(p, ppr)
    for r in p._p.findall(qn("w:r")):
        p._p.remove(r)
    instr = _el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for child in (
        _text_el("— "),
        _el("w:fldChar", fldCharType="begin"),
        instr,
        _el("w:fldChar", fldCharType="separate"),
        _text_el("1"),
        _el("w:fldChar", fldCharType="end"),
        _text_el(" —"),
    ):
        p._p.append(_field_run(look, child))


def _setup_footers(word: WordDocument, fonts: Fonts) -> None:
    section = word.sections[0]
    look = _Look(fonts.page_number, fonts.page_number, SZ_PAGE_NUMBER, condensed=False)
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraphs = footer.paragraphs
        p = paragraphs[0] if paragraphs else footer.add_paragraph()
        _fill_footer(p, look, odd=odd)


# ---------------------------------------------------------------------------------------------
# The package skeleton: everything that depends only on the fonts, built once per font set with
# python-docx (the builders above), then reused as bytes.  A draft only adds its body, its
# comments and its core properties, written as XML text: python-docx's object model costs far
# more per element than the formatting it carries, and every paragraph of a draft is one of a
# handful of pre-serialised shapes.

_PER_DRAFT = ("word/document.xml", "word/comments.xml", "docProps/core.xml")
_TITLE_MARK = "\ue0f0"  # private-use stand-ins for the core title and author in the skeleton
_AUTHOR_MARK = "\ue0f1"
_CORE_LIMIT = 255  # python-docx refuses longer core properties (render_docx used to raise ValueError)
_W_DECL = ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BREAKS = re.compile("([\t\r\n])")
_COMMENT_TEXT_P = '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
_COMMENT_OPEN = (
    '<w:comment w:id="{id}" w:author="{author}" w:initials="">'
    + _COMMENT_TEXT_P
    + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
)
_COMMENT_END = (
    '<w:commentRangeEnd w:id="{id}"/>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{id}"/></w:r>'
)


@dataclass(frozen=True)
class _Skeleton:
    """The parts of a package for one font set, and the pre-serialised shapes of its body."""

    names: tuple[str, ...]  # every part, in package order
    fixed: Mapping[str, bytes]  # the parts that do not depend on the draft
    document_head: str  # word/document.xml up to and including <w:body>
    document_tail: str  # the section properties to the end of the part
    comments_none: bytes  # word/comments.xml of a draft without comments
    comments_head: str  # its root start tag, for a draft with comments
    core: str  # docProps/core.xml with _TITLE_MARK and _AUTHOR_MARK
    blank: str  # an empty body paragraph
    paragraph_start: Mapping[str, str]  # '<w:p><w:pPr>…</w:pPr>' by block kind
    run_start: Mapping[tuple[str, str, bool], str]  # '<w:r><w:rPr>…</w:rPr>' by kind, role, placeholder


def _escape(text: str) -> str:
    """Character data escaped exactly as lxml writes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attr(text: str) -> str:
    """An attribute value escaped exactly as lxml writes it (in double quotes)."""
    return _escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _fragment(element: BaseOxmlElement) -> str:
    """The markup of ``element`` as it reads inside a part whose root declares the w: prefix."""
    from docx.opc.oxml import serialize_part_xml

    xml = serialize_part_xml(element).decode("utf-8")
    return xml.partition("?>\n")[2].replace(_W_DECL, "", 1)


def _t(text: str) -> str:
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{_escape(text)}</w:t>'
    return f"<w:t>{_escape(text)}</w:t>"


def _run_content(text: str) -> str:
    """A run's text as python-docx writes it: w:t pieces, a w:tab per tab, a w:br per line break."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text)
    out: list[str] = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(_t(piece))
    return "".join(out)


def _comment_xml(number: int, text: str) -> str:
    """A w:comment holding ``text`` (one CommentText paragraph per line), with no date."""
    first, *more = text.split("\n")
    out = [_COMMENT_OPEN.format(id=number, author=_escape_attr(COMMENT_AUTHOR))]
    out.append(f"<w:r>{_run_content(first)}</w:r>" if first else "<w:r/>")
    out.append("</w:p>")
    for line in more:
        out.append(_COMMENT_TEXT_P + (f"<w:r>{_run_content(line)}</w:r>" if line else "") + "</w:p>")
    out.append("</w:comment>")
    return "".join(out)


def _set_core(word: WordDocument, title: str, author: str) -> None:
    core = word.core_properties
    core.title = title
    core.author = author
    core.last_modified_by = author
    core.subject = ""
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.created = FIXED_TIME
    core.modified = FIXED_TIME
    core.revision = 1


def _content_order(name: str) -> tuple[int, str]:
    if name == "[Content_Types].xml":
        return (0, name)
    if name == "_rels/.rels":
        return (1, name)
    return (2, name)


def _broken_template(part: str) -> DrafterError:
    return DrafterError(
        f"python-docx 默认模板的 {part} 结构与预期不符，无法生成 Word 文件",
        hint="请安装 pyproject.toml 中要求的 python-docx 版本",
    )


@functools.lru_cache(maxsize=8)
def _skeleton(fonts: Fonts) -> _Skeleton:
    """The font-dependent package parts, built once per font set (and kept on disk between runs)."""
    from drafter.cache import cached

    return cached("docx-skeleton", (fonts, _WRITER_REVISION), lambda: _build_skeleton(fonts))


# bump when the skeleton's formatting code changes, so on-disk caches of it are rebuilt
_WRITER_REVISION = 1


def _build_skeleton(fonts: Fonts) -> _Skeleton:
    import docx

    word = docx.Document()
    _setup_package(word, fonts)
    _setup_styles(word, fonts)
    _setup_section(word)
    _setup_footers(word, fonts)
    _ = word.comments  # creates the comments part: every package has one, empty or not
    _set_core(word, _TITLE_MARK, _AUTHOR_MARK)
    buffer = io.BytesIO()
    word.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    if any(name not in parts for name in _PER_DRAFT):
        raise _broken_template("package")

    document = parts["word/document.xml"].decode("utf-8")
    head, body, rest = document.partition("<w:body>")
    if not body or not rest.startswith("<w:sectPr"):
        raise _broken_template("word/document.xml")
    comments = parts["word/comments.xml"]
    comments_xml = comments.decode("utf-8")
    if not comments_xml.endswith("/>") or "<w:comment " in comments_xml:
        raise _broken_template("word/comments.xml")
    core = parts["docProps/core.xml"].decode("utf-8")
    if _TITLE_MARK not in core or _AUTHOR_MARK not in core:
        raise _broken_template("docProps/core.xml")

    paragraph_start = {
        kind: "<w:p>" + _fragment(_ppr(para, style=_STYLE_OF[kind], mark=_block_look(kind, fonts)))
        for kind, para in _PARA_OF.items()
    }
    looks = {
        (kind, role, placeholder): _span_look(kind, Span("", role, "" if placeholder else None), fonts)
        for kind in _PARA_OF
        for role in get_args(SpanRole)
        for placeholder in (False, True)
    }
    rprs = {look: "<w:r>" + _fragment(_rpr(look)) for look in dict.fromkeys(looks.values())}
    return _Skeleton(
        names=tuple(sorted(parts, key=_content_order)),
        fixed={name: data for name, data in parts.items() if name not in _PER_DRAFT},
        document_head=head + body,
        document_tail=rest,
        comments_none=comments,
        comments_head=comments_xml[:-2] + ">",
        core=core,
        blank="<w:p>" + _fragment(_ppr(_Para(), mark=_block_look("para", fonts))) + "</w:p>",
        paragraph_start=paragraph_start,
        run_start={key: rprs[look] for key, look in looks.items()},
    )


# ---------------------------------------------------------------------------------------------
# Body


TITLE_WIDTH = 20  # 二号 (22 pt) characters in the 156 mm type area
_TITLE_BREAKS = ("抓基层党建", "党建工作", "关于", "述职报告", "工作总结")


def _width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def split_title(title: str) -> str:
    """A title wider than one line, broken at natural points (after 年度, before 抓基层党建 …) into lines
    that fit, choosing the most even split each time; a line break is written as w:br."""
    if _width(title) <= TITLE_WIDTH or "\n" in title:
        return title
    cuts = {title.find("年度") + 2} if "年度" in title else set()
    cuts |= {title.find(word) for word in _TITLE_BREAKS if title.find(word) > 0}
    fitting = [c for c in cuts if 0 < c < len(title)
               and max(_width(title[:c]), _width(title[c:])) <= TITLE_WIDTH]
    if fitting:
        cut = min(fitting, key=lambda c: abs(_width(title[:c]) - _width(title[c:])))
    else:  # no natural point gives two lines that fit: halve it and break each half again as needed
        cut = len(title) // 2
    return split_title(title[:cut]) + "\n" + split_title(title[cut:])


def _blank_before(previous: str | None, kind: str) -> bool:
    """One blank line between the title block and the body, and before 署名 (or a date alone)."""
    if previous in ("title", "byline"):
        return kind not in ("title", "byline")
    return previous is not None and (kind == "signature" or (kind == "date" and previous != "signature"))


def _body_xml(doc: Document, skeleton: _Skeleton, fonts: Fonts, comments: bool) -> tuple[str, list[str]]:
    """The body paragraphs and the w:comment elements of ``doc``."""
    out: list[str] = []
    notes: list[str] = []
    previous: str | None = None
    for block in doc.blocks:
        kind = block.kind
        if _blank_before(previous, kind):
            out.append(skeleton.blank)
        out.append(skeleton.paragraph_start[kind])
        spans = block.spans
        if kind == "title" and len(spans) == 1:  # a long title breaks at a natural point (GB/T 9704 7.3.3)
            spans = [replace(spans[0], text=split_title(spans[0].text))]
        for span in spans:
            text = clean_text(span.text)
            if not text:
                continue
            placeholder = span.placeholder is not None
            start = skeleton.run_start.get((kind, span.role, placeholder))
            if start is None:  # a role outside SpanRole: format it as python-docx would have
                start = "<w:r>" + _fragment(_rpr(_span_look(kind, span, fonts)))
            run = start + _run_content(text) + "</w:r>"
            if placeholder and comments:
                number = len(notes)
                notes.append(_comment_xml(number, f"请补充：{clean_text(span.placeholder or '')}"))
                out.append(f'<w:commentRangeStart w:id="{number}"/>')
                out.append(run)
                out.append(_COMMENT_END.format(id=number))
            else:
                out.append(run)
        out.append("</w:p>")
        previous = kind
    return "".join(out), notes


# ---------------------------------------------------------------------------------------------
# Reproducible package


def _package(skeleton: _Skeleton, drafted: Mapping[str, bytes]) -> bytes:
    """The zip: a stable entry order, fixed entry dates, one compression pass."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in skeleton.names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            package.writestr(info, drafted[name] if name in drafted else skeleton.fixed[name])
    return out.getvalue()


def render_docx(doc: Document, fonts: Fonts | None = None, *, comments: bool = True) -> bytes:
    """Render ``doc`` as the bytes of a .docx file in GB/T 9704-2012 layout.

    Placeholder spans are highlighted yellow and, with ``comments``, carry a Word comment
    “请补充：<label>”.  The same document and fonts always give the same bytes.
    """
    fonts = fonts or Fonts()
    skeleton = _skeleton(fonts)
    body, notes = _body_xml(doc, skeleton, fonts, comments)
    title = clean_text(doc.title)[:_CORE_LIMIT]
    author = clean_text(doc.author)[:_CORE_LIMIT]
    core = skeleton.core.replace(_TITLE_MARK, _escape(title)).replace(_AUTHOR_MARK, _escape(author))
    drafted = {
        "word/document.xml": (skeleton.document_head + body + skeleton.document_tail).encode("utf-8"),
        "word/comments.xml": (
            (skeleton.comments_head + "".join(notes) + "</w:comments>").encode("utf-8")
            if notes
            else skeleton.comments_none
        ),
        "docProps/core.xml": core.encode("utf-8"),
    }
    return _package(skeleton, drafted)
