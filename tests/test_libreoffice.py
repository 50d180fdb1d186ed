"""The real client: LibreOffice opens every sample draft and shows it as GB/T 9704 requires.

Each sample draft (the committed ``samples/*.docx`` and fresh renders of ``samples/*.yaml``) and a
synthetic body-only page are converted to PDF by headless LibreOffice, with the fontconfig alias file
``tests/fonts/fonts.conf`` mapping 仿宋/楷体/黑体/小标宋 to free stand-ins (FandolFang, FandolKai, Noto Sans
CJK, Noto Serif CJK).  From the PDF (``pdftotext -bbox``, ``pdffonts``) the tests check that every body page
holds at most 22 lines of at most 28 characters, that every page shows its number as “— n —”, and that the
embedded fonts are the aliased stand-ins rather than one sans face for everything.

Without LibreOffice, poppler or the fonts these tests skip; under ``CI=true`` they fail instead, so CI
cannot pass without having looked at the drafts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from drafter.cli import cli
from drafter.model import build_document
from drafter.writers.docx import render_docx

FONTS_CONF = Path(__file__).resolve().parent / "fonts" / "fonts.conf"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
COMMITTED = sorted((ROOT / "samples").glob("*.docx"))
TIMEOUT = 300  # seconds, for one LibreOffice run converting every draft

MM = 72 / 25.4  # PDF points per millimetre
TYPE_LEFT, TYPE_RIGHT = 28 * MM, (210 - 26) * MM  # the 156 mm type area
TYPE_BOTTOM = (297 - 35) * MM
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
# Closing punctuation LibreOffice may hang past the right edge (it reads w:overflowPunct inverted,
# sw/source/writerfilter/dmapper/DomainMapper.cxx); it is not a 29th character inside the type area.
HANGING = set("，。、；：？！”’）》」』】")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def require(name: str) -> str:
    """The path of a tool the real-client tests need: skip without it, but fail under CI=true."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} 未安装：无法用真实客户端检查 Word 稿"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "（CI=true 时必须运行这些测试）")
    pytest.skip(message)


def fontconfig_env() -> dict[str, str]:
    return {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}


