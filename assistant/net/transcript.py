"""A per-connection protocol transcript, redacted as it is written.

Lines are redacted on the way in, so no unredacted copy of a secret-bearing line
ever exists in a transcript object that could be saved.
"""

from __future__ import annotations

import threading
import time

from assistant.model import Evidence
from assistant.net.redact import MASK, Redactor

CLIENT = ">"
SERVER = "<"
NOTE = "*"


class Transcript:
    def __init__(self, label: str, redactor: Redactor | None = None) -> None:
        self.label = label
        self._redact = redactor or Redactor()
        self._start = time.monotonic()
        self._lines: list[tuple[int, str, str]] = []
        self._lock = threading.Lock()
        self._hide_client_lines = 0

    def hide_next_client_lines(self, count: int) -> None:
        """The next `count` client lines are secret (e.g. after an AUTH LOGIN challenge)."""
        self._hide_client_lines = count

    def add(self, direction: str, text: str) -> None:
        elapsed_ms = int((time.monotonic() - self._start) * 1000)
        with self._lock:
            for raw in text.splitlines() or [""]:
                line = raw
                if direction == CLIENT and self._hide_client_lines > 0:
                    self._hide_client_lines -= 1
                    line = MASK
                self._lines.append((elapsed_ms, direction, self._redact(line)))

    def client(self, text: str) -> None:
        self.add(CLIENT, text)

    def server(self, text: str) -> None:
        self.add(SERVER, text)

    def note(self, text: str) -> None:
        self.add(NOTE, text)

    @property
    def lines(self) -> list[str]:
        with self._lock:
            return [f"{ms:>6} ms {d} {t}" for ms, d, t in self._lines]

    def to_evidence(self) -> Evidence:
        return Evidence(kind="transcript", label=self.label, data=self.lines)
