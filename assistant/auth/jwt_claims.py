"""What an access token says about itself, read without checking its signature.

We are the client: the token came to us over TLS from the sign-in service, and only the
resource server (Exchange) has to trust it. Reading the payload is how a client learns
the audience, scopes or roles, tenant, and expiry it was given, so the diagnostics can
name a wrong one before any server refuses it. Nothing here prints the token or its
signature; `TokenFacts` keeps only the claims a report may show.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from assistant.auth.scopes import cloud_of_audience
from assistant.facts import TOKEN_ISSUER_HOSTS, Cloud


class NotAJwt(ValueError):
    """The token is not a readable JWT (opaque, encrypted, cut off or mangled)."""


def _b64url(part: str) -> bytes:
    try:
        return base64.b64decode(part + "=" * (-len(part) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise NotAJwt("a part of the token is not base64url") from None


def decode_payload(token: str) -> dict[str, Any]:
    """The claims of a JWS compact token (header.payload.signature), unverified."""
    parts = token.strip().split(".")
    if len(parts) == 5:
        raise NotAJwt("the token is encrypted (JWE): only its audience can read it")
    if len(parts) != 3:
        raise NotAJwt("the token is not a JWT (expected three parts separated by dots)")
    payload = _b64url(parts[1])
    try:
        claims = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise NotAJwt("the token's payload is not JSON") from None
    if not isinstance(claims, dict):
        raise NotAJwt("the token's payload is not a JSON object")
    return claims


def _text(claims: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = claims.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def _time(claims: dict[str, Any], name: str) -> dt.datetime | None:
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return dt.datetime.fromtimestamp(value, dt.UTC)


def _words(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


@dataclass(frozen=True)
class TokenFacts:
    """The claims of an access token that diagnostics use; never the token itself."""

    audience: str | None
    scopes: tuple[str, ...]  # delegated permissions (scp)
    roles: tuple[str, ...]  # application permissions (roles)
    tenant: str | None  # tid
    issuer: str | None
    user: str | None  # upn / preferred_username / unique_name
    app_id: str | None  # appid (v1) or azp (v2)
    app_name: str | None
    expires: dt.datetime | None
    not_before: dt.datetime | None
    issued: dt.datetime | None
    version: str | None

    @property
    def app_only(self) -> bool:
        """A token of the application itself (client credentials), with no user in it."""
        return not self.scopes and self.user is None

    @property
    def audience_cloud(self) -> Cloud | None:
        return None if self.audience is None else cloud_of_audience(self.audience)

    @property
    def issuer_cloud(self) -> Cloud | None:
        host = (urlsplit(self.issuer or "").hostname or "").lower()
        return TOKEN_ISSUER_HOSTS.get(host)

    def lifetime_left(self, now: dt.datetime) -> dt.timedelta | None:
        return None if self.expires is None else self.expires - now

    def to_dict(self) -> dict[str, object]:
        """For evidence: every value is a claim a support engineer may see."""
        return {
            "audience": self.audience,
            "scopes": list(self.scopes),
            "roles": list(self.roles),
            "tenant": self.tenant,
            "issuer": self.issuer,
            "user": self.user,
            "app_id": self.app_id,
            "app_name": self.app_name,
            "expires": None if self.expires is None else self.expires.isoformat(),
            "not_before": None if self.not_before is None else self.not_before.isoformat(),
            "issued": None if self.issued is None else self.issued.isoformat(),
            "version": self.version,
        }


def facts_from_claims(claims: dict[str, Any]) -> TokenFacts:
    audience = claims.get("aud")
    if isinstance(audience, list):
        audience = audience[0] if audience else None
    return TokenFacts(
        audience=audience if isinstance(audience, str) else None,
        scopes=_words(claims.get("scp")),
        roles=_words(claims.get("roles")),
        tenant=_text(claims, "tid"),
        issuer=_text(claims, "iss"),
        user=_text(claims, "upn", "preferred_username", "unique_name", "email"),
        app_id=_text(claims, "appid", "azp"),
        app_name=_text(claims, "app_displayname"),
        expires=_time(claims, "exp"),
        not_before=_time(claims, "nbf"),
        issued=_time(claims, "iat"),
        version=_text(claims, "ver"),
    )


def read_token(token: str) -> TokenFacts:
    """TokenFacts of a JWT access token; NotAJwt when it cannot be read."""
    return facts_from_claims(decode_payload(token))
