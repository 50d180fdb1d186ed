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

import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.errors import LibraryError, Location
from drafter.facts import Facts
from drafter.library import Fragment
from drafter.model import PH_CLOSE, PH_OPEN
from drafter.schema import FIELDS, Field

# XML 1.0 forbids most C0 controls; Word also chokes on the private-use sentinels and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff" + PH_OPEN + PH_CLOSE + "]")
_SPACES = re.compile(r"[\t\r\n\u2028\u2029]+")


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
    loader = jinja2.FileSystemLoader(str(template_dir)) if template_dir else None
    env = ImmutableSandboxedEnvironment(
        loader=loader,
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


def join_post(unit: Any, post: Any) -> Any:
    """某区某某街道 + 街道党工委书记 → 某区某某街道党工委书记 (no doubled 街道); placeholders pass through."""
    if isinstance(unit, Missing) or isinstance(post, Missing):
        return Rendered(f"{_finalize(unit)}{_finalize(post)}")
    unit_text, post_text = clean_text(str(unit)), clean_text(str(post))
    for size in range(min(len(unit_text), len(post_text)), 1, -1):
        if unit_text.endswith(post_text[:size]):
            return unit_text + post_text[size:]
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
        elif f.kind in ("texts", "items", "ids"):
            ctx[f.key] = list(value) if isinstance(value, list) else []
        else:
            ctx[f.key] = value if value is not None and value != "" else Missing(path)
    return ctx


def fact_context(facts: Facts) -> dict[str, Any]:
    """The Jinja context: every schema key present, missing scalars as :class:`Missing`."""
    return _group_context(FIELDS, facts.data, "")


class FragmentRenderer:
    """Compiles each fragment once and renders it against a facts context."""

    def __init__(self, env: ImmutableSandboxedEnvironment) -> None:
        self.env = env
        self._cache: dict[tuple[str, str], jinja2.Template] = {}

    def _compile(self, source: str, where: Location) -> jinja2.Template:
        key = (str(where), source)
        template = self._cache.get(key)
        if template is None:
            try:
                template = self.env.from_string(source)
            except jinja2.TemplateSyntaxError as exc:
                raise LibraryError(f"片段中的模板语法错误：{exc.message}", location=where,
                                   hint="检查 {{ }} 和 {% %} 是否成对") from None
            self._cache[key] = template
        return template

    def render_text(self, source: str, context: dict[str, Any], where: Location) -> Rendered:
        template = self._compile(source, where)
        try:
            return Rendered(" ".join(template.render(context).split()))
        except jinja2.UndefinedError as exc:
            raise LibraryError(f"片段用了不存在的事实：{exc.message}", location=where,
                               hint="事实名见 drafter schema；写错的名字请改正") from None
        except jinja2.exceptions.SecurityError as exc:
            raise LibraryError(f"片段做了不允许的操作：{exc}", location=where,
                               hint="片段只能引用事实，不能调用 Python 内部属性") from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise LibraryError(f"片段渲染失败：{exc}", location=where, hint="检查片段中的表达式") from None

    def render(self, fragment: Fragment, context: dict[str, Any]) -> Rendered:
        return self.render_text(fragment.text, context, fragment.location)


def render_report(env: ImmutableSandboxedEnvironment, template_name: str, context: dict[str, Any]) -> str:
    """Render the report kind's outline template."""
    try:
        template = env.get_template(template_name)
    except jinja2.TemplateNotFound:
        raise LibraryError(f"找不到报告模板 {template_name}", location=Location(template_name),
                           hint="检查 --templates 指向的文件夹") from None
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(f"报告模板语法错误：{exc.message}", location=Location(exc.filename or template_name,
                           exc.lineno), hint="检查 {{ }} 和 {% %} 是否成对") from None
    try:
        return template.render(context)
    except jinja2.UndefinedError as exc:
        raise LibraryError(f"报告模板用了不存在的名字：{exc.message}", location=Location(template_name),
                           hint="模板可用的名字见 README 的“模板”一节") from None
    except jinja2.exceptions.SecurityError as exc:
        raise LibraryError(f"报告模板做了不允许的操作：{exc}", location=Location(template_name)) from None
