"""imaplib on a socket we opened, with every line going through a Wire.

Constructing `ImapConnection` reads the greeting and asks for CAPABILITY, as imaplib
always does. For STARTTLS the check sends the command here, does the handshake through
the net layer (TLS inspection, deadlines) and calls `adopt_tls`; imaplib's own
`starttls()` and IMAP4_SSL, which would open and wrap sockets themselves, are not used.
"""

from __future__ import annotations

import imaplib
import socket
import ssl
from typing import TYPE_CHECKING

from assistant.net.mailwire import Wire

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

LOGOUT_TIMEOUT = 2.0


class ImapConnection(imaplib.IMAP4):
    def __init__(self, sock: socket.socket, wire: Wire, host: str, port: int) -> None:
        self._given = sock
        self._wire = wire
        wire.sock = sock
        wire.before_command()  # the greeting, read by imaplib's constructor, gets the budget
        super().__init__(host, port)

    # imaplib's hooks: open() would connect; send() writes a command.

    def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
        self.host = host
        self.port = port
        self.sock = self._given
        self.file = self._wire.reader(self._given)

    def send(self, data: ReadableBuffer) -> None:
        raw = bytes(data)
        self._wire.before_command()
        self._wire.sent(raw)
        self.sock.sendall(raw)

    # What the checks use.

    @property
    def greeting(self) -> str:
        return self.welcome.decode("utf-8", errors="replace")

    def refresh_capabilities(self) -> tuple[str, ...]:
        typ, data = self.capability()
        if typ != "OK" or not data or data[-1] is None:
            raise self.error(f"CAPABILITY was answered {typ}")
        line = data[-1]
        text = line.decode("ascii", errors="replace") if isinstance(line, bytes) else str(line)
        self.capabilities = tuple(text.upper().split())
        return self.capabilities

    def starttls_command(self) -> None:
        """Only the STARTTLS command; raises imaplib.IMAP4.error unless it is accepted."""
        typ, _ = self._simple_command("STARTTLS")
        if typ != "OK":
            raise self.error(f"STARTTLS was answered {typ}: {self._wire.last_reply}")

    def adopt_tls(self, ssock: ssl.SSLSocket) -> tuple[str, ...]:
        """Continue over TLS (anything buffered before it is dropped) and ask again."""
        self.file.close()
        self.sock = ssock
        self.file = self._wire.reader(ssock)
        self._tls_established = True
        return self.refresh_capabilities()

    def password_login(self, mechanism: str, user: str, password: str) -> None:
        """AUTHENTICATE PLAIN or LOGIN; raises imaplib.IMAP4.error when refused."""
        if mechanism == "PLAIN":
            blob = f"\0{user}\0{password}".encode()
            with self._wire.secret(keep_words=3):  # "tag AUTHENTICATE PLAIN"
                self.authenticate("PLAIN", lambda _challenge: blob)
        elif mechanism == "LOGIN":
            with self._wire.secret(keep_words=3):  # "tag LOGIN user"
                self.login(user, password)
        else:
            raise ValueError(f"unsupported IMAP sign-in {mechanism}")

    def xoauth2_login(self, user: str, token: str) -> str:
        """AUTHENTICATE XOAUTH2; raises imaplib.IMAP4.error when refused. A server that
        refuses with an error challenge (Dovecot, Gmail) gets the empty answer the
        mechanism asks for and then says NO."""
        blob = f"user={user}\x01auth=Bearer {token}\x01\x01".encode()
        answers = iter([blob])

        def respond(_challenge: bytes) -> bytes:
            return next(answers, b"")

        with self._wire.secret(keep_words=3):  # "tag AUTHENTICATE XOAUTH2"
            typ, data = self.authenticate("XOAUTH2", respond)
        line = data[-1] if data else b""
        return line.decode("utf-8", "replace") if isinstance(line, bytes) else str(typ)

    def examine_inbox(self) -> int:
        """Open INBOX read-only (EXAMINE); the number of messages in it."""
        typ, data = self.select("INBOX", readonly=True)
        if typ != "OK":
            raise self.error(f"EXAMINE INBOX was answered {typ}: {self._wire.last_reply}")
        first = data[0] if data else None
        return int(first) if isinstance(first, bytes) and first.isdigit() else 0

    def close_quietly(self) -> None:
        try:
            if self._wire.healthy and self.state != "LOGOUT":
                self._wire.before_command()
                self.sock.settimeout(min(LOGOUT_TIMEOUT, self.sock.gettimeout() or LOGOUT_TIMEOUT))
                self.logout()
        except (OSError, imaplib.IMAP4.error):
            pass
        finally:
            try:
                self.file.close()
            finally:
                self.sock.close()
