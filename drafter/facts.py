"""Stage 1: load a facts file and validate it against :mod:`drafter.schema`.

Owns: reading bytes in any encoding Windows tools save (UTF-8 with or without BOM, GB18030/GBK,
UTF-16 with BOM), parsing YAML while remembering the line of every key, rejecting duplicate keys,
validating against the schema's JSON Schema (:func:`drafter.schema.iter_errors`) and turning every finding into a Chinese :class:`Diagnostic` that names
file, line and key with a hint.  All problems are collected before anything is raised, so
``drafter check`` can list them at once.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import errno
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import Diagnostic, FactsError, Location
from drafter.schema import FIELDS, YEAR_MAX, YEAR_MIN, Field, field_at, iter_errors, validation_schema, walk
from drafter.textio import decode_bytes

# LibYAML's parser when PyYAML was built with it (the wheels are): parsing YAML is most of a cold
# ``drafter render``.  On a syntax error we parse again with PyYAML, whose messages our hints match.
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class Facts:
    """A validated facts file: the data (``None`` values dropped), key positions and warnings."""

    data: dict[str, Any]
    path: Path | None = None
    encoding: str = "utf-8"
    lines: dict[str, int] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)

    def get(self, path: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def has(self, path: str) -> bool:
        value = self.get(path)
        return value is not None and value != [] and value != ""

    def location(self, path: str) -> Location:
        return Location(self.path, self.lines.get(path), key=path or None)

    @property
    def kind(self) -> str:
        return str(self.get("报告类型") or "书记述职")

    @property
    def year(self) -> int | None:
        year = self.get("年度")
        return year if isinstance(year, int) else None


# --------------------------------------------------------------------------- reading


def decode(raw: bytes, where: Path | str) -> tuple[str, str]:
    """Decode facts-file bytes; return (text, encoding name)."""
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FactsError(
            "文件含有空字节，看起来不是文本文件",
            location=Location(where),
            hint="请用记事本或 WPS 另存为“文本文件（.yaml）”，或用 drafter init 重新生成模板",
        )
    decoded = decode_bytes(raw)
    if decoded is None:
        raise FactsError(
            "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）",
            location=Location(where),
            hint="请用记事本“另存为”，编码选 UTF-8 后再试",
        )
    return decoded


def read_text(path: Path) -> tuple[str, str]:
    """Read a facts file from disk with a Chinese error for every way that can fail."""
    if not path.exists():
        raise FactsError(
            "找不到事实文件",
            location=Location(path),
            hint="检查文件名和路径；可用 drafter init 述职事实.yaml 生成一份模板",
        )
    if path.is_dir():
        raise FactsError(
            "这是一个文件夹，不是事实文件", location=Location(path), hint="请给出 .yaml 文件的路径"
        )
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # /dev/zero would never end, a FIFO would wait forever
            raise FactsError(
                "这不是普通文件（是设备、管道等特殊文件），没有读取",
                location=Location(path),
                hint="请给出 .yaml 文件的路径",
            )
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(path, info.st_size)
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:  # grew since stat
            raise _too_large(path, len(raw))
    except PermissionError as exc:
        raise FactsError(
            "没有权限读取该文件",
            location=Location(path),
            hint="请检查文件权限，或把文件复制到自己的文件夹再试",
        ) from exc
    except OSError as exc:
        raise FactsError(
            f"读取文件失败：{os_reason(exc)}",
            location=Location(path),
            hint="请确认文件没有被其他程序占用，且磁盘可以正常读取",
        ) from exc
    return decode(raw, path)


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an operating-system error (never the English strerror alone)."""
    reasons = {
        errno.ENOENT: "文件或文件夹不存在",
        errno.ENOTDIR: "路径中有一级不是文件夹",
        errno.EISDIR: "这是一个文件夹",
        errno.EACCES: "权限不够",
        errno.EPERM: "权限不够，操作不被允许",
        errno.ENOSPC: "磁盘已满",
        errno.EDQUOT: "磁盘配额已满",
        errno.EFBIG: "文件太大",
        errno.EROFS: "磁盘或文件夹是只读的",
        errno.ENAMETOOLONG: "文件名太长",
        errno.EBUSY: "文件正被其他程序使用",
        errno.ETXTBSY: "文件正被其他程序使用",
        errno.EIO: "磁盘读写出错",
        errno.EXDEV: "不能跨磁盘改名",
        errno.EMFILE: "打开的文件太多",
        errno.ENFILE: "打开的文件太多",
        errno.EINVAL: "文件名不合法",
        errno.ELOOP: "符号链接太多层或成环",
        errno.EEXIST: "文件已存在",
        errno.ENOTEMPTY: "文件夹不是空的",
        errno.ENXIO: "不是普通文件（设备或管道）",
        errno.ENODEV: "不是普通文件（设备）",
    }
    reason = reasons.get(exc.errno or -1)
    if reason is None:
        winerror = getattr(exc, "winerror", None)
        reason = {
            32: "文件正被其他程序使用（可能在 Word/WPS 中打开）",
            112: "磁盘已满",
            206: "文件名太长",
        }.get(winerror or -1, f"系统错误（错误码 {exc.errno}）")
    return reason


