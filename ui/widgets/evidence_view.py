"""The details pane: the selected step's summary, remedy (PowerShell in copyable blocks),
a "Tell me more" link under it for every problem, details and evidence, and a button that
copies it all as text.

Links never navigate the pane: the remedy's page and "Tell me more" go to the system's
browser through `open_url` (the Results page gives it the wizard's BrowserOpener, which
opens on a later turn of the event loop, so the GUI never waits on a browser); "copy:<n>"
puts the n-th command on the clipboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from assistant.model import Step
from ui.widgets.evidence_format import (
    COPY_SCHEME,
    Look,
    remedy_segments,
    safe_link,
    step_html,
    step_text,
)
from ui.widgets.learn_more import tell_me_more


class StepDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.redact: Callable[[str], str] = lambda text: text
        self.open_url: Callable[[str], object] = lambda url: None
        self.step: Step | None = None
        self.more_link: str | None = None  # where "Tell me more" leads for this step
        self.commands: list[str] = []  # the remedy's PowerShell commands, as shown
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("stepDetails")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyStep")
        self.copy_button.clicked.connect(self.copy)
        self.copy_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_step(self, step: Step | None) -> None:
        same = step is not None and step is self.step  # a language switch: keep the place
        self.step = step
        self.copy_button.setEnabled(step is not None)
        self.more_link = tell_me_more(step)
        if step is None:
            self.commands = []
            hint = self.tr("Select a check to see its details.")
            self.browser.setHtml(f"<p><i>{hint}</i></p>")
            return
        self.commands = [s.text for s in remedy_segments(step, self.redact) if s.command]
        background = self.palette().color(QPalette.ColorRole.AlternateBase).name()
        scroll = self.browser.verticalScrollBar()
        keep = scroll.value() if same else 0
        self.browser.setHtml(
            step_html(step, self.redact, more=self.more_link, look=Look(background))
        )
        scroll.setValue(keep)

    def tell_me_more(self) -> None:
        if self.more_link:
            self.open_url(self.more_link)

    def copy_command(self, index: int) -> None:
        if 0 <= index < len(self.commands):
            QGuiApplication.clipboard().setText(self.commands[index])

    def _anchor(self, url: QUrl) -> None:
        text = url.toString()
        if self.more_link is not None and text == self.more_link:
            self.tell_me_more()
        elif url.scheme() == COPY_SCHEME:
            number = url.path()
            if number.isdigit():
                self.copy_command(int(number))
        elif safe_link(text):
            self.open_url(text)

    def copy(self) -> None:
        if self.step is not None:
            QGuiApplication.clipboard().setText(step_text(self.step, self.redact))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy &details"))
        self.copy_button.setAccessibleName(self.tr("Copy the selected step's details"))
        self.browser.setAccessibleName(self.tr("Details of the selected step"))
        self.show_step(self.step)
