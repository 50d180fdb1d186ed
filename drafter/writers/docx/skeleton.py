"""The package skeleton: every part of a draft that does not depend on its text.

The parts for the default fonts are shipped as files under ``parts/`` (readable, diffable in review);
they are produced at development time by ``python -m drafter.writers.docx.build`` from :func:`build_parts`
below, and a test rebuilds them and compares byte for byte.  A render with the default fonts reads the
files; one with other fonts (``--font``) builds its parts in memory with the same code.  No python-docx
default template, no pickle: only the parts a draft uses (no numbering, customXml, webSettings or
thumbnail), a theme and font table naming only the draft's fonts, Word 2013+ compatibility mode.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from drafter.writers.docx.layout import (
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
from drafter.writers.docx.oxml import DECLARATION, R_NS, W_NS, el
from drafter.writers.docx.styles import footer_xml, styles_xml

PARTS_DIR = Path(__file__).resolve().parent / "parts"
# The parts shipped as files (for the default fonts), in package order.
SHIPPED = (
    "docProps/app.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/theme/theme1.xml",
    "word/footer1.xml",
    "word/footer2.xml",
)
COMMENTS = "word/comments.xml"

_CT = "application/vnd.openxmlformats-officedocument."
_CONTENT_TYPES = {
    "word/document.xml": _CT + "wordprocessingml.document.main+xml",
    "word/styles.xml": _CT + "wordprocessingml.styles+xml",
    "word/settings.xml": _CT + "wordprocessingml.settings+xml",
    "word/fontTable.xml": _CT + "wordprocessingml.fontTable+xml",
    "word/theme/theme1.xml": _CT + "theme+xml",
    "word/footer1.xml": _CT + "wordprocessingml.footer+xml",
    "word/footer2.xml": _CT + "wordprocessingml.footer+xml",
    COMMENTS: _CT + "wordprocessingml.comments+xml",
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": _CT + "extended-properties+xml",
    "customXml/itemProps1.xml": _CT + "customXmlProperties+xml",
}
FACTS_PART = "customXml/item1.xml"
FACTS_NS = "urn:drafter:facts:1"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# word/document.xml's relationships: id → (type, target)
_DOCUMENT_RELS = {
    "rId1": ("styles", "styles.xml"),
    "rId2": ("settings", "settings.xml"),
    "rId3": ("fontTable", "fontTable.xml"),
    "rId4": ("theme", "theme/theme1.xml"),
    "rId5": ("footer", "footer1.xml"),
    "rId6": ("footer", "footer2.xml"),
    "rId7": ("comments", "comments.xml"),
}
_PKG_NS = "http://schemas.openxmlformats.org/package/2006/"


# ---------------------------------------------------------------------------------------------
# Parts that depend on the fonts (or on nothing)


def settings_xml() -> str:
    """Word 2013+ compatibility mode (no 兼容模式 banner), odd/even footers, no punctuation compression."""
    mso = "http://schemas.microsoft.com/office/word"
    compat = el(
        "w:compat",
        None,
        el("w:useFELayout"),
        *(
            el("w:compatSetting", {"name": name, "uri": mso, "val": value})
            for name, value in (
                ("compatibilityMode", "15"),
                ("overrideTableStyleFontSizeAndJustification", "1"),
                ("enableOpenTypeFeatures", "1"),
                ("doNotFlipMirrorIndents", "1"),
                ("differentiateMultirowTableHeaders", "1"),
            )
        ),
    )
    return DECLARATION + el(
        "w:settings",
        {"xmlns:w": W_NS},
        el("w:zoom", {"percent": 100}),
        el("w:defaultTabStop", {"val": 420}),
        el("w:evenAndOddHeaders"),
        el("w:characterSpacingControl", {"val": "doNotCompress"}),
        compat,
        el("w:themeFontLang", {"val": "en-US", "eastAsia": "zh-CN"}),
        el("w:decimalSymbol", {"val": "."}),
        el("w:listSeparator", {"val": ","}),
    )


def font_table_xml(fonts: Fonts) -> str:
    """Only the fonts the draft names; Chinese ones with the GB2312 charset, so a missing 仿宋_GB2312 is
    replaced by a Chinese face (its altName 仿宋 first), never a Japanese or Latin one."""
    entries = []
    for name in fonts.chinese():
        children = []
        if name.endswith("_GB2312"):
            children.append(el("w:altName", {"val": name.removesuffix("_GB2312")}))
        children += [
            el("w:charset", {"val": "86"}),
            el("w:family", {"val": "auto"}),
            el("w:pitch", {"val": "variable"}),
        ]
        entries.append(el("w:font", {"name": name}, *children))
    if fonts.latin not in fonts.chinese():
        entries.append(
            el(
                "w:font",
                {"name": fonts.latin},
                el("w:charset", {"val": "00"}),
                el("w:family", {"val": "roman"}),
                el("w:pitch", {"val": "variable"}),
            )
        )
    return DECLARATION + el("w:fonts", {"xmlns:w": W_NS}, *entries)


def theme_xml(fonts: Fonts) -> str:
    """A plain theme whose fonts are the draft's own (headings 黑体, body 仿宋, Latin Times New Roman): a
    style or a pasted paragraph that falls back to theme fonts still gets a font the draft uses."""

    def color(name: str, rgb: str) -> str:
        return el(f"a:{name}", None, el("a:srgbClr", {"val": rgb}))

    def font_set(tag: str, east_asia: str) -> str:
        return el(
            tag,
            None,
            el("a:latin", {"typeface": fonts.latin}),
            el("a:ea", {"typeface": east_asia}),
            el("a:cs", {"typeface": fonts.latin}),
        )

    def fill() -> str:
        return el("a:solidFill", None, el("a:schemeClr", {"val": "phClr"}))

    colors = el(
        "a:clrScheme",
        {"name": "drafter"},
        el("a:dk1", None, el("a:srgbClr", {"val": "000000"})),
        el("a:lt1", None, el("a:srgbClr", {"val": "FFFFFF"})),
        color("dk2", "1F1F1F"),
        color("lt2", "EEEEEE"),
        color("accent1", "C00000"),
        color("accent2", "1F4E79"),
        color("accent3", "7F7F7F"),
        color("accent4", "BF8F00"),
        color("accent5", "2E75B6"),
        color("accent6", "548235"),
        color("hlink", "0563C1"),
        color("folHlink", "954F72"),
    )
    font_scheme = el(
        "a:fontScheme",
        {"name": "drafter"},
        font_set("a:majorFont", fonts.heading1),
        font_set("a:minorFont", fonts.body),
    )
    line = el("a:ln", {"w": 9525}, fill())
    effect = el("a:effectStyle", None, el("a:effectLst"))
    formats = el(
        "a:fmtScheme",
        {"name": "drafter"},
        el("a:fillStyleLst", None, fill(), fill(), fill()),
        el("a:lnStyleLst", None, line, line, line),
        el("a:effectStyleLst", None, effect, effect, effect),
        el("a:bgFillStyleLst", None, fill(), fill(), fill()),
    )
    return DECLARATION + el(
        "a:theme",
        {"xmlns:a": "http://schemas.openxmlformats.org/drawingml/2006/main", "name": "drafter"},
        el("a:themeElements", None, colors, font_scheme, formats),
    )


def app_xml() -> str:
    """Extended properties that say what made the file (no invented page or word counts)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return DECLARATION + el(
        "Properties",
        {"xmlns": ns},
        el("Application", None, text="drafter"),
        el("DocSecurity", None, text="0"),
        el("ScaleCrop", None, text="false"),
        el("LinksUpToDate", None, text="false"),
        el("SharedDoc", None, text="false"),
        el("HyperlinksChanged", None, text="false"),
    )


