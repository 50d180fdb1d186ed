"""The phrase library: loading and validating ``fragments/*.yaml`` into :class:`Library`.

Owns the fragment file format (documented in README, “片段库格式”): one YAML file per section role with
candidate headings, intros and fragments; each fragment has an id, a lead phrase, Jinja text, the facts
it needs, voice, unit types, the years its wording is current, its seed source and (for 存在问题) the
下一步 fragments that answer it.  Every problem names the file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import jinja2
import yaml

from drafter.errors import Diagnostic, LibraryError, Location
from drafter.overlap import COMMON_FILE, Counted, Overlap, counted, frozen_text, read_frozen
from drafter.registry import VOICES, Registry, registry
from drafter.resources import data_dir
from drafter.schema import leaf_paths
from drafter.yamlio import FileKind, line_of, load, node_for, read_text

T = TypeVar("T")
MAX_DERIVED = 128  # entries a library keeps of what is worked out from it (Library.derived): a long-running
# process meets many kinds of draft, each a few hundred KB of lists
HEADINGS_ROLE = "标题"  # a file of heading families (one pattern for the four parts of 主要工作)
INTROS_ROLE = "引语"  # a file of section intros, by role
ROLES = registry().roles
FILE_ROLES = (*ROLES, HEADINGS_ROLE, INTROS_ROLE)
# The registry a library is checked against while it loads (a --templates folder may add kinds and roles).
_LOADING: ContextVar[Registry | None] = ContextVar("drafter_loading_registry", default=None)


def _reg() -> Registry:
    return _LOADING.get() or registry()


def _file_roles() -> tuple[str, ...]:
    return (*_reg().roles, HEADINGS_ROLE, INTROS_ROLE)


FRAGMENT_FILE = FileKind(
    "片段文件",
    LibraryError,
    missing_hint="检查 --fragments 指向的文件夹",
    example="参照 fragments/ 中的已有文件",
    max_nodes=200_000,  # a shipped fragment file has a few thousand; YAML aliases could expand to billions
)

_FRAGMENT_KEYS = {
    "id",
    "topic",
    "lead",
    "text",
    "variants",
    "needs",
    "voice",
    "unit_types",
    "kinds",
    "years",
    "claims",
    "source",
    "pairs",
    "causes",
    "tags",
}
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…"
# Patterns used only while parsing YAML are compiled on first use (by re's own cache), not on import: a
# library read from drafter's cache never needs them, and compiling them was part of every cold start.
_FOLD_RE = rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])"


def join_lines(text: str) -> str:
    """Undo YAML line folding for Chinese: no space next to a Chinese character or punctuation mark."""
    return re.sub(_FOLD_RE, "", " ".join(text.split()))


_VARIANT_KEYS = {"text", "voice", "unit_types", "years", "kinds"}
_ID_RE = r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$"
_YEARS_RE = r"^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$"


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
        m = re.match(_YEARS_RE, str(text)) if text is not None else None
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
    kinds: tuple[str, ...] = ()  # empty: every report kind


@dataclass(frozen=True)
class Family:
    """A heading family: one heading per part of 主要工作, all in one pattern (聚焦…，… / 抓…，…)."""

    name: str
    headings: dict[str, str]
    voice: tuple[str, ...] = VOICES
    unit_types: tuple[str, ...] = ("通用",)
    years: Years = Years()
    kinds: tuple[str, ...] = ()
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Fragment:
    """One reusable phrase fragment."""

    id: str
    role: str
    text: str
    topic: str = ""  # from templates/主题.yaml; fragments without one are a topic of their own
    lead: str = ""
    needs: tuple[str, ...] = ()
    voice: tuple[str, ...] = VOICES
    unit_types: tuple[str, ...] = ("通用",)
    years: Years = Years()
    source: str = ""
    pairs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()  # alternative wordings of ``text``, same facts
    kinds: tuple[str, ...] = ()  # report kinds it is written for; empty: all
    claims: tuple[str, ...] = ()  # 做法 it asserts: used only when the facts tick them
    causes: tuple[str, ...] = ()  # a problem's own causes (原因 fragment ids), best first
    file: str = ""
    line: int = 0

    @property
    def topic_key(self) -> str:
        return self.topic or f"#{self.id}"

    @property
    def location(self) -> Location:
        return Location(self.file, self.line, key=self.id)

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """The main text and its alternative wordings (asked thousands of times a draft: made once)."""
        return (self.text, *self.variants)


@dataclass
class RoleFile:
    role: str
    headings: list[Variant] = field(default_factory=list)
    intros: list[Variant] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    families: list[Family] = field(default_factory=list)
    role_intros: dict[str, list[Variant]] = field(default_factory=dict)

    def merge(self, other: RoleFile) -> None:
        self.headings += other.headings
        self.intros += other.intros
        self.fragments += other.fragments
        self.families += other.families
        for role, intros in other.role_intros.items():
            self.role_intros.setdefault(role, []).extend(intros)


@dataclass
class Library:
    roles: dict[str, RoleFile] = field(default_factory=dict)
    folder: Path | None = None
    notices: list[Diagnostic] = field(default_factory=list)
    # a digest of everything the fragments were parsed from (the kept parses' keys), when known
    digest: str | None = field(default=None, compare=False)
    _by_id: dict[str, Fragment] | None = field(default=None, repr=False, compare=False)
    _overlap: Overlap | None = field(default=None, repr=False, compare=False)
    # the common and frequent n-grams read from the folder's (or else the shipped) 常用字串.txt, if there is one
    frozen: Counted | None = field(default=None, repr=False, compare=False)
    _by_topic: dict[tuple[str, str], list[Fragment]] | None = field(default=None, repr=False, compare=False)
    _derived: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """What ``build`` works out from the library, kept under ``key`` (a library is not changed after
        loading): the planner keeps the fragments that suit each kind of draft here.  At most
        :data:`MAX_DERIVED` entries are kept; past that they are all worked out afresh."""
        if key in self._derived:
            found: T = self._derived[key]
            return found
        if len(self._derived) >= MAX_DERIVED:
            self._derived.clear()
        value = self._derived[key] = build()
        return value

    def of_topic(self, role: str, topic: str) -> list[Fragment]:
        """The fragments of one role and topic (indexed once)."""
        if self._by_topic is None:
            self._by_topic = {}
            for f in self.fragments():
                self._by_topic.setdefault((f.role, f.topic_key), []).append(f)
        return self._by_topic.get((role, topic), [])

    @property
    def overlap(self) -> Overlap:
        """n-gram statistics of the library's wordings (built once)."""
        if self._overlap is None:
            self._overlap = Overlap((t for f in self.fragments() for t in f.texts), self.digest, self.frozen)
        return self._overlap

    @property
    def families(self) -> list[Family]:
        return list(self.roles[HEADINGS_ROLE].families) if HEADINGS_ROLE in self.roles else []

    def intros(self, role: str) -> list[Variant]:
        """Intros of a section: those of the 引语 file, then those in the role's own file."""
        shared = self.roles[INTROS_ROLE].role_intros.get(role, []) if INTROS_ROLE in self.roles else []
        own = self.roles[role].intros if role in self.roles else []
        return [*shared, *own]

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
        raise LibraryError(
            f"years 写法不对：{value!r}", location=loc, hint='写成 "2023"、"2022-" 或 "2018-2023"'
        ) from None


