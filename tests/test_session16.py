"""What the sixteenth session's blind reviews (rounds 54–55) found, as behaviour.

- a problem names the causes that explain it (``causes:`` in 存在问题 fragments, like ``pairs`` to its measures), and
  the planner prints those causes for their layers before any other (round 54's 社区 listed problems on 群团, 商户
  and 服务方式 and then three causes that explained none of them: “各走各的”);
- the links are sound data: every id is a 原因 fragment that can share a draft with the problem;
- words a kind of unit does not use: “党务部门” in a 社区 or 村, “先进地区” in a 国企, 流动党员 in an office branch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from test_contradictions import TEN_SAMPLES, drafted_named

from drafter.facts import facts_from_text, load_facts
from drafter.library import lint_library, load_library
from drafter.pipeline import Options, draft
from drafter.select import Selector

LIB = load_library()
LAYERS = ("思想认识", "责任落实", "能力本领", "作风", "制度机制")


def test_the_shipped_links_are_sound() -> None:
    """Every id a problem names is a 原因 fragment that can be in the same draft (unit type, kind, voice, years)."""
    faults = [d.message for d in lint_library(LIB) if "causes" in d.message]
    assert faults == []


# two measures of the user's own leave 下一步 room to answer two causes (MEASURES_MAX): 思想认识 and one more
FACTS = (
    "报告类型: 书记述职\n年度: 2024\n单位:\n  全称: 某市某局\n  类型: 机关\n"
    "下一步:\n  - 每季度到基层党支部蹲点一次\n  - 年内完成机关党建阵地改造\n"
)


def _general(role: str, layer: str) -> Any:
    """The first built-in general 述职 fragment of ``role`` and ``layer`` that names a measure and that, in the
    drafts of FACTS at the seeds the test uses, denies nothing, has a measure to print and restates no problem
    (session 17: a cause faultless at seed 0 denied the “一线调研” of seed 1's draft, 五六-摸实情)."""
    sels = [Selector(LIB, facts_from_text(FACTS), seed=seed) for seed in range(3)]
    for sel in sels:
        sel.plan()
    return next(
        (
            f
            for f in LIB.fragments(role)
            if f.topic == layer
            and f.unit_types == ("通用",)
            and f.pairs
            and not f.kinds
            and "个人" in f.voice
            and (
                role != "原因"
                or not any(
                    sel._contradicting(f) or sel._unanswerable(f) or sel._echoes_problems(f) for sel in sels
                )
            )
        ),
        None,
    )


def _folder(tmp_path: Path, *, linked: bool) -> Path:
    """A fragment folder with three general problems and one general cause per layer (copies of built-in
    wordings under new ids, with their measures); the first problem, on 党员队伍 (whose topic points to 制度机制
    and 能力本领), names the 作风 cause when ``linked``."""
    folder = tmp_path / ("linked" if linked else "plain")
    folder.mkdir()
    causes = []
    for n, layer in enumerate(LAYERS):
        f = _general("原因", layer)
        if f is None:  # none of the layer's general causes is faultless in this bare draft (责任落实)
            continue
        causes.append(
            {
                "id": f"yy-t{n}",
                "topic": layer,
                "lead": f.lead,
                "text": f.text,
                "voice": ["个人"],
                "pairs": list(f.pairs),
            }
        )
    problems = []
    for n, topic in enumerate(("党员队伍", "理论学习", "创新载体")):
        f = _general("存在问题", topic)
        problem = {"id": f"wt-t{n}", "topic": topic, "lead": f.lead, "text": f.text, "voice": ["个人"]}
        problem["pairs"] = list(f.pairs)
        if linked and n == 0:
            problem["causes"] = ["yy-t3"]  # 作风
        problems.append(problem)
    for role, frags in (("原因", causes), ("存在问题", problems)):
        text = yaml.safe_dump({"role": role, "fragments": frags}, allow_unicode=True, sort_keys=False)
        (folder / f"{role}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("seed", range(3))
def test_the_cause_a_problem_names_is_printed(tmp_path: Path, seed: int) -> None:
    facts = facts_from_text(FACTS)
    plain = draft(facts, Options(seed=seed, fragments_dir=_folder(tmp_path, linked=False))).plan
    linked = draft(facts, Options(seed=seed, fragments_dir=_folder(tmp_path, linked=True))).plan
    assert "wt-t0" in {p.fragment.id for p in linked.sections["存在问题"].items if p.fragment}
    # the 作风 layer is not among the layers the problems' topics point to: without the link it is left out
    assert "作风" not in [c.topic for c in plain.sections["原因"].items]
    topics = [c.topic for c in linked.sections["原因"].items]
    assert "作风" in topics and topics[0] == "思想认识", topics


AVOIDED = (
    ("某社区党委书记", "衡阳市雁峰区白沙洲街道雁鸣社区", "党务部门"),
    ("某村党支部书记", "宁远县湾井镇下灌村", "党务部门"),
    ("集团公司党委书记", "郴州市自来水集团有限公司", "先进地区"),
    ("机关党支部书记", "永州市财政局办公室", "流动党员"),
)


@pytest.mark.parametrize(("sample", "name", "word"), AVOIDED)
def test_words_the_unit_does_not_use(sample: str, name: str, word: str) -> None:
    assert sample in TEN_SAMPLES
    for seed in (None, 0, 1, 2, 3):
        text = drafted_named(sample, name, None, seed).document.text
        assert word not in text, (seed, word)


ORPHANS: list[int] = [0, 0]  # the tool's causes no printed problem names, and all the tool's causes


def _explained(samples: list[Path]) -> tuple[int, int, list[str]]:
    """Over the samples at five seeds: the tool's problems (or 表现) whose named cause is printed, all of them,
    and the drafts where none is (and, in ORPHANS, the causes printed that no printed problem names)."""
    explained = total = 0
    none: list[str] = []
    ORPHANS[:] = [0, 0]
    borrowed: set[str] = set()  # causes a user's own line names (session 17: Selector._named_causes)
    original = Selector.causes_section

    def spy(self: Selector, spec: Any, problems: Any, family: Any) -> Any:
        borrowed.update(
            c
            for p in problems.items
            if p.fragment is None and p.detail is None
            for c in self._named_causes(p)
        )
        return original(self, spec, problems, family)

    for path in samples:
        facts = load_facts(path)
        for seed in (None, 0, 1, 2, 3):
            borrowed.clear()
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(Selector, "causes_section", spy)
                plan = draft(facts, Options(seed=seed)).plan
            causes = {c.fragment.id for c in plan.sections["原因"].items if c.fragment}
            named = [s for p in plan.sections["存在问题"].items if (s := p.fragment or p.detail) is not None]
            hits = sum(bool(set(s.causes) & causes) for s in named)
            names = {c for s in named for c in s.causes} | borrowed
            ORPHANS[0] += len(causes - names)
            ORPHANS[1] += len(causes)
            explained, total = explained + hits, total + len(named)
            # a draft whose one explained problem is a user's line (its borrowed cause printed) has one too
            none += [f"{path.stem}:{seed}"] if named and not hits and not borrowed & causes else []
    return explained, total, none


SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.yaml"))


def test_the_causes_explain_the_problems_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every problem of the library names its causes; in the samples' drafts most problems have one of theirs
    printed (72 % at the session's end) and every draft at least one — with the links ignored, a third do."""
    assert all(f.causes for f in LIB.fragments("存在问题"))
    explained, total, none = _explained(SAMPLES)
    assert total >= 100 and explained >= 0.65 * total, (explained, total)
    assert none == []
    # a layer still open takes a cause some printed problem names before one of its pool (39 of 148 causes named
    # by no problem with only each problem's first usable cause; 25 of 148 with the others; 22 of 148 in session
    # 17, counting the causes a user's own line borrows — 34 without them)
    assert ORPHANS[0] * 5 <= ORPHANS[1], ORPHANS
    monkeypatch.setattr(Selector, "_linked_causes", lambda self, problems, taken: {})
    # …and the second cause of a layer an unexplained problem names (session 22), the same link by another way
    monkeypatch.setattr(Selector, "_unexplained_causes", lambda self, problems, linked, taken: [])
    unlinked, total_unlinked, _ = _explained(SAMPLES)
    assert unlinked < 0.45 * total_unlinked, (unlinked, total_unlinked)
