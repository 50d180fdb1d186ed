"""Reading a finished report back: .docx, .md or .txt → a list of leveled paragraphs.

Owns the one reader ``drafter init --from`` and ``drafter compare --last-year`` share.  A report is
read with :mod:`drafter.lint.readers` (Word paragraphs; text decoded as facts files are: UTF-8 with or
without BOM, UTF-16 with BOM, GBK/GB18030; Markdown markup removed) and every non-empty paragraph is
given a level from its numbering and position:

``title`` (first line) · ``byline`` (unit, post and name under the title) · ``h1`` 一、 · ``h2`` （一）
· ``h3`` 1. · ``item`` 一是 · ``para`` · ``signature`` and ``date`` (the closing lines).  In Word, a
paragraph styled 标题 1/2/3 (Heading 1/2/3) whose number Word adds itself counts as that heading.
Advertising lines of reports copied from the web (【公众号：…】, 素材库…) are dropped.

It also splits a report into its parts (:func:`sections`) and a part into its numbered items
(:func:`items`), the way both drafter's own output and real reports are laid out.  Everything that
is not a readable report — a spreadsheet, an image, an empty or password-protected Word file, binary
junk, a text without Chinese prose — raises :class:`ReportReadError` with a Chinese message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafter.errors import DrafterError, Location

Level = Literal["title", "byline", "h1", "h2", "h3", "item", "para", "signature", "date"]

MIN_CHINESE = 80  # fewer Chinese characters than this is not a report
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc/.xls, and every password-protected .docx
_ZIP_MAGIC = b"PK\x03\x04"
_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic")
_SHEET_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".et", ".csv", ".ods")
_PDF_SUFFIXES = (".pdf", ".ofd")
REPORT_SUFFIXES = (".docx", ".docm", ".md", ".markdown", ".txt", ".text")

_H1 = re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_H3 = re.compile(r"^\d{1,2}(?:[\.．、](?!\d)|[）)])")
_ITEM = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后)")
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_PUNCT = re.compile(r"[。；！？]")
_JUNK = re.compile(r"##[A-Za-z]+##")
# advertising lines that web copies of real reports carry (公众号、素材库、代笔…): not report text
_ADVERT = re.compile(r"【[^】]*(?:公众号|素材|代笔)|公众号[：:]|添加客服|svip|会员群|网盘群", re.IGNORECASE)


class ReportReadError(DrafterError):
    """Last year's report (or this year's) cannot be read as a report."""


@dataclass(frozen=True)
class Para:
    """One non-empty paragraph of a report: its level, text (numbering kept) and 1-based position
    (paragraph in Word, line in a text file)."""

    level: Level
    text: str
    line: int


@dataclass(frozen=True)
class Item:
    """A numbered item of a part: its heading (the part before the first 。, or the 小标题) and body."""

    lead: str
    text: str
    line: int

    @property
    def full(self) -> str:
        return f"{self.lead}。{self.text}" if self.text else self.lead


@dataclass
class Sections:
    """A report cut into its parts; each list keeps the paragraphs in reading order."""

    head: list[Para]
    main: list[Para]
    problems: list[Para]
    plans: list[Para]
    tail: list[Para]
    rectify: list[Para] = field(default_factory=list)  # 上年度问题整改, wherever it stands


# --------------------------------------------------------------------------- reading


def _refuse(path: Path, message: str, hint: str) -> ReportReadError:
    return ReportReadError(message, location=Location(path), hint=hint)


def _check_kind(path: Path) -> None:
    """Refuse by file type before reading: images, spreadsheets, PDFs, old Word files."""
    suffix = path.suffix.lower()
    if suffix in _IMAGE_SUFFIXES:
        raise _refuse(
            path,
            f"这是一张图片（{suffix}），不是报告，读不出文字：{path.name}",
            "请给出去年报告的 Word（.docx）或文本（.txt、.md）文件。",
        )
    if suffix in _SHEET_SUFFIXES:
        raise _refuse(
            path,
            f"这是一个表格文件（{suffix}），不是报告：{path.name}",
            "请给出去年报告的 Word（.docx）或文本（.txt、.md）文件。",
        )
    if suffix in _PDF_SUFFIXES:
        raise _refuse(
            path, f"暂不能读取 {suffix} 文件：{path.name}", "请在 WPS 或 Word 中把报告另存为 .docx 后再试。"
        )
    if suffix in (".doc", ".wps"):
        raise _refuse(
            path,
            f"不支持旧版 Word/WPS 格式（{suffix}）：{path.name}",
            "在 Word 或 WPS 中“另存为” .docx 后再试。",
        )
    if suffix not in REPORT_SUFFIXES:
        raise _refuse(
            path,
            f"不支持的文件类型“{suffix or '（无扩展名）'}”，读不了这份报告：{path.name}",
            "报告请用 Word（.docx）或文本（.txt、.md）文件。",
        )
    if not path.exists():
        raise _refuse(path, f"找不到文件：{path}", "检查文件名和路径是否正确。")
    if path.is_dir():
        raise _refuse(path, f"这是一个文件夹，不是文件：{path}", "请给出报告文件本身的路径。")


def _head_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8)
    except OSError as exc:
        raise _refuse(path, f"无法读取文件：{exc.strerror or exc}", "确认文件没有被其他程序占用。") from exc


def _is_encrypted(path: Path) -> bool:
    """A password-protected .docx is an OLE container holding an “EncryptedPackage” stream."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _check_bytes(path: Path) -> None:
    """Refuse by content: empty files, protected Word files, binaries under a text name."""
    head = _head_bytes(path)
    suffix = path.suffix.lower()
    if not head:
        raise _refuse(path, f"文件是空的：{path.name}", "请确认选对了文件，且报告已保存。")
    if head.startswith(_OLE_MAGIC):
        if suffix in (".docx", ".docm") and _is_encrypted(path):
            raise _refuse(
                path,
                f"Word 文件设置了打开密码（已加密），无法读取：{path.name}",
                "在 Word/WPS 中取消密码（文件→信息→保护文档）后另存为 .docx 再试。",
            )
        raise _refuse(
            path,
            f"这是旧版 Word/WPS/Excel 文件，无法读取：{path.name}",
            "在 Word 或 WPS 中“另存为” .docx 后再试。",
        )
    if suffix in (".docx", ".docm") and not head.startswith(_ZIP_MAGIC):
        raise _refuse(
            path,
            f"不是真正的 Word 文件（.docx），文件可能已损坏：{path.name}",
            "在 Word 或 WPS 中打开后重新“另存为” .docx。",
        )
    if suffix not in (".docx", ".docm") and (
        head.startswith(_ZIP_MAGIC)
        or head.startswith(b"%PDF")
        or head.startswith(b"\x89PNG")
        or head.startswith(b"\xff\xd8")
    ):
        raise _refuse(
            path,
            f"文件内容不是文本（可能是 Word、PDF 或图片改了扩展名）：{path.name}",
            "请给出 .docx、.txt 或 .md 格式的报告。",
        )


