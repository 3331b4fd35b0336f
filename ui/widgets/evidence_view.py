"""The details pane: the selected step's summary, remedy (with its link), details and
evidence, and a button that copies it all as text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from assistant.model import Step
from ui.widgets.evidence_format import step_html, step_text


class StepDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.redact: Callable[[str], str] = lambda text: text
        self.step: Step | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("stepDetails")
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)
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
        self.step = step
        self.copy_button.setEnabled(step is not None)
        if step is None:
            hint = self.tr("Select a check to see its details.")
            self.browser.setHtml(f"<p><i>{hint}</i></p>")
        else:
            self.browser.setHtml(step_html(step, self.redact))

    def copy(self) -> None:
        if self.step is not None:
            QGuiApplication.clipboard().setText(step_text(self.step, self.redact))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("&Copy details"))
        self.copy_button.setAccessibleName(self.tr("Copy the selected step's details"))
        self.browser.setAccessibleName(self.tr("Details of the selected step"))
        self.show_step(self.step)
