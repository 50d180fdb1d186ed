"""This year's report against last year's: how much was copied, and which promises were kept.

Owns :func:`compare_last_year` (``drafter compare 今年.docx --last-year 去年.docx``, and ``drafter
render`` when the facts file names ``去年报告``):

* the share of this year's text copied from last year's — the fraction of this year's 13-character
  n-grams (:mod:`drafter.originality`) that also occur in last year's report — and the paragraphs that
  are mostly copied (at least half of their n-grams);
* for each of last year's 下一步 items, whether this year's 主要工作 answers it: the item's topic words
  (a fixed list of Party-building terms, plus any “quoted” term) are looked up in each paragraph of this
  year's work parts; a paragraph sharing two of them (or the item's only one) answers it;
* a warning when the two reports name different units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError
from drafter.originality import grams, share

if TYPE_CHECKING:  # the report reader is loaded only when there is a report to read (not by every render)
    from drafter.docread import Item, Para

DEFAULT_THRESHOLD = 0.30
COPIED_PARAGRAPH = 0.5  # a paragraph with at least this share of its n-grams in last year's is listed
SHOWN = 12  # copied paragraphs listed by report_lines
MIN_PARAGRAPH = 20  # shorter paragraphs (headings, set phrases) are not listed as copied

# Party-building topic words: what a 下一步 item is about.  Generic words every paragraph uses
# (党建、党员、基层、工作) are left out on purpose: they would make every item look answered.
TOPIC_TERMS: tuple[str, ...] = (
    "理论武装",
    "理论学习",
    "中心组",
    "第一议题",
    "专题党课",
    "党课",
    "专题研讨",
    "读书班",
    "学习教育",
    "主题教育",
    "党纪学习教育",
    "意识形态",
    "舆情",
    "宣传阵地",
    "网络",
    "谈心谈话",
    "思想动态",
    "思想政治工作",
    "主体责任",
    "责任清单",
    "责任链条",
    "第一责任人",
    "一岗双责",
    "考核",
    "述职评议",
    "督导",
    "三会一课",
    "主题党日",
    "组织生活",
    "民主评议",
    "双重组织生活",
    "支部书记",
    "党务干部",
    "培训",
    "换届",
    "标准化",
    "规范化",
    "发展党员",
    "积极分子",
    "党员教育",
    "党员管理",
    "流动党员",
    "先锋模范",
    "党员示范岗",
    "志愿服务",
    "品牌",
    "创新",
    "载体",
    "智慧党建",
    "信息化",
    "阵地建设",
    "党群服务中心",
    "网格",
    "基层治理",
    "两个覆盖",
    "组织覆盖",
    "工作覆盖",
    "非公",
    "新兴领域",
    "党建引领",
    "融合",
    "中心工作",
    "营商环境",
    "服务企业",
    "民生",
    "乡村振兴",
    "调查研究",
    "调研",
    "作风",
    "形式主义",
    "官僚主义",
    "为基层减负",
    "廉政",
    "廉洁",
    "警示教育",
    "以案促改",
    "纪律教育",
    "纪律",
    "监督",
    "巡察",
    "审计",
    "整改",
    "问题清单",
    "廉政风险",
    "权力运行",
    "制度建设",
    "制度",
    "干部队伍",
    "年轻干部",
    "选人用人",
    "激励",
    "关心关爱",
    "人才",
    "统战",
    "群团",
    "工会",
    "共青团",
)
_QUOTED = re.compile(r"[“\"]([^”\"]{2,12})[”\"]")


def topic_terms(text: str) -> set[str]:
    """The topic words and “quoted” terms in ``text`` (a term inside a longer found term is dropped)."""
    found = {t for t in TOPIC_TERMS if t in text} | set(_QUOTED.findall(text))
    return {t for t in found if not any(t != o and t in o for o in found)}


@dataclass(frozen=True)
class Copied:
    """A paragraph of this year's report mostly found in last year's."""

    line: int
    text: str
    share: float


@dataclass(frozen=True)
class Promise:
    """One of last year's 下一步 items and this year's answer to it."""

    item: Item
    terms: tuple[str, ...]  # the item's topic words
    shared: tuple[str, ...]  # those found in the best-matching paragraph of this year's 主要工作
    answered: bool | None  # None: the item names no topic word, so it cannot be judged
    where: int = 0  # that paragraph's position (1-based), 0 when none

    @property
    def label(self) -> str:
        text = self.item.lead or self.item.text
        return text if len(text) <= 30 else text[:29] + "…"


@dataclass
class LastYearComparison:
    """The result of :func:`compare_last_year`."""

    share: float
    copied: list[Copied] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def over(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        return self.share > threshold


# --------------------------------------------------------------------------- inputs

_BLOCK_LEVEL = {"heading1": "h1", "heading2": "h2", "heading3": "h3"}


def paras_of(source: Any) -> list[Para]:
    """Leveled paragraphs of a report given as a file path, a :class:`~drafter.model.Document`, a list
    of :class:`Para`, or plain text (one paragraph a line)."""
    from drafter.docread import Para, classify, read_report

    if isinstance(source, Path):
        return read_report(source)
    if isinstance(source, list):
        return source
    if isinstance(source, str):
        return classify(source.split("\n"))
    blocks = getattr(source, "blocks", None)
    if blocks is None:
        raise TypeError(f"cannot compare {type(source).__name__}")
    out: list[Para] = []
    for i, block in enumerate(blocks, 1):
        level = _BLOCK_LEVEL.get(block.kind, block.kind)
        out.append(Para(level, block.text, i))
    # Document blocks carry their kind already, but 一是 items are plain paragraphs there
    return [
        Para("item", p.text, p.line)
        if p.level == "para" and re.match(r"^[一二三四五六七八九十]{1,3}是", p.text)
        else p
        for p in out
    ]


def _unit_of(paras: list[Para]) -> str:
    from drafter.lastyear import facts_from_paras

    return str(facts_from_paras(paras).unit)


# --------------------------------------------------------------------------- comparison


def _copied(this: list[Para], last_grams: frozenset[str]) -> list[Copied]:
    out = []
    for p in this:
        if (
            p.level in ("title", "byline", "signature", "date")
            or len(re.sub(r"\s", "", p.text)) < MIN_PARAGRAPH
        ):
            continue
        value = share(grams(p.text), last_grams)
        if value >= COPIED_PARAGRAPH:
            out.append(Copied(p.line, p.text, value))
    return out


def _promise(item: Item, work: list[Para]) -> Promise:
    terms = topic_terms(item.full)
    best: tuple[str, ...] = ()
    where = 0
    for p in work:
        shared = tuple(t for t in sorted(terms) if t in p.text)
        if len(shared) > len(best):
            best, where = shared, p.line
    if not terms:
        return Promise(item, (), (), None)
    answered = len(best) >= min(2, len(terms))
    return Promise(item, tuple(sorted(terms)), best, answered, where if best else 0)


def compare_paras(this: list[Para], last: list[Para]) -> LastYearComparison:
    """Compare two reports already read (see the module docstring)."""
    from drafter.docread import items, sections

    last_grams = grams("\n".join(p.text for p in last))
    this_text = "\n".join(p.text for p in this if p.level not in ("signature", "date"))
    result = LastYearComparison(share(grams(this_text), last_grams), _copied(this, last_grams))
    this_parts = sections(this)
    work = [p for p in (this_parts.main or this_parts.head) if p.level != "h1"]
    result.promises = [_promise(item, work) for item in items(sections(last).plans)]
    if not result.promises:
        result.warnings.append("去年的报告里没有找到“下一步工作打算”部分，无法核对去年的承诺")
    this_unit, last_unit = _unit_of(this), _unit_of(last)
    if this_unit and last_unit and this_unit != last_unit:
        result.warnings.append(
            f"两份报告的单位不同（今年：{this_unit}；去年：{last_unit}），请确认选对了去年的报告"
        )
    return result


def compare_last_year(this: Any, last_path: Path) -> LastYearComparison:
    """This year's report (a path, a Document, or text) against last year's report file."""
    from drafter.docread import read_report

    return compare_paras(paras_of(this), read_report(last_path))


# --------------------------------------------------------------------------- presentation


def report_lines(
    result: LastYearComparison, threshold: float = DEFAULT_THRESHOLD, last_name: str = "去年的报告"
) -> list[str]:
    """The comparison in Chinese, one line each: share, copied paragraphs, the promises table."""
    verdict = (
        f"超过 {threshold:.0%} 的阈值，请改写" if result.over(threshold) else f"未超过 {threshold:.0%} 的阈值"
    )
    lines = [
        f"与{last_name}相比：今年稿子有 {result.share:.0%} 的文字（按 13 字片段计）与去年相同，{verdict}。"
    ]
    if result.copied:
        lines.append(f"与去年基本相同的段落（{len(result.copied)} 段，至少一半文字相同）：")
        for c in result.copied[:SHOWN]:
            excerpt = c.text if len(c.text) <= 40 else c.text[:39] + "…"
            lines.append(f"  第{c.line}段（{c.share:.0%}）：{excerpt}")
        if len(result.copied) > SHOWN:
            lines.append(f"  ……另有 {len(result.copied) - SHOWN} 段")
    if result.promises:
        lines.append("去年“下一步”的打算，今年“主要工作”是否回应：")
        lines.append("  序号｜去年的打算｜今年｜依据")
        for i, p in enumerate(result.promises, 1):
            if p.answered is None:
                state, why = "无法判断", "这一条没有可核对的主题词"
            elif p.answered:
                state, why = "已回应", f"第{p.where}段：" + "、".join(p.shared)
            else:
                state = "未见回应"
                why = "主题词：" + "、".join(p.terms) + (f"；部分见第{p.where}段" if p.where else "")
            lines.append(f"  {i}｜{p.label}｜{state}｜{why}")
    return [*lines, *(f"警告：{w}" for w in result.warnings)]


def last_year_lines(facts: Any, document: Any, threshold: float = DEFAULT_THRESHOLD) -> list[str]:
    """For ``drafter render``: the comparison with the report the facts file names as ``去年报告``
    (relative to the facts file), or nothing when it names none.  A last-year report that cannot be
    read gives a warning line: the draft itself is fine."""
    named = facts.get("去年报告")
    if not named:
        return []
    path = Path(str(named))
    if not path.is_absolute() and getattr(facts, "path", None) is not None:
        path = Path(facts.path).parent / path
    from drafter.docread import read_report

    try:
        last = read_report(path)
    except DrafterError as exc:
        return [f"警告：去年的报告读不出来，未做对照：{exc}"]
    result = compare_paras(paras_of(document), last)
    unit = facts.get("单位.全称")
    last_unit = _unit_of(last)
    if unit and last_unit and unit != last_unit and not any("单位不同" in w for w in result.warnings):
        result.warnings.append(
            f"去年报告的单位（{last_unit}）与事实文件的单位（{unit}）不同，请确认选对了文件"
        )
    return report_lines(result, threshold, f"去年的报告（{path.name}）")
