"""Run: the live tree of checks and steps, overall progress, Cancel, and a collapsible log;
and, while an OAuth sign-in waits for the user, the device code and where to enter it, or
the browser sign-in's address.

The page only shows what the bridge delivers (on the GUI thread); starting, cancelling
and finishing the run belong to the wizard."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, SignalInstance
from PySide6.QtGui import QDesktopServices, QGuiApplication
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

from assistant.auth.prompt import BrowserPrompt, DeviceCodePrompt
from assistant.events import (
    CheckFinished,
    CheckStarted,
    ProvisionalResult,
    RunFinished,
    RunStarted,
    SignInPrompt,
)
from assistant.model import Step
from ui.i18n import fmt
from ui.pages.common import Page
from ui.runs import DiagnosisRun
from ui.texts import cloud_name, engine_text, status_name
from ui.widgets.browser_box import BrowserSignInBox
from ui.widgets.sign_in_box import SignInBox
from ui.widgets.step_tree import StepTree


class RunPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("runPage")
        # Not a commit page: Back from Results passes it to the settings (Wizard.back_to_settings).
        self.run: DiagnosisRun | None = None
        self.planned: list[tuple[str, str]] = []
        self.finished_steps: dict[str, Step] = {}
        self.done = False
        self._started = 0.0
        self._connected: list[tuple[SignalInstance, Callable[..., None]]] = []
        self.progress = QProgressBar(self)
        self.progress.setObjectName("runProgress")
        self.status = QLabel(self)
        self.status.setObjectName("runStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a sign-in prompt's server text
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
        self.device_box = DeviceCodeBox(self)
        self.browser_box = BrowserSignInBox(self)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.device_box)
        layout.addWidget(self.browser_box)
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

    def begin(self, run: DiagnosisRun) -> None:
        """Show `run` (a ui.runs.DiagnosisRun): connect to its bridge, reset the view."""
        self.run = run
        self.done = False
        self.planned, self.finished_steps = [], {}
        self.tree.clear_all()
        self.tree.redact = run.redactor
        self.log.clear()
        self.device_box.end()
        self.browser_box.end()
        self.browser_box.attach(run.browser)
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
        if step.id == self.device_box.check_id:  # the sign-in ended, one way or the other
            self.device_box.end()
        if step.id == self.browser_box.check_id:
            self.browser_box.end()
        self.tree.check_finished(event)
        self._set_progress(len(self.finished_steps))
        assert self.run is not None  # checks finish only in a run begin() showed
        summary = engine_text(self.run.redactor(step.summary))
        self._log(f"{status_name(step.status.value)}: {step.id}: {summary}")
        self._update_status()

    def _set_progress(self, value: int) -> None:
        """QProgressBar.setValue repaints the bar at once, synchronously (~5 ms a time on
        the GUI thread, once per finished check: bench/bench_heartbeat.py); with updates
        off around it, the new value is painted with the window's next frame instead."""
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)

    def _run_finished(self, event: RunFinished) -> None:
        self.finish(event.cancelled)
        self._log(
            fmt(self.tr("Run finished in %1 s"), f"{event.duration_ms / 1000:.1f}")
            + (" — " + self.tr("cancelled") if event.cancelled else "")
        )

    def _other_event(self, event: object) -> None:
        """Events this page has no own signal for. A sign-in prompt must reach the user:
        a device code or the browser sign-in's address shows in its box; every prompt's
        text goes to the log, and to the status line unless it carries a long address."""
        if isinstance(event, ProvisionalResult) and not self.done:
            self.tree.provisional(event)
            assert self.run is not None
            summary = engine_text(self.run.redactor(event.step.summary))
            self._log(f"{event.step.id}: {summary}")
            return
        prompt = getattr(event, "prompt", None)
        if isinstance(event, SignInPrompt) and not self.done:
            if isinstance(prompt, DeviceCodePrompt):
                self.device_box.show_prompt(event.check_id, prompt)
            elif isinstance(prompt, BrowserPrompt):
                self.browser_box.show_prompt(event.check_id, prompt)
        text = getattr(prompt, "text", None)
        if callable(text):
            message = str(text())
            if isinstance(prompt, BrowserPrompt):
                self.status.setText(self.tr("Waiting for the sign-in in your browser…"))
            else:
                self.status.setText(message)
            self.show_log(True)
            self._log(message)

    def finish(self, cancelled: bool) -> None:
        if cancelled:
            self.tree.mark_unfinished_cancelled()
        self.done = True
        self.device_box.end()
        self.browser_box.end()
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
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Show &results"))
        self.cancel_button.setText(self.tr("&Cancel run"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the run"))
        self.progress.setAccessibleName(self.tr("Overall progress"))
        self.log_toggle.setText(self.tr("&Log"))
        self.log_toggle.setAccessibleName(self.tr("Show the log"))
        self.log.setAccessibleName(self.tr("Log"))
        self.device_box.retranslate()
        self.browser_box.retranslate()
        self._update_status(cancelled=self.done and bool(self.run and self.run.cancelled))


class DeviceCodeBox(SignInBox):
    """The device code sign-in's prompt, shown while the run waits for the user: the
    address (opened in the browser only when clicked, on the GUI thread) and the code,
    large and selectable, with a Copy button."""

    def __init__(self, parent: RunPage) -> None:
        super().__init__("deviceCode", parent, selectable=True)
        self.prompt: DeviceCodePrompt | None = None
        self.code_label = QLabel(self)
        self.code = self._code_label()
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyDeviceCode")
        self.copy_button.clicked.connect(self.copy_code)
        self.code_label.setBuddy(self.code)
        address = QHBoxLayout()
        address.addWidget(self.url_label)
        address.addWidget(self.url, 1)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label)
        code_row.addWidget(self.code)
        code_row.addWidget(self.copy_button)
        code_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.instructions)
        layout.addLayout(address)
        layout.addLayout(code_row)
        self.hide()
        self.retranslate()

    def _code_label(self) -> QLabel:
        """The user code: large, monospace, selectable with mouse and keyboard."""
        code = QLabel(self)
        code.setObjectName("deviceCode")
        big = code.font()
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        big.setFamily("monospace")
        big.setStyleHint(big.StyleHint.Monospace)
        code.setFont(big)
        code.setTextFormat(Qt.TextFormat.PlainText)
        code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        code.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return code

    def show_prompt(self, check_id: str, prompt: DeviceCodePrompt) -> None:
        self.check_id, self.prompt = check_id, prompt
        self.show_link(prompt.verification_uri, prompt.verification_uri)
        self.code.setText(prompt.user_code)
        self.code.setAccessibleName(prompt.user_code)
        self.show()
        self.code.setFocus()

    def end(self) -> None:
        """The sign-in finished, or the run ended: nothing more to enter."""
        self.check_id, self.prompt = None, None
        self.url.clear()
        self.code.clear()
        self.hide()

    def open_url(self, link: str) -> None:
        """Only on a click, on the GUI thread."""
        QDesktopServices.openUrl(QUrl(link))

    def copy_code(self) -> None:
        if self.code.text():
            QGuiApplication.clipboard().setText(self.code.text())

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sign in to continue"))
        self.instructions.setText(
            self.tr(
                "Open this address in any browser, on this or another device, enter the code "
                "and sign in as the mailbox's user. The run continues by itself; Cancel stops "
                "the wait."
            )
        )
        self.url_label.setText(self.tr("Address:"))
        self.code_label.setText(self.tr("Code:"))
        self.copy_button.setText(self.tr("C&opy code"))
        self.copy_button.setAccessibleName(self.tr("Copy the code"))
        self.setAccessibleName(self.tr("Device code sign-in"))
