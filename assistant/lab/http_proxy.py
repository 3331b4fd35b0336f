"""A corporate web proxy on loopback: HTTP CONNECT tunnels (and absolute-form plain HTTP),
with the ways real proxies say no.

- `refuse`: host names (or "host:port") the proxy answers 403 for, as a URL filter does;
- `require_sign_in`: every request gets 407 with `Proxy-Authenticate: Negotiate, NTLM`,
  as an authenticating proxy answers a client that has not signed in.

Every request is logged (`seen`) so tests can prove which traffic went through it.
The proxy connects to the host and port the client names; in the lab the client has
already applied its --connect-to map, so those are 127.0.0.1 and a lab port.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import socketserver
import threading
from collections.abc import Iterable
from dataclasses import dataclass

IDLE = 10.0  # seconds a tunnel may sit idle before the proxy drops it
CONNECT_TIMEOUT = 3.0
MAX_HEAD = 16 * 1024


@dataclass(frozen=True)
class ProxyRequest:
    method: str  # CONNECT, GET, POST ...
    target: str  # "host:port" for CONNECT, the absolute URL otherwise
    answer: int  # what the proxy answered (200 for an opened tunnel)


class LabHttpProxy:
    def __init__(
        self, *, refuse: Iterable[str] = (), require_sign_in: bool = False, host: str = "127.0.0.1"
    ) -> None:
        self.refuse = {r.lower() for r in refuse}
        self.require_sign_in = require_sign_in
        self._lock = threading.Lock()
        self._seen: list[ProxyRequest] = []
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer((host, 0), Handler, bind_and_activate=True)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, name="lab-proxy"
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def seen(self) -> tuple[ProxyRequest, ...]:
        with self._lock:
            return tuple(self._seen)

    def start(self) -> LabHttpProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=2)

    def __enter__(self) -> LabHttpProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- one client connection -------------------------------------------------------------

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(IDLE)
        try:
            head, rest = _read_head(client)
        except OSError:
            return
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        if len(parts) != 3:
            self._answer(client, "?", request_line, 400, "Bad Request")
            return
        method, target, _version = parts
        host, port, origin_line = _destination(method, target, _version)
        if host is None:
            self._answer(client, method, target, 400, "Bad Request")
            return
        if self.require_sign_in:
            self._answer(
                client,
                method,
                target,
                407,
                "Proxy Authentication Required",
                b"Proxy-Authenticate: Negotiate\r\nProxy-Authenticate: NTLM\r\n",
            )
            return
        if host.lower() in self.refuse or f"{host.lower()}:{port}" in self.refuse:
            self._answer(client, method, target, 403, "Forbidden")
            return
        try:
            upstream = socket.create_connection((host, port), timeout=CONNECT_TIMEOUT)
        except OSError:
            self._answer(client, method, target, 502, "Bad Gateway")
            return
        with upstream:
            self._log(method, target, 200)
            if method == "CONNECT":
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            else:  # plain HTTP: pass the request on in origin form
                upstream.sendall(origin_line + head.split(b"\r\n", 1)[1] + b"\r\n\r\n")
            if rest:
                upstream.sendall(rest)
            _pump(client, upstream)

    def _answer(
        self,
        client: socket.socket,
        method: str,
        target: str,
        status: int,
        reason: str,
        headers: bytes = b"",
    ) -> None:
        self._log(method, target, status)
        body = f"{status} {reason}\n".encode()
        with contextlib.suppress(OSError):
            client.sendall(
                f"HTTP/1.1 {status} {reason}\r\n".encode()
                + headers
                + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                + body
            )

    def _log(self, method: str, target: str, status: int) -> None:
        with self._lock:
            self._seen.append(ProxyRequest(method, target, status))


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk or len(data) > MAX_HEAD:
            raise ConnectionResetError("no request")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head, rest


def _destination(method: str, target: str, version: str) -> tuple[str | None, int, bytes]:
    """Where the request goes, and (for plain HTTP) its request line in origin form."""
    if method == "CONNECT":
        host, _, port = target.rpartition(":")
        host = host.strip("[]")
        return (host or None), int(port) if port.isdigit() else 0, b""
    if not target.lower().startswith("http://"):
        return None, 0, b""
    authority, _, path = target[len("http://") :].partition("/")
    host, _, port = authority.rpartition(":") if ":" in authority else (authority, "", "80")
    line = f"{method} /{path} {version}\r\n".encode("latin-1")
    return host or None, int(port) if port.isdigit() else 80, line


def _pump(a: socket.socket, b: socket.socket) -> None:
    """Copies bytes both ways until either side closes or the tunnel idles out."""
    with selectors.DefaultSelector() as sel:
        sel.register(a, selectors.EVENT_READ, b)
        sel.register(b, selectors.EVENT_READ, a)
        while True:
            ready = sel.select(timeout=IDLE)
            if not ready:
                return
            for key, _ in ready:
                source: socket.socket = key.fileobj  # type: ignore[assignment]
                try:
                    data = source.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                try:
                    key.data.sendall(data)
                except OSError:
                    return
