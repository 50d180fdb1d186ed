"""The limits every template and fragment runs under, so that a user's ``--templates`` or ``--fragments``
folder cannot hang drafter, exhaust memory or read files outside its folder.

Owns the sandboxed Jinja environment class and its limits:

* **size** — no string, list or rendered output longer than :data:`MAX_OUTPUT` characters, checked
  *before* the value is built on every path that can grow one: ``*``, ``+``, ``~``, ``%`` formatting,
  ``str.format``, string methods (``center``, ``ljust``, ``replace``, ``join``…), the risky filters
  (``center``, ``indent``, ``format``, ``replace``, ``wordwrap``, ``truncate``, ``slice``, ``batch``,
  ``tojson``, ``join``), buffered blocks and macros, and the template output itself;
* **widths** — no width, count or padding above :data:`MAX_WIDTH`;
* **work** — ``range()`` up to :data:`MAX_RANGE` items, ``lipsum()`` up to :data:`MAX_LIPSUM` paragraphs,
  at most :data:`MAX_STEPS` loop iterations and calls per render, Python's recursion limit for macros;
* **time** — a whole draft gets :data:`TIME_LIMIT` seconds (:func:`time_budget`), enforced by a
  watchdog thread that interrupts the drafting thread;
* **files** — the template loader serves only regular files inside its folder, never through a symlink
  that leaves it.

A limit that is hit raises :class:`LimitError` (a Jinja ``SecurityError``) or :class:`DraftTimeout`;
drafter.render turns both into a Chinese message naming the template and line.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from copy import copy
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

from drafter.errors import LibraryError
from drafter.rxprogram import Programs

_PROGRAMS = Programs(__name__)  # patterns from their kept programs (drafter.rxprogram)

MAX_OUTPUT = 1_000_000  # characters in any one string, list or render (a whole report is ~10 000)
MAX_WIDTH = 10_000  # widths, paddings and counts given to formatting
MAX_RANGE = 10_000  # items of one range()
MAX_LIPSUM = 20  # paragraphs of one lipsum()
MAX_STEPS = 1_000_000  # loop iterations of one render
MAX_CALLS = 100_000  # macro and function calls of one render (a report makes a few hundred)
MAX_EXPONENT_BITS = 4_000  # ** results up to ~1 200 digits
TIME_LIMIT = 10.0  # seconds for one draft
REFIRE = 0.5  # seconds after which an overrun thread still armed is interrupted again


class LimitError(SecurityError):
    """A template or fragment went past one of the limits above (message in Chinese)."""


class DraftTimeout(BaseException):
    """Raised in the drafting thread by the watchdog when a draft runs past its time budget."""


# --------------------------------------------------------------------------- step counting (per render)

_state = threading.local()


@contextlib.contextmanager
def render_steps() -> Iterator[None]:
    """Count the loop steps and calls of one render from zero."""
    previous = getattr(_state, "steps", None), getattr(_state, "calls", None)
    _state.steps, _state.calls = 0, 0
    try:
        yield
    finally:
        _state.steps, _state.calls = previous


def _tick() -> None:
    steps = getattr(_state, "steps", None)
    if steps is None:
        return
    _state.steps = steps + 1
    if steps >= MAX_STEPS:
        raise LimitError(f"循环次数超过 {MAX_STEPS:,} 次的上限")


def _tick_call() -> None:
    calls = getattr(_state, "calls", None)
    if calls is None:
        return
    _state.calls = calls + 1
    if calls >= MAX_CALLS:
        raise LimitError(f"宏和函数的调用次数超过 {MAX_CALLS:,} 次的上限")


def _check_size(size: int, what: str = "生成的内容") -> None:
    if size > MAX_OUTPUT:
        raise LimitError(f"{what}超过 {MAX_OUTPUT:,} 字的上限")


def _check_width(value: Any, what: str = "宽度或个数") -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise LimitError(f"{what}（{value}）超过 {MAX_WIDTH:,} 的上限")


_PERCENT_SPEC = _PROGRAMS.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = _PROGRAMS.compile(r"\{[^{}]*?:([^{}]*)\}")
_DIGITS = _PROGRAMS.compile(r"\d+")


def _check_percent_format(template: str) -> None:
    """``'%0300000000d' % 1`` would build 300 MB in one step: refuse big or ``*`` widths first."""
    for m in _PERCENT_SPEC.finditer(template):
        for part in m.groups():
            if part == "*":
                raise LimitError(f"% 格式中不能用 * 指定宽度（宽度上限 {MAX_WIDTH:,}）")
            if part:
                _check_width(int(part[:12]), "格式宽度")


def _check_brace_format(template: str) -> None:
    if re.search(r"\{[^{}]*:[^{}]*\{", template):
        raise LimitError(f"格式中不能用 {{}} 嵌套指定宽度（宽度上限 {MAX_WIDTH:,}）")
    for m in _BRACE_SPEC.finditer(template):
        for digits in _DIGITS.findall(m.group(1)):
            _check_width(int(digits[:12]), "格式宽度")


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple)) else 0


_STR_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def _projected_replace(text: str, old: Any, new: Any) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return 0
    if not old:
        return len(text) + (len(text) + 1) * len(new)
    return len(text) + text.count(old) * (len(new) - len(old))


def _check_width_method(owner: str, name: str, values: list[Any]) -> None:
    for value in values:
        _check_width(value)
    if name == "expandtabs" and values and isinstance(values[0], int):
        _check_size(len(owner) + owner.count("\t") * values[0])


def _check_str_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call of a ``str`` method whose result would pass the limits, before it runs."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in _STR_WIDTH_METHODS:
        _check_width_method(owner, name, [*args, *kwargs.values()])
    elif name == "replace" and len(args) >= 2:
        _check_size(_projected_replace(owner, args[0], args[1]))
    elif name == "join" and args and isinstance(args[0], (list, tuple)):
        _check_size(sum(_length(x) for x in args[0]) + len(owner) * len(args[0]))
    elif name in ("format", "format_map"):
        _check_brace_format(owner)
    elif name in ("__mul__", "__rmul__") and args and isinstance(args[0], int):
        _check_size(len(owner) * args[0])
    elif name in ("__mod__", "__rmod__"):
        _check_percent_format(owner)


# --------------------------------------------------------------------------- filters and globals


def _check_filter_args(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a risky filter call whose result would pass the limits (``args[0]`` is the filtered value)."""
    for value in (*args[1:], *kwargs.values()):
        _check_width(value, f"过滤器 {name} 的参数")
    value = args[0] if args else None
    if name == "format" and isinstance(value, str):
        _check_percent_format(value)
    elif name == "replace" and len(args) >= 3 and isinstance(value, str):
        _check_size(_projected_replace(value, args[1], args[2]))
    elif name == "join" and isinstance(value, (list, tuple)):
        _check_size(sum(len(str(x)) for x in value))
    elif name == "indent" and isinstance(value, str):
        width = args[1] if len(args) > 1 else kwargs.get("width", 4)
        _check_size(
            len(value) + (value.count("\n") + 1) * (len(width) if isinstance(width, str) else int(width or 0))
        )


