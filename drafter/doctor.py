"""``drafter doctor``: are the fonts the GB/T 9704 layout names installed here, what Word, WPS and
LibreOffice draw instead when one is missing, and how to install free stand-ins on each system.

Installed fonts are read with fontconfig (``fc-list``, Linux and most macOS set-ups), the Windows font
registry, or the macOS font folders; LibreOffice's substitute is what ``fc-match`` answers.  Word and
WPS substitute by the font table drafter writes (an ``altName`` such as 仿宋 for 仿宋_GB2312, the GB2312
charset for the rest, so a Chinese face is chosen), which is stated, not probed.  Nothing here prints.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from drafter.writers.docx.layout import Fonts

ROLE_NAMES = {
    "title": "标题",
    "heading1": "一级标题",
    "heading2": "二级标题、署名",
    "body": "正文",
    "page_number": "页码",
    "latin": "数字和西文",
}


@dataclass(frozen=True)
class StandIn:
    """What to do when a font is missing."""

    word: str  # what Word on Windows draws instead
    wps: str  # what WPS draws instead
    free: str  # a free font of the same style
    windows: str
    macos: str
    linux: str


STAND_INS: dict[str, StandIn] = {
    "方正小标宋简体": StandIn(
        "宋体（按 GB2312 字符集替换）",
        "宋体，并提示“缺失字体”",
        "思源宋体 Heavy / Noto Serif CJK SC Bold",
        "方正字库官网下载“方正小标宋简体”（个人免费，单位使用须授权），或安装思源宋体后用 --font 标题=思源宋体 Heavy",
        "brew install --cask font-noto-serif-cjk-sc，再用 --font 标题=Noto Serif CJK SC",
        "sudo apt install fonts-noto-cjk（再按下方别名设置把方正小标宋简体指向 Noto Serif CJK SC 粗体）",
    ),
    "黑体": StandIn(
        "黑体（Windows 自带 SimHei）",
        "黑体（WPS 自带）",
        "思源黑体 / Noto Sans CJK SC",
        "Windows 自带，无需安装",
        "系统自带“黑体-简”；或 brew install --cask font-noto-sans-cjk-sc",
        "sudo apt install fonts-noto-cjk",
    ),
    "楷体_GB2312": StandIn(
        "楷体（Windows 自带 KaiTi，字体表中已写明替换名）",
        "楷体（WPS 自带）",
        "FandolKai / 楷体",
        "Windows 自带“楷体”，会自动替换；也可用 --font 二级=楷体",
        "系统自带“楷体-简”，用 --font 二级=Kaiti SC",
        "sudo apt install texlive-lang-chinese（含 FandolKai）",
    ),
    "仿宋_GB2312": StandIn(
        "仿宋（Windows 自带 FangSong，字体表中已写明替换名）",
        "仿宋（WPS 自带）",
        "FandolFang / 仿宋",
        "Windows 自带“仿宋”，会自动替换；也可用 --font 正文=仿宋",
        "系统自带“华文仿宋”，用 --font 正文=STFangsong",
        "sudo apt install texlive-lang-chinese（含 FandolFang）",
    ),
    "宋体": StandIn(
        "宋体（Windows 自带 SimSun）",
        "宋体（WPS 自带）",
        "思源宋体 / Noto Serif CJK SC",
        "Windows 自带，无需安装",
        "系统自带“宋体-简”；或 brew install --cask font-noto-serif-cjk-sc",
        "sudo apt install fonts-noto-cjk",
    ),
    "Times New Roman": StandIn(
        "Times New Roman（Windows 自带）",
        "Times New Roman（WPS 自带）",
        "Liberation Serif（字宽相同）",
        "Windows 自带，无需安装",
        "macOS 自带，无需安装",
        "sudo apt install fonts-liberation2",
    ),
}
# The free face each font is aliased to on Linux (the fontconfig file tests/fonts/fonts.conf uses the same).
ALIASES = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "楷体_GB2312": "FandolKai",
    "楷体": "FandolKai",
    "仿宋_GB2312": "FandolFang",
    "仿宋": "FandolFang",
    "宋体": "Noto Serif CJK SC",
    "Times New Roman": "Liberation Serif",
}


FANDOL_DIR = (
    "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"  # texlive-lang-chinese's Fandol fonts
)


@dataclass(frozen=True)
class FontStatus:
    role: str
    name: str
    installed: bool
    libreoffice: str  # what fontconfig draws for it ("" when unknown)
    stand_in: StandIn | None


def _run(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def installed_families() -> set[str]:
    """Font family names installed on this machine (every localised name fontconfig knows)."""
    if shutil.which("fc-list"):
        out = _run(["fc-list", ":", "family"])
        return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}
    if sys.platform == "win32":
        return _windows_families()
    folders = [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return {p.stem for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()}


def _windows_families() -> set[str]:
    if sys.platform != "win32":
        return set()
    import winreg

    names: set[str] = set()
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            key = winreg.OpenKey(root, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts")
        except OSError:
            continue
        index = 0
        while True:
            try:
                value = winreg.EnumValue(key, index)
            except OSError:
                break
            names |= {part.split("(")[0].strip() for part in str(value[0]).split("&")}
            index += 1
    return names


def fontconfig_match(name: str) -> str:
    """The family fontconfig (and so LibreOffice on Linux) draws for ``name``; "" without fc-match."""
    if not shutil.which("fc-match"):
        return ""
    return _run(["fc-match", "-f", "%{family[0]}", name]).strip()


def diagnose(
    fonts: Fonts | None = None,
    *,
    families: Iterable[str] | None = None,
    match: Callable[[str], str] = fontconfig_match,
) -> list[FontStatus]:
    """One status per role of the layout's fonts."""
    fonts = fonts or Fonts()
    known = set(installed_families() if families is None else families)
    out = []
    for role, label in ROLE_NAMES.items():
        name = str(getattr(fonts, role))
        present = name in known
        out.append(FontStatus(label, name, present, "" if present else match(name), STAND_INS.get(name)))
    return out


def platform_name() -> str:
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


def fontconfig_aliases() -> str:
    """A fontconfig file mapping the layout's fonts to the free stand-ins (for ~/.config/fontconfig/fonts.conf)."""
    rules = "".join(
        f'  <alias binding="strong"><family>{name}</family><prefer><family>{free}</family></prefer></alias>\n'
        for name, free in ALIASES.items()
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{FANDOL_DIR}</dir>\n{rules}</fontconfig>\n"
    )


def user_fontconfig_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "fontconfig" / "conf.d" / "60-drafter-gbt9704.conf"