_SCAN_LIMIT = 64 * 1024 * 1024  # read an oversized file only up to this size, to say which line is too long


def _too_large(path: Path, size: int) -> FactsError:
    """The error for a file over MAX_FILE_BYTES: name the overlong line and its key when one line is the cause."""
    message = f"文件过大（{size // 1024} KB），事实文件一般只有几 KB"
    hint = "请确认选对了文件"
    if size <= _SCAN_LIMIT:
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b""
        lines = raw.split(b"\n")
        if lines:
            index = max(range(len(lines)), key=lambda i: len(lines[i]))
            if len(lines[index]) > MAX_FILE_BYTES // 2:
                head = b"\n".join([*lines[:index], lines[index][:200]]).decode("utf-8", errors="replace")
                line = index + 1
                return FactsError(
                    f"这一项的内容过长（{len(lines[index]) // 1024} KB），事实文件一般只有几 KB",
                    location=Location(path, line, key=key_at_line(head, line)),
                    hint="这一项只需一句话或一段话；请确认没有误粘贴大段内容",
                )
    return FactsError(message, location=Location(path), hint=hint)


# --------------------------------------------------------------------------- YAML with positions


# (text in PyYAML's error, the problem in Chinese, how to fix it); the first match wins.
_YAML_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    ("found character '\\t'", "用了 Tab 键缩进", "YAML 不能用 Tab 键缩进，请改成空格"),
    ("found a tab character", "用了 Tab 键缩进", "YAML 不能用 Tab 键缩进，请改成空格"),
    (
        "while scanning a quoted scalar",
        "引号没有配对",
        "这一行的引号少了一半，或内容里又用了同一种引号；内容含引号时，外面改用另一种引号",
    ),
    ("found unexpected end of stream", "引号没有配对", "检查这一行附近是否少了一个引号"),
    (
        "while parsing a flow",
        "方括号或花括号没有配对",
        "检查 [ ] 和 { } 是否成对；内容本身含有逗号、括号时，请把整段内容用引号括起来",
    ),
    (
        "expected ',' or",
        "方括号或花括号没有配对",
        "检查 [ ] 和 { } 是否成对；内容本身含有逗号、括号时，请把整段内容用引号括起来",
    ),
    (
        "mapping values are not allowed",
        "冒号用法不对",
        "冒号后面要有一个空格；如果内容本身含冒号，请把整段内容用引号括起来",
    ),
    ("could not find expected ':'", "缺少冒号", "每一行应写成“键: 值”，冒号用英文半角并在后面加空格"),
    ("did not find expected key", "缩进不一致", "同一层的键要对齐（用空格，不用 Tab）"),
    ("did not find expected '-' indicator", "列表项没有对齐", "列表每一项以“- ”开头，并与同层对齐"),
    ("found undefined alias", "内容里的 * 号被当成了 YAML 别名", "以 * 开头的内容请用引号括起来"),
    ("while scanning an alias", "内容里的 * 号被当成了 YAML 别名", "以 * 开头的内容请用引号括起来"),
    ("found duplicate anchor", "内容里的 & 号被当成了 YAML 锚点", "以 & 开头的内容请用引号括起来"),
    ("while scanning an anchor", "内容里的 & 号被当成了 YAML 锚点", "以 & 开头的内容请用引号括起来"),
    (
        "cannot start any token",
        "这一行以特殊符号开头",
        "以 @ ` % * & ! | > 等符号开头的内容，请把整段内容用引号括起来",
    ),
    (
        "found another document",
        "文件里有“---”分隔的多份内容",
        "事实文件只能有一份内容：删掉“---”和重复的部分",
    ),
    (
        "tag:yaml.org,2002:merge",
        "用了 YAML 合并键“<<”",
        "drafter 不支持“<<: *名字”的写法：请把要合并的各项直接写出来",
    ),
    (
        "could not determine a constructor",
        "用了不支持的 YAML 标记（以 !! 或 ! 开头）",
        "删掉以 ! 开头的标记，直接写内容；内容本身以 ! 开头时请用引号括起来",
    ),
    ("expected <block end>", "缩进不一致", "同一层的键要对齐（用空格，不用 Tab）"),
    (
        "characters are not allowed",
        "文件含有看不见的控制字符",
        "删掉这一行里看不见的特殊字符（可以把这一行删掉重新输入）",
    ),
)

