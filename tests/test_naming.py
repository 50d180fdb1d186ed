"""How a draft names its own Party organisation and says the year's phrase again (drafter.naming, round 27):
a company branch's summary said “公司党支部” twenty times, opening nearly every item and, under 下一步, two
measures in a row with “下一步，公司党支部将……”; 述职 items spoke as the unit (“医院认真贯彻……”); and a draft said
“党的二十大和二十届三中全会精神” three times in its opening, the 思想建设 lead-in and the first item."""

from __future__ import annotations

import itertools
import re
from functools import cache
from typing import Any

import pytest
from conftest import ROOT
from test_outline import KINDS, TYPES, YEARS, facts_for

from drafter.library import load_library
from drafter.naming import Naming, others_before
from drafter.pipeline import Draft, Options, SectionView, draft, render_plan
from drafter.registry import registry

REG = registry()
# how units of each type name their Party organisation and themselves
NAMES = {
    "机关": ("局党组", "我局"),
    "教育系统": ("局党组", "我局"),
    "学校": ("学校党委", "学校"),
    "高校": ("学院党委", "学院"),
    "国企": ("公司党委", "公司"),
    "医院": ("医院党委", "医院"),
    "街道": ("街道党工委", "街道"),
    "社区": ("社区党委", "社区"),
    "村": ("村党支部", "村里"),
    "两新组织": ("公司党支部", "公司"),
}
CASES = [(k, t, y, s) for k in KINDS for t in TYPES for y in YEARS for s in (0, 1)]
# what a unit does when it is the subject of a sentence (“医院认真贯彻……”, “社区党委定期分析……”)
ACTS = (
    "认真|坚持|把|将|注重|持续|定期|随|从|依照|按照|经常|始终|着眼|严格|扎实|深入|积极|主动|推动|围绕|聚焦|结合|"
    "以|对|全面|不断|大力|切实|及时|紧扣|落实|贯彻|建立|健全|完善|组织|开展|加强|强化|发挥|抓|统筹|扛起|带领|"
    "压实|树立|用|通过|针对|立足|着力|深化|探索|在"
)
ORG_WORDS = "党组织|党委|党工委|党组|党支部|党总支"
FIRST_ITEM = re.compile(r"^(?:[^，。；]{0,8}，)?")  # an item may open with a short adverbial (一年来，)


def org_of(kind: str, utype: str) -> tuple[str, str]:
    org, me = NAMES[utype]
    return (
        org[:-2] + "党支部" if not org.endswith("党支部") else org
    ) if kind == "党支部书记述职" else org, me


@cache
def made(kind: str, utype: str, year: int, seed: int) -> tuple[Draft, dict[str, SectionView]]:
    org, me = org_of(kind, utype)
    unit = {
        "全称": f"某某{utype}",
        "简称": "某某",
        "自称": me,
        "党组织": org,
        "上级党委": "上级党委",
        "类型": utype,
    }
    result = draft(facts_for(kind, utype, year, 单位=unit), Options(seed=seed))
    return result, render_plan(result.plan, result.facts, Options(seed=seed))[1]


def opens_with(text: str, name: str) -> bool:
    """The item's first clause has ``name`` as its subject (not 公司党支部的…, 公司党支部书记…)."""
    return re.match(FIRST_ITEM.pattern + re.escape(name) + r"(?![的书成委副])", text) is not None


def test_the_full_name_where_a_paragraph_first_needs_it_then_a_short_form_or_none() -> None:
    naming = Naming([("公司党支部", "支部")])
    said = [naming.paragraph("2025年，公司党支部坚持学习。")]
    said.append(naming.paragraph("公司党支部加强思想建设。", "思想建设"))
    said += [naming.paragraph(f"公司党支部做第{n}件事。", "思想建设", item=True) for n in range(1, 6)]
    said.append(naming.paragraph("公司党支部着眼提升组织力。", "组织建设"))
    assert said == [
        "2025年，公司党支部坚持学习。",  # the opening names it
        "加强思想建设。",  # too soon after: no subject
        "支部做第1件事。",  # the short form every second time
        "公司党支部做第2件事。",  # three paragraphs on, once in the part
        "做第3件事。",
        "支部做第4件事。",
        "做第5件事。",
        "公司党支部着眼提升组织力。",  # a new part, far enough
    ]
    # a word the name is part of, or another organisation's, stays; a mention takes the short form
    naming = Naming([("公司党支部", "支部")])
    naming.paragraph("公司党支部坚持学习。")
    assert naming.paragraph("公司党支部书记带头，各公司党支部跟进，公司党支部的档案齐全。", "组织建设") == (
        "支部书记带头，各公司党支部跟进，支部的档案齐全。"
    )


