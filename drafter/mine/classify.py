"""Stage 3 of ``drafter mine``: giving every section, paragraph and item a role.

Owns the role lexicon and the rules that combine a heading's words, the unit's own words and its
place in the outline: the preamble is 开头, a closing paragraph 结尾, everything under a 存在问题 or
下一步 heading keeps that role, a container heading (主要做法, 履职工作情况) is 其他, and a themed heading
(聚焦思想过硬, 抓思想, 强化执纪监督, 以清廉文化建设为载体, 对标检视) is scored on its own words plus the
words of its body.  An item under a themed section starts from the section's role but keeps its own
when its words clearly say otherwise.  Scores become a confidence in [0, 1].
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from drafter.mine.segment import Item, Outline, Paragraph, Section

SX, ZZ, LZ, YW = "思想建设", "组织建设", "党风廉政", "业务融合"
WT, XB, KT, JW, QT = "存在问题", "下一步", "开头", "结尾", "其他"
ROLES = (SX, ZZ, LZ, WT, XB, KT, JW, YW, QT)
TOPICAL = (SX, ZZ, LZ, YW)

_LEXICON: dict[str, dict[int, str]] = {
    SX: {
        3: "思想建设 思想政治建设 理论武装 理论学习 第一议题 中心组 主题教育 意识形态 思想过硬 思想引领 "
           "政治引领 抓思想 政治站位 两个维护 两个确立 四个意识 四个自信 读书班 政治建设 思想政治 思想根基 "
           "理想信念 党性教育 学习制度 学习教育 宣讲 政治要件 政治过硬 学懂弄通 学思践悟 铸魂 二十大精神 "
           "舆情 宣传思想 思想动态 爱国主义 思想提升 思想教育 思想防线 理论素养 学习型 政治理论 "
           "思想领航 政治机关 政治生态 精神谱系 理论水平 深学 学习效果 党史学习",
        2: "学习贯彻 党课 专题党课 研讨 读原著 学原文 悟原理 调查研究 调研 宣传 初心使命 新思想 讲话精神 "
           "指示批示 重要论述 政治 学习成果 谈心谈话 理论 思想",
        1: "学习 意识 精神 宣传栏",
    },
    ZZ: {
        3: "组织建设 基层组织 组织过硬 战斗堡垒 支部建设 标准化规范化 规范化建设 三会一课 组织生活 主题党日 "
           "换届 发展党员 入党积极分子 预备党员 党员教育管理 党员队伍 干部队伍 队伍建设 党务干部 选拔任用 "
           "职级晋升 教育培训 干部培训 担当作为 组织力 组织覆盖 两个覆盖 结对共建 党建阵地 党员活动室 "
           "党群服务中心 党费 失联党员 流动党员 带头人 头雁 先锋模范 先锋模仿 党员先锋 组织路线 党建责任 "
           "党建工作责任制 第一责任人 抓党建 书记抓 党建水平 党建质量 党建工作机制 责任清单 双重组织生活 "
           "组织生活会 党员示范 志愿服务 积分制 软弱涣散 组织设置 抓责任 抓机制 基层党建 年轻干部 容错纠错 "
           "能上能下 选人用人 人才 党组织书记 支部书记 党员作用 示范带动 主体责任 责任体系 党建工作要点 "
           "党建品牌 党建引领 示范点 组织基础 党建短板 党建队伍 选育管用 干部梯队 党务 党内政治生活 "
           "民主评议 党员管理 实践锻炼 干部选拔 锻炼培训",
        2: "党支部 支部 党员 干部 培训 队伍 组织 机制 责任制 示范 责任 凝聚力 战斗力 表率 带头 党建 以上率下",
        1: "制度",
    },
    LZ: {
        3: "党风廉政 廉政 廉洁 清廉 作风建设 作风过硬 抓作风 纪律 执纪 问责 警示教育 八项规定 四风 形式主义 "
           "官僚主义 巡察 巡视 谈话提醒 廉政风险 不敢腐 三不 纪检 监察 家风 风清气正 反腐 腐败 四种形态 "
           "违纪 自律 正风肃纪 以案为鉴 以案促改 制度笼子 防微杜渐 清正 廉洁文化 警示片 纪法 崇廉 拒腐 "
           "作风纪律 纪律作风 廉洁自律 清风 监督执纪 日常监督 违规吃喝 家访",
        2: "全面从严治党 从严治党 监督 作风 专项整治 整改 风险 提醒 约谈 督查 管党治党",
        1: "规矩 底线",
    },
    YW: {
        3: "业务融合 双融双促 深度融合 党建引领业务 中心工作 主责主业 使命担当 经济运行 招商引资 营商环境 "
           "项目建设 疫情防控 高质量发展 生产总值 固定资产投资 市场主体 商事登记 食品安全 安全生产 乡村振兴 "
           "集体经济 民生 产业 书记项目 服务群众 办实事 生产经营 提质增效 教学 科研 医疗 改革发展 业务工作 "
           "攻坚克难 经济社会 消费 投资 签约 能耗 登记 监管 抽检 信访 企业服务 质量 安全 创新驱动 转型升级 "
           "营收 利润 产值 增收 人居环境 教育教学 育人 诊疗 患者 服务能力",
        2: "业务 经济 项目 企业 市场 服务 群众 工程 增长 亿元 万元 同比 效率 改革",
        1: "发展",
    },
    WT: {
        3: "还需 还须 有待 不够 不到位 欠缺 薄弱 短板 不足 差距 一手硬 不深入 不经常 缺乏 流于形式 上紧下松 "
           "不平衡 不充分 盲区 仍然存在 还存在 依然存在 不强 不高 较少 不多 偏少 不紧密 不精准 单一 "
           "重业务轻党建 存在问题 存在的问题 不善于 不严 有所松懈 满足于 习惯于 时断时续 不及时",
        2: "问题 没有 不能 少数 个别 虚",
        1: "",
    },
    XB: {
        3: "下一步 下步 今后 努力方向 工作计划 工作打算 工作思路 明年 新的一年 来年 我将 将继续 将进一步 "
           "将着力 将坚持 我们将 将以",
        2: "着眼 打算 计划 继续",
        1: "",
    },
    KT: {
        3: "现将 报告如下 汇报如下 总结如下 述职如下 情况如下",
        2: "正确领导下 坚强领导下 关心指导下 一年来 以来",
        1: "",
    },
    JW: {
        3: "新的更大 谱写 新篇章 新征程 启新程 只争朝夕 踔厉奋发 勇毅前行 特此报告 总之 不负 奋力 砥砺前行 "
           "再创佳绩 以更加 更加自觉 更加有力 以上报告 请予审议 请审议",
        2: "贡献 力量 征程 奋斗 保障 展现新作为",
        1: "",
    },
}


def _build() -> tuple[re.Pattern[str], dict[str, list[tuple[str, float]]]]:
    weights: dict[str, list[tuple[str, float]]] = {}
    for role, by_weight in _LEXICON.items():
        for weight, words in by_weight.items():
            for word in words.split():
                weights.setdefault(word, []).append((role, float(weight)))
    ordered = sorted(weights, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered))), weights


_PATTERN, _WEIGHTS = _build()

_CONTAINER = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[、.]?)?(?:\d{4}年(?:度)?)?(?:主要|基本)?(?:工作)?(?:做法|成效|成绩|情况|回顾|开展情况|"
    r"履职情况|履职工作情况|工作情况|完成情况|主要工作|工作开展情况|履职尽责情况|所做的工作|取得的成效)(?:及成效)?$"
)
_PROBLEM_HEADING = re.compile(
    r"存在(?:的)?(?:主要)?(?:问题|不足)|问题(?:及|和|与|、)|不足(?:之处)?$|^(?:主要)?问题$|差距|短板|"
    r"还需|还须|有待|不够|不足|欠缺|薄弱|对标检视|检视"
)
_NEXT_HEADING = re.compile(
    r"下一步|下步|今后|努力方向|工作(?:计划|打算|思路|安排|措施)$|打算|明年|\d{4}年(?:工作)?(?:思路|计划|打算)|"
    r"改进措施|整改措施|努力的方向"
)
_OPENING_CUE = re.compile("现将|现就|如下[：:。]|正确领导下|坚强领导下|指导下|以下几个方面")
_PROBLEM_INTRO = re.compile("存在(?:一些|以下|着|的)?(?:问题|不足|差距)|不足之处|问题和不足|主要(?:表现|体现)在")
_NEXT_INTRO = re.compile("下一步|下步|今后|新的一年|明年|我将|我们将|将从以下")


def scores(text: str) -> dict[str, float]:
    """Lexicon score of each role in ``text`` (each word counts at most three times)."""
    out: dict[str, float] = {}
    for word, n in Counter(_PATTERN.findall(text)).items():
        for role, weight in _WEIGHTS[word]:
            out[role] = out.get(role, 0.0) + weight * min(n, 3)
    return out


def _normalize(s: dict[str, float], roles: Iterable[str]) -> dict[str, float]:
    picked = {r: s.get(r, 0.0) for r in roles}
    total = sum(picked.values())
    return {r: v / total for r, v in picked.items()} if total else {r: 0.0 for r in picked}


def _pick(dist: dict[str, float], fallback: str = QT) -> tuple[str, float]:
    """The best role and a confidence: its share, sharpened by the margin over the runner-up."""
    ranked = sorted(dist.items(), key=lambda kv: (-kv[1], ROLES.index(kv[0])))
    if not ranked or ranked[0][1] <= 0:
        return fallback, 0.3
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(v for _, v in ranked) or 1.0
    share = top / total
    margin = (top - second) / (top or 1.0)
    return best, round(min(0.99, 0.35 + 0.4 * share + 0.25 * margin), 2)


def _section_text(outline: Outline, sec: Section) -> str:
    return "".join(p.text for p in sec.paragraphs) + "".join(
        outline.sections[c].heading + "".join(p.text for p in outline.sections[c].paragraphs)
        for c in sec.children)


def heading_rule(heading: str) -> tuple[str, float] | None:
    """The role a heading's form alone decides: 存在问题, 下一步, or a container such as 主要做法."""
    h = heading.strip()
    if _PROBLEM_HEADING.search(h) and not _NEXT_HEADING.search(h):
        return WT, 0.95
    if _NEXT_HEADING.search(h):
        return XB, 0.95
    if len(h) <= 16 and _CONTAINER.match(h):
        return QT, 0.9
    return None


