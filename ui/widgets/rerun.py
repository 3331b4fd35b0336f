"""Re-test without starting over (issue 16, as Thunderbird's account wizard does): "Run
again" for the check selected in the results, or for its whole area, keeping every other
result. The wizard runs them (Wizard.run_again: the same target, options, credentials and
plans, on the run's thread, cancellable from the Run page) and merges the new steps into
the report, which the Export page then saves. Below the buttons, what the last re-run did.

The Results page places it with one line: `RerunBar(self.tree, self)`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget, QWizardPage

from assistant.model import Report, Step
from ui.i18n import fmt
from ui.texts import AREAS, area_text, engine_text
from ui.widgets.step_tree import StepTree

RERUNS = "reruns"  # assistant.diagnosis.RERUNS (not imported: the engine loads after paint)


def check_of(report: Report | None, step: Step | None) -> Step | None:
    """The check (top-level step) the selected step belongs to."""
    if report is None or step is None:
        return None
    return next((top for top in report.steps if top.find(step.id) is not None), None)


def last_rerun(report: Report | None) -> dict[str, Any] | None:
    entries = report.run.get(RERUNS) if report is not None else None
    last = entries[-1] if isinstance(entries, list) and entries else None
    return last if isinstance(last, dict) else None


def local_time(stamp: object) -> str:
    try:
        return dt.datetime.fromisoformat(str(stamp)).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return str(stamp)


class RerunBar(QWidget):
    def __init__(self, tree: StepTree, page: QWizardPage) -> None:
        super().__init__(page)
        self.setObjectName("rerunBar")
        self.page = page
        self.check: Step | None = None  # the selected step's check
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("rerunCheck")
        self.check_button.clicked.connect(self.run_check)
        self.area_button = QPushButton(self)
        self.area_button.setObjectName("rerunArea")
        self.area_button.clicked.connect(self.run_area)
        self.note = QLabel(self)
        self.note.setObjectName("rerunNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check_button)
        layout.addWidget(self.area_button)
        layout.addWidget(self.note, 1)
        tree.stepSelected.connect(self.select)
        self.retranslate()

    @property
    def wizard(self) -> Any:  # ui.wizard.Wizard, typed loosely (it imports the pages)
        return self.page.wizard()

    def report(self) -> Report | None:
        wizard = self.wizard
        return wizard.session.report if wizard is not None else None

    def select(self, step: Step | None) -> None:
        self.check = check_of(self.report(), step)
        self.retranslate()

    def run_check(self) -> None:
        if self.check is not None:
            self.wizard.run_again([self.check.id])

    def run_area(self) -> None:
        if self.check is not None:
            self.wizard.run_again([self.area])

    @property
    def area(self) -> str:
        return self.check.id.split(".", 1)[0] if self.check is not None else ""

    def showEvent(self, event: QShowEvent) -> None:
        self.retranslate()  # the report may have changed while the page was hidden
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        wizard = self.wizard
        able = wizard is not None and self.check is not None and wizard.can_run_again()
        self.check_button.setEnabled(able)
        self.area_button.setEnabled(able)
        self.check_button.setText(self.tr("Run check a&gain"))
        self.area_button.setText(self.tr("Run a&rea again"))
        self.check_button.setAccessibleName(self.tr("Run the selected check again"))
        self.area_button.setAccessibleName(self.tr("Run the selected check's area again"))
        if self.check is not None:
            title = engine_text(self.check.title)
            area = next((area_text(a.title) for a in AREAS if a.key == self.area), self.area)
            self.check_button.setToolTip(
                fmt(self.tr("Runs “%1” again; every other result is kept."), title)
            )
            self.area_button.setToolTip(
                fmt(self.tr("Runs every %1 check again; the other results are kept."), area)
            )
        self.check_button.setAccessibleDescription(self.check_button.toolTip())
        self.area_button.setAccessibleDescription(self.area_button.toolTip())
        self.note.setText(self._last_rerun_text())
        self.note.setAccessibleName(self.note.text())

    def _last_rerun_text(self) -> str:
        entry = last_rerun(self.report())
        if entry is None:
            return ""
        checks = entry.get("checks")
        names = ", ".join(str(c) for c in checks) if isinstance(checks, list) else ""
        when = local_time(entry.get("at"))
        if entry.get("cancelled"):
            kept = entry.get("kept")
            if isinstance(kept, list) and kept:
                return fmt(
                    self.tr("Run again at %1 was cancelled; earlier results kept for %2."),
                    when,
                    ", ".join(str(k) for k in kept),
                )
            return fmt(self.tr("Run again at %1 was cancelled."), when)
        return fmt(self.tr("Ran again at %1: %2."), when, names)