_KEY_LINE = re.compile(
    r"^([ \t]*)(?:-[ \t]+)?(\"[^\"]*\"|'[^']*'|[^\s#:：\-?\[\]{}][^#:：]*?)[ \t]*[:：](?:[ \t\u3000]|$)"
)
_FULL_WIDTH_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)?([^\s#:：\-][^#:：]*?)[ \t]*：")


def key_at_line(text: str, line: int) -> str | None:
    """The dotted key path a (possibly broken) YAML text has in force at 1-based ``line``.

    A best guess from indentation alone, for messages about text PyYAML cannot parse: the key on that
    line, or else the nearest key above it, with its parents (``单位.全称``)."""
    lines = text.split("\n")[:line]
    if lines and lines[-1].strip() and not lines[-1][:1].isspace() and not _KEY_LINE.match(lines[-1]):
        return None  # a top-level line that is no key (``---``, stray text): no key is in force
    stack: list[tuple[int, str]] = []
    for raw in lines:
        m = _KEY_LINE.match(raw)
        if not m:
            continue
        indent = len(m[1])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, m[2].strip("\"'")))
    return ".".join(k for _, k in stack) or None


def _full_width_colon_line(text: str, line: int) -> int | None:
    """A line at or just above ``line`` that uses a Chinese colon where YAML needs ``: ``."""
    lines = text.split("\n")
    for number in range(min(line, len(lines)), max(line - 3, 0), -1):
        raw = lines[number - 1]
        if ":" not in raw and _FULL_WIDTH_KEY.match(raw):
            return number
    return None


def describe_yaml_error(
    exc: yaml.YAMLError, text: str = ""
) -> tuple[str, str, int | None, int | None, str | None]:
    """A YAML syntax error in Chinese: (problem, hint, line, column, key in force), lines 1-based.

    Shared by facts files and fragment files, so both speak of tabs, quotes and colons the same way."""
    detail = str(exc)
    problem, hint = next(
        ((p, h) for needle, p, h in _YAML_PROBLEMS if needle in detail),
        ("格式错误", "请检查这一行的缩进、冒号和引号"),
    )
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    if context.startswith(("while scanning a quoted", "while parsing a flow")) or mark is None:
        mark = getattr(exc, "context_mark", None) or mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    if line is None and isinstance(exc, yaml.reader.ReaderError) and text:
        # A bad character: LibYAML counts its position in bytes, PyYAML in characters; find it instead.
        bad = exc.character if isinstance(exc.character, str) else chr(exc.character)
        index = text.find(bad)
        if index < 0:
            index = exc.position
        line = text.count("\n", 0, index) + 1
    if line is not None and text:
        problem, hint, line, column = _typing_slip(text, problem, hint, line, column)
    key = key_at_line(text, line) if (line is not None and text) else None
    return problem, hint, line, column, key


_LAYOUT_PROBLEMS = ("缺少冒号", "冒号用法不对", "缩进不一致", "格式错误", "这一行以特殊符号开头")


