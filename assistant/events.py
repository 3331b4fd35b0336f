"""Typed, frozen events from the runner; the CLI prints them, the UI turns them into signals."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from assistant.auth.prompt import Prompt
from assistant.model import Step


@dataclass(frozen=True)
class RunStarted:
    check_ids: tuple[str, ...]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class CheckStarted:
    check_id: str
    title: str


@dataclass(frozen=True)
class StepStarted:
    """A child step inside a running check began (e.g. one autodiscover candidate)."""

    check_id: str
    step_id: str
    title: str


def _snapshot(event: StepFinished | CheckFinished | ProvisionalResult) -> None:
    # Step is mutable, and the check that sent it goes on running on its worker thread (a
    # parent rolls its children up): the event keeps a copy of the step as it was sent, so
    # what a listener on another thread sees never changes under it.
    object.__setattr__(event, "step", copy.deepcopy(event.step))


@dataclass(frozen=True)
class StepFinished:
    check_id: str
    step: Step

    def __post_init__(self) -> None:
        _snapshot(self)


@dataclass(frozen=True)
class CheckFinished:
    step: Step

    def __post_init__(self) -> None:
        _snapshot(self)


@dataclass(frozen=True)
class ProvisionalResult:
    """A running check's first usable answer, before its final verdict: autodiscover.result
    sends the first candidate's settings while slower candidates are still being waited for.
    Checks with `starts_early` that wait for it start on this step (the runner hands it to
    them as ctx.results); the check's CheckFinished still comes, and is what reports hold."""

    step: Step

    def __post_init__(self) -> None:
        _snapshot(self)


@dataclass(frozen=True)
class CheckCrashed:
    """A check raised instead of returning a Step: a fault in the tool, not a finding.

    `traceback` (already redacted) is for the run log only; the check's Step says in a
    short sentence that the check itself failed, and no report ever holds a traceback."""

    check_id: str
    traceback: str


@dataclass(frozen=True)
class RunFinished:
    steps: tuple[Step, ...]
    cancelled: bool
    duration_ms: int


@dataclass(frozen=True)
class SignInPrompt:
    """A sign-in needs the user: a device code to enter at a URL, or a browser page.

    `prompt.text()` is what to show; the wizard shows the code and URL (and can cancel
    the run, which stops the wait at once), the CLI prints it on stderr."""

    check_id: str
    prompt: Prompt


Event = (
    RunStarted
    | CheckStarted
    | StepStarted
    | StepFinished
    | CheckFinished
    | ProvisionalResult
    | CheckCrashed
    | RunFinished
    | SignInPrompt
)
