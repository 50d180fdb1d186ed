"""How a draft names its own Party organisation, and says the year's phrase again, as a writer would.

Fragments are written one item at a time, each whole on its own, so each names its subject in full
(“{{ 单位.党组织 }}坚持……”) and each about the year's learning says the whole 提法 (党的二十大和二十届三中全会精神).
Put together, a company branch's summary opened twenty paragraphs with “公司党支部” and two measures under
下一步 with “下一步，公司党支部将……” (round 27), and a 述职 said the three-part 提法 in its opening, its 思想建设
lead-in and the item under it.  :class:`Naming` reads the rendered paragraphs in the draft's order and

* in a unit's summary lets the organisation's full name open a clause only where a paragraph first needs it:
  at most once in a part, and never within :data:`GAP` paragraphs of the last time it was said in full;
  elsewhere the clause drops the subject (Chinese does), or, every second time, says the short form
  (措辞.yaml 党组织简称: 公司党支部 → 支部, 局党组 → 党组);
* inside the 下一步 part, says no “下一步，” at the head of an item, nor “X将” in front of what the unit will do;
* in every voice, says the year's several-part 提法 (提法.全会) in full at most :data:`PHRASE_TIMES` times, the
  later ones as “全会”;
* in every paragraph, says a long name (措辞.yaml 长名称简称: 党纪学习教育, 党的二十届三中全会精神, 群众身边不正之风和
  腐败问题集中整治) in full once: where the item's heading or an earlier clause of the paragraph has said it, the
  short form (这次学习教育, 全会精神, 集中整治) — round 29: “一是在党纪学习教育中边学边查边改。开展党纪学习教育，
  我坚持……”, “五是深入学习贯彻党的二十届三中全会精神。把学习贯彻党的二十届三中全会精神作为……”;
* in a 述职, lets the secretary speak in the items of 主要工作: of the items that say no “我”, every second one
  opening with a verb a person does (抓, 推动, 把…) opens with “我” (round 28: 11 of 20 items without “我” read as
  the unit's summary, not the secretary's report of duty).

The user's own lines in a paragraph are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from drafter.registry import Registry, registry

GAP = 3  # paragraphs from one full naming of the organisation to the next (at most one item in three)
PHRASE_TIMES = 2  # the year's several-part 提法 in full at most this often in a draft
PHRASE_GAP = 4  # and a second time only this many paragraphs after the first
PLANS = "下一步"
SHORT_PLENUM = "全会"
# said just before a short form opening with 这次, they stand for it (本次这次学习教育 is said 本次学习教育)
_THIS_TIME = ("这次", "此次", "本次", "这一")

# what may follow the organisation's name for the name to be the subject dropped or shortened: not a word it
# is part of (公司党支部书记, 局党组成员, 党委委员, 党委班子, 党委会, 党委办公室, 党委副书记, 党支部负责人,
# 党组组长, 党委工作), nor a second subject (公司党支部和企业管理层) — 的 is handled on its own: it shortens only
_KEEP = "和与及书上下党等成委班会办副负秘工组"
# what a plan goes on with after “X将” for 将 to mean “will” and go with the name (将在年初…, 将把…), not “把”
# (将纪律教育纳入…, which keeps its 将)
_WILL = re.compile(
    r"(?:在|于|继续|进一步|持续|结合|围绕|建立|对|每|以|从|推动|聚焦|针对|紧盯|逐项|坚持|制定|按|加强|探索|用|为|"
    r"着力|重点|督促|深化|完善|健全|把|组织|协助|给|请|邀请|指导|推行|鼓励|认真|主动|定期|同|与|和|向|会同|"
    r"立足|梳理|开展|落实|选|配|抓|做|建|搭|设|找|通过|借)"
)
# “下一步，” heading a sentence of an item under 下一步工作打算 says the part's title again
_NEXT_STEP = re.compile(r"(^|[。；])下一步，")
_CLAUSE = "，。；："  # what a clause opens after
# 措辞.yaml: a character before the name that makes it some other organisation's (各社区党委, 所属学校党委)
OTHERS_BEFORE = "他者前字"
_MASK = re.compile("\x00(\\d+)\x00")
# how an item may open for “我” to go before it: a verb the secretary does (not 坚持 or 注重, words a draft already
# uses sparingly after 我, nor 将, which may mean “把”)
_DOES = re.compile(
    r"(?:推动|组织|围绕|抓|指导|督促|落实|带领|牵头|深入|认真|紧扣|聚焦|结合|针对|持续|始终|按照|对|把|以|"
    r"健全|完善|建立|推行|开展|压实|扛起|带头|主持|定期|每月|每季度|严格|强化|加强|突出)"
)
OWN_VOICE = "我"


def others_before(reg: Registry | None = None) -> str:
    """The characters of 措辞.yaml 他者前字 (of ``reg``, else the shipped templates'): one of them before a Party
    organisation's name makes it another's (各社区党委, 农村党组织), for the draft's naming and for the renderer
    that says the unit's own organisation by its name."""
    return "".join(dict.fromkeys(c for word in (reg or registry()).words(OTHERS_BEFORE) for c in word))


def not_after(others: str) -> str:
    """A look-behind that no character of ``others`` precedes what follows ("" for none)."""
    return f"(?<![{''.join(map(re.escape, others))}])" if others else ""


@lru_cache(maxsize=256)
def _name_pattern(names: tuple[str, ...], others: str) -> re.Pattern[str]:
    """One of ``names`` (not another organisation's: 各社区党委, a character of ``others`` before it), with the
    character after it (empty at the end of the text)."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"{not_after(others)}({alternatives})(?=(.?))")


@lru_cache(maxsize=16)
def _name_alternatives(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names``, the longest first."""
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))


