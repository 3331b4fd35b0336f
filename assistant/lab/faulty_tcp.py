"""Servers that misbehave below the protocol: for the mail checks' fault scenarios.

- SILENT: accepts the TCP connection and never sends a byte (a hung server, or a
  firewall that completes the handshake and then drops everything).
- SCRIPTED: optionally completes a TLS handshake, sends a fixed `payload` (typically
  the first part of a greeting, cut off mid-line) and hangs up.

A TLS-1.0-only server is SCRIPTED with `tls10_context()`. One thread (lab-faulty-tcp)
serves every listener; each listener is bound to port 0 on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import enum
import selectors
import socket
import ssl
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.lab.pki import CertVariant, LabPKI

POLL = 0.1  # seconds between looks at the stop flag
HANDSHAKE_TIMEOUT = 2.0


class Behaviour(enum.Enum):
    SILENT = "silent"
    SCRIPTED = "scripted"


@dataclass(frozen=True)
class FaultSpec:
    behaviour: Behaviour
    tls: ssl.SSLContext | None = None  # SCRIPTED: handshake first, as the server
    payload: bytes = b""  # SCRIPTED: sent (after TLS), then the connection is closed


def tls10_context(pki: LabPKI, hostnames: Sequence[str]) -> ssl.SSLContext:
    """A server context that speaks TLS 1.0 and nothing newer, like an old appliance.

    OpenSSL 3 refuses TLS 1.0 at its default security level; level 0 allows it.
    """
    cert, key = pki.server_files(hostnames, CertVariant.GOOD)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    with warnings.catch_warnings():
        # Naming TLS 1.0 is deprecated in Python's ssl module: that is the point here.
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = ssl.TLSVersion.TLSv1
        ctx.maximum_version = ssl.TLSVersion.TLSv1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx


class FaultyTcpServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self._selector = selectors.DefaultSelector()
        self._listeners: list[socket.socket] = []
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, spec: FaultSpec) -> int:
        """A new listener with this behaviour; returns its port."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        sock.listen(16)
        sock.setblocking(False)
        self._listeners.append(sock)
        self._selector.register(sock, selectors.EVENT_READ, spec)
        return int(sock.getsockname()[1])

    def start(self) -> FaultyTcpServer:
        self._thread = threading.Thread(target=self._serve, name="lab-faulty-tcp", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None
        for sock in self._listeners + self._held:
            with contextlib.suppress(OSError):
                sock.close()
        self._listeners.clear()
        self._held.clear()
        self._selector.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            for key, _ in self._selector.select(POLL):
                listener = key.fileobj
                assert isinstance(listener, socket.socket)
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                self._handle(conn, key.data)

    def _handle(self, conn: socket.socket, spec: FaultSpec) -> None:
        if spec.behaviour is Behaviour.SILENT:
            self._held.append(conn)  # kept open, never written to, closed at stop()
            return
        conn.settimeout(HANDSHAKE_TIMEOUT)
        stream: socket.socket = conn
        try:
            if spec.tls is not None:
                stream = spec.tls.wrap_socket(conn, server_side=True)
            if spec.payload:
                stream.sendall(spec.payload)
        except OSError:
            pass  # the client gave up or refused our TLS: that is the scenario
        finally:
            with contextlib.suppress(OSError):
                stream.close()
            with contextlib.suppress(OSError):
                conn.close()
