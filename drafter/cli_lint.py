"""The ``drafter lint`` command: check a finished draft before handing it in.

Owns only argument handling and output (rich text in Chinese, or JSON); the checks themselves are in
:mod:`drafter.lint`.  Exit codes: 0 no errors (warnings and hints allowed), 1 errors remain,
2 the draft or a rule file cannot be used (:class:`~drafter.errors.DrafterError`).
Registered in ``drafter.cli`` with ``cli.add_command(lint_command)``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from drafter.errors import SEVERITY_LABEL, DrafterError
from drafter.lint import Finding, detect_year, has_errors, lint_paragraphs, load_rules, read_paragraphs

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _where(path: Path, finding: Finding) -> str:
    unit = "段" if path.suffix.lower() in (".docx", ".docm") else "行"
    return f"第{finding.paragraph}{unit}第{finding.column}字"


def _summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]}


def _print_text(console: Console, path: Path, year: int | None, year_from: str, findings: list[Finding]) -> None:
    head = Text(f"检查 {path}")
    if year is not None:
        head.append(f"（报告年度：{year}年，{year_from}）", style="dim")
    else:
        head.append("（未识别报告年度，提法时效未检查；可用 --year 指定）", style="dim")
    console.print(head)
    cited: set[str] = set()
    for f in findings:
        line = Text()
        line.append(f"{SEVERITY_LABEL[f.severity]}", style=_STYLE[f.severity])
        line.append(f"  {_where(path, f)}  ")
        line.append(f.message)
        line.append(f"  [{f.rule}]", style="dim")
        console.print(line)
        console.print(Text("    原文：", style="dim") + Text(f.excerpt))
        if f.suggestion:
            console.print(Text("    建议：", style="dim") + Text(f.suggestion, style="green"))
        if f.rule not in cited:  # the source once per rule keeps long reports readable
            cited.add(f.rule)
            console.print(Text(f"    依据：{f.source}", style="dim"))
    counts = _summary(findings)
    if not findings:
        console.print(Text("未发现问题。", style="bold green"))
    else:
        tail = Text(f"共 {len(findings)} 处：")
        tail.append(f"错误 {counts['error']}", style=_STYLE["error"] if counts["error"] else "")
        tail.append(f"，警告 {counts['warning']}，提示 {counts['info']}。")
        if counts["error"]:
            tail.append("交稿前请先改正全部错误。", style="bold")
        console.print(tail)


@click.command(name="lint", options_metavar="[选项]")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), metavar="稿子")
@click.option("--year", type=click.IntRange(2000, 2100), default=None,
              help="报告年度（四位数字）；不填则从标题识别，如“2023年度”。")
@click.option("--rules", "rule_files", type=click.Path(path_type=Path, dir_okay=False), multiple=True,
              help="自定义规则文件（YAML），可重复使用；同 id 的规则覆盖内置规则。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式。")
def lint_command(file: Path, year: int | None, rule_files: tuple[Path, ...], fmt: str) -> None:
    """交稿前检查初稿（.docx、.md、.txt）：占位符、脱敏残留、广告、规范表述、序号、日期、提法时效。

    有错误时退出码为 1，无法读取文件或规则文件时为 2。
    """
    try:
        ruleset = load_rules(rule_files)
        paragraphs = read_paragraphs(file)
        detected = detect_year(paragraphs)
        used_year = year if year is not None else detected
        findings = lint_paragraphs(paragraphs, year=used_year, rules=ruleset.active(),
                                   disable=ruleset.disabled_ids)
    except DrafterError as exc:
        Console(stderr=True, highlight=False, soft_wrap=True).print(Text(exc.format(), style="red"))
        sys.exit(2)
    year_from = "由 --year 指定" if year is not None else "从标题识别"
    if fmt == "json":
        payload = {
            "file": str(file),
            "year": used_year,
            "year_from": ("option" if year is not None else "text") if used_year is not None else None,
            "summary": _summary(findings),
            "findings": [f.to_dict() for f in findings],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_text(Console(highlight=False, soft_wrap=True), file, used_year, year_from, findings)
    sys.exit(1 if has_errors(findings) else 0)
