"""What a reader's audit of twelve drafts and the tenth session's blind review (round 33) found, each as
behaviour a draft must show.

The audit read six samples (街道, 医院, 村, 大学学院, 科技公司党支部, 区教育局) under new names at seeds None and
3; round 33 read the five review samples under new names.  Both found a claim in 主要工作 (or 整改) and a
problem or cause below denying it (“把部门派驻力量、社区工作者和网格员拧成一股绳” / “各方力量在网格里协同得不够
顺畅”), which are now 前后矛盾 pairs (templates/主题.yaml, block 第十次会话 审读助手与第33轮); the audit also
found measures of 下一步 promising what the text above reports done (“主题党日每月开展” / “每季度……一次” after
“每月……”), whose wordings now promise something beyond it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_contradictions
import yaml
from conftest import ROOT
from test_contradictions import _denials_in_units

from drafter.facts import facts_from_text
from drafter.pipeline import Options, draft

# the audit's six samples: the name each was read under (全称, 简称)
AUDIT_UNITS: dict[str, tuple[str, str | None]] = {
    "街道党工委书记": ("长沙市雨花区井湾子街道", "井湾子街道"),
    "某医院党委书记": ("宁乡市人民医院", None),
    "某村党支部书记": ("浏阳市大围山镇楚东村", "楚东村"),
    "某大学学院党委书记": ("湘潭大学化学学院", "化学学院"),
    "某科技公司党支部": ("长沙麓谷智芯科技有限公司", "智芯科技"),
    "区教育局党建工作总结": ("长沙市天心区教育局", None),
}
# round 33's five drafts: the sample and the name it was read under
ROUND_33_UNITS: dict[str, tuple[str, str | None]] = {
    "县一中党委书记": ("醴陵市第一中学", None),
    "市发改委党组书记": ("邵阳市发展和改革委员会", None),
    "集团公司党委书记": ("湘潭市供水集团有限公司", "湘潭供水"),
    "某社区党委书记": ("株洲市芦淞区建设街道月塘社区", "月塘社区"),
    "机关党支部书记": ("益阳市财政局办公室", None),
}

# the audit's type-A rows and round 33's 检查1 rows (矛盾, 直接矛盾) encoded: the claim above, the denial below
ROUND_33 = [
    ("针对支部工作中的薄弱点逐个研究对策", "分类施策少，对基础一般的支部帮扶措施不够具体"),
    ("我把部门派驻力量、社区工作者和网格员拧成一股绳", "各方力量在网格里协同得不够顺畅"),
    ("定期听取推进情况，对进度滞后的当面督促", "我对党建工作督促检查的频次还不够高"),
    ("定期到社区察看落实情况", "检查时看材料多、看现场少"),
    ("对诉求办理中的敷衍应付、推诿扯皮、反复退单等问题通报督办", "形式主义、官僚主义的苗头批评纠正不够坚决"),
    ("统筹辖区党建工作全局", "对驻区单位、辖区企业和社会组织的党建统筹不够"),
    (
        "支部建设与科室建设实行一体谋划、一体推进、一体考核，各党支部根据本专科特点选定引领业务发展的党建项目",
        "党建项目与业务重点对接得不够精准",
    ),
    ("我注重把党的二十大和二十届三中全会精神同医院实际结合起来学", "联系医院实际思考不深"),
    ("医德医风建设常抓不懈", "抓常抓长的劲头不够足"),
    ("推动医药领域腐败问题整治常态长效", "日常提醒和监督的力度随着时间推移有所减弱"),
    ("年底组织考核评议，形成环环相扣的闭环管理", "定期检查和结果运用还不够到位"),
    ("形成部署、落实、检查、问责的完整闭环", "医院党委会议议定事项的督办反馈机制不够健全"),
    ("结合医疗质量、运营管理、学科建设中的问题组织研讨", "联系医改政策、医院发展中的现实问题思考不深"),
    ("对新任支部书记开展任前培训，组织支部书记之间交流经验", "平时压担子多、教方法少"),
    ("活动后听取党员反馈、改进下次安排", "主题党日活动形式相对固定"),
    ("村里的难事由党组织牵头办", "靠支部和党员把人心聚起来的办法想得少"),
    ("对涉及村民利益的政策落实逐项跟踪", "存在重部署轻落实、重形式轻实效的现象"),
    ("在党员会上讲透、到群众中讲明白", "事前把道理讲透的功夫还有差距"),
    ("双融双促机制推动教师支部同科研团队、课程团队融为一体", "有的支部活动和教研室、课题组工作各行其是"),
    ("推动党内政治生活在每个支部都严肃认真地开展起来", "各支部组织生活会的质量差距较为明显"),
    ("精简学院内部会议和填报事项", "部分支部开展工作仍习惯于多发通知、多要材料"),
    ("让“红红脸、出出汗”成为常态", "有的支部问题查摆不够深入"),
    ("推动党建工作和教学科研相互促进", "党建与业务“两张皮”现象还不同程度存在"),
    ("把师生的急难愁盼列入清单逐项解决", "服务师生的作风还需改进"),
    ("把促进研发和经营作为党建工作的出发点", "结合企业实际主动思考党建怎样助力研发和经营的意识还不够强"),
    ("对职工在子女入学、住房、医疗等方面的困难积极帮助协调", "帮助员工解决实际困难较少"),
    ("让党员参加一次就有一次收获", "党组织开展活动存在重形式、轻实效的现象"),
    ("驻外党员编入线上学习小组，每月参加一次线上组织生活", "线上学习以个人自学为主，互动讨论不多"),
    ("兼顾企业经营节奏，保证学习覆盖全体党员", "个别党员因项目冲突未能按时参加学习"),
    ("让学习适应企业的工作节奏", "支部工作与研发项目的节奏衔接得还不够好"),
    ("请指导员帮助分析党建促进发展的切入点", "对党建工作怎样更好服务企业、服务员工思考得不多"),
    ("重点关注课堂讲授、教辅选用、校园网站和教师自媒体等阵地", "对党员个人网络账号和自媒体的底数掌握还不全"),
    ("把每个问题分解到具体部门和责任人", "任务、时限和责任人对应得不够明确"),
    # round 33, 检查1
    (
        "让整改成果不因人员调整、学年更替而走样",
        "稳定的时间安排和评价办法还不健全，人员一调整、工作一忙就容易走样",
    ),
    ("我推动教师党支部固定每月的活动时间", "稳定的时间安排和评价办法还不健全"),
    ("让学校党务工作有人干、会干、干得好", "一些支部书记是教学骨干却不熟悉党务"),
    ("我始终认为抓党建就是抓发展", "对机关党建与业务相互促进的作用体会不深"),
    ("会上听到的意见有的直接转成了部门改进工作的措施", "对党员群众提出的意见回应不够充分"),
    ("课后把大家提出的工作建议交相关科室研究", "对党员群众提出的意见回应不够充分"),
    ("对谈话中了解到的思想疙瘩逐一跟进化解", "对党员群众提出的意见回应不够充分"),
    ("推动建立党建工作责任清单和任务台账", "对如何落实党建工作责任制思考不够深入，系统谋划还不够"),
    (
        "对影响生产效率和服务质量的作风问题当场提要求、限时改",
        "我对身边一些形式主义、官僚主义的苗头批评纠正不够坚决",
    ),
    ("我坚持把调研的重点放在生产现场和客户服务一线", "自身在精文简会、改进调研方式上示范作用发挥得也还不够"),
    (
        "对离退休党员、流动党员和新迁入的党员分别明确管理办法，党员底数清、编入支部不遗漏",
        "个别党员参加组织生活不够正常，教育管理存在一定空档",
    ),
    (
        "谁在借调、谁在外出学习、谁家里有难处，我和支委分头掌握",
        "对党员家庭、身体、成长等方面的情况了解得不够全面",
    ),
    ("会后整理记录、跟进落实", "对会议的质量和效果追问不够"),
    ("党员在活动中提出的改进建议，我都记下来，在日常工作中研究吸收", "对党员反映的意见回应得不够及时"),
]
ROUND_33_PAIRS = (
    "逐个研究对策",
    "力量拧成一股绳",
    "督促频次",
    "现场察看",
    "纠治作风",
    "调研示范",
    "统筹全域",
    "项目对接",
    "联系实际学",
    "常抓长效",
    "闭环管理",
    "书记任前培训",
    "活动后改进",
    "难事党组织办",
    "政策跟踪",
    "道理讲透",
    "团队融为一体",
    "组织生活会质量",
    "精简会议报表",
    "教研相促",
    "急难愁盼清单",
    "党建促发展出发点",
    "帮助解困",
    "活动有收获",
    "线上小组",
    "学习随项目",
    "自媒体阵地",
    "问题分解到人",
    "制度固化",
    "会干干好",
    "意见回应",
    "责任清单台账",
    "流动党员管理",
    "家里难处",
)

# the audit's type-A rows encoded, as (sample, seed, claim, denial): exact quotes of its drafts
AUDIT_CONTRADICTIONS = [
    (
        "街道党工委书记",
        None,
        "针对支部工作中的薄弱点逐个研究对策",
        "分类施策少，对基础一般的支部帮扶措施不够具体",
    ),
    (
        "街道党工委书记",
        None,
        "我把部门派驻力量、社区工作者和网格员拧成一股绳",
        "各方力量在网格里协同得不够顺畅",
    ),
    ("街道党工委书记", 3, "定期听取推进情况，对进度滞后的当面督促", "我对党建工作督促检查的频次还不够高"),
    ("街道党工委书记", 3, "定期到社区察看落实情况", "检查时看材料多、看现场少"),
    (
        "街道党工委书记",
        3,
        "对诉求办理中的敷衍应付、推诿扯皮、反复退单等问题通报督办",
        "形式主义、官僚主义的苗头批评纠正不够坚决",
    ),
    ("街道党工委书记", 3, "统筹辖区党建工作全局", "对驻区单位、辖区企业和社会组织的党建统筹不够"),
    (
        "某医院党委书记",
        None,
        "支部建设与科室建设实行一体谋划、一体推进、一体考核",
        "党建项目与业务重点对接得不够精准",
    ),
    (
        "某医院党委书记",
        None,
        "我注重把党的二十大和二十届三中全会精神同医院实际结合起来学",
        "联系医院实际思考不深",
    ),
    ("某医院党委书记", None, "医德医风建设常抓不懈", "抓常抓长的劲头不够足"),
    ("某医院党委书记", None, "推动医药领域腐败问题整治常态长效", "日常提醒和监督的力度随着时间推移有所减弱"),
    ("某医院党委书记", None, "年底组织考核评议，形成环环相扣的闭环管理", "定期检查和结果运用还不够到位"),
    (
        "某医院党委书记",
        None,
        "形成部署、落实、检查、问责的完整闭环",
        "医院党委会议议定事项的督办反馈机制不够健全",
    ),
    (
        "某医院党委书记",
        3,
        "结合医疗质量、运营管理、学科建设中的问题组织研讨",
        "联系医改政策、医院发展中的现实问题思考不深",
    ),
    ("某医院党委书记", 3, "对新任支部书记开展任前培训，组织支部书记之间交流经验", "平时压担子多、教方法少"),
    ("某村党支部书记", None, "活动后听取党员反馈、改进下次安排", "主题党日活动形式相对固定"),
    ("某村党支部书记", None, "村里的难事由党组织牵头办", "靠支部和党员把人心聚起来的办法想得少"),
    ("某村党支部书记", 3, "村里的难事由党组织牵头办", "靠支部和党员把人心聚起来的办法想得少"),
    ("某村党支部书记", 3, "对涉及村民利益的政策落实逐项跟踪", "存在重部署轻落实、重形式轻实效的现象"),
    ("某村党支部书记", 3, "在党员会上讲透、到群众中讲明白", "事前把道理讲透的功夫还有差距"),
    (
        "某大学学院党委书记",
        None,
        "双融双促机制推动教师支部同科研团队、课程团队融为一体",
        "有的支部活动和教研室、课题组工作各行其是",
    ),
    (
        "某大学学院党委书记",
        None,
        "推动党内政治生活在每个支部都严肃认真地开展起来",
        "各支部组织生活会的质量差距较为明显",
    ),
    ("某大学学院党委书记", None, "精简学院内部会议和填报事项", "部分支部开展工作仍习惯于多发通知、多要材料"),
    ("某大学学院党委书记", 3, "让“红红脸、出出汗”成为常态", "有的支部问题查摆不够深入"),
    ("某大学学院党委书记", 3, "推动党建工作和教学科研相互促进", "党建与业务“两张皮”现象还不同程度存在"),
    ("某大学学院党委书记", 3, "把师生的急难愁盼列入清单逐项解决", "服务师生的作风还需改进"),
    (
        "某科技公司党支部",
        None,
        "把促进研发和经营作为党建工作的出发点",
        "结合企业实际主动思考党建怎样助力研发和经营的意识还不够强",
    ),
    (
        "某科技公司党支部",
        None,
        "对职工在子女入学、住房、医疗等方面的困难积极帮助协调",
        "帮助员工解决实际困难较少",
    ),
    ("某科技公司党支部", None, "让党员参加一次就有一次收获", "党组织开展活动存在重形式、轻实效的现象"),
    (
        "某科技公司党支部",
        None,
        "驻外党员编入线上学习小组，每月参加一次线上组织生活",
        "线上学习以个人自学为主，互动讨论不多",
    ),
    ("某科技公司党支部", 3, "兼顾企业经营节奏，保证学习覆盖全体党员", "个别党员因项目冲突未能按时参加学习"),
    ("某科技公司党支部", 3, "让学习适应企业的工作节奏", "支部工作与研发项目的节奏衔接得还不够好"),
    (
        "某科技公司党支部",
        3,
        "支部把促进研发和经营作为党建工作的出发点",
        "对党建工作怎样更好服务企业、服务员工思考得不多",
    ),
    (
        "区教育局党建工作总结",
        None,
        "重点关注课堂讲授、教辅选用、校园网站和教师自媒体等阵地",
        "对党员个人网络账号和自媒体的底数掌握还不全",
    ),
    ("区教育局党建工作总结", 3, "把每个问题分解到具体部门和责任人", "任务、时限和责任人对应得不够明确"),
]

# the audit's type-B rows whose measure wordings were reworded: the draft (sample, seed), what the text above
# reports done, the measure that promised it again
AUDIT_REPEATS = [
    (
        "街道党工委书记",
        None,
        "我坚持每月到社区走访调研，参加联系社区的党员活动",
        "每季度到支部参加一次组织生活或调研活动",
    ),
    ("街道党工委书记", 3, "对进度滞后的当面督促", "对进度滞后的事项当面问明原因、督促加快推进"),
    ("街道党工委书记", 3, "对苗头性倾向性问题及时谈话提醒", "对需要提醒的干部及时谈话"),
    ("某医院党委书记", 3, "发现问题及时约谈提醒", "对需要提醒的干部及时谈话"),
    (
        "某医院党委书记",
        3,
        "结合医疗质量、运营管理、学科建设中的问题组织研讨",
        "每季度选一个医院发展中的现实问题",
    ),
    ("某村党支部书记", None, "我坚持村里重大事项由村党支部先研究", "集体增收、矛盾调解这些难事先交支部研究"),
    ("某大学学院党委书记", None, "对上级部署的重点任务建立落实台账", "对重要部署实行清单化管理"),
    (
        "某大学学院党委书记",
        None,
        "组织生活与学术研讨、课程建设和社会服务一起开展",
        "把教师党支部组织生活与学科建设、教学研讨",
    ),
    (
        "某大学学院党委书记",
        None,
        "双融双促机制推动教师支部同科研团队、课程团队融为一体",
        "推动支部与系、教研室、科研团队同步谋划工作",
    ),
    (
        "某大学学院党委书记",
        3,
        "引导教师党支部把组织生活同教研活动、课题研讨结合起来",
        "把教师党支部组织生活与学科建设、教学研讨",
    ),
    (
        "某科技公司党支部",
        None,
        "支部在两个核心研发项目组设立党员先锋岗",
        "探索在重点项目团队中设立党员示范岗",
    ),
    (
        "某科技公司党支部",
        None,
        "公司党支部支委会把它列为支部集中学习的重点内容",
        "学党的创新理论时一并学好国家促进民营企业发展的政策",
    ),
    (
        "区教育局党建工作总结",
        None,
        "对学校党组织书记开展履责情况检查和约谈",
        "年底按清单评价书记和联系领导的履责情况",
    ),
    (
        "区教育局党建工作总结",
        3,
        "研究教育重大事项时，先看是否符合党的教育方针",
        "研究部署重要工作时先从政治上思考",
    ),
]


def _text(sample: str, full: str, short: str | None, seed: int | None) -> str:
    """The draft of ``sample`` under the name a reader read it with, at ``seed``."""
    data = yaml.safe_load(Path(ROOT, "samples", f"{sample}.yaml").read_text(encoding="utf-8"))
    data["单位"].update(全称=full, **({"简称": short} if short else {}))
    facts = facts_from_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return draft(facts, Options(seed=seed)).document.text


@pytest.mark.parametrize(("claim", "denial"), ROUND_33, ids=lambda v: v[:10])
def test_round_33_pairs_are_known(claim: str, denial: str) -> None:
    """Each encoded audit type-A row and round-33 自相矛盾 row is a known 前后矛盾 pair (found loosely:
    drafter.claims), and the denial alone, under an unrelated claim, is not one."""
    test_contradictions.test_round_19_pairs_are_known(claim, denial)


def test_the_audit_units_no_longer_deny_their_work() -> None:
    """The audit's six samples under the names they were read with, at their own seeds (None, 3) and three
    more: no tool problem or cause voices a denial of a new pair whose claim the text above makes."""
    assert not _denials_in_units(AUDIT_UNITS, ROUND_33_PAIRS)


def test_round_33_drafts_no_longer_deny_their_work() -> None:
    """Round 33's five units under the names they were read with, at their own seed and four more: no tool
    problem or cause voices a denial of a new pair whose claim the text above makes."""
    assert not _denials_in_units(ROUND_33_UNITS, ROUND_33_PAIRS)


def test_the_audit_measures_no_longer_promise_what_is_done() -> None:
    """The audit's type-B rows: where the draft still reports the work done, no measure promises it again in
    the audit's words (“每季度到支部参加一次组织生活” after “每月到社区走访调研”, “探索……设立党员示范岗” after
    “设立党员先锋岗”)."""
    texts: dict[tuple[str, int | None], str] = {}
    repeated = []
    for sample, seed, done, measure in AUDIT_REPEATS:
        key = (sample, seed)
        if key not in texts:
            texts[key] = _text(sample, *AUDIT_UNITS[sample], seed)
        if done in texts[key] and measure in texts[key]:
            repeated.append((sample, seed, measure))
    assert not repeated


def test_the_audit_drafts_no_longer_print_their_contradictions() -> None:
    """The audit's encoded type-A rows, in its twelve drafts made afresh: the claim and the denial it quoted are
    no longer both printed (33 of them were before the pairs)."""
    texts: dict[tuple[str, int | None], str] = {}
    both = []
    for sample, seed, claim, denial in AUDIT_CONTRADICTIONS:
        key = (sample, seed)
        if key not in texts:
            texts[key] = _text(sample, *AUDIT_UNITS[sample], seed)
        if claim in texts[key] and denial in texts[key]:
            both.append((sample, seed, denial))
    assert not both
