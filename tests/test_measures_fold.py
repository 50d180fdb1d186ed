"""A cause's measure said after the measure of the problem it speaks of too, in one paragraph (rounds 33–35:
下一步 always counted problems plus causes, which reviewers read as mechanical; round 36: measures glued on with
“与此同时”“更要紧的是” read as 拼接)."""

from __future__ import annotations

from typing import Any

from test_outline import KINDS, TYPES, facts_for

from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.select import CAUSES, DEFAULT_PROBLEMS, FOLD_FIT, MEASURES, PROBLEMS, Selector, _item_words

LIB = load_library()
FACTS: list[Any] = [
    facts_for(kind, utype, year) for kind in KINDS for utype in TYPES for year in (2024, 2025)
]
PLANS: list[Any] = [draft(facts, Options(seed=0)).plan for facts in FACTS]


def test_fewer_drafts_count_problems_plus_causes() -> None:
    """Before the fold 50 of these 60 drafts printed exactly one measure per problem and one per cause; a
    cause's measure joins a problem's where the two speak of one thing, so fewer do — and none drops below
    DEFAULT_PROBLEMS measures.  Since session 17 a fold needs two words of what is done, a four-character word
    counting once and the unit's field words (医务人员) not at all — round 56 read a fold on 医务人员 alone as
    “两条拼成的” — so fewer folds are made: 41 of 60 drafts count problems plus causes (35 before).  Since
    session 18 a cause's measure joins the measure of the problem naming it first whatever words it takes (the
    集团 sample printed （一）帮基础弱的支部赶上来 and （四）给后进支部定出赶上来的时间表 side by side): 6 of 60.
    Since session 20 a cause no measure answers is left out while two causes remain (reviewers mark such a
    cause in every round), and its draft then counts problems plus causes: 12 of 60 (7 without that rule)."""
    mechanical = 0
    for plan in PLANS:
        printed = plan.sections[MEASURES].items
        mechanical += len(printed) == len(plan.sections[PROBLEMS].items) + len(plan.sections[CAUSES].items)
        assert len(printed) >= DEFAULT_PROBLEMS
    assert mechanical <= 12, mechanical  # 12 of 60


def _folds_for(selector: Selector, m: Any, said: frozenset[str], near: int, problem: Any) -> bool:
    """A cause's measure ``m`` (saying ``said``, ``near`` words in common with the host) may join the measure
    of ``problem``: the problem names the cause first, or names it with FOLD_FIT words in common with the two,
    or the words alone carry it."""
    both = near + len(said & selector._fold_words(_item_words(problem)))
    named = selector._named_causes(problem)
    if named and named[0] == m.answers:  # the thinking behind this very problem
        return True
    if m.answers in named:
        return both >= FOLD_FIT
    return near >= FOLD_FIT and both > FOLD_FIT


def test_a_folded_measure_is_about_what_its_host_is_about() -> None:
    """Each folded cause measure shares FOLD_FIT words of what is done (no 每季度, 年内, 一次, 及时调整: 措辞.yaml
    措施并入不算的字/词) with the measure it joins, and more with that measure and its problem together — unless
    the problem names its cause: first (the thinking behind that very problem, whatever words it takes), or later
    with FOLD_FIT words in common with the two; one per measure, none under the measure carrying a finding still
    open."""
    folded = 0
    for plan, facts in zip(PLANS, FACTS, strict=True):
        selector = Selector(LIB, facts)  # for its word filter (the unit's type and voice)
        problems = plan.sections[PROBLEMS].items
        for host in plan.sections[MEASURES].items:
            for_causes = [m for m in host.merged if m.for_cause]
            assert len(for_causes) <= 1
            for m in for_causes:
                folded += 1
                said = selector._fold_words(_item_words(m))
                near = len(said & selector._fold_words(_item_words(host)))
                assert any(  # the problem it was folded for: one of the host's topic
                    _folds_for(selector, m, said, near, p) for p in problems if p.topic == host.topic
                ), (host.lead, m.lead)
                assert not any(x.topic == "整改" or x.is_user for x in host.merged), host.lead
    assert folded >= 10, folded


def test_the_folded_measure_reads_on_in_its_hosts_paragraph() -> None:
    """The document prints the folded measure right after the host's text, in the host's paragraph, with no
    joining word and without a heading of its own — unless it is quiet (session 25: the measure of a cause its
    problem names first is answered by that problem's measure and not printed), which the paragraph does not
    print."""
    checked = quiet = 0
    for facts in FACTS:
        doc = draft(facts, Options(seed=0))
        printed = doc.plan.sections[MEASURES].items
        lines = doc.document.text.split("\n")
        title = max(i for i, line in enumerate(lines) if line.endswith(doc.plan.layout.plans_title))
        headed = [line for line in lines[title + 1 :] if line.startswith("（")]
        assert len(headed) == len(printed)  # one paragraph per printed measure: a folded one has none
        for at, host in enumerate(printed):
            for m in (x for x in host.merged if x.for_cause):
                wording = m.fragment.texts[m.variant % len(m.fragment.texts)]
                if m.quiet:  # none of its first words in the paragraph
                    quiet += 1
                    head = wording.split("{")[0].removeprefix("下一步，")[:30]
                    runs = [head[i : i + 10] for i in range(len(head) - 9)]
                    assert not any(r in headed[at] for r in runs), (head, headed[at])
                    continue
                # naming.py drops an opening “下一步，” under 下一步工作打算 and a subject the paragraph has said
                # already (“村党组织将每月安排……” reads on as “每月安排……”), and names the organisation as the
                # facts do (“学校党组织” → “单位党支部”): some six characters of the wording's first thirty
                head = wording.split("{")[0].removeprefix("下一步，")[:30]
                if len(head) < 12:
                    continue
                runs = [head[i : i + 6] for i in range(len(head) - 5)]
                found = [r for r in runs if r in headed[at]]
                assert found, (head, headed[at])  # in the host's paragraph
                before = headed[at][: headed[at].find(found[0])][-16:]  # what leads into the folded wording
                assert not any(w in before for w in ("与此同时，", "更要紧的是，", "同时，")), before
                checked += 1
    assert checked >= 3 and quiet >= 5, (checked, quiet)
