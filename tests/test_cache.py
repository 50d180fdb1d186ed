"""The on-disk cache fails safe: no pickles, content keys, private folders only, errors only skip it."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import FACTS, FIXTURE_FRAGMENTS

from drafter import cache as cache_module
from drafter.cache import code_digest, safe_folder
from drafter.pipeline import Options, draft


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    return folder


def _draft(tmp_path: Path, fragments: Path | None = None) -> str:
    from drafter import pipeline

    pipeline._renderer.cache_clear()  # a new process: a new environment and bytecode cache
    pipeline._library.cache_clear()
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    return draft(facts, Options(fragments_dir=fragments)).document.text


def test_no_pickle_is_ever_written_and_compiled_fragments_are_reused(cache: Path, tmp_path: Path) -> None:
    first = _draft(tmp_path)
    entries = [p for p in cache.rglob("*") if p.is_file()]
    # compiled Jinja bytecode, the parsed library and registry, the library's common n-grams and the files' digests
    # as JSON: nothing that runs code when loaded
    assert entries and all(
        p.suffix == ".cache"
        or (p.suffix == ".json" and p.parent.name in ("library", "overlap", "registry", "stamps"))
        for p in entries
    )
    assert not list(cache.rglob("*.pickle"))
    assert _draft(tmp_path) == first
    assert cache.stat().st_mode & 0o777 == 0o700


def test_truncated_or_foreign_entries_are_rebuilt(cache: Path, tmp_path: Path) -> None:
    first = _draft(tmp_path)
    entries = list(cache.rglob("*.cache"))
    for i, entry in enumerate(entries):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if i % 2 else b"\x80\x04garbage that is not bytecode")
    assert _draft(tmp_path) == first


def test_a_folder_others_can_write_to_is_not_used(cache: Path, tmp_path: Path) -> None:
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)  # e.g. DRAFTER_CACHE_DIR pointing at a shared folder
    assert safe_folder("x") is None
    _draft(tmp_path)
    assert not [p for p in cache.rglob("*") if p.is_file()]


def test_a_folder_owned_by_another_user_is_not_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert safe_folder("x") is not None
    uid = os.getuid()
    monkeypatch.setattr(cache_module.os, "getuid", lambda: uid + 1)  # as if made by someone else
    assert safe_folder("x") is None


def test_a_symlinked_cache_folder_is_not_used(cache: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    cache.symlink_to(elsewhere)
    assert safe_folder("x") is None


def test_a_full_disk_only_skips_caching(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", full)
    assert "述职" in _draft(tmp_path)
    assert not list(cache.rglob("*.cache"))


def test_cache_off_or_unmakeable(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_NO_CACHE", "1")
    _draft(tmp_path)
    assert not cache.exists()
    monkeypatch.delenv("DRAFTER_NO_CACHE")
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "file" / "sub"))
    assert "述职" in _draft(tmp_path)


def test_a_fragment_edited_with_the_same_size_and_time_is_seen(cache: Path, tmp_path: Path) -> None:
    from drafter.pipeline import cached_library

    folder = tmp_path / "frags"
    shutil.copytree(FIXTURE_FRAGMENTS, folder)
    assert cached_library(folder).get("jw-a") is not None
    path = folder / "结尾.yaml"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("jw-a", "jw-b"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    library = cached_library(folder)  # same process, no cache clearing
    assert library.get("jw-a") is None and library.get("jw-b") is not None


def test_a_code_change_starts_a_fresh_bytecode_folder(tmp_path: Path) -> None:
    source = tmp_path / "sandbox.py"
    source.write_text("A = 1\n")
    before = code_digest(source)
    source.write_text("A = 2\n")
    assert code_digest(source) != before


def test_leftovers_of_older_versions_are_removed(cache: Path, tmp_path: Path) -> None:
    cache.mkdir(mode=0o700)
    (cache / "library-0123.pickle").write_bytes(b"\x80\x04old")
    (cache / "jinja").mkdir()
    (cache / "jinja" / "__jinja2_x.cache").write_bytes(b"old")
    (cache / "jinja-0000000000000000").mkdir()
    (cache / "keep.txt").write_text("not ours to delete")
    _draft(tmp_path)
    names = sorted(p.name for p in cache.iterdir())
    assert (
        "library-0123.pickle" not in names and "jinja" not in names and "jinja-0000000000000000" not in names
    )
    assert "keep.txt" in names and len([n for n in names if n.startswith("jinja-")]) == 1


def test_a_parsed_library_is_kept_as_json_and_read_back_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold start reads the kept parse (JSON, runs no code); it is the same library, and a damaged or
    foreign entry is ignored."""
    from drafter import libcache
    from drafter.library import _load_folder, iter_role_files
    from drafter.registry import registry
    from drafter.resources import data_dir

    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DRAFTER_NO_CACHE", raising=False)
    folder = data_dir("fragments")
    first = _load_folder(folder)
    key = libcache.key_for(folder, list(iter_role_files(folder)), registry())
    entry = tmp_path / "cache" / "library" / f"{key}.json"
    assert entry.is_file() and not list((tmp_path / "cache").rglob("*.pickle"))
    assert libcache.load(key) == first  # the same fragments, headings, intros and families
    entry.write_text('{"format": 1, "roles": {"思想建设": 1}}', encoding="utf-8")
    assert libcache.load(key) is None
    assert _load_folder(folder) == first  # parsed again from the files
    entry.write_bytes(b"\x80\x81 not json")
    assert libcache.load(key) is None


