"""The tokens the lab identity provider issues, shaped as Microsoft Entra's v1 access
tokens for Exchange Online (aud, iss https://sts.windows.net/<tid>/, tid, oid, upn, appid,
scp or roles, ver 1.0) and v2 ID tokens, signed RS256 with the lab tenant's key.

One lab-only claim: `scope`, the Exchange protocols the token is good for ("imap pop
smtp ews"), derived here from the audience and scp/roles. Dovecot 2.3's local JWT
validation can only test one wanted value against a claim named `scope` (Entra's `scp`
is invisible to it), so this claim is how the lab's Dovecot refuses a Graph token or a
token without IMAP.AccessAsUser.All, as Exchange Online would. The engine never reads it.
For app-only tokens it is derived from `roles` the same way (IMAP.AccessAsApp -> imap,
POP.AccessAsApp -> pop, ...), so Dovecot refuses an app's token without the protocol's
role; which mailboxes an app may open is Dovecot's own configuration (dovecot.py).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable

from assistant.facts import ENVIRONMENTS, OAUTH_APP_ROLES, OAUTH_DELEGATED_SCOPES, Cloud
from assistant.lab.identity.jwt import SigningKey, b64url
from assistant.lab.identity.registry import LabApp, LabTenant, object_id

Clock = Callable[[], float]
LIFETIME = 3600


def access_issuer(tenant: LabTenant) -> str:
    host = "sts.chinacloudapi.cn" if tenant.cloud is Cloud.CHINA else "sts.windows.net"
    return f"https://{host}/{tenant.tenant_id}/"


def exchange_resources(cloud: Cloud) -> set[str]:
    env = ENVIRONMENTS[cloud]
    return {r for r in (env.oauth_resource, env.oauth_app_resource) if r}


def protocols_granted(
    cloud: Cloud, audience: str, scopes: Iterable[str], roles: Iterable[str]
) -> str:
    if audience.rstrip("/") not in exchange_resources(cloud):
        return ""
    held = set(scopes) | set(roles)
    return " ".join(
        p
        for p in OAUTH_DELEGATED_SCOPES
        if OAUTH_DELEGATED_SCOPES[p] in held or OAUTH_APP_ROLES[p] in held
    )


class TokenMint:
    def __init__(self, key: SigningKey, clock: Clock = time.time) -> None:
        self.key = key
        self.clock = clock

    def _times(self, lifetime: int, issued_at: float | None) -> dict[str, int]:
        now = int(self.clock() if issued_at is None else issued_at)
        return {"iat": now, "nbf": now, "exp": now + lifetime}

    def user_token(
        self,
        tenant: LabTenant,
        app: LabApp,
        user: str,
        resource: str,
        scopes: Iterable[str],
        *,
        lifetime: int = LIFETIME,
        issued_at: float | None = None,
    ) -> str:
        held = sorted(set(scopes))
        oid = object_id("user", user)
        claims: dict[str, object] = {
            "aud": resource,
            "iss": access_issuer(tenant),
            **self._times(lifetime, issued_at),
            "acr": "1",
            "amr": ["pwd"],
            "app_displayname": app.name,
            "appid": app.client_id,
            "appidacr": "0" if app.public_client else "1",
            "idtyp": "user",
            "name": user.partition("@")[0].replace(".", " ").title(),
            "oid": oid,
            "scp": " ".join(held),
            "sub": b64url(uuid.uuid5(uuid.UUID(oid), app.client_id).bytes),
            "tid": tenant.tenant_id,
            "unique_name": user,
            "upn": user,
            "ver": "1.0",
            "scope": protocols_granted(tenant.cloud, resource, held, ()),
        }
        return self.key.sign(claims)

    def app_token(
        self,
        tenant: LabTenant,
        app: LabApp,
        resource: str,
        roles: Iterable[str],
        *,
        with_certificate: bool,
        lifetime: int = LIFETIME,
    ) -> str:
        held = sorted(set(roles))
        oid = object_id(f"sp:{tenant.tenant_id}", app.client_id)
        claims: dict[str, object] = {
            "aud": resource,
            "iss": access_issuer(tenant),
            **self._times(lifetime, None),
            "app_displayname": app.name,
            "appid": app.client_id,
            "appidacr": "2" if with_certificate else "1",
            "idtyp": "app",
            "oid": oid,
            "roles": held,
            "sub": oid,
            "tid": tenant.tenant_id,
            "ver": "1.0",
            "scope": protocols_granted(tenant.cloud, resource, (), held),
        }
        if not held:
            del claims["roles"]  # Entra leaves the claim out when no permission was granted
        return self.key.sign(claims)

    def id_token(
        self, host: str, tenant: LabTenant, app: LabApp, user: str, *, nonce: str | None = None
    ) -> str:
        oid = object_id("user", user)
        claims: dict[str, object] = {
            "aud": app.client_id,
            "iss": f"https://{host}/{tenant.tenant_id}/v2.0",
            **self._times(LIFETIME, None),
            "name": user.partition("@")[0].replace(".", " ").title(),
            "oid": oid,
            "preferred_username": user,
            "sub": b64url(uuid.uuid5(uuid.UUID(oid), app.client_id).bytes),
            "tid": tenant.tenant_id,
            "ver": "2.0",
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return self.key.sign(claims)
