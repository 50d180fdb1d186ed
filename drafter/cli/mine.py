"""The ``drafter mine`` command: options, the progress bar and the messages of the phrase miner.

Only this module prints for the miner; the work is :func:`drafter.mine.pipeline.mine`.  A
:class:`~drafter.errors.DrafterError` raised here is printed by the main CLI (exit code 2).
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.errors import DrafterError


@click.command("mine", options_metavar="[选项]")
@click.argument("paths", nargs=-1, metavar="材料...")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    required=True,
    help="输出文件夹（每个角色一个 YAML，另有 REPORT.txt）",
)
@click.option("--report", is_flag=True, help="在终端列出每份材料、每个角色提取到的内容")
@click.option("--force", is_flag=True, help="输出文件夹里已有别的文件时也写入（同名文件会被覆盖）")
@click.option(
    "--labels",
    "labels_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="标注文件",
    help="用人工标注（YAML）核对每个片段的角色，报告查准率、查全率",
)
def mine_command(
    paths: tuple[str, ...], output: Path, report: bool, force: bool, labels_file: Path | None
) -> None:
    """从原始材料（.txt）中提取可复用的短语片段，供人工整理进 fragments/。

    \b
    例如：drafter mine seeds/*.txt -o mined --report
    PATHS 可以是文件、文件夹（取其中的 .txt）或通配符。
    加 --labels 标注.yaml 可核对提取的角色是否正确（标注格式见 README）。
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from drafter.mine.labels import format_score, load_labels
    from drafter.mine.pipeline import (
        check_labels,
        check_output_dir,
        expand_paths,
        format_report,
        mine,
        write_output,
    )

    if not paths:
        raise DrafterError("没有给出要提取的材料文件", hint="例如：drafter mine seeds/*.txt -o mined")
    files = expand_paths(paths)
    labels = load_labels(labels_file) if labels_file is not None else None
    check_output_dir(output, force)
    console = Console(stderr=True, highlight=False)
    with Progress(
        TextColumn("提取片段"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("", total=len(files))

        def step(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=label)

        result = mine(files, progress=step)
    write_output(result, output, force)
    if report:
        click.echo(format_report(result), nl=False)
    if labels is not None:
        score, missing = check_labels(result, labels)
        click.echo(format_score(score, f"按 {labels_file} 核对角色"), nl=False)
        if missing:
            click.echo("  标注文件中这些材料不在这次提取之中，未核对：" + "、".join(missing))
    reusable = sum(len(r.fragments) for r in result.roles.values())
    specific = sum(len(r.unit_specific) for r in result.roles.values())
    click.echo(
        f"已提取 {len(result.seeds)} 份材料：可复用片段 {reusable} 条，单位特有 {specific} 条，"
        f"已写入 {output}（每个角色一个 YAML，另有 REPORT.txt）"
    )
