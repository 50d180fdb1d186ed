"""Drafts planned from the outline, checked as a 组织部 reviewer reads them (issues 12 and 13).

Every kind × unit type × year: required topics once each, the year's 提法, one heading family, the unit
type's own fragments, 3–4 problems with 表现, causes, and a measure answering every problem and cause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import measures_of, part_text

from bench.sameness import BASE_NUMBERS, unit_facts  # the bench's and the tests' drafts: one unit
from drafter.facts import facts_from_text
from drafter.library import load_library
from drafter.originality import grams, share
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import (
    CAUSE_WORDS_MIN,
    CAUSES,
    CLASH_MAX,
    MEASURES,
    MEASURES_MAX,
    MEASURES_OVER_PROBLEMS,
    PROBLEMS,
    Selector,
    _echoes_lead,
    _item_words,
    _names_plenum,
    select,
)

REG = registry()
LIB = load_library()
TYPES = [t for t in REG.unit_types if t != "通用"]
YEARS = (2023, 2024, 2025)
OWN_CAUSES_MIN = 7  # distinct causes of its own a type draws over twelve seeds when nearly all are its own
# (8 until session 22, when a cause no printed problem names stopped filling layers beyond 思想认识)
KINDS = tuple(REG.kinds)


def facts_for(
    kind: str,
    utype: str,
    year: int,
    *,
    unit: str = "某某单位",
    person: str = "张三",
    blank: bool = False,
    **extra: Any,
) -> Any:
    """A unit's facts for the tests: :func:`bench.sameness.unit_facts`, the bench's batch unit."""
    return unit_facts(kind, utype, year, unit, person=person, blank=blank, **extra)


def required_topics(kind: str, utype: str, role: str, year: int) -> list[str]:
    spec = REG.kinds[kind].section(role)
    assert spec is not None
    topics = [
        *spec.required,
        *(t for t in REG.unit_type(utype).outline.get(role, ()) if t not in spec.required),
    ]
    if not REG.year(year).campaign:
        topics = [t for t in topics if t != "年度学习教育"]
    return topics


CASES = [(k, t, y) for k in KINDS for t in TYPES for y in YEARS]


@pytest.mark.parametrize(("kind", "utype", "year"), CASES, ids=lambda v: str(v))
def test_outline_topics_once_with_the_years_wording(kind: str, utype: str, year: int) -> None:
    facts = facts_for(kind, utype, year)
    result = draft(facts)
    fresh = Selector(LIB, facts)
    plan = result.plan
    main_topics: list[str] = []
    for role in plan.main_roles:
        section = plan.sections.get(role)
        if section is None:
            continue
        topics = section.topics
        assert len(topics) == len(set(topics)), (role, topics)  # no topic twice in a section
        main_topics += topics
        for topic in required_topics(kind, utype, role, year):
            if topic in main_topics[: -len(topics) or None] and topic not in topics:
                continue  # written in an earlier part (a topic appears once in 主要工作)
            if not any(fresh.eligible(f) for f in LIB.fragments(role) if f.topic == topic):
                # only activities the user did not tick (双报到 …): not written, never invented
                assert all(
                    f.claims for f in LIB.fragments(role) if f.topic == topic and f.years.__contains__(year)
                ), topic
                continue
            assert topic in topics, (role, topic)
    assert len(main_topics) == len(set(main_topics))
    text = result.document.text
    for phrase in REG.year(year).required:
        assert phrase in text, phrase  # the year's 提法
    assert plan.family is not None  # the four main headings share one pattern
    for role in plan.main_roles:
        if role in plan.sections:
            heading = plan.sections[role].heading
            assert heading is not None and heading.text == plan.family.headings[role], role
    own = [f for f in plan.fragments if utype in f.unit_types]
    assert len(own) >= 2, [f.id for f in plan.fragments]


@pytest.mark.parametrize(("kind", "utype", "year"), CASES[::3], ids=lambda v: str(v))
def test_problems_have_causes_and_answers(kind: str, utype: str, year: int) -> None:
    plan = draft(facts_for(kind, utype, year)).plan
    problems = plan.sections[PROBLEMS].items
    assert 3 <= len(problems) <= 4
    causes = plan.sections[CAUSES].items
    assert 2 <= len(causes) <= 4
    measures = measures_of(plan)
    answered = {i.topic for i in measures}
    for p in problems:
        assert p.fragment is not None and len(p.fragment.text) >= 60
        assert p.topic in answered, p.topic
    # a cause is answered by a measure of its topic or one that speaks of what it says (round 23 found the
    # third cause without a measure) — but only by one that shares its words or is its pair (round 25:
    # topic-only answers read as 答非所问), so a cause the library has no such measure for stays unanswered
    said = [_item_words(m) for m in measures]
    unanswered = [
        c.topic
        for c in causes
        if REG.topic(CAUSES, c.topic).measure not in answered  # type: ignore[union-attr]
        and not any(LIB.overlap.fit(_item_words(c), m) >= 2 for m in said)
    ]
    longest = min(len(problems) + MEASURES_OVER_PROBLEMS, MEASURES_MAX)
    assert len(unanswered) < len(causes), unanswered
    # no list that bloats: the printed measures (a cause's measure folded into a problem's is no item of its
    # own; since session 18 four problems may have three causes), and one a problem or cause in all
    assert len(plan.sections[MEASURES].items) <= longest
    assert len(measures) <= len(problems) + len(causes)
    assert not [d for d in plan.diagnostics if d.code == "unpaired"]


def test_causes_do_not_restate_the_problems() -> None:
    """A cause that says again what a problem above it says (“精力分配失衡” twice) is passed over while another
    wording of its layer does not: across kinds × types × years almost no cause shares more than CLASH_MAX
    specific three-character words with the problems: at most one in 50 (a layer whose every wording does is
    left for another layer; before: about one cause in ten did)."""
    count = echoing = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in (2023, 2024, 2025):
                plan = draft(facts_for(kind, utype, year)).plan
                problems = frozenset().union(
                    *(LIB.overlap.specific(_item_words(p), 3) for p in plan.sections[PROBLEMS].items)
                )
                for cause in plan.sections[CAUSES].items:
                    count += 1
                    echoing += len(LIB.overlap.specific(_item_words(cause), 3) & problems) > CLASH_MAX
    assert count > 200 and echoing <= count // 50, (echoing, count)


def test_one_sentence_user_items_get_a_paragraph_that_speaks_of_them() -> None:
    """“网格党建作用发挥不够：部分网格党支部组织力不强。” keeps its words and gains a first-person 表现 on the
    same thing; a one-sentence measure gains a measure paragraph on the same thing.  A titled line already in
    the secretary's own words, or long enough, is left as written."""
    facts = facts_for(
        "书记述职",
        "街道",
        2025,
        存在问题=[
            "网格党建作用发挥不够：部分网格党支部组织力不强，党员作用不明显。",
            "发展党员：我抓得不够" + "细" * 40,
        ],
        下一步=["深化网格党建：推动党支部建在网格上，组织在职党员参与治理。"],
    )
    plan = draft(facts).plan
    grid, own = plan.sections[PROBLEMS].items[:2]
    assert (
        grid.text.startswith("部分网格党支部")
        and grid.detail is not None
        and "网格" in grid.detail.texts[grid.variant]
    )
    assert own.detail is None
    measure = next(i for i in plan.sections[MEASURES].items if i.lead == "深化网格党建")
    assert measure.detail is not None and measure.detail.role == MEASURES
    assert "网格" in measure.detail.texts[measure.variant]


def test_a_one_branch_company_does_not_write_a_party_committees_topics() -> None:
    """两新组织's outline adds 两个覆盖 (a 非公党工委 covering many firms); a company's own 党支部 writing its
    summary avoids that word (kind.yaml 组织避免用语 for 支部), so the topic is not written; a 党委 keeps it."""

    def facts(org: str) -> Any:  # without the counts a 党工委 reports (新建党组织数…): those carry the topic
        made = facts_for("党建工作总结", "两新组织", 2025)
        made.data["单位"]["党组织"] = org
        for spec in REG.unit_type("两新组织").facts:
            group, key = spec.path.split(".", 1)
            made.data.get(group, {}).pop(key, None)
        return made

    branch, committee = facts("公司党支部"), facts("园区综合党委")
    assert "两个覆盖" not in select(LIB, branch).sections["组织建设"].topics
    assert "两个覆盖" in select(LIB, committee).sections["组织建设"].topics


def test_openings_name_the_years_plenums() -> None:
    """Reviewers mark an opening that does not name the plenums the year studied: where enough openings do,
    only those are drawn — across kinds × types × years, at least four openings in five name them."""
    count = naming = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in (2023, 2024, 2025):
                for i in range(2):
                    plan = select(LIB, facts_for(kind, utype, year, unit=f"单位{i}"))
                    count += 1
                    naming += plan.opening is not None and all(_names_plenum(t) for t in plan.opening.texts)
    assert naming * 5 >= count * 4, (naming, count)


def test_a_word_used_too_often_pushes_its_wordings_back() -> None:
    """Once a draft has said “带头” four times (措辞.yaml 少用的词), a wording that says it again ranks after
    an equally fitting one that does not, whatever the seed; before that, either may come first."""
    by_id = LIB.by_id()
    tic = by_id["yw-key-tasks"]  # every wording: 党员领导干部带头……
    assert all("带头" in t for t in tic.texts) and not tic.needs
    plain = next(
        f
        for f in LIB.fragments("业务融合")
        if f.unit_types == ("通用",)
        and not f.needs
        and not f.kinds
        and not any("带头" in t for t in (f.lead, *f.texts))
    )
    firsts = set()
    for seed in range(12):
        selector = Selector(LIB, facts_for("书记述职", "机关", 2024), seed=seed)
        firsts.add(selector.rank([tic, plain], "x")[0].id)
        selector._said["带头"] = 4
        assert selector.rank([tic, plain], "x")[0] is plain
    assert firsts == {tic.id, plain.id}


def test_bare_phrase_problems_become_full_problems() -> None:
    phrases = [
        "基层党支部书记履职能力参差不齐",
        "党员教育管理不够经常",
        "党建和业务融合不深",
        "意识形态阵地管理有薄弱环节",
        "谈心谈话覆盖不全",
    ]
    result = draft(facts_for("书记述职", "机关", 2024, 存在问题=phrases))
    items = result.plan.sections[PROBLEMS].items
    assert [i.lead for i in items[:5]] == phrases
    blocks = [
        b.text for b in result.document.blocks if b.kind == "para" and any(p in b.text for p in phrases)
    ]
    assert len(blocks) == 5
    for block in blocks:
        assert len(block) >= 60 + len("（一）") and "待补充" not in block, block
    assert not [d for d in result.diagnostics if d.code == "unpaired"]


def test_a_users_problem_is_shown_in_a_wording_that_speaks_of_it() -> None:
    """Round 30: “教师党支部书记履职能力参差不齐” stood over a 表现 on 党务干部 training (“搭建学习交流平台……外出
    培训”): its fragment was chosen for another wording, on 支部书记履职, which denied 主要工作 and so was not
    printed. The wording printed under a user's phrase shares its words; over the samples and the bench drafts'
    phrases, at several seeds."""
    from conftest import ROOT

    shown = echoes = 0
    for sample in sorted(ROOT.glob("samples/*.yaml")):
        for seed in (None, 0, 1, 2):
            for item in draft(sample, Options(seed=seed)).plan.sections[PROBLEMS].items:
                if not item.is_user or item.detail is None or item.fragment is not None:
                    continue
                shown += 1
                wording = item.detail.texts[item.variant % len(item.detail.texts)]
                assert LIB.overlap.fit(item.lead, wording) >= 1, (sample.stem, seed, item.lead, wording)
                # nor, mostly, one opening by saying the line again (round 31: “对年轻党员的思想动态掌握不够。对支部
                # 党员的思想动态，我掌握得还不够及时”; a finding's subject, 民办学校, may open its 表现)
                echoes += _echoes_lead(item.lead, wording)
    # an open finding with the user's 差距 prints that, not a wording (session 19): fewer lines have one
    assert shown >= 20 and echoes <= 10, (shown, echoes)
    office = yaml.safe_load((ROOT / "samples" / "机关党支部书记.yaml").read_text(encoding="utf-8"))
    office["单位"]["全称"] = "怀化市财政局办公室"  # the name round 31 read it under, and so its seed
    facts = facts_from_text(yaml.safe_dump(office, allow_unicode=True, sort_keys=False))
    text = draft(facts).document.text
    assert "对年轻党员的思想动态掌握不够。" in text and "掌握不够。对支部党员的思想动态" not in text


