"""Re-typesetting other people's Word files to GB/T 9704 and checking their layout.

- :mod:`.classify` — which level each paragraph is (title, byline, 一、（一）1.（1）, body, signature, date),
  from its text and its style name;
- :mod:`.wordfile` — opening a .docx with Chinese errors (and refusing .doc/.wps), the paragraphs of its
  body, the text of a paragraph as its runs hold it, resolved fonts and sizes;
- :mod:`.retype` — ``drafter format``: page, grid, styles, fonts per level, indents, page numbers,
  full-width punctuation, with the text kept character for character;
- :mod:`.layoutcheck` — the layout findings of ``drafter lint 文件.docx``;
- :mod:`.annotate` — ``drafter lint --批注``: findings as Word comments on the exact characters.

The figures and fonts come from :mod:`drafter.writers.docx.layout`, the XML shapes from its ``styles``,
so a formatted file looks like a drafted one.
"""
