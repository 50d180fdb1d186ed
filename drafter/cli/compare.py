"""``drafter compare``: how much drafts share with each other and the sample reports, or this year's draft with
last year's report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter.cli.present import is_dir
from drafter.errors import DrafterError


@click.command("compare", options_metavar="[选项]")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="稿子或文件夹...")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    default=60.0,
    show_default=True,
    help="只列出重合度不低于这个百分数的两份稿子",
)
@click.option(
    "--last-year",
    "--去年",
    "last_year",
    type=click.Path(path_type=Path),
    metavar="去年报告",
    help="与去年的报告对照：照搬了多少、去年“下一步”的打算今年是否回应",
)
@click.option(
    "--阈值",
    "last_year_threshold",
    type=click.FloatRange(0, 100),
    default=30.0,
    show_default=True,
    help="与 --last-year 同用：与去年相同的文字超过这个百分数时退出码为 1",
)
def compare_command(
    paths: tuple[Path, ...], threshold: float, last_year: Path | None, last_year_threshold: float
) -> None:
    """比较多份稿子（.docx、.md、.txt 或其所在文件夹）两两之间、以及与样例报告的重合度（按 13 字片段计）。

    \b
    例：drafter compare 各支部述职报告/
        drafter compare 今年述职报告.docx --last-year 去年述职报告.docx
    """
    if last_year is not None:
        _compare_last_year(paths, last_year, last_year_threshold / 100)
        return
    from drafter.originality import compare_drafts

    seeds, pairs, count = compare_drafts(paths, threshold / 100)
    for overlap in seeds:
        click.echo(f"{overlap.a}：与样例报告最高重合 {overlap.share:.0%}（{overlap.b}）")
    if count > 1:
        click.echo(f"两两重合度不低于 {threshold:.0f}% 的稿子：{len(pairs)} 对")
        for pair in pairs:
            click.echo(f"  {pair.a} ~ {pair.b}：{pair.share:.0%}")


def _compare_last_year(paths: tuple[Path, ...], last_year: Path, threshold: float) -> None:
    """``compare 今年 --last-year 去年``: the table, and exit 1 when too much is copied."""
    from drafter.yearcompare import compare_last_year, report_lines

    if len(paths) != 1 or is_dir(paths[0]):
        raise DrafterError(
            "与去年对照时只能给一份今年的稿子",
            hint="例如：drafter compare 今年述职报告.docx --last-year 去年述职报告.docx",
        )
    result = compare_last_year(paths[0], last_year)
    for line in report_lines(result, threshold, f"去年的报告（{last_year.name}）"):
        click.echo(line)
    if result.over(threshold):
        sys.exit(1)