def _typing_slip(
    text: str, problem: str, hint: str, line: int, column: int | None
) -> tuple[str, str, int, int | None]:
    """Name what was really typed when PyYAML reports a layout error: a Tab, a full-width space “　” or a
    Chinese colon “：”, on the line that has it (often the line above the one PyYAML blames)."""
    lines = text.split("\n")
    if problem not in _LAYOUT_PROBLEMS:
        return problem, hint, line, column
    if (
        line <= len(lines)
        and "\t" in lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
        and problem in ("这一行以特殊符号开头", "缩进不一致", "格式错误")
    ):
        return (
            "用了 Tab 键缩进",
            "YAML 不能用 Tab 键缩进，请改成空格",
            line,
            column,
        )  # LibYAML does not name it
    space = _full_width_space_line(lines, line)
    if space is not None:
        return (
            "用了全角空格“　”",
            "缩进和冒号后面的空格都要用半角空格（英文输入法下的空格键），不能用全角空格",
            space,
            None,
        )
    colon = _full_width_colon_line(text, line)
    if colon is not None:
        return "用了中文冒号“：”", "键后面要用英文冒号加一个空格，如“单位: ”，不要写“单位：”", colon, None
    return problem, hint, line, column


_FULL_WIDTH_SPACE = re.compile(r"^[ \t]*\u3000|^[^#]*?:\u3000|^[^#]*?: +\u3000")


def _full_width_space_line(lines: list[str], line: int) -> int | None:
    """A line at or up to three above ``line`` indented with, or with a value starting with, “　”."""
    for number in range(min(line, len(lines)), max(line - 4, 0), -1):
        if _FULL_WIDTH_SPACE.match(lines[number - 1]):
            return number
    return None


def _yaml_error(exc: yaml.YAMLError, path: Path | str, text: str = "") -> FactsError:
    """A Chinese FactsError for a YAML syntax error: file, line, column, the key in force, a hint."""
    problem, hint, line, column, key = describe_yaml_error(exc, text)
    return FactsError(f"YAML 语法错误：{problem}", location=Location(path, line, column, key), hint=hint)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _join_surrogates(value: str) -> str:
    """``"\ud842\udfb7"`` escapes written for 𠮷 become 𠮷; a lone surrogate, which no file or terminal
    takes, is dropped."""
    joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _SURROGATES.sub("", joined)


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
MAX_NODES = 50_000  # a filled-in facts file has about a hundred; YAML aliases could expand to billions


_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_INT_12 = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DIGITS = re.compile(r"[-+]?[0-9]+")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def _number_12(text: str) -> Any:
    """A plain scalar PyYAML's YAML 1.1 rules call a number, read by YAML 1.2's: ``012`` is not octal 10,
    ``1:30`` is not base-60 90, ``1_000`` is not 1000.  What 1.2 does not read as a number stays text
    exactly as typed (a leading zero included), so the checks can say what it is and what to write."""
    if len(text) <= 30 and _INT_12.fullmatch(text):
        return int(text)
    if _DIGITS.fullmatch(text):  # a leading zero, or too long: text, read as a decimal by the checks
        return text
    if len(text) <= 400 and _FLOAT_12.fullmatch(text):
        return float(text)
    return _SPECIAL_FLOAT.get(text.lower(), text)


