"""What a second reader's audit (session 11, reader 乙) of ten drafts found, each as behaviour a draft must show.

The audit read the ten review samples under new names at seed 22 (/tmp/s16/audit, drafts 11–20).  It found
claims in 主要工作 (or a section's lead-in) and a problem or cause below denying them in words no 前后矛盾 pair
named (“新来的社区工作者由我和‘两委’成员一对一带教” / “我手把手带教的时候不多”), now pairs of the block
第十一次会话 审读乙 in templates/主题.yaml; and measures of 下一步 promising what the text above reports done
(“两份计划对照起草，每个季度支委会集中盘点一次” / “年中和年底一起检查”), whose wordings now promise more.
"""

from __future__ import annotations

import pytest
import test_contradictions
from test_contradictions import REG, drafter_for, measures_said_again, printed_together
from test_round36_a import AUDIT_UNITS

AUDIT_SEED = 22  # the same ten samples under the same names as reader 甲's (AUDIT_UNITS)
SEEDS = (AUDIT_SEED, 0, 1, 2)  # the audit's seed and three more

# the audit's type-A rows encoded, as (sample, claim, denial): exact quotes of its drafts at seed 22
ROUND_36_B = [
    ("县一中党委书记", "支部委员和党小组长从政治上强、业务上精的党员教师中选配", "我选配时更看重教学资历"),
    ("县一中党委书记", "学校支持他们参加上级党务培训", "对他们抓党建的本领培养不够"),
    (
        "县一中党委书记",
        "在核定工作量和评优评先时统筹考虑其承担的党务工作",
        "对教师党支部书记的工作量认定和激励保障机制，我推动健全得不够",
    ),
    ("市发改委党组书记", "并经常过问组织生活的开展质量", "督促检查的力度和频次还不够"),
    (
        "集团公司党委书记",
        "对所属单位执行上级部署走样、打折扣的苗头，及时提醒纠正",
        "有的制度在执行中打了折扣也没有及时发现",
    ),
    ("集团公司党委书记", "对所属企业领导班子落实“一岗双责”情况开展督导", "督促班子成员履责不够严"),
    ("集团公司党委书记", "做到学以致用、用以促学", "用理论指导实践的自觉性不强"),
    ("某社区党委书记", "新来的社区工作者由我和“两委”成员一对一带教", "我手把手带教的时候不多"),
    (
        "某社区党委书记",
        "支部书记由热心公益、威信较高的党员担任",
        "我对网格党支部书记的选配和培养下功夫不够",
    ),
    (
        "某社区党委书记",
        "我围绕社区治理和为民服务谋划社区党建",
        "我在把党建工作与社区治理和为民服务结合起来谋划、推进、考核方面办法还不多",
    ),
    ("某社区党委书记", "党建引领小区治理", "把党组织领导当作破解小区难题根本办法的意识不强"),
    ("机关党支部书记", "我对照党支部工作条例，把支部的基本制度逐项梳理", "我对支部工作制度的细化不够"),
    ("机关党支部书记", "有差距的谈心帮带", "专门坐下来交心的时候不多"),
    (
        "机关党支部书记",
        "我的做法是两份计划对照起草",
        "把党建摆到与部门中心工作同等重要的位置还做得不够",
    ),
    ("机关党支部书记", "自选内容多与文件办理、政策解读、服务基层相关", "有时满足于完成上级规定动作"),
    ("街道党工委书记", "长期困扰居民的问题逐一攻坚", "我对一些积累多年的老问题存在畏难情绪"),
    ("街道党工委书记", "用学到的立场观点方法分析研判形势、指导推动工作", "用理论指导实践的自觉性不强"),
    ("某医院党委书记", "医德医风建设常抓不懈", "在抓党建工作落实上还存在“一阵风”现象"),
    ("某村党支部书记", "发挥村党支部和党员作用开展矛盾纠纷调解", "靠支部和党员把人心聚起来的办法想得少"),
    (
        "某大学学院党委书记",
        "教师支部聚焦专业发展和教学改革组织活动，学生支部在学风建设和就业创业中发挥作用",
        "支部活动多为学习传达，围绕课程改革、科研攻关和学生就业开展的组织活动不多",
    ),
    (
        "某大学学院党委书记",
        "研究生党支部尽量与导师团队和科研平台相衔接，组织生活与学业科研相互促进",
        "支部活动多为学习传达",
    ),
    ("某大学学院党委书记", "我们注重在组织生活中融入思想交流和工作研讨", "支部活动多为学习传达"),
    (
        "某科技公司党支部",
        "公司党支部注重选优配强支部书记，加大培训力度，支部带头人队伍的能力素质稳步提升",
        "党务工作者受过成体系党务训练的不多",
    ),
    ("某科技公司党支部", "每个环节都按程序办、按要求记", "党内法规和办事程序掌握不熟"),
    # found in the audit's drafts made afresh once the pairs above chose other wordings
    ("某社区党委书记", "新来的社区工作者由我和“两委”成员一对一带教", "传帮带还不够经常"),
    ("街道党工委书记", "用学到的立场观点方法分析研判形势、指导推动工作", "学习与工作存在“两条线”"),
    ("街道党工委书记", "用学到的立场观点方法分析研判形势、指导推动工作", "以学促干的自觉性还不够强"),
    ("机关党支部书记", "会后整理记录、跟进落实", "党员提出的意见建议办理反馈环节还不健全"),
    (
        "机关党支部书记",
        "对组织生活记录、党员档案、党费收缴等基础工作明确专人负责、按月检查",
        "支委会对制度落实情况的检查不够经常",
    ),
]
ROUND_36_B_PAIRS = (
    "乙-选配党务骨干",
    "乙-党务工作量",
    "乙-打折扣",
    "乙-一岗双责督导",
    "乙-一对一带教",
    "乙-网格书记选配",
    "乙-谋划社区党建",
    "乙-小区难题",
    "乙-制度梳理",
    "乙-谈心帮带",
    "乙-自选内容",
    "乙-老问题攻坚",
    "乙-理论指导实践",
    "乙-常抓一阵风",
    "乙-支部调解",
    "乙-支部活动结合业务",
    "乙-党务培训",
    "乙-按程序办",
    "乙-过问组织生活",
    "乙-意见办理",
    "乙-按月检查",
)

