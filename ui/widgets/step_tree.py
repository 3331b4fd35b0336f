"""A tree of checks and their child steps: live while a run goes on, filterable after.

Top-level rows are checks (their titles translated by check ID); children are the
engine's steps. Running rows show a spinner and a live elapsed time; finished rows their
status icon and duration. Each row keeps its Step (Qt.UserRole) for the details view.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from assistant.events import (
    CheckFinished,
    CheckStarted,
    ProvisionalResult,
    RunStarted,
    StepFinished,
    StepStarted,
)
from assistant.model import CANCELLED_SUMMARY, Status, Step
from ui.i18n import fmt
from ui.icons import SPINNER_FRAMES, spinner_icon, status_icon
from ui.texts import PENDING, RUNNING, engine_text, plain_tooltip, status_name

STEP_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # a 1-tuple: Qt would turn a bare str subclass
# (translatable engine text, assistant/text.py) into plain text
COL_TITLE, COL_STATUS, COL_TIME, COL_SUMMARY = range(4)
# What "problems only" keeps: verdicts to act on, and checks a cancel left unfinished.
PROBLEMS = ("warn", "fail", "error", Status.CANCELLED.value)
FIT_DELAY_MS = 100  # finished checks' titles are measured at most this often
MIN_TITLE_WIDTH, MIN_RESULT_WIDTH = 200, 120


def _shown(item: QTreeWidgetItem | None) -> bool:
    while item is not None:
        if item.isHidden():
            return False
        item = item.parent()
    return True


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The item's children (Qt types child(i) as optional; within childCount() it is not)."""
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]


