"""Every .docx drafter writes is valid Office Open XML (openxml-audit reports zero errors) and native to
current Word, WPS and LibreOffice: compatibility mode 15, only the draft's own fonts in the theme and font
table, no parts a draft does not use, an honest app.xml.  The shipped skeleton files are what the code
builds."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, full_facts
from hypothesis import HealthCheck, given, settings
from ooxml import audit
from test_docx import MARKUP, TRICKY, TRICKY_FONTS
from test_properties import valid_facts

from drafter.facts import facts_from_text
from drafter.model import build_document
from drafter.pipeline import draft
from drafter.schema import REPORT_KINDS, UNIT_TYPES
from drafter.writers.docx import Fonts, render_docx
from drafter.writers.docx.build import stale
from drafter.writers.docx.skeleton import PARTS_DIR, SHIPPED, build_parts

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
COMMITTED = sorted((ROOT / "samples").glob("*.docx"))
EXAMPLES = int(os.environ.get("DRAFTER_OOXML_EXAMPLES", "200"))
FOREIGN_FONTS = ("Calibri", "Cambria", "ＭＳ 明朝", "ＭＳ ゴシック", "Arial", "Symbol", "Courier")


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist()}


def test_the_validator_finds_schema_errors() -> None:
    """The check can fail: a w:pPr with children out of order and an unknown w:jc value are caught."""
    good = render_docx(build_document(MARKUP))
    assert audit(good) == []
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as z, zipfile.ZipFile(out, "w") as bad:
        for name in z.namelist():
            data = z.read(name)
            if name == "word/document.xml":
                text = data.decode("utf-8").replace('<w:jc w:val="center"/>', '<w:jc w:val="middle"/>', 1)
                text = text.replace(
                    '<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/>',
                    '<w:overflowPunct w:val="0"/><w:widowControl w:val="0"/>',
                    1,
                )
                data = text.encode("utf-8")
            bad.writestr(name, data)
    errors = audit(out.getvalue())
    assert any("middle" in e for e in errors)
    assert any("widowControl" in e for e in errors)


@pytest.mark.parametrize("path", COMMITTED, ids=[p.stem for p in COMMITTED])
def test_committed_samples_are_valid(path: Path) -> None:
    assert audit(path) == []


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_fresh_sample_drafts_are_valid(path: Path) -> None:
    assert audit(render_docx(draft(path).document)) == []


@pytest.mark.parametrize("kind", REPORT_KINDS)
@pytest.mark.parametrize("unit_type", UNIT_TYPES)
def test_every_kind_and_unit_type_is_valid(kind: str, unit_type: str) -> None:
    data: dict[str, Any] = full_facts()
    data["报告类型"] = kind
    data["单位"]["类型"] = unit_type
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True), "f.yaml")
    document = draft(facts).document
    assert document.blocks
    assert audit(render_docx(document)) == []
    assert audit(render_docx(document, comments=False)) == []


def test_markup_characters_and_odd_font_names_are_valid() -> None:
    assert audit(render_docx(TRICKY, TRICKY_FONTS)) == []


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_facts)
def test_hypothesis_facts_files_give_valid_documents(data: dict[str, Any]) -> None:
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True), "f.yaml")
    assert audit(render_docx(draft(facts).document)) == []


# --- native to current clients ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_parts() -> dict[str, str]:
    return parts(render_docx(draft(SAMPLES[0]).document))


def test_current_compatibility_mode(sample_parts: dict[str, str]) -> None:
    settings_xml = sample_parts["word/settings.xml"]
    assert re.search(r'w:name="compatibilityMode"[^>]*w:val="15"', settings_xml)
    assert 'w:val="14"' not in settings_xml


def test_only_the_drafts_fonts_are_named(sample_parts: dict[str, str]) -> None:
    used = set(Fonts().used())
    for name, text in sample_parts.items():
        for foreign in FOREIGN_FONTS:
            assert f'"{foreign}"' not in text, (name, foreign)
    table = set(re.findall(r'<w:font w:name="([^"]+)"', sample_parts["word/fontTable.xml"]))
    assert table == used
    theme = set(re.findall(r'typeface="([^"]*)"', sample_parts["word/theme/theme1.xml"]))
    assert theme <= used and "仿宋_GB2312" in theme and "黑体" in theme


def test_font_overrides_reach_theme_and_font_table() -> None:
    fonts = Fonts(body="仿宋", heading1="方正黑体_GBK", latin="Arial")
    text = parts(render_docx(build_document(MARKUP), fonts))
    table = set(re.findall(r'<w:font w:name="([^"]+)"', text["word/fontTable.xml"]))
    assert table == set(fonts.used())
    assert "仿宋_GB2312" not in text["word/theme/theme1.xml"]


FACTS_PARTS = {"customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"}


def test_no_leftover_parts_or_relationships(sample_parts: dict[str, str]) -> None:
    names = set(sample_parts)
    # the one custom XML part is drafter's own: the facts the draft was made from (for next year's init --from)
    assert 'xmlns="urn:drafter:facts:1"' in sample_parts["customXml/item1.xml"]
    assert not {
        n
        for n in names - FACTS_PARTS
        if n.startswith("customXml/")
        or "numbering" in n
        or "webSettings" in n
        or "thumbnail" in n
        or "stylesWithEffects" in n
    }
    rels = sample_parts["word/_rels/document.xml.rels"]
    for target in re.findall(r'Target="([^"]+)"', rels):
        assert ("word/" + target if not target.startswith("../") else target[3:]) in names
    types = sample_parts["[Content_Types].xml"]
    for part in re.findall(r'PartName="/([^"]+)"', types):
        assert part in names


def test_no_empty_comments_part_without_comments() -> None:
    without = parts(render_docx(build_document(MARKUP), comments=False))
    assert "word/comments.xml" not in without
    assert "comments" not in without["word/_rels/document.xml.rels"]
    assert "comments" not in without["[Content_Types].xml"]


def test_app_properties_name_drafter(sample_parts: dict[str, str]) -> None:
    app = sample_parts["docProps/app.xml"]
    assert "<Application>drafter</Application>" in app
    assert "Microsoft" not in app and "AppVersion" not in app


# --- the shipped skeleton -----------------------------------------------------------------------


def test_shipped_skeleton_files_are_what_the_code_builds() -> None:
    assert stale() == []
    built = build_parts(Fonts())
    assert set(built) == set(SHIPPED)
    for name in SHIPPED:
        assert (PARTS_DIR / name).read_bytes() == built[name]


def test_no_pickle_is_written_for_a_render(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path))
    from drafter.writers.docx import skeleton

    skeleton.parts_for.cache_clear()
    render_docx(build_document(MARKUP), Fonts(body="仿宋"))
    render_docx(build_document(MARKUP))
    assert not [p for p in tmp_path.rglob("*") if "docx" in p.name]
