"""Plans checks as a dependency graph and runs them on an engine-owned thread pool.

A check names what it needs in `requires` (the run must contain it; `registry.select`
pulls it in) and what it merely reads when available in `after`: an ordering-only
dependency that is ignored when that check is not part of the run, and whose result,
when it is, reaches the check in `Context.results` like a required one. `ews.endpoint`
uses it to read `autodiscover.result` without forcing autodiscover into every run.

A check may publish a provisional result before its final one (Context.provide: the first
usable autodiscover answer). A check with `starts_early` starts as soon as each check it
waits for has either finished or published one, and sees that provisional step in
ctx.results; the others wait for final results. The longest chain of dependent round trips
is then the run's limit, not the slowest candidate's deadline (docs/PERFORMANCE.md).

Each check gets its own CancelToken, so a check that overruns its deadline can be
stopped alone (its sockets are shut down) while the rest of the run goes on; a run
cancel trips every token. The runner never waits longer than CancelToken's slice
before looking at the clock again, so cancel and deadlines are honoured promptly.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import traceback
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, InvalidStateError, ThreadPoolExecutor, wait
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from assistant.auth.credentials import Credentials
from assistant.cancel import SLICE, Cancelled, CancelToken, Deadline, DeadlineExceeded
from assistant.check import Check, ConsentHook, Context, EventSink
from assistant.config import NetworkOptions, Target
from assistant.events import (
    CheckCrashed,
    CheckFinished,
    CheckStarted,
    Event,
    ProvisionalResult,
    RunFinished,
    RunStarted,
    StepFinished,
    StepStarted,
)
from assistant.integration_plan import IntegrationPlan
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.net.resolver import Resolver
from assistant.relay_plan import RelayPlan
from assistant.text import msg

THREAD_PREFIX = "ca-check"
CANCEL_GRACE = 0.8  # seconds a cancelled run waits for its workers before returning


class PlanError(ValueError):
    """The set of checks asked for cannot be run (unknown dependency, cycle)."""


def plan(checks: Sequence[Check], given: Collection[str] = ()) -> list[Check]:
    """Order checks so every check follows what it requires; reject unknowns and cycles.
    `given`: checks whose results the run is handed (a re-run), not run again."""
    by_id = {c.id: c for c in checks}
    if len(by_id) != len(checks):
        raise PlanError("a check ID appears twice")
    ordered: list[Check] = []
    state: dict[str, str] = {}

    def visit(check: Check, path: tuple[str, ...]) -> None:
        if state.get(check.id) == "done":
            return
        if state.get(check.id) == "visiting":
            raise PlanError("checks depend on each other in a cycle: " + " → ".join(path))
        state[check.id] = "visiting"
        for dep in check.requires:
            if dep not in by_id and dep not in given:
                raise PlanError(f"{check.id} requires {dep}, which is not in this run")
        for dep in check.waits_for(by_id):
            if dep in by_id:
                visit(by_id[dep], (*path, dep))
        state[check.id] = "done"
        ordered.append(check)

    for check in checks:
        visit(check, (check.id,))
    return ordered


class _Progress:
    """What one check's own events say it has done: the child steps it finished, and the
    ones it started and has not finished. A cancelled check keeps the first and names the
    second (what it was waiting on), so stopping a run loses no verdict already reached."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._started: dict[str, str] = {}  # step ID -> title, in the order they began
        self._finished: dict[str, Step] = {}

    def note(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, StepStarted):
                self._started[event.step_id] = event.title
            elif isinstance(event, StepFinished):
                self._finished[event.step.id] = event.step  # the event's own copy

    def stopped(self, check: Check) -> Step:
        with self._lock:
            finished = list(self._finished.values())
            waiting = [t for i, t in self._started.items() if i not in self._finished]
        return Step.stopped(check.id, check.title, finished=finished, waiting_on=waiting)


@dataclass
class _Running:
    check: Check
    future: Future[Step]
    token: CancelToken
    started: float
    deadline: Deadline
    progress: _Progress


