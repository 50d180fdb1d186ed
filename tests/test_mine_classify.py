"""Segmenter + classifier of `drafter mine` against hand-labelled fixtures.

tests/fixtures/mine/seeds.yaml labels every heading and 一是 item of the five seeds;
tests/fixtures/mine/layouts.yaml labels report texts written for these tests in other layouts
(themed headings, 1、 numbering, no headings, Traditional characters, ASCII punctuation, a school, a
village, an enterprise…).  Headings and items the segmenter finds but the fixture does not list, and
listed ones it misses, count as errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter.mine.classify import ROLES, classify, classify_heading, classify_unit
from drafter.mine.clean import clean
from drafter.mine.segment import Outline, segment

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "mine"

Unit = tuple[str, int, str, str]  # kind, line, text, role


def found_units(outline: Outline) -> list[Unit]:
    """Every heading, item and paragraph the segmenter found, with the role the classifier gave."""
    out: list[Unit] = []
    for sec in outline.sections:
        if not sec.is_root:
            out.append(("heading", sec.line, sec.heading, sec.role))
        for para in sec.paragraphs:
            out.append(("para", para.line, para.intro if para.items else para.text, para.role))
            for item in para.items:
                out.append(("item", item.line, item.lead, item.role))
    return out


@dataclass
class Score:
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def evaluate(labels_file: Path) -> Score:
    data: dict[str, Any] = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    folder = (labels_file.parent / data["folder"]) if data["folder"] != "seeds" else ROOT / "seeds"
    score = Score()
    for name, wanted in data["files"].items():
        outline = classify(segment(clean((folder / name).read_text(encoding="utf-8")).lines))
        units = found_units(outline)
        used: set[int] = set()
        for kind, line, start, role in wanted:
            score.total += 1
            match = next(
                (
                    k
                    for k, u in enumerate(units)
                    if k not in used and u[0] == kind and u[1] == line and u[2].startswith(str(start))
                ),
                None,
            )
            if match is None:
                score.errors.append(f"{name}:{line} 未找到{kind}“{start}”")
                continue
            used.add(match)
            if units[match][3] == role:
                score.right += 1
            else:
                score.errors.append(f"{name}:{line} {kind}“{start}”应为{role}，得到{units[match][3]}")
        for k, (kind, line, text, role) in enumerate(units):
            if kind != "para" and k not in used:
                score.total += 1
                score.errors.append(f"{name}:{line} 多出的{kind}“{text[:20]}”（{role}）")
    return score


def _report(score: Score, what: str) -> None:
    print(f"\n{what}：{score.right}/{score.total} = {score.accuracy:.1%}")
    for line in score.errors:
        print("  " + line)


def test_seed_fixture_accuracy() -> None:
    score = evaluate(FIXTURES / "seeds.yaml")
    _report(score, "种子材料（标题与一是条目）分类准确率")
    assert score.total >= 120
    assert score.accuracy >= 0.95, score.errors


def test_other_layouts_accuracy() -> None:
    score = evaluate(FIXTURES / "layouts.yaml")
    _report(score, "其他版式材料分类准确率")
    assert score.total >= 80
    assert score.accuracy >= 0.90, score.errors


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("聚焦思想过硬，持续强化理论武装", "思想建设"),
        ("抓思想，政治引领突出成效", "思想建设"),
        ("强化执纪监督，廉政意识明显增强", "党风廉政"),
        ("以清廉文化建设为载体，深化党风廉政建设", "党风廉政"),
        ("对标检视，查找差距不足", "存在问题"),
        ("存在的主要问题及解决措施", "存在问题"),
        ("下步工作打算", "下一步"),
        ("主要做法", "其他"),
        ("履职工作情况", "其他"),
        ("以双融双促为目标，提升党建引领业务高质量发展实效", "业务融合"),
    ],
)
def test_heading_words_land_right(heading: str, role: str) -> None:
    assert classify_heading(heading)[0] == role


def test_item_keeps_its_own_role_under_a_themed_heading() -> None:
    role, _ = classify_unit(
        "落实巡察整改主体责任",
        "针对巡察组反馈的问题，召开整改推进会，逐项销号，严肃问责。",
        context_role="组织建设",
    )
    assert role == "党风廉政"
    role, _ = classify_unit("规范组织生活", "", context_role="思想建设")
    assert role == "组织建设"


def test_item_without_evidence_takes_the_section_role() -> None:
    assert classify_unit("稳步推进", "认真抓好落实。", context_role="党风廉政")[0] == "党风廉政"
    assert classify_unit("稳步推进", "认真抓好落实。", context_role="组织建设")[0] == "组织建设"


def test_confidence_is_a_probability_and_roles_are_known() -> None:
    outline = classify(
        segment(clean((ROOT / "seeds" / "001_e4ab13fd1b405e5f.txt").read_text(encoding="utf-8")).lines)
    )
    for _, _, _, role in found_units(outline):
        assert role in ROLES
    for sec in outline.sections[1:]:
        assert 0.0 < sec.confidence <= 1.0


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("狠抓基础管理，紧盯支部建设短板", "组织建设"),  # 短板 is what the heading acts on
        ("着力解决群众急难愁盼问题，服务民生更加有力", "业务融合"),
        ("聚焦巡察反馈问题抓整改，全面从严治党持续深化", "党风廉政"),
        ("精力投入还需平衡", "存在问题"),  # the deficit is the statement
        ("理论学习还不够深入", "存在问题"),
        ("存在的问题及原因", "存在问题"),
        ("问题产生的原因", "原因"),
        ("原因剖析", "原因"),
        ("2025年工作打算", "下一步"),
        ("一年来的主要工作", "其他"),
        ("履行职责情况", "其他"),
        ("履职情况和工作亮点", "其他"),
        ("履职状况", "其他"),
        ("基层党建工作落实情况", "其他"),
        ("履行第一责任人职责情况", "组织建设"),  # a topic in it: not a mere container
    ],
)
def test_heading_form_and_problem_words(heading: str, role: str) -> None:
    assert classify_heading(heading)[0] == role


def test_structure_decides_before_words() -> None:
    text = (
        "关于2024年度党建工作的报告\n2024年，在县委的坚强领导下，我局认真履行职责。现将有关情况报告如下。\n"
        "一、存在的问题及原因\n（一）党建与业务融合不够紧密。有的支部把党建当作软任务。\n"
        "（二）原因分析。究其原因，一是认识不足；二是精力有限。\n"
        "（三）理论学习还不够深入。学习形式单一，加强学习的措施不多。\n"
        "二、明确方向，持续发力\n一是加强理论武装。二是严格组织生活。三是深化廉政教育。\n"
    )
    outline = classify(segment(clean(text).lines))
    units = found_units(outline)

    def role(kind: str, start: str) -> str:
        return next(u[3] for u in units if u[0] == kind and u[2].startswith(start))

    assert role("para", "2024年，在县委") == "开头"
    assert role("heading", "党建与业务融合不够") == "存在问题"
    assert role("heading", "原因分析") == "原因"
    assert role("item", "认识不足") == "原因"
    assert role("heading", "理论学习还不够深入") == "存在问题"
    assert role("para", "学习形式单一，加强") == "存在问题"  # inherits, whatever its words
    assert role("heading", "明确方向，持续发力") == "下一步"  # after the problems: a plan
    assert role("item", "严格组织生活") == "下一步"


def test_plans_written_into_the_problems_section_are_plans() -> None:
    text = (
        "报告\n一、主要工作\n加强学习。\n二、存在的问题及今后工作目标\n对照要求仍有差距，方法不多。\n"
        "党组织是群众的主心骨。在以后的工作中我们将牢记宗旨，紧扣中心狠抓落实。\n"
    )
    units = found_units(classify(segment(clean(text).lines)))
    roles = {u[2][:6]: u[3] for u in units}
    assert roles["对照要求仍有"] == "存在问题"
    assert roles["党组织是群众"] == "下一步"
