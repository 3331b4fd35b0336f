"""Watching a mailbox for a tagged message with imapclient, over our own socket.

Why not let imapclient connect: IMAPClient opens its socket itself (imaplib's
`socket.create_connection`, or `ssl.wrap_socket` in IMAP4_TLS), which would bypass
everything the net layer guarantees: the --connect-to routing the lab and support
rely on, our resolver, the check's deadline and cancel token on every read, TLS
validated and inspected by net/tls.py, and a transcript of every line. So the check
opens the connection as imap.login does (checks/mail/session.Conversation, TLS and
all) with a `WatchConnection`, and `WatchClient` — an IMAPClient whose
`_create_IMAP4` returns that live connection instead of dialling — gives it
imapclient's SEARCH, FETCH parsing, IDLE, flags and EXPUNGE.

Two of imapclient's habits are adjusted here:
- `idle_check()` polls the socket's file descriptor and then reads lines with the
  socket non-blocking until it would block. Over TLS, a buffered reader loses a line
  cut by "would block", and data already read into a buffer never wakes the poll. The
  connection therefore reads through `PollableReader`, which keeps a partial line and
  says "no data yet" as the TimeoutError imapclient expects (not as a failure of the
  conversation), and `WatchClient`'s poll answers at once when a line is waiting.
- `_set_read_timeout()` would set the socket's timeout to None (blocking forever)
  after each idle_check; it gives the socket the check's remaining budget instead.

Sign-in is not imapclient's `login()`: that goes through imaplib's LOGIN, which
encodes the line as ASCII and leaves the user name unquoted, so a password beyond
ASCII cannot be sent; `oauth2_login()` would answer a server's error challenge with
the token again. WatchConnection inherits imap_client.ImapConnection's UTF-8
AUTHENTICATE PLAIN / LOGIN and XOAUTH2, with the secret lines masked in the transcript.
"""

from __future__ import annotations

import email.parser
import email.policy
import socket
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, cast

from imapclient import IMAPClient
from imapclient.imapclient import JUNK

from assistant.cancel import CancelToken
from assistant.net.imap_client import ImapConnection
from assistant.net.mailwire import ClosedMidReply, MailIOError, Wire
from assistant.text import msg

MAX_HEADER_BYTES = 65536  # a message's header as fetched (BODY.PEEK[HEADER]<0.N>)
MAX_LINE = 1_000_001  # imaplib's own limit (_MAXLINE + 1)
IDLE_SLICE = 1.0  # seconds one idle_check may block: cancel and the deadline are seen this fast
JUNK_EVERY = 3.0  # seconds between looks into the Junk folder
JUNK_NAMES = ("Junk", "Junk Email", "Junk E-mail", "Spam")


class PollableReader:
    """The line reader imaplib reads from, kept by us: lines go to the Wire's transcript;
    a partial line stays here when the socket has nothing more yet."""

    def __init__(self, sock: socket.socket, wire: Wire) -> None:
        self._sock = sock
        self._wire = wire
        self._buffer = bytearray()
        self._closed = False
        wire.sock = sock

    @property
    def waiting(self) -> bool:
        """A whole line is here already, or TLS holds decrypted bytes the poll cannot see."""
        if b"\n" in self._buffer:
            return True
        return isinstance(self._sock, ssl.SSLSocket) and self._sock.pending() > 0

    def _fill(self) -> bool:
        """Read what the socket has; False at the end of the stream."""
        try:
            chunk = self._sock.recv(65536)
        except (ssl.SSLWantReadError, BlockingIOError):
            # Non-blocking (imapclient's idle_check): "nothing yet", as it expects it.
            raise TimeoutError("no data yet") from None
        except OSError as exc:
            raise self._wire.read_failed(exc) from None
        if not chunk:
            self._wire.server_closed()
            return False
        self._buffer += chunk
        return True

    def readline(self, limit: int = -1) -> bytes:
        limit = MAX_LINE if limit < 0 else min(limit, MAX_LINE)
        while True:
            end = self._buffer.find(b"\n", 0, limit)
            if end >= 0:
                line = bytes(self._buffer[: end + 1])
                del self._buffer[: end + 1]
                self._wire.received(line)
                return line
            if len(self._buffer) >= limit:  # imaplib then says the line is too long
                line = bytes(self._buffer[:limit])
                del self._buffer[:limit]
                return line
            if not self._fill():
                if self._buffer:
                    self._wire.received(bytes(self._buffer))
                    self._buffer.clear()
                    raise self._wire.fail(
                        ClosedMidReply(
                            msg("the server closed the connection in the middle of a reply")
                        )
                    )
                return b""

    def read(self, size: int = -1) -> bytes:
        """A literal of `size` bytes (imaplib announces it); the transcript notes its size."""
        if size < 0 or size > MAX_LINE:
            raise self._wire.fail(
                MailIOError(
                    msg("the server announced {size} bytes of data, more than asked for", size=size)
                )
            )
        while len(self._buffer) < size:
            if not self._fill():
                break
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        self._wire.note(f"({len(data)} bytes of message data)")
        return data

    def close(self) -> None:
        self._closed = True
        self._buffer.clear()

    @property
    def closed(self) -> bool:
        return self._closed


