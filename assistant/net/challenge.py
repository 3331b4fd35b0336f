"""WWW-Authenticate challenges (RFC 7235 §4.1), parsed without any I/O.

A server may send several header lines, and one line may hold several challenges
separated by commas (`Basic realm="x", Bearer authorization_uri="..."`), so a comma
does not always start a new challenge: it does when the next piece is a token followed
by a space or by nothing, and it continues the current challenge when the next piece is
`name=value`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_TCHARS = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_SCHEME_ONLY = re.compile(rf"^({_TCHARS})$")
_SCHEME_AND_REST = re.compile(rf"^({_TCHARS})\s+(.*)$", re.DOTALL)
_PARAM = re.compile(rf"^({_TCHARS})\s*=\s*(.*)$", re.DOTALL)


@dataclass(frozen=True)
class Challenge:
    scheme: str  # as the server spelled it: "Basic", "NTLM", "Negotiate", "Bearer"
    params: dict[str, str] = field(default_factory=dict)  # names lowercased
    token68: str | None = None  # "Negotiate <blob>" style data

    def to_dict(self) -> dict[str, object]:
        return {"scheme": self.scheme, "params": dict(self.params), "token68": self.token68}


def _split_commas(text: str) -> list[str]:
    """Split on commas outside double quotes; keep quotes and escapes as they are."""
    pieces: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\" and quoted:
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            pieces.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    pieces.append("".join(current).strip())
    return [p for p in pieces if p]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1])
    return value


def parse_challenges(header_values: Iterable[str]) -> list[Challenge]:
    """Every challenge in these WWW-Authenticate values, in the order sent."""
    out: list[Challenge] = []
    for value in header_values:
        for piece in _split_commas(value):
            if (m := _SCHEME_ONLY.match(piece)) is not None:
                out.append(Challenge(m.group(1)))
                continue
            param = _PARAM.match(piece)
            if param is not None and out:
                out[-1].params[param.group(1).lower()] = _unquote(param.group(2))
                continue
            m = _SCHEME_AND_REST.match(piece)
            if m is None:
                continue  # not a challenge at all; ignore rather than guess
            scheme, rest = m.group(1), m.group(2).strip()
            inner = _PARAM.match(rest)
            if inner is not None and not re.fullmatch(r"[A-Za-z0-9._~+/-]+=*", rest):
                out.append(Challenge(scheme, {inner.group(1).lower(): _unquote(inner.group(2))}))
            else:
                out.append(Challenge(scheme, token68=rest))
    return out


def offered_schemes(challenges: Iterable[Challenge]) -> list[str]:
    """Scheme names, each once, in the order offered, with the usual capitalisation."""
    canonical = {"basic": "Basic", "ntlm": "NTLM", "negotiate": "Negotiate", "bearer": "Bearer"}
    seen: dict[str, str] = {}
    for challenge in challenges:
        key = challenge.scheme.lower()
        seen.setdefault(key, canonical.get(key, challenge.scheme))
    return list(seen.values())
