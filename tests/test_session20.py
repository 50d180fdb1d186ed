"""Session 20: a report's shape (kind.yaml 版式) is drawn by the unit, or named in the facts.  Rounds 62–67's
reviewers told five units' drafts from real reports by their one skeleton: the same four parts, the same titles,
a lead-in under every heading, the problems and causes always in one shape."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from drafter.docread import problem_items, read_report, sections
from drafter.errors import LibraryError
from drafter.facts import Facts, facts_from_text
from drafter.pipeline import Options, draft
from drafter.registry import load_kind, registry

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REG = registry()
SAMPLE_OF = {  # one sample of each kind
    "书记述职": SAMPLES / "县一中党委书记.yaml",
    "党支部书记述职": SAMPLES / "某村党支部书记.yaml",
    "党建工作总结": SAMPLES / "区教育局党建工作总结.yaml",
}
CASES = [(kind, x.name) for kind in SAMPLE_OF for x in REG.kinds[kind].layouts]


def _facts(path: Path, **changes: Any) -> Facts:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    return facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _blocks(kind: str, layout: str) -> list[tuple[str, str]]:
    result = draft(_facts(SAMPLE_OF[kind], 版式=layout))
    assert result.plan.layout.name == layout
    return [(b.kind, b.text) for b in result.document.blocks]


def _titles(blocks: list[tuple[str, str]], level: str) -> list[str]:
    return [text.split("、", 1)[-1].split("）", 1)[-1] for kind, text in blocks if kind == level]


@pytest.mark.parametrize(("kind", "layout"), CASES)
def test_each_layout_gives_the_report_its_titles_in_its_order(kind: str, layout: str) -> None:
    shape = REG.kinds[kind].layout(layout)
    assert shape is not None
    blocks = _blocks(kind, layout)
    h1 = _titles(blocks, "heading1")
    rectify, problems, plans = (
        h1.index(t) for t in (shape.rectify_title, shape.problems_title, shape.plans_title)
    )
    assert plans == len(h1) - 1 and problems == len(h1) - 2
    if shape.main_title:
        main = h1.index(shape.main_title)
        assert len(h1) == 4
        assert len([t for k, t in blocks if k == "heading2"]) >= 4  # the parts of 主要工作 under it
    else:
        assert len(h1) == 7  # four parts of 主要工作, 整改, 问题, 下一步
        main = 1 if shape.rectify_first else 0
    assert (rectify < main) == shape.rectify_first
    subs = _titles(blocks, "heading2")
    if shape.problems_sub:
        assert subs[-2:] == [shape.problems_sub, shape.causes_sub]
    else:
        assert shape.causes_sub not in subs or not shape.causes_sub


@pytest.mark.parametrize(("kind", "layout"), CASES)
def test_a_layout_without_lead_ins_prints_none_under_the_later_parts(kind: str, layout: str) -> None:
    shape = REG.kinds[kind].layout(layout)
    assert shape is not None
    result = draft(_facts(SAMPLE_OF[kind], 版式=layout))
    dropped = [r for r in result.plan.main_roles[1:] if shape.intros is not None and r not in shape.intros]
    # the first part may bring one back for the year's 提法
    assert all(result.plan.sections[r].intro is None for r in dropped)
    kept = [r for r in result.plan.main_roles if shape.intros is None or r in shape.intros]
    assert kept == [] or any(result.plan.sections[r].intro is not None for r in kept)


@pytest.mark.parametrize(("kind", "layout"), CASES)
def test_every_layout_reads_back_as_last_years_report(kind: str, layout: str, tmp_path: Path, run) -> None:
    """init --from finds the problems and the plans of a draft in any layout: 上年度……整改 is not the problems
    part, and under “存在的主要问题 / 原因分析” only the first sub-title's items are problems."""
    path = tmp_path / "facts.yaml"
    data = yaml.safe_load(SAMPLE_OF[kind].read_text(encoding="utf-8"))
    data["版式"] = layout
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "draft.docx"
    result = run("render", path, "-o", out)
    assert result.exit_code == 0, result.output
    made = draft(_facts(SAMPLE_OF[kind], 版式=layout))
    parts = sections(read_report(out))
    problems = problem_items(parts.problems)
    printed = [it.lead for it in made.plan.sections["存在问题"].items]
    assert len(problems) == len(printed)
    assert all(p.lead and p.lead in lead for p, lead in zip(problems, printed, strict=True))
    assert parts.rectify and not any("整改" in p.text for p in parts.problems if p.level == "h1")


