"""``drafter format``: any Chinese report .docx re-typeset to GB/T 9704, text kept character for character.

The real-world set: every seed report pasted into Word the way web pages arrive (tests/messy.py: Calibri,
manual-space indents, 1.5 line spacing, half-width punctuation, a table, a comment, tracked changes), and
every sample draft after a round trip through LibreOffice.  Each formatted file must be valid OOXML
(openxml-audit), pass the layout checks, keep its text (whitespace aside, changed punctuation folded),
comments and tracked changes, and LibreOffice must show it as 22 lines of at most 28 characters with
page numbers (the independent reading of tests/test_libreoffice.py).
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from messy import pasted_docx, seed_lines
from ooxml import audit
from test_libreoffice import (
    CHARS_PER_LINE,
    HANGING,
    LINES_PER_PAGE,
    TIMEOUT,
    TYPE_LEFT,
    TYPE_RIGHT,
    body_lines,
    fontconfig_env,
    footer,
    pages,
    require,
    require_fonts,
    units,
)

from drafter.typeset.layoutcheck import check_layout
from drafter.typeset.punct import comparable, fullwidth
from drafter.typeset.retype import all_text, retype
from drafter.typeset.wordfile import open_docx

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SAMPLES = sorted((ROOT / "samples").glob("*.docx"))


def office() -> str:
    return shutil.which("libreoffice") or shutil.which("soffice") or require("soffice")


def convert(files: list[Path], fmt: str, outdir: Path) -> None:
    outdir.mkdir(exist_ok=True)
    subprocess.run(
        [
            office(),
            f"-env:UserInstallation={(outdir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        env=fontconfig_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture(scope="module")
def pasted(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pasted")
    return [pasted_docx(seed_lines(seed), folder / f"{seed.stem}.docx") for seed in SEEDS]


@pytest.fixture(scope="module")
def round_tripped(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample drafts opened and saved again by LibreOffice (its own styles, rsids, settings)."""
    folder = tmp_path_factory.mktemp("roundtrip")
    sources = []
    for sample in SAMPLES:
        copy = folder / f"src-{sample.stem}.odt"
        sources.append(copy)
        shutil.copyfile(sample, copy.with_suffix(".docx"))
    convert([s.with_suffix(".docx") for s in sources], "odt", folder / "odt")
    odts = sorted((folder / "odt").glob("*.odt"))
    assert len(odts) == len(SAMPLES)
    convert(odts, "docx:MS Word 2007 XML", folder / "docx")
    out = sorted((folder / "docx").glob("*.docx"))
    assert len(out) == len(SAMPLES)
    return out


def counts(path: Path) -> tuple[int, int, int]:
    """Comments, tracked insertions and tracked deletions in a package."""
    with zipfile.ZipFile(path) as z:
        document = z.read("word/document.xml").decode("utf-8")
        comments = z.read("word/comments.xml").decode("utf-8") if "word/comments.xml" in z.namelist() else ""
    return comments.count("<w:comment "), document.count("<w:ins "), document.count("<w:del ")


def formatted(source: Path, folder: Path) -> Path:
    data, _ = retype(source)
    target = folder / f"{source.stem}-formatted.docx"
    target.write_bytes(data)
    return target


def check_formatted(source: Path, target: Path) -> None:
    assert audit(target) == []
    assert [(f.rule, f.message) for f in check_layout(target)] == []
    assert comparable(all_text(open_docx(source))) == comparable(all_text(open_docx(target)))
    assert counts(target) == counts(source)


def test_pasted_documents_fail_the_layout_checks_before(pasted: list[Path]) -> None:
    for path in pasted:
        rules = {f.rule for f in check_layout(path)}
        assert {
            "layout-page",
            "layout-margin",
            "layout-line",
            "layout-font",
            "layout-indent",
            "layout-page-number",
        } <= rules, path.name


@pytest.mark.parametrize("index", range(len(SEEDS)))
def test_pasted_seed_formats_to_gbt9704(pasted: list[Path], index: int, tmp_path: Path) -> None:
    source = pasted[index]
    assert counts(source)[0] == 1 and counts(source)[1] >= 1 and counts(source)[2] >= 1
    target = formatted(source, tmp_path)
    check_formatted(source, target)
    word = docx.Document(str(target))
    texts = [p.text for p in word.paragraphs]
    assert not any(t.startswith((" ", "　", "\t")) for t in texts)  # no manual-space indents left
    assert "删去的字" in target.read_bytes().decode("latin-1") or counts(target)[2] >= 1
    assert word.tables[0].cell(1, 1).text == "4次"
    cell_run = word.tables[0].cell(0, 0).paragraphs[0].runs[0]._r
    assert (
        cell_run.find(".//w:rFonts", cell_run.nsmap).get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        == "仿宋_GB2312"
    )


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_samples_after_a_libreoffice_round_trip_format_cleanly(
    round_tripped: list[Path], index: int, tmp_path: Path
) -> None:
    source = round_tripped[index]
    check_formatted(source, formatted(source, tmp_path))


