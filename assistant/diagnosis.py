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

A re-run (the wizard's "Run again", as Thunderbird's account wizard re-tests) runs some
checks of a finished report again with the same target, options, credentials and plans:

    again = diagnosis.again(["dns.spf"], previous_report, on_event=print)
    again.run().report  # previous_report with dns.spf's new step (merge_rerun)
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.auth.credentials import Credentials, OAuthCredential
from assistant.check import Check, ConsentHook, EventSink
from assistant.checks.registry import ALL_CHECKS, select, with_sign_in
from assistant.checks.relay.evidence import public_ip_in
from assistant.config import InputError, NetworkOptions, Target
from assistant.events import CheckFinished, Event, RunStarted
from assistant.integration_plan import IntegrationPlan
from assistant.model import JSONValue, Report, Status, Step
from assistant.net.redact import Redactor
from assistant.relay_plan import RelayPlan
from assistant.report.environment import collect_environment, run_facts
from assistant.report.json_report import build_report
from assistant.report.runlog import RunLog
from assistant.runner import Runner
from assistant.text import msg

RERUNS = "reruns"  # the run facts' list of re-runs, oldest first (docs/report-format.md)


@dataclass(frozen=True)
class Outcome:
    """What a finished (or cancelled) diagnosis found, and its report."""

    steps: tuple[Step, ...]
    report: Report
    cancelled: bool


@dataclass(frozen=True)
class _Setup:
    """How a diagnosis was set up, beyond target and options: what again() reuses."""

    credentials: Credentials | None
    consent: ConsentHook | None
    sign_in: bool
    relay: RelayPlan | None
    integration: IntegrationPlan | None
    max_workers: int


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
        rerun_of: Report | None = None,
        redactor: Redactor | None = None,
        runlog: RunLog | None = None,
    ) -> None:
        """`rerun_of`, `redactor` and `runlog` are for `again()`: a re-run of some checks
        of that report (`check_names`: its check IDs or areas), through the first run's
        redactor and into its log."""
        if sign_in is None:
            sign_in = isinstance(credentials, OAuthCredential)
        self.target = target
        self.options = options
        self.requested = None if check_names is None else list(check_names)
        self.rerun_of = rerun_of
        self._given: dict[str, Step] = {}  # a re-run's prerequisites, from rerun_of
        if rerun_of is None:
            self.checks = plan_checks(self.requested, sign_in=sign_in)
        else:
            self.checks, self._given = rerun_plan(rerun_of.steps, self.requested or ())
        self.redactor = redactor if redactor is not None else Redactor()
        # What the run did, timestamped; a re-run writes on in the first run's log.
        self.runlog = runlog if runlog is not None else RunLog(redactor=self.redactor)
        self._on_event = on_event
        # What again() hands on; the credentials are held for as long as this run is.
        self._setup = _Setup(credentials, consent, sign_in, relay, integration, max_workers)
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
        self._started_at = _utc_now()

    def run(self) -> Outcome:
        """Run every check (blocking) and build the report."""
        self._started_at = _utc_now()
        if self.rerun_of is not None:
            reused = ", ".join(sorted(self._given)) or "none"
            self.runlog.note(f"run again: {', '.join(self.requested or ())} (reusing {reused})")
        started = time.monotonic()
        if self._given:  # a re-run: the prerequisites' previous results
            steps = tuple(self._runner.run(self.checks, self._record, given=self._given))
        else:
            steps = tuple(self._runner.run(self.checks, self._record))
        cancelled = self._runner.cancelled
        duration = int((time.monotonic() - started) * 1000)
        return Outcome(steps, self._report(steps, cancelled, duration), cancelled)

    def again(
        self,
        check_names: Sequence[str],
        previous: Report,
        *,
        on_event: EventSink | None = None,
        consent: ConsentHook | None = None,
    ) -> Diagnosis:
        """A diagnosis that runs `check_names` (check IDs or areas of `previous`) again
        with this one's target, options, credentials and relay/integration plans, and
        whose report is `previous` with their new steps (merge_rerun). It shares this
        run's redactor (the secrets it knows) and log. Raises InputError for a name
        `previous` has no check for."""
        kept = self._setup
        return Diagnosis(
            self.target,
            self.options,
            check_names,
            credentials=kept.credentials,
            consent=consent or kept.consent,
            on_event=on_event,
            sign_in=kept.sign_in,
            relay=kept.relay,
            integration=kept.integration,
            max_workers=kept.max_workers,
            rerun_of=previous,
            redactor=self.redactor,
            runlog=self.runlog,
        )

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
        public_ip = public_ip_in({step.id: step for step in steps})
        seen_ip: dict[str, JSONValue] = {}
        if public_ip is not None:  # relay.port25 read it off the MX's EHLO answer
            seen_ip["public_ip"] = {
                "looked_up": True,
                "address": public_ip,
                "note": "as the MX endpoint saw it (relay.port25)",
            }
        if self.rerun_of is not None:
            with self._lock:
                planned = [cid for cid, _title in self._planned]
            return merge_rerun(
                self.rerun_of,
                steps,
                requested=self.requested or (),
                planned=planned,
                reused=sorted(self._given),
                cancelled=cancelled,
                duration_ms=duration_ms,
                at=self._started_at,
                environment=seen_ip,
            )
        planned = list(self.runlog.planned)
        facts = run_facts(self.requested, planned, cancelled=cancelled, duration_ms=duration_ms)
        environment = {**collect_environment(self.options), **seen_ip}
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


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- re-running some checks of a report ----------------------------------------------------


