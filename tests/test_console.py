"""Consoles and signals: no encoding crashes, Ctrl-C is “已取消” with exit 130 at any moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

FACTS = """\
年度: 2024
报告日期: 2025-01-10
单位:
  全称: 某市𠮷祥发展和改革委员会“é”
  简称: 市发改委
述职人:
  姓名: 张𠮷
  职务: 党组书记、主任
思想建设:
  中心组学习次数: 012
"""


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **more}


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "cp1252", "latin-1"])
@pytest.mark.parametrize("command", ["preview", "check", "render"])
def test_output_never_crashes_on_the_console_encoding(encoding: str, command: str, tmp_path: Path) -> None:
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    args = [command, str(facts)] + (["-o", str(tmp_path / "稿.md")] if command == "render" else [])
    proc = subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        capture_output=True,
        env=_env(PYTHONIOENCODING=encoding),
        timeout=120,
    )
    # (click itself writes UTF-8 to a console it finds misconfigured as ASCII)
    out, err = proc.stdout.decode(encoding, "replace"), proc.stderr.decode(encoding, "replace")
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "内部错误" not in err
    if encoding == "gbk":  # what the console can show is shown as it is
        assert {"preview": "发展", "check": "可以使用", "render": "已写入"}[command] in out + err


def _wait_for_drafter_handlers(pid: int) -> None:
    """Until drafter's first line has run: it catches SIGTERM, which Python alone does not (Linux /proc)."""
    status = Path(f"/proc/{pid}/status")
    for _ in range(10_000):
        try:
            caught = next(
                int(line.split()[1], 16)
                for line in status.read_text().splitlines()
                if line.startswith("SigCgt:")
            )
        except (OSError, StopIteration):
            return
        if caught & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.001)


def _render_and_interrupt(tmp_path: Path, delay: float) -> tuple[int, str]:
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    out = tmp_path / f"稿{delay}.docx"
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "render", str(facts), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    _wait_for_drafter_handlers(proc.pid)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
# from drafter's first line on (a signal in the interpreter's own start-up, before it, is Python's)
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to see the handlers")
@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.06, 0.12, 0.25])
def test_ctrl_c_at_any_moment_is_cancelled_without_traceback(tmp_path: Path, delay: float) -> None:
    code, err = _render_and_interrupt(tmp_path, delay)
    assert "Traceback" not in err and "内部错误" not in err, err
    assert code in (0, 130), err  # 0: the draft was finished before the signal came
    if code == 130:
        assert "已取消" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~drafter-")]


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to see the handlers")
def test_sigterm_unwinds_quietly(tmp_path: Path) -> None:
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "render", str(facts), "-o", str(tmp_path / "稿.docx")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    _wait_for_drafter_handlers(proc.pid)
    time.sleep(0.05)
    proc.terminate()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 128 + signal.SIGTERM)
    assert b"Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~drafter-")]


_LOST_SIGNAL = """
import signal, time, weakref
from drafter.console import Cancelled, install_signal_handlers
install_signal_handlers()
class Thing:
    pass
def callback(ref):
    signal.raise_signal(signal.SIGINT)
    for _ in range(1000):  # the handler runs here, inside a callback whose exceptions Python ignores
        pass
thing = Thing()
ref = weakref.ref(thing, callback)
try:
    del thing
    for _ in range(400):  # two seconds of the program's own work
        time.sleep(0.005)
    print("没有取消")
except Cancelled as exc:
    print("已取消", exc.code)
"""


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
def test_ctrl_c_inside_a_callback_python_ignores_still_cancels() -> None:
    """CI, session 14: Ctrl-C landed while the import system ran a weakref callback; Python printed
    “Exception ignored in …” with a traceback and the render went on.  The signal is raised again and the
    cancellation reaches the program's own code."""
    proc = subprocess.run(
        [sys.executable, "-c", _LOST_SIGNAL],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=120,
    )
    assert proc.stdout.strip() == "已取消 130", proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr


_EXIT_PROBE = """
import atexit, sys, threading
atexit.register(lambda: print("退出处理已运行"))
if sys.argv[1] == "thread":  # a thread still running: Python's own exit waits for it
    threading.Thread(target=lambda: (__import__("time").sleep(0.3), print("线程结束"))).start()
sys.argv = ["drafter", *sys.argv[2:]]
from drafter.__main__ import run
run()
"""


@pytest.mark.parametrize("thread", ["none", "thread"])
def test_the_process_ends_with_the_commands_code_and_exit_handlers(tmp_path: Path, thread: str) -> None:
    """drafter ends the process without tearing it down (drafter.console.exit_now): output, exit code and
    exit handlers are what Python's own exit gives, and a thread still running is waited for."""
    good = tmp_path / "好.yaml"
    good.write_text(FACTS, encoding="utf-8")
    bad = tmp_path / "坏.yaml"
    bad.write_text("年度: [\n", encoding="utf-8")
    for facts, code, said in ((good, 0, "可以使用"), (bad, 2, "错误")):
        proc = subprocess.run(
            [sys.executable, "-c", _EXIT_PROBE, thread, "check", str(facts)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=_env(),
            timeout=120,
        )
        assert proc.returncode == code, proc.stderr
        assert said in proc.stdout + proc.stderr and "Traceback" not in proc.stderr
        assert proc.stdout.rstrip().endswith("退出处理已运行") or thread == "thread"
        assert proc.stdout.count("退出处理已运行") == 1
        if thread == "thread":
            assert "线程结束" in proc.stdout


def test_exit_now_gives_pythons_exit_codes() -> None:
    for code, status in ((None, 0), (0, 0), (3, 3), (256, 0), (-1, 255)):
        proc = subprocess.run(
            [sys.executable, "-c", f"from drafter.console import exit_now; exit_now({code!r})"],
            env=_env(),
            timeout=60,
        )
        assert proc.returncode == status
    proc = subprocess.run(
        [sys.executable, "-c", "from drafter.console import exit_now; exit_now('坏了')"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=60,
    )
    assert proc.returncode == 1 and "坏了" in proc.stderr
