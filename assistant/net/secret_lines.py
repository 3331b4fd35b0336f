"""Lines that are secret because of the line before them.

A SASL exchange sends the credentials on lines of their own after the command (`AUTH
LOGIN`, a challenge, then the user name and the password as base64 lines), and IMAP may
send the LOGIN password as a literal on the line after `{7}`. No pattern that sees one
line can tell those lines from any other; `Exchange` follows a conversation in order.

A transcript knows who said each line (`client`, `server`). Flat text (a saved report, a
log) may not: `line` then masks only what has the shape of a response (a base64 line
inside a SASL exchange, the line after a LOGIN literal), so prose that follows is kept.
"""

from __future__ import annotations

import re

from assistant.net.redact_shapes import MASK, TAG, TRANSCRIPT_PREFIX, is_base64_line

# A client's SASL command, with or without an initial response (a kept or masked one).
_SASL_START = re.compile(
    rf"(?i)(?:(?:{TAG}[ \t]+)?AUTHENTICATE|AUTH)[ \t]+[A-Za-z0-9_-]{{1,40}}(?:[ \t]+\S+)?[ \t]*"
)
_LOGIN = re.compile(rf"{TAG}[ \t]+LOGIN[ \t]")
_LITERAL_END = re.compile(r"\{[0-9]{1,10}\+?\}\Z")  # "{7}" or "{7+}" (LITERAL+) ends the line
_CHALLENGE = re.compile(r"(?:334|\+)(?:[ \t]|\Z)")  # SMTP/POP "334 ...", IMAP "+ ..."
_PREFIX = re.compile(TRANSCRIPT_PREFIX)
# Text without these words starts no exchange and is left alone, quickly.
_MAY_START = re.compile(r"(?i)(?:AUTH(?:ENTICATE)?|LOGIN)[ \t]")

_SASL = "sasl"  # after a SASL command, until the server's final answer
_CHALLENGED = "challenged"  # the server sent a challenge: the client's next line answers it
_LITERAL = "literal"  # after a LOGIN line that announced a literal


class Exchange:
    """Follows one conversation line by line and masks the lines that carry credentials."""

    def __init__(self) -> None:
        self._inside: str | None = None  # _SASL, _CHALLENGED, _LITERAL or None

    def client(self, line: str) -> str:
        """A line the client sent, as it may be shown."""
        if self._inside == _CHALLENGED:
            self._inside = _SASL
            return MASK  # a response to a challenge, whatever its shape
        if self._inside == _LITERAL:
            return self._literal(line)
        self._inside = None  # a client speaks unasked only to start a new command
        self._start(line)
        return line

    def server(self, line: str) -> None:
        """A line the server sent: a challenge asks for a response, anything else ends it."""
        if self._inside is None:
            return
        if not _CHALLENGE.match(line):
            self._inside = None
        elif self._inside == _SASL:
            self._inside = _CHALLENGED

    def line(self, line: str) -> str:
        """A line of flat text, whoever sent it, as it may be shown."""
        if self._inside is not None and _CHALLENGE.match(line):
            return line
        if self._inside in (_SASL, _CHALLENGED):
            if is_base64_line(line):
                return MASK
            self._inside = None
        elif self._inside == _LITERAL:
            return self._literal(line)
        self._start(line)
        return line

    def _start(self, line: str) -> None:
        if _SASL_START.fullmatch(line):
            self._inside = _SASL
        elif _LOGIN.match(line) and _LITERAL_END.search(line.rstrip(" \t")):
            self._inside = _LITERAL

    def _literal(self, line: str) -> str:
        """The literal's content is secret; a literal announced at its end is kept."""
        announced = _LITERAL_END.search(line.rstrip(" \t"))
        if announced is None:
            self._inside = None
            return MASK
        return f"{MASK} {announced.group()}"


def mask_exchanges(text: str) -> str:
    """`text` with the response lines of every SASL exchange and LOGIN literal masked."""
    if _MAY_START.search(text) is None:
        return text
    exchange = Exchange()
    shown: list[str] = []
    for line in text.splitlines(keepends=True):
        body = line.splitlines()[0]
        ending = line[len(body) :]
        prefix = _PREFIX.match(body)
        said = body[prefix.end() :] if prefix else body
        direction = body[prefix.end() - 2] if prefix else None
        if direction == ">":
            new = exchange.client(said)
        elif direction == "<":
            exchange.server(said)
            new = said
        elif direction == "*":
            new = said  # the tool's own note, not part of the conversation
        else:
            new = exchange.line(said)
        shown.append(line if new == said else f"{body[: len(body) - len(said)]}{new}{ending}")
    return "".join(shown)