def classify_heading(heading: str, body: str = "", parent_role: str = "") -> tuple[str, float]:
    """Role of a section from its heading, the words of its body and its parent's role."""
    ruled = heading_rule(heading)
    if ruled is not None:
        return ruled
    own = scores(heading.strip())
    dist = {r: 0.0 for r in TOPICAL}
    own_n = _normalize(own, TOPICAL)
    body_n = _normalize(scores(body), TOPICAL)
    has_own = any(own_n.values())
    for r in TOPICAL:
        dist[r] = (0.55 if has_own else 0.0) * own_n[r] + (0.45 if has_own else 1.0) * body_n[r]
        if parent_role == r:
            dist[r] += 0.15
    return _pick(dist)


def classify_unit(lead: str, body: str, context_role: str = "") -> tuple[str, float]:
    """Role of an item (or a paragraph) from its lead, its body and the role of its section."""
    lead_n = _normalize(scores(lead), TOPICAL)
    body_n = _normalize(scores(body), TOPICAL)
    if any(lead_n.values()) and any(body_n.values()):
        own_n = {r: 0.5 * lead_n[r] + 0.5 * body_n[r] for r in TOPICAL}
    else:
        own_n = lead_n if any(lead_n.values()) else body_n
    if not any(own_n.values()):
        if context_role in TOPICAL:
            return context_role, 0.5
        return QT, 0.3
    if context_role in TOPICAL:
        dist = {r: 0.7 * own_n[r] + (0.3 if r == context_role else 0.0) for r in TOPICAL}
    else:
        dist = own_n
    return _pick(dist)


