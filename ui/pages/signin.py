"""Sign-in: none, a password for this run only, or OAuth 2.0 with a device code; and a
plain statement of where the credentials (or tokens) will and will not be sent.

OAuth is built here, on the GUI thread (no network): OAuthConfig.build checks the input
and its InputError is shown by the field. The sign-in itself happens inside the run, in
auth.token; the Run page shows the device code. Only the client ID and tenant (not
secrets) are remembered in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
)

from assistant.auth.credentials import Credentials, PasswordCredential
from assistant.auth.msal_provider import MsalTokenProvider
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.auth.oauth_credential import OAuthCredential
from assistant.auth.scopes import PROTOCOLS
from assistant.config import InputError
from ui.i18n import fmt
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.texts import engine_text

NONE, PASSWORD, OAUTH = "none", "password", "oauth"


class SignInPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("signInPage")
        self.setCommitPage(True)
        self.none = QRadioButton(self)
        self.none.setObjectName("signinNone")
        self.password_mode = QRadioButton(self)
        self.password_mode.setObjectName("signinPassword")
        self.oauth = QRadioButton(self)
        self.oauth.setObjectName("signinOAuth")
        self.methods = QButtonGroup(self)
        for button in (self.none, self.password_mode, self.oauth):
            self.methods.addButton(button)
        self.none.setChecked(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self._user_edited = False
        self.username.textEdited.connect(self._username_edited)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label, self.password_label = QLabel(self), QLabel(self)
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.statement = QLabel(self)
        self.statement.setObjectName("credentialStatement")
        self.statement.setWordWrap(True)
        self.needs = hint_label(self)
        self.demo_hint = hint_label(self)
        self.demo_hint.setIndent(24)
        self.demo_hint.hide()
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.none)
        layout.addWidget(self.password_mode)
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.oauth)
        layout.addLayout(self._build_oauth())
        layout.addSpacing(8)
        layout.addWidget(self.statement)
        layout.addWidget(self.needs)
        layout.addStretch(1)
        self.methods.buttonToggled.connect(self._method_changed)
        for line in (self.username, self.password):
            line.textChanged.connect(self.completeChanged)
        for line in (self.client_id, self.tenant):
            line.textChanged.connect(self._oauth_changed)
        self._method_changed()
        self.retranslate()

    def _build_oauth(self) -> QFormLayout:
        """The device code sign-in's fields: client ID (required) and tenant (optional)."""
        self.client_id = QLineEdit(self)
        self.client_id.setObjectName("clientId")
        self.client_id.setPlaceholderText("11111111-2222-3333-4444-555555555555")
        self.tenant = QLineEdit(self)
        self.tenant.setObjectName("tenant")
        self.client_label, self.tenant_label = QLabel(self), QLabel(self)
        self.client_label.setBuddy(self.client_id)
        self.tenant_label.setBuddy(self.tenant)
        self.client_error = ErrorLabel(self.client_id, self)
        self.tenant_error = ErrorLabel(self.tenant, self)
        self.oauth_hint = hint_label(self)
        self.oauth_hint.setObjectName("oauthHint")
        self.other_flows = hint_label(self)
        self.other_flows.setObjectName("oauthOtherFlows")
        oauth_form = QFormLayout()
        oauth_form.setContentsMargins(24, 0, 0, 0)
        for label, line, error in (
            (self.client_label, self.client_id, self.client_error),
            (self.tenant_label, self.tenant, self.tenant_error),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(line)
            column.addWidget(error)
            oauth_form.addRow(label, column)
        oauth_form.addRow(self.oauth_hint)
        oauth_form.addRow(self.other_flows)
        return oauth_form

    def method(self) -> str:
        if self.oauth.isChecked():
            return OAUTH
        return PASSWORD if self.password_mode.isChecked() else NONE

    def set_method(self, method: str) -> None:
        buttons = {PASSWORD: self.password_mode, OAUTH: self.oauth}
        buttons.get(method, self.none).setChecked(True)

    def oauth_settings(self) -> dict[str, str | None]:
        """What is remembered of OAuth: the app's client ID and the tenant (not secrets)."""
        return {
            "client_id": self.client_id.text().strip() or None,
            "tenant": self.tenant.text().strip() or None,
        }

    def load_oauth_settings(self, client_id: str | None, tenant: str | None) -> None:
        self.client_id.setText(client_id or "")
        self.tenant.setText(tenant or "")

    def oauth_config(self, protocols: tuple[str, ...] = PROTOCOLS) -> OAuthConfig:
        """The device code sign-in as typed in; InputError when the input is wrong."""
        wizard = self.app_wizard
        target = wizard.session.target if wizard is not None else None
        if target is None:
            raise InputError(self.tr("Go back and enter the mailbox's address first."))
        if not target.email:
            raise InputError(
                self.tr("OAuth sign-in is for a mailbox: enter its email address, not a domain.")
            )
        return OAuthConfig.build(
            Flow.DEVICE,
            client_id=self.client_id.text(),
            cloud=target.cloud,
            tenant=self.tenant.text() or None,
            domain=target.domain,
            protocols=protocols,
            login_hint=target.email,
        )

    def oauth_error(self) -> str | None:
        """What is wrong with the OAuth input (engine text: engine_text shows it), or None."""
        try:
            self.oauth_config()
        except InputError as exc:
            return exc.message
        return None

    def take_credentials(self, protocols: tuple[str, ...] = PROTOCOLS) -> Credentials | None:
        """The credential for this run; the password field is emptied (asked once per run).
        For OAuth, a credential whose provider signs in during the run (auth.token)."""
        if self.method() == OAUTH:
            try:
                config = self.oauth_config(protocols)
            except InputError:
                return None
            mailbox = self.app_wizard.session.target.email
            # Device code sign-in never opens a browser: the Run page shows the address,
            # and opens it on the GUI thread only when the user clicks it.
            provider = MsalTokenProvider(config, open_browser=lambda _url: False)
            return OAuthCredential(mailbox, provider=provider)
        if self.method() != PASSWORD or not self.password.text():
            return None
        credential = PasswordCredential(self.username.text().strip(), self.password.text())
        self.password.clear()
        return credential

    def initializePage(self) -> None:
        wizard = self.app_wizard
        target = wizard.session.target
        if target is not None and target.email and not self._user_edited:
            self.username.setText(target.email)
        demo = wizard.session.demo
        if demo is not None:
            from ui.demo import DEMO_PASSWORD

            self.set_method(PASSWORD)
            self.password.setText(DEMO_PASSWORD)
        self.demo_hint.setVisible(demo is not None)
        self._method_changed()
        self.retranslate()

    def cleanupPage(self) -> None:
        self.password.clear()

    def isComplete(self) -> bool:
        if self.method() == NONE:
            return True
        if self.method() == OAUTH:
            return self.oauth_error() is None
        return bool(self.username.text().strip() and self.password.text())

    def _username_edited(self, text: str) -> None:
        self._user_edited = bool(text.strip())

    def _method_changed(self, *_args) -> None:
        on = self.method() == PASSWORD
        for widget in (self.username, self.password, self.user_label, self.password_label):
            widget.setEnabled(on)
        oauth = self.method() == OAUTH
        for widget in (self.client_id, self.tenant, self.client_label, self.tenant_label):
            widget.setEnabled(oauth)
        self._oauth_changed()
        self.retranslate()

    def _oauth_changed(self, *_args) -> None:
        """Check the OAuth input as it is typed; the message sits by the field it is about."""
        self._show_oauth_error()
        self.completeChanged.emit()

    def _show_oauth_error(self) -> None:
        """The OAuth input's error by its field, in the current language."""
        message = self.oauth_error() if self.method() == OAUTH else None
        if message and not self.client_id.text().strip():
            message = self.tr("Enter the Application (client) ID of your app registration.")
        about_tenant = bool(message) and message.startswith("--tenant")  # the English
        shown = engine_text(message) if message else None
        self.client_error.show_error(None if about_tenant else shown)
        self.tenant_error.show_error(shown if about_tenant else None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sign-in"))
        self.setSubTitle(self.tr("How the checks sign in to the mailbox."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run diagnosis"))
        self.none.setText(self.tr("&No sign-in: anonymous checks only"))
        self.password_mode.setText(self.tr("&Password, for this run only"))
        self.oauth.setText(self.tr("&OAuth 2.0 (device code): sign in at Microsoft in any browser"))
        self.client_label.setText(self.tr("&Client ID:"))
        self.tenant_label.setText(self.tr("&Tenant:"))
        self.client_id.setAccessibleName(self.tr("Application (client) ID"))
        self.tenant.setAccessibleName(self.tr("Tenant"))
        self.oauth_hint.setText(
            self.tr(
                "The Application (client) ID of your organisation's app registration (a public "
                "client with the Exchange permissions). Tenant: optional; the mailbox's domain "
                "when empty, or a tenant ID."
            )
        )
        self.other_flows.setText(
            self.tr(
                "Browser sign-in and app-only sign-in (client secret or certificate): use the "
                "command line, --auth oauth-browser or --auth oauth-app."
            )
        )
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Password"))
        self._show_oauth_error()
        self.demo_hint.setText(
            self.tr(
                "Demo: the lab's password is filled in. It is public and works only in the lab."
            )
        )
        wizard = self.app_wizard
        target = wizard.session.target if wizard is not None else None
        domain = target.domain_unicode if target is not None else self.tr("your domain")
        endpoints = ""
        if target is not None and target.environment.is_cloud:
            env = target.environment
            hosts = [h for h in (env.login_host, env.mailbox_host) if h]
            endpoints = fmt(self.tr(" (such as %1)"), ", ".join(hosts))
        if self.method() == OAUTH:
            self.statement.setText(self._oauth_statement(target, domain, endpoints))
        else:
            self.statement.setText(self._password_statement(domain, endpoints))
        needs = wizard is not None and wizard.checks_page.needs_credentials()
        self.needs.setText(
            ""
            if needs
            else self.tr("None of the selected checks needs a password; they run anonymously.")
        )

    def _password_statement(self, domain: str, endpoints: str) -> str:
        return (
            "<p>"
            + fmt(
                self.tr(
                    "<b>Where the password goes:</b> only over HTTPS, only to servers whose "
                    "certificate is valid for their name, and only to hosts in %1 or "
                    "Microsoft's own endpoints%2."
                ),
                domain,
                endpoints,
            )
            + "</p><p>"
            + self.tr(
                "<b>Where it never goes:</b> to autodiscover.&lt;public suffix&gt; names, over "
                "plain HTTP, or to any other host, unless you allow that host when asked."
            )
            + "</p><p>"
            + self.tr(
                "It is kept in memory for this run only: never saved, and never written to "
                "the log, the report or the settings."
            )
            + "</p>"
        )

    def _oauth_statement(self, target, domain: str, endpoints: str) -> str:
        env = target.environment if target is not None else None
        login = (env.login_host if env is not None else None) or "login.microsoftonline.com"
        return (
            "<p>"
            + fmt(
                self.tr(
                    "<b>Where you sign in:</b> on Microsoft's sign-in page (%1), in any "
                    "browser. This program never sees your password."
                ),
                login,
            )
            + "</p><p>"
            + fmt(
                self.tr(
                    "<b>Where the tokens go:</b> the sign-in happens only with %1; the access "
                    "token goes only over HTTPS to the mailbox's endpoints, in %2 or "
                    "Microsoft's own%3, never to any other host."
                ),
                login,
                domain,
                endpoints,
            )
            + "</p><p>"
            + self.tr(
                "Tokens are kept in memory for this run only: never saved, and never written "
                "to the log, the report or the settings. Only the client ID and tenant are "
                "remembered."
            )
            + "</p>"
        )
