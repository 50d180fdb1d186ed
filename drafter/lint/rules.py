"""Rule files for ``drafter lint``: the shipped ``rules.yaml`` and users' own ``--rules`` files.

This module owns the *data* side of lint rules: the :class:`Rule` record, parsing and validating a
rule file (with file:line in every Chinese error message), and merging user files over the shipped
one.  Evaluating rules against text lives in :mod:`drafter.lint.checks`.

A rule file is YAML with up to three top-level keys::

    rules:                       # wording rules: a regular expression and a fix
      - id: typo-bushu
        severity: error          # error | warning | info (default warning)
        pattern: '布署|布暑'
        replace: '部署'          # optional: the corrected text (regex template, \\1 allowed)
        message: '“部署”误写'
        suggestion: '改为“{fix}”' # optional; {match} and {fix} are filled in
        source: 'https://…'      # where the rule comes from (required in the shipped file)
        context: '巡察'          # optional: fire only when the paragraph also matches this
        examples: {fire: ['工作布署'], pass: ['工作部署']}
    year_terms:                  # 提法 tied to a year (主题教育 2023, 党纪学习教育 2024 …)
      - id: year-djxx-2024
        name: 党纪学习教育
        pattern: '党纪学习教育'
        year: 2024               # the year it was this year's work
        until: 2024              # optional last year it was current (default: year)
        check_early: true        # optional: mentioning it in an earlier report is an error
        current: '开展|部署'     # optional: words that make a clause describe current work
        source: 'https://…'
        examples: {fire: ['2025|扎实开展党纪学习教育'], pass: ['2025|巩固深化党纪学习教育成果']}
    disable: [heading-level3-dunhao]   # rule ids (shipped or built-in checks) to switch off

A user rule with the id of a shipped rule replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from drafter import yamlio
from drafter.errors import Diagnostic, DrafterError, Location
from drafter.yamlio import FileKind, line_of, load, read_text

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

TOP_KEYS = ("version", "rules", "year_terms", "disable")
RULE_KEYS = ("id", "severity", "pattern", "replace", "message", "suggestion", "source", "context", "examples")
YEAR_KEYS = (
    "id",
    "severity",
    "name",
    "pattern",
    "year",
    "until",
    "check_early",
    "current",
    "message",
    "suggestion",
    "source",
    "examples",
)
EXAMPLE_KEYS = ("fire", "pass")

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
SHIPPED_NAME = "rules.yaml"


class RuleFileError(DrafterError):
    """A rule file cannot be read, is not valid YAML, or a rule in it is malformed."""


RULE_FILE = FileKind(
    "规则文件",
    RuleFileError,
    missing_hint="检查 --rules 后面的路径",
    example="参照 drafter 自带的 drafter/lint/rules.yaml",
)


@dataclass(frozen=True)
class Rule:
    """One wording rule or year-bound 提法 (``year`` is set for the latter)."""

    id: str
    severity: Severity
    pattern: re.Pattern[str]
    message: str
    source: str
    suggestion: str = ""
    replace: str | None = None
    context: re.Pattern[str] | None = None
    name: str = ""
    year: int | None = None
    until: int | None = None
    check_early: bool = True
    current: re.Pattern[str] | None = None
    examples_fire: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    origin: str = ""  # "file:line" where the rule is defined

    @property
    def is_year_term(self) -> bool:
        return self.year is not None

    @property
    def last_year(self) -> int | None:
        """The last year in which the 提法 describes current work."""
        if self.year is None:
            return None
        return self.until if self.until is not None else self.year


@dataclass(frozen=True)
class RuleSet:
    """Rules in order, plus ids switched off (with where each ``disable`` entry was written)."""

    rules: tuple[Rule, ...] = ()
    disabled: tuple[tuple[str, str], ...] = ()

    @property
    def disabled_ids(self) -> frozenset[str]:
        return frozenset(i for i, _ in self.disabled)

    def active(self) -> tuple[Rule, ...]:
        off = self.disabled_ids
        return tuple(r for r in self.rules if r.id not in off)

    def merged(self, other: RuleSet) -> RuleSet:
        """``other`` over ``self``: same ids are replaced in place, new ids appended."""
        by_id = {r.id: r for r in other.rules}
        rules = [by_id.pop(r.id, r) for r in self.rules]
        rules.extend(r for r in other.rules if r.id in by_id)
        return RuleSet(tuple(rules), self.disabled + other.disabled)


@dataclass
class _Problems:
    """Collects every problem of one file so the user sees them all at once."""

    file: str
    items: list[Diagnostic] = field(default_factory=list)

    def add(self, line: int | None, message: str, hint: str | None = None, key: str | None = None) -> None:
        self.items.append(Diagnostic("error", message, Location(self.file, line, None, key), hint))

    def raise_if_any(self) -> None:
        if self.items:
            first = self.items[0]
            raise RuleFileError(
                f"规则文件有 {len(self.items)} 处错误" if len(self.items) > 1 else first.message,
                location=first.location,
                hint=first.hint,
                diagnostics=list(self.items),
            )


def _compose(text: str, file: str) -> yaml.Node | None:
    """The checked node tree of a rule file (its values are read node by node with :func:`value`)."""
    return load(text, file, RULE_FILE)[0]


def _mapping_items(node: yaml.MappingNode) -> list[tuple[str, yaml.Node, int]]:
    out: list[tuple[str, yaml.Node, int]] = []
    for key_node, value_node in node.value:
        key = yamlio.value(key_node)
        out.append((str(key), value_node, line_of(key_node)))
    return out


def _compile(pattern: Any, probs: _Problems, line: int, rule_id: str, key: str) -> re.Pattern[str] | None:
    if not isinstance(pattern, str) or not pattern:
        probs.add(line, f"规则“{rule_id}”的 {key} 必须是非空字符串（正则表达式）", key=key)
        return None
    try:
        compiled = re.compile(pattern)
        slow = backtracking_risk(pattern)
    except re.error as exc:
        probs.add(
            line,
            f"规则“{rule_id}”的 {key} 不是合法的正则表达式：{exc.msg}",
            hint="正则表达式按 Python re 语法书写；在 YAML 里用单引号括起来，反斜杠无需再转义。",
            key=key,
        )
        return None
    if slow is not None:
        probs.add(
            line,
            f"规则“{rule_id}”的 {key} 可能让检查卡住：{slow}",
            hint="去掉嵌套的重复，例如把 (党+)+ 改成 党+；重复的部分只写一层。",
            key=key,
        )
        return None
    return compiled


MAX_PATTERN = 1_000  # characters in one rule pattern


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could take exponential time (Python's re backtracks), or None.

    Refused: a repeat nested inside another repeat (``(党+)+``, ``(a*)*b``, ``(?:x+y?)*``), a repeated
    group whose alternatives can match the same text (``(a|ab)+``), and very long patterns."""
    if len(pattern) > MAX_PATTERN:
        return f"正则表达式过长（超过 {MAX_PATTERN} 个字符）"
    import importlib
    import sys

    # the stdlib's own regex parser (``sre_parse`` before Python 3.11)
    sre_parse: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

    def walk(items: Any, inside_repeat: bool) -> str | None:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                _, high, sub = arg
                repeats = high is sre_parse.MAXREPEAT or high > 1
                if repeats and inside_repeat and name != "POSSESSIVE_REPEAT":
                    return "重复套在重复里（如 (党+)+）"
                found = walk(sub, inside_repeat or repeats)
                if found:
                    return found
            elif name == "SUBPATTERN":
                found = walk(arg[-1], inside_repeat)
                if found:
                    return found
            elif name == "BRANCH":
                for branch in arg[1]:
                    found = walk(branch, inside_repeat)
                    if found:
                        return found
                if inside_repeat and len(arg[1]) > 1:
                    return "重复的部分里有多个可选项（如 (甲|甲乙)+）"
            elif name in ("ASSERT", "ASSERT_NOT"):
                found = walk(arg[1], inside_repeat)
                if found:
                    return found
        return None

    return walk(sre_parse.parse(pattern), False)


