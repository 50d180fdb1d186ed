"""One blind-review folder (issue 12): ``python bench/review/build.py ROUND {a|b} --real DIR [--out OUT]``.

This script owns the building of a round's folder for a blind reviewer (``bench/REVIEW.md``), nothing else:

* the two sets of five samples, the invented place names (:data:`PLACES`, ten per round by
  ``random.Random(ROUND)``, one per sample of both sets) and how each sample's facts are disguised as a unit
  in its place (:data:`DISGUISES`: the unit's names, the secretary's name);
* ``OUT/B/报告1.txt … 报告5.txt``: the five drafts rendered from the disguised facts, as plain text, shuffled;
* ``OUT/A/片段01.txt … 片段10.txt``: five real openings (picked from ``--real DIR`` by the round) and five
  draft openings of about their length, both normalised the same way (:func:`normalise`), shuffled;
* ``OUT/../keyROUND.json`` (which file is which) and ``OUT/../promptROUND.md`` (``prompt.md`` beside this
  file with ``{folder}`` filled in).

OUT defaults to ``/tmp/review/roundROUND``.  Nothing is written into the repository (the disguised facts go
to a temporary folder that is removed), and the key is not printed: only file paths and counts are.
Set A's draft openings come from the other set's five samples (``--openings other``, the default), so an
opening cannot be matched to a whole report of the same folder (what rounds 40 on did; see REVIEW.md
"Limits"); ``--openings same`` takes them from Set B's.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True  # importing drafter must not leave new files in the repository
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from drafter.errors import DrafterError  # noqa: E402
from drafter.service import produce  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLES_DIR = ROOT / "samples"
PROMPT = HERE / "prompt.md"
FOLDER_SLOT = "{folder}"

SETS: dict[str, tuple[str, ...]] = {
    "a": ("县一中党委书记", "市发改委党组书记", "集团公司党委书记", "某社区党委书记", "机关党支部书记"),
    "b": ("街道党工委书记", "某医院党委书记", "某村党支部书记", "某大学学院党委书记", "某科技公司党支部"),
}
ALL_SAMPLES: tuple[str, ...] = SETS["a"] + SETS["b"]  # the order places and names are dealt in

# Invented two-character place names: none is a county, city or district name (they need only look plausible).
PLACES: tuple[str, ...] = (
    "青澜", "栗源", "棠川", "桐岭", "杉原", "梧岗", "柏川", "荻洲", "槐陵", "蕉源", "芦湾", "桂岑",
    "汀阳", "渚阳", "蓼滨", "楸林", "檀泽", "茗溪", "榆滨", "苍岚", "苇塘", "枫坪", "菁浦", "鹤台",
)  # fmt: skip
# Lower-level names a unit needs besides its place (a community's street, a village's town, a company's brand).
STREETS: tuple[str, ...] = ("东关", "城北", "西门", "河滨", "新华路", "北塔")  # not 城南: the 街道 sample's
TOWNS: tuple[str, ...] = ("新集", "河口", "三溪", "白石", "东岗", "石门")
VILLAGES: tuple[str, ...] = ("柳湾", "王家庄", "双河", "杨树岭", "上河", "马家坪", "前营", "石桥")
BRANDS: tuple[str, ...] = ("云帆", "启衡", "智联", "数澜", "博研", "星禾")
# Invented secretaries' names: surnames and given names none of the samples' own names use.
SURNAMES: tuple[str, ...] = tuple("张杨何罗郭马胡林梁宋谢韩唐许")
GIVEN_NAMES: tuple[str, ...] = (
    "建军", "志强", "秀兰", "海燕", "卫东", "丽华", "春梅", "国平", "文斌", "晓东", "玉珍", "德明", "红英", "振宇",
)  # fmt: skip

OPENING_MIN, OPENING_MAX = 350, 550  # characters of an opening, newlines not counted
PLACEHOLDER = "某"


@dataclass(frozen=True)
class Names:
    """What one sample is disguised with in a round."""

    place: str
    person: str
    street: str
    town: str
    village: str
    brand: str


# sample stem → its facts' own names (longest matched first, all at once) → what they become
DISGUISES: dict[str, Callable[[Names], dict[str, str]]] = {
    "县一中党委书记": lambda n: {"某县第一中学": f"{n.place}县第一中学"},
    "市发改委党组书记": lambda n: {"某市发展和改革委员会": f"{n.place}市发展和改革委员会"},
    "集团公司党委书记": lambda n: {"某市水务集团有限公司": f"{n.place}市水务集团有限公司"},
    "某社区党委书记": lambda n: {
        "某区某某街道幸福社区": f"{n.street}街道{n.place}社区",
        "幸福社区": f"{n.place}社区",
    },
    "机关党支部书记": lambda n: {"某市财政局办公室": f"{n.place}市财政局办公室"},
    "街道党工委书记": lambda n: {"某区某某街道": f"{n.place}区城南街道", "某某街道": "城南街道"},
    "某医院党委书记": lambda n: {"某县人民医院": f"{n.place}县人民医院"},
    "某村党支部书记": lambda n: {
        "某县某镇某某村": f"{n.place}县{n.town}镇{n.village}村",
        "某某村": f"{n.village}村",
    },
    "某大学学院党委书记": lambda n: {"某大学机械工程学院": f"{n.place}大学机械工程学院"},
    "某科技公司党支部": lambda n: {
        "某某科技有限公司": f"{n.place}{n.brand}科技有限公司",
        "某某科技": f"{n.brand}科技",
    },
}


@dataclass(frozen=True)
class Line:
    """One block of a rendered draft as plain text: its kind (title, byline, heading, para, sign) and text."""

    kind: str
    text: str


@dataclass
class Rendered:
    """A sample rendered under its disguise."""

    stem: str
    names: Names
    unit: str
    lines: list[Line]
    leaks: list[str]


@dataclass(frozen=True)
class Real:
    """A real report's opening from ``--real DIR`` (NN.txt: URL, type / year / kind, blank line, text)."""

    file: str
    url: str
    about: str
    text: str

    @property
    def unit_type(self) -> str:
        return re.sub(r"[（(].*", "", self.about.split("/")[0]).strip()