class _Composer:
    """Turn a composed YAML node tree into Python data, recording each key's line."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        self.loader = yaml.SafeLoader("")
        self.nodes = 0

    def build(self, node: yaml.Node, path: str = "", depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise FactsError(
                "内容过多（超过 5 万项）",
                location=Location(self.path, node.start_mark.line + 1, key=path or None),
                hint="事实文件一般只有几十项；如果用了 YAML 别名（&名字、*名字），请直接写出内容",
            )
        if depth > 20:
            raise FactsError(
                "嵌套层数过深",
                location=Location(self.path, node.start_mark.line + 1, key=path or None),
                hint="事实文件最多两三层，请对照 drafter init 生成的模板",
            )
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise FactsError(
                f"YAML 语法错误：用了不支持的 YAML 标记（{node.tag.replace('tag:yaml.org,2002:', '!!')}）",
                location=Location(self.path, node.start_mark.line + 1, key=path or None),
                hint="删掉以 ! 开头的标记，直接写内容",
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise FactsError(
                        "键的写法不对",
                        location=Location(self.path, key_node.start_mark.line + 1),
                        hint="键应是一个词，如“单位”“年度”",
                    )
                key = str(key)
                child = f"{path}.{key}" if path else key
                if key in result:
                    raise FactsError(
                        f"键“{key}”重复出现（第{self.lines.get(child)}行已经写过）",
                        location=Location(self.path, key_node.start_mark.line + 1, key=child),
                        hint="删掉其中一处，或把内容合并到一起",
                    )
                self.lines[child] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self.lines[child] = item.start_mark.line + 1
                items.append(self.build(item, child, depth + 1))
            return items
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _NUMBER_TAGS:
            return _number_12(node.value)
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. a timestamp such as 2025-02-30: keep the text, checks report it
            value = str(node.value)
        if isinstance(value, str) and _SURROGATES.search(value):
            value = _join_surrogates(value)
        return value


def parse_yaml(text: str, path: Path | str) -> tuple[Any, dict[str, int]]:
    """Parse YAML text; return (data, {dotted key path: line})."""
    try:
        try:
            node = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=yaml.SafeLoader)  # PyYAML words the error as our hints expect
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path, text) from None
    except RecursionError as exc:  # pathological nesting such as [[[[[...
        raise FactsError(
            "嵌套层数过深", location=Location(path), hint="事实文件最多两三层，请对照 drafter init 生成的模板"
        ) from exc
    if node is None:
        return None, {}
    composer = _Composer(path)
    try:
        data = composer.build(node)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path, text) from None
    return data, composer.lines


# --------------------------------------------------------------------------- normalising values


_DATE_RES = (
    re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$"),
    re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$"),
)


def format_date(value: _dt.date) -> str:
    """GB/T 9704 date: Arabic numerals, full year, no zero padding."""
    return f"{value.year}年{value.month}月{value.day}日"


def parse_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        for pattern in _DATE_RES:
            m = pattern.match(value)
            if m:
                try:
                    return _dt.date(int(m[1]), int(m[2]), int(m[3]))
                except ValueError:
                    return None
    return None


def _normalise(value: Any) -> Any:
    """Drop empty values, strip strings, turn 12.0 into 12 and dates into text."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            nv = _normalise(v)
            if nv is not None:
                out[k] = nv
        return out
    if isinstance(value, list):
        return [x for x in (_normalise(v) for v in value) if x is not None]
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return format_date(value if isinstance(value, _dt.date) else value.date())
    return value


# --------------------------------------------------------------------------- validation


_KIND_WORD = {
    "count": "不小于 0 的整数（只写数字，如 12）",
    "percent": "0 到 100 之间的数（如 100）",
    "year": f"{YEAR_MIN}–{YEAR_MAX} 之间的四位年份（如 2024）",
    "date": "日期（如 2025年1月10日）",
    "text": "一段文字",
    "choice": "规定选项之一",
    "texts": "列表（每行以“- ”开头）",
    "items": "列表（每行以“- ”开头）",
    "ids": "列表（每行以“- ”开头）",
    "findings": "列表（每项写 问题、整改情况、状态，或只写一句话）",
    "group": "分组（下一行缩进后写各项）",
}

_ALL_KEYS: dict[str, str] = {}
for _path, _field in walk():
    _ALL_KEYS.setdefault(_field.key, _path)


def _dotted(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _field_for(path: str) -> Field | None:
    return field_at(re.sub(r"\[\d+\]", "", path)) if path else None


def _line_for(lines: dict[str, int], path: str) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path) if ("." in path or "[" in path) else ""
    return None


def _example(f: Field) -> str:
    if f.example is None or isinstance(f.example, list):
        return ""
    return f"，例如：{f.key}: {f.example}"


def _describe_unknown(key: str, parent_path: str) -> tuple[str, str]:
    parent = _field_for(parent_path)
    siblings = [c.key for c in (parent.children if parent else FIELDS)]
    close = difflib.get_close_matches(key, siblings, n=1, cutoff=0.5)
    if close:
        hint = f"是不是想写“{close[0]}”？"
    elif key in _ALL_KEYS:
        home = _ALL_KEYS[key]
        hint = (
            f"“{key}”应写在“{home.rsplit('.', 1)[0]}”下面"
            if "." in home
            else f"“{key}”应写在最外层，不要缩进"
        )
    else:
        hint = "这里可写的键：" + "、".join(siblings)
    if key[:1] == "\u3000":
        return "这一行用全角空格“　”缩进", "缩进要用半角空格（英文输入法下的空格键），不能用全角空格"
    return f"不认识的键“{_clip(key, 40)}”", hint


def _describe_range(v: str, shown: str, want: str, f: Field) -> tuple[str, str]:
    """Message and hint for a number below its minimum or above its maximum."""
    if f.kind == "count":
        return f"{shown} 超出范围，应为{want}", "次数、人数不能是负数" if v == "minimum" else "请核对这个数"
    return f"{shown} 超出范围，应为{want}", "请核对这个数" + _example(f)


