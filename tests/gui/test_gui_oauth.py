"""OAuth 2.0 device code sign-in through the wizard, against the lab identity provider:
the Sign-in page's fields and their validation, the device code box on the Run page, the
code approved as the person at the browser would, and Cancel during the wait."""

from __future__ import annotations

import json
import time

from gui_helpers import fill_target, ui_threads

from assistant.lab.identity import CONNECTIVITY_APP
from assistant.lab.tenant import Lab
from assistant.model import Status
from ui.i18n import ENGLISH
from ui.pages.ids import RESULTS, RUN, SIGNIN, TARGET
from ui.pages.signin_form import OAUTH
from ui.settings import Settings

MAILBOX = "admin@contoso.test"
JWT_PREFIX = "eyJ"


def to_signin(qtbot, wizard, areas: list[str]) -> None:
    wizard.next()
    assert wizard.currentId() == TARGET
    fill_target(qtbot, wizard, MAILBOX)
    wizard.next()
    wizard.checks_page.set_selected(areas)
    wizard.next()
    assert wizard.currentId() == SIGNIN


def choose_oauth(qtbot, wizard, client_id: str) -> None:
    page = wizard.signin_page
    page.oauth.click()
    assert page.method() == OAUTH
    assert page.client_id.isEnabled() and not page.password.isEnabled()
    page.client_id.clear()
    qtbot.keyClicks(page.client_id, client_id)


def wait_for_code(qtbot, wizard) -> str:
    box = wizard.run_page.device_box
    qtbot.waitUntil(lambda: box.isVisible() and bool(box.code.text()), timeout=10000)
    assert wizard.currentId() == RUN and wizard.run.running, "the run waits for the user"
    assert box.prompt is not None
    assert box.prompt.verification_uri in box.url.text()
    assert box.code.textInteractionFlags() & box.code.textInteractionFlags().TextSelectableByMouse
    return box.code.text()


def test_device_code_sign_in_runs_auth_and_ews(qtbot, demo, lab: Lab, tmp_path) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])  # DNS off
    choose_oauth(qtbot, wizard, CONNECTIVITY_APP)
    page = wizard.signin_page
    assert not page.client_error.isVisible()
    assert page.isComplete()
    assert "never sees your password" in page.statement.text()
    lab.identity.auto_approve = None  # the user approves, from the box
    wizard.next()
    code = wait_for_code(qtbot, wizard)
    box = wizard.run_page.device_box
    box.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == code
    lab.identity.approve(code, MAILBOX)
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=20000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)
    assert not box.isVisible(), "the box goes once the sign-in is done"
    report = wizard.session.report
    assert report.find("auth.token").status is Status.PASS, report.find("auth.token").summary
    assert report.find("ews.login").status is Status.PASS, report.find("ews.login").summary
    assert not any(s.id.startswith("dns.") for s in report.steps), "DNS was off"
    # No access token anywhere it could be kept: the settings and the saved report.
    wizard.save_settings()
    settings_text = Settings().path.read_text(encoding="utf-8")
    assert JWT_PREFIX not in settings_text
    saved: list[str] = []
    wizard.next()
    wizard.export_page.saved.connect(saved.append)
    path = tmp_path / "report.json"
    wizard.export_page.save(str(path))
    qtbot.waitUntil(lambda: saved == [str(path)], timeout=5000)
    report_text = path.read_text(encoding="utf-8")
    assert JWT_PREFIX not in report_text
    assert json.loads(report_text)


def test_client_id_and_tenant_are_remembered_but_nothing_else(qtbot, make_wizard) -> None:
    wizard = make_wizard()
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_oauth(qtbot, wizard, CONNECTIVITY_APP)
    qtbot.keyClicks(wizard.signin_page.tenant, "contoso.test")
    assert wizard.signin_page.isComplete()
    wizard.save_settings()
    saved = json.loads(Settings().path.read_text(encoding="utf-8"))
    assert saved["signin"] == OAUTH
    assert saved["client_id"] == CONNECTIVITY_APP
    assert saved["tenant"] == "contoso.test"
    assert JWT_PREFIX not in json.dumps(saved)
    again = make_wizard()
    assert again.signin_page.method() == OAUTH
    assert again.signin_page.client_id.text() == CONNECTIVITY_APP
    assert again.signin_page.tenant.text() == "contoso.test"


def test_an_invalid_client_id_is_explained_and_blocks_next(qtbot, demo) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_oauth(qtbot, wizard, "not-a-guid")
    page = wizard.signin_page
    assert page.client_error.isVisible()
    assert "Application (client) ID" in page.client_error.message
    assert not page.isComplete()
    assert not wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    page.client_id.clear()
    assert page.client_error.isVisible(), "the ID is required"
    assert not page.isComplete()
    qtbot.keyClicks(page.client_id, CONNECTIVITY_APP)
    assert not page.client_error.isVisible()
    assert page.isComplete()
    assert wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    qtbot.keyClicks(page.tenant, "not a tenant!")
    assert page.tenant_error.isVisible() and not page.client_error.isVisible()
    assert not page.isComplete()
    page.none.click()
    assert page.isComplete(), "no sign-in needs no client ID"
    assert not page.client_error.isVisible() and not page.tenant_error.isVisible()


def test_cancel_during_the_device_code_wait_returns_at_once(qtbot, demo, lab: Lab) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_oauth(qtbot, wizard, CONNECTIVITY_APP)
    lab.identity.auto_approve = None
    wizard.next()
    wait_for_code(qtbot, wizard)
    qtbot.wait(300)  # polling the token endpoint
    pressed = time.monotonic()
    wizard.run_page.cancel_button.click()
    assert wizard.currentId() == RESULTS, "control comes back at once"
    assert time.monotonic() - pressed < 1.0
    assert not wizard.run_page.device_box.isVisible()
    assert wizard.session.cancelled
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=1000)
    qtbot.waitUntil(lambda: not ui_threads(), timeout=2000)
    assert wizard.session.report.find("auth.token").status is Status.CANCELLED


def untranslated(qtbot, wizard, translations, data: set[str]) -> list[str]:
    """Texts still in English after switching to zh_CN, but for `data` (an address, a
    code: the same in every language)."""
    from test_gui_i18n import SAME_IN_BOTH, shown_texts, text_of

    english = [(w, t) for w, t in shown_texts(wizard) if not any(d in t for d in data)]
    translations.switch("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "连接助手", timeout=2000)
    qtbot.wait(20)
    left = [t for w, t in english if text_of(wizard, w) == t and t not in SAME_IN_BOTH]
    translations.switch(ENGLISH)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Connectivity Assistant", timeout=2000)
    return left


def test_the_oauth_texts_are_translated(qtbot, demo, lab: Lab, translations) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_oauth(qtbot, wizard, CONNECTIVITY_APP)
    assert untranslated(qtbot, wizard, translations, set()) == []
    lab.identity.auto_approve = None
    wizard.next()
    code = wait_for_code(qtbot, wizard)
    uri = wizard.run_page.device_box.prompt.verification_uri
    assert untranslated(qtbot, wizard, translations, {code, uri}) == []
    wizard.run_page.cancel_button.click()
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=2000)
