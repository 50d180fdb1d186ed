"""The segmenter of `drafter mine`: heading hierarchy, headings with their body on one line, items."""

from __future__ import annotations

from pathlib import Path

from drafter.mine.clean import Line, clean
from drafter.mine.pipeline import read_seed
from drafter.mine.segment import Outline, segment, split_heading, split_items, unwrap

ROOT = Path(__file__).resolve().parent.parent


def outline_of(text: str) -> Outline:
    return segment(clean(text).lines)


def seed_outline(prefix: str) -> Outline:
    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    return outline_of(path.read_text(encoding="utf-8"))


def test_seed_hierarchy_levels_and_parents() -> None:
    out = seed_outline("001")
    assert out.title == "2023年党总支部书记抓基层党建工作述职报告"
    heads = [
        (s.number, s.heading, s.level, out.sections[s.parent].heading if s.parent else "")
        for s in out.sections[1:]
    ]
    assert heads[0] == ("一、", "主要做法", 1, "")
    assert heads[1] == ("（一）", "抓思想，政治引领突出成效", 2, "主要做法")
    assert heads[5] == ("二、", "存在的问题及原因", 1, "")
    assert heads[6] == ("（一）", "精力投入还需平衡", 2, "存在的问题及原因")
    assert out.sections[0].paragraphs[0].line == 3  # the preamble
    assert len(out.sections) == 1 + 13


def test_heading_with_its_body_on_the_same_line() -> None:
    out = seed_outline("002")
    first = out.sections[1]
    assert (first.line, first.heading) == (3, "聚焦思想过硬，持续强化理论武装")
    para = first.paragraphs[0]
    assert para.intro == ""
    assert [i.lead for i in para.items] == [
        "扎实开展习近平新时代中国特色社会主义思想主题教育",
        "细致做好思想政治工作",
        "严格落实意识形态工作责任制",
    ]
    problem = seed_outline("001").sections[7]
    assert problem.heading == "精力投入还需平衡"
    assert problem.paragraphs[0].intro.startswith("抓党建是党支部书记的本职工作")


def test_split_heading() -> None:
    assert split_heading("抓思想，政治引领突出成效。") == ("抓思想，政治引领突出成效", "")
    assert split_heading("树牢意识，提高站位") == ("树牢意识，提高站位", "")
    assert split_heading("精力投入还需平衡。抓党建是本职。") == ("精力投入还需平衡", "抓党建是本职。")


def test_numbering_styles_take_levels_in_order_of_appearance() -> None:
    text = "\n".join(
        [
            "村党支部书记述职报告",
            "1、加强理论学习",
            "坚持每月集中学习。",
            "2、建强支部班子",
            "（1）加强班子建设。班子团结。",
            "（2）规范党员管理。按期收缴党费。",
            "3、存在的问题",
            "〔一〕学习不够深入。",
        ]
    )
    out = outline_of(text)
    got = [(s.number, s.heading, s.level) for s in out.sections[1:]]
    assert got == [
        ("1、", "加强理论学习", 1),
        ("2、", "建强支部班子", 1),
        ("（1）", "加强班子建设", 2),
        ("（2）", "规范党员管理", 2),
        ("3、", "存在的问题", 1),
        ("〔一〕", "学习不够深入", 2),
    ]
    assert out.sections[3].parent == 2
    assert out.sections[3].paragraphs[0].intro == "班子团结。"


def test_unnumbered_themed_headings() -> None:
    out = outline_of(
        "某校党建工作总结\n强化政治引领　筑牢思想根基\n一是抓学习。全年学习12次。二是抓宣讲。开展宣讲。\n"
        "存在的不足\n学习还不够深入。\n2023年12月20日\n"
    )
    assert [s.heading for s in out.sections[1:]] == ["强化政治引领\u3000筑牢思想根基", "存在的不足"]
    assert [p.text for p in out.sections[2].paragraphs] == ["学习还不够深入。", "2023年12月20日"]


def test_items_one_two_three_in_a_paragraph() -> None:
    para = split_items("主要表现在：一是学习不深入；二是创新不足；三是统一是非标准不够。", 9)
    assert para.intro == "主要表现在："
    assert [(i.marker, i.lead) for i in para.items] == [
        ("一是", "学习不深入"),
        ("二是", "创新不足"),
        ("三是", "统一是非标准不够"),
    ]
    assert all(i.line == 9 for i in para.items)


def test_a_marker_inside_a_sentence_or_a_word_is_not_an_item() -> None:
    assert split_items("我们一是加强学习。没有第二条。", 1).items == []
    assert split_items("坚持统一是前提，二是后话。", 1).items == []


def test_a_paragraph_opening_with_a_marker_is_one_item_of_a_list_written_one_per_line() -> None:
    para = split_items("二是夯实基层基础，支部建设提质增效。优化调整党支部。", 1)
    assert para.intro == "" and [(i.marker, i.lead) for i in para.items] == [
        ("二是", "夯实基层基础，支部建设提质增效")
    ]
    assert split_items("一是。", 1).items == []  # no lead phrase: not an item


