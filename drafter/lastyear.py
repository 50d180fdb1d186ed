"""Last year's report as input: the facts a finished report states, read back from its text.

Owns :func:`facts_from_report` (used by ``drafter init --from``): the report's kind and year, the unit
(全称、党组织、自称、上级党委、类型), the reporter (姓名、职务), last year's number for each count key, and
last year's 存在问题 and 下一步 items — plus a list, in Chinese, of what could not be read.

Numbers are matched to count keys by the words around them, in two steps:

1. the wording drafter's own fragments use: for every ``{{ 组织建设.三会一课次数 }}`` in the phrase
   library, the literal text just before and after the slot (“全年各党支部开展“三会一课”” … “次、”) —
   so a report drafter wrote is read back exactly;
2. cue words for each key (中心组、集中学习 → 中心组学习次数; 警示教育 → 警示教育次数 …), the nearest one
   before the number in its sentence winning, longer cues before shorter ones (“廉政党课” beats “党课”);
   after a measure word the noun that follows is what is counted (“3个党支部完成换届”); a few cues
   belong to no key (组织生活会、民主生活会) and stop a wrong match.

A number is only matched to a key whose unit fits (次 for 次数, 人次, 个 for 支部, 名/人 for people,
% for a rate); frequencies (每月1次) are skipped.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.docread import Item, Para, body_text, items, problem_items, read_report, sections
from drafter.initfile import Prefill, scalar
from drafter.registry import registry
from drafter.schema import walk

# --------------------------------------------------------------------------- cue words

# key → cue words (any one before the number names the key)
CUES: dict[str, tuple[str, ...]] = {
    "思想建设.中心组学习次数": ("中心组", "集中学习", "集体学习", "理论学习"),
    "思想建设.第一议题学习次数": ("第一议题",),
    "思想建设.专题党课次数": ("专题党课", "党课", "讲课"),
    "思想建设.专题研讨次数": ("专题研讨", "研讨", "交流研讨"),
    "思想建设.谈心谈话次数": ("谈心谈话", "谈心", "谈话"),
    "思想建设.意识形态研判次数": ("意识形态", "研判", "分析研判"),
    "思想建设.学习教育查摆问题数": ("查摆问题", "查摆出", "检视问题"),
    "思想建设.学习教育整改问题数": ("已整改到位", "已完成整改", "整改到位"),
    "组织建设.党支部数": ("党支部", "支部", "基层党组织", "党组织"),
    "组织建设.党员数": ("党员", "在册党员", "共有党员"),
    "组织建设.换届支部数": ("换届",),
    "组织建设.按期换届率": ("换届率", "按期换届"),
    "组织建设.入党积极分子数": ("积极分子", "入党积极分子"),
    "组织建设.发展党员数": ("发展党员", "预备党员", "新党员", "加入党组织", "吸收"),
    "组织建设.三会一课次数": ("三会一课",),
    "组织建设.主题党日次数": ("主题党日",),
    "组织建设.双重组织生活次数": ("双重组织生活", "组织生活", "支部活动"),
    "组织建设.党务干部培训人次": ("党务干部", "培训", "参训"),
    "党风廉政.警示教育次数": ("警示教育", "警示"),
    "党风廉政.廉政谈话人次": ("廉政谈话", "提醒谈话", "谈话提醒", "约谈", "谈话"),
    "党风廉政.监督检查次数": ("监督检查", "专项检查", "监督", "检查"),
    "党风廉政.廉政党课次数": ("廉政党课", "廉洁党课"),
}
# cues that name something no key counts: the nearest cue being one of these leaves the number alone
STOP_CUES = (
    "组织生活会",
    "第一种形态",
    "执纪",
    "民主生活会",
    "读书班",
    "讲堂",
    "培训班",
    "座谈会",
    "展板",
    "宣讲",
)

_PEOPLE = ("名", "人")
UNITS: dict[str, tuple[str, ...]] = {
    "组织建设.党支部数": ("个",),
    "组织建设.换届支部数": ("个",),
    "组织建设.党员数": _PEOPLE,
    "组织建设.入党积极分子数": _PEOPLE,
    "组织建设.发展党员数": _PEOPLE,
    "组织建设.按期换届率": ("%", "％"),
    "组织建设.党务干部培训人次": ("人次",),
    "党风廉政.廉政谈话人次": ("人次",),
    "思想建设.学习教育查摆问题数": ("个", "项", "条"),
    "思想建设.学习教育整改问题数": ("个", "项", "条"),
}
_DEFAULT_UNITS = ("次", "场")
CUE_REACH = 30
PATTERN_MIN = 8  # characters of fragment wording around a number that must agree
SENTENCE_REACH = 80
MEASURE_WORDS = ("个", "名", "人")

_NUMBER = re.compile(r"(?<![\d.])(\d{1,6}(?:\.\d+)?)\s*(人次|次|场|个|名|人|项|户|%|％)")
_FREQUENCY = re.compile(r"(?:每|一|半)(?:年|季度?|月|周|天|日)(?:至少|不少于)?$")
_SENTENCE_END = re.compile(r"[。；！？\n]")
_CLAUSE_END = re.compile(r"[，、。；！？：\n]")


def _derived_cues() -> None:
    """Cue words and units for the counts unit types and report kinds add (组织建设.网格党支部数 → 网格党支部)."""
    for spec in registry().fact_specs:
        name = spec.path.split(".", 1)[1]
        for suffix, units in (
            ("次数", _DEFAULT_UNITS),
            ("人数", _PEOPLE),
            ("人次", ("人次",)),
            ("数", ("个", "户", "项")),
        ):
            if name.endswith(suffix):
                CUES.setdefault(spec.path, (name[: -len(suffix)],))
                if units is not _DEFAULT_UNITS:
                    UNITS.setdefault(spec.path, units)
                break


_derived_cues()

NOT_WORK = ("上年度问题整改",)  # groups whose counts are not numbers the work part states


def count_keys() -> list[str]:
    """Dotted paths of the count and percent facts a report's work part states (思想建设.中心组学习次数 …):
    those inside a group; top-level counts (字数) are settings, not the year's numbers."""
    return [
        p
        for p, f in walk()
        if f.kind in ("count", "percent") and "." in p and p.split(".")[0] not in NOT_WORK
    ]


