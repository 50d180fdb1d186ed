"""The ``drafter lint`` command: check a finished draft before handing it in.

Owns only argument handling and output (rich text in Chinese, or JSON); the checks themselves are in
:mod:`drafter.lint`.  Exit codes: 0 no errors (warnings and hints allowed), 1 errors remain,
2 the draft or a rule file cannot be used (:class:`~drafter.errors.DrafterError`).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.errors import SEVERITY_LABEL, DrafterError, Location

if TYPE_CHECKING:
    from rich.console import Console

    from drafter.lint import Finding

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _where(path: Path, finding: Finding) -> str:
    if finding.paragraph == 0:  # the page, margins or footers: the whole document
        return "全文"
    unit = "段" if path.suffix.lower() in (".docx", ".docm") else "行"
    return f"第{finding.paragraph}{unit}第{finding.column}字"


def _summary(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]}


def _print_text(
    console: Console, path: Path, year: int | None, year_from: str, findings: list[Finding]
) -> None:
    from rich.text import Text

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


def _only_docx(file: Path, option: str) -> None:
    if file.suffix.lower() not in (".docx", ".docm"):
        raise DrafterError(
            f"{option} 只能用于 Word 文件（.docx）",
            location=Location(file),
            hint="先在 Word 或 WPS 中另存为 .docx",
        )


def _fix(file: Path, output: Path | None, fonts: tuple[str, ...], force: bool) -> None:
    from drafter.cli.format import run_format

    _only_docx(file, "--fix")
    run_format(file, output, fonts, False, force)


def _annotate(file: Path, findings: list[Finding], output: Path | None, force: bool) -> list[str]:
    from drafter.output import write_atomic
    from drafter.typeset.annotate import annotate

    _only_docx(file, "--批注")
    target = output or file.with_name(f"{file.stem}（批注）.docx")
    data, placed = annotate(file, findings)
    backup = write_atomic(target, data, force=force)
    lines = [f"已写入带批注的副本：{target}（{placed} 条批注）"]
    if backup:
        lines.append(f"原文件已备份为：{backup}")
    return lines


@click.command(name="lint", options_metavar="[选项]")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), metavar="稿子")
@click.option(
    "--year",
    type=click.IntRange(2000, 2100),
    default=None,
    help="报告年度（四位数字）；不填则从标题识别，如“2023年度”。",
)
@click.option(
    "--rules",
    "rule_files",
    type=click.Path(path_type=Path, dir_okay=False),
    multiple=True,
    help="自定义规则文件（YAML），可重复使用；同 id 的规则覆盖内置规则。",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式。",
)
@click.option(
    "--批注",
    "--comments",
    "annotate",
    is_flag=True,
    help="把每条问题写成 Word 批注（作者 drafter），标在原文对应的字上，另存一份（仅 .docx）。",
)
@click.option(
    "--fix", is_flag=True, help="按 GB/T 9704 重新排版（同 drafter format），另存一份（仅 .docx）。"
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="--批注 或 --fix 的输出文件（默认在原文件旁：文件名（批注）.docx / 文件名（排版）.docx）。",
)
@click.option("--force", is_flag=True, help="输出文件已存在时也覆盖（旧文件先备份）。")
@click.option(
    "--font", "fonts", multiple=True, metavar="级别=字体", help="--fix 时改字体，写法同 drafter render。"
)
@click.option(
    "--重复上限",
    "repeat_rate",
    type=click.FloatRange(0.5, 50),
    default=2.0,
    show_default=True,
    metavar="次数",
    help="同一个四字以上的说法每千字出现超过几次就提示。",
)
def lint_command(
    file: Path,
    year: int | None,
    rule_files: tuple[Path, ...],
    fmt: str,
    annotate: bool,
    fix: bool,
    output: Path | None,
    force: bool,
    fonts: tuple[str, ...],
    repeat_rate: float,
) -> None:
    """交稿前检查初稿（.docx、.md、.txt）：占位符、脱敏残留、广告、规范表述、序号、日期、提法时效、当年提法、
    重复的说法；.docx 还检查版式。

    版式检查对照 GB/T 9704：纸张、页边距、各级字体字号、行距、首行缩进、页码。

    有错误时退出码为 1，无法读取文件或规则文件时为 2。
    """
    from rich.console import Console
    from rich.text import Text

    from drafter.lint import has_errors

    try:
        if fix:
            _fix(file, output, fonts, force)
            return
        from drafter.service import check_file  # the same checks as the page's “检查已改稿”

        checked = check_file(file, year=year, rule_files=rule_files, repeat_rate=repeat_rate)
        findings, used_year = checked.findings, checked.year
        written = _annotate(file, findings, output, force) if annotate else []
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
    for line in written:
        click.echo(line, err=fmt == "json")
    sys.exit(1 if has_errors(findings) else 0)
