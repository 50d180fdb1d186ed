"""The terminal preview (rich): the draft with its 一、（一）一是 hierarchy, placeholders highlighted,
and 字数 per section and in total.  Returns renderables; the CLI decides where to print them."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from drafter.model import Block, Document

_STYLE = {
    "title": "bold",
    "byline": "italic",
    "heading1": "bold cyan",
    "heading2": "bold green",
    "heading3": "bold",
}
PLACEHOLDER_STYLE = "bold black on yellow"


def block_text(block: Block) -> Text:
    text = Text(
        justify="center"
        if block.kind in ("title", "byline")
        else "right"
        if block.kind in ("signature", "date")
        else "left"
    )
    for span in block.spans:
        if span.placeholder is not None:
            text.append(span.text, style=PLACEHOLDER_STYLE)
        elif span.role == "heading2" and block.kind == "para":
            text.append(span.text, style="green")
        else:
            text.append(span.text, style=_STYLE.get(block.kind, ""))
    return text


def preview(
    doc: Document, sections: dict[str, int] | None = None, budgets: dict[str, int] | None = None
) -> RenderableType:
    """The whole draft, then the 字数 table (per section role when ``sections`` is given)."""
    parts: list[RenderableType] = []
    for block in doc.blocks:
        text = block_text(block)
        if block.kind == "para":
            text = Text("\u3000\u3000") + text
        pad = (1, 0, 0, 0) if block.kind in ("heading1", "signature") else (0, 0, 0, 0)
        parts.append(Padding(text, pad))
    parts.append(Padding(word_count_table(doc, sections, budgets), (1, 0, 0, 0)))
    return Group(*parts)


def word_count_table(
    doc: Document, sections: dict[str, int] | None = None, budgets: dict[str, int] | None = None
) -> Table:
    """字数 per section (and against its budget when a target 字数 was set), the total, and the
    list of placeholders still to fill."""
    rows = list(sections.items()) if sections else doc.word_counts()
    if sections:
        rest = doc.total_chars - sum(sections.values())
        if rest > 0:
            rows.append(("标题、开头、结尾等", rest))
    table = Table(title="字数统计", show_edge=False)
    table.add_column("部分")
    table.add_column("字数", justify="right")
    if budgets:
        table.add_column("预算", justify="right")
        table.add_column("差额", justify="right")
    for name, count in rows:
        row = [name, str(count)]
        if budgets:
            budget = budgets.get(name)
            row += [str(budget), f"{count - budget:+d}"] if budget is not None else ["", ""]
        table.add_row(*row)
    total = [Text("全文合计", style="bold"), Text(str(doc.total_chars), style="bold")]
    if budgets:
        total += [Text(""), Text("")]
    table.add_row(*total)
    placeholders = doc.placeholders
    if placeholders:
        table.caption = f"待补充 {len(placeholders)} 处：" + "、".join(dict.fromkeys(placeholders))
    return table
