"""Redaction of secrets from anything that may reach a log, transcript or report.

Two layers: the exact secrets the run knows (passwords, tokens, and their base64
forms as SASL would send them), and patterns for the values that are secrets by their
place or shape even when we do not know the secret: an Authorization or Cookie header's
value, a SASL response, an IMAP LOGIN or POP PASS argument, a token after `Bearer`, a
JWT, the value of a field named like a secret in a form, a query string or JSON.

Redaction masks secrets, never prose: a sentence that merely mentions a password
("login.password: not signed in as ...") must mean after redaction what it meant
before, so a pattern masks a value only where its place or shape says it is one. Every
pattern is linear in its input (anchored starts, possessive or bounded repeats): the
text may come from a hostile server.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from assistant.net.redact_shapes import MASK, TAG, TRANSCRIPT_PREFIX
from assistant.net.secret_lines import mask_exchanges
from assistant.text import map_text

__all__ = ["MASK", "Redactor", "is_secret_field", "secret_forms"]

# Names of fields that hold secrets in OAuth bodies, query strings and JSON.
_CREDENTIAL_KEYS = r"(?:access_token|refresh_token|id_token|client_secret|password|assertion|code)"
# Without "code": as free text "reply code: 550" is common in transcripts, so an OAuth
# authorization code is only recognised in its form ("code=") and JSON ('"code":') shapes.
_TEXT_KEYS = r"(?:access_token|refresh_token|id_token|client_secret|password|assertion)"

_LINE = rf"(?:{TRANSCRIPT_PREFIX})?"  # a line may be one of a saved transcript
_END = r"[ \t]*(?=[\r\n]|\Z)"  # the end of the line (the line break is kept)
# RFC 6750's b64token: what an OAuth bearer token (JWT or opaque) is made of.
_B64TOKEN_CLASS = r"A-Za-z0-9._~+/-"

Replace = Callable[[re.Match[str]], str]


class _Rule(NamedTuple):
    needles: tuple[str, ...]  # one of these (lowercase) is in any text the pattern can match
    pattern: re.Pattern[str]
    replace: Replace


def _mask_group(group: int | str) -> Replace:
    """The match with one group masked, the rest kept as it was."""

    def replace(m: re.Match[str]) -> str:
        start, end = m.span(group)
        return m.string[m.start() : start] + MASK + m.string[end : m.end()]

    return replace


def _mask_group_if(group: int | str, secret: Callable[[str], bool]) -> Replace:
    masked = _mask_group(group)
    return lambda m: masked(m) if secret(m[group]) else m[0]


def _authorization(m: re.Match[str]) -> str:
    # The scheme ("Basic", "Bearer") says what was sent and is kept; a lone value is masked.
    return f"{m['name']}{m['scheme'] + ' ' if m['scheme'] else ''}{MASK}"


def _is_base64(value: str) -> bool:  # SASL sends padded base64: its length is a multiple of 4
    return len(value) % 4 == 0


def _has_digit(value: str) -> bool:
    # Tokens are random: one of 16 or more characters without a digit is a word.
    return any(c.isdigit() for c in value)


_LITERAL = re.compile(r"\{[0-9]{1,10}\+?\}[ \t]*")  # an IMAP literal announced: "{7}", "{7+}"
_NUMBER = re.compile(r"(?i)(?:0x)?[0-9a-f]++")


def _not_a_number(value: str) -> bool:  # an error code ("code": 80048354), not an OAuth code
    return _NUMBER.fullmatch(value) is None


def _field_value(m: re.Match[str]) -> str:
    value = next((g for g in ("dq", "sq", "bare") if m[g]), None)  # an empty value stays
    return _mask_group(value)(m) if value else m[0]


_SECRET_NAMES = ("token", "secret", "password", "assertion")  # the words in _TEXT_KEYS

# Rules for whole lines: headers and protocol commands.
_LINE_RULES = (
    # HTTP headers that carry credentials or sessions: the whole value, whatever its shape.
    _Rule(
        ("authorization",),
        re.compile(
            rf"(?im)^(?P<name>{_LINE}(?:proxy-)?authorization:[ \t]*)"
            r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*+)[ \t]++(?=[^\s]))?[^\s][^\r\n]*"
        ),
        _authorization,
    ),
    _Rule(
        ("cookie",),
        re.compile(rf"(?im)^{_LINE}(?:set-)?cookie:[ \t]*(?P<v>[^\s][^\r\n]*)"),
        _mask_group("v"),
    ),
    # SMTP / IMAP / POP SASL: keep the mechanism name, drop the initial response. A client
    # sends "AUTH mech resp" untagged, or "tag AUTHENTICATE mech resp"; a server's EHLO
    # capability line ("250-AUTH LOGIN PLAIN XOAUTH2") is neither and stays visible, and
    # so does prose ("AUTH mechanisms and sign-in"): the response is one base64 value.
    _Rule(
        ("auth",),
        re.compile(
            rf"(?im)^{_LINE}(?:(?:{TAG}[ \t]+)?AUTHENTICATE|AUTH)[ \t]+[A-Za-z0-9_-]{{1,40}}"
            rf"[ \t]+(?P<v>[A-Za-z0-9+/]++={{0,2}}){_END}"
        ),
        _mask_group_if("v", _is_base64),
    ),
    # IMAP "tag LOGIN user password": the password, unless it follows as a literal ("{7}",
    # masked on its own line by secret_lines). LOGIN in capitals after a tag with a digit:
    # "Basic login is disabled" is a sentence, not a command.
    _Rule(
        ("login",),
        re.compile(
            rf"(?m)^{_LINE}{TAG}[ \t]+LOGIN[ \t]+"
            r"(?:\"(?:[^\"\\\r\n]|\\.)*+\"?|[^\s\"]++)[ \t]+(?P<v>[^\s][^\r\n]*)"
        ),
        _mask_group_if("v", lambda v: _LITERAL.fullmatch(v) is None),
    ),
    _Rule(  # POP3
        ("pass",),
        re.compile(rf"(?m)^{_LINE}PASS[ \t]+(?P<v>[^\s][^\r\n]*)"),
        _mask_group("v"),
    ),
)

# Rules for values anywhere in a text.
_INLINE_RULES = (
    # A field named like a secret, in a form or query string (name=value) or as a quoted
    # key (JSON, a repr): its value, quoted or not. The name must not run on from a letter
    # or digit, so "domain_unicode: ..." is not mistaken for "code: ...".
    _Rule(
        _SECRET_NAMES,
        re.compile(
            rf"(?i)(?<![a-z0-9]){_TEXT_KEYS}(?:=|[\"'][ \t]*:[ \t]*)"
            r"(?:\"(?P<dq>(?:[^\"\\\r\n]|\\.)*+)\"?|'(?P<sq>(?:[^'\\\r\n]|\\.)*+)'?"
            r"|(?P<bare>[^\"'&\s,}]++))"
        ),
        _field_value,
    ),
    # The same name in free text ("password: ..."): prose as often as not, so only a value
    # that has a token's shape is masked, never a word.
    _Rule(
        _SECRET_NAMES,
        re.compile(
            rf"(?i)(?<![a-z0-9]){_TEXT_KEYS}[ \t]*:[ \t]*"
            rf"(?P<v>[{_B64TOKEN_CLASS}]{{16,}}+=*+)(?![{_B64TOKEN_CLASS}=])"
        ),
        _mask_group_if("v", _has_digit),
    ),
    _Rule(
        ("code",),
        re.compile(
            r"(?i)(?<![a-z0-9_])(?:code=|[\"']code[\"'][ \t]*:[ \t]*[\"']?)(?P<v>[^\"'&\s,}]++)"
        ),
        _mask_group_if("v", _not_a_number),
    ),
    # A JWT starts where a token can start: anchored so a run of "eyJeyJ..." is tried once,
    # not from every "eyJ" in it (that was quadratic: 240 KB took 28 s).
    _Rule(
        ("eyj",),
        re.compile(r"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}+\.[A-Za-z0-9_-]{8,}+\.[A-Za-z0-9_-]*+"),
        lambda m: MASK,
    ),
    # An opaque bearer token (Microsoft account tokens start "EwA"/"EwB"), wherever it is.
    _Rule(
        ("bearer",),
        re.compile(
            rf"(?i)(?<![A-Za-z0-9_-])bearer[ \t]++(?P<v>[{_B64TOKEN_CLASS}]{{16,}}+=*+)"
            rf"(?![{_B64TOKEN_CLASS}=])"
        ),
        _mask_group_if("v", _has_digit),
    ),
    _Rule(
        ("ewa", "ewb"),
        re.compile(r"(?<![A-Za-z0-9+/_-])Ew[AB][A-Za-z0-9+/_-]{40,}+=*+"),
        lambda m: MASK,
    ),
)


def _apply(rules: tuple[_Rule, ...], text: str) -> str:
    # A rule whose words are absent cannot match: skip it, quickly. casefold, as re's
    # IGNORECASE, takes "ſ" for "s" and the Kelvin sign for "k".
    folded = text.casefold()
    for needles, pattern, replace in rules:
        if any(needle in folded for needle in needles):
            text, count = pattern.subn(replace, text)
            if count:
                folded = text.casefold()
    return text


# Keys that hold credentials or sessions as whole values (headers kept as a mapping, SASL).
_SESSION_KEYS = r"(?:(?:proxy-)?authorization|(?:set-)?cookies?|token|secret|api_?key|sasl)"


def is_secret_field(name: str) -> bool:
    """Whether a field of this name (a JSON key, a form field) holds a secret."""
    return (
        re.search(rf"(?i)(?<![a-z0-9]){_CREDENTIAL_KEYS}$", name) is not None
        or re.fullmatch(rf"(?i)(?:[a-z0-9]+[_-])?{_SESSION_KEYS}", name) is not None
    )


def secret_forms(secret: str, usernames: Iterable[str] = ()) -> set[str]:
    """The ways a secret can appear on the wire: as is, base64, and inside SASL PLAIN/XOAUTH2."""
    forms = {secret, _b64(secret)}
    for user in usernames:
        forms.add(_b64(f"{user}:{secret}"))  # HTTP Basic
        forms.add(_b64(f"\0{user}\0{secret}"))
        forms.add(_b64(f"{user}\0{user}\0{secret}"))
        forms.add(_b64(f"user={user}\x01auth=Bearer {secret}\x01\x01"))
    return {f for f in forms if len(f) >= 4}


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


_MAX_PASSES = 4  # of _plain: each is linear; one more than any input has needed


class Redactor:
    """Applies known secrets and secret-bearing patterns to text."""

    def __init__(self, secrets: Iterable[str] = (), usernames: Iterable[str] = ()) -> None:
        users = list(usernames)
        forms: set[str] = set()
        for secret in secrets:
            if secret:
                forms |= secret_forms(secret, users)
        # Longest first so a base64 form is not half-replaced by a shorter secret inside it.
        self._forms = sorted(forms, key=len, reverse=True)

    def add_secret(self, secret: str, usernames: Iterable[str] = ()) -> None:
        if secret:
            self._forms = sorted(
                set(self._forms) | secret_forms(secret, usernames), key=len, reverse=True
            )

    def __call__(self, text: str) -> str:
        """`text` without secrets; engine text stays translatable (assistant/text.py)."""
        return map_text(text, self._plain)

    def _plain(self, text: str) -> str:
        # Masking one value can expose another to a rule that already ran: in
        # 'Bearer 0000000000000000"code":x' the JSON key follows a digit until the token
        # is masked, so a second redaction masked more (found by fuzzing; a saved report is
        # redacted again when rendered). Passes repeat while they change something; text
        # without secrets still takes one.
        for _ in range(_MAX_PASSES):
            masked = self._once(text)
            if masked == text:
                break
            text = masked
        return text

    def _once(self, text: str) -> str:
        for form in self._forms:
            text = text.replace(form, MASK)
        text = _apply(_LINE_RULES, text)
        text = mask_exchanges(text)
        return _apply(_INLINE_RULES, text)