def _without_gaps(name: str, tmp_path: Path) -> Path:
    """The sample's facts with no 差距 on its open findings (what remains is then the user's to write)."""
    from conftest import ROOT

    data = yaml.safe_load((ROOT / "samples" / f"{name}.yaml").read_text(encoding="utf-8"))
    for finding in data["上年度问题整改"]["问题"]:
        if isinstance(finding, dict):
            finding.pop("差距", None)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_finding_still_open_stands_among_the_problems_with_its_own_measure(tmp_path: Path) -> None:
    """Round 30: the school's one finding still 整改中 (“课后服务中党员教师作用发挥不够”) was missing from 存在问题
    — no 表现 of the library speaks of it — and its measure hung on the end of one headed “补上抓学校党建的专业
    本领短板”. It stands among the problems (what was done said, what remains a marker for the user, when the
    facts give no 差距), and its measure is one of its own, in its problem's place."""
    finding = "课后服务中党员教师作用发挥不够"
    facts = _without_gaps("县一中党委书记", tmp_path)
    for seed in (None, 0, 1):
        plan = draft(facts, Options(seed=seed)).plan
        problems = plan.sections[PROBLEMS].items
        at = [n for n, p in enumerate(problems) if finding in p.lead]
        assert len(at) == 1 and problems[at[0]].marker, (seed, [p.lead for p in problems])
        measures = plan.sections[MEASURES].items
        own = [n for n, m in enumerate(measures) if finding in m.text]
        assert len(own) == 1 and not any(finding in _item_words(x) for m in measures for x in m.merged), seed
        earlier = sum(1 for p in problems[: at[0]] if p.topic)  # the measures of the problems before it
        assert own[0] <= earlier + 1, (seed, own, at)


@pytest.mark.parametrize("year", YEARS)
def test_a_blank_number_never_drops_a_topic(year: int) -> None:
    full = draft(facts_for("书记述职", "机关", year)).plan
    blank_facts = facts_for("书记述职", "机关", year, blank=True)
    blank = draft(blank_facts).plan
    fresh = Selector(LIB, blank_facts)
    for role in full.main_roles:
        for topic in required_topics("书记述职", "机关", role, year):
            if not any(fresh.eligible(f) for f in LIB.fragments(role) if f.topic == topic):
                continue  # an activity (双报到) shown only by its number or a ticked 做法: not invented
            assert topic in blank.sections[role].topics or any(
                topic in blank.sections[r].topics for r in blank.main_roles
            ), (role, topic)
            assert topic in [t for r in full.main_roles for t in full.sections[r].topics]


def test_claimed_activities_only_when_ticked() -> None:
    claiming = [f for f in LIB.fragments() if f.claims]
    assert claiming, "the library tags fragments that claim activities"
    for kind, utype, year in CASES:
        facts = facts_for(kind, utype, year)
        shown = {p for p, paths in REG.practice_facts.items() if any(facts.has(x) for x in paths)}
        plan = select(LIB, facts)
        assert not [f.id for f in plan.fragments if set(f.claims) - shown], (kind, utype, year)
        plan = select(LIB, facts_for(kind, utype, year, blank=True))
        assert not [f.id for f in plan.fragments if f.claims], (kind, utype, year)
        frames = [s.intro.text for s in plan.sections.values() if s.intro]  # intros carry no claims field:
        frames += [f.texts[0] for f in (plan.opening, plan.closing) if f]  # their words decide
        for text in frames:
            said = [n for n, words in REG.practice_words.items() if any(w in text for w in words)]
            assert not said, (kind, utype, year, said, text)
    ticked = sorted({c for f in claiming for c in f.claims})
    seen = set()
    for kind, utype, year in CASES:
        plan = select(LIB, facts_for(kind, utype, year, 做法=ticked))
        seen.update(c for f in plan.fragments for c in f.claims)
        assert all(set(f.claims) <= set(ticked) for f in plan.fragments)
    assert seen, "ticked activities are used"


@pytest.mark.parametrize(
    ("kind", "utype"),
    [("书记述职", "机关"), ("党建工作总结", "学校"), ("书记述职", "街道"), ("党支部书记述职", "国企")],
)
def test_sibling_units_differ(kind: str, utype: str) -> None:
    a = draft(facts_for(kind, utype, 2024, unit="某某第一单位", person="张三"))
    b = draft(facts_for(kind, utype, 2024, unit="某某第二单位", person="李四"))
    text_a = a.document.text.replace("某某第一单位", "某某单位").replace("张三", "某某")
    text_b = b.document.text.replace("某某第二单位", "某某单位").replace("李四", "某某")
    shared = share(grams(text_a), grams(text_b))
    assert shared < 0.35, shared


def test_sibling_units_rarely_share_a_frame() -> None:
    """Openings, closings and section intros are drawn from pools, so two sibling units can meet on one by
    chance; what is held is how often, over 240 sibling pairs (six kinds × types, identical facts, only the
    name differs): at most one pair in eight shares the opening, one in ten the closing, one in five any of the
    seven section intros.  (Session 12: over the 90 pairs this test drew before, the rates read 10 % and 15 %;
    over 240 the same code gave 11.7 % openings and 17.5 % intros — the smaller sample had been lucky, and a
    change to one fragment tipped it.  The issue's aim, no shared opening or intro at all, is not met.  A
    type's own intros are drawn more often, which is what keeps drafts of different types apart.)"""
    pairs = opening = closing = intro = 0
    for kind, utype in [
        ("书记述职", "机关"),
        ("党建工作总结", "学校"),
        ("书记述职", "街道"),
        ("党支部书记述职", "国企"),
        ("书记述职", "村"),
        ("书记述职", "医院"),
    ]:
        for i in range(40):
            a = select(LIB, facts_for(kind, utype, 2024, unit=f"甲{i}单位"))
            b = select(LIB, facts_for(kind, utype, 2024, unit=f"乙{i}单位"))
            pairs += 1
            opening += a.opening == b.opening
            closing += a.closing == b.closing
            intros_a = {s.intro.text for s in a.sections.values() if s.intro}
            intros_b = {s.intro.text for s in b.sections.values() if s.intro}
            intro += bool(intros_a & intros_b)
    assert opening <= pairs // 8 and closing <= pairs // 10, (opening, closing, pairs)
    assert intro <= pairs // 5, (intro, pairs)


def test_seed_changes_topics_not_only_order() -> None:
    facts = facts_for("书记述职", "机关", 2024)
    plans = [select(LIB, facts, seed=s) for s in range(6)]
    topic_sets = {tuple(sorted(t for r in p.main_roles for t in p.sections[r].topics)) for p in plans}
    assert len(topic_sets) > 1


def test_rectification_part_with_findings_or_counts() -> None:
    findings = {
        "来源": "上年度述职评议",
        "问题": [
            {"问题": "组织生活不够规范", "整改情况": "制定清单，每季度督查", "状态": "已整改"},
            "党员教育方式单一",
        ],
    }
    result = draft(facts_for("书记述职", "机关", 2024, 上年度问题整改=findings))
    text = result.document.text
    done = REG.wordings["整改状态"]["机关.已整改"] + REG.wordings["整改状态"]["已整改"]
    woven = [w.format(做法="制定清单，每季度督查") for w in REG.wordings["整改状态并句"]["已整改"]]
    assert (
        "组织生活不够规范" in text and any(w in text for w in (*done, *woven)) and "党员教育方式单一" in text
    )
    assert "党员教育方式单一。【待补充：整改措施和成效】" in text  # a bare finding asks for what was done
    counts = draft(facts_for("书记述职", "机关", 2024, 上年度问题整改={"反馈问题数": 5, "已整改数": 4}))
    assert "5" in counts.document.text and "上年度" in counts.document.text
    # not filled in: the part stands with one marker asking for it (reviewers look for it in every report)
    none = draft(facts_for("书记述职", "机关", 2024))
    absent = none.plan.sections["上年度问题整改"]
    assert [(i.lead, i.text) for i in absent.items] == [("", "")] and absent.intro is None
    assert absent.items[0].marker in REG.words("整改未填提示")
    assert none.plan.layout.rectify_title in none.document.text


def _self_critical_text(result: Any) -> str:
    plan = result.plan
    parts: list[str] = []
    for role in (PROBLEMS, CAUSES, MEASURES):
        for item in plan.sections[role].items:
            parts.append(item.lead)
            if item.fragment is not None:
                parts.append(item.fragment.texts[item.variant % len(item.fragment.texts)])
            if item.detail is not None:
                parts.append(item.detail.texts[item.variant % len(item.detail.texts)])
    return "".join(parts)


@pytest.mark.parametrize("utype", TYPES)
@pytest.mark.parametrize("year", YEARS)
def test_branch_secretary_problems_speak_of_one_branch(utype: str, year: int) -> None:
    """A 党支部书记 has no branches under them: problems, causes and measures never judge 有的支部 or
    薄弱支部 (the kind's and the type's 避免用语), whatever the unit type and year."""
    kind = "党支部书记述职"
    avoid = Selector(LIB, facts_for(kind, utype, year)).avoided
    assert "有的支部" in avoid and ("支委会" not in avoid)  # a 社区党支部 has a 支委会
    for seed in range(4):
        text = _self_critical_text(draft(facts_for(kind, utype, year), Options(seed=seed)))
        for longer in REG.words("较长的词", utype):  # 两新组织 avoids 党组, not 党组织; 学校 职工, not 教职工
            text = text.replace(longer, "")
        assert not [w for w in avoid if w in text], (seed, [w for w in avoid if w in text])


def test_a_longer_word_is_not_an_avoided_one() -> None:
    """两新组织 avoids 党组 but writes 党组织: a wording with 党组织 is not foreign, one with 党组 is."""
    selector = Selector(LIB, facts_for("党建工作总结", "两新组织", 2024))
    assert selector._foreign(("企业党组织发挥政治引领作用",)) == 0
    assert selector._foreign(("党组理论学习中心组",)) == 1


def test_a_users_problem_gets_the_measure_that_speaks_of_it() -> None:
    """党员老龄化 in a village is answered by bringing young people into the Party (the type's own measure),
    and its 表现 is the village's own wording, not one about 离退休党员."""
    facts = facts_for("党支部书记述职", "村", 2024, 存在问题=["党员老龄化，年轻党员少"])
    for seed in range(3):
        plan = draft(facts, Options(seed=seed)).plan
        problem = plan.sections[PROBLEMS].items[0]
        assert problem.lead == "党员老龄化，年轻党员少"
        assert problem.detail is not None and "村" in problem.detail.unit_types
        answer = next(i for i in plan.sections[MEASURES].items if i.topic == problem.topic)
        assert answer.fragment is not None and "村" in answer.fragment.unit_types
        assert "年轻" in answer.fragment.texts[answer.variant % len(answer.fragment.texts)]


@pytest.mark.parametrize("kind", KINDS)
def test_causes_read_as_a_self_analysis(kind: str) -> None:
    """原因 starts from 思想认识 and keeps the layers in the order reports analyse them; as many causes as
    problems (at least three), within the kind's count: 书记述职 and 党建工作总结 four, 党支部书记述职 three —
    fewer where no printed problem names a cause of an open layer (session 22: such a cause is printed only
    as 思想认识's or to reach two), and a layer twice only where a problem names the second."""
    layers = list(REG.topics[CAUSES])
    wanted = REG.kinds[kind].section(CAUSES)
    assert wanted is not None
    for utype in ("机关", "村", "国企"):
        for seed in range(3):
            plan = draft(facts_for(kind, utype, 2024), Options(seed=seed)).plan
            topics = [i.topic for i in plan.sections[CAUSES].items]
            assert topics[0] == "思想认识", topics
            assert topics == sorted(topics, key=layers.index), topics
            problems = len(plan.sections[PROBLEMS].items)
            assert 2 <= len(topics) <= min(4, wanted.count or 3, max(3, problems)), topics
            named = {
                c for p in plan.sections[PROBLEMS].items if (f := p.fragment or p.detail) for c in f.causes
            }
            twice = [i for n, i in enumerate(plan.sections[CAUSES].items) if i.topic in topics[:n]]
            assert all(i.fragment is not None and i.fragment.id in named for i in twice), topics


