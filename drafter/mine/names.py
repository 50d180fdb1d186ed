"""Finding the proper names of one report — persons, villages and communities, companies — so that
``drafter mine`` can slot them or set their sentences aside.

Owns a small gazetteer and patterns, run once over a whole report (its title included) so that a name
introduced once (“杨柳湾村党支部书记述职报告”, “党委书记黄丽萍”) is recognised everywhere in it, also
without its suffix (“把李家寨建设得更加美丽”):

* a **person**: a common surname and one or two more characters right after a title (书记, 主任,
  院长, 同志…) or “本人”, or before 同志;
* a **village or community** (and 街道, 镇, 乡): the unit named at the start of the title, any name
  ending in a place-name character (庄, 湾, 桥, 寨, 沟…) followed by 村 or 社区, two characters after a
  preposition (从涧田乡调至芙蓉镇) that are not a common word (示范村, 先进村), the same name with another
  suffix (芙蓉镇 → 芙蓉村) and the places listed after a known one (光明村、晓东村);
* a **company**: two name characters, optional trade words (农业, 科技, 置业…) and 有限公司/集团/公司,
  two name characters and a trade word in a list of 子企业, or the company named at the start of the
  title (“恒源集团党委书记述职报告”: 恒源集团 and 恒源).

Why patterns and not a segmenter with part-of-speech tags (jieba): the names in reports are invented
or local, which a general dictionary does not know either; jieba would add a 20 MB dictionary and a
second of loading to every run, and its guesses change with its dictionary.  The patterns are
deterministic, need nothing, and the cases they miss are listed in bench/MINER.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁卢姚沈钟"
    "姜崔谭陆范汪廖石金韦贾夏傅方邹熊白孟秦邱侯江尹薛闫黎陶贺毛郝顾龚邵覃戴孔汤乔赖文"
    "裴聂翟柴殷耿娄鞠阮祁岳霍储毕蓝屈祝葛伍尤甘柳鲁倪温庞樊兰喻饶闵瞿苟"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "慕容", "令狐", "司徒")
_TITLES = (
    "党委书记",
    "党组书记",
    "党支部书记",
    "支部书记",
    "第一书记",
    "党工委书记",
    "书记",
    "副书记",
    "主任",
    "副主任",
    "局长",
    "院长",
    "校长",
    "园长",
    "所长",
    "站长",
    "村长",
    "组长",
    "队长",
    "经理",
    "总经理",
    "董事长",
    "老党员",
    "本人",
    "我叫",
)
# two characters that start a common word, not a name, after a title: 书记高度重视, 主任严格把关
_NOT_NAME = frozenset(
    [
        "高度",
        "高质",
        "高标",
        "高位",
        "高效",
        "严格",
        "严肃",
        "严把",
        "严守",
        "严明",
        "严于",
        "严防",
        "方面",
        "方式",
        "方向",
        "方案",
        "文件",
        "文化",
        "文明",
        "常态",
        "常委",
        "任务",
        "任职",
        "向上",
        "向下",
        "于是",
        "马上",
        "程序",
        "金融",
        "武装",
        "万元",
        "石油",
        "江山",
        "黎明",
        "龙头",
        "白天",
        "毛泽",
        "史料",
        "钱款",
        "康复",
        "易地",
        "乔迁",
        "段落",
        "雷锋",
        "孔子",
        "汤圆",
        "夏季",
        "秋季",
        "叶片",
        "林业",
        "林地",
        "田间",
        "田园",
        "石头",
        "范围",
        "范例",
        "卢沟",
        "苏区",
        "周密",
        "周到",
        "周年",
        "周边",
        "周期",
        "许多",
        "余下",
        "余人",
        "杜绝",
        "陆续",
        "邓小",
        "何时",
        "何处",
        "曾经",
        "付出",
        "戴帽",
        "严重",
        "严厉",
        "严实",
        "龚自",
        "常规",
        "常年",
        "向党",
        "向群",
        "于一",
        "金牌",
        "韦编",
        "贺信",
        "易于",
        "程度",
        "肖像",
        "王牌",
        "李子",
        "张贴",
        "刘海",
        "陈列",
        "陈旧",
        "杨树",
        "黄金",
        "赵家",
        "孙子",
        "马克",
        "朱红",
        "胡乱",
        "郭沫",
        "罗列",
        "郑重",
        "梁上",
        "谢意",
        "宋代",
        "唐代",
        "冯诺",
        "邓稼",
        "曹操",
        "彭德",
        "潘家",
        "袁隆",
        "蔡元",
        "蒋介",
        "魏晋",
        "吕梁",
        "丁点",
        "任何",
        "任期",
        "姚明",
        "沈阳",
        "钟点",
        "姜还",
        "崔嵬",
        "谭嗣",
        "廖仲",
        "贾平",
        "夏天",
        "付费",
        "傅雷",
        "邹韬",
        "熊猫",
        "孟子",
        "秦朝",
        "邱少",
        "侯选",
        "尹吉",
        "薛定",
        "闫家",
        "毛主",
        "顾全",
        "顾大",
        "龚全",
        "邵家",
        "万里",
        "覃塘",
        "武汉",
        "钱学",
        "戴上",
        "莫言",
        "孔繁",
        "汤显",
        "康乐",
        "乔治",
        "赖宁",
        "文明",
        "石家",
        "金秋",
        "白求",
        "江西",
        "江苏",
        "常州",
        "黄河",
        "黄冈",
        "杨家",
        "张家",
        "文艺",
        "文字",
        "文稿",
        "文体",
        "文章",
        "文物",
        "文献",
        "文风",
        "温暖",
        "温度",
        "温馨",
        "柳树",
        "兰花",
        "甘于",
        "甘当",
        "葛藤",
        "岳阳",
        "毕业",
        "屈指",
        "祝贺",
        "祝福",
        "伍佰",
        "尤其",
        "鲁迅",
        "倪萍",
        "庞大",
        "樊篱",
        "喻为",
        "饶有",
        "祁连",
        "殷切",
        "霍乱",
        "储备",
        "储蓄",
        "蓝图",
        "蓝天",
        "耿直",
        "柴油",
        "翟家",
        "裴家",
        "闵行",
        "瞿秋",
        "苟且",
    ]
)
_NAME_STOP = "带在同和与为是的等亲主到率深牵多负、，。；：“”（）是将从对把被了也都还就又并及个名位"
_PLACE_CHARS = "庄湾桥家寨沟坪岭山河屯堡营坡店铺寺口塘园坝岗洼集圩头田溪源峪窑坊泉台湖滩埠垸冲垌岙浜里坡岭塬"
_TRADES = (
    "农业",
    "科技",
    "建设",
    "建材",
    "物流",
    "置业",
    "开发",
    "实业",
    "贸易",
    "能源",
    "电力",
    "投资",
    "发展",
    "环保",
    "食品",
    "医药",
    "信息",
    "技术",
    "服务",
    "制造",
    "机械",
    "化工",
    "商贸",
    "文化",
    "旅游",
    "传媒",
    "生物",
    "电子",
    "地产",
    "房地产",
    "矿业",
    "水务",
    "交通",
    "运输",
    "纺织",
    "汽车",
    "农牧",
    "种植",
    "养殖",
    "餐饮",
    "咨询",
    "工程",
    "设备",
    "装备",
    "材料",
    "新材料",
    "新能源",
    "网络",
    "软件",
    "数据",
    "智能",
    "环境",
    "园林",
    "建筑",
    "安装",
    "城建",
    "供应链",
    "管理",
    "劳务",
    "农产品",
    "机电",
    "电气",
    "钢铁",
    "水泥",
    "印刷",
    "包装",
    "物业服务",
)
_COMPANY_SUFFIX = ("有限责任公司", "股份有限公司", "集团有限公司", "有限公司", "集团", "公司")
_GENERIC_STEM = frozenset(
    [
        "集团",
        "国有",
        "民营",
        "所属",
        "下属",
        "控股",
        "全市",
        "全区",
        "全县",
        "全省",
        "各类",
        "县属",
        "市属",
        "区属",
        "省属",
        "子公",
        "分公",
        "总公",
        "本公",
        "该公",
        "我们",
        "我司",
        "公司",
        "企业",
        "属地",
        "建设",
        "开发",
        "投资",
        "发展",
        "服务",
        "科技",
        "农业",
        "有限",
        "股份",
        "各级",
        "一家",
        "两家",
        "多家",
        "合作",
        "相关",
        "重点",
        "龙头",
        "骨干",
        "国企",
        "央企",
        "民企",
        "外资",
        "私营",
        "物业",
        "引进",
        "联合",
        "依托",
        "推动",
        "成立",
        "组建",
        "注册",
        "新建",
        "培育",
        "扶持",
        "燃气",
        "供电",
        "供水",
        "热力",
        "电网",
        "烟草",
        "邮政",
        "银行",
        "保险",
        "证券",
        "通信",
        "移动",
        "联通",
        "电信",
        "航空",
        "铁路",
        "港口",
        "粮食",
        "盐业",
    ]
)
_TITLE_UNIT = re.compile(
    r"^([\u4e00-\u9fff]{2,5}?)(村|社区|街道|镇|乡)(?=党|居|村|委|\d|二|工|抓|支|总|书|年|述|$)"
)
_TITLE_NOT_NAME = re.compile(r"^(?:[省市区县某该本全我各]|x+|X+|\*|＊|×|○)")
_LEADING = _NAME_STOP + "任担驻进入回返来去住于在向"
_PLACE_NAME = re.compile(f"([\u4e00-\u9fff]{{1,3}}[{_PLACE_CHARS}])(村|社区)")
_GENERIC_PLACE = frozenset(
    [
        "农家",
        "乡村",
        "驻村",
        "进村",
        "全村",
        "本村",
        "各村",
        "邻村",
        "入村",
        "到村",
        "每村",
        "一村",
        "两村",
        "在村",
        "返村",
        "包村",
        "强村",
        "富村",
        "美村",
        "兴村",
        "示范",
        "城市",
        "老旧",
        "所在",
        "和谐",
        "幸福",
        "平安",
        "智慧",
        "绿色",
        "文明",
        "农村",
        "城乡",
        "村里",
        "里村",
        "家里",
        "回家",
        "在家",
        "每家",
        "农户家",
        "老家",
        "大家",
        "专家",
        "国家",
        "自家",
        "管家",
        "东家",
        "商家",
        "全家",
        "各家",
        "万家",
        "千家",
        "百家",
        "入户",
        "山村",
        "河村",
        "田村",
        "口村",
        "头村",
    ]
)


@dataclass
class Names:
    """The proper names found in one report: name → kind (person | village | company)."""

    found: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, kind: str) -> None:
        if len(name) >= 2 and name not in self.found:
            self.found[name] = kind

    def ordered(self) -> list[tuple[str, str]]:
        """Longest first, so that 杨柳湾村 is slotted before 杨柳湾."""
        return sorted(self.found.items(), key=lambda kv: (-len(kv[0]), kv[0]))

    def pattern(self) -> re.Pattern[str] | None:
        if not self.found:
            return None
        return re.compile("|".join(re.escape(n) for n, _ in self.ordered()))


def _person_after(text: str, pos: int) -> str:
    """The name starting at ``pos`` (surname + one or two characters), or ''."""
    if text.startswith(_COMPOUND_SURNAMES, pos):
        surname = 2
    elif pos < len(text) and text[pos] in SURNAMES:
        surname = 1
    else:
        return ""
    if text[pos : pos + 2] in _NOT_NAME:
        return ""
    given = 0
    while given < 2 and pos + surname + given < len(text):
        ch = text[pos + surname + given]
        if not ("\u4e00" <= ch <= "\u9fff") or ch in _NAME_STOP:
            break
        given += 1
    if given == 0:
        return ""
    return text[pos : pos + surname + given]


_TITLE_RE = re.compile("|".join(sorted(map(re.escape, _TITLES), key=len, reverse=True)))
# two persons named together: “裴明玖和张荣两位同志”, “王强、李伟等同志”
_PAIR = re.compile(
    f"([{SURNAMES}][\u4e00-\u9fff]{{1,2}})(?:和|、|与)([{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)"
    "(?:两位|二位|等)?同志"
)
_COMRADE = re.compile(
    f"((?:{'|'.join(_COMPOUND_SURNAMES)})[\u4e00-\u9fff]{{1,2}}|[{SURNAMES}][\u4e00-\u9fff]{{1,2}})同志"
)


def _persons(text: str, names: Names) -> None:
    for m in _TITLE_RE.finditer(text):
        pos = m.end()
        while pos < len(text) and text[pos] in " \t\u3000：:":  # a byline: 党总支书记　张振华
            pos += 1
        name = _person_after(text, pos)
        if name:
            names.add(name, "person")
    for m in _COMRADE.finditer(text):
        if m.group(1)[:2] not in _NOT_NAME:
            names.add(m.group(1), "person")
    for m in _PAIR.finditer(text):
        for name in m.groups():
            if name[:2] not in _NOT_NAME:
                names.add(name, "person")


# a place named after a preposition (“从涧田乡调至芙蓉镇”, “根据实际光明村已另行选址”), and the ones
# listed after it (“光明村、晓东村”)
_AFTER_PREP = re.compile(
    r"(?:从|在|至|到|位于|来到|调至|调到|驻|实际|推动|指导|帮助|帮扶|联系|包联|结对)"
    r"([\u4e00-\u9fff]{2})(村|镇|乡|社区|街道)(?![\u4e00-\u9fff]?(?:级|民|委|务|干部|集体|两委|党))"
)
_LISTED_PLACE = re.compile(r"、([\u4e00-\u9fff]{2})(村|镇|乡|社区)")
_GENERIC_PLACE_STEM = frozenset(
    [
        "示范",
        "先进",
        "重点",
        "贫困",
        "后进",
        "薄弱",
        "试点",
        "中心",
        "行政",
        "自然",
        "文明",
        "样板",
        "明星",
        "美丽",
        "城中",
        "空壳",
        "经济",
        "省级",
        "市级",
        "县级",
        "全国",
        "全省",
        "全市",
        "全县",
        "全区",
        "全镇",
        "全乡",
        "各个",
        "有关",
        "相关",
        "所在",
        "所辖",
        "辖区",
        "脱贫",
        "搬迁",
        "移民",
        "城市",
        "老旧",
        "新型",
        "和谐",
        "幸福",
        "平安",
        "智慧",
        "绿色",
        "宜居",
        "农村",
        "乡村",
        "基层",
        "一线",
        "偏远",
        "边远",
        "山区",
        "库区",
        "本地",
        "当地",
        "外地",
        "家乡",
        "城乡",
        "这个",
        "那个",
        "各地",
        "周边",
        "附近",
        "重要",
        "软弱",
        "涣散",
        "集体",
        "特色",
        "传统",
        "历史",
        "红色",
        "乡镇",
        "街道",
        "社区",
    ]
)


def _villages(title: str, text: str, names: Names) -> None:
    m = _TITLE_UNIT.match(title)
    if m and not _TITLE_NOT_NAME.match(m.group(1)):
        names.add(m.group(1) + m.group(2), "village")
        if len(m.group(1)) >= 3:
            names.add(m.group(1), "village")
    _place_char_names(text, names)
    for m in _AFTER_PREP.finditer(text):
        if m.group(1) not in _GENERIC_PLACE_STEM and not any(ch in _NAME_STOP for ch in m.group(1)):
            names.add(m.group(1) + m.group(2), "village")
    _related_places(text, names)


def _place_char_names(text: str, names: Names) -> None:
    """杨柳湾村, 石桥村: a name ending in a place-name character, then 村 or 社区."""
    for m in _PLACE_NAME.finditer(text):
        stem = re.split(f"[{_LEADING}]", m.group(1))[-1]  # 年初到河湾村 → 河湾
        if len(stem) < 2:
            continue
        if (
            stem in _GENERIC_PLACE
            or stem[-2:] in _GENERIC_PLACE
            or any((stem + m.group(2)).endswith(known) for known in names.found)
        ):
            continue
        names.add(stem + m.group(2), "village")
        if len(stem) >= 3:
            names.add(stem, "village")


def _related_places(text: str, names: Names) -> None:
    """A known place's name with another suffix (芙蓉镇 → 芙蓉村), and places listed after a known one."""
    known = {n for n, kind in names.found.items() if kind == "village"}
    for stem in {re.sub("(?:村|镇|乡|社区|街道)$", "", k) for k in known}:
        if len(stem) < 2:
            continue
        for m in re.finditer(re.escape(stem) + "(村|镇|乡|社区|街道)", text):
            names.add(m.group(0), "village")
            known.add(m.group(0))
    for m in _LISTED_PLACE.finditer(text):
        before = text[max(0, m.start() - 6) : m.start()]
        if any(before.endswith(k) for k in known) and m.group(1) not in _GENERIC_PLACE_STEM:
            names.add(m.group(1) + m.group(2), "village")
            known.add(m.group(1) + m.group(2))


