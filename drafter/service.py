"""One path from facts to a checked file: draft → bytes → (file) → originality and lint.

``drafter render``, ``drafter batch`` and ``drafter serve`` all go through :func:`produce` (facts to
draft and bytes) and :func:`review` (what the originality check and ``drafter lint`` find in the new
draft), so the page's "下载 Word 初稿" returns exactly the bytes ``drafter render`` writes for the same
facts.  Writing stays with :mod:`drafter.output`; nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.facts import Facts
from drafter.pipeline import Draft, Options, draft

if TYPE_CHECKING:
    from drafter.lint import Finding
    from drafter.model import Document
    from drafter.originality import Overlap


@dataclass
class Product:
    """A draft and its bytes in one output format."""

    draft: Draft
    fmt: str
    data: bytes

    @property
    def document(self) -> Document:
        return self.draft.document


@dataclass
class Review:
    """What the checks after drafting found: the closest sample report and the lint findings
    (placeholders left out: they are counted separately)."""

    overlap: Overlap | None
    findings: list[Finding] = field(default_factory=list)


def produce(source: Path | Facts, options: Options | None = None, *, fmt: str = "docx",
            fonts: Any = None, comments: bool = True) -> Product:
    """Draft ``source`` and render it as ``fmt`` (docx, md or txt)."""
    from drafter.writers import render_bytes

    result = draft(source, options)
    data = render_bytes(result.document, fmt, fonts=fonts if fmt == "docx" else None, comments=comments)
    return Product(result, fmt, data)


def review(document: Document) -> Review:
    """Originality against the sample reports and ``drafter lint`` on the draft."""
    from drafter.lint import lint_document
    from drafter.originality import against_seeds

    findings = [f for f in lint_document(document) if f.rule != "placeholder"]
    return Review(against_seeds(document.text), findings)
