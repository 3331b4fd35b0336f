"""An authoritative DNS server on loopback that plays "the whole DNS" for lab names.

Tests, the demo mode and the benchmarks point the DNS client at ``127.0.0.1:<port>``.
The server answers from an in-memory record set (``contoso.test``, fake Microsoft names
such as ``contoso-test.mail.protection.outlook.com``) and pretends to be a recursive
resolver: it follows CNAME chains across every loaded zone, as a resolver would.

What it gets right, because the client's verdicts depend on it:

* AA on authoritative answers, RA always, the question and ID echoed, EDNS answered
  with EDNS (and the DO bit echoed), CD copied.
* NXDOMAIN versus NODATA (empty non-terminals exist), each with the zone's SOA in
  AUTHORITY, its TTL capped by the SOA minimum (RFC 2308).
* CNAME chains followed across zones; a loop stops with NOERROR and the chain so far
  (as BIND does); chains are capped at 16 CNAMEs; a dangling chain gives NXDOMAIN.
* Names outside every zone get REFUSED.
* Leftmost ``*`` wildcards with RFC 4592 closest-encloser semantics.
* UDP truncation (512 bytes without EDNS, otherwise the client's payload size) with TC
  and an empty answer; TCP (length-prefixed, several queries per connection, idle
  connections closed) carries the full answer.
* AD for names in ``signed_zones`` when the query had AD or DO (no real signatures).
* Faults per name: SERVFAIL, REFUSED, or SILENT (never answer).
* ``reply_delay``: every answer, UDP or TCP, leaves that many seconds after its query
  came (lab latency, assistant/lab/latency.py); UDP answers wait in a queue, in order.

Zones: a name that owns an SOA record is a zone apex. A record that no SOA covers gets
a synthesized zone at its last two labels (``outlook.com`` for
``contoso-test.mail.protection.outlook.com``) with a synthetic SOA, so negative answers
always carry an SOA. Records are indexed by name, so a query costs the same with three
records or thirty thousand.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import selectors
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.opcode
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.CNAME
import dns.rdtypes.ANY.SOA
import dns.rrset

from assistant.lab.dns_zone import Fault, Outcome, Record, ZoneIndex, parse_name, resolve

_PLAIN_UDP_LIMIT = 512  # RFC 1035 limit for a UDP message without EDNS
_OUR_PAYLOAD = 1232  # the EDNS payload size we advertise (DNS flag day 2020)
_TCP_LIMIT = 65535
_BIND_ATTEMPTS = 20
_JOIN_BUDGET = 1.0  # seconds stop() waits for the server threads, all together
_TCP_SEND_TIMEOUT = 2.0
_UDP_BURST = 64  # datagrams read per wake-up before looking at other sockets
_THREAD_PREFIX = "lab-dns"


@dataclass
class _Serving:
    """Sockets and threads of one start()..stop() run."""

    udp: socket.socket
    tcp: socket.socket
    wake_r: socket.socket
    wake_w: socket.socket
    address: tuple[str, int]
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    threads: list[threading.Thread] = field(default_factory=list)
    connections: dict[threading.Thread, socket.socket] = field(default_factory=dict)
    next_connection: int = 0
    # UDP answers held for reply_delay: (due, order, reply, peer), soonest first.
    held: list[tuple[float, int, bytes, tuple[str, int]]] = field(default_factory=list)
    held_order: itertools.count[int] = field(default_factory=itertools.count)


def _log_unexpected(what: str) -> None:
    logging.getLogger(__name__).debug("lab DNS server: %s", what, exc_info=True)


class LabDnsServer:
    """An authoritative (and pretend-recursive) DNS server on UDP and TCP, same port."""

    def __init__(
        self,
        records: Iterable[Record],
        *,
        signed_zones: Iterable[str] = (),
        faults: Mapping[str, Fault] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        tcp_idle_timeout: float = 3.0,
        reply_delay: float = 0.0,
    ) -> None:
        self._lock = threading.Lock()
        self._index = ZoneIndex(records)
        self._signed = tuple(parse_name(zone) for zone in signed_zones)
        self._faults: dict[dns.name.Name, Fault] = {
            parse_name(name): fault for name, fault in (faults or {}).items()
        }
        self._host = host
        self._port = port
        self._tcp_idle_timeout = tcp_idle_timeout
        self.reply_delay = reply_delay
        self._query_count = 0
        self._serving: _Serving | None = None
        self._address: tuple[str, int] | None = None

    # -- life cycle --------------------------------------------------------------------

    def start(self) -> tuple[str, int]:
        """Bind UDP and TCP on one port, serve in daemon threads, return (host, port)."""
        with self._lock:
            if self._serving is not None:
                raise RuntimeError("the lab DNS server is already running")
            udp, tcp = self._bind()
            wake_r, wake_w = socket.socketpair()
            address = (self._host, int(udp.getsockname()[1]))
            serving = _Serving(udp, tcp, wake_r, wake_w, address)
            thread = threading.Thread(
                target=self._serve,
                args=(serving,),
                name=f"{_THREAD_PREFIX}-{address[1]}",
                daemon=True,
            )
            serving.threads.append(thread)
            self._serving = serving
            self._address = address
        thread.start()
        return address

    def stop(self) -> None:
        """Close the sockets and join the threads (within about a second). Idempotent."""
        with self._lock:
            serving, self._serving = self._serving, None
        if serving is None:
            return
        serving.stop.set()
        with contextlib.suppress(OSError):
            serving.wake_w.send(b"x")
        deadline = time.monotonic() + _JOIN_BUDGET
        for thread in serving.threads:  # the dispatcher: no new connections after it
            thread.join(max(0.0, deadline - time.monotonic()))
        with serving.lock:
            connections = list(serving.connections.items())
        for _, conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)  # wakes a thread stuck in send
        for thread, _ in connections:
            if thread.ident is not None:  # started
                thread.join(max(0.0, deadline - time.monotonic()))
        for sock in (serving.udp, serving.tcp, serving.wake_r, serving.wake_w):
            sock.close()

    def __enter__(self) -> LabDnsServer:
        if self._serving is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def address(self) -> tuple[str, int]:
        """(host, port) the server is (or was last) bound to."""
        if self._address is None:
            raise RuntimeError("the lab DNS server has not been started")
        return self._address

    @property
    def running(self) -> bool:
        return self._serving is not None

    @property
    def query_count(self) -> int:
        """Queries received that parsed as DNS queries (unanswered SILENT ones included)."""
        with self._lock:
            return self._query_count

    # -- live changes ------------------------------------------------------------------

    def set_fault(self, name: str, fault: Fault | None) -> None:
        """Make ``name`` (exactly that name) misbehave, or behave again with ``None``."""
        key = parse_name(name)
        with self._lock:
            faults = dict(self._faults)
            if fault is None:
                faults.pop(key, None)
            else:
                faults[key] = fault
            self._faults = faults

    def replace_records(self, records: Iterable[Record]) -> None:
        """Serve a new record set from the next query on."""
        index = ZoneIndex(records)  # parse outside the lock; queries keep flowing meanwhile
        with self._lock:
            self._index = index

    # -- answering ---------------------------------------------------------------------

    def handle_wire(self, wire: bytes, *, udp: bool) -> bytes | None:
        """The reply to one query in wire format, or None to stay silent."""
        try:
            query = dns.message.from_wire(wire)
        except Exception:  # malformed: a server ignores it
            return None
        if query.flags & dns.flags.QR:
            return None
        try:
            return self._reply(query, udp=udp)
        except Exception:
            _log_unexpected("failed to answer a query")
            return None

    def _reply(self, query: dns.message.Message, *, udp: bool) -> bytes | None:
        with self._lock:
            self._query_count += 1
            index = self._index
            faults = self._faults
        response = dns.message.make_response(
            query, recursion_available=True, our_payload=_OUR_PAYLOAD
        )
        response.flags |= query.flags & dns.flags.CD
        if query.edns >= 0 and query.ednsflags & dns.flags.DO:
            response.ednsflags |= dns.flags.DO

        outcome: Outcome | None
        if query.edns > 0:
            outcome = Outcome(dns.rcode.BADVERS, authoritative=False)
        elif query.opcode() != dns.opcode.QUERY:
            outcome = Outcome(dns.rcode.NOTIMP, authoritative=False)
        elif len(query.question) != 1:
            outcome = Outcome(dns.rcode.FORMERR, authoritative=False)
        else:
            question = query.question[0]
            outcome = resolve(index, faults, question.name, question.rdtype, question.rdclass)
        if outcome is None:
            return None

        response.set_rcode(outcome.rcode)
        response.answer = outcome.answer
        response.authority = outcome.authority
        if outcome.authoritative:
            response.flags |= dns.flags.AA
            wants_ad = bool(query.flags & dns.flags.AD) or bool(query.ednsflags & dns.flags.DO)
            if wants_ad and all(self._is_signed(name) for name in outcome.visited):
                response.flags |= dns.flags.AD

        if udp:
            limit = max(_PLAIN_UDP_LIMIT, query.payload) if query.edns >= 0 else _PLAIN_UDP_LIMIT
        else:
            limit = _TCP_LIMIT
        try:
            return response.to_wire(max_size=limit)
        except dns.exception.TooBig:
            pass
        response.answer = []
        response.authority = []
        response.additional = []
        response.flags |= dns.flags.TC
        try:
            return response.to_wire(max_size=limit)
        except dns.exception.TooBig:
            return None

    def _is_signed(self, name: dns.name.Name) -> bool:
        return any(name.is_subdomain(zone) for zone in self._signed)

    # -- sockets and threads -----------------------------------------------------------

    def _bind(self) -> tuple[socket.socket, socket.socket]:
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        attempts = _BIND_ATTEMPTS if self._port == 0 else 1
        last_error: OSError | None = None
        for _ in range(attempts):
            udp = socket.socket(family, socket.SOCK_DGRAM)
            tcp = socket.socket(family, socket.SOCK_STREAM)
            try:
                udp.bind((self._host, self._port))
                port = int(udp.getsockname()[1])
                tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                tcp.bind((self._host, port))
                tcp.listen(64)
            except OSError as exc:  # usually: TCP port taken while the UDP one was free
                udp.close()
                tcp.close()
                last_error = exc
                continue
            udp.setblocking(False)
            tcp.setblocking(False)
            return udp, tcp
        raise OSError(
            f"lab DNS server could not bind UDP and TCP on one port at {self._host}: {last_error}"
        )

    def _serve(self, serving: _Serving) -> None:
        """Dispatcher thread: UDP queries inline, TCP connections to their own threads."""
        with selectors.DefaultSelector() as selector:
            selector.register(serving.wake_r, selectors.EVENT_READ, "wake")
            selector.register(serving.udp, selectors.EVENT_READ, "udp")
            selector.register(serving.tcp, selectors.EVENT_READ, "tcp")
            while not serving.stop.is_set():
                self._send_held(serving)
                timeout = 0.5
                if serving.held:
                    timeout = max(0.0, min(timeout, serving.held[0][0] - time.monotonic()))
                try:
                    events = selector.select(timeout=timeout)
                except OSError:
                    _log_unexpected("select failed")
                    return
                for key, _ in events:
                    if key.data == "wake" or serving.stop.is_set():
                        return
                    try:
                        if key.data == "udp":
                            self._serve_udp(serving)
                        else:
                            self._accept(serving)
                    except Exception:
                        _log_unexpected("dispatcher error")

    def _serve_udp(self, serving: _Serving) -> None:
        for _ in range(_UDP_BURST):
            try:
                wire, peer = serving.udp.recvfrom(_TCP_LIMIT)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # e.g. an ICMP error reported on the socket
                continue
            reply = self.handle_wire(wire, udp=True)
            if reply is not None:
                due = time.monotonic() + self.reply_delay
                order = next(serving.held_order)  # equal due times keep their order
                heapq.heappush(serving.held, (due, order, reply, peer))
        self._send_held(serving)

    def _send_held(self, serving: _Serving) -> None:
        now = time.monotonic()
        while serving.held and serving.held[0][0] <= now:
            _, _, reply, peer = heapq.heappop(serving.held)
            with contextlib.suppress(OSError):
                serving.udp.sendto(reply, peer)

    def _accept(self, serving: _Serving) -> None:
        try:
            conn, _ = serving.tcp.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            _log_unexpected("accept failed")
            return
        conn.settimeout(_TCP_SEND_TIMEOUT)
        with serving.lock:
            serving.next_connection += 1
            thread = threading.Thread(
                target=self._serve_tcp,
                args=(serving, conn),
                name=f"{_THREAD_PREFIX}-{serving.address[1]}-tcp-{serving.next_connection}",
                daemon=True,
            )
            serving.connections[thread] = conn
        thread.start()

    def _serve_tcp(self, serving: _Serving, conn: socket.socket) -> None:
        """One TCP connection: length-prefixed queries until idle, EOF or stop."""
        buffer = bytearray()
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(serving.wake_r, selectors.EVENT_READ, "wake")
                selector.register(conn, selectors.EVENT_READ, "conn")
                idle_until = time.monotonic() + self._tcp_idle_timeout
                while not serving.stop.is_set():
                    remaining = idle_until - time.monotonic()
                    if remaining <= 0:
                        return
                    events = selector.select(timeout=remaining)
                    if any(key.data == "wake" for key, _ in events) or serving.stop.is_set():
                        return
                    if not events:
                        continue
                    chunk = conn.recv(_TCP_LIMIT)
                    if not chunk:
                        return
                    idle_until = time.monotonic() + self._tcp_idle_timeout
                    buffer += chunk
                    while len(buffer) >= 2:
                        size = int.from_bytes(buffer[:2], "big")
                        if len(buffer) < 2 + size:
                            break
                        wire = bytes(buffer[2 : 2 + size])
                        del buffer[: 2 + size]
                        reply = self.handle_wire(wire, udp=False)
                        if self.reply_delay and serving.stop.wait(self.reply_delay):
                            return
                        if reply is not None:
                            conn.sendall(len(reply).to_bytes(2, "big") + reply)
        except OSError:
            pass  # the client went away or stop() shut the socket down
        except Exception:
            _log_unexpected("TCP connection error")
        finally:
            conn.close()
            with serving.lock:
                serving.connections.pop(threading.current_thread(), None)