def test_headings_get_the_fonts_of_their_level(pasted: list[Path], tmp_path: Path) -> None:
    target = formatted(pasted[0], tmp_path)
    word = docx.Document(str(target))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def font(p: docx.text.paragraph.Paragraph) -> str:
        run = next(r for r in p.runs if r.text.strip() and r.text[0] not in "“”‘’—…·")
        return str(run._r.find(f"{ns}rPr/{ns}rFonts").get(f"{ns}eastAsia"))

    paragraphs = [p for p in word.paragraphs if p.text.strip()]
    assert font(paragraphs[0]) == "方正小标宋简体"
    assert font(paragraphs[1]) == "仿宋_GB2312"
    assert {font(p) for p in paragraphs if p.text.startswith("一、")} == {"黑体"}
    assert paragraphs[-1].text == "2024年1月5日"
    assert font(paragraphs[-1]) == font(paragraphs[-2]) == "仿宋_GB2312"
    assert (
        paragraphs[-1].paragraph_format.alignment == paragraphs[-2].paragraph_format.alignment == 2
    )  # right
    # one line's space after the title and before the signature (no paragraph added: the text stays)
    assert paragraphs[1].paragraph_format.space_before.twips == 579
    assert paragraphs[-2].paragraph_format.space_before.twips == 579
    assert paragraphs[-1].paragraph_format.space_before.twips == 0
    assert paragraphs[2].paragraph_format.space_before.twips == 0


def test_libreoffice_shows_formatted_files_on_the_grid(
    pasted: list[Path], round_tripped: list[Path], tmp_path: Path
) -> None:
    require("pdftotext")
    require_fonts()
    targets = [formatted(source, tmp_path) for source in [*pasted, *round_tripped]]
    convert(targets, "pdf", tmp_path / "pdf")
    for target in targets:
        pdf = tmp_path / "pdf" / f"{target.stem}.pdf"
        assert pdf.is_file(), target.name
        for number, words in enumerate(pages(pdf), 1):
            lines = body_lines(words)
            assert 0 < len(lines) <= LINES_PER_PAGE, f"{target.name} 第{number}页有 {len(lines)} 行"
            for line in lines:
                text = "".join(w.text for w in line)
                assert line[0].x0 >= TYPE_LEFT - 1
                if line[-1].x1 > TYPE_RIGHT + 1:
                    assert text[-1] in HANGING, f"{target.name} 第{number}页“{text}”越过右边界"
                    text = text[:-1]
                if text.isascii() or not any(c.isascii() and c.isalpha() for c in text):
                    # (with Latin letters in the line, the bounds above are the measure: Times is not half-width)
                    assert units(text) <= CHARS_PER_LINE, f"{target.name} 第{number}页超过 28 字：{text}"
            assert "".join(w.text for w in footer(words)) == f"—{number}—"
        # fonts per level, read from the PDF: 仿宋 body (FandolFang), 黑体 一、 (Noto Sans CJK), 小标宋 title
        listing = subprocess.run(
            [require("pdffonts"), str(pdf)], capture_output=True, text=True, check=True, timeout=120
        ).stdout.replace(" ", "")
        assert "FandolFang" in listing and "NotoSerifCJK" in listing, target.name
        if any(p.text.startswith("一、") for p in docx.Document(str(target)).paragraphs):
            assert "NotoSansCJK" in listing, target.name
        if any(p.text.startswith("（一）") for p in docx.Document(str(target)).paragraphs):
            assert "FandolKai" in listing, target.name


# --- punctuation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("我们开展了学习,取得成效.", "我们开展了学习，取得成效。"),
        ("共有党员(含预备党员)25名;其中:女党员3名", "共有党员（含预备党员）25名；其中：女党员3名"),
        ('开展"三会一课"活动', "开展“三会一课”活动"),
        ("资金1,000万元,10:30开会", "资金1,000万元，10:30开会"),
        ("见 https://example.com/a.b?x=1 (English only)", "见 https://example.com/a.b?x=1 (English only)"),
        ("1.坚持学习", "1.坚持学习"),
    ],
)
def test_fullwidth_changes_only_chinese_sentences(before: str, after: str) -> None:
    assert fullwidth(before) == after
    assert len(fullwidth(before)) == len(before)
    assert comparable(before) == comparable(after)


# --- the command --------------------------------------------------------------------------------


