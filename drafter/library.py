"""The phrase library: loading and validating ``fragments/*.yaml`` into :class:`Library`.

Owns the fragment file format (documented in README, “片段库格式”): one YAML file per section role with
candidate headings, intros and fragments; each fragment has an id, a lead phrase, Jinja text, the facts
it needs, voice, unit types, the years its wording is current, its seed source and (for 存在问题) the
下一步 fragments that answer it.  Every problem names the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from drafter.errors import Diagnostic, LibraryError, Location
from drafter.facts import FAST_LOADER, describe_yaml_error, os_reason
from drafter.resources import data_dir
from drafter.schema import UNIT_TYPES, leaf_paths

ROLES = ("开头", "思想建设", "组织建设", "党风廉政", "业务融合", "存在问题", "下一步", "结尾")
VOICES = ("个人", "单位")
_FRAGMENT_KEYS = {"id", "lead", "text", "variants", "needs", "voice", "unit_types", "years", "source", "pairs",
                  "tags"}
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…"
_FOLD_RE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def join_lines(text: str) -> str:
    """Undo YAML line folding for Chinese: no space next to a Chinese character or punctuation mark."""
    return _FOLD_RE.sub("", " ".join(text.split()))
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
    variants: tuple[str, ...] = ()  # alternative wordings of ``text``, same facts
    file: str = ""
    line: int = 0

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, key=self.id)

    @property
    def texts(self) -> tuple[str, ...]:
        """The main text and its alternative wordings."""
        return (self.text, *self.variants)


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
    _by_id: dict[str, Fragment] | None = field(default=None, repr=False, compare=False)

    def fragments(self, role: str | None = None) -> list[Fragment]:
        if role is not None:
            return list(self.roles[role].fragments) if role in self.roles else []
        return [f for r in self.roles.values() for f in r.fragments]

    def by_id(self) -> dict[str, Fragment]:
        """Fragments by id (built once; a library is not changed after loading)."""
        if self._by_id is None:
            self._by_id = {f.id: f for f in self.fragments()}
        return self._by_id

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


def _refuse_special(path: Path) -> None:
    """A FIFO or device named like a fragment file would never finish reading: refuse it first."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise LibraryError("这不是普通文件（是设备、管道等特殊文件），没有读取", location=Location(path),
                           hint="片段文件夹里的 .yaml 应是普通文件")


def load_role_file(path: Path, known_facts: set[str] | None = None) -> RoleFile:
    """Load one ``<role>.yaml``; raise LibraryError naming file, line and fragment id."""
    known = known_facts if known_facts is not None else set(leaf_paths())
    try:
        _refuse_special(path)
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        raise LibraryError("找不到片段文件", location=Location(path), hint="检查 --fragments 指向的文件夹") from None
    except IsADirectoryError:
        raise LibraryError("这是一个文件夹，不是片段文件", location=Location(path),
                           hint="片段文件夹里的 .yaml 应是文件") from None
    except OSError as exc:
        raise LibraryError(f"片段文件无法读取：{os_reason(exc)}", location=Location(path),
                           hint="检查文件权限，或把片段文件夹复制到自己的文件夹再试") from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw_bytes.count(b"\n", 0, exc.start) + 1
        raise LibraryError("片段文件不是 UTF-8 编码", location=Location(path, line),
                           hint="用记事本或 VS Code 把文件“另存为”UTF-8 编码") from None
    try:
        try:
            root = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # raises with PyYAML's clearer message
        _check_node_count(root, path)
        data = FAST_LOADER("").construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        problem, hint, where, column, key = describe_yaml_error(exc, text)
        raise LibraryError(f"片段文件 YAML 语法错误：{problem}", location=Location(path, where, column, key),
                           hint=hint) from None
    except RecursionError:
        raise LibraryError("片段文件嵌套层数过深", location=Location(path), hint="参照 fragments/ 中的已有文件") from None
    _check_duplicate_keys(root, path)
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
            loc = Location(path, _line_of(node), key=f"{key}[{i}]")
            variant = _variant(raw, loc)
            _check_syntax(variant.text, loc)
            getattr(result, key).append(variant)
    frag_nodes = _node_for(root, "fragments")
    for i, raw in enumerate(data.get("fragments") or []):
        node = frag_nodes.value[i] if isinstance(frag_nodes, yaml.SequenceNode) else None
        loc = Location(path, _line_of(node), key=f"fragments[{i}]")
        fragment = _fragment(raw, result.role, path, loc, known)
        for source in (fragment.lead, *fragment.texts):
            _check_syntax(source, Location(path, loc.line, key=fragment.id))
        result.fragments.append(fragment)
    return result


