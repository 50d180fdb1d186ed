"""Locating the shipped data folders (templates/, fragments/, seeds/) in a checkout or an installed wheel.

In a source checkout they sit at the repository root; the wheel build (see pyproject.toml) copies them
into ``drafter/_data/``.  Nothing else in drafter knows where data lives.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped folder ``name`` ("templates", "fragments" or "seeds")."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name
