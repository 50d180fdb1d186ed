"""Formatting per block kind: run looks (w:rPr), paragraph shapes (w:pPr) and the styles part.

A block kind (title, byline, heading1–3, para, signature, date) maps to one style, one paragraph shape
and one run look; run-in headings and placeholders change the look of a span.  Every style names its
fonts and size explicitly (no theme fonts anywhere), so Word, WPS and LibreOffice agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from drafter.model import Span
from drafter.writers.docx.layout import (
    CHAR,
    CONDENSE,
    INDENT_2_CHARS,
    LINE_PITCH,
    PAGE_NUMBER_INDENT,
    SZ_BODY,
    SZ_COMMENT,
    SZ_PAGE_NUMBER,
    SZ_TITLE,
    Fonts,
)
from drafter.writers.docx.oxml import DECLARATION, el, text_el


@dataclass(frozen=True)
class Look:
    """Character formatting of one run (or of a style / paragraph mark)."""

    east_asia: str
    latin: str
    size: int = SZ_BODY
    bold: bool = False
    condensed: bool = True
    highlight: bool = False
    style: str | None = None  # a character style (w:rStyle)


@dataclass(frozen=True)
class Para:
    """Paragraph formatting of a block kind (or of a style)."""

    jc: str = "both"
    first_line: bool = False  # first-line indent of two characters
    right: int = 0  # right indent in twips (whole characters of 16 pt)
    line: int = LINE_PITCH  # exact line height; 0 means single (auto)
    keep_next: bool = False
    outline: int | None = None
    left: int = 0  # left indent in twips (footer only)


@lru_cache(maxsize=256)
def rpr(look: Look) -> str:
    """A complete w:rPr: explicit fonts, size, zh-CN language."""
    children = [
        el(
            "w:rFonts",
            {
                "ascii": look.latin,
                "hAnsi": look.latin,
                "eastAsia": look.east_asia,
                "cs": look.latin,
                "hint": "eastAsia",
            },
        ),
        el("w:spacing", {"val": CONDENSE if look.condensed else 0}),
        el("w:sz", {"val": look.size}),
        el("w:szCs", {"val": look.size}),
        el("w:lang", {"val": "en-US", "eastAsia": "zh-CN", "bidi": "ar-SA"}),
    ]
    if look.style:
        children.append(el("w:rStyle", {"val": look.style}))
    if look.bold:
        children += [el("w:b"), el("w:bCs")]
    if look.highlight:
        children.append(el("w:highlight", {"val": "yellow"}))
    return el("w:rPr", None, *children)


@lru_cache(maxsize=64)
def ppr(para: Para, style: str | None = None, mark: Look | None = None) -> str:
    """A complete w:pPr."""
    children = [
        el("w:widowControl", {"val": 0}),
        # No hanging punctuation (Word's 允许标点溢出边界 off): a ，or 。 at a line end must not stick out
        # past the 156 mm type area as a 29th character.  (LibreOffice reads this element inverted and
        # hangs punctuation anyway; see tests/test_libreoffice.py.)
        el("w:overflowPunct", {"val": 0}),
        el("w:autoSpaceDE", {"val": 0}),
        el("w:autoSpaceDN", {"val": 0}),
        el(
            "w:spacing",
            {"before": 0, "after": 0, "line": para.line or 240, "lineRule": "exact" if para.line else "auto"},
        ),
        el("w:ind", _indent(para)),
        el("w:jc", {"val": para.jc}),
    ]
    if style:
        children.append(el("w:pStyle", {"val": style}))
    if para.keep_next:
        children.append(el("w:keepNext"))
    if para.outline is not None:
        children.append(el("w:outlineLvl", {"val": para.outline}))
    if mark is not None:
        children.append(rpr(mark))
    return el("w:pPr", None, *children)


def _indent(para: Para) -> dict[str, str | int]:
    ind: dict[str, str | int] = {"left": para.left, "right": para.right}
    if para.right and para.right % CHAR == 0:  # whole 16 pt characters: say so for Word too
        ind["rightChars"] = para.right // CHAR * 100
    if para.first_line:
        ind.update(firstLine=INDENT_2_CHARS, firstLineChars=200)
    else:
        ind.update(firstLine=0, firstLineChars=0)
    return ind


STYLE_OF: dict[str, str | None] = {
    "title": "Title",
    "byline": "Subtitle",
    "heading1": "Heading1",
    "heading2": "Heading2",
    "heading3": "Heading3",
    "para": None,  # Normal (正文)
    "signature": "Signature",
    "date": "Date",
}

PARA_OF: dict[str, Para] = {
    "title": Para(jc="center"),
    "byline": Para(jc="center"),
    "heading1": Para(first_line=True, keep_next=True, outline=0),
    "heading2": Para(first_line=True, keep_next=True, outline=1),
    "heading3": Para(first_line=True, keep_next=True, outline=2),
    "para": Para(first_line=True),
    "signature": Para(jc="right", right=INDENT_2_CHARS),
    "date": Para(jc="right", right=INDENT_2_CHARS),
}


def block_look(kind: str, fonts: Fonts) -> Look:
    """Formatting of the plain text of a block kind (also its paragraph mark and style)."""
    if kind == "title":
        return Look(fonts.title, fonts.latin, SZ_TITLE, condensed=False)
    if kind in ("byline", "heading2"):
        return Look(fonts.heading2, fonts.latin)
    if kind == "heading1":
        return Look(fonts.heading1, fonts.latin)
    if kind == "heading3":
        return Look(fonts.body, fonts.latin, bold=True)
    return Look(fonts.body, fonts.latin)


def span_look(kind: str, span: Span, fonts: Fonts) -> Look:
    """A span's formatting: its role picks the font inside body-level blocks (run-in headings)."""
    if kind in ("title", "byline"):
        look = block_look(kind, fonts)
    elif span.role in ("heading1", "heading2", "heading3"):
        look = block_look(span.role, fonts)
    else:
        look = block_look(kind, fonts)
    return _highlighted(look, span.placeholder is not None)