class Runner:
    """Runs one plan; `cancel()` may be called from any thread."""

    def __init__(
        self,
        target: Target,
        options: NetworkOptions,
        *,
        redactor: Redactor | None = None,
        credentials: Credentials | None = None,
        consent: ConsentHook | None = None,
        relay: RelayPlan | None = None,
        integration: IntegrationPlan | None = None,
        max_workers: int = 8,
    ) -> None:
        self.target = target
        self.relay = relay
        self.integration = integration
        self.options = options
        self.redactor = redactor or Redactor()
        self.credentials = credentials
        self.consent: ConsentHook = consent or (lambda host, why: False)
        if credentials is not None:
            users = [credentials.username]
            for secret in credentials.secrets():
                self.redactor.add_secret(secret, users)
            # An OAuth token acquired during the run is masked before any check sees it.
            redactor = self.redactor
            credentials.watch(lambda secret: redactor.add_secret(secret, users))
        if relay is not None:
            for login in (relay.roundtrip, relay.hve):
                if login is not None:
                    self.redactor.add_secret(login.password, [login.username])
        self.max_workers = max_workers
        self._cancel = threading.Event()
        self._tokens_lock = threading.Lock()
        self._tokens: set[CancelToken] = set()
        self._emit_lock = threading.Lock()
        self._overran = False  # a check was abandoned at its deadline; its worker may linger
        self._thread_prefix = f"{THREAD_PREFIX}-{id(self):x}"
        # Provisional results (check ID -> step), written by workers; and a future the
        # scheduling loop waits on beside the checks', completed when one arrives.
        self._provisional: dict[str, Step] = {}
        self._provisional_lock = threading.Lock()
        self._wake: Future[None] = Future()

    def cancel(self) -> None:
        self._cancel.set()
        with self._tokens_lock:
            tokens = list(self._tokens)
        for token in tokens:
            token.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(
        self,
        checks: Sequence[Check],
        on_event: EventSink | None = None,
        given: Mapping[str, Step] | None = None,
    ) -> list[Step]:
        """Run `checks` in dependency order; the steps, in that order. `given`: results
        of checks not in this run that its checks wait for (a re-run reuses the previous
        report's); they reach ctx.results as if they had run, and are not returned."""
        ids = {c.id for c in checks}
        handed = {k: v for k, v in (given or {}).items() if k not in ids}
        ordered = plan(checks, handed)
        present = frozenset(ids | handed.keys())
        sink = self._serialised(on_event)
        run_started = time.monotonic()
        sink(RunStarted(tuple(c.id for c in ordered), tuple(c.title for c in ordered)))
        results: dict[str, Step] = dict(handed)
        pending = list(ordered)
        running: dict[str, _Running] = {}
        workers = max(1, min(self.max_workers, len(ordered)))
        executor = ThreadPoolExecutor(
            max_workers=workers,
            thread_name_prefix=self._thread_prefix,
        )
        try:
            while (pending or running) and not self._cancel.is_set():
                # No more at once than there are workers: a check's deadline starts when it
                # is handed to the pool, so one queued behind slow checks would lose its time
                # waiting (with one worker, a 10 s autodiscover ate the next checks' deadlines).
                free = workers - len(running)
                ready = [c for c in pending if self._may_start(c, present, results)][:free]
                for check in ready:
                    pending.remove(check)
                    running[check.id] = self._start(executor, check, present, results, sink)
                self._collect(running, results, sink)
        finally:
            if self._cancel.is_set():
                self._cancel_all(running, pending, results, sink)
            stragglers = self._cancel.is_set() or self._overran
            executor.shutdown(wait=not stragglers, cancel_futures=True)
            if stragglers:
                _join_workers(self._thread_prefix, time.monotonic() + CANCEL_GRACE)
        steps = tuple(results[c.id] for c in ordered)
        elapsed = int((time.monotonic() - run_started) * 1000)
        sink(RunFinished(steps, self._cancel.is_set(), elapsed))
        return list(steps)

    # -- internals -----------------------------------------------------------------------

    def _may_start(
        self, check: Check, present: frozenset[str], results: Mapping[str, Step]
    ) -> bool:
        with self._provisional_lock:
            early = self._provisional if check.starts_early else {}
            return all(d in results or d in early for d in check.waits_for(present))

    def _inputs(
        self, check: Check, present: frozenset[str], results: Mapping[str, Step]
    ) -> Mapping[str, Step]:
        """What the check sees as ctx.results: final steps, else (starts_early) provisional."""
        with self._provisional_lock:
            return MappingProxyType(
                {
                    d: results[d] if d in results else self._provisional[d]
                    for d in check.waits_for(present)
                }
            )

    def _note_provisional(self, event: ProvisionalResult) -> None:
        with self._provisional_lock:
            self._provisional.setdefault(event.step.id, event.step)  # the first one counts
            wake = self._wake
        with contextlib.suppress(InvalidStateError):  # already woken, not yet looked at
            wake.set_result(None)

    def _serialised(self, on_event: EventSink | None) -> EventSink:
        def emit(event: Event) -> None:
            if on_event is None:
                return
            with self._emit_lock:
                on_event(event)

        return emit

    def _start(
        self,
        executor: ThreadPoolExecutor,
        check: Check,
        present: frozenset[str],
        results: Mapping[str, Step],
        sink: EventSink,
    ) -> _Running:
        token = CancelToken()
        with self._tokens_lock:
            self._tokens.add(token)
        seconds = check.deadline or self.options.check_deadline
        if check.waits_for_mail and self.relay is not None:
            seconds = self.relay.check_deadline(seconds)
        deadline = Deadline.after(seconds)
        progress = _Progress()

        def emit(event: Event) -> None:
            progress.note(event)
            if isinstance(event, ProvisionalResult):
                if event.step.id != check.id:
                    return  # a check may only speak for itself
                self._note_provisional(event)
            sink(event)

        context = Context(
            check_id=check.id,
            target=self.target,
            options=self.options,
            token=token,
            deadline=deadline,
            resolver=Resolver(self.options.nameservers, timeout=self.options.timeout, token=token),
            redactor=self.redactor,
            results=self._inputs(check, present, results),
            emit=emit,
            credentials=self.credentials,
            consent=self.consent,
            relay=self.relay,
            integration=self.integration,
            parallel=self.max_workers,
        )
        sink(CheckStarted(check.id, check.title))
        future = executor.submit(_guarded, check, context, progress)
        return _Running(check, future, token, time.monotonic(), deadline, progress)

    def _collect(
        self, running: dict[str, _Running], results: dict[str, Step], sink: EventSink
    ) -> None:
        if not running:
            return
        with self._provisional_lock:
            if self._wake.done():
                self._wake = Future()
            wake = self._wake
        waitables: list[Future[Any]] = [r.future for r in running.values()]
        wait([*waitables, wake], timeout=SLICE, return_when=FIRST_COMPLETED)
        for check_id, item in list(running.items()):
            if item.future.done():
                step = item.future.result()  # _guarded never raises
            elif item.deadline.expired:
                item.token.cancel()  # shuts its sockets; the worker unwinds on its own
                self._overran = True
                seconds = item.check.deadline or self.options.check_deadline
                step = Step(
                    id=check_id,
                    title=item.check.title,
                    status=Status.ERROR,
                    summary=msg(
                        "did not finish within its {seconds} s deadline; stopped",
                        seconds=f"{seconds:g}",
                    ),
                    details=msg("A network operation kept waiting. The other checks went on."),
                )
            else:
                continue
            if not step.duration_ms:
                step.duration_ms = int((time.monotonic() - item.started) * 1000)
            del running[check_id]
            with self._tokens_lock:
                self._tokens.discard(item.token)
            results[check_id] = step
            sink(CheckFinished(step))

    def _cancel_all(
        self,
        running: dict[str, _Running],
        pending: list[Check],
        results: dict[str, Step],
        sink: EventSink,
    ) -> None:
        for item in running.values():
            item.token.cancel()
        stopped = [item.progress.stopped(item.check) for item in running.values()]
        stopped += [Step.stopped(check.id, check.title) for check in pending]
        for step in stopped:
            results[step.id] = step
            sink(CheckFinished(step))
        running.clear()
        pending.clear()


