"""Reading YAML files: one place for their text, their positions and every Chinese error about them.

Owns, for each YAML file drafter reads (facts files, fragment files, the structure data under ``templates/``,
``drafter lint`` rule files and ``drafter mine`` label files), each described by a :class:`FileKind`:

* reading the bytes: a folder, a device or pipe, a missing file, an oversized file and every operating-system
  error become the kind's :class:`~drafter.errors.DrafterError` in Chinese with the path and a hint;
* decoding the text: :mod:`drafter.textio`'s rules (UTF-8, GBK/GB18030, UTF-16 with a BOM) or UTF-8 only;
* composing YAML with positions (LibYAML's parser, PyYAML's again on an error, for the wording the table
  below expects) and the limits on what a file may expand to: nodes after aliases, nesting; refusing
  duplicate keys with file, line and key path;
* the one table of YAML syntax errors in Chinese, :func:`describe_error` and :func:`syntax_error`;
* plain data: PyYAML's safe types (:func:`load`, :func:`value`), or a facts file's reading (:func:`load_with_lines`):
  the line of every key and YAML 1.2 numbers (``012`` stays text, ``1_000`` and ``1:30`` are not numbers).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from drafter.errors import DrafterError, Location, os_reason
from drafter.rxprogram import Programs
from drafter.textio import decode_bytes

# LibYAML's parser when PyYAML was built with it (the wheels are): parsing YAML is most of a cold
# ``drafter render``.  On a syntax error we parse again with PyYAML, whose messages the table matches.
FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class FileKind:
    """A kind of YAML file: how its errors are worded and raised, how it is decoded and its limits."""

    noun: str  # what the user calls it in messages: 事实文件, 片段文件…
    error: type[DrafterError]
    missing_hint: str  # what to check when the file is not there
    example: str  # where to see a well-formed one: 对照 drafter init 生成的模板…
    any_encoding: bool = False  # textio's rules (GBK, UTF-16…); otherwise UTF-8 only
    max_bytes: int | None = None
    max_nodes: int = 200_000  # after aliases (``*name``) are expanded; a "billion laughs" file has billions
    max_depth: int = 20  # for :func:`load_with_lines`


# --------------------------------------------------------------------------- reading text


def read_text(path: Path, kind: FileKind) -> tuple[str, str]:
    """Read and decode a file: (text, encoding name), or the kind's Chinese error."""
    return decode(read_bytes(path, kind), path, kind)


