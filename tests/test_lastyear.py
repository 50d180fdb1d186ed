"""Last year's report as input: reading reports back (docread), ``init --from`` (lastyear + initfile),
and ``compare --last-year`` (yearcompare), with the bad inputs users actually have."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

from drafter.docread import ReportReadError, classify, items, read_report, sections
from drafter.facts import facts_from_text
from drafter.initfile import Prefill, facts_template
from drafter.lastyear import count_keys, facts_from_report, find_numbers, pair_plans, prefill_from
from drafter.library import load_library
from drafter.registry import registry
from drafter.schema import field_at
from drafter.yearcompare import compare_last_year, last_year_lines, report_lines

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures" / "lastyear"
YEAR_2023 = FIXTURES / "某县水务局2023.md"
YEAR_2024 = FIXTURES / "某县水务局2024.md"
_LAST = re.compile(r"^\s*([^\s#:]+):.*#\s*去年：(\S+)\s*$")


def last_year_comments(text: str) -> dict[str, str]:
    """dotted key → the “# 去年：…” comment beside it, from a facts file init wrote."""
    out: dict[str, str] = {}
    stack: list[tuple[int, str]] = []
    for line in text.splitlines():
        m = re.match(r"^(\s*)([^\s#:-][^:]*):", line)
        if not m:
            continue
        indent = len(m.group(1))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = ".".join([k for _, k in stack] + [m.group(2)])
        stack.append((indent, m.group(2)))
        c = _LAST.match(line)
        if c:
            out[path] = c.group(2)
    return out


def sample_counts(facts_path: Path) -> dict[str, Any]:
    data = yaml.safe_load(facts_path.read_text(encoding="utf-8"))
    out = {}
    for key in count_keys():
        group, name = key.split(".") if "." in key else ("", key)
        value = (data.get(group) or {}).get(name) if group else data.get(name)
        if value is not None:
            out[key] = value
    return out


def validate_known(text: str) -> None:
    """The generated file validates, apart from keys this branch's schema does not know yet."""
    data = yaml.safe_load(text)
    for key in ("上年度问题整改", "去年报告"):
        if field_at(key) is None:
            data.pop(key, None)
    facts_from_text(yaml.safe_dump(data, allow_unicode=True))


# --------------------------------------------------------------------------- reading reports


def test_levels_of_a_report() -> None:
    lines = [
        "2024年度党组书记抓基层党建工作述职报告",
        "",
        "某县水务局党组书记、局长　陈立新",
        "2024年，我认真履行第一责任人职责，现报告如下：",
        "一、主要工作",
        "（一）抓学习",
        "一是坚持集体学习。全年学习12次。",
        "1. 完善制度",
        "二、存在的问题",
        "（一）学习不够系统。学习多是跟着会议走。",
        "三、下一步工作打算",
        "（一）加强理论学习。落实“第一议题”制度。",
        "陈立新",
        "2025年1月10日",
    ]
    levels = [p.level for p in classify(lines)]
    assert levels == [
        "title",
        "byline",
        "para",
        "h1",
        "h2",
        "item",
        "h3",
        "h1",
        "h2",
        "h1",
        "h2",
        "signature",
        "date",
    ]
    assert classify(lines)[1].line == 3  # empty lines keep the numbering the editor shows


def test_web_copies_lose_their_adverts_not_their_text() -> None:
    lines = [
        "2023年度党建工作总结",
        "一是依托公众号等平台，定期推送党建工作重要部署。",
        "【公众号：某某君】，最新最全党建资料库",
        "欢迎加入素材库svip会员，添加客服：abc",
        "##paidend##",
    ]
    assert [p.text for p in classify(lines)] == lines[:2]


def test_a_closing_paragraph_is_not_part_of_the_last_measure() -> None:
    report = sections(read_report(YEAR_2023))
    assert items(report.plans)[-1].text.endswith("加强对小微权力运行的监督。")
    bare = classify(
        [
            "一、主要工作",
            "做了工作。",
            "二、下一步打算",
            "（一）加强学习",
            "一是制定计划。",
            "二是抓好落实。",
            "新的一年，我将继续努力。",
        ]
    )
    assert [(i.lead, i.text) for i in items(sections(bare).plans)] == [
        ("加强学习", "一是制定计划。二是抓好落实。")
    ]


