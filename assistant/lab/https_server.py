"""A threaded HTTP(S) server for the lab that routes by Host header and path.

Lab pieces (mta-sts, autodiscover, EWS, MAPI, the identity provider) register routes;
handlers are plain functions of a LabRequest returning a LabResponse, so a fault
scenario is just another handler. One server listens per certificate variant (and
one without TLS for port 80); several servers may share one route table.

What a handler can ask for beyond a plain body: a streamed body (`chunks`, for the
50 MB scenario), a connection that never answers (`hang`), and per-connection state
(`request.connection`, for NTLM's three-message handshake). An optional `inspector`
sees every request before its handler: the lab uses it to log requests and every
credential that arrives, and to attach what the Authorization header proved.

Servers stay quiet (no tracebacks), name their threads `lab-*`, and `stop()` closes
every open connection so nothing outlives the lab.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class AuthInfo:
    """What the request's Authorization header (if any) proved."""

    scheme: str = ""  # "Basic", "Bearer", "NTLM", "Negotiate", or "" for none
    username: str | None = None
    valid: bool = False  # the credential matched an account in the lab directory
    challenge: str | None = None  # a token to send back in a 401 (NTLM's CHALLENGE message)


@dataclass(frozen=True)
class LabRequest:
    method: str
    host: str  # from the Host header, lowercased, without port
    path: str  # as sent, query string included
    headers: dict[str, str]
    body: bytes
    scheme: str = "https"
    port: int = 0  # the lab port that received it
    sni: str | None = None
    server: str = ""  # which lab server: "good", "expired", "http", ...
    auth: AuthInfo = field(default_factory=AuthInfo)
    connection: dict[str, object] = field(default_factory=dict)  # lives as long as the TCP link

    @property
    def route_path(self) -> str:
        return urlsplit(self.path).path

    @property
    def query(self) -> dict[str, str]:
        return {k.lower(): v for k, v in parse_qsl(urlsplit(self.path).query)}

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def url(self) -> str:
        return f"{self.scheme}://{self.host}{self.path}"


@dataclass(frozen=True)
class LabResponse:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    content_type: str = "text/plain; charset=utf-8"
    chunks: Callable[[], Iterator[bytes]] | None = None  # streamed instead of `body`
    length: int | None = None  # Content-Length for `chunks` (None: chunked encoding)
    hang: bool = False  # read the request, then never answer (until the lab stops)
    server: str = "Microsoft-IIS/10.0"


Handler = Callable[[LabRequest], LabResponse]
Inspector = Callable[[LabRequest], LabRequest]
MAX_REQUEST_BODY = 1024 * 1024
_CONNECTION_TIMEOUT = 5.0
_STOP_BUDGET = 2.0  # seconds stop() waits for connection threads, all together


@dataclass(frozen=True)
class _Route:
    host: str
    path: str  # lowercased
    handler: Handler
    prefix: bool


