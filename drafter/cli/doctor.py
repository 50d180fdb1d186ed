"""The ``drafter doctor`` command: presents :mod:`drafter.doctor` (fonts installed, fallbacks, how to install
free stand-ins)."""

from __future__ import annotations

import click

_SYSTEM = {"windows": "Windows", "macos": "macOS", "linux": "Linux"}


@click.command("doctor", options_metavar="[选项]")
@click.option("--all-systems", is_flag=True, help="列出 Windows、macOS、Linux 三种系统的安装办法")
def doctor_command(all_systems: bool) -> None:
    """检查本机是否装有 GB/T 9704 版式用到的字体；缺字体时 Word、WPS、LibreOffice 会用什么字体代替，怎样安装免费替代字体。"""
    from drafter.doctor import diagnose, fontconfig_aliases, platform_name, user_fontconfig_path

    statuses = diagnose()
    here = platform_name()
    systems = list(_SYSTEM) if all_systems else [here]
    missing = [s for s in statuses if not s.installed]
    for status in statuses:
        mark = "已安装" if status.installed else "未安装"
        click.echo(f"{status.role}：{status.name}  {mark}")
        if status.installed or status.stand_in is None:
            continue
        stand_in = status.stand_in
        click.echo(f"    Word 会用：{stand_in.word}")
        click.echo(f"    WPS 会用：{stand_in.wps}")
        if status.libreoffice:
            click.echo(f"    LibreOffice（本机 fontconfig）会用：{status.libreoffice}")
        click.echo(f"    免费替代：{stand_in.free}")
        for system in systems:
            click.echo(f"    {_SYSTEM[system]}：{getattr(stand_in, system)}")
    if not missing:
        click.echo("版式用到的字体都已安装。")
        return
    click.echo(
        f"缺 {len(missing)} 种字体。Word/WPS 打开稿子时会按上面的方式替换，版面（每页 22 行、每行 28 字）不变，"
        "字形会有差别；也可以用 drafter render/format 的 --font 换成本机已有的字体。"
    )
    if "linux" in systems:
        click.echo(
            f"Linux：装好替代字体后，把下面的内容存为 {user_fontconfig_path()}，"
            "LibreOffice 就会用替代字体显示这些字体名："
        )
        click.echo(fontconfig_aliases())
