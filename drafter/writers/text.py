"""Markdown and plain-text writers of the document model.

Markdown marks placeholders in bold (``**【待补充：…】**``) so they stand out in any viewer; plain text
keeps them as they are.  Both end with a newline and use the numbering the model already carries.
"""

from __future__ import annotations

from drafter.model import Block, Document

_MD_PREFIX = {"heading1": "## ", "heading2": "### ", "heading3": "#### "}


def _md_inline(block: Block) -> str:
    out = []
    for span in block.spans:
        text = span.text.replace("*", "\\*").replace("_", "\\_")
        out.append(f"**{text}**" if span.placeholder else text)
    return "".join(out)


FACTS_MARK = "drafter-facts"
_DASHES = "\\u002d\\u002d"  # JSON's own escape for "--": json.loads reads it back as "--"


def to_markdown(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        text = _md_inline(block)
        if block.kind == "title":
            lines.append(f"# {text}")
        elif block.kind == "byline":
            lines.append(f'<p align="center">{text}</p>')
        elif block.kind in _MD_PREFIX:
            lines.append(_MD_PREFIX[block.kind] + text)
        elif block.kind in ("signature", "date"):
            lines.append(f'<p align="right">{text}</p>')
        else:
            lines.append(text)
        lines.append("")
    if doc.facts:  # invisible when the Markdown is shown; next year's init --from reads it back
        facts = doc.facts.replace("--", _DASHES)  # "--" may not stand inside an HTML comment
        lines.append(f"<!-- {FACTS_MARK} {facts} -->")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_text(doc: Document) -> str:
    lines: list[str] = []
    for block in doc.blocks:
        if block.kind in ("title", "byline"):
            lines.append(block.text.center(28, "\u3000").rstrip("\u3000"))
        elif block.kind in ("signature", "date"):
            lines.append(block.text.rjust(26, "\u3000"))
        else:
            lines.append("\u3000\u3000" + block.text)
    return "\n".join(lines) + "\n"
