"""``drafter preview``: the draft in the terminal (levels, highlighted 【待补充】, characters per part)."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.cli.options import (
    facts_path,
    fragments_option,
    length_option,
    pipeline_options,
    seed_option,
    templates_option,
)
from drafter.cli.present import echo_diagnostics


@click.command("preview", options_metavar="[选项]")
@click.argument("facts", type=facts_path, metavar="事实文件")
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

    result = draft(facts, pipeline_options(fragments, templates, seed, target))
    console = Console(highlight=False)
    console.print(preview(result.document, result.section_chars, result.budgets))
    echo_diagnostics(result.diagnostics)
