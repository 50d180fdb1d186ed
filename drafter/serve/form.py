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
from drafter.initfile import _example as init_example
from drafter.schema import Field

# widget per JSON Schema shape: a new kind of field gets a widget from its JSON Schema alone
Widget = str  # "group" | "number" | "choice" | "text" | "rows" | "items" | "picker" | "flag" | "yaml"

_INT = re.compile(r"-?[0-9]+")
_NUM = re.compile(r"-?[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class FormField:
    """One field of the form: where it lives in the facts file and how the page draws it."""

    path: str
    field: Field
    widget: Widget
    integer: bool = False

    def describe(self) -> dict[str, Any]:
        f = self.field
        samples = [str(s) for s in f.example] if isinstance(f.example, list) else []
        return {
            "path": self.path, "key": f.key, "kind": f.kind, "widget": self.widget, "comment": f.comment,
            "example": init_example(f), "samples": samples, "choices": list(f.choices),
            "integer": self.integer,
            "children": [],
        }


def _widget(field: Field, schema: dict[str, Any]) -> tuple[Widget, bool]:
    kind = schema.get("type")
    if field.kind == "group" or kind == "object":
        return ("group" if field.children else "yaml"), False
    if field.kind == "ids":
        return "picker", False
    if kind in ("integer", "number"):
        return "number", kind == "integer"
    if kind == "boolean":
        return "flag", False
    if kind == "string":
        return ("choice" if "enum" in schema else "text"), False
    if kind == "array":
        items = schema.get("items", {})
        if items.get("type") == "string":
            return "rows", False
        if "anyOf" in items:
            return "items", False
    return "yaml", False


def _fields(fields: tuple[Field, ...], schema: dict[str, Any], prefix: str) -> Iterator[tuple[FormField, Any]]:
    props = schema.get("properties", {})
    for f in fields:
        path = f"{prefix}.{f.key}" if prefix else f.key
        sub = props.get(f.key, {})
        widget, integer = _widget(f, sub)
        yield FormField(path, f, widget, integer), sub


def form_fields(fields: tuple[Field, ...] | None = None, schema: dict[str, Any] | None = None,
                prefix: str = "") -> list[FormField]:
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


def _to_form(widget: Widget, value: Any) -> Any:
    if widget in ("rows", "picker"):
        return [_scalar_text(v) for v in value] if isinstance(value, list) else []
    if widget == "items":
        if not isinstance(value, list):
            return []
        rows = []
        for v in value:
            if isinstance(v, dict):
                rows.append({"标题": _scalar_text(v.get("标题")), "内容": _scalar_text(v.get("内容"))})
            else:
                rows.append({"标题": "", "内容": _scalar_text(v)})
        return rows
    if widget == "yaml":
        return "" if value is None else yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    if isinstance(value, (dict, list)):
        return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip()
    return _scalar_text(value)


def form_values(data: Any) -> dict[str, Any]:
    """The form's values for facts ``data`` (as parsed from a facts file, possibly invalid)."""
    return {path: _to_form(ff.widget, _get(data, path)) for path, ff in leaves().items()}


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


def _items(raw: Any) -> list[Any] | None:
    out: list[Any] = []
    for row in raw if isinstance(raw, list) else []:
        if isinstance(row, str):
            row = {"内容": row}
        if not isinstance(row, dict):
            continue
        title, body = _text(row.get("标题")), _text(row.get("内容"))
        if title:
            out.append({"标题": title, "内容": body})
        elif body:
            out.append(body)
    return out or None


def _value(ff: FormField, raw: Any) -> Any:
    widget = ff.widget
    if widget == "number":
        return _number(raw)
    if widget in ("rows", "picker"):
        rows = [_text(r) for r in raw] if isinstance(raw, list) else []
        return [r for r in rows if r] or None
    if widget == "items":
        return _items(raw)
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
    known = leaves()
    row: int | None = None
    candidate = key
    while candidate:
        bare = re.sub(r"\[\d+\]", "", candidate)
        if bare in known:
            m = re.search(r"\[(\d+)\]", key[len(bare):]) if key.startswith(bare) else None
            if m:
                row = int(m[1])
            return bare, row
        candidate = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", candidate) if ("." in candidate or "[" in candidate) else ""
    return None, None


def placeholder_fields() -> dict[str, str]:
    """Placeholder label (a field's own key, as in 【待补充：中心组学习次数】) → the field's path."""
    out: dict[str, str] = {}
    for path, ff in leaves().items():
        out.setdefault(ff.field.key, path)
        out.setdefault(path, path)
    return out
