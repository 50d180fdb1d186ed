"""Site noise: what material and download sites paste into a report, in one place for mine and lint.

Owns the patterns of every shape of noise seen in report texts copied from the web, and two ways of
using them:

* :func:`noise_line` — the kind of noise a whole line is (an advertisement, a paywall or hidden-text
  notice, site furniture such as 资源描述/下载/上一篇, a bare address, a page marker such as a lone
  “2、” or “第2页 共4页”, a table-of-contents entry with leader dots), or ``None`` for a report line;
* :func:`strip_inline` — the line with the noise that sits *inside* report text taken out
  (##paidbegin## markers, word counters “（全文共3200字）”, “此处隐藏1509个字”, “省略680字，正式会员可完整阅读”,
  pinyin annotations inside a word “发(fā)展”, web addresses), with a count per kind.

:func:`find_noise` lists every hit with its position, for a checker that reports instead of cleaning
(``drafter lint``).  Kinds are the keys of :data:`KINDS`, whose values are the Chinese names a user sees.
Nothing here reads files or prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

KINDS: dict[str, str] = {
    "marker": "付费阅读标记",
    "paywall": "付费或隐藏正文提示",
    "counter": "字数标注",
    "ad": "素材网站广告",
    "furniture": "网站栏目文字",
    "url": "网址",
    "page": "页码标记",
    "toc": "目录条目",
    "pinyin": "拼音注音",
}

_CJK = "\u4e00-\u9fff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

PAID_MARKER = re.compile(r"#{1,3}\s*paid\s*(?:begin|end)\s*#{1,3}", re.IGNORECASE)
# “此处隐藏1509个字”, “省略680字，正式会员可完整阅读”, “试读结束，购买后可阅读全文”, “……（未完，登录后查看全文）”
PAYWALL = re.compile(
    r"[（(【\[]?(?:此处|以下)?(?:隐藏|省略|略去)了?\s*\d+\s*(?:个)?字[）)】\]]?"
    r"(?:[，,。.\s]*(?:(?:开通|成为|注册|正式|付费|VIP|vip|会员)[^。\n]{0,16}?(?:阅读|查看|下载)(?:全文|完整版?|完整内容)?))?"
    r"|(?:正式|付费|VIP|vip|高级|付费)会员(?:可|才能|方可)?(?:完整)?(?:阅读|查看|下载)(?:全文|完整版?|完整内容)?"
    r"|试读(?:已)?结束[^。\n]{0,20}|(?:登录|购买|付费)后(?:可|才能)?(?:阅读|查看|下载)(?:全文|完整版?)"
    r"|[（(]未完[^）)]{0,12}[）)]|未完待续"
)
COUNTER = re.compile(r"[（(]\s*(?:全文|本文)?共?\s*\d+\s*字\s*[）)]")
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", re.IGNORECASE)
# a pinyin syllable group in brackets right after a Chinese character: 发(fā)展, 贯彻(guàn chè)
PINYIN = re.compile(f"(?<=[{_CJK}])[（(]\\s*[a-z{_TONED}]+(?:\\s+[a-z{_TONED}]+)*\\s*[）)]")
_HAS_TONE = re.compile(f"[{_TONED}]")

_AD_STRONG = re.compile(
    r"【[^】]{0,20}(?:公众号|素材库|资料库|代笔|范文|会员)[^】]{0,20}】|素材库|代笔|svip|谨防假冒|添加客服|会员群|网盘群|"
    r"有意加入请联系|唯一平台|关注公众号|扫码(?:关注|加入|下载|添加)|转载请注明|范文网|更多(?:精彩|范文)|"
    r"由[^。，,]{1,12}(?:网|站|之家)(?:整理|收集|编辑|发布)|希望(?:能够|可以)?(?:帮助到|对(?:你|您|大家)有所帮助)|"
    r"精选\d+篇|(?:供你|供您|以供)(?:参考|借鉴)|欢迎(?:光临|访问|来到)",
    re.IGNORECASE,
)
_AD_WEAK = re.compile(
    r"会员|公众号[:：]|客服|一键|更新材料|资料库|加微信|微信号|原创|接单|下载|版权|本站|预览|文档"
)
# whole lines of a site's page around the text
FURNITURE = re.compile(
    r"^(?:资源描述|文档描述|内容摘要|导语|摘要|温馨提示|当前位置|您的位置|你的位置|(?:网站)?客服(?:电话|QQ|qq|微信)?|文章来源|来源|出处|作者|发布时间|发布日期|浏览次数|阅读次数|文档页数|页数|格式|大小|"
    r"下载(?:次数|积分|地址|文档|本文|全文|word版?|Word版?|WORD版?)?|点击下载[^。]{0,20}|立即下载|免费下载|"
    r"上一篇|下一篇|上一页|下一页|相关推荐|相关文章|相关阅读|猜你喜欢|热门推荐|推荐阅读|返回(?:首页|顶部|列表)?|"
    r"收藏|举报|分享(?:到)?|点赞|打印(?:本页)?|关闭(?:窗口)?|阅读全文[^。]{0,30}|展开全文|查看全文|"
    r"阅读\s*[（(]?\d+[）)]?|\d+\s*(?:人|次)(?:阅读|浏览|下载))"
    r"(?:\s*[：:].*|(?:\s+(?:收藏|举报|分享|点赞|打印|阅读\s*[（(]?\d+[）)]?|\d+\s*(?:人|次)(?:阅读|浏览|下载)))*)$"
)
# a date and time stamp of a web page: “时间:2022-05-14 09:10:00”, “2023-01-05 10:20”
STAMP = re.compile(
    r"^(?:(?:发布|更新|上传)?(?:时间|日期)\s*[：:]\s*)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s+.{0,20})?$"
)
# the separator of a compilation of sample texts: “驻村书记述职报告 篇1”, “范文二”
COMPILATION = re.compile(
    r"^.{0,40}?(?:\s|^)(?:篇|范文)\s*[\d一二三四五六七八九十]{1,3}$"
    r"|^第[\d一二三四五六七八九十]{1,3}篇(?:[\s\u3000].{0,40})?$"
    r"|^.{2,40}[（(](?:精选)?[\d一二三四五六七八九十]{1,3}篇[）)]$"
)
# “1、” alone, “- 2 -”, “第2页 共4页”, “2/5”, a pager “1、 2、 3、 下一页”
PAGE = re.compile(
    r"^(?:\d{1,3}\s*[、.．]?|[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}|共\s*\d{1,3}\s*页"
    r"|(?:(?:首页|上一页)\s*)*\d{1,2}(?:(?:\s*[、.．]\s*|\s+)\d{1,2})+\s*[、.．]?(?:\s*(?:下一页|尾页|末页))*)$"
)
# a table-of-contents entry: heading text, leader dots (or spaces), page number
TOC_ENTRY = re.compile(r"(?:[.．·…⋯_\-—]{3,}|\s{3,})\s*\d{1,3}\s*$")
TOC_HEAD = re.compile(r"^目\s*录[：:]?$|^(?:内容)?目次$")


@dataclass(frozen=True)
class Hit:
    """One piece of noise in a text: its kind, where it is and what it says."""

    kind: str
    start: int
    end: int
    text: str


def is_ad(line: str) -> bool:
    """True for a material site's advertisement line (公众号, 素材库, 代笔, 会员…): one strong cue, or two
    different weak ones, so that a report line mentioning 工会会员 or a unit's 公众号 is kept."""
    if _AD_STRONG.search(line):
        return True
    return len(set(_AD_WEAK.findall(line))) >= 2


