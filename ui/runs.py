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

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from assistant.auth.credentials import Credentials, PasswordCredential
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
# servers too. bench/bench_heartbeat.py samples every thread while the event loop is late:
# at a run's start several checks each built the same TLS context (the system trust store,
# ~20 ms under the GIL apiece) and parsed the public suffix list, and dnspython imported
# record types; the warm-up now does these once (ui/warmup.py, ui/engine_process.py
# fill_engine_caches). With that, four checks at a time stall the heartbeat no more than
# two did (docs/PERFORMANCE.md has the figures); eight is worse.
GUI_MAX_WORKERS = 4
# A prototype (bench/bench_heartbeat.py measures it against the thread): the diagnosis in
# a child process that streams its events over a pipe (ui/engine_process.py). Only for a
# first run without OAuth sign-in; the others stay in this process.
ENGINE_PROCESS = os.environ.get("CONNECTIVITY_ASSISTANT_ENGINE_PROCESS") == "1"
CRASHED, ENDED = "\x00crashed ", "\x00ended "  # the reader's own lines, never JSON
_spare: list[subprocess.Popen[str]] = []  # an engine process started ahead, waiting
_spare_lock = threading.Lock()


def prestart_engine() -> None:
    """Start the next run's engine process now (it loads the engine, then waits for its
    job): a run then pays no interpreter start and no imports. Any thread."""
    with _spare_lock:
        if not _spare:
            _spare.append(_start_engine())


def _start_engine() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "ui.engine_process"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def stop_spare_engine() -> None:
    """The engine process waiting for a run, if any, sent away (its stdin closed)."""
    with _spare_lock:
        spare = list(_spare)
        _spare.clear()
    for process in spare:
        _close(process)


def _close(process: subprocess.Popen[str]) -> None:
    """Its pipes closed (a spare leaves when its stdin ends), then waited for."""
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):  # a broken pipe: the child has gone already
                stream.close()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _take_engine() -> subprocess.Popen[str]:
    with _spare_lock:
        ready = [p for p in _spare if p.poll() is None]
        _spare.clear()
    return ready[0] if ready else _start_engine()


class DiagnosisRun(QObject):
    finished = Signal(object)  # the Report, built on the worker
    crashed = Signal(str)  # a (redacted) traceback: the run could not produce a report
    _line = Signal(str)  # a line from the engine process, to the GUI thread

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
        self._process: subprocess.Popen[str] | None = None
        self._job: dict[str, object] | None = None
        password = credentials is None or isinstance(credentials, PasswordCredential)
        if ENGINE_PROCESS and rerun_of is None and not sign_in and browser is None and password:
            self._job = {
                "target": target,
                "options": options,
                "check_names": check_names,
                "credentials": credentials,
                "sign_in": sign_in,
                "relay": relay,
                "integration": integration,
                "max_workers": GUI_MAX_WORKERS,
            }
        self._child_finished = False
        self._child_started = time.monotonic()
        self._line.connect(self._on_line, Qt.ConnectionType.QueuedConnection)
        runs = self._run if self._job is None else self._run_in_child
        self.task: Task = workers.run(runs, "run")
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

    def _run_in_child(self) -> None:
        """On the worker thread: the run in a child process (ui/engine_process.py). This
        thread only reads lines (the GIL is released while it waits); each is handed to
        the GUI thread as it is (_line), decoded there and fed to this run's diagnosis as
        if its own runner had sent it (the log, partial_report and the bridge follow). So
        while a run goes on, the GUI thread is the one Python thread with work to do:
        decoding here held the GIL against it (bench/bench_heartbeat.py)."""
        from ui.engine_process import job_line

        try:
            process = self._process = _take_engine()
            if self.cancelled:  # pressed while the process was being taken
                process.kill()
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(job_line(**(self._job or {})).decode())
            process.stdin.flush()
            for line in process.stdout:
                if line.startswith('{"ask"'):
                    self._answer(process, json.loads(line))
                elif line.startswith('{"done"'):
                    break
                else:
                    self._line.emit(line)
            _close(process)
            code = process.returncode
        except Exception:  # reported on the GUI thread, never swallowed
            self._line.emit(CRASHED + traceback.format_exc())
            return
        self._line.emit(f"{ENDED}{code}")

    @Slot(str)
    def _on_line(self, line: str) -> None:
        """On the GUI thread, in the order the child wrote them: an event, or the end."""
        from assistant.events import RunFinished
        from ui.engine_process import decode

        if line.startswith(CRASHED):
            self.bridge.post(RunEnded(None, line[len(CRASHED) :]))
        elif line.startswith(ENDED):
            if not self._child_finished and not self.cancelled:
                error = f"the engine process ended with exit code {line[len(ENDED) :]}"
                self.bridge.post(RunEnded(None, error))
                return
            if not self._child_finished:  # killed by Cancel: what it had, as cancelled
                steps = tuple(self.diagnosis.partial_report().steps)
                elapsed = int((time.monotonic() - self._child_started) * 1000)
                self.diagnosis._record(RunFinished(steps, True, elapsed))
            self.bridge.post(RunEnded(self.diagnosis.partial_report()))
        else:
            event = decode(line)
            self._child_finished = self._child_finished or isinstance(event, RunFinished)
            self.diagnosis._record(event)  # the child ran it

    def _answer(self, process: subprocess.Popen[str], question: dict[str, object]) -> None:
        """A consent question from the child, asked on a thread of its own (the broker
        waits for the user), the answer written back on the child's stdin."""

        def ask() -> None:
            allowed = self.consent.ask(str(question["host"]), str(question["why"]))
            answer = json.dumps({"answer": question["ask"], "allowed": allowed})
            try:
                assert process.stdin is not None
                process.stdin.write(answer + "\n")
                process.stdin.flush()
            except (OSError, ValueError):  # the child has gone (cancelled)
                pass

        threading.Thread(target=ask, name="ca-ui-consent", daemon=True).start()

    def cancel(self) -> None:
        self.diagnosis.cancel()
        self.consent.close()
        if self._process is not None and self._process.poll() is None:
            self._process.kill()  # instant, and nothing of the run is left behind

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
