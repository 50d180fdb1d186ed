"""Stage 3 of ``drafter mine``: giving every section, paragraph and item a role.

Structure first, then words.  The structure decides what it can: the preamble is 开头, the report's
last paragraph 结尾 when it reads as a closing, a heading whose *form* says so is 存在问题 (存在的问题,
问题与不足, “精力投入还需平衡”), 原因 (原因分析, 问题产生的原因), 下一步 (下一步工作打算, 努力方向) or a
container (主要做法, 一年来的主要工作: 其他), and everything under a 存在问题, 原因 or 下一步 heading
inherits it — except a paragraph that turns to the causes (究其原因…).  A problem word inside an
achievement heading (“紧盯支部建设短板”, “着力解决群众急难愁盼问题”) does not make a problem: the
deficit has to be the heading's statement, not the object of its verb.  A heading right after the
problems or their causes is a plan unless its words clearly say otherwise.

What is left — which of 思想建设, 组织建设, 党风廉政, 业务融合 a themed heading, paragraph or item is —
the text model (:mod:`drafter.mine.textmodel`, trained on labelled reports) decides from the words,
with the role of the enclosing section as a prior: an item under a themed heading keeps the heading's
role unless its own words say otherwise.  Confidence is the model's probability of the chosen role
(tempered, see :data:`TEMPERATURE`); a structural rule gives a fixed confidence.
"""

from __future__ import annotations

import re

from drafter.mine.roles import FOLLOW_UP, JW, KT, LZ, QT, ROLES, SX, TOPICAL, WT, XB, YW, YY, ZZ
from drafter.mine.segment import Item, Outline, Paragraph, Section
from drafter.mine.textmodel import NaiveBayes, shipped_model, softmax

__all__ = [
    "JW",
    "KT",
    "LZ",
    "QT",
    "ROLES",
    "SX",
    "TOPICAL",
    "WT",
    "XB",
    "YW",
    "YY",
    "ZZ",
    "classify",
    "classify_heading",
    "classify_unit",
    "heading_rule",
]

# weights of the evidence: a heading's own words against its body; the section's role as a prior
HEADING_WEIGHT = 1.0
BODY_WEIGHT = 1.0
CONTEXT_PRIOR = 6.0  # added to the log-score of the enclosing section's role
AFTER_PROBLEMS_PRIOR = 3.0  # added to 下一步 for a heading that follows the problems or their causes
# Confidence = probability at this temperature: with it the text model's mean confidence over the
# leave-one-document-out run (≈ 0.96) matches its share of right decisions there (bench/miner.py).
TEMPERATURE = 5.0

_CONTAINER = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[、.]?)?(?:一年来|今年以来|本年度|\d{4}年(?:度)?)?的?(?:主要|基本)?(?:工作)?"
    r"(?:做法|成效|成绩|情况|状况|回顾|开展情况|履职情况|履职状况|履职尽责|履职工作情况|履行职责情况|工作情况|完成情况|主要工作|工作开展情况|"
    r"履职尽责情况|所做的工作|取得的成效|工作及成效|工作成效|做法及成效|工作和成效)(?:及成效)?$"
)
# a container named by its kind of content (履职情况和工作亮点, 基层党建工作落实情况) with no topic in it
_CONTAINER_LOOSE = re.compile(
    r"^[^，。；]{0,10}(?:情况|状况|做法|成效|亮点|成绩|特色|回顾)(?:(?:和|及|与)[^，。；]{0,8})?$"
)
_TOPIC_WORD = re.compile(
    r"思想|理论|学习|责任|组织建设|支部|党员|队伍|干部|廉|纪|作风|监督|业务|中心工作|服务|意识形态"
)
_CAUSE_HEADING = re.compile(r"原因|根源")
_PROBLEM_FORM = re.compile(
    r"存在(?:的)?(?:主要|突出)?(?:问题|不足|差距)|问题(?:及|和|与|、)|(?:问题|差距)和?不足|不足之处|^(?:主要)?(?:问题|不足)$|"
    r"^存在不足|查找(?:差距|不足|问题)|对标检视|检视问题|查摆问题|^不足|(?:正视|直面|反思)(?:问题|不足|差距)"
)
# a clause whose statement is a deficit: “精力投入还需平衡”, “理论学习还不够深入”
_DEFICIT = re.compile(
    r"还需|还须|仍需|尚需|有待|不够|欠缺|不到位|不平衡|不充分|不足$|薄弱$|不强$|不高$|偏少$|较少$"
)
# …unless the clause is an action on it: “紧盯支部建设短板”, “着力解决……问题”, “补齐短板”
_ACTION = re.compile(
    r"^(?:狠抓|紧盯|聚焦|着力|针对|破解|解决|整改|补齐|补强|弥补|补|抓|强化|加强|坚持|推动|深化|围绕)"
)
_NEXT_HEADING = re.compile(
    r"下一步|下步|今后|努力方向|工作(?:计划|打算|思路|安排|措施)$|打算|明年|来年|\d{4}年(?:度)?(?:工作)?(?:思路|计划|打算)|"
    r"改进措施|整改措施|努力的方向|下一年度"
)
_OPENING_CUE = re.compile("现将|现就|如下[：:。]|正确领导下|坚强领导下|指导下|以下几个方面")
_PROBLEM_INTRO = re.compile(
    "存在(?:一些|以下|着|的)?(?:问题|不足|差距)|不足之处|问题和不足|主要(?:表现|体现)在|^先说问题|"
    "(?:还有|还存在|仍有|仍存在)(?:不少|一些|许多|较多)?(?:欠缺|不足|差距|问题|短板)"
)
_ACTS_ON = re.compile("针对|聚焦|围绕|整改|解决|紧盯|对照|梳理|排查|查找|破解")
_PLAN_SENTENCE = re.compile(
    "(?:^|[。！？])(?:在以后的工作中|在今后的工作中|今后，|下一步，|下步，|新的一年，)"
)
_NEXT_START = re.compile("^(?:下一步|下步|今后|新的一年|明年|来年)")
_CAUSE_INTRO = re.compile(
    r"^(?:(?:产生|出现|存在)(?:以上|上述|这些)?(?:问题|不足)的(?:主要)?原因|究其原因|分析(?:其)?原因|"
    r"(?:问题|不足)(?:产生|存在)的(?:主要)?原因)"
)
_NEXT_INTRO = re.compile("下一步|下步|今后|新的一年|明年|我将|我们将|将从以下")
_CLOSING = re.compile(
    "新的更大|谱写|新篇章|新征程|启新程|只争朝夕|踔厉奋发|勇毅前行|特此报告|总之|不负|砥砺前行|再创佳绩|"
    "以更加|更加昂扬|更大贡献|坚强(?:保障|保证)[。！]?$|以上报告|以上述职|请予审议|请审议|批评指正|不妥之处|贡献.{0,6}力量"
)


