"""A lab port that never answers, as one behind a firewall that drops packets
(lab latency injection: assistant/lab/latency.py sends black-holed hosts here)."""

from __future__ import annotations

import contextlib
import socket

_FILL_PROBE = 0.25  # seconds a filler connect may take before it counts as dropped
_FILL_ATTEMPTS = 8


class BlackHole:
    """A port that never answers, as one behind a firewall that drops packets.

    Why a full accept queue: a listener with backlog 0 holds one connection that is
    never accepted (our own filler); Linux then drops every further SYN (the listen
    queue overflows, tcp_abort_on_overflow is off), so a client's connect() waits for
    its own timeout, retransmitting SYNs, exactly as behind a dropping firewall. Where
    the kernel keeps completing handshakes (no drop seen after a few fillers), the port
    degrades to accept-and-silence: connect() succeeds, nothing is ever read or sent,
    and the client's read times out instead; `drops_syn` says which one this is.
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind((host, 0))
        self._listener.listen(0)
        self.address: tuple[str, int] = self._listener.getsockname()
        self._fillers: list[socket.socket] = []
        try:
            self.drops_syn = self._fill()
        except BaseException:
            self.close()
            raise

    @property
    def port(self) -> int:
        return int(self.address[1])

    def _fill(self) -> bool:
        for _ in range(_FILL_ATTEMPTS):
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            probe.settimeout(_FILL_PROBE)
            try:
                probe.connect(self.address)
            except TimeoutError:
                probe.close()  # that SYN was dropped: the queue is full
                return True
            except OSError:
                probe.close()
                raise
            self._fillers.append(probe)
        return False

    def close(self) -> None:
        for sock in (*self._fillers, self._listener):
            with contextlib.suppress(OSError):
                sock.close()
        self._fillers.clear()