class StepTree(QTreeWidget):
    stepSelected = Signal(object)  # Step, or None for a row that has not finished

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(4)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(16, 16))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(COL_TITLE, 260)
        self.itemExpanded.connect(lambda _item: self.fit_columns())
        self._checks: dict[str, QTreeWidgetItem] = {}
        self._started: dict[int, tuple[QTreeWidgetItem, float]] = {}
        self._frame = 0
        self._fit_pending = False
        self._problems_only = False
        self.redact: Callable[[str], str] = lambda text: text
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._tick)
        self.currentItemChanged.connect(self._current_changed)
        self.retranslate()

    # -- live run -------------------------------------------------------------------------

    def begin(self, event: RunStarted) -> None:
        self.clear_all()
        for check_id, title in zip(event.check_ids, event.titles, strict=True):
            item = self._new_item(None, check_id, title)
            self._set_status(item, PENDING)
            self._checks[check_id] = item
        self.fit_columns()

    def check_started(self, event: CheckStarted) -> None:
        item = self._checks.get(event.check_id) or self._new_check(event.check_id, event.title)
        self._start(item)

    def step_started(self, event: StepStarted) -> None:
        parent = self._checks.get(event.check_id)
        if parent is None:
            return
        item = self._child(parent, event.step_id) or self._new_item(
            parent, event.step_id, event.title
        )
        self._start(item)

    def step_finished(self, event: StepFinished) -> None:
        parent = self._checks.get(event.check_id)
        if parent is None:
            return
        step = event.step
        item = self._child(parent, step.id) or self._new_item(parent, step.id, step.title)
        self._finish(item, step)

    def check_finished(self, event: CheckFinished) -> None:
        step = event.step
        item = self._checks.get(step.id) or self._new_check(step.id, step.title)
        for child in item.takeChildren():
            self._started.pop(id(child), None)
        self._finish(item, step)
        self._add_children(item, step.children)
        if self._problems_only:
            self._apply_filter()
        self._fit_soon()

    def provisional(self, event: ProvisionalResult) -> None:
        """A running check's first usable answer (autodiscover's first candidate to answer):
        its row says so at once and keeps running until the final verdict replaces it."""
        item = self._checks.get(event.step.id)
        if item is not None and item.data(0, STATUS_ROLE) == RUNNING:
            self._show_summary(item, event.step)

    def mark_unfinished_cancelled(self) -> None:
        """Cancel was pressed: every row that has not finished now says so."""
        for item in self._all_items():
            if item.data(0, STATUS_ROLE) in (RUNNING, PENDING):
                self._started.pop(id(item), None)
                self._set_status(item, Status.CANCELLED.value)
        self._timer.stop()

    # -- finished results ------------------------------------------------------------------

    def show_steps(self, steps: Sequence[Step]) -> None:
        self.clear_all()
        for step in steps:
            item = self._new_check(step.id, step.title)
            self._finish(item, step)
            self._add_children(item, step.children)
        self._apply_filter()
        self.fit_columns()

    def fit_columns(self) -> None:
        """The Check column wide enough for every check's title (icon and indent included),
        so none is cut at the window's default size, and for the open steps' titles as far
        as the Result column keeps some room; Status and Time size themselves."""
        shown = self.sizeHintForColumn(COL_TITLE)
        checks = max((self._title_width(top) for top in self._top_items()), default=0)
        room = self.viewport().width() - self._fixed_columns() - MIN_RESULT_WIDTH
        width = max(min(shown, room), checks, MIN_TITLE_WIDTH)
        self.setColumnWidth(COL_TITLE, max(width, self.header().sectionSizeHint(COL_TITLE)))

    def _fit_soon(self) -> None:
        """fit_columns once for a burst of finished checks: it measures every row, and a
        run finishes a check every few milliseconds (bench/bench_heartbeat.py)."""
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(FIT_DELAY_MS, self, self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        self.fit_columns()

    def _title_width(self, item: QTreeWidgetItem) -> int:
        """What a top-level row's title needs: the delegate's size for it, and the indent
        the tree draws before it (the expand arrow)."""
        index = self.indexFromItem(item, COL_TITLE)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        width = self.itemDelegate().sizeHint(option, index).width()
        return width + (self.indentation() if self.rootIsDecorated() else 0)

    def wanted_width(self) -> int:
        """The width that shows every check's title whole and some of the Result column."""
        checks = max((self._title_width(top) for top in self._top_items()), default=0)
        frame = self.width() - self.viewport().width()
        return checks + self._fixed_columns() + MIN_RESULT_WIDTH + frame

    def _fixed_columns(self) -> int:
        return self.header().sectionSize(COL_STATUS) + self.header().sectionSize(COL_TIME)

    def select_step(self, step_id: str, check_id: str | None = None) -> QTreeWidgetItem | None:
        """Select `step_id` (else its check), open the rows above it and the row itself,
        and show it; the details pane follows the selection."""
        item = self.item_for(step_id) or (self.item_for(check_id) if check_id else None)
        if item is None:
            return None
        if not _shown(item):
            self.set_problems_only(False)
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        item.setExpanded(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        return item

    def set_problems_only(self, on: bool) -> None:
        self._problems_only = on
        self._apply_filter()

    def clear_all(self) -> None:
        self.clear()
        self._checks.clear()
        self._started.clear()
        self._timer.stop()

    def select_first_problem(self) -> None:
        shown = [item for item in self._all_items() if _shown(item)]
        for item in shown:
            if item.data(0, STATUS_ROLE) in PROBLEMS:
                self.setCurrentItem(item)
                return
        if shown:
            self.setCurrentItem(shown[0])

    def item_for(self, step_id: str) -> QTreeWidgetItem | None:
        return next((i for i in self._all_items() if i.data(0, ID_ROLE) == step_id), None)

    # -- internals -------------------------------------------------------------------------

    def _new_check(self, check_id: str, title: str) -> QTreeWidgetItem:
        item = self._new_item(None, check_id, title)
        self._checks[check_id] = item
        return item

    def _new_item(
        self, parent: QTreeWidgetItem | None, step_id: str, title: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self if parent is None else parent)
        item.setData(0, ID_ROLE, step_id)
        item.setData(0, TITLE_ROLE, (title,))
        item.setText(COL_TITLE, engine_text(title))
        item.setToolTip(COL_TITLE, plain_tooltip(step_id))
        return item

    def _child(self, parent: QTreeWidgetItem, step_id: str) -> QTreeWidgetItem | None:
        for child in _children(parent):
            if child.data(0, ID_ROLE) == step_id:
                return child
        return None

    def _add_children(self, parent: QTreeWidgetItem, steps: Sequence[Step]) -> None:
        for step in steps:
            child = self._new_item(parent, step.id, step.title)
            self._finish(child, step)
            self._add_children(child, step.children)
        if parent.data(0, STATUS_ROLE) in PROBLEMS:
            parent.setExpanded(True)

    def _start(self, item: QTreeWidgetItem) -> None:
        self._set_status(item, RUNNING)
        self._started[id(item)] = (item, time.monotonic())
        if not self._timer.isActive():
            self._timer.start()

    def _finish(self, item: QTreeWidgetItem, step: Step) -> None:
        self._started.pop(id(item), None)
        item.setData(0, STEP_ROLE, step)
        if item.parent() is None:  # a finished check's own title is often more precise
            item.setData(0, TITLE_ROLE, (step.title,))
            item.setText(COL_TITLE, engine_text(step.title))
        self._set_status(item, step.status.value)
        if step.duration_ms:
            item.setText(COL_TIME, self._seconds(step.duration_ms / 1000))
        self._show_summary(item, step)
        if not self._started:
            self._timer.stop()

    def _show_summary(self, item: QTreeWidgetItem, step: Step) -> None:
        summary = engine_text(self.redact(step.summary))
        if step.status is Status.CANCELLED and step.summary == CANCELLED_SUMMARY:
            # Stopped before it began: the Status column says it all. One stopped while it
            # ran says what it was waiting on (Step.stopped), and that stays.
            summary = ""
        item.setText(COL_SUMMARY, summary)
        item.setToolTip(COL_SUMMARY, plain_tooltip(summary))

    def _set_status(self, item: QTreeWidgetItem, status: str) -> None:
        item.setData(0, STATUS_ROLE, status)
        icon = spinner_icon(self._frame) if status == RUNNING else status_icon(status)
        item.setIcon(COL_TITLE, icon)
        item.setText(COL_STATUS, status_name(status))

    def _tick(self) -> None:
        self._frame = (self._frame + 1) % SPINNER_FRAMES
        now = time.monotonic()
        for item, started in list(self._started.values()):
            item.setIcon(COL_TITLE, spinner_icon(self._frame))
            item.setText(COL_TIME, self._seconds(now - started))
        if not self._started:
            self._timer.stop()

    def _seconds(self, value: float) -> str:
        if value < 1:
            return fmt(self.tr("%1 ms"), round(value * 1000))
        return fmt(self.tr("%1 s"), f"{value:.1f}")

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item)
            for child in _children(item):
                walk(child)

        for top in self._top_items():
            walk(top)
        return out

    def _top_items(self) -> list[QTreeWidgetItem]:
        count = self.topLevelItemCount()
        return [top for i in range(count) if (top := self.topLevelItem(i)) is not None]

    def _apply_filter(self) -> None:
        """Problems only: the checks whose verdict is a problem (or that a cancel left
        unfinished), and inside them the steps that are; a passing check's failed
        candidates are normal and stay hidden."""

        def problem(item: QTreeWidgetItem) -> bool:
            return item.data(0, STATUS_ROLE) in PROBLEMS

        def visit(item: QTreeWidgetItem) -> bool:
            shown_child = False
            for child in _children(item):
                shown_child = visit(child) or shown_child
            show = not self._problems_only or problem(item) or shown_child
            item.setHidden(not show)
            return show

        for top in self._top_items():
            if self._problems_only and not problem(top):
                top.setHidden(True)
            else:
                visit(top)
                top.setHidden(False)

    def _current_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        self.stepSelected.emit(None if current is None else current.data(0, STEP_ROLE))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("Check"), self.tr("Status"), self.tr("Time"), self.tr("Result")]
        )
        self.setAccessibleName(self.tr("Checks and their steps"))
        for item in self._all_items():
            status = item.data(0, STATUS_ROLE)
            if status:
                item.setText(COL_STATUS, status_name(status))
            (title,) = item.data(0, TITLE_ROLE)
            item.setText(COL_TITLE, engine_text(title))
            step = item.data(0, STEP_ROLE)
            if step is not None:
                self._show_summary(item, step)
                if step.duration_ms:
                    item.setText(COL_TIME, self._seconds(step.duration_ms / 1000))
        self.fit_columns()
