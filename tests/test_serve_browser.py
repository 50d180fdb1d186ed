"""``drafter serve`` in a real browser (Debian's chromium driven by selenium through chromium-driver).

A person fills a new unit from an empty page, sees a field's error and fixes it, watches the preview
follow, saves, downloads the Word draft (byte for byte what ``drafter render`` makes of the saved file),
checks an edited draft, and a page on another origin cannot post to the server.  Only loopback traffic.

Without chromium, chromium-driver or selenium these tests skip; under ``CI=true`` they fail instead.
"""

from __future__ import annotations

import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from drafter import schema
from drafter.cli import cli
from drafter.facts import load_facts
from drafter.serve.form import leaves, visible_extras
from drafter.serve.server import bind, url_of

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
WAIT = 20.0  # seconds; a wait, never an assertion about speed

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - selenium is in the test extra
    webdriver = None  # type: ignore[assignment]

if webdriver is None or not CHROMIUM or not DRIVER:
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI needs chromium, chromium-driver and selenium for the drafter serve tests")
    pytest.skip("chromium, chromium-driver or selenium missing", allow_module_level=True)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='drafter-chromium-')}")
    downloads = tmp_path / "下载"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    os.environ.setdefault("SE_AVOID_STATS", "true")
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.downloads = downloads  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served() -> Iterator[Callable[[Path], str]]:
    servers = []

    def start(path: Path) -> str:
        server = bind(path, port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return url_of(server)

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def wait(driver: WebDriver, condition: Callable[[WebDriver], Any], timeout: float = WAIT) -> Any:
    return WebDriverWait(driver, timeout).until(condition)


def field(driver: WebDriver, path: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'.field[data-path="{path}"]')


def type_into(driver: WebDriver, path: str, text: str) -> None:
    box = field(driver, path).find_element(By.CSS_SELECTOR, "input, textarea, select")
    box.clear()
    box.send_keys(text)


def preview_text(driver: WebDriver) -> str:
    return str(driver.find_element(By.ID, "preview").text)


def errors_of(driver: WebDriver, path: str) -> str:
    return str(field(driver, path).find_element(By.CLASS_NAME, "errors").text)


def open_page(driver: WebDriver, url: str) -> None:
    driver.get(url)
    wait(driver, lambda d: d.find_element(By.ID, "preview").get_attribute("data-seq") != "0")


def test_fill_a_new_unit_fix_an_error_save_and_download(
    browser: WebDriver, served: Callable[[Path], str], tmp_path: Path
) -> None:
    facts = tmp_path / "新单位.yaml"
    open_page(browser, served(facts))
    assert "【待补充：年度】" in preview_text(browser)  # an empty unit: visible markers, nothing invented

    type_into(browser, "年度", "2024")
    type_into(browser, "单位.全称", "某县统计局")
    type_into(browser, "单位.简称", "县统计局")
    type_into(browser, "述职人.姓名", "李四")
    type_into(browser, "述职人.职务", "党组书记、局长")
    wait(browser, lambda d: "2024年度" in preview_text(d) and "李四" in preview_text(d))

    type_into(browser, "思想建设.中心组学习次数", "12次")
    wait(browser, lambda d: "去掉“次”“人”等字" in errors_of(d, "思想建设.中心组学习次数"))
    assert "has-error" in str(field(browser, "思想建设.中心组学习次数").get_attribute("class"))
    type_into(browser, "思想建设.中心组学习次数", "12")
    wait(browser, lambda d: "错误" not in errors_of(d, "思想建设.中心组学习次数"))

    problems = field(browser, "存在问题")
    problems.find_element(By.CLASS_NAME, "add").click()
    problems.find_element(By.CSS_SELECTOR, ".row textarea.col-内容").send_keys("调研走访基层党支部不够经常")
    problems.find_element(By.CLASS_NAME, "add").click()
    problems.find_elements(By.CSS_SELECTOR, ".row textarea.col-内容")[-1].send_keys("临时写错的一条")
    wait(
        browser,
        lambda d: "调研走访基层党支部不够经常" in preview_text(d) and "临时写错的一条" in preview_text(d),
    )
    problems.find_elements(By.CSS_SELECTOR, ".row button.remove")[-1].click()
    wait(browser, lambda d: "临时写错的一条" not in preview_text(d))
    assert "调研走访基层党支部不够经常" in preview_text(browser)

    picker = field(browser, "选用")
    picker.find_element(By.CLASS_NAME, "picker-search").send_keys("谈心谈话")
    hit = wait(browser, lambda d: field(d, "选用").find_elements(By.CSS_SELECTOR, ".hits li"))[0]
    chosen = hit.get_attribute("data-id")
    hit.click()
    wait(browser, lambda d: field(d, "选用").find_elements(By.CSS_SELECTOR, f'.chip[data-id="{chosen}"]'))

    counts = browser.find_element(By.ID, "counts").text
    # 字数 per part, under the titles of the layout the unit drew (kind.yaml 版式)
    assert "存在的" in counts and "合计" in counts and len(counts.splitlines()) >= 5
    assert "重合度" in browser.find_element(By.ID, "originality").text

    browser.find_element(By.ID, "save").click()
    wait(browser, lambda d: "已保存" in d.find_element(By.ID, "status").text)
    saved = facts.read_text(encoding="utf-8")
    assert "# ===== 本单位基本情况 =====" in saved and "全称: 某县统计局" in saved and str(chosen) in saved

    browser.find_element(By.ID, "download").click()
    downloads: Path = browser.downloads  # type: ignore[attr-defined]
    files = wait(browser, lambda d: list(downloads.glob("*.docx")))  # chromium renames it when complete
    assert [p.name for p in files] == ["县统计局2024年度述职报告.docx"]
    out = tmp_path / "render.docx"
    result = CliRunner().invoke(cli, ["render", str(facts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert files[0].read_bytes() == out.read_bytes()


def test_clicking_a_marker_jumps_to_its_field(
    browser: WebDriver, served: Callable[[Path], str], tmp_path: Path
) -> None:
    open_page(browser, served(tmp_path / "空.yaml"))
    marks = browser.find_elements(
        By.CSS_SELECTOR, '#preview mark.ph[data-field^="述职人."], #preview mark.ph[data-field^="单位."]'
    )
    assert marks, "an empty facts file shows markers for the unit and the person"
    field = marks[0].get_attribute("data-field")
    marks[0].click()
    active = browser.switch_to.active_element
    assert active.get_attribute("name") == field


def test_upload_an_edited_draft_and_see_lint_findings(
    browser: WebDriver, served: Callable[[Path], str], tmp_path: Path
) -> None:
    import docx

    edited = tmp_path / "改过的稿子.docx"
    document = docx.Document()
    document.add_paragraph("2024年度述职报告")
    document.add_paragraph("全年开展学习【待补充：次数】次，截止年底完成全部任务。")
    document.save(str(edited))
    open_page(browser, served(tmp_path / "x.yaml"))
    upload = browser.find_element(By.ID, "lint-file")
    browser.execute_script("arguments[0].hidden = false", upload)
    upload.send_keys(str(edited))
    box = wait(
        browser,
        lambda d: (
            d.find_element(By.ID, "lint-results")
            if d.find_element(By.ID, "lint-results").is_displayed()
            else None
        ),
    )
    text = box.text
    assert "改过的稿子.docx" in text and "发现" in text
    assert "待补充" in text and "截至" in text
    assert not list(tmp_path.glob("上传*"))
    browser.find_element(By.ID, "annotated").click()
    downloads: Path = browser.downloads  # type: ignore[attr-defined]
    copies = wait(browser, lambda d: list(downloads.glob("*.docx")))
    assert [p.name for p in copies] == ["改过的稿子（批注）.docx"]


class _OtherSite(http.server.BaseHTTPRequestHandler):
    """Another origin (a different port on this machine) whose page posts to drafter serve."""

    target = ""

    def do_GET(self) -> None:
        body = (
            f'<!doctype html><meta charset="utf-8"><form method="post" action="{self.target}api/save" '
            'enctype="text/plain"><input name=\'{"values": {"年度": "1999", "x": "\' value=\'"}}\'>'
            "</form><script>document.forms[0].submit()</script>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_post_from_another_origin_is_refused(
    browser: WebDriver, served: Callable[[Path], str], tmp_path: Path
) -> None:
    facts = tmp_path / "目标.yaml"
    url = served(facts)
    handler = type("Handler", (_OtherSite,), {"target": url})
    other = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), handler
    )  # chromium keeps spare connections open
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        browser.get(f"http://127.0.0.1:{other.server_address[1]}/")
        wait(browser, lambda d: "拒绝" in d.find_element(By.TAG_NAME, "body").text)
        assert not facts.exists()
        fetched = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0] + 'api/save', {method: 'POST', mode: 'no-cors', body: '{}'})"
            ".then(() => done('sent'), () => done('blocked'));",
            url,
        )
        assert fetched in ("sent", "blocked")
        assert not facts.exists()
    finally:
        other.shutdown()
        other.server_close()


