"""Numbers a server sent, read as data that may be nonsense.

`int()` is the wrong tool for them: it accepts any Unicode digit ('٣' is 3), raises
ValueError on a string of more than 4,300 digits, and gives a number of any size that
later raises OverflowError in a socket call or ValueError when formatted. Every number
read from a server goes through `parse_server_int`: ASCII digits only, a bounded
length, a range, and one error type whose message names what the server sent.
"""

from __future__ import annotations

import re

from assistant.text import TextError, msg

MAX_DIGITS = 20  # longer than any number a protocol here needs, short enough to read cheaply
SHOWN_CHARS = 40  # how much of a server's value a message repeats

_ASCII_INT = re.compile(r"-?[0-9]+\Z")
_ASCII_NATURAL = re.compile(r"[0-9]+\Z")


class ServerNumberError(TextError, ValueError):
    """A server sent something that is not a number in the range asked for."""


def shown(value: str | bytes, limit: int = SHOWN_CHARS) -> str:
    """A server's value as a message can quote it: at most `limit` characters, and any
    control character written as an escape, so it cannot break a line or a terminal."""
    if isinstance(value, bytes):
        value = value[: limit * 4].decode("utf-8", "replace")
    head = value[:limit]
    out = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in head)
    return out + "…" if len(value) > limit else out


def shown_int(value: int) -> str:
    """An int for a message: str() itself raises ValueError past 4,300 digits."""
    if value.bit_length() <= 64:
        return str(value)
    return ("-" if value < 0 else "") + "…"


def parse_server_int(value: str | bytes, low: int, high: int) -> int:
    """`value` as an int in [low, high]; ServerNumberError naming the value otherwise.

    Only ASCII digits, at most MAX_DIGITS of them, with a leading '-' only when the range
    has negative numbers; the caller strips the whitespace its protocol allows.
    """
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
    form = _ASCII_INT if low < 0 else _ASCII_NATURAL
    if len(text) <= MAX_DIGITS + 1 and form.match(text):
        number = int(text)
        if low <= number <= high:
            return number
    raise ServerNumberError(
        msg(
            "'{value}' is not a whole number from {low} to {high}",
            value=shown(value),
            low=shown_int(low),
            high=shown_int(high),
        )
    )


def parse_port(value: str | bytes) -> int:
    """A TCP port a server named (1 to 65535)."""
    return parse_server_int(value, 1, 65535)
