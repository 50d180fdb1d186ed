"""Stage 1: load a facts file and validate it against :mod:`drafter.schema`.

Owns: reading bytes in any encoding Windows tools save (UTF-8 with or without BOM, GB18030/GBK,
UTF-16 with BOM), parsing YAML while remembering the line of every key, rejecting duplicate keys,
validating with ``jsonschema`` and turning every finding into a Chinese :class:`Diagnostic` that names
file, line and key with a hint.  All problems are collected before anything is raised, so
``drafter check`` can list them at once.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import Diagnostic, FactsError, Location
from drafter.schema import FIELDS, YEAR_MAX, YEAR_MIN, Field, field_at, json_schema, walk

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
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        if b"\x00" in raw:
            raise FactsError(
                "文件含有空字节，看起来不是文本文件",
                location=Location(where),
                hint="请用记事本或 WPS 另存为“文本文件（.yaml）”，或用 drafter init 重新生成模板",
            )
        candidates = ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise FactsError(
        "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）",
        location=Location(where),
        hint="请用记事本“另存为”，编码选 UTF-8 后再试",
    )


def read_text(path: Path) -> tuple[str, str]:
    """Read a facts file from disk with a Chinese error for every way that can fail."""
    if not path.exists():
        raise FactsError(
            "找不到事实文件", location=Location(path),
            hint="检查文件名和路径；可用 drafter init 述职事实.yaml 生成一份模板",
        )
    if path.is_dir():
        raise FactsError("这是一个文件夹，不是事实文件", location=Location(path),
                         hint="请给出 .yaml 文件的路径")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FactsError(
                f"文件过大（{size // 1024} KB），事实文件一般只有几 KB",
                location=Location(path), hint="请确认选对了文件",
            )
        raw = path.read_bytes()
    except PermissionError as exc:
        raise FactsError("没有权限读取该文件", location=Location(path),
                         hint="请检查文件权限，或把文件复制到自己的文件夹再试") from exc
    except OSError as exc:
        raise FactsError(f"读取文件失败：{exc.strerror or exc}", location=Location(path)) from exc
    return decode(raw, path)


# --------------------------------------------------------------------------- YAML with positions


_YAML_HINTS = (
    ("found character '\\t'", "YAML 不能用 Tab 键缩进，请改成空格"),
    ("found a tab character", "YAML 不能用 Tab 键缩进，请改成空格"),
    ("found unexpected end of stream", "引号没有配对：检查这一行附近是否少了一个引号"),
    ("while scanning a quoted scalar", "引号没有配对：检查这一行附近是否少了一个引号"),
    ("mapping values are not allowed", "冒号后面要有一个空格；如果内容本身含冒号，请把整段内容用引号括起来"),
    ("could not find expected ':'", "每一行应写成“键: 值”，冒号用英文半角并在后面加空格"),
    ("did not find expected key", "缩进不一致：同一层的键要对齐"),
    ("did not find expected '-' indicator", "列表每一项以“- ”开头，并与同层对齐"),
    ("found undefined alias", "内容里的 * 号被当成了 YAML 别名，请把这段内容用引号括起来"),
    ("found character that cannot start any token", "这一行以特殊符号开头（如 @ ` % *），请把内容用引号括起来"),
)


def _yaml_error(exc: yaml.YAMLError, path: Path | str) -> FactsError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    text = str(exc)
    hint = next((h for needle, h in _YAML_HINTS if needle in text), "请检查这一行的缩进、冒号和引号")
    problem = getattr(exc, "problem", None) or "格式错误"
    return FactsError(
        f"YAML 语法错误（{problem}）",
        location=Location(path, line, column),
        hint=hint,
    )


class _Composer:
    """Turn a composed YAML node tree into Python data, recording each key's line."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        self.loader = yaml.SafeLoader("")

    def build(self, node: yaml.Node, path: str = "", depth: int = 0) -> Any:
        if depth > 20:
            raise FactsError(
                "嵌套层数过深", location=Location(self.path, node.start_mark.line + 1, key=path or None),
                hint="事实文件最多两三层，请对照 drafter init 生成的模板",
            )
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    raise FactsError(
                        "键的写法不对", location=Location(self.path, key_node.start_mark.line + 1),
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
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. a timestamp such as 2025-02-30: keep the text, checks report it
            return str(node.value)


def parse_yaml(text: str, path: Path | str) -> tuple[Any, dict[str, int]]:
    """Parse YAML text; return (data, {dotted key path: line})."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from exc
    except RecursionError as exc:  # pathological nesting such as [[[[[...
        raise FactsError("嵌套层数过深", location=Location(path),
                         hint="事实文件最多两三层，请对照 drafter init 生成的模板") from exc
    if node is None:
        return None, {}
    composer = _Composer(path)
    try:
        data = composer.build(node)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from exc
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
    "ids": "片段编号列表（每行以“- ”开头）",
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
        hint = f"“{key}”应写在“{home.rsplit('.', 1)[0]}”下面" if "." in home else f"“{key}”应写在最外层，不要缩进"
    else:
        hint = "这里可写的键：" + "、".join(siblings)
    return f"不认识的键“{key}”", hint


def _describe(error: Any, path: str, value: Any) -> tuple[str, str]:
    """Chinese message and hint for one jsonschema error."""
    f = _field_for(path)
    v = error.validator
    shown = repr(value) if not isinstance(value, str) else f"“{value[:30]}{'…' if len(value) > 30 else ''}”"
    if f is None:
        return f"取值不对：{error.message}", "请对照 drafter init 生成的模板"
    want = _KIND_WORD.get(f.kind, "")
    if v == "enum":
        return f"{shown} 不是可选的值", "可选：" + "、".join(f.choices)
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if f.kind == "count":
            return f"{shown} 超出范围，应为{want}", "次数、人数不能是负数" if v == "minimum" else "请核对这个数"
        return f"{shown} 超出范围，应为{want}", "请核对这个数" + _example(f)
    if v in ("minLength",):
        return "内容为空", "不知道就删掉这一项（或留空），报告里会显示【待补充】标记"
    if v in ("maxLength",):
        return "内容过长", "这一项只需一句话；大段文字请写到“亮点”等列表里"
    if v == "anyOf":
        return f"这一项应是一句话，或“标题/内容”两项，现在是 {type(value).__name__}", "写成“- 一句话”即可"
    if v == "required":
        return "缺少“内容”", "写成“标题: ……”和“内容: ……”两行"
    if v == "type":
        got = {dict: "分组", list: "列表", str: "文字", bool: "是/否", int: "整数", float: "小数"}.get(
            type(value), type(value).__name__
        )
        if f.kind == "count" and isinstance(value, str):
            return f"应为{want}，现在是文字 {shown}", "去掉“次”“人”等字，只写数字" + _example(f)
        return f"应为{want}，现在是{got} {shown}", "请对照 drafter init 生成的模板" + _example(f)
    return f"取值不对：{error.message}", "请对照 drafter init 生成的模板"


def _semantic_checks(facts: Facts, today: _dt.date) -> list[Diagnostic]:
    """Checks across values: dates, years, plausibility."""
    out: list[Diagnostic] = []
    raw_date = facts.get("报告日期")
    if raw_date is not None:
        parsed = parse_date(raw_date)
        if parsed is None:
            out.append(Diagnostic("error", f"日期“{raw_date}”无法识别或不存在", facts.location("报告日期"),
                                  "写成 2025年1月10日 或 2025-01-10"))
        else:
            facts.data["报告日期"] = format_date(parsed)
            year = facts.year
            if year is not None and parsed.year < year:
                out.append(Diagnostic("warning", f"落款日期早于述职年度 {year} 年", facts.location("报告日期"),
                                      "述职报告一般在年底或次年初落款"))
    year = facts.year
    if year is not None and year > today.year:
        out.append(Diagnostic("warning", f"年度 {year} 在今年之后", facts.location("年度"), "请核对年度"))
    dev, act = facts.get("组织建设.发展党员数"), facts.get("组织建设.入党积极分子数")
    if isinstance(dev, int) and isinstance(act, int) and dev > act:
        out.append(Diagnostic(
            "warning", f"发展党员数（{dev}）多于入党积极分子数（{act}）",
            facts.location("组织建设.发展党员数"),
            "发展对象应从入党积极分子中产生，请核对这两个数",
        ))
    changed, branches = facts.get("组织建设.换届支部数"), facts.get("组织建设.党支部数")
    if isinstance(changed, int) and isinstance(branches, int) and changed > branches:
        out.append(Diagnostic("warning", f"换届支部数（{changed}）多于党支部数（{branches}）",
                              facts.location("组织建设.换届支部数"), "请核对这两个数"))
    return out


def validate(data: Any, path: Path | str | None, lines: dict[str, int], *,
             today: _dt.date | None = None) -> tuple[Facts, list[Diagnostic]]:
    """Validate parsed data; return the Facts and every diagnostic (errors and warnings)."""
    from jsonschema import Draft202012Validator

    where = path if path is not None else "<事实>"
    if data is None:
        raise FactsError("事实文件是空的", location=Location(where),
                         hint="可用 drafter init 述职事实.yaml 生成一份带说明的模板")
    if not isinstance(data, dict):
        raise FactsError(
            "事实文件的最外层应是“键: 值”的分组，现在是" + ("列表" if isinstance(data, list) else "一段文字"),
            location=Location(where, 1), hint="请对照 drafter init 生成的模板",
        )
    data = _normalise(data)
    diags: list[Diagnostic] = []
    validator = Draft202012Validator(json_schema())
    for error in validator.iter_errors(data):
        key = _dotted(error.absolute_path)
        if error.validator == "additionalProperties":
            # one finding per unknown key, on that key's own line
            known = set(error.schema.get("properties", {}))
            for extra in (k for k in error.instance if k not in known):
                child = f"{key}.{extra}" if key else extra
                message, hint = _describe_unknown(extra, key)
                diags.append(Diagnostic("error", message, Location(where, _line_for(lines, child), key=child), hint,
                                        code="unknown-key"))
            continue
        message, hint = _describe(error, key, error.instance)
        diags.append(Diagnostic("error", message, Location(where, _line_for(lines, key), key=key or None), hint,
                                code=str(error.validator)))
    diags.sort(key=lambda d: d.location.line or 0)
    facts = Facts(data=data, path=Path(path) if path is not None else None, lines=lines)
    if not any(d.severity == "error" for d in diags):
        diags.extend(_semantic_checks(facts, today or _dt.date.today()))
    return facts, diags


def load_facts(path: Path, *, today: _dt.date | None = None) -> Facts:
    """Read, parse and validate a facts file.  Raises FactsError listing every error found."""
    text, encoding = read_text(path)
    return facts_from_text(text, path, encoding=encoding, today=today)


def facts_from_text(text: str, path: Path | str | None = None, *, encoding: str = "utf-8",
                    today: _dt.date | None = None) -> Facts:
    where = path if path is not None else "<事实>"
    data, lines = parse_yaml(text, where)
    facts, diags = validate(data, path, lines, today=today)
    facts.encoding = encoding
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise FactsError(errors[0].message, location=errors[0].location, hint=errors[0].hint,
                         diagnostics=errors + [d for d in diags if d.severity != "error"])
    facts.warnings = diags
    return facts
