"""Tests for the Word writer: GB/T 9704 layout, explicit CJK fonts, footers, placeholders, determinism."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import DrafterError
from drafter.model import (
    PH_CLOSE,
    PH_OPEN,
    Block,
    BlockKind,
    Document,
    Span,
    SpanRole,
    build_document,
    placeholder_text,
)
from drafter.pipeline import draft
from drafter.writers.docx import Fonts, clean_text, render_docx
from drafter.writers.docx.layout import AMBIGUOUS_PUNCTUATION
from drafter.writers.docx.skeleton import parts_for

MARKUP = "\n".join(
    [
        "::title 2023年度党组书记抓基层党建工作述职报告",
        "::byline 某市发展和改革委员会党组书记、主任　张三",
        f"::para 根据“要求”，现将2023年度工作报告如下——共有党员{PH_OPEN}党员人数{PH_CLOSE}名。",
        "::h1 主要工作",
        "::h2 强化理论武装，筑牢思想根基",
        "::h3 坚持第一议题",
        "::item 严格落实“第一议题”制度\t坚持把学习作为首要政治任务。",
        f"::h2p 精力投入还需平衡\t全年召开{PH_OPEN}会议次数{PH_CLOSE}次会议。",
        "::signature 张三",
        "::date 2024年1月5日",
    ]
)

W_VAL = qn("w:val")


@pytest.fixture(scope="module")
def document() -> Document:
    return build_document(MARKUP)


@pytest.fixture(scope="module")
def data(document: Document) -> bytes:
    return render_docx(document)


def part(data: bytes, name: str) -> BaseOxmlElement:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return parse_xml(z.read(name))


def raw(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def body_paragraphs(data: bytes) -> list[BaseOxmlElement]:
    return list(part(data, "word/document.xml").iter(qn("w:p")))


def text_of(p: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def text_runs(p: BaseOxmlElement) -> list[BaseOxmlElement]:
    return [r for r in p.findall(qn("w:r")) if r.find(qn("w:t")) is not None]


def attr(el: BaseOxmlElement | None, path: str, name: str) -> str | None:
    assert el is not None
    found = el.find(path, nsmap) if path else el
    return None if found is None else found.get(qn(f"w:{name}"))


def para_by_text(data: bytes, start: str) -> BaseOxmlElement:
    return next(p for p in body_paragraphs(data) if text_of(p).startswith(start))


def east_asia(run: BaseOxmlElement) -> str | None:
    return attr(run, "w:rPr/w:rFonts", "eastAsia")


def size(run: BaseOxmlElement) -> str | None:
    return attr(run, "w:rPr/w:sz", "val")


# --- paragraph sequence -------------------------------------------------------------------------


def test_paragraph_order_with_blank_lines(data: bytes) -> None:
    texts = [text_of(p) for p in body_paragraphs(data)]
    assert texts == [
        "2023年度党组书记抓基层党建工作述职报告",
        "某市发展和改革委员会党组书记、主任　张三",
        "",  # blank line between the title block and the body
        "根据“要求”，现将2023年度工作报告如下——共有党员【待补充：党员人数】名。",
        "一、主要工作",
        "（一）强化理论武装，筑牢思想根基",
        "1.坚持第一议题",
        "一是严格落实“第一议题”制度。坚持把学习作为首要政治任务。",
        "（二）精力投入还需平衡。全年召开【待补充：会议次数】次会议。",
        "",  # one blank line before the signature
        "张三",
        "2024年1月5日",  # the date on the very next line
    ]


# --- fonts and sizes per level ------------------------------------------------------------------

LEVELS = [
    # (paragraph start, eastAsia font, w:sz, bold, jc, first-line indent, pStyle)
    ("2023年度党组书记", "方正小标宋简体", "44", False, "center", False, "Title"),
    ("某市发展", "楷体_GB2312", "32", False, "center", False, "Subtitle"),
    ("一、", "黑体", "32", False, "both", True, "Heading1"),
    ("（一）", "楷体_GB2312", "32", False, "both", True, "Heading2"),
    ("1.", "仿宋_GB2312", "32", True, "both", True, "Heading3"),
    ("根据", "仿宋_GB2312", "32", False, "both", True, None),
    ("一是", "仿宋_GB2312", "32", False, "both", True, None),
    ("张三", "仿宋_GB2312", "32", False, "right", False, "Signature"),
    ("2024年", "仿宋_GB2312", "32", False, "right", False, "Date"),
]


@pytest.mark.parametrize(("start", "font", "sz", "bold", "jc", "indented", "style"), LEVELS)
def test_level_formatting(
    data: bytes, start: str, font: str, sz: str, bold: bool, jc: str, indented: bool, style: str | None
) -> None:
    p = para_by_text(data, start)
    assert attr(p, "w:pPr/w:pStyle", "val") == style
    assert attr(p, "w:pPr/w:jc", "val") == jc
    if indented:
        assert attr(p, "w:pPr/w:ind", "firstLine") == "640"
        assert attr(p, "w:pPr/w:ind", "firstLineChars") == "200"
    else:
        assert attr(p, "w:pPr/w:ind", "firstLine") == "0"
        assert attr(p, "w:pPr/w:ind", "firstLineChars") == "0"
    runs = text_runs(p)
    assert runs
    for run in runs:
        assert east_asia(run) == font
        assert size(run) == sz
        latin = font if set(text_of(run)) <= set(AMBIGUOUS_PUNCTUATION) else "Times New Roman"
        assert attr(run, "w:rPr/w:rFonts", "ascii") == latin
        assert attr(run, "w:rPr/w:rFonts", "hAnsi") == latin
        assert attr(run, "w:rPr/w:rFonts", "hint") == "eastAsia"
        assert attr(run, "w:rPr/w:lang", "eastAsia") == "zh-CN"
        assert (run.find("w:rPr/w:b", nsmap) is not None) == bold
        # the body grid: 16 pt runs condensed by 0.25 pt so 28 characters fit a line
        assert attr(run, "w:rPr/w:spacing", "val") == ("0" if sz == "44" else "-5")


def test_signature_and_date_right_indent_two_chars(data: bytes) -> None:
    for start in ("张三", "2024年"):
        p = para_by_text(data, start)
        assert attr(p, "w:pPr/w:ind", "right") == "640"
        assert attr(p, "w:pPr/w:ind", "rightChars") == "200"


def test_run_in_heading_uses_kai_font(data: bytes) -> None:
    p = para_by_text(data, "（二）")
    assert attr(p, "w:pPr/w:pStyle", "val") is None  # a body paragraph, not a heading
    fonts = [(text_of(r), east_asia(r)) for r in text_runs(p)]
    assert fonts[:2] == [("（二）精力投入还需平衡。", "楷体_GB2312"), ("全年召开", "仿宋_GB2312")]


def test_quotes_and_dashes_in_runs_naming_the_east_asian_font_everywhere(data: bytes) -> None:
    """WPS ignores w:hint: “ ” — get runs whose ascii/hAnsi font is 仿宋 too; digits stay Times New Roman."""
    p = para_by_text(data, "根据")
    pieces = [(text_of(r), attr(r, "w:rPr/w:rFonts", "ascii"), east_asia(r)) for r in text_runs(p)]
    assert "".join(text for text, _, _ in pieces).startswith("根据“要求”，现将2023年度工作报告如下——共有")
    for text, ascii_font, east in pieces:
        assert east == "仿宋_GB2312"
        if set(text) & set(AMBIGUOUS_PUNCTUATION):
            assert set(text) <= set(AMBIGUOUS_PUNCTUATION)
            assert ascii_font == "仿宋_GB2312"
        else:
            assert ascii_font == "Times New Roman"
    assert ("——", "仿宋_GB2312", "仿宋_GB2312") in pieces
    assert any("2023" in text and ascii_font == "Times New Roman" for text, ascii_font, _ in pieces)


def test_exact_line_spacing_on_every_body_paragraph(data: bytes) -> None:
    paragraphs = body_paragraphs(data)
    assert len(paragraphs) == 12
    for p in paragraphs:
        assert attr(p, "w:pPr/w:spacing", "line") == "579"
        assert attr(p, "w:pPr/w:spacing", "lineRule") == "exact"
        assert attr(p, "w:pPr/w:spacing", "before") == "0"
        assert attr(p, "w:pPr/w:spacing", "after") == "0"


# --- no theme fonts; explicit fonts, sizes and zh-CN in styles --------------------------------

THEME = re.compile(r"w:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)=")


@pytest.mark.parametrize(
    "name",
    ["word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml", "word/comments.xml"],
)
def test_no_theme_font_attributes(data: bytes, name: str) -> None:
    assert not THEME.search(raw(data, name))


def test_doc_defaults_are_explicit_chinese(data: bytes) -> None:
    styles = part(data, "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", nsmap)
    assert attr(rpr, "w:rFonts", "eastAsia") == "仿宋_GB2312"
    assert attr(rpr, "w:rFonts", "ascii") == "Times New Roman"
    assert attr(rpr, "w:sz", "val") == "32"
    assert attr(rpr, "w:lang", "eastAsia") == "zh-CN"


def test_every_used_style_has_explicit_font_and_size(data: bytes) -> None:
    styles = part(data, "word/styles.xml")
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    used = (
        {"Normal"}
        | {p.get(W_VAL) for p in part(data, "word/document.xml").iter(qn("w:pStyle"))}
        | {p.get(W_VAL) for p in part(data, "word/footer1.xml").iter(qn("w:pStyle"))}
    )
    assert {"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Signature", "Date", "Footer"} <= used
    expected = {
        "Normal": ("仿宋_GB2312", "32"),
        "Title": ("方正小标宋简体", "44"),
        "Subtitle": ("楷体_GB2312", "32"),
        "Heading1": ("黑体", "32"),
        "Heading2": ("楷体_GB2312", "32"),
        "Heading3": ("仿宋_GB2312", "32"),
        "Signature": ("仿宋_GB2312", "32"),
        "Date": ("仿宋_GB2312", "32"),
        "Footer": ("宋体", "28"),
    }
    for style_id in used:
        style = by_id[style_id]
        assert (attr(style, "w:rPr/w:rFonts", "eastAsia"), attr(style, "w:rPr/w:sz", "val")) == expected[
            style_id
        ]
        assert attr(style, "w:rPr/w:lang", "eastAsia") == "zh-CN"
    assert by_id["Heading1"].find("w:pPr/w:outlineLvl", nsmap) is not None
    assert attr(by_id["Normal"], "w:pPr/w:spacing", "line") == "579"


def test_theme_font_language_is_chinese(data: bytes) -> None:
    settings = part(data, "word/settings.xml")
    assert attr(settings, "w:themeFontLang", "eastAsia") == "zh-CN"
    assert settings.find(qn("w:evenAndOddHeaders")) is not None


def test_font_table_declares_chinese_fonts(data: bytes) -> None:
    table = part(data, "word/fontTable.xml")
    charsets = {f.get(qn("w:name")): attr(f, "w:charset", "val") for f in table.findall(qn("w:font"))}
    for name in ("方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "宋体"):
        assert charsets.get(name) == "86"


# --- page ---------------------------------------------------------------------------------------


def test_page_size_margins_and_grid(data: bytes) -> None:
    body = part(data, "word/document.xml").find(qn("w:body"))
    assert body is not None
    sect = body.find(qn("w:sectPr"))
    assert attr(sect, "w:pgSz", "w") == "11906"
    assert attr(sect, "w:pgSz", "h") == "16838"
    margins = {k: attr(sect, "w:pgMar", k) for k in ("top", "bottom", "left", "right", "footer")}
    assert margins == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474", "footer": "1423"}
    assert attr(sect, "w:docGrid", "type") is None


def test_python_docx_reads_a4(data: bytes) -> None:
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297


# --- footers ------------------------------------------------------------------------------------


def footer_xml(data: bytes, kind: str) -> BaseOxmlElement:
    sect = part(data, "word/document.xml").find(f"{qn('w:body')}/{qn('w:sectPr')}")
    assert sect is not None
    refs = {r.get(qn("w:type")): r.get(qn("r:id")) for r in sect.findall(qn("w:footerReference"))}
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    return part(data, "word/" + str(targets[refs[kind]]))


@pytest.mark.parametrize(("kind", "jc", "side"), [("default", "right", "right"), ("even", "left", "left")])
def test_footer_page_number(data: bytes, kind: str, jc: str, side: str) -> None:
    ftr = footer_xml(data, kind)
    paragraphs = ftr.findall(qn("w:p"))
    assert len(paragraphs) == 1
    p = paragraphs[0]
    assert attr(p, "w:pPr/w:jc", "val") == jc
    assert attr(p, "w:pPr/w:ind", side) == "280"
    assert text_of(p) == "— 1 —"
    field = [
        el.get(qn("w:fldCharType")) if el.tag == qn("w:fldChar") else (el.text or "").strip()
        for el in p.iter(qn("w:fldChar"), qn("w:instrText"))
    ]
    assert field == ["begin", "PAGE", "separate", "end"]
    for run in p.findall(qn("w:r")):
        assert east_asia(run) == "宋体"
        assert attr(run, "w:rPr/w:rFonts", "ascii") == "宋体"
        assert size(run) == "28"


# --- placeholders -------------------------------------------------------------------------------


def test_placeholders_highlighted_and_commented(data: bytes, document: Document) -> None:
    labels = document.placeholders
    assert labels == ["党员人数", "会议次数"]
    highlighted: list[str] = []
    for p in body_paragraphs(data):
        children = list(p)
        for i, el in enumerate(children):
            if el.tag != qn("w:r") or el.find(qn("w:t")) is None:
                continue
            mark = attr(el, "w:rPr/w:highlight", "val")
            if text_of(el).startswith("【待补充："):
                assert mark == "yellow"
                highlighted.append(text_of(el))
                assert children[i - 1].tag == qn("w:commentRangeStart")
                assert children[i + 1].tag == qn("w:commentRangeEnd")
            else:
                assert mark is None
    assert highlighted == ["【待补充：党员人数】", "【待补充：会议次数】"]
    comments = list(docx.Document(io.BytesIO(data)).comments)
    assert [c.text for c in comments] == ["请补充：党员人数", "请补充：会议次数"]
    assert {c.author for c in comments} == {"drafter"}


def test_comments_can_be_switched_off(document: Document) -> None:
    data = render_docx(document, comments=False)
    xml = raw(data, "word/document.xml")
    assert "commentRangeStart" not in xml
    assert xml.count('w:highlight w:val="yellow"') == 2
    assert len(docx.Document(io.BytesIO(data)).comments) == 0


# --- properties and reproducibility -------------------------------------------------------------


def test_core_properties(data: bytes) -> None:
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "2023年度党组书记抓基层党建工作述职报告"
    assert core.author == "张三"
    assert core.revision == 1
    assert core.created is not None and core.created.year == 2000
    assert core.modified is not None and core.modified.year == 2000
    assert "python-docx" not in raw(data, "docProps/core.xml")


def test_byte_identical_renders(document: Document) -> None:
    first = render_docx(document)
    second = render_docx(build_document(MARKUP))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    assert "docProps/thumbnail.jpeg" not in {i.filename for i in infos}


def test_control_characters_are_dropped() -> None:
    doc = Document(
        blocks=[Block("para", [Span("前\x01中\x0b后\x1f。")])],
        title="标\x02题",
        author="作者",
    )
    data = render_docx(doc)
    assert [text_of(p) for p in body_paragraphs(data)] == ["前中后。"]
    assert docx.Document(io.BytesIO(data)).core_properties.title == "标题"


def test_empty_document_renders() -> None:
    data = render_docx(Document())
    assert body_paragraphs(data) == []
    assert docx.Document(io.BytesIO(data)).sections[0].footer.paragraphs[0].text == "— 1 —"


# --- font overrides -----------------------------------------------------------------------------


def test_font_overrides_chinese_and_field_keys(document: Document) -> None:
    fonts = Fonts.with_overrides({"正文": "仿宋", "一级": "方正黑体_GBK", "latin": "Arial", "页码": "仿宋"})
    assert fonts == Fonts(body="仿宋", heading1="方正黑体_GBK", latin="Arial", page_number="仿宋")
    data = render_docx(document, fonts)
    body_run = text_runs(para_by_text(data, "根据"))[0]
    assert east_asia(body_run) == "仿宋"
    assert attr(body_run, "w:rPr/w:rFonts", "ascii") == "Arial"
    assert east_asia(text_runs(para_by_text(data, "一、"))[0]) == "方正黑体_GBK"
    assert east_asia(text_runs(para_by_text(data, "（一）"))[0]) == "楷体_GB2312"  # unchanged
    assert east_asia(text_runs(para_by_text(data, "2023年度党组书记"))[0]) == "方正小标宋简体"
    styles = raw(data, "word/styles.xml")
    assert 'w:eastAsia="仿宋_GB2312"' not in styles
    footer = footer_xml(data, "default")
    assert {east_asia(r) for r in footer.iter(qn("w:r"))} == {"仿宋"}


def test_unknown_font_key_is_a_chinese_error() -> None:
    with pytest.raises(DrafterError) as info:
        Fonts.with_overrides({"正文": "仿宋", "三级": "楷体"})
    error = info.value
    assert "三级" in str(error)
    assert error.hint is not None
    for key in ("标题", "一级", "二级", "正文", "页码", "西文"):
        assert key in error.hint


def test_empty_font_name_is_an_error() -> None:
    with pytest.raises(DrafterError, match="正文"):
        Fonts.with_overrides({"正文": "  "})


# --- the fast path: a skeleton built once per font set, the body written as XML text ----------

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.yaml"))


def read_back(text: str) -> str:
    """What python-docx reads for ``text`` written into a run: control characters gone, CR as a break."""
    return clean_text(text).replace("\r", "\n")


def expected_paragraphs(doc: Document) -> list[str]:
    """The model's blocks with the blank lines the writer adds (after the title block, before 署名)."""
    texts: list[str] = []
    previous: str | None = None
    for block in doc.blocks:
        if (previous in ("title", "byline") and block.kind not in ("title", "byline")) or (
            previous not in (None, "title", "byline")
            and (block.kind == "signature" or (block.kind == "date" and previous != "signature"))
        ):
            texts.append("")
        texts.append("".join(read_back(s.text) for s in block.spans))
        previous = block.kind
    return texts


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_drafts_open_in_python_docx_with_the_model_text(sample: Path) -> None:
    doc = draft(sample).document
    assert doc.blocks
    opened = docx.Document(io.BytesIO(render_docx(doc)))
    texts = [p.text.replace("\n", "") for p in opened.paragraphs]  # a long title has a line break
    assert [t for t in texts if t] == [b.text for b in doc.blocks]
    assert texts == expected_paragraphs(doc)
    labels = [s.placeholder for b in doc.blocks for s in b.spans if s.placeholder is not None]
    assert [c.text for c in opened.comments] == [f"请补充：{label}" for label in labels]


