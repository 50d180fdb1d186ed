"""``drafter serve`` without a browser: the form follows the schema, the page's checks say what ``check``
says, saving keeps the init file's comments and earlier versions, the download is ``render``'s bytes,
and the guards of a local server refuse what they should."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import FACTS
from flask.testing import FlaskClient

from drafter import schema
from drafter.cli import cli
from drafter.errors import FactsError
from drafter.facts import load_facts
from drafter.initfile import facts_template
from drafter.pipeline import check
from drafter.serve.app import TOKEN_HEADER, create_app
from drafter.serve.form import _widget, describe_form, form_values, leaves, values_to_data
from drafter.serve.server import bind
from drafter.serve.workspace import Workspace
from drafter.serve.yamledit import update_text


def _client(path: Path) -> tuple[FlaskClient, str, Workspace]:
    workspace = Workspace(path)
    app = create_app(workspace)
    return app.test_client(), app.config["DRAFTER_TOKEN"], workspace


def _post(client: FlaskClient, token: str, url: str, values: dict[str, Any]) -> Any:
    return client.post(
        url, json={"values": values}, headers={TOKEN_HEADER: token}, base_url="http://127.0.0.1:8765"
    )


def _comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


# --------------------------------------------------------------------------- the form


def test_form_has_every_schema_field_with_init_comments() -> None:
    described: dict[str, dict[str, Any]] = {}

    def collect(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            described[node["path"]] = node
            collect(node["children"])

    collect(describe_form())
    assert set(described) == {path for path, _ in schema.walk()}
    template = facts_template()
    for path, f in schema.walk():
        node = described[path]
        assert node["key"] == f.key and node["comment"] == f.comment
        assert node["extra"] == (path in schema.EXTRA_FACTS)
        if f.kind != "group" and not node["extra"]:
            assert f"# {f.comment}{node['example']}" in template  # the same words as drafter init
    assert described["思想建设.中心组学习次数"]["widget"] == "number"
    assert described["选用"]["widget"] == "picker"
    assert described["单位.类型"]["widget"] == "choice"
    fusion = described["业务融合"]  # a result, or {成效, 党组织做法} with a 标题
    assert fusion["widget"] == "records" and fusion["primary"] == "成效"
    assert [c["key"] for c in fusion["columns"]] == ["标题", "成效", "党组织做法"]
    problems = described["存在问题"]
    assert problems["widget"] == "records" and problems["primary"] == "内容"
    assert [c["key"] for c in problems["columns"]] == ["标题", "内容"]


def test_new_kinds_of_field_get_their_widgets() -> None:
    """The checklist (ids with choices) and findings (问题/整改情况/状态) the schema gained."""
    by_kind = {ff.field.kind: ff for ff in leaves().values()}
    checklist = next(ff for ff in leaves().values() if ff.field.kind == "ids" and ff.field.choices)
    assert checklist.widget == "checklist" and checklist.choices == checklist.field.choices
    if "findings" in by_kind:
        findings = by_kind["findings"]
        assert findings.widget == "records" and findings.primary == "问题"
        status = next(c for c in findings.columns if c.choices)
        rows = [
            {"问题": "组织生活不规范", "整改情况": "", status.key: ""},
            {"问题": "学习不深", "整改情况": "建立清单", status.key: status.choices[0]},
            {"问题": ""},
        ]
        data = values_to_data({findings.path: rows})
        got = data
        for part in findings.path.split("."):
            got = got[part]
        assert got == [
            "组织生活不规范",
            {"问题": "学习不深", "整改情况": "建立清单", status.key: status.choices[0]},
        ]
        assert form_values(data)[findings.path][1][status.key] == status.choices[0]
    picked = values_to_data({checklist.path: [checklist.choices[1], "", checklist.choices[0]]})
    assert picked[checklist.path] == [checklist.choices[1], checklist.choices[0]]


def test_extra_counts_follow_the_unit_type() -> None:
    from drafter.serve.form import visible_extras

    by_type = {t: set(visible_extras({"单位.类型": t})) for t in schema.UNIT_TYPES}
    shown = set().union(*by_type.values())
    assert shown <= set(schema.EXTRA_FACTS)
    assert by_type.get("通用", set()) <= shown
    assert visible_extras({"单位.类型": "不认识的类型"}) == visible_extras({})


def test_a_field_added_to_the_schema_appears_in_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = schema.Field("新问题整改", "texts", "新的整改情况", ["（示例）整改一项"])
    count = schema.Field("品牌数", "count", "党建品牌个数", 2)
    group = schema.Field("新分组", "group", "一个新的分组", children=(count,))
    fields = (*schema.FIELDS, extra, group)
    monkeypatch.setattr(schema, "FIELDS", fields)
    monkeypatch.setattr(schema, "ROOT", schema.Field("", "group", "", children=fields))
    paths = leaves()
    assert paths["新问题整改"].widget == "rows"
    assert paths["新分组.品牌数"].widget == "number" and paths["新分组.品牌数"].integer
    assert [n["path"] for n in describe_form()][-2:] == ["新问题整改", "新分组"]
    data = values_to_data({"新问题整改": [" 已整改 ", ""], "新分组.品牌数": "3"})
    assert data["新问题整改"] == ["已整改"] and data["新分组"] == {"品牌数": 3}


@pytest.mark.parametrize(
    ("shape", "widget"),
    [
        ({"type": "boolean"}, "flag"),
        ({"type": "array", "items": {"type": "object"}}, "yaml"),
        ({"type": "object"}, "yaml"),
        ({"type": "string", "enum": ["a"]}, "choice"),
        ({"type": "number"}, "number"),
    ],
)
def test_widget_follows_the_json_schema_of_a_new_kind(shape: dict[str, Any], widget: str) -> None:
    """A kind of field this page has never seen still gets a widget, from its JSON Schema alone."""
    assert _widget(schema.Field("新", "text", ""), shape) == widget


def test_values_round_trip_through_the_form() -> None:
    data = yaml.safe_load(FACTS)
    data["存在问题"] = ["wt-effort-balance", {"标题": "调研不深", "内容": "下基层调研次数偏少"}]
    values = form_values(data)
    assert values["年度"] == "2024" and values["报告日期"] == "2025-01-10"
    assert values["存在问题"][1] == {"标题": "调研不深", "内容": "下基层调研次数偏少"}
    back = values_to_data(values)
    assert back["存在问题"] == data["存在问题"]
    assert back["思想建设"]["中心组学习次数"] == 12
    assert back["单位"]["自称"] is None


@pytest.mark.parametrize("typed", ["12次", "-3", "3.5", "１２"])
def test_number_errors_are_checks_own(typed: str, write_facts: Any) -> None:
    """What the page says about a number is what ``drafter check`` says about the same value in a file."""
    path = write_facts(FACTS.replace("中心组学习次数: 12", f"中心组学习次数: {typed}"))
    try:
        check(path)
        want: set[tuple[Any, ...]] = set()  # check accepts it (full-width digits are read as numbers)
    except FactsError as exc:
        want = {(d.location.key, d.message, d.hint) for d in exc.diagnostics if d.severity == "error"}
    client, token, _ = _client(path)
    values = form_values(yaml.safe_load(FACTS))
    values["思想建设.中心组学习次数"] = typed
    body = _post(client, token, "/api/preview", values).get_json()
    got = {(d["key"], d["message"], d["hint"]) for d in body["diagnostics"] if d["severity"] == "error"}
    assert got == want and body["ok"] is not bool(want)
    assert all(
        d["field"] == "思想建设.中心组学习次数" for d in body["diagnostics"] if d["severity"] == "error"
    )


def test_preview_is_the_draft_with_counts_and_placeholder_fields(write_facts: Any) -> None:
    path = write_facts(FACTS.replace("年度: 2024\n", ""))
    client, token, workspace = _client(path)
    body = _post(client, token, "/api/preview", workspace.initial).get_json()
    assert body["ok"] is True
    text = "\n".join("".join(s["text"] for s in b["spans"]) for b in body["blocks"])
    assert body["blocks"][0]["kind"] == "title" and "某市发展和改革委员会" in text
    assert body["total"] == sum(c["chars"] for c in body["counts"]) > 1000
    assert 0 <= body["originality"]["share"] < 1
    marks = {s["placeholder"]: s["field"] for b in body["blocks"] for s in b["spans"] if s["placeholder"]}
    assert marks["年度"] == "年度"
    assert all(f in leaves() for f in marks.values())  # every marker leads to the field that fills it
    no_year = [d for d in body["diagnostics"] if d["key"] == "年度"]
    assert no_year and no_year[0]["field"] == "年度"  # check's warning, beside its field
    for d in body["diagnostics"]:  # a finding about a group sits at the group; nothing about a key is lost
        if d["key"] and d["key"] in {p for p, _ in schema.walk()}:
            assert d["field"] == d["key"], d
    assert {d["message"] for d in body["diagnostics"]} == {d.message for d in check(path)}
    values = dict(workspace.initial, 年度="2024")
    again = _post(client, token, "/api/preview", values).get_json()
    assert "2024年度" in "".join(s["text"] for s in again["blocks"][0]["spans"])


# --------------------------------------------------------------------------- saving


def test_save_new_file_keeps_init_comments_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "新单位.yaml"
    client, token, workspace = _client(path)
    values = dict(workspace.initial)
    values.update(
        {
            "年度": "2024",
            "单位.全称": "某县统计局",
            "思想建设.中心组学习次数": "10",
            "思想建设.亮点": ["开展“统计讲堂”"],
            "存在问题": [{"标题": "", "内容": "学习形式单一"}],
        }
    )
    assert _post(client, token, "/api/save", values).get_json()["changed"] is True
    saved = path.read_text(encoding="utf-8")
    assert _comment_lines(saved) == _comment_lines(facts_template(path.name))
    facts = load_facts(path)
    assert facts.get("单位.全称") == "某县统计局" and facts.get("思想建设.中心组学习次数") == 10
    assert facts.get("存在问题") == ["学习形式单一"]
    assert list(yaml.safe_load(saved)) == list(yaml.safe_load(facts_template(path.name)))  # init's key order
    assert not list(tmp_path.glob("*.bak*"))
    assert _post(client, token, "/api/save", values).get_json()["changed"] is False
    values["存在问题"] = []
    body = _post(client, token, "/api/save", values).get_json()
    assert (
        body["backup"] == "新单位.bak.yaml"
        and (tmp_path / body["backup"]).read_text(encoding="utf-8") == saved
    )
    values["年度"] = "2023"
    assert _post(client, token, "/api/save", values).get_json()["backup"] == "新单位.bak2.yaml"
    assert _comment_lines(path.read_text(encoding="utf-8")) == _comment_lines(saved)


def test_save_keeps_a_gbk_file_gbk_and_its_own_comments(tmp_path: Path) -> None:
    path = tmp_path / "支部.yaml"
    text = "# 我们自己的说明\n" + FACTS.replace("单位:\n", "单位:  # 单位信息\n")
    path.write_bytes(text.encode("gb18030"))
    client, token, workspace = _client(path)
    values = dict(workspace.initial, **{"单位.简称": "市统计局"})
    _post(client, token, "/api/save", values)
    saved = path.read_bytes().decode("gb18030")
    assert "# 我们自己的说明" in saved and "单位:  # 单位信息" in saved and "简称: 市统计局" in saved
    assert load_facts(path).encoding == "gb18030"


def test_update_text_moves_example_comments_with_lists() -> None:
    template = facts_template()
    sample = f"  # - {schema.field_at('存在问题').example[0]}"  # type: ignore[union-attr]
    assert sample in template
    filled = update_text(template, {"存在问题": ["x", {"标题": "t", "内容": "c"}], "选用": ["a"]}, "f.yaml")
    assert sample in filled and "- 标题: t" in filled
    emptied = update_text(filled, {"存在问题": None, "选用": None}, "f.yaml")
    assert _comment_lines(emptied) == _comment_lines(template)
    assert yaml.safe_load(emptied)["存在问题"] is None


# --------------------------------------------------------------------------- download = render


def test_download_is_render_of_the_saved_file(tmp_path: Path) -> None:
    path = tmp_path / "事实.yaml"
    path.write_text(FACTS, encoding="utf-8")
    client, token, workspace = _client(path)
    values = dict(workspace.initial, **{"单位.自称": "我委", "组织建设.党员数": "88"})
    _post(client, token, "/api/save", values)
    response = _post(client, token, "/api/download", values)
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    out = tmp_path / "render.docx"
    result = CliRunner().invoke(cli, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert response.data == out.read_bytes()


def test_download_with_errors_is_refused_with_the_errors(tmp_path: Path) -> None:
    client, token, workspace = _client(tmp_path / "x.yaml")
    response = _post(client, token, "/api/download", dict(workspace.initial, 年度="二〇二四"))
    assert response.status_code == 400
    assert response.get_json()["diagnostics"][0]["field"] == "年度"


# --------------------------------------------------------------------------- checking an edited draft


def _docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _upload(client: FlaskClient, token: str, name: str, data: bytes) -> Any:
    return client.post(
        "/api/lint",
        data={"file": (io.BytesIO(data), name)},
        headers={TOKEN_HEADER: token},
        base_url="http://127.0.0.1:8765",
        content_type="multipart/form-data",
    )


def test_lint_upload_finds_what_lint_finds(tmp_path: Path) -> None:
    client, token, _ = _client(tmp_path / "x.yaml")
    draft = tmp_path / "改稿.docx"
    draft.write_bytes(_docx("2023年度述职报告", "全年开展学习【待补充：次数】次，截止年底完成。"))
    body = _upload(client, token, "改稿.docx", draft.read_bytes()).get_json()
    result = CliRunner().invoke(cli, ["lint", str(draft), "--format", "json"])
    want = [(f["rule"], f["paragraph"], f["column"]) for f in json.loads(result.output)["findings"]]
    got = [(f["rule"], f["paragraph"], f["column"]) for f in body["findings"]]
    assert got == want and {"placeholder", "jiezhi"} & {f["rule"] for f in body["findings"]}
    copy = client.post(
        "/api/annotated",
        json={"id": body["annotated"]},
        headers={TOKEN_HEADER: token},
        base_url="http://127.0.0.1:8765",
    )
    assert (
        copy.status_code == 200
        and "%EF%BC%88%E6%89%B9%E6%B3%A8%EF%BC%89" in copy.headers["Content-Disposition"]
    )
    comments = zipfile.ZipFile(io.BytesIO(copy.data)).read("word/comments.xml").decode("utf-8")
    assert "待补充" in comments or "截至" in comments  # one Word comment per finding, as drafter lint --批注
    gone = client.post(
        "/api/annotated",
        json={"id": "guess"},
        headers={TOKEN_HEADER: token},
        base_url="http://127.0.0.1:8765",
    )
    assert gone.status_code == 400
    assert not list(tmp_path.glob("上传*"))  # nothing written beside the facts file


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("稿子.exe", b"MZ", 400),
        ("稿子.docx", b"not a zip", 400),
        ("稿子.docx", b"PK\x03\x04" + b"0" * (11 * 1024 * 1024), 413),
    ],
)
def test_lint_upload_limits(tmp_path: Path, name: str, data: bytes, status: int) -> None:
    client, token, _ = _client(tmp_path / "x.yaml")
    response = _upload(client, token, name, data)
    assert response.status_code == status
    assert re.search("[\u4e00-\u9fff]", response.get_json()["error"])


# --------------------------------------------------------------------------- guards


def test_requests_without_the_token_or_from_elsewhere_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    client, token, _ = _client(path)
    base = "http://127.0.0.1:8765"
    assert client.post("/api/save", json={"values": {}}, base_url=base).status_code == 403
    assert (
        client.post(
            "/api/save", json={"values": {}}, base_url=base, headers={TOKEN_HEADER: "guess"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            "/api/save",
            json={"values": {}},
            base_url=base,
            headers={TOKEN_HEADER: token, "Origin": "http://evil.example"},
        ).status_code
        == 403
    )
    assert client.get("/", base_url="http://evil.example:8765").status_code == 403  # DNS rebinding
    assert client.get("/api/fragments?q=谈心", base_url=base).status_code == 403
    assert not path.exists()
    page = client.get("/", base_url=base)
    assert token in page.get_data(as_text=True)
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert client.get("/api/fragments?q=谈心谈话", base_url=base, headers={TOKEN_HEADER: token}).get_json()[
        "hits"
    ]


def test_page_assets_are_local() -> None:
    static = Path(__file__).resolve().parent.parent / "drafter" / "serve"
    for asset in [*static.glob("static/*"), *static.glob("templates/*")]:
        assert not re.search(r"(?<!-)https?://", asset.read_text(encoding="utf-8")), asset


def test_busy_port_moves_to_the_next(tmp_path: Path) -> None:
    first = bind(tmp_path / "a.yaml", port=0)
    try:
        second = bind(tmp_path / "a.yaml", port=first.port)
        try:
            assert second.port > first.port and second.host == "127.0.0.1"
        finally:
            second.server_close()
    finally:
        first.server_close()


def test_serve_command_warns_for_another_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafter.serve.server as server

    ran: list[int] = []
    monkeypatch.setattr(server, "serve", lambda s, open_browser: (ran.append(s.port), s.server_close()))
    result = CliRunner().invoke(
        cli, ["serve", str(tmp_path / "a.yaml"), "--port", "18765", "--no-browser", "--host", "0.0.0.0"]
    )
    assert result.exit_code == 0, result.output
    assert "警告" in result.output and ran
    quiet = CliRunner().invoke(cli, ["serve", str(tmp_path / "a.yaml"), "--port", "18765", "--no-browser"])
    assert "警告" not in quiet.output and "127.0.0.1" in quiet.output
    bad = CliRunner().invoke(cli, ["serve", str(tmp_path / "a.txt"), "--no-browser"])
    assert bad.exit_code == 2


def test_workspace_refuses_a_broken_yaml(tmp_path: Path) -> None:
    path = tmp_path / "坏.yaml"
    path.write_text("年度: [2024\n", encoding="utf-8")
    with pytest.raises(FactsError):
        Workspace(path)


def test_docx_download_is_a_docx(tmp_path: Path) -> None:
    client, token, workspace = _client(tmp_path / "x.yaml")
    response = _post(client, token, "/api/download", workspace.initial)
    assert zipfile.ZipFile(io.BytesIO(response.data)).testzip() is None


def test_a_key_the_form_does_not_know_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(FACTS + "年份: 2024\n", encoding="utf-8")
    client, token, workspace = _client(path)
    body = _post(client, token, "/api/preview", workspace.initial).get_json()
    unknown = [d for d in body["diagnostics"] if d["key"] == "年份"]
    assert body["ok"] is False and unknown and "是不是想写“年度”" in unknown[0]["hint"]
    _post(client, token, "/api/save", dict(workspace.initial, **{"单位.自称": "我委"}))
    assert "年份: 2024" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "on",
        "12:30",
        "010",
        "null",
        "~",
        "1e3",
        "2024",
        "a: b",
        "- x",
        "#1",
        "第一行\n第二行",
        " 前后空格 ",
        "'引号'",
        "“中文引号”",
    ],
)
def test_saved_text_reads_back_as_typed(tmp_path: Path, text: str) -> None:
    """ruamel.yaml writes YAML 1.2; drafter reads with PyYAML (1.1): text must survive the difference."""
    path = tmp_path / "x.yaml"
    client, token, workspace = _client(path)
    _post(client, token, "/api/save", dict(workspace.initial, **{"单位.全称": text, "业务融合": [text]}))
    facts = load_facts(path)
    assert facts.get("单位.全称") == text.strip() and facts.get("业务融合") == [text.strip()]


def test_reloading_the_page_shows_the_file_as_saved(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    client, token, workspace = _client(path)
    _post(client, token, "/api/save", dict(workspace.initial, **{"单位.全称": "某区卫生健康局"}))
    page = client.get("/", base_url="http://127.0.0.1:8765").get_data(as_text=True)
    state = json.loads(re.search(r'<script type="application/json" id="state">(.*?)</script>', page, re.S)[1])
    assert state["values"]["单位.全称"] == "某区卫生健康局" and state["exists"] is True
    path.write_text("年度: [坏\n", encoding="utf-8")  # broken by hand meanwhile: the page still opens
    assert client.get("/", base_url="http://127.0.0.1:8765").status_code == 200


def test_previews_do_not_wear_away_the_comments_a_save_keeps(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    client, token, workspace = _client(path)
    lists = {"存在问题": [{"标题": "", "内容": "学习不深"}], "业务融合": ["完成重点任务"]}
    for _ in range(3):
        _post(client, token, "/api/preview", dict(workspace.initial, **lists))
    _post(client, token, "/api/save", dict(workspace.initial, **lists))
    assert _comment_lines(path.read_text(encoding="utf-8")) == _comment_lines(facts_template(path.name))
