"""Stage 2: plan the report from its kind's outline (the Plan).

Owns the choice rules.  The report kind (``templates/<kind>/kind.yaml``) lists its sections in order and, for
each part of 主要工作, the topics a real report covers: required ones appear exactly once, optional ones fill
the section up to its item count (first those that bring a number the user gave and the draft lacks, then
by the seed).  The unit type adds its own topics (``templates/单位类型.yaml``).  For each topic the best
fitting fragment is taken: it must fit the kind, voice, unit type and year, claim no 做法 the user did not
tick, and not be excluded (``不用``); among those, fragments written for this kind and this unit type and
fragments whose numbers the user gave rank first.  A blank number never drops a topic: a wording without
the number is taken, or the marker shows.  A topic appears once in 主要工作 even if two sections list it.

The user's own 亮点 and 业务融合 lines are items too: each is matched to a topic by its words; it replaces
the tool's item of that topic; a bare sentence gets a lead from its topic (and, in 业务融合, a clause that
ties it to 党建).  Problems: the user's own first (a short phrase is expanded with a 表现 paragraph of its
topic), topped up to 存在问题数 (default from the kind) by fragments on other topics that do not contradict
the user's highlights; then causes matching the problems' topics; then 下一步 measures answering every
problem and cause by topic.  Ties are broken by a stable seed (from 单位 and 年度, or ``--seed``).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafter.errors import Diagnostic, Location
from drafter.facts import Facts
from drafter.library import Family, Fragment, Library, Variant, Years
from drafter.registry import Kind, Registry, SectionSpec, registry
from drafter.schema import walk

NUMBER_FACTS = frozenset(p for p, f in walk() if f.kind in ("count", "percent"))
MAX_EXTRA = 3  # a main section may grow by this many items to carry every number the user gave
DEFAULT_PROBLEMS = 3
SHORT_PHRASE = 40  # a user problem shorter than this, with no 内容 of its own, is expanded with a 表现
PROBLEMS, CAUSES, MEASURES, RECTIFY = "存在问题", "原因", "下一步", "上年度问题整改"
OPENING, CLOSING = "开头", "结尾"
_VAR_RE = re.compile(r"{{\s*([^}|]+?)\s*(?:\|[^}]*)?}}")
# Clauses that tie a user's own 业务融合 line to 党建 (Jinja: they may name the unit's field).
FUSION_JOINS = (
    "坚持以党建引领{{ 类型.中心工作 }}，",
    "发挥党组织把方向、聚合力的作用，",
    "把党建工作与{{ 类型.中心工作 }}同谋划、同推进，",
    "以党建工作的实际成效服务{{ 类型.领域 }}，",
)
# Leads for a user's line whose topic has none; each used once per section, in a seeded order.
DEFAULT_LEADS = {
    "思想建设": ("抓好思想政治建设", "推动理论学习走深走实", "凝聚干事创业共识"),
    "组织建设": ("夯实基层组织基础", "打造特色党建载体", "激发党员队伍活力"),
    "党风廉政": ("深化党风廉政建设", "营造风清气正环境", "抓实廉洁风险防控"),
    "业务融合": ("推动重点任务落地见效", "把党建优势转化为发展优势", "以党建促发展见实效", "服务保障中心工作",
             ),
}


@dataclass
class Item:
    """One 一是… item, one （一） problem or one measure: a fragment, or the user's own words.

    For the user's words, ``lead`` and ``text`` are printed as data; ``lead_source`` (a fragment's lead,
    rendered) stands in for a missing lead, ``join`` (Jinja) goes before the text, ``detail`` (a fragment's
    text, rendered) follows it, and ``marker`` adds a 【待补充：…】 marker."""

    lead: str
    text: str
    fragment: Fragment | None = None
    variant: int = 0  # which wording of the fragment: 0 is its text, 1… its variants
    topic: str = ""
    lead_source: str = ""
    join: str = ""
    detail: Fragment | None = None
    marker: str = ""

    @property
    def is_user(self) -> bool:
        return self.fragment is None


@dataclass
class SectionPlan:
    role: str
    heading: Variant | None = None
    intro: Variant | None = None
    items: list[Item] = field(default_factory=list)
    lead_in: list[Fragment] = field(default_factory=list)  # sentences that make up the intro paragraph
    tail: list[Fragment] = field(default_factory=list)  # sentences of a paragraph after the items

    @property
    def topics(self) -> list[str]:
        return [i.topic for i in self.items if i.topic]


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
    family: Family | None = None
    unit_type: str = "通用"
    main_roles: tuple[str, ...] = ()

    @property
    def fragments(self) -> list[Fragment]:
        chosen = [f for f in (self.opening, self.closing) if f]
        for section in self.sections.values():
            chosen.extend(i.fragment for i in section.items if i.fragment)
            chosen.extend(i.detail for i in section.items if i.detail)
            chosen.extend([*section.lead_in, *section.tail])
        return chosen


def stable_seed(facts: Facts) -> int:
    """A seed derived from 单位 and 年度, stable across runs and machines."""
    key = f"{facts.get('单位.全称') or facts.get('单位.简称') or ''}|{facts.get('年度') or ''}"
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？…" else text + "。"


def _looks_like_id(text: str) -> bool:
    return text.isascii() and "-" in text and " " not in text and len(text) < 60


_HEAD_RE = re.compile(r"^([^：:]{1,24}?)(?:：|:(?!:))(?!:)(.*\S.*)$")


def split_user_text(raw: Any) -> tuple[str, str]:
    """The user's words as (标题, 内容): “标题：内容”, {标题, 内容} or one sentence (no 标题)."""
    if isinstance(raw, dict):
        return str(raw.get("标题") or "").strip(), _full_stop(str(raw.get("内容") or ""))
    text = str(raw).strip()
    m = _HEAD_RE.match(text)
    if m:
        return m[1].strip(), _full_stop(m[2])
    return "", _full_stop(text)


