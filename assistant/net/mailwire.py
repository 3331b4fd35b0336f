"""The wire under imaplib, poplib and smtplib: every line in and out of one connection
goes through here, into that connection's Transcript.

The libraries get a socket we opened (connect-to map, resolver, deadlines, cancel
token) and read through a `WireReader` instead of their own `makefile()`. Before each
command the socket's timeout is set to what the check may still spend, so no reply can
hang a check past its deadline. A silent server and a server that hangs up in the
middle of a line are recorded as `failure`, in plain words, whatever exception the
library then turns them into.
"""

from __future__ import annotations

import contextlib
import io
import socket
import time
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from assistant.net.redact import MASK
from assistant.net.transcript import Transcript
from assistant.text import TextError, msg

CRLF = b"\r\n"
MAX_LITERAL = 1_000_001  # bytes of one IMAP literal: imaplib's own line limit (_MAXLINE + 1)
# Lines one reply may have (issue 19: a greeting or CAPA that never ends was read and kept
# in the transcript until the check's deadline, burning CPU and memory). Real multi-line
# replies have tens of lines; the catalogue's 10,000-line EHLO still fits.
MAX_REPLY_LINES = 20_000


class MailIOError(TextError, OSError):
    """The conversation broke off; the message says how, in plain words."""


class ReplyTimeout(MailIOError):
    pass


class ClosedMidReply(MailIOError):
    pass


class Wire:
    """One connection's conversation, as the transcript records it."""

    def __init__(self, transcript: Transcript, budget: Callable[[], float]) -> None:
        self.transcript = transcript
        self._budget = budget  # seconds the next reply may take; raises when out of time
        self._pending = b""
        self._secret_words: int | None = None  # inside secret(): words kept of the first line
        self._secret_lines = 0
        self.sock: socket.socket | None = None
        self.failure: MailIOError | None = None
        self.closed_by_server = False
        self.last_reply = ""  # the last line the server sent
        self.lines_since_command = 0  # lines read since before_command(): bounded
        # The time the line being read was given: what a timeout says it waited (the
        # socket's own timeout is by then only the last slice of it, 0.99999 s of 1 s).
        self.line_window: float | None = None

    def reader(self, sock: socket.socket) -> BinaryIO:
        """A line reader over `sock` that records what it reads; pass it to the library."""
        self.sock = sock
        return cast(BinaryIO, WireReader(io.BufferedReader(_LineTimedSocket(sock, self)), self))

    def before_command(self) -> None:
        """Give the next reply what the check may still spend (per-operation timeout)."""
        self.lines_since_command = 0
        if self.sock is not None:
            self.sock.settimeout(self._budget())

    def sent(self, data: bytes) -> None:
        self._pending += data
        while CRLF in self._pending:
            line, _, self._pending = self._pending.partition(CRLF)
            self.transcript.client(self._shown(line.decode("utf-8", errors="replace")))

    def received(self, line: bytes) -> None:
        text = line.decode("utf-8", errors="replace").rstrip("\r\n")
        self.last_reply = text
        self.transcript.server(text)

    def note(self, text: str) -> None:
        self.transcript.note(text)

    @contextlib.contextmanager
    def secret(self, keep_words: int) -> Iterator[None]:
        """Client lines sent inside are secret: the first keeps its first `keep_words`
        words (the command, e.g. 'AUTH PLAIN'), every later one (SASL continuations) is
        masked whole. The run's Redactor masks known secrets too; this does not rely on it.
        """
        self._secret_words, self._secret_lines = keep_words, 0
        try:
            yield
        finally:
            self._secret_words = None

    def _shown(self, line: str) -> str:
        if self._secret_words is None:
            return line
        self._secret_lines += 1
        if self._secret_lines > 1:
            return MASK
        words = line.split(" ")
        if len(words) <= self._secret_words:
            return line
        return " ".join([*words[: self._secret_words], MASK])

    @property
    def healthy(self) -> bool:
        """Still worth a polite goodbye: no failure and the server has not hung up."""
        return self.failure is None and not self.closed_by_server

    def fail(self, error: MailIOError) -> MailIOError:
        if self.failure is None:
            self.failure = error
            self.transcript.note(str(error))
        return error

    def read_failed(self, exc: OSError) -> MailIOError:
        """What a read that raised `exc` means, recorded: no reply in time, or a broken
        connection (the readers of every protocol say it the same way)."""
        if isinstance(exc, TimeoutError):
            return self.fail(ReplyTimeout(self.timeout_text()))
        return self.fail(
            MailIOError(
                msg("the connection failed while waiting for a reply: {error}", error=str(exc))
            )
        )

    def server_closed(self) -> None:
        """The server hung up (recorded once)."""
        if not self.closed_by_server:
            self.closed_by_server = True
            self.note("the server closed the connection")

    def timeout_text(self) -> str:
        seconds = self.line_window
        if seconds is None and self.sock is not None:
            seconds = self.sock.gettimeout()
        if seconds:
            return msg("the server sent no reply within {seconds} s", seconds=f"{seconds:.3g}")
        return msg("the server sent no reply")


