"""Events are frozen, and the Step inside one is the step as it was when the event was made."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from assistant.events import CheckFinished, StepFinished
from assistant.model import Evidence, Remedy, Status, Step
from assistant.text import Message, msg


def a_step() -> Step:
    child = Step("a.child", "child", Status.PASS, summary=msg("fine {n}", n=1))
    return Step(
        "a",
        msg("A check"),
        Status.PASS,
        summary="all good",
        remedy=Remedy("nothing", "https://example.test/"),
        evidence=[Evidence("table", "rows", [{"x": 1}])],
        children=[child],
    )


def mutate(step: Step) -> None:
    step.status = Status.FAIL
    step.summary = "changed"
    step.duration_ms = 99
    assert step.remedy is not None
    step.remedy.text = "changed"
    step.evidence[0].data[0]["x"] = 2
    step.evidence.append(Evidence("text", "late", "late"))
    step.children[0].status = Status.FAIL
    step.children.append(Step("a.late", "late", Status.WARN))


def step_finished(step: Step) -> StepFinished | CheckFinished:
    return StepFinished("a", step)


@pytest.mark.parametrize("make", [step_finished, CheckFinished])
def test_changing_a_step_after_emitting_it_leaves_the_event_as_it_was(
    make: Callable[[Step], StepFinished | CheckFinished],
) -> None:
    step = a_step()
    event = make(step)
    mutate(step)
    assert event.step == a_step()
    assert step != a_step()
    # The copy's texts are still translatable.
    assert isinstance(event.step.title, Message) and event.step.title.template == "A check"
    summary = event.step.children[0].summary
    assert isinstance(summary, Message) and summary.args == {"n": 1}


def test_the_event_is_frozen() -> None:
    event = CheckFinished(a_step())
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.step = a_step()  # type: ignore[misc]
