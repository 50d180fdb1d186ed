"""Round 29's language faults (criterion d): a heading said again at the head of its item, a long name twice in
one item, the user's counts told twice, 党员干部 in a company's draft, a phrase said twice in one sentence and the
reviewer's stock phrases said twice in one draft."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from test_outline import REG, TYPES, facts_for

from drafter.library import load_library
from drafter.naming import Naming
from drafter.pipeline import LONG_NAMES, Options, draft
from drafter.select import NUMBER_FACTS

LIB = load_library()
FRAGMENTS = LIB.fragments()
LONG = REG.wordings[LONG_NAMES]
ONCE = REG.words("一篇一次的话", "通用")
# an item of 主要工作 (一是……。), a problem or a measure (（一）……。): its heading and its text
ITEM = re.compile(r"^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）)([^。]{2,40})。(.*)$")


def items(text: str) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for line in text.splitlines() if (m := ITEM.match(line.strip()))]


def test_naming_says_a_long_name_in_full_once_a_paragraph() -> None:
    """The heading's long name is said short in its text, a second one in the text too; a name whose short
    form another name in the paragraph shares stays whole, and the user's own words are never changed."""
    naming = Naming(
        [],
        long_names=[
            ("党纪学习教育", "这次学习教育"),
            ("党的二十届三中全会", "全会"),
            ("党的二十届四中全会", "全会"),
        ],
    )
    assert (
        naming.paragraph(
            "开展党纪学习教育，我坚持边学边改。", "思想建设", item=True, lead="在党纪学习教育中边学边查边改"
        )
        == "开展这次学习教育，我坚持边学边改。"
    )
    assert (
        naming.paragraph("本次党纪学习教育中，我带头学。党纪学习教育期间……", lead="")
        == "本次党纪学习教育中，我带头学。这次学习教育期间……"
    )
    both = "党的二十届三中全会和党的二十届四中全会，党的二十届四中全会……"
    assert naming.paragraph(both, lead="") == both
    user = "开展党纪学习教育查摆问题5个。"
    assert naming.paragraph(user, item=True, user=(user,), lead="党纪学习教育") == user


LATER_YEARS = [(k, t, y, s) for k in REG.kinds for t in TYPES for y in (2024, 2025) for s in (0, 1)]


@pytest.mark.parametrize(("kind", "utype", "year", "seed"), LATER_YEARS, ids=str)
def test_an_item_says_its_long_names_once(kind: str, utype: str, year: int, seed: int) -> None:
    """Round 29: “一是在党纪学习教育中边学边查边改。开展党纪学习教育，我坚持……”, “五是深入学习贯彻党的二十届三中全会
    精神。把学习贯彻党的二十届三中全会精神作为……”, “二是配合开展群众身边不正之风和腐败问题集中整治。我按照上级部署配合
    开展群众身边不正之风和腐败问题集中整治”.  No item's text says a long name its heading says, nor one twice."""
    text = draft(facts_for(kind, utype, year), Options(seed=seed)).document.text
    said = [
        (name, lead[:20])
        for lead, body in items(text)
        for name in LONG
        if name in body and (name in lead or body.count(name) > 1)
    ]
    assert not said


def test_a_branch_secretary_tells_each_meeting_count_once() -> None:
    """Round 29 (村): “全年结合支部党员大会4次、党小组会30次” under 思想建设, then “本年度支部开会情况是：党员大会4次，
    支委会14次，党小组会30次” under 组织建设.  With a branch's own counts given, no number is told by two items, and
    no wording lists them as “本年度……情况是：”."""
    counts = {"支部党员大会次数": 4, "支委会次数": 14, "党小组会次数": 30}
    for utype in ("村", "机关", "两新组织", "学校"):
        for seed in range(4):
            facts = facts_for("党支部书记述职", utype, 2024)
            facts = facts_for("党支部书记述职", utype, 2024, 组织建设={**facts.data["组织建设"], **counts})
            result = draft(facts, Options(seed=seed))
            told: Counter[str] = Counter()
            for role in result.plan.main_roles:
                section = result.plan.sections.get(role)
                for item in section.items if section else ():
                    for x in (item, *item.merged):
                        if x.fragment is not None:
                            told.update(n for n in x.fragment.needs if n in NUMBER_FACTS and facts.has(n))
            assert not [n for n, c in told.items() if c > 1], (utype, seed)
            assert not re.search(r"本年度[^。]{0,8}情况是：", result.document.text)
    assert not [f.id for f in FRAGMENTS for t in f.texts if re.search(r"本年度[^。]{0,8}情况是：", t)]