class Routes:
    """(host, path) -> handler. Paths match case-insensitively, as IIS does; a prefix
    route serves everything below it, the longest prefix wins; host '*' is a fallback."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._exact: dict[tuple[str, str], Handler] = {}
        self._prefixes: list[_Route] = []

    def add(self, host: str, path: str, handler: Handler, *, prefix: bool = False) -> None:
        key = (host.lower(), path.lower())
        with self._lock:
            if prefix:
                self._prefixes = [r for r in self._prefixes if (r.host, r.path) != key] + [
                    _Route(key[0], key[1], handler, True)
                ]
                self._prefixes.sort(key=lambda r: len(r.path), reverse=True)
            else:
                self._exact[key] = handler

    def find(self, host: str, path: str) -> Handler | None:
        path = path.lower()
        with self._lock:
            for candidate in (host, "*"):
                handler = self._exact.get((candidate, path))
                if handler is not None:
                    return handler
                for route in self._prefixes:
                    if route.host == candidate and path.startswith(route.path):
                        return route.handler
        return None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    routes: Routes
    tls: ssl.SSLContext | None
    label: str
    default: Handler | None
    inspector: Inspector | None

    def server_bind(self) -> None:
        # Only bind: the base class would also look up the host's FQDN, which can wait on DNS.
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()

    def setup_lab(self) -> None:
        self.stopping = threading.Event()
        self._open_lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._workers: set[threading.Thread] = set()

    # -- connections -----------------------------------------------------------------

    def get_request(self) -> tuple[socket.socket, object]:
        sock, address = super().get_request()
        # Without this, delayed ACKs stall small responses by tens of ms (TESTING.md).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, address

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        worker = threading.Thread(
            target=self.process_request_thread,
            args=(request, client_address),
            name=f"lab-{self.label}-{self.server_address[1]}-conn",
            daemon=True,
        )
        with self._open_lock:
            self._workers.add(worker)
            self._open.add(request)
        worker.start()

    def process_request_thread(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open.discard(request)
                self._workers.discard(threading.current_thread())

    def finish_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        request.settimeout(_CONNECTION_TIMEOUT)
        if self.tls is None:
            super().finish_request(request, client_address)
            return
        try:
            tls_sock = self.tls.wrap_socket(
                request, server_side=True, do_handshake_on_connect=False
            )
        except (OSError, ssl.SSLError):
            return
        self._swap(request, tls_sock)
        try:
            try:
                tls_sock.do_handshake()
            except (OSError, ssl.SSLError):
                return  # a client that rejected our certificate: that is the test
            super().finish_request(tls_sock, client_address)
        finally:
            with contextlib.suppress(OSError):
                tls_sock.close()
            self._swap(tls_sock, request)

    def _swap(self, old: socket.socket, new: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(old)
            self._open.add(new)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with contextlib.suppress(OSError):
            request.close()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # lab servers stay quiet; clients report what went wrong

    def close_connections(self) -> None:
        """Wake every connection thread: release hung handlers, shut every socket."""
        self.stopping.set()
        with self._open_lock:
            sockets = list(self._open)
            workers = list(self._workers)
        for sock in sockets:
            with contextlib.suppress(OSError):
                # socket.socket's own shutdown: an SSLSocket's would drop its state under
                # the thread that is still reading from it.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
        deadline = time.monotonic() + _STOP_BUDGET
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.lab_connection: dict[str, object] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _request(self) -> LabRequest:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, MAX_REQUEST_BODY)) if length else b""
        host = _host_of(self.headers.get("Host") or "")
        sni = None
        if isinstance(self.connection, ssl.SSLSocket):
            sni = getattr(self.connection, "lab_sni", None)
        request = LabRequest(
            self.command,
            host,
            self.path,
            dict(self.headers.items()),
            body,
            scheme="http" if self.server.tls is None else "https",
            port=int(self.server.server_address[1]),
            sni=sni,
            server=self.server.label,
            connection=self.lab_connection,
        )
        inspector = self.server.inspector
        return request if inspector is None else inspector(request)

    def _dispatch(self) -> None:
        request = self._request()
        handler = self.server.routes.find(request.host, request.route_path) or self.server.default
        response = handler(request) if handler else LabResponse(404, b"not found")
        if response.hang:
            self.server.stopping.wait()
            self.close_connection = True
            return
        self.send_response_only(response.status)
        self.send_header("Server", response.server)
        self.send_header("Date", formatdate(usegmt=True))
        self.send_header("Content-Type", response.content_type)
        chunked = response.chunks is not None and response.length is None
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            length = response.length if response.chunks is not None else len(response.body)
            self.send_header("Content-Length", str(length))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if response.chunks is None:
            self.wfile.write(response.body)
            return
        for chunk in response.chunks():
            if self.server.stopping.is_set():
                self.close_connection = True
                return
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            else:
                self.wfile.write(chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = _dispatch


class LabHttpsServer:
    """One listening socket on loopback, port 0. `tls=None` serves plain HTTP."""

    def __init__(
        self,
        tls: ssl.SSLContext | None,
        host: str = "127.0.0.1",
        *,
        label: str = "https",
        routes: Routes | None = None,
        default: Handler | None = None,
        inspector: Inspector | None = None,
    ) -> None:
        self.label = label
        self.routes = routes if routes is not None else Routes()
        self._server = _Server((host, 0), _RequestHandler, bind_and_activate=True)
        self._server.setup_lab()
        self._server.routes = self.routes
        self._server.tls = tls
        self._server.label = label
        self._server.default = default
        self._server.inspector = inspector
        if tls is not None:
            tls.sni_callback = _remember_sni
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def secure(self) -> bool:
        return self._server.tls is not None

    def route(self, host: str, path: str, handler: Handler, *, prefix: bool = False) -> None:
        """Serve `path` (and below it, with prefix=True) on virtual host `host` ('*': any)."""
        self.routes.add(host, path, handler, prefix=prefix)

    def start(self) -> int:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"lab-{self.label}-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self.port

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(2)
            self._thread = None
        self._server.close_connections()
        self._server.server_close()


def _host_of(header: str) -> str:
    """'Mail.Fabrikam.test:443' -> 'mail.fabrikam.test'; '[::1]:443' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.partition(":")[0].rstrip(".")


def _remember_sni(sock: ssl.SSLSocket | ssl.SSLObject, name: str | None, _: ssl.SSLContext) -> None:
    with contextlib.suppress(AttributeError):
        sock.lab_sni = name  # type: ignore[union-attr]


class ClosedPort:
    """A bound port with nothing listening: connections to it are refused at once.
    Holding the port keeps anyone else from taking it while the lab runs."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((host, 0))
        self.port = int(self._sock.getsockname()[1])

    def close(self) -> None:
        self._sock.close()
