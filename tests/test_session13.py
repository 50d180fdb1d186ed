"""Thirteenth session: a general problem or cause says one thing in all its wordings, so it is out wherever any
wording denies what the draft claims before it (at 063ea19 a third of the printed problems and causes escaped a
sibling wording's denial only by their words); and what rounds 41–44 found besides."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT
from test_contradictions import SEEDS, TEN_SAMPLES, _before, facts_of

from drafter.claims import says_any
from drafter.facts import facts_from_text
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import PROBLEMS

REG = registry()
PAIRS = REG.topics["前后矛盾"]


def _chosen(plan: Any) -> list[Any]:
    """The general fragments the tool chose as problems and causes (a type's own fragment, and a 表现 under
    the user's own line, are printed in a wording denying nothing and are out only when every wording denies:
    test_contradictions checks the printed wordings)."""
    out = []
    for role in (PROBLEMS, "原因"):
        for item in plan.sections[role].items:
            for it in (item, *item.merged):
                if it.fragment is not None and "通用" in it.fragment.unit_types:
                    out.append(it.fragment)
    return out


def test_no_wording_of_a_chosen_problem_or_cause_denies_the_work() -> None:
    """Across the ten samples and eight seeds, no wording of a chosen problem or cause — printed or not —
    voices a 前后矛盾 denial of a claim made before the self-criticism: “安排外出培训和经验交流的机会偏少” is
    one wording of a fragment whose sibling says “党务干部培训不够”, and reads as false in a hospital reporting
    its 党务干部培训 whichever wording is printed."""
    found = []
    for sample in TEN_SAMPLES:
        for seed in SEEDS:
            plan = draft(facts_of(sample), Options(seed=seed)).plan
            claimed = {name for name, p in PAIRS.items() if says_any(p.keywords, _before(plan))}
            for frag in _chosen(plan):
                denied = {
                    name
                    for name in claimed
                    if any(says_any(PAIRS[name].denials, frag.lead + t) for t in frag.texts)
                }
                found += [(sample, seed, frag.id, sorted(denied))] if denied else []
    assert not found


def test_the_stricter_rule_leaves_every_draft_its_problems() -> None:
    """Dropping a fragment for any denying wording does not starve a draft: every sample at every seed still
    prints at least two problems (the 存在问题 part of a 述职 and a 总结 holds two to four)."""
    short = []
    for sample in TEN_SAMPLES:
        for seed in SEEDS:
            plan = draft(facts_of(sample), Options(seed=seed)).plan
            if len(plan.sections[PROBLEMS].items) < 2:
                short.append((sample, seed, len(plan.sections[PROBLEMS].items)))
    assert not short


def _fusion_text(sample: str, result: str) -> str:
    """The 科技公司 sample's draft text with its 业务融合 result (the one with a 党组织做法) replaced."""
    data = yaml.safe_load(Path(ROOT, "samples", f"{sample}.yaml").read_text(encoding="utf-8"))
    for entry in data["业务融合"]:
        if isinstance(entry, dict) and entry.get("党组织做法"):
            entry["成效"] = result
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return str(draft(facts, Options()).document.text).replace("\n", "")


def test_a_result_after_the_party_organisations_part_is_linked_to_it() -> None:
    """Round 41: “……帮着协调人手。客户项目按期交付率提高到98%。” read as pasted. Between the user's 党组织做法
    and its result the planner puts one of 措辞.yaml's 做法成效衔接 wordings; a result that already says how
    it came about (“通过……”) or names the Party's part gets none."""
    links = REG.words("做法成效衔接", "两新组织")
    text = _fusion_text("某科技公司党支部", "客户项目按期交付率提高到98%")
    assert any(f"帮着协调人手。{link}客户项目按期交付率" in text for link in links), text
    text = _fusion_text("某科技公司党支部", "通过这次攻关，客户项目按期交付率提高到98%")
    assert "帮着协调人手。通过这次攻关，客户项目按期交付率" in text


def test_other_headings_name_known_fragments_and_differ() -> None:
    """措辞.yaml 小标题另说: each key is a fragment of the library with a heading, each wording another one."""
    from drafter.library import load_library

    by_id = load_library().by_id()
    table = REG.wordings["小标题另说"]
    assert len(table) >= 40
    for fid, others in table.items():
        assert fid in by_id and by_id[fid].lead, fid
        assert by_id[fid].lead not in others and len(set(others)) == len(others), fid


def test_units_drawing_one_fragment_print_its_headings_in_turn() -> None:
    """Round 41: “对从严治党长期性认识不足” headed a cause in a street's and a hospital's 述职. Units drawing a
    fragment that has other headings print them in turn (the lead or one of 小标题另说), each draft its heading
    only once."""
    from test_contradictions import drafted_named

    table = REG.wordings["小标题另说"]
    headings: dict[str, set[str]] = {}
    for n, sample in enumerate(TEN_SAMPLES):
        for city in ("岳阳", "常德", "郴州", "怀化"):
            plan = drafted_named(sample, f"{city}市第{n}单位", None, None).plan
            printed = []
            for role in (PROBLEMS, "原因", "下一步"):
                for item in plan.sections[role].items:
                    if item.fragment is not None and item.fragment.id in table:
                        shown = item.heading or item.fragment.lead
                        assert shown in (item.fragment.lead, *table[item.fragment.id])
                        headings.setdefault(item.fragment.id, set()).add(shown)
                        printed.append(shown)
            assert len(printed) == len(set(printed))
    drawn_often = [fid for fid, seen in headings.items() if len(seen) > 1]
    # 10 or more until the sixteenth session; 7 once the causes followed the problems (fewer fragments are drawn
    # by several of these forty units: the check still reads several); 4 in the seventeenth, once each problem's
    # own 思想认识 root took the place of the general causes these units shared; 3 in the nineteenth, once
    # 国企, 学校, 高校, 教育系统, 机关, 医院, 街道 and 社区 had causes of their own in every layer
    assert len(drawn_often) >= 3, headings


CITIES = ("岳阳", "常德", "益阳", "娄底", "邵阳", "衡阳", "郴州", "永州", "怀化", "湘潭", "株洲", "吉首")


def test_units_of_different_types_rarely_share_a_heading_family() -> None:
    """Round 44 read a 发改委's and a school's four headings word for word (“理论学习有温度有深度……”). The
    general families are spread over the unit types (FAMILY_POOL each, own ones included): in twelve batches
    of the ten samples (each unit under a city's name), pairs of units sharing a family stay under one in
    fifty (at c7d012c: 17 of 540, one in thirty; now 10)."""
    from test_contradictions import drafted_named

    shared = total = 0
    for city in CITIES:
        names = [
            drafted_named(sample, f"{city}市{sample[:4]}", None, None).plan.family for sample in TEN_SAMPLES
        ]
        picked = [f.name if f else "" for f in names]
        total += len(picked) * (len(picked) - 1) // 2
        shared += sum(1 for i, a in enumerate(picked) for b in picked[i + 1 :] if a == b)
    assert shared / total < 1 / 50, (shared, total)
