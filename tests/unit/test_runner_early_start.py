"""Early start (issue 17): a check with `starts_early` begins on a provisional result of what
it waits for (Context.provide) instead of the final one; others still wait for the final.

The tests are causal, not timed: the source check finishes only after an early reader has
run, so without early start the reader could never run first and the source gives up."""

from __future__ import annotations

import threading

from assistant.check import Check, Context
from assistant.config import NetworkOptions, Target
from assistant.events import CheckFinished, Event, ProvisionalResult
from assistant.model import Evidence, Status, Step
from assistant.runner import Runner

TARGET = Target.parse("user@contoso.test")
WAIT = 10.0  # seconds the source waits for the early reader before it gives up


def source_check(reader_ran: threading.Event) -> Check:
    def run(ctx: Context) -> Step:
        first = Step("a.source", "source", Status.INFO, summary="first answer")
        first.evidence.append(Evidence("answer", "first", {"url": "https://first.test/"}))
        ctx.provide(first)
        waited = reader_ran.wait(WAIT)
        summary = "the early reader ran first" if waited else "nobody started early"
        return Step("a.source", "source", Status.PASS, summary=summary)

    return Check("a.source", "source", run)


def reader_check(check_id: str, seen: dict[str, Step], ran: threading.Event, early: bool) -> Check:
    def run(ctx: Context) -> Step:
        seen[check_id] = ctx.results["a.source"]
        ran.set()
        return Step(check_id, check_id, Status.PASS)

    return Check(check_id, check_id, run, after=("a.source",), starts_early=early)


def test_an_early_reader_starts_on_the_provisional_result() -> None:
    seen: dict[str, Step] = {}
    early_ran, late_ran = threading.Event(), threading.Event()
    checks = [
        source_check(early_ran),
        reader_check("b.early", seen, early_ran, early=True),
        reader_check("c.late", seen, late_ran, early=False),
    ]
    order: list[str] = []
    provisional: list[Step] = []

    def on_event(event: Event) -> None:
        if isinstance(event, CheckFinished):
            order.append(event.step.id)
        elif isinstance(event, ProvisionalResult):
            provisional.append(event.step)

    steps = {s.id: s for s in Runner(TARGET, NetworkOptions()).run(checks, on_event=on_event)}
    # The proof is causal: the source ends only once the early reader has run (or after
    # WAIT seconds, saying so). Their CheckFinished events may come in one pass, either way.
    assert steps["a.source"].summary == "the early reader ran first"
    assert order.index("a.source") < order.index("c.late")
    # The early reader saw the provisional step, the late one the final step.
    assert seen["b.early"].status is Status.INFO and seen["b.early"].evidence[0].data == {
        "url": "https://first.test/"
    }
    assert seen["c.late"].status is Status.PASS
    assert [p.summary for p in provisional] == ["first answer"]
    # What the run returns (and reports hold) is the final step.
    assert steps["a.source"].status is Status.PASS


def test_without_starts_early_the_reader_waits_for_the_final_result() -> None:
    seen: dict[str, Step] = {}
    ran = threading.Event()
    # The source gives up quickly here: nobody can start before it ends.
    checks = [source_check_quick(ran), reader_check("b.reader", seen, ran, early=False)]
    steps = {s.id: s for s in Runner(TARGET, NetworkOptions()).run(checks)}
    assert steps["a.source"].summary == "nobody started early"
    assert seen["b.reader"].status is Status.PASS


def source_check_quick(reader_ran: threading.Event) -> Check:
    def run(ctx: Context) -> Step:
        ctx.provide(Step("a.source", "source", Status.INFO, summary="first answer"))
        waited = reader_ran.wait(0.3)
        summary = "the early reader ran first" if waited else "nobody started early"
        return Step("a.source", "source", Status.PASS, summary=summary)

    return Check("a.source", "source", run)


def test_a_check_cannot_publish_a_provisional_result_for_another() -> None:
    seen: dict[str, Step] = {}
    ran = threading.Event()

    def impostor(ctx: Context) -> Step:
        ctx.provide(Step("a.source", "source", Status.INFO, summary="forged"))
        return Step("z.impostor", "impostor", Status.PASS)

    checks = [
        Check("z.impostor", "impostor", impostor),
        source_check_quick(ran),
        reader_check("b.early", seen, ran, early=True),
    ]
    Runner(TARGET, NetworkOptions()).run(checks)
    # The reader started on the source's own provisional step, never on the forged one.
    assert seen["b.early"].summary == "first answer"


def test_a_reader_that_also_waits_for_a_final_result_waits_for_both() -> None:
    seen: dict[str, Step] = {}
    ran = threading.Event()
    gate = threading.Event()

    def slow_token(ctx: Context) -> Step:
        gate.wait(WAIT)
        return Step("a.token", "token", Status.PASS)

    def reader(ctx: Context) -> Step:
        seen["b.both"] = ctx.results["a.token"]
        ran.set()
        return Step("b.both", "both", Status.PASS)

    def source(ctx: Context) -> Step:
        ctx.provide(Step("a.source", "source", Status.INFO, summary="first answer"))
        gate.set()  # the token finishes only now; the reader had to wait for it
        ran.wait(WAIT)
        return Step("a.source", "source", Status.PASS)

    checks = [
        Check("a.token", "token", slow_token),
        Check("a.source", "source", source),
        Check("b.both", "both", reader, after=("a.source", "a.token"), starts_early=True),
    ]
    steps = {s.id: s for s in Runner(TARGET, NetworkOptions()).run(checks)}
    assert seen["b.both"].status is Status.PASS
    assert steps["b.both"].status is Status.PASS
