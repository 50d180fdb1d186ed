"""An item of the work done whose first words say its heading again.

Owns one rule of the printed text: under “二是持续改进机关作风。” a paragraph that opens “为持续改进机关作风，我…”,
“改进机关作风，我…”, “我推动理论学习同经营决策贯通。” or “我把完善医院领导体制机制当作…” reads as a heading
copied into its paragraph (rounds 72–73 named it as a habit that gives the tool away). The paragraph reads on
from after the repeated words instead. Only the work done is read: the self-critical half's paragraphs keep
their own openings (a 表现 that repeats its title has :func:`drafter.pipeline._without_title`).
"""

from __future__ import annotations

import re

ECHO_HELD_SHARE = 0.6  # share of the heading's two-character pieces a clause repeats to count as an echo
ECHO_REST_MIN = 20  # characters that must remain when a whole first sentence is dropped
ECHO_OBJECT_OPENINGS = (
    "对",
    "在",
    "围绕",
    "针对",
    "从",
    "就",
    "把",
    "将",
)  # a clause naming its object, kept
ECHO_PURPOSE = "为"  # “为X，我…”: a purpose clause, dropped when X is the heading
ECHO_TIME_ENDINGS = ("后", "以来", "之际", "期间")  # a clause saying when, kept
ECHO_POINTERS = ("它", "这些", "此")  # words by which the rest of a sentence refers to its first clause
ECHO_HELD_STAND_IN = "这项工作"  # what “我把X作为” says instead of a repeated X
ECHO_HELD_SHORT = "它"  # … when “工作” follows (“我把它当作经常性工作”, not “这项工作当作经常性工作”)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HELD = re.compile(r"^(我把)([^，。；]{2,40}?)(作为|当作)")
_FIRST_CLAUSE = re.compile(r"^([^，。；：]{2,40})，(我.*)$", re.S)
_FIRST_SENTENCE = re.compile(r"^(我?[^，。；：]{2,40})。(.*)$", re.S)
_BY_MEANS = re.compile(r"^我以([^，。；]{2,40})，(.*)$", re.S)


def _pieces(text: str) -> set[str]:
    """The two-character pieces of ``text``'s Chinese characters (punctuation, digits and letters left out)."""
    han = "".join(_HAN.findall(text))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def _share(part: str, of: str) -> float:
    """How much of ``of``'s pieces ``part`` repeats (0 when ``of`` has none)."""
    whole = _pieces(of)
    return len(whole & _pieces(part)) / len(whole) if whole else 0.0


def _restates(clause: str, heading: str) -> bool:
    """``clause`` says nothing but the heading: most of its own pieces are the heading's."""
    return _share(heading, clause) >= ECHO_HELD_SHARE and _share(clause, heading) >= ECHO_HELD_SHARE / 2


def _kept_clause(clause: str) -> bool:
    """A first clause the sentence needs: one naming an object or a time (“对X，我…”, “X以来，我…”) or a
    noun phrase put first as the topic (“村级后备力量的人选，我主要从……中物色”)."""
    if clause.startswith(ECHO_PURPOSE):
        return False
    return clause.startswith(ECHO_OBJECT_OPENINGS) or clause.endswith(ECHO_TIME_ENDINGS) or "的" in clause


def _points_back(text: str) -> bool:
    """The sentence read on refers to the dropped clause (“我按照要求把它们守好”)."""
    return any(w in re.split("[。；]", text, maxsplit=1)[0] for w in ECHO_POINTERS)


def unechoed(heading: str, text: str) -> str:
    """``text`` without the opening words that say ``heading`` again; unchanged when it has none."""
    if not heading or not text:
        return text
    held = _HELD.match(text)
    if held and _share(held.group(2), heading) >= ECHO_HELD_SHARE:
        after = text[held.end(2) :]
        stand_in = ECHO_HELD_SHORT if ECHO_HELD_STAND_IN[-2:] in after[:10] else ECHO_HELD_STAND_IN
        return f"{held.group(1)}{stand_in}{after}"
    means = _BY_MEANS.match(text)
    if means and _restates(means.group(1), heading):
        return f"我{means.group(2)}"
    clause = _FIRST_CLAUSE.match(text)
    if clause:
        first = clause.group(1).removeprefix(ECHO_PURPOSE)
        rest = clause.group(2)
        if not _kept_clause(clause.group(1)) and _restates(first, heading) and not _points_back(rest):
            return rest
    sentence = _FIRST_SENTENCE.match(text)
    if sentence and len(sentence.group(2)) >= ECHO_REST_MIN:
        said = sentence.group(1).removeprefix("我")
        if _restates(said, heading) and _share(said, heading) >= ECHO_HELD_SHARE:
            return sentence.group(2)
    return text
