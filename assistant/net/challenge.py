"""WWW-Authenticate challenges (RFC 9110 §11.6.1), parsed without any I/O.

A server may send several header lines, and one line may hold several challenges
separated by commas (`Basic realm="x", Bearer authorization_uri="..."`), so a comma does
not always start a new challenge: after a comma, a token followed by `=` is another
parameter of the current challenge, and any other token starts a new one. A scheme may
carry a token68 instead (`Negotiate YIIGhg...==`). Quoted strings may hold commas
(`trusted_issuers="a@t1,b@t2"`) and backslash escapes.

Real servers break the grammar, so this reads leniently, in one pass over the text
(linear in its length, whatever it holds): a quote that never closes ends at the next
comma, parameters missing their comma (`realm="x" error="y"`) are still read, and
anything that is not a challenge is skipped rather than guessed at. Sizes are capped:
a header is hostile input like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_CHALLENGES = 32  # more is no server's answer; the rest is ignored
MAX_PARAMS = 32  # per challenge
MAX_HEADER_CHARS = 64 * 1024  # of each header value; the rest is ignored

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_TOKEN68 = re.compile(r"[A-Za-z0-9._~+/-]+=*")
# A quoted string whose closing quote is there; possessive, so a string that never
# closes fails in one linear scan instead of backtracking.
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*+)"', re.DOTALL)
_PARAM_START = re.compile(r"\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=\s*")
_BARE_VALUE = re.compile(r"[^,\s]*")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPACE = " \t"


@dataclass(frozen=True)
class Challenge:
    scheme: str  # as the server spelled it: "Basic", "NTLM", "Negotiate", "Bearer"
    params: dict[str, str] = field(default_factory=dict)  # names lowercased; first one wins
    token68: str | None = None  # "Negotiate <blob>" style data

    def to_dict(self) -> dict[str, object]:
        return {"scheme": self.scheme, "params": dict(self.params), "token68": self.token68}

    def param(self, name: str) -> str | None:
        return self.params.get(name.lower())


def _skip(text: str, i: int, chars: str) -> int:
    n = len(text)
    while i < n and text[i] in chars:
        i += 1
    return i


class _Reader:
    """One header value, read once from left to right."""

    def __init__(self, text: str) -> None:
        self.text = text[:MAX_HEADER_CHARS]
        # Once a quoted string fails to close at some position, every quote after it
        # fails too (no free quote is left), so it is not scanned for again: without
        # this, `"\"\"\"...` would be scanned to its end once per quote.
        self.unclosed_from = len(self.text) + 1

    def quoted(self, i: int) -> re.Match[str] | None:
        if i >= self.unclosed_from:
            return None
        found = _QUOTED.match(self.text, i)
        if found is None:
            self.unclosed_from = i
        return found

    def value(self, i: int) -> tuple[str, int]:
        """The parameter value starting at i (after `=`), and where reading goes on."""
        text = self.text
        i = _skip(text, i, _SPACE)
        if i < len(text) and text[i] == '"':
            quoted = self.quoted(i)
            if quoted is not None:
                content = quoted.group(1)
                # `realm="abc, client_id="x"`: the first quote never closed, and the one
                # that seems to close it opens the next parameter's value.
                comma = content.rfind(",")
                if comma >= 0 and _PARAM_START.fullmatch(content, comma + 1):
                    return content[:comma].strip(), i + 1 + comma
                return _ESCAPE.sub(r"\1", content), quoted.end()
            # Broken quoting: the string never closes. Take it to the next comma, so the
            # challenges after it are not swallowed.
            end = text.find(",", i + 1)
            end = len(text) if end < 0 else end
            return text[i + 1 : end].strip(), end
        bare = _BARE_VALUE.match(text, i)
        assert bare is not None  # * matches the empty string
        return bare.group(), bare.end()

    def next_comma(self, i: int) -> int:
        """Where the list element at i ends: its next comma outside a closed quoted string."""
        text, n = self.text, len(self.text)
        while i < n and text[i] != ",":
            quoted = self.quoted(i) if text[i] == '"' else None
            i = quoted.end() if quoted is not None else i + 1
        return i

    def token68(self, i: int) -> re.Match[str] | None:
        """A token68 at i that stands alone: followed by the end, a space or a comma."""
        found = _TOKEN68.match(self.text, i)
        if found is None:
            return None
        end = found.end()
        if end < len(self.text) and self.text[end] not in " \t,":
            return None
        following = _skip(self.text, end, _SPACE)
        if following < len(self.text) and self.text[following] == "=":
            return None  # `realm = "x"`: a parameter, spaced out
        return found

    def read(self, out: list[tuple[str, dict[str, str], str | None]]) -> None:
        text, n = self.text, len(self.text)
        i = 0
        current: dict[str, str] | None = None  # the params of the challenge being read
        while i < n:
            i = _skip(text, i, _SPACE + ",")
            if i >= n:
                break
            token = _TOKEN.match(text, i)
            if token is None:  # not a token: skip this list element
                i = self.next_comma(i)
                continue
            after = _skip(text, token.end(), _SPACE)
            if after < n and text[after] == "=":
                value, i = self.value(after + 1)
                if current is not None and len(current) < MAX_PARAMS:
                    current.setdefault(token.group().lower(), value)
                continue  # a parameter with no challenge before it is ignored
            if len(out) >= MAX_CHALLENGES:
                break
            token68 = self.token68(after) if after < n and text[after] != "," else None
            params: dict[str, str] = {}
            out.append((token.group(), params, token68.group() if token68 else None))
            current = None if token68 is not None else params  # token68 takes no params
            i = token68.end() if token68 is not None else after


def parse_challenges(header_values: Iterable[str]) -> list[Challenge]:
    """Every challenge in these WWW-Authenticate values, in the order sent."""
    found: list[tuple[str, dict[str, str], str | None]] = []
    for value in header_values:
        if len(found) >= MAX_CHALLENGES:
            break
        _Reader(value).read(found)
    return [Challenge(scheme, params, token68) for scheme, params, token68 in found]


def offered_schemes(challenges: Iterable[Challenge]) -> list[str]:
    """Scheme names, each once, in the order offered, with the usual capitalisation."""
    canonical = {"basic": "Basic", "ntlm": "NTLM", "negotiate": "Negotiate", "bearer": "Bearer"}
    seen: dict[str, str] = {}
    for challenge in challenges:
        key = challenge.scheme.lower()
        seen.setdefault(key, canonical.get(key, challenge.scheme))
    return list(seen.values())