def rng(round_no: int, *purpose: str) -> random.Random:
    """The round's random draw for one purpose (the same round always builds the same folder)."""
    return random.Random("/".join((str(round_no), *purpose)))


def deal_names(round_no: int) -> dict[str, Names]:
    """Every sample's disguise in this round: its own place (``random.Random(ROUND).sample(PLACES, 10)``, in
    :data:`ALL_SAMPLES` order) and its own invented secretary."""
    places = random.Random(round_no).sample(PLACES, len(ALL_SAMPLES))
    draw = rng(round_no, "names")
    people = [
        s + g
        for s, g in zip(
            draw.sample(SURNAMES, len(ALL_SAMPLES)), draw.sample(GIVEN_NAMES, len(ALL_SAMPLES)), strict=True
        )
    ]
    street, town, village, brand = (draw.choice(x) for x in (STREETS, TOWNS, VILLAGES, BRANDS))
    return {
        stem: Names(place, person, street, town, village, brand)
        for stem, place, person in zip(ALL_SAMPLES, places, people, strict=True)
    }


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def disguise(stem: str, names: Names) -> tuple[str, str, list[str]]:
    """The sample's facts text with its own names replaced everywhere; its new unit name; and the words that
    must not be left in what is rendered from it (the placeholder, the old names, the old secretary's name)."""
    text = (SAMPLES_DIR / f"{stem}.yaml").read_text(encoding="utf-8")
    old = yaml.safe_load(text)
    mapping = DISGUISES[stem](names)
    person = str((old.get("述职人") or {}).get("姓名") or "")
    if person:
        mapping[person] = names.person
    pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
    text = pattern.sub(lambda m: mapping[m.group(0)], text)
    new = yaml.safe_load(text)
    unit = str(new["单位"]["全称"])
    gone = [PLACEHOLDER, *(w for w in mapping if PLACEHOLDER not in w)]
    left = sorted({w for s in _strings(new) for w in gone if w in s})
    if left or unit == old["单位"]["全称"]:
        raise SystemExit(f"{stem}: the disguise leaves {'、'.join(left) or '单位.全称'} in the facts")
    return text, unit, gone


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARAGRAPH_TAG = re.compile(r'^<p align="(center|right)">(.*)</p>$')
_HEADING = re.compile(r"^(#{1,6}) +")
_MARKUP = re.compile(r"\\(.)|\*\*")  # an escaped character, or bold (placeholders)
_TAG = re.compile(r"<[^>]+>")


def plain_lines(markdown: str) -> list[Line]:
    """The draft's Markdown as plain blocks: no #, bold, escapes, HTML or the hidden facts comment."""
    lines: list[Line] = []
    for raw in _COMMENT.sub("", markdown).splitlines():
        text = raw.strip()
        if not text:
            continue
        kind = "para"
        if m := _PARAGRAPH_TAG.match(text):
            kind, text = ("byline" if m.group(1) == "center" else "sign"), m.group(2)
        elif m := _HEADING.match(text):
            kind, text = ("title" if len(m.group(1)) == 1 else "heading"), text[m.end() :]
        text = _TAG.sub("", _MARKUP.sub(lambda x: x.group(1) or "", text)).strip()
        if text:
            lines.append(Line(kind, text))
    return lines


