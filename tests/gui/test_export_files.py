"""The Export page's files: the save dialog offers `<domain>-<date>.<ext>`, speaks the
wizard's language (Qt's own dialog, Qt's catalogue: "Look in" and "Files of type" in
Chinese), saves where the user chose, and the page lists every file written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel

from assistant.config import NetworkOptions, Target
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report
from ui.file_dialogs import default_file_name
from ui.pages.ids import EXPORT, RESULTS


def report_for(domain: str = "contoso.com"):
    steps = [Step("dns.mx", "MX records", Status.FAIL, summary="no MX record")]
    return build_report(Target.parse(f"admin@{domain}"), NetworkOptions(), steps)


def to_export(wizard, report) -> None:
    wizard.session.report, wizard.session.redactor = report, Redactor()
    wizard.session.opened_path = "memory"
    wizard.next()
    assert wizard.currentId() == RESULTS
    wizard.next()
    assert wizard.currentId() == EXPORT


def open_dialog(qtbot, page, kind: str) -> QFileDialog:
    page.buttons[kind].click()
    dialog = page.file_dialog
    assert isinstance(dialog, QFileDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, page, dialog: QFileDialog, path: Path) -> None:
    with qtbot.waitSignal(page.saved, timeout=30000) as saved:
        dialog.selectFile(str(path))
        dialog.accept()
    assert saved.args == [str(path)]
    assert path.exists()


def test_the_file_name_is_the_domain_and_the_reports_date(qtbot, wizard) -> None:
    report = report_for()
    report.created = "2025-03-14T09:30:00Z"
    to_export(wizard, report)
    page = wizard.export_page
    for kind, suffix in (("json", "json"), ("html", "html"), ("pdf", "pdf"), ("bundle", "zip")):
        dialog = open_dialog(qtbot, page, kind)
        chosen = Path(dialog.selectedFiles()[0]).name
        assert chosen == f"contoso.com-2025-03-14.{suffix}", kind
        dialog.reject()
        qtbot.waitUntil(lambda: page.file_dialog is None)


def test_a_name_from_a_hostile_report_file_stays_one_plain_file_name() -> None:
    report = report_for()
    report.created = "2025-03-14T09:30:00Z"
    report.target = {"domain": "../../etc/pass wd"}
    assert default_file_name(report, "html") == "etc-pass-wd-2025-03-14.html"
    report.target, report.created = {"domain": None}, "yesterday"
    assert default_file_name(report, "json") == "connectivity-report.json"
    report.target = {"domain": "xn--bcher-kva.example", "domain_unicode": "bücher.example"}
    assert default_file_name(report, "pdf") == "bücher.example.pdf"


def test_the_page_lists_every_file_written(qtbot, wizard, tmp_path: Path) -> None:
    to_export(wizard, report_for())
    page = wizard.export_page
    paths = [tmp_path / "r.json", tmp_path / "r.html", tmp_path / "r.pdf"]
    for path in paths:
        kind = path.suffix.lstrip(".")
        choose(qtbot, page, open_dialog(qtbot, page, kind), path)
    with qtbot.waitSignal(page.saved, timeout=30000):  # saved over (the dialog asks): once
        page.save(str(paths[0]), "json")
    lines = page.status.text().splitlines()
    assert lines == [
        "3 files saved:",
        f"Saved to {paths[1]}",
        f"Saved to {paths[2]}",
        f"Saved to {paths[0]}",
    ]
    page.identities.setChecked(True)
    choose(qtbot, page, open_dialog(qtbot, page, "bundle"), tmp_path / "s.zip")
    lines = page.status.text().splitlines()
    assert lines[0] == "4 files saved:"
    assert lines[-1] == f"Saved to {tmp_path / 's.zip'}, with placeholders for names, hosts and IPs"
    page.save(str(tmp_path / "missing" / "x.json"), "json")  # a failure keeps the list
    qtbot.waitUntil(page.error.isVisible, timeout=10000)
    assert page.status.text().splitlines()[0] == "4 files saved:"


def test_the_save_dialog_speaks_chinese(qtbot, wizard, translations, tmp_path: Path) -> None:
    wizard.switch_language("zh_CN")
    to_export(wizard, report_for())
    page = wizard.export_page
    dialog = open_dialog(qtbot, page, "html")
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog), "Qt's dialog, ours"
    look_in = dialog.findChild(QLabel, "lookInLabel")
    file_type = dialog.findChild(QLabel, "fileTypeLabel")
    file_name = dialog.findChild(QLabel, "fileNameLabel")
    assert look_in.text() == "查找范围(&L)：", look_in.text()
    assert file_type.text() == "文件类型(&T)：", file_type.text()
    assert file_name.text() == "文件名称(&N)："
    assert dialog.windowTitle() != "Save the report"
    choose(qtbot, page, dialog, tmp_path / "报告.html")
    assert "报告.html" in page.status.text()