def read_bytes(path: Path, kind: FileKind) -> bytes:
    """A file's bytes, refusing what is not a regular file (``/dev/zero`` would never end, a FIFO would wait)."""
    noun = kind.noun
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise kind.error(
                "这不是普通文件（是设备、管道等特殊文件），没有读取",
                location=Location(path),
                hint=f"请给出{noun}（.yaml）的路径",
            )
        if kind.max_bytes is not None and info.st_size > kind.max_bytes:
            raise _too_large(path, info.st_size, kind)
        with path.open("rb") as handle:
            raw = handle.read(-1 if kind.max_bytes is None else kind.max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise kind.error(f"找不到{noun}", location=Location(path), hint=kind.missing_hint) from None
    except IsADirectoryError:
        raise kind.error(
            f"这是一个文件夹，不是{noun}", location=Location(path), hint=f"请给出{noun}（.yaml）的路径"
        ) from None
    except PermissionError:
        raise kind.error(
            f"没有权限读取{noun}",
            location=Location(path),
            hint="请检查文件权限，或把文件复制到自己的文件夹再试",
        ) from None
    except OSError as exc:
        raise kind.error(
            f"{noun}无法读取：{os_reason(exc)}",
            location=Location(path),
            hint="请确认文件没有被其他程序占用，且磁盘可以正常读取",
        ) from None
    if kind.max_bytes is not None and len(raw) > kind.max_bytes:  # grew since stat
        raise _too_large(path, len(raw), kind)
    return raw


def decode(raw: bytes, where: Path | str, kind: FileKind) -> tuple[str, str]:
    """Decode a file's bytes by the kind's rule: (text, encoding name)."""
    utf16 = kind.any_encoding and raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in raw and not utf16:
        raise kind.error(
            "文件含有空字节，看起来不是文本文件",
            location=Location(where),
            hint=f"请用记事本或 WPS 另存为“文本文件（.yaml）”，或{kind.example}重新写一份",
        )
    if not kind.any_encoding:
        try:
            return raw.decode("utf-8-sig"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise kind.error(
                f"{kind.noun}不是 UTF-8 编码",
                location=Location(where, raw.count(b"\n", 0, exc.start) + 1),
                hint="用记事本或 VS Code 把文件“另存为”UTF-8 编码",
            ) from None
    decoded = decode_bytes(raw)
    if decoded is None:
        raise kind.error(
            "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）",
            location=Location(where),
            hint="请用记事本“另存为”，编码选 UTF-8 后再试",
        )
    return decoded


_SCAN_LIMIT = 64 * 1024 * 1024  # read an oversized file only up to this size, to say which line is too long


def _too_large(path: Path, size: int, kind: FileKind) -> DrafterError:
    """The error for a file over the kind's size: name the overlong line and its key when one line is the cause."""
    limit = kind.max_bytes or size
    if size <= _SCAN_LIMIT:
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b""
        lines = raw.split(b"\n")
        index = max(range(len(lines)), key=lambda i: len(lines[i]))
        if len(lines[index]) > limit // 2:
            head = b"\n".join([*lines[:index], lines[index][:200]]).decode("utf-8", errors="replace")
            line = index + 1
            return kind.error(
                f"这一项的内容过长（{len(lines[index]) // 1024} KB），{kind.noun}一般只有几 KB",
                location=Location(path, line, key=key_at_line(head, line)),
                hint="这一项只需一句话或一段话；请确认没有误粘贴大段内容",
            )
    return kind.error(
        f"文件过大（{size // 1024} KB），{kind.noun}一般只有几 KB",
        location=Location(path),
        hint="请确认选对了文件",
    )


# --------------------------------------------------------------------------- YAML syntax errors in Chinese


_TAB = ("用了 Tab 键缩进", "YAML 不能用 Tab 键缩进，请改成空格")
_QUOTE = ("引号没有闭合", "这一行的引号少了一半，或内容里又用了同一种引号；内容含引号时，外面改用另一种引号")
_BRACKET_HINT = "检查 [ ] 和 { } 是否成对；内容本身含有逗号、括号时，请把整段内容用引号括起来"
_SQUARE = ("方括号 [ ] 没有配对", _BRACKET_HINT)
_CURLY = ("花括号 { } 没有配对", _BRACKET_HINT)
_INDENT = ("缩进不一致", "同一层的键要对齐（用空格，不用 Tab）")
_ALIAS = ("内容里的 * 号被当成了 YAML 别名", "以 * 开头的内容请用引号括起来")
_ANCHOR = ("内容里的 & 号被当成了 YAML 锚点", "以 & 开头的内容请用引号括起来")

# (text in PyYAML's error, the problem in Chinese, how to fix it); the first match wins.
_YAML_PROBLEMS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("found character '\\t'", _TAB),
    ("found a tab character", _TAB),
    (
        "unknown escape character",
        (
            "双引号里的反斜杠转义无效",
            "双引号里的“\\”是转义符：含反斜杠的内容（如正则表达式）请用单引号括起来，或把“\\”写成“\\\\”",
        ),
    ),
    ("while scanning a quoted scalar", _QUOTE),
    ("found unexpected end of stream", ("引号没有闭合", "检查这一行附近是否少了一个引号")),
    ("while parsing a flow sequence", _SQUARE),
    ("expected ',' or ']'", _SQUARE),
    ("while parsing a flow mapping", _CURLY),
    ("expected ',' or '}'", _CURLY),
    ("while parsing a flow", ("方括号或花括号没有配对", _BRACKET_HINT)),
    (
        "mapping values are not allowed",
        ("冒号用法不对", "冒号后面要有一个空格；如果内容本身含冒号，请把整段内容用引号括起来"),
    ),
    ("could not find expected ':'", ("缺少冒号", "每一行应写成“键: 值”，冒号用英文半角并在后面加空格")),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", ("列表项没有对齐", "列表每一项以“- ”开头，并与同层对齐")),
    ("found undefined alias", _ALIAS),
    ("while scanning an alias", _ALIAS),
    ("found duplicate anchor", _ANCHOR),
    ("while scanning an anchor", _ANCHOR),
    (
        "cannot start any token",
        ("这一行以特殊符号开头", "以 @ ` % * & ! | > 等符号开头的内容，请把整段内容用引号括起来"),
    ),
    (
        "found another document",
        ("文件里有“---”分隔的多份内容", "一个文件只能有一份内容：删掉“---”和重复的部分"),
    ),
    (
        "tag:yaml.org,2002:merge",
        ("用了 YAML 合并键“<<”", "drafter 不支持“<<: *名字”的写法：请把要合并的各项直接写出来"),
    ),
    (
        "could not determine a constructor",
        (
            "用了不支持的 YAML 标记（以 !! 或 ! 开头）",
            "删掉以 ! 开头的标记，直接写内容；内容本身以 ! 开头时请用引号括起来",
        ),
    ),
    ("expected <block end>", _INDENT),
    (
        "characters are not allowed",
        ("文件含有看不见的控制字符", "删掉这一行里看不见的特殊字符（可以把这一行删掉重新输入）"),
    ),
    ("while parsing a block", _INDENT),
)
_UNKNOWN_PROBLEM = ("格式错误", "请检查这一行的缩进、冒号和引号")


class YamlProblem(NamedTuple):
    """A YAML syntax error in Chinese; ``line`` and ``column`` are 1-based, ``key`` the key path in force."""

    problem: str
    hint: str
    line: int | None
    column: int | None
    key: str | None


def describe_error(exc: yaml.YAMLError, text: str = "") -> YamlProblem:
    """A PyYAML or LibYAML error in Chinese, on the line that has the cause (``text`` is the file's text)."""
    detail = str(exc)
    problem, hint = next((words for needle, words in _YAML_PROBLEMS if needle in detail), _UNKNOWN_PROBLEM)
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    if context.startswith(("while scanning a quoted", "while parsing a flow")) or mark is None:
        mark = getattr(exc, "context_mark", None) or mark  # an unclosed quote or bracket: where it opened
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
    return YamlProblem(problem, hint, line, column, key)


def syntax_error(exc: yaml.YAMLError, where: Path | str, text: str, kind: FileKind) -> DrafterError:
    """The kind's error for a YAML syntax error: file, line, column, the key in force and a hint."""
    found = describe_error(exc, text)
    return kind.error(
        f"{kind.noun} YAML 语法错误：{found.problem}",
        location=Location(where, found.line, found.column, found.key),
        hint=found.hint,
    )


_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
_KEY_LINE = _PROGRAMS.compile(
    r"^([ \t]*)(?:-[ \t]+)?(\"[^\"]*\"|'[^']*'|[^\s#:：\-?\[\]{}][^#:：]*?)[ \t]*[:：](?:[ \t\u3000]|$)"
)
_FULL_WIDTH_KEY = _PROGRAMS.compile(r"^[ \t]*(?:-[ \t]+)?([^\s#:：\-][^#:：]*?)[ \t]*：")


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
        indent = m.start(2)  # where the key starts: ``- id:`` and the ``pattern:`` below it are siblings
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, m[2].strip("\"'")))
    return ".".join(k for _, k in stack) or None


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
        return (*_TAB, line, column)  # LibYAML does not name it
    space = _full_width_space_line(lines, line)
    if space is not None:
        return (
            "用了全角空格“　”",
            "缩进和冒号后面的空格都要用半角空格（英文输入法下的空格键），不能用全角空格",
            space,
            None,
        )
    colon = _full_width_colon_line(lines, line)
    if colon is not None:
        return "用了中文冒号“：”", "键后面要用英文冒号加一个空格，如“单位: ”，不要写“单位：”", colon, None
    return problem, hint, line, column


