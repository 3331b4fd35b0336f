"""Compare two saved reports: what changed from the older run to the newer one.

Loading goes through ui.worker (always, whatever the size: load_json is small local file
I/O, but a report can be large and this keeps the GUI thread free); the engine's
diff_reports does the comparing, and CompareDialog shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import ReportFormatError, Status
from assistant.report.diff import ReportDiff, StepChange, diff_reports
from assistant.report.json_report import load_json
from ui.i18n import fmt
from ui.icons import status_icon
from ui.texts import engine_text, plain_tooltip, status_name

COLUMNS = 5  # check, ID, before, after, summary


class LoadError(Exception):
    """One sentence to show; carried back from the worker as a result, not a traceback."""


def load_and_diff(old_path: str, new_path: str) -> ReportDiff | LoadError:
    """Runs on a worker: both reports, then their diff; a LoadError names the bad file."""
    reports = []
    for path in (old_path, new_path):
        try:
            reports.append(load_json(path))
        except ReportFormatError as exc:
            return LoadError(f"{path}: {exc}")
        except OSError as exc:
            return LoadError(f"{path}: {exc.strerror or exc}")
    return diff_reports(reports[0], reports[1])


class CompareDialog(QDialog):
    def __init__(self, diff: ReportDiff, old_path: str, new_path: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.diff, self.old_path, self.new_path = diff, old_path, new_path
        self.files = QLabel(self)
        self.files.setWordWrap(True)
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("compareVerdict")
        self.counts = QLabel(self)
        self.counts.setObjectName("compareCounts")
        self.counts.setWordWrap(True)
        self.other_target = QLabel(self)
        self.other_target.setWordWrap(True)
        self.other_target.setVisible(not diff.same_target)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("compareTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS - 1, QHeaderView.ResizeMode.Stretch
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.files, self.verdict, self.counts, self.other_target, self.table):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.resize(820, 480)
        self.retranslate()

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """The table as text: (ID, title, before, after, summary), for tests and copying."""
        cell = self._cell
        return [
            (cell(r, 1), cell(r, 0), cell(r, 2), cell(r, 3), cell(r, 4))
            for r in range(self.table.rowCount())
        ]

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _fill(self) -> None:
        d = self.diff
        entries: list[StepChange] = [*d.changed, *d.added, *d.removed]
        self.table.setRowCount(len(entries))
        for row, change in enumerate(entries):
            title = QTableWidgetItem(engine_text(change.title))
            title.setToolTip(plain_tooltip(change.step_id))
            cells = [
                title,
                QTableWidgetItem(change.step_id),
                self._status_item(change.old, self.tr("(new)")),
                self._status_item(change.new, self.tr("(removed)")),
                QTableWidgetItem(engine_text(change.summary)),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    @staticmethod
    def _status_item(status: Status | None, absent: str) -> QTableWidgetItem:
        if status is None:
            return QTableWidgetItem(absent)
        item = QTableWidgetItem(status_icon(status.value), status_name(status.value))
        item.setData(Qt.ItemDataRole.UserRole, status.value)
        return item

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        d = self.diff
        self.setWindowTitle(self.tr("What changed"))
        self.files.setText(fmt(self.tr("Older: %1\nNewer: %2"), self.old_path, self.new_path))
        self.verdict.setText(
            fmt(
                self.tr("Overall: %1 → %2"),
                status_name(d.old_overall.value),
                status_name(d.new_overall.value),
            )
        )
        if d.counts:
            parts = [
                fmt(self.tr("%1: %2 → %3"), status_name(status), old, new)
                for status, (old, new) in d.counts.items()
            ]
            self.counts.setText(fmt(self.tr("Counts: %1"), "; ".join(parts)))
        else:
            self.counts.setText(self.tr("The counts are the same."))
        self.other_target.setText(
            self.tr("The two reports are for different targets; compare with care.")
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Check"),
                self.tr("ID"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Summary"),
            ]
        )
        self.table.setAccessibleName(self.tr("Changed, new and removed checks"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self._fill()
        if not d.has_changes:
            self.counts.setText(self.tr("Nothing changed between the two reports."))
