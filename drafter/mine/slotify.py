"""Stage 4 of ``drafter mine``: turning one unit's numbers and names into named slots.

Owns what becomes a ``{{ slot }}``: redacted numbers and names (X, XX, *, **, ***, ××, ○○), concrete
counts with a measure word (6次, 130余次, 10人次), percentages, amounts, years and months, the unit's
self-reference (我局, 我委…) and province/city names; and which sentences only make sense for one unit
(GDP and other statistics, a project named after a place, “全市第一” claims) — those are taken out of
the reusable text and kept aside.  Numbers that are part of a fixed phrase (三会一课, 第一议题, 24小时,
1+10, a 《title》) stay as they are.  Slot names are Chinese and numbered per fragment (次数1, 比例1…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.mine.names import Names

CJK = "\u4e00-\u9fff"

# measure word → slot base name (longest first when matching)
_MEASURES: dict[str, str] = {
    "人次": "人次",
    "场次": "次数",
    "批次": "批数",
    "余人": "人数",
    "次": "次数",
    "场": "次数",
    "轮": "次数",
    "人": "人数",
    "名": "人数",
    "位": "人数",
    "个": "个数",
    "项": "项数",
    "件": "件数",
    "条": "条数",
    "份": "份数",
    "篇": "篇数",
    "部": "部数",
    "期": "期数",
    "批": "批数",
    "块": "块数",
    "台": "台数",
    "宗": "件数",
    "起": "件数",
    "家": "家数",
    "户": "户数",
    "节": "节数",
    "所": "个数",
    "支": "个数",
    "辆": "数量",
    "吨": "数量",
    "套": "数量",
    "处": "处数",
    "课时": "课时",
    "学时": "学时",
    "天": "天数",
    "万": "数量",
    "亿": "数量",
}
_MEASURE_ALT = "|".join(sorted(map(re.escape, _MEASURES), key=len, reverse=True))
_REDACTED = r"[XxＸｘ×✕]{1,4}(?![A-Za-z])|\*{1,8}|＊{1,8}|○{2,6}"
_NUMBER = r"\d+(?:\.\d+)?"
_TOKEN = re.compile(
    rf"(?P<book>《[^》]{{0,80}}》)"
    rf"|(?P<self>(?<!自)我(?:们)?(?:局|委|院|校|厅|司|镇|乡|村|街道|社区|公司|集团|单位|中心|党委|党组|党工委"
    rf"|党支部|支部|医院|学校))"
    rf"|(?<![A-Za-z\d.])(?P<tok>{_REDACTED}|{_NUMBER})(?P<after>(?:余|多)?(?:万|亿)?)"
    rf"(?P<unit>%|％|个百分点|元|年(?![级代])|月|日|{_MEASURE_ALT})?"
)
_UNIT_AFTER = re.compile(r"(?:局|委|办|院|厅|中心|公司|集团|党委|党组|党工委|支部|总支|单位|部门|系统)")
_PLACE_AFTER = re.compile(r"(?:省|市|区|县|镇|乡|村|街道|社区|城|园区|开发区)")
_PROJECT_AFTER = re.compile(r"(?:工程|项目|计划|行动|品牌|工作室|平台)")
_PLACE_NAMES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 "
    "四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 武汉 成都 杭州 南京 "
    "西安 郑州 长沙 沈阳 青岛 厦门 苏州 宁波 大连 济南 哈尔滨 长春 昆明 南宁 贵阳 兰州 太原 石家庄 合肥 福州 "
    "南昌 呼和浩特 乌鲁木齐 拉萨 银川 西宁 海口 东莞 佛山 无锡 温州 珠海 汕头 惠州 中山 江门 湛江 佛山 "
    "雄安 浦东 滨海新区"
)
_PLACE = re.compile("|".join(sorted(set(_PLACE_NAMES.split()), key=len, reverse=True)))
_SPECIFIC = re.compile(
    r"地区生产总值|生产总值|GDP|规模以上工业|规上工业|固定资产投资|社会消费品零售|一般公共预算|财政收入|"
    r"同比(?:增长|上升|下降|提高)|增速|总投资|协议投资|签约项目|"
    r"全(?:市|区|县|省|国)(?:第一|唯一|首个|首家|率先)|居全(?:市|区|县|省|国)|获批国家|国家级.{0,6}试点|首个"
)
_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’]?)?")
_BOOK = re.compile(r"《[^》]*》")
_NAMED_PROJECT = re.compile(r"^[^，。；、“”]{0,10}?(?:工程|项目|碧道|公园|示范段)")


_NAME_BASE = {"person": "人名", "village": "村社名", "company": "企业名"}
_ASIDE_KINDS = ("person", "company")
"""A sentence naming a person or a company only makes sense for one unit: it is set aside."""


@dataclass(frozen=True)
class Slot:
    name: str
    kind: str  # count | percent | amount | year | month | day | name | unit | place | project
    #                  | person | village | company
    original: str


@dataclass
class Slotter:
    """Replaces numbers and names with ``{{ name }}`` slots, numbering them across one fragment."""

    names: Names | None = None
    slots: dict[str, Slot] = field(default_factory=dict)
    _counts: dict[str, int] = field(default_factory=dict)
    _same: dict[tuple[str, str], str] = field(default_factory=dict)

    def _new(self, base: str, kind: str, original: str, shared: bool = False) -> str:
        if shared and (kind, original) in self._same:
            return self._same[(kind, original)]
        n = self._counts.get(base, 0) + 1
        self._counts[base] = n
        name = f"{base}{n}"
        self.slots[name] = Slot(name, kind, original)
        if shared:
            self._same[(kind, original)] = name
        return name

    def _slot(self, base: str, kind: str, original: str, shared: bool = False) -> str:
        return "{{ " + self._new(base, kind, original, shared) + " }}"

    def _token(self, m: re.Match[str]) -> str:
        if m.group("book"):
            return self._book(m.group("book"))
        if m.group("self"):
            return self._slot("单位自称", "unit", m.group("self"), shared=True)
        tok, after, unit = m.group("tok"), m.group("after") or "", m.group("unit") or ""
        redacted = not tok[0].isdigit()
        rest = m.string[m.end() : m.end() + 6]
        before = m.string[max(0, m.start() - 1) : m.start()]
        if before == "第" or rest.startswith(
            ("+", "＋", "/", "—", "-", "世纪", "小时", "分钟", "周岁", "岁")
        ):
            return m.group(0) if not redacted else self._slot("名称", "name", tok) + after + unit
        slotted = self._dated(tok, after, unit, redacted) or self._measured(tok, after, unit)
        if slotted:
            return slotted
        if not redacted:
            return m.group(0)
        return self._redacted_name(tok, rest) + after + unit

    def _dated(self, tok: str, after: str, unit: str, redacted: bool) -> str:
        """A year, month or day (or a number of years); '' when the token is none of these."""
        if after:
            return ""
        if unit == "年":
            if redacted or re.fullmatch(r"(?:19|20)\d\d", tok):
                return self._slot("年度", "year", tok, shared=True) + unit
            return self._slot("年数", "count", tok) + unit
        if unit == "月" and (redacted or 1 <= int(float(tok)) <= 12):
            return self._slot("月份", "month", tok, shared=True) + unit
        if unit == "日" and (redacted or 1 <= int(float(tok)) <= 31):
            return self._slot("日期", "day", tok, shared=True) + unit
        return ""

    def _measured(self, tok: str, after: str, unit: str) -> str:
        """A percentage, an amount or a count with its measure word; '' when the token is none."""
        if unit in ("%", "％", "个百分点"):
            return self._slot("比例", "percent", tok) + after + unit
        if unit == "元":
            return self._slot("金额", "amount", tok) + after + unit
        if unit in _MEASURES:
            base = _MEASURES[unit] if unit not in ("万", "亿") else "数量"
            return self._slot(base, "count", tok) + after + unit
        if after in ("万", "亿", "余万", "余亿", "多万"):
            return self._slot("数量", "count", tok) + after + unit
        return ""

    def _redacted_name(self, tok: str, rest: str) -> str:
        if _UNIT_AFTER.match(rest):
            return self._slot("单位", "unit", tok)
        if _PLACE_AFTER.match(rest):
            return self._slot("地名", "place", tok)
        if _PROJECT_AFTER.match(rest):
            return self._slot("项目", "project", tok)
        return self._slot("名称", "name", tok)

    def _book(self, title: str) -> str:
        """A 《title》: keep its numbers, slot only redactions and place names inside it."""
        inner = re.sub(
            _REDACTED, lambda m: self._redacted_name(m.group(0), title[m.end() : m.end() + 4]), title
        )
        return _PLACE.sub(lambda m: self._slot("地名", "place", m.group(0), shared=True), inner)

    def sub(self, text: str) -> str:
        """Slot one piece of text."""
        pattern = self.names.pattern() if self.names is not None else None
        if pattern is not None and self.names is not None:
            found = self.names.found
            text = pattern.sub(
                lambda m: self._slot(
                    _NAME_BASE[found[m.group(0)]], found[m.group(0)], m.group(0), shared=True
                ),
                text,
            )
        text = _TOKEN.sub(self._token, text)
        return _PLACE.sub(lambda m: self._place(m), text)

    def _place(self, m: re.Match[str]) -> str:
        # a place name inside an already inserted slot name cannot occur: slot names have no place names
        return self._slot("地名", "place", m.group(0), shared=True)


def is_unit_specific(sentence: str, names: Names | None = None) -> bool:
    """A sentence that only makes sense for one unit: statistics, a place-named project, a ranking
    claim, a named person or company."""
    if _SPECIFIC.search(sentence):
        return True
    if names is not None and any(n in sentence for n, kind in names.found.items() if kind in _ASIDE_KINDS):
        return True
    plain = _BOOK.sub("", sentence)
    return any(_NAMED_PROJECT.match(plain[m.end() :]) for m in _PLACE.finditer(plain))


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if s.strip()]


@dataclass
class Slotted:
    """A fragment after slotting: reusable text, the unit-specific sentences taken out, the slots."""

    lead: str
    text: str
    specific: list[str]
    slots: dict[str, Slot]

    @property
    def unit_specific(self) -> bool:
        return not self.text and bool(self.specific)


def slotify(lead: str, text: str, names: Names | None = None) -> Slotted:
    """Slot a fragment's lead and text (with the report's proper names); unit-specific sentences go
    to ``specific``."""
    slotter = Slotter(names)
    lead_out = slotter.sub(lead)
    keep: list[str] = []
    aside: list[str] = []
    for sentence in sentences(text):
        (aside if is_unit_specific(sentence, names) else keep).append(slotter.sub(sentence))
    return Slotted(lead_out, "".join(keep), aside, slotter.slots)


def slot_text(text: str, names: Names | None = None) -> tuple[str, dict[str, Slot]]:
    """Slot a heading or another single piece of text."""
    slotter = Slotter(names)
    return slotter.sub(text), slotter.slots
