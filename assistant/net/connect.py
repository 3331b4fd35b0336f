"""TCP connections that honour the connect-to map, the resolver, deadlines and cancel."""

from __future__ import annotations

import contextlib
import socket
import time
from dataclasses import dataclass

from assistant.cancel import Cancelled, CancelToken, Deadline
from assistant.config import HostPort, NetworkOptions
from assistant.net.resolver import Resolver


class ConnectError(OSError):
    """No connection could be made; the message says why in plain words."""


@dataclass(frozen=True)
class ConnectInfo:
    host: str
    port: int
    address: str  # the IP actually connected to
    routed_to: HostPort | None  # set when a --connect-to rule sent the connection elsewhere
    elapsed_ms: int

    def describe(self) -> str:
        via = f" (sent to {self.routed_to} by --connect-to)" if self.routed_to else ""
        return (
            f"TCP {self.host}:{self.port} connected to {self.address}{via} in {self.elapsed_ms} ms"
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "host": self.host,
            "port": self.port,
            "address": self.address,
            "connect_to": None if self.routed_to is None else str(self.routed_to),
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
    started = time.monotonic()
    dest = options.route(host, port)
    routed = dest if dest != HostPort(host.lower().rstrip("."), port) else None
    try:
        addresses = resolver.addresses(dest.host, deadline=deadline)
    except LookupError as exc:
        raise ConnectError(str(exc)) from None
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
            errors.append(f"{address}: no answer within {options.timeout:g} s (filtered?)")
        except ConnectionRefusedError:
            errors.append(f"{address}: connection refused (nothing listens on port {dest.port})")
        except OSError as exc:
            token.raise_if_cancelled()
            errors.append(f"{address}: {exc.strerror or exc}")
        else:
            sock.settimeout(options.timeout)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            elapsed = int((time.monotonic() - started) * 1000)
            return sock, ConnectInfo(host, port, address, routed, elapsed)
        token.unregister(sock)
        sock.close()
    raise ConnectError(f"could not connect to {dest}: " + "; ".join(errors))


def close_quietly(sock: socket.socket | None, token: CancelToken | None = None) -> None:
    if sock is None:
        return
    if token is not None:
        token.unregister(sock)
    with contextlib.suppress(OSError):
        sock.close()
