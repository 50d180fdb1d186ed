"""How often drafts of different units share a sentence word for word: ``python bench/sameness.py``.

A 组织部 reader who gets a county's batch sends two reports back as 材料雷同 when they share a sentence that is
not a common formula (round 29: the same opening paragraph in three 述职, the same four main headings in a
hospital's and a company's draft, “我不另起炉灶，沿着已有的整改办法往下抓” in two).  This renders

* for every report kind and year, one draft per unit type (ten units, each under its own name, with the
  default seed — the one ``drafter render`` uses without ``--seed``, derived from the unit's name and year), and
* the samples (``samples/*.yaml``) at their default seed,

splits each draft into sentences (on 。；！？： and line ends; numbering such as 一是 and （一） left out;
digits read as “N”; the unit's, the superior's and the speaker's names read as placeholders), keeps those of
SHARED_MIN characters or more, and counts the pairs of drafts of DIFFERENT units in one batch (one kind and
year, or the samples) that share at least one.  Not counted: sentences with a 【待补充…】 marker (the user writes
them), sentences that are only a 提法's name (“深入学习贯彻党的二十届三中全会精神”), and the common formula
“现将……报告如下” (COMMON).  The title, byline, date and a kind's fixed part headings (存在的问题及原因) are the
same in every report of a kind by design and are left out.

Printed: per batch the pairs sharing a sentence, the total (the number to bring down), and every shared
sentence with the drafts sharing it.  ``--years 2024,2025``, ``--kinds 书记述职`` narrow the batches,
``--same-name`` gives every unit of a batch the same name (so the same default seed), ``--quiet`` prints
the totals only.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from drafter.facts import Facts, facts_from_text, load_facts  # noqa: E402
from drafter.pipeline import Options, draft  # noqa: E402
from drafter.registry import registry  # noqa: E402

SHARED_MIN = 16  # characters: shorter sentences (“落实‘三会一课’制度”) are common currency
YEARS = (2023, 2024, 2025)
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
# a common formula of the genre, not a sign of a shared source
COMMON = re.compile(r"^(?:现将|下面[，,]?(?:就|把|将)?).{0,30}(?:报告|汇报|述职)如下$")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|[一二三四五六七八九十]是)"
)
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
_MARKER = re.compile(r"【待补充[^】]*】")  # its colon is not a sentence's end
_SPLIT = re.compile(r"(?<=[。；！？：])|\n")
# what is left of a sentence naming a 提法 once the name is taken out: verbs that only introduce it
_BARE = re.compile(r"^[深入认真扎实全面持续学习贯彻开展落实宣传推动抓好党的精神和、]*$")
_FIXED_BLOCKS = ("title", "byline", "signature", "date", "heading1")
# kinds' facts for the type batches: one set of counts for every unit, the type's own facts from its examples
BASE_NUMBERS = {
    "思想建设": {"中心组学习次数": 12, "第一议题学习次数": 20, "专题党课次数": 2, "谈心谈话次数": 60},
    "组织建设": {
        "党支部数": 8,
        "党员数": 160,
        "发展党员数": 3,
        "入党积极分子数": 6,
        "三会一课次数": 90,
        "主题党日次数": 12,
    },
    "党风廉政": {"警示教育次数": 3, "廉政谈话人次": 40, "监督检查次数": 6},
}


def unit_facts(
    kind: str,
    utype: str,
    year: int,
    unit: str = "某某单位",
    *,
    person: str = "张三",
    blank: bool = False,
    **extra: Any,
) -> Facts:
    """A unit of ``utype`` under the name ``unit``: the counts every batch unit has and the type's example
    facts (none of either when ``blank``), then ``extra`` keys as given (the tests' ``facts_for``)."""
    reg = registry()
    data: dict[str, Any] = {
        "报告类型": kind,
        "年度": year,
        "报告日期": f"{year + 1}年1月10日",
        "单位": {
            "全称": unit,
            "简称": unit,
            "自称": "我单位",
            "党组织": "单位党支部" if kind == "党支部书记述职" else "单位党委",
            "上级党委": "上级党委",
            "类型": utype,
        },
        "述职人": {"姓名": person, "职务": "党委书记"},
    }
    if not blank:
        for group, numbers in BASE_NUMBERS.items():
            data[group] = dict(numbers)
        for spec in reg.unit_type(utype).facts:
            group, key = spec.path.split(".", 1)
            data.setdefault(group, {})[key] = spec.example
    data.update(extra)
    return facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _names(facts: Facts) -> list[str]:
    """The names a draft prints that differ from unit to unit, longest first."""
    paths = ("单位.全称", "单位.简称", "单位.党组织", "单位.上级党委", "述职人.姓名")
    found = {str(facts.get(p)) for p in paths if facts.get(p)}
    return sorted(found, key=len, reverse=True)


def _plenum_names(year: int | None) -> list[str]:
    info = registry().year(year)
    names = {info.campaign, info.plenum_phrase, *info.plenums, *info.required, *info.wanted}
    names |= {n.removeprefix("党的") for n in names}
    return sorted((n for n in names if n), key=len, reverse=True)


def counted(sentence: str, plenums: list[str]) -> bool:
    """A sentence the measure counts: long enough, no marker for the user, not only a 提法's name, not a
    common formula."""
    if len(sentence) < SHARED_MIN or "【待补充" in sentence or COMMON.match(sentence):
        return False
    rest = sentence
    for name in plenums:
        rest = rest.replace(name, "")
    return not _BARE.match(rest.replace("“", "").replace("”", ""))


def is_frame(block: Any) -> bool:
    """A frame of the draft: a part's heading, or an unnumbered paragraph (the opening, a part's intro, the
    lead-in of the problems, causes and measures, the closing) — what is drawn from pools, not an item."""
    return block.kind == "heading2" or (block.kind == "para" and not block.number)


def sentences(result: Any, facts: Facts, *, frames_only: bool = False) -> set[str]:
    """The counted sentences of one draft (or of its frames), names and digits read as placeholders."""
    names = _names(facts)
    plenums = _plenum_names(facts.year)
    out: set[str] = set()
    for block in result.document.blocks:
        if block.kind in _FIXED_BLOCKS or (frames_only and not is_frame(block)):
            continue
        for part in _SPLIT.split(_MARKER.sub("【待补充】", block.text)):
            s = _NUMBERING.sub("", part.strip()).strip().rstrip("。；！？：")
            for i, name in enumerate(names):
                s = s.replace(name, f"〈名{i}〉")
            s = _DIGITS.sub("N", s)
            if counted(s, plenums):
                out.add(s)
    return out


Drafts = dict[str, tuple[Any, Facts]]


def type_drafts(kind: str, year: int, *, same_name: bool = False) -> Drafts:
    """One draft per unit type of ``kind`` and ``year`` at the default seed: type → (draft, facts)."""
    reg = registry()
    out: Drafts = {}
    for i, utype in enumerate(t for t in reg.unit_types if t != "通用"):
        facts = unit_facts(
            kind, utype, year, "某某单位" if same_name else f"第{'甲乙丙丁戊己庚辛壬癸'[i]}单位"
        )
        out[utype] = (draft(facts, Options()), facts)
    return out


def sample_drafts() -> Drafts:
    """The samples at their default seed: file stem → (draft, facts)."""
    out: Drafts = {}
    for path in SAMPLES:
        facts = load_facts(path)
        out[path.stem] = (draft(facts, Options()), facts)
    return out


def batch(drafts: Drafts, *, frames_only: bool = False) -> dict[str, set[str]]:
    """Label → the counted sentences of its draft (or of its frames)."""
    return {label: sentences(r, f, frames_only=frames_only) for label, (r, f) in drafts.items()}


def shared(batch: dict[str, set[str]]) -> dict[str, list[str]]:
    """Sentence → the drafts of the batch having it, for sentences in two or more."""
    where: dict[str, list[str]] = defaultdict(list)
    for label, said in batch.items():
        for s in said:
            where[s].append(label)
    return {s: labels for s, labels in where.items() if len(labels) > 1}


def sharing_pairs(batch: dict[str, set[str]]) -> list[tuple[str, str]]:
    """The pairs of drafts of the batch sharing at least one counted sentence."""
    return [(a, b) for a, b in combinations(sorted(batch), 2) if batch[a] & batch[b]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--years", default=",".join(map(str, YEARS)))
    ap.add_argument("--kinds", default="")
    ap.add_argument("--same-name", action="store_true")
    ap.add_argument("--no-samples", action="store_true")
    ap.add_argument("--frames", action="store_true", help="list only the sentences shared among frames")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    kinds = [k for k in args.kinds.split(",") if k] or list(registry().kinds)
    runs: dict[str, Drafts] = {}
    for kind in kinds:
        for year in (int(y) for y in args.years.split(",")):
            runs[f"{kind} {year}"] = type_drafts(kind, year, same_name=args.same_name)
    if not args.no_samples:
        runs["samples"] = sample_drafts()
    total = framed = 0
    for name, drafts in runs.items():
        every, frames = batch(drafts), batch(drafts, frames_only=True)
        pairs, frame_pairs = sharing_pairs(every), sharing_pairs(frames)
        total += len(pairs)
        framed += len(frame_pairs)
        n = len(drafts)
        print(
            f"{name}: of {n * (n - 1) // 2} pairs, {len(pairs)} share a sentence of ≥{SHARED_MIN} characters, "
            f"{len(frame_pairs)} one of their frames"
        )
        if args.quiet:
            continue
        listed = shared(frames if args.frames else every)
        frame_said = set(shared(frames))
        for s, labels in sorted(listed.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"    {len(labels)} {'F' if s in frame_said else ' '} [{','.join(labels)}] {s}")
    print(f"total: {total} pairs of drafts of different units share a sentence; {framed} a frame's sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
