"""A threaded HTTPS server for the lab that routes by Host header and path.

Later lab pieces (autodiscover, EWS, MAPI, the identity provider) register routes
on the same server. Handlers are plain functions returning a LabResponse, so a
fault scenario is just another handler.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class LabRequest:
    method: str
    host: str  # from the Host header, lowercased, without port
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class LabResponse:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/plain; charset=utf-8"


Handler = Callable[[LabRequest], LabResponse]
MAX_REQUEST_BODY = 1024 * 1024


@dataclass
class _Routes:
    lock: threading.Lock = field(default_factory=threading.Lock)
    table: dict[tuple[str, str], Handler] = field(default_factory=dict)

    def find(self, host: str, path: str) -> Handler | None:
        with self.lock:
            return self.table.get((host, path)) or self.table.get(("*", path))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: _Routes
    tls: ssl.SSLContext

    def get_request(self) -> tuple[socket.socket, object]:
        sock, address = super().get_request()
        # Without this, delayed ACKs stall small responses by tens of ms (TESTING.md).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, address

    def finish_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        request.settimeout(5.0)
        try:
            tls_sock = self.tls.wrap_socket(request, server_side=True)
        except (OSError, ssl.SSLError):
            return  # a client that rejected our certificate: that is the test
        try:
            super().finish_request(tls_sock, client_address)
        finally:
            with contextlib.suppress(OSError):
                tls_sock.close()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # lab servers stay quiet; clients report what went wrong


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_REQUEST_BODY)) if length else b""
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = self.path.split("?")[0]
        handler = self.server.routes.find(host, path)
        request = LabRequest(self.command, host, self.path, dict(self.headers.items()), body)
        response = handler(request) if handler else LabResponse(404, b"not found")
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = do_POST = do_HEAD = _dispatch


class LabHttpsServer:
    def __init__(self, tls: ssl.SSLContext, host: str = "127.0.0.1") -> None:
        self._routes = _Routes()
        self._server = _Server((host, 0), _RequestHandler, bind_and_activate=True)
        self._server.routes = self._routes
        self._server.tls = tls
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def route(self, host: str, path: str, handler: Handler) -> None:
        """Serve `path` on virtual host `host` ('*' for any host)."""
        with self._routes.lock:
            self._routes.table[(host.lower(), path)] = handler

    def start(self) -> int:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"lab-https-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self.port

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(2)
            self._thread = None
        self._server.server_close()