_SYNTAX = jinja2.Environment()  # parses only: never renders, so it needs no sandbox


def _check_syntax(source: str, loc: Location) -> None:
    """A fragment's Jinja must parse: report a broken ``{{`` or ``{%`` when the library loads, not only
    when the fragment happens to be chosen.  ``loc`` is the fragment's (or heading's) own line."""
    try:
        _SYNTAX.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(f"片段中的模板语法错误：{exc.message}", location=loc,
                           hint="检查 {{ }} 和 {% %} 是否成对；要写出花括号本身，请写 {{ '{{' }}") from None


MAX_NODES = 200_000  # a shipped fragment file has a few thousand; YAML aliases could expand to billions


def _check_node_count(root: yaml.Node | None, path: Path) -> None:
    """Refuse a file whose node tree, with every alias (``*name``) expanded, passes :data:`MAX_NODES`:
    the walks below would otherwise take exponential time on a "billion laughs" file."""
    stack = [root] if root is not None else []
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise LibraryError(f"片段文件内容过多（展开后超过 {MAX_NODES:,} 项）", location=Location(path),
                               hint="片段文件不需要 YAML 别名（&名字、*名字），请直接写出内容")
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _check_duplicate_keys(node: yaml.Node | None, path: Path) -> None:
    """PyYAML keeps the last of two equal keys silently; a fragment file must not say a thing twice."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(getattr(key_node, "value", ""))
            if key in seen:
                raise LibraryError(f"键“{key}”重复出现（第{seen[key]}行已经写过）",
                                   location=Location(path, _line_of(key_node), key=key),
                                   hint="删掉其中一处，或把内容合并到一起")
            seen[key] = _line_of(key_node)
            _check_duplicate_keys(value_node, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item, path)


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
    variants = _strs(raw.get("variants"), "variants", loc)
    if any(not v.strip() for v in variants):
        raise LibraryError("variants 里有空的一项", location=loc, hint="每个 variant 是一段完整的替换正文")
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
        id=fid, role=role, text=join_lines(text), lead=lead.strip(), needs=needs,
        voice=voice, unit_types=units, years=_years(raw.get("years"), loc),
        source=str(raw.get("source") or ""), pairs=_strs(raw.get("pairs"), "pairs", loc),
        tags=_strs(raw.get("tags"), "tags", loc), variants=tuple(join_lines(v) for v in variants),
        file=str(path), line=loc.line or 0,
    )


def iter_role_files(folder: Path) -> Iterator[Path]:
    return iter(sorted(p for p in folder.glob("*.yaml") if p.stem in ROLES))


def load_library(folder: Path | None = None) -> Library:
    """Load every role file of ``folder`` (default: the shipped fragments/)."""
    folder = folder or data_dir("fragments")
    if not folder.is_dir():
        raise LibraryError("找不到片段文件夹", location=Location(folder), hint="检查 --fragments 参数")
    missing = [role for role in ROLES if not (folder / f"{role}.yaml").exists()]
    if missing:
        names = "、".join(f"{role}.yaml" for role in missing)
        raise LibraryError(f"片段文件夹缺少 {names}", location=Location(folder / f"{missing[0]}.yaml"),
                           hint="片段库要有全部 8 个文件（" + "、".join(ROLES) + "）；可从内置片段库复制缺少的文件")
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
