"""Drafts of different units read side by side share few frame sentences (round 29, “材料雷同”).

The opening, closing, a part's intro and the lead-in of the problems, causes and measures are drawn from pools;
a general wording is home to one unit type (drafter.select.Selector._spread), so units of different types
rarely meet on it.  Measured with bench/sameness.py: one draft per unit type of a kind and year, each under
its own name, at the default seed.
"""

from __future__ import annotations

from itertools import combinations

from bench.sameness import batch, sharing_pairs, type_drafts, unit_facts
from drafter.library import load_library
from drafter.registry import registry
from drafter.select import CLOSING, OPENING, Selector

LIB = load_library()
REG = registry()
TYPES = [t for t in REG.unit_types if t != "通用"]
ROLES = ("思想建设", "组织建设", "党风廉政", "业务融合", "存在问题", "原因", "下一步")


def test_ten_unit_types_rarely_share_a_frame_sentence() -> None:
    """书记述职 and 党建工作总结, 2023–2025: of the 270 pairs of type drafts, at most 24 share a sentence of
    16 characters or more among their frames (35 before the frames were spread over the types)."""
    pairs = 0
    for kind in ("书记述职", "党建工作总结"):
        for year in (2023, 2024, 2025):
            pairs += len(sharing_pairs(batch(type_drafts(kind, year), frames_only=True)))
    assert pairs <= 24, pairs


def _chance(kind: str, role: str, year: int = 2024) -> float:
    """The chance that two units of different types draw the same intro of ``role`` (or opening, closing),
    averaged over the pairs of types: from each type's pool as the planner draws it."""
    dists: list[dict[str, float]] = []
    for utype in TYPES:
        sel = Selector(LIB, unit_facts(kind, utype, year, "某某单位"))
        if role in (OPENING, CLOSING):
            usable = [f for f in sel._usable(role) if all(sel._claims_nothing_unticked(t) for t in f.texts)]
            keys = [f.id for f in sel._frame_pool(role, usable)]
        else:
            keys = [v.text for v in sel._variant_pool(sel._fitting_variants("intros", role))]
        dists.append({k: keys.count(k) / len(keys) for k in keys})
    chances = [sum(p * b.get(k, 0.0) for k, p in a.items()) for a, b in combinations(dists, 2)]
    return sum(chances) / len(chances)


def test_a_general_frame_wording_is_drawn_by_few_unit_types() -> None:
    """Two units of different types meet on an intro, the opening or the closing with a chance, averaged over
    these nine frames, of at most 1.3 in 100 in a 书记述职 and 2.6 in 100 in a 党建工作总结 (before the general
    wordings were shared out over the types: 2.4 and 3.3 in 100)."""
    for kind, most in (("书记述职", 0.013), ("党建工作总结", 0.026)):
        chances = [_chance(kind, role) for role in (*ROLES, OPENING, CLOSING)]
        assert sum(chances) / len(chances) <= most, (kind, chances)


def test_a_branch_secretarys_self_criticism_has_its_types_own_lead_ins() -> None:
    """党支部书记述职: every unit type has lead-ins of its own for 存在问题, 原因 and 下一步, so two branch
    secretaries of different types meet on one with a chance of at most 6 in 100 (before: 10 in 100)."""
    for role in ("存在问题", "原因", "下一步"):
        for utype in TYPES:
            own = [
                v
                for v in LIB.intros(role)
                if utype in v.unit_types
                and (not v.kinds or "党支部书记述职" in v.kinds)
                and "个人" in v.voice
            ]
            assert len(own) >= 2, (role, utype)
        assert _chance("党支部书记述职", role) <= 0.06, role
