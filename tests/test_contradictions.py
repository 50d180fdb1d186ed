"""The self-criticism (存在问题, 原因, 下一步) never denies what the draft claims before it: 主要工作, the opening,
the parts' intros and 上年度问题整改 (round 19 of the blind review)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from test_outline import facts_for

from drafter.claims import says_any
from drafter.facts import facts_from_text
from drafter.library import load_library
from drafter.pipeline import Options, draft
from drafter.registry import registry
from drafter.select import MEASURES, PROBLEMS, RECTIFY, Item, SectionPlan, Selector, _mirrors

REG = registry()
LIB = load_library()
SEEDS = range(8)


def facts_of(sample: str, **changes: Any) -> Any:
    """A sample's facts with some fields replaced."""
    data = yaml.safe_load(Path(ROOT, "samples", f"{sample}.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    return facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def sample_named(sample: str, full: str, short: str | None = None) -> Any:
    """A sample's facts under the name a review read it with (单位.全称, and 单位.简称 when given)."""
    data = yaml.safe_load(Path(ROOT, "samples", f"{sample}.yaml").read_text(encoding="utf-8"))
    data["单位"].update(全称=full, **({"简称": short} if short else {}))
    return facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@lru_cache(maxsize=256)
def drafted_named(sample: str, full: str, short: str | None, seed: int | None) -> Any:
    """The draft of ``sample`` under the name a review read it with, at ``seed``; made once per test run (the
    round tests read the same drafts several times)."""
    return draft(sample_named(sample, full, short), Options(seed=seed))


# the ten samples the contradiction tests read (all but the 区教育局 summary, whose 主要工作 is a bureau's)
TEN_SAMPLES = (
    "集团公司党委书记",
    "某医院党委书记",
    "街道党工委书记",
    "某科技公司党支部",
    "某村党支部书记",
    "县一中党委书记",
    "某社区党委书记",
    "区教育局党建工作总结",
    "某大学学院党委书记",
    "机关党支部书记",
)


def measures_said_again(
    rows: Sequence[tuple[str, str, str]], drafted: Any, seeds: Sequence[int | None]
) -> list[tuple[str, int | None, str]]:
    """A reading's type-B rows (sample, work reported done, measure promising it) whose draft at one of ``seeds``
    (``drafted(sample, seed)``) still reports the work and prints the measure in the quoted words."""
    repeated = []
    for sample, done, measure in rows:
        for seed in seeds:
            text = drafted(sample, seed).document.text
            if done in text and measure in text:
                repeated.append((sample, seed, measure))
    return repeated


def printed_together(
    rows: Sequence[tuple[str, str, str]], drafted: Any, seed: int | None = None
) -> list[tuple[str, str]]:
    """A reading's type-A rows (sample, claim, denial) whose draft at ``seed`` (``drafted(sample, seed)``) still
    prints the claim together with the denial it was read against: (sample, the claim's opening)."""
    found = []
    for sample, claim, denial in rows:
        text = drafted(sample, seed).document.text
        if claim in text and denial in text:
            found.append((sample, claim[:10]))
    return found


def stale_measures(measures: Sequence[str]) -> list[str]:
    """Those of ``measures`` (as a reader quoted them) some measure wording of the library still says."""
    wordings = [text for f in LIB.fragments(MEASURES) for text in f.texts]
    assert len(wordings) > 500
    return [m for m in measures if any(m in w for w in wordings)]


def drafter_for(units: dict[str, tuple[str, str | None]]) -> Callable[..., Any]:
    """A round's ``_draft(sample, seed=None)``: the sample's draft under the name the round read it with."""

    def drafted(sample: str, seed: int | None = None) -> Any:
        return drafted_named(sample, *units[sample], seed)

    return drafted


def opening_with(word: str, selector: Selector) -> Any:
    return next(f for f in LIB.fragments("开头") if word in f.texts[0] and selector.eligible(f))


# what round 19 found claimed above, and the self-criticism that denied it
ROUND_19 = [
    (
        "每月到社区走访调研",
        "我平时在办公室处理文件、参加会议的时间较多，到支部和一线与党员面对面交流的时间偏少",
    ),
    ("谈心谈话年内累计开展120次", "到支部和一线与党员面对面交流的时间偏少"),
    ("网格划到哪里，党组织就跟进到哪里", "部分网格党支部组织力不强"),
    ("我经常与科室主任、支部书记面对面交流", "平时亲自过问支部具体工作不够多"),
    ("重点任务亲自部署、重要环节亲自协调", "亲自过问、具体指导还不够经常"),
    (
        "我始终把抓党建当作分内之事、第一职责",
        "重经营轻党建的思想还有残留，生产任务一紧，党建安排就给经营让路",
    ),
    (
        "党建工作和业务工作用同一张计划表、同一张考核表",
        "与安全生产、降本增效、项目攻坚结合不紧，有的党员把党建看成“另外一摊事”",
    ),
    ("发现党建基础薄弱的单位就找主要负责人谈话提醒", "我对条件差、人员少、项目散的企业关心不够"),
    ("检查有方案、过程有记录、问题有反馈、整改有回头看", "少数事项久拖未结"),
    ("教师非教学负担有所减轻", "部署任务时对学校的承受能力考虑不够周全，为基层减负的要求落实得还不够到位"),
    ("把党员作用发挥安排在研发攻关、市场拓展和客户服务的关键环节", "党员在技术攻关中发挥作用多是自发的"),
    ("对作风漂浮、责任心不强的党员及时谈心提醒", "有时碍于同事关系提醒得不够及时"),
    ("及时办理组织关系转接", "组织关系接转等具体业务有时要反复确认"),
]


# found reading drafts of every sample after round 19
FOUND = [
    (
        "我讲党课尽量选在交班后或科室例会时段",
        "组织党员学习、开展活动常与排班冲突，拿不出适合医院特点的组织方式",
    ),
    ("我始终把抓党建当作分内之事、第一职责", "我有时把医疗质量、学科排名、运营指标看得更重"),
    ("重点任务亲自部署、重要环节亲自协调", "我与班子成员交流工作时过问党建的频次不够高"),
    ("我坚持把调研的重点放在生产现场和客户服务一线", "我深入生产一线、项目现场的时间偏少"),
    (
        "定期到社区网格现场接待居民、走访困难群众",
        "我对社区反映的难点问题有时满足于开会研究、批转科室，亲自跑现场、盯结果不够",
    ),
    ("全年累计谈话150人次，做到早打招呼、早提醒、早纠正", "提醒谈话等方式运用得还不够及时"),
    ("局党组与学校党组织逐级明确责任", "部分支部对党建任务的分解还比较笼统，责任到岗到人不够具体"),
    ("年内确定入党积极分子2名，发展党员1名，党员队伍后继有人", "党员老龄化，年轻党员少"),
    ("民情民意在网格里收集，矛盾在网格里化解", "部分网格党小组作用发挥不明显"),
    ("自己也经常到网格里看组织生活、听党员意见", "检查时看材料多、看现场少"),
    ("把主题党日搬到小区楼栋", "走进楼栋院落的时间偏少"),
    ("担任支部书记以来，我始终记着自己是支部工作的第一责任人", "第一责任人职责履行不够到位"),
    ("我坚持每学期走进思政课堂，全年听课讲课8次", "我走进课堂、走近教师的时间不够多"),
    ("全年确定入党积极分子7名、发展党员3名", "发展党员工作力度不够，青年骨干教师中的党员比例偏低"),
    ("对5个反馈问题坚持月调度、季盘点", "一些问题整改后回头看不够及时"),
    ("会上先学后议，党员发言都要联系自己手头的事", "我满足于把文件材料读完，带着大家读得多、讨论得少"),
    ("发现有人不够严谨，当面指出、帮助改正", "我给支委和党员提意见时放不开手脚，怕伤和气，往往点到即止"),
    ("记录由组织委员按月检查", "支委会对制度落实情况的检查不够经常"),
    ("我始终把党建工作摆在全局工作的突出位置", "考试季一来党建就往后让，总觉得党建是软任务"),
    ("党建工作要点与学校年度计划同步制定、同步下达", "支部活动和教研活动各搞各的"),
    ("对118名教师党员实行分类教育管理", "对年轻党员、流动党员和离退休党员的分类管理措施不够具体"),
    (
        "坚持党建考核与业务考核同步开展、一体运用",
        "党建工作与人才培养结合得还不够紧密，有的支部活动与教研室工作各搞一套",
    ),
    (
        "对师生反映集中的教学安排、科研经费报销等问题限期回应",
        "对教师反映的科研报销、教学安排等问题回应不够及时",
    ),
    (
        "组织党员干部深入基层走访群众、收集诉求",
        "我入户走访多集中在年底慰问和有任务的时候，平时坐在村部办事的时间多",
    ),
    ("目前储备后备力量3名，通过安排到村务岗位跟班锻炼", "带党员、育后备、立规矩见效慢，我常常往后推"),
    ("我始终把抓党建当作分内之事、第一职责", "企业业务忙起来时，对党员教育、组织生活的关注会有所减少"),
    ("我始终把抓党建当作分内之事、第一职责", "第一责任人职责履行不够到位"),
    ("通过设岗定责、年度评议等方式激励党员发挥作用", "党员考评办法过于简单，表现好坏一个样"),
    (
        "推动机关党员走出办公室、走到服务对象中间",
        "有的干部习惯坐在办公室等材料、看报表，深入基层和服务对象不够",
    ),
]


# round 21 (after this session's merges)
ROUND_21 = [
    ("对整改不力的学校约谈主要负责人，并在全系统通报", "通报、约谈用得少，压力传导层层递减"),
    ("全年前置研究事项41项", "党委前置程序走得不够规范，有的事项会前沟通不充分"),
    ("对社区书记开展履职评议，组织到先进街道跟班学习", "外出学习交流的机会安排得少"),
    ("我推动把党务人员培训纳入年度人才培养计划，累计培训80人次", "对党务干部布置任务多、教方法少"),
    # round 23
    ("我始终把抓党建作为首要任务", "我抓党建投入精力少，满足于完成规定动作"),
    ("整改事项我亲自盯进度", "我对整改进度盯得不实"),
]


# round 24: read against 180 generated drafts and the samples
ROUND_24 = [
    ("一年来，我把抓好党建当作最大的政绩", "把管好党员队伍看作可紧可松的软任务"),
    ("我把抓党建作为村党组织书记的首要职责", "潜意识里仍把业务指标当作硬任务、把党建工作当作软任务"),
    (
        "我始终一手抓党建、一手抓发展，两手都要硬",
        "医疗任务一紧，我心里的天平就容易偏向业务，觉得党建可以先放一放",
    ),
    ("我始终把抓党建当作分内之事、第一职责", "在时间安排上存在“重业务、轻党建”的倾向"),
    ("我始终把抓党建当作分内之事、第一职责", "我容易把精力全部放在市场和项目上，觉得党建抓好规定动作就行"),
    ("党建与业务实行一体谋划、一体部署、一体推进、一体考核", "觉得业务抓好了党建自然就好"),
    ("党建与业务实行一体谋划、一体部署、一体推进、一体考核", "党建考核与处室评优、干部选用结合不紧"),
    ("每个党支部对照处室职能选定年度融合事项", "结合部门职能的自选动作少"),
    (
        "党建工作计划与企业年度经营计划同步编制、同步下达",
        "党建和生产经营一起谋划、一起考核的制度，我推动落实不够",
    ),
    (
        "一年来，我注重把支部建在业务链上",
        "党员在业务攻坚中的先锋作用发挥不够明显，存在党建和业务“两张皮”的现象",
    ),
    ("全年我与支部党员开展谈心谈话60次", "我与普通党员直接交流的机会偏少"),
    ("全年确定入党积极分子6名，发展党员3名，党员队伍结构持续优化", "党员老龄化，年轻党员少"),
    ("全年确定入党积极分子6名，发展党员3名", "我对有入党意愿的年轻人联系培养不经常，培养对象出现断档"),
    ("凡查实收受“红包”、拿回扣的一律严肃处理", "对一些苗头性问题处理得不够果断，提醒多、问责少"),
    ("党员中出现推脱责任等苗头，当面指出、限期改正", "对支委和党员的批评多点到为止"),
    ("推动机关干部到基层一线了解情况、解决问题", "会议多、深入一线抓具体落实的力度不够"),
    ("新设机构、新开工项目同步研究建立党组织", "项目党组织的建立、撤销和管理缺少规范办法"),
    ("我作为单位党支部书记，把支部建设放在心上、抓在手上", "亲自过问、具体指导还不够经常"),
    (
        "主题党日坚持每月开展，全年共组织12次，我从未缺席",
        "平时业务工作占去大部分精力，花在支部建设上的时间少",
    ),
    ("做到民情在网格收集、问题在网格发现", "对矛盾纠纷的预判和化解还不够及时"),
    ("外出务工党员通过视频连线参与", "外出党员参加组织生活难以保证"),
    ("外出党员通过微信群跟着学，做到学习不落一人", "外出党员参加组织生活难以保证"),
    ("对长期驻外、频繁流动的党员通过线上方式保持联系、落实教育", "出差和驻场的党员参加现场学习的机会偏少"),
    ("我注重因地制宜：组织生活时间避开农忙", "我没有结合本村外出党员多、农忙时节人难聚的实际去细化"),
    ("提前了解大家对村级事务的想法，能在谈话中化解的，就不让它闹大", "我上门做工作往往是在矛盾冒头以后"),
    ("成绩突出的及时表扬，有差距的谈心帮带", "表现好的得不到肯定，表现差的也少有提醒"),
    ("定期听取各党支部工作汇报", "支部书记向党组织报告工作等制度，在执行中有时前紧后松"),
    ("能合并的会议合并，能精简的文件精简", "会议多、文件长，精文简会的成效还不够明显"),
    ("按照分批推进、逐校指导的思路落实党组织领导的校长负责制", "以为学校党建学校自己抓就行"),
    ("形成愿意干党务、能够干好党务的良好局面", "一些支部书记是教学骨干却不熟悉党务"),
    ("两级党务岗位专人专责，常态化开展轮训和实务指导", "对党内法规和党务流程掌握不够熟练"),
    ("由报到党员认领，定期向党员所在单位党组织反馈表现", "在职党员参与社区服务的常态化机制不够健全"),
    ("把校园餐管理作为日常监督的重点", "查看课堂常规、课后服务和食堂管理时，翻材料多、问师生少"),
    ("“第一议题”学习共20次", "我在日常工作中忙于事务，学习时断时续"),
    (
        "项目遇到技术瓶颈时，支委组织党员骨干一起分析原因、分头攻关",
        "党建工作嵌入项目立项、评审、交付等环节的办法不多",
    ),
    ("对年老体弱的老党员上门看望，对外出务工党员通过电话了解情况", "我和他们的联系还不够经常"),
]


# read by the lead in round 24's 发改委 draft (邵阳) while the review ran
ROUND_24_READ = [
    ("整改进展我定期过问", "常把具体任务交办下去后就较少过问"),
    ("并经常过问组织生活的开展质量", "常把具体任务交办下去后就较少过问"),
    ("针对业务发展中的难点堵点亲自牵头开展调研和攻关", "亲自研究解决党建难题的次数偏少"),
    ("开展组织生活专项检查两轮", "我对机关党建各项制度的执行情况检查不够经常"),
    ("督促班子成员在分管领域一手抓党建、一手抓业务", "我在统筹党建和业务工作上还没有完全做到两手抓、两手硬"),
]


# round 24's blind review (five drafts: 街道, 县一中, 村, 发改委, 医院), and what rendering the samples and the
# generated drafts turned up after it
TALKS = "谈心谈话我注重沉下去谈，年内累计开展120次"
ROUND_24_REVIEW = [
    ("加强对辖区宣传栏、电子屏、居民微信群等阵地的管理", "对宣传阵地的管理指导也还不够细"),
    (
        "我注重关心关爱党员，既严格日常管理，也帮助解决实际困难，增强党员的归属感和荣誉感",
        "布置任务多、激励引导少",
    ),
    ("我注重关心关爱党员，增强党员的归属感和荣誉感", "我对党员干部关心关爱的措施还不够具体"),
    (
        "部分社区党组织书记带头作用不突出。对社区书记开展履职评议，组织到先进街道跟班学习。整改已经完成",
        "对社区党组织书记抓党建的情况，我平时了解得不够具体，跟进不够经常",
    ),
    ("对社区书记开展履职评议", "我对所属党组织书记抓党建的情况过问不够经常"),
    (
        "选配政治素质好、业务能力强的党员教师担任支部委员和党小组长",
        "我选配时更看重教学资历，对他们抓党建的本领培养不够",
    ),
    ("每学期听取各教师党支部书记的工作汇报，对工作推进慢的支部当面提要求", "平时亲自过问支部具体工作不够多"),
    ("对教师党支部的工作，我定期到场参加活动、翻看记录", "平时亲自过问支部具体工作不够多"),
    (
        "我没有停在念文件上，而是挑出跟种地、养老、村集体经济相关的内容",
        "理论学习有时当成完成规定动作，没有真正学进去、用起来",
    ),
    ("主题党日我坚持固定日期，方便在家党员按时参加", "留在村里的党员也不能经常参加组织生活"),
    ("把“三会一课”集中安排在农闲和节假日", "在村党员参加组织生活不够经常"),
    ("外出党员通过视频会议参加或返村后补课", "对流动党员的教育管理手段还不够丰富"),
    ("严格落实“四议两公开”", "重大事项上会前，我听取党员和村民代表意见还不够充分"),
    (
        "我坚持政治标准和业务能力一起看，对高学历人才多做思想引导",
        "我主动联系青年医务人员、引导他们向党组织靠拢的工作做得少",
    ),
    ("本年度共开展专项检查4次", "监督的连续性还不够好"),
    ("对医药购销和工程建设等敏感领域经常过问", "对重大事项执行情况的过问不够经常"),
    ("严格执行发展党员工作细则，严把政治关、程序关和质量关", "有时程序把握不够准确，需要临时查阅规定"),
    (TALKS, "我在开展思想政治工作时，集中教育多、个别引导少"),
    (TALKS, "少数同志的心里话没有及时说出来"),
    (TALKS, "我与党员干部的谈心谈话还不够经常，平时主动沟通偏少"),
    ("医疗纠纷和涉医舆情建立了监测、报告、处置机制", "我有时对风险研判不够早、引导措施不够有力"),
]


# round 25's review (街道, 县一中, 发改委, 县医院)
ROUND_25 = [
    ("对群众诉求分类派单、限时办结、回访评价", "对居民诉求的收集、办理和反馈还没有完全形成闭环"),
    ("学习时联系学校办学中遇到的实际问题谈看法", "我有时满足于照本宣科读文件，联系学校实际的阐释不够"),
    ("一年下来“三会一课”累计136次", "少数制度存在“挂在墙上、写在纸上”的现象"),
    ("帮助支部书记理思路、解难题", "日常点评不够及时，平时跟踪帮带不够"),
    ("发现一起谈一起，全年开展谈话提醒42人次", "对干部身上出现的小毛病、小问题提醒不够及时"),
    ("推动机关党建与业务同频共振", "一些处室业务热、党建冷的状况没有明显改变"),
    ("我坚持自身正、自身净、自身硬", "对自己和对班子成员的要求都有所放宽"),
    ("我在组织生活的时间安排和开展方式上多想办法", "学习安排与临床工作时间冲突较多"),
    # read by the lead in the 水务集团 sample
    ("一是把抓党建作为企业党委书记主业", "我容易把精力全部放在市场和项目上，觉得党建抓好规定动作就行"),
    ("我把党建工作和生产经营一起谋划", "觉得党建抓好规定动作就行"),
    # read by the lead in the 幸福社区 sample
    ("对班子成员和社区工作者的廉洁情况经常过问、及时提醒", "我对重点领域和关键岗位人员的日常监督还不够经常"),
    ("把党员在单位的专业优势转化为服务社区的实际本领", "安排的服务多是清扫卫生、节日值守，用不上他们的本事"),
    # read by the lead in the 县一中 sample (seed 5)
    ("学习时联系学校办学中遇到的实际问题谈看法", "我组织支部学习有时满足于读文件、念材料"),
    ("我坚持党建工作和教育教学工作同部署同检查", "一到考试季或迎检时，支部学习和组织生活就往后让"),
    ("严格执行学校党委会议议事规则，坚持先酝酿后上会", "有的事项需要临时协商程序"),
    # read by the lead in a company summary 2025 (青禾数据) at the session's end
    ("在日常交流中关注员工对工作压力、薪酬待遇和职业发展的想法", "思想引导多在入职时集中开展，后续跟进不够"),
]


# round 26's review (社区, 区教育局, 水务集团, 学院, 机关支部), and what rendering those samples turned up after it
TALK_STUDY = "会上先学后议，议的是处室工作怎么落实，党员发言都要联系自己手头的事"
ROUND_26 = [
    ("社区把他们编入所在网格的服务力量，安排在周末和节假日参与服务", "参加社区活动却集中在节假日"),
    (
        "遇到要协调物业、业委会和驻区单位的，我亲自出面召集各方坐下来谈",
        "对靠党组织把物业、业委会、驻区单位和居民拧成一股绳的作用认识不深",
    ),
    (
        "对居民盼了很久的难事，我坚持党组织牵头、各方协商、居民参与",
        "把党组织领导当作破解小区难题根本办法的意识不强",
    ),
    ("我每个季度召集大家交流一次，各自说说碰到的疑难", "我跟他们谈心少"),
    (
        "诉求一律登记在册，由社区党委牵头分类处理，办完一件回访一件",
        "对居民诉求的收集、办理和反馈还没有完全形成闭环",
    ),
    ("对学校办学方向、教材读物和校园活动加强审核", "审核把关流程执行不够严格"),
    ("分批推进、跟踪指导，帮助学校理顺书记、校长职责", "指导学校处理好书记和校长关系的具体办法不多"),
    ("班子成员履行“一岗双责”，一级抓一级的责任链条更加严密", "责任传导存在层层递减"),
    ("推动理论学习同经营决策贯通", "我在推动学习与生产经营结合上办法还不够多"),
    ("坚持每次学习都设置研讨题目", "围绕企业改革发展难题开展研讨还不够经常"),
    ("党建工作与经营任务同谋划同推进", "党建工作与生产经营结合不够紧密"),
    ("重要党建工作亲自研究部署，重大问题亲自出面协调", "对基层支部的难点问题亲自调研、亲自推动还不够"),
    ("重要党建工作亲自研究部署", "亲自研究部署、亲自协调解决党建难题的时候少"),
    ("党员的参与热情和支部的凝聚力同步增强", "个别党员理想信念有所松懈，参加组织生活不够积极"),
    ("党员的参与热情和支部的凝聚力同步增强", "会上相互批评的分量不够重"),
    ("对苗头性问题早提醒、早纠正，院风学风持续向好", "制度执行存在宽松软现象"),
    ("党小组会侧重交流岗位体会，党员大会侧重研讨处室重点工作", "学习形式不够丰富"),
    ("由我领学重点段落，青年党员分享理解", "支部学习形式比较单一"),
    ("学后每名党员在岗位上确定一项改进事项", "一些党员学用脱节的问题没有得到有效解决"),
    (TALK_STUDY, "研讨交流安排得少，与大家手头工作结合不够"),
    (TALK_STUDY, "我领学时讲原文多、讲联系处室工作的少"),
    (TALK_STUDY, "学习与工作存在“两条线”"),
    ("和支委一道把全会部署同本处室职责逐项对照", "学习内容统一安排的多、结合处室业务设计的少"),
    ("支委会前确定好议题，党员大会提前通知到人", "支委会研究支部建设的议题不够深"),
    ("确保每个人都在支部的视线之内", "个别党员情绪有了波动，我没能及时察觉"),
    ("我注重发挥每名支委的长处，分工明确又互相补台", "支部任务分解后跟踪不够"),
    ("我注重发挥每名支委的长处，分工明确又互相补台", "对支委分工落实情况跟进得不够紧"),
    ("主题党日跟着处室工作走", "有的活动照着上级通知办，结合处室实际动脑筋不多"),
]


# round 27's review (街道, 县医院, 区教育局 总结, 科技公司党支部 总结, 村党支部书记): what 主要工作, its intros and
# 上年度问题整改 claimed, and the problem or cause that denied it
ROUND_27 = [
    # 街道
    (
        "我注重把日常监督做在平时、做到前头，经常了解党员干部的思想、工作和生活状况，发现不良倾向第一时间提醒纠正",
        "深入了解其工作圈、生活圈、社交圈的情况不够，对一些苗头性问题察觉得还不够早",
    ),
    (
        "对群众诉求分类派单、限时办结、回访评价，推动基层治理从被动应对转向主动发现",
        "对群众急难愁盼问题的发现和响应还不够及时",
    ),
    ("建立社区议事协商机制，居民诉求限时办结、逐件回访", "对群众急难愁盼问题的发现和响应还不够及时"),
    (
        "我把抓基层党建作为街道党工委书记的首责",
        "党建工作在时间和精力上往往给其他工作让路，存在“重显绩、轻潜绩”的倾向",
    ),
    ("建立社区议事协商机制", "对协商议事、居民自治等方法运用不够熟练"),
    ("建立社区议事协商机制", "运用议事协商化解矛盾的能力还不强"),
    # 医院
    ("“第一议题”学习共19次，每次都明确医院贯彻落实的具体事项", "学习对实践的指导作用没有充分体现"),
    (
        "结合医疗质量、运营管理、学科建设中的问题组织研讨，推动班子成员学以致用",
        "理论学习同医院改革实践结合得还不够紧",
    ),
    ("建立投诉三日内回应、一周内办结的办理流程", "我交给职能科室后跟得不紧，有的问题拖得较久才解决"),
    ("职能部门走进临床科室现场解决问题", "我交给职能科室后跟得不紧"),
    ("任务结束后及时总结，把党员表现作为评先评优的重要依据", "对党员医务人员的关心激励机制我推动完善得不够"),
    (
        "医德考评结果直接影响晋升职称、评先评优和绩效分配",
        "优秀党员在评优评先、进修学习中的倾斜政策落实不够具体",
    ),
    # 教育局
    ("局党组把全面从严治党主体责任细化为具体任务，逐级分解落实、层层传导压力。", "责任传导存在层层递减"),
    ("推动主体责任由“挂在墙上”向“落在身上”转变", "压力从上到下逐级减弱"),
    (
        "对面向学校的会议、报表和督查事项先审后发，能合并的合并、能线上的线上",
        "基层反映多头要材料、重复报数据",
    ),
    # 科技公司
    ("全年确定入党积极分子5名，发展党员2名，程序规范、质量有保证", "发展党员各环节的材料格式把握得还不够准"),
    ("支委做党务工作的规范化程度逐步提高", "每年迎接上级党委检查时才集中梳理"),
    (
        "把党员作用发挥安排在研发攻关、市场拓展和客户服务的关键环节",
        "围绕具体研发项目设计党员任务、开展攻关的载体还不多",
    ),
    ("研发团队中党员骨干牵头攻关项目4项", "围绕具体研发项目设计党员任务、开展攻关的载体还不多"),
    (
        "年初支委会制定支部工作计划时听取企业负责人对重点任务的介绍",
        "党组织与企业管理层的沟通协商缺少固定渠道",
    ),
    ("年中结合企业经营情况调整支部工作重点", "党建工作计划、检查、总结等环节缺少制度约束，执行随意性较大"),
    ("职工合法权益由党组织协调企业保障到位", "对员工关心的加班、成长、待遇等问题掌握得不够具体"),
    # 村
    (
        "我把返乡青年、致富能手和退役军人作为培养重点，支委分头上门谈心",
        "我从返乡青年、致富能手中发现和培养入党对象下的功夫还不够",
    ),
    ("在村民会议上和入户时边讲边问，有疑问当场解答", "坐下来一户一户去解的时候还不够多"),
    ("碰到群众有意见的，先上门把道理讲透，再动手去办", "事前把道理讲透的功夫还有差距"),
    ("我把村里最难办的几件事列成清单，每件事明确一名“两委”成员牵头", "碰到矛盾时习惯绕着走"),
    (
        "我把整改中摸索出的管用办法定成了村里的规矩，写进村“两委”的工作制度",
        "制度还没有真正成为大家照着办的规矩",
    ),
    (
        "对支部的基础工作，我定下“月有安排、季有检查、年有总结”的节奏",
        "对在村党员的日常管理缺少经常性的检查和记录",
    ),
]


ROUND_28 = [
    # 社区
    ("社区党务干部队伍年轻人多，我把传帮带放在首位", "带教年轻社区工作者不够用心"),
    ("社区党务干部队伍年轻人多，我把传帮带放在首位", "组织活动、收集民情的本领不一，我手把手带教的时候不多"),
    ("让难事在小区里有人管、有人跟、有回音", "物业企业和业委会之间的矛盾，我出面协调多是事后补救"),
    ("我坚持学在前、走在前", "我常以工作忙为由压缩学习时间"),
    ("先在社区“两委”中逐段学、逐条议", "学理论满足于跟着集体学、完成规定内容"),
    ("党群服务中心实行一窗受理、全科服务", "服务项目多年变化不大"),
    ("民情民意在网格里收集，矛盾在网格里化解", "组织活动、收集民情、化解矛盾的水平参差不齐"),
    # 教育局
    ("把述职评议结果纳入学校年度考核和校长考核", "党建述职评议中对问题点得不够准、评得不够实"),
    ("考核结论与学校评先评优及书记、校长的考核使用直接挂钩", "考核问责的导向作用不强"),
    ("年内专题研判4次，重点关注课堂讲授、教辅选用等阵地", "对意识形态领域新情况、新问题研究不够深入"),
    ("年内专题研判4次", "意识形态阵地建设和管理还需加强"),
    ("年内专题研判4次", "对意识形态工作的研究还不够经常"),
    # 国企
    ("党建工作真正成为推动业务发展的内在动力", "就党建抓党建的现象仍然存在"),
    ("以项目化方式推动党建工作和生产经营同向发力", "党建活动和经营目标、项目任务衔接不紧"),
    ("围绕深化改革等课题组织研讨，把学到的东西转化为经营管理的办法", "学习的专题同企业改革任务对得不够准"),
    ("发现问题即交办、即督办，做到件件有回音", "对基层反映的问题跟踪回复不够"),
    # 学院
    ("五是增强党内政治生活的严肃性", "部分支部开展批评和自我批评时顾虑较多"),
    ("五是增强党内政治生活的严肃性", "党内政治生活的严肃性在个别支部还需增强"),
    ("党员的参与热情和支部的凝聚力同步增强", "对青年党员的吸引力和感染力还需进一步增强，参与热情有待调动"),
    # 机关支部
    ("我的做法是一人一本明白账", "对年轻党员和刚入党的同志有哪些想法研究不深"),
    ("我的做法是一人一本明白账", "对个别党员情绪上的起伏留意得还不够细"),
    ("我的做法是一人一本明白账", "对党员工作生活中遇到的困难，我了解得还不够全"),
    ("基础工作明确专人负责、按月检查", "对制度落实情况定期检查和评估做得不够"),
    ("支部工作台账做到要素齐全、记录真实", "我对党建制度执行效果的跟踪评估还不够"),
]


@pytest.mark.parametrize(
    ("claim", "denial"),
    ROUND_19
    + FOUND
    + ROUND_21
    + ROUND_24
    + ROUND_24_READ
    + ROUND_24_REVIEW
    + ROUND_25
    + ROUND_26
    + ROUND_27
    + ROUND_28,
)
def test_round_19_pairs_are_known(claim: str, denial: str) -> None:
    selector = Selector(LIB, facts_of("街道党工委书记"))
    selector._main_said = claim
    assert selector._denies(denial) == 1
    selector._main_said = "主题党日每月开展"
    selector._denied = {}
    selector._claims_of = None
    assert selector._denies(denial) == 0 or _mirrors(denial, "主题党日每月开展")


def test_a_manner_is_mirrored_with_words_between() -> None:
    """“及时谈心提醒” claims 及时 for 提醒 as “及时提醒” does; a 及时 in another clause claims nothing."""
    assert _mirrors("有时碍于同事关系提醒得不够及时", "对作风漂浮的党员及时谈心提醒")
    assert _mirrors("批评教育不够及时", "发现问题及时批评教育")
    assert not _mirrors("提醒得不够及时", "及时报告，定期提醒")
    assert not _mirrors("提醒得不够及时", "及时解决实际困难")


def test_the_opening_and_the_rectification_are_claims() -> None:
    """An opening saying 分内之事、第一职责 and a 上年度问题整改 part saying 亲自召集协调 are claims a cause may not
    deny; the finding itself (last year's shortcoming) is no claim."""
    selector = Selector(LIB, facts_of("集团公司党委书记"))
    selector._opening = opening_with("分内之事", selector)
    fixed = SectionPlan(RECTIFY)
    fixed.items = [Item("青年职工入党积极分子储备不足", "对需要多个部门协同解决的问题亲自召集协调。")]
    selector._rectified = fixed
    assert selector._denies("生产任务一紧，党建安排就给经营让路") == 1
    assert selector._denies("我平时亲自过问支部具体工作不够多") == 1
    assert selector._denies("入党积极分子储备不足") == 0


def _before(plan: Any) -> str:
    """What the plan prints before its self-criticism (unrendered): opening, intros, items, 整改."""
    parts = [plan.opening.texts[0] if plan.opening else ""]
    for role in (*plan.main_roles, RECTIFY):
        section = plan.sections.get(role)
        if section is None:
            continue
        parts.append(section.intro.text if section.intro else "")
        parts.extend(section.said(f) for f in (*section.lead_in, *section.tail))  # the wordings printed
        for item in section.items:
            for it in (item, *item.merged):
                if it.fragment is not None:
                    parts.append(it.fragment.texts[it.variant % len(it.fragment.texts)])
                parts.append(it.text)
    return "".join(parts)


def test_a_problem_picked_by_its_id_denies_as_its_wordings_do() -> None:
    """The 发改委 sample picks wt-effort-balance (“抓党建投入精力少”) by its id: nothing before the problems
    claims “一手抓党建、一手抓业务” or “分内之事” (round 24: the id, not its words, had been read for denials)."""
    claims = REG.topics["前后矛盾"]["党建第一职责"].keywords
    facts = facts_of("市发改委党组书记")
    assert facts.get("存在问题") == ["wt-effort-balance"]
    for seed in SEEDS:
        said = _before(draft(facts, Options(seed=seed)).plan)
        assert not [k for k in claims if k in said], seed


def test_nothing_before_claims_what_the_users_problem_denies() -> None:
    """The user writes “部分网格党支部组织力不强”: neither the opening, an intro nor a 主要工作 wording says
    “组织链条” or “网格划到哪里，党组织就跟进到哪里” (round 19, 街道)."""
    claims = REG.topics["前后矛盾"]["网格组织力"].keywords
    for kind in ("书记述职", "党建工作总结"):
        facts = facts_of("街道党工委书记", 报告类型=kind)
        for seed in SEEDS:
            said = _before(draft(facts, Options(seed=seed)).plan)
            assert not [k for k in claims if k in said], (kind, seed)


def _tool_self_criticism(plan: Any, *, with_lead: bool = False) -> list[str]:
    """The printed wording of every problem and cause the tool chose (or expanded a user's line with), its
    heading first when ``with_lead``."""
    texts = []
    for role in (PROBLEMS, "原因"):
        for item in plan.sections[role].items:
            frag = item.fragment or item.detail
            if frag is None or (item.is_user and item.detail is None):
                continue
            texts.append((frag.lead if with_lead else "") + frag.texts[item.variant % len(frag.texts)])
    return texts


def test_no_self_criticism_denies_the_opening_or_the_rectification() -> None:
    """Across the samples, no tool-chosen problem or cause voices a 前后矛盾 denial of what the opening, an
    intro, 主要工作 or 上年度问题整改 claims."""
    pairs = REG.topics["前后矛盾"].values()
    found = []
    samples = TEN_SAMPLES
    for sample in samples:
        for seed in SEEDS:
            plan = draft(facts_of(sample), Options(seed=seed)).plan
            said = _before(plan)
            for text in _tool_self_criticism(plan):
                found += [
                    (sample, seed, text[:20])
                    for p in pairs
                    if says_any(p.denials, text) and says_any(p.keywords, said)
                ]
    assert not found


def test_a_measure_does_not_redo_what_is_reported_fixed() -> None:
    """整改 reports “摸排新就业群体党员并纳入网格党支部管理” done: no measure sets out to survey the district's
    members again (round 19: “年内组织社区对辖区党员开展一次全面排查”)."""
    facts = facts_of("街道党工委书记")
    selector = Selector(LIB, facts)
    survey = next(f for f in LIB.fragments(MEASURES) if "全面排查" in f.texts[0] and "街道" in f.unit_types)
    assert selector._redoes_fixed(survey)
    for kind in ("书记述职", "党建工作总结"):
        for seed in range(12):
            plan = draft(facts_of("街道党工委书记", 报告类型=kind), Options(seed=seed)).plan
            chosen = [i.fragment.id for i in plan.sections[MEASURES].items if i.fragment]
            assert survey.id not in chosen, (kind, seed)


def test_no_measure_promises_to_build_what_a_problem_says_exists() -> None:
    """A problem wording saying “督查督办机制已经建立” and a measure promising “将建立……督查督办制度” cannot meet:
    no measure wording promises to build a mechanism some problem wording says is built."""
    built = {
        m.group(1)[-4:]
        for f in LIB.fragments(PROBLEMS)
        for t in f.texts
        for m in re.finditer(r"([\u4e00-\u9fff]{4,8})(?:机制|制度)已经建立", t)
    }
    assert built
    promised = [
        t
        for f in LIB.fragments(MEASURES)
        for t in f.texts
        for what in built
        if re.search(rf"将建立[^，。；]{{0,10}}{what}", t)
    ]
    assert not promised


def test_an_open_finding_counts_as_the_users_problem() -> None:
    """“党建工作与生产经营结合不够紧密” still 整改中 is this year's problem: 主要工作 should not claim “同一张计划表”."""
    selector = Selector(LIB, facts_of("集团公司党委书记"))
    assert any("同一张计划表" in words for words in selector._user_denials)
    assert selector._claims_user_denied("党建工作和业务工作用同一张计划表")


def test_no_problem_says_again_what_a_fixed_finding_was_fixed_by() -> None:
    """“发展党员向青年教师倾斜不够” is reported fixed by “建立青年教师入党积极分子培养台账”: no problem (nor the
    表现 of a finding still open) says “从青年教师中发现培养入党积极分子的储备不足”."""
    facts = facts_of("县一中党委书记")
    selector = Selector(LIB, facts)
    reserve = [
        f
        for f in LIB.fragments(PROBLEMS)
        if selector.eligible(f) and any("青年教师中发现培养入党积极分子的储备不足" in t for t in f.texts)
    ]
    assert reserve and all(selector._repeats_fixed(f) for f in reserve)
    for seed in SEEDS:
        plan = draft(facts, Options(seed=seed)).plan
        for item in plan.sections[PROBLEMS].items:
            frag = item.fragment or item.detail
            assert frag is None or frag not in reserve, seed


def test_a_party_day_put_off_denies_the_party_days_held() -> None:
    """Round 23 (村): “主题党日我坚持固定日期……年内共开展12次”, then the cause “支部学习和主题党日说推就推”."""
    selector = Selector(LIB, facts_of("街道党工委书记"))
    selector._main_said = "主题党日我坚持固定日期，年内共开展12次"
    assert selector._denies("支部学习和主题党日说推就推") == 1
    selector._main_said = "谈心谈话全年120次"
    selector._denied = {}
    selector._claims_of = None
    assert selector._denies("支部学习和主题党日说推就推") == 0


def test_a_village_cause_does_not_put_party_work_last() -> None:
    """Round 23 (村): “党建总排在后头……软任务” beside 主题党日 “我从未缺席” and 12 支委会: no 村 cause wording says
    党建 comes last or is a soft task."""
    said = [t for f in LIB.fragments("原因") if "村" in f.unit_types for t in (f.lead, *f.texts)]
    assert said
    assert not [t for t in said if "党建总排在后头" in t or "软任务" in t]


def test_last_years_review_is_no_claim_of_a_yearly_appraisal() -> None:
    """“针对上年度评议指出的短板” (the 整改 part's intro) claims no 年度评议 of members: a cause saying “干多干少、
    干好干坏差别不大” may stand after it."""
    selector = Selector(LIB, facts_of("集团公司党委书记"))
    selector._main_said = "针对上年度评议指出的短板，我逐条对照、逐项落实"
    assert selector._denies("干多干少、干好干坏差别不大") == 0


def test_no_self_criticism_confesses_a_broken_procedure() -> None:
    """Round 24 (村): “我在村务决策中有时图快简化程序” is a confession a tool must not make for the secretary (that
    he broke the 四议两公开 procedure): no problem or cause wording says a procedure was skipped or bent; a degree
    (听取意见还不够充分) is what it may say."""
    acts = ("简化程序", "先定后议", "图快", "变通执行", "变通办理")
    said = [t for role in (PROBLEMS, "原因") for f in LIB.fragments(role) for t in (f.lead, *f.texts)]
    assert said
    assert not [t for t in said if any(a in t for a in acts)]


def test_a_cause_speaking_of_a_fixed_finding_is_not_chosen() -> None:
    """A cause is held to last year's findings reported 已整改 as a problem is: the 街道 sample reports
    “新就业群体党建工作覆盖不够” fixed, so no cause about 新兴领域党建 mechanisms (its words) is chosen."""
    facts = facts_of("街道党工委书记")
    selector = Selector(LIB, facts)
    fixed = [f for f in LIB.fragments("原因") if selector.eligible(f) and selector._repeats_fixed(f)]
    assert fixed and all(selector._contradicting(f) for f in fixed)
    for seed in SEEDS:
        plan = draft(facts, Options(seed=seed)).plan
        chosen = {i.fragment.id for i in plan.sections["原因"].items if i.fragment}
        assert not chosen & {f.id for f in fixed}, seed


def test_no_problem_confesses_a_members_trouble_unnoticed() -> None:
    """Round 26 (机关支部): “个别党员情绪有了波动，我没能及时察觉” invents an event (a member in trouble the
    secretary missed) beside “确保每个人都在支部的视线之内”: a problem says to what degree (留意得还不够细), not that
    it happened."""
    acts = ("没能及时察觉", "没能第一时间发现", "没有及时察觉")
    said = [t for role in (PROBLEMS, "原因") for f in LIB.fragments(role) for t in (f.lead, *f.texts)]
    assert said
    assert not [t for t in said if any(a in t for a in acts)]


def test_a_college_and_an_office_branch_avoid_words_foreign_to_them() -> None:
    """Round 26: a 学院党委 does not “深化运用监督执纪‘四种形态’” (a 纪检 term); the branch of a 财政局办公室 has
    no 班子, does no 审批 and no 现场调度."""
    for sample, words in (
        ("某大学学院党委书记", ("四种形态", "监督执纪")),
        ("机关党支部书记", ("班子", "审批", "现场调度")),
    ):
        facts = facts_of(sample)
        for seed in SEEDS:
            text = draft(facts, Options(seed=seed)).document.text
            assert not [w for w in words if w in text], (sample, seed)


# round 27's five drafts: the sample and the name it was read under
ROUND_27_UNITS = {
    "街道党工委书记": ("雨湖区窑湾街道", "窑湾街道"),
    "某医院党委书记": ("新田县人民医院", "县医院"),
    "区教育局党建工作总结": ("荷塘区教育局", "区教育局"),
    "某科技公司党支部": ("云栈信息技术有限公司", "云栈信息"),
    "某村党支部书记": ("青溪县梅林镇竹山村", "竹山村"),
}
# the 前后矛盾 pairs round 27 added or widened
ROUND_27_PAIRS = (
    "监督在前",
    "件件回音",
    "党建第一职责",
    "议事协商",
    "学用转化",
    "投诉办结",
    "关心激励",
    "压力传导",
    "基层减负",
    "程序把关",
    "有组织发挥作用",
    "管理层沟通",
    "计划执行",
    "员工诉求",
    "培养重点",
    "入户讲透",
    "难事清单",
    "规矩执行",
)


def _said_before(plan: Any) -> str:
    """:func:`_before` with what the user's own lines add to an item (its tail: “建立社区议事协商机制……”)."""
    tails = [
        "".join(x.tail)
        for role in (*plan.main_roles, RECTIFY)
        if role in plan.sections
        for item in plan.sections[role].items
        for x in (item, *item.merged)
    ]
    return _before(plan) + "".join(tails)


def _denials_in_units(
    units: dict[str, tuple[str, str | None]],
    names: Sequence[str],
    seeds: Sequence[int | None] = (None, *range(4)),
) -> list[tuple[Any, ...]]:
    """Each (sample, seed, pair) of ``names`` whose denial a tool problem or cause voices while the text above
    makes its claim, in the samples under the names a review read them with (全称, 简称 when given), at
    ``seeds`` (their own seed and four more unless told)."""
    pairs = {name: REG.topics["前后矛盾"][name] for name in names}
    found = []
    for sample, (full, short) in units.items():
        facts = sample_named(sample, full, short)
        for seed in seeds:
            plan = draft(facts, Options(seed=seed)).plan
            said = _said_before(plan)
            for text in _tool_self_criticism(plan, with_lead=True):
                found += [
                    (sample, seed, name)
                    for name, p in pairs.items()
                    if says_any(p.denials, text) and says_any(p.keywords, said)
                ]
    return found


def test_round_27_drafts_no_longer_deny_their_work() -> None:
    """The five units of round 27 under the names they were read with, at their own seed and four more: no tool
    problem or cause voices a denial of a round-27 pair whose claim the text above makes (45 such in 45 drafts
    before the pairs)."""
    assert not _denials_in_units(ROUND_27_UNITS, ROUND_27_PAIRS)


# round 28's five drafts: the sample and the name it was read under
ROUND_28_UNITS: dict[str, tuple[str, str | None]] = {
    "某社区党委书记": ("株洲市芦淞区建宁街道枫林社区", "枫林社区"),
    "区教育局党建工作总结": ("天元区教育局", None),
    "集团公司党委书记": ("衡阳市供排水集团有限公司", "供排水集团"),
    "某大学学院党委书记": ("潇湘工业大学材料科学与工程学院", None),
    "机关党支部书记": ("湘潭市财政局办公室", None),
}
# the 前后矛盾 pairs round 28 added or widened
ROUND_28_PAIRS = (
    "传帮带",
    "难事回音",
    "带头学习",
    "一窗服务",
    "网格治理",
    "评议考核",
    "意识形态研判",
    "党建成动力",
    "学用转化",
    "件件回音",
    "批评分量",
    "参与热情",
    "明白账",
    "按月检查",
)


def test_round_28_drafts_no_longer_deny_their_work() -> None:
    """Round 28 (社区 “传帮带放在首位” / “带教……不够用心”, 教育局 “述职评议结果纳入……直接挂钩” / “考核问责的导向
    作用不强”, 集团 “推动业务发展的内在动力” / “就党建抓党建”, 学院 “增强党内政治生活的严肃性” / “顾虑较多”,
    机关支部 “一人一本明白账” / “想法研究不深” …): the five units under the names they were read with, at
    their own seed and four more, voice no denial of a round-28 pair whose claim the text above makes."""
    assert not _denials_in_units(ROUND_28_UNITS, ROUND_28_PAIRS)


# round 29's three drafts of this session's list (街道 2025, 医院 2024, 区教育局 总结 2024): sample and review name
ROUND_29_UNITS: dict[str, tuple[str, str | None]] = {
    "街道党工委书记": ("岳塘区书院路街道", "书院路街道"),
    "某医院党委书记": ("宁远县人民医院", None),
    "区教育局党建工作总结": ("渌口区教育局", None),
}
# the 前后矛盾 pairs round 29 (and the audit of 机关, 教育系统, 学校, 高校, 医院 after it) added
ROUND_29_PAIRS = (
    "党务带教",
    "第一位任务",
    "解剖问题",
    "议事协商方法",
    "及时疏导",
    "融合载体",
    "投诉回应",
    "整改可检验",
    "查找短板",
    "攻坚碰硬",
    "学用清单",
    "责任体系",
    "制度健全",
    "党员结构",
    "提醒纠正",
    "谈心经常",
    "一抓到底",
    "传导末端",
)
ROUND_29 = [
    # 街道
    ("新任党务工作者先培训后上岗、先跟班再独立", "平时压担子多、教方法少，对党务干部的成长进步关心不够"),
    ("我坚持把抓党建作为街道党工委书记履职的第一位任务", "党建工作在时间和精力上往往给其他工作让路"),
    ("我经常到社区、网格与社区干部和网格员谈心", "我抓面上部署多，深入网格解剖问题还不够"),
    ("建立社区议事协商机制，居民诉求限时办结", "用议事协商把居民组织起来的方法也掌握得还不够熟练"),
    ("发现不良倾向第一时间提醒纠正", "对干部身上出现的小毛病、小问题提醒不够及时"),
    # 医院
    ("对思想上的困惑及时谈心疏导", "个别同志思想上的疙瘩没有及时疏导"),
    ("我推行支部建设与科室建设同谋划、同推进、同考核", "党建工作安排与业务任务部署时有脱节"),
    ("建立投诉三日内回应、一周内办结的办理流程", "对基层反映的问题跟踪回复不够"),
    ("逐条定措施、定时限，已完成整改7个", "整改措施的可检验性还需提高"),
    ("聚焦薄弱环节抓整改、补短板", "主动查找短板的紧迫感不够强"),
    ("我坚持哪里任务最急最难，党组织就在哪里发挥作用", "我攻坚克难的劲头有时不足，存在求稳怕乱的心态"),
    ("我坚持一项一项过问到底", "推进过程中跟踪检查不够，对一些工作满足于完成规定动作，没有一抓到底"),
    # 教育局
    ("学习内容及时转化为研究部署工作的具体措施", "学习成果转化为推动立德树人根本任务的具体举措还不多"),
    ("完善党建工作责任体系", "部分支部对党建任务的分解还比较笼统，责任到岗到人不够具体"),
    ("健全理论学习制度", "党建工作制度在一些方面还有短板，部分制度针对性、操作性不强"),
    ("以农村学校和青年教师为发展重点……教师党员的分布更加均衡", "发展党员工作在年龄结构、岗位分布上还需优化"),
    ("我局注重把主体责任传导到最末端", "压力在传导中有所递减"),
    # found auditing 机关, 教育系统, 学校, 高校, 医院 drafts after round 29
    ("学一篇讲话就议一项部门职责", "组织学习时联系部门职责研究问题不深"),
    ("支委会就同步研究党员怎样发挥作用", "我在把党建工作与中心工作结合起来谋划、推进、考核方面办法还不多"),
    ("每次由支委会结合处室当期的重点工作确定主题", "结合处室业务开展支部活动的办法也不多"),
    ("随学校布局调整和新校建成及时调整党组织设置", "党组织设置跟进布局调整不够快"),
    (
        "把支部工作同教研组、年级组的日常工作结合起来",
        "主动谋划本支部工作、把支部活动同教学研究结合起来想得不多",
    ),
    ("了解一线医护人员的工作负荷和思想状况", "我对医务人员思想状况分析研判不够经常"),
    (
        "对岗位调整、家庭困难的党员及时交流",
        "对党员干部在岗位变动、工作压力、家庭困难等方面的实际诉求关注不够",
    ),
    ("越是急难险重，越要看支部和党员的表现", "党员在急难险重任务中带头冲锋的表现不够突出"),
    ("经常与他们谈心交流，帮助解决实际困难", "帮教师党支部解决实际困难少"),
    ("对群众反映的服务态度、就医流程问题认真核查整改", "对患者反映的看病难、服务态度等问题跟踪督促不够"),
]


@pytest.mark.parametrize(("claim", "denial"), ROUND_29)
def test_round_29_pairs_are_known(claim: str, denial: str) -> None:
    """Round 29's claim/denial pairs and the audit's after it: the claim makes the denial a contradiction; a
    draft claiming neither lets it stand."""
    test_round_19_pairs_are_known(claim, denial)


def test_round_29_drafts_no_longer_deny_their_work() -> None:
    """Round 29 (街道 “先培训后上岗” / “教方法少”, “第一位任务” / “给其他工作让路”; 医院 “及时谈心疏导” / “没有
    及时疏导”, “同谋划、同推进、同考核” / “时有脱节”; 教育局 “完善党建工作责任体系” / “分解还比较笼统”, “健全理论
    学习制度” / “制度在一些方面还有短板” …): the three units under the names they were read with, at their own seed
    and four more, voice no denial of a round-29 pair whose claim the text above makes (26 such before)."""
    assert not _denials_in_units(ROUND_29_UNITS, ROUND_29_PAIRS)


def test_the_street_grid_problem_is_not_answered_by_a_claim_it_denies() -> None:
    """Round 29 (街道): the user writes “部分网格党支部组织力不强”; 主要工作 no longer says the branches' work is
    “在群众家门口看得见、摸得着” or that 主题党日 “变成了为民服务日” (the user's problem would deny it)."""
    facts = facts_of("街道党工委书记")
    for seed in (None, *range(4)):
        said = _said_before(draft(facts, Options(seed=seed)).plan)
        assert not [k for k in REG.topics["前后矛盾"]["网格见效"].keywords if k in said], seed


def test_a_cause_denying_the_work_gives_way_to_another_layer() -> None:
    """A cause layer whose every wording denies the work above is written only when no other layer is left
    (round 29: 教育局 “把主体责任传导到最末端”, then the cause “压力在传导中有所递减”)."""
    data = yaml.safe_load(Path(ROOT, "samples", "区教育局党建工作总结.yaml").read_text(encoding="utf-8"))
    data["单位"]["全称"] = "渌口区教育局"  # the name it was read under (the draft depends on it)
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    plan = draft(facts, Options(seed=None)).plan
    causes = "".join(_tool_self_criticism(plan, with_lead=True)[len(plan.sections[PROBLEMS].items) :])
    assert "传导责任还不够有力" not in causes and "有所递减" not in causes
    assert len(plan.sections["原因"].items) >= 3


# round 29's review of the company branch's summary and the village secretary's 述职 (检查1: every row marked
# 矛盾, 正面矛盾 or 轻度矛盾), then an audit of 国企, 街道, 社区, 村 and 两新组织 drafts read the same way: what
# 主要工作, its intros or 上年度问题整改 claimed, and the problem or cause that denied it
ROUND_29_COMPANY_VILLAGE = [
    # 数据公司党支部
    ("把纠治形式主义落到精简内部会议和报表上", "一些党组织开展工作重过程留痕、轻实际效果，材料报表多"),
    ("党建考评办法力求简便管用，不搞繁琐的打分表", "形式主义问题仍有反弹"),
    ("支部按照组织、宣传、纪检等职责明确支委分工", "党建工作的责任分工落实不够"),
    ("把主题党日安排在工作日固定时段", "活动安排常因生产任务调整而推迟"),
    ("年初支委会制定支部工作计划时听取企业负责人对重点任务的介绍", "年度党建计划执行的刚性不强"),
    ("支部每半年分析一次党员遵规守纪情况", "对责任落实情况的检查以年底集中检查为主，平时跟踪还有欠缺"),
    ("结合年中和年底工作检查进行复查", "平时跟踪还有欠缺"),
    ("把学习成果落到研发和市场岗位的具体行动上", "学习内容同研发工作、企业经营的联系挖掘得还不深"),
    ("针对项目制用工、驻场办公的特点，建立在外党员联系表", "对非公企业党建的特点和规律研究得还不透"),
    ("考虑到员工加班多、出差多", "习惯于按上级部署完成规定动作"),
    ("党组织在企业重大事项上主动建言", "党建工作与企业经营管理沟通渠道不固定"),
    # 村党支部书记
    ("我把纪律处分条例的要求用大白话讲给大家听", "宣传内容照搬多、自创少，群众爱听爱看的不多"),
    ("不念稿子，在村民会议上和入户时边讲边问", "群众爱听爱看的不多"),
    ("让学习成为支部生活的常态", "理论学习有时当成完成规定动作，没有真正学进去、用起来"),
    ("推动党课从照本宣科向入脑入心转变", "学的时候入脑入心少"),
    ("对表现突出的党员及时表扬", "党员参与村里的事情多是有事才喊，干得好坏评价得不够及时"),
]
ROUND_29_AUDIT = [
    # 国企
    ("我坚持党建工作同生产经营工作一起谋划、一起检查", "我抓经营和抓党建的精力分配明显失衡"),
    ("我坚持党建工作同生产经营工作一起谋划、一起检查", "研究党建工作不够经常，平时亲自过问少"),
    ("我坚持党建工作同生产经营工作一起谋划、一起检查", "生产任务一紧，党建安排就给经营让路"),
    (
        "将任务分解到每位班子成员，年中听取履职情况汇报",
        "对班子成员在各自分管板块中落实党建要求，督促也不够经常",
    ),
    ("督促班子成员在分管领域一手抓党建、一手抓业务", "我对班子成员抓分管领域党建工作的要求提得不够具体"),
    ("经常过问组织生活的开展质量", "亲自过问党建具体工作还不够多"),
    ("引导党员在急难险重中当先锋", "党员在急难险重任务中冲锋在前的先锋作用发挥得不够充分"),
    ("支部工作不能脱离生产经营单独搞", "党建和业务各干各的现象依然存在"),
    ("力求用大白话把道理讲明白", "用他们听得懂、愿意听的方式交流不够"),
    ("我根据党员岗位、年龄等特点分类安排学习内容", "教育管理措施统一要求的多、因人施策的少"),
    # 街道
    ("做到民情在网格收集、问题在网格发现、服务在网格落实", "一些网格党支部有架子无活动，组织活动时有时无"),
    ("做到民情在网格收集、问题在网格发现、服务在网格落实", "习惯于发现问题就上报，自己动手协调化解的少"),
    # 社区
    ("由报到党员结合特长认领", "在职党员参与网格服务的积极性还没有充分调动起来"),
    ("定期向党员所在单位党组织反馈表现", "对流动党员怎样联系、报到党员怎样评价"),
    ("全年我与支部党员开展谈心谈话60次", "专门坐下来交心的时候不多"),
    ("全年我与支部党员开展谈心谈话60次", "对个别党员情绪上的起伏留意得还不够细"),
    ("我结合大家的岗位和年龄特点确定不同的学习重点", "管理办法统得多、分得少"),
    # 两新组织
    ("同时争取出资人和管理层对党组织活动的理解支持", "争取出资人支持党建不够主动"),
    ("带头研究部署党建工作", "花在研究党建上的时间不多"),
    ("对履责不力的情况当面指出、限期改正", "对班子成员和下属的批评多是提希望、点现象"),
    ("我牢固树立“抓好党建是本职、不抓党建是失职”的理念", "觉得党建对企业发展帮助不大"),
    ("党组织在日常管理中随时掌握", "党组织对党员日常表现的了解和提醒不够经常"),
    # 村 (总结)
    ("学习内容及时转化为研究部署工作的具体措施", "学习成果转化为推动乡村振兴的具体举措还不多"),
]


@pytest.mark.parametrize(("claim", "denial"), ROUND_29_COMPANY_VILLAGE + ROUND_29_AUDIT)
def test_round_29_and_audit_pairs_are_known(claim: str, denial: str) -> None:
    """Each denial is a denial of its claim, and of nothing in a text that claims none of these things."""
    selector = Selector(LIB, facts_of("某科技公司党支部"))
    selector._main_said = claim
    assert selector._denies(denial) == 1
    selector._main_said = "全年召开党员大会4次"
    selector._denied = {}
    selector._claims_of = None
    assert selector._denies(denial) == 0


# round 29's two drafts of this list: the sample and the name it was read under
ROUND_29_DE_UNITS: dict[str, tuple[str, str | None]] = {
    "某科技公司党支部": ("星衍数据技术有限公司", "星衍数据"),
    "某村党支部书记": ("桃江县灰山港镇桂花村", "桂花村"),
}
# the 前后矛盾 pairs the ninth session's second list added (# 第九次会话（二） in 主题.yaml)
ROUND_29_DE_PAIRS = (
    "精简留痕",
    "活动按时",
    "分工落实",
    "计划刚性",
    "平时跟踪",
    "学用落岗",
    "因企施策",
    "经营层沟通",
    "通俗宣讲",
    "学习常态",
    "及时评价",
    "日常掌握",
    "过问经常",
    "统筹精力",
    "班子督促",
    "网格运转",
    "报到认领",
    "报到评价",
    "谈心交心",
    "分类施策",
    "争取支持",
    "研究党建时间",
    "批评当面",
    "党建有用",
    "支部融业务",
    "急难当先",
)


def test_round_29_company_and_village_no_longer_deny_their_work() -> None:
    """Round 29 (the company branch's “精简内部会议和报表” / “形式主义问题仍有反弹”, “固定时段” / “常因生产任务调整
    而推迟”, “每半年分析一次” / “以年底集中检查为主”; the village's “用大白话讲” / “宣传内容照搬多”, “及时表扬” /
    “评价得不够及时” …): the two units under the names they were read with, at their own seed and four more, voice
    no denial of these pairs whose claim the text above makes (13 in 10 drafts before)."""
    assert not _denials_in_units(ROUND_29_DE_UNITS, ROUND_29_DE_PAIRS)


def test_audited_types_no_longer_deny_their_work() -> None:
    """The audit's drafts (国企, 街道, 社区, 村, 两新组织; every kind; 2023 and 2025; seeds 0 and 1) voice no denial of
    the ninth session's second pairs whose claim the text above makes (50 in 60 drafts before), and still have
    three or four problems and two to four causes."""
    pairs = {name: REG.topics["前后矛盾"][name] for name in ROUND_29_DE_PAIRS}
    found = []
    for kind in REG.kinds:
        for utype in ("国企", "街道", "社区", "村", "两新组织"):
            for year in (2023, 2025):
                for seed in (0, 1):
                    plan = draft(facts_for(kind, utype, year), Options(seed=seed)).plan
                    said = _said_before(plan)
                    assert 3 <= len(plan.sections[PROBLEMS].items) <= 4, (kind, utype, year, seed)
                    assert 2 <= len(plan.sections["原因"].items) <= 4, (kind, utype, year, seed)
                    found += [
                        (kind, utype, year, seed, name)
                        for text in _tool_self_criticism(plan, with_lead=True)
                        for name, p in pairs.items()
                        if says_any(p.denials, text) and says_any(p.keywords, said)
                    ]
    assert not found


def test_no_join_claims_what_an_open_finding_denies() -> None:
    """The company sample still fixing “沟通渠道不固定”: the clause leading into its 业务融合 results is never
    “党组织与经营管理层同心协力” (round 29: three of twelve seeds before)."""
    facts = facts_of("某科技公司党支部")
    for seed in range(12):
        assert "同心协力" not in draft(facts, Options(seed=seed)).document.text, seed


# round 30's review (县一中 2025, 发改委 2024, 供水集团 2025, 社区 2023, 机关支部 2025): what 主要工作, its intros and
# 上年度问题整改 claimed, and the problem or cause that denied it (检查1)
ROUND_30 = [
    # 县一中
    ("形成愿意干党务、能够干好党务的良好局面", "党务干部开阔视野、提升本领的渠道还不够宽，队伍成长速度偏慢"),
    ("把党建任务同教学、德育、安全工作一起分解到班子成员", "党建工作安排与业务任务部署时有脱节"),
    ("支部书记从骨干教师中选任，党建和教学一起抓、一起推", "党建工作安排与业务任务部署时有脱节"),
    ("学习后结合学校办学实际谈认识、提举措", "我学习党的创新理论时满足于知道了、记住了"),
    ("引导党员教师把学到的理论用于教育教学实践", "以学促干的效果不够明显"),
    ("我经常和青年教师聊职业理想", "对青年教师和学生在想什么、盼什么了解不透"),
    ("结合学生思想实际提出改进建议", "对青年教师和学生在想什么、盼什么了解不透"),
    ("哪位教师有了不好的苗头，我都及时打招呼、提个醒", "对一些“差不多就行”的做法没有及时较真"),
    # 发改委
    ("经常深入支部查看台账、参加活动、听取意见", "我对党建工作部署多、督促少，安排多、检查少"),
    ("并经常过问组织生活的开展质量", "亲自过问、具体指导还不够经常"),
    ("检查前明确重点，检查中不走过场，检查后盯住整改", "安排多、检查少"),
    (
        "党建与业务实行一体谋划、一体部署、一体推进、一体考核",
        "我还存在抓业务投入精力多、抓党建投入精力少的问题",
    ),
    ("把抓支部、带队伍、转作风同部门重点工作一起部署、一起检查", "抓党建投入精力少"),
    ("每个党支部对照处室职能选定年度融合事项", "对支部结合业务开展特色活动鼓励不够"),
    ("开设“发改讲堂”，由处室负责人轮流解读重大政策", "一些好的做法没有及时总结推广"),
    (
        "凡是政策出台、项目安排、资金分配这类事项，我都要求先对照上级精神把关",
        "看问题、作决策有时从部门工作便利出发多",
    ),
    # 供水集团
    (
        "项目受阻或任务吃紧时基层党组织迅速组织党员攻坚",
        "党员在急难险重任务中冲锋在前的先锋作用发挥得不够充分",
    ),
    ("定期听取所属单位党组织书记抓党建情况汇报", "研究党建工作不够经常，平时亲自过问少"),
    ("对党建工作薄弱的单位当面提要求、跟踪督促", "提醒纠正不够有力"),
    ("推动理论学习同经营决策贯通", "遇到改革中的难题，更多依靠过去的经验和做法"),
    ("对出现反弹的重新挂账、从严督办", "一些问题整改后出现反复"),
    ("推动党建和业务同部署、同落实、同考核", "有的单位还停留在开展活动的层面"),
    (
        "在外地项目部建立临时党小组，按月线上组织学习",
        "运用网络平台开展党员教育、做好思想工作的能力与新要求还有差距",
    ),
    # 社区
    ("让难事在小区里有人管、有人跟、有回音", "有的矛盾一拖再拖，党组织在小区治理中的主心骨作用体现不够"),
    ("让群众的烦心事、揪心事在家门口得到解决", "党组织在小区治理中的主心骨作用体现不够"),
    ("自己也经常到网格里看组织生活、听党员意见", "我对他们培训不系统、指导不经常"),
    ("对一时解决不了的讲清原因、跟踪反馈", "对基层反映的问题跟踪回复不够"),
    ("把思想引导做在日常", "存在重事务、轻引领的倾向"),
    ("在政策宣传、矛盾调处、应急处置中，我带领党员走在前面", "存在求稳怕乱的心态"),
    # 机关支部
    ("年底民主评议实事求是评价每个人", "我给支委和党员提意见时放不开手脚，怕伤和气，往往点到即止"),
    ("营造比学赶超的氛围", "激励先进、鞭策后进的导向作用没有充分发挥"),
    ("我在学习安排上求短、求实、求经常", "青年党员参与的主动性还没有充分调动起来"),
    ("这一年支委会召开12次", "支部工作存在前紧后松的现象"),
    # found rendering the five after the pairs above: what the drafts then said instead
    ("从压缩非生产性开支、精简会议文件做起", "自身在精文简会、改进调研方式上示范作用发挥得也还不够"),
    ("年内学校确定入党积极分子7名，发展党员3名", "指导教师党支部开展组织生活、发展教师党员时有时拿不准程序"),
    ("教职工出现苗头性问题及时提醒纠正", "对一些苗头性问题察觉得还不够早"),
    ("对出现反弹苗头的及时督促纠正", "一些问题整改后出现反复"),
    ("我坚持党组织牵头、各方协商、居民参与", "物业企业和业委会之间的矛盾，我出面协调多是事后补救"),
]


@pytest.mark.parametrize(("claim", "denial"), ROUND_30)
def test_round_30_pairs_are_known(claim: str, denial: str) -> None:
    """Each of round 30's 检查1 rows (矛盾, 正面矛盾, 轻度矛盾, 张力) is a known 前后矛盾 pair."""
    test_round_19_pairs_are_known(claim, denial)


# round 30's five drafts: the sample and the name it was read under
ROUND_30_UNITS: dict[str, tuple[str, str | None]] = {
    "县一中党委书记": ("攸县第一中学", None),
    "市发改委党组书记": ("郴州市发展和改革委员会", None),
    "集团公司党委书记": ("岳阳市城市供水集团有限公司", "供水集团"),
    "某社区党委书记": ("娄底市娄星区乐坪街道杉山社区", "杉山社区"),
    "机关党支部书记": ("常德市财政局办公室", None),
}
# the 前后矛盾 pairs round 30 added
ROUND_30_PAIRS = (
    "党务队伍成长",
    "任务一起分解",
    "业务党建一体",
    "学用贯通",
    "师生想法",
    "苗头提醒",
    "督导到支部",
    "听取书记汇报",
    "特色活动",
    "对照把关",
    "急难攻坚",
    "整改防反复",
    "融合推进",
    "线上学习",
    "难事协调",
    "网格指导",
    "跟踪反馈",
    "思想引导日常",
    "带头在前",
    "评议到人",
    "比学赶超",
    "学习安排",
    "支部节奏",
    "精简示范",
    "程序熟悉",
)


def test_round_30_drafts_no_longer_deny_their_work() -> None:
    """Round 30 (县一中 “能够干好党务的良好局面” / “队伍成长速度偏慢”, 发改委 “经常深入支部查看台账” / “部署多、
    督促少”, 供水集团 “迅速组织党员攻坚” / “先锋作用发挥得不够充分”, 社区 “有人管、有人跟、有回音” / “一拖再拖”,
    机关支部 “实事求是评价每个人” / “放不开手脚” …): the five units under the names they were read with, at
    their own seed and four more, voice no denial of a round-30 pair whose claim the text above makes."""
    assert not _denials_in_units(ROUND_30_UNITS, ROUND_30_PAIRS)


# round 30's 检查5 and b/g notes: what the tool wrote that the unit may not have done, or that is wrong for its type
ROUND_30_FOREIGN = {
    # a school tells of no misconduct cases of its own, its 教代会 hears (not 审议) the financial report, it
    # grants no 同等待遇 and has no 重点项目 to 包抓
    "县一中党委书记": (
        "身边发生过的违纪违规",
        "教代会审议",
        "教职工代表大会审议",
        "同等待遇",
        "重点项目",
        "我都及时打招呼",
    ),
    # no 后进支部 the unit never named, no “凡是……都” said in full
    "市发改委党组书记": ("后进支部", "凡是政策出台"),
    # a municipal water company: no 现代化产业体系 or 服务国家战略, no 科技创新 progress it never reported, no
    # 歇脚/躺平 charge against its members, a 述职 of this year (not 每年), no “两个维护……有章可循”
    "集团公司党委书记": (
        "现代化产业体系",
        "服务国家战略",
        "科技创新等方面取得",
        "躺平",
        "我每年主持",
        "有章可循",
    ),
    # a 社区 is itself the grassroots and lists no services it did not report
    "某社区党委书记": (
        "养老助餐",
        "儿童托管",
        "盼了很久",
        "深入基层",
        "减负赋能",
        "调研报告",
        "基层反映的问题",
    ),
    # an office's branch: no 群众诉求 台账, no 党课 “为机关党员干部……交相关处室研究”, no 党建考核评价体系
    "机关党支部书记": (
        "急难愁盼",
        "困难群众",
        "为机关党员干部",
        "交相关处室",
        "交相关科室",
        "交给处室",
        "交给科室",
        "考核评价体系",
        "走出办公室",
    ),
}


def test_round_30_drafts_write_nothing_foreign_to_the_unit() -> None:
    """The five units of round 30 under the names they were read with, at their own seed and four more, write
    none of the words round 30 found foreign to them (检查5 and the b/g notes)."""
    found = []
    for sample, words in ROUND_30_FOREIGN.items():
        full, short = ROUND_30_UNITS[sample]
        facts = sample_named(sample, full, short)
        for seed in (None, *range(4)):
            text = draft(facts, Options(seed=seed)).document.text
            found += [(sample, seed, w) for w in words if w in text]
    assert not found


def test_a_users_problem_of_uneven_organisations_is_the_secretarys() -> None:
    """Round 30 (供水集团): “基层党组织作用发挥不平衡”, the user's line, is followed by the secretary's own shortcoming
    about the organisations, not a charge that members are “躺平”."""
    full, short = ROUND_30_UNITS["集团公司党委书记"]
    facts = sample_named("集团公司党委书记", full, short)
    for seed in (None, *range(4)):
        text = draft(facts, Options(seed=seed)).document.text
        line = next(x for x in text.splitlines() if "基层党组织作用发挥不平衡。" in x)
        body = line.split("基层党组织作用发挥不平衡。", 1)[1]
        # the organisations are its 党组织 or its 支部 (the 表现 speaks of 支部之间的差距 as often)
        assert "我" in body and ("党组织" in body or "支部" in body), (seed, body)


# round 31: the samples under the names they were read with (社区 2023 sent back, 发改委 2024, 自来水集团 2025)
ROUND_31_UNITS: dict[str, tuple[str, str | None]] = {
    "某社区党委书记": ("益阳市赫山区桃花仑街道碧云社区", "碧云社区"),
    "市发改委党组书记": ("永州市发展和改革委员会", None),
    "集团公司党委书记": ("常德市自来水集团有限公司", "自来水集团"),
}
ROUND_31_PAIRS = ("带出队伍", "同定同查", "约谈审核", "点人点事")


def test_round_31_drafts_no_longer_deny_their_work() -> None:
    """Round 31: “带出会做群众工作的社工队伍” above “队伍留不住人、带不出人”; “一起定、一起分、一起查” above
    “融合措施的针对性还不强”; “当面约谈提醒” above “多交给机关党组织和办公室……提醒督促不到位”; “逐项点人点事”
    above “考虑人情因素，批评提醒不够严肃” — none voiced beside its claim."""
    assert not _denials_in_units(ROUND_31_UNITS, ROUND_31_PAIRS)


def test_round_31_community_speaks_as_a_community() -> None:
    """Round 31 sent the 社区 draft back partly for an office's words: “对业务部门的实际需要了解不够……业务攻坚”,
    “主持研究重大业务事项”; and a 整改 status sentence “通过党费收缴……公布，这个问题已经改过来了” with no subject.
    None of them at its own seed or four more."""
    facts = sample_named("某社区党委书记", "益阳市赫山区桃花仑街道碧云社区", "碧云社区")
    for seed in (None, *range(4)):
        text = draft(facts, Options(seed=seed)).document.text
        words = ("业务部门", "业务攻坚", "重大业务事项", "业务任务", "业务发展实绩", "。通过")
        assert not [w for w in words if w in text], seed
