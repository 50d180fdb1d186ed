"""How often an activity is done, and which measure promises it no more often.

A reviewer reads 下一步 against 主要工作 activity by activity: “每季度组织一次专题研讨” after “专题研讨……一年中共
开展4次” promises nothing new, “每半年研究一次意识形态领域重大问题” after “年内专题研判4次” promises less than is
done, and so does “每半年……检查评估一次” after “按月检查” (rounds 28 and 29).  This module reads, from the text
a draft reports done and from the user's counts for the year, how many times a year each activity of a short
list (:data:`ACTIVITIES`: 专题研讨, 意识形态研判, 检查, 谈心, 党课…) is done, and from each clause of a measure's
wording how many times a year it promises one; :meth:`DoneRates.not_higher` gives the clauses promising an
activity no more often than it is done.

What is read, per year: a period (每周 52, 每月/按月 12, 每季度 4, 每学期/每半年 2, 每年 1; with “两次” after it,
twice that) with the activity in the same clause; in the work done also a count (“专题研判4次”, “一年中共开展4
次” after a clause naming 专题研讨) and the user's count for the activity (思想建设.专题研讨次数).  A count is a
total over the unit, so it is not weighed against a measure each member or branch carries out (“每季度逐个听一次
支部书记汇报”, “每半年和他们谈一次心”), nor kept for an activity every member does on their own (谈心).  A
general activity (检查, 分析, 督导…) is the same activity only when the two sentences share a word of what is
checked or analysed (制度 in “把支部的基本制度逐项梳理……按月检查” and “每半年对制度落实情况检查评估一次”).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from drafter.overlap import shared_runs
from drafter.rxprogram import Programs

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_JINJA_VAR = _PROGRAMS.compile(r"{{\s*([^{}|\s]+)\s*}}")
_JINJA_REST = _PROGRAMS.compile(r"{{.*?}}|{%.*?%}|{#.*?#}")
_SENTENCES = _PROGRAMS.compile(r"[^。！？；\n]+")
_CLAUSE_BREAKS = _PROGRAMS.compile(r"[，,：:（）()]+")
_SEGMENT_BREAKS = _PROGRAMS.compile(r"[，,：:（）()、]+")
# a count of times in the year: digits (the user's numbers) or a Chinese number of two or more (一次 is a manner
# of speaking: 发现一次纠正一次); not 第N次 nor 每次
_COUNT = _PROGRAMS.compile(r"(?<![第每])([0-9]+|[两二三四五六七八九十]+)\s*次")
_TIMES_AFTER = _PROGRAMS.compile(r"([两二三四五六七八九十]|[0-9]+)次")
# a measure carried out by each member, branch or grid: its frequency is each one's, not the unit's total
_PER_MEMBER = _PROGRAMS.compile(
    r"逐个|逐一|逐人|每名|每位|每人|每个(?:党?支部|党组织|网格|党小组|科室|学校|社区|村)|各(?:党?支部|党组织|网格|党小组)"
    r"|分别|轮流|和他们|与他们|同他们|参加|列席|旁听|邀请"
)
# a clause saying it adds to what is done (日常监督之外每年选一两个环节开展专项检查), or a kind of the activity
# rather than how often it is held (走出去的主题党日, 到工作一线现场开展): no rate to weigh
_ADDED = _PROGRAMS.compile(r"之外|以外|另外|此外|额外|现场|一线|线上|网上|走出去|户外|联合|共建|结对")

_CHINESE_DIGITS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Period:
    """A period word and how many times a year it comes round."""

    pattern: str
    per_year: int


PERIODS = (
    Period(r"每周|每星期|每个星期", 52),
    Period(r"每两周|每半个月|每月两次", 24),
    Period(r"每月|按月|每个月|月月", 12),
    Period(r"每两个月|每双月", 6),
    Period(r"每季度|按季度|每个季度|每季", 4),
    Period(r"每学期|每半年|半年一次|每年两次", 2),
    Period(r"每年|每一年|一年一次", 1),
)


@dataclass(frozen=True)
class Activity:
    """One activity a unit does again and again: its name, the words naming it, words one of which its sentence
    must also say (意识形态 for 研判), whether a count of it is a total over members (谈心: a measure's
    frequency is then never weighed against one), whether it is general (检查: the same only when the sentences
    share a word of what is checked), and the user's counts of it for the year."""

    name: str
    words: str
    context: str = ""
    counted: bool = True
    general: bool = False
    facts: tuple[str, ...] = ()
    unless: str = ""  # words making the clause another activity's (纪律专题党课 is not the 专题党课 counted)


