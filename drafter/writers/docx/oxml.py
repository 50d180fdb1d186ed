"""WordprocessingML as text: namespaces, the child order of every element drafter writes, escaping.

This module owns the two things a hand-written XML part can get wrong.  **Escaping** happens here and
nowhere else (:func:`escape_text`, :func:`escape_attr`, :func:`clean_text`).  **Element order** is
declared once in :data:`ORDER` (the sequence each complex type of ECMA-376 part 1 demands, as python-docx's
``oxml`` classes declare it with ``successors``): :func:`el` sorts the children it is given by that table,
and :func:`insert_ordered` puts a new child into an existing lxml element at its schema position, so
both the writer (strings) and ``drafter format`` (lxml trees of other people's files) obey it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafter.model import PH_CLOSE, PH_OPEN
from drafter.rxprogram import Programs

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

# The children drafter writes, per parent, in the order the schema's xsd:sequence requires.
ORDER: dict[str, tuple[str, ...]] = {
    "w:pPr": (
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath",
        "w:ins",
        "w:del",
        "w:moveFrom",
        "w:moveTo",
        "w:rPrChange",
    ),
    "w:style": (
        "w:name",
        "w:aliases",
        "w:basedOn",
        "w:next",
        "w:link",
        "w:autoRedefine",
        "w:hidden",
        "w:uiPriority",
        "w:semiHidden",
        "w:unhideWhenUsed",
        "w:qFormat",
        "w:locked",
        "w:personal",
        "w:personalCompose",
        "w:personalReply",
        "w:rsid",
        "w:pPr",
        "w:rPr",
        "w:tblPr",
        "w:trPr",
        "w:tcPr",
        "w:tblStylePr",
    ),
    "w:sectPr": (
        "w:headerReference",
        "w:footerReference",
        "w:footnotePr",
        "w:endnotePr",
        "w:type",
        "w:pgSz",
        "w:pgMar",
        "w:paperSrc",
        "w:pgBorders",
        "w:lnNumType",
        "w:pgNumType",
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    ),
    "w:settings": (
        "w:writeProtection",
        "w:view",
        "w:zoom",
        "w:removePersonalInformation",
        "w:removeDateAndTime",
        "w:doNotDisplayPageBoundaries",
        "w:displayBackgroundShape",
        "w:printPostScriptOverText",
        "w:printFractionalCharacterWidth",
        "w:printFormsData",
        "w:embedTrueTypeFonts",
        "w:embedSystemFonts",
        "w:saveSubsetFonts",
        "w:saveFormsData",
        "w:mirrorMargins",
        "w:alignBordersAndEdges",
        "w:bordersDoNotSurroundHeader",
        "w:bordersDoNotSurroundFooter",
        "w:gutterAtTop",
        "w:hideSpellingErrors",
        "w:hideGrammaticalErrors",
        "w:activeWritingStyle",
        "w:proofState",
        "w:formsDesign",
        "w:attachedTemplate",
        "w:linkStyles",
        "w:stylePaneFormatFilter",
        "w:stylePaneSortMethod",
        "w:documentType",
        "w:mailMerge",
        "w:revisionView",
        "w:trackRevisions",
        "w:doNotTrackMoves",
        "w:doNotTrackFormatting",
        "w:documentProtection",
        "w:autoFormatOverride",
        "w:styleLockTheme",
        "w:styleLockQFSet",
        "w:defaultTabStop",
        "w:autoHyphenation",
        "w:consecutiveHyphenLimit",
        "w:hyphenationZone",
        "w:doNotHyphenateCaps",
        "w:showEnvelope",
        "w:summaryLength",
        "w:clickAndTypeStyle",
        "w:defaultTableStyle",
        "w:evenAndOddHeaders",
        "w:bookFoldRevPrinting",
        "w:bookFoldPrinting",
        "w:bookFoldPrintingSheets",
        "w:drawingGridHorizontalSpacing",
        "w:drawingGridVerticalSpacing",
        "w:displayHorizontalDrawingGridEvery",
        "w:displayVerticalDrawingGridEvery",
        "w:doNotUseMarginsForDrawingGridOrigin",
        "w:drawingGridHorizontalOrigin",
        "w:drawingGridVerticalOrigin",
        "w:doNotShadeFormData",
        "w:noPunctuationKerning",
        "w:characterSpacingControl",
        "w:printTwoOnOne",
        "w:strictFirstAndLastChars",
        "w:noLineBreaksAfter",
        "w:noLineBreaksBefore",
        "w:savePreviewPicture",
        "w:doNotValidateAgainstSchema",
        "w:saveInvalidXml",
        "w:ignoreMixedContent",
        "w:alwaysShowPlaceholderText",
        "w:doNotDemarcateInvalidXml",
        "w:saveXmlDataOnly",
        "w:useXSLTWhenSaving",
        "w:saveThroughXslt",
        "w:showXMLTags",
        "w:alwaysMergeEmptyNamespace",
        "w:updateFields",
        "w:hdrShapeDefaults",
        "w:footnotePr",
        "w:endnotePr",
        "w:compat",
        "w:docVars",
        "w:rsids",
        "m:mathPr",
        "w:attachedSchema",
        "w:themeFontLang",
        "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats",
        "w:doNotAutoCompressPictures",
        "w:forceUpgrade",
        "w:captions",
        "w:readModeInkLockDown",
        "w:smartTagType",
        "sl:schemaLibrary",
        "w:shapeDefaults",
        "w:doNotEmbedSmartTags",
        "w:decimalSymbol",
        "w:listSeparator",
    ),
}
_RANK = {parent: {tag: i for i, tag in enumerate(tags)} for parent, tags in ORDER.items()}
_TAG = _PROGRAMS.compile(r"<([\w:]+)")

# XML 1.0 cannot carry C0 controls (but tab, LF, CR), lone surrogates or U+FFFE/FFFF; the model's
# placeholder sentinels (private-use U+E000/E001) must never reach Word either, where they show as boxes.
_FORBIDDEN = _PROGRAMS.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff" + PH_OPEN + PH_CLOSE + "]"
)
_BREAKS = _PROGRAMS.compile("([\t\r\n])")


def clean_text(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/FFFF) and stray
    placeholder sentinels."""
    return _FORBIDDEN.sub("", text)


