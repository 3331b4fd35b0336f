"""The results banner: overall verdict icon, counts (passed, warnings, failed), a note."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from assistant.model import Status, Step, worst
from ui.i18n import fmt
from ui.icons import colour, status_icon


def counts(steps: list[Step]) -> dict[str, int]:
    out = {s.value: 0 for s in Status}
    for step in steps:
        out[step.status.value] += 1
    return out


class SummaryBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.icon = QLabel(self)
        self.icon.setFixedSize(QSize(36, 36))
        self.text = QLabel(self)
        self.text.setObjectName("summaryText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self._steps: list[Step] = []
        self._cancelled = False
        self._note = ""

    def show_summary(self, steps: list[Step], *, cancelled: bool = False, note: str = "") -> None:
        self._steps, self._cancelled, self._note = list(steps), cancelled, note
        self._render()

    def _render(self) -> None:
        c = counts(self._steps)
        overall = worst([s.status for s in self._steps], default=Status.INFO)
        if self._cancelled:
            overall = Status.CANCELLED
        failed = c["fail"] + c["error"]
        headline = {
            True: self.tr("Stopped: the run was cancelled; results are partial."),
            False: (
                self.tr("Problems found.")
                if failed
                else self.tr("Warnings found.")
                if c["warn"]
                else self.tr("No problems found.")
            ),
        }[self._cancelled]
        line = fmt(self.tr("Passed: %1 · Warnings: %2 · Failed: %3"), c["pass"], c["warn"], failed)
        extra = fmt(
            self.tr("(information: %1 · skipped: %2 · cancelled: %3)"),
            c["info"],
            c["skip"],
            c["cancelled"],
        )
        text = f"<b>{escape(headline)}</b><br>{escape(line)} {escape(extra)}"
        if self._note:
            text += f"<br>{escape(self._note)}"  # data: the opened report's path
        self.text.setText(text)
        self.text.setAccessibleName(f"{headline} {line} {extra}")
        self.icon.setPixmap(status_icon(overall.value).pixmap(QSize(32, 32)))
        palette = self.palette()
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        tint = _mix(base, colour(overall.value), 0.18)
        palette.setColor(QPalette.ColorRole.Window, tint)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.ApplicationPaletteChange):
            self._render()
        super().changeEvent(event)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