class WatchConnection(ImapConnection):
    """imap_client.ImapConnection reading through a PollableReader."""

    reader: PollableReader

    def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
        self.host, self.port = host, port
        self.sock = self._given
        self.reader = PollableReader(self._given, self._wire)
        self.file = cast(BinaryIO, self.reader)

    def adopt_tls(self, ssock: ssl.SSLSocket) -> tuple[str, ...]:
        self.file.close()
        self.sock = ssock
        self.reader = PollableReader(ssock, self._wire)
        self.file = cast(BinaryIO, self.reader)
        self._tls_established = True
        return self.refresh_capabilities()

    @property
    def wire(self) -> Wire:
        return self._wire


class WatchClient(IMAPClient):  # type: ignore[misc]
    """IMAPClient on a connection that is already open, signed in or not."""

    def __init__(self, connection: WatchConnection) -> None:
        self._given = connection
        super().__init__(connection.host, connection.port, ssl=False)
        self._imap.debug = 0  # the Wire's transcript is the record, never imaplib's logger
        self.normalise_times = False  # INTERNALDATE with its zone, not local naive time

    def _create_IMAP4(self) -> WatchConnection:
        return self._given

    def _set_read_timeout(self) -> None:
        self._given.wire.before_command()

    def _poll_socket(self, sock: socket.socket, timeout: float | None = None) -> Any:
        if self._given.reader.waiting:
            return [(sock.fileno(), 1)]
        return super()._poll_socket(sock, timeout)

    def _select_poll_socket(self, sock: socket.socket, timeout: float | None = None) -> Any:
        if self._given.reader.waiting:
            return [sock]
        return super()._select_poll_socket(sock, timeout)


# -- what the round trip asks of the mailbox ---------------------------------------------


@dataclass(frozen=True)
class Found:
    folder: str
    uid: int
    seen_at: float  # UTC epoch seconds, this computer's clock, when SEARCH found it


@dataclass(frozen=True)
class Fetched:
    headers: dict[str, list[str]]  # lower-case name -> values, top first
    internal_date: float | None  # UTC epoch seconds (the server's INTERNALDATE)


def junk_folder(client: WatchClient) -> str | None:
    """The folder with the \\Junk special-use flag (RFC 6154), else one named like Junk."""
    folders = client.list_folders()
    for flags, _delimiter, name in folders:
        if JUNK in flags:
            return str(name)
    names = {str(name).lower(): str(name) for _flags, _delimiter, name in folders}
    return next((names[n.lower()] for n in JUNK_NAMES if n.lower() in names), None)


def search_tag(client: WatchClient, folder: str, header: str, tag: str) -> list[int]:
    """UIDs in `folder` whose `header` or subject holds `tag` (Exchange's IMAP search
    of an arbitrary header is not always complete, the subject is)."""
    client.select_folder(folder, readonly=True)
    found = client.search(["OR", "HEADER", header, tag, "SUBJECT", tag])
    return sorted(int(uid) for uid in found)


def find_message(
    client: WatchClient,
    header: str,
    tag: str,
    folders: Sequence[str],
    token: CancelToken,
    until: float,
) -> Found | None:
    """Look for `header: tag` in each of `folders` (INBOX first) until `until`
    (time.monotonic()); between looks, IDLE on the first folder (when offered) in
    slices of IDLE_SLICE seconds, and look again when it reports a new message, or
    every JUNK_EVERY seconds."""
    idle = client.has_capability("IDLE")
    while True:
        for folder in folders:
            uids = search_tag(client, folder, header, tag)
            if uids:
                return Found(folder, uids[0], time.time())
        token.raise_if_cancelled()
        left = until - time.monotonic()
        if left <= 0:
            return None
        round_ends = time.monotonic() + min(JUNK_EVERY, left)
        if not idle:
            if token.wait(round_ends - time.monotonic()):
                token.raise_if_cancelled()
            continue
        client.select_folder(folders[0], readonly=True)
        client.idle()
        try:
            while (now := time.monotonic()) < round_ends:
                responses = client.idle_check(timeout=min(IDLE_SLICE, round_ends - now))
                token.raise_if_cancelled()
                if any(len(r) > 1 and r[1] == b"EXISTS" for r in responses):
                    break
        finally:
            if not token.cancelled:
                client.idle_done()


def fetch_headers(client: WatchClient, found: Found) -> Fetched:
    client.select_folder(found.folder, readonly=True)
    wanted = [b"INTERNALDATE", f"BODY.PEEK[HEADER]<0.{MAX_HEADER_BYTES}>".encode()]
    answer = client.fetch([found.uid], wanted).get(found.uid, {})
    raw = b""
    for key, value in answer.items():
        if isinstance(key, bytes) and key.startswith(b"BODY[HEADER]") and isinstance(value, bytes):
            raw = value[:MAX_HEADER_BYTES]
    internal = answer.get(b"INTERNALDATE")
    stamp = internal.timestamp() if isinstance(internal, datetime) and internal.tzinfo else None
    return Fetched(parse_headers(raw), stamp)


def parse_headers(raw: bytes) -> dict[str, list[str]]:
    """A header block as name -> values (top first); bounded by MAX_HEADER_BYTES."""
    parsed = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(
        raw[:MAX_HEADER_BYTES]
    )
    headers: dict[str, list[str]] = {}
    for name, value in parsed.items():
        headers.setdefault(name.lower(), []).append(str(value))
    return headers


def delete(client: WatchClient, found: Found) -> None:
    """+FLAGS \\Deleted and expunge that one message (UID EXPUNGE when offered)."""
    client.select_folder(found.folder)
    client.add_flags([found.uid], [b"\\Deleted"], silent=True)
    if client.has_capability("UIDPLUS"):
        client.uid_expunge([found.uid])
    else:
        client.expunge()