def units_for(key: str) -> tuple[str, ...]:
    return UNITS.get(key, _DEFAULT_UNITS)


@dataclass(frozen=True)
class Pattern:
    """The literal text around one slot of a fragment."""

    key: str
    before: str
    after: str


@lru_cache(maxsize=4)
def fragment_patterns(folder: Path | None = None) -> tuple[Pattern, ...]:
    """Text around every count slot in the phrase library (empty when the library cannot be read)."""
    from drafter.errors import DrafterError
    from drafter.library import load_library

    try:
        library = load_library(folder)
    except DrafterError:
        return ()
    keys = set(count_keys())
    slot = re.compile(r"\{\{-?\s*([^}|\s]+)[^}]*\}\}")
    out: list[Pattern] = []
    for fragment in library.fragments():
        for text in fragment.texts:
            for m in slot.finditer(text):
                if m.group(1) not in keys:
                    continue
                before = re.split(r"\}\}|%\}", text[: m.start()])[-1][-12:]
                after = re.split(r"\{\{|\{%", text[m.end() :])[0][:8]
                out.append(Pattern(m.group(1), before, after))
    return tuple(out)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _by_pattern(
    text: str, start: int, end: int, allowed: list[str], patterns: tuple[Pattern, ...]
) -> str | None:
    """The key whose fragment wording surrounds the number exactly, if exactly one does."""
    before, after = text[max(0, start - 12) : start], text[end : end + 8]
    best: dict[str, int] = {}
    for p in patterns:
        if p.key not in allowed:
            continue
        left, right = _common_suffix(before, p.before), _common_prefix(after, p.after)
        if left < min(len(p.before), 6) or right < min(len(p.after), 2) or left + right < PATTERN_MIN:
            continue
        best[p.key] = max(best.get(p.key, 0), left + right)
    if not best:
        return None
    top = max(best.values())
    winners = [k for k, v in best.items() if v == top]
    return winners[0] if len(winners) == 1 else None


