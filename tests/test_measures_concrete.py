"""Every measure (下一步) wording says when or how often, not only what to strive for.

Round 27: the reviewers marked “发扬钉钉子精神……以考核促落实、以督查促提升” as a slogan (“没有怎么做、什么时候做”) and
“把日常监督延伸到工作圈外” as saying neither how nor how often; the measures they praised carry a time or a frequency
(每月……走访两次以上, 每两周跟踪一次, 上半年形成……工作办法, 年内……反馈一次).
"""

from __future__ import annotations

import re

from drafter.library import load_library

# A time or a frequency, in the words the measures use: a period with 每 (每月, 每季度, 每学期, 每次……),
# a part of the year (上半年, 年初, 年底, 年内), a count or a span (一次, 两次, 三个月内, 一周内, 半个月),
# a deadline (限期, 时限, 当月, 当天, 次年). Not counted: 次 inside other words (高层次, 档次, 多次), and
# 定期, 经常, 及时, 常态化 — they say nothing of when.
WHEN = re.compile(
    r"每月|每个月|每季度|每半年|每年|每周|每天|每日|每学期|每学年|每次|下次"
    r"|年内|年初|年底|年终|上半年|下半年|月底|季度|半年|学期"
    r"|限期|时限|当月|当天|当日|月内|次月|次年"
    r"|[一两二三四五六七八九十几\d]+(?:次|个月|周|天|日)"
)


def measure_wordings() -> list[tuple[str, int, str]]:
    """(fragment id, wording index, wording) for every wording of every 下一步 fragment in the shipped library."""
    return [(f.id, i, text) for f in load_library().fragments("下一步") for i, text in enumerate(f.texts)]


def test_the_pattern_tells_a_time_from_a_slogan() -> None:
    assert WHEN.search("每季度对照检查一次两方面进度")
    assert WHEN.search("新任书记上岗三个月内完成培训")
    assert WHEN.search("上半年形成工作办法")
    assert not WHEN.search("定期研究部署党建工作，以考核促落实、以督查促提升")
    assert not WHEN.search("对高层次人才多听意见，拉开考核结果的档次，对多次提醒仍不改的约谈")


def test_every_measure_wording_says_when_or_how_often() -> None:
    wordings = measure_wordings()
    assert len(wordings) > 500  # the whole library, not a corner of it
    vague = [f"{fid}[{i}]: {text}" for fid, i, text in wordings if not WHEN.search(text)]
    assert not vague, "下一步的措辞要写明时间或频次：\n" + "\n".join(vague)
