"""Latency and black holes for the lab: a wide-area network on loopback.

    with Lab(latency=Latency(connect_ms=150, reply_ms=150, black_holes={"ad-x.test"})):
        ...

`Latency` says what to inject; `LatencyFront` does it for TCP. It sits between the
connect-to rules and the lab's listeners: each lab listener gets one relay port, and the
rules send every connection there instead. The relay (one thread, one selector loop for
every listener and connection) waits `connect_ms` before it connects through, forwards
what the client sends at once, and holds each chunk the server sends (each reply) for
`reply_ms` before passing it on, in order. A chunk is held `reply_ms` from its arrival,
not from the previous chunk's release, so a long answer costs one delay, as the
propagation delay of a real path does. Buffers are bounded both ways: a side stops
being read while its bytes wait.

On loopback a client's connect() completes in the kernel before anyone accepts, so the
connect delay shows as a later first byte, not a slower connect(). DNS answers are
delayed in the lab DNS server itself (LabDnsServer's `reply_delay`).

A black-holed host (every port the lab routes for it, and 80 and 443) or host:port is
sent to one `BlackHole` listener instead, which drops SYNs as a firewall drops packets.
"""

from __future__ import annotations

import collections
import contextlib
import errno
import heapq
import itertools
import selectors
import socket
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.config import ConnectTo, HostPort
from assistant.lab.black_hole import BlackHole

POLL = 0.5  # seconds the loop sleeps at most; stop() wakes it at once anyway
BUFFER_LIMIT = 256 * 1024  # bytes held per direction before that side stops being read
_CHUNK = 64 * 1024
_BLACK_HOLE_PORTS = (80, 443)
THREAD_NAME = "lab-latency"  # each relay's thread: lab-latency-<n>
_RELAY_NUMBERS = itertools.count(1)
_CONNECTING = (0, errno.EINPROGRESS, errno.EWOULDBLOCK)  # a non-blocking connect under way


@dataclass(frozen=True)
class Latency:
    """What the lab injects: a delay per connect and per reply (milliseconds), and the
    hosts ("name") or ports ("name:port") whose packets are dropped."""

    connect_ms: int = 0
    reply_ms: int = 0
    black_holes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.connect_ms < 0 or self.reply_ms < 0:
            raise ValueError("lab delays cannot be negative")
        object.__setattr__(
            self, "black_holes", frozenset(h.lower().rstrip(".") for h in self.black_holes)
        )

    @property
    def delays(self) -> bool:
        return bool(self.connect_ms or self.reply_ms)

    @property
    def active(self) -> bool:
        return self.delays or bool(self.black_holes)

    def black_holed(self, host: str, port: int) -> bool:
        host = host.lower().rstrip(".")
        return host in self.black_holes or f"{host}:{port}" in self.black_holes


@dataclass
class RelayStats:
    """What the relay did (a snapshot): counters that tests assert instead of clocks."""

    connections: int = 0
    connects_delayed: int = 0
    replies_delayed: int = 0  # server-to-client chunks held before they were passed on
    shortest_hold: float | None = None  # seconds, the least any such chunk was held
    open_connections: int = 0


@dataclass(frozen=True)
class _Upstream:
    """A relay listener's selector data: where its connections go."""

    address: tuple[str, int]


@dataclass(eq=False)
class _Pipe:
    """One client connection and its upstream."""

    client: socket.socket
    upstream_address: tuple[str, int]
    upstream: socket.socket | None = None
    connecting: bool = False
    to_upstream: bytearray = field(default_factory=bytearray)
    held: collections.deque[tuple[float, float, bytes | None]] = field(
        default_factory=collections.deque
    )  # (due, arrived, chunk); None is the upstream's end of stream
    held_bytes: int = 0
    to_client: bytearray = field(default_factory=bytearray)
    client_eof: bool = False
    upstream_eof: bool = False  # read from upstream (maybe not yet passed on)
    ending: bool = False  # the upstream's end was passed on: close once to_client is sent
    closed: bool = False