def _describe_finding(value: dict[Any, Any]) -> tuple[str, str]:
    """Message and hint for one 上年度问题整改 entry that is not 问题/整改情况/状态."""
    extra = [str(k) for k in value if k not in ("问题", "整改情况", "状态")]
    if extra:
        return f"不认识的键“{_clip(extra[0], 20)}”", "每条整改只能写“问题”“整改情况”“状态”三个键"
    if value.get("状态") not in (None, "已整改", "整改中"):
        return f"状态“{_clip(str(value.get('状态')), 20)}”不对", "状态写 已整改 或 整改中"
    return "缺少“问题”（或不是文字）", "写成“- 问题: ……”，下一行缩进写“整改情况: ……”“状态: 已整改”"


def _describe_any_of(value: Any, f: Field) -> tuple[str, str]:
    """Message and hint for a list item that is neither one sentence nor the group its list allows."""
    if isinstance(value, dict) and f.kind == "findings":
        return _describe_finding(value)
    if isinstance(value, dict):
        extra = [str(k) for k in value if k not in ("标题", "内容")]
        if extra:
            return f"不认识的键“{_clip(extra[0], 20)}”", "这样的一项只能写“标题”和“内容”两个键"
        if not isinstance(value.get("内容"), str):
            return "缺少“内容”（或内容为空）", "写成“标题: ……”和“内容: ……”两行，或直接写成“- 一句话”"
    return f"这一项应是一句话，或“标题/内容”两项，现在是 {type(value).__name__}", "写成“- 一句话”即可"


def _describe(error: Any, path: str, value: Any) -> tuple[str, str]:
    """Chinese message and hint for one schema error."""
    f = _field_for(path)
    v = error.validator
    shown = _shown(value)
    if f is None:  # (the validator's own message is English: not shown)
        return f"取值不对：{shown}", "请对照 drafter init 生成的模板"
    want = _KIND_WORD.get(f.kind, "")
    if v == "enum":
        return f"{shown} 不是可选的值", "可选：" + "、".join(f.choices)
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return _describe_range(v, shown, want, f)
    if v in ("minLength",):
        return "内容为空", "不知道就删掉这一项（或留空），报告里会显示【待补充】标记"
    if v in ("maxLength",):
        return "内容过长", "这一项只需一句话；大段文字请写到“亮点”等列表里"
    if v == "anyOf":
        return _describe_any_of(value, f)
    if v == "required":
        return "缺少“内容”", "写成“标题: ……”和“内容: ……”两行"
    if v == "type":
        return _describe_type(value, want, f)
    return f"取值不对：{shown}，应为{want}", "请对照 drafter init 生成的模板" + _example(f)


_NUMBER_KINDS = ("count", "year", "percent")
_TYPED_NUMBER = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,6})?")


def _coerce_numbers(
    data: dict[str, Any], prefix: str, where: Path | str, lines: dict[str, int]
) -> list[Diagnostic]:
    """Numbers typed as text where a number belongs — full-width ``１２``, quoted ``"120"``, a leading zero
    ``012`` — become the number the user meant, each with a notice saying how it was read."""
    notices: list[Diagnostic] = []
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            notices.extend(_coerce_numbers(value, path, where, lines))
            continue
        f = _field_for(path)
        if f is None or f.kind not in _NUMBER_KINDS or not isinstance(value, str):
            continue
        typed = unicodedata.normalize("NFKC", value).strip()
        if not _TYPED_NUMBER.fullmatch(typed) or ("." in typed and f.kind != "percent"):
            continue
        number = float(typed) if "." in typed else int(typed)
        data[key] = int(number) if isinstance(number, float) and number.is_integer() else number
        if typed != value:
            how = f"“{value}”用了全角数字，已按 {data[key]} 读取"
        elif len(typed) > 1 and typed.startswith("0") and not typed.startswith("0."):
            how = f"“{value}”以 0 开头，已按十进制读作 {data[key]}（不是八进制）"
        else:
            how = f"“{value}”加了引号，已按数字 {data[key]} 读取"
        notices.append(
            Diagnostic(
                "info",
                how,
                Location(where, _line_for(lines, path), key=path),
                "数字直接写半角数字即可，不加引号，如：" + f"{key}: {data[key]}",
                code="number-text",
            )
        )
    return notices


