"""The thin orchestrator: facts → select → render → document model, and the checks ``drafter check`` runs.

Owns nothing but the order of the stages and the options they share; every stage lives in its own module.
Never prints, prompts or exits: the CLI does that with what these functions return or raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import Diagnostic, FactsError, LibraryError, Location
from drafter.facts import Facts, load_facts
from drafter.library import Library, load_library
from drafter.model import Document, MarkupError, build_document
from drafter.render import FragmentRenderer, fact_context, make_environment, render_report
from drafter.resources import data_dir
from drafter.schema import REPORT_KINDS
from drafter.select import Item, Plan, SectionPlan, missing_location, missing_needs, select


@dataclass(frozen=True)
class Options:
    """What a run may change: where templates and fragments come from, and the variation seed."""

    fragments_dir: Path | None = None
    templates_dir: Path | None = None
    seed: int | None = None


@dataclass
class Draft:
    """Everything one run produced: the writers need only ``document``."""

    facts: Facts
    plan: Plan
    markup: str
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)


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
            return ItemView(lead, renderer.render(it.fragment, ctx), it.fragment.id)
        return ItemView(it.lead, it.text)

    return SectionView(
        section.role,
        text(section.heading, "headings") or section.role,
        text(section.intro, "intros"),
        [item(i) for i in section.items],
    )


def render_plan(plan: Plan, facts: Facts, options: Options, library: Library | None = None) -> str:
    """Render the plan with the report kind's template into outline markup."""
    template_dir = options.templates_dir or data_dir("templates")
    env = make_environment(template_dir)
    renderer = FragmentRenderer(env)
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
    return render_report(env, f"{plan.kind}/report.j2", report_ctx)


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
    library = load_library(options.fragments_dir)
    plan = select(library, facts, seed=options.seed)
    markup = render_plan(plan, facts, options, library)
    try:
        document = build_document(markup)
    except MarkupError as exc:
        raise LibraryError(f"报告模板输出的格式不对：{exc}", location=Location(f"{plan.kind}/report.j2"),
                           hint="模板每一行应以 ::title、::h1、::para 等标记开头，见 README“模板”一节") from None
    document.year = facts.year
    return Draft(facts, plan, markup, document, [*facts.warnings, *plan.diagnostics])


def check(source: Path | Facts, options: Options | None = None) -> list[Diagnostic]:
    """Every finding for ``drafter check``: facts warnings, plan warnings and facts the draft lacks."""
    result = draft(source, options)
    diags = list(result.diagnostics)
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