def read_lines(path: Path) -> list[str]:
    """The raw paragraphs (Word) or lines (text) of a report file, with Chinese errors for anything
    that is not one."""
    from drafter.lint.readers import ReadError, read_paragraphs

    _check_kind(path)
    _check_bytes(path)
    if path.suffix.lower() not in (".docx", ".docm"):
        raw = path.read_bytes()
        if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _refuse(
                path, f"文件含有空字节，不是文本文件：{path.name}", "请给出 .docx、.txt 或 .md 格式的报告。"
            )
    try:
        lines = read_paragraphs(path)
    except ReadError as exc:
        raise ReportReadError(str(exc), location=Location(path), hint=exc.hint) from exc
    if len(_CJK.findall("".join(lines))) < MIN_CHINESE:
        raise _refuse(
            path,
            f"文件里几乎没有中文正文，不像一份报告：{path.name}",
            "请确认选对了文件；扫描件或图片请先转成文字。",
        )
    return lines


def read_report(path: Path) -> list[Para]:
    """A report file as leveled paragraphs (see the module docstring).  A text with no numbered
    heading or item, or that never mentions the Party, is refused: it is not a report."""
    lines = read_lines(path)
    paras = classify(lines, _docx_styles(path) if path.suffix.lower() in (".docx", ".docm") else None)
    if not any(p.level in ("h1", "h2", "item") for p in paras) or "党" not in body_text(paras):
        raise _refuse(
            path,
            "这份文件不像党建述职报告或工作总结（没有“一、”“（一）”“一是”这样的层次，"
            f"或通篇没有提到党建）：{path.name}",
            "请确认选对了去年的报告。",
        )
    return paras


# --------------------------------------------------------------------------- levels


def _clean(text: str) -> str:
    text = _JUNK.sub("", re.sub(r"[\r\n\v]+", "", text)).strip().strip("\ufeff")
    return "" if _ADVERT.search(text) else text


def _is_short_line(text: str, limit: int) -> bool:
    return len(text) <= limit and not re.search(r"[。，；：！？]", text)


def _body_level(text: str) -> Level:
    if _H1.match(text):
        return "h1"
    if _H2.match(text):
        return "h2"
    if _H3.match(text):
        return "h3"
    if _ITEM.match(text):
        return "item"
    if _DATE.match(text):
        return "date"
    return "para"


_STYLE_LEVELS: dict[str, Level] = {
    "title": "title",
    "标题": "title",
    "heading 1": "h1",
    "标题 1": "h1",
    "heading 2": "h2",
    "标题 2": "h2",
    "heading 3": "h3",
    "标题 3": "h3",
}


def _docx_styles(path: Path) -> list[Level | None]:
    """The level each Word paragraph's style names (标题 1 → h1 …), for headings numbered by Word itself
    (the number is then not part of the text)."""
    import docx

    try:
        document = docx.Document(str(path))
    except Exception:  # read_lines has already opened it; this is only a hint
        return []
    out: list[Level | None] = []
    for p in document.paragraphs:
        name = str(p.style.name).lower() if p.style is not None and p.style.name else ""
        out.append(_STYLE_LEVELS.get(name))
    return out


def classify(lines: list[str], styles: list[Level | None] | None = None) -> list[Para]:
    """Give each non-empty line a level.  ``lines[0]`` is line 1; ``styles`` (Word only) gives the level
    a paragraph's style names, used when its text carries no numbering."""
    numbered = [(i + 1, _clean(t)) for i, t in enumerate(lines)]
    numbered = [(n, t) for n, t in numbered if t]
    out: list[Para] = []
    for index, (line, text) in enumerate(numbered):
        level = _body_level(text)
        styled = styles[line - 1] if styles and line - 1 < len(styles) else None
        if level == "para" and styled is not None:
            out.append(Para(styled, text, line))
            continue
        if index == 0 and level == "para" and _is_short_line(text, 80):
            level = "title"
        elif (
            index == 1
            and out
            and out[0].level == "title"
            and level == "para"
            and _is_short_line(text, 50)
            and not re.match(r"^\d{4}年", text)
        ):
            level = "byline"
        out.append(Para(level, text, line))
    return _mark_signature(out)


def _mark_signature(paras: list[Para]) -> list[Para]:
    """The short lines after the last prose paragraph: signature(s) and date."""
    end = len(paras)
    while end > 0 and (
        paras[end - 1].level == "date"
        or (paras[end - 1].level == "para" and _is_short_line(paras[end - 1].text, 30))
    ):
        end -= 1
    tail = paras[end:]
    if not tail or (len(tail) > 2 and not any(p.level == "date" for p in tail)):
        return paras
    return paras[:end] + [Para("date" if p.level == "date" else "signature", p.text, p.line) for p in tail]


# --------------------------------------------------------------------------- parts

_PROBLEM_H1 = re.compile(r"问题|不足|差距|短板")
# the part on last year's findings (“上年度问题整改情况”, before or after the work parts): not the problems part
_RECTIFY_H1 = re.compile(r"(?:上年度|上一年度|上年|去年|以往|述职评议).{0,12}整改")
# a bare sub-title of the problems part (“（一）存在的主要问题”, “（二）原因分析”), not a problem of its own
_SUBTITLE = re.compile(
    r"^(?:存在的?(?:主要|突出)?(?:问题|不足)(?:和不足|及表现)?|主要(?:问题|不足)|(?:问题|不足)(?:表现|清单)?"
    r"|(?:产生|存在)?(?:问题|不足)?的?原因(?:分析|剖析)?|问题产生的原因|原因分析|原因剖析)[：:]?$"
)
_CAUSE_SUBTITLE = re.compile(r"原因")
_PLAN_H1 = re.compile(r"下一步|下步|打算|努力方向|工作思路|展望")
_PLAN_H1_WEAK = re.compile(r"计划|措施|举措")


