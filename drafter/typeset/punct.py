"""Half-width punctuation in Chinese text → full-width (GB/T 15834-2011), one character for one.

Every change keeps the text's length, so the caller can write the result back into the same Word runs.
Only clear cases change: a comma, semicolon, colon, question or exclamation mark next to a Chinese
character (not between two digits, as in 1,000 or 10:30), a full stop right after a Chinese character at
a sentence end, and ( ) or " " pairs whose content holds Chinese.  Latin text, numbers, URLs stay as they are.
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WIDE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]")
_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAREN = re.compile(r"\(([^()\n]{0,80})\)")
_QUOTE = re.compile(r'"([^"\n]{1,80})"')


def _wide(ch: str) -> bool:
    return bool(ch) and _WIDE.match(ch) is not None


def fullwidth(text: str) -> str:
    """``text`` with the half-width punctuation of its Chinese sentences made full-width (same length)."""
    chars = list(text)
    for i, ch in enumerate(chars):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in _SIMPLE:
            if before.isdigit() and after.isdigit():
                continue
            if _wide(before) or (_wide(after) and ch != ":"):
                chars[i] = _SIMPLE[ch]
        elif ch == "." and _HAN.match(before or " ") and (not after or _wide(after) or after in "\n "):
            chars[i] = "。"
    out = "".join(chars)
    out = _PAREN.sub(lambda m: f"（{m.group(1)}）" if _HAN.search(m.group(1)) else m.group(0), out)
    return _QUOTE.sub(lambda m: f"“{m.group(1)}”" if _HAN.search(m.group(1)) else m.group(0), out)


_BACK = {
    "，": ",",
    "；": ";",
    "：": ":",
    "？": "?",
    "！": "!",
    "。": ".",
    "（": "(",
    "）": ")",
    "“": '"',
    "”": '"',
}


def comparable(text: str) -> str:
    """``text`` without whitespace and with the punctuation :func:`fullwidth` may change folded to one form:
    what must be equal before and after ``drafter format``."""
    return "".join(_BACK.get(ch, ch) for ch in text if not ch.isspace() and ch not in "\u200b\u00a0\u3000")
