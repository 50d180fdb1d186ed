"""The page's form, generated at run time from :mod:`drafter.schema`, and the way back from form to facts.

Owns three translations: the schema's fields → a form description the page's script draws (labels,
comments and examples as ``drafter init`` writes them, grouped like the facts file, one widget per field);
facts data → the form's values; the form's values → facts data, kept raw enough (``12次`` stays text,
``-3`` stays a negative number) that validation gives exactly the messages ``drafter check`` gives.
Nothing here hard-codes a key: a field the schema gains appears in the form by itself.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from drafter import schema as facts_schema
from drafter.errors import DrafterError
from drafter.initfile import _example as init_example
from drafter.schema import Field

# widget per JSON Schema shape: a new kind of field gets a widget from its JSON Schema alone
Widget = str  # group number choice text rows records checklist picker flag yaml

_INT = re.compile(r"-?[0-9]+")
_NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Column:
    """One part of a list entry that may be a sentence or a small mapping (标题/内容, 问题/整改情况/状态)."""

    key: str
    required: bool
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormField:
    """One field of the form: where it lives in the facts file and how the page draws it."""

    path: str
    field: Field
    widget: Widget
    schema: dict[str, Any]

    @property
    def integer(self) -> bool:
        return self.schema.get("type") == "integer"

    @property
    def columns(self) -> tuple[Column, ...]:
        """For ``records``: the parts of one entry, from the mapping alternative of the entry's schema."""
        shapes = self.schema.get("items", {}).get("anyOf", [])
        mapping: dict[str, Any] = next((a for a in shapes if a.get("type") == "object"), {})
        required = mapping.get("required", [])
        return tuple(
            Column(key, key in required, tuple(spec.get("enum", ())))
            for key, spec in mapping.get("properties", {}).items()
        )

    @property
    def primary(self) -> str:
        """The part an entry written as one sentence stands for (内容, 问题)."""
        return next((c.key for c in self.columns if c.required), self.columns[0].key if self.columns else "")

    @property
    def choices(self) -> tuple[str, ...]:
        if self.widget == "checklist":
            return tuple(self.schema.get("items", {}).get("enum", ()))
        return tuple(self.field.choices) or tuple(self.schema.get("enum", ()))

    def describe(self) -> dict[str, Any]:
        f = self.field
        samples = [str(s) for s in f.example] if isinstance(f.example, list) else []
        return {
            "path": self.path,
            "key": f.key,
            "kind": f.kind,
            "widget": self.widget,
            "comment": f.comment,
            "example": init_example(f),
            "samples": samples,
            "choices": list(self.choices),
            "integer": self.integer,
            "primary": self.primary,
            "columns": [
                {"key": c.key, "required": c.required, "choices": list(c.choices)} for c in self.columns
            ],
            "extra": self.path in getattr(facts_schema, "EXTRA_FACTS", ()),
            "children": [],
        }


def _widget(field: Field, schema: dict[str, Any]) -> Widget:
    kind = schema.get("type")
    if field.kind == "group" or kind == "object":
        return "group" if field.children else "yaml"
    if kind in ("integer", "number"):
        return "number"
    if kind == "boolean":
        return "flag"
    if kind == "string":
        return "choice" if "enum" in schema else "text"
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "string":
            return "checklist" if "enum" in items else "picker" if field.kind == "ids" else "rows"
        if any(a.get("type") == "object" and a.get("properties") for a in items.get("anyOf", ())):
            return "records"
    return "yaml"


def _fields(
    fields: tuple[Field, ...], schema: dict[str, Any], prefix: str
) -> Iterator[tuple[FormField, Any]]:
    props = schema.get("properties", {})
    for f in fields:
        path = f"{prefix}.{f.key}" if prefix else f.key
        sub = props.get(f.key, {})
        yield FormField(path, f, _widget(f, sub), sub), sub


def form_fields(
    fields: tuple[Field, ...] | None = None, schema: dict[str, Any] | None = None, prefix: str = ""
) -> list[FormField]:
    """Every field, groups included, depth first (the order of the facts file).  The schema module is
    read at call time, so fields added to it appear without any change here."""
    fields = fields if fields is not None else facts_schema.FIELDS
    schema = schema if schema is not None else facts_schema.json_schema()
    out: list[FormField] = []
    for ff, sub in _fields(fields, schema, prefix):
        out.append(ff)
        if ff.widget == "group":
            out.extend(form_fields(ff.field.children, sub, ff.path))
    return out


def describe_form() -> list[dict[str, Any]]:
    """The form as a tree the page's script draws."""
    top: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for ff in form_fields():
        node = ff.describe()
        parent = ff.path.rpartition(".")[0]
        (groups[parent]["children"] if parent in groups else top).append(node)
        if ff.widget == "group":
            groups[ff.path] = node
    return top


