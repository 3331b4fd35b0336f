"""OAuth 2.0 app-only (client credentials) through the wizard, against the lab identity
provider: an application's own registration signs in with a certificate (PFX and its
password) or a client secret and opens the mailbox over EWS; wrong input is named beside
its field and blocks the run; and the secret, the PFX password and the certificate's key
(canaries planted for the test) reach no settings file, report or run log."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from test_gui_oauth import MAILBOX, to_signin, untranslated

from assistant.lab.identity import DAEMON_APP
from assistant.lab.tenant import Lab
from assistant.model import Status
from ui.pages.ids import RESULTS
from ui.pages.signin_app import SECRET
from ui.pages.signin_form import OAUTH_APP
from ui.settings import FILE_NAME, Settings

JWT_PREFIX = "eyJ"
CANARY_SECRET = f"Lab8Q~Canary-App-Secret-{uuid.uuid4().hex}"
CANARY_PFX_PASSWORD = f"Canary-Pfx-{uuid.uuid4().hex}"


@pytest.fixture
def app_secret(lab: Lab) -> Iterator[str]:
    """A client secret registered on the lab's daemon app for this test only: a canary."""
    apps = lab.identity.apps
    before = apps[DAEMON_APP]
    apps[DAEMON_APP] = dataclasses.replace(
        before, secrets={**before.secrets, str(uuid.uuid4()): CANARY_SECRET}
    )
    yield CANARY_SECRET
    apps[DAEMON_APP] = before


@pytest.fixture
def canary_pfx(lab: Lab, tmp_path: Path) -> Path:
    """The daemon app's registered certificate and key, in a PFX whose password is a canary."""
    cert = lab.identity.daemon_certificate
    path = tmp_path / "app.pfx"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"app",
            cert.key,
            cert.certificate,
            None,
            serialization.BestAvailableEncryption(CANARY_PFX_PASSWORD.encode()),
        )
    )
    return path


def key_lines(lab: Lab) -> list[str]:
    """Lines of the certificate's private key (PEM), as the engine holds it."""
    pem = lab.identity.daemon_certificate.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    return [line for line in pem.splitlines() if line and not line.startswith("-----")]


def choose_app(qtbot, wizard, *, tenant: str = "contoso.test") -> None:
    page = wizard.signin_page
    page.oauth_app.click()
    assert page.method() == OAUTH_APP
    fields = page.app_fields
    assert fields.client_id.isEnabled() and fields.tenant.isEnabled()
    assert not page.client_id.isEnabled() and not page.password.isEnabled()
    assert fields.mailbox.placeholderText() == MAILBOX, "the mailbox defaults to the address"
    fields.client_id.clear()
    qtbot.keyClicks(fields.client_id, DAEMON_APP)
    fields.tenant.clear()
    if tenant:
        qtbot.keyClicks(fields.tenant, tenant)
    assert "login.microsoftonline.com" in page.statement.text()
    assert "private key never leaves this computer" in page.statement.text()


def use_certificate(qtbot, wizard, path: Path, password: str) -> None:
    fields = wizard.signin_page.app_fields
    fields.use_certificate.click()
    assert fields.certificate_path.isEnabled() and not fields.client_secret.isEnabled()
    fields.certificate_path.setText(str(path))
    fields.pfx_password.clear()
    qtbot.keyClicks(fields.pfx_password, password)


def use_secret(qtbot, wizard, secret: str) -> None:
    fields = wizard.signin_page.app_fields
    fields.use_secret.click()
    assert fields.client_secret.isEnabled() and not fields.certificate_path.isEnabled()
    fields.client_secret.clear()
    qtbot.keyClicks(fields.client_secret, secret)


def run_and_wait(qtbot, wizard) -> None:
    page = wizard.signin_page
    assert page.isComplete(), page.oauth_error()
    assert wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULTS, timeout=20000)
    qtbot.waitUntil(lambda: not wizard.run.running, timeout=5000)


def assert_app_signed_in(wizard) -> None:
    report = wizard.session.report
    token = report.find("auth.token")
    assert token.status is Status.PASS, token.summary
    assert "roles:" in report.find("auth.token.claims").summary, "an app-only token"
    login = report.find("ews.login")
    assert login.status is Status.PASS, login.summary


def test_app_only_with_a_certificate_opens_the_mailbox(
    qtbot, demo, canary_pfx: Path, lab: Lab
) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_app(qtbot, wizard)
    use_certificate(qtbot, wizard, canary_pfx, CANARY_PFX_PASSWORD)
    run_and_wait(qtbot, wizard)
    assert_app_signed_in(wizard)
    fields = wizard.signin_page.app_fields
    assert fields.pfx_password.text() == "", "the PFX password is asked for each run"
    assert fields.certificate_path.text() == str(canary_pfx), "the path stays"


