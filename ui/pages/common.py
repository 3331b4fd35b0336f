"""What every page shares: retranslation on a language switch, and error labels that sit
beside the field they are about."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from ui.icons import colour


class Page(QWizardPage):
    """A wizard page that rebuilds its texts when the language changes."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError

    @property
    def app_wizard(self) -> Any:  # the Wizard (ui.wizard), typed loosely to avoid a cycle
        return self.wizard()

    def scrolling_content(self, scroll_name: str) -> tuple[QWidget, QVBoxLayout]:
        """The page's body in a frameless scroll area that fills the page: a page that grows
        (more areas, more questions) scrolls rather than clips or pushes the buttons off."""
        content = QWidget()
        layout = QVBoxLayout(content)
        scroll = QScrollArea(self)
        scroll.setObjectName(scroll_name)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return content, layout


class PlainLabel(QLabel):
    """A label that never renders its text as markup (some carry data: a file name, the lab's
    error). The format is set with the first text, not at construction: a label still empty at
    the first paint then costs nothing of the Qt namespace's enums (docs/PERFORMANCE.md)."""

    _plain = False

    def setText(self, text: str) -> None:
        if text and not self._plain:
            self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            self._plain = True
        super().setText(text)


class ErrorLabel(PlainLabel):
    """Shows an input error (the engine's InputError text in the current language) beside its
    field, and puts it in the field's accessible description so screen readers hear it too."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"{field.objectName()}Error")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {colour('fail').name()};")
        self.hide()

    def show_error(self, message: str | None) -> None:
        text = message or ""
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))
        self.field.setAccessibleDescription(text)

    @property
    def message(self) -> str:
        return self.text().removeprefix("⚠ ")


def hint_label(parent: QWidget) -> QLabel:
    label = PlainLabel(parent)  # some carry data (the lab's error)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label
