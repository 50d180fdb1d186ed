"""Loading and validating facts files: encodings, YAML errors, types, unknown keys, checks across values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.errors import FactsError
from drafter.facts import facts_from_text, load_facts

GOOD = """\
报告类型: 书记述职
年度: 2023
单位:
  全称: 某市发展和改革委员会
  上级党委: 市委
述职人:
  姓名: 张三
思想建设:
  中心组学习次数: 12
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_every_windows_encoding_loads(write_facts, encoding: str) -> None:
    facts = load_facts(write_facts(GOOD, encoding=encoding))
    assert facts.get("单位.全称") == "某市发展和改革委员会"
    assert facts.get("思想建设.中心组学习次数") == 12


def errors_of(text: str) -> list[str]:
    with pytest.raises(FactsError) as info:
        facts_from_text(text, "f.yaml")
    return [d.format() for d in info.value.diagnostics if d.severity == "error"]


def test_tab_indentation_names_line_and_hint() -> None:
    (message,) = errors_of("单位:\n\t全称: 某局\n")
    assert "f.yaml:2" in message
    assert "Tab" in message


def test_unclosed_quote_is_a_syntax_error_with_line() -> None:
    (message,) = errors_of('年度: 2023\n单位:\n  全称: "某局\n述职人:\n  姓名: 张三\n')
    assert "YAML 语法错误" in message
    assert "引号" in message


def test_duplicate_key_names_both_lines() -> None:
    (message,) = errors_of("年度: 2023\n单位:\n  全称: 甲\n  全称: 乙\n")
    assert "f.yaml:4" in message
    assert "第3行" in message
    assert "单位.全称" in message


def test_text_where_a_count_belongs() -> None:
    (message,) = errors_of("思想建设:\n  中心组学习次数: 12次\n")
    assert "f.yaml:2" in message
    assert "思想建设.中心组学习次数" in message
    assert "只写数字" in message


def test_every_error_is_listed_at_once() -> None:
    messages = errors_of("年度: 1999\n思想建设:\n  中心组学习次: 3\n  谈心谈话次数: -1\n单位: [甲, 乙]\n")
    joined = "\n".join(messages)
    assert len(messages) == 4
    assert "f.yaml:1" in joined and "1999" in joined
    assert "是不是想写“中心组学习次数”" in joined
    assert "负数" in joined
    assert "现在是列表" in joined


def test_key_at_the_wrong_level_says_where_it_belongs() -> None:
    (message,) = errors_of("中心组学习次数: 12\n")
    assert "应写在“思想建设”下面" in message


def test_unknown_report_kind_lists_choices() -> None:
    from drafter.pipeline import draft

    with pytest.raises(
        FactsError
    ) as info:  # kinds come from templates/<kind>/kind.yaml, checked when drafting
        draft(facts_from_text("报告类型: 述职述廉\n", "f.yaml"))
    message = info.value.format()
    assert (
        "述职述廉" in message
        and "书记述职、党建工作总结、党支部书记述职" in message
        and "f.yaml:1" in message
    )


