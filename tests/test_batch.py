"""``drafter batch``: every file drafted in parallel, bad files reported without stopping the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from drafter.batch import discover, plan_jobs, run
from drafter.errors import DrafterError

# the sample with its one open finding closed and its results saying what Party members did: a draft without
# 【待补充】 counts as 成功 (not 有警告)
SAMPLE = (
    (ROOT / "samples" / "市发改委党组书记.yaml")
    .read_text(encoding="utf-8")
    .replace("整改中", "已整改")
    .replace("牵头编制年度重大项目计划", "党员骨干牵头编制年度重大项目计划")
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "各支部"
    (src / "机关").mkdir(parents=True)
    for i in range(5):
        (src / f"支部{i}.yaml").write_text(
            SAMPLE.replace("某市发展和改革委员会", f"某市第{i}局"), encoding="utf-8"
        )
    (src / "机关" / "复制.yaml").write_text(
        SAMPLE.replace("某市发展和改革委员会", "某市第0局"), encoding="utf-8"
    )
    (src / "坏的.yaml").write_text("年度: [\n", encoding="utf-8")
    (src / "说明.txt").write_text("不是事实文件", encoding="utf-8")
    return src


def test_batch_drafts_every_file_in_parallel_and_reports_failures(folder: Path, tmp_path: Path, run) -> None:
    out = tmp_path / "输出"
    result = run("batch", folder, "-o", out, "-j", "2", "--format", "md")
    assert result.exit_code == 2  # one file failed, the rest were written
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == ["支部0.md", "支部1.md", "支部2.md", "支部3.md", "支部4.md", "机关/复制.md"]
    assert "坏的.yaml" in result.output and "YAML 语法错误" in result.output
    assert "成功 6" in result.output and "失败 1" in result.output
    # the copy of 支部0 is flagged as sharing more than 60% with it
    assert "支部0.yaml ~ 机关/复制.yaml：100%" in result.output


def test_existing_outputs_fail_alone_without_force(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "输出"
    out.mkdir()
    (out / "支部1.docx").write_bytes(b"my edits")
    jobs = plan_jobs(folder, out, "docx")
    result = run(jobs, workers=2)
    by_name = {r.source.name: r for r in result.results}
    assert by_name["支部1.yaml"].status == "failed" and "文件已存在" in by_name["支部1.yaml"].message
    assert (out / "支部1.docx").read_bytes() == b"my edits"
    assert by_name["支部2.yaml"].status == "ok" and (out / "支部2.docx").stat().st_size > 1000
    assert [r.source for r in result.results] == [j.source for j in jobs]  # input order kept


def test_sequential_and_parallel_give_the_same_files(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "a", tmp_path / "b"
    run(plan_jobs(folder, one, "docx"), workers=1)
    run(plan_jobs(folder, two, "docx"), workers=2)
    for path in one.rglob("*.docx"):
        assert path.read_bytes() == (two / path.relative_to(one)).read_bytes()


def test_discover_folder_glob_and_nothing(folder: Path) -> None:
    base, files = discover(folder)
    assert base == folder and len(files) == 7
    _, files = discover(str(folder / "支部*.yaml"))
    assert len(files) == 5
    with pytest.raises(DrafterError, match="没有找到事实文件"):
        discover(str(folder / "*.json"))


def test_two_inputs_mapping_to_one_output_are_refused_naming_both(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "一支部.yaml").write_text(SAMPLE, encoding="utf-8")
    (src / "一支部.yml").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(DrafterError, match="同一份稿子") as info:
        plan_jobs(src, tmp_path / "out", "md")
    assert "一支部.yaml" in str(info.value) and "一支部.yml" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_names_differing_only_in_case_are_one_output(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "Zhibu.yaml").write_text(SAMPLE, encoding="utf-8")
    (src / "zhibu.yaml").write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(DrafterError, match="同一份稿子"):
        plan_jobs(src, tmp_path / "out", "md")


def test_recursive_glob_does_not_hang_on_symlink_loops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    (src / "a" / "b").mkdir(parents=True)
    (src / "a" / "b" / "支部.yaml").write_text(SAMPLE, encoding="utf-8")
    (src / "a" / "b" / "loop").symlink_to(src / "a")
    (src / "a" / "self").symlink_to(src)
    monkeypatch.chdir(tmp_path)
    base, files = discover("in/**/*.yaml")
    assert files == [Path("in/a/b/支部.yaml")] and base == Path("in/a/b")
    _, files = discover(src)
    assert files == [src / "a" / "b" / "支部.yaml"]
    _, files = discover("in/a/*/支?.y[a]ml")
    assert files == [Path("in/a/b/支部.yaml")]
    with pytest.raises(DrafterError, match="没有找到事实文件"):  # one level only, as glob reads it
        discover("in/*.yaml")


def test_special_files_are_not_facts_files(tmp_path: Path) -> None:
    import os

    src = tmp_path / "in"
    src.mkdir()
    os.mkfifo(src / "管道.yaml")
    (src / "真的.yaml").write_text(SAMPLE, encoding="utf-8")
    _, files = discover(src)
    assert files == [src / "真的.yaml"]


def test_batch_takes_every_option_render_takes(tmp_path: Path, run) -> None:
    """--seed, --字数, --font and --no-comments mean in batch what they mean in render: same bytes."""
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "samples" / "街道党工委书记.yaml", src / "一支部.yaml")
    options = ["--seed", "7", "--字数", "4000", "--font", "正文=仿宋", "--no-comments"]
    result = run("batch", src, "-o", tmp_path / "out", "-j", "1", *options)
    assert result.exit_code == 0, result.output
    single = tmp_path / "单份.docx"
    rendered = run("render", src / "一支部.yaml", "-o", single, *options)
    assert rendered.exit_code == 0, rendered.output
    assert (tmp_path / "out" / "一支部.docx").read_bytes() == single.read_bytes()
    assert run("batch", src, "-o", tmp_path / "out2", "-j", "1").exit_code == 0
    assert (tmp_path / "out2" / "一支部.docx").read_bytes() != single.read_bytes()