@pytest.mark.parametrize("suffix", [".md", ".docx"])
@pytest.mark.parametrize("facts", SAMPLES, ids=lambda p: p.stem)
def test_samples_read_into_parts(facts: Path, suffix: str) -> None:
    paras = read_report(facts.with_suffix(suffix))
    parts = sections(paras)
    assert paras[0].level == "title" and paras[-1].level == "date"
    assert parts.main and parts.problems and parts.plans
    md = facts.with_suffix(".md").read_text(encoding="utf-8")
    # the plans part's title is the layout's (kind.yaml 版式)
    titles = {x.plans_title for kind in registry().kinds.values() for x in kind.layouts}
    after_plans = re.split(
        rf"^## [一二三四五六七八九十]、(?:{'|'.join(titles)})$", md, maxsplit=1, flags=re.M
    )[1]
    expected = re.findall(r"^（[一二三四五六七八九十]）([^。\n]+)。", after_plans, re.M)
    assert [i.lead for i in items(parts.plans)] == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk"])
def test_text_reports_in_every_encoding_facts_files_accept(tmp_path: Path, encoding: str) -> None:
    expected = [p.text for p in read_report(YEAR_2023)]
    path = tmp_path / "去年.txt"
    path.write_bytes("\r\n".join(expected).encode(encoding))  # as Notepad saves it
    paras = read_report(path)
    assert [p.text for p in paras] == expected
    assert [p.level for p in paras] == [p.level for p in read_report(YEAR_2023)]


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("facts", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_round_trip_of_each_sample(facts: Path, suffix: str, tmp_path: Path, run) -> None:
    target = tmp_path / "今年.yaml"
    result = run("init", target, "--from", facts.with_suffix(suffix))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    sample = yaml.safe_load(facts.read_text(encoding="utf-8"))
    comments = last_year_comments(text)
    expected = {k: str(v) for k, v in sample_counts(facts).items()}
    assert {k: v for k, v in comments.items() if k in count_keys()} == expected
    assert data["年度"] == sample["年度"] + 1 and comments["年度"] == str(sample["年度"])
    assert data["报告类型"] == sample["报告类型"]
    for key in ("全称", "党组织", "上级党委", "类型"):
        assert data["单位"][key] == sample["单位"][key], key
    if sample["报告类型"] == "书记述职":
        assert data["述职人"] == sample["述职人"]
    findings = data["上年度问题整改"]["问题"]
    assert findings and all(set(f) == {"问题", "整改情况", "状态"} for f in findings)
    assert data["上年度问题整改"]["反馈问题数"] == len(findings)
    validate_known(text)


def fragment_cases() -> list[tuple[str, str, dict[str, int]]]:
    """Every fragment wording with a count slot, filled with distinct numbers."""
    slot = re.compile(r"\{\{-?\s*([^}|\s]+)[^}]*\}\}")
    others = {"单位.党组织": "局党组", "单位.自称": "我局", "年度": "2024", "单位.上级党委": "区委"}
    cases = []
    for fragment in load_library().fragments():
        for n, text in enumerate(fragment.texts):
            expected: dict[str, int] = {}

            def fill(m: re.Match[str], expected: dict[str, int] = expected) -> str:
                if m.group(1) in count_keys():
                    expected[m.group(1)] = 101 + 7 * len(expected)
                    return str(expected[m.group(1)])
                return others.get(m.group(1), "某单位")

            filled = slot.sub(fill, text)
            if expected:
                cases.append((f"{fragment.id}#{n}", filled, expected))
    return cases


def test_every_fragment_wording_reads_back() -> None:
    """Numbers in the library's own wordings are placed by the wording around them (drafter's drafts also
    carry their facts exactly; this is what reading a report whose facts were lost relies on)."""
    cases = fragment_cases()
    assert len(cases) > 50
    wrong = [
        name
        for name, text, expected in cases
        if {k: n.value for k, n in find_numbers(text)[0].items()} != expected
    ]
    assert len(wrong) <= 0.06 * len(cases), wrong


def test_cue_words_alone_read_nearly_every_fragment_wording(tmp_path: Path) -> None:
    """Without the library's wording (a report written by hand), the cue words still place the numbers of
    at least 70 % of the library's sentences."""
    cases = fragment_cases()
    right = 0
    for _, text, expected in cases:
        found, _ = find_numbers(text, tmp_path / "no-library")
        right += {k: n.value for k, n in found.items()} == expected
    # the library grew from 150 to over 1,000 wordings (type-specific ones name more things near a number):
    # cue words alone still place the numbers of most; drafter's own drafts carry their facts exactly
    assert right >= 0.70 * len(cases)


def test_every_count_key_has_cue_words_and_units() -> None:
    """A count key added to a work group of the schema needs cue words here, or real reports never fill it."""
    from drafter.lastyear import CUES, UNITS

    assert set(count_keys()) == set(CUES)
    assert set(UNITS) <= set(CUES)
    assert "字数" not in count_keys()


def test_cue_words_read_real_wording(tmp_path: Path) -> None:
    text = (
        "全年召开理论学习中心组学习会12次，开展专题研讨5次；讲廉政党课2次，深入支部讲专题党课3次。"
        "目前共有党支部7个，在册党员86名，新发展党员3名，确定入党积极分子6名。"
        "坚持每月1次集中学习。召开组织生活会8次。开展廉政谈话和提醒谈话40人次。党组织按期换届率达100%。"
    )
    found, unmatched = find_numbers(text, tmp_path / "no-library")  # cue words only
    assert {k: n.value for k, n in found.items()} == {
        "思想建设.中心组学习次数": 12,
        "思想建设.专题研讨次数": 5,
        "党风廉政.廉政党课次数": 2,
        "思想建设.专题党课次数": 3,
        "组织建设.党支部数": 7,
        "组织建设.党员数": 86,
        "组织建设.发展党员数": 3,
        "组织建设.入党积极分子数": 6,
        "党风廉政.廉政谈话人次": 40,
        "组织建设.按期换届率": 100,
    }
    assert any("组织生活会8次" in u for u in unmatched)  # a meeting no key counts stays unmatched


# --------------------------------------------------------------------------- init --from on seeds


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_init_from_each_seed(seed: Path, tmp_path: Path, run) -> None:
    target = tmp_path / "今年.yaml"
    result = run("init", target, "--from", seed)
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    report = facts_from_report(seed)
    lines = seed.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"^[一二三四五六七八九十]、[^。]*问题", line)]
    findings = (data.get("上年度问题整改") or {}).get("问题") or []
    if starts:  # the seed's （一）（二）… headings under its problems heading, in order
        part = []
        for line in lines[starts[0] + 1 :]:
            if re.match(r"^[一二三四五六七八九十]、", line):
                break
            part += re.findall(r"^（[一二三四五六七八九十]）([^。]+)", line)
        assert len(part) >= 3
        assert [f["问题"] for f in findings] == part
        assert data["上年度问题整改"]["反馈问题数"] == len(part)
    else:
        assert not findings and "未找到“存在问题”部分" in result.output
    assert report.year is not None and data["年度"] == report.year + 1
    assert data["报告类型"] in ("书记述职", "党建工作总结")
    for path, value in report.values.items():
        group, _, key = path.partition(".")
        assert (data[group][key] if key else data[group]) == value
    validate_known(text)


