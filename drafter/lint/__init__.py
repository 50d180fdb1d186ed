"""``drafter lint``: one check of a finished draft before it is handed in.

Reads a .docx, .md or .txt draft (or a rendered :class:`~drafter.model.Document`) and reports every
finding with its paragraph/line, column, the text around it, a suggested fix and the rule's source:

* leftover placeholders (【待补充：…】), redactions copied from sample reports (X次、XX份、**个、*名、
  ××), template leftovers ({{ }}) — errors;
* noise pasted from material sites (【公众号…】、素材库、代笔、会员、##paidbegin##) — errors;
* 规范表述 from the shipped rule file ``rules.yaml`` (两个维护/四个意识/四个自信/两个确立, 巡视/巡察/
  巡查, 截止/截至, 制定/制订, 作/做, 必须/必需, 党的二十大精神, 市委, typos, doubled words …), each
  rule citing its source, plus users' own files (``--rules``);
* numbering (一、二、三 and （一）（二） without gaps or repeats, 1. not 1、, no end punctuation on a
  heading that stands alone), dates (full year, no zero padding, 〔2023〕 in 发文字号);
* 提法 that are stale for the report year (``year``, or read from the title such as “2023年度”).

Public API: :func:`lint_paragraphs`, :func:`lint_file`, :func:`lint_document`, :func:`load_rules`,
:func:`detect_year`, :class:`Finding`, :class:`Rule`.  Nothing here prints or exits; bad input raises
:class:`~drafter.errors.DrafterError`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.errors import Diagnostic, Location
from drafter.lint import rulecache
from drafter.lint.checks import CHECK_IDS, Finding, detect_year, example_failures, run_all
from drafter.lint.readers import read_paragraphs
from drafter.lint.rules import Rule, RuleFileError, RuleSet, read_rule_file

if TYPE_CHECKING:
    from drafter.model import Document

__all__ = [
    "CHECK_IDS",
    "Finding",
    "Rule",
    "RuleSet",
    "detect_year",
    "has_errors",
    "lint_document",
    "lint_file",
    "lint_paragraphs",
    "load_rules",
    "read_paragraphs",
]


def load_rules(extra_rule_files: Sequence[Path] = ()) -> RuleSet:
    """The shipped rules with users' files applied on top (a user rule with a shipped id replaces it).

    A user's rule whose own ``examples`` do not behave, or a ``disable`` entry naming no known
    rule, is reported as a :class:`~drafter.lint.rules.RuleFileError` with file and line.
    """
    ruleset = rulecache.shipped()
    for path in extra_rule_files:
        extra = read_rule_file(path)
        problems: list[Diagnostic] = []
        for rule in extra.rules:
            file, _, line = rule.origin.rpartition(":")
            for failure in example_failures(rule):
                problems.append(
                    Diagnostic(
                        "error",
                        f"规则“{rule.id}”的{failure}",
                        Location(file, int(line), None, "examples"),
                        "修改 pattern 或示例，使 fire 中的示例都能找到、pass 中的示例都不会误报。",
                    )
                )
        ruleset = ruleset.merged(extra)
        known = {r.id for r in ruleset.rules} | set(CHECK_IDS)
        for rule_id, origin in extra.disabled:
            if rule_id not in known:
                file, _, line = origin.rpartition(":")
                problems.append(
                    Diagnostic(
                        "error",
                        f"disable 中的规则“{rule_id}”不存在",
                        Location(file, int(line), None, "disable"),
                        "运行 drafter lint --format json 可看到每条提示的规则 id。",
                    )
                )
        if problems:
            raise RuleFileError(
                problems[0].message if len(problems) == 1 else f"规则文件有 {len(problems)} 处错误",
                location=problems[0].location,
                hint=problems[0].hint,
                diagnostics=problems,
            )
    return ruleset


def lint_paragraphs(
    paragraphs: Sequence[str],
    *,
    year: int | None = None,
    rules: Sequence[Rule] | None = None,
    disable: Collection[str] = (),
    repeat_rate: float = 2.0,
) -> list[Finding]:
    """Check paragraphs (index 0 = paragraph 1).  ``year`` defaults to the year read from the title;
    ``rules`` defaults to the shipped rules; ``disable`` switches off rule or check ids; ``repeat_rate`` is
    how many times per 1,000 characters a phrase may recur before it is reported."""
    active = rulecache.shipped().active() if rules is None else tuple(rules)
    report_year = year if year is not None else detect_year(paragraphs)
    return run_all(
        paragraphs, year=report_year, rules=active, disabled=frozenset(disable), repeat_rate=repeat_rate
    )


def lint_file(
    path: Path, *, year: int | None = None, extra_rule_files: Sequence[Path] = (), repeat_rate: float = 2.0
) -> list[Finding]:
    """Read a .docx/.md/.txt draft and check it with the shipped rules plus ``extra_rule_files``."""
    ruleset = load_rules(extra_rule_files)
    paragraphs = read_paragraphs(Path(path))
    return lint_paragraphs(
        paragraphs, year=year, rules=ruleset.active(), disable=ruleset.disabled_ids, repeat_rate=repeat_rate
    )


def lint_document(document: Document, *, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Check a rendered document (one paragraph per block; the year is the document's own)."""
    paragraphs = [block.text for block in document.blocks]
    return lint_paragraphs(paragraphs, year=document.year, rules=rules)


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
