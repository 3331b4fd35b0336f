"""The Sign-in page's app-only fields (OAuth 2.0 client credentials), for testing an
application's own registration, such as a printer or an app that sends with OAuth: its
client ID, its tenant (required), the mailbox it opens, and a certificate file (with its
PFX password) or a client secret.

The input is checked by the engine (assistant/auth/oauth_sign_in.py, client_cert.py);
the InputError it raises names the field (`about`) and is shown beside it. The secret and
the PFX password are asked for each run and never remembered; the certificate is read
from its file (its key stays in memory), and re-read only when the file or the password
changes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.config import InputError, Target, check_sign_in_name
from ui.pages.common import ErrorLabel, hint_label
from ui.texts import field_error_text

if TYPE_CHECKING:  # cryptography and MSAL load with the first use (docs/PERFORMANCE.md)
    from assistant.auth.client_cert import ClientCertificate

CERTIFICATE, SECRET = "certificate", "secret"
_CertKey = tuple[str, tuple[int, int] | None, str | None]


class AppSignInFields(QWidget):
    changed = Signal()  # any input changed: check it again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appSignIn")
        self._certificate: tuple[_CertKey, ClientCertificate | InputError] | None = None
        self._active = False
        self.client_id = self._line("appClientId")
        self.client_id.setPlaceholderText("11111111-2222-3333-4444-555555555555")
        self.tenant = self._line("appTenant")
        self.mailbox = self._line("appMailbox")
        self.use_certificate = QRadioButton(self)
        self.use_certificate.setObjectName("appUseCertificate")
        self.use_secret = QRadioButton(self)
        self.use_secret.setObjectName("appUseSecret")
        self.credential_kind = QButtonGroup(self)
        self.credential_kind.addButton(self.use_certificate)
        self.credential_kind.addButton(self.use_secret)
        self.use_certificate.setChecked(True)
        self.certificate_path = self._line("clientCertificate")
        self.certificate_path.setPlaceholderText("app.pfx / app.pem")
        self.browse = QPushButton(self)
        self.browse.setObjectName("browseCertificate")
        self.browse.clicked.connect(self.choose_certificate)
        self.pfx_password = self._line("pfxPassword", secret=True)
        self.client_secret = self._line("clientSecret", secret=True)
        self.client_label, self.tenant_label = QLabel(self), QLabel(self)
        self.mailbox_label, self.pfx_label = QLabel(self), QLabel(self)
        for label, line in (
            (self.client_label, self.client_id),
            (self.tenant_label, self.tenant),
            (self.mailbox_label, self.mailbox),
            (self.pfx_label, self.pfx_password),
        ):
            label.setBuddy(line)
        self.errors = {
            "client_id": ErrorLabel(self.client_id, self),
            "tenant": ErrorLabel(self.tenant, self),
            "mailbox": ErrorLabel(self.mailbox, self),
            "certificate": ErrorLabel(self.certificate_path, self),
            "certificate_password": ErrorLabel(self.pfx_password, self),
            "client_secret": ErrorLabel(self.client_secret, self),
        }
        self.hint = hint_label(self)
        self.hint.setObjectName("appSignInHint")
        self._lay_out()
        self.credential_kind.buttonToggled.connect(self._kind_changed)
        self.set_active(False)
        self.retranslate()

    def _line(self, name: str, *, secret: bool = False) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        if secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        line.textChanged.connect(self.changed)
        return line

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 0, 0, 0)
        certificate = QHBoxLayout()
        certificate.addWidget(self.certificate_path, 1)
        certificate.addWidget(self.browse)
        for label, field, error in (
            (self.client_label, self.client_id, "client_id"),
            (self.tenant_label, self.tenant, "tenant"),
            (self.mailbox_label, self.mailbox, "mailbox"),
            (self.use_certificate, certificate, "certificate"),
            (self.pfx_label, self.pfx_password, "certificate_password"),
            (self.use_secret, self.client_secret, "client_secret"),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            if isinstance(field, QWidget):
                column.addWidget(field)
            else:
                column.addLayout(field)
            column.addWidget(self.errors[error])
            form.addRow(label, column)
        form.addRow(self.hint)

    def labels(self) -> list[QWidget]:
        """The form's left column (two of them radio buttons)."""
        return [
            self.client_label,
            self.tenant_label,
            self.mailbox_label,
            self.use_certificate,
            self.pfx_label,
            self.use_secret,
        ]

    # -- state --------------------------------------------------------------------------

    def kind(self) -> str:
        return SECRET if self.use_secret.isChecked() else CERTIFICATE

    def set_active(self, on: bool) -> None:
        """Only the chosen method's fields are enabled; of these, only the chosen
        credential's (the certificate and its password, or the secret)."""
        self._active = on
        for widget in (
            self.client_id,
            self.tenant,
            self.mailbox,
            self.client_label,
            self.tenant_label,
            self.mailbox_label,
            self.use_certificate,
            self.use_secret,
        ):
            widget.setEnabled(on)
        certificate = on and self.kind() == CERTIFICATE
        for line in (self.certificate_path, self.pfx_password):
            line.setEnabled(certificate)
        self.browse.setEnabled(certificate)
        self.pfx_label.setEnabled(certificate)
        self.client_secret.setEnabled(on and self.kind() == SECRET)

    def _kind_changed(self, *_args: object) -> None:
        self.set_active(self._active)
        self.changed.emit()

    def settings(self) -> dict[str, str | None]:
        """What may be remembered: never the secret, the PFX password or the key."""
        return {
            "app_client_id": self.client_id.text().strip() or None,
            "app_tenant": self.tenant.text().strip() or None,
            "app_mailbox": _valid_name(self.mailbox.text()),
            "app_credential": self.kind(),
            "client_cert": self.certificate_path.text().strip() or None,
        }

    def load(self, values: dict[str, str | None]) -> None:
        self.client_id.setText(values.get("app_client_id") or "")
        self.tenant.setText(values.get("app_tenant") or "")
        self.mailbox.setText(values.get("app_mailbox") or "")
        self.certificate_path.setText(values.get("client_cert") or "")
        chosen = self.use_secret if values.get("app_credential") == SECRET else self.use_certificate
        chosen.setChecked(True)

    def forget_secrets(self) -> None:
        """After the run has its credential: the secret and the PFX password are asked
        again next time, and the loaded key is dropped."""
        self.client_secret.clear()
        self.pfx_password.clear()
        self._certificate = None

    def set_default_mailbox(self, email: str | None) -> None:
        self.mailbox.setPlaceholderText(email or "")

    def choose_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the app's certificate"),
            os.path.dirname(self.certificate_path.text().strip()),
            self.tr("Certificates (*.pfx *.p12 *.pem);;All files (*)"),
        )
        if path:
            self.certificate_path.setText(path)

    # -- checking -----------------------------------------------------------------------

    def config(self, target: Target, protocols: Sequence[str]) -> tuple[OAuthConfig, str]:
        """The app-only sign-in as typed in, and the mailbox; InputError (with `about`)
        when the input cannot be used. No network: the file is read, that is all."""
        client_id = self.client_id.text().strip()
        if not client_id:
            raise InputError(
                self.tr("Enter the Application (client) ID of the app's registration."),
                about="client_id",
            )
        from assistant.auth.oauth_sign_in import oauth_config, oauth_mailbox  # MSAL: on use

        typed = check_sign_in_name(self.mailbox.text(), about="mailbox")
        mailbox = oauth_mailbox(typed, target.email)
        secret: str | None = None
        certificate: ClientCertificate | None = None
        if self.kind() == CERTIFICATE:
            certificate = self.certificate()
        else:
            secret = self.client_secret.text()
            if not secret:
                raise InputError(
                    self.tr("Enter the client secret's value (not its secret ID)."),
                    about="client_secret",
                )
        config = oauth_config(
            Flow.APP,
            client_id=client_id,
            target=target,
            mailbox=mailbox,
            protocols=protocols,
            tenant=self.tenant.text().strip() or None,
            client_secret=secret,
            certificate=certificate,
            tenant_from_domain=False,  # the app's tenant is asked for, not guessed
        )
        return config, mailbox

    def certificate(self) -> ClientCertificate:
        """The certificate file, read by the engine; kept while neither the file nor the
        password changes, so typing elsewhere does not read and decrypt it again."""
        path = self.certificate_path.text().strip()
        if not path:
            raise InputError(
                self.tr("Choose the certificate file (.pfx, or .pem with its private key)."),
                about="certificate",
            )
        password = self.pfx_password.text() or None
        key: _CertKey = (path, _stamp(path), _digest(password))
        if self._certificate is None or self._certificate[0] != key:
            from assistant.auth.client_cert import load_client_certificate

            try:
                found: ClientCertificate | InputError = load_client_certificate(path, password)
            except InputError as exc:
                found = exc
            self._certificate = (key, found)
        result = self._certificate[1]
        if isinstance(result, InputError):
            raise result
        return result

    def show_problem(self, problem: InputError | None) -> None:
        """The problem beside its field (in the current language); the others cleared."""
        where = problem.about if problem is not None else None
        if problem is not None and where not in self.errors:
            where = "client_id"
        for about, label in self.errors.items():
            label.show_error(
                field_error_text(problem.message) if problem and about == where else None
            )

    def retranslate(self) -> None:
        self.client_label.setText(self.tr("&Client ID:"))
        self.tenant_label.setText(self.tr("&Tenant:"))
        self.mailbox_label.setText(self.tr("&Mailbox:"))
        self.use_certificate.setText(self.tr("Certificate &file:"))
        self.browse.setText(self.tr("Bro&wse…"))
        self.pfx_label.setText(self.tr("PF&X password:"))
        self.use_secret.setText(self.tr("Client &secret:"))
        self.client_id.setAccessibleName(self.tr("The app's Application (client) ID"))
        self.tenant.setAccessibleName(self.tr("The app's tenant"))
        self.mailbox.setAccessibleName(self.tr("The mailbox the app opens"))
        self.certificate_path.setAccessibleName(self.tr("Certificate file"))
        self.browse.setAccessibleName(self.tr("Choose the certificate file"))
        self.pfx_password.setAccessibleName(self.tr("PFX password"))
        self.client_secret.setAccessibleName(self.tr("Client secret"))
        self.hint.setText(
            self.tr(
                "The app's own registration: its client ID, its tenant (ID or domain), the "
                "mailbox it opens (empty: the address being tested), and its certificate "
                "(.pfx, or .pem with the key) or a client secret's value. The secret and the "
                "PFX password are asked for each run and never saved."
            )
        )


def _valid_name(text: str) -> str | None:
    """A name for the settings: only one the engine accepts (no control characters)."""
    try:
        return check_sign_in_name(text) or None
    except InputError:
        return None


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size)


def _digest(password: str | None) -> str | None:
    """Compared, never kept: whether the password changed since the file was read."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest() if password else None
