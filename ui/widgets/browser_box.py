"""The browser sign-in's box on the Run page, shown while the run waits for the user to
finish signing in in the browser: what to do, and the sign-in address as a link (opened
again on a click, on the GUI thread) with a Copy button, in case no browser opened."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from assistant.auth.prompt import BrowserPrompt
from ui.browser import BrowserOpener, qt_open_url
from ui.widgets.sign_in_box import SignInBox


def short_address(url: str) -> str:
    """The sign-in address without its long query (PKCE challenge, state, scopes)."""
    parts = urlsplit(url)
    shown = f"{parts.scheme}://{parts.netloc}{parts.path}"
    return shown + ("?…" if parts.query else "")


class BrowserSignInBox(SignInBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("browserSignIn", parent, selectable=False)
        self.prompt: BrowserPrompt | None = None
        self.opener: BrowserOpener | None = None
        self.browser_started: bool | None = None  # None: not known yet
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copySignInAddress")
        self.copy_button.clicked.connect(self.copy_url)
        address = QHBoxLayout()
        address.addWidget(self.url_label)
        address.addWidget(self.url, 1)
        address.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.instructions)
        layout.addLayout(address)
        self.hide()
        self.retranslate()

    def attach(self, opener: BrowserOpener | None) -> None:
        """The run's opener: it tells whether the browser started, and opens the link."""
        if self.opener is not None:
            self.opener.opened.disconnect(self.browser_opened)
        self.opener = opener
        self.browser_started = None
        if opener is not None:
            opener.opened.connect(self.browser_opened)

    def browser_opened(self, url: str, ok: bool) -> None:
        self.browser_started = ok
        self.retranslate()

    def show_prompt(self, check_id: str, prompt: BrowserPrompt) -> None:
        self.check_id, self.prompt = check_id, prompt
        self.show_link(prompt.url, short_address(prompt.url))
        self.retranslate()
        self.show()
        self.copy_button.setFocus()

    def end(self) -> None:
        """The sign-in finished, or the run ended: nothing more to do in the browser."""
        self.check_id, self.prompt = None, None
        self.url.clear()
        self.hide()

    def open_url(self, _link: str = "") -> None:
        """Only on a click, on the GUI thread; the full address, through the run's opener."""
        if self.prompt is None:
            return
        if self.opener is not None:
            self.opener.open(self.prompt.url)
        else:
            qt_open_url(self.prompt.url)

    def copy_url(self) -> None:
        if self.prompt is not None:
            QGuiApplication.clipboard().setText(self.prompt.url)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Finish signing in in your browser…"))
        started = self.browser_started
        if started is None and self.prompt is not None:
            started = self.prompt.opened
        if started is False:
            text = self.tr(
                "The browser could not be started. Open the address below in a browser on "
                "this computer (the sign-in comes back to this program) and sign in as the "
                "mailbox's user. The run continues by itself; Cancel stops the wait."
            )
        else:
            text = self.tr(
                "Your browser shows Microsoft's sign-in page: sign in there as the mailbox's "
                "user. The run continues by itself when the browser comes back to this "
                "program; Cancel stops the wait. If no browser opened, open the address below "
                "on this computer."
            )
        self.instructions.setText(text)
        self.url_label.setText(self.tr("Address:"))
        self.copy_button.setText(self.tr("Copy &address"))
        self.copy_button.setAccessibleName(self.tr("Copy the sign-in address"))
        self.setAccessibleName(self.tr("Browser sign-in"))