def _describe_type(value: Any, want: str, f: Field) -> tuple[str, str]:
    if f.kind in _NUMBER_KINDS and isinstance(value, str):
        return _describe_number_text(value, want, f)
    got = {dict: "分组", list: "列表", str: "文字", bool: "是/否", int: "整数", float: "小数"}.get(
        type(value), type(value).__name__
    )
    return f"应为{want}，现在是{got} {_shown(value)}", "请对照 drafter init 生成的模板" + _example(f)


def _describe_number_text(value: str, want: str, f: Field) -> tuple[str, str]:
    """Why text where a number belongs is not one, with the fix for how it was typed."""
    typed = unicodedata.normalize("NFKC", value).strip()
    shown = _shown(value)
    if typed.isascii() and typed.isdigit():
        return f"数字过大（{len(typed)} 位），应为{want}", "请核对这个数"
    if re.fullmatch(r"[0-9]+(?::[0-9]+)+", typed):
        return (
            f"{shown} 不是一个数，应为{want}",
            "冒号隔开的写法（如 1:30）不会当作数字；只写一个数" + _example(f),
        )
    if re.fullmatch(r"[0-9]+(?:[_,，][0-9]+)+", typed):
        return (
            f"{shown} 中有分隔符，应为{want}",
            f"数字中间不要写下划线或逗号，写成 {re.sub(r'[_,，]', '', typed)}",
        )
    if re.fullmatch(r"[0-9]+\.[0-9]+", typed):
        return f"{shown} 是小数，应为{want}", "次数、人数只写整数" + _example(f)
    if f.kind == "count":
        return f"应为{want}，现在是文字 {shown}", "去掉“次”“人”等字，只写数字" + _example(f)
    return f"应为{want}，现在是文字 {shown}", "只写数字" + _example(f)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _shown(value: Any) -> str:
    """A value as a message quotes it: short, one line, never the whole of a huge value."""
    if isinstance(value, str):
        return f"“{_clip(' '.join(value.split()), 30)}”"
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        text = type(value).__name__
    return _clip(text, 40)


def _semantic_checks(facts: Facts, today: _dt.date) -> list[Diagnostic]:
    """Checks across values: dates, years, plausibility."""
    out: list[Diagnostic] = []
    raw_date = facts.get("报告日期")
    if raw_date is not None:
        parsed = parse_date(raw_date)
        if parsed is None:
            out.append(
                Diagnostic(
                    "error",
                    f"日期“{raw_date}”无法识别或不存在",
                    facts.location("报告日期"),
                    "写成 2025年1月10日 或 2025-01-10",
                )
            )
        else:
            facts.data["报告日期"] = format_date(parsed)
            year = facts.year
            if year is not None and parsed.year < year:
                out.append(
                    Diagnostic(
                        "warning",
                        f"落款日期早于述职年度 {year} 年",
                        facts.location("报告日期"),
                        "述职报告一般在年底或次年初落款",
                    )
                )
    year = facts.year
    if year is not None and year > today.year:
        out.append(Diagnostic("warning", f"年度 {year} 在今年之后", facts.location("年度"), "请核对年度"))
    dev, act = facts.get("组织建设.发展党员数"), facts.get("组织建设.入党积极分子数")
    if isinstance(dev, int) and isinstance(act, int) and dev > act:
        out.append(
            Diagnostic(
                "warning",
                f"发展党员数（{dev}）多于入党积极分子数（{act}）",
                facts.location("组织建设.发展党员数"),
                "发展对象应从入党积极分子中产生，请核对这两个数",
            )
        )
    changed, branches = facts.get("组织建设.换届支部数"), facts.get("组织建设.党支部数")
    if isinstance(changed, int) and isinstance(branches, int) and changed > branches:
        out.append(
            Diagnostic(
                "warning",
                f"换届支部数（{changed}）多于党支部数（{branches}）",
                facts.location("组织建设.换届支部数"),
                "请核对这两个数",
            )
        )
    out.extend(_meeting_checks(facts, branches))
    return out


# 《中国共产党支部工作条例（试行）》: 支部党员大会每季度 1 次、支委会每月 1 次、党小组会每月 1 次、党课每季度 1 次.
MEETINGS_PER_BRANCH = 4 + 12 + 4  # 支部党员大会 + 支委会 + 党课, without 党小组 (not every branch has them)


