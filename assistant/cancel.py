"""Cancellation and deadlines shared by the runner and the network layer.

Blocking waits in the engine are sliced (no single wait longer than SLICE seconds)
so a cancel is noticed quickly on every platform; sockets registered with the token
are also shut down on cancel, which wakes a thread blocked in recv at once.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass

SLICE = 0.1  # seconds; the longest a worker waits before looking at its token again


class Cancelled(Exception):
    """The run was cancelled; unwinds a check without being reported as an error."""


class DeadlineExceeded(TimeoutError):
    """A check ran past its overall deadline."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()
        with self._lock:
            sockets = list(self._sockets)
            self._sockets.clear()
        for sock in sockets:
            _shutdown(sock)

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when cancelled meanwhile."""
        return self._event.wait(max(0.0, seconds))

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            if not self._event.is_set():
                self._sockets.add(sock)
                return
        _shutdown(sock)
        raise Cancelled()

    def unregister(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


@dataclass(frozen=True)
class Deadline:
    """A point in monotonic time; `budget(op)` is what one operation may still use."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    def remaining(self) -> float:
        return max(0.0, self.at - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def budget(self, operation_timeout: float) -> float:
        left = self.remaining()
        if left <= 0:
            raise DeadlineExceeded("the check ran out of time")
        return min(operation_timeout, left)
