"""The options ``drafter render`` and ``drafter batch`` (and in part ``check`` and ``preview``) share, defined
once, and the small conversions from their values to what the service takes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from drafter.pipeline import Options
    from drafter.writers.docx.layout import Fonts

facts_path = click.Path(path_type=Path, dir_okay=True, file_okay=True)
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
FONT_HELP = "改字体，如 --font 正文=仿宋 --font 标题=方正小标宋_GBK（级别：标题 一级 二级 正文 页码 西文）"
font_option = click.option("--font", "fonts", multiple=True, metavar="级别=字体", help=FONT_HELP)
no_comments_option = click.option("--no-comments", is_flag=True, help="Word 稿中不为【待补充】加批注")


def pipeline_options(
    fragments: Path | None, templates: Path | None, seed: int | None, target: int | None = None
) -> Options:
    """The pipeline's options from the shared command-line options."""
    from drafter.pipeline import Options

    return Options(fragments_dir=fragments, templates_dir=templates, seed=seed, target_chars=target)


def fonts_from(pairs: tuple[str, ...]) -> Fonts:
    """``--font 级别=字体`` values as the Word writer's fonts (a bad one is a UsageError)."""
    from drafter.writers.docx.layout import Fonts

    return Fonts.from_options(pairs)
