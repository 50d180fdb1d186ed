"""Stage 1: load a facts file and validate it against :mod:`drafter.schema`.

Owns: what a facts file is to :mod:`drafter.yamlio`, which reads it (any encoding Windows tools save, 5 MB
at most, the line of every key, YAML 1.2 numbers); validating the data against the schema's JSON Schema
(:func:`drafter.schema.iter_errors`) and turning every finding into a Chinese :class:`Diagnostic` that names
file, line and key with a hint.  All problems are collected before anything is raised, so ``drafter check``
can list them at once.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import yamlio
from drafter.errors import Diagnostic, FactsError, Location
from drafter.errors import os_reason as os_reason  # re-exported: facts was its home before errors
from drafter.rxprogram import Programs
from drafter.schema import FIELDS, YEAR_MAX, YEAR_MIN, Field, field_at, iter_errors, validation_schema, walk
from drafter.yamlio import FileKind

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)


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


MAX_FILE_BYTES = 5 * 1024 * 1024
FACTS_FILE = FileKind(
    "事实文件",
    FactsError,
    missing_hint="检查文件名和路径；可用 drafter init 述职事实.yaml 生成一份模板",
    example="对照 drafter init 生成的模板",
    any_encoding=True,
    max_bytes=MAX_FILE_BYTES,
    max_nodes=50_000,  # a filled-in facts file has about a hundred; YAML aliases could expand to billions
)


def read_text(path: Path) -> tuple[str, str]:
    """Read a facts file from disk: (text, encoding name), with a Chinese error for every way that can fail."""
    return yamlio.read_text(path, FACTS_FILE)


def parse_yaml(text: str, path: Path | str) -> tuple[Any, dict[str, int]]:
    """Parse a facts file's YAML; return (data, {dotted key path: line})."""
    return yamlio.load_with_lines(text, path, FACTS_FILE)


# --------------------------------------------------------------------------- normalising values


_DATE_RES = (
    _PROGRAMS.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$"),
    _PROGRAMS.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$"),
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
    "findings": "列表（每项写 问题、整改情况、状态（整改中的可加 差距、完成时限），或只写一句话）",
    "fusion": "列表（每项写一句成效，或写 成效、党组织做法 两项）",
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
    import difflib  # only for a key that is not known

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


FINDING_KEYS = ("问题", "整改情况", "状态", "差距", "完成时限")  # the parts of one 上年度问题整改 entry


def _describe_finding(value: dict[Any, Any]) -> tuple[str, str]:
    """Message and hint for one 上年度问题整改 entry that is not 问题/整改情况/状态."""
    extra = [str(k) for k in value if k not in FINDING_KEYS]
    if extra:
        return f"不认识的键“{_clip(extra[0], 20)}”", "每条整改只能写" + "".join(
            f"“{k}”" for k in FINDING_KEYS
        )
    if value.get("状态") not in (None, "已整改", "整改中"):
        return f"状态“{_clip(str(value.get('状态')), 20)}”不对", "状态写 已整改 或 整改中"
    return "缺少“问题”（或不是文字）", "写成“- 问题: ……”，下一行缩进写“整改情况: ……”“状态: 已整改”"


FUSION_KEYS = ("标题", "成效", "党组织做法")


def _describe_fusion(value: dict[Any, Any]) -> tuple[str, str]:
    """Message and hint for one 业务融合 entry written as a group that is not 成效/党组织做法 (and 标题)."""
    extra = [str(k) for k in value if k not in FUSION_KEYS]
    if extra:
        return (
            f"不认识的键“{_clip(extra[0], 20)}”",
            "这样的一项只能写“成效”和“党组织做法”（可再加“标题”）",
        )
    if not isinstance(value.get("成效"), str):
        return (
            "缺少“成效”（或不是文字）",
            "写成“- 成效: ……”，下一行缩进写“党组织做法: ……”；只有成效时直接写成“- 一句话”",
        )
    return "“党组织做法”应是一段文字", "写成“党组织做法: ……”，说明党组织和党员具体做了什么"


def _describe_any_of(value: Any, f: Field) -> tuple[str, str]:
    """Message and hint for a list item that is neither one sentence nor the group its list allows."""
    if isinstance(value, dict) and f.kind == "findings":
        return _describe_finding(value)
    if isinstance(value, dict) and f.kind == "fusion":
        return _describe_fusion(value)
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
_TYPED_NUMBER = _PROGRAMS.compile(r"[0-9]{1,15}(?:\.[0-9]{1,6})?")


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
    for part, whole, hint in NOT_MORE_THAN:
        a, b = facts.get(part), facts.get(whole)
        if isinstance(a, int) and isinstance(b, int) and a > b:
            name_a, name_b = part.rsplit(".", 1)[-1], whole.rsplit(".", 1)[-1]
            out.append(
                Diagnostic("warning", f"{name_a}（{a}）多于{name_b}（{b}）", facts.location(part), hint)
            )
    out.extend(_meeting_checks(facts, facts.get("组织建设.党支部数")))
    return out


# (a count, the count it cannot exceed, the hint)
NOT_MORE_THAN = (
    ("组织建设.发展党员数", "组织建设.入党积极分子数", "发展对象应从入党积极分子中产生，请核对这两个数"),
    ("组织建设.换届支部数", "组织建设.党支部数", "请核对这两个数"),
)


# 《中国共产党支部工作条例（试行）》: 支部党员大会每季度 1 次、支委会每月 1 次、党小组会每月 1 次、党课每季度 1 次.
MEETINGS_PER_BRANCH = 4 + 12 + 4  # 支部党员大会 + 支委会 + 党课, without 党小组 (not every branch has them)


# the parts of “三会一课” a facts file may count separately (党课 under 思想建设)
MEETING_PARTS = (
    "组织建设.支部党员大会次数",
    "组织建设.支委会次数",
    "组织建设.党小组会次数",
    "思想建设.专题党课次数",
)


def _meeting_parts_check(facts: Facts) -> list[Diagnostic]:
    """The total against its counted parts (a reviewer adds them up): below their sum, or, with all four
    counted, different from it."""
    meetings = facts.get("组织建设.三会一课次数")
    counted = [p for p in (facts.get(x) for x in MEETING_PARTS) if isinstance(p, int)]
    if not isinstance(meetings, int) or len(counted) < 3:
        return []
    total = sum(counted)
    if (total < meetings and len(counted) < len(MEETING_PARTS)) or total == meetings:
        return []
    word = "少于" if total > meetings else "多于"
    return [
        Diagnostic(
            "warning",
            f"“三会一课”{meetings}次，{word}分项相加的 {total} 次（支部党员大会、支委会、党小组会、党课）",
            facts.location("组织建设.三会一课次数"),
            "“三会一课”次数应不少于各分项之和，四项都填了时应正好等于；请核对总数或分项",
        )
    ]


def _meeting_checks(facts: Facts, branches: Any) -> list[Diagnostic]:
    """“三会一课” and 主题党日 below what the rules ask of every branch: a reviewer reads such a figure as
    meetings not held (or a typing error); the total below its own counted parts."""
    out: list[Diagnostic] = _meeting_parts_check(facts)
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


_PROGRAMS.save()
