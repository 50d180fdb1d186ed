"""Documents and rule files given to ``drafter lint`` that are damaged, hostile or huge."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.lint.readers import read_paragraphs, strip_markdown
from drafter.lint.rules import backtracking_risk, read_rule_file


def _good_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("一、主要工作")
    document.save(str(path))
    return path


def _rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> Path:
    """A copy of the package ``src`` with some parts replaced (or removed, for None)."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename in change:
                data = change[item.filename]
                if data is not None:
                    new.writestr(item.filename, data)
            else:
                new.writestr(item, old.read(item))
        for name, data in change.items():
            if data is not None and name not in old.namelist():
                new.writestr(name, data)
    return dst


def _lint(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["lint", str(path)], catch_exceptions=False)
    return result.exit_code, result.output


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "case", ["truncated-document", "empty-rels", "billion-laughs", "no-document", "garbage-document"]
)
def test_damaged_docx_is_a_chinese_error_with_exit_2(case: str, tmp_path: Path) -> None:
    good = _good_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as package:
        document = package.read("word/document.xml")
    change: dict[str, bytes | None] = {
        "truncated-document": {"word/document.xml": document[: len(document) // 2]},
        "empty-rels": {"_rels/.rels": b""},
        "billion-laughs": {"word/document.xml": LAUGHS},
        "no-document": {"word/document.xml": None},
        "garbage-document": {"word/document.xml": b"\x00\xff not xml"},
    }[case]
    bad = _rewrite(good, tmp_path / "稿.docx", change)
    code, output = _lint(bad)
    assert code == 2, output
    assert "文件已损坏或不是 Word 文档" in output and "稿.docx" in output
    assert "内部错误" not in output and "Traceback" not in output


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    good = _good_docx(tmp_path / "good.docx")
    huge = b"<w:p/>" + b" " * (60 * 1024 * 1024)  # compresses ~1000:1
    bad = _rewrite(good, tmp_path / "炸弹.docx", {"word/document.xml": huge})
    assert bad.stat().st_size < 1024 * 1024
    with pytest.raises(DrafterError, match="解压后过大"):
        read_paragraphs(bad)


def test_high_ratio_part_is_refused(tmp_path: Path) -> None:
    good = _good_docx(tmp_path / "good.docx")
    bad = _rewrite(good, tmp_path / "比例.docx", {"word/media/x.bin": b"\x00" * (5 * 1024 * 1024)})
    with pytest.raises(DrafterError, match="解压后过大"):
        read_paragraphs(bad)


def test_a_good_docx_still_reads(tmp_path: Path) -> None:
    assert read_paragraphs(_good_docx(tmp_path / "good.docx")) == ["一、主要工作"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "稿.md"
    os.mkfifo(fifo)
    with pytest.raises(DrafterError, match="不是普通文件"):
        read_paragraphs(fifo)


def test_bold_and_redactions_on_a_long_line_of_stars() -> None:
    line = "**a " * 25_000
    assert strip_markdown([line]) == [line]  # no "**…**" pair closes after a non-space: nothing is bold
    assert strip_markdown(["**一是** 学习、**二是** 落实"]) == ["一是 学习、二是 落实"]
    assert strip_markdown(["开展**次，完成**项"]) == ["开展**次，完成**项"]


@pytest.mark.parametrize("pattern", ["(党+)+建$", "(a*)*b", "(?:学习|学)+教育", "(x+){2,}"])
def test_rule_regexes_that_can_backtrack_forever_are_refused(pattern: str, tmp_path: Path) -> None:
    assert backtracking_risk(pattern) is not None
    rules = tmp_path / "我的规则.yaml"
    rules.write_text(
        "rules:\n  - id: my-slow\n    pattern: '" + pattern + "'\n    message: 慢\n", encoding="utf-8"
    )
    with pytest.raises(DrafterError) as info:
        read_rule_file(rules)
    assert "卡住" in info.value.format() and "我的规则.yaml:3" in info.value.format()


@pytest.mark.parametrize("pattern", ["党+建", "(党建)+", "[甲乙]+工作", "(?:一|二)是", "布署|布暑", "a{2,5}"])
def test_ordinary_rule_regexes_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def test_shipped_rules_have_no_slow_regex() -> None:
    from drafter.lint.rules import shipped_rules

    assert shipped_rules().rules  # parsing refuses slow patterns, so loading at all is the check


def test_zip_reading_uses_declared_sizes(tmp_path: Path) -> None:
    """zipfile stops at the declared size, so the size check above is a real bound."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("a.xml", b"x" * 1000)
    with zipfile.ZipFile(buffer) as package:
        assert package.getinfo("a.xml").file_size == 1000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_rule_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "规则.yaml")
    with pytest.raises(DrafterError, match="不是普通文件"):
        read_rule_file(tmp_path / "规则.yaml")
