"""Tests for drafter lint: every rule with examples that must and must not fire, the five seed
reports (their known typos and redactions are found, nothing else), a clean sample with zero
errors, readers, user rule files and the CLI."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.errors import DrafterError
from drafter.lint import (
    CHECK_IDS,
    Finding,
    detect_year,
    has_errors,
    lint_document,
    lint_file,
    lint_paragraphs,
    load_rules,
    read_paragraphs,
)
from drafter.lint.checks import example_failures, parse_heading
from drafter.lint.rules import RuleFileError, parse_rules, shipped_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"
CLEAN = FIXTURES / "clean_2024.txt"


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def lint_one(text: str, year: int | None = 2024) -> list[str]:
    return rules_of(lint_paragraphs([text], year=year))


# --------------------------------------------------------------------------- shipped rule file


SHIPPED = shipped_rules().rules


@pytest.mark.parametrize("rule", SHIPPED, ids=[r.id for r in SHIPPED])
def test_shipped_rule_examples_behave(rule: object) -> None:
    from drafter.lint.rules import Rule

    assert isinstance(rule, Rule)
    assert rule.examples_fire, f"{rule.id} has no example that must fire"
    assert rule.examples_pass, f"{rule.id} has no example that must not fire"
    assert example_failures(rule) == []


@pytest.mark.parametrize("rule", SHIPPED, ids=[r.id for r in SHIPPED])
def test_shipped_rule_cites_a_source(rule: object) -> None:
    from drafter.lint.rules import Rule

    assert isinstance(rule, Rule)
    assert rule.source and rule.source != rule.origin
    assert rule.message or rule.is_year_term


def test_shipped_rules_cover_style_rules() -> None:
    ids = {r.id for r in SHIPPED}
    for needed in (
        "pol-safeguards-verb",
        "pol-consciousness-verb",
        "pol-confidence-verb",
        "pol-establish-verb",
        "pol-xuncha-city",
        "pol-xunshi-central",
        "word-jiezhi-time",
        "word-zhiding",
        "word-zuohao",
        "word-bixu",
        "pol-meeting-spirit",
        "pol-committee-doubled",
        "typo-mofan",
        "typo-dangdan",
        "typo-bushu",
        "pol-congress-name",
        "typo-doubled-word",
        "year-zhuti-2023",
        "year-dsxx-2021",
        "year-djxx-2024",
        "year-bxgd-2025",
        "year-bwcx-2019",
        "year-lxyz-2016",
    ):
        assert needed in ids
    assert not ids & set(CHECK_IDS), "rule ids must not clash with built-in check ids"


def test_rule_suggestion_fills_in_the_fix() -> None:
    findings = lint_paragraphs(["接受东莞市市委巡察"], year=2024)
    f = next(f for f in findings if f.rule == "pol-committee-doubled")
    assert f.suggestion.startswith("改为“市委”")
    assert f.severity == "error"
    assert f.paragraph == 1 and f.column == 5


def test_example_failures_reports_a_misbehaving_rule() -> None:
    ruleset = parse_rules(
        "rules:\n  - id: t\n    pattern: 'abc'\n    message: m\n    examples: {fire: ['xyz'], pass: ['abc']}\n",
        file="t.yaml",
    )
    failures = example_failures(ruleset.rules[0])
    assert len(failures) == 2
    assert "应当触发却没有触发" in failures[0] and "不应触发却触发了" in failures[1]


# --------------------------------------------------------------------------- built-in checks

FIRE = [
    ("placeholder", "全年开展谈心谈话【待补充：思想建设.谈心谈话次数】次"),
    ("placeholder", "组织学习（根据实际填写）次"),
    ("placeholder-sentinel", "全年开展\ue000次数\ue001次"),
    ("jinja-leftover", "全年组织学习{{ 思想建设.次数 }}次"),
    ("jinja-leftover", "{% if x %}开展专题学习"),
    ("redaction-number", "2023年共组织“第一议题”学习X次"),
    ("redaction-number", "印发XX份整改方案"),
    ("redaction-number", "学习研讨议题**个"),
    ("redaction-number", "查找出党员*名口袋党员"),
    ("redaction-number", "开展××次检查"),
    ("redaction-number", "谈心谈话xx人次"),
    ("redaction-year", "20XX年度工作要点"),
    ("redaction-name", "与**街道**社区结对共建"),
    ("redaction-name", "坚决肃清*恶劣影响"),
    ("redaction-name", "××局开展检查"),
    ("placeholder-name", "编制完善《XX党组关于政治要件落实情况的报告》"),
    ("noise-marker", "经常性##paidbegin##“一对一”谈心谈话"),
    ("noise-ad", "【公众号：哒哒君】，最新最全党建资料库"),
    ("noise-ad", "欢迎加入“哒哒素材库svip会员”，9000万字材料"),
    ("noise-ad", "【哒哒代笔】——原创高质量保障"),
    ("noise-wordcount", "2023年党总支部书记抓基层党建工作述职报告（2946字）"),
    ("date-short-year", "23年5月召开动员会"),
    ("date-zero-pad", "2024年05月召开动员会"),
    ("date-zero-pad", "2024年5月08日召开动员会"),
    ("date-numeric", "于2024.5.8召开动员会"),
    ("date-chinese-numerals", "二〇二五年一月十日"),
    ("docnum-bracket", "印发《实施方案》（市委办发[2023]5号）"),
    ("docnum-bracket", "市委办发（2024）3号"),
    ("docnum-zero-pad", "市委办发〔2024〕03号"),
    ("heading-punct", "（一）抓思想，政治引领突出成效。"),
    ("heading-punct", "一、主要做法："),
    ("heading-number-punct", "（一）、强化理论武装"),
    ("heading-level1-mark", "一.主要做法"),
    ("heading-level3-dunhao", "1、强化理论武装"),
    ("heading-halfwidth-paren", "(一)强化理论武装"),
]

PASS = [
    ("placeholder", "全年开展谈心谈话100次"),
    ("jinja-leftover", "坚持“两手抓、两手都要硬”"),
    ("redaction-number", "X光检查设备2台，PPT设计"),
    ("redaction-number", "长3×4米的展板"),
    ("redaction-number", "全年开展谈心谈话100余次"),
    ("redaction-year", "2023年度工作要点"),
    ("redaction-name", "3×4米的展板"),
    ("placeholder-name", "添加客服：cwk，svip"),
    ("placeholder-name", "使用XXL号服装"),
    ("noise-ad", "充分利用公众号“雨课堂”引导干部学用结合"),
    ("noise-ad", "依托公众号等平台，定期推送党建工作重要部署"),
    ("noise-ad", "发展工会会员200名"),
    ("noise-wordcount", "全文约3000字的调研报告"),
    ("date-short-year", "从事党务工作20年"),
    ("date-short-year", "2023年5月召开动员会"),
    ("date-zero-pad", "2024年10月20日召开动员会"),
    ("date-numeric", "增长3.5个百分点"),
    ("date-chinese-numerals", "2025年1月10日"),
    ("docnum-bracket", "印发《实施方案》（市委办发〔2023〕5号）"),
    ("docnum-bracket", "《三年行动计划（2021—2023年）》"),
    ("docnum-zero-pad", "市委办发〔2024〕10号"),
    ("heading-punct", "（一）精力投入还需平衡。抓党建是党支部书记的本职工作。"),
    ("heading-punct", "一、主要做法"),
    ("heading-punct", "1. 完成重点项目建设，推动投资增长，全年新开工项目12个，竣工项目8个。"),
    ("heading-number-punct", "（一）强化理论武装"),
    ("heading-level1-mark", "一、主要做法"),
    ("heading-level3-dunhao", "1.强化理论武装"),
    ("heading-level3-dunhao", "1、2月份完成招标"),
    ("heading-halfwidth-paren", "（一）强化理论武装"),
]


@pytest.mark.parametrize(("check", "text"), FIRE, ids=[f"{c}:{t[:12]}" for c, t in FIRE])
def test_builtin_check_fires(check: str, text: str) -> None:
    assert check in lint_one(text)


@pytest.mark.parametrize(("check", "text"), PASS, ids=[f"{c}:{t[:12]}" for c, t in PASS])
def test_builtin_check_does_not_fire(check: str, text: str) -> None:
    assert check not in lint_one(text)


def test_every_builtin_check_has_examples() -> None:
    fired = {c for c, _ in FIRE}
    missing = set(CHECK_IDS) - fired - {"numbering-sequence", "numbering-items", "year-unknown"}
    assert not missing


def test_redaction_severity_numbers_error_names_warning() -> None:
    findings = lint_paragraphs(["编制完善《XX党组关于报告》，印发XX份方案"], year=2024)
    by_rule = {f.rule: f for f in findings}
    assert by_rule["redaction-number"].severity == "error"
    assert by_rule["placeholder-name"].severity == "warning"
    assert "有意举例" in by_rule["placeholder-name"].message


def test_placeholder_finding_carries_position_and_label() -> None:
    text = "全年开展谈心谈话【待补充：思想建设.谈心谈话次数】次。"
    [f] = [f for f in lint_paragraphs(["标题", text], year=2024) if f.rule == "placeholder"]
    assert (f.paragraph, f.column) == (2, 9)
    assert f.severity == "error"
    assert "思想建设.谈心谈话次数" in f.suggestion
    assert "【待补充" in f.excerpt
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.paragraph = 3  # type: ignore[misc]


def test_ad_paragraph_reported_once() -> None:
    ad = (
        "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新，"
        "有意加入请联系：1 4367"
    )
    assert lint_one(ad) == ["noise-ad"]


# --------------------------------------------------------------------------- numbering


def numbering(paragraphs: list[str]) -> list[tuple[str, int, str]]:
    return [
        (f.rule, f.paragraph, f.severity)
        for f in lint_paragraphs(paragraphs, year=2024)
        if f.rule.startswith("numbering")
    ]


def test_numbering_continuous_is_clean() -> None:
    doc = [
        "报告",
        "一、主要工作",
        "（一）思想建设",
        "一是学习。二是研讨。",
        "（二）组织建设",
        "1.规范设置",
        "2.严格生活",
        "二、存在问题",
        "（一）学习不深",
        "三、下一步打算",
    ]
    assert numbering(doc) == []


def test_numbering_gap_and_repeat_are_errors() -> None:
    assert numbering(["一、甲", "三、丙"]) == [("numbering-sequence", 2, "error")]
    assert numbering(["一、甲", "二、乙", "二、丙"]) == [("numbering-sequence", 3, "error")]
    assert numbering(["一、甲", "（一）子", "（三）丑"]) == [("numbering-sequence", 3, "error")]
    assert numbering(["一、甲", "（二）子"]) == [("numbering-sequence", 2, "error")]


def test_numbering_restarts_under_new_parent() -> None:
    assert (
        numbering(["一、甲", "（一）子", "（二）丑", "二、乙", "（一）寅", "1.卯", "（二）辰", "1.巳"]) == []
    )


def test_numbering_gap_message_names_the_missing_number() -> None:
    [f] = [f for f in lint_paragraphs(["一、甲", "四、丁"], year=2024) if f.rule == "numbering-sequence"]
    assert "二、" in f.message and "三、" in f.message
    assert "二、" in f.suggestion


def test_numbering_items() -> None:
    assert numbering(["一是学习。二是研讨。三是实践。"]) == []
    assert numbering(["一是学习。三是实践。"]) == [("numbering-items", 1, "warning")]
    assert numbering(["（一）甲", "一是学习。二是研讨。", "（二）乙", "一是学习。"]) == []
    # “统一是” and “唯一是” are not items.
    assert numbering(["一是学习。思想统一是前提，二是研讨。"]) == []


def test_heading_behind_paid_marker_still_counts() -> None:
    assert numbering(["一、甲", "（一）子", "##paidbegin##（二）丑"]) == []


def test_parse_heading_levels() -> None:
    assert parse_heading("　　一、主要工作") is not None
    h = parse_heading("（十二）其他")
    assert h is not None and (h.level, h.number) == (2, 12)
    h = parse_heading("10.其他")
    assert h is not None and (h.level, h.number) == (3, 10)
    assert parse_heading("2023年工作") is None
    assert parse_heading("1.5万元") is None
    assert parse_heading("一是学习") is None


# --------------------------------------------------------------------------- report year


def test_detect_year() -> None:
    assert detect_year(["2023年度党组书记抓基层党建述职报告", "正文"]) == 2023
    assert detect_year(["局机关党委书记2022年度抓基层党建工作述职报告"]) == 2022
    assert detect_year(["", "2023年党总支部书记抓基层党建工作述职报告（2946字）"]) == 2023
    assert detect_year(["抓基层党建工作述职报告", "2024年以来，我认真履行职责"]) == 2024
    assert detect_year(["抓基层党建工作述职报告", "在市委的领导下"]) is None


def test_stale_term_in_later_report_is_a_warning() -> None:
    text = "扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。"
    findings = lint_paragraphs(["2024年度述职报告", text])
    [f] = [f for f in findings if f.rule == "year-zhuti-2023"]
    assert f.severity == "warning" and "2023年" in f.message and "2024" in f.message
    assert not [f for f in lint_paragraphs(["2023年度述职报告", text]) if f.rule.startswith("year-")]


def test_consolidating_an_earlier_campaign_is_fine() -> None:
    text = "巩固拓展主题教育成果，扎实开展党纪学习教育。"
    assert not [r for r in rules_of(lint_paragraphs(["2024年度述职报告", text])) if r.startswith("year-")]


def test_term_from_a_later_year_is_an_error() -> None:
    findings = lint_paragraphs(["2022年度述职报告", "扎实开展党纪学习教育。"])
    [f] = [f for f in findings if f.rule == "year-djxx-2024"]
    assert f.severity == "error" and "2024年才开展" in f.message


def test_year_option_overrides_title() -> None:
    paragraphs = ["2023年度述职报告", "扎实开展主题教育。"]
    assert "year-zhuti-2023-short" not in rules_of(lint_paragraphs(paragraphs))
    assert "year-zhuti-2023-short" in rules_of(lint_paragraphs(paragraphs, year=2025))


def test_unknown_year_is_reported_once_as_info() -> None:
    findings = lint_paragraphs(["述职报告", "扎实开展党纪学习教育。", "深入开展党史学习教育。"])
    unknown = [f for f in findings if f.rule == "year-unknown"]
    assert len(unknown) == 1 and unknown[0].severity == "info"


# --------------------------------------------------------------------------- seeds

SEED_FILES = sorted(SEEDS.glob("*.txt"))

#: Everything the seeds may trigger; a new rule that fires on them elsewhere must be reviewed here.
SEED_EXPECTED_RULES = {
    "noise-ad",
    "noise-marker",
    "noise-wordcount",
    "redaction-number",
    "redaction-name",
    "placeholder-name",
    "typo-dangdan",
    "typo-mofan",
    "pol-meeting-spirit",
    "pol-xuncha-mixed",
    "heading-punct",
    "punct-halfwidth",
    "style-vague",
    "year-wording",
    "repetition",  # real reports of other years miss some 提法 and repeat themselves
}


def seed(name_prefix: str) -> list[Finding]:
    [path] = [p for p in SEED_FILES if p.name.startswith(name_prefix)]
    return lint_file(path)


def at(findings: list[Finding], rule: str) -> list[int]:
    return [f.paragraph for f in findings if f.rule == rule]


def test_seeds_are_present() -> None:
    assert len(SEED_FILES) == 5


def test_seeds_only_trigger_expected_rules() -> None:
    for path in SEED_FILES:
        findings = lint_file(path)
        assert has_errors(findings), path.name
        assert set(rules_of(findings)) <= SEED_EXPECTED_RULES, path.name
        assert not [
            f for f in findings if f.rule.startswith(("numbering", "year-")) and f.rule != "year-wording"
        ], path.name


def test_seed_000_typo_and_ads() -> None:
    findings = seed("000")
    assert at(findings, "typo-dangdan") == [6]
    assert len(at(findings, "noise-ad")) == 5
    assert len(at(findings, "noise-marker")) == 2


def test_seed_001_redactions_typos_and_headings() -> None:
    findings = seed("001")
    numbers = [f for f in findings if f.rule == "redaction-number"]
    assert len(numbers) == 12
    assert {"数字被隐去：“X次”", "数字被隐去：“XX份”", "数字被隐去：“XX余人次”"} <= {
        f.message for f in numbers
    }
    assert at(findings, "typo-mofan") == [6]
    assert at(findings, "pol-meeting-spirit") == [6]
    assert at(findings, "noise-wordcount") == [1]
    assert at(findings, "pol-xuncha-mixed") == [8]
    assert at(findings, "placeholder-name") == [10]  # 《XX党组关于…》
    assert at(findings, "heading-punct") == [5, 7, 9, 11]


def test_seed_002_typo() -> None:
    findings = seed("002")
    assert at(findings, "typo-dangdan") == [5]
    assert len(at(findings, "noise-ad")) == 5


def test_seed_003_redactions_and_year() -> None:
    path = next(p for p in SEED_FILES if p.name.startswith("003"))
    assert detect_year(read_paragraphs(path)) == 2022
    findings = lint_file(path)
    messages = {f.message for f in findings}
    assert "数字被星号隐去：“**次”" in messages
    assert "数字被星号隐去：“***家”" in messages
    assert any(m.startswith("内容被星号隐去：“**街道") for m in messages)
    assert at(findings, "pol-meeting-spirit") == [6]


def test_seed_004_redactions() -> None:
    findings = seed("004")
    messages = {f.message for f in findings}
    assert "数字被星号隐去：“*名”" in messages
    assert "数字被星号隐去：“*%”" in messages
    assert "内容被星号隐去：“*聚力”" in messages  # 凝*聚力
    assert "内容被星号隐去：“*班子成”" in messages  # a name, not a number


# --------------------------------------------------------------------------- clean samples


def test_clean_sample_has_no_findings() -> None:
    assert lint_file(CLEAN) == []


SAMPLES = sorted(p for p in (ROOT / "samples").glob("*") if p.suffix in (".md", ".docx"))


@pytest.mark.skipif(not SAMPLES, reason="no sample drafts in samples/")
@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_drafts_have_no_errors(path: Path) -> None:
    """Nothing but the 【待补充】 markers of numbers a sample leaves blank (those are errors on purpose:
    they must be filled before the report is handed in)."""
    findings = [f for f in lint_file(path) if f.rule != "placeholder"]
    assert not has_errors(findings), [
        (f.paragraph, f.rule, f.excerpt) for f in findings if f.severity == "error"
    ]


def test_clean_rendered_document_has_no_errors() -> None:
    from drafter.model import build_document

    markup = "\n".join(
        [
            "::title 2024年度党组书记抓基层党建工作述职报告",
            "::byline 某市发展和改革委员会党组书记、主任　张三",
            "::para 2024年，我认真履行党建工作第一责任人职责，现将有关情况报告如下。",
            "::h1 履职尽责情况",
            "::h2 强化理论武装，筑牢思想根基",
            "::item 严格落实“第一议题”制度\t全年组织“第一议题”学习24次，做到“两个维护”。",
            "::item 扎实开展党纪学习教育\t举办读书班2期，开展警示教育4次。",
            "::h2p 压实主体责任\t班子成员认真落实“一岗双责”，开展谈心谈话100余人次。",
            "::h1 存在的问题",
            "::h2p 理论学习还不够深入\t学用结合不够紧密。",
            "::h1 下一步工作打算",
            "::h2p 持续强化理论武装\t巩固深化党纪学习教育成果。",
            "::signature 张三",
            "::date 2025年1月10日",
        ]
    )
    document = build_document(markup)
    document.year = 2024
    findings = lint_document(document)
    assert not has_errors(findings), findings
    assert findings == []


def test_rendered_document_with_missing_fact_has_an_error() -> None:
    from drafter.model import PH_CLOSE, PH_OPEN, build_document

    document = build_document(
        f"::title 2024年度述职报告\n::para 全年开展谈心谈话{PH_OPEN}思想建设.谈心谈话次数{PH_CLOSE}次。"
    )
    findings = lint_document(document)
    assert rules_of(findings) == ["placeholder"]
    assert findings[0].paragraph == 2


# --------------------------------------------------------------------------- readers


def test_read_txt_encodings(tmp_path: Path) -> None:
    text = "2023年度述职报告\n印发XX份方案\n"
    for name, data in [
        ("utf8.txt", text.encode("utf-8")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("gbk.txt", text.encode("gbk")),
        ("gb18030.txt", text.encode("gb18030")),
        ("utf16.txt", text.encode("utf-16")),
        ("crlf.txt", text.replace("\n", "\r\n").encode("gbk")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        assert read_paragraphs(path) == ["2023年度述职报告", "印发XX份方案"], name
        assert at(lint_file(path), "redaction-number") == [2], name


def test_read_undecodable_text_is_a_drafter_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xff\xff\x80abc")
    with pytest.raises(DrafterError, match="编码"):
        read_paragraphs(path)


def test_read_errors(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="找不到文件"):
        read_paragraphs(tmp_path / "missing.txt")
    (tmp_path / "old.doc").write_bytes(b"x")
    with pytest.raises(DrafterError, match="旧版 Word") as info:
        lint_file(tmp_path / "old.doc")
    assert "另存为" in info.value.format()
    (tmp_path / "a.pdf").write_bytes(b"x")
    with pytest.raises(DrafterError, match="不支持的文件类型"):
        read_paragraphs(tmp_path / "a.pdf")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    with pytest.raises(DrafterError, match="文件已损坏或不是 Word 文档"):
        read_paragraphs(tmp_path / "broken.docx")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(DrafterError, match="文件夹"):
        read_paragraphs(tmp_path / "dir.txt")


def test_read_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for text in [
        "2024年度述职报告",
        "",
        "一、主要工作",
        "全年开展谈心谈话【待补充：谈心谈话次数】次。",
        "三、下一步",
    ]:
        document.add_paragraph(text)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    paragraphs = read_paragraphs(path)
    assert paragraphs[-5:] == [
        "2024年度述职报告",
        "",
        "一、主要工作",
        "全年开展谈心谈话【待补充：谈心谈话次数】次。",
        "三、下一步",
    ]
    findings = lint_file(path)
    offset = len(paragraphs) - 5
    assert ("placeholder", 4 + offset) in [(f.rule, f.paragraph) for f in findings]
    assert ("numbering-sequence", 5 + offset) in [(f.rule, f.paragraph) for f in findings]


def test_read_markdown_strips_markup_but_keeps_redactions(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text(
        '---\ntitle: x\n---\n# 2024年度述职报告\n\n## 一、主要工作\n<p align="right"></p>\n**（一）强化理论武装。**全年学习24次。\n'
        "开展学习**次，研讨**个。\n与**街道**社区共建。\n\\*号\n```\n{{ 代码 }}\n```\n",
        encoding="utf-8",
    )
    paragraphs = read_paragraphs(path)
    assert paragraphs[3] == "2024年度述职报告"
    assert paragraphs[5] == "一、主要工作"
    assert paragraphs[6] == ""  # an HTML tag alone
    assert paragraphs[7] == "（一）强化理论武装。全年学习24次。"
    assert paragraphs[8] == "开展学习**次，研讨**个。"
    assert paragraphs[9] == "与**街道**社区共建。"
    findings = lint_file(path)
    assert at(findings, "redaction-number") == [9, 9]
    assert 10 in at(findings, "redaction-name")
    assert "jinja-leftover" not in rules_of(findings)  # code fences are skipped
    assert 11 in at(findings, "redaction-name")  # an escaped \* is a literal star


# --------------------------------------------------------------------------- user rule files


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_rule_is_applied(tmp_path: Path) -> None:
    rules = write(
        tmp_path,
        "my.yaml",
        """
