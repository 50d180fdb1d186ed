"""Stage 3: render fragments and the report template with Jinja, sandboxed.

Owns the Jinja environment and the rules that keep facts as data:

* every template and fragment runs in Jinja's ``ImmutableSandboxedEnvironment`` with
  ``StrictUndefined``: a template that names something that does not exist is a bug and fails loudly;
* a fact the user did not give is a :class:`Missing` value, printed as a placeholder sentinel that the
  document model turns into 【待补充：名称】 (never a blank, never a number from elsewhere);
* a fact value is printed as it is: ``{{ }}`` inside it is not rendered, and newlines, tabs, control
  characters and the sentinels themselves are cleaned so no value can inject outline markup.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.cache import SafeBytecodeCache
from drafter.errors import LibraryError, Location
from drafter.facts import Facts
from drafter.library import Fragment
from drafter.model import PH_CLOSE, PH_OPEN
from drafter.rxprogram import Programs
from drafter.sandbox import (
    MAX_OUTPUT,
    ContainedLoader,
    DraftTimeout,
    LimitError,
    Sandbox,
    capped_render,
    template_line,
)
from drafter.schema import FIELDS, Field

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)
# XML 1.0 forbids most C0 controls; Word also chokes on the private-use sentinels and lone surrogates.
_CONTROL = _PROGRAMS.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff" + PH_OPEN + PH_CLOSE + "]"
)
# Every character str.splitlines() breaks on (U+0085 NEL included) becomes a space: a value stays one line.
_SPACES = _PROGRAMS.compile(r"[\t\r\n\x85\u2028\u2029]+")


def clean_text(value: str) -> str:
    """Make a user value safe for outline markup and XML: one line, no control characters."""
    return _CONTROL.sub("", _SPACES.sub(" ", value)).strip()


class Missing:
    """A fact the facts file does not give.  Falsy; prints as a placeholder sentinel."""

    __slots__ = ("label", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self.label = path.rsplit(".", 1)[-1]

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return f"{PH_OPEN}{self.label}{PH_CLOSE}"

    def __repr__(self) -> str:
        return f"Missing({self.path!r})"


class Rendered(str):
    """Text already rendered by drafter (fragments): passed through without re-cleaning sentinels."""

    __slots__ = ()


def _finalize(value: Any) -> Any:
    if isinstance(value, Missing):
        return str(value)
    if isinstance(value, Rendered):
        return _SPACES.sub(" ", value)
    if value is None:
        return ""
    return clean_text(str(value))


def make_environment(template_dir: Path | None = None) -> ImmutableSandboxedEnvironment:
    """The sandboxed environment every template and fragment runs in; ``template_dir`` holds report.j2 files."""
    if template_dir is not None and not template_dir.is_dir():
        raise LibraryError(
            "找不到模板文件夹",
            location=Location(template_dir),
            hint="--templates 应指向含有“书记述职/report.j2”等模板的文件夹",
        )
    sources = _SourceLoader()
    loaders: list[jinja2.BaseLoader] = [sources]
    if template_dir:
        loaders.insert(0, ContainedLoader(str(template_dir)))
    env = Sandbox(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["职务简称"] = short_post
    env.filters["接职务"] = join_post
    return env


class _SourceLoader(jinja2.BaseLoader):
    """Serves fragment texts by the name ``fragment:<sha256 of the text>``, so that fragments are loaded
    like files and Jinja's bytecode cache can keep them compiled between runs."""

    PREFIX = "\x00fragment:"

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}

    def name_for(self, source: str) -> str:
        name = self.PREFIX + hashlib.sha256(source.encode("utf-8")).hexdigest()
        self.sources[name] = source
        return name

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        if template not in self.sources:
            raise jinja2.TemplateNotFound(template)
        return self.sources[template], None, lambda: True


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled fragments kept under drafter's cache folder (see drafter.cache), in a folder named after
    the code that compiles them, so a new drafter or Jinja never loads an old compilation."""
    from drafter.cache import code_digest, prune, safe_folder

    here = Path(__file__).resolve().parent
    folder = safe_folder(f"jinja-{code_digest(here / 'render.py', here / 'sandbox.py')}")
    if folder is None:
        return None
    prune(folder)
    return _KeyedBytecodeCache(str(folder))


class _KeyedBytecodeCache(SafeBytecodeCache):
    """Compiled fragments (``f-``) and report templates (``t-``).  Jinja keys an entry by the template's name
    and file and checks it against the source's digest, and the compiled code keeps the template's file name
    and line table, so an error inside a cached report template is still reported at its own file and line
    (compiling report.j2 afresh was a tenth of a cold ``drafter render``)."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = super().get_cache_key(name, filename)
        return ("f-" if name.startswith(_SourceLoader.PREFIX) else "t-") + key


