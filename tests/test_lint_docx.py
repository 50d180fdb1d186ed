"""``drafter lint 文件.docx``: layout findings against GB/T 9704, ``--fix`` (= format) and ``--批注``
(every finding as a Word comment on its exact characters, read back with python-docx and by LibreOffice)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from messy import pasted_docx, seed_lines
from ooxml import audit
from test_libreoffice import TIMEOUT, require

from drafter.lint.checks import Finding
from drafter.typeset.annotate import anchor, annotate
from drafter.typeset.layoutcheck import check_layout

SAMPLES = sorted((ROOT / "samples").glob("*.docx"))
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return pasted_docx(seed_lines(SEED), tmp_path / "粘贴稿.docx")


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_drafted_samples_pass_the_layout_checks(sample: Path) -> None:
    assert check_layout(sample) == []


def test_layout_findings_say_where_and_how(messy: Path) -> None:
    findings = check_layout(messy)
    by_rule = {f.rule: f for f in findings}
    assert set(by_rule) >= {
        "layout-page",
        "layout-margin",
        "layout-line",
        "layout-font",
        "layout-size",
        "layout-indent",
        "layout-page-number",
    }
    assert "A4" in by_rule["layout-page"].suggestion
    assert "上 37" in by_rule["layout-margin"].suggestion
    assert any(f.rule == "layout-line" and "1.5 倍行距" in f.message for f in findings)
    heading = next(f for f in findings if f.rule == "layout-font" and "一级标题" in f.message)
    assert "黑体" in heading.message and heading.paragraph > 1
    assert all("drafter format" in f.suggestion for f in findings)


def test_lint_cli_reports_layout_and_fix_makes_it_pass(run, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("lint", messy, "--format", "json")
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert "layout-margin" in rules and "layout-font" in rules
    fixed = tmp_path / "fixed.docx"
    result = run("lint", messy, "--fix", "-o", fixed)
    assert result.exit_code == 0, result.output
    assert check_layout(fixed) == []
    again = run("lint", fixed, "--format", "json")
    assert not {f["rule"] for f in json.loads(again.output)["findings"]} & {
        r for r in rules if r.startswith("layout")
    }


def test_fix_and_comments_need_a_docx(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "a.txt"
    text.write_text("一、总体情况\n", encoding="utf-8")
    for option in ("--fix", "--批注"):
        result = run("lint", text, option)
        assert result.exit_code == 2 and ".docx" in result.output


# --- comments on the exact characters ---------------------------------------------------------


def test_anchor_splits_runs_at_the_finding() -> None:
    word = docx.Document()
    p = word.add_paragraph()
    p.add_run("全面贯彻党的")
    p.add_run("二十大精神和签定的协议")
    first, last = anchor(p._p, 12, 14)  # 签定
    assert first is last and first.text == "签定"
    assert "".join(r.text for r in p.runs) == "全面贯彻党的二十大精神和签定的协议"
    first, last = anchor(p._p, 4, 8)  # 党的二十 spans two runs
    assert first.text == "党的" and last.text == "二十"


def comments_of(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, the commented characters) for every comment, read back with python-docx."""
    word = docx.Document(str(path))
    texts = {c.comment_id: (c.author, c.text) for c in word.comments}
    out = []
    for p in word.paragraphs:
        xml = p._p.xml
        for cid in re.findall(r'commentRangeStart w:id="(\d+)"', xml):
            inner = xml.split(f'commentRangeStart w:id="{cid}"/>', 1)[1].split(
                f'commentRangeEnd w:id="{cid}"', 1
            )[0]
            anchored = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", inner))
            out.append((*texts[int(cid)], anchored))
    return out


def test_comments_land_on_the_exact_characters(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = shutil.copyfile(SAMPLES[0], tmp_path / "稿.docx")
    word = docx.Document(str(source))
    p = word.paragraphs[4]
    p.add_run("截止目前，")
    p.add_run("全区累计完成。")
    word.save(str(source))
    result = run("lint", source, "--批注", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    target = tmp_path / "稿（批注）.docx"
    assert target.is_file()
    assert audit(target) == []
    comments = comments_of(target)
    for kept in comments_of(source):  # the draft's own 请补充 comments on its markers stay as they were
        comments.remove(kept)
    assert len(comments) == len(findings) > 0
    assert {author for author, _, _ in comments} == {"drafter"}
    until = next(c for c in comments if "word-jiezhi-time" in c[1])
    assert until[2] == "截止"  # the two characters, not the whole run “截止目前，”
    for finding, (_, text, anchored) in zip(findings, comments, strict=True):
        assert finding["rule"] in text
        if finding["paragraph"]:
            assert anchored, finding
    # the original is untouched, the copy keeps every character
    assert [q.text for q in docx.Document(str(target)).paragraphs] == [
        q.text for q in docx.Document(str(source)).paragraphs
    ]
    assert run("lint", source, "--批注").exit_code == 2  # the copy exists: never overwritten without --force
    assert run("lint", source, "--批注", "--force").exit_code in (0, 1)
    assert (tmp_path / "稿（批注）.bak.docx").is_file()


def test_libreoffice_reads_one_comment_per_finding(run, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office = shutil.which("libreoffice") or shutil.which("soffice") or require("soffice")
    target = tmp_path / "annotated.docx"
    result = run("lint", messy, "--批注", "-o", target, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) > 20 and {f["rule"] for f in findings} >= {"noise-marker", "layout-margin"}
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    odt = tmp_path / "annotated.odt"
    assert odt.is_file()
    content = zipfile.ZipFile(odt).read("content.xml").decode("utf-8")
    notes = re.findall(r"<office:annotation(?: [^>]*)?>(.*?)</office:annotation>", content, re.S)
    ours = [note for note in notes if "<dc:creator>drafter</dc:creator>" in note]
    assert len(ours) == len(findings)
    assert len(notes) == len(findings) + 1  # the reviewer's own comment is still there
    for finding in findings:
        assert sum(f"（规则：{finding['rule']}）" in note for note in ours) >= 1


def test_annotate_places_whole_document_findings_on_the_first_paragraph(messy: Path) -> None:
    findings = [Finding("demo", "warning", f"问题{i}", i + 2, 1, "", "建议", "来源", 2) for i in range(3)]
    findings.append(Finding("layout-page", "warning", "纸张不是 A4", 0, 1, "", "改为 A4", "来源"))
    data, placed = annotate(messy, findings)
    assert placed == len(findings)
    word = docx.Document(io.BytesIO(data))
    assert sum(c.author == "drafter" for c in word.comments) == 4
    assert "commentRangeStart" in word.paragraphs[0]._p.xml
