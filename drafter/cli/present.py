"""Small helpers several commands share for presenting results and judging paths."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.errors import Diagnostic


def echo_diagnostics(diags: list[Diagnostic]) -> None:
    for d in diags:
        click.echo(d.format(), err=True)


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long to stat: output.py reports it properly
        return False
