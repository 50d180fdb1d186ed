"""The facts-file schema: every key a user may fill, its type, its Chinese comment and an example.

This table is the single source for three things: validation (converted to JSON Schema and checked
by :func:`iter_errors`), the commented facts file ``drafter init`` writes, and ``drafter schema`` (a JSON
Schema editors such as VS Code use for completion).  Keys are Chinese because users fill them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from drafter.registry import FactSpec, registry

Kind = Literal[
    "group",
    "count",
    "percent",
    "year",
    "date",
    "text",
    "choice",
    "texts",
    "items",
    "ids",
    "findings",
    "fusion",
]

REPORT_KINDS = tuple(registry().kinds)
UNIT_TYPES = registry().type_names
PRACTICES = tuple(registry().practices)
YEAR_MIN, YEAR_MAX = 2000, 2100


@dataclass(frozen=True)
class Field:
    """One key of the facts file."""

    key: str
    kind: Kind
    comment: str
    example: Any = None
    children: tuple[Field, ...] = ()
    choices: tuple[str, ...] = ()
    default: Any = None
    open_choice: bool = False  # choices are suggestions: a --templates folder may add more (checked later)

    def child(self, key: str) -> Field | None:
        return next((c for c in self.children if c.key == key), None)


def _c(key: str, comment: str, example: int | None = None) -> Field:
    return Field(key, "count", comment, example)


def _highlights(section: str) -> Field:
    return Field(
        "亮点",
        "texts",
        f"{section}方面本单位自己的亮点做法，每条一句或一段，原样写入报告",
        [f"（示例）{section}方面的一项特色做法及成效"],
    )


FIELDS: tuple[Field, ...] = (
    Field(
        "报告类型",
        "choice",
        "报告类型：" + "；".join(f"{k.name}（{k.description}）" for k in registry().kinds.values()),
        "书记述职",
        choices=REPORT_KINDS,
        default="书记述职",
        open_choice=True,
    ),
    Field("年度", "year", "述职年度，四位数字", 2024),
    Field("报告日期", "date", "落款日期，写成 2025年1月10日 或 2025-01-10", "2025年1月10日"),
    Field("字数", "count", "目标字数（可不填）；填写后按篇幅分配各部分", 3000),
    Field(
        "版式",
        "choice",
        "报告的版式（可不填，按单位自动选）："
        + "；".join(f"{k.name}：{'、'.join(x.name for x in k.layouts)}" for k in registry().kinds.values()),
        None,
        # suggestions: the layouts of the report kind are checked when the facts are read (a --templates
        # folder may bring others)
        choices=tuple(dict.fromkeys(x.name for k in registry().kinds.values() for x in k.layouts)),
        open_choice=True,
    ),
    Field(
        "单位",
        "group",
        "本单位基本情况",
        children=(
            Field("全称", "text", "单位全称", "某市发展和改革委员会"),
            Field("简称", "text", "单位简称", "市发改委"),
            Field("自称", "text", "报告中的自称", "我委"),
            Field("党组织", "text", "本单位党组织名称", "委党组"),
            Field("上级党委", "text", "上级党委的规范简称", "市委"),
            Field(
                "类型",
                "choice",
                "单位类型：" + "、".join(UNIT_TYPES) + "（决定用哪一类单位的表述和统计项）",
                "机关",
                choices=UNIT_TYPES + tuple(a for t in registry().unit_types.values() for a in t.aliases),
                default="通用",
            ),
        ),
    ),
    Field(
        "述职人",
        "group",
        "述职人（书记）信息",
        children=(
            Field("姓名", "text", "述职人姓名", "张三"),
            Field("职务", "text", "述职人职务，用于标题和署名", "党组书记、主任"),
        ),
    ),
    Field(
        "思想建设",
        "group",
        "思想政治建设（理论学习、意识形态）",
        children=(
            _c("中心组学习次数", "全年理论学习中心组学习次数", 12),
            _c("第一议题学习次数", "全年“第一议题”学习次数", 24),
            _c("专题党课次数", "书记讲专题党课次数", 2),
            _c("专题研讨次数", "专题研讨、交流次数", 4),
            _c("谈心谈话次数", "谈心谈话次数", 100),
            _c("意识形态研判次数", "意识形态工作专题研究、分析研判次数", 4),
            _c("学习教育查摆问题数", "当年集中学习教育（如党纪学习教育）中查摆出的问题个数", 6),
            _c("学习教育整改问题数", "其中已经整改到位的问题个数", 5),
            _highlights("思想建设"),
        ),
    ),
    Field(
        "组织建设",
        "group",
        "基层组织建设和党员队伍建设",
        children=(
            _c("党支部数", "所属党支部个数", 8),
            _c("党员数", "党员人数", 120),
            _c("换届支部数", "本年度完成换届的党支部个数", 3),
            Field("按期换届率", "percent", "党组织按期换届率（0–100 的百分数）", 100),
            _c("入党积极分子数", "确定入党积极分子人数", 5),
            _c("发展党员数", "发展党员（接收预备党员）人数", 2),
            _c("三会一课次数", "各支部开展“三会一课”总次数", 96),
            _c("主题党日次数", "主题党日活动次数", 12),
            _c("双重组织生活次数", "书记参加双重组织生活次数", 4),
            _c("党务干部培训人次", "党务干部培训人次", 30),
            _highlights("组织建设"),
        ),
    ),
    Field(
        "党风廉政",
        "group",
        "党风廉政建设和作风建设",
        children=(
            _c("警示教育次数", "警示教育次数", 4),
            _c("廉政谈话人次", "廉政谈话、谈话提醒人次", 30),
            _c("监督检查次数", "日常和专项监督检查次数", 6),
            _c("廉政党课次数", "廉政党课次数", 1),
            _highlights("党风廉政"),
        ),
    ),
    Field(
        "业务融合",
        "fusion",
        "党建引领业务的主要成效，每条一句，原样写入报告（不填则不写这一部分）；也可分“成效”“党组织做法”两项写",
        [
            "（示例）全年完成某项重点任务，群众满意度明显提升",
            "成效: （示例）重点项目提前一个月完工",
            "  党组织做法: （示例）组建党员突击队，党员骨干带头攻坚技术难题",
        ],
    ),
    Field(
        "做法",
        "ids",
        "本单位今年确实做过的具体做法（从下面的清单里挑，写名称）；没勾选的做法，稿子里一律不写",
        [f"{k}（{v}）" for k, v in registry().practices.items()],
        choices=PRACTICES,
    ),
    Field(
        "上年度问题整改",
        "group",
        "上年度述职评议、巡察、审计、主题教育检视等反馈问题的整改情况（没有可不填）",
        children=(
            Field("来源", "text", "问题来源", "上年度述职评议和区委巡察"),
            _c("反馈问题数", "反馈（查摆）问题个数", 6),
            _c("已整改数", "已完成整改的问题个数", 5),
            Field(
                "问题",
                "findings",
                "逐条写：问题、整改情况、状态（已整改／整改中）；整改中的再写“差距”（还差什么，会写进存在问题）"
                "和“完成时限”（写进下一步）；也可只写一句话",
                [
                    "问题: 党支部组织生活不够规范",
                    "  整改情况: 制定组织生活清单，每季度督查",
                    "  状态: 已整改（或 整改中）",
                    "  差距: 还有两个支部主题党日内容单一（整改中才写）",
                    "  完成时限: 明年6月底前（整改中才写）",
                ],
            ),
        ),
    ),
    _c("存在问题数", "存在问题写几条（不填为 3 条；您自己写的问题多于这个数时全部写入）", 3),
    Field(
        "存在问题",
        "items",
        "存在的问题：写片段编号（如 wt-effort-balance），或自己的话——一句短语即可，"
        "drafter 会补上具体表现；也可写成“标题：内容”",
        ["基层党支部书记履职能力参差不齐"],
    ),
    Field("原因", "items", "问题的原因（可不填，drafter 按问题配上原因分析）：自己的话，或片段编号", []),
    Field(
        "下一步",
        "items",
        "下一步工作打算：写片段编号，或自己的话（同上）；措施按主题回应问题",
        ["xb-duty-chain"],
    ),
    Field(
        "去年报告",
        "text",
        "去年的述职报告文件（.docx/.md/.txt），填写后生成时比对与去年的重复",
        "去年述职报告.docx",
    ),
    Field("选用", "ids", "一定要用的片段编号（可不填）", []),
    Field("不用", "ids", "不要用的片段编号（可不填）", []),
)


def _extra(spec: FactSpec) -> Field:
    return Field(spec.path.split(".", 1)[1], spec.kind, spec.comment, spec.example)  # type: ignore[arg-type]


def _with_extras(fields: tuple[Field, ...], extras: tuple[FactSpec, ...]) -> tuple[Field, ...]:
    """The base fields with every unit type's and kind's extra facts added to their groups (before 亮点)."""
    out: list[Field] = []
    for f in fields:
        mine = [
            _extra(e)
            for e in extras
            if e.path.split(".", 1)[0] == f.key
            and f.kind == "group"
            and f.child(e.path.split(".", 1)[1]) is None
        ]
        if mine:
            children = list(f.children)
            at = next((i for i, c in enumerate(children) if c.key == "亮点"), len(children))
            f = Field(
                f.key,
                f.kind,
                f.comment,
                f.example,
                (*children[:at], *mine, *children[at:]),
                f.choices,
                f.default,
            )
        out.append(f)
    return tuple(out)


FIELDS = _with_extras(FIELDS, registry().fact_specs)
EXTRA_FACTS = frozenset(e.path for e in registry().fact_specs)

ROOT = Field("", "group", "", children=FIELDS)


def walk(fields: tuple[Field, ...] = FIELDS, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Yield (dotted path, field) for every field, groups included, depth first."""
    for f in fields:
        path = f"{prefix}.{f.key}" if prefix else f.key
        yield path, f
        if f.children:
            yield from walk(f.children, path)