def test_rectification_counts_only_ask_for_the_list() -> None:
    """Only 反馈问题数 given: a marker asks for each finding and what was done, and the tally follows it (round
    23 read “4个问题全部整改落实” before an empty list as a claim without its evidence)."""
    facts = facts_for(
        "书记述职", "社区", 2023, 上年度问题整改={"来源": "上年度述职评议", "反馈问题数": 4, "已整改数": 4}
    )
    for seed in range(4):
        part = part_text(draft(facts, Options(seed=seed)), "整改")
        marker = part.index("【待补充：逐条写明上年度指出的问题、整改措施和成效】")
        tally = re.search(r"4个(反馈)?问题|问题共4个", part)
        assert tally is not None and tally.start() > marker, part
    listed = facts_for(
        "书记述职",
        "社区",
        2023,
        上年度问题整改={
            "反馈问题数": 1,
            "已整改数": 1,
            "问题": [{"问题": "网格员队伍不稳定", "状态": "已整改"}],
        },
    )
    assert "逐条写明" not in draft(listed).document.text


@pytest.mark.parametrize("kind", KINDS)
def test_an_unfinished_finding_is_carried_into_next_years_plans(kind: str) -> None:
    """A finding of last year still 整改中 reappears in 下一步 by name, with its completion date left to fill;
    all findings fixed: no such measure."""
    open_finding = {"问题": "网格员队伍不够稳定", "整改情况": "补充了4名网格员", "状态": "整改中"}
    done = {"问题": "报到党员作用发挥不充分", "整改情况": "建立积分制", "状态": "已整改"}
    facts = facts_for(kind, "社区", 2024, 上年度问题整改={"问题": [done, open_finding]})
    result = draft(facts)
    plans = [x for i in result.plan.sections[MEASURES].items for x in (i, *i.merged)]
    carried = [i for i in plans if i.marker == "完成时限"]
    assert len(carried) == 1 and "“网格员队伍不够稳定”" in carried[0].text
    assert "报到党员作用发挥不充分" not in carried[0].text
    voice = REG.kinds[kind].voice
    assert carried[0].lead in REG.words("未完成整改小标题", "社区", voice)  # the type's own lead first
    assert "【待补充：完成时限】" in result.document.text
    closed = facts_for(kind, "社区", 2024, 上年度问题整改={"问题": [done]})
    closed_plans = draft(closed).plan.sections[MEASURES].items
    assert not [x for i in closed_plans for x in (i, *i.merged) if x.marker == "完成时限"]


def test_a_finding_still_open_is_also_this_years_problem() -> None:
    """“民办学校党建工作基础薄弱” reported 整改中 is one of this year's problems (with its 表现), once; when
    the user's own problems already speak of it, it is not added again."""
    open_finding = {"问题": "民办学校党建工作基础薄弱", "整改情况": "选派党建指导员8名", "状态": "整改中"}
    facts = facts_for("党建工作总结", "教育系统", 2024, 上年度问题整改={"问题": [open_finding]})
    problems = draft(facts).plan.sections[PROBLEMS].items
    carried = [i for i in problems if "民办学校党建工作基础薄弱" in i.lead]
    assert len(carried) == 1
    item = carried[0]
    # not headed by last year's words alone (round 19: “问题年年写”): the heading says it is not solved yet,
    # the text says who found it and that it is partly fixed, before what remains or after it (round 29) —
    # without copying the 整改情况 the 上年度问题整改 part has just printed (round 24: one thing told three times)
    assert item.lead != "民办学校党建工作基础薄弱"
    said = item.text or item.coda
    assert "上年度" in said and "整改" in said
    result = draft(facts)
    text = result.document.text
    assert text.count("选派党建指导员8名") == 1
    assert text.index("选派党建指导员8名") < text.index(result.plan.layout.problems_title)
    # its 表现 speaks of the finding's own words
    assert item.detail is not None
    assert (
        LIB.overlap.fit("民办学校党建工作基础薄弱", item.detail.texts[item.variant % len(item.detail.texts)])
        >= 3
    )
    said = facts_for(
        "党建工作总结",
        "教育系统",
        2024,
        上年度问题整改={"问题": [open_finding]},
        存在问题=["民办学校党建工作基础还比较薄弱"],
    )
    leads = [i.lead for i in draft(said).plan.sections[PROBLEMS].items]
    assert not [lead for lead in leads if "民办学校党建工作基础薄弱" in lead]
    assert "民办学校党建工作基础还比较薄弱" in leads


def test_a_carried_finding_joins_the_measure_on_its_subject() -> None:
    """“村级后备力量储备不足” still 整改中: the measure on 后备力量 ends with it (no second measure on the same
    thing); a finding no measure speaks of stays a measure of its own."""
    facts = facts_for(
        "党支部书记述职",
        "村",
        2024,
        上年度问题整改={"问题": [{"问题": "村级后备力量储备不足", "整改情况": "储备3名", "状态": "整改中"}]},
        存在问题=["村级后备力量储备不足，年轻干部少"],
    )
    result = draft(facts)
    items = result.plan.sections[MEASURES].items
    hosts = [i for i in items if any(m.marker == "完成时限" for m in i.merged)]
    assert len(hosts) == 1 and "后备" in _item_words(hosts[0])
    assert not [i for i in items if i.marker == "完成时限"]
    para = next(b.text for b in result.document.blocks if "“村级后备力量储备不足”" in b.text)
    assert para.endswith("【待补充：完成时限】。") and hosts[0].fragment.lead in para  # type: ignore[union-attr]


def test_a_findings_state_is_said_in_the_words_of_its_status() -> None:
    """After each finding of last year: a sentence of its 状态 (措辞.yaml 整改状态), or its 状态 said in what was
    done (整改状态并句), not one fixed formula — no wording twice in one draft."""
    findings = [
        {"问题": f"问题{i}", "整改情况": f"做了第{i}件事", "状态": "已整改" if i % 2 else "整改中"}
        for i in range(8)
    ]
    facts = facts_for("书记述职", "社区", 2024, 上年度问题整改={"问题": findings})
    items = draft(facts).plan.sections["上年度问题整改"].items
    states = REG.wordings["整改状态"]
    done, open_ = (states["社区.已整改"] + states["已整改"], states["社区.整改中"] + states["整改中"])
    woven = REG.wordings["整改状态并句"]
    used = []
    for i, item in enumerate(items):
        state = "已整改" if i % 2 else "整改中"
        as_woven = [w for w in woven[state] if w.format(做法=f"做了第{i}件事") == item.text]
        said = item.text.removeprefix(f"做了第{i}件事。")
        assert as_woven or said in (done if i % 2 else open_), said
        used.append(as_woven[0] if as_woven else said)
    assert len(set(used)) == len(items)  # none said twice in one draft


@pytest.mark.parametrize("utype", ["医院", "国企", "街道", "教育系统", "两新组织"])
def test_a_findings_state_is_said_first_in_the_types_own_words(utype: str) -> None:
    """Reviewers reading drafts of different unit types side by side found “整改已经完成。” after a finding in
    several of them: each type says a finding's state in its own words (措辞.yaml 整改状态 “医院.已整改”) while
    they last, so two types' drafts share no such sentence (a state said in what was done, 整改状态并句, holds
    the user's words)."""
    findings = [{"问题": f"问题{i}", "整改情况": f"做了第{i}件事", "状态": "已整改"} for i in range(3)]
    facts = facts_for("书记述职", utype, 2024, 上年度问题整改={"问题": findings})
    items = draft(facts).plan.sections["上年度问题整改"].items
    own = REG.wordings["整改状态"][f"{utype}.已整改"]
    woven = [
        w.format(做法=f"做了第{i}件事") for i in range(3) for w in REG.wordings["整改状态并句"]["已整改"]
    ]
    said = [
        item.text.removeprefix(f"做了第{i}件事。") for i, item in enumerate(items) if item.text not in woven
    ]
    assert len(set(said)) == len(said) and set(said) <= set(own)


def test_the_carried_finding_is_worded_in_more_than_one_way() -> None:
    """Units with a finding still open do not all write the same sentence about it (措辞.yaml)."""
    open_finding = {"问题": "网格员队伍不够稳定", "整改情况": "补充了4名网格员", "状态": "整改中"}
    texts = set()
    for i in range(12):
        facts = facts_for(
            "书记述职", "社区", 2024, unit=f"第{i}社区", 上年度问题整改={"问题": [open_finding]}
        )
        items = [x for i in draft(facts).plan.sections[MEASURES].items for x in (i, *i.merged)]
        texts |= {(x.lead, x.text) for x in items if x.marker}
    assert len({lead for lead, _ in texts}) >= 2 and len({t for _, t in texts}) >= 2


@pytest.mark.parametrize("utype", ["医院", "村", "国企", "街道"])
def test_achievements_are_led_in_by_the_types_own_words(utype: str) -> None:
    """The clause before the user's achievements is the unit type's own (措辞.yaml 成效引语), never a
    formula every type shares (“从成效看，”)."""
    facts = facts_for("书记述职", utype, 2024, 业务融合=["党员突击队完成重点任务12项", "群众满意度达到95%"])
    plan = draft(facts).plan
    joins = [i.join for i in plan.sections["业务融合"].items if i.tail]
    assert joins and joins[0] in REG.wordings["成效引语"][utype]


def test_results_without_the_partys_part_get_no_join_that_claims_it() -> None:
    """Round 28: “局党组统筹推进、各学校抓好落实，新增学位3200个……【待补充：……党组织和党员教师在这些工作中的具体
    做法】” — the join had settled for the unit what the marker then asks. Results that name no Party
    organisation or member are carried with a join that only ties them to the work above (措辞.yaml 成效中性引语;
    round 62: with none they read as pasted on), saying no Party word, the marker after them; results that do
    keep the type's own join."""
    party_words = REG.wordings["成效中的党建用词"]["词"]
    for utype in TYPES:
        plain = facts_for("书记述职", utype, 2024, 业务融合=["完成重点任务12项", "群众满意度达到95%"])
        host = next(i for i in draft(plain).plan.sections["业务融合"].items if i.tail)
        neutral = REG.words("成效中性引语", utype)
        assert host.marker and host.join in neutral, (utype, host.join)
        assert not any(w in host.join for w in party_words), (utype, host.join)
        party = facts_for("书记述职", utype, 2024, 业务融合=["党员突击队完成重点任务12项"])
        host = next(i for i in draft(party).plan.sections["业务融合"].items if i.tail)
        assert host.join and not host.marker, utype


def test_the_planners_words_are_data(tmp_path: Any) -> None:
    """A templates folder's 措辞.yaml changes the planner's own words without Python."""
    import shutil

    from drafter.resources import data_dir

    templates = tmp_path / "tpl"
    shutil.copytree(data_dir("templates"), templates)
    words = yaml.safe_load((templates / "措辞.yaml").read_text(encoding="utf-8"))
    words["成效引语"] = {"通用": ["测试引语甲，"]}
    (templates / "措辞.yaml").write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    facts = facts_for("书记述职", "医院", 2024, 业务融合=["党员突击队完成重点任务12项"])
    assert (
        "测试引语甲，党员突击队完成重点任务12项"
        in draft(facts, Options(templates_dir=templates)).document.text
    )


def test_a_long_part_folds_related_items() -> None:
    """Many numbers make 思想建设 long; 专题研讨 folds into 理论学习 (主题.yaml 并入): the part keeps to
    条数 + 1 items when there is something to fold, every number still appears, the topic still counts."""
    facts = facts_for(
        "书记述职",
        "机关",
        2024,
        思想建设={
            **BASE_NUMBERS["思想建设"],
            "专题研讨次数": 6,
            "意识形态研判次数": 4,
            "亮点": ["开设“青年读书会”，全年举办11期"],
        },
    )
    result = draft(facts)
    section = result.plan.sections["思想建设"]
    spec = REG.kinds["书记述职"].section("思想建设")
    assert spec is not None and spec.count
    folded = [m for i in section.items for m in i.merged]
    assert folded, [i.topic for i in section.items]
    assert {m.topic for m in folded} <= {"专题研讨", "学习形式", "理论进基层", "调查研究", "决策落实"}
    for host in section.items:
        for m in host.merged:
            topic = REG.topic("思想建设", m.topic)
            assert topic is not None and host.topic in topic.merge_into
    assert "专题研讨" in section.topics
    text = result.document.text
    for number in ("6次", "4次", "11期", "12次", "20次"):
        assert number in text, number
    assert "开设“青年读书会”，全年举办11期" in text
    left = [i.topic for i in section.items]
    for topic in left:  # what is still long has nothing left that may fold
        spec_topic = REG.topic("思想建设", topic)
        assert len(left) <= spec.count + 1 or not (spec_topic and set(spec_topic.merge_into) & set(left)), (
            left
        )
    titled = facts_for(
        "书记述职",
        "机关",
        2024,
        思想建设={**BASE_NUMBERS["思想建设"], "专题研讨次数": 6, "亮点": ["办好读书会：全年举办11期"]},
    )
    items = draft(titled).plan.sections["思想建设"].items
    assert any(i.lead == "办好读书会" for i in items)  # a line the user titled stays an item of its own


