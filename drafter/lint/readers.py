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

from drafter.errors import DrafterError, Location, os_reason
from drafter.rxprogram import Programs
from drafter.textio import decode_bytes

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
DOCX_SUFFIXES = (".docx", ".docm")
SUPPORTED = "、".join((".docx", ".md", ".txt"))

_LINE_BREAK = _PROGRAMS.compile(r"\r\n|\r|\n")


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
    if not path.is_file():  # a FIFO or device: reading would wait or never end
        raise ReadError(
            f"这不是普通文件（是设备、管道等特殊文件），没有读取：{path}",
            location=Location(path),
            hint="请给出 .docx、.md 或 .txt 文件",
        )
    if suffix in DOCX_SUFFIXES:
        return read_docx(path)
    text = decode_text(_read_bytes(path), path)
    lines = split_lines(text)
    return strip_markdown(lines) if suffix in MARKDOWN_SUFFIXES else lines


MAX_TEXT_BYTES = 20 * 1024 * 1024  # a text draft is some 100 KB


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            raise ReadError(
                f"文件过大（超过 {MAX_TEXT_BYTES // 1024 // 1024} MB），不像一份稿子：{path.name}",
                location=Location(path),
                hint="请确认选对了文件",
            )
        return data
    except PermissionError as exc:
        raise ReadError(f"没有权限读取文件：{path}", location=Location(path)) from exc
    except OSError as exc:
        raise ReadError(f"无法读取文件：{os_reason(exc)}", location=Location(path)) from exc


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


# Limits checked on a .docx before anything is inflated or parsed (a real draft is well below all).
MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all parts, uncompressed
MAX_RATIO = 100  # uncompressed / compressed, for parts over 1 MB
MAX_XML_TAGS = 2_000_000  # elements in one XML part


def _corrupt(path: Path) -> ReadError:
    return ReadError(
        f"文件已损坏或不是 Word 文档：{path.name}",
        location=Location(path),
        hint="在 Word 或 WPS 中打开后重新“另存为” .docx 再检查。",
    )


def check_docx_package(path: Path) -> None:
    """Refuse a .docx whose parts would inflate past the limits, or whose XML declares a DTD or entities
    (a "billion laughs" part), before python-docx reads it."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
                raise _too_big(path)
            for member in members:
                if member.file_size > MAX_MEMBER_BYTES or (
                    member.file_size > 1024 * 1024
                    and member.file_size > MAX_RATIO * max(member.compress_size, 1)
                ):
                    raise _too_big(path)
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    _check_xml(package.read(member), path)
    except ReadError:
        raise
    except PermissionError as exc:
        raise ReadError(f"没有权限读取文件：{path}", location=Location(path)) from exc
    except OSError as exc:
        if exc.errno is None:  # zipfile reports some damage as a bare OSError
            raise _corrupt(path) from None
        raise ReadError(f"无法读取文件：{os_reason(exc)}", location=Location(path)) from exc
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        ValueError,
        RuntimeError,
        UnicodeDecodeError,
    ):
        raise _corrupt(path) from None


def _too_big(path: Path) -> ReadError:
    return ReadError(
        f"文件解压后过大，不像一份稿子（可能已损坏或是压缩炸弹）：{path.name}",
        location=Location(path),
        hint="请确认选对了文件；正常的述职报告解压后只有几 MB。",
    )


def _check_xml(data: bytes, path: Path) -> None:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise _corrupt(path)
    if data.count(b"<") > MAX_XML_TAGS:
        raise _too_big(path)


def read_docx(path: Path) -> list[str]:
    try:
        import docx  # python-docx; imported here so that text checks do not pay for it
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise ReadError(
            "读取 .docx 需要 python-docx", location=Location(path), hint="运行 pip install python-docx"
        ) from exc
    check_docx_package(path)
    try:
        document = docx.Document(str(path))
        return [str(p.text) for p in document.paragraphs]
    except PermissionError as exc:
        raise ReadError(f"没有权限读取文件：{path}", location=Location(path)) from exc
    except Exception as exc:  # a part missing, empty, truncated or not WordprocessingML: python-docx and lxml
        raise _corrupt(path) from exc  # raise many kinds (KeyError, XMLSyntaxError, AttributeError …)


_MD_HEADING = _PROGRAMS.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_MD_CLOSING_HASHES = _PROGRAMS.compile(r"\s+#+\s*$")
_MD_QUOTE = _PROGRAMS.compile(r"^\s{0,3}(?:>\s?)+")
_MD_BULLET = _PROGRAMS.compile(r"^\s{0,3}[-+*]\s+")
_MD_COMMENT = _PROGRAMS.compile(r"<!--.*?-->")
_MD_HTML_TAG = _PROGRAMS.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MD_HR = _PROGRAMS.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_BOLD_OPEN_OK = " \t　。，、；：？！“”‘’（）《》【】"
# the content may not contain "**": each opening then looks only as far as the next "**", which keeps a
# long line of "**a " linear instead of quadratic
_MD_BOLD = _PROGRAMS.compile(r"(?<!\\)\*\*(?=[^\s*])((?:(?!\*\*).)+?)(?<=[^\s\\*])\*\*")
_MD_ESCAPE = _PROGRAMS.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def _strip_bold(line: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = line[m.start() - 1] if m.start() > 0 else ""
        if before and before not in _BOLD_OPEN_OK and not m.group(1).startswith("【"):
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


_PROGRAMS.save()
