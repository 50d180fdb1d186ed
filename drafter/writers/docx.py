"""The Word (.docx) writer: renders a :class:`drafter.model.Document` in GB/T 9704-2012 layout.

This is the only module that imports python-docx.  It owns the page setup (A4, 37/35/28/26 mm
margins, exact 579-twip lines giving 22 lines x 28 characters), the font table (every East Asian
font explicit, no theme fonts, zh-CN language), the odd/even ``— 1 —`` page-number footers, the
yellow highlight and Word comment on every missing-fact placeholder, and a byte-reproducible
package (fixed timestamps, fixed zip entry order and dates).  The caller writes the bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

import docx
from docx.document import Document as WordDocument
from docx.opc.oxml import serialize_part_xml
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from drafter.errors import DrafterError, Location
from drafter.model import Block, Document, Span

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
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF)."""
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


def _set_rpr(run: Run, rpr: BaseOxmlElement) -> None:
    old = run._r.rPr
    if old is not None:
        run._r.remove(old)
    run._r.insert(0, rpr)


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
# Body


def _blank(word: WordDocument, fonts: Fonts) -> None:
    p = word.add_paragraph()
    _set_ppr(p, _ppr(_Para(), mark=_block_look("para", fonts)))


def _add_block(word: WordDocument, block: Block, fonts: Fonts, comments: bool) -> None:
    p = word.add_paragraph()
    _set_ppr(p, _ppr(_PARA_OF[block.kind], style=_STYLE_OF[block.kind], mark=_block_look(block.kind, fonts)))
    for span in block.spans:
        text = clean_text(span.text)
        if not text:
            continue
        run = p.add_run(text)
        _set_rpr(run, _rpr(_span_look(block.kind, span, fonts)))
        if span.placeholder is not None and comments:
            label = clean_text(span.placeholder)
            word.add_comment(run, text=f"请补充：{label}", author=COMMENT_AUTHOR, initials="")


def _fix_comments(word: WordDocument) -> None:
    """Drop comment dates (python-docx stamps now(); the attribute is optional) for equal bytes."""
    for comment in word.comments:
        comment._comment_elm.date = None


def _write_body(word: WordDocument, doc: Document, fonts: Fonts, comments: bool) -> None:
    # The template's body holds only the sectPr; paragraphs are inserted before it by python-docx.
    previous: str | None = None
    for block in doc.blocks:
        kind = block.kind
        if previous in ("title", "byline") and kind not in ("title", "byline"):
            _blank(word, fonts)  # one blank line between the title block and the body
        elif previous is not None and (kind == "signature" or (kind == "date" and previous != "signature")):
            _blank(word, fonts)  # 署名 one line under the body; the date follows on the next line
        _add_block(word, block, fonts, comments)
        previous = kind


# ---------------------------------------------------------------------------------------------
# Reproducible package


def _set_core(word: WordDocument, doc: Document) -> None:
    core = word.core_properties
    core.title = clean_text(doc.title)
    core.author = clean_text(doc.author)
    core.last_modified_by = clean_text(doc.author)
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


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry dates and a stable entry order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in sorted(src.namelist(), key=_content_order):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, src.read(name))
    return out.getvalue()


def render_docx(doc: Document, fonts: Fonts | None = None, *, comments: bool = True) -> bytes:
    """Render ``doc`` as the bytes of a .docx file in GB/T 9704-2012 layout.

    Placeholder spans are highlighted yellow and, with ``comments``, carry a Word comment
    “请补充：<label>”.  The same document and fonts always give the same bytes.
    """
    fonts = fonts or Fonts()
    word = docx.Document()
    _setup_package(word, fonts)
    _setup_styles(word, fonts)
    _setup_section(word)
    _setup_footers(word, fonts)
    _write_body(word, doc, fonts, comments)
    _fix_comments(word)
    _set_core(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return _normalise_zip(buffer.getvalue())
