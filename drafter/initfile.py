"""The commented facts file ``drafter init`` writes, generated from :mod:`drafter.schema`.

Every field gets a Chinese comment (what it means, an example); groups follow the report's sections.
Values are left empty except 报告类型 and 单位.类型: an empty value becomes 【待补充】 in the draft.
"""

from __future__ import annotations

from drafter.schema import FIELDS, Field

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


def _emit(fields: tuple[Field, ...], indent: str, out: list[str]) -> None:
    for f in fields:
        if f.kind == "group":
            out.append("")
            out.append(f"{indent}# ===== {f.comment} =====")
            out.append(f"{indent}{f.key}:")
            _emit(f.children, indent + "  ", out)
            continue
        out.append(f"{indent}# {f.comment}{_example(f)}")
        if f.kind in ("texts", "items", "ids"):
            out.append(f"{indent}{f.key}:")
            for sample in f.example or []:
                out.append(f"{indent}  # - {sample}")
        elif f.default is not None:
            out.append(f"{indent}{f.key}: {f.default}")
        else:
            out.append(f"{indent}{f.key}:")


def facts_template(name: str = "述职事实.yaml") -> str:
    out: list[str] = [HEADER.format(name=name).rstrip("\n")]
    top = [f for f in FIELDS]
    _emit(tuple(top), "", out)
    return "\n".join(out) + "\n"
