"""Hostile SMTP, IMAP and POP3 servers, as ScriptServer scripts.

Each factory takes the TLS context the port needs (implicit TLS ports: 993, 995, 465)
or None, so one script plays on a plain or a TLS port. `endless` scripts send as fast
as the client reads, until it hangs up; the lab's stop flag ends them otherwise.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable

from assistant.lab.hostile.server import Conn, Script, Stopped

MEGABYTE_LINE = b"A" * (1024 * 1024)
INVALID_UTF8 = b"\xff\xfe\xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80"
GREETING = {
    "smtp": b"220 mx.hostile.test Microsoft ESMTP MAIL Service ready\r\n",
    "imap": b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] The Microsoft Exchange IMAP4 "
    b"service is ready.\r\n",
    "pop": b"+OK The Microsoft Exchange POP3 service is ready.\r\n",
}


def _tls_first(context: ssl.SSLContext | None, play: Callable[[Conn], None]) -> Script:
    def script(conn: Conn) -> None:
        if context is not None:
            conn.start_tls(context)
        play(conn)

    return script


def greeting_only(context: ssl.SSLContext | None, greeting: bytes, *, close: bool) -> Script:
    """Send `greeting` (anything: cut short, 1 MB, invalid UTF-8), then hang up or hold."""

    def play(conn: Conn) -> None:
        conn.send(greeting)
        if not close:
            conn.hold()

    return _tls_first(context, play)


def endless(context: ssl.SSLContext | None, first: bytes, line: bytes) -> Script:
    """`first`, then `line` over and over: a greeting or a reply that never ends."""

    def play(conn: Conn) -> None:
        conn.send(first)
        block = line * 256
        while True:
            conn.send(block)

    return _tls_first(context, play)


DRIP_SECONDS = 0.5  # between bytes: half the tests' 1 s timeout, so every byte renews it


def drip(context: ssl.SSLContext | None, greeting: bytes) -> Script:
    """The greeting one byte at a time (the issue's 1 byte/s, scaled to the tests'
    shortened timeout: each byte arrives well within it)."""

    def play(conn: Conn) -> None:
        for byte in greeting:
            conn.send(bytes([byte]))
            conn.sleep(DRIP_SECONDS)
        conn.hold()

    return _tls_first(context, play)


def tls_on_plain_port(context: ssl.SSLContext) -> Script:
    """A plain port (587, 143, 110) that expects a TLS handshake and never greets."""

    def script(conn: Conn) -> None:
        conn.start_tls(context)
        conn.hold()

    return script


def plain_on_tls_port(protocol: str) -> Script:
    """A TLS port (465, 993, 995) that greets in clear text, as if it were a plain one."""
    return greeting_only(None, GREETING[protocol], close=False)


def silent_handshake() -> Script:
    """Accepts TCP, reads the ClientHello, never answers it."""
    return lambda conn: conn.hold()


def conversation(
    context: ssl.SSLContext | None,
    greeting: bytes,
    replies: Callable[[Conn, bytes], None],
) -> Script:
    """Greet, then let `replies(conn, line)` answer each client line (it may never return)."""

    def play(conn: Conn) -> None:
        conn.send(greeting)
        while True:
            replies(conn, conn.line())

    return _tls_first(context, play)


# -- SMTP -------------------------------------------------------------------------------


def smtp_ehlo(lines: int, *, line: bytes = b"X-HOSTILE") -> Callable[[Conn, bytes], None]:
    """EHLO answered with `lines` lines (10,000: a client that stores them all unbounded,
    or splits quadratically, shows here)."""

    def replies(conn: Conn, command: bytes) -> None:
        verb = command[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            body = b"".join(b"250-" + line + b"%d\r\n" % i for i in range(lines))
            conn.send(b"250-mx.hostile.test Hello\r\n" + body + b"250 STARTTLS\r\n")
        elif verb == b"QUIT":
            conn.send(b"221 bye\r\n")
            raise_stop(conn)
        elif verb == b"STAR":
            conn.send(b"454 4.7.0 TLS not available\r\n")
        else:
            conn.send(b"250 OK\r\n")

    return replies


def smtp_starttls_hang() -> Callable[[Conn, bytes], None]:
    """STARTTLS offered and accepted ("220 go ahead"), then no handshake ever."""

    def replies(conn: Conn, command: bytes) -> None:
        verb = command[:8].upper()
        if verb.startswith((b"EHLO", b"HELO")):
            conn.send(b"250-mx.hostile.test Hello\r\n250-SIZE 1000\r\n250 STARTTLS\r\n")
        elif verb.startswith(b"STARTTLS"):
            conn.send(b"220 2.0.0 SMTP server ready\r\n")
            conn.hold()
        else:
            conn.send(b"250 OK\r\n")

    return replies


def raise_stop(conn: Conn) -> None:
    del conn
    raise Stopped


# -- IMAP -------------------------------------------------------------------------------


def imap_literal(size: int = 2 * 1024**3) -> Callable[[Conn, bytes], None]:
    """Any command answered with an untagged response announcing a `size`-byte literal,
    then a trickle of it: a client that reserves or awaits the whole literal is stuck."""

    def replies(conn: Conn, command: bytes) -> None:
        conn.send(b"* CAPABILITY {%d}\r\n" % size)
        while True:
            conn.send(b"A" * 4096)
            conn.sleep(0.05)

    return replies


def imap_endless_untagged() -> Callable[[Conn, bytes], None]:
    def replies(conn: Conn, command: bytes) -> None:
        block = b"* OK still thinking\r\n" * 512
        while True:
            conn.send(block)

    return replies


# -- POP3 -------------------------------------------------------------------------------


def pop_no_terminator(*, endless_lines: bool) -> Callable[[Conn, bytes], None]:
    """CAPA (and any multi-line command) answered without the final '.': either a few
    lines and silence, or lines forever."""

    def replies(conn: Conn, command: bytes) -> None:
        verb = command[:4].upper()
        if verb in (b"CAPA", b"LIST", b"UIDL", b"TOP "):
            conn.send(b"+OK Capability list follows\r\nUSER\r\nSTLS\r\nSASL PLAIN\r\n")
            if not endless_lines:
                conn.hold()
            block = b"X-HOSTILE-CAPABILITY\r\n" * 512
            while True:
                conn.send(block)
        elif verb == b"QUIT":
            conn.send(b"+OK bye\r\n")
            raise_stop(conn)
        else:
            conn.send(b"-ERR no\r\n")

    return replies
