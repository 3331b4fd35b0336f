"""FETCH items and SEARCH keys for the demo responder's IMAP (demo_imap.py).

FETCH: UID, FLAGS, INTERNALDATE, RFC822.SIZE, RFC822, RFC822.HEADER, RFC822.TEXT,
BODY[...] and BODY.PEEK[...] with "", HEADER, TEXT, HEADER.FIELDS (..) and a <partial>,
and the macros FAST and ALL (without ENVELOPE). SEARCH: ALL, OR, NOT, groups, HEADER,
SUBJECT, FROM, TO, CC, BODY, TEXT, SEEN/UNSEEN, DELETED/UNDELETED, FLAGGED/UNFLAGGED,
LARGER, SMALLER, UID and sequence sets. Both are linear in the items and the messages.
"""

from __future__ import annotations

import email.message
import email.parser
import email.policy
import re
import time
from collections.abc import Callable, Sequence

from assistant.lab.demo_imap_parse import Atom, Token, sequence_set
from assistant.lab.demo_mailstore import Message

_SECTION = re.compile(r"^(BODY(?:\.PEEK)?)\[([^\]]*)\](?:<(\d{1,10})(?:\.(\d{1,10}))?>)?$")
_MACROS = {
    "FAST": ["FLAGS", "INTERNALDATE", "RFC822.SIZE"],
    "ALL": ["FLAGS", "INTERNALDATE", "RFC822.SIZE"],
}
MAX_SEARCH_KEYS = 64


class FetchError(Exception):
    """An item or key this responder does not know: the command is answered BAD."""


def _split(data: bytes) -> tuple[bytes, bytes]:
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return data, b""
    return data[: end + 4], data[end + 4 :]


def _literal(data: bytes) -> bytes:
    return b"{%d}\r\n" % len(data) + data


def _date(stamp: float) -> str:
    return time.strftime("%d-%b-%Y %H:%M:%S +0000", time.gmtime(stamp))


def _header_fields(header: bytes, names: Sequence[str], keep: bool) -> bytes:
    wanted = {n.lower() for n in names}
    out, taking = [], False
    for line in header.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            if taking:
                out.append(line)
            continue
        name = line.split(b":", 1)[0].decode("ascii", "replace").strip().lower()
        taking = bool(line) and ((name in wanted) == keep)
        if taking:
            out.append(line)
    return b"\r\n".join(out) + b"\r\n\r\n"


def _section(message: Message, spec: str) -> bytes:
    header, text = _split(message.data)
    name, _, rest = spec.partition(" ")
    name = name.upper()
    if name == "":
        return message.data
    if name == "HEADER":
        return header
    if name == "TEXT":
        return text
    if name in ("HEADER.FIELDS", "HEADER.FIELDS.NOT"):
        fields = rest.strip().strip("()").split()
        return _header_fields(header, fields, keep=name == "HEADER.FIELDS")
    raise FetchError(f"Unsupported section BODY[{spec}]")


def fetch_items(message: Message, items: Sequence[Token], by_uid: bool, peek_only: bool) -> bytes:
    """The inside of `* n FETCH (...)`; a non-PEEK body fetch sets \\Seen when writable."""
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise FetchError("Invalid fetch item")
        names += _MACROS.get(item.upper(), [item])
    if by_uid and not any(n.upper() == "UID" for n in names):
        names.insert(0, "UID")
    parts: list[bytes] = []
    for raw in names:
        name = raw.upper()
        if name == "UID":
            parts.append(b"UID %d" % message.uid)
        elif name == "FLAGS":
            parts.append(f"FLAGS ({' '.join(sorted(message.flags))})".encode())
        elif name == "INTERNALDATE":
            parts.append(f'INTERNALDATE "{_date(message.internal_date)}"'.encode())
        elif name == "RFC822.SIZE":
            parts.append(b"RFC822.SIZE %d" % message.size)
        elif name in ("RFC822", "RFC822.HEADER", "RFC822.TEXT"):
            spec = {"RFC822": "", "RFC822.HEADER": "HEADER", "RFC822.TEXT": "TEXT"}[name]
            parts.append(name.encode() + b" " + _literal(_section(message, spec)))
            if name != "RFC822.HEADER" and not peek_only:
                message.flags.add("\\Seen")
        else:
            match = _SECTION.match(raw)
            if match is None:
                raise FetchError(f"Unsupported fetch item {raw[:40]}")
            kind, spec, start, length = match.groups()
            data = _section(message, spec)
            label = f"BODY[{spec}]"
            if start is not None:
                offset = int(start)
                data = data[offset : offset + int(length)] if length else data[offset:]
                label += f"<{offset}>"
            parts.append(label.encode() + b" " + _literal(data))
            if kind.upper() == "BODY" and not peek_only:
                message.flags.add("\\Seen")
    return b" ".join(parts)