def _check_tags(
    voice: tuple[str, ...], units: tuple[str, ...], loc: Location, kinds: tuple[str, ...] = ()
) -> None:
    bad_kinds = [k for k in kinds if k not in _reg().kinds]
    if bad_kinds:
        raise LibraryError(
            f"kinds 取值不对：{'、'.join(bad_kinds)}", location=loc, hint="可选：" + "、".join(_reg().kinds)
        )
    bad = [v for v in voice if v not in VOICES]
    if bad:
        raise LibraryError(f"voice 取值不对：{'、'.join(bad)}", location=loc, hint="可选：个人、单位")
    bad = [u for u in units if u not in _reg().unit_types]
    if bad:
        raise LibraryError(
            f"unit_types 取值不对：{'、'.join(bad)}",
            location=loc,
            hint="可选：" + "、".join(_reg().type_names),
        )


def _refuse_unknown(raw: dict[Any, Any], known: frozenset[str] | set[str], loc: Location) -> None:
    """A heading, intro or fragment with a key the library does not know: name it and list the known ones."""
    unknown = set(raw) - set(known)
    if unknown:
        raise LibraryError(
            f"不认识的键：{'、'.join(sorted(map(str, unknown)))}",
            location=loc,
            hint="可写：" + "、".join(sorted(known)),
        )