# the audit's type-B rows whose measure wordings were reworded: the sample, what the text above reports
# done, the measure (its old words) that promised it again
AUDIT_REPEATS = [
    ("市发改委党组书记", "内设机构调整时同步研究支部设置", "机构调整后新设或合并的单位及时调整党组织"),
    (
        "市发改委党组书记",
        "为此把部门重点工作列入党建计划一并推进",
        "部门重点任务和对应的党建任务用同一张表下达、同一时间检查",
    ),
    (
        "集团公司党委书记",
        "随改革重组和业务拓展动态调整组织布局",
        "项目一开工就同步建立党组织，做到项目开到哪里、党的工作跟到哪里",
    ),
    (
        "某社区党委书记",
        "支部书记由热心公益、威信较高的党员担任",
        "把热心公益、群众认可、身体条件允许的党员选进来",
    ),
    (
        "机关党支部书记",
        "每个季度支委会集中盘点一次两方面的进度",
        "年中和年底一起检查",
    ),
    (
        "街道党工委书记",
        "长期困扰居民的问题逐一攻坚",
        "把积累多年、难度大、见效慢的老问题列成清单，逐一明确解决办法和时限",
    ),
]


_plan = drafter_for(AUDIT_UNITS)


def test_the_new_pairs_are_this_block() -> None:
    """Reader 乙's block (keys prefixed 乙-) is the pairs these tests check, each with claims and denials."""
    table = REG.topics["前后矛盾"]
    assert tuple(name for name in table if name.startswith("乙-")) == ROUND_36_B_PAIRS
    assert all(table[name].keywords and table[name].denials for name in ROUND_36_B_PAIRS)


@pytest.mark.parametrize(("sample", "claim", "denial"), ROUND_36_B, ids=lambda v: v[:10])
def test_round_36_b_pairs_are_known(sample: str, claim: str, denial: str) -> None:
    """Each encoded type-A row of the audit is a known 前后矛盾 pair (found loosely: drafter.claims), and the
    denial alone, under an unrelated claim, is not one."""
    test_contradictions.test_round_19_pairs_are_known(claim, denial)


def test_the_audit_units_no_longer_deny_their_work() -> None:
    """The audit's ten samples under the names they were read with, at its seed and three more: no tool problem
    or cause voices a denial of a new pair whose claim the text above makes."""
    assert not test_contradictions._denials_in_units(AUDIT_UNITS, ROUND_36_B_PAIRS, seeds=SEEDS)


def test_the_audit_drafts_no_longer_print_their_contradictions() -> None:
    """The audit's encoded type-A rows, in its drafts made afresh at seed 22: the claim and the denial it quoted
    are no longer both printed (all 25 audit rows were before the pairs)."""
    assert not printed_together(ROUND_36_B, _plan, AUDIT_SEED)


def test_the_audit_measures_no_longer_promise_what_is_done() -> None:
    """The audit's type-B rows: where the draft (seed 22 and three more) still reports the work done, no measure
    promises it again in the old words (“年中和年底一起检查” after “每个季度……盘点一次”)."""
    assert not measures_said_again(AUDIT_REPEATS, _plan, SEEDS)


def test_a_branch_report_does_not_claim_to_pick_its_own_secretary() -> None:
    """The audit: a 公司党支部's own 总结 said “公司党支部注重选优配强支部书记” in a lead-in (choosing branch
    secretaries is the higher committee's work); the general lead-in now speaks of 支部班子 and 党务培训."""
    for seed in SEEDS:
        text = _plan("某科技公司党支部", seed).document.text
        assert "党支部注重选优配强支部书记" not in text, seed