def _str_list(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _check_example_keys(value_node: yaml.Node, line: int, probs: _Problems) -> None:
    """``examples`` must be a mapping whose keys are only fire and pass."""
    if not isinstance(value_node, yaml.MappingNode):
        probs.add(line, "examples 必须是映射：{fire: [...], pass: [...]}", key="examples")
        return
    for ex_key, _, ex_line in _mapping_items(value_node):
        if ex_key not in EXAMPLE_KEYS:
            probs.add(ex_line, f"examples 中的未知字段“{ex_key}”", hint="只能是 fire 或 pass", key=ex_key)


def _rule_fields(
    node: yaml.MappingNode, kind: Literal["rules", "year_terms"], probs: _Problems
) -> tuple[dict[str, Any], dict[str, int]]:
    """A rule's values and the line of each key; unknown and repeated keys are reported and skipped."""
    allowed = RULE_KEYS if kind == "rules" else YEAR_KEYS
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key, value_node, line in _mapping_items(node):
        if key not in allowed:
            probs.add(
                line,
                f"未知字段“{key}”",
                hint=f"{kind} 中的规则可用字段：{'、'.join(allowed)}",
                key=key,
            )
            continue
        values[key] = yamlio.value(value_node)  # a field written twice: yamlio refused the file
        lines[key] = line
        if key == "examples":
            _check_example_keys(value_node, line, probs)
    return values, lines


def _rule_id(values: dict[str, Any], lines: dict[str, int], start: int, probs: _Problems) -> str:
    """The rule's id, or a stand-in naming its line when the id is missing or malformed."""
    rule_id = values.get("id")
    if isinstance(rule_id, str) and _ID_RE.match(rule_id):
        return rule_id
    probs.add(
        lines.get("id", start),
        "规则缺少 id，或 id 不合法" if rule_id is None else f"规则 id“{rule_id}”不合法",
        hint="id 由英文字母、数字、连字符组成，例如 my-typo-1",
        key="id",
    )
    return f"<第{start}行的规则>"


def _rule_severity(
    values: dict[str, Any], lines: dict[str, int], start: int, rule_id: str, probs: _Problems
) -> Severity:
    """The rule's severity (warning when absent or not one of error, warning, info)."""
    severity = values.get("severity", "warning")
    if severity not in SEVERITIES:
        probs.add(
            lines.get("severity", start),
            f"规则“{rule_id}”的 severity 只能是 error、warning 或 info",
            key="severity",
        )
        return "warning"
    result: Severity = severity
    return result


def _rule_patterns(
    values: dict[str, Any], lines: dict[str, int], start: int, rule_id: str, probs: _Problems
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """The compiled ``pattern`` (required), ``context`` and ``current`` (optional); None where unusable."""
    pattern = None
    if "pattern" not in values:
        probs.add(start, f"规则“{rule_id}”缺少 pattern（正则表达式）", key="pattern")
    else:
        pattern = _compile(values["pattern"], probs, lines["pattern"], rule_id, "pattern")
    context = None
    if "context" in values:
        context = _compile(values["context"], probs, lines["context"], rule_id, "context")
    current = None
    if "current" in values:
        current = _compile(values["current"], probs, lines["current"], rule_id, "current")
    return pattern, context, current


def _check_texts(values: dict[str, Any], lines: dict[str, int], rule_id: str, probs: _Problems) -> None:
    """Text keys that are not text are reported and read as empty."""
    for text_key in ("message", "suggestion", "source", "replace", "name"):
        if text_key in values and not isinstance(values[text_key], str):
            probs.add(lines[text_key], f"规则“{rule_id}”的 {text_key} 必须是文字", key=text_key)
            values[text_key] = ""


def _checked_replace(
    replace: str | None, pattern: re.Pattern[str] | None, line: int | None, rule_id: str, probs: _Problems
) -> str | None:
    """``replace``, or None when it refers to a group the pattern does not have."""
    if replace is None or pattern is None:
        return replace
    try:
        # Group references must exist in the pattern (re only checks them on a match).
        for ref in re.findall(r"\\(\d+)|\\g<(\w+)>", replace):
            num = ref[0] or ref[1]
            if num.isdigit() and int(num) > pattern.groups:
                raise re.error(f"invalid group reference {num}")
            if not num.isdigit() and num not in pattern.groupindex:
                raise re.error(f"unknown group name {num}")
    except re.error as exc:
        probs.add(line, f"规则“{rule_id}”的 replace 引用了不存在的分组：{exc}", key="replace")
        return None
    return replace


def _rule_examples(
    values: dict[str, Any], lines: dict[str, int], rule_id: str, probs: _Problems
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The texts a rule must fire on and those it must pass."""
    fire: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()
    examples = values.get("examples")
    if not isinstance(examples, dict):
        return fire, passing
    for ex_key in EXAMPLE_KEYS:
        if ex_key in examples:
            parsed = _str_list(examples[ex_key])
            if parsed is None:
                probs.add(
                    lines["examples"], f"规则“{rule_id}”的 examples.{ex_key} 必须是文字列表", key=ex_key
                )
            elif ex_key == "fire":
                fire = parsed
            else:
                passing = parsed
    return fire, passing


def _term_years(
    values: dict[str, Any], lines: dict[str, int], start: int, rule_id: str, probs: _Problems
) -> tuple[int, int | None]:
    """A 提法's ``year`` (2000 when unusable) and ``until`` (None when absent or unusable)."""
    year = values.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        probs.add(lines.get("year", start), f"提法“{rule_id}”缺少 year，或 year 不是四位年份", key="year")
        year = 2000
    until = values.get("until")
    if until is not None and (not isinstance(until, int) or isinstance(until, bool) or until < year):
        probs.add(lines["until"], f"提法“{rule_id}”的 until 必须是不早于 year 的年份", key="until")
        until = None
    return year, until


def _term_check_early(values: dict[str, Any], lines: dict[str, int], rule_id: str, probs: _Problems) -> bool:
    """Whether naming a 提法 in a report for a year before it appeared is an error
    (true unless the rule says false)."""
    early = values.get("check_early", True)
    if not isinstance(early, bool):
        probs.add(
            lines["check_early"], f"提法“{rule_id}”的 check_early 只能是 true 或 false", key="check_early"
        )
        return True
    return early


def _check_term_examples(examples: tuple[str, ...], line: int, rule_id: str, probs: _Problems) -> None:
    """Every example of a 提法 starts with the year it is read in (the first one that does not is reported)."""
    for example in examples:
        if not re.match(r"^(19|20)\d{2}\|", example):
            probs.add(
                line,
                f"提法“{rule_id}”的示例“{example[:20]}”要以“年份|”开头，例如“2024|扎实开展主题教育”",
                key="examples",
            )
            break


def _parse_rule(
    node: yaml.Node, *, kind: Literal["rules", "year_terms"], probs: _Problems, require_source: bool
) -> Rule | None:
    start = line_of(node)
    if not isinstance(node, yaml.MappingNode):
        probs.add(start, f"{kind} 下的每一项必须是键值映射（以“- id: …”开头）")
        return None
    values, lines = _rule_fields(node, kind, probs)
    rule_id = _rule_id(values, lines, start, probs)
    severity = _rule_severity(values, lines, start, rule_id, probs)
    pattern, context, current = _rule_patterns(values, lines, start, rule_id, probs)
    _check_texts(values, lines, rule_id, probs)
    message = values.get("message", "")
    if kind == "rules" and not message:
        probs.add(
            lines.get("message", start), f"规则“{rule_id}”缺少 message（给用户看的说明）", key="message"
        )
    origin = f"{probs.file}:{start}"
    source = values.get("source", "")
    if not source:
        if require_source:
            probs.add(start, f"规则“{rule_id}”缺少 source（规则出处）", key="source")
        source = origin
    replace = _checked_replace(values.get("replace"), pattern, lines.get("replace"), rule_id, probs)
    fire, passing = _rule_examples(values, lines, rule_id, probs)

    year = until = None
    check_early = True
    name = values.get("name", "")
    if kind == "year_terms":
        year, until = _term_years(values, lines, start, rule_id, probs)
        check_early = _term_check_early(values, lines, rule_id, probs)
        if not name:
            probs.add(lines.get("name", start), f"提法“{rule_id}”缺少 name（提法全称）", key="name")
        _check_term_examples(fire + passing, lines.get("examples", start), rule_id, probs)
    if pattern is None:
        return None
    return Rule(
        id=rule_id,
        severity=severity,
        pattern=pattern,
        message=message,
        source=source,
        suggestion=values.get("suggestion", "") or "",
        replace=replace,
        context=context,
        name=name,
        year=year,
        until=until,
        check_early=check_early,
        current=current,
        examples_fire=fire,
        examples_pass=passing,
        origin=origin,
    )


def parse_rules(text: str, *, file: str, require_source: bool = False) -> RuleSet:
    """Parse and validate a rule file's text.  Raises :class:`RuleFileError` listing every problem."""
    root = _compose(text, file)
    probs = _Problems(file)
    if root is None:
        return RuleSet()
    if not isinstance(root, yaml.MappingNode):
        probs.add(line_of(root), "规则文件的顶层必须是映射（rules: / year_terms: / disable:）")
        probs.raise_if_any()
    rules: list[Rule] = []
    disabled: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    assert isinstance(root, yaml.MappingNode)
    for key, value_node, line in _mapping_items(root):
        if key not in TOP_KEYS:
            probs.add(line, f"未知的顶层字段“{key}”", hint=f"可用字段：{'、'.join(TOP_KEYS)}", key=key)
            continue
        if key == "version":
            continue
        if key == "disable":
            if not isinstance(value_node, yaml.SequenceNode):
                probs.add(line, "disable 必须是规则 id 的列表", key=key)
                continue
            for item in value_node.value:
                value = yamlio.value(item)
                if not isinstance(value, str) or not value:
                    probs.add(line_of(item), "disable 中的每一项必须是规则 id", key=key)
                else:
                    disabled.append((value, f"{file}:{line_of(item)}"))
            continue
        if isinstance(value_node, yaml.ScalarNode) and yamlio.value(value_node) is None:
            continue
        if not isinstance(value_node, yaml.SequenceNode):
            probs.add(line, f"{key} 必须是列表（每条规则以“- ”开头）", key=key)
            continue
        kind: Literal["rules", "year_terms"] = "rules" if key == "rules" else "year_terms"
        for item in value_node.value:
            rule = _parse_rule(item, kind=kind, probs=probs, require_source=require_source)
            if rule is None:
                continue
            if rule.id in seen:
                probs.add(line_of(item), f"规则 id“{rule.id}”重复（第{seen[rule.id]}行已定义）", key="id")
                continue
            seen[rule.id] = line_of(item)
            rules.append(rule)
    probs.raise_if_any()
    return RuleSet(tuple(rules), tuple(disabled))


def read_rule_file(path: Path) -> RuleSet:
    """Read a user's ``--rules`` file (UTF-8, with or without BOM)."""
    return parse_rules(read_text(path, RULE_FILE)[0], file=str(path))


def shipped_text() -> str:
    """The text of ``drafter/lint/rules.yaml``: beside this module, as drafter is installed (importlib.resources,
    a twentieth of a cold ``drafter render`` to import, only for a package that is not a folder)."""
    beside = Path(__file__).resolve().parent / SHIPPED_NAME
    if beside.is_file():
        return beside.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("drafter.lint").joinpath(SHIPPED_NAME).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def shipped_rules() -> RuleSet:
    """The rule file that ships with drafter (``drafter/lint/rules.yaml``)."""
    return parse_rules(shipped_text(), file=SHIPPED_NAME, require_source=True)