def join_post(unit: Any, post: Any) -> Any:
    """某区某某街道 + 街道党工委书记 → 某区某某街道党工委书记 (no doubled 街道); placeholders pass through."""
    if isinstance(unit, Missing) or isinstance(post, Missing):
        return Rendered(f"{_finalize(unit)}{_finalize(post)}")
    unit_text, post_text = clean_text(str(unit)), clean_text(str(post))
    for size in range(min(len(unit_text), len(post_text)), 1, -1):
        if unit_text.endswith(post_text[:size]):
            return unit_text + post_text[size:]
    if (
        unit_text and unit_text[-1] in "村镇乡" and post_text.startswith(unit_text[-1])
    ):  # 某某村 + 村党支部书记
        return unit_text + post_text[1:]
    return unit_text + post_text


def short_post(value: Any) -> Any:
    """党组书记、主任 → 党组书记 (the part a title uses)."""
    if isinstance(value, Missing) or not value:
        return ""
    return re.split(r"[、，,；;]", str(value), maxsplit=1)[0]


def _group_context(fields: tuple[Field, ...], data: dict[str, Any], prefix: str) -> dict[str, Any]:
    ctx: dict[str, Any] = {}
    for f in fields:
        path = f"{prefix}.{f.key}" if prefix else f.key
        value = data.get(f.key)
        if f.kind == "group":
            ctx[f.key] = _group_context(f.children, value if isinstance(value, dict) else {}, path)
        elif f.kind in ("texts", "items", "ids", "fusion"):
            ctx[f.key] = list(value) if isinstance(value, list) else []
        else:
            ctx[f.key] = value if value is not None and value != "" else Missing(path)
    return ctx


def fact_context(facts: Facts) -> dict[str, Any]:
    """The Jinja context: every schema key present, missing scalars as :class:`Missing`."""
    return _group_context(FIELDS, facts.data, "")


# What a template or fragment can raise while it renders, besides the sandbox's SecurityError.
_RUNTIME_ERRORS = (
    jinja2.TemplateError,
    TypeError,
    ValueError,
    ArithmeticError,
    LookupError,
    AttributeError,
    RecursionError,
    MemoryError,
    DraftTimeout,
)


def _template_place(exc: BaseException, folder: str | None) -> tuple[str, int] | None:
    """The template file and line an error happened in.  Jinja rewrites tracebacks so that their frames
    point into the templates; the innermost such frame is the place (the outermost for endless recursion,
    whose innermost frame is arbitrary)."""
    place = getattr(exc, "place", None)  # set by the output-size limit (drafter.sandbox.capped_render)
    if place is not None:
        return place  # type: ignore[no-any-return]
    places: list[tuple[str, int]] = []
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if folder and name.startswith(folder.rstrip(os.sep) + os.sep):
            places.append((name, template_line(tb.tb_frame, tb.tb_lineno)))
        tb = tb.tb_next
    if not places:
        return None
    return places[0] if isinstance(exc, RecursionError) else places[-1]


_UNSAFE_ATTR = _PROGRAMS.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe")
_UNDEFINED = (
    (_PROGRAMS.compile(r"^'([^']*)' is undefined$"), "没有名为“{0}”的事实或变量"),
    (_PROGRAMS.compile(r"^'?([^']*?)'? has no attribute '([^']*)'$"), "“{1}”不存在"),
    (_PROGRAMS.compile(r"^'?([^']*?)'? has no element (.*)$"), "没有第 {1} 项"),
)


def _detail(exc: BaseException) -> str:
    """The Chinese gist of Jinja's English message for the common cases; the original otherwise."""
    text = str(getattr(exc, "message", None) or exc)
    m = _UNSAFE_ATTR.search(text)
    if m:
        return f"不能访问属性“{m[1]}”"
    for pattern, template in _UNDEFINED:
        m = pattern.match(text)
        if m:
            return template.format(*m.groups())
    return text


_LIMITS_HINT = "用户模板和片段在限制下运行（见 README“出错时”）：检查其中的循环、重复和格式宽度"