TRICKY = Document(
    blocks=[
        Block("title", [Span("A&B <公司> “党建” 'x'")]),
        Block(
            "para", [Span("  前导空格"), Span("\t制表\t符"), Span("换\n行与回\r车"), Span("尾随全角空格　")]
        ),
        Block("para", [Span("]]> &amp; &#13;"), Span(placeholder_text("人数<&>"), placeholder="人数<&>")]),
        Block("para", [Span(""), Span(placeholder_text("两\n行"), placeholder="两\n行")]),
        Block("signature", [Span("张三 & 李四")]),
    ],
    title="标题 & <副题>",
    author='作者"甲"',
)
TRICKY_FONTS = Fonts(title='方正&小标宋 "简"', heading1="黑<体>", latin="Times & Co")


def test_markup_characters_round_trip_through_python_docx() -> None:
    data = render_docx(TRICKY, TRICKY_FONTS)
    opened = docx.Document(io.BytesIO(data))
    assert [p.text for p in opened.paragraphs] == expected_paragraphs(TRICKY)
    assert opened.paragraphs[2].text == "  前导空格\t制表\t符换\n行与回\n车尾随全角空格　"
    assert [c.text for c in opened.comments] == ["请补充：人数<&>", "请补充：两\n行"]
    assert {c.author for c in opened.comments} == {"drafter"}
    assert opened.core_properties.title == "标题 & <副题>"
    assert opened.core_properties.author == '作者"甲"'
    assert east_asia(text_runs(body_paragraphs(data)[0])[0]) == '方正&小标宋 "简"'
    assert attr(text_runs(body_paragraphs(data)[0])[0], "w:rPr/w:rFonts", "ascii") == "Times & Co"
    styles = part(data, "word/styles.xml")
    heading1 = next(s for s in styles.findall(qn("w:style")) if s.get(qn("w:styleId")) == "Heading1")
    assert attr(heading1, "w:rPr/w:rFonts", "eastAsia") == "黑<体>"


