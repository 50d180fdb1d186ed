"""README.md names files and folders of the repository (in backticks, code blocks, links and images): each
one must exist, so a renamed or deleted file cannot leave the README pointing at nothing.

What counts as a repository name:
- a link or image target that is not a URL: exactly, from the repository root;
- a path in backticks whose first folder is one of the repository's top-level entries (``bench/RESULTS.md``,
  ``python samples/regenerate.py``): exactly, from the root, in inline code and in code blocks alike;
- another path in inline code (``static/page.js`` in a paragraph about ``drafter/serve/``): the end of some
  repository path;
- a bare file name in inline code with a source-like suffix (``facts.py``, ``主题.yaml``): the name of some
  repository file.
``<placeholders>`` and ``*`` match any one name.  The user's own files in examples (``述职事实.yaml``, any
.docx, backups) are not the repository's: code blocks are checked for root paths only, and the few inline
names that are the user's are listed in ``NOT_IN_REPOSITORY``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# Inline names in README that are the user's files and folders, or made when drafter is installed.
NOT_IN_REPOSITORY = frozenset(
    {
        "述职事实.yaml",  # the facts file every example works on
        "一支部.yaml",  # a user's facts file in the batch section
        ".venv/bin/activate",  # the virtual environment the install command makes
        "各支部/**/*.yaml",  # a user's folder in the batch section
        "drafter/_data/",  # templates/ and fragments/ as copied into the wheel
    }
)
# Names README gives that no longer exist, reported to whoever edits README: the Layout paragraph still calls
# the Word writer `docx.py`, which is now the package drafter/writers/docx/.  Empty this list with that fix.
STALE_IN_README: list[str] = []
# Bare names with these suffixes are checked; documents (.docx, .txt, .bat) in examples are the user's.
SOURCE_SUFFIXES = (".py", ".yaml", ".j2", ".tsv", ".md", ".html", ".js", ".css", ".png", ".toml", ".json")
# Tool folders that are not part of the repository even when present in a checkout.
SKIPPED_FOLDERS = frozenset(
    {
        ".git",
        ".venv",
        "venv",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".hypothesis",
        "build",
        "dist",
    }
)

_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_INLINE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\b(?:src|href)=\"([^\"]+)\"")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")
_PLACEHOLDER = re.compile(r"<[^<>/]*>")
# A run of name characters (\w includes Chinese) with optional /-separated parts; not the tail of an
# absolute, home or Windows path (/dev/zero, ~/.cache, %USERPROFILE%\bin).
_TOKEN = re.compile(r"(?<![\w./~%\\*-])[\w.*-]+(?:/[\w.*-]*)*")


@dataclass
class Names:
    """Names README gives, by how they are checked."""

    links: list[str] = field(default_factory=list)
    rooted: list[str] = field(default_factory=list)
    relative: list[str] = field(default_factory=list)
    bare: list[str] = field(default_factory=list)


def repository_paths(root: Path) -> set[str]:
    """Every file (``a/b.py``) and folder (``a/``) below ``root``, relative and with forward slashes."""
    paths: set[str] = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIPPED_FOLDERS and not d.endswith(".egg-info")]
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        paths.update(prefix + d + "/" for d in dirs)
        paths.update(prefix + f for f in files)
    return paths


def split_markdown(text: str) -> tuple[str, str]:
    """The text outside fenced code blocks and the text inside them."""
    outside: list[str] = []
    inside: list[str] = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        (inside if fenced else outside).append(line)
    return "\n".join(outside), "\n".join(inside)


def _tokens(code: str) -> list[str]:
    code = _PLACEHOLDER.sub("*", _URL.sub(" ", code))
    return [t for t in _TOKEN.findall(code) if t not in (".", "..")]


def readme_names(text: str, top_level: set[str]) -> Names:
    """The repository names ``text`` (a README) gives, sorted by how each must be checked."""
    names = Names()
    outside, inside = split_markdown(text)
    for match in _LINK.finditer(outside):
        target = (match.group(1) or match.group(2)).split("#", 1)[0]
        if target and not _URL.match(target) and not target.startswith(("mailto:", "/")):
            names.links.append(target)
    spans = [(span, True) for span in _INLINE.findall(outside)] + [(inside, False)]
    for code, inline in spans:
        for token in _tokens(code):
            if token in NOT_IN_REPOSITORY:
                continue
            if "/" in token and token.split("/", 1)[0] + "/" in top_level:
                names.rooted.append(token)
            elif "/" in token and inline:
                names.relative.append(token)
            elif inline and _is_source_name(token):
                names.bare.append(token)
    return names


def _is_source_name(token: str) -> bool:
    return token.endswith(SOURCE_SUFFIXES) and not token.startswith(".") and ".bak" not in token


def _matches(pattern: str, paths: set[str]) -> bool:
    if not any(c in pattern for c in "*?["):
        return pattern in paths
    return any(fnmatch.fnmatchcase(p, pattern) for p in paths)


def missing_names(names: Names, paths: set[str]) -> list[str]:
    """The names no repository path answers, each with how it was looked for."""
    files = {p for p in paths if not p.endswith("/")}
    basenames = {p.rsplit("/", 1)[-1] for p in files}
    missing = [
        f"{n}（链接）"
        for n in names.links
        if not (_matches(n, paths) or _matches(n.rstrip("/") + "/", paths))
    ]
    missing += [f"{n}（从仓库根目录）" for n in names.rooted if not _matches(n, paths)]
    missing += [
        f"{n}（某个文件夹下）"
        for n in names.relative
        if not (_matches(n, paths) or _matches("*/" + n, paths))
    ]
    missing += [f"{n}（文件名）" for n in names.bare if n not in basenames]
    return missing


def test_every_file_the_readme_names_exists() -> None:
    paths = repository_paths(ROOT)
    top_level = {p for p in paths if p.count("/") == 1 and p.endswith("/")}
    names = readme_names(README.read_text(encoding="utf-8"), top_level)
    # the README names files in each of the four ways; if one list is empty, the scanner has lost track of it
    assert names.links and names.rooted and names.relative and names.bare
    assert missing_names(names, paths) == STALE_IN_README


SAMPLE = """\
See `bench/RESULTS.md`, `python samples/run.py --quick` and ![shot](docs/shot.png "a shot").
The page (`drafter/serve/page.html`, `static/page.js`) and `facts.py`; `templates/<报告类型>/kind.yaml`.
Not ours: `述职事实.yaml`, `稿.bak.docx`, `/dev/zero`, `~/.cache/drafter`, [site](https://example.org/a/b.md),
`https://example.org/x.py`, `.bak2.yaml`, `D:\\述职\\述职事实.yaml`.

```
drafter batch 各支部事实/ -o 输出/    # templates/主题.yaml
drafter render 述职事实.yaml -o 稿.docx
```
"""
SAMPLE_TREE = {
    "bench/",
    "bench/RESULTS.md",
    "samples/",
    "samples/run.py",
    "docs/",
    "docs/shot.png",
    "drafter/",
    "drafter/serve/",
    "drafter/serve/page.html",
    "drafter/serve/static/",
    "drafter/serve/static/page.js",
    "drafter/facts.py",
    "templates/",
    "templates/会议/",
    "templates/会议/kind.yaml",
    "templates/主题.yaml",
}


def _sample_top_level() -> set[str]:
    return {p for p in SAMPLE_TREE if p.count("/") == 1 and p.endswith("/")}


def test_scanner_sorts_names_and_skips_user_files_and_urls() -> None:
    names = readme_names(SAMPLE, _sample_top_level())
    assert names.links == ["docs/shot.png"]
    assert names.rooted == [
        "bench/RESULTS.md",
        "samples/run.py",
        "drafter/serve/page.html",
        "templates/*/kind.yaml",
        "templates/主题.yaml",
    ]
    assert names.relative == ["static/page.js"]
    assert names.bare == ["facts.py"]
    assert missing_names(names, SAMPLE_TREE) == []


def test_scanner_reports_each_kind_of_missing_name() -> None:
    names = readme_names(SAMPLE, _sample_top_level())
    tree = SAMPLE_TREE - {
        "docs/shot.png",
        "samples/run.py",
        "templates/会议/kind.yaml",
        "drafter/serve/static/page.js",
        "drafter/facts.py",
    }
    assert missing_names(names, tree) == [
        "docs/shot.png（链接）",
        "samples/run.py（从仓库根目录）",
        "templates/*/kind.yaml（从仓库根目录）",
        "static/page.js（某个文件夹下）",
        "facts.py（文件名）",
    ]


COVERAGE_ROLES = ("思想建设", "组织建设", "党风廉政", "业务融合", "存在问题", "原因", "下一步")


def test_the_coverage_table_counts_the_library_as_it_is() -> None:
    """README's 片段库覆盖 table and the sentence under it give the library's counts: each row is what the
    library holds now (a fragment counts for every unit type it lists), so adding fragments without updating
    README fails here instead of leaving stale numbers for users."""
    from drafter.library import load_library

    lib = load_library()
    text = README.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+?)(?:（各类单位都可用）)? \| ((?:\d+ \| ){8})", text, flags=re.M)
    assert len(rows) >= 11, rows
    for utype, cells in rows:
        numbers = [int(n) for n in cells.split("|") if n.strip()]
        counts = [sum(utype in f.unit_types for f in lib.fragments(role)) for role in COVERAGE_ROLES]
        assert numbers == [*counts, sum(counts)], (utype, numbers, counts)
    total = sum(len(lib.fragments(r)) for r in lib.roles)
    sentence = (
        f"片段库共 {total} 条片段（每条 2–3 种说法；其中开头 {len(lib.fragments('开头'))} 条、"
        f"结尾 {len(lib.fragments('结尾'))} 条、原因 {len(lib.fragments('原因'))} 条），"
        f"另有标题组 {len(lib.families)} 组"
    )
    assert sentence in text, sentence
    intros = sum(len(lib.intros(r)) for r in lib.roles)
    assert f"章节引语 {intros} 句" in text, intros
