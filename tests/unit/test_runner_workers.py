"""The runner hands the pool no more checks than it has workers: a check's deadline starts
when it is handed over, so a check queued behind a slow one must not lose its time waiting."""

from __future__ import annotations

import threading

from assistant.check import Check, Context
from assistant.config import NetworkOptions, Target
from assistant.events import CheckStarted, Event
from assistant.model import Status, Step
from assistant.runner import Runner

TARGET = Target.parse("user@contoso.test")


def test_a_queued_check_keeps_its_whole_deadline() -> None:
    slow_done = threading.Event()

    def slow(ctx: Context) -> Step:
        threading.Event().wait(0.6)  # longer than the quick check's whole deadline
        slow_done.set()
        return Step("a.slow", "slow", Status.PASS)

    def quick(ctx: Context) -> Step:
        # Runs only once the one worker is free; its 0.4 s start then.
        return Step("b.quick", "quick", Status.PASS, summary=f"after slow: {slow_done.is_set()}")

    started: list[str] = []

    def on_event(event: Event) -> None:
        if isinstance(event, CheckStarted):
            started.append(event.check_id)

    checks = [Check("a.slow", "slow", slow), Check("b.quick", "quick", quick, deadline=0.4)]
    steps = {s.id: s for s in Runner(TARGET, NetworkOptions(), max_workers=1).run(checks, on_event)}
    assert steps["b.quick"].status is Status.PASS, steps["b.quick"].summary
    assert steps["b.quick"].summary == "after slow: True"
    assert started == ["a.slow", "b.quick"]


def test_checks_start_as_workers_free_up() -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def work(ctx: Context) -> Step:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        threading.Event().wait(0.05)
        with lock:
            running -= 1
        return Step(ctx.check_id, ctx.check_id, Status.PASS)

    checks = [Check(f"c.{n}", str(n), work) for n in range(8)]
    steps = Runner(TARGET, NetworkOptions(), max_workers=3).run(checks)
    assert all(s.status is Status.PASS for s in steps)
    assert most <= 3