def test_leading_and_trailing_spaces_are_preserved() -> None:
    doc = Document(blocks=[Block("para", [Span(" 甲 "), Span("乙")])])
    xml = raw(render_docx(doc), "word/document.xml")
    assert '<w:t xml:space="preserve"> 甲 </w:t>' in xml
    assert "<w:t>乙</w:t>" in xml


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spans=st.lists(
        st.tuples(
            st.text(max_size=30),
            st.sampled_from(["body", "heading1", "heading2", "heading3"]),
            st.none() | st.text(max_size=8),
        ),
        max_size=6,
    ),
    kind=st.sampled_from(
        ["title", "byline", "heading1", "heading2", "heading3", "para", "signature", "date"]
    ),
    title=st.text(max_size=40),
    comments=st.booleans(),
)
def test_any_text_gives_a_package_python_docx_reads_back(
    spans: list[tuple[str, SpanRole, str | None]], kind: BlockKind, title: str, comments: bool
) -> None:
    doc = Document(blocks=[Block(kind, [Span(t, r, p) for t, r, p in spans])], title=title)
    opened = docx.Document(io.BytesIO(render_docx(doc, comments=comments)))
    if kind == "title":  # a long title is broken into lines (w:br) at natural points
        assert [p.text.replace("\n", "") for p in opened.paragraphs] == [
            t.replace("\n", "") for t in expected_paragraphs(doc)
        ]
    else:
        assert [p.text for p in opened.paragraphs] == expected_paragraphs(doc)
    expected_comments = [f"请补充：{read_back(p)}" for t, _, p in spans if p is not None and clean_text(t)]
    assert [c.text for c in opened.comments] == (expected_comments if comments else [])
    assert opened.core_properties.title == clean_text(title)