ACTIVITIES = (
    Activity("专题研讨", r"研讨", facts=("思想建设.专题研讨次数",), unless=r"互动|课程思政|现场教学"),
    Activity(
        "意识形态研判", r"研判|研究|分析", context=r"意识形态|舆情", facts=("思想建设.意识形态研判次数",)
    ),
    Activity("中心组学习", r"中心组", facts=("思想建设.中心组学习次数",), unless=r"研讨"),
    Activity("第一议题", r"第一议题", facts=("思想建设.第一议题学习次数",)),
    Activity("党课", r"党课", facts=("思想建设.专题党课次数",), unless=r"廉政|廉洁|纪律"),
    Activity("廉政党课", r"(?:廉政|廉洁|纪律).{0,4}党课", facts=("党风廉政.廉政党课次数",)),
    Activity("警示教育", r"警示教育", facts=("党风廉政.警示教育次数",)),
    Activity("监督检查", r"监督检查|专项检查", facts=("党风廉政.监督检查次数",)),
    Activity("主题党日", r"主题党日", facts=("组织建设.主题党日次数",)),
    Activity("思政课", r"思政课", facts=("思想建设.听思政课次数",)),
    Activity("师德教育", r"师德.{0,4}教育", facts=("思想建设.师德专题教育次数",)),
    Activity("双重组织生活", r"双重组织生活", facts=("组织建设.双重组织生活次数",)),
    Activity("集中学习", r"集中学习|集体学习"),
    Activity("谈心", r"谈心|谈一次心", counted=False),
    Activity("检查", r"(?<!监督)(?<!专项)检查|督查", counted=False, general=True),
    Activity("分析", r"分析|研判", counted=False, general=True),
    Activity("督导", r"督导", counted=False, general=True),
)
_WORDS = {a.name: _PROGRAMS.compile(a.words) for a in ACTIVITIES}
_CONTEXT = {a.name: _PROGRAMS.compile(a.context) for a in ACTIVITIES if a.context}
_UNLESS = {a.name: _PROGRAMS.compile(a.unless) for a in ACTIVITIES if a.unless}
_GENERAL = frozenset(a.name for a in ACTIVITIES if a.general)
_PERIODS = tuple((_PROGRAMS.compile(p.pattern), p.per_year) for p in PERIODS)
# words a sentence uses whatever it checks (检查, 每季度, 一次…): no evidence of what is checked
_SUBJECT_STOP_TEXT = (
    "检查 督查 分析 研判 督导 每季 季度 每月 按月 每半 半年 每年 一次 情况 工作 开展 组织 及时 进行 落实 推动 "
    "党建 党员 支部 全年 年内 一年 对照 问题"
)
_SUBJECT_STOP = frozenset(_SUBJECT_STOP_TEXT.split(" "))
_FUNCTION_CHARS = frozenset("的和在对为中有了是与把将我上下等及其这那也都就从向于被一次每个")


@dataclass(frozen=True)
class Rate:
    """An activity done (or promised) ``per_year`` times a year, as said in ``sentence`` (``clause``)."""

    activity: str
    per_year: int
    clause: str
    sentence: str
    total: bool = False  # a count over the whole unit (专题研判4次, the user's 专题研讨次数)
    per_member: bool = False  # each member's or branch's frequency (逐个, 每个支部)


def plain(text: str, lookup: Callable[[str], Any] | None = None) -> str:
    """``text`` with each ``{{ path }}`` replaced by the user's number for it (``lookup``) and the rest of its
    Jinja left out."""
    if "{" not in text:
        return text

    def value(m: Any) -> str:
        found = lookup(m[1]) if lookup is not None else None
        return str(found) if isinstance(found, int) and not isinstance(found, bool) else "|"

    return _JINJA_REST.sub("|", _JINJA_VAR.sub(value, text))


def _activities(clause: str, sentence: str) -> list[Activity]:
    """The activities ``clause`` names (their context words anywhere in ``sentence``)."""
    found = []
    for a in ACTIVITIES:
        if (
            _WORDS[a.name].search(clause)
            and (not a.context or _CONTEXT[a.name].search(sentence))
            and not (a.unless and _UNLESS[a.name].search(clause))
        ):
            found.append(a)
    return found


def _period(clause: str) -> int | None:
    """How many times a year the period word of ``clause`` comes round (每季度……两次: 8), or None."""
    for pattern, per_year in _PERIODS:
        m = pattern.search(clause)
        if m is not None:
            times = _TIMES_AFTER.search(clause, m.end())
            return per_year * (_number(times[1]) if times else 1)
    return None


