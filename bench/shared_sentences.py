"""Sentences that drafts of different unit types share word for word: ``python bench/shared_sentences.py``.

Blind reviewers read drafts of different unit types side by side and list the sentences that are the same in
two of them.  This renders every ``samples/*.yaml`` for a few seeds and report years, splits each draft into
sentences (on 。 and ；, digits counted as one “N”, numbering such as 一是 and （一） left out) and lists the
sentences found in drafts of two or more unit types drafted with the same seed and year (what a reviewer
comparing a batch sees), most shared first, with the fragment (or 措辞.yaml wording) each comes from.

``--seeds 0,1,2 --years 2024,2025`` choose the render set (seed 0: the facts file's own, as ``drafter
render`` without ``--seed``); ``--top 40`` how many to list; ``--json FILE`` writes the full list.
The first line printed is the total: distinct shared sentences, and (group, sentence) pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.pipeline import Options, cached_library, draft  # noqa: E402
from drafter.registry import load_registry  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|[一二三四五六七八九十]是)"
)
_DIGITS = re.compile(r"[0-9０-９]+(?:\.[0-9]+)?")
_SPLIT = re.compile(r"(?<=[。；])")
_SLOT = re.compile(r"{{.*?}}|{%.*?%}")
MIN_CHARS = 6


def sentences(text: str) -> list[str]:
    out = []
    for part in _SPLIT.split(text):
        s = _NUMBERING.sub("", part.strip()).strip()
        s = _DIGITS.sub("N", s).rstrip("。；")
        if len(s) >= MIN_CHARS and "【待补充" not in s:  # a marker for the user is not prose
            out.append(s)
    return out


class Sources:
    """Where a sentence comes from: a fragment's wording, a heading or intro, or a 措辞.yaml wording."""

    def __init__(self) -> None:
        lib = cached_library(None)
        reg = load_registry(ROOT / "templates")
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for f in lib.fragments():
            for i, text in enumerate(f.texts):
                self._add(text, f"{f.id}#{i}" if i else f.id)
            if f.lead:
                self._add(f.lead, f"{f.id}(lead)")
        for rname, rf in lib.roles.items():
            for v in rf.headings:
                self._add(v.text, f"heading:{rname}:{','.join(v.unit_types)}")
            for v in rf.intros:
                self._add(v.text, f"intro:{rname}:{','.join(v.unit_types)}")
            for role, vs in rf.role_intros.items():
                for v in vs:
                    self._add(v.text, f"intro:{role}:{','.join(v.unit_types)}")
            for fam in rf.families:
                for h in fam.headings.values():
                    self._add(h, f"family:{fam.name}")
        for name, table in reg.wordings.items():
            for key, words in table.items():
                for w in words:
                    self._add(w, f"措辞:{name}.{key}")
        self.cache: dict[str, str] = {}

    def _add(self, text: str, label: str) -> None:
        for part in _SPLIT.split(text.strip()):
            part = part.strip().rstrip("。；")
            literal = _SLOT.sub("\0", part)
            if len(literal.replace("\0", "")) < MIN_CHARS:
                continue
            rx = "".join(".+?" if c == "\0" else re.escape(c) for c in _DIGITS.sub("N", literal))
            self.patterns.append((re.compile(rx), label))

    def of(self, sentence: str) -> str:
        if sentence not in self.cache:
            found = [label for rx, label in self.patterns if rx.fullmatch(sentence)]
            if not found:
                found = [label for rx, label in self.patterns if rx.search(sentence)]
            self.cache[sentence] = ",".join(dict.fromkeys(found)) or "?"
        return self.cache[sentence]


def facts_for_year(path: Path, year: int, tmp: Path) -> Path:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^年度: *\d+", f"年度: {year}", text)
    text = re.sub(r"(?m)^报告日期: *\d+", f"报告日期: {year + 1}", text)
    out = tmp / f"{path.stem}-{year}.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def collect(
    seeds: list[int], years: list[int]
) -> tuple[dict[tuple[int, int], dict[str, set[str]]], list[str]]:
    """(seed, year) → sentence → unit types whose draft has it."""
    groups: dict[tuple[int, int], dict[str, set[str]]] = {}
    names: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for year in years:
            for seed in seeds:
                where: dict[str, set[str]] = defaultdict(set)
                for sample in SAMPLES:
                    result = draft(facts_for_year(sample, year, Path(tmp)), Options(seed=seed or None))
                    utype = result.plan.unit_type
                    if utype not in names:
                        names.append(utype)
                    for block in result.document.blocks:
                        # the title, byline, date and the kind's fixed part headings (存在的问题及原因) are
                        # the same in every report of a kind by design
                        if block.kind in ("title", "byline", "signature", "date", "heading1"):
                            continue
                        for s in sentences(block.text):
                            where[s].add(utype)
                groups[(seed, year)] = where
    return groups, names


def shared_sentences(
    groups: dict[tuple[int, int], dict[str, set[str]]],
) -> tuple[dict[str, tuple[int, set[str]]], int]:
    """Sentence → (in how many (seed, year) groups it is shared, the unit types sharing it); and the number of
    (group, sentence) pairs."""
    shared: dict[str, tuple[int, set[str]]] = {}
    pairs = 0
    for where in groups.values():
        for s, types in where.items():
            if len(types) < 2:
                continue
            pairs += 1
            count, seen = shared.get(s, (0, set()))
            shared[s] = (count + 1, seen | types)
    return shared, pairs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--years", default="2024,2025")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--json")
    ap.add_argument("--no-sources", action="store_true")
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    years = [int(y) for y in args.years.split(",")]
    groups, _ = collect(seeds, years)
    shared, pairs = shared_sentences(groups)
    print(
        f"shared sentences: {len(shared)} distinct, {pairs} (seed, year, sentence) pairs over "
        f"{len(groups) * len(SAMPLES)} drafts ({len(seeds)} seeds × {len(years)} years × {len(SAMPLES)} samples)"
    )
    src = None if args.no_sources else Sources()
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1][0] * len(kv[1][1]), kv[0]))
    rows = [
        {"sentence": s, "groups": n, "types": sorted(types), "source": src.of(s) if src else ""}
        for s, (n, types) in ranked
    ]
    for r in rows[: args.top]:
        print(
            f"{r['groups']:3d} {len(r['types']):2d}  {str(r['source'])[:60]:60s}  {str(r['sentence'])[:70]}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
