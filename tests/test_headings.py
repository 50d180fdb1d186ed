"""An item's heading promises what every wording printed under it delivers.

The planner prints any of a fragment's wordings under its one ``lead`` (the usual one by seed, or another that
speaks of a user's problem or carries a year's 提法), so a variant that drifts to another point reads as
“标题和正文对不上” (a reviewer's mark in most rounds: “盯住招生评优职评等关口讲纪律” over a text that never names
招生、评优、职评; “线上推送与集中学习相结合” over one about 讲党课).

The check is mechanical, on the library's specific two-character words (:meth:`drafter.overlap.Overlap.specific`,
the words common across the library left out): when the main text shares ANCHORED or more of its lead's
specific words (the lead was plainly written on that text), every other wording must share at least one of
them, or a word that says the same (SYNONYMS, each a lead phrase and the words that deliver it).
"""

from __future__ import annotations

import pytest

from drafter.library import Fragment, load_library

LIB = load_library()
ANCHORED = 7  # specific words a lead shares with its main text that bind it to that text's point
# words that say nothing of a point: every heading may use them
GENERIC = frozenset(
    [
        "加强",
        "推进",
        "工作",
        "党建",
        "提升",
        "落实",
        "抓好",
        "抓实",
        "坚持",
        "深化",
        "严格",
        "全面",
        "持续",
        "不断",
        "建设",
        "还需",
        "还不",
        "不够",
        "有待",
        "存在",
    ]
)
# a lead phrase → words that deliver it in a wording that does not repeat the lead's own words (read and
# judged paraphrases, not a way round the check: each says the same point in other words)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "不正之风": ("作风",),  # 纠治教育领域不正之风: wordings on 作风问题 in schools
    "改进办事": ("服务事项", "限时办结"),  # 从服务对象的角度改进办事
    "久拖未决": ("老问题", "长期困扰"),  # 攻下久拖未决的治理难题
    "两个一以贯之": ("企业治理",),  # 党的领导融入公司治理 is what the phrase means
    "分量掂量不够": ("可紧可松",),  # 对党员思想教育的分量掂量不够
    "楼栋院落": ("小区现场",),  # 走进楼栋院落的时间偏少
    "整合辖区资源": ("指导社区",),  # 整合辖区资源推动治理的本领不强
    "工作覆盖": ("建组织", "未建党组织"),  # 组织覆盖和工作覆盖同步推进
    "发现苗子": ("发展党员",),  # 在临床一线和学科骨干中发现苗子
}


def lead_words(frag: Fragment) -> frozenset[str]:
    """The lead's specific two-character words, generic ones left out."""
    return frozenset(g for g in LIB.overlap.specific(frag.lead, 2) if g not in GENERIC)


def delivers(frag: Fragment, wording: str) -> bool:
    """The wording names the lead's point: one of its words, or a declared synonym of a phrase of the lead."""
    if any(w in wording for w in lead_words(frag)):
        return True
    return any(phrase in frag.lead and any(s in wording for s in said) for phrase, said in SYNONYMS.items())


def anchored(frag: Fragment) -> bool:
    """The lead was written on its main text: they share ANCHORED or more specific words."""
    return sum(w in frag.text for w in lead_words(frag)) >= ANCHORED


BOUND = [f for f in LIB.fragments() if f.lead and f.variants and anchored(f)]


def test_the_check_covers_part_of_the_library() -> None:
    assert len(BOUND) >= 50  # the threshold has not drifted to nothing


@pytest.mark.parametrize("frag", BOUND, ids=lambda f: f.id)
def test_every_wording_delivers_its_heading(frag: Fragment) -> None:
    drifting = [i for i, v in enumerate(frag.variants, 1) if not delivers(frag, v)]
    assert not drifting, (
        f"{frag.id}: wording {drifting} names nothing of its heading “{frag.lead}” — reword the lead to cover "
        "every wording, or the wording to speak of the heading's point"
    )


def test_every_synonym_is_used() -> None:
    """A synonym no lead needs any more goes: the list stays the few paraphrases read and judged."""
    leads = [f.lead for f in BOUND]
    assert all(any(phrase in lead for lead in leads) for phrase in SYNONYMS)
