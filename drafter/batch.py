"""Batch drafting: every facts file of a folder (or glob) drafted in parallel, one bad file never stopping
the rest, plus the originality check across the batch.

Owns discovery of facts files, the worker that drafts and writes one file, the process pool and the
cross-draft comparison.  Nothing here prints: progress goes to a callback, results come back as data.
"""

from __future__ import annotations

import fnmatch
import gc
import importlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from drafter.errors import DrafterError, Location
from drafter.originality import Overlap, PairwiseShares, fingerprint

Status = Literal["ok", "warnings", "failed"]
# what draft_one imports: loaded in the parent before the workers fork
_WORKER_MODULES = ("drafter.output", "drafter.service", "drafter.writers.docx")
SIMILAR = 0.60  # pairs of drafts sharing more than this are flagged
FACTS_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path
    name: str  # the facts file relative to the batch folder, for reports
    fmt: str
    force: bool
    fragments_dir: Path | None = None
    templates_dir: Path | None = None
    seed: int | None = None
    target: int | None = None
    fonts: tuple[str, ...] = ()  # --font 级别=字体, as render takes them
    comments: bool = True


@dataclass
class FileResult:
    source: Path
    name: str
    output: Path | None
    status: Status
    message: str = ""
    chars: int = 0
    placeholders: int = 0
    warnings: list[str] = field(default_factory=list)
    fingerprint: frozenset[int] = frozenset()


@dataclass
class BatchResult:
    results: list[FileResult]
    similar: list[Overlap]

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)


def _walk(root: Path, depth: int | None = None) -> Iterable[Path]:
    """Every regular facts file under ``root`` (at most ``depth`` folders down); symlinked folders are not
    entered, so a link loop cannot hang."""
    for folder, dirs, names in os.walk(root, followlinks=False):
        if depth is not None and len(Path(folder).relative_to(root).parts) >= depth:
            dirs.clear()
        dirs.sort()
        for name in names:
            candidate = Path(folder) / name
            if candidate.suffix.lower() in FACTS_SUFFIXES and candidate.is_file():
                yield candidate


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern (``*``, ``?``, ``[...]`` within one folder name, ``**`` across folders) as a regex."""
    out = []
    for token in re.findall(r"\*\*/|\*\*|\*|\?|\[[^\]]+\]|.", pattern, flags=re.S):
        if token == "**/":
            out.append("(?:[^/]*/)*")
        elif token == "**":
            out.append(".*")
        elif token == "*":
            out.append("[^/]*")
        elif token == "?":
            out.append("[^/]")
        elif len(token) > 1:  # a [...] class, as fnmatch reads it
            out.append(fnmatch.translate(token)[4:-3])
        else:
            out.append(re.escape(token))
    return re.compile("".join(out) + r"\Z")


def _glob(spec: str) -> list[Path]:
    """Files matching a glob pattern, found by :func:`_walk` from the pattern's fixed leading folders."""
    parts = Path(spec).parts
    fixed = 0
    while fixed < len(parts) - 1 and not any(ch in parts[fixed] for ch in "*?["):
        fixed += 1
    root = Path(*parts[:fixed]) if fixed else Path(".")
    rest = "/".join(parts[fixed:])
    regex = _pattern_regex(rest)
    if not root.is_dir():
        return []
    depth = None if "**" in rest else rest.count("/")
    return [p for p in _walk(root, depth) if regex.match(p.relative_to(root).as_posix())]


def discover(spec: str | Path) -> tuple[Path, list[Path]]:
    """(base folder, facts files) for a folder (searched recursively), a glob pattern or one file."""
    path = Path(spec)
    if path.is_dir():
        files = sorted(_walk(path))
        base = path
    elif path.is_file():
        files, base = [path], path.parent
    else:
        files = sorted(_glob(str(spec)))
        base = Path(os.path.commonpath([str(p.parent) for p in files])) if files else Path(".")
    if not files:
        raise DrafterError(
            "没有找到事实文件（.yaml）",
            location=Location(str(spec)),
            hint="给出一个文件夹（会查找其中所有 .yaml 文件），或如 '支部/*.yaml' 的通配符",
        )
    return base, files


def plan_jobs(
    spec: str | Path,
    outdir: Path,
    fmt: str,
    *,
    force: bool = False,
    fragments_dir: Path | None = None,
    templates_dir: Path | None = None,
    seed: int | None = None,
    target: int | None = None,
    fonts: tuple[str, ...] = (),
    comments: bool = True,
) -> list[Job]:
    """One job per facts file; outputs mirror the input folders under ``outdir``, named after the file."""
    base, files = discover(spec)
    if outdir.exists() and not outdir.is_dir():
        raise DrafterError(
            "输出位置是一个文件，不是文件夹", location=Location(outdir), hint="-o 后面写一个文件夹"
        )
    jobs = []
    for source in files:
        try:
            relative = source.relative_to(base)
        except ValueError:
            relative = Path(source.name)
        jobs.append(
            Job(
                source,
                (outdir / relative).with_suffix(f".{fmt}"),
                relative.as_posix(),
                fmt,
                force,
                fragments_dir,
                templates_dir,
                seed,
                target,
                fonts,
                comments,
            )
        )
    _refuse_collisions(jobs)
    return jobs