def test_an_avoided_word_around_a_longer_word_is_still_found() -> None:
    """党支部书记述职 avoids 基层党组织 (a branch has none below it): masking 党组织 for 两新组织's 党组 must not
    hide it."""
    branch = Selector(LIB, facts_for("党支部书记述职", "村", 2024))
    assert branch._foreign(("考核评价对基层党组织的激励作用",)) == 1
    assert branch._foreign(("村党组织带领群众发展产业",)) == 0


@pytest.mark.parametrize("utype", ["国企", "学校", "医院", "村"])
def test_the_types_own_self_analysis_is_drawn_often(utype: str) -> None:
    """Causes and measures written for this type of unit make up a good share across seeds (a reviewer saw
    the same general cause in every unit's draft) — drawn more often than their number alone would give
    (about one in ten of a topic's wordings), yet not always, or two units of one type share paragraphs."""
    kind = "党支部书记述职" if utype == "村" else "书记述职"
    own = total = 0
    own_causes: set[str] = set()
    for seed in range(12):
        plan = draft(facts_for(kind, utype, 2024), Options(seed=seed)).plan
        for items in (plan.sections[CAUSES].items, measures_of(plan)):
            for item in items:
                if item.fragment is not None:
                    total += 1
                    own += utype in item.fragment.unit_types
                    if utype in item.fragment.unit_types and item.fragment.role == CAUSES:
                        own_causes.add(item.fragment.id)
    # not always: a type with few wordings of its own still mixes in general ones (the sibling test checks
    # that two units of one type do not end up sharing paragraphs); 国企 at 33 of 100 since its causes, and
    # the general causes its drafts use, name measures written for them (pairs), and at 29 since a slot's
    # name ({{ 单位.党组织 }}) no longer counts as the avoided word 单位, which lets general wordings in, and
    # at 29 of 104 since every general cause's own measure gets in (a general cause names a general measure),
    # and at 25 of 101 since 国企's own 精力投入 and 重经营轻党建 causes no longer deny its own 书记履职 item
    # (“同生产经营工作一起谋划、一起检查”; 前后矛盾 统筹精力), and at 25 of 105 since its 精力分配失衡 problem
    # no longer stands under “把抓党建作为企业党委书记主业” (round 32; 前后矛盾 党建第一职责).  Session 19 gave
    # 国企, 学校, 高校 and 教育系统 eight causes each in the layers they lacked: 国企 107 of 111, 学校 109 of 111 —
    # and then “not always” is that the type's own causes vary from seed to seed (OWN_CAUSES_MIN of them)
    assert own / total >= 0.22, (own, total)
    assert own / total <= 0.9 or len(own_causes) >= OWN_CAUSES_MIN, (own, total, sorted(own_causes))


def test_a_causes_pairs_are_measures_that_speak_of_it() -> None:
    """A 原因 fragment's pairs name 下一步 fragments of the measure topic 主题.yaml gives the cause's layer,
    usable wherever the cause is (its voice, a unit type it is for, its kinds and years; a general cause's
    last pair general), each wording of the
    cause sharing CAUSE_WORDS_MIN specific words with some wording of the measure (the planner prints the one
    that speaks of it)."""
    by_id = LIB.by_id()
    overlap = LIB.overlap
    paired = [f for f in LIB.fragments(CAUSES) if f.pairs]
    assert len(paired) >= 40
    for cause in paired:
        spec = REG.topic(CAUSES, cause.topic)
        assert spec is not None
        for target in cause.pairs:
            measure = by_id.get(target)
            assert measure is not None and measure.role == MEASURES, (cause.id, target)
            assert measure.topic == spec.measure, (cause.id, target)
            assert set(cause.voice) <= set(measure.voice), (cause.id, target)
            # a general cause may name a type's own measure first (a 国企 reads of 生产一线), and a general one
            assert "通用" in measure.unit_types or set(cause.unit_types) & {*measure.unit_types, "通用"}, (
                target
            )
            assert not measure.kinds or set(cause.kinds or REG.kinds) <= set(measure.kinds), target
            assert (measure.years.first or 0) <= (cause.years.first or 0), target
            assert not measure.needs, target
            if "通用" in cause.unit_types:
                assert "通用" in by_id[cause.pairs[-1]].unit_types, cause.id
            for said in (cause.lead + t for t in cause.texts):
                fit = max(overlap.fit(said, measure.lead + t) for t in measure.texts)
                assert fit >= CAUSE_WORDS_MIN, (cause.id, target, said[:20])


def test_most_causes_are_answered_by_a_measure_that_speaks_of_them() -> None:
    """Over every kind × type × year and two seeds, a cause is answered when some measure of the draft
    shares CAUSE_WORDS_MIN of its words (round 25's reviewer marks the rest): 150 of 540 before causes named
    their measures (pairs), 395 after."""
    answered = total = 0
    overlap = LIB.overlap
    for kind, utype, year in CASES:
        for seed in (0, 1):
            plan = draft(facts_for(kind, utype, year), Options(seed=seed)).plan
            measures = [_item_words(m) for m in measures_of(plan)]
            for cause in plan.sections[CAUSES].items:
                total += 1
                said = _item_words(cause)
                answered += any(overlap.fit(said, m) >= CAUSE_WORDS_MIN for m in measures)
    assert answered / total >= 0.68, (answered, total)


def test_a_types_own_heading_families_are_drawn_more_often() -> None:
    fitting = [
        f
        for f in LIB.families
        if Selector(LIB, facts_for("书记述职", "学校", 2024)).fits(f.voice, f.unit_types, f.years, f.kinds)
    ]
    own = [f for f in fitting if "学校" in f.unit_types]
    assert own and len(own) < len(fitting)
    drawn = [draft(facts_for("书记述职", "学校", 2024, unit=f"第{i}中学")).plan.family for i in range(60)]
    share = sum(1 for f in drawn if f is not None and "学校" in f.unit_types) / len(drawn)
    assert share > 1.5 * len(own) / len(fitting), share
    assert len({f.name for f in drawn if f is not None}) >= 15  # units of one type still spread out


@pytest.mark.parametrize("utype", TYPES)
def test_a_units_summary_never_speaks_as_i(utype: str) -> None:
    """党建工作总结 is the unit's voice: no “我将……” from a wording written for a secretary (我们, 我局 and
    自我批评 are fine)."""
    from drafter.select import _FIRST_PERSON

    kinds = [k for k, spec in REG.kinds.items() if spec.voice == "单位"]
    assert kinds
    for kind in kinds:
        for year in YEARS:
            for seed in range(3):
                text = draft(facts_for(kind, utype, year), Options(seed=seed)).document.text
                found = _FIRST_PERSON.search(text)
                assert found is None, text[max(0, found.start() - 30) : found.end() + 30]


def test_a_problem_never_presumes_an_unticked_practice() -> None:
    """A village that did not tick 领办合作社 is not told its cooperative reaches too few households, in any
    part; ticking it lets such wordings in."""
    for seed in range(6):
        text = draft(facts_for("党支部书记述职", "村", 2024), Options(seed=seed)).document.text
        assert "合作社" not in text
    # the cooperative is one topic among many a village draws from: it prints at about one seed in three
    ticked = [
        draft(facts_for("党支部书记述职", "村", 2024, 做法=["领办合作社"]), Options(seed=seed)).document.text
        for seed in range(12)
    ]
    assert any("合作社" in t for t in ticked)


def test_self_criticism_does_not_deny_what_the_work_above_claims() -> None:
    """主题.yaml 前后矛盾: after “村里的重要事项先在支委会研究” a cause does not say “先定后议”; after “如实记录”
    nothing says “缺少记录”.  Across every sample and four seeds at most one such pair is left among the tool's
    own choices (a number carried into 主要工作 after the problems were planned can still meet one)."""
    from pathlib import Path

    from conftest import ROOT

    selector = Selector(LIB, facts_for("党支部书记述职", "村", 2024))
    selector._main_said = "村里的重要事项先在支委会研究、再提交党员大会讨论"
    assert selector._denies("个别事项为赶进度先定后议") == 1
    assert selector._denies("对流动党员联系不够经常") == 0
    selector._main_said = "主题党日每月开展"
    assert selector._denies("个别事项为赶进度先定后议") == 0
    pairs = REG.topics["前后矛盾"].values()
    left = 0
    for sample in sorted(Path(ROOT, "samples").glob("*.yaml")):
        for seed in range(4):
            plan = draft(sample, Options(seed=seed)).plan
            said = "".join(
                (x.fragment.texts[x.variant % len(x.fragment.texts)] if x.fragment else "")
                + x.lead
                + x.text
                + "".join(x.tail)
                for role in plan.main_roles
                if role in plan.sections
                for it in plan.sections[role].items
                for x in (it, *it.merged)
            )
            for role in (PROBLEMS, CAUSES):
                for item in plan.sections[role].items:
                    frag = item.fragment  # the 表现 of a user's own problem follows the user's words
                    if frag is None:
                        continue
                    text = frag.texts[item.variant % len(frag.texts)]
                    left += any(
                        any(d in text for d in p.denials) and any(k in said for k in p.keywords)
                        for p in pairs
                    )
    assert left <= 1, left


def test_problem_count_varies_between_units_unless_given() -> None:
    """Without 存在问题数 some units get three problems and some four; 存在问题数 fixes the count."""
    counts = {
        len(draft(facts_for("书记述职", "机关", 2024, unit=f"第{i}局")).plan.sections[PROBLEMS].items)
        for i in range(15)
    }
    assert counts == {3, 4}
    fixed = {
        len(
            draft(facts_for("书记述职", "机关", 2024, unit=f"第{i}局", 存在问题数=3))
            .plan.sections[PROBLEMS]
            .items
        )
        for i in range(8)
    }
    assert fixed == {3}


def test_every_wording_naming_a_practice_claims_it() -> None:
    """A fragment whose words name a 做法 (templates/做法.yaml 关键词) claims it, so it is used only when ticked:
    main work that says it was done, and problems that presume it exists (“小微权力清单执行不严”).  下一步 is
    exempt: a plan to start something next year is not a claim that it was done."""
    untagged = [
        (f.id, name)
        for f in LIB.fragments()
        if f.role != MEASURES
        for name, words in REG.practice_words.items()
        if name not in f.claims and any(w in f.lead + "".join(f.texts) for w in words)
    ]
    assert not untagged, untagged


@pytest.mark.parametrize("utype", ["学校", "医院", "村", "街道", "两新组织"])
def test_a_secretary_does_not_name_themself_in_the_third_person(utype: str) -> None:
    """In a 述职 the secretary says 我: a wording opening “学校党组织书记坚持……” is passed over when the
    fragment has another."""
    from drafter.select import _SECRETARY_AS_THIRD

    for kind in ("书记述职", "党支部书记述职"):
        for seed in range(4):
            plan = draft(facts_for(kind, utype, 2024), Options(seed=seed)).plan
            for section in plan.sections.values():
                for item in section.items:
                    frag = item.fragment
                    if frag is None:
                        continue
                    text = frag.texts[item.variant % len(frag.texts)]
                    others = [t for t in frag.texts if "我" in t or not _SECRETARY_AS_THIRD.search(t)]
                    if others:
                        assert "我" in text or not _SECRETARY_AS_THIRD.search(text), (frag.id, text[:30])


def test_a_single_branch_does_not_speak_of_each_branch() -> None:
    """A company's 党支部 writing its 党建工作总结 does not “推动每个支部”: words by the organisation's form."""
    facts = facts_for("党建工作总结", "两新组织", 2025)
    facts.data["单位"]["党组织"] = "公司党支部"
    selector = Selector(LIB, facts)
    assert {"每个支部", "各支部", "党委会"} <= set(selector.avoided)


def test_a_technology_company_is_not_written_as_a_factory() -> None:
    """单位类型.yaml 名称避免用语: a 两新 company named …科技… avoids 车间 and 倒班; a plant does not."""
    tech = Selector(LIB, facts_for("党建工作总结", "两新组织", 2025, unit="远航信息科技有限公司"))
    plant = Selector(LIB, facts_for("党建工作总结", "两新组织", 2025, unit="恒丰机械制造有限公司"))
    assert "车间" in tech.avoided and "倒班" in tech.avoided
    assert "车间" not in plant.avoided
    for seed in range(4):
        facts = facts_for("党建工作总结", "两新组织", 2025, unit="远航信息科技有限公司")
        text = _self_critical_text(draft(facts, Options(seed=seed)))
        assert "车间" not in text and "倒班" not in text, seed


