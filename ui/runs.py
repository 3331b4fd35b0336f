"""One diagnosis run in the wizard: the engine's Diagnosis (assistant/diagnosis.py, as
the command line runs it) on a thread the UI owns, its events through an EngineBridge,
its consent questions through a ConsentBroker.

`cancel()` only flips the engine's cancel flags and answers any open question with "no";
it returns at once, and `partial_report()` is what the run has so far. The thread then
winds down on its own (the runner gives its workers under a second), the diagnosis
builds the report there, and the thread posts RunEnded as the run's last event;
`finished(report)` follows on the GUI thread, after every event before it.

The diagnosis keeps the run's log (`runlog`, the engine's RunLog through the run's
redactor): the timestamped lines the support bundle carries, the same the command line
keeps.

`again(names, report)` is a run of some checks of `report` once more (Diagnosis.again:
the same target, options, credentials and plans), whose report is `report` with their
new steps merged in; it goes through the same thread, bridge and cancel as any run.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from assistant.auth.credentials import Credentials
from assistant.config import NetworkOptions, Target
from assistant.integration_plan import IntegrationPlan
from assistant.model import Report
from assistant.relay_plan import RelayPlan
from ui.bridge import EngineBridge, RunEnded
from ui.browser import BrowserOpener
from ui.consent import ConsentBroker
from ui.worker import Task, Workers

if TYPE_CHECKING:
    from assistant.diagnosis import Diagnosis

# The GUI thread shares the GIL with the engine's workers, and in demo mode with the lab's
# servers too. One cause of ~100 ms event-loop stalls was the lazy import of exchangelib in
# the middle of a run; the wizard now imports it after start-up (ui/warmup.py). With that,
# four checks at a time kept gaps under ~65 ms in a warm checkout, but a clean-clone CI run
# still showed one 121 ms gap, so two it stays until that cause is found too.
GUI_MAX_WORKERS = 2


class DiagnosisRun(QObject):
    finished = Signal(object)  # the Report, built on the worker
    crashed = Signal(str)  # a (redacted) traceback: the run could not produce a report

    def __init__(
        self,
        workers: Workers,
        window: QWidget,
        target: Target,
        options: NetworkOptions,
        check_names: Sequence[str] | None,
        credentials: Credentials | None,
        browser: BrowserOpener | None = None,
        *,
        sign_in: bool,
        relay: RelayPlan | None = None,
        integration: IntegrationPlan | None = None,
        rerun_of: tuple[Diagnosis, Report] | None = None,
    ) -> None:
        """`check_names`: areas or check IDs (None: every check); `sign_in`: the run
        signs in with OAuth (auth.token first). `browser`: the opener a browser
        sign-in's credential was given (it belongs to this run from now on; the Run
        page listens to it). `relay`: the Relay page's plan (send_to None unless the
        user confirmed the test send). `integration`: the Integration page's plan (the
        products ticked, the SharePoint site, the pool). `rerun_of`: (the first run's
        diagnosis, the report to merge into), for again()."""
        super().__init__(window)
        self.target = target
        self.browser = browser
        if browser is not None:
            browser.setParent(self)
        self.options = options
        self.relay = relay  # what the relay checks were asked to do (None: no relay area)
        self.integration = integration  # the same for the integration checks
        self.bridge = EngineBridge(self)
        self.consent = ConsentBroker(window, target.domain_unicode)
        from assistant.diagnosis import Diagnosis  # with the checks: after the first page

        self.rerun = rerun_of is not None  # a re-run of some checks, merged into a report
        if rerun_of is None:
            self.diagnosis = Diagnosis(
                target,
                options,
                check_names,
                credentials=credentials,
                consent=self.consent.ask,
                on_event=self.bridge.post,
                sign_in=sign_in,
                relay=relay,
                integration=integration,
                max_workers=GUI_MAX_WORKERS,
            )
        else:  # raises InputError before any thread exists for a name the report lacks
            first, report = rerun_of
            self.diagnosis = first.again(
                list(check_names or ()), report, on_event=self.bridge.post, consent=self.consent.ask
            )
        self.redactor = self.diagnosis.redactor
        self.runlog = self.diagnosis.runlog
        self.report: Report | None = None
        self.ended = False
        self.task: Task = workers.run(self._run, "run")
        self.bridge.runEnded.connect(self._ended)

    def again(
        self, workers: Workers, window: QWidget, check_names: Sequence[str], report: Report
    ) -> DiagnosisRun:
        """A run of `check_names` (check IDs or areas of `report`) once more, with what
        this run was given, into `report` (Diagnosis.again). Raises InputError for a
        name the report has no check for. Not started."""
        return DiagnosisRun(
            workers,
            window,
            self.target,
            self.options,
            check_names,
            None,  # the first run's credential, held by its diagnosis, is reused
            sign_in=False,
            relay=self.relay,
            integration=self.integration,
            rerun_of=(self.diagnosis, report),
        )

    def start(self) -> None:
        self.task.start()

    def _run(self) -> None:
        """On the worker thread: the run, then the report (it reads system settings)."""
        try:
            report = self.diagnosis.run().report
        except Exception:  # reported on the GUI thread, never swallowed
            self.bridge.post(RunEnded(None, traceback.format_exc()))
            return
        self.bridge.post(RunEnded(report))

    def cancel(self) -> None:
        self.diagnosis.cancel()
        self.consent.close()

    def partial_report(self) -> Report:
        """The report as the run stands (Diagnosis.partial_report): for a cancel, at once."""
        return self.diagnosis.partial_report()

    @property
    def cancelled(self) -> bool:
        return self.diagnosis.cancelled

    @property
    def running(self) -> bool:
        return self.task.running

    @Slot(object)
    def _ended(self, event: RunEnded) -> None:
        self.ended = True
        self.consent.close()
        self.report = event.report
        if event.error is not None:
            self.crashed.emit(self.redactor(event.error))
        else:
            self.finished.emit(event.report)
