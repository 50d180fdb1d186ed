"""``drafter init``: write a facts file to fill in, with Chinese notes (optionally prefilled from last year's
report)."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.errors import OutputError, UsageError


@click.command("init", options_metavar="[选项]")
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