def build_parts(fonts: Fonts) -> dict[str, bytes]:
    """The shipped parts for ``fonts`` (what ``parts/`` holds for the default fonts)."""
    texts = {
        "docProps/app.xml": app_xml(),
        "word/styles.xml": styles_xml(fonts),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(fonts),
        "word/theme/theme1.xml": theme_xml(fonts),
        "word/footer1.xml": footer_xml(fonts, odd=True),
        "word/footer2.xml": footer_xml(fonts, odd=False),
    }
    return {name: texts[name].encode("utf-8") for name in SHIPPED}


# ---------------------------------------------------------------------------------------------
# Parts that depend on whether the draft has comments, and the document around the body


def content_types_xml(names: tuple[str, ...]) -> str:
    overrides = [
        el("Override", {"PartName": "/" + name, "ContentType": _CONTENT_TYPES[name]})
        for name in names
        if name in _CONTENT_TYPES
    ]
    return DECLARATION + el(
        "Types",
        {"xmlns": _PKG_NS + "content-types"},
        el(
            "Default",
            {"Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"},
        ),
        el("Default", {"Extension": "xml", "ContentType": "application/xml"}),
        *overrides,
    )


def _relationships(rels: list[tuple[str, str, str]]) -> str:
    return DECLARATION + el(
        "Relationships",
        {"xmlns": _PKG_NS + "relationships"},
        *(el("Relationship", {"Id": rid, "Type": kind, "Target": target}) for rid, kind, target in rels),
    )


