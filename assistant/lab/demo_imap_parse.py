"""Reading one IMAP command for the demo responder: the line, its literals, its tokens.

Linear in the command's size and bounded by demo_wire's limits (line, literal, nesting).
Tokens: `Atom` (a str subclass, case-insensitive keywords, sequence sets, fetch items
with their [section]<partial>), str (quoted strings and literals), and lists for
parenthesised groups.
"""

from __future__ import annotations

import re
from typing import Union

from assistant.lab.demo_wire import MAX_DEPTH, Hostile, LineSocket

_LITERAL = re.compile(rb"\{(\d{1,10})(\+?)\}$")
MAX_LITERALS = 8  # per command: LOGIN needs two


class Atom(str):
    """An unquoted token."""


Token = Union[str, list["Token"]]  # noqa: UP007 - a recursive alias needs Union at runtime


class BadCommand(Exception):
    """Not a command this responder can read; answered BAD."""


def read_command(wire: LineSocket, wait: float | None) -> list[tuple[bool, bytes]] | None:
    """The command as (is_literal, bytes) pieces; None when nothing came within `wait`."""
    line = wire.read_line(wait=wait)
    if line is None:
        return None
    pieces: list[tuple[bool, bytes]] = []
    while True:
        match = _LITERAL.search(line)
        if match is None:
            pieces.append((False, line))
            return pieces
        if len(pieces) >= 2 * MAX_LITERALS:
            raise Hostile("Too many literals.")
        size = int(match.group(1))
        pieces.append((False, line[: match.start()]))
        if not match.group(2):
            if size > 65536:
                raise Hostile("Literal too large.")
            wire.send(b"+ OK\r\n")
        pieces.append((True, wire.read_exact(size)))
        next_line = wire.read_line()
        line = next_line if next_line is not None else b""


def tokenize(pieces: list[tuple[bool, bytes]]) -> list[Token]:
    root: list[Token] = []
    stack = [root]
    for is_literal, data in pieces:
        if is_literal:
            stack[-1].append(data.decode("utf-8", "replace"))
            continue
        _scan(data.decode("utf-8", "replace"), stack)
    if len(stack) != 1:
        raise BadCommand("Missing ')'")
    return root


def _scan(text: str, stack: list[list[Token]]) -> None:
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == " ":
            i += 1
        elif c == "(":
            if len(stack) > MAX_DEPTH:
                raise Hostile("Too deeply nested.")
            group: list[Token] = []
            stack[-1].append(group)
            stack.append(group)
            i += 1
        elif c == ")":
            if len(stack) == 1:
                raise BadCommand("Unexpected ')'")
            stack.pop()
            i += 1
        elif c == '"':
            i, value = _quoted(text, i + 1)
            stack[-1].append(value)
        else:
            i, value = _atom(text, i)
            stack[-1].append(Atom(value))


def _quoted(text: str, i: int) -> tuple[int, str]:
    out = []
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        elif c == '"':
            return i + 1, "".join(out)
        else:
            out.append(c)
            i += 1
    raise BadCommand("Missing '\"'")


def _atom(text: str, i: int) -> tuple[int, str]:
    """Up to a space or parenthesis, but a [section] (which may hold both) whole."""
    start = i
    while i < len(text) and text[i] not in ' ()"':
        if text[i] == "[":
            end = text.find("]", i)
            if end < 0:
                raise BadCommand("Missing ']'")
            i = end
        i += 1
    return i, text[start:i]


def sequence_set(text: str, largest: int) -> set[int]:
    """ "1:3,5,7:*" as numbers (up to `largest` for "*"); BadCommand when malformed."""
    numbers: set[int] = set()
    for part in text.split(","):
        low, colon, high = part.partition(":")
        try:
            a = largest if low == "*" else int(low)
            b = a if not colon else (largest if high == "*" else int(high))
        except ValueError:
            raise BadCommand("Invalid sequence set") from None
        a, b = min(a, b), max(a, b)
        # Bounded by what exists: a client's "1:4294967295" costs no more than "1:*".
        numbers.update(range(max(a, 1), min(b, largest) + 1))
    return numbers
