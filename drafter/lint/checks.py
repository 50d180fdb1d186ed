"""The checks behind ``drafter lint``: what each one looks for, and the :class:`Finding` they report.

Two kinds of checks live here:

* built-in checks written in code — leftover placeholders and redactions, noise pasted from
  material sites, heading numbering, dates and 发文字号 — whose ids are listed in :data:`CHECK_IDS`;
* the evaluation of rules loaded by :mod:`drafter.lint.rules` — wording rules (a regular
  expression and a fix) and year-bound 提法 (主题教育 2023, 党纪学习教育 2024 …).

Every function takes paragraphs (a list of strings, index 0 = paragraph/line 1) and yields
findings; nothing here reads files, prints or exits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass

from drafter.lint.rules import Rule, Severity
from drafter.model import chinese_number
from drafter.rxprogram import Programs

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

SRC_PLACEHOLDER = "drafter 约定：缺失的事实以【待补充：…】标出（drafter/model.py），交稿前必须补齐"
SRC_REDACTION = (
    "种子范文中的脱敏写法（seeds/001 的 X次、XX份，seeds/003 的 **次、***家，seeds/004 的 *名、*个），"
    "是范文网站隐去的数字和名称，交稿前必须换成实际内容"
)
SRC_NOISE = "种子范文中夹带的素材网站广告和付费标记（seeds/000、002 的【公众号…】【…素材库】##paidbegin##）"
SRC_HEADINGS = (
    "https://www.360docs.net/doc/b513947141.html（标题层次依次为 一、（一）1.（1），第三层用“1.”；"
    "单独成段的标题末尾不加标点）"
)
SRC_ITEMS = "https://www.360docs.net/doc/b513947141.html（段内层次用 一是、二是、三是）"
SRC_DATES = (
    "http://m.purepassion-escort.com/jianyan/1361/171739.html（年份应标全称，月、日不编虚位，"
    "不以小数点代替年月日；引 GB/T 9704—2012）；https://www.360docs.net/doc/b513947141.html"
)
SRC_DOCNUM = (
    "https://www.21xqjy.com/archive/jian-shou-gong-wen-xie-zuo-zhan-xian-ru-he-bi-mian-chang-jian-cuo-wu-ti-"
    "sheng-zhuan-ye-shui-zhun.html ；http://bbs.peee.net/jxfw/202507/222584.html（年份用六角括号〔〕，"
    "序号不编虚位，如“XX局发〔2023〕1号”）"
)
SRC_YEAR = "drafter 约定：报告年度取 --year，否则从标题或开头几段（如“2023年度”）识别"

#: Built-in checks (id → what it looks for).  ``disable:`` in a rule file may name any of these.
CHECK_IDS: dict[str, str] = {
    "placeholder": "未填写的【待补充：…】等占位标记",
    "placeholder-sentinel": "生成时残留的内部占位符",
    "jinja-leftover": "残留的模板语法 {{ }} {% %}",
    "redaction-number": "被 X、*、× 隐去的数字（X次、XX份、**个、*名）",
    "redaction-year": "被隐去的年份（20XX年）",
    "redaction-name": "被星号或 ××、○○ 隐去的名称和内容",
    "placeholder-name": "疑似未替换的名称占位 XX（XX党组、XX局）",
    "noise-marker": "付费阅读标记 ##paidbegin## / ##paidend##",
    "noise-ad": "素材网站的广告、水印（公众号、素材库、代笔、会员…）",
    "noise-wordcount": "标题后的字数标注（2946字）",
    "numbering-sequence": "标题序号不连续、重复或未从头开始",
    "numbering-items": "一是、二是……不连续或重复",
    "heading-punct": "单独成段的标题末尾有标点",
    "heading-number-punct": "（一）（1）后多了标点",
    "heading-level1-mark": "一级标题写成“一.”而不是“一、”",
    "heading-level3-dunhao": "三级标题写成“1、”而不是“1.”",
    "heading-halfwidth-paren": "标题序号用了半角括号 (一)",
    "date-short-year": "年份没有写全（23年5月）",
    "date-zero-pad": "月、日编了虚位（05月、08日）",
    "date-numeric": "日期写成 2023.5.8 或 2023-05-08",
    "date-chinese-numerals": "成文日期用了汉字（二〇二四年一月五日）",
    "docnum-bracket": "发文字号的年份没有用六角括号〔〕",
    "docnum-zero-pad": "发文字号的序号编了虚位（〔2023〕01号）",
    "year-unknown": "未能识别报告年度，提法时效未检查",
}


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, how bad, where (1-based paragraph/line and column), the text
    around it, how to fix it, and where the rule comes from."""

    rule: str
    severity: Severity
    message: str
    paragraph: int
    column: int
    excerpt: str
    suggestion: str
    source: str
    length: int = 1  # characters from ``column`` the finding is about (what a Word comment anchors on)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def excerpt(text: str, start: int, end: int, width: int = 12) -> str:
    """The matched text with up to ``width`` characters either side, “…” where cut."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _f(
    rule: str,
    severity: Severity,
    message: str,
    idx: int,
    text: str,
    start: int,
    end: int,
    suggestion: str,
    source: str,
) -> Finding:
    return Finding(
        rule,
        severity,
        message,
        idx + 1,
        start + 1,
        excerpt(text, start, end),
        suggestion,
        source,
        max(1, end - start),
    )


# The module's patterns, made from their compiled programs kept in drafter's cache (compiling them was a
# fortieth of a cold ``drafter render``); see drafter.rxprogram.  Saved at the end of the module.
_PROGRAMS = Programs(__name__)

# ---------------------------------------------------------------------------------------------
# Placeholders, template leftovers and redactions
# ---------------------------------------------------------------------------------------------

_PLACEHOLDER = _PROGRAMS.compile(
    r"[【\[［〔]\s*(?:待(?:补充|补|填写|填|完善|核实|确认)|请(?:填写|补充|核实|修改))\s*[：:]?\s*"
    r"([^】\]］〕]{0,40})[】\]］〕]"
)
_ACTUAL_NOTE = _PROGRAMS.compile(r"[（(](?:根据|结合|按照|按)?实际(?:情况)?(?:填写|补充|修改|调整)[)）]")
_SENTINEL = _PROGRAMS.compile("[\ue000\ue001]")
_JINJA = _PROGRAMS.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\{\{|\}\}|\{%|%\}")

#: Characters that follow a number: measure words, units and 余/多.
_MEASURE = "次份个名人项件篇期场批家户条天日月年届位元万亿千百余多%％部套台辆宗块本册门支处所座间起轮遍节岁米亩吨张封例类种组队班级倍周"
_LATIN = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_X_NUMBER = _PROGRAMS.compile(rf"(?<![{_LATIN}])[XＸxｘ]{{1,4}}(?=[{_MEASURE}])")
_X_YEAR = _PROGRAMS.compile(r"(?:19|20)(?:[XＸxｘ]{2}|\d[XＸxｘ])(?=年)")
_X_NAME = _PROGRAMS.compile(rf"(?<![{_LATIN}])[XＸxｘ]{{2,}}(?![{_LATIN}])")
_STARS = _PROGRAMS.compile(r"[*＊]+")
_BULLET = _PROGRAMS.compile(r"^\s*[*＊]\s")
_MASK = _PROGRAMS.compile(rf"×{{2,}}|(?<![\d０-９])×(?=[{_MEASURE}])|○{{2,}}|□{{2,}}")


#: A measure character that starts a common word is not a unit: “*班子成员”“XX部门”“**组织”.
_NOT_UNIT = (
    "班子",
    "组织",
    "部门",
    "部署",
    "部长",
    "队伍",
    "处理",
    "处置",
    "所在",
    "所属",
    "门户",
    "家庭",
    "人员",
    "人民",
    "名称",
    "名义",
    "级别",
    "类型",
    "种类",
    "期间",
    "期刊",
    "条例",
    "条件",
    "位置",
    "支部",
    "本单位",
)
_STOP = set("，。；：！？、“”‘’（）《》【】,.;:!?()")


def _is_number_slot(text: str, pos: int) -> bool:
    """True when text[pos] starts a unit, so that what comes before it was a number."""
    if pos >= len(text) or text[pos] not in _MEASURE:
        return False
    return not text.startswith(_NOT_UNIT, pos)


def _unit_after(text: str, pos: int) -> str:
    """The unit after a hidden number: 次, 余人次, 万元 … (at most three characters)."""
    end = pos + 1
    while end < len(text) and end - pos < 3 and text[end] in _MEASURE:
        end += 1
    return text[pos:end]


def _word_after(text: str, pos: int) -> str:
    """Up to three characters after a hidden name, stopping at punctuation or another mask."""
    end = pos
    while end < len(text) and end - pos < 3 and text[end] not in _STOP and text[end] not in "*＊":
        end += 1
    return text[pos:end]


def check_placeholders(idx: int, text: str) -> Iterator[Finding]:
    for m in _PLACEHOLDER.finditer(text):
        label = m.group(1).strip() or "内容"
        yield _f(
            "placeholder",
            "error",
            f"还有未填写的占位标记：{m.group(0)}",
            idx,
            text,
            m.start(),
            m.end(),
            f"换成实际内容（{label}）；若由 drafter 生成，可在事实文件中补上后重新生成",
            SRC_PLACEHOLDER,
        )
    for m in _ACTUAL_NOTE.finditer(text):
        yield _f(
            "placeholder",
            "error",
            f"还有待按实际情况修改的提示：{m.group(0)}",
            idx,
            text,
            m.start(),
            m.end(),
            "按本单位实际写好后删去这条提示",
            SRC_PLACEHOLDER,
        )
    for m in _SENTINEL.finditer(text):
        yield _f(
            "placeholder-sentinel",
            "error",
            "文中残留了 drafter 的内部占位符（不可见字符）",
            idx,
            text,
            m.start(),
            m.end(),
            "删去这个字符，并检查这里是否缺了内容；请把这个问题报告给 drafter 维护者",
            SRC_PLACEHOLDER,
        )
    for m in _JINJA.finditer(text):
        yield _f(
            "jinja-leftover",
            "error",
            f"残留了模板语法“{m.group(0)[:20]}”",
            idx,
            text,
            m.start(),
            m.end(),
            "换成实际内容，或删去模板标记",
            SRC_PLACEHOLDER,
        )


def check_redactions(idx: int, text: str) -> Iterator[Finding]:
    """X次 / XX份 / **个 / *名 / ×× / 20XX年.

    Numbers hidden by X, * or × are errors: a report handed in needs the real figure.  A run of two or
    more X used as a *name* (“XX党组”“XX局”) is only a warning: a final report should name the unit,
    but the text may be quoting a format example (“XX局发〔2023〕1号”).  Latin text in general (PPT,
    svip, X光) never fires: X must stand alone and be followed by a measure word, or be a run of XX.
    """
    taken: list[tuple[int, int]] = []
    for m in _X_YEAR.finditer(text):
        taken.append(m.span())
        yield _f(
            "redaction-year",
            "error",
            f"年份被隐去：“{m.group(0)}年”",
            idx,
            text,
            m.start(),
            m.end(),
            "写上实际年份（四位数字）",
            SRC_REDACTION,
        )
    for m in _X_NUMBER.finditer(text):
        taken.append(m.span())
        if not _is_number_slot(text, m.end()):
            continue  # “XX部门”“XX组织”: a name, reported below as placeholder-name
        shown = m.group(0) + _unit_after(text, m.end())
        yield _f(
            "redaction-number",
            "error",
            f"数字被隐去：“{shown}”",
            idx,
            text,
            m.start(),
            m.start() + len(shown),
            f"把“{m.group(0)}”换成实际数字",
            SRC_REDACTION,
        )
    for m in _X_NAME.finditer(text):
        if any(a <= m.start() < b for a, b in taken) and _is_number_slot(text, m.end()):
            continue
        yield _f(
            "placeholder-name",
            "warning",
            f"疑似未替换的名称占位“{m.group(0)}”（X 隐去的数字算错误；XX 作名称时只提醒，因为可能是有意举例）",
            idx,
            text,
            m.start(),
            m.end(),
            "换成实际名称；若是有意举例（如公文格式示例）可忽略",
            SRC_REDACTION,
        )
    if "*" in text or "＊" in text:
        bullet = _BULLET.match(text)
        for m in _STARS.finditer(text):
            if bullet and m.start() == bullet.end() - 2:
                continue
            if _is_number_slot(text, m.end()):
                shown = m.group(0) + _unit_after(text, m.end())
                yield _f(
                    "redaction-number",
                    "error",
                    f"数字被星号隐去：“{shown}”",
                    idx,
                    text,
                    m.start(),
                    m.start() + len(shown),
                    f"把“{m.group(0)}”换成实际数字",
                    SRC_REDACTION,
                )
            else:
                shown = m.group(0) + _word_after(text, m.end())
                yield _f(
                    "redaction-name",
                    "error",
                    f"内容被星号隐去：“{shown}”",
                    idx,
                    text,
                    m.start(),
                    m.end(),
                    "补上被隐去的名称或内容；若是加粗标记，请删去星号",
                    SRC_REDACTION,
                )
    for m in _MASK.finditer(text):
        number = _is_number_slot(text, m.end())
        yield _f(
            "redaction-number" if number else "redaction-name",
            "error",
            f"{'数字' if number else '内容'}被“{m.group(0)}”隐去",
            idx,
            text,
            m.start(),
            m.end(),
            "换成实际" + ("数字" if number else "名称或内容"),
            SRC_REDACTION,
        )


# ---------------------------------------------------------------------------------------------
# Noise pasted from material sites
# ---------------------------------------------------------------------------------------------

PAID_MARKER = _PROGRAMS.compile(r"#{1,3}\s*paid\s*(?:begin|end)\s*#{1,3}", re.IGNORECASE)
_WORDCOUNT = _PROGRAMS.compile(r"[（(]\s*(?:全文)?共?\s*\d{3,5}\s*字\s*[)）]")
_AD = _PROGRAMS.compile(
    r"【[^】]{0,20}(?:公众号|素材库|资料库|代笔|范文)[^】]{0,20}】|公众号[：:]|(?:[sS]?[vV][iI][pP])会员|会员群|"
    r"网盘群|添加客服|代笔客服|各类代笔|谨防假冒|有意加入请联系|唯一平台|关注公众号|扫码(?:关注|加入|下载|添加)|"
    r"转载请注明|仅供(?:学习)?参考|(?:点击|免费)下载|下载(?:word|Word|WORD)|原文链接|更多(?:精彩|范文)|范文网"
)


def is_ad_paragraph(text: str) -> bool:
    """True when the paragraph is an advertisement pasted from a material site."""
    return _AD.search(text) is not None


def check_noise(idx: int, text: str) -> Iterator[Finding]:
    for m in PAID_MARKER.finditer(text):
        yield _f(
            "noise-marker",
            "error",
            f"夹带了范文网站的付费阅读标记“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"删去“{m.group(0)}”",
            SRC_NOISE,
        )
    ad = _AD.search(text)
    if ad:
        yield _f(
            "noise-ad",
            "error",
            f"夹带了素材网站的广告（“{ad.group(0)}”）",
            idx,
            text,
            ad.start(),
            ad.end(),
            "删去这段广告文字",
            SRC_NOISE,
        )
    for m in _WORDCOUNT.finditer(text):
        yield _f(
            "noise-wordcount",
            "error",
            f"夹带了范文网站的字数标注“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"删去“{m.group(0)}”",
            SRC_NOISE,
        )


# ---------------------------------------------------------------------------------------------
# Headings and numbering
# ---------------------------------------------------------------------------------------------

_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_H1 = _PROGRAMS.compile(r"([一二三四五六七八九十]{1,3})\s*([、.．])")
_H2 = _PROGRAMS.compile(r"([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])")
_H3 = _PROGRAMS.compile(r"(\d{1,2})\s*([.．、])(?!\d)")
_H4 = _PROGRAMS.compile(r"([（(])\s*(\d{1,2})\s*([）)])")
_AFTER_PAREN = _PROGRAMS.compile(r"\s*[、，,.．：:]")
_ITEM = _PROGRAMS.compile(
    r"(?:^|(?<=[。；：！？，、;:!?\s\u3000]))\s*([一二三四五六七八九十]{1,3})是(?![否非])"
)
_SENTENCE_END = _PROGRAMS.compile(r"[。！？；!?;]")
_TRAILING = "。：:；;，,、."


def cn_to_int(s: str) -> int | None:
    """一 → 1 … 九十九 → 99; None for anything else."""
    if not s or any(c not in _CN_DIGIT and c != "十" for c in s):
        return None
    if s == "十":
        return 10
    if len(s) == 1:
        return _CN_DIGIT[s] or None
    if len(s) == 2 and s[0] == "十":
        return 10 + _CN_DIGIT[s[1]]
    if len(s) == 2 and s[1] == "十":
        return _CN_DIGIT[s[0]] * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_DIGIT[s[0]] * 10 + _CN_DIGIT[s[2]]
    return None


@dataclass(frozen=True)
class Heading:
    """A paragraph that opens with a heading number."""

    level: int  # 1: 一、 2: （一） 3: 1. 4: （1）
    number: int
    start: int  # offset of the number in the paragraph
    end: int  # offset just after the number and its mark
    mark: str  # the text of the number as written


def parse_heading(text: str) -> Heading | None:
    """The heading number a paragraph opens with, if any (一、 （一） 1. （1）, also common variants)."""
    stripped = len(text) - len(text.lstrip())
    for level, regex in ((2, _H2), (4, _H4), (1, _H1), (3, _H3)):
        m = regex.match(text, stripped)
        if not m:
            continue
        digits = m.group(2) if level in (2, 4) else m.group(1)
        n = int(digits) if level in (3, 4) else cn_to_int(digits)
        if not n:
            continue
        return Heading(level, n, m.start(), m.end(), m.group(0))
    return None


def _number_label(level: int, n: int) -> str:
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def check_numbering(paragraphs: Sequence[str], skip: frozenset[int] = frozenset()) -> Iterator[Finding]:
    """一、二、三 and （一）（二） run on without gaps or repeats; sub-levels restart under each parent;
    一是、二是 run on within a section; heading marks and end punctuation follow the rules."""
    last = {1: 0, 2: 0, 3: 0, 4: 0}
    item_last = 0
    for idx, raw in enumerate(paragraphs):
        if idx in skip:
            continue
        # Paid markers are blanked (same length) so that “##paidbegin##（二）…” is still a heading.
        text = PAID_MARKER.sub(lambda m: " " * len(m.group(0)), raw)
        heading = parse_heading(text)
        if heading is not None:
            yield from _check_heading_marks(idx, text, heading)
            level, n = heading.level, heading.number
            expected = last[level] + 1
            severity: Severity = "error" if level <= 2 else "warning"
            if n != expected:
                if n == 1 and level == 1:
                    yield _f(
                        "numbering-sequence",
                        "warning",
                        "一级标题序号重新从“一、”开始",
                        idx,
                        text,
                        heading.start,
                        heading.end,
                        f"如果前面的部分没有结束，这里应为“{_number_label(1, expected)}”",
                        SRC_HEADINGS,
                    )
                elif n <= last[level]:
                    yield _f(
                        "numbering-sequence",
                        severity,
                        f"标题序号“{heading.mark.strip()}”重复或倒退（上一个是“{_number_label(level, last[level])}”）",
                        idx,
                        text,
                        heading.start,
                        heading.end,
                        f"改为“{_number_label(level, expected)}”，并顺延后面的序号",
                        SRC_HEADINGS,
                    )
                elif last[level] == 0:
                    yield _f(
                        "numbering-sequence",
                        severity,
                        f"标题序号“{heading.mark.strip()}”没有从“{_number_label(level, 1)}”开始",
                        idx,
                        text,
                        heading.start,
                        heading.end,
                        f"改为“{_number_label(level, 1)}”，并顺延后面的序号",
                        SRC_HEADINGS,
                    )
                else:
                    missing = "、".join(_number_label(level, k) for k in range(expected, n))
                    yield _f(
                        "numbering-sequence",
                        severity,
                        f"标题序号跳号：“{heading.mark.strip()}”前缺少{missing}",
                        idx,
                        text,
                        heading.start,
                        heading.end,
                        f"改为“{_number_label(level, expected)}”，并顺延后面的序号",
                        SRC_HEADINGS,
                    )
            last[level] = n
            for deeper in range(level + 1, 5):
                last[deeper] = 0
            item_last = 0
        for m in _ITEM.finditer(text):
            n_item = cn_to_int(m.group(1))
            if not n_item:
                continue
            if n_item != 1 and n_item != item_last + 1:
                word = f"{chinese_number(n_item)}是"
                problem = (
                    f"前缺少“{chinese_number(item_last + 1)}是”" if n_item > item_last + 1 else "重复或倒退"
                )
                yield _f(
                    "numbering-items",
                    "warning",
                    f"“{word}”{problem}",
                    idx,
                    text,
                    m.start(1),
                    m.end(),
                    f"改为“{chinese_number(item_last + 1)}是”，并顺延后面的序号",
                    SRC_ITEMS,
                )
            item_last = n_item


def _check_heading_marks(idx: int, text: str, h: Heading) -> Iterator[Finding]:
    mark = h.mark
    if h.level == 1 and mark.rstrip()[-1] in ".．":
        yield _f(
            "heading-level1-mark",
            "warning",
            f"一级标题序号写成了“{mark.strip()}”",
            idx,
            text,
            h.start,
            h.end,
            f"改为“{_number_label(1, h.number)}”",
            SRC_HEADINGS,
        )
    if h.level == 3 and mark.rstrip()[-1] == "、":
        yield _f(
            "heading-level3-dunhao",
            "warning",
            f"三级标题序号写成了“{mark.strip()}”，应用“{h.number}.”",
            idx,
            text,
            h.start,
            h.end,
            f"改为“{h.number}.”",
            SRC_HEADINGS,
        )
    if h.level in (2, 4) and ("(" in mark or ")" in mark):
        yield _f(
            "heading-halfwidth-paren",
            "warning",
            f"标题序号“{mark.strip()}”用了半角括号",
            idx,
            text,
            h.start,
            h.end,
            f"改为“{_number_label(h.level, h.number)}”",
            SRC_HEADINGS,
        )
    end = h.end
    if h.level in (2, 4):
        extra = _AFTER_PAREN.match(text, h.end)
        if extra:
            end = extra.end()
            yield _f(
                "heading-number-punct",
                "warning",
                f"“{mark.strip()}”后面不加标点",
                idx,
                text,
                h.end,
                extra.end(),
                f"删去“{extra.group(0).strip()}”",
                SRC_HEADINGS,
            )
    rest = text[end:].rstrip()
    if not rest:
        return
    limit = 60 if h.level <= 2 else 30
    standalone = len(rest) <= limit and not _SENTENCE_END.search(rest[:-1])
    if standalone and rest[-1] in _TRAILING:
        pos = end + len(rest) - 1
        yield _f(
            "heading-punct",
            "warning",
            f"单独成段的标题末尾不加“{rest[-1]}”",
            idx,
            text,
            pos,
            pos + 1,
            f"删去末尾的“{rest[-1]}”",
            SRC_HEADINGS,
        )


# ---------------------------------------------------------------------------------------------
# Dates and 发文字号
# ---------------------------------------------------------------------------------------------

_SHORT_YEAR = _PROGRAMS.compile(r"(?<![\d０-９.．])(\d{2})年(?=\d{1,2}月|度)")
_ZERO_MONTH = _PROGRAMS.compile(r"(?<![\d０-９])0([1-9])月")
_ZERO_DAY = _PROGRAMS.compile(r"(?<=月)0([1-9])日")
_NUMERIC_DATE = _PROGRAMS.compile(r"(?<![\d.．/-])((?:19|20)\d{2})([./．-])(\d{1,2})\2(\d{1,2})(?![\d.．/-])")
_CN_DATE = _PROGRAMS.compile(
    r"[一二][〇零○][〇零○一二三四五六七八九]{2}年(?:十[一二]?|[一二三四五六七八九])月"
    r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
)
_DOCNUM = _PROGRAMS.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,12})(?P<open>[\[【（(［﹝{〔])\s*(?P<year>(?:19|20)?\d{2})\s*"
    r"(?P<close>[\]】）)］﹞}〕])\s*(?P<num>\d{1,4})\s*号"
)


def _full_year(two: str) -> str:
    return ("20" if int(two) <= 50 else "19") + two


def check_dates(idx: int, text: str) -> Iterator[Finding]:
    for m in _SHORT_YEAR.finditer(text):
        full = _full_year(m.group(1))
        yield _f(
            "date-short-year",
            "warning",
            f"年份没有写全：“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"写成“{full}年”",
            SRC_DATES,
        )
    for m in _ZERO_MONTH.finditer(text):
        yield _f(
            "date-zero-pad",
            "warning",
            f"月份编了虚位：“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"写成“{m.group(1)}月”",
            SRC_DATES,
        )
    for m in _ZERO_DAY.finditer(text):
        yield _f(
            "date-zero-pad",
            "warning",
            f"日期编了虚位：“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"写成“{m.group(1)}日”",
            SRC_DATES,
        )
    for m in _NUMERIC_DATE.finditer(text):
        year, _, month, day = m.groups()
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            continue
        yield _f(
            "date-numeric",
            "info",
            f"日期写成了“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            f"正文中写成“{year}年{int(month)}月{int(day)}日”",
            SRC_DATES,
        )
    for m in _CN_DATE.finditer(text):
        yield _f(
            "date-chinese-numerals",
            "info",
            f"成文日期用了汉字：“{m.group(0)}”",
            idx,
            text,
            m.start(),
            m.end(),
            "GB/T 9704—2012 规定成文日期用阿拉伯数字将年、月、日标全，如“2024年1月5日”",
            SRC_DATES,
        )
    for m in _DOCNUM.finditer(text):
        org, year, num = m.group("org"), m.group("year"), m.group("num")
        full = year if len(year) == 4 else _full_year(year)
        fixed = f"{org}〔{full}〕{int(num)}号"
        start = m.start("open")
        if m.group("open") != "〔" or m.group("close") != "〕" or len(year) != 4:
            yield _f(
                "docnum-bracket",
                "warning",
                f"发文字号“{m.group(0)}”的年份应写全并用六角括号〔〕",
                idx,
                text,
                start,
                m.end(),
                f"写成“{fixed}”",
                SRC_DOCNUM,
            )
        elif num.startswith("0"):
            yield _f(
                "docnum-zero-pad",
                "warning",
                f"发文字号“{m.group(0)}”的序号编了虚位",
                idx,
                text,
                start,
                m.end(),
                f"写成“{fixed}”",
                SRC_DOCNUM,
            )


# ---------------------------------------------------------------------------------------------
# Report year and year-bound 提法
# ---------------------------------------------------------------------------------------------

_YEAR_DU = _PROGRAMS.compile(r"((?:19|20)\d{2})\s*年度")
_YEAR_ANY = _PROGRAMS.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_WORDS = _PROGRAMS.compile(r"报告|总结|述职|汇报|情况")
_YEAR_LEAD = _PROGRAMS.compile(r"\s*((?:19|20)\d{2})\s*年(?:以来|，|,|度|是|初|全年)")

#: Words that make a clause describe the work as happening in the report year.
CURRENT_WORDS = _PROGRAMS.compile(
    r"开展|启动|部署|组织|推进|抓好|抓实|落实|召开|举办|扎实|深入|动员|实施|为主线|为抓手|为契机|今年|本年|全年"
)
#: Words that make a clause look back on it (results, consolidation, a period in the past).
CONTINUING_WORDS = _PROGRAMS.compile(
    r"成果|巩固|拓展|常态化|制度化|长效|回头看|以来|期间|延续|经验|收官|转化|深化"
)
_CLAUSE_END = _PROGRAMS.compile(r"[，。；！？,;!?]")


def detect_year(paragraphs: Sequence[str]) -> int | None:
    """The report year from the title or first lines: “2023年度…”, a title with a year, or a first
    paragraph opening “2023年，…”.  None when nothing clear is found."""
    heads = [p.strip() for p in paragraphs if p.strip()][:3]
    for p in heads:
        m = _YEAR_DU.search(p)
        if m:
            return int(m.group(1))
    if heads and _TITLE_WORDS.search(heads[0]):
        m = _YEAR_ANY.search(heads[0])
        if m:
            return int(m.group(1))
    for p in heads[1:]:
        m = _YEAR_LEAD.match(p)
        if m:
            return int(m.group(1))
    return None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause (between ，。；！？) containing text[start:end]."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_m = _CLAUSE_END.search(text, end)
    return left, (right_m.start() if right_m else len(text))


def check_year_terms(
    paragraphs: Sequence[str], terms: Iterable[Rule], year: int | None, skip: frozenset[int] = frozenset()
) -> Iterator[Finding]:
    """A 提法 from a later year is an error (it did not exist yet); describing an earlier year's
    campaign as this year's work (开展/部署… without 成果/巩固/常态化…) is stale."""
    unknown_reported = False
    for term in terms:
        if term.year is None:
            continue
        last_year = term.last_year or term.year
        current = term.current or CURRENT_WORDS
        for idx, text in enumerate(paragraphs):
            if idx in skip:
                continue
            seen_clauses: set[tuple[int, int]] = set()
            for m in term.pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if year is None:
                    if not unknown_reported:
                        unknown_reported = True
                        yield _f(
                            "year-unknown",
                            "info",
                            f"未能从标题识别报告年度，没有检查“{m.group(0)}”等提法是否过时",
                            idx,
                            text,
                            m.start(),
                            m.end(),
                            "用 --year 指定报告年度，或在标题中写明“2024年度”",
                            SRC_YEAR,
                        )
                    continue
                bounds = _clause(text, m.start(), m.end())
                if bounds in seen_clauses:
                    continue
                seen_clauses.add(bounds)
                clause = text[bounds[0] : bounds[1]]
                if year < term.year and term.check_early:
                    yield _f(
                        term.id,
                        "error",
                        f"报告年度为{year}年，但“{term.name}”是{term.year}年才开展的",
                        idx,
                        text,
                        m.start(),
                        m.end(),
                        "核对报告年度，或删去这一提法",
                        term.source,
                    )
                elif year > last_year and current.search(clause) and not CONTINUING_WORDS.search(clause):
                    span = f"{term.year}年" if last_year == term.year else f"{term.year}—{last_year}年"
                    message = term.message or (
                        f"“{term.name}”是{span}的工作，在{year}年度报告中写成当年开展的工作已过时"
                    )
                    suggestion = term.suggestion or f"改写为“巩固拓展{term.name}成果”，或换用{year}年的提法"
                    yield _f(
                        term.id,
                        term.severity,
                        message,
                        idx,
                        text,
                        m.start(),
                        m.end(),
                        suggestion,
                        term.source,
                    )