_FULL_WIDTH_SPACE = _PROGRAMS.compile(r"^[ \t]*\u3000|^[^#]*?:\u3000|^[^#]*?: +\u3000")


def _full_width_space_line(lines: list[str], line: int) -> int | None:
    """A line at or up to three above ``line`` indented with, or with a value starting with, “　”."""
    for number in range(min(line, len(lines)), max(line - 4, 0), -1):
        if _FULL_WIDTH_SPACE.match(lines[number - 1]):
            return number
    return None


def _full_width_colon_line(lines: list[str], line: int) -> int | None:
    """A line at or just above ``line`` that uses a Chinese colon where YAML needs ``: ``."""
    for number in range(min(line, len(lines)), max(line - 3, 0), -1):
        raw = lines[number - 1]
        if ":" not in raw and _FULL_WIDTH_KEY.match(raw):
            return number
    return None


# --------------------------------------------------------------------------- composing with positions


def line_of(node: yaml.Node | None) -> int:
    """The 1-based line a node starts on (0 for no node)."""
    return int(node.start_mark.line) + 1 if node is not None else 0


def node_for(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node of ``key`` in a mapping node, or None."""
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if getattr(k, "value", None) == key:
                found: yaml.Node = v
                return found
    return None


def _too_deep(
    where: Path | str, kind: FileKind, line: int | None = None, key: str | None = None
) -> DrafterError:
    return kind.error(
        "嵌套层数过深",
        location=Location(where, line, key=key),
        hint=f"{kind.noun}用不着这么多层缩进或括号，请{kind.example}",
    )


def compose(text: str, where: Path | str, kind: FileKind) -> yaml.Node | None:
    """The node tree of a YAML text (None when it is empty), checked for size and duplicate keys."""
    try:
        try:
            node = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError as fast:
            if "maximum nesting depth" in str(fast):  # LibYAML's limit; PyYAML would recurse for seconds
                raise _too_deep(where, kind) from None
            node = yaml.compose(text, Loader=yaml.SafeLoader)  # PyYAML words the error as the table expects
    except yaml.YAMLError as exc:
        raise syntax_error(exc, where, text, kind) from None
    except RecursionError:  # pathological nesting such as [[[[[...
        raise _too_deep(where, kind) from None
    _check_tree(node, where, kind)
    return node


def _check_tree(root: yaml.Node | None, where: Path | str, kind: FileKind) -> None:
    """Refuse a tree over the kind's node count with every alias expanded (the walks after this one would
    take exponential time on a "billion laughs" file), and any mapping that has a key twice: PyYAML would
    keep the last one silently.  Iterative, so that deep nesting is reported by the caller, not here."""
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    checked: set[int] = set()
    count = 0
    while stack:
        node, path = stack.pop()
        count += 1
        if count > kind.max_nodes:
            raise kind.error(
                f"{kind.noun}内容过多（展开后超过 {kind.max_nodes:,} 项）",
                location=Location(where, line_of(node), key=path or None),
                hint=f"{kind.noun}用不着 YAML 别名（&名字、*名字），请直接写出内容",
            )
        if isinstance(node, yaml.MappingNode):
            if id(node) not in checked:
                checked.add(id(node))
                _check_keys(node, path, where, kind)
            pairs = [(n, _child(path, k)) for k, v in node.value for n in (k, v)]
            stack.extend(reversed(pairs))  # popped in the file's order
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(item, f"{path}[{i}]") for i, item in enumerate(node.value)]))


def _child(path: str, key_node: yaml.Node) -> str:
    key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
    return f"{path}.{key}" if path else key


def _check_keys(node: yaml.MappingNode, path: str, where: Path | str, kind: FileKind) -> None:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        key = str(key_node.value)
        if key in seen:
            raise kind.error(
                f"键“{key}”重复出现（第{seen[key]}行已经写过）",
                location=Location(where, line_of(key_node), key=_child(path, key_node)),
                hint="删掉其中一处，或把内容合并到一起",
            )
        seen[key] = line_of(key_node)


# --------------------------------------------------------------------------- plain data


def load(text: str, where: Path | str, kind: FileKind) -> tuple[yaml.Node | None, Any]:
    """The checked node tree (for line numbers) and the plain data of a YAML text, in PyYAML's safe types."""
    node = compose(text, where, kind)
    if node is None:
        return None, None
    loader = FAST_LOADER("")
    try:
        return node, loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise syntax_error(exc, where, text, kind) from None
    except RecursionError:
        raise _too_deep(where, kind, line_of(node)) from None
    finally:
        loader.dispose()


