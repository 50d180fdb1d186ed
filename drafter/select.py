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

import dataclasses
import hashlib
import itertools
import random
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, TypeVar

from drafter.claims import says_any
from drafter.errors import Diagnostic, Location
from drafter.facts import Facts
from drafter.frequency import DoneRates
from drafter.library import Family, Fragment, Library, Variant, Years
from drafter.originality import grams
from drafter.overlap import DoneClauses
from drafter.registry import Kind, Layout, Registry, SectionSpec, registry
from drafter.rxprogram import Programs
from drafter.schema import walk

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_T = TypeVar("_T")

NUMBER_FACTS = frozenset(p for p, f in walk() if f.kind in ("count", "percent"))
MAX_EXTRA = 3  # a main section may grow by this many items to carry every number the user gave
DEFAULT_PROBLEMS = 3
PROMISE_CHARS = 4  # an intro naming a topic keyword this long promises an item on that topic
FIT_MIN = 2  # specific two-character words of a user's problem phrase a 表现 must share to expand it
PLAIN_PHRASE = 3  # a phrase with at most this many specific two-character words is one of everyday words
OWN_ENOUGH = 3  # own wordings of a unit type among the candidates that put general ones after them
# distinct wordings a unit type draws an opening, closing or intro from: its own and, of the general ones, first
# those its type is home to (see Selector._spread), so that units of different types rarely meet on one
FRAME_POOL = 12
FRAME_GENERAL_KEPT = 3  # general openings a unit type draws from beside its own
FRAME_CHOICES_MIN = 6  # … or more, when the type has few own ones
NEAR_FIT = 1.5  # a wording sharing two thirds of the best wording's words with what it answers is as good
FAMILY_POOL = 16  # heading families a type draws from: its own and its share of the general ones
REPEAT_RUN, REPEAT_FROM = 4, 3  # a phrase of this many characters already in this many items: worn
HEADING_PEOPLE = "标题同事不计的词"  # 措辞.yaml: people a heading names, not what it is about
INTRO_PROMISES = "引语所许"  # 措辞.yaml: a phrase an intro promises by, and the words items deliver it with
HEADING_PROMISES = "标题所许"  # 措辞.yaml: a result a main heading names, and the words items deliver it by
RHYTHM_WORDS, RHYTHM_FROM = "少用的词", 4  # 措辞.yaml: words that read as a tic once used this many times
ONCE_PHRASES = (
    "一篇一次的话"  # 措辞.yaml: stock phrases a reviewer counts as 套话 when a draft says them twice
)
_FEW_WORDS = ("不多", "偏少", "较少", "很少", "太少", "不够多", "次数少")  # saying “few” of something
_FEW = f"(?:{'|'.join(_FEW_WORDS)})"
RETELL_MAX = 6  # content three-character words a 主要工作 item may share with an earlier one
# specific two-character words a 主要工作 wording shares with the self-critical half before its claims of
# completeness are read as denied there (round 66: “形成环环相扣的闭环管理” above “抓党建多停留在开会部署”)
SOFTEN_SHARED_MIN = 2
# specific two-character words one sentence of a 主要工作 wording shares with one sentence of a problem or cause
# before the two read as speaking of one thing, whatever words claim it (round 71: “把政策讲透、道理讲明” above
# “讲要求多、讲道理少”; “全面掌握……党员的分布和流动情况” above “组织关系接转……有时拿不准”): another wording of the
# item that speaks of it less closely is printed
SUBJECT_SHARED_MIN = 3
# the same for a problem or cause read against 主要工作 when it is chosen (Selector._close_to_main): one more, since
# the self-critical half speaks of the unit's field in its words (at three, a 街道's own causes gave way to general
# ones two types share, “事务性工作占去了我不少精力”, and more causes were left that no problem names)
CLOSE_SHARED_MIN = 4
CLOSE_COMMON_SHARE = 0.08  # a word in more than this share of 主要工作's sentences does not count: its field
CLOSE_RUNS_MIN = (
    3  # or this many words apart (谋划, 推进, 考核), not one long word (老旧小区: three two-grams)
)
_SENTENCE_SPLIT = re.compile(r"[。；！？]")
_CLAUSE_SPLIT = re.compile(r"[，；。：！？]")
PROBLEM_CLASH_MAX = (
    4  # content three-character words a problem may share with 主要工作 before it reads as denial
)
CLASH_MAX = 5  # specific three-character words a problem or cause may share with the achievements above
LONG_FROM = (
    5000  # with a 字数 target from here on the longer of two equal wordings is taken, else the shorter
)
# 下一步 has at most this many measures more than there are problems (one per cause), and no more than
# MEASURES_MAX of the tool's own in all (reviewers mark both a cause left unanswered and a list that bloats)
MEASURES_OVER_PROBLEMS = 3
MEASURES_MAX = 6
PAIR_FIT_MARGIN = (
    2  # words of a user's problem phrase a measure must speak of beyond its 表现's pair to replace it
)
FOLD_FIT = 2  # words of what is done a cause's measure shares with a problem's measure to join its paragraph
MATCH_DEPTH = 4  # of each problem's printable causes, those weighed when layers are shared out
NAMED_FOLD = 100  # a fold into the measure of a problem naming the cause ranks above any by words alone
FIELD_SHARE = 0.15  # a three-character run in this share of a unit type's own wordings names its field
FOLD_SKIP_CHARS, FOLD_SKIP_WORDS = "措施并入不算的字", "措施并入不算的词"  # 措辞.yaml
STUDY_VERBS, STUDY_OBJECTS, STUDY_NOT = "措施学习动词", "措施学习对象", "措施学习不算的词"  # 措辞.yaml
# 措辞.yaml: words of a 上年度问题整改 paragraph saying every finding is done
RECTIFY_DONE_WORDS = "整改未完不说"
RECTIFY_LEFT_WORDS = "整改全完不说"  # 措辞.yaml: what the 整改 part's paragraphs do not say when all is fixed
CAUSE_FIT = 4  # specific two-character words a measure shares with a cause to answer it
CAUSE_WORDS_MIN = 3  # …and that a measure added for a cause shares with it at least
ECHO_WORDS = 3  # three-character words of a user's line its 表现 or measure paragraph may not say again
REDO_FIT = 5  # specific two-character words a measure shares with a fixed finding and its 整改情况
DONE_FIT = (
    10  # specific two-character words a measure shares with one 主要工作 item: it promises what is done
)
SHORT_PHRASE = 40  # a user problem shorter than this, with no 内容 of its own, is expanded with a 表现
PROBLEMS, CAUSES, MEASURES, RECTIFY = "存在问题", "原因", "下一步", "上年度问题整改"
# 措辞.yaml: the planner's own words (measure for a finding still being fixed, its lead; the list marker)
UNFINISHED_LEADS, UNFINISHED_TEXTS = "未完成整改小标题", "未完成整改正文"
UNFINISHED_GAP_TEXTS = "未完成整改正文有差距"  # 措辞.yaml: …pointing back to the 差距 存在问题 printed
UNFINISHED_HOSTED = "未完成整改并入正文"  # 措辞.yaml: …ending a measure that speaks of its subject
# 措辞.yaml: words by which a clause of a 差距 says what is still short (没, 未, 多是)
GAP_SHORT = "差距说不足"
_GAP_CLAUSES = re.compile(r"[，,；;。]")
# 措辞.yaml: a finding still open, as this year's problem (its heading; its text with and without 整改情况)
CARRIED_LEADS, CARRIED_TEXTS, CARRIED_TEXTS_BARE = "延续问题小标题", "延续问题正文", "延续问题正文无做法"
CARRIED_LEADS_DONE = (
    "延续问题小标题有做法"  # 措辞.yaml: the heading when the user says what this year's 整改 did
)
RECTIFY_LIST_MARKER = "整改清单提示"
RECTIFY_ABSENT_MARKER = "整改未填提示"  # 措辞.yaml: the marker standing for a 上年度问题整改 not filled in
RECTIFY_STATES = "整改状态"  # 措辞.yaml: the sentence after a finding, by its 状态 (已整改, 整改中)
# 措辞.yaml: a finding's 状态 said in the sentence of what was done ({做法}); the kinds of body a 来源 names
RECTIFY_WOVEN, RECTIFY_SOURCES = "整改状态并句", "整改来源类别"
# 措辞.yaml: a finding still open, as this year's problem, said after its 表现 instead of before it
CARRIED_CODAS, CARRIED_CODAS_BARE = "延续问题结语", "延续问题结语无做法"
CARRIED_GAP = "延续问题差距"  # …and the user's 差距 said as its 表现
WOVEN_MAX = 60  # what was done about a finding, no longer than this and one sentence, may carry its 状态
WOVEN_SHARE = 0.5  # …and then does so in about half the drafts
WOVEN_AFTER = (
    "已",
    "通过",
    "经过",
    "目前",
    "正在",
)  # what was done opens so: only a wording starting with it
RECTIFY_WORDINGS_MIN = 6  # wordings fitting the 来源 and the type before general ones join them
SHORT_RECTIFY, BARE_SHARE = 2, 0.4  # with this many findings or fewer, no closing paragraph in about 2 in 5
CONTRADICTIONS = "前后矛盾"  # 主题.yaml: what 主要工作 claims, and the self-criticism that would deny it
SELF_CRITICAL_ROLES = frozenset((PROBLEMS, CAUSES, MEASURES))
CAUSE_OWNERS = "原因自剖主语"  # 措辞.yaml: what a unit summary's cause names as the one lacking
# longer words that contain a word some unit types avoid, and are not that word (两新组织 avoids 党组, a 党组
# being an organ of state bodies, yet every unit writes 党组织; 学校 avoids 职工 but writes 教职工): 措辞.yaml
LONGER_WORDS = "较长的词"
OPENING, CLOSING = "开头", "结尾"
_VAR_RE = _PROGRAMS.compile(r"{{\s*([^}|]+?)\s*(?:\|[^}]*)?}}")
# 措辞.yaml: clauses tying a user's own 业务融合 line to 党建, leading from the type's own 业务融合 item into
# the user's achievements (by unit type), and leads for a user's line whose topic has none (by role)
FUSION_JOINS, ACHIEVEMENT_JOINS, DEFAULT_LEADS = "业务融合引语", "成效引语", "默认小标题"
PARTY_LINKS = "做法成效衔接"  # 措辞.yaml: between a user's 党组织做法 and its result
ABSOLUTE_CLAIMS = "绝对说法"  # 措辞.yaml: words of a 主要工作 wording claiming completeness (一个不落, 闭环)
LEAD_ALTERNATIVES = "小标题另说"  # 措辞.yaml: other headings of a self-critical fragment, by its id
# a result that already says how it came about, or names the Party's part, needs no link
_LINKED_RE = _PROGRAMS.compile(
    r"^(?:通过|在|经过|依托|依靠|带动|推动|借助|由于|得益于)|党员|党组织|党支部|党委|支部"
)
ACHIEVEMENT_PARTY, ACHIEVEMENT_MARKER = "成效中的党建用词", "成效待补做法"  # 措辞.yaml
ACHIEVEMENT_PLAIN_JOINS = "成效中性引语"  # 措辞.yaml: before results whose Party part the user is asked for
JOIN_LOOKAHEAD = 4  # …not sharing a character with the first characters of the result


def studies_first(
    text: str, verbs: Sequence[str], documents: Sequence[str], not_study: Sequence[str] = ()
) -> bool:
    """A clause of a measure (or it and the next) joins a study word with a document word: “我将在上半年同
    班子成员一起学习……的有关要求”, “安排一次专题学习，学……的要求” — a device rounds 82–83 read in every draft.
    The words of ``not_study`` (学习教育: the year's campaign, not a study task) do not count."""
    for word in not_study:
        text = text.replace(word, "")
    clauses = _CLAUSE_SPLIT.split(text)
    return any(
        any(v in c for v in verbs) and any(d in c + after for d in documents)
        for c, after in zip(clauses, [*clauses[1:], ""], strict=True)
    )


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
    tail: list[str] = field(default_factory=list)  # the user's achievement lines carried by this item
    coda: str = ""  # the planner's sentence after the 表现 (a carried finding's source, said last)
    party: str = (
        ""  # the user's 党组织做法 for a 业务融合 result: printed before it, and no marker asks for it
    )
    link: str = ""  # the planner's words between ``party`` and the result (措辞.yaml 做法成效衔接)
    heading: str = ""  # printed for the fragment's lead: another wording of it (措辞.yaml 小标题另说)
    merged: list[Item] = field(
        default_factory=list
    )  # items folded into this one (a long part, 主题.yaml 并入)
    bare_finding: bool = False  # a finding still open carried into 存在问题 with no 表现 of the tool's
    for_cause: bool = False  # a cause's measure folded into a problem's (read on as its next sentence)
    quiet: bool = False  # …that says what its host says: it answers the cause, and is not printed
    answers: str = ""  # the id of the cause fragment this measure was added for (``""``: none, or the user's)

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
    wordings: dict[str, int] = field(default_factory=dict)  # lead_in's and tail's chosen wordings (else 0)

    def said(self, frag: Fragment) -> str:
        """The wording of one of ``lead_in`` or ``tail`` this section prints."""
        return frag.texts[self.wordings.get(frag.id, 0) % len(frag.texts)]

    @property
    def topics(self) -> list[str]:
        return [t for i in self.items for t in (i.topic, *(m.topic for m in i.merged)) if t]


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
    layout: Layout = field(default_factory=Layout)  # the report's shape (kind.yaml 版式)

    @property
    def fragments(self) -> list[Fragment]:
        chosen = [f for f in (self.opening, self.closing) if f]
        for section in self.sections.values():
            items = [x for i in section.items for x in (i, *i.merged)]
            chosen.extend(i.fragment for i in items if i.fragment)
            chosen.extend(i.detail for i in items if i.detail)
            chosen.extend([*section.lead_in, *section.tail])
        return chosen


@lru_cache(maxsize=16384)
def _practices_named(reg: Registry, text: str) -> frozenset[str]:
    """The 做法 whose keywords the wording names (a wording is checked once per process, not per draft).
    Hardly any wording names one: one search for all the keywords at once settles most of them."""
    keywords = _practice_keywords(reg)
    if keywords is None or keywords.search(text) is None:
        return frozenset()
    return frozenset(name for name, words in reg.practice_words.items() if any(w in text for w in words))


@lru_cache(maxsize=8)
def _practice_keywords(reg: Registry) -> re.Pattern[str] | None:
    """A pattern that finds a wording naming any 做法 keyword (None when there are none)."""
    words = sorted({w for words in reg.practice_words.values() for w in words}, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))) if words else None


@lru_cache(maxsize=16384)
def _denials_in(reg: Registry, text: str) -> frozenset[str]:
    """The 前后矛盾 pairs (主题.yaml) whose self-criticism the wording voices (asked of a wording once per
    process, not per draft)."""
    return frozenset(
        name for name, pair in reg.topics.get(CONTRADICTIONS, {}).items() if says_any(pair.denials, text)
    )


def _mask_longer_words(text: str, avoided: str, longer: tuple[str, ...]) -> str:
    """``text`` with the longer words that merely contain ``avoided`` blanked out (党组织 for 党组; 基层党组织
    itself is still found, 党组织 being inside it rather than around it)."""
    for word in longer:
        if avoided in word and avoided != word:
            text = text.replace(word, "\0")
    return text


def _count_avoided(text: str, avoided: tuple[str, ...], longer: tuple[str, ...]) -> int:
    """How many of ``avoided`` the wording uses, not counting the longer words that merely contain one.
    Blanking never makes a word appear, so only the words found in ``text`` itself are masked and looked for
    again.  A slot's name is no word of the wording (“单位” in ``{{ 单位.党组织 }}`` prints the unit's own name)."""
    if "{{" in text:
        text = _SLOT_RE.sub("", text)
    return sum(1 for w in avoided if w in text and w in _mask_longer_words(text, w, longer))


# (avoided words, longer words) → wording → how many of them it uses: drafts that avoid the same words (one
# unit type and kind) share their counts; kept small, as the pairs a process meets are few
_FOREIGN_COUNTS: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[str, int]] = {}
_FOREIGN_TABLES = 64


def _foreign_counts(avoided: tuple[str, ...], longer: tuple[str, ...]) -> dict[str, int]:
    """The shared table of :func:`_count_avoided` results for drafts avoiding ``avoided``."""
    key = (avoided, longer)
    table = _FOREIGN_COUNTS.get(key)
    if table is None:
        if len(_FOREIGN_COUNTS) >= _FOREIGN_TABLES:
            _FOREIGN_COUNTS.clear()
        table = _FOREIGN_COUNTS[key] = {}
    return table


def _new_counts() -> dict[str, int]:
    return {}


# “我” as the speaker, not in 我们/我局/我校/我社区/我街道… (a unit naming itself) nor in 自我批评
_FIRST_PERSON = _PROGRAMS.compile(r"(?<!自)我(?![们局校院委市区县省厂司部处所站队园镇乡村单支社街])")
# the secretary as the subject in the third person (a 述职 says 我)
_SECRETARY_AS_THIRD = _PROGRAMS.compile(
    r"(?:^|[，。；])[^，。；]{0,4}(?:党组织|党委|党工委|党组|党支部)书记(?:坚持|带头|亲自)"
)
# a wording whose subject is the organisation (“社区党组织扛起……”, “{{ 单位.党组织 }}坚持……”): a unit's voice,
# not the secretary's own in a 述职
_ORG_SUBJECT = _PROGRAMS.compile(
    r"(?:\{\{ ?(?:单位\.党组织|类型\.自称|单位\.自称) ?\}\}|[^，。；我由向在对与和]{0,6}(?:党组织|党委|党工委|党支部|党组))"
    r"(?!书记|班子|委员|成员|会|的)"
)
_SLOT_RE = _PROGRAMS.compile(r"{{\s*(.+?)\s*}}")
# a wording opening with a short maxim of its own sentence (“研判是做好意识形态工作的前提。”): one per draft reads
# as the writer's voice, several as a template's (round 24 marked four in two drafts)
_MAXIM_OPENING = _PROGRAMS.compile(r"[^，。；：{]{4,18}。")


def _opens_with_maxim(text: str) -> bool:
    """An opening whose first sentence says no year or time (“抓好党建是书记的分内事。”, “企业的各项工作能不能走在
    前面，关键看党组织有没有战斗力。”): real openings start on the year (“2024年以来，在县委的领导下……”)."""
    first = _SLOT_NOT_YEAR.sub("", text.split("。", 1)[0])  # “{{ 单位.自称 }}的头等任务是育人。”: a maxim
    return not any(w in first for w in ("年", "以来", "{{"))


_SLOT_NOT_YEAR = re.compile(r"\{\{\s*(?!年度)[^}]*\}\}")


ECHO_RUN = 6  # characters of a heading that, found again in the opening of its text, read as a repetition


# a problem that names the organisation itself (its 党组织 or 自称 slot, or a leading body's name)
_OWN_BODY = _PROGRAMS.compile(
    r"\{\{ ?(?:单位\.党组织|单位\.自称|类型\.自称) ?\}\}|党组[^织]|党委|党工委|班子"
)


# “批评教育不够及时” after “及时批评教育”: an action said to lack the very manner 主要工作 claims for it
_LACKS_MANNER = _PROGRAMS.compile(
    r"([\u4e00-\u9fff]{2,4}?得?)(?:还|仍|也)?(?:不够|不太|不)(及时|经常|严格|主动|规范)"
)


MANNER_GAP = 2  # characters that may stand between a manner word and its action (及时谈心提醒: 及时 … 提醒)


def _mirrors(text: str, said: str) -> bool:
    """Whether ``text`` says an action lacks a manner (批评教育不够及时, 提醒得不够及时) that ``said`` claims for
    the same action (及时批评教育, 及时谈心提醒): the action's last two to four characters after the manner
    word, at most MANNER_GAP characters of the same clause between them."""
    if "不" not in text:
        return False
    for match in _LACKS_MANNER.finditer(text):
        action, manner = match.groups()
        action = action.removesuffix("得")  # 提醒得不够及时: the action is 提醒
        if len(action) > 1 and _claims_manner(manner, action, said):
            return True
    return False


def _claims_manner(manner: str, action: str, said: str) -> bool:
    """``said`` puts ``manner`` before the action's last two to four characters (a few characters between)."""
    if manner not in said:
        return False
    tails = "|".join(re.escape(action[-n:]) for n in range(len(action), 1, -1))
    return re.search(rf"{manner}[^，。；、]{{0,{MANNER_GAP}}}(?:{tails})", said) is not None


@lru_cache(maxsize=16384)
def _mask_words(text: str, words: tuple[str, ...]) -> str:
    """``text`` with each of ``words`` put out (a NUL in its place: no run reaches across it)."""
    for word in words:
        text = text.replace(word, "\0")
    return text


@lru_cache(maxsize=16384)
def _lead_runs(lead: str) -> frozenset[str]:
    """The four-character runs of a heading (slots left out)."""
    return frozenset(grams(_SLOT_RE.sub("", lead), 4))