def _nearest_cue(segment: str, allowed: list[str], *, after: bool = False) -> str | None:
    """The key of the cue nearest the number (end of ``segment``, or its start when ``after``)."""
    found: list[tuple[int, int, str | None]] = []  # (distance, -length, key)
    candidates: list[tuple[str | None, str]] = [(k, c) for k in allowed for c in CUES.get(k, ())]
    candidates += [(None, c) for c in STOP_CUES]
    for key, cue in candidates:
        pos = segment.find(cue) if after else segment.rfind(cue)
        if pos < 0:
            continue
        distance = pos if after else len(segment) - (pos + len(cue))
        found.append((distance, -len(cue), key))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]))
    return found[0][2]


def _after_clause(text: str, end: int) -> str:
    """The words after a number's unit, up to the clause's end or the next number."""
    stop = _CLAUSE_END.search(text, end)
    clause = text[end : stop.start() if stop else len(text)]
    digit = re.search(r"\d", clause)
    return clause[: digit.start()] if digit else clause


def _by_cue(text: str, start: int, end: int, allowed: list[str], segment_start: int, unit: str) -> str | None:
    """The key a number's cue words name.

    After a measure word (个、名、人) the counted noun follows (“3个党支部完成换届”), so the clause after
    the number comes first and its last cue wins; otherwise the nearest cue before the number (in its
    sentence, after the previous number, at most ``CUE_REACH`` characters back), then the clause after
    it, then — for 次 — a cue further back in the same sentence (“开展“三会一课”……全年共开展118次”).
    """
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    segment = text[max(sentence_start, segment_start, start - CUE_REACH) : start]
    if _FREQUENCY.search(segment):
        return None
    after = _after_clause(text, end)
    if unit in MEASURE_WORDS:
        key = _last_cue(after, allowed)
        if key is not None:
            return key
    key = _nearest_cue(segment, allowed)
    if key is not None or any(c in segment for c in STOP_CUES):
        return key
    key = _nearest_cue(after, allowed, after=True)
    if key is not None or unit in MEASURE_WORDS:
        return key
    return _nearest_cue(text[max(sentence_start, segment_start, start - SENTENCE_REACH) : start], allowed)


def _last_cue(clause: str, allowed: list[str]) -> str | None:
    """The key of the cue that ends last in ``clause`` (the predicate after the counted noun)."""
    found = [(clause.rfind(c) + len(c), len(c), k) for k in allowed for c in CUES.get(k, ()) if c in clause]
    return max(found)[2] if found else None


@dataclass(frozen=True)
class Number:
    """A number found in the report, the key it was matched to, and the words around it."""

    key: str
    value: int | float
    context: str


def _value(digits: str) -> int | float:
    number = float(digits)
    return int(number) if number.is_integer() else number


def find_numbers(text: str, library: Path | None = None) -> tuple[dict[str, Number], list[str]]:
    """Each count key's first number in ``text``, and the contexts of numbers matched to no key."""
    patterns = fragment_patterns(library)
    keys = count_keys()
    found: dict[str, Number] = {}
    unmatched: list[str] = []
    previous_end = 0
    for m in _NUMBER.finditer(text):
        unit = m.group(2)
        allowed = [k for k in keys if unit in units_for(k) and k not in found]
        key = _by_pattern(text, m.start(), m.end(1), allowed, patterns) if allowed else None
        if key is None and allowed:
            key = _by_cue(text, m.start(), m.end(), allowed, previous_end, unit)
        context = text[max(0, m.start() - 12) : m.end()].replace("\n", "")
        if key is not None:
            found[key] = Number(key, _value(m.group(1)), context)
        elif unit in ("次", "场", "人次"):
            unmatched.append(context)
        previous_end = m.end()
    return found, unmatched


# --------------------------------------------------------------------------- unit and reporter