def test_format_command_writes_beside_and_never_overwrites(run, pasted: list[Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "报告.docx"
    shutil.copyfile(pasted[0], source)
    original = source.read_bytes()
    result = run("format", source)
    assert result.exit_code == 0, result.output
    target = tmp_path / "报告（排版）.docx"
    assert target.is_file() and "已写入" in result.output and "识别结果" in result.output
    assert "未能确定层级" in result.output  # the pasted noise lines are reported
    again = run("format", source)
    assert again.exit_code == 2 and "文件已存在" in again.output
    same = run("format", source, "-o", source)
    assert same.exit_code == 2 and source.read_bytes() == original
    forced = run("format", source, "-o", source, "--force")
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "报告.bak.docx").read_bytes() == original
    assert source.read_bytes() != original
    assert run("format", target, "-o", source, "--force").exit_code == 0
    assert (tmp_path / "报告.bak2.docx").is_file()  # the first backup is never replaced


def test_dry_run_writes_nothing(run, pasted: list[Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "a.docx"
    shutil.copyfile(pasted[1], source)
    result = run("format", source, "--dry-run")
    assert result.exit_code == 0 and "试运行" in result.output and "半角标点" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


@pytest.mark.parametrize("name", ["报告.doc", "报告.wps"])
def test_old_formats_are_refused_in_chinese(run, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = run("format", path)
    assert result.exit_code == 2
    assert "不支持" in result.output and "另存为 .docx" in result.output
    assert "Traceback" not in result.output


def test_an_old_binary_file_renamed_to_docx_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "报告.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = run("format", path)
    assert result.exit_code == 2 and "另存为 .docx" in result.output


def test_font_option(run, pasted: list[Path], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "b.docx"
    assert run("format", pasted[0], "-o", target, "--font", "正文=仿宋").exit_code == 0
    assert 'w:eastAsia="仿宋"' in zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert run("format", pasted[0], "-o", tmp_path / "c.docx", "--font", "正文").exit_code == 2


def test_a_landscape_section_stays_landscape(pasted: list[Path], tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    word = docx.Document(str(pasted[0]))
    wide = word.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = wide.page_height, wide.page_width
    word.add_paragraph("附表：党员发展情况统计")
    source = tmp_path / "wide.docx"
    word.save(str(source))
    target = formatted(source, tmp_path)
    sections = docx.Document(str(target)).sections
    assert [round(s.page_width.mm) for s in sections] == [210, 297]
    assert [round(s.page_height.mm) for s in sections] == [297, 210]
    assert not [f for f in check_layout(target) if f.rule in ("layout-page", "layout-margin")]
    assert audit(target) == []


def test_automatically_numbered_headings_keep_their_numbers(tmp_path: Path) -> None:
    """Headings numbered by Word (“一、” generated, not typed) are headings, and keep their numbering."""
    word = docx.Document()
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    numbering = word.styles["List Number"].element.find(f"{ns}pPr/{ns}numPr")
    word.styles["Heading 1"].element.get_or_add_pPr().append(copy.deepcopy(numbering))
    word.add_paragraph("2024年度党建工作总结").alignment = 1
    word.add_paragraph("今年以来，我们认真落实党建工作责任制，取得了明显成效。")
    word.add_paragraph("加强理论武装", style="Heading 1")
    word.add_paragraph("全年开展中心组学习12次，专题研讨4次，推动学习走深走实。")
    header = word.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "内部资料"
    source = tmp_path / "numbered.docx"
    word.save(str(source))
    data, report = retype(source)
    assert report.levels["heading1"] == 1 and not report.unclassified
    target = tmp_path / "out.docx"
    target.write_bytes(data)
    heading = docx.Document(str(target)).paragraphs[2]
    assert heading._p.find(f"{ns}pPr/{ns}numPr") is not None  # the generated number survives
    run = heading.runs[0]._r
    assert run.find(f"{ns}rPr/{ns}rFonts").get(f"{ns}eastAsia") == "黑体"
    even = docx.Document(str(target)).sections[0].even_page_header
    assert not even.is_linked_to_previous and even.paragraphs[0].text == "内部资料"
    assert audit(target) == []


PIECES = [
    "党建",
    "工作",
    "一、",
    "（一）",
    "1.",
    "(2)",
    "一是",
    "，",
    ",",
    "。",
    ".",
    "；",
    ";",
    ":",
    "：",
    "“",
    "”",
    '"',
    "(",
    ")",
    "（",
    "）",
    " ",
    "　",
    "\t",
    "2024年",
    "1,000",
    "10:30",
    "abc",
    "——",
    "…",
    "·",
    "签定",
    "\n",
]


@settings(
    max_examples=int(os.environ.get("DRAFTER_FORMAT_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    paragraphs=st.lists(
        st.tuples(
            st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), min_size=1, max_size=4),
            st.sampled_from(["Normal", "Heading 1", "Heading 2", "Title", "List Number"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_document_keeps_its_text_and_stays_valid(
    paragraphs: list[tuple[list[str], str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("any")
    word = docx.Document()
    for runs, style in paragraphs:
        p = word.add_paragraph(style=style)
        for text in runs:
            p.add_run(text)
    source = folder / "any.docx"
    word.save(str(source))
    data, report = retype(source)
    target = folder / "out.docx"
    target.write_bytes(data)
    assert comparable(all_text(open_docx(source))) == comparable(all_text(open_docx(target)))
    assert audit(target) == []
    assert sum(report.levels.values()) == len(paragraphs)
