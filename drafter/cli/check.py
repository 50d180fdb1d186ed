"""``drafter check``: every problem of a facts file at once; exit code 2 when one is an error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli.lazy import EXIT_BAD_INPUT
from drafter.cli.options import (
    facts_path,
    fragments_option,
    length_option,
    pipeline_options,
    templates_option,
)
from drafter.cli.present import echo_diagnostics
from drafter.errors import Diagnostic


def _summary(diags: list[Diagnostic]) -> str:
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    infos = sum(d.severity == "info" for d in diags)
    return f"共 {errors} 个错误、{warnings} 个警告、{infos} 条提示"


@click.command("check", options_metavar="[选项]")
@click.argument("facts", type=facts_path, metavar="事实文件")
@click.option("--strict", is_flag=True, help="把警告也当作错误（退出码 2）")
@fragments_option
@templates_option
@length_option
def check_command(
    facts: Path, strict: bool, fragments: Path | None, templates: Path | None, target: int | None
) -> None:
    """检查事实文件：语法、类型、未知的键、缺少的数、数字之间的矛盾、问题与措施是否配对，一次列出全部问题。"""
    from drafter.pipeline import check

    diags = check(facts, pipeline_options(fragments, templates, None, target))
    echo_diagnostics(diags)
    errors = [d for d in diags if d.severity == "error" or (strict and d.severity == "warning")]
    click.echo(_summary(diags), err=True)
    if errors:
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"{facts}：可以使用。")
