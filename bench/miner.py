"""How well ``drafter mine`` finds and classifies segments, written to bench/MINER.md.

Run from the repository root:

    python bench/miner.py              # evaluate and rewrite bench/MINER.md
    python bench/miner.py --training   # first rewrite drafter/mine/labelled.tsv from the label files

Two evaluations, both over the hand-labelled reports of tests/fixtures/mine (seeds.yaml: the five
seeds; layouts.yaml: seven test reports in other layouts; reports/labels.yaml: 27 test reports of
every unit type, six of them kept aside as ``heldout``):

1. leave-one-document-out over every labelled document that is not held out: for each document the
   text model is trained on all the *other* documents' labelled texts, then the document is
   segmented and classified and compared with its labels;
2. the held-out documents, classified by the model trained on everything else (the shipped model).

A label whose segment is not found on its own counts as wrong and as *merged*.  Figures are
deterministic (no randomness anywhere), so the file only changes when the code or the labels do.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.mine.classify import classify  # noqa: E402
from drafter.mine.clean import clean  # noqa: E402
from drafter.mine.labels import LabelSet, Score, load_labels, match  # noqa: E402
from drafter.mine.names import find_names  # noqa: E402
from drafter.mine.pipeline import read_seed  # noqa: E402
from drafter.mine.roles import ROLES  # noqa: E402
from drafter.mine.textmodel import Example, NaiveBayes  # noqa: E402
from drafter.mine.training import LABEL_FILES, doc_id, examples_of, outlines_of, units_in, write_training  # noqa: E402

OUT = ROOT / "bench" / "MINER.md"
# the invented names written into the test reports, which must all become slots
PLANTED = (
    "周明远",
    "杨德顺",
    "杨柳湾村",
    "恒丰农业开发有限公司",
    "幸福里社区",
    "王建国",
    "石桥村",
    "鑫达农业科技有限公司",
    "黄丽萍",
    "华兴置业",
    "远航物流",
    "刘振华",
    "李家寨村",
    "东湖社区",
    "青石岭村",
    "河湾村",
    "郑光辉",
)


def _evaluate(sets: list[LabelSet], train: list[Example], heldout: bool) -> tuple[Score, dict[str, Score]]:
    total = Score()
    per_set: dict[str, Score] = {}
    for labels in sets:
        part = per_set.setdefault(labels.path.name, Score())
        for name, labs in labels.files.items():
            if (name in labels.heldout) != heldout:
                continue
            doc = doc_id(labels, name)
            model = NaiveBayes.trained(ex for ex in train if ex.doc != doc)
            outlines = [classify(o, model) for o in outlines_of(labels, name)]
            pairs, extras = match(labs, units_in(outlines))
            extra = [f for f in extras if f.kind != "para"]
            for score in (total, part):
                score.add(pairs, extra)
    return total, {k: v for k, v in per_set.items() if v.total}


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f} %"


def _table(score: Score) -> list[str]:
    roles = score.used_roles()
    lines = ["| role | labelled | precision | recall |", "|---|---|---|---|"]
    lines += [
        f"| {r} | {score.wanted(r)} | {_pct(score.precision(r))} | {_pct(score.recall(r))} |" for r in roles
    ]
    lines += [
        "",
        "Confusion matrix (rows: labelled role, columns: role given; merged = not found on its own):",
        "",
        "| labelled \\ given | " + " | ".join(roles) + " |",
        "|---|" + "---|" * len(roles),
    ]
    for wanted in roles:
        cells = [str(score.confusion.get((wanted, got), 0) or "·") for got in roles]
        lines.append(f"| {wanted} | " + " | ".join(cells) + " |")
    return lines


def _summary(score: Score) -> str:
    low = [r for r in score.used_roles() if (score.recall(r) or 0) < 0.8]
    merged = score.merged / score.total if score.total else 0.0
    return (
        f"**{score.right} / {score.total} = {_pct(score.accuracy)}** role accuracy; "
        f"merged {score.merged} ({_pct(merged)}); extra segments {score.extra}; "
        f"roles under 80 % recall: {'、'.join(low) or 'none'}."
    )


def _names(sets: list[LabelSet]) -> list[str]:
    found: dict[str, dict[str, str]] = {}
    for labels in sets:
        for name in labels.files:
            lines = clean(read_seed(labels.folder / name)).lines
            title = lines[0].text if lines else ""
            hits = find_names(title, "\n".join(ln.text for ln in lines[1:])).found
            if hits:
                found[name] = hits
    every = {n for hits in found.values() for n in hits}
    missed = [n for n in PLANTED if n not in every]
    wrong = sorted(n for n in every if not any(p.startswith(n) for p in PLANTED))  # a stem 杨柳湾 is right
    docs = sum(len(s.files) for s in sets)
    lines = [
        f"Names found in the {docs} labelled documents (gazetteer + patterns, drafter/mine/names.py): "
        f"planted names found {len(PLANTED) - len(missed)} / {len(PLANTED)}"
        + (f" (missed: {'、'.join(missed)})" if missed else "")
        + f"; false positives: {'、'.join(wrong) or 'none'}.",
        "",
        "| document | names (kind) |",
        "|---|---|",
    ]
    lines += [
        f"| {doc} | " + "、".join(f"{n}（{k}）" for n, k in hits.items()) + " |"
        for doc, hits in found.items()
    ]
    lines += [
        "",
        "Known gaps: a person named without a title or 同志 next to the name (“张振华带领……”); a company "
        "named without a trade word or 有限公司 (“恒源公司”); place-named projects are set aside only for the"
        " place names drafter knows (provinces and large cities).",
    ]
    return lines


def report(sets: list[LabelSet], train: list[Example]) -> str:
    loo, loo_parts = _evaluate(sets, train, heldout=False)
    held, _ = _evaluate(sets, train, heldout=True)
    docs = {ex.doc for ex in train}
    held_names = sorted(n for s in sets for n in s.heldout)
    lines = [
        "# `drafter mine`: segmenting and role accuracy",
        "",
        "Regenerate with `python bench/miner.py` (deterministic; "
        f"Python {platform.python_version()}).  Targets: ≥ 90 % role accuracy, no role under 80 % recall, "
        "≤ 5 % of segments merged.",
        "",
        f"Training data: {len(train)} labelled texts from {len(docs)} documents ("
        + "; ".join(f"{s.path.name}: {len(s.files) - len(s.heldout)}" for s in sets)
        + "); held out: "
        + "、".join(held_names)
        + ".",
        "",
        "## 1. Leave-one-document-out (seeds + test reports, held-out part excluded)",
        "",
        _summary(loo),
        "",
        "| label file | labelled | accuracy | merged |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {s.total} | {_pct(s.accuracy)} | {s.merged} |" for name, s in loo_parts.items()]
    lines += ["", *_table(loo), "", "Errors:", ""]
    lines += [f"- {e}" for e in loo.errors] or ["- none"]
    lines += [
        "",
        "## 2. The held-out reports (model trained on everything else)",
        "",
        _summary(held),
        "",
        *_table(held),
        "",
        "Errors:",
        "",
    ]
    lines += [f"- {e}" for e in held.errors] or ["- none"]
    lines += ["", "## 3. Names to slot", "", *_names(sets)]
    seeds = loo_parts.get("seeds.yaml")
    lines += [
        "",
        "## Caveats",
        "",
        f"- The telling figure is the seeds' ({_pct(seeds.accuracy) if seeds else '—'}): real reports written by"
        " others, each classified by a model that never saw it.  The test reports score higher because the"
        " same hand wrote them all.",
        "- The test reports were written for these tests by the same hands that wrote the classifier; they"
        " reproduce the shapes of real public reports (tables of contents, page markers, paywall lines,"
        " pinyin, ASCII punctuation, Traditional script, a one-line report, unnumbered headings, unusual"
        " section order) but their wording is more regular than real reports.  Expect lower figures on a"
        " unit's own texts; `drafter mine --labels` measures exactly that.",
        "- The held-out reports were kept out of the training data and out of tuning the classifier's"
        " weights.  r07, r12, r19, r22, r23 and r26 were written before the classifier and were visible while"
        " the segmenter was fixed; r29 and r31 were written after it (with r28 and r30, which went into the"
        " training part); their errors were seen, none was tuned for.",
        f"- Roles: {'、'.join(ROLES)}.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--training", action="store_true", help="rewrite drafter/mine/labelled.tsv first")
    args = parser.parse_args()
    import os

    os.chdir(ROOT)
    if args.training:
        written = write_training()
        print(f"drafter/mine/labelled.tsv: {len(written)} labelled texts")
    sets = [load_labels(ROOT / p) for p in LABEL_FILES]
    train = [ex for s in sets for ex in examples_of(s)]
    OUT.write_text(report(sets, train), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