_ORG = r"(?:党组|党工委|党委|党总支|党支部)"
_ORG_OWNER = r"(?:[委局厅办院校所司署会处]|街道|社区|机关|公司|集团|医院|学校|中心|镇|乡|村)"
_ORG_TOKEN = re.compile(rf"{_ORG_OWNER}{_ORG}(?!书记)")
_SELF = re.compile(r"我(?:委|局|厅|办|院|校|所|司|署|中心|公司|集团|街道|镇|乡|村)")  # not 我区: a region
_SUPERIOR = (
    re.compile(r"在([省市区县州旗]委)(?:和[^的，。]{1,10})?的(?:正确|坚强|有力)?(?:领导|指导)"),
    re.compile(r"按照([省市区县州旗]委)(?:关于|的|要求|部署)"),
    re.compile(r"([省市区县州旗]委)(?:的)?(?:部署要求|工作部署)"),
)
_UNIT_END = re.compile(r"(?:街道|社区|委员会|[局委厅办院校所司署会部处]|中心|公司|集团|医院|镇|乡|村)$")
_POST = re.compile(rf"{_ORG}?(?:副)?书记")
_TYPES: tuple[tuple[str, str], ...] = (
    (r"街道|社区", "街道/社区"),
    (r"医院|卫生院|卫健", "医院"),
    (r"学校|大学|学院|中学|小学|幼儿园|教育局|教育和体育局", "学校"),
    (r"村(?:党|委|$)", "村"),
    (r"有限公司|集团|国企|国有", "国企"),
    (r"商会|协会|民营|非公", "非公"),
    (r"委员会|局|厅|办公室|机关|政府|法院|检察院|署", "机关"),
)
_YEAR = re.compile(r"(20\d{2})\s*年")


def unit_type(name: str) -> str | None:
    """单位.类型 recognised from a unit's full name, or None."""
    for pattern, kind in _TYPES:
        if re.search(pattern, name):
            return kind
    return None


def _split_byline(byline: str, post_hint: str) -> tuple[str, str, str]:
    """“某区某某街道党工委书记　李红梅” → (某区某某街道, 街道党工委书记, 李红梅)."""
    parts = re.split(r"[\s　]+", byline.strip())
    name = parts[-1] if len(parts) > 1 and re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", parts[-1]) else ""
    head = "".join(parts[:-1]) if name else "".join(parts)
    if post_hint:
        # 全称 and 职务 may share words (某某街道 + 街道党工委书记): every split that joins back to the
        # byline is a candidate; the one whose 全称 ends like a unit name wins
        splits: list[tuple[str, str]] = []
        for cut in range(len(post_hint) - 1):
            tail = post_hint[cut:]
            pos = head.find(tail)
            if pos > 0 and head[:pos].endswith(post_hint[:cut]):
                splits.append((head[:pos], post_hint + head[pos + len(tail) :]))
        for unit, post in splits:
            if _UNIT_END.search(unit) and not re.search(f"{_ORG}$", unit):
                return unit, post, name
        if splits:
            return splits[0][0], splits[0][1], name
    m = _POST.search(head)
    if m and m.start() > 0:
        return head[: m.start()], head[m.start() :], name
    return "", head, name


@dataclass
class ReportFacts:
    """What a report states, read back: facts by dotted path, last year's numbers, its problems and
    next steps, and Chinese notes on what could not be read."""

    values: dict[str, str | int] = field(default_factory=dict)
    numbers: dict[str, Number] = field(default_factory=dict)
    problems: list[Item] = field(default_factory=list)
    plans: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    year: int | None = None
    date: str = ""
    main_text: str = ""
    problems_text: str = ""  # the whole 存在问题 part, lead-in included (it may name 巡察、述职评议…)

    @property
    def unit(self) -> str:
        return str(self.values.get("单位.全称", ""))


def _most_common(pattern: re.Pattern[str], text: str, least: int = 1) -> str | None:
    counts = Counter(m.group(0) for m in pattern.finditer(text))
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return value if n >= least else None


def _reporter(title: str, byline: str, signature: str, values: dict[str, str | int]) -> None:
    year = _YEAR.search(title)
    post_hint = ""
    m = re.search(r"年度?(.+?书记)", title)
    if m:
        post_hint = m.group(1)
    elif year and year.start() > 0:
        post_hint = title[: year.start()] if _POST.search(title[: year.start()]) else ""
    unit, post, name = _split_byline(byline, post_hint) if byline else ("", post_hint, "")
    if not name and re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", signature or ""):
        name = signature
    if unit:
        values["单位.全称"] = unit
    if post:
        values["述职人.职务"] = post
    if name:
        values["述职人.姓名"] = name


def _unit_name(title: str, signature: str) -> str:
    """A summary's unit: its title before the year (某区教育局2024年度…), else its signature."""
    year = _YEAR.search(title)
    if year and year.start() > 1:
        return title[: year.start()]
    return signature if signature and not _YEAR.search(signature) else ""