def noise_line(line: str) -> str | None:
    """The kind of noise the whole (stripped) line is, or ``None`` when it is report text."""
    text = line.strip()
    if not text:
        return None
    if PAGE.match(text):
        return "page"
    if TOC_HEAD.match(text) or (TOC_ENTRY.search(text) and len(text) <= 60):
        return "toc"
    if (
        FURNITURE.match(text)
        or COMPILATION.match(text)
        or (STAMP.match(text) and (":" in text or "-" in text or "：" in text))
    ):
        return "furniture"
    rest = URL.sub("", text)
    if rest != text and len(re.findall(f"[{_CJK}]", rest)) <= 12:
        return "url"
    if is_ad(text):
        return "ad"
    if PAYWALL.search(text) and len(PAYWALL.sub("", text).strip(" ，,。.…")) <= 4:
        return "paywall"
    return None


def _pinyin_hits(text: str) -> Iterator[Hit]:
    for m in PINYIN.finditer(text):
        if _HAS_TONE.search(m.group(0)):  # 发(fa) is too ambiguous; toned syllables are not
            yield Hit("pinyin", m.start(), m.end(), m.group(0))


def find_noise(text: str) -> list[Hit]:
    """Every piece of noise inside ``text`` (a line or a paragraph), in order of position."""
    hits: list[Hit] = [Hit("marker", m.start(), m.end(), m.group(0)) for m in PAID_MARKER.finditer(text)]
    hits += [
        Hit("paywall", m.start(), m.end(), m.group(0)) for m in PAYWALL.finditer(text) if m.group(0).strip()
    ]
    hits += [Hit("counter", m.start(), m.end(), m.group(0)) for m in COUNTER.finditer(text)]
    hits += [Hit("url", m.start(), m.end(), m.group(0)) for m in URL.finditer(text)]
    hits += list(_pinyin_hits(text))
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    for hit in hits:  # drop hits inside an earlier, longer one
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


def strip_inline(text: str) -> tuple[str, dict[str, int]]:
    """``text`` with the noise inside it removed, and how many pieces of each kind were removed."""
    counts: dict[str, int] = {}
    pieces: list[str] = []
    pos = 0
    for hit in find_noise(text):
        pieces.append(text[pos : hit.start])
        pos = hit.end
        counts[hit.kind] = counts.get(hit.kind, 0) + 1
    pieces.append(text[pos:])
    out = "".join(pieces)
    if "url" in counts:  # “来源：” left behind by an address
        out = re.sub(r"(?:来源|出处|原文|网址|链接|访问)[：:]?\s*$", "", out)
    return out, counts
