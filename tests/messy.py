"""Real-world-looking Word files for ``drafter format`` and the layout checks.

:func:`pasted_docx` turns a seed report (plain text, first line the title) into a .docx as if pasted from
a web page into Word: python-docx's default template (Calibri, theme fonts, US Letter), body paragraphs
indented with spaces (half- or full-width) or a tab, 1.5 line spacing, half-width punctuation in Chinese
sentences, headings in "Heading 1" style or bold, text split over several runs, a table, a Word comment
and a tracked insertion and deletion.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def seed_lines(path: Path, limit: int = 40) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:limit]


def pasted_docx(lines: list[str], target: Path) -> Path:
    word = docx.Document()
    word.styles["Normal"].font.name = "Calibri"
    title = word.add_paragraph()
    title.add_run(lines[0]).bold = True
    title.alignment = 1
    for number, line in enumerate(lines[1:], start=1):
        heading = re.match(r"^[一二三四五六七八九十]+、", line) and len(line) < 50
        if heading and number % 2:
            p = word.add_paragraph(line, style="Heading 1")
            continue
        text = line.translate(HALF) if number % 3 == 0 else line
        indent = ("    ", "　　", "\t", "  ")[number % 4]
        p = word.add_paragraph()
        p.paragraph_format.line_spacing = 1.5
        middle = len(text) // 2
        p.add_run(indent + text[:middle])
        second = p.add_run(text[middle:])
        second.font.size = Pt(12)
        if heading:
            second.bold = True
    table = word.add_table(rows=2, cols=2)
    for i, cell in enumerate(table._cells):
        cell.text = ["项目", "数量", "党员大会", "4次"][i]
    word.add_paragraph("某某单位党组")
    word.add_paragraph("2024年1月5日")
    body = [p for p in word.paragraphs if len(p.text) > 30]
    word.add_comment(body[1].runs, text="请核实数字", author="审核人", initials="审")
    _track(body[2])
    word.save(str(target))
    return target


def _track(paragraph: docx.text.paragraph.Paragraph) -> None:
    """A tracked insertion (w:ins around a run) and a tracked deletion (w:del with w:delText)."""
    run = paragraph.runs[-1]._r
    inserted = etree.SubElement(
        paragraph._p,
        qn("w:ins"),
        {qn("w:id"): "901", qn("w:author"): "甲", qn("w:date"): "2024-01-01T00:00:00Z"},
    )
    new = copy.deepcopy(run)
    for t in new.iter(qn("w:t")):
        t.text = "（新增）"
    inserted.append(new)
    deleted = etree.SubElement(
        paragraph._p,
        qn("w:del"),
        {qn("w:id"): "902", qn("w:author"): "甲", qn("w:date"): "2024-01-01T00:00:00Z"},
    )
    gone = copy.deepcopy(run)
    for t in gone.iter(qn("w:t")):
        t.tag = qn("w:delText")
        t.text = "删去的字"
    deleted.append(gone)
