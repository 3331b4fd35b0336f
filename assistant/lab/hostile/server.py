"""One small TCP server that plays scripted hostile behaviours, one listener each.

A script is a function of a `Conn`: it greets, reads, and sends whatever the behaviour
calls for (a 100 MB body, a 10,000-line EHLO, one byte a second...). Each connection
gets its own daemon thread named `lab-hostile-<behaviour>`; `stop()` sets a flag every
endless script looks at, closes every socket, and joins the threads, so nothing
outlives the lab. Every byte a listener receives is kept (up to RECEIVED_CAP) so the
tests can look for a credential the client should not have sent.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

RECEIVED_CAP = 1024 * 1024  # bytes kept per listener: plenty for any credential
_SEND_TIMEOUT = 0.5  # a send that blocks this long is retried while the lab runs
_JOIN_BUDGET = 2.0


class Stopped(Exception):
    """The lab is stopping, or the client went away: the script ends quietly."""


@dataclass
class Received:
    data: bytearray = field(default_factory=bytearray)
    connections: int = 0


class Conn:
    """The server's side of one connection, with helpers that give up when the lab stops
    or the client hangs up (raising Stopped)."""

    def __init__(self, sock: socket.socket, stop: threading.Event, received: Received) -> None:
        self.sock: socket.socket = sock
        self._stop = stop
        self._received = received
        self._buffer = b""
        sock.settimeout(_SEND_TIMEOUT)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            if self._stop.is_set():
                raise Stopped
            try:
                sent = self.sock.send(view)
            except (TimeoutError, ssl.SSLWantWriteError):
                continue
            except OSError as exc:
                raise Stopped from exc
            view = view[sent:]

    def recv(self) -> bytes:
        """Some bytes from the client; Stopped at end of stream or when the lab stops."""
        if self._buffer:
            data, self._buffer = self._buffer, b""
            return data
        return self._read()

    def _read(self) -> bytes:
        while True:
            if self._stop.is_set():
                raise Stopped
            try:
                data = self.sock.recv(65536)
            except (TimeoutError, ssl.SSLWantReadError):
                continue
            except OSError as exc:
                raise Stopped from exc
            if not data:
                raise Stopped
            room = RECEIVED_CAP - len(self._received.data)
            if room > 0:
                self._received.data += data[:room]
            return data

    def line(self) -> bytes:
        """One line from the client (without CRLF)."""
        while b"\n" not in self._buffer:
            self._buffer += self._read()
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.rstrip(b"\r")

    def http_request(self) -> bytes:
        """Read one HTTP request's head and body (Content-Length only); returns the head."""
        while b"\r\n\r\n" not in self._buffer:
            self._buffer += self._read()
        head, _, rest = self._buffer.partition(b"\r\n\r\n")
        length = 0
        for raw in head.split(b"\r\n")[1:]:
            name, _, value = raw.partition(b":")
            if name.strip().lower() == b"content-length" and value.strip().isdigit():
                length = int(value.strip())
        while len(rest) < length:
            rest += self._read()
        self._buffer = rest[length:]
        return head

    def start_tls(self, context: ssl.SSLContext) -> None:
        self.sock.settimeout(2.0)  # the client's handshake, or none
        try:
            self.sock = context.wrap_socket(self.sock, server_side=True)
        except (OSError, ssl.SSLError) as exc:
            raise Stopped from exc
        self.sock.settimeout(_SEND_TIMEOUT)

    def hold(self) -> None:
        """Keep the connection open, saying nothing, until the client or the lab ends it."""
        while True:
            self.recv()

    def sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise Stopped


Script = Callable[[Conn], None]


class ScriptServer:
    """Listeners on 127.0.0.1, each playing one script for every connection."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._listeners: list[socket.socket] = []
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self.received: dict[str, Received] = {}

    def add(self, name: str, script: Script) -> int:
        """A listener for `name` playing `script`; returns its port."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        self._listeners.append(sock)
        self.received[name] = Received()
        thread = threading.Thread(
            target=self._accept, args=(name, sock, script), name=f"lab-hostile-{name}", daemon=True
        )
        self._threads.append(thread)
        thread.start()
        return int(sock.getsockname()[1])

    def _accept(self, name: str, listener: socket.socket, script: Script) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return  # closed by stop()
            with self._lock:
                if self._stop.is_set():
                    conn.close()
                    return
                self._open.add(conn)
                self.received[name].connections += 1
            thread = threading.Thread(
                target=self._play,
                args=(name, conn, script),
                name=f"lab-hostile-{name}",
                daemon=True,
            )
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()] + [thread]
            thread.start()

    def _play(self, name: str, sock: socket.socket, script: Script) -> None:
        conn = Conn(sock, self._stop, self.received[name])
        try:
            script(conn)
        except (Stopped, OSError, ssl.SSLError):
            pass  # the client gave up or the lab stops: that is the scenario
        finally:
            for one in {sock, conn.sock}:
                with contextlib.suppress(OSError):
                    one.close()
            with self._lock:
                self._open.discard(sock)

    def stop(self) -> None:
        self._stop.set()
        for sock in self._listeners:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()
        with self._lock:
            still_open, threads = list(self._open), list(self._threads)
        for sock in still_open:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        per_thread = _JOIN_BUDGET / max(len(threads), 1)
        for thread in threads:
            thread.join(max(per_thread, 0.05))
