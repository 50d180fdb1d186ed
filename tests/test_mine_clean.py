"""The cleaner of `drafter mine`, on the seeds' own noise and on small made-up lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.mine import clean as clean_module
from drafter.mine.clean import clean, clean_line, is_ad, punctuate, tidy_spaces, to_simplified

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed(prefix: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(prefix)).read_text(encoding="utf-8")


def kept(prefix: str) -> dict[int, str]:
    return {line.no: line.text for line in clean(seed(prefix)).lines}


def test_paywall_marker_in_the_middle_of_a_line() -> None:
    line4 = kept("000")[4]
    assert "经常性“一对一”谈心谈话" in line4
    assert "#" not in line4 and "paid" not in line4


def test_paywall_marker_at_the_start_of_a_heading_line() -> None:
    assert kept("001")[7] == "（二）抓责任，主责主业彰显作为。"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_noise_survives_in_any_seed(path: Path) -> None:
    result = clean(path.read_text(encoding="utf-8"))
    text = "\n".join(line.text for line in result.lines)
    for noise in ("paidbegin", "paidend", "##", "哒哒", "素材库", "代笔", "svip", "（2946字）"):
        assert noise not in text
    assert result.stats.traditional_lines == 0  # the seeds are Simplified already
    assert all(line.text == line.text.strip() and line.text for line in result.lines)


def test_advertisement_block_is_dropped_and_counted() -> None:
    result = clean(seed("002"))
    assert result.stats.ad_lines == 5
    assert result.stats.paywall_markers == 2
    assert max(line.no for line in result.lines) == 7  # the report ends at line 7; the rest is ads


def test_kept_lines_keep_their_source_line_numbers() -> None:
    lines = kept("001")
    assert 2 not in lines  # blank line
    assert lines[1] == "2023年党总支部书记抓基层党建工作述职报告"  # counter （2946字） removed
    assert lines[13] == "二、存在的问题及原因"


def test_report_lines_that_mention_members_or_an_account_are_kept() -> None:
    assert not is_ad("充分利用公众号“雨课堂”引导干部学用结合，分享心得体会。")
    assert not is_ad("（二）发展壮大工会会员队伍")
    assert is_ad("【公众号：哒哒君】，最新最全党建资料库")
    assert is_ad("欢迎加入会员群，添加客服微信号获取更多材料")


def test_counters_hidden_text_and_resource_description() -> None:
    assert clean_line("党建工作总结（3521字）") == "党建工作总结"
    assert clean_line("一是加强学习。此处隐藏2365个字二是") == "一是加强学习。二是"
    assert clean_line("资源描述：2023年，在区委的坚强领导下……") == ""
    text = clean("标题\n资源描述：摘要\n正文。\n")
    assert [line.text for line in text.lines] == ["标题", "正文。"]
    assert text.stats.resource_lines == 1


def test_traditional_to_simplified() -> None:
    assert to_simplified("加強黨風廉政建設，嚴格落實「三會一課」") == "加强党风廉政建设，严格落实「三会一课」"
    assert to_simplified("已经是简体") == "已经是简体"
    stats_line = clean("一、加強思想政治建設\n「第一議題」學習14次。\n")
    assert [line.text for line in stats_line.lines] == ["一、加强思想政治建设", "“第一议题”学习14次。"]
    assert stats_line.stats.traditional_lines == 2


def test_ascii_punctuation_becomes_full_width_in_chinese_text() -> None:
    line, changes = punctuate('2023年,在区委领导下,我认真履职:一是(1)学习;二是"两委"换届.')
    assert line == "2023年，在区委领导下，我认真履职：一是（1）学习；二是“两委”换届。"
    assert changes == 9
    # numbers, numbering and Latin text are left alone
    assert (
        punctuate("1.坚持第一议题制度,完成1,000人次,增长7.9%,时间8:30")[0]
        == "1.坚持第一议题制度，完成1,000人次，增长7.9%，时间8:30"
    )
    assert punctuate("PPT (slides), v1.2") == ("PPT (slides), v1.2", 0)


def test_stray_whitespace() -> None:
    assert (
        tidy_spaces("　　2023年， 在 区委的 领导下 ，我认真履职。  ")
        == "2023年，在区委的领导下，我认真履职。"
    )
    assert tidy_spaces("强化政治引领   筑牢思想根基") == "强化政治引领\u3000筑牢思想根基"
    assert tidy_spaces("开展 PPT 培训 2 次。") == "开展PPT培训2次。"
    assert clean_line("\ufeff\u3000\u3000") == ""


def test_missing_opencc_is_a_chinese_error(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_module._converter.cache_clear()
    monkeypatch.setitem(sys.modules, "opencc", None)
    with pytest.raises(DrafterError, match="opencc"):
        to_simplified("黨建")
    clean_module._converter.cache_clear()
