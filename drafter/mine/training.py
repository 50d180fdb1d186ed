"""The labelled texts that train ``drafter mine``'s text model, taken from hand-labelled reports.

Owns turning label files (:mod:`drafter.mine.labels`) into training examples — each labelled heading,
item and paragraph is found in its report by the cleaner and segmenter, and its text (a heading's
words, an item's lead and body, a paragraph) is kept with the label's role — and writing the shipped
``drafter/mine/labelled.tsv`` (:func:`write_training`).  Run ``python bench/miner.py --training`` from
the repository root after changing a label file, the test reports or the segmenter; a test checks that
the shipped file is up to date.  Files listed under ``heldout`` in a label file are left out (they are for evaluation).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from drafter.mine.clean import clean
from drafter.mine.labels import Found, LabelSet, found_units, load_labels, match
from drafter.mine.pipeline import read_seed
from drafter.mine.segment import Outline, segment
from drafter.mine.textmodel import DATA, Example, write_examples

FIXTURES = Path("tests") / "fixtures" / "mine"
LABEL_FILES = (FIXTURES / "seeds.yaml", FIXTURES / "layouts.yaml", FIXTURES / "reports" / "labels.yaml")


def doc_id(labels: LabelSet, name: str) -> str:
    """A document's name in the training data: its path relative to the working folder, with /."""
    path = labels.folder / name
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def outlines_of(labels: LabelSet, name: str) -> list[Outline]:
    """The segmented (not yet classified) outlines of one labelled file: one per document in it."""
    return [segment(doc) for doc in clean(read_seed(labels.folder / name)).documents()]


def units_in(outlines: list[Outline]) -> list[Found]:
    """Every segment of the outlines of one file, in order."""
    return [f for o in outlines for f in found_units(o)]


def examples_of(labels: LabelSet, heldout: bool = False) -> list[Example]:
    """The labelled texts of one label file; held-out files only when ``heldout`` is true."""
    out: list[Example] = []
    for name, labs in labels.files.items():
        if (name in labels.heldout) != heldout:
            continue
        pairs, _ = match(labs, units_in(outlines_of(labels, name)))
        doc = doc_id(labels, name)
        out.extend(
            Example(doc, p.label.role, p.label.kind, p.found.full) for p in pairs if p.found is not None
        )
    return out


def training_examples(paths: Iterable[Path] = LABEL_FILES) -> list[Example]:
    """Every labelled text of the given label files, held-out files left out."""
    return [ex for path in paths for ex in examples_of(load_labels(path))]


def write_training(path: Path = DATA) -> list[Example]:
    """Write the shipped training data from the label files; returns what was written."""
    examples = training_examples()
    write_examples(examples, path)
    return examples
