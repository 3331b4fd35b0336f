"""smtplib on a socket we opened, with every line going through a Wire.

smtplib never connects by itself here: `SmtpConnection` is handed the socket (plain
for STARTTLS, already TLS for implicit TLS), and after STARTTLS the check does the
handshake through the net layer (TLS inspection, deadlines) and calls `adopt_tls`.

AUTH is our own exchange, not smtplib's auth(), which encodes each SASL response as
ASCII: a password such as "pässwörd€" raised UnicodeEncodeError there. The responses
are UTF-8 (net/sasl.py), as RFC 4616 and Exchange Online have them.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from typing import TYPE_CHECKING

from assistant.net import sasl
from assistant.net.mailwire import Wire

if TYPE_CHECKING:
    from collections.abc import Sequence

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
        """AUTH PLAIN or LOGIN; raises smtplib.SMTPAuthenticationError when refused, and
        sasl.CredentialNotSendable (before sending anything) when the credentials
        cannot go into the command."""
        if mechanism == "PLAIN":
            return self._sasl("PLAIN", sasl.plain(user, password), [])
        if mechanism == "LOGIN":
            # The user name as the initial response, the password for the 334 that
            # follows: what smtplib sends, and what Exchange Online takes.
            name, secret = sasl.login(user, password)
            return self._sasl("LOGIN", name, [secret])
        raise ValueError(f"unsupported SASL mechanism {mechanism}")

    def xoauth2(self, user: str, token: str) -> tuple[int, bytes]:
        """AUTH XOAUTH2 with the initial response (RFC 4954); an error challenge (334)
        gets the empty answer. Raises smtplib.SMTPAuthenticationError when refused."""
        return self._sasl("XOAUTH2", sasl.xoauth2(user, token), [b""])

    def _sasl(self, mechanism: str, initial: bytes, answers: Sequence[bytes]) -> tuple[int, bytes]:
        """AUTH with an initial response, then one of `answers` per 334 challenge; a
        334 beyond them is cancelled ("*", RFC 4954). Only 235 means signed in."""
        pending = iter(answers)
        with self._wire.secret(keep_words=2):  # "AUTH <mechanism>"
            code, message = self.docmd("AUTH", f"{mechanism} {sasl.b64(initial)}")
            while code == 334:
                answer = next(pending, None)
                if answer is None:
                    code, message = self.docmd("*")
                    break
                code, message = self.docmd(sasl.b64(answer))
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