def field_at(path: str) -> Field | None:
    """The field at a dotted path such as ``思想建设.中心组学习次数``."""
    node: Field | None = ROOT
    for part in path.split("."):
        node = node.child(part) if node else None
    return node


def leaf_paths() -> list[str]:
    """Dotted paths of every scalar fact a fragment may use."""
    return [p for p, f in walk() if f.kind in ("count", "percent", "year", "date", "text", "choice")]


def _json(field: Field) -> dict[str, Any]:
    desc = {"description": field.comment}
    if field.kind == "group":
        return {
            "type": "object",
            **desc,
            "properties": {c.key: _json(c) for c in field.children},
            "additionalProperties": False,
        }
    if field.kind == "count":
        return {"type": "integer", "minimum": 0, "maximum": 10**9, **desc}
    if field.kind == "percent":
        return {"type": "number", "minimum": 0, "maximum": 100, **desc}
    if field.kind == "year":
        return {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX, **desc}
    if field.kind == "date":
        return {"type": "string", "minLength": 1, "maxLength": 40, **desc}
    if field.kind == "text":
        return {"type": "string", "minLength": 1, "maxLength": 200, **desc}
    if field.kind == "choice" and field.open_choice:
        return {"type": "string", "minLength": 1, "maxLength": 40, "examples": list(field.choices), **desc}
    if field.kind == "choice":
        return {"type": "string", "enum": list(field.choices), **desc}
    if field.kind == "texts":
        return {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 2000}, **desc}
    if field.kind == "ids":
        item: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": 80}
        if field.choices:
            item["enum"] = list(field.choices)
        return {"type": "array", "items": item, **desc}
    if field.kind == "findings":
        finding = {
            "anyOf": [
                {"type": "string", "minLength": 1, "maxLength": 2000},
                {
                    "type": "object",
                    "properties": {
                        "问题": {"type": "string"},
                        "整改情况": {"type": "string"},
                        "状态": {"type": "string", "enum": ["已整改", "整改中"]},
                        "差距": {"type": "string"},
                        "完成时限": {"type": "string"},
                    },
                    "required": ["问题"],
                    "additionalProperties": False,
                },
            ]
        }
        return {"type": "array", "items": finding, **desc}
    if field.kind == "fusion":  # a result, or {成效, 党组织做法} (and a 标题)
        result = {
            "type": "object",
            "properties": {
                "标题": {"type": "string"},
                "成效": {"type": "string"},
                "党组织做法": {"type": "string"},
            },
            "required": ["成效"],
            "additionalProperties": False,
        }
        line = {"type": "string", "minLength": 1, "maxLength": 2000}
        return {"type": "array", "items": {"anyOf": [line, result]}, **desc}
    # items: a fragment id, a sentence, or {标题, 内容}
    items = {
        "anyOf": [
            {"type": "string", "minLength": 1, "maxLength": 2000},
            {
                "type": "object",
                "properties": {"标题": {"type": "string"}, "内容": {"type": "string"}},
                "required": ["内容"],
                "additionalProperties": False,
            },
        ]
    }
    return {"type": "array", "items": items, **desc}


