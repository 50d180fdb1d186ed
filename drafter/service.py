"""One path from facts to a checked file: draft → bytes → (file) → originality and lint.

``drafter render``, ``drafter batch`` and ``drafter serve`` all go through :func:`produce` (facts to
draft and bytes) and :func:`review` (what the originality check and ``drafter lint`` find in the new
draft), so the page's "下载 Word 初稿" returns exactly the bytes ``drafter render`` writes for the same
facts.  :func:`check_file` is ``drafter lint`` on a draft someone edited, for the CLI and the page's
"检查已改稿" alike.  Writing stays with :mod:`drafter.output`; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def produce(
    source: Path | Facts,
    options: Options | None = None,
    *,
    fmt: str = "docx",
    fonts: Any = None,
    comments: bool = True,
) -> Product:
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


@dataclass
class FileCheck:
    """``drafter lint`` of one draft file: the findings and the report year they were checked for."""

    findings: list[Finding]
    year: int | None


def check_file(
    path: Path, *, year: int | None = None, rule_files: Sequence[Path] = (), repeat_rate: float = 2.0
) -> FileCheck:
    """Every ``drafter lint`` finding in a .docx/.md/.txt draft: wording, numbering, dates and 提法 for the
    report year (``year``, else read from the title), and the GB/T 9704 layout of a .docx."""
    from drafter.lint import detect_year, lint_paragraphs, load_rules, read_paragraphs

    ruleset = load_rules(rule_files)
    paragraphs = read_paragraphs(path)
    used_year = year if year is not None else detect_year(paragraphs)
    findings = lint_paragraphs(
        paragraphs,
        year=used_year,
        rules=ruleset.active(),
        disable=ruleset.disabled_ids,
        repeat_rate=repeat_rate,
    )
    if path.suffix.lower() in (".docx", ".docm"):
        from drafter.typeset.layoutcheck import check_layout

        findings += [f for f in check_layout(path) if f.rule not in ruleset.disabled_ids]
    return FileCheck(findings, used_year)