def leaves() -> dict[str, FormField]:
    """Every field the form edits (groups excluded), by dotted path."""
    return {ff.path: ff for ff in form_fields() if ff.widget != "group"}


# --------------------------------------------------------------------------- facts data → form values


def _get(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _scalar_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _to_form(ff: FormField, value: Any) -> Any:
    widget = ff.widget
    if widget in ("rows", "picker", "checklist"):
        return [_scalar_text(v) for v in value] if isinstance(value, list) else []
    if widget == "records":
        rows = []
        for v in value if isinstance(value, list) else []:
            entry = v if isinstance(v, dict) else {ff.primary: v}
            rows.append({c.key: _scalar_text(entry.get(c.key)) for c in ff.columns})
        return rows
    if widget == "yaml":
        return "" if value is None else yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip()
    return _scalar_text(value)


def form_values(data: Any) -> dict[str, Any]:
    """The form's values for facts ``data`` (as parsed from a facts file, possibly invalid)."""
    return {path: _to_form(ff, _get(data, path)) for path, ff in leaves().items()}


# --------------------------------------------------------------------------- form values → facts data


class FormValueError(ValueError):
    """A value the page sent that cannot even be read (only for free YAML fields)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


def _text(raw: Any) -> str:
    return raw.strip() if isinstance(raw, str) else ""


def _number(raw: Any) -> Any:
    text = _text(raw)
    if not text:
        return None
    if _INT.fullmatch(text):
        return int(text)
    if _NUM.fullmatch(text):
        return float(text)  # as YAML reads 3.5 (an integer field reports it as check does)
    return text  # validation reports it in check's words (“去掉“次”“人”等字”)


def _records(ff: FormField, raw: Any) -> list[Any] | None:
    """Entries: a sentence when only the main part is filled, else a mapping of the filled parts (a part
    left out that the schema requires is reported by validation, in check's words)."""
    out: list[Any] = []
    for row in raw if isinstance(raw, list) else []:
        if isinstance(row, str):
            row = {ff.primary: row}
        if not isinstance(row, dict):
            continue
        filled = {c.key: _text(row.get(c.key)) for c in ff.columns if _text(row.get(c.key))}
        if list(filled) == [ff.primary]:
            out.append(filled[ff.primary])
        elif filled:
            out.append(filled)
    return out or None


def _value(ff: FormField, raw: Any) -> Any:
    widget = ff.widget
    if widget == "number":
        return _number(raw)
    if widget in ("rows", "picker", "checklist"):
        rows = [_text(r) for r in raw] if isinstance(raw, list) else []
        return [r for r in rows if r] or None
    if widget == "records":
        return _records(ff, raw)
    if widget == "flag":
        return {"是": True, "否": False}.get(_text(raw))
    if widget == "yaml":
        text = raw if isinstance(raw, str) else ""
        if not text.strip():
            return None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            raise FormValueError(ff.path, "写法不对，无法读取") from None
    return _text(raw) or None


def values_to_data(values: dict[str, Any]) -> dict[str, Any]:
    """Facts data (nested, in schema order, empty values as ``None``) for the form's ``values``."""
    data: dict[str, Any] = {}
    for path, ff in leaves().items():
        node = data
        *groups, key = path.split(".")
        for g in groups:
            node = node.setdefault(g, {})
        node[key] = _value(ff, values.get(path))
    return data


def field_for_key(key: str | None) -> tuple[str | None, int | None]:
    """The form field a diagnostic's key belongs to (``存在问题[1].内容`` → ``存在问题``, row 1)."""
    if not key:
        return None, None
    known = {ff.path for ff in form_fields()}  # groups too: a finding about a whole group sits at its top
    row: int | None = None
    candidate = key
    while candidate:
        bare = re.sub(r"\[\d+\]", "", candidate)
        if bare in known:
            m = re.search(r"\[(\d+)\]", key[len(bare) :]) if key.startswith(bare) else None
            if m:
                row = int(m[1])
            return bare, row
        candidate = (
            re.sub(r"(\.[^.\[]*|\[\d+\])$", "", candidate) if ("." in candidate or "[" in candidate) else ""
        )
    return None, None


def placeholder_fields() -> dict[str, str]:
    """Placeholder label (a field's own key, as in 【待补充：中心组学习次数】) → the field's path."""
    out: dict[str, str] = {}
    for path, ff in leaves().items():
        out.setdefault(ff.field.key, path)
        out.setdefault(path, path)
    return out


def visible_extras(values: dict[str, Any]) -> list[str]:
    """The extra facts (counts only some unit types or report kinds have) to show for the 单位.类型 and
    报告类型 the form holds now, as ``drafter init --类型`` would write them."""
    from drafter.initfile import Prefill

    chosen = {path: values.get(path) or None for path in ("单位.类型", "报告类型")}
    try:
        return sorted(Prefill(values=chosen).extras())
    except DrafterError:
        return []
