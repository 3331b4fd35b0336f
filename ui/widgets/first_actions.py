""" "What to do first": the failures that explain the others, in order, at the top of the
Results page. The ranking is the engine's (assistant/report/priorities.py, the same list
the HTML report opens with); this widget only shows it. Choosing an entry (click, or
Enter on the keyboard) asks the page to select that step in the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import Step
from assistant.report.priorities import Priority, first_actions
from ui.i18n import fmt
from ui.icons import status_icon
from ui.texts import engine_text, plain_tooltip

PRIORITY_ROLE = Qt.ItemDataRole.UserRole
MAX_SHOWN_ROWS = 5  # first_actions' own limit: the list never needs a scroll bar


class FirstActions(QFrame):
    chosen = Signal(str, str)  # step ID, its check's ID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstActions")
        self.redact: Callable[[str], str] = lambda text: text
        self.priorities: list[Priority] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("firstActionsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("firstActionsList")
        self.list.setWordWrap(False)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.itemClicked.connect(self._choose)
        self.list.itemActivated.connect(self._choose)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.retranslate()

    def show_steps(self, steps: Sequence[Step]) -> None:
        self.priorities = first_actions(steps)
        self._fill()

    def first(self) -> Priority | None:
        return self.priorities[0] if self.priorities else None

    def _fill(self) -> None:
        self.list.clear()
        for number, priority in enumerate(self.priorities, 1):
            title = engine_text(priority.title)
            remedy = engine_text(self.redact(priority.remedy))
            item = QListWidgetItem(status_icon(priority.status.value), "")
            item.setText(fmt(self.tr("%1. %2: %3"), number, title, remedy))
            item.setToolTip(plain_tooltip(remedy))
            item.setData(PRIORITY_ROLE, (priority.step_id, priority.check_id))
            self.list.addItem(item)
        self.setVisible(bool(self.priorities))
        self._fit()

    def _fit(self) -> None:
        """As tall as its entries (each on one line; the tooltip has the whole remedy)."""
        rows = min(len(self.priorities), MAX_SHOWN_ROWS)
        row = self.list.sizeHintForRow(0) if rows else 0
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(rows * max(row, 1) + frame + 2)

    def _choose(self, item: QListWidgetItem) -> None:
        step_id, check_id = item.data(PRIORITY_ROLE)
        self.chosen.emit(step_id, check_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What to do &first"))
        self.heading.setAccessibleName(self.tr("What to do first"))
        self.list.setAccessibleName(self.tr("What to do first, most important first"))
        if self.priorities:
            self._fill()
