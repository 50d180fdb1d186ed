"""The registry of report structure, read from data files: nothing else in drafter lists kinds, roles,
unit types, topics, the year's 提法 or the 做法 checklist.

Owns the data files under the shipped ``templates/`` folder:

* ``<kind>/kind.yaml`` — one per report kind: voice, the sections in order (role, main work or not, required
  and optional topics, item count), length shares, the word used in file names, extra facts;
* ``主题.yaml`` — the topics of every section role (keywords, for problems their causes, for causes the
  measure topic that answers them);
* ``单位类型.yaml`` — unit types: aliases, field words, extra outline topics and extra facts;
* ``年度.yaml`` — each year's campaign and plenums, the 提法 a draft of that year must carry, sources;
* ``做法.yaml`` — concrete activities a fragment may claim only when the user ticks them;
* ``措辞.yaml`` — the few words the planner itself puts into a draft (the clause tying a user's line to 党建,
  the lead into achievements, the measure for a finding still being fixed, default leads…), each a list
  keyed by unit type, voice or role, so a new kind of unit changes them without Python.

Adding a kind, role, type, topic or year is a data change; :func:`registry` reads it and every module asks
the registry.  Errors name the file and line (:class:`drafter.errors.LibraryError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import LibraryError, Location
from drafter.resources import data_dir
from drafter.yamlio import FileKind, line_of, load, node_for, read_text

VOICES = ("个人", "单位")
GENERIC_TYPE = "通用"
# Section roles that are not written from fragments of their own but have a data file role all the same.
FRAME_ROLES = ("开头", "结尾")


@dataclass(frozen=True)
class FactSpec:
    """An extra fact a unit type or report kind brings into the facts file."""

    path: str
    kind: str
    comment: str
    example: Any = None


@dataclass(frozen=True)
class Topic:
    name: str
    role: str
    keywords: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()  # 存在问题 topics: the cause topics behind them
    measure: str = ""  # 原因 topics: the 下一步 topic that answers them
    # 主要工作 topics: where the item may be folded in when its part runs long (专题研讨 → 理论学习), best first
    merge_into: tuple[str, ...] = ()
    # 前后矛盾 entries: phrases of self-criticism that deny what ``keywords`` claim in 主要工作
    denials: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitType:
    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    field_words: str = "各项事业"
    center: str = "中心工作"
    outline: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facts: tuple[FactSpec, ...] = ()
    avoid: tuple[str, ...] = ()  # words this kind of unit's reports do not use (村: 业务处室, 职工)
    # words avoided when the unit's name says what it is (两新组织 named …科技… has no 车间 or 倒班)
    name_avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    self_name: str = "本单位"  # how such a unit names itself when the facts do not say (街道, 医院, 村)
    # the unit's main work when its name says what it is (两新组织 named …软件…: 研发和经营, not 生产经营)
    name_center: dict[str, str] = field(default_factory=dict)

    def center_for(self, name: str) -> str:
        """中心工作 of a unit called ``name``: the first 名称中心工作 word its name contains, else the type's."""
        return next((c for word, c in self.name_center.items() if word in name), self.center)


@dataclass(frozen=True)
class YearInfo:
    year: int | None
    campaign: str = ""
    plenums: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    # 宜写: wording a report of the year should carry (指导思想) that the planner works in through 主要工作 and
    # the 思想建设 intro, without choosing the opening for it or warning when it is missing
    wanted: tuple[str, ...] = ()

    @property
    def plenum_phrase(self) -> str:
        """党的二十大和二十届三中全会 — the plenums joined as reports write them."""
        if not self.plenums:
            return ""
        names = [self.plenums[0], *(p.removeprefix("党的") for p in self.plenums[1:])]
        return names[0] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1]

    @property
    def latest_plenum(self) -> str:
        return self.plenums[-1] if self.plenums else ""


@dataclass(frozen=True)
class SectionSpec:
    role: str
    main: bool = False
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    count: int = 0
    leads: tuple[str, ...] = ()  # 可领头: the required topics one of which opens the part (empty: the first)


