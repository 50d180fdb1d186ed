"""Writing the form's facts back into a facts file, keeping its comments, key order and untouched values.

PyYAML drops every comment when it loads a file, so a facts file saved through it would lose the Chinese
explanations ``drafter init`` wrote above each key.  ruamel.yaml's round-trip mode keeps comments, blank
lines, key order and the spelling of values nobody changed, which is exactly what a hand-edited file
needs; writing that by hand would mean re-implementing a YAML emitter.  Only the values the form changed
are replaced; keys the form does not know (a newer file, a typo the user still has to fix) are left alone.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
from functools import lru_cache
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from drafter.errors import FactsError, Location


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)  # list items under their key, as the init file's examples
    y.width = 4096  # never fold a long Chinese sentence
    y.allow_unicode = True
    y.preserve_quotes = True
    return y


def _plain(value: Any) -> Any:
    """A comparable Python value (dates as text, ruamel's containers as dict and list)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _container(value: Any) -> Any:
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = _container(v)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_container(v) for v in value)
        return seq
    if isinstance(value, str) and _misread(value):
        return DoubleQuotedScalarString(value)
    return value


def _misread(text: str) -> bool:
    """Whether PyYAML (YAML 1.1, what drafter reads with) would read ``text`` written plain as something else.

    ruamel.yaml writes YAML 1.2, where ``yes``, ``on``, ``12:30`` or ``010`` are plain text; PyYAML would
    read them as true, 750 or 8.  Such values are written in double quotes."""
    try:
        return bool(yaml.safe_load(text) != text)
    except yaml.YAMLError:
        return True


def _merge(target: CommentedMap, data: dict[str, Any]) -> None:
    """Put ``data`` into ``target`` in place; unchanged values keep their spelling and comments."""
    order = list(data)
    for key, value in data.items():
        if isinstance(value, dict):
            child = target.get(key)
            if not isinstance(child, CommentedMap):
                if all(v is None for v in value.values()) and key not in target:
                    continue
                child = CommentedMap()
                _insert(target, key, child, order)
            _merge(child, value)
            continue
        if key in target and _plain(target[key]) == _plain(value):
            continue
        if key not in target:
            if value is None:
                continue
            _insert(target, key, _container(value), order)
            continue
        _replace(target, key, value)


def _pop_trailing(node: Any) -> Any:
    """Take away the comment lines that follow a list or mapping (ruamel hangs them on its last entry)."""
    if isinstance(node, CommentedSeq) and node:
        last_key: Any = len(node) - 1
        slot_index = 0
    elif isinstance(node, CommentedMap) and node:
        last_key = list(node)[-1]
        slot_index = 2
    else:
        return None
    inner = _pop_trailing(node[last_key])
    if inner is not None:
        return inner
    slot = node.ca.items.get(last_key)
    if slot and slot[slot_index] is not None:
        token = slot[slot_index]
        slot[slot_index] = None
        return token
    return None


def _replace(target: CommentedMap, key: str, value: Any) -> None:
    """Replace a value, moving the comment lines that followed the old one to follow the new one."""
    trailing = _pop_trailing(target[key])
    slot = target.ca.items.get(key)
    if trailing is None and slot and slot[2] is not None:
        trailing, slot[2] = slot[2], None
    new = _container(value)
    target[key] = new
    if trailing is None:
        return
    if isinstance(new, CommentedSeq) and new:
        last = new[-1]
        if isinstance(last, CommentedMap) and last:
            last.ca.items.setdefault(list(last)[-1], [None, None, None, None])[2] = trailing
        else:
            new.ca.items.setdefault(len(new) - 1, [None, None, None, None])[0] = trailing
    elif isinstance(new, CommentedMap) and new:
        new.ca.items.setdefault(list(new)[-1], [None, None, None, None])[2] = trailing
    else:
        target.ca.items.setdefault(key, [None, None, None, None])[2] = trailing


def _insert(target: CommentedMap, key: str, value: Any, order: list[str]) -> None:
    """Insert a key the file lacks after the nearest key that precedes it in the schema."""
    position = 0
    for earlier in order[: order.index(key)]:
        if earlier in target:
            position = list(target).index(earlier) + 1
    target.insert(position, key, value)


@lru_cache(maxsize=4)
def _parsed(text: str) -> Any:
    """The round-trip tree of ``text``; parsed once while the file is unchanged (the page asks for it
    on every change), handed out as deep copies."""
    return _yaml().load(text) if text.strip() else None


def update_text(text: str, data: dict[str, Any], where: str) -> str:
    """``text`` (a facts file) with the values of ``data`` written in."""
    y = _yaml()
    try:
        doc = copy.deepcopy(_parsed(text))
    except YAMLError as exc:
        raise FactsError(
            "事实文件有 YAML 语法错误，页面无法在保留注释的同时改写它",
            location=Location(where),
            hint=f"先运行 drafter check {where} 改正语法错误（{type(exc).__name__}）",
        ) from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise FactsError(
            "事实文件的最外层不是“键: 值”的分组",
            location=Location(where),
            hint=f"先运行 drafter check {where} 改正",
        )
    _merge(doc, data)
    out = io.StringIO()
    y.dump(doc, out)
    return out.getvalue()