def _checked_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with :func:`_check_filter_args` before it and a size check of its result after it.  Filters
    marked ``@pass_eval_context`` / ``@pass_environment`` get that object first: it is passed through."""
    passes = hasattr(func, "jinja_pass_arg")

    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_filter_args(name, args[1:] if passes else args, kwargs)
        result = func(*args, **kwargs)
        _check_size(_length(result))
        return result

    if passes:
        checked.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    checked.__name__ = getattr(func, "__name__", name)
    return checked


_RISKY_FILTERS = (
    "center",
    "indent",
    "wordwrap",
    "format",
    "replace",
    "truncate",
    "slice",
    "batch",
    "tojson",
    "join",
)


def _bounded_range(*args: Any) -> range:
    for value in args:
        if not isinstance(value, int) or isinstance(value, bool):
            raise LimitError("range() 的参数应是整数")
    items = range(*args)
    if len(items) > MAX_RANGE:
        raise LimitError(f"range() 的项数（{len(items)}）超过 {MAX_RANGE:,} 的上限")
    return items


def _bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if n > MAX_LIPSUM or not 0 <= min <= max <= 200:
        raise LimitError(f"lipsum() 超过 {MAX_LIPSUM} 段、每段 200 词的上限")
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


# --------------------------------------------------------------------------- the environment


class _LimitedCodeGenerator(CodeGenerator):
    """Jinja's code generator with two hooks: ``~`` joins through :meth:`Sandbox.checked_join`, and every
    ``{% for %}`` iterates through :meth:`Sandbox.budgeted_iter` (one step per item)."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node = copy(node)
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("budgeted_iter"), [node.iter], [], None, None, lineno=node.lineno
        )
        super().visit_For(node, frame)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (no Python internals, no mutation, no file or network access beyond the
    loader's own folder) with the size, width and step limits of this module."""

    code_generator_class = _LimitedCodeGenerator
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        self.globals["lipsum"] = _bounded_lipsum
        for name in _RISKY_FILTERS:
            if name in self.filters:
                self.filters[name] = _checked_filter(name, self.filters[name])

    def concat(self, parts: Iterable[Any]) -> str:
        """Buffered output (macros, ``{% set %}`` blocks, whole renders) joined with the size limit."""
        out: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            _check_size(size)
            out.append(part)
        return "".join(out)

    def checked_join(self, parts: tuple[Any, ...]) -> str:
        texts = [str(p) for p in parts]
        _check_size(sum(map(len, texts)))
        return "".join(texts)

    def budgeted_iter(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            _tick()
            yield item

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_brace_format(value.__self__)
        return wrapped

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick_call()
        _check_str_method(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    _check_size(len(seq) * times, "重复生成的内容")
        elif operator == "+":
            _check_size(_length(left) + _length(right))
        elif operator == "%" and isinstance(left, str):
            _check_percent_format(left)
        elif (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right * abs(left).bit_length() > MAX_EXPONENT_BITS
        ):
            raise LimitError("乘方的结果过大")
        result = super().call_binop(context, operator, left, right)
        _check_size(_length(result))
        return result


def capped_render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """``template.render(context)`` with the step count reset and the output size limited as it streams."""
    with render_steps():
        out: list[str] = []
        size = 0
        stream = template.generate(context)
        for piece in stream:
            size += len(piece)
            try:
                _check_size(size)
            except LimitError as exc:
                exc.place = _suspended_at(stream, template)  # type: ignore[attr-defined]
                raise
            out.append(piece)
        return "".join(out)


def template_line(frame: Any, lineno: int) -> int:
    """The template line of a line of compiled template code (``debug_info``, as Jinja's own tracebacks map
    it); ``lineno`` unchanged for frames that are not compiled template code."""
    info = frame.f_globals.get("debug_info")
    if not isinstance(info, str) or not info:
        return lineno
    pairs = [tuple(map(int, x.split("="))) for x in info.split("&")]
    return next((t for t, c in reversed(pairs) if c <= lineno), 1)


def _suspended_at(stream: Any, template: jinja2.Template) -> tuple[str, int] | None:
    """The template file and line where a paused render stands (its innermost template generator)."""
    place: tuple[str, int] | None = None
    while stream is not None:
        frame = getattr(stream, "gi_frame", None)
        if frame is not None and "debug_info" in frame.f_globals:
            place = (frame.f_code.co_filename, template_line(frame, frame.f_lineno))
        stream = getattr(stream, "gi_yieldfrom", None)
    return place


MAX_TEMPLATE_BYTES = 1024 * 1024  # one template file (the shipped ones are a few KB)


class ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that serves only regular files of reasonable size whose real path stays inside
    its folder: a symlink ``notes.j2 -> /etc/passwd`` (or to a folder outside) is not followed, and a FIFO
    or device is refused before it is opened (opening a FIFO would wait forever)."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for searchpath in self.searchpath:
            filename = os.path.join(searchpath, *pieces)
            if not os.path.lexists(filename):
                continue
            real = os.path.realpath(filename)
            root = os.path.realpath(searchpath).rstrip(os.sep) + os.sep
            if not real.startswith(root) or not os.path.isfile(real):
                raise jinja2.TemplateNotFound(template, f"{template} 指向模板文件夹之外，或不是普通文件")
            if os.path.getsize(real) > MAX_TEMPLATE_BYTES:
                raise LimitError(f"模板文件 {template} 超过 {MAX_TEMPLATE_BYTES // 1024} KB 的上限")
            break
        return super().get_source(environment, template)


# --------------------------------------------------------------------------- time budget (per draft)


class _Watchdog:
    """One daemon thread per process that interrupts a thread whose draft has run past its deadline, by
    raising :class:`DraftTimeout` in it (CPython's ``PyThreadState_SetAsyncExc``)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.deadlines: dict[int, float] = {}
        self.fired: dict[int, float] = {}  # thread → when DraftTimeout was last raised in it
        self.pid = -1
        self.wake = threading.Event()

    def _ensure_thread(self) -> None:
        if self.pid != os.getpid():  # first use, or a forked batch worker (threads do not survive fork)
            self.pid = os.getpid()
            self.lock = threading.Lock()
            self.deadlines, self.fired = {}, {}
            threading.Thread(target=self._run, name="drafter-watchdog", daemon=True).start()

    def _run(self) -> None:
        while True:
            time.sleep(0.05)
            now = time.monotonic()
            with self.lock:
                for tid, deadline in list(self.deadlines.items()):
                    # again while the thread is still armed REFIRE later: an exception raised while Python ran
                    # a callback whose exceptions it ignores (a garbage-collector callback) was lost (CI,
                    # session 14: a slow template under load ran on past its budget)
                    if now > deadline and now > self.fired.get(tid, -REFIRE) + REFIRE:
                        self.fired[tid] = now
                        _set_async_exc(tid, DraftTimeout)

    def arm(self, seconds: float) -> int:
        self._ensure_thread()
        tid = threading.get_ident()
        with self.lock:
            self.deadlines[tid] = time.monotonic() + seconds
            self.fired.pop(tid, None)
        return tid

    def disarm(self, tid: int) -> None:
        with self.lock:
            self.deadlines.pop(tid, None)
            if self.fired.pop(tid, None) is not None:  # fired but perhaps not yet delivered: withdraw it
                _set_async_exc(tid, None)


def _set_async_exc(tid: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in thread ``tid`` (None: withdraw one not delivered yet).  ctypes is loaded only when a
    draft overruns, not by every run."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc) if exc else None)


_WATCHDOG = _Watchdog()


@contextlib.contextmanager
def time_budget(seconds: float | None = None) -> Iterator[None]:
    """Run the body with a deadline: past it, :class:`DraftTimeout` is raised inside the body.

    Nested uses keep the outer deadline.  ``DRAFTER_TIME_LIMIT`` (seconds) overrides the default."""
    if getattr(_state, "budget", False):
        yield
        return
    limit = seconds if seconds is not None else float(os.environ.get("DRAFTER_TIME_LIMIT") or TIME_LIMIT)
    tid = _WATCHDOG.arm(limit)
    _state.budget = True
    try:
        yield
    except DraftTimeout:
        raise LibraryError(
            f"起草超时（超过 {limit:g} 秒），已停止",
            hint="检查 --templates、--fragments 里的模板和片段"
            "是否有过多的循环或递归；设置环境变量 DRAFTER_TIME_LIMIT 可放宽时限（秒）",
        ) from None
    finally:
        _state.budget = False
        _WATCHDOG.disarm(tid)


_PROGRAMS.save()