@dataclass(frozen=True)
class Layout:
    """One shape a report of a kind may take (kind.yaml 版式): its parts' titles, whether 主要工作's parts
    stand under one title or each as a part of its own, where 上年度问题整改 stands, whether problems and
    causes each get a sub-title, and which parts of 主要工作 open with a lead-in.  Reviewers told five units'
    drafts apart from real reports by their one skeleton (rounds 62–67)."""

    name: str = "默认"
    main_title: str = "主要工作"  # empty: each part of 主要工作 is a part of the report (一、二、三……)
    rectify_title: str = "上年度问题整改情况"
    rectify_first: bool = False  # 上年度问题整改 before 主要工作
    problems_title: str = "存在的问题及原因"
    problems_sub: str = ""  # with causes_sub: problems and causes each under a sub-title
    causes_sub: str = ""
    plans_title: str = "下一步工作打算"
    intros: tuple[str, ...] | None = None  # the parts of 主要工作 that keep a lead-in (None: all)

    def context(self) -> dict[str, Any]:
        """What a report template sees as ``版式``."""
        return {
            "名称": self.name,
            "主要工作": self.main_title,
            "整改": self.rectify_title,
            "整改在前": self.rectify_first,
            "问题": self.problems_title,
            "问题小标题": self.problems_sub,
            "原因小标题": self.causes_sub,
            "下一步": self.plans_title,
        }


@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    voice: str
    file_word: str
    sections: tuple[SectionSpec, ...]
    shares: dict[str, float]
    facts: tuple[FactSpec, ...] = ()
    folder: str = ""
    avoid: tuple[str, ...] = ()  # words this kind of report does not use (党支部书记述职: 所属党组织)
    # words this kind of report always uses, whatever a unit type avoids (a 社区 党委 has no 支委会, a
    # 社区党支部 does)
    own_words: tuple[str, ...] = ()
    # words a unit's Party organisation does not use, by how its name ends (学校党委 has 党委委员, no 支委)
    org_avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    layouts: tuple[Layout, ...] = (Layout(),)

    def layout(self, name: str) -> Layout | None:
        return next((x for x in self.layouts if x.name == name), None)

    def section(self, role: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.role == role), None)

    @property
    def main_roles(self) -> tuple[str, ...]:
        return tuple(s.role for s in self.sections if s.main)


@dataclass(frozen=True, eq=False)  # hashed by identity: one registry per templates folder and process
class Registry:
    kinds: dict[str, Kind]
    unit_types: dict[str, UnitType]
    topics: dict[str, dict[str, Topic]]  # role → topic name → topic
    years: dict[int, YearInfo]
    common: YearInfo
    common_from: int
    practices: dict[str, str]
    practice_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    practice_facts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # counts that show it was done
    wordings: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # 措辞.yaml

    def words(self, name: str, *keys: str) -> tuple[str, ...]:
        """措辞.yaml ``name``: the list under the first of ``keys`` that has one, else under 通用."""
        table = self.wordings.get(name, {})
        for key in (*keys, GENERIC_TYPE):
            if table.get(key):
                return table[key]
        return ()

    @property
    def roles(self) -> tuple[str, ...]:
        """Every section role, in the order the kinds use them (then any role only topics name)."""
        out: list[str] = []
        for kind in self.kinds.values():
            for s in kind.sections:
                if s.role not in out:
                    out.append(s.role)
        out.extend(r for r in self.topics if r not in out)
        return tuple(out)

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(self.unit_types)

    def unit_type(self, name: Any) -> UnitType:
        """The unit type named ``name`` or one of its aliases; 通用 when unknown or empty."""
        text = str(name or "").strip()
        for t in self.unit_types.values():
            if text == t.name or text in t.aliases:
                return t
        return self.unit_types.get(GENERIC_TYPE) or UnitType(GENERIC_TYPE)

    def year(self, year: int | None) -> YearInfo:
        if year is None:
            return YearInfo(None)
        info = self.years.get(year)
        if info is None:
            known = [y for y in self.years if y <= year]
            info = self.years[max(known)] if known else YearInfo(year)
            info = YearInfo(
                year,
                "",
                info.plenums,
                tuple(r for r in info.required if "全会" in r),
                info.sources,
                info.wanted,
            )
        common = year >= self.common_from
        required = info.required + (self.common.required if common else ())
        wanted = info.wanted + (self.common.wanted if common else ())
        return YearInfo(year, info.campaign, info.plenums, required, info.sources, wanted)

    def topic(self, role: str, name: str) -> Topic | None:
        return self.topics.get(role, {}).get(name)

    def classify(self, role: str, text: str, title: str = "") -> str | None:
        """The topic of ``role`` whose keywords ``text`` mentions most: each keyword found counts its
        length (longer words are surer), twice in the ``title``; the first listed topic wins ties."""
        best, score = None, 0
        for topic in self.topics.get(role, {}).values():
            n = sum(len(k) * ((k in text) + 2 * (k in title)) for k in topic.keywords)
            if n > score:
                best, score = topic.name, n
        return best

    @property
    def fact_specs(self) -> tuple[FactSpec, ...]:
        """Extra facts of every type and kind, each path once, in file order."""
        seen: dict[str, FactSpec] = {}
        for spec in (
            *[f for t in self.unit_types.values() for f in t.facts],
            *[f for k in self.kinds.values() for f in k.facts],
        ):
            seen.setdefault(spec.path, spec)
        return tuple(seen.values())


