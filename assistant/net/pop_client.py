"""poplib on a socket we opened, with every line going through a Wire.

poplib's commands (USER, PASS, STAT, CAPA, QUIT) all go through `_putline` and
`_getline`, which are overridden here; the constructor is our own because poplib's
would connect by itself. For STLS the check sends the command here, does the handshake
through the net layer and calls `adopt_tls`.

Credentials go out as UTF-8 (net/sasl.py), in lines we build: poplib's user() and
pass_() would format them into a str command, where a CR LF in a user name becomes a
second command.
"""

from __future__ import annotations

import poplib
import socket
import ssl

from assistant.net import sasl
from assistant.net.mailwire import CRLF, Wire

MAX_LINE = 2048
QUIT_TIMEOUT = 2.0


class PopConnection(poplib.POP3):
    def __init__(self, sock: socket.socket, wire: Wire, host: str, port: int) -> None:
        # Deliberately not poplib.POP3.__init__, which opens its own connection.
        self.encoding = "UTF-8"
        self.host = host
        self.port = port
        self._tls_established = False
        self._debugging = 0
        self._wire = wire
        self.sock = sock
        self.file = wire.reader(sock)
        try:
            wire.before_command()
            self.welcome = self._status()
        except BaseException:
            self.file.close()  # the caller never gets this object to close
            raise

    # poplib's hooks.

    def _putline(self, line: bytes) -> None:
        self._wire.before_command()
        self._wire.sent(line + CRLF)
        self.sock.sendall(line + CRLF)

    def _getline(self) -> tuple[bytes, int]:
        line = self.file.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise poplib.error_proto("-ERR the server sent an over-long line")
        if not line:
            raise poplib.error_proto("-ERR the server closed the connection")
        return line.rstrip(b"\r\n"), len(line)

    # What the checks use.

    def _status(self) -> bytes:
        line, _ = self._getline()
        if not line.startswith(b"+"):
            raise poplib.error_proto(line)
        return line

    def command(self, text: str) -> bytes:
        self._putline(text.encode(self.encoding))
        return self._status()

    @property
    def greeting(self) -> str:
        return self.welcome.decode("utf-8", errors="replace")

    def capabilities(self) -> dict[str, list[str]]:
        """CAPA (RFC 2449); empty when the server does not support it."""
        try:
            return {k.upper(): v for k, v in self.capa().items()}
        except poplib.error_proto:
            if not self._wire.healthy:
                raise
            return {}

    def stls_command(self) -> None:
        """Only the STLS command; raises poplib.error_proto unless it is accepted."""
        self.command("STLS")

    def adopt_tls(self, ssock: ssl.SSLSocket) -> None:
        self.file.close()
        self.sock = ssock
        self.file = self._wire.reader(ssock)
        self._tls_established = True

    def password_login(self, mechanism: str, user: str, password: str) -> None:
        """USER/PASS or AUTH PLAIN; raises poplib.error_proto when refused, and
        sasl.CredentialNotSendable (before sending anything) when the credentials
        cannot go into the command."""
        if mechanism == "USER":
            name = sasl.user_name(user, "POP3 USER")
            secret = sasl.password(password, "POP3 PASS", refused=sasl.NUL + sasl.LINE_BREAKS)
            self._ask(b"USER " + name)
            with self._wire.secret(keep_words=1):  # "PASS"
                self._ask(b"PASS " + secret)
        elif mechanism == "PLAIN":
            blob = sasl.b64(sasl.plain(user, password)).encode("ascii")
            with self._wire.secret(keep_words=2):  # "AUTH PLAIN"
                self._ask(b"AUTH PLAIN " + blob)
        else:
            raise ValueError(f"unsupported POP sign-in {mechanism}")

    def _ask(self, line: bytes) -> bytes:
        self._putline(line)
        return self._status()

    def xoauth2_login(self, user: str, token: str) -> str:
        """AUTH XOAUTH2, the token after the server's "+"; raises poplib.error_proto when
        refused. An error challenge ("+ <base64 JSON>") gets the empty answer first."""
        blob = sasl.b64(sasl.xoauth2(user, token)).encode("ascii")
        with self._wire.secret(keep_words=2):  # "AUTH XOAUTH2"
            self._putline(b"AUTH XOAUTH2")
            line, _ = self._getline()
            if not line.startswith(b"+") or line.startswith(b"+OK"):
                raise poplib.error_proto(line)
            self._putline(blob)
            line, _ = self._getline()
            if line.startswith(b"+") and not line.startswith(b"+OK"):
                self._putline(b"")
                line, _ = self._getline()
        if not line.startswith(b"+OK"):
            raise poplib.error_proto(line)
        return line.decode("utf-8", errors="replace")

    def close_quietly(self) -> None:
        try:
            if self._wire.healthy:
                self._wire.before_command()
                self.sock.settimeout(min(QUIT_TIMEOUT, self.sock.gettimeout() or QUIT_TIMEOUT))
                self.command("QUIT")
        except (OSError, poplib.error_proto):
            pass
        finally:
            try:
                self.file.close()
            finally:
                self.sock.close()
