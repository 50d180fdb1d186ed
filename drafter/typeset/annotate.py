"""``drafter lint --批注``: each finding as a Word comment anchored on the exact characters it is about.

The comment's author is “drafter”; its text names the rule and the suggestion.  Runs are split at the
finding's first and last character (a run holding only text can be split without touching fields or
drawings; otherwise the comment covers the whole run).  Paragraph and column count the way the text
checks read a .docx (python-docx's paragraph text: runs and hyperlinks, tracked insertions aside).
Findings about the whole document (page, margins, footers) go on the first paragraph.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drafter.errors import SEVERITY_LABEL
from drafter.lint.checks import Finding
from drafter.typeset.wordfile import open_docx
from drafter.writers.docx.layout import COMMENT_AUTHOR
from drafter.writers.docx.oxml import qn


def _runs(p: Any) -> list[Any]:
    return list(p.xpath("w:r | w:hyperlink/w:r"))


def _split(run: Any, at: int) -> None:
    """Split a text-only run at character ``at`` (a run holding more than text stays whole)."""
    text = run.text
    if not 0 < at < len(text) or any(c.tag not in (qn("w:rPr"), qn("w:t")) for c in run):
        return
    second = copy.deepcopy(run)
    for target, piece in ((run, text[:at]), (second, text[at:])):
        for t in list(target.iterchildren(qn("w:t"))):
            target.remove(t)
        t = target.makeelement(qn("w:t"), {})
        t.text = piece
        if piece != piece.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        target.append(t)
    run.addnext(second)


def _split_at(p: Any, offset: int) -> None:
    position = 0
    for run in _runs(p):
        length = len(run.text)
        if position < offset < position + length:
            _split(run, offset - position)
            return
        position += length


def anchor(p: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last run holding characters ``start``..``end`` of paragraph ``p`` (split to fit)."""
    _split_at(p, start)
    _split_at(p, end)
    covered = []
    position = 0
    for run in _runs(p):
        length = len(run.text)
        if length and position < end and start < position + length:
            covered.append(run)
        position += length
    return (covered[0], covered[-1]) if covered else None


def comment_text(finding: Finding) -> str:
    text = f"【{SEVERITY_LABEL[finding.severity]}】{finding.message}（规则：{finding.rule}）"
    if finding.suggestion:
        text += f"\n建议：{finding.suggestion}"
    return text


def annotate(path: Path, findings: Sequence[Finding]) -> tuple[bytes, int]:
    """A copy of the .docx at ``path`` with one comment per finding; how many were anchored on text."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    word = open_docx(path)
    paragraphs = word.paragraphs
    placed = 0
    for finding in findings:
        index = finding.paragraph - 1
        p: Paragraph | None = paragraphs[index] if 0 <= index < len(paragraphs) else None
        if p is not None:
            span = anchor(p._p, finding.column - 1, finding.column - 1 + max(1, finding.length))
        else:  # about the whole document: on the first paragraph with text
            p = next((q for q in paragraphs if q.runs), None)
            span = (p.runs[0]._r, p.runs[-1]._r) if p is not None else None
        if span is None or p is None:
            continue
        first, last = span
        word.add_comment(
            [Run(first, p), Run(last, p)], text=comment_text(finding), author=COMMENT_AUTHOR, initials="d"
        )
        placed += 1
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), placed
