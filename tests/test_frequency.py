"""A measure promises an activity more often than the work above says it is done (drafter.frequency).

Rounds 28 and 29: “每季度组织一次专题研讨” after “专题研讨……一年中共开展4次” (“一年4次本来就是每季度一次”),
“每半年研究一次意识形态领域重大问题” after “年内专题研判4次” (“承诺的频次比已做到的还低”), “每半年……检查评估一次”
after “按月检查” (“比前文已写的‘按月检查’还松”).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafter.frequency import DoneRates, done, promised
from drafter.pipeline import Options, draft

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def no_facts(path: str) -> Any:
    return None


def flagged(done_text: str, measure: str, facts: dict[str, int] | None = None) -> list[str]:
    """The activities of ``measure`` promised no more often than ``done_text`` (and ``facts``) say."""
    rates = DoneRates([done_text], (facts or {}).get if facts else no_facts)
    return [promise.activity for promise, _ in rates.not_higher(measure)]


# the reviewers' cases, in the drafts' own words
REVIEWED = [
    (
        "专题研讨紧扣教育热点，一年中共开展4次，每次研讨前由责任科室调研摸底、提出问题。",
        "局党组将每季度组织一次专题研讨，推行领学、研讨、测试相结合的方式。",
        "专题研讨",
    ),
    (
        "把意识形态工作作为教育系统党建的重要内容，年内专题研判4次，重点关注课堂讲授和教辅选用。",
        "每半年研究一次意识形态领域重大问题，网络舆情发现后当天研判、及时回应。",
        "意识形态研判",
    ),
    (
        "我对照党支部工作条例，把支部的基本制度逐项梳理，对组织生活记录、党员档案等基础工作明确专人负责、按月检查。",
        "我将对已出台的党建制度组织一次集中解读；每半年对制度落实情况检查评估一次。",
        "检查",
    ),
    (
        "我结合农时安排主题党日，全年开展12次，农闲时集中学习政策。",
        "我将把党员按片区分工，主题党日每月按固定时间开展。",
        "主题党日",
    ),
]


@pytest.mark.parametrize(("done_text", "measure", "activity"), REVIEWED)
def test_the_reviewed_measures_promise_no_more_than_is_done(
    done_text: str, measure: str, activity: str
) -> None:
    assert flagged(done_text, measure) == [activity]


def test_a_higher_frequency_is_something_new() -> None:
    assert flagged(REVIEWED[0][0], "局党组将每月组织一次专题研讨，每次确定一个教育热点。") == []
    assert flagged(REVIEWED[1][0], "我将每月研究一次意识形态领域的新情况。") == []


def test_the_users_count_for_the_year_is_what_is_done() -> None:
    """Nothing in the text counts 专题研讨, the user's facts do."""
    measure = "每季度组织一次专题研讨，推行领学、研讨、测试相结合的方式。"
    assert flagged("我坚持带头学习。", measure) == []
    assert flagged("我坚持带头学习。", measure, {"思想建设.专题研讨次数": 4}) == ["专题研讨"]
    assert flagged("我坚持带头学习。", measure, {"思想建设.专题研讨次数": 3}) == []


def test_what_is_not_the_same_activity_or_not_its_frequency() -> None:
    # a total over the unit is not weighed against each member's or branch's frequency
    assert flagged("全年开展谈心谈话60次。", "每半年和他们谈一次心，了解思想状况。") == []
    assert flagged("全年讲授专题党课2次。", "每名支委每半年为党员讲一次党课。") == []
    # the period only dates the activity; a kind of it; one added to what is done
    assert flagged("全年开展主题党日12次。", "每月主题党日安排一个学习专题。") == []
    assert flagged("全年开展主题党日12次。", "每季度安排一次走出去的主题党日活动。") == []
    assert flagged("全年开展监督检查10次。", "日常监督之外每年选一两个风险较高的环节开展专项检查。") == []
    # a 纪律 党课 is not the 专题党课 counted
    assert flagged("全年讲授专题党课2次。", "每年至少为党员干部讲一次纪律专题党课。") == []
    # a general activity (检查) is the same only when what is checked is (the records, not his own work)
    did = "对组织生活记录、党员档案、党费收缴等基础工作明确专人负责、按月检查。"
    assert flagged(did, "每季度对照检查一次自己抓支部工作的情况。") == []


def test_what_is_read_as_done() -> None:
    rates = {(r.activity, r.per_year) for r in done("全年开展“第一议题”学习20次、中心组集体学习12次。")}
    assert ("第一议题", 20) in rates and ("中心组学习", 12) in rates
    assert {(r.activity, r.per_year) for r in done("我发现一次纠正一次，全年警示教育两次。")} == {
        ("警示教育", 2)
    }
    assert [(r.activity, r.per_year) for r in promised("每季度研讨两次")] == [("专题研讨", 8)]


def test_the_planner_does_not_promise_less_than_is_done() -> None:
    """The bundled samples at seeds 0-5: no measure promises an activity no more often than their 主要工作 and
    facts say it is done (the 区教育局 summary had “每季度组织一次专题研讨” after 4 in the year, and “每半年研究一次
    意识形态领域重大问题” after 4 研判; the 发改委 secretary “每半年……专题研讨一次” after 6)."""
    found = []
    for path in sorted(SAMPLES.glob("*.yaml")):
        for seed in range(6):
            result = draft(path, Options(seed=seed))
            part, main, measures = "", [], []
            for block in result.document.blocks:
                if block.kind == "heading1":
                    part = block.text
                elif part and "下一步" in part:
                    measures.append(block.text)
                elif part and not ("整改" in part or "存在" in part):
                    main.append(block.text)
            rates = DoneRates(main, result.facts.get)
            found += [
                f"{path.stem} seed {seed}: {p.clause} / {d.clause}"
                for m in measures
                for p, d in rates.not_higher(m)
            ]
    assert not found, "\n".join(found)