def render(stem: str, names: Names, tmp: Path) -> Rendered:
    """Render the disguised facts of ``stem`` as Markdown (drafter's default seed for the new unit name)."""
    text, unit, gone = disguise(stem, names)
    facts = tmp / stem / "facts.yaml"
    facts.parent.mkdir()
    facts.write_text(text, encoding="utf-8")
    try:
        markdown = produce(facts, fmt="md").data.decode("utf-8")
    except DrafterError as exc:
        print(exc.format(), file=sys.stderr)
        raise SystemExit(2) from exc
    lines = plain_lines(markdown)
    body = "\n".join(x.text for x in lines)
    leaks = [f"{w}: …{body[max(0, i - 12) : i + 12]}…" for w in gone for i in _finds(body, w)]
    return Rendered(stem, names, unit, lines, leaks)


def _finds(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


_FULL_WIDTH_ALNUM = {
    c: c - 0xFEE0
    for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for c in range(r[0], r[1] + 1)
}
_PUNCTUATION = str.maketrans({";": "；", "(": "（", ")": "）", "?": "？", "!": "！", "％": "%"})


def _pair_quotes(line: str) -> str:
    """ASCII double quotes made “ and ” in turn."""
    parts = line.split('"')
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


def normalise(text: str) -> str:
    """Both kinds of opening the same way: half-width punctuation made full-width (not in numbers), ASCII
    quotes made “”, full-width digits and letters made ASCII, no tags, no spaces, one paragraph a line."""
    out: list[str] = []
    for raw in text.splitlines():
        s = _TAG.sub("", raw).translate(_FULL_WIDTH_ALNUM).translate(_PUNCTUATION)
        s = re.sub(r"(?<=\d),(?=\d{3})", "", s)  # 1,200 → 1200
        s = re.sub(r"(?<!\d),|,(?!\d)", "，", s).replace(",", "，")
        s = re.sub(r"(?<!\d):|:(?!\d)", "：", s)
        s = re.sub(r"(?<=\d)．(?=\d)", ".", s)
        s = _pair_quotes(s)
        s = re.sub(r"[ \t\u3000\u00a0]+", "", s)
        if s:
            out.append(s)
    return "\n".join(out)


_SENTENCE_END = re.compile(r"[。！？][”’」』）]*")


def flat_len(text: str) -> int:
    return len(text.replace("\n", ""))


def cut(text: str, target: int) -> str:
    """``text`` cut at the sentence end whose length (newlines not counted) is nearest ``target`` within
    :data:`OPENING_MIN`–:data:`OPENING_MAX`; else the last sentence end under the maximum."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    inside = [e for e in ends if OPENING_MIN <= flat_len(text[:e]) <= OPENING_MAX]
    if inside:
        return text[: min(inside, key=lambda e: abs(flat_len(text[:e]) - target))]
    under = [e for e in ends if flat_len(text[:e]) <= OPENING_MAX]
    return text[: under[-1] if under else (ends[0] if ends else len(text))]


def draft_opening(rendered: Rendered, target: int) -> str:
    """The draft's body from its start (no title, byline, signature or date) cut near ``target`` characters."""
    body = "\n".join(x.text for x in rendered.lines if x.kind in ("heading", "para"))
    return cut(normalise(body), max(OPENING_MIN, min(OPENING_MAX, target)))


def read_real(path: Path) -> Real:
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) < 4 or not lines[0].strip() or lines[2].strip():
        raise SystemExit(
            f"{path}: expected a URL line, a type / year / kind line, a blank line, then the text"
        )
    text = normalise("\n".join(lines[3:]))
    if flat_len(text) > OPENING_MAX:
        text = cut(text, OPENING_MAX)
    return Real(path.name, lines[0].strip(), lines[1].strip(), text)


def pick_real(folder: Path, round_no: int, set_name: str, count: int = 5) -> list[Real]:
    """``count`` real openings chosen by the round: different units (URLs) of different types where the folder
    has them, then different units, then any."""
    reals = [read_real(p) for p in sorted(folder.glob("[0-9][0-9].txt"))]
    if len(reals) < count:
        raise SystemExit(f"{folder}: needs at least {count} files NN.txt, has {len(reals)}")
    rng(round_no, set_name, "real").shuffle(reals)
    chosen: list[Real] = []
    for distinct_type in (True, False):
        for r in reals:
            new_unit = r not in chosen and r.url not in {c.url for c in chosen}
            new_type = not distinct_type or r.unit_type not in {c.unit_type for c in chosen}
            if len(chosen) < count and new_unit and new_type:
                chosen.append(r)
    chosen += [r for r in reals if r not in chosen][: count - len(chosen)]
    return chosen


