"""A UDP relay that holds every DNS answer for a fixed time: a resolver far away, on loopback.

Knot (knot.py) answers on loopback in microseconds, so a client that asks many questions
at once looks no faster there than one that asks them in turn: both wait only on their
own CPU. Real answers take tens of milliseconds. This relay sits in front of a server
and delays each answer by `delay_ms` (from its arrival, as a path's propagation delay
does), so a benchmark can measure the latency-bound case too.

It runs in a process of its own (`UdpDelay.start()` spawns `python -m
assistant.lab.udp_delay`), so its work never competes for the benchmarked process's GIL.
Each client socket gets an upstream socket of its own, so answers go back to the socket
that asked whatever their DNS IDs. UDP only: an answer that would need TCP is not
relayed (the lab's answers fit in 1232 bytes).
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import itertools
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Sequence

ADDRESS = "127.0.0.1"
_IDLE = 2.0  # seconds an upstream socket with no traffic is kept (clients use one per query)
_READY = b"ready\n"


class UdpDelay:
    """The relay process: `address` forwards to `upstream`, answers held `delay_ms`."""

    def __init__(self, upstream: tuple[str, int], delay_ms: float) -> None:
        self.upstream = upstream
        self.delay_ms = delay_ms
        self._process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def address(self) -> tuple[str, int]:
        return ADDRESS, self.port

    def start(self) -> UdpDelay:
        host, port = self.upstream
        command = [sys.executable, "-m", "assistant.lab.udp_delay", host, str(port)]
        self._process = subprocess.Popen(  # noqa: S603 - our own module
            [*command, str(self.delay_ms)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            start_new_session=True,  # a Ctrl-C meant for the benchmark is not its business
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()  # "<port>\n" once bound, then "ready"
        if not line.strip().isdigit() or self._process.stdout.readline() != _READY:
            self.stop()
            raise RuntimeError("the UDP delay relay did not start")
        self.port = int(line)
        return self

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait(timeout=5)
            if process.stdout is not None:
                process.stdout.close()

    def __enter__(self) -> UdpDelay:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Relay:
    """The loop of the relay process: questions straight on, answers held."""

    def __init__(self, upstream: tuple[str, int], delay: float) -> None:
        self.upstream = upstream
        self.delay = delay
        self.front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.front.bind((ADDRESS, 0))
        self.front.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.front, selectors.EVENT_READ, None)
        self.by_client: dict[tuple[str, int], socket.socket] = {}
        self.last_used: dict[socket.socket, float] = {}
        self.held: list[tuple[float, int, bytes, tuple[str, int]]] = []  # (due, n, answer, to)
        self.order = itertools.count()

    def serve(self) -> None:
        next_sweep = time.monotonic() + _IDLE
        while True:
            now = time.monotonic()
            timeout = max(0.0, self.held[0][0] - now) if self.held else 1.0
            for key, _mask in self.selector.select(timeout):
                assert isinstance(key.fileobj, socket.socket)
                self._drain(key.fileobj, key.data)
            now = time.monotonic()
            while self.held and self.held[0][0] <= now:
                _due, _n, data, client = heapq.heappop(self.held)
                with contextlib.suppress(OSError):
                    self.front.sendto(data, client)
            if now >= next_sweep:
                self._sweep(now)
                next_sweep = now + _IDLE

    def _drain(self, sock: socket.socket, client: tuple[str, int] | None) -> None:
        while True:
            try:
                data, sender = sock.recvfrom(65535)
            except OSError:  # nothing more to read, or an ICMP error from a client gone away
                return
            now = time.monotonic()
            if client is None:  # a question: straight on, from this client's own socket
                out = self.by_client.get(sender) or self._upstream_for(sender)
                self.last_used[out] = now
                with contextlib.suppress(OSError):
                    out.send(data)
            else:  # an answer: held from its arrival, then sent back to whoever asked
                heapq.heappush(self.held, (now + self.delay, next(self.order), data, client))

    def _upstream_for(self, client: tuple[str, int]) -> socket.socket:
        out = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        out.setblocking(False)
        out.connect(self.upstream)
        self.by_client[client] = out
        self.selector.register(out, selectors.EVENT_READ, client)
        return out

    def _sweep(self, now: float) -> None:
        """Clients use a socket per question: their upstream sockets go once idle."""
        for client, out in list(self.by_client.items()):
            if now - self.last_used.get(out, now) > _IDLE:
                self.selector.unregister(out)
                out.close()
                del self.by_client[client]
                self.last_used.pop(out, None)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="UDP relay that delays each answer")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("delay_ms", type=float)
    args = parser.parse_args(argv)
    relay = _Relay((args.host, args.port), args.delay_ms / 1000)
    print(relay.front.getsockname()[1], flush=True)
    print(_READY.decode(), end="", flush=True)
    relay.serve()


if __name__ == "__main__":
    main()
