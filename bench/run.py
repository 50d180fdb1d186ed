"""Benchmarks for drafter (not part of the test suite): ``python bench/run.py [--quick]``.

Measures, in one run on one machine, and writes bench/RESULTS.md:

1. cold CLI: ``drafter render SAMPLE -o x.docx`` against ``python -c "import docx"`` (target ≤ 2.0×);
2. one draft in-process to .docx against writing the same paragraphs with plain python-docx (≤ 1.5×)
   and against docxtpl rendering the same text (≤ 1.0×; needs ``pip install docxtpl``);
3. a batch of 1,000 generated facts files on 2 cores: drafts per second and peak RSS (≥ 100/s, ≤ 200 MB);
4. ``drafter mine`` over 100, 1,000 and 10,000 generated report texts: MB/s, and whether time grows
   linearly.

Timings are medians of repeated runs (wall clock); the machine and Python are recorded with the results.
Sections 1-3 draft and write through :mod:`drafter.service` (``drafter render`` and ``drafter batch`` in a
subprocess, :func:`drafter.service.produce` in-process), the one path the commands use.  The drafter measured is
the checkout this script is in (it goes first on ``sys.path`` and ``PYTHONPATH``), not whichever is installed.
``--only 1,2`` runs some sections and replaces just those in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's drafter, in-process and (by PYTHONPATH below) in subprocesses
SAMPLE = ROOT / "samples" / "市发改委党组书记.yaml"
DRAFTER = shutil.which("drafter") or "drafter"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# as a user's shell runs it: bytecode may be written (some tool environments forbid it), and drafter's
# on-disk cache lives in a fresh folder of its own
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])


def run_quiet(cmd: list[str], cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)


def bench_cold_cli(work: Path, repeat: int) -> dict[str, float]:
    out = work / "x.docx"
    ENV["DRAFTER_CACHE_DIR"] = str(work / "cache")
    render = [DRAFTER, "render", str(SAMPLE), "-o", str(out), "--force"]
    base = median_time(lambda: run_quiet([sys.executable, "-c", "import docx"], work), repeat)
    first = median_time(lambda: run_quiet(render, work), 1)  # fills drafter's cache
    cold = median_time(lambda: run_quiet(render, work), repeat)
    return {
        "import docx (s)": base,
        "first drafter render, empty cache (s)": first,
        "drafter render (s)": cold,
        "ratio": cold / base,
    }


def bench_in_process(repeat: int) -> dict[str, float]:
    import docx

    from drafter.service import produce

    produce(SAMPLE)  # warm caches as a long-running process would
    paragraphs = [b.text for b in produce(SAMPLE).document.blocks]

    def ours() -> bytes:  # what drafter render writes, from the same service
        return produce(SAMPLE, fmt="docx").data

    def plain() -> bytes:
        d = docx.Document()
        for text in paragraphs:
            d.add_paragraph(text)
        buffer = io.BytesIO()
        d.save(buffer)
        return buffer.getvalue()

    result = {
        "drafter draft+docx (s)": median_time(ours, repeat),
        "plain python-docx (s)": median_time(plain, repeat),
    }
    result["ratio vs python-docx"] = result["drafter draft+docx (s)"] / result["plain python-docx (s)"]
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        result["docxtpl"] = float("nan")
        return result
    template = docx.Document()
    template.add_paragraph("{%p for p in paras %}")
    template.add_paragraph("{{ p }}")
    template.add_paragraph("{%p endfor %}")
    buffer = io.BytesIO()
    template.save(buffer)
    blob = buffer.getvalue()

    def tpl() -> bytes:
        t = DocxTemplate(io.BytesIO(blob))
        t.render({"paras": paragraphs})
        out = io.BytesIO()
        t.save(out)
        return out.getvalue()

    result["docxtpl (s)"] = median_time(tpl, repeat)
    result["ratio vs docxtpl"] = result["drafter draft+docx (s)"] / result["docxtpl (s)"]
    return result


UNIT_TYPES = ["机关", "国企", "街道/社区", "学校", "医院", "村", "非公", "通用"]


def generated_facts(i: int) -> str:
    rng = random.Random(i)
    kind = "党建工作总结" if i % 5 == 0 else "书记述职"
    return f"""报告类型: {kind}