def test_a_layout_the_kind_lacks_is_refused_with_its_line(write_facts: Callable[..., Path], run) -> None:
    data = yaml.safe_load(SAMPLE_OF["书记述职"].read_text(encoding="utf-8"))
    data["版式"] = "三段式"
    path = write_facts(data)
    result: Result = run("render", path, "-o", path.with_suffix(".docx"))
    assert result.exit_code == 2
    assert "没有“三段式”这种版式" in result.output and "总分式" in result.output
    line = next(
        n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "版式" in text
    )
    assert f":{line}" in result.output
    assert not path.with_suffix(".docx").exists()


def test_units_draw_different_layouts_and_each_keeps_its_own() -> None:
    drawn = {}
    for path in sorted(SAMPLES.glob("*.yaml")):
        facts = _facts(path)
        first, again = draft(facts).plan.layout.name, draft(_facts(path)).plan.layout.name
        assert first == again, path.stem
        drawn[path.stem] = first
    assert len(set(drawn.values())) >= 4, drawn
    # the draw is by the unit: the same facts under another name may take another shape
    names = {
        draft(_facts(SAMPLE_OF["书记述职"], 单位={**_unit(), "全称": f"某县第{n}中学"})).plan.layout.name
        for n in range(8)
    }
    assert len(names) >= 2


def _unit() -> dict[str, Any]:
    data = yaml.safe_load(SAMPLE_OF["书记述职"].read_text(encoding="utf-8"))
    return dict(data["单位"])


BAD_LAYOUTS = [
    ("  - {名称: 甲, 问题小标题: 主要问题}\n", "只写了“问题小标题”“原因小标题”中的一个"),
    ("  - {名称: 甲, 目录: 有}\n", "不认识的键：目录"),
    ("  - {名称: 乙}\n  - {名称: 甲}\n  - {名称: 甲}\n", "版式名称重复：甲"),
    ("  - {名称: 甲, 引语: 有的有}\n", "“引语”应写 true、false"),
    ('  - {名称: 甲, 问题: ""}\n', "“问题”不能为空"),
    ("  - 甲\n", "“版式”的每一项应写成"),
]


