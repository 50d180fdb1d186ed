"""``drafter serve``: open a local page to fill a facts file, preview the draft and download it."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.errors import OutputError


@click.command("serve", options_metavar="[选项]")
@click.argument("facts", type=click.Path(path_type=Path), default=Path("述职事实.yaml"), metavar="[事实文件]")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8765,
    show_default=True,
    metavar="端口",
    help="端口（被占用时自动用下一个空闲端口）",
)
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    metavar="地址",
    help="监听地址；默认只有本机能访问，改成其他地址会让局域网里的人也能打开页面",
)
def serve_command(facts: Path, port: int, no_browser: bool, host: str) -> None:
    """在浏览器里填写事实、实时预览稿子、下载 Word 初稿（不用编辑 YAML）。

    \b
    例：drafter serve 述职事实.yaml
    事实文件不存在时，页面从空白开始，点“保存事实文件”即新建。按 Ctrl+C 停止。
    """
    from drafter.serve.server import bind, is_loopback, serve, url_of

    if facts.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("事实文件应以 .yaml 结尾", hint=f"例如：drafter serve {facts.stem}.yaml")
    if not facts.parent.is_dir():
        raise OutputError(f"文件夹“{facts.parent}”不存在", hint="先建好文件夹，或换一个事实文件的位置")
    if not is_loopback(host):
        click.echo(
            f"警告：页面将在 {host} 上开放，同一网络中的其他人也可能打开它、改写 {facts.name}。"
            "只在可信的网络里这样做；平时请不加 --host。",
            err=True,
        )
    server = bind(facts.resolve(), host=host, port=port)
    url = url_of(server)
    if server.port != port:
        click.echo(f"端口 {port} 已被占用，改用 {server.port}。")
    click.echo(f"页面地址：{url}  （事实文件：{facts}）")
    click.echo("按 Ctrl+C 停止。")
    try:
        serve(server, open_browser=not no_browser)
    except KeyboardInterrupt:
        click.echo("已停止。")