class Selector:
    def __init__(self, library: Library, facts: Facts, *, seed: int | None = None, target: int | None = None,
                 reg: Registry | None = None) -> None:
        self.library = library
        self.facts = facts
        self.reg = reg or registry()
        self.kind: Kind = self.reg.kinds[facts.kind]
        self.voice = self.kind.voice
        self.unit_type = self.reg.unit_type(facts.get("单位.类型"))
        self.year = facts.year
        self.seed = stable_seed(facts) if seed is None else seed
        self.excluded = set(facts.get("不用") or [])
        self.pinned = [p for p in facts.get("选用") or [] if isinstance(p, str)]
        self.practices = set(facts.get("做法") or [])
        self.used: set[str] = set()
        self.covered: set[str] = set()
        self.main_topics: set[str] = set()
        self.diagnostics: list[Diagnostic] = []
        given_target = facts.get("字数")
        self.target: int | None = target if target is not None else (given_target or None)

    # -- eligibility and ranking ------------------------------------------------------------

    def fits(self, voice: Sequence[str], units: Sequence[str], years: Years, kinds: Sequence[str] = ()) -> bool:
        # without a 年度, only wording that is not tied to particular years (no 主题教育 of 2023…)
        in_year = self.year in years if self.year is not None else years.last is None
        return (self.voice in voice and ("通用" in units or self.unit_type.name in units) and in_year
                and (not kinds or self.kind.name in kinds))

    def eligible(self, fragment: Fragment) -> bool:
        return (
            fragment.id not in self.excluded
            and fragment.id not in self.used
            and self.fits(fragment.voice, fragment.unit_types, fragment.years, fragment.kinds)
            and all(c in self.practices for c in fragment.claims)
        )

    def _rng(self, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{what}")

    def _key(self, f: Fragment) -> tuple[int, ...]:
        """Sort key, smallest best: written for this kind; all its numbers given; bringing a number the
        draft lacks; written for this unit type; repeating no number already in the draft; tied to this
        year; most new facts."""
        given = [n for n in f.needs if self.facts.has(n)]
        missing = len(f.needs) - len(given)
        new = sum(1 for n in given if n in NUMBER_FACTS and n not in self.covered)
        repeated = sum(1 for n in given if n in NUMBER_FACTS and n in self.covered)
        for_kind = 0 if f.kinds else 1
        specific = 0 if (self.unit_type.name != "通用" and self.unit_type.name in f.unit_types) else 1
        of_the_year = 0 if (self.year is not None and f.years.last is not None) else 1
        return (for_kind, min(missing, 1), -new, specific, min(repeated, 1), of_the_year, missing)

    def rank(self, candidates: Iterable[Fragment], what: str) -> list[Fragment]:
        """Candidates best first; ties keep a shuffle seeded by the run's seed and ``what``."""
        order = list(candidates)
        self._rng(what).shuffle(order)
        return sorted(order, key=self._key)  # sorted is stable

    def best(self, role: str, topic: str) -> Fragment | None:
        pinned = [f for f in self._pinned(role) if f.topic_key == topic]
        if pinned:
            return pinned[0]
        pool = [f for f in self.library.fragments(role) if f.topic_key == topic and self.eligible(f)]
        ranked = self.rank(pool, f"{role}:{topic}")
        return ranked[0] if ranked else None

    def _tagged(self, role: str, tag: str) -> Fragment | None:
        pool = [f for f in self.library.fragments(role) if tag in f.tags and self.eligible(f)]
        ranked = self.rank(pool, f"{role}:{tag}")
        return ranked[0] if ranked else None

    def _pinned(self, role: str) -> list[Fragment]:
        by_id = self.library.by_id()
        return [by_id[p] for p in self.pinned if p in by_id and by_id[p].role == role and p not in self.used]

    def take(self, frag: Fragment, topic: str | None = None) -> Item:
        self.used.add(frag.id)
        self.covered.update(n for n in frag.needs if self.facts.has(n))
        variant = self._rng(frag.id).randrange(len(frag.texts))
        return Item(frag.lead, "", frag, variant, topic if topic is not None else frag.topic_key)

    def estimate(self, frag: Fragment) -> int:
        """Characters the fragment will take in the draft (一是 + lead + 。 + text with facts filled in)."""

        def fill(m: re.Match[str]) -> str:
            value = self.facts.get(m[1].strip())
            return str(value) if value is not None else "【待补充：" + m[1].rsplit(".", 1)[-1] + "】"

        return 3 + len(frag.lead) + len(_VAR_RE.sub(fill, frag.text))

    def _missing(self, frag: Fragment | None) -> int:
        """1 when the fragment would show a 【待补充】 marker (or there is none)."""
        return 1 if frag is None or any(not self.facts.has(n) for n in frag.needs) else 0

    def _brings(self, frag: Fragment | None) -> bool:
        """It uses a number the user gave that the draft does not show yet."""
        return frag is not None and any(self.facts.has(n) and n in NUMBER_FACTS and n not in self.covered
                                        for n in frag.needs)

    # -- frames: opening, closing, headings, intros -------------------------------------------

    def _pick_variant(self, options: Sequence[Variant], what: str) -> Variant | None:
        fitting = [v for v in options if self.fits(v.voice, v.unit_types, v.years, v.kinds)]
        specific = [v for v in fitting if v.kinds or self.unit_type.name in v.unit_types]
        pool = specific if len(specific) >= 2 else fitting
        return self._rng(what).choice(pool) if pool else None

    def _frame(self, role: str) -> Fragment | None:
        pool = [f for f in self.library.fragments(role) if self.eligible(f)]
        pinned = self._pinned(role)
        if pinned:
            self.used.add(pinned[0].id)
            return pinned[0]
        for_kind = [f for f in pool if f.kinds]
        pool = for_kind or pool
        if not pool:
            return None
        # prefer the year's and the type's own wording half of the time, so siblings still vary
        special = [f for f in pool if f.years.last is not None or self.unit_type.name in f.unit_types]
        rng = self._rng(role)
        chosen = rng.choice(special if special and rng.random() < 0.5 else pool)
        self.used.add(chosen.id)
        return chosen

    def _family(self) -> Family | None:
        fitting = [f for f in self.library.families if self.fits(f.voice, f.unit_types, f.years, f.kinds)]
        return self._rng("family").choice(fitting) if fitting else None

    def _section(self, role: str, family: Family | None) -> SectionPlan:
        heading: Variant | None = None
        if family is not None and role in family.headings:
            heading = Variant(family.headings[role])
        elif role in self.library.roles:
            heading = self._pick_variant(self.library.roles[role].headings, f"{role}:heading")
        return SectionPlan(role, heading, self._pick_variant(self.library.intros(role), f"{role}:intro"))

    # -- 主要工作 ------------------------------------------------------------------------------

    def _user_items(self, role: str) -> list[Item]:
        key = "业务融合" if role == "业务融合" else f"{role}.亮点"
        raws = self.facts.get(key) if role == "业务融合" else self.facts.get(key)
        items: list[Item] = []
        for raw in raws or []:
            lead, text = split_user_text(raw)
            topic = self.reg.classify(role, text, lead) or ""
            items.append(Item(lead, text, topic=topic))
        return items

    def _dress(self, item: Item, role: str, taken: set[str]) -> None:
        """A bare user line gets a lead from its topic, or one of the role's general leads not yet used in
        the section (and, in 业务融合, a clause tying it to 党建)."""
        rng = self._rng(f"lead:{item.text}")
        if role == "业务融合":
            joins = [j for j in FUSION_JOINS if j not in taken]
            item.join = rng.choice(joins or list(FUSION_JOINS))
            taken.add(item.join)
        if item.lead:
            return
        leads = [f.lead for f in self.library.fragments(role) if f.topic_key == item.topic and f.lead
                 and self.fits(f.voice, f.unit_types, f.years, f.kinds) and "{{" not in f.lead]
        general = list(DEFAULT_LEADS.get(role, ()))
        rng.shuffle(general)
        options = [x for x in (*leads, *general) if x not in taken]
        item.lead_source = options[0] if options else ""
        taken.add(item.lead_source)

    def main_section(self, spec: SectionSpec, family: Family | None, budget: int | None) -> SectionPlan:
        role = spec.role
        section = self._section(role, family)
        type_topics = tuple(t for t in self.unit_type.outline.get(role, ()) if t not in spec.required)
        required = (*spec.required, *type_topics)
        order = [*required, *(t for t in spec.optional if t not in required)]
        user = self._user_items(role)
        slots: dict[str, Item] = {}
        extra: list[Item] = []
        for frag in self._pinned(role):  # 选用: first, whatever their topic
            if frag.topic_key not in slots and frag.topic_key not in self.main_topics:
                slots[frag.topic_key] = self.take(frag)
        order = [*slots, *(t for t in order if t not in slots)]
        for item in user:  # the user's own line replaces the tool's item of its topic
            if role == "业务融合":  # achievements: the type's own item stays, the user's lines follow it
                item.topic = ""
            if item.topic and item.topic in order and item.topic not in slots and item.topic not in self.main_topics:
                slots[item.topic] = item
            else:
                extra.append(item)
        for topic in required:
            if topic in slots or topic in self.main_topics:
                continue
            frag = self.best(role, topic)
            if frag is not None:
                slots[topic] = self.take(frag)
        count = max(spec.count, len(slots) + len(extra)) if budget is None else 0
        used_chars = sum(self.estimate(i.fragment) if i.fragment else len(i.text) + 8 for i in slots.values())
        optional = [t for t in spec.optional if t not in slots and t not in self.main_topics]
        self._rng(f"{role}:optional").shuffle(optional)
        bests = {t: self.best(role, t) for t in optional}
        optional.sort(key=lambda t: (0 if self._brings(bests[t]) else 1, self._missing(bests[t])))
        extras_left = MAX_EXTRA
        for topic in optional:
            frag = self.best(role, topic)  # again: an earlier pick may have covered its facts
            if frag is None:
                continue
            room = (len(slots) + len(extra) < count) if budget is None else used_chars < budget
            if not room:
                if extras_left <= 0 or not self._brings(frag):
                    continue
                extras_left -= 1
            slots[topic] = self.take(frag)
            used_chars += self.estimate(frag)
        # fragments without a topic (a user's own library may have none) fill what the outline left
        fillers = [f for f in self.library.fragments(role) if not f.topic and self.eligible(f)]
        while fillers:
            room = (len(slots) + len(extra) < count) if budget is None else used_chars < budget
            best = self.rank(fillers, f"{role}:{len(slots)}")[0]
            fillers.remove(best)
            if not room and not (extras_left > 0 and self._brings(best)):
                if not room and not any(self._brings(f) for f in fillers):
                    break
                continue
            if not room:
                extras_left -= 1
            slots[best.topic_key] = self.take(best)
            order.append(best.topic_key)
            used_chars += self.estimate(best)
        taken = {i.fragment.lead for i in slots.values() if i.fragment}
        for item in (*slots.values(), *extra):
            if item.is_user:
                self._dress(item, role, taken)
        section.items = [slots[t] for t in order if t in slots] + extra
        self.main_topics.update(slots)
        return section

    # -- 上年度问题整改 ------------------------------------------------------------------------

    def rectify_section(self, family: Family | None) -> SectionPlan | None:
        group = self.facts.get(RECTIFY)
        if not isinstance(group, dict) or not any(v not in (None, "", []) for v in group.values()):
            return None
        section = self._section(RECTIFY, family)
        for tag, needed in (("来源", f"{RECTIFY}.来源"), ("数量", f"{RECTIFY}.反馈问题数")):
            frag = self._tagged(RECTIFY, tag) if self.facts.has(needed) else None
            if frag is not None:
                section.lead_in.append(frag)
                self.take(frag)
        closing = self._tagged(RECTIFY, "收尾")
        if closing is not None:
            section.tail.append(closing)
            self.take(closing)
        for raw in group.get("问题") or []:
            if isinstance(raw, dict):
                done = raw.get("状态")
                state = {"已整改": "目前已整改到位。", "整改中": "目前正在持续推进整改。"}.get(str(done), "")
                how = _full_stop(str(raw.get("整改情况") or "")) if raw.get("整改情况") else ""
                item = Item(_full_stop(str(raw.get("问题") or "")).rstrip("。"), how + state, topic="整改")
                if not how:
                    item.marker = "整改措施和成效"
                section.items.append(item)
            else:
                section.items.append(Item("", _full_stop(str(raw)), topic="整改"))
        return section

    # -- 存在问题、原因、下一步 ----------------------------------------------------------------

    def _listed(self, role: str, key: str) -> tuple[list[Item], list[Fragment]]:
        """The user's list under ``key``: fragment ids become fragments, anything else the user's words."""
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
                continue
            if isinstance(raw, str) and _looks_like_id(raw):
                self.diagnostics.append(Diagnostic(
                    "warning", f"找不到片段 {raw}，已按普通文字写入", self.facts.location(f"{key}[{i}]"),
                    "用 drafter fragments list 查看可用的片段编号",
                ))
            lead, text = split_user_text(raw)
            items.append(Item(lead, text, topic=self.reg.classify(role, text, lead) or ""))
        return items, frags

    def _contradicts(self, topic: str) -> bool:
        """A problem topic the user reports as a highlight (its specific words appear in a 亮点)."""
        spec = self.reg.topic(PROBLEMS, topic)
        if spec is None:
            return False
        highlights = "".join(str(h) for r in self.kind.main_roles for h in self.facts.get(f"{r}.亮点") or [])
        return any(len(k) >= 3 and k in highlights for k in spec.keywords)

    def _expand(self, item: Item) -> None:
        """A short phrase of the user's becomes a titled problem with a 表现 paragraph of its topic."""
        if item.lead or len(item.text) >= SHORT_PHRASE:
            return
        item.lead, item.text = item.text.rstrip("。"), ""
        detail = self.best(PROBLEMS, item.topic) if item.topic else None
        if detail is None:
            item.marker = "具体表现"
            return
        self.used.add(detail.id)
        item.detail = detail
        item.variant = self._rng(detail.id).randrange(len(detail.texts))

    def problems_section(self, spec: SectionSpec, family: Family | None, budget: int | None) -> SectionPlan:
        section = self._section(PROBLEMS, family)
        own, frags = self._listed(PROBLEMS, PROBLEMS)
        for item in own:
            self._expand(item)
        chosen = [self.take(f) for f in frags] + own
        wanted = int(self.facts.get("存在问题数") or spec.count or DEFAULT_PROBLEMS)
        taken = {i.topic for i in chosen if i.topic}
        topics = [t for t in self.reg.topics.get(PROBLEMS, {}) if t not in taken and not self._contradicts(t)]
        bests = {t: self.best(PROBLEMS, t) for t in topics}
        ranked = self.rank([f for f in bests.values() if f is not None], PROBLEMS)
        used_chars = sum(self.estimate(i.fragment or i.detail) if (i.fragment or i.detail) else len(i.text)
                         for i in chosen)
        for frag in ranked:
            room = len(chosen) < wanted if budget is None else (used_chars < budget or len(chosen) < 2)
            if not room:
                break
            chosen.append(self.take(frag))
            used_chars += self.estimate(frag)
        section.items = chosen
        return section

    def causes_section(self, spec: SectionSpec, problems: SectionPlan, family: Family | None) -> SectionPlan:
        section = self._section(CAUSES, family)
        own, frags = self._listed(CAUSES, CAUSES)
        items = [self.take(f) for f in frags] + own
        votes: dict[str, int] = {}
        for p in problems.items:
            topic = self.reg.topic(PROBLEMS, p.topic)
            for rank, cause in enumerate(topic.causes if topic else ()):
                votes[cause] = votes.get(cause, 0) + (2 - min(rank, 1))
        order = sorted(votes, key=lambda c: -votes[c])
        order += [c for c in self.reg.topics.get(CAUSES, {}) if c not in order]
        wanted = max(2, min(4, spec.count or 3, len(votes) or 2))
        taken = {i.topic for i in items}
        for cause in order:
            if len(items) >= wanted:
                break
            if cause in taken:
                continue
            frag = self.best(CAUSES, cause)
            if frag is not None:
                items.append(self.take(frag))
        section.items = items
        return section

    def measures_section(self, problems: SectionPlan, causes: SectionPlan, family: Family | None) -> SectionPlan:
        section = self._section(MEASURES, family)
        own, frags = self._listed(MEASURES, MEASURES)
        listed = [self.take(f) for f in frags] + own
        needed: list[str] = [p.topic for p in problems.items if p.topic]
        for c in causes.items:
            topic = self.reg.topic(CAUSES, c.topic)
            if topic is not None and topic.measure:
                needed.append(topic.measure)
        answered = {i.topic for i in listed if i.topic}
        tool: list[Item] = []
        by_id = self.library.by_id()
        for p in problems.items:  # fragments without a topic name their answers (pairs)
            if p.fragment is None or p.fragment.topic or p.topic in answered:
                continue
            answer = next((by_id[t] for t in p.fragment.pairs if t in by_id and (t in self.pinned or
                           self.eligible(by_id[t]))), None)
            if answer is not None and answer.id not in self.used:
                tool.append(self.take(answer, p.topic))
                answered.add(p.topic)
            elif any(t in {i.fragment.id for i in listed if i.fragment} for t in p.fragment.pairs):
                answered.add(p.topic)
        for topic in dict.fromkeys(needed):
            if topic in answered:
                continue
            frag = self.best(MEASURES, topic)
            if frag is not None:
                tool.append(self.take(frag))
                answered.add(topic)
        if len(tool) + len(listed) < DEFAULT_PROBLEMS:
            pool = [f for f in self.library.fragments(MEASURES) if self.eligible(f) and f.topic_key not in answered]
            for frag in self.rank(pool, MEASURES)[: DEFAULT_PROBLEMS - len(tool) - len(listed)]:
                tool.append(self.take(frag))
        section.items = tool + listed
        return section

    def _check_pairs(self, problems: SectionPlan, measures: SectionPlan) -> None:
        """Every problem should have a measure of its topic; the user's own unmatched ones by count."""
        answered = {i.topic for i in measures.items if i.topic}
        own_measures = sum(1 for i in measures.items if i.is_user and not i.topic)
        loose = 0
        for item in problems.items:
            if item.topic and item.topic in answered:
                continue
            if not item.topic and item.is_user:
                loose += 1
                if loose <= own_measures:
                    continue
            name = (item.lead or item.text)[:20] if item.is_user else f"{item.fragment.lead}（{item.fragment.id}）" \
                if item.fragment else item.lead
            self.diagnostics.append(Diagnostic(
                "warning", f"存在问题“{name}”没有对应的下一步措施", self.facts.location(PROBLEMS),
                "在“下一步”里写一条同一方面的措施（自己的话，或 drafter fragments list --role 下一步 里的编号）",
                code="unpaired",
            ))

    # -- the plan ---------------------------------------------------------------------------

    def budgets(self) -> dict[str, int]:
        """Characters per section for a target 字数, by the kind's shares (主要工作 split over its parts)."""
        assert self.target is not None
        shares = self.kind.shares
        main = self.kind.main_roles
        user_fusion = sum(len(str(x)) + 12 for x in self.facts.get("业务融合") or [])
        per_main = max(0, round(self.target * shares.get("主要工作", 0.6)) - user_fusion) // max(1, len(main))
        out = {r: per_main for r in main}
        out[PROBLEMS] = round(self.target * shares.get(PROBLEMS, 0.15))
        out[MEASURES] = round(self.target * shares.get(MEASURES, 0.2))
        return out

    def plan(self) -> Plan:
        plan = Plan(kind=self.kind.name, voice=self.voice, seed=self.seed, unit_type=self.unit_type.name,
                    main_roles=self.kind.main_roles)
        self._check_ids()
        if self.target:
            plan.budgets = self.budgets()
        plan.family = self._family()
        problems = causes = None
        for spec in self.kind.sections:
            role = spec.role
            if role == OPENING:
                plan.opening = self._frame(OPENING)
            elif role == CLOSING:
                plan.closing = self._frame(CLOSING)
            elif spec.main:
                if role == "业务融合" and not self._fusion_wanted():
                    continue
                plan.sections[role] = self.main_section(spec, plan.family, plan.budgets.get(role))
            elif role == RECTIFY:
                rectify = self.rectify_section(plan.family)
                if rectify is not None:
                    plan.sections[role] = rectify
            elif role == PROBLEMS:
                problems = plan.sections[role] = self.problems_section(spec, plan.family, plan.budgets.get(role))
            elif role == CAUSES and problems is not None:
                causes = plan.sections[role] = self.causes_section(spec, problems, plan.family)
            elif role == MEASURES and problems is not None:
                measures = self.measures_section(problems, causes or SectionPlan(CAUSES), plan.family)
                plan.sections[role] = measures
                self._check_pairs(problems, measures)
        self._carry_numbers(plan)
        self._ensure_wording(plan)
        plan.diagnostics = [*self.library.notices, *self.diagnostics]
        return plan

    def _carry_numbers(self, plan: Plan) -> None:
        """Every number the user gave reaches the draft: a fragment carrying a missing one is added under its
        (unused) topic, or replaces the item of its topic when the numbers that item carried still reach the
        draft (they are in the replacement, or another unused topic takes them)."""
        main = [r for r in plan.main_roles if r in plan.sections]
        for path in sorted(NUMBER_FACTS):
            if self.facts.has(path) and path not in self.covered:
                self._carry(plan, main, path) or self._swap(plan, main, path)

    def _carriers(self, main: list[str], path: str) -> list[Fragment]:
        pool = [f for r in main for f in self.library.fragments(r) if path in f.needs and self.eligible(f)]
        return self.rank(pool, f"carry:{path}")

    def _carry(self, plan: Plan, main: list[str], path: str) -> bool:
        """Add a fragment carrying ``path`` under a topic the draft does not have yet."""
        for frag in self._carriers(main, path):
            section = plan.sections[frag.role]
            if frag.topic_key in self.main_topics or any(it.topic == frag.topic_key for it in section.items):
                continue
            users = [i for i, it in enumerate(section.items) if it.is_user and not it.topic]
            section.items.insert(users[0] if users else len(section.items), self.take(frag))
            self.main_topics.add(frag.topic_key)
            return True
        return False

    def _numbers(self, frag: Fragment) -> set[str]:
        return {n for n in frag.needs if n in NUMBER_FACTS and self.facts.has(n)}

    def _swap(self, plan: Plan, main: list[str], path: str) -> bool:
        """Replace the item of a carrier's topic, when what that item carried can still be carried."""
        for frag in self._carriers(main, path):
            section = plan.sections[frag.role]
            at = next((i for i, it in enumerate(section.items) if it.topic == frag.topic_key), None)
            current = section.items[at].fragment if at is not None else None
            if current is None or at is None:
                continue
            saved = (list(section.items), set(self.used), set(self.covered), set(self.main_topics))
            self.used.discard(current.id)
            self.covered -= self._numbers(current)
            self.covered |= {n for sec in plan.sections.values() for it in sec.items if it.fragment
                             and it.fragment is not current for n in self._numbers(it.fragment)}
            section.items[at] = self.take(frag)
            lost = self._numbers(current) - self.covered
            if all(self._carry(plan, main, n) for n in sorted(lost)):
                return True
            section.items[:], self.used, self.covered, self.main_topics = saved
        return False

    def _covers(self, source: str, phrase: str) -> bool:
        """Whether a fragment's Jinja text will print ``phrase`` (directly or through a 提法 name)."""
        year = self.reg.year(self.year)
        return (phrase in source
                or (phrase in year.plenum_phrase and "提法.全会" in source)
                or (phrase in year.latest_plenum and "提法.最新全会" in source)
                or (bool(year.campaign) and phrase in year.campaign and "提法.学习教育" in source))

    def _chosen_sources(self, plan: Plan) -> list[str]:
        out = [f.texts[0] if len(f.texts) == 1 else "".join(f.texts) for f in plan.fragments]
        out = [plan.opening.texts[0]] if plan.opening else []
        for section in plan.sections.values():
            out += [v.text for v in (section.heading, section.intro) if v]
            out += [i.fragment.lead + i.fragment.texts[i.variant % len(i.fragment.texts)]
                    for i in section.items if i.fragment]
        out += [plan.closing.texts[0]] if plan.closing else []
        return out

    def _ensure_wording(self, plan: Plan) -> None:
        """The year's 提法 must be in the draft: when the chosen text lacks one, the 思想建设 intro, then the
        opening, is swapped for a fitting one that carries it."""
        for phrase in self.reg.year(self.year).required:
            if any(self._covers(s, phrase) for s in self._chosen_sources(plan)):
                continue
            first = next((r for r in plan.main_roles if r in plan.sections), None)
            if first is not None:
                options = [v for v in self.library.intros(first) if self._covers(v.text, phrase)
                           and self.fits(v.voice, v.unit_types, v.years, v.kinds)]
                if options:
                    plan.sections[first].intro = self._rng(f"wording:{phrase}").choice(options)
                    continue
            openings = [f for f in self.library.fragments(OPENING) if self.eligible(f) or f is plan.opening]
            openings = [f for f in openings if all(self._covers(t, phrase) for t in f.texts)]
            if openings:
                plan.opening = self._rng(f"wording:{phrase}").choice(openings)
                continue
            self.diagnostics.append(Diagnostic(
                "warning", f"稿子里没有{self.year}年的提法“{phrase}”", self.facts.location("年度"),
                "在片段库里加一段写到它的开头或引语，或在“选用”里选一个写到它的片段", code="wording",
            ))

    def _fusion_wanted(self) -> bool:
        """业务融合 is written when the user gave lines for it, or the library has this type's own field."""
        if self.facts.has("业务融合"):
            return True
        return any(self.eligible(f) for f in self.library.fragments("业务融合") if f.topic_key == "引领中心工作")

    def _check_ids(self) -> None:
        by_id = self.library.by_id()
        for key in ("选用", "不用"):
            for i, fid in enumerate(self.facts.get(key) or []):
                if fid not in by_id:
                    self.diagnostics.append(Diagnostic(
                        "warning", f"找不到片段 {fid}", self.facts.location(f"{key}[{i}]"),
                        "用 drafter fragments list 查看可用的片段编号",
                    ))
                    continue
                frag = by_id[fid]
                if key == "选用" and self.year is not None and self.year not in frag.years:
                    self.diagnostics.append(Diagnostic(
                        "warning", f"选用的片段 {fid} 的提法适用于 {frag.years} 年，与年度 {self.year} 不符",
                        self.facts.location("选用"), "换一个片段，或确认这一提法仍然适用",
                    ))


def select(library: Library, facts: Facts, *, seed: int | None = None, target: int | None = None,
           reg: Registry | None = None) -> Plan:
    return Selector(library, facts, seed=seed, target=target, reg=reg).plan()


def missing_needs(plan: Plan, facts: Facts) -> list[tuple[str, Fragment]]:
    """Facts the chosen fragments need but the file lacks: (fact path, fragment)."""
    out: list[tuple[str, Fragment]] = []
    for frag in plan.fragments:
        out.extend((need, frag) for need in frag.needs if not facts.has(need))
    return out


def missing_location(facts: Facts, path: str) -> Location:
    group = path.split(".")[0]
    return Location(facts.path, facts.lines.get(path) or facts.lines.get(group), key=path)