_TITLE_COMPANY = re.compile(
    r"^([\u4e00-\u9fff]{2,10}?)(集团有限公司|有限责任公司|股份有限公司|有限公司|集团|公司)"
    r"(?=党|纪|工会|团委|\d|二|抓|总|述|年|$)"
)
_LEGAL = ("有限", "股份", "责任", "控股")


def _title_company(title: str, names: Names) -> None:
    """The company a report is about, named at the start of its title (恒源集团党委书记述职报告)."""
    m = _TITLE_COMPANY.match(title)
    if not m or _TITLE_NOT_NAME.match(m.group(1)):
        return
    stem = m.group(1)
    while True:  # 恒源建设 → 恒源; 燃气 → '' (a trade, not a name)
        cut = next((w for w in (*_TRADES, *_LEGAL) if stem.endswith(w)), "")
        if not cut:
            break
        stem = stem[: -len(cut)]
    if len(stem) >= 2 and stem not in _GENERIC_STEM:
        names.add(m.group(1) + m.group(2), "company")
        names.add(stem, "company")


_COUNTED_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2})等\d+家")
_INSTITUTIONS = frozenset(
    [
        "学校",
        "医院",
        "企业",
        "单位",
        "机关",
        "部门",
        "社区",
        "银行",
        "工厂",
        "协会",
        "商会",
        "律所",
        "高校",
        "院校",
        "中学",
        "小学",
        "幼儿",
        "街道",
        "乡镇",
        "村居",
        "国企",
        "民企",
        "外企",
        "平台",
        "党员",
        "干部",
        "群众",
        "支部",
        "组织",
    ]
)