# --------------------------------------------------------------------------- reading


STRUCTURE_FILE = FileKind(
    "结构数据文件",
    LibraryError,
    missing_hint="重新安装 drafter，或检查 --templates 文件夹",
    example="参照 drafter 自带的 templates/ 文件夹",
)


def _load(path: Path) -> tuple[Any, yaml.Node | None]:
    node, data = load(read_text(path, STRUCTURE_FILE)[0], path, STRUCTURE_FILE)
    return data, node


def _line(node: yaml.Node | None, key: str) -> int | None:
    found = node_for(node, key)
    return line_of(found) if found is not None else None


def _strs(value: Any, loc: Location, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return tuple(str(v) for v in value)
    raise LibraryError(f"“{what}”应为文字列表", location=loc, hint=f"写成 {what}: [甲, 乙]")


def _facts(raw: Any, loc: Location) -> tuple[FactSpec, ...]:
    out: list[FactSpec] = []
    for item in raw or []:
        if not isinstance(item, dict) or not isinstance(item.get("键"), str) or "." not in item["键"]:
            raise LibraryError(
                "“事实”的每一项应写成 {键: 分组.名称, 类型: count, 说明: …}",
                location=loc,
                hint="例如 {键: 组织建设.网格党支部数, 类型: count, 说明: 网格党支部个数}",
            )
        kind = str(item.get("类型") or "count")
        if kind not in ("count", "percent", "text"):
            raise LibraryError(f"事实的类型“{kind}”不支持", location=loc, hint="可选：count、percent、text")
        out.append(FactSpec(item["键"], kind, str(item.get("说明") or item["键"]), item.get("例子")))
    return tuple(out)


def _section(raw: Any, loc: Location) -> SectionSpec:
    if not isinstance(raw, dict) or not isinstance(raw.get("角色"), str):
        raise LibraryError("章节应写成 {角色: 思想建设, …}", location=loc, hint="参照内置的 kind.yaml")
    required = _strs(raw.get("必写"), loc, "必写")
    leads = _strs(raw.get("可领头"), loc, "可领头")
    stray = [t for t in leads if t not in required]
    if stray:
        raise LibraryError(
            f"章节“{raw['角色']}”的“可领头”里有不在“必写”中的主题：{'、'.join(stray)}",
            location=loc,
            hint="可领头的主题应从本章节的“必写”里选",
        )
    return SectionSpec(
        role=raw["角色"],
        main=bool(raw.get("主要工作")),
        required=required,
        optional=_strs(raw.get("可写"), loc, "可写"),
        count=int(raw.get("条数") or 0),
        leads=leads,
    )


def load_kind(path: Path) -> Kind:
    data, node = _load(path)
    loc = Location(path, 1)
    if not isinstance(data, dict):
        raise LibraryError("kind.yaml 最外层应是“键: 值”", location=loc, hint="参照内置的 kind.yaml")
    voice = data.get("口吻")
    if voice not in VOICES:
        raise LibraryError(
            f"口吻应为 个人 或 单位，不是 {voice!r}",
            location=Location(path, _line(node, "口吻")),
            hint="个人＝第一人称“我”；单位＝我局、局党组",
        )
    sections_loc = Location(path, _line(node, "章节"))
    sections = tuple(_section(s, sections_loc) for s in data.get("章节") or [])
    if not sections:
        raise LibraryError(
            "kind.yaml 没有“章节”", location=loc, hint="列出报告的各个部分，如 {角色: 思想建设}"
        )
    shares = {str(k): float(v) for k, v in (data.get("篇幅") or {}).items()}
    return Kind(
        name=path.parent.name,
        description=str(data.get("说明") or ""),
        voice=voice,
        file_word=str(data.get("文件名用词") or "报告"),
        sections=sections,
        shares=shares,
        facts=_facts(data.get("事实"), Location(path, _line(node, "事实"))),
        folder=str(path.parent),
        avoid=_strs(data.get("避免用语"), Location(path, _line(node, "避免用语")), "避免用语"),
        own_words=_strs(data.get("本类用语"), Location(path, _line(node, "本类用语")), "本类用语"),
        org_avoid=_org_avoid(data.get("组织避免用语"), Location(path, _line(node, "组织避免用语"))),
        layouts=_layouts(data.get("版式"), path, node_for(node, "版式")),
    )


_LAYOUT_TITLES = {
    "主要工作": "main_title",
    "整改": "rectify_title",
    "问题": "problems_title",
    "问题小标题": "problems_sub",
    "原因小标题": "causes_sub",
    "下一步": "plans_title",
}
_LAYOUT_KEYS = {"名称", "整改在前", "引语", *_LAYOUT_TITLES}


def _layout(raw: Any, loc: Location) -> Layout:
    if not isinstance(raw, dict) or not isinstance(raw.get("名称"), str) or not raw["名称"].strip():
        raise LibraryError(
            "“版式”的每一项应写成 {名称: …, 主要工作: …, 问题: …, 下一步: …}",
            location=loc,
            hint="参照内置的 templates/书记述职/kind.yaml",
        )
    unknown = sorted(set(raw) - _LAYOUT_KEYS)
    if unknown:
        raise LibraryError(
            f"版式“{raw['名称']}”里有不认识的键：{'、'.join(map(str, unknown))}",
            location=loc,
            hint="可写：" + "、".join(sorted(_LAYOUT_KEYS)),
        )
    titles: dict[str, str] = {}
    for key, attr in _LAYOUT_TITLES.items():
        value = raw.get(key, getattr(Layout, attr))
        if not isinstance(value, str):
            raise LibraryError(
                f"版式“{raw['名称']}”的“{key}”应是一句标题文字", location=loc, hint='不要标题时写 ""'
            )
        titles[attr] = value.strip()
    if bool(titles["problems_sub"]) != bool(titles["causes_sub"]):
        raise LibraryError(
            f"版式“{raw['名称']}”只写了“问题小标题”“原因小标题”中的一个",
            location=loc,
            hint="两个都写（问题和原因各一个小标题），或都不写",
        )
    for key in ("问题", "下一步"):
        if not titles[_LAYOUT_TITLES[key]]:
            raise LibraryError(
                f"版式“{raw['名称']}”的“{key}”不能为空", location=loc, hint="写上这一部分的标题"
            )
    intros = raw.get("引语", True)
    if not isinstance(intros, (bool, list)):
        raise LibraryError(
            f"版式“{raw['名称']}”的“引语”应写 true、false，或主要工作中保留引语的部分，如 [思想建设]",
            location=loc,
            hint="true：每部分都有引语；false：都没有",
        )
    return Layout(
        name=raw["名称"].strip(),
        rectify_first=bool(raw.get("整改在前")),
        intros=None if intros is True else () if intros is False else _strs(intros, loc, "引语"),
        **titles,
    )


def _layouts(raw: Any, path: Path, node: yaml.Node | None) -> tuple[Layout, ...]:
    """kind.yaml 版式: the shapes a report of the kind may take (the default one when none is written); an
    error names the line of the entry it is in."""
    if raw is None:
        return (Layout(),)
    if not isinstance(raw, list) or not raw:
        raise LibraryError(
            "“版式”应是一个列表",
            location=Location(path, line_of(node) or None),
            hint="每项写成 {名称: …, 主要工作: …}",
        )
    entries = node.value if isinstance(node, yaml.SequenceNode) else []
    layouts: list[Layout] = []
    for n, item in enumerate(raw):
        loc = Location(path, line_of(entries[n]) if n < len(entries) else line_of(node) or None)
        layout = _layout(item, loc)
        if any(x.name == layout.name for x in layouts):
            raise LibraryError(f"版式名称重复：{layout.name}", location=loc, hint="每种版式用一个不同的名称")
        layouts.append(layout)
    return tuple(layouts)


def _org_avoid(value: Any, loc: Location, key: str = "组织避免用语") -> dict[str, tuple[str, ...]]:
    """``{名称中的词: [避免的词…]}``: 组织避免用语 (by how 单位.党组织 ends) and 名称避免用语 (by a word in
    单位.全称)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LibraryError(
            f"“{key}”应写成“名称中的词: [词, 词]”",
            location=loc,
            hint="例如 党委: [支委会, 支委]；科技: [车间, 倒班]",
        )
    return {str(k): _strs(v, loc, key) for k, v in value.items()}


def _topics(path: Path) -> dict[str, dict[str, Topic]]:
    data, _ = _load(path)
    out: dict[str, dict[str, Topic]] = {}
    for role, topics in (data or {}).items():
        out[str(role)] = {}
        for name, spec in (topics or {}).items():
            spec = spec or {}
            loc = Location(path, key=f"{role}.{name}")
            out[str(role)][str(name)] = Topic(
                str(name),
                str(role),
                _strs(spec.get("keywords"), loc, "keywords"),
                _strs(spec.get("causes"), loc, "causes"),
                str(spec.get("measure") or ""),
                _strs(spec.get("并入"), loc, "并入"),
                _strs(spec.get("否认"), loc, "否认"),
            )
    return out


def _unit_types(path: Path) -> dict[str, UnitType]:
    data, node = _load(path)
    out: dict[str, UnitType] = {}
    for name, spec in (data or {}).items():
        spec = spec or {}
        loc = Location(path, _line(node, name), key=str(name))
        outline = {str(r): _strs(t, loc, "提纲") for r, t in (spec.get("提纲") or {}).items()}
        out[str(name)] = UnitType(
            str(name),
            str(spec.get("说明") or ""),
            _strs(spec.get("别名"), loc, "别名"),
            str(spec.get("领域") or "各项事业"),
            str(spec.get("中心工作") or "中心工作"),
            outline,
            _facts(spec.get("事实"), loc),
            _strs(spec.get("避免用语"), loc, "避免用语"),
            _org_avoid(spec.get("名称避免用语"), loc, "名称避免用语"),
            str(spec.get("自称") or "本单位"),
            _name_center(spec.get("名称中心工作"), loc),
        )
    out.setdefault(GENERIC_TYPE, UnitType(GENERIC_TYPE))
    return out


def _name_center(value: Any, loc: Location) -> dict[str, str]:
    """``{名称中的词: 中心工作}`` (名称中心工作 of a unit type)."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) and v for v in value.values()):
        raise LibraryError(
            "“名称中心工作”应写成“名称中的词: 中心工作”",
            location=loc,
            hint="例如 软件: 研发和经营；每个中心工作都要写成一段文字",
        )
    return {str(k): str(v) for k, v in value.items()}


def _years(path: Path) -> tuple[dict[int, YearInfo], YearInfo, int]:
    data, node = _load(path)
    years: dict[int, YearInfo] = {}
    common = YearInfo(None)
    common_from = 0
    for key, spec in (data or {}).items():
        spec = spec or {}
        loc = Location(path, _line(node, key), key=str(key))
        info = YearInfo(
            key if isinstance(key, int) else None,
            str(spec.get("学习教育") or ""),
            _strs(spec.get("全会"), loc, "全会"),
            _strs(spec.get("必备"), loc, "必备"),
            _strs(spec.get("来源"), loc, "来源"),
            _strs(spec.get("宜写"), loc, "宜写"),
        )
        if key == "常用":
            common, common_from = info, int(spec.get("起始") or 0)
        elif isinstance(key, int):
            years[key] = info
        else:
            raise LibraryError(f"年度应为四位数字或“常用”，不是 {key!r}", location=loc, hint="例如 2024:")
    return years, common, common_from


Practices = tuple[dict[str, str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


def _practices(path: Path) -> Practices:
    """做法.yaml: name → description (a string, or {说明, 关键词, 事实}); keywords tell a fragment that claims
    it; facts, when given, show the practice was done without ticking it."""
    data, _ = _load(path)
    described: dict[str, str] = {}
    words: dict[str, tuple[str, ...]] = {}
    facts: dict[str, tuple[str, ...]] = {}
    for name, value in (data or {}).items():
        spec = value if isinstance(value, dict) else {"说明": value}
        loc = Location(path, key=str(name))
        described[str(name)] = str(spec.get("说明") or name)
        words[str(name)] = _strs(spec.get("关键词"), loc, "关键词")
        facts[str(name)] = _strs(spec.get("事实"), loc, "事实")
    return described, words, facts


def _wordings(path: Path, base: Registry | None) -> dict[str, dict[str, tuple[str, ...]]]:
    """措辞.yaml: name → (unit type, voice or role) → wordings; a name the file lacks comes from ``base``."""
    data, node = _load(path)
    out = {k: dict(v) for k, v in base.wordings.items()} if base else {}
    for name, table in (data or {}).items():
        loc = Location(path, _line(node, name), key=str(name))
        if not isinstance(table, dict):
            raise LibraryError(
                f"“{name}”应写成“类型或口吻: [说法, 说法]”",
                location=loc,
                hint="例如 通用: [在党组织的带领下，]；医院: [……]",
            )
        out[str(name)] = {str(k): _strs(v, loc, f"{name}.{k}") for k, v in table.items()}
    return out


TOPICS_FILE, TYPES_FILE, YEARS_FILE, PRACTICES_FILE = "主题.yaml", "单位类型.yaml", "年度.yaml", "做法.yaml"
WORDINGS_FILE = "措辞.yaml"


def structure_files(folder: Path) -> list[Path]:
    """The structure files :func:`load_registry` reads from a complete templates folder (one without a base)."""
    return [
        *sorted(folder.glob("*/kind.yaml")),
        *(folder / name for name in (TOPICS_FILE, TYPES_FILE, YEARS_FILE, PRACTICES_FILE, WORDINGS_FILE)),
    ]


def load_registry(folder: Path, base: Registry | None = None) -> Registry:
    """Read every structure file of a templates folder.  With a ``base`` (the shipped registry), a file the
    folder lacks comes from the base, and the folder's kinds are added to (or replace) the base's."""
    kinds = dict(base.kinds) if base else {}
    for path in sorted(folder.glob("*/kind.yaml")):
        kind = load_kind(path)
        kinds[kind.name] = kind
    if not kinds:
        raise LibraryError(
            "模板文件夹里没有报告类型",
            location=Location(folder),
            hint="每种报告类型一个子文件夹，内有 kind.yaml 和 report.j2",
        )

    def has(name: str) -> bool:
        return base is None or (folder / name).is_file()

    years, common, common_from = (
        _years(folder / YEARS_FILE)
        if has(YEARS_FILE)
        else (base.years, base.common, base.common_from)
        if base
        else ({}, YearInfo(None), 0)
    )
    practices, words, shown_by = (
        _practices(folder / PRACTICES_FILE)
        if has(PRACTICES_FILE) or not base
        else (base.practices, base.practice_words, base.practice_facts)
    )
    return Registry(
        kinds=kinds,
        unit_types=_unit_types(folder / TYPES_FILE) if has(TYPES_FILE) or not base else base.unit_types,
        topics=_topics(folder / TOPICS_FILE) if has(TOPICS_FILE) or not base else base.topics,
        years=years,
        common=common,
        common_from=common_from,
        practices=practices,
        practice_words=words,
        practice_facts=shown_by,
        wordings=_wordings(folder / WORDINGS_FILE, base) if has(WORDINGS_FILE) or not base else base.wordings,
    )


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The shipped registry (read once per process, from drafter's cache while its files are unchanged: see
    :mod:`drafter.regcache`)."""
    from drafter import regcache

    return regcache.shipped(data_dir("templates"))


@lru_cache(maxsize=8)
def registry_for(folder: Path | None) -> Registry:
    """The registry a run uses: the shipped one, or the shipped one with a --templates folder's data."""
    if folder is None or folder.resolve() == data_dir("templates").resolve():
        return registry()
    if not folder.is_dir():
        raise LibraryError(
            "找不到模板文件夹",
            location=Location(folder),
            hint="--templates 应指向含有“书记述职/report.j2”等模板的文件夹",
        )
    return load_registry(folder, registry())
