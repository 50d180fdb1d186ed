"""Session 18: a cause's measure joins the measure of the problem that names the cause first, whatever words the
two take, printed in the wording that says least of what its host says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_measures_fold import FACTS, PLANS

from drafter.facts import load_facts
from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.select import DEFAULT_PROBLEMS, MEASURES, MEASURES_MAX, PROBLEMS, Selector, _item_words

LIB = load_library()
SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.yaml"))
SAMPLE_PLANS: list[tuple[Any, Any]] = [
    (load_facts(s), draft(load_facts(s), Options(seed=seed)).plan) for s in SAMPLES for seed in (None, 0, 1)
]


def _sample(stem: str) -> Path:
    return next(s for s in SAMPLES if s.stem == stem)


def test_a_measure_for_the_cause_its_problem_names_first_joins_that_problems_measure() -> None:
    """The 集团 sample printed “（一）帮基础弱的支部赶上来” and, three items on, “（四）给后进支部定出赶上来的时间表”
    — the measure for its cause “对后进支部存有慢慢来的想法”, which the problem “基层党组织作用发挥不平衡” names
    first.  No word of what they do in common, yet one subject: such a measure now reads on in its problem's
    measure's paragraph.  Over the samples, folds of this kind are made where the words alone would make none."""
    wordless = named = 0
    for facts, plan in SAMPLE_PLANS:
        sel = Selector(LIB, facts)
        for host in plan.sections[MEASURES].items:
            problem = next((p for p in plan.sections[PROBLEMS].items if p.topic == host.topic), None)
            for m in host.merged:
                if problem is None or not m.for_cause or sel._named_causes(problem)[:1] != (m.answers,):
                    continue
                named += 1
                wordless += not sel._fold_words(_item_words(m)) & sel._fold_words(_item_words(host))
    assert named >= 10 and wordless >= 3, (named, wordless)


def test_no_measure_stands_apart_from_the_measure_of_the_problem_naming_its_cause_first() -> None:
    """Over sixty outline drafts and the samples: a cause's measure printed as an item of its own never has,
    beside it, a free measure of a problem that names that cause first (one the fold could have joined: not a
    carried finding's, hosting nothing yet, in a part longer than DEFAULT_PROBLEMS)."""
    checked = folded = 0
    for facts, plan in [*zip(FACTS, PLANS, strict=True), *SAMPLE_PLANS]:
        sel = Selector(LIB, facts)
        items = plan.sections[MEASURES].items
        if len(items) <= DEFAULT_PROBLEMS:
            continue
        firsts = {
            sel._named_causes(p)[0]
            for p in plan.sections[PROBLEMS].items
            if p.topic and not p.bare_finding and sel._named_causes(p)
        }
        folded += sum(1 for m in items for x in m.merged if x.answers in firsts)
        for m in items:
            if not m.answers:
                continue
            for p in plan.sections[PROBLEMS].items:
                named = sel._named_causes(p)
                if not p.topic or p.bare_finding or not named or named[0] != m.answers:
                    continue
                checked += 1
                free = [h for h in items if h is not m and h.topic == p.topic and h.fragment is not None]
                assert not any(not h.merged and not h.answers for h in free), (m.lead, p.lead)
    # the rule has cases to read: measures of causes named first, folded into their problem's (since session
    # 20's data every such measure in these drafts is folded, none stands apart to be checked above)
    assert folded >= 10, (folded, checked)


def test_a_folded_measure_says_least_of_what_its_host_says() -> None:
    """The measure of a cause its problem names first, read on in that problem's measure's paragraph, is printed
    in a wording that shares fewest words with the host, within one, of those it may print (县一中: the usual
    wording said 课程思政, 思政课, 教研组 again after “推动课程思政各学科全覆盖”, eight words in all; the one printed
    shares five).
    Read from the selector that made the plan: which wordings promise what 主要工作 reports done depends on it."""
    overlap = LIB.overlap
    folds = said_less = 0
    for facts in [*FACTS[::3], *(load_facts(s) for s in SAMPLES)]:
        sel = Selector(LIB, facts, seed=0)
        plan = sel.plan()
        for host in plan.sections[MEASURES].items:
            problems = [p for p in plan.sections[PROBLEMS].items if p.topic == host.topic]
            for m in host.merged:
                if m.fragment is None or not any(sel._named_causes(p)[:1] == (m.answers,) for p in problems):
                    continue
                folds += 1
                hosted = overlap.content(_item_words(host))
                shares = {
                    n: len(hosted & overlap.content(m.fragment.lead + t))
                    for n, t in enumerate(m.fragment.texts)
                    if t in sel._printable(m.fragment)
                    and not (sel._done_already(t) or sel._clause_repeats(t))
                }
                assert shares[m.variant] <= min(shares.values()) + 1, (host.lead, m.lead, shares)
                # the wording drawn by the unit alone would have said more of its host, somewhere (the control)
                usual = sel._variant(m.fragment)
                said_less += usual in shares and shares[usual] > shares[m.variant] + 1
    assert folds >= 15, folds
    # 县一中 at session 18: the usual wording said 课程思政, 思政课, 教研组 again (eight words), the printed five
    assert said_less >= 1, said_less


