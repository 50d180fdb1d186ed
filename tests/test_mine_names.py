"""Proper names of one report (persons, villages and communities, companies) and how they are slotted."""

from __future__ import annotations

from drafter.mine.names import find_names
from drafter.mine.slotify import slot_text, slotify


def test_persons_after_a_title_or_before_comrade() -> None:
    names = find_names(
        "",
        "局党组书记周明远带头讲党课。驻村第一书记刘振华的帮助下修了路。本人杨德顺，担任书记以来。"
        "表扬了欧阳明同志。",
    )
    assert names.found == {"周明远": "person", "刘振华": "person", "杨德顺": "person", "欧阳明": "person"}


def test_titles_followed_by_ordinary_words_are_not_names() -> None:
    names = find_names(
        "", "支部书记高度重视，主任严格把关，书记抓党建，书记项目率先垂范，书记带头讲党课，院长方面。"
    )
    assert names.found == {}


def test_villages_from_the_title_and_place_name_characters() -> None:
    names = find_names(
        "李家寨村2023年度抓党建工作述职",
        "带领群众把李家寨建设得更加美丽。与石桥村、林庄村结对，推进乡村振兴，驻村工作队进村入户，全村农户。",
    )
    assert names.found == {
        "李家寨村": "village",
        "李家寨": "village",
        "石桥村": "village",
        "林庄村": "village",
    }
    community = find_names("幸福里社区党支部书记述职报告", "建设幸福和谐社区。")
    assert community.found == {"幸福里社区": "village", "幸福里": "village"}
    assert find_names("县市场监督管理局党组书记述职报告", "").found == {}
    assert find_names("xx社区党委书记述职报告", "").found == {}


def test_companies_with_trade_words_and_in_a_list_of_subsidiaries() -> None:
    names = find_names(
        "",
        "与恒丰农业开发有限公司合作建设基地，在华兴置业、远航物流等子企业开展对标。"
        "集团公司党委书记、国有企业、有限公司。",
    )
    assert names.found == {
        "恒丰农业开发有限公司": "company",
        "恒丰农业开发": "company",
        "华兴置业": "company",
        "远航物流": "company",
    }


def test_names_become_slots_and_person_or_company_sentences_are_set_aside() -> None:
    names = find_names(
        "杨柳湾村党支部书记述职报告", "本人杨德顺，担任杨柳湾村党支部书记以来。与恒丰农业开发有限公司合作。"
    )
    s = slotify(
        "", "杨柳湾村组织党员集中学习。本人杨德顺带头讲党课。与恒丰农业开发有限公司合作建设基地。", names
    )
    assert s.text == "{{ 村社名1 }}组织党员集中学习。"
    assert s.specific == ["本人{{ 人名1 }}带头讲党课。", "与{{ 企业名1 }}合作建设基地。"]
    assert {k: (v.kind, v.original) for k, v in s.slots.items()} == {
        "村社名1": ("village", "杨柳湾村"),
        "人名1": ("person", "杨德顺"),
        "企业名1": ("company", "恒丰农业开发有限公司"),
    }
    heading, slots = slot_text("杨柳湾村抓党建促振兴", names)
    assert heading == "{{ 村社名1 }}抓党建促振兴" and slots["村社名1"].original == "杨柳湾村"


def test_lowercase_and_mixed_redactions_are_slots() -> None:
    text, slots = slot_text(
        "全年办理群众诉求xxxx件，服务xx人次，新签合同额增长×%，完成××小区改造，x月x日召开。"
    )
    assert text == (
        "全年办理群众诉求{{ 件数1 }}件，服务{{ 人次1 }}人次，新签合同额增长{{ 比例1 }}%，"
        "完成{{ 名称1 }}小区改造，{{ 月份1 }}月{{ 日期1 }}日召开。"
    )
    assert [s.original for s in slots.values()] == ["xxxx", "xx", "×", "××", "x", "x"]
    assert slot_text("使用Excel和xlsx文件")[0] == "使用Excel和xlsx文件"


def test_the_company_at_the_start_of_the_title() -> None:
    assert find_names("恒源集团党委书记2024年述职报告", "").found == {
        "恒源集团": "company",
        "恒源": "company",
    }
    for generic in (
        "燃气公司党委2024年度党建工作总结",
        "集团公司党委书记述职报告",
        "科技有限公司党支部工作总结",
        "分公司党委书记述职报告",
        "＊＊建设集团有限公司党委工作总结",
    ):
        assert find_names(generic, "").found == {}, generic


def test_places_after_a_preposition_with_another_suffix_and_in_a_list() -> None:
    names = find_names(
        "",
        "我从涧田乡调至芙蓉镇工作，芙蓉村近期开工，根据实际光明村、晓东村均实现整改目标。"
        "评为示范村，到先进村学习，在村干部中推广，驻村干部进村入户，位于镇中心。",
    )
    assert names.found == {
        "涧田乡": "village",
        "芙蓉镇": "village",
        "光明村": "village",
        "芙蓉村": "village",
        "晓东村": "village",
    }


def test_persons_named_together_and_more_surnames() -> None:
    names = find_names(
        "", "今年裴明玖和张荣两位同志为入党积极分子。村党支部书记刘向朝明确了目标，书记文丰林带头。"
    )
    assert names.found == {"裴明玖": "person", "张荣": "person", "刘向朝": "person", "文丰林": "person"}
    assert find_names("", "书记文件精神，书记温暖人心，书记尤其重视。").found == {}


def test_short_company_names_counted_in_a_list() -> None:
    names = find_names("", "成立恒源、水务、交运等6家企业分校，组织学校、医院等6家单位参加。")
    assert names.found == {"恒源": "company", "交运": "company"}
