"""The one listening socket the engine opens: where a browser sign-in comes back.

A native app's authorization code arrives at http://localhost:<port> (RFC 8252): the
sign-in page posts it there (response_mode=form_post) or puts it in the query string.
`RedirectListener` binds 127.0.0.1 on a free port, serves connections until one
carries a `code` or an `error`, answers it with a short page, and closes. Requests for
anything else (a browser's /favicon.ico) get a 404 and are ignored.

Any local program may connect, so no client is waited for on its own: every socket is
non-blocking and one selector waits for all of them in slices, looking at the check's
cancel token and deadline between slices. A client that connects and sends nothing, or
trickles its request a byte at a time, holds neither Cancel nor the browser's own
request; it is closed READ_TIMEOUT after it connected, and at most MAX_CONNECTIONS are
kept open (the oldest goes first).
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import time
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import parse_qsl, urlsplit

from assistant.cancel import SLICE, CancelToken, Deadline, DeadlineExceeded

MAX_REQUEST_BYTES = 64 * 1024
READ_TIMEOUT = 5.0  # seconds from connect for a client to send its whole request
MAX_CONNECTIONS = 16  # open at once; a browser needs two or three
_DONE_PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Signed in</title></head>"
    b"<body><p>The sign-in is finished. You can close this window and return to "
    b"Connectivity Assistant.</p></body></html>"
)


@dataclass(eq=False)
class _Client:
    sock: socket.socket
    expires: float  # monotonic time by which its request must be complete
    data: bytearray = field(default_factory=bytearray)


class RedirectListener:
    def __init__(
        self, token: CancelToken, host: str = "127.0.0.1", read_timeout: float = READ_TIMEOUT
    ) -> None:
        self._token = token
        self._read_timeout = read_timeout
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((host, 0))
        self._sock.listen(64)  # queued before we accept; MAX_CONNECTIONS bounds what stays open
        self._sock.setblocking(False)
        token.register(self._sock)  # a cancel closes it, waking nothing but us
        self.port = int(self._sock.getsockname()[1])
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._sock, selectors.EVENT_READ)
        self._clients: dict[socket.socket, _Client] = {}  # in the order they connected

    @property
    def redirect_uri(self) -> str:
        return f"http://localhost:{self.port}"

    def open_connections(self) -> int:
        """Clients connected whose request has not arrived yet."""
        return len(self._clients)

    def wait(self, deadline: Deadline) -> dict[str, str]:
        """The parameters of the first request that carries `code` or `error`."""
        while True:
            self._token.raise_if_cancelled()
            if deadline.expired:
                raise DeadlineExceeded("no answer from the browser sign-in in time")
            self._drop_expired()
            try:
                ready = self._selector.select(min(SLICE, deadline.remaining()))
            except (OSError, ValueError):  # closed by a cancel
                self._token.raise_if_cancelled()
                raise
            for key, _ in ready:
                if key.fileobj is self._sock:
                    self._accept()
                    continue
                params = self._read(key.data)
                if params is not None:
                    return params

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except BlockingIOError:
                return
            except OSError:  # closed by a cancel
                self._token.raise_if_cancelled()
                raise
            if len(self._clients) >= MAX_CONNECTIONS:
                self._drop(next(iter(self._clients.values())))
            conn.setblocking(False)
            self._token.register(conn)  # a cancel shuts it down too (raises when cancelled)
            client = _Client(conn, time.monotonic() + self._read_timeout)
            self._clients[conn] = client
            self._selector.register(conn, selectors.EVENT_READ, data=client)

    def _read(self, client: _Client) -> dict[str, str] | None:
        """The request's parameters once it is complete and carries a code or an error."""
        try:
            chunk = client.sock.recv(4096)
        except BlockingIOError:
            return None
        except OSError:
            chunk = b""
        if not chunk:
            self._drop(client)  # closed or broken before the request ended
            return None
        client.data += chunk
        try:
            request = _parse_request(client.data)
        except ValueError:  # too large or malformed
            self._drop(client)
            return None
        if request is None:
            return None  # more to come
        params = _params(*request)
        if params is None:
            _reply(client.sock, 404, b"not found")
        else:
            _reply(client.sock, 200, _DONE_PAGE)
        self._drop(client)
        return params

    def _drop_expired(self) -> None:
        now = time.monotonic()
        for client in [c for c in self._clients.values() if c.expires <= now]:
            self._drop(client)

    def _drop(self, client: _Client) -> None:
        self._clients.pop(client.sock, None)
        with contextlib.suppress(KeyError, ValueError):
            self._selector.unregister(client.sock)
        self._token.unregister(client.sock)
        with contextlib.suppress(OSError):
            client.sock.close()

    def close(self) -> None:
        for client in list(self._clients.values()):
            self._drop(client)
        self._selector.close()
        self._token.unregister(self._sock)
        with contextlib.suppress(OSError):
            self._sock.close()

    def __enter__(self) -> RedirectListener:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _parse_request(data: bytes | bytearray) -> tuple[str, str, bytes] | None:
    """Method, target and body of a whole request; None while it is still arriving.
    Raises ValueError for one that is too large or malformed."""
    if len(data) > MAX_REQUEST_BYTES:
        raise ValueError("request too large")
    if b"\r\n\r\n" not in data:
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, *_ = [*lines[0].split(" "), "", ""]
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = max(0, int(value.strip() or "0"))
    if len(body) < length:
        return None
    return method.upper(), target, bytes(body[:length])


def _params(method: str, target: str, body: bytes) -> dict[str, str] | None:
    """The parameters of a request that carries `code` or `error`, else None."""
    params = dict(parse_qsl(urlsplit(target).query))
    if method == "POST":
        params.update(parse_qsl(body.decode("utf-8", errors="replace")))
    if "code" not in params and "error" not in params:
        return None
    return params


def _reply(conn: socket.socket, status: int, body: bytes) -> None:
    reason = "OK" if status == 200 else "Not Found"
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n"
    )
    with contextlib.suppress(OSError):
        # Small enough for the socket's send buffer; the timeout bounds a client that
        # reads nothing and a full buffer, and a cancel shuts the socket down meanwhile.
        conn.settimeout(SLICE)
        conn.sendall(head.encode("ascii") + body)
