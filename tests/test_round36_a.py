"""What a second reader's whole read (审读甲) of ten drafts found, each as behaviour a draft must show.

The reader read ten samples (县一中, 发改委, 集团公司, 社区, 机关支部, 街道, 医院, 村, 大学学院, 科技公司党支部)
under new names at seed 21.  Type-A rows (a claim in 主要工作, the opening or a lead-in, and a problem or cause below
denying it: “对新任支部书记及时谈话、传授方法” / “我对支部书记履职的指导还不够具体”) are now 前后矛盾 pairs
(templates/主题.yaml, block 第十一次会话 审读甲); type-B rows (a measure promising what the text above reports done:
“外出党员通过微信群跟着学” / “同时把外出党员纳入线上学习”) have measure wordings that promise something beyond it.
"""

from __future__ import annotations

import pytest
import test_contradictions
from test_contradictions import REG, drafter_for, measures_said_again, stale_measures

# the ten drafts: the sample and the name it was read under (全称, 简称)
AUDIT_UNITS: dict[str, tuple[str, str | None]] = {
    "县一中党委书记": ("攸县第一中学", None),
    "市发改委党组书记": ("岳阳市发展和改革委员会", None),
    "集团公司党委书记": ("郴州市自来水有限责任公司", "郴州自来水"),
    "某社区党委书记": ("衡阳市蒸湘区联合街道华新社区", "华新社区"),
    "机关党支部书记": ("永州市财政局办公室", None),
    "街道党工委书记": ("株洲市荷塘区月塘街道", "月塘街道"),
    "某医院党委书记": ("新化县人民医院", None),
    "某村党支部书记": ("桃江县灰山港镇竹山村", "竹山村"),
    "某大学学院党委书记": ("长沙理工大学电气与信息工程学院", None),
    "某科技公司党支部": ("湘潭华盛信息科技有限公司", "华盛信息"),
}
AUDIT_SEED = 21
SEEDS = (AUDIT_SEED, 5, 6, 7)  # the audit's seed and three more

# the audit's type-A rows encoded: the claim above, the denial below (exact quotes of its drafts)
ROUND_36_A = [
    ("对新任支部书记及时谈话、传授方法", "我对支部书记履职的指导还不够具体"),
    ("使支部书记队伍整体素质稳步提升", "教师党支部书记履职能力参差不齐"),
    ("我坚持党建工作和教育教学工作同部署同检查", "布置年度任务时党建常常排在后面"),
    ("定期对照清单检查进度，对滞后事项跟踪督办", "有的事项定了以后跟踪反馈不够及时"),
    (
        "定期与班子成员沟通党建工作，督促支部书记履行直接责任",
        "我对班子成员履行党建职责经常性的提醒和检查还不够",
    ),
    ("我亲自研究、亲自推动", "深入一线具体指导少"),
    ("把部门年度重点任务纳入党建工作计划", "有的支部党建计划与科室业务计划各写各的"),
    ("推动机关党建与部门履职目标对齐、考核挂钩", "党建考核与科室评优、干部选用结合不紧"),
    ("我与班子成员、所属企业主要负责人逐级明确责任", "我对班子成员履行党建职责经常性的提醒和检查还不够"),
    ("在党委会议上定期听取基层党组织书记工作汇报", "过程中听取情况不够及时、督促不够有力"),
    ("每次结合企业生产经营中的难点选题", "联系国资国企改革和企业发展实际思考得还不够深"),
    ("党建任务跟社区治理任务一起定、一起分、一起查", "结合起来谋划、推进、考核方面办法还不多"),
    ("我始终把凝聚人心放在思想建设的前头", "对通过党组织凝聚人心、引领居民听党话跟党走的作用重视不够"),
    ("我始终把部门中心工作作为支部工作的出发点", "思想上存在业务是硬任务、支部是软任务的偏差"),
    (
        "全年谈心谈话120次，了解他们任务重、待遇低、压力大的实际困难",
        "对党员干部在岗位变动、工作压力、家庭困难等方面的实际诉求关注不够",
    ),
    (
        "年初研究制定辖区党建工作要点，把任务分解到班子成员和各社区党组织",
        "时间节点和力量配置安排不够合理，导致有的工作集中在年底突击完成",
    ),
    ("通过科室党支部经常了解医护人员在工作强度、职称晋升、绩效分配等方面的所思所想", "讲道理多、解难题少"),
    ("结合医疗质量、运营管理、学科建设中的问题组织研讨，推动班子成员学以致用", "用理论指导实践的自觉性不强"),
    (
        "我把返乡青年、致富能手和退役军人作为培养重点，支委分头上门谈心",
        "我对在村青年和返乡人员中物色入党培养对象用心不够",
    ),
    ("再带着“两委”成员逐条对照村情：哪些政策村里用得上", "学理论有应付的成分"),
    (
        "村里产业怎么发展、集体经济怎么壮大，我都先拿到村党组织里议透",
        "村里要上项目、做规划，广泛听取党员群众和懂行人的意见还有差距",
    ),
    ("学院注重选优配强支部书记，加大培训力度，支部带头人队伍的能力素质稳步提升", "支部书记党务能力有短板"),
    ("学院为支部书记开展工作提供时间和条件保障", "用在支部工作上的时间精力有限"),
    ("坚持党建考核与业务考核同步开展、一体运用", "党务部门与业务部门在任务部署、检查考核等环节统筹不够"),
    ("每次活动先定目的、再定形式，尽量让党员带着问题来、带着办法走", "组织生活多照搬模板"),
    # what the next wordings of the same denials said once the first were gone
    ("坚持原著通读、重点篇目精读", "系统学习原著原文不够"),
    ("认定党务干部工作量", "支部书记抓党建工作量认定不清晰"),
    ("医德医风建设常抓不懈", "存在“抓一阵、松一阵”的现象"),
]
ROUND_36_A_PAIRS = tuple(name for name in REG.topics["前后矛盾"] if name.startswith("甲-"))