def test_a_main_heading_the_users_problem_denies_is_said_another_way() -> None:
    """The 村 sample wrote “党员老龄化，年轻党员少” and printed “四是为党员队伍补充年轻血液” above it: the item
    stays (it carries 发展党员数 and 入党积极分子数) under another heading of 措辞.yaml 小标题另说, and with that claim
    gone the problem is told by a 表现 on the ageing of the branch, not by one on managing members in general."""
    facts = load_facts(_sample("某村党支部书记"))
    result = draft(facts, Options(seed=None))
    text = "".join(s.text for b in result.document.blocks for s in b.spans)
    assert "补充年轻血液" not in text
    assert "发展党员1名" in text and "入党积极分子2名" in text
    problem = next(p for p in result.plan.sections[PROBLEMS].items if p.is_user and "老龄化" in p.lead)
    assert problem.detail is not None and problem.detail.id == "wt-village-members"
    # control: without the user's problem the usual heading prints
    data = dict(facts.data)
    data["存在问题"] = []
    plain = draft(
        type(facts)(data=data, path=facts.path, encoding=facts.encoding, lines=facts.lines),
        Options(seed=None),
    )
    assert "补充年轻血液" in "".join(s.text for b in plain.document.blocks for s in b.spans)


def test_a_causes_lead_in_does_not_claim_what_the_causes_below_it_deny() -> None:
    """The 村 drafted at seed 1 led its causes in with “我没有把问题推给村里条件差、党员年纪大这些客观因素” and then
    gave the cause “我把党员年龄偏大看成农村普遍存在、一时难改的情况” (主题.yaml 前后矛盾 十八-不推客观): a lead-in its
    own items deny is swapped for another.  Read on the 村's planner with that cause under that lead-in, and
    over the samples' drafts (no lead-in saying 没有把问题推给 over a cause the pair denies)."""
    from drafter.library import Variant
    from drafter.select import CAUSES, Item, SectionPlan

    sel = Selector(LIB, load_facts(_sample("某村党支部书记")), seed=1)
    sel.plan()
    lead_in = "我没有把问题推给村里条件差、党员年纪大这些客观因素，而是从自身查找，原因主要是："
    aging = LIB.by_id()["yy-village-s17-aging"]
    wording = next(n for n, t in enumerate(aging.texts) if "看成农村普遍存在" in t)
    assert sel._denied_below(lead_in, aging.texts[wording])
    assert not sel._denied_below("深入查找原因，我作为支部书记在以下方面做得还不够：", aging.texts[wording])
    item = Item(aging.lead, "", aging, wording)
    section = SectionPlan(CAUSES, intro=Variant(lead_in, ("个人",), ("村",)), items=[item])
    swapped = sel._intro_for_items(section)
    assert swapped is None or "推给" not in swapped.text
    section.items = [Item(f.lead, "", f) for f in LIB.fragments(CAUSES) if f.id == "yy-village-s16-patience"]
    # a cause that does not deny it keeps it — in a 村 whose user did not write “党员老龄化” among its own problems
    # (round 69: that line is the objective condition the lead-in says is not blamed; 十八-不推客观 denies it)
    facts = load_facts(_sample("某村党支部书记"))
    plain = type(facts)(
        data={**facts.data, "存在问题": []}, path=facts.path, encoding=facts.encoding, lines=facts.lines
    )
    other = Selector(LIB, plain, seed=1)
    other.plan()
    assert other._intro_for_items(section) is section.intro
    assert sel._intro_for_items(section) is not section.intro  # the sample's own line says 党员老龄化
    for s in SAMPLES:
        for seed in (None, 0, 1, 2):
            result = draft(load_facts(s), Options(seed=seed))
            causes = result.plan.sections.get(CAUSES)
            intro = causes.intro.text if causes is not None and causes.intro else ""
            body = "".join(
                x.text for b in result.document.blocks if b.section.startswith("存在") for x in b.spans
            )
            assert not ("没有把问题推给" in intro and ("普遍存在" in body or "客观原因上" in body)), (
                s.stem,
                seed,
            )


def test_a_branch_secretary_does_not_squat_at_the_front_line() -> None:
    """A 党支部书记述职 avoids 蹲点 (kind.yaml 避免用语): the 财政局办公室 branch's measure for its cause on 摸实情
    was “每个季度安排一次为期两天的蹲点” — a leader's practice over units below him, not a branch secretary's."""
    for seed in (None, 0, 1, 2):
        for stem in ("机关党支部书记", "某村党支部书记", "某科技公司党支部"):
            result = draft(load_facts(_sample(stem)), Options(seed=seed))
            assert "蹲点" not in "".join(s.text for b in result.document.blocks for s in b.spans), (
                stem,
                seed,
            )


