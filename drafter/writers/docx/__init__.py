"""The Word (.docx) writer: renders a :class:`drafter.model.Document` in GB/T 9704-2012 layout.

A package of layers, each importing only those before it:

- :mod:`.oxml` — namespaces, the schema order of child elements (declared once), escaping;
- :mod:`.layout` — the GB/T 9704 figures and the :class:`Fonts` of each level;
- :mod:`.styles` — run looks, paragraph shapes, the styles part and the page-number footers;
- :mod:`.skeleton` — every other fixed part, shipped as files under ``parts/`` (built by
  ``python -m drafter.writers.docx.build``);
- :mod:`.body` — a draft's paragraphs, comments and core properties, and the reproducible zip.

Writing a draft needs no python-docx (only reading other people's files does).  The caller writes the bytes.
"""

from __future__ import annotations

from drafter.writers.docx.body import TITLE_WIDTH, render_docx, split_title
from drafter.writers.docx.layout import Fonts
from drafter.writers.docx.oxml import clean_text

__all__ = ["TITLE_WIDTH", "Fonts", "clean_text", "render_docx", "split_title"]
