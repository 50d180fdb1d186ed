"""``drafter batch``: draft every facts file of a folder in parallel, with a progress bar and a summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.options import (
    font_option,
    fonts_from,
    fragments_option,
    length_option,
    no_comments_option,
    seed_option,
    templates_option,
)

if TYPE_CHECKING:
    from drafter.batch import FileResult

STATUS = {"ok": "[green]成功[/]", "warnings": "[yellow]有警告[/]", "failed": "[red]失败[/]"}


@click.command("batch", options_metavar="[选项]")
@click.argument("spec", metavar="文件夹或通配符")
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(path_type=Path),
    required=True,
    help="输出文件夹（不存在则新建；子文件夹结构与输入相同）",
)
@click.option("-j", "--jobs", type=click.IntRange(0, 256), default=0, help="并行进程数（默认：CPU 核数）")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), default="docx", help="输出格式")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖（旧文件备份为 .bak）")
@font_option
@no_comments_option
@fragments_option
@templates_option
@seed_option
@length_option
def batch_command(
    spec: str,
    outdir: Path,
    jobs: int,
    fmt: str,
    force: bool,
    fonts: tuple[str, ...],
    no_comments: bool,
    fragments: Path | None,
    templates: Path | None,
    seed: int | None,
    target: int | None,
) -> None:
    """批量起草：为文件夹中每个事实文件生成一份稿子（各支部、各单位一次完成）。

    \b
    例：drafter batch 各支部事实/ -o 各支部述职报告/ -j 4
        drafter batch '2024/*.yaml' -o 输出/ --format md
    一个文件出错不影响其他文件；最后列出成功、有警告、失败的清单，并标出彼此重合超过 60% 的稿子。
    --font、--no-comments、--seed、--字数 与 drafter render 相同，对每一份稿子都适用。
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from drafter.batch import SIMILAR, plan_jobs, run

    if fonts:
        fonts_from(fonts)  # a bad --font is reported once, before any file is drafted
    job_list = plan_jobs(
        spec,
        outdir,
        fmt,
        force=force,
        fragments_dir=fragments,
        templates_dir=templates,
        seed=seed,
        target=target,
        fonts=fonts,
        comments=not no_comments,
    )
    outdir.mkdir(parents=True, exist_ok=True)
    console = Console(stderr=True, highlight=False)
    with Progress(
        TextColumn("起草中"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("batch", total=len(job_list))

        def advance(_: FileResult) -> None:
            bar.advance(task)

        result = run(job_list, workers=jobs, progress=advance)

    out = Console(highlight=False)
    table = Table(title="批量起草结果", show_edge=False)
    for column in ("事实文件", "结果", "字数", "待补充", "说明"):
        table.add_column(column, overflow="fold")
    for item in result.results:
        note = "见下方说明" if item.status == "failed" else "；".join(item.warnings[:2])
        table.add_row(
            item.name, STATUS[item.status], str(item.chars or ""), str(item.placeholders or ""), note
        )
    out.print(table)
    for item in result.results:
        if item.status == "failed":
            console.print(f"[red]{item.name}[/]：\n{item.message}")
    out.print(
        f"共 {len(result.results)} 份：成功 {result.count('ok')}，有警告 {result.count('warnings')}，"
        f"失败 {result.count('failed')}。输出在 {outdir}"
    )
    if result.similar:
        out.print(
            f"[yellow]以下稿子彼此重合超过 {SIMILAR:.0%}，请修改其中一份（或用 --seed、选用/不用 换一种组合）：[/]"
        )
        for pair in result.similar[:20]:
            out.print(f"  {pair.a} ~ {pair.b}：{pair.share:.0%}")
    if result.count("failed"):
        sys.exit(2)