def _number(text: str) -> int:
    """The number ``text`` writes in digits or in Chinese (两, 十二)."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CHINESE_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CHINESE_DIGITS.get(ones, 0) if ones else 0)


def _anchored(clause: str, activity: Activity) -> bool:
    """The period only dates the activity, the clause saying what it will hold (“每月主题党日安排一个学习专题”):
    the activity's words follow the period word directly and no count of times comes after them.  Not a
    general activity: “按月检查” is a check each month."""
    if activity.general:
        return False
    for pattern, _ in _PERIODS:
        m = pattern.search(clause)
        if m is not None:
            after = clause[m.end() :].lstrip("的")
            named = _WORDS[activity.name].match(after)
            return (
                named is not None and _TIMES_AFTER.search(after, named.end()) is None and "一次" not in after
            )
    return False


def promised(text: str) -> list[Rate]:
    """Every activity a measure's wording promises with a period, clause by clause."""
    out: list[Rate] = []
    for sentence in _SENTENCES.findall(plain(text)):
        for clause in _CLAUSE_BREAKS.split(sentence):
            per_year = _period(clause)
            if per_year is None or _ADDED.search(clause):
                continue
            member = _PER_MEMBER.search(clause) is not None
            out += [
                Rate(a.name, per_year, clause, sentence, per_member=member)
                for a in _activities(clause, sentence)
                if not _anchored(clause, a)
            ]
    return out


def done(text: str) -> list[Rate]:
    """Every activity the text of work done says is done with a period, or a number of times in the year (the
    activity in the segment of the count or, when it names none, in the nearest segment before it)."""
    out: list[Rate] = []
    for sentence in _SENTENCES.findall(text):
        out += promised(sentence)
        named: list[Activity] = []
        for segment in _SEGMENT_BREAKS.split(sentence):
            here = [a for a in _activities(segment, sentence) if a.counted]
            named = here or named
            if _period(segment) is not None:
                continue
            for m in _COUNT.finditer(segment):
                out += [Rate(a.name, _number(m[1]), segment, sentence, total=True) for a in named]
    return out


class DoneRates:
    """How often each activity is done: what the work done says (its wordings, ``lookup`` filling in the user's
    numbers) and the user's counts for the year."""

    def __init__(self, texts: Iterable[str], lookup: Callable[[str], Any]) -> None:
        self._rates: dict[str, list[Rate]] = {}
        for text in texts:
            for rate in done(plain(text, lookup)):
                self._rates.setdefault(rate.activity, []).append(rate)
        for a in ACTIVITIES:
            for path in a.facts:
                count = lookup(path)
                if isinstance(count, int) and not isinstance(count, bool) and count > 0:
                    label = f"{path.rsplit('.', 1)[-1]}{count}"
                    self._rates.setdefault(a.name, []).append(Rate(a.name, count, label, label, total=True))
        self._found: dict[str, list[tuple[Rate, Rate]]] = {}

    def not_higher(self, text: str) -> list[tuple[Rate, Rate]]:
        """Each activity a measure's wording promises no more often than it is done, with the rate done (the
        most often done of those it is weighed against)."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = []
            for rate in promised(text):
                against = [d for d in self._rates.get(rate.activity, ()) if self._comparable(rate, d)]
                top = max(against, key=lambda d: d.per_year, default=None)
                if top is not None and rate.per_year <= top.per_year:
                    found.append((rate, top))
        return found

    def _comparable(self, promise: Rate, did: Rate) -> bool:
        """A total is not weighed against each member's frequency; a general activity only against one whose
        sentence shares a word of what it is about."""
        if did.total and promise.per_member:
            return False
        return promise.activity not in _GENERAL or _same_subject(promise.clause, did.sentence)


def _same_subject(clause: str, sentence: str) -> bool:
    """The measure's clause shares with the sentence of work done a run saying what the activity is about: one
    not made up, two characters at a time, of period, activity and everyday words (制度 in “每半年对制度落实情况
    检查评估一次” and “把支部的基本制度逐项梳理……按月检查”; not 支部工作)."""
    for run in shared_runs(clause, sentence):
        pairs = [run[i : i + 2] for i in range(0, len(run) - 1, 2)]
        if any(p not in _SUBJECT_STOP and not _FUNCTION_CHARS.intersection(p) for p in pairs):
            return True
    return False


_PROGRAMS.save()
