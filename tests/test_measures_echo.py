"""A measure a cause names (pairs) says what new thing will be done, not the cause's own words negated.

Round 29 (第三部分 item 6): “最后两三条措施必定照抄原因里的关键词” — “改变重显绩、轻潜绩的做法”, “克服‘歇歇脚’的松劲
心态”, “不求稳怕乱”, “对针对性、操作性不强的修订完善”, “不以过程留痕代替实际效果”, “不把‘不出事’当作工作的标准”.

What counts as echoing, for a cause fragment and each measure in its ``pairs`` (the measure's heading and every
wording, against the cause's heading and every wording, Jinja left out):

* a negation — 不 (not as part of 不同, 不断, 不力…), 克服, 改变, 避免, 防止, 杜绝, 摒弃, 纠正, 扭转, 改掉, 破除 —
  followed, after at most one linking character (再, 把, 让, 以, 因…) and an opening quotation mark, by a run
  the cause also says holding three Chinese characters or more (克服“歇歇脚”, 不求稳怕乱, 不把“不出事”);
* or the cause's own shortcoming restated: a run the cause also says, holding 不, 缺 or 弱, of five Chinese
  characters or more once the grammar at its ends (对, 把, 的) is left out (对针对性、操作性不强的修订完善).

A run is as long as the two texts share it, punctuation inside it kept (重显绩、轻潜绩), a clause's end (，。；)
ending it.
"""

from __future__ import annotations

import re

from drafter.library import Fragment, load_library

NEGATION = re.compile(
    r"(?:不(?![同断力合适少足良当定仅但论管可得会必利宜久])|克服|改变|避免|防止|杜绝|摒弃|纠正|扭转|改掉|破除)"
    r"(?:再|把|让|以|因|被|搞|是|靠|要|能|在|为|对|于|将)?[“‘「]?"
)
SHORTCOMING = re.compile(r"[不缺弱]")
CJK = re.compile(r"[\u4e00-\u9fff]")
JINJA = re.compile(r"{{.*?}}|{%.*?%}")
CLAUSE_END = "，。；：！？,;:!?\n"
GRAMMAR = "对把的"
NEGATED_RUN, SHORTCOMING_RUN = 3, 5


def shared_from(text: str, start: int, other: str) -> str:
    """The longest run of ``text`` from ``start``, within one clause, that ``other`` also says."""
    end = start
    while end < len(text) and text[end] not in CLAUSE_END and text[start : end + 1] in other:
        end += 1
    return text[start:end]


def echoes(measure: str, cause: str) -> list[str]:
    """Where the measure's text says the cause's own words negated, or restates its shortcoming."""
    found = []
    for m in NEGATION.finditer(measure):
        run = shared_from(measure, m.end(), cause)
        if len(CJK.findall(run)) >= NEGATED_RUN:
            found.append(m[0] + run)
    for start in range(len(measure)):
        run = shared_from(measure, start, cause).strip(GRAMMAR)
        if len(CJK.findall(run)) >= SHORTCOMING_RUN and SHORTCOMING.search(run):
            found.append(run)
    return found


def said(frag: Fragment) -> list[str]:
    return [JINJA.sub("|", t) for t in (frag.lead, *frag.texts)]


def test_the_rule_finds_round_29s_echoes() -> None:
    pairs = [
        ("安排工作时同排进计划，改变重显绩、轻潜绩的做法。", "存在重显绩、轻潜绩的倾向"),
        ("我将克服“歇歇脚”的松劲心态，每季度学习一次。", "产生了“歇歇脚”的想法"),
        ("动真格推动解决，不求稳怕乱、不绕着走。", "存在求稳怕乱的心态"),
        ("上半年完成评估，对针对性、操作性不强的修订完善。", "部分制度针对性、操作性不强"),
        ("能取消的取消，不以过程留痕代替实际效果。", "重过程留痕、轻实际效果"),
        ("半年对照一次进度，不把“不出事”当作工作的标准。", "满足于村里不出事"),
    ]
    for measure, cause in pairs:
        assert echoes(measure, cause), measure
    # a new practice with the cause's subject is no echo
    assert not echoes("年初把打基础的党建事项单列进年度计划，年底逐项说明。", "存在重显绩、轻潜绩的倾向")
    assert not echoes("对考核排在末位的支部书记提醒谈话。", "对履责不力的支部书记约谈不够")


def test_no_measure_negates_the_cause_that_names_it() -> None:
    library = load_library()
    by_id = library.by_id()
    found = []
    for cause in library.fragments("原因"):
        cause_said = said(cause)
        for measure_id in cause.pairs:
            measure = by_id.get(measure_id)
            if measure is None:
                continue
            for text in said(measure):
                for words in cause_said:
                    found += [f"{cause.id} → {measure.id}: {e}" for e in echoes(text, words)]
    assert not found, "措施不要把原因的原话倒过来说，要写明新做的事：\n" + "\n".join(sorted(set(found)))