_TRADE_ALT = "|".join(sorted(_TRADES, key=len, reverse=True))
_SUFFIX_RE = re.compile("|".join(_COMPANY_SUFFIX))
_BEFORE_SUFFIX = re.compile(f"([\u4e00-\u9fff]{{2}})((?:{_TRADE_ALT}){{0,3}})$")
_ONE_TRADE_NAME = f"[\u4e00-\u9fff]{{2}}(?:{_TRADE_ALT})"
_SUBSIDIARIES = re.compile(f"((?:{_ONE_TRADE_NAME}、)*{_ONE_TRADE_NAME})等(?:子|下属|所属)?(?:企业|公司)")


def _name_like(stem: str) -> bool:
    return stem not in _GENERIC_STEM and stem not in _TRADES and not any(ch in _NAME_STOP for ch in stem)


def _companies(text: str, names: Names) -> None:
    for suffix in _SUFFIX_RE.finditer(text):  # 恒丰农业开发有限公司: look back from the suffix
        m = _BEFORE_SUFFIX.search(text, max(0, suffix.start() - 14), suffix.start())
        if m is None:
            continue
        stem, trade, end = m.group(1), m.group(2), suffix.group(0)
        if not _name_like(stem) or (end in ("公司", "集团") and not trade):
            continue
        names.add(stem + trade + end, "company")
        if trade:
            names.add(stem + trade, "company")
    for m in _COUNTED_LIST.finditer(text):  # 恒源、水务、交运等6家: short names of companies
        for name in m.group(1).split("、"):
            if _name_like(name) and name not in _INSTITUTIONS:
                names.add(name, "company")
    for m in _SUBSIDIARIES.finditer(text):  # 华兴置业、远航物流等子企业
        for name in m.group(1).split("、"):
            if _name_like(name[:2]):
                names.add(name, "company")


def find_names(title: str, text: str) -> Names:
    """The persons, villages or communities and companies named in a report (title and body)."""
    names = Names()
    whole = f"{title}\n{text}"
    _persons(whole, names)
    _villages(title, whole, names)
    _title_company(title, names)
    _companies(whole, names)
    return names