rules:
  - id: unit-name
    severity: error
    pattern: '发改局'
    replace: '发展和改革局'
    message: 本单位简称应写“发展和改革局”
    examples: {fire: ['市发改局'], pass: ['市发展和改革局']}
""",
    )
    draft = write(tmp_path, "d.txt", "2024年度述职报告\n市发改局全年开展学习。\n")
    [f] = [f for f in lint_file(draft, extra_rule_files=[rules]) if f.rule == "unit-name"]
    assert f.severity == "error" and f.suggestion == "改为“发展和改革局”"
    assert f.source == f"{rules}:3"  # no source given: the rule's own file and line


def test_user_rule_overrides_and_disables(tmp_path: Path) -> None:
    rules = write(
        tmp_path,
        "my.yaml",
        """
rules:
  - id: style-vague
    severity: error
    pattern: '尽快'
    message: 写明期限
disable: [heading-level3-dunhao, typo-dangdan]
""",
    )
    draft = write(tmp_path, "d.txt", "2024年度述职报告\n1、推动干部尽快成长，为担当者当担\n")
    findings = lint_file(draft, extra_rule_files=[rules])
    assert [(f.rule, f.severity) for f in findings] == [("style-vague", "error")]
    assert "heading-level3-dunhao" in rules_of(lint_file(draft))


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("rules:\n  - id: a\n    pattern: 'x\n", 3, "引号没有闭合"),
        ('rules:\n  - id: a\n    pattern: "\\d"\n', 3, "请用单引号"),
        ("rules:\n  - id: a\n    patern: 'x'\n    message: m\n", 3, "未知字段“patern”"),
        ("rules:\n  - id: a\n    pattern: '(x'\n    message: m\n", 3, "不是合法的正则表达式"),
        ("rules:\n  - id: a\n    pattern: 'x'\n    message: m\n    severity: fatal\n", 5, "severity"),
        ("rules:\n  - id: a\n    message: m\n", 2, "缺少 pattern"),
        ("rules:\n  - id: a\n    pattern: 'x'\n", 2, "缺少 message"),
        ("rulez: []\n", 1, "未知的顶层字段“rulez”"),
        (
            "rules:\n  - id: a\n    pattern: 'x'\n    message: m\n  - id: a\n    pattern: 'y'\n    message: m\n",
            5,
            "重复",
        ),
        ("rules:\n  - id: a\n    pattern: 'x'\n    message: m\n    replace: '\\2'\n", 5, "分组"),
        ("year_terms:\n  - id: y\n    name: n\n    pattern: 'x'\n    year: 20\n", 5, "year"),
        ("rules:\n  - id: a\n    pattern: 'x'\n    message: m\n    examples: {fire: ['y']}\n", 2, "应当触发"),
        ("disable:\n  - no-such-rule\n", 2, "不存在"),
    ],
)
def test_bad_user_rule_file_is_reported_with_line(tmp_path: Path, text: str, line: int, needle: str) -> None:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    err = info.value
    assert any(d.location.line == line and str(path) == str(d.location.file) for d in err.diagnostics), (
        err.format()
    )
    assert needle in err.format()


def test_missing_rule_file(tmp_path: Path) -> None:
    with pytest.raises(DrafterError, match="找不到规则文件"):
        load_rules([tmp_path / "none.yaml"])


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        "rules:\n  - id: a\n    patern: x\n  - id: b\n    pattern: '('\n    message: m\n",
    )
    with pytest.raises(RuleFileError) as info:
        load_rules([path])
    lines = sorted(d.location.line or 0 for d in info.value.diagnostics)
    assert 3 in lines and 5 in lines


# --------------------------------------------------------------------------- CLI


def run_cli(*args: str) -> tuple[int, str]:
    from drafter.cli.lint import lint_command

    result = CliRunner().invoke(lint_command, list(args))
    return result.exit_code, result.output


def test_cli_clean_exit_0() -> None:
    code, out = run_cli(str(CLEAN))
    assert code == 0
    assert "未发现问题" in out and "2024年" in out


def test_cli_errors_exit_1() -> None:
    path = next(p for p in SEED_FILES if p.name.startswith("001"))
    code, out = run_cli(str(path))
    assert code == 1
    assert "错误" in out and "第6行" in out and "模仿作用" in out and "建议" in out


def test_cli_warnings_only_exit_0(tmp_path: Path) -> None:
    draft = write(tmp_path, "d.txt", "2024年度述职报告\n1、强化理论武装\n")
    code, out = run_cli(str(draft))
    assert code == 0 and "警告 1" in out


def test_cli_json(tmp_path: Path) -> None:
    draft = write(tmp_path, "d.txt", "述职报告\n扎实开展主题教育，印发XX份方案。\n")
    code, out = run_cli(str(draft), "--format", "json", "--year", "2025")
    assert code == 1
    payload = json.loads(out)
    assert payload["year"] == 2025 and payload["year_from"] == "option"
    assert payload["summary"]["error"] == 1 and payload["summary"]["warning"] == 1
    first = payload["findings"][0]
    assert set(first) == {
        "rule",
        "severity",
        "message",
        "paragraph",
        "column",
        "length",
        "excerpt",
        "suggestion",
        "source",
    }
    assert {f["rule"] for f in payload["findings"]} == {"year-zhuti-2023-short", "redaction-number"}


def test_cli_drafter_error_exit_2(tmp_path: Path) -> None:
    code, out = run_cli(str(tmp_path / "missing.txt"))
    assert code == 2 and "找不到文件" in out
    bad = write(tmp_path, "bad.yaml", "rules:\n  - id: a\n    patern: x\n")
    code, out = run_cli(str(CLEAN), "--rules", str(bad))
    assert code == 2 and "未知字段" in out and ":3" in out


def test_cli_repeatable_rules(tmp_path: Path) -> None:
    one = write(
        tmp_path, "one.yaml", "rules:\n  - id: r1\n    severity: error\n    pattern: '甲'\n    message: 甲\n"
    )
    two = write(
        tmp_path, "two.yaml", "rules:\n  - id: r2\n    severity: info\n    pattern: '乙'\n    message: 乙\n"
    )
    draft = write(tmp_path, "d.txt", "甲乙\n")
    code, out = run_cli(str(draft), "--rules", str(one), "--rules", str(two), "--format", "json")
    assert code == 1
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"r1", "r2"}


def test_cli_bad_year_is_a_usage_error() -> None:
    code, _ = run_cli(str(CLEAN), "--year", "23")
    assert code == 2


def test_a_draft_missing_the_years_wording_is_told() -> None:
    from drafter.lint import lint_paragraphs

    filler = "".join(chr(0x4E00 + i * 7) for i in range(1000))  # a whole report's length, nothing repeated
    paragraphs = [
        "2024年度党组书记抓基层党建工作述职报告",
        "一年来，我坚决做到“两个维护”，深刻领悟“两个确立”。",
        "一、主要工作",
        "扎实开展党纪学习教育。",
        filler,
    ]
    found = {f.message for f in lint_paragraphs(paragraphs) if f.rule == "year-wording"}
    assert found == {"2024年的稿子没有写到“二十届三中全会”"}
    paragraphs[1] += "深入学习贯彻党的二十届三中全会精神。"
    assert not [f for f in lint_paragraphs(paragraphs) if f.rule == "year-wording"]


def test_repeated_phrases_are_reported_with_counts(tmp_path: Path, run) -> None:
    filler = "".join(chr(0x4E00 + i * 7) for i in range(200))
    text = "# 2024年度述职报告\n\n" + "我带头学深悟透理论，带头抓好落实。\n\n" * 6 + filler + "\n"
    path = tmp_path / "稿.md"
    path.write_text(text, encoding="utf-8")
    result = run("lint", path, "--format", "json")
    import json

    found = [f for f in json.loads(result.output)["findings"] if f["rule"] == "repetition"]
    assert found and "出现 6 次" in found[0]["message"]
    relaxed = run("lint", path, "--format", "json", "--重复上限", "50")
    assert not [f for f in json.loads(relaxed.output)["findings"] if f["rule"] == "repetition"]
