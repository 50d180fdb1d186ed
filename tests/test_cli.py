"""The command line as a user drives it: init, check, preview, render, and bad input (exit 2)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import FACTS, FIXTURE_FRAGMENTS

from drafter.facts import load_facts


def test_init_writes_a_commented_file_that_validates(tmp_path: Path, run) -> None:
    target = tmp_path / "述职事实.yaml"
    result = run("init", target)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "# 全年理论学习中心组学习次数（例：12）" in text
    assert "  中心组学习次数:" in text
    facts = load_facts(target)  # an unfilled template is valid input
    assert facts.kind == "书记述职"
    # every schema group appears as a section
    for group in ("单位", "述职人", "思想建设", "组织建设", "党风廉政", "业务融合", "存在问题", "下一步"):
        assert f"\n{group}:" in text


def test_init_never_overwrites_without_force(tmp_path: Path, run) -> None:
    target = tmp_path / "述职事实.yaml"
    target.write_text("年度: 2024\n", encoding="utf-8")
    result = run("init", target)
    assert result.exit_code == 2
    assert "文件已存在" in result.output
    assert target.read_text(encoding="utf-8") == "年度: 2024\n"
    result = run("init", target, "--force")
    assert result.exit_code == 0
    assert (tmp_path / "述职事实.bak.yaml").read_text(encoding="utf-8") == "年度: 2024\n"


def test_check_ok_lists_missing_facts(write_facts, run) -> None:
    path = write_facts(FACTS)
    result = run("check", path, "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0, result.output
    assert "可以使用" in result.output
    assert "缺少“组织建设.发展党员数”" in result.output


def test_check_strict_turns_warnings_into_errors(write_facts, run) -> None:
    path = write_facts(FACTS)
    assert run("check", path, "--strict", "--fragments", FIXTURE_FRAGMENTS).exit_code == 2


def test_check_reports_every_error_with_exit_2_and_no_traceback(write_facts, run) -> None:
    path = write_facts("年度: 3000\n思想建设:\n  中心组学习: 五次\n单位:\n  类型: 银行\n")
    result = run("check", path)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.count("错误：") == 3
    assert (
        "facts.yaml:1" in result.output
        and "facts.yaml:3" in result.output
        and "facts.yaml:5" in result.output
    )
    assert "是不是想写“中心组学习次数”" in result.output


def test_broken_yaml_is_exit_2(write_facts, run) -> None:
    result = run("render", write_facts("单位:\n  全称: '某局\n"), "--format", "md")
    assert result.exit_code == 2
    assert "YAML 语法错误" in result.output
    assert "Traceback" not in result.output


def test_preview_shows_hierarchy_placeholders_and_counts(write_facts, run) -> None:
    result = run("preview", write_facts(FACTS), "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0, result.output
    out = result.output
    # the first part's heading, whichever layout the unit drew (kind.yaml 版式)
    assert re.search(r"^\s*一、\S", out, re.M) and "（一）" in out and "一是" in out
    assert "【待补充：发展党员数】" in out
    assert "字数统计" in out and "合计" in out


def test_render_markdown_beside_the_facts_file(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    result = run("render", path, "--format", "md", "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0, result.output
    out = tmp_path / "市发改委2024年度述职报告.md"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 2024年度党组书记抓基层党建工作述职报告")
    assert re.search(r"^## 一、\S", text, re.M)
    assert "**【待补充：发展党员数】**" in text
    assert "2025年1月10日" in text


def test_render_never_overwrites_and_force_keeps_a_backup(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    out = tmp_path / "稿.txt"
    out.write_text("我改过的稿子", encoding="utf-8")
    result = run("render", path, "-o", out, "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 2
    assert "文件已存在" in result.output
    assert out.read_text(encoding="utf-8") == "我改过的稿子"
    result = run("render", path, "-o", out, "--force", "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0
    assert (tmp_path / "稿.bak.txt").read_text(encoding="utf-8") == "我改过的稿子"
    assert re.search(r"^\s*一、\S", out.read_text(encoding="utf-8"), re.M)


def test_dry_run_writes_nothing(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    result = run("render", path, "--dry-run", "--format", "txt", "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0
    assert "试运行" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.yaml"]


@pytest.mark.parametrize("case", ["folder", "no-parent", "bad-suffix"])
def test_unusable_output_paths(write_facts, run, tmp_path: Path, case: str) -> None:
    path = write_facts(FACTS)
    target = {"folder": tmp_path, "no-parent": tmp_path / "无" / "x.docx", "bad-suffix": tmp_path / "x.pdf"}[
        case
    ]
    result = run("render", path, "-o", target, "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "提示：" in result.output


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_read_only_output_left_untouched(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    out = tmp_path / "稿.md"
    out.write_text("旧", encoding="utf-8")
    out.chmod(0o444)
    result = run("render", path, "-o", out, "--force", "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "旧"


def test_missing_facts_file_is_exit_2(run, tmp_path: Path) -> None:
    result = run("render", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "找不到事实文件" in result.output and "drafter init" in result.output


def test_schema_is_json_schema(run) -> None:
    result = run("schema")
    schema = json.loads(result.output)
    assert schema["properties"]["思想建设"]["properties"]["中心组学习次数"]["minimum"] == 0
    assert schema["additionalProperties"] is False


def test_main_entry_point_exit_code(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text("年度: [\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", "check", str(bad)], capture_output=True, text=True, encoding="utf-8"
    )
    assert proc.returncode == 2
    assert "YAML 语法错误" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_facts_file_written_by_a_yaml_dumper_round_trips(write_facts, run) -> None:
    data = yaml.safe_load(FACTS)
    data["组织建设"] = {"发展党员数": 2, "入党积极分子数": 5}
    result = run("check", write_facts(data), "--fragments", FIXTURE_FRAGMENTS)
    assert result.exit_code == 0, result.output


def test_render_reports_originality_and_lint(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    result = run("render", path, "-o", tmp_path / "稿.docx")
    assert result.exit_code == 0, result.output
    assert "与样例报告的重合度：最高" in result.output
    assert "规范表述检查" in result.output
    lint = run("lint", tmp_path / "稿.docx")
    assert lint.exit_code in (0, 1)  # 1 while 【待补充】 remain


def test_compare_folder_of_drafts(run, tmp_path: Path) -> None:
    from conftest import ROOT

    one = (ROOT / "samples" / "市发改委党组书记.md").read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(one, encoding="utf-8")
    (tmp_path / "b.txt").write_text(one.replace("王建国", "李四"), encoding="utf-8")
    (tmp_path / "c.md").write_text("完全不同的一段文字。" * 40, encoding="utf-8")
    result = run("compare", tmp_path)
    assert result.exit_code == 0, result.output
    assert "两两重合度不低于 60% 的稿子：1 对" in result.output
    assert "a.md ~" in result.output and "b.txt" in result.output
    assert "与样例报告最高重合" in result.output
    assert run("compare", tmp_path / "无").exit_code == 2


def test_preview_with_length_target_shows_budgets(run) -> None:
    from conftest import ROOT

    result = run("preview", ROOT / "samples" / "市发改委党组书记.yaml", "--字数", "3000")
    assert result.exit_code == 0, result.output
    assert "预算" in result.output and "差额" in result.output and "思想建设" in result.output


def test_render_refuses_to_overwrite_the_facts_file(write_facts, run) -> None:
    path = write_facts(FACTS)
    before = path.read_bytes()
    result = run("render", path, "--format", "md", "-o", path, "--force")
    assert result.exit_code == 2 and "事实文件本身" in result.output
    assert path.read_bytes() == before


def test_click_speaks_chinese(run) -> None:
    missing = run("render")
    assert missing.exit_code == 2
    assert "用法：" in missing.output and "缺少参数" in missing.output and "事实文件" in missing.output
    wrong = run("rendr")
    assert "没有 'rendr' 这个命令" in wrong.output and "是不是想写 'render'" in wrong.output
    helped = run("check", "--help")
    assert "选项" in helped.output and "显示本帮助并退出" in helped.output
    assert "Usage" not in helped.output and "Show this message" not in helped.output


def test_output_extension_and_format_must_agree(write_facts, run, tmp_path: Path) -> None:
    path = write_facts(FACTS)
    result = run("render", path, "-o", tmp_path / "稿.docx", "--format", "md")
    assert result.exit_code == 2 and "与 --format md 不一致" in result.output
    assert not (tmp_path / "稿.docx").exists()
    assert run("render", path, "-o", tmp_path / "稿.MD", "--format", "md").exit_code == 0