def _closing(text: str) -> bool:
    s = scores(text)
    return s.get(JW, 0.0) >= 3 or (s.get(JW, 0.0) >= 2 and s.get(XB, 0.0) >= 3)


def _paragraph_role(para: Paragraph, sec: Section, first_in_root: bool, has_headings: bool) -> None:
    text = para.intro if para.items else para.text
    if sec.is_root and (has_headings or first_in_root) and not para.tail and (
            not para.items or _OPENING_CUE.search(para.intro)):
        para.role, para.confidence = KT, (0.95 if _OPENING_CUE.search(text) else 0.7)
        return
    if para.tail and _closing(para.text):
        para.role, para.confidence = JW, 0.9
        return
    if sec.role in (WT, XB):
        para.role, para.confidence = sec.role, 0.9
        return
    if _PROBLEM_INTRO.search(para.intro):
        para.role, para.confidence = WT, 0.85
        return
    if para.items and _NEXT_INTRO.search(para.intro):
        para.role, para.confidence = XB, 0.85
        return
    if not text:
        para.role, para.confidence = sec.role or QT, sec.confidence
        return
    para.role, para.confidence = classify_unit("", text, sec.role)


def _item_role(item: Item, para: Paragraph, sec: Section) -> None:
    if para.role in (WT, XB) and ((para.items and para.intro) or sec.role in (WT, XB)):
        item.role, item.confidence = para.role, para.confidence
        return
    if sec.role in (WT, XB):
        item.role, item.confidence = sec.role, 0.9
        return
    if _PROBLEM_HEADING.search(item.lead) and scores(item.full).get(WT, 0) >= 6:
        item.role, item.confidence = WT, 0.7
        return
    item.role, item.confidence = classify_unit(item.lead, item.body, sec.role)


def classify(outline: Outline) -> Outline:
    """Fill the role and confidence of every section, paragraph and item (in place; returns it)."""
    has_headings = len(outline.sections) > 1
    for index, sec in enumerate(outline.sections):
        if sec.is_root:
            sec.role, sec.confidence = "", 0.0
        else:
            inherited = next((a for a in outline.ancestors(index) if a.role in (WT, XB)), None)
            if inherited is not None:
                sec.role, sec.confidence = inherited.role, 0.9
            else:
                parent = outline.sections[sec.parent] if sec.parent is not None else None
                parent_role = parent.role if parent is not None else ""
                ruled = heading_rule(sec.heading)
                sec.role, sec.confidence = ruled if ruled is not None else classify_heading(
                    sec.heading, _section_text(outline, sec), parent_role)
        for k, para in enumerate(sec.paragraphs):
            _paragraph_role(para, sec, k == 0, has_headings)
            for item in para.items:
                _item_role(item, para, sec)
    return outline
