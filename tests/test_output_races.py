"""The write service under attack: parallel runs, symlinks, killed processes, names the user cannot see."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from drafter.errors import OutputError
from drafter.output import TEMP_PREFIX, default_name, sweep_stale, write_atomic

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
posix_only = pytest.mark.skipif(os.name == "nt", reason="symlinks and signals as on POSIX")


def _writer(path: str, payload: bytes, force: bool, barrier: object, results: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        write_atomic(Path(path), payload, force=force)
        results.put(("ok", payload))  # type: ignore[attr-defined]
    except OutputError as exc:
        results.put(("refused", str(exc)))  # type: ignore[attr-defined]


def _race(path: Path, payloads: list[bytes], force: bool) -> list[tuple[str, object]]:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(len(payloads))
    results = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(path), p, force, barrier, results)) for p in payloads]
    for proc in procs:
        proc.start()
    out = [results.get(timeout=60) for _ in procs]
    for proc in procs:
        proc.join(60)
    return out


@needs_fork
@pytest.mark.parametrize("round_", range(3))
def test_parallel_runs_without_force_write_exactly_once(tmp_path: Path, round_: int) -> None:
    target = tmp_path / "稿.docx"
    payloads = [f"版本{i}".encode() * 5000 for i in range(20)]
    outcome = _race(target, payloads, force=False)
    winners = [p for status, p in outcome if status == "ok"]
    assert len(winners) == 1
    assert target.read_bytes() == winners[0]
    assert all("文件已存在" in str(p) for status, p in outcome if status == "refused")
    assert not [n for n in os.listdir(tmp_path) if n.startswith(TEMP_PREFIX)]


@needs_fork
@pytest.mark.parametrize("round_", range(3))
def test_parallel_forced_runs_lose_no_version(tmp_path: Path, round_: int) -> None:
    target = tmp_path / "稿.docx"
    target.write_bytes(b"user's own edits")
    payloads = [f"版本{i}".encode() * 3000 for i in range(20)]
    outcome = _race(target, payloads, force=True)
    assert all(status == "ok" for status, _ in outcome), [p for s, p in outcome if s != "ok"]
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir() if p.name != target.name)
    every = sorted([b"user's own edits", *payloads])
    # the final draft plus the backups hold all 21 versions, each once
    assert sorted([*kept, target.read_bytes()]) == every
    assert not [n for n in os.listdir(tmp_path) if n.startswith(TEMP_PREFIX)]


@posix_only
def test_dangling_symlink_at_backup_name_is_skipped_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "稿.bak.docx").symlink_to(outside / "stolen.docx")
    (work / "稿.docx").write_bytes(b"old")
    backup = write_atomic(work / "稿.docx", b"new", force=True)
    assert backup == work / "稿.bak2.docx"
    assert backup.read_bytes() == b"old"
    assert not (outside / "stolen.docx").exists()
    assert (work / "稿.docx").read_bytes() == b"new"


@posix_only
@pytest.mark.parametrize("dangling", [True, False])
def test_symlink_at_target_is_never_written_through(tmp_path: Path, dangling: bool) -> None:
    victim = tmp_path / "victim.txt"
    if not dangling:
        victim.write_bytes(b"precious")
    link = tmp_path / "稿.txt"
    link.symlink_to(victim)
    for force in (False, True):
        with pytest.raises(OutputError, match="符号链接"):
            write_atomic(link, b"draft", force=force)
    assert (victim.read_bytes() == b"precious") if not dangling else not victim.exists()


def test_backup_of_an_earlier_different_backup_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "稿.md"
    target.write_bytes(b"v1")
    assert write_atomic(target, b"v2", force=True) == tmp_path / "稿.bak.md"
    assert write_atomic(target, b"v3", force=True) == tmp_path / "稿.bak2.md"
    assert write_atomic(target, b"v3", force=True) == tmp_path / "稿.bak3.md"
    assert [(tmp_path / n).read_bytes() for n in ("稿.bak.md", "稿.bak2.md", "稿.bak3.md")] == [
        b"v1",
        b"v2",
        b"v3",
    ]


def test_same_content_backup_is_reused(tmp_path: Path) -> None:
    target = tmp_path / "稿.md"
    target.write_bytes(b"v1")
    (tmp_path / "稿.bak.md").write_bytes(b"v1")
    assert write_atomic(target, b"v2", force=True) == tmp_path / "稿.bak.md"
    assert not (tmp_path / "稿.bak2.md").exists()


def test_permissions_follow_the_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "稿.md"
    target.write_bytes(b"v1")
    os.chmod(target, 0o640)
    write_atomic(target, b"v2", force=True)
    assert target.stat().st_mode & 0o777 == 0o640


_KILL_LOOP = """
import sys
from pathlib import Path
from drafter.output import write_atomic
target = Path(sys.argv[1])
i = 0
while True:
    i += 1
    write_atomic(target, (f"第{i}版" * 40000).encode(), force=True)
