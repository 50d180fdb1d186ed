"""Stage 2: choose fragments for each section of the report (the Plan).

Owns the choice rules: a fragment must fit the report's voice, the unit type and the report year and
must not be excluded (``不用``); pinned fragments (``选用``) come first; among the rest, fragments whose
facts the user gave rank first (more facts used ranks higher), then those needing no fact, then those
that would show placeholders.  Ties are broken by a stable seed (from 单位 and 年度, or ``--seed``), so
the same input always gives the same plan and sibling units get different drafts.  Each chosen 存在问题
fragment brings the 下一步 fragment that answers it.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from typing import Any

from drafter.errors import Diagnostic, Location
from drafter.facts import Facts
from drafter.library import Fragment, Library, Variant, Years
from drafter.schema import walk

MAIN_ROLES = ("思想建设", "组织建设", "党风廉政")
KIND_VOICE = {"书记述职": "个人", "党建工作总结": "单位"}
DEFAULT_ITEMS = 3
MAX_EXTRA = 4  # a main section may grow to 7 items to carry every fact the user gave
NUMBER_FACTS = frozenset(p for p, f in walk() if f.kind in ("count", "percent"))
MAX_ITEMS = 9  # with a 字数 target, the most items one section may take
SHARE_MAIN, SHARE_PROBLEMS, SHARE_PLANS = 0.60, 0.15, 0.20
_VAR_RE = re.compile(r"{{\s*([^}|]+?)\s*(?:\|[^}]*)?}}")


@dataclass
class Item:
    """One 一是… item or one （一） problem/plan: a fragment, or the user's own words."""

    lead: str
    text: str
    fragment: Fragment | None = None
    variant: int = 0  # which wording of the fragment: 0 is its text, 1… its variants


@dataclass
class SectionPlan:
    role: str
    heading: Variant | None = None
    intro: Variant | None = None
    items: list[Item] = field(default_factory=list)


@dataclass
class Plan:
    kind: str
    voice: str
    seed: int
    opening: Fragment | None = None
    closing: Fragment | None = None
    sections: dict[str, SectionPlan] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    budgets: dict[str, int] = field(default_factory=dict)  # characters per section role, with a 字数 target

    @property
    def fragments(self) -> list[Fragment]:
        chosen = [f for f in (self.opening, self.closing) if f]
        for section in self.sections.values():
            chosen.extend(i.fragment for i in section.items if i.fragment)
        return chosen


def stable_seed(facts: Facts) -> int:
    """A seed derived from 单位 and 年度, stable across runs and machines."""
    key = f"{facts.get('单位.全称') or facts.get('单位.简称') or ''}|{facts.get('年度') or ''}"
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


