"""Label files for ``drafter mine``: reading them, matching labels to mined segments, scoring roles.

A label file is YAML (UTF-8 or GBK)::

    folder: 材料            # optional: where the files are, relative to the label file
    heldout: [r07.txt]      # optional: files kept aside while building the classifier
    files:
      r01.txt:
        - [heading, 9, 聚焦政治引领, 思想建设]     # kind, line, start of the text, role
        - [item, 10, 落实“第一议题”制度, 思想建设]

A label names a segment by its line in the file and the first characters of its text as written
(without a heading's number or an item's 一是); the kind (heading | item | para) is informative.  A
label matches the segment found on that line whose text starts the same way (compared after cleaning,
on letters and digits only).  A label that matches nothing was *merged* into another segment (or
lost); a segment that no label names is *extra*.  Owns the format, :func:`found_units` (the segments
of a classified outline, with their full text for training), :func:`match` and :class:`Score`
(accuracy, per-role precision and recall, confusion matrix) and its Chinese report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError, Location
from drafter.mine.clean import clean_line
from drafter.mine.roles import ROLES
from drafter.mine.segment import Outline
from drafter.yamlio import FileKind, load, read_text

KINDS = ("heading", "item", "para")
LABEL_FILE = FileKind(
    "标注文件",
    DrafterError,
    missing_hint="检查 --labels 后面的路径",
    example="参照 README 的“核对提取得准不准”一节",
    any_encoding=True,
)
_KEY_DROP = re.compile(r"[\W_]+")
_PREFIX = 8


@dataclass(frozen=True)
class Label:
    file: str
    kind: str
    line: int
    start: str
    role: str

    @property
    def key(self) -> str:
        return text_key(_MARKER.sub("", self.start.strip()))


# a heading number or item marker copied into a label's start (“一、聚焦……”, “一是落实……”) is ignored
_MARKER = re.compile(
    r"^(?:[（(〔【]?[一二三四五六七八九十\d]{1,3}[、.．）)〕】]|[一二三四五六七八九十]是|首先|其次|再次|最后|"
    r"第[一二三四五六七八九十][，、]|[①-⑳])\s*"
)


@dataclass
class LabelSet:
    path: Path
    folder: Path
    files: dict[str, list[Label]]
    heldout: frozenset[str] = frozenset()

    def labels(self) -> list[Label]:
        return [lab for labs in self.files.values() for lab in labs]


@dataclass(frozen=True)
class Found:
    """A segment found in a classified outline."""

    kind: str
    line: int
    text: str  # the heading, the item's lead, the paragraph (or its intro before the items)
    full: str  # everything the classifier read for it: item lead + body, the whole paragraph
    role: str

    @property
    def key(self) -> str:
        return text_key(_MARKER.sub("", self.text))


def text_key(text: str) -> str:
    """The text cleaned (Simplified, noise removed) with only letters and digits kept."""
    return _KEY_DROP.sub("", clean_line(text))


def found_units(outline: Outline) -> list[Found]:
    """Every heading, paragraph (or paragraph intro) and item of the outline, in order."""
    out: list[Found] = []
    for sec in outline.sections:
        if not sec.is_root:
            out.append(Found("heading", sec.line, sec.heading, sec.heading, sec.role))
        for para in sec.paragraphs:
            text = para.intro if para.items else para.text
            if text:
                out.append(Found("para", para.line, text, text, para.role))
            for item in para.items:
                out.append(Found("item", item.line, item.lead, item.full, item.role))
    return out


def _bad(path: Path, message: str, hint: str, line: int | None = None) -> DrafterError:
    return DrafterError(message, location=Location(path, line), hint=hint)


_HINT = "每条标注写成 [类型, 行号, 开头几个字, 角色]，例如 [heading, 9, 聚焦政治引领, 思想建设]"


def _entry(path: Path, name: str, raw: Any, role_names: Sequence[str]) -> Label:
    if not isinstance(raw, list) or len(raw) != 4:
        raise _bad(path, f"“{name}”下有一条标注格式不对：{raw!r}", _HINT)
    kind, line, start, role = raw
    if kind not in KINDS:
        raise _bad(
            path,
            f"“{name}”下的标注类型“{kind}”不认识",
            "类型只能是 heading（小标题）、item（一是等条目）、para（段落）",
        )
    if not isinstance(line, int) or line < 1:
        raise _bad(path, f"“{name}”下的标注行号“{line}”不是正整数", _HINT)
    if role not in role_names:
        raise _bad(
            path, f"“{name}”第 {line} 行的标注角色“{role}”不认识", "可用的角色：" + "、".join(role_names)
        )
    if not str(start).strip():
        raise _bad(path, f"“{name}”第 {line} 行的标注没有写开头几个字", _HINT)
    return Label(name, str(kind), line, str(start), str(role))


def load_labels(path: Path, role_names: Sequence[str] = ROLES) -> LabelSet:
    """Read and check a label file; errors are :class:`DrafterError` naming the file and the entry."""
    _, doc = load(read_text(path, LABEL_FILE)[0], path, LABEL_FILE)
    if not isinstance(doc, dict) or not isinstance(doc.get("files"), dict):
        raise _bad(path, "标注文件缺少“files:”部分", "格式见 README 的“用自己的旧材料提取片段”一节")
    files: dict[str, list[Label]] = {}
    for name, entries in doc["files"].items():
        if not isinstance(entries, list):
            raise _bad(path, f"“{name}”下面应当是标注列表", _HINT)
        files[str(name)] = [_entry(path, str(name), raw, role_names) for raw in entries]
    folder = path.parent / str(doc.get("folder") or ".")
    heldout = doc.get("heldout") or []
    return LabelSet(path, folder, files, frozenset(map(str, heldout)))


def _same_start(a: str, b: str) -> bool:
    """Both texts start alike: over the first 8 characters, or the whole of the shorter one (≥ 2)."""
    n = min(_PREFIX, len(a), len(b))
    return n >= 2 and a[:n] == b[:n]


@dataclass
class Matched:
    label: Label
    found: Found | None


def match(labels: Sequence[Label], found: Sequence[Found]) -> tuple[list[Matched], list[Found]]:
    """Pair each label with the segment it names; returns the pairs and the segments left over."""
    used: set[int] = set()
    pairs: list[Matched] = []
    for label in labels:
        hit = next(
            (
                k
                for k, f in enumerate(found)
                if k not in used and f.line == label.line and _same_start(label.key, f.key)
            ),
            None,
        )
        if hit is None:
            pairs.append(Matched(label, None))
        else:
            used.add(hit)
            pairs.append(Matched(label, found[hit]))
    return pairs, [f for k, f in enumerate(found) if k not in used]


@dataclass
class Score:
    """Role accuracy over labelled segments; a merged (unmatched) label counts as wrong."""

    roles: tuple[str, ...] = ROLES
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (wanted, got) → count
    merged: int = 0
    extra: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, pairs: Iterable[Matched], extras: Sequence[Found] = ()) -> None:
        for pair in pairs:
            lab = pair.label
            if pair.found is None:
                self.merged += 1
                self.errors.append(f"{lab.file}:{lab.line} 未单独找到“{lab.start}”（{lab.role}）")
                continue
            got = pair.found.role
            self.confusion[(lab.role, got)] = self.confusion.get((lab.role, got), 0) + 1
            if got != lab.role:
                self.errors.append(f"{lab.file}:{lab.line} “{lab.start}”应为{lab.role}，得到{got}")
        self.extra += len(extras)

    @property
    def total(self) -> int:
        return sum(self.confusion.values()) + self.merged

    @property
    def right(self) -> int:
        return sum(n for (w, g), n in self.confusion.items() if w == g)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def wanted(self, role: str) -> int:
        return sum(n for (w, _), n in self.confusion.items() if w == role)

    def got(self, role: str) -> int:
        return sum(n for (_, g), n in self.confusion.items() if g == role)

    def recall(self, role: str) -> float | None:
        n = self.wanted(role)
        return self.confusion.get((role, role), 0) / n if n else None

    def precision(self, role: str) -> float | None:
        n = self.got(role)
        return self.confusion.get((role, role), 0) / n if n else None

    def used_roles(self) -> list[str]:
        seen = {r for pair in self.confusion for r in pair}
        return [r for r in self.roles if r in seen]


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.1%}"


def format_score(score: Score, title: str = "标注核对", errors: int = 20) -> str:
    """The score as plain text: totals, per-role precision and recall, and the first errors."""
    lines = [
        f"{title}：{score.total} 个标注片段，角色正确 {score.right} 个（{_pct(score.accuracy)}）；"
        f"未单独切出（被并入别处）{score.merged} 个，多切出的片段 {score.extra} 个。"
    ]
    for role in score.used_roles():
        lines.append(
            f"  {role}：标注 {score.wanted(role)} 个，查准率 {_pct(score.precision(role))}，"
            f"查全率 {_pct(score.recall(role))}"
        )
    if score.errors:
        lines.append(f"  出错的片段（前 {min(errors, len(score.errors))} 个）：")
        lines.extend("    " + e for e in score.errors[:errors])
    return "\n".join(lines) + "\n"
