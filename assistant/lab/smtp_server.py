"""An MX-style SMTP listener for the lab: STARTTLS, no AUTH, Exchange-like greeting.

Issue 4 grows this into the submission endpoint and Exchange's reply codes; for the
DNS checks it must offer STARTTLS with the certificate that DANE records describe.
"""

from __future__ import annotations

import socket
import ssl
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


def bound_listener(host: str = "127.0.0.1") -> socket.socket:
    """A listening socket on a port the kernel picked, held from this moment on.

    aiosmtpd's Controller binds the port it is given, and cannot be given port 0 (it
    connects to its own port to start). Picking a free port, closing the probe and
    binding later lets another lab server, or an outgoing connection's ephemeral port,
    take it in between ("Address already in use", seen in CI). Handing the Controller
    an already-bound socket closes that gap.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, 0))
        listener.listen(64)
    except OSError:
        listener.close()
        raise
    return listener


class _MxHandler:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 2.6.0 Queued mail for delivery"


class _LabController(Controller):
    def __init__(
        self, tls: ssl.SSLContext, banner_host: str, listener: socket.socket, **kwargs: Any
    ) -> None:
        self._tls = tls
        self._banner_host = banner_host
        self._listener = listener
        super().__init__(_MxHandler(), port=int(listener.getsockname()[1]), **kwargs)

    def _create_server(self) -> Any:
        # Serve on the socket bound in advance (see bound_listener), not a fresh bind.
        return self.loop.create_server(self._factory_invoker, sock=self._listener)

    def factory(self) -> SMTP:
        return SMTP(
            self.handler,
            hostname=self._banner_host,
            ident="Microsoft ESMTP MAIL Service ready",
            tls_context=self._tls,
            require_starttls=False,
            timeout=10,
        )


class LabMxServer:
    def __init__(self, tls: ssl.SSLContext, host: str = "127.0.0.1") -> None:
        self.host = host
        listener = bound_listener(host)
        self.port = int(listener.getsockname()[1])
        self._controller = _LabController(
            tls, "lab.mail.protection.outlook.com", listener, hostname=host
        )

    def start(self) -> int:
        self._controller.start()
        self._running = True
        return self.port

    def stop(self) -> None:
        if getattr(self, "_running", False):  # aiosmtpd asserts when stopped unstarted
            self._controller.stop()
            self._running = False
        else:
            self._controller._listener.close()
