"""The GB/T 9704-2012 layout in figures, and the fonts of each level (see docs/design gbt9704.md).

Every number the writer, ``drafter format`` and the layout checks of ``drafter lint`` use comes from
here: A4, 37/35/28/26 mm margins, exact 579-twip lines (22 lines x 28 characters), sizes per level.
Lengths are twips unless stated; sizes are half-points.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from drafter.errors import DrafterError, Location
from drafter.writers.docx.oxml import clean_text

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474
HEADER_DISTANCE, FOOTER_DISTANCE = 851, 1423
LINE_PITCH = 579  # exact line height: 22 lines fill the 225 mm type area
CHAR = 320  # one 16 pt character
INDENT_2_CHARS = 2 * CHAR
PAGE_NUMBER_INDENT = 280  # one 14 pt character
CONDENSE = -5  # w:spacing in twentieths of a point: 28 x (16 - 0.25) pt fits the 156 mm line

SZ_TITLE = 44  # 二号 22 pt
SZ_BODY = 32  # 三号 16 pt
SZ_PAGE_NUMBER = 28  # 四号 14 pt
SZ_COMMENT = 21  # 五号 10.5 pt

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
COMMENT_AUTHOR = "drafter"

# Characters Word draws with the w:ascii/w:hAnsi font unless told otherwise (WPS ignores w:hint):
# runs holding them name the East Asian font in every slot, so “ ” — … look like the text around them.
AMBIGUOUS_PUNCTUATION = "“”‘’—…·"

_FONT_KEYS: dict[str, str] = {
    "标题": "title",
    "一级": "heading1",
    "二级": "heading2",
    "正文": "body",
    "页码": "page_number",
    "西文": "latin",
}


@dataclass(frozen=True)
class Fonts:
    """Font names for each element; the defaults are the conventional 公文 fonts."""

    title: str = "方正小标宋简体"  # 二号 22 pt, centred
    heading1: str = "黑体"  # 一、 level, 三号 16 pt
    heading2: str = "楷体_GB2312"  # （一） level and run-in （一） headings; also the byline
    body: str = "仿宋_GB2312"  # body 16 pt; heading3 (1.) uses it in bold
    page_number: str = "宋体"  # 四号 14 pt
    latin: str = "Times New Roman"  # w:ascii / w:hAnsi: digits and Latin letters

    @classmethod
    def with_overrides(cls, pairs: Mapping[str, str]) -> Fonts:
        """Defaults with some names replaced.  Keys are 标题 一级 二级 正文 页码 西文 or field names."""
        names = {f.name for f in fields(cls)}
        changes: dict[str, str] = {}
        for key, value in pairs.items():
            name = _FONT_KEYS.get(str(key).strip(), str(key).strip())
            if name not in names:
                raise DrafterError(
                    f"未知的字体设置项“{key}”",
                    location=Location(key=str(key)),
                    hint="可用的键："
                    + "、".join(_FONT_KEYS)
                    + "（也可写 "
                    + "、".join(_FONT_KEYS.values())
                    + "）",
                )
            font = clean_text(value).strip() if isinstance(value, str) else ""
            if not font:
                raise DrafterError(
                    f"字体设置项“{key}”的字体名为空或不是文字",
                    location=Location(key=str(key)),
                    hint="写出字体名称，例如：正文: 仿宋_GB2312",
                )
            changes[name] = font
        return replace(cls(), **changes)

    @classmethod
    def from_options(cls, pairs: tuple[str, ...] | list[str]) -> Fonts:
        """Fonts from ``--font 级别=字体`` options, as render, format and lint --fix take them."""
        overrides: dict[str, str] = {}
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key.strip() or not value.strip():
                raise DrafterError(f"字体参数写法不对：{pair}", hint="写成 --font 正文=仿宋，可多次使用")
            overrides[key.strip()] = value.strip()
        return cls.with_overrides(overrides)

    def chinese(self) -> tuple[str, ...]:
        """The East Asian fonts, each once, in level order."""
        return tuple(dict.fromkeys((self.title, self.heading1, self.heading2, self.body, self.page_number)))

    def used(self) -> tuple[str, ...]:
        """Every font the document names, each once."""
        return tuple(dict.fromkeys((*self.chinese(), self.latin)))