def test_the_source_of_last_years_problems_is_read_when_named() -> None:
    """seeds/004: “结合市委巡察反馈的意见以及述职评议查摆出的问题……”."""
    seed = ROOT / "seeds" / "004_8fa2d5c6f5744a60.txt"
    data = yaml.safe_load(facts_template("x.yaml", prefill_from(facts_from_report(seed), seed)))
    assert data["上年度问题整改"]["来源"] == "述职评议、巡察"
    plain = yaml.safe_load(facts_template("x.yaml", prefill_from(facts_from_report(YEAR_2023), YEAR_2023)))
    assert plain["上年度问题整改"]["来源"] is None  # not named: left for the user


def test_seeds_with_a_problem_part_fill_the_list() -> None:
    filled = {seed.name[:3]: len(facts_from_report(seed).problems) for seed in SEEDS}
    assert filled == {"000": 0, "001": 3, "002": 0, "003": 4, "004": 3}


def test_problems_are_paired_with_last_years_measures() -> None:
    report = facts_from_report(YEAR_2023)
    paired = pair_plans(report.problems, report.plans)
    assert [p.lead if p else None for p in paired] == [
        "加强理论学习",
        "推进支部标准化规范化建设",
        "深化廉政风险防控",
    ]
    text = facts_template("x.yaml", prefill_from(report, YEAR_2023))
    assert "# 去年的打算：推进支部标准化规范化建设。" in text


