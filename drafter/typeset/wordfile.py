"""Opening someone's Word file and reading what re-typesetting and layout checks need.

:func:`open_docx` refuses .doc/.wps (and an old binary file renamed to .docx) with a clear Chinese
message, and turns every other failure into a :class:`~drafter.errors.DrafterError`.  The helpers
below walk the body's own paragraphs (not those inside tables or text boxes), the text nodes of a
paragraph in reading order, and resolve a paragraph's effective font and size through its runs,
its style chain and the document defaults.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError, Location
from drafter.typeset.classify import Para
from drafter.writers.docx.oxml import qn

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

OLD_FORMATS = (".doc", ".wps", ".dot", ".wpt", ".rtf")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class WordFileError(DrafterError):
    """A Word file drafter cannot read."""


def unsupported(path: Path) -> WordFileError:
    return WordFileError(
        f"不支持 {path.suffix.lower() or '这种'} 格式，请先另存为 .docx：{path.name}",
        location=Location(path),
        hint="在 Word、WPS 或 LibreOffice 中打开，选择“另存为”→“Word 文档（*.docx）”，再处理新文件。",
    )


def open_docx(path: Path) -> WordDocument:
    """The document at ``path`` opened with python-docx."""
    if path.suffix.lower() in OLD_FORMATS:
        raise unsupported(path)
    if path.suffix.lower() not in (".docx", ".docm"):
        raise WordFileError(
            f"不是 Word 文件（.docx）：{path.name}",
            location=Location(path),
            hint="drafter format 只处理 .docx 文件",
        )
    if not path.is_file():
        raise WordFileError(f"找不到文件：{path}", location=Location(path), hint="检查文件名和路径是否正确。")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise WordFileError(f"无法读取文件：{exc.strerror or exc}", location=Location(path)) from exc
    if magic == _OLE_MAGIC:
        raise unsupported(path.with_suffix(".doc"))
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        raise WordFileError(
            f"无法打开 Word 文件（文件已损坏，或不是真正的 .docx）：{path.name}",
            location=Location(path),
            hint="在 Word 或 WPS 中打开后重新“另存为” .docx。",
        ) from exc
    except OSError as exc:
        raise WordFileError(f"无法读取文件：{exc.strerror or exc}", location=Location(path)) from exc


def body_paragraphs(word: WordDocument) -> list[Any]:
    """The w:p elements directly in the body, in order (what Word's paragraph count and lint use)."""
    return list(word.element.body.iterchildren(qn("w:p")))


def own_runs(p: Any) -> Iterator[Any]:
    """The runs of paragraph ``p`` (inside insertions, hyperlinks, fields…), not those of text boxes in it."""
    for r in p.iter(qn("w:r")):
        if _owner(r) is p:
            yield r


def _owner(node: Any) -> Any:
    parent = node.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent


def text_nodes(p: Any) -> list[Any]:
    """The w:t elements of ``p`` in reading order (tracked deletions, w:delText, are not text)."""
    return [t for r in own_runs(p) for t in r.iterchildren(qn("w:t"))]


def paragraph_text(p: Any) -> str:
    """The text of ``p`` as Word shows it: w:t, tabs as \\t, breaks as \\n (no deleted text)."""
    out: list[str] = []
    for r in own_runs(p):
        for child in r:
            if child.tag == qn("w:t"):
                out.append(child.text or "")
            elif child.tag in (qn("w:tab"), qn("w:ptab")):
                out.append("\t")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
    return "".join(out)


class Styles:
    """Paragraph styles of a document by id: names, and resolved fonts and sizes through basedOn."""

    def __init__(self, word: WordDocument) -> None:
        self.element = word.styles.element
        self.by_id: dict[str, Any] = {
            s.get(qn("w:styleId")): s for s in self.element.iterchildren(qn("w:style"))
        }
        self.default_paragraph = next(
            (
                sid
                for sid, s in self.by_id.items()
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "") if style_id else self.by_id.get(self.default_paragraph or "")
        if style is None:
            return ""
        name = style.find(qn("w:name"))
        return str(name.get(qn("w:val"))) if name is not None else ""

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and its ancestors (basedOn), nearest first."""
        out: list[Any] = []
        current = style_id or self.default_paragraph
        while current and current in self.by_id and len(out) < 20:
            style = self.by_id[current]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            current = based.get(qn("w:val")) if based is not None else None
        return out

    def defaults_rpr(self) -> Any:
        return self.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


def style_id(p: Any) -> str | None:
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return str(style.get(qn("w:val"))) if style is not None else None


def ppr_value(p: Any, styles: Styles, child: str, attr: str) -> str | None:
    """An attribute of a w:pPr child (or a path such as ``w:numPr/w:numId``), from the paragraph or else its
    style chain."""
    holders = [p.find(qn("w:pPr"))] + [s.find(qn("w:pPr")) for s in styles.chain(style_id(p))]
    path = "/".join(qn(part) for part in child.split("/"))
    for ppr in holders:
        if ppr is None:
            continue
        el = ppr.find(path)
        if el is not None and el.get(qn(attr)) is not None:
            return str(el.get(qn(attr)))
    return None


def run_value(r: Any, p: Any, styles: Styles, child: str, attr: str) -> str | None:
    """An attribute of a w:rPr child for run ``r``: the run, its paragraph's style chain, the defaults."""
    holders = [r.find(qn("w:rPr"))] + [s.find(qn("w:rPr")) for s in styles.chain(style_id(p))]
    holders.append(styles.defaults_rpr())
    for rpr in holders:
        if rpr is None:
            continue
        el = rpr.find(qn(child))
        if el is not None and el.get(qn(attr)) is not None:
            return str(el.get(qn(attr)))
    return None


def para_info(p: Any, styles: Styles) -> Para:
    """What the classifier reads of ``p``."""
    jc = ppr_value(p, styles, "w:jc", "w:val") or ""
    numbered = (ppr_value(p, styles, "w:numPr/w:numId", "w:val") or "0") != "0"
    return Para(
        paragraph_text(p),
        styles.name(style_id(p)),
        centered=jc == "center",
        right=jc in ("right", "end"),
        numbered=numbered,
    )
