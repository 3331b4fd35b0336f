"""Remedies for an HTTPS endpoint that could not be used, told apart by what happened.

A port that refused or never took the TCP connection is a routing or firewall question
("is TCP 443 open to it?"). A server that took the connection and then said nothing (no
TLS handshake, no HTTP answer) has an open port: telling its admin to open TCP 443 sends
them the wrong way. That case is a device that accepts and holds connections (a firewall
or proxy doing TLS or web inspection, a load balancer with no healthy back end) or a
hung web service: say so, and name the host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from assistant.model import Remedy
from assistant.net.http import HttpError
from assistant.text import msg


def silent_web_remedy(host: str, port: int) -> Remedy:
    """What to do about host:port that accepted the connection and never answered."""
    return Remedy(
        msg(
            "{host}:{port} accepted the TCP connection but never answered (no TLS handshake "
            "or HTTP reply), so the port is open: something holds the connection. Look for "
            "a firewall or proxy that accepts and holds connections (TLS or web inspection), "
            "a load balancer with no healthy server behind it, or a hung web service (IIS, "
            "the Exchange application pool) on {host}; compare from another network.",
            host=host,
            port=port,
        )
    )


def endpoint_of(url: str) -> tuple[str, int]:
    """The host and port an http(s) URL connects to (443 or 80 when it names none)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").lower(), port or (443 if parts.scheme == "https" else 80)


def silent_remedy_for(exc: HttpError, url: str) -> Remedy | None:
    """The silent-server remedy when `exc` says the server took the connection and said
    nothing; None otherwise (the caller's own unreachable or TLS remedy fits)."""
    if not exc.silent or exc.at_proxy:
        return None
    host, port = endpoint_of(url)
    return silent_web_remedy(host, port)