# ---------------------------------------------------------------------------------------------
# Wording rules from rule files
# ---------------------------------------------------------------------------------------------


def check_rule(rule: Rule, idx: int, text: str) -> Iterator[Finding]:
    """Every match of one wording rule in one paragraph."""
    if rule.context is not None and not rule.context.search(text):
        return
    for m in rule.pattern.finditer(text):
        if m.end() == m.start():
            continue
        matched = m.group(0)
        fix = m.expand(rule.replace) if rule.replace is not None else ""
        suggestion = rule.suggestion or (f"改为“{fix}”" if rule.replace is not None else "")
        suggestion = suggestion.replace("{match}", matched).replace("{fix}", fix)
        message = rule.message.replace("{match}", matched).replace("{fix}", fix)
        yield _f(rule.id, rule.severity, message, idx, text, m.start(), m.end(), suggestion, rule.source)


def example_failures(rule: Rule) -> list[str]:
    """Chinese descriptions of the rule's own examples that do not behave as declared."""
    out: list[str] = []
    for example, should_fire in [(e, True) for e in rule.examples_fire] + [
        (e, False) for e in rule.examples_pass
    ]:
        if rule.is_year_term:
            year_text, _, text = example.partition("|")
            fired = any(f.rule == rule.id for f in check_year_terms([text], [rule], int(year_text)))
        else:
            fired = any(True for _ in check_rule(rule, 0, example))
        if fired != should_fire:
            out.append(f"示例“{example}”{'应当触发却没有触发' if should_fire else '不应触发却触发了'}")
    return out


