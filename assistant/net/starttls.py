"""Plaintext preambles that bring a socket to the point where TLS starts.

They read replies line by line from the raw socket without buffering ahead, so no
byte of the TLS handshake is ever consumed by mistake.
"""

from __future__ import annotations

import socket

from assistant.net.server_numbers import ServerNumberError, parse_server_int
from assistant.net.transcript import Transcript
from assistant.text import TextError, msg

MAX_LINE = 4096
MAX_REPLY_LINES = 100


class ProtocolError(TextError):
    """The server said something that ends the conversation; the message quotes it."""


def read_line(sock: socket.socket) -> str:
    data = bytearray()
    while not data.endswith(b"\n"):
        chunk = sock.recv(1)
        if not chunk:
            raise ProtocolError(msg("the server closed the connection"))
        data += chunk
        if len(data) > MAX_LINE:
            raise ProtocolError(msg("the server sent an over-long line"))
    return data.decode("utf-8", errors="replace").rstrip("\r\n")


def read_smtp_reply(
    sock: socket.socket, transcript: Transcript | None = None
) -> tuple[int, list[str]]:
    """One SMTP reply: its code and its text lines (multi-line replies joined)."""
    lines: list[str] = []
    for _ in range(MAX_REPLY_LINES):
        line = read_line(sock)
        if transcript is not None:
            transcript.server(line)
        try:
            code = parse_server_int(line[:3], 200, 599)  # RFC 5321 4.2: 2yz to 5yz, ASCII
        except ServerNumberError:
            raise ProtocolError(
                msg("not an SMTP reply: {server_reply}", server_reply=repr(line[:80]))
            ) from None
        lines.append(line[4:])
        if len(line) == 3 or line[3] == " ":
            return code, lines
    raise ProtocolError(msg("the server's reply had too many lines"))


def send_line(sock: socket.socket, text: str, transcript: Transcript | None = None) -> None:
    if transcript is not None:
        transcript.client(text)
    sock.sendall(text.encode("ascii") + b"\r\n")


def smtp_starttls(
    sock: socket.socket, helo_name: str, transcript: Transcript | None = None
) -> list[str]:
    """Banner, EHLO, STARTTLS; returns the EHLO extension lines offered before TLS."""
    code, lines = read_smtp_reply(sock, transcript)
    if code != 220:
        raise ProtocolError(
            msg("the server's greeting was {server_reply}", server_reply=_reply(code, lines))
        )
    send_line(sock, f"EHLO {helo_name}", transcript)
    code, extensions = read_smtp_reply(sock, transcript)
    if code != 250:
        raise ProtocolError(
            msg("EHLO was answered {server_reply}", server_reply=_reply(code, extensions))
        )
    offered = [e.split()[0].upper() for e in extensions[1:] if e.strip()]
    if "STARTTLS" not in offered:
        raise ProtocolError(msg("the server does not offer STARTTLS"))
    send_line(sock, "STARTTLS", transcript)
    code, lines = read_smtp_reply(sock, transcript)
    if code != 220:
        raise ProtocolError(
            msg("STARTTLS was answered {server_reply}", server_reply=_reply(code, lines))
        )
    return extensions[1:]


def _reply(code: int, lines: list[str]) -> str:
    return f"{code} {' '.join(lines)}"
