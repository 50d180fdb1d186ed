"""``drafter fragments list|show|search|common``: browsing and searching the phrase library from the terminal,
and counting its common words again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.errors import DrafterError, UsageError
from drafter.registry import registry

if TYPE_CHECKING:
    from rich.console import Console

    from drafter.library import Library

ROLES = registry().roles  # drafter.library's ROLES, without loading the library code for ``--help``

_fragments_dir = click.option(
    "--fragments",
    "folder",
    type=click.Path(path_type=Path),
    default=None,
    help="片段库文件夹（默认内置片段库）",
)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _load(folder: Path | None) -> Library:
    from drafter.library import load_library

    return load_library(folder)


@click.group("fragments", options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
def fragments_group() -> None:
    """浏览、查看、搜索片段库（素材库）。"""


@fragments_group.command("list", options_metavar="[选项]")
@click.option("--role", type=click.Choice(ROLES), default=None, help="只列出某一部分")
@click.option(
    "--topic", default=None, help="只列出某一主题，如 第一议题、网格党建（主题见 templates/主题.yaml）"
)
@click.option("--type", "unit_type", default=None, help="只列出某类单位专用的片段，如 国企、学校")
@click.option("--tag", default=None, help="按标签筛选：个人、单位、机关、学校……或年份如 2024")
@_fragments_dir
def list_command(
    role: str | None, topic: str | None, unit_type: str | None, tag: str | None, folder: Path | None
) -> None:
    """列出片段：编号、部分、主题、小标题、口吻、适用单位、适用年份。"""
    from rich.table import Table

    from drafter.search import matches_tag

    library = _load(folder)
    type_name = registry().unit_type(unit_type).name if unit_type else None
    if unit_type and type_name == "通用" and unit_type != "通用":
        raise UsageError(f"没有“{unit_type}”这类单位", hint="可选：" + "、".join(registry().type_names))
    frags = [
        f
        for f in library.fragments(role)
        if (tag is None or matches_tag(f, tag))
        and (topic is None or f.topic == topic)
        and (type_name is None or type_name in f.unit_types)
    ]
    table = Table(show_edge=False)
    width = max((len(f.id) for f in frags), default=4)
    table.add_column("编号", no_wrap=True, min_width=width)
    for column in ("部分", "主题", "小标题", "口吻", "适用单位", "年份", "需要的事实", "声称的做法"):
        table.add_column(column, overflow="fold")
    for f in frags:
        table.add_row(
            f.id,
            f.role,
            f.topic or "—",
            f.lead or "（段落）",
            "、".join(f.voice),
            "、".join(f.unit_types),
            str(f.years),
            str(len(f.needs)),
            "、".join(f.claims) or "—",
        )
    console = _console()
    console.print(table)
    console.print(f"共 {len(frags)} 条")


@fragments_group.command("show", options_metavar="[选项]")
@click.argument("fragment_id", metavar="片段编号")
@_fragments_dir
def show_command(fragment_id: str, folder: Path | None) -> None:
    """显示一条片段的全文、需要的事实（槽位）、来源。"""
    import difflib

    from rich.text import Text

    library = _load(folder)
    frag = library.get(fragment_id)
    if frag is None:
        close = difflib.get_close_matches(fragment_id, list(library.by_id()), n=3)
        raise DrafterError(
            f"找不到片段“{fragment_id}”",
            hint=("是不是：" + "、".join(close)) if close else "用 drafter fragments list 查看全部编号",
        )
    console = _console()
    console.print(Text(f"{frag.id}  [{frag.role}]", style="bold"))
    if frag.lead:
        console.print(Text("小标题：") + Text(frag.lead, style="bold green"))
    body = Text("正文：")
    body.append(frag.text)
    body.highlight_regex(r"{{.*?}}", "bold black on yellow")
    console.print(body)
    console.print("需要的事实：" + ("、".join(frag.needs) or "无"))
    console.print(
        f"口吻：{'、'.join(frag.voice)}　适用单位：{'、'.join(frag.unit_types)}　适用年份：{frag.years}"
    )
    if frag.pairs:
        console.print("对应的下一步：" + "、".join(frag.pairs))
    console.print(f"来源：{frag.source or '（无）'}　定义于：{frag.file}:{frag.line}")


@fragments_group.command("search", options_metavar="[选项]")
@click.argument("query", metavar="关键词")
@click.option("--role", type=click.Choice(ROLES), default=None, help="只搜某一部分")
@click.option("-n", "--limit", type=click.IntRange(1, 200), default=20, help="最多显示几条")
@_fragments_dir
def search_command(query: str, role: str | None, limit: int, folder: Path | None) -> None:
    """按关键词搜索片段，结果按相关度排序，匹配处高亮。例：drafter fragments search 谈心谈话"""
    from rich.text import Text

    from drafter.search import search

    library = _load(folder)
    hits = search(library, query, role=role, limit=limit)
    console = _console()
    if not hits:
        console.print(f"没有找到与“{query}”相关的片段。可换个说法，或用两个字的词试试。")
        return
    for hit in hits:
        frag = hit.fragment
        line = Text(f"{frag.id}  [{frag.role}]  ", style="bold")
        body = Text(f"{frag.lead}。{frag.text}" if frag.lead else frag.text)
        for term in hit.terms:
            body.highlight_words([term], "bold black on yellow")
        console.print(line + body)
        console.print()
    console.print(f"共找到 {len(hits)} 条（按相关度排序）")


@fragments_group.command("common", options_metavar="[选项]")
@click.option("--write", is_flag=True, help="把重新统计的结果写进片段库的 常用字串.txt")
@_fragments_dir
def common_command(write: bool, folder: Path | None) -> None:
    """重新统计片段库的常用字串，列出会变的字串；加 --write 才写入（维护片段库的人用）。"""
    from drafter.library import recount_common
    from drafter.output import write_atomic

    recount = recount_common(_load(folder))
    console = _console()
    console.print("会变成常用的：" + ("、".join(sorted(recount.added)) or "无"))
    console.print("不再常用的：" + ("、".join(sorted(recount.dropped)) or "无"))
    console.print(f"较常用的两字串有 {recount.frequent_changed} 个会变")
    if write:
        write_atomic(recount.path, recount.text.encode("utf-8"), force=True, backup=False)
        console.print(f"已写入 {recount.path}。问题、原因、措施之间的对应可能随之改变，请重跑测试。")
    elif recount.added or recount.dropped or recount.frequent_changed:
        console.print("没有写入：确认以后加 --write。")
