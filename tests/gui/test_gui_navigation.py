"""Every page with valid and invalid input: errors beside the field, Next held back."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import fill_target
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from assistant.config import ConnectTo, InputError, NetworkOptions, Target, parse_nameserver
from assistant.facts import Cloud
from assistant.model import Remedy, Status, Step
from assistant.net.redact import Redactor
from assistant.report.json_report import build_report, write_json
from ui import detect
from ui.pages.ids import CHECKS, RESULTS, SIGNIN, TARGET, WELCOME


def engine_message(parse, text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse(text)
    return str(caught.value)


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def to_target(wizard) -> None:
    assert wizard.currentId() == WELCOME
    wizard.next()
    assert wizard.currentId() == TARGET


def test_valid_input_walks_every_page_up_to_the_run(qtbot, wizard) -> None:
    to_target(wizard)
    fill_target(qtbot, wizard, "admin@contoso.com")
    page = wizard.target_page
    assert page.domain.text() == "contoso.com", "the domain follows the address"
    assert next_enabled(wizard)
    assert wizard.session.target == Target("contoso.com", "admin@contoso.com", Cloud.WORLDWIDE)
    wizard.next()
    assert wizard.currentId() == CHECKS
    checks = wizard.checks_page
    for _area, enabled, box, line in checks.rows:
        assert box.isEnabled() == enabled
        assert ("Coming in a later version." in line.text()) == (not enabled)
    checks.set_selected([])
    assert not next_enabled(wizard), "nothing to test: Next waits"
    checks.set_selected(["dns"])
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentId() == SIGNIN
    signin = wizard.signin_page
    assert signin.username.text() == "admin@contoso.com"
    assert signin.oauth.isEnabled(), "OAuth device code sign-in is offered"
    assert not signin.client_id.isEnabled(), "its fields only when chosen"
    assert "never saved" in signin.statement.text()
    assert "contoso.com" in signin.statement.text()
    signin.password_mode.setChecked(True)
    assert not next_enabled(wizard), "a password sign-in needs the password"
    qtbot.keyClicks(signin.password, "x")
    assert next_enabled(wizard)
    signin.oauth.setChecked(True)
    assert not next_enabled(wizard), "OAuth needs the app's client ID"
    assert "Where the tokens go" in signin.statement.text()
    signin.none.setChecked(True)
    assert next_enabled(wizard)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Run diagnosis"
    wizard.back()
    wizard.back()
    assert wizard.currentId() == TARGET


@pytest.mark.parametrize(
    "text", ["not an address", "user@", "us er@contoso.com", "a..b@contoso.com", "@contoso"]
)
def test_an_invalid_email_shows_the_engine_message_and_holds_next(qtbot, wizard, text) -> None:
    to_target(wizard)
    fill_target(qtbot, wizard, text)
    page = wizard.target_page
    expected = engine_message(Target.parse_email, text)
    assert page.email_error.isVisible()
    assert page.email_error.message == expected
    assert page.email.accessibleDescription() == expected
    assert not page.isComplete()
    assert not next_enabled(wizard)
    fill_target(qtbot, wizard, "admin@contoso.com")
    assert not page.email_error.isVisible()
    assert next_enabled(wizard)


def test_the_domain_is_derived_but_stays_as_edited(qtbot, wizard) -> None:
    to_target(wizard)
    page = wizard.target_page
    fill_target(qtbot, wizard, "someone@fabrikam.com")
    assert page.domain.text() == "fabrikam.com"
    page.domain.clear()
    qtbot.keyClicks(page.domain, "mail.fabrikam.com")
    fill_target(qtbot, wizard, "other@contoso.com")
    assert page.domain.text() == "mail.fabrikam.com"
    assert wizard.session.target.domain == "mail.fabrikam.com"
    assert wizard.session.target.email == "other@contoso.com"
    page.domain.clear()
    qtbot.keyClicks(page.domain, "bad domain")
    assert page.domain_error.message == engine_message(Target.parse, "bad domain")
    assert not next_enabled(wizard)


@pytest.mark.parametrize(
    ("field", "text", "parse"),
    [
        ("nameservers", "dns.contoso.com", parse_nameserver),
        ("nameservers", "192.0.2.1:99999", parse_nameserver),
        ("connect_to", "mail.contoso.com:443", ConnectTo.parse),
        ("connect_to", "a:1:b:x", ConnectTo.parse),
    ],
)
def test_invalid_advanced_options_show_the_engine_message(qtbot, wizard, field, text, parse):
    to_target(wizard)
    fill_target(qtbot, wizard, "admin@contoso.com")
    page = wizard.target_page
    qtbot.mouseClick(page.advanced_toggle, Qt.MouseButton.LeftButton)
    assert page.advanced.isVisible()
    widget = getattr(page.advanced, field)
    if field == "connect_to":
        widget.setPlainText(text)
    else:
        qtbot.keyClicks(widget, text)
    error = page.advanced.errors[field]
    assert error.isVisible()
    assert error.message == engine_message(parse, text)
    assert not next_enabled(wizard)
    widget.clear()
    assert not error.isVisible()
    assert next_enabled(wizard)


def test_deadline_shorter_than_timeout_and_missing_files_are_refused(qtbot, wizard, tmp_path):
    to_target(wizard)
    fill_target(qtbot, wizard, "admin@contoso.com")
    wizard.target_page.show_advanced(True)
    advanced = wizard.target_page.advanced
    advanced.timeout.setValue(30)
    advanced.deadline.setValue(10)
    expected = engine_message(lambda _: NetworkOptions(timeout=30, check_deadline=10), "")
    assert advanced.errors["deadline"].message == expected
    assert not next_enabled(wizard)
    advanced.deadline.setValue(60)
    assert next_enabled(wizard)
    advanced.ca_bundle.setText(str(tmp_path / "missing.pem"))
    assert advanced.errors["ca_bundle"].isVisible()
    advanced.ca_bundle.setText("")
    qtbot.keyClicks(advanced.proxy, "proxy.contoso.com")
    assert advanced.errors["proxy"].isVisible()
    assert not next_enabled(wizard)
    advanced.proxy.setText("https://proxy.contoso.com:8443")
    assert "http://" in advanced.errors["proxy"].message and not next_enabled(wizard)
    advanced.proxy.setText("http://alice:Canary-Proxy-Pw@proxy.contoso.com:8080")
    assert "password" in advanced.errors["proxy"].message and not next_enabled(wizard)
    assert "Canary-Proxy-Pw" not in advanced.errors["proxy"].message
    advanced.proxy.setText("http://proxy.contoso.com:8080")
    assert next_enabled(wizard)
    assert wizard.session.options.http_proxy == "http://proxy.contoso.com:8080"


def test_a_detected_cloud_becomes_the_default_unless_the_user_chose(qtbot, wizard, monkeypatch):
    asked: list[str] = []

    def fake(domain: str, options: NetworkOptions | None) -> Cloud | None:
        asked.append(domain)
        return Cloud.GCC_HIGH

    monkeypatch.setattr(detect, "detect_cloud", fake)
    to_target(wizard)
    page = wizard.target_page
    fill_target(qtbot, wizard, "admin@contoso.us")
    qtbot.waitUntil(lambda: page.current_cloud() is Cloud.GCC_HIGH, timeout=3000)
    assert asked == ["contoso.us"]
    assert page.cloud_hint.isVisible()
    assert wizard.session.target.cloud is Cloud.GCC_HIGH
    # A choice the user made wins over a later detection.
    page._cloud_chosen = True
    page.set_cloud(Cloud.DOD)
    fill_target(qtbot, wizard, "admin@fabrikam.us")
    qtbot.waitUntil(lambda: asked[-1:] == ["fabrikam.us"], timeout=3000)
    qtbot.wait(50)
    assert page.current_cloud() is Cloud.DOD


def test_the_tenant_cloud_is_detected_from_the_lab_sign_in_metadata(qtbot, wizard, lab) -> None:
    """The real engine asks the lab's sign-in service (as login.microsoftonline.com)."""
    wizard.use_lab(lab, "healthy")
    wizard.next()
    page = wizard.target_page
    fill_target(qtbot, wizard, "admin@contoso-gov.test")
    qtbot.waitUntil(lambda: page.current_cloud() is Cloud.GCC_HIGH, timeout=5000)
    assert page.cloud_hint.isVisible()
    # A domain no sign-in service knows leaves the choice alone.
    assert detect.detect_cloud("fabrikam.test", lab.network_options(timeout=1.0)) is None
    assert detect.detect_cloud("fabrikam.test", None) is None


