"""TCP connections that honour the connect-to map, the resolver, deadlines and cancel."""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass

from assistant.cancel import Cancelled, CancelToken, Deadline
from assistant.config import HostPort, NetworkOptions
from assistant.net.resolver import Resolver
from assistant.net.server_numbers import shown, shown_int
from assistant.settings_names import setting
from assistant.text import TextError, join, msg


class ConnectError(TextError, OSError):
    """No connection could be made; the message says why in plain words."""


@dataclass(frozen=True)
class ConnectInfo:
    host: str
    port: int
    address: str  # the IP actually connected to
    routed_to: HostPort | None  # set when a --connect-to rule sent the connection elsewhere
    elapsed_ms: int
    proxy: str | None = None  # the web proxy the connection was tunnelled through (net/proxy.py)

    def describe(self) -> str:
        if self.proxy:
            return msg(
                "TCP {host}:{port} through the proxy {proxy} (at {address}) in {ms} ms",
                host=self.host,
                port=self.port,
                proxy=self.proxy,
                address=self.address,
                ms=self.elapsed_ms,
            )
        if self.routed_to:
            return msg(
                "TCP {host}:{port} connected to {address} (sent to {routed_to} by {setting}) "
                "in {ms} ms",
                setting=setting("connect_to"),
                host=self.host,
                port=self.port,
                address=self.address,
                routed_to=str(self.routed_to),
                ms=self.elapsed_ms,
            )
        return msg(
            "TCP {host}:{port} connected to {address} in {ms} ms",
            host=self.host,
            port=self.port,
            address=self.address,
            ms=self.elapsed_ms,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "address": self.address,
            "connect_to": None if self.routed_to is None else str(self.routed_to),
            "proxy": self.proxy,
            "elapsed_ms": self.elapsed_ms,
        }


def open_tcp(
    host: str,
    port: int,
    *,
    options: NetworkOptions,
    resolver: Resolver,
    token: CancelToken,
    deadline: Deadline,
) -> tuple[socket.socket, ConnectInfo]:
    """Connect to host:port (or where --connect-to sends it), trying each address in turn.

    The socket is registered with the token, so a cancel shuts it down; the caller
    closes it. Its timeout is set to the per-operation timeout.
    """
    # Ports often come from servers (autodiscover, SRV); the socket call would raise
    # OverflowError, not OSError, for one outside the range.
    if not 0 < port < 65536:
        raise ConnectError(
            msg(
                "port {port} of {host} is not a TCP port number (1 to 65535)",
                port=shown_int(port),
                host=shown(host, 80),
            )
        )
    started = time.monotonic()
    dest = options.route(host, port)
    routed = dest if dest != HostPort(host.lower().rstrip("."), port) else None
    try:
        addresses = resolver.addresses(dest.host, deadline=deadline)
    except LookupError as exc:
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
        raise ConnectError(said) from None  # the resolver's text, kept translatable
    errors: list[str] = []
    for address in addresses:
        token.raise_if_cancelled()
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            token.register(sock)
            sock.settimeout(deadline.budget(options.timeout))
            sock.connect((address, dest.port))
        except Cancelled:
            sock.close()
            raise
        except TimeoutError:
            errors.append(
                msg(
                    "{address}: no answer within {seconds} s (filtered?)",
                    address=address,
                    seconds=f"{options.timeout:g}",
                )
            )
        except ConnectionRefusedError:
            errors.append(
                msg(
                    "{address}: connection refused (nothing listens on port {port})",
                    address=address,
                    port=dest.port,
                )
            )
        except OSError as exc:
            token.raise_if_cancelled()
            errors.append(
                msg("{address}: {error}", address=address, error=exc.strerror or str(exc))
            )
        else:
            sock.settimeout(options.timeout)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            elapsed = int((time.monotonic() - started) * 1000)
            return sock, ConnectInfo(host, port, address, routed, elapsed)
        token.unregister(sock)
        sock.close()
    raise ConnectError(
        msg(
            "could not connect to {destination}: {errors}",
            destination=str(dest),
            errors=join("; ", errors),
        )
    )


def close_quietly(sock: socket.socket | None, token: CancelToken | None = None) -> None:
    if sock is None:
        return
    if token is not None:
        token.unregister(sock)
    with contextlib.suppress(OSError):
        sock.close()
