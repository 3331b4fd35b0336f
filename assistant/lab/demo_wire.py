"""Lines in and out of one demo responder session (demo_imap.py, demo_pop.py), bounded.

A client of the demo is the assistant itself, but the listeners are on loopback where
anything can connect, so every read is limited: a line to MAX_LINE bytes, an IMAP
literal to MAX_LITERAL, a session to MAX_COMMANDS commands and IDLE_LIMIT seconds of
silence, the parenthesised nesting of a command to MAX_DEPTH, a TLS handshake to
HANDSHAKE_TIMEOUT. Going over any of them ends that session (Hostile), never the server;
demo_mailserver.MAX_SESSIONS bounds how many run at once.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time

MAX_LINE = 8192
MAX_LITERAL = 65536
MAX_COMMANDS = 2000
MAX_DEPTH = 8
IDLE_LIMIT = 120.0  # seconds without a line before the session is dropped (autologout)
POLL = 0.2  # how often a blocked read looks at the stop flag
LINGER = 1.0  # seconds a closing session drains what the client still sends
HANDSHAKE_TIMEOUT = 10.0  # a client that never finishes TLS does not keep its slot longer


class Hostile(Exception):
    """The client broke a limit: the session ends with the message as its last word."""


class Closed(Exception):
    """The client went away, or the server is stopping."""


class LineSocket:
    """Buffered CRLF lines (and literals) over a socket that may become TLS midway."""

    def __init__(self, sock: socket.socket, stopping: object) -> None:
        self.sock = sock
        self._buffer = bytearray()
        self._stopping = stopping  # a threading.Event; set when the server stops
        self.commands = 0
        sock.settimeout(POLL)

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError as error:
            raise Closed(str(error)) from None

    def line(self, data: str) -> None:
        self.send(data.encode("utf-8") + b"\r\n")

    def start_tls(self, context: ssl.SSLContext) -> None:
        """Anything the client pipelined after STARTTLS is dropped (RFC 3207's rule)."""
        self._buffer.clear()
        self.sock.settimeout(HANDSHAKE_TIMEOUT)
        try:
            self.sock = context.wrap_socket(self.sock, server_side=True)
        except (OSError, ssl.SSLError) as error:
            raise Closed(f"TLS handshake: {error}") from None
        self.sock.settimeout(POLL)

    def pending(self) -> bool:
        return b"\n" in self._buffer

    def _fill(self, until: float | None) -> bool:
        """Read what arrives; False when nothing came before POLL (and `until` is not over)."""
        if getattr(self._stopping, "is_set")():  # noqa: B009 - any Event-like object
            raise Closed("the server is stopping")
        try:
            chunk = self.sock.recv(65536)
        except (TimeoutError, ssl.SSLWantReadError):
            if until is not None and time.monotonic() > until:
                raise Closed("the client said nothing for too long") from None
            return False
        except OSError as error:
            raise Closed(str(error)) from None
        if not chunk:
            raise Closed("the client hung up")
        self._buffer += chunk
        return True

    def read_line(self, *, wait: float | None = IDLE_LIMIT) -> bytes | None:
        """One line without its CRLF; None when `wait` passed first (wait=None: one poll)."""
        until = None if wait is None else time.monotonic() + wait
        while True:
            end = self._buffer.find(b"\n", 0, MAX_LINE + 2)
            if end >= 0:
                line = bytes(self._buffer[:end]).rstrip(b"\r")
                del self._buffer[: end + 1]
                return line
            if len(self._buffer) > MAX_LINE:
                raise Hostile("Line too long.")
            if not self._fill(until) and wait is None:
                return None

    def read_exact(self, size: int) -> bytes:
        if size > MAX_LITERAL:
            raise Hostile("Literal too large.")
        until = time.monotonic() + IDLE_LIMIT
        while len(self._buffer) < size:
            self._fill(until)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def counted(self) -> None:
        self.commands += 1
        if self.commands > MAX_COMMANDS:
            raise Hostile("Too many commands.")

    def close(self) -> None:
        """A lingering close: what the client still sends is read and dropped for a
        moment, so the kernel does not answer it with a reset that could destroy our
        last words (a BYE) before the client reads them."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_WR)
            until = time.monotonic() + LINGER
            while time.monotonic() < until and self.sock.recv(65536):
                pass
        with contextlib.suppress(OSError):
            self.sock.close()
