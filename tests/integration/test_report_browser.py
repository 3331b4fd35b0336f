"""The HTML report in a real browser (headless Chromium through Selenium, offline), and
the PDF turned into a picture with pdftoppm. Both pictures are kept for people to look
at: set CA_UPDATE_SCREENSHOTS=1 to refresh docs/screenshots/."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from assistant.auth.credentials import PasswordCredential
from assistant.checks.registry import select
from assistant.config import Target
from assistant.facts import Cloud
from assistant.lab.exchange import LAB_PASSWORD
from assistant.lab.tenant import Lab
from assistant.net.redact import Redactor
from assistant.report.environment import run_facts
from assistant.report.export import ExportRequest, write_exports
from assistant.report.json_report import build_report
from assistant.report.runlog import RunLog
from assistant.runner import Runner

pytestmark = pytest.mark.lab

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EMAIL = "admin@ad-expired.test"  # an on-premises mailbox whose autodiscover certificate expired


@pytest.fixture(scope="module")
def exported(lab: Lab, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exported")
    redactor = Redactor()
    target = Target.parse(EMAIL, Cloud.ONPREM)
    options = lab.network_options()
    runner = Runner(
        target, options, redactor=redactor, credentials=PasswordCredential(EMAIL, LAB_PASSWORD)
    )
    log = RunLog(redactor=redactor)
    names = ["dns", "autodiscover"]
    steps = runner.run(select(names), log.record)
    facts = run_facts(names, log.planned, cancelled=False, duration_ms=log.duration_ms)
    report = build_report(target, options, steps, run=facts)
    request = ExportRequest(html=str(folder / "r.html"), pdf=str(folder / "r.pdf"))
    assert write_exports(report, redactor, request, log=log.text()) == []
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # with both paths given, Selenium Manager stays idle
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1800",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def keep(picture: Path, name: str) -> None:
    if os.environ.get("CA_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(picture, SCREENSHOTS / name)


def test_the_report_opens_folds_and_unfolds_and_is_photographed(
    exported: Path, browser: WebDriver, tmp_path: Path
) -> None:
    browser.get((exported / "r.html").as_uri())
    assert "Connectivity report" in browser.title
    # Failing checks are open; passing ones folded, their children hidden until clicked.
    failing = browser.find_element(By.CSS_SELECTOR, 'details[data-id="autodiscover.result"]')
    assert failing.get_attribute("open") is not None
    parent = browser.find_element(By.CSS_SELECTOR, 'details[data-id="dns.mx"]')
    child = parent.find_element(By.CSS_SELECTOR, 'details[data-id="dns.mx.host.1"]')
    assert not child.is_displayed()
    parent.find_element(By.TAG_NAME, "summary").click()
    assert child.is_displayed()
    evidence = child.find_element(By.CSS_SELECTOR, "details.evidence table")
    assert not evidence.is_displayed()
    child.find_element(By.TAG_NAME, "summary").click()
    child.find_element(By.CSS_SELECTOR, "details.evidence > summary").click()
    assert evidence.is_displayed()
    # The inline style sheet and script ran under the page's Content-Security-Policy.
    badge = browser.find_element(By.CSS_SELECTOR, ".badge.st-fail")
    assert badge.value_of_css_property("font-weight") == "700"
    assert badge.text == "✖ FAIL"
    buttons = browser.find_elements(By.CSS_SELECTOR, "#toolbar button")
    assert [b.text for b in buttons] == ["Expand all", "Collapse all"]
    problems = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert problems == [], problems
    # Collapse everything, then open the tree the way a reader would for the picture.
    buttons[1].click()
    assert not child.is_displayed()
    buttons[0].click()
    assert child.is_displayed()
    buttons[1].click()
    failing.find_element(By.TAG_NAME, "summary").click()
    browser.set_window_size(1280, 2300)  # tall enough to show the failed check unfolded
    browser.execute_script("window.scrollTo(0, 0)")
    picture = tmp_path / "report-html.png"
    assert browser.save_screenshot(str(picture))
    assert picture.stat().st_size > 20_000
    keep(picture, "report-html.png")


def test_printing_shows_folded_content(exported: Path, browser: WebDriver, tmp_path: Path) -> None:
    browser.get((exported / "r.html").as_uri())
    folded = browser.find_element(By.CSS_SELECTOR, 'details[data-id="dns.mx"]')
    assert folded.get_attribute("open") is None
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(base64.b64decode(browser.print_page()))
    text = subprocess.run(
        ["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "dns.mx.host.1" in text  # a child of a folded check, on paper


def test_the_pdf_renders_to_a_picture(exported: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            str(exported / "r.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    picture = next(tmp_path.glob("page*.png"))
    assert picture.stat().st_size > 20_000
    keep(picture, "report-pdf-page1.png")
