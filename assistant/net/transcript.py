"""A per-connection protocol transcript, redacted as it is written.

Lines are redacted on the way in, so no unredacted copy of a secret-bearing line
ever exists in a transcript object that could be saved. A transcript knows who said
each line, so it follows SASL exchanges and LOGIN literals (net/secret_lines.py) and
masks every credential line, whatever its shape.

A hostile server can talk without end: each line is capped in length, and past
MAX_HEAD_LINES only the last MAX_TAIL_LINES are kept (where a failure shows), with a
line saying how many were left out.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from assistant.model import Evidence
from assistant.net.caps import cap_line
from assistant.net.redact import MASK, Redactor
from assistant.net.secret_lines import Exchange
from assistant.text import msg

CLIENT = ">"
SERVER = "<"
NOTE = "*"

MAX_HEAD_LINES = 1000  # a whole conversation of one check, with room to spare
MAX_TAIL_LINES = 200

_Line = tuple[int, str, str]  # elapsed ms, direction, text


class Transcript:
    def __init__(self, label: str, redactor: Redactor | None = None) -> None:
        self.label = label
        self._redact = redactor or Redactor()
        self._start = time.monotonic()
        self._head: list[_Line] = []
        self._tail: deque[_Line] = deque(maxlen=MAX_TAIL_LINES)
        self._left_out = 0
        self._left_out_at: int | None = None  # when the first line left out was written
        self._lock = threading.Lock()
        self._hide_client_lines = 0
        self._exchange = Exchange()

    def hide_next_client_lines(self, count: int) -> None:
        """The next `count` client lines are secret (e.g. after an AUTH LOGIN challenge)."""
        self._hide_client_lines = count

    def add(self, direction: str, text: str) -> None:
        elapsed_ms = int((time.monotonic() - self._start) * 1000)
        with self._lock:
            for raw in text.splitlines() or [""]:
                line = raw
                if direction == CLIENT:
                    line = self._exchange.client(line)
                    if self._hide_client_lines > 0:
                        self._hide_client_lines -= 1
                        line = MASK
                elif direction == SERVER:
                    self._exchange.server(line)
                # Redacted before it is cut: half a secret would no longer be recognised.
                self._keep((elapsed_ms, direction, cap_line(self._redact(line))))

    def _keep(self, line: _Line) -> None:
        if len(self._head) < MAX_HEAD_LINES:
            self._head.append(line)
            return
        if len(self._tail) == MAX_TAIL_LINES:
            self._left_out += 1
            if self._left_out_at is None:
                self._left_out_at = self._tail[0][0]
        self._tail.append(line)  # the deque drops its oldest line when full

    def client(self, text: str) -> None:
        self.add(CLIENT, text)

    def server(self, text: str) -> None:
        self.add(SERVER, text)

    def note(self, text: str) -> None:
        self.add(NOTE, text)

    @property
    def lines(self) -> list[str]:
        with self._lock:
            kept = list(self._head)
            if self._left_out and self._left_out_at is not None:
                left_out = msg("… ({count} more lines left out)", count=self._left_out)
                kept.append((self._left_out_at, NOTE, left_out))
            kept.extend(self._tail)
        return [f"{ms:>6} ms {d} {t}" for ms, d, t in kept]

    def to_evidence(self) -> Evidence:
        return Evidence(kind="transcript", label=self.label, data=self.lines)