def _model(model: NaiveBayes | None) -> NaiveBayes:
    return model if model is not None else shipped_model()


def _is_problem_heading(heading: str) -> bool:
    if _PROBLEM_FORM.search(heading):
        return True
    clauses = [c for c in re.split("[，、；：]", heading) if c]
    return any(_DEFICIT.search(c) and not _ACTION.search(c) for c in clauses)


def _states_problems(text: str) -> bool:
    """The text states problems (“还有不少欠缺：”), rather than acting on them (“针对存在的问题，…”)."""
    m = _PROBLEM_INTRO.search(text)
    return m is not None and not _ACTS_ON.search(text[: m.start()])


def heading_rule(heading: str) -> tuple[str, float] | None:
    """The role a heading's form alone decides: 存在问题, 原因, 下一步, or a container (其他)."""
    h = heading.strip()
    problem = _is_problem_heading(h)
    if _CAUSE_HEADING.search(h) and not problem:
        return YY, 0.95
    if _NEXT_HEADING.search(h) and not problem:
        return XB, 0.95
    if problem:
        return WT, 0.95
    if len(h) <= 16 and (_CONTAINER.match(h) or (_CONTAINER_LOOSE.match(h) and not _TOPIC_WORD.search(h))):
        return QT, 0.9
    return None


def _decide(
    parts: list[tuple[str, float]], roles: tuple[str, ...], prior: dict[str, float], model: NaiveBayes
) -> tuple[str, float]:
    """The best role for weighted texts plus a prior, and its probability as confidence."""
    total = {r: prior.get(r, 0.0) for r in roles}
    for text, weight in parts:
        if text:
            for r, s in model.log_scores(text, roles).items():
                total[r] += weight * s
    probs = softmax({r: s / TEMPERATURE for r, s in total.items()})
    best = max(roles, key=lambda r: (probs[r], -roles.index(r)))
    return best, round(min(0.99, max(0.3, probs[best])), 2)


def classify_heading(
    heading: str,
    body: str = "",
    parent_role: str = "",
    after_problems: bool = False,
    model: NaiveBayes | None = None,
) -> tuple[str, float]:
    """Role of a section from its heading's form, its words, its body's words and its place."""
    ruled = heading_rule(heading)
    if ruled is not None:
        return ruled
    roles = (*TOPICAL, XB) if after_problems else TOPICAL
    prior = {parent_role: CONTEXT_PRIOR} if parent_role in TOPICAL else {}
    if after_problems:
        prior[XB] = prior.get(XB, 0.0) + AFTER_PROBLEMS_PRIOR
    return _decide([(heading, HEADING_WEIGHT), (body, BODY_WEIGHT)], roles, prior, _model(model))