def rerun_plan(
    previous: Sequence[Step], names: Iterable[str], catalogue: Sequence[Check] = ALL_CHECKS
) -> tuple[list[Check], dict[str, Step]]:
    """What a re-run of `names` (check IDs, or areas and groups, of the `previous` steps)
    runs, and the previous steps it hands to those checks as ctx.results.

    Prerequisites (Check.requires, and the `after` checks that were in the run) are not
    run again: their previous results are reused. The admin asked for one check; running
    its prerequisites again would send more traffic (for relay.* more mail, for a
    sign-in another prompt) and take longer, and the check then sees exactly the
    prerequisite steps the merged report shows, so the report stays coherent. What has
    no result to reuse runs too: a prerequisite the previous run cancelled, or a
    required one it never ran. A check's earlier failure is reused as it is: re-running
    the prerequisite is one click (its own "Run again", or the area's).
    """
    earlier = {step.id: step for step in previous}
    by_id = {check.id: check for check in catalogue}
    chosen: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        # A check ID, or an area or group ("dns", "integration.sharepoint"): its checks.
        matches = [sid for sid in earlier if sid == name or sid.startswith(f"{name}.")]
        if not matches or any(sid not in by_id for sid in matches):
            raise InputError(msg("there is no check '{name}' to run again", name=name))
        chosen += [sid for sid in matches if sid not in chosen]
    run: dict[str, Check] = {}
    given: dict[str, Step] = {}
    queue = [by_id[sid] for sid in chosen]
    while queue:
        check = queue.pop(0)
        if check.id in run:
            continue
        run[check.id] = check
        for dep in (*check.requires, *check.after):
            before = earlier.get(dep)
            if before is not None and before.status is not Status.CANCELLED:
                given[dep] = before
            elif (before is not None or dep in check.requires) and dep in by_id:
                queue.append(by_id[dep])
    given = {sid: step for sid, step in given.items() if sid not in run}
    return [c for c in catalogue if c.id in run], given


def merge_rerun(
    previous: Report,
    steps: Sequence[Step],
    *,
    requested: Sequence[str],
    planned: Sequence[str],
    reused: Sequence[str] = (),
    cancelled: bool,
    duration_ms: int | None,
    at: str,
    environment: Mapping[str, JSONValue] | None = None,
) -> Report:
    """`previous` with the re-run's `steps` in place of its own, every other step kept as
    it was. A check the re-run did not finish (cancelled) keeps its previous verdict: a
    cancelled re-run loses nothing. The run facts gain an entry in `reruns` (what was
    asked, which checks ran `at` what time, which previous results they reused, which
    kept their earlier step, cancelled, duration); `checks` gains any check the report
    had not run before, and `cancelled` says whether a step is still cancelled.
    `environment`: facts the re-run learned (the public IP) over the previous ones."""
    verdicts = {s.id for s in previous.steps if s.status is not Status.CANCELLED}
    known = {step.id for step in previous.steps}
    # A cancelled re-run step replaces only a step that was cancelled too (it may hold
    # the child steps it finished, Step.stopped); a verdict from before stays.
    kept = [s.id for s in steps if s.status is Status.CANCELLED and s.id in verdicts]
    new = {s.id: s for s in steps if s.id not in kept}
    merged = [new.get(step.id, step) for step in previous.steps]
    merged += [s for s in steps if s.id not in known]  # new: nothing earlier to keep
    run = dict(previous.run)
    checks = run.get("checks")
    ids = [str(c) for c in checks] if isinstance(checks, list) else [s.id for s in previous.steps]
    run["checks"] = [*ids, *(cid for cid in planned if cid not in ids)]
    run["cancelled"] = any(step.status is Status.CANCELLED for step in merged)
    entry: dict[str, JSONValue] = {
        "requested": list(requested),
        "checks": list(planned),
        "at": at,
        "reused": list(reused),
        "kept": kept,
        "cancelled": cancelled,
        "duration_ms": duration_ms,
    }
    earlier = run.get(RERUNS)
    run[RERUNS] = [*(earlier if isinstance(earlier, list) else []), entry]
    return replace(
        previous,
        steps=merged,
        run=run,
        environment={**previous.environment, **(environment or {})},
    )
