"""The Sign-in page's methods and fields without their texts: the methods' names (as the
settings keep them) and OAuth flows, the radio buttons and forms built in the order Tab
visits them, and the values read from them and put back into them (the settings).

Apart from ui/pages/signin.py, which holds every text the page shows (translated in the
SignInPage context), the checks of what was typed in and the credential a run is given:
this module has nothing to translate, and SignInPage is built on SignInForm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.auth.oauth_config import Flow
from assistant.config import InputError, check_sign_in_name
from ui.pages.common import ErrorLabel, Page, hint_label
from ui.pages.signin_app import AppSignInFields

NONE, PASSWORD = "none", "password"
OAUTH = "oauth"  # OAuth 2.0 with a device code (the name saved settings already hold)
OAUTH_BROWSER = "oauth-browser"
OAUTH_APP = "oauth-app"
OAUTH_METHODS = {OAUTH: Flow.DEVICE, OAUTH_BROWSER: Flow.BROWSER, OAUTH_APP: Flow.APP}
USER_OAUTH = (OAUTH, OAUTH_BROWSER)


class SignInForm(Page):
    """The base of SignInPage: its widgets and their values."""

    def _build_forms(self) -> tuple[QFormLayout, QFormLayout]:
        """The methods' buttons and fields, created in the order Tab visits them; the
        password's form and the user sign-in's form, for the page's layout."""
        self._build_methods()
        form = self._build_password()
        oauth_form = self._build_oauth()
        self.app_fields = AppSignInFields(self)
        return form, oauth_form

    def _build_methods(self) -> None:
        """One radio button per method; each method's fields are indented below it."""
        self.none = QRadioButton(self)
        self.none.setObjectName("signinNone")
        self.password_mode = QRadioButton(self)
        self.password_mode.setObjectName("signinPassword")
        self.oauth_browser = QRadioButton(self)
        self.oauth_browser.setObjectName("signinOAuthBrowser")
        self.oauth = QRadioButton(self)  # the device code
        self.oauth.setObjectName("signinOAuth")
        self.oauth_app = QRadioButton(self)
        self.oauth_app.setObjectName("signinOAuthApp")
        self.methods = QButtonGroup(self)
        for button in (
            self.none,
            self.password_mode,
            self.oauth_browser,
            self.oauth,
            self.oauth_app,
        ):
            self.methods.addButton(button)
        self.none.setChecked(True)

    def _build_password(self) -> QFormLayout:
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
        self.username_error = ErrorLabel(self.username, self)
        user_column = QVBoxLayout()
        user_column.setSpacing(2)
        user_column.addWidget(self.username)
        user_column.addWidget(self.username_error)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.user_label, user_column)
        form.addRow(self.password_label, self.password)
        return form

    def _build_oauth(self) -> QFormLayout:
        """The user sign-in's fields (browser or device code): client ID (required) and
        tenant (optional)."""
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
        return oauth_form

    def method(self) -> str:
        for name, button in (
            (OAUTH, self.oauth),
            (OAUTH_BROWSER, self.oauth_browser),
            (OAUTH_APP, self.oauth_app),
            (PASSWORD, self.password_mode),
        ):
            if button.isChecked():
                return name
        return NONE

    def set_method(self, method: str) -> None:
        buttons = {
            PASSWORD: self.password_mode,
            OAUTH: self.oauth,
            OAUTH_BROWSER: self.oauth_browser,
            OAUTH_APP: self.oauth_app,
        }
        buttons.get(method, self.none).setChecked(True)

    def oauth_settings(self) -> dict[str, str | None]:
        """What is remembered of OAuth: client IDs, tenants, the app's mailbox and its
        certificate's path (never a secret, a PFX password or a token)."""
        return {
            "client_id": self.client_id.text().strip() or None,
            "tenant": self.tenant.text().strip() or None,
            **self.app_fields.settings(),
        }

    def load_oauth_settings(self, values: dict[str, str | None]) -> None:
        self.client_id.setText(values.get("client_id") or "")
        self.tenant.setText(values.get("tenant") or "")
        self.app_fields.load(values)

    def username_problem(self) -> InputError | None:
        """What is wrong with the sign-in name (a control character), or None."""
        try:
            check_sign_in_name(self.username.text())
        except InputError as exc:
            return exc
        return None

    def remembered_username(self) -> str | None:
        """The sign-in name for the settings: only one that validated."""
        name = self.username.text().strip()
        return name if name and self.username_problem() is None else None

    def _username_edited(self, text: str) -> None:
        self._user_edited = bool(text.strip())

    def _align_forms(self) -> None:
        """The password's, the user sign-in's and the app's fields start at one column,
        whatever the language makes of their labels."""
        labels = [
            self.user_label,
            self.password_label,
            self.client_label,
            self.tenant_label,
            *self.app_fields.labels(),
        ]
        for label in labels:
            label.setMinimumWidth(0)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)


def scroll_area_for(content: QWidget, parent: QWidget) -> QScrollArea:
    """The page's content, scrolled when the window is too small for all of it: no frame,
    the page's own background, and never sideways (the texts wrap)."""
    scroll = QScrollArea(parent)
    scroll.setObjectName("signInScroll")
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll
