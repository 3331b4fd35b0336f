"""Run: the live tree of checks and steps, overall progress, Cancel, and a collapsible log.

The page only shows what the bridge delivers (on the GUI thread); starting, cancelling
and finishing the run belong to the wizard."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWizard,
)

from assistant.events import CheckFinished, CheckStarted, RunFinished, RunStarted
from assistant.model import Status, Step
from ui.i18n import fmt
from ui.pages.common import Page
from ui.texts import cloud_name, status_name
from ui.widgets.step_tree import StepTree


class RunPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runPage")
        self.setCommitPage(True)
        self.run = None
        self.planned: list[tuple[str, str]] = []
        self.finished_steps: dict[str, Step] = {}
        self.done = False
        self._started = 0.0
        self._connected: list = []
        self.progress = QProgressBar(self)
        self.progress.setObjectName("runProgress")
        self.status = QLabel(self)
        self.status.setObjectName("runStatus")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelRun")
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.tree = StepTree(self)
        self.tree.setObjectName("runTree")
        self.log_toggle = QToolButton(self)
        self.log_toggle.setObjectName("logToggle")
        self.log_toggle.setCheckable(True)
        self.log_toggle.setAutoRaise(True)
        self.log_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.log_toggle.toggled.connect(self.show_log)
        self.log = QPlainTextEdit(self)
        self.log.setObjectName("runLog")
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.log.setFixedHeight(self.fontMetrics().lineSpacing() * 7)
        self.log.hide()
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.log_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.log)
        self._clock = QTimer(self)
        self._clock.setInterval(200)
        self._clock.timeout.connect(self._update_status)
        self.show_log(False)
        self.retranslate()

    # -- the run --------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.retranslate()
        self.app_wizard.start_run()

    def begin(self, run) -> None:
        """Show `run` (a ui.runs.DiagnosisRun): connect to its bridge, reset the view."""
        self.run = run
        self.done = False
        self.planned, self.finished_steps = [], {}
        self.tree.clear_all()
        self.tree.redact = run.redactor
        self.log.clear()
        self.progress.setRange(0, 0)  # busy until the plan is known
        self._started = time.monotonic()
        for signal, slot in self._connected:  # a cancelled run may still be winding down
            signal.disconnect(slot)
        bridge = run.bridge
        self._connected = [
            (bridge.runStarted, self._run_started),
            (bridge.checkStarted, self._check_started),
            (bridge.stepStarted, self.tree.step_started),
            (bridge.stepFinished, self.tree.step_finished),
            (bridge.checkFinished, self._check_finished),
            (bridge.runFinished, self._run_finished),
            (bridge.otherEvent, self._other_event),
        ]
        for signal, slot in self._connected:
            signal.connect(slot)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self._clock.start()
        self._update_status()
        self.completeChanged.emit()

    def _run_started(self, event: RunStarted) -> None:
        self.planned = list(zip(event.check_ids, event.titles, strict=True))
        self.tree.begin(event)
        self.progress.setRange(0, max(1, len(self.planned)))
        self.progress.setValue(0)
        self._log(fmt(self.tr("Planned %1 checks"), len(self.planned)))

    def _check_started(self, event: CheckStarted) -> None:
        self.tree.check_started(event)
        self._log(fmt(self.tr("Started %1"), event.check_id))

    def _check_finished(self, event: CheckFinished) -> None:
        step = event.step
        self.finished_steps[step.id] = step
        self.tree.check_finished(event)
        self.progress.setValue(len(self.finished_steps))
        self._log(f"{status_name(step.status.value)}: {step.id}: {self.run.redactor(step.summary)}")
        self._update_status()

    def _run_finished(self, event: RunFinished) -> None:
        self.finish(event.cancelled)
        self._log(
            fmt(self.tr("Run finished in %1 s"), f"{event.duration_ms / 1000:.1f}")
            + (" — " + self.tr("cancelled") if event.cancelled else "")
        )

    def _other_event(self, event: object) -> None:
        """Events this page has no view for yet. A sign-in prompt (OAuth device code)
        must reach the user, so its text goes to the status line and the log."""
        prompt = getattr(event, "prompt", None)
        text = getattr(prompt, "text", None)
        if callable(text):
            message = str(text())
            self.status.setText(message)
            self.show_log(True)
            self._log(message)

    def partial_steps(self) -> list[Step]:
        """What the run has so far, with every unfinished check marked cancelled."""
        return [
            self.finished_steps.get(cid) or Step(cid, title, Status.CANCELLED, summary="cancelled")
            for cid, title in self.planned
        ]

    def finish(self, cancelled: bool) -> None:
        if cancelled:
            self.tree.mark_unfinished_cancelled()
        self.done = True
        self._clock.stop()
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, max(1, len(self.planned)))
        self.progress.setValue(
            self.progress.maximum() if not cancelled else len(self.finished_steps)
        )
        self._update_status(cancelled=cancelled)
        self.completeChanged.emit()

    def _cancel_clicked(self) -> None:
        self._log(self.tr("Cancel pressed"))
        self.app_wizard.cancel_run()

    def isComplete(self) -> bool:
        return self.done

    # -- view ---------------------------------------------------------------------------

    def show_log(self, shown: bool) -> None:
        if self.log_toggle.isChecked() != shown:
            self.log_toggle.setChecked(shown)
            return
        self.log.setVisible(shown)
        self.log_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _log(self, line: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {line}")

    def _update_status(self, *, cancelled: bool = False) -> None:
        elapsed = time.monotonic() - self._started if self._started else 0.0
        total, finished = len(self.planned), len(self.finished_steps)
        if cancelled:
            text = self.tr("Cancelled. Checks that had not finished are marked so.")
        elif self.done:
            text = fmt(self.tr("All %1 checks finished."), total)
        else:
            text = fmt(
                self.tr("%1 of %2 checks finished · %3 s"), finished, total, f"{elapsed:.1f}"
            )
        self.status.setText(text)
        self.progress.setAccessibleDescription(text)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Running the diagnosis"))
        wizard = self.app_wizard
        target = wizard.session.target if wizard is not None else None
        if target is not None:
            who = target.email or target.domain_unicode
            self.setSubTitle(fmt(self.tr("Testing %1 (%2)."), who, cloud_name(target.cloud)))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Show &results"))
        self.cancel_button.setText(self.tr("&Cancel run"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the run"))
        self.progress.setAccessibleName(self.tr("Overall progress"))
        self.log_toggle.setText(self.tr("&Log"))
        self.log_toggle.setAccessibleName(self.tr("Show the log"))
        self.log.setAccessibleName(self.tr("Log"))
        self._update_status(cancelled=self.done and bool(self.run and self.run.cancelled))
