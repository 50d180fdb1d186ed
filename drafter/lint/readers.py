"""Reading a draft for ``drafter lint``: .docx paragraphs, .md and .txt lines.

Each reader returns a list of strings; index 0 is paragraph (Word) or line (text files) 1, and
empty paragraphs/lines are kept so that the numbers match what the user sees in the editor.

* ``.docx`` — the body paragraphs python-docx sees, in order (tables, headers and text boxes are
  not read).
* ``.txt`` — UTF-8 with or without BOM, UTF-16 with BOM (Windows “Unicode”), or GB18030/GBK.
* ``.md`` / ``.markdown`` — as text, with Markdown markup removed line by line (front matter, code
  fences, HTML tags such as ``<p align="center">``, ``#`` headings, ``>`` quotes, list bullets,
  ``**bold**`` and ``\\*`` escapes), so that ``**`` used for bold is not taken for a redaction.
  Bold is recognised only where it opens at the start of a line or after whitespace/punctuation —
  “开展**次” stays a redaction.  Columns reported for a Markdown line count characters after this
  clean-up.

Every failure is a :class:`~drafter.errors.DrafterError` with a Chinese message.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from drafter.errors import DrafterError, Location
from drafter.textio import decode_bytes

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm")
SUPPORTED = "、".join((".docx", ".md", ".txt"))

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ReadError(DrafterError):
    """The draft to check cannot be read."""


def read_paragraphs(path: Path) -> list[str]:
    """The paragraphs (or lines) of a draft, by file type."""
    suffix = path.suffix.lower()
    if suffix == ".doc" or suffix == ".wps":
        raise ReadError(
            f"不支持旧版 Word/WPS 格式（{suffix}）：{path.name}",
            location=Location(path),
            hint="在 Word 或 WPS 中“另存为” .docx 后再检查。",
        )
    if suffix not in DOCX_SUFFIXES + TEXT_SUFFIXES + MARKDOWN_SUFFIXES:
        raise ReadError(
            f"不支持的文件类型“{suffix or '（无扩展名）'}”：{path.name}",
            location=Location(path),
            hint=f"drafter lint 可以检查 {SUPPORTED} 文件。",
        )
    if not path.exists():
        raise ReadError(f"找不到文件：{path}", location=Location(path), hint="检查文件名和路径是否正确。")
    if path.is_dir():
        raise ReadError(f"这是一个文件夹，不是文件：{path}", location=Location(path))
    if suffix in DOCX_SUFFIXES:
        return read_docx(path)
    text = decode_text(_read_bytes(path), path)
    lines = split_lines(text)
    return strip_markdown(lines) if suffix in MARKDOWN_SUFFIXES else lines


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise ReadError(f"没有权限读取文件：{path}", location=Location(path)) from exc
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc}", location=Location(path)) from exc


def decode_text(data: bytes, path: Path | str = "") -> str:
    """UTF-8 (BOM optional), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312)."""
    decoded = decode_bytes(data)
    if decoded is None:
        raise ReadError(
            "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）",
            location=Location(path or None),
            hint="用记事本或 WPS 另存为 UTF-8 编码的文本后再检查。",
        )
    return decoded[0]


def split_lines(text: str) -> list[str]:
    """Lines split on \\n, \\r\\n or \\r only (not on the other separators str.splitlines knows),
    so that line numbers agree with text editors."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_docx(path: Path) -> list[str]:
    try:
        import docx  # python-docx; imported here so that text checks do not pay for it
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise ReadError("读取 .docx 需要 python-docx", location=Location(path),
                        hint="运行 pip install python-docx") from exc
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(
            f"无法打开 Word 文件（文件已损坏，或不是真正的 .docx）：{path.name}",
            location=Location(path),
            hint="在 Word 或 WPS 中打开后重新“另存为” .docx。",
        ) from exc
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror or exc}", location=Location(path)) from exc
    return [str(p.text) for p in document.paragraphs]


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_MD_BULLET = re.compile(r"^\s{0,3}[-+*]\s+")
_MD_COMMENT = re.compile(r"<!--.*?-->")
_MD_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MD_HR = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_BOLD_OPEN_OK = " \t　。，、；：？！“”‘’（）《》【】"
_MD_BOLD = re.compile(r"(?<!\\)\*\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*\*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def _strip_bold(line: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = line[m.start() - 1] if m.start() > 0 else ""
        if before and before not in _BOLD_OPEN_OK:
            return m.group(0)  # “开展**次，…**项” — a redaction, not bold
        return m.group(1)

    return _MD_BOLD.sub(repl, line)


def strip_markdown(lines: list[str]) -> list[str]:
    """Markdown lines reduced to their text, one output line per input line."""
    out: list[str] = []
    in_front = False
    fence: str | None = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if i == 0 and stripped == "---":
            in_front = True
            out.append("")
            continue
        if in_front:
            if stripped in ("---", "..."):
                in_front = False
            out.append("")
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            out.append("")
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append("")
            continue
        if _MD_HR.match(line):
            out.append("")
            continue
        text = _MD_HTML_TAG.sub("", _MD_COMMENT.sub("", line))
        if _MD_HEADING.match(text):
            text = _MD_CLOSING_HASHES.sub("", _MD_HEADING.sub("", text))
        text = _MD_QUOTE.sub("", text)
        text = _MD_BULLET.sub("", text)
        text = _strip_bold(text)
        text = _MD_ESCAPE.sub(r"\1", text)
        out.append(text)
    return out