class _LineTimedSocket(io.RawIOBase):
    """The socket under a WireReader. While a line is read, each recv may wait only for
    what is left of that line's time: a plain socket timeout is renewed by every byte,
    so a server sending one byte a second kept a greeting going until the check's
    deadline (issue 19's slow drip). Outside a line (data reads) the timeout is per recv."""

    def __init__(self, sock: socket.socket, wire: Wire) -> None:
        super().__init__()
        self._sock = sock
        self._wire = wire
        self.line_until: float | None = None  # monotonic time the current line must end by
        self.line_bytes = 0  # bytes received since the current line began

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.line_until is not None:
            left = self.line_until - time.monotonic()
            if left <= 0:
                raise TimeoutError
            self._sock.settimeout(left)
        count = self._sock.recv_into(buffer)
        self.line_bytes += count
        return count

    def start_line(self) -> float | None:
        """Begin a line; returns the socket's timeout, restored by end_line()."""
        timeout = self._sock.gettimeout()
        self._wire.line_window = timeout
        self.line_bytes = 0
        self.line_until = None if not timeout else time.monotonic() + timeout
        return timeout

    def end_line(self, timeout: float | None) -> None:
        self.line_until = None
        with contextlib.suppress(OSError):
            self._sock.settimeout(timeout)


class WireReader:
    """What the libraries read from: a buffered socket file that records each line."""

    def __init__(self, raw: io.BufferedReader, wire: Wire) -> None:
        self._raw = raw
        self._wire = wire
        timed = raw.raw
        assert isinstance(timed, _LineTimedSocket)
        self._timed = timed

    def readline(self, limit: int = -1) -> bytes:
        timeout = self._timed.start_line()
        try:
            line = self._raw.readline(limit)
        except TimeoutError:
            if self._timed.line_bytes and timeout:
                # Some of the line came, its end did not: a trickle, not silence.
                raise self._wire.fail(
                    ReplyTimeout(
                        msg(
                            "the server sent its reply too slowly: no complete line within "
                            "{seconds} s",
                            seconds=f"{timeout:g}",
                        )
                    )
                ) from None
            raise self._wire.read_failed(TimeoutError()) from None
        except OSError as exc:
            raise self._wire.read_failed(exc) from None
        finally:
            self._timed.end_line(timeout)
        if not line:
            self._wire.server_closed()
            return line
        if not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            self._wire.received(line)
            raise self._wire.fail(
                ClosedMidReply(msg("the server closed the connection in the middle of a reply"))
            )
        self._wire.received(line)
        self._wire.lines_since_command += 1
        if self._wire.lines_since_command > MAX_REPLY_LINES:
            raise self._wire.fail(
                MailIOError(
                    msg(
                        "the server's reply ran past {count} lines without ending; stopped reading",
                        count=MAX_REPLY_LINES,
                    )
                )
            )
        return line

    def read(self, size: int = -1) -> bytes:
        # imaplib reads a literal of the size the server announced, and a buffered read
        # reserves that much at once: "{2147483648}" cost 2 GB (a MemoryError under a
        # memory limit, found by fuzzing). Nothing our checks fetch here comes near
        # imaplib's own line limit; a larger literal is refused, as mailbox_watch does.
        if size < 0 or size > MAX_LITERAL:
            raise self._wire.fail(
                MailIOError(
                    msg("the server announced {size} bytes of data, more than asked for", size=size)
                )
            )
        try:
            data = self._raw.read(size)
        except TimeoutError:
            raise self._wire.fail(ReplyTimeout(self._wire.timeout_text())) from None
        self._wire.note(f"({len(data)} bytes of message data)")
        return data

    def close(self) -> None:
        self._raw.close()

    @property
    def closed(self) -> bool:
        return self._raw.closed