# ---------------------------------------------------------------------------------------------
# Everything together
# ---------------------------------------------------------------------------------------------


_PLENUM = _PROGRAMS.compile(r"^(二十|十九)届(.)中全会$")


def _says(text: str, phrase: str) -> bool:
    """``phrase`` is in ``text``; a plenum also as reports shorten it (二十届二中、三中全会)."""
    if phrase in text:
        return True
    m = _PLENUM.match(phrase)
    return m is not None and re.search(rf"{m[1]}届[^。，；]{{0,8}}{m[2]}中全会", text) is not None


WHOLE_REPORT = 1000  # characters from which a text is taken as a whole report that must carry the year's 提法


def check_year_wording(paragraphs: Sequence[str], year: int | None) -> Iterator[Finding]:
    """A draft of a year must carry that year's 提法 (templates/年度.yaml: 党纪学习教育 and 二十届三中全会 in
    2024, 两个确立/两个维护 from 2022 …)."""
    text = "".join(paragraphs)
    if year is None or len(text) < WHOLE_REPORT:
        return  # a snippet, not a whole report
    from drafter.registry import registry

    info = registry().year(year)
    for phrase in info.required:
        if not _says(text, phrase):
            source = "；".join(info.sources[:2]) or "templates/年度.yaml"
            yield Finding(
                "year-wording",
                "warning",
                f"{year}年的稿子没有写到“{phrase}”",
                1,
                1,
                excerpt(paragraphs[0] if paragraphs else "", 0, 0),
                f"在开头或思想建设部分写到“{phrase}”",
                source,
                1,
            )