def test_init_without_from_is_unchanged() -> None:
    assert facts_template("x.yaml") == facts_template("x.yaml", Prefill())
    assert "# 去年：" not in facts_template("x.yaml")


def test_init_from_prints_what_could_not_be_read(tmp_path: Path, run) -> None:
    result = run("init", tmp_path / "a.yaml", "--from", ROOT / "seeds" / "000_4c7955c042904a00.txt")
    assert result.exit_code == 0
    assert "未能读出单位全称" in result.output and "未找到“下一步工作打算”部分" in result.output


# --------------------------------------------------------------------------- bad input


def _docx_bytes(tmp_path: Path, text: str | None) -> bytes:
    import docx

    document = docx.Document()
    if text:
        document.add_paragraph(text)
    path = tmp_path / "made.docx"
    document.save(str(path))
    return path.read_bytes()


def _xlsx_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000
# what Word writes for a .docx with an open password: an OLE container with these two streams
ENCRYPTED = OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("统计表.xlsx", lambda t: _xlsx_bytes(), "表格文件"),
        ("统计表.docx", lambda t: _xlsx_bytes(), "文件已损坏或不是 Word 文档"),
        ("照片.png", lambda t: PNG, "图片"),
        ("照片.docx", lambda t: PNG, "不是真正的 Word 文件"),
        ("空.docx", lambda t: b"", "文件是空的"),
        ("无字.docx", lambda t: _docx_bytes(t, None), "几乎没有中文"),
        ("加密.docx", lambda t: ENCRYPTED, "设置了打开密码"),
        ("改名.docx", lambda t: OLE, "旧版 Word"),
        ("旧版.doc", lambda t: OLE, "旧版 Word"),
        ("乱码.txt", lambda t: bytes(range(256)) * 8, "空字节"),
        ("英文.txt", lambda t: b"This is not a report at all.\n" * 20, "几乎没有中文"),
        ("报告.txt.zip", lambda t: _xlsx_bytes(), "不支持的文件类型"),
        ("通知.txt", lambda t: ("关于做好春节期间值班工作的通知。" * 10).encode("gbk"), "不像党建述职报告"),
    ],
)
def test_unreadable_last_year_files(tmp_path: Path, run, name: str, make: Any, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(make(tmp_path))
    target = tmp_path / "今年.yaml"
    result = run("init", target, "--from", bad)
    assert result.exit_code == 2 and message in result.output, result.output
    assert "Traceback" not in result.output
    assert not target.exists()  # nothing written
    result = run("compare", YEAR_2024, "--last-year", bad)
    assert result.exit_code == 2 and message in result.output
    with pytest.raises(ReportReadError):
        read_report(bad)


def test_a_real_report_typed_in_word(tmp_path: Path, run) -> None:
    """A report someone typed in Word (no drafter styles) reads like its text version."""
    import docx

    document = docx.Document()
    for para in read_report(YEAR_2023):
        document.add_paragraph(para.text)
    path = tmp_path / "去年述职报告.docx"
    document.save(str(path))
    from_docx, from_md = facts_from_report(path), facts_from_report(YEAR_2023)
    assert from_docx.values == from_md.values and from_docx.values["述职人.姓名"] == "陈立新"
    assert {k: n.value for k, n in from_docx.numbers.items()} == {
        k: n.value for k, n in from_md.numbers.items()
    }
    assert [i.lead for i in from_docx.problems] == [
        "理论学习不够系统",
        "支部建设不够规范",
        "廉政风险防控还有薄弱点",
    ]


def test_the_last_year_path_is_written_relative_to_the_facts_file(tmp_path: Path) -> None:
    from drafter.lastyear import relative_to_facts

    (tmp_path / "2025").mkdir()
    last = tmp_path / "2024" / "述职报告.docx"
    assert relative_to_facts(last, tmp_path / "2025" / "述职事实.yaml") == "../2024/述职报告.docx"
    assert relative_to_facts(last, tmp_path / "述职事实.yaml") == "2024/述职报告.docx"


def test_word_numbered_headings_are_read_by_their_style(tmp_path: Path) -> None:
    """Headings numbered by Word's own list numbering have no 一、 in their text: the style says it."""
    import docx

    document = docx.Document()
    document.add_heading("2023年度党组书记抓基层党建工作述职报告", level=0)
    document.add_paragraph("2023年，我认真履行抓基层党建第一责任人职责，现将有关情况报告如下。")
    for heading, level, body in [
        ("主要工作", 1, "局党组全年开展理论学习中心组学习10次，警示教育3次。"),
        ("存在的问题", 1, ""),
        ("理论学习不够系统", 2, "学习多是跟着会议走。"),
        ("支部建设不够规范", 2, "个别支部记录不全。"),
        ("下一步工作打算", 1, ""),
        ("加强理论学习", 2, "落实“第一议题”制度。"),
    ]:
        document.add_heading(heading, level=level)
        if body:
            document.add_paragraph(body)
    path = tmp_path / "自动编号.docx"
    document.save(str(path))
    paras = read_report(path)
    assert [p.level for p in paras][:4] == ["title", "para", "h1", "para"]
    report = facts_from_report(path)
    assert [i.lead for i in report.problems] == ["理论学习不够系统", "支部建设不够规范"]
    assert [(i.lead, i.text) for i in report.plans] == [("加强理论学习", "落实“第一议题”制度。")]
    assert report.numbers["思想建设.中心组学习次数"].value == 10


def test_init_from_another_units_report_over_a_facts_file_warns(tmp_path: Path, run) -> None:
    target = tmp_path / "述职事实.yaml"
    target.write_text("单位:\n  全称: 某县水务局\n", encoding="gbk")
    result = run("init", target, "--from", ROOT / "samples" / "市发改委党组书记.docx", "--force")
    assert result.exit_code == 0
    assert "去年报告的单位（某市发展和改革委员会）与原事实文件的单位（某县水务局）不同" in result.output
    same = run("init", target, "--from", ROOT / "samples" / "市发改委党组书记.docx", "--force")
    assert "不同" not in same.output


def test_missing_last_year_file(tmp_path: Path, run) -> None:
    result = run("init", tmp_path / "a.yaml", "--from", tmp_path / "没有.docx")
    assert result.exit_code == 2 and "找不到文件" in result.output
    assert not (tmp_path / "a.yaml").exists()


# --------------------------------------------------------------------------- compare --last-year


def _numbers_changed(text: str) -> str:
    """Last year's report with every number changed (and the year moved on): nothing else."""
    text = text.replace("2024", "2025").replace("2025年1月", "2026年1月")
    return re.sub(r"\d+(?=[次名个人%])", lambda m: str(int(m.group(0)) + 3), text)


@pytest.mark.parametrize("facts", SAMPLES, ids=lambda p: p.stem)
def test_a_report_made_by_changing_numbers_is_flagged(facts: Path, tmp_path: Path, run) -> None:
    last = facts.with_suffix(".md")
    this = tmp_path / "今年.md"
    this.write_text(_numbers_changed(last.read_text(encoding="utf-8")), encoding="utf-8")
    assert this.read_text(encoding="utf-8") != last.read_text(encoding="utf-8")
    result = compare_last_year(this, facts.with_suffix(".docx"))
    assert result.share >= 0.8 and result.over()
    assert len(result.copied) >= 10
    cli = run("compare", this, "--last-year", last)
    assert cli.exit_code == 1
    assert "超过 30% 的阈值" in cli.output and "与去年基本相同的段落" in cli.output
    assert run("compare", this, "--last-year", last, "--阈值", "100").exit_code == 0


def test_two_different_years_of_one_unit_pass(run) -> None:
    result = compare_last_year(YEAR_2024, YEAR_2023)
    assert result.share < 0.3 and not result.copied and not result.warnings
    assert [(p.label, p.answered) for p in result.promises] == [
        ("加强理论学习", True),
        ("推进支部标准化规范化建设", False),
        ("深化廉政风险防控", True),
    ]
    cli = run("compare", YEAR_2024, "--last-year", YEAR_2023)
    assert cli.exit_code == 0, cli.output
    assert (
        "1｜加强理论学习｜已回应｜" in cli.output and "2｜推进支部标准化规范化建设｜未见回应｜" in cli.output
    )


def test_a_report_of_another_unit_warns(run) -> None:
    cli = run(
        "compare",
        ROOT / "samples" / "街道党工委书记.docx",
        "--last-year",
        ROOT / "samples" / "市发改委党组书记.md",
    )
    assert cli.exit_code == 0
    assert "单位不同" in cli.output and "某区某某街道" in cli.output and "某市发展和改革委员会" in cli.output


def test_compare_last_year_takes_one_draft(run) -> None:
    result = run("compare", YEAR_2024, YEAR_2023, "--last-year", YEAR_2023)
    assert result.exit_code == 2 and "只能给一份" in result.output


def test_compare_a_document_model_and_the_render_hook(tmp_path: Path) -> None:
    from drafter.facts import Facts
    from drafter.pipeline import draft

    facts_path = ROOT / "samples" / "市发改委党组书记.yaml"
    document = draft(facts_path).document
    assert compare_last_year(document, facts_path.with_suffix(".docx")).share > 0.95

    plain = Facts(data={"单位": {"全称": "某市发展和改革委员会"}}, path=tmp_path / "f.yaml")
    assert last_year_lines(plain, document) == []
    (tmp_path / "去年.md").write_text(YEAR_2023.read_text(encoding="utf-8"), encoding="utf-8")
    named = Facts(
        data={"去年报告": "去年.md", "单位": {"全称": "某市发展和改革委员会"}}, path=tmp_path / "f.yaml"
    )
    lines = last_year_lines(named, document)
    assert lines[0].startswith("与去年的报告（去年.md）相比")
    assert any("某县水务局" in line and "不同" in line for line in lines)
    (tmp_path / "坏.docx").write_bytes(b"")
    broken = Facts(data={"去年报告": "坏.docx"}, path=tmp_path / "f.yaml")
    assert last_year_lines(broken, document) == [
        line for line in last_year_lines(broken, document) if line.startswith("警告：去年的报告读不出来")
    ]
    assert len(last_year_lines(broken, document)) == 1


def test_report_lines_without_next_steps() -> None:
    paras = classify(
        [
            "2024年度党建工作总结",
            "一、主要工作",
            "全年开展各类学习活动，党员干部的理论水平进一步提高，党建工作取得一定成效。",
        ]
    )
    from drafter.yearcompare import compare_paras

    result = compare_paras(paras, paras)
    assert result.share == 1.0 and result.promises == []
    assert any("没有找到“下一步工作打算”" in line for line in report_lines(result))


def test_render_prints_the_last_year_comparison(tmp_path: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """render hands its facts and document to yearcompare.last_year_lines and prints what it returns
    (the facts key 去年报告 itself is checked in test_compare_a_document_model_and_the_render_hook)."""
    import drafter.yearcompare as yearcompare

    seen: list[Any] = []

    def fake(facts: Any, document: Any) -> list[str]:
        seen.append((facts.get("单位.全称"), document.title))
        return ["与去年的报告相比：测试行"]

    monkeypatch.setattr(yearcompare, "last_year_lines", fake)
    result = run("render", ROOT / "samples" / "市发改委党组书记.yaml", "-o", tmp_path / "稿.docx")
    assert result.exit_code == 0, result.output
    assert "与去年的报告相比：测试行" in result.output
    assert seen and seen[0][0] == "某市发展和改革委员会"
