"""The repetition check finds over-used phrases and leaves fixed formulations alone."""

from __future__ import annotations

from drafter.repetition import repeated_phrases

FILLER = "".join(chr(0x4E00 + i * 7) for i in range(3000))  # 3,000 characters, no 4-character run twice


def test_an_overused_phrase_is_reported_with_its_count() -> None:
    text = "我带头学习理论。" * 5 + "组织开展各类活动，推动工作落实。" * 10
    found = {r.phrase: r.count for r in repeated_phrases(text)}
    assert found.get("我带头学习理论") == 5
    assert "推动工作落实" in "".join(found)


def test_fixed_formulations_and_rare_phrases_pass() -> None:
    verbs = ("深入学习", "认真贯彻", "系统领会", "全面落实", "坚持运用", "自觉践行")
    text = "".join(f"{v}习近平新时代中国特色社会主义思想，" for v in verbs) + "各项工作稳步推进，成效明显。"
    assert repeated_phrases(text) == []
    assert repeated_phrases("知敬畏、存戒惧、守底线。" * 2 + FILLER) == []


def test_the_rate_scales_with_length() -> None:
    phrase = "知敬畏存戒惧"
    short = (phrase + "。") * 3
    assert repeated_phrases(short)
    long = short + FILLER
    assert not repeated_phrases(long, per_thousand=2.0)
