"""Host addresses from the operating system's resolver, within a deadline and cancellable.

`socket.getaddrinfo` takes no timeout and cannot be interrupted: glibc waits its own
timeout on every nameserver and attempt, and an NSS module may block for good. So each
lookup runs on a daemon thread and the caller waits for it in slices, looking at the
cancel token and its time budget; when either ends the wait, the thread is left to
finish on its own. There are few such threads by construction: at most `limit` lookups
run at once in the process, and a lookup of a name that is already being looked up
waits for that one instead of starting another. A flood of lookups that never answer
therefore holds `limit` threads, not one per attempt; while all are stuck, a new
lookup waits for a free one within its own budget and then gives up with a sentence.

Not concurrent.futures: its workers are joined at interpreter exit, so one stuck
lookup would keep the program from ending.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.cancel import SLICE, CancelToken, Deadline
from assistant.text import msg

LIMIT = 8  # lookups under way at once, per process

GetAddrInfo = Callable[..., list[tuple[Any, ...]]]  # socket.getaddrinfo's signature


@dataclass(eq=False)
class _Lookup:
    host: str
    done: threading.Event = field(default_factory=threading.Event)
    infos: list[tuple[Any, ...]] = field(default_factory=list)
    error: Exception | None = None


class SystemLookup:
    """Runs `getaddrinfo` (the system's, unless a test hands in another) on bounded
    daemon threads."""

    def __init__(self, getaddrinfo: GetAddrInfo = socket.getaddrinfo, limit: int = LIMIT) -> None:
        self._getaddrinfo = getaddrinfo
        self._limit = limit
        self._changed = threading.Condition()  # guards _running; notified when one ends
        self._running: dict[str, _Lookup] = {}

    @property
    def running(self) -> int:
        """Lookups under way, answered or abandoned by their callers alike."""
        with self._changed:
            return len(self._running)

    def addresses(self, host: str, *, timeout: float, token: CancelToken) -> list[str]:
        """IPv4 then IPv6 addresses of `host`, waiting at most `timeout` seconds.

        Raises LookupError with a plain sentence when the host has no address or the
        lookup did not answer in time, Cancelled when the token is cancelled.
        """
        budget = Deadline.after(timeout)
        lookup = self._start(host, budget, timeout, token)
        while not lookup.done.wait(min(SLICE, budget.remaining())):
            token.raise_if_cancelled()
            if budget.expired:
                raise LookupError(
                    msg(
                        "DNS lookup of {host} did not answer within {seconds} s",
                        host=host,
                        seconds=_seconds(timeout),
                    )
                )
        token.raise_if_cancelled()
        return _addresses(lookup)

    def _start(self, host: str, budget: Deadline, timeout: float, token: CancelToken) -> _Lookup:
        key = host.lower()
        with self._changed:
            while key not in self._running and len(self._running) >= self._limit:
                token.raise_if_cancelled()
                if budget.expired:
                    raise LookupError(
                        msg(
                            "DNS lookup of {host} did not start within {seconds} s: "
                            "{count} earlier lookups have not answered yet",
                            host=host,
                            seconds=_seconds(timeout),
                            count=len(self._running),
                        )
                    )
                self._changed.wait(min(SLICE, budget.remaining()))
            if key in self._running:
                return self._running[key]  # share the lookup already under way
            lookup = self._running[key] = _Lookup(host)
        thread = threading.Thread(
            target=self._run, args=(key, lookup), name=f"getaddrinfo {host}", daemon=True
        )
        try:
            thread.start()
        except RuntimeError:  # the system would not give us another thread
            self._finish(key)
            raise
        return lookup

    def _run(self, key: str, lookup: _Lookup) -> None:
        try:
            lookup.infos = self._getaddrinfo(lookup.host, None, type=socket.SOCK_STREAM)
        except Exception as exc:  # handed to the caller, who says what it means
            lookup.error = exc
        finally:
            self._finish(key)
            lookup.done.set()

    def _finish(self, key: str) -> None:
        with self._changed:
            self._running.pop(key, None)
            self._changed.notify_all()


def _addresses(lookup: _Lookup) -> list[str]:
    error = lookup.error
    if isinstance(error, OSError | UnicodeError):  # gaierror; UnicodeError: a bad IDNA label
        said = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise LookupError(msg("{host} has no address: {error}", host=lookup.host, error=said))
    if error is not None:
        raise error
    return sorted({str(info[4][0]) for info in lookup.infos}, key=lambda a: ":" in a)


def _seconds(value: float) -> str:
    return f"{round(value, 2):g}"


SYSTEM = SystemLookup()  # the process's one pool: the bound holds across checks and runs
