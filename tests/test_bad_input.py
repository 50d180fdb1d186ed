"""Bad input through the CLI: every case exits 2 with a Chinese message naming the file (and, where there is
one, the line and the key) and a hint, shows no traceback, and changes nothing on disk.

Each case builds its own folder: a facts file, a pre-existing draft ``稿.docx`` the user may have edited,
and whatever broken templates, fragments or output paths the case needs.  The command runs with
``--force`` wherever the output would otherwise be written, so only the error stands between the user's
draft and an overwrite.  Afterwards every file in the folder must be byte-for-byte what it was: no
half-written draft, no backup, no leftover ``.drafter-*`` temporary file.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FACTS, FIXTURE_FRAGMENTS

from drafter.cli import cli
from drafter.resources import data_dir

OLD_DRAFT = "稿.docx"
OLD_BYTES = b"PK\x03\x04 the user's earlier draft, edited by hand"

GOOD = FACTS


@dataclass
class Case:
    """One bad input: the CLI arguments and what the message must contain."""

    args: list[str | Path]
    file: str  # a file or folder name the message must name
    line: int | None = None  # written as "name:line"
    key: str | None = None  # written as 键“key”
    words: tuple[str, ...] = ()  # further Chinese words the message must contain
    extra: list[str] = field(default_factory=list)  # more substrings


Builder = Callable[[Path], Case]
CASES: dict[str, Builder] = {}


def case(name: str) -> Callable[[Builder], Builder]:
    def register(build: Builder) -> Builder:
        assert name not in CASES
        CASES[name] = build
        return build

    return register


def facts(tmp: Path, content: str | bytes, name: str = "事实.yaml") -> Path:
    path = tmp / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def render(path: Path, *more: str | Path) -> list[str | Path]:
    """``drafter render FACTS -o 稿.docx --force``: a success would overwrite the user's draft."""
    return ["render", path, "-o", path.parent / OLD_DRAFT, "--force", *more]


def facts_case(
    content: str | bytes, *, line: int | None = None, key: str | None = None, words: tuple[str, ...] = ()
) -> Builder:
    def build(tmp: Path) -> Case:
        path = facts(tmp, content)
        return Case(render(path), path.name, line, key, words)

    return build


# --------------------------------------------------------------------------- the facts file: reading


CASES["empty-file"] = facts_case("", words=("空的",))
CASES["only-comments"] = facts_case("# 述职事实\n\n   \n# 还没填\n", words=("空的",))
CASES["binary-with-nul"] = facts_case(bytes(range(256)) * 8, words=("不是文本文件",))
CASES["binary-without-nul"] = facts_case(bytes([0x81, 0xFF, 0x30, 0xC3, 0x28, 0xFE]) * 200, words=("编码",))
CASES["utf16-bom-garbage"] = facts_case(b"\xff\xfe\x00\xd8a", words=("编码",))
CASES["control-character"] = facts_case(
    "年度: 2024\n单位:\n  全称: 某\x01局\n", line=3, key="单位.全称", words=("控制字符",)
)


@case("docx-given-as-facts")
def _docx_as_facts(tmp: Path) -> Case:
    path = tmp / "述职报告.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return Case(render(path), path.name, words=("不是文本文件",))


@case("facts-file-missing")
def _missing(tmp: Path) -> Case:
    return Case(render(tmp / "没有这个文件.yaml"), "没有这个文件.yaml", words=("找不到事实文件",))


@case("facts-path-is-a-folder")
def _folder(tmp: Path) -> Case:
    (tmp / "事实文件夹").mkdir()
    return Case(render(tmp / "事实文件夹"), "事实文件夹", words=("文件夹",))