@lru_cache(maxsize=1)
def validation_schema() -> dict[str, Any]:
    """The JSON Schema the facts are validated against (built once; do not modify)."""
    return json_schema()


def json_schema() -> dict[str, Any]:
    """The facts file as JSON Schema (draft 2020-12)."""
    schema = _json(ROOT)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drafter 事实文件"
    schema["description"] = "抓基层党建述职报告 / 党建工作总结 的事实文件"
    return schema


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class SchemaError:
    """One violation, shaped like a ``jsonschema`` error (the attributes :mod:`drafter.facts` reads)."""

    validator: str
    absolute_path: tuple[str | int, ...]
    instance: Any
    schema: dict[str, Any]
    message: str


_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


_Report = Callable[[str, str], SchemaError]


def _scalar_errors(schema: dict[str, Any], instance: Any, error: _Report) -> Iterator[SchemaError]:
    """The type, enum, range and length checks of one value."""
    wanted = schema.get("type")
    if wanted is not None and not _TYPES[wanted](instance):
        yield error("type", f"{instance!r} is not of type {wanted!r}")
    if "enum" in schema and instance not in schema["enum"]:
        yield error("enum", f"{instance!r} is not one of {schema['enum']!r}")
    if _TYPES["number"](instance):
        if "minimum" in schema and instance < schema["minimum"]:
            yield error("minimum", f"{instance!r} is less than the minimum of {schema['minimum']!r}")
        if "maximum" in schema and instance > schema["maximum"]:
            yield error("maximum", f"{instance!r} is greater than the maximum of {schema['maximum']!r}")
    if isinstance(instance, str):
        if "minLength" in schema and len(instance) < schema["minLength"]:
            yield error("minLength", f"{instance!r} is too short")
        if "maxLength" in schema and len(instance) > schema["maxLength"]:
            yield error("maxLength", f"{instance!r} is too long")


