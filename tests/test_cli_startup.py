"""Start-up stays light: each command imports only what its own work needs.

``drafter --help`` lists every command without loading any command's libraries, and ``drafter render`` loads
neither the web page, the miner, batch, lint's command line nor the heavy libraries other commands use
(rich for the terminal, flask and ruamel for the page, python-docx and lxml for reading Word files).  Checked
in a fresh interpreter, where ``sys.modules`` shows what was really imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import FACTS, ROOT

# runs ``python -m drafter ARGS`` and prints the modules loaded when it exits (drafter runs exit handlers)
_PROBE = """
import atexit, gc, json, runpy, sys
atexit.register(lambda: print(json.dumps({"modules": sorted(sys.modules), "gc": gc.isenabled()})))
sys.argv = ["drafter", *sys.argv[1:]]
runpy.run_module("drafter", run_name="__main__", alter_sys=True)
"""

# libraries only some commands need: rich (preview, batch, lint, fragments, mine), flask/werkzeug/ruamel
# (serve), python-docx/lxml (reading .docx: lint, format, init --from), opencc (mine)
HEAVY = ("rich", "flask", "werkzeug", "ruamel", "docx", "lxml", "opencc")


def _probe(*args: str, cwd: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _loaded(*args: str, cwd: Path) -> set[str]:
    return set(_probe(*args, cwd=cwd)["modules"])  # type: ignore[call-overload]


def _tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_lists_commands_without_loading_their_libraries(tmp_path: Path) -> None:
    modules = _loaded("--help", cwd=tmp_path)
    assert "drafter.cli.render" in modules and "drafter.cli.serve" in modules  # every command was listed
    assert not _tops(modules) & {*HEAVY, "jinja2"}
    assert not {m for m in modules if m.startswith(("drafter.lint", "drafter.mine", "drafter.serve"))}
    assert "drafter.batch" not in modules and "drafter.pipeline" not in modules


def test_render_loads_only_what_drafting_needs(tmp_path: Path) -> None:
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    modules = _loaded("render", str(facts), "-o", str(tmp_path / "稿.docx"), cwd=tmp_path)
    assert (tmp_path / "稿.docx").is_file()
    assert not _tops(modules) & set(HEAVY)
    from drafter.cli.lazy import LazyGroup

    assert not {target.split(":")[0] for target in LazyGroup.lazy.values()} & modules  # no lazy command
    assert not {m for m in modules if m.startswith(("drafter.mine", "drafter.serve", "drafter.typeset"))}
    assert "drafter.batch" not in modules


def test_option_types_are_named_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    """click names an option's type when it is declared: the command modules are imported after the
    translation is installed."""
    for command in ("render", "batch", "lint", "init"):
        helped = run(command, "--help")
        assert "路径" in helped.output or "文件" in helped.output
        assert "PATH" not in helped.output and "FILE" not in helped.output


def test_only_bounded_commands_run_without_the_cycle_collector(tmp_path: Path) -> None:
    """The console script starts with Python's cycle collector off; render (one bounded draft) keeps it off,
    a command that may work through a whole folder (compare, batch, mine, serve) turns it back on."""
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    draft = tmp_path / "稿.md"
    assert _probe("render", str(facts), "-o", str(draft), cwd=tmp_path)["gc"] is False
    assert _probe("compare", str(draft), cwd=tmp_path)["gc"] is True
