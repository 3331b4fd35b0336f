"""A small HTTPS client on our own sockets: connect-to, TLS policy, size cap, deadlines.

Used where a check needs one request and full control (MTA-STS policy, autodiscover
probes). Redirects are returned, never followed here: following one is a security
decision the caller makes.
"""

from __future__ import annotations

import http.client
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.model import Evidence
from assistant.net.caps import cap_line, header_lines
from assistant.net.connect import ConnectError, ConnectInfo
from assistant.net.http_budget import BudgetedSocket
from assistant.net.network import Network
from assistant.net.proxy import ProxyError
from assistant.net.redact import Redactor
from assistant.net.server_numbers import shown
from assistant.net.tls import TlsHandshakeError
from assistant.net.tls_inspection import TlsInspection
from assistant.text import TextError, msg

DEFAULT_MAX_BYTES = 1024 * 1024
BODY_PREVIEW_CHARS = 2048
# Headers Microsoft front ends add that let support trace a request end to end.
CORRELATION_HEADERS = (
    "request-id",
    "x-feserver",
    "x-beserver",
    "x-diaginfo",
    "x-calculatedbetarget",
)


class HttpError(TextError):
    def __init__(
        self,
        message: str,
        tls: TlsInspection | None = None,
        *,
        at_proxy: bool = False,
        silent: bool = False,
    ) -> None:
        super().__init__(message)
        self.tls = tls
        self.at_proxy = at_proxy  # the web proxy refused or failed, not the server
        # The server took the TCP connection and then said nothing (no TLS handshake, no
        # HTTP answer) until the timeout: the port is open, so "open TCP 443" is no fix.
        self.silent = silent


@dataclass(frozen=True)
class HttpResponse:
    method: str
    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    truncated: bool  # the body was longer than the cap; only the first part was read
    tls: TlsInspection | None
    connect: ConnectInfo
    elapsed_ms: int

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def to_evidence(self, redactor: Redactor, label: str | None = None) -> Evidence:
        # Redacted whole, then cut: a secret across the cut would be recognised by neither half.
        preview = cap_line(redactor(self.text()), BODY_PREVIEW_CHARS)
        return Evidence(
            kind="http",
            label=label or msg("{method} {url}", method=self.method, url=self.url),
            data={
                "method": self.method,
                "url": self.url,
                "status": self.status,
                "reason": cap_line(self.reason),
                "headers": header_lines(self.headers, redactor),
                "correlation": {
                    h: cap_line(v) for h in CORRELATION_HEADERS if (v := self.header(h)) is not None
                },
                "body_preview": preview,
                "body_bytes": len(self.body),
                "truncated": self.truncated,
                "elapsed_ms": self.elapsed_ms,
                "connect": self.connect.to_dict(),
            },
        )


def https_request(
    net: Network,
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> HttpResponse:
    """One HTTPS request over a validated connection. Raises HttpError in plain words."""
    if urlsplit(url).scheme != "https":
        raise HttpError(msg("not an https URL: {url}", url=url))
    return http_request(net, url, method=method, body=body, headers=headers, max_bytes=max_bytes)


def http_request(
    net: Network,
    url: str,
    *,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> HttpResponse:
    """One request over http or https (validated). Callers decide what may go over http:
    the autodiscover redirect probe, never anything with credentials."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpError(msg("not an http(s) URL: {url}", url=url))
    host = parts.hostname
    secure = parts.scheme == "https"
    try:
        named_port = parts.port  # urllib checks for ASCII digits in 0-65535 itself
    except ValueError:
        named_port = 0
    if named_port == 0:  # URLs come from servers (redirects, answers): nonsense is a verdict
        raise HttpError(
            msg("{url} names a port that is not a number from 1 to 65535", url=shown(url, 200))
        )
    port = named_port or (443 if secure else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    inspection: TlsInspection | None = None
    sock: socket.socket
    try:
        if secure:
            sock, inspection, info = net.tls(host, port, web=True)
        else:
            sock, info = net.web_tcp(host, port, plain_http=True)
    except ConnectError as exc:
        raise HttpError(exc.message, at_proxy=isinstance(exc, ProxyError)) from None
    except TlsHandshakeError as exc:
        raise HttpError(exc.message, exc.inspection, silent=exc.silent) from None
    conn = http.client.HTTPConnection(host, port, timeout=net.op_timeout())
    # Our socket (connect-to, TLS policy and cancel already applied), read under a budget
    # for the whole answer: per-recv timeouts alone let a 1 byte/s server run for ever.
    conn.sock = budgeted = BudgetedSocket.for_answer(sock, net)
    try:
        request_headers = {"User-Agent": "ConnectivityAssistant/0.1", "Accept": "*/*"}
        request_headers.update(headers or {})
        # Plain http through a proxy is asked for by its whole URL (RFC 9112 absolute-form);
        # https went through a CONNECT tunnel and uses the path as usual.
        target = path
        if info.proxy and not secure:
            authority = str(info.routed_to) if info.routed_to else parts.netloc
            target = f"http://{authority}{path}"
        conn.request(method, target, body=body, headers=request_headers)
        response = conn.getresponse()
        data = response.read(max_bytes + 1)
        net.token.raise_if_cancelled()
        return HttpResponse(
            method=method,
            url=url,
            status=response.status,
            reason=response.reason,
            headers=tuple(response.getheaders()),
            body=data[:max_bytes],
            truncated=len(data) > max_bytes,
            tls=inspection,
            connect=info,
            elapsed_ms=int((time.monotonic() - started) * 1000),
        )
    except TimeoutError:
        raise HttpError(
            budgeted.too_slow(host)
            or msg("{host} accepted the connection but did not answer in time", host=host),
            silent=True,
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        net.token.raise_if_cancelled()
        raise HttpError(
            msg("HTTP exchange with {host} failed: {error}", host=host, error=str(exc))
        ) from None
    finally:
        net.close(sock)
        conn.close()
