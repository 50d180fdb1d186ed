"""Shared test helpers: paths, a facts-file writer and a CLI runner."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

# keep the on-disk caches of test runs out of the user's cache folder; set before drafter is imported, since
# importing drafter.schema reads the registry (and keeps it in the cache)
os.environ.setdefault("DRAFTER_CACHE_DIR", tempfile.mkdtemp(prefix="drafter-test-cache-"))

from drafter.cli import cli
from drafter.schema import FIELDS, Field

ROOT = Path(__file__).resolve().parent.parent
# the bench's scripts the tests share (bench.sameness: one draft per unit type), importable when drafter is the
# installed package and the repository root is not on the path (CI); after site-packages, so drafter is the
# installed one still
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))
# a small valid facts file shared by the CLI and bad-input tests
FACTS = """\
年度: 2024
报告日期: 2025-01-10
单位:
  全称: 某市发展和改革委员会
  简称: 市发改委
  上级党委: 市委
述职人:
  姓名: 张三
  职务: 党组书记、主任
思想建设:
  中心组学习次数: 12
"""

FIXTURE_FRAGMENTS = Path(__file__).resolve().parent / "fixtures" / "fragments"


def full_facts(fields: tuple[Field, ...] = FIELDS) -> dict[str, Any]:
    """A facts mapping with every scalar field set to its schema example."""
    out: dict[str, Any] = {}
    for f in fields:
        if f.kind == "group":
            out[f.key] = full_facts(f.children)
        elif f.kind in ("count", "percent", "year", "date", "text", "choice"):
            out[f.key] = f.example
    return out


@pytest.fixture
def write_facts(tmp_path: Path) -> Callable[..., Path]:
    def write(content: str | dict[str, Any], name: str = "facts.yaml", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        text = (
            content
            if isinstance(content, str)
            else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        )
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def run() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def measures_of(plan: Any) -> list[Any]:
    """下一步's measures as answers: each printed measure and the measures folded into it (a cause's measure
    said after the measure of the problem it explains, in one paragraph)."""
    return [x for m in plan.sections["下一步"].items for x in (m, *m.merged)]


def part_text(result: Any, which: str) -> str:
    """The text of one part of a draft — 整改, 问题 or 下一步 — found by its layout's title (kind.yaml 版式: the
    titles differ between layouts), its own heading left out."""
    layout = result.plan.layout
    title = {"整改": layout.rectify_title, "问题": layout.problems_title, "下一步": layout.plans_title}[which]
    return "\n".join(b.text for b in result.document.blocks if b.section == title and b.kind != "heading1")
