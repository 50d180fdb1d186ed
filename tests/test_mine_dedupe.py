"""Near-duplicate grouping: what merges, what does not, and the bound on comparisons."""

from __future__ import annotations

import pytest

import drafter.mine.dedupe as dd
from drafter.mine.dedupe import dedupe, normalize

BASE = (
    "出台推动干部能上能下实施办法，完善容错纠错体制机制，为担当者担当，为负责者负责。加强干部选拔分析研判，"
    "坚持新时代好干部标准，坚持“有为有位、实干实绩”的用人导向，严格按规范程序选拔任用科级领导干部。"
)


def test_exact_and_slot_or_number_only_differences_merge() -> None:
    groups = dedupe(
        [BASE, BASE, BASE.replace("科级", "{{ 次数1 }}科级"), "完全不同的一段话，讲的是廉政教育。"]
    )
    assert groups == [[0, 1, 2], [3]]


def test_edited_copy_merges_but_unrelated_text_does_not() -> None:
    edited = BASE.replace("加强干部选拔分析研判，", "加强干部选拔分析研判，全面梳理符合晋升条件的干部情况，")
    other = (
        "深入开展党风廉政宣传教育月活动，组织干部职工参观廉政教育基地、观看专题警示教育片，"
        "开展严重违纪案件专题警示教育，引导干部职工以案为鉴、以案为戒。"
    )
    assert dedupe([BASE, other, edited]) == [[0, 2], [1]]


def test_a_paragraph_copied_into_a_longer_item_merges() -> None:
    longer = (
        "抓紧抓细日常监督，建立廉政档案管理、干部员工家访等日常监督体系，密切关注干部八小时内外生活圈。"
        + BASE
    )
    assert dedupe([longer, BASE]) == [[0, 1]]


def test_a_short_phrase_is_not_swallowed_by_a_text_containing_it() -> None:
    assert dedupe([BASE, "坚持新时代好干部标准。"]) == [[0], [1]]


def test_threshold_one_only_merges_equal_texts() -> None:
    assert dedupe(["存在的问题", "存在的问题", "存在问题"], threshold=1.0) == [[0, 1], [2]]


def test_normalize_drops_slots_digits_and_punctuation() -> None:
    assert normalize("全年开展{{ 次数1 }}次、10人次（含“三会一课”）。") == "全年开展次人次含三会一课"


def test_each_text_is_compared_with_a_bounded_number_of_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = dd.similar

    def counting(a: frozenset[str], b: frozenset[str], threshold: float) -> float:
        nonlocal calls
        calls += 1
        return real(a, b, threshold)

    monkeypatch.setattr(dd, "similar", counting)
    # 400 different texts that all share the same clauses: the worst case for an inverted index
    shared = "深入学习贯彻习近平新时代中国特色社会主义思想，坚持以人民为中心的发展思想，推动全面从严治党向纵深发展。"
    texts = [
        shared
        + f"第{i}项工作"
        + "甲乙丙丁戊己庚辛壬癸子丑寅卯"[i % 14] * (i % 7 + 4)
        + chr(0x4E00 + i) * 5
        + "。"
        for i in range(400)
    ]
    groups = dedupe(texts)
    assert sum(len(g) for g in groups) == 400
    assert calls <= 400 * dd.SKETCH * dd.BUCKET_CAP
    assert calls <= 400 * dd.BUCKET_CAP  # the shared clauses point at the same few groups