# the audit's type-B rows whose measure wordings were reworded: the sample, what the text above reports done, the
# measure that promised it again
ROUND_36_B = [
    ("集团公司党委书记", "党的工作随生产经营一起延伸", "做到项目开到哪里、党的工作跟到哪里"),
    ("街道党工委书记", "年初研究制定辖区党建工作要点", "我将在每年年初拿出全年党建工作的整体安排"),
    ("某社区党委书记", "一起定、一起分、一起查", "我将在每年年初拿出全年党建工作的整体安排"),
    ("某村党支部书记", "外出党员通过微信群跟着学", "同时把外出党员纳入线上学习"),
    ("某村党支部书记", "外出党员通过微信群跟着学", "对外出党员建立线上学习群"),
    ("某村党支部书记", "外出党员通过微信群跟着学", "外出党员纳入线上学习群"),
    (
        "某村党支部书记",
        "每次围绕村里正在办的修路、产业、环境整治等事情选题",
        "我将每季度带着村里发展的一件难事去学政策",
    ),
    ("某大学学院党委书记", "认定党务干部工作量", "书记抓党建的工作量在教师考核中予以认定"),
    ("某大学学院党委书记", "认定党务干部工作量", "把抓党建工作量纳入教师考核认定"),
    ("某大学学院党委书记", "从学科带头人和教学骨干中选配支部书记", "选配支部书记优先考虑学术骨干"),
    ("某大学学院党委书记", "为支部书记开展工作提供时间和条件保障", "为支部书记开展工作提供时间和经费保障"),
]


_draft = drafter_for(AUDIT_UNITS)


@pytest.mark.parametrize(("claim", "denial"), ROUND_36_A, ids=lambda v: v[:10])
def test_round_36_a_pairs_are_known(claim: str, denial: str) -> None:
    """Each encoded type-A row is a known 前后矛盾 pair (found loosely: drafter.claims), and the denial alone,
    under an unrelated claim, is not one."""
    test_contradictions.test_round_19_pairs_are_known(claim, denial)


def test_the_audit_units_no_longer_deny_their_work() -> None:
    """The ten units under the names they were read with, at the audit's seed and three more: no tool problem
    or cause voices a denial of a new pair whose claim the text above makes."""
    assert len(ROUND_36_A_PAIRS) >= 18
    assert not test_contradictions._denials_in_units(AUDIT_UNITS, ROUND_36_A_PAIRS, seeds=SEEDS)


def test_the_audit_drafts_no_longer_print_their_contradictions() -> None:
    """The ten drafts made afresh at seed 21: no encoded claim is printed together with the denial the reader
    quoted (25 of the first 25 rows were before the pairs)."""
    texts = [_draft(sample, AUDIT_SEED).document.text for sample in AUDIT_UNITS]
    both = [(claim, denial) for claim, denial in ROUND_36_A for t in texts if claim in t and denial in t]
    assert not both


def test_the_audit_measures_no_longer_promise_what_is_done() -> None:
    """The type-B rows: where the draft still reports the work done, no measure promises it again in the words
    the reader quoted, at the audit's seed or three more."""
    assert not measures_said_again(ROUND_36_B, _draft, SEEDS)


def test_the_library_no_longer_words_those_measures() -> None:
    """The reworded measures are gone from the library as the reader quoted them (so no other draft prints them
    after the same claim)."""
    assert not stale_measures([m for _, _, m in ROUND_36_B])
