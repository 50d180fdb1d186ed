"""``drafter doctor``: which layout fonts are installed, what replaces a missing one, how to install stand-ins."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter.doctor import ALIASES, diagnose, fontconfig_aliases
from drafter.writers.docx.layout import Fonts


def test_installed_and_missing_fonts_are_told_apart() -> None:
    statuses = diagnose(families={"黑体", "Times New Roman"}, match=lambda name: f"替身-{name}")
    by_name = {s.name: s for s in statuses}
    assert set(by_name) == set(Fonts().used())
    assert by_name["黑体"].installed and by_name["黑体"].libreoffice == ""
    body = by_name["仿宋_GB2312"]
    assert not body.installed and body.libreoffice == "替身-仿宋_GB2312"
    assert body.stand_in is not None and "仿宋" in body.stand_in.word and "apt" in body.stand_in.linux
    title = by_name["方正小标宋简体"]
    assert title.stand_in is not None and "缺失字体" in title.stand_in.wps


def test_overridden_fonts_are_checked_by_their_own_names() -> None:
    statuses = diagnose(Fonts(body="仿宋"), families={"仿宋"}, match=lambda name: "")
    assert next(s for s in statuses if s.role == "正文").installed


def test_cli_lists_every_font_and_every_system(run) -> None:  # type: ignore[no-untyped-def]
    result = run("doctor", "--all-systems")
    assert result.exit_code == 0, result.output
    for name in Fonts().used():
        assert name in result.output
    if "未安装" in result.output:
        for system in ("Windows：", "macOS：", "Linux："):
            assert system in result.output


def test_the_alias_file_makes_fontconfig_use_the_stand_ins(tmp_path: Path) -> None:
    if (
        not shutil.which("fc-match")
        or not Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol").is_dir()
    ):
        if os.environ.get("CI") == "true":
            pytest.fail("fc-match 或 Fandol 字体未安装")
        pytest.skip("fc-match 或 Fandol 字体未安装")
    aliases = tmp_path / "60-drafter.conf"
    aliases.write_text(fontconfig_aliases(), encoding="utf-8")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<include>{aliases}</include></fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    for name in ("仿宋_GB2312", "楷体_GB2312", "黑体"):
        got = subprocess.run(
            ["fc-match", "-f", "%{family}", name], env=env, capture_output=True, text=True, timeout=60
        ).stdout
        assert ALIASES[name] in got, (name, got)
