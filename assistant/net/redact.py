"""Redaction of secrets from anything that may reach a log, transcript or report.

Two layers: the exact secrets the run knows (passwords, tokens, and their base64
forms as SASL would send them), and patterns for secret-bearing protocol lines
whose content we never want to keep even when we do not know the secret.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable

from assistant.text import map_text

MASK = "«redacted»"

# Names of fields that hold secrets in OAuth bodies, query strings and JSON.
_CREDENTIAL_KEYS = r"(?:access_token|refresh_token|id_token|client_secret|password|assertion|code)"
# Without "code": as free text "reply code: 550" is common in transcripts, so an OAuth
# authorization code is only recognised in its form ("code=") and JSON ('"code":') shapes.
_TEXT_KEYS = r"(?:access_token|refresh_token|id_token|client_secret|password|assertion)"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # HTTP headers that carry credentials or sessions.
    (re.compile(r"(?im)^((?:proxy-)?authorization:\s*)(\S+)(.*)$"), r"\1\2 " + MASK),
    (re.compile(r"(?im)^((?:set-)?cookie:\s*).*$"), r"\1" + MASK),
    # SMTP / IMAP / POP SASL: keep the mechanism name, drop the initial response. A client
    # sends "AUTH mech resp" untagged, or "tag AUTHENTICATE mech resp"; a server's EHLO
    # capability line ("250-AUTH LOGIN PLAIN XOAUTH2") is neither and stays visible.
    (
        re.compile(r"(?im)^((?:AUTH|(?:\S+\s+)?AUTHENTICATE)\s+\S+)\s+\S+.*$"),
        r"\1 " + MASK,
    ),
    # IMAP LOGIN user password (but not an SMTP "250-AUTH LOGIN ..." continuation), POP PASS.
    (re.compile(r"(?im)^((?!\d{3}-)\S+\s+LOGIN\s+\S+)\s+.*$"), r"\1 " + MASK),
    (re.compile(r"(?im)^(PASS)\s+.*$"), r"\1 " + MASK),
    # OAuth material in bodies, query strings and JSON. The name must not run on from a
    # letter or digit, so "domain_unicode: ..." is not mistaken for "code: ...".
    (
        re.compile(rf"(?i)((?<![a-z0-9]){_TEXT_KEYS}[\"']?\s*[:=]\s*[\"']?)[^\"'&\s,}}]+"),
        r"\1" + MASK,
    ),
    (
        re.compile(r"(?i)((?<![a-z0-9_])(?:code=|[\"']code[\"']\s*:\s*[\"']?))[^\"'&\s,}]+"),
        r"\1" + MASK,
    ),
    (re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*"), MASK),  # JWTs
)


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
        for form in self._forms:
            text = text.replace(form, MASK)
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement, text)
        return text