@pytest.mark.parametrize(("entry", "message"), BAD_LAYOUTS)
def test_a_broken_layout_in_a_users_kind_file_names_its_line(
    tmp_path: Path, entry: str, message: str
) -> None:
    source = (Path(REG.kinds["书记述职"].folder) / "kind.yaml").read_text(encoding="utf-8")
    head = source[: source.index("\n版式:") + 1]
    tail = source[source.index("\n篇幅:") + 1 :]
    folder = tmp_path / "书记述职"
    folder.mkdir()
    (folder / "kind.yaml").write_text(head + "版式:\n" + entry + tail, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_kind(folder / "kind.yaml")
    assert message in str(caught.value)
    # the line of the entry at fault: the last one written
    assert caught.value.location is not None
    assert caught.value.location.line == head.count("\n") + 1 + entry.count("\n")


def test_a_kind_without_layouts_keeps_the_one_shape(tmp_path: Path) -> None:
    source = (Path(REG.kinds["书记述职"].folder) / "kind.yaml").read_text(encoding="utf-8")
    cut = source[: source.index("\n版式:") + 1] + source[source.index("\n篇幅:") + 1 :]
    folder = tmp_path / "书记述职"
    folder.mkdir()
    (folder / "kind.yaml").write_text(cut, encoding="utf-8")
    kind = load_kind(folder / "kind.yaml")
    assert [x.name for x in kind.layouts] == ["默认"]
    assert kind.layouts[0].main_title == "主要工作" and not kind.layouts[0].rectify_first


def test_the_draw_only_uses_options_a_seed_cannot_break() -> None:
    """Another --seed may change the shape; the facts' 版式 holds it under every seed."""
    facts = _facts(SAMPLE_OF["书记述职"], 版式="整改在前式")
    assert {draft(facts, Options(seed=s)).plan.layout.name for s in range(4)} == {"整改在前式"}


# --------------------------------------------------------------------------- claims of completeness softened


def test_a_claim_of_completeness_on_what_the_problems_speak_of_is_said_in_a_softer_wording(
    monkeypatch,
) -> None:
    """The hospital's item on its leadership system said “三重一大事项一律提交党委会议研究” above a problem on
    the same system; it now prints the item's wording without 一律.  With the rule off, the old wording is back.
    (Seed 3: at the sample's own seed the cause speaking of it is no longer printed since session 22, as no
    printed problem names it.)"""
    from drafter.select import Selector

    facts = _facts(SAMPLES / "某医院党委书记.yaml")
    soft = draft(facts, Options(seed=3))
    assert "完善医院领导体制机制" in soft.document.text
    item = next(
        it
        for it in soft.plan.sections["组织建设"].items
        if it.fragment is not None and "领导体制" in it.fragment.lead
    )
    assert "一律" not in item.fragment.texts[item.variant % len(item.fragment.texts)]
    monkeypatch.setattr(Selector, "_soften_claims", lambda self, plan: None)
    hard = draft(_facts(SAMPLES / "某医院党委书记.yaml"), Options(seed=3))
    same = next(
        it
        for it in hard.plan.sections["组织建设"].items
        if it.fragment is not None and it.fragment.id == item.fragment.id
    )
    assert "一律" in same.fragment.texts[same.variant % len(same.fragment.texts)]


def _printed_wording(result: Any, fragment_id: str) -> str:
    for role in result.plan.main_roles:
        for item in result.plan.sections[role].items:
            for it in (item, *item.merged):
                if it.fragment is not None and it.fragment.id == fragment_id:
                    return str(it.fragment.texts[it.variant % len(it.fragment.texts)])
    raise AssertionError(fragment_id)


def test_a_college_with_its_dual_leader_finding_open_claims_no_leading_role(monkeypatch) -> None:
    """Round 67: “支部书记在学科建设和党建工作中同时发挥领头作用” above the open finding “双带头人比例不高”.  The
    pair 六七-双带头人 has the college print the wording that claims no such role; without the pair (the control)
    a claiming wording is printed."""
    college = SAMPLES / "某大学学院党委书记.yaml"
    wording = _printed_wording(draft(_facts(college)), "zz-univ-dual-leader-count")
    assert not any(w in wording for w in ("领头作用", "带头作用", "领头"))
    from drafter.select import Selector

    # the control: the user's problems deny nothing (the pair is not read)
    monkeypatch.setattr(Selector, "_user_denials", property(lambda self: ()))
    claimed = _printed_wording(draft(_facts(college)), "zz-univ-dual-leader-count")
    assert any(w in claimed for w in ("领头作用", "带头作用", "领头"))


# --------------------------------------------------------------------------- a first clause saying the heading again


@pytest.mark.parametrize(
    ("lead", "text", "restates"),
    [
        ("强化日常监督", "日常监督要强化，我坚持抓早抓小。", True),
        ("把监督融入学校日常管理", "我把监督融入学校日常管理，每学期……", True),
        ("建强学校支部班子", "建强支部班子，我从选人抓起。", True),
        ("青年教师入党早引导早培养", "我经常和青年教师聊职业理想，……", False),
        ("用教育系统案例警醒党员教师", "警示教育我用的是教育系统的真实案例。", False),
    ],
)
def test_a_first_clause_saying_its_heading_again_is_found(lead: str, text: str, restates: bool) -> None:
    from drafter.select import _restates_lead

    assert _restates_lead(lead, text) is restates


def _restating(monkeypatch: pytest.MonkeyPatch | None) -> int:
    import drafter.select as planner

    judge = planner._restates_lead
    if monkeypatch is not None:  # the control: the planner does not read it
        monkeypatch.setattr(planner, "_restates_lead", lambda lead, text: False)
    found = 0
    for path in sorted(SAMPLES.glob("*.yaml")):
        plan = draft(_facts(path)).plan
        for role in plan.main_roles:
            for it in plan.sections[role].items:
                if it.fragment is not None and it.fragment.lead:
                    wording = it.fragment.texts[it.variant % len(it.fragment.texts)]
                    found += judge(it.heading or it.fragment.lead, wording)
    return found


def test_items_open_without_saying_their_heading_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 68 read “四是强化日常监督。日常监督要强化” as a tool's tell.  A wording whose first clause says the
    heading again is printed only when every other wording has more faults (a 述职's item still says 我 first):
    over the samples, under half as many such items as without the rule."""
    ruled = _restating(None)
    unruled = _restating(monkeypatch)
    assert unruled >= 10 and ruled * 2 <= unruled, (ruled, unruled)


def test_a_company_whose_name_lacks_group_never_speaks_of_the_group() -> None:
    """Round 68: a 自来水有限责任公司's 述职 spoke of the 集团.  单位类型.yaml 名称避免用语 “不含集团” keeps every
    wording with 集团 out of a company whose full name lacks it; a 集团 keeps them (the control)."""
    from drafter.select import _names

    assert _names("不含集团", "郴州市自来水有限责任公司") and not _names("不含集团", "某市水务集团有限公司")
    assert _names("自来水", "郴州市自来水有限责任公司") and not _names("不含", "某公司")
    sample = SAMPLES / "集团公司党委书记.yaml"
    unit = yaml.safe_load(sample.read_text(encoding="utf-8"))["单位"]
    plain = {
        **unit,
        "全称": "郴州市自来水有限责任公司",
        "简称": "郴州自来水公司",
        "自称": "公司",
        "党组织": "公司党委",
    }
    for seed in range(3):
        text = draft(_facts(sample, 单位=plain), Options(seed=seed)).document.text
        assert "集团" not in text, seed
    group = {**unit, "全称": "某市水务集团有限公司", "自称": "公司", "党组织": "公司党委"}
    assert any("集团" in draft(_facts(sample, 单位=group), Options(seed=s)).document.text for s in range(3))


def test_the_campaign_items_tail_differs_between_units() -> None:
    """Rounds 68–69: “其余1个仍在整改中” in every draft with the campaign's counts.  The tail is drawn by the unit
    from 措辞.yaml 学习教育整改进度: over eight units of one type more than one wording is printed, each with the
    right number."""
    from drafter.pipeline import _campaign_rest

    tails = set()
    for n in range(8):
        facts = _facts(
            SAMPLES / "县一中党委书记.yaml",
            单位={**_unit(), "全称": f"某县第{n}中学"},
        )
        facts.data["思想建设"].update({"学习教育查摆问题数": 9, "学习教育整改问题数": 8})
        tail = _campaign_rest(facts, REG)
        assert "1个" in tail
        tails.add(tail)
    assert len(tails) >= 2


def test_next_years_facts_keep_this_years_layout(tmp_path: Path, run) -> None:
    """The layout a draft was drawn in is kept in the draft's embedded facts; ``init --from`` writes it as 版式, so
    that next year's report has this year's shape (a unit writes its report the same way each year) — the draw
    for the next year alone would be another one for some units."""
    sample = SAMPLES / "街道党工委书记.yaml"
    drawn = draft(_facts(sample)).plan.layout.name
    out = tmp_path / "去年.docx"
    assert run("render", sample, "-o", out).exit_code == 0
    target = tmp_path / "今年.yaml"
    result = run("init", target, "--from", out)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["版式"] == drawn
    # a layout the user named is kept as named
    named = next(x.name for x in REG.kinds["书记述职"].layouts if x.name != drawn)
    facts = _facts(sample, 版式=named)
    assert draft(facts).plan.layout.name == named
    assert f'"{named}"' in json_unescaped(draft(facts).document.facts)


def json_unescaped(text: str) -> str:
    import json

    return json.dumps(json.loads(text), ensure_ascii=False)


def test_the_rectification_lead_in_claims_nothing_the_problems_deny(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 整改 part's lead-in is chosen before the problems; one claiming what a problem below denies is dropped
    (the 发改委 under a round-32 name at seed 2: “……作为履行第一责任人职责的重要内容” above “抓党建投入精力少”, pair
    党建第一职责).  Without the rule (the control) that lead-in stands."""
    from drafter.claims import says_any
    from drafter.select import Selector

    pair = REG.topics["前后矛盾"]["党建第一职责"]
    facts = _facts(
        SAMPLES / "市发改委党组书记.yaml",
        单位={**_unit_of("市发改委党组书记"), "全称": "郴州市发展和改革委员会"},
    )

    def lead_in(result: Any) -> str:
        section = result.plan.sections["上年度问题整改"]
        return section.intro.text if section.intro else ""

    assert not says_any(pair.keywords, lead_in(draft(facts, Options(seed=2))))
    monkeypatch.setattr(Selector, "_rectify_intro_undenied", lambda self, plan: None)
    assert says_any(pair.keywords, lead_in(draft(facts, Options(seed=2))))


def _unit_of(stem: str) -> dict[str, Any]:
    return dict(yaml.safe_load((SAMPLES / f"{stem}.yaml").read_text(encoding="utf-8"))["单位"])
