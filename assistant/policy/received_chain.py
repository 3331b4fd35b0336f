"""A message's `Received:` headers as hops, with the delay each hop added.

Each server that handles a message puts a `Received:` header on top (RFC 5321 section
4.4), so the headers read top = newest. `parse_chain` turns them into `Hop`s, oldest
first (the order the message travelled), and `timeline` adds each hop's delay: the
time since the previous hop with a readable date (or since the message was sent).

Servers' clocks differ. A hop that seems to come *before* the one it follows is clock
skew between the two servers, not time travel: its delay is 0 and it is flagged
`skew`, never a negative number. A date that cannot be read leaves the hop without a
time (`at` None) and without a delay; the next timed hop measures from the last one
that had a time.

Server data is hostile input: at most MAX_HEADERS headers (the newest: those the
recipient's own servers wrote), each cut to MAX_HEADER_CHARS, every field cut to
MAX_FIELD_CHARS; one pass over each header, no regular expression that could backtrack.
Pure functions, no I/O.
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

MAX_HEADERS = 64  # Exchange Online adds 5 to 10 per message; a loop stops at about 30
MAX_HEADER_CHARS = 2048
MAX_FIELD_CHARS = 255
MAX_COMMENT_DEPTH = 8
# RFC 5322 dates (and IMAP's INTERNALDATE) count whole seconds.
DATE_RESOLUTION = 1.0
OWN_CLOCK_RESOLUTION = 2.0  # a server's date against this computer's send time
# The clauses of a Received header (RFC 5321 section 4.4, RFC 5322 section 3.6.7).
_CLAUSES = frozenset({"from", "by", "via", "with", "id", "for"})
# Dates beyond these are not a server's clock, only garbage that parsed.
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC).timestamp()
_LATEST = datetime(2200, 1, 1, tzinfo=UTC).timestamp()


@dataclass(frozen=True)
class Hop:
    """One `Received:` header: who handed the message (`from`) to whom (`by`), how."""

    from_host: str  # as the receiving server names the sender, e.g. "mail.contoso.com"
    from_ip: str  # the address in the from clause's comment, "" when none
    by_host: str
    with_protocol: str  # "ESMTPS", "LMTP", "Microsoft SMTP Server (version=TLS1_2, ...)"
    id: str
    at: float | None  # UTC epoch seconds; None: no date, or one that cannot be read
    date_text: str  # the date as written (cut), for display

    @property
    def sender(self) -> str:
        """'host [ip]', 'host', '[ip]' or ''."""
        if self.from_ip and self.from_ip not in self.from_host:
            return f"{self.from_host} [{self.from_ip}]".strip()
        return self.from_host


@dataclass(frozen=True)
class TimedHop:
    hop: Hop
    delay_s: float | None  # since the previous timed hop (or the send); None: unknown
    skew: bool  # this hop's clock reads earlier than the previous one's: shown as 0


@dataclass(frozen=True)
class Chain:
    hops: tuple[Hop, ...]  # oldest first
    dropped: int  # older headers beyond MAX_HEADERS, not parsed


def parse_chain(values: Sequence[str]) -> Chain:
    """`values`: the Received headers' values as they appear, top (newest) first."""
    kept = list(values[:MAX_HEADERS])
    hops = [parse_received(v) for v in reversed(kept)]
    return Chain(tuple(hops), max(0, len(values) - MAX_HEADERS))


def parse_received(value: str) -> Hop:
    """One header's value, folded or not."""
    text = _unfold(value[:MAX_HEADER_CHARS])
    clauses_text, semicolon, date_text = text.rpartition(";")
    if not semicolon:
        clauses_text, date_text = text, ""
    clauses, comments = _clauses(clauses_text)
    from_words = clauses.get("from", [])
    from_host = from_words[0] if from_words else ""
    from_ip = _bracketed(from_host) or _first_ip(comments.get("from", []))
    date_text = date_text.strip()[:MAX_FIELD_CHARS]
    return Hop(
        from_host=from_host[:MAX_FIELD_CHARS],
        from_ip=from_ip[:MAX_FIELD_CHARS],
        by_host=_first(clauses.get("by", [])),
        with_protocol=_with_text(clauses.get("with", []), comments.get("with", [])),
        id=_first(clauses.get("id", [])),
        at=parse_date(date_text),
        date_text=date_text,
    )