def test_huge_number_rejected() -> None:
    (message,) = errors_of("组织建设:\n  党员数: 100000000000\n")
    assert "超出范围" in message


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "\u662f\u7a7a\u7684"),
        (b"\x00\x01\x02binary", "\u4e0d\u662f\u6587\u672c"),
        (b"- a\n- b\n", "\u5217\u8868"),
        (b"\xff\xfe\xfa\x00\x00\xd8", ""),
    ],
)
def test_unusable_files(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(FactsError) as info:
        load_facts(path)
    assert needle in info.value.format()
    assert "x.yaml" in info.value.format()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(FactsError, match="找不到"):
        load_facts(tmp_path / "none.yaml")
    with pytest.raises(FactsError, match="文件夹"):
        load_facts(tmp_path)


def test_dates_are_normalised_and_checked() -> None:
    facts = facts_from_text("年度: 2024\n报告日期: 2025-01-05\n")
    assert facts.get("报告日期") == "2025年1月5日"
    assert facts_from_text("报告日期: 2025年01月05日\n").get("报告日期") == "2025年1月5日"
    (message,) = errors_of("报告日期: 2025-02-30\n")
    assert "无法识别或不存在" in message


def test_empty_values_are_dropped_and_whole_floats_become_ints() -> None:
    facts = facts_from_text("年度: 2024\n单位:\n  全称:\n思想建设:\n  中心组学习次数: 12.0\n")
    assert not facts.has("单位.全称")
    assert facts.get("思想建设.中心组学习次数") == 12


def test_fact_checks_warn() -> None:
    facts = facts_from_text(
        "年度: 2030\n组织建设:\n  发展党员数: 5\n  入党积极分子数: 2\n  党支部数: 1\n  换届支部数: 3\n",
        "f.yaml",
        today=dt.date(2026, 1, 1),
    )
    warnings = "\n".join(d.format() for d in facts.warnings)
    assert "发展党员数（5）多于入党积极分子数（2）" in warnings
    assert "年度 2030 在今年之后" in warnings
    assert "换届支部数（3）多于党支部数（1）" in warnings


def test_deep_nesting_is_refused_cleanly() -> None:
    with pytest.raises(FactsError) as info:
        facts_from_text("单位: " + "[" * 200 + "]" * 200 + "\n", "f.yaml")
    assert "f.yaml" in info.value.format()


# --------------------------------------------------------------------------- numbers as the user typed them

_NUMBER_BASE = "年度: 2024\n单位:\n  全称: 某局\n思想建设:\n"


def _with(value: str) -> str:
    return f"{_NUMBER_BASE}  中心组学习次数: {value}\n"


@pytest.mark.parametrize(
    ("typed", "number", "words"),
    [
        ("012", 12, "十进制"),
        ("08", 8, "十进制"),
        ("１２", 12, "全角"),
        ('"120"', 120, "引号"),
        ("'１２０'", 120, "全角"),
        ("12", 12, None),
    ],
)
def test_numbers_are_read_as_typed_with_a_notice(typed: str, number: int, words: str | None) -> None:
    from drafter.facts import facts_from_text

    facts = facts_from_text(_with(typed), "f.yaml")
    assert facts.get("思想建设.中心组学习次数") == number
    notices = [d for d in facts.warnings if d.code == "number-text"]
    if words is None:
        assert not notices
    else:
        assert len(notices) == 1 and words in notices[0].message
        assert notices[0].location.line == 5 and "数字过大" not in notices[0].message


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1:30", "冒号"),
        ("1_000", "1000"),
        ("1,000", "1000"),
        ("0x1F", "只写数字"),
        ("0o17", "只写数字"),
        ("12.5", "小数"),
    ],
)
def test_yaml_11_number_forms_are_not_numbers(typed: str, words: str) -> None:
    from drafter.facts import facts_from_text

    with pytest.raises(FactsError) as info:
        facts_from_text(_with(typed), "f.yaml")
    text = info.value.format()
    assert words in text and "数字过大" not in text and "f.yaml:5" in text
    assert "90" not in text.replace("1:30", "")  # never the base-60 reading


def test_text_fields_keep_leading_zeros_and_colons() -> None:
    from drafter.facts import parse_yaml

    data, _ = parse_yaml("a: 012\nb: 1:30\nc: 1_000\nd: 7\ne: 2.5\nf: -3\n", "x")
    assert data == {"a": "012", "b": "1:30", "c": "1_000", "d": 7, "e": 2.5, "f": -3}


def test_an_overlong_digit_string_is_still_too_large() -> None:
    from drafter.facts import facts_from_text

    with pytest.raises(FactsError, match="数字过大"):
        facts_from_text(_with("9" * 40), "f.yaml")


# --------------------------------------------------------------------------- typing slips named on their own line


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("年度: 2024\n单位:\n  全称: 某局\n  简称:\u3000局\n", 4),  # after the colon
        ("年度:\u30002024\n单位:\n  全称: 某局\n", 1),  # after the colon, blamed a line later by YAML
        ("年度: 2024\n单位:\n  全称: 某局\n\u3000简称: 局\n", 4),  # as indentation
    ],
)
def test_full_width_space_is_named_on_its_line(text: str, line: int) -> None:
    with pytest.raises(FactsError) as info:
        facts_from_text(text, "f.yaml")
    report = info.value.format()
    assert "全角空格" in report and f"f.yaml:{line}" in report