def _problem(exc: BaseException) -> tuple[str, str]:
    """Chinese (what went wrong, hint) for an error raised while rendering a template or fragment."""
    if isinstance(exc, LimitError):
        return f"超出限制：{exc.message or exc}", _LIMITS_HINT
    if isinstance(exc, DraftTimeout):
        return "运行超时", _LIMITS_HINT
    if isinstance(exc, SecurityError):
        return (
            f"做了不允许的操作（{_detail(exc)}）",
            "模板和片段只能引用事实和列出的名字，不能调用 Python 内部属性、读写文件或联网",
        )
    if isinstance(exc, jinja2.UndefinedError):
        return (
            f"用了不存在的名字（{_detail(exc)}）",
            "事实名见 drafter schema；模板可用的名字见 README 的“模板”一节",
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return (
            f"引用的模板文件不存在（{exc.name}）",
            "{% include %}、{% extends %} 只能引用 --templates 文件夹里的文件",
        )
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"语法错误（{exc.message}）", "检查 {{ }} 和 {% %} 是否成对，过滤器名是否写对"
    if isinstance(exc, RecursionError):
        return "引用了自己，陷入无限循环", "检查 {% include %} 和 {% extends %}"
    if isinstance(exc, MemoryError):
        return "生成的内容过大", "检查模板中的循环和重复"
    if isinstance(exc, ZeroDivisionError):
        return "中有除数为零的算式", "检查模板中的算式"
    if isinstance(exc, OverflowError):
        return "中的数值或范围过大", "检查模板中的算式和 range()"
    for kind, problem in _PYTHON_PROBLEMS:
        if isinstance(exc, kind):
            return problem, "检查模板中的表达式"
    return "渲染失败", "检查模板中的表达式"


# Python's own messages are English: say in Chinese what kind of mistake it is instead.
_PYTHON_PROBLEMS: tuple[tuple[type[BaseException], str], ...] = (
    (TypeError, "中的运算或调用用错了类型（例如把数字和文字相加，或调用了不能调用的东西）"),
    (KeyError, "引用了不存在的键"),
    (IndexError, "引用了不存在的第几项"),
    (AttributeError, "引用了不存在的属性"),
    (ValueError, "中有不合要求的值（例如把文字转换成数字）"),
    (ArithmeticError, "中的算式无法计算"),
)


_PLACEHOLDER = _PROGRAMS.compile(r"{{\s*([^\W\d]\w*(?:\.[^\W\d]\w*)*)\s*}}")
# names a lookup must not go by: dict's own attributes (Jinja's getattr finds those first) and Jinja's literals
_NOT_KEYS = frozenset((*dir(dict), "true", "false", "none", "True", "False", "None"))


@lru_cache(maxsize=16384)
def _placeholders(source: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | None:
    """``source`` as its text between ``{{ 名字.名字 }}`` slots and the names in each slot; None when it holds
    any other Jinja, or a brace or line break of its own."""
    texts: list[str] = []
    paths: list[tuple[str, ...]] = []
    at = 0
    for m in _PLACEHOLDER.finditer(source):
        texts.append(source[at : m.start()])
        paths.append(tuple(m[1].split(".")))
        at = m.end()
    texts.append(source[at:])
    if any(ch in text for text in texts for ch in "{}\r\n") or any(
        n in _NOT_KEYS or not n.isidentifier() for p in paths for n in p
    ):
        return None
    return tuple(texts), tuple(paths)


class FragmentRenderer:
    """Compiles each fragment once and renders it against a facts context."""

    def __init__(self, env: ImmutableSandboxedEnvironment) -> None:
        self.env = env
        self._cache: dict[tuple[str, str], jinja2.Template] = {}
        loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else []
        self._sources = next((x for x in loaders if isinstance(x, _SourceLoader)), None)

    def _load(self, source: str) -> jinja2.Template:
        if self._sources is None:
            return self.env.from_string(source)
        return self.env.get_template(self._sources.name_for(source))

    def _compile(self, source: str, where: Location) -> jinja2.Template:
        key = (str(where), source)
        template = self._cache.get(key)
        if template is None:
            try:
                template = self._load(source)
            except jinja2.TemplateSyntaxError as exc:
                raise LibraryError(
                    f"片段中的模板语法错误：{exc.message}",
                    location=where,
                    hint="检查 {{ }} 和 {% %} 是否成对",
                ) from None
            except (*_RUNTIME_ERRORS, SecurityError) as exc:  # constant folding may run code at compile time
                problem, hint = _problem(exc)
                raise LibraryError(f"片段{problem}", location=where, hint=hint) from None
            self._cache[key] = template
        return template

    def render_text(self, source: str, context: dict[str, Any], where: Location) -> Rendered:
        filled = self._filled(source, context)
        if filled is not None:
            return Rendered(" ".join(filled.split()))
        template = self._compile(source, where)
        try:
            return Rendered(" ".join(capped_render(template, context).split()))
        except (*_RUNTIME_ERRORS, SecurityError) as exc:
            problem, hint = _problem(exc)
            raise LibraryError(f"片段{problem}", location=where, hint=hint) from None

    def _filled(self, source: str, context: dict[str, Any]) -> str | None:
        """``source`` rendered without Jinja when its only Jinja is ``{{ 名字.名字 }}`` (nearly every wording in
        the library): each name found by dict lookups, as the compiled template's ``environment.getattr``
        finds a key that is no attribute of ``dict``, and printed through the environment's ``finalize``
        as the template prints it.  None — render with Jinja, which also reports what is wrong — for any
        other source or lookup: a name not in the context or a key not in a dict, a value that is no dict
        but is looked into, a finalize that fails, an output over the size limit."""
        parts = _placeholders(source) if self.env.finalize is _finalize and not self.env.autoescape else None
        if parts is None:
            return None
        texts, paths = parts
        out = [texts[0]]
        for path, text in zip(paths, texts[1:], strict=True):
            value: Any = context
            for name in path:
                if type(value) is not dict or name not in value:
                    return None
                value = value[name]
            try:
                out.append(str(_finalize(value)))
            except Exception:  # the template then raises it, with the fragment's place
                return None
            out.append(text)
        filled = "".join(out)
        return filled if len(filled) <= MAX_OUTPUT else None

    def render(self, fragment: Fragment, context: dict[str, Any], variant: int = 0) -> Rendered:
        """Render the fragment's text, or its alternative wording number ``variant`` (1, 2 …)."""
        return self.render_text(fragment.texts[variant % len(fragment.texts)], context, fragment.location)


def _template_folder(env: ImmutableSandboxedEnvironment) -> str | None:
    """The --templates (or shipped) folder the report templates load from."""
    loaders = env.loader.loaders if isinstance(env.loader, jinja2.ChoiceLoader) else [env.loader]
    for loader in loaders:
        if isinstance(loader, jinja2.FileSystemLoader) and loader.searchpath:
            return os.path.normpath(loader.searchpath[0])
    return None


def _template_path(env: ImmutableSandboxedEnvironment, name: str) -> str:
    folder = _template_folder(env)
    return str(Path(folder) / name) if folder else name


def render_report(env: ImmutableSandboxedEnvironment, template_name: str, context: dict[str, Any]) -> str:
    """Render the report kind's outline template."""
    where = _template_path(env, template_name)
    try:
        template = env.get_template(template_name)
    except jinja2.TemplateNotFound:
        raise LibraryError(
            f"找不到报告模板 {template_name}",
            location=Location(where),
            hint="检查 --templates 指向的文件夹：每种报告类型一个子文件夹，内有 report.j2",
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(
            f"报告模板语法错误：{exc.message}",
            location=Location(exc.filename or where, exc.lineno),
            hint="检查 {{ }} 和 {% %} 是否成对，过滤器名是否写对",
        ) from None
    except (*_RUNTIME_ERRORS, SecurityError, OSError) as exc:
        problem, hint = _problem(exc) if not isinstance(exc, OSError) else ("无法读取", "检查模板文件")
        raise LibraryError(f"报告模板{problem}", location=Location(where), hint=hint) from None
    filename = template.filename or where
    try:
        return capped_render(template, context)
    except jinja2.TemplateSyntaxError as exc:  # in a template pulled in by {% include %}
        raise LibraryError(
            f"报告模板引用的模板语法错误：{exc.message}",
            location=Location(exc.filename or filename, exc.lineno),
            hint="检查 {{ }} 和 {% %} 是否成对，过滤器名是否写对",
        ) from None
    except (*_RUNTIME_ERRORS, SecurityError) as exc:
        problem, hint = _problem(exc)
        place = _template_place(exc, _template_folder(env))
        raise LibraryError(
            f"报告模板{problem}", location=Location(*place) if place else Location(filename), hint=hint
        ) from None


_PROGRAMS.save()
