"""The command line: parses options, calls the pipeline, prints results, picks the exit code.

This is the only module that prints or exits.  :class:`DrafterError` is caught once, in
:func:`main`, and becomes a Chinese message on stderr with exit code 2 (no traceback).  Sub-commands
that pull in heavier modules (lint, mine, batch, fragments) are imported only when used, so the
start-up stays fast.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any, ClassVar

import click

from drafter import __version__
from drafter.cli_i18n import install as install_chinese
from drafter.errors import Diagnostic, DrafterError, Location, OutputError, UsageError

EXIT_BAD_INPUT = 2

install_chinese()


class LazyGroup(click.Group):
    """A click group whose extra commands live in other modules and are imported on first use."""

    lazy: ClassVar[dict[str, str]] = {
        "lint": "drafter.cli_lint:lint_command",
        "mine": "drafter.cli_mine:mine_command",
        "fragments": "drafter.cli_fragments:fragments_group",
        "batch": "drafter.cli_batch:batch_command",
        "serve": "drafter.cli_serve:serve_command",
        "format": "drafter.cli_format:format_command",
        "doctor": "drafter.cli_doctor:doctor_command",
    }

    def invoke(self, ctx: click.Context) -> Any:
        """Run the sub-command; the one place a DrafterError becomes a message and exit code 2."""
        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(exc.format(), err=True)
            ctx.exit(EXIT_BAD_INPUT)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._available()})

    def _available(self) -> list[str]:
        out = []
        for name, target in self.lazy.items():
            module = target.split(":")[0]
            if importlib.util.find_spec(module) is not None:
                out.append(name)
        return out

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None or cmd_name not in self.lazy:
            return command
        module_name, attr = self.lazy[cmd_name].split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # the command itself is not part of this install
                return None
            raise DrafterError(  # a library the command needs is missing: say which, not "no such command"
                f"安装不完整：缺少 {exc.name}，“{cmd_name}”命令无法运行",
                hint="请重新安装：pip install --force-reinstall drafter（或在项目文件夹里 pip install .）",
            ) from None
        found: click.Command = getattr(module, attr)
        return found


def _echo_diagnostics(diags: list[Diagnostic]) -> None:
    for d in diags:
        click.echo(d.format(), err=True)


def _summary(diags: list[Diagnostic]) -> str:
    errors = sum(d.severity == "error" for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    infos = sum(d.severity == "info" for d in diags)
    return f"共 {errors} 个错误、{warnings} 个警告、{infos} 条提示"


def _options(
    fragments: Path | None, templates: Path | None, seed: int | None, target: int | None = None
) -> Any:
    from drafter.pipeline import Options

    return Options(fragments_dir=fragments, templates_dir=templates, seed=seed, target_chars=target)


_path_in = click.Path(path_type=Path, dir_okay=True, file_okay=True)
fragments_option = click.option(
    "--fragments", "fragments", type=click.Path(path_type=Path), help="用自己的片段库文件夹代替内置片段库"
)
templates_option = click.option(
    "--templates", "templates", type=click.Path(path_type=Path), help="用自己的模板文件夹代替内置模板"
)
length_option = click.option(
    "--字数",
    "--chars",
    "target",
    type=click.IntRange(200, 50000),
    default=None,
    metavar="字数",
    help="目标字数：按 60% 主要工作、15% 存在问题、20% 下一步分配篇幅（覆盖事实文件中的“字数”）",
)
seed_option = click.option(
    "--seed", type=int, default=None, help="变化种子：同一种子总是得到同一份稿子（默认由单位和年度决定）"
)
font_option = click.option(
    "--font",
    "fonts",
    multiple=True,
    metavar="级别=字体",
    help="改字体，如 --font 正文=仿宋 --font 标题=方正小标宋_GBK（级别：标题 一级 二级 正文 页码 西文）",
)
no_comments_option = click.option("--no-comments", is_flag=True, help="Word 稿中不为【待补充】加批注")


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]...",
)
@click.version_option(__version__, "-V", "--version", message="drafter %(version)s")
def cli() -> None:
    """drafter：根据单位事实起草抓基层党建述职报告、党建工作总结（Word 初稿）。

    \b
    典型用法：
      drafter init 述职事实.yaml        生成待填写的事实文件
      drafter check 述职事实.yaml       检查事实文件
      drafter preview 述职事实.yaml     在终端预览
      drafter render 述职事实.yaml      生成 Word 初稿
    """


@cli.command("init", options_metavar="[选项]")
@click.argument("path", type=click.Path(path_type=Path), default=Path("述职事实.yaml"), metavar="[事实文件]")
@click.option("--force", is_flag=True, help="文件已存在时也覆盖（旧文件备份为 .bak.yaml）")
@click.option(
    "--from",
    "last_year",
    type=click.Path(path_type=Path),
    metavar="去年报告",
    help="从去年的报告（.docx、.md、.txt）读出单位、述职人、去年的数和问题，预先填好",
)
@click.option(
    "--类型",
    "unit_type",
    default=None,
    metavar="单位类型",
    help="单位类型（机关、学校、国企、街道、社区、村……），带出这类单位常用的统计项",
)
@click.option(
    "--报告类型", "kind", default=None, metavar="报告类型", help="书记述职、党建工作总结 或 党支部书记述职"
)
def init_command(
    path: Path, force: bool, last_year: Path | None, unit_type: str | None, kind: str | None
) -> None:
    """生成一份带中文说明的事实文件模板。

    \b
    例：drafter init 述职事实.yaml --from 去年述职报告.docx
    """
    from drafter.initfile import facts_template
    from drafter.output import write_atomic
    from drafter.registry import registry

    if path.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("事实文件应以 .yaml 结尾", hint=f"例如：drafter init {path.stem}.yaml")
    reg = registry()
    if unit_type and reg.unit_type(unit_type).name == "通用" and unit_type != "通用":
        raise UsageError(f"没有“{unit_type}”这类单位", hint="可选：" + "、".join(reg.type_names))
    if kind and kind not in reg.kinds:
        raise UsageError(f"没有“{kind}”这种报告类型", hint="可选：" + "、".join(reg.kinds))
    prefill, notes = None, []
    if last_year is not None:
        from drafter.lastyear import facts_from_report, prefill_from, summary, unit_warning

        report = facts_from_report(last_year)
        prefill, notes = prefill_from(report, last_year, path), [summary(report), *report.notes]
        notes += [w for w in [unit_warning(report, path)] if w]
    text = facts_template(path.name, prefill, unit_type=unit_type, kind=kind)
    backup = write_atomic(path, text.encode("utf-8"), force=force)
    click.echo(f"已生成事实文件：{path}")
    for note in notes:
        click.echo(f"  {note}")
    if backup:
        click.echo(f"原文件已备份为：{backup}")
    click.echo(f"请用记事本或 WPS 打开填写，然后运行：drafter check {path}")


@cli.command("check", options_metavar="[选项]")
@click.argument("facts", type=_path_in, metavar="事实文件")
@click.option("--strict", is_flag=True, help="把警告也当作错误（退出码 2）")
@fragments_option
@templates_option
@length_option
def check_command(
    facts: Path, strict: bool, fragments: Path | None, templates: Path | None, target: int | None
) -> None:
    """检查事实文件：语法、类型、未知的键、缺少的数、数字之间的矛盾、问题与措施是否配对，一次列出全部问题。"""
    from drafter.pipeline import check

    diags = check(facts, _options(fragments, templates, None, target))
    _echo_diagnostics(diags)
    errors = [d for d in diags if d.severity == "error" or (strict and d.severity == "warning")]
    click.echo(_summary(diags), err=True)
    if errors:
        sys.exit(EXIT_BAD_INPUT)
    click.echo(f"{facts}：可以使用。")


@cli.command("preview", options_metavar="[选项]")
@click.argument("facts", type=_path_in, metavar="事实文件")
@fragments_option
@templates_option
@seed_option
@length_option
def preview_command(
    facts: Path, fragments: Path | None, templates: Path | None, seed: int | None, target: int | None
) -> None:
    """在终端预览稿子：层级、醒目的【待补充】标记、各部分字数。"""
    from rich.console import Console

    from drafter.pipeline import draft
    from drafter.writers.terminal import preview

    result = draft(facts, _options(fragments, templates, seed, target))
    console = Console(highlight=False)
    console.print(preview(result.document, result.section_chars, result.budgets))
    _echo_diagnostics(result.diagnostics)


def _fonts(pairs: tuple[str, ...]) -> Any:
    from drafter.writers.docx import Fonts

    return Fonts.from_options(pairs)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long to stat: output.py reports it properly
        return False


def _format_for(output: Path | None, fmt: str | None) -> str:
    if output is not None and _is_dir(output):
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


@cli.command("render", options_metavar="[选项]")
@click.argument("facts", type=_path_in, metavar="事实文件")
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

    if output is not None and output.resolve() == facts.resolve():
        raise OutputError(
            "输出文件就是事实文件本身，没有写入",
            location=Location(output),
            hint="用 -o 另起一个文件名，例如 -o 述职报告.docx",
        )
    fmt = _format_for(output, fmt)
    product = produce(
        facts,
        _options(fragments, templates, seed, target),
        fmt=fmt,
        fonts=_fonts(fonts) if fmt == "docx" else None,
        comments=not no_comments,
    )
    result, data = product.draft, product.data
    path = output or default_path(result.facts, fmt)
    if path.resolve() == facts.resolve():
        raise OutputError(
            "输出文件就是事实文件本身，没有写入",
            location=Location(path),
            hint="用 -o 另起一个文件名，例如 -o 述职报告.docx",
        )
    doc = result.document
    _echo_diagnostics(result.diagnostics)
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


def _echo_lint(findings: list[Any], path: Path) -> None:
    """What ``drafter lint`` finds in the new draft, placeholders apart (they were counted already)."""
    if not findings:
        click.echo("规范表述检查：未发现问题。")
        return
    click.echo(f"规范表述检查：发现 {len(findings)} 处，请核对：")
    for f in findings[:5]:
        click.echo(f"  第{f.paragraph}段：{f.message}（{f.excerpt}）→ {f.suggestion}")
    if len(findings) > 5:
        click.echo(f"  ……完整清单：drafter lint {path}")


def _echo_last_year(facts: Any, doc: Any) -> None:
    """When the facts file names 去年报告: the comparison with it (see drafter.yearcompare)."""
    from drafter.yearcompare import last_year_lines

    for line in last_year_lines(facts, doc):
        click.echo(line)


def _echo_originality(overlap: Any) -> None:
    if overlap is not None:
        click.echo(f"与样例报告的重合度：最高 {overlap.share:.0%}（{overlap.b}，按 13 字片段计）")


@cli.command("compare", options_metavar="[选项]")
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

    if len(paths) != 1 or _is_dir(paths[0]):
        raise DrafterError(
            "与去年对照时只能给一份今年的稿子",
            hint="例如：drafter compare 今年述职报告.docx --last-year 去年述职报告.docx",
        )
    result = compare_last_year(paths[0], last_year)
    for line in report_lines(result, threshold, f"去年的报告（{last_year.name}）"):
        click.echo(line)
    if result.over(threshold):
        sys.exit(1)


@cli.command("schema", options_metavar="[选项]")
def schema_command() -> None:
    """输出事实文件的 JSON Schema（供 VS Code 等编辑器补全和检查）。"""
    import json

    from drafter.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point.  Bad input is handled in :meth:`LazyGroup.invoke`; this only turns
    an unexpected internal error into a short Chinese message (DRAFTER_DEBUG=1 shows the traceback)."""
    from drafter.console import Cancelled, install_signal_handlers, say_cancelled, setup_streams

    install_signal_handlers()
    setup_streams()
    try:
        cli.main(args=argv, prog_name="drafter")
    except Cancelled as stop:
        say_cancelled(stop.code)
        sys.exit(stop.code)
    except Exception as exc:
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        click.echo(
            f"drafter 内部错误：{type(exc).__name__}: {exc}\n"
            "  提示：这是程序的问题，不是您的输入有误。请把这条信息和事实文件反馈给维护者；"
            "设置环境变量 DRAFTER_DEBUG=1 可看到详细信息。",
            err=True,
        )
        sys.exit(3)
