"""What blind review 44 (session 13) found in five drafts, each as behaviour a draft must show.

The reviewer read a 社区 (2023), a 发改委 (2024), a 县中学 (2025), a 财政局办公室 branch (2025) and a 水务集团
(2025), each sample under a new name at the default seed, and listed every place where a problem
or cause denies what the text above claims (“支委分头联系项目组” / “党员联系服务员工不够经常”).  Those rows
are now 前后矛盾 pairs (templates/主题.yaml, keys 四四-); a draft may still print one side, never both.
"""

from __future__ import annotations

import pytest
from test_contradictions import REG, drafter_for, printed_together

REVIEW_UNITS: dict[str, tuple[str, str | None]] = {
    "某社区党委书记": ("湘潭市岳塘区建设路街道建新社区", "建新社区"),
    "市发改委党组书记": ("怀化市发展和改革委员会", "怀化市发改委"),
    "县一中党委书记": ("新化县第一中学", "新化一中"),
    "机关党支部书记": ("株洲市财政局办公室", "局办公室"),
    "集团公司党委书记": ("邵阳市水务集团有限公司", "邵阳水务集团"),
}
SEEDS = (None, 0, 1)  # the default seed the reviewer read, and two more
_draft = drafter_for(REVIEW_UNITS)

# (sample, claim, denial): exact quotes of the drafts the reviewer read
ROUND_44 = [
    ("某社区党委书记", "学在前、走在前", "学得还不够系统"),
    ("某社区党委书记", "矛盾在网格化解", "出面协调多是事后补救"),
    ("某社区党委书记", "不遮不护", "批评多是提希望、点现象"),
    ("某社区党委书记", "到现场盯进度", "真抓实干的劲头有所减弱"),
    ("市发改委党组书记", "亲自谋划、亲自推动", "研究党建工作的时间相对较少"),
    ("市发改委党组书记", "定期听各支部汇报", "统一要求多、分类施策少"),
    ("市发改委党组书记", "有力度有韧劲", "韧劲还不够"),
    ("市发改委党组书记", "最高政治原则", "从讲政治的高度审视少"),
    ("市发改委党组书记", "心坎上", "激励关怀帮扶机制上用心不够"),
    ("县一中党委书记", "从抓整改走向建机制", "对建章立制、堵塞漏洞重视不够"),
    ("县一中党委书记", "作为履职的首要任务", "抓一阵、松一阵"),
    ("县一中党委书记", "参加联系支部的组织生活", "跟踪帮带不够"),
    ("县一中党委书记", "把党小组建在教研组上", "习惯沿用过去的做法"),
    ("集团公司党委书记", "分片包干", "标准不高、作风不实"),
    ("集团公司党委书记", "当场提要求", "批评多是提希望、点现象"),
    ("集团公司党委书记", "原原本本学文件", "学得还不够系统"),
    ("集团公司党委书记", "累计培训", "支部书记上手慢"),
]


@pytest.mark.parametrize(("sample", "claim", "denial"), ROUND_44)
def test_round_44_pairs_are_known(sample: str, claim: str, denial: str) -> None:
    """Each row's denial is named by a 前后矛盾 pair whose claim the row's claim voices."""
    from drafter.claims import says_any

    pairs = [p for p in REG.topics["前后矛盾"].values() if says_any(p.denials, denial)]
    assert any(says_any(p.keywords, claim) for p in pairs), (sample, claim, denial)


@pytest.mark.parametrize("seed", SEEDS)
def test_round_44_drafts_no_longer_deny_their_work(seed: int | None) -> None:
    assert printed_together([(s, c, d) for s, c, d in ROUND_44], _draft, seed) == []
