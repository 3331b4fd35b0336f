"""A whole-answer time budget for one HTTP exchange (issue 19's slow drip).

A socket timeout bounds each recv, and every byte renews it: a server sending one byte a
second held an autodiscover probe until the check's deadline, which then ended as an
ERROR naming no cause. `BudgetedSocket` stands in for the socket http.client reads from:
the answer (status line, headers and body) must arrive by `until`, and `slow` says
whether some of it had come (a trickle) or nothing did (silence).
"""

from __future__ import annotations

import io
import socket
import time
from typing import TYPE_CHECKING, Any

from assistant.text import msg

if TYPE_CHECKING:
    from assistant.net.network import Network

# The answer to one request may take this many per-operation timeouts in all.
ANSWER_TIMEOUTS = 2.0


class _UntilRaw(io.RawIOBase):
    def __init__(self, sock: socket.socket, owner: BudgetedSocket) -> None:
        super().__init__()
        self._sock = sock
        self._owner = owner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self._owner.until - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self._sock.settimeout(min(left, self._owner.per_read))
        count = self._sock.recv_into(buffer)
        self._owner.received += count
        return count


class BudgetedSocket:
    """What http.client sees as its socket: sendall and close pass through; makefile
    reads under the budget."""

    def __init__(self, sock: socket.socket, per_read: float, total: float) -> None:
        self._sock = sock
        self.per_read = per_read
        self.total = total
        self.until = time.monotonic() + total
        self.received = 0

    @classmethod
    def for_answer(cls, sock: socket.socket, net: Network) -> BudgetedSocket:
        per_read = net.op_timeout()
        return cls(sock, per_read, net.deadline.budget(per_read * ANSWER_TIMEOUTS))

    def too_slow(self, host: str) -> str | None:
        """After a timeout: what to say when part of the answer had come (a trickle);
        None when nothing had (silence, which the caller words)."""
        if self.received == 0 or time.monotonic() < self.until:
            return None
        return msg(
            "{host} sent its answer too slowly: not complete within {seconds} s",
            host=host,
            seconds=f"{self.total:g}",
        )

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        del mode, args, kwargs
        return io.BufferedReader(_UntilRaw(self._sock, self))

    def sendall(self, data: bytes) -> None:
        self._sock.sendall(data)

    def close(self) -> None:
        self._sock.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)
