"""``drafter fragments list|show|search`` over the shipped library."""

from __future__ import annotations

from drafter.library import load_library
from drafter.search import matches_tag, search

LIB = load_library()


def test_search_ranks_whole_matches_first_and_finds_two_character_queries() -> None:
    hits = search(LIB, "谈话")
    assert hits and all("谈话" in h.fragment.lead + h.fragment.text for h in hits)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_longer_query_uses_bigrams() -> None:
    ids = [h.fragment.id for h in search(LIB, "谈心谈话", limit=50)]
    exact = [f.id for f in LIB.fragments() if "谈心谈话" in f.lead + f.text]
    assert exact and set(exact) <= set(ids)
    assert ids.index(exact[0]) < len(exact) + 2  # whole matches rank near the top


def test_search_all_words_must_match_and_nothing_found() -> None:
    for hit in search(LIB, "党纪 教育"):
        text = hit.fragment.lead + hit.fragment.text
        assert "党纪" in text and "教育" in text
    assert search(LIB, "量子计算") == []


def test_tags_cover_voice_unit_type_and_year() -> None:
    frag = next(f for f in LIB.fragments() if f.years.first == 2024 and f.years.last == 2024)
    assert matches_tag(frag, "2024") and not matches_tag(frag, "2023")
    assert matches_tag(frag, frag.voice[0])


def test_list_show_search_commands(run) -> None:
    listed = run("fragments", "list", "--role", "存在问题")
    assert listed.exit_code == 0 and "wt-effort-balance" in listed.output and "sx-" not in listed.output
    shown = run("fragments", "show", "wt-effort-balance")
    assert shown.exit_code == 0 and "对应的下一步" in shown.output and "来源：seeds/" in shown.output
    found = run("fragments", "search", "谈心")
    assert found.exit_code == 0 and "共找到" in found.output


def test_show_unknown_id_suggests(run) -> None:
    result = run("fragments", "show", "wt-effort-balanc")
    assert result.exit_code == 2
    assert "wt-effort-balance" in result.output
