"""imaplib on a socket we opened, with every line going through a Wire.

Constructing `ImapConnection` reads the greeting and asks for CAPABILITY, as imaplib
always does. For STARTTLS the check sends the command here, does the handshake through
the net layer (TLS inspection, deadlines) and calls `adopt_tls`; imaplib's own
`starttls()` and IMAP4_SSL, which would open and wrap sockets themselves, are not used.

Credentials go out as UTF-8 (net/sasl.py). LOGIN is our own command, not imaplib's
login(), which encodes its line as ASCII and leaves the user name unquoted: each
argument is a quoted string when it is printable ASCII, else a literal (net/imap_args.py),
unsynchronised when the server offers LITERAL+ (or LITERAL- for a short one).
"""

from __future__ import annotations

import imaplib
import socket
import ssl
from typing import TYPE_CHECKING

from assistant.net import sasl
from assistant.net.imap_args import command_parts, non_synchronizing
from assistant.net.mailwire import Wire
from assistant.net.server_numbers import ServerNumberError, parse_server_int

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
        """AUTHENTICATE PLAIN or LOGIN; raises imaplib.IMAP4.error when refused, and
        sasl.CredentialNotSendable (before sending anything) when the credentials
        cannot go into the command."""
        if mechanism == "PLAIN":
            blob = sasl.plain(user, password)
            with self._wire.secret(keep_words=3):  # "tag AUTHENTICATE PLAIN"
                self.authenticate("PLAIN", lambda _challenge: blob)
        elif mechanism == "LOGIN":
            name = sasl.user_name(user, "IMAP LOGIN")
            secret = sasl.password(password, "IMAP LOGIN")
            with self._wire.secret(keep_words=3):  # "tag LOGIN user"
                self._login(name, secret)
        else:
            raise ValueError(f"unsupported IMAP sign-in {mechanism}")

    def _login(self, user: bytes, password: bytes) -> None:
        """LOGIN with both arguments quoted or as literals; after a synchronising
        literal's announcement the rest waits for the server's "+", and a refusal
        instead (NO, BAD) ends the command with nothing more sent."""
        if self.state != "NONAUTH":
            raise self.error(f"LOGIN is not possible in state {self.state}")
        for answered in ("OK", "NO", "BAD"):  # as imaplib's own commands do
            self.untagged_responses.pop(answered, None)
        tag = self._new_tag()
        parts = command_parts(
            [tag, b"LOGIN"], [user, password], non_synchronizing(self.capabilities)
        )
        for index, part in enumerate(parts):
            self.send(part)
            if index < len(parts) - 1 and not self._continued(tag):
                break
        typ, data = self._command_complete("LOGIN", tag)
        if typ != "OK":
            raise self.error(data[-1])
        self.state = "AUTH"

    def _continued(self, tag: bytes) -> bool:
        """Wait for the continuation ("+"); False when the command was answered instead."""
        while self._get_response():  # None: the continuation
            if self.tagged_commands[tag]:
                return False
        return True

    def xoauth2_login(self, user: str, token: str) -> str:
        """AUTHENTICATE XOAUTH2; raises imaplib.IMAP4.error when refused. A server that
        refuses with an error challenge (Dovecot, Gmail) gets the empty answer the
        mechanism asks for and then says NO."""
        answers = iter([sasl.xoauth2(user, token)])

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
        if not isinstance(first, bytes):
            return 0
        try:
            return parse_server_int(first.strip(), 0, 2**32 - 1)  # RFC 3501: number (32 bit)
        except ServerNumberError as exc:
            raise self.error(f"EXAMINE INBOX: {exc}") from None

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
