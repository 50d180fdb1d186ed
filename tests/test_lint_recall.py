"""The misses measured in issue 15 are caught, and the false alarm after 、 is gone.

Each line below is the kind of sentence lint let through (签定, unbalanced quotes and brackets, 〞,
县委…巡视, “24年初”, “做出全面部署”, 的/地/得 in clear cases, another site's paywall line, “此处隐藏1509个字”,
pinyin inside words, Traditional characters, 〔一〕 headings).  The rules' own positive and negative
examples are run for every rule by tests/test_lint.py."""

from __future__ import annotations

import pytest

from drafter.lint import lint_paragraphs

MISSES = [
    ("与各支部签定党风廉政建设责任书。", "word-qianding", "签定"),
    ("坚决做到“两个维护“，始终如一。", "punct-quote-unbalanced", "“"),
    ("共有党员25名（含预备党员3名。", "punct-paren-unbalanced", "（"),
    ("坚决做到〝两个维护〞。", "punct-quote-form", "〝"),
    ("主动配合县委第三巡视组开展工作。", "pol-xuncha-county-xunshi", "县委第三巡视"),
    ("24年初，支部召开专题会议。", "date-two-digit-year", "24年"),
    ("党组对党建工作做出全面部署。", "word-zuochu-modified", "做出"),
    ("扎实的推进各项工作。", "word-de-adverb", "扎实的"),
    ("支部工作做的很好。", "word-de-complement", "做的"),
    ("开通VIP即可查看全文", "noise-paywall", "开通VIP即可查看全文"),
    ("……此处隐藏1509个字……", "noise-paywall", "此处隐藏1509个字"),
    ("推动高质量发(fā)展。", "noise-pinyin", "(fā)"),
    ("加強黨的建設，推動學習教育。", "char-traditional", "黨"),
    ("〔一〕加强理论学习", "heading-tortoise-brackets", "〔一〕"),
]


@pytest.mark.parametrize(("text", "rule", "matched"), MISSES, ids=[m[1] for m in MISSES])
def test_issue_misses_are_found(text: str, rule: str, matched: str) -> None:
    hits = [f for f in lint_paragraphs([text]) if f.rule == rule]
    assert hits, [f.rule for f in lint_paragraphs([text])]
    first = hits[0]
    assert text[first.column - 1 : first.column - 1 + first.length].startswith(matched[0])
    assert matched in text[first.column - 1 : first.column - 1 + max(first.length, len(matched))]


@pytest.mark.parametrize("lead", ["3、", "，", "；", " ", "　", ""])
def test_yishi_is_recognised_after_dunhao_commas_and_spaces(lead: str) -> None:
    paragraphs = ["一、主要工作", f"加强学习。{lead}一是坚持理论学习。二是开展专题研讨。三是强化落实。"]
    assert [f for f in lint_paragraphs(paragraphs) if f.rule == "numbering-items"] == []


def test_a_real_gap_in_items_is_still_reported() -> None:
    findings = lint_paragraphs(["一是坚持学习。三是强化落实。"])
    assert [f.rule for f in findings if f.rule == "numbering-items"] == ["numbering-items"]


def test_correct_text_stays_silent() -> None:
    clean = [
        "2024年度党组书记抓基层党建工作述职报告",
        "一、主要工作",
        "（一）强化理论武装",
        "一是与各支部签订党风廉政建设责任书，扎实地推进各项工作，坚决做到“两个维护”。"
        "二是配合市委第一巡察组开展工作，对党建工作作出全面部署，支部工作做得很好。",
        "共有党员25名（含预备党员3名），2024年初召开专题会议。",
    ]
    new_rules = {m[1] for m in MISSES}
    assert [f for f in lint_paragraphs(clean) if f.rule in new_rules | {"numbering-items"}] == []
