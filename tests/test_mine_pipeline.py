"""`drafter mine` end to end: the command, the raw output in mined/, sources, ids and the report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from drafter.cli import cli
from drafter.cli.mine import mine_command
from drafter.errors import DrafterError
from drafter.mine.classify import ROLES
from drafter.mine.clean import clean
from drafter.mine.pipeline import PREFIX, expand_paths, mine, output_files, read_seed

ROOT = Path(__file__).resolve().parent.parent
MINED = ROOT / "mined"
SEED_NAMES = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
_SLOT = re.compile(r"\{\{ (\S+) \}\}")


def restore(text: str, slots: dict[str, dict[str, str]]) -> str:
    return _SLOT.sub(lambda m: str(slots[m.group(1)]["original"]), text)


def run_mine(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["mine", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def role_files(folder: Path) -> dict[str, dict[str, Any]]:
    return {role: yaml.safe_load((folder / f"{role}.yaml").read_text(encoding="utf-8")) for role in ROLES}


def test_rerunning_the_miner_reproduces_the_committed_output(at_root: None, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    result = run_mine(*(f"seeds/{n}" for n in SEED_NAMES), "-o", out)
    assert result.exit_code == 0, result.output
    committed = sorted(p.name for p in MINED.iterdir())
    assert (
        sorted(p.name for p in out.iterdir())
        == committed
        == sorted([f"{r}.yaml" for r in ROLES] + ["REPORT.txt"])
    )
    for name in committed:
        assert (out / name).read_bytes() == (MINED / name).read_bytes(), name


def test_report_flag_prints_the_report_and_it_is_saved(at_root: None, tmp_path: Path) -> None:
    result = run_mine("seeds", "-o", tmp_path / "out", "--report")
    assert result.exit_code == 0
    report = (tmp_path / "out" / "REPORT.txt").read_text(encoding="utf-8")
    assert report in result.output
    for name in SEED_NAMES:
        assert f"seeds/{name}" in report
    for role in ROLES:
        assert f"\n{role}：小标题" in report
    assert "已提取 5 份材料" in result.output


def test_every_fragment_points_at_its_source_line(at_root: None) -> None:
    files = role_files(MINED)
    cleaned = {
        f"seeds/{n}": {ln.no: ln.text for ln in clean(read_seed(ROOT / "seeds" / n)).lines}
        for n in SEED_NAMES
    }
    checked = 0
    for role, data in files.items():
        assert data["role"] == role
        for frag in data["fragments"] + data["unit_specific"]:
            slots = frag["slots"]
            written = frag["lead"] + frag["text"] + "".join(frag.get("specific_sentences", []))
            assert set(_SLOT.findall(written)) <= set(slots)
            lead = restore(frag["lead"], slots)
            near = []
            for source in frag["sources"]:
                path, line = source.rsplit(":", 1)
                assert int(line) in cleaned[path]  # every source is a kept line of its seed
                # the lead is an item's lead on that line, or the heading just above a paragraph
                near.append(cleaned[path].get(int(line) - 1, "") + cleaned[path][int(line)])
            if lead:  # merged fragments show one version: its lead is near one of the sources
                assert any(lead in text for text in near), (frag["sources"], lead)
                checked += 1
    assert checked >= 60


def test_ids_confidence_and_unit_specific_flags() -> None:
    ids: list[str] = []
    for role, data in role_files(MINED).items():
        prefix = PREFIX[role]
        for frag in data["fragments"] + data["unit_specific"]:
            assert re.fullmatch(rf"m-{prefix}-[0-9a-f]{{8}}(-\d+)?", frag["id"])
            assert 0.0 < frag["confidence"] <= 1.0
            assert frag["text"]
            ids.append(frag["id"])
        assert all(not f["unit_specific"] for f in data["fragments"])
        assert all(f["unit_specific"] for f in data["unit_specific"])
    assert len(ids) == len(set(ids))


def test_gdp_figures_and_named_projects_stay_out_of_the_reusable_set() -> None:
    data = role_files(MINED)
    reusable = " ".join(f["lead"] + f["text"] for d in data.values() for f in d["fragments"])
    assert "地区生产总值" not in reusable
    assert "碧道" not in reusable
    aside = " ".join(
        s
        for d in data.values()
        for f in d["fragments"] + d["unit_specific"]
        for s in f.get("specific_sentences", [f["text"]] if f["unit_specific"] else [])
    )
    assert "地区生产总值" in aside and "碧道" in aside


def test_shared_paragraphs_of_seeds_000_and_002_are_merged_with_both_sources() -> None:
    data = role_files(MINED)
    merged = [f for d in data.values() for f in d["fragments"] if len(f["sources"]) > 1]
    pairs = {tuple(s.split(":")[0][6:9] for s in f["sources"]) for f in merged}
    assert ("000", "002") in pairs
    clean_culture = next(f for f in data["党风廉政"]["fragments"] if f["lead"] == "开展清廉文化建设三年行动")
    assert clean_culture["sources"] == [
        "seeds/000_4c7955c042904a00.txt:8",
        "seeds/002_f507f32534401310.txt:6",
    ]


def test_refuses_a_foreign_non_empty_folder_unless_forced(at_root: None, tmp_path: Path) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / "我的笔记.docx").write_bytes(b"x")
    result = CliRunner().invoke(cli, ["mine", "seeds", "-o", str(out)])
    assert result.exit_code == 2
    assert "输出文件夹不是空的" in result.output and "--force" in result.output
    assert not (out / "思想建设.yaml").exists()
    forced = run_mine("seeds", "-o", out, "--force")
    assert forced.exit_code == 0
    assert (out / "思想建设.yaml").exists() and (out / "我的笔记.docx").exists()


def test_a_previous_output_folder_is_overwritten_without_force(at_root: None, tmp_path: Path) -> None:
    out = tmp_path / "mined"
    assert run_mine("seeds/000_4c7955c042904a00.txt", "-o", out).exit_code == 0
    first = (out / "REPORT.txt").read_text(encoding="utf-8")
    assert run_mine("seeds", "-o", out).exit_code == 0
    assert (out / "REPORT.txt").read_text(encoding="utf-8") != first


def test_missing_input_is_a_chinese_error(at_root: None, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["mine", "seeds/没有这个文件.txt", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "找不到要提取的材料文件" in result.output
    none = CliRunner().invoke(cli, ["mine", "-o", str(tmp_path / "o")])
    assert none.exit_code == 2 and "没有给出要提取的材料文件" in none.output
    nomatch = CliRunner().invoke(mine_command, ["nothing/*.txt", "-o", str(tmp_path / "o")])
    assert isinstance(nomatch.exception, DrafterError)


def test_wildcards_folders_and_duplicates_expand_in_sorted_order(at_root: None) -> None:
    got = expand_paths(["seeds/00[12]*.txt", "seeds", "seeds/001_e4ab13fd1b405e5f.txt"])
    assert [p.name for p in got] == SEED_NAMES


def test_gb18030_input_and_progress_callback(tmp_path: Path) -> None:
    text = "某局2023年党建工作总结\n2023年，在区委的坚强领导下，我局认真履职，现将情况报告如下：\n一、加强思想建设\n一是抓学习。全年学习12次。二是抓宣讲。开展宣讲5场。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gb18030"))
    calls: list[tuple[int, int, str]] = []
    result = mine([path], progress=lambda done, total, label: calls.append((done, total, label)))
    assert calls == [(1, 1, calls[0][2])] and calls[0][2].endswith("gbk.txt")
    leads = [f.lead for f in result.roles["思想建设"].fragments]
    assert leads == ["抓学习", "抓宣讲"]
    assert result.roles["思想建设"].fragments[0].text == "全年学习{{ 次数1 }}次。"
    assert result.roles["开头"].fragments[0].slots["单位自称1"].original == "我局"


def test_output_is_independent_of_argument_order(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert output_files(mine(seeds)) == output_files(mine(list(reversed(seeds))))


def test_a_curated_library_is_refused_and_forced_writes_keep_backups(at_root: None, tmp_path: Path) -> None:
    library = tmp_path / "我的片段库"
    library.mkdir()
    curated = {p.name: p.read_bytes() for p in (ROOT / "fragments").glob("*.yaml")}
    for name, data in curated.items():
        (library / name).write_bytes(data)
    refused = run_mine("seeds/000_4c7955c042904a00.txt", "-o", library)
    assert refused.exit_code == 2 and "片段库" in refused.output and "--force" in refused.output
    assert {p.name: p.read_bytes() for p in library.glob("*.yaml")} == curated
    forced = run_mine("seeds/000_4c7955c042904a00.txt", "-o", library, "--force")
    assert forced.exit_code == 0, forced.output
    for name, data in curated.items():
        assert (library / name.replace(".yaml", ".bak.yaml")).read_bytes() == data
        assert (library / name).read_text(encoding="utf-8").startswith("# drafter mine 的原始输出")
    again = run_mine("seeds/000_4c7955c042904a00.txt", "-o", library)  # now an earlier mine output
    assert again.exit_code == 0
    assert not list(library.glob("*.bak2.yaml"))
    assert not [p for p in library.iterdir() if p.name.startswith(".~drafter-")]
