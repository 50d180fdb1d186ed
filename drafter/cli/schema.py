"""``drafter schema``: the facts file's JSON Schema, for editors."""

from __future__ import annotations

import click


@click.command("schema", options_metavar="[选项]")
def schema_command() -> None:
    """输出事实文件的 JSON Schema（供 VS Code 等编辑器补全和检查）。"""
    import json

    from drafter.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