def _party_body(text: str, post: str) -> str | None:
    """The unit's Party body most often named (委党组、局党组、街道党工委), of the kind the post names."""
    tokens = Counter(m.group(0) for m in _ORG_TOKEN.finditer(text))
    org_kind = re.search(_ORG, post)
    if org_kind:
        tokens = Counter({t: n for t, n in tokens.items() if t.endswith(org_kind.group(0))}) or tokens
    return tokens.most_common(1)[0][0] if tokens else None


def _superior(text: str) -> str | None:
    for pattern in _SUPERIOR:
        m = pattern.search(text)
        if m:
            return m.group(1)
    return None


def _unit(paras: list[Para], values: dict[str, str | int], kind: str) -> None:
    title = paras[0].text if paras and paras[0].level == "title" else ""
    signature = next((p.text for p in paras if p.level == "signature"), "")
    byline = next((p.text for p in paras if p.level == "byline"), "")
    if kind == "书记述职":
        _reporter(title, byline, signature, values)
    elif _unit_name(title, signature):
        values["单位.全称"] = _unit_name(title, signature)
    text = body_text(paras)
    found = {
        "单位.党组织": _party_body(text, str(values.get("述职人.职务", ""))),
        "单位.自称": _most_common(_SELF, text),
        "单位.上级党委": _superior(text),
        "单位.类型": unit_type(str(values.get("单位.全称", ""))) if values.get("单位.全称") else None,
    }
    values.update({k: v for k, v in found.items() if v})


def _kind(paras: list[Para]) -> str | None:
    title = paras[0].text if paras and paras[0].level == "title" else ""
    if "述职" in title:
        return "书记述职"
    if "总结" in title:
        return "党建工作总结"
    return None


def _fallback_plans(paras: list[Para]) -> list[Item]:
    """A report with no 下一步 part may still say “下一步，我们将……” in its last paragraphs."""
    for p in reversed(paras):
        m = re.search(r"(下一步|下步|今后)[，,]?([^。]*。)", p.text)
        if m and p.level not in ("signature", "date"):
            return [Item("", m.group(2), p.line)]
    return []


def facts_from_paras(paras: list[Para], library: Path | None = None) -> ReportFacts:
    """Read the facts a report states (see the module docstring)."""
    out = ReportFacts()
    kind = _kind(paras)
    if kind:
        out.values["报告类型"] = kind
    else:
        out.notes.append("标题里没有“述职”或“总结”，未能判断报告类型")
    title = paras[0].text if paras and paras[0].level == "title" else ""
    year = _YEAR.search(title) or _YEAR.search(body_text(paras[:3]))
    out.year = int(year.group(1)) if year else None
    if out.year is None:
        out.notes.append("未能读出报告年度")
    out.date = next((p.text for p in paras if p.level == "date"), "")
    _unit(paras, out.values, kind or "书记述职")
    for path, label in (
        ("单位.全称", "单位全称"),
        ("单位.党组织", "党组织名称"),
        ("述职人.姓名", "述职人姓名"),
    ):
        if path not in out.values and not (path.startswith("述职人") and kind == "党建工作总结"):
            out.notes.append(f"未能读出{label}")
    parts = sections(paras)
    out.main_text = body_text(parts.main or parts.head)
    out.numbers, unmatched = find_numbers(body_text(parts.head + parts.main), library)
    if unmatched:
        shown = "；".join(unmatched[:5]) + ("……" if len(unmatched) > 5 else "")
        out.notes.append(f"有 {len(unmatched)} 个数字未能对应到事实文件的项目：{shown}")
    out.problems = problem_items(parts.problems)
    out.problems_text = body_text(parts.problems)
    if not out.problems:
        out.notes.append("未找到“存在问题”部分（或其中没有编号的条目）")
    out.plans = items(parts.plans) or _fallback_plans(paras)
    if not out.plans:
        out.notes.append("未找到“下一步工作打算”部分")
    return out


def summary(report: ReportFacts) -> str:
    """What was read, in one Chinese line."""
    names = {"单位.全称": "单位", "单位.党组织": "党组织", "述职人.姓名": "述职人"}
    read = [label for path, label in names.items() if path in report.values]
    return (
        f"已从去年的报告读出：{'、'.join(read) or '（无单位信息）'}，{len(report.numbers)} 个数，"
        f"{len(report.problems)} 条存在问题，{len(report.plans)} 条下一步打算"
    )


