"""What the wizard has gathered so far, and what it got back. Plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine's model loads with the first run or report, not at start-up
    from assistant.config import NetworkOptions, Target
    from assistant.lab.tenant import Lab
    from assistant.model import Report
    from assistant.net.redact import Redactor
    from assistant.report.runlog import RunLog


@dataclass
class Demo:
    scenario: str
    lab: Lab | None = None  # None while it starts
    error: str | None = None


@dataclass
class Session:
    target: Target | None = None
    areas: list[str] = field(default_factory=list)
    report: Report | None = None
    cancelled: bool = False
    opened_path: str | None = None  # the report came from this file, not a run
    runlog: RunLog | None = None  # the run's log (for the support bundle); None when opened
    username: str | None = None  # the name the run signed in with (an identity to hide)
    demo: Demo | None = None
    # The options and the redactor are made on first use: building them imports the engine's
    # configuration (idna) and the redaction patterns, which the first painted page does not
    # need (docs/PERFORMANCE.md, start-up).
    _options: NetworkOptions | None = field(default=None, repr=False)
    _redactor: Redactor | None = field(default=None, repr=False)

    @property
    def options(self) -> NetworkOptions:
        if self._options is None:
            from assistant.config import NetworkOptions

            self._options = NetworkOptions()
        return self._options

    @options.setter
    def options(self, value: NetworkOptions) -> None:
        self._options = value

    @property
    def redactor(self) -> Redactor:
        if self._redactor is None:
            from assistant.net.redact import Redactor

            self._redactor = Redactor()
        return self._redactor

    @redactor.setter
    def redactor(self, value: Redactor) -> None:
        self._redactor = value
