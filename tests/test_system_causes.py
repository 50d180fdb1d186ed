"""The systematic read of the 原因 wordings drafts print most (session 12): each 系因- pair of 主题.yaml 前后矛盾
joins a practice a cause says was done badly to the main-part wordings that claim it done, and no sample's
draft prints such a cause under such a claim."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from test_contradictions import LIB, REG, _said_before, _tool_self_criticism, facts_of

from drafter.claims import says
from drafter.pipeline import Options, draft

PREFIX = "系因-"
PAIRS = {name: pair for name, pair in REG.topics["前后矛盾"].items() if name.startswith(PREFIX)}
MAIN_ROLES = ("思想建设", "组织建设", "党风廉政", "业务融合", "上年度问题整改", "开头")
SAMPLES = sorted(p.stem for p in Path(ROOT, "samples").glob("*.yaml"))
SEEDS = range(1, 9)
MOST_CAUSES = 6  # a denial said by more 原因/存在问题 wordings than this is too broad to name one practice
# a bare word names no practice (“学习”, “走访”): each keyword is a phrase (“读原著” is the shortest)
SHORTEST = 3


def _main_wordings() -> list[str]:
    """Every wording a draft may print before its self-criticism: the main parts' fragments and their
    headings (an item's heading claims too: “统筹辖区党建工作全局”), the opening and 上年度问题整改, the parts'
    intros and the heading families."""
    texts = [t for role in MAIN_ROLES for f in LIB.fragments(role) for t in (f.lead, *f.texts)]
    texts += [v.text for role in MAIN_ROLES for v in LIB.intros(role)]
    texts += [h for family in LIB.families for h in family.headings.values()]
    return texts


MAIN = _main_wordings()
CAUSES = [t for f in LIB.fragments("原因") for t in f.texts]
PROBLEMS = [t for f in LIB.fragments("存在问题") for t in f.texts]


def test_the_block_is_there() -> None:
    """The read encoded 40 or more pairs (the brief asked for 40–80 over the most printed causes)."""
    assert len(PAIRS) >= 40


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_a_pair_is_live_on_both_sides(name: str) -> None:
    """Each pair's claim is made by a main wording and its denial voiced by a 原因 wording of the library;
    each of its phrases matches something (none is dead), and no keyword is a bare word."""
    pair = PAIRS[name]
    assert any(says(k, t) for k in pair.keywords for t in MAIN), name
    assert any(says(d, t) for d in pair.denials for t in CAUSES), name
    dead_keywords = [k for k in pair.keywords if not any(says(k, t) for t in MAIN)]
    dead_denials = [d for d in pair.denials if not any(says(d, t) for t in (*CAUSES, *PROBLEMS))]
    assert not dead_keywords and not dead_denials, (name, dead_keywords, dead_denials)
    assert all(len(k) >= SHORTEST for k in pair.keywords), name


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_a_denial_names_one_practice(name: str) -> None:
    """A denial voiced by many self-critical wordings (“不够”, “还有差距”) would bar ordinary causes: each is
    said by a few of them at most."""
    for denial in PAIRS[name].denials:
        voiced = sum(says(denial, t) for t in (*CAUSES, *PROBLEMS))
        assert voiced <= MOST_CAUSES, (name, denial, voiced)


@lru_cache(maxsize=128)
def _plan(sample: str, seed: int) -> Any:
    return draft(facts_of(sample), Options(seed=seed)).plan


def test_no_sample_prints_a_cause_denying_its_claim() -> None:
    """Over the samples at seeds 1–8, no tool-chosen problem or cause (lead and wording) voices a denial of a 系因 pair whose claim
    the text above it makes (before the pairs: “以普通党员身份参加双重组织生活不够经常” could follow
    “全年参加双重组织生活”, “学生党支部……支部工作常常接续不上” followed “选好用好辅导员和学生党支部书记”)."""
    found = []
    for sample in SAMPLES:
        for seed in SEEDS:
            plan = _plan(sample, seed)
            said = _said_before(plan)
            for text in _tool_self_criticism(plan, with_lead=True):
                found += [
                    (sample, seed, name)
                    for name, pair in PAIRS.items()
                    if any(says(d, text) for d in pair.denials) and any(says(k, said) for k in pair.keywords)
                ]
    assert not found


def test_causes_do_not_run_short() -> None:
    """The pairs bar wordings, not whole causes: every sample at seeds 1–8 still gets two causes or more."""
    short = [
        (sample, seed)
        for sample in SAMPLES
        for seed in SEEDS
        if len(_plan(sample, seed).sections["原因"].items) < 2
    ]
    assert not short


def test_the_planner_passes_over_a_denied_cause() -> None:
    """The 街道 draft whose text above says the secretary guides new 支部书记 (“对新任支部书记及时谈话、传授方法”
    and the like) does not take the cause wording saying that guidance is not concrete, and the wording is still
    in the library for drafts that do not make the claim.  (The first case of this test, a 学院 cause on 学生
    党支部 “接续不上”, left the library when the 高校 causes were rewritten to be the 学院党委's own.)"""
    pair = PAIRS["系因-传授方法"]
    wording = next(t for t in CAUSES if any(says(d, t) for d in pair.denials))
    claimed = 0
    for seed in SEEDS:
        plan = _plan("街道党工委书记", seed)
        if not any(says(k, _said_before(plan)) for k in pair.keywords):
            continue
        claimed += 1
        printed = [
            item.fragment.texts[item.variant % len(item.fragment.texts)]
            for item in plan.sections["原因"].items
            if item.fragment is not None
        ]
        assert wording not in printed, seed
    assert claimed  # the claim is made at some seed: the test reads a real case