def _meeting_checks(facts: Facts, branches: Any) -> list[Diagnostic]:
    """“三会一课” and 主题党日 below what the rules ask of every branch: a reviewer reads such a figure as
    meetings not held (or a typing error)."""
    out: list[Diagnostic] = []
    meetings, days = facts.get("组织建设.三会一课次数"), facts.get("组织建设.主题党日次数")
    if not isinstance(branches, int) or branches <= 0:
        return out
    if isinstance(meetings, int) and meetings < branches * MEETINGS_PER_BRANCH:
        out.append(
            Diagnostic(
                "warning",
                f"“三会一课”{meetings}次，少于 {branches} 个支部按规定至少应开的 {branches * MEETINGS_PER_BRANCH} 次",
                facts.location("组织建设.三会一课次数"),
                "按支部工作条例，每个支部每年至少开支部党员大会 4 次、支委会 12 次、上党课 4 次；请核对是否为各支部合计数",
            )
        )
    if isinstance(days, int) and days < branches * 12:
        out.append(
            Diagnostic(
                "warning",
                f"主题党日{days}次，少于 {branches} 个支部每月一次的 {branches * 12} 次",
                facts.location("组织建设.主题党日次数"),
                "主题党日一般每个支部每月一次；请核对是否为各支部合计数",
            )
        )
    return out


def validate(
    data: Any, path: Path | str | None, lines: dict[str, int], *, today: _dt.date | None = None
) -> tuple[Facts, list[Diagnostic]]:
    """Validate parsed data; return the Facts and every diagnostic (errors and warnings)."""
    where = path if path is not None else "<事实>"
    if data is None:
        raise FactsError(
            "事实文件是空的",
            location=Location(where),
            hint="可用 drafter init 述职事实.yaml 生成一份带说明的模板",
        )
    if not isinstance(data, dict):
        hint = "请对照 drafter init 生成的模板"
        if isinstance(data, str) and re.search(r"[:：]", data):
            hint = "键后面要用英文冒号再加一个空格，如“年度: 2024”，不要写“年度:2024”或“年度：2024”"
        raise FactsError(
            "事实文件的最外层应是“键: 值”的分组，现在是" + ("列表" if isinstance(data, list) else "一段文字"),
            location=Location(where, 1, key=None),
            hint=hint,
        )
    data = _normalise(data)
    diags: list[Diagnostic] = _coerce_numbers(data, "", where, lines)
    for error in iter_errors(validation_schema(), data):
        key = _dotted(error.absolute_path)
        if error.validator == "additionalProperties":
            # one finding per unknown key, on that key's own line
            known = set(error.schema.get("properties", {}))
            for extra in (k for k in error.instance if k not in known):
                child = f"{key}.{extra}" if key else extra
                message, hint = _describe_unknown(extra, key)
                diags.append(
                    Diagnostic(
                        "error",
                        message,
                        Location(where, _line_for(lines, child), key=child),
                        hint,
                        code="unknown-key",
                    )
                )
            continue
        message, hint = _describe(error, key, error.instance)
        diags.append(
            Diagnostic(
                "error",
                message,
                Location(where, _line_for(lines, key), key=key or None),
                hint,
                code=str(error.validator),
            )
        )
    diags.sort(key=lambda d: d.location.line or 0)
    facts = Facts(data=data, path=Path(path) if path is not None else None, lines=lines)
    if not any(d.severity == "error" for d in diags):
        diags.extend(_semantic_checks(facts, today or _dt.date.today()))
    return facts, diags


def load_facts(path: Path, *, today: _dt.date | None = None) -> Facts:
    """Read, parse and validate a facts file.  Raises FactsError listing every error found."""
    text, encoding = read_text(path)
    return facts_from_text(text, path, encoding=encoding, today=today)


def facts_from_text(
    text: str, path: Path | str | None = None, *, encoding: str = "utf-8", today: _dt.date | None = None
) -> Facts:
    where = path if path is not None else "<事实>"
    data, lines = parse_yaml(text, where)
    facts, diags = validate(data, path, lines, today=today)
    facts.encoding = encoding
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise FactsError(
            errors[0].message,
            location=errors[0].location,
            hint=errors[0].hint,
            diagnostics=errors + [d for d in diags if d.severity != "error"],
        )
    facts.warnings = diags
    return facts
