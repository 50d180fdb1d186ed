"""The thin orchestrator: facts → select → render → document model, and the checks ``drafter check`` runs.

Owns nothing but the order of the stages and the options they share; every stage lives in its own module.
Never prints, prompts or exits: the CLI does that with what these functions return or raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.cache import file_stamp
from drafter.errors import Diagnostic, FactsError, LibraryError, Location
from drafter.facts import Facts, load_facts
from drafter.library import Library, load_library
from drafter.model import PH_CLOSE, PH_OPEN, Document, MarkupError, build_document, count_chars
from drafter.render import FragmentRenderer, fact_context, make_environment, render_report
from drafter.resources import data_dir
from drafter.sandbox import time_budget
from drafter.schema import REPORT_KINDS
from drafter.select import Item, Plan, SectionPlan, missing_location, missing_needs, select

LENGTH_TOLERANCE = 0.10


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


@dataclass(frozen=True)
class SectionView:
    """A section as the report template sees it: heading, optional intro, items."""

    role: str
    heading: str
    intro: str | None
    items: list[ItemView]


def _section_context(section: SectionPlan, renderer: FragmentRenderer, ctx: dict[str, Any]) -> SectionView:
    def text(variant: Any, what: str) -> Any:
        if variant is None:
            return None
        return renderer.render_text(variant.text, ctx, Location(f"fragments/{section.role}.yaml", key=what))

    def item(it: Item) -> ItemView:
        if it.fragment is not None:
            lead = renderer.render_text(it.fragment.lead, ctx, it.fragment.location) if it.fragment.lead else ""
            return ItemView(lead, renderer.render(it.fragment, ctx, it.variant), it.fragment.id)
        return ItemView(it.lead, it.text)

    return SectionView(
        section.role,
        text(section.heading, "headings") or section.role,
        text(section.intro, "intros"),
        [item(i) for i in section.items],
    )


def render_plan(plan: Plan, facts: Facts, options: Options) -> tuple[str, dict[str, SectionView]]:
    """Render the plan with the report kind's template into outline markup; also return the sections."""
    renderer = _renderer(options.templates_dir or data_dir("templates"))
    env = renderer.env
    ctx = fact_context(facts)
    sections = {role: _section_context(s, renderer, ctx) for role, s in plan.sections.items()}
    main_roles = [r for r in ("思想建设", "组织建设", "党风廉政", "业务融合") if r in sections]
    report_ctx = {
        **ctx,
        "opening": renderer.render(plan.opening, ctx) if plan.opening else None,
        "closing": renderer.render(plan.closing, ctx) if plan.closing else None,
        "main": [sections[r] for r in main_roles],
        "problems": sections.get("存在问题", SectionView("存在问题", "存在问题", None, [])),
        "plans": sections.get("下一步", SectionView("下一步", "下一步", None, [])),
    }
    return render_report(env, f"{plan.kind}/report.j2", report_ctx), sections


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
    why = "片段库中合适的片段不够" if off < 0 else "您自己写的内容（亮点、业务融合、问题）较长，或需要写入全部事实"
    return [Diagnostic(
        "warning", f"目标 {target} 字，稿子 {total} 字（{off:+.0%}），超出 ±10%：{why}",
        facts.location("字数"), "可调整目标字数，或在“选用”“不用”里增减片段", code="length",
    )]


@lru_cache(maxsize=8)
def _renderer(template_dir: Path) -> FragmentRenderer:
    """One Jinja environment (and compiled-fragment cache) per template folder and process."""
    return FragmentRenderer(make_environment(template_dir))


@lru_cache(maxsize=8)
def _library(folder: Path, stamp: tuple[tuple[str, str], ...]) -> Library:
    del stamp  # part of the lru_cache key only: the files' content digests
    return load_library(folder)


def cached_library(folder: Path | None) -> Library:
    """The library of ``folder``: loaded once per process while its files' content is unchanged (batch
    runs draft thousands of reports with one library)."""
    folder = folder or data_dir("fragments")
    try:
        stamp = file_stamp(sorted(folder.glob("*.yaml"))) if folder.is_dir() else ()
    except OSError:
        stamp = ()
    return _library(folder, stamp)


def _load_facts(source: Path | Facts) -> Facts:
    facts = source if isinstance(source, Facts) else load_facts(source)
    if facts.kind not in REPORT_KINDS:  # the schema enforces this; kept for Facts built in code
        raise FactsError(f"不支持的报告类型“{facts.kind}”", location=facts.location("报告类型"),
                         hint="可选：" + "、".join(REPORT_KINDS))
    return facts


def draft(source: Path | Facts, options: Options | None = None) -> Draft:
    """Run the whole pipeline on a facts file (or already loaded Facts)."""
    options = options or Options()
    facts = _load_facts(source)
    library = cached_library(options.fragments_dir)
    with time_budget():  # user templates and fragments run here: a runaway one is stopped in seconds
        plan = select(library, facts, seed=options.seed, target=options.target_chars)
        markup, views = render_plan(plan, facts, options)
    try:
        document = build_document(markup)
    except MarkupError as exc:
        raise LibraryError(f"报告模板输出的格式不对：{exc}", location=Location(f"{plan.kind}/report.j2"),
                           hint="模板每一行应以 ::title、::h1、::para 等标记开头，见 README“模板”一节") from None
    document.year = facts.year
    target = options.target_chars or facts.get("字数")
    diagnostics = [*facts.warnings, *plan.diagnostics, *_length_check(document.total_chars, target, facts)]
    chars = {role: _section_chars(view) for role, view in views.items()}
    return Draft(facts, plan, markup, document, diagnostics, chars)


def check(source: Path | Facts, options: Options | None = None) -> list[Diagnostic]:
    """Every finding for ``drafter check``: facts warnings, plan warnings and facts the draft lacks."""
    result = draft(source, options)
    diags = list(result.diagnostics)
    if result.facts.year is None:
        diags.append(Diagnostic("warning", "没有填写“年度”：标题会显示【待补充】，也无法按年度选用当年的提法",
                                result.facts.location("年度"), "填写四位年份，如 年度: 2024", code="no-year"))
    seen: set[str] = set()
    for need, frag in missing_needs(result.plan, result.facts):
        if need in seen:
            continue
        seen.add(need)
        diags.append(Diagnostic(
            "warning", f"缺少“{need}”，报告中会显示【待补充：{need.rsplit('.', 1)[-1]}】",
            missing_location(result.facts, need), f"片段 {frag.id} 用到这个数；补上它，或在“不用”里排除该片段",
            code="missing-fact",
        ))
    for label in _missing_in_document(result):
        if label not in {n.rsplit(".", 1)[-1] for n in seen}:
            diags.append(Diagnostic("info", f"报告中有【待补充：{label}】", Location(result.facts.path),
                                    f"在事实文件里填写“{label}”", code="placeholder"))
    return diags


def _missing_in_document(result: Draft) -> list[str]:
    out: list[str] = []
    for label in result.document.placeholders:
        if label not in out:
            out.append(label)
    return out
