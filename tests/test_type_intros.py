"""Each main part's intro is drawn mostly from the unit type's own (round 44, “材料雷同”: a 学院 summary and a
医院 述职 opened two parts with the same general sentence word for word).

机关, 教育系统, 学校, 高校 and 国企 have seven intros of their own in the 个人 voice (书记述职) and six in the
单位 voice (党建工作总结) for each part of 主要工作, so the planner's pool for them holds few general ones and
sibling units of one type spread over more wordings.
"""

from __future__ import annotations

import re

import pytest

from bench.sameness import unit_facts
from drafter.library import load_library
from drafter.select import Selector

LIB = load_library()
TYPES = ("机关", "教育系统", "学校", "高校", "国企")
PARTS = ("思想建设", "组织建设", "党风廉政", "业务融合")
VOICES = (("个人", "书记述职", 7), ("单位", "党建工作总结", 6))
RUN = 8  # characters two intros may not share in a row
_SLOT = re.compile(r"{{\s*.+?\s*}}")


def _own(utype: str, part: str, voice: str, kind: str) -> list[str]:
    return [
        v.text
        for v in LIB.intros(part)
        if utype in v.unit_types and voice in v.voice and (not v.kinds or kind in v.kinds)
    ]


@pytest.mark.parametrize("utype", TYPES)
def test_each_main_part_has_the_types_own_intros_in_both_voices(utype: str) -> None:
    for part in PARTS:
        for voice, kind, least in VOICES:
            own = _own(utype, part, voice, kind)
            assert len(own) >= least, (utype, part, voice, len(own))
            assert len(set(own)) == len(own), (utype, part, voice)
            for text in own:
                if voice == "个人":
                    assert "我" in text, text
                else:
                    assert "我" not in _SLOT.sub("", text), text


def _runs(text: str) -> set[str]:
    plain = _SLOT.sub("\0", text)
    return {plain[i : i + RUN] for i in range(len(plain) - RUN + 1) if "\0" not in plain[i : i + RUN]}


def test_the_types_own_main_intros_share_no_long_run_with_another_intro() -> None:
    """No own intro of these types repeats eight characters in a row of any other intro in the library: two
    parts, or two units' drafts, would open on the same words."""
    everyone = {v.text for role in LIB.roles for v in LIB.intros(role)}
    runs = {text: _runs(text) for text in everyone}
    shared = []
    for utype in TYPES:
        for part in PARTS:
            for voice, kind, _ in VOICES:
                for text in _own(utype, part, voice, kind):
                    shared += [
                        (text, other) for other in everyone if other != text and runs[text] & runs[other]
                    ]
    assert not shared, shared[:5]


@pytest.mark.parametrize("utype", TYPES)
def test_the_planner_draws_a_main_intro_mostly_from_the_types_own(utype: str) -> None:
    """Two in three draws or more land on the type's own intros (each own intro weighs as much as three
    general ones, and the general ones are cut to make FRAME_POOL wordings in all)."""
    for _, kind, _ in VOICES:
        sel = Selector(LIB, unit_facts(kind, utype, 2024, "某某单位"))
        for part in PARTS:
            pool = sel._variant_pool(sel._fitting_variants("intros", part))
            own = [v for v in pool if utype in v.unit_types]
            assert len(own) * 3 >= len(pool) * 2, (utype, kind, part, len(own), len(pool))