@case("ten-megabyte-value")
def _ten_mb(tmp: Path) -> Case:
    path = facts(tmp, "年度: 2024\n单位:\n  全称: " + "某" * (10 * 1024 * 1024 // 3 + 10) + "\n")
    return Case(render(path), path.name, 3, "单位.全称", ("过长",))


# --------------------------------------------------------------------------- the facts file: YAML syntax


CASES["tab-indent"] = facts_case("年度: 2024\n单位:\n\t全称: 某局\n", line=3, key="单位.全称", words=("Tab",))
CASES["unclosed-double-quote"] = facts_case(
    '年度: 2024\n单位:\n  全称: "某局\n  简称: 某\n', line=3, key="单位.全称", words=("引号",)
)
CASES["unclosed-single-quote"] = facts_case(
    "年度: 2024\n述职人:\n  姓名: '张三\n", line=3, key="述职人.姓名", words=("引号",)
)
CASES["unclosed-bracket"] = facts_case(
    "年度: 2024\n业务融合: [完成任务, 推进改革\n", line=2, key="业务融合", words=("方括号",)
)
CASES["duplicate-top-key"] = facts_case("年度: 2024\n年度: 2025\n", line=2, key="年度", words=("重复",))
CASES["duplicate-nested-key"] = facts_case(
    "单位:\n  全称: 甲\n  简称: 乙\n  全称: 丙\n", line=4, key="单位.全称", words=("重复", "第2行")
)
CASES["chinese-colon"] = facts_case(
    "年度: 2024\n单位：\n  全称: 某局\n", line=2, key="单位", words=("中文冒号",)
)
CASES["colon-without-space"] = facts_case("年度:2024\n", line=1, words=("空格",))
CASES["second-document"] = facts_case("年度: 2024\n---\n年度: 2025\n", line=2, words=("---",))
CASES["python-tag"] = facts_case(
    "年度: 2024\n单位:\n  全称: !!python/object/apply:os.system [ls]\n",
    line=3,
    key="单位.全称",
    words=("不支持",),
)
CASES["unknown-tag"] = facts_case(
    "年度: 2024\n单位:\n  全称: !!weird 某局\n", line=3, key="单位.全称", words=("标记",)
)
CASES["bad-indent"] = facts_case("单位:\n  全称: 某局\n 简称: 某\n", line=3, key="单位.简称", words=("缩进",))
CASES["undefined-alias"] = facts_case(
    "年度: 2024\n单位:\n  全称: *某局\n", line=3, key="单位.全称", words=("别名",)
)


# --------------------------------------------------------------------------- the facts file: shapes and values


CASES["top-level-list"] = facts_case("- 年度\n- 2024\n", line=1, words=("最外层", "列表"))
CASES["list-where-mapping"] = facts_case("年度: 2024\n单位:\n  - 某局\n", line=2, key="单位", words=("分组",))
CASES["text-where-mapping"] = facts_case("年度: 2024\n述职人: 张三\n", line=2, key="述职人", words=("分组",))
CASES["mapping-where-list"] = facts_case(
    "年度: 2024\n业务融合:\n  成效: 完成任务\n", line=2, key="业务融合", words=("列表",)
)
CASES["scalar-where-list"] = facts_case("年度: 2024\n选用: 12\n", line=2, key="选用", words=("列表",))
CASES["text-where-count"] = facts_case(
    "年度: 2024\n思想建设:\n  中心组学习次数: 十二次\n",
    line=3,
    key="思想建设.中心组学习次数",
    words=("只写数字",),
)
CASES["count-with-unit"] = facts_case(
    "年度: 2024\n组织建设:\n  党员数: 120人\n", line=3, key="组织建设.党员数", words=("只写数字",)
)
CASES["negative-count"] = facts_case(
    "年度: 2024\n党风廉政:\n  警示教育次数: -3\n", line=3, key="党风廉政.警示教育次数", words=("负数",)
)
CASES["huge-count"] = facts_case(
    "年度: 2024\n组织建设:\n  党员数: 100000000000000000000\n",
    line=3,
    key="组织建设.党员数",
    words=("超出范围",),
)
CASES["five-thousand-digits"] = facts_case(
    "年度: 2024\n组织建设:\n  党员数: " + "9" * 5000 + "\n",
    line=3,
    key="组织建设.党员数",
    words=("数字过大",),
)
CASES["fractional-count"] = facts_case(
    "年度: 2024\n组织建设:\n  党员数: 3.5\n", line=3, key="组织建设.党员数", words=("整数",)
)
CASES["infinite-value"] = facts_case(
    "年度: 2024\n组织建设:\n  按期换届率: .inf\n", line=3, key="组织建设.按期换届率", words=("超出范围",)
)
CASES["yes-as-count"] = facts_case(
    "年度: 2024\n思想建设:\n  专题党课次数: yes\n", line=3, key="思想建设.专题党课次数", words=("整数",)
)
CASES["percent-over-100"] = facts_case(
    "年度: 2024\n组织建设:\n  按期换届率: 150\n", line=3, key="组织建设.按期换届率", words=("超出范围",)
)
CASES["year-out-of-range"] = facts_case(
    "报告类型: 书记述职\n年度: 1999\n", line=2, key="年度", words=("年份",)
)
CASES["year-in-words"] = facts_case("年度: 二〇二四\n", line=1, key="年度", words=("年份",))
CASES["impossible-date"] = facts_case(
    "年度: 2024\n报告日期: 2025-02-30\n", line=2, key="报告日期", words=("日期",)
)
CASES["unknown-report-kind"] = facts_case(
    "报告类型: 年终总结\n年度: 2024\n", line=1, key="报告类型", words=("书记述职", "党建工作总结")
)
CASES["unknown-key-typo"] = facts_case("年份: 2024\n", line=1, key="年份", words=("不认识的键", "年度"))
CASES["unknown-nested-key"] = facts_case(
    "年度: 2024\n单位:\n  名称: 某局\n", line=3, key="单位.名称", words=("不认识的键",)
)
CASES["key-in-wrong-group"] = facts_case(
    "年度: 2024\n单位:\n  党员数: 12\n", line=3, key="单位.党员数", words=("组织建设",)
)
CASES["long-value"] = facts_case(
    "年度: 2024\n单位:\n  全称: " + "某" * 300_000 + "\n", line=3, key="单位.全称", words=("过长",)
)
CASES["empty-problem-item"] = facts_case(
    "年度: 2024\n存在问题:\n  - 标题: 只有标题\n", line=3, key="存在问题[0]", words=("内容",)
)
CASES["nested-list-item"] = facts_case(
    "年度: 2024\n下一步:\n  - [甲, 乙]\n", line=3, key="下一步[0]", words=("一句话",)
)
CASES["non-text-key"] = facts_case("年度: 2024\n? [甲, 乙]\n: 1\n", line=2, words=("键",))


def _deep_mapping() -> str:
    lines = [f"{'  ' * i}第{i}层:" for i in range(40)]
    return "\n".join(lines) + " 1\n"


CASES["deep-nesting"] = facts_case(_deep_mapping(), words=("嵌套",))
CASES["deep-flow-nesting"] = facts_case("年度: " + "[" * 3000 + "]" * 3000 + "\n", words=("嵌套",))
CASES["alias-bomb"] = facts_case(
    'a: &a ["哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈", "哈"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)),
    words=("内容过多", "别名"),
)


# --------------------------------------------------------------------------- templates (--templates DIR)


def templates(tmp: Path, body: str, extra: dict[str, str] | None = None) -> Path:
    folder = tmp / "我的模板"
    (folder / "书记述职").mkdir(parents=True)
    (folder / "书记述职" / "report.j2").write_text(body, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def template_case(
    body: str,
    *,
    line: int | None,
    words: tuple[str, ...],
    extra: dict[str, str] | None = None,
    file: str = "report.j2",
) -> Builder:
    def build(tmp: Path) -> Case:
        path = facts(tmp, GOOD)
        folder = templates(tmp, body, extra)
        return Case(render(path, "--templates", folder), file, line, None, words)

    return build


TEMPLATE_HEAD = "::title {{ 年度 }}年度述职报告\n::para {{ 单位.全称 }}\n"


@case("template-missing")
def _template_missing(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    folder = tmp / "我的模板"
    shutil.copytree(data_dir("templates") / "党建工作总结", folder / "党建工作总结")
    return Case(render(path, "--templates", folder), "report.j2", None, None, ("找不到报告模板", "书记述职"))


@case("templates-folder-missing")
def _templates_folder_missing(tmp: Path) -> Case:
    return Case(
        render(facts(tmp, GOOD), "--templates", tmp / "没有的模板"), "没有的模板", words=("模板文件夹",)
    )


CASES["template-syntax-error"] = template_case(
    TEMPLATE_HEAD + "{% if 年度 %}\n::para 没有 endif\n", line=4, words=("语法错误",)
)
CASES["template-unknown-filter"] = template_case(
    TEMPLATE_HEAD + "::para {{ 年度 | 没有这个过滤器 }}\n", line=3, words=("语法错误",)
)
CASES["template-python-internals"] = template_case(
    TEMPLATE_HEAD + "::para {{ ''.__class__.__mro__[1].__subclasses__() }}\n",
    line=3,
    words=("不允许", "__class__"),
)


@case("template-runs-a-command")
def _template_command(tmp: Path) -> Case:
    """Were the sandbox open, this would create a file, and the folder would not be unchanged."""
    command = f"touch '{tmp / 'hacked'}'"
    body = TEMPLATE_HEAD + '::para {{ cycler.__init__.__globals__.os.system("' + command + '") }}\n'
    return Case(
        render(facts(tmp, GOOD), "--templates", templates(tmp, body)), "report.j2", 3, None, ("不允许",)
    )


CASES["template-mutation"] = template_case(
    TEMPLATE_HEAD + "{{ main.append(1) }}\n", line=3, words=("不允许",)
)
CASES["template-reads-a-file"] = template_case(
    TEMPLATE_HEAD + "{% include '/etc/passwd' %}\n", line=3, words=("不存在", "passwd")
)
CASES["template-escapes-folder"] = template_case(
    TEMPLATE_HEAD + "{% include '../../事实.yaml' %}\n", line=3, words=("不存在",)
)
CASES["template-divides-by-zero"] = template_case(
    TEMPLATE_HEAD + "::para {{ 年度 / 0 }}\n", line=3, words=("除数为零",)
)
CASES["template-memory-bomb"] = template_case(
    TEMPLATE_HEAD + "::para {{ '党建' * 10000000000 }}\n", line=3, words=("超出限制", "上限")
)
CASES["template-power-bomb"] = template_case(
    TEMPLATE_HEAD + "::para {{ 9 ** 99999999 }}\n", line=3, words=("超出限制", "过大")
)
# Hang and memory cases from a careful tester (issue 11): each stops at a limit within seconds, exit 2.
_HANGS = {
    "nested-range": (
        "{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        "循环次数",
    ),
    "range-too-long": "{% for i in range(100000) %}x{% endfor %}",
    "macro-2-to-40": (
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}::para {{ m(40) }}",
        "调用次数",
    ),
    "percent-width": "::para {{ '%0300000000d' % 1 }}",
    "percent-star": "::para {{ '%*d' % (300000000, 1) }}",
    "format-filter": "::para {{ '%0300000000d' | format(1) }}",
    "str-format": "::para {{ '{:0300000000d}'.format(1) }}",
    "lipsum": "::para {{ lipsum(n=100000) }}",
    "concat-doubling": "{% set s = namespace(v='党建') %}{% for i in range(60) %}{% set s.v = s.v ~ s.v %}{% endfor %}"
    "::para {{ s.v }}",
    "plus-doubling": "{% set s = namespace(v='党建') %}{% for i in range(60) %}{% set s.v = s.v + s.v %}{% endfor %}"
    "::para {{ s.v }}",
    "center-method": "::para {{ '党'.center(300000000) }}",
    "center-filter": "::para {{ '党' | center(300000000) }}",
    "indent-filter": "::para {{ '党' | indent(300000000, true) }}",
    "replace-growth": "::para {{ ('x' * 900000) | replace('x', 'yyyyyyyyyy') }}",
    "join-growth": "::para {{ ['x' * 900000, 'y' * 900000] | join }}",
    "output-stream": "{% for i in range(10000) %}{% for j in range(10000) %}::para 党建党建党建党建党建\n"
    "{% endfor %}{% endfor %}",
    "macro-buffer": "{% macro m() %}{% for i in range(10000) %}{% for j in range(1000) %}党建党建{% endfor %}"
    "{% endfor %}{% endmacro %}{% set x = m() %}::para 好",
}
for _name, _spec in _HANGS.items():
    _body, _word = (_spec, "上限") if isinstance(_spec, str) else _spec
    CASES[f"template-hang-{_name}"] = template_case(
        TEMPLATE_HEAD + _body + "\n", line=3, words=("超出限制", _word)
    )


@case("template-symlink-out-of-folder")
def _template_symlink(tmp: Path) -> Case:
    secret = tmp / "机密.txt"
    secret.write_text("::para 机密内容\n", encoding="utf-8")
    folder = templates(tmp, TEMPLATE_HEAD + "{% include 'notes.j2' %}\n")
    try:
        (folder / "notes.j2").symlink_to(secret)
    except (OSError, NotImplementedError):
        pytest.skip("这台机器不能建符号链接")
    return Case(render(facts(tmp, GOOD), "--templates", folder), "report.j2", 3, None, ("不存在", "notes.j2"))


CASES["template-includes-itself"] = template_case(
    TEMPLATE_HEAD + "{% include '书记述职/report.j2' %}\n", line=3, words=("无限循环",)
)
CASES["template-includes-broken"] = template_case(
    TEMPLATE_HEAD + "{% include 'part.j2' %}\n",
    line=2,
    extra={"part.j2": "::para 好\n::para {{ 年度 \n"},
    words=("语法错误",),
    file="part.j2",
)
CASES["template-included-fails"] = template_case(
    TEMPLATE_HEAD + "{% include 'part.j2' %}\n",
    line=2,
    extra={"part.j2": "::para 好\n::para {{ 年度 // 0 }}\n"},
    words=("除数为零",),
    file="part.j2",
)
CASES["template-unknown-name"] = template_case(
    TEMPLATE_HEAD + "::para {{ 没有这个名字 }}\n", line=3, words=("没有这个名字",)
)


# --------------------------------------------------------------------------- fragments (--fragments DIR)


def fragments(tmp: Path, role: str | None = None, text: str | bytes | None = None) -> Path:
    folder = tmp / "我的片段"
    shutil.copytree(FIXTURE_FRAGMENTS, folder)
    if role is not None:
        target = folder / f"{role}.yaml"
        if text is None:
            target.unlink()
        else:
            target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return folder


def fragment_case(
    role: str, text: str | bytes | None, *, line: int | None, key: str | None, words: tuple[str, ...]
) -> Builder:
    def build(tmp: Path) -> Case:
        path = facts(tmp, GOOD)
        folder = fragments(tmp, role, text)
        return Case(render(path, "--fragments", folder), f"{role}.yaml", line, key, words)

    return build


OPENING = 'role: 开头\nfragments:\n  - id: kt-{id}\n    text: "{text}"\n'

CASES["fragment-jinja-syntax"] = fragment_case(
    "开头",
    OPENING.format(id="broken", text="{{ 年度 }年，报告如下："),
    line=3,
    key="kt-broken",
    words=("语法错误",),
)
CASES["fragment-unclosed-block"] = fragment_case(
    "结尾",
    "role: 结尾\nfragments:\n  - id: jw-ok\n    text: 好。\n  - id: jw-open\n    text: '{% if 年度 %}继续努力'\n",
    line=5,
    key="jw-open",
    words=("语法错误",),
)
CASES["fragment-python-internals"] = fragment_case(
    "开头",
    OPENING.format(id="evil", text="{{ 年度.__class__.__mro__ }}"),
    line=3,
    key="kt-evil",
    words=("不允许",),
)
CASES["fragment-unknown-fact"] = fragment_case(
    "开头", OPENING.format(id="typo", text="{{ 单位.全名 }}年"), line=3, key="kt-typo", words=("全名",)
)
CASES["fragment-yaml-tab"] = fragment_case(
    "开头", "role: 开头\nfragments:\n\t- id: kt-a\n", line=3, key=None, words=("Tab",)
)
CASES["fragment-gbk-encoding"] = fragment_case(
    "开头", OPENING.format(id="gbk", text="报告如下：").encode("gbk"), line=None, key=None, words=("UTF-8",)
)
CASES["fragment-duplicate-key"] = fragment_case(
    "开头",
    "role: 开头\nfragments:\n  - id: kt-a\n    text: 甲\n    text: 乙\n",
    line=5,
    key="text",
    words=("重复",),
)
CASES["fragment-bad-id"] = fragment_case(
    "开头",
    OPENING.format(id="", text="好").replace("kt-", "开头一"),
    line=3,
    key="fragments[0]",
    words=("编号",),
)


@case("fragments-folder-missing")
def _fragments_folder_missing(tmp: Path) -> Case:
    return Case(
        render(facts(tmp, GOOD), "--fragments", tmp / "没有的片段"), "没有的片段", words=("片段文件夹",)
    )


# --------------------------------------------------------------------------- the output path


@case("output-is-a-folder")
def _output_folder(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    (tmp / "稿子.docx").mkdir()
    return Case(["render", path, "-o", tmp / "稿子.docx", "--force"], "稿子.docx", words=("文件夹",))


@case("output-folder-with-format")
def _output_folder_format(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    (tmp / "输出").mkdir()
    return Case(
        ["render", path, "--format", "docx", "-o", tmp / "输出", "--force"], "输出", words=("文件夹",)
    )


@case("output-under-a-file")
def _output_under_file(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    return Case(
        ["render", path, "-o", tmp / OLD_DRAFT / "新稿.docx", "--force"], "新稿.docx", words=("不是文件夹",)
    )


@case("output-folder-missing")
def _output_no_folder(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    return Case(["render", path, "-o", tmp / "没有的文件夹" / "稿.docx"], "没有的文件夹", words=("不存在",))


@case("output-read-only")
def _output_read_only(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    (tmp / OLD_DRAFT).chmod(0o444)
    return Case(render(path), OLD_DRAFT, words=("只读",))


@case("output-exists-without-force")
def _output_exists(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    return Case(["render", path, "-o", tmp / OLD_DRAFT], OLD_DRAFT, words=("已存在", "--force"))


@case("output-name-too-long")
def _output_long(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    return Case(["render", path, "-o", tmp / ("稿" * 120 + ".docx")], "稿稿稿", words=("太长",))


@case("output-dangling-link")
def _output_link(tmp: Path) -> Case:
    path = facts(tmp, GOOD)
    link = tmp / "链接.docx"
    try:
        link.symlink_to(tmp / "不存在的目标.docx")
    except (OSError, NotImplementedError):
        pytest.skip("这台机器不能建符号链接")
    return Case([*render(path)[:3], link, "--force"], "链接.docx", words=("符号链接",))


@case("init-under-a-file")
def _init_under_file(tmp: Path) -> Case:
    return Case(["init", tmp / OLD_DRAFT / "述职事实.yaml"], "述职事实.yaml", words=("不是文件夹",))


@case("check-broken-yaml")
def _check_broken(tmp: Path) -> Case:
    path = facts(tmp, "年度: 2024\n单位:\n  全称: '某局\n")
    return Case(["check", path], path.name, 3, "单位.全称", ("引号",))


# --------------------------------------------------------------------------- the test


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: regular files by content, anything else by kind and mode."""
    out: dict[str, bytes | str] = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            info = path.lstat()
            rel = str(path.relative_to(folder))
            if stat.S_ISREG(info.st_mode):
                out[rel] = path.read_bytes()
            else:
                out[rel] = f"{stat.filemode(info.st_mode)}"
            if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
                out[rel + "#mode"] = oct(stat.S_IMODE(info.st_mode))
    return out


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    work = tmp_path / "工作"
    work.mkdir()
    (work / OLD_DRAFT).write_bytes(OLD_BYTES)
    spec = CASES[name](work)
    before = snapshot(tmp_path)

    result = CliRunner().invoke(cli, [str(a) for a in spec.args], catch_exceptions=False)
    output = result.output

    assert result.exit_code == 2, output
    assert "Traceback" not in output and "内部错误" not in output
    assert "错误：" in output and "提示：" in output, output
    assert spec.file in output, output
    if spec.line is not None:
        assert f"{spec.file}:{spec.line}" in output, output
    if spec.key is not None:
        assert f"键“{spec.key}”" in output, output
    for word in spec.words:
        assert word in output, output
    # Nothing changed: the user's draft is intact, and no backup or temporary file was left behind.
    assert snapshot(tmp_path) == before
    assert (work / OLD_DRAFT).is_dir() or (work / OLD_DRAFT).read_bytes() == OLD_BYTES
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".drafter-") or ".bak" in p.name]


# --------------------------------------------------------------------------- a write that fails half-way


# The write with --force over an existing draft calls: fsync (the new draft), link #1 (new draft → name:
# taken), link #2 (old draft → backup name), rename #1 (old draft off its name), link #3 (new draft → name).
@pytest.mark.parametrize(
    ("step", "nth"), [("fsync", 1), ("link", 1), ("link", 2), ("rename", 1), ("link", 3)]
)
def test_a_failed_write_leaves_no_trace(
    step: str, nth: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the draft is written, while the old draft is backed up, when it is moved off
    its name or when the new one takes the name: the old draft stays as it was and neither a temporary
    file nor a backup is left."""
    path = facts(tmp_path, GOOD)
    (tmp_path / OLD_DRAFT).write_bytes(OLD_BYTES)
    before = snapshot(tmp_path)
    real = getattr(os, step)
    calls = []

    def full_disk(*args: object, **kwargs: object) -> object:
        calls.append(args)
        if len(calls) == nth:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, step, full_disk)
    result = CliRunner().invoke(cli, [str(a) for a in render(path)], catch_exceptions=False)
    monkeypatch.undo()

    assert len(calls) >= nth
    assert result.exit_code == 2, result.output
    assert "磁盘已满" in result.output and OLD_DRAFT in result.output and "提示：" in result.output
    assert "Traceback" not in result.output and "No space" not in result.output
    assert snapshot(tmp_path) == before