@lru_cache(maxsize=64)
def _promises(reg: Registry, role: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each topic of ``role`` with its keywords of PROMISE_CHARS or more (what an intro or heading promises)."""
    return tuple(
        (t.name, tuple(k for k in t.keywords if len(k) >= PROMISE_CHARS))
        for t in reg.topics.get(role, {}).values()
    )


@lru_cache(maxsize=16384)
def _topics_named(reg: Registry, role: str, text: str) -> frozenset[str]:
    """:meth:`Selector._topics_named`, asked once per process for each wording; its slots left out (a
    ``{{ 类型.中心工作 }}`` names the 中心工作 topic's keyword without promising an item on it)."""
    plain = _SLOT_RE.sub("", text)
    return frozenset(name for name, words in _promises(reg, role) if any(k in plain for k in words))


def _says_again(text: str, phrases: Sequence[str], elsewhere: set[str]) -> bool:
    """``text`` says one of ``phrases`` that the draft says ``elsewhere``."""
    return any(p in elsewhere and p in text for p in phrases)


def _told_wider(given: set[str], carried: list[set[str]]) -> set[str]:
    """The numbers of the items (``carried``) that tell every one of ``given`` and more: 支部党员大会 and 党小组会
    under 理论学习, then with 支委会 too under 三会一课 (round 29) — the item telling fewer gives way."""
    return set().union(*(c for c in carried if given < c)) if given else set()


@lru_cache(maxsize=16384)
def _echoes_lead(lead: str, text: str) -> bool:
    """The wording opens by repeating ECHO_RUN characters of its heading (slots compared by their names)."""
    lead, opening = _SLOT_RE.sub(r"\1", lead), _SLOT_RE.sub(r"\1", text)[: len(lead) + 12]
    return any(lead[i : i + ECHO_RUN] in opening for i in range(len(lead) - ECHO_RUN + 1))


NAME_LACKS = "不含"  # 单位类型.yaml 名称避免用语: a key so prefixed applies when the full name lacks the word


def _names(part: str, name: str) -> bool:
    """Whether a 名称避免用语 key applies to the unit's ``name``: its word is in the name, or (a key opening with
    NAME_LACKS, “不含集团”) the word is not."""
    if part.startswith(NAME_LACKS) and len(part) > len(NAME_LACKS):
        return part[len(NAME_LACKS) :] not in name
    return part in name


# share of a wording's first clause said by its heading before it reads as the heading again
RESTATE_SHARE = 0.7
_FIRST_CLAUSE = re.compile(r"[，。；：！？]")


def _restates_lead(lead: str, text: str) -> bool:
    """The wording's first clause says its heading again in other order or with a word or two added: RESTATE_SHARE
    of its characters lie in runs of two or more it shares with the heading (round 68: “四是强化日常监督。日常
    监督要强化”, “把监督融入学校日常管理。我把监督融入学校日常管理”); “我经常和青年教师聊职业理想” under “青年
    教师入党早引导早培养” shares one word and reads on."""
    lead = _SLOT_RE.sub(r"\1", lead)
    first = _FIRST_CLAUSE.split(_SLOT_RE.sub(r"\1", text), maxsplit=1)[0]
    if len(first) < 2:
        return False
    covered = [False] * len(first)
    for i in range(len(first) - 1):
        n = 2
        while i + n <= len(first) and first[i : i + n] in lead:
            n += 1
        if n > 2:  # first[i : i + n - 1] is in the heading
            covered[i : i + n - 1] = [True] * (n - 1)
    return sum(covered) >= RESTATE_SHARE * len(first)


@dataclass(frozen=True)
class _Softening:
    """What :meth:`Selector._soften_claims` reads a wording against: the words claiming completeness, the
    self-critical half's specific two-character words, and the 前后矛盾 pairs whose denials it voices."""

    words: tuple[str, ...]
    below: frozenset[str]
    denied: frozenset[str]
    sentences: tuple[frozenset[str], ...] = ()  # each self-critical sentence's clause words
    problems: tuple[str, ...] = ()  # the printed problems' wordings
    measures: tuple[str, ...] = ()  # the printed measures' wordings

    def claims(self, text: str) -> int:
        return sum(w in text for w in self.words)

    def subject(self, text: str, words: Callable[[str], frozenset[str]]) -> int:
        """The most clause words one sentence of ``text`` shares with one self-critical sentence."""
        return max(
            (len(words(x) & c) for x in _SENTENCE_SPLIT.split(text) if x for c in self.sentences),
            default=0,
        )


def _home_of(item: object, types: int) -> int:
    """The unit type (its index of ``types``) a general frame wording or heading family is home to, by a stable
    digest of its id, name or text."""
    key = str(getattr(item, "id", None) or getattr(item, "name", None) or getattr(item, "text", ""))
    return stable_number(key, 4) % types


def _section_words(section: SectionPlan) -> str:
    """What a section's items say: each item's and each folded item's words and the lines it carries."""
    return "".join(_item_words(x) + "".join(x.tail) for it in section.items for x in (it, *it.merged))


def _word_runs(grams: frozenset[str]) -> int:
    """How many words two-character runs make: 老旧, 旧小, 小区 are one (老旧小区); 谋划, 推进, 考核 three."""
    ends = {g[1] for g in grams}
    return sum(1 for g in grams if g[0] not in ends)


def _runs(grams: frozenset[str]) -> int:
    """How many words the three-character runs make: runs that overlap by two characters (党建任, 建任务) are one
    word, so one four-character word is not two things two measures share."""
    heads = {g[:2] for g in grams}
    return sum(1 for g in grams if g[1:] not in heads or g[1:] == g[:2])


def _match_layers(usable: Sequence[Sequence[Fragment]]) -> list[Fragment | None]:
    """One cause for each problem of ``usable`` (each problem's printable causes, best first; ``None`` for a
    problem left without), no two of one layer: the choice explaining most problems, then the one taking each
    problem's causes earliest in its list, earlier problems first.  A few problems and causes, so every choice
    is weighed."""
    options = [[*causes[:MATCH_DEPTH], None] for causes in usable]
    best: tuple[int, tuple[int, ...]] | None = None
    chosen: list[Fragment | None] = [None] * len(options)
    for pick in itertools.product(*options):
        frags = [f for f in pick if f is not None]
        if len({f.topic_key for f in frags}) < len(frags):
            continue
        key = (
            -len(frags),
            tuple(len(o) if f is None else o.index(f) for f, o in zip(pick, options, strict=True)),
        )
        if best is None or key < best:
            best, chosen = key, list(pick)
    return chosen


def _item_words(item: Item) -> str:
    """What an item says: its lead and its chosen wording (or the user's text)."""
    if item.fragment is not None:
        return item.fragment.lead + item.fragment.texts[item.variant % len(item.fragment.texts)]
    return item.lead + item.text


def _details_said(section: SectionPlan) -> str:
    """The wordings of the 表现 a section's user lines were expanded with (their detail fragments)."""
    return "".join(
        x.detail.texts[x.variant % len(x.detail.texts)]
        for it in section.items
        for x in (it, *it.merged)
        if x.detail is not None and x.detail.texts
    )


def _self_critical_said(plan: Plan) -> str:
    """What the problems and causes say: their items' words and the 表现 the user's lines were expanded with."""
    return "".join(
        _section_words(plan.sections[r]) + _details_said(plan.sections[r])
        for r in (PROBLEMS, CAUSES)
        if r in plan.sections
    )


def _has_run_of(words: str, said: str, run: int = 3) -> bool:
    """Whether ``said`` has a run of ``run`` characters of ``words``."""
    return any(words[i : i + run] in said for i in range(len(words) - run + 1))


def _all_wordings(item: Item) -> str:
    """Everything a problem or cause says in any of its wordings (they say one thing:
    :meth:`Selector._contradicting`), with the 表现 it was given; a user's own line as written."""
    frags = [f for f in (item.fragment, item.detail) if f is not None]
    return item.lead + item.text + "。".join(f.lead + "。".join(f.texts) for f in frags)


@lru_cache(maxsize=16384)
def _phrases(text: str) -> frozenset[str]:
    """The four-character runs of a wording (slots left out): what `drafter lint` counts as repetition."""
    return grams(_SLOT_RE.sub("", text), REPEAT_RUN)


def _source(item: Item) -> str:
    """The Jinja text a fragment's item prints: its lead and its chosen wording."""
    assert item.fragment is not None
    return item.fragment.lead + item.fragment.texts[item.variant % len(item.fragment.texts)]


def _names_plenum(text: str) -> bool:
    """The wording names the year's plenums (the 提法.全会 or 提法.最新全会 slot, or a plenum written out)."""
    return "全会" in text


def stable_number(key: str, size: int = 8) -> int:
    """A number drawn from ``key`` (the first ``size`` bytes of its sha256 digest), stable across runs and
    machines: what the choices made by the unit rather than by the seed draw by."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:size], "big")


def stable_seed(facts: Facts) -> int:
    """A seed derived from 单位 and 年度, stable across runs and machines."""
    return stable_number(
        f"{facts.get('单位.全称') or facts.get('单位.简称') or ''}|{facts.get('年度') or ''}"
    )


def _quoted(text: str) -> str:
    """``text`` in double quotes, its own double quotes made single (“教师党支部书记‘双带头人’比例不高”, not
    “…“双带头人”…”: round 28's reading of a 学院 summary)."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？…" else text + "。"


def _looks_like_id(text: str) -> bool:
    return text.isascii() and "-" in text and " " not in text and len(text) < 60


_HEAD_RE = _PROGRAMS.compile(r"^([^：:]{1,24}?)(?:：|:(?!:))(?!:)(.*\S.*)$")


def _fusion_item(raw: dict[str, Any]) -> Item:
    """A 业务融合 entry written as {成效, 党组织做法} (and 标题): an item of its own, the Party organisation's
    part (printed first) and the result (after it); without 党组织做法, a result like a one-line entry."""
    party = str(raw.get("党组织做法") or "").strip()
    return Item(
        str(raw.get("标题") or "").strip(),
        _full_stop(str(raw.get("成效") or "")),
        party=_full_stop(party) if party else "",
    )


def split_user_text(raw: Any) -> tuple[str, str]:
    """The user's words as (标题, 内容): “标题：内容”, {标题, 内容} or one sentence (no 标题)."""
    if isinstance(raw, dict):
        return str(raw.get("标题") or "").strip(), _full_stop(str(raw.get("内容") or ""))
    text = str(raw).strip()
    m = _HEAD_RE.match(text)
    if m:
        return m[1].strip(), _full_stop(m[2])
    return "", _full_stop(text)


@dataclass
class _Fill:
    """A main section being filled: its items by topic, the user's unmatched lines, the topics' order, and
    how much room is left (an item count, or a 字数 budget)."""

    order: list[str]
    budget: int | None
    slots: dict[str, Item] = field(default_factory=dict)
    extra: list[Item] = field(default_factory=list)
    count: int = 0
    chars: int = 0
    extras_left: int = MAX_EXTRA

    def room(self) -> bool:
        if self.budget is None:
            return len(self.slots) + len(self.extra) < self.count
        return self.chars < self.budget

    def wants(self, brings_a_number: bool) -> bool:
        """Room left, or (a few times) a fragment that brings a number the draft lacks."""
        if self.room():
            return True
        if brings_a_number and self.extras_left > 0:
            self.extras_left -= 1
            return True
        return False

    def add(self, topic: str, item: Item, chars: int) -> None:
        self.slots[topic] = item
        self.chars += chars


def _wrong_voice(voice: str, text: str) -> int:
    """1 for a wording in the secretary's own voice (“我将……”) inside a unit's summary (``voice`` 单位), or
    one naming the secretary in the third person (“学校党组织书记坚持……”) inside their own 述职."""
    if voice == "单位":
        return 1 if _FIRST_PERSON.search(text) else 0
    return 1 if "我" not in text and _SECRETARY_AS_THIRD.search(text) else 0


@dataclass(frozen=True)
class _Audience:
    """What decides whether a fragment may go into a draft at all: the report kind and its voice, the unit
    type, the year, the 做法 the facts show and the fragments the user excluded (不用)."""

    kind: str
    voice: str
    unit_type: str
    year: int | None
    practices: frozenset[str]
    excluded: frozenset[str]

    def fits(
        self, voice: Sequence[str], units: Sequence[str], years: Years, kinds: Sequence[str] = ()
    ) -> bool:
        # without a 年度, only wording that is not tied to particular years (no 主题教育 of 2023…)
        in_year = self.year in years if self.year is not None else years.last is None
        return (
            self.voice in voice
            and ("通用" in units or self.unit_type in units)
            and in_year
            and (not kinds or self.kind in kinds)
        )

    def weight(self, f: Fragment) -> float:
        """Among fragments that tie on :meth:`Selector._key`, how much likelier one is drawn first: wording
        written for this report kind, for this unit type, for this year.  Likelier, not certain, so sibling
        units of one type drafting from the same facts still get different drafts."""
        specific = self.unit_type != "通用" and self.unit_type in f.unit_types
        of_the_year = self.year is not None and f.years.last is not None
        # a secretary's 述职 speaks as “我”: wording that does reads less like the unit's summary
        own_voice = self.voice == "个人" and any("我" in t for t in f.texts)
        return (
            (4.0 if f.kinds else 1.0)
            * (4.0 if specific else 1.0)
            * (4.0 if of_the_year else 1.0)
            * (2.0 if own_voice else 1.0)
        )

    def suits(self, fragment: Fragment) -> bool:
        """Not excluded, in a voice the draft can use, fitting kind, unit type and year, claiming only 做法
        the facts show."""
        return (
            fragment.id not in self.excluded
            and not (self.voice == "单位" and all(_wrong_voice(self.voice, t) for t in fragment.texts))
            and self.fits(fragment.voice, fragment.unit_types, fragment.years, fragment.kinds)
            and all(c in self.practices for c in fragment.claims)
        )


class _Fitting:
    """The fragments of one library that suit one :class:`_Audience`, by role and by topic in library order:
    worked out once and kept with the library, so every draft for the same audience (a batch has thousands
    of drafts and a few dozen audiences) only leaves out what it has used already."""

    def __init__(self, library: Library, audience: _Audience) -> None:
        self.library = library
        self.audience = audience
        self._suits: dict[str, bool] = {}  # fragment id → :meth:`_Audience.suits`
        self._weights: dict[str, float] = {}  # fragment id → :meth:`_Audience.weight`
        self._roles: dict[str, list[Fragment]] = {}
        self._topics: dict[tuple[str, str], list[Fragment]] = {}
        self._variants: dict[Hashable, list[Variant]] = {}

    @classmethod
    def of(cls, library: Library, audience: _Audience) -> _Fitting:
        return library.derived(("fitting", audience), lambda: cls(library, audience))

    def suits(self, fragment: Fragment) -> bool:
        found = self._suits.get(fragment.id)
        if found is None:
            found = self._suits[fragment.id] = self.audience.suits(fragment)
        return found

    def weight(self, fragment: Fragment) -> float:
        found = self._weights.get(fragment.id)
        if found is None:
            found = self._weights[fragment.id] = self.audience.weight(fragment)
        return found

    def role(self, role: str) -> list[Fragment]:
        found = self._roles.get(role)
        if found is None:
            found = self._roles[role] = [f for f in self.library.fragments(role) if self.suits(f)]
        return found

    def variants(self, key: Hashable, build: Callable[[], list[Variant]]) -> list[Variant]:
        """The headings or intros ``build`` finds for this audience, kept under ``key``."""
        found = self._variants.get(key)
        if found is None:
            found = self._variants[key] = build()
        return found

    def topic(self, role: str, topic: str) -> list[Fragment]:
        found = self._topics.get((role, topic))
        if found is None:
            found = self._topics[role, topic] = [
                f for f in self.library.of_topic(role, topic) if self.suits(f)
            ]
        return found


class Selector:
    def __init__(
        self,
        library: Library,
        facts: Facts,
        *,
        seed: int | None = None,
        target: int | None = None,
        reg: Registry | None = None,
    ) -> None:
        self.library = library
        self.facts = facts
        self.reg = reg or registry()
        self.kind: Kind = self.reg.kinds[facts.kind]
        self.voice = self.kind.voice
        self.unit_type = self.reg.unit_type(facts.get("单位.类型"))
        self.avoided = self._avoided_words(facts)
        self.longer_words = self.reg.words(LONGER_WORDS, self.unit_type.name)
        self.rhythm_words = self.reg.words(RHYTHM_WORDS, self.unit_type.name)
        self.year = facts.year
        self.seed = stable_seed(facts) if seed is None else seed
        self.seed_given = seed is not None
        self.layout = self._layout()
        self.excluded = set(facts.get("不用") or [])
        self.pinned = [p for p in facts.get("选用") or [] if isinstance(p, str)]
        self.practices = set(facts.get("做法") or [])  # ticked, or shown by a count the user gave
        self.practices |= {
            p for p, paths in self.reg.practice_facts.items() if any(facts.has(x) for x in paths)
        }
        self.used: set[str] = set()
        self.covered: set[str] = set()
        self.main_topics: set[str] = set()
        self._main_items: dict[str, list[Item]] = {}
        # what the draft says before its self-criticism besides 主要工作's items: the opening, the intros of
        # 主要工作's parts and the 上年度问题整改 part (a problem may deny these as well)
        self._opening: Fragment | None = None
        self._main_intros: dict[str, str] = {}
        self._rectified: SectionPlan | None = None
        self._problems_said: frozenset[str] = frozenset()  # specific 3-grams of the chosen problems
        self._gaps_said: frozenset[str] = frozenset()  # open findings whose 差距 the chosen problems print
        self._problem_answers: list[Item] = []  # the measures the chosen problems name first (pairs)
        # a unit's summary: words one of which a cause must say to be the organisation's own (措辞.yaml 原因自剖主语)
        self._cause_owners = self.reg.words(CAUSE_OWNERS, self.unit_type.name) if self.voice == "单位" else ()
        self._repeats: dict[str, bool] = {}  # fragment id → speaks of a finding reported fixed
        self._redoes: dict[str, int] = {}  # fragment id → :meth:`_redoes_fixed`
        self._said: Counter[str] = Counter()  # four-character phrases of the wordings taken, by item
        self._main_grams: list[frozenset[str]] = []  # content 3-grams of each 主要工作 wording taken
        self._main_leads: set[str] = set()  # four-character runs of the 主要工作 headings taken
        self._maxims = 0  # 主要工作 wordings taken that open with a maxim (警示教育贵在触动思想。)
        self._main_taken: list[str] = []  # each 主要工作 item taken: its heading and wording
        self._done: dict[str, int] = {}  # measure id → _promises_done
        self._done_clauses: DoneClauses | None = None  # see _clause_repeats
        self._repeating: dict[str, int] = {}  # measure id → _repeats_done
        self._repeats_of: dict[str, int] = {}  # measure wording → _clause_repeats
        self._retold_upto: dict[str, tuple[int, bool]] = {}  # wording → (items checked, retells one)
        self._denied: dict[str, int] = {}  # wording → _denies, for the 主要工作 text it was asked against
        self._counted: re.Pattern[str] | bool | None = None  # see _counted_denial
        # what _said holds more than once, twice …: the last set is what it holds REPEAT_FROM times or more
        self._at_least: list[set[str]] = [set() for _ in range(REPEAT_FROM)]
        self._achieved: set[str] | None = None
        self._main_said: str | None = None
        self._headings_said = ""  # the chosen heading family's four headings: claims as well
        self._claims_of: str | None = None  # the 主要工作 text _claimed was found in
        self._claimed: frozenset[str] = frozenset()
        # 主要工作's sentences by their clause words, for the text they were read from (see _close_to_main)
        self._sentences_of: str | None = None
        self._sentence_index: dict[str, list[int]] = {}
        self._sentence_words: list[frozenset[str]] = []
        self._close: dict[str, bool] = {}  # problem or cause wording → _close_to_main
        self._foreign_seen = _foreign_counts(self.avoided, self.longer_words)
        # fragment id → :meth:`_foreign_frag`, shared by the drafts that avoid the same words
        self._foreign_frags = library.derived(("foreign", self.avoided, self.longer_words), _new_counts)
        self.audience = _Audience(
            self.kind.name,
            self.voice,
            self.unit_type.name,
            self.year,
            frozenset(self.practices),
            frozenset(self.excluded),
        )
        self._fitting = _Fitting.of(library, self.audience)
        self._clashes: dict[str, int] = {}
        self._needs_given: dict[str, tuple[int, tuple[str, ...]]] = {}  # fragment id → :meth:`_given`
        self._facts_given: dict[str, bool] = {}  # fact path → :meth:`_has`
        self._covering: dict[str, frozenset[str]] = {}  # a chosen text → the year's 提法 it prints
        self._covering_items: dict[tuple[str, int], frozenset[str]] = {}  # (fragment id, wording) → the same
        self.diagnostics: list[Diagnostic] = []
        given_target = facts.get("字数")
        self.target: int | None = target if target is not None else (given_target or None)
        self.length_bias = 0  # with a 字数 target: 1 = shorter of two equal wordings first, -1 = longer first

    def _avoided_words(self, facts: Facts) -> tuple[str, ...]:
        """The words this draft avoids: the unit type's (less those the kind always uses), the kind's, by how
        the Party organisation's name ends (kind.yaml 组织避免用语), by words in the unit's name (名称避免用语)."""
        org = str(facts.get("单位.党组织") or "")
        name = str(facts.get("单位.全称") or facts.get("单位.简称") or "")
        return (
            *(w for w in self.unit_type.avoid if w not in self.kind.own_words),
            *self.kind.avoid,
            *(w for end, words in self.kind.org_avoid.items() if org.endswith(end) for w in words),
            *(w for part, words in self.unit_type.name_avoid.items() if _names(part, name) for w in words),
        )

    # -- eligibility and ranking ------------------------------------------------------------

    def fits(
        self, voice: Sequence[str], units: Sequence[str], years: Years, kinds: Sequence[str] = ()
    ) -> bool:
        return self.audience.fits(voice, units, years, kinds)

    def eligible(self, fragment: Fragment) -> bool:
        return fragment.id not in self.used and self._fitting.suits(fragment)

    def _usable(self, role: str) -> list[Fragment]:
        """The eligible fragments of ``role``, in library order."""
        used = self.used
        return [f for f in self._fitting.role(role) if f.id not in used]

    def _usable_of_topic(self, role: str, topic: str) -> list[Fragment]:
        """The eligible fragments of one role and topic, in library order."""
        used = self.used
        return [f for f in self._fitting.topic(role, topic) if f.id not in used]

    def _rng(self, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{what}")

    def _word(self, name: str, key: str, keep: Callable[[str], bool] | None = None) -> str:
        """One of 措辞.yaml ``name``'s wordings for ``key`` (this type's first, a voice or 通用), by the seed;
        with ``keep``, of those it keeps while any is left."""
        options = self._native_words(self.reg.words(name, self.unit_type.name, key))
        if keep is not None:
            options = [o for o in options if keep(o)] or options
        return self._rng(name).choice(options) if options else ""

    def _native_words(self, options: Sequence[str]) -> list[str]:
        """措辞.yaml wordings without a word this draft avoids (“各党支部” in a branch secretary's 述职), when
        any is left; else all of them."""
        native = [o for o in options if not self._foreign_words(o)]
        return native or list(options)

    def _key(self, f: Fragment) -> tuple[int, ...]:
        """Sort key, smallest best: all its numbers given; bringing the most numbers the draft lacks;
        repeating no number already in the draft."""
        missing, numbers = self._given(f)
        new = sum(1 for n in numbers if n not in self.covered)
        repeated = len(numbers) - new
        length = self.length_bias * (self.estimate(f) // 50) if self.length_bias else 0
        return (
            min(missing, 1),
            -new,
            min(repeated, 1),
            self._foreign_frag(f) + self._denied_by_user(f),
            length,
        )

    def _has(self, path: str) -> bool:
        """``facts.has(path)``, asked once per fact and draft (the facts do not change while it is planned)."""
        found = self._facts_given.get(path)
        if found is None:
            found = self._facts_given[path] = self.facts.has(path)
        return found

    def _given(self, f: Fragment) -> tuple[int, tuple[str, ...]]:
        """How many of the fragment's needs the facts lack, and the numbers (count, percent) they give."""
        found = self._needs_given.get(f.id)
        if found is None:
            given = [n for n in f.needs if self._has(n)]
            numbers = tuple(n for n in given if n in NUMBER_FACTS)
            found = self._needs_given[f.id] = (len(f.needs) - len(given), numbers)
        return found

    def _foreign(self, texts: Sequence[str]) -> int:
        """1 when the wording uses a word this kind of unit does not (村: 业务处室, 职工).  A longer word
        that merely contains an avoided one does not count (两新组织 avoids 党组, not 党组织)."""
        return 1 if any(self._foreign_words(t) for t in texts) else 0

    def _wrong_voice(self, text: str, role: str = "") -> int:
        """:func:`_wrong_voice` in this draft's voice; and in a 述职's 主要工作, a wording whose subject is the
        organisation (“社区党组织扛起……”, no “我”), which reads as the unit's summary, not the secretary's own."""
        if _wrong_voice(self.voice, text):
            return 1
        main = self.voice != "单位" and role in self.kind.main_roles
        return 1 if main and "我" not in text and _ORG_SUBJECT.match(text) else 0

    def _foreign_words(self, text: str) -> int:
        """How many of the avoided words the wording uses (memoised across drafts that avoid the same words:
        rankings ask again and again, and a batch drafts thousands of reports)."""
        found = self._foreign_seen.get(text)
        if found is None:
            found = self._foreign_seen[text] = _count_avoided(text, self.avoided, self.longer_words)
        return found

    def _foreign_frag(self, f: Fragment) -> int:
        """1 for a fragment that uses a word this draft avoids (:meth:`_foreign`; once per fragment): in its
        heading (lead) or any wording.  A measure is foreign when its heading uses one or every wording does —
        the one rule for measures, wherever they are weighed: it is printed in a wording without one
        (:meth:`_variant`), so another wording with one does not keep it out (a 机关's 在职党员报到 measure
        whose later wordings say 我们)."""
        found = self._foreign_frags.get(f.id)
        if found is None:
            if f.role == MEASURES:
                found = int(bool(self._foreign_words(f.lead)) or all(self._foreign_words(t) for t in f.texts))
            else:
                found = self._foreign((f.lead, *f.texts))
            self._foreign_frags[f.id] = found
        return found

    def _native_first(self, pool: list[Fragment]) -> list[Fragment]:
        """For problems and causes: wordings this kind of unit would not write (a village secretary on 薄弱支部)
        are dropped whenever another wording remains; a foreign measure always (what it prints would carry the
        word)."""
        native = [f for f in pool if not self._foreign_frag(f)]
        return native if native or all(f.role == MEASURES for f in pool) else pool

    def _specific(self, f: Fragment) -> int:
        """1 for wording written for this type of unit (not 通用)."""
        return self._specific_to(f.unit_types)

    def _specific_to(self, unit_types: Sequence[str]) -> int:
        return 1 if self.unit_type.name != "通用" and self.unit_type.name in unit_types else 0

    def _weight(self, f: Fragment) -> float:
        """:meth:`_Audience.weight` (kept for the audience)."""
        return self._fitting.weight(f)

    def rank(self, candidates: Iterable[Fragment], what: str) -> list[Fragment]:
        """Candidates best first: by :meth:`_key`; ties in an order drawn with the run's seed, weighted by
        :meth:`_weight` (each candidate's draw is u ** (1 / weight), largest first).  One candidate or none
        needs no ranking (the draws are made on a generator of this call's own, so skipping them changes
        nothing else)."""
        pool = list(candidates)
        if len(pool) < 2:
            return pool
        rng = self._rng(what)
        # with OWN_ENOUGH wordings of this unit type among them, a general wording comes after every one of
        # them that fits as well: drafts of different types then share no paragraph where a type has its own
        own_first = sum(1 for f in pool if self._specific(f)) >= OWN_ENOUGH
        worn = self._worn_words()
        keyed = [
            (
                self._key(f),
                0 if not own_first or self._specific(f) else 1,
                self._tic(f, worn),
                -(rng.random() ** (1.0 / self._weight(f))),
                f,
            )
            for f in pool
        ]
        return [f for *_, f in sorted(keyed, key=lambda k: k[:4])]

    def _worn_words(self) -> list[str]:
        """The words used sparingly (措辞.yaml 少用的词) the draft already has RHYTHM_FROM times."""
        return [w for w in self.rhythm_words if self._said[w] >= RHYTHM_FROM]

    def _tic(self, f: Fragment, worn: list[str]) -> int:
        """1 when every wording of the fragment (or its lead) uses a word the draft already has too often
        (``worn``: “带头” ten times in one 述职 reads as a tic)."""
        if not worn:
            return 0
        return int(any(w in f.lead for w in worn) or all(any(w in t for w in worn) for t in f.texts))

    def best(self, role: str, topic: str, *, self_critical: bool = False) -> Fragment | None:
        """The best fitting fragment of a topic (a pinned one first).  ``self_critical`` (problems, causes):
        wordings that restate what 主要工作 claims, or speak of others instead of “我” in a 述职, go last."""
        pinned = [f for f in self._pinned(role) if f.topic_key == topic]
        if pinned:
            return pinned[0]
        pool = self._usable_of_topic(role, topic)
        if role in SELF_CRITICAL_ROLES:
            pool = self._native_first(pool)
        ranked = self.rank(pool, f"{role}:{topic}")
        if role in self.kind.main_roles and self._main_grams:  # not the same thing told twice: the first
            fresh = next((f for f in ranked if not self._retells(f)), None)  # that does not, if any
            if fresh is not None and ranked[0] is not fresh:
                ranked.remove(fresh)
                ranked.insert(0, fresh)
        if self_critical:
            return self._least_critical(ranked, role)
        return ranked[0] if ranked else None

    def _least_critical(self, ranked: list[Fragment], role: str) -> Fragment | None:
        """The first of ``ranked`` with the fewest faults — denying 主要工作, restating it, a measure saying a
        clause of it again, restating a problem (a cause), speaking of others in a 述职 — as a stable sort would
        put first, without scoring those after a faultless one."""
        best: tuple[tuple[int, ...], Fragment] | None = None
        for frag in ranked:
            key = (
                max(
                    self._contradicting(frag),
                    self._redoes_fixed(frag) if role == MEASURES else 0,
                    self._promises_done(frag) if role == MEASURES else 0,
                ),
                self._repeats_done(frag) if role == MEASURES else 0,
                self._clash(frag),
                self._echoes_problems(frag) if role == CAUSES else 0,
                self._not_own(frag),
                self._unanswerable(frag) if role == CAUSES else 0,
            )
            if best is None or key < best[0]:
                best = (key, frag)
            if not any(key):
                break
        return best[1] if best else None

    def _unanswerable(self, frag: Fragment) -> int:
        """1 for a cause no measure this draft may use answers: none it names (pairs) is usable, and, naming
        none, no measure shares CAUSE_WORDS_MIN of its words (round 27: “原因二……——无——缺措施”; of two
        causes of a layer, the one 下一步 can answer keeps 问题—原因—措施 one to one)."""
        if any(self._usable_pair(t) is not None for t in frag.pairs):
            return 0
        if frag.pairs:
            return 1
        said = frag.lead + frag.texts[self._variant(frag)]
        # and not only by a measure saying again what the problems' own measures say (round 30: a cause's one
        # answer on 理论学习 was kept out by the problem's measure on 理论学习 chosen after it)
        # nor by one every wording of which promises what 主要工作 reports done (a 党课 每学期 after 2 in the year)
        topic, candidates = self._cause_candidates(frag.topic_key, said, set(), unlike=self._problem_answers)
        scored = self._scored(candidates, said, topic, cause=True)
        return 0 if any(not self._repeats_done(f) for _, f in scored) else 1

    def _echoes_problems(self, frag: Fragment) -> int:
        """1 for a cause that says again what a chosen problem says (“精力分配失衡” under both): a reviewer
        reads it as the problem restated, not its cause."""
        return 1 if all(self._echo(frag.lead + t) for t in frag.texts) else 0

    def _echo(self, text: str) -> bool:
        """The wording (with its heading) shares more than CLASH_MAX specific three-character words with the
        chosen problems."""
        said = self._problems_said
        return bool(said) and len(self.library.overlap.specific(text, 3) & said) > CLASH_MAX

    def _tagged(self, role: str, tag: str, all_done: bool = False) -> Fragment | None:
        """A fragment with ``tag``; for 数量, one saying all were fixed exactly when they were (全部)."""
        pool = [
            f
            for f in self._usable(role)
            if tag in f.tags and (tag != "数量" or ("全部" in f.tags) == all_done)
        ]
        ranked = self.rank(pool, f"{role}:{tag}")
        return ranked[0] if ranked else None

    def _pinned(self, role: str) -> list[Fragment]:
        by_id = self.library.by_id()
        return [by_id[p] for p in self.pinned if p in by_id and by_id[p].role == role and p not in self.used]

    def take(self, frag: Fragment, topic: str | None = None) -> Item:
        self.used.add(frag.id)
        self.covered.update(n for n in frag.needs if self._has(n))
        variant = self._variant(frag)
        chosen = frag.texts[variant]
        said = frag.lead + chosen
        self._say(_phrases(chosen), {w: said.count(w) for w in self.rhythm_words if w in said})
        if frag.role in self.kind.main_roles:
            self._main_grams.append(self.library.overlap.content(chosen))
            self._main_taken.append(frag.lead + chosen)
            self._main_leads |= self._heading_runs(frag.lead)
            self._maxims += _MAXIM_OPENING.match(chosen) is not None
        return Item(frag.lead, "", frag, variant, topic if topic is not None else frag.topic_key)

    def _retells(self, frag: Fragment) -> int:
        """1 when every wording of the fragment says again much of what an item already in 主要工作 says
        (round 14: two items on “为居民办实事…列成清单…向居民反馈”, two on 小微权力 naming the same matters)."""
        if not self._main_grams:
            return 0
        # a heading sharing four characters with one already taken heads the same thing (把党组织建在网格和楼栋 /
        # 把党支部建在网格小区上, the wordings in other words)
        return int(
            not self._main_leads.isdisjoint(self._heading_runs(frag.lead))
            or all(self._retold(t) for t in frag.texts)
        )

    def _heading_runs(self, lead: str) -> frozenset[str]:
        """The four-character runs of a heading that say what it is about: the people it names (措辞.yaml
        标题同事不计的词: 党员教师, 青年教师 …) left out — two headings naming 党员教师 are not on one thing
        (round 32: a school's 设立党员教师示范岗 and 党员骨干结对帮带青年教师 were kept out of 业务融合, which then
        had one item)."""
        people = self._heading_people
        return _lead_runs(_mask_words(lead, people)) if people else _lead_runs(lead)

    @cached_property
    def _heading_people(self) -> tuple[str, ...]:
        """措辞.yaml 标题同事不计的词 for this unit type (asked once: headings are compared on every pick)."""
        return self.reg.words(HEADING_PEOPLE, self.unit_type.name)

    def _retold(self, text: str) -> bool:
        """The wording shares more than RETELL_MAX content words with one 主要工作 item already taken (items
        are only added: what was checked is not checked again)."""
        checked, found = self._retold_upto.get(text, (0, False))
        if not found and checked < len(self._main_grams):
            mine = self.library.overlap.content(text)
            found = any(len(mine & said) > RETELL_MAX for said in self._main_grams[checked:])
            self._retold_upto[text] = (len(self._main_grams), found)
        return found

    def _variant(self, frag: Fragment) -> int:
        """Which wording of the fragment the draft uses: the one with the fewest words this kind of unit would
        not use (避免用语), one that does not open by saying its heading again (带头开展党纪学习教育。在党纪学习
        教育中……), in a unit's summary never one saying “我” (我们, 我局 and 自我批评 are fine), then the
        one repeating fewest phrases the draft already has often; among equals, by the seed."""
        foreign = self._wording_faults(frag)
        choices = [i for i, n in enumerate(foreign) if n == min(foreign)]  # the fewest avoided words
        fresh = [i for i in choices if not _echoes_lead(frag.lead, frag.texts[i])]
        choices = fresh or choices
        if len(choices) > 1:
            worn = [self._worn_count(frag.texts[i]) for i in choices]
            choices = [i for i, w in zip(choices, worn, strict=True) if w == min(worn)]
        return choices[self._rng(frag.id).randrange(len(choices))] if len(choices) > 1 else choices[0]

    def _wording_faults(self, frag: Fragment) -> list[int]:
        """For :meth:`_variant`, each wording's faults, weighted: avoided words (1 each; in a measure 100, as
        a measure is printed in a wording without one: :meth:`_foreign_frag`), the wrong voice (10), for a
        problem or cause denying 主要工作 (100) or, a cause, restating a problem (50) or not the unit's own
        (10), for 主要工作 an item told twice (5), a claim the user's own problems deny (50), a second maxim
        opening (1), a first clause saying the heading again (1: :func:`_restates_lead`) or, in a 述职, no “我”
        (2: round 62 read such items as the unit's summary), for a measure
        promising what 主要工作 reports done, in all its words or in one clause (5), or in the words of a 前后矛盾
        pair whose claim 主要工作 makes (50: round 62's “推广……党员突击队” after “组建党员突击队”)."""
        avoided = 100 if frag.role == MEASURES else 1
        foreign = [
            avoided * self._foreign_words(t) + 10 * self._wrong_voice(t, frag.role) for t in frag.texts
        ]
        if frag.role in (PROBLEMS, CAUSES):  # and no wording that denies what 主要工作 says
            foreign = [n + 100 * self._denies(t) for n, t in zip(foreign, frag.texts, strict=True)]
        if frag.role == CAUSES:  # nor a cause that says again what a problem says, or not the unit's own
            foreign = [
                n + 50 * self._echo(frag.lead + t) + 10 * (not self._owns(t))
                for n, t in zip(foreign, frag.texts, strict=True)
            ]
        if frag.role in self.kind.main_roles:
            foreign = [
                n + self._main_wording_fault(t) + (bool(frag.lead) and _restates_lead(frag.lead, t))
                for n, t in zip(foreign, frag.texts, strict=True)
            ]
        if frag.role == MEASURES and self._main_taken:  # nor a measure promising what 主要工作 reports done
            foreign = [
                n + 5 * max(self._done_already(t), self._clause_repeats(t) > 0) + 50 * self._denies(t)
                for n, t in zip(foreign, frag.texts, strict=True)
            ]
        if frag.role == MEASURES:  # nor one opening with a study task (rounds 82–83: in every draft)
            foreign = [n + 2 * self._studies_first(t) for n, t in zip(foreign, frag.texts, strict=True)]
        return foreign

    def _studies_first(self, text: str) -> bool:
        """:func:`studies_first` with this unit's words (措辞.yaml 措施学习动词, 措施学习对象, 措施学习不算的词)."""
        return studies_first(text, *self._study_words)

    @cached_property
    def _study_words(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """措辞.yaml 措施学习动词, 措施学习对象 and 措施学习不算的词 for this unit, looked up once per draft."""
        name, voice = self.unit_type.name, self.voice
        words = self.reg.words
        return (
            words(STUDY_VERBS, name, voice),
            words(STUDY_OBJECTS, name, voice),
            words(STUDY_NOT, name, voice),
        )

    def _main_wording_fault(self, text: str) -> int:
        """For :meth:`_wording_faults`, a 主要工作 wording's faults: an item told twice (5), a claim the user's
        own problems deny (50), a second item opening with a maxim (1), in a 述职 no “我” (2: above a first
        clause saying the heading again, 1 in :meth:`_wording_faults`)."""
        fault = 5 * self._retold(text) if self._main_grams else 0
        if self._user_denials:
            fault += 50 * self._claims_user_denied(text)
        if self._maxims:
            fault += _MAXIM_OPENING.match(text) is not None
        return fault + 2 * (self.voice == "个人" and "我" not in text)

    def _say(self, phrases: frozenset[str], words: dict[str, int]) -> None:
        """Count a taken wording's phrases and its words used sparingly, noting how often each is said now
        (each phrase once more: it moves up one of the sets, by set operations rather than one by one)."""
        said, levels = self._said, self._at_least
        said.update(phrases)
        for k in range(len(levels) - 1, 0, -1):
            levels[k] |= phrases & levels[k - 1]
        levels[0] |= phrases
        said.update(words)
        for word in words:
            for k in range(min(said[word], len(levels))):
                levels[k].add(word)

    def _worn_count(self, text: str) -> int:
        """How many of the wording's four-character phrases the draft already has REPEAT_FROM times or more
        (“党员教师” 22 times in one school draft: `drafter lint` flags it, and so does a reviewer), and of the
        words used RHYTHM_FROM times already that read as a tic when repeated (措辞.yaml 少用的词: 带头)."""
        phrases = len(_phrases(text) & self._at_least[-1])
        return phrases + sum(1 for w in self.rhythm_words if w in text and self._said[w] >= RHYTHM_FROM)

    def estimate(self, frag: Fragment) -> int:
        """Characters the fragment will take in the draft (一是 + lead + 。 + text with facts filled in)."""

        def fill(m: re.Match[str]) -> str:
            value = self.facts.get(m[1].strip())
            return str(value) if value is not None else "【待补充：" + m[1].rsplit(".", 1)[-1] + "】"

        return 3 + len(frag.lead) + len(_VAR_RE.sub(fill, frag.text))

    def _missing(self, frag: Fragment | None) -> int:
        """1 when the fragment would show a 【待补充】 marker (or there is none)."""
        return 1 if frag is None or any(not self._has(n) for n in frag.needs) else 0

    def _brings(self, frag: Fragment | None) -> bool:
        """It uses a number the user gave that the draft does not show yet."""
        return frag is not None and any(
            self._has(n) and n in NUMBER_FACTS and n not in self.covered for n in frag.needs
        )

    # -- frames: opening, closing, headings, intros -------------------------------------------

    @cached_property
    def frame_index(self) -> int:
        """One number per run picks every intro, the opening, the closing and the heading family (each pool
        at this index modulo its size): two sibling units share a wording only where their indexes agree
        modulo that pool's size, instead of each section colliding on its own.  Drawn once (the seed does not
        change).  The default seed is the unit's own (its name and year); a given ``--seed`` is mixed with the
        unit's name, type and report kind, so the units of a batch drafted with one seed do not all land on
        the same wordings."""
        if self.seed_given:
            unit = self.facts.get("单位.全称") or self.facts.get("单位.简称") or ""
            return self._rng(f"frames:{unit}:{self.unit_type.name}:{self.kind.name}").randrange(1 << 30)
        return self._rng("frames").randrange(1 << 30)  # the seed is the unit's own already

    def _claims_nothing_unticked(self, text: str) -> bool:
        """Intros, openings and closings carry no ``claims`` field: their words decide (做法.yaml 关键词)."""
        return _practices_named(self.reg, text) <= self.practices

    def _fitting_variants(self, which: str, role: str) -> list[Variant]:
        """The headings (``which``) or intros of ``role`` that fit the draft and claim no 做法 the facts do
        not show: the same for every draft of the audience, so kept with it."""

        def build() -> list[Variant]:
            options = self.library.roles[role].headings if which == "headings" else self.library.intros(role)
            return [
                v
                for v in options
                if self.fits(v.voice, v.unit_types, v.years, v.kinds)
                and self._claims_nothing_unticked(v.text)
            ]

        return self._fitting.variants((which, role, self.reg), build)

    def _pick_variant(self, fitting: list[Variant]) -> Variant | None:
        pool = self._variant_pool(fitting)
        return pool[self.frame_index % len(pool)] if pool else None

    def _variant_pool(self, fitting: list[Variant]) -> list[Variant]:
        """The headings or intros to draw from, a type's own repeated to weigh them: see :meth:`_pick_variant`."""
        if not fitting:
            return []
        native = [v for v in fitting if not self._foreign((v.text,))]
        fitting = native if len(native) >= 4 else fitting
        # wording written for this report kind comes first when there is enough of it for any unit type
        for_kind = [v for v in fitting if v.kinds]
        pool = for_kind if sum(1 for v in for_kind if not self._specific_to(v.unit_types)) >= 4 else fitting
        # this type's own intros (of any kind that fits) drawn three times as often as a general one: drafts
        # of different types then rarely open a part with the same sentence
        own = [v for v in fitting if self._specific_to(v.unit_types)]
        owned = set(own)  # equal variants are equal: the same test as ``in own``
        general = self._spread([v for v in pool if v not in owned], len(set(own)))
        return general + own * 2

    def _frame(self, role: str) -> Fragment | None:
        pool = [f for f in self._usable(role) if all(self._claims_nothing_unticked(t) for t in f.texts)]
        if role == OPENING and self._user_denials:  # no opening claiming what the user's problems deny
            pool = [f for f in pool if not self._claims_user_denied(f.texts[0])] or pool
        pinned = self._pinned(role)
        if pinned:
            self.used.add(pinned[0].id)
            return pinned[0]
        pool = self._frame_pool(role, pool)
        if not pool:
            return None
        chosen = pool[self.frame_index % len(pool)]
        self.used.add(chosen.id)
        return self._frame_wording(chosen)

    def _frame_wording(self, frag: Fragment) -> Fragment:
        """The opening or closing ``frag`` with the wording this unit prints put first (every reader of a frame
        reads ``texts[0]``: the check of what the draft claims, the sameness checks, the render).  Its
        wordings that use no avoided word, claim no 做法 the facts do not tick, print every 提法 of the year the
        first wording prints and, an opening, nothing the user's problems deny, drawn by the unit (session 24: the 150 alternative wordings of 开头 and 结尾 were
        never printed, and sibling units printed the same paragraph).  Chosen here, before the problems, so
        that what the opening claims is known when they are chosen."""
        if len(frag.texts) < 2:
            return frag
        fitting = self._frame_fitting(frag)
        if not fitting:
            return frag
        text = self._unit_rng(f"frame:{frag.id}").choice(fitting)
        if text == frag.text:
            return frag
        rest = tuple(t for t in frag.texts if t != text)
        return dataclasses.replace(frag, text=text, variants=rest)

    def _frame_fitting(self, frag: Fragment) -> list[str]:
        """:meth:`_frame_wording`'s wordings of ``frag`` to draw from (none: keep its first)."""
        fitting = [
            t
            for t in frag.texts
            if not self._foreign((t,))
            and not self._wrong_voice(t)
            and self._claims_nothing_unticked(t)
            and not (frag.role == OPENING and self._user_denials and self._claims_user_denied(t))
        ]
        if not fitting:
            return []
        # none printing fewer of the year's 提法 than the first wording (the planner counts on them: a missing one
        # is carried by swapping an item for a general wording of its topic, which units then share)
        phrases = [p for p in self._year_wording[0] if self._covers(frag.text, p)]
        fitting = [t for t in fitting if all(self._covers(t, p) for p in phrases)] or [frag.text]
        if frag.role == OPENING:  # one that does not open on a maxim, while there is one
            fitting = [t for t in fitting if not _opens_with_maxim(t)] or fitting
        return fitting

    def _frame_pool(self, role: str, pool: list[Fragment]) -> list[Fragment]:
        """The openings (closings) to draw from: without avoided words, naming the year's plenums, written
        for this report kind — each only when enough remain — and this type's own weighted."""
        native = [f for f in pool if not self._foreign_frag(f)]
        pool = native if len(native) >= 4 else pool
        if role == OPENING:  # an opening names the year's plenums (reviewers mark an opening that does not)
            naming = [f for f in pool if all(_names_plenum(t) for t in f.texts)]
            pool = naming if len(naming) >= 8 else pool
            # …and, while enough others remain, does not open on a maxim (rounds 84–85: “a maxim as the first
            # sentence” in every tool opening and in none of the real ones)
            plain = [f for f in pool if not all(_opens_with_maxim(t) for t in f.texts)]
            pool = plain if len(plain) >= FRAME_CHOICES_MIN else pool
        # wording written for this report kind comes first when there is enough of it for every unit type
        for_kind = [f for f in pool if f.kinds]
        pool = for_kind if sum(1 for f in for_kind if not self._specific(f)) >= 4 else pool
        # this type's own openings and closings drawn three times as often as a general one, and of the general
        # ones only those home to this type and the next (:meth:`_spread`): FRAME_GENERAL_KEPT, or enough to
        # make FRAME_CHOICES_MIN with the own ones (round 82: a school's, a water company's and a street's
        # 述职 opened with one general paragraph, the types having two or three own ones each)
        return self._weighted_frames(role, pool)

    def _weighted_frames(self, role: str, pool: list[Fragment]) -> list[Fragment]:
        """:meth:`_frame_pool`'s last step: the type's own frames three times over, and the general ones it
        shares with few other types."""
        own = [f for f in pool if self._specific(f)]
        general = [f for f in pool if not self._specific(f)]
        if role != OPENING:  # closings: as before (own ones three times as often, when there are three)
            return self._spread(general, len(own)) + own * 3 if len(own) >= 3 else pool
        kept = max(FRAME_GENERAL_KEPT, FRAME_CHOICES_MIN - len(own))
        return self._spread(general, 0, kept) + own * 3

    def _spread(self, general: list[_T], own: int, size: int = FRAME_POOL) -> list[_T]:
        """Of the general wordings of a frame pool, those this unit type draws from: each is home to one type
        (the i-th general wording to the i-th type, cycling over the types in 单位类型.yaml), and a type takes
        those it is home to, then those of the next types in turn, until with its ``own`` wordings it has
        FRAME_POOL to draw from (a wording's home is fixed by a digest of its name).  Two units of different
        types then meet on a general wording only where
        one had to borrow from the other's share (round 29: a hospital's and a company's 述职 shared an
        opening paragraph and four headings); units of one type still spread over FRAME_POOL or more.  Each
        report kind starts its turn further on (by the share of the types a kind has), so that an office
        branch's 述职 and its bureau secretary's — one type, two kinds — do not draw from one share (session 20:
        邵阳's two drew the same general family once the types had more families of their own)."""
        types = [t for t in self.reg.unit_types if t != "通用"]
        if self.unit_type.name not in types or own + len(general) <= size:
            return general
        kinds = list(self.reg.kinds)
        turn = kinds.index(self.kind.name) * (len(types) // len(kinds)) if self.kind.name in kinds else 0
        home = (types.index(self.unit_type.name) + turn) % len(types)
        # a wording's home by its own name, not its place in this draft's list: the lists of two kinds differ
        # (each leaves out its avoided words), and places would shift the shares
        homes = [_home_of(x, len(types)) for x in general]
        by_turn = sorted(range(len(general)), key=lambda i: ((homes[i] - home) % len(types), i))
        kept = sorted(by_turn[: max(size - own, 0)])
        return [general[i] for i in kept]

    def _family(self, keep: Callable[[Family], bool] | None = None) -> Family | None:
        """The heading family, by the run's frame index; with ``keep``, only from the families it keeps that
        use no avoided word (None when there is none); none claiming what the user's problems deny while
        others remain."""
        fitting = [
            f
            for f in self.library.families
            if self.fits(f.voice, f.unit_types, f.years, f.kinds) and (keep is None or keep(f))
        ]
        # no heading with a word this kind of unit does not use (a village has no 监督执纪) while others remain
        native = [f for f in fitting if not self._foreign(tuple(f.headings.values()))]
        fitting = native if native or keep is not None else fitting
        # no heading claiming what the user's own problems (or a finding still open) say is not done well
        # (round 38: a 国企 with “结合不够紧密” still 整改中 headed its part “从‘两张皮’到‘一盘棋’”)
        honest = [f for f in fitting if not any(self._claims_user_denied(h) for h in f.headings.values())]
        fitting = honest or fitting
        # this type of unit's own families drawn three times as often as a general one: its field's words
        # in the headings, while units of one type still spread over many families; of the general ones,
        # the type's share (:meth:`_spread`: round 44 read a 发改委's and a school's four headings word for word)
        own = [f for f in fitting if self._specific_to(f.unit_types)]
        pool = self._spread([f for f in fitting if f not in own], len(own), FAMILY_POOL) + own * 3
        return pool[self.frame_index % len(pool)] if pool else None

    def _section(self, role: str, family: Family | None) -> SectionPlan:
        heading: Variant | None = None
        if family is not None and role in family.headings:
            heading = Variant(family.headings[role])
        elif role in self.library.roles:
            heading = self._pick_variant(self._fitting_variants("headings", role))
        return SectionPlan(role, heading, self._pick_variant(self._fitting_variants("intros", role)))

    # -- 主要工作 ------------------------------------------------------------------------------

    def _user_items(self, role: str) -> list[Item]:
        raws = self.facts.get("业务融合" if role == "业务融合" else f"{role}.亮点")
        items: list[Item] = []
        for raw in raws or []:
            if role == "业务融合" and isinstance(raw, dict):
                items.append(_fusion_item(raw))
                continue
            lead, text = split_user_text(raw)
            topic = self.reg.classify(role, text, lead) or ""
            items.append(Item(lead, text, topic=topic))
        return items

    def _link_party(self, item: Item, taken: set[str]) -> None:
        """Words between a user's 党组织做法 and its result (措辞.yaml 做法成效衔接, drawn by the unit, none used
        twice), unless the result already says how it came about or names the Party's part (round 41:
        “……帮着协调人手。客户项目按期交付率提高到98%。” read as pasted)."""
        if not item.text or _LINKED_RE.search(item.text):
            return
        every = self._native_words(self.reg.words(PARTY_LINKS, self.unit_type.name))
        # none saying again what the 做法 says (“党员骨干分片包干……。党员骨干带头冲在前面，”)
        links = [w for w in every if w not in taken and not _has_run_of(w.rstrip("，"), item.party)]
        item.link = self._unit_rng(f"link:{item.text}").choice(links) if links else ""
        taken.add(item.link)

    def _dress(self, item: Item, role: str, taken: set[str]) -> None:
        """A bare user line gets a lead from its topic, or one of the role's general leads not yet used in
        the section (and, in 业务融合, a clause tying it to 党建)."""
        rng = self._rng(f"lead:{item.text}")
        if role == "业务融合" and item.party:
            self._link_party(item, taken)
        if (
            role == "业务融合" and not item.party
        ):  # the user's own account of the Party's part needs no clause
            every = self._native_words(self.reg.words(FUSION_JOINS, self.unit_type.name))
            joins = [j for j in every if j not in taken]
            item.join = rng.choice(joins or list(every)) if every else ""
            taken.add(item.join)
        if item.lead:
            return
        leads = [
            f.lead
            for f in self.library.fragments(role)
            if f.topic_key == item.topic
            and f.lead
            and self.fits(f.voice, f.unit_types, f.years, f.kinds)
            and "{{" not in f.lead
        ]
        general = list(self.reg.words(DEFAULT_LEADS, role))
        rng.shuffle(general)
        options = [x for x in (*leads, *general) if x not in taken]
        item.lead_source = options[0] if options else ""
        taken.add(item.lead_source)

    def main_section(self, spec: SectionSpec, family: Family | None, budget: int | None) -> SectionPlan:
        """One part of 主要工作: pins, the user's lines on their topics, required topics, optional topics
        (numbers first), then fragments without a topic, in the outline's order; user lines dressed."""
        role = spec.role
        section = self._section(role, family)
        # a type's topic this organisation would not speak of (a one-branch company's summary is not a 非公
        # 党工委's: 两个覆盖 is among the words its 党组织 avoids) is not written
        type_topics = tuple(
            t
            for t in self.unit_type.outline.get(role, ())
            if t not in spec.required and t not in self.avoided
        )
        required = (*spec.required, *type_topics)
        # one of the topics the outline lets lead (可领头; else its first) opens the part; the others keep the
        # outline but not one fixed sequence for every unit (reviewers spot a skeleton that never varies; rounds
        # 72–83 named every draft's opening by its first item, always the year's campaign)
        first = self._rng(f"{role}:lead").choice(spec.leads) if spec.leads else required[0]
        rest = [t for t in required if t != first]
        self._rng(f"{role}:order").shuffle(rest)
        fill = _Fill([first, *rest, *(t for t in spec.optional if t not in required)], budget)
        self._place_pins(role, fill)
        self._place_user_lines(role, fill)
        self._fill_required(role, required, fill)
        if role == "业务融合":
            self._carry_achievements(fill)
        fill.count = max(spec.count, len(fill.slots) + len(fill.extra)) if budget is None else 0
        self._fill_optional(role, spec, fill)
        self._fill_untopiced(role, fill)
        self._dress_user_lines(role, fill)
        section.items = [fill.slots[t] for t in fill.order if t in fill.slots] + fill.extra
        # results the user wrote with the Party organisation's part lead 业务融合 (round 29: its first item was
        # always a general lead, the pasted results and a marker asking what the Party organisation did)
        section.items.sort(key=lambda i: not i.party)
        # the layout says which parts open with a lead-in (rounds 62–67: one under every heading read as a
        # skeleton); the year's 提法 may still bring the first part's back (_ensure_wording)
        section.intro = self._intro_for_items(section) if self._keeps_intro(role) else None
        self.main_topics.update(fill.slots)
        self._main_items[role] = section.items
        if section.intro is not None:
            self._main_intros[role] = section.intro.text
        return section

    def _topics_named(self, role: str, text: str) -> frozenset[str]:
        """The topics of ``role`` an intro or heading promises: whose keywords of four characters or more it
        names (党员教育, 关键岗位; a two-character keyword such as 教师 or 作风 names a field, not a promise)."""
        return _topics_named(self.reg, role, text)

    def _promises_kept(self, text: str, said: str, table_name: str = INTRO_PROMISES) -> bool:
        """Every phrase of 措辞.yaml 引语所许 (or ``table_name``) the intro or heading says is delivered by the
        items (``said``) with one of its words (round 24: “我注重纠治文山会海、过度留痕” over five items none of
        which is on 减负; “关心关爱党员” over items on 网格 and 换届)."""
        plain = _SLOT_RE.sub("", text)
        table = self.reg.wordings.get(table_name, {})
        return all(any(w in said for w in words) for phrase, words in table.items() if phrase in plain)

    def _intro_for_items(self, section: SectionPlan) -> Variant | None:
        """An intro that promises only what the items deliver: one naming a topic no item is on (“在党员教育上
        打牢基础” over five items none of which is on 党员教育) is swapped for one that does not, by the same
        draw; when none does, the section has no intro (round 27: an intro promising 定期会商 or 隶属关系 that no
        item mentions reads worse than none).  Nor one claiming what the user's own problems deny."""
        intro, role = section.intro, section.role
        have = set(section.topics)
        said = _section_words(section)
        below = said + "".join(t for it in section.items if it.detail is not None for t in it.detail.texts)

        def delivered(v: Variant) -> bool:
            return (
                self._topics_named(role, v.text) <= have
                and self._promises_kept(v.text, said)
                and not (self._user_denials and self._claims_user_denied(v.text))
                # nor a self-critical lead-in denying what 主要工作 claims (round 49: “我感到自己在推动党建与
                # 医疗业务融合上还有差距” under “一体谋划、一体推进”)
                and not (role in (PROBLEMS, CAUSES) and self._denies(v.text))
                # nor one its own items deny (session 18: “没有把问题推给……党员年纪大这些客观因素” over the cause
                # “把党员年龄偏大看成农村普遍存在、一时难改的情况”)
                and not (role in (PROBLEMS, CAUSES) and self._denied_below(v.text, below))
            )

        if intro is None or delivered(intro):
            return intro
        return self._pick_variant([v for v in self._fitting_variants("intros", role) if delivered(v)])

    def _denied_below(self, lead_in: str, below: str) -> bool:
        """A self-critical lead-in claims what the items under it (``below``: their wordings and 表现) deny: a
        前后矛盾 pair whose keywords the lead-in says and whose denials they say."""
        return any(
            says_any(pair.keywords, lead_in) and says_any(pair.denials, below)
            for pair in self.reg.topics.get(CONTRADICTIONS, {}).values()
        )

    def _place_pins(self, role: str, fill: _Fill) -> None:
        """选用: first, whatever their topic."""
        for pinned in self._pinned(role):
            if pinned.topic_key not in fill.slots and pinned.topic_key not in self.main_topics:
                fill.slots[pinned.topic_key] = self.take(pinned)
        fill.order = [*fill.slots, *(t for t in fill.order if t not in fill.slots)]

    def _fill_required(self, role: str, required: tuple[str, ...], fill: _Fill) -> None:
        for topic in required:
            frag = None if topic in fill.slots or topic in self.main_topics else self.best(role, topic)
            if frag is not None:
                fill.add(topic, self.take(frag), self.estimate(frag))

    def _dress_user_lines(self, role: str, fill: _Fill) -> None:
        taken = {i.fragment.lead for i in fill.slots.values() if i.fragment}
        for item in (*fill.slots.values(), *fill.extra):
            if item.is_user:
                self._dress(item, role, taken)

    def _carry_achievements(self, fill: _Fill) -> None:
        """The user's bare 业务融合 lines follow the type's own item as its evidence (“……。在党建引领下，全年
        实现营业收入……；完成……。”) instead of standing alone under made-up leads; lines with a 标题 stay items.
        Results that say nothing of the Party organisation's part: the user is asked what it did (every
        reviewer asks “党组织在其中具体做了什么”; the tool cannot know it and must not make it up)."""
        host = next((i for i in fill.slots.values() if i.fragment is not None), None)
        bare = [i for i in fill.extra if i.is_user and not i.lead and not i.party]
        if host is None or not bare:
            return
        host.tail = [i.text for i in bare]
        fill.extra = [i for i in fill.extra if i not in bare]
        party = self.reg.words(ACHIEVEMENT_PARTY, "词")
        if party and not any(w in line for line in host.tail for w in party):
            host.marker = self._word(ACHIEVEMENT_MARKER, self.unit_type.name)
        host.join = self._achievement_join(host.tail[0], plain=bool(host.marker))

    def _achievement_join(self, first: str, *, plain: bool) -> str:
        """The words before the user's results (``first`` the first of them): the type's own 成效引语, none
        claiming what the user's own problems deny (round 29: “党组织与经营管理层同心协力” with “沟通渠道不固定”
        still being fixed); with ``plain`` (the user is asked what the Party organisation did) one that only
        ties the results to the work above — none saying it for them first (round 28: “局党组统筹推进、各学校抓
        好落实” before that very marker “替单位下了结论”), yet some (round 62: with none, the results read as
        pasted on) — and not saying a character of the results' first words again (“从全年看，全年实现……”)."""
        if plain:
            joins = self._native_words(self.reg.words(ACHIEVEMENT_PLAIN_JOINS, self.unit_type.name))
            opening = set(first[:JOIN_LOOKAHEAD])
            joins = [j for j in joins if not opening.intersection(j)] or joins
        else:
            joins = self._native_words(self.reg.words(ACHIEVEMENT_JOINS, self.unit_type.name))
            joins = [j for j in joins if not self._claims_user_denied(j)] or joins
        return self._rng("achievements").choice(joins) if joins else ""

    def _place_user_lines(self, role: str, fill: _Fill) -> None:
        """The user's own line replaces the tool's item of its topic; 业务融合 lines (achievements) follow
        the type's own item instead."""
        for item in self._user_items(role):
            if role == "业务融合":
                item.topic = ""
            if (
                item.topic in fill.order
                and item.topic not in fill.slots
                and item.topic not in self.main_topics
            ):
                fill.slots[item.topic] = item
            else:
                fill.extra.append(item)

    def _fill_optional(self, role: str, spec: SectionSpec, fill: _Fill) -> None:
        optional = [t for t in spec.optional if t not in fill.slots and t not in self.main_topics]
        self._rng(f"{role}:optional").shuffle(optional)
        bests = {t: self.best(role, t) for t in optional}
        optional.sort(key=lambda t: (0 if self._brings(bests[t]) else 1, self._missing(bests[t])))
        taken = False  # until something is taken, ``bests`` are what best() would find again
        for topic in optional:
            frag = (
                self.best(role, topic) if taken else bests[topic]
            )  # an earlier pick may have covered its facts
            if frag is not None and self._foreign_frag(frag) and not self._brings(frag):
                frag = self._native_of_topic(role, topic)  # an optional topic only words the unit uses fill
            if frag is None:
                continue
            if fill.wants(self._brings(frag)):
                fill.add(topic, self.take(frag), self.estimate(frag))
                taken = True

    def _native_of_topic(self, role: str, topic: str) -> Fragment | None:
        """The best fragment of ``topic`` with no word this unit avoids, not telling again what an item above
        tells (round 32: a school's 业务融合 had one item, as the general 双融双促, 攻坚克难 and 服务群众 fragments
        ranked first each carried a word a school avoids while its own 结对, 示范岗 and 攻坚 ones went unused)."""
        pool = [f for f in self._usable_of_topic(role, topic) if not self._foreign_frag(f)]
        ranked = self.rank(pool, f"{role}:{topic}")
        return next((f for f in ranked if not self._retells(f)), None)

    def _fill_untopiced(self, role: str, fill: _Fill) -> None:
        """Fragments without a topic (a user's own library may have none) fill what the outline left."""
        fillers = [f for f in self._usable(role) if not f.topic]
        while fillers:
            best = self.rank(fillers, f"{role}:{len(fill.slots)}")[0]
            fillers.remove(best)
            if fill.wants(self._brings(best)):
                fill.add(best.topic_key, self.take(best), self.estimate(best))
                fill.order.append(best.topic_key)
            elif not fill.room() and not any(self._brings(f) for f in fillers):
                break

    # -- 上年度问题整改 ------------------------------------------------------------------------

    def rectify_section(self, family: Family | None) -> SectionPlan | None:
        group = self.facts.get(RECTIFY)
        section = self._section(RECTIFY, family)
        if not isinstance(group, dict) or not any(v not in (None, "", []) for v in group.values()):
            # not filled in: reviewers look for the part in every report (round 19 sent a summary back for the
            # want of it), so it stands with a marker asking for it — the user deletes it when there was none
            section.intro = None  # an intro would say what was done about findings nobody named
            section.items.append(Item("", "", topic="整改", marker=self._word(RECTIFY_ABSENT_MARKER, "通用")))
            return section
        raised, fixed = self.facts.get(f"{RECTIFY}.反馈问题数"), self.facts.get(f"{RECTIFY}.已整改数")
        all_done = raised is not None and fixed is not None and fixed >= raised
        if self.facts.has(f"{RECTIFY}.来源"):
            self._paragraph(section, section.lead_in, "来源")
        frag = self._tagged(RECTIFY, "数量", all_done) if self.facts.has(f"{RECTIFY}.反馈问题数") else None
        if frag is not None:
            section.lead_in.append(frag)
            self.take(frag)
        listed = group.get("问题") or []
        if not listed:
            # only the counts: the tally follows the marker asking for the list (round 23 read “全部整改落实”
            # over an empty list as a claim without its evidence); the list comes first, then how many
            section.tail.extend(f for f in section.lead_in if "数量" in f.tags)
            section.lead_in = [f for f in section.lead_in if "数量" not in f.tags]
        # one or two findings need no paragraph after them in every draft (round 29: the part had one shape
        # in every unit's draft — opening, findings, a closing on 回头看 and 反弹)
        if not (0 < len(listed) <= SHORT_RECTIFY and self._unit_rng("rectify:bare").random() < BARE_SHARE):
            self._paragraph(section, section.tail, "收尾")
        section.items.extend(self._rectified_items(listed))
        if raised and not section.items:
            # only the counts: a reviewer wants each finding named with what was done; the user lists them
            section.items.append(Item("", "", topic="整改", marker=self._word(RECTIFY_LIST_MARKER, "通用")))
        return section

    def _layout(self) -> Layout:
        """The shape of this report: the one the facts name (版式, checked when they were read), else one of the
        kind's drawn by the unit, so that five units of one batch do not share one skeleton (rounds 62–67)."""
        named = self.kind.layout(str(self.facts.get("版式") or ""))
        return named or self._unit_rng("layout").choice(self.kind.layouts)

    def _keeps_intro(self, role: str) -> bool:
        """Whether the layout keeps the lead-in of 主要工作's part ``role``."""
        return self.layout.intros is None or role in self.layout.intros

    def _unit_rng(self, what: str) -> random.Random:
        """A generator for a choice that differs between units even under one seed (round 29: with one seed,
        every unit's 上年度问题整改 had the same shape and sentences)."""
        unit = str(self.facts.get("单位.全称") or "")
        return random.Random(f"{self.seed}:{what}:{self.unit_type.name}:{unit}")

    def _source_classes(self) -> frozenset[str]:
        """The kinds of body the user's 来源 names (措辞.yaml 整改来源类别: 巡察, 述职评议, 民主生活会, 考核)."""
        source = str(self.facts.get(f"{RECTIFY}.来源") or "")
        table = self.reg.wordings.get(RECTIFY_SOURCES, {})
        return frozenset(name for name, words in table.items() if any(w in source for w in words))

    def _true_to_status(self, wordings: list[tuple[Fragment, int]]) -> list[tuple[Fragment, int]]:
        """Of the 整改 part's paragraph ``wordings``, those true to the findings' status (all of them when none
        is): a finding still open — none saying every finding is seen through (整改未完不说); every one fixed —
        none saying some are carried on into next year (整改全完不说)."""
        name = (
            RECTIFY_DONE_WORDS if self._open_findings() else RECTIFY_LEFT_WORDS if self._all_fixed() else ""
        )
        if not name:
            return wordings
        words = self.reg.words(name, self.unit_type.name, self.voice)
        return [(f, i) for f, i in wordings if not any(w in f.texts[i] for w in words)] or wordings

    def _all_fixed(self) -> bool:
        """Every finding of last year the facts list is 已整改, or the counts say all were fixed."""
        if self._findings:
            return all(state == "已整改" for _, _, state in self._findings)
        found, fixed = self.facts.get(f"{RECTIFY}.反馈问题数"), self.facts.get(f"{RECTIFY}.已整改数")
        return isinstance(found, int) and found > 0 and fixed == found

    def _paragraph(self, section: SectionPlan, into: list[Fragment], tag: str) -> None:
        """The opening (``tag`` 来源) or closing (收尾) paragraph of 上年度问题整改: one wording, by the seed and
        the unit, of those written for the kinds of body the 来源 names or for this unit type, with the general
        ones joining them while they number fewer than RECTIFY_WORDINGS_MIN; none written for a body the 来源
        does not name, nor one with words this draft avoids while another is left, nor — a finding still being
        put right — one saying every finding is seen through (措辞.yaml 整改未完不说: round 61 read “逐条跟踪到位”
        above “这方面改了一部分，还有一部分没有改过来”), nor — every one fixed — one saying some are carried on
        (措辞.yaml 整改全完不说: round 64's “一时改不完的列入来年接着改” above three findings all 已完成)."""
        classes = self._source_classes()
        every = set(self.reg.wordings.get(RECTIFY_SOURCES, {}))
        pool = [
            f
            for f in self._usable(RECTIFY)
            if tag in f.tags and not (every & set(f.tags)) - classes and not self._missing(f)
        ]
        fitting = [f for f in pool if self._specific(f) or classes & set(f.tags)]
        wordings = self._clean_wordings(fitting)
        if len(wordings) < RECTIFY_WORDINGS_MIN:
            wordings = self._clean_wordings(pool)
        wordings = self._true_to_status(wordings)
        if not wordings:
            return
        frag, variant = self._unit_rng(f"{RECTIFY}:{tag}").choice(wordings)
        self.used.add(frag.id)
        self.covered.update(n for n in frag.needs if self._has(n))
        chosen = frag.texts[variant]
        self._say(_phrases(chosen), {w: chosen.count(w) for w in self.rhythm_words if w in chosen})
        section.wordings[frag.id] = variant
        into.append(frag)

    def _clean_wordings(self, frags: list[Fragment]) -> list[tuple[Fragment, int]]:
        """Every wording of ``frags`` (fragment, index) with the fewest faults (:meth:`_wording_faults`)."""
        scored = [(n, f, i) for f in frags for i, n in enumerate(self._wording_faults(f))]
        fewest = min((n for n, _, _ in scored), default=0)
        return [(f, i) for n, f, i in scored if n == fewest]

    def _rectified_items(self, listed: list[Any]) -> list[Item]:
        """The user's findings of last year, each with what was done and its 状态 — in a sentence after it, or
        (about half the time, when what was done is one short sentence) in that sentence itself; a finding
        without what was done asks for it with a marker."""
        items: list[Item] = []
        said: set[str] = set()
        for raw in listed:
            if isinstance(raw, dict):
                finding = str(raw.get("问题"))
                how = _full_stop(str(raw.get("整改情况") or "")) if raw.get("整改情况") else ""
                state = str(raw.get("状态"))
                text = self._woven_state(state, finding, how, said)
                if not text:
                    words = self._state_words(state, finding, said)
                    said.add(words)
                    text = how + words
                item = Item(_full_stop(finding or "").rstrip("。"), text, topic="整改")
                if not how:
                    item.marker = "整改措施和成效"
                items.append(item)
            else:  # only the finding: what was done is for the user to fill in
                items.append(
                    Item(_full_stop(str(raw)).rstrip("。"), "", topic="整改", marker="整改措施和成效")
                )
        return items

    def _woven_state(self, state: str, finding: str, how: str, said: set[str]) -> str:
        """What was done about a finding with its 状态 in the same sentence (措辞.yaml 整改状态并句: “通过……，这
        个问题已经改过来了。”), for about half the findings whose 整改情况 is one sentence of at most WOVEN_MAX
        characters; a wording not yet used in the draft, one opening on 整改情况 when it starts with 已 or 通过;
        "" otherwise."""
        done = how.rstrip("。")
        if not done or len(done) > WOVEN_MAX or any(c in done for c in "。！？"):
            return ""
        if self._unit_rng(f"woven:{finding}").random() >= WOVEN_SHARE:
            return ""
        table = self.reg.wordings.get(RECTIFY_WOVEN, {})
        options = [w for w in self._native_words(table.get(state, ())) if w not in said]
        if done.startswith(WOVEN_AFTER):
            options = [w for w in options if w.startswith("{做法}")]
        if not options:
            return ""
        wording = self._unit_rng(f"woven-words:{finding}").choice(options)
        said.add(wording)
        return wording.format(做法=done)

    def _state_words(self, state: str, finding: str, said: set[str]) -> str:
        """The sentence after a finding of last year, by its 状态 (措辞.yaml 整改状态): this unit type's own
        wordings (key “医院.已整改”) first, then the general ones (key “已整改”), one the draft has not said yet
        while any is left, none with a word the draft avoids (“各党支部” in a branch secretary's 述职) while
        another is left; among them by the seed and the finding."""
        table = self.reg.wordings.get(RECTIFY_STATES, {})
        own = [w for w in table.get(f"{self.unit_type.name}.{state}", ()) if not self._foreign_words(w)]
        general = self._native_words(table.get(state, ()))
        for pool in (own, general, own + general):
            fresh = [w for w in pool if w not in said]
            if fresh:
                return self._unit_rng(f"state:{finding}").choice(fresh)
        return ""

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
                    self.diagnostics.append(
                        Diagnostic(
                            "warning",
                            f"片段 {raw} 属于“{frag.role}”，不能用在“{key}”里",
                            self.facts.location(f"{key}[{i}]"),
                            f"“{key}”只能用 {role} 类片段",
                        )
                    )
                    continue
                frags.append(frag)
                continue
            if isinstance(raw, str) and _looks_like_id(raw):
                self.diagnostics.append(
                    Diagnostic(
                        "warning",
                        f"找不到片段 {raw}，已按普通文字写入",
                        self.facts.location(f"{key}[{i}]"),
                        "用 drafter fragments list 查看可用的片段编号",
                    )
                )
            lead, text = split_user_text(raw)
            items.append(Item(lead, text, topic=self.reg.classify(role, text, lead) or ""))
        return items, frags

    def _achievements(self) -> set[str]:
        """Specific 3-grams of everything 主要工作 says (the chosen wordings and the user's lines)."""
        if self._achieved is None:
            overlap = self.library.overlap
            self._achieved = set()
            for role in self.kind.main_roles:
                for item in self._main_items.get(role, []):
                    text = (
                        item.fragment.texts[item.variant % len(item.fragment.texts)]
                        if item.fragment
                        else item.text
                    )
                    self._achieved |= overlap.specific(text, 3)
        return self._achieved

    def _clash(self, frag: Fragment) -> int:
        """1 when the wording restates what 主要工作 claims as done (a problem contradicting it)."""
        known = self._clashes.get(frag.id)
        if known is None:
            worst = max(self.library.overlap.clash(t, self._achievements()) for t in frag.texts)
            # content words only (function characters left out); a type's own wording shares its field's words
            # with the part above (社区工作者, 医务人员), so it may share two more
            limit = PROBLEM_CLASH_MAX + (2 if self._specific(frag) else 0)
            known = self._clashes[frag.id] = 1 if worst > limit else 0
        return known

    def _main_text(self) -> str:
        """Everything the draft claims before its self-criticism: 主要工作's chosen wordings, the user's lines
        and their achievements, and (round 19: “分内之事、第一职责” in an opening, “亲自召集协调” in 上年度问题整改,
        each denied by a cause) the opening, the parts' intros and the 上年度问题整改 part."""
        if self._main_said is None:
            parts: list[str] = [self._opening.texts[0]] if self._opening and self._opening.texts else []
            # the parts' headings claim too (round 38: “从‘两张皮’到‘一盘棋’” over “结合不够紧密”)
            parts.append(self._headings_said)
            parts.extend(self._main_intros.values())
            if self._rectified is not None:
                done = self._rectified
                parts.append(done.intro.text if done.intro else "")  # round 30: “……跟踪督办” in its intro
                parts.extend(done.said(f) for f in (*done.lead_in, *done.tail) if f.texts)
                # what was done, not the finding (a finding is last year's shortcoming, no claim)
                parts.extend(i.text for i in self._rectified.items)
            for role in self.kind.main_roles:
                for item in self._main_items.get(role, []):
                    for it in (item, *item.merged):
                        if it.fragment is not None:
                            parts.append(it.fragment.texts[it.variant % len(it.fragment.texts)])
                        # the printed heading, and the user's 党组织做法 too
                        parts.extend((it.heading or it.lead, it.text, it.party, *it.tail))
            self._main_said = "".join(parts)
        return self._main_said

    def _denies(self, text: str) -> int:
        """1 when a problem or cause wording denies what 主要工作 says was done (主题.yaml 前后矛盾: “缺少记录”
        after “如实记录”)."""
        said = self._main_text()
        if self._claims_of is not said:  # the 前后矛盾 pairs whose claims 主要工作 makes, found once
            self._claims_of = said
            self._claimed = frozenset(
                name
                for name, pair in self.reg.topics.get(CONTRADICTIONS, {}).items()
                if says_any(pair.keywords, said)
            )
            self._denied = {}
        found = self._denied.get(text)
        if found is None:
            counted = self._counted_denial()
            found = self._denied[text] = int(
                not self._claimed.isdisjoint(_denials_in(self.reg, text))
                or (
                    counted is not None
                    and any(w in text for w in _FEW_WORDS)
                    and counted.search(text) is not None
                )
                or _mirrors(text, said)
            )
        return found

    def _counted_denial(self) -> re.Pattern[str] | None:
        """What says “few” of something 主要工作 counts (round 16: “研讨不多” after “专题研讨6次”): a keyword of a
        topic that carries one of the user's numbers, with 不多/偏少/较少… in the same clause."""
        if self._counted is None:
            # every number the user gave is written (in the item of its topic, or carried there at the end)
            words: set[str] = set()
            for number, topics in self._number_topics().items():
                if not self.facts.has(number):
                    continue
                for role, topic in topics:
                    spec = self.reg.topic(role, topic) if role in self.kind.main_roles else None
                    words.update(k for k in (spec.keywords if spec else ()) if len(k) >= 2)
            if not words:
                self._counted = False
            else:
                names = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
                self._counted = re.compile(
                    rf"(?:{names})[^，。；的]{{0,3}}?{_FEW}|(?:较少|很少|偏少)[^，。；的]{{0,2}}?(?:{names})"
                )
        return self._counted if isinstance(self._counted, re.Pattern) else None

    def _number_topics(self) -> dict[str, frozenset[tuple[str, str]]]:
        """Each number fact → the (role, topic) of the fragments that write it: the same for every draft of a
        library, so worked out once and kept with it."""

        def build() -> dict[str, frozenset[tuple[str, str]]]:
            found: dict[str, set[tuple[str, str]]] = {}
            for role in self.library.roles:
                for frag in self.library.fragments(role):
                    for need in frag.needs:
                        if need in NUMBER_FACTS:
                            found.setdefault(need, set()).add((role, frag.topic_key))
            return {k: frozenset(v) for k, v in found.items()}

        return self.library.derived(("number-topics",), build)

    def _close_to_main(self, text: str) -> bool:
        """Whether one sentence of a problem or cause wording shares CLOSE_SHARED_MIN specific two-character
        words, or CLOSE_RUNS_MIN words apart, with one sentence of what 主要工作 says: the two speak of one thing,
        and a shortcoming said that closely of what is reported done above reads as the draft denying itself
        (rounds 72–73: “请业务骨干讲解” / “请业务骨干讲一讲……用得少”; in the samples “工程建设、物资采购和资金管理
        等领域的关键岗位，是我抓监督的重点” / “我把采购、工程、资金方面的监督较多交给纪检和审计部门”).  Words the
        library counts common (推进, 考核) are not read: “一起谋划、一起推进、一起考核” / “谋划时各想各的、推进时各抓
        各的” escapes."""
        said = self._main_text()
        if self._sentences_of is not said:
            self._sentences_of, self._close = said, {}
            self._sentence_words = [self._clause_words(x) for x in _SENTENCE_SPLIT.split(said)]
            index: dict[str, list[int]] = {}
            for n, words in enumerate(self._sentence_words):
                for word in words:
                    index.setdefault(word, []).append(n)
            # words many of the draft's sentences use are its unit's field (街道, 辖区), not one thing said
            common = CLOSE_COMMON_SHARE * len(self._sentence_words)
            self._sentence_index = {w: ns for w, ns in index.items() if len(ns) <= common}
        found = self._close.get(text)
        if found is None:
            found = self._close[text] = any(map(self._sentence_close, _SENTENCE_SPLIT.split(text)))
        return found

    def _sentence_close(self, sentence: str) -> bool:
        """:meth:`_close_to_main` for one sentence."""
        words = frozenset(w for w in self._clause_words(sentence) if w in self._sentence_index)
        hits = Counter(n for w in words for n in self._sentence_index[w])
        return any(
            k >= CLOSE_SHARED_MIN or _word_runs(words & self._sentence_words[n]) >= CLOSE_RUNS_MIN
            for n, k in hits.items()
            if k >= CLOSE_RUNS_MIN
        )

    def _contradicting(self, frag: Fragment, *, heading: bool = True, every: bool | None = None) -> int:
        """1 when any wording of the fragment denies what 主要工作 says (its wordings say one thing: a pair
        written from one wording names a denial the others voice in other words — at 063ea19 a third of the
        printed problems and causes were in a wording that escaped a sibling's denial), when its heading does
        (unless ``heading`` is False: a user's line will stand as the title), or when it is about a finding of
        last year the draft reports as fixed (已整改); else 0.  With ``every``, only when every wording denies
        (a 表现 under the user's own line: :meth:`_detail_pool`); by default so for a fragment written for this
        type of unit (its wordings were read type by type, and without them the general wordings every type
        shares took their place: the types' own self-analysis fell under a fifth of the drafts)."""
        # a general problem or cause speaking closely of what 主要工作 says denies it too; a type's own is kept
        # and 主要工作 gives way (Selector._soften_claims): at the planner's try on every one, a 村's own cause
        # (“讲要求多、讲道理少”) and a 街道's gave way to general ones other types print
        critical = frag.role in (PROBLEMS, CAUSES) and not self._specific(frag)
        return int(
            (heading and bool(self._denies(frag.lead)))
            or (all if (self._specific(frag) if every is None else every) else any)(
                self._denies(t) or (critical and self._close_to_main(t)) for t in (frag.texts or ("",))
            )
            or self._repeats_fixed(frag)
        )

    def _repeats_fixed(self, frag: Fragment) -> bool:
        """The problem speaks of a finding the 上年度问题整改 part says is 已整改 (its own words in the lead,
        or many of them in a wording)."""
        if not self._fixed_findings:
            return False
        known = self._repeats.get(frag.id)
        if known is None:
            known = self._repeats[frag.id] = self._speaks_of_fixed(frag)
        return known

    def _speaks_of_fixed(self, frag: Fragment) -> bool:
        """The finding's own words in the lead or many of them in a wording; or a wording that says again what
        was done about it is lacking (round 19: “从青年教师中发现培养入党积极分子的储备不足” after “发展党员向青年
        教师倾斜不够: 建立青年教师入党积极分子培养台账” reported 已整改)."""
        overlap = self.library.overlap
        return any(
            overlap.fit(finding, frag.lead) >= FIT_MIN
            or any(overlap.fit(finding, t) >= FIT_MIN + 2 for t in frag.texts)
            for finding in self._fixed_findings
        ) or any(overlap.fit(done, t) >= REDO_FIT for done in self._fixed_work for t in frag.texts)

    @cached_property
    def _user_denials(self) -> tuple[tuple[str, ...], ...]:
        """The 前后矛盾 pairs whose self-criticism the user's own problems voice (“网格党建作用发挥不够”): their
        keywords are what 主要工作 should not claim (“化解在社区”).  A finding of last year still 整改中 is one
        of this year's problems as well (“党建工作与生产经营结合不够紧密” still open: no “同谋划同推进”)."""
        said = "".join(words for _, words in self._users_problems)
        return tuple(
            pair.keywords
            for pair in self.reg.topics.get(CONTRADICTIONS, {}).values()
            if says_any(pair.denials, said)
        )

    def _denied_by_user(self, frag: Fragment) -> int:
        """1 for a 主要工作 wording claiming what the user's own problems say was not done well."""
        if not self._user_denials or frag.role not in self.kind.main_roles:
            return 0
        return int(all(self._claims_user_denied(t) for t in frag.texts))

    def _claims_user_denied(self, text: str) -> bool:
        """The wording claims what the user's own problems say was not done well (“组织链条” before “部分网格
        党支部组织力不强”): 主要工作's wordings, and the opening and intros before them, avoid it."""
        return any(says_any(words, text) for words in self._user_denials)

    def _redoes_fixed(self, frag: Fragment) -> int:
        """1 for a measure that sets out to do again what 上年度问题整改 reports as done (round 19: “年内组织社区
        对辖区党员开展一次全面排查” after “摸排新就业群体党员……整改已经完成”): some wording shares REDO_FIT
        specific words with a finding reported 已整改 and what was done about it."""
        if not self._fixed_work:
            return 0
        known = self._redoes.get(frag.id)
        if known is None:
            overlap = self.library.overlap
            known = self._redoes[frag.id] = int(
                any(overlap.fit(done, t) >= REDO_FIT for done in self._fixed_work for t in frag.texts)
            )
        return known

    def _measure_pool(self, pool: list[Fragment], *, fresh: bool = True) -> list[Fragment]:
        """Measures of ``pool`` that are not foreign and, when any is left, neither redo what is reported fixed
        nor deny 主要工作 (:meth:`_measure_ok`), with ``fresh`` those saying no clause of it again first
        (:meth:`_fresh`)."""
        native = self._native_first(pool)
        kept = [f for f in native if self._measure_ok(f)] or native
        return self._fresh(kept) if fresh else kept

    def _fresh(self, frags: list[Fragment]) -> list[Fragment]:
        """Those of ``frags`` with a wording that says no clause of 主要工作 again (all of them when none has)."""
        return [f for f in frags if not self._repeats_done(f)] or frags

    def _measure_ok(self, frag: Fragment) -> bool:
        """The measure is not foreign (:meth:`_foreign_frag`: no avoided word in its heading, and a wording
        without one), neither redoes what is reported fixed, nor denies 主要工作, nor promises what it reports
        done."""
        return (
            not self._foreign_frag(frag)
            and not self._redoes_fixed(frag)
            and not self._contradicting(frag)
            and not self._promises_done(frag)
        )

    def _promises_done(self, frag: Fragment) -> int:
        """1 for a measure every wording of which promises what a 主要工作 item reports as done: shares
        DONE_FIT of its specific words with one item's wording (round 26: “每月至少召开一次支委会” after a year of
        monthly 支委会 — “这些去年不是已经做了吗？”)."""
        return self._every_wording(self._done, frag, self._done_already)

    def _done_already(self, text: str) -> bool:
        """The measure's wording shares DONE_FIT specific words with one 主要工作 item's — unless it speaks of
        one of the user's own problems or open findings: the user says that work is not done (村级后备力量储备
        不足 under an item on 后备力量 is answered by more of it)."""
        overlap = self.library.overlap
        if any(overlap.fit(title, text) >= FIT_MIN for title, _ in self._users_problems):
            return False
        return any(overlap.fit(text, said) >= DONE_FIT for said in self._main_taken)

    def _repeats_done(self, frag: Fragment) -> int:
        """1 for a measure every wording of which says again, in one of its clauses, what a clause of 主要工作
        reports done (round 27: “主题党日每月按固定时间开展” after “主题党日我坚持固定日期”, “由党员骨干认领攻关
        任务” after “党员骨干牵头攻关项目4项”) — the whole wording may share far fewer than DONE_FIT words."""
        return self._every_wording(self._repeating, frag, self._clause_repeats)

    def _every_wording(
        self, known: dict[str, int], frag: Fragment, fault: Callable[[str], bool | int]
    ) -> int:
        """1 when every printable wording of the measure ``frag`` has ``fault`` against 主要工作 (0 before
        主要工作 is planned); measures are weighed after 主要工作 is complete, so once per fragment and draft (``known``)."""
        if not self._main_taken:
            return 0
        found = known.get(frag.id)
        if found is None:
            # of the wordings this draft may print (a 我将 wording of a 国企 measure never prints in a
            # 党建工作总结: its other wording, promising what is done, is the one that would)
            found = known[frag.id] = int(all(fault(t) for t in (self._printable(frag) or frag.texts)))
        return found

    def _clause_repeats(self, text: str) -> int:
        """How many clauses of a measure's wording say again what one clause of 主要工作 reports done
        (:class:`drafter.overlap.DoneClauses`): its chosen wordings and headings, the user's own lines and
        achievements, the parts' intros.  Not a clause that speaks of one of the user's own problems or open
        findings (FIT_MIN of its words in either clause, or one in both): the user says that work is not done
        (“为党员队伍补充年轻力量” after “…补充年轻血液” under 党员老龄化，年轻党员少).  A clause promising an
        activity no more often than it is done counts too (:mod:`drafter.frequency`: “每季度组织一次专题研讨”
        after 4 in the year)."""
        known = self._repeats_of.get(text)
        if known is None:
            known = self._repeats_of[text] = sum(
                1 for pair in self._done_work().repeats(text) if not self._of_users_problem(pair)
            ) + len(self._done_rates.not_higher(text))
        return known

    def _of_users_problem(self, pair: tuple[str, str]) -> bool:
        """A measure's clause and the 主要工作 clause it repeats speak of one of the user's own problems or open
        findings: either has FIT_MIN of its words, or both one of them."""
        overlap = self.library.overlap
        for title, _ in self._users_problems:
            fits = [overlap.fit(title, part) for part in pair]
            if max(fits) >= FIT_MIN or min(fits) >= 1:
                return True
        return False

    def _done_work(self) -> DoneClauses:
        """The clauses of what 主要工作 reports done (built once, when the measures are weighed)."""
        if self._done_clauses is None:
            self._done_clauses = DoneClauses(self.library.overlap, self._done_texts)
        return self._done_clauses

    @cached_property
    def _done_texts(self) -> list[str]:
        """What 主要工作 reports done: its chosen wordings and headings, the user's own lines and achievements,
        the parts' intros (read once, when the measures are weighed)."""
        done: list[str] = list(self._main_intros.values())
        for role in self.kind.main_roles:
            for item in self._main_items.get(role, []):
                for it in (item, *item.merged):
                    if it.fragment is not None:
                        done += [it.fragment.lead, it.fragment.texts[it.variant % len(it.fragment.texts)]]
                    done += [it.lead, it.text, *it.tail]
        return done

    @cached_property
    def _done_rates(self) -> DoneRates:
        """How often 主要工作 and the user's counts for the year say each activity is done."""
        return DoneRates(self._done_texts, self.facts.get)

    @cached_property
    def _users_problems(self) -> tuple[tuple[str, str], ...]:
        """The user's own problems and last year's open findings, each as (title, all it says): the user's words
        for both (a finding with its 差距), or for a problem picked by its id the fragment's lead, and its lead
        with every wording (发改委's wt-effort-balance says what its wordings say)."""
        by_id = self.library.by_id()
        own = [
            (by_id[p].lead, by_id[p].lead + "".join(by_id[p].texts))
            if isinstance(p, str) and p in by_id
            else (str(p), str(p))
            for p in self.facts.get(PROBLEMS) or []
        ]
        # an open finding says its 差距 too (h19e: “能留在村里跟班锻炼的不多” is the user's own word that the work
        # above must not claim the opposite of)
        return (*own, *((f, f + self._gaps.get(f, "")) for f in self._open_findings()))

    @cached_property
    def _findings(self) -> tuple[tuple[str, str, str], ...]:
        """Last year's findings listed in the facts, each as written: (问题, 整改情况, 状态) — read once a draft
        for everything that asks about them."""
        return tuple(
            (str(raw.get("问题")), str(raw.get("整改情况") or ""), str(raw.get("状态")))
            for raw in self.facts.get(f"{RECTIFY}.问题") or []
            if isinstance(raw, dict) and raw.get("问题")
        )

    @cached_property
    def _fixed_work(self) -> tuple[str, ...]:
        """Each finding the facts report as 已整改 with what was done about it (整改情况)."""
        return tuple(f"{title}{done}" for title, done, state in self._findings if state == "已整改")

    @cached_property
    def _fixed_findings(self) -> tuple[str, ...]:
        """Last year's findings the facts report as 已整改 (read once per draft, asked of every candidate)."""
        return tuple(title for title, _, state in self._findings if state == "已整改")

    def _not_own(self, frag: Fragment) -> int:
        """1 for a problem or cause that, in a 述职, speaks of others (部分党员…) rather than “我”; and for a
        cause in a unit's summary no wording of which names the organisation itself (:meth:`_owns`)."""
        if self.voice == "个人":
            return 0 if all("我" in t for t in frag.texts) else 1
        return 1 if frag.role == CAUSES and not any(self._owns(t) for t in frag.texts) else 0

    def _owns(self, text: str) -> bool:
        """A cause's wording in a unit's summary says what the organisation itself lacks: it names one of
        措辞.yaml 原因自剖主语 for this type (党委, 班子; ``{{ 单位.党组织 }}`` too), or the type lists none
        (session 12: a 学院 summary blamed 少数党员干部 and 有些党员教师 under “根子在学院党委自身”)."""
        owners = self._cause_owners
        return not owners or "单位.党组织" in text or any(w in text for w in owners)

    def _contradicts(self, topic: str) -> bool:
        """A problem topic the user reports as a highlight (its specific words appear in a 亮点)."""
        spec = self.reg.topic(PROBLEMS, topic)
        if spec is None:
            return False
        highlights = "".join(str(h) for r in self.kind.main_roles for h in self.facts.get(f"{r}.亮点") or [])
        return any(len(k) >= 3 and k in highlights for k in spec.keywords)

    def _expand(self, item: Item, role: str = PROBLEMS) -> None:
        """A short phrase of the user's becomes a titled problem with a 表现 paragraph that speaks of the same
        thing (the phrase's own words appear in it: 课程思政 → a 表现 about 课程思政); when no wording does,
        the phrase stays with a 【待补充：具体表现】 marker rather than a 表现 about something else.  A titled
        line whose content is one short sentence not in the secretary's own voice (“网格党建作用发挥不够：部分
        网格党支部组织力不强”) keeps its words and gets such a paragraph after them; so does a short measure
        (“深化网格党建：推动党支部建在网格上”), from the measures — reviewers sent back one-sentence items."""
        if item.detail is not None or item.marker:
            return  # expanded already (a finding still open: see _open_findings_as_problems)
        titled = bool(item.lead)
        if titled:
            if (
                not item.topic
                or len(item.text) >= SHORT_PHRASE
                or (self.voice == "个人" and "我" in item.text)
            ):
                return  # of no known topic, long enough, or in the secretary's own words: as written
            detail = self._detail_for(
                item.lead + item.text, item.topic, role, same_topic=True, head=item.lead
            )
        elif len(item.text) >= SHORT_PHRASE:
            return
        else:
            phrase = item.text.rstrip("。")
            item.lead, item.text = phrase, ""
            detail = self._detail_for(phrase, item.topic, role)
            if detail is None and role == PROBLEMS:
                item.marker = "具体表现"
        if detail is None:
            return
        item.topic = (item.topic if titled else "") or detail.topic_key
        self.used.add(detail.id)
        item.detail = detail
        # in the wording that speaks of the line (round 30: “教师党支部书记履职能力参差不齐” over the wording of
        # its 表现 on 党务干部 training, when another wording of it speaks of 支部书记履职), and does not open by
        # saying the line again (round 31: “对年轻党员的思想动态掌握不够。对支部党员的思想动态，我掌握得还不够
        # 及时”) when another does as well
        item.variant = self._line_variant(item, detail)

    def _line_variant(self, item: Item, detail: Fragment) -> int:
        """The wording of ``detail`` printed under the user's line: the one speaking most of it, unless that says
        the line again and another speaking of it nearly as well does not (:meth:`_says_line_again`; else one
        at least not opening with its heading)."""
        said = item.lead + item.text
        variant = self._variant_speaking_of(detail, said, self._variant(detail))
        if not self._says_line_again(item, detail.texts[variant]):
            return variant
        fit = self.library.overlap.fit(said, detail.texts[variant])
        others = [
            i
            for i, t in enumerate(detail.texts)
            if t in self._printable(detail) and self.library.overlap.fit(said, t) >= min(fit, FIT_MIN)
        ]
        fresh = [i for i in others if not self._says_line_again(item, detail.texts[i])]
        fresh = fresh or [i for i in others if not _echoes_lead(item.lead, detail.texts[i])]
        return fresh[0] if fresh else variant

    def _says_line_again(self, item: Item, text: str) -> bool:
        """The wording opens by saying the user's heading again, or says ECHO_WORDS of the line's own
        three-character words again anywhere (session 12: “组织在职党员到社区报到” followed by “我将督促街道在职
        党员主动向居住社区报到”; “网格党建作用发挥不够” over a 表现 ending “网格党建作用发挥不够充分”)."""
        if _echoes_lead(item.lead, text):
            return True
        content = self.library.overlap.content
        return len(content(item.lead + "，" + item.text) & content(text)) >= ECHO_WORDS

    def _detail_for(
        self,
        phrase: str,
        topic: str,
        role: str = PROBLEMS,
        *,
        same_topic: bool = False,
        strict: bool = False,
        head: str = "",
    ) -> Fragment | None:
        """The wording that speaks of ``phrase``: sharing FIT_MIN of its specific words (``strict``: one
        more), or (unless ``strict``) one of its topic sharing one of them; of those, one speaking of the line's
        title ``head`` first (:meth:`_best_detail`)."""
        overlap = self.library.overlap
        # by the wordings that may be printed (round 30: a 表现 chosen for a wording on 支部书记履职 that denies
        # 主要工作 was printed in its wording on 党务干部 training, under “教师党支部书记履职能力参差不齐”)
        scored = [
            (max((overlap.fit(phrase, t) for t in self._printable(f)), default=0), f.topic_key == topic, f)
            for f in self._detail_pool(topic, role, same_topic)
        ]
        # a 表现 that speaks of the phrase's own words (strict: one more of them — two shared words such as
        # 基础、薄弱 let a paragraph on 党支部 stand under “民办学校党建工作基础薄弱”)
        good = [x for x in scored if x[0] >= FIT_MIN + strict]
        # strict: and of its subject, not only of its other words (民办学校, not just 基础、薄弱); always of its
        # topic or headed by one of its words (session 11: a 表现 on 思想工作 that named 年轻党员 stood under
        # “党员老龄化，年轻党员少”)
        good = self._about(phrase, self._on_subject(phrase, good) if strict else good)
        if not good and topic and not strict:
            same = [x for x in scored if x[1]]
            # a wording of its topic sharing one of its words; for a phrase of everyday words, any wording of
            # its topic (党员教育管理不够经常); a phrase of its own words that nothing shares keeps the marker
            good = [x for x in same if x[0] >= 1] or (same if overlap.words(phrase) <= PLAIN_PHRASE else [])
        # under a titled line, only one speaking of the title, else the line stays as written (session 17: with
        # its grid 表现 denying a heading above, a 街道's “网格党建作用发挥不够” stood over a 表现 on 老旧小区)
        if head:
            good = [x for x in good if any(overlap.fit(head, t) for t in self._printable(x[2]))]
        return self._best_detail(phrase, good, head) if good else None

    def _best_detail(self, phrase: str, good: list[tuple[int, bool, Fragment]], head: str = "") -> Fragment:
        """Of the 表现 (or measure) that may expand ``phrase``, in this order:

        * under a titled line, one that speaks of the title ``head`` (session 14: “网格党建作用发挥不够” stood over
          a 街道's 表现 on 老旧小区, sharing the line's other words, not over the one on 网格党建);
        * in a 述职, a 表现 the secretary says as their own (我…) while there is one (session 13: a 集团's
          “基层党组织作用发挥不平衡” got a 表现 with no 我) — not at the cost of every one written for this type
          (a 村's 党员老龄化 keeps the village's own 表现), and not for a measure, where a wording without 我
          reads as well (session 14: “深化网格党建” got a 我将 measure on 在职党员报到, none on 网格);
        * the best fit; of equal fits, one of the phrase's topic, then one written for this type."""
        if head:
            speaks = self.library.overlap.fit
            good = [x for x in good if any(speaks(head, t) for t in self._printable(x[2]))] or good
        own = [x for x in good if x[2].role == MEASURES or not self._not_own(x[2])]
        if own and max(self._specific(x[2]) for x in own) >= max(self._specific(x[2]) for x in good):
            good = own
        keyed = [((fit, same, self._specific(f)), f) for fit, same, f in good]
        top = max(k for k, _ in keyed)
        return self.rank([f for k, f in keyed if k == top], f"expand:{phrase}")[0]

    def _about(
        self, phrase: str, scored: list[tuple[int, bool, Fragment]]
    ) -> list[tuple[int, bool, Fragment]]:
        """Those of ``scored`` about the phrase: of its topic, or headed by one of its words (round 28: a 表现 on
        理论学习 that named 生产经营 stood under “党建工作与生产经营结合不够紧密”)."""
        overlap = self.library.overlap
        return [x for x in scored if x[1] or overlap.fit(phrase, x[2].lead) >= 1]

    def _on_subject(
        self, phrase: str, scored: list[tuple[int, bool, Fragment]]
    ) -> list[tuple[int, bool, Fragment]]:
        """Those of ``scored`` with a wording that has a specific word of the phrase's first half."""
        overlap = self.library.overlap
        subject = overlap.subject(phrase)
        if not subject:
            return scored
        return [x for x in scored if any(overlap.fit_any(subject, t) for t in x[2].texts)]

    def _detail_pool(self, topic: str, role: str, same_topic: bool) -> list[Fragment]:
        """Unused wordings of ``role`` that may expand a user's line (of its topic only, if ``same_topic``);
        for a problem, none that denies what 主要工作 says or speaks of a finding reported fixed (round 17: a 表现
        on 积极分子储备不足 under a finding of 青年教师 发展党员 reported 已整改)."""
        pool = [f for f in self._usable(role) if not same_topic or f.topic_key == topic]
        if role in (PROBLEMS, CAUSES):  # its wordings, not its heading: the user's line stands as the title
            # a 表现 under the user's own line is printed in a wording denying nothing (:meth:`_printable`):
            # only one whose every wording denies is out (the user chose the subject; the tool, its wording)
            pool = [f for f in pool if not self._contradicting(f, heading=False, every=True)]
        return self._native_first(pool)

    def problems_section(self, spec: SectionSpec, family: Family | None, budget: int | None) -> SectionPlan:
        section = self._section(PROBLEMS, family)
        own, frags = self._listed(PROBLEMS, PROBLEMS)
        carried = self._open_findings_as_problems(own)
        own += carried
        for item in own:
            self._expand(item)
        chosen = [self.take(f) for f in frags] + own
        wanted = int(self.facts.get("存在问题数") or 0) or self._problem_count(spec)
        taken = {i.topic for i in chosen if i.topic} | self._topics_named_by_user(own)
        topics = [t for t in self.reg.topics.get(PROBLEMS, {}) if t not in taken and not self._contradicts(t)]
        bests = {t: self._own_if_as_good(t, self.best(PROBLEMS, t, self_critical=True)) for t in topics}
        ranked = self.rank([f for f in bests.values() if f is not None], PROBLEMS)
        # this kind of unit's own problems first (a 社区 writes of 网格 and 报到党员), then the rest; problems
        # that restate an achievement go last
        ranked.sort(
            key=lambda f: (
                self._foreign_frag(f),
                self._restates_carried(f, carried),
                self._contradicting(f),
                self._clash(f),
                self._not_own(f),
                self._problem_unanswerable(f),
                0 if self.unit_type.name in f.unit_types else 1,
            )
        )
        del budget  # the count is the user's (存在问题数) or the kind's, whatever the 字数
        for frag in ranked:
            # one denying what 主要工作 says only to reach three (round 30, after the 整改 part's opening came
            # in many wordings: “没有一抓到底” as a fourth problem below “对照上年度问题清单跟踪督办”)
            if len(chosen) >= wanted or (
                len(chosen) >= DEFAULT_PROBLEMS
                and (self._contradicting(frag) or self._restates_carried(frag, carried))
            ):
                break
            chosen.append(self.take(frag))
        if self.voice == "单位":
            self._own_body_problem(chosen, ranked)
        section.items = self._placed_carried(chosen, carried)
        return section

    def _topics_named_by_user(self, own: list[Item]) -> set[str]:
        """The problem topics whose specific keywords (PROMISE_CHARS or more) the user's own problems name: a
        user's problem takes each of them, not only the one it is classed under (round 50: the user's
        “对年轻党员的思想动态掌握不够”, classed 党员队伍, stood above the tool's “做党员思想工作还不够深入细致”
        on 思想政治工作 — the same thing twice, and two measures on 思想动态)."""
        said = "".join(i.lead + i.text for i in own if i.is_user)
        return {
            topic
            for topic, spec in self.reg.topics.get(PROBLEMS, {}).items()
            if any(len(k) >= PROMISE_CHARS and k in said for k in spec.keywords)
        }

    def _problem_unanswerable(self, frag: Fragment) -> int:
        """1 for a problem naming measures (pairs) none of which this draft may print (each promises what 主要工作
        reports done, redoes a fixed finding, or is foreign): its measure would be one of the topic's that does not
        speak of it (round 51: “对线上学习的讨论交流组织得还不充分” had no measure, and the measure put in its place
        answered no problem)."""
        return int(bool(frag.pairs) and all(self._usable_pair(p) is None for p in frag.pairs))

    def _restates_carried(self, frag: Fragment, carried: list[Item]) -> int:
        """1 when the problem's heading speaks of a finding still open that 存在问题 carries already (session 11:
        “‘双带头人’支部书记作用发挥不均衡” above “教师党支部书记‘双带头人’比例不高仍需下功夫解决” — two problems
        on one thing): FIT_MIN of the finding's specific words in the heading."""
        overlap = self.library.overlap
        return int(any(overlap.fit(c.lead, frag.lead) >= FIT_MIN for c in carried))

    def _own_if_as_good(self, topic: str, frag: Fragment | None) -> Fragment | None:
        """This type of unit's own problem of ``topic`` in place of the general ``frag`` when one has no more
        faults (:meth:`_problem_faults`): with one or two wordings of its own in a topic, the seeded draw
        gave a 社区 four general problems (round 33: “对党的组织和工作覆盖研究还不够”, “对支部建设的分类指导还不够
        细” …, “放到任何单位都能用”) while its own “服务群众的方法还比较传统” denied nothing."""
        if frag is None or self._specific(frag):
            return frag
        bar = self._problem_faults(frag)
        own = [
            f
            for f in self._usable_of_topic(PROBLEMS, topic)
            if self._specific(f) and not self._foreign_frag(f) and self._problem_faults(f) <= bar
        ]
        return self.rank(own, f"own:{PROBLEMS}:{topic}")[0] if own else frag

    def _problem_faults(self, frag: Fragment) -> tuple[int, int, int]:
        """A problem's faults, worst first: denying 主要工作, restating it, speaking of others in a 述职."""
        return self._contradicting(frag), self._clash(frag), self._not_own(frag)

    def _placed_carried(self, chosen: list[Item], carried: list[Item]) -> list[Item]:
        """A finding of last year still open (``carried``, one) stands first among the problems in about half
        the drafts, else second or third (round 29: the first problem was always last year's finding), by the
        seed and the unit; the user's own problems keep their places before it."""
        if len(carried) != 1 or not any(i is carried[0] for i in chosen):
            return chosen
        rest = [i for i in chosen if i is not carried[0]]
        first = next(n for n, i in enumerate(chosen) if i is carried[0])
        at = min(first + self._unit_rng("carried:at").choice((0, 0, 1, 2)), len(rest))
        return [*rest[:at], carried[0], *rest[at:]]

    def _own_body_problem(self, chosen: list[Item], ranked: list[Fragment]) -> None:
        """A unit's summary owns at least one shortcoming of its leading body (a reviewer: the problems all
        speak of 部分支部 and 部分党员, none is 局党组's own): when no problem names the organisation itself,
        the last one the tool chose gives way to the best-ranked that does, if it denies nothing above."""
        tools = [i for i in chosen if i.fragment is not None and not i.is_user]
        if not tools or any(_OWN_BODY.search(_item_words(i)) for i in chosen):
            return
        for frag in ranked:
            if (
                frag.id not in self.used
                and any(_OWN_BODY.search(t) for t in frag.texts)
                and not self._foreign_frag(frag)
                and not self._contradicting(frag)
                and not self._clash(frag)
            ):
                last = tools[-1]
                assert last.fragment is not None
                self.used.discard(last.fragment.id)
                chosen[chosen.index(last)] = self.take(frag)
                return

    def _problem_count(self, spec: SectionSpec) -> int:
        """The kind's count (条数), and for one draft in three one more: real reports list three or four
        problems, and a fixed three in every unit's draft is a skeleton a reviewer notices."""
        base = spec.count or DEFAULT_PROBLEMS
        if self.target:  # a 字数 target: the kind's count, the length is budgeted from it
            return base
        return base + (1 if base < 4 and self._rng("problem-count").random() < 1 / 3 else 0)

    def causes_section(self, spec: SectionSpec, problems: SectionPlan, family: Family | None) -> SectionPlan:
        section = self._section(CAUSES, family)
        overlap = self.library.overlap
        self._problem_answers = self._first_pairs(problems)
        self._problems_said = frozenset().union(
            *(overlap.specific(_item_words(p), 3) for p in problems.items)
        )
        own, frags = self._listed(CAUSES, CAUSES)
        items = [self.take(f) for f in frags] + own
        wanted = self._causes_wanted(spec, problems)
        taken = {i.topic for i in items}
        # the causes the chosen problems name (causes:), one a layer: a reviewer reads problem → cause and
        # sent drafts back whose causes explained none of the problems listed (rounds 50–55)
        linked = self._linked_causes(problems.items, taken)
        tool = self._tool_causes(
            self._cause_order(problems, linked),
            linked,
            taken,
            (wanted - len(items), len(items)),
            self._unexplained_causes(problems.items, linked, taken),
        )
        # the tool's causes in the order reports analyse them (思想认识 → 责任落实 → 能力本领 → 作风 → 制度机制,
        # the order of templates/主题.yaml), after the user's own
        layers = list(self.reg.topics.get(CAUSES, {}))
        tool.sort(key=lambda i: layers.index(i.topic) if i.topic in layers else len(layers))
        section.items = items + tool
        return section

    def _causes_wanted(self, spec: SectionSpec, problems: SectionPlan) -> int:
        """How many causes to write: as many layers as there are problems (a reviewer reads a fourth cause
        with three problems as one that explains nothing above it and that no measure answers), within the
        kind's count, and no more than 下一步 has room to answer: one measure per problem, one per cause,
        MEASURES_MAX in all (round 28 sent a 学院 summary back for three causes of four without a measure:
        four problems had taken the room); the user's own measures take room too."""
        wanted = max(2, min(4, spec.count or 3, max(3, len(problems.items))))
        # a cause's measure mostly joins its problem's (one more fits), unless a 字数 target budgets the part
        room = MEASURES_MAX + (not self.target) - len(problems.items) - len(self.facts.get(MEASURES) or [])
        return max(2, min(wanted, room - (1 if self.target and self._open_findings() else 0)))

    def _tool_causes(
        self,
        order: list[str],
        linked: dict[str, Fragment],
        taken: set[str],
        count: tuple[int, int],
        seconds: list[Fragment],
    ) -> list[Item]:
        """``wanted`` causes of the tool's after the user's ``own`` ones (``count``), layer by layer in
        ``order``: a linked cause for its layer; where none is, a cause a printed problem left unexplained names
        in a layer already held (``seconds``, :meth:`_unexplained_causes`) before the layer's best, which no
        problem names (round 75: a 村's 自学 cause no problem named, while its 后备力量 problem had no cause); a
        faulty one only when no faultless one is left to reach the number."""
        wanted, own = count
        tool: list[Item] = []
        # layers whose cause has a fault, kept to reach the number: those whose every wording restates a problem
        # first, then those no measure this draft may use answers, then those denying the work above (round 29:
        # “压力在传导中有所递减” after “把主体责任传导到最末端”); one not the organisation's own (session 13:
        # “部分党务工作者……” in a 学院's summary) only to reach two
        faulty: dict[str, list[Fragment]] = {k: [] for k in ("echoing", "unanswered", "denying", "disowned")}
        for cause in order:
            if len(tool) >= wanted:
                break
            if cause in taken:
                continue
            frag = linked.get(cause) or (seconds.pop(0) if seconds else None)
            if frag is None and (cause == order[0] or own + len(tool) < 2):
                frag = self._layer_cause(cause)
            if frag is None:
                continue
            fault = self._cause_fault(frag)
            if fault:
                faulty[fault].append(frag)
            else:
                tool.append(self.take(frag))
        spare = [*faulty["echoing"], *faulty["unanswered"], *faulty["denying"]]
        for frag in spare[: max(0, wanted - len(tool))]:
            tool.append(self.take(frag))
        for frag in faulty["disowned"][: max(0, 2 - own - len(tool))]:
            tool.append(self.take(frag))
        return tool

    def _linked_causes(self, problems: Sequence[Item], taken: set[str]) -> dict[str, Fragment]:
        """Layer → the cause a chosen problem names first (its fragment's, or its 表现's, ``causes``) that this
        draft may print without a fault; one a layer, none of a layer the user's own causes hold, as many
        problems explained as the layers allow (:func:`_match_layers`: session 18's office branch gave its
        思想认识 layer to a borrowed cause of its second problem, and its third, naming only a 思想认识 root it
        could print, went unexplained).  Then the layers still open take the problems' other causes: a layer
        filled from its pool alone printed a cause no problem above names (26 % of the samples' causes; 17 % this
        way)."""
        ids = self.library.by_id()
        out: dict[str, Fragment] = {}
        named = [
            [f for f in map(ids.get, self._named_causes(p)) if f is not None and f.role == CAUSES]
            for p in problems
        ]
        faulty: set[str] = set()  # each cause is checked once

        def fits(frag: Fragment) -> bool:
            if frag.topic_key in taken or frag.topic_key in out or frag.id in faulty:
                return False
            if self._faultless_cause(frag):
                return True
            faulty.add(frag.id)
            return False

        usable = [[f for f in causes if fits(f)] for causes in named]
        for frag in _match_layers(usable):  # a cause for as many problems as can have one, one a layer
            if frag is not None:
                out[frag.topic_key] = frag
        for causes in named:  # then the layers still open from the problems' other causes, in their order
            for frag in filter(fits, causes):
                out[frag.topic_key] = frag
        return out

    def _unexplained_causes(
        self, problems: Sequence[Item], linked: dict[str, Fragment], taken: set[str]
    ) -> list[Fragment]:
        """For each printed problem none of whose causes is linked, the first cause it names that this draft
        may print without a fault, though its layer is held by another's (a layer of the user's own causes
        excepted): a reviewer reads problem → cause, and a second cause of a layer explains more than a cause
        of an open layer that no problem above names."""
        ids = self.library.by_id()
        chosen = {f.id for f in linked.values()}
        out: list[Fragment] = []
        for problem in problems:
            names = self._named_causes(problem)
            if chosen.intersection(names):
                continue
            frag = next(
                (
                    f
                    for f in map(ids.get, names)
                    if f is not None
                    and f.role == CAUSES
                    and f.topic_key not in taken
                    and f.id not in chosen
                    and self._faultless_cause(f)
                ),
                None,
            )
            if frag is not None:
                chosen.add(frag.id)
                out.append(frag)
        return out

    def _named_causes(self, problem: Item) -> tuple[str, ...]:
        """The causes a printed problem names: its fragment's or its 表现's; for a line of the user's printed as
        written (a finding of last year still open, most often), those named by the library's problems that speak
        of the same thing (sharing FIT_MIN + 1 of its specific words, best first, two at most) — round 57 found
        the carried finding the one problem of three that no cause explained."""
        source = problem.fragment or problem.detail
        if source is not None:
            return source.causes
        said = problem.lead + problem.text
        fit = self.library.overlap.fit
        scored = [
            (max(fit(said, t) for t in (f.lead, *f.texts)), self._specific(f), f)
            for f in self._fitting.role(PROBLEMS)
            if f.causes and not self._foreign_frag(f)
        ]
        close = sorted((x for x in scored if x[0] >= FIT_MIN + 1), key=lambda x: (-x[0], -x[1]))
        return tuple(dict.fromkeys(c for *_, f in close[:2] for c in f.causes))

    def _faultless_cause(self, frag: Fragment) -> bool:
        """A cause this draft may print as it stands: it suits the draft, uses no avoided word, repeats no claim
        of the work above, and has none of :meth:`_cause_fault`'s faults."""
        return (
            self.eligible(frag)
            and not self._foreign_frag(frag)
            and not self._clash(frag)
            and not self._cause_fault(frag)
        )

    def _cause_fault(self, frag: Fragment) -> str:
        """The first fault of a cause, as :meth:`_tool_causes` files them: not the organisation's own
        (``disowned``), denying the work above (``denying``), answered by no measure this draft may use
        (``unanswered``), restating a problem (``echoing``); ``""`` for none."""
        if self._cause_owners and self._not_own(frag):
            return "disowned"
        if self._contradicting(frag):
            return "denying"
        if self._unanswerable(frag):
            return "unanswered"
        return "echoing" if self._echoes_problems(frag) else ""

    def _layer_cause(self, layer: str) -> Fragment | None:
        """The best cause of ``layer``; when 下一步 cannot answer it, another of the layer that it can and that
        denies nothing, if one does (:meth:`_answerable_cause`)."""
        frag = self.best(CAUSES, layer, self_critical=True)
        if frag is not None and self._unanswerable(frag):
            frag = self._answerable_cause(layer) or frag
        return frag

    def _answerable_cause(self, layer: str) -> Fragment | None:
        """The first cause of ``layer`` (as :meth:`best` ranks them) that denies nothing above and that a measure
        this draft may use answers (session 13: with its paired measures excluded, a 学校's 思想认识 cause gave
        way to no other, though one of its layer had a measure)."""
        pool = self.rank(self._native_first(self._usable_of_topic(CAUSES, layer)), f"{CAUSES}:{layer}")
        return next((f for f in pool if not self._contradicting(f) and not self._unanswerable(f)), None)

    def _first_pairs(self, problems: SectionPlan) -> list[Item]:
        """The measure each chosen problem names first (pairs) that the draft may use, as items."""
        out = []
        for p in problems.items:
            usable = [f for f in map(self._pair_target, p.fragment.pairs if p.fragment else ()) if f]
            out += [Item(usable[0].lead, "", usable[0], self._variant(usable[0]))] if usable else []
        return out

    def _cause_order(self, problems: SectionPlan, linked: dict[str, Fragment]) -> list[str]:
        """Cause topics to write, best first: the first layer of templates/主题.yaml (思想认识: every
        self-analysis starts from how the secretary sees the work), then the layers of the causes the chosen
        problems name (``linked``, in the problems' order), then those the problems' topics point to (a
        problem topic lists its causes), then the remaining layers."""
        layers = list(self.reg.topics.get(CAUSES, {}))
        votes: dict[str, int] = {}
        for p in problems.items:
            topic = self.reg.topic(PROBLEMS, p.topic)
            for rank, cause in enumerate(topic.causes if topic else ()):
                votes[cause] = votes.get(cause, 0) + (2 - min(rank, 1))
        order = layers[:1] + list(linked) + sorted(votes, key=lambda c: -votes[c])
        order += [c for c in layers if c not in order]
        return list(dict.fromkeys(order))

    def measures_section(
        self, problems: SectionPlan, causes: SectionPlan, family: Family | None
    ) -> SectionPlan:
        """下一步: the user's own measures, then one measure for every problem's and every cause's topic not
        answered yet, topped up to three."""
        section = self._section(MEASURES, family)
        own, frags = self._listed(MEASURES, MEASURES)
        for item in own:
            self._expand(item, MEASURES)
        listed = [self.take(f) for f in frags] + own
        answered = {i.topic for i in listed if i.topic}
        tool = self._answers_by_pairs(problems, listed, answered)
        tool += self._answers_by_words(problems, answered)
        for p in problems.items:
            topic = p.topic
            if not topic or topic in answered or p.bare_finding:
                continue
            # of the measures of its topic one that speaks of what the problem says, in the wording that does
            # (round 29: “分散学习的互动和深度还不够” was given “给支部工作定更高的目标……克服守成心态”, a measure
            # of its topic answering nothing it says); else the topic's best — a measure promising what 主要工作
            # reports as done reads as a contradiction: such wordings last
            said = _item_words(p)
            speaking = self._speaking_of(topic, said)
            frag = speaking or self.best(MEASURES, topic, self_critical=True)
            if frag is not None:
                tool.append(self._take_speaking_of(frag, said, topic) if speaking else self.take(frag))
                answered.add(topic)
        # a measure per cause as well, yet not a list that bloats: every cause's measure is found here, those
        # joining a problem's measure take no room, and the room is counted once they are folded and a finding
        # still open has its own measure (:meth:`_trim_cause_answers`)
        for_causes = self._answers_to_causes(problems, causes, [*tool, *listed], answered)
        tool += for_causes
        missing = DEFAULT_PROBLEMS - len(tool) - len(listed)
        if missing > 0:
            pool = self._measure_pool([f for f in self._usable(MEASURES) if f.topic_key not in answered])
            tool += [self.take(f) for f in self.rank(pool, MEASURES)[:missing]]
        section.items = self._in_problem_order(problems, tool + listed)
        self._fold_cause_answers(problems, section, for_causes)
        return section

    def _trim_cause_answers(self, problems: SectionPlan, causes: SectionPlan, measures: SectionPlan) -> None:
        """No more than MEASURES_MAX measures once the causes' measures are folded and a finding still open has
        its own: the last cause standing on its own measure goes with it — one no printed problem names first —
        while two causes remain (a list that bloats is what reviewers mark, and so is a cause no measure
        answers).  Session 18 let a draft of four
        problems have three causes — round 61 read three of a 街道's four problems as explained by none — as
        their measures mostly join the measures of the problems naming them."""
        named = {c for p in problems.items for c in self._named_causes(p)}
        order = [c.fragment.id for c in causes.items if c.fragment is not None]
        # the causes' own measures standing as items (``answers``), in the causes' order; a cause no printed
        # problem names goes first, then the last one standing
        standing = sorted(
            (m for m in measures.items if m.answers in order), key=lambda m: order.index(m.answers)
        )
        standing.sort(key=lambda m: m.answers not in named)
        while len(measures.items) > MEASURES_MAX and standing and len(causes.items) > 2:
            last = standing.pop()
            measures.items = [m for m in measures.items if m is not last]
            causes.items = [c for c in causes.items if c.fragment is None or c.fragment.id != last.answers]

    @staticmethod
    def _drop_unanswered_causes(causes: SectionPlan, measures: SectionPlan) -> None:
        """No cause that no measure answers at all (none of its measures fitted, or its measure went in the
        trim), while two causes remain: reviewers mark a cause no measure answers (session 20: a 县一中 of four
        problems printed a third cause, on 能力本领, with no measure)."""
        answered = {x.answers for m in measures.items for x in (m, *m.merged)}
        loose = [c for c in causes.items if c.fragment is not None and c.fragment.id not in answered]
        while loose and len(causes.items) > 2:
            gone = loose.pop()
            causes.items = [c for c in causes.items if c is not gone]

    def _fold_cause_answers(
        self, problems: SectionPlan, section: SectionPlan, for_causes: list[Item]
    ) -> None:
        """A measure added for a cause joins, as the next sentences of one paragraph, the measure of a problem
        that speaks of the same thing (:meth:`_fold_host`).  Reviewers of rounds 33–35 read 下一步 always
        counting problems plus causes as mechanical; round 36 read cause measures glued on after “与此同时”
        “更要紧的是” as 拼接 — so a fold is made only where the two are about one thing, with no joining word.
        One fold per problem's measure (a host has ``merged``); never below DEFAULT_PROBLEMS measures."""
        not_hosts = {id(m) for m in for_causes}
        for measure in for_causes:
            if len(section.items) <= DEFAULT_PROBLEMS or measure.fragment is None:
                break
            found = self._fold_host(measure, problems, section, not_hosts)
            if found is None:
                continue
            host, problem = found
            section.items.remove(measure)
            measure.for_cause = True
            measure.variant = self._fold_variant(measure, host, problem)
            measure.quiet = self._fold_says_host(measure, problem)
            host.merged.append(measure)

    def _fold_says_host(self, measure: Item, problem: Item) -> bool:
        """A cause's measure folded after its problem's goes unprinted when the problem names that cause first:
        the thinking behind that very problem, which the problem's measure, on the same thing, answers too.
        Rounds 82–83 read such a paragraph as two measures bolted together (“…年内推动薄弱支部整改到位。逐个
        分析后进支部落在哪里，我将在年初……”, “…方案由人事部门拟。我还将在上半年和班子一起学习……”)."""
        named = self._named_causes(problem)
        return bool(named) and named[0] == measure.answers

    def _fold_variant(self, measure: Item, host: Item, problem: Item) -> int:
        """The wording of a cause's ``measure`` to print after ``host``'s (the measure of ``problem``) in one
        paragraph: of those it may print, that promise nothing 主要工作 reports done and that would make the fold
        (:meth:`_fold_score`), one saying least of what the host already says, within a word (its own unless
        another says less: session 18's folds printed “谈一次心” or “参加一次组织生活” twice in one paragraph)."""
        frag = measure.fragment
        assert frag is not None  # only a fragment's measure is folded
        overlap = self.library.overlap
        hosted = overlap.content(_item_words(host))
        printable = self._printable(frag)
        shares = {
            n: len(hosted & overlap.content(frag.lead + t))
            for n, t in enumerate(frag.texts)
            if t in printable
            and not (self._done_already(t) or self._clause_repeats(t))
            and self._fold_score(measure, self._fold_words(frag.lead + t), problem, host) > 0
        }
        if not shares:
            return measure.variant
        # those within one word of the fewest are as good: drawn by the unit (sibling units would otherwise
        # print one wording of every folded measure); of them, none opening with a study task while another is
        # left (rounds 82–83: the "go and study once" sentence glued to a measure, in every draft)
        least = sorted(n for n, k in shares.items() if k <= min(shares.values()) + 1)
        least = [n for n in least if not self._studies_first(frag.texts[n])] or least
        if measure.variant in least:
            return measure.variant
        return self._unit_rng(f"fold:{frag.id}").choice(least)

    def _fold_host(
        self, measure: Item, problems: SectionPlan, section: SectionPlan, not_hosts: set[int]
    ) -> tuple[Item, Item] | None:
        """The measure of a problem that ``measure`` speaks of too, the closest such (:meth:`_fold_score`), and
        that problem.  Not a cause's measure (``not_hosts``), not a measure already hosting one, nor the one of
        a problem carrying a finding still open (its measure ends with the finding's own sentence)."""
        findings = self._open_findings()
        said = self._fold_words(_item_words(measure))
        best: tuple[int, Item, Item] | None = None
        for p in problems.items:
            if not p.topic or p.bare_finding or any(f in p.lead for f in findings):
                continue
            host = next(
                (
                    m
                    for m in section.items
                    if m.topic == p.topic
                    and m.fragment is not None
                    and not m.merged
                    and id(m) not in not_hosts
                ),
                None,
            )
            score = 0 if host is None else self._fold_score(measure, said, p, host)
            if host is not None and score > 0 and (best is None or score > best[0]):
                best = (score, host, p)
        return (best[1], best[2]) if best else None

    def _fold_score(self, measure: Item, said: frozenset[str], problem: Item, host: Item) -> int:
        """How closely a cause's ``measure`` (saying ``said``, :meth:`_fold_words`) speaks of ``problem`` and
        its measure ``host``; 0 when it does not.  The words of what is done: FOLD_FIT in common with the
        host, FOLD_FIT + 1 with host and problem together.  A cause the problem names first is the thinking
        behind that very problem, so its measure is on the same subject whatever words it takes (session 18:
        “给后进支部定出赶上来的时间表” stood as （四） beside “（一）帮基础弱的支部赶上来”, no word in common); one
        it names later needs FOLD_FIT words with the two together (session 18: joining a later-named cause's
        measure without them put “交办事项台账” under “对现有党建品牌做一次梳理”).  Those the problem names rank
        first."""
        near = _runs(said & self._fold_words(_item_words(host)))
        both = near + _runs(said & self._fold_words(_item_words(problem)))
        named = self._named_causes(problem) if measure.answers else ()
        if named and named[0] == measure.answers:
            return both + 2 * NAMED_FOLD
        if measure.answers in named and both >= FOLD_FIT:
            return both + NAMED_FOLD
        return both if near >= FOLD_FIT and both > FOLD_FIT else 0

    @cached_property
    def _fold_skips(self) -> tuple[frozenset[str], frozenset[str]]:
        """措辞.yaml 措施并入不算的字 and 措施并入不算的词 for this unit, looked up once per draft."""
        name, voice = self.unit_type.name, self.voice
        chars = frozenset("".join(self.reg.words(FOLD_SKIP_CHARS, name, voice)))
        return chars, frozenset(self.reg.words(FOLD_SKIP_WORDS, name, voice))

    def _fold_words(self, text: str) -> frozenset[str]:
        """The content three-character runs of ``text`` that say what is done, not when or how often: none
        with a character of 措辞.yaml 措施并入不算的字 (次, 每, 季…) and none of 措施并入不算的词 (评先评优, 及时
        调整) — two measures that both meet “每季度” and “及时调整” are not about one thing (session 11: 网格党支部
        书记 + 统筹谋划, folded for 及时调整 alone)."""
        chars, words = self._fold_skips
        field = self._field_words
        return frozenset(
            w
            for w in self.library.overlap.content(text)
            if w not in words and w not in field and chars.isdisjoint(w)
        )

    @property
    def _field_words(self) -> frozenset[str]:
        """The content three-character runs in FIELD_SHARE or more of the wordings written for this type of
        unit (none for 通用): they name its field (a hospital's 医务人员, a village's 村干部, a school's 党员教师),
        not what a measure does — a hospital's measure on 思想工作 with 专家 joined its measure on 患者意见 for
        医务人员 alone (session 17).  Worked out once per library and type."""
        name = self.unit_type.name
        overlap = self.library.overlap
        found = overlap.field.get(name)
        if found is None:
            texts = (
                []
                if name == "通用"
                else [t for f in self.library.fragments() if name in f.unit_types for t in f.texts]
            )
            counts = Counter(w for t in texts for w in overlap.content(t))
            found = overlap.field[name] = frozenset(
                w for w, n in counts.items() if n >= FIELD_SHARE * len(texts)
            )
        return found

    def _in_problem_order(self, problems: SectionPlan, measures: list[Item]) -> list[Item]:
        """Measures in the order of the problems they answer (a reviewer lays 存在问题 and 下一步 side by side:
        “（一）对应（四）” was marked as a plan that does not follow its problems), a user's own measure by the
        words it shares with a problem; measures answering a cause, or none, after them in their order.  One
        measure of a problem's topic stands at it (the user's own first, then the first listed): a cause's own
        measure of that topic follows the others."""
        at: dict[str, int] = {}
        for n, p in enumerate(problems.items):
            if p.topic:
                at.setdefault(p.topic, n)
        claimed: dict[str, int] = {}
        for n, m in sorted(enumerate(measures), key=lambda pair: (not pair[1].is_user, pair[0])):
            claimed.setdefault(m.topic, n)
        overlap = self.library.overlap
        rest = len(problems.items)

        def place(pair: tuple[int, Item]) -> tuple[int, int]:
            n, m = pair
            where = at.get(m.topic, rest) if m.topic and claimed[m.topic] == n else rest
            if where == rest and m.is_user:
                fits = [
                    (overlap.fit(_item_words(p), _item_words(m)), i) for i, p in enumerate(problems.items)
                ]
                fit, i = max(fits, default=(0, rest))
                where = i if fit >= FIT_MIN else rest
            return where, n

        return [m for _, m in sorted(enumerate(measures), key=place)]

    def _answers_to_causes(
        self, problems: SectionPlan, causes: SectionPlan, chosen: list[Item], answered: set[str]
    ) -> list[Item]:
        """Each cause gets a measure that speaks of what it says: none when a measure already chosen does
        (shares CAUSE_FIT of its specific words), else the measure that shares most of them, of the topic
        主题.yaml names for the cause first.  A reviewer reads causes and measures side by side; a cause left
        unanswered, or a measure added for a cause it does not speak to, is what they mark."""
        out: list[Item] = []
        said_of = (*problems.items, *causes.items)
        for cause in causes.items:
            said = _item_words(cause)
            if not said or self._answered_already(cause, said_of, (*chosen, *out)):
                continue
            paired = self._paired_answer(cause, said, (*chosen, *out))
            if paired is not None:  # the measure written for this cause, in the wording that speaks of it
                paired.answers = cause.fragment.id if cause.fragment else ""
                out.append(paired)
                answered.add(paired.topic)
                continue
            # a measure of a topic 下一步 already has when no other answers it, unless it says again what one
            # chosen says (round 30: “抓学校党建的专业本领有短板” went unanswered, its measure's topic taken)
            best = self._cause_answer(cause.topic, said, answered) or self._cause_answer(
                cause.topic, said, set(), unlike=(*chosen, *out)
            )
            if best is None or self._repeats_done(
                best
            ):  # no measure promising what is done, even for a cause
                continue
            item = self._take_speaking_of(best, said)
            item.answers = cause.fragment.id if cause.fragment else ""
            out.append(item)
            answered.add(best.topic_key)
        return out

    def _answered_already(self, cause: Item, said_of: Sequence[Item], chosen: Sequence[Item]) -> bool:
        """A measure of ``chosen`` answers ``cause`` (:meth:`_also_answers`) — one of the topic 主题.yaml names
        for the cause or one the cause names (pairs), when the cause names a measure this draft may still use:
        a measure written for another cause that lists the same words in passing (“课程思政、师德师风……列入工作
        要点”) does not answer “抓师德师风日常监督用力不够均衡” to a reader."""
        covering = [m for m in chosen if self._also_answers(cause, m, said_of)]
        if not covering or cause.fragment is None:
            return bool(covering)
        if not any(self._usable_pair(t) is not None for t in cause.fragment.pairs):
            return True
        spec = self.reg.topic(CAUSES, cause.topic) if cause.topic else None
        own = {spec.measure} if spec is not None else set()
        return any(
            m.topic in own or (m.fragment is not None and m.fragment.id in cause.fragment.pairs)
            for m in covering
        )

    def _also_answers(self, cause: Item, measure: Item, said_of: Sequence[Item]) -> bool:
        """``measure``, already in 下一步, answers ``cause`` too: it shares CAUSE_FIT of the cause's specific
        words, and at least half as many as it shares with the problem or other cause it speaks of most (round
        30: a measure written for “专业本领有短板”, sharing 26 words with it, was read as the answer to “工作作风
        还不够扎实” for four shared words, and that cause went without a measure of its own)."""
        overlap = self.library.overlap
        said = _item_words(measure)
        fit = overlap.fit(_item_words(cause), said)
        if fit < CAUSE_FIT:
            return False
        others = [overlap.fit(_item_words(other), said) for other in said_of if other is not cause]
        return 2 * fit >= max(others, default=0)

    def _said_by(self, frag: Fragment, said: str) -> int:
        """How many of the specific words of ``said`` the measure shares at most, in its heading or one wording
        it may be printed in (none with an avoided word: :meth:`_variant_speaking_of`)."""
        overlap = self.library.overlap
        return max(
            (overlap.fit(said, t) for t in (frag.lead, *frag.texts) if not self._foreign_words(t)), default=0
        )

    def _speaking_of(self, topic: str, said: str) -> Fragment | None:
        """The usable measure of ``topic`` that speaks most of ``said``, a problem's heading and text
        (:meth:`_answer`); None when none does."""
        return self._answer(
            self._usable_of_topic(MEASURES, topic), said, topic, f"speaking:{topic}", cause=False
        )

    def _answer(
        self, candidates: Iterable[Fragment], said: str, topic: str, what: str, *, cause: bool
    ) -> Fragment | None:
        """The measure of ``candidates`` that speaks most of ``said``, the heading and text of a problem or
        (``cause``) of a cause; None when none does.  Of those :meth:`_measure_ok`, the ones sharing at least
        FIT_MIN — for a cause CAUSE_WORDS_MIN — of its specific words (:meth:`_said_by`) are scored by them,
        +2 for a measure of ``topic``; for a cause only those saying no clause of 主要工作 again count when
        any does (:meth:`_fresh`).  Of the top score the first ranked (by ``what``), for a cause one written
        for this type of unit first."""
        scored = list(self._scored(candidates, said, topic, cause=cause))
        if cause:
            scored = self._fresh_scored(scored)
        if not scored:
            return None
        top = max(score for score, _ in scored)
        ranked = self.rank([f for score, f in scored if score == top], what)
        return sorted(ranked, key=lambda f: -self._specific(f))[0] if cause else ranked[0]

    def _paired_answer(self, cause: Item, said: str, chosen: Sequence[Item]) -> Item | None:
        """The first measure a cause fragment names (pairs) that the draft may still use, taken in the wording
        that speaks of ``said``.  A topic 下一步 already has does not keep it out (round 27: “原因二：群众工作本领
        不够 — 无 — 缺措施” while its own measure waited behind another of the same topic; a measure written for
        the cause is not a second one on that topic to a reader), unless it would say again what a measure
        already ``chosen`` says; one that says no clause of 主要工作 again first."""
        if cause.fragment is None:
            return None
        usable = [f for f in map(self._usable_pair, cause.fragment.pairs) if f is not None]
        fresh = self._fresh(usable)  # those saying no clause of 主要工作 again first
        for frag in [*fresh, *(f for f in usable if f not in fresh)]:
            variant = self._variant_speaking_of(frag, said, self._variant(frag))
            if not self._repeats_measure(frag.lead, frag.texts[variant], chosen):
                item = self.take(frag)
                item.variant = variant
                return item
        return None

    def _usable_pair(self, measure_id: str) -> Fragment | None:
        """The measure a cause names (pairs) when this draft may still take it: not used yet and usable
        (:meth:`_pair_target`)."""
        return None if measure_id in self.used else self._pair_target(measure_id)

    def _repeats_measure(self, lead: str, text: str, chosen: Sequence[Item]) -> bool:
        """A measure heading ``lead`` and saying ``text`` says again what one of ``chosen`` says: their headings
        share a run of five characters or more (激励约束机 in 用好激励约束机制 and 把激励约束机制用在一线; four,
        抓党建的 or 提高党员, is only grammar), or the wordings share more than CLASH_MAX content
        three-character words (每季度写一篇学习体会 twice; 学院党委将… is a frame, not content)."""
        overlap = self.library.overlap
        runs, words = _lead_runs(lead), overlap.content(lead + text)
        return any(
            len(runs & _lead_runs(m.lead)) > 1 or len(words & overlap.content(_item_words(m))) > CLASH_MAX
            for m in chosen
        )

    def _pair_target(self, measure_id: str) -> Fragment | None:
        """The measure a problem or cause names in its pairs, when the draft may use it: not foreign
        (:meth:`_foreign_frag`; a 机关党支部 reports to no 班子), and pinned by the user or eligible and neither
        redoing what last year's 整改 reports as done nor promising what 主要工作 does."""
        frag = self.library.by_id().get(measure_id)
        if frag is None or self._foreign_frag(frag):
            return None
        usable = measure_id in self.pinned or (
            self.eligible(frag) and not self._redoes_fixed(frag) and not self._promises_done(frag)
        )
        return frag if usable else None

    def _scored(
        self, candidates: Iterable[Fragment], said: str, topic: str, *, cause: bool
    ) -> Iterator[tuple[int, Fragment]]:
        """For :meth:`_answer`: each of ``candidates`` that is :meth:`_measure_ok` and shares at least FIT_MIN
        (for a cause CAUSE_WORDS_MIN) of the specific words of ``said``, with its score (those words, +2 for a
        measure of ``topic``); one at a time, so that whether any does is found at the first."""
        least = CAUSE_WORDS_MIN if cause else FIT_MIN
        for f in candidates:
            if self._measure_ok(f):  # first: _said_by is the costly part
                fit = self._said_fresh(f, said) if cause else self._said_by(f, said)
                if fit >= least:
                    yield fit + 2 * (f.topic_key == topic), f

    def _said_fresh(self, frag: Fragment, said: str) -> int:
        """:meth:`_said_by` of the wordings that say no clause of 主要工作 again, when any does not: a cause's
        measure is printed in a wording that speaks of the cause, and that one must not promise what is done
        (round 31 set: “每学期……讲一次党课” after “全年为党员讲专题党课2次”, its only wording speaking of the
        cause)."""
        fresh = [t for t in frag.texts if not self._clause_repeats(t)] if self._main_taken else []
        if not fresh or len(fresh) == len(frag.texts):
            return self._said_by(frag, said)
        overlap = self.library.overlap
        return max((overlap.fit(said, frag.lead + t) for t in fresh if not self._foreign_words(t)), default=0)

    def _cause_answer(
        self, cause: str, said: str, answered: set[str], unlike: Sequence[Item] = ()
    ) -> Fragment | None:
        """The measure that answers a cause of topic ``cause`` saying ``said`` (:meth:`_answer`), of a topic not
        ``answered`` yet; None when none does.  One answers it when a reader sees it does: it is of the topic
        主题.yaml names for the cause, or it says one of the cause topic's own words (本领 for 本领跟不上; round
        19 read a measure on 党员底数 given for 联系群众不够 as one answering nothing), and it shares
        CAUSE_WORDS_MIN of the cause's words (round 25: measures of the cause's topic saying nothing of what it
        says read as 答非所问; a foreign measure is no answer: a 学院党委 does not 用好监督执纪第一种形态)."""
        topic, candidates = self._cause_candidates(cause, said, answered, unlike)
        return self._answer(candidates, said, topic, f"cause:{cause}", cause=True)

    def _cause_candidates(
        self, cause: str, said: str, answered: set[str], unlike: Sequence[Item] = ()
    ) -> tuple[str, list[Fragment]]:
        """The measure topic 主题.yaml names for the cause topic ``cause``, and the usable measures that may
        answer a cause saying ``said`` (:meth:`_cause_answer`): of that topic, or saying one of the cause
        topic's own words that ``said`` says; none saying again what one of ``unlike`` says."""
        spec = self.reg.topic(CAUSES, cause)
        topic = spec.measure if spec is not None else ""
        marks = [k for k in spec.keywords if k in said] if spec is not None else []
        candidates = [
            f
            for f in self._usable(MEASURES)
            if f.topic_key not in answered
            and (
                f.topic_key == topic or any(k in f.lead or all(k in t for t in f.texts) for k in marks)
            )  # whichever wording prints
        ]
        if unlike:
            candidates = [
                f for f in candidates if not self._repeats_measure(f.lead, f.texts[self._variant(f)], unlike)
            ]
        return topic, candidates

    def _fresh_scored(self, scored: list[tuple[int, Fragment]]) -> list[tuple[int, Fragment]]:
        """Those of the scored measures that say no clause of 主要工作 again (all of them when none does)."""
        fresh = self._fresh([f for _, f in scored])
        return [(score, f) for score, f in scored if f in fresh]

    def _take_speaking_of(self, frag: Fragment, said: str, topic: str | None = None) -> Item:
        """Take ``frag`` printed in a wording that speaks of ``said`` (the usual one when it does as well as
        any; never one in the wrong voice or with an avoided word)."""
        item = self.take(frag, topic)
        item.variant = self._variant_speaking_of(frag, said, item.variant)
        return item

    def _printable(self, frag: Fragment) -> list[str]:
        """The wordings of ``frag`` this draft may print: none in the wrong voice, with an avoided word or, for
        a problem or cause, denying 主要工作."""
        critical = frag.role in (PROBLEMS, CAUSES)
        return [
            t
            for t in frag.texts
            if not (
                self._wrong_voice(t, frag.role) or self._foreign_words(t) or (critical and self._denies(t))
            )
        ]

    def _variant_speaking_of(self, frag: Fragment, said: str, usual: int) -> int:
        """The wording of ``frag`` that speaks most of ``said`` (``usual`` when it does nearly as well as any,
        else one of those that do, drawn by the unit: NEAR_FIT), never
        one in the wrong voice, with an avoided word or, for a problem or cause, denying 主要工作; a measure's
        wording promising what 主要工作 reports done, saying a clause of it again or in the words of a 前后矛盾
        pair whose claim 主要工作 makes, only when every wording does (session 12: a pair printed in the wording
        speaking of its problem said 单独组建 again; round 62: “推广……党员突击队” after “组建党员突击队”)."""
        measure = frag.role == MEASURES and bool(self._main_taken)
        printable = self._printable(frag)
        keys: list[tuple[int, ...]] = []
        for t in frag.texts:
            if t not in printable:
                keys.append((-1, -1, -1, -1))  # never printed
                continue
            fit = self.library.overlap.fit(said, t)
            fresh = not (measure and (self._done_already(t) or self._clause_repeats(t) or self._denies(t)))
            owned = frag.role != CAUSES or self.voice == "个人" or self._owns(t)  # a summary's cause: its own
            keys.append((int(fresh), int(owned), int(fit >= CAUSE_WORDS_MIN), fit))
        best = max(keys)
        # a wording speaking nearly as much of it is as good: drawn by the unit (session 13: the wording a pair
        # was written from always spoke most of its problem, so the other wordings never printed and every unit
        # drawing the measure printed one sentence word for word)
        near = [i for i, k in enumerate(keys) if k[:3] == best[:3] and k[3] * NEAR_FIT >= best[3]]
        if frag.role == MEASURES:
            near = self._plain_near(frag, keys, near)
        if usual % len(keys) in near:
            return usual % len(keys)
        return self._unit_rng(f"speaking:{frag.id}").choice(near) if len(near) > 1 else near[0]

    def _plain_near(self, frag: Fragment, keys: list[tuple[int, ...]], near: list[int]) -> list[int]:
        """Of the measure's wordings ``near`` the best (:meth:`_variant_speaking_of`), those not opening with a
        study task; else any as good in all but how much it speaks of the thing (``keys``' first three) that
        does not; else ``near`` (rounds 82–83: “我将在上半年……学习……的有关要求” in every draft)."""
        best = max(keys)
        plain = [
            i
            for i, k in enumerate(keys)
            if k[:3] == best[:3] and k[3] > 0 and not self._studies_first(frag.texts[i])
        ]
        return [i for i in near if i in plain] or plain or near

    def _answers_by_words(self, problems: SectionPlan, answered: set[str]) -> list[Item]:
        """A problem in the user's own words gets the measure that speaks of the same thing (党员老龄化、年轻
        党员少 → a measure about bringing young people into the Party), when one shares its words, in the
        wording that speaks of it most (round 27: not the one on 主题党日 that says 主要工作 again); the
        others are answered by topic below."""
        out: list[Item] = []
        for p in problems.items:
            if not p.is_user or p.topic in answered or p.bare_finding:
                continue
            phrase = p.lead or p.text
            pool = self._measure_pool(self._usable(MEASURES), fresh=False)
            fits = [(self._said_by(f, phrase), f) for f in pool]
            # shared words, then the problem's own topic, then wording written for this type of unit; of the
            # measures that speak of it, one saying no clause of 主要工作 again
            scored = self._fresh_scored(
                [(fit + 2 * (f.topic_key == p.topic) + self._specific(f), f) for fit, f in fits if fit >= 1]
            )
            if not scored:
                continue
            top = max(score for score, _ in scored)
            best = self.rank([f for score, f in scored if score == top], f"answer:{phrase}")[0]
            out.append(self._take_speaking_of(best, phrase, p.topic or best.topic_key))
            answered.add(p.topic or best.topic_key)
        return out

    def _open_findings_as_problems(self, own: list[Item]) -> list[Item]:
        """A finding of last year still 整改中 is also one of this year's problems (a reviewer asked why it was
        not), written like a user's phrase with a 表现 on its subject, unless the user's own problems already
        speak of it or no wording does."""
        overlap = self.library.overlap
        said = "".join(i.lead + i.text for i in own)
        out: list[Item] = []
        for finding in self._open_findings():
            if overlap.fit(finding, said) >= FIT_MIN:
                continue
            item = Item(finding, "", topic=self.reg.classify(PROBLEMS, finding) or "")
            # its 表现 must speak of the finding itself (a reviewer saw the finding as a title over a paragraph
            # about something else); the user's own 差距 (what is still short) before any wording; none such:
            # the user writes it
            gap = self._gaps.get(finding, "")
            detail = None if gap else self._detail_for(finding, item.topic, strict=True)
            if detail is not None:
                self.used.add(detail.id)
                item.detail = detail
                item.variant = self._variant_speaking_of(detail, finding, self._variant(detail))
                item.topic = item.topic or detail.topic_key
            elif not gap and not self._what_was_done(finding):
                # no wording speaks of it and nothing was reported done: a title and a marker reads as empty
                # (round 15); it stands in 上年度问题整改 and in 下一步
                continue
            self._as_carried(item, finding)
            if detail is None:
                # what was done is said (its 整改情况); what remains only the user knows (round 30: the one
                # finding still open was missing from 存在问题 and hung on the end of an unrelated measure):
                # their 差距, else a marker (round 63: four of five drafts' first problem ended on
                # 【待补充：具体表现】); its measure is the one carrying the finding on (:meth:`_carry_findings`)
                item.bare_finding = True
                if gap:
                    self._say_gap(item, finding, gap)
                else:
                    item.marker = "具体表现"
            out.append(item)
        return out

    def _as_carried(self, item: Item, finding: str) -> None:
        """A finding carried into this year's problems is not headed by last year's words again (round 19: “问
        题年年写”): its heading says it is not solved yet (措辞.yaml 延续问题小标题), and who found it and that
        this year's 整改 has not finished it is said before its 表现 or, in about half the drafts, after it (with
        整改情况 given, a heading of 延续问题小标题有做法: the 整改 unfinished, not the finding standing)
        (延续问题结语; round 29: every draft opened the problem with “这是……指出的问题”); with no 整改情况 the
        progress is left for the user to write.  The wordings are chosen by the seed and the unit."""
        done = self._what_was_done(finding)
        source = str(self.facts.get(f"{RECTIFY}.来源") or "").strip() or "上年度"
        rng = self._unit_rng(f"carried:{finding}")
        after = rng.random() < 1 / 2
        texts = (CARRIED_CODAS if done else CARRIED_CODAS_BARE) if after else None
        texts = texts or (CARRIED_TEXTS if done else CARRIED_TEXTS_BARE)
        # with 整改情况 given, a heading saying the finding still stands reads as denying what the 整改 part
        # says was done (round 75: “沟通渠道不固定的情况仍然存在” after “每季度召开一次沟通会”): the heading
        # says the 整改 is not finished
        leads = self._native_words(
            (done and self.reg.words(CARRIED_LEADS_DONE, self.unit_type.name, self.voice))
            or self.reg.words(CARRIED_LEADS, self.unit_type.name, self.voice)
        )
        sentences = self._native_words(self.reg.words(texts, self.unit_type.name, self.voice))
        if not leads or not sentences:
            return
        item.lead = rng.choice(leads).format(问题=finding)
        # 来源 as the user wrote it when it already says 上年度 anywhere (“市委巡察和上年度述职评议” read as
        # “上年度市委巡察和上年度述职评议” in round 24)
        said_when = source.startswith("上") or "上年度" in source or "上一年度" in source
        sentence = rng.choice(sentences).format(来源=source if said_when else f"上年度{source}", 做法=done)
        if texts in (CARRIED_CODAS, CARRIED_CODAS_BARE):
            item.coda = sentence
        else:
            item.text = sentence
        if not done:
            item.marker = "较上年的整改进展"

    def _say_gap(self, item: Item, finding: str, gap: str) -> None:
        """The user's 差距 of a finding still open, as the carried problem's 表现: in a wording of 措辞.yaml
        延续问题差距 (主要是……), after the sentence on its source and progress or, when that sentence is said
        last (a coda), in its place before it."""
        words = self._native_words(self.reg.words(CARRIED_GAP, self.unit_type.name, self.voice))
        rng = self._unit_rng(f"gap:{finding}")
        sentence = rng.choice(words).format(差距=gap) if words else f"{gap}。"
        item.text = f"{item.text}{sentence}"
        item.marker = ""

    @cached_property
    def _gaps(self) -> dict[str, str]:
        """Each open finding's 差距 as the user wrote it (what is still short), without a full stop."""
        return self._finding_part("差距")

    def _finding_part(self, key: str) -> dict[str, str]:
        """Last year's findings → their ``key`` (差距, 完成时限) as the user wrote it, without a full stop; those
        with none left out."""
        return {
            _full_stop(str(raw.get("问题"))).rstrip("。"): _full_stop(str(raw[key])).rstrip("。；;，, ")
            for raw in self.facts.get(f"{RECTIFY}.问题") or []
            if isinstance(raw, dict) and raw.get("问题") and str(raw.get(key) or "").strip()
        }

    def _what_was_done(self, finding: str) -> str:
        """What the user reports doing this year about last year's ``finding`` (its 整改情况), without a full stop."""
        for title, done, _ in self._findings:
            if _full_stop(title).rstrip("。") == finding:
                return _full_stop(done).rstrip("。；;，, ")
        return ""

    def _open_findings(self) -> list[str]:
        """Last year's findings the user reports as still 整改中."""
        return [_full_stop(title).rstrip("。") for title, _, state in self._findings if state == "整改中"]

    def _unfinished_rectification(self, hosted: bool = False) -> list[Item]:
        """A finding of last year still 整改中 is carried on into next year's plans: one measure naming
        the findings, with the date left for the user (a reviewer checks that open findings are not dropped);
        ``hosted``: the sentence ending a measure that speaks of its subject (措辞.yaml 未完成整改并入正文:
        “这也是‘…’的整改办法，……最迟完成时间为”), which says the method, so this sentence need not (rounds
        84–85 read “我将针对前面说到的不足补上新的办法” after such a measure as a placeholder)."""
        open_findings = self._open_findings()
        if not open_findings:
            return []
        names = "、".join(_quoted(f) for f in open_findings)
        text = self._word(UNFINISHED_HOSTED, self.voice) if hosted else ""
        lead, text = self._word(UNFINISHED_LEADS, self.voice), text or self._unfinished_text(open_findings)
        # the date the user gives (完成时限), when every open finding has one and it is the same: else a marker
        # (rounds 64–65: every open finding's measure ended on 【待补充：完成时限】)
        dates = {self._deadlines.get(f, "") for f in open_findings}
        date = dates.pop() if len(dates) == 1 else ""
        if date:
            return [Item(lead, f"{text.format(names=names)}{date}。", topic="整改")]
        return [Item(lead, text.format(names=names), topic="整改", marker="完成时限")]

    def _unfinished_text(self, open_findings: list[str]) -> str:
        """The measure's wording for the findings still open, ``{names}`` left to fill: for one finding whose
        差距 存在问题 printed and says what is short (a word of 措辞.yaml 差距说不足), a wording pointing back to
        it (“从前面说到的那处差距改起”); else a general one. Round 75 read “将把剩余任务纳入年度工作要点” as a
        measure with no content; round 77 read the 差距 quoted again (“‘X’等差距”) as a formula, round 80 as
        the same clause copied twice."""
        # a finding that opens with 对 is not put after 对 (“对‘对直属单位党建工作督导不够经常’，我将……”)
        keep = (lambda o: "对{names}" not in o) if any(f.startswith("对") for f in open_findings) else None
        if len(open_findings) == 1 and open_findings[0] in self._gaps_said:
            short = self.reg.words(GAP_SHORT, self.unit_type.name)
            clauses = _GAP_CLAUSES.split(self._gaps.get(open_findings[0], ""))
            if any(w in c for c in clauses for w in short):
                text = self._word(UNFINISHED_GAP_TEXTS, self.voice, keep)
                if text:
                    return text
        return self._word(UNFINISHED_TEXTS, self.voice, keep)

    @cached_property
    def _deadlines(self) -> dict[str, str]:
        """Each open finding's 完成时限 as the user wrote it, without a full stop."""
        return self._finding_part("完成时限")

    def _carry_findings(self, problems: SectionPlan, measures: SectionPlan) -> None:
        """The carried finding joins the measure that already speaks of its subject (村级后备力量 → the
        measure on 后备队伍) as its last sentence, instead of a second measure on the same thing; with no
        such measure, or several open findings, it is a measure of its own — as it is, in the place of its
        problem, when the finding stands in 存在问题 with no 表现 of the tool's (round 30: hung on the end of
        a measure headed 补上抓学校党建的专业本领短板)."""
        self._gaps_said = frozenset(
            f for f, gap in self._gaps.items() if any(gap in p.text for p in problems.items)
        )
        carried = self._unfinished_rectification()
        findings = self._open_findings()
        if not carried:
            return
        bare = [p for p in problems.items if p.bare_finding]
        if bare:
            carried[0].topic = bare[0].topic = bare[0].topic or carried[0].topic
            host = self._finding_measure(findings, carried[0].topic)
            if host is not None:  # the finding's sentence ends a measure that speaks of its subject
                host.merged.append(self._hosted_finding(carried[0]))
                carried = [host]
            measures.items = self._in_problem_order(problems, [*measures.items, *carried])
            return
        at = self._finding_host(problems, measures, findings)
        if at is not None:
            measures.items[at].merged.append(self._hosted_finding(carried[0]))
        else:
            measures.items += carried

    def _hosted_finding(self, carried: Item) -> Item:
        """The open finding's sentence as it ends a measure on its subject (:meth:`_unfinished_rectification`
        ``hosted``), in ``carried``'s topic; ``carried`` itself when 措辞.yaml has no such wording."""
        hosted = self._unfinished_rectification(hosted=True)
        if not hosted or hosted[0].text == carried.text:
            return carried
        hosted[0].topic = carried.topic
        return hosted[0]

    def _finding_measure(self, findings: list[str], topic: str) -> Item | None:
        """For the one open finding that stands in 存在问题 with no 表现: a measure not yet used that speaks of
        its subject (as a 表现 would have to: :meth:`_detail_for`, strict), in the wording that does; None when
        none does or it would promise what 主要工作 reports done.  Rounds 45–46 read the finding's measure alone
        — “逐项列出剩余事项，明确专人督办，办结期限为【待补充：完成时限】” — as an empty shell."""
        if len(findings) != 1:
            return None
        frag = self._detail_for(findings[0], topic, MEASURES, strict=True)
        if frag is None or not self._measure_ok(frag):
            return None
        return self._take_speaking_of(frag, findings[0], topic)

    def _finding_host(self, problems: SectionPlan, measures: SectionPlan, findings: list[str]) -> int | None:
        """Where the one open finding's sentence joins 下一步: the measure answering the problem that carries the
        finding (same topic; round 33: “党建工作与生产经营结合不够紧密” stood as problem (三), answered by
        “推动党建与经营深度融合”, and again as a seventh measure of its own), else the one sharing two of its specific
        words; None when there are several findings or no such measure."""
        if len(findings) != 1:
            return None
        carrier = next((p for p in problems.items if p.topic and findings[0] in p.lead), None)
        tools = [(i, m) for i, m in enumerate(measures.items) if m.fragment is not None]
        if carrier is not None:
            same = [i for i, m in tools if m.topic == carrier.topic]
            if same:
                return same[0]
        overlap = self.library.overlap
        fit, at = max(((overlap.fit(findings[0], _item_words(m)), i) for i, m in tools), default=(0, -1))
        return at if fit >= 2 else None

    def _answers_by_pairs(self, problems: SectionPlan, listed: list[Item], answered: set[str]) -> list[Item]:
        """A problem that names its answers (pairs) gets the first one still usable (the first saying no clause
        of 主要工作 again, when one does not): several problems of one topic (年轻党员少, 流动党员管理) each get
        the measure written for them.  A user's problem printed with a 表现 names the answers of that 表现's
        fragment (round 32: “教师党支部书记履职能力参差不齐” shown with the 表现 written for 双带头人 was given a
        measure on the secretary's own 党务 knowledge, not the one written for it on 选好育强支部书记)."""
        chosen_ids = {i.fragment.id for i in listed if i.fragment}
        out: list[Item] = []
        for p in problems.items:
            written = p.fragment or p.detail
            if written is None or p.topic in answered:
                continue
            # the first saying no clause of 主要工作 again, of those speaking most of what the problem says (round
            # 33: “对支部书记履职的指导还不够具体……跟踪帮带不够” was given its first pair, on 党务干部's 待遇,
            # while its second, on guiding 支部书记, was written for it)
            usable = [f for f in map(self._pair_target, written.pairs) if f is not None]
            said = _item_words(p)
            usable.sort(key=lambda f: -self._fit_of(said, f))
            answer = self._fresh(usable)[0] if usable else None
            if answer is not None and answer.id not in self.used and self._pair_speaks(p, answer):
                # printed in the wording that speaks most of the problem as printed (session 12: the 街道's
                # problem on 线上方式 was given its pair in the usual wording, on 创新项目评选)
                out.append(self._take_speaking_of(answer, said, p.topic))
                answered.add(p.topic)
            elif chosen_ids & set(written.pairs):
                answered.add(p.topic)
        return out

    def _pair_speaks(self, problem: Item, answer: Fragment) -> bool:
        """Whether a 表现's paired measure may answer the user's problem it is shown under: it speaks of the
        user's own phrase nearly as much (PAIR_FIT_MARGIN) as the measure of the topic speaking most of it (“教师党支部书记
        履职能力参差不齐” takes the measure written for its 表现, on 选好育强支部书记; “支部学习形式比较单一” keeps the
        one on new forms of study, its 表现's pair being on 研讨 and 领学); and it is a measure the draft may
        print (:meth:`_measure_ok`)."""
        if problem.fragment is not None or not problem.lead:
            return True
        if not self._measure_ok(answer):
            return False
        speaking = self._speaking_of(problem.topic, problem.lead) if problem.topic else None
        if speaking is None:
            return True
        pair, best = self._fit_of(problem.lead, answer), self._fit_of(problem.lead, speaking)
        # a measure of this unit type's own speaking of more of the phrase wins too (a village's “村级后备力量储备
        # 不足，年轻干部少” takes 建强村“两委”班子和后备队伍 over its 表现's pair on 年轻人)
        return best < pair + PAIR_FIT_MARGIN and not (best > pair and self._specific(speaking))

    def _fit_of(self, said: str, frag: Fragment) -> int:
        """The most specific words ``said`` shares with one of the fragment's wordings (its heading with it)."""
        return max(self.library.overlap.fit(said, frag.lead + t) for t in frag.texts)

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
            name = (
                (item.lead or item.text)[:20]
                if item.is_user
                else f"{item.fragment.lead}（{item.fragment.id}）"
                if item.fragment
                else item.lead
            )
            self.diagnostics.append(
                Diagnostic(
                    "warning",
                    f"存在问题“{name}”没有对应的下一步措施",
                    self.facts.location(PROBLEMS),
                    "在“下一步”里写一条同一方面的措施（自己的话，或 drafter fragments list --role 下一步 里的编号）",
                    code="unpaired",
                )
            )

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
        plan = Plan(
            kind=self.kind.name,
            voice=self.voice,
            seed=self.seed,
            unit_type=self.unit_type.name,
            main_roles=self.kind.main_roles,
            layout=self.layout,
        )
        self._check_ids()
        if self.target:
            plan.budgets = self.budgets()
            self.length_bias = 1 if self.target < LONG_FROM else -1
        plan.family = self._family()
        self._headings_said = "".join(plan.family.headings.values()) if plan.family else ""
        settled = False
        for spec in self.kind.sections:
            if not spec.main and spec.role in (RECTIFY, PROBLEMS) and not settled:
                # 主要工作 as printed before anything is checked against it (session 13: an item swapped in
                # after the causes were chosen, to tell a number once, said “由‘读了’走向‘悟了’” above
                # “理论学习有时当成完成规定动作”)
                self._settle_main(plan)
                settled = True
            self._plan_section(plan, spec)
        if not settled:
            self._settle_main(plan)
        self._headings_for_items(plan)
        self._ensure_wording(plan)
        self._intros_for_self_criticism(plan)
        self._rectify_intro_undenied(plan)
        self._soften_claims(plan)
        self._fold_long_parts(plan)
        self._vary_headings(plan)
        self._stock_phrases_once(plan)
        plan.diagnostics = [*self.library.notices, *self.diagnostics]
        return plan

    def _settle_main(self, plan: Plan) -> None:
        """主要工作's last changes of items: every number the user gave carried, none told twice; what it
        claims is read afresh after them (session 14: a 村's “我坚持村里重大事项由村党支部先研究”, swapped in to
        tell a number once, stood above the cause denying it — the claims had been read before the swap)."""
        self._carry_numbers(plan)
        self._unrepeat_numbers(plan)
        self._honest_main_headings(plan)
        self._main_said = None

    def _honest_main_headings(self, plan: Plan) -> None:
        """A 主要工作 item whose heading claims what the user's own problems say was not done well prints
        another heading of it (措辞.yaml 小标题另说) that does not: the item stays for the numbers it carries, but
        a 村 that wrote “党员老龄化，年轻党员少” printed “为党员队伍补充年轻血液” above it (session 18), and that
        claim then kept every 表现 of the problem saying 年轻党员少 out of the draft."""
        if not self._user_denials:
            return
        for role in self.kind.main_roles:
            for item in self._main_items.get(role, []):
                for it in (item, *item.merged):
                    frag = it.fragment
                    if frag is None or not frag.lead or not self._claims_user_denied(frag.lead):
                        continue
                    options = [o for o in self._lead_alternatives(frag) if not self._claims_user_denied(o)]
                    if options:
                        it.heading = self._unit_rng(f"heading:{frag.id}").choice(options)

    def _plan_section(self, plan: Plan, spec: SectionSpec) -> None:
        """One section of the kind's outline into ``plan`` (the self-critical parts after 主要工作)."""
        role = spec.role
        problems = plan.sections.get(PROBLEMS)
        if role == OPENING:
            plan.opening = self._opening = self._frame(OPENING)
        elif role == CLOSING:
            plan.closing = self._frame(CLOSING)
        elif spec.main:
            if role == "业务融合" and not self._fusion_wanted():
                return
            budget = None if role == "业务融合" else plan.budgets.get(role)  # its size is the user's lines
            plan.sections[role] = self.main_section(spec, plan.family, budget)
        elif role == RECTIFY:
            rectify = self.rectify_section(plan.family)
            if rectify is not None:
                plan.sections[role] = self._rectified = rectify
                self._main_said = None  # what it reports done claims too (:meth:`_main_text`)
        elif role == PROBLEMS:
            plan.sections[role] = self.problems_section(spec, plan.family, plan.budgets.get(role))
        elif role == CAUSES and problems is not None:
            plan.sections[role] = self.causes_section(spec, problems, plan.family)
        elif role == MEASURES and problems is not None:
            causes = plan.sections.get(CAUSES) or SectionPlan(CAUSES)
            measures = self.measures_section(problems, causes, plan.family)
            self._carry_findings(problems, measures)
            self._trim_cause_answers(problems, causes, measures)
            self._drop_unanswered_causes(causes, measures)
            plan.sections[role] = measures
            self._check_pairs(problems, measures)

    def _vary_headings(self, plan: Plan) -> None:
        """A problem, cause or measure with other wordings of its heading (措辞.yaml 小标题另说) prints one drawn
        by the unit: the fragment's own heading was the same in every unit that drew it (round 41: “对从严治党长期
        性认识不足” in a street's and a hospital's 述职).  Never one with a word this unit avoids, one a problem
        or cause would deny the work with, one its text opens by saying again, or one another item prints."""
        items = [
            x
            for role in (PROBLEMS, CAUSES, MEASURES)
            if role in plan.sections
            for it in plan.sections[role].items
            for x in (it, *it.merged)
            if x.fragment is not None and x.fragment.lead
        ]
        printed = {x.fragment.lead for x in items if x.fragment is not None}
        for item in items:
            frag = item.fragment
            assert frag is not None  # kept above
            text = frag.texts[item.variant % len(frag.texts)]
            critical = frag.role in (PROBLEMS, CAUSES)
            options = [frag.lead] + [
                o
                for o in self._lead_alternatives(frag)
                if o not in printed and not (critical and self._denies(o)) and not _echoes_lead(o, text)
            ]
            chosen = self._unit_rng(f"heading:{frag.id}").choice(options)
            if chosen != frag.lead:
                item.heading = chosen
                printed.add(chosen)

    def _rectify_intro_undenied(self, plan: Plan) -> None:
        """The 上年度问题整改 part's lead-in is dropped when it claims what a problem or cause below denies (a
        前后矛盾 pair: session 20's “我始终把整改落实作为履行第一责任人职责的重要内容” above “抓党建投入精力少”): it
        was chosen before them, and the part reads as well from its first finding."""
        section = plan.sections.get(RECTIFY)
        if section is None or section.intro is None:
            return
        critical = _self_critical_said(plan)
        pairs = self.reg.topics.get(CONTRADICTIONS, {})
        if any(says_any(pairs[n].keywords, section.intro.text) for n in _denials_in(self.reg, critical)):
            section.intro = None
            self._main_said = None

    def _soften_claims(self, plan: Plan) -> None:
        """A 主要工作 item whose wording claims completeness (措辞.yaml 绝对说法: 一个不落, 环环相扣, 全覆盖) about
        what the self-critical half speaks of (the sentence saying it shares SOFTEN_SHARED_MIN specific words
        with the problems and causes) prints another wording of it that claims less (:meth:`_softer`).  Rounds
        62–67 read such a claim and the shortcoming below as the draft denying itself (“一个不落管起来” / “对年轻
        党员……研究不深”; “环环相扣的闭环管理” / “多停留在听取汇报层面”); an editor's first move is to claim less
        above, not to drop the problem.  Whatever words claim it, a wording one sentence of which shares
        SUBJECT_SHARED_MIN specific words with one self-critical sentence is printed in another wording that speaks
        of the thing less closely (round 71: “先上门把道理讲透” / “讲要求多、讲道理少”); a general problem or cause
        that close to 主要工作 was passed over when chosen (:meth:`_close_to_main`)."""
        words = self.reg.words(ABSOLUTE_CLAIMS, self.unit_type.name, self.voice)
        critical = _self_critical_said(plan)
        if not critical:
            return
        problems, measures = (
            tuple(_item_words(x) for it in plan.sections[r].items for x in (it, *it.merged))
            if r in plan.sections
            else ()
            for r in (PROBLEMS, MEASURES)
        )
        soft = _Softening(
            words,
            self.library.overlap.specific(critical, 2),
            _denials_in(self.reg, critical),
            sentences=tuple(w for x in _SENTENCE_SPLIT.split(critical) if (w := self._clause_words(x))),
            problems=problems,
            measures=measures,
        )
        items = [
            it
            for role in plan.main_roles
            if role in plan.sections
            for item in plan.sections[role].items
            for it in (item, *item.merged)
            if it.fragment is not None
        ]
        changed = False
        for it in items:
            variant = self._softer(it, [x for x in items if x is not it], soft)
            if variant is not None:
                it.variant, changed = variant, True
        if changed:  # what 主要工作 claims is read afresh by what comes after (folds, measures' checks)
            self._main_said = None
            self._achieved = None

    def _softer(self, it: Item, others: list[Item], soft: _Softening) -> int | None:
        """Another wording of ``it`` claiming less, when its printed one claims completeness on what the
        self-critical half speaks of: none with more faults, losing its 我 or the year's 提法 it carries, telling
        what another item tells, or claiming what a 前后矛盾 pair has the self-critical half deny."""
        frag = it.fragment
        if frag is None or len(frag.texts) < 2:
            return None
        overlap = self.library.overlap
        now = frag.texts[it.variant % len(frag.texts)]
        said = [x for x in _SENTENCE_SPLIT.split(now) if soft.claims(x)]
        absolute = any(len(overlap.specific(x, 2) & soft.below) >= SOFTEN_SHARED_MIN for x in said)
        close = soft.subject(now, self._clause_words)
        if not absolute and close < SUBJECT_SHARED_MIN:
            return None
        pairs = self.reg.topics.get(CONTRADICTIONS, {})
        told = [overlap.content(self._printed(x)) for x in others]
        faults = self._wording_faults(frag)
        bar = faults[it.variant % len(frag.texts)]

        def fits(t: str) -> bool:
            return (
                ("我" in t or "我" not in now)  # a 述职's item keeps its 我
                and all(p in t for p in self._year_wording[0] if p in now)  # and the year's 提法 it carries
                # and tells nothing another item tells (its own wording was counted as told already)
                and all(len(overlap.content(t) & o) <= RETELL_MAX for o in told)
                and not any(
                    says_any(pairs[n].keywords, t) and not says_any(pairs[n].keywords, now)
                    for n in soft.denied
                )
                and not self._restated_below(t, now, soft)
            )

        def less(t: str) -> tuple[int, int] | None:
            """What ``t`` claims and how closely it speaks of the self-critical half's subject, when it does
            better than the printed wording where that one is faulted and not faulted where it is not."""
            claims, subject = soft.claims(t), soft.subject(t, self._clause_words)
            if claims > soft.claims(now) or subject > max(close, SUBJECT_SHARED_MIN - 1):
                return None
            better = (absolute and claims < soft.claims(now)) or (
                close >= SUBJECT_SHARED_MIN and subject < close
            )
            return (claims, subject) if better else None

        options = [
            (*key, faults[n], n)
            for n, t in enumerate(frag.texts)
            if faults[n] <= bar and (key := less(t)) is not None and fits(t)
        ]
        return min(options)[3] if options else None

    def _restated_below(self, wording: str, now: str, soft: _Softening) -> bool:
        """Whether ``wording``, printed for ``now``, would have a problem below say more of it again (shared
        content three-character words: :meth:`_clash`) or a measure promise a clause of it again
        (:class:`DoneClauses`) than ``now`` has."""
        overlap = self.library.overlap
        new, old = overlap.content(wording), overlap.content(now)
        if any(overlap.clash(p, set(new)) > overlap.clash(p, set(old)) for p in soft.problems):
            return True
        before, after = DoneClauses(overlap, [now]), DoneClauses(overlap, [wording])
        return any(len(after.repeats(m)) > len(before.repeats(m)) for m in soft.measures)

    def _clause_words(self, sentence: str) -> frozenset[str]:
        """A sentence's specific two-character words without a function character, slots left out."""
        return self.library.overlap.clause_words(_SLOT_RE.sub("", sentence))

    @staticmethod
    def _printed(item: Item) -> str:
        """The wording an item with a fragment prints."""
        frag = item.fragment
        return frag.texts[item.variant % len(frag.texts)] if frag is not None else item.text

    def _lead_alternatives(self, frag: Fragment) -> list[str]:
        """The other headings 措辞.yaml 小标题另说 lists for ``frag`` that use no word this draft avoids."""
        table = self.reg.wordings.get(LEAD_ALTERNATIVES, {})
        return [o for o in table.get(frag.id, ()) if not self._foreign_words(o)]

    def _intros_for_self_criticism(self, plan: Plan) -> None:
        """The lead-ins of 存在问题, 原因 and 下一步 promise only what their items deliver, as the parts' of 主要
        工作 do (:meth:`_intro_for_items`; round 32: “对照……基层对机关作风的期盼” over three problems none of which
        is on 作风, “把机关党建的着力点放在服务基层上” over six measures none of which serves 基层)."""
        for role in (PROBLEMS, CAUSES, MEASURES):
            section = plan.sections.get(role)
            if section is not None and section.intro is not None:
                section.intro = self._intro_for_items(section)

    def _headings_for_items(self, plan: Plan) -> None:
        """Headings that promise only what the items deliver (round 15: “落实党组织领导的校长负责制” over a part
        with no item on it): when a heading of the family names a topic (a 主题.yaml keyword of four
        characters or more) none of its part's items is on, the family is drawn again from those whose
        headings all deliver; when none does, the first choice stays.  A heading naming a result of 措辞.yaml
        标题所许 delivers only over items that say one of its words (round 27: “党员先锋作用在村里彰显” over items
        on meetings and 发展党员, “振兴发展成果在村里共享” over items that share nothing)."""
        if plan.family is None:
            return
        main = {r: s for r, s in plan.sections.items() if r in plan.main_roles}
        have = {r: set(s.topics) for r, s in main.items()}
        said = {r: _section_words(s) for r, s in main.items()}

        def delivers(family: Family) -> bool:
            return all(
                self._topics_named(r, family.headings[r]) <= have[r]
                and self._promises_kept(family.headings[r], said[r], HEADING_PROMISES)
                for r in main
                if r in family.headings
            )

        family = None if delivers(plan.family) else self._family(delivers)
        if family is None:
            return
        plan.family = family
        for role, section in main.items():
            if role in plan.family.headings:
                section.heading = Variant(plan.family.headings[role])

    def _fold_long_parts(self, plan: Plan) -> None:
        """A part of 主要工作 longer than its 条数 + 1 (every number the user gave must appear, so parts grow)
        folds items into a related one, as 主题.yaml's 并入 says (专题研讨 into 理论学习): a reviewer would
        rather read six full items than nine thin ones.  A line the user titled is never folded."""
        for role in plan.main_roles:
            section, spec = plan.sections.get(role), self.kind.section(role)
            if section is None or spec is None or not spec.count:
                continue
            while len(section.items) > spec.count + 1 and self._fold_one(role, section):
                pass

    def _fold_one(self, role: str, section: SectionPlan) -> bool:
        by_topic = {i.topic: i for i in section.items if i.topic}
        for item in reversed(section.items):
            # the tool's items, and the user's lines that got a lead from the tool (their words stay whole)
            foldable = (item.fragment is not None or not item.lead) and not item.tail
            topic = self.reg.topic(role, item.topic) if foldable else None
            host = next((by_topic[t] for t in (topic.merge_into if topic else ()) if t in by_topic), None)
            if host is not None and host is not item and host.fragment is not None and not item.merged:
                section.items.remove(item)
                host.merged.append(item)
                return True
        return False

    def _carry_numbers(self, plan: Plan) -> None:
        """Every number the user gave reaches the draft: a fragment carrying a missing one is added under its
        (unused) topic, or replaces the item of its topic when the numbers that item carried still reach the
        draft (they are in the replacement, or another unused topic takes them)."""
        main = [r for r in plan.main_roles if r in plan.sections]
        for strict in (True, False):  # carriers that add no marker first; a marker only as the last resort
            for path in sorted(NUMBER_FACTS):
                if self.facts.has(path) and path not in self.covered:
                    self._carry(plan, main, path, strict) or self._swap(plan, main, path, strict)

    def _unrepeat_numbers(self, plan: Plan) -> None:
        """An item whose every number an earlier item already writes (组织体系 with 党员数 and 党支部数, then
        党员教育管理 with 党员数 again) takes another wording of its topic that repeats none; with none, an item
        of an optional topic is left out: a number told twice reads as padding."""
        seen: set[str] = set()
        carried = self._numbers_by_item(plan)
        for spec in self.kind.sections:
            section = plan.sections.get(spec.role) if spec.main else None
            if section is None:
                continue
            kept: list[Item] = []
            for item in section.items:
                given = self._numbers(item.fragment) if item.fragment else set()
                wider = _told_wider(given, carried)
                if item.fragment is not None and given and (given <= seen or wider):
                    other = self._unrepeating(spec.role, item.topic, seen | wider)
                    if other is None and item.topic not in spec.required:
                        self.used.discard(item.fragment.id)
                        continue
                    if other is not None:
                        self.used.discard(item.fragment.id)
                        item = self.take(other, item.topic)
                        given = self._numbers(other)
                kept.append(item)
                seen |= given
            # the list 主要工作's claims are read from (_main_text) too: a wording swapped in here that says
            # “由‘读了’走向‘悟了’” is then checked against a cause saying “当成完成规定动作”
            section.items = self._main_items[spec.role] = kept

    def _numbers_by_item(self, plan: Plan) -> list[set[str]]:
        """The numbers each item of 主要工作 writes, in the draft's order."""
        return [
            self._numbers(i.fragment) if i.fragment else set()
            for spec in self.kind.sections
            if spec.main and spec.role in plan.sections
            for i in plan.sections[spec.role].items
        ]

    def _stock_phrases_once(self, plan: Plan) -> None:
        """A stock phrase (措辞.yaml 一篇一次的话: 心坎上, 家门口, 看得见、摸得着) said once in a draft: an item whose
        wording says one that the draft says elsewhere takes another wording of its fragment that says none, no
        worse in its faults and carrying every 提法 the first did (round 29: “心坎上” twice in a village draft,
        “家门口”, “可感可及” and “变成了为民服务日” read as 套话).  Headings, intros, the user's words and the
        self-critical parts (their wordings answer one another) stay; the items of 主要工作 give way to them."""
        phrases = self.reg.words(ONCE_PHRASES, self.unit_type.name)
        items = [
            x for r in self._draft_order(plan) for it in plan.sections[r].items for x in (it, *it.merged)
        ]
        forced = [self._forced_phrases(x, phrases) for x in items]
        fixed: Counter[str] = Counter(p for t in self._fixed_texts(plan) for p in phrases if p in t)
        for own in forced:
            fixed.update(own)
        said: set[str] = set()
        for item, own in zip(items, forced, strict=True):
            elsewhere = {p for p, n in fixed.items() if n > (p in own)} | said
            if _says_again(_item_words(item), phrases, elsewhere - own):
                self._reword_without(item, [p for p in phrases if p in elsewhere])
            said |= {p for p in phrases if p in _item_words(item)}

    def _draft_order(self, plan: Plan) -> list[str]:
        """The roles of the plan's sections in the order the draft prints them."""
        return [s.role for s in self.kind.sections if s.role in plan.sections]

    def _fixed_texts(self, plan: Plan) -> list[str]:
        """What the draft prints besides the items' wordings: opening, closing, headings, intros, lead-ins,
        closing sentences, the details the user's lines carry and the user's own words."""
        texts = [f.texts[0] for f in (plan.opening, plan.closing) if f]
        for section in plan.sections.values():
            texts += [v.text for v in (section.heading, section.intro) if v]
            texts += [f.texts[0] for f in (*section.lead_in, *section.tail)]
            for it in section.items:
                for x in (it, *it.merged):
                    texts += [x.detail.texts[x.variant % len(x.detail.texts)]] if x.detail else []
                    texts += [x.lead + x.text + "".join(x.tail)] if x.fragment is None else list(x.tail)
        return texts

    def _forced_phrases(self, item: Item, phrases: Sequence[str]) -> set[str]:
        """The stock phrases an item says whatever its wording: in its heading, in every wording, or, outside
        主要工作 (its wording is not changed), in the wording it has."""
        if item.fragment is None:
            return set()
        frag = item.fragment
        if frag.role not in self.kind.main_roles:
            return {p for p in phrases if p in _item_words(item)}
        return {p for p in phrases if p in frag.lead or all(p in t for t in frag.texts)}

    def _reword_without(self, item: Item, avoid: list[str]) -> None:
        """``item`` of 主要工作 in the wording of its fragment saying none of ``avoid`` (the fewest), when one is no
        worse in its faults and carries every 提法 the present wording does."""
        frag = item.fragment
        if (
            frag is None or frag.role not in self.kind.main_roles
        ):  # the user's own words; or a problem, cause or
            return  # measure, whose wording was chosen for the one it answers or is answered by
        faults = self._wording_faults(frag)
        now = item.variant % len(frag.texts)
        carries = self._covered_by(frag.lead + frag.texts[now])
        said = [sum(p in t for p in avoid) for t in frag.texts]
        better = [
            v
            for v, t in enumerate(frag.texts)
            if said[v] < said[now] and faults[v] <= faults[now] and carries <= self._covered_by(frag.lead + t)
        ]
        if better:
            item.variant = min(better, key=lambda v: (said[v], faults[v]))

    def _unrepeating(self, role: str, topic: str, seen: set[str]) -> Fragment | None:
        """The best wording of ``topic`` that writes a number not in ``seen``, or none at all."""
        pool = [
            f
            for f in self._usable(role)
            if f.topic_key == topic and not (self._numbers(f) and self._numbers(f) <= seen)
        ]
        ranked = self.rank(pool, f"unrepeat:{topic}")
        return ranked[0] if ranked else None

    def _carriers(self, main: list[str], path: str, strict: bool = True) -> list[Fragment]:
        """Fragments that would write ``path``; with ``strict``, not those that would add a 【待补充】 marker
        for a number the user left blank."""
        pool = [
            f
            for r in main
            for f in self._usable(r)
            if path in f.needs and (not strict or all(self._has(n) for n in f.needs if n in NUMBER_FACTS))
        ]
        # one that heads or tells again what an item already says only when no other carries the number
        # (把党组织建到网格和楼栋 beside 把党组织建在网格和楼栋, both carrying a grid number)
        return sorted(self.rank(pool, f"carry:{path}"), key=self._retells)

    def _carry(self, plan: Plan, main: list[str], path: str, strict: bool = True) -> bool:
        """Add a fragment carrying ``path`` under a topic the draft does not have yet."""
        for frag in self._carriers(main, path, strict):
            section = plan.sections[frag.role]
            if frag.topic_key in self.main_topics or any(it.topic == frag.topic_key for it in section.items):
                continue
            users = [i for i, it in enumerate(section.items) if it.is_user and not it.topic]
            section.items.insert(users[0] if users else len(section.items), self.take(frag))
            self.main_topics.add(frag.topic_key)
            return True
        return False

    def _numbers(self, frag: Fragment) -> set[str]:
        return {n for n in frag.needs if n in NUMBER_FACTS and self._has(n)}

    def _swap(self, plan: Plan, main: list[str], path: str, strict: bool = True) -> bool:
        """Replace the item of a carrier's topic, when what that item carried can still be carried."""
        for frag in self._carriers(main, path, strict):
            section = plan.sections[frag.role]
            at = next((i for i, it in enumerate(section.items) if it.topic == frag.topic_key), None)
            current = section.items[at].fragment if at is not None else None
            if current is None or at is None:
                continue
            saved = (list(section.items), set(self.used), set(self.covered), set(self.main_topics))
            self.used.discard(current.id)
            self.covered -= self._numbers(current)
            self.covered |= {
                n
                for sec in plan.sections.values()
                for it in sec.items
                if it.fragment and it.fragment is not current
                for n in self._numbers(it.fragment)
            }
            section.items[at] = self.take(frag)
            lost = self._numbers(current) - self.covered
            if all(self._carry(plan, main, n) for n in sorted(lost)):
                return True
            section.items[:], self.used, self.covered, self.main_topics = saved
        return False

    @cached_property
    def _year_wording(self) -> tuple[tuple[str, ...], str, str, str]:
        """The year's 提法 to carry (required, then 宜写), and what 提法.全会, 提法.最新全会 and 提法.学习教育
        print."""
        year = self.reg.year(self.year)
        return year.required + year.wanted, year.plenum_phrase, year.latest_plenum, year.campaign

    def _covers(self, source: str, phrase: str) -> bool:
        """Whether a fragment's Jinja text will print ``phrase`` (directly or through a 提法 name)."""
        _, plenums, latest, campaign = self._year_wording
        return (
            phrase in source
            or (phrase in plenums and "提法.全会" in source)
            or (phrase in latest and "提法.最新全会" in source)
            or (bool(campaign) and phrase in campaign and "提法.学习教育" in source)
        )

    def _covered_by(self, source: str) -> frozenset[str]:
        """The year's required 提法 that ``source`` will print (each source asked once a draft)."""
        found = self._covering.get(source)
        if found is None:
            required = self._year_wording[0]
            found = self._covering[source] = frozenset(p for p in required if self._covers(source, p))
        return found

    def _item_covers(self, item: Item) -> frozenset[str]:
        """:meth:`_covered_by` of a fragment's item (its lead and chosen wording), by fragment and wording."""
        assert item.fragment is not None
        key = (item.fragment.id, item.variant % len(item.fragment.texts))
        found = self._covering_items.get(key)
        if found is None:
            found = self._covering_items[key] = self._covered_by(_source(item))
        return found

    def _chosen_covered(self, plan: Plan, skip: Item | None = None) -> set[str]:
        """The year's required 提法 everything chosen (but the item ``skip``) will print."""
        out: set[str] = set()
        frames = [f.texts[0] for f in (plan.opening, plan.closing) if f]
        for text in frames:
            out |= self._covered_by(text)
        for section in plan.sections.values():
            for v in (section.heading, section.intro):
                if v:
                    out |= self._covered_by(v.text)
            for i in section.items:
                if i.fragment and i is not skip:
                    out |= self._item_covers(i)
        return out

    def _ensure_wording(self, plan: Plan) -> None:
        """The year's 提法 must be in the draft: when the chosen text lacks one, an item of 思想建设 is swapped
        for another wording of its topic that carries it; for a required one (not 宜写) still missing, the
        思想建设 intro, then the opening, is swapped for a fitting one that carries the most (and loses none)."""
        required = self._year_wording[0]

        def covered() -> int:
            found = self._chosen_covered(plan)
            return sum(p in found for p in required)

        first = next((r for r in plan.main_roles if r in plan.sections), None)
        if covered() < len(required) and first is not None:
            self._swap_items_for_wording(plan, plan.sections[first])
        # only these choose the intro and the opening, and are warned of (宜写 is worked in through items: a
        # pool's few intros or openings naming it would have sibling units meet on them)
        hard = self.reg.year(self.year).required
        if not set(hard) <= self._chosen_covered(plan) and first is not None:
            section = plan.sections[first]
            have = set(section.topics)
            options = [
                v
                for v in self.library.intros(first)
                if self.fits(v.voice, v.unit_types, v.years, v.kinds)
                and self._topics_named(first, v.text) <= have
            ]
            rest = self._covered_without(plan, section)
            section.intro = self._best_by_unit(
                [section.intro, *options], lambda v: self._score(rest, v.text if v else None), "intro:提法"
            )
        if not set(hard) <= self._chosen_covered(plan):
            openings = self._usable(OPENING)
            rest = self._covered_without(plan)
            plan.opening = self._best_by_unit(
                [plan.opening, *openings],
                lambda f: self._score(rest, f.texts[0] if f else None),
                "opening:提法",
            )
        found = self._chosen_covered(plan)
        for phrase in hard:
            if phrase not in found:
                self.diagnostics.append(
                    Diagnostic(
                        "warning",
                        f"稿子里没有{self.year}年的提法“{phrase}”",
                        self.facts.location("年度"),
                        "在片段库里加一段写到它的开头或引语，或在“选用”里选一个写到它的片段",
                        code="wording",
                    )
                )

    def _swap_items_for_wording(self, plan: Plan, section: SectionPlan) -> None:
        """Swap an item for another wording of its own topic that carries a missing 提法 (政治建设 → one that
        names 两个确立…) — another wording of the same fragment first —, keeping every number it carried; the
        topic stays, only the wording changes.  What
        the rest of the draft prints is found once per item, not again for every candidate."""
        required = self._year_wording[0]
        denied = self._criticised_claims(plan)
        for at, item in enumerate(section.items):
            if item.fragment is None:
                continue
            current = item.fragment
            rest = self._chosen_covered(plan, skip=item)
            before = sum(p in rest or p in self._item_covers(item) for p in required)
            others = self.rank(
                [
                    f
                    for f in self._usable(section.role)
                    if f.topic_key == item.topic and self._numbers(current) <= set(f.needs)
                ],
                f"wording:{item.topic}",
            )
            # this type's own wordings before general ones (round 24: a school's, a village's, a 发改委's and a
            # hospital's 讲党课 item all swapped to the one general wording naming the 宜写 提法)
            others.sort(key=lambda f: -self._specific(f))
            told = self._told_by_others(plan, item)
            for frag in [current, *others]:  # another wording of the item itself first
                candidate = self._wording_carrying(frag, item.topic, rest, before)
                if candidate is not None and says_any(denied, _item_words(candidate)):
                    candidate = None  # claims what a problem or cause chosen below says was not done well
                # nor one telling what another item tells (session 20: a 高校's 2025 item)
                if candidate is not None and self._tells_again(candidate, told):
                    candidate = None
                if candidate is not None:
                    section.items[at] = candidate
                    self.used.discard(current.id)
                    self.used.add(frag.id)
                    break

    def _told_by_others(self, plan: Plan, item: Item) -> list[frozenset[str]]:
        """The content words each other 主要工作 item prints (:meth:`_tells_again` reads a candidate against them)."""
        return [
            self.library.overlap.content(self._printed(x))
            for role in plan.main_roles
            if role in plan.sections
            for it in plan.sections[role].items
            for x in (it, *it.merged)
            if x is not item and x.fragment is not None
        ]

    def _tells_again(self, candidate: Item, told: list[frozenset[str]]) -> bool:
        """Whether the candidate's wording shares more than RETELL_MAX content words with another item's."""
        mine = self.library.overlap.content(self._printed(candidate))
        return any(len(mine & other) > RETELL_MAX for other in told)

    def _criticised_claims(self, plan: Plan) -> tuple[str, ...]:
        """The keywords of the 前后矛盾 pairs whose self-criticism a chosen problem or cause voices: a wording
        swapped into 主要工作 after they were chosen must not claim them (“我坚持学在前、走在前” above “我常以工作忙为
        由压缩学习时间”), voiced in any of its wordings (they say one thing: :meth:`_contradicting`)."""
        said = "".join(
            _all_wordings(it)
            for role in (PROBLEMS, CAUSES)
            if role in plan.sections
            for item in plan.sections[role].items
            for it in (item, *item.merged)
        )
        pairs = self.reg.topics.get(CONTRADICTIONS, {})
        return tuple(k for name in _denials_in(self.reg, said) for k in pairs[name].keywords)

    def _wording_carrying(self, frag: Fragment, topic: str, rest: set[str], before: int) -> Item | None:
        """``frag`` as an item that makes the draft print more of the year's 提法 than ``before``: in its
        usual wording, else in another of its wordings; always in the draft's voice, with no avoided word and
        no number the user left blank (round 22: a 中心组 item with its marker swapped into a one-branch
        company's draft for the sake of the 宜写 wording)."""
        required = self._year_wording[0]
        missing = {p for p in required if p not in rest}
        carrying = [v for v, t in enumerate(frag.texts) if self._covered_by(frag.lead + t) & missing]
        if not carrying or self._missing(frag):  # most candidates: no wording of theirs prints a missing one
            return None
        usual = self._variant(frag)
        if not self._specific(
            frag
        ):  # a general wording: drawn by the unit, so units of other types sharing a
            # seed do not all swap in one sentence (round 24, again after session 25's pairs moved the openings)
            self._unit_rng(f"carry:{frag.id}").shuffle(carrying)
            usual = carrying[0]
        order = [
            v
            for v in dict.fromkeys([usual, *carrying])
            if not self._wrong_voice(frag.texts[v], frag.role)
            and not self._foreign_words(frag.lead + frag.texts[v])
        ]
        for variant in order:
            candidate = Item(frag.lead, "", frag, variant, topic)
            carried = self._item_covers(candidate)
            if sum(p in rest or p in carried for p in required) > before:
                return candidate
        return None

    def _covered_without(self, plan: Plan, section: SectionPlan | None = None) -> set[str]:
        """What the draft prints of the year's 提法 without the section's intro (without the opening, when no
        section is given): found once, then each candidate intro or opening adds only its own."""
        if section is not None:
            old_intro, section.intro = section.intro, None
            try:
                return self._chosen_covered(plan)
            finally:
                section.intro = old_intro
        old_opening, plan.opening = plan.opening, None
        try:
            return self._chosen_covered(plan)
        finally:
            plan.opening = old_opening

    def _best_by_unit(self, options: list[_T], score: Callable[[_T], int], what: str) -> _T:
        """The first of ``options`` (the one already chosen) when it scores best, else one of the best drawn by
        the unit: the first best was the same for every unit (round 40: three units' drafts opened 思想建设 with
        “我深刻领悟‘两个确立’的决定性意义……”, the first intro carrying the year's 提法)."""
        scores = [score(o) for o in options]
        best = max(scores)
        if scores[0] == best:
            return options[0]
        return self._unit_rng(what).choice([o for o, n in zip(options, scores, strict=True) if n == best])

    def _score(self, rest: set[str], source: str | None) -> int:
        """How many of the year's required 提法 the draft prints with ``source`` added to ``rest`` (-1 for no
        source at all)."""
        if source is None:
            return -1
        found = rest | self._covered_by(source)
        return sum(p in found for p in self._year_wording[0])

    def _fusion_wanted(self) -> bool:
        """业务融合 is written when the user gave lines for it, or the library has this type's own field."""
        if self.facts.has("业务融合"):
            return True
        return bool(self._usable_of_topic("业务融合", "引领中心工作"))

    def _check_ids(self) -> None:
        by_id = self.library.by_id()
        for key in ("选用", "不用"):
            for i, fid in enumerate(self.facts.get(key) or []):
                if fid not in by_id:
                    self.diagnostics.append(
                        Diagnostic(
                            "warning",
                            f"找不到片段 {fid}",
                            self.facts.location(f"{key}[{i}]"),
                            "用 drafter fragments list 查看可用的片段编号",
                        )
                    )
                    continue
                frag = by_id[fid]
                if key == "选用" and self.year is not None and self.year not in frag.years:
                    self.diagnostics.append(
                        Diagnostic(
                            "warning",
                            f"选用的片段 {fid} 的提法适用于 {frag.years} 年，与年度 {self.year} 不符",
                            self.facts.location("选用"),
                            "换一个片段，或确认这一提法仍然适用",
                        )
                    )


def select(
    library: Library,
    facts: Facts,
    *,
    seed: int | None = None,
    target: int | None = None,
    reg: Registry | None = None,
) -> Plan:
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


_PROGRAMS.save()