def _guarded(check: Check, context: Context, progress: _Progress) -> Step:
    """Run one check, turning every way it can end into a Step."""
    started = time.monotonic()
    try:
        step = check.run(context)
    except Cancelled:
        step = progress.stopped(check)
    except DeadlineExceeded:
        step = Step(check.id, check.title, Status.ERROR, summary=msg("ran out of time"))
    except Exception as exc:  # a bug in a check must not take the run down
        # The traceback (install paths, the user's profile folder) goes to the run log
        # only; the step, and so every report, gets one short sentence.
        context.emit(CheckCrashed(check.id, context.redactor(traceback.format_exc())))
        step = _crashed_step(check, exc, context.redactor)
    if context.token.cancelled:
        # Its sockets were shut down under it: whatever it made of that (an empty read, a
        # closed-socket error) says nothing about the target, so it is reported as cancelled.
        step = progress.stopped(check)
    step.duration_ms = int((time.monotonic() - started) * 1000)
    return step


# An absolute path inside an exception's message (POSIX, or Windows with a drive letter):
# it names the install folder or the user's profile. A URL's path follows a host name or
# "//" and is left alone.
_ABSOLUTE_PATH = re.compile(r"""(?<![\w:/\\.-])(?:[A-Za-z]:)?(?:[/\\][^\s/\\'"<>|:]+){2,}[/\\]?""")
_PATH_MASK = "«path»"
_MESSAGE_LIMIT = 200  # characters of an exception's message a step may show


def _crashed_step(check: Check, exc: Exception, redactor: Redactor) -> Step:
    """The ERROR step for a check that raised: what was raised, in one bounded line."""
    # An OSError's message repeats its file name; its strerror says the same without it.
    message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    # Redact before cutting to length (a cut could split a secret so it no longer matches);
    # the generous first cut only bounds the redactor's work.
    lines = message[: _MESSAGE_LIMIT * 20].strip().splitlines()
    first = _ABSOLUTE_PATH.sub(_PATH_MASK, redactor(lines[0] if lines else ""))
    if len(first) > _MESSAGE_LIMIT:
        first = first[: _MESSAGE_LIMIT - 1] + "…"
    exception = type(exc).__name__
    summary = (
        msg("the check itself failed: {exception}: {error}", exception=exception, error=first)
        if first
        else msg("the check itself failed: {exception}", exception=exception)
    )
    return Step(
        check.id,
        check.title,
        Status.ERROR,
        summary=summary,
        details=msg(
            "A fault in this tool, not a finding about what was tested. The run log (in the "
            "support bundle) holds the details; please report it."
        ),
    )


def _join_workers(prefix: str, until: float) -> None:
    for thread in threading.enumerate():
        if thread.name.startswith(prefix):
            thread.join(max(0.0, until - time.monotonic()))