def test_long_title_is_cut_to_the_core_property_limit() -> None:
    opened = docx.Document(io.BytesIO(render_docx(Document(title="题" * 300, author="甲" * 300))))
    assert opened.core_properties.title == "题" * 255
    assert opened.core_properties.author == "甲" * 255


def test_font_sets_do_not_leak_into_each_other(document: Document) -> None:
    first = render_docx(document)
    other = render_docx(document, Fonts(body="仿宋"))
    assert other != first
    parts_for.cache_clear()
    assert render_docx(document) == first
    assert render_docx(document, Fonts(body="仿宋")) == other
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        infos = z.infolist()
        assert z.testzip() is None
    names = [i.filename for i in infos]
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


# What LibreOffice shows (22 lines x 28 characters, page numbers, fonts): tests/test_libreoffice.py.


def test_long_title_breaks_into_two_balanced_lines() -> None:
    from drafter.writers.docx import TITLE_WIDTH, split_title

    title = "2025年度街道党工委书记抓基层党建工作述职报告"
    first, second = split_title(title).split("\n")
    assert first + second == title
    assert (first, second) == ("2025年度街道党工委书记", "抓基层党建工作述职报告")
    assert split_title("2024年度党组书记抓基层党建工作述职报告").count("\n") == 0  # fits one line
    very_long = "某某省某某市某某区某某街道某某社区党委书记" * 2
    assert all(len(line) <= TITLE_WIDTH for line in split_title(very_long).split("\n"))
    doc = build_document("::title " + title + "\n::para 正文。\n")
    xml = zipfile.ZipFile(io.BytesIO(render_docx(doc))).read("word/document.xml").decode("utf-8")
    assert "2025年度街道党工委书记</w:t><w:br/><w:t>抓基层党建工作述职报告" in xml
