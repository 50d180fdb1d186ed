"""What blind review 43 (session 13) found in five drafts, each as behaviour a draft must show.

The reviewer read a 街道 (2025), a 县医院 (2024), a 村 branch (2024), a 学院 summary (2024) and a 科技公司
branch summary (2025), each sample under a new name at the default seed, and listed every place where a problem
or cause denies what the text above claims (“支委分头联系项目组” / “党员联系服务员工不够经常”).  Those rows
are now 前后矛盾 pairs (templates/主题.yaml, keys 四三-); a draft may still print one side, never both.
"""

from __future__ import annotations

import pytest
from test_contradictions import REG, drafter_for, printed_together

REVIEW_UNITS: dict[str, tuple[str, str | None]] = {
    "街道党工委书记": ("岳阳市君山区柳林洲街道", "柳林洲街道"),
    "某医院党委书记": ("涟源市人民医院", "涟源市医院"),
    "某村党支部书记": ("双峰县井字镇荷叶村", "荷叶村"),
    "某大学学院党委书记": ("长沙理工大学电气与信息工程学院", "电气学院"),
    "某科技公司党支部": ("湘江智造科技有限公司", "湘江智造"),
}
SEEDS = (None, 0, 1)  # the default seed the reviewer read, and two more
_draft = drafter_for(REVIEW_UNITS)

# (sample, claim, denial): exact quotes of the drafts the reviewer read
ROUND_43 = [
    ("某科技公司党支部", "把纪律教育和诚信经营教育一并安排", "纪律教育同企业合规管理的衔接有待加强"),
    ("某科技公司党支部", "支委分头联系项目组", "党员联系服务员工不够经常"),
    ("某科技公司党支部", "接受教育管理不脱节", "管党员都还不够严实"),
    ("某科技公司党支部", "严格履行发展程序", "办事程序掌握不熟"),
    ("某科技公司党支部", "党建和经营情况沟通会", "沟通多围绕支部活动安排"),
    ("街道党工委书记", "解心结", "讲道理多、解难题少"),
    ("街道党工委书记", "当面点问题", "有的支部书记上手慢"),
    ("街道党工委书记", "统筹辖区", "统筹辖区资源的能力还不强"),
    ("街道党工委书记", "定期到社区抽查", "随着时间推移有所减弱"),
    ("街道党工委书记", "拧成一股绳", "两张皮"),
    ("某大学学院党委书记", "分析学生思想动态", "研究师生思想动态的时候少"),
    ("某大学学院党委书记", "及时安排中心组集体学习", "新修订的党内法规学得不够及时"),
    ("某大学学院党委书记", "指导教师党支部把组织生活", "多提要求、少给方法"),
    ("某大学学院党委书记", "让组织生活贴近教学科研", "多停留在完成规定动作上"),
    ("某村党支部书记", "补齐这些短板上用力", "发现和培养入党对象下的功夫还不够"),
    ("某村党支部书记", "走向“悟了”", "当成完成规定动作"),
    ("某村党支部书记", "衡量村党支部作用发挥", "该起的作用想得不深"),
    ("某村党支部书记", "聚焦群众急难愁盼", "急难愁盼把得还不够准"),
    ("某村党支部书记", "活动后听取党员反馈", "重部署轻落实"),
    ("某医院党委书记", "深度融入医院管理", "时有脱节"),
    ("某医院党委书记", "一起部署、一起考核", "先排业务、后排党建"),
    ("某医院党委书记", "结果直接影响", "考核指标与业务实绩结合不紧"),
]


@pytest.mark.parametrize(("sample", "claim", "denial"), ROUND_43)
def test_round_43_pairs_are_known(sample: str, claim: str, denial: str) -> None:
    """Each row's denial is named by a 前后矛盾 pair whose claim the row's claim voices."""
    from drafter.claims import says_any

    pairs = [p for p in REG.topics["前后矛盾"].values() if says_any(p.denials, denial)]
    assert any(says_any(p.keywords, claim) for p in pairs), (sample, claim, denial)


@pytest.mark.parametrize("seed", SEEDS)
def test_round_43_drafts_no_longer_deny_their_work(seed: int | None) -> None:
    assert printed_together([(s, c, d) for s, c, d in ROUND_43], _draft, seed) == []
