"""The ``drafter format`` command: re-typeset a Word file to GB/T 9704 (argument handling and output only).

The work is :func:`drafter.typeset.retype.retype`; writing goes through :mod:`drafter.output` (never over
an existing file without ``--force``, numbered backups, atomic).
"""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.options import font_option, fonts_from
from drafter.errors import Location, OutputError


def default_output(source: Path) -> Path:
    """``报告.docx`` → ``报告（排版）.docx`` beside it."""
    return source.with_name(f"{source.stem}（排版）.docx")


def run_format(source: Path, output: Path | None, fonts: tuple[str, ...], dry_run: bool, force: bool) -> None:
    """Shared by ``format`` and ``lint --fix``."""
    from drafter.output import check_target, write_atomic
    from drafter.typeset.retype import retype

    target = output or default_output(source)
    if target.suffix.lower() != ".docx":
        raise OutputError("输出文件应以 .docx 结尾", location=Location(target), hint="例如 -o 排版后.docx")
    data, report = retype(source, fonts_from(fonts))
    for line in report.lines():
        click.echo(line)
    for number, excerpt, why in report.unclassified:
        click.echo(f"未能确定层级：第{number}段“{excerpt}”——{why}")
    if dry_run:
        check_target(target, force=force)
        click.echo(f"（试运行，未写文件）将写入：{target}")
        return
    backup = write_atomic(target, data, force=force)
    click.echo(f"已写入：{target}")
    if backup:
        click.echo(f"原文件已备份为：{backup}")


@click.command("format", options_metavar="[选项]")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False), metavar="文件.docx")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="输出文件（默认写在原文件旁边：文件名（排版）.docx）",
)
@font_option
@click.option("--dry-run", is_flag=True, help="只列出将要改动的内容，不写文件")
@click.option(
    "--force", is_flag=True, help="输出文件已存在（或就是原文件）时也覆盖，旧文件先备份为 .bak.docx"
)
def format_command(
    source: Path, output: Path | None, fonts: tuple[str, ...], dry_run: bool, force: bool
) -> None:
    """把已有的 Word 稿（.docx）按 GB/T 9704 重新排版：识别标题、一、（一）1.（1）各级、落款和日期，
    统一页面、字体字号、行距、首行缩进和页码；文字一字不改，批注和修订保留。

    \b
    例：drafter format 述职报告.docx
        drafter format 述职报告.docx -o 排版后.docx --font 正文=仿宋
    """
    run_format(source, output, fonts, dry_run, force)