def test_other_item_markers() -> None:
    firstly = split_items("首先，坚持学习。其次，创新形式。最后，注重实效。", 1)
    assert [i.marker for i in firstly.items] == ["首先", "其次", "最后"]
    assert firstly.items[0].lead == "坚持学习"
    circled = split_items("推行三级架构：①调整支部设置；②吸纳党员；③开展报到服务。", 1)
    assert [i.lead for i in circled.items] == ["调整支部设置", "吸纳党员", "开展报到服务"]
    ordinal = split_items("第一，坚持把抓党建作为最大政绩。第二，带头落实制度。", 1)
    assert [i.marker for i in ordinal.items] == ["第一，", "第二，"]


def test_long_first_sentence_gives_its_first_clause_as_lead() -> None:
    para = split_items(
        "一是坚持理论武装，公司党委理论学习中心组开展专题学习10次，举办主题教育读书班1期，推动入脑入心；"
        "二是夯实基层基础，完成换届。",
        1,
    )
    first = para.items[0]
    assert first.lead == "坚持理论武装"
    assert first.body.startswith("公司党委理论学习中心组") and first.body.endswith("推动入脑入心。")
    assert first.full.startswith("坚持理论武装，公司党委")
    assert para.items[1].lead == "夯实基层基础，完成换届"


def test_closing_paragraph_is_marked_as_tail() -> None:
    tails = [p.line for s in seed_outline("003").sections for p in s.paragraphs if p.tail]
    assert tails == [22]
    assert not [p for s in seed_outline("001").sections for p in s.paragraphs if p.tail]


def test_empty_input() -> None:
    out = segment([])
    assert out.title == "" and len(out.sections) == 1
    one = segment([Line(5, "只有一句话。")])
    assert one.sections[0].paragraphs[0].line == 5


def test_a_line_starting_with_a_circled_number_is_a_list_paragraph() -> None:
    out = outline_of("标题报告\n一、组织建设\n①调整支部设置；②吸纳党员进入组织。\n")
    assert [s.heading for s in out.sections[1:]] == ["组织建设"]
    assert [i.lead for i in out.sections[1].paragraphs[0].items] == ["调整支部设置", "吸纳党员进入组织"]


def test_a_whole_report_on_one_line_segments_like_the_original() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines = clean(path.read_text(encoding="utf-8")).lines
        body = "".join(ln.text if ln.text[-1] in "。！？" else ln.text + "。" for ln in lines[1:])
        multi, one = segment(lines), outline_of(lines[0].text + " " + body)
        assert one.title == multi.title, path.name
        assert [(s.heading, s.level) for s in one.sections] == [(s.heading, s.level) for s in multi.sections]
        assert [i.lead for _, _, i in one.items()] == [i.lead for _, _, i in multi.items()], path.name


def test_inline_numbered_list_cause_paragraph_and_closing_sentence() -> None:
    out = outline_of(
        "报告\n一、主要工作\n（1）加强学习。每月学习。（2）严格管理。按月检查。\n"
        "二、存在问题\n一是学习不深；二是管理不严。究其原因，一是认识不足；二是精力有限。\n"
        "三、下一步打算\n一是深化学习。二是严格管理。今后，我将以更大的干劲做好工作。\n"
    )
    first = out.sections[1].paragraphs[0]
    assert first.intro == "" and [i.lead for i in first.items] == ["加强学习", "严格管理"]
    problems = out.sections[2].paragraphs
    assert [p.text[:4] for p in problems] == ["一是学习", "究其原因"]
    assert [i.lead for i in problems[1].items] == ["认识不足", "精力有限"]
    last = out.sections[3].paragraphs
    assert last[-1].text == "今后，我将以更大的干劲做好工作。" and last[-1].tail
    assert last[0].items[-1].full == "严格管理。"


def test_hard_wrapped_text_is_joined_back_into_paragraphs() -> None:
    for width in (30, 38):
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            lines = clean(path.read_text(encoding="utf-8")).lines
            wrapped = [
                Line(ln.no, ln.text[i : i + width]) for ln in lines for i in range(0, len(ln.text), width)
            ]
            multi, one = segment(lines), segment(wrapped)
            assert [(s.heading, s.level) for s in one.sections] == [
                (s.heading, s.level) for s in multi.sections
            ]
            assert [i.lead for _, _, i in one.items()] == [i.lead for _, _, i in multi.items()], (
                width,
                path.name,
            )


def test_text_that_is_not_wrapped_is_left_alone() -> None:
    folders = [
        ROOT / "seeds",
        ROOT / "tests" / "fixtures" / "mine" / "reports",
        ROOT / "tests" / "fixtures" / "mine" / "layouts",
    ]
    for path in sorted(p for f in folders for p in f.glob("*.txt")):
        lines = clean(read_seed(path)).lines
        assert unwrap(lines) == lines, path.name


def test_a_byline_under_the_title_is_not_a_heading() -> None:
    out = outline_of(
        "2022年度基层党建专项述职报告\n林庄村党总支书记　张振华\n“欲筑其室，先治其基”，现汇报如下。\n"
        "共学共建　让基层组织强起来\n认真履行职责。\n"
    )
    assert out.title == "2022年度基层党建专项述职报告"
    assert [s.heading for s in out.sections[1:]] == ["共学共建　让基层组织强起来"]
    assert out.sections[0].paragraphs[0].text.startswith("“欲筑其室")