def test_an_edited_fragment_file_changes_the_key(tmp_path: Path) -> None:
    import shutil

    from drafter import libcache
    from drafter.library import iter_role_files
    from drafter.registry import registry
    from drafter.resources import data_dir

    folder = tmp_path / "frags"
    shutil.copytree(data_dir("fragments"), folder)
    before = libcache.key_for(folder, list(iter_role_files(folder)), registry())
    target = folder / "结尾.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("新的一年", "新一年的"), encoding="utf-8")
    assert libcache.key_for(folder, list(iter_role_files(folder)), registry()) != before


def test_an_error_in_a_cached_report_template_keeps_its_file_and_line(cache: Path, tmp_path: Path) -> None:
    """Report templates are bytecode-cached like fragments; the compiled code keeps the template's file name
    and line table, so the second run (loaded from the cache) names the same place as the first."""
    from drafter import pipeline
    from drafter.errors import LibraryError

    templates = tmp_path / "tpl"
    (templates / "书记述职").mkdir(parents=True)
    body = "::title {{ 年度 }}年度述职报告\n::para {{ 单位.全称 }}\n::para {{ 年度 + '年' }}\n"
    (templates / "书记述职" / "report.j2").write_text(body, encoding="utf-8")
    facts = tmp_path / "事实.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    messages = []
    for _ in range(2):
        pipeline._renderer.cache_clear()  # a new process: a new environment, the compiled template on disk
        with pytest.raises(LibraryError) as info:
            draft(facts, Options(templates_dir=templates))
        messages.append(info.value.format())
    assert list(cache.rglob("__jinja2_t-*.cache"))  # the template was kept compiled
    assert messages[0] == messages[1] and "report.j2:3" in messages[1]


def test_the_librarys_common_ngrams_are_kept_and_a_damaged_entry_is_counted_again(cache: Path) -> None:
    from drafter.overlap import Overlap, common_grams

    texts = [f"加强党的建设第{i}次推进基层党组织{'标准化' if i % 2 else '规范化'}建设" for i in range(120)]
    first = Overlap(texts)
    assert first.common == common_grams(texts) and first.common
    (entry,) = (cache / "overlap").glob("*.json")
    assert Overlap(texts).common == first.common  # read back
    for damaged in ('{"format": 1, "common": [1, 2]}', "not json", '{"format": 99, "common": []}'):
        entry.write_text(damaged, encoding="utf-8")
        assert Overlap(texts).common == first.common
    assert Overlap([*texts, "另一条措辞"]).common == common_grams(
        [*texts, "另一条措辞"]
    )  # another library, another key
    assert len(list((cache / "overlap").glob("*.json"))) == 2


def test_the_shipped_lint_rules_are_kept_and_read_back_exactly(cache: Path) -> None:
    """A cold start reads the shipped rules as JSON (composed and validated once, when written): the same rule
    set as parsing rules.yaml, patterns and flags included; a damaged entry is ignored and parsed again."""
    from drafter.lint import rulecache
    from drafter.lint.rules import shipped_rules

    rulecache.shipped.cache_clear()
    first = rulecache.shipped()
    (entry,) = (cache / "lint").glob("*.json")
    rulecache.shipped.cache_clear()
    again = rulecache.shipped()
    assert first == again == shipped_rules() and again is not shipped_rules()
    assert [r.pattern.flags for r in again.rules] == [r.pattern.flags for r in shipped_rules().rules]
    for damaged in ("{}", '{"format": 1, "rules": [{"id": "x"}], "disabled": []}', "[", '{"format": 1}'):
        entry.write_text(damaged, encoding="utf-8")
        rulecache.shipped.cache_clear()
        assert rulecache.shipped() == shipped_rules()
    rulecache.shipped.cache_clear()


def _templates_copy(tmp_path: Path) -> Path:
    from drafter.resources import data_dir

    folder = tmp_path / "templates"
    shutil.copytree(data_dir("templates"), folder)
    return folder


