"""Faults a second reader found in the eleventh session's audit drafts (/tmp/s16/audit, seeds 21 and 22 of the
samples under new names) that are not contradictions: a doubled sign-off, a meeting of the wrong level, a cause
blaming others under “从主观上剖析”."""

from __future__ import annotations

import re

import pytest
from test_outline import KINDS, YEARS, facts_for

from drafter.library import load_library
from drafter.pipeline import Options, draft

LIB = load_library()
ASKS = re.compile(r"[^。]*请[^。]*(?:评议|审议|指正|意见)。")  # a sentence asking the hearers to review


def test_a_closing_that_asks_for_review_is_not_asked_again() -> None:
    """Draft 01: “……以上述职，请予审议。以上述职，请予评议。” — the template added its own request after a closing
    that already ended in 审议.  Every 述职's last paragraph asks once."""
    asked_by_closing = 0
    for kind in ("书记述职", "党支部书记述职"):
        for utype in ("学校", "机关", "国企", "社区"):
            for seed in range(8):
                text = draft(facts_for(kind, utype, 2025), Options(seed=seed)).document.text
                last = [p for p in text.split("\n") if ASKS.search(p)][-1]
                assert len(ASKS.findall(last)) == 1, last[-60:]
                asked_by_closing += "审议。" in last
    assert asked_by_closing >= 1  # closings ending in 审议 were drawn, so the case was met


@pytest.mark.parametrize("utype", ["社区", "村"])
def test_a_community_or_village_holds_no_democratic_life_meeting(utype: str) -> None:
    """Draft 04: a 社区党委 “在民主生活会上查摆问题”, “开好班子民主生活会” — 民主生活会 is the meeting of leading
    groups at county level and above; a 社区 or 村 holds 组织生活会."""
    for kind in KINDS:
        for year in YEARS:
            for seed in (0, 1, 2):
                text = draft(facts_for(kind, utype, year), Options(seed=seed)).document.text
                assert "民主生活会" not in text, (kind, year, seed)


def test_a_colleges_cause_is_its_own_not_its_teachers() -> None:
    """Draft 19: “从主观上剖析，原因主要有：一是部分教师对党建工作认同不够。” — the 学院党委's cause names what
    it did not do, then the teachers' state."""
    frag = LIB.by_id()["yy-univ-thought-u"]
    assert not frag.lead.startswith("部分教师")
    assert all(t.startswith("学院党委") for t in frag.texts)


def test_no_second_problem_on_a_finding_still_open() -> None:
    """Draft 09: “（一）‘双带头人’支部书记作用发挥不均衡” and “（二）教师党支部书记‘双带头人’比例不高仍需下功夫
    解决” — the finding still open stands among the problems, and a tool's problem on the same thing came in
    beside it.  Over the samples with a finding still open, no other problem's heading shares FIT_MIN of the
    finding's specific words."""
    import yaml
    from conftest import ROOT

    from drafter.select import FIT_MIN, PROBLEMS

    checked = 0
    for sample in sorted(ROOT.glob("samples/*.yaml")):
        facts = yaml.safe_load(sample.read_text(encoding="utf-8"))
        listed = (facts.get("上年度问题整改") or {}).get("问题") or []
        findings = [f["问题"] for f in listed if isinstance(f, dict) and f.get("状态") == "整改中"]
        if not findings:
            continue
        for seed in (None, *range(6), 21):
            plan = draft(sample, Options(seed=seed)).plan
            for item in plan.sections[PROBLEMS].items:
                if item.fragment is None:
                    continue  # the carried finding itself, or the user's own line
                checked += 1
                for finding in findings:
                    assert LIB.overlap.fit(finding, item.fragment.lead) < FIT_MIN, (sample.stem, seed)
    assert checked >= 40


def test_a_branch_secretarys_cause_on_her_rules_gets_a_measure_on_them() -> None:
    """Sample 机关党支部书记: the cause “支部制度执行得还不够严” (哪些事必须上支委会、哪些情况要向党员通报……) was
    answered by a 局's measure “对整改难度大的问题亲自牵头、挂牌督办” — 答非所问.  It names the measures written for it
    (pairs), and whichever of its wordings is printed, the draft answers it with one of them."""
    from pathlib import Path

    import yaml
    from conftest import ROOT, measures_of

    from drafter.facts import facts_from_text
    from drafter.select import CAUSES

    cause = LIB.by_id()["yy-gov-jg-r9-zb-system"]
    assert cause.pairs and cause.pairs[0] == "xb-gov-jg-zb-system-rules"
    data = yaml.safe_load(Path(ROOT, "samples", "机关党支部书记.yaml").read_text(encoding="utf-8"))
    data["原因"] = [cause.id]
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    for seed in range(6):
        plan = draft(facts, Options(seed=seed)).plan
        assert cause.id in {c.fragment.id for c in plan.sections[CAUSES].items if c.fragment}
        answered = {m.fragment.id for m in measures_of(plan) if m.fragment}
        assert answered & set(cause.pairs), seed
        assert "挂牌督办" not in draft(facts, Options(seed=seed)).document.text