def report_text(rendered: Rendered) -> str:
    return "\n\n".join(x.text for x in rendered.lines) + "\n"


def write_folder(out: Path, set_b: Sequence[Rendered], openings: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Write B/报告N.txt and A/片段NN.txt; the key of what each file is."""
    key: dict[str, Any] = {"A": {}, "B": {}}
    for sub in ("A", "B"):
        (out / sub).mkdir(parents=True)
    for i, r in enumerate(set_b, 1):
        name = f"报告{i}.txt"
        (out / "B" / name).write_text(report_text(r), encoding="utf-8")
        key["B"][name] = {"sample": r.stem, "place": r.names.place, "unit": r.unit, "person": r.names.person}
    for i, item in enumerate(openings, 1):
        name = f"片段{i:02d}.txt"
        (out / "A" / name).write_text(item["text"] + "\n", encoding="utf-8")
        key["A"][name] = {k: v for k, v in item.items() if k != "text"} | {"chars": flat_len(item["text"])}
    return key


def build(round_no: int, set_name: str, real_dir: Path, out: Path, openings_from: str) -> None:
    names = deal_names(round_no)
    other = "b" if set_name == "a" else "a"
    stems = SETS[set_name] + (SETS[other] if openings_from == "other" else ())
    with tempfile.TemporaryDirectory(prefix="review-facts-") as tmp:
        rendered = {stem: render(stem, names[stem], Path(tmp)) for stem in stems}
    for r in rendered.values():
        for leak in r.leaks:
            print(f"warning: the draft of {r.stem} still says {leak}", file=sys.stderr)

    set_b = [rendered[s] for s in SETS[set_name]]
    rng(round_no, set_name, "B").shuffle(set_b)

    reals = pick_real(real_dir, round_no, set_name)
    targets = [flat_len(r.text) for r in reals]
    rng(round_no, set_name, "lengths").shuffle(targets)
    source = SETS[other] if openings_from == "other" else SETS[set_name]
    items: list[dict[str, Any]] = [
        {"source": "real", "file": r.file, "url": r.url, "about": r.about, "text": r.text} for r in reals
    ]
    for stem, target in zip(source, targets, strict=True):
        r = rendered[stem]
        items.append(
            {
                "source": "draft",
                "sample": stem,
                "place": r.names.place,
                "unit": r.unit,
                "text": draft_opening(r, target),
            }
        )
    rng(round_no, set_name, "A").shuffle(items)

    key = write_folder(out, set_b, items)
    key = {"round": round_no, "set": set_name, "folder": str(out), "openings_from": openings_from} | key
    key_path = out.parent / f"key{round_no}.json"
    key_path.write_text(json.dumps(key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    prompt_path = out.parent / f"prompt{round_no}.md"
    prompt_path.write_text(
        PROMPT.read_text(encoding="utf-8").replace(FOLDER_SLOT, str(out)), encoding="utf-8"
    )

    lengths = sorted(flat_len(i["text"]) for i in items)
    print(f"round {round_no}, set {set_name}: {out}")
    print(f"  B: {len(set_b)} reports in {out / 'B'}")
    print(f"  A: {len(items)} openings in {out / 'A'} ({lengths[0]}–{lengths[-1]} characters)")
    print(f"  key: {key_path}")
    print(f"  prompt: {prompt_path}")
    if any(r.leaks for r in rendered.values()):
        print("  names left in the drafts: see the warnings above", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("round", type=int, metavar="ROUND")
    parser.add_argument("set", choices=sorted(SETS), help="a or b: which five samples make Set B")
    parser.add_argument("--real", type=Path, required=True, metavar="DIR", help="real openings, NN.txt")
    parser.add_argument("--out", type=Path, help="the folder to build (default /tmp/review/roundROUND)")
    parser.add_argument(
        "--openings",
        choices=("same", "other"),
        default="other",  # from round 40 on: an opening must not be the start of a report in the same folder
        help="Set A's draft openings from Set B's samples (same) or from the other set's (other)",
    )
    args = parser.parse_args(argv)
    out = (args.out or Path(f"/tmp/review/round{args.round}")).resolve()
    if out == ROOT or ROOT in out.parents:
        parser.error(f"{out} is inside the repository; build the folder elsewhere")
    if out.exists() and any(out.iterdir()):
        parser.error(f"{out} exists and is not empty; remove it or choose another --out")
    if not args.real.is_dir():
        parser.error(f"{args.real} is not a folder")
    build(args.round, args.set, args.real, out, args.openings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