"""


def _complete(data: bytes) -> bool:
    text = data.decode()
    head = text[: text.index("版") + 1]
    return text == head * 40000


@posix_only
def test_sigkill_never_leaves_temp_files_or_partial_backups(tmp_path: Path) -> None:
    target = tmp_path / "稿.docx"
    target.write_bytes(("第0版" * 40000).encode())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(11)
    for _ in range(15):
        proc = subprocess.Popen([sys.executable, "-c", _KILL_LOOP, str(target)], env=env)
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    write_atomic(target, ("第9999版" * 40000).encode(), force=True)  # sweeps what the killed runs left
    names = os.listdir(tmp_path)
    assert not [n for n in names if n.startswith(TEMP_PREFIX)]
    for name in names:
        assert _complete((tmp_path / name).read_bytes()), name


@posix_only
def test_sweep_keeps_temp_files_of_live_processes(tmp_path: Path) -> None:
    mine = tmp_path / f"{TEMP_PREFIX}x-{os.getpid()}-a.tmp"
    mine.write_bytes(b"")
    sweep_stale(tmp_path)
    assert mine.exists()


class _Facts:
    path = Path("/tmp/x.yaml")
    year = 2024
    kind = "书记述职"

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def get(self, key: str) -> str | None:
        return self.unit if key == "单位.简称" else None


def test_default_name_drops_invisible_and_reordering_characters() -> None:
    name = default_name(_Facts("某局\u202e\u200b\u200d\ufeff党委"), "docx")  # type: ignore[arg-type]
    assert name == "某局党委2024年度述职报告.docx"


@pytest.fixture
def small_disk(tmp_path: Path) -> object:
    """A 256 KB tmpfs (needs root and a kernel that allows mounting; skipped elsewhere)."""
    mount_point = tmp_path / "小盘"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_keeps_the_old_draft_and_leaves_nothing(small_disk: Path) -> None:
    from click.testing import CliRunner
    from conftest import FACTS

    from drafter.cli import cli

    facts = small_disk.parent / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    old = small_disk / "稿.md"
    old.write_bytes(b"my edited draft")
    (small_disk / "填充").write_bytes(b"\0" * (256 * 1024 - 8192))  # leaves less than a draft needs
    before = sorted(os.listdir(small_disk))
    result = CliRunner().invoke(
        cli, ["render", str(facts), "-o", str(old), "--force"], catch_exceptions=False
    )
    assert result.exit_code == 2, result.output
    assert "磁盘已满" in result.output and "No space" not in result.output
    assert old.read_bytes() == b"my edited draft"
    assert sorted(os.listdir(small_disk)) == before


def test_mine_on_a_full_disk_leaves_no_cut_off_file(small_disk: Path) -> None:
    from click.testing import CliRunner

    from drafter.cli import cli

    out = small_disk / "mined"
    (small_disk / "填充").write_bytes(b"\0" * (256 * 1024 - 40 * 1024))
    result = CliRunner().invoke(cli, ["mine", str(ROOT / "seeds"), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 2 and "磁盘已满" in result.output
    from drafter.mine.pipeline import MINE_HEADER

    for path in out.iterdir():  # the files written before the disk filled are whole
        assert not path.name.startswith(TEMP_PREFIX)
        text = path.read_text(encoding="utf-8")
        assert text.startswith(MINE_HEADER) or path.name == "REPORT.txt"
        if path.suffix == ".yaml":
            import yaml

            assert yaml.safe_load(text)["role"] == path.stem


_CLI_RACER = """
import os, sys, time
from drafter.cli import main
go = sys.argv[1]
open(go + "." + str(os.getpid()), "w").close()  # ready
while not os.path.exists(go):
    time.sleep(0.001)
main(sys.argv[2:])
"""


@posix_only
@pytest.mark.parametrize("force", [False, True])
def test_simultaneous_cli_renders_to_one_file(tmp_path: Path, force: bool) -> None:
    """The case from issue 11: many ``drafter render -o 稿.md`` at once (started together by a go-file)."""
    from conftest import FACTS

    target = tmp_path / "稿.md"
    if force:
        target.write_text("我改过的稿子", encoding="utf-8")
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = []
    count = 6
    for i in range(count):
        facts = tmp_path / f"事实{i}.yaml"
        facts.write_text(FACTS.replace("某市发展和改革委员会", f"某市第{i}局"), encoding="utf-8")
        args = ["render", str(facts), "-o", str(target), *(["--force"] if force else [])]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", _CLI_RACER, str(go), *args],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        )
    while len(list(tmp_path.glob("go.*"))) < count:  # every process has imported the CLI and waits
        time.sleep(0.01)
    for ready in tmp_path.glob("go.*"):
        ready.unlink()
    go.touch()
    results = [(p.wait(120), p.stdout.read().decode(), p.stderr.read().decode()) for p in procs]  # type: ignore[union-attr]
    written = [out for code, out, _ in results if code == 0]
    assert all("Traceback" not in err for _, _, err in results)
    units = [f"某市第{i}局" for i in range(count)]
    versions = [p.read_text(encoding="utf-8") for p in tmp_path.glob("稿*.md")]
    if not force:
        assert len(written) == 1
        assert all(code == 2 and "文件已存在" in err for code, _, err in results if code != 0)
        assert sum(unit in versions[0] for unit in units) == 1
    else:
        assert len(written) == count
        # every version survives: the user's own plus one per run, in the draft or a backup
        assert len(versions) == count + 1 and "我改过的稿子" in versions
        assert sorted(next(u for u in units if u in v) for v in versions if v != "我改过的稿子") == sorted(
            units
        )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
