"""click's own words drafter translates must still be click's words, and a missing library is named."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click
import pytest

from drafter.cli.i18n import ZH


def _click_source() -> str:
    spec = importlib.util.find_spec("click")
    assert spec is not None and spec.origin is not None
    return "\n".join(p.read_text(encoding="utf-8") for p in Path(spec.origin).parent.glob("*.py"))


SOURCE = _click_source()


@pytest.mark.parametrize("key", sorted(ZH))
def test_every_translated_string_is_still_in_click(key: str) -> None:
    assert key in SOURCE, f"click {click.__version__} no longer has {key!r}: drop or update the entry"


def test_a_missing_dependency_is_named_not_hidden(monkeypatch: pytest.MonkeyPatch, run) -> None:
    """A command whose library is not installed says which one, instead of “没有这个命令”."""
    from drafter.cli import LazyGroup

    monkeypatch.setitem(LazyGroup.lazy, "broken", "drafter.cli.broken_for_test:command")
    real_import = importlib.import_module

    def fake_import(name: str, package: str | None = None) -> object:
        if name == "drafter.cli.broken_for_test":
            raise ModuleNotFoundError("No module named 'rich'", name="rich")
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", fake_import)
    result = run("broken")
    assert result.exit_code == 2
    assert "安装不完整：缺少 rich" in result.output and "pip install" in result.output
