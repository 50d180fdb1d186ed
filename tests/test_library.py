"""The shipped phrase library: format, coverage, clean text, renders with and without its facts."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, full_facts
from jinja2 import nodes

from drafter.errors import LibraryError
from drafter.facts import facts_from_text
from drafter.library import FILE_ROLES, Fragment, load_library, load_role_file
from drafter.pipeline import derived_context
from drafter.registry import registry
from drafter.render import FragmentRenderer, fact_context, make_environment

LIB = load_library()
REG = registry()
FRAGMENTS = LIB.fragments()
BANNED = (
    "深圳河",
    "碧道",
    "2578",
    "建川博物馆",
    "雨课堂",
    "小个专",
    "清廉湖北",
    "广东",
    "湖北",
    "老区精神",
    "先锋模仿",
    "模仿作用",
    "当担",
    "在形态领域",
    "二十大会议精神",
    "市市委",
    "##paid",
    "公众号",
    "素材库",
    "代笔",
    "哒哒",
    "XX",
    "**",
)


def naming(path: str) -> bool:
    return path in ("年度", "报告日期") or path.split(".")[0] in ("单位", "述职人")


# the names the pipeline works out for every draft (提法.*, 类型.*, 落款.*, 整改进度.*): read off derived_context
DERIVED = frozenset(
    f"{group}.{name}"
    for group, names in derived_context(facts_from_text("年度: 2024\n")).items()
    for name in names
)


def referenced(source: str) -> set[str]:
    """Dotted fact paths a Jinja text uses ({{ 思想建设.中心组学习次数 }} → 思想建设.中心组学习次数)."""
    tree = jinja2.Environment().parse(source)
    out: set[str] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            if f"{node.node.name}.{node.attr}" not in DERIVED:  # worked out for every draft (pipeline)
                out.add(f"{node.node.name}.{node.attr}")
        elif isinstance(node, nodes.Name) and node.ctx == "load" and node.name in ("年度", "报告日期"):
            out.add(node.name)
    return out


@pytest.mark.parametrize(
    ("role", "minimum"),
    [
        ("思想建设", 10),
        ("组织建设", 10),
        ("党风廉政", 10),
        ("存在问题", 10),
        ("下一步", 10),
        ("开头", 4),
        ("结尾", 4),
        ("业务融合", 4),
    ],
)
def test_enough_distinct_fragments_per_role(role: str, minimum: int) -> None:
    frags = LIB.fragments(role)
    assert len({f.text for f in frags}) >= minimum
    for voice in ("个人", "单位"):
        assert sum(voice in f.voice for f in frags) >= 2, voice


def test_every_role_has_fragments_and_no_unknown_role() -> None:
    assert set(LIB.roles) <= set(FILE_ROLES)
    for kind in registry().kinds.values():
        for section in kind.sections:
            assert LIB.fragments(section.role) or LIB.intros(section.role), (kind.name, section.role)


@pytest.mark.parametrize("frag", FRAGMENTS, ids=lambda f: f.id)
def test_needs_match_the_text(frag: Fragment) -> None:
    for text in frag.texts:  # the main wording and every alternative use exactly the declared facts
        # names (年度, 单位.*, 述职人.*) may be left out of needs: every facts file has them or shows a marker
        used = referenced(text) | referenced(frag.lead)
        assert {n for n in used if not naming(n)} == {n for n in frag.needs if not naming(n)}
        assert set(frag.needs) <= used


@pytest.mark.parametrize("frag", FRAGMENTS, ids=lambda f: f.id)
def test_fragment_renders_with_and_without_its_facts(frag: Fragment) -> None:
    import yaml

    renderer = FragmentRenderer(make_environment())
    full_f = facts_from_text(yaml.safe_dump(full_facts(), allow_unicode=True))
    empty_f = facts_from_text("年度: 2024\n")
    full = {**fact_context(full_f), **derived_context(full_f)}
    empty = {**fact_context(empty_f), **derived_context(empty_f)}
    for variant in range(len(frag.texts)):
        with_facts = renderer.render(frag, full, variant)
        without = renderer.render(frag, empty, variant)
        for text in (with_facts, without):
            assert "{{" not in text and "{%" not in text and "}}" not in text
        assert "\ue000" not in with_facts  # all facts given: no placeholder
        used = referenced(frag.texts[variant]) - {"年度"}
        assert without.count("\ue000") == len(used)


@pytest.mark.parametrize("frag", FRAGMENTS, ids=lambda f: f.id)
def test_text_is_clean_reusable_chinese(frag: Fragment) -> None:
    plain = re.sub(r"{{.*?}}", "", frag.lead + "".join(frag.texts))
    assert not re.search(r"[0-9]", plain), "digits must come from facts"
    assert not re.search(r"[,;:()!?]", plain), "ASCII punctuation in Chinese text"
    for word in BANNED:
        assert word not in plain, word
    assert not frag.lead.endswith(("。", "，", "；", "：")), "lead has its own punctuation"


# Problems and causes are read right after the achievements, so they may only say a shortcoming is a matter of
# DEGREE (还不够经常、不够深入、个别……、覆盖面还不够广): a wording that says something is ABSENT or ABSOLUTE
# (“基本上只靠电话联系”“学习形式比较单一”“‘两张皮’没有根本扭转”) contradicts whatever the draft has just reported
# (a WeChat study group, rotating study leaders, 党建业务深度融合), and a reviewer rejects the draft for it.
# “没有完全”“没有充分”“没有及时” stay allowed: they are degrees.
ABSOLUTE_WORDS = (
    "只靠",
    "仅靠",
    "单靠",
    "全靠",
    "基本上只",
    "只是",
    "从未",
    "从来",
    "从不",
    "根本没有",
    "没有根本",
    "一直没有",
    "始终没有",
    "单一",
    "全无",
    "毫无",
    "空白",
    "完全没有",
    "没有建立",
    "没有形成",
    "未建立",
    "未形成",
    "尚未",
    "无人",
    "一年到头",
    "放任",
    "没有拿出",
)


@pytest.mark.parametrize("frag", LIB.fragments("存在问题") + LIB.fragments("原因"), ids=lambda f: f.id)
def test_problems_and_causes_speak_of_degree_not_absence(frag: Fragment) -> None:
    for text in (frag.lead, *frag.texts):
        found = [word for word in ABSOLUTE_WORDS if word in text]
        assert not found, (found, text)


def test_no_wording_calls_the_unit_本单位() -> None:
    """A street, a village or a hospital does not write “本单位”: wordings say {{ 类型.自称 }} (the facts'
    单位.自称, else the unit type's 自称)."""
    said = [
        f.id
        for role in LIB.roles
        for f in LIB.fragments(role)
        if any("本单位" in t for t in (f.lead, *f.texts))
    ]
    assert not said


def test_no_wording_says_今年_of_the_report_year() -> None:
    """A report is dated in January of the next year (round 24: “今年有进展但没有改完” in three drafts): the
    report year is 一年来, 这一年, 过去一年 or 本年度 in every fragment, intro, heading and 措辞.yaml wording."""
    said = [
        f.id
        for role in LIB.roles
        for f in LIB.fragments(role)
        if any("今年" in t for t in (f.lead, *f.texts))
    ]
    for rname, rf in LIB.roles.items():
        for v in (*rf.headings, *rf.intros, *(v for vs in rf.role_intros.values() for v in vs)):
            if "今年" in v.text:
                said.append(f"{rname}: {v.text}")
    for name, table in registry().wordings.items():
        for key, words in table.items():
            said += [f"措辞:{name}.{key}: {w}" for w in words if "今年" in w]
    assert not said


def test_the_unit_names_itself_as_the_facts_say_else_as_its_type() -> None:
    from drafter.pipeline import derived_context
    from drafter.registry import registry

    text = "报告类型: 书记述职\n年度: 2024\n单位: {全称: 某某街道, 类型: 街道}\n述职人: {姓名: 张三, 职务: 党工委书记}\n"
    assert (
        derived_context(facts_from_text(text))["类型"]["自称"]
        == registry().unit_type("街道").self_name
        == "街道"
    )
    named = text.replace("类型: 街道}", "类型: 街道, 自称: 我街道}")
    assert derived_context(facts_from_text(named))["类型"]["自称"] == "我街道"


def _source_ids() -> set[str]:
    import yaml

    return {str(e["id"]) for e in yaml.safe_load((ROOT / "sources.yaml").read_text(encoding="utf-8")) or []}


SOURCE_IDS = _source_ids() if (ROOT / "sources.yaml").exists() else set()


@pytest.mark.parametrize("frag", FRAGMENTS, ids=lambda f: f.id)
def test_source_points_at_a_seed_line_or_a_listed_source(frag: Fragment) -> None:
    if frag.source.startswith("sources.yaml#"):
        ids = frag.source.removeprefix("sources.yaml#").replace("，", ",").split(",")
        assert all(i.strip() in SOURCE_IDS for i in ids), frag.source
        return
    path, _, line = frag.source.partition(":")
    seed = ROOT / path
    assert seed.is_file() and path.startswith("seeds/")
    assert 1 <= int(line) <= len(seed.read_text(encoding="utf-8").splitlines())


def test_every_problem_has_a_measure_of_its_topic_for_its_readers() -> None:
    """Measures answer problems by topic: for every voice, unit type and kind a problem fits, a measure of the
    same topic fits too (so a draft never lists a problem it cannot answer)."""
    for name, frag in [(f.id, f) for f in LIB.fragments("存在问题")]:
        assert frag.topic, name
        for voice in frag.voice:
            for unit in frag.unit_types:
                partners = [
                    m
                    for m in LIB.fragments("下一步")
                    if m.topic == frag.topic
                    and voice in m.voice
                    and ("通用" in m.unit_types or unit in m.unit_types)
                    and (not m.kinds or not frag.kinds or set(m.kinds) & set(frag.kinds))
                ]
                assert partners, (name, voice, unit)
    for cause in LIB.fragments("原因"):
        topic = registry().topic("原因", cause.topic)
        assert topic is not None and topic.measure in {m.topic for m in LIB.fragments("下一步")}, cause.id


def test_year_specific_wording_is_tagged() -> None:
    for frag in FRAGMENTS:
        text = frag.lead + "".join(frag.texts)
        if "主题教育" in text and "巩固" not in text and "成果" not in text and frag.years.last != 2019:
            assert frag.years.last == 2023, frag.id
        if "党纪学习教育" in text and "成果" not in text:
            assert frag.years.first == frag.years.last == 2024, frag.id


def test_broken_fragment_files_are_reported_with_line(tmp_path: Path) -> None:
    bad = tmp_path / "思想建设.yaml"
    bad.write_text(
        "role: 思想建设\nfragments:\n  - id: sx-a\n    text: 甲\n    needs: [思想建设.不存在]\n",
        encoding="utf-8",
    )
    with pytest.raises(LibraryError) as info:
        load_role_file(bad)
    assert "思想建设.yaml:3" in info.value.format() and "不存在" in info.value.format()
    bad.write_text("role: 组织工作\nfragments: []\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="不认识的 role"):
        load_role_file(bad)
    # only a problem names the causes that explain it (session 16)
    bad.write_text(
        "role: 思想建设\nfragments:\n  - id: sx-a\n    text: 甲\n    causes: [yy-b]\n", encoding="utf-8"
    )
    with pytest.raises(LibraryError) as info:
        load_role_file(bad)
    assert "思想建设.yaml:3" in info.value.format() and "causes" in info.value.format()


def test_a_users_folder_may_omit_roles_and_borrows_them_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "开头.yaml").write_text(
        "role: 开头\nfragments:\n  - id: kt-mine\n    topic: 开头\n    text: 我单位的开头。\n",
        encoding="utf-8",
    )
    lib = load_library(tmp_path)
    assert [f.id for f in lib.fragments("开头")] == ["kt-mine"]  # the user's role replaces the built-in one
    assert lib.fragments("思想建设") == LIB.fragments(
        "思想建设"
    )  # missing roles come from the built-in library
    assert lib.notices and "思想建设" in lib.notices[0].message


def test_a_kind_and_a_role_added_from_data_files_only(tmp_path: Path) -> None:
    """Issue 10: a new report kind with a new section role needs data files, fragments and no Python."""
    import shutil

    from drafter.pipeline import Options, draft
    from drafter.registry import load_registry
    from drafter.resources import data_dir

    templates = tmp_path / "templates"
    shutil.copytree(data_dir("templates"), templates)
    kind = templates / "意识形态述职"
    kind.mkdir()
    (kind / "kind.yaml").write_text(
        "说明: 意识形态工作述职\n口吻: 个人\n文件名用词: 意识形态述职\n章节:\n  - {角色: 开头}\n"
        "  - {角色: 意识形态, 主要工作: true, 必写: [阵地管理], 条数: 1}\n  - {角色: 存在问题, 条数: 3}\n"
        "  - {角色: 原因, 条数: 2}\n  - {角色: 下一步}\n  - {角色: 结尾}\n",
        encoding="utf-8",
    )
    (kind / "report.j2").write_text(
        "::title {{ 年度 }}年度意识形态工作述职报告\n{% for s in main %}::h1 {{ s.heading }}\n"
        "{% for it in s.items %}::item {{ it.lead }}\t{{ it.text }}\n{% endfor %}{% endfor %}\n"
        "::h1 存在的问题\n{% for it in problems.items %}::h2p {{ it.lead }}\t{{ it.text }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    topics = (templates / "主题.yaml").read_text(encoding="utf-8")
    (templates / "主题.yaml").write_text(
        topics + "意识形态:\n  阵地管理: {keywords: [阵地]}\n", encoding="utf-8"
    )
    reg = load_registry(templates)
    assert "意识形态述职" in reg.kinds and "意识形态" in reg.roles
    fragments = tmp_path / "fragments"
    fragments.mkdir()
    (fragments / "意识形态.yaml").write_text(
        "role: 意识形态\nheadings: [{text: 守好意识形态阵地}]\nfragments:\n  - id: ys-front\n    topic: 阵地管理\n"
        "    lead: 管好用好宣传阵地\n    text: 我对本单位网站、公众号和宣传栏逐一明确管理责任。\n",
        encoding="utf-8",
    )
    facts = facts_from_text("报告类型: 意识形态述职\n年度: 2024\n")
    result = draft(facts, Options(fragments_dir=fragments, templates_dir=templates))
    text = result.document.text
    assert "意识形态工作述职报告" in text and "管好用好宣传阵地" in text and "守好意识形态阵地" in text


def _yaml_strings(node: object) -> list[str]:
    """Every string in a loaded YAML document (keys and values, at any depth)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (*_yaml_strings(k), *_yaml_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in _yaml_strings(v)]
    return []


def test_two_establishments_come_before_two_safeguards() -> None:
    """Round 27 (村): “以此践行‘两个维护’、体现对‘两个确立’的拥护” puts them the wrong way round; the usage is
    拥护“两个确立”、做到“两个维护”.  No wording of the library (fragments and templates) names 两个维护 before
    两个确立."""
    import yaml

    files = sorted([*Path(ROOT, "fragments").rglob("*.yaml"), *Path(ROOT, "templates").rglob("*.yaml")])
    said = [s for p in files for s in _yaml_strings(yaml.safe_load(p.read_text(encoding="utf-8")))]
    both = [s for s in said if "两个维护" in s and "两个确立" in s]
    assert both
    assert not [s[:40] for s in both if s.index("两个维护") < s.index("两个确立")]


# slots whose value may itself join two things with 和 (基层治理和为民服务; 党的二十大和二十届三中全会)
_JOINED_SLOT = r"\{\{ ?(?:类型\.中心工作|提法\.全会) ?\}\}"


def test_a_slot_holding_he_is_not_joined_to_a_third_item_with_he() -> None:
    """Round 27: “推动基层治理和为民服务和党的建设互促共进”, “让党建和研发和经营融为一体” — a closing joined
    {{ 类型.中心工作 }} to 党建 with 和, and the value holds 和 itself.  No wording puts 和 right before such a slot
    or right after it (or after its 精神)."""
    joined = re.compile(rf"和{_JOINED_SLOT}|{_JOINED_SLOT}(?:精神)?和")
    assert [f for f in FRAGMENTS if re.search(_JOINED_SLOT, "".join(f.texts))]
    assert not [(f.id, m.group()) for f in FRAGMENTS for t in (f.lead, *f.texts) for m in joined.finditer(t)]


def test_no_wording_serves_service_twice() -> None:
    """Round 27 (医院): “坚持党建工作为医疗服务服务”.  With every 中心工作 a unit of the fragment's types can be
    given, by its type or its name (医疗服务, 服务会员 …), no wording prints 服务服务."""
    types = REG.unit_types
    centers = {n: {t.center, *t.name_center.values()} for n, t in types.items()}
    assert "医疗服务" in centers["医院"] and "服务会员" in centers["两新组织"]

    def centers_of(f: Fragment) -> set[str]:
        names = types if "通用" in f.unit_types else f.unit_types
        return {c for n in names for c in centers.get(n, ())}

    slot = re.compile(r"\{\{ ?类型\.中心工作 ?\}\}")
    doubled = [
        (f.id, c)
        for f in FRAGMENTS
        for t in (f.lead, *f.texts)
        if slot.search(t)
        for c in centers_of(f)
        if "服务服务" in slot.sub(c, t)
    ]
    assert not doubled


def test_a_secretary_speaks_of_no_portfolio_of_his_own() -> None:
    """Round 27 (医院): a 党委书记 has no 分管工作 — “我的理论学习与分管工作结合还不够紧”, “每季度结合分管工作撰写一篇
    学习体会” came from a deputy's report.  In a first-person wording, a sentence speaking of 分管 names whose it
    is (班子成员, 分管领导, 分管同志 …)."""
    others = ("成员", "领导", "同志", "负责人", "人员", "委员")
    own = [
        (f.id, s[:30])
        for f in FRAGMENTS
        if "个人" in f.voice
        for t in (f.lead, *f.texts)
        for s in re.split(r"[。；]", t.replace("积分管理", ""))
        if "分管" in s and not any(o in s for o in others)
    ]
    assert not own


def test_the_organisations_name_is_not_put_before_its_own_parts() -> None:
    """Round 27 (两新, 单位.党组织 = 自称 = 公司党支部): “公司党支部支委有时存在守成心态”, “团结公司党支部上下的
    人心”.  No wording puts the organisation's name or the unit's 自称 right before 支委 (a member of it) or 上下."""
    slot = r"\{\{ ?(?:单位\.党组织|单位\.自称|类型\.自称) ?\}\}"
    wrong = re.compile(rf"{slot}(?:支委(?!会)|上下)")
    assert not [(f.id, m.group()) for f in FRAGMENTS for t in (f.lead, *f.texts) for m in wrong.finditer(t)]


def test_a_problem_or_cause_does_not_say_the_same_word_twice_in_its_paragraph() -> None:
    """Round 27 (村): “真抓实干的劲头有所减弱……敢于较真的劲头比以前有所减弱” — the heading and its wording say 劲头
    and 减弱 twice in one paragraph.  No problem or cause heading with any of its wordings does."""
    twice = [
        (f.id, w)
        for role in ("存在问题", "原因")
        for f in LIB.fragments(role)
        for t in f.texts
        for w in ("劲头", "减弱")
        if (f.lead + t).count(w) > 1
    ]
    assert not twice


def test_no_wording_asks_for_form_as_well_as_substance() -> None:
    """Round 28: “我将坚持重部署更重落实、重形式更重实效” — “重形式更重实效” says form is to be weighed too, the
    opposite of the 重形式轻实效 the cause confesses.  No wording pairs 重形式 with 更重."""
    wrong = re.compile(r"重形式更重|重形式、更重")
    assert not [(f.id, t[:20]) for f in FRAGMENTS for t in (f.lead, *f.texts) if wrong.search(t)]
