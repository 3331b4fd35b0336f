"""HTTP(S) through the user's web proxy: an HTTP CONNECT tunnel, as Outlook and browsers
use behind a corporate proxy.

Only web traffic (autodiscover, EWS, MAPI, sign-in) goes through the proxy; DNS and the
mail protocols (IMAP, POP, SMTP) never do, as in Outlook. TLS runs inside the tunnel end
to end, so the certificate checked is still the server's (a TLS-inspecting proxy shows up
as its own certificate, which the TLS steps then explain).

A proxy that asks for sign-in (407) is reported with the schemes it offers: credentials
for the proxy are not taken (corporate proxies mostly want NTLM or Kerberos for the
signed-in Windows user; asking for an exception for Microsoft 365 endpoints is what
Microsoft recommends anyway).
"""

from __future__ import annotations

import socket
import time

from assistant.cancel import CancelToken, Deadline
from assistant.config import HostPort, NetworkOptions, ProxyAddress
from assistant.net.connect import ConnectError, ConnectInfo, close_quietly, open_tcp
from assistant.net.resolver import Resolver
from assistant.net.server_numbers import ServerNumberError, parse_server_int
from assistant.text import msg

MAX_REPLY = 16 * 1024  # a CONNECT reply's status line and headers; anything longer is not one


def open_web(
    host: str,
    port: int,
    *,
    options: NetworkOptions,
    resolver: Resolver,
    token: CancelToken,
    deadline: Deadline,
    plain_http: bool = False,
) -> tuple[socket.socket, ConnectInfo]:
    """A connection for HTTP(S) to host:port: through the proxy when one is set, else direct.

    Through a proxy the --connect-to map still decides the destination (the proxy is
    asked for it), and the proxy resolves the name, as it would for a browser. For
    `plain_http` no tunnel is opened: the caller sends its request to the proxy with the
    whole URL in it (`ConnectInfo.routed_to` says which host:port to name).
    """
    proxy = options.proxy
    if proxy is None:
        return open_tcp(
            host, port, options=options, resolver=resolver, token=token, deadline=deadline
        )
    started = time.monotonic()
    try:
        sock, hop = open_tcp(
            proxy.host,
            proxy.port,
            options=options,
            resolver=resolver,
            token=token,
            deadline=deadline,
        )
    except ConnectError as exc:
        raise ProxyError(
            msg(
                "the proxy {proxy} could not be reached: {error}",
                proxy=str(proxy),
                error=exc.message,
            )
        ) from None
    dest = options.route(host, port)
    if not plain_http:
        try:
            tunnel(sock, proxy, dest, token=token, deadline=deadline, timeout=options.timeout)
        except BaseException:
            close_quietly(sock, token)
            raise
    routed = dest if dest != HostPort(host.lower().rstrip("."), port) else None
    elapsed = int((time.monotonic() - started) * 1000)
    return sock, ConnectInfo(host, port, hop.address, routed, elapsed, proxy=str(proxy))


class ProxyError(ConnectError):
    """The proxy, not the destination, is where the connection failed."""


class ProxyRefused(ProxyError):
    """The proxy answered the CONNECT with something other than 200."""

    def __init__(self, message: str, status: int, offered: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.offered = offered  # Proxy-Authenticate schemes, for a 407


def tunnel(
    sock: socket.socket,
    proxy: ProxyAddress,
    dest: HostPort,
    *,
    token: CancelToken,
    deadline: Deadline,
    timeout: float,
) -> None:
    """Asks the proxy on `sock` for a tunnel to `dest`; returns when the tunnel is open."""
    target = f"[{dest.host}]:{dest.port}" if ":" in dest.host else f"{dest.host}:{dest.port}"
    request = f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\nProxy-Connection: Keep-Alive\r\n\r\n"
    try:
        sock.settimeout(deadline.budget(timeout))
        sock.sendall(request.encode("ascii"))
        head = _read_head(sock, token)
    except TimeoutError:
        raise ProxyError(
            msg(
                "the proxy {proxy} did not answer the CONNECT for {target} within {seconds} s",
                proxy=str(proxy),
                target=target,
                seconds=f"{timeout:g}",
            )
        ) from None
    except OSError as exc:
        token.raise_if_cancelled()
        raise ProxyError(
            msg(
                "the proxy {proxy} dropped the connection: {error}",
                proxy=str(proxy),
                error=str(exc),
            )
        ) from None
    status, reason, headers = _parse_head(head, proxy)
    if status == 200:
        sock.settimeout(timeout)
        return
    offered = tuple(
        value.split()[0] for name, value in headers if name == "proxy-authenticate" and value
    )
    raise ProxyRefused(_refusal(proxy, target, status, reason, offered), status, offered)


def _refusal(
    proxy: ProxyAddress, target: str, status: int, reason: str, offered: tuple[str, ...]
) -> str:
    if status == 407:
        return msg(
            "the proxy {proxy} wants sign-in (407, offers {schemes}) before it opens a "
            "tunnel to {target}; this tool does not sign in to proxies: allow this computer, "
            "or the Microsoft 365 endpoints, through the proxy without sign-in",
            proxy=str(proxy),
            schemes=", ".join(offered) or "-",
            target=target,
        )
    if status == 403:
        return msg(
            "the proxy {proxy} refused a tunnel to {target} (403 {reason}): its rules block "
            "this destination; ask for the Microsoft 365 / Exchange endpoints to be allowed",
            proxy=str(proxy),
            target=target,
            reason=reason,
        )
    return msg(
        "the proxy {proxy} answered {status} {reason} to CONNECT {target}",
        proxy=str(proxy),
        status=status,
        reason=reason,
        target=target,
    )


def _read_head(sock: socket.socket, token: CancelToken) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        token.raise_if_cancelled()
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionResetError("closed before the reply ended")
        data += chunk
        if len(data) > MAX_REPLY:
            raise ConnectionResetError("the reply to CONNECT is too long")
    # Anything after the blank line would be the server's first bytes: a proxy that sends
    # them before we spoke is broken; drop them rather than feed them to TLS.
    return data.split(b"\r\n\r\n", 1)[0]


def _parse_head(head: bytes, proxy: ProxyAddress) -> tuple[int, str, list[tuple[str, str]]]:
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    try:
        status = parse_server_int(parts[1], 100, 599) if len(parts) > 1 else None
    except ServerNumberError:
        status = None
    if status is None or not parts[0].startswith("HTTP/"):
        raise ProxyError(
            msg(
                "{proxy} is not an HTTP proxy (it answered {reply})",
                proxy=str(proxy),
                reply=repr(lines[0][:60]),
            )
        )
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    return status, parts[2] if len(parts) > 2 else "", headers
