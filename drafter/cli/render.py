"""``drafter render``: draft through :mod:`drafter.service`, write the file, then show what the originality
check, the comparison with last year and ``drafter lint`` find in it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.options import (
    facts_path,
    font_option,
    fonts_from,
    fragments_option,
    length_option,
    no_comments_option,
    pipeline_options,
    seed_option,
    templates_option,
)
from drafter.cli.present import echo_diagnostics, is_dir
from drafter.errors import Location, OutputError

if TYPE_CHECKING:
    from drafter.facts import Facts
    from drafter.lint import Finding
    from drafter.model import Document
    from drafter.originality import Overlap


def _format_for(output: Path | None, fmt: str | None) -> str:
    if output is not None and is_dir(output):
        raise OutputError(
            "输出路径是一个文件夹",
            location=Location(output),
            hint="请在 -o 后面写文件名，例如 -o 述职报告.docx",
        )
    if fmt and output is not None and output.suffix and output.suffix.lower() != f".{fmt}":
        raise OutputError(
            f"输出文件的扩展名“{output.suffix}”与 --format {fmt} 不一致，没有写入",
            location=Location(output),
            hint=f"改成 -o {output.stem}.{fmt}，或去掉 --format",
        )
    if fmt:
        return fmt
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in ("docx", "md", "txt"):
            return suffix
        raise OutputError(
            f"不认识的输出文件类型“{output.suffix or '（无扩展名）'}”",
            location=Location(output),
            hint="用 .docx、.md 或 .txt 结尾，或用 --format 指定",
        )
    return "docx"


def _not_the_facts_file(path: Path, facts: Path) -> None:
    if path.resolve() == facts.resolve():
        raise OutputError(
            "输出文件就是事实文件本身，没有写入",
            location=Location(path),
            hint="用 -o 另起一个文件名，例如 -o 述职报告.docx",
        )


@click.command("render", options_metavar="[选项]")
@click.argument("facts", type=facts_path, metavar="事实文件")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出文件（默认写在事实文件旁边）")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "txt"]),
    default=None,
    help="输出格式（默认按 -o 的扩展名，否则 docx）",
)
@click.option("--force", is_flag=True, help="输出文件已存在时也覆盖（旧文件备份为 .bak）")
@click.option("--dry-run", is_flag=True, help="只生成、不写文件：显示将写到哪里和字数")
@font_option
@no_comments_option
@fragments_option
@templates_option
@seed_option
@length_option
def render_command(
    facts: Path,
    output: Path | None,
    fmt: str | None,
    force: bool,
    dry_run: bool,
    fonts: tuple[str, ...],
    no_comments: bool,
    fragments: Path | None,
    templates: Path | None,
    seed: int | None,
    target: int | None,
) -> None:
    """生成稿子：Word（GB/T 9704 版式）、Markdown 或纯文本。"""
    from drafter.output import check_target, default_path, write_atomic
    from drafter.service import produce, review

    if output is not None:
        _not_the_facts_file(output, facts)
    fmt = _format_for(output, fmt)
    product = produce(
        facts,
        pipeline_options(fragments, templates, seed, target),
        fmt=fmt,
        fonts=fonts_from(fonts) if fmt == "docx" else None,
        comments=not no_comments,
    )
    result, data = product.draft, product.data
    path = output or default_path(result.facts, fmt)
    _not_the_facts_file(path, facts)
    doc = result.document
    echo_diagnostics(result.diagnostics)
    holes = len(doc.placeholders)
    if dry_run:
        check_target(path, force=force)
        click.echo(f"（试运行，未写文件）将写入：{path}，共 {doc.total_chars} 字，待补充 {holes} 处")
        return
    backup = write_atomic(path, data, force=force)
    click.echo(f"已写入：{path}（{doc.total_chars} 字，待补充 {holes} 处）")
    if backup:
        click.echo(f"原文件已备份为：{backup}")
    checked = review(doc)
    _echo_originality(checked.overlap)
    _echo_last_year(result.facts, doc)
    _echo_lint(checked.findings, path)
    if holes:
        click.echo("请在 Word/WPS 中查找“待补充”，逐一补上黄色标出的内容。")


def _echo_lint(findings: list[Finding], path: Path) -> None:
    """What ``drafter lint`` finds in the new draft, placeholders apart (they were counted already)."""
    if not findings:
        click.echo("规范表述检查：未发现问题。")
        return
    click.echo(f"规范表述检查：发现 {len(findings)} 处，请核对：")
    for f in findings[:5]:
        click.echo(f"  第{f.paragraph}段：{f.message}（{f.excerpt}）→ {f.suggestion}")
    if len(findings) > 5:
        click.echo(f"  ……完整清单：drafter lint {path}")


def _echo_last_year(facts: Facts, doc: Document) -> None:
    """When the facts file names 去年报告: the comparison with it (see drafter.yearcompare)."""
    from drafter.yearcompare import last_year_lines

    for line in last_year_lines(facts, doc):
        click.echo(line)


def _echo_originality(overlap: Overlap | None) -> None:
    if overlap is not None:
        click.echo(f"与样例报告的重合度：最高 {overlap.share:.0%}（{overlap.b}，按 13 字片段计）")