def _refuse_collisions(jobs: list[Job]) -> None:
    """Two facts files that would write one draft (一支部.yaml and 一支部.yml, or names differing only in
    case, which Windows and macOS treat as one file): refuse before drafting anything, naming both."""
    seen: dict[str, Job] = {}
    for job in jobs:
        key = os.path.normcase(str(job.output)).casefold()
        if key in seen:
            raise DrafterError(
                f"“{seen[key].name}”和“{job.name}”会写成同一份稿子“{job.output.name}”，没有起草",
                location=Location(job.source),
                hint="给其中一个文件改名（例如加上支部名），或删掉重复的那个",
            )
        seen[key] = job


def draft_one(job: Job) -> FileResult:
    """Draft and write one facts file; every failure becomes a ``failed`` result, never an exception."""
    from drafter.output import write_atomic
    from drafter.pipeline import Options
    from drafter.service import produce

    try:
        from drafter.writers.docx import Fonts

        options = Options(job.fragments_dir, job.templates_dir, job.seed, job.target)
        fonts = Fonts.from_options(job.fonts) if job.fonts else None
        product = produce(job.source, options, fmt=job.fmt, fonts=fonts, comments=job.comments)
        result = product.draft
        job.output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(job.output, product.data, force=job.force)
    except DrafterError as exc:
        return FileResult(job.source, job.name, None, "failed", exc.format())
    except Exception as exc:  # a bug must not stop the other files; it is reported per file
        return FileResult(job.source, job.name, None, "failed", f"内部错误：{type(exc).__name__}: {exc}")
    warnings = [d.message for d in result.diagnostics if d.severity != "info"]
    doc = result.document
    return FileResult(
        job.source,
        job.name,
        job.output,
        "warnings" if warnings or doc.placeholders else "ok",
        "",
        doc.total_chars,
        len(doc.placeholders),
        warnings,
        fingerprint(doc.text),
    )


def _draft_many(jobs: list[Job]) -> list[FileResult]:
    return [draft_one(job) for job in jobs]


def _chunks(jobs: list[Job], workers: int) -> Iterable[list[Job]]:
    """The jobs in pieces for the workers: up to 16 at a time, and the last few pieces a quarter of that, so
    that no worker sits idle for long while another finishes its last piece."""
    size = max(1, min(16, len(jobs) // (workers * 8) or 1))
    tail = max(0, len(jobs) - 2 * workers * size)  # from here on, smaller pieces
    i = 0
    while i < len(jobs):
        step = size if i < tail else max(1, size // 4)
        yield jobs[i : i + step]
        i += step


def run(
    jobs: list[Job],
    *,
    workers: int = 0,
    progress: Callable[[FileResult], None] | None = None,
    similar: float = SIMILAR,
) -> BatchResult:
    """Draft every job on ``workers`` processes (0: one per core) and compare the drafts.  Every draft comes
    from the fragment library as it was when the batch started (:func:`drafter.pipeline.hold_libraries`)."""
    workers = workers or os.cpu_count() or 1
    results: list[FileResult] = []
    shares = PairwiseShares(similar)  # each draft compared with the earlier ones as it comes back

    def done(items: list[FileResult]) -> None:
        for item in items:
            results.append(item)
            if item.fingerprint:
                shares.add(item.name, item.fingerprint)
            if progress:
                progress(item)

    # every draft of the batch from the library as it was when the batch started
    from drafter.pipeline import cached_library, hold_libraries

    if workers == 1 or len(jobs) < 4:
        before = hold_libraries()
        try:
            for chunk in _chunks(jobs, 1):
                done(_draft_many(chunk))
        finally:
            hold_libraries(before)
    else:
        cached_library(jobs[0].fragments_dir)  # warm the cache once; forked workers inherit it
        for module in _WORKER_MODULES:  # and the code every draft runs, which each worker would load again
            importlib.import_module(module)
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        # the library and everything loaded so far are left out of the workers' garbage collections, which
        # would otherwise walk them again and again (and copy every page of them into each worker)
        gc.freeze()
        try:
            with ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=hold_libraries
            ) as pool:
                futures = [pool.submit(_draft_many, chunk) for chunk in _chunks(jobs, workers)]
                for future in as_completed(futures):
                    done(future.result())
        finally:
            gc.unfreeze()
    order = {job.source: i for i, job in enumerate(jobs)}
    results.sort(key=lambda r: order[r.source])
    return BatchResult(results, shares.overlaps())
