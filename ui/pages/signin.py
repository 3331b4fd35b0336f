"""Sign-in: none, a password for this run only, or OAuth 2.0: as the mailbox's user in
this computer's browser or with a device code, or app-only (client credentials) with a
certificate or a client secret; and a plain statement of where the credentials (or
tokens) will and will not be sent.

OAuth is built here, on the GUI thread (no network), by the engine's own pieces
(assistant/auth/oauth_sign_in.py): their InputError is shown by the field it is about.
The sign-in itself happens inside the run, in auth.token; the Run page shows the device
code, or the browser sign-in's address. Client IDs, tenants, the app's mailbox and the
certificate's path are remembered in the settings; secrets never are.

The page's buttons and fields, and the values read from them, are SignInForm's
(ui/pages/signin_form.py); every text the page shows is here, in the SignInPage context."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard

from assistant.auth.credentials import Credentials, PasswordCredential
from assistant.auth.oauth_config import Flow, OAuthConfig
from assistant.auth.scopes import PROTOCOLS
from assistant.config import InputError, Target, check_sign_in_name
from ui.i18n import fmt
from ui.pages.common import hint_label
from ui.pages.signin_form import (
    NONE,
    OAUTH_APP,
    OAUTH_BROWSER,
    OAUTH_METHODS,
    PASSWORD,
    USER_OAUTH,
    SignInForm,
    scroll_area_for,
)
from ui.texts import field_error_text

if TYPE_CHECKING:  # MSAL loads with the first sign-in (docs/PERFORMANCE.md)
    from assistant.auth.msal_flows import BrowserOpener


class SignInPage(SignInForm):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("signInPage")
        self.setCommitPage(True)
        form, oauth_form = self._build_forms()  # created in the order Tab visits them
        self.statement = QLabel(self)
        self.statement.setObjectName("credentialStatement")
        self.statement.setWordWrap(True)
        self.needs = hint_label(self)
        self.demo_hint = hint_label(self)
        self.demo_hint.setIndent(24)
        self.demo_hint.hide()
        content = QWidget(self)
        content.setObjectName("signInContent")
        layout = QVBoxLayout(content)
        layout.addWidget(self.none)
        layout.addWidget(self.password_mode)
        layout.addLayout(form)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.oauth_browser)
        layout.addWidget(self.oauth)
        layout.addLayout(oauth_form)
        layout.addWidget(self.oauth_app)
        layout.addWidget(self.app_fields)
        layout.addSpacing(8)
        layout.addWidget(self.statement)
        layout.addWidget(self.needs)
        layout.addStretch(1)
        self.scroll_area = scroll_area_for(content, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.methods.buttonToggled.connect(self._method_changed)
        for line in (self.username, self.password):
            line.textChanged.connect(self.completeChanged)
        self.username.textChanged.connect(self._show_username_error)
        for line in (self.client_id, self.tenant):
            line.textChanged.connect(self._oauth_changed)
        self.app_fields.changed.connect(self._oauth_changed)
        self._method_changed()
        self.retranslate()

    def _target(self) -> Target:
        wizard = self.app_wizard
        target: Target | None = wizard.session.target if wizard is not None else None
        if target is None:
            raise InputError(self.tr("Go back and enter the mailbox's address first."))
        if not target.email:
            raise InputError(
                self.tr("OAuth sign-in is for a mailbox: enter its email address, not a domain.")
            )
        return target

    def oauth_config(self, protocols: tuple[str, ...] = PROTOCOLS) -> tuple[OAuthConfig, str]:
        """The chosen OAuth sign-in as typed in, and its mailbox; InputError when the input
        is wrong (`about` names the field)."""
        target = self._target()
        if self.method() == OAUTH_APP:
            return self.app_fields.config(target, protocols)
        flow = OAUTH_METHODS.get(self.method(), Flow.DEVICE)
        if not self.client_id.text().strip():
            raise InputError(
                self.tr("Enter the Application (client) ID of your app registration."),
                about="client_id",
            )
        mailbox = target.email or ""  # _target() made sure there is one
        from assistant.auth.oauth_sign_in import oauth_config as build_oauth_config

        config = build_oauth_config(
            flow,
            client_id=self.client_id.text(),
            target=target,
            mailbox=mailbox,
            protocols=protocols,
            tenant=self.tenant.text() or None,
        )
        return config, mailbox

    def oauth_problem(self) -> InputError | None:
        """What is wrong with the chosen OAuth sign-in's input, or None."""
        try:
            self.oauth_config()
        except InputError as exc:
            return exc
        return None

    def oauth_error(self) -> str | None:
        """The problem's engine text (engine_text shows it), or None."""
        problem = self.oauth_problem()
        return problem.message if problem is not None else None

    def take_credentials(
        self,
        protocols: tuple[str, ...] = PROTOCOLS,
        *,
        open_browser: BrowserOpener | None = None,
    ) -> Credentials | None:
        """The credential for this run; the password, the client secret and the PFX
        password are emptied (asked once per run). For OAuth, a credential whose provider
        signs in during the run (auth.token); `open_browser` starts the browser for the
        browser sign-in (ui.browser.BrowserOpener: from the worker to the GUI thread)."""
        try:
            return self._credentials(protocols, open_browser)
        finally:
            self.password.clear()
            self.app_fields.forget_secrets()  # whichever method ran

    def _credentials(
        self, protocols: tuple[str, ...], open_browser: BrowserOpener | None
    ) -> Credentials | None:
        method = self.method()
        if method in OAUTH_METHODS:
            try:
                config, mailbox = self.oauth_config(protocols)
            except InputError:
                return None
            if method != OAUTH_BROWSER:
                # The device code sign-in never opens a browser: the Run page shows the
                # address, and opens it on the GUI thread only when the user clicks it.
                open_browser = _no_browser
            from assistant.auth.oauth_sign_in import oauth_credential  # MSAL: on first use

            return oauth_credential(config, mailbox, open_browser=open_browser)
        if method != PASSWORD or not self.password.text() or self.username_problem():
            return None
        return PasswordCredential(check_sign_in_name(self.username.text()), self.password.text())

    def initializePage(self) -> None:
        wizard = self.app_wizard
        target = wizard.session.target
        if target is not None and target.email and not self._user_edited:
            self.username.setText(target.email)
        self.app_fields.set_default_mailbox(target.email if target is not None else None)
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
        self.app_fields.forget_secrets()

    def isComplete(self) -> bool:
        method = self.method()
        if method == NONE:
            return True
        if method in OAUTH_METHODS:
            return self.oauth_problem() is None
        name_ok = self.username_problem() is None
        return bool(self.username.text().strip() and self.password.text()) and name_ok

    def _method_changed(self, *_args: object) -> None:
        method = self.method()
        on = method == PASSWORD
        for widget in (self.username, self.password, self.user_label, self.password_label):
            widget.setEnabled(on)
        user_oauth = method in USER_OAUTH
        for widget in (self.client_id, self.tenant, self.client_label, self.tenant_label):
            widget.setEnabled(user_oauth)
        self.app_fields.set_active(method == OAUTH_APP)
        self._oauth_changed()
        self.retranslate()

    def _show_username_error(self, *_args: object) -> None:
        """A refused sign-in name by its field, in the current language."""
        problem = self.username_problem() if self.method() == PASSWORD else None
        self.username_error.show_error(field_error_text(problem.message) if problem else None)

    def _oauth_changed(self, *_args: object) -> None:
        """Check the OAuth input as it is typed; the message sits by the field it is about."""
        self._show_oauth_error()
        self.completeChanged.emit()

    def _show_oauth_error(self) -> None:
        """The OAuth input's error by its field, in the current language."""
        method = self.method()
        problem = self.oauth_problem() if method in OAUTH_METHODS else None
        self.app_fields.show_problem(problem if method == OAUTH_APP else None)
        user = problem if method in USER_OAUTH else None
        about_tenant = user is not None and user.about == "tenant"
        shown = field_error_text(user.message) if user is not None else None
        self.client_error.show_error(None if about_tenant else shown)
        self.tenant_error.show_error(shown if about_tenant else None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sign-in"))
        self.setSubTitle(self.tr("How the checks sign in to the mailbox."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run diagnosis"))
        self.none.setText(self.tr("No sign-&in: anonymous checks only"))
        self.password_mode.setText(self.tr("&Password, for this run only"))
        self.oauth_browser.setText(
            self.tr("OAuth 2.0 (brows&er): sign in at Microsoft in this computer's browser")
        )
        self.oauth.setText(self.tr("&OAuth 2.0 (device code): sign in at Microsoft in any browser"))
        self.oauth_app.setText(
            self.tr("OAuth 2.0 (&app-only, client credentials): the application signs in itself")
        )
        self.client_label.setText(self.tr("&Client ID:"))
        self.tenant_label.setText(self.tr("&Tenant:"))
        self.client_id.setAccessibleName(self.tr("Application (client) ID"))
        self.tenant.setAccessibleName(self.tr("Tenant"))
        self.oauth_hint.setText(
            self.tr(
                "The Application (client) ID of your organisation's app registration (a public "
                "client with the Exchange permissions, and the redirect URI http://localhost "
                "for the browser sign-in). Tenant: optional; the mailbox's domain when empty, "
                "or a tenant ID."
            )
        )
        self.app_fields.retranslate()
        self._align_forms()
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Password"))
        self._show_oauth_error()
        self._show_username_error()
        self.demo_hint.setText(
            self.tr(
                "Demo: the lab's password is filled in. It is public and works only in the lab."
            )
        )
        wizard = self.app_wizard
        target = wizard.session.target if wizard is not None else None
        # The statement is rich text; what goes into it from the input is escaped.
        domain = escape(target.domain_unicode if target is not None else self.tr("your domain"))
        endpoints = ""
        if target is not None and target.environment.is_cloud:
            env = target.environment
            hosts = [h for h in (env.login_host, env.mailbox_host) if h]
            endpoints = escape(fmt(self.tr(" (such as %1)"), ", ".join(hosts)))
        method = self.method()
        if method in USER_OAUTH:
            statement = self._oauth_statement(target, domain, endpoints, method == OAUTH_BROWSER)
        elif method == OAUTH_APP:
            statement = self._app_statement(target, domain, endpoints)
        else:
            statement = self._password_statement(domain, endpoints)
        self.statement.setText(statement)
        needs = wizard is not None and wizard.checks_page.needs_credentials()
        self.needs.setText(
            ""
            if needs
            else self.tr("None of the selected checks needs a password; they run anonymously.")
        )
        self.needs.setVisible(not needs)  # no empty line to scroll past

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

    def _tokens_go(self, login: str, domain: str, endpoints: str) -> str:
        return fmt(
            self.tr(
                "<b>Where the tokens go:</b> the sign-in happens only with %1; the access "
                "token goes only over HTTPS to the mailbox's endpoints, in %2 or "
                "Microsoft's own%3, never to any other host."
            ),
            login,
            domain,
            endpoints,
        )

    def _oauth_statement(
        self, target: Target | None, domain: str, endpoints: str, browser: bool
    ) -> str:
        login = escape(_login_host(target))
        if browser:
            where = self.tr(
                "<b>Where you sign in:</b> on Microsoft's sign-in page (%1), in this "
                "computer's browser, which hands the sign-in back to this program at "
                "http://localhost. This program never sees your password."
            )
        else:
            where = self.tr(
                "<b>Where you sign in:</b> on Microsoft's sign-in page (%1), in any "
                "browser. This program never sees your password."
            )
        return (
            "<p>"
            + fmt(where, login)
            + "</p><p>"
            + self._tokens_go(login, domain, endpoints)
            + "</p><p>"
            + self.tr(
                "Tokens are kept in memory for this run only: never saved, and never written "
                "to the log, the report or the settings. Only the client ID and tenant are "
                "remembered."
            )
            + "</p>"
        )

    def _app_statement(self, target: Target | None, domain: str, endpoints: str) -> str:
        login = escape(_login_host(target))
        return (
            "<p>"
            + fmt(
                self.tr(
                    "<b>Where the secret goes:</b> the client secret or the certificate is "
                    "used only to ask %1 for a token, over HTTPS. A secret is sent there and "
                    "nowhere else; a certificate's private key never leaves this computer (it "
                    "signs the request)."
                ),
                login,
            )
            + "</p><p>"
            + self._tokens_go(login, domain, endpoints)
            + "</p><p>"
            + self.tr(
                "The secret, the PFX password, the key and the token are kept in memory for "
                "this run only: never saved, and never written to the log, the report or the "
                "settings. Only the client ID, tenant, mailbox and the certificate file's "
                "location are remembered."
            )
            + "</p>"
        )


def _login_host(target: Target | None) -> str:
    env = target.environment if target is not None else None
    return (env.login_host if env is not None else None) or "login.microsoftonline.com"


def _no_browser(_url: str) -> bool:
    return False
