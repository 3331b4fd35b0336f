"""`Check.after`: ordering-only dependencies (used by ews.endpoint for autodiscover.result).

Absent from the run: ignored. Present: the check waits for it and sees its result in
ctx.results, exactly as for `requires`. The registry never pulls an `after` in.
"""

from __future__ import annotations

import time

import pytest

from assistant.check import Check, Context
from assistant.checks.registry import select
from assistant.config import NetworkOptions, Target
from assistant.events import CheckFinished, Event
from assistant.model import Status, Step
from assistant.runner import PlanError, Runner, plan

TARGET = Target.parse("user@contoso.test")


def recording(check_id: str, seen: dict[str, list[str]], delay: float = 0.0) -> Check:
    def run(ctx: Context) -> Step:
        time.sleep(delay)
        seen[check_id] = sorted(ctx.results)
        return Step(check_id, check_id, Status.PASS, summary=f"{check_id} done")

    return Check(check_id, check_id, run)


def test_after_a_check_that_is_absent_is_ignored() -> None:
    seen: dict[str, list[str]] = {}
    reader = Check("b.reader", "reader", recording("b.reader", seen).run, after=("a.source",))
    steps = Runner(TARGET, NetworkOptions()).run([reader])
    assert [s.status for s in steps] == [Status.PASS]
    assert seen["b.reader"] == []


def test_after_a_check_that_is_present_waits_and_sees_its_result() -> None:
    seen: dict[str, list[str]] = {}
    source = recording("a.source", seen, delay=0.2)
    reader = Check("b.reader", "reader", recording("b.reader", seen).run, after=("a.source",))
    order: list[str] = []

    def on_event(event: Event) -> None:
        if isinstance(event, CheckFinished):
            order.append(event.step.id)

    # The reader is listed first and the source is slow: only `after` keeps the order.
    steps = Runner(TARGET, NetworkOptions()).run([reader, source], on_event=on_event)
    assert [s.id for s in steps] == ["a.source", "b.reader"]
    assert seen["b.reader"] == ["a.source"]
    assert order.index("a.source") < order.index("b.reader")


def test_plan_orders_by_after_and_finds_cycles_through_it() -> None:
    def noop(ctx: Context) -> Step:
        return Step("x", "x", Status.PASS)

    first = Check("a.one", "one", noop, after=("a.two",))
    second = Check("a.two", "two", noop)
    assert [c.id for c in plan([first, second])] == ["a.two", "a.one"]
    looped = Check("a.two", "two", noop, after=("a.one",))
    with pytest.raises(PlanError, match="cycle"):
        plan([first, looped])


def test_requires_still_rejects_what_is_missing() -> None:
    def noop(ctx: Context) -> Step:
        return Step("x", "x", Status.PASS)

    with pytest.raises(PlanError, match=r"requires a\.two"):
        plan([Check("a.one", "one", noop, requires=("a.two",), after=("a.three",))])


def test_selection_does_not_pull_in_after_checks() -> None:
    ids = [c.id for c in select(["ews.endpoint"])]
    assert ids == ["ews.endpoint"]
    ids = [c.id for c in select(["ews.mailbox"])]
    assert ids == ["ews.endpoint", "ews.login", "ews.mailbox"]