def _object_errors(
    schema: dict[str, Any], instance: dict[Any, Any], path: tuple[str | int, ...], error: _Report
) -> Iterator[SchemaError]:
    """The required, properties and additionalProperties checks of a mapping, its values included."""
    properties = schema.get("properties", {})
    for key in schema.get("required", ()):
        if key not in instance:
            yield error("required", f"{key!r} is a required property")
    for key, value in instance.items():
        if key in properties:
            yield from iter_errors(properties[key], value, (*path, key))
    if schema.get("additionalProperties") is False and any(k not in properties for k in instance):
        yield error("additionalProperties", "Additional properties are not allowed")


def iter_errors(
    schema: dict[str, Any], instance: Any, path: tuple[str | int, ...] = ()
) -> Iterator[SchemaError]:
    """Validate ``instance`` against the JSON Schema subset :func:`json_schema` produces (type, enum,
    minimum/maximum, minLength/maxLength, properties, additionalProperties, required, items, anyOf),
    yielding errors as ``jsonschema`` would.  Hand-written because importing ``jsonschema`` took about a
    tenth of a cold ``drafter render``; tests check the two agree."""

    def error(kind: str, message: str) -> SchemaError:
        return SchemaError(kind, path, instance, schema, message)

    yield from _scalar_errors(schema, instance, error)
    if isinstance(instance, dict):
        yield from _object_errors(schema, instance, path, error)
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            yield from iter_errors(schema["items"], item, (*path, i))
    if "anyOf" in schema and not any(
        next(iter_errors(s, instance, path), None) is None for s in schema["anyOf"]
    ):
        yield error("anyOf", f"{instance!r} is not valid under any of the given schemas")