def _mask(text: str, user: Sequence[str]) -> tuple[str, list[str]]:
    """``text`` with each of the user's own lines in it replaced by a numbered mark, and the lines."""
    saved: list[str] = []
    for line in user:
        if line and line in text:
            text = text.replace(line, f"\x00{len(saved)}\x00")
            saved.append(line)
    return text, saved


def _unmask(text: str, saved: list[str]) -> str:
    return _MASK.sub(lambda m: saved[int(m[1])], text) if saved else text


class Naming:
    """Reads a draft's rendered paragraphs in order (:meth:`paragraph`) and returns each as it should read.

    ``names`` are the organisation's names with their short forms (公司党支部 → 支部; "" for none); with
    ``unit_voice`` false (a 述职) the names are left as they are.  ``phrase`` is the year's 提法.全会.
    ``own_voice`` are the parts (主要工作) whose items a 述职's secretary speaks in the first person.
    ``long_names`` are long names with the short form a paragraph says once it has said them in full."""

    def __init__(
        self,
        names: Sequence[tuple[str, str]],
        phrase: str = "",
        *,
        unit_voice: bool = True,
        own_voice: frozenset[str] = frozenset(),
        others: str | None = None,
        long_names: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.others = others_before() if others is None else others
        self.own_voice = frozenset() if unit_voice else own_voice
        self.voiceless = 0  # items of the present part that say no “我” and could (every second gets it)
        self.short = {name: short for name, short in names if len(name) >= 2} if unit_voice else {}
        self.phrase = phrase if "和" in phrase else ""  # one name alone (党的二十大) is no long phrase
        self.index = -1
        self.role: str | None = None
        self.last_full = -GAP  # the paragraph the organisation was last named in full
        self.section_full = False  # named in full in the present part already
        self.at_lead = False  # reading the first paragraph of a part
        self.lead_full = False  # the last part's first paragraph named the organisation in full
        self.lead_before = False  # and the one before it did
        self.shortened = 0  # clauses not opened by the full name so far (every second says the short form)
        self.phrases: list[int] = []  # the paragraphs the full 提法 was said in
        self.long_names = {name: short for name, short in long_names if name and short and short != name}
        self._long = _name_alternatives(tuple(self.long_names)) if self.long_names else None

    def paragraph(
        self, text: str, role: str = "", *, item: bool = False, user: Sequence[str] = (), lead: str = ""
    ) -> str:
        """``text``, the next paragraph of the draft (of part ``role``; an ``item`` of it, or its lead-in,
        closing sentence, the opening or the closing), as it should read; ``user`` are the user's own lines
        in it, which stay as they are; ``lead`` is the item's heading, printed before it."""
        self.index += 1
        if role != self.role:
            self.role, self.section_full, self.voiceless = role, False, 0
            self.at_lead = bool(role)
            if role:
                self.lead_before, self.lead_full = self.lead_full, False
        else:
            self.at_lead = False
        said, saved = _mask(text, user)
        if item and role == PLANS:
            said = _NEXT_STEP.sub(r"\1", said)
        if self.short:
            said = self._named(said, plans=item and role == PLANS)
        if self._long is not None:
            said = self._once_in_full(said, lead)
        if self.phrase:
            said = self._phrased(said)
        if item and role in self.own_voice:
            said = self._in_own_voice(said)
        return _unmask(said, saved)

    def _in_own_voice(self, text: str) -> str:
        """An item of 主要工作 in a 述职 that says no “我” and opens with what a person does: every second such
        item in a part opens with “我” (“我把主题党日作为……”); a user's own line (masked) opens with none."""
        if OWN_VOICE in text or not _DOES.match(text):
            return text
        self.voiceless += 1
        return OWN_VOICE + text if self.voiceless % 2 == 1 else text

    def _full_allowed(self) -> bool:
        """Whether the organisation may be named in full here: not within :data:`GAP` paragraphs of the last
        time, once a part, and not in two parts' lead-ins in a row."""
        if self.at_lead and self.lead_before:
            return False
        return self.index - self.last_full >= GAP and not self.section_full

    def _named(self, text: str, *, plans: bool) -> str:
        out: list[str] = []
        at = 0
        for m in _name_pattern(tuple(self.short), self.others).finditer(text):
            said, end = self._say(text, m, plans=plans)
            if said == m[1]:
                self.last_full, self.section_full = self.index, True
                self.lead_full = self.lead_full or self.at_lead
            out.append(text[at : m.start()] + said)
            at = end
        out.append(text[at:])
        return "".join(out)

    def _say(self, text: str, m: re.Match[str], *, plans: bool) -> tuple[str, int]:
        """What to say for the name ``m`` found in ``text``, and where the text goes on."""
        name, after = m[1], m[2]
        opens = m.start() == 0 or text[m.start() - 1] in _CLAUSE
        if not opens or after in _KEEP or after == "的":  # a mention, not the subject: the short form will do
            return (name if self._full_allowed() else self.short[name] or name), m.end()
        if plans and after == "将" and _WILL.match(text, m.end() + 1):
            return "", m.end() + 1  # “X将在年初……” under 下一步: “在年初……”
        if self._full_allowed():
            return name, m.end()
        self.shortened += 1
        return (self.short[name] if self.shortened % 2 == 0 else ""), m.end()

    def _once_in_full(self, text: str, lead: str) -> str:
        """``text`` saying each long name in full only where neither ``lead`` nor an earlier part of the text
        has said it (or a name it is part of, or one part of it); later, the short form.  A name whose short
        form another name in the paragraph shares (三中全会 and 四中全会 are both 全会) stays in full."""
        assert self._long is not None
        named = [n for n in self.long_names if n in text or n in lead]
        if not any(n in text for n in named):
            return text
        shared = self._sharing(named)
        said = [n for n in named if n in lead]
        out: list[str] = []
        at = 0
        for m in self._long.finditer(text):
            name = m[0]
            out.append(text[at : m.start()])
            at = m.end()
            if name in shared or not any(name in n or n in name for n in said):
                said.append(name)
                out.append(name)
            else:
                out.append(self._short_form(name, text[max(0, m.start() - 2) : m.start()]))
        out.append(text[at:])
        return "".join(out)

    def _sharing(self, named: Sequence[str]) -> set[str]:
        """The names among ``named`` whose short form another of them, not part of it nor containing it, has."""
        return {
            n
            for n in named
            for o in named
            if o not in n and n not in o and self.long_names[o] == self.long_names[n]
        }

    def _short_form(self, name: str, before: str) -> str:
        """What to say for ``name`` said before in its paragraph; after 本次 (``before``), not 这次 again."""
        short = self.long_names[name]
        return short[2:] if short.startswith(_THIS_TIME) and before in _THIS_TIME else short

    def _phrased(self, text: str) -> str:
        out: list[str] = []
        at = 0
        for m in re.finditer(re.escape(self.phrase), text):
            out.append(text[at : m.start()])
            far = not self.phrases or self.index - self.phrases[-1] >= PHRASE_GAP
            if len(self.phrases) < PHRASE_TIMES and far:
                self.phrases.append(self.index)
                out.append(self.phrase)
            else:
                out.append(SHORT_PLENUM)
            at = m.end()
        out.append(text[at:])
        return "".join(out)