def test_app_only_with_a_secret_and_no_secret_in_any_artifact(
    qtbot, demo, lab: Lab, app_secret: str, canary_pfx: Path, config_dir: Path, tmp_path
) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_app(qtbot, wizard)
    # The PFX password is typed in first (a canary too), then the secret is chosen.
    use_certificate(qtbot, wizard, canary_pfx, CANARY_PFX_PASSWORD)
    assert wizard.signin_page.isComplete()
    use_secret(qtbot, wizard, app_secret)
    run_and_wait(qtbot, wizard)
    assert_app_signed_in(wizard)
    fields = wizard.signin_page.app_fields
    assert fields.client_secret.text() == "" and fields.pfx_password.text() == ""

    saved: list[str] = []
    wizard.next()
    wizard.export_page.saved.connect(saved.append)
    report_path = tmp_path / "report.json"
    wizard.export_page.save(str(report_path))
    qtbot.waitUntil(lambda: saved == [str(report_path)], timeout=5000)
    wizard.session.demo = None  # saved as after a real run (demo mode keeps no settings)
    wizard.save_settings()
    settings_text = (config_dir / FILE_NAME).read_text(encoding="utf-8")
    stored = json.loads(settings_text)
    assert stored["signin"] == OAUTH_APP
    assert stored["app_client_id"] == DAEMON_APP
    assert stored["app_tenant"] == "contoso.test"
    assert stored["app_credential"] == SECRET
    assert stored["client_cert"] == str(canary_pfx)

    artifacts = {
        "settings": settings_text,
        "report.json": report_path.read_text(encoding="utf-8"),
        "run log": wizard.session.runlog.text(),
        "run page log": wizard.run_page.log.toPlainText(),
    }
    for item in config_dir.rglob("*"):
        if item.is_file():
            artifacts[str(item)] = item.read_bytes().decode("latin-1")
    secrets = {app_secret, CANARY_PFX_PASSWORD, JWT_PREFIX, *key_lines(lab)[1:-1]}
    for name, text in artifacts.items():
        for secret in secrets:
            assert secret not in text, f"{secret[:12]}… leaked into {name}"
    assert "auth.token" in artifacts["run log"], "the log is there, without the secrets"


def test_app_only_input_is_checked_beside_its_field(
    qtbot, demo, lab: Lab, canary_pfx: Path, tmp_path: Path, translations
) -> None:
    wizard = demo
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_app(qtbot, wizard, tenant="")
    page = wizard.signin_page
    fields = page.app_fields
    commit = wizard.button(wizard.WizardButton.CommitButton)

    def blocked(field: str, words: str) -> None:
        assert not page.isComplete() and not commit.isEnabled()
        shown = {k: label.message for k, label in fields.errors.items() if label.isVisible()}
        assert list(shown) == [field], shown
        assert words in shown[field], shown[field]

    blocked("certificate", "Choose the certificate file")
    use_certificate(qtbot, wizard, tmp_path / "missing.pfx", "x")
    blocked("certificate", "missing.pfx")
    use_certificate(qtbot, wizard, canary_pfx, "not the password")
    blocked("certificate_password", "password is wrong")
    assert untranslated(qtbot, wizard, translations, set()) == [], "the page, in Chinese"
    use_certificate(qtbot, wizard, canary_pfx, CANARY_PFX_PASSWORD)
    blocked("tenant", "app-only sign-in needs a tenant")  # required here, never guessed
    qtbot.keyClicks(fields.tenant, "not a tenant!")
    blocked("tenant", "a tenant ID (GUID)")
    fields.tenant.setText("contoso.test")
    assert page.isComplete() and commit.isEnabled()
    qtbot.keyClicks(fields.mailbox, "nobody")
    blocked("mailbox", "OAuth needs a mailbox")
    fields.mailbox.clear()
    fields.client_id.setText("not-a-guid")
    blocked("client_id", "Application (client) ID")
    fields.client_id.setText(DAEMON_APP)
    use_secret(qtbot, wizard, "")
    blocked("client_secret", "client secret")
    use_secret(qtbot, wizard, "some-secret")
    assert page.isComplete() and commit.isEnabled()
    page.none.click()
    assert page.isComplete(), "no sign-in needs none of it"
    assert not any(label.isVisible() for label in fields.errors.values())
    assert not fields.client_id.isEnabled()


def test_app_only_fields_are_remembered_but_no_secret(
    qtbot, make_wizard, canary_pfx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = make_wizard()
    to_signin(qtbot, wizard, ["auth", "ews"])
    choose_app(qtbot, wizard)
    fields = wizard.signin_page.app_fields
    qtbot.keyClicks(fields.mailbox, "adele.vance@contoso.test")
    from ui.pages import signin_app

    chosen = (str(canary_pfx), "")
    monkeypatch.setattr(signin_app.QFileDialog, "getOpenFileName", lambda *a: chosen)
    fields.browse.click()
    assert fields.certificate_path.text() == str(canary_pfx), "Browse… fills the path in"
    qtbot.keyClicks(fields.pfx_password, CANARY_PFX_PASSWORD)
    assert wizard.signin_page.isComplete(), wizard.signin_page.oauth_error()
    wizard.save_settings()
    text = Settings().path.read_text(encoding="utf-8")
    assert CANARY_PFX_PASSWORD not in text
    again = make_wizard()
    page = again.signin_page
    assert page.method() == OAUTH_APP
    fields = page.app_fields
    assert fields.client_id.text() == DAEMON_APP
    assert fields.tenant.text() == "contoso.test"
    assert fields.mailbox.text() == "adele.vance@contoso.test"
    assert fields.certificate_path.text() == str(canary_pfx)
    assert fields.use_certificate.isChecked() and fields.pfx_password.text() == ""
