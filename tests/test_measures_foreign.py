"""One rule for a foreign measure (one whose words this draft avoids): its heading uses an avoided word, or every
wording does.  It holds wherever measures are weighed (a problem's or a cause's pairs, a problem's topic, a
cause's answers, the top-up), and a measure is always printed in a wording without an avoided word.

Before the rule was one, a problem's pairs took the least foreign target even when every wording carried the
word (a village's 支委 in a secretary's 述职, 各支部 in a village's summary), and a measure whose later wording said
我们 (avoided in a unit's summary) was printed in that wording when its first one said a clause of 主要工作 again.
"""

from __future__ import annotations

import dataclasses

import pytest
from test_outline import facts_for

from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import MEASURES, Selector, _count_avoided

LIB = load_library()
REG = registry()


def _selector(kind: str, utype: str) -> Selector:
    return Selector(LIB, facts_for(kind, utype, 2024), seed=0, reg=REG)


def test_a_measure_is_foreign_only_when_it_cannot_be_printed_without_an_avoided_word() -> None:
    """A 机关's summary avoids 我们: the measure on 理论学习 xb-gen-study-u1, given a second wording saying it
    (the library's own said 我们将 until session 14), still has one without it (not foreign); a village's
    summary avoids 各支部, which the one wording of xb-frame-study-u says (foreign)."""
    office = _selector("党建工作总结", "机关")
    by_id = LIB.by_id()
    plain = by_id["xb-gen-study-u1"]
    grid = dataclasses.replace(plain, variants=("我们将" + plain.text, *plain.variants))
    assert any(office._foreign_words(t) for t in grid.texts)  # a wording says 我们
    assert not all(office._foreign_words(t) for t in grid.texts)
    assert not office._foreign_frag(grid)
    village = _selector("党建工作总结", "村")
    study = by_id["xb-frame-study-u"]
    assert village._foreign_frag(study)
    # every check of a measure says the same
    assert not village._measure_ok(study)
    assert village._pair_target(study.id) is None
    assert village._usable_pair(study.id) is None
    assert study not in village._measure_pool([study])
    assert study not in village._native_first([study])


@pytest.mark.parametrize(
    ("kind", "utype"), [("书记述职", "村"), ("党建工作总结", "机关"), ("党建工作总结", "村")]
)
def test_no_measure_prints_a_word_the_draft_avoids(kind: str, utype: str) -> None:
    """The drafts that printed one (13 measures of 180 bench drafts: 支委, 我们, 各支部) print none."""
    for year in (2023, 2024, 2025):
        for seed in (0, 1):
            facts = facts_for(kind, utype, year)
            selector = Selector(LIB, facts, seed=seed, reg=REG)
            plan = draft(facts, Options(seed=seed)).plan
            for item in plan.sections[MEASURES].items:
                frag = item.fragment
                if frag is None:
                    continue
                said = frag.lead + frag.texts[item.variant % len(frag.texts)]
                found = _count_avoided(said, selector.avoided, selector.longer_words)
                assert not found, (year, seed, frag.id)
