"""Decoding text files as Windows tools save them: one rule for facts files, drafts and seed reports.

UTF-8 with a BOM, UTF-16 with a BOM (Notepad's “Unicode”), else UTF-8, else GB18030 (a superset of GBK
and GB2312, what Chinese Windows and WPS save by default).  Callers raise their own Chinese error when
nothing fits.
"""

from __future__ import annotations


def decode_bytes(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding name), or None when the bytes are none of the encodings above."""
    candidates: tuple[str, ...]
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None