年度: {rng.choice([2023, 2024, 2025])}
报告日期: 2025年1月{rng.randint(1, 28)}日
单位: {{全称: 某市第{i}党支部, 简称: 第{i}支部, 自称: 我支部, 党组织: 党支部, 上级党委: 机关党委, 类型: {rng.choice(UNIT_TYPES)}}}
述职人: {{姓名: 某{i}, 职务: 党支部书记}}
思想建设: {{中心组学习次数: {rng.randint(4, 24)}, 第一议题学习次数: {rng.randint(6, 30)}, 谈心谈话次数: {rng.randint(10, 200)}}}
组织建设: {{党员数: {rng.randint(5, 300)}, 入党积极分子数: {rng.randint(2, 9)}, 发展党员数: {rng.randint(0, 2)}, 三会一课次数: {rng.randint(20, 80)}}}
党风廉政: {{警示教育次数: {rng.randint(1, 8)}, 廉政谈话人次: {rng.randint(5, 60)}}}
"""


def bench_batch(work: Path, count: int, jobs: int) -> dict[str, float]:
    src = work / "batch-in"
    src.mkdir()
    for i in range(count):
        (src / f"支部{i:05d}.yaml").write_text(generated_facts(i), encoding="utf-8")
    out = work / "batch-out"
    cmd = [DRAFTER, "batch", str(src), "-o", str(out), "-j", str(jobs)]
    code = (
        "import resource, subprocess, sys, time; t=time.perf_counter(); "
        f"p=subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "d=time.perf_counter()-t; r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
        "print(d, r, p.returncode)"
    )
    elapsed, rss_kb, rc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=ENV
    ).stdout.split()
    written = len(list(out.rglob("*.docx")))
    return {
        "files": count,
        "written": written,
        "exit code": int(rc),
        "seconds": float(elapsed),
        "drafts per second": written / float(elapsed),
        "peak RSS of one process (MB)": int(rss_kb) / 1024,
    }


def generated_report(i: int, seeds: list[str]) -> str:
    rng = random.Random(i)
    lines = rng.choice(seeds).splitlines()
    rng.shuffle(lines[2:])
    return "\n".join(lines).replace("2023", str(rng.randint(2019, 2025)))


def bench_mine(work: Path, sizes: list[int]) -> list[dict[str, float]]:
    from drafter.mine.pipeline import mine

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rows = []
    for size in sizes:
        folder = work / f"mine-{size}"
        folder.mkdir()
        paths = []
        total = 0
        for i in range(size):
            text = generated_report(i, seeds)
            path = folder / f"r{i:05d}.txt"
            path.write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
            paths.append(path)
        start = time.perf_counter()
        mine(paths)
        seconds = time.perf_counter() - start
        rows.append(
            {
                "texts": size,
                "MB": total / 1e6,
                "seconds": seconds,
                "MB/s": total / 1e6 / seconds,
                "ms per text": 1000 * seconds / size,
            }
        )
    return rows


def table(rows: list[dict[str, float]] | dict[str, float]) -> str:
    if isinstance(rows, dict):
        rows = [rows]
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        lines.append(
            "| "
            + " | ".join(f"{row[k]:.3f}" if isinstance(row[k], float) else str(row[k]) for k in keys)
            + " |"
        )
    return "\n".join(lines)


SECTIONS = (1, 2, 3, 4)


def sections_arg(text: str) -> list[int]:
    try:
        chosen = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError("sections are numbers, e.g. --only 1,2") from None
    if not chosen or any(n not in SECTIONS for n in chosen):
        raise argparse.ArgumentTypeError(f"sections are {', '.join(map(str, SECTIONS))}")
    return chosen


def run_sections(only: list[int], repeat: int, batch_size: int, mine_sizes: list[int]) -> dict[int, str]:
    """The Markdown of each section run, by number."""
    out: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if 1 in only:
            cold = bench_cold_cli(work, repeat)
            print("cold CLI", cold, flush=True)
            out[1] = f"## 1. Cold CLI (target ≤ 2.0×)\n{table(cold)}\n"
        if 2 in only:
            warm = bench_in_process(repeat * 2)
            print("in-process", warm, flush=True)
            out[2] = (
                f"## 2. One draft in-process (targets ≤ 1.5× python-docx, ≤ 1.0× docxtpl)\n{table(warm)}\n"
            )
        if 3 in only:
            batch = bench_batch(work, batch_size, 2)
            print("batch", batch, flush=True)
            out[3] = (
                f"## 3. Batch of {batch_size} generated facts files on 2 cores (targets ≥ 100 drafts/s, ≤ 200 MB)\n"
                f"{table(batch)}\n"
            )
        if 4 in only:
            mined = bench_mine(work, mine_sizes)
            print("mine", mined, flush=True)
            per_text = [row["ms per text"] for row in mined]
            linear = max(per_text) / min(per_text) < 1.5
            out[4] = (
                f"## 4. `drafter mine` over generated report texts (target: linear time)\n{table(mined)}\n\n"
                f"Time per text stays within 1.5× across sizes: {'yes' if linear else 'no'}.\n"
            )
    return out


def replace_sections(text: str, sections: dict[int, str], note: str) -> str:
    """``text`` (an earlier RESULTS.md) with the numbered sections run now in place of the old ones."""
    for number, body in sections.items():
        pattern = re.compile(rf"^## {number}\. .*?(?=^## |\Z)", re.S | re.M)
        new = f"{body}\n{note}\n\n"
        found = pattern.search(text)
        before, after = (
            (text[: found.start()], text[found.end() :]) if found else (text.rstrip("\n") + "\n\n", "")
        )
        text = before + new + after
    return text.rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument(
        "--only",
        type=sections_arg,
        default=list(SECTIONS),
        metavar="N[,N…]",
        help="run only these sections (1 cold CLI, 2 in-process, 3 batch, 4 mine) and replace just those",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    batch_size = 100 if args.quick else 1000
    mine_sizes = [10, 100, 300] if args.quick else [100, 1000, 10000]
    sections = run_sections(args.only, repeat, batch_size, mine_sizes)
    cpu = platform.processor() or platform.machine()
    machine = f"{platform.system()} {platform.machine()} ({cpu}), {os.cpu_count()} cores, Python {platform.python_version()}"
    if args.only != list(SECTIONS) and args.output.exists():
        command = (
            f"python bench/run.py --only {','.join(map(str, args.only))}{' --quick' if args.quick else ''}"
        )
        note = f"Re-run alone with `{command}` on {machine}; medians of {repeat} runs."
        report = replace_sections(args.output.read_text(encoding="utf-8"), sections, note)
    else:
        report = f"""# Benchmark results

Run with `python bench/run.py{" --quick" if args.quick else ""}` on {platform.system()} {platform.machine()} ({cpu}),
{os.cpu_count()} cores, Python {platform.python_version()}. Wall-clock medians of {repeat} runs.

""" + "\n".join(sections[n] for n in sorted(sections))
    args.output.write_text(report, encoding="utf-8")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