class Selector:
    def __init__(self, library: Library, facts: Facts, *, seed: int | None = None,
                 items_per_section: int = DEFAULT_ITEMS, target: int | None = None) -> None:
        self.library = library
        self.facts = facts
        self.kind = facts.kind
        self.voice = KIND_VOICE.get(self.kind, "个人")
        self.unit_type = str(facts.get("单位.类型") or "通用")
        self.year = facts.year
        self.seed = stable_seed(facts) if seed is None else seed
        self.items = items_per_section
        self.excluded = set(facts.get("不用") or [])
        self.pinned = list(facts.get("选用") or [])
        self.used: set[str] = set()
        self.covered: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        given_target = facts.get("字数")
        self.target: int | None = target if target is not None else (given_target or None)

    # -- eligibility and ranking ------------------------------------------------------------

    def _fits(self, voice: tuple[str, ...], units: tuple[str, ...], years: Years) -> bool:
        # without a 年度, only wording that is not tied to particular years (no 主题教育 of 2023…)
        in_year = self.year in years if self.year is not None else years.last is None
        return self.voice in voice and ("通用" in units or self.unit_type in units) and in_year

    def eligible(self, fragment: Fragment) -> bool:
        return (
            fragment.id not in self.excluded
            and fragment.id not in self.used
            and self._fits(fragment.voice, fragment.unit_types, fragment.years)
        )

    def _rng(self, role: str) -> random.Random:
        return random.Random(f"{self.seed}:{role}")

    def _key(self, f: Fragment) -> tuple[int, int, int, int, int, int]:
        """Sort key, smallest best: no placeholders first; then not only repeating numbers already in the
        draft; then wording tied to this very year (党纪学习教育 in 2024…); then not repeating any number;
        then most facts not yet in the draft; then written for this unit type.  The key is coarse on
        purpose: fragments that tie are ordered by the seeded shuffle, so sibling units with facts of the
        same shape still get different fragments."""
        given = [n for n in f.needs if self.facts.has(n)]
        missing = len(f.needs) - len(given)
        new = sum(1 for n in given if n not in self.covered)
        numbers = [n for n in given if n in NUMBER_FACTS]  # a name (单位.党组织) may recur; a number may not
        repeated = sum(1 for n in numbers if n in self.covered)
        only_repeats = 1 if numbers and repeated == len(numbers) and not new else 0
        of_the_year = 0 if (self.year is not None and f.years.last is not None) else 1
        specific = 0 if (self.unit_type != "通用" and self.unit_type in f.unit_types) else 1
        return (missing, only_repeats, of_the_year, min(repeated, 1), -new, specific)

    def rank(self, candidates: list[Fragment], role: str) -> list[Fragment]:
        """Candidates best first; ties keep a shuffle seeded by the run's seed and the role."""
        order = list(candidates)
        self._rng(role).shuffle(order)
        return sorted(order, key=self._key)  # sorted is stable

    def _take(self, frag: Fragment, chosen: list[Fragment]) -> None:
        chosen.append(frag)
        self.used.add(frag.id)
        self.covered.update(n for n in frag.needs if self.facts.has(n))

    def estimate(self, frag: Fragment) -> int:
        """Characters the fragment will take in the draft (一是 + lead + 。 + text with facts filled in)."""

        def fill(m: re.Match[str]) -> str:
            value = self.facts.get(m[1].strip())
            return str(value) if value is not None else "【待补充：" + m[1].rsplit(".", 1)[-1] + "】"

        return 3 + len(frag.lead) + len(_VAR_RE.sub(fill, frag.text))

    def pick(self, role: str, count: int, *, stretch: int = 0, budget: int | None = None) -> list[Fragment]:
        """Pinned fragments, then the best ``count`` (or, with a ``budget`` in characters, as many as fill
        it); then up to ``stretch`` more while a fragment would bring a given fact that is not in the draft
        yet (so every fact the user gave appears, even past the budget)."""
        chosen: list[Fragment] = []
        by_id = self.library.by_id()
        for fid in self.pinned:
            frag = by_id.get(fid)
            if frag is None or frag.role != role or fid in self.used:
                continue
            if self.year not in frag.years:
                self.diagnostics.append(Diagnostic(
                    "warning", f"选用的片段 {fid} 的提法适用于 {frag.years} 年，与年度 {self.year} 不符",
                    self.facts.location("选用"), "换一个片段，或确认这一提法仍然适用",
                ))
            self._take(frag, chosen)
        pool = [f for f in self.library.fragments(role) if self.eligible(f)]
        used_chars = sum(self.estimate(f) for f in chosen)
        extras = stretch
        while pool and len(chosen) < MAX_ITEMS:
            ranked = self.rank(pool, f"{role}:{len(chosen)}")
            best = ranked[0]
            if self._key(best)[1]:  # it would only repeat numbers already in the draft: leave it out
                pool.remove(best)
                continue
            if budget is not None:
                # take it while it fits (the first item always), or overshoots less than it leaves empty
                wanted = not chosen or budget - used_chars > self.estimate(best) / 2
            else:
                wanted = len(chosen) < count
            if not wanted:
                # full: only a fragment that brings a given fact not yet in the draft may still come in
                bringer = next((f for f in ranked if self._brings_a_fact(f)), None)
                if extras <= 0 or bringer is None:
                    break
                extras -= 1
                best = bringer
            self._take(best, chosen)
            used_chars += self.estimate(best)
            pool.remove(best)
        return chosen

    def _brings_a_fact(self, frag: Fragment) -> bool:
        """All its facts are given and at least one is not in the draft yet."""
        return all(self.facts.has(n) for n in frag.needs) and any(n not in self.covered for n in frag.needs)

    def item(self, frag: Fragment) -> Item:
        """A chosen fragment as an item, with one of its wordings picked by the seed."""
        return Item(frag.lead, "", frag, self._rng(frag.id).randrange(len(frag.texts)))

    def variant(self, options: list[Variant], role: str, what: str) -> Variant | None:
        fitting = [v for v in options if self._fits(v.voice, v.unit_types, v.years)]
        if not fitting:
            return None
        return self._rng(f"{role}:{what}").choice(fitting)

    # -- user's own items -------------------------------------------------------------------

    def user_item(self, raw: Any) -> Item:
        """The user's own words: “标题：内容”, {标题, 内容} or one sentence; a full stop is added if missing."""
        if isinstance(raw, dict):
            return Item(str(raw.get("标题") or "").strip(), _full_stop(str(raw.get("内容") or "")))
        text = str(raw).strip()
        m = _HEAD_RE.match(text)
        if m:
            return Item(m[1].strip(), _full_stop(m[2]))
        return Item("", _full_stop(text))

    def user_items(self, role: str, key: str) -> tuple[list[Item], list[Fragment]]:
        """The user's list under ``key``: fragment ids become fragments, anything else user text."""
        by_id = self.library.by_id()
        items: list[Item] = []
        frags: list[Fragment] = []
        for i, raw in enumerate(self.facts.get(key) or []):
            if isinstance(raw, str) and raw in by_id:
                frag = by_id[raw]
                if frag.role != role:
                    self.diagnostics.append(Diagnostic(
                        "warning", f"片段 {raw} 属于“{frag.role}”，不能用在“{key}”里",
                        self.facts.location(f"{key}[{i}]"), f"“{key}”只能用 {role} 类片段",
                    ))
                    continue
                frags.append(frag)
                self.used.add(raw)
            elif isinstance(raw, str) and _looks_like_id(raw):
                self.diagnostics.append(Diagnostic(
                    "warning", f"找不到片段 {raw}，已按普通文字写入", self.facts.location(f"{key}[{i}]"),
                    "用 drafter fragments list 查看可用的片段编号",
                ))
                items.append(self.user_item(raw))
            else:
                items.append(self.user_item(raw))
        return items, frags

    # -- the plan ---------------------------------------------------------------------------

    def budgets(self, plan: Plan) -> dict[str, int]:
        """Characters per section for a target 字数: 60% 主要工作 (split over its sections), 15% 存在问题,
        20% 下一步; the remaining 5% is the title, opening, closing and signature."""
        assert self.target is not None
        main = [r for r in (*MAIN_ROLES, "业务融合") if r in plan.sections]
        # 业务融合 is the user's own achievements: its size is what they wrote, taken off the main share
        fusion = plan.sections.get("业务融合", SectionPlan(""))
        user_fusion = sum(self.estimate(i.fragment) if i.fragment else len(i.lead) + len(i.text) + 3
                          for i in fusion.items)
        user_fusion += sum(len(v.text) + 4 for v in (fusion.heading, fusion.intro) if v)
        per_main = max(0, round(self.target * SHARE_MAIN) - user_fusion) // max(1, len(main) - ("业务融合" in main))
        out = {r: per_main for r in MAIN_ROLES}
        if "业务融合" in main:
            out["业务融合"] = user_fusion
        out["存在问题"] = round(self.target * SHARE_PROBLEMS)
        out["下一步"] = round(self.target * SHARE_PLANS)
        return out

    def _room(self, section: SectionPlan, budget: int | None) -> int | None:
        """What a section's budget leaves for fragments once its heading, intro and user items are in."""
        if budget is None:
            return None
        fixed = sum(len(v.text) for v in (section.heading, section.intro) if v)
        fixed += sum(len(i.lead) + len(i.text) + 3 for i in section.items)
        return max(0, budget - fixed)

    def plan(self) -> Plan:
        plan = Plan(kind=self.kind, voice=self.voice, seed=self.seed)
        self._check_ids()
        opening = self.pick("开头", 1)
        plan.opening = opening[0] if opening else None
        for role in MAIN_ROLES:
            section = self._section(role)
            section.items = [self.user_item(t) for t in self.facts.get(f"{role}.亮点") or []]
            plan.sections[role] = section
        if self.facts.has("业务融合"):
            section = self._section("业务融合")
            lead_in = [self.item(f) for f in self.pick("业务融合", 1)]
            section.items = lead_in + [self.user_item(t) for t in self.facts.get("业务融合")]
            plan.sections["业务融合"] = section
        plan.sections["存在问题"] = problems = self._section("存在问题")
        plan.sections["下一步"] = plans = self._section("下一步")
        own, frags = self.user_items("存在问题", "存在问题")
        own_next, next_frags = self.user_items("下一步", "下一步")
        problems.items, plans.items = own, own_next
        if self.target:
            plan.budgets = self.budgets(plan)
        for role in MAIN_ROLES:
            section = plan.sections[role]
            picked = self.pick(role, self.items, stretch=MAX_EXTRA, budget=self._room(section, plan.budgets.get(role)))
            section.items = [self.item(f) for f in picked] + section.items
        if not own and not frags:
            frags = self.pick("存在问题", self.items, budget=self._room(problems, plan.budgets.get("存在问题")))
        problems.items = [self.item(f) for f in frags] + own
        chosen = [*next_frags, *self._answers(frags, next_frags)]
        room = self._room(plans, plan.budgets.get("下一步"))
        if room is not None:
            room -= sum(self.estimate(f) for f in chosen)
            chosen += self.pick("下一步", 0, budget=room) if room > 0 else []
        else:
            wanted = max(self.items, len(problems.items)) - len(chosen) - len(own_next)
            chosen += self.pick("下一步", max(wanted, 0))
        plans.items = [self.item(f) for f in chosen] + own_next
        closing = self.pick("结尾", 1)
        plan.closing = closing[0] if closing else None
        self._check_pairs(plan, frags, own, own_next)
        plan.diagnostics = self.diagnostics
        return plan

    def _check_pairs(self, plan: Plan, frags: list[Fragment], own: list[Item], own_next: list[Item]) -> None:
        """Every 存在问题 should have its 下一步 measure: fragments by ``pairs``, the user's own by count."""
        plan_ids = {i.fragment.id for i in plan.sections["下一步"].items if i.fragment}
        for frag in frags:
            if frag.pairs and not any(p in plan_ids for p in frag.pairs):
                self.diagnostics.append(Diagnostic(
                    "warning", f"存在问题“{frag.lead}”（{frag.id}）没有对应的下一步措施",
                    self.facts.location("存在问题"), f"在“下一步”里加上 {frag.pairs[0]}，或写一条自己的措施",
                    code="unpaired",
                ))
        for item in own[len(own_next):]:
            self.diagnostics.append(Diagnostic(
                "warning", f"您写的存在问题“{(item.lead or item.text)[:20]}”没有对应的下一步措施",
                self.facts.location("存在问题"), "在“下一步”里为每条自己写的问题写一条对应措施（按顺序一一对应）",
                code="unpaired",
            ))

    def _answers(self, problems: list[Fragment], already: list[Fragment]) -> list[Fragment]:
        """For each chosen problem fragment, the first fitting 下一步 fragment it names."""
        by_id = self.library.by_id()
        have = {f.id for f in already}
        out: list[Fragment] = []
        for problem in problems:
            if any(p in have for p in problem.pairs):
                continue
            for target in problem.pairs:
                frag = by_id.get(target)
                if frag and self.eligible(frag):
                    out.append(frag)
                    self.used.add(frag.id)
                    have.add(frag.id)
                    break
        return out

    def _section(self, role: str) -> SectionPlan:
        rf = self.library.roles.get(role)
        if rf is None:
            return SectionPlan(role)
        return SectionPlan(role, self.variant(rf.headings, role, "heading"), self.variant(rf.intros, role, "intro"))

    def _check_ids(self) -> None:
        by_id = self.library.by_id()
        for key in ("选用", "不用"):
            for i, fid in enumerate(self.facts.get(key) or []):
                if fid not in by_id:
                    self.diagnostics.append(Diagnostic(
                        "warning", f"找不到片段 {fid}", self.facts.location(f"{key}[{i}]"),
                        "用 drafter fragments list 查看可用的片段编号",
                    ))


_HEAD_RE = re.compile(r"^([^：:]{1,24}?)(?:：|:(?!:))(?!:)(.*\S.*)$")


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？…" else text + "。"


def _looks_like_id(text: str) -> bool:
    return text.isascii() and "-" in text and " " not in text and len(text) < 60


def select(library: Library, facts: Facts, *, seed: int | None = None, target: int | None = None) -> Plan:
    return Selector(library, facts, seed=seed, target=target).plan()


def missing_needs(plan: Plan, facts: Facts) -> list[tuple[str, Fragment]]:
    """Facts the chosen fragments need but the file lacks: (fact path, fragment)."""
    out: list[tuple[str, Fragment]] = []
    for frag in plan.fragments:
        out.extend((need, frag) for need in frag.needs if not facts.has(need))
    return out


def missing_location(facts: Facts, path: str) -> Location:
    group = path.split(".")[0]
    return Location(facts.path, facts.lines.get(path) or facts.lines.get(group), key=path)
