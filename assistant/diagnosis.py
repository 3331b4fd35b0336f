"""One diagnosis: the checks asked for, run against a target, and the report they make.

The command line (`check` and `demo`) and the wizard all run through `Diagnosis`, so
the same target, options, credentials and check names give the same steps and the same
report, `run` facts included (what was asked for, what was planned, whether it was
cancelled, how long it took).

    diagnosis = Diagnosis(target, options, ["dns"], credentials=..., on_event=print)
    outcome = diagnosis.run()  # blocks; call it on a thread of your own
    diagnosis.cancel()         # from any thread; run() returns within about a second

What a front end does with the outcome (a summary on the terminal, an exit code, a tree
of widgets, files through report/export.py) is its own business. No Qt here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.auth.credentials import Credentials, OAuthCredential
from assistant.check import Check, ConsentHook, EventSink
from assistant.checks.registry import select, with_sign_in
from assistant.checks.relay.evidence import public_ip_in
from assistant.config import NetworkOptions, Target
from assistant.events import CheckFinished, Event, RunStarted
from assistant.integration_plan import IntegrationPlan
from assistant.model import Report, Step
from assistant.net.redact import Redactor
from assistant.relay_plan import RelayPlan
from assistant.report.environment import collect_environment, run_facts
from assistant.report.json_report import build_report
from assistant.report.runlog import RunLog
from assistant.runner import Runner


@dataclass(frozen=True)
class Outcome:
    """What a finished (or cancelled) diagnosis found, and its report."""

    steps: tuple[Step, ...]
    report: Report
    cancelled: bool


def plan_checks(check_names: Sequence[str] | None, *, sign_in: bool) -> list[Check]:
    """The checks for `check_names` (areas or check IDs; None for every check), their
    prerequisites included; with `sign_in`, auth.token first (an OAuth run signs in
    there). Raises InputError for a name no check has."""
    checks = select(check_names)
    return with_sign_in(checks) if sign_in else checks


class Diagnosis:
    """One run of the checks named in `check_names` against `target`.

    `sign_in` adds auth.token (plan_checks); by default it is added when `credentials`
    is an OAuth credential. `consent` answers "may credentials go to this host?" from
    worker threads (the CLI has none: no). `on_event` gets every engine event, from
    worker threads, one at a time. The run's log (`runlog`, for the support bundle) and
    its redactor (`redactor`, for every file written from the report) belong to it.
    """

    def __init__(
        self,
        target: Target,
        options: NetworkOptions,
        check_names: Sequence[str] | None = None,
        *,
        credentials: Credentials | None = None,
        consent: ConsentHook | None = None,
        on_event: EventSink | None = None,
        sign_in: bool | None = None,
        relay: RelayPlan | None = None,
        integration: IntegrationPlan | None = None,
        max_workers: int = 8,
    ) -> None:
        if sign_in is None:
            sign_in = isinstance(credentials, OAuthCredential)
        self.target = target
        self.options = options
        self.requested = None if check_names is None else list(check_names)
        self.checks = plan_checks(self.requested, sign_in=sign_in)
        self.redactor = Redactor()
        self.runlog = RunLog(redactor=self.redactor)  # what the run did, timestamped
        self._on_event = on_event
        self._runner = Runner(
            target,
            options,
            redactor=self.redactor,
            credentials=credentials,
            consent=consent,
            relay=relay,
            integration=integration,
            max_workers=max_workers,
        )
        self._lock = threading.Lock()
        self._planned: tuple[tuple[str, str], ...] = ()  # (check ID, title), in run order
        self._finished: dict[str, Step] = {}
        self._started: float | None = None

    def run(self) -> Outcome:
        """Run every check (blocking) and build the report."""
        steps = tuple(self._runner.run(self.checks, self._record))
        cancelled = self._runner.cancelled
        return Outcome(steps, self._report(steps, cancelled, self.runlog.duration_ms), cancelled)

    def cancel(self) -> None:
        """Stop the run: from any thread, returns at once (Runner.cancel)."""
        self._runner.cancel()

    @property
    def cancelled(self) -> bool:
        return self._runner.cancelled

    def partial_report(self) -> Report:
        """The report as the run stands now: the checks finished so far, and every other
        planned check as cancelled. For a front end that shows a cancelled run at once,
        before `run()` has returned (the runner gives its workers under a second)."""
        with self._lock:
            planned, finished, started = self._planned, dict(self._finished), self._started
        steps = [finished.get(cid) or Step.stopped(cid, title) for cid, title in planned]
        elapsed = None if started is None else int((time.monotonic() - started) * 1000)
        return self._report(steps, self.cancelled, elapsed)

    def _report(self, steps: Sequence[Step], cancelled: bool, duration_ms: int | None) -> Report:
        planned = self.runlog.planned
        facts = run_facts(self.requested, planned, cancelled=cancelled, duration_ms=duration_ms)
        environment = collect_environment(self.options)
        public_ip = public_ip_in({step.id: step for step in steps})
        if public_ip is not None:  # relay.port25 read it off the MX's EHLO answer
            environment["public_ip"] = {
                "looked_up": True,
                "address": public_ip,
                "note": "as the MX endpoint saw it (relay.port25)",
            }
        return build_report(self.target, self.options, steps, environment=environment, run=facts)

    def _record(self, event: Event) -> None:
        """The runner's sink (it calls one event at a time): the log, what the run has
        so far, then the front end."""
        self.runlog.record(event)
        if isinstance(event, RunStarted):
            with self._lock:
                self._planned = tuple(zip(event.check_ids, event.titles, strict=True))
                self._started = time.monotonic()
        elif isinstance(event, CheckFinished):
            with self._lock:
                self._finished[event.step.id] = event.step
        if self._on_event is not None:
            self._on_event(event)
