"""The text model of ``drafter mine``: a multinomial naive Bayes over character bigrams.

Owns the features (the Chinese characters of a text, slots, digits, Latin letters and punctuation
taken out, cut into overlapping 2-grams; adding 3-grams or 1-grams did not help in the
leave-one-document-out run of bench/miner.py and doubled the time), the model (:class:`NaiveBayes`: counts per role,
additive smoothing, uniform priors) and the shipped training data: ``labelled.tsv`` beside this file,
written by :mod:`drafter.mine.training` from the hand-labelled reports of the test fixtures (the part
kept aside for evaluation is not in it).  The model is trained when first needed (a few hundred
short texts: well under a second) and kept for the process.

Why hand-written rather than scikit-learn: the whole model is counting and one sum of logarithms;
scikit-learn (with SciPy and NumPy) would add some 100 MB of dependencies and a second of import
time to a command that otherwise needs none of it.

:meth:`NaiveBayes.log_scores` returns *scaled* log-likelihoods: a long paragraph's evidence is scaled
down to at most :data:`EVIDENCE` n-grams' worth, so that the role of the section a text sits in (a
prior the classifier adds) still counts for a paragraph of 300 characters, while a clear item keeps
its own role.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("labelled.tsv")
NGRAMS = (2,)
ALPHA = 0.1
EVIDENCE = 24.0
MAX_CHARS = 300  # a longer text (a whole section) is judged on its beginning: same verdict, less time
_NOT_CJK = re.compile(r"\{\{[^}]*\}\}|[^\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Example:
    """One labelled text: the document it comes from, its role, its kind and its text."""

    doc: str
    role: str
    kind: str
    text: str


def features(text: str) -> Counter[str]:
    """Character n-grams (:data:`NGRAMS`) of the Chinese characters of ``text`` (within runs of them)."""
    grams: Counter[str] = Counter()
    for run in _NOT_CJK.split(text):
        for n in NGRAMS:
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with additive smoothing and uniform priors."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    _logp: dict[str, dict[str, float]] = field(default_factory=dict)  # role → n-gram → log P(n-gram | role)
    _unseen: dict[str, float] = field(default_factory=dict)  # role → log P(unseen n-gram | role)

    @classmethod
    def trained(cls, examples: Iterable[Example]) -> NaiveBayes:
        model = cls()
        for ex in examples:
            grams = features(ex.text)
            model.counts.setdefault(ex.role, Counter()).update(grams)
            model.vocabulary.update(grams)
        model.totals = {role: sum(c.values()) for role, c in model.counts.items()}
        v = len(model.vocabulary) or 1
        for role, counts in model.counts.items():
            denom = math.log(model.totals[role] + ALPHA * v)
            model._logp[role] = {g: math.log(k + ALPHA) - denom for g, k in counts.items()}
            model._unseen[role] = math.log(ALPHA) - denom
        return model

    @property
    def roles(self) -> list[str]:
        return sorted(self.counts)

    def log_scores(self, text: str, roles: Sequence[str]) -> dict[str, float]:
        """Scaled log-likelihood of ``text`` under each role (0 for all when it has no n-gram)."""
        grams = features(text[:MAX_CHARS])
        n = sum(grams.values())
        if not n:
            return {r: 0.0 for r in roles}
        scale = min(1.0, EVIDENCE / n)
        out: dict[str, float] = {}
        for role in roles:
            logp = self._logp.get(role, {})
            unseen = self._unseen.get(role, math.log(ALPHA) - math.log(ALPHA * (len(self.vocabulary) or 1)))
            out[role] = scale * sum(k * logp.get(g, unseen) for g, k in grams.items())
        return out


def softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {r: math.exp(s - top) for r, s in scores.items()}
    total = sum(exp.values())
    return {r: e / total for r, e in exp.items()}


def read_examples(path: Path = DATA) -> list[Example]:
    """The labelled texts of a TSV file (doc, role, kind, text; a header line)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [Example(*row) for row in rows[1:] if len(row) == 4]


def write_examples(examples: Iterable[Example], path: Path = DATA) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["doc", "role", "kind", "text"])
        for ex in examples:
            writer.writerow([ex.doc, ex.role, ex.kind, ex.text])


@lru_cache(maxsize=1)
def shipped_model() -> NaiveBayes:
    """The model trained on the shipped labelled texts."""
    return NaiveBayes.trained(read_examples())
