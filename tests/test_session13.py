"""Thirteenth session: a problem or cause says one thing in all its wordings, so it is out wherever any wording
denies what the draft claims before it (at 063ea19 a third of the printed problems and causes escaped a
sibling wording's denial only by their words)."""

from __future__ import annotations

from typing import Any

from test_contradictions import SEEDS, TEN_SAMPLES, _before, facts_of

from drafter.claims import says_any
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import PROBLEMS

REG = registry()
PAIRS = REG.topics["前后矛盾"]


def _chosen(plan: Any) -> list[Any]:
    """The fragments the tool chose for problems and causes (or expanded a user's line with)."""
    out = []
    for role in (PROBLEMS, "原因"):
        for item in plan.sections[role].items:
            for it in (item, *item.merged):
                frag = it.fragment or it.detail
                if frag is not None:
                    out.append(frag)
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
