"""Issue 11 item 14, the wizard's half: a control character pasted into the address, the
sign-in name or the app's mailbox is refused by the engine's own check, shown beside the
field as every input error is, keeps Next disabled, and is never remembered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui_helpers import fill_target
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWizard

from ui.pages.ids import SIGNIN
from ui.settings import FILE_NAME

# A CR LF ends an IMAP LOGIN line early; ^A frames XOAUTH2's fields; U+2028 breaks lines too.
BAD = [
    "admin@contoso.test\r\nA1 LOGOUT",
    "admin\x01auth=Bearer x@contoso.test",
    "ad\u2028min@contoso.test",
]


def paste(line: QLineEdit, text: str) -> None:
    """As a user would get it there: QLineEdit keeps control characters on paste."""
    line.clear()
    QGuiApplication.clipboard().setText(text)
    line.paste()
    assert line.text() == text


def next_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def to_signin(qtbot, wizard) -> None:
    wizard.next()
    fill_target(qtbot, wizard, "admin@contoso.test")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == SIGNIN


@pytest.mark.parametrize("text", BAD)
def test_the_address_refuses_control_characters(qtbot, wizard, text: str) -> None:
    wizard.next()
    page = wizard.target_page
    paste(page.email, text)
    assert page.email_error.isVisible()
    assert "control character" in page.email_error.message
    assert not page.isComplete() and not next_enabled(wizard)


@pytest.mark.parametrize("text", BAD)
def test_the_sign_in_name_refuses_control_characters(
    qtbot, wizard, text: str, config_dir: Path
) -> None:
    to_signin(qtbot, wizard)
    page = wizard.signin_page
    page.set_method("password")
    qtbot.keyClicks(page.password, "not-a-real-password")
    assert page.isComplete()
    paste(page.username, text)
    assert page.username_error.isVisible()
    assert "control character" in page.username_error.message
    assert page.username.accessibleDescription() == page.username_error.message
    assert not page.isComplete() and not next_enabled(wizard)
    assert page.take_credentials() is None  # nothing to send with that name
    wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    saved = json.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert "username" not in saved


def test_a_corrected_sign_in_name_is_accepted(qtbot, wizard) -> None:
    to_signin(qtbot, wizard)
    page = wizard.signin_page
    page.set_method("password")
    qtbot.keyClicks(page.password, "not-a-real-password")
    paste(page.username, BAD[0])
    assert not page.isComplete()
    paste(page.username, "  admin@contoso.test ")
    assert not page.username_error.isVisible()
    assert page.isComplete() and next_enabled(wizard)


@pytest.mark.parametrize("text", BAD)
def test_the_apps_mailbox_refuses_control_characters(
    qtbot, wizard, text: str, config_dir: Path
) -> None:
    to_signin(qtbot, wizard)
    page = wizard.signin_page
    page.set_method("oauth-app")
    fields = page.app_fields
    qtbot.keyClicks(fields.client_id, "11111111-2222-3333-4444-555555555555")
    qtbot.keyClicks(fields.tenant, "contoso.test")
    fields.use_secret.setChecked(True)
    qtbot.keyClicks(fields.client_secret, "not-a-real-secret")
    assert page.isComplete(), page.oauth_error()
    paste(fields.mailbox, text)
    assert fields.errors["mailbox"].isVisible()
    assert "control character" in fields.errors["mailbox"].message
    assert not page.isComplete() and not next_enabled(wizard)
    wizard.close()
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    saved = json.loads((config_dir / FILE_NAME).read_text(encoding="utf-8"))
    assert "app_mailbox" not in saved and saved["app_client_id"]
