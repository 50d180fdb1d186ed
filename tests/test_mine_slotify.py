"""Slotting numbers and names, and setting unit-specific sentences aside."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.mine.slotify import Slot, is_unit_specific, slot_text, slotify

_SLOT = re.compile(r"\{\{ (\S+) \}\}")


def restore(text: str, slots: dict[str, Slot]) -> str:
    return _SLOT.sub(lambda m: slots[m.group(1)].original, text)


def kinds(slots: dict[str, Slot]) -> dict[str, tuple[str, str]]:
    return {name: (s.kind, s.original) for name, s in slots.items()}


def test_redacted_numbers_become_count_slots() -> None:
    text, slots = slot_text(
        "组织“第一议题”学习X次，印发XX份整改方案，开展**个支部换届，观看××部警示片，接收预备党员*名。"
    )
    assert text == (
        "组织“第一议题”学习{{ 次数1 }}次，印发{{ 份数1 }}份整改方案，开展{{ 个数1 }}个支部换届，"
        "观看{{ 部数1 }}部警示片，接收预备党员{{ 人数1 }}名。"
    )
    assert kinds(slots) == {
        "次数1": ("count", "X"),
        "份数1": ("count", "XX"),
        "个数1": ("count", "**"),
        "部数1": ("count", "××"),
        "人数1": ("count", "*"),
    }


def test_concrete_counts_amounts_percentages_years() -> None:
    text, slots = slot_text(
        "2023年开展谈心谈话100余次、10人次，总投资1.77亿元，增长7.9%，上升10个百分点，2022年6月成立。"
    )
    assert text == (
        "{{ 年度1 }}年开展谈心谈话{{ 次数1 }}余次、{{ 人次1 }}人次，总投资{{ 金额1 }}亿元，"
        "增长{{ 比例1 }}%，上升{{ 比例2 }}个百分点，{{ 年度2 }}年{{ 月份1 }}月成立。"
    )
    assert slots["金额1"] == Slot("金额1", "amount", "1.77")
    assert slots["年度2"].original == "2022"


def test_redacted_names_by_what_follows() -> None:
    text, slots = slot_text("区委任命我为****局党委书记，与**街道**社区结对，建设***城，推进“**”党建。")
    assert text == (
        "区委任命我为{{ 单位1 }}局党委书记，与{{ 地名1 }}街道{{ 地名2 }}社区结对，建设{{ 地名3 }}城，"
        "推进“{{ 名称1 }}”党建。"
    )
    assert [s.kind for s in slots.values()] == ["unit", "place", "place", "place", "name"]


def test_self_reference_and_place_names() -> None:
    text, slots = slot_text("我局党组落实清廉湖北建设要求，我局干部推进广东高质量发展，自我局限要克服。")
    assert text == (
        "{{ 单位自称1 }}党组落实清廉{{ 地名1 }}建设要求，{{ 单位自称1 }}干部推进{{ 地名2 }}高质量发展，"
        "自我局限要克服。"
    )
    assert kinds(slots) == {
        "单位自称1": ("unit", "我局"),
        "地名1": ("place", "湖北"),
        "地名2": ("place", "广东"),
    }


def test_fixed_phrases_stay() -> None:
    fixed = (
        "落实“三会一课”和第一议题制度，营业执照24小时在线办理，建立“1＋10”专班，占全市1/3，"
        "深化21世纪马克思主义，《三年行动计划（2021—2023年）》，平均年龄下降4.5岁，候诊缩短20分钟。"
    )
    text, slots = slot_text(fixed)
    assert text == fixed and slots == {}


def test_unit_specific_sentences_are_set_aside() -> None:
    s = slotify(
        "经济运行稳中有进", "紧紧围绕工作部署，经济社会发展蹄疾步稳。地区生产总值2578亿元，同比增长7.9%。"
    )
    assert s.text == "紧紧围绕工作部署，经济社会发展蹄疾步稳。"
    assert s.specific == ["地区生产总值{{ 金额1 }}亿元，同比增长{{ 比例1 }}%。"]
    assert not s.unit_specific
    only = slotify("书记项目", "组织领导深圳河干流北岸碧道工程2个“书记项目”。")
    assert only.text == "" and only.unit_specific
    assert is_unit_specific("在全市率先完成电子证照综合应用。")
    assert not is_unit_specific("根据《广东省加强党的基层组织建设三年行动计划》要求，结合实际制定举措。")
    assert not is_unit_specific("各党支部开展“三会一课”***次，主题党日活动***次。")


def test_slots_are_numbered_across_lead_and_text() -> None:
    s = slotify("开展X次专题学习", "全年开展X次。")
    assert s.lead == "开展{{ 次数1 }}次专题学习"
    assert s.text == "全年开展{{ 次数2 }}次。"


_ALPHABET = st.sampled_from(
    [
        *"党建学习组织开展推进全年局委我市区省街道社区个次名人户项亿万元年月日%，。《》“”",
        "X",
        "XX",
        "*",
        "**",
        "××",
        "2023",
        "12",
        "7.9",
        "100",
        "广东",
        "湖北",
        "我局",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_restoring_the_originals_gives_back_the_text(text: str) -> None:
    slotted, slots = slot_text(text)
    assert restore(slotted, slots) == text
    assert set(_SLOT.findall(slotted)) == set(slots)
