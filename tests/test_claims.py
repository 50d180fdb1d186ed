"""The loose match of 前后矛盾 phrases (drafter.claims): a long phrase is found with a few characters put in."""

from __future__ import annotations

from drafter.claims import GAP, says, says_any


def test_a_long_phrase_is_found_with_words_put_in() -> None:
    """Round 32: “定期听取” claimed as “定期在党委会上听取”, “党委书记主业” as “党委书记的主业”, “过问不多” denied as
    “过问得不多”."""
    assert says("定期听取", "定期在党委会上听取基层党组织书记汇报")
    assert says("党委书记主业", "把抓党建作为党委书记的主业")
    assert says("过问不多", "党建工作交给专职副书记后过问得不多")


def test_the_gap_stays_inside_one_clause_and_short() -> None:
    assert not says("定期听取", "定期召开会议，听取汇报")  # a comma between: two clauses
    assert not says("定期听取", "定期" + "开" * (GAP + 1) + "听取")
    assert says("定期听取", "定期" + "开" * GAP + "听取")


def test_a_short_phrase_is_found_only_as_written() -> None:
    """Two characters apart mean too little: “走访” is not “走进社区访谈”, “蹲点” not “蹲下来看点位”."""
    assert says("走访", "走访困难党员")
    assert not says("走访", "走进社区访谈")
    assert not says("经常与", "经常主动与")


def test_no_cut_leaves_a_single_character() -> None:
    """A phrase is cut only where two characters or more stay on each side: “谈心不多” is not found in
    “谈心谈话记录不多”… only as 谈心 + up to GAP characters + 不多, never 谈 + … + 心不多."""
    assert says("谈心不多", "谈心的时候不多")
    assert not says("谈心不多", "谈起心事不多")


def test_any_of_several() -> None:
    assert says_any(("缺少记录", "过问不多"), "平时过问得不多")
    assert not says_any((), "平时过问得不多")


def test_phrases_are_taken_literally() -> None:
    """A phrase is data a user may bring: its characters match themselves, never as a pattern."""
    assert not says("a.*b要求", "aXXb要求")
    assert says("a.*b要求", "a.*b要求")


def test_a_negation_keeps_its_word() -> None:
    """“组织生活不经常” (not held often) is not “参加组织生活不够经常” (not attended often): no gap right after 不."""
    assert not says("组织生活不经常", "在村党员参加组织生活不够经常")
    assert says("组织生活不经常", "组织生活开展得不经常")
