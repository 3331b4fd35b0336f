"""Issue 6 leftovers: compare two saved reports from the Welcome page. (The PDF printed
through Qt is gone, issue 16: the Export page has the engine's PDF only.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from assistant.config import NetworkOptions, Target
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json

CANARY = "canary-Zq7-SECRET-0042"


def steps(spf: Status, *, with_new: bool) -> list[Step]:
    found = [
        Step("dns.mx", "MX records", Status.PASS, summary="mail goes to Exchange Online"),
        Step(
            "dns.spf",
            "SPF record",
            spf,
            summary="one SPF record" if spf is Status.PASS else "two SPF records",
            details=f"looked up with password {CANARY}",
        ),
    ]
    if with_new:
        found.append(Step("dns.dmarc", "DMARC record", Status.WARN, summary="p=none"))
    return found


def write(path: Path, spf: Status, *, with_new: bool) -> Path:
    report = build_report(
        Target.parse("admin@contoso.com"), NetworkOptions(), steps(spf, with_new=with_new)
    )
    write_json(report, path, Redactor([CANARY]))
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    old = write(tmp_path / "old.json", Status.PASS, with_new=False)
    new = write(tmp_path / "new.json", Status.FAIL, with_new=True)
    return str(old), str(new)


def test_compare_shows_what_changed(qtbot, wizard, pair) -> None:
    page = wizard.welcome_page
    assert page.compare.isVisible()
    page.compare_paths(*pair)
    qtbot.waitUntil(lambda: page.compare_dialog is not None, timeout=5000)
    dialog = page.compare_dialog
    assert dialog.isVisible()
    assert dialog.verdict.text() == "Overall: Passed → Failed"
    rows = {row[0]: row for row in dialog.rows()}
    assert rows["dns.spf"][2:4] == ("Passed", "Failed")
    assert rows["dns.spf"][4] == "two SPF records"
    assert rows["dns.dmarc"][2] == "(new)"
    assert rows["dns.dmarc"][3] == "Warning"
    assert "dns.mx" not in rows  # unchanged
    status_cell = dialog.table.item([r[0] for r in dialog.rows()].index("dns.spf"), 3)
    assert status_cell.data(Qt.ItemDataRole.UserRole) == "fail"
    assert not status_cell.icon().isNull()
    assert "Failed" in dialog.counts.text()
    assert not page.compare_error.isVisible()
    assert wizard.session.report is None  # comparing opens nothing


def test_the_compare_dialog_speaks_chinese(qtbot, wizard, translations, pair) -> None:
    page = wizard.welcome_page
    page.compare_paths(*pair)
    qtbot.waitUntil(lambda: page.compare_dialog is not None, timeout=5000)
    dialog = page.compare_dialog
    english = [dialog.windowTitle(), dialog.verdict.text(), dialog.counts.text()]
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "变化内容", timeout=2000)
    assert dialog.verdict.text() == "总体结果：通过 → 失败"
    assert dialog.counts.text() not in english
    assert dialog.table.horizontalHeaderItem(2).text() == "之前"
    assert page.compare.text().startswith("比较两份报告")


def test_a_damaged_report_shows_why(qtbot, wizard, pair, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"format": "connectivity-report", "steps": [', encoding="utf-8")
    page = wizard.welcome_page
    assert page.open_path(pair[0]) is True  # something open already, which must survive
    wizard.back()
    page.compare_paths(pair[0], str(damaged))
    qtbot.waitUntil(page.compare_error.isVisible, timeout=5000)
    assert "damaged.json" in page.compare_error.message
    assert len(page.compare_error.message) > len(str(damaged)) + 5
    assert page.compare_dialog is None
    assert page.compare.isEnabled()
    assert wizard.session.opened_path == pair[0]
    assert wizard.session.report is not None
