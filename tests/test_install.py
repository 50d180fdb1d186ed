"""The installed package finds its templates, fragments and seeds (CI checks a non-editable install)."""

from __future__ import annotations

import os

import pytest

import drafter
from drafter.resources import data_dir


def test_data_folders_are_found() -> None:
    assert (data_dir("templates") / "书记述职" / "report.j2").is_file()
    assert (data_dir("templates") / "党建工作总结" / "report.j2").is_file()
    assert len(list(data_dir("fragments").glob("*.yaml"))) == 8
    assert len(list(data_dir("seeds").glob("*.txt"))) == 5


@pytest.mark.skipif(
    os.environ.get("CI") != "true", reason="CI installs the wheel; a dev checkout is editable"
)
def test_ci_runs_against_the_installed_wheel() -> None:
    assert "site-packages" in drafter.__file__
    assert data_dir("templates").parent.name == "_data"
