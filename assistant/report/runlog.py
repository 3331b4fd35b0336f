"""The run log: what the CLI prints while checks run, with timestamps, kept for the bundle.

It records the runner's events as plain lines (UTC, milliseconds):

    2026-11-27T16:47:22.125Z run started: dns.resolver, dns.mx, ...
    2026-11-27T16:47:22.131Z started  dns.mx
    2026-11-27T16:47:22.150Z finished dns.mx: pass in 19 ms: 0 contoso-test.r-v1...

Each event's text goes through the run's redactor before its lines are joined into one
(a secret-bearing header line is only recognised at the start of a line), and whoever
writes the log out applies the report's redaction once more (the support bundle does).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from assistant.events import (
    CheckCrashed,
    CheckFinished,
    CheckStarted,
    Event,
    RunFinished,
    RunStarted,
    SignInPrompt,
)

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class RunLog:
    def __init__(
        self, clock: Clock = _utc_now, redactor: Callable[[str], str] | None = None
    ) -> None:
        self._clock = clock
        self._redact = redactor or (lambda text: text)
        self._lock = threading.Lock()
        self._lines: list[str] = []
        self.planned: tuple[str, ...] = ()
        self.cancelled = False
        self.duration_ms: int | None = None

    def record(self, event: Event) -> None:
        """An EventSink: pass it (or call it from one) for every runner event."""
        if isinstance(event, RunStarted):
            self.planned = event.check_ids
            self.note("run started: " + ", ".join(event.check_ids))
        elif isinstance(event, CheckStarted):
            self.note(f"started  {event.check_id}")
        elif isinstance(event, CheckFinished):
            step = event.step
            self.note(
                f"finished {step.id}: {step.status.value} in {step.duration_ms} ms: {step.summary}"
            )
        elif isinstance(event, SignInPrompt):
            self.note(f"sign-in asked of the user ({event.check_id}): {event.prompt.text()}")
        elif isinstance(event, CheckCrashed):
            # Indented under one stamped line, as Python printed it: only the log holds it.
            head = self._stamped(f"{event.check_id} raised an exception (a fault in the tool):")
            body = [f"    {line}" for line in self._redact(event.traceback).splitlines()]
            with self._lock:
                self._lines += [head, *(line for line in body if line.strip())]
        elif isinstance(event, RunFinished):
            self.cancelled = event.cancelled
            self.duration_ms = event.duration_ms
            ending = "cancelled" if event.cancelled else "finished"
            self.note(f"run {ending} after {event.duration_ms} ms")

    def note(self, text: str) -> None:
        line = self._stamped(text)
        with self._lock:
            self._lines.append(line)

    def _stamped(self, text: str) -> str:
        stamp = self._clock().astimezone(dt.UTC).isoformat(timespec="milliseconds")
        one_line = " ".join(self._redact(text).splitlines())
        return f"{stamp.replace('+00:00', 'Z')} {one_line}"

    @property
    def lines(self) -> list[str]:
        with self._lock:
            return list(self._lines)

    def text(self) -> str:
        lines = self.lines
        return "\n".join(lines) + "\n" if lines else ""