def test_unit_type_brings_its_counts_and_the_checklist_ticks(
    browser: WebDriver, served: Callable[[Path], str], tmp_path: Path
) -> None:
    typed = next((t for t in schema.UNIT_TYPES if visible_extras({"单位.类型": t})), None)
    checklist = next((p for p, ff in leaves().items() if ff.widget == "checklist"), None)
    if typed is None or checklist is None:
        pytest.skip("this schema has no unit-type counts or no checklist")
    extra = visible_extras({"单位.类型": typed})[0]
    facts = tmp_path / "村.yaml"
    open_page(browser, served(facts))
    assert not field(browser, extra).is_displayed()
    Select(field(browser, "单位.类型").find_element(By.TAG_NAME, "select")).select_by_value(typed)
    wait(browser, lambda d: field(d, extra).is_displayed())
    ticks = field(browser, checklist).find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    ticks[1].click()
    ticks[0].click()
    wait(browser, lambda d: d.find_element(By.ID, "status").text == "有未保存的修改")
    browser.find_element(By.ID, "save").click()
    wait(browser, lambda d: "已保存" in d.find_element(By.ID, "status").text)
    facts_read = load_facts(facts)
    choices = leaves()[checklist].choices
    assert facts_read.get(checklist) == [choices[0], choices[1]]  # in the checklist's order
    assert facts_read.get("单位.类型") == typed