def _promised_but_missing(section: Any, text: str) -> list[str]:
    """Topics ``text`` names (a 主题.yaml keyword of four characters or more) that no item of ``section`` is on."""
    have = set(section.topics)
    named = {
        t.name
        for t in REG.topics.get(section.role, {}).values()
        if any(len(k) >= 4 and k in text for k in t.keywords)
    }
    return sorted(named - have)


def test_an_intro_promises_only_topics_its_items_are_on() -> None:
    """A reviewer read “在发展党员上把好入口关，在党员教育上打牢基础” over five items none of which was on 党员教育
    (round 13): across kinds × types × years, a main part's intro names no topic (by a 主题.yaml keyword of
    four characters or more) that none of its items is on — before this check, 38 of 358 did."""
    broken = []
    for kind in KINDS:
        for utype in TYPES:
            for year in YEARS:
                plan = select(LIB, facts_for(kind, utype, year))
                for role in plan.main_roles:
                    section = plan.sections.get(role)
                    if section is not None and section.intro is not None:
                        missing = _promised_but_missing(section, section.intro.text)
                        if missing:
                            broken.append((kind, utype, year, role, missing))
    assert not broken, broken[:5]


def test_a_unit_summary_owns_a_shortcoming_of_its_own() -> None:
    """A reviewer: “四条问题说的都是部分党员干部、部分支部，没有一条是局党组自己的责任”. In a unit's summary at
    least one problem names the organisation itself (its 党组织 or 自称, 党组/党委/班子) wherever the library
    has one that denies nothing above: over 90 summaries, 40 did before, at least 60 now; a 述职 (first person
    throughout) is not touched."""
    from drafter.select import _OWN_BODY

    owning = 0
    for utype in TYPES:
        for year in YEARS:
            for i in range(3):
                plan = select(LIB, facts_for("党建工作总结", utype, year, unit=f"单位{i}"))
                owning += any(_OWN_BODY.search(_item_words(x)) for x in plan.sections[PROBLEMS].items)
    assert owning >= 60, owning


def test_a_problem_does_not_restate_what_the_main_work_says_was_done() -> None:
    """Round 14: “对支部工作部署多、检查少，支委之间的分工协作还不够紧密” under “支委之间有事一起商量、互相补位”.
    Shared three-character content words (function characters such as 的/对/在 left out: 对支部 and 的办法 say
    nothing done) mark a problem as the same thing said done above; across kinds × types no tool-chosen problem
    shares more than PROBLEM_CLASH_MAX of them (two more for a type's own wording, which shares its field's
    words) — before, 18 in 210 shared seven to nine."""
    from drafter.select import PROBLEM_CLASH_MAX

    assert LIB.overlap.clash("我对支部工作的办法", {"对支部", "的办法", "支部工"}) <= 1
    worst = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in (2024, 2025):
                selector = Selector(LIB, facts_for(kind, utype, year))
                plan = selector.plan()
                done = selector._achievements()
                for item in plan.sections[PROBLEMS].items:
                    if item.fragment is not None and not item.is_user:
                        text = item.fragment.texts[item.variant % len(item.fragment.texts)]
                        worst = max(worst, LIB.overlap.clash(text, done))
    assert worst <= PROBLEM_CLASH_MAX + 2, worst


def test_a_secretarys_report_does_not_speak_as_the_organisation() -> None:
    """Round 14: “社区党组织扛起意识形态工作责任”, “社区党组织在抓好党员学习的同时……” inside a secretary's own
    述职. In 主要工作 of a 述职, a wording whose subject is the organisation (and that has no “我”) is printed
    only when every wording of that fragment is so."""
    from drafter.select import _ORG_SUBJECT

    for kind in ("书记述职", "党支部书记述职"):
        for utype in TYPES:
            plan = select(LIB, facts_for(kind, utype, 2025))
            for role in plan.main_roles:
                for item in plan.sections[role].items:
                    frag = item.fragment
                    if frag is None:
                        continue
                    text = frag.texts[item.variant % len(frag.texts)]
                    if "我" not in text and _ORG_SUBJECT.match(text):
                        assert all("我" not in t and _ORG_SUBJECT.match(t) for t in frag.texts), (
                            kind,
                            frag.id,
                        )


def test_a_heading_promises_only_topics_its_items_are_on() -> None:
    """Round 15: “落实党组织领导的校长负责制，夯实办学根基” over a part with no item on 领导体制. A main heading
    names no topic (a 主题.yaml keyword of four characters or more) that none of its part's items is on:
    over kinds × types × years × two units, 32 of 716 headings did before this check."""
    broken = []
    for kind in KINDS:
        for utype in TYPES:
            for year in YEARS:
                for i in range(2):
                    plan = select(LIB, facts_for(kind, utype, year, unit=f"单位{i}"))
                    for role in plan.main_roles:
                        section = plan.sections.get(role)
                        heading = section.heading if section is not None else None
                        if heading is not None and _promised_but_missing(section, heading.text):
                            broken.append((kind, utype, year, role, heading.text))
    assert not broken, broken[:5]


def test_a_heading_naming_a_result_stands_over_items_that_bear_it_out() -> None:
    """Round 27: “党员先锋作用在村里彰显” over items on meetings and 发展党员, “振兴发展成果在村里共享” over
    items that share nothing. A main heading naming a result of 措辞.yaml 标题所许 stands only over a part whose
    items say one of its words; otherwise another family is drawn (before this check, 5 of these 18 village
    drafts took the 在村里 family, none of them with an item on 先锋 or on anything shared)."""
    table = REG.wordings["标题所许"]
    broken = []
    for kind in KINDS:
        for i in range(6):
            plan = select(LIB, facts_for(kind, "村", 2024, unit=f"竹山村{i}"))
            for role in plan.main_roles:
                section = plan.sections.get(role)
                heading = section.heading.text if section is not None and section.heading else ""
                said = (
                    "".join(
                        _item_words(x) + "".join(x.tail) for it in section.items for x in (it, *it.merged)
                    )
                    if section is not None
                    else ""
                )
                broken += [
                    (kind, i, heading)
                    for p, words in table.items()
                    if p in heading and not any(w in said for w in words)
                ]
    assert not broken, broken


def test_a_software_company_has_its_own_main_work() -> None:
    """单位类型.yaml 名称中心工作: a 两新 company named …软件… does 研发和经营, not a factory's 生产经营 —
    in the slot every fragment fills and in the words its drafts avoid; a plant keeps 生产经营."""
    from drafter.pipeline import derived_context

    soft = facts_for("党建工作总结", "两新组织", 2025, unit="博远软件科技有限公司")
    plant = facts_for("党建工作总结", "两新组织", 2025, unit="恒丰机械制造有限公司")
    assert derived_context(soft)["类型"]["中心工作"] == "研发和经营"
    assert derived_context(plant)["类型"]["中心工作"] == "生产经营"
    assert "生产经营" in Selector(LIB, soft).avoided
    for seed in range(6):
        assert "生产经营" not in draft(soft, Options(seed=seed)).document.text, seed


def test_a_bad_name_to_main_work_table_is_a_clear_error(tmp_path: Any) -> None:
    """名称中心工作 written as a list is a LibraryError naming the file and key, not a crash."""
    import shutil

    from drafter.errors import LibraryError
    from drafter.registry import load_registry
    from drafter.resources import data_dir

    folder = tmp_path / "templates"
    shutil.copytree(data_dir("templates"), folder)
    types = folder / "单位类型.yaml"
    text = types.read_text(encoding="utf-8").replace("    软件: 研发和经营\n", "    软件: [研发, 经营]\n", 1)
    types.write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        load_registry(folder)
    message = info.value.format()
    assert "名称中心工作" in message and "单位类型.yaml" in message


@pytest.mark.parametrize(
    ("utype", "finding"),
    [
        ("教育系统", "民办学校党建工作基础薄弱"),
        ("教育系统", "基层党组织书记培训覆盖面不够"),
        ("村", "村级后备力量储备不足"),
        ("学校", "课后服务中党员教师作用发挥不够"),
        ("社区", "网格员队伍不够稳定"),
    ],
)
def test_a_finding_as_problem_is_detailed_by_a_wording_on_its_subject(utype: str, finding: str) -> None:
    """A finding still 整改中 becomes a problem whose 表现 speaks of what its title names first (民办学校, not
    only 基础、薄弱 — a reviewer saw a paragraph on 党支部 under it); when no wording does, it is not made a
    problem of a bare title and a marker (round 15 read that as an empty problem): it stays in 上年度问题整改
    and 下一步."""
    open_finding = {"问题": finding, "整改情况": "已部署整改", "状态": "整改中"}
    facts = facts_for("党建工作总结", utype, 2024, 上年度问题整改={"问题": [open_finding]})
    result = draft(facts)
    subject = LIB.overlap.subject(finding)
    assert subject  # each of these titles names a subject of its own
    items = [i for i in result.plan.sections[PROBLEMS].items if i.lead == finding]
    assert finding in result.document.text  # named in 整改 and 下一步 in any case
    for item in items:
        assert item.detail is not None and item.marker != "具体表现"
        text = item.detail.texts[item.variant % len(item.detail.texts)]
        assert any(g in text for g in subject), (subject, text)


def test_a_private_school_finding_gets_its_own_paragraph() -> None:
    """教育系统 has a wording on 民办学校党建 of its own, so the finding is detailed, not left to the user."""
    open_finding = {"问题": "民办学校党建工作基础薄弱", "整改情况": "选派党建指导员8名", "状态": "整改中"}
    facts = facts_for("党建工作总结", "教育系统", 2024, 上年度问题整改={"问题": [open_finding]})
    item = next(i for i in draft(facts).plan.sections[PROBLEMS].items if open_finding["问题"] in i.lead)
    assert item.detail is not None and "民办" in item.detail.texts[item.variant % len(item.detail.texts)]


def test_a_problem_is_not_last_years_finding_reported_fixed() -> None:
    """A tool-chosen problem does not repeat a finding the 上年度问题整改 part reports as 已整改."""
    fixed = {"问题": "谈心谈话覆盖不全", "整改情况": "支委分工联系党员", "状态": "已整改"}
    facts = facts_for("党支部书记述职", "机关", 2025, 上年度问题整改={"问题": [fixed]})
    selector = Selector(LIB, facts)
    talk = [f for f in LIB.fragments(PROBLEMS) if "谈心谈话" in f.lead and selector.eligible(f)]
    assert talk and all(selector._repeats_fixed(f) for f in talk)
    for seed in range(4):
        plan = draft(facts, Options(seed=seed)).plan
        leads = [i.lead for i in plan.sections[PROBLEMS].items if not i.is_user]
        assert not [lead for lead in leads if "谈心谈话" in lead], leads


@pytest.mark.parametrize("utype", TYPES)
def test_a_field_slot_never_doubles_its_last_word(utype: str) -> None:
    """{{ 类型.领域 }} is a noun phrase (企业高质量发展, 教育事业): no draft says “高质量发展发展” or “发展稳步发展”."""
    for kind in KINDS:
        for seed in range(3):
            text = draft(facts_for(kind, utype, 2025), Options(seed=seed)).document.text
            assert not re.search(r"发展(发展|稳步发展|高质量发展)", text), kind


def test_an_achievement_without_a_figure_asks_for_it() -> None:
    """“急诊救治时间明显缩短” with no figure gets 【待补充：具体数字】; a line with its figure does not."""
    facts = facts_for(
        "书记述职",
        "医院",
        2024,
        业务融合=["建成胸痛中心，急诊救治时间明显缩短", "门诊量增长12%", "新建党员示范病区"],
    )
    text = draft(facts).document.text
    assert re.search(r"急诊救治时间明显缩短【待补充：具体数字】", text)
    assert "门诊量增长12%【待补充" not in text and "门诊量增长12%" in text
    assert "新建党员示范病区【待补充" not in text  # no claim of change: nothing to ask
    facts = facts_for("书记述职", "学校", 2024, 业务融合=["新建、改扩建中小学校，新增学位"])
    assert "新增学位【待补充：具体数字】" in draft(facts).document.text  # how many schools, how many places


