"""What the twelfth session changed in 下一步 and in a user's expanded lines: a problem's paired measure is printed
in the wording that speaks of the problem (never in one promising what 主要工作 reports done), and a user's short
line is not followed by a paragraph that says its own words again."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from test_contradictions import LIB

from drafter.pipeline import Options, draft
from drafter.select import ECHO_WORDS, MEASURES, PROBLEMS, Item, Selector

SAMPLES = sorted(Path(ROOT, "samples").glob("*.yaml"))
STREET = Path(ROOT, "samples", "街道党工委书记.yaml")
STREET_LINE_AS_READ = "深化网格党建：健全网格党支部常态运行机制，组织在职党员到社区报到、参与治理"


def _street_as_read(tmp_path: Path) -> Path:
    """The 街道 sample with the measure line these tests were written on (session 23 gave the sample its
    在职党员报到人数 and the line says 已报到 since)."""
    import yaml

    facts = yaml.safe_load(STREET.read_text(encoding="utf-8"))
    facts["下一步"] = [STREET_LINE_AS_READ]
    out = tmp_path / STREET.name
    out.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    return out


def _printed(item: Item) -> str:
    frag = item.detail or item.fragment
    assert frag is not None
    return frag.texts[item.variant % len(frag.texts)]


def test_a_users_measure_paragraph_does_not_say_its_line_again(tmp_path: Path) -> None:
    """The 街道 sample's own measure “深化网格党建：……组织在职党员到社区报到、参与治理” was followed by “我将督促街道
    在职党员主动向居住社区报到……” (报到 twice in one measure). A user's measure line gets a paragraph that adds
    to it, in every sample at four seeds."""
    content = LIB.overlap.content
    expanded = 0
    for sample in [*SAMPLES, _street_as_read(tmp_path)]:
        for seed in range(4):
            plan = draft(sample, Options(seed=seed)).plan
            for item in plan.sections[MEASURES].items:
                if item.detail is None:
                    continue
                expanded += 1
                said = content(item.lead + "，" + item.text) & content(_printed(item))
                assert len(said) < ECHO_WORDS, (sample.stem, seed, item.lead, sorted(said))
    assert expanded >= 4  # the 街道 sample's line at each seed, at least: the case was met


def test_the_street_measure_on_reporting_members_adds_to_the_line(tmp_path: Path) -> None:
    """The case itself: the line on 在职党员报到 is followed by what the secretary will do beyond it."""
    plan = draft(_street_as_read(tmp_path), Options()).plan
    grid = next(i for i in plan.sections[MEASURES].items if i.lead == "深化网格党建")
    assert grid.detail is not None
    assert "报到" in grid.text and "报到" not in _printed(grid).split("，")[0]


def test_a_line_said_again_is_found_by_its_words() -> None:
    """`_says_line_again`: the heading at the wording's opening, or ECHO_WORDS of the line's three-character words
    anywhere; a wording on the same matter in other words is not."""
    from test_outline import facts_for

    selector = Selector(LIB, facts_for("书记述职", "街道", 2025))
    line = Item("深化网格党建", "组织在职党员到社区报到、参与治理", None)
    assert selector._says_line_again(line, "我将督促街道在职党员主动向居住社区报到，每半年了解一次情况。")
    assert selector._says_line_again(line, "深化网格党建，我将每季度听取一次网格支部汇报。")
    assert not selector._says_line_again(
        line, "我将推动把党员参与社区治理的情况纳入党员评议内容，年内协调结对社区反馈一次表现。"
    )


def test_a_paired_measure_speaks_of_its_problem_as_printed() -> None:
    """A problem's paired measure was printed in the wording its seed drew, not the one speaking of the problem
    (the 社区's “服务群众的方法还比较传统……年轻居民、新就业群体” got “梳理服务项目、学习借鉴先进社区” while another
    wording of the same measure designs services for 新就业群体). Over the samples at four seeds, of the paired
    measures whose wordings speak of their problem unequally, at 3154bca 29 of 67 were printed in the wording
    speaking most of it (the seed's draw); now three in five at least are (50 of 75 at 8b881c1, 45 of 75 once the
    causes followed the problems in the sixteenth session) — the rest are printed in another because
    that one promises what 主要工作 reports done, the measure was chosen for a cause, or the wordings tie within a
    third and the unit draws one."""
    best = unequal = 0
    for sample in SAMPLES:
        for seed in (None, 0, 1, 2):
            plan = draft(sample, Options(seed=seed)).plan
            for problem in plan.sections[PROBLEMS].items:
                if problem.fragment is None:
                    continue
                said = problem.lead + _printed(problem)
                for measure in plan.sections[MEASURES].items:
                    if measure.fragment is None or measure.fragment.id not in problem.fragment.pairs:
                        continue
                    fits = [LIB.overlap.fit(said, t) for t in measure.fragment.texts]
                    if len(set(fits)) == 1:
                        continue
                    unequal += 1
                    best += fits[measure.variant % len(fits)] == max(fits)
    assert unequal >= 30, unequal
    assert best * 5 >= unequal * 3, (best, unequal)


def test_the_best_of_equal_intros_is_drawn_by_the_unit() -> None:
    """Round 40: three units' drafts opened 思想建设 with one sentence, the first intro carrying the year's 提法 —
    of several that carry as much, the first was always taken. The one already chosen stays when it is among the
    best; else one of the best is drawn by the unit, so units differ and each unit's draft stays the same."""
    from test_outline import facts_for

    scores = {"a": 1, "b": 3, "c": 3, "d": 3, "e": 2}
    drawn = set()
    for name in ("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"):
        facts = facts_for("书记述职", "机关", 2024)
        facts.data["单位"]["全称"] = f"{name}市机关"
        selector = Selector(LIB, facts)
        first = selector._best_by_unit(["a", "b", "c", "d", "e"], scores.__getitem__, "intro:提法")
        again = Selector(LIB, facts)._best_by_unit(
            ["a", "b", "c", "d", "e"], scores.__getitem__, "intro:提法"
        )
        assert first in ("b", "c", "d") and again == first
        assert selector._best_by_unit(["c", "b", "d"], scores.__getitem__, "intro:提法") == "c"
        drawn.add(first)
    assert len(drawn) >= 2


def test_a_one_branch_company_has_no_other_branches() -> None:
    """Round 41: a company with one 党支部 wrote of “个别支部” putting off study, and used the 党委-level “严的基调、
    严的措施、严的氛围”. A summary whose Party organisation is a 支部 says neither, at any of nine seeds."""
    for seed in (None, *range(8)):
        text = draft(Path(ROOT, "samples", "某科技公司党支部.yaml"), Options(seed=seed)).document.text
        assert not [w for w in ("个别支部", "个别党支部", "严的基调") if w in text], seed
