"""Rendering: facts are data, missing facts become placeholders, the sandbox holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURE_FRAGMENTS

from drafter.errors import LibraryError
from drafter.facts import facts_from_text
from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.render import FragmentRenderer, clean_text, fact_context, make_environment


def render(source: str, facts_yaml: str = "年度: 2024\n") -> str:
    renderer = FragmentRenderer(make_environment())
    from drafter.errors import Location

    return renderer.render_text(source, fact_context(facts_from_text(facts_yaml)), Location("t.yaml", 3))


def test_fact_values_with_jinja_are_printed_literally() -> None:
    out = render("{{ 单位.全称 }}", "单位:\n  全称: '{{ 7*7 }}{% if 1 %}x{% endif %}'\n")
    assert out == "{{ 7*7 }}{% if 1 %}x{% endif %}"


def test_control_characters_and_newlines_are_cleaned() -> None:
    assert clean_text("a\x00b\x1fc\nd\te\ue000f") == "abc d ef"
    out = render("{{ 单位.全称 }}", '单位:\n  全称: "甲\\x07乙\\n::h1 丙"\n')
    assert "\x07" not in out and "\n" not in out


def test_missing_fact_is_a_placeholder_not_a_blank() -> None:
    out = render("学习{{ 思想建设.中心组学习次数 }}次")
    assert out == "学习\ue000中心组学习次数\ue001次"


def test_unknown_name_is_a_library_error_with_location() -> None:
    with pytest.raises(LibraryError) as info:
        render("{{ 思想建设.不存在的数 }}")
    assert "t.yaml:3" in info.value.format()


def test_sandbox_blocks_python_internals() -> None:
    with pytest.raises(LibraryError) as info:
        render("{{ 年度.__class__.__mro__[1].__subclasses__() }}")
    assert "不允许" in info.value.format() or "不存在" in info.value.format()


def test_template_syntax_error_in_fragment(tmp_path: Path) -> None:
    folder = tmp_path / "frags"
    folder.mkdir()
    for f in FIXTURE_FRAGMENTS.glob("*.yaml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    bad = folder / "结尾.yaml"
    bad.write_text(
        "role: 结尾\nfragments:\n  - id: jw-bad\n    text: '我将{{ 年度 继续努力'\n", encoding="utf-8"
    )
    facts = tmp_path / "f.yaml"
    facts.write_text("年度: 2024\n", encoding="utf-8")
    with pytest.raises(LibraryError) as info:
        draft(facts, Options(fragments_dir=folder))
    message = info.value.format()
    assert re.search(r"结尾.yaml:[34]，", message) and "jw-bad" in message  # the fragment or its text line


def test_whole_draft_keeps_user_text_literal(tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    # one layout (kind.yaml 版式) named, so that the headings are known
    facts.write_text(
        "年度: 2024\n版式: 总分式\n思想建设:\n  亮点: ['创建{{ 品牌 }}::h1 注入']\n", encoding="utf-8"
    )
    result = draft(facts, Options(fragments_dir=FIXTURE_FRAGMENTS))
    assert "创建{{ 品牌 }}::h1 注入。" in result.document.text
    assert [b.text for b in result.document.blocks if b.kind == "heading1"] == [
        "一、主要工作",
        "二、上年度问题整改情况",  # not filled in: the part stands with a marker asking for it
        "三、存在的问题及原因",
        "四、下一步工作打算",
    ]


def test_fixture_library_loads() -> None:
    lib = load_library(FIXTURE_FRAGMENTS)
    assert {"思想建设", "存在问题", "下一步"} <= set(lib.roles)