def escape_text(text: str) -> str:
    """Character data, escaped as lxml writes it (the only place drafter escapes element text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def escape_attr(text: str) -> str:
    """An attribute value in double quotes (the only place drafter escapes attributes)."""
    return escape_text(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _rank(parent: str, child: str) -> int:
    ranks = _RANK[parent]
    match = _TAG.match(child)
    tag = match.group(1) if match else ""
    if tag not in ranks:
        raise ValueError(f"{tag or child[:20]!r} is not a child drafter declares for {parent}")
    return ranks[tag]


def el(
    tag: str, attrs: Mapping[str, str | int] | None = None, *children: str, text: str | None = None
) -> str:
    """``<tag attrs…>children…</tag>`` (or an empty element).  On a ``w:`` element, attribute names without
    a prefix get ``w:``; children of a parent listed in :data:`ORDER` are put in schema order."""
    head = "<" + tag
    wordml = tag.startswith("w:")
    for name, value in (attrs or {}).items():
        qname = f"w:{name}" if wordml and ":" not in name and name != "xmlns" else name
        head += f' {qname}="{escape_attr(str(value))}"'
    if tag in _RANK:
        children = tuple(sorted(children, key=lambda child: _rank(tag, child)))
    inner = "".join(children) + (escape_text(text) if text is not None else "")
    return f"{head}>{inner}</{tag}>" if inner else head + "/>"


def text_el(text: str, tag: str = "w:t") -> str:
    """A w:t (or w:instrText) keeping leading and trailing spaces."""
    if len(text.strip()) < len(text):
        return f'<{tag} xml:space="preserve">{escape_text(text)}</{tag}>'
    return f"<{tag}>{escape_text(text)}</{tag}>"


def run_content(text: str) -> str:
    """A run's text: w:t pieces, a w:tab per tab, a w:br per line break."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return text_el(text)
    out: list[str] = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            out.append(text_el(piece))
    return "".join(out)


def qn(tag: str) -> str:
    """``w:ind`` → ``{namespace}ind`` for lxml."""
    prefix, _, local = tag.partition(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def insert_ordered(parent: Any, child: Any) -> Any:
    """Put the lxml element ``child`` into ``parent`` at its schema position, replacing a same-named
    child; ``parent``'s tag must be in :data:`ORDER`.  Returns ``child``."""
    parent_tag = _prefixed(parent.tag)
    ranks = _RANK[parent_tag]
    tag = _prefixed(child.tag)
    rank = ranks[tag]
    for old in parent.findall(child.tag):
        parent.remove(old)
    for index, existing in enumerate(parent):
        if ranks.get(_prefixed(existing.tag), -1) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _prefixed(clark: str) -> str:
    namespace, _, local = str(clark).lstrip("{").partition("}")
    for prefix, uri in NSMAP.items():
        if uri == namespace:
            return f"{prefix}:{local}"
    return local


_PROGRAMS.save()