def classify_unit(
    lead: str, body: str, context_role: str = "", model: NaiveBayes | None = None
) -> tuple[str, float]:
    """Role of an item (or a paragraph) from its words, with the role of its section as a prior."""
    prior = {context_role: CONTEXT_PRIOR} if context_role in TOPICAL else {}
    return _decide([(lead, HEADING_WEIGHT), (body, BODY_WEIGHT)], TOPICAL, prior, _model(model))


def _section_text(outline: Outline, sec: Section) -> str:
    return "".join(p.text for p in sec.paragraphs) + "".join(
        outline.sections[c].heading + "".join(p.text for p in outline.sections[c].paragraphs)
        for c in sec.children
    )


def _closing(text: str) -> bool:
    return bool(_CLOSING.search(text))


def _place_role(
    para: Paragraph, sec: Section, first_in_root: bool, has_headings: bool
) -> tuple[str, float] | None:
    """The role a paragraph's place decides: opening, closing, a container's words, the role passed on
    by a 存在问题/原因/下一步 section (except causes and plans written into it)."""
    text = para.intro if para.items else para.text
    if (
        sec.is_root
        and (has_headings or first_in_root)
        and not para.tail
        and (not para.items or _OPENING_CUE.search(para.intro))
    ):
        return KT, (0.95 if _OPENING_CUE.search(text) else 0.7)
    if para.tail and _closing(para.text):
        return JW, 0.9
    if sec.role == QT:  # what a container heading says before its sub-headings
        return QT, sec.confidence
    if _CAUSE_INTRO.search(para.text) and sec.role in (WT, YY, *TOPICAL):
        return YY, 0.9
    if sec.role == WT and _PLAN_SENTENCE.search(text):  # plans written in the problems section
        return XB, 0.8
    if sec.role in FOLLOW_UP:
        return sec.role, 0.9
    return None


def _paragraph_role(
    para: Paragraph, sec: Section, first_in_root: bool, has_headings: bool, model: NaiveBayes
) -> None:
    text = para.intro if para.items else para.text
    placed = _place_role(para, sec, first_in_root, has_headings)
    if placed is not None:
        para.role, para.confidence = placed
    elif _PROBLEM_INTRO.search(para.intro):
        para.role, para.confidence = WT, 0.85
    elif para.items and _NEXT_INTRO.search(para.intro):
        para.role, para.confidence = XB, 0.85
    elif not text:
        para.role, para.confidence = sec.role or QT, sec.confidence
    else:
        para.role, para.confidence = classify_unit("", text, sec.role, model)


def _item_role(item: Item, para: Paragraph, sec: Section, model: NaiveBayes) -> None:
    if para.role in FOLLOW_UP and ((para.items and para.intro) or sec.role in FOLLOW_UP):
        item.role, item.confidence = para.role, para.confidence
        return
    if sec.role in FOLLOW_UP:
        item.role, item.confidence = sec.role, 0.9
        return
    context = para.role if para.intro and para.role in TOPICAL else sec.role
    item.role, item.confidence = classify_unit(item.lead, item.body, context, model)


def _section_role(outline: Outline, index: int, model: NaiveBayes) -> tuple[str, float]:
    sec = outline.sections[index]
    ruled = heading_rule(sec.heading)
    inherited = next((a for a in outline.ancestors(index) if a.role in FOLLOW_UP), None)
    if inherited is not None:  # under the problems a cause heading is 原因; under a plan all is plan
        return (
            ruled if ruled is not None and ruled[0] == YY and inherited.role == WT else (inherited.role, 0.9)
        )
    if ruled is not None:
        return ruled
    parent = outline.sections[sec.parent] if sec.parent is not None else None
    siblings = parent.children if parent is not None else []
    before = [outline.sections[s].role for s in siblings if s < index]
    after_problems = bool(before) and before[-1] in (WT, YY)
    opening = sec.paragraphs[0].intro or sec.paragraphs[0].text if sec.paragraphs else ""
    if _states_problems(opening[:40]):  # the body opens by stating the problems
        return WT, 0.8
    if after_problems and _NEXT_START.search(opening):  # after the problems, the body opens with a plan
        return XB, 0.8
    return classify_heading(
        sec.heading, _section_text(outline, sec), parent.role if parent else "", after_problems, model
    )


def classify(outline: Outline, model: NaiveBayes | None = None) -> Outline:
    """Fill the role and confidence of every section, paragraph and item (in place; returns it)."""
    nb = _model(model)
    has_headings = len(outline.sections) > 1
    for index, sec in enumerate(outline.sections):
        if sec.is_root:
            sec.role, sec.confidence = "", 0.0
        else:
            sec.role, sec.confidence = _section_role(outline, index, nb)
        for k, para in enumerate(sec.paragraphs):
            _paragraph_role(para, sec, k == 0, has_headings, nb)
            for item in para.items:
                _item_role(item, para, sec, nb)
    return outline
