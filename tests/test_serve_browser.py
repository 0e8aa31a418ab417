"""The workshop page end to end in a real browser, and the serve benchmark's smoke run.

Playwright's own browsers cannot be downloaded here, so it launches the system chromium by path.
Skipped when chromium or Playwright is missing, except in CI (CI=… set), where a missing one is a failure.
Set ORGDESIGN_SCREENSHOTS=FOLDER to keep the screenshots at 1280 px and 390 px.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from orgdesign.input.load import load_org

pytestmark = pytest.mark.integration


def _need(found, what: str):
    if not found:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing; .ci/run and the test extra install it")
        pytest.skip(f"{what} is not installed")
    return found


def _serve(folder: Path, name: str, *options: str) -> tuple[str, subprocess.Popen]:
    """Start `orgdesign serve NAME` on a free port in `folder`; the one line it printed and the process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "orgdesign", "serve", name, "--port", "0", "--no-browser", *options],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process.stdout.readline().strip(), process


def _browser_api():
    try:
        from playwright import sync_api
    except ImportError:
        sync_api = None
    return _need(sync_api, "playwright"), _need(
        shutil.which("chromium") or shutil.which("chromium-browser"), "chromium"
    )


@pytest.fixture
def server(tmp_path):
    """`orgdesign serve` on a free port over a copy of the airline, and the one line it printed."""
    shutil.copy(ROOT / "examples" / "airline.yaml", tmp_path / "airline.yaml")
    url, process = _serve(tmp_path, "airline.yaml")
    yield url, process, tmp_path
    if process.poll() is None:
        process.kill()
        process.wait()


def test_serve_prints_one_line_and_stops_cleanly_on_ctrl_c(server):
    import urllib.request

    url, process, _ = server
    assert url.startswith("http://127.0.0.1:") and "/?token=" in url
    api = url.split("/?token=")[0] + "/api/org"
    with urllib.request.urlopen(
        urllib.request.Request(api, headers={"Authorization": "Bearer " + url.split("=")[1]})
    ) as r:
        assert r.status == 200
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0
    assert out == "" and "Traceback" not in err  # nothing after the one line, no traceback


def test_the_page_lowers_a_capacity_undoes_and_saves(server):
    sync_api, chromium = _browser_api()
    url, _, folder = server
    shots = Path(os.environ.get("ORGDESIGN_SCREENSHOTS") or folder)
    complaints: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: complaints.append(str(error)))
        page.goto(url)
        assert "token" not in page.url  # the token went into the cookie and out of the address bar
        owner = page.locator("#owners tr[data-objective=account_governance] td:nth-child(2) strong")
        sync_api.expect(owner).to_have_text("Marketing & Communications")

        page.select_option("#f-capacity select[name=department]", "mktcomms")
        page.fill("#f-capacity input[name=value]", "1")
        page.click("#f-capacity button")
        sync_api.expect(owner).to_have_text("Communications & Outreach")
        moved = page.locator("#owners tr.moved[data-objective=account_governance]")
        sync_api.expect(moved).to_have_count(1)
        sync_api.expect(page.locator("#changes li.moved").first).to_contain_text("Accounts and guidelines")
        sync_api.expect(page.locator("#scenario li")).to_have_text(["Marketing & Communications: capacity 1×"])
        page.wait_for_load_state("networkidle")  # the chart image too
        page.screenshot(path=str(shots / "serve-1280.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(shots / "serve-390.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # tables scroll inside, not the page
        page.set_viewport_size({"width": 1280, "height": 900})

        page.click("#undo")
        sync_api.expect(owner).to_have_text("Marketing & Communications")
        sync_api.expect(page.locator("#owners tr.moved")).to_have_count(0)
        page.click("#redo")
        sync_api.expect(owner).to_have_text("Communications & Outreach")

        care = page.locator("#owners tr[data-objective=care] td:nth-child(2) strong")
        sync_api.expect(care).to_have_text("Social Care Team")
        page.select_option("#f-constraint select[name=objective]", "care")
        page.select_option("#f-constraint select[name=verb]", "pin")
        page.select_option("#f-constraint select[name=department]", "customer_relations")
        page.click("#f-constraint button")
        sync_api.expect(care).to_have_text("Customer Relations")
        sync_api.expect(page.locator("#changes")).to_contain_text("a constraint now pins it to Customer Relations")

        page.locator(".explain").first.click()
        sync_api.expect(page.locator("#explain")).to_contain_text("Reasons")
        page.locator("#explain").screenshot(path=str(shots / "serve-explain.png"))

        page.fill("#save-path", "agreed.yaml")
        page.click("#save")
        sync_api.expect(page.locator("#status")).to_have_text("Saved as agreed.yaml")
        browser.close()
    saved = load_org(str(folder / "agreed.yaml"))
    assert {d.id: d.capacity for d in saved.departments}["mktcomms"] == 1
    assert ("care", "owner", "customer_relations") in {(c.objective, c.kind, c.department) for c in saved.constraints}
    assert complaints == []  # no CSP violation, no script error


def test_the_serve_benchmark_smoke_run_prints_its_series():
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "serve.py"), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert "| airline.yaml | 3 |" in run.stdout and "| generated_200x13.json | 3 |" in run.stdout
    assert "| a what-if over HTTP <= 200 ms median on every example |" in run.stdout


def test_hostile_names_stay_text_in_the_page(tmp_path):
    import yaml
    from test_export import HOSTILE, _hostile_org

    sync_api, chromium = _browser_api()
    (tmp_path / "hostile.yaml").write_text(yaml.safe_dump(_hostile_org()))
    url, process = _serve(tmp_path, "hostile.yaml")
    dialogs: list[str] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(url)
            sync_api.expect(page.locator("#org-name")).to_have_text(HOSTILE[0] + " " + HOSTILE[3])
            owners = page.locator("#owners td:first-child")
            sync_api.expect(owners.first).to_contain_text(HOSTILE[0])  # shown as the characters it is
            page.select_option("#f-capacity select[name=department]", "d0")
            page.fill("#f-capacity input[name=value]", "1")
            page.click("#f-capacity button")
            sync_api.expect(page.locator("#scenario li").first).to_contain_text(HOSTILE[1])
            assert page.locator("#results script, #results img:not(#chart-img), #results svg").count() == 0
            browser.close()
    finally:
        process.kill()
        process.wait()
    assert dialogs == []  # nothing in a name ran


def test_the_page_speaks_the_language_serve_runs_in(tmp_path):
    """`serve --lang de`: the page's own words are German too, not only what the API computes."""
    sync_api, chromium = _browser_api()
    shutil.copy(ROOT / "examples" / "airline.yaml", tmp_path / "airline.yaml")
    url, process = _serve(tmp_path, "airline.yaml", "--lang", "de")
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(url)
            sync_api.expect(page.locator("#owners th").first).to_have_text("Ziel")
            sync_api.expect(page.locator("#edit h2")).to_have_text("Was wäre, wenn")
            sync_api.expect(page.locator("#undo")).to_have_text("Rückgängig")
            assert page.evaluate("document.documentElement.lang") == "de"
            browser.close()
    finally:
        process.kill()
        process.wait()
