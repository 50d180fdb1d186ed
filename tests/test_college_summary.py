"""The 学院党委's 党建工作总结 (samples/某大学学院党委书记.yaml) that every blind review sent back (session 12).

Reviewers read it as thin: the causes blamed 少数党员干部 and teachers right under a lead-in saying the root lay in
the 学院党委 itself; the 作风 cause had no measure answering it; 主要工作 said the 学院 gave branch secretaries
time while a cause said they had none; and it read like an office's report (调研报告, 明察暗访, 我们, 党员干部)
rather than a college's.  Each fix is checked over several seeds of the sample, as printed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from drafter.facts import facts_from_text
from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import CAUSES, MEASURES

SAMPLE = Path(ROOT, "samples", "某大学学院党委书记.yaml")
SEEDS = range(10)
LIB = load_library()
REG = registry()
OWNERS = REG.words("原因自剖主语", "高校")


@lru_cache(maxsize=32)
def drafted(seed: int, kind: str = "党建工作总结") -> Any:
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["报告类型"] = kind
    return draft(
        facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)), Options(seed=seed)
    )


def _wording(item: Any) -> str:
    frag = item.fragment
    return frag.texts[item.variant % len(frag.texts)]


def _owns(text: str) -> bool:
    return "单位.党组织" in text or any(w in text for w in OWNERS)


def test_the_colleges_causes_own_list_is_known() -> None:
    """措辞.yaml 原因自剖主语 names what a 高校 summary's cause says lacks (党委, 班子…); other types list none."""
    assert "党委" in OWNERS
    assert REG.words("原因自剖主语", "社区") == ()


@pytest.mark.parametrize("seed", SEEDS)
def test_every_cause_is_the_college_party_committees_own(seed: int) -> None:
    """Each cause the tool wrote names the 学院党委 or its 班子 as the one lacking, in the wording printed
    (not “少数党员干部……”, “有些党员教师身份意识淡薄” under “根子在学院党委自身”)."""
    causes = [i for i in drafted(seed).plan.sections[CAUSES].items if i.fragment is not None]
    assert len(causes) >= 2
    for item in causes:
        assert _owns(_wording(item)), (seed, item.fragment.id, _wording(item)[:40])


def test_the_colleges_own_causes_blame_no_teachers_or_students() -> None:
    """Every wording of a 高校 unit-voice cause owns its fault and does not put the 学院's state on its
    teachers or students (有些党员教师……, 少数管理人员……), and names a measure to answer it (pairs)."""
    blame = re.compile(r"(?:有些|少数|部分|一些)(?:党员|教师|管理人员|师生|学生)")
    causes = [f for f in LIB.fragments(CAUSES) if "高校" in f.unit_types and f.voice == ("单位",)]
    assert len(causes) >= 6
    by_id = LIB.by_id()
    for frag in causes:
        for text in frag.texts:
            assert _owns(text), (frag.id, text[:30])
            assert not blame.search(text), (frag.id, blame.search(text))
        assert frag.pairs and all(p in by_id and by_id[p].role == MEASURES for p in frag.pairs), frag.id


def _measure_ids(plan: Any) -> set[str]:
    """The ids and topics (``topic:…``) of the measures 下一步 prints, folded ones included."""
    ids: set[str] = set()
    for item in plan.sections[MEASURES].items:
        for one in (item, *item.merged):
            if one.fragment is not None:
                ids |= {one.fragment.id, f"topic:{one.fragment.topic_key}"}
    return ids


def test_the_style_cause_is_answered_by_a_measure() -> None:
    """Cause 三 (作风) had no measure in 下一步: wherever the 学院's 作风 cause is written, a measure on 纪律作风
    answers it — the one it names (pairs) unless a problem's measure on 纪律作风 already speaks of it.  Since
    session 22 a cause no printed problem names fills no layer beyond 思想认识 (round 75), and no problem the
    学院 prints names its 作风 cause: where it is not printed, no printed problem names it."""
    met = own = 0
    for seed in range(40):  # the 学院's own problems of session 15 made the 作风 cause rarer (3 drafts in 40)
        plan = drafted(seed).plan
        causes = [i.fragment for i in plan.sections[CAUSES].items if i.fragment is not None]
        measures = _measure_ids(plan)
        for frag in causes:
            if frag.topic_key == "作风":
                assert measures & {*frag.pairs, "topic:纪律作风"}, (seed, frag.id, sorted(measures))
        printed = any(f.id == "yy-univ-style-u" for f in causes)
        named = any(
            "yy-univ-style-u" in s.causes
            for p in plan.sections["存在问题"].items
            if (s := p.fragment or p.detail) is not None
        )
        assert printed or not named, seed
        met += printed
        own += "xb-s12-univ-style-u" in measures
    assert own >= met


@pytest.mark.parametrize("seed", SEEDS)
def test_no_cause_denies_the_time_given_to_branch_secretaries(seed: int) -> None:
    """主要工作 “学院为支部书记开展工作提供时间和条件保障” and a cause “抓党建时间精力难以保证” are one claim and
    its denial (templates/主题.yaml 甲-书记时间保障)."""
    text = drafted(seed).document.text
    if "提供时间和条件保障" in text:
        assert "时间精力难以保证" not in text and "时间精力有限" not in text, seed


def test_the_time_denial_is_encoded() -> None:
    pair = REG.topics["前后矛盾"]["甲-书记时间保障"]
    assert "抓党建时间精力难以保证" in pair.denials


@pytest.mark.parametrize("seed", SEEDS)
def test_a_college_summary_reads_as_a_college(seed: int) -> None:
    """No office words (调研报告, 明察暗访, 通报曝光, 科室, 处室), no “我们” in the unit's voice, and the
    library's “党员干部” said of a 学院's cadres and teachers."""
    text = drafted(seed).document.text
    for word in ("调研报告", "调研课题", "明察暗访", "通报曝光", "科室", "处室", "我们"):
        assert word not in text, (seed, word)
    assert not re.search(r"党员干部(?!、教师)", text), seed


def test_the_college_field_is_written() -> None:
    """Over the seeds the summary carries the field's words reviewers asked for."""
    texts = "".join(drafted(seed).document.text for seed in SEEDS)
    for word in ("立德树人", "课程思政", "师德师风", "双带头人", "党政联席会议", "学生党员", "辅导员"):
        assert word in texts, word


@pytest.mark.parametrize("seed", SEEDS)
def test_double_leaders_are_counted_among_teachers_branches(seed: int) -> None:
    """“双带头人” are teachers' branch secretaries: no sentence sets their number against every branch (12
    个党支部) or says all branches have one."""
    for kind in ("党建工作总结", "书记述职"):
        text = drafted(seed, kind).document.text
        for sentence in re.findall(r"[^。；]*双带头人[^。；]*", text):
            assert "12" not in sentence and "全覆盖" not in sentence, (kind, seed, sentence)
            assert not re.search(r"(?:全部|所有|每个|各)(?:党)?支部", sentence), (kind, seed, sentence)


def test_a_secretarys_report_is_unchanged_in_voice() -> None:
    """The 高校 书记述职 keeps its own voice: its causes say “我”, the owners list is for unit summaries."""
    for seed in range(4):
        causes = [i for i in drafted(seed, "书记述职").plan.sections[CAUSES].items if i.fragment is not None]
        assert causes and all("我" in _wording(i) for i in causes), seed