def test_merge_key_is_not_called_a_tag() -> None:
    with pytest.raises(FactsError) as info:
        facts_from_text("x: &x {全称: 某局}\n年度: 2024\n单位:\n  <<: *x\n", "f.yaml")
    report = info.value.format()
    assert "合并键" in report and "!!" not in report and "f.yaml:4" in report


def test_surrogate_pair_escape_becomes_the_character() -> None:
    facts = facts_from_text('年度: 2024\n单位:\n  全称: "\\ud842\\udfb7局\\ud800"\n')
    assert facts.get("单位.全称") == "𠮷局"


def test_os_errors_are_named_in_chinese() -> None:
    import errno

    from drafter.facts import os_reason

    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘已满"
    assert os_reason(OSError(errno.EACCES, "Permission denied")) == "权限不够"
    assert os_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == "文件名太长"
    assert "No" not in os_reason(OSError(99999, "Something English"))


def test_markup_errors_are_chinese() -> None:
    from drafter.model import MarkupError, build_document

    for markup in ("::title 好\n不是标记\n", "::title 好\n::nonsense x\n"):
        with pytest.raises(MarkupError) as info:
            build_document(markup)
        assert "第 2 行" in str(info.value) and "line" not in str(info.value)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_fifo_and_devices_are_refused_before_reading(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "事实.yaml"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero")):
        if path.exists():
            with pytest.raises(FactsError, match="不是普通文件"):
                load_facts(path)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_fifo_fragment_and_seed_files_are_refused(tmp_path: Path) -> None:
    import os
    import shutil

    from conftest import FIXTURE_FRAGMENTS

    from drafter.errors import DrafterError
    from drafter.library import load_library
    from drafter.mine.pipeline import read_seed

    folder = tmp_path / "frag"
    shutil.copytree(FIXTURE_FRAGMENTS, folder)
    (folder / "开头.yaml").unlink()
    os.mkfifo(folder / "开头.yaml")
    with pytest.raises(DrafterError, match="不是普通文件"):
        load_library(folder)
    os.mkfifo(tmp_path / "材料.txt")
    with pytest.raises(DrafterError, match="不是普通文件"):
        read_seed(tmp_path / "材料.txt")


def test_meetings_below_what_every_branch_must_hold_are_questioned() -> None:
    facts = facts_from_text("组织建设:\n  党支部数: 9\n  三会一课次数: 118\n  主题党日次数: 12\n", "f.yaml")
    messages = [d.message for d in facts.warnings]
    assert any("“三会一课”118次" in m and "180 次" in m for m in messages)
    assert any("主题党日12次" in m and "108 次" in m for m in messages)
    fine = facts_from_text("组织建设:\n  党支部数: 9\n  三会一课次数: 200\n  主题党日次数: 108\n", "f.yaml")
    assert not [d for d in fine.warnings if "支部" in d.message]


def test_meeting_total_checked_against_its_parts() -> None:
    """A reviewer adds up 支部党员大会, 支委会, 党小组会 and 党课: all four given, the total must equal their
    sum; with three, it must not be below it."""
    from drafter.facts import parse_yaml, validate

    def warnings(total: int, lessons: int | None) -> list[str]:
        text = f"年度: 2024\n组织建设:\n  支部党员大会次数: 4\n  支委会次数: 12\n  党小组会次数: 24\n  三会一课次数: {total}\n"
        if lessons is not None:
            text += f"思想建设:\n  专题党课次数: {lessons}\n"
        data, lines = parse_yaml(text, "<事实>")
        _, diags = validate(data, None, lines)
        return [d.message for d in diags if "分项相加" in d.message]

    assert warnings(44, 2) and "多于分项相加的 42 次" in warnings(44, 2)[0]
    assert warnings(40, 2) and "少于分项相加的 42 次" in warnings(40, 2)[0]
    assert not warnings(42, 2)
    assert not warnings(44, None)  # 党课 not counted: the total may hold more than the three parts
    assert warnings(39, None)
