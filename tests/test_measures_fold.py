"""A cause's measure said after the measure of the problem it explains, in one paragraph (rounds 33–35: 下一步
always counted problems plus causes, which reviewers read as mechanical)."""

from __future__ import annotations

from conftest import measures_of
from test_outline import KINDS, TYPES, facts_for

from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import CAUSES, DEFAULT_PROBLEMS, FOLD_FIT, MEASURE_JOINS, MEASURES, PROBLEMS, _item_words

REG = registry()
LIB = load_library()


def _plans() -> list[object]:
    return [
        draft(facts_for(kind, utype, year), Options(seed=0)).plan
        for kind in KINDS
        for utype in TYPES
        for year in (2024, 2025)
    ]


PLANS = _plans()


def test_measures_no_longer_count_problems_plus_causes() -> None:
    """Before the fold 50 of these 60 drafts printed exactly one measure per problem and one per cause (11
    after); a cause's measure joins a problem's where the two speak of one thing, so the count follows the
    content — and never drops below DEFAULT_PROBLEMS."""
    mechanical = 0
    for plan in PLANS:
        printed = plan.sections[MEASURES].items  # type: ignore[attr-defined]
        problems = plan.sections[PROBLEMS].items  # type: ignore[attr-defined]
        causes = plan.sections[CAUSES].items  # type: ignore[attr-defined]
        mechanical += len(printed) == len(problems) + len(causes)
        assert len(printed) >= DEFAULT_PROBLEMS
    assert mechanical <= len(PLANS) // 4, mechanical


def test_a_folded_measure_speaks_of_the_measure_it_joins() -> None:
    """Each folded cause measure shares FOLD_FIT specific words with the measure it joins, or more than
    FOLD_FIT with that measure and its problem together (a fold on a shared topic layer alone read as two
    measures glued together); one fold per measure, none under the measure of a finding still open; the
    joining words of one draft differ and come from 措辞.yaml."""
    joins = set(REG.words(MEASURE_JOINS, "通用", "个人"))
    folded = 0
    for plan in PLANS:
        problems = plan.sections[PROBLEMS].items  # type: ignore[attr-defined]
        for host in plan.sections[MEASURES].items:  # type: ignore[attr-defined]
            for_causes = [m for m in host.merged if m.opener]
            assert len(for_causes) <= 1
            for m in for_causes:
                folded += 1
                assert m.opener in joins
                problem = next(p for p in problems if p.topic == host.topic)
                near = LIB.overlap.fit(_item_words(m), _item_words(host))
                both = near + LIB.overlap.fit(_item_words(m), _item_words(problem))
                assert near >= FOLD_FIT or both > FOLD_FIT, (host.lead, m.lead)
                assert not any(x.topic == "整改" or x.is_user for x in host.merged), host.lead
        openers = [m.opener for m in measures_of(plan) if m.opener]
        assert len(openers) == len(set(openers)), openers
    assert folded >= 40, folded


def test_the_folded_measure_is_printed_in_its_hosts_paragraph() -> None:
    """The document reads the folded measure on in the host's paragraph, after its joining word; its own
    heading is not printed."""
    doc = draft(facts_for("书记述职", "国企", 2025), Options(seed=0))
    printed = doc.plan.sections[MEASURES].items
    host = next(m for m in printed if any(x.opener for x in m.merged))
    folded = next(x for x in host.merged if x.opener)
    text = doc.document.text
    body = folded.fragment.texts[folded.variant % len(folded.fragment.texts)]
    start = body[:12]
    assert start.replace("{", "") == start  # a plain opening, found as printed
    at = text.index(folded.opener + start)
    paragraph = text[text.rindex("\n", 0, at) : at]
    assert host.lead in paragraph
    part = text.split("下一步工作打算")[1]
    headed = [line for line in part.split("\n") if line.startswith("（")]
    assert len(headed) == len(printed)  # one paragraph per printed measure: the folded one has none
