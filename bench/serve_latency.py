"""Benchmark of ``drafter serve`` (not part of the test suite): ``python bench/serve_latency.py [--changes N]``.

How long after a change the page shows the new preview (issue 16's target: within 300 ms):

1. the server alone: ``POST /api/preview`` over loopback HTTP with the sample facts, one number changed
   each time (validation, check, draft, originality and lint: everything the page shows);
2. the whole page in Debian's chromium (when chromium and chromium-driver are installed): from a change in
   a number field to the redrawn preview, measured inside the page, the page's 120 ms debounce included.

Median and 95th percentile; the results replace the section "drafter serve" of bench/RESULTS.md (other
sections are left alone).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from drafter.serve.server import bind, url_of
from drafter.serve.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "市发改委党组书记.yaml"
RESULTS = ROOT / "bench" / "RESULTS.md"
FIELD = "思想建设.中心组学习次数"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_server(url: str, token: str, values: dict[str, Any], changes: int) -> list[float]:
    times = []
    for i in range(changes):
        body = json.dumps({"values": {**values, FIELD: str(10 + i % 7)}}).encode()
        request = urllib.request.Request(
            url + "api/preview",
            body,
            method="POST",
            headers={"Content-Type": "application/json", "X-Drafter-Token": token},
        )
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            ok = json.load(response)["ok"]
        times.append((time.perf_counter() - start) * 1000)
        assert ok, "the sample facts should be valid"
    return times


# in the page: change the field, wait for the preview's sequence number to move, return milliseconds
CHANGE_AND_WAIT = """
const [path, value, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const input = document.querySelector('.field[data-path="' + path + '"] input');
const paper = document.getElementById('preview');
const before = paper.dataset.seq;
const start = performance.now();
const seen = new MutationObserver(() => {
  if (paper.dataset.seq !== before) { seen.disconnect(); done(performance.now() - start); }
});
seen.observe(paper, {attributes: true, attributeFilter: ['data-seq']});
input.value = value;
input.dispatchEvent(new Event('input', {bubbles: true}));
"""


def bench_browser(url: str, changes: int) -> list[float] | None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='drafter-bench-')}")
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        driver.get(url)
        time.sleep(1)  # the first preview
        times = []
        for i in range(changes + 3):
            elapsed = driver.execute_async_script(CHANGE_AND_WAIT, FIELD, str(10 + i % 7))
            if i >= 3:  # the first few warm the browser up
                times.append(float(elapsed))
        return times
    finally:
        driver.quit()


def row(name: str, times: list[float]) -> str:
    return (
        f"| {name} | {len(times)} | {statistics.median(times):.1f} | {percentile(times, 0.95):.1f} | "
        f"{max(times):.1f} |"
    )


def write(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"\n## drafter serve: preview latency.*?(?=\n## |\Z)", re.S)
    text = pattern.sub("", text).rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        facts = Path(tmp) / SAMPLE.name
        shutil.copy(SAMPLE, facts)
        server = bind(facts, port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = url_of(server)
        token = server.app.config["DRAFTER_TOKEN"]
        values = Workspace(facts).initial
        bench_server(url, token, values, 10)  # warm caches, as a page that has been open a moment
        server_times = bench_server(url, token, values, args.changes)
        browser_times = bench_browser(url, min(args.changes, 100))
        server.shutdown()
        server.server_close()
    lines = [
        "## drafter serve: preview latency after a change (target ≤ 300 ms)",
        f"`python bench/serve_latency.py` on {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}; sample {SAMPLE.name}, one number changed each time.",
        "",
        "| measured | changes | median (ms) | p95 (ms) | max (ms) |",
        "|---|---|---|---|---|",
        row("server: POST /api/preview over loopback (check + draft + originality + lint)", server_times),
    ]
    if browser_times is not None:
        lines.append(
            row("page in chromium: change → preview redrawn (120 ms debounce included)", browser_times)
        )
    else:
        lines.append("| page in chromium | — | not measured: chromium or chromium-driver missing | | |")
    section = "\n".join(lines) + "\n"
    write(section)
    print(section)


if __name__ == "__main__":
    main()