class LatencyRelay:
    """Relay listeners in front of TCP servers, all served by one thread."""

    def __init__(self, connect_delay: float, reply_delay: float) -> None:
        self.connect_delay = connect_delay
        self.reply_delay = reply_delay
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._listeners: list[socket.socket] = []
        self._pipes: set[_Pipe] = set()
        self._timers: list[tuple[float, int, _Pipe]] = []
        self._order = itertools.count()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stats = RelayStats()
        self.thread_name = f"{THREAD_NAME}-{next(_RELAY_NUMBERS)}"

    def add(self, upstream: tuple[str, int]) -> int:
        """A relay port in front of `upstream`; call before start()."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        sock.setblocking(False)
        self._listeners.append(sock)
        self._selector.register(sock, selectors.EVENT_READ, _Upstream(upstream))
        return int(sock.getsockname()[1])

    @property
    def stats(self) -> RelayStats:
        with self._lock:
            return RelayStats(**vars(self._stats))

    def start(self) -> LatencyRelay:
        self._thread = threading.Thread(target=self._serve, name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None
        for pipe in list(self._pipes):
            self._close(pipe)
        for sock in (*self._listeners, self._wake_r, self._wake_w):
            with contextlib.suppress(OSError):
                sock.close()
        self._listeners.clear()
        self._selector.close()

    # -- the loop ----------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            timeout = POLL
            if self._timers:
                timeout = max(0.0, min(POLL, self._timers[0][0] - time.monotonic()))
            for key, mask in self._selector.select(timeout):
                if key.data is None:  # woken by stop()
                    return
                if isinstance(key.data, _Upstream):
                    assert isinstance(key.fileobj, socket.socket)
                    self._accept(key.fileobj, key.data.address)
                    continue
                pipe, side = key.data
                if not pipe.closed:
                    self._on_ready(pipe, side, mask)
            self._run_timers()

    def _accept(self, listener: socket.socket, upstream: tuple[str, int]) -> None:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        client.setblocking(False)
        pipe = _Pipe(client, upstream)
        self._pipes.add(pipe)
        self._selector.register(client, selectors.EVENT_READ, (pipe, "client"))
        with self._lock:
            self._stats.connections += 1
            self._stats.open_connections += 1
            if self.connect_delay:
                self._stats.connects_delayed += 1
        if self.connect_delay:
            self._at(time.monotonic() + self.connect_delay, pipe)
        else:
            self._connect(pipe)

    def _at(self, due: float, pipe: _Pipe) -> None:
        heapq.heappush(self._timers, (due, next(self._order), pipe))

    def _run_timers(self) -> None:
        now = time.monotonic()
        while self._timers and self._timers[0][0] <= now:
            _, _, pipe = heapq.heappop(self._timers)
            if pipe.closed:
                continue
            if pipe.upstream is None:
                self._connect(pipe)
            else:
                self._release(pipe, now)

    def _connect(self, pipe: _Pipe) -> None:
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        upstream.setblocking(False)
        pipe.upstream, pipe.connecting = upstream, True
        self._selector.register(upstream, selectors.EVENT_WRITE, (pipe, "upstream"))
        if upstream.connect_ex(pipe.upstream_address) not in _CONNECTING:
            self._close(pipe)  # refused at once

    def _on_ready(self, pipe: _Pipe, side: str, mask: int) -> None:
        try:
            if side == "client":
                if mask & selectors.EVENT_READ:
                    self._read_client(pipe)
                if mask & selectors.EVENT_WRITE and not pipe.closed:
                    self._flush_client(pipe)
            else:
                if pipe.connecting:
                    assert pipe.upstream is not None
                    if pipe.upstream.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                        self._close(pipe)
                        return
                    pipe.connecting = False
                if mask & selectors.EVENT_READ:
                    self._read_upstream(pipe)
                if not pipe.closed:
                    self._flush_upstream(pipe)
        except OSError:
            self._close(pipe)
            return
        if not pipe.closed:
            self._interest(pipe)

    def _read_client(self, pipe: _Pipe) -> None:
        data = pipe.client.recv(_CHUNK)
        if data:
            pipe.to_upstream += data
        else:
            pipe.client_eof = True
        if pipe.upstream is not None and not pipe.connecting:
            self._flush_upstream(pipe)

    def _flush_upstream(self, pipe: _Pipe) -> None:
        assert pipe.upstream is not None
        if pipe.to_upstream:
            sent = pipe.upstream.send(pipe.to_upstream)
            del pipe.to_upstream[:sent]
        if pipe.client_eof and not pipe.to_upstream:
            with contextlib.suppress(OSError):
                pipe.upstream.shutdown(socket.SHUT_WR)

    def _read_upstream(self, pipe: _Pipe) -> None:
        assert pipe.upstream is not None
        data = pipe.upstream.recv(_CHUNK)
        now = time.monotonic()
        pipe.held.append((now + self.reply_delay, now, data or None))
        pipe.held_bytes += len(data)
        if not data:
            pipe.upstream_eof = True
        if self.reply_delay:
            self._at(now + self.reply_delay, pipe)
        else:
            self._release(pipe, now)

    def _release(self, pipe: _Pipe, now: float) -> None:
        """Pass on every held chunk that is due, oldest first."""
        while pipe.held and pipe.held[0][0] <= now:
            _, arrived, chunk = pipe.held.popleft()
            if chunk is None:
                pipe.ending = True
                continue
            pipe.held_bytes -= len(chunk)
            pipe.to_client += chunk
            if self.reply_delay:
                with self._lock:
                    stats = self._stats
                    stats.replies_delayed += 1
                    held_for = now - arrived
                    if stats.shortest_hold is None or held_for < stats.shortest_hold:
                        stats.shortest_hold = held_for
        try:
            self._flush_client(pipe)
        except OSError:
            self._close(pipe)
            return
        if not pipe.closed:
            self._interest(pipe)

    def _flush_client(self, pipe: _Pipe) -> None:
        if pipe.to_client:
            sent = pipe.client.send(pipe.to_client)
            del pipe.to_client[:sent]
        if pipe.ending and not pipe.to_client:
            self._close(pipe)

    def _interest(self, pipe: _Pipe) -> None:
        """Read a side only while what it sent has room to wait; write while there is
        something to write."""
        client = 0
        if not pipe.client_eof and len(pipe.to_upstream) < BUFFER_LIMIT:
            client |= selectors.EVENT_READ
        if pipe.to_client:
            client |= selectors.EVENT_WRITE
        self._set(pipe.client, client, (pipe, "client"))
        if pipe.upstream is None:
            return
        upstream = selectors.EVENT_WRITE if pipe.connecting or pipe.to_upstream else 0
        reading = not pipe.connecting and not pipe.upstream_eof
        if reading and pipe.held_bytes + len(pipe.to_client) < BUFFER_LIMIT:
            upstream |= selectors.EVENT_READ
        self._set(pipe.upstream, upstream, (pipe, "upstream"))

    def _set(self, sock: socket.socket, events: int, data: object) -> None:
        registered = sock in self._selector.get_map()
        if events and registered:
            self._selector.modify(sock, events, data)
        elif events:
            self._selector.register(sock, events, data)
        elif registered:
            self._selector.unregister(sock)

    def _close(self, pipe: _Pipe) -> None:
        if pipe.closed:
            return
        pipe.closed = True
        self._pipes.discard(pipe)
        for sock in (pipe.client, pipe.upstream):
            if sock is None:
                continue
            with contextlib.suppress(KeyError, ValueError, RuntimeError):
                self._selector.unregister(sock)
            with contextlib.suppress(OSError):
                sock.close()
        with self._lock:
            self._stats.open_connections -= 1


class LatencyFront:
    """The lab's connect-to rules, rewritten to pass through the relay or into the black
    hole. Built when the lab starts, from the rules as they are then."""

    def __init__(self, latency: Latency) -> None:
        self.latency = latency
        self.relay = LatencyRelay(latency.connect_ms / 1000, latency.reply_ms / 1000)
        self.black_hole: BlackHole | None = None
        self._relay_port: dict[HostPort, int] = {}

    def start(self, rules: Sequence[ConnectTo], direct_ports: Iterable[int] = ()) -> None:
        """Relay every destination in `rules` but `direct_ports` (a closed port must stay
        refused: a relay would accept, then hang up)."""
        keep = set(direct_ports)
        if self.latency.black_holes:
            self.black_hole = BlackHole()
        if self.latency.delays:
            for dest in sorted({r.dest for r in rules if r.dest.port not in keep}, key=str):
                self._relay_port[dest] = self.relay.add((dest.host, dest.port))
        self.relay.start()

    def stop(self) -> None:
        self.relay.stop()
        if self.black_hole is not None:
            self.black_hole.close()

    def route(self, rules: Sequence[ConnectTo]) -> tuple[ConnectTo, ...]:
        """`rules` with each destination replaced by its relay or the black hole; bare
        black-holed hosts also get their web ports, host:port ones that port."""
        routed = [ConnectTo(r.source, self._dest(r.source, r.dest)) for r in rules]
        if self.black_hole is not None:
            sources = {r.source for r in rules}
            hole = HostPort("127.0.0.1", self.black_hole.port)
            for entry in sorted(self.latency.black_holes):
                host, _, port = entry.rpartition(":") if ":" in entry else (entry, "", "")
                ports = (int(port),) if port else _BLACK_HOLE_PORTS
                routed += [
                    ConnectTo(HostPort(host, p), hole)
                    for p in ports
                    if HostPort(host, p) not in sources
                ]
        return tuple(routed)

    def _dest(self, source: HostPort, dest: HostPort) -> HostPort:
        if self.black_hole is not None and self.latency.black_holed(source.host, source.port):
            return HostPort("127.0.0.1", self.black_hole.port)
        port = self._relay_port.get(dest)
        return dest if port is None else HostPort("127.0.0.1", port)
