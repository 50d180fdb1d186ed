"""drafter's own schema validator agrees with the reference implementation, jsonschema."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from drafter.schema import FIELDS, Field, iter_errors, json_schema

SCHEMA = json_schema()
REFERENCE = Draft202012Validator(SCHEMA)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.floats(-5, 200, allow_nan=False),
    st.sampled_from(["", "12次", "书记述职", "机关", "甲" * 250, "x"]),
)


def field_values(f: Field) -> st.SearchStrategy[Any]:
    if f.kind == "group":
        keys = [c.key for c in f.children] + ["不存在的键"]
        return st.dictionaries(st.sampled_from(keys), st.deferred(lambda: field_values_any(f)), max_size=5)
    if f.kind in ("texts", "items", "ids"):
        item = st.one_of(
            scalars, st.dictionaries(st.sampled_from(["标题", "内容", "其他"]), scalars, max_size=3)
        )
        return st.one_of(st.lists(item, max_size=3), scalars)
    return scalars


def field_values_any(f: Field) -> st.SearchStrategy[Any]:
    return st.one_of(*(field_values(c) for c in f.children), scalars)


facts_like = st.dictionaries(
    st.sampled_from([f.key for f in FIELDS] + ["未知"]),
    st.one_of(*(field_values(f) for f in FIELDS)),
    max_size=8,
)


def signature(errors: Any) -> list[tuple[str, tuple[Any, ...]]]:
    return sorted((e.validator, tuple(e.absolute_path)) for e in errors)


@settings(max_examples=300, deadline=None)
@given(facts_like)
def test_same_errors_as_jsonschema(data: dict[str, Any]) -> None:
    assert signature(iter_errors(SCHEMA, data)) == signature(REFERENCE.iter_errors(data))


def test_known_cases_agree() -> None:
    for data in (
        {"年度": True},
        {"单位": {"类型": 5}},
        {"存在问题": [{"标题": "甲"}]},
        {"组织建设": {"按期换届率": 101.5}},
    ):
        assert signature(iter_errors(SCHEMA, data)) == signature(REFERENCE.iter_errors(data))
        assert list(iter_errors(SCHEMA, data))