def test_results_that_say_nothing_of_the_party_ask_what_it_did() -> None:
    """Every round a reviewer asks “党组织在其中具体做了什么” after a pasted result: when none of the carried
    业务融合 lines speaks of the Party side (措辞.yaml 成效中的党建用词), the item ends with a marker asking
    for it; lines that already do (党员突击队…) get none."""
    bare = facts_for("书记述职", "国企", 2024, 业务融合=["全年实现营业收入58.6亿元", "完成管网改造126公里"])
    host = next(i for i in draft(bare).plan.sections["业务融合"].items if i.tail)
    assert host.marker and host.marker in REG.words("成效待补做法", "国企")
    assert f"【待补充：{host.marker}】" in draft(bare).document.text
    party = facts_for("书记述职", "国企", 2024, 业务融合=["组建党员突击队8支，完成管网改造126公里"])
    host = next(i for i in draft(party).plan.sections["业务融合"].items if i.tail)
    assert not host.marker


def test_no_main_item_tells_again_what_an_earlier_one_says() -> None:
    """Round 14: “为居民办实事…列成清单…向居民反馈” in two items, 小微权力 matters named twice. Across kinds ×
    types × years, no two 主要工作 wordings share more than RETELL_MAX content three-character words (before
    this check 18 of about 1,900 items shared eight or more with an earlier one)."""
    from drafter.select import RETELL_MAX

    worst = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in YEARS:
                plan = select(LIB, facts_for(kind, utype, year))
                seen: list[frozenset[str]] = []
                for _, wording in _main_fragment_items(plan):
                    mine = LIB.overlap.content(wording)
                    worst = max([worst, *(len(mine & said) for said in seen)])
                    seen.append(mine)
    assert worst <= RETELL_MAX, worst


def test_self_criticism_does_not_call_few_what_the_draft_counts() -> None:
    """Round 16: “结合部门工作的研讨不多” under “全年组织专题研讨6次”. A problem or cause saying 不多/偏少/较少 of
    something a number the user gave counts (a keyword of that number's topic in the same clause) is not
    printed: across kinds × types × years, none of the chosen wordings does."""
    found = []
    for kind in KINDS:
        for utype in TYPES:
            for year in YEARS:
                selector = Selector(LIB, facts_for(kind, utype, year))
                plan = selector.plan()
                few = selector._counted_denial()
                assert few is not None
                for role in (PROBLEMS, CAUSES):
                    for item in plan.sections[role].items:
                        if item.fragment is not None and few.search(_item_words(item)):
                            found.append((kind, utype, year, item.fragment.id))
    assert not found, found[:5]
    facts = facts_for("书记述职", "机关", 2024)
    facts.data["思想建设"]["专题研讨次数"] = 6
    selector = Selector(LIB, facts)
    selector.plan()
    pattern = selector._counted_denial()
    assert (
        pattern is not None
        and pattern.search("结合部门工作的研讨不多")
        and not pattern.search("研讨不够深入")
    )


def test_the_planners_own_words_avoid_what_the_draft_avoids() -> None:
    """Round 16: “各党支部围绕中心任务带头攻坚” joined a one-branch secretary's results (措辞.yaml 成效引语 drew
    without the kind's 避免用语). Across seeds, the joins a 党支部书记述职 uses have no word it avoids."""
    joins = set()
    for seed in range(24):
        facts = facts_for(
            "党支部书记述职", "机关", 2025, 业务融合=["党员牵头完成预算公开", "报送信息被采用36篇"]
        )
        host = next(i for i in draft(facts, Options(seed=seed)).plan.sections["业务融合"].items if i.tail)
        joins.add(host.join)
    assert joins and not [j for j in joins if "各党支部" in j or "各支部" in j], joins


def test_no_two_main_headings_head_the_same_thing() -> None:
    """Reading a 社区 draft whole: “把党组织建在网格和楼栋” and “把党支部建在网格小区上” told one thing in other
    words. A 主要工作 heading sharing a four-character run with one already taken is passed over while another
    wording of its topic does not (items carrying the user's numbers may still meet: every number is written):
    34 of 513 headings did before, 5 after."""
    plans = [select(LIB, facts_for(kind, utype, 2024, blank=True)) for kind in KINDS for utype in TYPES]
    shared, total = _headings_heading_again(plans)
    assert total and shared <= total // 20, (shared, total)


def _main_fragment_items(plan: Any) -> list[tuple[Any, str]]:
    """The 主要工作 items a plan takes from the library, in order, each with the wording it prints."""
    return [
        (item, item.fragment.texts[item.variant % len(item.fragment.texts)])
        for role in plan.main_roles
        if role in plan.sections
        for item in plan.sections[role].items
        if item.fragment is not None
    ]


def _headings_heading_again(plans: list[Any]) -> tuple[int, int]:
    """Of the 主要工作 headings of ``plans``, how many share a four-character run with an earlier one of their
    draft, and how many there are; the people a heading names (措辞.yaml 标题同事不计的词: 党员教师…) are not what
    it heads (round 32)."""
    from drafter.select import HEADING_PEOPLE, _lead_runs, _mask_words

    shared = total = 0
    for plan in plans:
        runs: list[frozenset[str]] = []
        people = REG.words(HEADING_PEOPLE, plan.unit_type)
        for item, _ in _main_fragment_items(plan):
            mine = _lead_runs(_mask_words(item.fragment.lead, people))
            total += 1
            shared += any(mine & other for other in runs)
            runs.append(mine)
    return shared, total


def test_a_carried_finding_without_what_was_done_asks_for_the_progress() -> None:
    """A finding still 整改中 with no 整改情况: the problem still does not repeat last year's heading, and the
    progress made is left as a marker for the user instead of being claimed."""
    bare = {"问题": "民办学校党建工作基础薄弱", "状态": "整改中"}
    facts = facts_for("党建工作总结", "教育系统", 2024, 上年度问题整改={"问题": [bare]})
    item = next(i for i in draft(facts).plan.sections[PROBLEMS].items if "民办学校" in i.lead)
    assert item.lead != bare["问题"] and item.marker == "较上年的整改进展"
    assert "今年" not in item.text  # nothing said done that the user did not report


@pytest.mark.parametrize("utype", ["街道", "医院", "国企", "教育系统", "两新组织"])
def test_measures_follow_the_order_of_the_problems(utype: str) -> None:
    """下一步 answers the problems in their order (round 19 laid the parts side by side: “（一）对应（四）”):
    the measures that answer a problem's topic come in the order of those problems, before the others.  A
    cause's own measure of a topic a problem has (it gets in beside the problem's) comes after them all."""
    for kind in KINDS:
        for seed in range(4):
            plan = draft(facts_for(kind, utype, 2025), Options(seed=seed)).plan
            problems = [p.topic for p in plan.sections[PROBLEMS].items]
            measures = plan.sections["下一步"].items
            first = [
                m.topic in problems and m.topic not in [o.topic for o in measures[:n]]
                for n, m in enumerate(measures)
            ]
            at = [problems.index(m.topic) for m, f in zip(measures, first, strict=True) if f]
            assert at == sorted(at), (kind, seed, problems, [m.topic for m in measures])
            assert first == sorted(first, reverse=True), (kind, seed, problems, [m.topic for m in measures])


def test_the_users_own_measure_comes_first_when_it_answers_the_first_problem() -> None:
    """The user's problem comes first and their own measure answers it: that measure leads 下一步, not last
    after the tool's (round 19, 街道: the user's 深化网格党建 stood sixth, after five tool measures)."""
    facts = facts_for(
        "书记述职",
        "街道",
        2025,
        存在问题=["网格党建作用发挥不够：部分网格党支部组织力不强，党员在基层治理中作用发挥不明显"],
        下一步=["深化网格党建：推动网格党支部规范化建设，组织在职党员到社区报到、参与治理"],
    )
    for seed in range(3):
        measures = draft(facts, Options(seed=seed)).plan.sections["下一步"].items
        assert measures[0].is_user and measures[0].lead == "深化网格党建", [m.lead for m in measures]


def test_a_measure_given_for_a_cause_speaks_of_it() -> None:
    """A measure added for a cause is of the topic 主题.yaml names for it or says one of the cause's own
    words (round 19: a measure on 党员底数 given for “联系服务党员群众不够紧密” answered nothing)."""
    seen = 0
    for utype in ("街道", "医院", "国企", "机关"):
        for seed in range(6):
            plan = draft(facts_for("书记述职", utype, 2024), Options(seed=seed)).plan
            problems = {p.topic for p in plan.sections[PROBLEMS].items}
            causes = plan.sections["原因"].items
            for m in plan.sections["下一步"].items:
                if m.is_user or m.topic in problems or m.topic == "整改":
                    continue
                said = m.lead + (m.fragment.texts[m.variant % len(m.fragment.texts)] if m.fragment else "")
                ok = False
                for c in causes:
                    spec = REG.topic("原因", c.topic)
                    words = c.lead + (
                        c.fragment.texts[c.variant % len(c.fragment.texts)] if c.fragment else c.text
                    )
                    if spec is not None and (
                        spec.measure == m.topic or any(k in words and k in said for k in spec.keywords)
                    ):
                        ok = True
                assert ok, (utype, seed, m.lead, [c.lead for c in causes])
                seen += 1
    assert seen  # causes were answered at all


@pytest.mark.parametrize(
    ("org", "signed"),
    [
        ("局党组", "中共某某单位党组"),
        ("公司党支部", "中共某某单位支部委员会"),
        ("街道党工委", "中共某某单位工作委员会"),
        ("集团党委", "中共某某单位委员会"),
        ("机关党总支", "中共某某单位总支部委员会"),
        ("", "某某单位"),
    ],
)
def test_a_summary_is_signed_by_the_party_organisation(org: str, signed: str) -> None:
    """党建工作总结 is sent in the Party organisation's name (round 19: “不用企业名义”): 中共 + the unit's full
    name + the formal name of its 单位.党组织; a unit naming no such organisation signs with its name."""
    facts = facts_for("党建工作总结", "机关", 2024)
    facts.data["单位"]["党组织"] = org
    lines = draft(facts).document.text.rstrip().splitlines()
    assert lines[-2].strip() == signed, lines[-3:]
    述职 = draft(facts_for("书记述职", "机关", 2024)).document.text.rstrip().splitlines()
    assert 述职[-2].strip() == "张三"  # a 述职 is still signed by the person


def test_check_says_the_rectification_part_waits_for_the_user() -> None:
    """`check` on facts without 上年度问题整改: an info naming the marker left in the draft, and the marker's
    note points at the field that fills it (the web page puts it beside 上年度问题整改.问题)."""
    from drafter.pipeline import check

    diags = check(facts_for("书记述职", "机关", 2024))
    note = next(d for d in diags if d.code == "no-rectify")
    assert "待补充标记" in note.message and "删去" in (note.hint or "")
    asked = REG.words("整改未填提示")
    marker = next(d for d in diags if d.code == "placeholder" and any(w in d.message for w in asked))
    assert "上年度问题整改.问题" in (marker.hint or "")


def test_items_carrying_the_users_numbers_do_not_head_the_same_thing() -> None:
    """With every number given, the items added to carry them are the ones heading something new when one
    does (round 19 and a 社区 read-through: 把党组织建到网格和楼栋 beside 把党组织建在网格和楼栋, both carrying
    a grid number; 36 heading pairs in 180 drafts before, 6 after)."""
    plans = [draft(facts_for(k, t, y)).plan for k in KINDS for t in TYPES for y in (2023, 2025)]
    shared, total = _headings_heading_again(plans)
    assert total and shared <= total // 100, (shared, total)


def test_a_branch_secretary_says_no_state_of_several_branches() -> None:
    """A branch secretary runs one branch: after a finding he does not write “还需在机关各党支部进一步落实”
    (a word his 述职 avoids), though it is one of his unit type's own wordings of the state."""
    findings = [{"问题": f"问题{i}", "整改情况": f"做了第{i}件事", "状态": "整改中"} for i in range(3)]
    facts = facts_for("党支部书记述职", "机关", 2024, 上年度问题整改={"问题": findings})
    items = draft(facts).plan.sections["上年度问题整改"].items
    assert len(items) == 3 and not any("各党支部" in item.text for item in items)


def test_the_guiding_thought_is_worked_in_through_the_items() -> None:
    """年度.yaml 常用.宜写: 习近平新时代中国特色社会主义思想 (round 20: “全文没有指导思想”) is written by a
    思想建设 item's wording (another wording of the same item first) in most drafts of 2024 and 2025, the years
    whose campaign does not name it; it never chooses the opening, and a draft without it is not warned of."""
    thought = "习近平新时代中国特色社会主义思想"
    assert thought in REG.year(2025).wanted and thought not in REG.year(2025).required
    have = total = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in (2024, 2025):
                result = draft(facts_for(kind, utype, year))
                total += 1
                have += thought in result.document.text
                assert not [d for d in result.diagnostics if thought in d.message]
    assert have >= total * 2 // 3, (have, total)  # 44 of 60; most lacked it before 宜写


