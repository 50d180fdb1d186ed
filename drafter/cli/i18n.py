"""Chinese for click's own words: help headings (用法、选项、命令) and its messages for wrong options.

click marks these strings for translation with :mod:`gettext` (``_`` and ``ngettext`` imported into each
of its modules) but ships no Chinese catalogue, and drafter's users do not set a locale.  :func:`install`
points those names at a small table; a string not in the table stays as click wrote it.
"""

from __future__ import annotations

import importlib

ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看用法。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Did you mean {possibility}?": "是不是想写 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想写其中之一：{possibilities}？）",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "取值不对：{message}",
    "Got unexpected extra argument ({args})": "多写了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多写了参数（{args}）",
    "Option {name!r} requires an argument.": "选项 {name!r} 后面要写一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 后面要写 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 后面不用写值。",
    "{value!r} is not {choice}.": "{value!r} 不是可选的值（{choice}）。",
    "{value!r} is not one of {choices}.": "{value!r} 不是可选的值（{choices}）。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是{number_type}。",
    "integer": "整数",
    "float": "数字",
    "{value} is not in the range {range}.": "{value} 不在允许的范围（{range}）内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是一个文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是一个文件。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "Aborted!": "已取消。",
    "default: {default}": "默认：{default}",
    "required": "必填",
}

_MODULES = (
    "click.core",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.decorators",
    "click.termui",
    "click.utils",
)


def gettext(message: str) -> str:
    return ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Translate click's messages in this process (idempotent)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
