"""Each main part of a 医院, 街道, 社区, 村 or 两新组织 draft opens with an intro of the type's own far more often
than with a general one (blind review: a 学院 summary and a 医院 述职 opened two parts with the same general
sentence word for word, “材料雷同”).

Every one of these types has at least seven intros of its own per main part in the secretary's voice (个人) and
six in the unit's (单位), all different and sharing no run of eight characters; a 村 or 两新组织 branch
secretary's 党支部书记述职 has two more of its own per part.  In a 书记述职 or 党建工作总结 the planner then draws
the part's intro from the type's own with a chance of two in three or more.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from bench.sameness import unit_facts
from drafter.library import Variant, load_library
from drafter.registry import registry
from drafter.select import ONCE_PHRASES, Selector

LIB = load_library()
REG = registry()
TYPES = ("医院", "街道", "社区", "村", "两新组织")
MAIN = ("思想建设", "组织建设", "党风廉政", "业务融合")
# report kind → its voice and how many intros of its own a part has at least
KINDS = {"书记述职": ("个人", 7), "党建工作总结": ("单位", 6)}
BRANCH_TYPES = ("村", "两新组织")  # whose branch secretaries often write the 党支部书记述职 kind
RUN = 8  # no two intros of a type's own share a run of this many characters
_SLOT = re.compile(r"\{\{[^}]*\}\}")


def _own(utype: str, role: str, voice: str, kind: str) -> list[Variant]:
    """The intros of ``role`` written for ``utype`` alone that a ``kind`` report in ``voice`` may use."""
    return [
        v
        for v in LIB.intros(role)
        if tuple(v.unit_types) == (utype,) and voice in v.voice and (not v.kinds or kind in v.kinds)
    ]


def _runs(text: str) -> set[str]:
    """The runs of RUN characters of ``text``, none across a slot (a slot prints the unit's own words)."""
    return {piece[i : i + RUN] for piece in _SLOT.split(text) for i in range(len(piece) - RUN + 1)}


@pytest.mark.parametrize("utype", TYPES)
def test_each_main_part_has_enough_intros_of_the_types_own(utype: str) -> None:
    for role in MAIN:
        for kind, (voice, least) in KINDS.items():
            texts = [v.text for v in _own(utype, role, voice, kind)]
            assert len(texts) >= least, (utype, role, kind, len(texts))
            assert len(set(texts)) == len(texts), (utype, role, kind)
            if voice == "个人":
                assert all("我" in _SLOT.sub("", t) for t in texts), (utype, role)
            else:
                assert not any("我" in _SLOT.sub("", t) for t in texts), (utype, role)


@pytest.mark.parametrize("utype", BRANCH_TYPES)
def test_a_branch_secretary_of_the_type_has_intros_written_for_the_kind(utype: str) -> None:
    for role in MAIN:
        written = [v for v in _own(utype, role, "个人", "党支部书记述职") if "党支部书记述职" in v.kinds]
        assert len({v.text for v in written}) >= 2, (utype, role)


@pytest.mark.parametrize("utype", TYPES)
def test_no_two_own_intros_of_a_part_share_a_long_run(utype: str) -> None:
    for role in MAIN:
        texts = sorted({v.text for v in LIB.intros(role) if tuple(v.unit_types) == (utype,)})
        for a, b in combinations(texts, 2):
            assert not (_runs(a) & _runs(b)), (utype, role, a, b)


@pytest.mark.parametrize("utype", TYPES)
def test_no_own_intro_says_a_stock_phrase_said_once_a_draft(utype: str) -> None:
    """An intro is printed as written (措辞.yaml 一篇一次的话 rewords only the items): with “心坎上” in a village's
    思想建设 intro, an item headed “把纪律要求讲到村干部心坎上” said it a second time."""
    phrases = REG.words(ONCE_PHRASES, utype)
    assert "心坎上" in phrases
    for role in MAIN:
        for v in LIB.intros(role):
            if utype in v.unit_types:
                assert not [p for p in phrases if p in v.text], (utype, role, v.text)


@pytest.mark.parametrize("utype", TYPES)
def test_the_planner_draws_a_parts_intro_mostly_from_the_types_own(utype: str) -> None:
    kinds = (*KINDS, "党支部书记述职") if utype in BRANCH_TYPES else tuple(KINDS)
    for kind in kinds:
        sel = Selector(LIB, unit_facts(kind, utype, 2024, f"某某{utype}"))
        for role in MAIN:
            pool = sel._variant_pool(sel._fitting_variants("intros", role))
            own = [v for v in pool if tuple(v.unit_types) == (utype,)]
            if kind not in KINDS:  # a branch secretary's: the two written for the kind at least
                assert len({v.text for v in own}) >= 2, (utype, kind, role)
                continue
            assert len({v.text for v in own}) >= KINDS[kind][1], (utype, kind, role)
            assert len(own) / len(pool) >= 0.65, (utype, kind, role, len(own), len(pool))