def parse_date(text: str) -> float | None:
    """An RFC 5322 date as UTC epoch seconds; None when it cannot be read. A date
    without a zone (-0000) is taken as UTC."""
    if not text or len(text) > MAX_FIELD_CHARS:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        stamp = parsed.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
    if not (math.isfinite(stamp) and _EARLIEST <= stamp <= _LATEST):
        return None
    return stamp


def timeline(hops: Iterable[Hop], start: float | None = None) -> list[TimedHop]:
    """Each hop's delay since the previous hop that had a time; the first timed hop's
    since `start` (when the message was sent, by this computer's clock) when given."""
    previous = start
    # Against our own clock the first server may read up to two seconds earlier without
    # any skew: its date has whole seconds, and it stamped the message while receiving
    # it, before the DATA reply that `start` was taken at.
    tolerance = OWN_CLOCK_RESOLUTION if start is not None else DATE_RESOLUTION
    timed: list[TimedHop] = []
    for hop in hops:
        if hop.at is None:
            timed.append(TimedHop(hop, None, False))
            continue
        delay, skew = step_delay(previous, hop.at, tolerance)
        tolerance = DATE_RESOLUTION
        timed.append(TimedHop(hop, delay, skew))
        previous = hop.at if previous is None else max(previous, hop.at)
    return timed


def step_delay(
    before: float | None, after: float, tolerance: float = DATE_RESOLUTION
) -> tuple[float | None, bool]:
    """The delay from `before` to `after`, never negative: (0.0, True) when `after`
    reads earlier (the two clocks disagree). Less than `tolerance` earlier is 0 without
    skew: the dates have whole seconds, our send time has fractions."""
    if before is None:
        return None, False
    delay = after - before
    if delay <= -tolerance:
        return 0.0, True
    return round(max(0.0, delay), 3), False


# -- one header ----------------------------------------------------------------------


def _unfold(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").replace("\t", " ").split(" "))


def _clauses(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Words after each clause keyword, and the comments inside each clause; one pass.
    A keyword repeated keeps its first clause (a forged second `from` changes nothing)."""
    words: dict[str, list[str]] = {}
    comments: dict[str, list[str]] = {}
    current: str | None = None
    depth = 0
    word: list[str] = []
    comment: list[str] = []

    def end_word() -> None:
        nonlocal current
        token = "".join(word)
        word.clear()
        if not token:
            return
        lowered = token.lower()
        if lowered in _CLAUSES and lowered not in words:
            current = lowered
            words[current] = []
            comments[current] = []
        elif current is not None and len(words[current]) < 16:
            words[current].append(token[:MAX_FIELD_CHARS])

    for char in text:
        if char == "(":
            if depth == 0:
                end_word()
            depth += 1
            if depth > 1 and depth <= MAX_COMMENT_DEPTH:
                comment.append(char)
        elif char == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                if current is not None and len(comments[current]) < 8:
                    comments[current].append("".join(comment)[:MAX_FIELD_CHARS])
                comment.clear()
            elif depth < MAX_COMMENT_DEPTH:
                comment.append(char)
        elif depth > 0:
            if len(comment) < MAX_FIELD_CHARS:
                comment.append(char)
        elif char == " ":
            end_word()
        elif len(word) < MAX_FIELD_CHARS:
            word.append(char)
    end_word()
    return words, comments


def _first(words: list[str]) -> str:
    return words[0] if words else ""


def _with_text(words: list[str], comments: list[str]) -> str:
    """'ESMTPS', or Microsoft's 'Microsoft SMTP Server (version=TLS1_2, ...)'."""
    text = " ".join(words)
    if comments:
        text = f"{text} ({comments[0]})"
    return text[:MAX_FIELD_CHARS]


def _bracketed(word: str) -> str:
    if word.startswith("[") and word.endswith("]"):
        return word[1:-1]
    return ""


def _first_ip(comments: list[str]) -> str:
    """The address in 'mail.contoso.com [1.2.3.4]' or '([127.0.0.1])' or Microsoft's
    '(2603:10b6:5:1c0::1)'."""
    for text in comments:
        opened = text.find("[")
        if opened >= 0:
            closed = text.find("]", opened)
            if closed > opened:
                return text[opened + 1 : closed]
        bare = text.strip()
        if (
            bare
            and all(c in "0123456789abcdefABCDEF:." for c in bare)
            and (":" in bare or "." in bare)
        ):
            return bare
    return ""