def test_four_problems_get_three_causes_when_their_measures_fold() -> None:
    """With four problems a draft used to print two causes (下一步 had room for one measure per problem and two
    more), and round 61 read three of a 街道's four problems as explained by none.  A cause's measure mostly joins
    the measure of the problem naming it, so the room is counted after the fold: most such drafts now print three
    causes, 下一步 stays within MEASURES_MAX, and every printed cause keeps a measure of its own."""
    three = drafts = 0
    for stem in [s.stem for s in SAMPLES]:
        facts = load_facts(_sample(stem))
        facts = type(facts)(
            data={**facts.data, "存在问题数": 4}, path=facts.path, encoding=facts.encoding, lines=facts.lines
        )
        plan = draft(facts, Options(seed=0)).plan
        problems, causes = plan.sections[PROBLEMS].items, plan.sections["原因"].items
        measures = plan.sections[MEASURES].items
        assert len(problems) == 4
        drafts += 1
        three += len(causes) == 3
        assert len(measures) <= MEASURES_MAX, (stem, len(measures))
        answered = {x.answers for m in measures for x in (m, *m.merged)}
        assert all(c.fragment is None or c.fragment.id in answered for c in causes), stem
    assert 2 * three >= drafts, (
        three,
        drafts,
    )  # 10 of 11 at seed 0 when written, 8 after the data merges (0 before)


def test_the_layers_go_to_as_many_problems_as_can_have_a_cause(monkeypatch: Any) -> None:
    """Each problem's printable causes, best first; one cause a layer.  Taken in the problems' order, the second
    problem's first cause (思想认识) left the third — whose only printable cause is 思想认识 too — unexplained;
    weighing every choice, the second takes its 制度机制 cause and all three are explained.  With no such choice
    the problems' own order and each list's order decide."""
    from types import SimpleNamespace

    from drafter.select import _match_layers

    def cause(name: str, layer: str) -> Any:
        return SimpleNamespace(id=name, topic_key=layer)

    skill, given, system, line = (
        cause("skill", "能力本领"),
        cause("given", "思想认识"),
        cause("system", "制度机制"),
        cause("line", "思想认识"),
    )
    assert _match_layers([[skill], [given, system], [line]]) == [skill, system, line]
    assert _match_layers([[skill], [given, system], []]) == [skill, given, None]
    assert _match_layers([[given], [line]]) == [given, None]  # one layer, two problems: the first keeps it

    def explained() -> int:
        found = 0
        for stem in [s.stem for s in SAMPLES]:
            for seed in (None, 0, 1):
                sel = Selector(LIB, load_facts(_sample(stem)), seed=seed)
                plan = sel.plan()
                printed = {c.fragment.id for c in plan.sections["原因"].items if c.fragment is not None}
                found += sum(bool(printed & set(sel._named_causes(p))) for p in plan.sections[PROBLEMS].items)
        return found

    def in_order(usable: Any) -> list[Any]:  # the rule before: each problem's first cause whose layer is free
        taken: set[str] = set()
        out: list[Any] = []
        for causes in usable:
            first = next((f for f in causes if f.topic_key not in taken), None)
            out.append(first)
            if first is not None:
                taken.add(first.topic_key)
        return out

    weighed = explained()
    monkeypatch.setattr("drafter.select._match_layers", in_order)
    assert weighed > explained() + 3, weighed  # 84 against 77 of 102 when written


def test_the_rectification_paragraphs_do_not_say_all_is_done_while_a_finding_is_open(
    monkeypatch: Any,
) -> None:
    """Round 61's hospital opened 上年度问题整改 with “……逐条跟踪到位” and then, in 存在问题, said of a finding still
    整改中 “这方面改了一部分，还有一部分没有改过来”.  With a finding open, the part's opening and closing
    paragraphs take no wording of 措辞.yaml 整改未完不说 (the 数量 paragraph says how many are done, and is true).
    Control: without the rule, two of these 48 drafts print one (跟踪到位, 按期销号)."""
    import drafter.select
    from drafter.registry import registry

    words = registry().words("整改未完不说", "通用", "个人")

    def said_done() -> int:
        hits = 0
        for s in SAMPLES:
            f = load_facts(s)
            findings = (f.data.get("上年度问题整改") or {}).get("问题") or []
            if not any(p.get("状态") == "整改中" for p in findings):
                continue
            for n in range(6):
                unit = {**f.data["单位"], "全称": f"{f.data['单位']['全称']}{n}"}
                g = type(f)(data={**f.data, "单位": unit}, path=f.path, encoding=f.encoding, lines=f.lines)
                sec = draft(g, Options(seed=n)).plan.sections["上年度问题整改"]
                paragraphs = [fr for fr in (*sec.lead_in, *sec.tail) if "数量" not in fr.tags]
                text = "".join(fr.texts[sec.wordings.get(fr.id, 0)] for fr in paragraphs)
                hits += any(w in text for w in words)
        return hits

    assert "跟踪到位" in words and "按期销号" in words
    assert said_done() == 0
    monkeypatch.setattr(drafter.select, "RECTIFY_DONE_WORDS", "不在措辞表里的一项")
    assert said_done() >= 1
