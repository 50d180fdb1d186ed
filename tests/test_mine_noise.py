"""Site noise (drafter/noise.py) and how `drafter mine` cleans the real-world shapes of the test reports.

Every shape has a fixture among tests/fixtures/mine/reports (named in the parametrisation), and the
last test mines all of them and scans the output for any noise left.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from drafter import noise
from drafter.mine.clean import clean, to_simplified
from drafter.mine.pipeline import mine, output_files, read_seed

REPORTS = Path(__file__).resolve().parent / "fixtures" / "mine" / "reports"


def kept_text(name: str) -> str:
    return "\n".join(line.text for line in clean(read_seed(REPORTS / name)).lines)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("省略680字，正式会员可完整阅读", "paywall"),
        ("此处隐藏1509个字", "paywall"),
        ("试读结束，购买后可阅读全文", "paywall"),
        ("资源描述：本文是一篇党建工作总结范文，共3页，欢迎下载使用。", "furniture"),
        ("下载", "furniture"),
        ("上一篇：2023年学校党支部工作总结", "furniture"),
        ("收藏 举报 阅读(2563)", "furniture"),
        ("相关推荐", "furniture"),
        ("来源：https://www.example.com/dangjian/2024/1203.html", "furniture"),
        ("https://www.example.com/a/1.html", "url"),
        ("时间:2022-05-14 09:10:00", "furniture"),
        ("2023-01-05 10:20 来源：某某网", "furniture"),
        ("导语：本文来源于网友上传，不代表本站观点。", "furniture"),
        ("1、", "page"),
        ("- 2 -", "page"),
        ("第2页 共4页", "page"),
        ("1、 2、 3、 下一页", "page"),
        ("上一页 1 2 3 下一页 尾页", "page"),
        ("一、坚持思想引领……………………1", "toc"),
        ("目  录", "toc"),
        ("【公众号：某某素材库】每日更新材料", "ad"),
    ],
)
def test_noise_lines_by_kind(line: str, kind: str) -> None:
    assert noise.noise_line(line) == kind
    assert kind in noise.KINDS


@pytest.mark.parametrize(
    "line",
    [
        "组织工会会员阅读红色经典，开展读书分享会。",
        "设立师德监督举报电话，畅通投诉渠道。",
        "下一步，我们将持续深化理论武装。",
        "未完成的整改事项建立台账，逐项销号。",
        "1、严格落实“三会一课”制度",
        "2024年，在县委的坚强领导下，我局党组认真履行职责。",
        "2024",
        "2024年12月25日",
    ],
)
def test_report_lines_are_not_noise(line: str) -> None:
    assert noise.noise_line(line) is None
    assert noise.strip_inline(line) == (line, {})


def test_inline_noise_is_removed_with_counts() -> None:
    text, counts = noise.strip_inline(
        "推动事业发(fā)展，贯彻(guàn chè)落实##paidbegin##精神（全文共3200字）此处隐藏1509个字。"
    )
    assert text == "推动事业发展，贯彻落实精神。"
    assert counts == {"pinyin": 2, "marker": 1, "counter": 1, "paywall": 1}
    hits = noise.find_noise("发(fā)展 www.example.com")
    assert [(h.kind, h.text) for h in hits] == [("pinyin", "(fā)"), ("url", "www.example.com")]


def test_double_prime_quotation_marks_become_chinese_quotes() -> None:
    assert (
        clean("落实“第一议题〞制度，开展〝三会一课〞。").lines[0].text
        == "落实“第一议题”制度，开展“三会一课”。"
    )


def test_an_untoned_bracket_is_not_pinyin() -> None:
    assert noise.strip_inline("评选先进(a)类")[0] == "评选先进(a)类"


@pytest.mark.parametrize(
    ("name", "gone", "kept"),
    [
        ("r01_机关.txt", ["……", "目  录"], ["一、聚焦政治引领"]),  # table of contents with leaders
        ("r15_高校.txt", ["目录"], ["一、坚持思想引领"]),  # table of contents without
        ("r01_机关.txt", ["\n1、\n", "\n2、\n", "\n3、"], []),  # page markers 1、 2、 3、
        ("r19_街道.txt", ["第1页", "共4页"], []),  # 第N页 共M页
        ("r06_高校.txt", ["此处隐藏", "1509"], []),  # hidden-text line
        ("r11_两新.txt", ["省略680字", "会员", "https", "www.", "阅读全文"], []),  # paywall, URLs
        ("r17_村.txt", ["paid", "##"], ["石桥村党支部"]),  # ##paidbegin## lines
        ("r03_教育局.txt", ["资源描述", "\n下载\n", "上一篇", "下一篇"], []),  # site furniture
        ("r22_医院.txt", ["收藏", "阅读(", "(fā)", "(guàn chè)"], ["发展", "贯彻党的"]),  # furniture, pinyin
        (
            "r34_中小学.txt",
            ["欢迎光临", "当前位置", "查看人数", "第1篇", "(3篇)", "（3篇）", "二、对标检视\n三、下步打算"],
            ["学校党支部书记述职报告\n尊敬的各位领导", "一、履职尽责\n（一）理论武装，坚定育人初心"],
        ),
        ("r27_两新.txt", ["相关推荐", "下一页"], []),
        (
            "r13_国企.txt",
            [],
            ["汇通物流分公司党委书记\u3000郑光辉"],
        ),  # a byline stays text…                                      # furniture, a pager
        (
            "r32_医院.txt",
            ["温馨提示", "客服", "预览", "\n2、", "\n3、"],  # a document site's pages
            ["加强基层卫生院党支部建设，选派", "部分医院存在“两张皮”现象；三是"],
        ),
        ("r06_高校.txt", ["(fā)"], ["事业发展"]),
    ],
)
def test_each_noise_shape_is_cleaned(name: str, gone: list[str], kept: list[str]) -> None:
    text = kept_text(name)
    for piece in gone:
        assert piece not in text, piece
    for piece in kept:
        assert piece in text, piece


def test_ascii_punctuation_and_traditional_script_are_normalised() -> None:
    ascii_report = kept_text("r07_医院.txt")
    assert not re.search(r"[,.:;?!]", re.sub(r"\d[.:]\d", "", ascii_report))
    assert "“以人民健康为中心”" in ascii_report
    traditional = kept_text("r08_街道.txt")
    assert to_simplified(traditional) == traditional
    assert "街道党工委书记抓基层党建工作述职报告" in traditional


def _all_text(data: dict[str, Any]) -> list[str]:
    out = [h["text"] for h in data["headings"] + data["intros"]]
    for frag in data["fragments"] + data["unit_specific"]:
        out += [frag["lead"], frag["text"], *frag.get("specific_sentences", [])]
    return out


_LEFT_OVER = re.compile(
    r"paid|https?://|www\.|正式会员|此处隐藏|省略\d|资源描述|上一篇|下一篇|相关推荐|阅读[（(]\d|第\d+页|"
    r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|…{2,}|[xX×＊*]|(?<=[\u4e00-\u9fff])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff])"
)
_NAMES = (
    "周明远",
    "杨德顺",
    "杨柳湾",
    "恒丰",
    "王建国",
    "石桥",
    "鑫达",
    "黄丽萍",
    "华兴",
    "远航",
    "刘振华",
    "李家寨",
    "幸福里",
    "东湖社区",
    "青石岭",
    "河湾村",
    "郑光辉",
    "汇通",
)


def test_mined_output_of_every_report_has_no_noise_or_names_left(tmp_path: Path) -> None:
    result = mine(sorted(REPORTS.glob("*.txt")))
    texts = [
        t
        for name, content in output_files(result).items()
        if name.endswith(".yaml")
        for t in _all_text(yaml.safe_load(content))
    ]
    assert len(texts) > 500
    for text in texts:
        assert not _LEFT_OVER.search(text), text
        assert noise.find_noise(text) == [] and noise.noise_line(text) is None, text
        assert to_simplified(text) == text, text
        # names may be kept in a sentence set aside only as a slot, never as they were written
        assert not any(n in text for n in _NAMES), text


def test_numbered_paragraphs_that_end_their_sentences_are_not_pages() -> None:
    body = (
        "坚持把学习贯彻党的创新理论作为首要任务，组织党员干部集中学习研讨，推动学习成果转化为工作实效。" * 3
    )
    text = "\n".join(f"{n}、{body}" for n in (1, 2, 3))
    lines = clean(text).lines
    assert [ln.text[:2] for ln in lines] == ["1、", "2、", "3、"] and clean(text).stats.page_markers == 0


def test_spaced_headings_of_a_long_line_are_cut_and_pages_joined_by_sentence() -> None:
    page1 = (
        "1、卫生局党组书记述职报告 一、履行职责情况 1、抓责任落实，切实筑牢根底。"
        + "年初对党建工作进行了全面部署。" * 5
        + "组织党员重温入党"
    )
    page2 = "2、誓词，开展知识竞赛活动。" + "各支部围绕岗位服务做文章。" * 8 + " 二、存在问题及原因"
    page3 = "3、一是思想认识不到位。二是成效不明显。"
    lines = clean("\n".join([page1, page2, page3])).lines
    assert [(ln.no, ln.text[:8]) for ln in lines] == [
        (1, "卫生局党组书记述"),
        (1, "一、履行职责情况"),
        (1, "1、抓责任落实，"),
        (1, "二、存在问题及原"),
        (3, "一是思想认识不到"),
    ]
    assert "重温入党誓词，开展知识竞赛活动。" in lines[2].text


def test_a_compilation_of_sample_texts_is_cut_into_documents() -> None:
    cleaned = clean(read_seed(REPORTS / "r33_村.txt"))
    docs = cleaned.documents()
    assert [d[0].text for d in docs] == ["驻村第一书记述职报告", "驻村工作述职报告"]
    assert not any("篇" in ln.text or "范文网" in ln.text for ln in cleaned.lines)
    result = mine([REPORTS / "r33_村.txt"])
    assert result.seeds[0].title == "驻村第一书记述职报告"
    openings = [f.text for f in result.roles["开头"].fragments]
    assert len(openings) == 2  # each text has its own opening
    assert clean("一、正文\n内容。").documents() == [clean("一、正文\n内容。").lines]