def _variant(raw: Any, loc: Location) -> Variant:
    if isinstance(raw, str):
        return Variant(raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise LibraryError("标题或引语应写成 text: …", location=loc, hint="参照 fragments/ 中的已有文件")
    _refuse_unknown(raw, _VARIANT_KEYS, loc)
    voice = _strs(raw.get("voice"), "voice", loc) or VOICES
    units = _strs(raw.get("unit_types"), "unit_types", loc) or ("通用",)
    kinds = _strs(raw.get("kinds"), "kinds", loc)
    _check_tags(voice, units, loc, kinds)
    return Variant(join_lines(raw["text"].strip()), voice, units, _years(raw.get("years"), loc), kinds)


def _role_of(data: Any, path: Path) -> str:
    """The ``role`` a fragment file declares, checked against the roles the library knows."""
    if not isinstance(data, dict):
        raise LibraryError(
            "片段文件最外层应有 role 和 fragments",
            location=Location(path, 1),
            hint="参照 fragments/ 中的已有文件",
        )
    role = data.get("role")
    if role not in _file_roles():
        raise LibraryError(
            f"不认识的 role：{role!r}",
            location=Location(path, 1),
            hint="可用的角色：" + "、".join(_file_roles()),
        )
    return str(role)


def _load_headings_and_intros(
    data: dict[str, Any], root: yaml.Node | None, path: Path, result: RoleFile
) -> None:
    """A role file's own ``headings`` and ``intros`` variants, each checked for template syntax."""
    for key in ("headings", "intros"):
        items = data.get(key) or []
        nodes = node_for(root, key)
        for i, raw in enumerate(items):
            node = nodes.value[i] if isinstance(nodes, yaml.SequenceNode) else None
            loc = Location(path, line_of(node), key=f"{key}[{i}]")
            variant = _variant(raw, loc)
            _check_syntax(variant.text, loc)
            getattr(result, key).append(variant)


def _load_fragments(
    data: dict[str, Any], root: yaml.Node | None, path: Path, result: RoleFile, known: set[str]
) -> None:
    """A role file's ``fragments``, each checked and its lead and texts checked for template syntax."""
    frag_nodes = node_for(root, "fragments")
    for i, raw in enumerate(data.get("fragments") or []):
        node = frag_nodes.value[i] if isinstance(frag_nodes, yaml.SequenceNode) else None
        loc = Location(path, line_of(node), key=f"fragments[{i}]")
        fragment = _fragment(raw, result.role, path, loc, known)
        for source in (fragment.lead, *fragment.texts):
            _check_syntax(source, Location(path, loc.line, key=fragment.id))
        result.fragments.append(fragment)


def load_role_file(path: Path, known_facts: set[str] | None = None) -> RoleFile:
    """Load one ``<role>.yaml``; raise LibraryError naming file, line and fragment id."""
    known = known_facts if known_facts is not None else set(leaf_paths())
    root, data = load(read_text(path, FRAGMENT_FILE)[0], path, FRAGMENT_FILE)
    role = _role_of(data, path)
    result = RoleFile(role)
    if role == HEADINGS_ROLE:
        result.families = _families(data, root, path)
        return result
    if role == INTROS_ROLE:
        result.role_intros = _role_intros(data, root, path)
        return result
    _load_headings_and_intros(data, root, path, result)
    _load_fragments(data, root, path, result, known)
    return result


def _families(data: dict[str, Any], root: yaml.Node | None, path: Path) -> list[Family]:
    nodes = node_for(root, "families")
    out: list[Family] = []
    for i, raw in enumerate(data.get("families") or []):
        node = nodes.value[i] if isinstance(nodes, yaml.SequenceNode) else None
        loc = Location(path, line_of(node), key=f"families[{i}]")
        if not isinstance(raw, dict):
            raise LibraryError(
                "标题组应写成 name、思想建设、组织建设… 的分组",
                location=loc,
                hint="参照 fragments/框架/标题.yaml",
            )
        headings = {str(k): str(v).strip() for k, v in raw.items() if k in _reg().roles}
        unknown = set(raw) - set(headings) - {"name", "voice", "unit_types", "years", "kinds"}
        if unknown:
            raise LibraryError(
                f"不认识的键：{'、'.join(sorted(map(str, unknown)))}",
                location=loc,
                hint="可写：name、voice、unit_types、years、kinds 和各章节角色",
            )
        voice = _strs(raw.get("voice"), "voice", loc) or VOICES
        units = _strs(raw.get("unit_types"), "unit_types", loc) or ("通用",)
        kinds = _strs(raw.get("kinds"), "kinds", loc)
        _check_tags(voice, units, loc, kinds)
        for text in headings.values():
            _check_syntax(text, loc)
        out.append(
            Family(
                str(raw.get("name") or i),
                headings,
                voice,
                units,
                _years(raw.get("years"), loc),
                kinds,
                str(path),
                loc.line or 0,
            )
        )
    return out


def _role_intros(data: dict[str, Any], root: yaml.Node | None, path: Path) -> dict[str, list[Variant]]:
    intros = data.get("intros") or {}
    if not isinstance(intros, dict):
        raise LibraryError(
            "intros 应按章节角色分组", location=Location(path, 1), hint="写成 intros: {思想建设: [...]}"
        )
    group = node_for(root, "intros")
    out: dict[str, list[Variant]] = {}
    for role, items in intros.items():
        nodes = node_for(group, str(role))
        if role not in _reg().roles:
            raise LibraryError(
                f"不认识的章节角色：{role}",
                location=Location(path, line_of(nodes)),
                hint="可用的角色：" + "、".join(_reg().roles),
            )
        for i, raw in enumerate(items or []):
            node = nodes.value[i] if isinstance(nodes, yaml.SequenceNode) else None
            loc = Location(path, line_of(node), key=f"intros.{role}[{i}]")
            variant = _variant(raw, loc)
            _check_syntax(variant.text, loc)
            out.setdefault(str(role), []).append(variant)
    return out


@lru_cache(maxsize=1)
def _syntax() -> jinja2.Environment:
    """The environment fragments are parsed with: parses only, never renders, so it needs no sandbox."""
    return jinja2.Environment()


# A text whose only Jinja is ``{{ 名字.名字 }}`` placeholders parses for sure: no need to run the parser
# (most of a library is like that, and parsing every wording was most of a cold start).
_SIMPLE_JINJA = r"{{\s*[\w\u4e00-\u9fff]+(?:\.[\w\u4e00-\u9fff]+)*\s*}}"


def _check_syntax(source: str, loc: Location) -> None:
    """A fragment's Jinja must parse: report a broken ``{{`` or ``{%`` when the library loads, not only
    when the fragment happens to be chosen.  ``loc`` is the fragment's (or heading's) own line."""
    rest = re.sub(_SIMPLE_JINJA, "", source)
    if not any(mark in rest for mark in ("{{", "}}", "{%", "%}", "{#", "#}")):
        return
    try:
        _syntax().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(
            f"片段中的模板语法错误：{exc.message}",
            location=loc,
            hint="检查 {{ }} 和 {% %} 是否成对；要写出花括号本身，请写 {{ '{{' }}",
        ) from None


def _fragment_id(raw: Any, loc: Location) -> str:
    """A fragment's ``id``, after checking it is a mapping with only known keys."""
    if not isinstance(raw, dict):
        raise LibraryError("片段应写成“键: 值”的分组", location=loc, hint="至少要有 id 和 text")
    _refuse_unknown(raw, _FRAGMENT_KEYS, loc)
    fid = raw.get("id")
    if not isinstance(fid, str) or not re.match(_ID_RE, fid):
        raise LibraryError(
            f"片段编号不对：{fid!r}", location=loc, hint="编号用小写英文、数字和连字符，如 sx-first-topic"
        )
    return fid


def _fragment_body(
    raw: dict[str, Any], loc: Location, known: set[str]
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A fragment's ``text``, ``needs`` (each a known fact) and ``variants`` (none empty)."""
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LibraryError("片段缺少 text", location=loc, hint="text 是片段正文")
    needs = _strs(raw.get("needs"), "needs", loc)
    variants = _strs(raw.get("variants"), "variants", loc)
    if any(not v.strip() for v in variants):
        raise LibraryError("variants 里有空的一项", location=loc, hint="每个 variant 是一段完整的替换正文")
    bad = [n for n in needs if n not in known]
    if bad:
        raise LibraryError(
            f"needs 中有不存在的事实：{'、'.join(bad)}",
            location=loc,
            hint="事实名见 drafter schema 或 README 的事实文件说明",
        )
    return text, needs, variants


def _fragment_audience(
    raw: dict[str, Any], loc: Location
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Whom a fragment suits: ``voice``, ``unit_types`` and ``kinds`` (defaults filled in, tags checked)."""
    voice = _strs(raw.get("voice"), "voice", loc) or VOICES
    units = _strs(raw.get("unit_types"), "unit_types", loc) or ("通用",)
    kinds = _strs(raw.get("kinds"), "kinds", loc)
    _check_tags(voice, units, loc, kinds)
    return voice, units, kinds


def _fragment_lead(raw: dict[str, Any], loc: Location) -> str:
    """A fragment's ``lead``: one sentence before its text, or empty."""
    lead = raw.get("lead") or ""
    if not isinstance(lead, str):
        raise LibraryError("lead 应是一句话", location=loc)
    return lead


def _fragment_topic(raw: dict[str, Any], role: str, loc: Location) -> Any:
    """A fragment's ``topic``: empty, or one of the topics templates/主题.yaml gives its role."""
    topic = raw.get("topic") or ""
    topics = _reg().topics.get(role, {})
    if topic and topic not in topics:
        raise LibraryError(
            f"“{role}”没有主题“{topic}”",
            location=loc,
            hint="可用的主题：" + "、".join(topics) + "（见 templates/主题.yaml）",
        )
    return topic


def _fragment_claims(raw: dict[str, Any], loc: Location) -> tuple[str, ...]:
    """A fragment's ``claims``: each one a practice of templates/做法.yaml."""
    claims = _strs(raw.get("claims"), "claims", loc)
    bad_claims = [c for c in claims if c not in _reg().practices]
    if bad_claims:
        raise LibraryError(
            f"claims 中有做法清单里没有的：{'、'.join(bad_claims)}",
            location=loc,
            hint="做法名见 templates/做法.yaml",
        )
    return claims


def _fragment(raw: Any, role: str, path: Path, loc: Location, known: set[str]) -> Fragment:
    fid = _fragment_id(raw, loc)
    loc = Location(loc.file, loc.line, key=fid)
    text, needs, variants = _fragment_body(raw, loc, known)
    voice, units, kinds = _fragment_audience(raw, loc)
    lead = _fragment_lead(raw, loc)
    topic = _fragment_topic(raw, role, loc)
    claims = _fragment_claims(raw, loc)
    return Fragment(
        id=fid,
        role=role,
        text=join_lines(text),
        topic=str(topic),
        lead=lead.strip(),
        needs=needs,
        kinds=kinds,
        claims=claims,
        voice=voice,
        unit_types=units,
        years=_years(raw.get("years"), loc),
        source=str(raw.get("source") or ""),
        pairs=_strs(raw.get("pairs"), "pairs", loc),
        causes=_fragment_causes(raw, role, loc),
        tags=_strs(raw.get("tags"), "tags", loc),
        variants=tuple(join_lines(v) for v in variants),
        file=str(path),
        line=loc.line or 0,
    )


def _fragment_causes(raw: dict[str, Any], role: str, loc: Location) -> tuple[str, ...]:
    """A problem's ``causes``: the 原因 fragments that explain it (only a 存在问题 fragment has them)."""
    causes = _strs(raw.get("causes"), "causes", loc)
    if causes and role != "存在问题":
        raise LibraryError(
            "只有存在问题的片段可以写 causes",
            location=loc,
            hint="causes 列出解释这条问题的原因片段编号；别的章节请删去这一项",
        )
    return causes


def iter_role_files(folder: Path) -> Iterator[Path]:
    """Every fragment file below ``folder`` (subfolders included), in a stable order: by the names of the
    folders it is in, then its own.  The files ``Path.rglob("*.yaml")`` finds (folders behind a symlink are
    not entered; a folder named ``*.yaml`` is not a file), listed with os.scandir: rglob took a few
    milliseconds of every cold start."""
    found: list[tuple[str, ...]] = []
    pending: list[tuple[str, ...]] = [()] if folder.is_dir() else []
    while pending:
        parts = pending.pop()
        try:
            with os.scandir(folder.joinpath(*parts)) as listing:
                entries = list(listing)
        except PermissionError:
            continue
        for entry in entries:
            if entry.name.endswith(".yaml") and not _is_dir(entry, follow=True):
                found.append((*parts, entry.name))
            if _is_dir(entry, follow=False):
                pending.append((*parts, entry.name))
    return iter([folder.joinpath(*parts) for parts in sorted(found)])


def _is_dir(entry: os.DirEntry[str], *, follow: bool) -> bool:
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _load_folder(folder: Path) -> dict[str, RoleFile]:
    """Every role file of ``folder``, merged by role; a parse kept in the cache is used while nothing it
    depends on has changed (see :mod:`drafter.libcache`)."""
    return _load_folder_keyed(folder)[0]


def _load_folder_keyed(folder: Path) -> tuple[dict[str, RoleFile], str | None]:
    """:func:`_load_folder`, and the key of its kept parse (None when the files cannot be keyed)."""
    from drafter import libcache

    files = list(iter_role_files(folder))
    try:
        key: str | None = libcache.key_for(folder, files, _reg())
    except OSError:
        key = None
    kept = libcache.load(key) if key else None
    if kept is not None:
        return kept, key
    roles: dict[str, RoleFile] = {}
    for path in files:
        rf = load_role_file(path)
        if rf.role in roles:
            roles[rf.role].merge(rf)
        else:
            roles[rf.role] = rf
    if key:
        libcache.save(key, roles)
    return roles, key


def load_library(folder: Path | None = None, reg: Registry | None = None) -> Library:
    """Load every fragment file of ``folder`` (default: the shipped fragments/), checked against ``reg``
    (default: the shipped registry).  A user's folder may hold only some roles: the others come from the
    shipped library, with a notice saying which."""
    token = _LOADING.set(reg)
    try:
        return _load_library(folder)
    finally:
        _LOADING.reset(token)


def _load_library(folder: Path | None) -> Library:
    shipped = data_dir("fragments")
    folder = folder or shipped
    if not folder.is_dir():
        raise LibraryError("找不到片段文件夹", location=Location(folder), hint="检查 --fragments 参数")
    library = Library(folder=folder)
    library.roles, library.digest = _load_folder_keyed(folder)
    if not library.roles:
        raise LibraryError(
            "片段文件夹里没有片段文件",
            location=Location(folder),
            hint="每个文件写明 role，如 role: 思想建设；文件名随意，如 思想建设.yaml",
        )
    if folder.resolve() != shipped.resolve():
        builtin, shipped_key = _load_folder_keyed(shipped)
        borrowed = [r for r in builtin if r not in library.roles]
        for role in borrowed:
            library.roles[role] = builtin[role]
        if borrowed:
            # both folders' parses, and which roles came from the shipped one
            own = library.digest
            library.digest = "+".join([own, shipped_key, *borrowed]) if own and shipped_key else None
            library.notices.append(
                Diagnostic(
                    "info",
                    "您的片段库没有这些部分，已用内置片段库：" + "、".join(borrowed),
                    Location(folder),
                    "要自己写这些部分，在片段文件夹里加上对应角色的 .yaml 文件",
                    code="builtin-roles",
                )
            )
    _check_ids(library)
    library.frozen = _frozen_common(folder, shipped)
    return library


@dataclass(frozen=True)
class CommonRecount:
    """What counting a library's common n-grams again would change against its :data:`COMMON_FILE`: the file,
    the n-grams that would turn common and those that would stop being common, how many frequent 2-grams would
    change, and the new file's text."""

    path: Path
    added: frozenset[str]
    dropped: frozenset[str]
    frequent_changed: int  # 2-grams entering or leaving the frequent set
    text: str


def recount_common(library: Library) -> CommonRecount:
    """Count the library's common and frequent n-grams again (for ``drafter fragments common``): the file it
    would be written to is its folder's :data:`COMMON_FILE`."""
    folder = library.folder or data_dir("fragments")
    wordings = [t for f in library.fragments() for t in f.texts]
    common, frequent = counted(wordings)
    old_common, old_frequent = library.frozen or (frozenset(), frozenset())
    return CommonRecount(
        folder / COMMON_FILE,
        common - old_common,
        old_common - common,
        len(frequent ^ old_frequent),
        frozen_text((common, frequent), len(wordings)),
    )


def _frozen_common(folder: Path, shipped: Path) -> Counted | None:
    """The common and frequent n-grams of the folder's :data:`~drafter.overlap.COMMON_FILE`, else of the
    shipped library's (a user's few fragments do not change what is common), else None: counted."""
    for where in (folder, shipped):
        path = where / COMMON_FILE
        if path.is_file():
            return read_frozen(path)
    return None


def _check_ids(library: Library) -> None:
    seen: dict[str, Fragment] = {}
    for frag in library.fragments():
        if frag.id in seen:
            other = seen[frag.id]
            raise LibraryError(
                f"片段编号“{frag.id}”重复（{other.file}:{other.line} 已用过）",
                location=frag.location,
                hint="给其中一个改个编号",
            )
        seen[frag.id] = frag


def lint_library(library: Library) -> list[Diagnostic]:
    """Cross-file checks: dangling pairs, unanswered problems (warnings, for maintainers)."""
    ids = library.by_id()
    out: list[Diagnostic] = []
    for frag in (*library.fragments("存在问题"), *library.fragments("原因")):
        for target in frag.pairs:
            if target not in ids:
                out.append(Diagnostic("warning", f"pairs 指向不存在的片段 {target}", frag.location))
    for frag in library.fragments("存在问题"):
        if not frag.pairs:
            out.append(Diagnostic("warning", "这条存在问题没有对应的下一步措施（pairs）", frag.location))
        out += _cause_link_warnings(frag, ids)
    return out


def _cause_link_warnings(problem: Fragment, ids: dict[str, Fragment]) -> list[Diagnostic]:
    """A problem's ``causes`` that name no 原因 fragment, or one that can never be in the same draft."""
    out: list[Diagnostic] = []
    for target in problem.causes:
        cause = ids.get(target)
        if cause is None or cause.role != "原因":
            out.append(Diagnostic("warning", f"causes 指向的不是原因片段：{target}", problem.location))
        elif not _can_meet(problem, cause):
            out.append(
                Diagnostic(
                    "warning", f"causes 里的 {target} 与这条问题不会出现在同一篇稿子里", problem.location
                )
            )
    return out


def _can_meet(a: Fragment, b: Fragment) -> bool:
    """Whether two fragments can be printed in one draft: a unit type, a report kind, a voice and a year
    that both allow (an empty kinds list allows every kind; 通用 every unit type)."""
    types = "通用" in a.unit_types or "通用" in b.unit_types or bool(set(a.unit_types) & set(b.unit_types))
    kinds = not a.kinds or not b.kinds or bool(set(a.kinds) & set(b.kinds))
    first = max(a.years.first or 0, b.years.first or 0)
    last = min(a.years.last or 9999, b.years.last or 9999)
    return types and kinds and bool(set(a.voice) & set(b.voice)) and first <= last