def test_under_next_step_no_item_says_next_step_nor_x_will() -> None:
    naming = Naming([("局党组", "党组")])
    naming.paragraph("2024年，坚持学习。")
    plans = [
        naming.paragraph("下一步，局党组将把工作抓实。", "下一步"),
        naming.paragraph("下一步，局党组将在年初制定计划。", "下一步", item=True),
        naming.paragraph("下一步，局党组将为支部留出时间。", "下一步", item=True),
        naming.paragraph("下一步，我将每月检查一次。", "下一步", item=True),
    ]
    assert plans[0] == "下一步，局党组将把工作抓实。"  # the part's lead-in may say it
    assert plans[1:] == ["在年初制定计划。", "为支部留出时间。", "我将每月检查一次。"]


def test_the_users_own_lines_are_left_as_they_are() -> None:
    naming = Naming([("公司党支部", "支部")], "党的二十大和二十届三中全会")
    naming.paragraph("公司党支部学习党的二十大和二十届三中全会精神。")
    line = "公司党支部获评先进基层党组织，学习党的二十大和二十届三中全会精神"
    text = f"公司党支部把学习放在首位。{line}。"
    assert naming.paragraph(text, "思想建设", item=True, user=(line,)) == f"把学习放在首位。{line}。"


def test_the_years_phrase_in_full_at_most_twice() -> None:
    naming = Naming([], "党的二十大和二十届三中全会", unit_voice=False)
    said = [naming.paragraph(f"第{n}段学习党的二十大和二十届三中全会精神。") for n in range(6)]
    assert [s.count("党的二十大和二十届三中全会") for s in said] == [1, 0, 0, 0, 1, 0]
    assert said[1] == "第1段学习全会精神。"
    assert (
        Naming([], "党的二十大").paragraph("党的二十大精神；党的二十大精神。")
        == "党的二十大精神；党的二十大精神。"
    )


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("utype", TYPES)
def test_a_units_summary_names_itself_as_a_person_would(utype: str, year: int) -> None:
    """Over every type's summary: the organisation's full name opens at most one item in three of a part and
    never two items in a row; no item under 下一步 says “下一步，”; the draft says the full name at most 10
    times (round 27: 20)."""
    org, _ = org_of("党建工作总结", utype)
    for seed in (0, 1):
        result, views = made("党建工作总结", utype, year, seed)
        assert result.document.text.count(org) <= 10, (utype, year, seed)
        for role, view in views.items():
            opened = [opens_with(i.text, org) for i in view.items]
            assert sum(opened) <= -(-len(opened) // 3), (utype, year, seed, role)
            assert not any(a and b for a, b in itertools.pairwise(opened)), (utype, role)
            if role == "下一步":
                assert not any("下一步，" in i.text for i in view.items), (utype, year, seed)


def test_the_sample_company_summary_says_its_branchs_name_a_third_as_often() -> None:
    said = draft(ROOT / "samples" / "某科技公司党支部.yaml").document.text
    assert said.count("公司党支部") <= 10  # 24 before round 27
    assert re.search(r"[。，；]支部(?![委书])", said)  # the short name opens some clauses


@pytest.mark.parametrize("kind", [k for k in KINDS if REG.kinds[k].voice == "个人"])
def test_a_personal_draft_does_not_speak_as_the_unit(kind: str) -> None:
    """Round 27: “三是改进医院服务作风。医院认真贯彻中央八项规定精神……” in a hospital secretary's 述职. No item
    of a 述职 (but the user's own lines) opens with the unit's name doing something, with no 我 in the
    sentence."""
    for utype in TYPES:
        org, me = org_of(kind, utype)
        names = sorted({org, me, REG.unit_type(utype).self_name, f"某某{utype}"}, key=len, reverse=True)
        acting = re.compile(
            FIRST_ITEM.pattern + f"(?:{'|'.join(map(re.escape, names))})(?:{ORG_WORDS})?(?:{ACTS})"
        )
        for year in YEARS:
            for seed in (0, 1):
                for role, view in made(kind, utype, year, seed)[1].items():
                    for item in view.items:
                        if any(item.text.startswith(u) for u in item.user):
                            continue
                        first = item.text.split("。", 1)[0]
                        assert not (acting.match(item.text) and "我" not in first), (utype, role, first)


def test_no_wording_a_secretary_may_use_opens_with_the_unit_doing_something() -> None:
    """Over the library: a 主要工作 or 下一步 wording a 述职 may use (voice 个人) does not open with the unit's
    name ({{ 单位.党组织 }}, 学校党组织, 医院…) doing something without a 我 in that sentence — a wording for
    both voices says it with no subject, as either reads."""
    selves = sorted({REG.unit_type(t).self_name for t in REG.unit_types} | {"学校", "学院", "村"}, key=len)
    slot = r"\{\{ ?(?:单位\.党组织|单位\.自称|类型\.自称) ?\}\}"
    name = rf"(?:{slot}|(?:{'|'.join(reversed(selves))}))(?:{ORG_WORDS})?"
    acting = re.compile(FIRST_ITEM.pattern + name + f"(?:{ACTS})")
    wrong: list[tuple[str, str]] = []
    for frag in load_library().fragments():
        if "个人" not in frag.voice or frag.role in ("存在问题", "原因"):
            continue
        wrong += [
            (frag.id, t[:30]) for t in frag.texts if acting.match(t) and "我" not in t.split("。", 1)[0]
        ]
    assert wrong == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_the_years_phrase_is_said_in_full_at_most_twice(case: Any) -> None:
    """Round 27: “党的二十大和二十届三中全会精神” three times in a draft's first paragraphs; after two, “全会精神”."""
    result, _ = made(*case)
    phrase = REG.year(case[2]).plenum_phrase
    if "和" in phrase:
        assert result.document.text.count(phrase) <= 2


def test_every_second_voiceless_item_of_a_report_of_duty_opens_with_i() -> None:
    """Round 28: 11 of a 社区 述职's 20 items and 9 of a 集团's said no “我” — “读起来像社区工作总结，不像书记本人
    述职”.  In a 述职's 主要工作, of the items that say no “我” and open with what a person does, the first, third…
    of a part open with “我”; an item already saying “我”, one opening otherwise, and the user's own line stay."""
    naming = Naming([], unit_voice=False, own_voice=frozenset({"思想建设"}))
    said = [
        naming.paragraph(t, "思想建设", item=True)
        for t in ("把主题党日作为载体。", "推动学习走深。", "我讲党课。", "纪律是尺子。", "组织专题研讨。")
    ]
    assert said == [
        "我把主题党日作为载体。",
        "推动学习走深。",
        "我讲党课。",
        "纪律是尺子。",
        "我组织专题研讨。",
    ]
    assert naming.paragraph("把网格建强。", "思想建设", item=True, user=["把网格建强。"]) == "把网格建强。"
    unit = Naming([], unit_voice=True, own_voice=frozenset({"思想建设"}))
    assert unit.paragraph("把主题党日作为载体。", "思想建设", item=True) == "把主题党日作为载体。"


def test_most_items_of_a_report_of_duty_say_i() -> None:
    """Over the 述职 drafts of every type and year, at most a quarter of 主要工作's items say no “我” (35 % did)."""
    without = total = 0
    for kind, utype, year, seed in CASES:
        if REG.kinds[kind].voice != "个人":
            continue
        result = draft(facts_for(kind, utype, year), Options(seed=seed))
        _, views = render_plan(result.plan, result.facts, Options(seed=seed))
        for role in result.plan.main_roles:
            for item in views[role].items if role in views else ():
                total += 1
                without += "我" not in item.lead + item.text
    assert total >= 1500 and without <= total // 4, (without, total)


def test_another_organisation_of_the_same_kind_keeps_its_name() -> None:
    """A school's summary naming the 中小学校党委 it guides does not shorten theirs to “中小党委”: the characters
    before a name that make it another organisation's (措辞.yaml 他者前字) are one table, read by the naming
    and by the renderer that says the unit's own organisation by its name (they were two, the naming's without
    农, 区, 县, 市, 办, 小)."""
    naming = Naming([("学校党委", "党委")])
    naming.paragraph("学校党委坚持学习。")
    assert naming.paragraph("指导中小学校党委落实责任，学校党委的制度得到执行。", "组织建设") == (
        "指导中小学校党委落实责任，党委的制度得到执行。"
    )
    assert others_before() == others_before(registry()) and "小" in others_before()