def require_fonts() -> None:
    """The aliases must resolve to the free stand-ins, or LibreOffice would draw one face for all.

    (Without fc-match this early check is left out; the embedded-font test still catches missing fonts.)"""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return
    wanted = {"仿宋_GB2312": "FandolFang", "楷体_GB2312": "FandolKai", "黑体": "Noto Sans CJK"}
    for alias, family in wanted.items():
        got = subprocess.run(
            [fc_match, "-f", "%{family}", alias],
            env=fontconfig_env(),
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        if family not in got:
            message = f"字体 {family} 未安装（{alias} 被匹配为 {got or '无'}）"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def units(text: str) -> float:
    """Width in full-width characters: CJK characters and the CJK-font quotes and dashes count 1, Latin 0.5."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every draft converted to PDF in one LibreOffice run; name → PDF path."""
    office = shutil.which("libreoffice") or shutil.which("soffice") or require("soffice")
    require("pdftotext")
    require("pdffonts")
    require_fonts()
    work = tmp_path_factory.mktemp("libreoffice")
    drafts: list[Path] = []
    for path in COMMITTED:
        target = work / f"committed-{path.name}"
        shutil.copyfile(path, target)
        drafts.append(target)
    for facts in SAMPLES:
        target = work / f"fresh-{facts.stem}.docx"
        result = CliRunner().invoke(cli, ["render", str(facts), "-o", str(target)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        drafts.append(target)
    grid = work / "grid.docx"
    grid.write_bytes(render_docx(build_document(GRID_MARKUP)))
    drafts.append(grid)
    proc = subprocess.run(
        [
            office,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            *map(str, drafts),
        ],
        env=fontconfig_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    out = {d.stem: d.with_suffix(".pdf") for d in drafts}
    missing = [name for name, pdf in out.items() if not pdf.is_file() or pdf.stat().st_size == 0]
    assert not missing, f"LibreOffice 没有转换：{missing}\n{proc.stdout}\n{proc.stderr}"
    return out


def pages(pdf: Path) -> list[list[Word]]:
    out = subprocess.run(
        [require("pdftotext"), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return [
        [Word(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(page)]
        for page in out.split("<page ")[1:]
    ]


def body_lines(words: list[Word]) -> list[list[Word]]:
    """The words inside the type area's height, grouped into lines (by baseline), left to right."""
    lines: dict[int, list[Word]] = {}
    for w in sorted((w for w in words if w.y1 < TYPE_BOTTOM + 1), key=lambda w: (round(w.y1), w.x0)):
        lines.setdefault(round(w.y1), []).append(w)
    return list(lines.values())


def footer(words: list[Word]) -> list[Word]:
    return [w for w in words if w.y0 > TYPE_BOTTOM]


DRAFTS = [f"committed-{p.stem}" for p in COMMITTED] + [f"fresh-{p.stem}" for p in SAMPLES]


def test_every_sample_has_a_draft_to_check() -> None:
    assert SAMPLES and COMMITTED
    assert {p.stem for p in COMMITTED} >= {p.stem for p in SAMPLES}


@pytest.mark.parametrize("name", DRAFTS)
def test_body_pages_hold_22_lines_of_28_characters(pdfs: dict[str, Path], name: str) -> None:
    all_pages = pages(pdfs[name])
    assert all_pages, "PDF 没有页面"
    for number, words in enumerate(all_pages, 1):
        lines = body_lines(words)
        assert 0 < len(lines) <= LINES_PER_PAGE, f"第{number}页有 {len(lines)} 行"
        for line in lines:
            text = "".join(w.text for w in line)
            assert line[0].x0 >= TYPE_LEFT - 1, f"第{number}页“{text}”越过左边界"
            if line[-1].x1 > TYPE_RIGHT + 1:  # only a hanging closing punctuation mark may pass the edge
                assert text[-1] in HANGING, f"第{number}页“{text}”越过右边界"
                text = text[:-1]
            assert units(text) <= CHARS_PER_LINE, f"第{number}页这一行超过 28 字：{text}"


@pytest.mark.parametrize("name", DRAFTS)
def test_every_page_shows_its_number(pdfs: dict[str, Path], name: str) -> None:
    all_pages = pages(pdfs[name])
    for number, words in enumerate(all_pages, 1):
        assert "".join(w.text for w in footer(words)) == f"—{number}—"


@pytest.mark.parametrize("name", DRAFTS)
def test_embedded_fonts_are_the_aliased_stand_ins(pdfs: dict[str, Path], name: str) -> None:
    listing = subprocess.run(
        [require("pdffonts"), str(pdfs[name])], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    names = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}
    embedded = " ".join(sorted(names))
    for family in ("FandolFang", "FandolKai", "NotoSansCJK"):  # 仿宋 body, 楷体 （一）, 黑体 一、
        assert any(family in n.replace(" ", "") for n in names), f"没有嵌入 {family}：{embedded}"
    faces = {re.sub(r"[-,].*$", "", n) for n in names if "Fandol" in n or "CJK" in n}
    assert len(faces) >= 3, f"中文只用了 {faces}"


# --- the grid itself: a page of body text only is exactly 22 lines of exactly 28 characters ---------

GRID_MARKUP = "\n".join(["::title 版式测试", "::para " + "党建工作" * 400, "::signature 张三"])


def test_libreoffice_shows_22_lines_of_28_characters(pdfs: dict[str, Path]) -> None:
    all_pages = pages(pdfs["grid"])
    assert len(all_pages) >= 2
    for number, words in enumerate(all_pages[:2], 1):
        body = [w for w in words if w.y1 < TYPE_BOTTOM + 1]
        foot = footer(words)
        if number == 2:  # a page of body text only: the full 22 x 28 grid
            lines = ["".join(w.text for w in line) for line in body_lines(body)]
            assert len(lines) == LINES_PER_PAGE
            assert all(len(text) == CHARS_PER_LINE for text in lines)
            tops = sorted({round(w.y0) for w in body})
            assert (tops[-1] - tops[0]) / 21 == pytest.approx(579 / 20, abs=0.5)
        # page number: “— n —”, its dashes about 7 mm under the type area
        assert "".join(w.text for w in foot) == f"—{number}—"
        middle = (foot[0].y0 + foot[0].y1) / 2
        assert middle - TYPE_BOTTOM == pytest.approx(7 * MM, abs=2 * MM)
        if number % 2:  # odd: right-aligned one 14 pt character in from the right margin
            assert foot[-1].x1 == pytest.approx(TYPE_RIGHT - 14, abs=2)
        else:  # even: left-aligned one character in
            assert foot[0].x0 == pytest.approx(TYPE_LEFT + 14, abs=2)
