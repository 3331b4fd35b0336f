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

from assistant.cancel import CancelToken, Deadline
from assistant.config import HostPort, ProxyAddress
from assistant.net.connect import ConnectError

MAX_REPLY = 16 * 1024  # a CONNECT reply's status line and headers; anything longer is not one


class ProxyRefused(ConnectError):
    """The proxy answered the CONNECT with something other than 200."""

    def __init__(self, message: str, *, status: int, offered: tuple[str, ...] = ()) -> None:
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
        raise ConnectError(
            f"the proxy {proxy} did not answer the CONNECT for {target} within {timeout:g} s"
        ) from None
    except OSError as exc:
        token.raise_if_cancelled()
        raise ConnectError(f"the proxy {proxy} dropped the connection: {exc}") from None
    status, reason, headers = _parse_head(head, proxy)
    if status == 200:
        sock.settimeout(timeout)
        return
    offered = tuple(value.split()[0] for name, value in headers if name == "proxy-authenticate")
    raise ProxyRefused(
        f"the proxy {proxy} answered {status} {reason} to CONNECT {target}",
        status=status,
        offered=offered,
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
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ConnectError(f"{proxy} is not an HTTP proxy (it answered {lines[0][:60]!r})")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    return int(parts[1]), parts[2] if len(parts) > 2 else "", headers