def test_a_saved_report_opens_on_the_results_page(qtbot, wizard, tmp_path: Path) -> None:
    step = Step(
        "dns.spf",
        "SPF record",
        Status.FAIL,
        summary="two SPF records",
        remedy=Remedy("Merge them into one.", "https://learn.microsoft.com/x"),
    )
    report = build_report(Target.parse("admin@contoso.com"), NetworkOptions(), [step])
    path = tmp_path / "saved.json"
    write_json(report, path, Redactor())
    assert wizard.welcome_page.open_path(str(path))
    assert wizard.currentId() == RESULTS
    results = wizard.results_page
    assert "saved.json" in results.banner.text.text()
    assert results.tree.topLevelItemCount() == 1
    assert "Merge them into one." in results.details.browser.toPlainText()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    wizard.back()
    assert wizard.currentId() == WELCOME
    assert not wizard.welcome_page.open_path(str(broken))
    assert wizard.welcome_page.open_error.isVisible()
    assert wizard.currentId() == WELCOME


def test_every_input_has_an_accessible_name_and_a_keyboard_path(qtbot, wizard) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    to_target(wizard)
    wizard.target_page.show_advanced(True)
    for page_id in (TARGET, CHECKS, SIGNIN):
        page = wizard.page(page_id)
        kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton)
        for widget in page.findChildren(QWidget):
            if isinstance(widget, kinds) and widget.isVisibleTo(page):
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                assert name, f"{widget.objectName() or widget} has no accessible name"
                assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus
    # Tab goes email -> domain -> environment -> advanced, in reading order.
    page = wizard.target_page
    chain = [page.email]
    for _ in range(3):
        chain.append(chain[-1].nextInFocusChain())
        while not chain[-1].isVisible() or chain[-1].focusPolicy() == Qt.FocusPolicy.NoFocus:
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain[1:] == [page.domain, page.cloud, page.advanced_toggle]