def sections(paras: list[Para]) -> Sections:
    """Cut a report at its 一、 headings: before the first one (head), the work parts (main), the
    problems part, the next-steps part, and what follows the last part's prose (tail)."""
    head: list[Para] = []
    main: list[Para] = []
    problems: list[Para] = []
    plans: list[Para] = []
    tail = [p for p in paras if p.level in ("signature", "date")]
    rectify: list[Para] = []
    current = head
    for p in paras:
        if p.level in ("signature", "date"):
            continue
        if p.level == "h1":
            heading = re.split(r"[。；]", p.text, maxsplit=1)[0]  # “二、聚焦…。一是…” run in
            if _RECTIFY_H1.search(heading):
                current = rectify
            elif _PROBLEM_H1.search(heading):
                current = problems
            elif current is not head and (
                _PLAN_H1.search(heading) or (current is problems and _PLAN_H1_WEAK.search(heading))
            ):
                current = plans
            elif current is head or current is main or current is rectify:
                current = main
        current.append(p)
    return Sections(head, main, problems, plans, tail, rectify)


def problem_items(part: list[Para]) -> list[Item]:
    """The problems of a problems part: when it has sub-titles (“（一）存在的主要问题” … “（二）原因分析”), only
    the items under the problems' one; else every numbered item (:func:`items`)."""
    subtitle = [
        i for i, p in enumerate(part) if p.level == "h2" and _SUBTITLE.match(_H2.sub("", p.text).strip())
    ]
    if not subtitle:
        return items(part)
    causes = next((i for i in subtitle if _CAUSE_SUBTITLE.search(part[i].text)), len(part))
    return items([p for i, p in enumerate(part[:causes]) if i not in subtitle])


def _split_lead(text: str) -> tuple[str, str]:
    """“（一）精力投入还需平衡。抓党建是…” → (“精力投入还需平衡”, “抓党建是…”)."""
    body = _H2.sub("", text, count=1)
    body = _H1.sub("", body, count=1) if _H1.match(body) else body
    body = _H3.sub("", body, count=1) if _H3.match(body) else body
    body = re.sub(r"^(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后)[，,：:]?", "", body).strip()
    m = _SENTENCE_PUNCT.search(body)
    if m is None or m.start() > 60:
        if len(body) <= 40:
            return body, ""
        return "", body
    return body[: m.start()], body[m.end() :].strip()


_INLINE_ITEM = re.compile(r"(?:(?<=^)|(?<=[。；;]))\s*([一二三四五六七八九十]{1,3}是)")


def _inline_items(para: Para) -> list[Item]:
    """“一是…；二是…” inside one paragraph → one item each (nothing when there is no 一是)."""
    starts = [m.start(1) for m in _INLINE_ITEM.finditer(para.text)]
    if not starts:
        return []
    out = []
    for a, b in zip(starts, [*starts[1:], len(para.text)], strict=True):
        lead, text = _split_lead(para.text[a:b].strip().rstrip("；;"))
        if lead or text:
            out.append(Item(lead, text, para.line))
    return out


def items(part: list[Para]) -> list[Item]:
    """The numbered items of one part: its （一） headings (with the paragraphs under them), else its
    1. headings, else its 一是 items; the part's own 一、 heading and lead-in paragraph are skipped."""
    for level in ("h2", "h3"):
        if any(p.level == level for p in part):
            return _grouped(part, level)
    out: list[Item] = []
    for p in part:
        if p.level != "h1":
            out += _inline_items(p)
    return out


_CLOSING = re.compile(r"^(?:新的一年|新征程|新的征程|在新的一年|今后|总之|展望|站在新的起点|成绩属于过去)")


def _grouped(part: list[Para], level: str) -> list[Item]:
    """Items headed by ``level`` paragraphs.  A run-in heading (“（一）标题。正文”) is a whole item;
    a bare heading takes the paragraphs under it, up to a closing paragraph (新的一年……)."""
    out: list[Item] = []
    lead, line = "", 0
    body: list[str] = []
    open_item = False
    for p in part:
        if p.level == level:
            if line:
                out.append(Item(lead, "".join(body), line))
            lead, first = _split_lead(p.text)
            if not lead:
                lead, first = first, ""
            body, line, open_item = ([first] if first else []), p.line, not first
        elif open_item and p.level != "h1" and not _CLOSING.match(p.text):
            body.append(p.text)
        else:
            open_item = False
    if line:
        out.append(Item(lead, "".join(body), line))
    return out


def body_text(paras: list[Para]) -> str:
    """The paragraphs' text joined by newlines."""
    return "\n".join(p.text for p in paras)
