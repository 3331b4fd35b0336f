"""Sign-in: none, a password for this run only, or OAuth (not yet); and a plain statement
of where the credentials will and will not be sent."""

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

from assistant.auth.credentials import PasswordCredential
from ui.i18n import fmt
from ui.pages.common import Page, hint_label

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
        self.oauth.setEnabled(False)
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
        layout.addSpacing(8)
        layout.addWidget(self.statement)
        layout.addWidget(self.needs)
        layout.addStretch(1)
        self.methods.buttonToggled.connect(self._method_changed)
        for line in (self.username, self.password):
            line.textChanged.connect(self.completeChanged)
        self._method_changed()
        self.retranslate()

    def method(self) -> str:
        return PASSWORD if self.password_mode.isChecked() else NONE

    def set_method(self, method: str) -> None:
        (self.password_mode if method == PASSWORD else self.none).setChecked(True)

    def take_credentials(self) -> PasswordCredential | None:
        """The credential for this run; the password field is emptied (asked once per run)."""
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
        self.retranslate()

    def cleanupPage(self) -> None:
        self.password.clear()

    def isComplete(self) -> bool:
        if self.method() == NONE:
            return True
        return bool(self.username.text().strip() and self.password.text())

    def _username_edited(self, text: str) -> None:
        self._user_edited = bool(text.strip())

    def _method_changed(self, *_args) -> None:
        on = self.method() == PASSWORD
        for widget in (self.username, self.password, self.user_label, self.password_label):
            widget.setEnabled(on)
        self.completeChanged.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sign-in"))
        self.setSubTitle(self.tr("How the checks sign in to the mailbox."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Run diagnosis"))
        self.none.setText(self.tr("&No sign-in: anonymous checks only"))
        self.password_mode.setText(self.tr("&Password, for this run only"))
        self.oauth.setText(self.tr("OAuth (modern authentication): coming in a later version"))
        self.user_label.setText(self.tr("&User name:"))
        self.password_label.setText(self.tr("Pass&word:"))
        self.username.setAccessibleName(self.tr("User name"))
        self.password.setAccessibleName(self.tr("Password"))
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
        self.statement.setText(
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
        needs = wizard is not None and wizard.checks_page.needs_credentials()
        self.needs.setText(
            ""
            if needs
            else self.tr("None of the selected checks needs a password; they run anonymously.")
        )
