"""The thin orchestrator: facts → select → render → document model, and the checks ``drafter check`` runs.

Owns nothing but the order of the stages and the options they share; every stage lives in its own module.
Never prints, prompts or exits: the CLI does that with what these functions return or raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from drafter.cache import folder_stamp
from drafter.echo import unechoed
from drafter.errors import Diagnostic, FactsError, LibraryError, Location
from drafter.facts import Facts, load_facts
from drafter.library import Fragment, Library, load_library
from drafter.model import PH_CLOSE, PH_OPEN, Document, MarkupError, build_document, count_chars
from drafter.naming import Naming, not_after, others_before
from drafter.registry import Registry, registry, registry_for
from drafter.render import (
    FragmentRenderer,
    Missing,
    Rendered,
    clean_text,
    fact_context,
    make_environment,
    render_report,
)
from drafter.resources import data_dir
from drafter.sandbox import time_budget
from drafter.schema import walk
from drafter.select import (
    CAUSES,
    MEASURES,
    PROBLEMS,
    RECTIFY,
    Item,
    Plan,
    SectionPlan,
    missing_location,
    missing_needs,
    select,
    stable_number,
)

LENGTH_TOLERANCE = 0.10
SELF_CRITICAL = (PROBLEMS, CAUSES, MEASURES, RECTIFY)  # parts whose paragraphs keep their opening words
RECTIFY_MARKERS = ("整改未填提示", "整改清单提示")  # 措辞.yaml markers the 上年度问题整改 list fills
OWN_ORG_GENERIC = "本单位党组织泛称"  # 措辞.yaml: a type's generic name for its own Party organisation
SIGNATURE_ORGS = "落款党组织"  # 措辞.yaml: how a unit's summary names its Party organisation when signing
SHORT_ORGS = "党组织简称"  # 措辞.yaml: what a unit summary may call its Party organisation after naming it
AUDIENCE_WORDS = (
    "对象改称"  # 措辞.yaml: by unit type, a word of the library's (党员干部) and what this type says
)
# 措辞.yaml: by unit type, a word of the library's and what units of that type say instead unless their name
# holds one of 名称改称不用于 (处室 → 科室 for a 市 or 县 office; a 省 or 直辖市 office keeps 处室)
NAME_SWAPS = "名称改称"
NAME_SWAPS_KEPT = "名称改称不用于"
LONG_NAMES = "长名称简称"  # 措辞.yaml: a long name and what a paragraph calls it once it has said it in full
DISCIPLINE = "单位.学科"  # a university school's field, read from its full name when its type lists the fact
# …the field: what stands between the university's name (…大学, …学院) and the school's final 学院
_DISCIPLINE_IN_NAME = re.compile(r"(?:大学|学院)([\u4e00-\u9fff]{2,12}?)学院$")


@dataclass(frozen=True)
class Options:
    """What a run may change: where templates and fragments come from, and the variation seed."""

    fragments_dir: Path | None = None
    templates_dir: Path | None = None
    seed: int | None = None
    target_chars: int | None = None  # 字数 target; overrides the facts file's 字数


@dataclass
class Draft:
    """Everything one run produced: the writers need only ``document``."""

    facts: Facts
    plan: Plan
    markup: str
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    section_chars: dict[str, int] = field(default_factory=dict)  # 字数 per section role, as rendered

    @property
    def budgets(self) -> dict[str, int]:
        return self.plan.budgets


@dataclass(frozen=True)
class ItemView:
    """An item as the report template sees it."""

    lead: str
    text: str
    id: str | None = None
    user: tuple[str, ...] = ()  # the user's own lines in ``text``, as printed (drafter.naming leaves them be)


@dataclass(frozen=True)
class SectionView:
    """A section as the report template sees it: heading, optional intro, items."""

    role: str
    heading: str
    intro: str | None
    items: list[ItemView]
    outro: str | None = None


FUSION = "业务融合"
FIGURE_MARKER = "具体数字"
FOLD_SUBJECT, FOLD_SUBJECT_AGAIN = "我将", "我还将"  # a folded measure's opening, and said again
# an achievement said to have grown, improved or been built with no figure: the reviewer asks “by how much?”
# (the words are 措辞.yaml 成效待补数字的词)
CHANGE_WORDS = "成效待补数字的词"
_FIGURE = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十两百千万]+\s*(?:个|项|名|家|次|所|件|元|亿|万|%|倍|成|批|人)"
)


def _with_figure_marker(line: str, words: tuple[str, ...]) -> str:
    """A user's achievement line that says something grew, improved or was built (``words``) but gives no
    figure gets a marker asking for it (【待补充：具体数字】), like any other missing number."""
    if any(w in line for w in words) and not _FIGURE.search(line):
        return line + str(Missing(FIGURE_MARKER))
    return line


def _without_title(text: Rendered, title: str) -> Rendered:
    """A 表现 that opens with its title's words again (“履职能力参差不齐。履职能力参差不齐，我选配时……”) reads on
    from after them."""
    head = title.rstrip("。")
    if head and text.startswith(head) and len(text) > len(head) + 1:
        return Rendered(text[len(head) :].lstrip("，,；;。"))
    return text


def _read_on(host: str, folded: str, item: Item) -> str:
    """A cause's measure read on after its problem's: a second “我将” opening the paragraph's next sentence is
    “我还将” (round 74 read “……育人。我将在上半年……” as a second measure pasted inside the first)."""
    if item.for_cause and folded.startswith(FOLD_SUBJECT) and FOLD_SUBJECT in host:
        return FOLD_SUBJECT_AGAIN + folded[len(FOLD_SUBJECT) :]
    return folded


def _section_context(
    section: SectionPlan, renderer: Renders, ctx: dict[str, Any], change_words: tuple[str, ...]
) -> SectionView:
    def text(variant: Any, what: str) -> Any:
        if variant is None:
            return None
        return renderer.render_text(variant.text, ctx, Location(f"fragments/{section.role}.yaml", key=what))

    def item(it: Item) -> ItemView:
        if it.fragment is not None:
            heading = it.heading or it.fragment.lead  # another wording of its lead, when the planner drew one
            lead = renderer.render_text(heading, ctx, it.fragment.location) if heading else ""
            text = renderer.render(it.fragment, ctx, it.variant)
            # round 73: “二是把舆情风险纳入企业风险防控。我把舆情风险纳入……”
            if section.role not in SELF_CRITICAL:
                text = Rendered(unechoed(lead, text))
            user: tuple[str, ...] = ()
            for folded in it.merged:  # items folded into this one read on as the same paragraph
                if folded.quiet:  # a cause's measure saying what this one says: not printed
                    continue
                view = item(folded)
                text, user = Rendered(text + _read_on(text, view.text, folded)), user + view.user
            if it.tail:  # the user's achievements this item carries
                lines = "；".join(
                    _with_figure_marker(clean_text(t).rstrip("。；;"), change_words) for t in it.tail
                )
                text = Rendered(
                    text + renderer.render_text(it.join, ctx, it.fragment.location) + lines + "。"
                )
                user += (lines,)
                if it.marker:  # what the Party organisation did for these results, for the user to write
                    text = Rendered(text + str(Missing(it.marker)) + "。")
            return ItemView(lead, text, it.fragment.id, user)
        where = Location(f"fragments/{section.role}.yaml", key="user")
        lead = (
            clean_text(it.lead)
            if it.lead
            else (renderer.render_text(it.lead_source, ctx, where) if it.lead_source else "")
        )
        said = clean_text(it.text)
        party = clean_text(it.party)  # the user's 党组织做法 for this result: said before it
        if section.role == FUSION and it.text:  # the user's own 业务融合 line: its figure, if it lacks one
            said = _with_figure_marker(said.rstrip("。"), change_words) + (
                "。" if said.endswith("。") else ""
            )
        link = renderer.render_text(it.link, ctx, where) if it.link and party and said else ""
        parts = [renderer.render_text(it.join, ctx, where) if it.join else "", party, link, said]
        if it.detail is not None:
            parts.append(_without_title(renderer.render(it.detail, ctx, it.variant), lead))
        if it.coda:  # the planner's sentence after the 表现 (a carried finding's source)
            parts.append(clean_text(it.coda))
        if it.marker:  # a sentence ending on the marker still ends with its full stop
            parts.append(str(Missing(it.marker)) + "。")
        return ItemView(
            Rendered(lead),
            Rendered("".join(parts)),
            it.detail.id if it.detail else None,
            tuple(x for x in (party, said) if x),
        )

    def sentences(frags: list[Any]) -> Rendered | None:
        if not frags:
            return None
        return Rendered("".join(renderer.render(f, ctx, section.wordings.get(f.id, 0)) for f in frags))

    return SectionView(
        section.role,
        text(section.heading, "headings") or section.role,
        sentences(section.lead_in) or text(section.intro, "intros"),
        [item(i) for i in section.items],
        sentences(section.tail),
    )


OWN_ORG_SLOT = "{{ 单位.党组织 }}"


class Renders(Protocol):
    """What drafting needs of a fragment renderer."""

    def render_text(self, source: str, context: dict[str, Any], where: Location) -> Rendered: ...

    def render(self, fragment: Fragment, context: dict[str, Any], variant: int = 0) -> Rendered: ...


class _OwnOrgRenderer:
    """The draft's fragment renderer, saying the unit's own Party organisation by the name the facts give it:
    the type's generic name for it in a fragment's source (学校党组织, 村党组织; 措辞.yaml 本单位党组织泛称)
    becomes the slot of 单位.党组织 before rendering, so the name is printed as data. Round 24 read
    “学校党组织” seven times beside “学校党委” as blanks of a template filled in; another organisation's
    (各学校党组织) stays, and the user's own words are never touched."""

    def __init__(
        self,
        inner: FragmentRenderer,
        generic: tuple[str, ...],
        others: str,
        swaps: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.inner = inner
        self.pattern = _generic_org_pattern(generic, others) if generic else None
        self.swaps = dict(swaps)
        self.swap_pattern = _swap_pattern(tuple(self.swaps)) if swaps else None

    def render_text(self, source: str, context: dict[str, Any], where: Location) -> Rendered:
        if self.pattern is not None:
            source = self.pattern.sub(OWN_ORG_SLOT, source)
        if self.swap_pattern is not None:  # the type's own word for the library's (党员干部 → 党员员工)
            source = self.swap_pattern.sub(lambda m: self.swaps[m[0]], source)
        return self.inner.render_text(source, context, where)

    def render(self, fragment: Fragment, context: dict[str, Any], variant: int = 0) -> Rendered:
        return self.render_text(fragment.texts[variant % len(fragment.texts)], context, fragment.location)


def _generic_org_pattern(generic: tuple[str, ...], others: str | None = None) -> re.Pattern[str]:
    """A type's generic name for its Party organisation (学校党组织), not another organisation's: none of
    ``others`` (措辞.yaml 他者前字; the shipped table when None) before it (各学校党组织, 农村党组织, 所属社区党组织,
    中小学校党组织)."""
    return _generic_pattern(generic, others_before() if others is None else others)


@lru_cache(maxsize=64)
def _generic_pattern(generic: tuple[str, ...], others: str) -> re.Pattern[str]:
    return re.compile(rf"{not_after(others)}(?:{'|'.join(map(re.escape, generic))})")


@lru_cache(maxsize=64)
def _swap_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words``, the longest first (党员干部职工 before 党员干部)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _audience_swaps(reg: Registry, unit_type: str, facts: Facts) -> tuple[tuple[str, str], ...]:
    """措辞.yaml 对象改称 for ``unit_type``: each “词=改称” as (词, 改称) — the words the library writes for
    every unit that this type's readers would not (a company's staff are no 党员干部: round 29); and 名称改称
    unless the unit's name (单位.全称) holds a word of 名称改称不用于 (round 32: a 市 office's 内设机构 are 科室)."""
    name = str(facts.get("单位.全称") or "")
    words = list(reg.wordings.get(AUDIENCE_WORDS, {}).get(unit_type, ()))
    kept = reg.wordings.get(NAME_SWAPS_KEPT, {}).get(unit_type, ())
    if name and not any(k in name for k in kept):
        words += reg.wordings.get(NAME_SWAPS, {}).get(unit_type, ())
    pairs = (w.split("=", 1) for w in words if "=" in w)
    return tuple((a.strip(), b.strip()) for a, b in pairs if a.strip())


def _own_names(facts: Facts, reg: Registry) -> list[tuple[str, str]]:
    """The names the unit's Party organisation goes by in its draft, each with its short form (单位.党组织, and
    单位.自称 when that too names a Party organisation (公司党支部 → 支部) or is a 我局, 我委 with no short form),
    for :class:`drafter.naming.Naming`; a 自称 such as 公司 or 医院, which many nouns follow, stays as written."""
    names = [str(facts.get("单位.党组织") or "").strip(), str(facts.get("单位.自称") or "").strip()]
    table = reg.wordings.get(SHORT_ORGS, {})
    return [
        (n, _short_name(n, reg))
        for n in dict.fromkeys(names)
        if n and (_org_ending(n, table) or n.startswith("我"))
    ]


def _named_section(view: SectionView, naming: Naming) -> SectionView:
    """``view`` with its lead-in, items and closing sentence read through ``naming`` in order."""
    role = view.role
    intro = Rendered(naming.paragraph(view.intro, role)) if view.intro else view.intro
    items = [
        ItemView(
            i.lead,
            Rendered(naming.paragraph(i.text, role, item=True, user=i.user, lead=i.lead)),
            i.id,
            i.user,
        )
        for i in view.items
    ]
    outro = Rendered(naming.paragraph(view.outro, role)) if view.outro else view.outro
    return SectionView(view.role, view.heading, intro, items, outro)


def _short_name(org: str, reg: Registry) -> str:
    """The short form a unit summary may call its Party organisation by after naming it (措辞.yaml 党组织简称:
    公司党支部 → 支部, 局党组 → 党组), or "" when the name ends in none of the table's words or is that word."""
    word = _org_ending(org, reg.wordings.get(SHORT_ORGS, {}))
    return reg.wordings[SHORT_ORGS][word][0] if word and org != word else ""


def _org_ending(org: str, table: dict[str, tuple[str, ...]]) -> str:
    """The longest word of ``table`` (党工委, 党支部, 党组…) that the organisation's name ends in and that has a
    wording, or ""."""
    return next((w for w in sorted(table, key=len, reverse=True) if org.endswith(w) and table[w]), "")


def render_plan(plan: Plan, facts: Facts, options: Options) -> tuple[str, dict[str, SectionView]]:
    """Render the plan with the report kind's template into outline markup; also return the sections."""
    renderer = _renderer(options.templates_dir or data_dir("templates"))
    env = renderer.env
    ctx = fact_context(facts)
    reg = registry_for(options.templates_dir)
    ctx.update(derived_context(facts, reg))
    words = reg.words(CHANGE_WORDS, plan.unit_type)
    own_org = str(facts.get("单位.党组织") or "").strip()
    generic = reg.wordings.get(OWN_ORG_GENERIC, {}).get(plan.unit_type, ())
    if not (own_org and own_org not in generic):
        generic = ()
    swaps = _audience_swaps(reg, plan.unit_type, facts)
    if generic or swaps:
        drafting: Renders = _OwnOrgRenderer(renderer, generic, others_before(reg), swaps)
    else:
        drafting = renderer
    sections = {role: _section_context(s, drafting, ctx, words) for role, s in plan.sections.items()}
    opening = drafting.render(plan.opening, ctx) if plan.opening else None
    closing = drafting.render(plan.closing, ctx) if plan.closing else None
    naming = Naming(
        _own_names(facts, reg),
        str(ctx["提法"]["全会"] or ""),
        unit_voice=plan.voice == "单位",
        own_voice=frozenset(plan.main_roles),
        others=others_before(reg),
        long_names=[(name, shorts[0]) for name, shorts in reg.wordings.get(LONG_NAMES, {}).items() if shorts],
    )
    opening = Rendered(naming.paragraph(opening)) if opening else None
    order = [*plan.main_roles, RECTIFY, PROBLEMS, CAUSES, MEASURES]
    for role in sorted(sections, key=lambda r: order.index(r) if r in order else len(order)):
        sections[role] = _named_section(sections[role], naming)
    closing = Rendered(naming.paragraph(closing)) if closing else None
    main_roles = [r for r in plan.main_roles if r in sections]
    report_ctx = {
        **ctx,
        "opening": opening,
        "closing": closing,
        "版式": plan.layout.context(),
        "main": [sections[r] for r in main_roles],
        "rectify": sections.get("上年度问题整改"),
        "problems": sections.get("存在问题", SectionView("存在问题", "存在问题", None, [])),
        "causes": sections.get("原因"),
        "plans": sections.get("下一步", SectionView("下一步", "下一步", None, [])),
    }
    return render_report(env, f"{plan.kind}/report.j2", report_ctx), sections


def facts_json(facts: Facts, layout: str | None = None) -> str:
    """The facts as canonical JSON (sorted keys, dates as text): embedded in the draft so that next year's
    ``drafter init --from`` reads them back exactly — with the ``layout`` the draft was drawn in as its 版式 when
    the facts named none, so that next year's report keeps this year's shape."""
    import json

    data = facts.data if not layout or facts.has("版式") else {**facts.data, "版式": layout}
    # ASCII escapes: no character a user typed (control characters, private-use marks) can break the XML
    return json.dumps(data, ensure_ascii=True, sort_keys=True, default=str, separators=(",", ":"))


def derived_context(facts: Facts, reg: Registry | None = None) -> dict[str, Any]:
    """The names every fragment may use besides the facts: the year's 提法 and the unit type's field."""
    reg = reg or registry()
    year = reg.year(facts.year)
    utype = reg.unit_type(facts.get("单位.类型"))

    def value(text: str, path: str) -> Any:
        return text if text else Missing(path)

    return {
        "落款": {"党组织": _party_signature(facts, reg)},
        "整改进度": {"学习教育": _campaign_rest(facts, reg)},
        "提法": {
            "学习教育": value(year.campaign, "提法.学习教育"),
            "全会": value(year.plenum_phrase, "提法.全会"),
            "最新全会": value(year.latest_plenum, "提法.最新全会"),
        },
        "类型": {
            "名称": utype.name,
            "领域": utype.field_words,
            "中心工作": utype.center_for(str(facts.get("单位.全称") or facts.get("单位.简称") or "")),
            # the unit as it names itself: the facts' 单位.自称, else the type's (街道, 医院; 本单位)
            "自称": str(facts.get("单位.自称") or utype.self_name),
        },
    }


CAMPAIGN_REST = "学习教育整改进度"  # 措辞.yaml: what follows “已整改到位N个” in the campaign item


def _campaign_rest(facts: Facts, reg: Registry) -> str:
    """What follows “已整改到位N个” in the year's campaign item: how many of the problems found are still being
    fixed (round 22: “查摆17个、整改15个” left two unexplained), or that none is left when all were (round 25
    read “查摆问题7个……已整改到位7个” as wanting 全部); nothing when either number is missing (the numbers' own
    markers stand then).  The wording (措辞.yaml 学习教育整改进度: 未完 with {余数}, 全完) is drawn by the unit:
    rounds 68–69 read one sentence, “其余1个仍在整改中”, in every draft."""
    found, fixed = facts.get("思想建设.学习教育查摆问题数"), facts.get("思想建设.学习教育整改问题数")
    if not isinstance(found, int) or not isinstance(fixed, int):
        return ""
    left = fixed < found
    wordings = reg.words(CAMPAIGN_REST, "未完" if left else "全完") or (
        ("，其余{余数}个仍在整改中",) if left else ("，查摆的问题已全部清零",)
    )
    unit = str(facts.get("单位.全称") or facts.get("单位.简称") or "")
    chosen = wordings[stable_number(f"campaign:{unit}") % len(wordings)]
    return chosen.replace("{余数}", str(found - fixed))


def _party_signature(facts: Facts, reg: Registry) -> str:
    """The Party organisation's formal name a unit's summary is signed with (措辞.yaml 落款党组织): 中共 + the
    unit's full name + the formal name its 单位.党组织 ends in (公司党支部 → 支部委员会); the unit's full name
    when it names no such organisation or already says 中共."""
    full = str(facts.get("单位.全称") or "").strip()
    org = str(facts.get("单位.党组织") or "").strip()
    if not full or full.startswith("中共"):
        return full
    word = _org_ending(org, reg.wordings.get(SIGNATURE_ORGS, {}))
    return f"中共{full}{reg.wordings[SIGNATURE_ORGS][word][0]}" if word else full


def _section_chars(view: SectionView) -> int:
    """字数 of a rendered section as the draft will show it (numbers 一是/（一） included)."""
    text = view.heading + (view.intro or "") + "".join(i.lead + i.text for i in view.items)
    text = text.replace(PH_OPEN, "【待补充：").replace(PH_CLOSE, "】")
    return count_chars(text) + 4 + 3 * len(view.items)


def _length_check(total: int, target: int | None, facts: Facts) -> list[Diagnostic]:
    if not target:
        return []
    off = (total - target) / target
    if abs(off) <= LENGTH_TOLERANCE:
        return []
    why = (
        "片段库中合适的片段不够"
        if off < 0
        else "您自己写的内容（亮点、业务融合、问题）较长，或需要写入全部事实"
    )
    return [
        Diagnostic(
            "warning",
            f"目标 {target} 字，稿子 {total} 字（{off:+.0%}），超出 ±10%：{why}",
            facts.location("字数"),
            "可调整目标字数，或在“选用”“不用”里增减片段",
            code="length",
        )
    ]


@lru_cache(maxsize=8)
def _renderer(template_dir: Path) -> FragmentRenderer:
    """One Jinja environment (and compiled-fragment cache) per template folder and process."""
    return FragmentRenderer(make_environment(template_dir))


@lru_cache(maxsize=8)
def _library(folder: Path, stamp: tuple[tuple[str, str], ...], reg: Registry | None = None) -> Library:
    del stamp  # part of the lru_cache key only: the files' content digests
    return load_library(folder, reg)


# the library last returned for each folder and registry, and whether cached_library may return it unchecked
_LAST: dict[tuple[Path, Registry | None], Library] = {}
_HELD = False


def cached_library(folder: Path | None, reg: Registry | None = None) -> Library:
    """The library of ``folder``: loaded once per process while its files' content is unchanged (batch
    runs draft thousands of reports with one library), or, while :func:`hold_libraries` holds, the one
    last returned without looking at the files again."""
    folder = folder or data_dir("fragments")
    own = None if reg is None or reg is registry() else reg
    if _HELD and (folder, own) in _LAST:
        return _LAST[folder, own]
    try:
        stamp = folder_stamp(folder, ".yaml") if folder.is_dir() else ()
    except OSError:
        stamp = ()
    library = _LAST[folder, own] = _library(folder, stamp, own)
    return library


def hold_libraries(held: bool = True) -> bool:
    """While held, :func:`cached_library` returns the library it last returned for a folder without
    checking the files (every draft of a ``drafter batch`` from one library, without stat-ing two hundred
    fragment files before each: a draft in twenty).  Returns whether it was held before."""
    global _HELD
    before, _HELD = _HELD, held
    return before


def _load_facts(source: Path | Facts, reg: Registry) -> Facts:
    facts = source if isinstance(source, Facts) else load_facts(source)
    if facts.kind not in reg.kinds:
        raise FactsError(
            f"不支持的报告类型“{facts.kind}”",
            location=facts.location("报告类型"),
            hint="可选：" + "、".join(reg.kinds),
        )
    layout = facts.get("版式")
    kind = reg.kinds[facts.kind]
    if layout not in (None, "") and kind.layout(str(layout)) is None:
        raise FactsError(
            f"报告类型“{facts.kind}”没有“{layout}”这种版式",
            location=facts.location("版式"),
            hint="可选：" + "、".join(x.name for x in kind.layouts) + "；不填时按单位自动选一种",
        )
    _read_discipline(facts, reg)
    return facts


def _read_discipline(facts: Facts, reg: Registry) -> None:
    """A 学院 of a university (unit type 高校, its type's facts listing 单位.学科) with no 学科 given: the one its
    full name says (湖南城市学院土木工程学院 → 土木工程, 湘潭大学材料科学与工程学院 → 材料科学与工程) — round 65 read a
    civil-engineering school's summary without a word of its field.  A whole college (湖南科技学院) says none, nor
    a placeholder name (某大学某某学院)."""
    utype = reg.unit_type(facts.get("单位.类型"))
    if facts.has(DISCIPLINE) or not any(f.path == DISCIPLINE for f in utype.facts):
        return
    found = _DISCIPLINE_IN_NAME.search(str(facts.get("单位.全称") or ""))
    # not a placeholder name's (某大学某某学院)
    if found and "某" not in found.group(1) and isinstance(facts.data.get("单位"), dict):
        facts.data["单位"][DISCIPLINE.split(".")[1]] = found.group(1)


def draft(source: Path | Facts, options: Options | None = None) -> Draft:
    """Run the whole pipeline on a facts file (or already loaded Facts)."""
    options = options or Options()
    reg = registry_for(options.templates_dir)
    facts = _load_facts(source, reg)
    library = cached_library(options.fragments_dir, reg)
    with time_budget():  # user templates and fragments run here: a runaway one is stopped in seconds
        plan = select(library, facts, seed=options.seed, target=options.target_chars, reg=reg)
        markup, views = render_plan(plan, facts, options)
    try:
        document = build_document(markup)
    except MarkupError as exc:
        raise LibraryError(
            f"报告模板输出的格式不对：{exc}",
            location=Location(f"{plan.kind}/report.j2"),
            hint="模板每一行应以 ::title、::h1、::para 等标记开头，见 README“模板”一节",
        ) from None
    document.year = facts.year
    layouts = reg.kinds[facts.kind].layouts
    document.facts = facts_json(facts, plan.layout.name if len(layouts) > 1 else None)
    target = options.target_chars or facts.get("字数")
    diagnostics = [*facts.warnings, *plan.diagnostics, *_length_check(document.total_chars, target, facts)]
    chars = {role: _section_chars(view) for role, view in views.items()}
    return Draft(facts, plan, markup, document, diagnostics, chars)


def check(source: Path | Facts, options: Options | None = None) -> list[Diagnostic]:
    """Every finding for ``drafter check``: facts warnings, plan warnings and facts the draft lacks."""
    return check_draft(draft(source, options), options)


def check_draft(result: Draft, options: Options | None = None) -> list[Diagnostic]:
    """:func:`check` for a draft already made (``drafter serve`` drafts once per change)."""
    diags = list(result.diagnostics)
    if result.facts.year is None:
        diags.append(
            Diagnostic(
                "warning",
                "没有填写“年度”：标题会显示【待补充】，也无法按年度选用当年的提法",
                result.facts.location("年度"),
                "填写四位年份，如 年度: 2024",
                code="no-year",
            )
        )
    seen: set[str] = set()
    for need, frag in missing_needs(result.plan, result.facts):
        if need in seen:
            continue
        seen.add(need)
        diags.append(
            Diagnostic(
                "warning",
                f"缺少“{need}”，报告中会显示【待补充：{need.rsplit('.', 1)[-1]}】",
                missing_location(result.facts, need),
                f"片段 {frag.id} 用到这个数；补上它，或在“不用”里排除该片段",
                code="missing-fact",
            )
        )
    diags += _unprinted_numbers(result)
    reg = registry_for((options or Options()).templates_dir)
    findings = "上年度问题整改.问题"
    derived = {
        "全会": "年度",
        "学习教育": "年度",
        "最新全会": "年度",
        "具体表现": "存在问题",
        "整改措施和成效": findings,
        "较上年的整改进展": findings,
        **{w: findings for name in RECTIFY_MARKERS for t in reg.wordings.get(name, {}).values() for w in t},
    }
    for label in _missing_in_document(result):
        if label not in {n.rsplit(".", 1)[-1] for n in seen}:
            key = derived.get(label, label)
            hint = f"填写“{key}”后，drafter 会补上这一处" if key != label else f"在事实文件里填写“{label}”"
            diags.append(
                Diagnostic(
                    "info",
                    f"报告中有【待补充：{label}】",
                    Location(result.facts.path),
                    hint,
                    code="placeholder",
                )
            )
    group = result.facts.get("上年度问题整改")
    filled = isinstance(group, dict) and any(v not in (None, "", []) for v in group.values())
    if not filled and any(s.role == "上年度问题整改" for s in reg.kinds[result.facts.kind].sections):
        diags.append(
            Diagnostic(
                "info",
                "没有填写“上年度问题整改”：稿子里这一部分只有一个待补充标记",
                result.facts.location("上年度问题整改"),
                "上年度述职评议、巡察等反馈过问题的，在事实文件里填写“上年度问题整改”（来源、问题、整改情况、状态，"
                "或反馈问题数、已整改数）；drafter init --from 去年的报告 可以预先填好；确实没有的，删去稿子里的这一部分",
                code="no-rectify",
            )
        )
    return diags


NUMBER_KINDS = ("count", "percent")
NUMBERS_NOT_PRINTED = ("字数",)  # numbers that steer the draft and are not said in it


def _unprinted_numbers(result: Draft) -> list[Diagnostic]:
    """A number the user gave that the draft does not print (no chosen wording names it: a fact of another type
    of unit, a campaign's count in a year without one) is a warning, not a silent loss."""
    facts, text = result.facts, result.document.text
    out = []
    for path, f in walk():
        value = facts.get(path)
        if f.kind not in NUMBER_KINDS or path in NUMBERS_NOT_PRINTED or not isinstance(value, int | float):
            continue
        if path == "上年度问题整改.已整改数" and value == facts.get("上年度问题整改.反馈问题数"):
            continue  # all fixed: the draft says 全部整改到位
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        if not re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d.]*\d)", text):
            out.append(
                Diagnostic(
                    "warning",
                    f"填写的这个数（{shown}）没有写进稿子",
                    facts.location(path),
                    "这一类单位、这一年度的说法里没有用到这个数：可以在本部分的“亮点”里用一句话写出它，"
                    "或检查单位类型、年度是否填对",
                    code="unprinted-fact",
                )
            )
    return out


def _missing_in_document(result: Draft) -> list[str]:
    out: list[str] = []
    for label in result.document.placeholders:
        if label not in out:
            out.append(label)
    return out
