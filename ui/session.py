"""What the wizard has gathered so far, and what it got back. Plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.config import NetworkOptions, Target
from assistant.model import Report
from assistant.net.redact import Redactor

if TYPE_CHECKING:  # the lab and the run log load with the first demo or run
    from assistant.lab.tenant import Lab
    from assistant.report.runlog import RunLog


@dataclass
class Demo:
    scenario: str
    lab: Lab | None = None  # None while it starts
    error: str | None = None


@dataclass
class Session:
    target: Target | None = None
    options: NetworkOptions = field(default_factory=NetworkOptions)
    areas: list[str] = field(default_factory=list)
    report: Report | None = None
    redactor: Redactor = field(default_factory=Redactor)
    cancelled: bool = False
    opened_path: str | None = None  # the report came from this file, not a run
    runlog: RunLog | None = None  # the run's log (for the support bundle); None when opened
    username: str | None = None  # the name the run signed in with (an identity to hide)
    demo: Demo | None = None
