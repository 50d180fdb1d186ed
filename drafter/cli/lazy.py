"""The ``drafter`` click group.  Every command lives in its own module of :mod:`drafter.cli`; the drafting
commands (init, check, preview, render, compare, schema) are registered when the CLI starts, the others are
imported only when run (or listed by ``drafter --help``), so ``drafter render`` never loads lint's, the miner's
or the web page's code.  :meth:`LazyGroup.invoke` is the one place a :class:`~drafter.errors.DrafterError` becomes
a Chinese message on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any, ClassVar

import click

from drafter.errors import DrafterError

EXIT_BAD_INPUT = 2


class LazyGroup(click.Group):
    """A click group whose extra commands live in other modules and are imported on first use."""

    lazy: ClassVar[dict[str, str]] = {
        "lint": "drafter.cli.lint:lint_command",
        "mine": "drafter.cli.mine:mine_command",
        "fragments": "drafter.cli.fragments:fragments_group",
        "batch": "drafter.cli.batch:batch_command",
        "serve": "drafter.cli.serve:serve_command",
        "format": "drafter.cli.format:format_command",
        "doctor": "drafter.cli.doctor:doctor_command",
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
