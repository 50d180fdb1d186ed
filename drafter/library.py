"""The phrase library: loading and validating ``fragments/*.yaml`` into :class:`Library`.

Owns the fragment file format (documented in README, “片段库格式”): one YAML file per section role with
candidate headings, intros and fragments; each fragment has an id, a lead phrase, Jinja text, the facts
it needs, voice, unit types, the years its wording is current, its seed source and (for 存在问题) the
下一步 fragments that answer it.  Every problem names the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import Diagnostic, LibraryError, Location
from drafter.resources import data_dir
from drafter.schema import UNIT_TYPES, leaf_paths

ROLES = ("开头", "思想建设", "组织建设", "党风廉政", "业务融合", "存在问题", "下一步", "结尾")
VOICES = ("个人", "单位")
_FRAGMENT_KEYS = {"id", "lead", "text", "needs", "voice", "unit_types", "years", "source", "pairs", "tags"}
_VARIANT_KEYS = {"text", "voice", "unit_types", "years"}
_ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
_YEARS_RE = re.compile(r"^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$")


@dataclass(frozen=True)
class Years:
    """An inclusive span of years; ``None`` ends are open."""

    first: int | None = None
    last: int | None = None

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, int):
            return True
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)

    def __str__(self) -> str:
        if self.first == self.last and self.first is not None:
            return str(self.first)
        return f"{self.first or ''}-{self.last or ''}"

    @classmethod
    def parse(cls, text: Any) -> Years:
        m = _YEARS_RE.match(str(text)) if text is not None else None
        if text is None or text == "":
            return cls()
        if not m or not (m[1] or m[3]):
            raise ValueError(text)
        first = int(m[1]) if m[1] else None
        last = int(m[3]) if m[3] else (first if not m[2] else None)
        return cls(first, last)


@dataclass(frozen=True)
class Variant:
    """A candidate heading or intro sentence of a section."""

    text: str
    voice: tuple[str, ...] = VOICES
    unit_types: tuple[str, ...] = ("通用",)
    years: Years = Years()


@dataclass(frozen=True)
class Fragment:
    """One reusable phrase fragment."""

    id: str
    role: str
    text: str
    lead: str = ""
    needs: tuple[str, ...] = ()
    voice: tuple[str, ...] = VOICES
    unit_types: tuple[str, ...] = ("通用",)
    years: Years = Years()
    source: str = ""
    pairs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, key=self.id)


@dataclass
class RoleFile:
    role: str
    headings: list[Variant] = field(default_factory=list)
    intros: list[Variant] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)


@dataclass
class Library:
    roles: dict[str, RoleFile] = field(default_factory=dict)
    folder: Path | None = None

    def fragments(self, role: str | None = None) -> list[Fragment]:
        if role is not None:
            return list(self.roles[role].fragments) if role in self.roles else []
        return [f for r in self.roles.values() for f in r.fragments]

    def by_id(self) -> dict[str, Fragment]:
        return {f.id: f for f in self.fragments()}

    def get(self, fragment_id: str) -> Fragment | None:
        return self.by_id().get(fragment_id)


def _line_of(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 0


def _strs(value: Any, what: str, loc: Location) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LibraryError(f"“{what}”应为文字列表", location=loc, hint=f"写成 {what}: [甲, 乙]")
    return tuple(value)


def _years(value: Any, loc: Location) -> Years:
    try:
        return Years.parse(value)
    except ValueError:
        raise LibraryError(f"years 写法不对：{value!r}", location=loc,
                           hint="写成 \"2023\"、\"2022-\" 或 \"2018-2023\"") from None


def _check_tags(voice: tuple[str, ...], units: tuple[str, ...], loc: Location) -> None:
    bad = [v for v in voice if v not in VOICES]
    if bad:
        raise LibraryError(f"voice 取值不对：{'、'.join(bad)}", location=loc, hint="可选：个人、单位")
    bad = [u for u in units if u not in UNIT_TYPES]
    if bad:
        raise LibraryError(f"unit_types 取值不对：{'、'.join(bad)}", location=loc,
                           hint="可选：" + "、".join(UNIT_TYPES))


def _variant(raw: Any, loc: Location) -> Variant:
    if isinstance(raw, str):
        return Variant(raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise LibraryError("标题或引语应写成 text: …", location=loc, hint="参照 fragments/ 中的已有文件")
    unknown = set(raw) - _VARIANT_KEYS
    if unknown:
        raise LibraryError(f"不认识的键：{'、'.join(sorted(unknown))}", location=loc,
                           hint="可写：" + "、".join(sorted(_VARIANT_KEYS)))
    voice = _strs(raw.get("voice"), "voice", loc) or VOICES
    units = _strs(raw.get("unit_types"), "unit_types", loc) or ("通用",)
    _check_tags(voice, units, loc)
    return Variant(raw["text"].strip(), voice, units, _years(raw.get("years"), loc))


def _node_for(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if getattr(k, "value", None) == key:
                found: yaml.Node = v
                return found
    return None


def load_role_file(path: Path, known_facts: set[str] | None = None) -> RoleFile:
    """Load one ``<role>.yaml``; raise LibraryError naming file, line and fragment id."""
    known = known_facts if known_facts is not None else set(leaf_paths())
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LibraryError("找不到片段文件", location=Location(path), hint="检查 --fragments 指向的文件夹") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"片段文件无法读取：{exc}", location=Location(path),
                           hint="片段文件应是 UTF-8 编码的 YAML") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LibraryError(
            f"片段文件 YAML 语法错误（{getattr(exc, 'problem', '') or '格式错误'}）",
            location=Location(path, mark.line + 1 if mark else None), hint="检查缩进、冒号和引号",
        ) from None
    if not isinstance(data, dict):
        raise LibraryError("片段文件最外层应有 role 和 fragments", location=Location(path, 1),
                           hint="参照 fragments/ 中的已有文件")
    role = data.get("role")
    if role != path.stem:
        raise LibraryError(f"role（{role}）应与文件名（{path.stem}）一致", location=Location(path, 1),
                           hint="可用的角色：" + "、".join(ROLES))
    result = RoleFile(str(role))
    for key in ("headings", "intros"):
        items = data.get(key) or []
        nodes = _node_for(root, key)
        for i, raw in enumerate(items):
            node = nodes.value[i] if isinstance(nodes, yaml.SequenceNode) else None
            getattr(result, key).append(_variant(raw, Location(path, _line_of(node), key=f"{key}[{i}]")))
    frag_nodes = _node_for(root, "fragments")
    for i, raw in enumerate(data.get("fragments") or []):
        node = frag_nodes.value[i] if isinstance(frag_nodes, yaml.SequenceNode) else None
        loc = Location(path, _line_of(node), key=f"fragments[{i}]")
        result.fragments.append(_fragment(raw, result.role, path, loc, known))
    return result


def _fragment(raw: Any, role: str, path: Path, loc: Location, known: set[str]) -> Fragment:
    if not isinstance(raw, dict):
        raise LibraryError("片段应写成“键: 值”的分组", location=loc, hint="至少要有 id 和 text")
    unknown = set(raw) - _FRAGMENT_KEYS
    if unknown:
        raise LibraryError(f"不认识的键：{'、'.join(sorted(map(str, unknown)))}", location=loc,
                           hint="可写：" + "、".join(sorted(_FRAGMENT_KEYS)))
    fid = raw.get("id")
    if not isinstance(fid, str) or not _ID_RE.match(fid):
        raise LibraryError(f"片段编号不对：{fid!r}", location=loc,
                           hint="编号用小写英文、数字和连字符，如 sx-first-topic")
    loc = Location(loc.file, loc.line, key=fid)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LibraryError("片段缺少 text", location=loc, hint="text 是片段正文")
    needs = _strs(raw.get("needs"), "needs", loc)
    bad = [n for n in needs if n not in known]
    if bad:
        raise LibraryError(f"needs 中有不存在的事实：{'、'.join(bad)}", location=loc,
                           hint="事实名见 drafter schema 或 README 的事实文件说明")
    voice = _strs(raw.get("voice"), "voice", loc) or VOICES
    units = _strs(raw.get("unit_types"), "unit_types", loc) or ("通用",)
    _check_tags(voice, units, loc)
    lead = raw.get("lead") or ""
    if not isinstance(lead, str):
        raise LibraryError("lead 应是一句话", location=loc)
    return Fragment(
        id=fid, role=role, text=" ".join(text.split()), lead=lead.strip(), needs=needs,
        voice=voice, unit_types=units, years=_years(raw.get("years"), loc),
        source=str(raw.get("source") or ""), pairs=_strs(raw.get("pairs"), "pairs", loc),
        tags=_strs(raw.get("tags"), "tags", loc), file=str(path), line=loc.line or 0,
    )


def iter_role_files(folder: Path) -> Iterator[Path]:
    return iter(sorted(p for p in folder.glob("*.yaml") if p.stem in ROLES))


def load_library(folder: Path | None = None) -> Library:
    """Load every role file of ``folder`` (default: the shipped fragments/)."""
    folder = folder or data_dir("fragments")
    if not folder.is_dir():
        raise LibraryError("找不到片段文件夹", location=Location(folder), hint="检查 --fragments 参数")
    library = Library(folder=folder)
    for path in iter_role_files(folder):
        rf = load_role_file(path)
        library.roles[rf.role] = rf
    if not library.roles:
        raise LibraryError("片段文件夹里没有片段文件", location=Location(folder),
                           hint="文件名应为角色名，如 思想建设.yaml")
    _check_ids(library)
    return library


def _check_ids(library: Library) -> None:
    seen: dict[str, Fragment] = {}
    for frag in library.fragments():
        if frag.id in seen:
            other = seen[frag.id]
            raise LibraryError(f"片段编号“{frag.id}”重复（{other.file}:{other.line} 已用过）",
                               location=frag.location, hint="给其中一个改个编号")
        seen[frag.id] = frag


def lint_library(library: Library) -> list[Diagnostic]:
    """Cross-file checks: dangling pairs, unanswered problems (warnings, for maintainers)."""
    ids = library.by_id()
    out: list[Diagnostic] = []
    for frag in library.fragments("存在问题"):
        for target in frag.pairs:
            if target not in ids:
                out.append(Diagnostic("warning", f"pairs 指向不存在的片段 {target}", frag.location))
        if not frag.pairs:
            out.append(Diagnostic("warning", "这条存在问题没有对应的下一步措施（pairs）", frag.location))
    return out


def needs_of(fragments: Iterable[Fragment]) -> set[str]:
    return {n for f in fragments for n in f.needs}
