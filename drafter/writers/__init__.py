"""Writers: turn the one document model into .docx, Markdown/plain text and the terminal preview.

:func:`render_bytes` is the single dispatch on output format, shared by ``render``, ``batch`` and
the sample regeneration script.
"""

from __future__ import annotations

from typing import Any

from drafter.model import Document


def render_bytes(doc: Document, fmt: str, *, fonts: Any = None, comments: bool = True) -> bytes:
    """The document in ``fmt`` (docx, md or txt) as bytes; text formats are UTF-8."""
    if fmt == "docx":
        from drafter.writers.docx import render_docx

        return render_docx(doc, fonts, comments=comments)
    if fmt == "md":
        from drafter.writers.text import to_markdown

        return to_markdown(doc).encode("utf-8")
    if fmt == "txt":
        from drafter.writers.text import to_text

        return to_text(doc).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