@lru_cache(maxsize=64)
def _highlighted(look: Look, highlight: bool) -> Look:
    return replace(look, highlight=highlight)


def page_number_look(fonts: Fonts) -> Look:
    return Look(fonts.page_number, fonts.page_number, SZ_PAGE_NUMBER, condensed=False)


# ---------------------------------------------------------------------------------------------
# Parts


def _style(
    style_id: str,
    name: str,
    *children: str,
    kind: str = "paragraph",
    based_on: str | None = "Normal",
    next_style: str | None = None,
    priority: int | None = None,
    default: bool = False,
    qformat: bool = True,
    semi_hidden: bool = False,
) -> str:
    attrs: dict[str, str | int] = {"type": kind}
    if default:
        attrs["default"] = 1
    attrs["styleId"] = style_id
    parts = [el("w:name", {"val": name}), *children]
    if based_on:
        parts.append(el("w:basedOn", {"val": based_on}))
    if next_style:
        parts.append(el("w:next", {"val": next_style}))
    if priority is not None:
        parts.append(el("w:uiPriority", {"val": priority}))
    if semi_hidden:
        parts += [el("w:semiHidden"), el("w:unhideWhenUsed")]
    if qformat:
        parts.append(el("w:qFormat"))
    return el("w:style", attrs, *parts)


def styles_xml(fonts: Fonts) -> str:
    """word/styles.xml: explicit document defaults, then every style a draft or a footer uses."""
    body = block_look("para", fonts)
    defaults = el(
        "w:docDefaults",
        None,
        el("w:rPrDefault", None, rpr(replace(body, condensed=False))),
        el(
            "w:pPrDefault",
            None,
            el(
                "w:pPr",
                None,
                el("w:overflowPunct", {"val": 0}),
                el("w:spacing", {"before": 0, "after": 0, "line": 240, "lineRule": "auto"}),
            ),
        ),
    )
    styles = [
        _style("Normal", "Normal", ppr(PARA_OF["para"]), rpr(body), based_on=None, priority=0, default=True),
        _style(
            "Title",
            "Title",
            ppr(PARA_OF["title"]),
            rpr(block_look("title", fonts)),
            next_style="Subtitle",
            priority=10,
        ),
        _style(
            "Subtitle",
            "Subtitle",
            ppr(PARA_OF["byline"]),
            rpr(block_look("byline", fonts)),
            next_style="Normal",
            priority=11,
        ),
    ]
    for level in (1, 2, 3):
        kind = f"heading{level}"
        styles.append(
            _style(
                f"Heading{level}",
                f"heading {level}",
                ppr(PARA_OF[kind]),
                rpr(block_look(kind, fonts)),
                next_style="Normal",
                priority=9,
            )
        )
    comment_look = replace(body, size=SZ_COMMENT, condensed=False)
    styles += [
        _style(
            "Signature", "Signature", ppr(PARA_OF["signature"]), rpr(body), next_style="Date", qformat=False
        ),
        _style("Date", "Date", ppr(PARA_OF["date"]), rpr(body), next_style="Normal", qformat=False),
        _style(
            "Footer",
            "footer",
            ppr(Para(jc="right", line=0)),
            rpr(page_number_look(fonts)),
            priority=99,
            qformat=False,
        ),
        _style(
            "CommentText", "annotation text", ppr(Para(jc="left", line=0)), rpr(comment_look), qformat=False
        ),
        _style(
            "CommentReference",
            "annotation reference",
            rpr(comment_look),
            kind="character",
            based_on="DefaultParagraphFont",
            qformat=False,
        ),
        _style(
            "DefaultParagraphFont",
            "Default Paragraph Font",
            kind="character",
            based_on=None,
            priority=1,
            default=True,
            qformat=False,
            semi_hidden=True,
        ),
    ]
    return DECLARATION + el("w:styles", {"xmlns:w": _W}, defaults, *styles)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def footer_xml(fonts: Fonts, *, odd: bool) -> str:
    """`— PAGE —` in 宋体 14 pt: odd pages right, even pages left, one character in."""
    look = page_number_look(fonts)
    para = (
        Para(jc="right", right=PAGE_NUMBER_INDENT, line=0)
        if odd
        else Para(jc="left", left=PAGE_NUMBER_INDENT, line=0)
    )
    pieces = (
        text_el("— "),
        el("w:fldChar", {"fldCharType": "begin"}),
        text_el(" PAGE ", "w:instrText"),
        el("w:fldChar", {"fldCharType": "separate"}),
        text_el("1"),
        el("w:fldChar", {"fldCharType": "end"}),
        text_el(" —"),
    )
    runs = "".join(el("w:r", None, rpr(look), piece) for piece in pieces)
    return DECLARATION + el(
        "w:ftr", {"xmlns:w": _W, "xmlns:r": _R}, el("w:p", None, ppr(para, "Footer", look), runs)
    )
