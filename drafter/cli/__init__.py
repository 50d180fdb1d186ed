"""The command line: parses options, calls the service, prints results, picks the exit code.

This package is the only code that prints or exits.  Each command is a module of its own (``render.py``,
``lint.py``, ``batch.py`` …) that imports what its work needs only when it runs; :mod:`drafter.cli.lazy` holds
the group that imports the commands other than the drafting ones on first use, :mod:`drafter.cli.options` the options render and batch share, and
:mod:`drafter.cli.i18n` click's own words in Chinese.  :class:`~drafter.errors.DrafterError` is caught once,
in :meth:`LazyGroup.invoke`, and becomes a Chinese message on stderr with exit code 2 (no traceback).
The console script is ``drafter.__main__:run``, which sets up signals and streams before importing this.
"""

from __future__ import annotations

import gc
import os
import sys

import click

from drafter import __version__
from drafter.cli.i18n import install as install_chinese
from drafter.cli.lazy import EXIT_BAD_INPUT, LazyGroup

__all__ = ["EXIT_BAD_INPUT", "WITHOUT_GC", "LazyGroup", "cli", "main"]

# Commands that do one bounded piece of work and end: they run without Python's cycle collector, which the
# console script switches off at start-up (drafter.__main__).  Every other command (batch, serve, mine,
# compare over a folder …) switches it back on.
WITHOUT_GC = frozenset({"init", "check", "preview", "render", "schema", "doctor"})

install_chinese()


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]...",
)
@click.version_option(__version__, "-V", "--version", message="drafter %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """drafter：根据单位事实起草抓基层党建述职报告、党建工作总结（Word 初稿）。

    \b
    典型用法：
      drafter init 述职事实.yaml        生成待填写的事实文件
      drafter check 述职事实.yaml       检查事实文件
      drafter preview 述职事实.yaml     在终端预览
      drafter render 述职事实.yaml      生成 Word 初稿
    """
    if ctx.invoked_subcommand not in WITHOUT_GC:
        gc.enable()


def _drafting_commands() -> list[click.Command]:
    """init, check, preview, render, compare and schema: always registered (their modules import their work
    only when run); the other commands are found by LazyGroup.  Imported here, after install_chinese(),
    because click names an option's type (“路径”) when the option is declared."""
    from drafter.cli.check import check_command
    from drafter.cli.compare import compare_command
    from drafter.cli.init import init_command
    from drafter.cli.preview import preview_command
    from drafter.cli.render import render_command
    from drafter.cli.schema import schema_command

    return [init_command, check_command, preview_command, render_command, compare_command, schema_command]


for _command in _drafting_commands():
    cli.add_command(_command)


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
