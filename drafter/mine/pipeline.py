"""The thin orchestrator of ``drafter mine``: clean → segment → classify → slotify → dedupe.

Owns reading the seed files, turning an outline into raw fragments (items, paragraph intros,
headings, opening and closing paragraphs), merging near-identical ones across seeds while keeping
every source, the shape of the raw output (one YAML per role, like the shipped fragments/ so that
curation is a diff), the --report text, and the checks on the output folder.  Nothing here prints:
progress goes to a callback, problems are :class:`DrafterError`.  Output is deterministic: files are
processed in sorted order, ids are content hashes, there are no timestamps.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import DrafterError, Location, OutputError, os_reason
from drafter.mine.classify import JW, KT, ROLES, classify
from drafter.mine.clean import CleanStats, clean
from drafter.mine.dedupe import dedupe
from drafter.mine.labels import LabelSet, Score, found_units, match
from drafter.mine.names import Names, find_names
from drafter.mine.segment import Outline, segment
from drafter.mine.slotify import Slot, slot_text, slotify
from drafter.textio import decode_bytes

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` after each file."""

PREFIX = {
    "思想建设": "sx",
    "组织建设": "zz",
    "党风廉政": "lz",
    "存在问题": "wt",
    "原因": "yy",
    "下一步": "xb",
    "开头": "kt",
    "结尾": "jw",
    "业务融合": "yw",
    "其他": "qt",
}
REPORT_NAME = "REPORT.txt"
OUTPUT_NAMES = frozenset({f"{r}.yaml" for r in ROLES} | {REPORT_NAME})


@dataclass
class Unit:
    """A raw piece found in one seed, before slotting and dedupe."""

    kind: str  # fragment | intro | heading
    role: str
    lead: str
    text: str
    confidence: float
    source: str


@dataclass
class Mined:
    """A mined fragment, intro or heading after slotting and dedupe."""

    kind: str
    role: str
    lead: str
    text: str
    slots: dict[str, Slot]
    specific: list[str]
    confidence: float
    sources: list[str]
    id: str = ""

    @property
    def unit_specific(self) -> bool:
        return not self.text and bool(self.specific)


@dataclass
class RoleOutput:
    role: str
    headings: list[Mined] = field(default_factory=list)
    intros: list[Mined] = field(default_factory=list)
    fragments: list[Mined] = field(default_factory=list)
    unit_specific: list[Mined] = field(default_factory=list)


@dataclass
class SeedReport:
    source: str
    title: str
    lines: int
    kept_lines: int
    stats: CleanStats
    headings: int
    items: int
    roles: dict[str, int]
    unit_specific: int


@dataclass
class MineResult:
    seeds: list[SeedReport] = field(default_factory=list)
    roles: dict[str, RoleOutput] = field(default_factory=dict)
    units: int = 0
    merged: int = 0
    outlines: dict[Path, list[Outline]] = field(default_factory=dict)  # resolved path → its documents


def display_path(path: Path) -> str:
    """The path as written in ``sources``: relative to the working folder when possible, with /."""
    try:
        return (
            Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix()
            if path.is_absolute()
            else path.as_posix()
        )
    except ValueError:  # another drive on Windows
        return path.as_posix()


def expand_paths(args: Iterable[str | Path]) -> list[Path]:
    """Files to mine: plain files, every .txt in a folder, and wildcards (cmd.exe does not expand them)."""
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            out.extend(sorted(path.glob("*.txt")))
        elif path.exists():
            out.append(path)
        elif any(ch in str(arg) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(arg)) if Path(m).is_file())
            if not matches:
                raise DrafterError(
                    f"没有与“{arg}”匹配的文件",
                    location=Location(str(arg)),
                    hint="检查路径和通配符，例如 seeds/*.txt",
                )
            out.extend(matches)
        else:
            raise DrafterError(
                "找不到要提取的材料文件",
                location=Location(path),
                hint="检查文件名；可以给出文件、文件夹或通配符（如 seeds/*.txt）",
            )
    unique = sorted({display_path(p): p for p in out}.items())
    if not unique:
        raise DrafterError("没有找到任何材料文件", hint="给出 .txt 文件、含 .txt 的文件夹或通配符")
    return [p for _, p in unique]


