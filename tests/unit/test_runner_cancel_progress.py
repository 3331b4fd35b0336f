"""A cancelled check keeps the child steps it finished and says what it was waiting on
(issue 16, item 4): the runner reads the check's own StepStarted/StepFinished events.

The check below really blocks: it connects to a loopback listener that accepts and never
sends, and waits in recv(); only the runner's cancel (through the check's token) wakes it.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator

import pytest

from assistant.check import Check, CheckFunc, Context
from assistant.config import NetworkOptions, Target
from assistant.events import CheckFinished, Event, StepStarted
from assistant.model import CANCELLED_SUMMARY, Status, Step
from assistant.runner import Runner

TARGET = Target.parse("user@contoso.test")


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback listener whose backlog takes the connection; nothing is ever sent."""
    server = socket.create_server(("127.0.0.1", 0))
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()


def two_children_then_blocks(port: int) -> CheckFunc:
    """Finishes its first child, starts the second and blocks in it (never finishes)."""

    def run(ctx: Context) -> Step:
        ctx.step_started("walk.first", "First candidate")
        first = Step("walk.first", "First candidate", Status.FAIL, summary="404 Not Found")
        ctx.step_finished(first)
        ctx.step_started("walk.second", "Second candidate")
        sock, _ = ctx.net.tcp("127.0.0.1", port)
        try:
            sock.recv(1)  # a naive check would go on to a verdict after this
        finally:
            ctx.net.close(sock)
        return Step(ctx.check_id, "walk", Status.PASS, summary="not trusted after a cancel")

    return run


def test_a_cancelled_check_keeps_its_finished_steps_and_names_the_running_one(
    silent_port: int,
) -> None:
    runner = Runner(TARGET, NetworkOptions(timeout=10.0, check_deadline=20.0))
    events: list[Event] = []

    def on_event(event: Event) -> None:
        events.append(event)
        if isinstance(event, StepStarted) and event.step_id == "walk.second":
            threading.Timer(0.2, runner.cancel).start()  # once it is blocked in recv()

    checks = [
        Check("walk", "Walk", two_children_then_blocks(silent_port)),
        Check(
            "after", "After", lambda ctx: Step("after", "After", Status.PASS), requires=("walk",)
        ),
    ]
    walk, after = runner.run(checks, on_event)

    assert walk.status is Status.CANCELLED
    assert [(c.id, c.status, c.summary) for c in walk.children] == [
        ("walk.first", Status.FAIL, "404 Not Found")
    ]
    assert walk.summary == "cancelled while waiting on Second candidate"
    assert getattr(walk.summary, "template", "") == "cancelled while waiting on {steps}"
    # What the event said is what the report says, and the report reads back the same.
    [sent] = [e.step for e in events if isinstance(e, CheckFinished) and e.step.id == "walk"]
    assert sent.to_dict() == walk.to_dict()
    back = Step.from_dict(json.loads(json.dumps(walk.to_dict())))
    assert back.summary == walk.summary and [c.id for c in back.children] == ["walk.first"]
    # A check that never started has nothing to keep and no step to name.
    assert after.status is Status.CANCELLED
    assert after.summary == CANCELLED_SUMMARY and after.children == []


def test_stopped_without_progress_is_the_plain_cancelled_step() -> None:
    step = Step.stopped("x", "X")
    assert (step.status, step.summary, step.children) == (Status.CANCELLED, "cancelled", [])
    two = Step.stopped("x", "X", waiting_on=["A", "B"])
    assert two.summary == "cancelled while waiting on A; B"
