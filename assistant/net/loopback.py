"""The one listening socket the engine opens: where a browser sign-in comes back.

A native app's authorization code arrives at http://localhost:<port> (RFC 8252): the
sign-in page posts it there (response_mode=form_post) or puts it in the query string.
`RedirectListener` binds 127.0.0.1 on a free port, accepts connections until one
carries a `code` or an `error`, answers it with a short page, and closes. Every wait
is sliced on the check's cancel token and bounded by its deadline, so a cancel returns
at once. Requests for anything else (a browser's /favicon.ico) get a 404 and are
ignored.
"""

from __future__ import annotations

import contextlib
import select
import socket
from types import TracebackType
from urllib.parse import parse_qsl, urlsplit

from assistant.cancel import SLICE, CancelToken, Deadline, DeadlineExceeded

MAX_REQUEST_BYTES = 64 * 1024
READ_TIMEOUT = 5.0
_DONE_PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Signed in</title></head>"
    b"<body><p>The sign-in is finished. You can close this window and return to "
    b"Connectivity Assistant.</p></body></html>"
)


class RedirectListener:
    def __init__(self, token: CancelToken, host: str = "127.0.0.1") -> None:
        self._token = token
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((host, 0))
        self._sock.listen(4)
        self._sock.setblocking(False)
        token.register(self._sock)  # a cancel closes it, waking nothing but us
        self.port = int(self._sock.getsockname()[1])

    @property
    def redirect_uri(self) -> str:
        return f"http://localhost:{self.port}"

    def wait(self, deadline: Deadline) -> dict[str, str]:
        """The parameters of the first request that carries `code` or `error`."""
        while True:
            self._token.raise_if_cancelled()
            if deadline.expired:
                raise DeadlineExceeded("no answer from the browser sign-in in time")
            try:
                ready, _, _ = select.select([self._sock], [], [], SLICE)
            except (OSError, ValueError):  # closed by a cancel
                self._token.raise_if_cancelled()
                raise
            if not ready:
                continue
            try:
                conn, _ = self._sock.accept()
            except BlockingIOError:
                continue
            with conn:
                params = self._serve(conn)
            if params is not None:
                return params

    def _serve(self, conn: socket.socket) -> dict[str, str] | None:
        conn.setblocking(True)
        conn.settimeout(READ_TIMEOUT)
        try:
            request = _read_request(conn)
        except (OSError, ValueError):
            return None
        if request is None:
            return None
        method, target, body = request
        params = dict(parse_qsl(urlsplit(target).query))
        if method == "POST":
            params.update(parse_qsl(body.decode("utf-8", errors="replace")))
        if "code" not in params and "error" not in params:
            _reply(conn, 404, b"not found")
            return None
        _reply(conn, 200, _DONE_PAGE)
        return params

    def close(self) -> None:
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


def _read_request(conn: socket.socket) -> tuple[str, str, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        data += chunk
        if len(data) > MAX_REQUEST_BYTES:
            raise ValueError("request too large")
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, *_ = [*lines[0].split(" "), "", ""]
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = min(int(value.strip() or "0"), MAX_REQUEST_BYTES)
    while len(body) < length:
        chunk = conn.recv(4096)
        if not chunk:
            break
        body += chunk
    return method.upper(), target, body[:length]


def _reply(conn: socket.socket, status: int, body: bytes) -> None:
    reason = "OK" if status == 200 else "Not Found"
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n"
    )
    with contextlib.suppress(OSError):
        conn.sendall(head.encode("ascii") + body)