def facts_from_report(path: Path, library: Path | None = None) -> ReportFacts:
    """Read a report file (.docx, .md, .txt) and the facts it states.  A draft drafter wrote keeps the facts
    it was made from (a custom XML part in .docx, a comment in .md): those are taken as they are."""
    report = facts_from_paras(read_report(path), library)
    kept = embedded_facts(path)
    if kept:
        _take_embedded(report, kept)
    return report


_EMBEDDED_MD = re.compile(r"<!-- drafter-facts (\{.*\}) -->")
_EMBEDDED_XML = re.compile(r'<drafter xmlns="urn:drafter:facts:1">(.*?)</drafter>', re.S)
MAX_EMBEDDED = 1 << 20


def embedded_facts(path: Path) -> dict[str, Any] | None:
    """The facts a drafter draft carries, or None (any other file, or a damaged part: then the text is read)."""
    import html
    import json
    import zipfile

    try:
        if path.suffix.lower() == ".docx":
            with zipfile.ZipFile(path) as archive:
                info = next((i for i in archive.infolist() if i.filename == "customXml/item1.xml"), None)
                if info is None or info.file_size > MAX_EMBEDDED:
                    return None
                m = _EMBEDDED_XML.search(archive.read(info).decode("utf-8"))
                raw = html.unescape(m.group(1)) if m else None
        else:
            m = _EMBEDDED_MD.search(path.read_bytes()[-MAX_EMBEDDED:].decode("utf-8", "replace"))
            raw = m.group(1) if m else None
        data = json.loads(raw) if raw else None
    except (OSError, ValueError, zipfile.BadZipFile, KeyError):
        return None
    return data if isinstance(data, dict) else None


def _take_embedded(report: ReportFacts, kept: dict[str, Any]) -> None:
    for group in ("单位", "述职人"):
        for key, value in (kept.get(group) or {}).items():
            if isinstance(value, str) and value:
                report.values[f"{group}.{key}"] = value
    for key in ("报告类型", "版式"):  # last year's shape is kept (a unit writes its report the same way)
        if isinstance(kept.get(key), str):
            report.values[key] = kept[key]
    if isinstance(kept.get("年度"), int):
        report.year = kept["年度"]
    for path in count_keys():
        group, key = path.split(".", 1)
        value = (kept.get(group) or {}).get(key) if isinstance(kept.get(group), dict) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            report.numbers[path] = Number(path, value, "（初稿中保存的事实）")
    report.notes = [
        n
        for n in report.notes
        if not n.startswith(
            ("未能读出单位", "未能读出党组织", "未能读出述职人", "未能读出报告年度", "标题里没有")
        )
    ]


# --------------------------------------------------------------------------- the new facts file

SOURCES = ("述职评议", "巡察", "审计", "主题教育检视", "民主生活会")
_SOURCE_WORDS = {
    "述职评议": "述职评议",
    "巡察": "巡察",
    "审计": "审计",
    "检视": "主题教育检视",
    "民主生活会": "民主生活会",
}


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(item: Item) -> str:
    """A problem as one short line: its heading, else its first sentence."""
    if item.lead:
        return item.lead
    return _clip(re.split(r"[。；]", item.text, maxsplit=1)[0], 80)


