"""The commented facts file ``drafter init`` writes, generated from :mod:`drafter.schema`.

Every field gets a Chinese comment (what it means, an example); groups follow the report's sections.
Values are left empty except 报告类型 and 单位.类型: an empty value becomes 【待补充】 in the draft.
``drafter init --from 去年报告`` passes a :class:`Prefill`: values read from last year's report, a
comment beside a key (“去年：12”), and YAML blocks for groups the reader fills itself
(上年度问题整改), written in the group's place when the schema has it, else at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from drafter.registry import registry
from drafter.schema import EXTRA_FACTS, FIELDS, Field


@dataclass
class Prefill:
    """What ``init --from`` knows: values and trailing comments by dotted path, ready-made blocks by
    top-level key (lines without indentation), and a note for the file's header."""

    values: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, list[str]] = field(default_factory=dict)
    header: list[str] = field(default_factory=list)

    def extras(self) -> frozenset[str]:
        """The extra facts of the unit type and report kind this file is for (the others are left out)."""
        reg = registry()
        unit = reg.unit_type(self.values.get("单位.类型"))
        kind = reg.kinds.get(str(self.values.get("报告类型") or ""))
        return frozenset(f.path for f in (*unit.facts, *(kind.facts if kind else ())))


def scalar(value: Any) -> str:
    """A value as one line of YAML (quoted when it needs to be)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


HEADER = """\
# drafter 事实文件 —— 填好后运行：drafter check {name}（检查）  drafter render {name}（生成 Word 初稿）
# 填写说明：
#   · 冒号后面要空一格；文字里含冒号或 # 号时，用英文引号把整段括起来。
#   · 不知道的数可以先空着，报告里会显示醒目的【待补充：名称】，提醒您补上；不会编造数字。
#   · 次数、人数只写数字（如 12），不要写“12次”。
#   · 列表每项一行，以“- ”开头，例如：
#       亮点:
#         - 创建“红色驿站”党建品牌，覆盖全部支部
#   · 用记事本、WPS 保存为 UTF-8 或 GBK 编码都可以。
"""


def _example(f: Field) -> str:
    if f.example is None or isinstance(f.example, list):
        return ""
    return f"（例：{f.example}）"


def _emit_checklist(f: Field, indent: str, note: str, out: list[str]) -> None:
    """A checklist: delete the “# ” before each line that applies."""
    out.append(f"{indent}# 删去行首的“# ”即为勾选：")
    out.append(f"{indent}{f.key}:{note}")
    width = max(len(c) for c in f.choices)
    for choice in f.choices:
        out.append(f"{indent}  # - {choice}{'　' * (width - len(choice))}  # {registry().practices[choice]}")


def _emit_findings(f: Field, indent: str, note: str, out: list[str]) -> None:
    """One finding over three commented lines."""
    out.append(f"{indent}{f.key}:{note}")
    for i, line in enumerate(f.example or []):
        out.append(f"{indent}  # {'- ' if i == 0 else ''}{line}")


def _emit_fusion(f: Field, indent: str, note: str, out: list[str]) -> None:
    """业务融合: a result as one commented sentence, then the form with the Party organisation's part
    (成效 and 党组织做法 over two commented lines) under a comment saying what it is for."""
    out.append(f"{indent}{f.key}:{note}")
    line, *mapping = f.example or []
    out.append(f"{indent}  # - {line}")
    out.append(
        f"{indent}  # 写明党组织和党员在这件事里做了什么时，用下面两行的写法（报告里先写做法、再写成效，不留【待补充】）："
    )
    for i, part in enumerate(mapping):
        out.append(f"{indent}  # {'- ' if i == 0 else ''}{part}")


def _emit_list(f: Field, indent: str, note: str, out: list[str]) -> None:
    """A list key with its examples as commented items."""
    out.append(f"{indent}{f.key}:{note}")
    for sample in f.example or []:
        out.append(f"{indent}  # - {sample}")


def _emit_field(f: Field, path: str, indent: str, out: list[str], prefill: Prefill) -> None:
    """One field that is not a group: its comment line, then its key (with a value, a list or a checklist)."""
    out.append(f"{indent}# {f.comment}{_example(f)}")
    note = f"  # {prefill.notes[path]}" if path in prefill.notes else ""
    if f.kind == "ids" and f.choices:
        _emit_checklist(f, indent, note, out)
    elif f.kind == "findings":
        _emit_findings(f, indent, note, out)
    elif f.kind == "fusion":
        _emit_fusion(f, indent, note, out)
    elif f.kind in ("texts", "items", "ids"):
        _emit_list(f, indent, note, out)
    else:
        value = prefill.values.get(path, f.default)
        out.append(f"{indent}{f.key}:{' ' + scalar(value) if value is not None else ''}{note}")


def _emit(fields: tuple[Field, ...], indent: str, out: list[str], prefill: Prefill, prefix: str = "") -> None:
    extras = prefill.extras()
    for f in fields:
        path = f"{prefix}.{f.key}" if prefix else f.key
        if path in EXTRA_FACTS and path not in extras:
            continue  # another unit type's or report kind's count
        if path in prefill.blocks:
            out.append("")
            out += [indent + line if line else line for line in prefill.blocks[path]]
        elif f.kind == "group":
            out.append("")
            out.append(f"{indent}# ===== {f.comment} =====")
            out.append(f"{indent}{f.key}:")
            _emit(f.children, indent + "  ", out, prefill, path)
        else:
            _emit_field(f, path, indent, out, prefill)


def facts_template(
    name: str = "述职事实.yaml",
    prefill: Prefill | None = None,
    *,
    unit_type: str | None = None,
    kind: str | None = None,
) -> str:
    """The commented facts file; ``unit_type`` and ``kind`` preset 单位.类型 and 报告类型 and bring in the
    counts their reports use (without them, only the counts every unit has)."""
    prefill = prefill or Prefill()
    if unit_type:
        prefill.values["单位.类型"] = registry().unit_type(unit_type).name
    if kind:
        prefill.values["报告类型"] = kind
    out: list[str] = [HEADER.format(name=name).rstrip("\n"), *prefill.header]
    _emit(FIELDS, "", out, prefill)
    known = {f.key for f in FIELDS}
    for key, lines in prefill.blocks.items():
        if key not in known:
            out.append("")
            out += lines
    return "\n".join(out) + "\n"
