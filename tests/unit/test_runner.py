"""The runner: planning, events, errors, per-check deadlines and cancel, with real sockets.

Checks here are small functions of a Context defined in this file. Where a check must
block, it connects to a loopback listener that accepts and never sends, and waits in
recv(); only the runner (through the check's CancelToken) can wake it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.cancel import Cancelled, CancelToken, Deadline, DeadlineExceeded
from assistant.check import Check, CheckFunc, Context
from assistant.config import NetworkOptions, Target
from assistant.events import (
    CheckFinished,
    CheckStarted,
    Event,
    RunFinished,
    RunStarted,
    StepFinished,
    StepStarted,
)
from assistant.model import Status, Step
from assistant.net.redact import Redactor
from assistant.runner import PlanError, Runner, plan

TARGET = Target.parse("user@contoso.test")


def check_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("ca-check")]


def wait_for_check_threads_to_end(seconds: float = 2.0) -> list[threading.Thread]:
    until = time.monotonic() + seconds
    while check_threads() and time.monotonic() < until:
        time.sleep(0.02)
    return check_threads()


@pytest.fixture(autouse=True)
def no_leaked_check_threads() -> Iterator[None]:
    assert not wait_for_check_threads_to_end(), "a previous test leaked check threads"
    yield
    leaked = wait_for_check_threads_to_end()
    assert not leaked, f"check threads still alive after the test: {leaked}"


class SilentListener:
    """A loopback TCP server that accepts connections and never sends a byte."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port: int = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="test-silent-listener")
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.accepted.append(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for conn in self.accepted:
            conn.close()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[SilentListener]:
    server = SilentListener()
    yield server
    server.close()


def options(timeout: float = 5.0, check_deadline: float = 10.0) -> NetworkOptions:
    return NetworkOptions(timeout=timeout, check_deadline=check_deadline)


def passing(summary: str = "ok") -> CheckFunc:
    def run(ctx: Context) -> Step:
        return Step(ctx.check_id, "passing", Status.PASS, summary=summary)

    return run


def blocking(port: int, connected: threading.Semaphore | None = None) -> CheckFunc:
    """Connect, then wait for a byte that never comes. Reports PASS if recv ever returns,
    as a naive check would; the runner must not trust that after a cancel or deadline."""

    def run(ctx: Context) -> Step:
        sock, _ = ctx.net.tcp("127.0.0.1", port)
        try:
            if connected is not None:
                connected.release()
            data = sock.recv(1)
        finally:
            ctx.net.close(sock)
        return Step(ctx.check_id, "blocking", Status.PASS, summary=f"received {data!r}")

    return run


def run_collecting(runner: Runner, checks: list[Check]) -> tuple[list[Step], list[Event], float]:
    events: list[Event] = []
    started = time.monotonic()
    steps = runner.run(checks, events.append)
    return steps, events, time.monotonic() - started


def by_id(steps: list[Step]) -> dict[str, Step]:
    return {s.id: s for s in steps}


def index_of(events: list[Event], kind: type, check_id: str) -> int:
    hits = [i for i, e in enumerate(events) if isinstance(e, kind) and event_check(e) == check_id]
    assert len(hits) == 1, f"expected one {kind.__name__} for {check_id}, got {len(hits)}"
    return hits[0]


def event_check(event: Event) -> str | None:
    if isinstance(event, CheckStarted | StepStarted | StepFinished):
        return event.check_id
    if isinstance(event, CheckFinished):
        return event.step.id
    return None


def noop(ctx: Context) -> Step:
    raise AssertionError("plan tests never run checks")


# -- plan ---------------------------------------------------------------------------------


def ids(checks: list[Check]) -> list[str]:
    return [c.id for c in checks]


def test_plan_puts_requirements_first_and_keeps_the_given_order_otherwise() -> None:
    checks = [
        Check("c", "C", noop, requires=("b",)),
        Check("x", "X", noop),
        Check("b", "B", noop, requires=("a",)),
        Check("a", "A", noop),
        Check("y", "Y", noop),
    ]
    assert ids(plan(checks)) == ["a", "b", "c", "x", "y"]
    independent = [Check(n, n, noop) for n in ("z", "m", "a")]
    assert ids(plan(independent)) == ["z", "m", "a"]


def test_plan_orders_a_diamond() -> None:
    checks = [
        Check("d", "D", noop, requires=("b", "c")),
        Check("c", "C", noop, requires=("a",)),
        Check("b", "B", noop, requires=("a",)),
        Check("a", "A", noop),
    ]
    order = ids(plan(checks))
    assert sorted(order) == ["a", "b", "c", "d"]
    for check in checks:
        for dep in check.requires:
            assert order.index(dep) < order.index(check.id)


def test_plan_refuses_an_unknown_dependency() -> None:
    checks = [Check("dns.mx", "MX", noop, requires=("dns.ns",))]
    with pytest.raises(PlanError, match=r"dns\.mx requires dns\.ns, which is not in this run"):
        plan(checks)


def test_plan_refuses_a_cycle_and_names_it() -> None:
    checks = [
        Check("a", "A", noop, requires=("b",)),
        Check("b", "B", noop, requires=("c",)),
        Check("c", "C", noop, requires=("a",)),
    ]
    with pytest.raises(PlanError, match="cycle: a → b → c → a"):
        plan(checks)


def test_plan_refuses_a_check_that_requires_itself() -> None:
    with pytest.raises(PlanError, match="cycle"):
        plan([Check("a", "A", noop, requires=("a",))])


def test_plan_refuses_duplicate_ids() -> None:
    with pytest.raises(PlanError, match="twice"):
        plan([Check("a", "A", noop), Check("b", "B", noop), Check("a", "again", noop)])


def test_run_with_a_bad_plan_raises_before_any_event() -> None:
    events: list[Event] = []
    with pytest.raises(PlanError):
        Runner(TARGET, options()).run([Check("a", "A", noop, requires=("b",))], events.append)
    assert events == []


def test_check_area_is_the_first_part_of_its_id() -> None:
    assert Check("autodiscover.candidate.root_https", "t", noop).area == "autodiscover"
    assert Check("env", "t", noop).area == "env"


# -- results and events -------------------------------------------------------------------


def test_dependents_receive_only_the_results_they_require() -> None:
    seen: dict[str, dict[str, Step]] = {}
    write_refused: list[bool] = []

    def first(ctx: Context) -> Step:
        return Step(ctx.check_id, "first", Status.WARN, summary="MX points elsewhere")

    def second(ctx: Context) -> Step:
        seen[ctx.check_id] = dict(ctx.results)
        try:
            ctx.results["forged"] = Step("forged", "x", Status.PASS)  # type: ignore[index]
        except TypeError:
            write_refused.append(True)
        upstream = ctx.results["dns.mx"]
        return Step(ctx.check_id, "second", Status.INFO, summary=f"saw {upstream.summary}")

    checks = [
        Check("smtp.reach", "second", second, requires=("dns.mx",)),
        Check("other", "other", passing()),
        Check("dns.mx", "first", first),
    ]
    steps = by_id(Runner(TARGET, options()).run(checks))
    assert steps["smtp.reach"].summary == "saw MX points elsewhere"
    assert list(seen["smtp.reach"]) == ["dns.mx"]
    assert seen["smtp.reach"]["dns.mx"].status is Status.WARN
    assert write_refused == [True]


def test_events_arrive_in_order() -> None:
    def with_children(ctx: Context) -> Step:
        child_id = f"{ctx.check_id}.child"
        ctx.step_started(child_id, "child")
        child = Step(child_id, "child", Status.PASS)
        ctx.step_finished(child)
        return Step(ctx.check_id, "parent", Status.PASS, children=[child])

    checks = [
        Check("b", "B", with_children, requires=("a",)),
        Check("a", "A", with_children),
        Check("c", "C", with_children),
    ]
    steps, events, _ = run_collecting(Runner(TARGET, options()), checks)

    first, last = events[0], events[-1]
    assert isinstance(first, RunStarted)
    assert first.check_ids == ("a", "b", "c")
    assert first.titles == ("A", "B", "C")
    assert isinstance(last, RunFinished)
    assert last.cancelled is False
    assert list(last.steps) == steps
    assert sum(isinstance(e, RunStarted | RunFinished) for e in events) == 2

    for check_id in ("a", "b", "c"):
        started = index_of(events, CheckStarted, check_id)
        child_started = index_of(events, StepStarted, check_id)
        child_finished = index_of(events, StepFinished, check_id)
        finished = index_of(events, CheckFinished, check_id)
        assert 0 < started < child_started < child_finished < finished < len(events) - 1
        start_event = events[child_started]
        assert isinstance(start_event, StepStarted)
        assert start_event.step_id == f"{check_id}.child"
    # A dependent starts only after what it requires has finished.
    assert index_of(events, CheckFinished, "a") < index_of(events, CheckStarted, "b")
    assert [s.id for s in steps] == ["a", "b", "c"]
    assert all(s.status is Status.PASS for s in steps)


def test_a_check_that_raises_becomes_an_error_step_and_the_run_goes_on() -> None:
    canary = "canary-S3cr3t!"
    seen_by_dependent: list[Status] = []

    def broken(ctx: Context) -> Step:
        raise RuntimeError(f"boom while using {canary}")

    def dependent(ctx: Context) -> Step:
        seen_by_dependent.append(ctx.results["broken"].status)
        return Step(ctx.check_id, "dep", Status.PASS)

    checks = [
        Check("broken", "Broken", broken),
        Check("fine", "Fine", passing()),
        Check("after", "After", dependent, requires=("broken",)),
    ]
    runner = Runner(TARGET, options(), redactor=Redactor(secrets=[canary]))
    steps, events, _ = run_collecting(runner, checks)
    results = by_id(steps)
    error = results["broken"]
    assert error.status is Status.ERROR
    assert error.title == "Broken"
    assert "RuntimeError" in error.summary
    assert "boom while using" in error.summary
    assert "Traceback" not in error.details  # the run log has it (test_runner_crash.py)
    assert canary not in error.summary
    assert canary not in error.details
    assert results["fine"].status is Status.PASS
    assert results["after"].status is Status.PASS
    assert seen_by_dependent == [Status.ERROR]
    assert isinstance(events[-1], RunFinished)


@pytest.mark.parametrize(
    ("exc", "status", "words"),
    [
        (Cancelled(), Status.CANCELLED, "cancelled"),
        (DeadlineExceeded("the check ran out of time"), Status.ERROR, "ran out of time"),
    ],
)
def test_cancelled_and_deadline_exceptions_from_a_check(
    exc: Exception, status: Status, words: str
) -> None:
    def raising(ctx: Context) -> Step:
        raise exc

    steps = Runner(TARGET, options()).run([Check("x", "X", raising)])
    assert steps[0].status is status
    assert words in steps[0].summary


def test_durations_are_measured() -> None:
    def slowish(ctx: Context) -> Step:
        ctx.token.wait(0.05)
        return Step(ctx.check_id, "s", Status.PASS)

    steps = Runner(TARGET, options()).run([Check("s", "S", slowish)])
    assert 40 <= steps[0].duration_ms < 5000


# -- deadlines ----------------------------------------------------------------------------


def test_a_check_past_its_deadline_is_stopped_and_the_rest_of_the_run_goes_on(
    listener: SilentListener,
) -> None:
    seen_by_dependent: list[Status] = []

    def dependent(ctx: Context) -> Step:
        seen_by_dependent.append(ctx.results["slow"].status)
        return Step(ctx.check_id, "dep", Status.INFO, summary="went on")

    checks = [
        Check("slow", "Slow", blocking(listener.port), deadline=0.5),
        Check("fast", "Fast", passing("fast one")),
        Check("after", "After", dependent, requires=("slow",)),
    ]
    # The socket timeout (5 s) is far beyond the check deadline: only the runner stops it.
    steps, events, elapsed = run_collecting(Runner(TARGET, options(5.0, 10.0)), checks)

    assert 0.45 <= elapsed < 0.5 + 1.5
    results = by_id(steps)
    assert results["slow"].status is Status.ERROR
    assert "deadline" in results["slow"].summary
    assert "0.5 s" in results["slow"].summary
    assert results["fast"].status is Status.PASS
    assert results["fast"].summary == "fast one"
    assert results["after"].status is Status.INFO
    assert seen_by_dependent == [Status.ERROR]
    last = events[-1]
    assert isinstance(last, RunFinished)
    assert last.cancelled is False
    assert not wait_for_check_threads_to_end(2.0)


def test_the_options_check_deadline_applies_when_a_check_sets_none() -> None:
    def waits(ctx: Context) -> Step:
        ctx.token.wait(5.0)  # woken when the runner cancels this check's token
        return Step(ctx.check_id, "w", Status.PASS)

    started = time.monotonic()
    steps = Runner(TARGET, options(0.3, 0.6)).run([Check("w", "W", waits)])
    elapsed = time.monotonic() - started
    assert 0.55 <= elapsed < 0.6 + 1.5
    assert steps[0].status is Status.ERROR
    assert "0.6 s deadline" in steps[0].summary


# -- cancel -------------------------------------------------------------------------------


def test_cancel_stops_blocked_checks_and_skips_what_has_not_started(
    listener: SilentListener,
) -> None:
    connected = threading.Semaphore(0)
    runner = Runner(TARGET, options(5.0, 30.0))
    cancelled_at: list[float] = []
    both_connected: list[bool] = []

    def cancel_when_both_block() -> None:
        ok = connected.acquire(timeout=10) and connected.acquire(timeout=10)
        both_connected.append(ok)
        time.sleep(0.1)  # let both threads reach recv()
        cancelled_at.append(time.monotonic())
        runner.cancel()

    checks = [
        Check("first", "First", passing("before the others")),
        Check("a", "A", blocking(listener.port, connected), requires=("first",)),
        Check("b", "B", blocking(listener.port, connected), requires=("first",)),
        Check("later", "Later", passing(), requires=("a",)),
    ]
    canceller = threading.Thread(target=cancel_when_both_block, name="test-canceller")
    canceller.start()
    try:
        steps, events, _ = run_collecting(runner, checks)
        returned_at = time.monotonic()
    finally:
        canceller.join(15)

    assert both_connected == [True]
    assert returned_at - cancelled_at[0] < 1.5
    results = by_id(steps)
    assert results["first"].status is Status.PASS
    for check_id in ("a", "b", "later"):
        assert results[check_id].status is Status.CANCELLED, results[check_id]
    assert [s.id for s in steps] == ["first", "a", "b", "later"]
    assert not any(isinstance(e, CheckStarted) and e.check_id == "later" for e in events)
    finished = [e.step.id for e in events if isinstance(e, CheckFinished)]
    assert sorted(finished) == ["a", "b", "first", "later"]
    last = events[-1]
    assert isinstance(last, RunFinished)
    assert last.cancelled is True
    assert runner.cancelled
    assert not wait_for_check_threads_to_end(2.0)


def test_cancel_before_run_cancels_everything() -> None:
    runner = Runner(TARGET, options())
    runner.cancel()
    steps, events, _ = run_collecting(runner, [Check("a", "A", passing())])
    assert [s.status for s in steps] == [Status.CANCELLED]
    last = events[-1]
    assert isinstance(last, RunFinished)
    assert last.cancelled is True


# -- CancelToken and Deadline -------------------------------------------------------------


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    a, b = socket.socketpair()
    b.settimeout(2)
    yield a, b
    a.close()
    b.close()


def test_register_on_a_cancelled_token_raises_and_closes_the_socket(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    a, b = pair
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        token.register(a)
    assert a.fileno() == -1
    assert b.recv(1) == b""


def test_cancel_shuts_down_registered_sockets_only(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    a, b = pair
    c, d = socket.socketpair()
    try:
        token = CancelToken()
        token.register(a)
        token.register(c)
        token.unregister(c)
        token.cancel()
        assert token.cancelled
        assert a.fileno() == -1
        assert b.recv(1) == b""
        c.sendall(b"x")  # unregistered: still open
        assert d.recv(1) == b"x"
    finally:
        c.close()
        d.close()


def test_cancel_wakes_a_thread_blocked_in_recv(pair: tuple[socket.socket, socket.socket]) -> None:
    a, _ = pair
    token = CancelToken()
    token.register(a)
    outcome: list[Any] = []

    def reader() -> None:
        try:
            outcome.append(a.recv(1))
        except OSError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=reader, name="test-reader")
    thread.start()
    time.sleep(0.1)
    started = time.monotonic()
    token.cancel()
    thread.join(2)
    assert not thread.is_alive()
    assert time.monotonic() - started < 1.0
    assert len(outcome) == 1
    assert outcome[0] == b"" or isinstance(outcome[0], OSError)


def test_token_raise_and_wait() -> None:
    token = CancelToken()
    token.raise_if_cancelled()  # not cancelled: nothing happens
    started = time.monotonic()
    assert token.wait(0.05) is False
    assert time.monotonic() - started >= 0.04
    timer = threading.Timer(0.05, token.cancel)
    timer.start()
    started = time.monotonic()
    assert token.wait(5.0) is True
    assert time.monotonic() - started < 2.0
    timer.join(2)
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()


def test_deadline_budget() -> None:
    assert Deadline.after(60).budget(2.5) == 2.5
    budget = Deadline.after(0.5).budget(10.0)
    assert 0 < budget <= 0.5
    expired = Deadline.after(-0.01)
    assert expired.expired
    assert expired.remaining() == 0.0
    with pytest.raises(DeadlineExceeded, match="ran out of time"):
        expired.budget(5.0)
    assert issubclass(DeadlineExceeded, TimeoutError)


def test_context_op_timeout_is_capped_by_the_check_deadline() -> None:
    budgets: list[float] = []

    def measure(ctx: Context) -> Step:
        budgets.append(ctx.op_timeout())
        budgets.append(ctx.net.op_timeout())
        return Step(ctx.check_id, "m", Status.PASS)

    Runner(TARGET, options(5.0, 10.0)).run([Check("m", "M", measure, deadline=1.0)])
    assert all(0 < b <= 1.0 for b in budgets), budgets
    Runner(TARGET, options(0.2, 10.0)).run([Check("n", "N", measure)])
    assert budgets[2:] == [0.2, 0.2]