def read_seed(path: Path) -> str:
    """The text of a seed file, decoded as :func:`drafter.textio.decode_bytes` does."""
    if path.exists() and not path.is_dir() and not path.is_file():  # a FIFO or device would never end
        raise DrafterError(
            "这不是普通文件（是设备、管道等特殊文件），没有读取",
            location=Location(path),
            hint="给出 .txt 文件",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DrafterError(
            f"材料文件无法读取：{os_reason(exc)}",
            location=Location(path),
            hint="检查文件是否存在、是否有读取权限",
        ) from None
    decoded = decode_bytes(data)
    if decoded is None:
        raise DrafterError(
            "材料文件的编码无法识别", location=Location(path), hint="请另存为 UTF-8 编码的纯文本（.txt）"
        )
    return decoded[0]


def units_of(outline: Outline, source: str) -> list[Unit]:
    """Turn a classified outline into raw units: headings, paragraph intros and fragments."""
    out: list[Unit] = []

    def at(line: int) -> str:
        return f"{source}:{line}"

    for sec in outline.sections:
        if not sec.is_root and sec.heading:
            out.append(Unit("heading", sec.role, "", sec.heading, sec.confidence, at(sec.line)))
        leaf = not sec.children
        lead_used = False
        for para in sec.paragraphs:
            if para.items:
                if para.intro:
                    kind = "fragment" if para.role in (KT, JW) else "intro"
                    out.append(Unit(kind, para.role, "", para.intro, para.confidence, at(para.line)))
                for item in para.items:
                    out.append(
                        Unit(
                            "fragment",
                            item.role,
                            item.lead,
                            item.body or item.full,
                            item.confidence,
                            at(item.line),
                        )
                    )
            elif sec.is_root or para.tail or para.role in (KT, JW):
                out.append(Unit("fragment", para.role, "", para.text, para.confidence, at(para.line)))
            elif leaf and not lead_used:
                lead_used = True
                out.append(Unit("fragment", sec.role, sec.heading, para.text, sec.confidence, at(para.line)))
            else:
                out.append(Unit("intro", para.role, "", para.text, para.confidence, at(para.line)))
    return out


def _mined(unit: Unit, names: Names | None = None) -> Mined:
    if unit.kind == "heading":
        text, slots = slot_text(unit.text, names)
        return Mined(unit.kind, unit.role, "", text, slots, [], unit.confidence, [unit.source])
    s = slotify(unit.lead, unit.text, names)
    return Mined(unit.kind, unit.role, s.lead, s.text, s.slots, s.specific, unit.confidence, [unit.source])


def _source_key(source: str) -> tuple[str, int]:
    path, _, line = source.rpartition(":")
    return path, int(line) if line.isdigit() else 0


def _merge(items: list[Mined], threshold: float) -> list[Mined]:
    texts = [f"{m.lead}。{m.text}{''.join(m.specific)}" for m in items]
    out: list[Mined] = []
    for group in dedupe(texts, threshold):
        # show the fullest version (a paragraph copied into a longer item merges into that item)
        best = items[max(group, key=lambda k: (len(texts[k]), -k))]
        sources = sorted({s for k in group for s in items[k].sources}, key=_source_key)
        out.append(
            Mined(
                best.kind,
                best.role,
                best.lead,
                best.text,
                best.slots,
                best.specific,
                best.confidence,
                sources,
            )
        )
    return out


def _assign_ids(fragments: Iterable[Mined]) -> None:
    used: set[str] = set()
    for m in fragments:
        digest = hashlib.blake2b(
            f"{m.role}\n{m.lead}\n{m.text}\n{''.join(m.specific)}".encode(), digest_size=4
        ).hexdigest()
        base = f"m-{PREFIX.get(m.role, 'qt')}-{digest}"
        fid, n = base, 2
        while fid in used:
            fid, n = f"{base}-{n}", n + 1
        used.add(fid)
        m.id = fid


def _mine_one(source: str, path: Path) -> tuple[SeedReport, list[Mined], list[Outline]]:
    """Clean, segment, classify and slot one file (each sample text of a compilation on its own); its
    report line, its mined pieces and its outlines."""
    raw = read_seed(path)
    cleaned = clean(raw)
    outlines: list[Outline] = []
    found: list[Unit] = []
    mined_here: list[Mined] = []
    for doc in cleaned.documents():
        outline = classify(segment(doc))
        units = units_of(outline, source)
        names = find_names(outline.title, "\n".join(line.text for line in doc))
        outlines.append(outline)
        found.extend(units)
        mined_here.extend(_mined(u, names) for u in units)
    roles: dict[str, int] = {}
    for u in found:
        if u.kind == "fragment":
            roles[u.role] = roles.get(u.role, 0) + 1
    report = SeedReport(
        source=source,
        title=outlines[0].title,
        lines=len(raw.splitlines()),
        kept_lines=len(cleaned.lines),
        stats=cleaned.stats,
        headings=sum(1 for u in found if u.kind == "heading"),
        items=sum(1 for o in outlines for _ in o.items()),
        roles=roles,
        unit_specific=sum(1 for m in mined_here if m.kind == "fragment" and m.unit_specific),
    )
    return report, mined_here, outlines


def _by_role(merged: Iterable[Mined]) -> dict[str, RoleOutput]:
    roles = {r: RoleOutput(r) for r in ROLES}
    for m in merged:
        out = roles[m.role]
        if m.kind == "heading":
            out.headings.append(m)
        elif m.kind == "intro" and not m.unit_specific:
            out.intros.append(m)
        elif m.unit_specific:
            out.unit_specific.append(m)
        else:
            out.fragments.append(m)
    return roles


def mine(paths: Sequence[Path], progress: Progress | None = None) -> MineResult:
    """Mine the given seed files (in sorted order of their displayed path)."""
    result = MineResult()
    mined: list[Mined] = []
    files = sorted((display_path(p), p) for p in paths)
    for done, (source, path) in enumerate(files, start=1):
        report, mined_here, outlines = _mine_one(source, path)
        result.seeds.append(report)
        result.outlines[path.resolve()] = outlines
        mined.extend(mined_here)
        if progress is not None:
            progress(done, len(files), source)
    result.units = len(mined)
    merged: list[Mined] = []
    for kind, threshold in (("heading", 1.0), ("intro", 0.5), ("fragment", 0.5)):
        merged.extend(_merge([m for m in mined if m.kind == kind], threshold))
    result.merged = len(mined) - len(merged)
    _assign_ids(m for m in merged if m.kind == "fragment")
    result.roles = _by_role(merged)
    return result


def check_labels(result: MineResult, labels: LabelSet) -> tuple[Score, list[str]]:
    """Score the roles of the mined files against a label file; also the labelled files not mined."""
    score = Score()
    missing: list[str] = []
    for name, labs in labels.files.items():
        outlines = result.outlines.get((labels.folder / name).resolve())
        if outlines is None:
            missing.append(name)
            continue
        pairs, extras = match(labs, [f for o in outlines for f in found_units(o)])
        score.add(pairs, [f for f in extras if f.kind != "para"])
    if len(missing) == len(labels.files):
        raise DrafterError(
            "标注文件里列出的材料一份也没有在这次提取之中",
            location=Location(labels.path),
            hint="标注文件中 files: 下的文件名要与提取的材料一致（相对于 folder: 指定的文件夹）",
        )
    return score, missing


# ---- output -------------------------------------------------------------------------------------


class _FlowMap(dict[str, Any]):
    """A mapping written on one line: ``{kind: count, original: X}``."""


class _FlowList(list[str]):
    """A list written on one line: ``[seeds/001.txt:6, seeds/003.txt:8]``."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _slots_yaml(slots: dict[str, Slot]) -> dict[str, _FlowMap]:
    return {name: _FlowMap(kind=s.kind, original=s.original) for name, s in slots.items()}


def _variant_yaml(m: Mined) -> dict[str, Any]:
    out: dict[str, Any] = {"text": m.text or "".join(m.specific)}
    if m.slots:
        out["slots"] = _slots_yaml(m.slots)
    out["confidence"] = m.confidence
    out["sources"] = _FlowList(m.sources)
    return out


def _fragment_yaml(m: Mined) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": m.id,
        "lead": m.lead,
        "text": m.text or "".join(m.specific),
        "slots": _slots_yaml(m.slots),
        "unit_specific": m.unit_specific,
    }
    if m.specific and m.text:
        out["specific_sentences"] = list(m.specific)
    out["confidence"] = m.confidence
    out["sources"] = _FlowList(m.sources)
    return out


def role_yaml(out: RoleOutput) -> str:
    """The raw output file of one role (fixed key order, no timestamps)."""
    data: dict[str, Any] = {
        "role": out.role,
        "headings": [_variant_yaml(m) for m in out.headings],
        "intros": [_variant_yaml(m) for m in out.intros],
        "fragments": [_fragment_yaml(m) for m in out.fragments],
        "unit_specific": [_fragment_yaml(m) for m in out.unit_specific],
    }
    header = (
        f"# drafter mine 的原始输出：{out.role}。由程序生成，请勿手改；整理后的片段放入 fragments/。\n"
        "# headings：小标题；intros：条目前的引语；fragments：可复用片段；"
        "unit_specific：只适用于原单位的片段（不进入可复用集合）。\n"
    )
    body = yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000, default_flow_style=False
    )
    return header + body


def _stats_line(s: CleanStats) -> str:
    parts = [
        ("付费标记", s.paywall_markers, "处"),
        ("广告行", s.ad_lines, "行"),
        ("字数或隐藏提示", s.counters, "处"),
        ("付费提示行", s.paywall_lines, "行"),
        ("网站栏目", s.resource_lines, "行"),
        ("网址", s.addresses, "处"),
        ("页码", s.page_markers, "行"),
        ("目录", s.toc_lines, "行"),
        ("拼音注音", s.pinyin, "处"),
        ("繁体行", s.traditional_lines, "行"),
        ("标点改全角", s.punctuation, "处"),
    ]
    return "，".join(f"{name} {n} {unit}" for name, n, unit in parts)


def format_report(result: MineResult) -> str:
    """The --report text: what was found per seed and per role (deterministic)."""
    kept = sum(len(o.fragments) for o in result.roles.values())
    specific = sum(len(o.unit_specific) for o in result.roles.values())
    lines = [
        "drafter mine 提取报告",
        f"共 {len(result.seeds)} 份材料；提取 {result.units} 项（标题、引语、片段），"
        f"去重合并 {result.merged} 项；可复用片段 {kept} 条，单位特有片段 {specific} 条。",
        "",
        "一、逐份材料",
    ]
    for seed in result.seeds:
        lines.append(f"{seed.source}  《{seed.title or '（无标题）'}》")
        lines.append(f"  清理：原 {seed.lines} 行，保留 {seed.kept_lines} 行；{_stats_line(seed.stats)}")
        lines.append(f"  结构：小标题 {seed.headings} 个，一是/首先/①等条目 {seed.items} 个")
        per_role = "，".join(f"{r} {seed.roles[r]}" for r in ROLES if seed.roles.get(r))
        lines.append(f"  片段：{per_role or '无'}；其中单位特有 {seed.unit_specific} 条")
    lines += ["", "二、逐个角色（去重后）"]
    for role in ROLES:
        out = result.roles.get(role, RoleOutput(role))
        frags = out.fragments + out.unit_specific
        low = sum(1 for m in frags if m.confidence < 0.5)
        multi = sum(1 for m in frags if len(m.sources) > 1)
        lines.append(
            f"{role}：小标题 {len(out.headings)} 个，引语 {len(out.intros)} 条，可复用片段 "
            f"{len(out.fragments)} 条，单位特有 {len(out.unit_specific)} 条，"
            f"多处出现 {multi} 条，低置信（<0.5）{low} 条"
        )
    return "\n".join(lines) + "\n"


def output_files(result: MineResult) -> dict[str, str]:
    """File name → content of the whole raw output (one YAML per role and REPORT.txt)."""
    files = {f"{role}.yaml": role_yaml(result.roles.get(role, RoleOutput(role))) for role in ROLES}
    files[REPORT_NAME] = format_report(result)
    return files


MINE_HEADER = "# drafter mine 的原始输出"


def _is_mine_output(path: Path) -> bool:
    """True if ``path`` is a raw output file an earlier ``drafter mine`` wrote (its first line says so)."""
    if path.name == REPORT_NAME:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(len(MINE_HEADER.encode("utf-8"))) == MINE_HEADER.encode("utf-8")
    except OSError:
        return False


def _is_backup(name: str) -> bool:
    """``思想建设.bak.yaml``, ``思想建设.bak2.yaml``: a backup an earlier forced run kept."""
    stem, dot, rest = name.partition(".bak")
    number, _, suffix = rest.partition(".")
    return (
        bool(dot)
        and (number == "" or (number.isdigit() and number[0] != "0"))
        and f"{stem}.{suffix}" in OUTPUT_NAMES
    )


def check_output_dir(folder: Path, force: bool = False) -> None:
    """Refuse a folder that is a file, holds other files, or holds a fragment library (files named like the
    output that an earlier mine run did not write, e.g. a curated fragments/ folder), unless ``force``."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            "输出路径是一个文件，不是文件夹",
            location=Location(folder),
            hint="-o 后面写一个文件夹，例如 -o mined",
        )
    if not folder.exists() or force:
        return
    foreign = sorted(
        p.name
        for p in folder.iterdir()
        if p.name not in OUTPUT_NAMES and not p.name.startswith(".") and not _is_backup(p.name)
    )
    if foreign:
        shown = "、".join(foreign[:5]) + ("等" if len(foreign) > 5 else "")
        raise OutputError(
            f"输出文件夹不是空的，也不像上次提取的结果（有 {shown}）",
            location=Location(folder),
            hint="换一个空文件夹；确需写入请加 --force（原有的文件会备份为 .bak.yaml）",
        )
    library = sorted(p.name for p in folder.iterdir() if p.name in OUTPUT_NAMES and not _is_mine_output(p))
    if library:
        shown = "、".join(library[:5]) + ("等" if len(library) > 5 else "")
        raise OutputError(
            f"输出文件夹里是一个片段库（{shown}），不是上次提取的结果，没有写入",
            location=Location(folder),
            hint="换一个空文件夹，例如 -o mined；确需写入请加 --force（原有的文件会备份为 .bak.yaml）",
        )


def write_output(result: MineResult, folder: Path, force: bool = False) -> list[Path]:
    """Write the raw output into ``folder`` (created if needed), each file atomically; returns the written
    files.  Files of an earlier mine run are replaced; any other file of the same name is backed up first."""
    from drafter.output import write_atomic

    check_output_dir(folder, force)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"无法建立输出文件夹：{os_reason(exc)}",
            location=Location(folder),
            hint="检查文件夹权限，或换一个 -o 路径",
        ) from None
    written = []
    for name, content in output_files(result).items():
        path = folder / name
        write_atomic(path, content.encode("utf-8"), force=True, backup=not _is_mine_output(path))
        written.append(path)
    return written
