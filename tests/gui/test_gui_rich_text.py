"""Issue 11 item 16: data never renders as markup. A saved report, a server or a file name
can hold `<b>`, `<img src=...>` or `<a href=...>`; wherever such text meets a Qt label,
tooltip or message box, the reader sees those characters as they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from assistant.auth.prompt import DeviceCodePrompt
from assistant.config import NetworkOptions, Target
from assistant.events import SignInPrompt
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json
from ui.consent import ConsentDialog
from ui.pages.ids import EXPORT, RESULTS
from ui.widgets.step_tree import COL_SUMMARY, COL_TITLE

MARKUP = "<b>x</b><img src=\"file:///etc/hostname\"><a href='https://evil.example/'>click</a>"
HOSTILE_EMAIL = f"{MARKUP}@contoso.com"
HOSTILE_ID = "dns.<b>spf</b>"
HOSTILE_SUMMARY = "answered <img src='https://evil.example/t.gif'> and <a href=x>this</a>"


def rendered(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a reader sees of `text` in a widget with that text format (tooltips: AutoText)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n")


def shown(label: QLabel) -> str:
    return rendered(label.text(), label.textFormat())


def hostile_report(folder: Path, status: Status = Status.FAIL) -> Path:
    """A saved report whose target and steps hold markup, at a path that holds markup too."""
    steps = [
        Step(HOSTILE_ID, "SPF record", status, summary=HOSTILE_SUMMARY),
        Step("dns.mx", "MX records", Status.PASS, summary="mail goes to Exchange Online"),
    ]
    report = build_report(Target.parse("admin@contoso.com"), NetworkOptions(), steps)
    where = folder / "<b>x<"  # with the file name below: ".../<b>x</b><img src=x><a href=...>"
    where.mkdir()
    path = where / "b><img src=x><a href='https:evil'>r.json"
    write_json(report, path, Redactor())
    data = json.loads(path.read_text(encoding="utf-8"))
    data["target"]["email"] = HOSTILE_EMAIL  # as a hand-edited (hostile) file would say
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def opened(wizard, tmp_path: Path):
    path = hostile_report(tmp_path)
    assert wizard.welcome_page.open_path(str(path)), wizard.welcome_page.open_error.message
    assert wizard.currentId() == RESULTS
    return wizard, str(path)


def test_an_opened_report_shows_its_target_and_path_as_text(opened) -> None:
    wizard, path = opened
    page = wizard.results_page
    assert HOSTILE_EMAIL in page.subTitle()
    subtitle = next(w for w in wizard.findChildren(QLabel) if w.text() == page.subTitle())
    assert HOSTILE_EMAIL in shown(subtitle)
    assert path in shown(page.banner.text)  # "Opened from <path>", in the rich banner
    assert "Problems found." in shown(page.banner.text)  # the banner's own markup still works


def test_step_ids_and_summaries_from_a_report_show_as_text_in_tooltips(opened) -> None:
    wizard, _path = opened
    item = wizard.results_page.tree.item_for(HOSTILE_ID)
    assert item is not None
    assert rendered(item.toolTip(COL_TITLE)) == HOSTILE_ID
    assert rendered(item.toolTip(COL_SUMMARY)) == HOSTILE_SUMMARY


def test_compare_shows_markup_in_ids_and_paths_as_text(qtbot, wizard, tmp_path: Path) -> None:
    for name in ("older", "newer"):
        (tmp_path / name).mkdir()
    older, newer = (
        hostile_report(tmp_path / "older"),
        hostile_report(tmp_path / "newer", Status.WARN),
    )
    page = wizard.welcome_page
    page.compare_paths(str(older), str(newer))
    qtbot.waitUntil(lambda: page.compare_dialog is not None, timeout=5000)
    dialog = page.compare_dialog
    assert str(older) in shown(dialog.files) and str(newer) in shown(dialog.files)
    titles = [dialog.table.item(row, 0) for row in range(dialog.table.rowCount())]
    assert [rendered(title.toolTip()) for title in titles] == [HOSTILE_ID]
    dialog.close()


def test_the_save_status_shows_the_path_as_text(qtbot, opened, tmp_path: Path) -> None:
    wizard, _path = opened
    wizard.next()
    assert wizard.currentId() == EXPORT
    page = wizard.export_page
    target = tmp_path / "<b>x<" / "b><img src=x>saved.json"
    with qtbot.waitSignal(page.saved, timeout=10000):
        page.save(str(target), "json")
    assert f"Saved to {target}" == shown(page.status)


def test_a_sign_in_prompt_from_the_server_shows_as_text(wizard) -> None:
    page = wizard.run_page
    prompt = DeviceCodePrompt(
        message=f"To sign in, use {MARKUP}",
        verification_uri='https://login.microsoftonline.com/device"><img src=x>',
        user_code="ABC<b>D</b>",
        expires_at=dt.datetime.now(dt.UTC),
    )
    page._other_event(SignInPrompt("auth.token", prompt))
    assert shown(page.status) == f"To sign in, use {MARKUP}"
    assert shown(page.device_box.code) == "ABC<b>D</b>"
    assert shown(page.device_box.url) == prompt.verification_uri  # the link's text
    page.device_box.end()


def test_lab_errors_show_as_text(wizard) -> None:
    wizard._lab_failed(f"Traceback ...\nRuntimeError: Dovecot did not start: {MARKUP}")
    assert shown(wizard.welcome_page.demo_note).endswith(MARKUP)
    assert shown(wizard.target_page.lab_status).endswith(MARKUP)


def test_the_sign_in_statement_escapes_the_domain(wizard) -> None:
    """The statement is rich text (bold headings); the domain in it is data."""
    wizard.session.target = Target(domain="<b>x</b>.contoso.com", email=None)
    page = wizard.signin_page
    page.set_method("password")
    page.retranslate()
    text = shown(page.statement)
    assert "only to hosts in <b>x</b>.contoso.com" in text
    assert "Where the password goes:" in text  # its own markup renders (no "<b>" shown)


def test_the_consent_question_shows_host_and_reason_as_text(wizard) -> None:
    dialog = ConsentDialog(wizard, "<b>evil</b>.example", f"redirected by {MARKUP}", "contoso.com")
    try:
        labels = [w for w in dialog.findChildren(QLabel) if w.text()]
        texts = "\n".join(shown(label) for label in labels)
        assert "Send your credentials to <b>evil</b>.example?" in texts
        assert f"Reason given: redirected by {MARKUP}" in texts
    finally:
        dialog.deleteLater()