def test_the_shipped_registry_is_kept_as_json_and_equals_a_fresh_parse(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold start reads the registry kept as JSON (runs no code): the same kinds, types, topics, years and
    做法, in the same order, as parsing the structure files."""
    from drafter import regcache
    from drafter.registry import load_registry
    from drafter.resources import data_dir

    folder = data_dir("templates")
    fresh = load_registry(folder)
    first = regcache.shipped(folder)
    (entry,) = (cache / "registry").glob("*.json")
    assert entry.name == f"{regcache.key_for(folder)}.json" and not list(cache.rglob("*.pickle"))

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(regcache, "load_registry", no_parse)
    kept = regcache.shipped(folder)  # from the entry alone
    assert kept is not first and regcache.same(kept, fresh) and regcache.same(first, fresh)
    assert kept.kinds == fresh.kinds and kept.years == fresh.years and kept.topics == fresh.topics
    assert list(kept.unit_types) == list(fresh.unit_types) and kept.unit_types == fresh.unit_types
    assert kept.year(2024) == fresh.year(2024) and kept.fact_specs == fresh.fact_specs


def test_an_edited_structure_file_changes_the_next_registry(cache: Path, tmp_path: Path) -> None:
    """No cache clearing: an edit (even one keeping size and modification time) means a new key."""
    from drafter import regcache

    folder = _templates_copy(tmp_path)
    before = regcache.shipped(folder)
    assert regcache.shipped(folder).year(2024).campaign == before.year(2024).campaign
    path = folder / "年度.yaml"
    stamp = path.stat()
    old = before.year(2024).campaign
    assert old and len(old) >= 2
    path.write_text(path.read_text(encoding="utf-8").replace(old, old[::-1], 1), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    assert regcache.shipped(folder).year(2024).campaign == old[::-1]
    kind = folder / "书记述职" / "kind.yaml"
    kind.write_text(kind.read_text(encoding="utf-8") + "\n避免用语: [某个新词]\n", encoding="utf-8")
    assert regcache.shipped(folder).kinds["书记述职"].avoid == ("某个新词",)
    assert len(list((cache / "registry").glob("*.json"))) == 3


def test_a_damaged_registry_entry_is_ignored_and_parsed_again(cache: Path) -> None:
    from drafter import regcache
    from drafter.registry import load_registry
    from drafter.resources import data_dir

    folder = data_dir("templates")
    fresh = load_registry(folder)
    regcache.shipped(folder)
    (entry,) = (cache / "registry").glob("*.json")
    text = entry.read_text(encoding="utf-8")
    for damaged in (
        text[: len(text) // 2],
        "{}",
        "[]",
        json.dumps({"format": regcache.FORMAT, "kinds": [{"name": 1}]}),
        text.replace(f'"format": {regcache.FORMAT}', '"format": 99'),
        json.dumps(
            {
                "format": regcache.FORMAT,
                "kinds": [],
                "unit_types": [],
                "topics": {},
                "years": [{"year": None}],
            }
        ),
    ):
        entry.write_text(damaged, encoding="utf-8")
        assert regcache.load(entry.stem) is None
        assert regcache.same(regcache.shipped(folder), fresh)
    entry.write_bytes(b"\x80\x81 not json")
    assert regcache.same(regcache.shipped(folder), fresh)


def test_an_error_in_a_structure_file_is_reported_at_its_line_every_time(cache: Path, tmp_path: Path) -> None:
    """Only a successful parse is kept: a bad file is parsed (and reported with file and line) on every run."""
    from drafter import regcache
    from drafter.errors import LibraryError

    folder = _templates_copy(tmp_path)
    kind = folder / "书记述职" / "kind.yaml"
    kind.write_text(
        kind.read_text(encoding="utf-8").replace("口吻: 个人", "口吻: 第三人称"), encoding="utf-8"
    )
    messages = []
    for _ in range(2):
        with pytest.raises(LibraryError) as info:
            regcache.shipped(folder)
        messages.append(info.value.format())
    assert messages[0] == messages[1] and "kind.yaml:5" in messages[1]
    assert not list(cache.rglob("*.json"))


def test_a_registry_json_cannot_hold_is_parsed_every_time(cache: Path, tmp_path: Path) -> None:
    """A value that would not read back the same (a date as a fact's example) means no entry, not a wrong one."""
    import datetime

    from drafter import regcache

    folder = _templates_copy(tmp_path)
    types = folder / "单位类型.yaml"
    types.write_text(
        types.read_text(encoding="utf-8").replace("例子: 85}", "例子: 2024-01-10}", 1), encoding="utf-8"
    )
    for _ in range(2):
        reg = regcache.shipped(folder)
        example = next(f.example for f in reg.fact_specs if f.path == "组织建设.在职党员报到人数")
        assert example == datetime.date(2024, 1, 10)
    assert not list(cache.rglob("*.json"))


def test_compiled_patterns_kept_as_programs_equal_freshly_compiled_ones() -> None:
    """re.Pattern equality compares source, flags and the compiled program: what is kept is what re makes."""
    import re

    from drafter import rxprogram
    from drafter.lint import checks
    from drafter.lint.rules import shipped_rules

    patterns = [r.pattern for r in shipped_rules().rules]
    patterns += [v for v in vars(checks).values() if isinstance(v, re.Pattern)]
    patterns += [re.compile(r"(?P<年>\d{4})年(?i:ab)|(?P=年)", re.M), re.compile(r"[^\u4e00-\u9fff]+", re.I)]
    for compiled in patterns:
        data = rxprogram.program(compiled)
        assert data is not None
        again = rxprogram.from_program(compiled.pattern, compiled.flags, data)
        assert again == compiled and again.groupindex == compiled.groupindex and again is not compiled
    data = rxprogram.program(re.compile("(a)(b)"))
    assert data is not None
    for damaged in (
        [[1, 2, 3], *data[1:]],
        [[99999] * 8, *data[1:]],
        [data[0][: len(data[0]) // 2], *data[1:]],
    ):
        with pytest.raises(RuntimeError):
            rxprogram.from_program("(a)(b)", re.U, damaged)
    for damaged in ([["1"], *data[1:]], data[:2], "x"):
        with pytest.raises(ValueError):
            rxprogram.from_program("(a)(b)", re.U, damaged)  # type: ignore[arg-type]


def test_a_modules_patterns_are_read_back_from_their_programs(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second import compiles nothing; a damaged or edited entry only means compiling (and keeping) again."""
    import re

    from drafter import rxprogram

    sources = [(r"(?<=[\u4e00-\u9fff])[,;:?!]", 0), (r"(?P<n>\d+)次", re.M), ("paid", re.IGNORECASE)]
    first = rxprogram.Programs("test.module")
    made = [first.compile(p, f) for p, f in sources]
    first.save()
    (entry,) = (cache / "regex").glob("*.json")
    real = re.compile

    def no_compile(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(re, "compile", no_compile)
    kept = rxprogram.Programs("test.module")
    assert [kept.compile(p, f) for p, f in sources] == made
    monkeypatch.setattr(re, "compile", real)
    text = entry.read_text(encoding="utf-8")
    for damaged in ("[", "[]", text.replace("[", "[99999, ", 3), text[: len(text) // 2]):
        entry.write_text(damaged, encoding="utf-8")
        again = rxprogram.Programs("test.module")
        assert [again.compile(p, f) for p, f in sources] == made
        again.save()
        assert entry.read_text(encoding="utf-8") == text  # kept again, as it was
    other = rxprogram.Programs("test.module")  # an edited pattern: compiled, and the old one dropped
    assert other.compile(r"(?P<n>\d+)人", re.M) == re.compile(r"(?P<n>\d+)人", re.M)
    other.save()
    assert list(json.loads(entry.read_text(encoding="utf-8"))) == [f"{re.M}\0(?P<n>\\d+)人"]


def test_lint_rules_read_back_from_programs_and_a_damaged_program_is_ignored(cache: Path) -> None:
    from drafter.lint import rulecache
    from drafter.lint.rules import shipped_rules

    rulecache.shipped.cache_clear()
    rulecache.shipped()
    (entry,) = (cache / "lint").glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert all(r["pattern"][2] is not None for r in data["rules"])  # every pattern kept with its program
    data["rules"][0]["pattern"][2][0] = [99999, 1, 2]
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rulecache.shipped.cache_clear()
    assert rulecache.shipped() == shipped_rules()
    rulecache.shipped.cache_clear()


def test_a_copy_of_the_library_elsewhere_reports_its_own_paths(cache: Path, tmp_path: Path) -> None:
    """Two folders with the same fragment files are two cache entries: a fragment's location (for messages)
    names the folder it was read from, never another copy's (a removed checkout's path was seen in one)."""
    import shutil

    from drafter.library import load_library
    from drafter.resources import data_dir

    first, second = tmp_path / "a" / "frags", tmp_path / "b" / "frags"
    shutil.copytree(data_dir("fragments"), first)
    shutil.copytree(data_dir("fragments"), second)
    for folder in (first, second, second):
        frag = next(iter(load_library(folder).fragments("结尾")))
        assert str(frag.location).startswith(str(folder)), (folder, str(frag.location))
