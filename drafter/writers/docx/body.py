"""A draft's own parts: the body paragraphs, the comments on placeholders, the core properties, the zip.

Each block becomes one paragraph of its kind's shape; each span one or more runs of its look.  A span is
split so that “ ” ‘ ’ — … · sit in runs naming the East Asian font in every font slot (WPS ignores
``w:hint`` and would draw them in Times New Roman).  The package is byte-reproducible: fixed timestamps,
fixed entry order and dates.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from functools import lru_cache

from drafter.model import Document, Span
from drafter.writers.docx.layout import AMBIGUOUS_PUNCTUATION, COMMENT_AUTHOR, FIXED_TIME, ZIP_DATE, Fonts
from drafter.writers.docx.oxml import DECLARATION, clean_text, el, escape_text, run_content
from drafter.writers.docx.skeleton import (
    COMMENTS,
    COMMENTS_HEAD,
    DOCUMENT_HEAD,
    DOCUMENT_TAIL,
    content_types_xml,
    document_rels_xml,
    facts_parts,
    package_rels_xml,
    parts_for,
)
from drafter.writers.docx.styles import PARA_OF, STYLE_OF, Look, Para, block_look, ppr, rpr, span_look

_CORE_LIMIT = 255  # Word refuses longer core properties
_PUNCTUATION = re.compile(f"([{AMBIGUOUS_PUNCTUATION}]+)")
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
    fitting = [
        c for c in cuts if 0 < c < len(title) and max(_width(title[:c]), _width(title[c:])) <= TITLE_WIDTH
    ]
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


@lru_cache(maxsize=64)
def _east_asian(look: Look) -> Look:
    """``look`` with its Latin font slot set to the East Asian font."""
    return replace(look, latin=look.east_asia)


def runs(text: str, look: Look) -> str:
    """``text`` as runs of ``look``, with “ ” ‘ ’ — … · in runs whose every font slot is East Asian."""
    wide = _east_asian(look)
    return "".join(
        el("w:r", None, rpr(wide if index % 2 else look), run_content(piece))
        for index, piece in enumerate(_PUNCTUATION.split(text))
        if piece
    )


def comment_xml(number: int, text: str, author: str = COMMENT_AUTHOR) -> str:
    """A w:comment holding ``text`` (one CommentText paragraph per line), with no date."""
    paragraphs = []
    for index, line in enumerate(text.split("\n")):
        mark = el(
            "w:r", None, el("w:rPr", None, el("w:rStyle", {"val": "CommentReference"})), "<w:annotationRef/>"
        )
        content = (mark if index == 0 else "") + (el("w:r", None, run_content(line)) if line else "")
        paragraphs.append(el("w:p", None, el("w:pPr", None, el("w:pStyle", {"val": "CommentText"})), content))
    return el("w:comment", {"id": number, "author": author, "initials": "d"}, *paragraphs)


def comment_end(number: int) -> str:
    return el("w:commentRangeEnd", {"id": number}) + el(
        "w:r",
        None,
        el("w:rPr", None, el("w:rStyle", {"val": "CommentReference"})),
        el("w:commentReference", {"id": number}),
    )


def _body_xml(doc: Document, fonts: Fonts, comments: bool) -> tuple[str, list[str]]:
    """The body paragraphs and the w:comment elements of ``doc``."""
    out: list[str] = []
    notes: list[str] = []
    previous: str | None = None
    for block in doc.blocks:
        kind = block.kind
        if _blank_before(previous, kind):
            out.append(el("w:p", None, ppr(Para(), None, block_look("para", fonts))))
        out.append("<w:p>" + ppr(PARA_OF[kind], STYLE_OF[kind], block_look(kind, fonts)))
        spans = block.spans
        if kind == "title" and len(spans) == 1:  # a long title breaks at a natural point (GB/T 9704 7.3.3)
            spans = [replace(spans[0], text=split_title(spans[0].text))]
        for span in spans:
            out.append(_span_xml(kind, span, fonts, notes if comments else None))
        out.append("</w:p>")
        previous = kind
    return "".join(out), notes


def _span_xml(kind: str, span: Span, fonts: Fonts, notes: list[str] | None) -> str:
    text = clean_text(span.text)
    if not text:
        return ""
    xml = runs(text, span_look(kind, span, fonts))
    if span.placeholder is None or notes is None:
        return xml
    number = len(notes)
    notes.append(comment_xml(number, f"请补充：{clean_text(span.placeholder)}"))
    return el("w:commentRangeStart", {"id": number}) + xml + comment_end(number)


def core_xml(title: str, author: str) -> str:
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    return DECLARATION + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape_text(title)}</dc:title><dc:creator>{escape_text(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape_text(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )


def package(parts: dict[str, bytes]) -> bytes:
    """The zip: entries in the order given, fixed entry dates, one compression pass."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
    return out.getvalue()


def render_docx(doc: Document, fonts: Fonts | None = None, *, comments: bool = True) -> bytes:
    """Render ``doc`` as the bytes of a .docx file in GB/T 9704-2012 layout.

    Placeholder spans are highlighted yellow and, with ``comments``, carry a Word comment
    “请补充：<label>”.  The same document and fonts always give the same bytes.
    """
    fonts = fonts or Fonts()
    shipped = parts_for(fonts)
    body, notes = _body_xml(doc, fonts, comments)
    drafted = {
        "docProps/core.xml": core_xml(
            clean_text(doc.title)[:_CORE_LIMIT], clean_text(doc.author)[:_CORE_LIMIT]
        ),
        "word/_rels/document.xml.rels": document_rels_xml(comments=bool(notes), facts=bool(doc.facts)),
        "word/document.xml": DOCUMENT_HEAD + body + DOCUMENT_TAIL,
        **(facts_parts(doc.facts) if doc.facts else {}),
    }
    if notes:
        drafted[COMMENTS] = COMMENTS_HEAD + "".join(notes) + "</w:comments>"
    parts = {**{name: text.encode("utf-8") for name, text in drafted.items()}, **shipped}
    names = tuple(sorted(parts))
    return package(
        {
            "[Content_Types].xml": content_types_xml(names).encode("utf-8"),
            "_rels/.rels": package_rels_xml().encode("utf-8"),
            **{name: parts[name] for name in names},
        }
    )