@pytest.mark.parametrize("utype", ["两新组织", "国企"])
def test_a_company_draft_says_no_党员干部(utype: str) -> None:
    """Round 29 (科技公司党支部): “党员干部的‘四个意识’进一步树牢” three times — a company's members are not 干部.  A
    两新组织 draft says 党员员工, a 国企 draft 党员职工; the user's own words stay as written."""
    own = "党员员工" if utype == "两新组织" else "党员职工"
    texts = [
        draft(facts_for(k, utype, y), Options(seed=s)).document.text
        for k in REG.kinds
        for y in (2023, 2024, 2025)
        for s in (0, 1)
    ]
    assert not [t for t in texts if "党员干部" in t]
    assert any(own in t for t in texts)
    line = "组织党员干部参加技能比武"
    facts = facts_for("党建工作总结", utype, 2024, 业务融合=[line])
    assert line in draft(facts).document.text


# manner words heading a phrase that reads as said twice when a sentence repeats it (严格执行……严格执行)
MANNER = (
    "严格",
    "认真",
    "切实",
    "坚决",
    "自觉",
    "主动",
    "亲自",
    "带头",
    "及时",
    "深入",
    "扎实",
    "全面",
    "持续",
    "不断",
)
SAME_MEANING = (("动真格", "较真碰硬"),)  # said together, the same thing twice
SLOT = re.compile(r"{{.*?}}")
CJK = re.compile(r"[\u4e00-\u9fff]+")


def twice_in_a_sentence(text: str) -> list[str]:
    """Phrases of four characters opening with a manner word that one sentence says twice."""
    out = []
    for sentence in re.split(r"[。；！？]", SLOT.sub("|", text)):
        grams: Counter[str] = Counter()
        for run in CJK.findall(sentence):
            grams.update({run[i : i + 4] for i in range(len(run) - 3)})
        out += [g for g, n in grams.items() if n > 1 and g.startswith(MANNER)]
    return out


def test_no_wording_says_a_phrase_twice_in_one_sentence() -> None:
    """Round 29 (医院): “我将严格自我要求……严格自我要求”, “动真格、较真碰硬”, and “对‘两个确立’的拥护，我体现在……”
    (its subject and verb do not meet).  No wording (nor its heading) says a
    manner phrase twice in a sentence, pairs two phrases of one meaning, or says “的拥护，我体现在”."""
    found = [
        (f.id, twice_in_a_sentence(f.lead + "。" + t))
        for f in FRAGMENTS
        for t in f.texts
        if twice_in_a_sentence(f.lead + "。" + t)
    ]
    assert not found
    assert twice_in_a_sentence("我将严格自我要求，动真格推动解决，严格自我要求") == ["严格自我"]
    pairs = [
        (f.id, a) for f in FRAGMENTS for t in (f.lead, *f.texts) for a, b in SAME_MEANING if a in t and b in t
    ]
    assert not pairs
    assert not [f.id for f in FRAGMENTS for t in f.texts if "的拥护，我体现在" in t]


STOCK_CASES = [
    (k, t, y, s)
    for k in REG.kinds
    for t in ("街道", "社区", "村")
    for y in (2023, 2024, 2025)
    for s in (0, 1)
]


@pytest.mark.parametrize(("kind", "utype", "year", "seed"), STOCK_CASES, ids=str)
def test_a_stock_phrase_is_said_once_a_draft(kind: str, utype: str, year: int, seed: int) -> None:
    """Round 29: “心坎上” twice in a village draft; “看得见、摸得着”, “家门口”, “可感可及”, “变成了为民服务日” read as
    套话.  A street's, a community's or a village's draft says each of 措辞.yaml 一篇一次的话 at most once."""
    assert "心坎上" in ONCE and "家门口" in ONCE
    text = draft(facts_for(kind, utype, year), Options(seed=seed)).document.text
    assert not [p for p in ONCE if text.count(p) > 1]