@pytest.mark.parametrize("kind", KINDS)
def test_the_years_campaign_carries_what_was_found_and_fixed(kind: str) -> None:
    """Round 21: the year's 学习教育 “只有一句表态，没有查摆、整改的实数”. With 学习教育查摆问题数 and
    学习教育整改问题数 given, the 年度学习教育 item says both numbers; without them nothing asks for them."""
    for utype in ("医院", "街道", "国企", "两新组织"):
        for year in (2024, 2025):
            facts = facts_for(kind, utype, year)
            facts.data["思想建设"].update({"学习教育查摆问题数": 17, "学习教育整改问题数": 15})
            result = draft(facts)
            item = next(i for i in result.plan.sections["思想建设"].items if i.topic == "年度学习教育")
            assert item.fragment is not None and "思想建设.学习教育查摆问题数" in item.fragment.needs
            assert "17个" in result.document.text and "15个" in result.document.text
            plain = draft(facts_for(kind, utype, year)).document.text
            assert "学习教育查摆问题数" not in plain and "学习教育整改问题数" not in plain


@pytest.mark.parametrize("kind", KINDS)
def test_the_years_campaign_says_what_is_left_or_that_all_were_fixed(kind: str) -> None:
    """Round 22: “已整改到位15个” of 17 found left two unexplained. Fewer fixed than found: the item says how
    many are still being fixed; all fixed, that none is left (round 25)."""
    for utype, voice_seed in (("医院", 0), ("国企", 1), ("两新组织", 2)):
        for found, fixed in ((17, 15), (9, 9)):
            facts = facts_for(kind, utype, 2025)
            facts.data["思想建设"].update({"学习教育查摆问题数": found, "学习教育整改问题数": fixed})
            result = draft(facts, Options(seed=voice_seed))
            # the campaign item (a type's own says 查出, 梳理 or 列进问题清单 as often as 查摆)
            said = next(p for p in result.document.text.splitlines() if f"{found}个" in p and "学习教育" in p)
            # one of 措辞.yaml 学习教育整改进度's wordings, drawn by the unit (rounds 68–69)
            left = REG.words("学习教育整改进度", "未完" if fixed < found else "全完")
            assert len(left) >= 3
            assert any(w.replace("{余数}", str(found - fixed)) in said for w in left), said
            if fixed == found:
                assert not any(w in said for w in ("其余", "还有", "余下", "另有")), said


def test_a_measure_added_for_a_cause_speaks_of_it() -> None:
    """Round 25: measures of a cause's topic that say nothing of what the cause says (原因：党内法规掌握不够；措施：
    为社区减负) read as 答非所问. A measure the tool adds for a cause is the one the cause names (pairs) or shares
    CAUSE_WORDS_MIN of its specific words; a cause none such answers is left without one."""
    from drafter.select import CAUSE_WORDS_MIN

    added = 0
    for kind in KINDS:
        for utype in TYPES:
            plan = draft(facts_for(kind, utype, 2024)).plan
            problems, causes = plan.sections[PROBLEMS].items, plan.sections[CAUSES].items
            for m in plan.sections[MEASURES].items[len(problems) :]:
                if m.fragment is None:
                    continue
                for_cause = [
                    c for c in causes if c.fragment is not None and m.fragment.id in c.fragment.pairs
                ]
                fits = [LIB.overlap.fit(_item_words(c), _item_words(m)) for c in causes]
                added += 1
                assert (
                    for_cause
                    or max(fits) >= CAUSE_WORDS_MIN
                    or any(LIB.overlap.fit(_item_words(p), _item_words(m)) >= 2 for p in problems)
                ), (kind, utype, m.fragment.id, fits)
    assert added >= 10


def _answers(cause: Any, measures: list[Any], said_of: Sequence[Any] = ()) -> bool:
    """A measure in ``measures`` answers ``cause``: the cause names it (pairs), or it shares CAUSE_WORDS_MIN of
    the cause's specific words — and, of a measure speaking of another item of ``said_of`` (the draft's
    problems and causes), at least half as many as it shares with the one it speaks of most (round 30: a
    measure written for “专业本领有短板”, 26 words in common, stood as the only answer to “工作作风还不够扎实”
    for four)."""
    pairs = set(cause.fragment.pairs) if cause.fragment is not None else set()
    if any(m.fragment is not None and m.fragment.id in pairs for m in measures):
        return True
    for m in measures:
        fit = LIB.overlap.fit(_item_words(cause), _item_words(m))
        others = [LIB.overlap.fit(_item_words(o), _item_words(m)) for o in said_of if o is not cause]
        if fit >= CAUSE_WORDS_MIN and 2 * fit >= max(others, default=0):
            return True
    return False


def test_every_cause_has_a_measure_that_answers_it() -> None:
    """Round 27: “原因二：群众工作本领不够 — 无 — 缺措施”, “原因三 关心激励不够制度化 — 缺措施” — a cause no
    measure answers in four drafts of five (about 145 of 540 causes over the bench's drafts).  Every cause of
    every draft has its measure now, within MEASURES_MAX: the causes chosen are ones 下一步 can answer, and a
    cause's own measure is not kept out because its topic is already in 下一步; and there are no more causes
    than 下一步 has room to answer (round 28: a 学院 summary with four problems, four causes and three of them
    unanswered was sent back).  The samples too, at seven seeds each: 48 of 243 causes unanswered before the
    room was counted, 8 of 212 after.  The room is counted in printed measures, a cause's measure folded into
    a problem's taking none."""
    unanswered = []
    for kind in KINDS:
        for utype in TYPES:
            for year, seed in ((2024, 0), (2025, 1)):
                plan = draft(facts_for(kind, utype, year), Options(seed=seed)).plan
                measures = measures_of(plan)
                # printed measures within MEASURES_MAX; a cause's measure folded into a problem's is no item of
                # its own (since session 18 four problems may have three causes)
                assert len(plan.sections[MEASURES].items) <= MEASURES_MAX, (kind, utype, year)
                said_of = (*plan.sections[PROBLEMS].items, *plan.sections[CAUSES].items)
                unanswered += [
                    (kind, utype, year, c.fragment.id if c.fragment else c.lead)
                    for c in plan.sections[CAUSES].items
                    if not _answers(c, measures, said_of)
                ]
    assert not unanswered, unanswered
    from conftest import ROOT

    left = total = 0
    for sample in sorted(ROOT.glob("samples/*.yaml")):
        for seed in (None, *range(6)):
            plan = draft(sample, Options(seed=seed)).plan
            measures = measures_of(plan)
            assert len(plan.sections[MEASURES].items) <= MEASURES_MAX, (sample.stem, seed)
            problems, causes = plan.sections[PROBLEMS].items, plan.sections[CAUSES].items
            assert len(measures) <= len(problems) + len(causes) + 1, (sample.stem, seed)  # + a user's own
            total += len(plan.sections[CAUSES].items)
            said_of = (*plan.sections[PROBLEMS].items, *plan.sections[CAUSES].items)
            left += sum(not _answers(c, measures, said_of) for c in plan.sections[CAUSES].items)
    assert total >= 150 and left <= 4, (left, total)


def test_a_cause_whose_measures_are_excluded_gives_way() -> None:
    """Of the causes of one layer, the planner takes one 下一步 can answer: when the measures a chosen cause
    names (pairs) are excluded (不用), another cause of the same layer stands in its place — not the same cause
    left without a measure."""
    swapped = 0
    for kind in KINDS:
        for utype in TYPES:
            plan = draft(facts_for(kind, utype, 2024)).plan
            ids = {m.fragment.id for m in measures_of(plan) if m.fragment is not None}
            cause = next(
                (
                    c
                    for c in plan.sections[CAUSES].items
                    if c.fragment is not None and ids & set(c.fragment.pairs)
                ),
                None,
            )
            if cause is None or cause.fragment is None:
                continue
            again = draft(facts_for(kind, utype, 2024, 不用=list(cause.fragment.pairs))).plan
            causes = again.sections[CAUSES].items
            assert cause.fragment.id not in {c.fragment.id for c in causes if c.fragment}, (kind, utype)
            if cause.topic not in {c.topic for c in causes}:  # the layer stays, unless none of it can:
                # every other cause of the layer denies the work above or has no measure left (session 13:
                # the any-wording rule and rounds 43–44's pairs left the 学校 述职 none on 思想认识)
                sel = Selector(LIB, facts_for(kind, utype, 2024, 不用=list(cause.fragment.pairs)))
                sel.plan()
                layer = [f for f in sel._usable_of_topic(CAUSES, cause.topic) if f.id != cause.fragment.id]
                assert all(sel._contradicting(f) or sel._unanswerable(f) for f in layer), (kind, utype)
                continue
            swapped += 1
    assert swapped >= 20


def test_a_causes_own_measure_gets_in_beside_one_of_its_topic() -> None:
    """Round 27: a cause's own measure (pairs) waited behind another measure of the same topic, and the cause
    was left unanswered.  A measure written for the cause is not a second one on that topic to a reader: it
    gets in — unless it says again what a measure already there says (headings sharing a run of five
    characters, or more than CLASH_MAX content three-character words)."""
    from drafter.select import _lead_runs

    beside = 0
    for kind in KINDS:
        for utype in TYPES:
            for year in YEARS:
                plan = draft(facts_for(kind, utype, year)).plan
                measures = measures_of(plan)
                pairs = {p for c in plan.sections[CAUSES].items if c.fragment for p in c.fragment.pairs}
                for m in measures:
                    others = [o for o in measures if o is not m]
                    if m.fragment is None or m.fragment.id not in pairs:
                        continue
                    if not any(o.topic == m.topic for o in others):
                        continue
                    beside += 1
                    for o in others:
                        said = LIB.overlap.content(_item_words(m)) & LIB.overlap.content(_item_words(o))
                        assert len(_lead_runs(m.lead) & _lead_runs(o.lead)) <= 1, (m.lead, o.lead)
                        assert len(said) <= CLASH_MAX, (m.fragment.id, sorted(said))
    assert beside >= 20


def test_an_intro_delivers_the_work_it_names() -> None:
    """Round 24: intros promised 关心关爱党员, 纠治文山会海、过度留痕 and 驻区单位、社会组织 over items saying none of it.
    An intro naming a phrase of 措辞.yaml 引语所许 stands only over items that say one of its words."""
    from pathlib import Path

    from conftest import ROOT

    from drafter.select import _SLOT_RE, INTRO_PROMISES

    table = REG.wordings[INTRO_PROMISES]
    roles = ("思想建设", "组织建设", "党风廉政", "业务融合", PROBLEMS, CAUSES, MEASURES)
    intros = [v.text for role in roles for v in LIB.intros(role)]
    # every entry is about a wording the library has (round 32: the self-criticism's intros too)
    for phrase in table:
        assert any(phrase in t for t in intros), phrase
    plans = [draft(Path(ROOT, "samples", "街道党工委书记.yaml"), Options(seed=s)).plan for s in range(6)]
    plans += [draft(facts_for(k, t, 2025), Options(seed=1)).plan for k in KINDS for t in TYPES]
    checked = 0
    for plan in plans:
        for role in plan.main_roles:
            section = plan.sections.get(role)
            if section is None or section.intro is None:
                continue
            said = "".join(_item_words(x) + "".join(x.tail) for it in section.items for x in (it, *it.merged))
            intro = _SLOT_RE.sub("", section.intro.text)
            for phrase, words in table.items():
                if phrase in intro:
                    checked += 1
                    assert any(w in said for w in words), (role, phrase, intro)
    assert checked >= 1


def test_round_27_intros_name_a_promise_the_items_must_keep() -> None:
    """Round 27: intros promised 支部书记的选拔培养, 红脸出汗, 定期会商, 抓宣讲, 隶属关系 and 党建项目
    over items saying none of it. Each now names a phrase of 措辞.yaml 引语所许, so the test above holds it to its
    items (and a section whose intros all promise more than its items say goes without one)."""
    from drafter.select import INTRO_PROMISES

    table = REG.wordings[INTRO_PROMISES]
    intros = [v.text for role in ("思想建设", "组织建设", "党风廉政", "业务融合") for v in LIB.intros(role)]
    for words in (
        "支部书记的选拔培养",
        "红脸出汗成为常态",
        "定期会商",
        "抓宣讲",
        "隶属关系",
        "党建项目",
    ):
        said = [t for t in intros if words in t]
        assert said, words
        assert all(any(phrase in t for phrase in table) for t in said), words


