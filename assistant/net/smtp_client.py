"""smtplib on a socket we opened, with every line going through a Wire.

smtplib never connects by itself here: `SmtpConnection` is handed the socket (plain
for STARTTLS, already TLS for implicit TLS), and after STARTTLS the check does the
handshake through the net layer (TLS inspection, deadlines) and calls `adopt_tls`.
"""

from __future__ import annotations

import base64
import smtplib
import socket
import ssl
from typing import TYPE_CHECKING

from assistant.net.mailwire import Wire

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

QUIT_TIMEOUT = 2.0  # seconds; a polite goodbye is not worth waiting long for


class SmtpConnection(smtplib.SMTP):
    def __init__(self, sock: socket.socket, wire: Wire, host: str) -> None:
        # A literal EHLO name: smtplib's default (socket.getfqdn) would ask the system
        # resolver behind our back, with no deadline.
        local = sock.getsockname()[0]
        name = f"[IPv6:{local}]" if ":" in local else f"[{local}]"
        super().__init__(local_hostname=name)
        self._host = host  # smtplib's name for the server (used in its own messages)
        self._wire = wire
        self.banner = ""
        self.sock = sock
        self.file = wire.reader(sock)

    def read_greeting(self) -> tuple[int, bytes]:
        self._wire.before_command()
        code, message = self.getreply()
        self.banner = f"{code} {message.decode('utf-8', errors='replace')}"
        return code, message

    @property
    def greeting(self) -> str:
        return self.banner

    def send(self, s: ReadableBuffer | str) -> None:
        data = s.encode(self.command_encoding) if isinstance(s, str) else bytes(s)
        self._wire.before_command()
        self._wire.sent(data)
        super().send(data)

    def offered_auth(self) -> list[str]:
        """The SASL mechanisms of the last EHLO's AUTH line, upper case."""
        return [m.upper() for m in self.esmtp_features.get("auth", "").split()]

    def authenticate(self, mechanism: str, user: str, password: str) -> tuple[int, bytes]:
        """AUTH PLAIN or LOGIN; raises smtplib.SMTPAuthenticationError when refused."""
        self.user, self.password = user, password
        try:
            with self._wire.secret(keep_words=2):
                if mechanism == "PLAIN":
                    return self.auth("PLAIN", self.auth_plain)
                if mechanism == "LOGIN":
                    return self.auth("LOGIN", self.auth_login)
        finally:
            self.user = self.password = ""
        raise ValueError(f"unsupported SASL mechanism {mechanism}")

    def xoauth2(self, user: str, token: str) -> tuple[int, bytes]:
        """AUTH XOAUTH2 with the initial response (RFC 4954); an error challenge (334)
        gets the empty answer. Raises smtplib.SMTPAuthenticationError when refused."""
        blob = base64.b64encode(f"user={user}\x01auth=Bearer {token}\x01\x01".encode())
        with self._wire.secret(keep_words=2):  # "AUTH XOAUTH2"
            code, message = self.docmd("AUTH", "XOAUTH2 " + blob.decode("ascii"))
            if code == 334:
                code, message = self.docmd("")
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, message)
        return code, message

    def starttls_command(self) -> tuple[int, bytes]:
        """Only the STARTTLS command; the handshake is the caller's."""
        return self.docmd("STARTTLS")

    def adopt_tls(self, ssock: ssl.SSLSocket) -> None:
        """Continue over TLS: new reader (anything sent before TLS is dropped, RFC 3207)."""
        if self.file is not None:
            self.file.close()
        self.sock = ssock
        self.file = self._wire.reader(ssock)
        self.helo_resp = None
        self.ehlo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False

    def close_quietly(self) -> None:
        try:
            if self.sock is not None and self._wire.healthy:
                self._wire.before_command()
                self.sock.settimeout(min(QUIT_TIMEOUT, self.sock.gettimeout() or QUIT_TIMEOUT))
                self.docmd("QUIT")
        except (OSError, smtplib.SMTPException):
            pass
        finally:
            self.close()
