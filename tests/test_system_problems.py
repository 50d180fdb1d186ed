"""A systematic claims read of the 存在问题 wordings most drafts print (session 12): each wording was read for the
practice it says was done badly, and every main wording (主要工作's parts, the opening, 上年度问题整改, the parts'
lead-ins and the heading families) claiming that practice done well became a 前后矛盾 pair (系问-…)."""

from __future__ import annotations

from functools import lru_cache

import pytest
from test_contradictions import TEN_SAMPLES, _said_before, _tool_self_criticism, facts_of

from drafter.claims import says_any
from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import PROBLEMS

REG = registry()
LIB = load_library()
MAIN_ROLES = ("思想建设", "组织建设", "党风廉政", "业务融合", "上年度问题整改", "开头")
SAMPLES = TEN_SAMPLES
SEEDS = range(1, 9)

# the pairs this read added (templates/主题.yaml, block “第十二次会话 系统审读（存在问题）”)
PAIRS = (
    "系问-外出培训交流",
    "系问-八小时监督",
    "系问-过程监督",
    "系问-提醒谈话精准",
    "系问-分类指导",
    "系问-薄弱帮扶",
    "系问-总结推广",
    "系问-学科育人",
    "系问-岗位风险警示",
    "系问-党务实务培训",
    "系问-齐抓共管",
    "系问-表扬激励",
    "系问-线上手段",
    "系问-节点推进",
    "系问-持续跟踪",
    "系问-监督贯通",
    "系问-老党员看望",
    "系问-流动年长党员",
    "系问-不足党员督促",
    "系问-合规案例",
    "系问-精文简会示范",
    "系问-家庭情况",
    "系问-驻区共建",
    "系问-民办学校指导",
    "系问-学习方式",
)


@lru_cache(maxsize=1)
def _main_wordings() -> tuple[str, ...]:
    """Every wording the library may print before the self-criticism: the main roles' fragments (leads too),
    their intros, and the heading families."""
    texts: list[str] = []
    for role in MAIN_ROLES:
        texts += [v.text for v in LIB.intros(role)]
        for frag in LIB.fragments(role):
            texts += [frag.lead, *frag.texts]
    texts += [h for family in LIB.families for h in family.headings.values()]
    return tuple(t for t in texts if t)


def _problem_wordings() -> list[str]:
    return [t for f in LIB.fragments(PROBLEMS) for t in (f.lead, *f.texts) if t]


def test_the_pairs_are_in_their_block() -> None:
    names = [n for n in REG.topics["前后矛盾"] if n.startswith("系问-")]
    assert names == list(PAIRS)


@pytest.mark.parametrize("name", PAIRS)
def test_a_pair_is_live(name: str) -> None:
    """Its claim is in some main wording and its denial in some 存在问题 wording of the library; neither side
    is a word ordinary text says anyway (no more than a few dozen main wordings, a few problems)."""
    pair = REG.topics["前后矛盾"][name]
    claims = [t for t in _main_wordings() if says_any(pair.keywords, t)]
    denials = [t for t in _problem_wordings() if says_any(pair.denials, t)]
    assert claims, name
    assert denials, name
    assert len(claims) <= 40, (name, len(claims))
    assert len(denials) <= 8, (name, len(denials))


@lru_cache(maxsize=128)
def _draft(sample: str, seed: int) -> tuple[str, tuple[str, ...], int]:
    """What a sample's draft at ``seed`` claims before its self-criticism, the tool's problems and causes, and
    how many problems it prints."""
    plan = draft(facts_of(sample), Options(seed=seed)).plan
    return (
        _said_before(plan),
        tuple(_tool_self_criticism(plan, with_lead=True)),
        len(plan.sections[PROBLEMS].items),
    )


@pytest.mark.parametrize("sample", SAMPLES)
def test_no_draft_denies_what_a_pair_claims(sample: str) -> None:
    """Over seeds 1-8, no tool problem or cause says a denial of a 系问 pair whose claim the text above makes."""
    pairs = {name: REG.topics["前后矛盾"][name] for name in PAIRS}
    found = []
    for seed in SEEDS:
        said, critical, _ = _draft(sample, seed)
        found += [
            (seed, name, text[:24])
            for text in critical
            for name, p in pairs.items()
            if says_any(p.denials, text) and says_any(p.keywords, said)
        ]
    assert not found


@pytest.mark.parametrize("sample", SAMPLES)
def test_problems_do_not_run_short(sample: str) -> None:
    """Avoiding the denials still leaves every draft at least three problems."""
    assert min(_draft(sample, seed)[2] for seed in SEEDS) >= 3


def test_a_claim_bars_its_denial() -> None:
    """The planner reads a 系问 pair: with “对先进支部总结推广经验” said above, a problem saying its experience was
    “总结推广不够” denies it; without the claim it does not."""
    from drafter.select import Selector

    selector = Selector(LIB, facts_of("集团公司党委书记"))
    denial = "我在推进支部建设时对先进支部的经验总结推广不够"
    selector._main_said = "根据督查考核结果对基层党组织进行分析排队，对先进支部总结推广经验"
    assert selector._denies(denial) == 1
    selector._main_said = "主题党日每月开展"
    selector._denied = {}
    selector._claims_of = None
    assert selector._denies(denial) == 0