def value(node: yaml.Node) -> Any:
    """The plain value of one node of a tree :func:`load` has already read without error."""
    loader = FAST_LOADER("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


# --------------------------------------------------------------------------- a facts file's reading


_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_NUMBER_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_INT_12 = _PROGRAMS.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT_12 = _PROGRAMS.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DIGITS = _PROGRAMS.compile(r"[-+]?[0-9]+")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_SURROGATES = _PROGRAMS.compile("[\ud800-\udfff]")


def number_12(text: str) -> Any:
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


def _join_surrogates(text: str) -> str:
    """``"\ud842\udfb7"`` escapes written for 𠮷 become 𠮷; a lone surrogate, which no file or terminal
    takes, is dropped."""
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _SURROGATES.sub("", joined)


class _Builder:
    """Turn a composed node tree into Python data with string keys, recording each key's line."""

    def __init__(self, where: Path | str, kind: FileKind) -> None:
        self.where = where
        self.kind = kind
        self.lines: dict[str, int] = {}
        self.loader = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: str = "", depth: int = 0) -> Any:
        if depth > self.kind.max_depth:
            raise _too_deep(self.where, self.kind, line_of(node), path or None)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise self.kind.error(
                f"{self.kind.noun} YAML 语法错误：用了不支持的 YAML 标记"
                f"（{node.tag.replace('tag:yaml.org,2002:', '!!')}）",
                location=Location(self.where, line_of(node), key=path or None),
                hint="删掉以 ! 开头的标记，直接写内容",
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self.lines[child] = line_of(item)
                items.append(self.build(item, child, depth + 1))
            return items
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, path, depth + 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise self.kind.error(
                    "键的写法不对",
                    location=Location(self.where, line_of(key_node)),
                    hint="键应是一个词，如“单位”“年度”，不能是列表或分组",
                )
            child = f"{path}.{key}" if path else str(key)
            self.lines[child] = line_of(key_node)
            result[str(key)] = self.build(value_node, child, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _NUMBER_TAGS:
            return number_12(node.value)
        try:
            found = self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. a timestamp such as 2025-02-30: keep the text, checks report it
            found = str(node.value)
        if isinstance(found, str) and _SURROGATES.search(found):
            found = _join_surrogates(found)
        return found


def load_with_lines(text: str, where: Path | str, kind: FileKind) -> tuple[Any, dict[str, int]]:
    """A facts file's reading: (data with string keys and YAML 1.2 numbers, {dotted key path: line})."""
    node = compose(text, where, kind)
    if node is None:
        return None, {}
    builder = _Builder(where, kind)
    try:
        data = builder.build(node)
    except yaml.YAMLError as exc:
        raise syntax_error(exc, where, text, kind) from None
    return data, builder.lines


_PROGRAMS.save()