# -- SEARCH ---------------------------------------------------------------------------------

Test = Callable[[int, Message], bool]


def _headers(message: Message) -> email.message.Message:
    header, _ = _split(message.data)
    return email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(header)


def _header_has(name: str, value: str) -> Test:
    def test(_seq: int, message: Message) -> bool:
        values = _headers(message).get_all(name) or []
        return any(value.lower() in str(v).lower() for v in values)

    return test


def _flag(flag: str, present: bool) -> Test:
    return lambda _seq, message: (flag in message.flags) == present


def search(view: Sequence[Message], keys: Sequence[Token]) -> set[Message]:
    """The messages of `view` (in order, sequence numbers from 1) matching every key."""
    budget = [MAX_SEARCH_KEYS]
    queue = list(keys)
    tests = []
    while queue:
        tests.append(_key(queue, view, budget))
    return {m for seq, m in enumerate(view, 1) if all(t(seq, m) for t in tests)}


def _take(queue: list[Token]) -> str:
    if not queue or isinstance(queue[0], list):
        raise FetchError("Missing search argument")
    return str(queue.pop(0))


def _key(queue: list[Token], view: Sequence[Message], budget: list[int]) -> Test:
    budget[0] -= 1
    if budget[0] < 0:
        raise FetchError("Too many search keys")
    token = queue.pop(0)
    if isinstance(token, list):
        inner = list(token)
        tests = []
        while inner:
            tests.append(_key(inner, view, budget))
        return lambda seq, m: all(t(seq, m) for t in tests)
    word = token.upper() if isinstance(token, Atom) else token
    flags = {
        "SEEN": ("\\Seen", True),
        "UNSEEN": ("\\Seen", False),
        "DELETED": ("\\Deleted", True),
        "UNDELETED": ("\\Deleted", False),
        "FLAGGED": ("\\Flagged", True),
        "UNFLAGGED": ("\\Flagged", False),
    }
    if word == "ALL":
        return lambda _seq, _m: True
    if word in flags:
        return _flag(*flags[word])
    if word == "OR":
        first, second = _key(queue, view, budget), _key(queue, view, budget)
        return lambda seq, m: first(seq, m) or second(seq, m)
    if word == "NOT":
        inner_test = _key(queue, view, budget)
        return lambda seq, m: not inner_test(seq, m)
    if word == "HEADER":
        name = _take(queue)
        return _header_has(name, _take(queue))
    if word in ("SUBJECT", "FROM", "TO", "CC", "BCC"):
        return _header_has(word, _take(queue))
    if word in ("BODY", "TEXT"):
        needle = _take(queue).lower().encode()
        whole = word == "TEXT"
        return lambda _seq, m: needle in (m.data if whole else _split(m.data)[1]).lower()
    if word in ("LARGER", "SMALLER"):
        number = _take(queue)
        if not number.isdigit() or len(number) > 12:
            raise FetchError("Invalid size")
        size = int(number)
        if word == "LARGER":
            return lambda _seq, m: m.size > size
        return lambda _seq, m: m.size < size
    if word == "UID":
        uids = sequence_set(_take(queue), max((m.uid for m in view), default=0))
        return lambda _seq, m: m.uid in uids
    if isinstance(token, Atom) and (token[:1].isdigit() or token[:1] == "*"):
        seqs = sequence_set(str(token), len(view))
        return lambda seq, _m: seq in seqs
    raise FetchError(f"Unknown search key {str(token)[:40]}")
