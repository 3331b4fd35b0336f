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


def free_port(host: str = "127.0.0.1") -> int:
    # aiosmtpd's Controller cannot bind port 0, so pick one first (TESTING.md).
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class _MxHandler:
    def __init__(self) -> None:
        self.messages: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 2.6.0 Queued mail for delivery"


class _LabController(Controller):
    def __init__(self, tls: ssl.SSLContext, banner_host: str, **kwargs: Any) -> None:
        self._tls = tls
        self._banner_host = banner_host
        super().__init__(_MxHandler(), **kwargs)

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
        self.port = free_port(host)
        self._controller = _LabController(
            tls, "lab.mail.protection.outlook.com", hostname=host, port=self.port
        )

    def start(self) -> int:
        self._controller.start()
        self._running = True
        return self.port

    def stop(self) -> None:
        if getattr(self, "_running", False):  # aiosmtpd asserts when stopped unstarted
            self._controller.stop()
            self._running = False