def test_few_items_open_with_a_maxim() -> None:
    """Round 24: “研判是做好意识形态工作的前提。”“组织生活是党员教育管理的重要载体。” — items opening with a maxim of
    their own sentence read as a template's when a draft has several; a second is taken only when no other wording
    is left (before: 31 of 180 drafts had two or three)."""
    from drafter.select import _MAXIM_OPENING

    counts = []
    for kind in KINDS:
        for utype in TYPES:
            for seed in (0, 1):
                plan = draft(facts_for(kind, utype, 2024), Options(seed=seed)).plan
                counts.append(
                    sum(
                        _MAXIM_OPENING.match(wording) is not None for _, wording in _main_fragment_items(plan)
                    )
                )
    assert max(counts) <= 2, counts
    assert sum(c == 2 for c in counts) <= len(counts) // 8, counts


def test_the_units_own_party_organisation_is_called_by_its_name() -> None:
    """Round 24: a 学校党委 secretary's report said “学校党组织” seven times beside “学校党委”. With 单位.党组织 given,
    the type's generic name for it in the fragments (措辞.yaml 本单位党组织泛称) prints as that name; another
    organisation's (各学校党组织) and the user's own words (来源: 上年度村党组织书记述职评议) stay."""
    from pathlib import Path

    from conftest import ROOT

    from drafter.pipeline import OWN_ORG_SLOT, _generic_org_pattern

    pattern = _generic_org_pattern(("学校党组织",))
    assert pattern.sub(OWN_ORG_SLOT, "各学校党组织和学校党组织书记") == "各学校党组织和{{ 单位.党组织 }}书记"
    for sample, generic, own in (
        ("县一中党委书记", "学校党组织", "学校党委"),
        ("某村党支部书记", "村党组织", "村党支部"),
        ("某社区党委书记", "社区党组织", "社区党委"),
    ):
        for seed in range(3):
            text = draft(Path(ROOT, "samples", f"{sample}.yaml"), Options(seed=seed)).document.text
            # the user's own words stay, and a marker asks the user in the type's own words
            said = text.replace(f"各{generic}", "").replace("村党组织书记述职评议", "")
            said = re.sub(r"【待补充：.*?】", "", said)
            assert generic not in said, (sample, seed)
            assert own in text


def test_a_carried_findings_source_is_not_dated_twice() -> None:
    """Round 24: “这个问题上年度市委第二巡察组巡察和上年度述职评议就已指出” — the source as the user wrote it already
    says 上年度; the carried problem does not put another before it."""
    from pathlib import Path

    from conftest import ROOT

    carried = 0
    for seed in range(4):
        result = draft(Path(ROOT, "samples", "市发改委党组书记.yaml"), Options(seed=seed))
        assert "上年度市委第二巡察组" not in result.document.text, seed
        problems = part_text(result, "问题")
        carried += "市委第二巡察组巡察和上年度述职评议" in problems
    assert carried >= 2


@pytest.mark.parametrize("year", YEARS)
def test_party_lecture_item_differs_across_unit_types(year: int) -> None:
    """Round 24: “带头讲好专题党课。我认真落实书记讲党课制度……结合X实际……” word for word in a school's, a
    village's, a 发改委's and a hospital's 述职 (a general wording swapped in for the 宜写 提法).  Drafts of these
    types made with one seed no longer meet on the 讲党课 item once digits are left out."""
    for seed in (0, 1):
        seen: dict[str, str] = {}
        for utype in ("学校", "村", "机关", "医院"):
            result = draft(facts_for("书记述职", utype, year), Options(seed=seed))
            for section in result.plan.sections.values():
                for item in section.items:
                    if item.fragment is not None and item.fragment.topic == "讲党课":
                        text = re.sub(
                            r"\d+", "N", item.fragment.texts[item.variant % len(item.fragment.texts)]
                        )
                        assert text not in seen, (seed, utype, seen.get(text), text)
                        seen[text] = utype


def test_the_effort_problem_is_answered_with_time_set_aside() -> None:
    """Round 24: 抓党建的精力投入还需平衡 was answered by “压紧压实管党治党责任链条…”, a measure that says nothing of
    how the secretary's time is shared. The problem's first answer now sets time aside for Party work."""
    from pathlib import Path

    from conftest import ROOT

    for seed in range(4):
        plan = draft(Path(ROOT, "samples", "市发改委党组书记.yaml"), Options(seed=seed)).plan
        first = plan.sections[MEASURES].items[0]
        assert first.fragment is not None and first.fragment.id == "xb-s7-effort-time", seed


def test_no_measure_promises_what_the_work_above_reports_done() -> None:
    """Round 26: “每月至少召开一次支委会” after a year of monthly 支委会 — “这些去年不是已经做了吗？” A measure whose
    wording shares DONE_FIT specific words with one 主要工作 item gives way to another (seven such measures in
    these 60 drafts before)."""
    from drafter.select import DONE_FIT

    found = []
    for kind in KINDS:
        for utype in TYPES:
            for year in (2024, 2025):
                plan = draft(facts_for(kind, utype, year), Options(seed=1)).plan
                done = [
                    _item_words(x)
                    for role in plan.main_roles
                    if role in plan.sections
                    for it in plan.sections[role].items
                    for x in (it, *it.merged)
                ]
                for m in plan.sections[MEASURES].items:
                    if m.fragment is None:
                        continue
                    said = m.fragment.texts[m.variant % len(m.fragment.texts)]
                    if any(LIB.overlap.fit(said, d) >= DONE_FIT for d in done):
                        found.append((kind, utype, year, m.fragment.id))
    assert not found, found


# two 和 within six characters join three items (“推动党建和基层治理和为民服务齐头并进”); 亲和力 is one word
_THREE_WITH_HE = re.compile(r"和[^，。；：、“”（）\s和]{1,6}和")


def test_no_draft_joins_three_items_with_he_twice() -> None:
    """Round 27: closings read “推动基层治理和为民服务和党的建设互促共进”, “让党建和研发和经营融为一体” — a
    中心工作 holding 和 joined to 党建 with 和.  Over every kind × type × year and two seeds, and the samples, no
    draft writes “X和Y和Z”."""
    from conftest import ROOT

    texts = [
        draft(facts_for(kind, utype, year), Options(seed=seed)).document.text
        for kind, utype, year in CASES
        for seed in (0, 1)
    ]
    texts += [draft(p).document.text for p in sorted((ROOT / "samples").glob("*.yaml"))]
    found = [m.group() for text in texts for m in _THREE_WITH_HE.finditer(text.replace("亲和力", "亲＊力"))]
    assert not found


def test_a_village_draft_says_no_eight_hours() -> None:
    """Round 27 (村): “我对党员干部八小时以外的情况了解不够” — a village cadre has no office hours; a village draft
    takes another wording of the fragment (单位类型.yaml 避免用语)."""
    facts = facts_for("党支部书记述职", "村", 2024)
    selector = Selector(LIB, facts)
    eight = [
        f
        for role in (PROBLEMS, CAUSES, MEASURES)
        for f in LIB.fragments(role)
        if selector.eligible(f)
        and any("八小时" in t for t in f.texts)
        and not all("八小时" in t for t in f.texts)
    ]
    assert eight
    for seed in range(8):
        selector = Selector(LIB, facts, seed=seed)
        assert not [f.id for f in eight if "八小时" in f.texts[selector._variant(f)]], seed
    for year in YEARS:
        for seed in range(4):
            assert (
                "八小时"
                not in draft(facts_for("党支部书记述职", "村", year), Options(seed=seed)).document.text
            )


def test_a_report_of_duty_closes_asking_for_appraisal() -> None:
    """Round 28: a 社区 述职 closed on “……实现新突破。” with no “以上报告，请予评议” — the line every 述职 ends
    with before the listeners appraise it. The report templates add it when the chosen closing does not ask."""
    for kind in ("书记述职", "党支部书记述职"):
        for utype in TYPES:
            for seed in (0, 1):
                document = draft(facts_for(kind, utype, 2024), Options(seed=seed)).document
                kinds = [b.kind for b in document.blocks]
                closing = document.blocks[kinds.index("signature") - 1].text  # the paragraph before the name
                # 审议 and 提宝贵意见 ask too (session 11: a closing ending “请予审议。” got a second request)
                assert any(w in closing for w in ("评议", "审议", "指正", "意见")), (
                    kind,
                    utype,
                    seed,
                    closing,
                )


def test_a_closing_ending_in_a_formula_gets_no_second_one() -> None:
    """Round 30: a school 述职 closed “……办好人民满意的教育。特此报告。以上述职，请予评议。” — two endings one
    after the other. A closing that ends “特此报告。” ends asking for appraisal instead, once."""
    text = draft(facts_for("书记述职", "学校", 2025, 选用=["jw-frame-p-school"])).document.text
    assert "办好人民满意的教育。以上述职，请予评议。" in text
    assert "特此报告" not in text


def test_an_office_branch_secretary_speaks_of_one_branch_only() -> None:
    """Round 28: the 财政局办公室 branch secretary's draft asked for “机关党组织和党员干部在这些工作中的具体做法”, said
    its 整改 was “在机关各部门落实”, and took an item on “明确责任领导、承办部门……挂图作战” — a 局党组's work. Her
    draft says none of it at any seed; her own problem “支部学习形式比较单一” is answered by new forms of study."""
    from conftest import ROOT

    # round 31: a leader's problem (“对机关党支部的活动方式指导不够”) and cause (“交给分管同志和党务部门……压力传导”)
    words = (
        "机关党组织",
        "机关各部门",
        "责任领导",
        "承办部门",
        "挂图作战",
        "分管同志",
        "党务部门",
        "机关党支部的",
    )
    for seed in (None, *range(6)):
        result = draft(ROOT / "samples" / "机关党支部书记.yaml", Options(seed=seed))
        text = result.document.text
        assert not [w for w in words if w in text], (seed, [w for w in words if w in text])
        first = result.plan.sections[MEASURES].items[0]
        assert any(w in _item_words(first) for w in ("案例教学", "专题辅导", "线上学习")), (seed, first.lead)


def test_a_carried_finding_is_shown_by_a_paragraph_about_it(tmp_path: Path) -> None:
    """Round 28: “（二）党建工作与生产经营结合不够紧密的短板还没有补齐。……企业理论学习中，我在推动学习与生产经营
    结合上办法还不够多……” — a 表现 on 理论学习 stood under the finding because it named 生产经营.  The 表现 of a
    finding carried into this year's problems is of its topic or headed by one of its words."""

    finding = "党建工作与生产经营结合不够紧密"
    seen = 0
    facts = _without_gaps("集团公司党委书记", tmp_path)  # with its 差距, the user's words stand in its place
    for seed in (None, *range(8)):
        plan = draft(facts, Options(seed=seed)).plan
        for item in plan.sections[PROBLEMS].items:
            if finding in item.lead and item.detail is not None:
                seen += 1
                about = item.detail.topic_key == item.topic or LIB.overlap.fit(finding, item.detail.lead) >= 1
                assert about and "理论学习" not in item.detail.texts[item.variant], (seed, item.detail.id)
    # the pairs of rounds 50–53 deny most 表现 this sample's claims would sit under: the finding prints with a
    # 【待补充：具体表现】 marker at most seeds now (4 of 9 before them, 1 after)
    assert seen >= 1


def test_few_measures_answer_nothing_the_draft_confesses() -> None:
    """Round 29: a company summary's first measure “给支部工作定更高的目标……克服守成心态” answered no problem or
    cause of the draft (it was the measure of its problem's topic, in a wording for another cause), and its
    problem “分散学习的互动和深度还不够” was left without one.  The measure for a problem's topic is one that speaks
    of what the problem says, in that wording, when the topic has one: over the samples at seven seeds, measures
    neither paired with nor sharing two specific words with any problem or cause, 10 of 415 before, 6 after."""
    from conftest import ROOT

    orphans = total = 0
    for sample in sorted(ROOT.glob("samples/*.yaml")):
        for seed in (None, *range(6)):
            plan = draft(sample, Options(seed=seed)).plan
            confessed = [*plan.sections[PROBLEMS].items, *plan.sections[CAUSES].items]
            # what each says as printed: a user's line with the 表现 printed under it
            said = [
                _item_words(x) + (x.detail.texts[x.variant % len(x.detail.texts)] if x.detail else "")
                for x in confessed
            ]
            named = {t for x in confessed if x.fragment for t in x.fragment.pairs}
            for m in measures_of(plan):
                if m.topic == "整改" or m.is_user:
                    continue
                total += 1
                spoken = max(LIB.overlap.fit(s, _item_words(m)) for s in said)
                orphans += (m.fragment is None or m.fragment.id not in named) and spoken < 2
    assert total >= 350 and orphans <= 6, (orphans, total)
