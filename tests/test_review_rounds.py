"""What the blind reviews since session 13 found, each row as behaviour a draft must show.

tests/fixtures/review_rounds.yaml holds, per round, the units the reviewer read (each sample under a new name, at
the default seed) and every place where a problem or cause denied what the text above claimed (“支委分头联系
项目组” / “党员联系服务员工不够经常”).  Those rows are 前后矛盾 pairs now (templates/主题.yaml, keys 四三- to
四六-, 审四七-, 四八-, 四九-, 五〇-, 五一-, 五二-, 五三-, 五四-, 五五-, 五六-, 五七-, 五八-, 五九-, 六〇-, 六一-,
六二-, 六三-, 六四-, 六五-, 六八-, 六九-, 八二-, 八三-, 八四- and 八五-): a draft may still print one side, never both.  A new
round is a new block of that file, not a new test module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_contradictions import REG, drafter_for, printed_together

from drafter.claims import says_any

ROUNDS: dict[int, dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "review_rounds.yaml").read_text(encoding="utf-8")
)
SEEDS = (None, 0, 1)  # the default seed the reviewers read, and two more
ROWS = [(n, *row) for n, block in ROUNDS.items() for row in block["矛盾"]]
_DRAFTERS: dict[int, Callable[..., Any]] = {
    n: drafter_for({s: (full, short) for s, (full, short) in block["单位"].items()})
    for n, block in ROUNDS.items()
}


def test_the_rounds_are_read() -> None:
    """The rounds are there, every row names a unit its round read, and rows are not dropped silently."""
    assert set(range(43, 66)) | {68, 69, 82, 83, 84, 85} <= set(ROUNDS)  # rounds 43 to 65, 68, 69, 82 to 85
    assert len(ROWS) >= 1018
    for n, sample, _, _ in ROWS:
        assert sample in ROUNDS[n]["单位"], (n, sample)


@pytest.mark.parametrize(("round_no", "sample", "claim", "denial"), ROWS)
def test_each_row_is_a_known_pair(round_no: int, sample: str, claim: str, denial: str) -> None:
    """Each row's denial is named by a 前后矛盾 pair whose claim the row's claim voices."""
    pairs = [p for p in REG.topics["前后矛盾"].values() if says_any(p.denials, denial)]
    assert any(says_any(p.keywords, claim) for p in pairs), (round_no, sample, claim, denial)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("round_no", sorted(ROUNDS))
def test_the_rounds_drafts_no_longer_deny_their_work(round_no: int, seed: int | None) -> None:
    rows = [(s, c, d) for n, s, c, d in ROWS if n == round_no]
    assert printed_together(rows, _DRAFTERS[round_no], seed) == []
