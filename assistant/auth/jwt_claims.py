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
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from assistant.auth.scopes import cloud_of_audience
from assistant.facts import CONSUMER_TENANT_ID, TOKEN_ISSUER_HOSTS, Cloud
from assistant.text import msg


class NotAJwt(ValueError):
    """The token is not a readable JWT. `broken`: it cannot be a working bearer token at
    all (spaces, a JWT cut off or mangled); otherwise it is opaque or encrypted, which
    Microsoft does issue (personal accounts' EwA… tokens, JWE), and only the servers can
    judge it. The message is translatable text (msg)."""

    def __init__(self, reason: str, *, broken: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.broken = broken


# RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
_B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
_SPACE = re.compile(r"\s")
MAX_TOKEN = 64 * 1024  # access tokens are a few KB; beyond this nothing is decoded


def _b64url(part: str, what: str) -> bytes:
    try:
        return base64.b64decode(part + "=" * (-len(part) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise NotAJwt(
            msg(
                "the token's {part} is not base64url: the token was cut off or mangled "
                "on its way here",
                part=what,
            ),
            broken=True,
        ) from None


def _json_object(raw: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise NotAJwt(
            msg(
                "the token's {part} is not a JSON object: the token is broken (cut off or mangled)",
                part=what,
            ),
            broken=True,
        )
    return value


def decode_payload(token: str) -> dict[str, Any]:
    """The claims of a JWS compact token (header.payload.signature), unverified; NotAJwt
    saying why when there are none to read."""
    token = token.strip()
    if not token:
        raise NotAJwt(msg("the token is empty"), broken=True)
    if _SPACE.search(token):
        raise NotAJwt(
            msg(
                "the token contains spaces or line breaks: a bearer token cannot (RFC 6750); "
                "it was probably copied with extra text or wrapped"
            ),
            broken=True,
        )
    if len(token) > MAX_TOKEN or not _B64TOKEN.fullmatch(token):
        raise NotAJwt(
            msg(
                "the token contains characters a bearer token cannot (RFC 6750 allows letters, "
                "digits and - . _ ~ + / =)"
            ),
            broken=True,
        )
    parts = token.split(".")
    if len(parts) == 5:
        raise NotAJwt(
            msg("the token is encrypted (JWE): only its audience can read its claims"),
            broken=False,
        )
    if len(parts) == 1:
        raise NotAJwt(
            msg(
                "the token is opaque, not a JWT (personal Microsoft account tokens, EwA…, "
                "look like this): only the service that issued it can read it"
            ),
            broken=False,
        )
    if len(parts) != 3:
        raise NotAJwt(
            msg(
                "the token has {count} parts separated by dots; a JWT has three (five when "
                "encrypted): it was cut off or mangled",
                count=len(parts),
            ),
            broken=True,
        )
    _json_object(_b64url(parts[0], msg("header")), msg("header"))
    return _json_object(_b64url(parts[1], msg("payload")), msg("payload"))


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
    identity_type: str | None = None  # idtyp: "app" or "user" (optional claim)
    account_type: int | None = None  # acct: 0 member, 1 guest
    identity_provider: str | None = None  # idp: who signed the user in, when not the issuer
    names: tuple[str, ...] = ()  # every user name claim (upn, unique_name, ...)

    @property
    def app_only(self) -> bool:
        """A token of the application itself (client credentials): it says so (idtyp=app),
        or it carries no delegated scopes and no user. Such tokens carry `roles`."""
        if self.identity_type in ("app", "user"):
            return self.identity_type == "app"
        return not self.scopes and self.user is None

    @property
    def consumer(self) -> bool:
        """A personal Microsoft account (Outlook.com, Xbox...), not a work account."""
        return (
            (self.tenant or "").lower() == CONSUMER_TENANT_ID
            or (self.identity_provider or "").lower() == "live.com"
            or any(n.lower().startswith("live.com#") for n in self.names)
        )

    @property
    def guest(self) -> bool:
        """A B2B guest: an account of another organisation invited into this tenant."""
        if self.consumer:
            return False
        other_idp = bool(self.identity_provider) and not _same_authority(
            self.identity_provider or "", self.issuer or ""
        )
        return self.account_type == 1 or other_idp or any("#EXT#" in n for n in self.names)

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
            "identity_type": self.identity_type,
            "account_type": self.account_type,
            "identity_provider": self.identity_provider,
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
        identity_type=_text(claims, "idtyp"),
        account_type=claims["acct"] if type(claims.get("acct")) is int else None,
        identity_provider=_text(claims, "idp"),
        names=tuple(
            v
            for k in ("upn", "preferred_username", "unique_name", "email")
            if isinstance(v := claims.get(k), str) and v
        ),
    )


def _same_authority(idp: str, issuer: str) -> bool:
    """Whether `idp` names the issuing tenant itself (Entra sets idp to the issuer, or to
    https://sts.windows.net/<tid>/, for the tenant's own members)."""

    def tenant_of(url: str) -> str:
        parts = [p for p in url.lower().split("/") if p]
        return parts[2] if len(parts) >= 3 else url.lower()

    return idp.rstrip("/").lower() == issuer.rstrip("/").lower() or tenant_of(idp) == tenant_of(
        issuer
    )


def read_token(token: str) -> TokenFacts:
    """TokenFacts of a JWT access token; NotAJwt when it cannot be read."""
    return facts_from_claims(decode_payload(token))