def check_repetition(paragraphs: Sequence[str], per_thousand: float) -> Iterator[Finding]:
    """The same phrase of four or more characters used more often than the draft's length allows."""
    from drafter.repetition import repeated_phrases

    for repeat in repeated_phrases("\n".join(paragraphs), per_thousand=per_thousand):
        idx = next((i for i, t in enumerate(paragraphs) if repeat.phrase in t), 0)
        start = paragraphs[idx].find(repeat.phrase) if paragraphs else 0
        yield Finding(
            "repetition",
            "info",
            f"“{repeat.phrase}”出现 {repeat.count} 次（按篇幅至多 {int(repeat.allowed)} 次）",
            idx + 1,
            start + 1,
            excerpt(paragraphs[idx], start, start + len(repeat.phrase)) if paragraphs else "",
            "换几种说法，或删去重复的句子",
            "review-rubric：语言（同一说法反复出现）",
            len(repeat.phrase),
        )


def run_all(
    paragraphs: Sequence[str],
    *,
    year: int | None,
    rules: Sequence[Rule],
    disabled: frozenset[str] = frozenset(),
    repeat_rate: float = 2.0,
) -> list[Finding]:
    """All checks over all paragraphs; sorted by position, then severity; duplicates dropped."""
    findings: list[Finding] = []
    ads = frozenset(i for i, t in enumerate(paragraphs) if is_ad_paragraph(t))
    wording = [r for r in rules if not r.is_year_term]
    for idx, text in enumerate(paragraphs):
        if not text.strip():
            continue
        findings.extend(check_noise(idx, text))
        if idx in ads:
            continue  # one finding for the whole advertisement is enough
        findings.extend(check_placeholders(idx, text))
        findings.extend(check_redactions(idx, text))
        findings.extend(check_dates(idx, text))
        for rule in wording:
            if rule.pattern.search(text) is not None:  # most rules find nothing: skip the generator then
                findings.extend(check_rule(rule, idx, text))
    findings.extend(check_numbering(paragraphs, skip=ads))
    findings.extend(check_year_terms(paragraphs, [r for r in rules if r.is_year_term], year, skip=ads))
    findings.extend(check_year_wording(paragraphs, year))
    findings.extend(check_repetition([p for i, p in enumerate(paragraphs) if i not in ads], repeat_rate))
    unique: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        if f.rule not in disabled:
            unique.setdefault((f.rule, f.paragraph, f.column), f)
    return sorted(unique.values(), key=lambda f: (f.paragraph, f.column, SEVERITY_RANK[f.severity], f.rule))


_PROGRAMS.save()