def _bigrams(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def pair_plans(problems: list[Item], plans: list[Item]) -> list[Item | None]:
    """For each problem, last year's 下一步 item sharing the most wording with it (None when none does).
    Topic words count first, then shared two-character words."""
    from drafter.yearcompare import topic_terms

    out: list[Item | None] = []
    for problem in problems:
        terms, pairs = topic_terms(problem.full), _bigrams(problem.full)
        scored = [
            (len(terms & topic_terms(plan.full)), len(pairs & _bigrams(plan.full)), -i, plan)
            for i, plan in enumerate(plans)
        ]
        best = max(scored, key=lambda s: s[:3], default=None)
        out.append(best[3] if best and (best[0] or best[1] >= 3) else None)
    return out


def rectification_block(report: ReportFacts, key: str = "上年度问题整改") -> list[str]:
    """The 上年度问题整改 group for the new facts file: last year's problems, each with the measure
    promised for it as a comment, 整改情况 and 状态 left for the user."""
    sources = [name for word, name in _SOURCE_WORDS.items() if word in report.problems_text]
    lines = [
        f"# ===== 上年度问题整改（由去年的报告读出 {len(report.problems)} 条问题，请逐条补全） =====",
        f"{key}:",
        "  # 问题来源：" + "、".join(SOURCES) + "（可写多个，用顿号隔开）",
        f"  来源:{' ' + scalar('、'.join(sources)) if sources else ''}",
        "  # 每条问题：“整改情况”写今年怎么改的、改到什么程度；“状态”写 已整改 或 整改中；"
        "整改中的可再写“差距”（还差什么）和“完成时限”",
        "  问题:",
    ]
    paired = pair_plans(report.problems, report.plans)
    for problem, plan in zip(report.problems, paired, strict=True):
        lines.append(f"    - 问题: {scalar(_finding(problem))}")
        if plan is not None:
            lines.append(f"      # 去年的打算：{_clip(plan.full, 70)}")
        lines.append("      整改情况:")
        lines.append("      状态:  # 已整改 或 整改中")
    unpaired = [p for p in report.plans if all(p is not q for q in paired)]
    for plan in unpaired:
        lines.append(
            f"    # 去年还打算：{_clip(plan.full, 70)}（今年是否做到，可用 drafter compare --last-year 核对）"
        )
    lines.append("  # 去年反馈（查摆）的问题数")
    lines.append(f"  反馈问题数:{' ' + str(len(report.problems)) if report.problems else ''}")
    lines.append("  # 其中已经整改完成的问题数")
    lines.append("  已整改数:")
    return lines


def unit_warning(report: ReportFacts, facts: Path) -> str | None:
    """A warning when the facts file about to be replaced names another unit than last year's report
    (the wrong report, or the wrong folder); None when it does not exist, cannot be read, or agrees."""
    from drafter.errors import DrafterError
    from drafter.facts import parse_yaml, read_text

    if not report.unit or not facts.is_file():
        return None
    try:
        data, _ = parse_yaml(read_text(facts)[0], facts)
    except DrafterError:
        return None
    unit = (
        data.get("单位", {}).get("全称")
        if isinstance(data, dict) and isinstance(data.get("单位"), dict)
        else None
    )
    if unit and str(unit).strip() != report.unit:
        return (
            f"警告：去年报告的单位（{report.unit}）与原事实文件的单位（{unit}）不同，请确认选对了去年的报告"
        )
    return None


def relative_to_facts(source: Path, facts: Path | None) -> str:
    """``source`` as the facts file will name it: relative to the facts file's folder when possible
    (``去年报告`` is read from there), else absolute."""
    if facts is None:
        return source.as_posix()
    try:
        return Path(os.path.relpath(source.resolve(), facts.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        return source.resolve().as_posix()


def prefill_from(report: ReportFacts, source: Path, facts: Path | None = None) -> Prefill:
    """The :class:`~drafter.initfile.Prefill` for ``drafter init --from``: last year's unit and reporter
    as values, last year's numbers as “去年：12” comments, 年度 one year on, the problems to rectify.
    ``facts`` is the file being written (the 去年报告 path is made relative to it)."""
    from drafter.schema import field_at

    prefill = Prefill(values=dict(report.values))
    if report.year is not None:
        prefill.values["年度"] = report.year + 1
        prefill.notes["年度"] = f"去年：{report.year}"
    if report.date:
        prefill.notes["报告日期"] = f"去年：{report.date}"
    for key, number in report.numbers.items():
        prefill.notes[key] = (
            f"去年：{number.value:g}" if isinstance(number.value, float) else f"去年：{number.value}"
        )
    prefill.blocks["上年度问题整改"] = rectification_block(report)
    source_text = relative_to_facts(source, facts)
    if field_at("去年报告") is not None:
        prefill.values["去年报告"] = source_text
    else:
        prefill.header.append(f"#   · 本文件由去年的报告生成：{source_text}")
    prefill.header.append("#   · “# 去年：…”是去年报告里的数，请改成今年的数填在冒号后面。")
    return prefill