def package_rels_xml() -> str:
    return _relationships(
        [
            ("rId1", _REL + "officeDocument", "word/document.xml"),
            ("rId2", _PKG_NS + "relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", _REL + "extended-properties", "docProps/app.xml"),
        ]
    )


def document_rels_xml(*, comments: bool, facts: bool = False) -> str:
    rels = [
        (rid, _REL + kind, target)
        for rid, (kind, target) in _DOCUMENT_RELS.items()
        if comments or kind != "comments"
    ]
    if facts:
        rels.append(("rId8", _REL + "customXml", "../" + FACTS_PART))
    return _relationships(rels)


def facts_parts(facts_json: str) -> dict[str, str]:
    """The custom XML part that keeps the facts a draft was made from (Word and WPS keep such parts when
    they save), with its properties part and relationship."""
    import uuid

    item_id = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, FACTS_NS + facts_json)).upper() + "}"
    ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
    return {
        FACTS_PART: DECLARATION + el("drafter", {"xmlns": FACTS_NS}, text=facts_json),
        "customXml/itemProps1.xml": DECLARATION
        + el(
            "ds:datastoreItem",
            {"ds:itemID": item_id, "xmlns:ds": ds},
            el("ds:schemaRefs", None, el("ds:schemaRef", {"ds:uri": FACTS_NS})),
        ),
        "customXml/_rels/item1.xml.rels": _relationships(
            [("rId1", _REL + "customXmlProps", "itemProps1.xml")]
        ),
    }


DOCUMENT_HEAD = DECLARATION + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'


def section_xml() -> str:
    """A4, GB/T 9704 margins, odd/even footers, a 579-twip line pitch (no w:type: see the design note)."""
    return el(
        "w:sectPr",
        None,
        el("w:footerReference", {"type": "default", "r:id": "rId5"}),
        el("w:footerReference", {"type": "even", "r:id": "rId6"}),
        el("w:pgSz", {"w": PAGE_WIDTH, "h": PAGE_HEIGHT}),
        el(
            "w:pgMar",
            {
                "top": MARGIN_TOP,
                "right": MARGIN_RIGHT,
                "bottom": MARGIN_BOTTOM,
                "left": MARGIN_LEFT,
                "header": HEADER_DISTANCE,
                "footer": FOOTER_DISTANCE,
                "gutter": 0,
            },
        ),
        el("w:cols", {"space": 720}),
        el("w:docGrid", {"linePitch": LINE_PITCH}),
    )


DOCUMENT_TAIL = section_xml() + "</w:body></w:document>"
COMMENTS_HEAD = DECLARATION + f'<w:comments xmlns:w="{W_NS}">'


@lru_cache(maxsize=8)
def parts_for(fonts: Fonts) -> dict[str, bytes]:
    """The shipped parts for ``fonts``: read from ``parts/`` for the default fonts, built otherwise."""
    if fonts == Fonts():
        try:
            return {name: (PARTS_DIR / name).read_bytes() for name in SHIPPED}
        except OSError:  # a broken install: the same parts, built here
            pass
    return build_parts(fonts)
