"""One object that a check uses for all of its network I/O.

It carries the options, resolver, cancel token and deadline of one check, so a check
never assembles those itself and every connection obeys the same policy.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from assistant.cancel import CancelToken, Deadline
from assistant.config import NetworkOptions
from assistant.hostnames import HostNameError, ascii_host
from assistant.net.connect import ConnectError, ConnectInfo, close_quietly, open_tcp
from assistant.net.proxy import open_web
from assistant.net.resolver import Resolver
from assistant.net.tls import client_context, secure
from assistant.net.tls_inspection import TlsInspection
from assistant.text import msg

Preamble = Callable[[socket.socket], None]  # e.g. read a banner and send STARTTLS


def wire_name(host: str) -> str:
    """The host as the connection will use it. A Unicode name is refused rather than
    encoded here: the credential rules must have decided on the same ASCII name
    (assistant/hostnames.py), and a name that reaches this layer unconverted did not go
    through them. Case and a trailing dot are only tidied."""
    if not host.isascii():
        raise ConnectError(
            msg(
                "{host} was not converted to its ASCII (IDNA) form before connecting; "
                "not connected",
                host=host,
            )
        )
    try:
        return ascii_host(host)
    except HostNameError as exc:
        raise ConnectError(msg("not connected: {reason}", reason=exc.message)) from None


@dataclass
class Network:
    options: NetworkOptions
    resolver: Resolver
    token: CancelToken
    deadline: Deadline

    def op_timeout(self) -> float:
        return self.deadline.budget(self.options.timeout)

    def tcp(self, host: str, port: int) -> tuple[socket.socket, ConnectInfo]:
        return open_tcp(
            wire_name(host),
            port,
            options=self.options,
            resolver=self.resolver,
            token=self.token,
            deadline=self.deadline,
        )

    def web_tcp(
        self, host: str, port: int, *, plain_http: bool = False
    ) -> tuple[socket.socket, ConnectInfo]:
        """For HTTP(S) only: through the web proxy when one is set (net/proxy.py)."""
        return open_web(
            wire_name(host),
            port,
            options=self.options,
            resolver=self.resolver,
            token=self.token,
            deadline=self.deadline,
            plain_http=plain_http,
        )

    def tls_context(self, *, verify: bool = True) -> ssl.SSLContext:
        return client_context(self.options.ca_bundle, verify=verify)

    def tls(
        self,
        host: str,
        port: int,
        *,
        preamble: Preamble | None = None,
        verify: bool = True,
        web: bool = False,
    ) -> tuple[ssl.SSLSocket, TlsInspection, ConnectInfo]:
        """Connect, run the optional plaintext preamble, and handshake verifying `host`.

        Raises ConnectError, TlsHandshakeError (with the certificate when validation
        failed), or whatever the preamble raises.
        """
        infos: list[ConnectInfo] = []
        host = wire_name(host)  # SNI and certificate checks use the name we connect to

        def connect() -> socket.socket:
            sock, info = self.web_tcp(host, port) if web else self.tcp(host, port)
            infos.append(info)
            try:
                if preamble is not None:
                    preamble(sock)
            except BaseException:
                close_quietly(sock, self.token)
                raise
            return sock

        ssock, inspection = secure(
            connect,
            host,
            self.tls_context(verify=verify),
            timeout=self.op_timeout(),
            display_context=self.tls_context(verify=False),
        )
        self.token.register(ssock)
        return ssock, inspection, infos[0]

    def close(self, sock: socket.socket | None) -> None:
        close_quietly(sock, self.token)
