"""Label files, `drafter mine --labels`, the shipped training data and the classifier's accuracy.

The accuracy tests re-run, in short, what bench/miner.py reports in bench/MINER.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.errors import DrafterError
from drafter.mine.classify import classify
from drafter.mine.labels import Score, load_labels, match
from drafter.mine.textmodel import DATA, NaiveBayes, read_examples, write_examples
from drafter.mine.training import LABEL_FILES, doc_id, examples_of, outlines_of, training_examples, units_in

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "fixtures" / "mine" / "reports"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_the_report_set_is_large_varied_and_labelled() -> None:
    labels = load_labels(REPORTS / "labels.yaml")
    assert len(labels.files) >= 25 and len(labels.heldout) == 8
    kinds = {name.split("_")[1].removesuffix(".txt") for name in labels.files}
    assert kinds == {"机关", "教育局", "中小学", "高校", "国企", "医院", "街道", "社区", "村", "两新"}
    roles = {lab.role for lab in labels.labels()}
    assert roles == {
        "开头",
        "思想建设",
        "组织建设",
        "党风廉政",
        "业务融合",
        "存在问题",
        "原因",
        "下一步",
        "结尾",
        "其他",
    }
    for name in labels.files:
        text = (REPORTS / name).read_text(encoding="utf-8")
        assert 600 <= sum(1 for ch in text if not ch.isspace() and not ch.isascii()) <= 3000, name


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_every_labelled_segment_is_found_on_its_own_and_nothing_else(name: str) -> None:
    labels = load_labels(REPORTS / "labels.yaml")
    pairs, extras = match(labels.files[name], units_in(outlines_of(labels, name)))
    assert [p.label.start for p in pairs if p.found is None] == []
    assert [f.text for f in extras if f.kind != "para"] == []  # no table of contents as headings


def test_shipped_training_data_is_up_to_date_and_leaves_the_heldout_part_out(at_root: None) -> None:
    shipped = read_examples(DATA)
    assert shipped == training_examples()
    held = {doc_id(s, n) for s in map(load_labels, LABEL_FILES) for n in s.heldout}
    assert held and not held & {ex.doc for ex in shipped}


def test_training_data_round_trips(tmp_path: Path) -> None:
    examples = read_examples(DATA)[:20]
    write_examples(examples, tmp_path / "x.tsv")
    assert read_examples(tmp_path / "x.tsv") == examples


def _evaluate(heldout: bool) -> Score:
    score = Score()
    sets = [load_labels(ROOT / p) for p in LABEL_FILES]
    train = [ex for s in sets for ex in examples_of(s)]
    for labels in sets:
        for name, labs in labels.files.items():
            if (name in labels.heldout) != heldout:
                continue
            doc = doc_id(labels, name)
            model = NaiveBayes.trained(ex for ex in train if ex.doc != doc)
            pairs, _ = match(labs, units_in([classify(o, model) for o in outlines_of(labels, name)]))
            score.add(pairs)
    return score


@pytest.mark.parametrize("heldout", [False, True], ids=["leave-one-document-out", "held-out"])
def test_role_accuracy_meets_the_targets(at_root: None, heldout: bool) -> None:
    score = _evaluate(heldout)
    assert score.total >= (600 if not heldout else 90)
    assert score.accuracy >= 0.90, score.errors
    assert all((score.recall(r) or 0) >= 0.80 for r in score.used_roles()), score.errors
    assert score.merged <= 0.05 * score.total


def test_mine_with_labels_reports_per_role(at_root: None, tmp_path: Path) -> None:
    label_file = tmp_path / "标注.yaml"
    label_file.write_text(
        "folder: " + str(REPORTS) + "\n"
        "files:\n"
        "  r10_村.txt:\n"
        "    - [heading, 4, 一、加强学习，提高思想认识, 思想建设]   # the number may be copied too\n"
        "    - [heading, 6, 抓好班子，建强战斗堡垒, 党风廉政]   # wrong on purpose\n"
        "    - [item, 13, 本人文化水平有限, 存在问题]\n"
        "  不存在的材料.txt:\n"
        "    - [para, 1, 开头, 开头]\n",
        encoding="gbk",
    )  # a label file saved by Notepad as ANSI
    result = CliRunner().invoke(
        cli, ["mine", str(REPORTS / "r10_村.txt"), "-o", str(tmp_path / "out"), "--labels", str(label_file)]
    )
    assert result.exit_code == 0, result.output
    assert "3 个标注片段，角色正确 2 个（66.7%）" in result.output
    assert "“抓好班子，建强战斗堡垒”应为党风廉政，得到组织建设" in result.output
    assert "组织建设：标注 0 个，查准率 0.0%，查全率 —" in result.output
    assert "党风廉政：标注 1 个，查准率 —，查全率 0.0%" in result.output
    assert "未核对：不存在的材料.txt" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("files: [1, 2]\n", "缺少“files:”部分"),
        ("files:\n  a.txt:\n    - [heading, 3, 标题]\n", "格式不对"),
        ("files:\n  a.txt:\n    - [title, 3, 标题, 开头]\n", "标注类型“title”不认识"),
        ("files:\n  a.txt:\n    - [heading, 3, 标题, 意识形态]\n", "标注角色“意识形态”不认识"),
        ("files:\n  a.txt:\n    - [heading, 0, 标题, 开头]\n", "不是正整数"),
        ("files:\n  a.txt: [\n", "标注文件 YAML 语法错误"),
    ],
)
def test_bad_label_files_are_chinese_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        load_labels(path)
    assert message in str(err.value)
    result = CliRunner().invoke(
        cli, ["mine", str(REPORTS / "r10_村.txt"), "-o", str(tmp_path / "o"), "--labels", str(path)]
    )
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "o").exists()  # nothing written when the labels are bad


def test_labels_naming_no_mined_file_are_an_error(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text("files:\n  别的.txt:\n    - [heading, 3, 标题, 开头]\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["mine", str(REPORTS / "r10_村.txt"), "-o", str(tmp_path / "o"), "--labels", str(path)]
    )
    assert result.exit_code == 2 and "一份也没有" in result.output
