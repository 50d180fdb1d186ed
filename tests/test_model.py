"""The document model: numbering from position, placeholder spans, 字数."""

from __future__ import annotations

import pytest

from drafter.model import PH_CLOSE, PH_OPEN, MarkupError, build_document, chinese_number

MARKUP = f"""\
::title 2024年度述职报告
::para 开头。
::h1 主要工作
::h2 思想
::item 甲\t内容一。
::item 乙\t内容二{PH_OPEN}中心组学习次数{PH_CLOSE}次。
::h2 组织
::item 丙\t内容三。
::h1 存在的问题
::h2p 问题一\t正文。
::h2p 问题二\t正文。
::signature 张三
::date 2025年1月5日
"""


def test_numbers_come_from_position() -> None:
    doc = build_document(MARKUP)
    texts = [b.text for b in doc.blocks]
    assert "一、主要工作" in texts
    assert "（一）思想" in texts and "（二）组织" in texts
    assert "一是甲。内容一。" in texts
    assert "二是乙。内容二【待补充：中心组学习次数】次。" in texts
    assert "一是丙。内容三。" in texts  # items restart under each heading
    assert "二、存在的问题" in texts
    assert "（一）问题一。正文。" in texts  # （一） restarts under each 一、


def test_leaving_a_section_out_renumbers_the_rest() -> None:
    without = MARKUP.replace("::h2 思想\n::item 甲\t内容一。\n", "")
    texts = [b.text for b in build_document(without).blocks]
    assert "（一）组织" in texts
    assert "（二）组织" not in texts


def test_placeholders_are_their_own_spans() -> None:
    doc = build_document(MARKUP)
    assert doc.placeholders == ["中心组学习次数"]
    span = next(s for b in doc.blocks for s in b.spans if s.placeholder)
    assert span.text == "【待补充：中心组学习次数】"


def test_run_in_heading_has_heading_role() -> None:
    block = next(b for b in build_document(MARKUP).blocks if b.text.startswith("（一）问题一"))
    assert [s.role for s in block.spans] == ["heading2", "body"]
    assert block.spans[0].text == "（一）问题一。"


def test_word_counts_per_section() -> None:
    doc = build_document(MARKUP)
    counts = dict(doc.word_counts())
    assert counts["主要工作"] == len(
        "一、主要工作（一）思想一是甲。内容一。二是乙。内容二【待补充：中心组学习次数】次。（二）组织一是丙。内容三。"
    )
    assert doc.total_chars == sum(counts.values())


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")])
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_markup_errors_are_reported() -> None:
    with pytest.raises(MarkupError):
        build_document("just text\n")
    with pytest.raises(MarkupError):
        build_document("::nope x\n")
