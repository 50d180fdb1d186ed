"""drafter.yamlio: reading YAML files with positions and Chinese errors, and every reader going through it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURE_FRAGMENTS

from drafter import yamlio
from drafter.errors import DrafterError, FactsError
from drafter.yamlio import FileKind

KIND = FileKind(
    "测试文件",
    FactsError,
    missing_hint="检查路径",
    example="对照样例",
    any_encoding=True,
    max_bytes=1024,
    max_nodes=100,
)
UTF8_KIND = FileKind("测试文件", FactsError, missing_hint="检查路径", example="对照样例")


def error_of(call: Callable[[], Any]) -> DrafterError:
    with pytest.raises(DrafterError) as info:
        call()
    return info.value


# --------------------------------------------------------------------------- reading text


def test_gbk_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "事实.yaml"
    path.write_bytes("单位:\n  全称: 某县水务局\n".encode("gbk"))
    text, encoding = yamlio.read_text(path, KIND)
    assert text == "单位:\n  全称: 某县水务局\n" and encoding == "gb18030"


def test_utf8_only_kind_refuses_gbk_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "片段.yaml"
    path.write_bytes("role: 开头\ntext: 报告如下\n".encode("gbk"))
    err = error_of(lambda: yamlio.read_text(path, UTF8_KIND))
    assert "不是 UTF-8 编码" in str(err) and err.location.line == 1 and err.hint


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert yamlio.read_text(path, UTF8_KIND)[0] == "a: 1\n"


def test_missing_file(tmp_path: Path) -> None:
    err = error_of(lambda: yamlio.read_text(tmp_path / "没有.yaml", KIND))
    assert isinstance(err, FactsError)
    assert str(err) == "找不到测试文件" and err.hint == "检查路径"
    assert str(err.location) == str(tmp_path / "没有.yaml")


def test_path_under_a_file_is_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    err = error_of(lambda: yamlio.read_text(tmp_path / "a.txt" / "b.yaml", KIND))
    assert str(err) == "找不到测试文件"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    err = error_of(lambda: yamlio.read_text(tmp_path, KIND))
    assert "文件夹" in str(err) and "测试文件" in str(err) and err.hint


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_opening(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.yaml"
    os.mkfifo(fifo)
    err = error_of(lambda: yamlio.read_text(fifo, KIND))
    assert "不是普通文件" in str(err)


def test_oversized_file_names_the_long_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("年度: 2024\n单位:\n  全称: " + "某" * 400 + "\n", encoding="utf-8")
    err = error_of(lambda: yamlio.read_text(path, KIND))
    assert "过长" in str(err) and err.location.line == 3 and err.location.key == "单位.全称"


def test_nul_bytes_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n\x00\x00")
    assert "不是文本文件" in str(error_of(lambda: yamlio.read_text(path, KIND)))


# --------------------------------------------------------------------------- syntax errors


def test_syntax_error_is_chinese_with_line_and_key() -> None:
    err = error_of(lambda: yamlio.load("年度: 2024\n单位:\n\t全称: 某局\n", "f.yaml", KIND))
    assert str(err) == "测试文件 YAML 语法错误：用了 Tab 键缩进"
    assert (err.location.line, err.location.key) == (3, "单位.全称")
    assert err.hint == "YAML 不能用 Tab 键缩进，请改成空格"
    assert "found" not in err.format()  # no English from PyYAML


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: 1\nb: 'x\nc: 2\n", 2, "引号没有闭合"),
        ('a: "\\d"\n', 1, "反斜杠转义无效"),
        ("a: [1, 2\n", 1, "方括号"),
        ("a: {b: 1\n", 1, "花括号"),
        ("a: *b\n", 1, "别名"),
        ("a: b: c\n", 1, "冒号用法不对"),
        ("a: 1\n---\na: 2\n", 2, "---"),
        ("a：\n  b: 1\n", 1, "中文冒号"),
    ],
)
def test_one_table_of_syntax_errors(text: str, line: int, problem: str) -> None:
    found = error_of(lambda: yamlio.load(text, "f.yaml", KIND))
    assert problem in str(found) and found.location.line == line, found.format()


def test_describe_error_returns_problem_hint_line_column_key() -> None:
    import yaml

    text = "a: 1\nb:\n  c: 'x\n"
    with pytest.raises(yaml.YAMLError) as info:
        yaml.compose(text, Loader=yaml.SafeLoader)
    found = yamlio.describe_error(info.value, text)
    assert (found.problem, found.line, found.key) == ("引号没有闭合", 3, "b.c")
    assert found.column is not None and "引号" in found.hint


def test_key_in_force_in_a_list_item_is_its_own_key() -> None:
    text = "rules:\n  - id: a\n    pattern: 'x\n"
    err = error_of(lambda: yamlio.load(text, "f.yaml", KIND))
    assert (err.location.line, err.location.key) == (3, "rules.pattern")
    assert yamlio.key_at_line("存在问题:\n  - 问题: 甲\n    整改情况: 乙\n", 3) == "存在问题.整改情况"


def test_duplicate_key_names_line_and_key() -> None:
    err = error_of(lambda: yamlio.load("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n", "f.yaml", KIND))
    assert str(err) == "键“c”重复出现（第3行已经写过）"
    assert (err.location.line, err.location.key) == (5, "b.c")
    assert str(err.location) == "f.yaml:5，键“b.c”"


def test_duplicate_key_in_a_list_item() -> None:
    err = error_of(lambda: yamlio.load_with_lines("x:\n  - id: a\n    id: b\n", "f.yaml", KIND))
    assert err.location.line == 3 and err.location.key == "x[0].id"


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    err = error_of(lambda: yamlio.load(bomb, "f.yaml", KIND))
    assert "内容过多" in str(err) and "别名" in (err.hint or "")


def test_deep_nesting_is_refused() -> None:
    def nested(depth: int) -> str:
        return "a: " + "[" * depth + "]" * depth + "\n"

    # a facts reading stops past max_depth; any reading stops before Python's recursion limit
    for err in (
        error_of(lambda: yamlio.load_with_lines(nested(30), "f.yaml", KIND)),
        error_of(lambda: yamlio.load_with_lines(nested(3000), "f.yaml", KIND)),
        error_of(lambda: yamlio.load(nested(3000), "f.yaml", KIND)),
    ):
        assert "嵌套层数过深" in str(err) and err.hint
    assert yamlio.load(nested(30), "f.yaml", KIND)[1] == {"a": nested_list(30)}


def nested_list(depth: int) -> list[object]:
    out: list[object] = []
    for _ in range(depth - 1):
        out = [out]
    return out


# --------------------------------------------------------------------------- data


def test_yaml_12_numbers_in_a_facts_reading() -> None:
    data, lines = yamlio.load_with_lines(
        "a: 010\nb: 1_000\nc: 1:30\nd: 12\ne: 2.5\nf: -3\ng: yes\nh: 0x1F\ni: '7'\n", "f.yaml", KIND
    )
    assert data == {
        "a": "010",
        "b": "1_000",
        "c": "1:30",
        "d": 12,
        "e": 2.5,
        "f": -3,
        "g": True,
        "h": "0x1F",
        "i": "7",
    }
    assert lines["a"] == 1 and lines["i"] == 9


def test_lines_of_nested_keys_and_list_items() -> None:
    data, lines = yamlio.load_with_lines("单位:\n  全称: 甲\n存在问题:\n  - 乙\n  - 丙\n", "f.yaml", KIND)
    assert data == {"单位": {"全称": "甲"}, "存在问题": ["乙", "丙"]}
    assert (lines["单位.全称"], lines["存在问题[1]"]) == (2, 5)


def test_plain_load_keeps_pyyaml_safe_types() -> None:
    node, data = yamlio.load("2024: 甲\nb: [1, x]\n", "f.yaml", KIND)
    assert data == {2024: "甲", "b": [1, "x"]}
    assert yamlio.line_of(yamlio.node_for(node, "b")) == 2


def test_empty_text_is_none() -> None:
    assert yamlio.load("# 只有注释\n", "f.yaml", KIND) == (None, None)
    assert yamlio.load_with_lines("", "f.yaml", KIND) == (None, {})


# --------------------------------------------------------------------------- every reader goes through yamlio


BROKEN = "role: 开头\nfragments:\n\t- id: a\n"


def _facts(path: Path) -> None:
    from drafter.facts import load_facts

    load_facts(path)


def _library(path: Path) -> None:
    from drafter.library import load_role_file

    load_role_file(path)


def _registry(path: Path) -> None:
    from drafter.registry import load_kind

    load_kind(path)


def _lint_rules(path: Path) -> None:
    from drafter.lint import load_rules

    load_rules([path])


def _mine_labels(path: Path) -> None:
    from drafter.mine.labels import load_labels

    load_labels(path)


READERS: dict[str, Callable[[Path], None]] = {
    "事实文件": _facts,
    "片段文件": _library,
    "结构数据文件": _registry,
    "规则文件": _lint_rules,
    "标注文件": _mine_labels,
}


def read_as(noun: str, tmp: Path, content: str | None) -> DrafterError:
    """The error the reader of ``noun`` files raises for a file with ``content`` (None: no file at all)."""
    path = tmp / "文件.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    return error_of(lambda: READERS[noun](path))


@pytest.mark.parametrize("noun", sorted(READERS))
def test_every_reader_reports_broken_yaml_through_yamlio(
    noun: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = read_as(noun, tmp_path, BROKEN)
    assert str(err) == f"{noun} YAML 语法错误：用了 Tab 键缩进"
    assert (str(err.location.file), err.location.line) == (str(tmp_path / "文件.yaml"), 3)
    assert err.hint == "YAML 不能用 Tab 键缩进，请改成空格"

    # the wording is yamlio's: change what it answers and every reader says the new words
    def fake(exc: Exception, text: str = "") -> yamlio.YamlProblem:
        return yamlio.YamlProblem("测试用的问题", "测试用的提示", 2, None, None)

    monkeypatch.setattr(yamlio, "describe_error", fake)
    err = read_as(noun, tmp_path, BROKEN)
    assert str(err) == f"{noun} YAML 语法错误：测试用的问题" and err.hint == "测试用的提示"
    assert err.location.line == 2


@pytest.mark.parametrize("noun", sorted(READERS))
def test_every_reader_refuses_duplicate_keys_alike(noun: str, tmp_path: Path) -> None:
    err = read_as(noun, tmp_path, "role: 开头\nrole: 结尾\n")
    assert str(err) == "键“role”重复出现（第1行已经写过）"
    assert (err.location.line, err.location.key) == (2, "role")


@pytest.mark.parametrize("noun", sorted(READERS))
def test_every_reader_names_a_missing_file(noun: str, tmp_path: Path) -> None:
    err = read_as(noun, tmp_path, None)
    assert str(err) == f"找不到{noun}" and err.hint


@pytest.mark.parametrize("noun", sorted(READERS))
def test_every_reader_names_a_folder(noun: str, tmp_path: Path) -> None:
    (tmp_path / "文件.yaml").mkdir()
    err = read_as(noun, tmp_path, None)
    assert str(err) == f"这是一个文件夹，不是{noun}" and err.hint


def test_fragment_folder_still_loads(tmp_path: Path) -> None:
    from drafter.library import load_library

    folder = tmp_path / "frag"
    shutil.copytree(FIXTURE_FRAGMENTS, folder)
    assert load_library(folder).fragments()
