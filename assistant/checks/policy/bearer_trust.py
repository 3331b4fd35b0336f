"""Whom a Bearer challenge says the server trusts, judged against the domain's tenant.

Exchange Server with hybrid modern authentication answers an anonymous request with
`Bearer client_id="<Exchange's app ID>", trusted_issuers="00000001-...@<tenant ID>"`;
SharePoint (Online, or Server trusting Entra ID) with `Bearer realm="<tenant ID>",
client_id="<SharePoint's app ID>", ...`. `read_bearer` reduces the parsed challenges to
those facts (bounded), and `exchange_trust` / `sharepoint_trust` are the verdict tables:
no socket here, every row a test case (tests/unit/test_bearer_challenges.py).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.facts import (
    ENTRA_STS_PRINCIPAL,
    EXCHANGE_APP_ID,
    INTEGRATION_LINKS,
    SHAREPOINT_APP_ID,
    SHAREPOINT_LINKS,
)
from assistant.model import Remedy, Status
from assistant.net.challenge import Challenge
from assistant.net.server_numbers import shown
from assistant.text import msg

MAX_ISSUERS = 64  # entries of trusted_issuers read; a real one has one to three
MAX_ISSUER_CHARS = 200


class Trust(enum.StrEnum):
    TRUSTED = "trusted"  # the right app, trusting (or in the realm of) this tenant
    ANY_TENANT = "any_tenant"  # "00000001-...@*": Microsoft's multi-tenant service
    NO_BEARER = "no_bearer"
    WRONG_CLIENT = "wrong_client_id"
    NO_ISSUERS = "no_trusted_issuers"
    NO_ENTRA_ISSUER = "no_entra_issuer"  # issuers, but no Entra ID tenant among them
    OTHER_TENANT = "other_tenant"
    NO_REALM = "no_realm"
    NO_TENANT = "no_tenant"  # nothing to compare with: the domain is no tenant's


@dataclass(frozen=True)
class BearerReading:
    """What the (first) Bearer challenge says; `present` False when there is none."""

    present: bool
    client_id: str | None = None
    realm: str | None = None
    issuers: tuple[str, ...] = ()
    # The tenant part of each "00000001-0000-0000-c000-000000000000@<tenant>" issuer,
    # lower case ("*" for Microsoft's any-tenant form).
    entra_tenants: tuple[str, ...] = ()
    authorization_uri: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "bearer": self.present,
            "client_id": self.client_id,
            "realm": self.realm,
            "trusted_issuers": list(self.issuers),
            "authorization_uri": self.authorization_uri,
        }


def _short(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return shown(value, MAX_ISSUER_CHARS) if value else None  # no control characters


def read_bearer(challenges: Iterable[Challenge]) -> BearerReading:
    bearer = next((c for c in challenges if c.scheme.lower() == "bearer"), None)
    if bearer is None:
        return BearerReading(present=False)
    issuers: list[str] = []
    for part in (bearer.param("trusted_issuers") or "").split(",", MAX_ISSUERS)[:MAX_ISSUERS]:
        if (issuer := _short(part)) is not None:
            issuers.append(issuer)
    prefix = f"{ENTRA_STS_PRINCIPAL}@"
    tenants = tuple(i[len(prefix) :].lower() for i in issuers if i.lower().startswith(prefix))
    return BearerReading(
        present=True,
        client_id=_short(bearer.param("client_id")),
        realm=_short(bearer.param("realm")),
        issuers=tuple(issuers),
        entra_tenants=tuple(t for t in tenants if t),
        authorization_uri=_short(bearer.param("authorization_uri")),
    )


@dataclass(frozen=True)
class TrustVerdict:
    key: Trust
    status: Status
    summary: str
    remedy: Remedy | None = None


def _hma_remedy() -> Remedy:
    return Remedy(
        msg(
            "Configure OAuth between Exchange Server and Microsoft Entra ID (hybrid modern "
            "authentication): run the Hybrid Configuration Wizard, or New-AuthServer "
            "-Type AzureAD -AuthMetadataUrl https://login.microsoftonline.com/<tenant "
            "ID>/federationmetadata/2007-06/federationmetadata.xml, Set-AuthServer "
            "-IsDefaultAuthorizationEndpoint $true and New-PartnerApplication for Exchange "
            "Online; and leave OAuthAuthentication on for the EWS and autodiscover virtual "
            "directories (Get-WebServicesVirtualDirectory, Get-AutodiscoverVirtualDirectory)."
        ),
        INTEGRATION_LINKS["hybrid_modern_auth"],
    )


def _tenants(reading: BearerReading) -> str:
    return ", ".join(reading.entra_tenants) or msg("none")


def exchange_trust(reading: BearerReading, tenant_id: str | None) -> TrustVerdict:
    """Exchange's Bearer challenge (EWS, autodiscover) against the domain's tenant.
    Without a tenant ID (an on-premises-only organisation) nothing is expected of it."""
    if tenant_id is None and not reading.present:
        return TrustVerdict(
            Trust.NO_TENANT,
            Status.INFO,
            msg(
                "no Bearer challenge (no OAuth with Microsoft 365);"
                " no tenant ID of this domain is known, so there is nothing to compare with"
            ),
        )
    if not reading.present:
        return TrustVerdict(
            Trust.NO_BEARER,
            Status.FAIL,
            msg(
                "no Bearer challenge: hybrid modern authentication / OAuth with Exchange "
                "Online is not configured (Teams calendar, Skype for Business and SharePoint "
                "cannot reach on-premises mail)"
            ),
            _hma_remedy(),
        )
    if (reading.client_id or "").lower() != EXCHANGE_APP_ID:
        return TrustVerdict(
            Trust.WRONG_CLIENT,
            Status.FAIL,
            msg(
                "the Bearer challenge names client_id {client_id}, not Exchange's app ID "
                "{app_id}: something other than Exchange answered",
                client_id=reading.client_id or msg("none"),
                app_id=EXCHANGE_APP_ID,
            ),
            Remedy(
                msg(
                    "Publish EWS and autodiscover straight from Exchange (a reverse proxy or "
                    "load balancer must pass Exchange's own 401 and WWW-Authenticate headers "
                    "through, not answer with its own sign-in)."
                ),
                INTEGRATION_LINKS["hybrid_modern_auth"],
            ),
        )
    if not reading.issuers:
        return TrustVerdict(
            Trust.NO_ISSUERS,
            Status.FAIL,
            msg("the Bearer challenge names no trusted issuers: Exchange trusts no token issuer"),
            _hma_remedy(),
        )
    if not reading.entra_tenants:
        return TrustVerdict(
            Trust.NO_ENTRA_ISSUER,
            Status.FAIL,
            msg(
                "trusted_issuers names no Microsoft Entra ID tenant ({issuers}): Exchange does "
                "not accept Entra ID tokens",
                issuers=", ".join(reading.issuers),
            ),
            _hma_remedy(),
        )
    if tenant_id is None:
        return TrustVerdict(
            Trust.NO_TENANT,
            Status.INFO,
            msg(
                "Exchange trusts Entra ID tenant {tenants};"
                " no tenant ID of this domain is known, so there is nothing to compare with",
                tenants=_tenants(reading),
            ),
        )
    if tenant_id.lower() in reading.entra_tenants:
        return TrustVerdict(
            Trust.TRUSTED,
            Status.PASS,
            msg(
                "Exchange's Bearer challenge trusts this tenant ({tenant}) and names "
                "Exchange's app ID",
                tenant=tenant_id,
            ),
        )
    if "*" in reading.entra_tenants:
        return TrustVerdict(
            Trust.ANY_TENANT,
            Status.INFO,
            msg(
                "the Bearer challenge trusts Entra ID tokens of any tenant (Microsoft's "
                "multi-tenant form, as Exchange Online sends it)"
            ),
        )
    return TrustVerdict(
        Trust.OTHER_TENANT,
        Status.FAIL,
        msg(
            "trusted_issuers names another tenant ({found}), not this domain's ({tenant}): "
            "Exchange accepts no token from this tenant",
            found=_tenants(reading),
            tenant=tenant_id,
        ),
        Remedy(
            msg(
                "Point Exchange's Entra ID auth server at this tenant: Get-AuthServer shows "
                "the one in use; re-run the Hybrid Configuration Wizard signed in to tenant "
                "{tenant}, or Set-AuthServer -AuthMetadataUrl https://login.microsoftonline.com/"
                "{tenant}/federationmetadata/2007-06/federationmetadata.xml.",
                tenant=tenant_id,
            ),
            INTEGRATION_LINKS["hybrid_modern_auth"],
        ),
    )


def sharepoint_trust(
    reading: BearerReading, tenant_id: str | None, *, online: bool
) -> TrustVerdict:
    """A SharePoint site's Bearer challenge: its realm must be the domain's tenant ID.
    Without a tenant ID (an on-premises-only organisation) nothing is expected of it."""
    if tenant_id is None and not reading.present:
        return TrustVerdict(
            Trust.NO_TENANT,
            Status.INFO,
            msg(
                "the site offers no Bearer (OAuth) challenge;"
                " no tenant ID of this domain is known, so there is nothing to compare with"
            ),
        )
    if not reading.present:
        summary = msg(
            "the site offers no Bearer (OAuth) challenge: SharePoint does not accept Entra ID "
            "tokens, so Exchange Online, Teams and hybrid search cannot sign in to it"
        )
        return TrustVerdict(
            Trust.NO_BEARER,
            Status.FAIL,
            summary,
            Remedy(
                msg(
                    "Set up server-to-server authentication between SharePoint Server and "
                    "Microsoft 365 (the SharePoint Hybrid Configuration Wizard, or "
                    "New-SPTrustedSecurityTokenIssuer for the tenant's metadata endpoint and "
                    "Set-SPAuthenticationRealm -Realm <tenant ID>)."
                ),
                SHAREPOINT_LINKS["s2s"],
            ),
        )
    if (reading.client_id or "").lower() != SHAREPOINT_APP_ID:
        return TrustVerdict(
            Trust.WRONG_CLIENT,
            Status.FAIL,
            msg(
                "the Bearer challenge names client_id {client_id}, not SharePoint's app ID "
                "{app_id}: something other than SharePoint answered",
                client_id=reading.client_id or msg("none"),
                app_id=SHAREPOINT_APP_ID,
            ),
            Remedy(
                msg(
                    "Check the site URL, and that a reverse proxy in front of SharePoint "
                    "passes SharePoint's own 401 and WWW-Authenticate headers through."
                ),
                SHAREPOINT_LINKS["s2s"],
            ),
        )
    if reading.realm is None:
        return TrustVerdict(
            Trust.NO_REALM,
            Status.FAIL,
            msg("the Bearer challenge names no realm: SharePoint has no authentication realm"),
            Remedy(
                msg(
                    "Set the farm's realm to the tenant ID: "
                    "Set-SPAuthenticationRealm -Realm <tenant ID>."
                ),
                SHAREPOINT_LINKS["s2s"],
            ),
        )
    if tenant_id is None:
        return TrustVerdict(
            Trust.NO_TENANT,
            Status.INFO,
            msg(
                "the site's realm is {realm};"
                " no tenant ID of this domain is known, so there is nothing to compare with",
                realm=reading.realm,
            ),
        )
    if reading.realm.lower() == tenant_id.lower():
        return TrustVerdict(
            Trust.TRUSTED,
            Status.PASS,
            msg("the site's Bearer realm is this tenant ({tenant})", tenant=tenant_id),
        )
    if online:
        return TrustVerdict(
            Trust.OTHER_TENANT,
            Status.FAIL,
            msg(
                "the site belongs to another tenant (realm {realm}), not this domain's ({tenant})",
                realm=reading.realm,
                tenant=tenant_id,
            ),
            Remedy(
                msg(
                    "Give the URL of a site in this domain's own tenant (its SharePoint "
                    "address is <name>.sharepoint.com, as the SharePoint admin center shows)."
                ),
                SHAREPOINT_LINKS["domain_rename"],
            ),
        )
    return TrustVerdict(
        Trust.OTHER_TENANT,
        Status.FAIL,
        msg(
            "SharePoint Server's realm is {realm}, not this domain's tenant ID ({tenant}): "
            "tokens from Microsoft 365 are refused",
            realm=reading.realm,
            tenant=tenant_id,
        ),
        Remedy(
            msg(
                "Set-SPAuthenticationRealm -Realm {tenant} on the farm, then re-create the "
                "trust with Microsoft 365 (the SharePoint Hybrid Configuration Wizard); "
                "existing server-to-server trusts must be re-created after a realm change.",
                tenant=tenant_id,
            ),
            SHAREPOINT_LINKS["s2s"],
        ),
    )
