"""How the lab's SMTP, EWS, autodiscover and MAPI servers check a bearer token, as
Exchange Online does: the signature (the lab tenant's key), the lifetime, the issuer
(the mailbox's tenant), the audience (Exchange Online of this cloud), and the scope
(delegated) or role (app-only) the protocol needs. App-only tokens must also be allowed
on the mailbox (the app's RBAC scope); a user's token opens the user's own mailbox.

The `reason` of a refusal is what Exchange puts in its x-ms-diagnostics header.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes

from assistant.lab.identity.jwt import JwtError, split, verify

SKEW = 300  # seconds of clock difference tolerated
MailboxRule = Callable[[str, str], bool]  # (app ID, mailbox) -> allowed


@dataclass(frozen=True)
class BearerCheck:
    valid: bool
    reason: str  # why not, in Exchange's words; "" when valid
    category: str = ""  # x-ms-diagnostics error_category
    user: str | None = None  # upn of a user's token
    app_id: str | None = None
    app_only: bool = False
    claims: dict[str, Any] = field(default_factory=dict, repr=False)


def _refuse(reason: str, category: str = "invalid_token", **kw: Any) -> BearerCheck:
    return BearerCheck(False, reason, category, **kw)


class LabTokenValidator:
    def __init__(
        self,
        public_pem: str,
        kid: str,
        *,
        issuers: frozenset[str],
        audiences: frozenset[str],
        mailbox_rule: MailboxRule,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key: PublicKeyTypes = serialization.load_pem_public_key(public_pem.encode())
        self._kid = kid
        self.issuers = issuers
        self.audiences = audiences
        self._mailbox_rule = mailbox_rule
        self._clock = clock

    def check(
        self, token: str, *, scope: str, role: str, mailbox: str | None = None
    ) -> BearerCheck:
        """`scope`/`role`: what a user's / the app's token needs; `mailbox`: the mailbox
        the request opens (None: the user's own)."""
        try:
            header, claims, signing_input, signature = split(token)
            if header.get("kid") != self._kid:
                return _refuse("The token signing key is not known.")
            verify(str(header.get("alg")), self._key, signing_input, signature)
        except JwtError:
            return _refuse("The token is malformed or its signature is invalid.")
        now = self._clock()
        if float(claims.get("exp", 0)) < now - SKEW:
            return _refuse("The token has expired.", "invalid_lifetime")
        if float(claims.get("nbf", 0)) > now + SKEW:
            return _refuse("The token is not yet valid.", "invalid_lifetime")
        audience = str(claims.get("aud", ""))
        if audience.rstrip("/") not in self.audiences:
            return _refuse(f"The audience claim value is invalid '{audience}'.", "invalid_resource")
        if str(claims.get("iss", "")) not in self.issuers:
            return _refuse(f"The issuer '{claims.get('iss')}' is not trusted.", "invalid_issuer")
        app_id = str(claims.get("appid") or claims.get("azp") or "")
        roles = claims.get("roles")
        if claims.get("idtyp") == "app":
            if not isinstance(roles, list) or not roles:
                # Exchange Online's answer to an app token without any application
                # permission (admin consent never granted)
                return _refuse(
                    "The token contains no permissions, or permissions can not be understood.",
                    "invalid_grant",
                )
            if role not in roles:
                return _refuse(
                    f"The token does not have the role '{role}'.", "insufficient_privileges"
                )
            if mailbox is None or not self._mailbox_rule(app_id, mailbox):
                return _refuse(
                    f"The application is not allowed to access mailbox '{mailbox}'.",
                    "insufficient_privileges",
                    app_id=app_id,
                    app_only=True,
                )
            return BearerCheck(True, "", app_id=app_id, app_only=True, claims=claims)
        user = str(claims.get("upn") or claims.get("unique_name") or "") or None
        if scope not in str(claims.get("scp", "")).split():
            return _refuse(
                f"The token does not have the scope '{scope}'.", "insufficient_privileges"
            )
        if user is None or (mailbox is not None and mailbox.lower() != user.lower()):
            return _refuse(
                f"The user '{user}' cannot access mailbox '{mailbox}'.", "insufficient_privileges"
            )
        return BearerCheck(True, "", user=user, app_id=app_id, claims=claims)
